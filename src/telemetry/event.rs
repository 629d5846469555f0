//! Event kinds and the record written for each.

use crate::lang::Lang;

/// Version of the event table's layout (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 3;

/// A text form that no variant of `what` has (read from a log file written by another version).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not a known {what}")]
pub struct UnknownText {
    /// The kind of value expected, e.g. "screen name".
    pub what: &'static str,
    /// The text found.
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
    /// A municipality's website; holds its five-digit code.
    Municipality(String),
    /// A program's page; holds the program's id.
    Program(String),
    /// The quiz's learn-more page, from the quiz result screen.
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
        /// The attract loop, shown while nobody is using the kiosk.
        Attract = "attract",
        /// The map of the municipalities.
        Map = "map",
        /// A municipality's page.
        Municipality = "municipality",
        /// The QR code of a municipality's website, to take home.
        TakeHome = "take_home",
        /// A program's page.
        Program = "program",
        /// About the project.
        About = "about",
        /// The quiz's start screen.
        QuizIntro = "quiz_intro",
        /// A quiz question with its choices.
        QuizQuestion = "quiz_question",
        /// Right or wrong, with the explanation, after an answer.
        QuizFeedback = "quiz_feedback",
        /// The score and rank at the end of a round.
        QuizResult = "quiz_result",
        /// The staff PIN pad or the staff panel.
        Staff = "staff",
        /// Loading, or the booth configuration's error screen.
        ConfigError = "config_error",
        /// A name this version does not know (read back from another version's log).
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
        /// Read aloud could not speak (an engine missing or failing, no audio device).
        Speech = "speech",
    }
}

vocabulary! {
    /// An aid a visitor can turn on for the visit from the top bar (#16).
    "aid", Aid {
        /// Text × 1.4.
        LargeText = "large_text",
        /// The high-contrast palette (text at least 7 : 1).
        HighContrast = "high_contrast",
        /// Spoken guidance: the screen's main text read aloud.
        ReadAloud = "read_aloud",
    }
}

vocabulary! {
    /// The kind of an event (the `kind` column).
    "event kind", EventKind {
        /// [`Event::AppStart`]: the app started.
        AppStart = "app_start",
        /// [`Event::AppStop`]: the app exited.
        AppStop = "app_stop",
        /// [`Event::Heartbeat`]: the minutely health record.
        Heartbeat = "heartbeat",
        /// [`Event::SessionStart`]: a visit began.
        SessionStart = "session_start",
        /// [`Event::SessionEnd`]: a visit ended.
        SessionEnd = "session_end",
        /// [`Event::ScreenView`]: a screen was shown.
        ScreenView = "screen_view",
        /// [`Event::MunicipalitySelect`]: a municipality was chosen.
        MunicipalitySelect = "municipality_select",
        /// [`Event::MapTouch`]: a tap on the map.
        MapTouch = "map_touch",
        /// [`Event::ProgramView`]: a program's page was opened.
        ProgramView = "program_view",
        /// [`Event::QrShown`]: a take-home QR code was shown.
        QrShown = "qr_shown",
        /// [`Event::QuizStart`]: a quiz round began.
        QuizStart = "quiz_start",
        /// [`Event::QuizAnswer`]: a quiz question was answered.
        QuizAnswer = "quiz_answer",
        /// [`Event::QuizComplete`]: a quiz round was finished.
        QuizComplete = "quiz_complete",
        /// [`Event::QuizAbandon`]: a quiz round was left unfinished.
        QuizAbandon = "quiz_abandon",
        /// [`Event::LanguageChange`]: the visitor switched language.
        LanguageChange = "language_change",
        /// [`Event::ShowcaseChange`]: the showcased municipality changed.
        ShowcaseChange = "showcase_change",
        /// [`Event::StaffLoginOk`]: the right staff PIN.
        StaffLoginOk = "staff_login_ok",
        /// [`Event::StaffLoginFail`]: a wrong staff PIN.
        StaffLoginFail = "staff_login_fail",
        /// [`Event::IdleWarning`]: the idle countdown appeared.
        IdleWarning = "idle_warning",
        /// [`Event::IdleReset`]: the idle countdown ran out.
        IdleReset = "idle_reset",
        /// [`Event::Error`]: something went wrong.
        Error = "error",
        /// [`Event::AidChange`]: large text turned on.
        LargeTextOn = "large_text_on",
        /// [`Event::AidChange`]: large text turned off.
        LargeTextOff = "large_text_off",
        /// [`Event::AidChange`]: high contrast turned on.
        HighContrastOn = "high_contrast_on",
        /// [`Event::AidChange`]: high contrast turned off.
        HighContrastOff = "high_contrast_off",
        /// [`Event::AidChange`]: read aloud started (the button, or the next screen while it is on).
        ReadAloudOn = "read_aloud_on",
        /// [`Event::AidChange`]: read aloud stopped by a tap.
        ReadAloudOff = "read_aloud_off",
    }
}

/// One recorded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The app started (logged once, at startup).
    AppStart,
    /// The app is exiting (written and flushed as it exits).
    AppStop,
    /// Once a minute. `dropped` counts events this run could not log so far (a cumulative counter).
    Heartbeat {
        /// Seconds since the app started.
        uptime_s: u64,
        /// Median frame time of the last 3600 frames (about a minute), in µs.
        frame_p50_us: u32,
        /// 99th-percentile frame time of the same frames, in µs.
        frame_p99_us: u32,
        /// Events this run could not log so far (a running total).
        dropped: u64,
    },
    /// A visit began: a visitor screen was entered with no visit under way, or a touch came after
    /// the quiet gap.
    SessionStart,
    /// A visit ended.
    SessionEnd {
        /// Why it ended.
        reason: SessionEndReason,
    },
    /// A screen was shown (not again when a language switch rebuilds the same screen).
    ScreenView {
        /// The screen shown.
        screen: ScreenName,
    },
    /// The visitor chose a municipality (not logged again for the same choice made the same way).
    MunicipalitySelect {
        /// Its five-digit local government code.
        code: String,
        /// Where it was chosen: map, list or showcase button.
        how: SelectHow,
    },
    /// A tap on the map screen's map, or the attract-loop touch that chose a municipality.
    MapTouch {
        /// The municipality tapped, or `None` for a tap that hit none.
        code: Option<String>,
    },
    /// A program's page was opened.
    ProgramView {
        /// The program's id.
        id: String,
    },
    /// A take-home QR code was put on screen.
    QrShown {
        /// What it leads to.
        target: QrTarget,
    },
    /// A quiz round began, from the quiz intro screen.
    QuizStart,
    /// A quiz question was answered.
    QuizAnswer {
        /// The question's id in the quiz bank.
        question: String,
        /// The choice tapped, as its 0-based index in the bank (choices are shown shuffled).
        choice: usize,
        /// Whether it was the right answer.
        correct: bool,
        /// Time from the question being asked to the answer, in ms.
        millis: u32,
    },
    /// A quiz round was finished: the visitor went on from the last answer to the result.
    QuizComplete {
        /// Right answers.
        score: usize,
        /// Questions in the round.
        out_of: usize,
    },
    /// Left before the end; `at_question` is the 1-based number of the question on screen.
    QuizAbandon {
        /// Answers given before leaving, plus one.
        at_question: usize,
    },
    /// The visitor switched the language on the top bar.
    LanguageChange {
        /// The language chosen.
        lang: Lang,
    },
    /// The showcased municipality changed.
    ShowcaseChange {
        /// The municipality now showcased, or `None` when none is.
        code: Option<String>,
        /// Whether staff or the booth's schedule changed it.
        origin: ShowcaseOrigin,
    },
    /// The right staff PIN was entered.
    StaffLoginOk,
    /// A wrong staff PIN was entered (tries while the pad is locked are not logged).
    StaffLoginFail,
    /// Nobody touched the screen for the idle timeout: the countdown overlay appeared.
    IdleWarning,
    /// The idle countdown ran out: the visit was ended and the kiosk went back to the attract loop.
    IdleReset,
    /// Something went wrong; only its kind is logged.
    Error {
        /// What went wrong.
        kind: ErrorKind,
    },
    /// The visitor turned an aid on or off on the top bar (each pair is its own kind, so no column).
    AidChange {
        /// Which aid.
        aid: Aid,
        /// On or off.
        on: bool,
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
            Event::AidChange { aid, on } => match (aid, on) {
                (Aid::LargeText, true) => EventKind::LargeTextOn,
                (Aid::LargeText, false) => EventKind::LargeTextOff,
                (Aid::HighContrast, true) => EventKind::HighContrastOn,
                (Aid::HighContrast, false) => EventKind::HighContrastOff,
                (Aid::ReadAloud, true) => EventKind::ReadAloudOn,
                (Aid::ReadAloud, false) => EventKind::ReadAloudOff,
            },
        }
    }
}

/// An event with everything stored alongside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// UUID (version 7: a millisecond timestamp and random bits): lets reports merge files from several
    /// kiosks and count each event once, and keeps inserts in index order.
    pub uuid: String,
    /// The visit it happened in (a random UUID); `None` outside a visit.
    pub session_id: Option<String>,
    /// Milliseconds since 1970-01-01 UTC.
    pub utc_ms: i64,
    /// Milliseconds since the app started (immune to clock changes).
    pub mono_ms: i64,
    /// What happened.
    pub event: Event,
}

impl Record {
    /// A record of `event` stamped now: a new UUIDv7 and the system clock's UTC time.
    pub fn new(event: Event, session_id: Option<String>, mono_ms: i64) -> Record {
        let utc_ms = crate::clock::now_utc_ms();
        Record { uuid: uuid::Uuid::now_v7().to_string(), session_id, utc_ms, mono_ms, event }
    }
}
