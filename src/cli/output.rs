//! Output options shared by `check` and `lint`, and the run's output: a
//! sink, what it has counted, and the exit code they lead to.

use std::io::{self, BufWriter};

use clap::{Args, ValueEnum};

use super::{Color, EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE};
use crate::diag::Diagnostic;
use crate::eval::Summary;
use crate::i18n::Lang;
use crate::report::{self, Counts, Format, Sink};
use crate::source::Sources;

/// What makes a run fail (exit code 1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum FailLevel {
    /// Any error finding.
    #[default]
    Error,
    /// Any finding, warnings included.
    Warning,
    /// No finding: the run fails only on unusable input (for reports).
    None,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Findings that fail the run (exit code 1).
    #[arg(long, value_enum, default_value_t = FailLevel::Error)]
    pub fail_level: FailLevel,
    /// `--deny warnings`: the same as `--fail-level warning`.
    #[arg(long, value_name = "warnings", value_parser = ["warnings"])]
    pub deny: Option<String>,
    /// Human output: draw every finding, not the first 20 of each code
    /// (the others are counted at the end).
    #[arg(long)]
    pub all: bool,
    /// The day of the run, for `waiver.expired` (today when absent); the
    /// verdicts on rows never depend on it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<chrono::NaiveDate>,
}

impl OutputArgs {
    fn fail_level(&self) -> FailLevel {
        if self.deny.is_some() {
            FailLevel::Warning
        } else {
            self.fail_level
        }
    }
}

/// A run's output and what it has counted so far.
pub struct Output<'w> {
    sink: Box<dyn Sink + 'w>,
    pub counts: Counts,
    fail_level: FailLevel,
    io_error: Option<io::Error>,
    audit: Option<crate::audit::Audit>,
    /// The day of the run (`--date`, else today).
    pub today: chrono::NaiveDate,
    lang: Lang,
}

impl Output<'static> {
    pub fn stdout(args: &OutputArgs, lang: Lang) -> Output<'static> {
        Output::to(args, lang, Box::new(BufWriter::new(io::stdout())))
    }

    /// Diagnostics on standard error, for a command whose standard output
    /// is a document (`report`): a rule file's warnings never mix into it.
    pub fn stderr(args: &OutputArgs, lang: Lang) -> Output<'static> {
        Output::to(args, lang, Box::new(BufWriter::new(io::stderr())))
    }

    fn to(args: &OutputArgs, lang: Lang, out: Box<dyn io::Write>) -> Output<'static> {
        Output {
            sink: report::sink(
                args.format,
                report::Look {
                    color: args.color.enabled(),
                    lang,
                    width: super::terminal_width(),
                    all: args.all,
                },
                out,
            ),
            counts: Counts::default(),
            fail_level: args.fail_level(),
            io_error: None,
            audit: None,
            today: args.date.unwrap_or_else(crate::language::lints::today),
            lang,
        }
    }
}

impl Output<'_> {
    /// The language of the run.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The audit record that machine outputs carry.
    pub fn set_audit(&mut self, audit: Option<crate::audit::Audit>) {
        self.audit = audit;
    }

    pub fn emit(&mut self, d: &Diagnostic, sources: &Sources) {
        self.counts.add(d);
        if self.io_error.is_none() {
            self.io_error = self.sink.emit(d, sources).err();
        }
    }

    /// The exit code of a run that used all its input: 1 if findings at or
    /// above the fail level, else 0.
    pub fn findings_code(&self) -> u8 {
        let failing = match self.fail_level {
            FailLevel::Error => self.counts.errors,
            FailLevel::Warning => self.counts.errors + self.counts.warnings,
            FailLevel::None => 0,
        };
        if failing > 0 {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    }

    pub fn end(mut self, summary: Option<&Summary>, sources: &Sources, code: u8) -> u8 {
        if self.io_error.is_none() {
            self.io_error = self
                .sink
                .finish(&crate::report::RunEnd {
                    counts: self.counts,
                    summary,
                    sources,
                    audit: self.audit.as_ref(),
                })
                .err();
        }
        match self.io_error {
            // A closed pipe (`clausier … | head`) is the reader's choice.
            Some(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                let line = crate::msg!("cannot-write-report", error = crate::i18n::io_error(&e));
                eprintln!("clausier: {}", self.lang.tr(&line));
                EXIT_UNUSABLE
            }
            _ => code,
        }
    }
}
