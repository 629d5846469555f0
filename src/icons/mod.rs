//! Icons and pictures: SVG files shipped under `assets/icons/` (Tabler Icons and Fluent Emoji, both MIT;
//! see `assets/icons/README.md`), embedded in the binary and rasterised with resvg at the size each is
//! drawn, so they stay sharp at any screen size. Line icons are drawn in the colour they are given;
//! pictures keep their own colours.

use resvg::{tiny_skia, usvg};

/// Every icon and picture the kiosk draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Icon {
    /// Left arrow, on the top bar's Back button.
    Back,
    /// House, on the top bar's Start over button.
    StartOver,
    /// Language sign, before the top bar's language buttons.
    Language,
    /// Lightning bolt: the Energy program theme.
    Energy,
    /// Plant: the Greenery program theme.
    Greenery,
    /// Recycling sign: the Waste program theme.
    Waste,
    /// Droplet: the Water program theme.
    Water,
    /// Butterfly: the Biodiversity program theme.
    Biodiversity,
    /// Certificate: the Declaration program theme.
    Declaration,
    /// School: the Learning program theme.
    Learning,
    /// Bicycle: the Mobility program theme.
    Mobility,
    /// Light bulb, on the map screen's button that opens the eco quiz.
    Quiz,
    /// QR code, beside the phone on the take-home screen.
    QrCode,
    /// Mobile phone, beside the prompts to scan a code (take-home, quiz result, program page).
    Phone,
    /// Magnifier with a plus, on the map's zoom-in button.
    ZoomIn,
    /// Magnifier with a minus, on the map's zoom-out button.
    ZoomOut,
    /// Circled i, on the map screen's "About the project" button.
    About,
    /// Pointing finger, beside the map's "Touch a municipality" hint.
    Touch,
    /// A large and a small T: the top bar's large-text toggle.
    LargeText,
    /// A half-filled circle: the top bar's high-contrast toggle.
    HighContrast,
    /// A loudspeaker: the top bar's read-aloud button.
    ReadAloud,
    /// A square: the read-aloud button while it is speaking (a tap stops).
    StopReading,
    /// Pictures (own colours) from here on.
    Trophy,
    /// Glowing star; the quiz result badge shows one to three of them for the rank.
    Star,
    /// Party popper: the quiz result badge below full marks.
    Party,
    /// Light bulb picture, on the quiz intro screen.
    LightBulb,
    /// Seedling: heading of the About screen, and the theme icon of a program without a theme.
    Seedling,
}

/// How an icon is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A line drawing in one colour, chosen where it is drawn.
    Line,
    /// A picture in its own colours.
    Picture,
}

macro_rules! sources {
    ($($icon:ident => $kind:ident $file:literal),* $(,)?) => {
        impl Icon {
            /// Every icon, in declaration order.
            pub const ALL: &'static [Icon] = &[$(Icon::$icon),*];

            /// The file under `assets/` the icon was taken from.
            pub fn file(self) -> &'static str {
                match self { $(Icon::$icon => $file),* }
            }

            /// Whether it is a line drawing in one colour or a picture in its own colours.
            pub fn kind(self) -> Kind {
                match self { $(Icon::$icon => Kind::$kind),* }
            }

            fn svg(self) -> &'static str {
                match self { $(Icon::$icon => include_str!(concat!("../../assets/", $file))),* }
            }
        }
    };
}

sources! {
    Back => Line "icons/tabler/arrow-left.svg",
    StartOver => Line "icons/tabler/home.svg",
    Language => Line "icons/tabler/language.svg",
    Energy => Line "icons/tabler/bolt.svg",
    Greenery => Line "icons/tabler/plant.svg",
    Waste => Line "icons/tabler/recycle.svg",
    Water => Line "icons/tabler/droplet.svg",
    Biodiversity => Line "icons/tabler/butterfly.svg",
    Declaration => Line "icons/tabler/file-certificate.svg",
    Learning => Line "icons/tabler/school.svg",
    Mobility => Line "icons/tabler/bike.svg",
    Quiz => Line "icons/tabler/bulb.svg",
    QrCode => Line "icons/tabler/qrcode.svg",
    Phone => Line "icons/tabler/device-mobile.svg",
    ZoomIn => Line "icons/tabler/zoom-in.svg",
    ZoomOut => Line "icons/tabler/zoom-out.svg",
    About => Line "icons/tabler/info-circle.svg",
    Touch => Line "icons/tabler/hand-finger.svg",
    LargeText => Line "icons/tabler/text-size.svg",
    HighContrast => Line "icons/tabler/contrast.svg",
    ReadAloud => Line "icons/tabler/volume.svg",
    StopReading => Line "icons/tabler/player-stop.svg",
    Trophy => Picture "icons/fluent-emoji/trophy.svg",
    Star => Picture "icons/fluent-emoji/glowing-star.svg",
    Party => Picture "icons/fluent-emoji/party-popper.svg",
    LightBulb => Picture "icons/fluent-emoji/light-bulb.svg",
    Seedling => Picture "icons/fluent-emoji/seedling.svg",
}

/// The largest side an icon is rasterised at.
pub const MAX_PX: u32 = 1024;

/// Why an icon could not be rasterised.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum IconError {
    /// resvg cannot parse the embedded SVG.
    #[error("assets/{file}: resvg cannot read it: {message}")]
    Unreadable {
        /// The icon's file under `assets/`.
        file: &'static str,
        /// resvg's error.
        message: String,
    },
    /// The requested size is outside 1–[`MAX_PX`] px.
    #[error("assets/{file}: {size} px is outside 1–{MAX_PX} px")]
    Size {
        /// The icon's file under `assets/`.
        file: &'static str,
        /// The requested side, in px.
        size: u32,
    },
}

/// A square RGBA picture, sRGB, with straight (not premultiplied) alpha, row by row from the top.
#[derive(Debug, Clone, PartialEq)]
pub struct Raster {
    /// Side length, in pixels.
    pub size: u32,
    /// `size` × `size` pixels of four bytes (red, green, blue, alpha).
    pub rgba: Vec<u8>,
}

impl Raster {
    /// The pixels that are at least half opaque.
    pub fn opaque_pixels(&self) -> usize {
        self.rgba.chunks_exact(4).filter(|p| p[3] >= 128).count()
    }
}

/// Draws `icon` into a `size` × `size` square, centred and scaled to fit. A line icon is drawn in `tint`
/// (sRGB); a picture ignores it.
pub fn rasterise(icon: Icon, size: u32, tint: [u8; 3]) -> Result<Raster, IconError> {
    let file = icon.file();
    if size == 0 || size > MAX_PX {
        return Err(IconError::Size { file, size });
    }
    let svg = match icon.kind() {
        // Tabler's 2-unit stroke looks thin next to bold labels; 2.25 matches them.
        Kind::Line => icon
            .svg()
            .replace("currentColor", &format!("#{:02x}{:02x}{:02x}", tint[0], tint[1], tint[2]))
            .replace("stroke-width=\"2\"", "stroke-width=\"2.25\""),
        Kind::Picture => icon.svg().to_owned(),
    };
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default())
        .map_err(|e| IconError::Unreadable { file, message: e.to_string() })?;
    let Some(mut pixmap) = tiny_skia::Pixmap::new(size, size) else {
        return Err(IconError::Size { file, size });
    };
    let view = tree.size();
    let k = size as f32 / view.width().max(view.height());
    let (dx, dy) = ((size as f32 - view.width() * k) / 2.0, (size as f32 - view.height() * k) / 2.0);
    resvg::render(&tree, tiny_skia::Transform::from_row(k, 0.0, 0.0, k, dx, dy), &mut pixmap.as_mut());
    let rgba = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    Ok(Raster { size, rgba })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_draws_something_at_small_and_large_sizes() {
        for &icon in Icon::ALL {
            for size in [16, 96] {
                let r = rasterise(icon, size, [0, 0, 0]).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(r.rgba.len(), (size * size * 4) as usize);
                let share = r.opaque_pixels() as f32 / (size * size) as f32;
                // Something is drawn, and it is not a filled square (a broken file or a lost viewBox).
                assert!(share > 0.03 && share < 0.9, "{icon:?} at {size} px covers {share:.2}");
            }
        }
    }

    #[test]
    fn line_icons_take_the_tint_and_pictures_keep_their_colours() {
        let green = [0x1d, 0x72, 0x42];
        let solid = |r: &Raster| -> Vec<[u8; 3]> {
            r.rgba.chunks_exact(4).filter(|p| p[3] == 255).map(|p| [p[0], p[1], p[2]]).collect()
        };
        let line = rasterise(Icon::Back, 48, green).unwrap();
        let px = solid(&line);
        assert!(!px.is_empty());
        assert!(px.iter().all(|c| *c == green), "a line icon is drawn in its tint only");
        let a = rasterise(Icon::Trophy, 48, green).unwrap();
        let b = rasterise(Icon::Trophy, 48, [200, 0, 0]).unwrap();
        assert_eq!(a, b, "a picture ignores the tint");
        assert!(solid(&a).iter().any(|c| *c != green));
    }

    #[test]
    fn a_size_outside_the_range_is_an_error_naming_the_file() {
        let e = rasterise(Icon::Touch, 0, [0; 3]).unwrap_err();
        assert_eq!(e.to_string(), "assets/icons/tabler/hand-finger.svg: 0 px is outside 1–1024 px");
        assert!(rasterise(Icon::Touch, MAX_PX + 1, [0; 3]).is_err());
    }

    #[test]
    fn every_shipped_icon_file_is_used_and_has_its_licence() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        let used: std::collections::BTreeSet<String> = Icon::ALL.iter().map(|i| i.file().to_owned()).collect();
        for dir in ["icons/tabler", "icons/fluent-emoji"] {
            assert!(root.join(dir).join("LICENSE").is_file(), "{dir}/LICENSE");
            for e in std::fs::read_dir(root.join(dir)).unwrap() {
                let name = e.unwrap().file_name().into_string().unwrap();
                if name.ends_with(".svg") {
                    assert!(used.contains(&format!("{dir}/{name}")), "{dir}/{name} is shipped but never drawn");
                }
            }
        }
    }
}
