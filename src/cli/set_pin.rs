//! `set-pin`: the staff PIN, asked twice, written to booth.toml as a salted slow hash only.

use anyhow::{Context, Result, bail};
use std::process::ExitCode;

use super::ConfigArgs;
use midori_kiosk::content::settings;

pub fn set_pin(a: &ConfigArgs) -> Result<ExitCode> {
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
    let path = a.config.join(settings::FILE);
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let tmp = path.with_extension("toml.new");
    std::fs::write(&tmp, settings::with_pin_hash(&text, &hash))
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("cannot replace {}", path.display()))?;
    println!("staff PIN set in {}", path.display());
    Ok(ExitCode::SUCCESS)
}
