//! Orchestration of a check: opens the exports (`input::open`) and
//! registers them, streams their rows through the evaluators on one thread
//! (`rows`) or several (`parallel`, over `input::chunk`), applies the
//! waivers (`waivers`), and hands every diagnostic to a callback in export
//! order. No rendering here, and no knowledge of the command line.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::eval::route::Router;
use crate::eval::{Evaluator, Period, Shard, Summary};
use crate::i18n::Message;
use crate::input::chunk::{PARALLEL_MIN_BYTES, Pieces, STEAL_MIN};
use crate::input::csv::{Export, ReadOptions};
use crate::input::open::{self, Opened};
use crate::language::model::Convention;
use crate::msg;
use crate::order::InOrder;
use crate::progress::Progress;
use crate::source::{SourceKind, Sources};

mod parallel;
mod rows;
mod waivers;

use rows::read_sequential;
use waivers::Waivers;

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

fn open_export(
    path: &Path,
    options: &ExportOptions,
    sources: &mut Sources,
) -> Result<Export, Box<Diagnostic>> {
    let sheet = options.sheet.as_deref();
    let opened = open::open(path, sheet)?;
    register(opened, options, sources).map_err(|d| open::name_other_sheets(d, path, sheet))
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
    let opened = open::open_bytes(name, bytes, options.sheet.as_deref())?;
    register(opened, options, sources)
}

/// Registers an opened export among the run's files and reads its layout.
fn register(
    opened: Opened,
    options: &ExportOptions,
    sources: &mut Sources,
) -> Result<Export, Box<Diagnostic>> {
    let id = sources.add_export(&opened.name, SourceKind::from(opened.origin));
    let read = ReadOptions {
        transcoded_from: opened.transcoded_from,
        ..options.read.clone()
    };
    let export = Export::open(&opened.name, id, &opened.sample, opened.input, &read)?;
    sources.set_format(id, export.delimiter(), export.encoding());
    sources.set_titles(id, export.titles().to_vec());
    Ok(export)
}

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
    // The conventions that cite their text, by rule file: found once, not
    // searched for each finding (a portfolio holds hundreds of them).
    let citing: rustc_hash::FxHashMap<crate::diag::SourceId, &Convention> = conventions
        .iter()
        .filter(|c| !c.citations.is_empty())
        .map(|c| (c.source, c))
        .collect();
    let drained = held.drain(&mut |mut d| {
        waivers.apply(&mut d);
        if let Some(c) = d.convention_source().and_then(|s| citing.get(&s)) {
            c.cite(&mut d);
        }
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
    let read: Vec<&Convention> = conventions.iter().collect();
    let parents = crate::language::lints::frame::parents(&read);
    let router = (conventions.len() > 1).then(|| {
        Router::new(evaluators.iter().map(Evaluator::scope).collect()).with_parents(parents)
    });
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
        let pieces = match sources.get(id).map(|f| &f.kind) {
            Some(SourceKind::Export { path, .. }) if threads.count > 1 => Pieces::cut(
                path,
                &export,
                threads.count,
                threads.min_bytes,
                threads.steal_bytes,
            ),
            _ => None,
        };
        let result = match pieces {
            Some(pieces) => parallel::read_parallel(&mut run, &export, &pieces, held),
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
                summary.receipts.extend(s.receipts);
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
