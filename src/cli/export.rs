//! `export`: end of the day, consistent copies of every log and the report made from them.

use anyhow::{Context, Result, bail};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

use super::ConfigArgs;
use midori_kiosk::report::{Format, Period};

#[derive(Args)]
pub struct ExportArgs {
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

pub fn export(a: &ExportArgs) -> Result<ExitCode> {
    let lang = a.lang.parse()?;
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
    let out = a.out.join("report");
    super::report::write_report(&a.config, lang, &copied, Period::default(), &out, &Format::ALL, true)
}
