//! `import-map`: official boundaries (N03) into `<config>/map/`, checked whole before anything is written.

use anyhow::Result;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

use super::ConfigArgs;
use midori_kiosk::content::municipalities;
use midori_kiosk::geo::import::{self};

#[derive(Args)]
pub struct ImportMapArgs {
    /// The N03 file for Tokyo (.geojson or .topojson).
    file: PathBuf,
    /// Neighbouring prefectures' outlines (N03, GeoJSON) to draw in grey around Tokyo.
    #[arg(long)]
    context: Option<PathBuf>,
    #[command(flatten)]
    config: ConfigArgs,
}

pub fn import_map(a: &ImportMapArgs) -> Result<ExitCode> {
    let list = municipalities::load(&a.config.config).map_err(|p| {
        anyhow::anyhow!(
            "{} has problems (run `midori-kiosk check`):\n{}",
            a.config.config.display(),
            p.lines().join("\n")
        )
    })?;
    let munis = list.import_inputs();
    // A progress bar for large inputs (a full-resolution N03 file is tens of megabytes).
    let large = std::fs::metadata(&a.file).map(|m| m.len() > 4 << 20).unwrap_or(false);
    let bar = super::progress::bar("import-map", 0, "features");
    if !large {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let t = std::time::Instant::now();
    let (file, summary) = import::import(&a.file, a.context.as_deref(), &munis, &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
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
