//! midori-kiosk: the touch kiosk of the All-Tokyo 62 municipalities joint project
//! 「みどり東京・温暖化防止プロジェクト」.
//!
//! Domain modules (`content`, `i18n`, `icons`, `qr`, …) have no Bevy in them; `kiosk` is the Bevy app over them.

pub mod content;
#[cfg(test)]
mod fuzz;
pub mod geo;
pub mod i18n;
pub mod icons;
#[cfg(feature = "kiosk")]
pub mod kiosk;
pub mod qr;
pub mod quiz;
pub mod report;
pub mod simulate;
pub mod staff;
pub mod telemetry;

use std::path::Path;

use content::{Booth, Diagnostics};
use i18n::{Lang, Localizer};

/// Loads and validates booth_config and the locales together, reporting every problem in both.
pub fn load_all(config_dir: &Path, locales_dir: &Path) -> Result<(Booth, Localizer), Diagnostics> {
    let booth = content::load(config_dir, locales_dir);
    let langs: Vec<Lang> = match &booth {
        Ok(b) => b.settings.languages.clone(),
        Err(_) => Lang::ALL.into_iter().filter(|l| locales_dir.join(l.code()).is_dir()).collect(),
    };
    let strings = Localizer::load(locales_dir, &langs);
    match (booth, strings) {
        (Ok(b), Ok(s)) => Ok((b, s)),
        (Err(mut a), Err(b)) => {
            a.extend(b);
            Err(a)
        }
        (Err(a), Ok(_)) | (Ok(_), Err(a)) => Err(a),
    }
}

/// The one-line summary `check` prints for a good configuration.
pub fn summary(booth: &Booth) -> String {
    let n = booth.municipalities.list.len();
    format!(
        "ok: {n} municipalities, {} programs ({} municipalities with their own), {} languages",
        booth.programs.len(),
        n - booth.municipalities_without_own_programs().len(),
        booth.settings.languages.len()
    )
}
