//! The hub: all 62 municipalities grouped by region, each a large button that opens its page.
//! (A placeholder for the interactive map.)

use bevy::picking::Pickable;
use bevy::prelude::*;

use crate::content::{Municipality, Region};
use crate::i18n::Lang;
use crate::kiosk::theme::{palette, region_color, text_size, GAP_MM, MARGIN_MM, RADIUS_MM, TARGET_MIN_MM};
use crate::kiosk::top_bar::spawn_top_bar;
use crate::kiosk::widgets::{button, button_frame, button_text_color, compact_button_node, label, screen_root, ButtonStyle, UiContext};
use crate::kiosk::{EventSender, Screen, Selection};
use crate::telemetry::{Event, SelectHow};

/// The button that opens the quiz.
#[derive(Component)]
pub struct QuizOpenButton;

/// A municipality's button on the hub.
#[derive(Component, Clone, Debug)]
pub struct MunicipalityButton(pub String);

/// Height of a municipality's button.
pub const MUNICIPALITY_BUTTON_MM: f32 = 33.0;

/// Columns of the button grid for each region.
fn columns(region: Region) -> u16 {
    match region {
        Region::SpecialWards => 4,
        Region::Tama => 5,
        Region::Islands => 2,
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Map), spawn);
}

/// The two lines on a municipality's button: (main name, its font language), (second line, its language).
pub fn button_lines(m: &Municipality, lang: Lang) -> ((String, Lang), (String, Lang)) {
    match lang {
        Lang::Ja => ((m.name_ja.clone(), Lang::Ja), (m.name_kana.clone(), Lang::Ja)),
        Lang::En => ((m.name_en.clone(), Lang::En), (m.name_ja.clone(), Lang::Ja)),
        // No sourced Chinese or Korean names: the Japanese name (kanji) with its romanisation.
        Lang::ZhHans | Lang::Ko => ((m.name_ja.clone(), Lang::Ja), (m.name_en.clone(), Lang::En)),
    }
}

fn spawn(mut commands: Commands, ui: UiContext) {
    let Some(content) = ui.content.as_ref() else { return };
    let booth = content.0.clone();
    commands.spawn(screen_root(Screen::Map)).with_children(|root| {
        spawn_top_bar(root, &ui, &ui.t("map-title"), ui.lang(), None);
        root.spawn((
            Node { flex_grow: 1.0, padding: UiRect::all(px(MARGIN_MM)), column_gap: px(GAP_MM * 2.0), ..default() },
            Pickable::IGNORE,
        ))
        .with_children(|body| {
            for region in Region::ALL {
                let cols = columns(region);
                body.spawn((
                    Node { flex_direction: FlexDirection::Column, flex_grow: f32::from(cols), flex_basis: px(0.0), row_gap: px(GAP_MM), ..default() },
                    Pickable::IGNORE,
                ))
                .with_children(|column| {
                    column
                        .spawn((
                            Node { padding: UiRect::axes(px(4.0), px(2.0)), border_radius: BorderRadius::all(px(RADIUS_MM)), ..default() },
                            BackgroundColor(region_color(region)),
                            Pickable::IGNORE,
                        ))
                        .with_children(|h| {
                            h.spawn(label(ui.t(region.key()), ui.font(true), text_size::HEADING, palette::ON_PRIMARY));
                        });
                    column
                        .spawn((
                            Node {
                                display: Display::Grid,
                                grid_template_columns: RepeatedGridTrack::flex(cols, 1.0),
                                column_gap: px(GAP_MM * 0.6),
                                row_gap: px(GAP_MM * 0.6),
                                ..default()
                            },
                            Pickable::IGNORE,
                        ))
                        .with_children(|grid| {
                            for m in booth.municipalities.list.iter().filter(|m| m.region == region) {
                                spawn_municipality_button(grid, &ui, m);
                            }
                        });
                });
            }
        });
        root.spawn((
            Node { justify_content: JustifyContent::FlexEnd, column_gap: px(GAP_MM), padding: UiRect::new(px(MARGIN_MM), px(MARGIN_MM), px(0.0), px(MARGIN_MM)), ..default() },
            Pickable::IGNORE,
        ))
        .with_children(|footer| {
            footer.spawn((button(ButtonStyle::Primary, ui.t("quiz-open"), ui.font(true)), QuizOpenButton)).observe(
                |_: On<Pointer<Click>>, mut next: ResMut<NextState<Screen>>| {
                    next.set(Screen::QuizIntro);
                },
            );
            footer.spawn(button(ButtonStyle::Secondary, ui.t("map-about"), ui.font(true))).observe(
                |_: On<Pointer<Click>>, mut next: ResMut<NextState<Screen>>| {
                    next.set(Screen::About);
                },
            );
        });
    });
}

fn spawn_municipality_button(grid: &mut ChildSpawnerCommands, ui: &UiContext, m: &Municipality) {
    let ((main, main_lang), (second, second_lang)) = button_lines(m, ui.lang());
    let code = m.code.clone();
    let color = button_text_color(ButtonStyle::Secondary);
    grid.spawn((button_frame(ButtonStyle::Secondary), MunicipalityButton(code.clone())))
        .insert(Node { min_height: px(MUNICIPALITY_BUTTON_MM), ..compact_button_node(TARGET_MIN_MM, UiRect::all(px(2.0)), RADIUS_MM) })
        .with_children(|b| {
            b.spawn((label(main, ui.font_in(main_lang, true), text_size::BODY, color), TextLayout::justify(Justify::Center)));
            b.spawn((label(second, ui.font_in(second_lang, false), text_size::SMALL * 0.8, palette::TEXT_MUTED), TextLayout::justify(Justify::Center)));
        })
        .observe(move |_: On<Pointer<Click>>, mut selection: ResMut<Selection>, mut next: ResMut<NextState<Screen>>, mut events: EventSender| {
            selection.municipality = Some(code.clone());
            events.send(Event::MunicipalitySelect { code: code.clone(), how: SelectHow::List });
            next.set(Screen::Municipality);
        });
}
