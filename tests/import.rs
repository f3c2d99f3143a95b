//! Reading real and realistic exports: values, line accounting, profiles,
//! encodings, spreadsheets, several files in one run.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use clausier::input::csv::{Export, Input, ReadOptions, Row, sample_of};
use clausier::language::model::Budget;
use common::{SEED, clausier, files_in, relative};
use serde_json::Value;

/// (line, date, budget, cents, EJ, programme, supplier) of every
/// transaction of a file, and the rows rejected, by line.
type Read = (
    Vec<(u64, NaiveDate, Budget, i64, String, String, String)>,
    Vec<u64>,
);

fn read(path: &str) -> Read {
    let path = common::root().join(path);
    let mut file = std::fs::File::open(&path).unwrap();
    let sample = sample_of(&mut file).unwrap();
    let file = std::fs::File::open(&path).unwrap();
    let to = file.metadata().unwrap().len();
    let input = Input::File { file, from: 0, to };
    let mut export = Export::open("x", 0, &sample, input, &ReadOptions::default()).unwrap();
    let text = |b: Option<&[u8]>| String::from_utf8_lossy(b.unwrap_or_default()).into_owned();
    let (mut rows, mut rejected) = (Vec::new(), Vec::new());
    while let Some(row) = export.next_row().unwrap() {
        match row {
            Row::Transaction(tx) => {
                for m in tx.movements() {
                    rows.push((
                        tx.pos.line,
                        tx.date,
                        m.budget,
                        m.amount,
                        text(tx.ej),
                        text(tx.codes[0]),
                        text(tx.supplier),
                    ));
                }
            }
            Row::Rejected(d) => rejected.push(d.row.unwrap().line),
            Row::Skipped => {}
        }
    }
    (rows, rejected)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn real_inf_bud_53_commitments_are_read_with_their_values() {
    let (rows, rejected) = read("tests/cases/import/inf-bud-53-ae.csv");
    let s = String::from;
    assert_eq!(
        rows,
        vec![
            (
                9,
                date(2023, 1, 10),
                Budget::AE,
                2_250_000,
                s("2103105755"),
                s("103"),
                s("1001465507")
            ),
            (
                10,
                date(2023, 1, 10),
                Budget::AE,
                1_500_000,
                s("2103105755"),
                s("103"),
                s("1001465507")
            ),
            // The deliberately broken row is read, not dropped: its
            // programme `XXX` is then reported by the check.
            (
                11,
                date(2023, 1, 10),
                Budget::AE,
                1_500_000,
                s("2103105755"),
                s("XXX"),
                s("1001465507")
            ),
        ]
    );
    assert!(rejected.is_empty());
}

#[test]
fn real_inf_bud_53_payments_are_read_with_their_values() {
    let (rows, rejected) = read("tests/cases/import/inf-bud-53-cp.csv");
    let s = String::from;
    // `Date comptable du SF` is `#`: the date of the last operation is used.
    assert_eq!(
        rows,
        vec![
            (
                9,
                date(2023, 1, 25),
                Budget::CP,
                2_826,
                s(""),
                s("101"),
                s("1001477845")
            ),
            (
                10,
                date(2023, 1, 25),
                Budget::CP,
                2_796,
                s(""),
                s("101"),
                s("1001273578")
            ),
            (
                11,
                date(2023, 1, 18),
                Budget::CP,
                25_200,
                s("2103105755"),
                s("152"),
                s("1400875965")
            ),
            (
                12,
                date(2023, 1, 18),
                Budget::CP,
                15_000,
                s("2103105755"),
                s("152"),
                s("1400875965")
            ),
            (
                13,
                date(2023, 1, 18),
                Budget::CP,
                80_728,
                s("2103105755"),
                s("152"),
                s("1001246979")
            ),
        ]
    );
    assert!(rejected.is_empty());
}

fn summary_files(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = clausier(&all);
    let v: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}"));
    (code, v)
}

/// Physical lines and empty lines of a text file, counted independently of
/// the reader.
fn count_lines(path: &Path) -> (u64, u64) {
    let mut bytes = std::fs::read(path).unwrap();
    // Excel's "Unicode text" (UTF-16 LE) and old Mac OS line ends (CR).
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        bytes = String::from_utf16(&units).unwrap().into_bytes();
    }
    if !bytes.contains(&b'\n') {
        bytes = bytes
            .iter()
            .map(|b| if *b == b'\r' { b'\n' } else { *b })
            .collect();
    }
    let mut lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let blank = lines
        .iter()
        .filter(|l| l.iter().all(|b| b.is_ascii_whitespace()))
        .count();
    (lines.len() as u64, blank as u64)
}

#[test]
fn every_line_of_every_fixture_is_accounted_for() {
    let mut fixtures = files_in("tests/cases/import", "csv");
    fixtures.extend(files_in("tests/cases/check", "csv"));
    fixtures.extend(files_in("examples", "csv"));
    fixtures.extend(files_in("tests/cases/import", "xlsx"));
    fixtures.extend(files_in("tests/cases/import", "ods"));
    let mut checked = 0;
    for path in fixtures {
        let name = relative(&path);
        let rules = common::rules_for(&path);
        let profile = path.with_extension("profile");
        let profile = relative(&profile);
        let mut args = vec![rules.as_str(), name.as_str()];
        if path.with_extension("profile").exists() {
            args.extend(["--profile", &profile]);
        }
        let (code, report) = summary_files(&args);
        let Some(files) = report["summary"]["files"].as_array() else {
            // Unusable exports (no header): exit 2, and nothing to account.
            assert_eq!(code, 2, "{name}");
            continue;
        };
        let file = &files[0];
        let n = |k: &str| file[k].as_u64().unwrap();
        let parts = [
            "preamble",
            "header",
            "checked",
            "out_of_scope",
            "rejected",
            "subtotals",
            "skipped",
            "continuation",
            "blank",
        ];
        let sum: u64 = parts.iter().map(|k| n(k)).sum();
        assert_eq!(sum, n("lines"), "{name}: {file}");
        if name.ends_with(".csv") {
            let (lines, blank) = count_lines(&path);
            assert_eq!(n("lines"), lines, "{name}");
            assert_eq!(n("blank"), blank, "{name}");
        }
        let s = &report["summary"];
        let rows = n("checked") + n("out_of_scope") + n("rejected") + n("subtotals") + n("skipped");
        assert_eq!(s["rows_read"].as_u64().unwrap(), rows, "{name}");
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} fixtures accounted");
}

/// The findings of a run as (code, file, line).
fn findings(report: &Value) -> Vec<(String, String, u64)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let row = &d["row"];
            (
                d["code"].as_str().unwrap().to_owned(),
                row["file"].as_str().unwrap_or("").to_owned(),
                row["line"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn the_seed_against_an_inf_bud_53_commitments_and_payments_export() {
    let ae = "examples/inf-bud-53-engagements.csv";
    let cp = "examples/inf-bud-53-paiements.csv";
    let (code, report) = summary_files(&[SEED, ae, cp]);
    assert_eq!(code, 1);
    let f = |c: &str, file: &str, line: u64| (c.to_owned(), file.to_owned(), line);
    let mut got = findings(&report);
    got.sort();
    let mut expected = vec![
        f("term.before-start", ae, 9),
        f("market.unknown", ae, 16),
        f("schedule.exceeded", ae, 12),
        f("ceiling.exceeded", ae, 17),
        f("input.malformed", cp, 14),
        f("market.unknown", cp, 18),
        f("imputation.mismatch", cp, 21),
        f("input.malformed", cp, 23),
        f("term.after-end", cp, 28),
        // Payments on EJ 2103100003 (committed in the other file) exceed it.
        f("commitment.overpaid", cp, 12),
        f("schedule.exceeded", cp, 27),
        f("ceiling.exceeded", cp, 28),
        // The exports carry no centre financier: one warning for each.
        f("clause.unchecked", "", 0),
        f("clause.unchecked", "", 0),
    ];
    expected.sort();
    assert_eq!(got, expected);
    let not_checked = report["summary"]["not_checked"].to_string();
    // Said in words: the export has no column of that name to speak of.
    assert!(
        not_checked.contains("centre financier") && !not_checked.contains("centre_financier"),
        "{not_checked}"
    );
}

#[test]
fn commitments_and_payments_in_separate_sap_journals_meet_per_ej() {
    let (_, alone) = summary_files(&[SEED, "tests/cases/import/jp57.csv"]);
    let overpaid = |r: &Value| {
        findings(r)
            .iter()
            .filter(|f| f.0 == "commitment.overpaid")
            .count()
    };
    assert_eq!(overpaid(&alone), 2, "payments without their commitments");
    let (_, both) = summary_files(&[
        SEED,
        "tests/cases/import/jp51.csv",
        "tests/cases/import/jp57.csv",
    ]);
    assert_eq!(overpaid(&both), 0, "{:#?}", findings(&both));
}

#[test]
fn spreadsheet_findings_name_the_sheet_and_row() {
    let (_, report) = summary_files(&[SEED, "tests/cases/import/infbud.xlsx"]);
    let got = findings(&report);
    assert!(
        got.contains(&(
            "imputation.mismatch".into(),
            "tests/cases/import/infbud.xlsx[INFBUD]".into(),
            9
        )),
        "{got:#?}"
    );
    // AE = engagé − bascule: 30 000 + (−5 000) + 80 000,50.
    assert_eq!(report["summary"]["consumption"][0]["consumed"], "105000.50");
}

#[test]
fn windows_1252_is_detected_and_can_be_forced() {
    let file = "tests/cases/import/canonique-1252.csv";
    let (_, auto) = summary_files(&[SEED, file]);
    assert_eq!(auto["summary"]["files"][0]["encoding"], "windows-1252");
    assert_eq!(auto["summary"]["rows_rejected"], 0, "{auto:#}");
    let (_, forced) = summary_files(&[SEED, "--encoding", "windows-1252", file]);
    assert_eq!(findings(&auto), findings(&forced));
    // Read as UTF-8, the NBSP and en dash bytes still parse; `Non affecté`
    // no longer reads as empty, but it is not the expected code either.
    let (_, utf8) = summary_files(&[SEED, "--encoding", "utf-8", file]);
    assert_eq!(utf8["summary"]["files"][0]["encoding"], "utf-8");
}

#[test]
fn an_unknown_profile_name_gets_a_suggestion() {
    let (code, stdout, _) = clausier(&[
        "check",
        "--color",
        "never",
        "--profile",
        "inf-bud53-ae",
        SEED,
        "examples/inf-bud-53-engagements.csv",
    ]);
    assert_eq!(code, 2);
    assert!(stdout.contains("did you mean `inf-bud-53-ae`?"), "{stdout}");
}

#[test]
fn a_named_profile_is_used_instead_of_detection() {
    let (code, report) = summary_files(&[
        "--profile",
        "canonique",
        SEED,
        "examples/inf-bud-53-engagements.csv",
    ]);
    assert_eq!(code, 2, "the INF-BUD-53 header is not the canonical one");
    assert!(
        report["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("canonique")
    );
}
