//! `clausier check RULES EXPORT...`

use std::io::{self, BufWriter};
use std::path::PathBuf;

use clap::Args;

use super::{Color, EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE};
use crate::diag::{Code, Diagnostic};
use crate::eval::Summary;
use crate::report::{self, Counts, Format, Sink};
use crate::run::{self, Outcome};
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
struct Output<'w> {
    sink: Box<dyn Sink + 'w>,
    counts: Counts,
    io_error: Option<io::Error>,
}

impl Output<'_> {
    fn emit(&mut self, d: &Diagnostic, sources: &Sources) {
        self.counts.add(d);
        if self.io_error.is_none() {
            self.io_error = self.sink.emit(d, sources).err();
        }
    }

    fn end(mut self, summary: Option<&Summary>, sources: &Sources, code: u8) -> u8 {
        if self.io_error.is_none() {
            self.io_error = self.sink.finish(self.counts, summary, sources).err();
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
    let mut output = Output {
        sink: report::sink(args.format, args.color.enabled(), Box::new(stdout)),
        counts: Counts::default(),
        io_error: None,
    };
    let mut sources = Sources::default();
    let rules_name = args.rules.display().to_string();
    let text = match std::fs::read_to_string(&args.rules) {
        Ok(t) => t,
        Err(e) => {
            output.emit(&unreadable(&rules_name, &e), &sources);
            return output.end(None, &sources, EXIT_UNUSABLE);
        }
    };
    let id = sources.add_rule(&rules_name, text);
    let (convention, diags) = crate::compile(id, sources.rule_text(id).unwrap_or(""));
    for d in &diags {
        output.emit(d, &sources);
    }
    let convention = match convention {
        Some(c) if output.counts.errors == 0 => c,
        _ => return output.end(None, &sources, EXIT_UNUSABLE),
    };
    let emit = &mut |s: &Sources, d: Diagnostic| output.emit(&d, s);
    let Some(exports) = run::open_exports(&args.exports, &mut sources, emit) else {
        return output.end(None, &sources, EXIT_UNUSABLE);
    };
    match run::check(&convention, exports, &sources, emit) {
        Outcome::Done(summary) => {
            let code = if output.counts.errors > 0 {
                EXIT_FINDINGS
            } else {
                EXIT_CLEAN
            };
            output.end(Some(&summary), &sources, code)
        }
        Outcome::Unusable(summary) => output.end(summary.as_ref(), &sources, EXIT_UNUSABLE),
    }
}

fn unreadable(name: &str, e: &io::Error) -> Diagnostic {
    Diagnostic::new(Code::InputUnreadable, format!("cannot read `{name}`: {e}"))
        .help("check the path and the file's permissions")
}
