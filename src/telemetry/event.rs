//! Event kinds and the record written for each.

use crate::lang::Lang;

/// Version of the event table's layout (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 3;

/// What a take-home QR code leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrTarget {
    Municipality(String),
    Program(String),
    QuizResult,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionEndReason {
    StartOver,
    Idle,
    /// A touch came after the quiet gap: a new visitor took over without a reset.
    QuietGap,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectHow {
    Map,
    List,
    Showcase,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowcaseOrigin {
    Staff,
    Schedule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Config,
    Database,
    Asset,
    Qr,
    /// The system clock jumped while the app ran.
    Clock,
}

/// One recorded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    AppStart,
    AppStop,
    /// Once a minute. `dropped` counts events this run could not log so far (a cumulative counter).
    Heartbeat {
        uptime_s: u64,
        frame_p50_us: u32,
        frame_p99_us: u32,
        dropped: u64,
    },
    SessionStart,
    SessionEnd {
        reason: SessionEndReason,
    },
    ScreenView {
        screen: &'static str,
    },
    MunicipalitySelect {
        code: String,
        how: SelectHow,
    },
    MapTouch {
        code: Option<String>,
    },
    ProgramView {
        id: String,
    },
    QrShown {
        target: QrTarget,
    },
    QuizStart,
    QuizAnswer {
        question: String,
        choice: usize,
        correct: bool,
        millis: u32,
    },
    QuizComplete {
        score: usize,
        out_of: usize,
    },
    /// Left before the end; `at_question` is the 1-based number of the question on screen.
    QuizAbandon {
        at_question: usize,
    },
    LanguageChange {
        lang: Lang,
    },
    ShowcaseChange {
        code: Option<String>,
        origin: ShowcaseOrigin,
    },
    StaffLoginOk,
    StaffLoginFail,
    IdleWarning,
    IdleReset,
    Error {
        kind: ErrorKind,
    },
}

impl Event {
    /// The kind as stored in the `kind` column.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::AppStart => "app_start",
            Event::AppStop => "app_stop",
            Event::Heartbeat { .. } => "heartbeat",
            Event::SessionStart => "session_start",
            Event::SessionEnd { .. } => "session_end",
            Event::ScreenView { .. } => "screen_view",
            Event::MunicipalitySelect { .. } => "municipality_select",
            Event::MapTouch { .. } => "map_touch",
            Event::ProgramView { .. } => "program_view",
            Event::QrShown { .. } => "qr_shown",
            Event::QuizStart => "quiz_start",
            Event::QuizAnswer { .. } => "quiz_answer",
            Event::QuizComplete { .. } => "quiz_complete",
            Event::QuizAbandon { .. } => "quiz_abandon",
            Event::LanguageChange { .. } => "language_change",
            Event::ShowcaseChange { .. } => "showcase_change",
            Event::StaffLoginOk => "staff_login_ok",
            Event::StaffLoginFail => "staff_login_fail",
            Event::IdleWarning => "idle_warning",
            Event::IdleReset => "idle_reset",
            Event::Error { .. } => "error",
        }
    }
}

impl SessionEndReason {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionEndReason::StartOver => "start_over",
            SessionEndReason::Idle => "idle",
            SessionEndReason::QuietGap => "quiet_gap",
        }
    }
}

impl SelectHow {
    pub fn as_str(self) -> &'static str {
        match self {
            SelectHow::Map => "map",
            SelectHow::List => "list",
            SelectHow::Showcase => "showcase",
        }
    }
}

impl ShowcaseOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            ShowcaseOrigin::Staff => "staff",
            ShowcaseOrigin::Schedule => "schedule",
        }
    }
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Config => "config",
            ErrorKind::Database => "database",
            ErrorKind::Asset => "asset",
            ErrorKind::Qr => "qr",
            ErrorKind::Clock => "clock",
        }
    }
}

/// An event with everything stored alongside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// UUID (version 7: a millisecond timestamp and random bits): lets reports merge files from several
    /// kiosks and count each event once, and keeps inserts in index order.
    pub uuid: String,
    pub session_id: Option<String>,
    /// Milliseconds since 1970-01-01 UTC.
    pub utc_ms: i64,
    /// Milliseconds since the app started (immune to clock changes).
    pub mono_ms: i64,
    pub event: Event,
}

impl Record {
    pub fn new(event: Event, session_id: Option<String>, mono_ms: i64) -> Record {
        let utc_ms = crate::clock::now_utc_ms();
        Record { uuid: uuid::Uuid::now_v7().to_string(), session_id, utc_ms, mono_ms, event }
    }
}
