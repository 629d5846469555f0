//! Which municipality a tap selects: the one whose shape contains the point, else the one whose label is
//! nearest within a radius (so tiny wards and islands are hittable with a fingertip), else none.

use super::{MapGeometry, Pt};

/// How forgiving [`hit_test`] is to a tap that misses every shape.
#[derive(Debug, Clone, Copy)]
pub struct HitOptions {
    /// Largest distance from a label that still selects it, in map units (the view converts 10 mm).
    pub label_radius: f64,
}

/// The code of the area hit at `p` (map units), if any.
pub fn hit_test(map: &MapGeometry, p: Pt, options: HitOptions) -> Option<&str> {
    if let Some(a) = map.areas.iter().find(|a| a.contains(p)) {
        return Some(&a.code);
    }
    map.areas
        .iter()
        .map(|a| (a, (a.label[0] - p[0]).hypot(a.label[1] - p[1])))
        .filter(|(_, d)| *d <= options.label_radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(a, _)| a.code.as_str())
}
