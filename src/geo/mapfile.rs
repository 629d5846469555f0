//! The map file `import-map` writes under `<config>/map/` and the kiosk reads: projected, simplified,
//! validated municipality shapes with the island insets baked in, the context outlines, and the
//! attribution that must be on screen with it.

use serde::{Deserialize, Serialize};
use std::path::Path;

use super::{MapGeometry, Pt};

/// File name of the map file in `<config>/map/`.
pub const MAP_FILE: &str = "official-map.json";
/// Format version written into the map file; [`MapFile::load`] refuses any other.
pub const MAP_FILE_VERSION: u32 = 1;

/// A frame drawn around island municipalities shown away from their true place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inset {
    /// Lower-left and upper-right corners, in map units.
    pub frame: (Pt, Pt),
    /// Distance from central Tokyo (千代田区's label point) to the nearest island in the frame, rounded.
    pub distance_km: u32,
    /// Codes of the municipalities inside.
    pub codes: Vec<String>,
}

/// The contents of `official-map.json` (JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapFile {
    /// Format version; must be [`MAP_FILE_VERSION`].
    pub version: u32,
    /// 出典：国土交通省 国土数値情報（行政区域データ）を加工して作成
    pub attribution_ja: String,
    /// The same attribution in English, shown with the map in the other languages.
    pub attribution_en: String,
    /// Edition of the source data (N03's year), when the input said.
    pub source_year: Option<u32>,
    /// The input file's name (not its path).
    pub source_file: String,
    /// The municipality shapes, island insets and context outlines, in map units (km).
    pub map: MapGeometry,
}

/// Why an existing map file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum MapFileError {
    /// The file cannot be read.
    #[error("{path}: cannot read: {reason}")]
    Read {
        /// The map file, as displayed.
        path: String,
        /// The I/O error.
        reason: String,
    },
    /// The file is not JSON of a map file.
    #[error("{path}:{line}:{column}: {reason}")]
    Parse {
        /// The map file, as displayed.
        path: String,
        /// 1-based line of the error, from serde_json.
        line: usize,
        /// 1-based column of the error, from serde_json.
        column: usize,
        /// serde_json's message.
        reason: String,
    },
    /// The file has another format version than [`MAP_FILE_VERSION`].
    #[error("{path}: map file version {found}; this program reads version {MAP_FILE_VERSION} (run import-map again)")]
    Version {
        /// The map file, as displayed.
        path: String,
        /// The version in the file.
        found: u32,
    },
    /// A municipality of municipalities.toml has no shape in the file, or a shape is empty.
    #[error("{path}: {reason}")]
    Invalid {
        /// The map file, as displayed.
        path: String,
        /// Which codes (up to five) lack a shape, or which has an empty one.
        reason: String,
    },
}

impl MapFile {
    /// Reads `<config>/map/official-map.json` if there is one. `Ok(None)` when there is none.
    pub fn load(config_dir: &Path, codes: &[String]) -> Result<Option<MapFile>, MapFileError> {
        let path = config_dir.join("map").join(MAP_FILE);
        if !path.exists() {
            return Ok(None);
        }
        let p = path.display().to_string();
        let text = std::fs::read_to_string(&path)
            .map_err(|e| MapFileError::Read { path: p.clone(), reason: e.to_string() })?;
        let file: MapFile = serde_json::from_str(&text).map_err(|e| MapFileError::Parse {
            path: p.clone(),
            line: e.line(),
            column: e.column(),
            reason: e.to_string(),
        })?;
        if file.version != MAP_FILE_VERSION {
            return Err(MapFileError::Version { path: p, found: file.version });
        }
        let mut missing: Vec<&String> = codes.iter().filter(|c| file.map.area(c).is_none()).collect();
        missing.truncate(5);
        if !missing.is_empty() {
            return Err(MapFileError::Invalid {
                path: p,
                reason: format!("no shape for {missing:?} (run import-map again)"),
            });
        }
        if let Some(a) =
            file.map.areas.iter().find(|a| a.polygons.is_empty() || a.polygons.iter().any(|p| p.outer.len() < 3))
        {
            return Err(MapFileError::Invalid { path: p, reason: format!("{}: empty shape", a.code) });
        }
        Ok(Some(file))
    }
}
