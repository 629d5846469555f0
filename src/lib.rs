//! midori-kiosk: the touch kiosk of the All-Tokyo 62 municipalities joint project
//! 「みどり東京・温暖化防止プロジェクト」.
//!
//! Domain modules have no Bevy in them; `kiosk` is the Bevy app over them. The modules form layers, each
//! using only the ones below it (the `layering` test checks it):
//! - 0–1, the vocabulary everything shares: `clock`, `diagnostics`, `lang`, `urls`, and the booth PC's
//!   own rules `display_backend`, `pointer_pacing`, `watchdog`; then `ids`, `localized`;
//! - 2–4, the domain: `geo`, `icons`, `qr`, `quiz`, `staff`, `telemetry`; then `content`; then `i18n`;
//! - 5, `booth`, the whole booth put together from them;
//! - 6, what reads the booth: `report`, `simulate`;
//! - 7, the Bevy app, `kiosk`.

#![warn(missing_docs)]

pub mod clock;
pub mod diagnostics;
pub mod display_backend;
pub mod ids;
pub mod lang;
pub mod localized;
pub mod plain_japanese;
pub mod pointer_pacing;
pub mod urls;
pub mod watchdog;

pub mod content;
pub mod geo;
pub mod i18n;
pub mod icons;
pub mod qr;
pub mod quiz;
pub mod speech;
pub mod staff;
pub mod telemetry;

pub mod booth;

pub mod report;
pub mod simulate;

#[cfg(feature = "kiosk")]
pub mod kiosk;

#[cfg(test)]
mod fuzz;
#[cfg(test)]
mod layering;
