//! HTML: one self-contained file (inline CSS and SVG charts, no network), printable on A4 landscape with a
//! Japanese font stack. Tables only: no raw events.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::model::Report;
use super::tables::{Cell, ChartKind, ColumnKind, Labels, Section, Table};
use super::{ReportError, write_atomically};

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "BIZ UDPGothic", "BIZ UDGothic", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Meiryo", sans-serif;
       color: #1d2b24; margin: 0 auto; max-width: 273mm; font-size: 9.5pt; line-height: 1.45; }
h1 { font-size: 17pt; margin: 0 0 2mm; color: #1f6b45; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.6mm solid #2e8b57; color: #1f6b45;
     break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.meta { color: #44574c; margin: 0 0 3mm; }
.privacy { background: #eef6f0; border-left: 1.2mm solid #2e8b57; padding: 2mm 3mm; margin: 3mm 0; }
table { border-collapse: collapse; margin: 0 0 2mm; break-inside: auto; }
tr { break-inside: avoid; }
th, td { border: 0.2mm solid #c5d3ca; padding: 0.6mm 1.6mm; vertical-align: top; }
th { background: #e3efe7; font-weight: bold; text-align: left; font-size: 8.5pt; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.w { text-align: right; color: #7a8a80; }
.wide th, .wide td { font-size: 7.8pt; padding: 0.4mm 1mm; }
.pair { display: flex; gap: 6mm; align-items: flex-start; flex-wrap: wrap; }
svg { display: block; margin: 1mm 0 3mm; }
svg text { font-family: inherit; font-size: 10px; fill: #1d2b24; }
.heat td.n { min-width: 9mm; }
"#;

fn cell_html(c: &Cell, kind: ColumnKind, heat: Option<f64>) -> String {
    let text = escape(&c.text());
    match (c, kind) {
        (Cell::Withheld, _) => format!("<td class=\"w\">{text}</td>"),
        (_, ColumnKind::Text) => format!("<td>{text}</td>"),
        _ => match heat {
            Some(x) if x > 0.0 => {
                // Green ramp for the hourly heatmap; dark cells get light text.
                let light = 96.0 - 56.0 * x;
                let fg = if x > 0.6 { "#ffffff" } else { "#1d2b24" };
                format!("<td class=\"n\" style=\"background:hsl(146,45%,{light:.0}%);color:{fg}\">{text}</td>")
            }
            _ => format!("<td class=\"n\">{text}</td>"),
        },
    }
}

fn table_html(t: &Table, out: &mut String) {
    let heat = t.id == "sessions-by-hour";
    let max = if heat { t.rows.iter().flatten().filter_map(Cell::number).fold(0.0, f64::max) } else { 0.0 };
    let class = match (heat, t.columns.len() > 8) {
        (true, _) => " class=\"heat\"",
        (false, true) => " class=\"wide\"",
        _ => "",
    };
    let _ = write!(out, "<h3>{}</h3>\n<table{class}><thead><tr>", escape(&t.title));
    for c in &t.columns {
        let _ = write!(out, "<th>{}</th>", escape(&c.header));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (cell, col) in row.iter().zip(&t.columns) {
            let h = (heat && max > 0.0).then(|| cell.number().unwrap_or(0.0) / max);
            out.push_str(&cell_html(cell, col.kind, h));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

/// A bar chart as inline SVG; withheld and empty values are drawn as no bar with "<3" or "–".
fn chart_svg(t: &Table, out: &mut String) {
    let Some(chart) = &t.chart else { return };
    if t.rows.is_empty() {
        return;
    }
    let values: Vec<Option<f64>> = t.rows.iter().map(|r| r.get(chart.value_column).and_then(Cell::number)).collect();
    let labels: Vec<String> = t.rows.iter().map(|r| r.first().map(Cell::text).unwrap_or_default()).collect();
    let max = values.iter().flatten().fold(0.0_f64, |a, b| a.max(*b)).max(1.0);
    let fill = "#2e8b57";
    match chart.kind {
        ChartKind::Column => {
            let (w, h, left, bottom, top) = (640.0, 220.0, 36.0, 24.0, 22.0);
            let n = values.len() as f64;
            let slot = (w - left - 8.0) / n;
            let _ = write!(
                out,
                "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
                escape(&chart.title)
            );
            let _ = write!(out, "<text x=\"{left}\" y=\"14\" font-weight=\"bold\">{}</text>", escape(&chart.title));
            let plot = h - bottom - top;
            let _ = write!(
                out,
                "<line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#9aa\"/>",
                h - bottom,
                w - 8.0,
                h - bottom
            );
            let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                left - 4.0,
                top + 8.0,
                fmt_num(max)
            );
            for (i, (v, label)) in values.iter().zip(&labels).enumerate() {
                let x = left + slot * i as f64;
                if let Some(v) = v {
                    let bh = plot * v / max;
                    let _ = write!(
                        out,
                        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bh:.1}\" fill=\"{fill}\"/>",
                        x + slot * 0.15,
                        h - bottom - bh,
                        slot * 0.7
                    );
                } else {
                    let _ = write!(
                        out,
                        "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#789\">{}</text>",
                        x + slot / 2.0,
                        h - bottom - 4.0,
                        escape(&t.rows[i][chart.value_column].text())
                    );
                }
                let _ = write!(
                    out,
                    "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                    x + slot / 2.0,
                    h - 8.0,
                    escape(label)
                );
            }
            out.push_str("</svg>\n");
        }
        ChartKind::Bar => {
            let (w, bar, left, top) = (640.0, 16.0, 200.0, 22.0);
            let h = top + bar * values.len() as f64 + 6.0;
            let plot = w - left - 60.0;
            let _ = write!(
                out,
                "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">",
                escape(&chart.title)
            );
            let _ = write!(out, "<text x=\"0\" y=\"14\" font-weight=\"bold\">{}</text>", escape(&chart.title));
            for (i, (v, label)) in values.iter().zip(&labels).enumerate() {
                let y = top + bar * i as f64;
                let _ = write!(
                    out,
                    "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
                    left - 6.0,
                    y + bar * 0.72,
                    escape(label)
                );
                let shown = t.rows[i][chart.value_column].text();
                let bw = v.map_or(0.0, |v| plot * v / max);
                if bw > 0.0 {
                    let _ = write!(
                        out,
                        "<rect x=\"{left}\" y=\"{:.1}\" width=\"{bw:.1}\" height=\"{:.1}\" fill=\"{fill}\"/>",
                        y + 2.0,
                        bar - 4.0
                    );
                }
                let _ = write!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
                    left + bw + 4.0,
                    y + bar * 0.72,
                    escape(if shown.is_empty() { "–" } else { &shown })
                );
            }
            out.push_str("</svg>\n");
        }
    }
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x:.1}") }
}

pub fn document(report: &Report, sections: &[Section], l: &dyn Labels) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let lang = l.lang().code();
    let title = l.t("report-title");
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{CSS}</style></head><body>\n",
        escape(&title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    let period = match (&report.from, &report.to) {
        (None, None) => l.t("report-period-all"),
        (a, b) => format!("{} – {}", a.as_deref().unwrap_or("…"), b.as_deref().unwrap_or("…")),
    };
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} · {} · {} · midori-kiosk {}</p>",
        escape(&report.booth_id),
        escape(&period),
        escape(&format!("{}: {}", l.t("report-item-time-zone"), report.time_zone)),
        escape(&report.app_version)
    );
    let _ = writeln!(out, "<p class=\"privacy\">{}</p>", escape(&l.t("report-privacy-rule")));
    for s in sections {
        let _ = writeln!(out, "<h2>{}</h2>", escape(&s.title));
        for t in &s.tables {
            if t.chart.is_some() {
                out.push_str("<div class=\"pair\"><div>");
                table_html(t, &mut out);
                out.push_str("</div><div>");
                chart_svg(t, &mut out);
                out.push_str("</div></div>\n");
            } else {
                table_html(t, &mut out);
            }
        }
    }
    out.push_str("</body></html>\n");
    out
}

pub fn write(report: &Report, sections: &[Section], l: &dyn Labels, path: &Path) -> Result<PathBuf, ReportError> {
    write_atomically(path, document(report, sections, l).as_bytes())
}
