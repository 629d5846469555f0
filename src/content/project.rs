//! `project.toml`: the joint project as its press release describes it.

use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;
use toml::Spanned;

use crate::clock::LocalDate;
use crate::diagnostics::{Diagnostics, SourceFile};
use crate::localized::LocalizedText;

pub const FILE: &str = "project.toml";

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub project: About,
    pub declaration: Declaration,
    pub organizer: Vec<Organizer>,
    pub plan: Plan,
    pub results: Results,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct About {
    pub source: String,
    pub started_fiscal_year: u16,
    pub municipalities: u16,
    /// The homepage exactly as the press release prints it (http); shown as text, never as a QR code.
    pub homepage_as_printed: String,
    pub name: LocalizedText,
    pub joint: LocalizedText,
    pub message: LocalizedText,
    pub summary: LocalizedText,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    pub date: LocalDate,
    pub title: LocalizedText,
    pub summary: LocalizedText,
    pub action: Vec<LocalizedText>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganizerRole {
    /// 主催
    Host,
    /// 企画・運営
    Operator,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Organizer {
    pub id: Spanned<String>,
    pub role: OrganizerRole,
    pub name: LocalizedText,
    pub members: LocalizedText,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub fiscal_year: u16,
    pub budget_yen: Spanned<u64>,
    pub grant_cap_yen: Spanned<u64>,
    pub category: Vec<Category>,
    pub item: Vec<PlanItem>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub number: Spanned<u8>,
    pub name: LocalizedText,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    Continuing,
    New,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// `None` for the line outside the three categories (事業検証及び事業方針検討).
    pub category: Option<Spanned<u8>>,
    pub number: Option<u8>,
    pub status: PlanStatus,
    pub contacts: Vec<Spanned<String>>,
    pub name: LocalizedText,
    pub content: LocalizedText,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Results {
    pub fiscal_year: u16,
    pub item: Vec<ResultItem>,
    pub lecture: Vec<Lecture>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ResultItem {
    pub category: Spanned<u8>,
    pub name: LocalizedText,
    pub detail: LocalizedText,
    pub date_from: Option<LocalDate>,
    pub date_to: Option<Spanned<LocalDate>>,
    pub participating_municipalities: Option<u16>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Lecture {
    pub name: LocalizedText,
    pub dates: Spanned<Vec<LocalDate>>,
    pub participants: Spanned<u32>,
}

impl Results {
    pub fn lecture_participants(&self) -> u32 {
        self.lecture.iter().map(|l| *l.participants.get_ref()).sum()
    }
}

pub fn load(config_dir: &Path) -> Result<Project, Diagnostics> {
    let src = SourceFile::read(&config_dir.join(FILE)).map_err(|d| Diagnostics(vec![d]))?;
    let p: Project = src.parse_toml().map_err(|d| Diagnostics(vec![d]))?;
    let mut out = Diagnostics::default();

    let mut ids = HashSet::new();
    for o in &p.organizer {
        if !ids.insert(o.id.get_ref().clone()) {
            out.push(src.at(o.id.span(), format!("duplicate organizer id \"{}\"", o.id.get_ref())));
        }
    }
    let categories: HashSet<u8> = p.plan.category.iter().map(|c| *c.number.get_ref()).collect();
    if categories.len() != p.plan.category.len()
        && let Some(c) = p.plan.category.last()
    {
        out.push(src.at(c.number.span(), "plan category numbers must be unique"));
    }
    for item in &p.plan.item {
        if let Some(c) = &item.category
            && !categories.contains(c.get_ref())
        {
            out.push(src.at(c.span(), format!("plan category {} is not defined in [[plan.category]]", c.get_ref())));
        }
        for c in &item.contacts {
            if !ids.contains(c.get_ref()) {
                out.push(src.at(c.span(), format!("contact \"{}\" is not an organizer id", c.get_ref())));
            }
        }
    }
    for item in &p.results.item {
        if !categories.contains(item.category.get_ref()) {
            out.push(src.at(
                item.category.span(),
                format!("category {} is not defined in [[plan.category]]", item.category.get_ref()),
            ));
        }
        if let (Some(from), Some(to)) = (&item.date_from, &item.date_to)
            && to.get_ref() < from
        {
            out.push(src.at(to.span(), format!("date_to {} is before date_from {from}", to.get_ref())));
        }
    }
    for l in &p.results.lecture {
        if *l.participants.get_ref() == 0 {
            out.push(src.at(l.participants.span(), "participants must be more than 0"));
        }
        if l.dates.get_ref().is_empty() {
            out.push(src.at(l.dates.span(), "a lecture needs at least one date"));
        }
    }
    if *p.plan.grant_cap_yen.get_ref() > *p.plan.budget_yen.get_ref() {
        out.push(src.at(p.plan.grant_cap_yen.span(), "grant_cap_yen is larger than the whole budget_yen"));
    }
    if out.is_empty() { Ok(p) } else { Err(out) }
}
