//! The staff PIN pad. Digits show as dots; five wrong PINs lock the pad for longer each time; every
//! attempt is logged without its digits.

use bevy::picking::Pickable;
use bevy::prelude::*;

use crate::kiosk::staff::{PinEntry, StaffLock};
use crate::kiosk::theme::{GAP_MM, MARGIN_MM, palette, text_size};
use crate::kiosk::widgets::{ButtonStyle, UiContext, button, label, screen_root};
use crate::kiosk::{Content, EventSender, Screen};
use crate::staff::Attempt;
use crate::telemetry::Event;

/// A key of the pad: a digit, or one of the commands.
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinKey {
    /// Types its digit ('0' to '9'); digits past the eighth are ignored.
    Digit(char),
    /// Clears the digits typed so far.
    Clear,
    /// Checks the PIN: the staff panel when right, else a message; repeated failures lock the pad.
    Ok,
    /// Forgets the digits and goes back to the attract loop.
    Cancel,
}

/// Side of a digit key.
pub const KEY_MM: f32 = 34.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::StaffPin), spawn).add_observer(press_key);
}

fn spawn(mut commands: Commands, ui: UiContext, entry: Res<PinEntry>) {
    commands.spawn(screen_root(Screen::StaffPin)).with_children(|root| {
        root.spawn((
            Node {
                flex_grow: 1.0,
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                justify_content: JustifyContent::Center,
                padding: UiRect::all(px(MARGIN_MM)),
                row_gap: px(GAP_MM),
                ..default()
            },
            Pickable::IGNORE,
        ))
        .with_children(|body| {
            body.spawn(label(ui.t("staff-pin-title"), ui.font(true), text_size::TITLE, palette::TEXT));
            let dots: String = entry.digits.chars().map(|_| '●').collect();
            body.spawn(label(
                if dots.is_empty() { " ".to_owned() } else { dots },
                ui.font(true),
                text_size::HERO,
                palette::PRIMARY,
            ));
            if let Some(m) = &entry.message {
                body.spawn(label(m.clone(), ui.font(true), text_size::HEADING, palette::ERROR));
            }
            body.spawn((
                Node {
                    display: Display::Grid,
                    grid_template_columns: RepeatedGridTrack::px(3, KEY_MM * 1.6),
                    column_gap: px(GAP_MM),
                    row_gap: px(GAP_MM),
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|pad| {
                let keys: Vec<(PinKey, String, ButtonStyle)> = "123456789"
                    .chars()
                    .map(|c| (PinKey::Digit(c), c.to_string(), ButtonStyle::Secondary))
                    .chain([
                        (PinKey::Clear, ui.t("staff-pin-clear"), ButtonStyle::Secondary),
                        (PinKey::Digit('0'), "0".to_owned(), ButtonStyle::Secondary),
                        (PinKey::Ok, ui.t("staff-pin-ok"), ButtonStyle::Primary),
                    ])
                    .collect();
                for (key, text, style) in keys {
                    pad.spawn((button(style, text, ui.font(true)), key)).insert(Node {
                        min_height: px(KEY_MM),
                        justify_content: JustifyContent::Center,
                        align_items: AlignItems::Center,
                        border_radius: BorderRadius::all(px(4.0)),
                        ..default()
                    });
                }
            });
            body.spawn((button(ButtonStyle::Secondary, ui.t("staff-pin-cancel"), ui.font(true)), PinKey::Cancel));
        });
    });
}

pub(super) fn press_key(
    ev: On<Pointer<Click>>,
    keys: Query<&PinKey>,
    ui: UiContext,
    time: Res<Time>,
    mut entry: ResMut<PinEntry>,
    mut lock: ResMut<StaffLock>,
    mut events: EventSender,
    mut next: ResMut<NextState<Screen>>,
) {
    let Ok(key) = keys.get(ev.entity) else { return };
    match *key {
        PinKey::Digit(c) if entry.digits.len() < 8 => entry.digits.push(c),
        PinKey::Digit(_) => {}
        PinKey::Clear => entry.digits.clear(),
        PinKey::Cancel => {
            *entry = PinEntry::default();
            next.set(Screen::Attract);
            return;
        }
        PinKey::Ok => {
            let digits = std::mem::take(&mut entry.digits);
            let Some(hash) = ui.content.as_ref().and_then(|c| c.0.settings.staff_pin_hash.clone()) else {
                entry.message = Some(ui.t("staff-pin-not-set"));
                next.set(Screen::StaffPin);
                return;
            };
            let attempt = lock.0.attempt(|| crate::staff::verify(&digits, &hash).unwrap_or(false), time.elapsed());
            match attempt {
                Attempt::Accepted => {
                    events.send(Event::StaffLoginOk);
                    *entry = PinEntry::default();
                    next.set(Screen::StaffPanel);
                    return;
                }
                Attempt::Rejected { failures_left } => {
                    events.send(Event::StaffLoginFail);
                    entry.message = Some(ui.t_args("staff-pin-wrong", &[("count", failures_left.into())]));
                }
                Attempt::LockedOut(d) | Attempt::StillLocked(d) => {
                    if matches!(attempt, Attempt::LockedOut(_)) {
                        events.send(Event::StaffLoginFail);
                    }
                    entry.message = Some(ui.t_args("staff-pin-locked", &[("seconds", d.as_secs().max(1).into())]));
                }
            }
        }
    }
    // Show the new state of the pad.
    next.set(Screen::StaffPin);
}

/// True when the booth has a PIN set.
pub fn pin_is_set(content: &Content) -> bool {
    content.0.settings.staff_pin_hash.is_some()
}
