//! Command line of midori-kiosk: run the kiosk, check the booth files, render screens to PNG.

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use bevy::prelude::State;
use midori_kiosk::i18n::Localizer;
use midori_kiosk::kiosk::app::{self, Display};
use midori_kiosk::kiosk::{InitialView, Screen, Startup};
use midori_kiosk::lang::Lang;

#[derive(Parser)]
#[command(name = "midori-kiosk", version, about = "Touch kiosk of the みどり東京・温暖化防止プロジェクト booth")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Run the kiosk (the default).
    Run(RunArgs),
    /// Check booth_config and the locales; print every problem as file:line:col.
    Check(ConfigArgs),
    /// Render one screen to a PNG file and exit.
    Screenshot(ScreenshotArgs),
    /// Set the staff PIN (4–8 digits): asked twice without echo (or two lines on standard input when it
    /// is not a terminal); only its salted slow hash is written to booth.toml.
    SetPin(ConfigArgs),
    /// Visitor statistics from one or many kiosks' logs (read-only; merged, each event counted once),
    /// written as XLSX, CSV, HTML and JSON.
    Report(ReportArgs),
    /// Write synthetic kiosk logs (seeded, plausible visitor behaviour) to try out the report.
    Simulate(SimulateArgs),
    /// Import official boundaries (MLIT 国土数値情報 行政区域 N03 for Tokyo, GeoJSON or TopoJSON) into
    /// <config>/map/; nothing is written unless the whole file checks out.
    ImportMap(ImportMapArgs),
    /// End of the day: consistent copies of every log in the data folder (safe while the kiosk runs) and
    /// the report made from them, into one folder (a USB stick).
    Export(ExportArgs),
}

#[derive(Args)]
struct ExportArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// The kiosk's data folder (booth.toml's data.dir).
    #[arg(long)]
    data: PathBuf,
    /// Destination folder (created; must not already hold an export).
    #[arg(long)]
    out: PathBuf,
    /// Language of the report.
    #[arg(long, default_value = "ja")]
    lang: String,
}

#[derive(Args)]
struct ImportMapArgs {
    /// The N03 file for Tokyo (.geojson or .topojson).
    file: PathBuf,
    /// Neighbouring prefectures' outlines (N03, GeoJSON) to draw in grey around Tokyo.
    #[arg(long)]
    context: Option<PathBuf>,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Args)]
struct ReportArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// A kiosk's log file (data/<kiosk_id>.sqlite); give --db once per kiosk or copy.
    #[arg(long = "db", required = true)]
    dbs: Vec<PathBuf>,
    /// First day to include (YYYY-MM-DD, booth time).
    #[arg(long)]
    from: Option<String>,
    /// Last day to include (YYYY-MM-DD, booth time).
    #[arg(long)]
    to: Option<String>,
    /// Folder for the report files (created if needed).
    #[arg(long)]
    out: PathBuf,
    /// Comma-separated: xlsx, csv, html, json.
    #[arg(long, default_value = "xlsx,csv,html,json")]
    format: String,
    /// Language of headers and labels: ja, en, zh-Hans or ko.
    #[arg(long, default_value = "ja")]
    lang: String,
    /// Report from the readable files when some cannot be read (they are named in the report).
    #[arg(long)]
    skip_bad: bool,
}

#[derive(Args)]
struct SimulateArgs {
    #[command(flatten)]
    config: ConfigArgs,
    #[arg(long, default_value_t = 1000)]
    sessions: u64,
    #[arg(long, default_value_t = 3)]
    days: u32,
    #[arg(long, default_value_t = 2)]
    kiosks: u32,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Folder for kiosk-01.sqlite, kiosk-02.sqlite, ... (existing files are never overwritten).
    #[arg(long, required_unless_present = "monkey")]
    out: Option<PathBuf>,
    /// Instead: drive the real app headless with random taps, drags, pinches, holds and pauses.
    #[arg(long)]
    monkey: bool,
    /// Monkey: number of actions.
    #[arg(long, default_value_t = 20_000)]
    taps: u64,
    /// Monkey: actions between idle checks (each samples entities and memory); default taps/20, 50..2500.
    #[arg(long)]
    check_every: Option<u64>,
    /// Monkey: write the samples (actions, entities, resident KiB, glyph atlas KiB, images, meshes) as CSV.
    #[arg(long)]
    samples: Option<PathBuf>,
}

#[derive(Args, Clone)]
struct ConfigArgs {
    /// Folder with booth.toml, municipalities.toml, programs.toml, project.toml.
    #[arg(long, global = true, default_value = "booth_config")]
    config: PathBuf,
    /// Folder with one sub-folder of .ftl files per language.
    #[arg(long, global = true, default_value = "locales")]
    locales: PathBuf,
}

#[derive(Args, Clone)]
struct RunArgs {
    #[command(flatten)]
    config: ConfigArgs,
    /// Data folder for the interaction log (overrides booth.toml's data.dir).
    #[arg(long)]
    data: Option<PathBuf>,
    /// A normal 1280×720 window instead of full screen (development).
    #[arg(long)]
    windowed: bool,
    /// Startup benchmark: exit once the first frames are on screen (loading, or attract), printing the time.
    #[arg(long, value_enum)]
    exit_after_first_frame: Option<FirstFrameArg>,
}

#[derive(Clone, Copy, ValueEnum)]
enum FirstFrameArg {
    /// The very first screen (fonts still loading).
    Loading,
    /// The attract loop, fonts and content ready.
    Attract,
}

#[derive(Clone, Copy, ValueEnum)]
enum ScreenArg {
    Attract,
    Map,
    Municipality,
    TakeHome,
    Program,
    About,
    Idle,
    Quiz,
    QuizFeedback,
    QuizResult,
    StaffPin,
    StaffPanel,
}

#[derive(Clone, Copy, ValueEnum)]
enum MapLayoutArg {
    Tiles,
    Official,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColourArg {
    Region,
    Programs,
    Density,
}

#[derive(Clone, Copy, ValueEnum)]
enum ZoomArg {
    Tokyo,
    Wards,
    Tama,
    Islands,
}

#[derive(Clone, Copy, ValueEnum)]
enum AboutTabArg {
    Declaration,
    Organizers,
    Plan,
    Results,
    Lectures,
}

#[derive(Args)]
struct ScreenshotArgs {
    #[command(flatten)]
    config: ConfigArgs,
    #[arg(long)]
    data: Option<PathBuf>,
    #[arg(long, value_enum)]
    screen: ScreenArg,
    /// ja, en, zh-Hans or ko.
    #[arg(long, default_value = "ja")]
    lang: String,
    /// Municipality code: the page of the municipality and take-home screens (default 13104); on the map,
    /// the municipality selected with its card open.
    #[arg(long)]
    municipality: Option<String>,
    /// Map: tiles (built in) or official (imported with import-map).
    #[arg(long, value_enum)]
    map_layout: Option<MapLayoutArg>,
    /// Map: region, programs (the municipalities with a program on a theme light up) or density.
    #[arg(long, value_enum)]
    colour: Option<ColourArg>,
    /// Map with `--colour programs`: the theme that lights up (energy, greenery, waste, water,
    /// biodiversity, declaration, learning, mobility).
    #[arg(long, value_parser = parse_theme)]
    theme: Option<midori_kiosk::content::Theme>,
    /// Map: tokyo, wards, tama or islands.
    #[arg(long, value_enum)]
    zoom: Option<ZoomArg>,
    /// Program id for the program screen, or the take-home screen (a program with a web page).
    #[arg(long)]
    program: Option<String>,
    /// About: the tab shown (declaration, organizers, plan, results, lectures).
    #[arg(long, value_enum)]
    about_tab: Option<AboutTabArg>,
    /// Window size in pixels, WIDTHxHEIGHT.
    #[arg(long, default_value = "1920x1080")]
    size: String,
    /// Seconds into the animations (attract loop).
    #[arg(long, default_value_t = 5.0)]
    at: f32,
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => run(cli.run),
        Some(Command::Run(a)) => run(a),
        Some(Command::Check(a)) => check(&a),
        Some(Command::Screenshot(a)) => screenshot(a),
        Some(Command::SetPin(a)) => set_pin(&a),
        Some(Command::Report(a)) => report(&a),
        Some(Command::Simulate(a)) => simulate(&a),
        Some(Command::ImportMap(a)) => import_map(&a),
        Some(Command::Export(a)) => export(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn set_pin(a: &ConfigArgs) -> Result<ExitCode> {
    use std::io::{BufRead, IsTerminal};
    let (first, second) = if std::io::stdin().is_terminal() {
        (
            rpassword::prompt_password("New staff PIN (4-8 digits): ")?,
            rpassword::prompt_password("The same PIN again: ")?,
        )
    } else {
        let mut lines = std::io::stdin().lock().lines();
        let mut next = || lines.next().transpose().map(|l| l.unwrap_or_default());
        (next()?, next()?)
    };
    if first.trim() != second.trim() {
        bail!("the two PINs differ; nothing was changed");
    }
    let hash = midori_kiosk::staff::new_hash(first.trim())?;
    let path = a.config.join(midori_kiosk::content::settings::FILE);
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let tmp = path.with_extension("toml.new");
    std::fs::write(&tmp, midori_kiosk::content::settings::with_pin_hash(&text, &hash))
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("cannot replace {}", path.display()))?;
    println!("staff PIN set in {}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// booth_config without the locales check (for the tools that only need the facts).
fn load_booth(a: &ConfigArgs) -> Result<midori_kiosk::booth::Booth> {
    midori_kiosk::booth::load(&a.config, &a.locales).map_err(|problems| {
        anyhow::anyhow!(
            "{} has problems (run `midori-kiosk check`):\n{}",
            a.config.display(),
            problems.lines().join("\n")
        )
    })
}

fn report(a: &ReportArgs) -> Result<ExitCode> {
    use midori_kiosk::clock::{LocalClock, LocalDate};
    use midori_kiosk::report::{self, Context, FluentLabels, Period};
    let lang: Lang = a.lang.parse()?;
    let formats = report::Format::parse_list(&a.format).map_err(anyhow::Error::msg)?;
    let date = |flag: &str, v: &Option<String>| -> Result<Option<LocalDate>> {
        v.as_deref()
            .map(|s| LocalDate::parse(s).with_context(|| format!("{flag} {s:?} is not a date like 2013-12-12")))
            .transpose()
    };
    let period = Period { from: date("--from", &a.from)?, to: date("--to", &a.to)? };
    if let (Some(f), Some(t)) = (period.from, period.to)
        && f > t
    {
        bail!("--from {f} is after --to {t}");
    }
    let booth = load_booth(&a.config)?;
    let strings = Localizer::load(&a.config.locales, &[lang]).map_err(|p| anyhow::anyhow!(p.lines().join("\n")))?;
    let ctx = Context::from_booth(&booth, period);
    let clock = LocalClock { utc_offset_minutes: booth.settings.event.utc_offset_minutes };
    let mut timings = report::Timings::default();
    let loaded = report::read_logs(&a.dbs, period, clock, a.skip_bad, Some(&mut timings))?;
    for (path, why) in &loaded.skipped {
        eprintln!("skipped {}: {why}", path.display());
    }
    let t = std::time::Instant::now();
    let data = report::aggregate(&loaded, &ctx);
    timings.aggregate = t.elapsed();
    let labels = FluentLabels { strings: &strings, lang };
    let written = report::write(&data, &labels, &a.out, &formats, Some(&mut timings))?;
    println!(
        "read {} file(s), {} events in the period ({} found twice, counted once); times in {}",
        loaded.files.len(),
        loaded.rows.len(),
        loaded.duplicates,
        clock.zone_name()
    );
    for p in &written {
        println!("wrote {}", p.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn monkey(a: &SimulateArgs) -> Result<ExitCode> {
    use midori_kiosk::kiosk::monkey::{self, MonkeyPlan};
    use std::io::Write;
    // The samples file is opened now, so a wrong path fails before an hour of monkeying, not after.
    let mut samples_file = match &a.samples {
        Some(path) => Some(std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?),
        None => None,
    };
    let startup = startup(&a.config);
    if matches!(startup, Startup::Broken { .. }) {
        bail!("{} has problems (run `midori-kiosk check`)", a.config.config.display());
    }
    let dir = tempfile_dir()?;
    let log_path = dir.join("monkey.sqlite");
    let meta = midori_kiosk::telemetry::Meta {
        kiosk_id: "monkey".into(),
        booth_id: "monkey".into(),
        app_version: env!("CARGO_PKG_VERSION").into(),
    };
    let log =
        midori_kiosk::telemetry::Telemetry::start(&log_path, meta, midori_kiosk::telemetry::WriterConfig::default())?;
    let frame = std::time::Duration::from_millis(100);
    let mut app = app::build_headless(startup, InitialView::default(), 1920, 1080, frame);
    app.insert_resource(midori_kiosk::kiosk::session::EventLog(log));
    for _ in 0..600 {
        app.update();
        if *app.world().resource::<State<Screen>>().get() != Screen::Loading {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let plan = MonkeyPlan {
        actions: a.taps,
        seed: a.seed,
        frame_s: frame.as_secs_f32(),
        warm_up: (a.taps / 5).min(50_000),
        check_every: a.check_every.unwrap_or((a.taps / 20).clamp(50, 2_500)).max(1),
        single_threaded: true,
    };
    let t = std::time::Instant::now();
    let result = monkey::run(&mut app, plan, &log_path, &mut |done| {
        eprint!("\rmonkey [{:<25}] {done}/{}", "#".repeat((done * 25 / a.taps.max(1)) as usize), a.taps);
        let _ = std::io::stderr().flush();
    });
    eprintln!();
    let _ = std::fs::remove_dir_all(&dir);
    let r = result?;
    if let (Some(path), Some(file)) = (&a.samples, samples_file.as_mut()) {
        let mut csv = String::from("actions,entities,resident_kib,glyph_atlas_kib,images,meshes\n");
        for s in &r.samples {
            csv.push_str(&format!(
                "{},{},{},{},{},{}\n",
                s.actions, s.entities, s.resident_kib, s.glyph_atlas_kib, s.images, s.meshes
            ));
        }
        file.write_all(csv.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
    }
    let ((e_min, e_max), (m_min, m_max)) = r.ranges();
    println!(
        "monkey: {} actions, {} frames ({:.1} h of booth time) in {:.0} s, seed {}",
        r.actions,
        r.frames,
        r.booth_seconds / 3600.0,
        t.elapsed().as_secs_f64(),
        a.seed
    );
    let k = r.kinds;
    println!(
        "actions: {} finger taps, {} mouse clicks, {} drags, {} pinches, {} long holds, {} pauses",
        k.taps, k.clicks, k.drags, k.pinches, k.holds, k.pauses
    );
    println!("screens reached: {:?}", r.screens_seen);
    println!("returned to the attract loop when left alone: {} times, never stuck", r.idle_returns);
    println!("glyph atlases over budget and dropped in the attract loop: {} times", r.glyph_atlas_trims);
    println!("sessions: {} opened, {} closed in the log", r.sessions_started, r.sessions_ended);
    println!(
        "after warm-up ({} samples): entities {e_min}..{e_max}, resident memory {:.1}..{:.1} MiB",
        r.samples.len(),
        m_min as f64 / 1024.0,
        m_max as f64 / 1024.0
    );
    if let (Some(first), Some(last)) = (r.samples.first(), r.samples.last()) {
        let mib = |kib: u64| kib as f64 / 1024.0;
        for s in [first, last] {
            println!(
                "at action {}: resident memory {:.1} MiB, glyph atlases {:.1} MiB, {} images, {} meshes",
                s.actions,
                mib(s.resident_kib),
                mib(s.glyph_atlas_kib),
                s.images,
                s.meshes
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A fresh private folder under the system temp dir.
fn tempfile_dir() -> Result<PathBuf> {
    let d = std::env::temp_dir().join(format!("midori-monkey-{}", std::process::id()));
    std::fs::create_dir_all(&d).with_context(|| format!("cannot create {}", d.display()))?;
    Ok(d)
}

fn simulate(a: &SimulateArgs) -> Result<ExitCode> {
    use std::io::Write;
    if a.monkey {
        return monkey(a);
    }
    let out = a.out.clone().context("--out is required")?;
    let booth = load_booth(&a.config)?;
    let s = &booth.settings;
    let opts = midori_kiosk::simulate::Options {
        sessions: a.sessions,
        days: a.days,
        kiosks: a.kiosks,
        seed: a.seed,
        first_day: s.event.start,
        utc_offset_minutes: s.event.utc_offset_minutes,
        booth_id: s.booth_id.clone(),
        municipalities: booth.municipalities.list.iter().map(|m| m.code.clone()).collect(),
        questions: booth.quiz.questions.iter().map(|q| q.id.clone()).collect(),
        programs: booth.programs.iter().map(|p| p.id.clone()).collect(),
    };
    let mut last = u64::MAX;
    let summary = midori_kiosk::simulate::run(&opts, &out, &mut |done, total| {
        let pct = (done * 100).checked_div(total).unwrap_or(100);
        if pct != last {
            last = pct;
            let bar = "#".repeat((pct / 4) as usize);
            eprint!("\rsimulate [{bar:<25}] {pct:>3}%  {done}/{total} sessions");
            let _ = std::io::stderr().flush();
        }
    })?;
    eprintln!();
    println!("wrote {} sessions, {} events:", summary.sessions, summary.events);
    for f in &summary.files {
        println!("  {}", f.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn export(a: &ExportArgs) -> Result<ExitCode> {
    let mut logs: Vec<PathBuf> = std::fs::read_dir(&a.data)
        .with_context(|| format!("cannot read the data folder {}", a.data.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sqlite"))
        .collect();
    logs.sort();
    if logs.is_empty() {
        bail!("no kiosk logs (*.sqlite) in {}", a.data.display());
    }
    let copies = a.out.join("logs");
    if copies.exists() {
        bail!("{} already exists: choose a new folder", copies.display());
    }
    std::fs::create_dir_all(&copies).with_context(|| format!("cannot create {}", copies.display()))?;
    let mut copied = Vec::new();
    for log in &logs {
        let dest = copies.join(log.file_name().unwrap_or_default());
        match midori_kiosk::telemetry::snapshot(log, &dest) {
            Ok(()) => {
                println!("copied {} → {}", log.display(), dest.display());
                copied.push(dest);
            }
            Err(e) => {
                // Keep the bytes anyway, for whoever can repair it; the report goes on without it.
                let raw = dest.with_extension("sqlite.unreadable");
                let kept = std::fs::copy(log, &raw).is_ok();
                eprintln!(
                    "warning: {e}; {}",
                    if kept { format!("copied as is to {}", raw.display()) } else { "could not copy it".into() }
                );
            }
        }
    }
    if copied.is_empty() {
        bail!("no readable kiosk log in {}", a.data.display());
    }
    report(&ReportArgs {
        config: a.config.clone(),
        dbs: copied,
        from: None,
        to: None,
        out: a.out.join("report"),
        format: "xlsx,csv,html,json".into(),
        lang: a.lang.clone(),
        skip_bad: true,
    })
}

fn import_map(a: &ImportMapArgs) -> Result<ExitCode> {
    use midori_kiosk::content::{Region, municipalities};
    use midori_kiosk::geo::import::{self, Municipality};
    use std::io::Write;
    let list = municipalities::load(&a.config.config).map_err(|p| {
        anyhow::anyhow!(
            "{} has problems (run `midori-kiosk check`):\n{}",
            a.config.config.display(),
            p.lines().join("\n")
        )
    })?;
    let munis: Vec<Municipality> = list
        .list
        .iter()
        .map(|m| Municipality {
            code: m.code.clone(),
            name_ja: m.name_ja.clone(),
            lon_lat: [m.label_lon_lat.0, m.label_lon_lat.1],
            island: m.region == Region::Islands,
        })
        .collect();
    // A progress bar for large inputs (a full-resolution N03 file is tens of megabytes).
    let large = std::fs::metadata(&a.file).map(|m| m.len() > 4 << 20).unwrap_or(false);
    let mut last = usize::MAX;
    let t = std::time::Instant::now();
    let (file, summary) = import::import(&a.file, a.context.as_deref(), &munis, &mut |done, total| {
        let pct = (done * 100).checked_div(total).unwrap_or(100);
        if large && pct != last {
            last = pct;
            eprint!("\rimport-map [{:<25}] {pct:>3}%  {done}/{total} features", "#".repeat(pct / 4));
            let _ = std::io::stderr().flush();
        }
    })?;
    if large {
        eprintln!();
    }
    for name in &summary.skipped_uncoded {
        println!("skipped a feature without a municipality code: {name}");
    }
    println!(
        "{} features → {} municipalities; {} → {} points (shared borders simplified once, tolerance {} km); {} inset frames; {} context outlines; {:.0} ms",
        summary.features,
        summary.municipalities,
        summary.vertices_in,
        summary.vertices_out,
        summary.tolerance_km,
        file.map.insets.len(),
        summary.context_outlines,
        t.elapsed().as_secs_f64() * 1000.0
    );
    for p in import::write(&a.config.config, &file)? {
        println!("wrote {}", p.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn check(a: &ConfigArgs) -> Result<ExitCode> {
    match midori_kiosk::booth::load_all(&a.config, &a.locales) {
        Ok((booth, _)) => {
            println!("{}", midori_kiosk::booth::summary(&booth));
            for w in booth.warnings() {
                eprintln!("warning: {w}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            for line in problems.lines() {
                println!("{line}");
            }
            eprintln!("{} problem(s) found", problems.len());
            Ok(ExitCode::FAILURE)
        }
    }
}

/// Loads everything; on problems, logs them and returns a startup that shows them to staff.
fn startup(a: &ConfigArgs) -> Startup {
    match midori_kiosk::booth::load_all(&a.config, &a.locales) {
        Ok((booth, strings)) => Startup::Ready { booth: Arc::new(booth), strings: Arc::new(strings) },
        Err(problems) => {
            for line in problems.lines() {
                eprintln!("config error: {line}");
            }
            let langs: Vec<Lang> = Lang::ALL.to_vec();
            let strings = Localizer::load(&a.locales, &langs).ok().map(Arc::new);
            Startup::Broken { problems: problems.lines(), strings }
        }
    }
}

fn exit_code(e: bevy::app::AppExit) -> ExitCode {
    if e.is_success() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// Opens `<data>/<kiosk_id>.sqlite`. The kiosk runs without a log rather than not at all; the error is
/// printed and recorded in memory.
fn open_log(startup: &Startup, data: Option<PathBuf>) -> Option<midori_kiosk::telemetry::Telemetry> {
    use midori_kiosk::telemetry::{Meta, Telemetry, WriterConfig};
    let Startup::Ready { booth, .. } = startup else { return None };
    let s = &booth.settings;
    let dir = data.unwrap_or_else(|| PathBuf::from(&s.data_dir));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("error: cannot create data folder {}: {e}; events are not saved", dir.display());
        return None;
    }
    let path = dir.join(format!("{}.sqlite", s.kiosk_id));
    let meta = Meta {
        kiosk_id: s.kiosk_id.clone(),
        booth_id: s.booth_id.clone(),
        app_version: env!("CARGO_PKG_VERSION").into(),
    };
    match Telemetry::start(&path, meta, WriterConfig::default()) {
        Ok(t) => Some(t),
        Err(e) => {
            eprintln!("error: interaction log not available: {e}; events are not saved");
            None
        }
    }
}

fn run(a: RunArgs) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    eprintln!("midori-kiosk {} starting", env!("CARGO_PKG_VERSION"));
    let display = if a.windowed { Display::Windowed { width: 1280, height: 720 } } else { Display::Fullscreen };
    let startup = startup(&a.config);
    let log = open_log(&startup, a.data);
    let mut app = app::build(startup, InitialView::default(), display);
    if let Some(first) = a.exit_after_first_frame {
        let screen = match first {
            FirstFrameArg::Loading => Screen::Loading,
            FirstFrameArg::Attract => Screen::Attract,
        };
        app::exit_after_first_frame(&mut app, started, screen);
    }
    if let Some(log) = log {
        app.insert_resource(midori_kiosk::kiosk::session::EventLog(log));
    }
    Ok(exit_code(app.run()))
}

fn parse_theme(s: &str) -> Result<midori_kiosk::content::Theme, String> {
    midori_kiosk::content::Theme::parse(s).ok_or_else(|| {
        let all: Vec<&str> = midori_kiosk::content::Theme::ALL.iter().map(|t| t.as_str()).collect();
        format!("unknown theme \"{s}\" (expected one of {})", all.join(", "))
    })
}

fn screenshot(a: ScreenshotArgs) -> Result<ExitCode> {
    let lang: Lang = a.lang.parse()?;
    let (w, h) = a.size.split_once('x').context("--size must look like 1920x1080")?;
    let (width, height): (u32, u32) = (w.parse().context("--size width")?, h.parse().context("--size height")?);
    if !(320..=7680).contains(&width) || !(240..=4320).contains(&height) {
        bail!("--size {width}x{height} is outside 320x240 .. 7680x4320");
    }
    let screen = match a.screen {
        ScreenArg::Attract => Screen::Attract,
        ScreenArg::Map | ScreenArg::Idle => Screen::Map,
        ScreenArg::Municipality => Screen::Municipality,
        ScreenArg::TakeHome => Screen::TakeHome,
        ScreenArg::Program => Screen::Program,
        ScreenArg::About => Screen::About,
        ScreenArg::Quiz => Screen::QuizQuestion,
        ScreenArg::QuizFeedback => Screen::QuizFeedback,
        ScreenArg::QuizResult => Screen::QuizResult,
        ScreenArg::StaffPin => Screen::StaffPin,
        ScreenArg::StaffPanel => Screen::StaffPanel,
    };
    use midori_kiosk::kiosk::map_view::{Choropleth, MapLayout, QuickZoom};
    let initial = InitialView {
        screen,
        lang: Some(lang),
        municipality: Some(a.municipality.clone().unwrap_or_else(|| "13104".into())),
        program: a.program.clone(),
        idle_warning: matches!(a.screen, ScreenArg::Idle),
        frozen_clock: Some(a.at),
        map_card: matches!(a.screen, ScreenArg::Map) && a.municipality.is_some(),
        about_tab: a.about_tab.map(|t| {
            use midori_kiosk::kiosk::screens::about::AboutTab;
            match t {
                AboutTabArg::Declaration => AboutTab::Declaration,
                AboutTabArg::Organizers => AboutTab::Organizers,
                AboutTabArg::Plan => AboutTab::Plan,
                AboutTabArg::Results => AboutTab::Results,
                AboutTabArg::Lectures => AboutTab::Lectures,
            }
        }),
        map_zoom: a.zoom.map(|z| match z {
            ZoomArg::Tokyo => QuickZoom::Tokyo,
            ZoomArg::Wards => QuickZoom::Wards,
            ZoomArg::Tama => QuickZoom::Tama,
            ZoomArg::Islands => QuickZoom::Islands,
        }),
        map_layout: a.map_layout.map(|l| match l {
            MapLayoutArg::Tiles => MapLayout::Tiles,
            MapLayoutArg::Official => MapLayout::Official,
        }),
        choropleth: a.colour.map(|c| match c {
            ColourArg::Region => Choropleth::Region,
            ColourArg::Programs => Choropleth::Theme(a.theme.unwrap_or(midori_kiosk::content::Theme::Energy)),
            ColourArg::Density => Choropleth::PopulationDensity,
        }),
    };
    if matches!(a.map_layout, Some(MapLayoutArg::Official))
        && !a.config.config.join("map").join(midori_kiosk::geo::MAP_FILE).exists()
    {
        bail!(
            "--map-layout official needs an imported map in {}/map/ (run import-map first)",
            a.config.config.display()
        );
    }
    // Screenshots never write to the booth's log; `--data` is accepted for symmetry with `run`.
    let _ = a.data;
    let app_exit = app::build(startup(&a.config), initial, Display::Screenshot { width, height, out: a.out }).run();
    Ok(exit_code(app_exit))
}
