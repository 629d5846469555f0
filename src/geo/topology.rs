//! Topology-safe simplification: borders shared by two municipalities are simplified once and used by
//! both, so neighbours still share their border exactly (no slivers, no gaps).
//!
//! A vertex is a *junction* when three or more municipalities meet there, or when the set of
//! municipalities using it differs from that of a vertex next to it along some ring (where a shared
//! border turns into coast, or one border into another). Rings are cut at junctions into chains; each
//! chain is simplified in one canonical direction (Douglas–Peucker keeps its ends) and cached, so the two
//! rings that share a chain get the same points.

use std::collections::{HashMap, HashSet};

use super::simplify::douglas_peucker;
use super::{Polygon, Pt};

pub type Key = (u64, u64);

pub fn key(p: Pt) -> Key {
    (p[0].to_bits(), p[1].to_bits())
}

fn rings(polys: &[Polygon]) -> impl Iterator<Item = &Vec<Pt>> {
    polys.iter().flat_map(|p| std::iter::once(&p.outer).chain(p.holes.iter()))
}

/// Which areas use each vertex (sorted, distinct).
pub fn vertex_users(areas: &[Vec<Polygon>]) -> HashMap<Key, Vec<u32>> {
    let mut users: HashMap<Key, Vec<u32>> = HashMap::new();
    for (a, polys) in areas.iter().enumerate() {
        for ring in rings(polys) {
            for p in ring {
                let u = users.entry(key(*p)).or_default();
                if u.last() != Some(&(a as u32)) && !u.contains(&(a as u32)) {
                    u.push(a as u32);
                }
            }
        }
    }
    for u in users.values_mut() {
        u.sort_unstable();
    }
    users
}

fn junctions(areas: &[Vec<Polygon>], users: &HashMap<Key, Vec<u32>>) -> HashSet<Key> {
    let mut fixed = HashSet::new();
    for polys in areas {
        for ring in rings(polys) {
            let n = ring.len();
            for i in 0..n {
                let k = key(ring[i]);
                let set = &users[&k];
                let prev = &users[&key(ring[(i + n - 1) % n])];
                let next = &users[&key(ring[(i + 1) % n])];
                if set.len() >= 3 || set != prev || set != next {
                    fixed.insert(k);
                }
            }
        }
    }
    fixed
}

struct Simplifier<'a> {
    fixed: &'a HashSet<Key>,
    tolerance: f64,
    cache: HashMap<Vec<Key>, Vec<Pt>>,
}

impl Simplifier<'_> {
    fn chain(&mut self, chain: Vec<Pt>) -> Vec<Pt> {
        let n = chain.len();
        let (first, last) = (key(chain[0]), key(chain[n - 1]));
        let forward = first < last || (first == last && n > 2 && key(chain[1]) <= key(chain[n - 2]));
        let canonical: Vec<Pt> = if forward { chain } else { chain.into_iter().rev().collect() };
        let keys: Vec<Key> = canonical.iter().map(|p| key(*p)).collect();
        let tolerance = self.tolerance;
        let simplified = self.cache.entry(keys).or_insert_with(|| douglas_peucker(&canonical, tolerance)).clone();
        if forward { simplified } else { simplified.into_iter().rev().collect() }
    }

    fn ring(&mut self, ring: &[Pt]) -> Vec<Pt> {
        let n = ring.len();
        let mut cuts: Vec<usize> = (0..n).filter(|i| self.fixed.contains(&key(ring[*i]))).collect();
        if cuts.is_empty() {
            // A ring with no junction (an island, or an enclave and the hole it fills): start at its
            // smallest vertex, which both rings of an enclave agree on.
            let start = (0..n).min_by_key(|i| key(ring[*i])).unwrap_or(0);
            cuts.push(start);
        }
        let mut out = Vec::with_capacity(n);
        for (c, &start) in cuts.iter().enumerate() {
            let end = cuts[(c + 1) % cuts.len()];
            let len = if end > start { end - start } else { end + n - start };
            let chain: Vec<Pt> = (0..=len).map(|k| ring[(start + k) % n]).collect();
            let s = self.chain(chain);
            out.extend_from_slice(&s[..s.len() - 1]);
        }
        out
    }
}

/// Every area's polygons simplified with borders kept shared. Rings that collapse below 3 points are
/// dropped (and a polygon whose outer ring collapses).
pub fn simplify_shared(areas: &[Vec<Polygon>], tolerance: f64) -> Vec<Vec<Polygon>> {
    let users = vertex_users(areas);
    let fixed = junctions(areas, &users);
    let mut s = Simplifier { fixed: &fixed, tolerance, cache: HashMap::new() };
    areas
        .iter()
        .map(|polys| {
            polys
                .iter()
                .filter_map(|p| {
                    let outer = s.ring(&p.outer);
                    if outer.len() < 3 {
                        return None;
                    }
                    let holes = p.holes.iter().map(|h| s.ring(h)).filter(|h| h.len() >= 3).collect();
                    Some(Polygon { outer, holes })
                })
                .collect()
        })
        .collect()
}
