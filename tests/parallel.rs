//! Reading a large export on several threads gives the same findings, in
//! the same order, with the same lines, as reading it on one.

mod common;

use std::fmt::Write as _;

use common::{SEED, clausier};

/// A canonical export of `rows` rows with findings of every kind spread
/// over it, and (if `quoted_at` is set) a record at that row whose last
/// field holds 2 000 lines.
fn export(rows: usize, quoted_at: Option<usize>) -> String {
    let long_label = format!("\"{}\"", "a label over many lines\n".repeat(2000));
    let mut text =
        String::from("date;type;n_ej;montant;programme;centre_financier;fournisseur;libelle\n");
    for i in 0..rows {
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let year = 2017 + (i / 336) % 3;
        let budget = if i % 3 == 0 { "AE" } else { "CP" };
        let ej = 2_100_000_000 + i % 997;
        let cf = if i % 101 == 0 {
            "0129-CDAF-CDSI"
        } else {
            "0124-CDAF-CDSI"
        };
        let supplier = if i % 211 == 0 {
            "1000987654"
        } else {
            "1001091655"
        };
        let label = match quoted_at {
            Some(q) if q == i => long_label.as_str(),
            _ => "prestation",
        };
        let _ = writeln!(
            text,
            "{day:02}/{month:02}/{year};{budget};{ej};{},{:02};124;{cf};{supplier};{label}",
            (i * 37) % 900,
            i % 100
        );
    }
    text
}

/// Exit code, and the JSON output without its audit record (which names
/// the arguments and the time of the run).
fn run(path: &str, threads: &str) -> (i32, String) {
    let args = [
        "check",
        "--format",
        "json",
        "--threads",
        threads,
        SEED,
        path,
    ];
    let (code, stdout, stderr) = clausier(&args);
    assert!(stderr.is_empty(), "{stderr}");
    let mut v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    if let Some(object) = v.as_object_mut() {
        object.remove("audit");
    }
    (code, v.to_string())
}

/// The row whose record covers the middle byte of the data, so that the
/// boundary between two threads falls inside its 48 KB quoted field.
fn middle_row(rows: usize) -> usize {
    let plain = export(rows, None);
    let middle = (plain.len() + 48_000) / 2 - 24_000;
    plain
        .get(..middle)
        .map_or(0, |head| head.matches('\n').count() - 1)
}

#[test]
fn threads_do_not_change_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    // 70 000 rows are about 4.5 MiB: above the size read in parallel.
    let rows = 70_000;
    let cases = [
        ("plain.csv", None),
        ("quoted-middle.csv", Some(middle_row(rows))),
        ("quoted-early.csv", Some(10)),
    ];
    for (name, quoted) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, export(rows, quoted)).unwrap();
        let path = path.to_str().unwrap();
        let one = run(path, "1");
        for threads in ["2", "7"] {
            let many = run(path, threads);
            assert_eq!(one.0, many.0, "{name}, {threads} threads: exit code");
            let at = one.1.bytes().zip(many.1.bytes()).position(|(a, b)| a != b);
            let around = |s: &str| {
                at.map(|i| {
                    s.get(i.saturating_sub(150)..(i + 150).min(s.len()))
                        .unwrap_or("")
                        .to_owned()
                })
            };
            assert!(
                one.1 == many.1,
                "{name}, {threads} threads: output differs: {:?} / {:?}",
                around(&one.1),
                around(&many.1)
            );
        }
        let report: serde_json::Value = serde_json::from_str(&one.1).unwrap();
        assert!(
            report["diagnostics"].as_array().unwrap().len() > 1000,
            "{name}: too few findings to compare"
        );
        let lines = report["summary"]["files"][0]["lines"].as_u64().unwrap();
        let expected = rows as u64 + 1 + if quoted.is_some() { 2000 } else { 0 };
        assert_eq!(lines, expected, "{name}");
    }
}

/// A stray quote opening a label (`"stray`) at row `at`, never closed or
/// closed `closes_after` rows later: the same findings on any number of
/// threads, wherever the chunks' boundaries fall.
#[test]
fn a_stray_quote_reads_the_same_on_any_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let rows = 70_000;
    let middle = middle_row(rows);
    for (name, at, closes_after) in [
        ("stray-middle.csv", middle, None),
        ("stray-closed-later.csv", middle - 10, Some(500)),
        ("stray-early.csv", 10, Some(3)),
    ] {
        let mut lines: Vec<String> = export(rows, None).lines().map(str::to_owned).collect();
        if let Some(line) = lines.get_mut(at + 1) {
            *line = line.replacen("prestation", "\"stray label", 1);
        }
        // Closed after a later row's date: the record would have the
        // wrong number of fields.
        if let Some(line) = closes_after.and_then(|n| lines.get_mut(at + 1 + n)) {
            *line = line.replacen(';', "\";", 1);
        }
        let path = dir.path().join(name);
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        let path = path.to_str().unwrap();
        let one = run(path, "1");
        for threads in ["2", "7"] {
            assert!(
                one == run(path, threads),
                "{name}: {threads} threads differ"
            );
        }
        let report: serde_json::Value = serde_json::from_str(&one.1).unwrap();
        let file = &report["summary"]["files"][0];
        assert_eq!(file["lines"].as_u64(), Some(rows as u64 + 1), "{name}");
        assert_eq!(file["continuation"].as_u64(), Some(0), "{name}");
        let stray = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| {
                d["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("quote opens"))
            })
            .count();
        assert_eq!(stray, 1, "{name}");
    }
}
