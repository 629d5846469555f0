//! Localized content text and calendar dates as they appear in booth files.

use serde::{Deserialize, Deserializer};
use std::fmt;

use crate::i18n::Lang;

/// A text with a value per language. `ja` is required; other languages fall back to it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    pub ja: String,
    pub en: Option<String>,
    #[serde(rename = "zh-Hans")]
    pub zh_hans: Option<String>,
    pub ko: Option<String>,
}

impl LocalizedText {
    /// The text in `lang`, or in Japanese when that language has none.
    pub fn get(&self, lang: Lang) -> &str {
        self.own(lang).unwrap_or(&self.ja)
    }

    /// The language the text returned by [`get`](Self::get) is written in (for choosing its font).
    pub fn lang_of(&self, lang: Lang) -> Lang {
        if self.own(lang).is_some() { lang } else { Lang::Ja }
    }

    /// The text in `lang` only if it has one of its own.
    pub fn own(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Ja => Some(self.ja.as_str()),
            Lang::En => self.en.as_deref(),
            Lang::ZhHans => self.zh_hans.as_deref(),
            Lang::Ko => self.ko.as_deref(),
        }
        .filter(|s| !s.trim().is_empty())
    }

    /// Every value present, with its language.
    pub fn values(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL.into_iter().filter_map(|l| self.own(l).map(|s| (l, s)))
    }
}

/// A calendar date (no time, no zone), written in TOML as `2013-12-12`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let dt = toml::value::Datetime::deserialize(d)?;
        match (dt.date, dt.time, dt.offset) {
            (Some(date), None, None) => Ok(Date { year: date.year, month: date.month, day: date.day }),
            _ => Err(serde::de::Error::custom(format!("expected a date like 2013-12-12, found {dt}"))),
        }
    }
}
