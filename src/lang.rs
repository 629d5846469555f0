//! The kiosk's languages.

use std::fmt;
use std::str::FromStr;

/// A language the kiosk can show. `Ja` is the default and the fallback for content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    /// Japanese (`ja`).
    #[default]
    Ja,
    /// English (`en`).
    En,
    /// Simplified Chinese (`zh-Hans`).
    ZhHans,
    /// Korean (`ko`).
    Ko,
    /// やさしい日本語, plain Japanese (`ja-x-easy`): its own texts, falling back to Japanese text by text.
    JaEasy,
}

impl Lang {
    /// Every language, in declaration order: ja, en, zh-Hans, ko, ja-x-easy.
    pub const ALL: [Lang; 5] = [Lang::Ja, Lang::En, Lang::ZhHans, Lang::Ko, Lang::JaEasy];

    /// BCP 47 tag, as used in booth.toml, the locales folder and the CLI.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
            Lang::ZhHans => "zh-Hans",
            Lang::Ko => "ko",
            Lang::JaEasy => "ja-x-easy",
        }
    }

    /// The language whose text stands in, key by key, where this one has none: Japanese for plain
    /// Japanese. `None` for the others (they fall back to Japanese as the booth's content language).
    pub fn fallback(self) -> Option<Lang> {
        match self {
            Lang::JaEasy => Some(Lang::Ja),
            _ => None,
        }
    }

    /// The language as spoken and typeset: plain Japanese is Japanese (fonts, plural rules, speech).
    pub fn base(self) -> Lang {
        self.fallback().unwrap_or(self)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language tag that is not one of the kiosk's (ja, en, zh-Hans, ko); holds the tag as given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language \"{0}\" (expected one of ja, en, zh-Hans, ko, ja-x-easy)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL.into_iter().find(|l| l.code() == s).ok_or_else(|| UnknownLang(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_is_named() {
        for l in Lang::ALL {
            assert_eq!(l.code().parse::<Lang>().unwrap(), l);
        }
        assert_eq!(
            "zh".parse::<Lang>().unwrap_err().to_string(),
            "unknown language \"zh\" (expected one of ja, en, zh-Hans, ko, ja-x-easy)"
        );
    }
}
