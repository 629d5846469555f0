//! The layers of the library (see `lib.rs`), checked against the code: a module may use the modules of
//! lower layers, never one of its own layer or above. Test code (a `tests.rs` file, or what follows a
//! `#[cfg(test)]` line) may reach further, for fixtures.

use std::path::Path;

/// Every module of the library, lowest layer first.
const LAYERS: &[&[&str]] = &[
    &["clock", "diagnostics", "display_backend", "lang", "plain_japanese", "pointer_pacing", "urls", "watchdog"],
    &["ids", "localized"],
    &["geo", "icons", "qr", "quiz", "speech", "staff", "telemetry"],
    &["content"],
    &["i18n"],
    &["booth"],
    &["report", "simulate"],
    &["kiosk"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The modules named by `crate::name` paths in `code`, up to its first `#[cfg(test)]` (comments aside).
fn modules_used(code: &str) -> Vec<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or("");
    let code: String = code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let names: Vec<&str> = match rest.strip_prefix('{') {
            Some(list) => list.split('}').next().unwrap_or("").split(',').collect(),
            None => vec![rest],
        };
        for n in names {
            let name: String = n.trim().chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// `module`'s uses that break the layering, as `module -> used`.
fn violations(module: &str, code: &str) -> Vec<String> {
    let Some(own) = layer_of(module) else { return vec![format!("{module} is in no layer")] };
    modules_used(code)
        .into_iter()
        .filter(|used| used != module && layer_of(used).is_some_and(|l| l >= own))
        .map(|used| format!("{module} -> {used}"))
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_uses_one_of_its_own_layer_or_above() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut broken = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for file in &files {
        let rel = file.strip_prefix(&src).expect("under src");
        let top = rel.components().next().and_then(|c| c.as_os_str().to_str()).unwrap_or("");
        let module = top.trim_end_matches(".rs");
        if ["lib", "main", "cli", "fuzz", "layering"].contains(&module)
            || rel.file_name().is_some_and(|n| n == "tests.rs")
        {
            continue;
        }
        seen.insert(module.to_string());
        let code = std::fs::read_to_string(file).expect("readable");
        broken.extend(violations(module, &code).into_iter().map(|v| format!("{}: {v}", rel.display())));
    }
    assert!(broken.is_empty(), "uses against the layering:\n{}", broken.join("\n"));
    let listed: std::collections::BTreeSet<String> =
        LAYERS.iter().flat_map(|l| l.iter().map(|m| m.to_string())).collect();
    assert_eq!(seen, listed, "every module of src/ is in exactly one layer");
}

#[test]
fn a_use_of_a_higher_or_equal_layer_is_found() {
    let code =
        "use crate::booth::Booth;\nuse crate::{lang::Lang, i18n::Localizer};\nfn f() { crate::clock::now_utc_ms(); }";
    assert_eq!(modules_used(code), ["booth", "lang", "i18n", "clock"]);
    assert_eq!(violations("content", code), ["content -> booth", "content -> i18n"]);
    assert_eq!(violations("kiosk", code), Vec::<String>::new());
    assert_eq!(violations("qr", "use crate::telemetry::QrTarget;"), ["qr -> telemetry"]);
    assert!(violations("content", "#[cfg(test)]\nuse crate::booth::Booth;").is_empty());
    assert!(violations("content", "//! See [`crate::booth::Booth`].").is_empty());
}
