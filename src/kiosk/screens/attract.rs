//! The attract loop: the project's name and message in every language, a "ghost" hand that taps a
//! municipality and opens its card (what a visitor can do), cycling facts from the press release, and the
//! privacy note. Any touch starts.

use bevy::picking::Pickable;
use bevy::prelude::*;

use crate::content::Booth;
use crate::i18n::{format_integer, Arg, Lang};
use crate::kiosk::theme::{palette, text_size, GAP_MM, MARGIN_MM, RADIUS_MM};
use crate::kiosk::widgets::{label, screen_root_on, UiContext};
use crate::kiosk::staff::Showcase;
use crate::kiosk::{AnimationClock, Screen};

/// Seconds each fact (and each language of the call to action) stays.
pub const FACT_SECONDS: f32 = 6.0;
/// Seconds of one ghost demo: move to a tile, tap, show the card.
pub const DEMO_SECONDS: f32 = 8.0;
const DEMO_TILES: usize = 6;
const TILE_W: f32 = 84.0;
const TILE_H: f32 = 40.0;
const TILE_GAP: f32 = 5.0;
const FEATURED_SLOT: usize = 4;
const RING: f32 = 30.0;

/// A text that cycles through several (text, font) pairs.
#[derive(Component)]
struct Cycling {
    items: Vec<(String, Handle<Font>)>,
    period: f32,
}

/// Tile `slot` of the ghost demo grid.
#[derive(Component)]
struct DemoTile(usize);

#[derive(Component)]
struct DemoTileLabel(usize);

#[derive(Component)]
struct GhostRing;

#[derive(Component)]
struct GhostCard;

#[derive(Component)]
struct GhostCardName;

/// Municipalities shown in the demo, in order (with their codes); the featured one changes every demo
/// unless the booth showcases one.
#[derive(Resource)]
struct DemoNames(Vec<(String, String, String)>);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Attract), spawn)
        .add_systems(Update, (animate, touch_to_start).run_if(in_state(Screen::Attract)));
}

/// The facts the attract loop cycles through: (Fluent key, arguments), numbers taken from project.toml.
pub fn facts(booth: &Booth) -> Vec<(&'static str, Vec<Arg<'static>>)> {
    let p = &booth.project;
    let mut v: Vec<(&'static str, Vec<Arg<'static>>)> = vec![
        (
            "fact-since",
            vec![("year", p.project.started_fiscal_year.into()), ("count", p.project.municipalities.into())],
        ),
        ("fact-grant", vec![("amount", format_integer(*p.plan.grant_cap_yen.get_ref()).into())]),
        (
            "fact-lectures",
            vec![
                ("year", p.results.fiscal_year.into()),
                ("count", format_integer(u64::from(p.results.lecture_participants())).into()),
            ],
        ),
    ];
    if let Some(n) = p.results.item.iter().find_map(|i| i.participating_municipalities) {
        v.push(("fact-ecoproducts", vec![("count", n.into())]));
    }
    v.push(("fact-goya", vec![]));
    v
}

fn spawn(mut commands: Commands, ui: UiContext) {
    let Some(content) = ui.content.as_ref() else { return };
    let booth = content.0.clone();
    // Start every cycle with the current language (the default one, or the one asked for a screenshot).
    let mut langs = booth.settings.languages.clone();
    if let Some(i) = langs.iter().position(|l| *l == ui.lang()) {
        langs.rotate_left(i);
    }
    let project = &booth.project.project;
    let names: Vec<(String, String, String)> =
        booth.municipalities.list.iter().map(|m| (m.name_ja.clone(), m.name_en.clone(), m.code.clone())).collect();
    commands.insert_resource(DemoNames(names));

    // Fact k is shown in language k mod n, so every fact appears in every language over time.
    let facts = facts(&booth);
    let fact_items: Vec<(String, Handle<Font>)> = (0..facts.len() * langs.len())
        .map(|k| {
            let (key, args) = &facts[k % facts.len()];
            let lang = langs[k % langs.len()];
            (ui.t_in(lang, key, args), ui.font_in(lang, false))
        })
        .collect();
    let per_lang = |key: &str, bold: bool| -> Vec<(String, Handle<Font>)> {
        langs.iter().map(|l| (ui.t_in(*l, key, &[]), ui.font_in(*l, bold))).collect()
    };

    commands.spawn(screen_root_on(Screen::Attract, palette::TOP_BAR)).with_children(|root| {
        // Title block: the project's name in every language.
        root.spawn((
            Node { flex_direction: FlexDirection::Column, padding: UiRect::new(px(MARGIN_MM), px(MARGIN_MM), px(MARGIN_MM), px(4.0)), row_gap: px(2.0), ..default() },
            Pickable::IGNORE,
        ))
        .with_children(|title| {
            title.spawn(label(project.joint.get(Lang::Ja), ui.font_in(Lang::Ja, false), text_size::HEADING, palette::SECONDARY));
            title.spawn(label(project.name.get(Lang::Ja), ui.font_in(Lang::Ja, true), text_size::HERO, palette::ON_PRIMARY));
            let others: Vec<Lang> = booth.settings.languages.iter().copied().filter(|l| *l != Lang::Ja).collect();
            title.spawn((Node { column_gap: px(10.0), flex_wrap: FlexWrap::Wrap, ..default() }, Pickable::IGNORE)).with_children(|row| {
                for l in others {
                    row.spawn(label(project.name.get(l), ui.font_in(project.name.lang_of(l), false), text_size::BODY, palette::SECONDARY));
                }
            });
            let messages: Vec<(String, Handle<Font>)> =
                langs.iter().map(|l| (project.message.get(*l).to_owned(), ui.font_in(project.message.lang_of(*l), true))).collect();
            title.spawn((
                label(messages[0].0.clone(), messages[0].1.clone(), text_size::HEADING, palette::ACCENT),
                Cycling { items: messages, period: FACT_SECONDS },
                Node { margin: UiRect::top(px(3.0)), ..default() },
            ));
        });

        // Middle: the ghost demo on the left, facts on the right.
        root.spawn((
            Node { flex_grow: 1.0, padding: UiRect::horizontal(px(MARGIN_MM)), column_gap: px(GAP_MM * 2.0), align_items: AlignItems::Center, ..default() },
            Pickable::IGNORE,
        ))
        .with_children(|mid| {
            spawn_demo(mid, &ui, &langs);
            mid.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    flex_grow: 1.0,
                    flex_basis: px(0.0),
                    padding: UiRect::all(px(10.0)),
                    row_gap: px(GAP_MM),
                    border_radius: BorderRadius::all(px(RADIUS_MM * 2.0)),
                    min_height: px(120.0),
                    ..default()
                },
                BackgroundColor(palette::SURFACE),
                Pickable::IGNORE,
            ))
            .with_children(|card| {
                let titles = per_lang("attract-fact-title", true);
                card.spawn((
                    label(titles[0].0.clone(), titles[0].1.clone(), text_size::HEADING, palette::PRIMARY),
                    Cycling { items: titles, period: FACT_SECONDS },
                ));
                card.spawn((
                    label(fact_items[0].0.clone(), fact_items[0].1.clone(), text_size::TITLE, palette::TEXT),
                    Cycling { items: fact_items, period: FACT_SECONDS },
                ));
                let source = booth.project.project.source.clone();
                card.spawn(label(ui.t_in(Lang::Ja, "about-source", &[("source", source.into())]), ui.font_in(Lang::Ja, false), text_size::SMALL, palette::TEXT_MUTED));
            });
        });

        // Bottom: the call to action (cycling languages) and the privacy note (ja / en).
        root.spawn((
            Node { flex_direction: FlexDirection::Column, align_items: AlignItems::Center, padding: UiRect::all(px(MARGIN_MM * 0.7)), row_gap: px(3.0), ..default() },
            BackgroundColor(palette::PRIMARY_PRESSED),
            Pickable::IGNORE,
        ))
        .with_children(|bottom| {
            let touch = per_lang("attract-touch", true);
            bottom.spawn((
                label(touch[0].0.clone(), touch[0].1.clone(), text_size::TITLE, palette::ON_PRIMARY),
                Cycling { items: touch, period: FACT_SECONDS },
            ));
            let privacy = format!("{} / {}", ui.t_in(Lang::Ja, "attract-privacy", &[]), ui.t_in(Lang::En, "attract-privacy", &[]));
            bottom.spawn(label(privacy, ui.font_in(Lang::Ja, false), text_size::SMALL, palette::SECONDARY));
        });
    });
}

fn tile_origin(slot: usize) -> Vec2 {
    let (col, row) = ((slot % 3) as f32, (slot / 3) as f32);
    Vec2::new(col * (TILE_W + TILE_GAP), row * (TILE_H + TILE_GAP))
}

fn spawn_demo(parent: &mut ChildSpawnerCommands, ui: &UiContext, langs: &[Lang]) {
    let grid_w = 3.0 * TILE_W + 2.0 * TILE_GAP;
    let grid_h = 2.0 * (TILE_H + TILE_GAP) + 62.0;
    parent
        .spawn((
            Node { flex_direction: FlexDirection::Column, row_gap: px(GAP_MM), width: px(grid_w + 20.0), ..default() },
            Pickable::IGNORE,
        ))
        .with_children(|col| {
            let tap = langs.iter().map(|l| (ui.t_in(*l, "attract-demo-tap", &[]), ui.font_in(*l, true))).collect::<Vec<_>>();
            col.spawn((label(tap[0].0.clone(), tap[0].1.clone(), text_size::HEADING, palette::ON_PRIMARY), Cycling { items: tap, period: FACT_SECONDS }));
            col.spawn((Node { width: px(grid_w), height: px(grid_h), ..default() }, Pickable::IGNORE)).with_children(|area| {
                for slot in 0..DEMO_TILES {
                    let o = tile_origin(slot);
                    area.spawn((
                        Node {
                            position_type: PositionType::Absolute,
                            left: px(o.x),
                            top: px(o.y),
                            width: px(TILE_W),
                            height: px(TILE_H),
                            justify_content: JustifyContent::Center,
                            align_items: AlignItems::Center,
                            border_radius: BorderRadius::all(px(RADIUS_MM)),
                            ..default()
                        },
                        BackgroundColor(palette::SECONDARY),
                        DemoTile(slot),
                        Pickable::IGNORE,
                    ))
                    .with_children(|t| {
                        t.spawn((label("", ui.font_in(Lang::Ja, true), text_size::HEADING, palette::TEXT), DemoTileLabel(slot)));
                    });
                }
                // The card the tap opens.
                area.spawn((
                    Node {
                        position_type: PositionType::Absolute,
                        left: px(0.0),
                        top: px(2.0 * (TILE_H + TILE_GAP)),
                        width: px(grid_w),
                        padding: UiRect::all(px(5.0)),
                        flex_direction: FlexDirection::Column,
                        row_gap: px(1.0),
                        border_radius: BorderRadius::all(px(RADIUS_MM)),
                        border: UiRect::all(px(1.2)),
                        ..default()
                    },
                    BackgroundColor(palette::SURFACE),
                    BorderColor::all(palette::ACCENT),
                    Visibility::Hidden,
                    GhostCard,
                    Pickable::IGNORE,
                ))
                .with_children(|card| {
                    let featured: Vec<(String, Handle<Font>)> = langs.iter().map(|l| (ui.t_in(*l, "attract-featured", &[]), ui.font_in(*l, false))).collect();
                    card.spawn((label(featured[0].0.clone(), featured[0].1.clone(), text_size::SMALL, palette::TEXT_MUTED), Cycling { items: featured, period: FACT_SECONDS }));
                    card.spawn((label("", ui.font_in(Lang::Ja, true), text_size::HEADING, palette::PRIMARY), GhostCardName));
                    let joint: Vec<(String, Handle<Font>)> = langs.iter().map(|l| (ui.t_in(*l, "program-joint", &[]), ui.font_in(*l, false))).collect();
                    card.spawn((label(joint[0].0.clone(), joint[0].1.clone(), text_size::SMALL, palette::TEXT), Cycling { items: joint, period: FACT_SECONDS }));
                });
                area.spawn((
                    Node {
                        position_type: PositionType::Absolute,
                        width: px(RING),
                        height: px(RING),
                        border: UiRect::all(px(2.5)),
                        border_radius: BorderRadius::all(percent(50)),
                        ..default()
                    },
                    BorderColor::all(palette::ON_PRIMARY),
                    BackgroundColor(palette::TEXT.with_alpha(0.35)),
                    GhostRing,
                    Pickable::IGNORE,
                ));
            });
        });
}

/// Where the ghost ring is and how big, `phase` seconds into a demo. Returns (centre, scale, card shown).
pub fn ghost_at(phase: f32) -> (Vec2, f32, bool) {
    let target = tile_origin(FEATURED_SLOT) + Vec2::new(TILE_W / 2.0, TILE_H / 2.0);
    let start = target + Vec2::new(TILE_W * 1.4, TILE_H * 2.2);
    let ease = |x: f32| x * x * (3.0 - 2.0 * x);
    match phase {
        p if p < 0.5 => (start, 1.0, false),
        p if p < 3.0 => (start.lerp(target, ease((p - 0.5) / 2.5)), 1.0, false),
        p if p < 3.6 => (target, 1.0 - 0.35 * ((p - 3.0) / 0.6 * std::f32::consts::PI).sin(), p > 3.3),
        _ => (target, 1.0, true),
    }
}

#[allow(clippy::type_complexity)]
fn animate(
    clock: Res<AnimationClock>,
    names: Option<Res<DemoNames>>,
    showcase: Res<Showcase>,
    mut cycling: Query<(&Cycling, &mut Text, &mut TextFont), (Without<DemoTileLabel>, Without<GhostCardName>)>,
    mut ring: Query<&mut Node, With<GhostRing>>,
    mut card: Query<&mut Visibility, With<GhostCard>>,
    mut tiles: Query<(&DemoTile, &mut BackgroundColor)>,
    mut tile_labels: Query<(&DemoTileLabel, &mut Text), Without<GhostCardName>>,
    mut card_name: Query<&mut Text, (With<GhostCardName>, Without<DemoTileLabel>, Without<Cycling>)>,
) {
    let t = clock.seconds;
    for (c, mut text, mut font) in &mut cycling {
        let i = (t / c.period) as usize % c.items.len().max(1);
        if let Some((s, f)) = c.items.get(i) {
            if text.0 != *s {
                text.0 = s.clone();
                font.font = f.clone().into();
            }
        }
    }
    let Some(names) = names else { return };
    let demo = (t / DEMO_SECONDS) as usize;
    let phase = t % DEMO_SECONDS;
    let n = names.0.len().max(1);
    // The showcased municipality when there is one; otherwise each demo features another.
    let featured = showcase
        .current
        .as_deref()
        .and_then(|code| names.0.iter().position(|(_, _, c)| c == code))
        .unwrap_or((demo * 7) % n);
    for (tile_label, mut text) in &mut tile_labels {
        let idx = (featured + n + tile_label.0 - FEATURED_SLOT) % n;
        if let Some((ja, _, _)) = names.0.get(idx) {
            if text.0 != *ja {
                text.0 = ja.clone();
            }
        }
    }
    let (centre, scale, show_card) = ghost_at(phase);
    for mut node in &mut ring {
        let size = RING * scale;
        node.left = px(centre.x - size / 2.0);
        node.top = px(centre.y - size / 2.0);
        node.width = px(size);
        node.height = px(size);
    }
    for mut v in &mut card {
        *v = if show_card { Visibility::Inherited } else { Visibility::Hidden };
    }
    for (tile, mut bg) in &mut tiles {
        bg.0 = if tile.0 == FEATURED_SLOT && show_card { palette::ACCENT } else { palette::SECONDARY };
    }
    if let Some((ja, en, _)) = names.0.get(featured) {
        for mut text in &mut card_name {
            let s = format!("{ja}  {en}");
            if text.0 != s {
                text.0 = s;
            }
        }
    }
}

fn touch_to_start(mouse: Res<ButtonInput<MouseButton>>, touches: Res<Touches>, mut next: ResMut<NextState<Screen>>) {
    if mouse.get_just_pressed().next().is_some() || touches.any_just_pressed() {
        next.set(Screen::Map);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ghost_moves_then_taps_then_shows_the_card() {
        let (start, _, shown0) = ghost_at(0.0);
        let (mid, _, shown1) = ghost_at(1.75);
        let (end, _, shown2) = ghost_at(5.0);
        assert!(!shown0 && !shown1 && shown2);
        assert!(start.distance(mid) > 1.0 && mid.distance(end) > 1.0);
        let (_, pressed, _) = ghost_at(3.3);
        assert!(pressed < 0.8, "the ring shrinks while it taps");
    }
}
