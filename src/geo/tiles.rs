//! The built-in tile map: one equal hexagon per municipality, placed so the map reads like Tokyo. The
//! mainland is assigned to grid cells near each label point (a blend of geographic position and east–west /
//! north–south rank, so the dense wards get room), improved by swaps until no swap helps; the island
//! municipalities follow as a chain to the south-east, north to south, Ogasawara last. Deterministic: the
//! same label points give the same map.

use super::{Area, MapGeometry, Polygon, Pt};

/// Radius of a tile (centre to corner), in map units.
pub const HEX_RADIUS: f64 = 1.0;
const COLS: i32 = 12;
const ROWS: i32 = 6;

/// What the tile map needs of one municipality (built from municipalities.toml).
#[derive(Debug, Clone)]
pub struct TileInput {
    /// Five-digit local government code, given to its tile's [`Area`].
    pub code: String,
    /// Label point, longitude and latitude in degrees: where the tile should go.
    pub lon_lat: Pt,
    /// In the island region: placed in the chain south-east of the mainland, north to south.
    pub island: bool,
}

fn centre(col: i32, row: i32) -> Pt {
    let w = 3f64.sqrt() * HEX_RADIUS;
    [w * (f64::from(col) + 0.5 * f64::from(row & 1)), -1.5 * HEX_RADIUS * f64::from(row)]
}

/// A pointy-top hexagon, slightly smaller than its cell so tiles have a gap between them.
fn hexagon(c: Pt) -> Polygon {
    let r = HEX_RADIUS * 0.94;
    let outer = (0..6)
        .map(|i| {
            let a = (60.0 * f64::from(i) + 30.0_f64).to_radians();
            [c[0] + r * a.cos(), c[1] + r * a.sin()]
        })
        .collect();
    Polygon { outer, holes: Vec::new() }
}

/// Positions in [0, 1]² (east, north): half geographic, half rank.
fn targets(points: &[Pt]) -> Vec<Pt> {
    let n = points.len();
    let rank = |axis: usize| -> Vec<f64> {
        let mut idx: Vec<usize> = (0..n).collect();
        idx.sort_by(|a, b| points[*a][axis].total_cmp(&points[*b][axis]).then(a.cmp(b)));
        let mut r = vec![0.0; n];
        for (k, i) in idx.into_iter().enumerate() {
            r[i] = if n > 1 { k as f64 / (n - 1) as f64 } else { 0.5 };
        }
        r
    };
    let norm = |axis: usize| -> Vec<f64> {
        let lo = points.iter().map(|p| p[axis]).fold(f64::INFINITY, f64::min);
        let hi = points.iter().map(|p| p[axis]).fold(f64::NEG_INFINITY, f64::max);
        points.iter().map(|p| if hi > lo { (p[axis] - lo) / (hi - lo) } else { 0.5 }).collect()
    };
    let (rx, ry, gx, gy) = (rank(0), rank(1), norm(0), norm(1));
    (0..n).map(|i| [0.5 * rx[i] + 0.5 * gx[i], 0.5 * ry[i] + 0.5 * gy[i]]).collect()
}

fn dist2(a: Pt, b: Pt) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

/// Assigns each target to a distinct cell, minimising the summed squared distance locally.
fn assign(targets: &[Pt], cells: &[Pt]) -> Vec<usize> {
    let n = targets.len();
    // Greedy: the closest (target, cell) pair first.
    let mut pairs: Vec<(f64, usize, usize)> = (0..n)
        .flat_map(|t| cells.iter().enumerate().map(move |(c, p)| (t, c, *p)))
        .map(|(t, c, p)| (dist2(targets[t], p), t, c))
        .collect();
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut of = vec![usize::MAX; n];
    let mut taken = vec![false; cells.len()];
    for (_, t, c) in pairs {
        if of[t] == usize::MAX && !taken[c] {
            of[t] = c;
            taken[c] = true;
        }
    }
    // Improve: swap two targets' cells, or move one to a free cell, while that lowers the total.
    loop {
        let mut improved = false;
        for a in 0..n {
            for b in a + 1..n {
                let now = dist2(targets[a], cells[of[a]]) + dist2(targets[b], cells[of[b]]);
                let swapped = dist2(targets[a], cells[of[b]]) + dist2(targets[b], cells[of[a]]);
                if swapped + 1e-12 < now {
                    of.swap(a, b);
                    improved = true;
                }
            }
            for c in 0..cells.len() {
                if !taken[c] && dist2(targets[a], cells[c]) + 1e-12 < dist2(targets[a], cells[of[a]]) {
                    taken[of[a]] = false;
                    taken[c] = true;
                    of[a] = c;
                    improved = true;
                }
            }
        }
        if !improved {
            return of;
        }
    }
}

/// The tile map of `inputs` (in their order).
pub fn tile_map(inputs: &[TileInput]) -> MapGeometry {
    let mainland: Vec<usize> = (0..inputs.len()).filter(|i| !inputs[*i].island).collect();
    let geo: Vec<Pt> = mainland.iter().map(|i| super::project(inputs[*i].lon_lat)).collect();
    let t = targets(&geo);
    let cells: Vec<(i32, i32)> = (0..ROWS).flat_map(|r| (0..COLS).map(move |c| (c, r))).collect();
    let cell_pts: Vec<Pt> = cells.iter().map(|(c, r)| centre(*c, *r)).collect();
    // Targets in grid units: east → column, north → row 0.
    let (x_max, y_min) = (centre(COLS - 1, 0)[0], centre(0, ROWS - 1)[1]);
    let scaled: Vec<Pt> = t.iter().map(|p| [p[0] * x_max, (1.0 - p[1]) * y_min]).collect();
    let of = assign(&scaled, &cell_pts);
    let mut placed: Vec<(usize, (i32, i32))> = mainland.iter().zip(&of).map(|(i, c)| (*i, cells[*c])).collect();
    // Islands north to south, as a staircase below the mainland's east half; Ogasawara set a little apart.
    let mut islands: Vec<usize> = (0..inputs.len()).filter(|i| inputs[*i].island).collect();
    islands.sort_by(|a, b| inputs[*b].lon_lat[1].total_cmp(&inputs[*a].lon_lat[1]).then(a.cmp(b)));
    let last = islands.len().saturating_sub(1);
    for (k, i) in islands.iter().enumerate() {
        let k = k as i32;
        let (mut col, row) = (COLS / 2 - 1 + k % 3 + k / 3, ROWS + 1 + k / 3);
        if k as usize == last && last > 0 {
            col += 1;
        }
        placed.push((*i, (col, row)));
    }
    placed.sort_by_key(|p| p.0);
    MapGeometry {
        areas: placed
            .into_iter()
            .map(|(i, (c, r))| {
                let ctr = centre(c, r);
                Area { code: inputs[i].code.clone(), polygons: vec![hexagon(ctr)], label: ctr, inset: None }
            })
            .collect(),
        insets: Vec::new(),
        context: Vec::new(),
    }
}

/// Share of pairs of municipalities whose east–west (axis 0) or north–south (axis 1) order on the map
/// agrees with their label points. Pairs closer than `min_gap_deg` on that axis are not counted.
pub fn order_agreement(inputs: &[TileInput], map: &MapGeometry, axis: usize, min_gap_deg: f64) -> f64 {
    let (mut agree, mut total) = (0u32, 0u32);
    for i in 0..inputs.len() {
        for j in i + 1..inputs.len() {
            let d = inputs[j].lon_lat[axis] - inputs[i].lon_lat[axis];
            if d.abs() < min_gap_deg {
                continue;
            }
            total += 1;
            let m = map.areas[j].label[axis] - map.areas[i].label[axis];
            if m * d > 0.0 {
                agree += 1;
            }
        }
    }
    if total == 0 { 1.0 } else { f64::from(agree) / f64::from(total) }
}
