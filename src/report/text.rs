//! Line-oriented renderers: `plain` (narratable text for logs and screen
//! readers: no drawing, every location spelt out) and `github` (workflow
//! commands that GitHub Actions turns into annotations).

use std::io::{self, Write};

use super::{Counts, Sink, write_summary};
use crate::diag::{ClauseRef, Diagnostic, RowRef};
use crate::eval::Summary;
use crate::source::Sources;
use crate::span::line_col;

fn clause_place(c: &ClauseRef, sources: &Sources) -> String {
    let (line, column) = sources
        .rule_text(c.source)
        .map_or((0, 0), |t| line_col(t, c.span.start));
    format!("{} line {line}, column {column}", sources.name(c.source))
}

fn row_place(r: &RowRef, sources: &Sources) -> String {
    let fields: Vec<String> = r
        .columns
        .iter()
        .map(|c| match sources.column_title(r.source, *c) {
            Some(t) => format!("`{t}`"),
            None => format!("column {}", c + 1),
        })
        .collect();
    let fields = if fields.is_empty() {
        String::new()
    } else {
        format!(", field {}", fields.join(", "))
    };
    format!("{} line {}{fields}", sources.name(r.source), r.line)
}

/// `plain`: each diagnostic as a few sentences.
pub struct PlainSink<'w> {
    pub out: Box<dyn Write + 'w>,
}

impl Sink for PlainSink<'_> {
    fn emit(&mut self, d: &Diagnostic, sources: &Sources) -> io::Result<()> {
        writeln!(
            self.out,
            "{} {}: {}",
            d.severity,
            d.code,
            super::neutralise(&d.message)
        )?;
        if let Some(w) = &d.waived {
            writeln!(self.out, "  waived: {w}")?;
        }
        if let Some(r) = &d.row {
            writeln!(self.out, "  row: {} ({})", row_place(r, sources), r.label)?;
        }
        if let Some(c) = &d.clause {
            writeln!(
                self.out,
                "  clause: {} ({})",
                clause_place(c, sources),
                c.label
            )?;
        }
        for c in &d.related {
            writeln!(
                self.out,
                "  see: {} ({})",
                clause_place(c, sources),
                c.label
            )?;
        }
        if let Some(h) = &d.help {
            writeln!(self.out, "  help: {h}")?;
        }
        writeln!(self.out)
    }

    fn finish(
        &mut self,
        counts: Counts,
        summary: Option<&Summary>,
        _: &Sources,
        _audit: Option<&crate::audit::Audit>,
    ) -> io::Result<()> {
        write_summary(&mut self.out, counts, summary)
    }
}

/// `github`: `::error file=…,line=…,col=…,title=…::message`.
pub struct GithubSink<'w> {
    pub out: Box<dyn Write + 'w>,
}

/// Escapes for workflow command data and properties.
fn escape(s: &str, property: bool) -> String {
    let mut out = s
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

impl Sink for GithubSink<'_> {
    fn emit(&mut self, d: &Diagnostic, sources: &Sources) -> io::Result<()> {
        let level = match (d.severity, &d.waived) {
            (_, Some(_)) => "notice",
            (crate::diag::Severity::Error, None) => "error",
            (crate::diag::Severity::Warning, None) => "warning",
        };
        let mut props = Vec::new();
        if let Some(r) = &d.row {
            props.push(format!("file={}", escape(sources.name(r.source), true)));
            props.push(format!("line={}", r.line));
        } else if let Some(c) = &d.clause {
            let (line, col) = sources
                .rule_text(c.source)
                .map_or((1, 1), |t| line_col(t, c.span.start));
            let (end_line, end_col) = sources
                .rule_text(c.source)
                .map_or((1, 1), |t| line_col(t, c.span.end));
            props.push(format!("file={}", escape(sources.name(c.source), true)));
            props.push(format!(
                "line={line},col={col},endLine={end_line},endColumn={end_col}"
            ));
        }
        props.push(format!("title={}", escape(d.code.as_str(), true)));
        let mut message = d.message.clone();
        if let (Some(_), Some(c)) = (&d.row, &d.clause) {
            message.push_str(&format!(
                "\nclause: {} ({})",
                clause_place(c, sources),
                c.label
            ));
        }
        if let Some(h) = &d.help {
            message.push_str(&format!("\nhelp: {h}"));
        }
        writeln!(
            self.out,
            "::{level} {}::{}",
            props.join(","),
            escape(&message, false)
        )
    }

    fn finish(
        &mut self,
        counts: Counts,
        summary: Option<&Summary>,
        _: &Sources,
        _audit: Option<&crate::audit::Audit>,
    ) -> io::Result<()> {
        // The summary goes to the log as plain lines, outside annotations.
        write_summary(&mut self.out, counts, summary)
    }
}
