//! JSON output: one document,
//! `{"diagnostics": [...], "summary": {...}}`, written as the diagnostics
//! come. Amounts are exact decimal strings; lines are 1-based.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::RunEnd;
use super::{Counts, Sink};
use crate::diag::{ClauseRef, Code, Diagnostic, Severity};
use crate::eval::Summary;
use crate::i18n::Lang;
use crate::source::Sources;
use crate::span::line_col;

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: Code,
    severity: Severity,
    message: String,
    row: Option<JsonRow<'a>>,
    clause: Option<JsonClause<'a>>,
    related: Vec<JsonClause<'a>>,
    help: Option<String>,
    /// The rule of law a finding about no clause applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    law: Option<String>,
    figures: BTreeMap<&'a str, &'a str>,
    waived: Option<String>,
    /// The repair `lint --fix` applies, in the clause's file.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
}

/// A machine-applicable fix: the text from (line, column) to (end_line,
/// end_column), 1-based, columns in characters, replaced by `replacement`.
#[derive(Serialize)]
struct JsonFix<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    file: &'a str,
    line: u64,
    columns: &'a [usize],
}

#[derive(Serialize)]
struct JsonClause<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    label: String,
    /// Where the clause comes from in the signed text.
    #[serde(skip_serializing_if = "Option::is_none")]
    citation: Option<JsonCitation<'a>>,
}

/// A clause's article (paragraph, annex), and how a finding says it.
#[derive(Serialize)]
struct JsonCitation<'a> {
    #[serde(flatten)]
    citation: &'a crate::diag::Citation,
    text: String,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    #[serde(flatten)]
    counts: Counts,
    #[serde(flatten)]
    summary: Option<&'a Summary>,
    /// The summary's clauses not checked, in the run's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    not_checked: Option<Vec<String>>,
}

fn clause<'a>(c: &'a ClauseRef, sources: &'a Sources, lang: Lang) -> JsonClause<'a> {
    let (line, column) = sources
        .rule_text(c.source)
        .map_or((0, 0), |t| line_col(t, c.span.start));
    JsonClause {
        file: sources.name(c.source),
        line,
        column,
        label: lang.tr(&c.label).into_owned(),
        citation: c.citation.as_ref().map(|citation| JsonCitation {
            citation,
            text: lang.tr(&citation.message()).into_owned(),
        }),
    }
}

pub struct JsonSink<'w> {
    out: Box<dyn Write + 'w>,
    first: bool,
    lang: Lang,
}

impl<'w> JsonSink<'w> {
    pub fn new(out: Box<dyn Write + 'w>, lang: Lang) -> JsonSink<'w> {
        JsonSink {
            out,
            first: true,
            lang,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if self.first {
            self.out.write_all(b"{\"diagnostics\": [\n")?;
        }
        Ok(())
    }
}

impl Sink for JsonSink<'_> {
    fn emit(&mut self, d: &Diagnostic, sources: &Sources) -> io::Result<()> {
        self.start()?;
        if !self.first {
            self.out.write_all(b",\n")?;
        }
        self.first = false;
        let lang = self.lang;
        let json = JsonDiagnostic {
            code: d.code,
            severity: d.severity,
            message: lang.tr(&d.message).into_owned(),
            row: d.row.as_ref().map(|r| JsonRow {
                file: sources.name(r.source),
                line: r.line,
                columns: &r.columns,
            }),
            clause: d.clause.as_ref().map(|c| clause(c, sources, lang)),
            related: d.related.iter().map(|c| clause(c, sources, lang)).collect(),
            help: d.help.as_ref().map(|h| lang.tr(h).into_owned()),
            law: d.law.as_ref().map(|l| lang.tr(l).into_owned()),
            fix: d.fix.as_ref().and_then(|f| {
                let text = sources.rule_text(d.clause.as_ref()?.source)?;
                let (line, column) = line_col(text, f.span.start);
                let (end_line, end_column) = line_col(text, f.span.end.max(f.span.start));
                Some(JsonFix {
                    line,
                    column,
                    end_line,
                    end_column,
                    replacement: &f.replacement,
                })
            }),
            figures: d
                .figures
                .iter()
                .map(|f| (f.name.as_ref(), f.value.as_str()))
                .collect(),
            waived: d.waived.as_ref().map(|w| lang.tr(w).into_owned()),
        };
        serde_json::to_writer(&mut self.out, &json)?;
        Ok(())
    }

    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()> {
        let RunEnd {
            counts,
            summary,
            sources: _,
            audit,
        } = *end;
        self.start()?;
        self.out.write_all(b"\n],\n\"summary\": ")?;
        let not_checked = summary.map(|s| {
            s.not_checked
                .iter()
                .map(|n| self.lang.tr(n).into_owned())
                .collect()
        });
        let json = JsonSummary {
            counts,
            summary,
            not_checked,
        };
        serde_json::to_writer(&mut self.out, &json)?;
        if let Some(audit) = audit {
            self.out.write_all(b",\n\"audit\": ")?;
            serde_json::to_writer(&mut self.out, audit)?;
        }
        self.out.write_all(b"}\n")?;
        self.out.flush()
    }
}
