//! The consumption statement as an Excel workbook (`clausier report
//! --format xlsx`): a sheet for the convention, one per table of the
//! statement, one for the findings. Amounts are numbers in a euro format
//! (negative ones in red), dates are dates, counts and years numbers; every
//! sheet has its header row frozen and a filter on its columns. The sheets
//! are written in rust_xlsxwriter's constant-memory mode (rows go to a
//! temporary file as they come), so a million findings take no memory in
//! proportion; beyond a sheet's 1,048,575 rows they go on to another sheet.
//!
//! An XLSX number is a binary double, as Excel stores every number: an
//! amount's cents are exact in it up to 2^53 cents, far beyond any
//! convention.

use std::io;

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::statement::{Findings, tables};
use super::table::{Cell, Table};
use crate::audit::Audit;
use crate::eval::statement::Statement;
use crate::i18n::{Lang, Message};

/// Rows of a sheet below its header.
const MAX_ROWS: u32 = 1_048_575;

struct Formats {
    header: Format,
    amount: Format,
    date: Format,
    month: Format,
    integer: Format,
    text: Format,
    /// Long texts (a finding's message, a waiver's reason), wrapped.
    wrapped: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold().set_background_color("F2F2F2"),
            amount: Format::new().set_num_format("#,##0.00\\ \"€\";[Red]\\-#,##0.00\\ \"€\""),
            date: Format::new()
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Left),
            month: Format::new()
                .set_num_format("mm/yyyy")
                .set_align(FormatAlign::Left),
            integer: Format::new()
                .set_num_format("0")
                .set_align(FormatAlign::Top),
            text: Format::new().set_align(FormatAlign::Top),
            wrapped: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

/// The workbook of `statements` and their findings.
pub fn workbook(
    statements: &[Statement],
    findings: Findings<'_>,
    audit: &Audit,
    lang: Lang,
) -> io::Result<Workbook> {
    workbook_of(statements, findings, audit, lang, MAX_ROWS)
}

/// The same, with at most `max_rows` lines of findings a sheet.
fn workbook_of(
    statements: &[Statement],
    findings: Findings<'_>,
    audit: &Audit,
    lang: Lang,
    max_rows: u32,
) -> io::Result<Workbook> {
    let t = |id: &'static str| lang.tr(&Message::new(id)).into_owned();
    let f = Formats::new();
    let mut book = Workbook::new();
    let mut names = Names::default();
    // Several conventions (a folder of rule files): each line names its own.
    let several = statements.len() > 1;
    let convention = t("report-col-convention");

    // A portfolio: the overview of every convention first.
    if several {
        let lines = super::overview::overview(statements);
        let overview = super::overview::table(&lines, lang);
        let sheet = new_sheet(&mut book, &mut names, &overview.heading)?;
        header(sheet, &overview.headers, &f, overview.rows.len())?;
        for (r, cells) in (1..).zip(&overview.rows) {
            row(sheet, r, cells, &f).map_err(error)?;
        }
        widths(sheet, &overview, false)?;
    }
    let sheet = new_sheet(&mut book, &mut names, &t("report-xlsx-convention"))?;
    let term = t("report-term-label");
    let heads = [
        convention.clone(),
        t("report-col-title"),
        term.trim_end_matches([' ', '\u{a0}', '\u{202f}', ':'])
            .to_owned(),
        t("report-col-situation"),
    ];
    header(sheet, &heads, &f, statements.len())?;
    for (i, st) in (1..).zip(statements) {
        let cells = [
            Cell::Text(st.convention.clone()),
            Cell::Text(st.title.clone()),
            Cell::Text(super::statement::term_text(st, lang)),
            Cell::Text(super::statement::time_and_period(st, lang).join(" ")),
        ];
        row(sheet, i, &cells, &f).map_err(error)?;
    }
    sheet.set_column_width(0, 40).map_err(error)?;
    sheet.set_column_width(1, 50).map_err(error)?;
    sheet.set_column_width(2, 70).map_err(error)?;
    sheet.set_column_width(3, 70).map_err(error)?;

    let per_statement: Vec<Vec<Table>> = statements.iter().map(|st| tables(st, lang)).collect();
    let count = per_statement.first().map_or(0, Vec::len);
    for k in 0..count {
        let Some(first) = per_statement.first().and_then(|ts| ts.get(k)) else {
            continue;
        };
        let mut heads = Vec::new();
        if several {
            heads.push(convention.clone());
        }
        heads.extend(first.headers.iter().cloned());
        let lines: usize = per_statement
            .iter()
            .map(|ts| ts.get(k).map_or(0, |t| t.rows.len()))
            .sum();
        if lines > MAX_ROWS as usize {
            let line = crate::msg!("report-xlsx-too-many-rows", table = first.heading.as_str())
                .count("rows", lines);
            return Err(io::Error::other(lang.tr(&line).into_owned()));
        }
        let sheet = new_sheet(&mut book, &mut names, &first.heading)?;
        header(sheet, &heads, &f, lines)?;
        let mut r = 1;
        for (st, ts) in statements.iter().zip(&per_statement) {
            for cells in ts.get(k).iter().flat_map(|t| &t.rows) {
                let mut line = Vec::with_capacity(cells.len() + 1);
                if several {
                    line.push(Cell::Text(st.convention.clone()));
                }
                line.extend(cells.iter().cloned());
                row(sheet, r, &line, &f).map_err(error)?;
                r += 1;
            }
        }
        widths(sheet, first, several)?;
    }

    // The findings, as they come; a full sheet goes on to the next.
    let heads = [
        "code".to_owned(),
        t("report-col-severity"),
        t("report-col-message"),
        t("report-col-file"),
        t("report-col-row"),
        t("report-col-waived"),
    ];
    let heading = t("report-findings-heading");
    let total = findings.count;
    let rows_in = |n: u64| {
        let left = total.saturating_sub(n * u64::from(max_rows));
        usize::try_from(left.min(u64::from(max_rows))).unwrap_or(0)
    };
    let first = new_sheet(&mut book, &mut names, &heading)?;
    header(first, &heads, &f, rows_in(0))?;
    findings_widths(first).map_err(error)?;
    let mut sheet_of_row = 0;
    let mut written: u64 = 0;
    (findings.each)(&mut |line| {
        let n = written / u64::from(max_rows);
        let r = u32::try_from(written % u64::from(max_rows)).unwrap_or(0) + 1;
        written += 1;
        if n > sheet_of_row {
            sheet_of_row = n;
            let name = names.unique(&format!("{heading} ({})", n + 1));
            let sheet = book.add_worksheet_with_constant_memory();
            sheet.set_name(&name).map_err(error)?;
            header(sheet, &heads, &f, rows_in(n))?;
            findings_widths(sheet).map_err(error)?;
        }
        let Some(sheet) = book.worksheets_mut().last_mut() else {
            return Ok(());
        };
        let (file, number) = match line.row.as_deref().and_then(|r| r.rsplit_once(':')) {
            Some((file, number)) => (file.to_owned(), number.parse::<usize>().ok()),
            None => (line.row.clone().unwrap_or_default(), None),
        };
        let cells = [
            Cell::Text(line.code.clone()),
            Cell::Text(line.severity.clone()),
            Cell::Text(line.message.clone()),
            Cell::Text(file),
            number.map_or(Cell::Text(String::new()), Cell::Count),
            Cell::Text(line.waived.clone().unwrap_or_default()),
        ];
        // The message and the waiver's reason wrap in their columns (80
        // and 40 characters wide), the row as high as their lines.
        let lines = |text: &str, width: usize| text.chars().count().div_ceil(width).max(1);
        let high = lines(&line.message, 76).max(lines(line.waived.as_deref().unwrap_or(""), 38));
        if high > 1 {
            let points = 15.0 * high.min(20) as f64;
            sheet.set_row_height(r, points).map_err(error)?;
        }
        row_wrapping(sheet, r, &cells, &f, &[2, 5]).map_err(error)
    })?;

    // Who made the statement, from what.
    let sheet = new_sheet(&mut book, &mut names, &t("report-audit-heading"))?;
    let heads = [
        t("report-col-file"),
        t("report-col-role"),
        t("report-col-bytes"),
        "SHA-256".to_owned(),
    ];
    header(sheet, &heads, &f, audit.files.len())?;
    for (i, file) in (1..).zip(&audit.files) {
        let cells = [
            Cell::Text(file.path.clone()),
            Cell::Text(file.role.to_owned()),
            Cell::Count(usize::try_from(file.bytes).unwrap_or(usize::MAX)),
            Cell::Text(file.sha256.clone().unwrap_or_default()),
        ];
        row(sheet, i, &cells, &f).map_err(error)?;
    }
    for (c, width) in (0..).zip([50.0, 10.0, 12.0, 70.0]) {
        sheet.set_column_width(c, width).map_err(error)?;
    }
    Ok(book)
}

fn error(e: XlsxError) -> io::Error {
    io::Error::other(e.to_string())
}

/// Sheet names as Excel allows them: at most 31 characters, none of
/// `[]:*?/\`, unique whatever the case.
#[derive(Default)]
struct Names(Vec<String>);

impl Names {
    fn unique(&mut self, wanted: &str) -> String {
        let clean: String = wanted
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
            .collect();
        let base: String = clean.trim_matches('\'').chars().take(31).collect();
        let mut name = base.clone();
        let mut n = 2;
        while self
            .0
            .iter()
            .any(|u| u.to_lowercase() == name.to_lowercase())
        {
            let suffix = format!(" ({n})");
            name = base
                .chars()
                .take(31 - suffix.chars().count())
                .collect::<String>()
                + &suffix;
            n += 1;
        }
        self.0.push(name.clone());
        name
    }
}

fn new_sheet<'b>(
    book: &'b mut Workbook,
    names: &mut Names,
    wanted: &str,
) -> io::Result<&'b mut Worksheet> {
    let name = names.unique(wanted);
    let sheet = book.add_worksheet_with_constant_memory();
    sheet.set_name(&name).map_err(error)?;
    Ok(sheet)
}

/// The header row, frozen, with a filter over `lines` rows below it; the
/// sheet prints on A4 in landscape, one page wide, the header row on every
/// page.
fn header(sheet: &mut Worksheet, heads: &[String], f: &Formats, lines: usize) -> io::Result<()> {
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_print_gridlines(true);
    sheet.set_repeat_rows(0, 0).map_err(error)?;
    for (c, head) in (0..).zip(heads) {
        sheet
            .write_string_with_format(0, c, head, &f.header)
            .map_err(error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(error)?;
    let last_col = u16::try_from(heads.len().saturating_sub(1)).unwrap_or(0);
    let last_row = u32::try_from(lines).unwrap_or(MAX_ROWS).min(MAX_ROWS);
    sheet.autofilter(0, 0, last_row, last_col).map_err(error)?;
    Ok(())
}

fn row(sheet: &mut Worksheet, r: u32, cells: &[Cell], f: &Formats) -> Result<(), XlsxError> {
    row_wrapping(sheet, r, cells, f, &[])
}

/// A row, the texts of the columns `wrap` wrapped.
fn row_wrapping(
    sheet: &mut Worksheet,
    r: u32,
    cells: &[Cell],
    f: &Formats,
    wrap: &[u16],
) -> Result<(), XlsxError> {
    for (c, cell) in (0..).zip(cells) {
        match cell {
            Cell::Text(text) | Cell::Link(text, _) if text.is_empty() => {}
            Cell::Text(text) | Cell::Link(text, _) => {
                let format = if wrap.contains(&c) {
                    &f.wrapped
                } else {
                    &f.text
                };
                sheet.write_string_with_format(r, c, text, format)?;
            }
            Cell::Amount(amount) => {
                if let Some(value) = amount.and_then(|a| a.to_decimal().to_f64()) {
                    sheet.write_number_with_format(r, c, value, &f.amount)?;
                }
            }
            Cell::Count(n) => {
                let n = u32::try_from(*n).map_or(f64::from(u32::MAX), f64::from);
                sheet.write_number_with_format(r, c, n, &f.integer)?;
            }
            Cell::Date(Some(d)) => {
                sheet.write_datetime_with_format(r, c, d, &f.date)?;
            }
            Cell::Date(None) => {}
            Cell::Month(y, m) => {
                if let Some(d) = chrono::NaiveDate::from_ymd_opt(*y, *m, 1) {
                    sheet.write_datetime_with_format(r, c, d, &f.month)?;
                }
            }
            Cell::Year(y) => {
                sheet.write_number_with_format(r, c, f64::from(*y), &f.integer)?;
            }
        }
    }
    Ok(())
}

/// Column widths from the table's first row: wide for text, narrower for
/// figures.
fn widths(sheet: &mut Worksheet, table: &Table, several: bool) -> io::Result<()> {
    let shift = u16::from(several);
    if several {
        sheet.set_column_width(0, 36).map_err(error)?;
    }
    for (c, head) in (0..).zip(&table.headers) {
        let kind = table.rows.first().and_then(|r| r.get(usize::from(c)));
        let width = match kind {
            Some(Cell::Text(_)) => 40.0,
            Some(Cell::Amount(_)) => 18.0,
            _ => (head.chars().count() as f64 + 4.0).max(12.0),
        };
        sheet.set_column_width(c + shift, width).map_err(error)?;
    }
    Ok(())
}

fn findings_widths(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    for (c, width) in (0..).zip([24.0, 14.0, 80.0, 36.0, 8.0, 40.0]) {
        sheet.set_column_width(c, width)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::statement::FindingLine;

    #[test]
    fn findings_beyond_a_sheet_go_on_to_the_next() {
        let lines: Vec<FindingLine> = (1..=5)
            .map(|n| FindingLine {
                code: "ceiling.exceeded".to_owned(),
                severity: "error".to_owned(),
                message: format!("finding {n}"),
                row: Some(format!("export.csv:{}", n + 1)),
                waived: None,
            })
            .collect();
        let findings = Findings {
            count: 5,
            each: Box::new(|write| lines.iter().try_for_each(write)),
        };
        let audit = Audit {
            tool: "clausier",
            version: "test",
            evaluated_at: String::new(),
            arguments: Vec::new(),
            files: Vec::new(),
        };
        let mut book = workbook_of(&[], findings, &audit, Lang::En, 2).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let mut read: calamine::Xlsx<_> = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        use calamine::Reader;
        let names = read.sheet_names();
        assert!(
            names.ends_with(&[
                "Findings".to_owned(),
                "Findings (2)".to_owned(),
                "Findings (3)".to_owned(),
                "Audit record".to_owned()
            ]),
            "{names:?}"
        );
        let lines: Vec<usize> = ["Findings", "Findings (2)", "Findings (3)"]
            .iter()
            .map(|n| read.worksheet_range(n).unwrap().rows().count() - 1)
            .collect();
        assert_eq!(lines, [2, 2, 1]);
        let last = read.worksheet_range("Findings (3)").unwrap();
        assert_eq!(
            last.get((1, 2)),
            Some(&calamine::Data::String("finding 5".into()))
        );
        assert_eq!(last.get((1, 4)), Some(&calamine::Data::Float(6.0)));
    }
}
