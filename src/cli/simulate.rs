//! `simulate`: synthetic kiosk logs, to try out the report.

use anyhow::Result;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

use super::ConfigArgs;

#[derive(Args)]
pub struct SimulateArgs {
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
    #[arg(long)]
    out: PathBuf,
}

pub fn simulate(a: &SimulateArgs) -> Result<ExitCode> {
    let booth = a.config.load_booth()?;
    let opts = midori_kiosk::simulate::Options::for_booth(&booth, a.sessions, a.days, a.kiosks, a.seed);
    let bar = super::progress::bar("simulate", a.sessions, "sessions");
    let summary = midori_kiosk::simulate::run(&opts, &a.out, &mut |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    println!("wrote {} sessions, {} events:", summary.sessions, summary.events);
    for f in &summary.files {
        println!("  {}", f.display());
    }
    Ok(ExitCode::SUCCESS)
}
