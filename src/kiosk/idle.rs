//! Idle handling: after the browse timeout with no touch, a "Still there?" overlay counts down; when it
//! reaches zero the kiosk goes back to the attract loop for the next visitor.

use bevy::prelude::*;
use std::time::Duration;

use super::session::VisitorSession;
use super::theme::{GAP_MM, RADIUS_MM, palette, text_size};
use super::widgets::{ButtonStyle, UiContext, button, label};
use super::{Content, EventSender, InitialView, Screen};
use crate::content::IdleTimings;
use crate::telemetry::{Event, SessionEndReason};

/// Time since the last touch on a visitor screen.
#[derive(Resource, Debug, Default)]
pub struct IdleTimer {
    /// Time without a touch on a visitor or staff screen (kept at zero elsewhere), compared with the idle timeouts.
    pub quiet: Duration,
    /// Screenshot mode: hold still.
    pub frozen: bool,
}

/// The overlay's root.
#[derive(Component)]
pub struct IdleOverlay;

/// Its "Continue" button.
#[derive(Component)]
pub struct ContinueButton;

#[derive(Component)]
struct CountdownText;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<IdleTimer>()
        .add_systems(OnExit(Screen::Loading), apply_initial_idle)
        .add_systems(Update, (reset_on_touch, tick, show_or_hide_overlay).chain());
}

fn apply_initial_idle(
    initial: Res<InitialView>,
    content: Option<Res<Content>>,
    more_time: Res<super::MoreTime>,
    mut timer: ResMut<IdleTimer>,
) {
    if initial.idle_warning {
        let t: IdleTimings = super::idle_timings(content.as_deref(), *more_time);
        let timeout = if initial.screen.is_quiz() { t.quiz } else { t.browse };
        timer.quiet = timeout + t.warning / 4;
        timer.frozen = true;
    } else if initial.frozen_clock.is_some() {
        timer.frozen = true;
    }
}

/// Any press of a mouse button or a finger restarts the count.
pub fn reset_on_touch(mouse: Res<ButtonInput<MouseButton>>, touches: Res<Touches>, mut timer: ResMut<IdleTimer>) {
    if mouse.get_just_pressed().next().is_some() || touches.any_just_pressed() {
        timer.quiet = Duration::ZERO;
    }
}

fn tick(time: Res<Time>, state: Res<State<Screen>>, mut timer: ResMut<IdleTimer>) {
    if timer.frozen {
        return;
    }
    if state.get().is_visitor_screen() || state.get().is_staff() {
        timer.quiet += time.delta();
    } else {
        timer.quiet = Duration::ZERO;
    }
}

fn show_or_hide_overlay(
    mut commands: Commands,
    timer: Res<IdleTimer>,
    state: Res<State<Screen>>,
    ui: UiContext,
    overlay: Query<Entity, With<IdleOverlay>>,
    mut countdown: Query<&mut Text, With<CountdownText>>,
    more_time: Res<super::MoreTime>,
    mut events: EventSender,
) {
    let t = super::idle_timings(ui.content.as_deref(), *more_time);
    let timeout = if state.get().is_quiz() { t.quiz } else { t.browse };
    let warn = (state.get().is_visitor_screen() || state.get().is_staff()) && timer.quiet >= timeout;
    if !warn {
        for e in &overlay {
            commands.entity(e).despawn();
        }
        return;
    }
    let left = (timeout + t.warning).saturating_sub(timer.quiet);
    if left.is_zero() {
        for e in &overlay {
            commands.entity(e).despawn();
        }
        events.send(Event::IdleReset);
        commands.queue(|w: &mut World| w.resource_mut::<VisitorSession>().ending = Some(SessionEndReason::Idle));
        super::visit::end_visit(&mut commands);
        return;
    }
    let seconds = left.as_secs_f32().ceil() as u32;
    let text = ui.t_args("idle-countdown", &[("seconds", seconds.into())]);
    if overlay.is_empty() {
        events.send(Event::IdleWarning);
        spawn_overlay(&mut commands, &ui, text);
    } else {
        for mut t in &mut countdown {
            if t.0 != text {
                t.0 = text.clone();
            }
        }
    }
}

fn spawn_overlay(commands: &mut Commands, ui: &UiContext, countdown: String) {
    commands
        .spawn((
            IdleOverlay,
            super::speech::SpeakAtOnce,
            Node {
                position_type: PositionType::Absolute,
                width: percent(100),
                height: percent(100),
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                ..default()
            },
            BackgroundColor(palette::OVERLAY),
            GlobalZIndex(100),
        ))
        .with_children(|root| {
            root.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    padding: UiRect::all(px(16.0)),
                    row_gap: px(GAP_MM * 1.5),
                    border_radius: BorderRadius::all(px(RADIUS_MM * 2.0)),
                    ..default()
                },
                BackgroundColor(palette::SURFACE),
                bevy::picking::Pickable::IGNORE,
            ))
            .with_children(|card| {
                card.spawn(label(ui.t("idle-title"), ui.font(true), text_size::TITLE, palette::TEXT));
                card.spawn((label(countdown, ui.font(false), text_size::HEADING, palette::TEXT_MUTED), CountdownText));
                card.spawn((button(ButtonStyle::Primary, ui.t("idle-continue"), ui.font(true)), ContinueButton))
                    .insert(Node {
                        min_width: px(110.0),
                        min_height: px(36.0),
                        justify_content: JustifyContent::Center,
                        align_items: AlignItems::Center,
                        border_radius: BorderRadius::all(px(RADIUS_MM)),
                        ..default()
                    })
                    .observe(|_: On<Pointer<Click>>, mut timer: ResMut<IdleTimer>| {
                        timer.quiet = Duration::ZERO;
                    });
            });
        });
}
