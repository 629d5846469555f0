//! `booth.toml`: the booth, this kiosk, the event, the screen, idle timings, languages, QR tagging, data dir.

use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;
use std::time::Duration;
use toml::Spanned;

use crate::clock::LocalDate;
use crate::diagnostics::{Diagnostics, SourceFile};
use crate::lang::Lang;
use crate::localized::LocalizedText;
use crate::qr::QrTagging;

/// The file's name inside the booth_config directory.
pub const FILE: &str = "booth.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct BoothFile {
    booth: BoothSection,
    event: EventSection,
    screen: ScreenSection,
    idle: IdleSection,
    languages: LanguagesSection,
    qr: QrSection,
    data: DataSection,
    #[serde(default)]
    staff: StaffSection,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StaffSection {
    pin_hash: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct BoothSection {
    id: Spanned<String>,
    name: LocalizedText,
    kiosk_id: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventSection {
    name: LocalizedText,
    venue: LocalizedText,
    start: Spanned<LocalDate>,
    end: Spanned<LocalDate>,
    utc_offset_minutes: Spanned<i32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScreenSection {
    width_mm: Spanned<f32>,
    height_mm: Spanned<f32>,
    /// Optional; `false` when left out (the kiosk then animates).
    #[serde(default)]
    reduce_motion: bool,
    /// Optional: the picture's bottom edge above the floor, for the reach rule.
    #[serde(default)]
    bottom_mm: Option<Spanned<f32>>,
}

/// The reach rule for a public touch screen: every touch target between these heights above the floor
/// (mm), within reach of a child, of a wheelchair user and of a standing adult.
pub const REACH_MM: (f32, f32) = (400.0, 1200.0);

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdleSection {
    browse_seconds: Spanned<u32>,
    quiz_seconds: Spanned<u32>,
    warning_seconds: Spanned<u32>,
    quiet_gap_seconds: Spanned<u32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguagesSection {
    enabled: Spanned<Vec<Spanned<String>>>,
    default: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct QrSection {
    utm_source: Spanned<String>,
    utm_medium: Spanned<String>,
    utm_campaign: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct DataSection {
    dir: String,
}

/// The validated contents of booth.toml.
#[derive(Debug, Clone, PartialEq)]
pub struct BoothSettings {
    /// `[booth] id`: names the booth in each kiosk's telemetry database.
    pub booth_id: String,
    /// `[booth] name`: the booth's name in each language.
    pub booth_name: LocalizedText,
    /// `[booth] kiosk_id`, e.g. "kiosk-01": names this kiosk's telemetry file and tags its QR links.
    pub kiosk_id: String,
    /// `[event]`: the exhibition the booth is at, its dates and time zone.
    pub event: Event,
    /// `[screen]`: the picture's physical size, from which touch targets are sized in mm.
    pub screen: ScreenSize,
    /// The reach rule's warnings for `[screen] bottom_mm`, each as file:line:col: message.
    pub reach_warnings: Vec<String>,
    /// `[screen] reduce_motion`: no screen transitions, press or lift animations, nor the quiz result's
    /// stars popping in (for visitors who prefer less motion, or a slow PC).
    pub reduce_motion: bool,
    /// `[idle]`: when an untouched kiosk warns and returns to the attract loop, and when a new visitor starts.
    pub idle: IdleTimings,
    /// `[languages] enabled`, in the order written; each has its `locales/<lang>` folder.
    pub languages: Vec<Lang>,
    /// `[languages] default`: the language each visit starts in; one of `languages`.
    pub default_lang: Lang,
    /// `[qr]`: the UTM tags added to every take-home link.
    pub qr: QrTagging,
    /// Data directory as written (relative paths are relative to the working directory).
    pub data_dir: String,
    /// The staff PIN's salted hash (`midori-kiosk set-pin`); without it the staff panel stays closed.
    pub staff_pin_hash: Option<String>,
}

/// The exhibition the booth is at (`[event]` in booth.toml).
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The exhibition's name, e.g. "エコプロダクツ2013".
    pub name: LocalizedText,
    /// Where it is held, e.g. "東京ビッグサイト".
    pub venue: LocalizedText,
    /// Its first day.
    pub start: LocalDate,
    /// Its last day; not before `start`.
    pub end: LocalDate,
    /// The booth's time zone in minutes ahead of UTC (540 for Japan), -720..=840; gives local time and days.
    pub utc_offset_minutes: i32,
}

/// Physical size of the picture, which turns millimetres into pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenSize {
    /// Width of the visible picture, in mm (100–5000).
    pub width_mm: f32,
    /// Height of the visible picture, in mm (100–5000).
    pub height_mm: f32,
    /// How high the picture's bottom edge is above the floor, in mm (0–2500), when given.
    pub bottom_mm: Option<f32>,
}

impl ScreenSize {
    /// How the mounting breaks the reach rule, if it does: the top bar (along the picture's top edge,
    /// with Start over and the languages) above `REACH_MM.1`, or the lowest buttons (along its bottom
    /// edge) below `REACH_MM.0`. Empty when the mounting height is not given.
    pub fn reach_problems(&self) -> Vec<String> {
        let Some(bottom) = self.bottom_mm else { return Vec::new() };
        let (low, high) = REACH_MM;
        let top = bottom + self.height_mm;
        let mut out = Vec::new();
        if top > high {
            out.push(format!(
                "the top bar (Start over, languages) reaches {top:.0} mm above the floor, out of reach above {high:.0} mm: mount the screen {:.0} mm lower",
                top - high
            ));
        }
        if bottom < low {
            out.push(format!(
                "the lowest buttons are {bottom:.0} mm above the floor, out of reach below {low:.0} mm: mount the screen {:.0} mm higher",
                low - bottom
            ));
        }
        out
    }
}

/// How long the kiosk waits without a touch (`[idle]` in booth.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdleTimings {
    /// No touch for this long outside the quiz brings the "Still there?" warning (`browse_seconds`).
    pub browse: Duration,
    /// The same inside the quiz (`quiz_seconds`).
    pub quiz: Duration,
    /// How long the warning counts down before the kiosk returns to the attract loop (`warning_seconds`).
    pub warning: Duration,
    /// A touch after a gap this long starts a new visitor session (`quiet_gap_seconds`); in the quiz,
    /// the gap is at least `quiz`.
    pub quiet_gap: Duration,
}

impl IdleTimings {
    /// How many times longer the kiosk waits in the staff's "more time" mode (school groups).
    pub const MORE_TIME_FACTOR: u32 = 3;

    /// These timings in "more time" mode: the idle limits and the quiet gap × `MORE_TIME_FACTOR`; the
    /// warning's countdown stays as it is.
    pub fn with_more_time(self) -> IdleTimings {
        let k = IdleTimings::MORE_TIME_FACTOR;
        IdleTimings { browse: self.browse * k, quiz: self.quiz * k, quiet_gap: self.quiet_gap * k, ..self }
    }

    /// The timings booth.toml ships with (used when it cannot be read).
    pub const SHIPPED: IdleTimings = IdleTimings {
        browse: Duration::from_secs(60),
        quiz: Duration::from_secs(120),
        warning: Duration::from_secs(20),
        quiet_gap: Duration::from_secs(30),
    };
}

/// Allowed ranges, in seconds, for each idle timing.
pub const BROWSE_RANGE: (u32, u32) = (15, 600);
/// Allowed `[idle] quiz_seconds`, in seconds (inclusive).
pub const QUIZ_RANGE: (u32, u32) = (30, 900);
/// Allowed `[idle] warning_seconds`, in seconds (inclusive).
pub const WARNING_RANGE: (u32, u32) = (5, 120);
/// Allowed `[idle] quiet_gap_seconds`, in seconds (inclusive).
pub const QUIET_GAP_RANGE: (u32, u32) = (5, 600);

/// Loads and validates booth.toml. `locales_dir` is checked for each enabled language.
pub fn load(config_dir: &Path, locales_dir: &Path) -> Result<BoothSettings, Diagnostics> {
    let mut out = Diagnostics::default();
    let src = SourceFile::read(&config_dir.join(FILE)).map_err(|d| Diagnostics(vec![d]))?;
    let file: BoothFile = src.parse_toml().map_err(|d| Diagnostics(vec![d]))?;

    let ident = |s: &Spanned<String>, what: &str, out: &mut Diagnostics| {
        let v = s.get_ref();
        if v.is_empty() || v.len() > 40 || !v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            out.push(src.at(s.span(), format!("{what} \"{v}\" must be 1–40 characters of a-z, 0-9, - or _")));
        }
    };
    ident(&file.booth.id, "booth id", &mut out);
    ident(&file.booth.kiosk_id, "kiosk id", &mut out);

    let ev = &file.event;
    for d in [&ev.start, &ev.end] {
        let v = d.get_ref();
        if !(1..=12).contains(&v.month) || v.day == 0 || v.day > 31 {
            out.push(src.at(d.span(), format!("{v} is not a calendar date")));
        }
    }
    if ev.end.get_ref() < ev.start.get_ref() {
        out.push(
            src.at(ev.end.span(), format!("event end {} is before its start {}", ev.end.get_ref(), ev.start.get_ref())),
        );
    }
    let off = *ev.utc_offset_minutes.get_ref();
    if !(-720..=840).contains(&off) {
        out.push(src.at(ev.utc_offset_minutes.span(), format!("utc_offset_minutes {off} is outside -720..=840")));
    }

    if let Some(b) = &file.screen.bottom_mm
        && !(0.0..=2500.0).contains(b.get_ref())
    {
        out.push(src.at(b.span(), format!("screen bottom_mm {} is outside 0–2500 mm", b.get_ref())));
    }
    for (v, name) in [(&file.screen.width_mm, "width_mm"), (&file.screen.height_mm, "height_mm")] {
        let x = *v.get_ref();
        if !(100.0..=5000.0).contains(&x) {
            out.push(src.at(v.span(), format!("screen {name} {x} is outside 100–5000 mm")));
        }
    }

    let idle = &file.idle;
    for (v, name, (lo, hi)) in [
        (&idle.browse_seconds, "browse_seconds", BROWSE_RANGE),
        (&idle.quiz_seconds, "quiz_seconds", QUIZ_RANGE),
        (&idle.warning_seconds, "warning_seconds", WARNING_RANGE),
        (&idle.quiet_gap_seconds, "quiet_gap_seconds", QUIET_GAP_RANGE),
    ] {
        let x = *v.get_ref();
        if !(lo..=hi).contains(&x) {
            out.push(src.at(v.span(), format!("idle {name} = {x} is out of range {lo}..={hi}")));
        }
    }

    let mut languages = Vec::new();
    let mut seen = HashSet::new();
    for l in file.languages.enabled.get_ref() {
        match l.get_ref().parse::<Lang>() {
            Err(e) => out.push(src.at(l.span(), e.to_string())),
            Ok(lang) if !seen.insert(lang) => out.push(src.at(l.span(), format!("language {lang} is listed twice"))),
            Ok(lang) => {
                let dir = locales_dir.join(lang.code());
                if !dir.is_dir() {
                    out.push(src.at(l.span(), format!("language {lang} is enabled but {} is missing", dir.display())));
                }
                languages.push(lang);
            }
        }
    }
    if languages.is_empty() && out.is_empty() {
        out.push(src.at(file.languages.enabled.span(), "no language is enabled"));
    }
    let default_lang = match file.languages.default.get_ref().parse::<Lang>() {
        Err(e) => {
            out.push(src.at(file.languages.default.span(), e.to_string()));
            Lang::Ja
        }
        Ok(l) => {
            if !languages.contains(&l) {
                out.push(src.at(file.languages.default.span(), format!("default language {l} is not in enabled")));
            }
            l
        }
    };

    let qr = &file.qr;
    for (v, name) in
        [(&qr.utm_source, "utm_source"), (&qr.utm_medium, "utm_medium"), (&qr.utm_campaign, "utm_campaign")]
    {
        let s = v.get_ref();
        if s.is_empty() || s.len() > 40 || !s.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) {
            out.push(src.at(v.span(), format!("qr {name} \"{s}\" must be 1–40 characters of a-z, 0-9, -, _ or .")));
        }
    }

    if let Some(h) = &file.staff.pin_hash
        && let Err(e) = crate::staff::pin::parse(h.get_ref())
    {
        out.push(src.at(h.span(), format!("staff pin_hash: {e}")));
    }

    if !out.is_empty() {
        return Err(out);
    }
    Ok(BoothSettings {
        booth_id: file.booth.id.into_inner(),
        booth_name: file.booth.name,
        kiosk_id: file.booth.kiosk_id.into_inner(),
        event: Event {
            name: file.event.name,
            venue: file.event.venue,
            start: file.event.start.into_inner(),
            end: file.event.end.into_inner(),
            utc_offset_minutes: off,
        },
        screen: ScreenSize {
            width_mm: *file.screen.width_mm.get_ref(),
            height_mm: *file.screen.height_mm.get_ref(),
            bottom_mm: file.screen.bottom_mm.as_ref().map(|b| *b.get_ref()),
        },
        reach_warnings: match &file.screen.bottom_mm {
            Some(b) => {
                let screen = ScreenSize {
                    width_mm: *file.screen.width_mm.get_ref(),
                    height_mm: *file.screen.height_mm.get_ref(),
                    bottom_mm: Some(*b.get_ref()),
                };
                screen.reach_problems().into_iter().map(|m| src.at(b.span(), m).to_string()).collect()
            }
            None => Vec::new(),
        },
        reduce_motion: file.screen.reduce_motion,
        idle: IdleTimings {
            browse: Duration::from_secs(u64::from(*idle.browse_seconds.get_ref())),
            quiz: Duration::from_secs(u64::from(*idle.quiz_seconds.get_ref())),
            warning: Duration::from_secs(u64::from(*idle.warning_seconds.get_ref())),
            quiet_gap: Duration::from_secs(u64::from(*idle.quiet_gap_seconds.get_ref())),
        },
        languages,
        default_lang,
        qr: QrTagging {
            utm_source: file.qr.utm_source.into_inner(),
            utm_medium: file.qr.utm_medium.into_inner(),
            utm_campaign: file.qr.utm_campaign.into_inner(),
        },
        data_dir: file.data.dir,
        staff_pin_hash: file.staff.pin_hash.map(Spanned::into_inner),
    })
}

/// booth.toml's text with `[staff] pin_hash` set to `hash`, everything else (comments included) kept.
pub fn with_pin_hash(text: &str, hash: &str) -> String {
    let line = format!("pin_hash = \"{hash}\"");
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if let Some(i) = lines.iter().position(|l| l.trim_start().starts_with("pin_hash")) {
        lines[i] = line;
    } else if let Some(i) = lines.iter().position(|l| l.trim() == "[staff]") {
        lines.insert(i + 1, line);
    } else {
        lines.extend([String::new(), "[staff]".into(), line]);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_hash_is_added_or_replaced_keeping_the_rest() {
        let a = with_pin_hash("# c\n[data]\ndir = \"data\"\n", "H1");
        assert_eq!(a, "# c\n[data]\ndir = \"data\"\n\n[staff]\npin_hash = \"H1\"\n");
        let b = with_pin_hash(&a, "H2");
        assert_eq!(b, a.replace("H1", "H2"));
        assert_eq!(with_pin_hash("[staff]\n", "H"), "[staff]\npin_hash = \"H\"\n");
    }
}
