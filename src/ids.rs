//! Ids written in booth files: their shape, and that each is defined once.

use std::collections::HashMap;
use toml::Spanned;

use super::diagnostics::{Diagnostics, SourceFile};

/// The ids of one kind seen so far in one file, with the line of their first definition.
pub struct UniqueIds {
    what: &'static str,
    first_line: HashMap<String, usize>,
}

impl UniqueIds {
    /// `what` names the kind in messages, e.g. "program id".
    pub fn new(what: &'static str) -> UniqueIds {
        UniqueIds { what, first_line: HashMap::new() }
    }

    /// Reports an id that is not lowercase a-z, 0-9 and -, or that was defined before.
    pub fn check(&mut self, src: &SourceFile, id: &Spanned<String>, out: &mut Diagnostics) {
        let (what, value) = (self.what, id.get_ref());
        if value.is_empty() || !value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            out.push(src.at(id.span(), format!("{what} \"{value}\" must be lowercase a-z, 0-9 and -")));
        } else if let Some(line) = self.first_line.get(value) {
            out.push(src.at(id.span(), format!("duplicate {what} \"{value}\" (first defined at line {line})")));
        } else {
            self.first_line.insert(value.clone(), src.line_col(id.span().start).0);
        }
    }
}
