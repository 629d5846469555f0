//! The whole booth: every file of `booth_config/` loaded, cross-checked and held together, with the
//! locales. Above `content`, `quiz`, `geo`, `qr` and `i18n`, which it puts together; below the report and
//! the kiosk, which read it. No Bevy in here.

use std::path::Path;

use crate::content::{
    BoothSettings, Municipalities, Municipality, Program, Project, municipalities, programs, settings, showcase,
};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::i18n::Localizer;
use crate::lang::Lang;
use crate::localized::LocalizedText;

/// All booth content, validated and immutable.
#[derive(Debug, Clone, PartialEq)]
pub struct Booth {
    /// From booth.toml: booth and kiosk ids, event, screen size, idle timings, languages, QR tagging.
    pub settings: BoothSettings,
    /// From municipalities.toml: the 62 municipalities, their sourced facts and where they come from.
    pub municipalities: Municipalities,
    /// From programs.toml, in file order: the joint programs and the municipalities' own.
    pub programs: Vec<Program>,
    /// From project.toml: the joint project as its FY2013 press release describes it.
    pub project: Project,
    /// From quiz.toml: the question bank, questions per round and the result screen's learn-more link.
    pub quiz: crate::quiz::QuizBank,
    /// From showcase.toml: which municipality the booth features when (empty when the file is absent).
    pub showcase: showcase::Schedule,
    /// The built-in tile map, computed from the label points.
    pub tile_map: crate::geo::MapGeometry,
    /// Official boundaries imported into `<config>/map/` by `import-map`, if any.
    pub official_map: Option<crate::geo::MapFile>,
}

impl Booth {
    /// Programs that a municipality takes part in, joint programs included.
    pub fn programs_of<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Program> + 'a {
        self.programs.iter().filter(move |p| p.applies_to(code))
    }

    /// The municipality's own programs (not the joint ones), newest first.
    pub fn own_programs_of(&self, code: &str) -> Vec<&Program> {
        let mut v: Vec<&Program> = self.programs.iter().filter(|p| p.municipality.as_deref() == Some(code)).collect();
        v.sort_by_key(|p| std::cmp::Reverse(p.year));
        v
    }

    /// The programs all 62 municipalities run together.
    pub fn joint_programs(&self) -> impl Iterator<Item = &Program> {
        self.programs.iter().filter(|p| !p.is_own())
    }

    /// The program whose programs.toml `id` is `id`, if there is one.
    pub fn program(&self, id: &str) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    /// The municipalities that have no program of their own (their pages show the joint programs only).
    pub fn municipalities_without_own_programs(&self) -> Vec<&Municipality> {
        self.municipalities
            .list
            .iter()
            .filter(|m| !self.programs.iter().any(|p| p.municipality.as_deref() == Some(m.code.as_str())))
            .collect()
    }

    /// The take-home link of a program (tagged for this booth), or `None` for a program without a page.
    /// The one builder used by `check`, the screens and the report, so what is checked is what is shown.
    pub fn program_link(&self, p: &Program) -> Option<String> {
        let written = p.url.as_deref()?;
        let s = &self.settings;
        Some(crate::qr::tagged_url(written, &s.qr, p.municipality.as_deref().unwrap_or("all"), &s.kiosk_id))
    }

    /// The take-home link of a municipality's website (tagged for this booth).
    pub fn website_link(&self, m: &Municipality) -> String {
        let s = &self.settings;
        crate::qr::tagged_url(&m.website, &s.qr, &m.code, &s.kiosk_id)
    }

    /// The take-home link of the quiz result (tagged for this booth).
    pub fn quiz_link(&self) -> String {
        let s = &self.settings;
        crate::qr::tagged_url(&self.quiz.learn_more_url, &s.qr, "quiz", &s.kiosk_id)
    }

    /// Things `check` points out that do not stop the booth.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = self.settings.reach_warnings.clone();
        out.extend(self.programs_warning());
        out.extend(self.plain_japanese_warning());
        out
    }

    /// Content a visitor reads that has no やさしい日本語 text of its own and is not plain already (it
    /// would show in ordinary Japanese on the plain-Japanese screens).
    pub fn texts_without_plain_japanese(&self) -> Vec<&LocalizedText> {
        self.all_texts()
            .into_iter()
            .filter(|t| t.own(Lang::JaEasy).is_none() && !crate::plain_japanese::problems(&t.ja).is_empty())
            .collect()
    }

    fn plain_japanese_warning(&self) -> Option<String> {
        let missing = self.texts_without_plain_japanese();
        let first: Vec<String> =
            missing.iter().take(3).map(|t| format!("「{}」", t.ja.chars().take(24).collect::<String>())).collect();
        (!missing.is_empty()).then(|| {
            format!(
                "booth_config: {} {} without a やさしい日本語 (ja-x-easy) text {} in ordinary Japanese on the plain-Japanese screens, e.g. {}",
                missing.len(),
                if missing.len() == 1 { "text" } else { "texts" },
                if missing.len() == 1 { "shows" } else { "show" },
                first.join(", ")
            )
        })
    }

    fn programs_warning(&self) -> Option<String> {
        let missing = self.municipalities_without_own_programs();
        if missing.is_empty() {
            return None;
        }
        let names: Vec<String> = missing.iter().map(|m| format!("{} {}", m.code, m.name_ja)).collect();
        let (n, verbs) = (
            missing.len(),
            if missing.len() == 1 {
                "municipality has no program of its own and shows"
            } else {
                "municipalities have no program of their own and show"
            },
        );
        Some(format!("{}: {n} {verbs} the joint programs only: {}", programs::FILE, names.join(", ")))
    }

    /// Every piece of content text (for glyph-coverage checks).
    pub fn all_texts(&self) -> Vec<&LocalizedText> {
        let s = &self.settings;
        let p = &self.project;
        let mut v = vec![&s.booth_name, &s.event.name, &s.event.venue];
        v.extend([&p.project.name, &p.project.joint, &p.project.message, &p.project.summary]);
        v.extend([&p.declaration.title, &p.declaration.summary]);
        v.extend(p.declaration.action.iter());
        for o in &p.organizer {
            v.extend([&o.name, &o.members]);
        }
        v.extend(p.plan.category.iter().map(|c| &c.name));
        for i in &p.plan.item {
            v.extend([&i.name, &i.content]);
        }
        for i in &p.results.item {
            v.extend([&i.name, &i.detail]);
        }
        v.extend(p.results.lecture.iter().map(|l| &l.name));
        v.push(&self.municipalities.sources.on_screen);
        for q in &self.quiz.questions {
            v.extend([&q.text, &q.explanation]);
            v.extend(q.choices.iter());
        }
        for pr in &self.programs {
            v.extend([&pr.title, &pr.summary]);
        }
        v.extend(self.municipalities.list.iter().map(|m| &m.names));
        v
    }
}

/// Every take-home link the booth can show, with the file that defines it and the URL as written there.
pub fn take_home_links(booth: &Booth) -> Vec<(crate::telemetry::QrTarget, &'static str, String, String)> {
    use crate::telemetry::QrTarget;
    let mut v = Vec::new();
    for m in &booth.municipalities.list {
        v.push((
            QrTarget::Municipality(m.code.clone()),
            municipalities::FILE,
            m.website.clone(),
            booth.website_link(m),
        ));
    }
    for p in &booth.programs {
        if let (Some(written), Some(url)) = (&p.url, booth.program_link(p)) {
            v.push((QrTarget::Program(p.id.clone()), programs::FILE, written.clone(), url));
        }
    }
    v.push((QrTarget::QuizResult, crate::quiz::FILE, booth.quiz.learn_more_url.clone(), booth.quiz_link()));
    v
}

/// Every take-home link must fit a QR code a phone reads from arm's length.
fn check_take_home_links(config_dir: &Path, booth: &Booth) -> Result<(), Diagnostics> {
    let mut problems = Diagnostics::default();
    for (_, file, written, url) in take_home_links(booth) {
        if let Err(e) = crate::qr::encode(&url) {
            let d = match SourceFile::read(&config_dir.join(file)) {
                Ok(src) => match src.text.find(written.as_str()) {
                    Some(at) => src.at(at..at, e.to_string()),
                    None => src.whole(e.to_string()),
                },
                Err(d) => d,
            };
            problems.push(d);
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// Loads every booth file from `config_dir`, checking languages against `locales_dir`. Reports every
/// problem found in every file, not just the first.
pub fn load(config_dir: &Path, locales_dir: &Path) -> Result<Booth, Diagnostics> {
    let mut problems = Diagnostics::default();
    if !config_dir.is_dir() {
        problems.push(Diagnostic {
            file: config_dir.to_path_buf(),
            line: None,
            column: None,
            message: "config directory not found".into(),
        });
        return Err(problems);
    }
    let settings = settings::load(config_dir, locales_dir).map_err(|d| problems.extend(d)).ok();
    let municipalities = municipalities::load(config_dir).map_err(|d| problems.extend(d)).ok();
    let programs = programs::load(config_dir, municipalities.as_ref()).map_err(|d| problems.extend(d)).ok();
    let project = crate::content::project::load(config_dir).map_err(|d| problems.extend(d)).ok();
    let quiz = crate::quiz::load(config_dir).map_err(|d| problems.extend(d)).ok();
    let showcase = showcase::load(config_dir, municipalities.as_ref()).map_err(|d| problems.extend(d)).ok();
    match (settings, municipalities, programs, project, quiz, showcase) {
        (Some(settings), Some(municipalities), Some(programs), Some(project), Some(quiz), Some(showcase))
            if problems.is_empty() =>
        {
            let codes: Vec<String> = municipalities.list.iter().map(|m| m.code.clone()).collect();
            let official_map = crate::geo::MapFile::load(config_dir, &codes).map_err(|e| {
                let mut d = Diagnostics::default();
                d.push(map_diagnostic(config_dir, e));
                d
            })?;
            let tile_map = crate::geo::tile_map(&municipalities.tile_inputs());
            let booth = Booth { settings, municipalities, programs, project, quiz, showcase, tile_map, official_map };
            check_take_home_links(config_dir, &booth)?;
            Ok(booth)
        }
        _ => Err(problems),
    }
}

fn map_diagnostic(config_dir: &Path, e: crate::geo::MapFileError) -> Diagnostic {
    use crate::geo::MapFileError;
    let file = config_dir.join("map").join(crate::geo::MAP_FILE);
    match e {
        MapFileError::Parse { line, column, reason, .. } => {
            Diagnostic { file, line: Some(line), column: Some(column), message: format!("not a map file: {reason}") }
        }
        MapFileError::Read { reason, .. } | MapFileError::Invalid { reason, .. } => {
            Diagnostic { file, line: None, column: None, message: reason }
        }
        e @ MapFileError::Version { .. } => Diagnostic { file, line: None, column: None, message: e.to_string() },
    }
}

/// Loads and validates booth_config and the locales together, reporting every problem in both.
pub fn load_all(config_dir: &Path, locales_dir: &Path) -> Result<(Booth, Localizer), Diagnostics> {
    let booth = load(config_dir, locales_dir);
    let langs: Vec<Lang> = match &booth {
        Ok(b) => b.settings.languages.clone(),
        Err(_) => Lang::ALL.into_iter().filter(|l| locales_dir.join(l.code()).is_dir()).collect(),
    };
    let strings = Localizer::load(locales_dir, &langs);
    match (booth, strings) {
        (Ok(b), Ok(s)) => Ok((b, s)),
        (Err(mut a), Err(b)) => {
            a.extend(b);
            Err(a)
        }
        (Err(a), Ok(_)) | (Ok(_), Err(a)) => Err(a),
    }
}

/// The one-line summary `check` prints for a good configuration.
pub fn summary(booth: &Booth) -> String {
    let n = booth.municipalities.list.len();
    format!(
        "ok: {n} municipalities, {} programs ({} municipalities with their own), {} languages",
        booth.programs.len(),
        n - booth.municipalities_without_own_programs().len(),
        booth.settings.languages.len()
    )
}

#[cfg(test)]
mod tests;
