//! XLSX: one sheet per section; each table a real Excel table (filter buttons, banded rows) with number
//! formats, the first table's header frozen, and native charts beside the tables that have one.

use rust_xlsxwriter::{
    Chart as XlsxChart, ChartType, Format, FormatAlign, Table as XlsxTable, TableColumn, Workbook, Worksheet, XlsxError,
};
use std::path::{Path, PathBuf};

use super::tables::{Cell, ChartKind, ColumnKind, Labels, Section, Table};
use super::{ReportError, write_atomically};

struct Formats {
    title: Format,
    integer: Format,
    decimal: Format,
    withheld: Format,
    long_text: Format,
}

/// Excel sheet names: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(title: &str) -> String {
    title.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect()
}

fn write_table(ws: &mut Worksheet, sheet: &str, top: u32, t: &Table, f: &Formats) -> Result<u32, XlsxError> {
    ws.write_string_with_format(top, 0, &t.title, &f.title)?;
    let header = top + 1;
    if t.rows.is_empty() {
        for (c, col) in t.columns.iter().enumerate() {
            ws.write_string(header, c as u16, &col.header)?;
        }
        return Ok(header + 1);
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = header + 1 + r as u32;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) if s.chars().count() > 40 => {
                    ws.write_string_with_format(r, c, s, &f.long_text).map(|_| ())?
                }
                Cell::Text(s) => ws.write_string(r, c, s).map(|_| ())?,
                Cell::Integer(n) => ws.write_number_with_format(r, c, *n as f64, &f.integer).map(|_| ())?,
                Cell::Decimal(x) => ws.write_number_with_format(r, c, *x, &f.decimal).map(|_| ())?,
                Cell::Withheld => ws.write_string_with_format(r, c, super::WITHHELD, &f.withheld).map(|_| ())?,
                Cell::Empty => {}
            }
        }
    }
    let last = header + t.rows.len() as u32;
    let columns: Vec<TableColumn> = t
        .columns
        .iter()
        .map(|c| {
            let col = TableColumn::new().set_header(&c.header);
            match c.kind {
                ColumnKind::Text => col,
                ColumnKind::Integer => col.set_format(&f.integer),
                ColumnKind::Decimal => col.set_format(&f.decimal),
            }
        })
        .collect();
    let table = XlsxTable::new().set_columns(&columns).set_name(format!("T_{}", t.id.replace('-', "_")));
    ws.add_table(header, 0, last, (t.columns.len() - 1) as u16, &table)?;
    if let Some(chart) = &t.chart {
        let mut c = XlsxChart::new(match chart.kind {
            ChartKind::Column => ChartType::Column,
            ChartKind::Bar => ChartType::Bar,
        });
        c.add_series()
            .set_categories((sheet, header + 1, 0, last, 0))
            .set_values((sheet, header + 1, chart.value_column as u16, last, chart.value_column as u16))
            .set_name(t.columns[chart.value_column].header.as_str());
        c.title().set_name(chart.title.as_str());
        c.legend().set_hidden();
        c.set_width(640).set_height((20 * t.rows.len() as u32 + 120).clamp(300, 900));
        ws.insert_chart(top, t.columns.len() as u16 + 1, &c)?;
    }
    Ok(last + 1)
}

fn build(sections: &[Section], labels: &dyn Labels) -> Result<Vec<u8>, XlsxError> {
    let font = if labels.lang() == crate::lang::Lang::Ja { "BIZ UDPGothic" } else { "Calibri" };
    let f = Formats {
        title: Format::new().set_bold().set_font_size(13).set_font_name(font),
        integer: Format::new().set_num_format("#,##0").set_font_name(font),
        decimal: Format::new().set_num_format("#,##0.0").set_font_name(font),
        withheld: Format::new().set_align(FormatAlign::Right).set_font_name(font),
        long_text: Format::new().set_text_wrap().set_font_name(font),
    };
    let mut wb = Workbook::new();
    for s in sections {
        let name = sheet_name(&s.title);
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        let mut row = 0;
        for (i, t) in s.tables.iter().enumerate() {
            if i == 0 {
                // Keep the first table's title and header in view while scrolling.
                ws.set_freeze_panes(2, 0)?;
            }
            let chart_rows = t.chart.as_ref().map_or(0, |_| (t.rows.len() as u32).max(16));
            let end = write_table(ws, &name, row, t, &f)?;
            row = end.max(row + chart_rows) + 2;
        }
        ws.set_autofit_max_width(280);
        ws.autofit();
        // Printed: A4 landscape, as wide as one page.
        ws.set_paper_size(9).set_landscape().set_print_fit_to_pages(1, 0);
    }
    wb.save_to_buffer()
}

pub fn write(sections: &[Section], labels: &dyn Labels, path: &Path) -> Result<PathBuf, ReportError> {
    let bytes = build(sections, labels)
        .map_err(|e| ReportError::Output { path: path.display().to_string(), reason: e.to_string() })?;
    write_atomically(path, &bytes)
}
