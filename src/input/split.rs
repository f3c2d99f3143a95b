//! A streaming splitter of delimited text into records, with the exact
//! line and byte where each record starts.
//!
//! One pass over a line, 32 bytes at a time where the processor has AVX2
//! (else sixteen), finds its end, its
//! delimiters and whether it holds a quote. The common line, without
//! quotes, is split in place and not copied: its fields are ranges of the
//! read buffer (or of the mapped window of a file). A line holding a quote
//! goes through a small state machine (RFC 4180, as lenient as spreadsheet
//! exports need: `""` is a quote inside a quoted field, a quote that does
//! not open a field is kept as written, a quoted field may span lines) that
//! copies the unescaped fields aside. Empty lines are reported as such, so
//! that every physical line can be accounted for.

use std::fs::File;
use std::io::{self, Read};

use super::parse::word;

/// Why a record cannot be read: carried in an `io::Error` to the catalogue
/// (`i18n::io_error`), never told from the error's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// Longer than [`MAX_RECORD`].
    TooLong,
    /// A quoted field runs past [`MAX_RECORD`] bytes without its closing
    /// quote.
    QuoteNeverClosed,
}

impl From<RecordError> for io::Error {
    fn from(e: RecordError) -> io::Error {
        let message = match e {
            RecordError::TooLong => crate::i18n::Message::new("record-too-long")
                .arg("mib", (MAX_RECORD >> 20).to_string()),
            RecordError::QuoteNeverClosed => crate::i18n::Message::new("quote-never-closed")
                .arg("mib", (MAX_RECORD >> 20).to_string()),
        };
        io::Error::new(io::ErrorKind::InvalidData, crate::i18n::Carried(message))
    }
}

/// Longest record accepted; a longer one is an error, not unbounded memory.
pub const MAX_RECORD: usize = 16 << 20;
const READ_SIZE: usize = 1 << 20;
/// Bytes of a file mapped at a time: what a mapped file adds to the
/// resident memory.
const MAP_WINDOW: usize = 2 << 20;

/// What [`Splitter::read_next`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A record, now in [`Splitter::record`].
    Record,
    /// An empty line (only its terminator, or spaces and tabs).
    Blank,
}

/// Where the current record starts and how many lines it spans.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: u64,
    /// Byte offset from the start of the input.
    pub byte: u64,
    /// Physical lines the record takes (more than one when a quoted field
    /// holds a line break).
    pub lines: u64,
}

pub struct Splitter<R> {
    reader: R,
    delimiter: u8,
    buf: Vec<u8>,
    /// Unread bytes are `buf[start..end]`.
    start: usize,
    end: usize,
    eof: bool,
    /// Line and byte offset of `buf[start]`.
    line: u64,
    byte: u64,
    /// The current record's fields: ranges of `buf` (plain line) or of
    /// `unescaped` (quoted line).
    fields: Vec<(usize, usize)>,
    quoted: bool,
    unescaped: Vec<u8>,
    /// For a record holding quotes, its fields' byte ranges in the record
    /// as written (from its first byte); a plain record's are its
    /// `fields`, offset by its start.
    raw: Vec<(usize, usize)>,
    position: Position,
    /// The input ended inside a quoted field.
    unclosed: bool,
    /// Fields a record has (the header's), once known: a quoted field that
    /// runs past its line into a record of another width is a stray quote.
    width: Option<usize>,
    /// The end of the input is the end of the file (false for a chunk
    /// read apart, whose end may fall inside a record).
    file_end: bool,
    /// The current record is the first line of a stray quote, read as
    /// written: the quote's byte offset in the line, and the lines the
    /// quoted field would have taken.
    stray_quote: Option<(usize, u64)>,
    /// Whether the line last scanned holds a quote (it then goes through
    /// the quoted-field state machine).
    quote_seen: bool,
    /// When set, the input is a file read through a moving window of
    /// memory mapping, which takes the place of `buf` and `reader`.
    map: Option<Mapping>,
    /// The processor has AVX2: lines are scanned 32 bytes at a time
    /// (x86_64 only).
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    wide: bool,
}

/// The mapped window if there is a mapping, else the read buffer.
fn bytes<'a>(map: &'a Option<Mapping>, buf: &'a [u8]) -> &'a [u8] {
    match map {
        None => buf,
        Some(Mapping {
            window: Some(w), ..
        }) => w,
        Some(_) => &[],
    }
}

/// Where a stretch of a file being read ends, shared with the threads
/// that may take its rest: what is mapped already stays the reader's, and
/// another thread may move the end back to a line start beyond it.
#[derive(Debug)]
pub struct Stretch {
    /// The end of what the reader has mapped, and the stretch's end.
    state: std::sync::Mutex<(u64, u64)>,
}

impl Stretch {
    pub fn new(from: u64, to: u64) -> Stretch {
        Stretch {
            state: std::sync::Mutex::new((from, to.max(from))),
        }
    }

    /// Bytes not yet mapped by the reader.
    pub fn left(&self) -> u64 {
        self.state.lock().map_or(0, |s| s.1.saturating_sub(s.0))
    }

    /// Ends the stretch earlier, at `bound(middle)` (a line start after
    /// the middle of what is left unmapped, as the caller finds it) if at
    /// least `min` bytes are left and the bound falls before the end, and
    /// returns the rest (`bound..end`) for another reader.
    pub fn split_off(
        &self,
        min: u64,
        bound: impl FnOnce(u64) -> Option<u64>,
    ) -> Option<(u64, u64)> {
        let mut state = self.state.lock().ok()?;
        let (mapped, end) = *state;
        if end.saturating_sub(mapped) < min {
            return None;
        }
        let cut = bound(mapped + (end - mapped) / 2).filter(|b| *b > mapped && *b < end)?;
        state.1 = cut;
        Some((cut, end))
    }

    /// Maps the next window: `map(end)` with the stretch's end, under the
    /// lock, noting how far it mapped (the second of its results).
    fn map_next<T>(&self, map: impl FnOnce(u64) -> io::Result<(T, u64)>) -> io::Result<T> {
        let mut state = self
            .state
            .lock()
            .map_err(|_| io::Error::other("a reading thread stopped"))?;
        let (result, mapped) = map(state.1)?;
        state.0 = mapped.max(state.0);
        Ok(result)
    }
}

/// A stretch of a file, mapped a window at a time: the bytes are read
/// where the system's page cache holds them, without a copy.
struct Mapping {
    file: File,
    window: Option<memmap2::Mmap>,
    /// File offset of the window's first byte.
    at: u64,
    /// File offset where the stretch ends.
    limit: u64,
    /// Bytes mapped at a time (more for a longer record).
    size: usize,
    /// Where the stretch ends, which other threads may move back; `limit`
    /// is read from it at each window.
    stretch: std::sync::Arc<Stretch>,
}

/// A record's fields, borrowed from the splitter.
#[derive(Clone, Copy)]
pub struct Record<'a> {
    bytes: &'a [u8],
    fields: &'a [(usize, usize)],
    /// The fields lie in the line as written, delimiters between them (no
    /// quote was unescaped).
    plain: bool,
    /// The fields' ranges in the record as written, for a record holding
    /// quotes.
    raw: &'a [(usize, usize)],
}

impl<'a> Record<'a> {
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        let (s, e) = *self.fields.get(i)?;
        self.bytes.get(s..e)
    }

    /// The bytes from field `first` to field `last` as written, delimiters
    /// included, for a record without quotes: two such spans of the same
    /// columns are equal exactly when each of their fields is (a field
    /// without quotes holds no delimiter). `None` for a quoted record.
    pub fn span(&self, first: usize, last: usize) -> Option<&'a [u8]> {
        if !self.plain {
            return None;
        }
        let (start, _) = *self.fields.get(first)?;
        let (_, end) = *self.fields.get(last)?;
        self.bytes.get(start..end)
    }

    /// Each field's byte range in the record as written (from its first
    /// byte, quotes included): where a finding underlines it.
    pub fn raw_spans(&self) -> Vec<std::ops::Range<usize>> {
        if !self.plain {
            return self.raw.iter().map(|(s, e)| *s..*e).collect();
        }
        let first = self.fields.first().map_or(0, |(s, _)| *s);
        self.fields
            .iter()
            .map(|(s, e)| s - first..e - first)
            .collect()
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        let bytes = self.bytes;
        self.fields
            .iter()
            .map(move |(s, e)| bytes.get(*s..*e).unwrap_or_default())
    }
}

impl Splitter<io::Empty> {
    /// A splitter of bytes held in memory (a sample, a row read back): its
    /// buffer is a copy of them, nothing more is read.
    pub fn of_bytes(bytes: &[u8], delimiter: u8) -> Splitter<io::Empty> {
        let mut s = Splitter::with_buffer(io::empty(), delimiter, 0, bytes.to_vec());
        s.end = bytes.len();
        s.eof = true;
        s
    }
}

impl<R: Read> Splitter<R> {
    pub fn new(reader: R, delimiter: u8) -> Splitter<R> {
        Splitter::starting_at(reader, delimiter, 0)
    }

    /// A splitter whose input starts at `byte` of a file, for a chunk read
    /// apart; its lines count from 1.
    pub fn starting_at(reader: R, delimiter: u8, byte: u64) -> Splitter<R> {
        Splitter::with_buffer(reader, delimiter, byte, vec![0; READ_SIZE])
    }

    /// A splitter reading into `buf`.
    fn with_buffer(reader: R, delimiter: u8, byte: u64, buf: Vec<u8>) -> Splitter<R> {
        Splitter {
            reader,
            delimiter,
            buf,
            start: 0,
            end: 0,
            eof: false,
            line: 1,
            byte,
            fields: Vec::new(),
            quoted: false,
            unescaped: Vec::new(),
            raw: Vec::new(),
            position: Position::default(),
            unclosed: false,
            width: None,
            file_end: true,
            stray_quote: None,
            quote_seen: false,
            map: None,
            wide: wide_scan(),
        }
    }

    /// A splitter of bytes `from..to` of a regular file, read through
    /// memory mapping (byte offsets count from the file's start, lines
    /// from 1 at `from`). `reader` is not read.
    pub fn mapped(reader: R, delimiter: u8, file: File, from: u64, to: u64) -> Splitter<R> {
        let stretch = std::sync::Arc::new(Stretch::new(from, to));
        Splitter::mapped_stretch(reader, delimiter, file, from, stretch)
    }

    /// [`Splitter::mapped`] of a stretch whose end other threads may move
    /// back ([`Stretch::split_off`]).
    pub fn mapped_stretch(
        reader: R,
        delimiter: u8,
        file: File,
        from: u64,
        stretch: std::sync::Arc<Stretch>,
    ) -> Splitter<R> {
        let mut splitter = Splitter::starting_at(reader, delimiter, from);
        splitter.buf = Vec::new();
        splitter.map = Some(Mapping {
            file,
            window: None,
            at: from,
            limit: stretch.state.lock().map_or(from, |s| s.1.max(from)),
            size: MAP_WINDOW,
            stretch,
        });
        splitter
    }

    /// The bytes `start` and `end` index: the read buffer or the window.
    fn data(&self) -> &[u8] {
        bytes(&self.map, &self.buf)
    }

    /// Byte offset of the first byte not yet read.
    pub fn offset(&self) -> u64 {
        self.byte
    }

    /// Whether the input ended inside a quoted field: a chunk boundary
    /// fell inside a record.
    pub fn ended_in_quote(&self) -> bool {
        self.unclosed
    }

    /// The number of fields of a record (the header's): a quoted field
    /// that runs past its line into a record of another width, or to the
    /// end of the file, is then a stray quote, and its line is read as
    /// written.
    pub fn set_width(&mut self, width: usize) {
        self.width = Some(width);
    }

    /// This input ends before the end of its file (a chunk).
    pub fn set_chunk(&mut self) {
        self.file_end = false;
    }

    /// Whether the current record is the line of a stray quote: the
    /// quote's byte offset in the line and the lines a quoted field would
    /// have swallowed.
    pub fn stray_quote(&self) -> Option<(usize, u64)> {
        self.stray_quote
    }

    pub fn record(&self) -> Record<'_> {
        Record {
            bytes: if self.quoted {
                &self.unescaped
            } else {
                self.data()
            },
            fields: &self.fields,
            plain: !self.quoted,
            raw: &self.raw,
        }
    }

    pub fn position(&self) -> Position {
        self.position
    }

    /// The line after the last one read: the file's line count plus one
    /// once `next` has returned `None`.
    pub fn next_line(&self) -> u64 {
        self.line
    }

    /// Moves unread bytes to the front and reads more; false at the end.
    fn refill(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.end - self.start > MAX_RECORD {
            return Err(RecordError::TooLong.into());
        }
        if self.map.is_some() {
            return self.remap();
        }
        self.buf.copy_within(self.start..self.end, 0);
        self.end -= self.start;
        self.start = 0;
        if self.buf.len() - self.end < READ_SIZE / 2 {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        let read = loop {
            match self
                .reader
                .read(self.buf.get_mut(self.end..).unwrap_or_default())
            {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        };
        self.end += read;
        if read == 0 {
            self.eof = true;
        }
        Ok(read > 0)
    }

    /// Maps the next window of the file, from the first unread byte, up to
    /// the stretch's end as it is now (read under its lock).
    fn remap(&mut self) -> io::Result<bool> {
        let Some(stretch) = self.map.as_ref().map(|m| std::sync::Arc::clone(&m.stretch)) else {
            return Ok(false);
        };
        stretch.map_next(|end| {
            if let Some(m) = self.map.as_mut() {
                m.limit = end;
            }
            let more = self.remap_window()?;
            let mapped = self.map.as_ref().map_or(end, |m| m.at + self.end as u64);
            Ok((more, mapped))
        })
    }

    fn remap_window(&mut self) -> io::Result<bool> {
        let unread = self.end - self.start;
        let Some(m) = self.map.as_mut() else {
            return Ok(false);
        };
        let from = m.at + self.start as u64;
        let len = usize::try_from(m.limit - from)
            .unwrap_or(usize::MAX)
            .min(m.size.max(2 * unread));
        if len <= unread {
            self.eof = true;
            return Ok(false);
        }
        m.window = None;
        // SAFETY: the mapping is read-only and lives in this struct, which
        // hands out only borrows of it. Mapped bytes would change under
        // those borrows only if another process rewrote the export while it
        // is checked (and a truncation would stop the process): exports
        // are finished files, and clausier never writes them.
        let window = unsafe {
            memmap2::MmapOptions::new()
                .offset(from)
                .len(len)
                .populate()
                .map(&m.file)?
        };
        m.window = Some(window);
        m.at = from;
        self.start = 0;
        self.end = len;
        if from + len as u64 >= m.limit {
            self.eof = true;
        }
        Ok(true)
    }

    /// Reads the next record or blank line; `None` at the end of the input.
    pub fn read_next(&mut self) -> io::Result<Option<Event>> {
        let (line_end, newline, last_field) = loop {
            match self.scan_line() {
                Some((newline, last_field)) => break (newline, true, last_field),
                None if !self.eof => {
                    self.refill()?;
                }
                None if self.start == self.end => return Ok(None),
                None => {
                    let last_field = self.fields.last().map_or(self.start, |(_, e)| e + 1);
                    break (self.end, false, last_field);
                }
            }
        };
        if line_end - self.start > MAX_RECORD {
            return Err(RecordError::TooLong.into());
        }
        self.position = Position {
            line: self.line,
            byte: self.byte,
            lines: 1,
        };
        if self.quote_seen {
            return self.split_quoted().map(|()| Some(Event::Record));
        }
        let line = self.data().get(self.start..line_end).unwrap_or_default();
        if self.fields.is_empty() && line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
            self.advance(line_end, newline, 1);
            return Ok(Some(Event::Blank));
        }
        let field_end = if line_end > last_field && line.last() == Some(&b'\r') {
            line_end - 1
        } else {
            line_end
        };
        self.quoted = false;
        self.stray_quote = None;
        self.fields.push((last_field, field_end));
        self.advance(line_end, newline, 1);
        Ok(Some(Event::Record))
    }

    /// Looks for the end of the line at `start`, 32 or 16 bytes at a time,
    /// noting the fields that the delimiters before it close and whether
    /// it holds a quote (`quote_seen`). Returns the
    /// index of the newline and where the last field starts, or `None` when
    /// the buffer holds no newline (the fields noted are then those of the
    /// buffered part of the line).
    fn scan_line(&mut self) -> Option<(usize, usize)> {
        #[cfg(target_arch = "x86_64")]
        if self.wide {
            // SAFETY: `wide` is set only when the processor has AVX2.
            return unsafe { self.scan_line_avx2() };
        }
        self.scan_line_by::<16>(masks)
    }

    /// [`Splitter::scan_line`] compiled for AVX2, 32 bytes at a time.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn scan_line_avx2(&mut self) -> Option<(usize, usize)> {
        self.scan_line_by::<32>(|block, delimiter| {
            // SAFETY: this function runs only where AVX2 is available.
            unsafe { masks_avx2(block, delimiter) }
        })
    }

    /// The scan of a line, `W` bytes at a time (16 or 32), the bit masks
    /// of each block given by `masks`.
    #[inline(always)]
    fn scan_line_by<const W: usize>(
        &mut self,
        masks: impl Fn(&[u8], u8) -> (u32, u32, u32),
    ) -> Option<(usize, usize)> {
        let data = bytes(&self.map, &self.buf);
        let fields = &mut self.fields;
        fields.clear();
        let mut field_start = self.start;
        let mut at = self.start;
        let delimiter = self.delimiter;
        let mut quotes = 0;
        self.quote_seen = false;
        while let Some(block) = data.get(at..at + W).filter(|_| at + W <= self.end) {
            let (mut delimiters, newlines, mut quote) = masks(block, delimiter);
            if newlines != 0 {
                let before = (1u32 << newlines.trailing_zeros()).wrapping_sub(1);
                delimiters &= before;
                quote &= before;
            }
            quotes |= quote;
            while delimiters != 0 {
                let end = at + delimiters.trailing_zeros() as usize;
                fields.push((field_start, end));
                field_start = end + 1;
                delimiters &= delimiters - 1;
            }
            if newlines != 0 {
                self.quote_seen = quotes != 0;
                return Some((at + newlines.trailing_zeros() as usize, field_start));
            }
            at += W;
        }
        self.quote_seen = quotes != 0;
        let tail = data.get(at..self.end).unwrap_or_default();
        for (i, b) in tail.iter().enumerate() {
            if *b == b'\n' {
                return Some((at + i, field_start));
            }
            if *b == b'"' {
                self.quote_seen = true;
            } else if *b == delimiter {
                fields.push((field_start, at + i));
                field_start = at + i + 1;
            }
        }
        None
    }

    /// Consumes the line ending at `line_end` (and its newline).
    fn advance(&mut self, line_end: usize, newline: bool, lines: u64) {
        let next = if newline { line_end + 1 } else { line_end };
        self.byte += (next - self.start) as u64;
        self.start = next;
        self.line += lines;
    }

    /// Splits a record holding quotes, which may span lines, copying its
    /// unescaped fields into `unescaped`.
    fn split_quoted(&mut self) -> io::Result<()> {
        self.quoted = true;
        self.fields.clear();
        self.unescaped.clear();
        self.raw.clear();
        self.stray_quote = None;
        let mut field_start = 0;
        let mut raw_start = 0;
        let mut state = Quote::FieldStart;
        let mut i = self.start;
        let mut lines = 1;
        // Offsets from `start` (which a refill moves): the last quote that
        // opened a field, and the first line break inside quotes with the
        // quote whose field it is in.
        let mut opened = 0;
        let mut first_break: Option<(usize, usize)> = None;
        loop {
            if i >= self.end {
                let consumed = i - self.start;
                if !self.refill()? {
                    break;
                }
                i = self.start + consumed;
                if consumed > MAX_RECORD {
                    return Err(RecordError::QuoteNeverClosed.into());
                }
                continue;
            }
            let b = self.data().get(i).copied().unwrap_or(b'\n');
            match (state, b) {
                (Quote::Inside, b'"') => state = Quote::MaybeEnd,
                (Quote::Inside, b) => {
                    if b == b'\n' {
                        lines += 1;
                        first_break = first_break.or(Some((i - self.start, opened)));
                    }
                    self.unescaped.push(b);
                }
                (Quote::MaybeEnd, b'"') => {
                    self.unescaped.push(b'"');
                    state = Quote::Inside;
                }
                (Quote::FieldStart, b'"') => {
                    opened = i - self.start;
                    state = Quote::Inside;
                }
                (_, b'\n') => break,
                (_, d) if d == self.delimiter => {
                    self.fields.push((field_start, self.unescaped.len()));
                    field_start = self.unescaped.len();
                    self.raw.push((raw_start, i - self.start));
                    raw_start = i - self.start + 1;
                    state = Quote::FieldStart;
                }
                (_, b) => {
                    self.unescaped.push(b);
                    state = Quote::Unquoted;
                }
            }
            i += 1;
        }
        // The record ends at the newline at `i` (or at the end of input).
        if self.unescaped.len() > field_start
            && self.unescaped.last() == Some(&b'\r')
            && state != Quote::Inside
        {
            self.unescaped.pop();
        }
        let newline = i < self.end;
        // The last field ends at the line end, before a CR.
        let mut raw_end = i.min(self.end) - self.start;
        if newline
            && state != Quote::Inside
            && raw_end > raw_start
            && self.data().get(i.saturating_sub(1)) == Some(&b'\r')
        {
            raw_end -= 1;
        }
        self.raw.push((raw_start, raw_end));
        self.unclosed = !newline && state == Quote::Inside;
        if !newline && state == Quote::Inside && self.unescaped.last() == Some(&b'\n') {
            // An unclosed quote ran to the end: the last line break ends
            // the file, it is not data.
            self.unescaped.pop();
            if self.unescaped.last() == Some(&b'\r') {
                self.unescaped.pop();
            }
            lines -= 1;
        }
        self.fields.push((field_start, self.unescaped.len()));
        // A quoted field that ran past its line into a record of the wrong
        // width, or to the end of the file, is a stray quote (a label
        // holding `"NUMA`): its line is read as written, alone, and reading
        // goes on at the next line.
        let wrong_width = self.width.is_some_and(|w| self.fields.len() != w);
        let to_file_end = self.unclosed && self.file_end && self.width.is_some();
        if let Some((line_break, quote)) =
            first_break.filter(|_| (wrong_width && !self.unclosed) || to_file_end)
        {
            self.split_literal(line_break);
            self.stray_quote = Some((quote, lines));
            self.unclosed = false;
            self.position.lines = 1;
            self.advance(self.start + line_break, true, 1);
            return Ok(());
        }
        self.position.lines = lines;
        self.advance(i.min(self.end), newline, lines);
        Ok(())
    }

    /// Splits the line `start..start + len` at every delimiter, quotes
    /// kept as written, into `unescaped`.
    fn split_literal(&mut self, len: usize) {
        self.fields.clear();
        self.unescaped.clear();
        self.raw.clear();
        let line = self
            .data()
            .get(self.start..self.start + len)
            .unwrap_or_default()
            .to_vec();
        let line = line.strip_suffix(b"\r").unwrap_or(&line);
        let mut field_start = 0;
        for (i, &b) in line.iter().enumerate() {
            if b == self.delimiter {
                self.fields.push((field_start, self.unescaped.len()));
                self.raw.push((field_start + self.fields.len() - 1, i));
                field_start = self.unescaped.len();
            } else {
                self.unescaped.push(b);
            }
        }
        self.fields.push((field_start, self.unescaped.len()));
        self.raw
            .push((field_start + self.fields.len() - 1, line.len()));
    }
}

/// Bit `i` of the first mask is set where `block[i]` is the delimiter, of
/// the second where it is a newline, of the third where it is a quote.
#[cfg(target_arch = "x86_64")]
#[inline]
fn masks(block: &[u8], delimiter: u8) -> (u32, u32, u32) {
    use std::arch::x86_64::{_mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8};
    if block.len() < 16 {
        return masks_by_words(block, delimiter);
    }
    // SAFETY: SSE2 belongs to the x86_64 baseline, so every x86_64 CPU runs
    // these instructions; the unaligned load reads 16 bytes of `block`,
    // which holds at least 16 (checked above).
    let (d, n, q) = unsafe {
        let v = _mm_loadu_si128(block.as_ptr().cast());
        (
            _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(delimiter as i8))),
            _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8))),
            _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8))),
        )
    };
    (d as u32, n as u32, q as u32)
}

#[cfg(not(target_arch = "x86_64"))]
fn masks(block: &[u8], delimiter: u8) -> (u32, u32, u32) {
    masks_by_words(block, delimiter)
}

/// [`masks`] of a 32-byte block.
///
/// # Safety
/// The processor must have AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn masks_avx2(block: &[u8], delimiter: u8) -> (u32, u32, u32) {
    use std::arch::x86_64::{
        _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_set1_epi8,
    };
    let Some(block) = block.first_chunk::<32>() else {
        return (0, 0, 0);
    };
    // SAFETY: the unaligned load reads the 32 bytes of `block`.
    let v = unsafe { _mm256_loadu_si256(block.as_ptr().cast()) };
    let mask = |byte: u8| _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(byte as i8)));
    (
        mask(delimiter) as u32,
        mask(b'\n') as u32,
        mask(b'"') as u32,
    )
}

/// Whether lines can be scanned 32 bytes at a time: the processor has
/// AVX2 (asked once per splitter).
fn wide_scan() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// [`masks`] in portable code, eight bytes at a time.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn masks_by_words(block: &[u8], delimiter: u8) -> (u32, u32, u32) {
    let (mut d, mut n, mut q) = (0, 0, 0);
    for (k, chunk) in block.chunks_exact(8).take(2).enumerate() {
        let w = word(chunk);
        d |= bits(byte_mask(w, delimiter)) << (8 * k);
        n |= bits(byte_mask(w, b'\n')) << (8 * k);
        q |= bits(byte_mask(w, b'"')) << (8 * k);
    }
    (d, n, q)
}

/// The high bit of every byte of `word` that equals `byte`, and no other
/// bit: the exact form of the classic "has zero byte" test, applied to
/// `word ^ byte…byte`.
fn byte_mask(word: u64, byte: u8) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const SEVEN: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = word ^ (LOW * u64::from(byte));
    !(((x & SEVEN) + SEVEN) | x | SEVEN)
}

/// The high bits of a [`byte_mask`] gathered into bits 0 to 7 (the
/// multiplication puts byte `i`'s bit at bit `56 + i`, without carries).
fn bits(mask: u64) -> u32 {
    ((mask >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quote {
    /// At the start of a field: a quote opens a quoted field.
    FieldStart,
    /// In an unquoted field: quotes are literal.
    Unquoted,
    /// Inside quotes: delimiters and newlines are data.
    Inside,
    /// After a quote inside quotes: another quote is a literal quote.
    MaybeEnd,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_errors_reach_the_catalogue_typed() {
        use crate::i18n::{Lang, io_error};
        let quote = io::Error::from(RecordError::QuoteNeverClosed);
        assert_eq!(
            Lang::Fr.tr(&io_error(&quote)),
            "un champ entre guillemets n'est pas refermé dans les 16 Mio"
        );
        assert_eq!(
            Lang::En.tr(&io_error(&quote)),
            "a quoted field is not closed within 16 MiB"
        );
        let long = io::Error::from(RecordError::TooLong);
        assert_eq!(
            Lang::Fr.tr(&io_error(&long)),
            "un enregistrement de plus de 16 Mio"
        );
        // Never the catalogue's cause of an unreadable binary file.
        assert_ne!(
            io_error(&quote),
            crate::i18n::Message::new("io-invalid-data")
        );
    }

    /// Each record's fields as written: the text of its raw spans, read
    /// with a tiny buffer (refills move the record's start).
    fn raw_fields(data: &[u8], width: Option<usize>) -> Vec<Vec<String>> {
        let mut s = Splitter::new(data, b';');
        s.buf = vec![0; 8];
        if let Some(w) = width {
            s.set_width(w);
        }
        let mut out = Vec::new();
        while let Some(event) = s.read_next().unwrap() {
            if event == Event::Record {
                let start = usize::try_from(s.position().byte).unwrap();
                let rest = data.get(start..).unwrap();
                out.push(
                    s.record()
                        .raw_spans()
                        .into_iter()
                        .map(|r| String::from_utf8_lossy(&rest[r]).into_owned())
                        .collect(),
                );
            }
        }
        out
    }

    #[test]
    fn raw_spans_are_the_fields_as_written() {
        // A quote in mid-field is literal: `a"b` and `c"d` are two fields,
        // not one quoted `b;c`.
        assert_eq!(
            raw_fields(b"a\"b;c\"d;e\r\nx;y;z\n", None),
            [v(&["a\"b", "c\"d", "e"]), v(&["x", "y", "z"])]
        );
        // A quoted field keeps its quotes and its line break; CR LF ends it.
        assert_eq!(
            raw_fields(b"\"a;\"\"b\"\"\";\"l1\nl2\";c\r\nd;e;f", None),
            [
                v(&["\"a;\"\"b\"\"\"", "\"l1\nl2\"", "c"]),
                v(&["d", "e", "f"])
            ]
        );
        // A stray quote running into the next line of the wrong width is
        // its line alone, split at every delimiter.
        assert_eq!(
            raw_fields(b"1;\"NUMA;3\n4;5;6\n", Some(3)),
            [v(&["1", "\"NUMA", "3"]), v(&["4", "5", "6"])]
        );
    }

    /// (line, byte, lines, fields) of a record.
    type Split = (u64, u64, u64, Vec<String>);

    /// Every record, and the blank lines.
    fn split(data: &[u8]) -> (Vec<Split>, Vec<u64>) {
        split_with(data, 8, false) // a tiny buffer, to exercise refills
    }

    /// [`split`] with a read buffer of `size` bytes, scanning 32 bytes at a
    /// time if `wide`.
    fn split_with(data: &[u8], size: usize, wide: bool) -> (Vec<Split>, Vec<u64>) {
        let mut s = Splitter::new(data, b';');
        s.buf = vec![0; size];
        s.wide = wide;
        let (mut records, mut blanks) = (Vec::new(), Vec::new());
        while let Some(event) = s.read_next().unwrap() {
            let p = s.position();
            match event {
                Event::Blank => blanks.push(p.line),
                Event::Record => records.push((
                    p.line,
                    p.byte,
                    p.lines,
                    s.record()
                        .iter()
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                        .collect(),
                )),
            }
        }
        (records, blanks)
    }

    fn v(fields: &[&str]) -> Vec<String> {
        fields.iter().map(|f| (*f).to_owned()).collect()
    }

    #[test]
    fn a_span_of_fields_is_given_for_lines_without_quotes_only() {
        let mut s = Splitter::new(&b"x;ab;c;y\r\nx;\"a\";bc;y\n"[..], b';');
        let mut spans = Vec::new();
        while let Some(Event::Record) = s.read_next().unwrap() {
            let r = s.record();
            let owned = |b: Option<&[u8]>| b.map(<[u8]>::to_vec);
            spans.push((
                owned(r.span(1, 2)),
                owned(r.span(2, 1)),
                owned(r.span(1, 4)),
            ));
        }
        // The quoted line's fields are unescaped one after the other:
        // `a` and `bc` would read `abc`, as `ab` and `c` would.
        assert_eq!(
            spans,
            vec![(Some(b"ab;c".to_vec()), None, None), (None, None, None)]
        );
    }

    #[test]
    fn plain_lines_with_crlf_and_blanks() {
        let (records, blanks) = split(b"a;b\r\n\r\nc;;d\r\n");
        assert_eq!(
            records,
            vec![(1, 0, 1, v(&["a", "b"])), (3, 7, 1, v(&["c", "", "d"]))]
        );
        assert_eq!(blanks, vec![2]);
        let (records, _) = split(b"x\nlast;line");
        assert_eq!(
            records,
            vec![(1, 0, 1, v(&["x"])), (2, 2, 1, v(&["last", "line"]))]
        );
    }

    #[test]
    fn quoted_fields() {
        let (records, blanks) =
            split(b"\"a;b\";\"say \"\"hi\"\"\";x\"y\n\"two\nlines\";z\r\n\nend\n");
        assert_eq!(
            records,
            vec![
                (1, 0, 1, v(&["a;b", "say \"hi\"", "x\"y"])),
                (2, 23, 2, v(&["two\nlines", "z"])),
                (5, 39, 1, v(&["end"])),
            ]
        );
        assert_eq!(blanks, vec![4]);
    }

    #[test]
    fn sixteen_and_thirty_two_bytes_at_a_time_split_alike() {
        // Lines of every length around the block sizes, delimiters and
        // quotes at every offset, CRLF, blank lines, a quoted line break.
        let mut data = Vec::new();
        for n in 0..80usize {
            for k in 0..n {
                data.push(match (k * 7 + n) % 11 {
                    0 => b';',
                    5 if n % 9 == 0 => b'"',
                    _ => b'a' + (k % 26) as u8,
                });
            }
            data.extend_from_slice(if n % 4 == 0 { b"\r\n" } else { b"\n" });
            if n % 13 == 0 {
                data.extend_from_slice(b"\n\"x\ny\";z\n");
            }
        }
        let expected = split_with(&data, 1 << 16, false);
        assert!(expected.0.len() > 80);
        if !wide_scan() {
            return; // no AVX2 here: the narrow scan alone
        }
        for size in [8, 31, 33, 100, 1 << 16] {
            assert_eq!(split_with(&data, size, true), expected, "buffer {size}");
            assert_eq!(split_with(&data, size, false), expected, "buffer {size}");
        }
    }

    #[test]
    fn masks_mark_delimiters_and_newlines() {
        let block = b";a\n;\";bc;\n\n;;\"xyz;";
        let expected = |c: u8| {
            block
                .iter()
                .take(16)
                .enumerate()
                .filter(|(_, b)| **b == c)
                .map(|(i, _)| 1u32 << i)
                .sum::<u32>()
        };
        let want = (expected(b';'), expected(b'\n'), expected(b'"'));
        assert_eq!(masks(block, b';'), want);
        assert_eq!(masks_by_words(block, b';'), want);
        for i in 0..=255u8 {
            let word = u64::from_le_bytes([i, 0, 255, i, 1, i, 128, i]);
            assert_eq!(
                bits(byte_mask(word, i)),
                [i, 0, 255, i, 1, i, 128, i]
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == i)
                    .map(|(k, _)| 1 << k)
                    .sum::<u32>()
            );
        }
    }

    #[test]
    fn a_mapped_file_splits_as_its_bytes() {
        let data = b"a;b\r\n\n\"x;\ny\";z\nlong;er;line;here\n\"un\nclosed";
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, data).unwrap();
        let (records, blanks) = split(data);
        for size in [1, 7, 16, 4096] {
            for (from, skip) in [(0, 0), (5, 1)] {
                let mut s = Splitter::mapped(
                    std::io::empty(),
                    b';',
                    file.try_clone().unwrap(),
                    from,
                    data.len() as u64,
                );
                if let Some(m) = s.map.as_mut() {
                    m.size = size;
                }
                let (mut got, mut got_blanks) = (Vec::new(), Vec::new());
                while let Some(event) = s.read_next().unwrap() {
                    let p = s.position();
                    match event {
                        Event::Blank => got_blanks.push(p.line + skip),
                        Event::Record => got.push((
                            p.line + skip,
                            p.byte,
                            p.lines,
                            s.record()
                                .iter()
                                .map(|f| String::from_utf8_lossy(f).into_owned())
                                .collect::<Vec<_>>(),
                        )),
                    }
                }
                let want: Vec<_> = records.iter().filter(|r| r.1 >= from).cloned().collect();
                assert_eq!(got, want, "window {size}, from {from}");
                assert_eq!(got_blanks, blanks, "window {size}, from {from}");
            }
        }
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end() {
        let (records, _) = split(b"a;\"open\nstill\n");
        assert_eq!(records, vec![(1, 0, 2, v(&["a", "open\nstill"]))]);
    }

    #[test]
    fn a_stray_quote_is_read_as_written_on_its_line() {
        // Two fields a record: the quote opened on line 1 would swallow
        // lines 2 and 3 (never closed, or closed to the wrong width).
        for input in [&b"a;\"open\nb;c\nd;e\n"[..], b"a;\"open\nb;c\nd;e\"x;y\n"] {
            let mut s = Splitter::new(input, b';');
            s.set_width(2);
            assert_eq!(s.read_next().unwrap(), Some(Event::Record));
            let first: Vec<String> = s
                .record()
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            assert_eq!(first, v(&["a", "\"open"]));
            assert_eq!(s.stray_quote(), Some((2, 3)));
            assert_eq!(s.read_next().unwrap(), Some(Event::Record));
            assert_eq!(s.position().line, 2);
            assert_eq!(s.stray_quote(), None);
        }
    }

    #[test]
    fn a_stretch_cut_short_by_another_thread_ends_at_the_cut() {
        // Thirty lines; the reader maps 16 bytes at a time, and after its
        // second record the rest is cut in two at a line start.
        let data: Vec<u8> = (0..30)
            .flat_map(|i| format!("{i};ligne {i}\n").into_bytes())
            .collect();
        let mut file = tempfile::tempfile().unwrap();
        std::io::Write::write_all(&mut file, &data).unwrap();
        let read = |s: &mut Splitter<std::io::Empty>| {
            let mut got = Vec::new();
            while let Some(Event::Record) = s.read_next().unwrap() {
                got.push(String::from_utf8_lossy(s.record().get(0).unwrap()).into_owned());
            }
            got
        };
        let stretch = std::sync::Arc::new(Stretch::new(0, data.len() as u64));
        let mut first = Splitter::mapped_stretch(
            std::io::empty(),
            b';',
            file.try_clone().unwrap(),
            0,
            stretch.clone(),
        );
        if let Some(m) = first.map.as_mut() {
            m.size = 16;
        }
        let mut got = Vec::new();
        for _ in 0..2 {
            assert_eq!(first.read_next().unwrap(), Some(Event::Record));
            got.push(String::from_utf8_lossy(first.record().get(0).unwrap()).into_owned());
        }
        let mapped = first.map.as_ref().map(|m| m.at + first.end as u64).unwrap();
        assert_eq!(stretch.left(), data.len() as u64 - mapped);
        let line_start = |at: u64| {
            let at = at as usize;
            let newline = data.get(at..)?.iter().position(|b| *b == b'\n')?;
            Some((at + newline + 1) as u64)
        };
        // Too little left for the minimum: nothing is taken.
        assert_eq!(stretch.split_off(data.len() as u64, line_start), None);
        let (cut, end) = stretch.split_off(1, line_start).unwrap();
        assert!(cut > mapped && end == data.len() as u64);
        assert_eq!(data.get(cut as usize - 1), Some(&b'\n'));
        got.extend(read(&mut first));
        assert_eq!(first.offset(), cut, "the first reader stops at the cut");
        let mut second = Splitter::mapped_stretch(
            std::io::empty(),
            b';',
            file,
            cut,
            std::sync::Arc::new(Stretch::new(cut, end)),
        );
        got.extend(read(&mut second));
        let all: Vec<String> = (0..30).map(|i| i.to_string()).collect();
        assert_eq!(got, all);
    }
}
