//! The eco quiz: a question bank from `booth_config/quiz.toml`, rounds drawn so a visitor rarely sees the
//! questions of the previous few rounds, shuffled choices, scoring and a friendly rank. No Bevy in here.

mod bank;
mod round;

pub use bank::{Difficulty, FILE, Question, QuizBank, SOURCE_MUNICIPALITIES, SOURCE_PRESS_RELEASE, TAGS, load};
pub use round::{Answer, DrawnQuestion, RecentQuestions, Rng, Round, rank_key, rank_stars};
