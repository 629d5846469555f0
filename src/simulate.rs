//! Synthetic kiosk logs for trying out and benchmarking the report: visitor behaviour drawn from plausible
//! distributions (seeded, so the same options give the same events), written through the real telemetry
//! writer, one SQLite file per kiosk. No Bevy in here.

use std::path::{Path, PathBuf};

use crate::clock::LocalDate;
use crate::lang::Lang;
use crate::quiz::Rng;
use crate::telemetry::{
    self, Event, QrTarget, Record, ScreenName, SelectHow, SessionEndReason, ShowcaseOrigin, Telemetry, WriterConfig,
};

/// What to simulate: how many sessions over which days and kiosks, and the booth's content.
#[derive(Debug, Clone)]
pub struct Options {
    /// Visitor sessions in all, split over the kiosks and days (at most 10 000 000).
    pub sessions: u64,
    /// Booth days from `first_day` (1 to 31), each open 10:00 to 17:00 local time.
    pub days: u32,
    /// Kiosks, each writing its own `kiosk-NN.sqlite` (1 to 99).
    pub kiosks: u32,
    /// Seed of the random generator: the same options and seed give the same events.
    pub seed: u64,
    /// The first booth day, a local date.
    pub first_day: LocalDate,
    /// The booth's time zone, in minutes east of UTC (540 in Tokyo).
    pub utc_offset_minutes: i32,
    /// Booth id written into each file's meta table.
    pub booth_id: String,
    /// Municipality codes; wards (131xx) are drawn more often.
    pub municipalities: Vec<String>,
    /// Quiz question ids; visitors play the quiz only when there are at least 5.
    pub questions: Vec<String>,
    /// Program ids visitors may view; none means no program views.
    pub programs: Vec<String>,
}

impl Options {
    /// `sessions` visitor sessions over `days` days and `kiosks` kiosks of this booth: its first event
    /// day, time zone, booth id, municipalities, quiz questions and programs.
    pub fn for_booth(booth: &crate::booth::Booth, sessions: u64, days: u32, kiosks: u32, seed: u64) -> Options {
        let s = &booth.settings;
        Options {
            sessions,
            days,
            kiosks,
            seed,
            first_day: s.event.start,
            utc_offset_minutes: s.event.utc_offset_minutes,
            booth_id: s.booth_id.clone(),
            municipalities: booth.municipalities.list.iter().map(|m| m.code.clone()).collect(),
            questions: booth.quiz.questions.iter().map(|q| q.id.clone()).collect(),
            programs: booth.programs.iter().map(|p| p.id.clone()).collect(),
        }
    }
}

/// Why simulated logs could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SimulateError {
    /// An option out of range, or no municipalities in booth_config; the message says which.
    #[error("{0}")]
    Options(String),
    /// A file to be written already exists: simulate never overwrites one.
    #[error("{path}: already exists; simulate writes new files only (choose an empty folder)")]
    Exists {
        /// The first such file.
        path: String,
    },
    /// The output folder could not be created, or events could not be written to a file.
    #[error("{path}: {reason}")]
    Io {
        /// The folder or file.
        path: String,
        /// The error, or how many events could not be written.
        reason: String,
    },
    /// The log writer could not open a file or start its thread.
    #[error(transparent)]
    Store(#[from] telemetry::StoreError),
}

/// What a simulation wrote.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// The kiosk log files, one per kiosk in order.
    pub files: Vec<PathBuf>,
    /// Visitor sessions written, over all kiosks.
    pub sessions: u64,
    /// Events written, over all kiosks (sessions' and the apps' own).
    pub events: u64,
}

const OPEN_HOUR: i64 = 10;
/// Relative number of visitors in each opening hour (10:00 … 16:00): busy late morning and early afternoon.
const HOUR_WEIGHTS: [f64; 7] = [0.8, 1.2, 1.0, 1.3, 1.4, 1.2, 0.9];
const HOUR_MS: i64 = 3_600_000;
const QUIZ_QUESTIONS: usize = 5;

struct Gen<'a> {
    rng: Rng,
    opts: &'a Options,
}

impl Gen<'_> {
    fn chance(&mut self, p: f64) -> bool {
        (self.rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.rng.below((hi - lo).max(1) as usize) as i64
    }

    fn municipality(&mut self) -> String {
        let m = &self.opts.municipalities;
        // Three draws out of four come from the wards, which visitors look for first.
        let wards: Vec<&String> = m.iter().filter(|c| c.starts_with("131")).collect();
        if !wards.is_empty() && self.chance(0.75) {
            wards[self.rng.below(wards.len())].clone()
        } else {
            m[self.rng.below(m.len())].clone()
        }
    }

    fn uuid(&mut self, utc_ms: i64) -> String {
        let mut bytes = [0u8; 10];
        bytes[..8].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.rng.next_u64().to_le_bytes()[..2]);
        uuid::Builder::from_unix_timestamp_millis(utc_ms.max(0) as u64, &bytes).into_uuid().to_string()
    }

    fn session_id(&mut self) -> String {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid().to_string()
    }

    /// One visitor's events as (offset ms from the session start, event).
    fn visit(&mut self, showcase: Option<&String>) -> Vec<(i64, Event)> {
        let mut ev = vec![(0, Event::SessionStart), (300, Event::ScreenView { screen: ScreenName::Map })];
        let mut t = 300;
        if self.chance(0.2) {
            let lang = [Lang::En, Lang::En, Lang::ZhHans, Lang::Ko][self.rng.below(4)];
            t += self.between(1_000, 3_000);
            ev.push((t, Event::LanguageChange { lang }));
        }
        let mut touched = self.municipality();
        for _ in 0..self.between(1, 6) {
            t += self.between(1_500, 4_000);
            if self.chance(0.1) {
                ev.push((t, Event::MapTouch { code: None }));
            } else {
                touched = self.municipality();
                ev.push((t, Event::MapTouch { code: Some(touched.clone()) }));
            }
        }
        let (code, how) = match (self.rng.below(20), showcase) {
            (0, Some(s)) => (s.clone(), SelectHow::Showcase),
            (1..=5, _) => (self.municipality(), SelectHow::List),
            _ => (touched, SelectHow::Map),
        };
        t += self.between(500, 2_000);
        ev.push((t, Event::MunicipalitySelect { code: code.clone(), how }));
        ev.push((t + 200, Event::ScreenView { screen: ScreenName::Municipality }));
        t += self.between(8_000, 60_000);
        if !self.opts.programs.is_empty() && self.chance(0.4) {
            let id = self.opts.programs[self.rng.below(self.opts.programs.len())].clone();
            ev.push((t - 3_000, Event::ProgramView { id }));
        }
        if self.chance(0.25) {
            ev.push((t, Event::ScreenView { screen: ScreenName::TakeHome }));
            ev.push((t + 100, Event::QrShown { target: QrTarget::Municipality(code) }));
            t += self.between(5_000, 20_000);
        }
        if self.opts.questions.len() >= QUIZ_QUESTIONS && self.chance(0.35) {
            ev.push((t, Event::ScreenView { screen: ScreenName::QuizIntro }));
            t += self.between(2_000, 6_000);
            ev.push((t, Event::QuizStart));
            let mut ids = self.opts.questions.clone();
            self.rng.shuffle(&mut ids);
            let mut score = 0;
            let mut left = false;
            for (i, id) in ids.into_iter().take(QUIZ_QUESTIONS).enumerate() {
                ev.push((t, Event::ScreenView { screen: ScreenName::QuizQuestion }));
                if self.chance(0.04) {
                    t += self.between(2_000, 10_000);
                    ev.push((t, Event::QuizAbandon { at_question: i + 1 }));
                    left = true;
                    break;
                }
                let millis = self.between(3_000, 15_000);
                t += millis;
                let correct = self.chance(0.7);
                score += usize::from(correct);
                ev.push((
                    t,
                    Event::QuizAnswer { question: id, choice: self.rng.below(3), correct, millis: millis as u32 },
                ));
                ev.push((t + 100, Event::ScreenView { screen: ScreenName::QuizFeedback }));
                t += self.between(2_000, 6_000);
            }
            if !left {
                ev.push((t, Event::QuizComplete { score, out_of: QUIZ_QUESTIONS }));
                ev.push((t + 100, Event::ScreenView { screen: ScreenName::QuizResult }));
                if self.chance(0.2) {
                    ev.push((t + 3_000, Event::QrShown { target: QrTarget::QuizResult }));
                }
                t += self.between(5_000, 15_000);
            }
        }
        match self.rng.below(20) {
            0..=10 => {
                ev.push((t, Event::ScreenView { screen: ScreenName::Attract }));
                ev.push((t, Event::SessionEnd { reason: SessionEndReason::StartOver }));
            }
            11..=17 => {
                ev.push((t + 60_000, Event::IdleWarning));
                ev.push((t + 80_000, Event::IdleReset));
                ev.push((t + 80_000, Event::SessionEnd { reason: SessionEndReason::Idle }));
            }
            _ => ev.push((t + 30_000, Event::SessionEnd { reason: SessionEndReason::QuietGap })),
        }
        ev
    }
}

/// Splits `n` in proportion to `weights` (largest remainder, so the parts add up to `n`).
fn split(n: u64, weights: &[f64]) -> Vec<u64> {
    let total: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| n as f64 * w / total).collect();
    let mut out: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let mut rest: Vec<(usize, f64)> = exact.iter().enumerate().map(|(i, x)| (i, x - x.floor())).collect();
    rest.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let missing = n - out.iter().sum::<u64>();
    for (i, _) in rest.into_iter().take(missing as usize) {
        out[i] += 1;
    }
    out
}

/// Sessions per opening hour for one kiosk-day.
fn per_hour(n: u64) -> Vec<u64> {
    split(n, &HOUR_WEIGHTS)
}

fn check(opts: &Options) -> Result<(), SimulateError> {
    let bad = |m: &str| Err(SimulateError::Options(m.to_string()));
    if opts.kiosks == 0 || opts.kiosks > 99 {
        return bad("--kiosks must be 1 to 99");
    }
    if opts.days == 0 || opts.days > 31 {
        return bad("--days must be 1 to 31");
    }
    if opts.sessions > 10_000_000 {
        return bad("--sessions must be at most 10 000 000");
    }
    if opts.municipalities.is_empty() {
        return bad("no municipalities in booth_config");
    }
    Ok(())
}

/// Writes `<out>/kiosk-NN.sqlite` for each kiosk; `progress(done, total)` is called as sessions are written.
pub fn run(opts: &Options, out: &Path, progress: &mut dyn FnMut(u64, u64)) -> Result<Summary, SimulateError> {
    check(opts)?;
    std::fs::create_dir_all(out)
        .map_err(|e| SimulateError::Io { path: out.display().to_string(), reason: e.to_string() })?;
    let paths: Vec<PathBuf> = (1..=opts.kiosks).map(|k| out.join(format!("kiosk-{k:02}.sqlite"))).collect();
    if let Some(p) = paths.iter().find(|p| p.exists()) {
        return Err(SimulateError::Exists { path: p.display().to_string() });
    }
    let mut sim = Gen { rng: Rng::new(opts.seed), opts };
    let mut summary = Summary::default();
    // Some days and kiosks are busier than others (±25 %).
    let weights: Vec<f64> = (0..opts.kiosks * opts.days).map(|_| 0.75 + sim.rng.below(501) as f64 / 1000.0).collect();
    let per_slot = split(opts.sessions, &weights);
    let offset_ms = i64::from(opts.utc_offset_minutes) * 60_000;
    let mut done = 0;
    for (k, path) in paths.iter().enumerate() {
        let kiosk_id = format!("kiosk-{:02}", k + 1);
        let meta = telemetry::Meta {
            kiosk_id: kiosk_id.clone(),
            booth_id: opts.booth_id.clone(),
            app_version: env!("CARGO_PKG_VERSION").into(),
        };
        let config = WriterConfig { channel_capacity: 65_536, ..WriterConfig::default() };
        let mut log = Telemetry::start(path, meta, config)?;
        for d in 0..opts.days {
            let n = per_slot[d as usize * opts.kiosks as usize + k];
            let midnight = LocalDate::from_days(opts.first_day.days() + i64::from(d)).days() * 86_400_000 - offset_ms;
            let open = midnight + OPEN_HOUR * HOUR_MS;
            let run_start = open - 10 * 60_000;
            let close = open + HOUR_WEIGHTS.len() as i64 * HOUR_MS;
            let mut day: Vec<(i64, Option<String>, Event)> = vec![(run_start, None, Event::AppStart)];
            let mut t = run_start + 60_000;
            while t < close + 10 * 60_000 {
                let up = (t - run_start) / 1000;
                day.push((
                    t,
                    None,
                    Event::Heartbeat { uptime_s: up as u64, frame_p50_us: 4_200, frame_p99_us: 9_800, dropped: 0 },
                ));
                t += 60_000;
            }
            day.push((close + 10 * 60_000, None, Event::AppStop));
            // The day's showcase: one municipality in the morning, another after 13:00, and now and then a
            // staff choice for half an hour at 15:00.
            let morning = sim.municipality();
            let afternoon = sim.municipality();
            day.push((
                open,
                None,
                Event::ShowcaseChange { code: Some(morning.clone()), origin: ShowcaseOrigin::Schedule },
            ));
            day.push((
                open + 3 * HOUR_MS,
                None,
                Event::ShowcaseChange { code: Some(afternoon.clone()), origin: ShowcaseOrigin::Schedule },
            ));
            let staff_pick = sim.chance(0.5).then(|| sim.municipality());
            if let Some(pick) = &staff_pick {
                day.push((open + 5 * HOUR_MS - 1_000, None, Event::StaffLoginOk));
                day.push((
                    open + 5 * HOUR_MS,
                    None,
                    Event::ShowcaseChange { code: Some(pick.clone()), origin: ShowcaseOrigin::Staff },
                ));
                day.push((
                    open + 5 * HOUR_MS + HOUR_MS / 2,
                    None,
                    Event::ShowcaseChange { code: Some(afternoon.clone()), origin: ShowcaseOrigin::Schedule },
                ));
            }
            for (h, count) in per_hour(n).into_iter().enumerate() {
                if count == 0 {
                    continue;
                }
                let hour_start = open + h as i64 * HOUR_MS;
                let slot_ms = HOUR_MS / count as i64;
                for j in 0..count as i64 {
                    let start = hour_start + j * slot_ms + sim.between(0, (slot_ms / 10).max(1));
                    let showcase = if h < 3 { &morning } else { &afternoon };
                    let visit = sim.visit(Some(showcase));
                    let natural = visit.last().map_or(1, |v| v.0).max(1);
                    // Busy hours squeeze visits into their slot so sessions on one kiosk never overlap.
                    let scale = ((slot_ms as f64 * 0.9) / natural as f64).min(1.0);
                    let sid = sim.session_id();
                    for (at, e) in visit {
                        day.push((start + (at as f64 * scale) as i64, Some(sid.clone()), e));
                    }
                    summary.sessions += 1;
                    done += 1;
                    if done % 256 == 0 || done == opts.sessions {
                        progress(done, opts.sessions);
                    }
                }
            }
            day.sort_by_key(|e| e.0);
            for (utc_ms, session_id, event) in day {
                let uuid = sim.uuid(utc_ms);
                log.send_blocking(Record { uuid, session_id, utc_ms, mono_ms: utc_ms - run_start, event });
                summary.events += 1;
            }
        }
        log.flush();
        let health = log.health();
        log.shutdown();
        if health.dropped > 0 || !health.writable {
            return Err(SimulateError::Io {
                path: path.display().to_string(),
                reason: health.last_error.unwrap_or_else(|| format!("{} events could not be written", health.dropped)),
            });
        }
        summary.files.push(path.clone());
    }
    progress(done, opts.sessions);
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(sessions: u64) -> Options {
        Options {
            sessions,
            days: 2,
            kiosks: 2,
            seed: 7,
            first_day: LocalDate { year: 2013, month: 12, day: 12 },
            utc_offset_minutes: 540,
            booth_id: "test".into(),
            municipalities: vec!["13101".into(), "13104".into(), "13201".into(), "13421".into()],
            questions: (1..=8).map(|i| format!("q{i}")).collect(),
            programs: vec!["p1".into()],
        }
    }

    #[test]
    fn sessions_per_hour_add_up_and_follow_the_weights() {
        for n in [0, 1, 7, 100, 12_345] {
            assert_eq!(per_hour(n).iter().sum::<u64>(), n);
        }
        let h = per_hour(700);
        assert!(h[4] > h[0], "{h:?}");
    }

    #[test]
    fn the_same_seed_writes_the_same_events() {
        let read = |seed: u64| {
            let dir = tempfile::tempdir().unwrap();
            let mut o = options(40);
            o.seed = seed;
            let s = run(&o, dir.path(), &mut |_, _| {}).unwrap();
            assert_eq!(s.files.len(), 2);
            assert_eq!(s.sessions, 40);
            let conn = rusqlite::Connection::open(&s.files[0]).unwrap();
            let recs = telemetry::read_all(&conn).unwrap();
            assert_eq!(
                recs.len() as u64,
                s.events - {
                    let c2 = rusqlite::Connection::open(&s.files[1]).unwrap();
                    telemetry::read_all(&c2).unwrap().len() as u64
                }
            );
            recs.into_iter().map(|r| (r.uuid, r.utc_ms, r.event)).collect::<Vec<_>>()
        };
        let a = read(7);
        assert_eq!(a, read(7));
        assert_ne!(a, read(8));
        // Every session that starts also ends, after it started, on the same kiosk.
        let starts = a.iter().filter(|e| e.2 == Event::SessionStart).count();
        let ends = a.iter().filter(|e| matches!(e.2, Event::SessionEnd { .. })).count();
        assert_eq!(starts, ends);
        assert!(starts > 0);
    }

    #[test]
    fn existing_files_are_never_overwritten_and_bad_options_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("kiosk-02.sqlite"), b"keep").unwrap();
        let e = run(&options(10), dir.path(), &mut |_, _| {}).unwrap_err();
        assert!(e.to_string().contains("kiosk-02.sqlite: already exists"), "{e}");
        assert_eq!(std::fs::read(dir.path().join("kiosk-02.sqlite")).unwrap(), b"keep");
        assert!(!dir.path().join("kiosk-01.sqlite").exists());
        let mut o = options(10);
        o.kiosks = 0;
        assert!(run(&o, dir.path(), &mut |_, _| {}).unwrap_err().to_string().contains("--kiosks"));
    }
}
