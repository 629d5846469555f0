//! CSV: one file per table, UTF-8 with a byte-order mark (so Japanese Excel reads it as UTF-8) and CRLF
//! line ends.

use std::path::{Path, PathBuf};

use super::tables::{Section, Table};
use super::{ReportError, write_atomically};

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

pub fn table_text(t: &Table) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = t.columns.iter().map(|c| field(&c.header)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| field(&c.text())).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

pub fn write(sections: &[Section], dir: &Path) -> Result<Vec<PathBuf>, ReportError> {
    let mut out = Vec::new();
    for t in sections.iter().flat_map(|s| &s.tables) {
        out.push(write_atomically(&dir.join(format!("{}.csv", t.id)), table_text(t).as_bytes())?);
    }
    Ok(out)
}
