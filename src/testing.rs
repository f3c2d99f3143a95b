//! Unit tests of conventions (`clausier test`): what an analyst states a
//! convention means, kept true by CI.
//!
//! A test file sits beside its rule file and has its name with `.essais`
//! for `.conv` (`rules/x.essais` tests `rules/x.conv`). It is written in
//! clausier's syntax (the same parser as rule files; its own lowering here):
//!
//! ```text
//! essai "un paiement conforme : aucun constat" {
//!   au 2018-12-31                      # optional: the day of the run
//!   ligne date 2017-09-01 type CP montant 1 500,00 € n_ej 2103100001 …
//!   attendu aucun
//! }
//! essai "le plafond AE franchi" {
//!   export "essais/plafond.csv"        # or a CSV beside the test file
//!   attendu {
//!     ligne 3 ceiling.exceeded
//!     hors-ligne clause.unchecked
//!   }
//! }
//! ```
//!
//! Inline rows (`ligne` followed by column and value pairs, the canonical
//! profile's column names; a quoted value is copied as written) form a CSV
//! export with a header; their findings are numbered by row, the first
//! `ligne` being row 1. A CSV file's findings are numbered by its physical
//! lines, as `check` reports them. A test passes when its findings, as
//! (row, code) pairs, are exactly those expected.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic, SourceId};
use crate::i18n::Message;
use crate::language::syntax::{self, Item, ValueKind};
use crate::msg;
use crate::source::Sources;
use crate::span::Span;

/// The tests of one test file.
#[derive(Clone, Debug, Default)]
pub struct Suite {
    pub cases: Vec<Case>,
}

/// One test.
#[derive(Clone, Debug)]
pub struct Case {
    pub name: String,
    pub span: Span,
    /// The day of the run (`au`); today when absent.
    pub date: Option<NaiveDate>,
    pub rows: Rows,
    pub expected: Vec<Finding>,
}

/// The transactions of a test.
#[derive(Clone, Debug)]
pub enum Rows {
    /// Written in the test: column names and each row's values.
    Inline {
        columns: Vec<String>,
        rows: Vec<Vec<(String, String)>>,
    },
    /// A CSV file, relative to the test file.
    File(String),
}

/// A finding as a test states it: its row (`None`: about no row) and code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub row: Option<u64>,
    pub code: Code,
}

/// What a test found, beside what it expected.
#[derive(Clone, Debug)]
pub struct Verdict {
    pub expected: Vec<Finding>,
    pub actual: Vec<Finding>,
    /// Why the test could not run (a rule file with errors, an export that
    /// cannot be read…), already in the run's words.
    pub error: Option<Vec<Diagnostic>>,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        self.error.is_none() && self.expected == self.actual
    }
}

/// The test file of a rule file: beside it, `.essais` for `.conv`.
pub fn tests_of(rules: &Path) -> PathBuf {
    rules.with_extension("essais")
}

/// The rule file a test file tests.
pub fn rules_of(tests: &Path) -> PathBuf {
    tests.with_extension("conv")
}

/// Parses a test file: its tests, and every problem found in it.
pub fn parse(source: SourceId, text: &str) -> (Suite, Vec<Diagnostic>) {
    let (doc, mut diags) = syntax::parse(source, text);
    let mut suite = Suite::default();
    for item in &doc.items {
        if item.head.text != "essai" {
            diags.push(unknown(source, item, &["essai"]));
            continue;
        }
        if let Some(case) = case(source, item, &mut diags) {
            suite.cases.push(case);
        }
    }
    (suite, diags)
}

fn unknown(source: SourceId, item: &Item, expected: &[&str]) -> Diagnostic {
    let help = match crate::language::keywords::suggest(&item.head.text, expected) {
        Some(s) => msg!("did-you-mean", word = s),
        None => msg!("expected-one-of", words = expected.join(", ")),
    };
    Diagnostic::new(
        Code::ClauseUnknown,
        msg!("test-unknown", word = item.head.text.as_str()),
    )
    .at_clause(source, item.head.span, Message::new("not-a-clause"))
    .help(help)
}

fn bad(source: SourceId, span: Span, what: Message) -> Diagnostic {
    Diagnostic::new(Code::ValueInvalid, what).at_clause(
        source,
        span,
        Message::new("test-bad-label"),
    )
}

fn case(source: SourceId, item: &Item, diags: &mut Vec<Diagnostic>) -> Option<Case> {
    let name = match item.values.first().map(|v| &v.kind) {
        Some(ValueKind::Text(t)) => t.clone(),
        _ => {
            diags.push(bad(source, item.head.span, Message::new("test-needs-name")));
            return None;
        }
    };
    let mut date = None;
    let mut file = None;
    let mut columns: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    let mut expected = None;
    for inner in item.block.iter().flat_map(|b| &b.items) {
        match inner.head.text.as_str() {
            "au" => match inner.values.first().map(|v| &v.kind) {
                Some(ValueKind::Date(d)) => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
                    Ok(d) => date = Some(d),
                    Err(_) => diags.push(bad(source, inner.span, Message::new("test-bad-date"))),
                },
                _ => diags.push(bad(source, inner.span, Message::new("test-bad-date"))),
            },
            "export" => match inner.values.first().map(|v| &v.kind) {
                Some(ValueKind::Text(path)) => file = Some(path.clone()),
                _ => diags.push(bad(source, inner.span, Message::new("test-bad-export"))),
            },
            "ligne" => {
                let Some(row) = inline_row(source, inner, diags) else {
                    continue;
                };
                for (column, _) in &row {
                    if !columns.contains(column) {
                        columns.push(column.clone());
                    }
                }
                rows.push(row);
            }
            "attendu" => expected = expectations(source, inner, diags),
            _ => diags.push(unknown(
                source,
                inner,
                &["au", "export", "ligne", "attendu"],
            )),
        }
    }
    let Some(expected) = expected else {
        diags.push(bad(
            source,
            item.head.span,
            Message::new("test-needs-expected"),
        ));
        return None;
    };
    let rows = match (file, rows.is_empty()) {
        (Some(path), true) => Rows::File(path),
        (None, false) => Rows::Inline { columns, rows },
        _ => {
            diags.push(bad(source, item.head.span, Message::new("test-needs-rows")));
            return None;
        }
    };
    Some(Case {
        name,
        span: item.head.span,
        date,
        rows,
        expected,
    })
}

/// `ligne column value column value…`.
fn inline_row(
    source: SourceId,
    item: &Item,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<(String, String)>> {
    if !item.values.len().is_multiple_of(2) || item.values.is_empty() {
        diags.push(bad(source, item.span, Message::new("test-bad-row")));
        return None;
    }
    let mut row = Vec::new();
    for pair in item.values.chunks(2) {
        let [column, value] = pair else {
            return None;
        };
        let ValueKind::Word(column) = &column.kind else {
            diags.push(bad(source, column.span, Message::new("test-bad-row")));
            return None;
        };
        let value = match &value.kind {
            ValueKind::Text(t) | ValueKind::Word(t) | ValueKind::Date(t) => t.clone(),
            // `1 500,00 €`: the amount as an export writes it.
            ValueKind::Money(m) => m
                .trim_end_matches('€')
                .trim_end_matches("EUR")
                .trim()
                .to_owned(),
        };
        row.push((column.clone(), value));
    }
    Some(row)
}

/// `attendu aucun`, or `attendu { ligne N code… ; hors-ligne code… }`.
fn expectations(
    source: SourceId,
    item: &Item,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<Finding>> {
    let none =
        matches!(item.values.first().map(|v| &v.kind), Some(ValueKind::Word(w)) if w == "aucun");
    if none && item.block.is_none() {
        return Some(Vec::new());
    }
    let Some(block) = &item.block else {
        diags.push(bad(source, item.span, Message::new("test-bad-expected")));
        return None;
    };
    let mut found = Vec::new();
    for line in &block.items {
        let (row, codes) = match line.head.text.as_str() {
            "ligne" => {
                let row = match line.values.first().map(|v| &v.kind) {
                    Some(ValueKind::Word(n)) => n.parse::<u64>().ok(),
                    _ => None,
                };
                let Some(row) = row else {
                    diags.push(bad(source, line.span, Message::new("test-bad-row-number")));
                    continue;
                };
                (Some(row), line.values.get(1..).unwrap_or_default())
            }
            "hors-ligne" => (None, line.values.as_slice()),
            _ => {
                diags.push(unknown(source, line, &["ligne", "hors-ligne"]));
                continue;
            }
        };
        for value in codes {
            let code = match &value.kind {
                ValueKind::Word(w) => Code::ALL.iter().find(|c| c.as_str() == w).copied(),
                _ => None,
            };
            match code {
                Some(code) => found.push(Finding { row, code }),
                None => diags.push(
                    bad(source, value.span, Message::new("test-bad-code"))
                        .help(Message::new("test-bad-code-help")),
                ),
            }
        }
    }
    found.sort();
    Some(found)
}

/// The CSV of inline rows: a header, then one line per row.
pub fn inline_csv(columns: &[String], rows: &[Vec<(String, String)>]) -> String {
    let field = |s: &str| crate::report::csv_field(s).into_owned();
    let mut out = columns
        .iter()
        .map(|c| field(c))
        .collect::<Vec<_>>()
        .join(";");
    out.push('\n');
    for row in rows {
        let line: Vec<String> = columns
            .iter()
            .map(|c| {
                row.iter()
                    .find(|(k, _)| k == c)
                    .map_or_else(String::new, |(_, v)| field(v))
            })
            .collect();
        out.push_str(&line.join(";"));
        out.push('\n');
    }
    out
}

/// Runs one test: the rule file compiled on the test's day, its rows
/// checked, its findings against those expected. `export` is the CSV to
/// read (the inline rows written out, or the test's file).
pub fn run(
    rules: (&str, &str),
    case: &Case,
    export: &Path,
    inline: bool,
    today: NaiveDate,
) -> Verdict {
    let mut sources = Sources::default();
    let id = sources.add_rule(rules.0, rules.1.to_owned());
    let day = case.date.unwrap_or(today);
    let (convention, diags) = crate::compile_on(id, sources.rule_text(id).unwrap_or(""), day);
    let fail = |error: Vec<Diagnostic>| Verdict {
        expected: case.expected.clone(),
        actual: Vec::new(),
        error: Some(error),
    };
    let errors: Vec<Diagnostic> = diags.into_iter().filter(Diagnostic::is_error).collect();
    let Some(convention) = convention.filter(|_| errors.is_empty()) else {
        return fail(errors);
    };
    let options = crate::run::ExportOptions {
        read: crate::input::csv::ReadOptions {
            profile: None,
            encoding: None,
            transcoded_from: None,
        },
        sheet: None,
    };
    let mut unusable = Vec::new();
    let opened = crate::run::open_exports(
        &[export.to_path_buf()],
        &options,
        &mut sources,
        &mut |_, d| {
            unusable.push(d);
        },
    );
    let Some(exports) = opened else {
        return fail(unusable);
    };
    let mut actual = Vec::new();
    let progress = crate::progress::Progress::new(false, crate::i18n::Lang::En);
    let outcome = crate::run::check(
        std::slice::from_ref(&convention),
        exports,
        &sources,
        1,
        &progress,
        &mut |_, d| {
            // Inline rows are numbered from the first after the header.
            let row = d.row.as_ref().map(|r| {
                if inline {
                    r.line.saturating_sub(1)
                } else {
                    r.line
                }
            });
            actual.push(Finding { row, code: d.code });
        },
    );
    if let crate::run::Outcome::Unusable(_) = outcome {
        return fail(Vec::new());
    }
    actual.sort();
    Verdict {
        expected: case.expected.clone(),
        actual,
        error: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_test_file_is_read() {
        let text = "essai \"t\" {\n  au 2018-12-31\n  ligne date 2017-09-01 montant 1 500,00 € type \"CP\"\n  attendu {\n    ligne 1 ceiling.exceeded term.after-end\n    hors-ligne clause.unchecked\n  }\n}\nessai \"u\" {\n  export \"x.csv\"\n  attendu aucun\n}\n";
        let (suite, diags) = parse(0, text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(suite.cases.len(), 2);
        let Rows::Inline { columns, rows } = &suite.cases[0].rows else {
            panic!("inline rows");
        };
        assert_eq!(columns, &["date", "montant", "type"]);
        assert_eq!(
            inline_csv(columns, rows),
            "date;montant;type\n2017-09-01;1 500,00;CP\n"
        );
        assert_eq!(suite.cases[0].expected.len(), 3);
        assert!(suite.cases[1].expected.is_empty());
    }

    #[test]
    fn mistakes_in_a_test_file_are_reported() {
        let text = "essai \"t\" {\n  ligne date\n  atendu aucun\n}\nessay \"u\" {}\n";
        let (_, diags) = parse(0, text);
        let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "value.invalid",
                "clause.unknown",
                "value.invalid",
                "clause.unknown"
            ]
        );
    }
}
