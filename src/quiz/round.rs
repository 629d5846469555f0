//! Drawing a round, answering, scoring.

use std::collections::VecDeque;

use super::bank::{Difficulty, QuizBank};

/// A small deterministic random number generator (SplitMix64): the same seed gives the same round.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// The next pseudo-random 64-bit number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// Shuffles `v` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// Question ids of the last few rounds on this kiosk, newest last.
#[derive(Debug, Clone, Default)]
pub struct RecentQuestions {
    ids: VecDeque<String>,
    capacity: usize,
}

impl RecentQuestions {
    /// Remembers the questions of the last `rounds` rounds of `per_round` questions.
    pub fn new(rounds: usize, per_round: usize) -> RecentQuestions {
        RecentQuestions { ids: VecDeque::new(), capacity: rounds * per_round }
    }
    /// Records `id` as the newest question asked, forgetting the oldest beyond capacity.
    pub fn remember(&mut self, id: &str) {
        self.ids.retain(|x| x != id);
        self.ids.push_back(id.to_owned());
        while self.ids.len() > self.capacity {
            self.ids.pop_front();
        }
    }
    /// Whether `id` was asked in the remembered rounds.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.iter().any(|x| x == id)
    }
    /// Position in the history (0 = oldest); `None` when not recent.
    fn age_rank(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|x| x == id)
    }
}

/// A question as shown: choices in display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawnQuestion {
    /// The question's id in the bank.
    pub id: String,
    /// `order[i]` is the bank index of the choice shown at position `i`.
    pub order: Vec<usize>,
    /// Display position of the correct choice.
    pub correct_position: usize,
}

/// A visitor's answer to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    /// The display position tapped (0 = first shown).
    pub position: usize,
    /// Whether it was the right choice.
    pub correct: bool,
    /// Time from the question being shown to the answer, in ms.
    pub millis: u32,
}

/// One visitor's round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    /// The questions drawn, in the order asked (easy to hard).
    pub questions: Vec<DrawnQuestion>,
    /// The answers so far, in order; one per question asked.
    pub answers: Vec<Answer>,
}

/// Difficulty mix of a round of `n`: about 40 % easy, 40 % medium, 20 % hard, easy first.
fn difficulty_plan(n: usize) -> Vec<Difficulty> {
    let hard = (n / 5).max(1);
    let easy = (n - hard).div_ceil(2);
    let medium = n - hard - easy;
    let mut plan = vec![Difficulty::Easy; easy];
    plan.extend(vec![Difficulty::Medium; medium]);
    plan.extend(vec![Difficulty::Hard; hard]);
    plan
}

impl Round {
    /// Draws a round: questions of the recent rounds only when nothing else is left (oldest first), a
    /// mix of difficulties from easy to hard, and choices shuffled.
    pub fn draw(bank: &QuizBank, recent: &RecentQuestions, rng: &mut Rng) -> Round {
        let n = bank.questions_per_round.min(bank.questions.len());
        let mut picked: Vec<usize> = Vec::with_capacity(n);
        for want in difficulty_plan(n) {
            let fresh: Vec<usize> = (0..bank.questions.len())
                .filter(|i| !picked.contains(i) && !recent.contains(&bank.questions[*i].id))
                .collect();
            let of_kind: Vec<usize> = fresh.iter().copied().filter(|i| bank.questions[*i].difficulty == want).collect();
            let choice = if !of_kind.is_empty() {
                of_kind[rng.below(of_kind.len())]
            } else if !fresh.is_empty() {
                fresh[rng.below(fresh.len())]
            } else {
                // Everything is recent: take the one seen longest ago.
                (0..bank.questions.len())
                    .filter(|i| !picked.contains(i))
                    .min_by_key(|i| recent.age_rank(&bank.questions[*i].id).unwrap_or(0))
                    .unwrap_or(0)
            };
            picked.push(choice);
        }
        picked.sort_by_key(|i| bank.questions[*i].difficulty);
        let questions = picked
            .into_iter()
            .map(|i| {
                let q = &bank.questions[i];
                let mut order: Vec<usize> = (0..q.choices.len()).collect();
                rng.shuffle(&mut order);
                let correct_position = order.iter().position(|c| *c == q.correct).unwrap_or(0);
                DrawnQuestion { id: q.id.clone(), order, correct_position }
            })
            .collect();
        Round { questions, answers: Vec::new() }
    }

    /// The question being asked, or `None` when all are answered.
    pub fn current(&self) -> Option<&DrawnQuestion> {
        self.questions.get(self.answers.len())
    }

    /// Records an answer to the current question and returns it.
    pub fn answer(&mut self, position: usize, millis: u32) -> Option<Answer> {
        let q = self.current()?;
        if position >= q.order.len() {
            return None;
        }
        let a = Answer { position, correct: position == q.correct_position, millis };
        self.answers.push(a);
        Some(a)
    }

    /// Whether every question has been answered.
    pub fn is_complete(&self) -> bool {
        self.answers.len() == self.questions.len()
    }

    /// How many answers were right.
    pub fn score(&self) -> usize {
        self.answers.iter().filter(|a| a.correct).count()
    }
}

/// The Fluent key of the friendly rank for a score.
pub fn rank_key(score: usize, out_of: usize) -> &'static str {
    match (score * 100).checked_div(out_of).unwrap_or(0) {
        100 => "quiz-rank-doctor",
        60..=99 => "quiz-rank-leader",
        20..=59 => "quiz-rank-apprentice",
        _ => "quiz-rank-beginner",
    }
}

/// Stars on the result's badge: everyone who finished a round gets at least one; beginner and
/// apprentice 1, leader 2, doctor (full marks) 3.
pub fn rank_stars(score: usize, out_of: usize) -> usize {
    match rank_key(score, out_of) {
        "quiz-rank-doctor" => 3,
        "quiz-rank-leader" => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::localized::LocalizedText;

    #[test]
    fn stars_follow_the_rank() {
        assert_eq!(rank_stars(5, 5), 3);
        assert_eq!(rank_stars(4, 5), 2);
        assert_eq!(rank_stars(3, 5), 2);
        assert_eq!(rank_stars(2, 5), 1);
        assert_eq!(rank_stars(0, 5), 1);
        assert_eq!(rank_stars(0, 0), 1);
    }
    use crate::quiz::Question;

    fn text(s: &str) -> LocalizedText {
        LocalizedText { ja: s.into(), en: None, zh_hans: None, ko: None, ja_easy: None }
    }

    fn bank(n: usize) -> QuizBank {
        let questions = (0..n)
            .map(|i| Question {
                id: format!("q{i}"),
                difficulty: [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard][i % 3],
                tags: vec![],
                source: "press-release-fy2013".into(),
                correct: i % 3,
                text: text("?"),
                choices: vec![text("a"), text("b"), text("c")],
                explanation: text("!"),
            })
            .collect();
        QuizBank { questions, questions_per_round: 5, learn_more_url: "https://a.jp/".into() }
    }

    #[test]
    fn same_seed_same_round_other_seed_other_round() {
        let b = bank(30);
        let r = RecentQuestions::new(3, 5);
        assert_eq!(Round::draw(&b, &r, &mut Rng::new(1)), Round::draw(&b, &r, &mut Rng::new(1)));
        assert_ne!(Round::draw(&b, &r, &mut Rng::new(1)), Round::draw(&b, &r, &mut Rng::new(2)));
    }

    #[test]
    fn rounds_mix_difficulties_easy_first_and_shuffle_choices() {
        let b = bank(30);
        let round = Round::draw(&b, &RecentQuestions::new(3, 5), &mut Rng::new(7));
        let diffs: Vec<Difficulty> = round.questions.iter().map(|q| b.get(&q.id).unwrap().difficulty).collect();
        assert_eq!(
            diffs,
            [Difficulty::Easy, Difficulty::Easy, Difficulty::Medium, Difficulty::Medium, Difficulty::Hard]
        );
        for q in &round.questions {
            let bank_q = b.get(&q.id).unwrap();
            assert_eq!(q.order[q.correct_position], bank_q.correct);
        }
        // Over many rounds the correct answer appears at every position.
        let mut positions = std::collections::BTreeSet::new();
        for s in 0..40 {
            for q in Round::draw(&b, &RecentQuestions::new(3, 5), &mut Rng::new(s)).questions {
                positions.insert(q.correct_position);
            }
        }
        assert_eq!(positions.len(), 3);
    }

    #[test]
    fn recent_questions_are_not_repeated_while_fresh_ones_remain() {
        let b = bank(30);
        let mut recent = RecentQuestions::new(3, 5);
        let mut rng = Rng::new(3);
        let mut previous: Vec<Vec<String>> = vec![];
        for _ in 0..12 {
            let round = Round::draw(&b, &recent, &mut rng);
            let ids: Vec<String> = round.questions.iter().map(|q| q.id.clone()).collect();
            for p in previous.iter().rev().take(3) {
                assert!(ids.iter().all(|id| !p.contains(id)), "{ids:?} repeats one of {p:?}");
            }
            for id in &ids {
                recent.remember(id);
            }
            previous.push(ids);
        }
    }

    #[test]
    fn a_small_bank_reuses_the_oldest_questions() {
        let mut b = bank(6);
        b.questions_per_round = 5;
        let mut recent = RecentQuestions::new(3, 5);
        for id in ["q0", "q1", "q2", "q3", "q4"] {
            recent.remember(id);
        }
        let round = Round::draw(&b, &recent, &mut Rng::new(1));
        let ids: Vec<&str> = round.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids.len(), 5);
        assert!(ids.contains(&"q5"), "the one fresh question is used");
        assert!(!ids.contains(&"q4"), "the newest recent question is the last to come back: {ids:?}");
    }

    #[test]
    fn answering_and_scoring() {
        let b = bank(30);
        let mut round = Round::draw(&b, &RecentQuestions::new(3, 5), &mut Rng::new(9));
        let right = round.current().unwrap().correct_position;
        assert!(round.answer(right, 1200).unwrap().correct);
        assert!(round.answer(99, 10).is_none(), "a position that is not on screen is ignored");
        for _ in 0..4 {
            let wrong = (round.current().unwrap().correct_position + 1) % 3;
            assert!(!round.answer(wrong, 800).unwrap().correct);
        }
        assert!(round.is_complete() && round.current().is_none());
        assert_eq!(round.score(), 1);
        assert_eq!(rank_key(5, 5), "quiz-rank-doctor");
        assert_eq!(rank_key(3, 5), "quiz-rank-leader");
        assert_eq!(rank_key(1, 5), "quiz-rank-apprentice");
        assert_eq!(rank_key(0, 5), "quiz-rank-beginner");
    }
}
