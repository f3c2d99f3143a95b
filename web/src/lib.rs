//! clausier in the browser: what `web/index.html` calls, compiled to
//! WebAssembly with wasm-bindgen. The same library as the command line
//! (one code path), without its edge: exports come as bytes, one thread,
//! today's date from the page. Every answer is the JSON of the command
//! line's `--format json` (`diagnostics`, `summary`), so that the page and
//! `clausier check` can be compared finding for finding.

use chrono::NaiveDate;
use clausier::diag::Diagnostic;
use clausier::i18n::Lang;
use clausier::report::json::JsonSink;
use clausier::report::page;
use clausier::report::{Counts, Sink};
use clausier::run::{self, Outcome};
use clausier::source::Sources;
use wasm_bindgen::prelude::*;

/// The rule file's name in findings.
const RULES: &str = "convention.conv";

fn lang_of(code: &str) -> Lang {
    if code == "en" { Lang::En } else { Lang::Fr }
}

fn date_of(iso: &str) -> NaiveDate {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
}

/// Diagnostics and a summary as `--format json` writes them.
fn json(
    diagnostics: &[Diagnostic],
    summary: Option<&clausier::eval::Summary>,
    sources: &Sources,
    lang: Lang,
) -> String {
    let mut out = Vec::new();
    {
        let mut sink = JsonSink::new(Box::new(&mut out), lang);
        let mut counts = Counts::default();
        for d in diagnostics {
            counts.add(d);
            if sink.emit(d, sources).is_err() {
                break;
            }
        }
        let _ = sink.finish(&clausier::report::RunEnd {
            counts,
            summary,
            sources,
            audit: None,
        });
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The rule file's own diagnostics (`clausier lint`), as JSON: what the
/// editor shows as one types. `today` is `yyyy-mm-dd`.
#[wasm_bindgen]
pub fn lint(rules: &str, lang: &str, today: &str) -> String {
    let lang = lang_of(lang);
    let mut sources = Sources::default();
    let id = sources.add_rule(RULES, rules.to_owned());
    let (_, diagnostics) = clausier::compile_on(id, rules, date_of(today));
    json(&diagnostics, None, &sources, lang)
}

/// The convention against one export (`name` says its format: `.csv`,
/// `.xlsx`…), as `clausier check --format json` writes it; the rule file's
/// diagnostics first, then the findings in export order.
#[wasm_bindgen]
pub fn check(rules: &str, name: &str, export: &[u8], lang: &str, today: &str) -> String {
    let lang = lang_of(lang);
    let (diagnostics, summary, sources) = run_check(rules, name, export, today);
    let text = json(&diagnostics, summary.as_ref(), &sources, lang);
    // Cells for the findings a person reads one by one: past that many,
    // the JSON would not fit the page's memory twice over; the page says
    // a row has no cells to show.
    if diagnostics.len() > CELLS_UP_TO {
        return text;
    }
    with_cells(&text, &diagnostics, &sources)
}

/// The most findings whose rows `check` gives as cells.
const CELLS_UP_TO: usize = 5_000;

/// The JSON of a check with, beside each finding's `row`, the row's cells
/// (`cells`: the column's title, the value, whether the finding points at
/// it), read back from the export as the command line's human output
/// shows a row: what the page shows of a spreadsheet's row as of a CSV's.
fn with_cells(text: &str, diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(text) else {
        return text.to_owned();
    };
    if let Some(list) = value
        .get_mut("diagnostics")
        .and_then(serde_json::Value::as_array_mut)
    {
        for (shown, d) in list.iter_mut().zip(diagnostics) {
            let Some(row) = &d.row else { continue };
            let Some(read) = sources.row_text(row.source, row.byte) else {
                continue;
            };
            let cells: Vec<serde_json::Value> = read
                .fields
                .iter()
                .enumerate()
                .map(|(i, field)| {
                    let title = sources
                        .column_title(row.source, i)
                        .map_or_else(|| format!("{}", i + 1), str::to_owned);
                    let value = read.text.get(field.clone()).unwrap_or("");
                    serde_json::json!({
                        "title": title,
                        "value": value,
                        "flagged": row.columns.contains(&i),
                    })
                })
                .collect();
            if let Some(place) = shown.get_mut("row") {
                place["cells"] = serde_json::Value::Array(cells);
            }
        }
    }
    value.to_string()
}

/// Every finding of the convention against one export, to download:
/// `format` `json` (what `clausier check --format json` writes), `sarif`
/// (`--format sarif`) or `csv` (a table French Excel opens).
#[wasm_bindgen]
pub fn export_findings(
    rules: &str,
    name: &str,
    export: &[u8],
    lang: &str,
    today: &str,
    format: &str,
) -> String {
    let lang = lang_of(lang);
    let (diagnostics, summary, sources) = run_check(rules, name, export, today);
    match format {
        "sarif" => {
            let mut out = Vec::new();
            {
                let mut sink =
                    clausier::report::sarif::SarifSink::new(Box::new(&mut out), lang);
                let mut counts = Counts::default();
                for d in &diagnostics {
                    counts.add(d);
                    if sink.emit(d, &sources).is_err() {
                        break;
                    }
                }
                let _ = sink.finish(&clausier::report::RunEnd {
                    counts,
                    summary: summary.as_ref(),
                    sources: &sources,
                    audit: None,
                });
            }
            String::from_utf8(out).unwrap_or_default()
        }
        "csv" => {
            let lines: Vec<_> = diagnostics
                .iter()
                .map(|d| clausier::report::statement::FindingLine::of(d, &sources, lang))
                .collect();
            page::findings_csv(&lines, lang)
        }
        _ => json(&diagnostics, summary.as_ref(), &sources, lang),
    }
}

/// The page's fixed words in `lang`, as a JSON object by catalogue entry.
#[wasm_bindgen]
pub fn words(lang: &str) -> String {
    let words: serde_json::Map<String, serde_json::Value> = page::words(lang_of(lang))
        .into_iter()
        .map(|(id, text)| (id.to_owned(), text.into()))
        .collect();
    serde_json::Value::Object(words).to_string()
}

/// `(0 erreur, 1 avertissement)`.
#[wasm_bindgen]
pub fn lint_count(lang: &str, errors: u32, warnings: u32) -> String {
    page::lint_count(lang_of(lang), errors.into(), warnings.into())
}

/// `(11 erreurs, 2 avertissements, 0 dérogé)`.
#[wasm_bindgen]
pub fn check_count(lang: &str, errors: u32, warnings: u32, waived: u32) -> String {
    page::check_count(lang_of(lang), errors.into(), warnings.into(), waived.into())
}

/// The rows read, checked, rejected, skipped and out of scope, and the
/// check's time in milliseconds, in a sentence.
#[wasm_bindgen]
pub fn rows_line(
    lang: &str,
    read: f64,
    checked: f64,
    rejected: f64,
    skipped: f64,
    out_of_scope: f64,
    ms: f64,
) -> String {
    // Counts come from the page as JavaScript numbers: whole, not negative.
    let n = |x: f64| if x.is_finite() && x > 0.0 { x as u64 } else { 0 };
    let rows = page::Rows {
        read: n(read),
        checked: n(checked),
        rejected: n(rejected),
        skipped: n(skipped),
        out_of_scope: n(out_of_scope),
    };
    page::rows(lang_of(lang), rows, n(ms))
}

/// `export.csv (12 345 octets)`.
#[wasm_bindgen]
pub fn file_line(lang: &str, name: &str, bytes: f64) -> String {
    let bytes = if bytes.is_finite() && bytes > 0.0 { bytes as u64 } else { 0 };
    page::file(lang_of(lang), name, bytes)
}

/// `120 affichés sur 100 000`.
#[wasm_bindgen]
pub fn shown_line(lang: &str, shown: u32, total: u32) -> String {
    page::shown(lang_of(lang), shown.into(), total.into())
}

/// `ligne 12`.
#[wasm_bindgen]
pub fn at_line(lang: &str, line: u32) -> String {
    page::at_line(lang_of(lang), line.into())
}

/// A finding's message with its waiver's reason.
#[wasm_bindgen]
pub fn waiver_text(lang: &str, message: &str, reason: &str) -> String {
    page::waiver(lang_of(lang), message, reason)
}

/// A finding's clause: its label and line.
#[wasm_bindgen]
pub fn clause_text(lang: &str, label: &str, line: u32) -> String {
    page::clause(lang_of(lang), label, line.into())
}

/// A finding's row: its file and line.
#[wasm_bindgen]
pub fn row_text(lang: &str, file: &str, line: u32) -> String {
    page::row(lang_of(lang), file, line.into())
}

/// The consumption statement (`clausier report --format html`) of the
/// convention against one export, as one HTML document.
#[wasm_bindgen]
pub fn report(rules: &str, name: &str, export: &[u8], lang: &str, today: &str) -> String {
    let lang = lang_of(lang);
    let (diagnostics, summary, sources) = run_check(rules, name, export, today);
    let Some(mut summary) = summary else {
        return String::new();
    };
    clausier::report::statement::settle(&mut summary.statements, date_of(today), lang);
    let lines: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.row.is_some() || d.clause.is_some())
        .map(|d| clausier::report::statement::FindingLine::of(d, &sources, lang))
        .collect();
    let findings = clausier::report::statement::Findings {
        count: lines.len() as u64,
        each: Box::new(move |write| lines.iter().try_for_each(write)),
    };
    let audit = clausier::audit::Audit {
        tool: "clausier",
        version: env!("CARGO_PKG_VERSION"),
        evaluated_at: format!("{today}T00:00:00Z"),
        arguments: vec!["report".to_owned(), RULES.to_owned(), name.to_owned()],
        files: Vec::new(),
    };
    let mut out = Vec::new();
    let _ =
        clausier::report::statement::html(&mut out, &summary.statements, findings, &audit, lang);
    String::from_utf8(out).unwrap_or_default()
}

/// Compiles the rule file and checks the export: every diagnostic in the
/// command line's order, the summary when the check ran.
fn run_check(
    rules: &str,
    name: &str,
    export: &[u8],
    today: &str,
) -> (Vec<Diagnostic>, Option<clausier::eval::Summary>, Sources) {
    let mut sources = Sources::default();
    let id = sources.add_rule(RULES, rules.to_owned());
    let (convention, mut diagnostics) = clausier::compile_on(id, rules, date_of(today));
    let broken = diagnostics
        .iter()
        .any(|d| d.severity == clausier::diag::Severity::Error);
    let Some(convention) = convention.filter(|_| !broken) else {
        return (diagnostics, None, sources);
    };
    let export =
        match run::open_export_bytes(name, export.to_vec(), &Default::default(), &mut sources) {
            Ok(e) => e,
            Err(d) => {
                diagnostics.push(*d);
                return (diagnostics, None, sources);
            }
        };
    let conventions = [convention];
    let outcome = run::check(
        &conventions,
        vec![export],
        &sources,
        1,
        &clausier::progress::Progress::off(),
        &mut |_, d| diagnostics.push(d),
    );
    let summary = match outcome {
        Outcome::Done(s) | Outcome::Unusable(Some(s)) => Some(s),
        Outcome::Unusable(None) => None,
    };
    (diagnostics, summary, sources)
}
