//! Motion that helps, and only that: a short fade when the screen changes, buttons that give under the
//! finger, the chosen municipality lifting, the quiz result's stars popping in. All of it is off when
//! booth.toml says `reduce_motion = true`, and in screenshot mode (frozen clock), where every animation
//! shows its end state so images are reproducible.

use bevy::picking::Pickable;
use bevy::prelude::*;

use super::theme::palette;
use super::{AnimationClock, Content, LanguageReentry, Screen};

/// Length of the fade into a new screen (the ceiling is 250 ms).
pub const FADE_SECONDS: f32 = 0.2;
/// How far a pressed button shrinks.
pub const PRESSED_SCALE: f32 = 0.96;
/// How long the chosen municipality takes to lift.
pub const LIFT_SECONDS: f32 = 0.15;
/// How long one star takes to pop in, and the gap between stars.
pub const POP_SECONDS: f32 = 0.35;
/// Gap between two stars starting to pop in, in seconds.
pub const POP_STAGGER_SECONDS: f32 = 0.25;

/// Whether anything moves. Decided once at start from booth.toml and the screenshot mode.
#[derive(Resource, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Motion {
    /// False when booth.toml sets `reduce_motion` or the animation clock is frozen (screenshot mode).
    pub enabled: bool,
}

/// The veil that fades out over a new screen.
#[derive(Component, Clone, Copy, Debug)]
pub struct ScreenFade {
    /// [`AnimationClock`] seconds when the new screen appeared.
    pub started: f32,
}

/// A node that grows from nothing to its size, `delay` seconds after it appeared.
#[derive(Component, Clone, Copy, Debug)]
pub struct PopIn {
    /// Seconds to wait before growing.
    pub delay: f32,
    started: Option<f32>,
}

impl PopIn {
    /// A pop-in that starts growing `delay` seconds after the node appears.
    pub fn after(delay: f32) -> Self {
        PopIn { delay, started: None }
    }
}

/// Smooth start and end, 0..1 → 0..1.
pub fn ease(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Grows past its size and settles back (a pop), 0..1 → 0..~1.1..1.
pub fn overshoot(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    let s = 1.7;
    let u = t - 1.0;
    1.0 + (s + 1.0) * u * u * u + s * u * u
}

/// Opacity of the fade veil `elapsed` seconds into a new screen.
pub fn fade_alpha(elapsed: f32) -> f32 {
    1.0 - ease(elapsed / FADE_SECONDS)
}

pub(super) fn plugin(app: &mut App) {
    let frozen = app.world().get_resource::<AnimationClock>().is_some_and(|c| c.frozen);
    let reduce = app.world().get_resource::<Content>().is_some_and(|c| c.0.settings.reduce_motion);
    app.insert_resource(Motion { enabled: !frozen && !reduce })
        .add_systems(Update, (start_fade, run_fade, pop_in).chain().run_if(|m: Res<Motion>| m.enabled));
}

fn start_fade(
    mut commands: Commands,
    mut changes: MessageReader<StateTransitionEvent<Screen>>,
    reentry: Res<LanguageReentry>,
    clock: Res<AnimationClock>,
    old: Query<Entity, With<ScreenFade>>,
) {
    let Some(change) = changes.read().last() else { return };
    let (Some(from), Some(to)) = (change.exited, change.entered) else { return };
    // A language switch rebuilds the same screen in place: no fade.
    if from == to || reentry.0 || from == Screen::Loading {
        return;
    }
    for e in &old {
        commands.entity(e).despawn();
    }
    commands.spawn((
        Node { position_type: PositionType::Absolute, width: percent(100), height: percent(100), ..default() },
        BackgroundColor(palette::BACKGROUND),
        GlobalZIndex(i32::MAX - 1),
        Pickable::IGNORE,
        ScreenFade { started: clock.seconds },
    ));
}

fn run_fade(
    mut commands: Commands,
    clock: Res<AnimationClock>,
    mut veils: Query<(Entity, &ScreenFade, &mut BackgroundColor)>,
) {
    for (e, fade, mut bg) in &mut veils {
        let a = fade_alpha(clock.seconds - fade.started);
        if a <= 0.0 {
            commands.entity(e).despawn();
        } else {
            bg.0 = palette::BACKGROUND.with_alpha(a);
        }
    }
}

fn pop_in(clock: Res<AnimationClock>, mut nodes: Query<(&mut PopIn, &mut UiTransform)>) {
    for (mut pop, mut tf) in &mut nodes {
        let started = *pop.started.get_or_insert(clock.seconds);
        let t = (clock.seconds - started - pop.delay) / POP_SECONDS;
        let s = if t <= 0.0 { 0.0 } else { overshoot(t) };
        if tf.scale.x != s {
            tf.scale = Vec2::splat(s);
        }
    }
}

/// How high the chosen municipality stands, `since` seconds after it was chosen.
pub fn lift(motion: Motion, since: f32) -> f32 {
    const LIFTED: f32 = 1.1;
    if motion.enabled { 1.0 + (LIFTED - 1.0) * ease(since / LIFT_SECONDS) } else { LIFTED }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fade_starts_opaque_and_is_gone_within_its_time() {
        assert_eq!(fade_alpha(0.0), 1.0);
        assert!(fade_alpha(FADE_SECONDS / 2.0) > 0.0 && fade_alpha(FADE_SECONDS / 2.0) < 1.0);
        assert_eq!(fade_alpha(FADE_SECONDS), 0.0);
        const { assert!(FADE_SECONDS <= 0.25) };
    }

    #[test]
    fn a_pop_overshoots_and_settles_at_full_size() {
        assert!(overshoot(0.0).abs() < 1e-6);
        assert!((overshoot(1.0) - 1.0).abs() < 1e-6);
        let peak = (1..100).map(|i| overshoot(i as f32 / 100.0)).fold(0.0, f32::max);
        assert!(peak > 1.05 && peak < 1.2, "peak {peak}");
    }

    #[test]
    fn without_motion_the_lift_is_at_its_end_at_once() {
        let off = Motion { enabled: false };
        let on = Motion { enabled: true };
        assert_eq!(lift(off, 0.0), lift(on, LIFT_SECONDS));
        assert_eq!(lift(on, 0.0), 1.0);
        assert!(lift(on, LIFT_SECONDS / 2.0) > 1.0 && lift(on, LIFT_SECONDS / 2.0) < lift(on, LIFT_SECONDS));
    }
}
