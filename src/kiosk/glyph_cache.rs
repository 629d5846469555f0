//! Keeps Bevy's glyph atlases within a memory budget. Bevy rasterises every glyph once per font and size
//! into atlas textures (at least 512 × 512 RGBA, 1 MiB, each) and never frees them, so over a 3-day
//! booth, as visitors open more municipalities in more languages, the atlases would keep growing. When the
//! kiosk is back in the attract loop and the atlases are over budget, they are dropped and the text on
//! screen is laid out again, which rasterises only the glyphs the attract loop shows.

use bevy::prelude::*;
use bevy::text::FontAtlasSet;

use super::Screen;

/// Bytes of glyph atlas images allowed before they are dropped on the next return to the attract loop.
#[derive(Resource, Clone, Copy, Debug)]
pub struct GlyphAtlasBudget {
    /// The budget, in bytes (64 MiB by default).
    pub bytes: u64,
}

impl Default for GlyphAtlasBudget {
    fn default() -> Self {
        GlyphAtlasBudget { bytes: 64 << 20 }
    }
}

/// How often the atlases were dropped in this run (shown by the monkey).
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct GlyphAtlasTrims(pub u64);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<GlyphAtlasBudget>()
        .init_resource::<GlyphAtlasTrims>()
        .add_systems(OnEnter(Screen::Attract), trim_over_budget);
}

fn trim_over_budget(
    budget: Res<GlyphAtlasBudget>,
    mut atlases: ResMut<FontAtlasSet>,
    images: Res<Assets<Image>>,
    mut trims: ResMut<GlyphAtlasTrims>,
    mut text: Query<&mut TextFont>,
) {
    if atlases.total_bytes(&images) <= budget.bytes {
        return;
    }
    // Dropping the atlases drops their image handles; the images go with them.
    atlases.clear();
    trims.0 += 1;
    // Text whose layout pointed into the old atlases is laid out (and its glyphs rasterised) again.
    for mut font in &mut text {
        font.set_changed();
    }
}
