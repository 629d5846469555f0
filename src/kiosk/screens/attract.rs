//! The attract loop: the map of the 62 municipalities fills the screen, alive. A "ghost" finger taps one
//! municipality after another and its card pops up with one of its own programs or a fact of the joint
//! project; the project's name sits on top and a large call to action cycles through the booth's
//! languages (each cycle starting with the booth's own), above the privacy note. Any touch starts: a touch
//! on a municipality opens the map with its card, anywhere else the map with nothing selected.

use bevy::picking::Pickable;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use crate::booth::Booth;
use crate::i18n::{Arg, format_integer};
use crate::kiosk::map_view::{MapLayers, MapSurface, Morph, code_at, map_to_screen};
use crate::kiosk::staff::Showcase;
use crate::kiosk::theme::{GAP_MM, MARGIN_MM, RADIUS_MM, palette, text_size};
use crate::kiosk::widgets::{UiContext, label, screen_root_on};
use crate::kiosk::{AnimationClock, EventSender, Screen, Selection};
use crate::lang::Lang;
use crate::telemetry::{Event, SelectHow};

/// Seconds each language of the call to action (and each title message) stays.
pub const FACT_SECONDS: f32 = 6.0;
/// Seconds of one ghost demo: move to a municipality, tap, show its card.
pub const DEMO_SECONDS: f32 = 8.0;
/// Diameter of the ghost finger's ring, in mm.
const RING: f32 = 30.0;
/// Width of the ghost card, in mm.
const CARD_W: f32 = 250.0;

/// A text that cycles through several (text, font) pairs.
#[derive(Component)]
struct Cycling {
    items: Vec<(String, Handle<Font>)>,
    period: f32,
}

#[derive(Component)]
struct GhostRing;

/// The card the ghost opens.
#[derive(Component)]
pub struct GhostCard;

/// What the ghost card says (name, theme chip, the program or fact).
#[derive(Component, Clone, Copy, PartialEq, Eq)]
enum GhostText {
    Name,
    Chip,
    Line,
}

/// When the attract loop began (animation seconds): every cycle counts from here, so each starts with the
/// booth's language however long the kiosk has run.
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct AttractStarted(pub f32);

/// A municipality touched to leave the attract loop, logged once the visitor's session has begun.
#[derive(Resource, Clone, Debug, Default)]
struct FirstTouch(Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<AttractStarted>()
        .init_resource::<FirstTouch>()
        .add_systems(OnEnter(Screen::Attract), (start_clock, spawn))
        // The touch comes last: the card it chooses wins over the ghost's.
        .add_systems(Update, (animate, touch_to_start).chain().run_if(in_state(Screen::Attract)))
        .add_systems(PostUpdate, log_first_touch.after(crate::kiosk::session::screen_changes));
}

/// The facts the attract loop shows, as (Fluent key, arguments), numbers taken from project.toml.
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

/// The booth's languages, the current one first.
fn cycle_langs(booth: &Booth, first: Lang) -> Vec<Lang> {
    let mut langs = booth.settings.languages.clone();
    if let Some(i) = langs.iter().position(|l| *l == first) {
        langs.rotate_left(i);
    }
    langs
}

/// Which of `n` items a cycle of `period` seconds shows `elapsed` seconds after it began.
pub fn cycle_index(elapsed: f32, period: f32, n: usize) -> usize {
    if n == 0 || period <= 0.0 { 0 } else { (elapsed.max(0.0) / period) as usize % n }
}

fn start_clock(clock: Res<AnimationClock>, mut started: ResMut<AttractStarted>) {
    // Screenshots freeze the clock at a moment of the loop: count from zero there.
    started.0 = if clock.frozen { 0.0 } else { clock.seconds };
}

fn spawn(mut commands: Commands, ui: UiContext) {
    let Some(content) = ui.content.as_ref() else { return };
    let booth = content.0.clone();
    let langs = cycle_langs(&booth, ui.lang());
    let project = &booth.project.project;
    let per_lang = |key: &str, bold: bool| -> Vec<(String, Handle<Font>)> {
        langs.iter().map(|l| (ui.t_in(*l, key, &[]), ui.font_in(*l, bold))).collect()
    };
    commands.spawn(screen_root_on(Screen::Attract, Color::NONE)).with_children(|root| {
        // Top: the project's name in every language.
        root.spawn((
            Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::new(px(MARGIN_MM), px(MARGIN_MM), px(MARGIN_MM * 0.6), px(4.0)),
                row_gap: px(1.5),
                ..default()
            },
            BackgroundColor(palette::TOP_BAR),
            Pickable::IGNORE,
        ))
        .with_children(|title| {
            title.spawn(label(
                project.joint.get(Lang::Ja),
                ui.font_in(Lang::Ja, false),
                text_size::BODY,
                palette::SECONDARY,
            ));
            title.spawn(label(
                project.name.get(Lang::Ja),
                ui.font_in(Lang::Ja, true),
                text_size::DISPLAY,
                palette::ON_PRIMARY,
            ));
            title
                .spawn((Node { column_gap: px(10.0), flex_wrap: FlexWrap::Wrap, ..default() }, Pickable::IGNORE))
                .with_children(|row| {
                    for l in booth.settings.languages.iter().copied().filter(|l| *l != Lang::Ja) {
                        row.spawn(label(
                            project.name.get(l),
                            ui.font_in(project.name.lang_of(l), false),
                            text_size::SMALL,
                            palette::SECONDARY,
                        ));
                    }
                });
        });
        // Middle: the map shows through; this node tells the camera where it is.
        root.spawn((MapSurface, Node { flex_grow: 1.0, ..default() }, Pickable::IGNORE)).with_children(|mid| {
            let tap = per_lang("attract-demo-tap", true);
            mid.spawn((
                Node {
                    position_type: PositionType::Absolute,
                    left: px(MARGIN_MM),
                    top: px(GAP_MM),
                    padding: UiRect::axes(px(5.0), px(2.0)),
                    border_radius: BorderRadius::all(px(RADIUS_MM)),
                    ..default()
                },
                BackgroundColor(palette::ACCENT),
                Pickable::IGNORE,
                children![(
                    label(tap[0].0.clone(), tap[0].1.clone(), text_size::HEADING, palette::TEXT),
                    Cycling { items: tap, period: FACT_SECONDS }
                )],
            ));
        });
        // Bottom: the call to action, large, in each language in turn, and the privacy note.
        root.spawn((
            Node {
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                padding: UiRect::all(px(MARGIN_MM * 0.6)),
                row_gap: px(2.0),
                ..default()
            },
            BackgroundColor(palette::PRIMARY_PRESSED),
            Pickable::IGNORE,
        ))
        .with_children(|bottom| {
            let touch = per_lang("attract-touch", true);
            bottom.spawn((
                label(touch[0].0.clone(), touch[0].1.clone(), text_size::HERO, palette::ON_PRIMARY),
                Cycling { items: touch, period: FACT_SECONDS },
            ));
            let privacy = format!(
                "{} / {}",
                ui.t_in(Lang::Ja, "attract-privacy", &[]),
                ui.t_in(Lang::En, "attract-privacy", &[])
            );
            bottom.spawn(label(privacy, ui.font_in(Lang::Ja, false), text_size::SMALL, palette::SECONDARY));
        });
        // The ghost finger and the card it opens, placed over the map each frame.
        root.spawn((
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
            Visibility::Hidden,
            GhostRing,
            Pickable::IGNORE,
        ));
        root.spawn((
            Node {
                position_type: PositionType::Absolute,
                width: px(CARD_W),
                padding: UiRect::all(px(6.0)),
                flex_direction: FlexDirection::Column,
                row_gap: px(2.0),
                border_radius: BorderRadius::all(px(RADIUS_MM)),
                border: UiRect::all(px(1.5)),
                ..default()
            },
            BackgroundColor(palette::SURFACE),
            BorderColor::all(palette::PRIMARY),
            Visibility::Hidden,
            GhostCard,
            Pickable::IGNORE,
        ))
        .with_children(|card| {
            card.spawn((label("", ui.font_in(Lang::Ja, true), text_size::TITLE, palette::TEXT), GhostText::Name));
            card.spawn((
                Node {
                    padding: UiRect::axes(px(3.0), px(1.0)),
                    border_radius: BorderRadius::all(px(RADIUS_MM)),
                    align_self: AlignSelf::FlexStart,
                    ..default()
                },
                BackgroundColor(palette::PRIMARY),
                Pickable::IGNORE,
                children![(
                    label("", ui.font_in(Lang::Ja, true), text_size::SMALL, palette::ON_PRIMARY),
                    GhostText::Chip
                )],
            ));
            card.spawn((label("", ui.font_in(Lang::Ja, false), text_size::BODY, palette::TEXT), GhostText::Line));
        });
    });
}

/// Where the ghost finger is on its way to its target (0 far, 1 there), how pressed (1 up, smaller
/// while it taps), and whether the card is open, `phase` seconds into a demo.
pub fn ghost_at(phase: f32) -> (f32, f32, bool) {
    let ease = |x: f32| x * x * (3.0 - 2.0 * x);
    match phase {
        p if p < 0.5 => (0.0, 1.0, false),
        p if p < 3.0 => (ease((p - 0.5) / 2.5), 1.0, false),
        p if p < 3.6 => (1.0, 1.0 - 0.35 * ((p - 3.0) / 0.6 * std::f32::consts::PI).sin(), p > 3.3),
        _ => (1.0, 1.0, true),
    }
}

/// The municipality the `demo`-th demo features: the showcased one when the booth has one, otherwise
/// a different one each time (a stride that visits all 62).
pub fn featured(booth: &Booth, showcase: Option<&str>, demo: usize) -> usize {
    let n = booth.municipalities.list.len().max(1);
    showcase.and_then(|c| booth.municipalities.list.iter().position(|m| m.code == c)).unwrap_or((demo * 7) % n)
}

/// What the ghost card says about a municipality in `lang`: its name, a chip, and one line. Even demos
/// show one of its own programs (a different one each time), odd ones a fact of the joint project.
pub fn card_text(
    booth: &Booth,
    strings: &crate::i18n::Localizer,
    index: usize,
    demo: usize,
    lang: Lang,
) -> (String, String, String) {
    let m = &booth.municipalities.list[index];
    let name = m.display_name(lang).0.to_owned();
    let own = booth.own_programs_of(&m.code);
    if demo.is_multiple_of(2) && !own.is_empty() {
        let p = own[(demo / 2) % own.len()];
        let chip = p.theme.map_or_else(|| strings.t(lang, "muni-own-programs"), |t| strings.t(lang, t.key()));
        return (name, chip, p.title.get(lang).to_owned());
    }
    let facts = facts(booth);
    let (key, args) = &facts[(demo / 2) % facts.len()];
    (name, strings.t(lang, "attract-fact-title"), strings.t_args(lang, key, args))
}

#[allow(clippy::too_many_arguments, clippy::type_complexity)]
fn animate(
    clock: Res<AnimationClock>,
    started: Res<AttractStarted>,
    ui: UiContext,
    showcase: Res<Showcase>,
    layers: Option<Res<MapLayers>>,
    morph: Res<Morph>,
    ui_scale: Res<UiScale>,
    window: Single<&Window, With<PrimaryWindow>>,
    camera: Single<(&Transform, &Projection), With<Camera2d>>,
    mut selection: ResMut<Selection>,
    mut cycling: Query<(&Cycling, &mut Text, &mut TextFont), Without<GhostText>>,
    mut ring: Query<(&mut Node, &mut Visibility), (With<GhostRing>, Without<GhostCard>)>,
    mut card: Query<(&mut Node, &mut Visibility), (With<GhostCard>, Without<GhostRing>)>,
    mut texts: Query<(&GhostText, &mut Text, &mut TextFont), Without<Cycling>>,
) {
    let elapsed = clock.seconds - started.0;
    for (c, mut text, mut font) in &mut cycling {
        if let Some((s, f)) = c.items.get(cycle_index(elapsed, c.period, c.items.len()))
            && text.0 != *s
        {
            text.0 = s.clone();
            font.font = f.clone().into();
        }
    }
    let (Some(content), Some(strings), Some(layers)) = (ui.content.as_ref(), ui.strings.as_ref(), layers) else {
        return;
    };
    let booth = &content.0;
    let demo = (elapsed.max(0.0) / DEMO_SECONDS) as usize;
    let phase = elapsed.max(0.0) % DEMO_SECONDS;
    let index = featured(booth, showcase.current.as_deref(), demo);
    let layout = morph.shown_layout();
    let Some(area) = layers.geometry(layout).areas.get(index) else { return };
    let (tf, proj) = camera.into_inner();
    let Projection::Orthographic(o) = proj else { return };
    let win = Vec2::new(window.width(), window.height());
    // Logical pixels on screen → UI units (mm).
    let target = map_to_screen(Vec2::new(area.label[0] as f32, area.label[1] as f32), tf, o.scale, win) / ui_scale.0;
    let (progress, press, open) = ghost_at(phase);
    let start = target + Vec2::new(70.0, 90.0);
    let at = start.lerp(target, progress);
    for (mut node, mut vis) in &mut ring {
        let size = RING * press;
        node.left = px(at.x - size / 2.0);
        node.top = px(at.y - size / 2.0);
        node.width = px(size);
        node.height = px(size);
        *vis = Visibility::Inherited;
    }
    // The card beside the municipality, on the side with more room, kept on screen.
    let screen_mm = win / ui_scale.0;
    let left =
        if target.x + RING + CARD_W < screen_mm.x - MARGIN_MM { target.x + RING } else { target.x - RING - CARD_W };
    for (mut node, mut vis) in &mut card {
        node.left = px(left.clamp(MARGIN_MM, (screen_mm.x - CARD_W - MARGIN_MM).max(MARGIN_MM)));
        node.top = px((target.y - 40.0).clamp(MARGIN_MM * 6.0, (screen_mm.y - 190.0).max(MARGIN_MM)));
        *vis = if open { Visibility::Inherited } else { Visibility::Hidden };
    }
    // The map lifts the municipality the ghost tapped.
    let code = booth.municipalities.list[index].code.clone();
    let wanted = open.then_some(code);
    if selection.municipality != wanted {
        selection.municipality = wanted;
    }
    let langs = cycle_langs(booth, ui.lang());
    let lang = langs[cycle_index(elapsed, FACT_SECONDS, langs.len())];
    let (name, chip, line) = card_text(booth, &strings.0, index, demo, lang);
    for (which, mut text, mut font) in &mut texts {
        let (s, bold) = match which {
            GhostText::Name => (&name, true),
            GhostText::Chip => (&chip, true),
            GhostText::Line => (&line, false),
        };
        if text.0 != *s {
            text.0 = s.clone();
            // Names and content fall back to Japanese where a language has none: the face follows the text.
            let written_in =
                if *which == GhostText::Name { booth.municipalities.list[index].display_name(lang).1 } else { lang };
            font.font = ui.font_in(written_in, bold).into();
        }
    }
}

/// Any touch leaves the attract loop; a touch on a municipality opens the map with its card.
#[allow(clippy::too_many_arguments)]
fn touch_to_start(
    mouse: Res<ButtonInput<MouseButton>>,
    touches: Res<Touches>,
    window: Single<&Window, With<PrimaryWindow>>,
    surface: Query<(&ComputedNode, &bevy::ui::UiGlobalTransform), With<MapSurface>>,
    layers: Option<Res<MapLayers>>,
    morph: Res<Morph>,
    ui_scale: Res<UiScale>,
    camera: Single<(&Transform, &Projection), With<Camera2d>>,
    mut selection: ResMut<Selection>,
    mut first: ResMut<FirstTouch>,
    mut next: ResMut<NextState<Screen>>,
) {
    let touched = touches.iter_just_pressed().next().map(|t| t.position());
    let clicked = mouse.get_just_pressed().next().and_then(|_| window.cursor_position());
    let pressed = touches.any_just_pressed() || mouse.get_just_pressed().next().is_some();
    if !pressed {
        return;
    }
    next.set(Screen::Map);
    let position = touched.or(clicked);
    // Only a touch over the map itself (not the title or the call to action) chooses a municipality.
    let k = 1.0 / window.scale_factor();
    let over_map = |p: Vec2| {
        surface.single().is_ok_and(|(node, tf)| {
            let (centre, size) = (tf.affine().translation * k, node.size() * k);
            (p - centre).abs().cmple(size / 2.0).all()
        })
    };
    let (tf, proj) = camera.into_inner();
    let code = match (position.filter(|p| over_map(*p)), layers, proj) {
        (Some(p), Some(layers), Projection::Orthographic(o)) => {
            code_at(p, &layers, &morph, ui_scale.0, tf, o.scale, Vec2::new(window.width(), window.height()))
        }
        _ => None,
    };
    selection.municipality = code.clone();
    selection.how = code.as_ref().map(|_| SelectHow::Map);
    first.0 = code;
}

/// Logs the touch that chose a municipality from the attract loop, in the session it started.
fn log_first_touch(state: Res<State<Screen>>, mut first: ResMut<FirstTouch>, mut events: EventSender) {
    if *state.get() != Screen::Map {
        return;
    }
    if let Some(code) = first.0.take() {
        events.send(Event::MapTouch { code: Some(code.clone()) });
        events.send(Event::MunicipalitySelect { code, how: SelectHow::Map });
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
        assert!(start < mid && mid < end && (end - 1.0).abs() < 1e-6);
        let (_, pressed, _) = ghost_at(3.3);
        assert!(pressed < 0.8, "the ring shrinks while it taps");
    }

    #[test]
    fn every_cycle_starts_with_the_first_item_when_the_loop_begins() {
        assert_eq!(cycle_index(0.0, 6.0, 4), 0);
        assert_eq!(cycle_index(5.9, 6.0, 4), 0);
        assert_eq!(cycle_index(6.0, 6.0, 4), 1);
        assert_eq!(cycle_index(24.0, 6.0, 4), 0);
        assert_eq!(cycle_index(-3.0, 6.0, 4), 0, "before the loop began: the first");
        assert_eq!(cycle_index(10.0, 6.0, 0), 0);
    }
}
