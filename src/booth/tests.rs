//! Loading the shipped booth_config, and the exact error each kind of broken file gives.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::content::{Kind, Region, project};
use crate::lang::Lang;

const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/booth_config");
const LOCALES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");

/// A copy of the shipped config and locales in a temporary folder, to break on purpose.
struct Fixture {
    _dir: tempfile::TempDir,
    config: PathBuf,
    locales: PathBuf,
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("booth_config");
        let locales = dir.path().join("locales");
        copy_dir(Path::new(SHIPPED), &config);
        copy_dir(Path::new(LOCALES), &locales);
        Fixture { _dir: dir, config, locales }
    }

    /// Replaces the first `from` in a config file with `to`; returns the 1-based line where `to` starts.
    fn replace(&self, file: &str, from: &str, to: &str) -> usize {
        let path = self.config.join(file);
        let text = fs::read_to_string(&path).unwrap();
        let at = text.find(from).unwrap_or_else(|| panic!("{from:?} not in {file}"));
        let new = format!("{}{}{}", &text[..at], to, &text[at + from.len()..]);
        fs::write(&path, new).unwrap();
        text[..at].matches('\n').count() + 1
    }

    fn load(&self) -> Result<Booth, Diagnostics> {
        load(&self.config, &self.locales)
    }

    /// Loads, expecting exactly one problem, and returns it.
    fn one_problem(&self) -> Diagnostic {
        let e = self.load().expect_err("the broken config must not load");
        assert_eq!(e.len(), 1, "expected one problem, got:\n{e}");
        e.0[0].clone()
    }
}

fn assert_problem(d: &Diagnostic, file: &str, line: usize, message: &str) {
    assert!(d.file.ends_with(file), "wrong file in {d}");
    assert_eq!(d.line, Some(line), "wrong line in {d}");
    assert!(d.message.contains(message), "message of {d}\n does not contain {message:?}");
}

#[test]
fn shipped_config_loads_with_every_fact_in_place() {
    let booth = load(Path::new(SHIPPED), Path::new(LOCALES)).unwrap_or_else(|e| panic!("{e}"));
    let m = &booth.municipalities.list;
    assert_eq!(m.len(), 62);
    let count = |k: Kind| m.iter().filter(|x| x.kind == k).count();
    assert_eq!((count(Kind::Ward), count(Kind::City), count(Kind::Town), count(Kind::Village)), (23, 26, 5, 8));
    assert_eq!(m.iter().filter(|x| x.region == Region::Islands).count(), 9);
    // Towns and villages have no sourced population: it is left out, never zero.
    assert!(m.iter().filter(|x| matches!(x.kind, Kind::Town | Kind::Village)).all(|x| x.population.is_none()));
    let ogasawara = booth.municipalities.get("13421").unwrap();
    assert_eq!(ogasawara.area_km2.map(|a| a.value), Some(106.88));
    assert_eq!(booth.settings.languages, Lang::ALL.to_vec());
    assert_eq!(booth.settings.default_lang, Lang::Ja);
    // The press release's figures.
    let p = &booth.project;
    assert_eq!(*p.plan.budget_yen.get_ref(), 193_000_000);
    assert_eq!(*p.plan.grant_cap_yen.get_ref(), 1_500_000);
    assert_eq!(p.plan.item.len(), 8);
    assert_eq!(p.plan.item.iter().filter(|i| i.status == project::PlanStatus::New).count(), 1);
    assert_eq!(p.declaration.action.len(), 3);
    assert_eq!(p.organizer.len(), 5);
    assert_eq!(p.results.lecture.len(), 5);
    assert_eq!(p.results.lecture_participants(), 45 + 67 + 25 + 70 + 20);
    assert_eq!(p.results.item.iter().find_map(|i| i.participating_municipalities), Some(26));
    // Joint programs apply to every municipality; a municipality's own apply to it alone.
    let joint = booth.joint_programs().count();
    assert_eq!(joint, 6);
    for m in m {
        let own = booth.own_programs_of(&m.code);
        assert!((1..=3).contains(&own.len()), "{} has {} programs of its own", m.code, own.len());
        assert!(own.iter().all(|p| p.theme.is_some()
            && p.year.is_some()
            && p.url.as_deref().is_some_and(|u| u.starts_with("https://"))));
        assert_eq!(booth.programs_of(&m.code).count(), joint + own.len());
        // Newest first.
        assert!(own.windows(2).all(|w| w[0].year >= w[1].year), "{}", m.code);
    }
    assert!(booth.warnings().is_empty(), "{:?}", booth.warnings());
    // Names in every language, from a source or a stated rule; 青ヶ島村 never reads as Qingdao.
    assert!(m.iter().all(|x| x.names.zh_hans.is_some() && x.names.ko.is_some()));
    assert_eq!(booth.municipalities.get("13402").unwrap().display_name(Lang::ZhHans), ("青之岛村", Lang::ZhHans));
    let toshima = |c: &str| booth.municipalities.get(c).unwrap().display_name(Lang::Ko).0.to_owned();
    assert_ne!(toshima("13116"), toshima("13362"), "豊島区 and 利島村 are told apart");
}

#[test]
fn an_own_program_needs_a_known_theme_a_year_and_an_https_url() {
    let f = Fixture::new();
    let line = f.replace("programs.toml", "theme = \"greenery\"", "theme = \"forests\"");
    assert_problem(
        &f.one_problem(),
        "programs.toml",
        line,
        "unknown theme \"forests\" (expected one of energy, greenery, waste, water, biodiversity, declaration, learning, mobility)",
    );

    let f = Fixture::new();
    let line = f.replace(
        "programs.toml",
        "id = \"13104-green-curtain\"\nmunicipality = \"13104\"\nyear = \"FY2014\"\n",
        "id = \"13104-green-curtain\"\nmunicipality = \"13104\"\n",
    );
    assert_problem(
        &f.one_problem(),
        "programs.toml",
        line,
        "program \"13104-green-curtain\" of a municipality needs a year",
    );

    let f = Fixture::new();
    let line = f.replace("programs.toml", "year = \"FY2014\"", "year = \"平成26年度\"");
    assert_problem(
        &f.one_problem(),
        "programs.toml",
        line,
        "year \"平成26年度\" must be FY2024 (fiscal year), 2024, 2024-06 or 2024-06-06",
    );

    let f = Fixture::new();
    let text = fs::read_to_string(f.config.join("programs.toml")).unwrap();
    let url = text
        .split("id = \"13104-green-curtain\"")
        .nth(1)
        .and_then(|rest| rest.split("url = \"").nth(1))
        .and_then(|u| u.split('"').next())
        .unwrap()
        .to_owned();
    let line = f.replace(
        "programs.toml",
        &format!("url = \"{url}\""),
        &format!("url = \"{}\"", url.replacen("https://", "http://", 1)),
    );
    assert_problem(&f.one_problem(), "programs.toml", line, "uses http; only https URLs are allowed");
}

#[test]
fn a_municipality_without_programs_of_its_own_is_a_warning_with_the_count() {
    let f = Fixture::new();
    let path = f.config.join("programs.toml");
    let text = fs::read_to_string(&path).unwrap();
    // Drop every program of 青ヶ島村 and 小笠原村.
    let kept: Vec<&str> = text
        .split("[[program]]")
        .filter(|b| !b.contains("municipality = \"13402\"") && !b.contains("municipality = \"13421\""))
        .collect();
    fs::write(&path, kept.join("[[program]]")).unwrap();
    let booth = f.load().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        booth.municipalities_without_own_programs().iter().map(|m| m.code.as_str()).collect::<Vec<_>>(),
        ["13402", "13421"]
    );
    assert_eq!(
        booth.warnings(),
        [
            "programs.toml: 2 municipalities have no program of their own and show the joint programs only: 13402 青ヶ島村, 13421 小笠原村"
        ]
    );
    assert!(
        crate::booth::summary(&booth).contains("(60 municipalities with their own)"),
        "{}",
        crate::booth::summary(&booth)
    );
    assert_eq!(booth.programs_of("13402").count(), 6, "the joint programs only");
}

#[test]
fn a_chinese_or_korean_name_needs_its_source() {
    let f = Fixture::new();
    let line = f.replace(
        "municipalities.toml",
        "name_sources = { zh = \"simplified-characters\", ko = ",
        "name_sources = { ko = ",
    );
    assert_problem(&f.one_problem(), "municipalities.toml", line - 2, "name_zh needs name_sources.zh");

    let f = Fixture::new();
    let line = f.replace("municipalities.toml", "zh = \"simplified-characters\"", "zh = \"guessed\"");
    assert_problem(
        &f.one_problem(),
        "municipalities.toml",
        line,
        "name_sources.zh must be an https URL or one of simplified-characters, kana-transcription",
    );
}

#[test]
fn content_without_plain_japanese_is_a_warning_with_the_count_unless_it_is_plain_already() {
    let f = Fixture::new();
    // The venue, 東京ビッグサイト, is plain as it is: showing it in Japanese is no loss.
    f.replace("booth.toml", "ja-x-easy = \"東京ビッグサイト\", ", "");
    assert_eq!(f.load().unwrap().texts_without_plain_japanese().len(), 0);
    f.replace("booth.toml", "ja-x-easy = \"エコプロダクツ2013\", ", "");
    let booth_name = "ja-x-easy = \"東京の 62の 市区町村（しくちょうそん）が いっしょに する 「みどり東京・温暖化防止（おんだんかぼうし）プロジェクト」\", ";
    f.replace("booth.toml", booth_name, "");
    let booth = f.load().unwrap();
    assert_eq!(booth.texts_without_plain_japanese().len(), 1);
    let warnings = booth.warnings();
    assert_eq!(
        warnings,
        [
            "booth_config: 1 text without a やさしい日本語 (ja-x-easy) text shows in ordinary Japanese on the plain-Japanese screens, e.g. 「オール東京62市区町村共同事業 みどり東京・温暖」"
        ],
    );
    // It falls back to the Japanese text.
    assert_eq!(booth.settings.booth_name.get(Lang::JaEasy), booth.settings.booth_name.ja);
}

#[test]
fn every_plain_japanese_content_text_follows_the_house_style() {
    let booth = load(Path::new(SHIPPED), Path::new(LOCALES)).unwrap();
    let broken: Vec<String> = booth
        .all_texts()
        .into_iter()
        .filter_map(|t| t.own(Lang::JaEasy).map(|e| (t, e)))
        .flat_map(|(t, e)| {
            crate::plain_japanese::problems(e).into_iter().map(move |p| format!("{:?} → {e:?}: {p}", t.ja))
        })
        .collect();
    assert!(broken.is_empty(), "{} texts break the style:\n{}", broken.len(), broken.join("\n"));
}

#[test]
fn every_content_text_has_every_language() {
    let booth = load(Path::new(SHIPPED), Path::new(LOCALES)).unwrap();
    for t in booth.all_texts() {
        for l in Lang::ALL {
            assert!(t.own(l).is_some(), "{:?} lacks {l}", t.ja);
        }
    }
}

#[test]
fn unknown_key_is_named_with_its_line() {
    let f = Fixture::new();
    let line = f.replace("booth.toml", "browse_seconds = 60", "browse_secs = 60");
    assert_problem(&f.one_problem(), "booth.toml", line, "unknown field `browse_secs`");
}

#[test]
fn reduce_motion_must_be_true_or_false_and_may_be_left_out() {
    let f = Fixture::new();
    let line = f.replace("booth.toml", "reduce_motion = false", "reduce_motion = \"yes\"");
    assert_problem(&f.one_problem(), "booth.toml", line, "invalid type: string \"yes\", expected a boolean");
    let f = Fixture::new();
    f.replace("booth.toml", "reduce_motion = false", "reduce_motion = true");
    assert!(f.load().unwrap().settings.reduce_motion);
    let f = Fixture::new();
    f.replace("booth.toml", "reduce_motion = false", "");
    assert!(!f.load().unwrap().settings.reduce_motion, "left out: the kiosk animates");
}

#[test]
fn the_reach_rule_warns_with_the_line_of_bottom_mm_when_a_target_is_out_of_reach() {
    // The shipped mounting: 600 mm + a 535.5 mm picture, top bar at 1 135.5 mm: within reach.
    let f = Fixture::new();
    let booth = f.load().unwrap();
    assert_eq!(booth.settings.screen.bottom_mm, Some(600.0));
    assert!(booth.warnings().iter().all(|w| !w.contains("reach")), "{:?}", booth.warnings());
    // 800 mm: the top bar at 1 335.5 mm.
    let f = Fixture::new();
    let line = f.replace("booth.toml", "bottom_mm = 600.0", "bottom_mm = 800.0");
    let warnings = f.load().unwrap().warnings();
    let reach: Vec<&String> = warnings.iter().filter(|w| w.contains("out of reach")).collect();
    assert_eq!(reach.len(), 1, "{warnings:?}");
    assert!(reach[0].contains(&format!("booth.toml:{line}:")), "{}", reach[0]);
    assert!(reach[0].contains("1336 mm above the floor") && reach[0].contains("136 mm lower"), "{}", reach[0]);
    // 300 mm: the lowest buttons too low.
    let f = Fixture::new();
    f.replace("booth.toml", "bottom_mm = 600.0", "bottom_mm = 300.0");
    let warnings = f.load().unwrap().warnings();
    assert!(warnings.iter().any(|w| w.contains("300 mm above the floor, out of reach below 400 mm")), "{warnings:?}");
    // Left out: nothing to check. Out of range: an error naming the line.
    let f = Fixture::new();
    f.replace("booth.toml", "bottom_mm = 600.0", "");
    assert!(f.load().unwrap().settings.reach_warnings.is_empty());
    let f = Fixture::new();
    let line = f.replace("booth.toml", "bottom_mm = 600.0", "bottom_mm = -5.0");
    assert_problem(&f.one_problem(), "booth.toml", line, "screen bottom_mm -5 is outside 0–2500 mm");
}

#[test]
fn more_time_triples_the_idle_limits_and_the_quiet_gap_but_not_the_countdown() {
    let t = Fixture::new().load().unwrap().settings.idle;
    let m = t.with_more_time();
    assert_eq!((m.browse, m.quiz, m.quiet_gap), (t.browse * 3, t.quiz * 3, t.quiet_gap * 3));
    assert_eq!(m.warning, t.warning);
}

#[test]
fn wrong_type_is_named_with_its_line() {
    let f = Fixture::new();
    let line = f.replace("booth.toml", "browse_seconds = 60", "browse_seconds = \"60\"");
    assert_problem(&f.one_problem(), "booth.toml", line, "invalid type: string \"60\", expected u32");
}

#[test]
fn idle_timing_out_of_range() {
    let f = Fixture::new();
    let line = f.replace("booth.toml", "warning_seconds = 20", "warning_seconds = 500");
    assert_problem(&f.one_problem(), "booth.toml", line, "idle warning_seconds = 500 is out of range 5..=120");
}

#[test]
fn language_enabled_but_missing() {
    let f = Fixture::new();
    fs::remove_dir_all(f.locales.join("ko")).unwrap();
    let line = f.replace("booth.toml", "enabled = [", "enabled = [");
    assert_problem(&f.one_problem(), "booth.toml", line, "language ko is enabled but");
}

#[test]
fn unknown_language_and_default_not_enabled() {
    let f = Fixture::new();
    let line = f.replace("booth.toml", "\"ko\", \"ja-x-easy\"]", "\"ko\", \"fr\"]");
    let d = f.one_problem();
    assert_problem(&d, "booth.toml", line, "unknown language \"fr\" (expected one of ja, en, zh-Hans, ko, ja-x-easy)");

    let f = Fixture::new();
    let line = f.replace("booth.toml", "default = \"ja\"", "default = \"ko\"");
    f.replace("booth.toml", "\"zh-Hans\", \"ko\", \"ja-x-easy\"]", "\"zh-Hans\"]");
    assert_problem(&f.one_problem(), "booth.toml", line, "default language ko is not in enabled");
}

#[test]
fn event_end_before_start() {
    let f = Fixture::new();
    let line = f.replace("booth.toml", "end = 2013-12-14", "end = 2013-12-01");
    assert_problem(&f.one_problem(), "booth.toml", line, "event end 2013-12-01 is before its start 2013-12-12");
}

#[test]
fn duplicate_municipality_code() {
    let f = Fixture::new();
    // Make 中央区 claim 千代田区's code (its code6 then mismatches too, but the duplicate is what matters).
    let line = f.replace(
        "municipalities.toml",
        "code = \"13102\"\ncode6 = \"131024\"",
        "code = \"13101\"\ncode6 = \"131016\"",
    );
    assert_problem(&f.one_problem(), "municipalities.toml", line, "duplicate code 13101 (first defined at line");
}

#[test]
fn http_website_is_refused() {
    let f = Fixture::new();
    let line = f.replace("municipalities.toml", "https://www.city.chiyoda.lg.jp/", "http://www.city.chiyoda.lg.jp/");
    assert_problem(&f.one_problem(), "municipalities.toml", line, "uses http; only https URLs are allowed");
}

#[test]
fn check_digit_mismatch() {
    let f = Fixture::new();
    let line = f.replace("municipalities.toml", "code6 = \"131016\"", "code6 = \"131017\"");
    assert_problem(
        &f.one_problem(),
        "municipalities.toml",
        line,
        "code6 \"131017\" does not match code 13101 (expected 131016)",
    );
}

#[test]
fn figure_without_its_date() {
    let f = Fixture::new();
    let line =
        f.replace("municipalities.toml", "population = 66687\npopulation_as_of = 2022-01-01\n", "population = 66687\n");
    assert_problem(&f.one_problem(), "municipalities.toml", line, "population needs population_as_of");
}

#[test]
fn kind_that_does_not_fit_the_name() {
    let f = Fixture::new();
    let line = f.replace("municipalities.toml", "kind = \"ward\"", "kind = \"city\"");
    assert_problem(&f.one_problem(), "municipalities.toml", line, "kind City does not fit the name 千代田区");
}

#[test]
fn program_for_an_undefined_municipality() {
    let f = Fixture::new();
    let line = f.replace("programs.toml", "municipality = \"13104\"", "municipality = \"13999\"");
    assert_problem(
        &f.one_problem(),
        "programs.toml",
        line,
        "municipality \"13999\" is not defined in municipalities.toml",
    );
}

#[test]
fn duplicate_program_id_and_http_url() {
    let f = Fixture::new();
    let line = f.replace("programs.toml", "id = \"joint-ghg-accounting\"", "id = \"joint-grants\"");
    assert_problem(
        &f.one_problem(),
        "programs.toml",
        line,
        "duplicate program id \"joint-grants\" (first defined at line",
    );

    let f = Fixture::new();
    let line =
        f.replace("programs.toml", "id = \"joint-grants\"", "id = \"joint-grants\"\nurl = \"http://all62.jp/\"") + 1;
    assert_problem(&f.one_problem(), "programs.toml", line, "url: \"http://all62.jp/\" uses http");
}

#[test]
fn plan_contact_must_be_an_organizer() {
    let f = Fixture::new();
    let line = f.replace("project.toml", "contacts = [\"chosonkai\"]", "contacts = [\"nobody\"]");
    assert_problem(&f.one_problem(), "project.toml", line, "contact \"nobody\" is not an organizer id");
}

#[test]
fn missing_required_field() {
    let f = Fixture::new();
    f.replace("project.toml", "budget_yen = 193000000\n", "");
    let d = f.one_problem();
    assert!(d.file.ends_with("project.toml"));
    assert!(d.line.is_some(), "{d}");
    assert!(d.message.contains("missing field `budget_yen`"), "{d}");
}

#[test]
fn toml_syntax_error() {
    let f = Fixture::new();
    let line = f.replace("booth.toml", "kiosk_id = \"kiosk-01\"", "kiosk_id = \"kiosk-01");
    let d = f.one_problem();
    assert!(d.file.ends_with("booth.toml"));
    assert_eq!(d.line, Some(line), "{d}");
}

#[test]
fn shift_jis_file_is_named() {
    let f = Fixture::new();
    // 東京 in Shift_JIS on line 3.
    fs::write(f.config.join("programs.toml"), b"# programs\n\n# \x93\x8c\x8b\x9e\n").unwrap();
    assert_problem(&f.one_problem(), "programs.toml", 3, "not UTF-8");
}

#[test]
fn missing_file_and_directory_instead_of_file() {
    let f = Fixture::new();
    fs::remove_file(f.config.join("project.toml")).unwrap();
    let d = f.one_problem();
    assert!(d.file.ends_with("project.toml") && d.line.is_none() && d.message == "file not found", "{d}");

    let f = Fixture::new();
    fs::remove_file(f.config.join("programs.toml")).unwrap();
    fs::create_dir(f.config.join("programs.toml")).unwrap();
    let d = f.one_problem();
    assert_eq!(d.message, "is a directory, expected a file", "{d}");
}

#[test]
fn problems_in_several_files_are_all_reported_at_once() {
    let f = Fixture::new();
    f.replace("booth.toml", "browse_seconds = 60", "browse_seconds = 1");
    f.replace("municipalities.toml", "https://www.city.chuo.lg.jp/", "http://www.city.chuo.lg.jp/");
    f.replace("municipalities.toml", "https://www.city.minato.tokyo.jp/", "http://www.city.minato.tokyo.jp/");
    f.replace("project.toml", "contacts = [\"shichokai\"]", "contacts = [\"x\"]");
    let e = f.load().unwrap_err();
    let files: Vec<String> = e.iter().map(|d| d.file.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(files, ["booth.toml", "municipalities.toml", "municipalities.toml", "project.toml"], "{e}");
    // Every line reads as file:line:col: message.
    for line in e.lines() {
        let rest = line.split_once(".toml:").expect("file name").1;
        let mut parts = rest.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
    }
}

#[test]
fn shipped_quiz_bank_has_enough_sourced_questions() {
    let booth = load(Path::new(SHIPPED), Path::new(LOCALES)).unwrap();
    let q = &booth.quiz;
    assert!(q.questions.len() >= 60, "{} questions", q.questions.len());
    let easy = q.questions.iter().filter(|x| x.difficulty == crate::quiz::Difficulty::Easy).count();
    assert!(easy >= 20, "{easy} easy questions");
    // At least 20 about the municipalities' own programs, each sourced from that program's page.
    let own_urls: Vec<&str> = booth.programs.iter().filter(|p| p.is_own()).filter_map(|p| p.url.as_deref()).collect();
    let about_programs = q.questions.iter().filter(|x| own_urls.contains(&x.source.as_str())).count();
    assert!(about_programs >= 20, "{about_programs} questions about own programs");
    assert_eq!(q.questions_per_round, 5);
    for d in [crate::quiz::Difficulty::Easy, crate::quiz::Difficulty::Medium, crate::quiz::Difficulty::Hard] {
        assert!(q.questions.iter().filter(|x| x.difficulty == d).count() >= 5, "too few {d:?} questions");
    }
    assert!(q.questions.iter().all(|x| !x.source.is_empty()));
}

#[test]
fn quiz_correct_index_out_of_range() {
    let f = Fixture::new();
    let line = f.replace("quiz.toml", "id = \"goya-seeds\"\ndifficulty = \"easy\"\ntags = [\"project\", \"greenery\"]\nsource = \"press-release-fy2013\"\ncorrect = 0", "id = \"goya-seeds\"\ndifficulty = \"easy\"\ntags = [\"project\", \"greenery\"]\nsource = \"press-release-fy2013\"\ncorrect = 3") + 4;
    assert_problem(
        &f.one_problem(),
        "quiz.toml",
        line,
        "correct = 3 is out of range: question \"goya-seeds\" has choices 0..=2",
    );
}

#[test]
fn quiz_duplicate_id_and_missing_source() {
    let f = Fixture::new();
    let line = f.replace("quiz.toml", "id = \"project-members\"", "id = \"project-start\"");
    assert_problem(
        &f.one_problem(),
        "quiz.toml",
        line,
        "duplicate question id \"project-start\" (first defined at line",
    );

    let f = Fixture::new();
    let line = f.replace("quiz.toml", "source = \"municipalities.toml\"", "source = \"somebody said so\"");
    assert_problem(
        &f.one_problem(),
        "quiz.toml",
        line,
        "source must be \"press-release-fy2013\", \"municipalities.toml\" or an https URL",
    );
}

#[test]
fn take_home_link_too_long_for_a_qr_code() {
    let f = Fixture::new();
    let long = format!("https://www.city.chiyoda.lg.jp/{}", "a".repeat(200));
    let line = f.replace("municipalities.toml", "https://www.city.chiyoda.lg.jp/", &long);
    assert_problem(
        &f.one_problem(),
        "municipalities.toml",
        line,
        "is too long for a QR code of version ≤ 10 with error correction M",
    );
}

#[test]
fn every_take_home_link_decodes_back_from_its_qr_image_at_full_and_half_size() {
    let booth = load(Path::new(SHIPPED), Path::new(LOCALES)).unwrap();
    let links = take_home_links(&booth);
    let with_pages = booth.programs.iter().filter(|p| p.url.is_some()).count();
    assert!(with_pages >= 62, "every municipality's own programs have pages: {with_pages}");
    assert_eq!(links.len(), 62 + with_pages + 1, "62 websites, every program page and the quiz's learn-more link");
    assert!(links.iter().any(|(t, ..)| matches!(t, crate::telemetry::QrTarget::Program(_))));
    for (target, _, _, url) in links {
        let code = crate::qr::encode(&url).unwrap();
        // On screen a module is 5–8 px (160 mm on a 43-inch screen); half of that is still readable.
        for module_px in [6, 3] {
            let img = image::DynamicImage::ImageRgba8(crate::qr::render(&code, module_px)).to_luma8();
            let mut prepared = rqrr::PreparedImage::prepare(img);
            let grids = prepared.detect_grids();
            assert_eq!(grids.len(), 1, "{target:?} at {module_px} px/module");
            let (_, decoded) = grids[0].decode().unwrap();
            assert_eq!(decoded, url, "{target:?}");
        }
    }
}

#[test]
fn a_plain_text_pin_is_refused() {
    let f = Fixture::new();
    let text = fs::read_to_string(f.config.join("booth.toml")).unwrap();
    fs::write(f.config.join("booth.toml"), format!("{text}\n[staff]\npin_hash = \"1234\"\n")).unwrap();
    let line = text.lines().count() + 3;
    assert_problem(&f.one_problem(), "booth.toml", line, "staff pin_hash: pin_hash must look like pbkdf2-sha256$");
}

#[test]
fn showcase_slots_that_overlap_or_name_an_unknown_municipality() {
    let f = Fixture::new();
    let line = f.replace("showcase.toml", "start = 2013-12-12T12:00:00", "start = 2013-12-12T11:00:00");
    assert_problem(&f.one_problem(), "showcase.toml", line, "this slot overlaps the slot of 13101");

    let f = Fixture::new();
    let line = f.replace("showcase.toml", "municipality = \"13201\"", "municipality = \"13000\"");
    assert_problem(
        &f.one_problem(),
        "showcase.toml",
        line,
        "municipality \"13000\" is not defined in municipalities.toml",
    );

    let f = Fixture::new();
    let line = f.replace("showcase.toml", "end = 2013-12-12T12:00:00", "end = 2013-12-12");
    assert_problem(&f.one_problem(), "showcase.toml", line, "expected a local date and time like 2013-12-12T10:00:00");
}
