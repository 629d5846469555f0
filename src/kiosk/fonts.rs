//! The shipped fonts: BIZ UDPGothic for Japanese and English, Noto Sans CJK SC and KR for Simplified
//! Chinese and Korean, so each language shows its own glyph shapes. Also fills Parley's fallback table so
//! CJK text never falls back to the built-in Latin-only font.

use bevy::prelude::*;
use bevy::text::{FontCx, FontHinting};
use parley::fontique::{FallbackKey, Script};

use crate::lang::Lang;

/// A font face shipped in `assets/fonts/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Face {
    /// Family name inside the font file, used to find the face in Parley's font collection.
    pub family: &'static str,
    /// Asset path of the regular weight, relative to `assets/`.
    pub regular: &'static str,
    /// Asset path of the bold weight, relative to `assets/`.
    pub bold: &'static str,
}

/// BIZ UDPGothic, for Japanese and English text; also the fallback for Han characters and kana in other faces.
pub const JAPANESE: Face =
    Face { family: "BIZ UDPGothic", regular: "fonts/BIZUDPGothic-Regular.ttf", bold: "fonts/BIZUDPGothic-Bold.ttf" };
/// Noto Sans CJK SC, for Simplified Chinese text.
pub const SIMPLIFIED_CHINESE: Face = Face {
    family: "Noto Sans CJK SC",
    regular: "fonts/NotoSansCJKsc-Regular.otf",
    bold: "fonts/NotoSansCJKsc-Bold.otf",
};
/// Noto Sans CJK KR, for Korean text; also the fallback for Hangul in other faces.
pub const KOREAN: Face = Face {
    family: "Noto Sans CJK KR",
    regular: "fonts/NotoSansCJKkr-Regular.otf",
    bold: "fonts/NotoSansCJKkr-Bold.otf",
};

/// The face that text in `lang` is set in.
pub fn face_for(lang: Lang) -> Face {
    match lang {
        Lang::Ja | Lang::En | Lang::JaEasy => JAPANESE,
        Lang::ZhHans => SIMPLIFIED_CHINESE,
        Lang::Ko => KOREAN,
    }
}

/// Loaded font handles. Kept for the app's lifetime so the fonts stay registered.
#[derive(Resource, Clone)]
pub struct Fonts {
    handles: Vec<(Face, Handle<Font>, Handle<Font>)>,
}

impl Fonts {
    /// The regular or bold handle of the face text in `lang` is set in (see [`face_for`]).
    pub fn get(&self, lang: Lang, bold: bool) -> Handle<Font> {
        let face = face_for(lang);
        let (_, regular, bold_handle) = self.handles.iter().find(|(f, _, _)| *f == face).expect("every face is loaded");
        if bold { bold_handle.clone() } else { regular.clone() }
    }
}

/// True once every font has loaded and the fallback table is set.
#[derive(Resource, Default)]
pub struct FontsReady(pub bool);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FontsReady>()
        .add_observer(unhinted)
        .add_systems(PreStartup, load_fonts)
        .add_systems(Update, (wait_for_fonts, super::leave_loading).chain().run_if(in_state(super::Screen::Loading)));
}

/// Bevy 0.19 hints UI text by default (`FontHinting::Enabled`), and swash's TrueType hinter pulls BIZ
/// UDPGothic's descenders up by two pixels or more at body sizes: g, j, p, q and y looked cut off at the
/// baseline. Unhinted outlines keep their whole shape (the booth screen's pixels are small enough).
fn unhinted(add: On<Add, Text>, mut commands: Commands) {
    commands.entity(add.entity).insert(FontHinting::Disabled);
}

fn load_fonts(mut commands: Commands, assets: Res<AssetServer>) {
    let handles = [JAPANESE, SIMPLIFIED_CHINESE, KOREAN]
        .into_iter()
        .map(|f| (f, assets.load::<Font>(f.regular), assets.load::<Font>(f.bold)))
        .collect();
    commands.insert_resource(Fonts { handles });
}

fn wait_for_fonts(fonts: Res<Fonts>, assets: Res<AssetServer>, mut cx: ResMut<FontCx>, mut ready: ResMut<FontsReady>) {
    if ready.0 {
        return;
    }
    let all_loaded = fonts
        .handles
        .iter()
        .all(|(_, r, b)| assets.is_loaded_with_dependencies(r) && assets.is_loaded_with_dependencies(b));
    if !all_loaded {
        for (face, r, _) in &fonts.handles {
            if let Some(bevy::asset::LoadState::Failed(e)) = assets.get_load_state(r) {
                error!("font {} failed to load: {e}", face.regular);
            }
        }
        return;
    }
    let collection = &mut cx.context.collection;
    let (Some(jp), Some(kr)) = (collection.family_id(JAPANESE.family), collection.family_id(KOREAN.family)) else {
        return; // registered on a later frame
    };
    for (script, family) in [(*b"Hani", jp), (*b"Hira", jp), (*b"Kana", jp), (*b"Hang", kr)] {
        collection.set_fallbacks(FallbackKey::new(Script::from_bytes(script), None), std::iter::once(family));
    }
    ready.0 = true;
}

#[cfg(test)]
mod tests {
    //! No tofu: every character the kiosk can show in a language is in the face used for it.
    use super::*;
    use crate::booth::Booth;
    use std::collections::BTreeSet;
    use std::path::Path;

    const ROOT: &str = env!("CARGO_MANIFEST_DIR");

    fn shipped() -> Booth {
        crate::booth::load(&Path::new(ROOT).join("booth_config"), &Path::new(ROOT).join("locales")).unwrap()
    }

    /// Characters of the locale files of `lang` (message values only, not comments).
    fn ftl_chars(lang: Lang) -> BTreeSet<char> {
        let dir = Path::new(ROOT).join("locales").join(lang.code());
        let mut out = BTreeSet::new();
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            // The report's labels are read in Excel or a browser, never drawn by the kiosk.
            if path.file_name().is_some_and(|n| n == "report.ftl") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
                out.extend(line.chars());
            }
        }
        out
    }

    fn missing(face_file: &str, chars: &BTreeSet<char>) -> Vec<char> {
        let data = std::fs::read(Path::new(ROOT).join("assets").join(face_file)).unwrap();
        let face = ttf_parser::Face::parse(&data, 0).unwrap();
        chars.iter().copied().filter(|c| !c.is_control() && face.glyph_index(*c).is_none()).collect()
    }

    #[test]
    fn every_face_covers_what_it_shows() {
        let booth = shipped();
        // Names of municipalities appear on every screen, whatever the language.
        let mut names = BTreeSet::new();
        for m in &booth.municipalities.list {
            names
                .extend(m.name_ja.chars().chain(m.name_kana.chars()).chain(m.name_en.chars()).chain(m.website.chars()));
            names.extend(m.district.iter().flat_map(|d| d.chars().collect::<Vec<_>>()));
        }
        // Japanese content appears in every language when a translation is missing, and the staff page.
        let mut ja_content = BTreeSet::new();
        for t in booth.all_texts() {
            ja_content.extend(t.ja.chars());
        }
        for lang in Lang::ALL {
            let mut need: BTreeSet<char> = ftl_chars(lang);
            need.extend(names.iter());
            need.extend(ja_content.iter());
            for t in booth.all_texts() {
                if let Some(s) = t.own(lang) {
                    need.extend(s.chars());
                }
            }
            need.extend(booth.project.project.source.chars());
            need.extend("0123456789,.:/-–・ ".chars());
            if lang == Lang::Ja {
                // The check can see a gap: the Japanese face has no Hangul.
                assert_eq!(missing(face_for(lang).regular, &"한".chars().collect()), vec!['한']);
            }
            let face = face_for(lang);
            for file in [face.regular, face.bold] {
                let gaps = missing(file, &need);
                assert!(
                    gaps.is_empty(),
                    "{file} ({lang}) lacks {} characters: {:?}",
                    gaps.len(),
                    gaps.iter().collect::<String>()
                );
            }
        }
    }

    #[test]
    fn the_faces_are_the_regional_ones() {
        for (lang, family) in
            [(Lang::Ja, "BIZ UDPGothic"), (Lang::ZhHans, "Noto Sans CJK SC"), (Lang::Ko, "Noto Sans CJK KR")]
        {
            let face = face_for(lang);
            let data = std::fs::read(Path::new(ROOT).join("assets").join(face.regular)).unwrap();
            let parsed = ttf_parser::Face::parse(&data, 0).unwrap();
            let names: Vec<String> = parsed
                .names()
                .into_iter()
                .filter(|n| n.name_id == ttf_parser::name_id::FAMILY)
                .filter_map(|n| n.to_string())
                .collect();
            assert!(names.iter().any(|n| n == family), "{} family names {names:?}", face.regular);
            assert_eq!(face.family, family);
        }
    }
}
