//! Mutation fuzzing of the two readers of untrusted files: the booth config loader and the map importer.
//! Each run mutates the shipped files (byte flips, deletions, insertions of TOML/JSON tokens, duplicated
//! lines, huge numbers) for `FUZZ_SECONDS` (default 3 s in the test suite; `tests/fuzz.sh` runs longer
//! in release), and fails on any panic, saving the input that caused it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::quiz::Rng;

const TOKENS: [&[u8]; 24] = [
    b"=",
    b"[",
    b"]",
    b"[[",
    b"]]",
    b"\"",
    b"{",
    b"}",
    b",",
    b"\n",
    b"#",
    b"-",
    b".",
    b"1e400",
    b"99999999999999999999",
    b"-1",
    b"true",
    b"nan",
    b"\xe3\x81\xbf",
    b"\xef\xbb\xbf",
    b"\x82\xdd",
    b"\0",
    b"null",
    b"2013-13-40T99:99:99",
];

fn budget() -> Duration {
    let s = std::env::var("FUZZ_SECONDS").ok().and_then(|v| v.parse::<f64>().ok()).unwrap_or(3.0);
    Duration::from_secs_f64(s)
}

pub fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut b = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = if b.is_empty() { 0 } else { rng.below(b.len()) };
        match rng.below(6) {
            0 if !b.is_empty() => b[at] ^= 1 << rng.below(8),
            1 => {
                let end = (at + 1 + rng.below(64)).min(b.len());
                b.drain(at..end);
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                b.splice(at..at, t.iter().copied());
            }
            3 => {
                // Duplicate the line around `at` (duplicate keys, repeated tables).
                let start = b[..at].iter().rposition(|c| *c == b'\n').map_or(0, |i| i + 1);
                let end = b[at..].iter().position(|c| *c == b'\n').map_or(b.len(), |i| at + i + 1);
                let line = b[start..end].to_vec();
                b.splice(end..end, line);
            }
            4 => b.truncate(at),
            _ => {
                // Replace a number with a huge or negative one.
                if let Some(i) = b[at..].iter().position(u8::is_ascii_digit) {
                    let i = at + i;
                    let t: &[u8] = if rng.below(2) == 0 { b"4294967296000" } else { b"-7" };
                    b.splice(i..i + 1, t.iter().copied());
                }
            }
        }
    }
    b
}

/// Runs `target` on mutations of `seeds` until the time budget is spent; returns the executions made.
/// A panic fails with the input saved next to the system temp dir.
pub fn fuzz(name: &str, seeds: &[Vec<u8>], mut target: impl FnMut(&[u8])) -> u64 {
    let mut rng = Rng::new(0x5eed ^ name.len() as u64);
    let deadline = Instant::now() + budget();
    let mut n = 0u64;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut crash: Option<PathBuf> = None;
    while Instant::now() < deadline {
        let seed = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed);
        n += 1;
        if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| target(&input))).is_err() {
            let p = std::env::temp_dir().join(format!("midori-fuzz-{name}-crash-{n}"));
            let _ = std::fs::write(&p, &input);
            crash = Some(p);
            break;
        }
    }
    std::panic::set_hook(previous);
    if let Some(p) = crash {
        panic!("fuzz {name}: panic after {n} executions; input saved to {}", p.display());
    }
    println!("fuzz {name}: {n} executions in {:.1} s, no panic", budget().as_secs_f64());
    n
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn fuzz_the_config_loader() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("cfg");
    std::fs::create_dir(&cfg).unwrap();
    let files = ["booth.toml", "municipalities.toml", "programs.toml", "project.toml", "quiz.toml", "showcase.toml"];
    for f in files {
        std::fs::copy(root().join("booth_config").join(f), cfg.join(f)).unwrap();
    }
    let locales = root().join("locales");
    let mut which = 0usize;
    let seeds: Vec<Vec<u8>> =
        files.iter().map(|f| std::fs::read(root().join("booth_config").join(f)).unwrap()).collect();
    // Each input replaces one file (in turn); the others stay valid, so the loader gets past them.
    let n = fuzz("config", &seeds, |input| {
        let f = files[which % files.len()];
        which += 1;
        std::fs::write(cfg.join(f), input).unwrap();
        let _ = crate::booth::load(&cfg, &locales);
        std::fs::copy(root().join("booth_config").join(f), cfg.join(f)).unwrap();
    });
    assert!(n > 0);
}

#[test]
fn fuzz_the_map_importer() {
    let dir = tempfile::tempdir().unwrap();
    let munis: Vec<crate::geo::import::Municipality> =
        crate::content::municipalities::load(&root().join("booth_config"))
            .unwrap()
            .list
            .iter()
            .map(|m| crate::geo::import::Municipality {
                code: m.code.clone(),
                name_ja: m.name_ja.clone(),
                lon_lat: [m.label_lon_lat.0, m.label_lon_lat.1],
                island: m.region == crate::content::Region::Islands,
            })
            .collect();
    let geo = root().join("../shared/geo");
    let seeds: Vec<Vec<u8>> =
        ["tokyo-municipalities-N03-2021-s1pct.topojson", "tokyo-municipalities-N03-2021-s1pct.geojson"]
            .iter()
            .map(|f| std::fs::read(geo.join(f)).unwrap())
            .collect();
    let path = dir.path().join("input.json");
    let n = fuzz("map-importer", &seeds, |input| {
        std::fs::write(&path, input).unwrap();
        if let Ok((file, _)) = crate::geo::import::import(&path, None, &munis, &mut |_, _| {}) {
            // Whatever imports must also tessellate and hit-test.
            for a in &file.map.areas {
                let _ = crate::geo::tessellate(&a.polygons);
                let _ = crate::geo::hit_test(&file.map, a.label, crate::geo::HitOptions { label_radius: 1.0 });
            }
        }
    });
    assert!(n > 0);
}
