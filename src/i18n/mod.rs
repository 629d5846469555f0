//! UI strings in four languages from `locales/<lang>/*.ftl` (Fluent), and locale-aware number and date
//! formatting. No Bevy in here.

mod numbers;

use crate::lang::Lang;
pub use numbers::{format_decimal, format_integer, format_yen_large};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::clock::LocalDate;
use crate::diagnostics::Diagnostic;
use crate::diagnostics::Diagnostics;
use crate::diagnostics::SourceFile;

/// One language's messages.
struct Locale {
    bundle: FluentBundle<FluentResource>,
    /// message id → the variables its value uses
    messages: BTreeMap<String, BTreeSet<String>>,
    /// message id → the file and line that define it
    places: BTreeMap<String, (PathBuf, usize)>,
    dir: PathBuf,
}

/// Every UI string in every enabled language.
pub struct Localizer {
    locales: BTreeMap<Lang, Locale>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer").field("languages", &self.locales.keys().collect::<Vec<_>>()).finish()
    }
}

/// An argument for a message.
pub type Arg<'a> = (&'a str, FluentValue<'a>);

impl Localizer {
    /// Loads `dir/<lang>/*.ftl` for each language. Reports syntax errors, duplicate ids, keys that one
    /// language has and another lacks, and messages whose variables differ between languages.
    pub fn load(dir: &Path, langs: &[Lang]) -> Result<Localizer, Diagnostics> {
        let mut problems = Diagnostics::default();
        let mut locales = BTreeMap::new();
        for &lang in langs {
            match load_locale(dir, lang) {
                Ok(l) => {
                    locales.insert(lang, l);
                }
                Err(d) => problems.extend(d),
            }
        }
        if problems.is_empty() {
            let all: BTreeSet<&String> = locales.values().flat_map(|l| l.messages.keys()).collect();
            // A language with a fallback (plain Japanese) may leave keys out: they are shown from the fallback.
            for (_, l) in locales.iter().filter(|(lang, _)| lang.fallback().is_none()) {
                for key in &all {
                    if !l.messages.contains_key(*key) {
                        // Name the file of the same name in this language, and where the others define it.
                        let place = locales.values().find_map(|o| o.places.get(*key));
                        let file = place
                            .and_then(|(f, _)| f.file_name())
                            .map(|n| l.dir.join(n))
                            .filter(|f| f.is_file())
                            .unwrap_or_else(|| l.dir.clone());
                        let there = place.map_or(String::new(), |(f, line)| format!("{}:{line}", f.display()));
                        problems.push(Diagnostic {
                            file,
                            line: None,
                            column: None,
                            message: format!("message \"{key}\" is missing (present in {there})"),
                        });
                    }
                }
            }
            let reference = locales.iter().next();
            if let Some((ref_lang, ref_locale)) = reference {
                for (lang, l) in &locales {
                    for (key, vars) in &l.messages {
                        if let Some(ref_vars) = ref_locale.messages.get(key)
                            && ref_vars != vars
                        {
                            problems.push(Diagnostic {
                                file: l.dir.clone(),
                                line: None,
                                column: None,
                                message: format!(
                                    "message \"{key}\" uses variables {vars:?} in {lang} but {ref_vars:?} in {ref_lang}"
                                ),
                            });
                        }
                    }
                }
            }
        }
        if problems.is_empty() { Ok(Localizer { locales }) } else { Err(problems) }
    }

    /// The languages whose locales were loaded.
    pub fn languages(&self) -> impl Iterator<Item = Lang> + '_ {
        self.locales.keys().copied()
    }

    /// Message ids of a language.
    pub fn message_ids(&self, lang: Lang) -> BTreeSet<String> {
        self.locales.get(&lang).map(|l| l.messages.keys().cloned().collect()).unwrap_or_default()
    }

    /// The messages `lang` leaves to its fallback language (plain Japanese to Japanese), in one file of
    /// the fallback's (e.g. `kiosk.ftl`) or in all when `file` is `None`.
    pub fn left_to_fallback(&self, lang: Lang, file: Option<&str>) -> Vec<String> {
        let (Some(fallback), Some(own)) = (lang.fallback().and_then(|f| self.locales.get(&f)), self.locales.get(&lang))
        else {
            return vec![];
        };
        fallback
            .places
            .iter()
            .filter(|(key, (path, _))| {
                !own.messages.contains_key(*key)
                    && file.is_none_or(|f| path.file_name().is_some_and(|n| n == std::ffi::OsStr::new(f)))
            })
            .map(|(key, _)| key.clone())
            .collect()
    }

    /// Variables used by a message in a language.
    pub fn variables(&self, lang: Lang, key: &str) -> BTreeSet<String> {
        self.locales.get(&lang).and_then(|l| l.messages.get(key)).cloned().unwrap_or_default()
    }

    /// The message `key` in `lang`.
    pub fn t(&self, lang: Lang, key: &str) -> String {
        self.t_args(lang, key, &[])
    }

    /// The message `key` in `lang` with arguments. Falls back to Japanese, then to `⟦key⟧` so a
    /// missing string is visible rather than blank.
    pub fn t_args(&self, lang: Lang, key: &str, args: &[Arg<'_>]) -> String {
        self.try_format(lang, key, args)
            .or_else(|| lang.fallback().and_then(|f| self.try_format(f, key, args)))
            .or_else(|| self.try_format(Lang::Ja, key, args))
            .unwrap_or_else(|| format!("⟦{key}⟧"))
    }

    /// Formats a message, returning `None` when it is missing or fails to format.
    pub fn try_format(&self, lang: Lang, key: &str, args: &[Arg<'_>]) -> Option<String> {
        let locale = self.locales.get(&lang)?;
        let pattern = locale.bundle.get_message(key)?.value()?;
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = vec![];
        let s = locale.bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        errors.is_empty().then(|| s.into_owned())
    }

    /// The time a program refers to, as precise as its source: "2024年度", "FY2024", "2024年6月"…
    pub fn program_date(&self, lang: Lang, d: crate::content::ProgramDate) -> String {
        use crate::content::ProgramDate;
        match d {
            ProgramDate::FiscalYear(y) => self.t_args(lang, "program-year-fiscal", &[("year", y.to_string().into())]),
            ProgramDate::Year(y) => self.t_args(lang, "program-year-calendar", &[("year", y.to_string().into())]),
            ProgramDate::Month(y, m) => {
                self.t_args(lang, "program-year-month", &[("year", y.to_string().into()), ("month", m.into())])
            }
            ProgramDate::Day(d) => self.date(lang, d),
        }
    }

    /// A calendar date written the way the language writes it (the `date` message).
    pub fn date(&self, lang: Lang, d: LocalDate) -> String {
        self.t_args(lang, "date", &[("year", d.year.into()), ("month", d.month.into()), ("day", d.day.into())])
    }
}

fn load_locale(dir: &Path, lang: Lang) -> Result<Locale, Diagnostics> {
    let ldir = dir.join(lang.code());
    let whole =
        |message: String| Diagnostics(vec![Diagnostic { file: ldir.clone(), line: None, column: None, message }]);
    let entries = std::fs::read_dir(&ldir).map_err(|e| whole(format!("cannot read locale folder: {e}")))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(whole("no .ftl files".into()));
    }
    // Plain Japanese formats (plural rules, numbers) as Japanese.
    let langid: unic_langid::LanguageIdentifier =
        lang.base().code().parse().map_err(|_| whole(format!("{lang} is not a language identifier")))?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    let mut messages = BTreeMap::new();
    let mut first_seen: BTreeMap<String, (PathBuf, usize)> = BTreeMap::new();
    let mut problems = Diagnostics::default();
    for path in files {
        let src = match SourceFile::read(&path) {
            Ok(s) => s,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let resource = match FluentResource::try_new(src.text.clone()) {
            Ok(r) => r,
            Err((_, errors)) => {
                for e in errors {
                    // Point at the start of the broken entry (the parser's own position can be past its end).
                    let start = e.slice.as_ref().map_or(e.pos.start, |s| {
                        let text = src.text.get(s.clone()).unwrap_or("");
                        s.start + (text.len() - text.trim_start().len())
                    });
                    problems.push(src.at(start..start, format!("Fluent syntax error: {}", e.kind)));
                }
                continue;
            }
        };
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let id = m.id.name.to_owned();
                let line = find_definition_line(&src.text, &id);
                if let Some((file, first)) = first_seen.get(&id) {
                    problems.push(Diagnostic {
                        file: path.clone(),
                        line: Some(line),
                        column: Some(1),
                        message: format!("message \"{id}\" is defined twice (first at {}:{first})", file.display()),
                    });
                    continue;
                }
                if m.value.is_none() {
                    problems.push(src.at(0..0, format!("message \"{id}\" has no value")));
                }
                first_seen.insert(id.clone(), (path.clone(), line));
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    collect_pattern_vars(p, &mut vars);
                }
                messages.insert(id, vars);
            }
        }
        if problems.is_empty()
            && let Err(errors) = bundle.add_resource(resource)
        {
            for e in errors {
                problems.push(src.whole(e.to_string()));
            }
        }
    }
    if problems.is_empty() { Ok(Locale { bundle, messages, places: first_seen, dir: ldir }) } else { Err(problems) }
}

/// Line (1-based) where `id = ` is defined; the first line when not found.
fn find_definition_line(text: &str, id: &str) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('=')))
        .last()
        .map_or(1, |(i, _)| i + 1)
}

fn collect_pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            collect_expression_vars(expression, out);
        }
    }
}

fn collect_expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => collect_inline_vars(i, out),
        ast::Expression::Select { selector, variants } => {
            collect_inline_vars(selector, out);
            for v in variants {
                collect_pattern_vars(&v.value, out);
            }
        }
    }
}

fn collect_inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => collect_expression_vars(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                collect_inline_vars(a, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, lang: &str, file: &str, text: &str) {
        std::fs::create_dir_all(dir.join(lang)).unwrap();
        std::fs::write(dir.join(lang).join(file), text).unwrap();
    }

    #[test]
    fn a_key_missing_in_one_locale_is_reported() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "ja", "a.ftl", "hello = こんにちは\nbye = さようなら\n");
        write(d.path(), "en", "a.ftl", "hello = Hello\n");
        let e = Localizer::load(d.path(), &[Lang::Ja, Lang::En]).unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(e.0[0].file.ends_with("en/a.ftl"), "{:?}", e.0[0].file);
        assert_eq!(
            e.0[0].message,
            format!("message \"bye\" is missing (present in {}:2)", d.path().join("ja/a.ftl").display())
        );
    }

    #[test]
    fn syntax_errors_name_file_and_line() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "ja", "a.ftl", "ok = よい\nbroken = { $n\n");
        let e = Localizer::load(d.path(), &[Lang::Ja]).unwrap_err();
        let first = &e.0[0];
        assert!(first.file.ends_with("ja/a.ftl"));
        assert_eq!(first.line, Some(2), "{first}");
        assert!(first.message.starts_with("Fluent syntax error"), "{first}");
    }

    #[test]
    fn duplicate_ids_and_variable_mismatch_are_reported() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "ja", "a.ftl", "n = { $count }件\nx = 1\nx = 2\n");
        let e = Localizer::load(d.path(), &[Lang::Ja]).unwrap_err();
        assert_eq!(e.0[0].line, Some(3));
        assert!(e.0[0].message.contains("defined twice"), "{}", e.0[0]);

        let d = tempfile::tempdir().unwrap();
        write(d.path(), "ja", "a.ftl", "n = { $count }件\n");
        write(d.path(), "en", "a.ftl", "n = { $total } items\n");
        let e = Localizer::load(d.path(), &[Lang::Ja, Lang::En]).unwrap_err();
        assert!(e.0[0].message.contains("uses variables"), "{}", e.0[0]);
    }

    #[test]
    fn plain_japanese_falls_back_to_japanese_key_by_key() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "ja", "kiosk.ftl", "hi = こんにちは\nbye = さようなら\n");
        write(d.path(), "ja-x-easy", "kiosk.ftl", "hi = こんにちは！\n");
        let l = Localizer::load(d.path(), &[Lang::Ja, Lang::JaEasy]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(l.t(Lang::JaEasy, "hi"), "こんにちは！");
        assert_eq!(l.t(Lang::JaEasy, "bye"), "さようなら");
        assert_eq!(l.left_to_fallback(Lang::JaEasy, None), ["bye"]);
        assert_eq!(l.left_to_fallback(Lang::JaEasy, Some("report.ftl")), Vec::<String>::new());
        assert_eq!(l.left_to_fallback(Lang::Ja, None), Vec::<String>::new());
        // A language without a fallback may not leave a key out.
        write(d.path(), "en", "kiosk.ftl", "hi = Hello\n");
        let e = Localizer::load(d.path(), &[Lang::Ja, Lang::En]).unwrap_err().to_string();
        assert!(e.contains("message \"bye\" is missing"), "{e}");
    }

    #[test]
    fn formatting_falls_back_then_shows_the_key() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "ja", "a.ftl", "hi = やあ { $name }\n");
        let l = Localizer::load(d.path(), &[Lang::Ja]).unwrap();
        assert_eq!(l.t_args(Lang::Ja, "hi", &[("name", "太郎".into())]), "やあ 太郎");
        assert_eq!(l.t(Lang::En, "hi"), "⟦hi⟧", "a missing argument must not produce a half string");
        assert_eq!(l.t_args(Lang::En, "hi", &[("name", "Taro".into())]), "やあ Taro");
        assert_eq!(l.t(Lang::Ja, "nope"), "⟦nope⟧");
    }
}

#[cfg(test)]
mod shipped_locale_tests {
    use super::*;

    const LOCALES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");

    #[test]
    fn every_locale_has_every_key_and_every_message_formats() {
        let l = Localizer::load(Path::new(LOCALES), &Lang::ALL).unwrap_or_else(|e| panic!("{e}"));
        let ja = l.message_ids(Lang::Ja);
        assert!(ja.len() > 50, "only {} messages", ja.len());
        for lang in Lang::ALL {
            if lang.fallback().is_some() {
                // Plain Japanese falls back key by key, but the shipped locale leaves nothing to fall back on.
                assert_eq!(l.left_to_fallback(lang, None), Vec::<String>::new(), "{lang}");
                assert_eq!(l.message_ids(lang), ja, "{lang} has other keys than ja");
            } else {
                assert_eq!(l.message_ids(lang), ja, "{lang} has other keys than ja");
            }
            for key in &ja {
                let vars = l.variables(lang, key);
                let args: Vec<Arg<'_>> = vars
                    .iter()
                    .map(|v| {
                        let value: FluentValue<'_> = match v.as_str() {
                            "year" | "month" | "day" | "count" | "seconds" => 7.into(),
                            _ => "X".into(),
                        };
                        (v.as_str(), value)
                    })
                    .collect();
                let s = l.t_args(lang, key, &args);
                assert!(!s.trim().is_empty() && !s.contains('⟦'), "{lang} {key} = {s:?}");
            }
        }
    }

    #[test]
    fn dates_are_written_per_language() {
        let l = Localizer::load(Path::new(LOCALES), &Lang::ALL).unwrap();
        let d = LocalDate::new(2022, 1, 1);
        assert_eq!(l.date(Lang::Ja, d), "2022年1月1日");
        assert_eq!(l.date(Lang::En, d), "1 January 2022");
        assert_eq!(l.date(Lang::ZhHans, d), "2022年1月1日");
        assert_eq!(l.date(Lang::Ko, d), "2022년 1월 1일");
        assert_eq!(l.t_args(Lang::En, "people", &[("count", 1.into())]), "1 person");
        assert_eq!(l.t_args(Lang::En, "people", &[("count", 45.into())]), "45 people");
    }

    #[test]
    fn each_language_button_is_labelled_in_its_own_language() {
        let l = Localizer::load(Path::new(LOCALES), &Lang::ALL).unwrap();
        let names: Vec<String> = Lang::ALL.iter().map(|x| l.t(*x, "language-self-name")).collect();
        assert_eq!(names, ["日本語", "English", "简体中文", "한국어", "やさしい日本語"]);
    }

    #[test]
    fn plain_japanese_ui_strings_follow_the_house_style() {
        let text = std::fs::read_to_string(Path::new(LOCALES).join("ja-x-easy/kiosk.ftl")).unwrap();
        let placeable = |s: &str| {
            let mut out = String::new();
            let mut depth = 0;
            for c in s.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ if depth == 0 => out.push(c),
                    _ => {}
                }
            }
            out
        };
        let mut broken = vec![];
        for (n, line) in text.lines().enumerate() {
            // Staff messages and the booth-file error page (in Japanese and English) are for staff.
            let Some((key, value)) = line.split_once(" = ") else { continue };
            if key.starts_with("staff-")
                || key.starts_with("config-error-")
                || key.starts_with('#')
                || key.starts_with(' ')
            {
                continue;
            }
            for p in crate::plain_japanese::problems(&placeable(value)) {
                broken.push(format!("ja-x-easy/kiosk.ftl:{}: {key}: {p}", n + 1));
            }
        }
        assert!(broken.is_empty(), "{}", broken.join("\n"));
    }
}
