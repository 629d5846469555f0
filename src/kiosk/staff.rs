//! Staff access and the showcase: a long hold on the top-left corner opens the PIN pad; the showcase
//! follows booth_config/showcase.toml, and a staff choice holds until the next slot boundary.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use std::time::Duration;

use super::theme::px_per_mm;
use super::{Content, EventSender, Screen};
use crate::staff::Lockout;
use crate::telemetry::{Event, ShowcaseOrigin};

/// Side of the corner that opens the PIN pad when held.
pub const CORNER_MM: f32 = 30.0;
/// How long the corner must be held.
pub const HOLD: Duration = Duration::from_secs(3);

/// The booth's clock: the system clock, moved by `offset_ms` (tests cross slot boundaries with it).
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct BoothClock {
    pub offset_ms: i64,
}

impl BoothClock {
    pub fn utc_ms(&self) -> i64 {
        let now = crate::clock::now_utc_ms();
        now + self.offset_ms
    }
    /// Minutes since 1970-01-01 00:00 in booth time.
    pub fn local_minute(&self, utc_offset_minutes: i32) -> i64 {
        crate::clock::LocalClock { utc_offset_minutes }.minute(self.utc_ms())
    }
}

/// The featured municipality now.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct Showcase {
    pub current: Option<String>,
    pub origin: Option<ShowcaseOrigin>,
    /// A staff choice holds until this local minute.
    pub manual_until: Option<i64>,
}

/// PIN digits typed so far, and the last message.
#[derive(Resource, Debug, Default, Clone)]
pub struct PinEntry {
    pub digits: String,
    pub message: Option<String>,
}

/// Wrong-PIN lock, kept across visits to the pad.
#[derive(Resource, Debug, Default)]
pub struct StaffLock(pub Lockout);

#[derive(Resource, Default)]
struct CornerHold(Option<Duration>);

/// What a staff choice asks for.
#[derive(Message, Debug, Clone)]
pub struct ChooseShowcase(pub Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<BoothClock>()
        .init_resource::<Showcase>()
        .init_resource::<PinEntry>()
        .init_resource::<StaffLock>()
        .init_resource::<CornerHold>()
        .add_message::<ChooseShowcase>()
        .add_systems(Update, (hold_corner_for_staff, (apply_staff_choice, follow_schedule).chain()));
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
    let width_mm = content.map_or(super::theme::FALLBACK_WIDTH_MM, |c| c.0.settings.screen.width_mm);
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

fn apply_staff_choice(
    mut choices: MessageReader<ChooseShowcase>,
    content: Option<Res<Content>>,
    clock: Res<BoothClock>,
    mut showcase: ResMut<Showcase>,
    mut events: EventSender,
) {
    let Some(content) = content else { return };
    for ChooseShowcase(code) in choices.read() {
        let minute = clock.local_minute(content.0.settings.event.utc_offset_minutes);
        match code {
            Some(c) => {
                showcase.current = Some(c.clone());
                showcase.origin = Some(ShowcaseOrigin::Staff);
                showcase.manual_until = Some(content.0.showcase.next_boundary(minute).unwrap_or(i64::MAX));
            }
            None => {
                // Back to the schedule (or nothing).
                showcase.manual_until = None;
                showcase.current = content.0.showcase.slot_at(minute).map(|s| s.municipality.clone());
                showcase.origin = showcase.current.as_ref().map(|_| ShowcaseOrigin::Schedule);
            }
        }
        events.send(Event::ShowcaseChange { code: showcase.current.clone(), origin: ShowcaseOrigin::Staff });
    }
}

fn follow_schedule(
    content: Option<Res<Content>>,
    clock: Res<BoothClock>,
    mut showcase: ResMut<Showcase>,
    mut events: EventSender,
) {
    let Some(content) = content else { return };
    let minute = clock.local_minute(content.0.settings.event.utc_offset_minutes);
    if let Some(until) = showcase.manual_until {
        if minute < until {
            return;
        }
        showcase.manual_until = None;
    }
    let scheduled = content.0.showcase.slot_at(minute).map(|s| s.municipality.clone());
    if scheduled != showcase.current || (scheduled.is_some() && showcase.origin != Some(ShowcaseOrigin::Schedule)) {
        showcase.current = scheduled;
        showcase.origin = showcase.current.as_ref().map(|_| ShowcaseOrigin::Schedule);
        events.send(Event::ShowcaseChange { code: showcase.current.clone(), origin: ShowcaseOrigin::Schedule });
    }
}
