//! The command line: its clap definitions and the dispatch to one file per subcommand. Each subcommand
//! parses its arguments, calls the library, and prints what happened; errors are `anyhow` here only.

mod check;
mod export;
mod import_map;
mod monkey;
mod progress;
mod report;
mod run;
mod screenshot;
mod set_pin;
mod simulate;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

use midori_kiosk::booth::Booth;

#[derive(Parser)]
#[command(name = "midori-kiosk", version, about = "Touch kiosk of the みどり東京・温暖化防止プロジェクト booth")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: run::RunArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Run the kiosk (the default).
    Run(run::RunArgs),
    /// Check booth_config and the locales; print every problem as file:line:col.
    Check(ConfigArgs),
    /// Render one screen to a PNG file and exit.
    Screenshot(screenshot::ScreenshotArgs),
    /// Set the staff PIN (4–8 digits): asked twice without echo (or two lines on standard input when it
    /// is not a terminal); only its salted slow hash is written to booth.toml.
    SetPin(ConfigArgs),
    /// Visitor statistics from one or many kiosks' logs (read-only; merged, each event counted once),
    /// written as XLSX, CSV, HTML and JSON.
    Report(report::ReportArgs),
    /// Write synthetic kiosk logs (seeded, plausible visitor behaviour) to try out the report.
    Simulate(simulate::SimulateArgs),
    /// Drive the real app headless with random taps, drags, pinches, holds and pauses (a soak test).
    Monkey(monkey::MonkeyArgs),
    /// Import official boundaries (MLIT 国土数値情報 行政区域 N03 for Tokyo, GeoJSON or TopoJSON) into
    /// <config>/map/; nothing is written unless the whole file checks out.
    ImportMap(import_map::ImportMapArgs),
    /// End of the day: consistent copies of every log in the data folder (safe while the kiosk runs) and
    /// the report made from them, into one folder (a USB stick).
    Export(export::ExportArgs),
}

/// Where the booth's files are.
#[derive(Args, Clone)]
pub struct ConfigArgs {
    /// Folder with booth.toml, municipalities.toml, programs.toml, project.toml.
    #[arg(long, global = true, default_value = "booth_config")]
    pub config: PathBuf,
    /// Folder with one sub-folder of .ftl files per language.
    #[arg(long, global = true, default_value = "locales")]
    pub locales: PathBuf,
}

impl ConfigArgs {
    /// booth_config without the locales check (for the tools that only need the facts).
    pub fn load_booth(&self) -> Result<Booth> {
        midori_kiosk::booth::load(&self.config, &self.locales).map_err(|problems| {
            anyhow::anyhow!(
                "{} has problems (run `midori-kiosk check`):\n{}",
                self.config.display(),
                problems.lines().join("\n")
            )
        })
    }
}

/// Parses the command line and runs the subcommand; `run` when none is given.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => run::run(cli.run),
        Some(Command::Run(a)) => run::run(a),
        Some(Command::Check(a)) => check::check(&a),
        Some(Command::Screenshot(a)) => screenshot::screenshot(a),
        Some(Command::SetPin(a)) => set_pin::set_pin(&a),
        Some(Command::Report(a)) => report::report(&a),
        Some(Command::Simulate(a)) => simulate::simulate(&a),
        Some(Command::Monkey(a)) => monkey::monkey(&a),
        Some(Command::ImportMap(a)) => import_map::import_map(&a),
        Some(Command::Export(a)) => export::export(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The exit code of a finished Bevy app.
fn exit_code(e: bevy::app::AppExit) -> ExitCode {
    if e.is_success() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
