//! The command line, run as a separate process: `check`, `set-pin`, and mistakes on the command line.

use crate::harness::*;

#[test]
fn check_command_passes_on_the_shipped_config_and_fails_on_a_broken_one() {
    let bin = env!("CARGO_BIN_EXE_midori-kiosk");
    let out = std::process::Command::new(bin).current_dir(ROOT).arg("check").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    // The counts, read straight from the file: every [[program]], and the municipalities that have one.
    let programs: toml::Table =
        std::fs::read_to_string(Path::new(ROOT).join("booth_config/programs.toml")).unwrap().parse().unwrap();
    let programs = programs["program"].as_array().unwrap();
    let with_own: std::collections::BTreeSet<&str> =
        programs.iter().filter_map(|p| p.get("municipality")?.as_str()).collect();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!(
            "ok: 62 municipalities, {} programs ({} municipalities with their own), 5 languages",
            programs.len(),
            with_own.len()
        )
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"), "{}", String::from_utf8_lossy(&out.stderr));

    let dir = tempfile::tempdir().unwrap();
    let cfg = copy_of_booth_config(dir.path(), "cfg");
    let booth = std::fs::read_to_string(cfg.join("booth.toml")).unwrap();
    std::fs::write(cfg.join("booth.toml"), booth.replace("quiz_seconds = 120", "quiz_seconds = 5")).unwrap();
    let line = booth.lines().position(|l| l.starts_with("quiz_seconds")).unwrap() + 1;
    let column = "quiz_seconds = ".len() + 1;
    let out = std::process::Command::new(bin).current_dir(ROOT).args(["check", "--config"]).arg(&cfg).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.trim(),
        format!("{}:{line}:{column}: idle quiz_seconds = 5 is out of range 30..=900", cfg.join("booth.toml").display())
    );

    // A municipality without programs of its own is a warning, not an error: the booth still runs.
    std::fs::write(cfg.join("booth.toml"), &booth).unwrap();
    let programs = std::fs::read_to_string(cfg.join("programs.toml")).unwrap();
    let kept: Vec<&str> = programs.split("[[program]]").filter(|b| !b.contains("municipality = \"13402\"")).collect();
    std::fs::write(cfg.join("programs.toml"), kept.join("[[program]]")).unwrap();
    let out = std::process::Command::new(bin).current_dir(ROOT).args(["check", "--config"]).arg(&cfg).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("(61 municipalities with their own)"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "warning: programs.toml: 1 municipality has no program of its own and shows the joint programs only: 13402 青ヶ島村"
    );

    let out = std::process::Command::new(bin).arg("--version").output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("midori-kiosk {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn set_pin_stores_only_a_salted_hash_and_refuses_a_mismatch() {
    use std::io::Write;
    let bin = env!("CARGO_BIN_EXE_midori-kiosk");
    let dir = tempfile::tempdir().unwrap();
    let cfg = copy_of_booth_config(dir.path(), "cfg");
    let run = |input: &str| {
        let mut child = std::process::Command::new(bin)
            .current_dir(ROOT)
            .args(["set-pin", "--config"])
            .arg(&cfg)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let before = std::fs::read_to_string(cfg.join("booth.toml")).unwrap();
    let out = run("2468\n1357\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the two PINs differ"));
    assert_eq!(std::fs::read_to_string(cfg.join("booth.toml")).unwrap(), before);

    let out = run("2468\n2468\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let after = std::fs::read_to_string(cfg.join("booth.toml")).unwrap();
    assert!(!after.contains("2468\""), "the PIN itself is not stored");
    assert!(after.starts_with(&before), "the rest of booth.toml is kept");
    let (booth, _) = midori_kiosk::booth::load_all(&cfg, &Path::new(ROOT).join("locales")).unwrap();
    let hash = booth.settings.staff_pin_hash.unwrap();
    assert_eq!(midori_kiosk::staff::verify("2468", &hash), Ok(true));
    assert_eq!(midori_kiosk::staff::verify("2469", &hash), Ok(false));
}

#[test]
fn command_line_mistakes_give_clear_errors_before_any_window_opens() {
    let bin = env!("CARGO_BIN_EXE_midori-kiosk");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(bin).current_dir(ROOT).args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, err) = run(&["screenshot", "--screen", "map", "--size", "big", "--out", "/tmp/x.png"]);
    assert_eq!((code, err.trim()), (Some(1), "error: --size must look like 1920x1080"));
    let (code, _, err) = run(&["screenshot", "--screen", "map", "--size", "100x100", "--out", "/tmp/x.png"]);
    assert_eq!((code, err.trim()), (Some(1), "error: --size 100x100 is outside 320x240 .. 7680x4320"));
    let (code, _, err) = run(&["screenshot", "--screen", "map", "--lang", "fr", "--out", "/tmp/x.png"]);
    assert_eq!(
        (code, err.trim()),
        (Some(1), "error: unknown language \"fr\" (expected one of ja, en, zh-Hans, ko, ja-x-easy)")
    );
    let (code, _, err) = run(&[
        "screenshot",
        "--screen",
        "map",
        "--map-layout",
        "official",
        "--config",
        "booth_config",
        "--out",
        "/tmp/x.png",
    ]);
    assert_eq!(
        (code, err.trim()),
        (Some(1), "error: --map-layout official needs an imported map in booth_config/map/ (run import-map first)")
    );
    let empty = tempfile::tempdir().unwrap();
    let data = empty.path().to_str().unwrap().to_string();
    let dest = empty.path().join("usb");
    let (code, _, err) = run(&["export", "--data", &data, "--out", dest.to_str().unwrap()]);
    assert_eq!((code, err.trim().to_string()), (Some(1), format!("error: no kiosk logs (*.sqlite) in {data}")));
    assert!(!dest.exists(), "nothing written");
    std::fs::create_dir_all(dest.join("logs")).unwrap();
    std::fs::write(empty.path().join("kiosk-01.sqlite"), b"").unwrap();
    let (code, _, err) = run(&["export", "--data", &data, "--out", dest.to_str().unwrap()]);
    assert_eq!(
        (code, err.trim().to_string()),
        (Some(1), format!("error: {} already exists: choose a new folder", dest.join("logs").display()))
    );
    // A monkey whose samples file cannot be written fails before it starts.
    let (code, _, err) = run(&["monkey", "--taps", "1", "--samples", "/nonexistent-dir/samples.csv"]);
    assert_eq!(
        (code, err.trim()),
        (Some(1), "error: cannot write /nonexistent-dir/samples.csv: No such file or directory (os error 2)")
    );
    let (code, out, _) = run(&["check", "--config", "/nonexistent-booth-config"]);
    assert_eq!((code, out.trim()), (Some(1), "/nonexistent-booth-config: config directory not found"));
}
