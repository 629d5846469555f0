//! The way in for staff: holding the top-left corner for three seconds opens the PIN pad.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use std::time::Duration;

use crate::kiosk::theme::px_per_mm;
use crate::kiosk::{Content, Screen};
use crate::staff::Lockout;

/// Side of the corner that opens the PIN pad when held.
pub const CORNER_MM: f32 = 30.0;
/// How long the corner must be held.
pub const HOLD: Duration = Duration::from_secs(3);

/// PIN digits typed so far, and the last message.
#[derive(Resource, Debug, Default, Clone)]
pub struct PinEntry {
    /// Digits typed so far (at most 8), shown as dots.
    pub digits: String,
    /// The message shown under the dots: a wrong PIN, the lock, or no PIN set in booth.toml.
    pub message: Option<String>,
}

/// Wrong-PIN lock, kept across visits to the pad.
#[derive(Resource, Debug, Default)]
pub struct StaffLock(pub Lockout);

#[derive(Resource, Default)]
struct CornerHold(Option<Duration>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PinEntry>()
        .init_resource::<StaffLock>()
        .init_resource::<CornerHold>()
        .add_systems(Update, hold_corner_for_staff);
}

fn hold_corner_for_staff(
    mouse: Res<ButtonInput<MouseButton>>,
    touches: Res<Touches>,
    window: Single<&Window, With<PrimaryWindow>>,
    content: Option<Res<Content>>,
    time: Res<Time>,
    state: Res<State<Screen>>,
    mut hold: ResMut<CornerHold>,
    mut next: ResMut<NextState<Screen>>,
    mut pin: ResMut<PinEntry>,
) {
    if matches!(state.get(), Screen::Loading | Screen::ConfigError | Screen::StaffPin | Screen::StaffPanel) {
        hold.0 = None;
        return;
    }
    let width_mm = content.map_or(crate::kiosk::theme::FALLBACK_WIDTH_MM, |c| c.0.settings.screen.width_mm);
    let corner = CORNER_MM * px_per_mm(window.width(), width_mm);
    let held_at = if touches.iter().count() == 1 {
        touches.iter().next().map(|t| t.position())
    } else if mouse.pressed(MouseButton::Left) {
        window.cursor_position()
    } else {
        None
    };
    match held_at {
        Some(p) if p.x <= corner && p.y <= corner => {
            let since = *hold.0.get_or_insert(time.elapsed());
            if time.elapsed().saturating_sub(since) >= HOLD {
                hold.0 = None;
                *pin = PinEntry::default();
                next.set(Screen::StaffPin);
            }
        }
        _ => hold.0 = None,
    }
}
