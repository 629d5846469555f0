//! The eco quiz screens: intro, question, feedback, result. The round lives in [`QuizSession`]; every
//! answer, the completion and an abandonment are sent as events.

pub mod feedback;
pub mod intro;
pub mod question;
pub mod result;

use bevy::prelude::*;

use crate::kiosk::{Content, EventSender, InitialView, Screen};
use crate::quiz::{RecentQuestions, Rng, Round};
use crate::telemetry::Event;

/// Rounds whose questions a new round avoids.
pub const RECENT_ROUNDS: usize = 3;

/// The quiz on this kiosk: the round being played and what recent rounds asked.
#[derive(Resource)]
pub struct QuizSession {
    /// The round being played; `None` before the first start and after leaving the quiz.
    pub round: Option<Round>,
    /// Questions of the last [`RECENT_ROUNDS`] rounds.
    pub recent: RecentQuestions,
    /// Draws the rounds: the same seed in screenshots and tests, a new one each time the app starts.
    pub rng: Rng,
    /// When the current question appeared (seconds of `Time<Real>`), to time the answer.
    pub asked_at: f64,
}

impl QuizSession {
    fn new(seed: u64, per_round: usize) -> QuizSession {
        QuizSession {
            round: None,
            recent: RecentQuestions::new(RECENT_ROUNDS, per_round),
            rng: Rng::new(seed),
            asked_at: 0.0,
        }
    }

    /// Starts a new round.
    pub fn start(&mut self, content: &Content) {
        self.round = Some(Round::draw(&content.0.quiz, &self.recent, &mut self.rng));
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, init_session)
        .add_systems(OnExit(Screen::Loading), prepare_initial_round)
        .add_systems(Update, abandon_when_leaving)
        .add_plugins((intro::plugin, question::plugin, feedback::plugin, result::plugin));
}

fn init_session(mut commands: Commands, content: Option<Res<Content>>, initial: Res<InitialView>) {
    let per_round = content.map_or(5, |c| c.0.quiz.questions_per_round);
    // Screenshots and tests get the same round every time; the booth a different one each start.
    let seed = if initial.frozen_clock.is_some() {
        1
    } else {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
    };
    commands.insert_resource(QuizSession::new(seed, per_round));
}

/// For screenshots straight into the middle of the quiz: a round with the answers that screen needs.
fn prepare_initial_round(initial: Res<InitialView>, content: Option<Res<Content>>, mut session: ResMut<QuizSession>) {
    let Some(content) = content else { return };
    let answered = match initial.screen {
        Screen::QuizQuestion => 0,
        Screen::QuizFeedback => 1,
        Screen::QuizResult => usize::MAX,
        _ => return,
    };
    session.start(&content);
    let Some(round) = session.round.as_mut() else { return };
    let mut i = 0;
    while i < answered && !round.is_complete() {
        let Some(q) = round.current() else { break };
        // Right answers, except the third, so the result shows both kinds.
        let position = if i == 2 { (q.correct_position + 1) % q.order.len() } else { q.correct_position };
        round.answer(position, 4000);
        i += 1;
    }
}

/// Leaving the quiz before its result abandons the round.
fn abandon_when_leaving(state: Res<State<Screen>>, mut session: ResMut<QuizSession>, mut events: EventSender) {
    if !state.is_changed() || state.get().is_quiz() {
        return;
    }
    if let Some(round) = session.round.take()
        && !round.is_complete()
    {
        events.send(Event::QuizAbandon { at_question: round.answers.len() + 1 });
    }
}

/// The source line under an explanation.
pub fn source_line(ui: &crate::kiosk::widgets::UiContext, source: &str) -> String {
    match source {
        crate::quiz::SOURCE_PRESS_RELEASE => ui.t("quiz-source-press"),
        crate::quiz::SOURCE_MUNICIPALITIES => ui.t("quiz-source-municipalities"),
        url => ui.t_args("quiz-source-url", &[("url", url.to_owned().into())]),
    }
}
