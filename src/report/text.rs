//! Line-oriented renderers: `plain` (narratable text for logs and screen
//! readers: no drawing, every location spelt out) and `github` (workflow
//! commands that GitHub Actions turns into annotations).

use std::io::{self, Write};

use super::RunEnd;
use super::{Sink, write_summary};
use crate::diag::{ClauseRef, Diagnostic, RowRef};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::source::Sources;
use crate::span::line_col;

/// `c.conv line 3, column 5 (label)`.
fn clause_place(c: &ClauseRef, sources: &Sources, lang: Lang) -> String {
    let (line, column) = sources
        .rule_text(c.source)
        .map_or((0, 0), |t| line_col(t, c.span.start));
    lang.tr(&msg!(
        "place-clause",
        file = sources.name(c.source),
        label = lang.tr(&c.label).into_owned()
    )
    .arg("line", line.to_string())
    .arg("column", column.to_string()))
        .into_owned()
}

/// `export.csv line 4, field `Montant` (label)`.
fn row_place(r: &RowRef, sources: &Sources, lang: Lang) -> String {
    let fields: Vec<String> = r
        .columns
        .iter()
        .map(|c| match sources.column_title(r.source, *c) {
            Some(t) => format!("`{t}`"),
            None => lang
                .tr(&Message::new("place-column").arg("column", (c + 1).to_string()))
                .into_owned(),
        })
        .collect();
    let message = msg!(
        "place-row",
        file = sources.name(r.source),
        fields = fields.join(", "),
        label = super::neutralise(&lang.tr(&r.label)).into_owned()
    )
    .arg("line", r.line.to_string())
    .count("count", fields.len());
    lang.tr(&message).into_owned()
}

/// The severity's word.
pub fn severity(s: crate::diag::Severity, lang: Lang) -> std::borrow::Cow<'static, str> {
    match s {
        crate::diag::Severity::Error => lang.text("severity-error"),
        crate::diag::Severity::Warning => lang.text("severity-warning"),
    }
}

/// `plain`: each diagnostic as a few sentences.
pub struct PlainSink<'w> {
    pub out: Box<dyn Write + 'w>,
    pub lang: Lang,
}

impl Sink for PlainSink<'_> {
    fn emit(&mut self, d: &Diagnostic, sources: &Sources) -> io::Result<()> {
        let lang = self.lang;
        let tr = |m: &Message| super::neutralise(&lang.tr(m)).into_owned();
        writeln!(
            self.out,
            "{} {}: {}",
            severity(d.severity, lang),
            d.code,
            tr(&d.message)
        )?;
        if let Some(w) = &d.waived {
            let line = msg!(
                "plain-waived",
                reason = super::neutralise(&lang.tr(w)).as_ref()
            );
            writeln!(self.out, "  {}", lang.tr(&line))?;
        }
        if let Some(r) = &d.row {
            let line = msg!("plain-row", place = row_place(r, sources, lang));
            writeln!(self.out, "  {}", lang.tr(&line))?;
        }
        if let Some(c) = &d.clause {
            let line = msg!("plain-clause", place = clause_place(c, sources, lang));
            writeln!(self.out, "  {}", lang.tr(&line))?;
            if let Some(cite) = &c.citation {
                let line = msg!("plain-text", cite = cite.message());
                writeln!(self.out, "  {}", lang.tr(&line))?;
            }
        }
        for c in &d.related {
            let line = msg!("plain-see", place = clause_place(c, sources, lang));
            writeln!(self.out, "  {}", lang.tr(&line))?;
        }
        if let Some(law) = &d.law {
            writeln!(self.out, "  {}", lang.tr(&msg!("plain-law", law = tr(law))))?;
        }
        if let Some(h) = &d.help {
            writeln!(self.out, "  {}", lang.tr(&msg!("plain-help", help = tr(h))))?;
        }
        writeln!(self.out)
    }

    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()> {
        let RunEnd {
            counts, summary, ..
        } = *end;
        write_summary(&mut self.out, counts, summary, self.lang, None)
    }
}

/// `github`: `::error file=…,line=…,col=…,title=…::message`.
pub struct GithubSink<'w> {
    pub out: Box<dyn Write + 'w>,
    pub lang: Lang,
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
            if let Some((col, end)) = sources.field_columns(r.source, r.byte, &r.columns) {
                props.push(format!("col={col},endColumn={end}"));
            }
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
        let lang = self.lang;
        let mut message = lang.tr(&d.message).into_owned();
        if let (Some(_), Some(c)) = (&d.row, &d.clause) {
            let line = msg!("plain-clause", place = clause_place(c, sources, lang));
            message.push('\n');
            message.push_str(&lang.tr(&line));
        }
        if let Some(cite) = d.clause.as_ref().and_then(|c| c.citation.as_ref()) {
            let line = msg!("plain-text", cite = cite.message());
            message.push('\n');
            message.push_str(&lang.tr(&line));
        }
        if let Some(h) = &d.help {
            let line = msg!("plain-help", help = lang.tr(h).into_owned());
            message.push('\n');
            message.push_str(&lang.tr(&line));
        }
        writeln!(
            self.out,
            "::{level} {}::{}",
            props.join(","),
            escape(&message, false)
        )
    }

    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()> {
        let RunEnd {
            counts, summary, ..
        } = *end;
        // The summary goes to the log as plain lines, outside annotations.
        write_summary(&mut self.out, counts, summary, self.lang, None)
    }
}
