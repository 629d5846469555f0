//! The hub: the interactive map with its card, quick zooms, map colours, the showcase banner, and a list
//! of all 62 municipalities as a fallback. The map itself is drawn by `kiosk::map_view`.

use bevy::picking::Pickable;
use bevy::prelude::*;

use crate::content::{Municipality, Region, Theme};
use crate::i18n::{format_decimal, format_integer};
use crate::kiosk::icons::{Icon, icon as icon_node, theme_icon};
use crate::kiosk::map_view::{
    AreaColours, Choropleth, MapCamera, MapLayers, MapLayout, Morph, NO_DATA, QuickZoom, map_name,
};
use crate::kiosk::staff::Showcase;
use crate::kiosk::theme::{GAP_MM, MARGIN_MM, RADIUS_MM, TARGET_MIN_MM, palette, region_color, text_size};
use crate::kiosk::top_bar::spawn_top_bar;
use crate::kiosk::visit::open_municipality;
use crate::kiosk::widgets::{
    ButtonStyle, UiContext, button, button_frame, button_text_color, compact_button_node, label,
};
use crate::kiosk::{EventSender, Screen, Selection};
use crate::lang::Lang;
use crate::telemetry::SelectHow;

/// The button that opens the quiz.
#[derive(Component)]
pub struct QuizOpenButton;

/// A municipality's button in the list.
#[derive(Component, Clone, Debug)]
pub struct MunicipalityButton(pub String);

/// "More" on the card: the municipality's page.
#[derive(Component)]
pub struct MoreButton;

/// Opens the list of all 62.
#[derive(Component)]
pub struct ListOpenButton;

/// Closes the list.
#[derive(Component)]
pub struct ListCloseButton;

/// A quick zoom button on the map screen: asks the camera for its zoom.
#[derive(Component, Clone, Copy)]
pub struct ZoomButton(pub QuickZoom);

/// A button of the map's colouring: region, programs (opening on energy) or population density.
#[derive(Component, Clone, Copy)]
pub struct ColourButton(pub Choropleth);

/// A theme of the theme colouring (shown while it is on).
#[derive(Component, Clone, Copy, Debug)]
pub struct ThemeButton(pub Theme);

/// Switches between the tile map and the official map (when one is imported).
#[derive(Component)]
pub struct LayoutToggle;

/// Whether the list is open over the map.
#[derive(Resource, Default, Clone, Copy, PartialEq, Eq)]
pub struct MapListOpen(pub bool);

#[derive(Component)]
struct SidePanel;

#[derive(Component)]
struct MapOverlays;

#[derive(Component)]
struct ListLayer;

/// Height of a municipality's button in the list.
pub const MUNICIPALITY_BUTTON_MM: f32 = 33.0;
/// Width of the card column.
const SIDE_MM: f32 = 250.0;

fn columns(region: Region) -> u16 {
    match region {
        Region::SpecialWards => 4,
        Region::Tama => 5,
        Region::Islands => 2,
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<MapListOpen>()
        .add_systems(OnEnter(Screen::Map), spawn)
        .add_systems(OnExit(Screen::Map), |mut list: ResMut<MapListOpen>| list.0 = false)
        .add_systems(Update, (refresh_side_panel, refresh_overlays, refresh_list).run_if(in_state(Screen::Map)));
}

/// The two lines on a municipality's button: (main name, its font language), (second line, its language).
pub fn button_lines(m: &Municipality, lang: Lang) -> ((String, Lang), (String, Lang)) {
    let (name, written_in) = m.display_name(lang);
    let main = (name.to_owned(), written_in);
    match lang {
        Lang::Ja => (main, (m.name_kana.clone(), Lang::Ja)),
        // Plain Japanese: the name with its kana beside it (the kana is its reading, as on the page).
        Lang::JaEasy => ((m.name_ja.clone(), Lang::Ja), (m.name_kana.clone(), Lang::Ja)),
        // Other languages: their own name, with the Japanese name smaller beside it.
        _ if written_in != Lang::Ja => (main, (m.name_ja.clone(), Lang::Ja)),
        // No sourced name in this language: the Japanese name with its romanisation.
        _ => (main, (m.name_en.clone(), Lang::En)),
    }
}

fn spawn(mut commands: Commands, ui: UiContext) {
    if ui.content.is_none() {
        return;
    }
    commands
        .spawn((
            Node { width: percent(100), height: percent(100), flex_direction: FlexDirection::Column, ..default() },
            DespawnOnExit(Screen::Map),
            Pickable::IGNORE,
        ))
        .with_children(|root| {
            spawn_top_bar(root, &ui, &ui.t("map-title"), ui.lang(), None);
            root.spawn((
                Node {
                    flex_grow: 1.0,
                    padding: UiRect::new(px(MARGIN_MM * 0.6), px(0.0), px(MARGIN_MM * 0.6), px(MARGIN_MM * 0.6)),
                    column_gap: px(GAP_MM * 1.5),
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|body| {
                body.spawn((
                    Node { flex_grow: 1.0, flex_direction: FlexDirection::Column, row_gap: px(GAP_MM), ..default() },
                    Pickable::IGNORE,
                ))
                .with_children(|left| {
                    left.spawn((Node { flex_grow: 1.0, ..default() }, Pickable::IGNORE)).with_children(|area| {
                        crate::kiosk::map_view::spawn_surface(area);
                        area.spawn((
                            MapOverlays,
                            Node {
                                position_type: PositionType::Absolute,
                                width: percent(100),
                                height: percent(100),
                                ..default()
                            },
                            Pickable::IGNORE,
                        ));
                        spawn_zoom_steps(area);
                        area.spawn((
                            ListLayer,
                            Node {
                                position_type: PositionType::Absolute,
                                width: percent(100),
                                height: percent(100),
                                ..default()
                            },
                            Pickable::IGNORE,
                        ));
                    });
                    left.spawn((Node { column_gap: px(GAP_MM * 0.8), ..default() }, Pickable::IGNORE)).with_children(
                        |row| {
                            for z in QuickZoom::ALL {
                                spawn_small_button(row, &ui, ButtonStyle::Secondary, &ui.t(z.key()), ZoomButton(z))
                                    .observe(move |_: On<Pointer<Click>>, mut cam: ResMut<MapCamera>| {
                                        cam.request = Some(z);
                                    });
                            }
                            spawn_small_button(
                                row,
                                &ui,
                                ButtonStyle::Secondary,
                                &ui.t("map-list-open"),
                                ListOpenButton,
                            )
                            .observe(
                                |_: On<Pointer<Click>>, mut list: ResMut<MapListOpen>| {
                                    list.0 = true;
                                },
                            );
                        },
                    );
                });
                // Opaque, so a zoomed-in map never shows through around the card.
                body.spawn((
                    SidePanel,
                    Node {
                        width: px(SIDE_MM),
                        flex_shrink: 0.0,
                        flex_direction: FlexDirection::Column,
                        row_gap: px(GAP_MM),
                        margin: UiRect::new(px(0.0), px(0.0), px(-MARGIN_MM * 0.6), px(-MARGIN_MM * 0.6)),
                        padding: UiRect::new(
                            px(GAP_MM * 0.5),
                            px(MARGIN_MM * 0.6),
                            px(MARGIN_MM * 0.6),
                            px(MARGIN_MM * 0.6),
                        ),
                        ..default()
                    },
                    BackgroundColor(palette::BACKGROUND),
                    Pickable::IGNORE,
                ));
            });
        });
}

/// Marks the "+" (factor > 1) and "−" zoom buttons over the map.
#[derive(Component, Clone, Copy, Debug)]
pub struct ZoomStepButton(pub f32);

/// "+" and "−" in the map's top right corner, for visitors who do not pinch.
fn spawn_zoom_steps(area: &mut ChildSpawnerCommands) {
    let side = TARGET_MIN_MM + 6.0;
    area.spawn((
        Node {
            position_type: PositionType::Absolute,
            top: px(GAP_MM),
            right: px(GAP_MM),
            flex_direction: FlexDirection::Column,
            row_gap: px(GAP_MM * 0.6),
            ..default()
        },
        GlobalZIndex(5),
        Pickable::IGNORE,
    ))
    .with_children(|col| {
        use crate::kiosk::map_view::ZOOM_STEP;
        for (factor, icon) in [(ZOOM_STEP, Icon::ZoomIn), (1.0 / ZOOM_STEP, Icon::ZoomOut)] {
            col.spawn((button_frame(ButtonStyle::Secondary), ZoomStepButton(factor)))
                .insert(compact_button_node(side, UiRect::all(px(2.0)), RADIUS_MM))
                .with_children(|b| {
                    b.spawn(icon_node(icon, side * 0.75, palette::TEXT));
                })
                .observe(move |_: On<Pointer<Click>>, mut cam: ResMut<MapCamera>| cam.zoom_by(factor));
        }
    });
}

fn spawn_small_button<'a>(
    parent: &'a mut ChildSpawnerCommands,
    ui: &UiContext,
    style: ButtonStyle,
    text: &str,
    marker: impl Bundle,
) -> EntityCommands<'a> {
    let color = button_text_color(style);
    let mut e = parent.spawn((button_frame(style), marker));
    e.insert(Node {
        min_height: px(TARGET_MIN_MM + 4.0),
        ..compact_button_node(TARGET_MIN_MM + 10.0, UiRect::axes(px(4.0), px(2.0)), RADIUS_MM)
    })
    .with_children(|b| {
        b.spawn((
            label(text.to_string(), ui.font(true), text_size::SMALL, color),
            TextLayout::justify(Justify::Center),
        ));
    });
    e
}

/// [`spawn_small_button`] with an icon before its text.
fn spawn_small_icon_button<'a>(
    parent: &'a mut ChildSpawnerCommands,
    ui: &UiContext,
    style: ButtonStyle,
    icon: Icon,
    text: &str,
    marker: impl Bundle,
) -> EntityCommands<'a> {
    let mut e = spawn_small_button(parent, ui, style, text, marker);
    e.insert(Node {
        min_height: px(TARGET_MIN_MM + 4.0),
        flex_direction: FlexDirection::Row,
        column_gap: px(2.0),
        ..compact_button_node(TARGET_MIN_MM + 10.0, UiRect::axes(px(4.0), px(2.0)), RADIUS_MM)
    });
    let first = e.commands().spawn(icon_node(icon, 12.0, button_text_color(style))).id();
    e.insert_children(0, &[first]);
    e
}

/// The card (or a hint), the map-colour and layout choices, quiz and about.
#[allow(clippy::too_many_arguments)]
fn refresh_side_panel(
    mut commands: Commands,
    ui: UiContext,
    panel: Query<Entity, With<SidePanel>>,
    selection: Res<Selection>,
    mode: Res<Choropleth>,
    layout: Res<MapLayout>,
    layers: Option<Res<MapLayers>>,
    colours: Res<AreaColours>,
    added: Query<(), Added<SidePanel>>,
) {
    let Ok(panel) = panel.single() else { return };
    if !(selection.is_changed() || colours.is_changed() || layout.is_changed() || !added.is_empty()) {
        return;
    }
    let (Some(content), Some(strings)) = (ui.content.as_ref(), ui.strings.as_ref()) else { return };
    let booth = content.0.clone();
    let lang = ui.lang();
    commands.entity(panel).despawn_related::<Children>();
    commands.entity(panel).with_children(|side| {
        side.spawn(crate::kiosk::widgets::card())
            .insert(Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(6.0)),
                row_gap: px(2.5),
                ..default()
            })
            .with_children(|c| {
                match selection.municipality.as_deref().and_then(|code| booth.municipalities.get(code)) {
                    Some(m) => {
                        let ((main, main_lang), (second, second_lang)) = button_lines(m, lang);
                        c.spawn(label(second, ui.font_in(second_lang, false), text_size::SMALL, palette::TEXT_MUTED));
                        c.spawn(label(main, ui.font_in(main_lang, true), text_size::TITLE, palette::TEXT));
                        c.spawn((
                            Node {
                                padding: UiRect::axes(px(3.0), px(1.0)),
                                border_radius: BorderRadius::all(px(RADIUS_MM)),
                                align_self: AlignSelf::FlexStart,
                                // A long region and kind ("Special wards (23 wards) ・ Special ward") wraps
                                // inside the card instead of running past its edge.
                                max_width: percent(100.0),
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
                        if let Some(p) = m.population {
                            c.spawn(label(
                                format!(
                                    "{} {}",
                                    strings.0.t(lang, "fact-population"),
                                    strings.0.t_args(
                                        lang,
                                        "fact-population-value",
                                        &[("count", format_integer(u64::from(p.value)).into())]
                                    )
                                ),
                                ui.font(false),
                                text_size::SMALL,
                                palette::TEXT,
                            ));
                        }
                        c.spawn(label(ui.t("map-card-programs"), ui.font(true), text_size::SMALL, palette::PRIMARY));
                        let own = booth.own_programs_of(&m.code);
                        if own.is_empty() {
                            c.spawn(label(
                                ui.t("muni-no-own-programs"),
                                ui.font(false),
                                text_size::SMALL,
                                palette::TEXT_MUTED,
                            ));
                        }
                        for p in own.into_iter().take(3) {
                            // The theme as an icon (and its name, so it is not told by the picture alone).
                            c.spawn((
                                Node { column_gap: px(2.5), align_items: AlignItems::Center, ..default() },
                                Pickable::IGNORE,
                            ))
                            .with_children(|row| {
                                let theme =
                                    p.theme.map(|t| format!("{}：", strings.0.t(lang, t.key()))).unwrap_or_default();
                                row.spawn(icon_node(
                                    p.theme.map_or(Icon::Seedling, theme_icon),
                                    12.0,
                                    palette::PRIMARY,
                                ));
                                row.spawn((
                                    label(
                                        format!("{theme}{}", p.title.get(lang)),
                                        ui.font_in(p.title.lang_of(lang), false),
                                        text_size::SMALL,
                                        palette::TEXT,
                                    ),
                                    Node { flex_shrink: 1.0, ..default() },
                                ));
                            });
                        }
                        c.spawn((button(ButtonStyle::Primary, ui.t("map-more"), ui.font(true)), MoreButton)).observe(
                            |_: On<Pointer<Click>>,
                             mut selection: ResMut<Selection>,
                             mut next: ResMut<NextState<Screen>>,
                             mut events: EventSender| {
                                if let Some(c) = selection.municipality.clone() {
                                    let how = selection.how.unwrap_or(SelectHow::Map);
                                    open_municipality(&mut selection, &mut next, &mut events, &c, how);
                                }
                            },
                        );
                    }
                    None => {
                        c.spawn((
                            Node { column_gap: px(3.0), align_items: AlignItems::Center, ..default() },
                            Pickable::IGNORE,
                        ))
                        .with_children(|row| {
                            row.spawn(icon_node(Icon::Touch, 22.0, palette::PRIMARY));
                            row.spawn((
                                label(ui.t("map-hint"), ui.font(true), text_size::BODY, palette::TEXT),
                                Node { flex_shrink: 1.0, ..default() },
                            ));
                        });
                        c.spawn(label(ui.t("map-hint-more"), ui.font(false), text_size::SMALL, palette::TEXT_MUTED));
                    }
                }
            });
        // What is left of the panel's height goes between the card and the colour group.
        side.spawn((Node { flex_grow: 1.0, ..default() }, Pickable::IGNORE));
        // The map's colours: the choice, the themes and the key, grouped on one card.
        side.spawn(crate::kiosk::widgets::card())
            .insert(Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(5.0)),
                row_gap: px(GAP_MM * 0.6),
                ..default()
            })
            .with_children(|side| {
                side.spawn(label(ui.t("map-colour-title"), ui.font(true), text_size::SMALL, palette::PRIMARY));
                side.spawn((Node { column_gap: px(GAP_MM * 0.5), ..default() }, Pickable::IGNORE)).with_children(
                    |row| {
                        for m in Choropleth::ALL {
                            let style = if m.same_kind(*mode) { ButtonStyle::Primary } else { ButtonStyle::Secondary };
                            spawn_small_button(row, &ui, style, &ui.t(m.key()), ColourButton(m)).observe(
                                move |_: On<Pointer<Click>>, mut mode: ResMut<Choropleth>| {
                                    if !m.same_kind(*mode) {
                                        *mode = m;
                                    }
                                },
                            );
                        }
                    },
                );
                if let Choropleth::Theme(current) = *mode {
                    // Which theme lights up: one button each, in a grid of three.
                    side.spawn((
                        Node {
                            display: Display::Grid,
                            grid_template_columns: RepeatedGridTrack::flex(3, 1.0),
                            column_gap: px(GAP_MM * 0.5),
                            row_gap: px(GAP_MM * 0.5),
                            ..default()
                        },
                        Pickable::IGNORE,
                    ))
                    .with_children(|grid| {
                        // Only themes some municipality has a program on: no button that lights nothing.
                        for t in Theme::ALL.into_iter().filter(|t| booth.programs.iter().any(|p| p.theme == Some(*t))) {
                            let style = if t == current { ButtonStyle::Primary } else { ButtonStyle::Secondary };
                            spawn_small_icon_button(grid, &ui, style, theme_icon(t), &ui.t(t.key()), ThemeButton(t))
                                .observe(move |_: On<Pointer<Click>>, mut mode: ResMut<Choropleth>| {
                                    *mode = Choropleth::Theme(t);
                                });
                        }
                    });
                }
                spawn_legend(side, &ui, &colours);
                if layers.as_ref().is_some_and(|l| l.official.is_some()) {
                    let key = if *layout == MapLayout::Tiles { "map-layout-official" } else { "map-layout-tiles" };
                    spawn_small_button(side, &ui, ButtonStyle::Secondary, &ui.t(key), LayoutToggle).observe(
                        |_: On<Pointer<Click>>, mut layout: ResMut<MapLayout>| {
                            *layout = if *layout == MapLayout::Tiles { MapLayout::Official } else { MapLayout::Tiles };
                        },
                    );
                }
            });
        side.spawn((Node { column_gap: px(GAP_MM * 0.5), ..default() }, Pickable::IGNORE)).with_children(|row| {
            spawn_small_icon_button(row, &ui, ButtonStyle::Primary, Icon::Quiz, &ui.t("quiz-open"), QuizOpenButton)
                .observe(|_: On<Pointer<Click>>, mut next: ResMut<NextState<Screen>>| {
                    next.set(Screen::QuizIntro);
                });
            spawn_small_icon_button(row, &ui, ButtonStyle::Secondary, Icon::About, &ui.t("map-about"), ()).observe(
                |_: On<Pointer<Click>>, mut next: ResMut<NextState<Screen>>| {
                    next.set(Screen::About);
                },
            );
        });
    });
}

/// The key to the map's colours, under the colour buttons.
fn spawn_legend(side: &mut ChildSpawnerCommands, ui: &UiContext, colours: &AreaColours) {
    side.spawn((
        Node { flex_direction: FlexDirection::Column, padding: UiRect::all(px(3.0)), row_gap: px(1.0), ..default() },
        Pickable::IGNORE,
    ))
    .with_children(|legend| {
        let mode = colours.mode.unwrap_or_default();
        let mut swatch = |color: Color, text: String| {
            legend
                .spawn((Node { column_gap: px(2.0), align_items: AlignItems::Center, ..default() }, Pickable::IGNORE))
                .with_children(|row| {
                    row.spawn((
                        Node { width: px(7.0), height: px(4.5), border: UiRect::all(px(0.4)), ..default() },
                        BackgroundColor(color),
                        BorderColor::all(palette::TEXT_MUTED),
                        Pickable::IGNORE,
                    ));
                    row.spawn(label(text, ui.font(false), text_size::CAPTION, palette::TEXT));
                });
        };
        match mode {
            Choropleth::Region => {
                for r in Region::ALL {
                    swatch(region_color(r), ui.t(r.key()));
                }
            }
            Choropleth::Theme(theme) => {
                let theme_name = ui.t(theme.key());
                if let [(lit, n_lit, _), (dim, n_dim, _)] = colours.classes.as_slice() {
                    swatch(
                        *lit,
                        ui.t_args(
                            "map-legend-theme-has",
                            &[("theme", theme_name.clone().into()), ("count", format_integer(*n_lit as u64).into())],
                        ),
                    );
                    swatch(
                        *dim,
                        ui.t_args("map-legend-theme-none", &[("count", format_integer(*n_dim as u64).into())]),
                    );
                }
            }
            Choropleth::PopulationDensity => {
                let unit = "map-legend-density";
                let fmt = |x: f64| format_decimal(x, 0);
                for (color, lo, hi) in &colours.classes {
                    let range =
                        if (hi - lo).abs() < f64::EPSILON { fmt(*lo) } else { format!("{}–{}", fmt(*lo), fmt(*hi)) };
                    swatch(*color, ui.t_args(unit, &[("range", range.into())]));
                }
                if colours.fills.iter().any(Option::is_none) {
                    swatch(NO_DATA, ui.t("map-no-data"));
                }
            }
        }
    });
}

/// The showcase banner and the attribution of the official map.
#[allow(clippy::too_many_arguments)]
fn refresh_overlays(
    mut commands: Commands,
    ui: UiContext,
    overlays: Query<Entity, With<MapOverlays>>,
    added: Query<(), Added<MapOverlays>>,
    showcase: Res<Showcase>,
    morph: Res<Morph>,
    layers: Option<Res<MapLayers>>,
    mut shown: Local<(Option<String>, Option<crate::kiosk::map_view::Choropleth>, bool)>,
) {
    let Ok(root) = overlays.single() else { return };
    let official = morph.shown_layout() == MapLayout::Official;
    let state = (showcase.current.clone(), None, official);
    if added.is_empty() && *shown == state {
        return;
    }
    *shown = state;
    let Some(content) = ui.content.as_ref() else { return };
    let booth = content.0.clone();
    let lang = ui.lang();
    commands.entity(root).despawn_related::<Children>();
    commands.entity(root).with_children(|o| {
        if let Some(i) =
            showcase.current.as_deref().and_then(|c| booth.municipalities.list.iter().position(|m| m.code == c))
        {
            let (name, _) = map_name(&booth, i, lang);
            o.spawn((
                Node {
                    position_type: PositionType::Absolute,
                    top: px(3.0),
                    left: px(3.0),
                    padding: UiRect::axes(px(5.0), px(2.0)),
                    border_radius: BorderRadius::all(px(RADIUS_MM)),
                    ..default()
                },
                BackgroundColor(palette::ACCENT),
                Pickable::IGNORE,
                children![label(
                    ui.t_args("map-featured", &[("name", name.into())]),
                    ui.font(true),
                    text_size::BODY,
                    palette::TEXT
                )],
            ));
        }
        if let (true, Some((ja, en))) = (official, layers.as_ref().and_then(|l| l.attribution.clone())) {
            let text = if lang == Lang::Ja { ja } else { en };
            o.spawn((
                Node { position_type: PositionType::Absolute, bottom: px(1.0), left: px(2.0), ..default() },
                Pickable::IGNORE,
                children![label(text, ui.font(false), text_size::CAPTION, palette::TEXT_MUTED)],
            ));
        }
    });
}

/// The list of all 62 over the map (for anyone who prefers a list, and as the fallback to the map).
fn refresh_list(mut commands: Commands, ui: UiContext, layer: Query<Entity, With<ListLayer>>, list: Res<MapListOpen>) {
    let Ok(layer) = layer.single() else { return };
    if !list.is_changed() {
        return;
    }
    commands.entity(layer).despawn_related::<Children>();
    if !list.0 {
        return;
    }
    let Some(content) = ui.content.as_ref() else { return };
    let booth = content.0.clone();
    commands.entity(layer).with_children(|l| {
        l.spawn((
            Node {
                width: percent(100),
                height: percent(100),
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(4.0)),
                row_gap: px(GAP_MM * 0.6),
                ..default()
            },
            BackgroundColor(palette::BACKGROUND),
            // Blocks taps from reaching the map underneath.
            Pickable { should_block_lower: true, is_hoverable: true },
        ))
        .with_children(|panel| {
            panel
                .spawn((Node { column_gap: px(GAP_MM * 1.2), flex_grow: 1.0, ..default() }, Pickable::IGNORE))
                .with_children(|body| {
                    for region in Region::ALL {
                        let cols = columns(region);
                        body.spawn((
                            Node {
                                flex_direction: FlexDirection::Column,
                                flex_grow: f32::from(cols),
                                flex_basis: px(0.0),
                                row_gap: px(GAP_MM * 0.6),
                                ..default()
                            },
                            Pickable::IGNORE,
                        ))
                        .with_children(|column| {
                            column.spawn((
                                Node {
                                    padding: UiRect::axes(px(4.0), px(2.0)),
                                    border_radius: BorderRadius::all(px(RADIUS_MM)),
                                    ..default()
                                },
                                BackgroundColor(region_color(region)),
                                Pickable::IGNORE,
                                children![label(
                                    ui.t(region.key()),
                                    ui.font(true),
                                    text_size::BODY,
                                    palette::ON_PRIMARY
                                )],
                            ));
                            column
                                .spawn((
                                    Node {
                                        display: Display::Grid,
                                        grid_template_columns: RepeatedGridTrack::flex(cols, 1.0),
                                        column_gap: px(GAP_MM * 0.5),
                                        row_gap: px(GAP_MM * 0.5),
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
            spawn_small_button(panel, &ui, ButtonStyle::Secondary, &ui.t("map-list-close"), ListCloseButton).observe(
                |_: On<Pointer<Click>>, mut list: ResMut<MapListOpen>| {
                    list.0 = false;
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
        .insert(Node {
            min_height: px(MUNICIPALITY_BUTTON_MM * 0.85),
            ..compact_button_node(TARGET_MIN_MM, UiRect::all(px(1.5)), RADIUS_MM)
        })
        .with_children(|b| {
            b.spawn((
                label(main, ui.font_in(main_lang, true), text_size::SMALL, color),
                TextLayout::justify(Justify::Center),
            ));
            b.spawn((
                label(second, ui.font_in(second_lang, false), text_size::CAPTION, palette::TEXT_MUTED),
                TextLayout::justify(Justify::Center),
            ));
        })
        .observe(
            move |_: On<Pointer<Click>>,
                  mut selection: ResMut<Selection>,
                  mut next: ResMut<NextState<Screen>>,
                  mut events: EventSender| {
                open_municipality(&mut selection, &mut next, &mut events, &code, SelectHow::List);
            },
        );
}
