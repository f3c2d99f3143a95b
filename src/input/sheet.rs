//! Spreadsheets (XLSX, XLSB, XLS, ODS) turned into `;`-delimited UTF-8
//! text with one line per sheet row, so that the CSV reader and its
//! profiles serve every format and line `n` of the text is row `n` of the
//! sheet (rows the file omits are empty lines).
//!
//! XLSX and XLSB are streamed ([`stream`]): a thread reads the sheet's
//! cells as the zip entry is inflated (clausier's own reader for XLSX,
//! [`super::xlsx`]; calamine's cell reader for XLSB) and hands the text on
//! in 64 KiB pieces through a channel of four, writing each piece to an
//! anonymous spool file too, from which a finding's row is read back.
//! Memory is the shared strings, one piece in hand and four waiting,
//! whatever the number of rows. XLS and ODS, which calamine reads only
//! whole, are turned into text in memory ([`to_text`]).
//!
//! Numbers: spreadsheets store them as binary floating point. A cell is
//! written as the shortest decimal that reads back to the same float, which
//! is the decimal the spreadsheet holds; the amount parser then rejects any
//! amount with more than two decimals, so no rounding happens silently.
//! Dates: Excel serial numbers (days since 1899-12-30) become ISO dates.

use crate::i18n::Message;
use crate::msg;
use std::path::Path;

use std::io::Read;
use std::sync::mpsc::{SyncSender, sync_channel};

use calamine::{Data, DataRef, Reader, Xlsb, open_workbook, open_workbook_auto};

use super::pump::{Piped, Pump, field_text};
use super::xlsx::Book;

use crate::diag::{Code, Diagnostic};

/// Whether a path names a spreadsheet, by its extension.
pub fn is_spreadsheet(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xlsx", "xlsm", "xls", "xlsb", "ods"].contains(&e.to_ascii_lowercase().as_str())
    })
}

/// The names of a workbook's sheets (none if it cannot be opened).
pub fn names(path: &Path) -> Vec<String> {
    if is_xlsx(path) {
        return Book::open(path).map_or_else(|_| Vec::new(), |b| b.names());
    }
    open_workbook_auto(path).map_or_else(|_| Vec::new(), |w| w.sheet_names())
}

/// Whether a path names an XLSX workbook (or its macro-enabled kind).
fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"))
}

/// A streamed sheet: its text as a reader, the first bytes already read
/// (for detecting the layout) and the spool file its rows are read back
/// from.
pub struct Streamed {
    pub sheet: String,
    pub reader: Box<dyn Read + Send>,
    pub spool: std::sync::Arc<tempfile::TempPath>,
}

/// Streams the sheet of an XLSX or XLSB workbook as text (see the module's
/// documentation); `Ok(None)` for the formats read whole.
pub fn stream(path: &Path, sheet: Option<&str>) -> Result<Option<Streamed>, Box<Diagnostic>> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let binary = match ext.as_str() {
        "xlsx" | "xlsm" => false,
        "xlsb" => true,
        _ => return Ok(None),
    };
    let shown = path.display().to_string();
    let (file, spool) = tempfile::NamedTempFile::new()
        .map_err(|e| Box::new(crate::input::unreadable(&shown, &e)))?
        .into_parts();
    let (opened_tx, opened_rx) = sync_channel::<Result<String, Box<Diagnostic>>>(1);
    let (tx, rx) = sync_channel::<Result<Vec<u8>, Message>>(4);
    let owned = path.to_path_buf();
    let wanted = sheet.map(str::to_owned);
    let spawned = std::thread::Builder::new()
        .name("sheet".to_owned())
        .spawn(move || {
            let mut pump = Pump::new(tx, file);
            let ended = if binary {
                stream_xlsb(&owned, wanted.as_deref(), &opened_tx, &mut pump)
            } else {
                stream_xlsx(&owned, wanted.as_deref(), &opened_tx, &mut pump)
            };
            let ended = ended.and_then(|()| pump.finish());
            if let Err(e) = ended {
                pump.fail(e);
            }
        });
    if let Err(e) = spawned {
        return Err(Box::new(crate::input::unreadable(&shown, &e)));
    }
    let sheet = match opened_rx.recv() {
        Ok(Ok(name)) => name,
        Ok(Err(d)) => return Err(d),
        Err(_) => {
            let e = std::io::Error::other("the sheet's reading thread stopped");
            return Err(Box::new(crate::input::unreadable(&shown, &e)));
        }
    };
    Ok(Some(Streamed {
        sheet,
        reader: Box::new(Piped::new(rx)),
        spool: std::sync::Arc::new(spool),
    }))
}

/// The sheet to read among `names`, or why none.
fn pick(path: &Path, names: &[String], sheet: Option<&str>) -> Result<String, Box<Diagnostic>> {
    match sheet {
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
            }),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| unreadable_workbook(path, Message::new("workbook-no-sheet"))),
    }
}

/// A workbook that cannot be read: what the reader said, and which
/// formats clausier reads.
pub fn unreadable_workbook(path: &Path, what: Message) -> Box<Diagnostic> {
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
}

type Opened = SyncSender<Result<String, Box<Diagnostic>>>;

/// The sheet to read ([`pick`]); when there is none, why is said on
/// `opened` and the reading thread has nothing more to do.
fn picked(path: &Path, names: &[String], sheet: Option<&str>, opened: &Opened) -> Option<String> {
    pick(path, names, sheet)
        .map_err(|d| {
            let _ = opened.send(Err(d));
        })
        .ok()
}

/// Opens an XLSX workbook, picks its sheet, says so on `opened` (or why
/// not), then reads its cells with clausier's own reader ([`super::xlsx`]).
fn stream_xlsx(
    path: &Path,
    sheet: Option<&str>,
    opened: &Opened,
    pump: &mut Pump,
) -> Result<(), Message> {
    let book = match Book::open(path) {
        Ok(book) => book,
        Err(e) => {
            let _ = opened.send(Err(unreadable_workbook(path, e)));
            return Ok(());
        }
    };
    let Some(name) = picked(path, &book.names(), sheet, opened) else {
        return Ok(());
    };
    if opened.send(Ok(name.clone())).is_err() {
        return Ok(());
    }
    book.read(&name, pump)
}

/// The same for XLSB, through calamine's cell reader.
fn stream_xlsb(
    path: &Path,
    sheet: Option<&str>,
    opened: &Opened,
    pump: &mut Pump,
) -> Result<(), Message> {
    let fail = |e: String| {
        let _ = opened.send(Err(unreadable_workbook(path, Message::plain(e))));
        Ok(())
    };
    let mut workbook: Xlsb<_> = match open_workbook(path) {
        Ok(w) => w,
        Err(e) => return fail(e.to_string()),
    };
    let Some(name) = picked(path, &workbook.sheet_names(), sheet, opened) else {
        return Ok(());
    };
    let mut cells = match workbook.worksheet_cells_reader(&name) {
        Ok(c) => c,
        Err(e) => return fail(e.to_string()),
    };
    if opened.send(Ok(name)).is_err() {
        return Ok(());
    }
    while let Some(cell) = cells
        .next_cell()
        .map_err(|e| Message::plain(e.to_string()))?
    {
        let (row, col) = cell.get_position();
        write_cell(pump.at(row, col), cell.get_value());
        pump.commit()?;
    }
    Ok(())
}

/// A cell read by calamine, as text.
fn write_cell(out: &mut Vec<u8>, value: &DataRef<'_>) {
    let shown: std::borrow::Cow<'_, str> = match value {
        DataRef::Empty => return,
        DataRef::String(s) => s.as_str().into(),
        DataRef::SharedString(s) => (*s).into(),
        DataRef::Int(i) => i.to_string().into(),
        DataRef::Float(f) => f.to_string().into(),
        DataRef::Bool(b) => b.to_string().into(),
        DataRef::DateTime(d) => match d.as_datetime() {
            Some(t) if !d.is_duration() => t.date().format("%Y-%m-%d").to_string().into(),
            _ => d.as_f64().to_string().into(),
        },
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.as_str().into(),
        DataRef::Error(e) => error_text(e).into(),
    };
    field_text(out, &shown);
}

/// An error cell as the spreadsheet shows it.
fn error_text(e: &calamine::CellErrorType) -> &'static str {
    use calamine::CellErrorType as E;
    match e {
        E::Div0 => "#DIV/0!",
        E::NA => "#N/A",
        E::Name => "#NAME?",
        E::Null => "#NULL!",
        E::Num => "#NUM!",
        E::Ref => "#REF!",
        E::Value => "#VALUE!",
        E::GettingData => "#GETTING_DATA",
    }
}

/// The sheet as text, and the sheet's name. `sheet` picks one by name; the
/// first sheet otherwise.
pub fn to_text(path: &Path, sheet: Option<&str>) -> Result<(Vec<u8>, String), Box<Diagnostic>> {
    let fail = |e: calamine::Error| unreadable_workbook(path, Message::plain(e.to_string()));
    let mut workbook = open_workbook_auto(path).map_err(fail)?;
    let name = pick(path, &workbook.sheet_names(), sheet)?;
    let range = workbook.worksheet_range(&name).map_err(fail)?;
    Ok((range_text(&range), name))
}

/// A sheet's cells as `;`-separated text: empty lines for the rows above
/// the used range, so that line n of the text is row n of the sheet, and
/// empty fields for the columns left of it.
fn range_text(range: &calamine::Range<Data>) -> Vec<u8> {
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut text = vec![b'\n'; first_row as usize];
    for row in range.rows() {
        text.extend(std::iter::repeat_n(b';', first_col as usize));
        for (i, data) in row.iter().enumerate() {
            if i > 0 {
                text.push(b';');
            }
            write_cell(&mut text, &borrowed(data));
        }
        text.push(b'\n');
    }
    text
}

/// [`to_text`] for a workbook held in memory (`name` for messages and
/// its format): no file, no thread, the sheet read whole (what a browser
/// page gives).
pub fn bytes_to_text(
    name: &str,
    bytes: Vec<u8>,
    sheet: Option<&str>,
) -> Result<(Vec<u8>, String), Box<Diagnostic>> {
    let path = Path::new(name);
    let fail = |e: calamine::Error| unreadable_workbook(path, Message::plain(e.to_string()));
    let mut workbook =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(fail)?;
    let name = pick(path, &workbook.sheet_names(), sheet)?;
    let range = workbook.worksheet_range(&name).map_err(fail)?;
    Ok((range_text(&range), name))
}

/// A cell read whole as a streamed one, borrowing its text.
fn borrowed(data: &Data) -> DataRef<'_> {
    match data {
        Data::Empty => DataRef::Empty,
        Data::String(s) => DataRef::SharedString(s),
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(data: &Data) -> String {
        let mut out = Vec::new();
        write_cell(&mut out, &borrowed(data));
        String::from_utf8(out).unwrap()
    }

    fn date(serial: f64, is_1904: bool) -> String {
        let kind = calamine::ExcelDateTimeType::DateTime;
        cell(&Data::DateTime(calamine::ExcelDateTime::new(
            serial, kind, is_1904,
        )))
    }

    #[test]
    fn serial_dates() {
        assert_eq!(date(42971.0, false), "2017-08-24");
        assert_eq!(date(43465.75, false), "2018-12-31");
        // The same day in the 1904 system, 1,462 days fewer.
        assert_eq!(date(41509.0, true), "2017-08-24");
    }

    #[test]
    fn floats_print_as_their_shortest_decimal() {
        assert_eq!(cell(&Data::Float(1234.56)), "1234.56");
        assert_eq!(cell(&Data::Float(0.1 + 0.2)), "0.30000000000000004");
        assert_eq!(cell(&Data::Float(400000.0)), "400000");
    }

    #[test]
    fn quotes_and_line_ends_in_cells() {
        assert_eq!(cell(&Data::String("a;\"b\"".into())), "\"a;\"\"b\"\"\"");
        assert_eq!(cell(&Data::String("a\nb".into())), "a b");
    }
}
