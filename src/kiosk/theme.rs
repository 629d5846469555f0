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
    /// The largest: a municipality's name on its page, the quiz's title, verdict and rank, the call to touch.
    pub const HERO: f32 = 38.0;
    /// A quiz question, the right answer after it, and the project's name in the attract loop.
    pub const DISPLAY: f32 = 30.0;
    /// Titles of screens and overlays, and the headings of the about tabs.
    pub const TITLE: f32 = 24.0;
    /// A program's summary, and the question and explanation on the quiz feedback.
    pub const SUBTITLE: f32 = 20.0;
    /// Section headings, the top bar's title, the idle countdown.
    pub const HEADING: f32 = 16.5;
    /// Ordinary text, and button labels.
    pub const BODY: f32 = 13.0;
    /// Secondary text: chips, notes, small labels.
    pub const SMALL: f32 = 10.5;
    /// Sources, notes and names on the map: the smallest text, still about 9 mm tall.
    pub const CAPTION: f32 = 9.0;
    /// Labels of buttons: the body size.
    pub const BUTTON: f32 = BODY;
    /// Every size of the scale, largest first.
    pub const ALL: [f32; 8] = [HERO, DISPLAY, TITLE, SUBTITLE, HEADING, BODY, SMALL, CAPTION];
}

/// Screen width assumed when booth.toml could not be read (a 43-inch 16:9 screen).
pub const FALLBACK_WIDTH_MM: f32 = 952.0;

/// Colours. Green for the project. Every text colour on its background meets WCAG 2.2 1.4.3 (4.5:1), and
/// every control's edge against what is around it 1.4.11 (3:1); a test checks the pairs the screens use.
pub mod palette {
    use bevy::color::Color;
    /// The page behind every screen, and the veil that fades into a new one.
    pub const BACKGROUND: Color = Color::srgb(0.957, 0.973, 0.949);
    /// Cards and panels: white.
    pub const SURFACE: Color = Color::srgb(1.0, 1.0, 1.0);
    /// Text on the page, on cards and on light buttons.
    pub const TEXT: Color = Color::srgb(0.106, 0.157, 0.125);
    /// Notes and secondary text.
    pub const TEXT_MUTED: Color = Color::srgb(0.290, 0.345, 0.310);
    /// White, for text and icons on dark fills: primary buttons, the top bar, errors.
    pub const ON_PRIMARY: Color = Color::srgb(1.0, 1.0, 1.0);
    /// The project's green: primary buttons, headings, the right answer.
    pub const PRIMARY: Color = Color::srgb(0.114, 0.447, 0.259);
    /// A primary button while pressed; also behind the attract loop's call to action.
    pub const PRIMARY_PRESSED: Color = Color::srgb(0.067, 0.306, 0.173);
    /// Light green: secondary buttons and chips.
    pub const SECONDARY: Color = Color::srgb(0.882, 0.937, 0.894);
    /// A secondary button or a tappable card while pressed.
    pub const SECONDARY_PRESSED: Color = Color::srgb(0.749, 0.851, 0.773);
    /// Orange highlights: the selected municipality, the featured one and its banner, a wrong answer.
    pub const ACCENT: Color = Color::srgb(0.945, 0.612, 0.137);
    /// The accent as a mark on the page (the quiz's ×): 3:1 against the page, which ACCENT is not.
    pub const ACCENT_DARK: Color = Color::srgb(0.70, 0.36, 0.0);
    /// Dark green of the top bar and of the attract loop's title band.
    pub const TOP_BAR: Color = Color::srgb(0.082, 0.341, 0.196);
    /// The thin edge of cards.
    pub const BORDER: Color = Color::srgb(0.780, 0.847, 0.800);
    /// The edge of a light button or a card to tap (3:1 against the page and the card).
    pub const CONTROL_EDGE: Color = Color::srgb(0.40, 0.58, 0.47);
    /// The edge of a button on the dark top bar.
    pub const CONTROL_EDGE_ON_DARK: Color = Color::srgb(0.60, 0.80, 0.67);
    /// The dark veil behind the "Still there?" card.
    pub const OVERLAY: Color = Color::srgba(0.02, 0.08, 0.04, 0.78);
    /// Red for errors: the config error page, PIN messages, failing health checks.
    pub const ERROR: Color = Color::srgb(0.690, 0.110, 0.110);
    /// Region colours (colour-blind safe: Okabe–Ito blue, vermillion-free orange, bluish green).
    pub const REGION_SPECIAL_WARDS: Color = Color::srgb(0.0, 0.447, 0.698);
    /// The Tama area on the map.
    pub const REGION_TAMA: Color = Color::srgb(0.0, 0.64, 0.47);
    /// The islands on the map.
    pub const REGION_ISLANDS: Color = Color::srgb(0.8, 0.475, 0.655);
}

/// The high-contrast palette (#16): the same screens with every text at least 7 : 1 (WCAG 2.2 1.4.6) on a
/// white page, black text and edges, a darker green and red. Each function maps a colour of [`palette`] in
/// one role to its high-contrast counterpart and leaves every other colour, its own results included, as it
/// is, so it can be applied again to a colour that already changed.
pub mod high_contrast {
    use super::palette as p;
    use bevy::color::Color;

    /// Black.
    pub const INK: Color = Color::srgb(0.0, 0.0, 0.0);
    /// White.
    pub const PAPER: Color = Color::srgb(1.0, 1.0, 1.0);
    /// The green of primary buttons and headings, darker (white on it, and it on white: 10 : 1).
    pub const PRIMARY: Color = Color::srgb(0.0, 0.30, 0.13);
    /// A primary button while pressed.
    pub const PRIMARY_PRESSED: Color = Color::srgb(0.0, 0.18, 0.08);
    /// Light buttons and chips.
    pub const SECONDARY: Color = Color::srgb(0.91, 0.96, 0.92);
    /// A light button pressed.
    pub const SECONDARY_PRESSED: Color = Color::srgb(0.80, 0.89, 0.82);
    /// Errors.
    pub const ERROR: Color = Color::srgb(0.55, 0.0, 0.0);
    /// The quiz's ×, darker.
    pub const ACCENT_DARK: Color = Color::srgb(0.45, 0.20, 0.0);
    /// The veil behind the "Still there?" card, more opaque.
    pub const OVERLAY: Color = Color::srgba(0.0, 0.0, 0.0, 0.88);

    fn same(a: Color, b: Color) -> bool {
        a.to_srgba() == b.to_srgba()
    }

    fn lookup(c: Color, table: &[(Color, Color)]) -> Color {
        table.iter().find(|(from, _)| same(*from, c)).map_or(c, |(_, to)| *to)
    }

    /// A fill: a page, card, button or band.
    pub fn fill(c: Color) -> Color {
        lookup(
            c,
            &[
                (p::BACKGROUND, PAPER),
                (p::SECONDARY, SECONDARY),
                (p::SECONDARY_PRESSED, SECONDARY_PRESSED),
                (p::PRIMARY, PRIMARY),
                (p::PRIMARY_PRESSED, PRIMARY_PRESSED),
                (p::TOP_BAR, INK),
                (p::ERROR, ERROR),
                (p::OVERLAY, OVERLAY),
            ],
        )
    }

    /// A text or icon colour.
    pub fn text(c: Color) -> Color {
        lookup(
            c,
            &[
                (p::TEXT, INK),
                (p::TEXT_MUTED, INK),
                (p::PRIMARY, PRIMARY),
                (p::SECONDARY, PAPER),
                (p::ERROR, ERROR),
                (p::ACCENT_DARK, ACCENT_DARK),
            ],
        )
    }

    /// The edge of a card or control.
    pub fn edge(c: Color) -> Color {
        lookup(
            c,
            &[
                (p::BORDER, INK),
                (p::CONTROL_EDGE, INK),
                (p::CONTROL_EDGE_ON_DARK, PAPER),
                (p::PRIMARY, PRIMARY),
                (p::ACCENT_DARK, ACCENT_DARK),
            ],
        )
    }
}

/// The colour of a region on the map and in its legend.
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

/// WCAG relative luminance of a colour.
pub fn relative_luminance(c: Color) -> f32 {
    let l = c.to_linear();
    0.2126 * l.red + 0.7152 * l.green + 0.0722 * l.blue
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color, b: Color) -> f32 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The text colour (dark or white) that reads best on `fill`.
pub fn text_on(fill: Color) -> Color {
    if contrast(palette::ON_PRIMARY, fill) > contrast(palette::TEXT, fill) {
        palette::ON_PRIMARY
    } else {
        palette::TEXT
    }
}

#[cfg(test)]
mod tests {
    use super::palette::*;
    use super::*;

    #[test]
    fn text_and_controls_meet_wcag_contrast() {
        // (text, background, where): 1.4.3, 4.5:1.
        let text = [
            (TEXT, BACKGROUND, "body text on the page"),
            (TEXT, SURFACE, "text on cards"),
            (TEXT, SECONDARY, "light buttons and chips"),
            (TEXT, SECONDARY_PRESSED, "a light button pressed"),
            (TEXT_MUTED, SURFACE, "notes on cards"),
            (TEXT_MUTED, BACKGROUND, "notes on the page"),
            (PRIMARY, SURFACE, "headings on cards"),
            (PRIMARY, BACKGROUND, "headings on the page"),
            (ON_PRIMARY, PRIMARY, "primary buttons, right answer"),
            (ON_PRIMARY, PRIMARY_PRESSED, "a primary button pressed, call to action"),
            (ON_PRIMARY, TOP_BAR, "the top bar"),
            (SECONDARY, TOP_BAR, "names under the attract title"),
            (SECONDARY, PRIMARY_PRESSED, "the privacy note"),
            (TEXT, ACCENT, "featured banner, wrong answer, the demo's hint"),
            (ON_PRIMARY, ERROR, "errors"),
            (TEXT_MUTED, crate::kiosk::map_view::NO_DATA, "no-data note"),
        ];
        for (fg, bg, what) in text {
            let c = contrast(fg, bg);
            assert!(c >= 4.5, "{what}: {c:.2}:1");
        }
        // Names on the map: whichever of dark and white reads best on each fill.
        let fills = [
            REGION_SPECIAL_WARDS,
            REGION_TAMA,
            REGION_ISLANDS,
            ACCENT,
            crate::kiosk::map_view::THEME_LIT,
            crate::kiosk::map_view::THEME_DIM,
        ]
        .into_iter()
        .chain(crate::kiosk::map_view::SEQUENTIAL);
        for fill in fills {
            let c = contrast(text_on(fill), fill);
            assert!(c >= 4.5, "map name on {fill:?}: {c:.2}:1");
        }
        // 1.4.11, 3:1: the edges of controls against what they sit on.
        for (edge, bg, what) in [
            (CONTROL_EDGE, BACKGROUND, "light buttons on the page"),
            (CONTROL_EDGE, SURFACE, "cards to tap, buttons on cards"),
            (CONTROL_EDGE_ON_DARK, TOP_BAR, "buttons on the top bar"),
            (PRIMARY, BACKGROUND, "primary buttons on the page"),
            (PRIMARY, SURFACE, "primary buttons on cards"),
            (PRIMARY, BACKGROUND, "the quiz's big ○"),
            (ACCENT_DARK, BACKGROUND, "the quiz's big ×"),
        ] {
            let c = contrast(edge, bg);
            assert!(c >= 3.0, "{what}: {c:.2}:1");
        }
    }

    #[test]
    fn high_contrast_text_is_at_least_7_to_1_and_applying_it_twice_changes_nothing() {
        use super::high_contrast as hc;
        // The same pairs as the normal palette's, each through the high-contrast palette: 1.4.6, 7:1.
        let text = [
            (TEXT, BACKGROUND),
            (TEXT, SURFACE),
            (TEXT, SECONDARY),
            (TEXT, SECONDARY_PRESSED),
            (TEXT_MUTED, SURFACE),
            (TEXT_MUTED, BACKGROUND),
            (PRIMARY, SURFACE),
            (PRIMARY, BACKGROUND),
            (ON_PRIMARY, PRIMARY),
            (ON_PRIMARY, PRIMARY_PRESSED),
            (ON_PRIMARY, TOP_BAR),
            (SECONDARY, TOP_BAR),
            (SECONDARY, PRIMARY_PRESSED),
            (TEXT, ACCENT),
            (ON_PRIMARY, ERROR),
        ];
        for (fg, bg) in text {
            let (f, b) = (hc::text(fg), hc::fill(bg));
            let c = contrast(f, b);
            assert!(c >= 7.0, "{fg:?} on {bg:?} → {f:?} on {b:?}: {c:.2}:1");
        }
        for (edge, bg) in [(CONTROL_EDGE, SURFACE), (CONTROL_EDGE_ON_DARK, TOP_BAR), (BORDER, SURFACE)] {
            assert!(contrast(hc::edge(edge), hc::fill(bg)) >= 4.5, "{edge:?} on {bg:?}");
        }
        for c in [TEXT, TEXT_MUTED, PRIMARY, SECONDARY, TOP_BAR, BACKGROUND, BORDER, ACCENT, ERROR, OVERLAY] {
            assert_eq!(hc::fill(hc::fill(c)), hc::fill(c));
            assert_eq!(hc::text(hc::text(c)), hc::text(c));
            assert_eq!(hc::edge(hc::edge(c)), hc::edge(c));
        }
        // The map's own colours are not the palette's: left alone.
        assert_eq!(hc::fill(REGION_TAMA), REGION_TAMA);
    }

    #[test]
    fn contrast_is_the_wcag_ratio() {
        assert!((contrast(Color::WHITE, Color::BLACK) - 21.0).abs() < 0.01);
        assert!((contrast(Color::WHITE, Color::WHITE) - 1.0).abs() < 1e-6);
        assert_eq!(text_on(Color::BLACK), ON_PRIMARY);
        assert_eq!(text_on(Color::WHITE), TEXT);
    }
}
