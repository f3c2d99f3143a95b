//! A sheet's cells as `;`-delimited text: the [`Pump`] that the sheet
//! readers (`input::xlsx`, calamine's for XLSB in `input::sheet`) write
//! cells into and that hands the text on in pieces, the reading end of its
//! pipe ([`Piped`]), a cell's text as a field and Excel's serial dates.

use std::io::{Read, Write};
#[cfg(test)]
use std::sync::mpsc::sync_channel;
use std::sync::mpsc::{Receiver, SyncSender};

use crate::i18n::Message;
use crate::msg;

/// Bytes of text handed on at a time by a streamed sheet.
const PIECE: usize = 64 << 10;

/// Text made of a sheet's cells, handed on in pieces. A reader that may
/// have to take back the row it is in (the XLSX reader, at the end of a
/// piece of XML) commits after every row and rolls back to the last commit;
/// text is only handed on at a commit.
pub(crate) struct Pump {
    piece: Vec<u8>,
    tx: SyncSender<Result<Vec<u8>, Message>>,
    spool: std::fs::File,
    /// The sheet row the text is at (0 for line 1).
    row: u32,
    /// Fields begun on the current line.
    fields: u32,
    /// The piece's length, `row` and `fields` at the last commit.
    committed: (usize, u32, u32),
}

impl Pump {
    /// A pump handing its pieces on through `tx`, each written to `spool`
    /// too.
    pub(super) fn new(tx: SyncSender<Result<Vec<u8>, Message>>, spool: std::fs::File) -> Pump {
        Pump {
            piece: Vec::with_capacity(PIECE + 4096),
            tx,
            spool,
            row: 0,
            fields: 0,
            committed: (0, 0, 0),
        }
    }

    /// Hands on why the sheet could not be read to the end.
    pub(super) fn fail(&mut self, why: Message) {
        let _ = self.tx.send(Err(why));
    }

    /// The text at a cell's position, lines and separators up to it
    /// written: the cell's text is to be appended.
    pub(super) fn at(&mut self, row: u32, col: u32) -> &mut Vec<u8> {
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
        &mut self.piece
    }

    /// The text so far is final: handed on once a piece is full.
    pub(super) fn commit(&mut self) -> Result<(), Message> {
        if self.piece.len() >= PIECE {
            self.send()?;
        }
        self.committed = (self.piece.len(), self.row, self.fields);
        Ok(())
    }

    /// Back to the last commit.
    pub(super) fn rollback(&mut self) {
        let (len, row, fields) = self.committed;
        self.piece.truncate(len);
        self.row = row;
        self.fields = fields;
    }

    fn send(&mut self) -> Result<(), Message> {
        let piece = std::mem::replace(&mut self.piece, Vec::with_capacity(PIECE + 4096));
        self.committed.0 = 0;
        self.spool
            .write_all(&piece)
            .map_err(|e| msg!("sheet-spool", error = crate::i18n::io_error(&e)))?;
        // The reader gone (it stopped on an error): nothing more to do.
        self.tx.send(Ok(piece)).map_err(|_| Message::plain(""))
    }

    /// A pump into memory, for tests: its text is what `finish` leaves.
    #[cfg(test)]
    pub(super) fn in_memory() -> (Pump, Receiver<Result<Vec<u8>, Message>>) {
        let (tx, rx) = sync_channel(1 << 16);
        let spool = tempfile::tempfile().expect("a temporary file");
        let pump = Pump {
            piece: Vec::new(),
            tx,
            spool,
            row: 0,
            fields: 0,
            committed: (0, 0, 0),
        };
        (pump, rx)
    }

    pub(super) fn finish(&mut self) -> Result<(), Message> {
        if self.fields > 0 || self.row > 0 {
            self.piece.push(b'\n');
        }
        self.send()
    }
}

/// The piped text of a streamed sheet.
pub(super) struct Piped {
    rx: Receiver<Result<Vec<u8>, Message>>,
    piece: Vec<u8>,
    at: usize,
}

impl Piped {
    pub(super) fn new(rx: Receiver<Result<Vec<u8>, Message>>) -> Piped {
        Piped {
            rx,
            piece: Vec::new(),
            at: 0,
        }
    }
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
                Ok(Err(e)) => return Err(std::io::Error::other(crate::i18n::Carried(e))),
                // The thread has ended: the text is complete.
                Err(_) => return Ok(0),
            }
        }
    }
}

/// A cell's text as a field: quoted when it holds a `;` or a quote; line
/// ends inside a cell become spaces (a row stays one line), a CR LF one.
pub(super) fn field_text(out: &mut Vec<u8>, text: &str) {
    let quoted = memchr::memchr2(b';', b'"', text.as_bytes()).is_some();
    if quoted {
        out.push(b'"');
    }
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        match b {
            b'"' => out.extend_from_slice(b"\"\""),
            b'\r' if bytes.peek() == Some(&b'\n') => {}
            b'\n' | b'\r' => out.push(b' '),
            b => out.push(b),
        }
    }
    if quoted {
        out.push(b'"');
    }
}

/// The day of a serial date number, counted as Excel does: days since
/// 1899-12-30, where serials below 60 are one day later (Excel counts a
/// 29 February 1900 that did not exist), or since 1904-01-01 in the 1904
/// system; to the nearest millisecond, the time of day dropped.
pub(super) fn serial_date(serial: f64, is_1904: bool) -> Option<chrono::NaiveDate> {
    let serial = if is_1904 { serial + 1462.0 } else { serial };
    let serial = if serial < 60.0 { serial + 1.0 } else { serial };
    let ms = (serial * 86_400_000.0).round();
    if !(0.0..=1.0e15).contains(&ms) {
        return None;
    }
    let days = (ms as i64).div_euclid(86_400_000);
    chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(days as u64))
}
