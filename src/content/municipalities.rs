//! `municipalities.toml`: the 62 municipalities and their sourced facts.

use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;
use toml::Spanned;

use crate::clock::LocalDate;
use crate::diagnostics::{Diagnostics, SourceFile};
use crate::localized::LocalizedText;
use crate::urls::check_https;

/// The file's name inside the booth_config directory.
pub const FILE: &str = "municipalities.toml";
/// How many municipalities the file must list: all of Tokyo's 23 wards, 26 cities, 5 towns and 8 villages.
pub const EXPECTED_COUNT: usize = 62;

/// The kind of municipality (`kind` in municipalities.toml); the Japanese name must end in its suffix
/// (区, 市, 町 or 村).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A special ward (区), written `ward`: one of the 23 wards of central Tokyo.
    Ward,
    /// A city (市), written `city`.
    City,
    /// A town (町), written `town`.
    Town,
    /// A village (村), written `village`.
    Village,
}

impl Kind {
    /// Every kind, from ward to village.
    pub const ALL: [Kind; 4] = [Kind::Ward, Kind::City, Kind::Town, Kind::Village];
    /// The Fluent key naming this kind.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Ward => "kind-ward",
            Kind::City => "kind-city",
            Kind::Town => "kind-town",
            Kind::Village => "kind-village",
        }
    }
    fn suffix(self) -> char {
        match self {
            Kind::Ward => '区',
            Kind::City => '市',
            Kind::Town => '町',
            Kind::Village => '村',
        }
    }
}

/// Which of Tokyo's three areas a municipality lies in (`region` in municipalities.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// The 23 special wards, written `special_wards`.
    SpecialWards,
    /// The Tama area, the mainland west of the wards, written `tama`.
    Tama,
    /// The Izu and Ogasawara islands, written `islands`; the tile map lays them out as a chain.
    Islands,
}

impl Region {
    /// Every region, in the order the map shows them (legend and list columns).
    pub const ALL: [Region; 3] = [Region::SpecialWards, Region::Tama, Region::Islands];
    /// The Fluent key naming this region on screen.
    pub fn key(self) -> &'static str {
        match self {
            Region::SpecialWards => "region-special-wards",
            Region::Tama => "region-tama",
            Region::Islands => "region-islands",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct MunicipalitiesFile {
    sources: Sources,
    municipality: Vec<Spanned<Entry>>,
}

/// Where the facts come from; shown on screen with the facts.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Sources {
    /// Where each field's values come from, field by field (`[sources] note`).
    pub note: String,
    /// Credit line, in Japanese, for the MLIT administrative-area data behind districts and label points.
    pub attribution_ja: String,
    /// The same credit line in English.
    pub attribution_en: String,
    /// The short source line shown under the facts.
    pub on_screen: crate::localized::LocalizedText,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    code: Spanned<String>,
    code6: Spanned<String>,
    name_ja: Spanned<String>,
    name_kana: String,
    name_en: String,
    name_zh: Option<Spanned<String>>,
    name_ko: Option<Spanned<String>>,
    /// Where each of `name_zh` / `name_ko` comes from: an https URL, or one of [`NAME_RULES`].
    #[serde(default)]
    name_sources: NameSources,
    kind: Spanned<Kind>,
    region: Region,
    district: Option<String>,
    population: Option<Spanned<u32>>,
    population_as_of: Option<Spanned<LocalDate>>,
    area_km2: Option<Spanned<f64>>,
    area_as_of: Option<Spanned<LocalDate>>,
    website: Spanned<String>,
    label: Spanned<[f64; 2]>,
}

/// Where the Chinese and Korean names come from.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct NameSources {
    zh: Option<Spanned<String>>,
    ko: Option<Spanned<String>>,
}

/// The stated rules a name may follow where no source gives it (see `[sources] note`).
pub const NAME_RULES: [&str; 2] = ["simplified-characters", "kana-transcription"];

/// A number with the date it describes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fact<T> {
    /// The figure: people for a population, km² for an area.
    pub value: T,
    /// The date the figure describes (`population_as_of` / `area_as_of` in municipalities.toml).
    pub as_of: LocalDate,
}

/// One of Tokyo's municipalities: a validated `[[municipality]]` of municipalities.toml.
#[derive(Debug, Clone, PartialEq)]
pub struct Municipality {
    /// Five-digit local government code (e.g. "13104").
    pub code: String,
    /// Six-digit code with its check digit.
    pub code6: String,
    /// Official Japanese name (e.g. "千代田区"), ending in its kind's suffix.
    pub name_ja: String,
    /// Reading of the Japanese name in hiragana (e.g. "ちよだく").
    pub name_kana: String,
    /// English name: GSI Gazetteer romaji plus City, Town or Village (e.g. "Chiyoda City").
    pub name_en: String,
    /// The name in every language: Japanese, English, and Chinese and Korean where they are sourced.
    pub names: LocalizedText,
    /// Ward, city, town or village.
    pub kind: Kind,
    /// Special wards, Tama or the islands.
    pub region: Region,
    /// The county (郡) or island subprefecture (支庁) of a town or village, e.g. "西多摩郡"; shown when given.
    pub district: Option<String>,
    /// Population estimate (Tokyo Metropolitan Government) with its date; `None` where the sources give none.
    pub population: Option<Fact<u32>>,
    /// Area in km² (GSI area survey) with its date; `None` where the sources give none.
    pub area_km2: Option<Fact<f64>>,
    /// The official https website as written; its QR code is tagged by `Booth::website_link`.
    pub website: String,
    /// Label point, longitude and latitude in degrees.
    pub label_lon_lat: (f64, f64),
}

/// Everything in municipalities.toml, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Municipalities {
    /// All 62 municipalities, in file order.
    pub list: Vec<Municipality>,
    /// The `[sources]` table: where the facts come from.
    pub sources: Sources,
}

impl Municipality {
    /// The name to show in `lang`, with the language it is written in (for its font): the sourced
    /// Chinese or Korean name where there is one, else the Japanese name. The one display-name rule.
    pub fn display_name(&self, lang: crate::lang::Lang) -> (&str, crate::lang::Lang) {
        (self.names.get(lang), self.names.lang_of(lang))
    }

    /// The name without its kind (市, City…) when it is shown small, e.g. on a crowded grid.
    pub fn short_name(&self, lang: crate::lang::Lang) -> (String, crate::lang::Lang) {
        let (name, written_in) = self.display_name(lang);
        let short = match written_in {
            crate::lang::Lang::En => {
                name.trim_end_matches(" City").trim_end_matches(" Town").trim_end_matches(" Village").to_owned()
            }
            // Plain Japanese on the map: the reading alone, so a small name needs no brackets.
            crate::lang::Lang::JaEasy => self.name_kana.clone(),
            _ => name.to_owned(),
        };
        (short, written_in)
    }
}

impl Municipalities {
    /// The municipality with the five-digit code `code` (e.g. "13104"), if any.
    pub fn get(&self, code: &str) -> Option<&Municipality> {
        self.list.iter().find(|m| m.code == code)
    }

    /// What the map needs of each municipality: its code and label point; the island region is laid out
    /// apart (a chain of tiles, an inset frame).
    pub fn tile_inputs(&self) -> Vec<crate::geo::TileInput> {
        self.list
            .iter()
            .map(|m| crate::geo::TileInput { code: m.code.clone(), lon_lat: m.lon_lat(), island: m.island() })
            .collect()
    }

    /// What `import-map` matches the official boundaries against: code, Japanese name (for its messages),
    /// label point and whether it is an island.
    pub fn import_inputs(&self) -> Vec<crate::geo::import::Municipality> {
        self.list
            .iter()
            .map(|m| crate::geo::import::Municipality {
                code: m.code.clone(),
                name_ja: m.name_ja.clone(),
                lon_lat: m.lon_lat(),
                island: m.island(),
            })
            .collect()
    }
}

impl Municipality {
    /// The label point as `[longitude, latitude]` in degrees.
    pub fn lon_lat(&self) -> [f64; 2] {
        [self.label_lon_lat.0, self.label_lon_lat.1]
    }

    /// In the island region (Izu and Ogasawara).
    pub fn island(&self) -> bool {
        self.region == Region::Islands
    }
}

/// JIS X 0402 check digit of a five-digit code.
pub fn check_digit(code5: &str) -> Option<char> {
    let digits: Vec<u32> = code5.chars().map(|c| c.to_digit(10)).collect::<Option<_>>()?;
    if digits.len() != 5 {
        return None;
    }
    let sum: u32 = digits.iter().zip([6, 5, 4, 3, 2]).map(|(d, w)| d * w).sum();
    let digit = (11 - sum % 11) % 10;
    char::from_digit(digit, 10)
}

/// Loads and validates municipalities.toml in `config_dir`: codes and check digits, kinds, dated facts,
/// URLs, name sources, label points and the count of 62, reporting every problem.
pub fn load(config_dir: &Path) -> Result<Municipalities, Diagnostics> {
    let src = SourceFile::read(&config_dir.join(FILE)).map_err(|d| Diagnostics(vec![d]))?;
    let file: MunicipalitiesFile = src.parse_toml().map_err(|d| Diagnostics(vec![d]))?;
    let mut out = Diagnostics::default();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    let mut list = Vec::new();

    for spanned in &file.municipality {
        let e = spanned.get_ref();
        let code = e.code.get_ref();
        if code.len() != 5 || !code.starts_with("13") || !code.chars().all(|c| c.is_ascii_digit()) {
            out.push(src.at(e.code.span(), format!("code \"{code}\" must be five digits starting with 13 (Tokyo)")));
        } else if let Some(line) = first_line.get(code) {
            out.push(src.at(e.code.span(), format!("duplicate code {code} (first defined at line {line})")));
        } else {
            first_line.insert(code.clone(), src.line_col(e.code.span().start).0);
            let expected = check_digit(code).map(|d| format!("{code}{d}"));
            if expected.as_deref() != Some(e.code6.get_ref().as_str()) {
                out.push(src.at(
                    e.code6.span(),
                    format!(
                        "code6 \"{}\" does not match code {code} (expected {})",
                        e.code6.get_ref(),
                        expected.unwrap_or_default()
                    ),
                ));
            }
        }
        let name = e.name_ja.get_ref();
        let kind = *e.kind.get_ref();
        if !name.ends_with(kind.suffix()) {
            out.push(src.at(
                e.kind.span(),
                format!("kind {kind:?} does not fit the name {name} (a {:?} ends in {})", kind, kind.suffix()),
            ));
        }
        let population = pair(&src, &mut out, &e.population, &e.population_as_of, "population");
        let area = pair(&src, &mut out, &e.area_km2, &e.area_as_of, "area_km2");
        if let Some(p) = &e.population
            && *p.get_ref() == 0
        {
            out.push(src.at(p.span(), "population must be more than 0 (leave it out when unknown)"));
        }
        if let Some(a) = &e.area_km2
            && a.get_ref().partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater)
        {
            out.push(src.at(a.span(), "area_km2 must be more than 0 (leave it out when unknown)"));
        }
        if let Err(msg) = check_https(e.website.get_ref()) {
            out.push(src.at(e.website.span(), format!("website: {msg}")));
        }
        for (lang, name, source) in [("zh", &e.name_zh, &e.name_sources.zh), ("ko", &e.name_ko, &e.name_sources.ko)] {
            match (name, source) {
                (Some(_), Some(s)) => {
                    let s = s.get_ref();
                    if !NAME_RULES.contains(&s.as_str())
                        && let Err(msg) = check_https(s)
                    {
                        out.push(src.at(
                            source.as_ref().map_or(0..0, |x| x.span()),
                            format!(
                                "name_sources.{lang} must be an https URL or one of {}: {msg}",
                                NAME_RULES.join(", ")
                            ),
                        ));
                    }
                }
                (Some(n), None) => out.push(src.at(
                    n.span(),
                    format!("name_{lang} needs name_sources.{lang} (a URL or one of {})", NAME_RULES.join(", ")),
                )),
                (None, Some(s)) => {
                    out.push(src.at(s.span(), format!("name_sources.{lang} is given but name_{lang} is not")))
                }
                (None, None) => {}
            }
        }
        let names = LocalizedText {
            ja: name.clone(),
            en: Some(e.name_en.clone()),
            zh_hans: e.name_zh.as_ref().map(|n| n.get_ref().clone()),
            ko: e.name_ko.as_ref().map(|n| n.get_ref().clone()),
            // Plain Japanese: the name with its reading where it has a kanji beyond grade 2.
            ja_easy: Some(crate::plain_japanese::with_reading(name, &e.name_kana)),
        };
        let [lon, lat] = *e.label.get_ref();
        if !(138.0..=154.0).contains(&lon) || !(20.0..=36.0).contains(&lat) {
            out.push(src.at(
                e.label.span(),
                format!("label point [{lon}, {lat}] is not in Tokyo (expected [longitude, latitude])"),
            ));
        }
        list.push(Municipality {
            code: code.clone(),
            code6: e.code6.get_ref().clone(),
            name_ja: name.clone(),
            name_kana: e.name_kana.clone(),
            name_en: e.name_en.clone(),
            names,
            kind,
            region: e.region,
            district: e.district.clone(),
            population,
            area_km2: area,
            website: e.website.get_ref().clone(),
            label_lon_lat: (lon, lat),
        });
    }
    if out.is_empty() && list.len() != EXPECTED_COUNT {
        out.push(src.whole(format!("expected {EXPECTED_COUNT} municipalities, found {}", list.len())));
    }
    if out.is_empty() { Ok(Municipalities { list, sources: file.sources }) } else { Err(out) }
}

/// A value and its as-of date must come together.
fn pair<T: Copy>(
    src: &SourceFile,
    out: &mut Diagnostics,
    value: &Option<Spanned<T>>,
    as_of: &Option<Spanned<LocalDate>>,
    name: &str,
) -> Option<Fact<T>> {
    match (value, as_of) {
        (Some(v), Some(d)) => Some(Fact { value: *v.get_ref(), as_of: *d.get_ref() }),
        (Some(v), None) => {
            out.push(src.at(v.span(), format!("{name} needs {name}_as_of (the date the figure describes)")));
            None
        }
        (None, Some(d)) => {
            out.push(src.at(d.span(), format!("{name}_as_of is given but {name} is not")));
            None
        }
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digits_of_known_codes() {
        assert_eq!(check_digit("13101"), Some('6'));
        assert_eq!(check_digit("13102"), Some('4'));
        assert_eq!(check_digit("1310"), None);
        assert_eq!(check_digit("1310x"), None);
    }
}
