//! Polygons with holes into triangles (ear clipping by `earcutr`), for meshes.

use super::{Polygon, Pt};

/// Vertices and triangle indices (three per triangle, counter-clockwise not guaranteed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Triangles {
    /// Triangle corners, in the polygons' coordinates (map units).
    pub vertices: Vec<Pt>,
    /// Indices into `vertices`, three per triangle.
    pub indices: Vec<u32>,
}

impl Triangles {
    /// Summed area of the triangles (to check a tessellation covers its polygon).
    pub fn area(&self) -> f64 {
        self.indices
            .chunks(3)
            .map(|t| {
                let (a, b, c) =
                    (self.vertices[t[0] as usize], self.vertices[t[1] as usize], self.vertices[t[2] as usize]);
                ((b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])).abs() / 2.0
            })
            .sum()
    }
}

/// Triangles covering `polygons` (holes left open). A polygon the tessellator cannot handle is skipped.
pub fn tessellate(polygons: &[Polygon]) -> Triangles {
    let mut out = Triangles::default();
    for p in polygons {
        let mut flat: Vec<f64> = Vec::with_capacity(2 * (p.outer.len() + p.holes.iter().map(Vec::len).sum::<usize>()));
        let mut holes = Vec::with_capacity(p.holes.len());
        for q in &p.outer {
            flat.extend_from_slice(q);
        }
        for h in &p.holes {
            holes.push(flat.len() / 2);
            for q in h {
                flat.extend_from_slice(q);
            }
        }
        let Ok(idx) = earcutr::earcut(&flat, &holes, 2) else { continue };
        let base = out.vertices.len() as u32;
        out.vertices.extend(flat.chunks(2).map(|c| [c[0], c[1]]));
        out.indices.extend(idx.into_iter().map(|i| base + i as u32));
    }
    out
}
