//! The report's numbers, in the shape every format is written from.

use serde::{Serialize, Serializer};

/// A published number, or "fewer than 3 sessions" (withheld so a visitor cannot be singled out).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown<T> {
    /// The number, published as it is.
    Value(T),
    /// Fewer than [`MIN_SESSIONS`](super::MIN_SESSIONS) sessions behind it: written as [`WITHHELD`].
    Withheld,
}

impl<T: Copy> Shown<T> {
    /// The number, or `None` when withheld.
    pub fn value(self) -> Option<T> {
        match self {
            Shown::Value(v) => Some(v),
            Shown::Withheld => None,
        }
    }
}

/// Written as the number, or as the string `"<3"` when withheld.
impl<T: Serialize> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Shown::Value(v) => v.serialize(s),
            Shown::Withheld => s.serialize_str(WITHHELD),
        }
    }
}

/// How a withheld number is written in every format.
pub const WITHHELD: &str = "<3";

/// Every number of one report, as the tables and the JSON file are written from it.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Version of the JSON layout ([`JSON_SCHEMA_VERSION`](super::JSON_SCHEMA_VERSION)).
    pub schema_version: u32,
    /// Version of the midori-kiosk that made the report.
    pub app_version: String,
    /// The booth's id, from booth_config.
    pub booth_id: String,
    /// `UTC+09:00`: every time and date in the report is in this zone.
    pub time_zone: String,
    /// First local date included (`YYYY-MM-DD`); `None`: from the earliest event.
    pub from: Option<String>,
    /// Last local date included (`YYYY-MM-DD`); `None`: to the latest event.
    pub to: Option<String>,
    /// Fewest distinct sessions behind a published number ([`MIN_SESSIONS`](super::MIN_SESSIONS)).
    pub min_sessions: usize,
    /// The log files read, one row each.
    pub sources: Vec<SourceRow>,
    /// Files left out because they could not be read (with `--skip-bad`).
    pub skipped_files: Vec<SkippedFile>,
    /// Events in the period found in more than one file, counted once.
    pub duplicates_merged: u64,
    /// Sessions by day, hour, language and end reason.
    pub overview: Overview,
    /// One row per municipality in booth_config, in its order.
    pub municipalities: Vec<MunicipalityRow>,
    /// Quiz rounds, scores and questions.
    pub quiz: Quiz,
    /// Take-home QR codes shown.
    pub take_home: TakeHome,
    /// Uptime, restarts and errors of each kiosk, in order of first appearance.
    pub operations: Vec<KioskOperations>,
}

/// One log file read.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    /// The file's path, as given.
    pub file: String,
    /// The kiosk that wrote it (its `kiosk_id` meta value).
    pub kiosk_id: String,
    /// The file's layout version (`PRAGMA user_version`).
    pub schema_version: i64,
    /// The app version that last wrote the file, where recorded.
    pub app_version: Option<String>,
    /// Events in the file, before the period filter.
    pub events: usize,
}

/// A log file left out of the report.
#[derive(Debug, Clone, Serialize)]
pub struct SkippedFile {
    /// The file's path, as given.
    pub file: String,
    /// Why it could not be read.
    pub reason: String,
}

/// Visitor sessions in the period, by day, hour, language and end reason.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// Every local day with an event in the period, with the sessions that started on it.
    pub days: Vec<DayRow>,
    /// Distinct kiosk ids, in order of first appearance.
    pub kiosks: Vec<String>,
    /// Sessions that started in the period.
    pub sessions: Shown<u64>,
    /// Sessions whose end is in the log (the others were cut by a crash or the period's edge).
    pub sessions_ended: Shown<u64>,
    /// Median length of the ended sessions, in seconds; `None` when none ended.
    pub median_session_s: Option<Shown<f64>>,
    /// 90th percentile of the ended sessions' lengths, in seconds; `None` when none ended.
    pub p90_session_s: Option<Shown<f64>>,
    /// The hours (local) that columns of `by_hour` stand for.
    pub hours: Vec<u8>,
    /// Per day, the sessions started in each of `hours`.
    pub by_hour: Vec<HourRow>,
    /// The hour with the most sessions among those shown; `None` when no hour has enough.
    pub busiest_hour: Option<BusiestHour>,
    /// Sessions per kiosk language.
    pub languages: Vec<LanguageRow>,
    /// Sessions per end reason.
    pub end_reasons: Vec<ReasonRow>,
}

/// Sessions started on one local day.
#[derive(Debug, Clone, Serialize)]
pub struct DayRow {
    /// Local date, `YYYY-MM-DD`.
    pub date: String,
    /// Sessions that started on it.
    pub sessions: Shown<u64>,
    /// Of those, sessions that turned large text on.
    pub large_text: Shown<u64>,
    /// Of those, sessions that turned high contrast on.
    pub high_contrast: Shown<u64>,
    /// Of those, sessions that had a screen read aloud.
    pub read_aloud: Shown<u64>,
}

/// One day's sessions per hour.
#[derive(Debug, Clone, Serialize)]
pub struct HourRow {
    /// Local date, `YYYY-MM-DD`.
    pub date: String,
    /// Sessions started in each hour of [`Overview::hours`], in that order.
    pub sessions: Vec<Shown<u64>>,
}

/// The hour in which the most sessions started.
#[derive(Debug, Clone, Serialize)]
pub struct BusiestHour {
    /// Local date, `YYYY-MM-DD`.
    pub date: String,
    /// Local hour it starts at (0–23).
    pub hour: u8,
    /// Sessions that started in it.
    pub sessions: u64,
}

/// Sessions in one kiosk language.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageRow {
    /// ja, en, zh-Hans, ko.
    pub lang: String,
    /// Sessions whose last language was this one.
    pub sessions: Shown<u64>,
}

/// Sessions with one end reason.
#[derive(Debug, Clone, Serialize)]
pub struct ReasonRow {
    /// start_over, idle, quiet_gap, or not_ended.
    pub reason: String,
    /// Sessions with this end reason.
    pub sessions: Shown<u64>,
}

/// What visitors did with one municipality.
#[derive(Debug, Clone, Serialize)]
pub struct MunicipalityRow {
    /// The municipality's code, from booth_config.
    pub code: String,
    /// Japanese name.
    pub name_ja: String,
    /// English name (empty where booth_config has none).
    pub name_en: String,
    /// Simplified Chinese and Korean names, where booth_config has them.
    pub name_zh: Option<String>,
    /// Korean name, where booth_config has one.
    pub name_ko: Option<String>,
    /// Touches on its area of the map.
    pub map_touches: Shown<u64>,
    /// Times it was chosen by a tap on the map.
    pub selected_on_map: Shown<u64>,
    /// Times it was chosen from the list of names.
    pub selected_from_list: Shown<u64>,
    /// Times it was chosen with the showcased municipality's button.
    pub selected_from_showcase: Shown<u64>,
    /// Times its detail screen was shown.
    pub detail_views: Shown<u64>,
    /// Program pages viewed while it was the session's chosen municipality.
    pub program_views: Shown<u64>,
    /// Times the take-home QR code to its website was shown.
    pub qr_shown: Shown<u64>,
    /// Minutes it was showcased by the booth's schedule, over all kiosks.
    pub showcase_minutes_scheduled: f64,
    /// Minutes it was showcased by staff choice, over all kiosks.
    pub showcase_minutes_staff: f64,
    /// Median seconds on its detail screen (until the next screen or the session's end);
    /// `None` when it was never viewed.
    pub median_dwell_s: Option<Shown<f64>>,
}

/// Quiz rounds, scores and how each question fared.
#[derive(Debug, Clone, Serialize)]
pub struct Quiz {
    /// Rounds started.
    pub started: Shown<u64>,
    /// Rounds played to the end.
    pub completed: Shown<u64>,
    /// Rounds left before the end.
    pub abandoned: Shown<u64>,
    /// Abandoned rounds by the question on screen, from question 1 to the last one any was left at.
    pub abandoned_at: Vec<AbandonRow>,
    /// Completed rounds per score, every score from 0 to the number of questions.
    pub scores: Vec<ScoreRow>,
    /// One row per question: booth_config's, in its order, then any others found in the logs.
    pub questions: Vec<QuestionRow>,
}

/// Abandoned rounds at one question.
#[derive(Debug, Clone, Serialize)]
pub struct AbandonRow {
    /// 1-based number of the question on screen when the visitor left.
    pub question_number: usize,
    /// Rounds left at this question.
    pub rounds: Shown<u64>,
}

/// Completed rounds with one score.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreRow {
    /// Questions answered correctly.
    pub score: usize,
    /// Questions in the round.
    pub out_of: usize,
    /// Completed rounds with this score.
    pub rounds: Shown<u64>,
}

/// How one quiz question was answered.
#[derive(Debug, Clone, Serialize)]
pub struct QuestionRow {
    /// The question's id, from booth_config's quiz.
    pub id: String,
    /// Answers given to it.
    pub times_answered: Shown<u64>,
    /// Percentage of the answers that were correct (0–100); `None` when never answered.
    pub correct_rate: Option<Shown<f64>>,
    /// Mean time to answer, in seconds; `None` when never answered.
    pub mean_answer_s: Option<Shown<f64>>,
}

/// Take-home QR codes shown.
#[derive(Debug, Clone, Serialize)]
pub struct TakeHome {
    /// Per kind of page: municipality, program, quiz_result.
    pub by_kind: Vec<TargetRow>,
    /// Per program id: booth_config's programs, then any others found in the logs.
    pub by_program: Vec<TargetRow>,
}

/// QR codes shown for one kind of page or one program.
#[derive(Debug, Clone, Serialize)]
pub struct TargetRow {
    /// municipality, program, quiz_result; or a program id.
    pub target: String,
    /// Times such a QR code was shown.
    pub qr_shown: Shown<u64>,
}

/// How one kiosk ran: restarts, uptime, errors and staff logins (not withheld: no visitor data).
#[derive(Debug, Clone, Serialize)]
pub struct KioskOperations {
    /// The kiosk's id, from its log files.
    pub kiosk_id: String,
    /// App versions recorded in its log files (each file's last writer), sorted, each once.
    pub app_versions: Vec<String>,
    /// Local time of its first event in the period (`YYYY-MM-DD HH:MM`).
    pub first_event: Option<String>,
    /// Local time of its last event in the period (`YYYY-MM-DD HH:MM`).
    pub last_event: Option<String>,
    /// Times the app started.
    pub app_starts: u64,
    /// Runs that ended without an app_stop (a crash or power cut).
    pub unclean_stops: u64,
    /// Seconds the app ran, summed over its runs (first to last event of each, on the app's own clock).
    pub uptime_s: f64,
    /// Stretches over 2 minutes without a heartbeat while the app ran.
    pub heartbeat_gaps: u64,
    /// Total length of those gaps, in seconds.
    pub heartbeat_gap_s: f64,
    /// Errors in the booth configuration.
    pub errors_config: u64,
    /// Errors of the log's database.
    pub errors_database: u64,
    /// Errors with a file under assets/.
    pub errors_asset: u64,
    /// QR codes that could not be drawn.
    pub errors_qr: u64,
    /// Screens that read aloud could not speak.
    pub errors_speech: u64,
    /// Times the system clock jumped while the app ran.
    pub clock_warnings: u64,
    /// Events the kiosk could not log (the highest heartbeat count of each run, summed).
    pub events_dropped: u64,
    /// Worst 99th-percentile frame time a heartbeat reported, in ms; `None` without heartbeats.
    pub worst_frame_p99_ms: Option<f64>,
    /// Staff PIN entries accepted.
    pub staff_logins: u64,
    /// Staff PIN entries rejected (including the one that locks the pad).
    pub staff_login_failures: u64,
}
