//! `screenshot`: one screen, in one language and state, rendered to a PNG file.

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

use super::ConfigArgs;
use midori_kiosk::content::Theme;
use midori_kiosk::kiosk::app::{self, Display};
use midori_kiosk::kiosk::map_view::{Choropleth, MapLayout, QuickZoom};
use midori_kiosk::kiosk::screens::about::AboutTab;
use midori_kiosk::kiosk::{InitialView, Screen};
use midori_kiosk::lang::Lang;

/// What to show: a screen, or a state of one (the idle warning over the map, a quiz question).
#[derive(Clone, Copy, ValueEnum)]
enum View {
    Attract,
    Map,
    Municipality,
    TakeHome,
    Program,
    About,
    /// The map with the "Still there?" warning.
    Idle,
    /// The first quiz question.
    Quiz,
    QuizFeedback,
    QuizResult,
    StaffPin,
    StaffPanel,
}

impl View {
    fn screen(self) -> Screen {
        match self {
            View::Attract => Screen::Attract,
            View::Map | View::Idle => Screen::Map,
            View::Municipality => Screen::Municipality,
            View::TakeHome => Screen::TakeHome,
            View::Program => Screen::Program,
            View::About => Screen::About,
            View::Quiz => Screen::QuizQuestion,
            View::QuizFeedback => Screen::QuizFeedback,
            View::QuizResult => Screen::QuizResult,
            View::StaffPin => Screen::StaffPin,
            View::StaffPanel => Screen::StaffPanel,
        }
    }
}

/// How the map is coloured.
#[derive(Clone, Copy, ValueEnum)]
enum Colour {
    Region,
    Programs,
    Density,
}

#[derive(Args)]
pub struct ScreenshotArgs {
    #[command(flatten)]
    config: ConfigArgs,
    #[arg(long)]
    data: Option<PathBuf>,
    #[arg(long, value_enum)]
    screen: View,
    /// ja, en, zh-Hans, ko or ja-x-easy (やさしい日本語).
    #[arg(long, default_value = "ja")]
    lang: String,
    /// Municipality code: the page of the municipality and take-home screens (default 13104); on the map,
    /// the municipality selected with its card open.
    #[arg(long)]
    municipality: Option<String>,
    /// Map: tiles (built in) or official (imported with import-map).
    #[arg(long, value_enum)]
    map_layout: Option<MapLayout>,
    /// Map: region, programs (the municipalities with a program on a theme light up) or density.
    #[arg(long, value_enum)]
    colour: Option<Colour>,
    /// Map with `--colour programs`: the theme that lights up (energy, greenery, waste, water,
    /// biodiversity, declaration, learning, mobility).
    #[arg(long, value_parser = parse_theme)]
    theme: Option<Theme>,
    /// Map: tokyo, wards, tama or islands.
    #[arg(long, value_enum)]
    zoom: Option<QuickZoom>,
    /// Program id for the program screen, or the take-home screen (a program with a web page).
    #[arg(long)]
    program: Option<String>,
    /// About: the tab shown (declaration, organizers, plan, results, lectures).
    #[arg(long, value_enum)]
    about_tab: Option<AboutTab>,
    /// Large text (× 1.4), as the top bar's toggle turns it on.
    #[arg(long)]
    large_text: bool,
    /// The high-contrast palette, as the top bar's toggle turns it on.
    #[arg(long)]
    high_contrast: bool,
    /// Window size in pixels, WIDTHxHEIGHT.
    #[arg(long, default_value = "1920x1080")]
    size: String,
    /// Seconds into the animations (attract loop).
    #[arg(long, default_value_t = 5.0)]
    at: f32,
    #[arg(long)]
    out: PathBuf,
}

fn parse_theme(s: &str) -> Result<Theme, String> {
    Theme::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Theme::ALL.iter().map(|t| t.as_str()).collect();
        format!("unknown theme \"{s}\" (expected one of {})", all.join(", "))
    })
}

pub fn screenshot(a: ScreenshotArgs) -> Result<ExitCode> {
    let lang: Lang = a.lang.parse()?;
    let (w, h) = a.size.split_once('x').context("--size must look like 1920x1080")?;
    let (width, height): (u32, u32) = (w.parse().context("--size width")?, h.parse().context("--size height")?);
    if !(320..=7680).contains(&width) || !(240..=4320).contains(&height) {
        bail!("--size {width}x{height} is outside 320x240 .. 7680x4320");
    }
    let initial = InitialView {
        screen: a.screen.screen(),
        lang: Some(lang),
        // On the map a municipality is chosen (its card open) only when asked for; the idle warning is
        // shown over a map with nothing chosen.
        municipality: match a.screen {
            View::Map => a.municipality.clone(),
            View::Idle => None,
            _ => Some(a.municipality.clone().unwrap_or_else(|| "13104".into())),
        },
        program: a.program.clone(),
        idle_warning: matches!(a.screen, View::Idle),
        frozen_clock: Some(a.at),
        about_tab: a.about_tab,
        map_zoom: a.zoom,
        map_layout: a.map_layout,
        choropleth: a.colour.map(|c| match c {
            Colour::Region => Choropleth::Region,
            Colour::Programs => Choropleth::Theme(a.theme.unwrap_or(Theme::Energy)),
            Colour::Density => Choropleth::PopulationDensity,
        }),
        aids: midori_kiosk::kiosk::aids::Aids { large_text: a.large_text, high_contrast: a.high_contrast },
    };
    if a.map_layout == Some(MapLayout::Official)
        && !a.config.config.join("map").join(midori_kiosk::geo::MAP_FILE).exists()
    {
        bail!(
            "--map-layout official needs an imported map in {}/map/ (run import-map first)",
            a.config.config.display()
        );
    }
    // Screenshots never write to the booth's log; `--data` is accepted for symmetry with `run`.
    let _ = a.data;
    let loaded = app::load_booth(&a.config.config, &a.config.locales);
    let app_exit = app::build(loaded, initial, Display::Screenshot { width, height, out: a.out }).run();
    Ok(super::exit_code(app_exit))
}
