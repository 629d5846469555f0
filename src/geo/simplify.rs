//! Douglas–Peucker on open chains, and segment-crossing checks for validation.

use super::Pt;

fn seg_dist2(p: Pt, a: Pt, b: Pt) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 { 0.0 } else { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) };
    let (x, y) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    x * x + y * y
}

/// Keeps the first and last point and every point farther than `tolerance` from the simplified line.
pub fn douglas_peucker(chain: &[Pt], tolerance: f64) -> Vec<Pt> {
    if chain.len() <= 2 || tolerance <= 0.0 {
        return chain.to_vec();
    }
    let mut keep = vec![false; chain.len()];
    keep[0] = true;
    keep[chain.len() - 1] = true;
    let mut stack = vec![(0, chain.len() - 1)];
    let tol2 = tolerance * tolerance;
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut worst, mut at) = (0.0, a);
        for i in a + 1..b {
            let d = seg_dist2(chain[i], chain[a], chain[b]);
            if d > worst {
                worst = d;
                at = i;
            }
        }
        if worst > tol2 {
            keep[at] = true;
            stack.push((a, at));
            stack.push((at, b));
        }
    }
    chain.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

fn orient(a: Pt, b: Pt, c: Pt) -> f64 {
    (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
}

/// Whether segments ab and cd cross at a point inside both (touching at shared end points does not count).
pub fn segments_cross(a: Pt, b: Pt, c: Pt, d: Pt) -> bool {
    if a == c || a == d || b == c || b == d {
        return false;
    }
    let (o1, o2, o3, o4) = (orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b));
    if o1 == 0.0 && o2 == 0.0 {
        // Collinear: overlapping counts as crossing.
        let within = |p: Pt, q: Pt, r: Pt| {
            r[0] >= p[0].min(q[0]) && r[0] <= p[0].max(q[0]) && r[1] >= p[1].min(q[1]) && r[1] <= p[1].max(q[1])
        };
        return within(a, b, c) || within(a, b, d) || within(c, d, a) || within(c, d, b);
    }
    (o1 > 0.0) != (o2 > 0.0) && (o3 > 0.0) != (o4 > 0.0) && o1 != 0.0 && o2 != 0.0 && o3 != 0.0 && o4 != 0.0
}

/// The first pair of crossing edges among `rings` (edges of one ring, and edges of different rings), as
/// (ring, edge) pairs. Uses a grid so large maps stay fast.
pub fn first_crossing(rings: &[&[Pt]]) -> Option<((usize, usize), (usize, usize))> {
    let mut edges: Vec<(usize, usize, Pt, Pt)> = Vec::new();
    for (r, ring) in rings.iter().enumerate() {
        let n = ring.len();
        for i in 0..n {
            edges.push((r, i, ring[i], ring[(i + 1) % n]));
        }
    }
    if edges.is_empty() {
        return None;
    }
    let mut b = super::Bounds::empty();
    edges.iter().for_each(|e| {
        b.add(e.2);
        b.add(e.3);
    });
    let cells = ((edges.len() as f64).sqrt().ceil() as usize).clamp(1, 256);
    let cw = (b.width() / cells as f64).max(1e-9);
    let ch = (b.height() / cells as f64).max(1e-9);
    let cell = |x: f64, y: f64| {
        let cx = (((x - b.min[0]) / cw) as usize).min(cells - 1);
        let cy = (((y - b.min[1]) / ch) as usize).min(cells - 1);
        (cx, cy)
    };
    let mut grid: Vec<Vec<usize>> = vec![Vec::new(); cells * cells];
    for (k, e) in edges.iter().enumerate() {
        let (x0, y0) = cell(e.2[0].min(e.3[0]), e.2[1].min(e.3[1]));
        let (x1, y1) = cell(e.2[0].max(e.3[0]), e.2[1].max(e.3[1]));
        for gx in x0..=x1 {
            for gy in y0..=y1 {
                grid[gy * cells + gx].push(k);
            }
        }
    }
    for bucket in &grid {
        for (i, &p) in bucket.iter().enumerate() {
            for &q in &bucket[i + 1..] {
                let (e, f) = (&edges[p], &edges[q]);
                if e.0 == f.0 {
                    let n = rings[e.0].len();
                    if (e.1 + 1) % n == f.1 || (f.1 + 1) % n == e.1 {
                        continue; // neighbours in the ring share a point
                    }
                }
                if segments_cross(e.2, e.3, f.2, f.3) {
                    return Some(((e.0, e.1), (f.0, f.1)));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn douglas_peucker_keeps_ends_and_corners() {
        let line = [[0.0, 0.0], [1.0, 0.01], [2.0, 0.0], [3.0, 2.0], [4.0, 0.0]];
        assert_eq!(douglas_peucker(&line, 0.1), vec![[0.0, 0.0], [2.0, 0.0], [3.0, 2.0], [4.0, 0.0]]);
        assert_eq!(douglas_peucker(&line, 0.0), line.to_vec());
    }

    #[test]
    fn crossings_are_found_and_touching_is_not_a_crossing() {
        assert!(segments_cross([0.0, 0.0], [2.0, 2.0], [0.0, 2.0], [2.0, 0.0]));
        assert!(!segments_cross([0.0, 0.0], [1.0, 1.0], [1.0, 1.0], [2.0, 0.0]));
        assert!(!segments_cross([0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]));
        let bow_tie = [[0.0, 0.0], [2.0, 2.0], [2.0, 0.0], [0.0, 2.0]];
        assert!(first_crossing(&[&bow_tie]).is_some());
        let square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]];
        assert!(first_crossing(&[&square]).is_none());
        let through = [[1.0, -1.0], [1.5, 3.0], [1.2, 3.0]];
        assert!(first_crossing(&[&square, &through]).is_some());
    }
}
