//! Take-home links and their QR codes. No Bevy in here.

use image::{Rgba, RgbaImage};
use qrcode::{EcLevel, QrCode, Version};

/// Modules of white around the code (the QR specification's quiet zone).
pub const QUIET_ZONE_MODULES: u32 = 4;
/// Largest QR version the kiosk shows (57×57 modules), so phones read it from arm's length.
pub const MAX_VERSION: i16 = 10;

/// Why a link cannot be shown as a QR code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    /// The link does not fit in a code of version [`MAX_VERSION`] or below at error correction M.
    #[error("\"{url}\" is too long for a QR code of version ≤ {MAX_VERSION} with error correction M ({len} bytes)")]
    TooLong {
        /// The text that was to be encoded.
        url: String,
        /// Its length, in bytes.
        len: usize,
    },
}

/// How take-home links are tagged for the web analytics of the pages they open (booth.toml `[qr]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrTagging {
    /// `utm_source` value (1–40 characters of letters, digits, `-`, `_`, `.`; checked on load).
    pub utm_source: String,
    /// `utm_medium` value, e.g. "qr" (same character rules).
    pub utm_medium: String,
    /// `utm_campaign` value, e.g. "ecoproducts" (same character rules).
    pub utm_campaign: String,
}

/// `url` with the booth's tracking parameters added (`utm_content` = municipality code + kiosk id).
pub fn tagged_url(url: &str, tagging: &QrTagging, content_code: &str, kiosk_id: &str) -> String {
    let (base, fragment) = match url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (url, None),
    };
    let sep = if base.contains('?') { '&' } else { '?' };
    let mut out = format!(
        "{base}{sep}utm_source={}&utm_medium={}&utm_campaign={}&utm_content={}-{}",
        tagging.utm_source,
        tagging.utm_medium,
        tagging.utm_campaign,
        encode_component(content_code),
        encode_component(kiosk_id)
    );
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

fn encode_component(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Encodes `data` at error correction M in the smallest version that fits, up to [`MAX_VERSION`].
pub fn encode(data: &str) -> Result<QrCode, QrError> {
    for v in 1..=MAX_VERSION {
        if let Ok(code) = QrCode::with_version(data.as_bytes(), Version::Normal(v), EcLevel::M) {
            return Ok(code);
        }
    }
    Err(QrError::TooLong { url: data.to_owned(), len: data.len() })
}

/// Number of modules across, quiet zone included.
pub fn modules_across(code: &QrCode) -> u32 {
    code.width() as u32 + 2 * QUIET_ZONE_MODULES
}

/// Dark-on-light image of the code, `module_px` pixels per module, with the quiet zone.
pub fn render(code: &QrCode, module_px: u32) -> RgbaImage {
    let module_px = module_px.max(1);
    let w = code.width() as u32;
    let side = modules_across(code) * module_px;
    let mut img = RgbaImage::from_pixel(side, side, Rgba([255, 255, 255, 255]));
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c != qrcode::Color::Dark {
            continue;
        }
        let (mx, my) = (i as u32 % w + QUIET_ZONE_MODULES, i as u32 / w + QUIET_ZONE_MODULES);
        for dy in 0..module_px {
            for dx in 0..module_px {
                img.put_pixel(mx * module_px + dx, my * module_px + dy, Rgba([0, 0, 0, 255]));
            }
        }
    }
    img
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagging() -> QrTagging {
        QrTagging { utm_source: "midori-kiosk".into(), utm_medium: "qr".into(), utm_campaign: "ecoproducts".into() }
    }

    #[test]
    fn tags_are_appended_with_the_right_separator() {
        assert_eq!(
            tagged_url("https://www.city.chiyoda.lg.jp/", &tagging(), "13101", "kiosk-01"),
            "https://www.city.chiyoda.lg.jp/?utm_source=midori-kiosk&utm_medium=qr&utm_campaign=ecoproducts&utm_content=13101-kiosk-01"
        );
        assert_eq!(
            tagged_url("https://a.jp/p?x=1#top", &tagging(), "13101", "k 1"),
            "https://a.jp/p?x=1&utm_source=midori-kiosk&utm_medium=qr&utm_campaign=ecoproducts&utm_content=13101-k%201#top"
        );
    }

    #[test]
    fn rendering_has_quiet_zone_and_whole_modules() {
        let code = encode("https://www.city.chiyoda.lg.jp/").unwrap();
        let img = render(&code, 3);
        assert_eq!(img.width(), modules_across(&code) * 3);
        // quiet zone is white, the top-left finder pattern starts dark right after it
        assert_eq!(img.get_pixel(0, 0).0, [255, 255, 255, 255]);
        assert_eq!(img.get_pixel(QUIET_ZONE_MODULES * 3 - 1, QUIET_ZONE_MODULES * 3 - 1).0, [255, 255, 255, 255]);
        assert_eq!(img.get_pixel(QUIET_ZONE_MODULES * 3, QUIET_ZONE_MODULES * 3).0, [0, 0, 0, 255]);
    }

    #[test]
    fn too_long_payload_is_an_error_not_a_panic() {
        let long = format!("https://a.jp/{}", "x".repeat(400));
        assert!(matches!(encode(&long), Err(QrError::TooLong { len, .. }) if len == long.len()));
    }
}
