//! `report`: visitor statistics from kiosk logs, through `report::run`.

use anyhow::{Context, Result, bail};
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::ConfigArgs;
use midori_kiosk::clock::LocalDate;
use midori_kiosk::i18n::Localizer;
use midori_kiosk::lang::Lang;
use midori_kiosk::report::{self, Format, Period};

#[derive(Args)]
pub struct ReportArgs {
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

pub fn report(a: &ReportArgs) -> Result<ExitCode> {
    let lang: Lang = a.lang.parse()?;
    let formats = Format::parse_list(&a.format).map_err(anyhow::Error::msg)?;
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
    write_report(&a.config, lang, &a.dbs, period, &a.out, &formats, a.skip_bad)
}

/// Loads the booth and the strings of `lang`, runs the report pipeline and prints what it did.
pub fn write_report(
    config: &ConfigArgs,
    lang: Lang,
    logs: &[PathBuf],
    period: Period,
    out_dir: &Path,
    formats: &[Format],
    skip_bad: bool,
) -> Result<ExitCode> {
    let booth = config.load_booth()?;
    let strings = Localizer::load(&config.locales, &[lang]).map_err(|p| anyhow::anyhow!(p.lines().join("\n")))?;
    let options = report::Options { booth: &booth, strings: &strings, lang, logs, period, out_dir, formats, skip_bad };
    let outcome = report::run(&options)?;
    for (path, why) in &outcome.skipped {
        eprintln!("skipped {}: {why}", path.display());
    }
    println!(
        "read {} file(s), {} events in the period ({} found twice, counted once); times in {}",
        outcome.files_read, outcome.events, outcome.duplicates, outcome.zone
    );
    for p in &outcome.written {
        println!("wrote {}", p.display());
    }
    Ok(ExitCode::SUCCESS)
}
