//! The report's numbers, in the shape every format is written from.

use serde::{Serialize, Serializer};

/// A published number, or "fewer than 3 sessions" (withheld so a visitor cannot be singled out).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown<T> {
    Value(T),
    Withheld,
}

impl<T: Copy> Shown<T> {
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

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema_version: u32,
    pub app_version: String,
    pub booth_id: String,
    /// `UTC+09:00`: every time and date in the report is in this zone.
    pub time_zone: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub min_sessions: usize,
    pub sources: Vec<SourceRow>,
    pub skipped_files: Vec<SkippedFile>,
    pub duplicates_merged: u64,
    pub overview: Overview,
    pub municipalities: Vec<MunicipalityRow>,
    pub quiz: Quiz,
    pub take_home: TakeHome,
    pub operations: Vec<KioskOperations>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    pub file: String,
    pub kiosk_id: String,
    pub schema_version: i64,
    pub app_version: Option<String>,
    pub events: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SkippedFile {
    pub file: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub days: Vec<DayRow>,
    pub kiosks: Vec<String>,
    pub sessions: Shown<u64>,
    /// Sessions whose end is in the log (the others were cut by a crash or the period's edge).
    pub sessions_ended: Shown<u64>,
    pub median_session_s: Option<Shown<f64>>,
    pub p90_session_s: Option<Shown<f64>>,
    /// The hours (local) that columns of `by_hour` stand for.
    pub hours: Vec<u8>,
    pub by_hour: Vec<HourRow>,
    pub busiest_hour: Option<BusiestHour>,
    pub languages: Vec<LanguageRow>,
    pub end_reasons: Vec<ReasonRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DayRow {
    pub date: String,
    pub sessions: Shown<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HourRow {
    pub date: String,
    pub sessions: Vec<Shown<u64>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BusiestHour {
    pub date: String,
    pub hour: u8,
    pub sessions: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageRow {
    /// ja, en, zh-Hans, ko.
    pub lang: String,
    /// Sessions whose last language was this one.
    pub sessions: Shown<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReasonRow {
    /// start_over, idle, quiet_gap, or not_ended.
    pub reason: String,
    pub sessions: Shown<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MunicipalityRow {
    pub code: String,
    pub name_ja: String,
    pub name_en: String,
    /// Simplified Chinese and Korean names, where booth_config has them.
    pub name_zh: Option<String>,
    pub name_ko: Option<String>,
    pub map_touches: Shown<u64>,
    pub selected_on_map: Shown<u64>,
    pub selected_from_list: Shown<u64>,
    pub selected_from_showcase: Shown<u64>,
    pub detail_views: Shown<u64>,
    pub program_views: Shown<u64>,
    pub qr_shown: Shown<u64>,
    pub showcase_minutes_scheduled: f64,
    pub showcase_minutes_staff: f64,
    pub median_dwell_s: Option<Shown<f64>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quiz {
    pub started: Shown<u64>,
    pub completed: Shown<u64>,
    pub abandoned: Shown<u64>,
    pub abandoned_at: Vec<AbandonRow>,
    pub scores: Vec<ScoreRow>,
    pub questions: Vec<QuestionRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AbandonRow {
    /// 1-based number of the question on screen when the visitor left.
    pub question_number: usize,
    pub rounds: Shown<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScoreRow {
    pub score: usize,
    pub out_of: usize,
    pub rounds: Shown<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionRow {
    pub id: String,
    pub times_answered: Shown<u64>,
    pub correct_rate: Option<Shown<f64>>,
    pub mean_answer_s: Option<Shown<f64>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TakeHome {
    pub by_kind: Vec<TargetRow>,
    pub by_program: Vec<TargetRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetRow {
    /// municipality, program, quiz_result; or a program id.
    pub target: String,
    pub qr_shown: Shown<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KioskOperations {
    pub kiosk_id: String,
    pub app_versions: Vec<String>,
    pub first_event: Option<String>,
    pub last_event: Option<String>,
    pub app_starts: u64,
    /// Runs that ended without an app_stop (a crash or power cut).
    pub unclean_stops: u64,
    pub uptime_s: f64,
    /// Stretches over 2 minutes without a heartbeat while the app ran.
    pub heartbeat_gaps: u64,
    pub heartbeat_gap_s: f64,
    pub errors_config: u64,
    pub errors_database: u64,
    pub errors_asset: u64,
    pub errors_qr: u64,
    pub clock_warnings: u64,
    pub events_dropped: u64,
    pub worst_frame_p99_ms: Option<f64>,
    pub staff_logins: u64,
    pub staff_login_failures: u64,
}
