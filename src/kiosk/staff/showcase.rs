//! The showcased municipality: it follows booth_config/showcase.toml, and a staff choice holds until the
//! next slot boundary.

use bevy::prelude::*;

use super::BoothClock;
use crate::kiosk::{Content, EventSender};
use crate::telemetry::{Event, ShowcaseOrigin};

/// The featured municipality now.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct Showcase {
    /// Code of the featured municipality; `None` when nothing is featured.
    pub current: Option<String>,
    /// Whether the schedule or a staff choice featured it.
    pub origin: Option<ShowcaseOrigin>,
    /// A staff choice holds until this local minute.
    pub manual_until: Option<i64>,
}

/// What a staff choice asks for.
#[derive(Message, Debug, Clone)]
pub struct ChooseShowcase(pub Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Showcase>()
        .add_message::<ChooseShowcase>()
        .add_systems(Update, (apply_staff_choice, follow_schedule).chain());
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
