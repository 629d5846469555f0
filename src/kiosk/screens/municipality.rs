//! One municipality: its names, kind and region, its sourced facts with their dates, the programs it
//! takes part in, and the way to take it home.

use bevy::picking::Pickable;
use bevy::prelude::*;

use crate::content::{Booth, Municipality};
use crate::i18n::{format_decimal, format_integer, Lang, Localizer};
use crate::kiosk::theme::{palette, region_color, text_size, GAP_MM, MARGIN_MM, RADIUS_MM};
use crate::kiosk::top_bar::spawn_top_bar;
use crate::kiosk::widgets::{button, card, label, screen_root, ButtonStyle, UiContext};
use crate::kiosk::{Screen, Selection};

/// The take-home button.
#[derive(Component)]
pub struct TakeHomeButton;

/// The take-home button of a program that has a web page.
#[derive(Component, Clone, Debug)]
pub struct ProgramTakeHomeButton(pub String);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Municipality), spawn);
}

/// The municipality's name in a language: the Japanese name for ja (and for zh-Hans and ko, which have
/// no sourced names), the English name for en.
pub fn display_name(m: &Municipality, lang: Lang) -> (String, Lang) {
    match lang {
        Lang::En => (m.name_en.clone(), Lang::En),
        _ => (m.name_ja.clone(), Lang::Ja),
    }
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
    let (title, title_lang) = display_name(&m, lang);
    commands.spawn(screen_root(Screen::Municipality)).with_children(|root| {
        spawn_top_bar(root, &ui, &title, title_lang, Some(Screen::Map));
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
                left.spawn(label(m.name_kana.clone(), ui.font_in(Lang::Ja, false), text_size::BODY, palette::TEXT_MUTED));
                left.spawn(label(m.name_ja.clone(), ui.font_in(Lang::Ja, true), text_size::HERO, palette::TEXT));
                if lang != Lang::Ja {
                    left.spawn(label(m.name_en.clone(), ui.font_in(Lang::En, true), text_size::HEADING, palette::TEXT));
                }
                left.spawn((
                    Node { padding: UiRect::axes(px(4.0), px(1.5)), border_radius: BorderRadius::all(px(RADIUS_MM)), align_self: AlignSelf::FlexStart, ..default() },
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
                        facts.spawn((Node { column_gap: px(4.0), flex_wrap: FlexWrap::Wrap, align_items: AlignItems::End, ..default() }, Pickable::IGNORE))
                            .with_children(|row| {
                                row.spawn(label(name, ui.font(false), text_size::SMALL, palette::TEXT_MUTED));
                                row.spawn(label(value, ui.font(true), text_size::BODY, palette::TEXT));
                                if let Some(d) = as_of {
                                    row.spawn(label(d, ui.font(false), text_size::SMALL, palette::TEXT_MUTED));
                                }
                            });
                    }
                });
                left.spawn((button(ButtonStyle::Primary, ui.t("muni-take-home"), ui.font(true)), TakeHomeButton)).observe(
                    |_: On<Pointer<Click>>, mut next: ResMut<NextState<Screen>>| {
                        next.set(Screen::TakeHome);
                    },
                );
            });
            // Right: programs.
            body.spawn((
                Node { flex_direction: FlexDirection::Column, flex_grow: 1.0, flex_basis: px(0.0), row_gap: px(GAP_MM), ..default() },
                Pickable::IGNORE,
            ))
            .with_children(|right| {
                right.spawn(label(ui.t("muni-programs"), ui.font(true), text_size::HEADING, palette::PRIMARY));
                right
                    .spawn((
                        Node { display: Display::Grid, grid_template_columns: RepeatedGridTrack::flex(2, 1.0), column_gap: px(GAP_MM), row_gap: px(GAP_MM), ..default() },
                        Pickable::IGNORE,
                    ))
                    .with_children(|grid| {
                        for p in booth.programs_of(&m.code) {
                            grid.spawn(card()).with_children(|c| {
                                c.spawn(label(p.title.get(lang), ui.font_in(p.title.lang_of(lang), true), text_size::BODY, palette::TEXT));
                                c.spawn(label(p.summary.get(lang), ui.font_in(p.summary.lang_of(lang), false), text_size::SMALL, palette::TEXT));
                                if p.municipality.is_none() {
                                    c.spawn(label(ui.t("program-joint"), ui.font(false), text_size::SMALL * 0.9, palette::PRIMARY));
                                }
                                if p.url.is_some() {
                                    let id = p.id.clone();
                                    c.spawn((button(ButtonStyle::Secondary, ui.t("muni-take-home"), ui.font(true)), ProgramTakeHomeButton(id.clone())))
                                        .observe(move |_: On<Pointer<Click>>, mut selection: ResMut<Selection>, mut next: ResMut<NextState<Screen>>| {
                                            selection.program = Some(id.clone());
                                            next.set(Screen::TakeHome);
                                        });
                                }
                            });
                        }
                    });
            });
        });
        let sources = &booth.municipalities.sources.on_screen;
        root.spawn((Node { padding: UiRect::new(px(MARGIN_MM), px(MARGIN_MM), px(0.0), px(MARGIN_MM * 0.6)), ..default() }, Pickable::IGNORE))
            .with_children(|f| {
                f.spawn(label(sources.get(lang), ui.font_in(sources.lang_of(lang), false), text_size::SMALL * 0.85, palette::TEXT_MUTED));
            });
    });
}
