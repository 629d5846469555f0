//! Event kinds and the record written for each.

use crate::lang::Lang;

/// Version of the event table's layout (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 3;

/// A text form that no variant of `what` has (read from a log file written by another version).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not a known {what}")]
pub struct UnknownText {
    pub what: &'static str,
    pub text: String,
}

/// An enum of the log's vocabulary with its text form written once, beside its variants: `as_str` for
/// the writer and the report, `FromStr` for the store's decoder, `ALL` for tables that list every value.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $what:literal, $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in the order of the definition.
            pub const ALL: &[$name] = &[$($name::$variant),+];

            /// The text form, as stored in the log.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownText;
            fn from_str(s: &str) -> Result<$name, UnknownText> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownText { what: $what, text: s.to_string() }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// What a take-home QR code leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrTarget {
    Municipality(String),
    Program(String),
    QuizResult,
}

impl QrTarget {
    /// The kind of page, without which one.
    pub fn kind(&self) -> QrKind {
        match self {
            QrTarget::Municipality(_) => QrKind::Municipality,
            QrTarget::Program(_) => QrKind::Program,
            QrTarget::QuizResult => QrKind::QuizResult,
        }
    }
}

vocabulary! {
    /// The kind of page a take-home QR code leads to (the `target` column).
    "QR kind", QrKind {
        /// A municipality's website.
        Municipality = "municipality",
        /// A program's page.
        Program = "program",
        /// The quiz's learn-more page.
        QuizResult = "quiz_result",
    }
}

vocabulary! {
    /// The screens of the kiosk as the log names them (the `screen` column). The staff's two screens
    /// are one, and a name this version does not know reads back as `Unknown`.
    "screen name", ScreenName {
        Attract = "attract",
        Map = "map",
        Municipality = "municipality",
        TakeHome = "take_home",
        Program = "program",
        About = "about",
        QuizIntro = "quiz_intro",
        QuizQuestion = "quiz_question",
        QuizFeedback = "quiz_feedback",
        QuizResult = "quiz_result",
        Staff = "staff",
        ConfigError = "config_error",
        Unknown = "unknown",
    }
}

vocabulary! {
    /// Why a visit ended (the `reason` column).
    "session end reason", SessionEndReason {
        /// The visitor tapped Start over.
        StartOver = "start_over",
        /// Nobody touched the screen until the idle reset.
        Idle = "idle",
        /// A touch came after the quiet gap: a new visitor took over without a reset.
        QuietGap = "quiet_gap",
    }
}

vocabulary! {
    /// How a municipality was chosen (the `how` column).
    "selection", SelectHow {
        /// A tap on the map.
        Map = "map",
        /// The list of names.
        List = "list",
        /// The showcased municipality's button.
        Showcase = "showcase",
    }
}

vocabulary! {
    /// Who changed the showcased municipality (the `origin` column).
    "showcase origin", ShowcaseOrigin {
        /// Staff, on the staff panel.
        Staff = "staff",
        /// The booth's schedule.
        Schedule = "schedule",
    }
}

vocabulary! {
    /// What went wrong (the `error_kind` column).
    "error kind", ErrorKind {
        /// The booth configuration.
        Config = "config",
        /// The log's database.
        Database = "database",
        /// A file under assets/.
        Asset = "asset",
        /// A QR code that could not be drawn.
        Qr = "qr",
        /// The system clock jumped while the app ran.
        Clock = "clock",
    }
}

vocabulary! {
    /// The kind of an event (the `kind` column).
    "event kind", EventKind {
        AppStart = "app_start",
        AppStop = "app_stop",
        Heartbeat = "heartbeat",
        SessionStart = "session_start",
        SessionEnd = "session_end",
        ScreenView = "screen_view",
        MunicipalitySelect = "municipality_select",
        MapTouch = "map_touch",
        ProgramView = "program_view",
        QrShown = "qr_shown",
        QuizStart = "quiz_start",
        QuizAnswer = "quiz_answer",
        QuizComplete = "quiz_complete",
        QuizAbandon = "quiz_abandon",
        LanguageChange = "language_change",
        ShowcaseChange = "showcase_change",
        StaffLoginOk = "staff_login_ok",
        StaffLoginFail = "staff_login_fail",
        IdleWarning = "idle_warning",
        IdleReset = "idle_reset",
        Error = "error",
    }
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
        screen: ScreenName,
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
    /// The kind, as stored in the `kind` column.
    pub fn kind(&self) -> EventKind {
        match self {
            Event::AppStart => EventKind::AppStart,
            Event::AppStop => EventKind::AppStop,
            Event::Heartbeat { .. } => EventKind::Heartbeat,
            Event::SessionStart => EventKind::SessionStart,
            Event::SessionEnd { .. } => EventKind::SessionEnd,
            Event::ScreenView { .. } => EventKind::ScreenView,
            Event::MunicipalitySelect { .. } => EventKind::MunicipalitySelect,
            Event::MapTouch { .. } => EventKind::MapTouch,
            Event::ProgramView { .. } => EventKind::ProgramView,
            Event::QrShown { .. } => EventKind::QrShown,
            Event::QuizStart => EventKind::QuizStart,
            Event::QuizAnswer { .. } => EventKind::QuizAnswer,
            Event::QuizComplete { .. } => EventKind::QuizComplete,
            Event::QuizAbandon { .. } => EventKind::QuizAbandon,
            Event::LanguageChange { .. } => EventKind::LanguageChange,
            Event::ShowcaseChange { .. } => EventKind::ShowcaseChange,
            Event::StaffLoginOk => EventKind::StaffLoginOk,
            Event::StaffLoginFail => EventKind::StaffLoginFail,
            Event::IdleWarning => EventKind::IdleWarning,
            Event::IdleReset => EventKind::IdleReset,
            Event::Error { .. } => EventKind::Error,
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
