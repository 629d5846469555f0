//! Problems found in booth files, each pointing at `file:line:col`.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One problem in one file. `line`/`column` are 1-based; absent when the problem is the file as a whole
/// (missing, unreadable, a directory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path of the file the problem is in; printed first.
    pub file: PathBuf,
    /// 1-based line of the problem; `None` when it is about the whole file.
    pub line: Option<usize>,
    /// 1-based column, in characters; `None` when only the line (or nothing) is known.
    pub column: Option<usize>,
    /// What is wrong, printed after the location.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// Every problem found in a load, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl Diagnostics {
    /// True when no problem was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Number of problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Adds a problem after those already found.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }
    /// Adds all of `other`'s problems, in their order, after those already found.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }
    /// The problems, in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
    /// Every problem as one line of text each.
    pub fn lines(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }
}

/// A text file read into memory, able to turn byte offsets into line and column.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path it was read from; its diagnostics name this file.
    pub path: PathBuf,
    /// The whole text, without a leading byte-order mark.
    pub text: String,
}

impl SourceFile {
    /// Reads a UTF-8 text file. A leading byte-order mark is dropped. Errors name the file and, for bad
    /// encoding, the line of the first byte that is not UTF-8.
    pub fn read(path: &Path) -> Result<SourceFile, Diagnostic> {
        let whole = |message: String| Diagnostic { file: path.to_path_buf(), line: None, column: None, message };
        if path.is_dir() {
            return Err(whole("is a directory, expected a file".into()));
        }
        let bytes = std::fs::read(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => whole("file not found".into()),
            _ => whole(format!("cannot read file: {e}")),
        })?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(SourceFile { path: path.to_path_buf(), text: text.to_owned() }),
            Err(e) => {
                let good = &bytes[..e.valid_up_to()];
                let line = good.iter().filter(|b| **b == b'\n').count() + 1;
                Err(Diagnostic {
                    file: path.to_path_buf(),
                    line: Some(line),
                    column: None,
                    message: "text is not UTF-8 (save the file as UTF-8, not Shift_JIS)".into(),
                })
            }
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..floor_char_boundary(&self.text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// A problem at a span of this file.
    pub fn at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.line_col(span.start);
        Diagnostic { file: self.path.clone(), line: Some(line), column: Some(column), message: message.into() }
    }

    /// A problem with this file as a whole.
    pub fn whole(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic { file: self.path.clone(), line: None, column: None, message: message.into() }
    }

    /// Parses the file as TOML into `T`; a syntax or type error becomes one diagnostic at its place.
    pub fn parse_toml<T: serde::de::DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        toml::from_str::<T>(&self.text).map_err(|e| {
            let message = e.message().trim().replace('\n', " ");
            match e.span() {
                Some(span) => self.at(span, message),
                None => self.whole(message),
            }
        })
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> SourceFile {
        SourceFile { path: "x.toml".into(), text: text.into() }
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let f = src("a = 1\nname = \"千代田\" x\n");
        let offset = f.text.find('x').unwrap();
        assert_eq!(f.line_col(offset), (2, 14));
        assert_eq!(f.line_col(0), (1, 1));
    }

    #[test]
    fn display_has_file_line_col() {
        let f = src("a\nb");
        assert_eq!(f.at(2..3, "bad").to_string(), "x.toml:2:1: bad");
        assert_eq!(f.whole("gone").to_string(), "x.toml: gone");
    }

    #[test]
    fn shift_jis_bytes_are_reported_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sjis.toml");
        // "a = 1\n" then 東京 in Shift_JIS
        std::fs::write(&p, b"a = 1\nname = \"\x93\x8c\x8b\x9e\"\n").unwrap();
        let e = SourceFile::read(&p).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("not UTF-8"), "{}", e.message);
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bom.toml");
        std::fs::write(&p, b"\xEF\xBB\xBFa = 1\n").unwrap();
        assert_eq!(SourceFile::read(&p).unwrap().text, "a = 1\n");
    }

    #[test]
    fn a_directory_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let e = SourceFile::read(dir.path()).unwrap_err();
        assert_eq!(e.message, "is a directory, expected a file");
    }
}
