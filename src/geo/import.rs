//! `import-map`: MLIT 国土数値情報 行政区域 (N03) for Tokyo, as GeoJSON or TopoJSON, into the kiosk's map
//! file. Features of one code are merged (N03 repeats a code for each island or exclave); the uncoded
//! 所属未定地 feature is reported and skipped; everything is projected, simplified with shared borders
//! kept shared, checked (62 codes matching municipalities.toml, no crossing edges, every label point
//! inside its municipality), and the islands are moved into inset frames. Nothing is written unless all of
//! that succeeds.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::mapfile::{Inset, MAP_FILE, MAP_FILE_VERSION, MapFile};
use super::project::{distance_km, project};
use super::simplify::{douglas_peucker, first_crossing};
use super::topology::simplify_shared;
use super::{Area, Bounds, MapGeometry, Polygon, Pt, Ring};

/// Japanese credit for the N03 data, stored in the map file and written to ATTRIBUTION.txt.
pub const ATTRIBUTION_JA: &str = "出典：国土交通省 国土数値情報（行政区域データ）を加工して作成";
/// English credit for the N03 data, stored in the map file and written to ATTRIBUTION.txt.
pub const ATTRIBUTION_EN: &str = "Source: MLIT National Land Numerical Information (Administrative Areas), processed";
/// Name of the attribution text [`write()`] puts next to the map file in `<config>/map/`.
pub const ATTRIBUTION_FILE: &str = "ATTRIBUTION.txt";

/// Display simplification of the municipalities, in km.
const TOLERANCE_KM: f64 = 0.08;
/// Of the grey context outlines, in km.
const CONTEXT_TOLERANCE_KM: f64 = 0.4;
/// Ogasawara's inset shows the islands within this distance of its label point (Chichijima and
/// Hahajima); its remote islets would shrink them to dots.
const FAR_INSET_RADIUS_KM: f64 = 80.0;

/// What the importer needs of one municipality of municipalities.toml.
#[derive(Debug, Clone)]
pub struct Municipality {
    /// Five-digit local government code, matched against N03_007 (e.g. "13104").
    pub code: String,
    /// Japanese name, for error messages.
    pub name_ja: String,
    /// Label point, longitude and latitude in degrees; must end up inside its simplified shape.
    pub lon_lat: Pt,
    /// In the island region: its shapes are moved into an inset frame.
    pub island: bool,
}

/// Why an import failed (nothing is written then); each error names the file concerned.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImportError {
    /// A file could not be read (or, by [`write()`], written).
    #[error("{path}: cannot read: {reason}")]
    Read {
        /// The file, as displayed.
        path: String,
        /// The I/O error.
        reason: String,
    },
    /// The input is not valid JSON.
    #[error("{path}:{line}:{column}: not valid JSON: {reason}")]
    Json {
        /// The input file, as displayed.
        path: String,
        /// 1-based line of the error, from serde_json.
        line: usize,
        /// 1-based column of the error, from serde_json.
        column: usize,
        /// serde_json's message.
        reason: String,
    },
    /// The input is not what the importer reads: not UTF-8, not a FeatureCollection or Topology,
    /// not longitude/latitude, missing parts (or the map file could not be serialised).
    #[error("{path}: {reason}")]
    Format {
        /// The file (or, when serialising, the map directory), as displayed.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// One feature is unusable: malformed or empty geometry, a position outside Japan, an unknown code.
    #[error("{path}: feature {index}: {reason}")]
    Feature {
        /// The file, as displayed.
        path: String,
        /// 0-based position of the feature in the file's features (or TopoJSON geometries).
        index: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// The result fails the checks: a municipality without a shape, or, even unsimplified, crossing
    /// edges or a label point outside its shape.
    #[error("{path}: {reason}")]
    Validate {
        /// The input file, as displayed.
        path: String,
        /// Which check failed, and for which municipalities.
        reason: String,
    },
}

/// What the import did, for the command's output.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportSummary {
    /// Features read from the input, coded or not.
    pub features: usize,
    /// Names of features without a code (所属未定地), skipped.
    pub skipped_uncoded: Vec<String>,
    /// Municipalities given a shape (all of municipalities.toml).
    pub municipalities: usize,
    /// Vertices of all the municipalities' rings before simplification.
    pub vertices_in: usize,
    /// Vertices after simplification.
    pub vertices_out: usize,
    /// Grey prefecture outlines kept from the `--context` file (0 without one).
    pub context_outlines: usize,
    /// Simplification tolerance used, in km: 0.08, else 0.04 or 0.02 when a coarser one failed the checks,
    /// else 0 (unsimplified).
    pub tolerance_km: f64,
}

/// One feature's municipality code (or none) and its polygons in longitude/latitude.
struct RawFeature {
    code: Option<String>,
    name: String,
    polygons: Vec<Polygon>,
}

fn num(v: &Value) -> Option<f64> {
    v.as_f64().filter(|x| x.is_finite())
}

fn position(v: &Value) -> Option<Pt> {
    let a = v.as_array()?;
    Some([num(a.first()?)?, num(a.get(1)?)?])
}

fn ring_of(v: &Value) -> Option<Ring> {
    let mut ring: Ring = v.as_array()?.iter().map(position).collect::<Option<_>>()?;
    if ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    Some(ring)
}

fn polygon_of(v: &Value) -> Option<Polygon> {
    let rings: Vec<Ring> = v.as_array()?.iter().map(ring_of).collect::<Option<_>>()?;
    let mut it = rings.into_iter();
    let outer = it.next()?;
    Some(Polygon { outer, holes: it.collect() })
}

fn properties(f: &Value) -> Result<(Option<String>, String), String> {
    let props = f.get("properties").and_then(Value::as_object).ok_or("no properties (expected N03_001 … N03_007)")?;
    if !props.contains_key("N03_001") || !props.contains_key("N03_007") {
        return Err("properties lack N03_001 / N03_007: not an N03 administrative-area feature".into());
    }
    let code =
        props.get("N03_007").and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let name = ["N03_004", "N03_003", "N03_001"]
        .iter()
        .find_map(|k| props.get(*k).and_then(Value::as_str).filter(|s| !s.is_empty()))
        .unwrap_or("?")
        .to_string();
    Ok((code, name))
}

fn check_crs(path: &str, root: &Value) -> Result<(), ImportError> {
    let Some(crs) = root.get("crs") else { return Ok(()) };
    let name = crs.pointer("/properties/name").and_then(Value::as_str).unwrap_or("");
    // Longitude/latitude on JGD2000, JGD2011 or WGS 84 are all fine at kiosk scale.
    const GEOGRAPHIC: [&str; 6] = ["CRS84", "EPSG::4326", "EPSG:4326", "EPSG::6668", "EPSG::4612", "EPSG:6668"];
    if GEOGRAPHIC.iter().any(|g| name.ends_with(g)) {
        Ok(())
    } else {
        Err(ImportError::Format {
            path: path.into(),
            reason: format!(
                "crs {name:?} is not longitude/latitude (expected JGD2011 / JGD2000 / WGS 84 degrees, as MLIT publishes N03)"
            ),
        })
    }
}

fn geojson_features(path: &str, root: &Value) -> Result<Vec<RawFeature>, ImportError> {
    check_crs(path, root)?;
    let features = root.get("features").and_then(Value::as_array).ok_or(ImportError::Format {
        path: path.into(),
        reason: "FeatureCollection without a \"features\" array".into(),
    })?;
    let mut out = Vec::with_capacity(features.len());
    for (index, f) in features.iter().enumerate() {
        let err = |reason: String| ImportError::Feature { path: path.into(), index, reason };
        let (code, name) = properties(f).map_err(err)?;
        let geometry = f.get("geometry").filter(|g| !g.is_null()).ok_or_else(|| err("empty geometry".into()))?;
        let coords = geometry.get("coordinates").ok_or_else(|| err("geometry without coordinates".into()))?;
        let polygons = match geometry.get("type").and_then(Value::as_str) {
            Some("Polygon") => vec![polygon_of(coords).ok_or_else(|| err("malformed Polygon coordinates".into()))?],
            Some("MultiPolygon") => coords
                .as_array()
                .ok_or_else(|| err("malformed MultiPolygon coordinates".into()))?
                .iter()
                .map(polygon_of)
                .collect::<Option<_>>()
                .ok_or_else(|| err("malformed MultiPolygon coordinates".into()))?,
            other => return Err(err(format!("geometry type {other:?}; expected Polygon or MultiPolygon"))),
        };
        out.push(RawFeature { code, name, polygons });
    }
    Ok(out)
}

fn topojson_features(path: &str, root: &Value) -> Result<Vec<RawFeature>, ImportError> {
    let fmt = |reason: &str| ImportError::Format { path: path.into(), reason: reason.into() };
    let arcs_v = root.get("arcs").and_then(Value::as_array).ok_or_else(|| fmt("Topology without \"arcs\""))?;
    let (scale, translate) = match root.get("transform") {
        Some(t) => (
            t.get("scale").and_then(position).ok_or_else(|| fmt("transform without a scale"))?,
            t.get("translate").and_then(position).ok_or_else(|| fmt("transform without a translate"))?,
        ),
        None => ([1.0, 1.0], [0.0, 0.0]),
    };
    let quantized = root.get("transform").is_some();
    let mut arcs: Vec<Vec<Pt>> = Vec::with_capacity(arcs_v.len());
    for (i, a) in arcs_v.iter().enumerate() {
        let pts = a.as_array().ok_or_else(|| fmt(&format!("arc {i} is not an array")))?;
        let (mut x, mut y) = (0.0, 0.0);
        let mut arc = Vec::with_capacity(pts.len());
        for p in pts {
            let q = position(p).ok_or_else(|| fmt(&format!("arc {i} has a malformed position")))?;
            let (qx, qy) = if quantized {
                x += q[0];
                y += q[1];
                (x, y)
            } else {
                (q[0], q[1])
            };
            arc.push([qx * scale[0] + translate[0], qy * scale[1] + translate[1]]);
        }
        arcs.push(arc);
    }
    let objects = root.get("objects").and_then(Value::as_object).ok_or_else(|| fmt("Topology without \"objects\""))?;
    let collection = objects
        .values()
        .find(|o| o.get("geometries").is_some())
        .ok_or_else(|| fmt("no GeometryCollection among the objects"))?;
    let geometries =
        collection.get("geometries").and_then(Value::as_array).ok_or_else(|| fmt("geometries is not an array"))?;
    let ring = |refs: &Value| -> Option<Ring> {
        let mut ring: Ring = Vec::new();
        for r in refs.as_array()? {
            let i = r.as_i64()?;
            let (idx, reversed) = if i < 0 { ((!i) as usize, true) } else { (i as usize, false) };
            let arc = arcs.get(idx)?;
            let pts: Vec<Pt> = if reversed { arc.iter().rev().copied().collect() } else { arc.clone() };
            let skip = usize::from(!ring.is_empty());
            ring.extend(pts.into_iter().skip(skip));
        }
        if ring.len() > 1 && ring.first() == ring.last() {
            ring.pop();
        }
        Some(ring)
    };
    let polygon = |v: &Value| -> Option<Polygon> {
        let rings: Vec<Ring> = v.as_array()?.iter().map(ring).collect::<Option<_>>()?;
        let mut it = rings.into_iter();
        Some(Polygon { outer: it.next()?, holes: it.collect() })
    };
    let mut out = Vec::with_capacity(geometries.len());
    for (index, g) in geometries.iter().enumerate() {
        let err = |reason: String| ImportError::Feature { path: path.into(), index, reason };
        let (code, name) = properties(g).map_err(err)?;
        let arcs_ref = g.get("arcs").ok_or_else(|| err("empty geometry".into()))?;
        let polygons = match g.get("type").and_then(Value::as_str) {
            Some("Polygon") => vec![polygon(arcs_ref).ok_or_else(|| err("malformed Polygon arcs".into()))?],
            Some("MultiPolygon") => arcs_ref
                .as_array()
                .ok_or_else(|| err("malformed MultiPolygon arcs".into()))?
                .iter()
                .map(polygon)
                .collect::<Option<_>>()
                .ok_or_else(|| err("malformed MultiPolygon arcs".into()))?,
            other => return Err(err(format!("geometry type {other:?}; expected Polygon or MultiPolygon"))),
        };
        out.push(RawFeature { code, name, polygons });
    }
    Ok(out)
}

fn read_json(path: &Path) -> Result<Value, ImportError> {
    let p = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ImportError::Read { path: p.clone(), reason: e.to_string() })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| ImportError::Format {
        path: p.clone(),
        reason: format!("not UTF-8 text ({e}); N03 GeoJSON is UTF-8"),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| ImportError::Json {
        path: p,
        line: e.line(),
        column: e.column(),
        reason: e.to_string(),
    })
}

fn features(path: &Path) -> Result<(Vec<RawFeature>, Value), ImportError> {
    let p = path.display().to_string();
    let root = read_json(path)?;
    let feats = match root.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => geojson_features(&p, &root)?,
        Some("Topology") => topojson_features(&p, &root)?,
        other => {
            return Err(ImportError::Format {
                path: p,
                reason: format!("type {other:?}: expected a GeoJSON FeatureCollection or a TopoJSON Topology"),
            });
        }
    };
    for (index, f) in feats.iter().enumerate() {
        let bad = f
            .polygons
            .iter()
            .flat_map(|p| std::iter::once(&p.outer).chain(&p.holes))
            .flatten()
            .find(|q| !(120.0..=155.0).contains(&q[0]) || !(19.0..=46.0).contains(&q[1]));
        if let Some(q) = bad {
            return Err(ImportError::Feature {
                path: p,
                index,
                reason: format!("position {q:?} is not a longitude/latitude in Japan"),
            });
        }
        if f.polygons.is_empty() || f.polygons.iter().all(|p| p.outer.len() < 3) {
            return Err(ImportError::Feature { path: p, index, reason: "empty geometry".into() });
        }
    }
    Ok((feats, root))
}

/// The source's edition year, from an `N03-21` / `N03-2021`-style name in the file or its name.
fn source_year(root: &Value, path: &Path) -> Option<u32> {
    let mut names: Vec<String> = Vec::new();
    if let Some(n) = root.get("name").and_then(Value::as_str) {
        names.push(n.to_string());
    }
    if let Some(o) = root.get("objects").and_then(Value::as_object) {
        names.extend(o.keys().cloned());
    }
    names.push(path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    names.iter().find_map(|n| {
        let at = n.find("N03-")? + 4;
        let digits: String = n[at..].chars().take_while(char::is_ascii_digit).collect();
        match digits.len() {
            2 => digits.parse::<u32>().ok().map(|y| 2000 + y),
            4 | 8 => digits[..4].parse().ok(),
            _ => None,
        }
    })
}

fn project_polygon(p: &Polygon) -> Polygon {
    Polygon {
        outer: p.outer.iter().map(|q| project(*q)).collect(),
        holes: p.holes.iter().map(|h| h.iter().map(|q| project(*q)).collect()).collect(),
    }
}

fn transform(p: &Polygon, f: &dyn Fn(Pt) -> Pt) -> Polygon {
    Polygon {
        outer: p.outer.iter().map(|q| f(*q)).collect(),
        holes: p.holes.iter().map(|h| h.iter().map(|q| f(*q)).collect()).collect(),
    }
}

fn bounds(polys: &[Polygon]) -> Bounds {
    let mut b = Bounds::empty();
    polys.iter().flat_map(|p| &p.outer).for_each(|q| b.add(*q));
    b
}

fn validate(path: &str, munis: &[Municipality], areas: &[Vec<Polygon>]) -> Result<(), String> {
    let all: Vec<&[Pt]> = areas
        .iter()
        .flat_map(|a| {
            a.iter().flat_map(|p| std::iter::once(p.outer.as_slice()).chain(p.holes.iter().map(Vec::as_slice)))
        })
        .collect();
    if let Some(((r1, e1), (r2, e2))) = first_crossing(&all) {
        let owner = |r: usize| {
            let mut k = r;
            for (m, a) in munis.iter().zip(areas) {
                let n = a.iter().map(|p| 1 + p.holes.len()).sum::<usize>();
                if k < n {
                    return m.code.clone();
                }
                k -= n;
            }
            "?".into()
        };
        return Err(format!(
            "{path}: edges cross after simplification ({} edge {e1}, {} edge {e2})",
            owner(r1),
            owner(r2)
        ));
    }
    for (m, a) in munis.iter().zip(areas) {
        let label = project(m.lon_lat);
        if !a.iter().any(|p| p.contains(label)) {
            return Err(format!(
                "{} {}: its label point {:?} from municipalities.toml is outside its shape",
                m.code, m.name_ja, m.lon_lat
            ));
        }
    }
    Ok(())
}

/// Imports `input` (and optional `context` prefecture outlines). `progress(done, total)` follows the
/// features as they are read and processed.
pub fn import(
    input: &Path,
    context: Option<&Path>,
    munis: &[Municipality],
    progress: &mut dyn FnMut(usize, usize),
) -> Result<(MapFile, ImportSummary), ImportError> {
    let p = input.display().to_string();
    let (feats, root) = features(input)?;
    let total = feats.len();
    let mut summary = ImportSummary { features: total, tolerance_km: TOLERANCE_KM, ..ImportSummary::default() };
    let index: BTreeMap<&str, usize> = munis.iter().enumerate().map(|(i, m)| (m.code.as_str(), i)).collect();
    let mut raw: Vec<Vec<Polygon>> = vec![Vec::new(); munis.len()];
    for (i, f) in feats.into_iter().enumerate() {
        match &f.code {
            None => summary.skipped_uncoded.push(f.name.clone()),
            Some(code) => {
                let m = *index.get(code.as_str()).ok_or_else(|| ImportError::Feature {
                    path: p.clone(),
                    index: i,
                    reason: format!("code {code} ({}) is not in municipalities.toml", f.name),
                })?;
                raw[m].extend(f.polygons.iter().map(project_polygon));
            }
        }
        progress(i + 1, total);
    }
    let missing: Vec<String> = munis
        .iter()
        .zip(&raw)
        .filter(|(_, r)| r.is_empty())
        .map(|(m, _)| format!("{} {}", m.code, m.name_ja))
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::Validate {
            path: p,
            reason: format!(
                "{} of the {} municipalities have no shape: {}",
                missing.len(),
                munis.len(),
                missing.join(", ")
            ),
        });
    }
    summary.municipalities = munis.len();
    summary.vertices_in =
        raw.iter().flatten().map(|p| p.outer.len() + p.holes.iter().map(Vec::len).sum::<usize>()).sum();
    // Simplify; if that makes edges cross or moves a border past a label point, try finer, then not at all.
    let mut last_err = String::new();
    let mut simplified = None;
    for tolerance in [TOLERANCE_KM, TOLERANCE_KM / 2.0, TOLERANCE_KM / 4.0, 0.0] {
        let s = simplify_shared(&raw, tolerance);
        match validate(&p, munis, &s) {
            Ok(()) => {
                summary.tolerance_km = tolerance;
                simplified = Some(s);
                break;
            }
            Err(e) => last_err = e,
        }
    }
    let areas = simplified.ok_or(ImportError::Validate { path: p.clone(), reason: last_err })?;
    summary.vertices_out =
        areas.iter().flatten().map(|p| p.outer.len() + p.holes.iter().map(Vec::len).sum::<usize>()).sum();
    let mut map = place_insets(munis, areas);
    if let Some(c) = context {
        map.context = context_outlines(c)?;
        summary.context_outlines = map.context.len();
    }
    let file = MapFile {
        version: MAP_FILE_VERSION,
        attribution_ja: ATTRIBUTION_JA.into(),
        attribution_en: ATTRIBUTION_EN.into(),
        source_year: source_year(&root, input),
        source_file: input.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        map,
    };
    Ok((file, summary))
}

/// Grey outlines of the neighbouring prefectures (Tokyo's own outline is left out: its municipalities
/// are drawn over it).
fn context_outlines(path: &Path) -> Result<Vec<Polygon>, ImportError> {
    let p = path.display().to_string();
    let root = read_json(path)?;
    if root.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
        return Err(ImportError::Format {
            path: p,
            reason: "the context must be a GeoJSON FeatureCollection of prefecture outlines".into(),
        });
    }
    check_crs(&p, &root)?;
    let features = root.get("features").and_then(Value::as_array).cloned().unwrap_or_default();
    let mut out = Vec::new();
    for (index, f) in features.iter().enumerate() {
        let err = |reason: &str| ImportError::Feature { path: p.clone(), index, reason: reason.into() };
        if f.pointer("/properties/N03_001").and_then(Value::as_str) == Some("東京都") {
            continue;
        }
        let g = f.get("geometry").filter(|g| !g.is_null()).ok_or_else(|| err("empty geometry"))?;
        let coords = g.get("coordinates").ok_or_else(|| err("geometry without coordinates"))?;
        let polys: Vec<Polygon> = match g.get("type").and_then(Value::as_str) {
            Some("Polygon") => vec![polygon_of(coords).ok_or_else(|| err("malformed Polygon"))?],
            Some("MultiPolygon") => coords
                .as_array()
                .ok_or_else(|| err("malformed MultiPolygon"))?
                .iter()
                .map(polygon_of)
                .collect::<Option<_>>()
                .ok_or_else(|| err("malformed MultiPolygon"))?,
            _ => return Err(err("expected Polygon or MultiPolygon")),
        };
        for poly in polys {
            let q = project_polygon(&poly);
            let outer = douglas_peucker(&close(&q.outer), CONTEXT_TOLERANCE_KM);
            if outer.len() > 3 {
                out.push(Polygon { outer: open(outer), holes: Vec::new() });
            }
        }
    }
    Ok(out)
}

fn close(r: &[Pt]) -> Vec<Pt> {
    let mut v = r.to_vec();
    if let Some(f) = r.first() {
        v.push(*f);
    }
    v
}

fn open(mut r: Vec<Pt>) -> Vec<Pt> {
    if r.len() > 1 && r.first() == r.last() {
        r.pop();
    }
    r
}

/// Moves the island municipalities into frames south-east of the mainland: the Izu islands in one, and
/// Ogasawara's main islands in a second. Each frame notes its distance from central Tokyo.
fn place_insets(munis: &[Municipality], mut areas: Vec<Vec<Polygon>>) -> MapGeometry {
    let mainland =
        bounds(&munis.iter().zip(&areas).filter(|(m, _)| !m.island).flat_map(|(_, a)| a.clone()).collect::<Vec<_>>());
    let centre_lon_lat = munis.iter().find(|m| m.code == "13101").map_or([139.7536, 35.6863], |m| m.lon_lat);
    let far = |m: &Municipality| m.island && m.lon_lat[1] < 30.0;
    let groups: [Vec<usize>; 2] = [
        (0..munis.len()).filter(|i| munis[*i].island && !far(&munis[*i])).collect(),
        (0..munis.len()).filter(|i| far(&munis[*i])).collect(),
    ];
    // Ogasawara: only the islands near its label point.
    for &i in &groups[1] {
        let label = project(munis[i].lon_lat);
        areas[i].retain(|p| {
            let c = bounds(std::slice::from_ref(p)).centre();
            (c[0] - label[0]).hypot(c[1] - label[1]) <= FAR_INSET_RADIUS_KM
        });
    }
    let h = mainland.height().max(1.0);
    let gap = 0.08 * h;
    let mut insets = Vec::new();
    let mut labels: Vec<Pt> = munis.iter().map(|m| project(m.lon_lat)).collect();
    let mut left = mainland.min[0] + 0.52 * mainland.width();
    for (g, members) in groups.iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let src = bounds(&members.iter().flat_map(|i| areas[*i].clone()).collect::<Vec<_>>());
        let frame_h = if g == 0 { 1.1 * h } else { 0.6 * h };
        let pad = 0.06 * frame_h;
        let scale = ((frame_h - 2.0 * pad) / src.height().max(1e-6)).min(1.0);
        let frame_w = src.width() * scale + 2.0 * pad;
        let top = mainland.min[1] - gap;
        let frame = ([left, top - frame_h], [left + frame_w, top]);
        let f = move |q: Pt| {
            [frame.0[0] + pad + (q[0] - src.min[0]) * scale, frame.0[1] + pad + (q[1] - src.min[1]) * scale]
        };
        for &i in members {
            areas[i] = areas[i].iter().map(|p| transform(p, &f)).collect();
            labels[i] = f(labels[i]);
        }
        let distance =
            members.iter().map(|i| distance_km(centre_lon_lat, munis[*i].lon_lat)).fold(f64::INFINITY, f64::min);
        insets.push(Inset {
            frame,
            distance_km: (distance / 10.0).round() as u32 * 10,
            codes: members.iter().map(|i| munis[*i].code.clone()).collect(),
        });
        left += frame_w + gap;
    }
    let inset_of =
        |i: usize| groups.iter().enumerate().filter(|(_, m)| !m.is_empty()).position(|(_, m)| m.contains(&i));
    MapGeometry {
        areas: munis
            .iter()
            .enumerate()
            .zip(areas)
            .map(|((i, m), polygons)| Area { code: m.code.clone(), polygons, label: labels[i], inset: inset_of(i) })
            .collect(),
        insets,
        context: Vec::new(),
    }
}

/// Writes `<config>/map/official-map.json` and the attribution text, each through a temporary file.
pub fn write(config_dir: &Path, file: &MapFile) -> Result<Vec<PathBuf>, ImportError> {
    let dir = config_dir.join("map");
    let err = |path: &Path, e: std::io::Error| ImportError::Read {
        path: path.display().to_string(),
        reason: format!("cannot write: {e}"),
    };
    std::fs::create_dir_all(&dir).map_err(|e| err(&dir, e))?;
    let json = serde_json::to_string(file)
        .map_err(|e| ImportError::Format { path: dir.display().to_string(), reason: e.to_string() })?;
    let year = file.source_year.map_or(String::new(), |y| format!(" ({y})"));
    let attribution = format!(
        "{}{year}\n{}{year}\nInput: {}. Imported by midori-kiosk import-map {}; not part of the midori-kiosk repository.\n",
        file.attribution_ja,
        file.attribution_en,
        file.source_file,
        env!("CARGO_PKG_VERSION")
    );
    let mut written = Vec::new();
    for (name, bytes) in [(MAP_FILE, json.into_bytes()), (ATTRIBUTION_FILE, attribution.into_bytes())] {
        let path = dir.join(name);
        let tmp = dir.join(format!("{name}.part"));
        std::fs::write(&tmp, bytes).map_err(|e| err(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| err(&path, e))?;
        written.push(path);
    }
    Ok(written)
}
