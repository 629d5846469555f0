//! Read aloud (#16): the top bar's 読み上げ button turns spoken guidance on for the visit. The screen's
//! texts (the top bar's title, not its buttons: those are [`Silent`]) are read in reading order, each in
//! the language it is written in ([`crate::speech::written_in`]), choices and buttons included, so a
//! visitor who cannot see the screen hears what there is to tap; every new screen is read as it opens,
//! the idle warning at once. A tap on
//! the button (now "Stop") stops it; the end of the visit stops it. Volume is a staff setting. The sound
//! comes from [`crate::speech`] on a thread of its own, so the frame loop never waits for it.

use bevy::prelude::*;

use super::visit::VisitEnded;
use super::{EventSender, Screen};
use crate::lang::Lang;
use crate::speech::{DEFAULT_VOLUME, Engine, Output, Playback, Utterance};
use crate::telemetry::{Aid, Event};

/// A part of the screen that is not read aloud (the top bar's buttons: languages, aids, Start over).
#[derive(Component, Clone, Copy, Debug)]
pub struct Silent;

/// A part of the screen read at once when it appears (the idle warning), cutting what is being read.
#[derive(Component, Clone, Copy, Debug)]
pub struct SpeakAtOnce;

/// The booth's speech set-up: the engines, where the sound goes, and the staff's volume. Outlives visits.
#[derive(Resource, Clone, Debug)]
pub struct SpeechSettings {
    /// The engines and their data.
    pub engine: Engine,
    /// The audio output, or files for tests.
    pub output: Output,
    /// Percent, one of [`crate::speech::VOLUME_STEPS`].
    pub volume: u8,
}

impl SpeechSettings {
    /// The booth PC's: Debian's engines, the voice under `assets`, ALSA's default output.
    pub fn booth(assets: &std::path::Path) -> SpeechSettings {
        SpeechSettings {
            engine: Engine::debian(assets),
            output: Output::Speaker { aplay: "/usr/bin/aplay".into() },
            volume: DEFAULT_VOLUME,
        }
    }
}

/// Read aloud in this visit: whether it is on, what is being spoken, and what to read next.
#[derive(Resource, Default, Debug)]
pub struct ReadAloud {
    /// On from the tap on 読み上げ until a tap on Stop or the end of the visit.
    pub on: bool,
    /// The sound being played.
    pub playback: Option<Playback>,
    /// Read the screen once its texts are laid out (set on a tap and on each new screen).
    pub pending: bool,
    /// Every screen read so far in this app's life, as its utterances (the speech test reads them).
    pub history: Vec<Vec<Utterance>>,
    /// Whether the playback's failures (if any) have been logged.
    reported: bool,
}

impl ReadAloud {
    /// Whether sound is playing now.
    pub fn is_speaking(&self) -> bool {
        self.playback.as_ref().is_some_and(|p| !p.is_finished())
    }

    fn stop(&mut self) {
        if let Some(mut p) = self.playback.take() {
            p.stop();
        }
    }
}

/// Marks the read-aloud button.
#[derive(Component, Clone, Copy, Debug)]
pub struct ReadAloudButton;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ReadAloud>()
        .add_observer(|_: On<VisitEnded>, mut read: ResMut<ReadAloud>| {
            read.stop();
            read.on = false;
            read.pending = false;
        })
        .add_systems(PostUpdate, (read_new_screens, read_at_once, report_failures))
        .add_systems(Last, speak_pending);
}

/// The read-aloud button's tap: on (and read this screen) or off (and stop).
pub fn toggle(read: &mut ReadAloud, events: &mut EventSender) {
    read.on = !read.on;
    events.send(Event::AidChange { aid: Aid::ReadAloud, on: read.on });
    read.stop();
    read.pending = read.on;
}

/// Every entry into a screen, a rebuild in place (a new language) included.
fn read_new_screens(mut entered: MessageReader<StateTransitionEvent<Screen>>, mut read: ResMut<ReadAloud>) {
    if entered.read().count() > 0 && read.on {
        read.stop();
        read.pending = true;
    }
}

fn read_at_once(fresh: Query<(), Added<SpeakAtOnce>>, mut read: ResMut<ReadAloud>) {
    if read.on && !fresh.is_empty() {
        read.stop();
        read.pending = true;
    }
}

/// The screen's spoken texts in reading order (top to bottom, then left to right), consecutive texts in
/// one language joined into one utterance.
pub fn utterances(texts: &[(Vec2, Lang, String)], at_once_only: bool, at_once: &[bool]) -> Vec<Utterance> {
    let mut order: Vec<usize> = (0..texts.len()).filter(|i| !at_once_only || at_once[*i]).collect();
    order.sort_by(|a, b| {
        let (pa, pb) = (texts[*a].0, texts[*b].0);
        // Texts whose tops are within 2 mm are on one line.
        if (pa.y - pb.y).abs() < 2.0 { pa.x.total_cmp(&pb.x) } else { pa.y.total_cmp(&pb.y) }
    });
    let mut out: Vec<Utterance> = vec![];
    for i in order {
        let (_, lang, text) = &texts[i];
        if !crate::speech::worth_speaking(text) {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.lang == *lang => {
                last.text.push('\n');
                last.text.push_str(text);
            }
            _ => out.push(Utterance::new(*lang, text.clone())),
        }
    }
    out
}

fn speak_pending(
    mut read: ResMut<ReadAloud>,
    settings: Option<Res<SpeechSettings>>,
    lang: Res<super::CurrentLang>,
    texts: Query<(Entity, &Text, &UiGlobalTransform, &InheritedVisibility)>,
    parents: Query<&ChildOf>,
    silent: Query<(), With<Silent>>,
    at_once: Query<(), With<SpeakAtOnce>>,
    scale: Res<UiScale>,
) {
    if !read.pending {
        return;
    }
    let mut items = vec![];
    let mut urgent = vec![];
    for (entity, text, at, visible) in &texts {
        if !visible.get() {
            continue;
        }
        let lineage: Vec<Entity> = std::iter::once(entity).chain(parents.iter_ancestors(entity)).collect();
        if lineage.iter().any(|e| silent.contains(*e)) {
            continue;
        }
        items.push((
            at.translation / scale.0.max(f32::EPSILON),
            crate::speech::written_in(lang.0, &text.0),
            text.0.clone(),
        ));
        urgent.push(lineage.iter().any(|e| at_once.contains(*e)));
    }
    if items.is_empty() {
        return; // the new screen's texts are not there yet
    }
    read.pending = false;
    let list = utterances(&items, urgent.iter().any(|u| *u), &urgent);
    read.history.push(list.clone());
    if let Some(s) = settings {
        read.playback = Some(Playback::start(s.engine.clone(), s.output.clone(), list, s.volume));
        read.reported = false;
    }
}

/// A playback that could not speak: a warning with the reason in the app's log, and an `error` event of
/// kind `speech` in the interaction log (the reason itself is not logged there: no free text).
fn report_failures(mut read: ResMut<ReadAloud>, mut events: EventSender) {
    if read.reported || !read.playback.as_ref().is_some_and(|p| p.is_finished()) {
        return;
    }
    read.reported = true;
    let failures: Vec<String> = read
        .playback
        .as_ref()
        .map(|p| p.spoken().into_iter().filter_map(|s| s.result.err()).collect())
        .unwrap_or_default();
    if let Some(first) = failures.first() {
        warn!("read aloud: {} of the screen's texts not spoken: {first}", failures.len());
        events.send(Event::Error { kind: crate::telemetry::ErrorKind::Speech });
    }
}
