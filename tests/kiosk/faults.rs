//! Booth-day fault inputs: every malformed file gives one clear error naming the file (and the line, where
//! the file has one), `check` exits 1, and nothing is written anywhere in the config or locales.

use crate::harness::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                out.insert(p.clone(), b"<dir>".to_vec());
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn edit(path: &Path, f: impl Fn(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, f(text)).unwrap();
}

fn shift_jis(path: &Path) {
    // 「みどり」 and the rest of the first Japanese text, as Shift_JIS bytes: み=82DD ど=82C7 り=82E8.
    let text = std::fs::read_to_string(path).unwrap();
    let at = text.find('み').expect("a み to re-encode");
    let mut bytes = text.as_bytes()[..at].to_vec();
    bytes.extend_from_slice(&[0x82, 0xDD, 0x82, 0xC7, 0x82, 0xE8]);
    bytes.extend_from_slice(text[at..].trim_start_matches('み').as_bytes());
    std::fs::write(path, bytes).unwrap();
}

fn truncate(path: &Path, fraction: f64) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut cut = (text.len() as f64 * fraction) as usize;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    // Cut inside a line, the way a copy interrupted half-way looks.
    let cut = text[..cut].rfind('=').map_or(cut, |i| i + 3).min(text.len());
    let mut cut = cut;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    std::fs::write(path, &text[..cut]).unwrap();
}

fn replace_dir(path: &Path) {
    std::fs::remove_file(path).unwrap();
    std::fs::create_dir(path).unwrap();
}

type Breaker = Box<dyn Fn(&Path, &Path)>;
type Fault = (&'static str, &'static str, bool, Breaker);

fn faults() -> Vec<Fault> {
    let b = |f: fn(&Path, &Path)| -> Breaker { Box::new(f) };
    vec![
        // (what, file named in the error, with a line number, how to break it)
        ("booth.toml truncated", "booth.toml", true, b(|c, _| truncate(&c.join("booth.toml"), 0.5))),
        (
            "booth.toml wrong type",
            "booth.toml",
            true,
            b(|c, _| edit(&c.join("booth.toml"), |t| t.replace("kiosk_id = \"kiosk-01\"", "kiosk_id = 5"))),
        ),
        (
            "booth.toml duplicate key",
            "booth.toml",
            true,
            b(|c, _| {
                edit(&c.join("booth.toml"), |t| {
                    t.replace("kiosk_id = \"kiosk-01\"", "kiosk_id = \"kiosk-01\"\nkiosk_id = \"kiosk-02\"")
                })
            }),
        ),
        (
            "booth.toml huge integer",
            "booth.toml",
            true,
            b(|c, _| {
                edit(&c.join("booth.toml"), |t| {
                    t.replace("browse_seconds = 60", "browse_seconds = 99999999999999999999999")
                })
            }),
        ),
        (
            "booth.toml huge value in range",
            "booth.toml",
            true,
            b(|c, _| edit(&c.join("booth.toml"), |t| t.replace("browse_seconds = 60", "browse_seconds = 9000000"))),
        ),
        ("booth.toml Shift_JIS", "booth.toml", true, b(|c, _| shift_jis(&c.join("booth.toml")))),
        ("booth.toml missing", "booth.toml", false, b(|c, _| std::fs::remove_file(c.join("booth.toml")).unwrap())),
        ("booth.toml is a folder", "booth.toml", false, b(|c, _| replace_dir(&c.join("booth.toml")))),
        (
            "booth.toml unknown language",
            "booth.toml",
            true,
            b(|c, _| edit(&c.join("booth.toml"), |t| t.replace("default = \"ja\"", "default = \"fr\""))),
        ),
        (
            "municipalities.toml truncated",
            "municipalities.toml",
            true,
            b(|c, _| truncate(&c.join("municipalities.toml"), 0.4)),
        ),
        (
            "municipalities.toml wrong type",
            "municipalities.toml",
            true,
            b(|c, _| {
                edit(&c.join("municipalities.toml"), |t| t.replacen("population = 66687", "population = \"many\"", 1))
            }),
        ),
        (
            "municipalities.toml population overflow",
            "municipalities.toml",
            true,
            b(|c, _| {
                edit(&c.join("municipalities.toml"), |t| {
                    t.replacen("population = 66687", "population = 99999999999", 1)
                })
            }),
        ),
        (
            "municipalities.toml duplicate code",
            "municipalities.toml",
            true,
            b(|c, _| edit(&c.join("municipalities.toml"), |t| t.replacen("code = \"13102\"", "code = \"13101\"", 1))),
        ),
        (
            "municipalities.toml label outside Tokyo",
            "municipalities.toml",
            true,
            b(|c, _| {
                edit(&c.join("municipalities.toml"), |t| {
                    t.replacen("label = [139.75381, 35.68622]", "label = [200.0, 35.68622]", 1)
                })
            }),
        ),
        (
            "municipalities.toml Shift_JIS",
            "municipalities.toml",
            true,
            b(|c, _| shift_jis(&c.join("municipalities.toml"))),
        ),
        (
            "municipalities.toml missing",
            "municipalities.toml",
            false,
            b(|c, _| std::fs::remove_file(c.join("municipalities.toml")).unwrap()),
        ),
        (
            "programs.toml unknown municipality",
            "programs.toml",
            true,
            b(|c, _| {
                edit(&c.join("programs.toml"), |t| {
                    t.replacen("id = \"joint-grants\"", "id = \"joint-grants\"\nmunicipality = \"13999\"", 1)
                })
            }),
        ),
        (
            "programs.toml wrong type",
            "programs.toml",
            true,
            b(|c, _| {
                edit(&c.join("programs.toml"), |t| {
                    t.replacen("tags = [\"greenery\", \"climate\"]", "tags = \"greenery\"", 1)
                })
            }),
        ),
        (
            "programs.toml duplicate id",
            "programs.toml",
            true,
            b(|c, _| {
                edit(&c.join("programs.toml"), |t| {
                    t.replacen("id = \"joint-ghg-accounting\"", "id = \"joint-grants\"", 1)
                })
            }),
        ),
        ("programs.toml is a folder", "programs.toml", false, b(|c, _| replace_dir(&c.join("programs.toml")))),
        ("quiz.toml truncated", "quiz.toml", true, b(|c, _| truncate(&c.join("quiz.toml"), 0.3))),
        (
            "quiz.toml correct answer out of range",
            "quiz.toml",
            true,
            b(|c, _| edit(&c.join("quiz.toml"), |t| t.replacen("correct = 1", "correct = 7", 1))),
        ),
        (
            "quiz.toml duplicate question",
            "quiz.toml",
            true,
            b(|c, _| {
                edit(&c.join("quiz.toml"), |t| t.replacen("id = \"project-members\"", "id = \"project-start\"", 1))
            }),
        ),
        ("quiz.toml missing", "quiz.toml", false, b(|c, _| std::fs::remove_file(c.join("quiz.toml")).unwrap())),
        (
            "showcase.toml bad date",
            "showcase.toml",
            true,
            b(|c, _| {
                edit(&c.join("showcase.toml"), |t| {
                    t.replacen("start = 2013-12-12T10:00:00", "start = 2013-13-12T10:00:00", 1)
                })
            }),
        ),
        (
            "showcase.toml unknown municipality",
            "showcase.toml",
            true,
            b(|c, _| {
                edit(&c.join("showcase.toml"), |t| {
                    t.replacen("municipality = \"13101\"", "municipality = \"99999\"", 1)
                })
            }),
        ),
        (
            "showcase.toml end before start",
            "showcase.toml",
            true,
            b(|c, _| {
                edit(&c.join("showcase.toml"), |t| {
                    t.replacen("end = 2013-12-12T12:00:00", "end = 2013-12-12T09:00:00", 1)
                })
            }),
        ),
        (
            "project.toml missing key",
            "project.toml",
            true,
            b(|c, _| edit(&c.join("project.toml"), |t| t.replacen("started_fiscal_year = 2007\n", "", 1))),
        ),
        ("project.toml Shift_JIS", "project.toml", true, b(|c, _| shift_jis(&c.join("project.toml")))),
        (
            "kiosk.ftl syntax error",
            "ja/kiosk.ftl",
            true,
            b(|_, l| edit(&l.join("ja/kiosk.ftl"), |t| t.replacen("back = ", "back = { $oops", 1))),
        ),
        (
            "kiosk.ftl missing key",
            "en/kiosk.ftl",
            false,
            b(|_, l| edit(&l.join("en/kiosk.ftl"), |t| t.replacen("back = Back\n", "", 1))),
        ),
        ("kiosk.ftl Shift_JIS", "ja/kiosk.ftl", true, b(|_, l| shift_jis(&l.join("ja/kiosk.ftl")))),
        (
            "kiosk.ftl duplicate key",
            "ko/kiosk.ftl",
            true,
            b(|_, l| edit(&l.join("ko/kiosk.ftl"), |t| format!("{t}\nback = 뒤로\n"))),
        ),
        (
            "map file truncated",
            "official-map.json",
            true,
            b(|c, _| {
                std::fs::create_dir_all(c.join("map")).unwrap();
                std::fs::write(c.join("map/official-map.json"), "{\"version\": 1,\n  \"map\": {\"areas\": [\n")
                    .unwrap();
            }),
        ),
        (
            "map file of another version",
            "official-map.json",
            false,
            b(|c, _| {
                std::fs::create_dir_all(c.join("map")).unwrap();
                std::fs::write(c.join("map/official-map.json"), r#"{"version": 7, "attribution_ja": "", "attribution_en": "", "source_year": null, "source_file": "", "map": {"areas": []}}"#).unwrap();
            }),
        ),
        (
            "map file is a folder",
            "official-map.json",
            false,
            b(|c, _| std::fs::create_dir_all(c.join("map/official-map.json")).unwrap()),
        ),
    ]
}

#[test]
fn each_malformed_input_gives_one_clear_error_and_writes_nothing() {
    let bin = env!("CARGO_BIN_EXE_midori-kiosk");
    let all = faults();
    assert!(all.len() >= 30, "{} faults", all.len());
    let mut failures = Vec::new();
    for (what, file, with_line, apply) in &all {
        let dir = tempfile::tempdir().unwrap();
        let (cfg, loc) = (dir.path().join("booth_config"), dir.path().join("locales"));
        copy_dir(&Path::new(ROOT).join("booth_config"), &cfg);
        copy_dir(&Path::new(ROOT).join("locales"), &loc);
        apply(&cfg, &loc);
        let before = snapshot(dir.path());
        let out = std::process::Command::new(bin)
            .args(["check", "--config"])
            .arg(&cfg)
            .arg("--locales")
            .arg(&loc)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let first = stdout.lines().next().unwrap_or_default().to_string();
        let named = first.contains(file);
        let line_ok = !with_line
            || first
                .split(file)
                .nth(1)
                .is_some_and(|rest| rest.starts_with(':') && rest[1..].starts_with(|c: char| c.is_ascii_digit()));
        if out.status.code() != Some(1) || !named || !line_ok || snapshot(dir.path()) != before {
            failures.push(format!("{what}: exit {:?}, first line {first:?}", out.status.code()));
        }
    }
    assert!(failures.is_empty(), "faults without a clear error:\n{}", failures.join("\n"));
}
