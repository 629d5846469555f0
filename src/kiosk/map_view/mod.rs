//! The map view: municipality shapes drawn as meshes in world space under the 2D camera (the tile map, or
//! official boundaries when imported, with an animated morph between them), names that never overlap,
//! pan and pinch-zoom within bounds, quick zooms, choropleth colours, the showcase pulse, and taps turned
//! into selections through the domain hit test. The UI around it (card, buttons, legend) is in
//! `screens/map.rs`.

mod camera;
mod draw;
mod input;

use bevy::prelude::*;

use crate::content::Theme;
use crate::geo::MapGeometry;
use crate::kiosk::{Content, Screen};

pub use camera::{MapCamera, QuickZoom, ZOOM_STEP};
pub use draw::{
    AreaColours, AreaLabel, AreaShape, NO_DATA, SEA_COLOUR, SEQUENTIAL, THEME_DIM, THEME_LIT, has_theme, map_name,
};
pub use input::{code_at, map_to_screen, screen_to_map, spawn_surface};

/// The transparent node over the map's part of the screen that receives the map's touches (the camera
/// fits the map to it, the input turns its pointer events into pans, pinches and taps).
#[derive(Component)]
pub struct MapSurface;

/// Which shapes the map shows.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum MapLayout {
    /// One equal hexagon per municipality (built in).
    #[default]
    Tiles,
    /// Imported N03 boundaries.
    Official,
}

/// The official boundaries when the booth has imported them, the tile map otherwise.
pub fn default_layout(content: Option<&Content>) -> MapLayout {
    if content.is_some_and(|c| c.0.official_map.is_some()) { MapLayout::Official } else { MapLayout::Tiles }
}

/// What colours the municipalities.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Choropleth {
    /// Each municipality in the colour of its region (23 wards, Tama, islands); the default.
    #[default]
    Region,
    /// The municipalities with a program of their own on this theme light up; the others dim.
    Theme(Theme),
    /// Population per km² in five viridis classes; a municipality without the figures is hatched.
    PopulationDensity,
}

impl Choropleth {
    /// One button each (the theme button opens on energy, then the theme row chooses).
    pub const ALL: [Choropleth; 3] =
        [Choropleth::Region, Choropleth::Theme(Theme::Energy), Choropleth::PopulationDensity];
    /// The UI string key of the mode's button label (one for every theme).
    pub fn key(self) -> &'static str {
        match self {
            Choropleth::Region => "map-colour-region",
            Choropleth::Theme(_) => "map-colour-programs",
            Choropleth::PopulationDensity => "map-colour-density",
        }
    }

    /// Whether two modes are the same button (any theme is the theme button).
    pub fn same_kind(self, other: Choropleth) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }
}

/// Progress of the morph between the two layouts: 0 = tiles, 1 = official.
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct Morph {
    /// From 0 (tiles) to 1 (official); a whole morph takes 1.2 s.
    pub t: f32,
}

impl Morph {
    /// The layout on screen now: the official shapes once the morph is past half way. Drawing, labels
    /// and the hit test all go by this one rule.
    pub fn shown_layout(self) -> MapLayout {
        if self.t > 0.5 { MapLayout::Official } else { MapLayout::Tiles }
    }
}

/// Both layouts, in one coordinate frame: the tile map is scaled onto the official map's mainland so the
/// morph moves each municipality between its two places.
#[derive(Resource, Clone)]
pub struct MapLayers {
    /// The tile map, aligned onto the official map's bounds when there is one.
    pub tiles: MapGeometry,
    /// The imported official boundaries, if the booth has them.
    pub official: Option<MapGeometry>,
    /// `出典…` line for the official map, in Japanese and in English.
    pub attribution: Option<(String, String)>,
}

impl MapLayers {
    /// Both layouts of the booth (the tiles aligned onto the official map) and the official map's attribution.
    pub fn from_content(content: &Content) -> MapLayers {
        let booth = &content.0;
        let official = booth.official_map.as_ref().map(|f| f.map.clone());
        let tiles = match &official {
            Some(o) => align(&booth.tile_map, o),
            None => booth.tile_map.clone(),
        };
        let attribution = booth.official_map.as_ref().map(|f| {
            let year = f.source_year.map_or(String::new(), |y| format!("（{y}年）"));
            let year_en = f.source_year.map_or(String::new(), |y| format!(" ({y})"));
            (format!("{}{year}", f.attribution_ja), format!("{}{year_en}", f.attribution_en))
        });
        MapLayers { tiles, official, attribution }
    }

    /// The shapes of `layout`: the tile map when that is asked for or no official map was imported.
    pub fn geometry(&self, layout: MapLayout) -> &MapGeometry {
        match (layout, &self.official) {
            (MapLayout::Official, Some(o)) => o,
            _ => &self.tiles,
        }
    }
}

/// The tile map scaled and moved so its bounds sit on the official map's (mainland and insets).
fn align(tiles: &MapGeometry, official: &MapGeometry) -> MapGeometry {
    let (a, b) = (tiles.bounds(), official.bounds());
    let s = (b.width() / a.width()).min(b.height() / a.height());
    let (ac, bc) = (a.centre(), b.centre());
    let f = |p: [f64; 2]| [bc[0] + (p[0] - ac[0]) * s, bc[1] + (p[1] - ac[1]) * s];
    let mut out = tiles.clone();
    for area in &mut out.areas {
        area.label = f(area.label);
        for p in &mut area.polygons {
            p.outer.iter_mut().for_each(|q| *q = f(*q));
        }
    }
    out
}

/// Whether the map is on screen (the hub, and the attract loop over it).
pub fn shows_map(screen: Screen) -> bool {
    matches!(screen, Screen::Map | Screen::Attract)
}

/// Run condition: the map is on screen.
pub fn map_on_screen(state: Option<Res<State<Screen>>>) -> bool {
    state.is_some_and(|s| shows_map(*s.get()))
}

pub(crate) fn plugin(app: &mut App) {
    app.init_resource::<MapLayout>()
        .init_resource::<Choropleth>()
        .init_resource::<Morph>()
        // The next visitor finds the map as the booth set it up.
        .add_observer(
            |_: On<crate::kiosk::visit::VisitEnded>,
             content: Option<Res<Content>>,
             mut layout: ResMut<MapLayout>,
             mut colours: ResMut<Choropleth>| {
                *layout = default_layout(content.as_deref());
                *colours = Choropleth::default();
            },
        )
        .add_systems(Update, run_morph.run_if(in_state(Screen::Map)))
        .add_systems(OnEnter(Screen::Map), (prepare_layers, draw::spawn).chain())
        // The attract loop is the map too, alive: the same shapes under the invitation.
        .add_systems(OnEnter(Screen::Attract), (prepare_layers, draw::spawn).chain())
        .add_plugins((camera::plugin, draw::plugin, input::plugin));
}

fn prepare_layers(
    mut commands: Commands,
    content: Option<Res<Content>>,
    layers: Option<Res<MapLayers>>,
    mut morph: ResMut<Morph>,
    layout: Res<MapLayout>,
) {
    if layers.is_none()
        && let Some(c) = content
    {
        commands.insert_resource(MapLayers::from_content(&c));
    }
    morph.t = if *layout == MapLayout::Official { 1.0 } else { 0.0 };
}

/// Animates the morph toward the chosen layout (at once when the clock is frozen).
fn run_morph(
    layout: Res<MapLayout>,
    mut morph: ResMut<Morph>,
    clock: Res<crate::kiosk::AnimationClock>,
    time: Res<Time>,
    layers: Option<Res<MapLayers>>,
) {
    let goal = if *layout == MapLayout::Official && layers.is_some_and(|l| l.official.is_some()) { 1.0 } else { 0.0 };
    if morph.t == goal {
        return;
    }
    let step = if clock.frozen { 1.0 } else { time.delta_secs() / 1.2 };
    morph.t = if goal > morph.t { (morph.t + step).min(goal) } else { (morph.t - step).max(goal) };
}
