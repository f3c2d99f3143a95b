//! Renderers: every output format is drawn from the same [`Diagnostic`]s
//! and run summary. Diagnostics are streamed as they come, so a run's
//! memory does not grow with its findings.

pub mod bench;
pub mod human;
pub mod json;
pub mod sarif;
pub mod statement;
pub mod text;

use std::io::{self, Write};

use serde::Serialize;

use crate::diag::{Diagnostic, Severity};
use crate::eval::Summary;
use crate::i18n::Lang;
use crate::source::Sources;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Graphical diagnostics with the row and the clause underlined.
    Human,
    /// Plain sentences, every location spelt out: for logs and screen readers.
    Plain,
    /// One JSON document.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// The five aggregate lines compared by the benchmark harness.
    Bench,
}

/// Counts of what a run reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: u64,
    pub warnings: u64,
    /// Findings covered by a waiver: reported, but neither errors nor warnings.
    pub waived: u64,
    /// Rule files linted, for `lint`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub files: Option<u64>,
}

impl Counts {
    pub fn add(&mut self, d: &Diagnostic) {
        if d.waived.is_some() {
            self.waived += 1;
            return;
        }
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }
}

/// Where diagnostics go as they are produced.
pub trait Sink {
    fn emit(&mut self, d: &Diagnostic, sources: &Sources) -> io::Result<()>;
    /// Ends the output: the run summary, if the run evaluated exports, and
    /// the audit record (tool, date, files and their SHA-256) if there is one.
    fn finish(
        &mut self,
        counts: Counts,
        summary: Option<&Summary>,
        sources: &Sources,
        audit: Option<&crate::audit::Audit>,
    ) -> io::Result<()>;
}

/// Builds the sink of a format, writing to `out`.
pub fn sink<'w>(
    format: Format,
    color: bool,
    lang: Lang,
    out: Box<dyn Write + 'w>,
) -> Box<dyn Sink + 'w> {
    match format {
        Format::Human => Box::new(HumanSink {
            human: human::Human::new(color, lang),
            out,
        }),
        Format::Plain => Box::new(text::PlainSink { out, lang }),
        Format::Json => Box::new(json::JsonSink::new(out, lang)),
        Format::Sarif => Box::new(sarif::SarifSink::new(out, lang)),
        Format::Github => Box::new(text::GithubSink { out, lang }),
        Format::Bench => Box::new(bench::BenchSink::new(out)),
    }
}

/// Replaces control characters (escape sequences a terminal would obey)
/// by U+FFFD: exports are untrusted text, shown to people.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        text.chars()
            .map(|c| {
                if c.is_control() && c != '\n' && c != '\t' {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// The summary as lines of text, shared by the human and plain renderers.
pub fn summary_lines(counts: Counts, summary: Option<&Summary>) -> Vec<String> {
    let Some(s) = summary else {
        let files = counts
            .files
            .map_or(String::new(), |n| format!("rule files: {n}; "));
        return vec![format!(
            "summary: {files}{} errors, {} warnings",
            counts.errors, counts.warnings
        )];
    };
    let out_of_scope = match s.rows_out_of_scope {
        0 => String::new(),
        n => format!(", {n} out of scope (budget not delegated)"),
    };
    let mut lines = vec![format!(
        "summary: {} rows read, {} checked{out_of_scope}, {} rejected, {} skipped; {} errors, {} warnings",
        s.rows_read,
        s.rows_checked,
        s.rows_rejected,
        s.rows_skipped,
        counts.errors,
        counts.warnings
    )];
    if let (Some(unmatched), Some(ambiguous)) = (s.rows_unmatched, s.rows_ambiguous) {
        lines.push(format!(
            "  routing: {unmatched} rows matched no convention, {ambiguous} matched several"
        ));
    }
    let mut conventions: Vec<&str> = s
        .consumption
        .iter()
        .map(|c| c.convention.as_str())
        .collect();
    conventions.dedup();
    for convention in &conventions {
        let indent = if conventions.len() > 1 {
            lines.push(format!("  {convention}:"));
            "    "
        } else {
            "  "
        };
        let own = |c: &str| c == *convention;
        lines.extend(
            s.consumption
                .iter()
                .filter(|c| own(&c.convention))
                .map(|c| format!("{indent}{}", c.display)),
        );
        lines.extend(
            s.schedule
                .iter()
                .filter(|y| own(&y.convention))
                .map(|y| format!("{indent}{}", y.display)),
        );
    }
    lines.extend(s.files.iter().map(|f| format!("  {}", accounting_line(f))));
    lines.extend(s.not_checked.iter().map(|n| format!("  not checked: {n}")));
    lines
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
        _audit: Option<&crate::audit::Audit>,
    ) -> io::Result<()> {
        write_summary(&mut self.out, counts, summary)
    }
}

/// Writes the summary lines and flushes: the end of the text outputs.
pub fn write_summary(
    out: &mut dyn Write,
    counts: Counts,
    summary: Option<&Summary>,
) -> io::Result<()> {
    for line in summary_lines(counts, summary) {
        writeln!(out, "{line}")?;
    }
    out.flush()
}

/// `file: profile p (utf-8), 12 lines = 7 preamble + 1 header + …`
fn accounting_line(a: &crate::input::Accounting) -> String {
    let mut parts = vec![
        format!("{} preamble", a.preamble),
        format!("{} header", a.header),
    ];
    for (n, what) in [
        (a.checked, "checked"),
        (a.out_of_scope, "out of scope"),
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
