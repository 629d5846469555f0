//! `programs.toml`: environmental programs. A program without `municipality` is a joint program of all 62.

use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

use super::diagnostics::{Diagnostics, SourceFile};
use super::ids::UniqueIds;
use super::municipalities::Municipalities;
use super::text::LocalizedText;
use super::urls::check_https;

pub const FILE: &str = "programs.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramsFile {
    #[serde(default)]
    program: Vec<Entry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: Spanned<String>,
    municipality: Option<Spanned<String>>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    source: Spanned<String>,
    url: Option<Spanned<String>>,
    title: LocalizedText,
    summary: LocalizedText,
}

/// Tags a program may carry (they group programs and quiz questions).
pub const TAGS: [&str; 6] = ["project", "energy", "greenery", "waste", "climate", "learning"];

#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    pub id: String,
    /// `None` for a joint program that every municipality takes part in.
    pub municipality: Option<String>,
    pub tags: Vec<String>,
    pub source: String,
    pub url: Option<String>,
    pub title: LocalizedText,
    pub summary: LocalizedText,
}

impl Program {
    pub fn applies_to(&self, code: &str) -> bool {
        self.municipality.as_deref().is_none_or(|m| m == code)
    }
}

pub fn load(config_dir: &Path, municipalities: Option<&Municipalities>) -> Result<Vec<Program>, Diagnostics> {
    let src = SourceFile::read(&config_dir.join(FILE)).map_err(|d| Diagnostics(vec![d]))?;
    let file: ProgramsFile = src.parse_toml().map_err(|d| Diagnostics(vec![d]))?;
    let mut out = Diagnostics::default();
    let mut ids = UniqueIds::new("program id");
    let mut programs = Vec::new();
    for e in file.program {
        ids.check(&src, &e.id, &mut out);
        let id = e.id.get_ref();
        if let (Some(m), Some(all)) = (&e.municipality, municipalities) {
            if all.get(m.get_ref()).is_none() {
                out.push(src.at(m.span(), format!("municipality \"{}\" is not defined in municipalities.toml", m.get_ref())));
            }
        }
        for t in &e.tags {
            if !TAGS.contains(&t.get_ref().as_str()) {
                out.push(src.at(t.span(), format!("unknown tag \"{}\" (expected one of {})", t.get_ref(), TAGS.join(", "))));
            }
        }
        if e.source.get_ref().trim().is_empty() {
            out.push(src.at(e.source.span(), "source must say where the program's facts come from"));
        }
        if let Some(url) = &e.url {
            if let Err(msg) = check_https(url.get_ref()) {
                out.push(src.at(url.span(), format!("url: {msg}")));
            }
        }
        programs.push(Program {
            id: id.clone(),
            municipality: e.municipality.map(Spanned::into_inner),
            tags: e.tags.into_iter().map(Spanned::into_inner).collect(),
            source: e.source.into_inner(),
            url: e.url.map(Spanned::into_inner),
            title: e.title,
            summary: e.summary,
        });
    }
    if out.is_empty() { Ok(programs) } else { Err(out) }
}
