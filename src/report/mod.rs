//! Renderers: every output format is drawn from the same [`Diagnostic`]s
//! and run summary. Diagnostics are streamed as they come, so a run's
//! memory does not grow with its findings.

pub mod human;
pub mod json;

use std::io::{self, Write};

use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::eval::Summary;
use crate::source::Sources;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Graphical diagnostics with the row and the clause underlined.
    Human,
    /// One JSON document on stdout.
    Json,
}

/// Counts of what a run reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: u64,
    pub warnings: u64,
}

impl Counts {
    pub fn add(&mut self, d: &Diagnostic) {
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }
}

/// Where diagnostics go as they are produced.
pub trait Sink {
    fn emit(&mut self, d: &Diagnostic, sources: &Sources) -> io::Result<()>;
    /// Ends the output: the run summary, if the run evaluated exports.
    fn finish(
        &mut self,
        counts: Counts,
        summary: Option<&Summary>,
        sources: &Sources,
    ) -> io::Result<()>;
}

/// Builds the sink of a format, writing to `out`.
pub fn sink<'w>(format: Format, color: bool, out: Box<dyn Write + 'w>) -> Box<dyn Sink + 'w> {
    match format {
        Format::Human => Box::new(HumanSink {
            human: human::Human::new(color),
            out,
        }),
        Format::Json => Box::new(json::JsonSink::new(out)),
    }
}

struct HumanSink<'w> {
    human: human::Human,
    out: Box<dyn Write + 'w>,
}

impl Sink for HumanSink<'_> {
    fn emit(&mut self, d: &Diagnostic, sources: &Sources) -> io::Result<()> {
        let text = self.human.render(d, sources);
        writeln!(self.out, "{text}")
    }

    fn finish(
        &mut self,
        counts: Counts,
        summary: Option<&Summary>,
        _sources: &Sources,
    ) -> io::Result<()> {
        if let Some(s) = summary {
            writeln!(
                self.out,
                "summary: {} rows read, {} checked, {} rejected; {} errors, {} warnings",
                s.rows_read, s.rows_checked, s.rows_rejected, counts.errors, counts.warnings
            )?;
            for c in &s.consumption {
                writeln!(self.out, "  {}", c.display)?;
            }
            for y in &s.schedule {
                writeln!(self.out, "  {}", y.display)?;
            }
            for f in &s.files {
                writeln!(self.out, "  {}", accounting_line(f))?;
            }
            for n in &s.not_checked {
                writeln!(self.out, "  not checked: {n}")?;
            }
        } else {
            writeln!(
                self.out,
                "summary: {} errors, {} warnings",
                counts.errors, counts.warnings
            )?;
        }
        self.out.flush()
    }
}

/// `file: profile p (utf-8), 12 lines = 7 preamble + 1 header + …`
fn accounting_line(a: &crate::input::Accounting) -> String {
    let mut parts = vec![
        format!("{} preamble", a.preamble),
        format!("{} header", a.header),
    ];
    for (n, what) in [
        (a.checked, "checked"),
        (a.rejected, "rejected"),
        (a.subtotals, "subtotal"),
        (a.skipped, "skipped"),
        (a.continuation, "continued"),
        (a.blank, "blank"),
    ] {
        if n > 0 || what == "checked" {
            parts.push(format!("{n} {what}"));
        }
    }
    let mut meta = String::new();
    if let Some(y) = &a.fiscal_year {
        meta.push_str(&format!(", fiscal year {y}"));
    }
    if let Some(m) = &a.measure {
        meta.push_str(&format!(", measure {m}"));
    }
    format!(
        "{}: profile {} ({}{meta}), {} lines = {}",
        a.file,
        a.profile,
        a.encoding,
        a.lines,
        parts.join(" + ")
    )
}
