//! From merged events to the report's numbers.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::MIN_SESSIONS;
use super::model::*;
use super::source::{Loaded, Period, Row};
use crate::clock::LocalClock;
use crate::lang::Lang;
use crate::telemetry::{
    Aid, ErrorKind, Event, QrKind, QrTarget, ScreenName, SelectHow, SessionEndReason, ShowcaseOrigin,
};

/// The end reason of a session whose end is not in the log (the kiosk lost power, or the period ends).
const NOT_ENDED: &str = "not_ended";

/// What the report needs from booth_config.
#[derive(Debug, Clone)]
pub struct Context {
    /// Version of this program (`CARGO_PKG_VERSION`), stated in the report.
    pub app_version: String,
    /// The booth's id, from booth_config.
    pub booth_id: String,
    /// The booth's time zone: dates, hours and times in the report are local to it.
    pub clock: LocalClock,
    /// The language a session counts under when the visitor never changed it.
    pub default_lang: Lang,
    /// (code, names in every language), in the order rows are listed.
    pub municipalities: Vec<(String, crate::localized::LocalizedText)>,
    /// Quiz question ids in booth_config order; ids found only in the logs are listed after them.
    pub questions: Vec<String>,
    /// Program ids in booth_config order: each gets a take-home row, even with no QR code shown.
    pub programs: Vec<String>,
    /// The booth days the report covers, as it states them (`read_logs` filters the events).
    pub period: Period,
}

impl Context {
    /// The context of a report on `booth`'s logs over `period`.
    pub fn from_booth(booth: &crate::booth::Booth, period: Period) -> Context {
        Context {
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            booth_id: booth.settings.booth_id.clone(),
            clock: LocalClock { utc_offset_minutes: booth.settings.event.utc_offset_minutes },
            default_lang: booth.settings.default_lang,
            municipalities: booth.municipalities.list.iter().map(|m| (m.code.clone(), m.names.clone())).collect(),
            questions: booth.quiz.questions.iter().map(|q| q.id.clone()).collect(),
            programs: booth.programs.iter().map(|p| p.id.clone()).collect(),
            period,
        }
    }
}

/// Up to [`MIN_SESSIONS`] distinct sessions seen behind a number: enough to know whether it may be shown.
#[derive(Debug, Clone, Copy, Default)]
struct FewSessions {
    ids: [u128; MIN_SESSIONS],
    n: usize,
}

impl FewSessions {
    fn add(&mut self, session: u128) {
        if self.n < MIN_SESSIONS && !self.ids[..self.n].contains(&session) {
            self.ids[self.n] = session;
            self.n += 1;
        }
    }

    fn enough(&self) -> bool {
        self.n >= MIN_SESSIONS
    }
}

/// A count and the sessions behind it.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    count: u64,
    sessions: FewSessions,
}

impl Tally {
    fn add(&mut self, session: u128) {
        self.count += 1;
        self.sessions.add(session);
    }

    fn shown(&self) -> Shown<u64> {
        if self.count == 0 {
            Shown::Value(0)
        } else if self.sessions.enough() {
            Shown::Value(self.count)
        } else {
            Shown::Withheld
        }
    }
}

/// Durations (ms) and the sessions behind them.
#[derive(Debug, Clone, Default)]
struct Durations {
    ms: Vec<i64>,
    sessions: FewSessions,
}

impl Durations {
    fn add(&mut self, session: u128, ms: i64) {
        self.ms.push(ms.max(0));
        self.sessions.add(session);
    }

    /// Median in seconds: `None` without data, withheld below the session threshold.
    fn median_s(&mut self) -> Option<Shown<f64>> {
        self.percentile_s(0.5)
    }

    /// The median is the middle value (the mean of the two middle values for an even count); other
    /// percentiles use the nearest rank (the smallest value with at least `p` of the values at or below it).
    fn percentile_s(&mut self, p: f64) -> Option<Shown<f64>> {
        if self.ms.is_empty() {
            return None;
        }
        if !self.sessions.enough() {
            return Some(Shown::Withheld);
        }
        self.ms.sort_unstable();
        let n = self.ms.len();
        let ms = if p == 0.5 {
            if n % 2 == 1 { self.ms[n / 2] as f64 } else { (self.ms[n / 2 - 1] + self.ms[n / 2]) as f64 / 2.0 }
        } else {
            let rank = (p * n as f64).ceil().max(1.0) as usize;
            self.ms[rank - 1] as f64
        };
        Some(Shown::Value(round1(ms / 1000.0)))
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The session counts of a row whose total is shown elsewhere (sessions per day, per hour of a day, per
/// language, per end reason). A count behind fewer than [`MIN_SESSIONS`] sessions is withheld (zero stays
/// 0); when the withheld counts add up to fewer than [`MIN_SESSIONS`], the smallest shown ones are withheld
/// too until they do, or the total less the shown counts would give a withheld number away.
pub(super) fn with_complement(counts: &[u64]) -> Vec<Shown<u64>> {
    let mut withheld: Vec<bool> = counts.iter().map(|n| *n > 0 && (*n as usize) < MIN_SESSIONS).collect();
    let mut hidden: u64 = counts.iter().zip(&withheld).filter(|(_, w)| **w).map(|(n, _)| *n).sum();
    while hidden > 0 && (hidden as usize) < MIN_SESSIONS {
        let Some(i) = (0..counts.len()).filter(|i| !withheld[*i] && counts[*i] > 0).min_by_key(|i| (counts[*i], *i))
        else {
            break;
        };
        withheld[i] = true;
        hidden += counts[i];
    }
    counts.iter().zip(withheld).map(|(n, w)| if w { Shown::Withheld } else { Shown::Value(*n) }).collect()
}

/// Sessions per day and per hour of each day (`grid[day][hour]`), with the overall total shown: the day
/// totals and every day's hours get [`with_complement`]; a withheld day keeps at least one of its hours
/// withheld (or its hours would add up to it), and the hours withheld in withheld days add up to 0 or at
/// least [`MIN_SESSIONS`] (or the total less everything shown would give them away).
pub(super) fn grid_with_complement(grid: &[Vec<u64>]) -> (Vec<Shown<u64>>, Vec<Vec<Shown<u64>>>) {
    let days = with_complement(&grid.iter().map(|row| row.iter().sum()).collect::<Vec<u64>>());
    let mut cells: Vec<Vec<Shown<u64>>> = grid.iter().map(|row| with_complement(row)).collect();
    let withheld_days: Vec<usize> = (0..grid.len()).filter(|d| days[*d] == Shown::Withheld).collect();
    // The smallest shown non-zero hour of the withheld days, if any.
    let smallest_shown = |cells: &[Vec<Shown<u64>>], among: &[usize]| {
        among
            .iter()
            .flat_map(|d| grid[*d].iter().enumerate().map(move |(h, n)| (*n, *d, h)))
            .filter(|(n, d, h)| *n > 0 && cells[*d][*h] != Shown::Withheld)
            .min()
    };
    for d in &withheld_days {
        if grid[*d].iter().sum::<u64>() > 0
            && !cells[*d].contains(&Shown::Withheld)
            && let Some((_, d, h)) = smallest_shown(&cells, std::slice::from_ref(d))
        {
            cells[d][h] = Shown::Withheld;
        }
    }
    let hidden = |cells: &[Vec<Shown<u64>>]| -> u64 {
        withheld_days
            .iter()
            .flat_map(|d| grid[*d].iter().zip(&cells[*d]))
            .filter(|(_, s)| **s == Shown::Withheld)
            .map(|(n, _)| n)
            .sum()
    };
    while hidden(&cells) > 0 && (hidden(&cells) as usize) < MIN_SESSIONS {
        let Some((_, d, h)) = smallest_shown(&cells, &withheld_days) else { break };
        cells[d][h] = Shown::Withheld;
    }
    (days, cells)
}

fn withheld_unless(sessions: usize, v: f64) -> Shown<f64> {
    if sessions >= MIN_SESSIONS { Shown::Value(v) } else { Shown::Withheld }
}

#[derive(Debug, Default)]
struct SessionState {
    start: Option<(i64, i64)>,
    end: Option<(i64, SessionEndReason)>,
    lang: Option<Lang>,
    municipality: Option<usize>,
    dwell_since: Option<(usize, i64)>,
    /// The aids turned on during the session (large text, high contrast, read aloud).
    aids: BTreeSet<Aid>,
}

#[derive(Debug, Default, Clone)]
struct MunicipalityTallies {
    touches: Tally,
    on_map: Tally,
    from_list: Tally,
    from_showcase: Tally,
    details: Tally,
    programs: Tally,
    qr: Tally,
    scheduled_ms: i64,
    staff_ms: i64,
    dwell: Durations,
}

#[derive(Debug, Default, Clone)]
struct QuestionTallies {
    answered: Tally,
    correct: u64,
    millis: u64,
}

struct Run {
    first_mono: i64,
    last_mono: i64,
    last_utc: i64,
    last_heartbeat_mono: i64,
    dropped: u64,
    stopped: bool,
}

#[derive(Default)]
struct Showing {
    current: Option<(usize, ShowcaseOrigin, i64)>,
}

/// Computes the report's numbers from the merged events, withholding those behind fewer than
/// [`MIN_SESSIONS`] sessions.
pub fn aggregate(loaded: &Loaded, ctx: &Context) -> Report {
    let index: HashMap<&str, usize> = ctx.municipalities.iter().enumerate().map(|(i, m)| (m.0.as_str(), i)).collect();
    let mut munis = vec![MunicipalityTallies::default(); ctx.municipalities.len()];
    let mut sessions: HashMap<u128, SessionState> = HashMap::new();
    let mut questions: BTreeMap<String, QuestionTallies> =
        ctx.questions.iter().map(|q| (q.clone(), QuestionTallies::default())).collect();
    let (mut started, mut completed, mut abandoned) = (Tally::default(), Tally::default(), Tally::default());
    let mut abandoned_at: BTreeMap<usize, Tally> = BTreeMap::new();
    let mut scores: BTreeMap<(usize, usize), Tally> = BTreeMap::new();
    let mut qr_kind: BTreeMap<&'static str, Tally> =
        QrKind::ALL.iter().map(|k| (k.as_str(), Tally::default())).collect();
    let mut qr_program: BTreeMap<String, Tally> = ctx.programs.iter().map(|p| (p.clone(), Tally::default())).collect();
    let mut days: BTreeSet<crate::clock::LocalDate> = BTreeSet::new();
    let mut ops: Vec<KioskOperations> = loaded.kiosks.iter().map(|k| new_ops(k, loaded)).collect();

    let mut i = 0;
    while i < loaded.rows.len() {
        let kiosk = loaded.rows[i].kiosk;
        let end = loaded.rows[i..].iter().position(|r| r.kiosk != kiosk).map_or(loaded.rows.len(), |n| i + n);
        let rows = &loaded.rows[i..end];
        operations(rows, &mut ops[kiosk], &mut munis, &index, ctx.clock);
        for r in rows {
            days.insert(ctx.clock.date(r.utc_ms));
            let Some(sid) = r.session else { continue };
            let s = sessions.entry(sid).or_default();
            let muni = |code: &str| index.get(code).copied();
            match &r.event {
                Event::SessionStart => s.start = Some((r.utc_ms, r.mono_ms)),
                Event::SessionEnd { reason } => {
                    close_dwell(s, r.mono_ms, sid, &mut munis);
                    s.end = Some((r.mono_ms, *reason));
                }
                Event::ScreenView { screen } => {
                    close_dwell(s, r.mono_ms, sid, &mut munis);
                    if *screen == ScreenName::Municipality
                        && let Some(m) = s.municipality
                    {
                        munis[m].details.add(sid);
                        s.dwell_since = Some((m, r.mono_ms));
                    }
                }
                Event::MunicipalitySelect { code, how } => {
                    if let Some(m) = muni(code) {
                        let t = &mut munis[m];
                        match how {
                            SelectHow::Map => t.on_map.add(sid),
                            SelectHow::List => t.from_list.add(sid),
                            SelectHow::Showcase => t.from_showcase.add(sid),
                        }
                        s.municipality = Some(m);
                    }
                }
                Event::MapTouch { code: Some(code) } => {
                    if let Some(m) = muni(code) {
                        munis[m].touches.add(sid);
                    }
                }
                Event::ProgramView { .. } => {
                    if let Some(m) = s.municipality {
                        munis[m].programs.add(sid);
                    }
                }
                Event::QrShown { target } => {
                    qr_kind.entry(target.kind().as_str()).or_default().add(sid);
                    match target {
                        QrTarget::Municipality(code) => {
                            if let Some(m) = muni(code) {
                                munis[m].qr.add(sid);
                            }
                        }
                        QrTarget::Program(id) => qr_program.entry(id.clone()).or_default().add(sid),
                        QrTarget::QuizResult => {}
                    }
                }
                Event::QuizStart => started.add(sid),
                Event::QuizAnswer { question, correct, millis, .. } => {
                    let q = questions.entry(question.clone()).or_default();
                    q.answered.add(sid);
                    q.correct += u64::from(*correct);
                    q.millis += u64::from(*millis);
                }
                Event::QuizComplete { score, out_of } => {
                    completed.add(sid);
                    scores.entry((*out_of, *score)).or_default().add(sid);
                }
                Event::QuizAbandon { at_question } => {
                    abandoned.add(sid);
                    abandoned_at.entry(*at_question).or_default().add(sid);
                }
                Event::LanguageChange { lang } => s.lang = Some(*lang),
                Event::AidChange { aid, on: true } => {
                    s.aids.insert(*aid);
                }
                _ => {}
            }
        }
        i = end;
    }

    let overview = overview(&sessions, days, loaded, ctx);
    // Every score from 0 to the number of questions, so the distribution has no holes.
    let outs: BTreeSet<usize> = scores.keys().map(|k| k.0).collect();
    for out_of in outs {
        for score in 0..=out_of {
            scores.entry((out_of, score)).or_default();
        }
    }
    let max_at = abandoned_at.keys().max().copied().unwrap_or(0);
    for at in 1..=max_at {
        abandoned_at.entry(at).or_default();
    }
    let quiz = Quiz {
        started: started.shown(),
        completed: completed.shown(),
        abandoned: abandoned.shown(),
        abandoned_at: abandoned_at
            .iter()
            .map(|(at, t)| AbandonRow { question_number: *at, rounds: t.shown() })
            .collect(),
        scores: scores
            .iter()
            .map(|((out_of, score), t)| ScoreRow { score: *score, out_of: *out_of, rounds: t.shown() })
            .collect(),
        questions: ctx
            .questions
            .iter()
            .cloned()
            .chain(questions.keys().filter(|k| !ctx.questions.contains(k)).cloned().collect::<Vec<_>>())
            .map(|id| {
                let q = &questions[&id];
                let n = q.answered.count;
                let enough = q.answered.sessions.n;
                QuestionRow {
                    times_answered: q.answered.shown(),
                    correct_rate: (n > 0).then(|| withheld_unless(enough, round1(100.0 * q.correct as f64 / n as f64))),
                    mean_answer_s: (n > 0)
                        .then(|| withheld_unless(enough, round1(q.millis as f64 / n as f64 / 1000.0))),
                    id,
                }
            })
            .collect(),
    };
    let municipalities = ctx
        .municipalities
        .iter()
        .zip(munis.iter_mut())
        .map(|((code, names), t)| MunicipalityRow {
            code: code.clone(),
            name_ja: names.ja.clone(),
            name_en: names.en.clone().unwrap_or_default(),
            name_zh: names.zh_hans.clone(),
            name_ko: names.ko.clone(),
            map_touches: t.touches.shown(),
            selected_on_map: t.on_map.shown(),
            selected_from_list: t.from_list.shown(),
            selected_from_showcase: t.from_showcase.shown(),
            detail_views: t.details.shown(),
            program_views: t.programs.shown(),
            qr_shown: t.qr.shown(),
            showcase_minutes_scheduled: round1(t.scheduled_ms as f64 / 60_000.0),
            showcase_minutes_staff: round1(t.staff_ms as f64 / 60_000.0),
            median_dwell_s: t.dwell.median_s(),
        })
        .collect();
    Report {
        schema_version: super::JSON_SCHEMA_VERSION,
        app_version: ctx.app_version.clone(),
        booth_id: ctx.booth_id.clone(),
        time_zone: ctx.clock.zone_name(),
        from: ctx.period.from.map(|d| d.to_string()),
        to: ctx.period.to.map(|d| d.to_string()),
        min_sessions: MIN_SESSIONS,
        sources: loaded
            .files
            .iter()
            .map(|f| SourceRow {
                file: f.path.display().to_string(),
                kiosk_id: f.kiosk_id.clone(),
                schema_version: f.schema_version,
                app_version: f.app_version.clone(),
                events: f.events,
            })
            .collect(),
        skipped_files: loaded
            .skipped
            .iter()
            .map(|(p, r)| SkippedFile { file: p.display().to_string(), reason: r.clone() })
            .collect(),
        duplicates_merged: loaded.duplicates,
        overview,
        municipalities,
        quiz,
        take_home: TakeHome {
            by_kind: qr_kind.iter().map(|(k, t)| TargetRow { target: (*k).to_string(), qr_shown: t.shown() }).collect(),
            by_program: qr_program.iter().map(|(k, t)| TargetRow { target: k.clone(), qr_shown: t.shown() }).collect(),
        },
        operations: ops,
    }
}

fn close_dwell(s: &mut SessionState, mono: i64, sid: u128, munis: &mut [MunicipalityTallies]) {
    if let Some((m, since)) = s.dwell_since.take() {
        munis[m].dwell.add(sid, mono - since);
    }
}

fn overview(
    sessions: &HashMap<u128, SessionState>,
    days: BTreeSet<crate::clock::LocalDate>,
    loaded: &Loaded,
    ctx: &Context,
) -> Overview {
    let clock = ctx.clock;
    let mut lengths = Durations::default();
    let mut per_hour: BTreeMap<(crate::clock::LocalDate, u8), u64> = BTreeMap::new();
    let mut per_day: BTreeMap<crate::clock::LocalDate, u64> = days.iter().map(|d| (*d, 0)).collect();
    let mut aids_per_day: BTreeMap<(crate::clock::LocalDate, Aid), u64> = BTreeMap::new();
    let mut langs: BTreeMap<Lang, u64> = Lang::ALL.iter().map(|l| (*l, 0)).collect();
    let mut reasons: BTreeMap<&'static str, u64> =
        SessionEndReason::ALL.iter().map(|r| r.as_str()).chain([NOT_ENDED]).map(|r| (r, 0)).collect();
    let (mut total, mut ended) = (0u64, 0u64);
    for (sid, s) in sessions {
        let Some((utc, mono)) = s.start else { continue };
        total += 1;
        let date = clock.date(utc);
        *per_day.entry(date).or_default() += 1;
        for aid in &s.aids {
            *aids_per_day.entry((date, *aid)).or_default() += 1;
        }
        *per_hour.entry((date, clock.hour(utc))).or_default() += 1;
        *langs.entry(s.lang.unwrap_or(ctx.default_lang)).or_default() += 1;
        match s.end {
            Some((end_mono, reason)) => {
                ended += 1;
                lengths.add(*sid, end_mono - mono);
                *reasons.entry(reason.as_str()).or_default() += 1;
            }
            None => *reasons.entry(NOT_ENDED).or_default() += 1,
        }
    }
    let count = |n: u64| if n == 0 || n as usize >= MIN_SESSIONS { Shown::Value(n) } else { Shown::Withheld };
    let reason_rows = with_complement(&reasons.values().copied().collect::<Vec<_>>());
    // The ended sessions are the total less the "not ended" ones: withheld with them.
    let not_ended_withheld = reasons.keys().zip(&reason_rows).any(|(r, s)| *r == NOT_ENDED && *s == Shown::Withheld);
    let hours: Vec<u8> = match (per_hour.keys().map(|k| k.1).min(), per_hour.keys().map(|k| k.1).max()) {
        (Some(a), Some(b)) => (a..=b).collect(),
        _ => Vec::new(),
    };
    let grid: Vec<Vec<u64>> =
        per_day.keys().map(|d| hours.iter().map(|h| per_hour.get(&(*d, *h)).copied().unwrap_or(0)).collect()).collect();
    let (day_rows, hour_rows) = grid_with_complement(&grid);
    // The busiest hour among the hours shown.
    let busiest = per_day
        .keys()
        .zip(&grid)
        .zip(&hour_rows)
        .flat_map(|((d, counts), shown)| hours.iter().zip(counts).zip(shown).map(move |((h, n), s)| (*d, *h, *n, *s)))
        .filter(|(_, _, n, s)| *s == Shown::Value(*n) && *n as usize >= MIN_SESSIONS)
        .max_by(|a, b| a.2.cmp(&b.2).then((b.0, b.1).cmp(&(a.0, a.1))))
        .map(|(d, h, n, _)| BusiestHour { date: d.to_string(), hour: h, sessions: n });
    Overview {
        days: per_day
            .keys()
            .zip(day_rows)
            .map(|(d, sessions)| {
                // Each a subset of the day's sessions, withheld below the threshold like any count.
                let aid = |a: Aid| count(aids_per_day.get(&(*d, a)).copied().unwrap_or(0));
                DayRow {
                    date: d.to_string(),
                    sessions,
                    large_text: aid(Aid::LargeText),
                    high_contrast: aid(Aid::HighContrast),
                    read_aloud: aid(Aid::ReadAloud),
                }
            })
            .collect(),
        kiosks: loaded.kiosks.clone(),
        sessions: count(total),
        sessions_ended: if not_ended_withheld { Shown::Withheld } else { count(ended) },
        median_session_s: lengths.median_s(),
        p90_session_s: lengths.percentile_s(0.9),
        by_hour: per_day.keys().zip(hour_rows).map(|(d, sessions)| HourRow { date: d.to_string(), sessions }).collect(),
        hours,
        busiest_hour: busiest,
        languages: langs
            .keys()
            .zip(with_complement(&langs.values().copied().collect::<Vec<_>>()))
            .map(|(l, sessions)| LanguageRow { lang: l.code().to_string(), sessions })
            .collect(),
        end_reasons: reasons
            .keys()
            .zip(reason_rows)
            .map(|(r, sessions)| ReasonRow { reason: (*r).to_string(), sessions })
            .collect(),
    }
}

fn new_ops(kiosk_id: &str, loaded: &Loaded) -> KioskOperations {
    let mut versions: Vec<String> =
        loaded.files.iter().filter(|f| f.kiosk_id == kiosk_id).filter_map(|f| f.app_version.clone()).collect();
    versions.sort();
    versions.dedup();
    KioskOperations {
        kiosk_id: kiosk_id.to_string(),
        app_versions: versions,
        first_event: None,
        last_event: None,
        app_starts: 0,
        unclean_stops: 0,
        uptime_s: 0.0,
        heartbeat_gaps: 0,
        heartbeat_gap_s: 0.0,
        errors_config: 0,
        errors_database: 0,
        errors_asset: 0,
        errors_qr: 0,
        errors_speech: 0,
        clock_warnings: 0,
        events_dropped: 0,
        worst_frame_p99_ms: None,
        staff_logins: 0,
        staff_login_failures: 0,
    }
}

/// A heartbeat comes every 60 s; a stretch longer than this without one is a gap.
const HEARTBEAT_GAP_MS: i64 = 120_000;

/// Uptime, restarts, heartbeat gaps, errors and showcase time of one kiosk (rows in time order).
fn operations(
    rows: &[Row],
    ops: &mut KioskOperations,
    munis: &mut [MunicipalityTallies],
    index: &HashMap<&str, usize>,
    clock: LocalClock,
) {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else { return };
    ops.first_event = Some(clock.timestamp(first.utc_ms));
    ops.last_event = Some(clock.timestamp(last.utc_ms));
    let mut run: Option<Run> = None;
    let mut showing = Showing::default();
    let mut uptime_ms = 0i64;
    let mut gap_ms = 0i64;
    let mut worst_p99: Option<u32> = None;
    let close_showcase = |showing: &mut Showing, at: i64, munis: &mut [MunicipalityTallies]| {
        if let Some((m, origin, since)) = showing.current.take() {
            let ms = (at - since).max(0);
            match origin {
                ShowcaseOrigin::Schedule => munis[m].scheduled_ms += ms,
                ShowcaseOrigin::Staff => munis[m].staff_ms += ms,
            }
        }
    };
    let end_run = |run: Run, unclean: bool, uptime_ms: &mut i64, ops: &mut KioskOperations| {
        *uptime_ms += (run.last_mono - run.first_mono).max(0);
        ops.events_dropped += run.dropped;
        if unclean && !run.stopped {
            ops.unclean_stops += 1;
        }
    };
    for r in rows {
        // A new run: an app_start, or the app-start clock going back (its app_start is outside the period).
        let new_run = matches!(r.event, Event::AppStart) || run.as_ref().is_some_and(|x| r.mono_ms < x.last_mono);
        if new_run || run.is_none() {
            if let Some(prev) = run.take() {
                close_showcase(&mut showing, prev.last_utc, munis);
                end_run(prev, true, &mut uptime_ms, ops);
            }
            run = Some(Run {
                first_mono: r.mono_ms,
                last_mono: r.mono_ms,
                last_utc: r.utc_ms,
                last_heartbeat_mono: r.mono_ms,
                dropped: 0,
                stopped: false,
            });
        }
        let Some(cur) = run.as_mut() else { continue };
        cur.last_mono = r.mono_ms;
        cur.last_utc = r.utc_ms;
        match &r.event {
            Event::AppStart => ops.app_starts += 1,
            Event::AppStop => cur.stopped = true,
            Event::Heartbeat { frame_p99_us, dropped, .. } => {
                let gap = r.mono_ms - cur.last_heartbeat_mono;
                if gap > HEARTBEAT_GAP_MS {
                    ops.heartbeat_gaps += 1;
                    gap_ms += gap;
                }
                cur.last_heartbeat_mono = r.mono_ms;
                cur.dropped = cur.dropped.max(*dropped);
                worst_p99 = Some(worst_p99.map_or(*frame_p99_us, |w| w.max(*frame_p99_us)));
            }
            Event::Error { kind } => match kind {
                ErrorKind::Config => ops.errors_config += 1,
                ErrorKind::Database => ops.errors_database += 1,
                ErrorKind::Asset => ops.errors_asset += 1,
                ErrorKind::Qr => ops.errors_qr += 1,
                ErrorKind::Speech => ops.errors_speech += 1,
                ErrorKind::Clock => ops.clock_warnings += 1,
            },
            Event::StaffLoginOk => ops.staff_logins += 1,
            Event::StaffLoginFail => ops.staff_login_failures += 1,
            Event::ShowcaseChange { code, origin } => {
                close_showcase(&mut showing, r.utc_ms, munis);
                if let Some(m) = code.as_deref().and_then(|c| index.get(c)) {
                    showing.current = Some((*m, *origin, r.utc_ms));
                }
            }
            _ => {}
        }
        if matches!(r.event, Event::AppStop) {
            close_showcase(&mut showing, r.utc_ms, munis);
        }
    }
    if let Some(prev) = run.take() {
        close_showcase(&mut showing, prev.last_utc, munis);
        // The last run may still be going (a file copied from a running kiosk): not counted as unclean.
        end_run(prev, false, &mut uptime_ms, ops);
    }
    ops.uptime_s = round1(uptime_ms as f64 / 1000.0);
    ops.heartbeat_gap_s = round1(gap_ms as f64 / 1000.0);
    ops.worst_frame_p99_ms = worst_p99.map(|us| round1(f64::from(us) / 1000.0));
}
