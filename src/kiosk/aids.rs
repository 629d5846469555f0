//! The visitor's aids on the top bar (#16): large text (× [`LARGE_TEXT_FACTOR`]) and high contrast
//! ([`theme::high_contrast`]). Each is a toggle on every visitor screen, logged, and reset at the end of
//! the visit. A toggle rebuilds the screen in place (like a language button); the new screen's texts are
//! scaled and its colours mapped as they appear, before layout, so nothing is drawn twice.

use bevy::prelude::*;

use super::theme::{self, high_contrast};
use super::visit::VisitEnded;
use super::{EventSender, LanguageReentry, Screen};
use crate::telemetry::{Aid, Event};

/// How much larger text is in large-text mode (WCAG 2.2 1.4.4 asks for up to 2 × without loss; the
/// layouts hold 1.4 × without scrolling, which the clipping test checks).
pub const LARGE_TEXT_FACTOR: f32 = 1.4;

/// The aids the visitor has turned on for this visit.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Aids {
    /// Text × [`LARGE_TEXT_FACTOR`].
    pub large_text: bool,
    /// The high-contrast palette.
    pub high_contrast: bool,
}

impl Aids {
    /// Whether `aid` is on (read aloud lives in `speech`, not here).
    pub fn is_on(&self, aid: Aid) -> bool {
        match aid {
            Aid::LargeText => self.large_text,
            Aid::HighContrast => self.high_contrast,
            Aid::ReadAloud => false,
        }
    }
}

/// A text already enlarged (so it is not enlarged twice).
#[derive(Component, Clone, Copy, Debug)]
pub struct Enlarged;

/// A part of the screen whose texts keep their size in large-text mode: the top bar, whose labels are
/// already 13–16.5 mm tall and which must hold five languages, three aids, Back and Start over in one row.
#[derive(Component, Clone, Copy, Debug)]
pub struct KeepTextSize;

pub(super) fn plugin(app: &mut App) {
    app.add_observer(|_: On<VisitEnded>, mut aids: ResMut<Aids>| {
        if *aids != Aids::default() {
            *aids = Aids::default();
        }
    })
    .add_systems(
        PostUpdate,
        (
            (enlarge_new_text, scroll_bodies, recolour, clear_colour).chain().before(bevy::ui::UiSystems::Prepare),
            show_scroll_hints.after(bevy::ui::UiSystems::Layout),
        ),
    );
}

/// The hint shows while the screen has more below what is on it.
fn show_scroll_hints(
    mut hints: Query<(&ScrollHint, &mut Visibility)>,
    bodies: Query<(&ComputedNode, &ScrollPosition)>,
) {
    for (hint, mut visibility) in &mut hints {
        let more = bodies.get(hint.0).is_ok_and(|(node, at)| {
            let max = ((node.content_size().y - node.size().y) * node.inverse_scale_factor()).max(0.0);
            max > 1.0 && at.y < max - 1.0
        });
        let want = if more { Visibility::Inherited } else { Visibility::Hidden };
        if *visibility != want {
            *visibility = want;
        }
    }
}

/// In large-text mode, what lies below the top bar on a visitor screen scrolls: a finger drags it up and
/// down when its text no longer fits one screen (the map hub keeps its own drag, which pans the map).
#[derive(Component, Clone, Copy, Debug)]
pub struct ScrollingBody;

/// "More below ▼": shown over the bottom of a scrolling screen while there is more to scroll to.
#[derive(Component, Clone, Copy, Debug)]
pub struct ScrollHint(pub Entity);

fn scroll_bodies(
    aids: Res<Aids>,
    state: Res<State<Screen>>,
    bars: Query<(Entity, &ChildOf), Added<KeepTextSize>>,
    children: Query<&Children>,
    ui: super::widgets::UiContext,
    mut commands: Commands,
) {
    if !aids.large_text || matches!(state.get(), Screen::Map | Screen::Attract) {
        return;
    }
    for (bar, root) in &bars {
        let Ok(siblings) = children.get(root.parent()) else { continue };
        let below: Vec<Entity> = siblings.iter().filter(|e| *e != bar).collect();
        // One column that takes the height the bar leaves and scrolls; what was below the bar moves in.
        let body = commands
            .spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    flex_grow: 1.0,
                    flex_basis: px(0.0),
                    min_height: px(0.0),
                    overflow: Overflow::scroll_y(),
                    ..default()
                },
                ScrollPosition::default(),
                ScrollingBody,
            ))
            .id();
        commands.entity(root.parent()).add_child(body);
        commands.entity(body).add_children(&below);
        let hint = commands
            .spawn((
                Node {
                    position_type: PositionType::Absolute,
                    bottom: px(4.0),
                    right: px(super::theme::MARGIN_MM),
                    padding: UiRect::axes(px(4.0), px(1.5)),
                    border_radius: BorderRadius::all(px(super::theme::RADIUS_MM)),
                    ..default()
                },
                BackgroundColor(super::theme::palette::PRIMARY),
                Visibility::Hidden,
                ScrollHint(body),
                super::speech::Silent,
                bevy::picking::Pickable::IGNORE,
                children![super::widgets::label(
                    ui.t("aid-more-below"),
                    ui.font(true),
                    super::theme::text_size::SMALL,
                    super::theme::palette::ON_PRIMARY
                )],
            ))
            .id();
        commands.entity(root.parent()).add_child(hint);
        commands.entity(body).observe(
            move |drag: On<Pointer<Drag>>, scale: Res<UiScale>, mut q: Query<(&mut ScrollPosition, &ComputedNode)>| {
                if let Ok((mut at, node)) = q.get_mut(body) {
                    let max = ((node.content_size().y - node.size().y) * node.inverse_scale_factor()).max(0.0);
                    at.y = (at.y - drag.delta.y / scale.0.max(f32::EPSILON)).clamp(0.0, max);
                }
            },
        );
    }
}

/// Turns `aid` (large text or high contrast) on or off for the rest of the visit, logs it and rebuilds
/// the screen in place.
pub fn toggle(
    aid: Aid,
    aids: &mut Aids,
    state: &State<Screen>,
    next: &mut NextState<Screen>,
    reentry: &mut LanguageReentry,
    events: &mut EventSender,
) {
    let on = !aids.is_on(aid);
    match aid {
        Aid::LargeText => aids.large_text = on,
        Aid::HighContrast => aids.high_contrast = on,
        Aid::ReadAloud => return,
    }
    events.send(Event::AidChange { aid, on });
    reentry.0 = true;
    next.set(*state.get());
}

fn enlarge_new_text(
    aids: Res<Aids>,
    mut commands: Commands,
    mut texts: Query<(Entity, &mut TextFont), (With<Text>, Without<Enlarged>)>,
    parents: Query<&ChildOf>,
    kept: Query<(), With<KeepTextSize>>,
    state: Res<State<Screen>>,
) {
    // The staff's screens and the broken-config page are for staff: their dense layouts keep their size.
    if !aids.large_text || matches!(state.get(), Screen::StaffPin | Screen::StaffPanel | Screen::ConfigError) {
        return;
    }
    for (entity, mut font) in &mut texts {
        let keep = parents.iter_ancestors(entity).any(|e| kept.contains(e));
        if !keep && let FontSize::Px(size) = font.font_size {
            font.font_size = FontSize::Px(size * LARGE_TEXT_FACTOR);
        }
        commands.entity(entity).insert(Enlarged);
    }
}

type Colours<'a> = (
    Option<Mut<'a, BackgroundColor>>,
    Option<Mut<'a, TextColor>>,
    Option<Mut<'a, BorderColor>>,
    Option<Mut<'a, Outline>>,
    Option<Mut<'a, super::widgets::PressColors>>,
);

type ChangedColour = Or<(
    Changed<BackgroundColor>,
    Changed<TextColor>,
    Changed<BorderColor>,
    Changed<Outline>,
    Changed<super::widgets::PressColors>,
)>;

/// Maps every colour that appeared or changed this frame to the high-contrast palette (the mapping
/// leaves its own results alone, so a colour is never mapped twice).
fn recolour(aids: Res<Aids>, mut q: Query<Colours<'_>, ChangedColour>) {
    if !aids.high_contrast {
        return;
    }
    for (bg, text, border, outline, press) in &mut q {
        if let Some(mut bg) = bg {
            let c = high_contrast::fill(bg.0);
            if c != bg.0 {
                bg.0 = c;
            }
        }
        if let Some(mut t) = text {
            let c = high_contrast::text(t.0);
            if c != t.0 {
                t.0 = c;
            }
        }
        if let Some(mut b) = border {
            let c = high_contrast::edge(b.top);
            if c != b.top {
                *b = BorderColor::all(c);
            }
        }
        if let Some(mut o) = outline {
            let c = high_contrast::edge(o.color);
            if c != o.color {
                o.color = c;
            }
        }
        if let Some(mut p) = press {
            let (normal, pressed) = (high_contrast::fill(p.normal), high_contrast::fill(p.pressed));
            if (normal, pressed) != (p.normal, p.pressed) {
                p.normal = normal;
                p.pressed = pressed;
            }
        }
    }
}

/// The page colour behind the screens (the sea behind the map stays the sea): white in high contrast,
/// the page's own colour again once it is off.
fn clear_colour(aids: Res<Aids>, mut clear: ResMut<ClearColor>) {
    let want = if aids.high_contrast {
        high_contrast::fill(clear.0)
    } else if clear.0.to_srgba() == high_contrast::PAPER.to_srgba() {
        theme::palette::BACKGROUND
    } else {
        clear.0
    };
    if clear.0 != want {
        clear.0 = want;
    }
}
