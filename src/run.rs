//! Orchestration of a check: opens the exports, streams their rows through
//! the evaluator, and hands every diagnostic to a callback as it comes.
//! No rendering here, and no knowledge of the command line.

use std::path::PathBuf;

use crate::diag::Diagnostic;
use crate::eval::{Evaluator, Summary};
use crate::input::csv::{CsvExport, Row};
use crate::model::Convention;
use crate::source::Sources;

/// How a check ended.
pub enum Outcome {
    /// Every export was read to its end.
    Done(Summary),
    /// Some input could not be used (an export that cannot be opened, read
    /// to its end, or sorted); the diagnostics said why.
    Unusable(Option<Summary>),
}

/// Registers and opens every export; `None` if any cannot be opened (each
/// failure is reported).
pub fn open_exports(
    paths: &[PathBuf],
    sources: &mut Sources,
    out: &mut dyn FnMut(&Sources, Diagnostic),
) -> Option<Vec<CsvExport>> {
    let mut exports = Vec::new();
    let mut failed = false;
    for path in paths {
        let id = sources.add_export(path.display().to_string(), path.clone());
        match CsvExport::open(path, id) {
            Ok(export) => {
                sources.set_delimiter(id, export.delimiter());
                exports.push(export);
            }
            Err(d) => {
                out(sources, *d);
                failed = true;
            }
        }
    }
    (!failed).then_some(exports)
}

/// Checks opened exports against a convention, in order, as one stream.
pub fn check(
    convention: &Convention,
    exports: Vec<CsvExport>,
    sources: &Sources,
    out: &mut dyn FnMut(&Sources, Diagnostic),
) -> Outcome {
    let mut evaluator = Evaluator::new(convention);
    let mut complete = true;
    for mut export in exports {
        let layout = export.layout().clone();
        let id = export.source();
        evaluator.begin_export(id, sources.name(id), &layout);
        loop {
            match export.next_row() {
                Ok(None) => break,
                Ok(Some(Row::Transaction(tx))) => {
                    if let Err(e) = evaluator.row(&tx, &layout, &mut |d| out(sources, d)) {
                        out(sources, spill_failed(&e));
                        return Outcome::Unusable(None);
                    }
                }
                Ok(Some(Row::Rejected(d))) => {
                    evaluator.rejected();
                    out(sources, d);
                }
                Err(d) => {
                    out(sources, *d);
                    complete = false;
                    break;
                }
            }
        }
    }
    match evaluator.finish(&mut |d| out(sources, d)) {
        Ok(summary) if complete => Outcome::Done(summary),
        Ok(summary) => Outcome::Unusable(Some(summary)),
        Err(e) => {
            out(sources, spill_failed(&e));
            Outcome::Unusable(None)
        }
    }
}

fn spill_failed(e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        crate::diag::Code::InputUnreadable,
        format!("cannot write the temporary sort file: {e}"),
    )
    .help("clausier sorts large exports through the temporary directory: check TMPDIR's free space")
}
