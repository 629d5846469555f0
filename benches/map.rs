//! Map import benchmark: the shared N03 test files (read by path, never copied) → import (parse, merge,
//! project, shared-border simplification, validation, insets) + tessellation of every municipality.
//! Target < 200 ms. `cargo bench --no-default-features --bench map`

use std::path::Path;
use std::time::{Duration, Instant};

use midori_kiosk::geo::import::import;
use midori_kiosk::geo::tessellate;

const RUNS: usize = 15;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let list = midori_kiosk::content::municipalities::load(&root.join("booth_config")).expect("municipalities.toml");
    let munis = list.import_inputs();
    let geo = root.join("../shared/geo");
    let context = geo.join("kanto-context-prefectures-N03-2021-s1pct.geojson");
    for name in ["tokyo-municipalities-N03-2021-s1pct.geojson", "tokyo-municipalities-N03-2021-s1pct.topojson"] {
        let input = geo.join(name);
        let mut import_times = Vec::new();
        let mut tess_times = Vec::new();
        let mut triangles = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            let (file, _) = import(&input, Some(&context), &munis, &mut |_, _| {}).expect("import");
            import_times.push(t.elapsed());
            let t = Instant::now();
            triangles = file.map.areas.iter().map(|a| tessellate(&a.polygons).indices.len() / 3).sum::<usize>()
                + file.map.context.iter().map(|p| tessellate(std::slice::from_ref(p)).indices.len() / 3).sum::<usize>();
            tess_times.push(t.elapsed());
        }
        import_times.sort();
        tess_times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let (i, t) = (import_times[RUNS / 2], tess_times[RUNS / 2]);
        println!(
            "{name} + context: import {:.1} ms, tessellate {:.1} ms ({triangles} triangles), total {:.1} ms (median of {RUNS}; target < 200 ms)",
            ms(i),
            ms(t),
            ms(i + t)
        );
    }
}
