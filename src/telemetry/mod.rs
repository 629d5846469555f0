//! What the kiosk records: a closed set of event kinds, no free text, no visitor identifiers.
//! The Bevy side sends them as messages; persistence to SQLite is the interaction-log work (planned).

/// What a take-home QR code leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrTarget {
    Municipality(String),
    Program(String),
    QuizResult,
}

/// One recorded event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    QuizStart,
    QuizAnswer { question: String, choice: usize, correct: bool, millis: u32 },
    QuizComplete { score: usize, out_of: usize },
    /// Left before the end; `at_question` is the 1-based number of the question on screen.
    QuizAbandon { at_question: usize },
    QrShown { target: QrTarget },
}
