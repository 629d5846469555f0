//! JSON: the same numbers, machine-readable; `schema_version` says which layout. A withheld number is the
//! string "<3".

use std::path::{Path, PathBuf};

use super::model::Report;
use super::{ReportError, write_atomically};

pub fn write(report: &Report, path: &Path) -> Result<PathBuf, ReportError> {
    let text = serde_json::to_string_pretty(report)
        .map_err(|e| ReportError::Output { path: path.display().to_string(), reason: e.to_string() })?;
    write_atomically(path, text.as_bytes())
}
