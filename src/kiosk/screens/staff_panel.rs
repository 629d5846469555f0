//! The staff panel: the featured municipality (now, by whom, the schedule, a choice of all 62), counters
//! since start, the health of the log, disk and clock, and the way out.

use bevy::picking::Pickable;
use bevy::prelude::*;

use crate::clock::LocalClock;
use crate::i18n::format_integer;
use crate::kiosk::Screen;
use crate::kiosk::event_bus::{EventLog, TodayCounters};
use crate::kiosk::health::{ClockWatch, HEARTBEAT, LastHeartbeat};
use crate::kiosk::staff::{BoothClock, ChooseShowcase, Showcase};
use crate::kiosk::theme::{GAP_MM, MARGIN_MM, RADIUS_MM, palette, text_size};
use crate::kiosk::widgets::{
    ButtonStyle, UiContext, button, button_frame, button_text_color, card, compact_button_node, label, screen_root,
};
use crate::lang::Lang;
use crate::telemetry::ShowcaseOrigin;
use crate::telemetry::free_space_mb;

/// A municipality's button in the showcase choice.
#[derive(Component, Clone, Debug)]
pub struct ShowcaseButton(pub Option<String>);

/// Initial-kana rows for finding a municipality by its reading (あ か さ た な は ま や ら わ).
pub const KANA_ROWS: [&str; 10] = [
    "あいうえお",
    "かきくけこがぎぐげご",
    "さしすせそざじずぜぞ",
    "たちつてとだぢづでど",
    "なにぬねの",
    "はひふへほばびぶべぼぱぴぷぺぽ",
    "まみむめも",
    "やゆよ",
    "らりるれろ",
    "わをん",
];

/// The kana row (index into [`KANA_ROWS`]) a reading starts in.
pub fn kana_row(reading: &str) -> Option<usize> {
    let first = reading.chars().next()?;
    KANA_ROWS.iter().position(|row| row.contains(first))
}

/// Which kana row the municipality choice shows (all when `None`).
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StaffFilter(pub Option<usize>);

/// A kana-row filter button.
#[derive(Component, Clone, Copy, Debug)]
pub struct KanaFilterButton(pub Option<usize>);

/// Closes the panel.
#[derive(Component)]
pub struct CloseStaffButton;

/// Quits the app.
#[derive(Component)]
pub struct ExitKioskButton;

/// Earliest believable clock (the app cannot have been built before this).
pub const EARLIEST_PLAUSIBLE_UTC_MS: i64 = 1_764_547_200_000; // 2025-12-01

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<StaffFilter>()
        .add_systems(OnEnter(Screen::StaffPanel), spawn)
        .add_systems(Update, rebuild_on_showcase_change.run_if(in_state(Screen::StaffPanel)));
}

fn rebuild_on_showcase_change(showcase: Res<Showcase>, mut next: ResMut<NextState<Screen>>) {
    if showcase.is_changed() && !showcase.is_added() {
        next.set(Screen::StaffPanel);
    }
}

/// Marks the staff's "more time" toggle (school groups: idle limits × 3).
#[derive(Component, Clone, Copy, Debug)]
pub struct MoreTimeButton;

/// Marks the staff's read-aloud volume button.
#[derive(Component, Clone, Copy, Debug)]
pub struct SpeechVolumeButton;

/// What the booth PC's display and touch screen are doing, for the technician, and the staff's
/// "more time" mode.
#[derive(bevy::ecs::system::SystemParam)]
struct DeviceState<'w> {
    more_time: Res<'w, crate::kiosk::MoreTime>,
    display: Res<'w, crate::kiosk::display::DisplayInUse>,
    pointers: Res<'w, crate::kiosk::pointer_input::PacedPointers>,
    last_touch: Res<'w, crate::kiosk::pointer_input::LastTouch>,
    speech: Option<Res<'w, crate::kiosk::speech::SpeechSettings>>,
}

impl DeviceState<'_> {
    /// The display backend, and the touches seen (how many, the last one's place and age).
    fn lines(&self, ui: &UiContext, now_s: f64) -> Vec<(String, bool)> {
        let display = match self.display.0 {
            Some(b) => ui.t_args("staff-health-display", &[("backend", b.as_str().into())]),
            None => ui.t("staff-health-display-none"),
        };
        let counts = self.pointers.counts();
        let touch = match self.last_touch.0 {
            Some((at, when)) => ui.t_args(
                "staff-health-touch",
                &[
                    ("count", counts.fingers.into()),
                    ("seconds", ((now_s - when).max(0.0) as u64).into()),
                    ("x", (at.x.round() as i64).into()),
                    ("y", (at.y.round() as i64).into()),
                ],
            ),
            None => ui.t_args("staff-health-touch-none", &[("mouse", counts.mouse_presses.into())]),
        };
        let speech = match self.speech.as_deref().map(|s| s.engine.check()) {
            Some(Ok(())) => (ui.t("staff-health-speech-ok"), true),
            Some(Err(e)) => (ui.t_args("staff-health-speech-missing", &[("problem", e.to_string().into())]), false),
            None => (ui.t_args("staff-health-speech-missing", &[("problem", "-".into())]), false),
        };
        vec![(display, true), (touch, true), speech]
    }
}

/// Local date and time for display, from UTC milliseconds and the booth's offset.
fn local_time(utc_ms: i64, offset_min: i32) -> String {
    LocalClock { utc_offset_minutes: offset_min }.timestamp(utc_ms)
}

#[allow(clippy::too_many_arguments)]
fn spawn(
    mut commands: Commands,
    ui: UiContext,
    showcase: Res<Showcase>,
    today: Res<TodayCounters>,
    log: Option<Res<EventLog>>,
    clock: Res<BoothClock>,
    heartbeat: Res<LastHeartbeat>,
    watch: Res<ClockWatch>,
    real: Res<Time<Real>>,
    filter: Res<StaffFilter>,
    device: DeviceState,
) {
    let Some(content) = ui.content.as_ref() else { return };
    let booth = content.0.clone();
    let s = &booth.settings;
    let lang = ui.lang();
    let name_of =
        |code: &str| booth.municipalities.get(code).map_or(code.to_owned(), |m| m.display_name(lang).0.to_owned());
    // Today's counters, in booth time.
    let counts = today.0.on(clock.utc_ms(), s.event.utc_offset_minutes);
    let (sessions, started, completed, qr) =
        (counts.sessions, counts.quiz_started, counts.quiz_completed, counts.qr_shown);
    let top = counts.top_selected(5);

    // Health.
    let mut health: Vec<(String, bool)> = Vec::new();
    match &log {
        None => health.push((ui.t("staff-health-no-log"), false)),
        Some(log) => {
            let h = log.0.health();
            if h.writable {
                health.push((
                    ui.t_args("staff-health-ok", &[("waiting", h.waiting.into()), ("committed", h.committed.into())]),
                    true,
                ));
            } else {
                let error = h.last_error.clone().unwrap_or_default();
                health.push((
                    ui.t_args("staff-health-not-writable", &[("error", error.into()), ("waiting", h.waiting.into())]),
                    false,
                ));
            }
            if h.dropped > 0 {
                health.push((ui.t_args("staff-health-dropped", &[("count", h.dropped.into())]), false));
            }
            if let Some(crate::telemetry::Notice::Recreated { events }) = h.notice {
                health.push((ui.t_args("staff-health-recreated", &[("count", events.into())]), false));
            }
        }
    }
    if let Some(mb) =
        free_space_mb(std::path::Path::new(&s.data_dir)).or_else(|| free_space_mb(std::path::Path::new(".")))
    {
        health.push((ui.t_args("staff-health-disk", &[("mb", format_integer(mb).into())]), mb >= 500));
    }
    match heartbeat.0 {
        Some(at) => {
            let ago = real.elapsed().saturating_sub(at).as_secs();
            health.push((
                ui.t_args("staff-health-heartbeat", &[("seconds", ago.into())]),
                ago <= 2 * HEARTBEAT.as_secs(),
            ));
        }
        None => health.push((ui.t("staff-health-heartbeat-none"), true)),
    }
    health.extend(device.lines(&ui, real.elapsed_secs_f64()));
    if watch.jumped_ms != 0 {
        health.push((ui.t_args("staff-health-clock-jumped", &[("minutes", (watch.jumped_ms / 60_000).into())]), false));
    }
    let now = clock.utc_ms();
    let time = local_time(now, s.event.utc_offset_minutes);
    if now < EARLIEST_PLAUSIBLE_UTC_MS {
        health.push((ui.t_args("staff-health-clock-bad", &[("time", time.into())]), false));
    } else {
        health.push((ui.t_args("staff-health-clock-ok", &[("time", time.into())]), true));
    }

    commands.spawn(screen_root(Screen::StaffPanel)).with_children(|root| {
        root.spawn((
            Node {
                padding: UiRect::axes(px(MARGIN_MM), px(4.0)),
                column_gap: px(GAP_MM),
                align_items: AlignItems::Center,
                ..default()
            },
            BackgroundColor(palette::TEXT),
            Pickable::IGNORE,
        ))
        .with_children(|bar| {
            bar.spawn((
                label(ui.t("staff-panel-title"), ui.font(true), text_size::HEADING, palette::ON_PRIMARY),
                Node { flex_grow: 1.0, ..default() },
            ));
            bar.spawn((button(ButtonStyle::Primary, ui.t("staff-close"), ui.font(true)), CloseStaffButton))
                .observe(|_: On<Pointer<Click>>, mut next: ResMut<NextState<Screen>>| next.set(Screen::Attract));
            bar.spawn((button(ButtonStyle::Secondary, ui.t("staff-exit"), ui.font(true)), ExitKioskButton)).observe(
                |_: On<Pointer<Click>>, mut exit: MessageWriter<AppExit>| {
                    exit.write(AppExit::Success);
                },
            );
        });
        root.spawn((
            Node {
                flex_grow: 1.0,
                padding: UiRect::all(px(MARGIN_MM * 0.6)),
                column_gap: px(GAP_MM * 1.5),
                ..default()
            },
            Pickable::IGNORE,
        ))
        .with_children(|body| {
            // Left: showcase.
            body.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    flex_grow: 3.0,
                    flex_basis: px(0.0),
                    row_gap: px(GAP_MM * 0.7),
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|left| {
                left.spawn(label(ui.t("staff-showcase"), ui.font(true), text_size::HEADING, palette::PRIMARY));
                let now_text = match (&showcase.current, showcase.origin) {
                    (Some(code), origin) => format!(
                        "{} ・ {}",
                        name_of(code),
                        ui.t(if origin == Some(ShowcaseOrigin::Staff) {
                            "staff-showcase-by-staff"
                        } else {
                            "staff-showcase-by-schedule"
                        })
                    ),
                    (None, _) => ui.t("staff-showcase-none"),
                };
                left.spawn(label(now_text, ui.font(true), text_size::BODY, palette::TEXT));
                let slots: Vec<String> = booth
                    .showcase
                    .slots
                    .iter()
                    .map(|sl| {
                        format!(
                            "{}–{} {}",
                            local_time(
                                (sl.start - i64::from(s.event.utc_offset_minutes)) * 60_000,
                                s.event.utc_offset_minutes
                            ),
                            &local_time(
                                (sl.end - i64::from(s.event.utc_offset_minutes)) * 60_000,
                                s.event.utc_offset_minutes
                            )[11..],
                            name_of(&sl.municipality)
                        )
                    })
                    .collect();
                if !slots.is_empty() {
                    left.spawn(label(
                        format!("{}: {}", ui.t("staff-schedule"), slots.join(" / ")),
                        ui.font(false),
                        text_size::CAPTION,
                        palette::TEXT_MUTED,
                    ));
                }
                // Find by reading: a row of kana initials (touch-friendly; no keyboard at the booth).
                left.spawn((Node { column_gap: px(2.0), ..default() }, Pickable::IGNORE)).with_children(|row| {
                    let all = std::iter::once((None, ui.t("staff-filter-all"))).chain(
                        KANA_ROWS
                            .iter()
                            .enumerate()
                            .map(|(i, r)| (Some(i), r.chars().next().map(String::from).unwrap_or_default())),
                    );
                    for (value, text) in all {
                        let style = if filter.0 == value { ButtonStyle::Primary } else { ButtonStyle::Secondary };
                        row.spawn((button(style, text, ui.font_in(Lang::Ja, true)), KanaFilterButton(value)))
                            .insert(compact_button_node(22.0, UiRect::axes(px(3.0), px(1.0)), RADIUS_MM * 0.6))
                            .observe(
                                move |_: On<Pointer<Click>>,
                                      mut filter: ResMut<StaffFilter>,
                                      mut next: ResMut<NextState<Screen>>| {
                                    filter.0 = value;
                                    next.set(Screen::StaffPanel);
                                },
                            );
                    }
                });
                left.spawn((
                    // Romanised names are up to three times as long as the kanji ones: fewer, wider columns.
                    Node {
                        display: Display::Grid,
                        grid_template_columns: RepeatedGridTrack::flex(if lang == Lang::En { 6 } else { 9 }, 1.0),
                        column_gap: px(2.0),
                        row_gap: px(2.0),
                        ..default()
                    },
                    Pickable::IGNORE,
                ))
                .with_children(|grid| {
                    for m in booth
                        .municipalities
                        .list
                        .iter()
                        .filter(|m| filter.0.is_none() || kana_row(&m.name_kana) == filter.0)
                    {
                        let chosen = showcase.current.as_deref() == Some(m.code.as_str());
                        let style = if chosen { ButtonStyle::Primary } else { ButtonStyle::Secondary };
                        let (name, text_lang) = m.short_name(lang);
                        grid.spawn((button_frame(style), ShowcaseButton(Some(m.code.clone()))))
                            .with_children(|b| {
                                b.spawn(label(
                                    name,
                                    ui.font_in(text_lang, false),
                                    text_size::SMALL,
                                    button_text_color(style),
                                ));
                            })
                            .insert(compact_button_node(21.0, UiRect::all(px(1.0)), RADIUS_MM * 0.6))
                            .observe(choose);
                    }
                });
                left.spawn((
                    button(ButtonStyle::Secondary, ui.t("staff-showcase-clear"), ui.font(true)),
                    ShowcaseButton(None),
                ))
                .observe(choose);
                let (style, key) = if device.more_time.0 {
                    (ButtonStyle::Primary, "staff-more-time-on")
                } else {
                    (ButtonStyle::Secondary, "staff-more-time-off")
                };
                let factor = crate::content::IdleTimings::MORE_TIME_FACTOR;
                left.spawn((
                    button(style, ui.t_args(key, &[("factor", factor.into())]), ui.font(true)),
                    MoreTimeButton,
                ))
                .observe(
                    |_: On<Pointer<Click>>,
                     mut more: ResMut<crate::kiosk::MoreTime>,
                     mut next: ResMut<NextState<Screen>>| {
                        more.0 = !more.0;
                        next.set(Screen::StaffPanel);
                    },
                );
                // The read-aloud volume, in steps; each tap the next step (the quietest after the loudest).
                if let Some(volume) = device.speech.as_ref().map(|s| s.volume) {
                    left.spawn((
                        button(
                            ButtonStyle::Secondary,
                            ui.t_args("staff-speech-volume", &[("percent", volume.into())]),
                            ui.font(true),
                        ),
                        SpeechVolumeButton,
                    ))
                    .observe(
                        |_: On<Pointer<Click>>,
                         mut speech: ResMut<crate::kiosk::speech::SpeechSettings>,
                         mut next: ResMut<NextState<Screen>>| {
                            speech.volume = crate::speech::next_volume(speech.volume);
                            next.set(Screen::StaffPanel);
                        },
                    );
                }
            });
            // Right: counters and health.
            body.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    flex_grow: 1.4,
                    flex_basis: px(0.0),
                    row_gap: px(GAP_MM),
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|right| {
                right.spawn(card()).with_children(|c| {
                    c.spawn(label(ui.t("staff-counters"), ui.font(true), text_size::HEADING, palette::PRIMARY));
                    c.spawn(label(
                        ui.t_args("staff-count-sessions", &[("count", sessions.into())]),
                        ui.font(false),
                        text_size::BODY,
                        palette::TEXT,
                    ));
                    c.spawn(label(
                        ui.t_args("staff-count-quiz", &[("started", started.into()), ("completed", completed.into())]),
                        ui.font(false),
                        text_size::BODY,
                        palette::TEXT,
                    ));
                    c.spawn(label(
                        ui.t_args("staff-count-qr", &[("count", qr.into())]),
                        ui.font(false),
                        text_size::BODY,
                        palette::TEXT,
                    ));
                    c.spawn(label(ui.t("staff-top"), ui.font(true), text_size::BODY, palette::TEXT));
                    for (i, (code, n)) in top.iter().enumerate() {
                        c.spawn(label(
                            format!("{}. {} ({n})", i + 1, name_of(code)),
                            ui.font(false),
                            text_size::SMALL,
                            palette::TEXT,
                        ));
                    }
                });
                right.spawn(card()).with_children(|c| {
                    c.spawn(label(ui.t("staff-health"), ui.font(true), text_size::HEADING, palette::PRIMARY));
                    for (line, ok) in &health {
                        c.spawn(label(
                            line.clone(),
                            ui.font(!ok),
                            text_size::SMALL,
                            if *ok { palette::TEXT } else { palette::ERROR },
                        ));
                    }
                });
            });
        });
    });
}

fn choose(ev: On<Pointer<Click>>, buttons: Query<&ShowcaseButton>, mut choices: MessageWriter<ChooseShowcase>) {
    if let Ok(b) = buttons.get(ev.entity) {
        choices.write(ChooseShowcase(b.0.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_time_round_trips_the_civil_calendar() {
        // 2013-12-12 10:00 JST = 01:00 UTC.
        let utc = crate::clock::days_from_civil(2013, 12, 12) * 86_400_000 + 3_600_000;
        assert_eq!(local_time(utc, 540), "2013-12-12 10:00");
        assert_eq!(local_time(0, 0), "1970-01-01 00:00");
    }
}
