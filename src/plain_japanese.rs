//! The house style of やさしい日本語 (plain Japanese, `ja-x-easy`), after 「在留支援のためのやさしい日本語
//! ガイドライン」 (出入国在留管理庁・文化庁, 2020), as rules a test can apply to every text:
//!
//! - every run of kanji with a kanji beyond school grade 2 is followed at once by its reading in
//!   hiragana in full-width brackets: `温暖化（おんだんか）`, `守（まも）ります`;
//! - phrases are separated by spaces (分かち書き);
//! - sentences are short: at most [`MAX_SENTENCE_CHARS`] characters, readings and spaces not counted;
//! - no honorific or humble forms.
//!
//! The same brackets give speech its reading: [`spoken`] replaces each kanji run by its reading.

/// The 240 kanji of school grades 1 (80) and 2 (160), 学年別漢字配当表 (2020): the ones a plain text
/// may use without a reading.
pub const GRADE_1_AND_2: &str = concat!(
    "一右雨円王音下火花貝学気九休玉金空月犬見五口校左三山子四糸字耳七車手十出女小上森人水正生青夕石赤千川先早草",
    "足村大男竹中虫町天田土二日入年白八百文木本名目立力林六",
    "引羽雲園遠何科夏家歌画回会海絵外角楽活間丸岩顔汽記帰弓牛魚京強教近兄形計元言原戸古午後語工公広交光考行高黄合谷",
    "国黒今才細作算止市矢姉思紙寺自時室社弱首秋週春書少場色食心新親図数西声星晴切雪船線前組走多太体台地池知茶昼長鳥",
    "朝直通弟店点電刀冬当東答頭同道読内南肉馬売買麦半番父風分聞米歩母方北毎妹万明鳴毛門夜野友用曜来里理話",
);

/// The longest sentence, in characters, without readings and spaces.
pub const MAX_SENTENCE_CHARS: usize = 45;

/// Texts up to this many characters (a label, a number, a name) need no spaces between phrases.
pub const SHORT_TEXT_CHARS: usize = 14;

/// Honorific and humble forms a plain text does not use.
pub const HONORIFICS: [&str; 12] = [
    "ございます",
    "いたし",
    "致し",
    "させていただ",
    "おります",
    "いらっしゃ",
    "なさい",
    "なさる",
    "申し",
    "参り",
    "参る",
    "くださいませ",
];

/// A break of the house style.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StyleProblem {
    /// A kanji run with a kanji beyond grade 2 and no reading right after it.
    #[error("「{0}」 needs its reading in （ひらがな） right after it")]
    NoReading(String),
    /// An honorific or humble form.
    #[error("「{0}」 is an honorific or humble form")]
    Honorific(&'static str),
    /// A sentence longer than [`MAX_SENTENCE_CHARS`].
    #[error("a sentence of {chars} characters (at most {MAX_SENTENCE_CHARS}): {sentence}")]
    LongSentence {
        /// The sentence, without readings and spaces.
        sentence: String,
        /// Its length in characters.
        chars: usize,
    },
    /// A longer text written without spaces between its phrases.
    #[error("no spaces between phrases")]
    NoSpaces,
    /// A reading in ASCII brackets.
    #[error("ASCII brackets: readings go in full-width （）")]
    AsciiBrackets,
}

/// Whether `c` is part of a kanji run: CJK unified ideographs, extension A, compatibility ideographs,
/// 々, and ヶ as place names use it (青ヶ島 is one run, so its reading covers the whole name).
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '々' | 'ヶ')
}

/// Whether a plain text may use `c` without a reading.
pub fn is_known_kanji(c: char) -> bool {
    c == '々' || c == 'ヶ' || GRADE_1_AND_2.contains(c)
}

/// Whether `c` may be part of a reading: hiragana and the long-vowel mark.
fn is_reading_char(c: char) -> bool {
    matches!(c, 'ぁ'..='ゖ' | 'ー')
}

/// A piece of a plain text: plain characters, or a kanji run with the reading that follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<'a> {
    /// Anything but a kanji run (kana, Latin, digits, punctuation, spaces).
    Other(&'a str),
    /// A kanji run and the reading in brackets right after it, if there is one.
    Kanji {
        /// The kanji.
        run: &'a str,
        /// The hiragana between `（` and `）`.
        reading: Option<&'a str>,
    },
}

/// Splits `text` into kanji runs (each with its reading) and the rest.
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = vec![];
    let mut rest = text;
    while !rest.is_empty() {
        let kanji_len: usize = rest.chars().take_while(|&c| is_kanji(c)).map(char::len_utf8).sum();
        if kanji_len == 0 {
            let other_len: usize = rest.chars().take_while(|&c| !is_kanji(c)).map(char::len_utf8).sum();
            out.push(Piece::Other(&rest[..other_len]));
            rest = &rest[other_len..];
            continue;
        }
        let (run, after) = rest.split_at(kanji_len);
        let reading = after.strip_prefix('（').and_then(|r| {
            let end = r.find('）')?;
            let inner = &r[..end];
            (!inner.is_empty() && inner.chars().all(is_reading_char)).then_some(inner)
        });
        out.push(Piece::Kanji { run, reading });
        rest = match reading {
            Some(r) => &after['（'.len_utf8() + r.len() + '）'.len_utf8()..],
            None => after,
        };
    }
    out
}

/// `text` without its readings and spaces: what a sentence's length is counted on.
fn without_readings(text: &str) -> String {
    pieces(text)
        .into_iter()
        .map(|p| match p {
            Piece::Other(s) => s,
            Piece::Kanji { run, .. } => run,
        })
        .collect::<String>()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Every break of the house style in `text`. Fluent placeables (`{ $name }`) should be removed first.
pub fn problems(text: &str) -> Vec<StyleProblem> {
    let mut out = vec![];
    for p in pieces(text) {
        if let Piece::Kanji { run, reading: None } = p
            && run.chars().any(|c| !is_known_kanji(c))
        {
            out.push(StyleProblem::NoReading(run.to_owned()));
        }
    }
    out.extend(HONORIFICS.iter().filter(|h| text.contains(*h)).map(|h| StyleProblem::Honorific(h)));
    let plain = without_readings(text);
    for sentence in plain.split_inclusive(['。', '！', '？']) {
        let chars = sentence.chars().count();
        if chars > MAX_SENTENCE_CHARS {
            out.push(StyleProblem::LongSentence { sentence: sentence.to_owned(), chars });
        }
    }
    if plain.chars().count() > SHORT_TEXT_CHARS && !text.contains(' ') {
        out.push(StyleProblem::NoSpaces);
    }
    if text.contains(['(', ')']) {
        out.push(StyleProblem::AsciiBrackets);
    }
    out
}

/// A name with its reading when it needs one: `千代田区` + `ちよだく` → `千代田区（ちよだく）`;
/// `八王子市` (grade 1–2 kanji only) stays as it is.
pub fn with_reading(name: &str, kana: &str) -> String {
    if name.chars().any(|c| is_kanji(c) && !is_known_kanji(c)) {
        format!("{name}（{kana}）")
    } else {
        name.to_owned()
    }
}

/// The text to speak: each kanji run that has a reading is replaced by it (`温暖化（おんだんか）` →
/// `おんだんか`), so the voice says what the reader reads; spaces between phrases become one space.
pub fn spoken(text: &str) -> String {
    pieces(text)
        .into_iter()
        .map(|p| match p {
            Piece::Other(s) => s,
            Piece::Kanji { run, reading } => reading.unwrap_or(run),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grade_lists_have_their_240_kanji_once_each() {
        let all: Vec<char> = GRADE_1_AND_2.chars().collect();
        let unique: std::collections::BTreeSet<char> = all.iter().copied().collect();
        assert_eq!((all.len(), unique.len()), (240, 240));
        assert!(all.iter().all(|&c| is_kanji(c)));
    }

    #[test]
    fn a_place_name_with_ke_is_one_run() {
        assert_eq!(problems("青ヶ島（あおがしま）"), vec![]);
        assert_eq!(spoken("青ヶ島（あおがしま）の 村"), "あおがしまの 村");
    }

    #[test]
    fn a_hard_kanji_needs_its_reading_right_after_its_run() {
        assert_eq!(problems("東京の 森"), vec![], "grade 1–2 kanji need no reading");
        assert_eq!(problems("温暖化（おんだんか）を 防（ふせ）ぎます。"), vec![]);
        assert_eq!(problems("温暖化を 防（ふせ）ぎます。"), vec![StyleProblem::NoReading("温暖化".into())]);
        // The reading must follow the whole run, not a part of it.
        assert_eq!(problems("温暖（おんだん）化"), vec![StyleProblem::NoReading("化".into())]);
        assert_eq!(problems("区（ク）"), vec![StyleProblem::NoReading("区".into())], "katakana is not a reading");
        assert_eq!(problems("区(く)"), vec![StyleProblem::NoReading("区".into()), StyleProblem::AsciiBrackets]);
    }

    #[test]
    fn long_sentences_honorifics_and_missing_spaces_are_found() {
        let long = format!("{}。", "あ".repeat(MAX_SENTENCE_CHARS + 1));
        assert!(matches!(problems(&long)[..], [StyleProblem::LongSentence { chars: 47, .. }, StyleProblem::NoSpaces]));
        // Readings and spaces do not count towards the length.
        let with_readings = format!("{} 温暖化（おんだんか）。", "あ".repeat(MAX_SENTENCE_CHARS - 4));
        assert_eq!(problems(&with_readings), vec![]);
        assert_eq!(problems("ありがとう ございます。"), vec![StyleProblem::Honorific("ございます")]);
        assert_eq!(problems("みんなでいっしょにそうじをする日です。"), vec![StyleProblem::NoSpaces]);
        assert_eq!(problems("1997年"), vec![], "a short label needs no spaces");
    }

    #[test]
    fn names_get_readings_only_when_they_need_them() {
        assert_eq!(with_reading("千代田区", "ちよだく"), "千代田区（ちよだく）");
        assert_eq!(with_reading("八王子市", "はちおうじし"), "八王子市");
        assert_eq!(with_reading("あきる野市", "あきるのし"), "あきる野市");
    }

    #[test]
    fn speech_reads_the_readings_instead_of_the_kanji() {
        assert_eq!(spoken("温暖化（おんだんか）を 防（ふせ）ぎます。"), "おんだんかを ふせぎます。");
        assert_eq!(spoken("東京の 森"), "東京の 森");
        assert_eq!(spoken("区(く)"), "区(く)", "a malformed reading is left as written");
    }
}
