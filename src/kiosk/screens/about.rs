//! About the project: the joint declaration, the organizers, the FY2013 plan, the FY2012 results and the
//! public courses, one tab each so nothing needs scrolling.

use bevy::picking::Pickable;
use bevy::prelude::*;

use crate::content::project::{OrganizerRole, PlanStatus, Project};
use crate::i18n::{format_integer, format_yen_large};
use crate::kiosk::Screen;
use crate::kiosk::theme::{GAP_MM, MARGIN_MM, RADIUS_MM, palette, text_size};
use crate::kiosk::top_bar::spawn_top_bar;
use crate::kiosk::widgets::{ButtonStyle, UiContext, button, card, label, screen_root};
use crate::lang::Lang;
use crate::localized::LocalizedText;

/// The tab shown on the about screen; back to the declaration when the attract loop returns.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum AboutTab {
    /// The project's summary and the joint declaration, shown as a poster.
    #[default]
    Declaration,
    /// The hosts and the operators, each with its members.
    Organizers,
    /// The fiscal year's plan: budget, grant cap, and its items with their status and contacts.
    Plan,
    /// A fiscal year's results, as a dated timeline.
    Results,
    /// The hands-on public courses: the total of participants and one bar per course.
    Lectures,
}

impl AboutTab {
    /// Every tab, in the order of the tab buttons.
    pub const ALL: [AboutTab; 5] =
        [AboutTab::Declaration, AboutTab::Organizers, AboutTab::Plan, AboutTab::Results, AboutTab::Lectures];
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
    let first = app.world().get_resource::<crate::kiosk::InitialView>().and_then(|i| i.about_tab).unwrap_or_default();
    app.insert_resource(first)
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
        root.spawn((
            Node {
                padding: UiRect::new(px(MARGIN_MM), px(MARGIN_MM), px(MARGIN_MM * 0.7), px(0.0)),
                column_gap: px(GAP_MM),
                ..default()
            },
            Pickable::IGNORE,
        ))
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
            Node {
                flex_grow: 1.0,
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(MARGIN_MM)),
                row_gap: px(GAP_MM),
                ..default()
            },
            Pickable::IGNORE,
        ))
        .with_children(|body| match current {
            AboutTab::Declaration => declaration(body, &ui, p),
            AboutTab::Organizers => organizers(body, &ui, p),
            AboutTab::Plan => plan(body, &ui, p),
            AboutTab::Results => results(body, &ui, p),
            AboutTab::Lectures => lectures(body, &ui, p),
        });
        root.spawn((
            Node { padding: UiRect::new(px(MARGIN_MM), px(MARGIN_MM), px(0.0), px(MARGIN_MM * 0.6)), ..default() },
            Pickable::IGNORE,
        ))
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
        Node {
            display: Display::Grid,
            grid_template_columns: RepeatedGridTrack::flex(columns, 1.0),
            column_gap: px(GAP_MM),
            row_gap: px(GAP_MM),
            ..default()
        },
        Pickable::IGNORE,
    )
}

fn declaration(body: &mut ChildSpawnerCommands, ui: &UiContext, p: &Project) {
    use crate::kiosk::icons::{Icon, icon};
    let (summary, font) = text_of(ui, &p.project.summary, false);
    body.spawn(label(summary, font, text_size::BODY, palette::TEXT));
    let date = ui.strings.as_ref().map(|s| s.0.date(ui.lang(), p.declaration.date)).unwrap_or_default();
    let started = ui.t_args(
        "about-started",
        &[("year", p.project.started_fiscal_year.into()), ("count", p.project.municipalities.into())],
    );
    // The declaration as a poster: framed, a seedling, the title large, the actions as numbered lines.
    body.spawn((
        DeclarationPoster,
        Node {
            flex_direction: FlexDirection::Column,
            row_gap: px(GAP_MM),
            padding: UiRect::all(px(GAP_MM * 2.5)),
            border: UiRect::all(px(2.5)),
            border_radius: BorderRadius::all(px(RADIUS_MM * 2.0)),
            ..default()
        },
        BackgroundColor(palette::SURFACE),
        BorderColor::all(palette::PRIMARY),
        Pickable::IGNORE,
    ))
    .with_children(|poster| {
        poster
            .spawn((
                Node { column_gap: px(GAP_MM * 2.0), align_items: AlignItems::Center, ..default() },
                Pickable::IGNORE,
            ))
            .with_children(|head| {
                head.spawn(icon(Icon::Seedling, 40.0, palette::PRIMARY));
                head.spawn((
                    Node { flex_direction: FlexDirection::Column, row_gap: px(1.0), flex_shrink: 1.0, ..default() },
                    Pickable::IGNORE,
                ))
                .with_children(|col| {
                    let (title, font) = text_of(ui, &p.declaration.title, true);
                    col.spawn(label(title, font, text_size::TITLE, palette::PRIMARY));
                    col.spawn(label(
                        format!("{} ・ {started}", ui.t_args("about-declared-on", &[("date", date.into())])),
                        ui.font(false),
                        text_size::BODY,
                        palette::TEXT_MUTED,
                    ));
                });
            });
        let (summary, font) = text_of(ui, &p.declaration.summary, false);
        poster.spawn(label(summary, font, text_size::BODY, palette::TEXT));
        for (i, action) in p.declaration.action.iter().enumerate() {
            let (text, font) = text_of(ui, action, true);
            poster
                .spawn((
                    Node { column_gap: px(GAP_MM), align_items: AlignItems::Center, ..default() },
                    Pickable::IGNORE,
                ))
                .with_children(|row| {
                    row.spawn((
                        Node {
                            width: px(16.0),
                            height: px(16.0),
                            flex_shrink: 0.0,
                            justify_content: JustifyContent::Center,
                            align_items: AlignItems::Center,
                            border_radius: BorderRadius::all(percent(50)),
                            ..default()
                        },
                        BackgroundColor(palette::PRIMARY),
                        Pickable::IGNORE,
                        children![label(
                            format!("{}", i + 1),
                            ui.font_in(Lang::En, true),
                            text_size::HEADING,
                            palette::ON_PRIMARY
                        )],
                    ));
                    row.spawn((
                        label(text, font, text_size::HEADING, palette::TEXT),
                        Node { flex_shrink: 1.0, ..default() },
                    ));
                });
        }
    });
}

/// Marks the declaration's poster.
#[derive(Component)]
pub struct DeclarationPoster;

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
    let yen = |n: u64| {
        ui.t_args("yen", &[("amount", format_yen_large(ui.lang(), n).unwrap_or_else(|| format_integer(n)).into())])
    };
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
    // One band per category: its name on the left, its items as cards side by side, so the whole plan
    // fits on one screen.
    body.spawn((
        Node { flex_direction: FlexDirection::Column, row_gap: px(GAP_MM * 0.8), ..default() },
        Pickable::IGNORE,
    ))
    .with_children(|columns| {
        for (cat, items) in groups {
            let title = cat.and_then(|n| plan.category.iter().find(|c| *c.number.get_ref() == n)).map(|c| {
                let (name, _) = text_of(ui, &c.name, true);
                format!("〔{}〕{name}", cat.unwrap_or_default())
            });
            let title = title.unwrap_or_else(|| ui.t("about-plan-other"));
            columns
                .spawn((
                    Node { column_gap: px(GAP_MM), align_items: AlignItems::Stretch, ..default() },
                    Pickable::IGNORE,
                ))
                .with_children(|g| {
                    g.spawn((
                        label(title, ui.font_in(ui.lang(), true), text_size::SMALL, palette::PRIMARY),
                        Node { width: px(130.0), flex_shrink: 0.0, ..default() },
                    ));
                    for item in items {
                        g.spawn(card())
                            .insert(Node {
                                flex_direction: FlexDirection::Column,
                                flex_grow: 1.0,
                                flex_basis: px(0.0),
                                padding: UiRect::all(px(4.0)),
                                row_gap: px(1.0),
                                ..default()
                            })
                            .with_children(|c| {
                                let number = match item.number {
                                    Some(n) => format!(
                                        "{} ",
                                        char::from_u32(0x2460 + u32::from(n).saturating_sub(1)).unwrap_or('・')
                                    ),
                                    None => String::new(),
                                };
                                let status = ui.t(match item.status {
                                    PlanStatus::New => "about-status-new",
                                    PlanStatus::Continuing => "about-status-continuing",
                                });
                                let (name, f) = text_of(ui, &item.name, true);
                                c.spawn(label(
                                    format!("{number}{name}（{status}）"),
                                    f,
                                    text_size::SMALL,
                                    palette::TEXT,
                                ));
                                let (text, f) = text_of(ui, &item.content, false);
                                c.spawn(label(text, f, text_size::CAPTION, palette::TEXT));
                                c.spawn(label(
                                    ui.t_args("about-contact", &[("names", orgs(&item.contacts).into())]),
                                    ui.font(false),
                                    text_size::CAPTION,
                                    palette::TEXT_MUTED,
                                ));
                            });
                    }
                });
        }
    });
}

fn results(body: &mut ChildSpawnerCommands, ui: &UiContext, p: &Project) {
    heading(body, ui, ui.t_args("about-results-title", &[("year", p.results.fiscal_year.into())]));
    // A timeline: in the order they happened, each with its date on the left of a line of dots.
    let mut items: Vec<_> = p.results.item.iter().collect();
    items.sort_by_key(|i| i.date_from);
    body.spawn((Node { flex_direction: FlexDirection::Column, ..default() }, Pickable::IGNORE)).with_children(|line| {
        for item in items {
            line.spawn((TimelineEntry, Node { column_gap: px(GAP_MM), ..default() }, Pickable::IGNORE)).with_children(
                |row| {
                    let when = item
                        .date_from
                        .and_then(|d| ui.strings.as_ref().map(|s| s.0.date(ui.lang(), d)))
                        .unwrap_or_default();
                    row.spawn((
                        label(when, ui.font(true), text_size::SMALL, palette::PRIMARY),
                        Node { width: px(62.0), flex_shrink: 0.0, margin: UiRect::top(px(4.0)), ..default() },
                    ));
                    row.spawn((
                        Node {
                            width: px(6.0),
                            flex_shrink: 0.0,
                            flex_direction: FlexDirection::Column,
                            align_items: AlignItems::Center,
                            ..default()
                        },
                        Pickable::IGNORE,
                    ))
                    .with_children(|rail| {
                        rail.spawn((
                            Node {
                                width: px(6.0),
                                height: px(6.0),
                                margin: UiRect::top(px(5.0)),
                                border_radius: BorderRadius::all(percent(50)),
                                ..default()
                            },
                            BackgroundColor(palette::PRIMARY),
                            Pickable::IGNORE,
                        ));
                        rail.spawn((
                            Node { width: px(1.2), flex_grow: 1.0, ..default() },
                            BackgroundColor(palette::CONTROL_EDGE),
                            Pickable::IGNORE,
                        ));
                    });
                    row.spawn(card())
                        .insert(Node {
                            flex_direction: FlexDirection::Column,
                            flex_grow: 1.0,
                            padding: UiRect::all(px(4.0)),
                            row_gap: px(1.5),
                            margin: UiRect::bottom(px(GAP_MM * 0.8)),
                            ..default()
                        })
                        .with_children(|c| {
                            let (name, f) = text_of(ui, &item.name, true);
                            c.spawn(label(name, f, text_size::BODY, palette::TEXT));
                            let (detail, f) = text_of(ui, &item.detail, false);
                            c.spawn(label(detail, f, text_size::SMALL, palette::TEXT));
                            if let Some(n) = item.participating_municipalities {
                                c.spawn(label(
                                    ui.t_args("about-participating", &[("count", n.into())]),
                                    ui.font(true),
                                    text_size::SMALL,
                                    palette::PRIMARY,
                                ));
                            }
                        });
                },
            );
        }
    });
}

/// Marks one event of the results' timeline.
#[derive(Component)]
pub struct TimelineEntry;

/// Marks one course's attendance bar; holds its share of the largest course (0–1).
#[derive(Component, Clone, Copy, Debug)]
pub struct AttendanceBar(pub f32);

fn lectures(body: &mut ChildSpawnerCommands, ui: &UiContext, p: &Project) {
    let r = &p.results;
    heading(body, ui, ui.t_args("about-lectures-title", &[("year", r.fiscal_year.into())]));
    body.spawn(label(
        ui.t_args("about-lectures-total", &[("count", format_integer(u64::from(r.lecture_participants())).into())]),
        ui.font(true),
        text_size::HEADING,
        palette::TEXT,
    ));
    // One bar per course, its length the course's attendance (the largest fills the width).
    let most = r.lecture.iter().map(|l| *l.participants.get_ref()).max().unwrap_or(0).max(1) as f32;
    body.spawn((Node { flex_direction: FlexDirection::Column, row_gap: px(GAP_MM), ..default() }, Pickable::IGNORE))
        .with_children(|chart| {
            for l in &r.lecture {
                let n = *l.participants.get_ref();
                chart
                    .spawn((
                        Node { column_gap: px(GAP_MM), align_items: AlignItems::Center, ..default() },
                        Pickable::IGNORE,
                    ))
                    .with_children(|row| {
                        row.spawn((
                            Node {
                                flex_direction: FlexDirection::Column,
                                width: px(230.0),
                                flex_shrink: 0.0,
                                ..default()
                            },
                            Pickable::IGNORE,
                        ))
                        .with_children(|c| {
                            let (name, f) = text_of(ui, &l.name, true);
                            c.spawn(label(name, f, text_size::BODY, palette::TEXT));
                            let dates: Vec<String> = l
                                .dates
                                .get_ref()
                                .iter()
                                .filter_map(|d| ui.strings.as_ref().map(|s| s.0.date(ui.lang(), *d)))
                                .collect();
                            c.spawn(label(dates.join(" / "), ui.font(false), text_size::CAPTION, palette::TEXT_MUTED));
                        });
                        row.spawn((Node { flex_grow: 1.0, height: px(16.0), ..default() }, Pickable::IGNORE))
                            .with_children(|track| {
                                let share = n as f32 / most;
                                track.spawn((
                                    AttendanceBar(share),
                                    Node {
                                        width: percent(share * 100.0),
                                        height: percent(100),
                                        border_radius: BorderRadius::all(px(RADIUS_MM)),
                                        ..default()
                                    },
                                    BackgroundColor(palette::PRIMARY),
                                    Pickable::IGNORE,
                                ));
                            });
                        row.spawn((
                            label(
                                ui.t_args("people", &[("count", n.into())]),
                                ui.font(true),
                                text_size::HEADING,
                                palette::PRIMARY,
                            ),
                            Node { width: px(85.0), flex_shrink: 0.0, ..default() },
                        ));
                    });
            }
        });
}
