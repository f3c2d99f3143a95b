//! Orchestration of a check: opens the exports, streams their rows through
//! the evaluator, and hands every diagnostic to a callback as it comes.
//! No rendering here, and no knowledge of the command line.

use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Code, Diagnostic};
use crate::eval::{Evaluator, Summary};
use crate::input::csv::{Export, ReadOptions, Row, sample_of};
use crate::input::encoding::Encoding;
use crate::input::sheet;
use crate::model::Convention;
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

fn open_export(
    path: &Path,
    options: &ExportOptions,
    sources: &mut Sources,
) -> Result<Export, Box<Diagnostic>> {
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| {
        Box::new(
            Diagnostic::new(Code::InputUnreadable, format!("cannot read `{shown}`: {e}"))
                .help("check the path and the file's permissions"),
        )
    };
    let memory = |bytes: Vec<u8>| SourceKind::Memory {
        bytes: Arc::from(bytes),
        delimiter: b';',
        encoding: Encoding::Utf8,
    };
    let (name, kind) = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        ("(stdin)".to_owned(), memory(bytes))
    } else if sheet::is_spreadsheet(path) {
        let (text, sheet) = sheet::to_text(path, options.sheet.as_deref())?;
        (format!("{shown}[{sheet}]"), memory(text))
    } else {
        let kind = SourceKind::Export {
            path: path.to_path_buf(),
            delimiter: b';',
            encoding: Encoding::Utf8,
        };
        (shown.clone(), kind)
    };
    let (sample, reader): (Vec<u8>, Box<dyn Read>) = match &kind {
        SourceKind::Memory { bytes, .. } => {
            let sample = bytes.get(..1 << 16).unwrap_or(bytes).to_vec();
            (sample, Box::new(Cursor::new(Arc::clone(bytes))))
        }
        _ => {
            let mut file = File::open(path).map_err(unreadable)?;
            let sample = sample_of(&mut file).map_err(unreadable)?;
            file.seek(SeekFrom::Start(0)).map_err(unreadable)?;
            (sample, Box::new(BufReader::with_capacity(1 << 16, file)))
        }
    };
    let id = sources.add_export(&name, kind);
    let export = Export::open(&name, id, &sample, reader, &options.read)?;
    sources.set_format(id, export.delimiter(), export.encoding());
    sources.set_titles(id, export.titles().to_vec());
    Ok(export)
}

/// Checks opened exports against a convention, in order, as one stream.
pub fn check(
    convention: &Convention,
    exports: Vec<Export>,
    sources: &Sources,
    out: &mut dyn FnMut(&Sources, Diagnostic),
) -> Outcome {
    let mut evaluator = Evaluator::new(convention);
    let mut complete = true;
    for mut export in exports {
        let layout = export.layout().clone();
        let id = export.source();
        evaluator.begin_export(sources.name(id), export.profile_name(), &layout);
        loop {
            match export.next_row() {
                Ok(None) => break,
                Ok(Some(Row::Transaction(tx))) => {
                    if let Err(e) = evaluator.row(&tx, &layout, &mut |d| out(sources, d)) {
                        out(sources, spill_failed(&e));
                        return Outcome::Unusable(None);
                    }
                }
                Ok(Some(Row::Rejected(d))) => out(sources, d),
                Ok(Some(Row::Skipped)) => {}
                Err(d) => {
                    out(sources, *d);
                    complete = false;
                    break;
                }
            }
        }
        evaluator.end_export(export.accounting());
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
