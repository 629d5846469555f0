//! Content text with a value per language, as written in booth files.

use serde::Deserialize;

use crate::lang::Lang;

/// A text with a value per language. `ja` is required; other languages fall back to it.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    /// Japanese (key `ja`), shown in any language that has no text of its own.
    pub ja: String,
    /// English (key `en`); absent or blank falls back to Japanese.
    pub en: Option<String>,
    /// Simplified Chinese (key `zh-Hans`); absent or blank falls back to Japanese.
    #[serde(rename = "zh-Hans")]
    pub zh_hans: Option<String>,
    /// Korean (key `ko`); absent or blank falls back to Japanese.
    pub ko: Option<String>,
    /// やさしい日本語 (key `ja-x-easy`); absent or blank falls back to Japanese.
    #[serde(rename = "ja-x-easy")]
    pub ja_easy: Option<String>,
}

impl LocalizedText {
    /// The text in `lang`, or in Japanese when that language has none.
    pub fn get(&self, lang: Lang) -> &str {
        self.own(lang).unwrap_or(&self.ja)
    }

    /// The language the text returned by [`get`](Self::get) is written in (for choosing its font and
    /// voice).
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
            Lang::JaEasy => self.ja_easy.as_deref(),
        }
        .filter(|s| !s.trim().is_empty())
    }

    /// Every value present, with its language.
    pub fn values(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL.into_iter().filter_map(|l| self.own(l).map(|s| (l, s)))
    }
}
