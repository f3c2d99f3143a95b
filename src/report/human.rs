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
/// single export row shows under its real line number; `shift` counts the
/// characters of the original line left out before the text shown (the
/// `…` standing for them counted out), so that the header's column is
/// the original file's, in characters.
struct Named<'a> {
    name: &'a str,
    text: std::borrow::Cow<'a, str>,
    first_line: usize,
    shift: usize,
}

impl SourceCode for Named<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text: &'b str = &self.text;
        let inner = text.read_span(span, before, after)?;
        // miette counts bytes: the header's position is in characters
        // (what an editor's `file:line:col` means), of the original line.
        let column = if before == 0 && after == 0 {
            crate::span::line_col(text, span.offset()).1 - 1 + self.shift
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line.saturating_sub(1),
            column,
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

    /// The width the diagnostics are drawn to, in columns.
    pub fn width(&self) -> usize {
        self.width
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
                // Codes hold hyphens, paths slashes: lines break at
                // spaces only.
                .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
                .with_word_separator(textwrap::WordSeparator::AsciiSpace)
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
                let label = textwrap::core::display_width(&self.lang.tr(&row.label));
                Some(crop(
                    t,
                    &row.columns,
                    text_room_of(self.width, row.line),
                    label,
                ))
            }
            _ => None,
        };
        let view = View {
            sources,
            lang: self.lang,
            width: self.width,
        };
        let mut shown = view.shown(d, row_text.as_ref());
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
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        textwrap::fill(help, options)
    }
}

/// `line` wrapped to `width` columns at its spaces (never at a no-break
/// space: amounts, `article 4`, `: ` stay whole), each later line indented
/// four columns more than the first: the summary's and the help's lines on
/// a terminal.
pub fn wrap(line: &str, width: usize) -> String {
    let lead = line.len() - line.trim_start_matches(' ').len();
    let indent = " ".repeat(lead + 4);
    let options = textwrap::Options::new(width)
        .initial_indent(line.get(..lead).unwrap_or(""))
        .subsequent_indent(&indent)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::fill(line.trim_start_matches(' '), options)
}

/// A row shown on one terminal line: its text (cropped to the room left by
/// the line number, `…` where fields were left out), the fields' byte
/// ranges in it, and how many characters of the original row come before
/// it (see [`Named`]).
struct Cropped {
    row: crate::source::RowText,
    shift: usize,
}

/// The columns left for a source line's text after miette's gutter
/// (` 16 │ `: the line number and four columns), the terminal being
/// `width`.
fn room(width: usize, line: usize) -> usize {
    width.saturating_sub(line.to_string().len() + 4)
}

/// The least room a label is given beside its underline before the line
/// is cropped further to the left: it is wrapped to what remains.
const LABEL_ROOM: usize = 24;

/// The display columns from the start of `text` to the middle of `range`
/// (where miette draws a label's `╰──`).
fn middle(text: &str, range: &std::ops::Range<usize>) -> usize {
    let width = |r: std::ops::Range<usize>| text.get(r).map_or(0, textwrap::core::display_width);
    let start = width(0..range.start);
    let end = width(0..range.end).max(start + 1);
    (start + end) / 2
}

/// A row's text narrowed to `width` characters: the fields of `columns`
/// (the whole row when none) and as many fields around them as fit, with
/// `…` where text was left out, the first field's label (`label` columns
/// wide) keeping at least [`LABEL_ROOM`] columns right of its underline;
/// field ranges follow.
fn crop(row: crate::source::RowText, columns: &[usize], width: usize, label: usize) -> Cropped {
    let chars =
        |r: &std::ops::Range<usize>| row.text.get(r.clone()).map_or(0, |t| t.chars().count());
    let shown: Vec<usize> = columns
        .iter()
        .copied()
        .filter(|c| *c < row.fields.len())
        .collect();
    let primary = shown.first().and_then(|c| row.fields.get(*c)).cloned();
    let need = label.min(LABEL_ROOM) + 4;
    // Whether the label of the first field fits when the window starts at
    // byte `start` (after a `…` if it is not the row's start).
    let label_fits = |start: usize| {
        primary.as_ref().is_none_or(|p| {
            let lead = usize::from(start > 0);
            let text = row.text.get(start..).unwrap_or("");
            let p = p.start.saturating_sub(start)..p.end.saturating_sub(start);
            lead + middle(text, &p) + need <= width
        })
    };
    if (row.text.chars().count() <= width && label_fits(0)) || row.fields.is_empty() {
        return Cropped { row, shift: 0 };
    }
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
    // (a field and its delimiter, and the two `…`) and leaves the label
    // its room.
    loop {
        let mut grown = false;
        if last + 1 < row.fields.len() && chars(&span(first, last + 1)) + 2 <= width {
            last += 1;
            grown = true;
        }
        if first > 0
            && chars(&span(first - 1, last)) + 2 <= width
            && label_fits(span(first - 1, last).start)
        {
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
    let hidden = row
        .text
        .get(..window.start)
        .map_or(0, |t| t.chars().count());
    Cropped {
        row: crate::source::RowText {
            text,
            fields: row.fields.iter().map(shift).collect(),
        },
        shift: hidden.saturating_sub(before.chars().count()),
    }
}

/// A rule file's lines around `span`, cropped to `width` characters when
/// one of them is wider: the same columns of each (so that they stay
/// aligned), far enough right that the span's label (`label` columns)
/// keeps [`LABEL_ROOM`] columns, with `…` where text was left out. The
/// text, its first line's number, the span in it and the shift (see
/// [`Named`]); `None` when every line fits.
fn crop_rule(
    text: &str,
    span: SourceSpan,
    width: usize,
    label: usize,
) -> Option<(String, usize, SourceSpan, usize)> {
    let start = span.offset().min(text.len());
    let end = (span.offset() + span.len()).min(text.len());
    let (first_line, column) = crate::span::line_col(text, start);
    let (last_line, _) = crate::span::line_col(text, end);
    // Every line with its offset; the span's and one on each side shown
    // (`first_line` and `last_line` count from 1).
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let here = *at;
            *at += line.len();
            Some((here, line.trim_end_matches(['\n', '\r'])))
        })
        .collect();
    let from = first_line.saturating_sub(2);
    let to = last_line.min(lines.len().saturating_sub(1));
    let shown = lines.get(from..=to)?;
    // Characters before the span on its line, and the span's middle.
    let before = column - 1;
    let mid = label_column(text, start, end);
    let need = label.min(LABEL_ROOM) + 4;
    let too_wide = shown.iter().any(|(_, l)| l.chars().count() > width);
    let label_fits = mid.is_none_or(|mid| mid + need <= width);
    if !too_wide && label_fits {
        return None;
    }
    // The first character shown: 0, or far enough right for the label,
    // never past the span's start.
    let skip = match mid {
        Some(mid) if !label_fits => (mid + need + 1).saturating_sub(width).min(before),
        _ => 0,
    };
    let lead = if skip > 0 { "…" } else { "" };
    let keep = width.saturating_sub(usize::from(skip > 0) + 1);
    let mut out = String::new();
    let mut new_start = 0;
    let mut new_end = 0;
    for (n, (line_at, line)) in (from + 1..).zip(shown) {
        let base = out.len() + lead.len();
        out.push_str(lead);
        let visible: String = line.chars().skip(skip).take(keep).collect();
        // A byte offset of the original line mapped into the shown one.
        let map = |byte: usize| {
            let c = line.char_indices().take_while(|(b, _)| *b < byte).count();
            let c = c.saturating_sub(skip).min(keep);
            base + visible
                .char_indices()
                .nth(c)
                .map_or(visible.len(), |(b, _)| b)
        };
        if n == first_line {
            new_start = map(start - line_at);
        }
        if n == last_line {
            new_end = map(end - line_at);
        }
        out.push_str(&visible);
        if line.chars().count() > skip + keep {
            out.push('…');
        }
        out.push('\n');
    }
    let span = SourceSpan::from((new_start, new_end.saturating_sub(new_start)));
    Some((
        out,
        from + 1,
        span,
        skip.saturating_sub(lead.chars().count()),
    ))
}

/// The byte offset where the line holding byte `at` of `text` starts.
fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// Where miette draws the label of the span `start..end` of `text`: the
/// display columns from its line's start to its middle; `None` for a span
/// over several lines (its label goes under its last line, after the bar).
fn label_column(text: &str, start: usize, end: usize) -> Option<usize> {
    if text.get(start..end)?.contains('\n') {
        return None;
    }
    let at = line_start(text, start);
    Some(middle(text.get(at..)?, &(start - at..end - at)))
}

/// A label wrapped to the room right of its underline (`middle` columns
/// into a line `room` wide): miette draws each of its lines under the
/// first.
fn fit_label(label: &str, room: usize, middle: usize) -> String {
    let width = room.saturating_sub(middle + 4).max(12);
    let options = textwrap::Options::new(width)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::wrap(label, options).join("\n")
}

fn severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
    }
}

/// What is drawn, and how wide: the sources, the language, the terminal.
struct View<'a> {
    sources: &'a Sources,
    lang: Lang,
    width: usize,
}

impl<'a> View<'a> {
    /// What miette draws of a diagnostic. Text from exports (in messages,
    /// help lines and waivers) has its control characters neutralised.
    fn shown(&self, d: &'a Diagnostic, row_text: Option<&'a Cropped>) -> Shown<'a> {
        let lang = self.lang;
        let tr = |m: &Message| super::neutralise(&lang.tr(m)).into_owned();
        let mut related: Vec<Shown<'a>> = Vec::new();
        let (source, labels) = match (&d.row, row_text) {
            (Some(row), Some(text)) => {
                if let Some(clause) = &d.clause {
                    related.push(self.clause_note(clause, "human-the-clause"));
                }
                (Some(self.row_source(row, text)), self.row_labels(row, text))
            }
            _ => match &d.clause {
                Some(clause) => {
                    let (source, labels) = self.rule_source(clause, tr(&clause.label));
                    (source, labels)
                }
                None => (None, Vec::new()),
            },
        };
        related.extend(d.related.iter().map(|r| self.clause_note(r, "human-see")));
        let mut message = tr(&d.message);
        if let (Some(row), None) = (&d.row, row_text) {
            message = format!("{message} ({}:{})", self.sources.name(row.source), row.line);
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

    /// The note under a row's finding that shows its clause, and the
    /// article of the signed text the clause comes from.
    fn clause_note(&self, clause: &'a ClauseRef, what: &'static str) -> Shown<'a> {
        let lang = self.lang;
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
        let message = lang.tr(&title.arg("label", label.as_str())).into_owned();
        let (source, labels) = self.rule_source(clause, label);
        Shown {
            message,
            code: None,
            severity: miette::Severity::Advice,
            help: None,
            source,
            labels,
            related: Vec::new(),
        }
    }

    /// The rule file around a clause, cropped to the terminal, and the
    /// clause's label wrapped beside its underline.
    fn rule_source(
        &self,
        clause: &ClauseRef,
        label: String,
    ) -> (Option<Named<'a>>, Vec<LabeledSpan>) {
        let Some(text) = self.sources.rule_text(clause.source) else {
            return (
                None,
                vec![LabeledSpan::new_primary_with_span(Some(label), clause.span)],
            );
        };
        let name = self.sources.name(clause.source);
        let clause_span = miette::SourceSpan::from(clause.span);
        let end_line = text
            .get(..clause.span.end.min(text.len()))
            .map_or(1, |t| t.matches('\n').count() + 2);
        let room = room(self.width, end_line);
        let label_width = textwrap::core::display_width(&label);
        let (named, span) = match crop_rule(text, clause_span, room, label_width) {
            Some((cropped, first_line, span, shift)) => (
                Named {
                    name,
                    text: std::borrow::Cow::Owned(cropped),
                    first_line,
                    shift,
                },
                span,
            ),
            None => (
                Named {
                    name,
                    text: std::borrow::Cow::Borrowed(text),
                    first_line: 1,
                    shift: 0,
                },
                clause_span,
            ),
        };
        // A block's label is drawn at its last line, after its left bar.
        let mid = label_column(&named.text, span.offset(), span.offset() + span.len()).unwrap_or(4);
        let label = fit_label(&label, room, mid);
        (
            Some(named),
            vec![LabeledSpan::new_primary_with_span(Some(label), span)],
        )
    }

    fn row_source(&self, row: &RowRef, text: &'a Cropped) -> Named<'a> {
        Named {
            name: self.sources.name(row.source),
            text: std::borrow::Cow::Borrowed(&text.row.text),
            first_line: usize::try_from(row.line).unwrap_or(usize::MAX),
            shift: text.shift,
        }
    }

    fn row_labels(&self, row: &RowRef, text: &Cropped) -> Vec<LabeledSpan> {
        let text = &text.row;
        let room = text_room_of(self.width, row.line);
        let row_label = super::neutralise(&self.lang.tr(&row.label)).into_owned();
        let spans: Vec<_> = row
            .columns
            .iter()
            .filter_map(|c| text.fields.get(*c).cloned())
            .collect();
        if spans.is_empty() {
            let all = 0..text.text.len();
            let label = fit_label(&row_label, room, middle(&text.text, &all));
            return vec![LabeledSpan::new_primary_with_span(
                Some(label),
                (0, text.text.len()),
            )];
        }
        spans
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let label = (i == 0).then(|| fit_label(&row_label, room, middle(&text.text, &r)));
                let span = (r.start, r.len().max(1));
                if i == 0 {
                    LabeledSpan::new_primary_with_span(label, span)
                } else {
                    LabeledSpan::new_with_span(label, span)
                }
            })
            .collect()
    }
}

/// The columns left for a row's text at line `line` of its export.
fn text_room_of(width: usize, line: u64) -> usize {
    room(width, usize::try_from(line).unwrap_or(usize::MAX))
}
