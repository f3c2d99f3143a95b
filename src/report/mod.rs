//! Renderers: every output format is drawn from the same [`Diagnostic`]s
//! and run summary. Diagnostics are streamed as they come, so a run's
//! memory does not grow with its findings.

pub mod bench;
pub mod chart;
pub mod human;
pub mod json;
pub mod overview;
pub mod page;
pub mod sarif;
pub mod statement;
pub mod table;
pub mod text;
pub mod xlsx;

use std::io::{self, Write};

use crate::diag::Diagnostic;
use crate::eval::Summary;
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::source::Sources;

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
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

pub use crate::diag::Counts;

/// Where diagnostics go as they are produced.
/// What a renderer receives at the end of a run.
#[derive(Clone, Copy)]
pub struct RunEnd<'a> {
    /// The findings by severity.
    pub counts: Counts,
    /// The run's summary, if the run evaluated exports.
    pub summary: Option<&'a Summary>,
    pub sources: &'a Sources,
    /// The audit record (tool, date, files and their SHA-256), if any.
    pub audit: Option<&'a crate::audit::Audit>,
}

pub trait Sink {
    fn emit(&mut self, d: &Diagnostic, sources: &Sources) -> io::Result<()>;
    /// Ends the output: the run summary, if the run evaluated exports, and
    /// the audit record if there is one.
    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()>;
}

/// Builds the sink of a format, writing to `out`.
/// How a run's human output looks: colour, language, width, and whether
/// every finding is drawn.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    pub color: bool,
    pub lang: Lang,
    pub width: usize,
    pub all: bool,
}

pub fn sink<'w>(format: Format, look: Look, out: Box<dyn Write + 'w>) -> Box<dyn Sink + 'w> {
    let Look {
        color,
        lang,
        width,
        all,
    } = look;
    match format {
        Format::Human => Box::new(HumanSink {
            human: human::Human::new(color, lang, width),
            out,
            all,
            per_code: Vec::new(),
        }),
        Format::Plain => Box::new(text::PlainSink { out, lang }),
        Format::Json => Box::new(json::JsonSink::new(out, lang)),
        Format::Sarif => Box::new(sarif::SarifSink::new(out, lang)),
        Format::Github => Box::new(text::GithubSink { out, lang }),
        Format::Bench => Box::new(bench::BenchSink::new(out)),
    }
}

/// A field of the `;`-separated CSV clausier writes: quoted (quotes
/// doubled) when it holds a `;`, a quote or a line end.
pub fn csv_field(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([';', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text.into()
    }
}

/// A value as indented JSON (serde_json's pretty layout), each line after
/// the first shifted right by `indent` spaces, for documents written a
/// piece at a time (a JSON string holds no raw line end, so only lines of
/// the layout are shifted).
pub fn indented_json(value: &impl serde::Serialize, indent: usize) -> std::io::Result<Vec<u8>> {
    let text = serde_json::to_vec_pretty(value)?;
    let mut out = Vec::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
            out.resize(out.len() + indent, b' ');
        }
        out.extend_from_slice(line);
    }
    Ok(out)
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
pub fn summary_lines(counts: Counts, summary: Option<&Summary>, lang: Lang) -> Vec<String> {
    let findings = |m: Message| {
        m.count("errors", counts.errors)
            .count("warnings", counts.warnings)
    };
    let Some(s) = summary else {
        let line = match counts.files {
            Some(n) => findings(Message::new("summary-lint").count("files", n)),
            None => findings(Message::new("summary-findings")),
        };
        return vec![lang.tr(&line).into_owned()];
    };
    let line = findings(Message::new("summary-check"))
        .count("read", s.rows_read)
        .count("checked", s.rows_checked)
        .count("out", s.rows_out_of_scope)
        .count("rejected", s.rows_rejected)
        .count("skipped", s.rows_skipped);
    let mut lines = vec![lang.tr(&line).into_owned()];
    if let (Some(unmatched), Some(ambiguous)) = (s.rows_unmatched, s.rows_ambiguous) {
        let line = Message::new("summary-routing")
            .count("unmatched", unmatched)
            .count("ambiguous", ambiguous);
        lines.push(format!("  {}", lang.tr(&line)));
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
                .map(|c| format!("{indent}{}", lang.tr(&c.display))),
        );
        lines.extend(
            s.schedule
                .iter()
                .filter(|y| own(&y.convention))
                .map(|y| format!("{indent}{}", lang.tr(&y.display))),
        );
        lines.extend(
            s.receipts
                .iter()
                .filter(|r| own(&r.convention))
                .map(|r| format!("{indent}{}", lang.tr(&r.display))),
        );
    }
    lines.extend(
        s.files
            .iter()
            .map(|f| format!("  {}", accounting_line(f, lang))),
    );
    lines.extend(s.not_checked.iter().map(|n| {
        let line = Message::new("summary-not-checked").arg("what", lang.tr(n));
        format!("  {}", lang.tr(&line))
    }));
    lines
}

/// How many findings of one code the human output draws before it only
/// counts them (`--all` draws every one).
pub const SHOWN_PER_CODE: u64 = 20;

struct HumanSink<'w> {
    human: human::Human,
    out: Box<dyn Write + 'w>,
    /// Draw every finding, not the first [`SHOWN_PER_CODE`] of each code.
    all: bool,
    /// Findings per code, in the order codes first appeared.
    per_code: Vec<(crate::diag::Code, u64)>,
}

impl Sink for HumanSink<'_> {
    fn emit(&mut self, d: &Diagnostic, sources: &Sources) -> io::Result<()> {
        let seen = match self.per_code.iter_mut().find(|(c, _)| *c == d.code) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                self.per_code.push((d.code, 1));
                1
            }
        };
        if !self.all && seen > SHOWN_PER_CODE {
            return Ok(());
        }
        let text = self.human.render(d, sources);
        writeln!(self.out, "{text}")
    }

    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()> {
        let RunEnd {
            counts,
            summary,
            sources: _,
            audit: _,
        } = *end;
        let lang = self.human.lang();
        let mut capped = false;
        for (code, n) in &self.per_code {
            if !self.all && *n > SHOWN_PER_CODE {
                capped = true;
                let line =
                    msg!("human-more", code = code.as_str()).count("more", n - SHOWN_PER_CODE);
                writeln!(self.out, "{}", lang.tr(&line))?;
            }
        }
        if capped {
            writeln!(self.out, "{}\n", lang.tr(&Message::new("human-see-all")))?;
        }
        if self.per_code.len() > 1 || capped {
            writeln!(self.out, "{}", lang.tr(&Message::new("human-per-code")))?;
            let mut rows = self.per_code.clone();
            rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.as_str().cmp(b.0.as_str())));
            for (code, n) in rows {
                let n = lang.count(n);
                writeln!(self.out, "  {:<26} {n:>10}", code.as_str())?;
            }
            writeln!(self.out)?;
        }
        write_summary(
            &mut self.out,
            counts,
            summary,
            lang,
            Some(self.human.width()),
        )
    }
}

/// Writes the summary lines and flushes: the end of the text outputs.
/// With a `width` (a terminal's), each line is wrapped to it at spaces,
/// its later lines indented under it (see [`human::wrap`]).
pub fn write_summary(
    out: &mut dyn Write,
    counts: Counts,
    summary: Option<&Summary>,
    lang: Lang,
    width: Option<usize>,
) -> io::Result<()> {
    for line in summary_lines(counts, summary, lang) {
        match width {
            Some(width) => writeln!(out, "{}", human::wrap(&line, width))?,
            None => writeln!(out, "{line}")?,
        }
    }
    out.flush()
}

/// `file: profile p (utf-8), 12 lines = 7 preamble + 1 header + …`
fn accounting_line(a: &crate::input::Accounting, lang: Lang) -> String {
    let mut parts = vec![
        lang.tr(&Message::new("lines-preamble").count("n", a.preamble)),
        lang.tr(&Message::new("lines-header").count("n", a.header)),
    ];
    for (n, what) in [
        (a.checked, "lines-checked"),
        (a.out_of_scope, "lines-out-of-scope"),
        (a.after_period, "lines-after-period"),
        (a.rejected, "lines-rejected"),
        (a.subtotals, "lines-subtotal"),
        (a.skipped, "lines-skipped"),
        (a.continuation, "lines-continued"),
        (a.blank, "lines-blank"),
    ] {
        if n > 0 || what == "lines-checked" {
            parts.push(lang.tr(&Message::new(what).count("n", n)));
        }
    }
    let line = msg!(
        "summary-file",
        file = a.file.as_str(),
        profile = a.profile.as_str(),
        encoding = a.encoding.to_string(),
        year = a.fiscal_year.clone().unwrap_or_default(),
        measure = a.measure.clone().unwrap_or_default(),
        // `+` ends a line, never starts one.
        parts = parts.join("\u{a0}+ ")
    )
    .count("lines", a.lines)
    .count("has_year", u8::from(a.fiscal_year.is_some()))
    .count("has_measure", u8::from(a.measure.is_some()));
    lang.tr(&line).into_owned()
}
