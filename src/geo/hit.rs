//! Which municipality a tap selects: the one whose shape contains the point, else the one whose label is
//! nearest within a radius (so tiny wards and islands are hittable with a fingertip), else none.

use super::{MapGeometry, Pt};

#[derive(Debug, Clone, Copy)]
pub struct HitOptions {
    /// Largest distance from a label that still selects it, in map units (the view converts 10 mm).
    pub label_radius: f64,
}

/// Index of the area hit at `p` (map units), if any.
pub fn hit_test(map: &MapGeometry, p: Pt, options: HitOptions) -> Option<usize> {
    if let Some(i) = map.areas.iter().position(|a| a.contains(p)) {
        return Some(i);
    }
    map.areas
        .iter()
        .enumerate()
        .map(|(i, a)| (i, (a.label[0] - p[0]).hypot(a.label[1] - p[1])))
        .filter(|(_, d)| *d <= options.label_radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}
