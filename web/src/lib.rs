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
    json(&diagnostics, summary.as_ref(), &sources, lang)
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
