//! Progress bars on standard error for the long commands (indicatif; hidden when stderr is not a terminal).

use indicatif::{ProgressBar, ProgressStyle};

/// A bar of `total` steps named `what`, counting `unit` (e.g. "sessions").
pub fn bar(what: &str, total: u64, unit: &str) -> ProgressBar {
    let bar = ProgressBar::new(total);
    let template = format!("{what} [{{bar:25}}] {{percent:>3}}%  {{pos}}/{{len}} {unit}");
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style.progress_chars("#>-"));
    }
    bar
}
