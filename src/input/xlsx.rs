//! XLSX sheets read as they are inflated, by a reader of our own (zip and
//! quick-xml): calamine's cell reader inflates and parses on one thread and
//! builds a value per cell, which made a sheet 3.3 × slower than inflating
//! it (BENCHMARKS.md, "Spreadsheets").
//!
//! Here one thread inflates the sheet's part into pieces of [`CHUNK`] bytes
//! and another parses them, each piece with quick-xml's borrowing reader.
//! A piece ends anywhere, inside a tag or a cell: the parser commits its
//! text at every `</row>` and, at the end of a piece, drops what it wrote
//! of the row it was in and parses that row again at the head of the next
//! piece. Memory is the shared strings, the styles and a few pieces.
//!
//! The workbook's other parts are small and read whole: the relationships
//! (where each part is), the workbook (sheet names, the 1904 date system),
//! the styles (which cell formats are dates) and the shared strings.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::mpsc::{Receiver, sync_channel};

use quick_xml::Reader;
use quick_xml::encoding::Decoder;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use super::pump::{Pump, field_text, serial_date};
use super::tags::{Malformed, Token, Tokens, local};
use crate::i18n::Message;
use crate::msg;

/// Bytes of sheet XML inflated at a time.
const CHUNK: usize = 256 << 10;

/// The most a single row of XML may hold: a row is parsed again whole when
/// a piece ends inside it, so it must fit in memory.
const MAX_ROW: usize = 64 << 20;

/// An opened workbook: its archive and what reading a sheet needs.
pub struct Book {
    archive: ZipArchive<BufReader<File>>,
    /// The worksheets in the workbook's order: name and part.
    sheets: Vec<(String, String)>,
    strings: Strings,
    /// What each cell format (`s` attribute) says the number is.
    formats: Vec<Number>,
    is_1904: bool,
}

/// What a number cell holds, by its format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Number {
    Plain,
    Date,
    /// An elapsed time (`[h]:mm`): shown as the number it is.
    Duration,
}

/// The shared strings table: one text, cut at `ends`.
#[derive(Default)]
struct Strings {
    text: String,
    ends: Vec<usize>,
}

impl Strings {
    fn get(&self, i: usize) -> Option<&str> {
        let start = match i.checked_sub(1) {
            Some(before) => *self.ends.get(before)?,
            None => 0,
        };
        self.text.get(start..*self.ends.get(i)?)
    }
}

impl Book {
    pub fn open(path: &Path) -> Result<Book, Message> {
        let file = File::open(path).map_err(|e| crate::i18n::io_error(&e))?;
        let mut archive = ZipArchive::new(BufReader::new(file))
            .map_err(|e| msg!("xlsx-not-zip", error = e.to_string()))?;
        let root = rels(&mut archive, "_rels/.rels")?;
        let workbook = root
            .iter()
            .find(|r| r.kind.ends_with("/officeDocument"))
            .map_or_else(|| "xl/workbook.xml".to_owned(), |r| resolve("", &r.target));
        let folder = workbook.rsplit_once('/').map_or("", |(f, _)| f).to_owned();
        let links = rels(&mut archive, &rels_of(&workbook))?;
        let part_of = |kind: &str, default: &str| {
            links
                .iter()
                .find(|r| r.kind.ends_with(kind))
                .map_or_else(|| default.to_owned(), |r| resolve(&folder, &r.target))
        };
        let styles = part_of("/styles", "xl/styles.xml");
        let shared = part_of("/sharedStrings", "xl/sharedStrings.xml");
        let bytes = whole(&mut archive, &workbook)?
            .ok_or_else(|| msg!("xlsx-missing-part", part = workbook.clone()))?;
        let (listed, is_1904) = sheets(&bytes, &workbook)?;
        let sheets = listed
            .into_iter()
            .filter_map(|(name, id)| {
                let link = links.iter().find(|r| r.id == id)?;
                link.kind
                    .ends_with("/worksheet")
                    .then(|| (name, resolve(&folder, &link.target)))
            })
            .collect();
        let formats = match whole(&mut archive, &styles)? {
            Some(bytes) => formats(&bytes, &styles)?,
            None => Vec::new(),
        };
        let strings = shared_strings(&mut archive, &shared)?;
        Ok(Book {
            archive,
            sheets,
            strings,
            formats,
            is_1904,
        })
    }

    /// The worksheets' names, in the workbook's order.
    pub fn names(&self) -> Vec<String> {
        self.sheets.iter().map(|(name, _)| name.clone()).collect()
    }

    /// Reads the sheet named `name` into `pump`: a thread inflates, this one
    /// parses.
    pub(super) fn read(self, name: &str, pump: &mut Pump) -> Result<(), Message> {
        let Book {
            mut archive,
            sheets,
            strings,
            formats,
            is_1904,
        } = self;
        let part = sheets
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, part)| part)
            .unwrap_or_default();
        let (tx, rx) = sync_channel::<Result<Vec<u8>, Message>>(4);
        let inflating = part.clone();
        let spawned = std::thread::Builder::new()
            .name("inflate".to_owned())
            .spawn(move || {
                let mut entry = match archive.by_name(&inflating) {
                    Ok(entry) => entry,
                    Err(_) => {
                        let _ = tx.send(Err(msg!("xlsx-missing-part", part = inflating)));
                        return;
                    }
                };
                loop {
                    let mut chunk = Vec::with_capacity(CHUNK);
                    match (&mut entry).take(CHUNK as u64).read_to_end(&mut chunk) {
                        Ok(0) => return,
                        Ok(_) => {
                            if tx.send(Ok(chunk)).is_err() {
                                return;
                            }
                        }
                        Err(e) => {
                            let _ = tx.send(Err(crate::i18n::io_error(&e)));
                            return;
                        }
                    }
                }
            });
        if let Err(e) = spawned {
            return Err(crate::i18n::io_error(&e));
        }
        Sheet::new(&strings, &formats, is_1904, &part).run(&rx, pump)
    }
}

/// Where the parse stands between rows: kept at each `</row>`, taken back
/// when a piece ends inside a row.
#[derive(Clone, Copy, Debug, Default)]
struct Progress {
    /// Inside `<sheetData>`.
    data: bool,
    /// `</sheetData>` seen: the sheet is read.
    done: bool,
    /// The row the next `<row>` without a number is (0-based).
    next_row: u32,
}

/// The elements the parse is inside of, as far as cells go.
#[derive(Clone, Copy, Debug, Default)]
struct Within {
    row: u32,
    next_col: u32,
    v: bool,
    inline: bool,
    t: bool,
    phonetic: bool,
}

/// A cell being read: where it is and what its `t` and `s` say.
#[derive(Clone, Copy, Debug)]
struct Cell {
    row: u32,
    col: u32,
    kind: Kind,
    number: Number,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Number,
    Shared,
    Inline,
    Text,
    Bool,
    Error,
    IsoDate,
}

struct Sheet<'b> {
    strings: &'b Strings,
    formats: &'b [Number],
    is_1904: bool,
    part: &'b str,
    /// Bytes of the part parsed before the current buffer, and in it up to
    /// the event parsed last (for positions).
    at: u64,
    here: u64,
    committed: Progress,
    cell: Option<Cell>,
    within: Within,
    value: Vec<u8>,
}

/// How a buffer's parse ended.
enum Parsed {
    /// The sheet is read.
    Done,
    /// The buffer ended: its bytes from this offset are parsed again with
    /// the next piece.
    More(usize),
}

impl<'b> Sheet<'b> {
    fn new(strings: &'b Strings, formats: &'b [Number], is_1904: bool, part: &'b str) -> Sheet<'b> {
        Sheet {
            strings,
            formats,
            is_1904,
            part,
            at: 0,
            here: 0,
            committed: Progress::default(),
            cell: None,
            within: Within::default(),
            value: Vec::new(),
        }
    }

    fn run(
        &mut self,
        rx: &Receiver<Result<Vec<u8>, Message>>,
        pump: &mut Pump,
    ) -> Result<(), Message> {
        let mut buffer: Vec<u8> = Vec::new();
        loop {
            let last = match rx.recv() {
                Ok(Ok(chunk)) => {
                    buffer.extend_from_slice(&chunk);
                    false
                }
                Ok(Err(e)) => return Err(e),
                Err(_) => true,
            };
            match self.parse(&buffer, pump)? {
                Parsed::Done => return Ok(()),
                Parsed::More(from) => {
                    self.at += from as u64;
                    buffer.drain(..from);
                    if buffer.len() > MAX_ROW {
                        return Err(Message::new("xlsx-row-too-large")
                            .arg("part", self.part)
                            .count("mib", MAX_ROW >> 20));
                    }
                }
            }
            if last {
                return Err(self.fault(Message::new("xlsx-ends-early")));
            }
        }
    }

    /// The sheet's XML is not as a sheet's should be, at the event parsed last.
    fn fault(&self, error: Message) -> Message {
        msg!(
            "xlsx-xml",
            part = self.part,
            at = (self.at + self.here).to_string(),
            error = error
        )
    }

    /// Parses `buffer` from a committed point.
    fn parse(&mut self, buffer: &[u8], pump: &mut Pump) -> Result<Parsed, Message> {
        let mut tokens = Tokens::new(buffer);
        let mut mark = 0;
        let mut progress = self.committed;
        self.cell = None;
        self.within = Within::default();
        loop {
            // Faults point at the token's first byte.
            self.here = tokens.at as u64;
            let token = tokens.next_token().map_err(|m| {
                self.fault(Message::new(match m {
                    Malformed::Reference => "xlsx-bad-reference",
                    Malformed::Bang => "xlsx-bad-markup",
                }))
            })?;
            match token {
                Token::Start {
                    name,
                    attributes,
                    empty,
                } => {
                    let name = local(name);
                    self.start(name, attributes, empty, &mut progress)?;
                    if progress.done {
                        return Ok(Parsed::Done);
                    }
                    if name == b"sheetData" || (empty && name == b"row" && progress.data) {
                        mark = tokens.at;
                        self.commit(progress, pump)?;
                    }
                }
                Token::End { name } => match local(name) {
                    // A cell left open ends with its row (or the sheet's
                    // data), whatever pieces the XML comes in.
                    b"row" if progress.data => {
                        mark = tokens.at;
                        self.commit(progress, pump)?;
                    }
                    b"sheetData" if progress.data => {
                        self.end_cell(pump)?;
                        return Ok(Parsed::Done);
                    }
                    b"c" => self.end_cell(pump)?,
                    b"v" => self.within.v = false,
                    b"is" => self.within.inline = false,
                    b"t" => self.within.t = false,
                    b"rPh" => self.within.phonetic = false,
                    _ => {}
                },
                Token::Text(t) | Token::CData(t) if self.reading() => {
                    self.value.extend_from_slice(t);
                }
                Token::Reference(r) if self.reading() => {
                    entity(r, &mut self.value).map_err(|e| self.fault(e))?;
                }
                // The buffer ends inside a row: it is parsed again with the
                // next piece (the last piece has no next: see `run`).
                Token::Partial | Token::Eof => break,
                _ => {}
            }
        }
        pump.rollback();
        Ok(Parsed::More(mark))
    }

    /// The text so far is final: a row (or the prelude) is read. A cell
    /// left open ends here, and the parse goes on as a parse starting here
    /// would, so that the text is the same whatever pieces the XML comes in.
    fn commit(&mut self, progress: Progress, pump: &mut Pump) -> Result<(), Message> {
        self.end_cell(pump)?;
        self.within = Within::default();
        self.committed = progress;
        pump.commit()
    }

    /// Whether text now is a cell's value.
    fn reading(&self) -> bool {
        self.cell.is_some() && (self.within.v || (self.within.t && !self.within.phonetic))
    }

    fn start(
        &mut self,
        name: &[u8],
        raw: &[u8],
        empty: bool,
        progress: &mut Progress,
    ) -> Result<(), Message> {
        match name {
            b"sheetData" => {
                progress.data = true;
                progress.done = empty;
            }
            b"row" if progress.data => {
                let [r] = attributes(raw, [b"r"]);
                let row = match r {
                    Some(r) => number(r)
                        .and_then(|r| r.checked_sub(1))
                        .ok_or_else(|| self.fault(msg!("xlsx-bad-row", text = shown(r))))?,
                    None => progress.next_row,
                };
                progress.next_row = row.saturating_add(1);
                self.within = Within {
                    row,
                    ..Within::default()
                };
            }
            b"c" if progress.data => {
                let [r, t, style] = attributes(raw, [b"r", b"t", b"s"]);
                let (row, col) = match r {
                    Some(r) => reference(r)
                        .ok_or_else(|| self.fault(msg!("xlsx-bad-cell", text = shown(r))))?,
                    None => (self.within.row, self.within.next_col),
                };
                self.within.next_col = col.saturating_add(1);
                if empty {
                    return Ok(());
                }
                let kind = match t {
                    None | Some(b"n") => Kind::Number,
                    Some(b"s") => Kind::Shared,
                    Some(b"inlineStr") => Kind::Inline,
                    Some(b"str") => Kind::Text,
                    Some(b"b") => Kind::Bool,
                    Some(b"e") => Kind::Error,
                    Some(b"d") => Kind::IsoDate,
                    Some(t) => return Err(self.fault(msg!("xlsx-bad-type", text = shown(t)))),
                };
                let number = style
                    .and_then(number)
                    .and_then(|s| self.formats.get(s as usize).copied())
                    .unwrap_or(Number::Plain);
                self.value.clear();
                self.cell = Some(Cell {
                    row,
                    col,
                    kind,
                    number,
                });
            }
            b"v" if !empty => self.within.v = self.cell.is_some_and(|c| c.kind != Kind::Inline),
            b"is" if !empty => self.within.inline = true,
            b"t" if !empty => self.within.t = self.within.inline,
            b"rPh" if !empty => self.within.phonetic = true,
            _ => {}
        }
        Ok(())
    }

    fn end_cell(&mut self, pump: &mut Pump) -> Result<(), Message> {
        let Some(cell) = self.cell.take() else {
            return Ok(());
        };
        self.within.v = false;
        self.within.inline = false;
        if self.value.is_empty() {
            return Ok(());
        }
        let out = pump.at(cell.row, cell.col);
        let value = self.value.as_slice();
        match cell.kind {
            Kind::Number => match cell.number {
                Number::Date => date(out, value, self.is_1904),
                Number::Plain | Number::Duration => decimal(out, value),
            },
            Kind::Shared => {
                let text = number(value)
                    .and_then(|i| self.strings.get(i as usize))
                    .ok_or_else(|| {
                        msg!(
                            "xlsx-no-string",
                            cell = name_of(cell.row, cell.col),
                            index = shown(value)
                        )
                    })?;
                field_text(out, text);
            }
            Kind::Bool => out.extend_from_slice(if value == b"0" { b"false" } else { b"true" }),
            Kind::Inline | Kind::Text | Kind::Error | Kind::IsoDate => {
                let text = String::from_utf8_lossy(value);
                field_text(out, &unescape(&text));
            }
        }
        Ok(())
    }
}

/// The raw values of a start tag's attributes `names`, in one pass over
/// the tag (quick-xml's attribute iterator, asked three times per cell, was
/// a sixth of a sheet's time). Values are between quotes as XML says;
/// nothing in a sheet's `r`, `s` or `t` is escaped.
fn attributes<'a, const N: usize>(raw: &'a [u8], names: [&[u8]; N]) -> [Option<&'a [u8]>; N] {
    let mut found = [None; N];
    let mut rest = raw;
    loop {
        let start = rest.iter().position(|b| !b.is_ascii_whitespace());
        let Some(tail) = start.and_then(|s| rest.get(s..)) else {
            return found;
        };
        let Some(eq) = memchr::memchr(b'=', tail) else {
            return found;
        };
        let name = tail.get(..eq).unwrap_or_default().trim_ascii_end();
        let after = tail.get(eq + 1..).unwrap_or_default().trim_ascii_start();
        let Some((&quote, value)) = after.split_first() else {
            return found;
        };
        if quote != b'"' && quote != b'\'' {
            return found;
        }
        let Some(end) = memchr::memchr(quote, value) else {
            return found;
        };
        if let Some(i) = names.iter().position(|n| *n == name)
            && let Some(slot) = found.get_mut(i)
        {
            *slot = value.get(..end);
        }
        rest = value.get(end + 1..).unwrap_or_default();
    }
}

/// A decimal number of ASCII digits.
fn number(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 9 {
        return None;
    }
    bytes.iter().try_fold(0u32, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// A cell reference (`B12`) as its 0-based row and column.
fn reference(r: &[u8]) -> Option<(u32, u32)> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = r.get(..letters)?.iter().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row = number(r.get(letters..)?)?;
    Some((row.checked_sub(1)?, col - 1))
}

/// A cell's name (`B12`) from its 0-based position.
fn name_of(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col.saturating_add(1);
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(b'A' + rest as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        String::from_utf8_lossy(&letters),
        u64::from(row) + 1
    )
}

fn shown(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).chars().take(40).collect()
}

/// An entity reference's text, appended: the five XML predefines and
/// character references.
fn entity(name: &[u8], out: &mut Vec<u8>) -> Result<(), Message> {
    let text: &[u8] = match name {
        b"amp" => b"&",
        b"lt" => b"<",
        b"gt" => b">",
        b"quot" => b"\"",
        b"apos" => b"'",
        _ => {
            let code = match name {
                [b'#', b'x', hex @ ..] => std::str::from_utf8(hex)
                    .ok()
                    .and_then(|h| u32::from_str_radix(h, 16).ok()),
                [b'#', decimal @ ..] => std::str::from_utf8(decimal)
                    .ok()
                    .and_then(|d| d.parse().ok()),
                _ => return Err(msg!("xlsx-bad-entity", text = shown(name))),
            };
            let c = code
                .and_then(char::from_u32)
                .ok_or_else(|| msg!("xlsx-bad-entity", text = shown(name)))?;
            let mut buf = [0; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            return Ok(());
        }
    };
    out.extend_from_slice(text);
    Ok(())
}

/// Excel's escapes of characters XML cannot hold (`_x000D_` for a carriage
/// return; `_x005F_` before a `_x…_` that is text).
fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains("_x") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("_x") {
        let (before, from) = rest.split_at(i);
        out.push_str(before);
        let code = from
            .get(2..6)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()) && from.get(6..7) == Some("_"))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = from.get(7..).unwrap_or_default();
            }
            None => {
                out.push_str("_x");
                rest = from.get(2..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A number cell as the shortest decimal that reads back to the same
/// float: the text as written when it is a plain decimal of at most 15
/// significant digits (which reads back to itself), without trailing zeros;
/// otherwise through the float.
fn decimal(out: &mut Vec<u8>, raw: &[u8]) {
    if let Some(plain) = plain_decimal(raw) {
        out.extend_from_slice(plain);
        return;
    }
    match std::str::from_utf8(raw)
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
    {
        Some(f) => {
            use std::io::Write;
            let _ = write!(out, "{f}");
        }
        // Not a number: the text, for the export's reader to judge.
        None => field_text(out, &String::from_utf8_lossy(raw)),
    }
}

/// `raw` without its fraction's trailing zeros, when it is `-?digits` or
/// `-?digits.digits` with at most 15 significant digits, no leading zero
/// and not a negative zero.
fn plain_decimal(raw: &[u8]) -> Option<&[u8]> {
    if raw.len() > 40 {
        return None;
    }
    let digits = raw.strip_prefix(b"-").unwrap_or(raw);
    let (int, frac) = match digits.iter().position(|&b| b == b'.') {
        Some(dot) => (digits.get(..dot)?, digits.get(dot + 1..)?),
        None => (digits, &[][..]),
    };
    let all_digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    if int.is_empty() || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    if int.len() > 1 && int.first() == Some(&b'0') {
        return None;
    }
    let kept = frac.len() - frac.iter().rev().take_while(|&&b| b == b'0').count();
    let significant = if int == b"0" {
        frac.get(..kept)?.iter().skip_while(|&&b| b == b'0').count()
    } else {
        int.len() + kept
    };
    if significant > 15 || (significant == 0 && raw.first() == Some(&b'-')) {
        return None;
    }
    let dropped = match (frac.is_empty(), kept) {
        (true, _) => 0,
        // The point goes with the zeros.
        (false, 0) => frac.len() + 1,
        (false, kept) => frac.len() - kept,
    };
    raw.get(..raw.len() - dropped)
}

/// A date cell as an ISO date: the serial number is days since 1899-12-30
/// (1900 system, whose first two months count a 29 February 1900 that did
/// not exist) or since 1904-01-01, to the nearest millisecond; its time of
/// day is dropped. A serial out of range is written as the number it is.
fn date(out: &mut Vec<u8>, raw: &[u8], is_1904: bool) {
    let day = std::str::from_utf8(raw)
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .and_then(|serial| serial_date(serial, is_1904));
    match day {
        Some(day) => {
            use chrono::Datelike;
            use std::io::Write;
            let _ = write!(out, "{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
        }
        None => decimal(out, raw),
    }
}

/// A relationship: its id, type and target.
struct Rel {
    id: String,
    kind: String,
    target: String,
}

/// The relationships part of `part` (`xl/_rels/workbook.xml.rels` for
/// `xl/workbook.xml`).
fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((folder, file)) => format!("{folder}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A target relative to `folder`, as a path in the archive.
fn resolve(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => folder.split('/').filter(|p| !p.is_empty()).collect(),
    };
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// A part read whole, or `None` when the archive has none of that name.
fn whole(
    archive: &mut ZipArchive<BufReader<File>>,
    part: &str,
) -> Result<Option<Vec<u8>>, Message> {
    let Ok(mut entry) = archive.by_name(part) else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    entry.read_to_end(&mut bytes).map_err(|e| {
        msg!(
            "xlsx-xml",
            part = part,
            at = "0",
            error = crate::i18n::io_error(&e)
        )
    })?;
    Ok(Some(bytes))
}

fn xml_fault(part: &str, reader: &Reader<&[u8]>, e: impl std::fmt::Display) -> Message {
    msg!(
        "xlsx-xml",
        part = part,
        at = reader.error_position().to_string(),
        error = e.to_string()
    )
}

/// An attribute's value, entities replaced.
fn text_attribute(
    e: &BytesStart<'_>,
    name: &[u8],
    local: bool,
    decoder: Decoder,
) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        let matches = if local {
            a.key.prefix().is_some() && a.key.local_name().as_ref() == name
        } else {
            a.key.as_ref() == name
        };
        matches.then(|| {
            a.decode_and_unescape_value(decoder)
                .map(Cow::into_owned)
                .ok()
        })?
    })
}

fn rels(archive: &mut ZipArchive<BufReader<File>>, part: &str) -> Result<Vec<Rel>, Message> {
    let Some(bytes) = whole(archive, part)? else {
        return Ok(Vec::new());
    };
    let mut reader = Reader::from_reader(bytes.as_slice());
    let mut found = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                found.push(Rel {
                    id: text_attribute(&e, b"Id", false, reader.decoder()).unwrap_or_default(),
                    kind: text_attribute(&e, b"Type", false, reader.decoder()).unwrap_or_default(),
                    target: text_attribute(&e, b"Target", false, reader.decoder())
                        .unwrap_or_default(),
                });
            }
            Ok(Event::Eof) => return Ok(found),
            Ok(_) => {}
            Err(e) => return Err(xml_fault(part, &reader, e)),
        }
    }
}

/// The workbook's sheets (name and relationship id) and whether its dates
/// count from 1904.
fn sheets(bytes: &[u8], part: &str) -> Result<(Vec<(String, String)>, bool), Message> {
    let mut reader = Reader::from_reader(bytes);
    let mut found = Vec::new();
    let mut is_1904 = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                b"sheet" => found.push((
                    text_attribute(&e, b"name", false, reader.decoder()).unwrap_or_default(),
                    text_attribute(&e, b"id", true, reader.decoder()).unwrap_or_default(),
                )),
                b"workbookPr" => {
                    is_1904 = matches!(
                        text_attribute(&e, b"date1904", false, reader.decoder()).as_deref(),
                        Some("1" | "true")
                    );
                }
                _ => {}
            },
            Ok(Event::Eof) => return Ok((found, is_1904)),
            Ok(_) => {}
            Err(e) => return Err(xml_fault(part, &reader, e)),
        }
    }
}

/// What each cell format says its numbers are: `cellXfs`' formats, by
/// built-in id or by the custom format's code.
fn formats(bytes: &[u8], part: &str) -> Result<Vec<Number>, Message> {
    let mut reader = Reader::from_reader(bytes);
    let mut custom: Vec<(u32, Number)> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    let mut in_cell_xfs = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = true,
            Ok(Event::End(e)) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                b"numFmt" => {
                    let id = text_attribute(&e, b"numFmtId", false, reader.decoder())
                        .and_then(|i| i.parse().ok());
                    let code = text_attribute(&e, b"formatCode", false, reader.decoder())
                        .unwrap_or_default();
                    if let Some(id) = id {
                        custom.push((id, format_code(&code)));
                    }
                }
                b"xf" if in_cell_xfs => ids.push(
                    text_attribute(&e, b"numFmtId", false, reader.decoder())
                        .and_then(|i| i.parse().ok())
                        .unwrap_or(0),
                ),
                _ => {}
            },
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => return Err(xml_fault(part, &reader, e)),
        }
    }
    Ok(ids
        .into_iter()
        .map(|id| match custom.iter().find(|(c, _)| *c == id) {
            Some((_, number)) => *number,
            None => built_in(id),
        })
        .collect())
}

/// The built-in number formats: 14 to 22 and 45 to 47 are dates and times
/// (46 an elapsed time); 27 to 36 and 50 to 58 are the East Asian dates.
fn built_in(id: u32) -> Number {
    match id {
        14..=22 | 27..=36 | 45 | 47 | 50..=58 => Number::Date,
        46 => Number::Duration,
        _ => Number::Plain,
    }
}

/// A custom format's code: a date when its first section has a day, month,
/// year, hour or second outside quotes, escapes and brackets; an elapsed
/// time when it opens with `[h]`, `[m]` or `[s]`.
fn format_code(code: &str) -> Number {
    let first = section(code);
    let lower = first.to_ascii_lowercase();
    if ["[h]", "[hh]", "[m]", "[mm]", "[s]", "[ss]"]
        .iter()
        .any(|p| lower.contains(p))
    {
        return Number::Duration;
    }
    let mut chars = first.chars();
    let mut quoted = false;
    let mut bracket = false;
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' | 's' | 'S' | 'e' => return Number::Date,
            _ => {}
        }
    }
    Number::Plain
}

/// A format code's first section (up to an unquoted `;`).
fn section(code: &str) -> &str {
    let mut quoted = false;
    for (i, c) in code.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => return code.get(..i).unwrap_or(code),
            _ => {}
        }
    }
    code
}

/// The shared strings, read as they are inflated.
fn shared_strings(
    archive: &mut ZipArchive<BufReader<File>>,
    part: &str,
) -> Result<Strings, Message> {
    let Ok(entry) = archive.by_name(part) else {
        return Ok(Strings::default());
    };
    let mut reader = Reader::from_reader(BufReader::new(entry));
    let mut strings = Strings::default();
    let mut buf = Vec::new();
    let mut item: Vec<u8> = Vec::new();
    let (mut t, mut phonetic) = (false, false);
    let fault = |at: u64, e: Message| msg!("xlsx-xml", part = part, at = at.to_string(), error = e);
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"si" => item.clear(),
                b"t" => t = true,
                b"rPh" => phonetic = true,
                _ => {}
            },
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"si" => {
                strings.ends.push(strings.text.len());
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"si" => {
                    let text = String::from_utf8_lossy(&item);
                    strings.text.push_str(&unescape(&text));
                    strings.ends.push(strings.text.len());
                }
                b"t" => t = false,
                b"rPh" => phonetic = false,
                _ => {}
            },
            Ok(Event::Text(e)) if t && !phonetic => item.extend_from_slice(&e),
            Ok(Event::CData(e)) if t && !phonetic => item.extend_from_slice(&e),
            Ok(Event::GeneralRef(r)) if t && !phonetic => {
                entity(&r, &mut item).map_err(|e| fault(reader.buffer_position(), e))?;
            }
            Ok(Event::Eof) => return Ok(strings),
            Ok(_) => {}
            Err(e) => {
                return Err(fault(
                    reader.error_position(),
                    Message::plain(e.to_string()),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sheet's text when its XML comes in pieces of `size` bytes.
    fn read_in_pieces(xml: &str, size: usize) -> Result<String, Message> {
        let strings = Strings {
            text: "zéroun;deux".to_owned(),
            ends: vec![5, 7, 12],
        };
        // Formats: 0 plain, 1 date, 2 elapsed time.
        let formats = [Number::Plain, Number::Date, Number::Duration];
        let (tx, rx) = sync_channel(xml.len() + 1);
        for piece in xml.as_bytes().chunks(size) {
            tx.send(Ok(piece.to_vec())).unwrap();
        }
        drop(tx);
        let (mut pump, out) = Pump::in_memory();
        Sheet::new(&strings, &formats, false, "xl/worksheets/sheet1.xml").run(&rx, &mut pump)?;
        pump.finish()?;
        drop(pump);
        let text: Vec<u8> = out.iter().flat_map(Result::unwrap).collect();
        Ok(String::from_utf8(text).unwrap())
    }

    const SHEET: &str = concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
        r#"<x:dimension ref="A1:D6"/><x:sheetData>"#,
        r#"<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>2</x:v></x:c>"#,
        r#"<x:c r="D1" t="inlineStr"><x:is><x:r><x:t>a &amp; </x:t></x:r><x:r><x:t xml:space="preserve">b;c</x:t></x:r>"#,
        r#"<x:rPh><x:t>phonetic</x:t></x:rPh></x:is></x:c></x:row>"#,
        r#"<!-- </x:row> a comment --><x:row r="3" x14ac:dyDescent="0.25" note='a>b'>"#,
        r#"<x:c r="A3" s="1"><x:v>42971</x:v></x:c><x:c s="0"><x:v>1234.50</x:v></x:c>"#,
        r#"<x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c></x:row>"#,
        r#"<x:row><x:c t="str"><x:f>A1&amp;"x"</x:f><x:v><![CDATA[1 < 2]]> &#233;&#x20AC;</x:v></x:c>"#,
        r#"<x:c s="2"><x:v>1.5</x:v></x:c><x:c/><x:c r="E4"></x:c></x:row><x:row r="6"/>"#,
        r#"<x:row r="7"><x:c r="B7" t="s"><x:v>1</x:v></x:c></x:row>"#,
        r#"</x:sheetData><x:pageMargins left="0.7"/></x:worksheet>"#,
    );

    #[test]
    fn a_sheet_reads_the_same_whatever_its_pieces() {
        let whole = read_in_pieces(SHEET, SHEET.len()).unwrap();
        assert_eq!(
            whole,
            "zéro;\";deux\";;\"a & b;c\"\n\n2017-08-24;1234.5;true;#DIV/0!\n1 < 2 é€;1.5\n\n\n;un\n"
        );
        for size in 1..SHEET.len() {
            assert_eq!(
                read_in_pieces(SHEET, size).unwrap(),
                whole,
                "pieces of {size} bytes"
            );
        }
    }

    proptest::proptest! {
        /// Whatever the bytes and wherever the pieces end, the reader
        /// answers (text or a fault) without panicking; a sheet it reads,
        /// it reads the same in pieces.
        #[test]
        fn any_bytes_any_pieces(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just("<sheetData>".to_owned()),
                    proptest::strategy::Just("</sheetData>".to_owned()),
                    proptest::strategy::Just("<row>".to_owned()),
                    proptest::strategy::Just("</row>".to_owned()),
                    proptest::strategy::Just("<row r=\"3\"/>".to_owned()),
                    proptest::strategy::Just("<c r=\"B2\" t=\"s\">".to_owned()),
                    proptest::strategy::Just("<c s=\"1\">".to_owned()),
                    proptest::strategy::Just("<c t=\"inlineStr\"><is><t>".to_owned()),
                    proptest::strategy::Just("</t></is></c>".to_owned()),
                    proptest::strategy::Just("</c>".to_owned()),
                    proptest::strategy::Just("<v>".to_owned()),
                    proptest::strategy::Just("</v>".to_owned()),
                    proptest::strategy::Just("&amp;".to_owned()),
                    proptest::strategy::Just("<!-- x -->".to_owned()),
                    proptest::strategy::Just("<![CDATA[a;b]]>".to_owned()),
                    "[0-9.E<>&;#x\"'/a-z ]{0,6}",
                ],
                0..40,
            ),
            size in 1usize..64,
        ) {
            let xml: String = parts.concat();
            let whole = read_in_pieces(&xml, xml.len().max(1));
            let cut = read_in_pieces(&xml, size);
            if let Ok(text) = whole {
                proptest::prop_assert_eq!(cut.ok(), Some(text));
            }
        }
    }

    #[test]
    fn broken_sheets_say_where() {
        let fault = |xml: &str| {
            let m = read_in_pieces(xml, 7).unwrap_err();
            crate::i18n::Lang::En.tr(&m).into_owned()
        };
        assert_eq!(
            fault("<sheetData><row><c r=\"A1\"><v>1</v></c>"),
            "`xl/worksheets/sheet1.xml`, byte 38: the sheet ends before `</sheetData>`"
        );
        assert_eq!(
            fault("<sheetData><row><c r=\"1A\"><v>1</v></c></row></sheetData>"),
            "`xl/worksheets/sheet1.xml`, byte 16: `1A` is not a cell reference"
        );
        assert_eq!(
            fault("<sheetData><row><c t=\"s\"><v>9</v></c></row></sheetData>"),
            "cell A1 names shared string 9, which the workbook does not have"
        );
        assert_eq!(
            fault("<sheetData><row><c><v>&nbsp;</v></c></row></sheetData>"),
            "`xl/worksheets/sheet1.xml`, byte 22: `&nbsp;` is not an XML entity"
        );
    }

    fn plain(raw: &str) -> Option<&str> {
        plain_decimal(raw.as_bytes()).map(|b| std::str::from_utf8(b).unwrap())
    }

    #[test]
    fn plain_decimals_are_kept_without_trailing_zeros() {
        assert_eq!(plain("1234.56"), Some("1234.56"));
        assert_eq!(plain("1234.50"), Some("1234.5"));
        assert_eq!(plain("400000"), Some("400000"));
        assert_eq!(plain("12.000"), Some("12"));
        assert_eq!(plain("-0.25"), Some("-0.25"));
        assert_eq!(
            plain("0.000000123456789012345"),
            Some("0.000000123456789012345")
        );
        assert_eq!(plain("0.0000001234567890123456"), None);
        assert_eq!(plain("0"), Some("0"));
        assert_eq!(plain("-0.0"), None);
        assert_eq!(plain("11.279999999999999"), None);
        assert_eq!(plain("1E-3"), None);
        assert_eq!(plain("-0"), None);
        assert_eq!(plain("007"), None);
        assert_eq!(plain(""), None);
    }

    fn decimal_of(raw: &str) -> String {
        let mut out = Vec::new();
        decimal(&mut out, raw.as_bytes());
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn other_numbers_go_through_the_float() {
        assert_eq!(decimal_of("11.279999999999999"), "11.28");
        assert_eq!(decimal_of("0.30000000000000004"), "0.30000000000000004");
        assert_eq!(decimal_of("1.5E+3"), "1500");
        assert_eq!(decimal_of("-0"), "-0");
        assert_eq!(decimal_of("abc"), "abc");
    }

    #[test]
    fn references() {
        assert_eq!(reference(b"A1"), Some((0, 0)));
        assert_eq!(reference(b"AB12"), Some((11, 27)));
        assert_eq!(reference(b"XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(reference(b"1A"), None);
        assert_eq!(reference(b"A0"), None);
        assert_eq!(name_of(11, 27), "AB12");
    }

    #[test]
    fn format_codes() {
        assert_eq!(format_code("dd/mm/yyyy"), Number::Date);
        assert_eq!(format_code("[$-40C]d mmmm yyyy;@"), Number::Date);
        assert_eq!(format_code("#,##0.00\\ \"€\""), Number::Plain);
        assert_eq!(format_code("#,##0.00 [$€-40C]"), Number::Plain);
        assert_eq!(format_code("\"days\" 0"), Number::Plain);
        assert_eq!(format_code("[h]:mm:ss"), Number::Duration);
        assert_eq!(format_code("0;[Red]-0"), Number::Plain);
        assert_eq!(built_in(14), Number::Date);
        assert_eq!(built_in(4), Number::Plain);
    }

    #[test]
    fn excel_escapes() {
        assert_eq!(unescape("a_x000D_b"), "a\rb");
        assert_eq!(unescape("_x005F_x0041_"), "_x0041_");
        assert_eq!(unescape("_xyz"), "_xyz");
    }

    #[test]
    fn relationship_targets() {
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve("xl", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl/sub", "../styles.xml"), "xl/styles.xml");
        assert_eq!(rels_of("xl/workbook.xml"), "xl/_rels/workbook.xml.rels");
    }
}
