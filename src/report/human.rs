//! Human output through miette's graphical handler: the export row with the
//! offending fields underlined, and the clause it breaks, underlined in the
//! rule file.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::diag::{ClauseRef, Diagnostic, RowRef, Severity};
use crate::i18n::{Lang, Message};
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
    /// The styles of the handler's theme, for the help line drawn here.
    styles: miette::ThemeStyles,
    lang: Lang,
    width: usize,
}

impl Human {
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Diagnostics drawn `width` columns wide.
    pub fn new(color: bool, lang: Lang, width: usize) -> Human {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Human {
            styles: theme.styles.clone(),
            handler: GraphicalReportHandler::new_themed(theme)
                .with_context_lines(1)
                .with_width(match lang {
                    Lang::Fr => width.saturating_sub(1),
                    Lang::En => width,
                })
                // Codes hold hyphens: never split a word at one.
                .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
                .with_links(false),
            lang,
            width,
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
        // The row cropped to the terminal's width around the fields shown,
        // so that underlines stay under their fields.
        let row_text = match (row_text, &d.row) {
            (Some(t), Some(row)) => {
                let gutter = row.line.to_string().len() + 4;
                Some(crop(t, &row.columns, self.width.saturating_sub(gutter + 1)))
            }
            (t, _) => t,
        };
        let mut shown = shown(d, sources, row_text.as_ref(), self.lang);
        // miette draws the diagnostic, then each related note on its own
        // (its first line says what it is, in the run's language); the help
        // line between them is written here, in the run's language.
        let help = shown.help.take();
        let related = std::mem::take(&mut shown.related);
        let mut out = String::new();
        if self.handler.render_report(&mut out, &shown).is_err() {
            return format!("{}: {}\n", d.code, shown.message);
        }
        if let Some(law) = &d.law {
            let law = super::neutralise(&self.lang.tr(law)).into_owned();
            out.push_str(&self.labelled_line("human-law-label", &law));
            out.push('\n');
        }
        // A finding at a clause says the article it applies; a row's says
        // it in the note that shows the clause.
        if let (None, Some(cite)) = (&d.row, d.clause.as_ref().and_then(|c| c.citation.as_ref())) {
            let cite = self.lang.tr(&cite.message()).into_owned();
            out.push_str(&self.labelled_line("human-text-label", &cite));
            out.push('\n');
        }
        if let Some(help) = help {
            out.push_str(&self.labelled_line("human-help-label", &help));
            out.push('\n');
        }
        for note in &related {
            let mut drawn = String::new();
            if self.handler.render_report(&mut drawn, note).is_ok() {
                out.push('\n');
                out.push_str(&drawn);
            }
        }
        out
    }

    /// `  help: …` (`  aide : …`), or the rule of law a finding applies
    /// (`  rule: …`), wrapped at the handler's width with its later lines
    /// under its text, as miette writes a help line.
    fn labelled_line(&self, label: &'static str, help: &str) -> String {
        let label = Message::new(label);
        let label = format!("  {} ", self.lang.tr(&label));
        let indent = " ".repeat(textwrap::core::display_width(&label));
        let label = self.styles.help.style(label).to_string();
        // The handler draws French one column narrower, for the label's
        // one column more; the help's text gets the same room in both.
        let width = self.width.saturating_sub(2);
        let options = textwrap::Options::new(width)
            .initial_indent(&label)
            .subsequent_indent(&indent)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        textwrap::fill(help, options)
    }
}

/// A row's text narrowed to `width` characters: the fields of `columns`
/// (the whole row when none) and as many fields around them as fit, with
/// `…` where text was left out; field ranges follow.
fn crop(row: crate::source::RowText, columns: &[usize], width: usize) -> crate::source::RowText {
    let chars =
        |r: &std::ops::Range<usize>| row.text.get(r.clone()).map_or(0, |t| t.chars().count());
    if row.text.chars().count() <= width || row.fields.is_empty() {
        return row;
    }
    let shown: Vec<usize> = columns
        .iter()
        .copied()
        .filter(|c| *c < row.fields.len())
        .collect();
    let (mut first, mut last) = match (shown.iter().min(), shown.iter().max()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => (0, 0),
    };
    let span = |first: usize, last: usize| {
        let start = row.fields.get(first).map_or(0, |f| f.start);
        let end = row.fields.get(last).map_or(row.text.len(), |f| f.end);
        start..end
    };
    // Widen by whole fields, right then left, while the window fits
    // (a field and its delimiter, and the two `…`).
    loop {
        let mut grown = false;
        if last + 1 < row.fields.len() && chars(&span(first, last + 1)) + 2 <= width {
            last += 1;
            grown = true;
        }
        if first > 0 && chars(&span(first - 1, last)) + 2 <= width {
            first -= 1;
            grown = true;
        }
        if !grown {
            break;
        }
    }
    let window = span(first, last);
    let before = if window.start > 0 { "…" } else { "" };
    let after = if window.end < row.text.len() {
        "…"
    } else {
        ""
    };
    let text = format!(
        "{before}{}{after}",
        row.text.get(window.clone()).unwrap_or("")
    );
    let shift = |r: &std::ops::Range<usize>| {
        let clamp = |x: usize| x.clamp(window.start, window.end) - window.start + before.len();
        clamp(r.start)..clamp(r.end)
    };
    crate::source::RowText {
        text,
        fields: row.fields.iter().map(shift).collect(),
    }
}

fn severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
    }
}

/// What miette draws of a diagnostic, in `lang`. Text from exports (in
/// messages, help lines and waivers) has its control characters
/// neutralised.
fn shown<'a>(
    d: &'a Diagnostic,
    sources: &'a Sources,
    row_text: Option<&'a crate::source::RowText>,
    lang: Lang,
) -> Shown<'a> {
    let tr = |m: &Message| super::neutralise(&lang.tr(m)).into_owned();
    let mut related: Vec<Shown<'a>> = Vec::new();
    let (source, labels) = match (&d.row, row_text) {
        (Some(row), Some(text)) => {
            if let Some(clause) = &d.clause {
                related.push(clause_note(clause, sources, "human-the-clause", lang));
            }
            (
                Some(row_source(row, text, sources)),
                row_labels(row, text, lang),
            )
        }
        _ => match &d.clause {
            Some(clause) => (
                rule_source(clause, sources),
                vec![LabeledSpan::new_primary_with_span(
                    Some(tr(&clause.label)),
                    clause.span,
                )],
            ),
            None => (None, Vec::new()),
        },
    };
    related.extend(
        d.related
            .iter()
            .map(|r| clause_note(r, sources, "human-see", lang)),
    );
    let mut message = tr(&d.message);
    if let (Some(row), None) = (&d.row, row_text) {
        message = format!("{message} ({}:{})", sources.name(row.source), row.line);
    }
    let waived = d.waived.as_ref().map(|w| {
        let reason = super::neutralise(&lang.tr(w)).into_owned();
        lang.tr(&Message::new("human-waived").arg("reason", reason))
            .into_owned()
    });
    let help = match (waived, &d.help) {
        (Some(w), Some(h)) => Some(format!("{w}\n{}", tr(h))),
        (Some(w), None) => Some(w),
        (None, h) => h.as_ref().map(tr),
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

/// The note under a row's finding that shows its clause, and the article
/// of the signed text the clause comes from.
fn clause_note<'a>(
    clause: &'a ClauseRef,
    sources: &'a Sources,
    what: &'static str,
    lang: Lang,
) -> Shown<'a> {
    let label = lang.tr(&clause.label).into_owned();
    let title = match &clause.citation {
        Some(cite) => Message::new(if what == "human-the-clause" {
            "human-the-clause-cited"
        } else {
            "human-see-cited"
        })
        .arg("cite", lang.tr(&cite.message()).into_owned()),
        None => Message::new(what),
    };
    Shown {
        message: lang.tr(&title.arg("label", label.as_str())).into_owned(),
        code: None,
        severity: miette::Severity::Advice,
        help: None,
        source: rule_source(clause, sources),
        labels: vec![LabeledSpan::new_primary_with_span(Some(label), clause.span)],
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

fn row_labels(row: &RowRef, text: &crate::source::RowText, lang: Lang) -> Vec<LabeledSpan> {
    let row_label = super::neutralise(&lang.tr(&row.label)).into_owned();
    let spans: Vec<_> = row
        .columns
        .iter()
        .filter_map(|c| text.fields.get(*c).cloned())
        .collect();
    if spans.is_empty() {
        return vec![LabeledSpan::new_primary_with_span(
            Some(row_label),
            (0, text.text.len()),
        )];
    }
    spans
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let label = (i == 0).then(|| row_label.clone());
            let span = (r.start, r.len().max(1));
            if i == 0 {
                LabeledSpan::new_primary_with_span(label, span)
            } else {
                LabeledSpan::new_with_span(label, span)
            }
        })
        .collect()
}
