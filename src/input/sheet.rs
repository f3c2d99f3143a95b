//! Spreadsheets (XLSX, XLSB, XLS, ODS) through calamine, turned into
//! `;`-delimited UTF-8 text with one line per sheet row, so that the CSV
//! reader and its profiles serve every format and line `n` of the text is
//! row `n` of the sheet (rows the file omits are empty lines).
//!
//! XLSX and XLSB are streamed ([`stream`]): a thread reads the sheet's
//! cells as the zip entry is inflated (calamine's cell reader) and hands
//! the text on in 64 KiB pieces through a channel of four, writing each
//! piece to an anonymous spool file too, from which a finding's row is read
//! back. Memory is the shared strings, one piece in hand and four waiting,
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

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use calamine::{Data, DataRef, Reader, Xlsb, Xlsx, open_workbook, open_workbook_auto};

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

/// Bytes of text handed on at a time by a streamed sheet.
const PIECE: usize = 64 << 10;

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
    let (tx, rx) = sync_channel::<Result<Vec<u8>, String>>(4);
    let owned = path.to_path_buf();
    let wanted = sheet.map(str::to_owned);
    let spawned = std::thread::Builder::new()
        .name("sheet".to_owned())
        .spawn(move || {
            let mut pump = Pump {
                piece: Vec::with_capacity(PIECE + 4096),
                tx,
                spool: file,
                row: 0,
                fields: 0,
            };
            let ended = if binary {
                stream_xlsb(&owned, wanted.as_deref(), &opened_tx, &mut pump)
            } else {
                stream_xlsx(&owned, wanted.as_deref(), &opened_tx, &mut pump)
            };
            let ended = ended.and_then(|()| pump.finish());
            if let Err(e) = ended {
                let _ = pump.tx.send(Err(e));
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
        reader: Box::new(Piped {
            rx,
            piece: Vec::new(),
            at: 0,
        }),
        spool: std::sync::Arc::new(spool),
    }))
}

/// Text made of a sheet's cells, handed on in pieces.
struct Pump {
    piece: Vec<u8>,
    tx: SyncSender<Result<Vec<u8>, String>>,
    spool: std::fs::File,
    /// The sheet row the text is at (0 for line 1).
    row: u32,
    /// Fields begun on the current line.
    fields: u32,
}

impl Pump {
    /// One cell, at its position: lines and separators up to it first.
    fn cell(&mut self, (row, col): (u32, u32), value: &DataRef<'_>) -> Result<(), String> {
        if row > self.row {
            for _ in self.row..row {
                self.piece.push(b'\n');
            }
            self.row = row;
            self.fields = 0;
        }
        for i in self.fields..=col {
            if i > 0 {
                self.piece.push(b';');
            }
        }
        self.fields = self.fields.max(col.saturating_add(1));
        write_cell(&mut self.piece, value);
        if self.piece.len() >= PIECE {
            self.send()?;
        }
        Ok(())
    }

    fn send(&mut self) -> Result<(), String> {
        let piece = std::mem::replace(&mut self.piece, Vec::with_capacity(PIECE + 4096));
        self.spool
            .write_all(&piece)
            .map_err(|e| format!("spool: {e}"))?;
        // The reader gone (it stopped on an error): nothing more to do.
        self.tx.send(Ok(piece)).map_err(|_| String::new())
    }

    fn finish(&mut self) -> Result<(), String> {
        if self.fields > 0 || self.row > 0 {
            self.piece.push(b'\n');
        }
        self.send()
    }
}

/// The piped text of a streamed sheet.
struct Piped {
    rx: Receiver<Result<Vec<u8>, String>>,
    piece: Vec<u8>,
    at: usize,
}

impl Read for Piped {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        loop {
            if let Some(rest) = self.piece.get(self.at..).filter(|r| !r.is_empty()) {
                let n = rest.len().min(out.len());
                out.get_mut(..n)
                    .unwrap_or_default()
                    .copy_from_slice(rest.get(..n).unwrap_or_default());
                self.at += n;
                return Ok(n);
            }
            match self.rx.recv() {
                Ok(Ok(piece)) => {
                    self.piece = piece;
                    self.at = 0;
                }
                Ok(Err(e)) => return Err(std::io::Error::other(e)),
                // The thread has ended: the text is complete.
                Err(_) => return Ok(0),
            }
        }
    }
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

/// Opens the workbook as `$kind`, picks its sheet, says so on `opened`
/// (or why not), then pumps its cells: the same steps for XLSX and XLSB,
/// whose cell readers are of different types.
macro_rules! stream_cells {
    ($name:ident, $kind:ident) => {
        fn $name(
            path: &Path,
            sheet: Option<&str>,
            opened: &Opened,
            pump: &mut Pump,
        ) -> Result<(), String> {
            let fail = |e: String| {
                let _ = opened.send(Err(unreadable_workbook(path, Message::plain(e))));
            };
            let mut workbook: $kind<_> = match open_workbook(path) {
                Ok(w) => w,
                Err(e) => return Ok(fail(e.to_string())),
            };
            let name = match pick(path, &workbook.sheet_names(), sheet) {
                Ok(name) => name,
                Err(d) => {
                    let _ = opened.send(Err(d));
                    return Ok(());
                }
            };
            let mut cells = match workbook.worksheet_cells_reader(&name) {
                Ok(c) => c,
                Err(e) => return Ok(fail(e.to_string())),
            };
            if opened.send(Ok(name)).is_err() {
                return Ok(());
            }
            while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
                pump.cell(cell.get_position(), cell.get_value())?;
            }
            Ok(())
        }
    };
}

stream_cells!(stream_xlsx, Xlsx);
stream_cells!(stream_xlsb, Xlsb);

/// A streamed cell's text, quoted when it holds a `;` or a quote.
fn write_cell(out: &mut Vec<u8>, value: &DataRef<'_>) {
    let text: std::borrow::Cow<'_, str> = match value {
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
        DataRef::Error(e) => format!("#{e:?}").into(),
    };
    // Line ends inside a cell become spaces: a row stays one line.
    let quoted = text.contains([';', '"']);
    if quoted {
        out.push(b'"');
    }
    for b in text.bytes() {
        match b {
            b'"' => out.extend_from_slice(b"\"\""),
            b'\n' | b'\r' => out.push(b' '),
            b => out.push(b),
        }
    }
    if quoted {
        out.push(b'"');
    }
}

/// The sheet as text, and the sheet's name. `sheet` picks one by name; the
/// first sheet otherwise.
pub fn to_text(path: &Path, sheet: Option<&str>) -> Result<(Vec<u8>, String), Box<Diagnostic>> {
    let fail = |e: calamine::Error| unreadable_workbook(path, Message::plain(e.to_string()));
    let mut workbook = open_workbook_auto(path).map_err(fail)?;
    let name = pick(path, &workbook.sheet_names(), sheet)?;
    let range = workbook.worksheet_range(&name).map_err(fail)?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    // Empty lines for the rows above the used range, so that line n of the
    // text is row n of the sheet.
    let mut text = vec![b'\n'; first_row as usize];
    for row in range.rows() {
        // Empty fields for the columns left of the used range.
        text.extend(std::iter::repeat_n(b';', first_col as usize));
        for (i, data) in row.iter().enumerate() {
            if i > 0 {
                text.push(b';');
            }
            write_cell(&mut text, &borrowed(data));
        }
        text.push(b'\n');
    }
    Ok((text, name))
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
