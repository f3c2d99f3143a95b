//! Human output through miette's graphical handler: the export row with the
//! offending fields underlined, and the clause it breaks, underlined in the
//! rule file.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::diag::{ClauseRef, Diagnostic, RowRef, Severity};
use crate::source::Sources;

/// A text with a name and the line number of its first line, so that a
/// single export row shows under its real line number.
struct Named<'a> {
    name: &'a str,
    text: &'a str,
    first_line: usize,
}

impl SourceCode for Named<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line.saturating_sub(1),
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// One diagnostic as miette sees it.
struct Shown<'a> {
    message: String,
    code: Option<&'static str>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<Named<'a>>,
    labels: Vec<LabeledSpan>,
    related: Vec<Shown<'a>>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.code.map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}

pub struct Human {
    handler: GraphicalReportHandler,
}

impl Human {
    pub fn new(color: bool) -> Human {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Human {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_context_lines(1)
                .with_width(120)
                .with_links(false),
        }
    }

    /// Renders one diagnostic, its row and clause text read from `sources`.
    /// Text from exports (in the row and the messages) has its control
    /// characters neutralised, so that an export cannot drive the terminal.
    pub fn render(&self, d: &Diagnostic, sources: &Sources) -> String {
        let row_text = d
            .row
            .as_ref()
            .and_then(|r| sources.row_text(r.source, r.byte))
            .map(|mut t| {
                // A control character is one byte: `?` keeps the fields' offsets.
                t.text = t
                    .text
                    .chars()
                    .map(|c| if c.is_control() && c != '\t' { '?' } else { c })
                    .collect();
                t
            });
        let mut clean = d.clone();
        clean.message = super::neutralise(&d.message).into_owned();
        clean.help = d.help.as_deref().map(|h| super::neutralise(h).into_owned());
        clean.waived = d
            .waived
            .as_deref()
            .map(|w| super::neutralise(w).into_owned());
        let d = &clean;
        let shown = shown(d, sources, row_text.as_ref());
        let mut out = String::new();
        if self.handler.render_report(&mut out, &shown).is_err() {
            out = format!("{}: {}\n", d.code, d.message);
        }
        out
    }
}

fn severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
    }
}

fn shown<'a>(
    d: &'a Diagnostic,
    sources: &'a Sources,
    row_text: Option<&'a crate::source::RowText>,
) -> Shown<'a> {
    let mut related: Vec<Shown<'a>> = Vec::new();
    let (source, labels) = match (&d.row, row_text) {
        (Some(row), Some(text)) => {
            if let Some(clause) = &d.clause {
                related.push(clause_note(clause, sources, "the clause"));
            }
            (Some(row_source(row, text, sources)), row_labels(row, text))
        }
        _ => match &d.clause {
            Some(clause) => (
                rule_source(clause, sources),
                vec![LabeledSpan::new_primary_with_span(
                    Some(clause.label.clone()),
                    clause.span,
                )],
            ),
            None => (None, Vec::new()),
        },
    };
    related.extend(d.related.iter().map(|r| clause_note(r, sources, "see")));
    let mut message = d.message.clone();
    if let (Some(row), None) = (&d.row, row_text) {
        message = format!("{message} ({}:{})", sources.name(row.source), row.line);
    }
    let help = match (&d.waived, &d.help) {
        (Some(w), Some(h)) => Some(format!("waived: {w}\n{h}")),
        (Some(w), None) => Some(format!("waived: {w}")),
        (None, h) => h.clone(),
    };
    Shown {
        message,
        code: Some(d.code.as_str()),
        severity: if d.waived.is_some() {
            miette::Severity::Advice
        } else {
            severity(d.severity)
        },
        help,
        source,
        labels,
        related,
    }
}

fn clause_note<'a>(clause: &'a ClauseRef, sources: &'a Sources, what: &str) -> Shown<'a> {
    Shown {
        message: format!("{what}: {}", clause.label),
        code: None,
        severity: miette::Severity::Advice,
        help: None,
        source: rule_source(clause, sources),
        labels: vec![LabeledSpan::new_primary_with_span(
            Some(clause.label.clone()),
            clause.span,
        )],
        related: Vec::new(),
    }
}

fn rule_source<'a>(clause: &ClauseRef, sources: &'a Sources) -> Option<Named<'a>> {
    Some(Named {
        name: sources.name(clause.source),
        text: sources.rule_text(clause.source)?,
        first_line: 1,
    })
}

fn row_source<'a>(
    row: &RowRef,
    text: &'a crate::source::RowText,
    sources: &'a Sources,
) -> Named<'a> {
    Named {
        name: sources.name(row.source),
        text: &text.text,
        first_line: usize::try_from(row.line).unwrap_or(usize::MAX),
    }
}

fn row_labels(row: &RowRef, text: &crate::source::RowText) -> Vec<LabeledSpan> {
    let spans: Vec<_> = row
        .columns
        .iter()
        .filter_map(|c| text.fields.get(*c).cloned())
        .collect();
    if spans.is_empty() {
        return vec![LabeledSpan::new_primary_with_span(
            Some(row.label.clone()),
            (0, text.text.len()),
        )];
    }
    spans
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let label = (i == 0).then(|| row.label.clone());
            let span = (r.start, r.len().max(1));
            if i == 0 {
                LabeledSpan::new_primary_with_span(label, span)
            } else {
                LabeledSpan::new_with_span(label, span)
            }
        })
        .collect()
}
