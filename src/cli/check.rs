//! `check`: loads booth_config and the locales and prints every problem as file:line:col.

use anyhow::Result;
use std::process::ExitCode;

use super::ConfigArgs;

pub fn check(a: &ConfigArgs) -> Result<ExitCode> {
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
