//! Orchestration of a check: opens the exports, streams their rows through
//! the evaluator, and hands every diagnostic to a callback as it comes.
//! No rendering here, and no knowledge of the command line.

use crate::i18n::Message;
use crate::msg;
use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Code, Diagnostic};
use crate::eval::route::{Route, Router};
use crate::eval::sort::MEMORY_BUDGET;
use crate::eval::{Evaluator, Period, Shard, ShardParts, Summary};
use crate::input::csv::{Export, Input, ReadOptions, Row, sample_of};
use crate::input::encoding::Encoding;
use crate::input::split::Stretch;
use crate::input::{Accounting, Layout, Transaction, sheet};
use crate::language::model::Convention;
use crate::order::{HELD_BYTES, InOrder};
use crate::progress::{Progress, TICK_ROWS};
use crate::source::{SourceKind, Sources};

/// How a check ended.
pub enum Outcome {
    /// Every export was read to its end.
    Done(Summary),
    /// Some input could not be used (an export that cannot be opened, read
    /// to its end, or sorted); the diagnostics said why.
    Unusable(Option<Summary>),
}

/// How exports are to be read: profile and encoding (detected when
/// unset), and the sheet of spreadsheets.
#[derive(Clone, Debug, Default)]
pub struct ExportOptions {
    pub read: ReadOptions,
    pub sheet: Option<String>,
}

/// Registers and opens every export (`-` is standard input); `None` if any
/// cannot be opened (each failure is reported).
pub fn open_exports(
    paths: &[PathBuf],
    options: &ExportOptions,
    sources: &mut Sources,
    out: &mut dyn FnMut(&Sources, Diagnostic),
) -> Option<Vec<Export>> {
    let mut exports = Vec::new();
    let mut failed = false;
    for path in paths {
        match open_export(path, options, sources) {
            Ok(export) => exports.push(export),
            Err(d) => {
                out(sources, *d);
                failed = true;
            }
        }
    }
    (!failed).then_some(exports)
}

/// Text held in memory (standard input, a sheet, a legacy encoding, bytes
/// handed over): its source, its first bytes and a reader of it.
fn memory(bytes: Vec<u8>) -> (SourceKind, Vec<u8>, Input) {
    let bytes: Arc<[u8]> = Arc::from(bytes);
    let sample = bytes.get(..1 << 16).unwrap_or(&bytes).to_vec();
    let input = Input::Reader(Box::new(Cursor::new(Arc::clone(&bytes))));
    let kind = SourceKind::Memory {
        bytes,
        delimiter: b';',
        encoding: Encoding::Utf8,
    };
    (kind, sample, input)
}

fn open_export(
    path: &Path,
    options: &ExportOptions,
    sources: &mut Sources,
) -> Result<Export, Box<Diagnostic>> {
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| Box::new(crate::input::unreadable(&shown, &e));
    let mut transcoded_from = None;
    let (name, (kind, sample, input)) = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        ("(stdin)".to_owned(), memory(bytes))
    } else if sheet::is_spreadsheet(path) {
        match sheet::stream(path, options.sheet.as_deref())? {
            Some(streamed) => {
                // The first bytes, for the layout, then the rest.
                let mut reader = streamed.reader;
                let mut sample = Vec::with_capacity(1 << 16);
                (&mut reader)
                    .take(1 << 16)
                    .read_to_end(&mut sample)
                    .map_err(|e| sheet::unreadable_workbook(path, Message::plain(e.to_string())))?;
                let kind = SourceKind::Spooled {
                    path: streamed.spool,
                    delimiter: b';',
                    encoding: Encoding::Utf8,
                };
                let input = Input::Reader(Box::new(Cursor::new(sample.clone()).chain(reader)));
                (
                    format!("{shown}[{}]", streamed.sheet),
                    (kind, sample, input),
                )
            }
            None => {
                let (text, sheet) = sheet::to_text(path, options.sheet.as_deref())?;
                (format!("{shown}[{sheet}]"), memory(text))
            }
        }
    } else {
        let mut file = File::open(path).map_err(unreadable)?;
        let sample = sample_of(&mut file).map_err(unreadable)?;
        match legacy_text(path, &sample).map_err(unreadable)? {
            Some((text, from)) => {
                transcoded_from = from;
                (shown.clone(), memory(text))
            }
            None => {
                let kind = SourceKind::Export {
                    path: path.to_path_buf(),
                    delimiter: b';',
                    encoding: Encoding::Utf8,
                };
                let input = file_input(file, 0, None).map_err(unreadable)?;
                (shown.clone(), (kind, sample, input))
            }
        }
    };
    let id = sources.add_export(&name, kind);
    let spreadsheet = sheet::is_spreadsheet(path) && options.sheet.is_none();
    let read = ReadOptions {
        transcoded_from,
        ..options.read.clone()
    };
    let export = Export::open(&name, id, &sample, input, &read).map_err(|mut d| {
        // The first sheet is not the data: name the others.
        let names = if spreadsheet && d.code == Code::InputMissingColumn {
            sheet::names(path)
        } else {
            Vec::new()
        };
        if names.len() > 1 {
            let other = names.get(1).cloned().unwrap_or_default();
            let hint = msg!("sheets-try", sheets = names.join(", "), other = other);
            d.help = Some(match d.help.take() {
                Some(help) => msg!("help-then", first = help, then = hint),
                None => hint,
            });
        }
        d
    })?;
    sources.set_format(id, export.delimiter(), export.encoding());
    sources.set_titles(id, export.titles().to_vec());
    Ok(export)
}

/// Opens an export held in memory (`name` says what it is: its extension
/// tells a spreadsheet from text): no file, no thread, nothing spooled.
/// For callers that hold the bytes, such as a browser page.
pub fn open_export_bytes(
    name: &str,
    bytes: Vec<u8>,
    options: &ExportOptions,
    sources: &mut Sources,
) -> Result<Export, Box<Diagnostic>> {
    let mut transcoded_from = None;
    let (shown, text) = if sheet::is_spreadsheet(Path::new(name)) {
        let (text, sheet) = sheet::bytes_to_text(name, bytes, options.sheet.as_deref())?;
        (format!("{name}[{sheet}]"), text)
    } else {
        let sample = bytes.get(..1 << 16).unwrap_or(&bytes);
        match legacy_bytes(sample, &bytes) {
            Some((text, from)) => {
                transcoded_from = from;
                (name.to_owned(), text)
            }
            None => (name.to_owned(), bytes),
        }
    };
    let (kind, sample, input) = memory(text);
    let id = sources.add_export(&shown, kind);
    let read = ReadOptions {
        transcoded_from,
        ..options.read.clone()
    };
    let export = Export::open(&shown, id, &sample, input, &read)?;
    sources.set_format(id, export.delimiter(), export.encoding());
    sources.set_titles(id, export.titles().to_vec());
    Ok(export)
}

/// [`legacy_text`] of bytes in memory.
fn legacy_bytes(sample: &[u8], bytes: &[u8]) -> Option<Transcoded> {
    let utf16 = sample.starts_with(b"\xff\xfe") || sample.starts_with(b"\xfe\xff");
    let cr_only = sample.contains(&b'\r') && !sample.contains(&b'\n');
    if utf16 {
        let file = crate::input::encoding::TextFile::decode(bytes);
        return Some((file.text.into_bytes(), Some(file.encoding.name())));
    }
    if !cr_only || bytes.contains(&b'\n') {
        return None;
    }
    Some((
        bytes
            .iter()
            .map(|&b| if b == b'\r' { b'\n' } else { b })
            .collect(),
        None,
    ))
}

/// The text of an export that the byte reader cannot take as it is:
/// UTF-16 (Excel's "Unicode text", with its BOM), made UTF-8, and files
/// whose lines end in CR alone (old Mac OS), made LF. `None` for any other
/// file, which is read in place. `sample` holds the file's first bytes.
/// With the text, the encoding it was decoded from, if not UTF-8.
type Transcoded = (Vec<u8>, Option<&'static str>);

fn legacy_text(path: &Path, sample: &[u8]) -> std::io::Result<Option<Transcoded>> {
    let utf16 = sample.starts_with(b"\xff\xfe") || sample.starts_with(b"\xfe\xff");
    let cr_only = sample.contains(&b'\r') && !sample.contains(&b'\n');
    if !utf16 && !cr_only {
        return Ok(None);
    }
    let bytes = std::fs::read(path)?;
    Ok(legacy_bytes(sample, &bytes))
}

/// Exports smaller than this are read by one thread.
const PARALLEL_MIN_BYTES: u64 = 4 << 20;

/// Checks opened exports against one or more conventions, in order, as one
/// stream. With several conventions, each row is routed to the convention
/// whose scope holds it ([`Router`]). A large export file is read by
/// `threads` threads, each on a chunk of it; the findings and verdicts are
/// the same as with one thread, in the same order.
pub fn check(
    conventions: &[Convention],
    exports: Vec<Export>,
    sources: &Sources,
    threads: usize,
    progress: &Progress,
    out: &mut dyn FnMut(&Sources, Diagnostic),
) -> Outcome {
    check_over(
        conventions,
        exports,
        sources,
        (threads, Statements::default()),
        progress,
        out,
    )
}

/// What `report` asks of a run beyond `check`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Statements {
    /// The period the statements cover (`--du/--au`).
    pub period: Period,
    /// A statement for every convention, those no row reached too: a
    /// portfolio's overview lists them all.
    pub every_convention: bool,
}

/// [`check`] for a statement over a period (`report --du/--au`): rows
/// after it are left out and counted.
pub fn check_over(
    conventions: &[Convention],
    exports: Vec<Export>,
    sources: &Sources,
    (threads, statements): (usize, Statements),
    progress: &Progress,
    out: &mut dyn FnMut(&Sources, Diagnostic),
) -> Outcome {
    let threads = Threads {
        count: threads,
        min_bytes: PARALLEL_MIN_BYTES,
        steal_bytes: STEAL_MIN,
        period: statements.period,
        every_convention: statements.every_convention,
    };
    check_with(conventions, exports, sources, threads, progress, out)
}

/// How many threads read an export file, and from which size (of its
/// rows) a file is split among them.
#[derive(Clone, Copy, Debug)]
pub struct Threads {
    pub count: usize,
    pub min_bytes: u64,
    /// The fewest bytes left unread in a piece for a thread done with its
    /// own to take half of them.
    pub steal_bytes: u64,
    /// The statement's period; the default for `check`.
    pub period: Period,
    /// A statement for every convention, those no row reached too (a
    /// portfolio); `check` leaves those out when it checks several.
    pub every_convention: bool,
}

/// [`check`], with the size from which a file is read in parallel (the
/// differential tests take the parallel path on small files).
pub fn check_with(
    conventions: &[Convention],
    exports: Vec<Export>,
    sources: &Sources,
    threads: Threads,
    progress: &Progress,
    out: &mut dyn FnMut(&Sources, Diagnostic),
) -> Outcome {
    // "Findings are listed in the order of the exports: by file, then by
    // line; those about no row last": held to the end (`order`).
    let mut held = InOrder::new();
    let outcome = evaluate(conventions, exports, sources, threads, progress, &mut held);
    let waivers = Waivers::new(conventions);
    let drained = held.drain(&mut |mut d| {
        waivers.apply(&mut d);
        out(sources, d);
    });
    match drained {
        Ok(()) => {
            // After every finding, so that each has had its chance.
            if !matches!(outcome, Outcome::Unusable(None)) {
                for d in waivers.unused() {
                    out(sources, d);
                }
            }
            outcome
        }
        Err(e) => {
            out(sources, spill_failed(&e));
            Outcome::Unusable(None)
        }
    }
}

/// The evaluation of [`check_with`], each finding given to `out` as found.
fn evaluate(
    conventions: &[Convention],
    exports: Vec<Export>,
    sources: &Sources,
    threads: Threads,
    progress: &Progress,
    held: &mut InOrder,
) -> Outcome {
    let mut evaluators: Vec<Evaluator<'_>> = conventions
        .iter()
        .map(|c| Evaluator::new(c).with_period(threads.period))
        .collect();
    let router = (conventions.len() > 1)
        .then(|| Router::new(evaluators.iter().map(Evaluator::scope).collect()));
    let mut run = RunState {
        evaluators: &mut evaluators,
        router: router.as_ref(),
        routing: Routing::default(),
        progress,
    };
    for export in &exports {
        if let Some(SourceKind::Export { path, .. }) = sources.get(export.source()).map(|f| &f.kind)
        {
            progress.expect_bytes(std::fs::metadata(path).map_or(0, |m| m.len()));
        }
    }
    let mut files = Vec::new();
    let mut complete = true;
    for mut export in exports {
        let layout = export.layout().clone();
        let id = export.source();
        if run.router.is_none() {
            for e in run.evaluators.iter_mut() {
                e.begin_export(sources.name(id), export.profile_name(), &layout, &mut |d| {
                    held.push(d)
                });
            }
        }
        let chunks = match sources.get(id).map(|f| &f.kind) {
            Some(SourceKind::Export { path, .. }) if threads.count > 1 => {
                chunks(path, &export, threads)
            }
            _ => None,
        };
        let result = match chunks {
            Some((path, bounds)) => {
                let steal = threads.steal_bytes;
                read_parallel(&mut run, &export, (&path, &bounds, steal), held)
            }
            None => read_sequential(&mut run, &mut export, held),
        };
        match result {
            Ok(accounting) => files.push((id, accounting)),
            Err(stop) => {
                let fatal = matches!(stop, Stop::Spill(_));
                held.push(stop.into_diagnostic());
                if fatal {
                    return Outcome::Unusable(None);
                }
                complete = false;
                files.push((id, export.accounting()));
            }
        }
    }
    let routing = run.routing;
    progress.finish();
    let mut summary = Summary::default();
    if router.is_some() {
        summary.rows_unmatched = Some(routing.unmatched);
        summary.rows_ambiguous = Some(routing.ambiguous);
    }
    let several = conventions.len() > 1;
    for (evaluator, convention) in evaluators.into_iter().zip(conventions) {
        if several && !threads.every_convention && !evaluator.received_rows() {
            continue;
        }
        let name = sources.name(convention.source).to_owned();
        match evaluator.finish(&name, &mut |d| held.push(d)) {
            Ok(s) => {
                summary.consumption.extend(s.consumption);
                summary.schedule.extend(s.schedule);
                summary.not_checked.extend(s.not_checked);
                summary.overpaid_rows += s.overpaid_rows;
                // Rows of budgets the convention does not delegate were
                // read, not checked: each file's accounting says so.
                for (source, n) in s.out_of_scope_by_source {
                    if let Some((_, a)) = files.iter_mut().find(|(id, _)| *id == source) {
                        a.checked = a.checked.saturating_sub(n);
                        a.out_of_scope += n;
                    }
                }
                // Rows after the statement's period likewise.
                for (source, n) in s.after_period_by_source {
                    if let Some((_, a)) = files.iter_mut().find(|(id, _)| *id == source) {
                        a.checked = a.checked.saturating_sub(n);
                        a.after_period += n;
                    }
                }
                summary.statements.extend(s.statements);
            }
            Err(e) => {
                held.push(spill_failed(&e));
                return Outcome::Unusable(None);
            }
        }
    }
    for (_, a) in files {
        summary.rows_checked += a.checked;
        summary.rows_out_of_scope += a.out_of_scope;
        summary.rows_after_period += a.after_period;
        summary.rows_rejected += a.rejected;
        summary.rows_skipped += a.subtotals + a.skipped;
        summary.files.push(a);
    }
    summary.rows_read = summary.rows_checked
        + summary.rows_out_of_scope
        + summary.rows_after_period
        + summary.rows_rejected
        + summary.rows_skipped;
    if complete {
        Outcome::Done(summary)
    } else {
        Outcome::Unusable(Some(summary))
    }
}

/// The waivers of the conventions, and which of them matched a finding. A
/// waiver's `jusqu'au` is compared with the row's date, never the day of
/// the run, so the same files always give the same verdicts.
struct Waivers<'c> {
    list: Vec<(
        &'c Convention,
        &'c crate::language::model::Waiver,
        std::cell::Cell<bool>,
    )>,
}

impl<'c> Waivers<'c> {
    fn new(conventions: &'c [Convention]) -> Waivers<'c> {
        let list = conventions
            .iter()
            .flat_map(|c| c.waivers.iter().map(move |w| (c, w)))
            .map(|(c, w)| (c, w, std::cell::Cell::new(false)))
            .collect();
        Waivers { list }
    }

    /// Marks a finding waived if a waiver of its convention names its code
    /// and its EJ or DP number.
    fn apply(&self, d: &mut Diagnostic) {
        let Some(source) = d.clause.as_ref().map(|c| c.source) else {
            return;
        };
        for (c, w, used) in &self.list {
            let (kind, number) = &w.key.value;
            let in_time = match (&w.until, d.date) {
                (Some(until), Some(date)) => date <= until.value,
                _ => true,
            };
            let matches = c.source == source
                && w.code.value == d.code.as_str()
                && d.figure_value(kind.as_str()) == Some(number.as_str())
                && in_time;
            if matches {
                used.set(true);
                let approved = w.approved_by.as_ref().map_or(Message::plain(""), |a| {
                    msg!("waiver-approved-by", who = a.value.as_str())
                });
                let until = w.until.as_ref().map_or(Message::plain(""), |u| {
                    Message::new("waiver-until").date("until", u.value)
                });
                d.waived = Some(msg!(
                    "waiver-text",
                    reason = w.reason.value.as_str(),
                    approved = approved,
                    until = until
                ));
                return;
            }
        }
    }

    fn unused(&self) -> Vec<Diagnostic> {
        self.list
            .iter()
            .filter(|(_, _, used)| !used.get())
            .map(|(c, w, _)| {
                let (kind, number) = &w.key.value;
                Diagnostic::new(
                    Code::WaiverUnused,
                    msg!(
                        "waiver-unused",
                        code = w.code.value.as_str(),
                        kind = kind.as_str(),
                        number = number.as_str()
                    ),
                )
                .at_clause(c.source, w.span, Message::new("waiver-unused-label"))
                .help(Message::new("waiver-unused-help"))
            })
            .collect()
    }
}

/// The evaluation of a run: one evaluator per convention, the router when
/// there are several, and what routing found.
struct RunState<'a, 'c> {
    evaluators: &'a mut Vec<Evaluator<'c>>,
    router: Option<&'a Router>,
    routing: Routing,
    progress: &'a Progress,
}

#[derive(Default, Clone, Copy)]
struct Routing {
    unmatched: u64,
    ambiguous: u64,
}

impl RunState<'_, '_> {
    /// One shard per convention, for a stretch of rows. Each may hold
    /// `budget` bytes of movements: a shard that receives no row allocates
    /// nothing, so memory grows with the conventions that receive rows.
    fn shards(&self, budget: usize) -> Vec<Shard<'_>> {
        self.evaluators.iter().map(|e| e.shard(budget)).collect()
    }
}

/// Reads an export's rows into one shard per convention, passing findings
/// on as they come.
fn read_sequential(
    run: &mut RunState<'_, '_>,
    export: &mut Export,
    held: &mut InOrder,
) -> Result<Accounting, Stop> {
    let router = run.router;
    let mut shards = run.shards(MEMORY_BUDGET);
    let layout = export.layout().clone();
    let mut routing = Routing::default();
    let mut reading = Reading {
        router,
        routing: &mut routing,
        progress: run.progress,
    };
    let result = read_rows(export, &mut shards, &mut reading, &layout, &mut |d| {
        held.push(d)
    });
    let parts: Vec<ShardParts> = shards.into_iter().map(|s| s.into_parts(0)).collect();
    for (evaluator, parts) in run.evaluators.iter_mut().zip(parts) {
        evaluator.add_shard(parts);
    }
    run.routing.unmatched += routing.unmatched;
    run.routing.ambiguous += routing.ambiguous;
    result.map(|()| export.accounting())
}

/// Reads every row of `export` into its convention's shard; `Err` if the
/// file cannot be read further or the day buckets cannot be spilled.
/// What reading rows needs besides the rows: where to route them, what
/// routing found, and the progress line.
struct Reading<'a> {
    router: Option<&'a Router>,
    routing: &'a mut Routing,
    progress: &'a Progress,
}

fn read_rows(
    export: &mut Export,
    shards: &mut [Shard<'_>],
    reading: &mut Reading<'_>,
    layout: &Layout,
    out: &mut dyn FnMut(Diagnostic),
) -> Result<(), Stop> {
    let (mut rows, mut offset) = (0u64, export.offset());
    loop {
        rows += 1;
        if rows == TICK_ROWS {
            let now = export.offset();
            reading.progress.add(rows, now - offset);
            (rows, offset) = (0, now);
        }
        let routing = &mut *reading.routing;
        // Matched by reference: a transaction is checked where it lies.
        let next = export.next_row();
        match &next {
            Ok(None) => {
                reading.progress.add(rows, export.offset() - offset);
                return Ok(());
            }
            Ok(Some(Row::Transaction(tx))) => {
                let route = reading.router.map_or(Route::One(0), |r| r.route(tx));
                match route {
                    Route::One(i) => {
                        if let Some(shard) = shards.get_mut(i) {
                            shard
                                .row(tx, layout, out)
                                .map_err(|e| Stop::Spill(Box::new(spill_failed(&e))))?;
                        }
                    }
                    Route::None => {
                        routing.unmatched += 1;
                        out(unmatched(tx, layout));
                    }
                    Route::Many(candidates) => {
                        routing.ambiguous += 1;
                        let names: Vec<String> = candidates
                            .iter()
                            .filter_map(|i| shards.get(*i))
                            .map(|s| s.convention_title().to_owned())
                            .collect();
                        out(ambiguous(tx, &names));
                    }
                }
            }
            Ok(Some(Row::Skipped)) => {}
            Ok(Some(Row::Rejected(_))) | Err(_) => match next {
                Ok(Some(Row::Rejected(d))) => out(*d),
                Err(d) => return Err(Stop::Export(d)),
                _ => {}
            },
        }
    }
}

fn unmatched(tx: &Transaction<'_>, layout: &Layout) -> Diagnostic {
    let columns: Vec<usize> = layout.codes.iter().flatten().copied().collect();
    Diagnostic::new(Code::ScopeUnmatched, Message::new("scope-unmatched"))
        .at_row(tx.pos.to_ref(columns, Message::new("row-matches-none")))
        .help(Message::new("scope-unmatched-help"))
}

fn ambiguous(tx: &Transaction<'_>, titles: &[String]) -> Diagnostic {
    Diagnostic::new(
        Code::ScopeAmbiguous,
        msg!("scope-ambiguous", titles = titles.join(", ")).count("count", titles.len()),
    )
    .at_row(
        tx.pos
            .to_ref(Vec::new(), Message::new("row-matches-several")),
    )
    .help(Message::new("scope-ambiguous-help"))
}

/// Byte ranges of the chunks of a large export file, each starting at a
/// line start; `None` when the file is small.
fn chunks(path: &Path, export: &Export, threads: Threads) -> Option<(PathBuf, Vec<u64>)> {
    let (_, start) = export.data_start();
    let len = std::fs::metadata(path).ok()?.len();
    if len.saturating_sub(start) < threads.min_bytes.max(1) {
        return None;
    }
    let threads = threads.count;
    let mut file = File::open(path).ok()?;
    let mut bounds = vec![start];
    let step = (len - start) / threads as u64;
    for k in 1..threads {
        let bound = line_start(&mut file, start + step * k as u64)?;
        if bound > *bounds.last()? && bound < len {
            bounds.push(bound);
        }
    }
    bounds.push(len);
    (bounds.len() > 2).then(|| (path.to_path_buf(), bounds))
}

/// What a thread made of its chunk.
struct ChunkResult<'r> {
    shards: Vec<Shard<'r>>,
    routing: Routing,
    /// Findings with lines counted from the chunk's start, held (bounded
    /// memory) until the chunks before have given theirs.
    findings: InOrder,
    accounting: Accounting,
    ended_in_quote: bool,
    error: Option<Stop>,
}

/// Pieces of an export that threads done with theirs may take from the
/// others, per thread: each is one more set of day buckets and findings.
const STEALS_PER_THREAD: usize = 2;
/// The fewest bytes left unread in a piece for half of them to be taken.
const STEAL_MIN: u64 = 8 << 20;

/// Reads the chunks of an export on one thread each, then hands shards and
/// findings on in file order, lines renumbered. A thread done with its
/// chunk takes the second half of what is left of the piece with most
/// left (a machine's cores do not all run at one speed). If a piece's
/// boundary fell inside a quoted field, the export is read again by one
/// thread.
fn read_parallel(
    run: &mut RunState<'_, '_>,
    export: &Export,
    (path, bounds, steal_min): (&Path, &[u64], u64),
    held: &mut InOrder,
) -> Result<Accounting, Stop> {
    let threads = bounds.len().saturating_sub(1).max(1);
    let budget = MEMORY_BUDGET / threads;
    let router = run.router;
    let progress = run.progress;
    let evaluators: &[Evaluator<'_>] = run.evaluators;
    let pieces: Vec<(u64, Arc<Stretch>)> = bounds
        .windows(2)
        .map(|w| {
            let (from, to) = (
                w.first().copied().unwrap_or(0),
                w.get(1).copied().unwrap_or(0),
            );
            (from, Arc::new(Stretch::new(from, to)))
        })
        .collect();
    let pieces = std::sync::Mutex::new(pieces);
    let mut results: Vec<(u64, ChunkResult<'_>)> = Vec::new();
    std::thread::scope(|scope| {
        let first: Vec<(u64, Arc<Stretch>)> = pieces.lock().map(|p| p.clone()).unwrap_or_default();
        let handles: Vec<_> = first
            .into_iter()
            .map(|(from, stretch)| {
                let shards: Vec<Shard<'_>> = evaluators.iter().map(|e| e.shard(budget)).collect();
                // The export's layout, for the pieces this thread reads.
                let template = export.fork(Input::Reader(Box::new(std::io::empty())), 0);
                let pieces = &pieces;
                scope.spawn(move || {
                    let mut done = Vec::new();
                    let mut next = Some((from, stretch, shards, InOrder::new()));
                    while let Some((from, stretch, shards, findings)) = next.take() {
                        let piece = Piece {
                            template: &template,
                            path,
                            from,
                            stretch,
                        };
                        done.push((from, piece.read(shards, findings, router, progress)));
                        let most = threads * (1 + STEALS_PER_THREAD);
                        next = steal(pieces, path, most, steal_min).map(|(from, stretch)| {
                            let shards = evaluators
                                .iter()
                                .map(|e| e.shard(MEMORY_BUDGET / 8))
                                .collect();
                            (from, stretch, shards, InOrder::with_budget(HELD_BYTES / 4))
                        });
                    }
                    done
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(done) => results.extend(done),
                Err(_) => {
                    let failed = std::io::Error::other("a reading thread stopped");
                    let shards = evaluators.iter().map(|e| e.shard(0)).collect();
                    results.push((u64::MAX, failed_chunk(shards, &failed)));
                }
            }
        }
    });
    results.sort_by_key(|(from, _)| *from);
    let mut results: Vec<ChunkResult<'_>> = results.into_iter().map(|(_, r)| r).collect();
    if results.iter().any(|r| r.ended_in_quote) {
        // A quoted field spans a piece's end: read it all on this thread.
        let (from, to) = (
            bounds.first().copied().unwrap_or(0),
            bounds.last().copied().unwrap_or(0),
        );
        let mut whole = export.fork(
            chunk_input(path, from, to).map_err(|e| {
                Stop::Export(Box::new(Diagnostic::new(
                    Code::InputUnreadable,
                    msg!("cannot-read-again", error = crate::i18n::io_error(&e)),
                )))
            })?,
            from,
        );
        results = vec![read_chunk(
            &mut whole,
            run.shards(MEMORY_BUDGET),
            InOrder::new(),
            router,
            progress,
        )];
    }
    // Each chunk's lines follow those of the chunks before it.
    let mut offset = export.data_start().0 - 1;
    let owned: Vec<_> = results
        .into_iter()
        .map(|r| {
            let start = offset;
            offset += r.accounting.lines;
            let parts: Vec<ShardParts> =
                r.shards.into_iter().map(|s| s.into_parts(start)).collect();
            (parts, start, r.findings, r.accounting, r.error, r.routing)
        })
        .collect();
    let mut accounting = export.accounting();
    accounting.lines = export.data_start().0 - 1;
    let mut error = None;
    for (parts, start, findings, a, e, routing) in owned {
        held.adopt(findings, start);
        for (evaluator, parts) in run.evaluators.iter_mut().zip(parts) {
            evaluator.add_shard(parts);
        }
        run.routing.unmatched += routing.unmatched;
        run.routing.ambiguous += routing.ambiguous;
        accounting.lines += a.lines;
        accounting.checked += a.checked;
        accounting.rejected += a.rejected;
        accounting.subtotals += a.subtotals;
        accounting.skipped += a.skipped;
        accounting.continuation += a.continuation;
        accounting.blank += a.blank;
        error = error.or(e);
    }
    match error {
        Some(e) => Err(e),
        None => Ok(accounting),
    }
}

/// Bytes `from..to` of a file (`to` unset: to its end): mapped when the
/// file is a regular one, else read from `from` through a buffer.
fn file_input(mut file: File, from: u64, to: Option<u64>) -> std::io::Result<Input> {
    let meta = file.metadata()?;
    if meta.is_file() {
        let to = to.unwrap_or(meta.len());
        return Ok(Input::File { file, from, to });
    }
    file.seek(SeekFrom::Start(from))?;
    let reader = BufReader::with_capacity(1 << 16, file);
    Ok(Input::Reader(match to {
        Some(to) => Box::new(reader.take(to.saturating_sub(from))),
        None => Box::new(reader),
    }))
}

/// Bytes `from..to` of a file, for a chunk read by one thread.
fn chunk_input(path: &Path, from: u64, to: u64) -> std::io::Result<Input> {
    file_input(File::open(path)?, from, Some(to))
}

/// A piece of an export file for one thread: from `from` to the end of
/// its stretch, read with the layout of `template`.
struct Piece<'a> {
    template: &'a Export,
    path: &'a Path,
    from: u64,
    stretch: Arc<Stretch>,
}

impl Piece<'_> {
    fn read<'r>(
        self,
        shards: Vec<Shard<'r>>,
        findings: InOrder,
        router: Option<&Router>,
        progress: &Progress,
    ) -> ChunkResult<'r> {
        match File::open(self.path) {
            Ok(file) => {
                let input = Input::Stretch {
                    file,
                    from: self.from,
                    stretch: self.stretch,
                };
                let mut chunk = self.template.fork(input, self.from);
                // A quote open at a piece's end may close in the next: the
                // piece says so, and the export is read again whole.
                chunk.set_chunk();
                read_chunk(&mut chunk, shards, findings, router, progress)
            }
            Err(e) => failed_chunk(shards, &e),
        }
    }
}

/// Takes the second half of what is left unread of the piece with most
/// left, from a line start, as a new piece; `None` when `most` pieces
/// exist or none has `min` bytes left.
fn steal(
    pieces: &std::sync::Mutex<Vec<(u64, Arc<Stretch>)>>,
    path: &Path,
    most: usize,
    min: u64,
) -> Option<(u64, Arc<Stretch>)> {
    let mut list = pieces.lock().ok()?;
    if list.len() >= most {
        return None;
    }
    let victim = list.iter().max_by_key(|(_, s)| s.left())?.1.clone();
    let mut file = File::open(path).ok()?;
    let (from, to) = victim.split_off(min, |middle| line_start(&mut file, middle))?;
    let stretch = Arc::new(Stretch::new(from, to));
    list.push((from, stretch.clone()));
    Some((from, stretch))
}

/// The first line start after byte `at` of a file, if a line ends within
/// the 64 KiB after it.
fn line_start(file: &mut File, at: u64) -> Option<u64> {
    file.seek(SeekFrom::Start(at)).ok()?;
    let mut window = vec![0u8; 1 << 16];
    let n = file.read(&mut window).ok()?;
    let newline = memchr::memchr(b'\n', window.get(..n)?)?;
    Some(at + newline as u64 + 1)
}

fn read_chunk<'r>(
    export: &mut Export,
    mut shards: Vec<Shard<'r>>,
    mut findings: InOrder,
    router: Option<&Router>,
    progress: &Progress,
) -> ChunkResult<'r> {
    let layout = export.layout().clone();
    let mut routing = Routing::default();
    let mut reading = Reading {
        router,
        routing: &mut routing,
        progress,
    };
    let result = read_rows(export, &mut shards, &mut reading, &layout, &mut |d| {
        findings.push(d)
    });
    ChunkResult {
        shards,
        routing,
        findings,
        accounting: export.accounting(),
        ended_in_quote: export.ended_in_quote(),
        error: result.err(),
    }
}

fn failed_chunk<'r>(shards: Vec<Shard<'r>>, e: &std::io::Error) -> ChunkResult<'r> {
    ChunkResult {
        shards,
        routing: Routing::default(),
        findings: InOrder::new(),
        accounting: Accounting::default(),
        ended_in_quote: false,
        error: Some(Stop::Export(Box::new(Diagnostic::new(
            Code::InputUnreadable,
            msg!("cannot-read-chunk", error = crate::i18n::io_error(e)),
        )))),
    }
}

/// Why reading an export stopped before its end.
enum Stop {
    /// The export itself could not be read further: the run goes on with
    /// the next export, and is unusable.
    Export(Box<Diagnostic>),
    /// The day buckets could not be spilled: the run cannot go on.
    Spill(Box<Diagnostic>),
}

impl Stop {
    fn into_diagnostic(self) -> Diagnostic {
        match self {
            Stop::Export(d) | Stop::Spill(d) => *d,
        }
    }
}

pub fn spill_failed(e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        crate::diag::Code::InputUnreadable,
        msg!("cannot-write-spill", error = crate::i18n::io_error(e)),
    )
    .help(Message::new("cannot-write-spill-help"))
}
