//! Map geometry without Bevy: the built-in tile map, the importer of official N03 boundaries, the map file
//! it writes, tessellation into triangles, and hit testing.
//!
//! Coordinates are planar, in kilometres east (x) and north (y) of the projection origin for imported maps,
//! and in hexagon radii for the tile map. Rings are closed implicitly (the last point is not repeated).

pub mod choropleth;
mod hit;
pub mod import;
mod labels;
mod mapfile;
mod project;
mod simplify;
mod tessellate;
mod tiles;
mod topology;

pub use hit::{HitOptions, hit_test};
pub use labels::{LabelBox, place_labels};
pub use mapfile::{Inset, MAP_FILE, MAP_FILE_VERSION, MapFile, MapFileError};
pub use project::{ORIGIN_LAT, ORIGIN_LON, project, unproject};
pub use tessellate::{Triangles, tessellate};
pub use tiles::{HEX_RADIUS, TileInput, order_agreement, tile_map};

use serde::{Deserialize, Serialize};

/// A point `[x, y]` in map units (km, or hex radii on the tile map); before projection, `[lon, lat]` in degrees.
pub type Pt = [f64; 2];
/// A closed ring (last point not repeated).
pub type Ring = Vec<Pt>;

/// One connected shape: an outer ring with optional holes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Polygon {
    /// The boundary.
    pub outer: Ring,
    /// Rings cut out of it; left out of the JSON when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holes: Vec<Ring>,
}

/// One municipality on a map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    /// Five-digit local government code of the municipality.
    pub code: String,
    /// Its shapes in map units: one hexagon on the tile map; when imported, one per separate piece.
    pub polygons: Vec<Polygon>,
    /// Where its name goes; always inside one of its polygons.
    pub label: Pt,
    /// Index into [`MapGeometry::insets`] when it is drawn in an inset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inset: Option<usize>,
}

/// Everything a map view draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapGeometry {
    /// One per municipality.
    pub areas: Vec<Area>,
    /// Frames of the island insets (none on the tile map).
    #[serde(default)]
    pub insets: Vec<Inset>,
    /// Grey outlines around (neighbouring prefectures).
    #[serde(default)]
    pub context: Vec<Polygon>,
}

/// An axis-aligned bounding box, in map units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Lower-left corner: the smallest x and y.
    pub min: Pt,
    /// Upper-right corner: the largest x and y.
    pub max: Pt,
}

impl Bounds {
    /// A box around nothing, to grow with [`add`](Self::add).
    pub fn empty() -> Bounds {
        Bounds { min: [f64::INFINITY; 2], max: [f64::NEG_INFINITY; 2] }
    }
    /// Grows the box to take in `p`.
    pub fn add(&mut self, p: Pt) {
        self.min = [self.min[0].min(p[0]), self.min[1].min(p[1])];
        self.max = [self.max[0].max(p[0]), self.max[1].max(p[1])];
    }
    /// True while no point has been added.
    pub fn is_empty(&self) -> bool {
        self.min[0] > self.max[0]
    }
    /// Extent along x (east), in map units.
    pub fn width(&self) -> f64 {
        self.max[0] - self.min[0]
    }
    /// Extent along y (north), in map units.
    pub fn height(&self) -> f64 {
        self.max[1] - self.min[1]
    }
    /// The point halfway between the corners.
    pub fn centre(&self) -> Pt {
        [(self.min[0] + self.max[0]) / 2.0, (self.min[1] + self.max[1]) / 2.0]
    }
}

impl MapGeometry {
    /// The municipality with local government code `code`, if the map has it.
    pub fn area(&self, code: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.code == code)
    }

    /// Bounds of the given areas (all when `codes` is empty), insets' frames included.
    pub fn bounds_of(&self, filter: impl Fn(&Area) -> bool) -> Bounds {
        let mut b = Bounds::empty();
        for a in self.areas.iter().filter(|a| filter(a)) {
            for p in &a.polygons {
                p.outer.iter().for_each(|q| b.add(*q));
            }
            if let Some(i) = a.inset.and_then(|i| self.insets.get(i)) {
                b.add(i.frame.0);
                b.add(i.frame.1);
            }
        }
        b
    }

    /// Bounds of the whole map (every area, insets' frames included; not the context outlines).
    pub fn bounds(&self) -> Bounds {
        self.bounds_of(|_| true)
    }
}

/// Twice the signed area of a ring (positive = counter-clockwise).
pub fn signed_area2(ring: &[Pt]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum()
}

/// Point in ring by the even-odd rule.
pub fn ring_contains(ring: &[Pt], p: Pt) -> bool {
    let mut inside = false;
    let n = ring.len();
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (a, b) = (ring[i], ring[j]);
        if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0] {
            inside = !inside;
        }
        j = i;
    }
    inside
}

impl Polygon {
    /// Whether `p` is inside the outer ring and in none of the holes (even-odd rule).
    pub fn contains(&self, p: Pt) -> bool {
        ring_contains(&self.outer, p) && !self.holes.iter().any(|h| ring_contains(h, p))
    }
}

impl Area {
    /// Whether `p` is inside any of its polygons.
    pub fn contains(&self, p: Pt) -> bool {
        self.polygons.iter().any(|poly| poly.contains(p))
    }
}

#[cfg(test)]
mod tests;
