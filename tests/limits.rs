//! Limits: each with a clear error and a bounded cost (README, "Limits").

mod common;

use std::fmt::Write as _;
use std::time::Instant;

use common::{SEED, clausier};

fn temp(name: &str, bytes: &[u8]) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let path = path.to_str().unwrap().to_owned();
    (dir, path)
}

#[test]
fn amounts_too_large_for_exact_arithmetic_are_rejected_rows() {
    let (_dir, path) = temp(
        "big.csv",
        b"date;type;montant\n01/09/2017;AE;99999999999999999999\n02/09/2017;AE;92233720368547758,07\n03/09/2017;AE;1 000 000 000 000 000,00\n",
    );
    let (code, stdout, _) = clausier(&["check", "--format", "json", SEED, &path]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let rejected: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "input.malformed")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        rejected.len(),
        1,
        "only the 20-digit amount is beyond i64 cents: {rejected:?}"
    );
    assert!(rejected[0].contains("too large for exact arithmetic"));
    // 10^15 € and i64::MAX cents add up exactly (sums are i128).
    assert_eq!(
        v["summary"]["consumption"][0]["consumed"],
        "93233720368547758.07"
    );
}

#[test]
fn a_10_mb_rule_file_is_read_in_linear_time() {
    let mut text = String::from(
        "convention \"Grande\" {\n  signature 2017-08-24\n  délégant \"A\"\n  délégataire \"B\"\n  durée {\n    effet signature\n    fin 2018-12-31\n  }\n  plafond AE et CP 1 €\n  imputation {\n    programme 124\n  }\n",
    );
    let mut i = 0u64;
    while text.len() < 10 << 20 {
        let _ = writeln!(
            text,
            "  # marché n° {i}\n  marché \"lot {i}\" titulaire \"T{i}\" chorus {:010}",
            1_000_000_000 + i
        );
        i += 1;
    }
    text.push_str("}\n");
    let (_dir, path) = temp("big.conv", text.as_bytes());
    let start = Instant::now();
    let (code, stdout, _) = clausier(&["lint", "--format", "json", &path]);
    let elapsed = start.elapsed();
    assert_eq!(code, 0, "{}", stdout.get(..2000).unwrap_or(&stdout));
    // Not a timing test: a bound a quadratic pass would blow by far
    // (150 000 markets).
    assert!(elapsed.as_secs() < 120, "linting 10 MB took {elapsed:?}");
}

#[test]
fn deeply_nested_blocks_are_an_error_not_a_stack_overflow() {
    let depth = 50_000;
    let text = format!(
        "convention \"x\" {{\n{}{}}}\n",
        "a {\n".repeat(depth),
        "}\n".repeat(depth)
    );
    let (_dir, path) = temp("deep.conv", text.as_bytes());
    let (code, stdout, stderr) = clausier(&["lint", "--format", "plain", &path]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.contains("syntax.error") && stdout.contains("nested too deeply"),
        "{}",
        stdout.get(..600).unwrap_or("")
    );
}

#[test]
fn a_record_longer_than_16_mib_stops_reading_with_an_error() {
    let mut data = b"date;type;montant;libelle\n01/09/2017;AE;1,00;".to_vec();
    data.extend(std::iter::repeat_n(b'x', 17 << 20));
    data.extend_from_slice(b"\n");
    let (_dir, path) = temp("long.csv", &data);
    let (code, stdout, _) = clausier(&[
        "check", "--color", "never", "--format", "plain", SEED, &path,
    ]);
    assert_eq!(code, 2);
    assert!(stdout.contains("a record longer than 16 MiB"), "{stdout}");
    // In French too: the cause is carried typed to the catalogue.
    let (code, stdout, _) = clausier(&[
        "--lang", "fr", "check", "--color", "never", "--format", "plain", SEED, &path,
    ]);
    assert_eq!(code, 2);
    assert!(
        stdout.contains("un enregistrement de plus de 16 Mio"),
        "{stdout}"
    );
}

#[test]
fn long_fields_under_the_limit_are_read() {
    let mut data = b"date;type;montant;libelle\n01/09/2017;AE;1,00;".to_vec();
    data.extend(std::iter::repeat_n(b'x', 4 << 20));
    data.extend_from_slice(b"\n");
    let (_dir, path) = temp("long.csv", &data);
    let (code, stdout, _) = clausier(&["check", "--format", "json", SEED, &path]);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["summary"]["rows_checked"], 1, "exit {code}");
}

#[test]
fn empty_files_and_binary_garbage() {
    let (_dir, empty) = temp("empty.csv", b"");
    let (code, stdout, _) = clausier(&["check", "--color", "never", SEED, &empty]);
    assert_eq!(code, 2);
    assert!(stdout.contains("the file is empty"), "{stdout}");
    let (_dir2, conv) = temp("empty.conv", b"");
    assert_eq!(
        clausier(&["lint", &conv]).0,
        1,
        "an empty rule file states no convention"
    );
    // Deterministic garbage: every byte value, in a scrambled order.
    let garbage: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let (_dir3, path) = temp("garbage.csv", &garbage);
    let (code, _, stderr) = clausier(&["check", "--format", "json", SEED, &path]);
    assert!(code == 1 || code == 2, "exit {code}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // A rule file is text (in any of the encodings Windows writes): a
    // binary file is unreadable, said so.
    let (_dir4, conv) = temp("garbage.conv", &garbage);
    let (code, stdout, stderr) = clausier(&["lint", "--color", "never", &conv]);
    assert_eq!(code, 2);
    assert!(stdout.contains("not a text file"), "{stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Rule files are data: text that looks like a command, a path or an
/// address is kept as text; nothing is run, read or fetched.
#[test]
fn rule_files_execute_and_fetch_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("created-by-a-rule-file");
    let text = std::fs::read_to_string(common::root().join(SEED))
        .unwrap()
        .replace(
            "publication \"Bulletin officiel de chaque département ministériel concerné\"",
            &format!(
                "publication \"$(touch {0}) `touch {0}` ../../etc/passwd http://127.0.0.1:9/x\"",
                marker.display()
            ),
        );
    assert!(text.contains("$(touch"));
    let conv = dir.path().join("data.conv");
    std::fs::write(&conv, &text).unwrap();
    let (convention, diagnostics) = clausier::compile(0, &text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let publication = convention.unwrap().publication.unwrap().value;
    assert!(
        publication.starts_with("$(touch"),
        "kept as text: {publication}"
    );
    let (code, _, _) = clausier(&[
        "check",
        conv.to_str().unwrap(),
        "tests/cases/rules/header-only.csv",
    ]);
    assert_eq!(code, 0);
    assert!(!marker.exists(), "a rule file ran a command");
}
