//! Exports held in memory (what a browser page gives the library): the same
//! findings as the same files read from disk, for text and spreadsheets.

mod common;

use clausier::diag::Diagnostic;
use clausier::run::{self, Outcome};
use clausier::source::Sources;
use std::path::PathBuf;

/// (code, line) of every finding of `rules` against `export`, the export
/// read from its file or handed over as bytes.
fn findings(rules: &str, export: &str, from_bytes: bool) -> Vec<(String, Option<u64>)> {
    let mut sources = Sources::default();
    let text = std::fs::read_to_string(common::root().join(rules)).unwrap();
    let id = sources.add_rule(rules.to_owned(), text.clone());
    let (convention, _) = clausier::compile_on(id, &text, chrono::NaiveDate::MIN);
    let conventions = vec![convention.expect("the rule file compiles")];
    let mut found: Vec<Diagnostic> = Vec::new();
    let path = common::root().join(export);
    let exports = if from_bytes {
        let bytes = std::fs::read(&path).unwrap();
        let export = run::open_export_bytes(export, bytes, &Default::default(), &mut sources)
            .unwrap_or_else(|d| panic!("{export}: {:?}", d.message));
        vec![export]
    } else {
        run::open_exports(
            &[PathBuf::from(&path)],
            &Default::default(),
            &mut sources,
            &mut |_, d| found.push(d),
        )
        .unwrap()
    };
    let outcome = run::check(
        &conventions,
        exports,
        &sources,
        1,
        &clausier::progress::Progress::off(),
        &mut |_, d| found.push(d),
    );
    assert!(matches!(outcome, Outcome::Done(_)), "{export}");
    found
        .iter()
        .map(|d| (d.code.as_str().to_owned(), d.row.as_ref().map(|r| r.line)))
        .collect()
}

#[test]
fn exports_in_memory_give_the_findings_of_files() {
    for (rules, export) in [
        (
            "rules/hebergement-2019.conv",
            "examples/hebergement-2019-2020.csv",
        ),
        (common::SEED, "tests/cases/import/infbud.xlsx"),
        (common::SEED, "examples/inf-bud-53-paiements.csv"),
    ] {
        let from_file = findings(rules, export, false);
        let from_bytes = findings(rules, export, true);
        assert!(
            from_file.iter().any(|f| f.1.is_some()),
            "{export}: no row finding"
        );
        assert_eq!(from_bytes, from_file, "{export}");
    }
}
