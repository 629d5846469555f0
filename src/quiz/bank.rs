//! The question bank and its validation.

use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

use crate::diagnostics::{Diagnostics, SourceFile};
use crate::ids::UniqueIds;
use crate::localized::LocalizedText;
use crate::urls::check_https;

/// The file's name inside the booth_config directory.
pub const FILE: &str = "quiz.toml";
/// Source meaning the joint project's FY2013 press release.
pub const SOURCE_PRESS_RELEASE: &str = "press-release-fy2013";
/// Source meaning the sourced facts of municipalities.toml.
pub const SOURCE_MUNICIPALITIES: &str = "municipalities.toml";
/// Tags a question may carry: the program tags, the program themes and `municipality`.
pub const TAGS: [&str; 11] = [
    "project",
    "energy",
    "greenery",
    "waste",
    "climate",
    "learning",
    "municipality",
    "water",
    "biodiversity",
    "declaration",
    "mobility",
];

/// How hard a question is (`difficulty` in quiz.toml); a round mixes them, easy first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    /// `easy`: about 40 % of a round, asked first.
    Easy,
    /// `medium`: about 40 % of a round.
    Medium,
    /// `hard`: about 20 % of a round (at least one), asked last.
    Hard,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizFile {
    settings: Settings,
    question: Vec<Entry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Settings {
    questions_per_round: Spanned<usize>,
    learn_more_url: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: Spanned<String>,
    difficulty: Difficulty,
    tags: Vec<Spanned<String>>,
    source: Spanned<String>,
    correct: Spanned<usize>,
    text: LocalizedText,
    choices: Spanned<Vec<LocalizedText>>,
    explanation: LocalizedText,
}

/// A validated `[[question]]` of quiz.toml.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Unique id within quiz.toml (e.g. "project-start"); telemetry and the recent-questions list use it.
    pub id: String,
    /// How hard it is; rounds are drawn by difficulty.
    pub difficulty: Difficulty,
    /// Topic tags from [`TAGS`].
    pub tags: Vec<String>,
    /// Where the answer comes from: [`SOURCE_PRESS_RELEASE`], [`SOURCE_MUNICIPALITIES`] or an https URL;
    /// shown under the explanation.
    pub source: String,
    /// Index (from 0) of the right choice in `choices`, as written; choices are shuffled on screen.
    pub correct: usize,
    /// The question in each language.
    pub text: LocalizedText,
    /// The 2 to 4 choices, in file order.
    pub choices: Vec<LocalizedText>,
    /// Why the right answer is right, shown after the visitor answers.
    pub explanation: LocalizedText,
}

/// Everything in quiz.toml, validated: the questions and the round settings.
#[derive(Debug, Clone, PartialEq)]
pub struct QuizBank {
    /// Every question, in file order.
    pub questions: Vec<Question>,
    /// `[settings] questions_per_round`: how many questions a round asks (3–10, at most the bank's size).
    pub questions_per_round: usize,
    /// `[settings] learn_more_url`: the https page the result screen's QR code links to
    /// (tagged by `Booth::quiz_link`).
    pub learn_more_url: String,
}

impl QuizBank {
    /// The question with this `id`, if any.
    pub fn get(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

/// Loads and validates quiz.toml in `config_dir`, reporting every problem: ids, 2–4 choices, `correct`
/// in range, sources, tags, questions per round and the learn-more URL.
pub fn load(config_dir: &Path) -> Result<QuizBank, Diagnostics> {
    let src = SourceFile::read(&config_dir.join(FILE)).map_err(|d| Diagnostics(vec![d]))?;
    let file: QuizFile = src.parse_toml().map_err(|d| Diagnostics(vec![d]))?;
    let mut out = Diagnostics::default();
    let mut ids = UniqueIds::new("question id");
    let mut questions = Vec::new();
    for e in file.question {
        ids.check(&src, &e.id, &mut out);
        let id = e.id.get_ref();
        let n = e.choices.get_ref().len();
        if !(2..=4).contains(&n) {
            out.push(src.at(e.choices.span(), format!("question \"{id}\" has {n} choices; it needs 2 to 4")));
        }
        if *e.correct.get_ref() >= n {
            out.push(src.at(
                e.correct.span(),
                format!(
                    "correct = {} is out of range: question \"{id}\" has choices 0..={}",
                    e.correct.get_ref(),
                    n.saturating_sub(1)
                ),
            ));
        }
        let source = e.source.get_ref();
        if source != SOURCE_PRESS_RELEASE
            && source != SOURCE_MUNICIPALITIES
            && let Err(msg) = check_https(source)
        {
            out.push(src.at(
                e.source.span(),
                format!(
                    "source must be \"{SOURCE_PRESS_RELEASE}\", \"{SOURCE_MUNICIPALITIES}\" or an https URL: {msg}"
                ),
            ));
        }
        for t in &e.tags {
            if !TAGS.contains(&t.get_ref().as_str()) {
                out.push(
                    src.at(t.span(), format!("unknown tag \"{}\" (expected one of {})", t.get_ref(), TAGS.join(", "))),
                );
            }
        }
        questions.push(Question {
            id: id.clone(),
            difficulty: e.difficulty,
            tags: e.tags.into_iter().map(Spanned::into_inner).collect(),
            source: source.clone(),
            correct: *e.correct.get_ref(),
            text: e.text,
            choices: e.choices.into_inner(),
            explanation: e.explanation,
        });
    }
    let per_round = *file.settings.questions_per_round.get_ref();
    if !(3..=10).contains(&per_round) {
        out.push(src.at(
            file.settings.questions_per_round.span(),
            format!("questions_per_round = {per_round} is out of range 3..=10"),
        ));
    } else if per_round > questions.len() {
        out.push(src.at(
            file.settings.questions_per_round.span(),
            format!("questions_per_round = {per_round} but the bank has only {} questions", questions.len()),
        ));
    }
    if let Err(msg) = check_https(file.settings.learn_more_url.get_ref()) {
        out.push(src.at(file.settings.learn_more_url.span(), format!("learn_more_url: {msg}")));
    }
    if out.is_empty() {
        Ok(QuizBank {
            questions,
            questions_per_round: per_round,
            learn_more_url: file.settings.learn_more_url.into_inner(),
        })
    } else {
        Err(out)
    }
}
