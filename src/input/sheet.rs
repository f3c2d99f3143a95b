//! Spreadsheets (XLSX, XLS, ODS) through calamine, turned into `;`-delimited
//! UTF-8 text with one line per sheet row, so that the CSV reader and its
//! profiles serve every format and line `n` of the text is row `n` of the
//! sheet.
//!
//! Numbers: spreadsheets store them as binary floating point. A cell is
//! written as the shortest decimal that reads back to the same float, which
//! is the decimal the spreadsheet holds; the amount parser then rejects any
//! amount with more than two decimals, so no rounding happens silently.
//! Dates: Excel serial numbers (days since 1899-12-30) become ISO dates.

use crate::i18n::Message;
use crate::msg;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use chrono::{Days, NaiveDate};

use crate::diag::{Code, Diagnostic};

/// Whether a path names a spreadsheet, by its extension.
pub fn is_spreadsheet(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xlsx", "xlsm", "xls", "xlsb", "ods"].contains(&e.to_ascii_lowercase().as_str())
    })
}

/// The names of a workbook's sheets (none if it cannot be opened).
pub fn names(path: &Path) -> Vec<String> {
    open_workbook_auto(path).map_or_else(|_| Vec::new(), |w| w.sheet_names())
}

/// The sheet as text, and the sheet's name. `sheet` picks one by name; the
/// first sheet otherwise.
pub fn to_text(path: &Path, sheet: Option<&str>) -> Result<(Vec<u8>, String), Box<Diagnostic>> {
    let fail = |what: Message| {
        Box::new(
            Diagnostic::new(
                Code::InputUnreadable,
                msg!(
                    "cannot-read",
                    file = path.display().to_string(),
                    error = what
                ),
            )
            .help(Message::new("workbook-help")),
        )
    };
    let mut workbook = open_workbook_auto(path).map_err(|e| fail(Message::plain(e.to_string())))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                Box::new(
                    Diagnostic::new(
                        Code::InputUnreadable,
                        msg!("no-sheet", file = path.display().to_string(), sheet = s),
                    )
                    .help(msg!("sheets-are", sheets = names.join(", "))),
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| fail(Message::new("workbook-no-sheet")))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| fail(Message::plain(e.to_string())))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    // Empty lines for the rows above the used range, so that line n of the
    // text is row n of the sheet.
    let mut text = vec![b'\n'; first_row as usize];
    for row in range.rows() {
        let cells =
            std::iter::repeat_n(String::new(), first_col as usize).chain(row.iter().map(cell));
        let line: Vec<String> = cells.map(|c| quote(&c)).collect();
        text.extend_from_slice(line.join(";").as_bytes());
        text.push(b'\n');
    }
    Ok((text, name))
}

fn cell(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.replace(['\n', '\r'], " "),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => serial_date(d.as_f64()).unwrap_or_else(|| d.as_f64().to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// An Excel serial date (days since 1899-12-30; the time of day is the
/// fraction, ignored) as `yyyy-mm-dd`.
pub fn serial_date(serial: f64) -> Option<String> {
    if !(0.0..3_000_000.0).contains(&serial) {
        return None;
    }
    // The range check above makes the conversion exact and lossless.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let days = serial.floor() as u64;
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    epoch
        .checked_add_days(Days::new(days))
        .map(|d| d.format("%Y-%m-%d").to_string())
}

fn quote(cell: &str) -> String {
    if cell.contains([';', '"']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_dates() {
        assert_eq!(serial_date(42971.0).as_deref(), Some("2017-08-24"));
        assert_eq!(serial_date(43465.75).as_deref(), Some("2018-12-31"));
        assert_eq!(serial_date(-1.0), None);
    }

    #[test]
    fn floats_print_as_their_shortest_decimal() {
        assert_eq!(cell(&Data::Float(1234.56)), "1234.56");
        assert_eq!(cell(&Data::Float(0.1 + 0.2)), "0.30000000000000004");
        assert_eq!(cell(&Data::Float(400000.0)), "400000");
    }
}
