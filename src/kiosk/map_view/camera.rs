//! Where the camera looks: fitted to the map's part of the screen, quick zooms (Tokyo, 23 wards, Tama,
//! islands), pan and pinch-zoom kept within bounds, the mouse wheel for development.

use bevy::input::mouse::MouseWheel;
use bevy::prelude::*;
use bevy::ui::UiGlobalTransform;

use super::MapSurface;
use super::{MapLayers, MapLayout, Morph};
use crate::content::Region;
use crate::geo::Bounds;
use crate::kiosk::{AnimationClock, Content, Screen};

/// A quick zoom button of the map: the part of Tokyo the camera fits to the map's area on screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum QuickZoom {
    /// All 62 municipalities: the view the map opens on, and the furthest the camera zooms out.
    #[default]
    Tokyo,
    /// The 23 special wards.
    Wards,
    /// The Tama area.
    Tama,
    /// The island municipalities.
    Islands,
}

impl QuickZoom {
    /// Every quick zoom, in the order of their buttons on the map screen.
    pub const ALL: [QuickZoom; 4] = [QuickZoom::Tokyo, QuickZoom::Wards, QuickZoom::Tama, QuickZoom::Islands];
    /// The UI string key of the zoom's button label.
    pub fn key(self) -> &'static str {
        match self {
            QuickZoom::Tokyo => "map-zoom-tokyo",
            QuickZoom::Wards => "map-zoom-wards",
            QuickZoom::Tama => "map-zoom-tama",
            QuickZoom::Islands => "map-zoom-islands",
        }
    }
}

/// The camera's goal and limits. `request` asks for a quick zoom (applied once the map's area on screen
/// is known); `target` is where the camera glides to.
#[derive(Resource, Clone, Debug, Default)]
pub struct MapCamera {
    /// A quick zoom asked for and not applied yet.
    pub request: Option<QuickZoom>,
    /// The camera's goal: centre in world units and scale in world units per logical pixel.
    pub target: Option<(Vec2, f32)>,
    /// The whole-Tokyo view (largest zoom-out allowed).
    pub fit_scale: f32,
    /// Smallest and largest corners of the whole map, in world units; the camera's centre stays inside.
    pub bounds: Option<(Vec2, Vec2)>,
    /// The map's rectangle on screen (logical pixels: centre, size).
    pub rect: Option<(Vec2, Vec2)>,
}

/// How much one tap on a zoom button magnifies.
pub const ZOOM_STEP: f32 = 1.6;

impl MapCamera {
    /// Zooms the camera's goal by `factor` (> 1 closer, < 1 further), within the limits.
    pub fn zoom_by(&mut self, factor: f32) {
        if let Some((c, s)) = self.target {
            self.target = Some(clamp(self, c, s / factor));
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<MapCamera>()
        .add_systems(OnEnter(Screen::Map), |mut cam: ResMut<MapCamera>, initial: Res<crate::kiosk::InitialView>| {
            cam.request = Some(initial.map_zoom.unwrap_or_default());
            cam.target = None;
        })
        .add_systems(OnEnter(Screen::Attract), |mut cam: ResMut<MapCamera>| {
            cam.request = Some(QuickZoom::Tokyo);
            cam.target = None;
        })
        .add_systems(Update, (measure_surface, apply_request, wheel_zoom, glide).chain().run_if(super::map_on_screen))
        .add_systems(OnExit(Screen::Map), reset_camera)
        .add_systems(OnExit(Screen::Attract), reset_camera);
}

/// Back to the UI's own view when the map leaves the screen (from the attract loop to the hub the camera
/// glides on from where it is).
fn reset_camera(state: Res<State<Screen>>, camera: Single<(&mut Transform, &mut Projection), With<Camera2d>>) {
    if super::shows_map(*state.get()) {
        return;
    }
    let (mut tf, mut proj) = camera.into_inner();
    tf.translation = Vec3::ZERO;
    if let Projection::Orthographic(o) = proj.as_mut() {
        o.scale = 1.0;
    }
}

fn measure_surface(
    surface: Query<(&ComputedNode, &UiGlobalTransform), With<MapSurface>>,
    window: Single<&Window, With<bevy::window::PrimaryWindow>>,
    mut cam: ResMut<MapCamera>,
) {
    let Ok((node, tf)) = surface.single() else { return };
    // UI layout is in physical pixels; the camera works in the window's logical pixels.
    let k = 1.0 / window.scale_factor();
    let size = node.size() * k;
    if size.x < 1.0 || size.y < 1.0 {
        return;
    }
    let centre = tf.affine().translation * k;
    let rect = Some((centre, size));
    if cam.rect != rect {
        cam.rect = rect;
        if cam.target.is_none() && cam.request.is_none() {
            cam.request = Some(QuickZoom::Tokyo);
        }
    }
}

/// Bounds of a quick zoom on the layout being shown.
pub fn zoom_bounds(zoom: QuickZoom, layers: &MapLayers, layout: MapLayout, content: &Content) -> Bounds {
    let g = layers.geometry(layout);
    let list = &content.0.municipalities.list;
    let region = |code: &str| list.iter().find(|m| m.code == code).map(|m| m.region);
    let b = match zoom {
        QuickZoom::Tokyo => g.bounds(),
        QuickZoom::Wards => g.bounds_of(|a| region(&a.code) == Some(Region::SpecialWards)),
        QuickZoom::Tama => g.bounds_of(|a| region(&a.code) == Some(Region::Tama)),
        QuickZoom::Islands => g.bounds_of(|a| region(&a.code) == Some(Region::Islands)),
    };
    if b.is_empty() { g.bounds() } else { b }
}

/// Camera centre and scale (world units per pixel) showing `b` inside the screen rectangle `rect`.
pub fn fit(b: Bounds, rect: (Vec2, Vec2), window: Vec2) -> (Vec2, f32) {
    let (rc, rs) = rect;
    let s = ((b.width() as f32) / rs.x).max((b.height() as f32) / rs.y) * 1.08;
    let c = b.centre();
    let offset = (rc - window / 2.0) * Vec2::new(1.0, -1.0) * s;
    (Vec2::new(c[0] as f32, c[1] as f32) - offset, s.max(1e-6))
}

fn apply_request(
    mut cam: ResMut<MapCamera>,
    layers: Option<Res<MapLayers>>,
    layout: Res<MapLayout>,
    content: Option<Res<Content>>,
    window: Single<&Window, With<bevy::window::PrimaryWindow>>,
) {
    let (Some(layers), Some(content), Some(rect)) = (layers, content, cam.rect) else { return };
    let Some(zoom) = cam.request else { return };
    let win = Vec2::new(window.width(), window.height());
    let (_, fit_scale) = fit(zoom_bounds(QuickZoom::Tokyo, &layers, *layout, &content), rect, win);
    let all = layers.geometry(*layout).bounds();
    cam.fit_scale = fit_scale;
    cam.bounds =
        Some((Vec2::new(all.min[0] as f32, all.min[1] as f32), Vec2::new(all.max[0] as f32, all.max[1] as f32)));
    cam.target = Some(fit(zoom_bounds(zoom, &layers, *layout, &content), rect, win));
    cam.request = None;
}

/// Keeps a camera goal inside the limits: no further out than all of Tokyo, no closer than 1/12 of it,
/// and the centre over the map.
pub fn clamp(cam: &MapCamera, centre: Vec2, scale: f32) -> (Vec2, f32) {
    let scale = if cam.fit_scale > 0.0 { scale.clamp(cam.fit_scale / 12.0, cam.fit_scale) } else { scale };
    let centre = match cam.bounds {
        Some((lo, hi)) => centre.clamp(lo.min(hi), hi.max(lo)),
        None => centre,
    };
    (centre, scale)
}

fn wheel_zoom(mut wheel: MessageReader<MouseWheel>, mut cam: ResMut<MapCamera>) {
    let steps: f32 = wheel.read().map(|w| w.y.signum()).sum();
    if steps == 0.0 {
        return;
    }
    cam.zoom_by(1.15f32.powf(steps));
}

/// Moves the camera toward its goal (at once in screenshots, where the clock is frozen).
fn glide(
    cam: Res<MapCamera>,
    clock: Res<AnimationClock>,
    time: Res<Time>,
    morph: Res<Morph>,
    camera: Single<(&mut Transform, &mut Projection), With<Camera2d>>,
) {
    let Some((centre, scale)) = cam.target else { return };
    let _ = morph;
    let (mut tf, mut proj) = camera.into_inner();
    let Projection::Orthographic(o) = proj.as_mut() else { return };
    let k = if clock.frozen { 1.0 } else { 1.0 - (-time.delta_secs() * 10.0).exp() };
    let now = tf.translation.truncate();
    let next = now + (centre - now) * k;
    tf.translation = next.extend(tf.translation.z);
    o.scale += (scale - o.scale) * k;
}
