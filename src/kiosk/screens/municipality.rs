//! One municipality: its names, kind and region, its sourced facts with their dates, the programs it
//! takes part in, and the way to take it home.

use bevy::picking::Pickable;
use bevy::prelude::*;

use crate::booth::Booth;
use crate::content::{Municipality, Program};
use crate::i18n::{Localizer, format_decimal, format_integer};
use crate::kiosk::screens::program::{program_chips, spawn_chips_filling};
use crate::kiosk::theme::{GAP_MM, MARGIN_MM, RADIUS_MM, palette, region_color, text_size};
use crate::kiosk::top_bar::spawn_top_bar;
use crate::kiosk::widgets::{ButtonStyle, UiContext, button, card, label, screen_root, tappable_card};
use crate::kiosk::{Screen, Selection};
use crate::lang::Lang;

/// The take-home button.
#[derive(Component)]
pub struct TakeHomeButton;

/// A program's card (tap to open it); holds the program id.
#[derive(Component, Clone, Debug)]
pub struct ProgramCard(pub String);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Municipality), spawn);
}

/// The fact rows shown for a municipality: (label, value, as-of line). Unknown facts are left out.
pub fn fact_rows(m: &Municipality, strings: &Localizer, lang: Lang) -> Vec<(String, String, Option<String>)> {
    let mut rows = vec![];
    if let Some(d) = &m.district {
        rows.push((strings.t(lang, "fact-district"), d.clone(), None));
    }
    if let Some(p) = &m.population {
        rows.push((
            strings.t(lang, "fact-population"),
            strings.t_args(lang, "fact-population-value", &[("count", format_integer(u64::from(p.value)).into())]),
            Some(strings.t_args(lang, "fact-as-of", &[("date", strings.date(lang, p.as_of).into())])),
        ));
    }
    if let Some(a) = &m.area_km2 {
        rows.push((
            strings.t(lang, "fact-area"),
            strings.t_args(lang, "fact-area-value", &[("value", format_decimal(a.value, 2).into())]),
            Some(strings.t_args(lang, "fact-as-of", &[("date", strings.date(lang, a.as_of).into())])),
        ));
    }
    rows.push((strings.t(lang, "fact-website"), m.website.clone(), None));
    rows
}

/// A program as a card to tap: its theme and year, title and, at `summary_size` (none for the compact
/// joint cards), the summary. Tapping it opens the program's detail screen.
pub fn spawn_program_card(
    parent: &mut ChildSpawnerCommands,
    ui: &UiContext,
    booth: &Booth,
    strings: &Localizer,
    p: &Program,
    summary_size: Option<f32>,
) {
    let id = p.id.clone();
    parent
        .spawn((tappable_card(), ProgramCard(id.clone())))
        .observe(move |_: On<Pointer<Click>>, mut selection: ResMut<Selection>, mut next: ResMut<NextState<Screen>>| {
            selection.program = Some(id.clone());
            next.set(Screen::Program);
        })
        .with_children(|c| {
            let lang = ui.lang();
            if p.is_own() {
                let mut chips = program_chips(booth, p, strings, lang);
                chips.truncate(2);
                // The card's full width, so the chips wrap within it rather than lay over the title.
                c.spawn((
                    Node { width: percent(100), column_gap: px(2.5), align_items: AlignItems::Center, ..default() },
                    Pickable::IGNORE,
                ))
                .with_children(|row| {
                    if let Some(t) = p.theme {
                        row.spawn(crate::kiosk::icons::icon(
                            crate::kiosk::icons::theme_icon(t),
                            16.0,
                            palette::PRIMARY,
                        ));
                    }
                    spawn_chips_filling(row, ui, chips, text_size::SMALL);
                });
            }
            c.spawn(label(
                p.title.get(lang),
                ui.font_in(p.title.lang_of(lang), true),
                if summary_size.is_some() { text_size::BODY } else { text_size::SMALL },
                palette::TEXT,
            ));
            if let Some(size) = summary_size {
                c.spawn(label(p.summary.get(lang), ui.font_in(p.summary.lang_of(lang), false), size, palette::TEXT));
            }
            c.spawn(label(format!("{} →", ui.t("program-open")), ui.font(true), text_size::SMALL, palette::PRIMARY));
        });
}

/// Size of the locator map on the page, in mm.
pub const LOCATOR_MM: Vec2 = Vec2::new(190.0, 120.0);

/// Where the municipality lies in Tokyo: the tile map in small, every municipality a dot in its region's
/// colour, this one larger and in the highlight colour.
#[derive(Component)]
pub struct Locator;

fn spawn_locator(parent: &mut ChildSpawnerCommands, ui: &UiContext, booth: &Booth, code: &str) {
    let tiles = &booth.tile_map;
    let b = tiles.bounds();
    let (w, h) = (b.width().max(1e-9), b.height().max(1e-9));
    let dot = 7.0;
    let scale = ((LOCATOR_MM.x - dot) / w as f32).min((LOCATOR_MM.y - dot) / h as f32);
    parent
        .spawn((Node { flex_direction: FlexDirection::Column, row_gap: px(2.0), ..default() }, Pickable::IGNORE))
        .with_children(|col| {
            col.spawn(label(ui.t("muni-where"), ui.font(true), text_size::SMALL, palette::PRIMARY));
            col.spawn((
                Node { width: px(LOCATOR_MM.x), height: px(LOCATOR_MM.y), ..default() },
                BackgroundColor(crate::kiosk::map_view::SEA_COLOUR),
                Locator,
                Pickable::IGNORE,
            ))
            .with_children(|map| {
                // Draw this municipality last, so it sits on top.
                let mut areas: Vec<&crate::geo::Area> = tiles.areas.iter().collect();
                areas.sort_by_key(|a| a.code == code);
                for area in areas {
                    let here = area.code == code;
                    let size = if here { dot * 2.2 } else { dot };
                    let x = (area.label[0] - b.min[0]) as f32 * scale + dot / 2.0;
                    let y = (b.max[1] - area.label[1]) as f32 * scale + dot / 2.0;
                    let color = if here {
                        palette::ACCENT
                    } else {
                        booth.municipalities.get(&area.code).map_or(palette::BORDER, |m| region_color(m.region))
                    };
                    map.spawn((
                        Node {
                            position_type: PositionType::Absolute,
                            left: px(x - size / 2.0),
                            top: px(y - size / 2.0),
                            width: px(size),
                            height: px(size),
                            border: UiRect::all(px(if here { 1.2 } else { 0.0 })),
                            border_radius: BorderRadius::all(percent(50)),
                            ..default()
                        },
                        BackgroundColor(color),
                        BorderColor::all(palette::TEXT),
                        Pickable::IGNORE,
                    ));
                }
            });
        });
}

fn spawn(mut commands: Commands, ui: UiContext, mut selection: ResMut<Selection>) {
    selection.program = None;
    let (Some(content), Some(strings)) = (ui.content.as_ref(), ui.strings.as_ref()) else { return };
    let booth: std::sync::Arc<Booth> = content.0.clone();
    let Some(m) = selection.municipality.as_deref().and_then(|c| booth.municipalities.get(c)).cloned() else {
        // Nothing selected (cannot happen through the UI): show the hub rather than an empty page.
        commands.queue(|w: &mut World| w.resource_mut::<NextState<Screen>>().set(Screen::Map));
        return;
    };
    let lang = ui.lang();
    let (title, title_lang) = m.display_name(lang);
    commands.spawn(screen_root(Screen::Municipality)).with_children(|root| {
        spawn_top_bar(root, &ui, title, title_lang, Some(Screen::Map));
        root.spawn((
            Node { flex_grow: 1.0, padding: UiRect::all(px(MARGIN_MM)), column_gap: px(GAP_MM * 2.0), ..default() },
            Pickable::IGNORE,
        ))
        .with_children(|body| {
            // Left: names, facts, take-home.
            body.spawn((
                Node { flex_direction: FlexDirection::Column, width: percent(38), row_gap: px(GAP_MM), ..default() },
                Pickable::IGNORE,
            ))
            .with_children(|left| {
                left.spawn(label(
                    m.name_kana.clone(),
                    ui.font_in(Lang::Ja, false),
                    text_size::BODY,
                    palette::TEXT_MUTED,
                ));
                // In plain Japanese the reading is the kana line above: the name alone, as in Japanese.
                let big = if lang == Lang::JaEasy { m.name_ja.as_str() } else { title };
                left.spawn(label(big.to_owned(), ui.font_in(title_lang, true), text_size::HERO, palette::TEXT));
                if lang != Lang::Ja && lang != Lang::JaEasy {
                    // The Japanese name smaller beside (or, without a sourced name, the romanisation).
                    let (second, second_lang) = if title_lang == Lang::Ja {
                        (m.name_en.clone(), Lang::En)
                    } else {
                        (m.name_ja.clone(), Lang::Ja)
                    };
                    // 八王子市 is 八王子市 in Chinese too: then the romanisation, not the same name twice.
                    let (second, second_lang) =
                        if second == title { (m.name_en.clone(), Lang::En) } else { (second, second_lang) };
                    left.spawn(label(second, ui.font_in(second_lang, true), text_size::HEADING, palette::TEXT));
                }
                left.spawn((
                    Node {
                        padding: UiRect::axes(px(4.0), px(1.5)),
                        border_radius: BorderRadius::all(px(RADIUS_MM)),
                        align_self: AlignSelf::FlexStart,
                        ..default()
                    },
                    BackgroundColor(region_color(m.region)),
                    Pickable::IGNORE,
                    children![label(
                        format!("{} ・ {}", strings.0.t(lang, m.region.key()), strings.0.t(lang, m.kind.key())),
                        ui.font(true),
                        text_size::SMALL,
                        palette::ON_PRIMARY
                    )],
                ));
                left.spawn(card()).with_children(|facts| {
                    facts.spawn(label(ui.t("muni-facts"), ui.font(true), text_size::HEADING, palette::PRIMARY));
                    for (name, value, as_of) in fact_rows(&m, &strings.0, lang) {
                        facts
                            .spawn((
                                Node {
                                    column_gap: px(4.0),
                                    flex_wrap: FlexWrap::Wrap,
                                    align_items: AlignItems::End,
                                    ..default()
                                },
                                Pickable::IGNORE,
                            ))
                            .with_children(|row| {
                                row.spawn(label(name, ui.font(false), text_size::SMALL, palette::TEXT_MUTED));
                                row.spawn(label(value, ui.font(true), text_size::BODY, palette::TEXT));
                                if let Some(d) = as_of {
                                    row.spawn(label(d, ui.font(false), text_size::SMALL, palette::TEXT_MUTED));
                                }
                            });
                    }
                });
                left.spawn((button(ButtonStyle::Primary, ui.t("muni-take-home"), ui.font(true)), TakeHomeButton))
                    .observe(|_: On<Pointer<Click>>, mut next: ResMut<NextState<Screen>>| {
                        next.set(Screen::TakeHome);
                    });
                spawn_locator(left, &ui, &booth, &m.code);
            });
            // Right: its own programs first, then the joint ones.
            body.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    flex_grow: 1.0,
                    flex_basis: px(0.0),
                    row_gap: px(GAP_MM),
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|right| {
                right.spawn(label(ui.t("muni-own-programs"), ui.font(true), text_size::HEADING, palette::PRIMARY));
                let own = booth.own_programs_of(&m.code);
                if own.is_empty() {
                    right.spawn(label(
                        ui.t("muni-no-own-programs"),
                        ui.font(false),
                        text_size::BODY,
                        palette::TEXT_MUTED,
                    ));
                }
                right
                    .spawn((
                        Node {
                            display: Display::Grid,
                            grid_template_columns: RepeatedGridTrack::flex(own.len().clamp(1, 3) as u16, 1.0),
                            column_gap: px(GAP_MM),
                            row_gap: px(GAP_MM),
                            ..default()
                        },
                        Pickable::IGNORE,
                    ))
                    .with_children(|grid| {
                        // Three side by side need the smaller size to leave room for the joint programs.
                        let size = if own.len() >= 3 { text_size::SMALL } else { text_size::BODY };
                        for p in own {
                            spawn_program_card(grid, &ui, &booth, &strings.0, p, Some(size));
                        }
                    });
                right.spawn(label(ui.t("muni-joint-programs"), ui.font(true), text_size::HEADING, palette::PRIMARY));
                right
                    .spawn((
                        Node {
                            display: Display::Grid,
                            grid_template_columns: RepeatedGridTrack::flex(3, 1.0),
                            column_gap: px(GAP_MM),
                            row_gap: px(GAP_MM),
                            ..default()
                        },
                        Pickable::IGNORE,
                    ))
                    .with_children(|grid| {
                        for p in booth.joint_programs() {
                            spawn_program_card(grid, &ui, &booth, &strings.0, p, None);
                        }
                    });
            });
        });
        let sources = &booth.municipalities.sources.on_screen;
        root.spawn((
            Node { padding: UiRect::new(px(MARGIN_MM), px(MARGIN_MM), px(0.0), px(MARGIN_MM * 0.6)), ..default() },
            Pickable::IGNORE,
        ))
        .with_children(|f| {
            f.spawn(label(
                sources.get(lang),
                ui.font_in(sources.lang_of(lang), false),
                text_size::CAPTION,
                palette::TEXT_MUTED,
            ));
        });
    });
}
