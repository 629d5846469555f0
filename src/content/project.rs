//! `project.toml`: the joint project as its press release describes it.

use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;
use toml::Spanned;

use crate::clock::LocalDate;
use crate::diagnostics::{Diagnostics, SourceFile};
use crate::localized::LocalizedText;

/// The file's name inside the booth_config directory.
pub const FILE: &str = "project.toml";

/// Everything in project.toml, validated: the joint project as its FY2013 press release describes it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// The `[project]` table: name, start, members and summary.
    pub project: About,
    /// The `[declaration]`: the municipalities' joint declaration and its actions.
    pub declaration: Declaration,
    /// The `[[organizer]]` bodies that host and run the project.
    pub organizer: Vec<Organizer>,
    /// The `[plan]`: one fiscal year's plan (FY2013 in the shipped file), its budget and items.
    pub plan: Plan,
    /// The `[results]`: what was done in a past fiscal year (FY2012 in the shipped file), with its courses.
    pub results: Results,
}

/// The `[project]` table of project.toml.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct About {
    /// The press release the facts come from, cited in Japanese on the About screen.
    pub source: String,
    /// The fiscal year the joint project began (e.g. 2007).
    pub started_fiscal_year: u16,
    /// How many municipalities run the project together (e.g. 62).
    pub municipalities: u16,
    /// The homepage exactly as the press release prints it (http); shown as text, never as a QR code.
    pub homepage_as_printed: String,
    /// The project's name, e.g. "みどり東京・温暖化防止プロジェクト".
    pub name: LocalizedText,
    /// The line naming it a joint project of all 62 municipalities.
    pub joint: LocalizedText,
    /// The project's slogan, e.g. "かけがえのない地球を守ろう ～一人ひとりの力をつないで～".
    pub message: LocalizedText,
    /// What the project is, in a few sentences; shown on the About screen.
    pub summary: LocalizedText,
}

/// The municipalities' joint declaration (`[declaration]` in project.toml).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    /// The day it was made (e.g. 2007-10-03).
    pub date: LocalDate,
    /// Its title, quoting the slogan.
    pub title: LocalizedText,
    /// A short account of what it says.
    pub summary: LocalizedText,
    /// The actions it commits to, one per `[[declaration.action]]`, in order.
    pub action: Vec<LocalizedText>,
}

/// What an organizer does for the project (`role` in project.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganizerRole {
    /// 主催
    Host,
    /// 企画・運営
    Operator,
}

/// A body behind the project (`[[organizer]]` in project.toml).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Organizer {
    /// Unique id, which plan items name in `contacts`.
    pub id: Spanned<String>,
    /// Host (主催) or operator (企画・運営).
    pub role: OrganizerRole,
    /// The body's name, e.g. "特別区長会".
    pub name: LocalizedText,
    /// Who it is made of or what it does, e.g. "東京23区長で構成".
    pub members: LocalizedText,
}

/// One fiscal year's plan (`[plan]` in project.toml).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The fiscal year the plan is for (e.g. 2013).
    pub fiscal_year: u16,
    /// The year's whole budget, in yen.
    pub budget_yen: Spanned<u64>,
    /// The most one municipality's project may receive as a grant, in yen; not above `budget_yen`.
    pub grant_cap_yen: Spanned<u64>,
    /// The numbered categories that items and results belong to (`[[plan.category]]`).
    pub category: Vec<Category>,
    /// The planned projects (`[[plan.item]]`), in file order.
    pub item: Vec<PlanItem>,
}

/// A numbered category of plan items and results.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Its number, unique; items and results refer to it.
    pub number: Spanned<u8>,
    /// What the category covers.
    pub name: LocalizedText,
}

/// Whether a plan item carries on from earlier years or is new (`status` in project.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Carried on from earlier years (`continuing`).
    Continuing,
    /// New in the plan's year (`new`).
    New,
}

/// One planned project (`[[plan.item]]` in project.toml).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// `None` for the line outside the three categories (事業検証及び事業方針検討).
    pub category: Option<Spanned<u8>>,
    /// Its number within the category, shown as ①, ②…; `None` when it has none.
    pub number: Option<u8>,
    /// Continuing or new.
    pub status: PlanStatus,
    /// Ids of the organizers to contact about it.
    pub contacts: Vec<Spanned<String>>,
    /// The project's name.
    pub name: LocalizedText,
    /// What it will do.
    pub content: LocalizedText,
}

/// What was done in a past fiscal year (`[results]` in project.toml).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Results {
    /// The fiscal year reported on (e.g. 2012).
    pub fiscal_year: u16,
    /// The year's results (`[[results.item]]`), shown as a timeline by start date.
    pub item: Vec<ResultItem>,
    /// The hands-on public courses held that year, with attendance (`[[results.lecture]]`).
    pub lecture: Vec<Lecture>,
}

/// One result of the year (`[[results.item]]` in project.toml).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ResultItem {
    /// Number of the plan category it belongs to.
    pub category: Spanned<u8>,
    /// What was done.
    pub name: LocalizedText,
    /// Its details: when, where, what came of it.
    pub detail: LocalizedText,
    /// Its first day, when dated; orders the timeline.
    pub date_from: Option<LocalDate>,
    /// Its last day, when dated; not before `date_from`.
    pub date_to: Option<Spanned<LocalDate>>,
    /// How many municipalities took part, where the source says (e.g. 26).
    pub participating_municipalities: Option<u16>,
}

/// One hands-on public course (`[[results.lecture]]` in project.toml).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Lecture {
    /// The course's name, e.g. "森林セラピー".
    pub name: LocalizedText,
    /// The days it was held; at least one.
    pub dates: Spanned<Vec<LocalDate>>,
    /// How many people took part over all its dates; more than 0.
    pub participants: Spanned<u32>,
}

impl Results {
    /// How many people took part in the year's courses, all courses together.
    pub fn lecture_participants(&self) -> u32 {
        self.lecture.iter().map(|l| *l.participants.get_ref()).sum()
    }
}

/// Loads and validates project.toml, reporting every problem: unique organizer ids and category numbers,
/// known categories and contacts, dates in order, courses with dates and people, a grant cap within budget.
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
