//! The report as titled tables with labelled columns: the one layout CSV, XLSX and HTML are written from.

use super::model::*;
use crate::i18n::Localizer;
use crate::lang::Lang;

/// Labels in the report's language.
pub trait Labels {
    /// The label with Fluent key `key` (`report-col-sessions`, ...) in the report's language.
    fn t(&self, key: &str) -> String;
    /// The report's language.
    fn lang(&self) -> Lang;
}

/// Labels from the Fluent files (`locales/<lang>/report.ftl`).
pub struct FluentLabels<'a> {
    /// The loaded Fluent messages.
    pub strings: &'a Localizer,
    /// The report's language.
    pub lang: Lang,
}

impl Labels for FluentLabels<'_> {
    fn t(&self, key: &str) -> String {
        self.strings.t(self.lang, key)
    }
    fn lang(&self) -> Lang {
        self.lang
    }
}

/// How a column's cells are formatted: as text, or as right-aligned numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Text, left-aligned.
    Text,
    /// Whole numbers (thousands separators in XLSX).
    Integer,
    /// One decimal place (seconds, minutes, percentages).
    Decimal,
}

/// A table column.
#[derive(Debug, Clone)]
pub struct Column {
    /// Heading, in the report's language.
    pub header: String,
    /// How its cells are formatted.
    pub kind: ColumnKind,
}

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text as it is.
    Text(String),
    /// A count.
    Integer(u64),
    /// A number written with one decimal place.
    Decimal(f64),
    /// Fewer than 3 sessions behind it.
    Withheld,
    /// No data (not zero).
    Empty,
}

impl Cell {
    /// The cell as text: as CSV writes it (`<3` when withheld, empty when there is no data).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Integer(n) => n.to_string(),
            Cell::Decimal(x) => format!("{x:.1}"),
            Cell::Withheld => WITHHELD.to_string(),
            Cell::Empty => String::new(),
        }
    }

    /// The number a chart draws (withheld and empty draw nothing).
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Integer(n) => Some(*n as f64),
            Cell::Decimal(x) => Some(*x),
            _ => None,
        }
    }
}

impl From<Shown<u64>> for Cell {
    fn from(s: Shown<u64>) -> Cell {
        s.value().map_or(Cell::Withheld, Cell::Integer)
    }
}

impl From<Option<Shown<f64>>> for Cell {
    fn from(s: Option<Shown<f64>>) -> Cell {
        match s {
            None => Cell::Empty,
            Some(Shown::Withheld) => Cell::Withheld,
            Some(Shown::Value(x)) => Cell::Decimal(x),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Vertical bars (categories along the bottom).
    Column,
    /// Horizontal bars (long category names).
    Bar,
}

/// A chart of one value column against the first column.
#[derive(Debug, Clone)]
pub struct Chart {
    pub kind: ChartKind,
    pub title: String,
    pub value_column: usize,
}

/// One titled table: a CSV file, an Excel table, or an HTML table.
#[derive(Debug, Clone)]
pub struct Table {
    /// File-name-safe id, unique in the report (`municipalities`, `quiz-questions`, ...).
    pub id: &'static str,
    /// Title, in the report's language.
    pub title: String,
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// A chart drawn beside the table in XLSX and HTML (CSV has none).
    pub chart: Option<Chart>,
}

/// A group of tables: one XLSX worksheet, one HTML heading.
#[derive(Debug, Clone)]
pub struct Section {
    /// Stable id: `overview`, `municipalities`, `quiz`, `take-home` or `operations`.
    pub id: &'static str,
    /// Title, in the report's language; the worksheet is named after it.
    pub title: String,
    /// Its tables, in order.
    pub tables: Vec<Table>,
}

fn col(l: &dyn Labels, key: &str, kind: ColumnKind) -> Column {
    Column { header: l.t(key), kind }
}

fn int(n: u64) -> Cell {
    Cell::Integer(n)
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// A municipality's name in the report's language: the Chinese or Korean name with the Japanese one
/// beside it where there is one, else the English name (the Japanese one in a Japanese report).
fn name(l: &dyn Labels, m: &MunicipalityRow) -> String {
    let own = match l.lang() {
        Lang::Ja | Lang::JaEasy => return m.name_ja.clone(),
        Lang::En => None,
        Lang::ZhHans => m.name_zh.as_deref(),
        Lang::Ko => m.name_ko.as_deref(),
    };
    match own {
        Some(n) => format!("{n}（{}）", m.name_ja),
        None => m.name_en.clone(),
    }
}

/// Every section of the report, in order.
pub fn sections(r: &Report, l: &dyn Labels) -> Vec<Section> {
    vec![overview(r, l), municipalities(r, l), quiz(r, l), take_home(r, l), operations(r, l)]
}

fn overview(r: &Report, l: &dyn Labels) -> Section {
    use ColumnKind::*;
    let o = &r.overview;
    let period = match (&r.from, &r.to) {
        (None, None) => l.t("report-period-all"),
        (from, to) => format!("{} – {}", from.as_deref().unwrap_or("…"), to.as_deref().unwrap_or("…")),
    };
    let busiest =
        o.busiest_hour.as_ref().map_or(Cell::Empty, |b| text(format!("{} {:02}:00 ({})", b.date, b.hour, b.sessions)));
    let summary = Table {
        id: "overview",
        title: l.t("report-table-summary"),
        columns: vec![col(l, "report-col-item", Text), col(l, "report-col-value", Text)],
        rows: vec![
            vec![text(l.t("report-item-booth")), text(r.booth_id.clone())],
            vec![text(l.t("report-item-period")), text(period)],
            vec![text(l.t("report-item-time-zone")), text(r.time_zone.clone())],
            vec![text(l.t("report-item-kiosks")), int(o.kiosks.len() as u64)],
            vec![text(l.t("report-item-days")), int(o.days.len() as u64)],
            vec![text(l.t("report-item-sessions")), o.sessions.into()],
            vec![text(l.t("report-item-sessions-ended")), o.sessions_ended.into()],
            vec![text(l.t("report-item-median-session")), o.median_session_s.into()],
            vec![text(l.t("report-item-p90-session")), o.p90_session_s.into()],
            vec![text(l.t("report-item-busiest-hour")), busiest],
            vec![text(l.t("report-item-duplicates")), int(r.duplicates_merged)],
            vec![text(l.t("report-item-app-version")), text(r.app_version.clone())],
            vec![text(l.t("report-item-privacy")), text(l.t("report-privacy-rule"))],
        ],
        chart: None,
    };
    let days = Table {
        id: "days",
        title: l.t("report-table-days"),
        columns: vec![
            col(l, "report-col-date", Text),
            col(l, "report-col-sessions", Integer),
            col(l, "report-col-large-text", Integer),
            col(l, "report-col-high-contrast", Integer),
            col(l, "report-col-read-aloud", Integer),
        ],
        rows: o
            .days
            .iter()
            .map(|d| {
                vec![
                    text(d.date.clone()),
                    d.sessions.into(),
                    d.large_text.into(),
                    d.high_contrast.into(),
                    d.read_aloud.into(),
                ]
            })
            .collect(),
        chart: None,
    };
    let mut hour_cols = vec![col(l, "report-col-date", Text)];
    hour_cols.extend(o.hours.iter().map(|h| Column { header: format!("{h:02}:00"), kind: Integer }));
    let by_hour = Table {
        id: "sessions-by-hour",
        title: l.t("report-table-sessions-by-hour"),
        columns: hour_cols,
        rows: o
            .by_hour
            .iter()
            .map(|h| std::iter::once(text(h.date.clone())).chain(h.sessions.iter().map(|s| Cell::from(*s))).collect())
            .collect(),
        chart: None,
    };
    // Hour totals over all days: the chart of sessions per hour.
    let totals = Table {
        id: "sessions-per-hour",
        title: l.t("report-table-sessions-per-hour"),
        columns: vec![col(l, "report-col-hour", Text), col(l, "report-col-sessions", Integer)],
        rows: o
            .hours
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let cells: Vec<Shown<u64>> = o.by_hour.iter().map(|row| row.sessions[i]).collect();
                let total = if cells.iter().all(|c| c.value().is_some()) {
                    Cell::Integer(cells.iter().filter_map(|c| c.value()).sum())
                } else {
                    // A sum with a withheld part would let the withheld number be worked out.
                    Cell::Withheld
                };
                vec![text(format!("{h:02}:00")), total]
            })
            .collect(),
        chart: Some(Chart { kind: ChartKind::Column, title: l.t("report-chart-sessions-per-hour"), value_column: 1 }),
    };
    let languages = Table {
        id: "languages",
        title: l.t("report-table-languages"),
        columns: vec![col(l, "report-col-language", Text), col(l, "report-col-sessions", Integer)],
        rows: o
            .languages
            .iter()
            .map(|x| vec![text(l.t(&format!("report-lang-{}", x.lang))), x.sessions.into()])
            .collect(),
        chart: None,
    };
    let ends = Table {
        id: "session-ends",
        title: l.t("report-table-session-ends"),
        columns: vec![col(l, "report-col-end-reason", Text), col(l, "report-col-sessions", Integer)],
        rows: o
            .end_reasons
            .iter()
            .map(|x| vec![text(l.t(&format!("report-end-{}", x.reason.replace('_', "-")))), x.sessions.into()])
            .collect(),
        chart: None,
    };
    Section {
        id: "overview",
        title: l.t("report-section-overview"),
        tables: vec![summary, days, by_hour, totals, languages, ends],
    }
}

fn municipalities(r: &Report, l: &dyn Labels) -> Section {
    use ColumnKind::*;
    let table = Table {
        id: "municipalities",
        title: l.t("report-table-municipalities"),
        columns: vec![
            col(l, "report-col-code", Text),
            col(l, "report-col-municipality", Text),
            col(l, "report-col-map-touches", Integer),
            col(l, "report-col-selected-map", Integer),
            col(l, "report-col-selected-list", Integer),
            col(l, "report-col-selected-showcase", Integer),
            col(l, "report-col-detail-views", Integer),
            col(l, "report-col-program-views", Integer),
            col(l, "report-col-qr-shown", Integer),
            col(l, "report-col-showcase-scheduled-min", Decimal),
            col(l, "report-col-showcase-staff-min", Decimal),
            col(l, "report-col-median-dwell-s", Decimal),
        ],
        rows: r
            .municipalities
            .iter()
            .map(|m| {
                vec![
                    text(m.code.clone()),
                    text(name(l, m)),
                    m.map_touches.into(),
                    m.selected_on_map.into(),
                    m.selected_from_list.into(),
                    m.selected_from_showcase.into(),
                    m.detail_views.into(),
                    m.program_views.into(),
                    m.qr_shown.into(),
                    Cell::Decimal(m.showcase_minutes_scheduled),
                    Cell::Decimal(m.showcase_minutes_staff),
                    m.median_dwell_s.into(),
                ]
            })
            .collect(),
        chart: None,
    };
    // The ten most viewed (withheld counts are left out of the ranking).
    let mut ranked: Vec<&MunicipalityRow> =
        r.municipalities.iter().filter(|m| m.detail_views.value().is_some_and(|n| n > 0)).collect();
    ranked.sort_by(|a, b| b.detail_views.value().cmp(&a.detail_views.value()).then(a.code.cmp(&b.code)));
    let top = Table {
        id: "top-municipalities",
        title: l.t("report-table-top-municipalities"),
        columns: vec![col(l, "report-col-municipality", Text), col(l, "report-col-detail-views", Integer)],
        rows: ranked.iter().take(10).map(|m| vec![text(name(l, m)), m.detail_views.into()]).collect(),
        chart: Some(Chart { kind: ChartKind::Bar, title: l.t("report-chart-top-municipalities"), value_column: 1 }),
    };
    Section { id: "municipalities", title: l.t("report-section-municipalities"), tables: vec![table, top] }
}

fn quiz(r: &Report, l: &dyn Labels) -> Section {
    use ColumnKind::*;
    let q = &r.quiz;
    let summary = Table {
        id: "quiz",
        title: l.t("report-table-quiz-rounds"),
        columns: vec![col(l, "report-col-item", Text), col(l, "report-col-rounds", Integer)],
        rows: vec![
            vec![text(l.t("report-item-quiz-started")), q.started.into()],
            vec![text(l.t("report-item-quiz-completed")), q.completed.into()],
            vec![text(l.t("report-item-quiz-abandoned")), q.abandoned.into()],
        ],
        chart: None,
    };
    let abandoned = Table {
        id: "quiz-abandoned-at",
        title: l.t("report-table-quiz-abandoned-at"),
        columns: vec![col(l, "report-col-question-number", Integer), col(l, "report-col-rounds", Integer)],
        rows: q.abandoned_at.iter().map(|a| vec![int(a.question_number as u64), a.rounds.into()]).collect(),
        chart: None,
    };
    let scores = Table {
        id: "quiz-scores",
        title: l.t("report-table-quiz-scores"),
        columns: vec![col(l, "report-col-score", Text), col(l, "report-col-rounds", Integer)],
        rows: q.scores.iter().map(|s| vec![text(format!("{}/{}", s.score, s.out_of)), s.rounds.into()]).collect(),
        chart: None,
    };
    let questions = Table {
        id: "quiz-questions",
        title: l.t("report-table-quiz-questions"),
        columns: vec![
            col(l, "report-col-question", Text),
            col(l, "report-col-times-answered", Integer),
            col(l, "report-col-correct-rate", Decimal),
            col(l, "report-col-mean-answer-s", Decimal),
        ],
        rows: q
            .questions
            .iter()
            .map(|x| vec![text(x.id.clone()), x.times_answered.into(), x.correct_rate.into(), x.mean_answer_s.into()])
            .collect(),
        chart: Some(Chart { kind: ChartKind::Bar, title: l.t("report-chart-correct-rate"), value_column: 2 }),
    };
    Section { id: "quiz", title: l.t("report-section-quiz"), tables: vec![summary, abandoned, scores, questions] }
}

fn take_home(r: &Report, l: &dyn Labels) -> Section {
    use ColumnKind::*;
    let by_kind = Table {
        id: "qr-by-kind",
        title: l.t("report-table-qr-by-kind"),
        columns: vec![col(l, "report-col-target", Text), col(l, "report-col-qr-shown", Integer)],
        rows: r
            .take_home
            .by_kind
            .iter()
            .map(|t| vec![text(l.t(&format!("report-target-{}", t.target.replace('_', "-")))), t.qr_shown.into()])
            .collect(),
        chart: None,
    };
    let by_program = Table {
        id: "qr-by-program",
        title: l.t("report-table-qr-by-program"),
        columns: vec![col(l, "report-col-program", Text), col(l, "report-col-qr-shown", Integer)],
        rows: r.take_home.by_program.iter().map(|t| vec![text(t.target.clone()), t.qr_shown.into()]).collect(),
        chart: None,
    };
    let by_municipality = Table {
        id: "qr-by-municipality",
        title: l.t("report-table-qr-by-municipality"),
        columns: vec![
            col(l, "report-col-code", Text),
            col(l, "report-col-municipality", Text),
            col(l, "report-col-qr-shown", Integer),
        ],
        rows: r
            .municipalities
            .iter()
            .map(|m| vec![text(m.code.clone()), text(name(l, m)), m.qr_shown.into()])
            .collect(),
        chart: None,
    };
    Section {
        id: "take-home",
        title: l.t("report-section-take-home"),
        tables: vec![by_kind, by_program, by_municipality],
    }
}

fn operations(r: &Report, l: &dyn Labels) -> Section {
    use ColumnKind::*;
    let kiosks = Table {
        id: "operations",
        title: l.t("report-table-kiosks"),
        columns: vec![
            col(l, "report-col-kiosk", Text),
            col(l, "report-col-app-version", Text),
            col(l, "report-col-first-event", Text),
            col(l, "report-col-last-event", Text),
            col(l, "report-col-app-starts", Integer),
            col(l, "report-col-unclean-stops", Integer),
            col(l, "report-col-uptime-s", Decimal),
            col(l, "report-col-heartbeat-gaps", Integer),
            col(l, "report-col-heartbeat-gap-s", Decimal),
            col(l, "report-col-errors-config", Integer),
            col(l, "report-col-errors-database", Integer),
            col(l, "report-col-errors-asset", Integer),
            col(l, "report-col-errors-qr", Integer),
            col(l, "report-col-errors-speech", Integer),
            col(l, "report-col-clock-warnings", Integer),
            col(l, "report-col-events-dropped", Integer),
            col(l, "report-col-worst-frame-ms", Decimal),
            col(l, "report-col-staff-logins", Integer),
            col(l, "report-col-staff-login-failures", Integer),
        ],
        rows: r
            .operations
            .iter()
            .map(|k| {
                vec![
                    text(k.kiosk_id.clone()),
                    text(k.app_versions.join(", ")),
                    k.first_event.clone().map_or(Cell::Empty, Cell::Text),
                    k.last_event.clone().map_or(Cell::Empty, Cell::Text),
                    int(k.app_starts),
                    int(k.unclean_stops),
                    Cell::Decimal(k.uptime_s),
                    int(k.heartbeat_gaps),
                    Cell::Decimal(k.heartbeat_gap_s),
                    int(k.errors_config),
                    int(k.errors_database),
                    int(k.errors_asset),
                    int(k.errors_qr),
                    int(k.errors_speech),
                    int(k.clock_warnings),
                    int(k.events_dropped),
                    k.worst_frame_p99_ms.map_or(Cell::Empty, Cell::Decimal),
                    int(k.staff_logins),
                    int(k.staff_login_failures),
                ]
            })
            .collect(),
        chart: None,
    };
    let sources = Table {
        id: "sources",
        title: l.t("report-table-sources"),
        columns: vec![
            col(l, "report-col-file", Text),
            col(l, "report-col-kiosk", Text),
            col(l, "report-col-schema-version", Integer),
            col(l, "report-col-app-version", Text),
            col(l, "report-col-events", Integer),
        ],
        rows: r
            .sources
            .iter()
            .map(|s| {
                vec![
                    text(s.file.clone()),
                    text(s.kiosk_id.clone()),
                    int(s.schema_version.max(0) as u64),
                    s.app_version.clone().map_or(Cell::Empty, Cell::Text),
                    int(s.events as u64),
                ]
            })
            .chain(r.skipped_files.iter().map(|s| {
                vec![
                    text(s.file.clone()),
                    text(format!("{}: {}", l.t("report-skipped"), s.reason)),
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                ]
            }))
            .collect(),
        chart: None,
    };
    Section { id: "operations", title: l.t("report-section-operations"), tables: vec![kiosks, sources] }
}
