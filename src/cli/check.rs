//! `clausier check RULES EXPORT...`

use std::io::{self, BufWriter};
use std::path::PathBuf;

use clap::Args;

use super::{Color, EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE};
use crate::diag::{Code, Diagnostic};
use crate::eval::Evaluator;
use crate::input::csv::{CsvExport, Row};
use crate::report::{self, Counts, Format, Sink};
use crate::source::Sources;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The convention's rule file (`.conv`).
    pub rules: PathBuf,
    /// Exports to check (CSV), read as one chronological stream.
    #[arg(required = true)]
    pub exports: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

/// A run's output and what it has counted so far.
struct Run<'w> {
    sources: Sources,
    sink: Box<dyn Sink + 'w>,
    counts: Counts,
    io_error: Option<io::Error>,
}

impl Run<'_> {
    fn emit(&mut self, d: &Diagnostic) {
        self.counts.add(d);
        if self.io_error.is_none() {
            self.io_error = self.sink.emit(d, &self.sources).err();
        }
    }

    fn end(mut self, summary: Option<&crate::eval::Summary>, code: u8) -> u8 {
        if self.io_error.is_none() {
            self.io_error = self.sink.finish(self.counts, summary, &self.sources).err();
        }
        match self.io_error {
            // A closed pipe (`clausier … | head`) is the reader's choice.
            Some(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                eprintln!("clausier: cannot write the report: {e}");
                EXIT_UNUSABLE
            }
            _ => code,
        }
    }
}

pub fn run(args: &CheckArgs) -> u8 {
    let stdout = BufWriter::new(io::stdout().lock());
    let mut run = Run {
        sources: Sources::default(),
        sink: report::sink(args.format, args.color.enabled(), Box::new(stdout)),
        counts: Counts::default(),
        io_error: None,
    };
    let rules_name = args.rules.display().to_string();
    let text = match std::fs::read_to_string(&args.rules) {
        Ok(t) => t,
        Err(e) => {
            run.emit(&unreadable(&rules_name, &e));
            return run.end(None, EXIT_UNUSABLE);
        }
    };
    let id = run.sources.add_rule(&rules_name, text);
    let (convention, diags) = crate::compile(id, run.sources.rule_text(id).unwrap_or(""));
    for d in &diags {
        run.emit(d);
    }
    let convention = match convention {
        Some(c) if run.counts.errors == 0 => c,
        _ => return run.end(None, EXIT_UNUSABLE),
    };

    let mut exports = Vec::new();
    let mut failed = false;
    for path in &args.exports {
        let name = path.display().to_string();
        let id = run.sources.add_export(&name, path.clone());
        match CsvExport::open(path, id) {
            Ok(export) => {
                run.sources.set_delimiter(id, export.delimiter());
                exports.push((id, name, export));
            }
            Err(d) => {
                run.emit(&d);
                failed = true;
            }
        }
    }
    if failed {
        return run.end(None, EXIT_UNUSABLE);
    }

    let mut evaluator = Evaluator::new(&convention);
    for (id, name, mut export) in exports {
        let layout = export.layout().clone();
        evaluator.begin_export(id, &name, &layout);
        loop {
            match export.next_row() {
                Ok(None) => break,
                Ok(Some(Row::Transaction(tx))) => {
                    let result = evaluator.row(&tx, &layout, &mut |d| run.emit(&d));
                    if let Err(e) = result {
                        run.emit(&spill_failed(&e));
                        return run.end(None, EXIT_UNUSABLE);
                    }
                }
                Ok(Some(Row::Rejected(d))) => {
                    evaluator.rejected();
                    run.emit(&d);
                }
                Err(d) => {
                    run.emit(&d);
                    failed = true;
                    break;
                }
            }
        }
    }
    let summary = match evaluator.finish(&mut |d| run.emit(&d)) {
        Ok(s) => s,
        Err(e) => {
            run.emit(&spill_failed(&e));
            return run.end(None, EXIT_UNUSABLE);
        }
    };
    let code = if failed {
        EXIT_UNUSABLE
    } else if run.counts.errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    };
    run.end(Some(&summary), code)
}

fn unreadable(name: &str, e: &io::Error) -> Diagnostic {
    Diagnostic::new(Code::InputUnreadable, format!("cannot read `{name}`: {e}"))
        .help("check the path and the file's permissions")
}

fn spill_failed(e: &io::Error) -> Diagnostic {
    Diagnostic::new(
        Code::InputUnreadable,
        format!("cannot write the temporary sort file: {e}"),
    )
    .help("clausier sorts large exports through the temporary directory: check TMPDIR's free space")
}
