//! The shipped fonts: BIZ UDPGothic for Japanese and English, Noto Sans CJK SC and KR for Simplified
//! Chinese and Korean, so each language shows its own glyph shapes. Also fills Parley's fallback table so
//! CJK text never falls back to the built-in Latin-only font.

use bevy::prelude::*;
use bevy::text::FontCx;
use parley::fontique::{FallbackKey, Script};

use crate::i18n::Lang;

/// A font face shipped in `assets/fonts/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Face {
    pub family: &'static str,
    pub regular: &'static str,
    pub bold: &'static str,
}

pub const JAPANESE: Face =
    Face { family: "BIZ UDPGothic", regular: "fonts/BIZUDPGothic-Regular.ttf", bold: "fonts/BIZUDPGothic-Bold.ttf" };
pub const SIMPLIFIED_CHINESE: Face =
    Face { family: "Noto Sans CJK SC", regular: "fonts/NotoSansCJKsc-Regular.otf", bold: "fonts/NotoSansCJKsc-Bold.otf" };
pub const KOREAN: Face =
    Face { family: "Noto Sans CJK KR", regular: "fonts/NotoSansCJKkr-Regular.otf", bold: "fonts/NotoSansCJKkr-Bold.otf" };

/// The face that text in `lang` is set in.
pub fn face_for(lang: Lang) -> Face {
    match lang {
        Lang::Ja | Lang::En => JAPANESE,
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
        .add_systems(PreStartup, load_fonts)
        .add_systems(Update, (wait_for_fonts, super::leave_loading).chain().run_if(in_state(super::Screen::Loading)));
}

fn load_fonts(mut commands: Commands, assets: Res<AssetServer>) {
    let handles = [JAPANESE, SIMPLIFIED_CHINESE, KOREAN]
        .into_iter()
        .map(|f| (f, assets.load::<Font>(f.regular), assets.load::<Font>(f.bold)))
        .collect();
    commands.insert_resource(Fonts { handles });
}

fn wait_for_fonts(
    fonts: Res<Fonts>,
    assets: Res<AssetServer>,
    mut cx: ResMut<FontCx>,
    mut ready: ResMut<FontsReady>,
) {
    if ready.0 {
        return;
    }
    let all_loaded =
        fonts.handles.iter().all(|(_, r, b)| assets.is_loaded_with_dependencies(r) && assets.is_loaded_with_dependencies(b));
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
