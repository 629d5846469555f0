//! Meshes, colours, labels and borders of the map.

use bevy::asset::RenderAssetUsages;
use bevy::image::{ImageAddressMode, ImageSampler, ImageSamplerDescriptor};
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::picking::Pickable;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
use bevy::sprite_render::{AlphaMode2d, ColorMaterial};
use bevy::text::TextLayoutInfo;

use super::{Choropleth, MapLayers, MapLayout, Morph};
use crate::booth::Booth;
use crate::geo::{LabelBox, MapGeometry, Polygon, choropleth, place_labels, tessellate};
use crate::kiosk::Selection;
use crate::kiosk::motion::ease;
use crate::kiosk::staff::Showcase;
pub use crate::kiosk::theme::text_on;
use crate::kiosk::theme::{palette, region_color};
use crate::kiosk::widgets::UiContext;
use crate::kiosk::{AnimationClock, Content, Screen};
use crate::lang::Lang;

/// Height of map labels, in mm of the screen: the smallest size of the type scale.
pub const LABEL_MM: f32 = crate::kiosk::theme::text_size::CAPTION;
/// A name too long for its tile shrinks, but never below this share of [`LABEL_MM`].
pub const LABEL_MIN_SHARE: f32 = 0.8;
/// The same in the attract loop, where the map is drawn smaller under the invitation.
pub const ATTRACT_LABEL_MIN_SHARE: f32 = 0.55;

/// One municipality's shape in one layout.
#[derive(Component, Clone, Copy, Debug)]
pub struct AreaShape {
    /// The municipality's position in the booth's list (the same in both layouts).
    pub index: usize,
    /// The layout this shape belongs to; both are drawn, and the morph fades one into the other.
    pub layout: MapLayout,
}

/// A municipality's name on the map.
#[derive(Component, Clone, Copy, Debug)]
pub struct AreaLabel {
    /// The municipality's position in the booth's list.
    pub index: usize,
}

/// A grey outline of a neighbouring prefecture (official layout only).
#[derive(Component)]
struct ContextShape;

/// The distance note of an inset frame.
#[derive(Component)]
struct InsetNote;

/// Colours of each municipality for the current choropleth (`None` = no data).
#[derive(Resource, Default, Clone)]
pub struct AreaColours {
    /// The choropleth the colours were computed for; `None` before the first.
    pub mode: Option<Choropleth>,
    /// Fill of each municipality, in the order of the booth's list; `None` is drawn hatched as no data.
    pub fills: Vec<Option<Color>>,
    /// For the legend: (colour, smallest, largest) of each class.
    pub classes: Vec<(Color, f64, f64)>,
}

/// Five steps of viridis (readable with every common colour-vision deficiency); the middle one a little
/// darker, so white names on it keep 4.5:1.
pub const SEQUENTIAL: [Color; 5] = [
    Color::srgb(0.992, 0.906, 0.145),
    Color::srgb(0.369, 0.788, 0.384),
    Color::srgb(0.110, 0.490, 0.478),
    Color::srgb(0.231, 0.322, 0.545),
    Color::srgb(0.267, 0.004, 0.329),
];
/// Fill of a municipality without a value (hatched on the map), and the legend's no-data swatch.
pub const NO_DATA: Color = Color::srgb(0.86, 0.87, 0.86);
/// A municipality with a program on the chosen theme (dark, white names) and one without (pale).
pub const THEME_LIT: Color = Color::srgb(0.114, 0.447, 0.259);
/// Fill of a municipality without a program of its own on the chosen theme.
pub const THEME_DIM: Color = Color::srgb(0.93, 0.94, 0.93);

/// Whether a municipality has a program of its own on `theme`.
pub fn has_theme(booth: &crate::booth::Booth, code: &str, theme: crate::content::Theme) -> bool {
    booth.own_programs_of(code).iter().any(|p| p.theme == Some(theme))
}
const SEA: Color = Color::srgb(0.86, 0.92, 0.95);
/// The sea around the map (also under the small locator map of a municipality's page).
pub const SEA_COLOUR: Color = SEA;
const CONTEXT: Color = Color::srgb(0.80, 0.82, 0.80);

#[derive(Resource)]
struct Hatch(Handle<Image>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<AreaColours>()
        .add_systems(Startup, make_hatch)
        .add_systems(
            Update,
            (update_colours, paint, place_area_labels, draw_borders).chain().run_if(super::map_on_screen),
        )
        .add_systems(OnEnter(Screen::Map), sea_colour)
        .add_systems(OnEnter(Screen::Attract), sea_colour)
        .add_systems(OnExit(Screen::Map), land_colour)
        .add_systems(OnExit(Screen::Attract), land_colour);
}

fn sea_colour(mut clear: ResMut<ClearColor>) {
    clear.0 = SEA;
}

fn land_colour(mut clear: ResMut<ClearColor>) {
    clear.0 = palette::BACKGROUND;
}

/// Diagonal stripes for "no data".
fn make_hatch(mut commands: Commands, mut images: ResMut<Assets<Image>>) {
    let n = 16u32;
    let mut px = vec![0u8; (n * n * 4) as usize];
    for y in 0..n {
        for x in 0..n {
            let o = ((y * n + x) * 4) as usize;
            let stripe = (x + y) % 8 < 2;
            let v = if stripe { 150 } else { 255 };
            px[o..o + 4].copy_from_slice(&[v, v, v, 255]);
        }
    }
    let mut img = Image::new(
        Extent3d { width: n, height: n, depth_or_array_layers: 1 },
        TextureDimension::D2,
        px,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    );
    img.sampler = ImageSampler::Descriptor(ImageSamplerDescriptor {
        address_mode_u: ImageAddressMode::Repeat,
        address_mode_v: ImageAddressMode::Repeat,
        ..ImageSamplerDescriptor::linear()
    });
    commands.insert_resource(Hatch(images.add(img)));
}

fn mesh_of(polygons: &[Polygon], uv_per_unit: f32) -> Mesh {
    let t = tessellate(polygons);
    let pos: Vec<[f32; 3]> = t.vertices.iter().map(|p| [p[0] as f32, p[1] as f32, 0.0]).collect();
    let uv: Vec<[f32; 2]> =
        t.vertices.iter().map(|p| [p[0] as f32 * uv_per_unit, -p[1] as f32 * uv_per_unit]).collect();
    let n = pos.len();
    Mesh::new(PrimitiveTopology::TriangleList, RenderAssetUsages::MAIN_WORLD | RenderAssetUsages::RENDER_WORLD)
        .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, pos)
        .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, vec![[0.0, 0.0, 1.0]; n])
        .with_inserted_attribute(Mesh::ATTRIBUTE_UV_0, uv)
        .with_inserted_indices(Indices::U32(t.indices))
}

/// The name shown on the map in `lang`, and the language it is written in.
pub fn map_name(booth: &Booth, index: usize, lang: Lang) -> (String, Lang) {
    // On the map, "Shinjuku" rather than "Shinjuku City": the card gives the full name.
    let (name, written_in) = booth.municipalities.list[index].short_name(lang);
    if written_in == Lang::En { (two_line_romaji(&name), written_in) } else { (name, written_in) }
}

/// Prefixes after which a long romanised name breaks onto a second line ("Higashi-/murayama").
pub const ROMAJI_PREFIXES: [&str; 3] = ["Higashi", "Musashi", "Nishi"];

/// A romanised name of more than 10 letters breaks after its direction or old-province prefix (the rule
/// for long English names on the map, so they stay legible instead of shrinking).
pub fn two_line_romaji(name: &str) -> String {
    if name.chars().count() <= 10 {
        return name.to_owned();
    }
    match ROMAJI_PREFIXES.iter().find(|p| name.starts_with(*p) && name.len() > p.len() + 3) {
        Some(p) => format!("{p}-\n{}", &name[p.len()..]),
        None => name.to_owned(),
    }
}

pub(super) fn spawn(
    mut commands: Commands,
    state: Res<State<Screen>>,
    layers: Option<Res<MapLayers>>,
    ui: UiContext,
    scale: Res<UiScale>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    let (Some(layers), Some(content)) = (layers, ui.content.as_ref()) else { return };
    let booth = content.0.clone();
    // Everything of the map belongs to the screen showing it (the hub or the attract loop).
    let screen = *state.get();
    let mut spawn_layer = |geometry: &MapGeometry, layout: MapLayout, z: f32, uv: f32| {
        for (index, area) in geometry.areas.iter().enumerate() {
            let material = materials.add(ColorMaterial { color: NO_DATA, alpha_mode: AlphaMode2d::Blend, ..default() });
            commands.spawn((
                AreaShape { index, layout },
                Mesh2d(meshes.add(mesh_of(&area.polygons, uv))),
                MeshMaterial2d(material),
                Transform::from_xyz(0.0, 0.0, z),
                DespawnOnExit(screen),
                Pickable::IGNORE,
            ));
        }
    };
    spawn_layer(&layers.tiles, MapLayout::Tiles, 0.0, 3.0);
    if let Some(official) = &layers.official {
        spawn_layer(official, MapLayout::Official, 0.1, 0.6);
        let context = materials.add(ColorMaterial { color: CONTEXT, alpha_mode: AlphaMode2d::Blend, ..default() });
        for p in &official.context {
            commands.spawn((
                ContextShape,
                Mesh2d(meshes.add(mesh_of(std::slice::from_ref(p), 1.0))),
                MeshMaterial2d(context.clone()),
                Transform::from_xyz(0.0, 0.0, -0.5),
                DespawnOnExit(screen),
                Pickable::IGNORE,
            ));
        }
        let sea = materials.add(ColorMaterial { color: SEA, alpha_mode: AlphaMode2d::Blend, ..default() });
        for inset in &official.insets {
            let (a, b) = inset.frame;
            let frame = Polygon { outer: vec![a, [b[0], a[1]], b, [a[0], b[1]]], holes: Vec::new() };
            commands.spawn((
                ContextShape,
                Mesh2d(meshes.add(mesh_of(std::slice::from_ref(&frame), 1.0))),
                MeshMaterial2d(sea.clone()),
                Transform::from_xyz(0.0, 0.0, -0.2),
                DespawnOnExit(screen),
                Pickable::IGNORE,
            ));
            let text = ui.t_args(
                "map-inset-distance",
                &[("km", crate::i18n::format_integer(u64::from(inset.distance_km)).into())],
            );
            commands.spawn((
                InsetNote,
                Text2d::new(text),
                TextFont { font: ui.font(false).into(), font_size: FontSize::Px(LABEL_MM * scale.0), ..default() },
                TextColor(palette::TEXT_MUTED),
                bevy::sprite::Anchor::TOP_LEFT,
                // Under the frame's lower-left corner.
                Transform::from_xyz(inset.frame.0[0] as f32, inset.frame.0[1] as f32, 2.0),
                DespawnOnExit(screen),
                Pickable::IGNORE,
            ));
        }
    }
    for index in 0..layers.tiles.areas.len() {
        let (name, lang) = map_name(&booth, index, ui.lang());
        commands.spawn((
            AreaLabel { index },
            Text2d::new(name),
            TextFont { font: ui.font_in(lang, true).into(), font_size: FontSize::Px(LABEL_MM * scale.0), ..default() },
            TextColor(palette::TEXT),
            Transform::from_xyz(0.0, 0.0, 3.0),
            DespawnOnExit(screen),
            Pickable::IGNORE,
        ));
    }
}

/// Recomputes the colours when the choropleth changes.
fn update_colours(mode: Res<Choropleth>, content: Option<Res<Content>>, mut colours: ResMut<AreaColours>) {
    let Some(content) = content else { return };
    if colours.mode == Some(*mode) && !colours.fills.is_empty() {
        return;
    }
    let booth = &content.0;
    let list = &booth.municipalities.list;
    let values: Vec<Option<f64>> = match *mode {
        Choropleth::Region => {
            colours.fills = list.iter().map(|m| Some(region_color(m.region))).collect();
            colours.classes = Vec::new();
            colours.mode = Some(*mode);
            return;
        }
        // The municipalities with a program of their own on the theme light up (the joint ones are the same
        // everywhere, so they tell nothing apart).
        Choropleth::Theme(theme) => {
            colours.fills = list
                .iter()
                .map(|m| Some(if has_theme(booth, &m.code, theme) { THEME_LIT } else { THEME_DIM }))
                .collect();
            let lit = colours.fills.iter().filter(|f| **f == Some(THEME_LIT)).count() as f64;
            colours.classes =
                vec![(THEME_LIT, lit, lit), (THEME_DIM, list.len() as f64 - lit, list.len() as f64 - lit)];
            colours.mode = Some(*mode);
            return;
        }
        Choropleth::PopulationDensity => list
            .iter()
            .map(|m| match (m.population, m.area_km2) {
                (Some(p), Some(a)) if a.value > 0.0 => Some(f64::from(p.value) / a.value),
                _ => None,
            })
            .collect(),
    };
    let classes = choropleth::classes(&values);
    let ranges = choropleth::class_ranges(&values, &classes);
    colours.fills = classes.iter().map(|c| c.map(|c| SEQUENTIAL[c])).collect();
    colours.classes = ranges.iter().enumerate().filter_map(|(i, r)| r.map(|(a, b)| (SEQUENTIAL[i], a, b))).collect();
    colours.mode = Some(*mode);
}

#[allow(clippy::too_many_arguments)]
fn paint(
    colours: Res<AreaColours>,
    selection: Res<Selection>,
    showcase: Res<Showcase>,
    clock: Res<AnimationClock>,
    morph: Res<Morph>,
    layers: Option<Res<MapLayers>>,
    content: Option<Res<Content>>,
    hatch: Option<Res<Hatch>>,
    mut shapes: Query<(&AreaShape, &MeshMaterial2d<ColorMaterial>, &mut Transform, &mut Visibility)>,
    mut context: Query<&MeshMaterial2d<ColorMaterial>, (With<ContextShape>, Without<AreaShape>)>,
    mut notes: Query<(&mut Visibility, &mut Transform), (With<InsetNote>, Without<AreaShape>)>,
    camera: Single<&Projection, With<Camera2d>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    motion: Res<crate::kiosk::motion::Motion>,
    mut chosen_at: Local<(Option<String>, f32)>,
) {
    let (Some(layers), Some(content)) = (layers, content) else { return };
    let list = &content.0.municipalities.list;
    let t = ease(morph.t.clamp(0.0, 1.0));
    if chosen_at.0 != selection.municipality {
        *chosen_at = (selection.municipality.clone(), clock.seconds);
    }
    let lifted = crate::kiosk::motion::lift(*motion, clock.seconds - chosen_at.1);
    let pulse = 0.5 + 0.5 * (clock.seconds * std::f32::consts::TAU / 2.0).sin();
    for (shape, material, mut transform, mut visibility) in &mut shapes {
        let Some(m) = list.get(shape.index) else { continue };
        let selected = selection.municipality.as_deref() == Some(m.code.as_str());
        let featured = showcase.current.as_deref() == Some(m.code.as_str());
        let base = colours.fills.get(shape.index).copied().flatten();
        let mut fill = base.unwrap_or(NO_DATA);
        if featured {
            fill = fill.mix(&palette::ACCENT, 0.25 + 0.45 * pulse);
        }
        if selected {
            fill = palette::ACCENT;
        }
        let alpha = match (shape.layout, layers.official.is_some()) {
            (MapLayout::Tiles, true) => 1.0 - t,
            (MapLayout::Official, _) => t,
            (MapLayout::Tiles, false) => 1.0,
        };
        *visibility = if alpha <= 0.001 { Visibility::Hidden } else { Visibility::Inherited };
        if let Some(mut mat) = materials.get_mut(&material.0) {
            let color = fill.with_alpha(alpha);
            let texture = if base.is_none() { hatch.as_ref().map(|h| h.0.clone()) } else { None };
            if mat.color != color {
                mat.color = color;
            }
            if mat.texture != texture {
                mat.texture = texture;
            }
        }
        // Morph: each shape travels between its tile and its official place; the selected one lifts.
        let (tile, official) =
            (layers.tiles.areas[shape.index].label, layers.official.as_ref().map(|o| o.areas[shape.index].label));
        let (here, there) = match (shape.layout, official) {
            (MapLayout::Tiles, Some(o)) => (tile, o),
            (MapLayout::Official, Some(o)) => (o, tile),
            _ => (tile, tile),
        };
        let away = if shape.layout == MapLayout::Tiles { t } else { 1.0 - t };
        let shift = Vec2::new((there[0] - here[0]) as f32, (there[1] - here[1]) as f32) * away;
        let lift = if selected { lifted } else { 1.0 };
        let anchor = Vec2::new(here[0] as f32, here[1] as f32);
        let z = match shape.layout {
            MapLayout::Tiles => 0.0,
            MapLayout::Official => 0.1,
        } + if selected { 1.0 } else { 0.0 };
        transform.translation = (anchor * (1.0 - lift) + shift).extend(z);
        transform.scale = Vec3::new(lift, lift, 1.0);
    }
    for material in &mut context {
        if let Some(mut mat) = materials.get_mut(&material.0) {
            let c = mat.color.with_alpha(t);
            if mat.color != c {
                mat.color = c;
            }
        }
    }
    let scale = match *camera {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    };
    for (mut v, mut tf) in &mut notes {
        *v = if morph.shown_layout() == MapLayout::Official { Visibility::Inherited } else { Visibility::Hidden };
        tf.scale = Vec3::new(scale, scale, 1.0);
    }
}

/// Places each name at its municipality (following the morph), keeps it the same size on screen at every
/// zoom, colours it to read on its fill, and hides names that would overlap a more important one.
#[allow(clippy::too_many_arguments)]
fn place_area_labels(
    layers: Option<Res<MapLayers>>,
    morph: Res<Morph>,
    selection: Res<Selection>,
    showcase: Res<Showcase>,
    colours: Res<AreaColours>,
    content: Option<Res<Content>>,
    camera: Single<(&Transform, &Projection), (With<Camera2d>, Without<AreaLabel>)>,
    window: Single<&Window, With<bevy::window::PrimaryWindow>>,
    state: Res<State<Screen>>,
    mut labels: Query<(&AreaLabel, &mut Transform, &mut Visibility, &mut TextColor, &TextLayoutInfo)>,
) {
    let (Some(layers), Some(content)) = (layers, content) else { return };
    let (cam, proj) = camera.into_inner();
    let Projection::Orthographic(o) = proj else { return };
    let s = o.scale;
    let t = ease(morph.t.clamp(0.0, 1.0));
    let half = Vec2::new(window.width(), window.height()) / 2.0;
    let list = &content.0.municipalities.list;
    // On the tile map a long name shrinks to fit its tile.
    let tile_px = (3f32.sqrt() * crate::geo::HEX_RADIUS as f32 * 0.9 * tile_scale(&layers)) / s;
    // The attract loop shows the whole map smaller and nobody reads it closely: every name, smaller.
    let min_share = if *state.get() == Screen::Attract { ATTRACT_LABEL_MIN_SHARE } else { LABEL_MIN_SHARE };
    let fit = |size: Vec2| if t < 0.5 && size.x > tile_px { (tile_px / size.x).max(min_share) } else { 1.0 };
    let mut boxes = vec![LabelBox { centre: [f32::MAX, f32::MAX], size: [0.0, 0.0] }; layers.tiles.areas.len()];
    let mut world = vec![Vec2::ZERO; boxes.len()];
    for (label, _, _, _, info) in &labels {
        let i = label.index;
        let tile = layers.tiles.areas[i].label;
        let p = match &layers.official {
            Some(off) => {
                let o = off.areas[i].label;
                Vec2::new(
                    (tile[0] + (o[0] - tile[0]) * f64::from(t)) as f32,
                    (tile[1] + (o[1] - tile[1]) * f64::from(t)) as f32,
                )
            }
            None => Vec2::new(tile[0] as f32, tile[1] as f32),
        };
        world[i] = p;
        let screen = (p - cam.translation.truncate()) / s * Vec2::new(1.0, -1.0) + half;
        let k = fit(info.size);
        boxes[i] = LabelBox { centre: [screen.x, screen.y], size: [info.size.x * k, info.size.y * k] };
    }
    // Selected first, then the showcase, then larger municipalities (on the official map) or list order.
    let mut order: Vec<usize> = (0..boxes.len()).collect();
    let area_of = |i: usize| -> f64 {
        layers
            .official
            .as_ref()
            .filter(|_| morph.shown_layout() == MapLayout::Official)
            .map_or(0.0, |o| o.areas[i].polygons.iter().map(|p| crate::geo::signed_area2(&p.outer).abs()).sum())
    };
    let rank = |i: usize| -> (u8, i64) {
        let code = list.get(i).map(|m| m.code.as_str());
        let first = if selection.municipality.as_deref() == code {
            0
        } else if showcase.current.as_deref() == code {
            1
        } else {
            2
        };
        (first, -(area_of(i) * 1000.0) as i64)
    };
    order.sort_by_key(|i| (rank(*i), *i));
    let shown = place_labels(&boxes, &order, 4.0);
    for (label, mut transform, mut visibility, mut color, info) in &mut labels {
        let i = label.index;
        transform.translation = world[i].extend(3.0);
        let k = fit(info.size);
        transform.scale = Vec3::new(s * k, s * k, 1.0);
        *visibility = if shown[i] { Visibility::Inherited } else { Visibility::Hidden };
        // The name reads on the colour the shape shows: the highlight when it is the one chosen.
        let chosen = selection.municipality.is_some()
            && selection.municipality.as_deref() == list.get(i).map(|m| m.code.as_str());
        let fill = if chosen { palette::ACCENT } else { colours.fills.get(i).copied().flatten().unwrap_or(NO_DATA) };
        let c = text_on(fill);
        if color.0 != c {
            color.0 = c;
        }
    }
}

/// Size of one tile-map unit in map units (the tile map is scaled onto the official map when there is one).
fn tile_scale(layers: &MapLayers) -> f32 {
    let a = &layers.tiles.areas[0].polygons[0].outer;
    // A tile's corner is 0.94 radius from its centre.
    let c = layers.tiles.areas[0].label;
    (((a[0][0] - c[0]).hypot(a[0][1] - c[1])) / 0.94) as f32
}

/// Borders: white between municipalities on the official map, the selected one outlined, and the inset
/// frames. Gizmo lines keep their width in pixels at every zoom.
fn draw_borders(
    mut gizmos: Gizmos,
    layers: Option<Res<MapLayers>>,
    morph: Res<Morph>,
    selection: Res<Selection>,
    content: Option<Res<Content>>,
) {
    let (Some(layers), Some(content)) = (layers, content) else { return };
    let t = ease(morph.t.clamp(0.0, 1.0));
    let selected =
        selection.municipality.as_deref().and_then(|c| content.0.municipalities.list.iter().position(|m| m.code == c));
    if let Some(official) = layers.official.as_ref().filter(|_| t > 0.02) {
        let white = Color::WHITE.with_alpha(t);
        for area in &official.areas {
            for p in &area.polygons {
                for ring in std::iter::once(&p.outer).chain(&p.holes) {
                    let mut pts: Vec<Vec2> = ring.iter().map(|q| Vec2::new(q[0] as f32, q[1] as f32)).collect();
                    pts.push(pts[0]);
                    gizmos.linestrip_2d(pts, white);
                }
            }
        }
        for inset in &official.insets {
            let (a, b) = (inset.frame.0, inset.frame.1);
            let (a, b) = (Vec2::new(a[0] as f32, a[1] as f32), Vec2::new(b[0] as f32, b[1] as f32));
            gizmos.rect_2d(Isometry2d::from_translation((a + b) / 2.0), b - a, palette::TEXT_MUTED.with_alpha(t));
        }
    }
    if let Some(i) = selected {
        let geometry = layers.geometry(morph.shown_layout());
        if let Some(area) = geometry.areas.get(i) {
            let c = Vec2::new(area.label[0] as f32, area.label[1] as f32);
            for p in &area.polygons {
                let mut pts: Vec<Vec2> =
                    p.outer.iter().map(|q| c * (1.0 - 1.08) + Vec2::new(q[0] as f32, q[1] as f32) * 1.08).collect();
                pts.push(pts[0]);
                gizmos.linestrip_2d(pts, palette::TEXT);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_romanised_names_break_after_their_prefix() {
        assert_eq!(two_line_romaji("Higashimurayama"), "Higashi-\nmurayama");
        assert_eq!(two_line_romaji("Musashimurayama"), "Musashi-\nmurayama");
        assert_eq!(two_line_romaji("Higashikurume"), "Higashi-\nkurume");
        assert_eq!(two_line_romaji("Nishitokyo"), "Nishitokyo", "ten letters fit");
        assert_eq!(two_line_romaji("Shinjuku"), "Shinjuku");
        assert_eq!(two_line_romaji("Ogasawaraxyz"), "Ogasawaraxyz", "no prefix: unchanged");
    }
}
