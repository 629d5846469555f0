//! Spoken guidance (#16): a screen's main text read aloud through the booth PC's audio output, offline.
//! Japanese and やさしい日本語 are spoken by Open JTalk (Debian's `open-jtalk` with the NAIST dictionary,
//! and the HTS voice "Mei" shipped under `assets/voices/`); English, Chinese and Korean by Debian's
//! `espeak-ng`. Plain Japanese is spoken from its readings (`plain_japanese::spoken`), so the voice says
//! what the reader reads. No Bevy here: the kiosk's `speech` plugin holds a [`Playback`].

mod engine;
mod playback;
mod wav;

pub use engine::{Engine, SpeechError};
pub use playback::{Output, Playback};
pub use wav::{Wav, WavError};

use crate::lang::Lang;

/// A text to speak in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    /// The language the text is written in.
    pub lang: Lang,
    /// The text as shown on screen.
    pub text: String,
}

impl Utterance {
    /// A text written in `lang`.
    pub fn new(lang: Lang, text: impl Into<String>) -> Utterance {
        Utterance { lang, text: text.into() }
    }

    /// What the engine is given: plain Japanese by its readings, spaces and line breaks made one space.
    pub fn spoken_text(&self) -> String {
        let text =
            if self.lang == Lang::JaEasy { crate::plain_japanese::spoken(&self.text) } else { self.text.clone() };
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The units speech time is counted in: words in English, characters (spaces and punctuation aside)
    /// in Japanese, Chinese and Korean.
    pub fn units(&self) -> usize {
        let spoken = self.spoken_text();
        match self.lang {
            Lang::En => spoken.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count(),
            _ => spoken.chars().filter(|c| c.is_alphanumeric()).count(),
        }
    }

    /// The shortest and longest plausible length of the spoken text, in seconds: a check that the
    /// audio is this text, not a clipped word or a stuck engine. Rates are wide on purpose (engines and
    /// texts differ): English 1.2–5 words/s, Japanese 2–16 characters/s (a kanji is several morae),
    /// Chinese 1.5–8, Korean 2–12 syllables/s.
    pub fn plausible_seconds(&self) -> (f32, f32) {
        let units = self.units() as f32;
        let (slowest, fastest) = match self.lang {
            Lang::En => (1.2, 5.0),
            Lang::Ja | Lang::JaEasy => (2.0, 16.0),
            Lang::ZhHans => (1.5, 8.0),
            Lang::Ko => (2.0, 12.0),
        };
        (units / fastest, units / slowest + 1.0)
    }
}

/// The language a text on a screen in `shown_in` is written in, for its voice: content without a
/// translation, and Japanese place names, are Japanese on any screen. Kana means Japanese; Han
/// characters on an English or Korean screen mean Japanese (a Chinese screen's Han is Chinese); Hangul
/// means Korean.
pub fn written_in(shown_in: Lang, text: &str) -> Lang {
    let kana = text.chars().any(|c| matches!(c, '\u{3041}'..='\u{30ff}'));
    let han = text.chars().any(crate::plain_japanese::is_kanji);
    let hangul = text.chars().any(|c| matches!(c, '\u{ac00}'..='\u{d7a3}'));
    match shown_in {
        Lang::Ja | Lang::JaEasy => shown_in,
        _ if kana => Lang::Ja,
        Lang::ZhHans => Lang::ZhHans,
        Lang::Ko if hangul => Lang::Ko,
        Lang::En if !han => Lang::En,
        _ if han => Lang::Ja,
        other => other,
    }
}

/// Whether a text on screen is worth reading aloud: not a web address (shown for the QR code beside it;
/// a voice spelling `www.city.shinjuku.lg.jp` letter by letter helps nobody) and not a mark without a
/// letter or digit (→, ・).
pub fn worth_speaking(text: &str) -> bool {
    let t = text.trim();
    let link = !t.contains(char::is_whitespace)
        && t.contains('.')
        && t.chars().all(|c| c.is_ascii_alphanumeric() || "./:-_?=&%#~".contains(c));
    !link && t.chars().any(char::is_alphanumeric)
}

/// Which voice speaks a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// Open JTalk with the Mei voice.
    OpenJtalk,
    /// espeak-ng with one of its voices.
    Espeak(&'static str),
}

/// The voice for text written in `lang`.
pub fn voice_for(lang: Lang) -> Voice {
    match lang {
        Lang::Ja | Lang::JaEasy => Voice::OpenJtalk,
        Lang::En => Voice::Espeak("en-us"),
        Lang::ZhHans => Voice::Espeak("cmn"),
        Lang::Ko => Voice::Espeak("ko"),
    }
}

/// The volume steps staff can choose, in percent of the voice's own level.
pub const VOLUME_STEPS: [u8; 4] = [25, 50, 75, 100];

/// The volume the kiosk starts with.
pub const DEFAULT_VOLUME: u8 = 75;

/// The next volume step after `percent`, back to the quietest after the loudest.
pub fn next_volume(percent: u8) -> u8 {
    VOLUME_STEPS.iter().copied().find(|&v| v > percent).unwrap_or(VOLUME_STEPS[0])
}

#[cfg(test)]
mod tests;
