//! Icons on screen: a node marked [`IconImage`] gets its picture, rasterised by [`crate::icons`] at the
//! size it is drawn on this screen (mm × pixels per mm), once per icon, size and colour.

use bevy::asset::RenderAssetUsages;
use bevy::picking::Pickable;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
use bevy::window::PrimaryWindow;
use std::collections::HashMap;

use crate::content::Theme;
pub use crate::icons::Icon;

/// A square icon `size_mm` wide, drawn in `tint` (line icons) or its own colours (pictures).
#[derive(Component, Clone, Copy, Debug, PartialEq)]
pub struct IconImage {
    /// Which icon to draw.
    pub icon: Icon,
    /// Side of the square, in mm on the booth screen.
    pub size_mm: f32,
    /// Colour of a line icon; pictures ignore it.
    pub tint: Color,
}

/// An icon node. Never catches taps.
pub fn icon(icon: Icon, size_mm: f32, tint: Color) -> impl Bundle {
    (
        Node { width: px(size_mm), height: px(size_mm), flex_shrink: 0.0, ..default() },
        IconImage { icon, size_mm, tint },
        Pickable::IGNORE,
    )
}

/// The icon of a program theme.
pub fn theme_icon(theme: Theme) -> Icon {
    match theme {
        Theme::Energy => Icon::Energy,
        Theme::Greenery => Icon::Greenery,
        Theme::Waste => Icon::Waste,
        Theme::Water => Icon::Water,
        Theme::Biodiversity => Icon::Biodiversity,
        Theme::Declaration => Icon::Declaration,
        Theme::Learning => Icon::Learning,
        Theme::Mobility => Icon::Mobility,
    }
}

type Key = (Icon, u32, [u8; 3]);

/// Rasterised icons, kept for the app's lifetime (a few dozen small textures).
#[derive(Resource, Default)]
pub struct IconTextures(HashMap<Key, Handle<Image>>);

impl IconTextures {
    /// How many textures have been rasterised (one per icon, pixel size and colour).
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// True while no icon has been rasterised yet.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<IconTextures>().add_systems(PostUpdate, draw_icons.before(bevy::ui::UiSystems::Prepare));
}

fn draw_icons(
    mut commands: Commands,
    new: Query<(Entity, &IconImage), Without<ImageNode>>,
    window: Single<&Window, With<PrimaryWindow>>,
    scale: Res<UiScale>,
    mut textures: ResMut<IconTextures>,
    mut images: ResMut<Assets<Image>>,
) {
    let px_per_mm = scale.0 * window.scale_factor();
    for (entity, icon) in &new {
        let size = (icon.size_mm * px_per_mm).ceil().clamp(1.0, crate::icons::MAX_PX as f32) as u32;
        let tint = match icon.icon.kind() {
            crate::icons::Kind::Line => icon.tint.to_srgba().to_u8_array_no_alpha(),
            crate::icons::Kind::Picture => [0; 3],
        };
        let key = (icon.icon, size, tint);
        let handle = match textures.0.get(&key) {
            Some(h) => h.clone(),
            None => match crate::icons::rasterise(icon.icon, size, tint) {
                Ok(raster) => {
                    let image = Image::new(
                        Extent3d { width: size, height: size, depth_or_array_layers: 1 },
                        TextureDimension::D2,
                        raster.rgba,
                        TextureFormat::Rgba8UnormSrgb,
                        RenderAssetUsages::RENDER_WORLD,
                    );
                    let h = images.add(image);
                    textures.0.insert(key, h.clone());
                    h
                }
                Err(e) => {
                    // Embedded files, checked by a unit test; still, a broken icon must not stop a screen.
                    error!("{e}");
                    commands.entity(entity).insert(ImageNode::default());
                    continue;
                }
            },
        };
        commands.entity(entity).insert(ImageNode::new(handle));
    }
}
