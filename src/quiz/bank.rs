//! The question bank and its validation.

use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

use crate::diagnostics::{Diagnostics, SourceFile};
use crate::ids::UniqueIds;
use crate::localized::LocalizedText;
use crate::urls::check_https;

pub const FILE: &str = "quiz.toml";
/// Source meaning the joint project's FY2013 press release.
pub const SOURCE_PRESS_RELEASE: &str = "press-release-fy2013";
/// Source meaning the sourced facts of municipalities.toml.
pub const SOURCE_MUNICIPALITIES: &str = "municipalities.toml";
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    Easy,
    Medium,
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

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub difficulty: Difficulty,
    pub tags: Vec<String>,
    pub source: String,
    pub correct: usize,
    pub text: LocalizedText,
    pub choices: Vec<LocalizedText>,
    pub explanation: LocalizedText,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuizBank {
    pub questions: Vec<Question>,
    pub questions_per_round: usize,
    pub learn_more_url: String,
}

impl QuizBank {
    pub fn get(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

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
