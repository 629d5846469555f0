//! Colours and sizes. Every size is in millimetres on the physical screen: `UiScale` is set to the
//! screen's pixels per millimetre (from booth.toml), so `Val::Px(20.0)` is 20 mm wide on the booth screen.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::Content;

/// The smallest touch target, in mm (product rule: ≥ 20 mm).
pub const TARGET_MIN_MM: f32 = 20.0;
/// Height of ordinary buttons.
pub const BUTTON_HEIGHT_MM: f32 = 28.0;
/// Height of the top bar.
pub const TOP_BAR_MM: f32 = 38.0;
/// Outer margin of every screen.
pub const MARGIN_MM: f32 = 16.0;
/// Gap between cards and between buttons.
pub const GAP_MM: f32 = 6.0;
/// Rounded corners.
pub const RADIUS_MM: f32 = 5.0;

/// The type scale: every text on screen has one of these sizes (height of the em box, in mm on the
/// booth screen). Eight sizes, so also at most eight glyph atlases per face.
pub mod text_size {
    pub const HERO: f32 = 38.0;
    pub const DISPLAY: f32 = 30.0;
    pub const TITLE: f32 = 24.0;
    pub const SUBTITLE: f32 = 20.0;
    pub const HEADING: f32 = 16.5;
    pub const BODY: f32 = 13.0;
    pub const SMALL: f32 = 10.5;
    /// Sources, notes and names on the map: the smallest text, still about 9 mm tall.
    pub const CAPTION: f32 = 9.0;
    pub const BUTTON: f32 = BODY;
    /// Every size of the scale, largest first.
    pub const ALL: [f32; 8] = [HERO, DISPLAY, TITLE, SUBTITLE, HEADING, BODY, SMALL, CAPTION];
}

/// Screen width assumed when booth.toml could not be read (a 43-inch 16:9 screen).
pub const FALLBACK_WIDTH_MM: f32 = 952.0;

/// Colours. Green for the project, with contrast ≥ 4.5:1 for text on its background.
pub mod palette {
    use bevy::color::Color;
    pub const BACKGROUND: Color = Color::srgb(0.957, 0.973, 0.949);
    pub const SURFACE: Color = Color::srgb(1.0, 1.0, 1.0);
    pub const TEXT: Color = Color::srgb(0.106, 0.157, 0.125);
    pub const TEXT_MUTED: Color = Color::srgb(0.290, 0.345, 0.310);
    pub const ON_PRIMARY: Color = Color::srgb(1.0, 1.0, 1.0);
    pub const PRIMARY: Color = Color::srgb(0.114, 0.447, 0.259);
    pub const PRIMARY_PRESSED: Color = Color::srgb(0.067, 0.306, 0.173);
    pub const SECONDARY: Color = Color::srgb(0.882, 0.937, 0.894);
    pub const SECONDARY_PRESSED: Color = Color::srgb(0.749, 0.851, 0.773);
    pub const ACCENT: Color = Color::srgb(0.945, 0.612, 0.137);
    pub const TOP_BAR: Color = Color::srgb(0.082, 0.341, 0.196);
    pub const BORDER: Color = Color::srgb(0.780, 0.847, 0.800);
    pub const OVERLAY: Color = Color::srgba(0.02, 0.08, 0.04, 0.78);
    pub const ERROR: Color = Color::srgb(0.690, 0.110, 0.110);
    /// Region colours (colour-blind safe: Okabe–Ito blue, vermillion-free orange, bluish green).
    pub const REGION_SPECIAL_WARDS: Color = Color::srgb(0.0, 0.447, 0.698);
    pub const REGION_TAMA: Color = Color::srgb(0.0, 0.62, 0.451);
    pub const REGION_ISLANDS: Color = Color::srgb(0.8, 0.475, 0.655);
}

pub fn region_color(region: crate::content::Region) -> Color {
    use crate::content::Region;
    match region {
        Region::SpecialWards => palette::REGION_SPECIAL_WARDS,
        Region::Tama => palette::REGION_TAMA,
        Region::Islands => palette::REGION_ISLANDS,
    }
}

/// Logical pixels per millimetre for a window `width_px` wide showing a picture `width_mm` wide.
pub fn px_per_mm(width_px: f32, width_mm: f32) -> f32 {
    width_px / width_mm
}

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(palette::BACKGROUND)).add_systems(PreUpdate, scale_ui_to_millimetres);
}

fn scale_ui_to_millimetres(
    window: Single<&Window, With<PrimaryWindow>>,
    content: Option<Res<Content>>,
    mut scale: ResMut<UiScale>,
) {
    let width_mm = content.map_or(FALLBACK_WIDTH_MM, |c| c.0.settings.screen.width_mm);
    let s = px_per_mm(window.width(), width_mm);
    if s.is_finite() && s > 0.0 && (scale.0 - s).abs() > f32::EPSILON {
        scale.0 = s;
    }
}
