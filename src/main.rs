//! The `midori-kiosk` command: the kiosk itself (`run`, the default) and the tools around it (`check`,
//! `screenshot`, `set-pin`, `report`, `export`, `simulate`, `monkey`, `import-map`). Everything is in
//! [`cli`]; this file only starts it.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
