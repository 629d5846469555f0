//! About the project: the joint declaration, the organizers, the FY2013 plan, the FY2012 results and the
//! public courses, one tab each so nothing needs scrolling.

use bevy::picking::Pickable;
use bevy::prelude::*;

use crate::content::project::{OrganizerRole, PlanStatus, Project};
use crate::content::LocalizedText;
use crate::i18n::{format_integer, format_yen_large, Lang};
use crate::kiosk::theme::{palette, text_size, GAP_MM, MARGIN_MM};
use crate::kiosk::top_bar::spawn_top_bar;
use crate::kiosk::widgets::{button, card, label, screen_root, ButtonStyle, UiContext};
use crate::kiosk::Screen;

#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AboutTab {
    #[default]
    Declaration,
    Organizers,
    Plan,
    Results,
    Lectures,
}

impl AboutTab {
    pub const ALL: [AboutTab; 5] = [AboutTab::Declaration, AboutTab::Organizers, AboutTab::Plan, AboutTab::Results, AboutTab::Lectures];
    fn key(self) -> &'static str {
        match self {
            AboutTab::Declaration => "about-tab-declaration",
            AboutTab::Organizers => "about-tab-organizers",
            AboutTab::Plan => "about-tab-plan",
            AboutTab::Results => "about-tab-results",
            AboutTab::Lectures => "about-tab-lectures",
        }
    }
}

/// A tab button.
#[derive(Component, Clone, Copy, Debug)]
pub struct AboutTabButton(pub AboutTab);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<AboutTab>()
        .add_systems(OnEnter(Screen::About), spawn)
        .add_systems(OnEnter(Screen::Attract), |mut tab: ResMut<AboutTab>| *tab = AboutTab::default());
}

/// Text of a content field in the current language, with the font of the language it is written in.
fn text_of(ui: &UiContext, t: &LocalizedText, bold: bool) -> (String, Handle<Font>) {
    let lang = ui.lang();
    (t.get(lang).to_owned(), ui.font_in(t.lang_of(lang), bold))
}

fn spawn(mut commands: Commands, ui: UiContext, tab: Res<AboutTab>) {
    let Some(content) = ui.content.as_ref() else { return };
    let booth = content.0.clone();
    let p = &booth.project;
    let current = *tab;
    commands.spawn(screen_root(Screen::About)).with_children(|root| {
        spawn_top_bar(root, &ui, &ui.t("about-title"), ui.lang(), Some(Screen::Map));
        root.spawn((Node { padding: UiRect::new(px(MARGIN_MM), px(MARGIN_MM), px(MARGIN_MM * 0.7), px(0.0)), column_gap: px(GAP_MM), ..default() }, Pickable::IGNORE))
            .with_children(|tabs| {
                for t in AboutTab::ALL {
                    let style = if t == current { ButtonStyle::Primary } else { ButtonStyle::Secondary };
                    tabs.spawn((button(style, ui.t(t.key()), ui.font(true)), AboutTabButton(t))).observe(
                        move |_: On<Pointer<Click>>, mut tab: ResMut<AboutTab>, mut next: ResMut<NextState<Screen>>| {
                            if *tab != t {
                                *tab = t;
                                next.set(Screen::About);
                            }
                        },
                    );
                }
            });
        root.spawn((
            Node { flex_grow: 1.0, flex_direction: FlexDirection::Column, padding: UiRect::all(px(MARGIN_MM)), row_gap: px(GAP_MM), ..default() },
            Pickable::IGNORE,
        ))
        .with_children(|body| match current {
            AboutTab::Declaration => declaration(body, &ui, p),
            AboutTab::Organizers => organizers(body, &ui, p),
            AboutTab::Plan => plan(body, &ui, p),
            AboutTab::Results => results(body, &ui, p),
            AboutTab::Lectures => lectures(body, &ui, p),
        });
        root.spawn((Node { padding: UiRect::new(px(MARGIN_MM), px(MARGIN_MM), px(0.0), px(MARGIN_MM * 0.6)), ..default() }, Pickable::IGNORE))
            .with_children(|f| {
                let line = format!(
                    "{}　{}",
                    ui.t_in(Lang::Ja, "about-source", &[("source", p.project.source.clone().into())]),
                    ui.t_in(Lang::Ja, "about-homepage", &[("url", p.project.homepage_as_printed.clone().into())])
                );
                f.spawn(label(line, ui.font_in(Lang::Ja, false), text_size::CAPTION, palette::TEXT_MUTED));
            });
    });
}

fn heading(parent: &mut ChildSpawnerCommands, ui: &UiContext, text: String) {
    parent.spawn(label(text, ui.font(true), text_size::TITLE, palette::PRIMARY));
}

fn grid(columns: u16) -> impl Bundle {
    (
        Node { display: Display::Grid, grid_template_columns: RepeatedGridTrack::flex(columns, 1.0), column_gap: px(GAP_MM), row_gap: px(GAP_MM), ..default() },
        Pickable::IGNORE,
    )
}

fn declaration(body: &mut ChildSpawnerCommands, ui: &UiContext, p: &Project) {
    let (summary, font) = text_of(ui, &p.project.summary, false);
    body.spawn(label(summary, font, text_size::BODY, palette::TEXT));
    let (title, font) = text_of(ui, &p.declaration.title, true);
    body.spawn(label(title, font, text_size::HEADING, palette::PRIMARY));
    let date = ui.strings.as_ref().map(|s| s.0.date(ui.lang(), p.declaration.date)).unwrap_or_default();
    let started = ui.t_args(
        "about-started",
        &[("year", p.project.started_fiscal_year.into()), ("count", p.project.municipalities.into())],
    );
    body.spawn(label(format!("{} ・ {started}", ui.t_args("about-declared-on", &[("date", date.into())])), ui.font(false), text_size::BODY, palette::TEXT_MUTED));
    let (summary, font) = text_of(ui, &p.declaration.summary, false);
    body.spawn(card()).with_children(|c| {
        c.spawn(label(summary, font, text_size::BODY, palette::TEXT));
    });
    for (i, action) in p.declaration.action.iter().enumerate() {
        let (text, font) = text_of(ui, action, true);
        body.spawn(card()).with_children(|c| {
            c.spawn(label(format!("{}. {text}", i + 1), font, text_size::HEADING, palette::TEXT));
        });
    }
}

fn organizers(body: &mut ChildSpawnerCommands, ui: &UiContext, p: &Project) {
    for (role, key) in [(OrganizerRole::Host, "about-role-host"), (OrganizerRole::Operator, "about-role-operator")] {
        heading(body, ui, ui.t(key));
        body.spawn(grid(3)).with_children(|g| {
            for o in p.organizer.iter().filter(|o| o.role == role) {
                g.spawn(card()).with_children(|c| {
                    let (name, f) = text_of(ui, &o.name, true);
                    c.spawn(label(name, f, text_size::HEADING, palette::TEXT));
                    let (members, f) = text_of(ui, &o.members, false);
                    c.spawn(label(members, f, text_size::BODY, palette::TEXT_MUTED));
                });
            }
        });
    }
}

fn plan(body: &mut ChildSpawnerCommands, ui: &UiContext, p: &Project) {
    let plan = &p.plan;
    let yen = |n: u64| ui.t_args("yen", &[("amount", format_yen_large(ui.lang(), n).unwrap_or_else(|| format_integer(n)).into())]);
    heading(body, ui, ui.t_args("about-plan-title", &[("year", plan.fiscal_year.into())]));
    body.spawn(label(
        format!(
            "{} ・ {}",
            ui.t_args("about-budget", &[("amount", yen(*plan.budget_yen.get_ref()).into())]),
            ui.t_args("about-grant-cap", &[("amount", yen(*plan.grant_cap_yen.get_ref()).into())])
        ),
        ui.font(true),
        text_size::BODY,
        palette::TEXT,
    ));
    let orgs = |ids: &[toml::Spanned<String>]| -> String {
        ids.iter()
            .filter_map(|id| p.organizer.iter().find(|o| o.id.get_ref() == id.get_ref()))
            .map(|o| o.name.get(ui.lang()).to_owned())
            .collect::<Vec<_>>()
            .join("、")
    };
    // The three categories of the plan, each with its items (〔１〕〔２〕〔３〕 as the release numbers them).
    let mut groups: Vec<(Option<u8>, Vec<&crate::content::project::PlanItem>)> = Vec::new();
    for item in &plan.item {
        let cat = item.category.as_ref().map(|c| *c.get_ref());
        match groups.iter_mut().find(|(c, _)| *c == cat) {
            Some((_, v)) => v.push(item),
            None => groups.push((cat, vec![item])),
        }
    }
    for (cat, items) in groups {
        let title = cat.and_then(|n| plan.category.iter().find(|c| *c.number.get_ref() == n)).map(|c| {
            let (name, _) = text_of(ui, &c.name, true);
            format!("〔{}〕{name}", cat.unwrap_or_default())
        });
        let title = title.unwrap_or_else(|| ui.t("about-plan-other"));
        body.spawn(label(title, ui.font_in(ui.lang(), true), text_size::BODY, palette::PRIMARY));
        body.spawn(grid(items.len().clamp(1, 3) as u16)).with_children(|g| {
        for item in items {
            g.spawn(card()).with_children(|c| {
                let number = match item.number {
                    Some(n) => format!("{} ", char::from_u32(0x2460 + u32::from(n).saturating_sub(1)).unwrap_or('・')),
                    None => String::new(),
                };
                let status = ui.t(match item.status {
                    PlanStatus::New => "about-status-new",
                    PlanStatus::Continuing => "about-status-continuing",
                });
                let (name, f) = text_of(ui, &item.name, true);
                c.spawn(label(format!("{number}{name}（{status}）"), f, text_size::BODY, palette::TEXT));
                let (text, f) = text_of(ui, &item.content, false);
                c.spawn(label(text, f, text_size::SMALL, palette::TEXT));
                c.spawn(label(ui.t_args("about-contact", &[("names", orgs(&item.contacts).into())]), ui.font(false), text_size::CAPTION, palette::TEXT_MUTED));
            });
        }
        });
    }
}

fn results(body: &mut ChildSpawnerCommands, ui: &UiContext, p: &Project) {
    heading(body, ui, ui.t_args("about-results-title", &[("year", p.results.fiscal_year.into())]));
    body.spawn(grid(2)).with_children(|g| {
        for item in &p.results.item {
            g.spawn(card()).with_children(|c| {
                let (name, f) = text_of(ui, &item.name, true);
                c.spawn(label(name, f, text_size::BODY, palette::TEXT));
                let (detail, f) = text_of(ui, &item.detail, false);
                c.spawn(label(detail, f, text_size::SMALL, palette::TEXT));
                if let Some(n) = item.participating_municipalities {
                    c.spawn(label(ui.t_args("about-participating", &[("count", n.into())]), ui.font(true), text_size::SMALL, palette::PRIMARY));
                }
            });
        }
    });
}

fn lectures(body: &mut ChildSpawnerCommands, ui: &UiContext, p: &Project) {
    let r = &p.results;
    heading(body, ui, ui.t_args("about-lectures-title", &[("year", r.fiscal_year.into())]));
    body.spawn(label(
        ui.t_args("about-lectures-total", &[("count", format_integer(u64::from(r.lecture_participants())).into())]),
        ui.font(true),
        text_size::HEADING,
        palette::TEXT,
    ));
    body.spawn(grid(3)).with_children(|g| {
        for l in &r.lecture {
            g.spawn(card()).with_children(|c| {
                let (name, f) = text_of(ui, &l.name, true);
                c.spawn(label(name, f, text_size::HEADING, palette::TEXT));
                let dates: Vec<String> = l.dates.get_ref().iter().filter_map(|d| ui.strings.as_ref().map(|s| s.0.date(ui.lang(), *d))).collect();
                c.spawn(label(dates.join(" / "), ui.font(false), text_size::SMALL, palette::TEXT_MUTED));
                c.spawn(label(ui.t_args("people", &[("count", (*l.participants.get_ref()).into())]), ui.font(true), text_size::BODY, palette::PRIMARY));
            });
        }
    });
}
