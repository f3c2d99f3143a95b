//! Delimited-text exports read through an import profile: the header is
//! found past preamble lines, the profile is detected from it (or given),
//! preamble metadata is read, and each record becomes a transaction, a
//! skipped row or a rejection. Every physical line is accounted for.

use crate::i18n::Message;
use crate::msg;
use std::io::{self, Read};

use chrono::NaiveDate;

use super::encoding::Encoding;
use super::parse::{parse_amount, parse_date, same, trim};
use super::profile::{self, BudgetRule, ColumnRef, Field, Profile};
use super::split::{Event, Record, Splitter};
use super::{Accounting, Cents, Layout, Movement, RowPos, Transaction};
use crate::diag::{Code, Diagnostic, SourceId};
use crate::input::profile::title_key;
use crate::language::model::Budget;

const BOM: &[u8] = b"\xEF\xBB\xBF";
/// Records searched for the header line.
const MAX_PREAMBLE: usize = 100;
/// Bytes sampled to detect the encoding and the delimiter.
const SAMPLE: usize = 1 << 16;

/// What the caller decided about an export; unset fields are detected.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    pub profile: Option<Profile>,
    pub encoding: Option<Encoding>,
    /// The file was in this encoding (UTF-16) and is read made UTF-8: what
    /// the accounting and the help lines say it was read as.
    pub transcoded_from: Option<&'static str>,
}

/// How the budget and amount of a row are found, as column indexes.
#[derive(Clone, Debug)]
enum BudgetColumns {
    Fixed(Budget, usize),
    Column {
        column: usize,
        amount: usize,
        map: Vec<(Vec<u8>, Budget)>,
        carried: Vec<Vec<u8>>,
        ignore: Vec<Vec<u8>>,
        receipts: Vec<Vec<u8>>,
        /// No two values of `map`, `carried` and `ignore` are equal in any
        /// case: a value found as written in `map` is settled.
        distinct: bool,
    },
    Measures {
        ae: usize,
        ae_minus: Option<usize>,
        cp: usize,
    },
}

/// Where an export's bytes come from.
pub enum Input {
    /// Any reader (standard input, a sheet turned into text, a pipe).
    Reader(Box<dyn Read + Send>),
    /// Bytes `from..to` of a regular file, read through memory mapping.
    File {
        file: std::fs::File,
        from: u64,
        to: u64,
    },
    /// Bytes of a regular file from `from` to the end of a stretch that
    /// other threads may move back.
    Stretch {
        file: std::fs::File,
        from: u64,
        stretch: std::sync::Arc<crate::input::split::Stretch>,
    },
}

impl Input {
    fn splitter(self, delimiter: u8, byte: u64) -> Splitter<Box<dyn Read + Send>> {
        match self {
            Input::Reader(reader) => Splitter::starting_at(reader, delimiter, byte),
            Input::File { file, from, to } => {
                Splitter::mapped(Box::new(io::empty()), delimiter, file, from, to)
            }
            Input::Stretch {
                file,
                from,
                stretch,
            } => Splitter::mapped_stretch(Box::new(io::empty()), delimiter, file, from, stretch),
        }
    }
}

/// What reading one row gave.
// The transaction is the common variant, returned for every row: boxing it
// would allocate per row. A rejected row's diagnostic is boxed instead (it
// was copied with every row when it was the largest).
#[allow(clippy::large_enum_variant)]
pub enum Row<'a> {
    Transaction(Transaction<'a>),
    /// A subtotal or a measure that is not consumption: counted, not checked.
    Skipped,
    Rejected(Box<Diagnostic>),
}

/// An export being read.
pub struct Export {
    source: SourceId,
    splitter: Splitter<Box<dyn Read + Send>>,
    width: usize,
    /// The header's titles, as written, to name columns in messages.
    titles: Vec<String>,
    layout: Layout,
    dates: Vec<usize>,
    budget: BudgetColumns,
    ej_line: Option<usize>,
    dp: Option<usize>,
    subtotal: Option<Vec<u8>>,
    delimiter: u8,
    encoding: Encoding,
    accounting: Accounting,
    /// The last date text parsed and its value: exports repeat dates a lot.
    date_cache: DateCache,
    /// The first and last code columns ([`Layout::code_span`]).
    code_span: Option<(usize, usize)>,
}

fn missing_column(name: &str, what: Message, help: Option<Message>) -> Box<Diagnostic> {
    let d = Diagnostic::new(
        Code::InputMissingColumn,
        msg!("missing-column", file = name, what = what),
    );
    Box::new(match help {
        Some(help) => d.help(help),
        None => d,
    })
}

impl Export {
    /// Opens an export from a reader of its bytes. `sample` is its first
    /// bytes (at most 64 KiB), used to detect the encoding and delimiter;
    /// `reader` yields the whole content from the start.
    pub fn open(
        name: &str,
        source: SourceId,
        sample: &[u8],
        input: Input,
        options: &ReadOptions,
    ) -> Result<Export, Box<Diagnostic>> {
        let encoding = options
            .encoding
            .unwrap_or_else(|| Encoding::detect(sample, sample.len() >= SAMPLE));
        let delimiter = detect_delimiter(sample);
        let mut splitter = input.splitter(delimiter, 0);
        let (preamble, profile) =
            find_header(&mut splitter, name, encoding, options).map_err(|mut d| {
                // Say how the file was read: its encoding, its delimiter.
                if d.code == Code::InputMissingColumn {
                    let shown = match delimiter {
                        b'\t' => Message::new("delimiter-tab"),
                        d => Message::plain(format!("`{}`", char::from(d))),
                    };
                    let read = msg!(
                        "read-as",
                        encoding = options.transcoded_from.unwrap_or(encoding.name()),
                        delimiter = shown
                    );
                    d.help = Some(match d.help.take() {
                        Some(help) => msg!("help-then", first = help, then = read),
                        None => read,
                    });
                }
                d
            })?;
        let header = splitter.record();
        let resolved = resolve(&profile, &header, name, encoding)?;
        let header_line = splitter.position().line;
        let header_lines = splitter.position().lines;
        let mut accounting = Accounting {
            file: name.to_owned(),
            profile: profile.name.clone(),
            encoding: options.transcoded_from.unwrap_or(encoding.name()),
            preamble: header_line.saturating_sub(1),
            header: header_lines,
            ..Accounting::default()
        };
        metadata(&profile, &preamble, &mut accounting);
        let width = header.len();
        let titles = cells(&header, encoding);
        splitter.set_width(width);
        Ok(Export {
            source,
            splitter,
            width,
            titles,
            code_span: resolved.layout.code_span(),
            layout: resolved.layout,
            dates: resolved.dates,
            budget: resolved.budget,
            ej_line: resolved.ej_line,
            dp: resolved.dp,
            subtotal: profile.subtotal.as_deref().map(|s| encoding.encode(s)),
            delimiter,
            encoding,
            accounting,
            date_cache: DateCache::default(),
        })
    }

    pub fn source(&self) -> SourceId {
        self.source
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Line and byte where the data rows start (after the header).
    pub fn data_start(&self) -> (u64, u64) {
        (self.splitter.next_line(), self.splitter.offset())
    }

    /// Byte offset of the first byte not yet read.
    pub fn offset(&self) -> u64 {
        self.splitter.offset()
    }

    /// Whether reading ended inside a quoted field (see [`Splitter`]).
    pub fn ended_in_quote(&self) -> bool {
        self.splitter.ended_in_quote()
    }

    /// A reader of another stretch of the same export (a chunk starting at
    /// `byte`, at a line start), with the same layout; its lines count from
    /// 1 and its accounting starts empty.
    pub fn fork(&self, input: Input, byte: u64) -> Export {
        let mut splitter = input.splitter(self.delimiter, byte);
        splitter.set_width(self.width);
        Export {
            source: self.source,
            splitter,
            width: self.width,
            titles: self.titles.clone(),
            layout: self.layout.clone(),
            code_span: self.code_span,
            dates: self.dates.clone(),
            budget: self.budget.clone(),
            ej_line: self.ej_line,
            dp: self.dp,
            subtotal: self.subtotal.clone(),
            delimiter: self.delimiter,
            encoding: self.encoding,
            accounting: Accounting {
                file: self.accounting.file.clone(),
                profile: self.accounting.profile.clone(),
                encoding: self.accounting.encoding,
                ..Accounting::default()
            },
            date_cache: DateCache::default(),
        }
    }

    /// The header's titles, as written.
    pub fn titles(&self) -> &[String] {
        &self.titles
    }

    pub fn profile_name(&self) -> &str {
        &self.accounting.profile
    }

    /// Reads the next row. `Ok(None)` at the end of the file; `Err` when the
    /// file cannot be read further (an I/O error), which ends this file.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, Box<Diagnostic>> {
        loop {
            let event = self.splitter.read_next().map_err(|e| {
                Box::new(Diagnostic::new(
                    Code::InputUnreadable,
                    msg!("reading-stopped", error = crate::i18n::io_error(&e))
                        .arg("line", self.splitter.next_line().to_string()),
                ))
            })?;
            match event {
                None => return Ok(None),
                Some(Event::Blank) => self.accounting.blank += 1,
                Some(Event::Record) => break,
            }
        }
        let p = self.splitter.position();
        self.accounting.continuation += p.lines - 1;
        let pos = RowPos {
            source: self.source,
            line: p.line,
            byte: p.byte,
        };
        Ok(Some(self.row(pos)))
    }

    /// How the file's lines were accounted for; complete once `next_row`
    /// has returned `Ok(None)`.
    pub fn accounting(&self) -> Accounting {
        let mut a = self.accounting.clone();
        a.lines = self.splitter.next_line() - 1;
        a
    }

    /// This reader's input ends before the end of its file (a chunk).
    pub fn set_chunk(&mut self) {
        self.splitter.set_chunk();
    }

    /// Reads the current record, counting it as checked, skipped or rejected.
    fn row(&mut self, pos: RowPos) -> Row<'_> {
        let record = self.splitter.record();
        let counts = &mut self.accounting;
        let reject = |counts: &mut Accounting, d: Diagnostic| {
            counts.rejected += 1;
            Row::Rejected(Box::new(d))
        };
        if let Some((quote, lines)) = self.splitter.stray_quote() {
            let column = stray_column(&record, quote);
            let d = Diagnostic::new(
                Code::InputMalformed,
                msg!(
                    "row-stray-quote",
                    column = self.titles.get(column).cloned().unwrap_or_default()
                )
                .count("lines", lines.saturating_sub(1)),
            )
            .at_row(pos.to_ref(vec![column], Message::new("stray-quote-label")))
            .help(Message::new("row-stray-quote-help"));
            return reject(counts, d);
        }
        if record.len() != self.width {
            return reject(counts, malformed_width(pos, record.len(), self.width));
        }
        if let Some(marker) = &self.subtotal
            && record.iter().any(|f| contains(f, marker))
        {
            counts.subtotals += 1;
            return Row::Skipped;
        }
        let field = |i: usize| record.get(i).unwrap_or_default();
        let (movements, receipt) = match movements(&self.budget, &record) {
            Ok(Some(m)) => m,
            Ok(None) => {
                counts.skipped += 1;
                return Row::Skipped;
            }
            Err((column, why)) => {
                let d = malformed(pos, &self.titles, column, field(column), why, self.encoding);
                let help = if column == budget_column(&self.budget) {
                    budget_help(&self.budget, self.encoding)
                } else {
                    Message::new("amount-help")
                };
                return reject(counts, d.help(help));
            }
        };
        let date_column = match self.dates.as_slice() {
            [only] => *only,
            dates => dates
                .iter()
                .copied()
                .find(|i| !is_empty(field(*i)))
                .or(dates.first().copied())
                .unwrap_or(0),
        };
        let date_field = field(date_column);
        let Some(date) = self.date_cache.parse(date_field) else {
            let why = if is_empty(date_field) {
                "why-no-date"
            } else {
                "why-not-a-date"
            };
            let d = malformed(
                pos,
                &self.titles,
                date_column,
                date_field,
                why,
                self.encoding,
            )
            .help(Message::new("date-help"));
            return reject(counts, d);
        };
        counts.checked += 1;
        let layout = &self.layout;
        let opt = |i: Option<usize>| i.map(|i| trim(field(i)));
        let nonempty = |i: Option<usize>| opt(i).filter(|v| !matches!(*v, b"" | b"#"));
        Row::Transaction(Transaction {
            pos,
            date,
            date_column,
            movements,
            receipt,
            encoding: self.encoding,
            ej: nonempty(layout.ej),
            ej_line: nonempty(self.ej_line),
            dp: nonempty(self.dp),
            codes: layout.row_codes(opt),
            codes_raw: self.code_span.and_then(|(a, b)| record.span(a, b)),
            contract: opt(layout.contract),
            supplier: opt(layout.supplier),
            title: opt(layout.title),
            account: opt(layout.account),
        })
    }
}

/// Date fields already parsed, by their text (up to 32 bytes), in
/// [`DATE_SLOTS`] slots addressed by a hash of the text: an export has a
/// few hundred distinct dates, each repeated over thousands of rows.
struct DateCache {
    slots: Vec<DateSlot>,
}

/// Slots of the [`DateCache`]: 256 let a quarter of the rows of two years'
/// export (578 distinct dates) miss, a miss costing a parse; 2,048 (96 KiB)
/// keep nearly every date of several years.
const DATE_SLOTS: usize = 2048;

#[derive(Clone, Copy, Default)]
struct DateSlot {
    text: [u8; 32],
    /// Length of `text`; `usize::MAX` for an empty slot.
    len: usize,
    date: Option<NaiveDate>,
}

impl Default for DateCache {
    fn default() -> Self {
        let empty = DateSlot {
            len: usize::MAX,
            ..DateSlot::default()
        };
        DateCache {
            slots: vec![empty; DATE_SLOTS],
        }
    }
}

impl DateCache {
    fn parse(&mut self, field: &[u8]) -> Option<NaiveDate> {
        let head = field
            .first_chunk::<8>()
            .map_or(0, |c| u64::from_le_bytes(*c));
        let tail = field
            .last_chunk::<8>()
            .map_or(0, |c| u64::from_le_bytes(*c));
        let hash = (head ^ tail.rotate_left(29) ^ field.len() as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            >> (64 - DATE_SLOTS.trailing_zeros());
        let Some(slot) = self.slots.get_mut(hash as usize) else {
            return parse_date(field);
        };
        if slot
            .text
            .get(..slot.len)
            .is_some_and(|text| same(text, field))
        {
            return slot.date;
        }
        let date = parse_date(field);
        if let Some(text) = slot.text.get_mut(..field.len()) {
            text.copy_from_slice(field);
            slot.len = field.len();
            slot.date = date;
        }
        date
    }
}

/// `#` and blanks mean "no value" in CHORUS exports.
fn is_empty(field: &[u8]) -> bool {
    matches!(trim(field), b"" | b"#")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// A row's movements, and its receipt when it is one.
type Moves = ([Option<Movement>; 3], Option<super::Receipt>);

type MovementResult = Result<Option<Moves>, (usize, &'static str)>;

fn movement(budget: Budget, amount: Cents, column: usize, carried: bool) -> Option<Movement> {
    Some(Movement {
        budget,
        amount,
        column,
        carried,
    })
}

/// The movements of a row, `None` when its measure is to be skipped, or the
/// column and reason of a rejection.
fn movements(budget: &BudgetColumns, record: &Record<'_>) -> MovementResult {
    let field = |i: usize| record.get(i).unwrap_or_default();
    let amount = |i: usize| parse_amount(field(i)).map_err(|e| (i, e.reason()));
    match budget {
        BudgetColumns::Fixed(budget, column) => Ok(Some((
            [
                movement(*budget, amount(*column)?, *column, false),
                None,
                None,
            ],
            None,
        ))),
        BudgetColumns::Column {
            column,
            amount: amount_column,
            map,
            carried,
            ignore,
            receipts,
            distinct,
        } => {
            let value = trim(field(*column));
            // As written in the profile (the common case), else in any case.
            if let Some((_, budget)) = map.iter().find(|(v, _)| *distinct && same(v, value)) {
                let m = movement(*budget, amount(*amount_column)?, *amount_column, false);
                return Ok(Some(([m, None, None], None)));
            }
            let same = |v: &Vec<u8>| v.eq_ignore_ascii_case(value);
            if ignore.iter().any(same) {
                return Ok(None);
            }
            if receipts.iter().any(same) {
                let receipt = super::Receipt {
                    amount: amount(*amount_column)?,
                    column: *amount_column,
                };
                return Ok(Some(([None, None, None], Some(receipt))));
            }
            let (budget, carried) = if carried.iter().any(same) {
                (Budget::AE, true)
            } else {
                match map.iter().find(|(v, _)| same(v)) {
                    Some((_, budget)) => (*budget, false),
                    None => return Err((*column, "why-unmapped-budget")),
                }
            };
            let m = movement(budget, amount(*amount_column)?, *amount_column, carried);
            Ok(Some(([m, None, None], None)))
        }
        BudgetColumns::Measures { ae, ae_minus, cp } => {
            let measure = |i: usize| {
                if is_empty(field(i)) { Ok(0) } else { amount(i) }
            };
            let (carried, carried_column) = match ae_minus {
                Some(i) => (measure(*i)?, *i),
                None => (0, *ae),
            };
            let ae_amount = measure(*ae)?
                .checked_sub(carried)
                .ok_or((*ae, "why-too-large"))?;
            let cp_amount = measure(*cp)?;
            let nonzero = |m: Option<Movement>| m.filter(|m| m.amount != 0);
            Ok(Some((
                [
                    nonzero(movement(Budget::AE, carried, carried_column, true)),
                    nonzero(movement(Budget::AE, ae_amount, *ae, false)),
                    nonzero(movement(Budget::CP, cp_amount, *cp, false)),
                ],
                None,
            )))
        }
    }
}

/// A rejected row; `why` is the catalogue entry of the reason.
fn malformed(
    pos: RowPos,
    titles: &[String],
    column: usize,
    value: &[u8],
    why: &'static str,
    encoding: Encoding,
) -> Diagnostic {
    let shown = encoding.decode(trim(value));
    let name = titles
        .get(column)
        .map_or_else(|| format!("{}", column + 1), Clone::clone);
    Diagnostic::new(
        Code::InputMalformed,
        msg!(
            "row-rejected",
            name = name,
            shown = shown.as_ref(),
            why = Message::new(why)
        ),
    )
    .at_row(pos.to_ref(vec![column], Message::new(why)))
}

/// The field of a line read as written that holds byte `offset` of the
/// line (fields and their delimiters, in order).
fn stray_column(record: &Record<'_>, offset: usize) -> usize {
    let mut end = 0;
    for (i, field) in record.iter().enumerate() {
        end += field.len();
        if offset <= end {
            return i;
        }
        end += 1;
    }
    record.len().saturating_sub(1)
}

/// The column naming the budget, if the layout has one.
fn budget_column(budget: &BudgetColumns) -> usize {
    match budget {
        BudgetColumns::Column { column, .. } => *column,
        _ => usize::MAX,
    }
}

fn budget_help(budget: &BudgetColumns, encoding: Encoding) -> Message {
    let BudgetColumns::Column {
        map,
        carried,
        ignore,
        ..
    } = budget
    else {
        return Message::plain("");
    };
    let list = |values: &[&Vec<u8>]| {
        values
            .iter()
            .map(|v| format!("`{}`", encoding.decode(v)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let of = |b: Budget| {
        list(
            &map.iter()
                .filter(|(_, x)| *x == b)
                .map(|(v, _)| v)
                .collect::<Vec<_>>(),
        )
    };
    // A clause of the help for values the profile carries or skips, if any.
    let part = |id: &'static str, values: &[Vec<u8>]| {
        if values.is_empty() {
            Message::plain("")
        } else {
            Message::new(id).arg("values", list(&values.iter().collect::<Vec<_>>()))
        }
    };
    let carried = part("budget-help-carried", carried);
    let ignored = part("budget-help-skips", ignore);
    msg!(
        "budget-help",
        ae = of(Budget::AE),
        cp = of(Budget::CP),
        carried = carried,
        ignored = ignored
    )
}

fn malformed_width(pos: RowPos, found: usize, expected: usize) -> Diagnostic {
    Diagnostic::new(
        Code::InputMalformed,
        Message::new("row-rejected-width")
            .count("found", found)
            .count("expected", expected),
    )
    .at_row(pos.to_ref(Vec::new(), Message::new("row-fields").count("found", found)))
    .help(Message::new("row-rejected-width-help"))
}

/// The cells of a record as text, trimmed, without a leading BOM.
fn cells(record: &Record<'_>, encoding: Encoding) -> Vec<String> {
    record
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let f = if i == 0 {
                f.strip_prefix(BOM).unwrap_or(f)
            } else {
                f
            };
            encoding.decode(trim(f)).trim().to_owned()
        })
        .collect()
}

/// Folded titles of a record, for comparison with a profile's.
fn titles(record: &Record<'_>, encoding: Encoding) -> Vec<String> {
    cells(record, encoding)
        .iter()
        .map(|c| title_key(c))
        .collect()
}

/// The preamble's cells and the profile of the header line, which is the
/// splitter's current record.
type Header = (Vec<Vec<String>>, Profile);

/// The layout a header line came closest to, when none matched.
struct Closest {
    profile: String,
    line: u64,
    found: usize,
    missing: Vec<String>,
}

/// Reads records until one is the header of the given profile (or of a
/// built-in one), keeping the preamble's cells.
fn find_header(
    splitter: &mut Splitter<Box<dyn Read + Send>>,
    name: &str,
    encoding: Encoding,
    options: &ReadOptions,
) -> Result<Header, Box<Diagnostic>> {
    let candidates = match &options.profile {
        Some(p) => vec![p.clone()],
        None => profile::builtins().to_vec(),
    };
    let mut preamble = Vec::new();
    let mut closest: Option<Closest> = None;
    for _ in 0..MAX_PREAMBLE {
        match splitter.read_next() {
            Ok(Some(Event::Record)) => {}
            Ok(Some(Event::Blank)) => continue,
            Ok(None) => break,
            Err(e) => {
                return Err(Box::new(Diagnostic::new(
                    Code::InputUnreadable,
                    msg!(
                        "cannot-read",
                        file = name,
                        error = crate::i18n::io_error(&e)
                    ),
                )));
            }
        }
        let record = splitter.record();
        let folded = titles(&record, encoding);
        if let Some(p) = candidates.iter().find(|p| p.matches(&folded)) {
            return Ok((preamble, p.clone()));
        }
        let line = splitter.position().line;
        for p in &candidates {
            let missing: Vec<String> = p
                .header
                .iter()
                .filter(|h| !folded.contains(&title_key(h)))
                .cloned()
                .collect();
            let found = p.header.len() - missing.len();
            if found > 0 && closest.as_ref().is_none_or(|c: &Closest| found > c.found) {
                closest = Some(Closest {
                    profile: p.name.clone(),
                    line,
                    found,
                    missing,
                });
            }
        }
        preamble.push(cells(&splitter.record(), encoding));
    }
    if let Some(c) = closest {
        return Err(missing_column(
            name,
            msg!("no-columns", columns = quoted(&c.missing)).count("count", c.missing.len()),
            Some(
                msg!(
                    "no-columns-help",
                    profile = c.profile.as_str(),
                    columns = quoted(&c.missing)
                )
                .arg("line", c.line.to_string()),
            ),
        ));
    }
    // The titles seen on the first line, to compare with what a layout
    // expects.
    let seen = preamble
        .first()
        .map(|cells| {
            let shown: Vec<String> = cells.iter().take(12).cloned().collect();
            quoted(&shown)
        })
        .unwrap_or_default();
    let (what, help) = match &options.profile {
        Some(p) => (
            msg!("no-profile-header", profile = p.name.as_str()),
            msg!("no-profile-header-help", titles = quoted(&p.header)),
        ),
        None if preamble.is_empty() => {
            (Message::new("file-empty"), Message::new("file-empty-help"))
        }
        None => (
            Message::new("no-known-header"),
            msg!(
                "no-known-header-help",
                layouts = profile::builtin_names().join(", "),
                seen = seen
            ),
        ),
    };
    Err(missing_column(name, what, Some(help)))
}

fn quoted(titles: &[String]) -> String {
    titles
        .iter()
        .map(|t| format!("`{t}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Fiscal year and measure from the preamble, where the profile names them.
fn metadata(profile: &Profile, preamble: &[Vec<String>], accounting: &mut Accounting) {
    for cells in preamble {
        if let Some(key) = &profile.fiscal_year_key {
            let key = title_key(key);
            if let Some(i) = cells.iter().position(|c| title_key(c) == key) {
                accounting.fiscal_year = cells.iter().skip(i + 1).find(|c| !c.is_empty()).cloned();
            }
        }
        for m in &profile.measures {
            if cells.iter().any(|c| title_key(c) == title_key(m)) {
                accounting.measure = Some(m.clone());
            }
        }
    }
}

struct Resolved {
    layout: Layout,
    dates: Vec<usize>,
    budget: BudgetColumns,
    ej_line: Option<usize>,
    dp: Option<usize>,
}

/// Column indexes of a profile's fields on a header line.
fn resolve(
    profile: &Profile,
    header: &Record<'_>,
    name: &str,
    encoding: Encoding,
) -> Result<Resolved, Box<Diagnostic>> {
    let folded = titles(header, encoding);
    let find = |c: &ColumnRef| {
        let title = title_key(&c.title);
        folded
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == title)
            .nth(c.occurrence.saturating_sub(1))
            .map(|(i, _)| i)
    };
    let all = |f: Field| -> Vec<usize> { profile.columns(f).iter().filter_map(find).collect() };
    let first = |f: Field| all(f).into_iter().next();
    let require = |c: &ColumnRef| {
        find(c).ok_or_else(|| {
            missing_column(
                name,
                msg!(
                    "no-profile-column",
                    title = c.title.as_str(),
                    profile = profile.name.as_str()
                ),
                Some(msg!(
                    "header-reads",
                    titles = quoted(&header_titles(header))
                )),
            )
        })
    };
    let dates = all(Field::Date);
    let Some(date_title) = profile.columns(Field::Date).first() else {
        return Err(missing_column(name, Message::new("profile-no-date"), None));
    };
    if dates.is_empty() {
        require(date_title)?;
    }
    let amount_column = || -> Result<usize, Box<Diagnostic>> {
        match profile.columns(Field::Amount).first() {
            Some(c) => require(c),
            None => Err(missing_column(
                name,
                msg!("profile-no-amount", profile = profile.name.as_str()),
                None,
            )),
        }
    };
    let budget = match &profile.budget {
        BudgetRule::Fixed(b) => BudgetColumns::Fixed(*b, amount_column()?),
        BudgetRule::Column {
            column,
            map,
            carried,
            ignore,
            receipts,
        } => {
            let values: Vec<String> = (map.iter().map(|(v, _)| v))
                .chain(carried)
                .chain(ignore)
                .chain(receipts)
                .map(|v| v.to_lowercase())
                .collect();
            let mut unique = values.clone();
            unique.sort();
            unique.dedup();
            BudgetColumns::Column {
                column: require(column)?,
                amount: amount_column()?,
                map: map.iter().map(|(v, b)| (encoding.encode(v), *b)).collect(),
                carried: carried.iter().map(|v| encoding.encode(v)).collect(),
                ignore: ignore.iter().map(|v| encoding.encode(v)).collect(),
                receipts: receipts.iter().map(|v| encoding.encode(v)).collect(),
                distinct: unique.len() == values.len(),
            }
        }
        BudgetRule::Measures { ae, ae_minus, cp } => BudgetColumns::Measures {
            ae: require(ae)?,
            ae_minus: ae_minus.as_ref().map(require).transpose()?,
            cp: require(cp)?,
        },
    };
    Ok(Resolved {
        layout: Layout {
            codes: [
                first(Field::Programme),
                first(Field::Bop),
                first(Field::CentreFinancier),
                first(Field::DomaineFonctionnel),
                first(Field::Activite),
                first(Field::CentreDeCouts),
                first(Field::ServiceExecutant),
            ],
            ej: first(Field::Ej),
            contract: first(Field::Contract),
            supplier: first(Field::Supplier),
            title: first(Field::Title),
            account: first(Field::Account),
        },
        dates,
        budget,
        ej_line: first(Field::EjLine),
        dp: first(Field::Dp),
    })
}

fn header_titles(header: &Record<'_>) -> Vec<String> {
    header
        .iter()
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect()
}

/// `;`, `,` or tab, whichever the sample holds most of outside quotes (`;`
/// on a tie or when there is none).
pub fn detect_delimiter(sample: &[u8]) -> u8 {
    // The delimiters between the sample's fields, as the record reader
    // splits them with each candidate (quotes only open a field).
    let count = |delimiter: u8| {
        let mut splitter = Splitter::of_bytes(sample, delimiter);
        let mut n = 0usize;
        while let Ok(Some(event)) = splitter.read_next() {
            if event == Event::Record {
                n += splitter.record().len().saturating_sub(1);
            }
        }
        n
    };
    [b';', b',', b'\t']
        .into_iter()
        .map(|d| (count(d), d))
        .reduce(|best, next| if next.0 > best.0 { next } else { best })
        .map_or(b';', |(_, d)| d)
}

/// Reads up to [`SAMPLE`] bytes from the start of a reader.
pub fn sample_of(reader: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut sample = Vec::with_capacity(SAMPLE);
    reader.take(SAMPLE as u64).read_to_end(&mut sample)?;
    Ok(sample)
}
