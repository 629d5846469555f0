//! Tile map, importer (on the shared N03 test files, read by path), tessellation and hit testing.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::import::{ImportError, Municipality, import};
use super::topology::key;
use super::*;

fn shipped() -> Vec<Municipality> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let m = crate::content::municipalities::load(&root.join("booth_config")).unwrap();
    m.import_inputs()
}

fn tile_inputs() -> Vec<TileInput> {
    shipped().into_iter().map(|m| TileInput { code: m.code, lon_lat: m.lon_lat, island: m.island }).collect()
}

fn shared_geo(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/geo").join(name)
}

const GEOJSON: &str = "tokyo-municipalities-N03-2021-s1pct.geojson";
const TOPOJSON: &str = "tokyo-municipalities-N03-2021-s1pct.topojson";
const CONTEXT: &str = "kanto-context-prefectures-N03-2021-s1pct.geojson";

#[test]
fn the_tile_map_has_62_distinct_tiles_in_tokyo_order() {
    let inputs = tile_inputs();
    let map = tile_map(&inputs);
    assert_eq!(map.areas.len(), 62);
    let cells: HashSet<(i64, i64)> =
        map.areas.iter().map(|a| ((a.label[0] * 1000.0) as i64, (a.label[1] * 1000.0) as i64)).collect();
    assert_eq!(cells.len(), 62, "every municipality has its own cell");
    // Measure: of all pairs of municipalities more than 0.02° apart on an axis, the share whose order on
    // that axis is the same on the map (pairs on one tile row count as not agreeing north–south).
    let ew = order_agreement(&inputs, &map, 0, 0.02);
    let ns = order_agreement(&inputs, &map, 1, 0.02);
    println!("tile map order agreement: east-west {ew:.3}, north-south {ns:.3}");
    assert!(ew >= 0.9, "east-west order kept for {ew:.3} of pairs");
    assert!(ns >= 0.9, "north-south order kept for {ns:.3} of pairs");
    // Wards east of Tama on average; islands below the mainland; Ogasawara last.
    let mean_x = |r: &dyn Fn(&str) -> bool| {
        let xs: Vec<f64> = map.areas.iter().filter(|a| r(&a.code)).map(|a| a.label[0]).collect();
        xs.iter().sum::<f64>() / xs.len() as f64
    };
    assert!(mean_x(&|c| c.starts_with("131")) > mean_x(&|c| c.starts_with("132")));
    let lowest_mainland =
        map.areas.iter().zip(&inputs).filter(|(_, i)| !i.island).map(|(a, _)| a.label[1]).fold(f64::INFINITY, f64::min);
    assert!(map.areas.iter().zip(&inputs).filter(|(_, i)| i.island).all(|(a, _)| a.label[1] < lowest_mainland));
    let ogasawara = map.area("13421").unwrap();
    assert!(map.areas.iter().all(|a| a.label[1] >= ogasawara.label[1]));
    // Deterministic.
    assert_eq!(tile_map(&inputs), map);
}

#[test]
fn every_tile_label_hits_its_municipality_and_the_sea_hits_nothing() {
    let map = tile_map(&tile_inputs());
    let opts = HitOptions { label_radius: 0.5 };
    for (i, a) in map.areas.iter().enumerate() {
        assert_eq!(hit_test(&map, a.label, opts), Some(a.code.as_str()), "{i}");
    }
    let b = map.bounds();
    assert_eq!(hit_test(&map, [b.min[0] - 5.0, b.max[1] + 5.0], opts), None);
    assert_eq!(hit_test(&map, [b.max[0] + 3.0, b.min[1] - 3.0], opts), None);
}

fn import_shared(name: &str, context: bool) -> (MapFile, import::ImportSummary) {
    let ctx = shared_geo(CONTEXT);
    import(&shared_geo(name), context.then_some(ctx.as_path()), &shipped(), &mut |_, _| {}).unwrap()
}

#[test]
fn geojson_and_topojson_import_to_62_municipalities_with_insets() {
    for name in [GEOJSON, TOPOJSON] {
        let (file, summary) = import_shared(name, name == GEOJSON);
        let map = &file.map;
        assert_eq!(map.areas.len(), 62, "{name}");
        assert_eq!(map.areas.iter().map(|a| a.code.as_str()).collect::<HashSet<_>>().len(), 62);
        assert_eq!(summary.skipped_uncoded, ["所属未定地"], "{name}");
        assert_eq!(summary.features, 63);
        assert!(summary.vertices_out < summary.vertices_in, "{summary:?}");
        assert_eq!(file.source_year, Some(2021));
        assert!(file.attribution_ja.contains("国土数値情報"));
        // Every label inside its own shape, and hitting it.
        for (i, a) in map.areas.iter().enumerate() {
            assert!(a.contains(a.label), "{} label outside", a.code);
            assert_eq!(hit_test(map, a.label, HitOptions { label_radius: 0.0 }), Some(a.code.as_str()), "{i}");
        }
        // Nine islands in two frames, drawn inside them, all below the mainland.
        assert_eq!(map.insets.len(), 2);
        assert_eq!(map.insets[0].codes.len(), 8);
        assert_eq!(map.insets[1].codes, ["13421"]);
        let mainland = map.bounds_of(|a| a.inset.is_none());
        for a in map.areas.iter().filter(|a| a.inset.is_some()) {
            let f = map.insets[a.inset.unwrap()].frame;
            for p in a.polygons.iter().flat_map(|p| &p.outer) {
                assert!(
                    p[0] >= f.0[0] && p[0] <= f.1[0] && p[1] >= f.0[1] && p[1] <= f.1[1],
                    "{} outside its frame",
                    a.code
                );
            }
            assert!(f.1[1] < mainland.min[1]);
        }
        // Izu Ōshima is about 110 km from central Tokyo, Chichijima about 1000 km.
        assert!((90..=130).contains(&map.insets[0].distance_km), "{}", map.insets[0].distance_km);
        assert!((950..=1050).contains(&map.insets[1].distance_km), "{}", map.insets[1].distance_km);
        // The sea east of Tokyo and a point far north select nothing.
        let opts = HitOptions { label_radius: 1.0 };
        assert_eq!(hit_test(map, project([140.2, 35.3]), opts), None);
        assert_eq!(hit_test(map, project([139.5, 36.5]), opts), None);
        if name == GEOJSON {
            assert!(!map.context.is_empty());
        }
    }
}

/// Undirected edges of each area, by exact vertex.
type Edge = ((u64, u64), (u64, u64));

fn edges(map_areas: &[Vec<Polygon>]) -> HashMap<Edge, HashSet<usize>> {
    let mut out: HashMap<_, HashSet<usize>> = HashMap::new();
    for (a, polys) in map_areas.iter().enumerate() {
        for ring in polys.iter().flat_map(|p| std::iter::once(&p.outer).chain(&p.holes)) {
            for i in 0..ring.len() {
                let (u, v) = (key(ring[i]), key(ring[(i + 1) % ring.len()]));
                out.entry(if u < v { (u, v) } else { (v, u) }).or_default().insert(a);
            }
        }
    }
    out
}

#[test]
fn simplification_keeps_shared_borders_shared() {
    let (file, _) = import_shared(TOPOJSON, false);
    let mainland: Vec<Vec<Polygon>> =
        file.map.areas.iter().filter(|a| a.inset.is_none()).map(|a| a.polygons.clone()).collect();
    let e = edges(&mainland);
    // Every edge belongs to one municipality (coast, prefecture border) or exactly two (a shared border).
    assert!(e.values().all(|s| s.len() <= 2));
    let neighbours: HashSet<(usize, usize)> = e
        .values()
        .filter(|s| s.len() == 2)
        .map(|s| {
            let mut v: Vec<_> = s.iter().copied().collect();
            v.sort();
            (v[0], v[1])
        })
        .collect();
    // A gap or sliver would leave a border edge used by one side only: each vertex used by two areas
    // must sit on an edge the two share.
    let users = topology::vertex_users(&mainland);
    for (k, u) in &users {
        if u.len() == 2 {
            assert!(neighbours.contains(&(u[0] as usize, u[1] as usize)), "vertex {k:?} of {u:?} is on no shared edge");
        }
    }
    // Shinjuku (13104) borders Chiyoda (13101) and Shibuya (13113).
    let idx = |c: &str| file.map.areas.iter().filter(|a| a.inset.is_none()).position(|a| a.code == c).unwrap();
    assert!(neighbours.contains(&(idx("13101"), idx("13104"))));
    assert!(neighbours.contains(&(idx("13104"), idx("13113"))));
    assert!(neighbours.len() > 100, "{} neighbouring pairs", neighbours.len());
    // No crossing edges anywhere.
    let rings: Vec<&[Pt]> = file.map.areas.iter().flat_map(|a| a.polygons.iter().map(|p| p.outer.as_slice())).collect();
    assert!(simplify::first_crossing(&rings).is_none());
}

#[test]
fn tessellation_covers_each_shape_exactly() {
    let (file, _) = import_shared(GEOJSON, false);
    for a in &file.map.areas {
        let t = tessellate(&a.polygons);
        let want: f64 = a
            .polygons
            .iter()
            .map(|p| (signed_area2(&p.outer).abs() - p.holes.iter().map(|h| signed_area2(h).abs()).sum::<f64>()) / 2.0)
            .sum();
        assert!((t.area() - want).abs() <= want * 1e-6 + 1e-9, "{}: {} vs {want}", a.code, t.area());
        assert_eq!(t.indices.len() % 3, 0);
    }
    // A square with a square hole: 8 triangles, area 16 - 4.
    let sq = |r: f64| vec![[-r, -r], [r, -r], [r, r], [-r, r]];
    let t = tessellate(&[Polygon { outer: sq(2.0), holes: vec![sq(1.0)] }]);
    assert_eq!(t.indices.len() / 3, 8);
    assert!((t.area() - 12.0).abs() < 1e-9);
}

fn write_tmp(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn import_err(path: &Path) -> ImportError {
    import(path, None, &shipped(), &mut |_, _| {}).unwrap_err()
}

#[test]
fn malformed_inputs_give_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let feature = |props: &str, geom: &str| {
        format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{props},"geometry":{geom}}}]}}"#
        )
    };
    let square = r#"{"type":"Polygon","coordinates":[[[139.7,35.6],[139.8,35.6],[139.8,35.7],[139.7,35.6]]]}"#;
    let props = r#"{"N03_001":"東京都","N03_004":"千代田区","N03_007":"13101"}"#;

    let e = import_err(&write_tmp(d, "not.json", "N03_001,N03_007\n東京都,13101\n"));
    assert!(matches!(&e, ImportError::Json { line: 1, .. }), "{e}");
    assert!(e.to_string().contains("not.json:1:"), "{e}");

    let full = std::fs::read_to_string(shared_geo(GEOJSON)).unwrap();
    let e = import_err(&write_tmp(d, "truncated.geojson", &full[..full.len() / 2]));
    assert!(e.to_string().contains("truncated.geojson:") && e.to_string().contains("not valid JSON"), "{e}");

    let crs = full.replacen(
        r#""type":"FeatureCollection","#,
        r#""type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::6677"}},"#,
        1,
    );
    let e = import_err(&write_tmp(d, "crs.geojson", &crs));
    assert!(e.to_string().contains("EPSG::6677") && e.to_string().contains("not longitude/latitude"), "{e}");

    let e = import_err(&write_tmp(d, "props.geojson", &feature(r#"{"name":"千代田区"}"#, square)));
    assert!(e.to_string().contains("props.geojson: feature 0: properties lack N03_001"), "{e}");

    let e = import_err(&write_tmp(
        d,
        "unknown.geojson",
        &feature(r#"{"N03_001":"東京都","N03_004":"横浜市","N03_007":"14100"}"#, square),
    ));
    assert!(e.to_string().contains("feature 0: code 14100 (横浜市) is not in municipalities.toml"), "{e}");

    let e = import_err(&write_tmp(d, "empty.geojson", &feature(props, "null")));
    assert!(e.to_string().contains("feature 0: empty geometry"), "{e}");
    let e = import_err(&write_tmp(d, "empty2.geojson", &feature(props, r#"{"type":"MultiPolygon","coordinates":[]}"#)));
    assert!(e.to_string().contains("feature 0: empty geometry"), "{e}");

    let e = import_err(&write_tmp(
        d,
        "projected.geojson",
        &feature(props, r#"{"type":"Polygon","coordinates":[[[-3000,5000],[0,5000],[0,0]]]}"#),
    ));
    assert!(e.to_string().contains("is not a longitude/latitude in Japan"), "{e}");

    // A valid feature, but only one of the 62.
    let e = import_err(&write_tmp(d, "one.geojson", &feature(props, square)));
    assert!(e.to_string().contains("61 of the 62 municipalities have no shape"), "{e}");

    let e = import_err(&write_tmp(d, "list.json", "[1, 2, 3]"));
    assert!(e.to_string().contains("expected a GeoJSON FeatureCollection or a TopoJSON Topology"), "{e}");

    let mut sjis = vec![0x7b, 0x22, 0x83, 0x65, 0x22, 0x7d];
    sjis.extend_from_slice(b"\n");
    std::fs::write(d.join("sjis.geojson"), &sjis).unwrap();
    let e = import_err(&d.join("sjis.geojson"));
    assert!(e.to_string().contains("not UTF-8"), "{e}");

    let e = import_err(&d.join("missing.geojson"));
    assert!(e.to_string().contains("missing.geojson: cannot read"), "{e}");
}

#[test]
fn a_written_map_loads_back_and_a_damaged_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = import_shared(TOPOJSON, false);
    let written = import::write(dir.path(), &file).unwrap();
    assert_eq!(written.len(), 2);
    let attribution = std::fs::read_to_string(&written[1]).unwrap();
    assert!(
        attribution.contains("出典：国土交通省 国土数値情報（行政区域データ）を加工して作成 (2021)"),
        "{attribution}"
    );
    let codes: Vec<String> = shipped().into_iter().map(|m| m.code).collect();
    let back = MapFile::load(dir.path(), &codes).unwrap().unwrap();
    assert_eq!(back, file);
    assert!(MapFile::load(&dir.path().join("nowhere"), &codes).unwrap().is_none());
    std::fs::write(&written[0], "{\"version\": 1,\n \"map\": [").unwrap();
    let e = MapFile::load(dir.path(), &codes).unwrap_err();
    assert!(e.to_string().contains("official-map.json:2:"), "{e}");
}
