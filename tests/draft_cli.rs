//! `clausier draft` end to end, on the real binary: a rule file from each
//! format, the JSON of every clause, `--diff` after an amendment, the
//! drafted file linted and checked like the bundled one, and the texts it
//! cannot read.

mod common;

use std::collections::BTreeSet;

use common::clausier;
use serde_json::Value;

/// The (code, row) pairs of `check --format json`.
fn findings(rules: &str, export: &str) -> BTreeSet<(String, Option<u64>)> {
    let (_, stdout, stderr) = clausier(&["check", "--format", "json", rules, export]);
    let report: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["row"]["line"].as_u64(),
            )
        })
        .collect()
}

#[test]
fn a_pdf_drafts_the_rule_file() {
    let (code, stdout, stderr) = clausier(&["draft", "rules/textes/hebergement-2019.pdf"]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!("draft-hebergement-pdf", stdout);
}

#[test]
fn every_format_drafts_the_same_rules() {
    let draft = |file: &str| {
        let (code, stdout, stderr) = clausier(&["draft", file]);
        assert_eq!(code, 0, "{file}: {stderr}");
        stdout
            .lines()
            .filter(|l| !l.contains("texte") && !l.contains("depuis"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let html = draft("rules/textes/csp-daj-dne-2016.html");
    for other in ["pdf", "docx", "odt"] {
        assert_eq!(
            draft(&format!("rules/textes/csp-daj-dne-2016.{other}")),
            html,
            "{other}"
        );
    }
}

#[test]
fn json_lists_every_clause_with_its_article_and_place() {
    let (code, stdout, _) = clausier(&[
        "draft",
        "--format",
        "json",
        "rules/textes/sgg-enveloppes-2023.pdf",
    ]);
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["format"], "pdf");
    let clauses = json["clauses"].as_array().unwrap();
    let ceiling = clauses
        .iter()
        .find(|c| {
            c["kind"] == "ceiling"
                && c["envelope"] == "fonctionnement"
                && c["value"] == "AE 700 000 €"
        })
        .unwrap_or_else(|| panic!("no ceiling of fonctionnement in {stdout}"));
    assert_eq!(ceiling["article"]["article"], "4");
    assert_eq!(ceiling["place"]["page"], 2);
    assert!(
        ceiling["sentence"]
            .as_str()
            .unwrap()
            .contains("plafond de 700 000 €")
    );
    assert!(ceiling["how"].as_str().unwrap().starts_with("plafond"));
    insta::assert_snapshot!("draft-sgg-enveloppes-json", stdout);
}

#[test]
fn a_drafted_file_lints_and_checks_as_the_bundled_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rectorat.conv");
    let out = out.to_str().unwrap();
    let (code, _, stderr) = clausier(&["draft", "rules/textes/rectorat-2016.pdf", "-o", out]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("no sentence to complete"), "{stderr}");
    let text = std::fs::read_to_string(out).unwrap();
    // `texte` names the text from the rule file's folder.
    assert!(
        text.contains("texte \"") && text.contains("rules/textes/rectorat-2016.pdf\""),
        "{text}"
    );
    // Alone, both say that the parent convention is not read with them.
    let (code, stdout, _) = clausier(&["lint", "--format", "plain", out]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(
        findings(out, "examples/rectorat-2016-2017.csv"),
        findings(
            "rules/rectorat-2016.conv",
            "examples/rectorat-2016-2017.csv"
        )
    );
}

#[test]
fn diff_after_an_amendment() {
    let (code, stdout, _) = clausier(&[
        "draft",
        "rules/textes/hebergement-2019-avenant-1.pdf",
        "--diff",
        "rules/hebergement-2019.conv",
    ]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("6 clauses agree, 0 differ"), "{stdout}");
    // The rule file typed 15 000 € where the amendment says 150 000 €,
    // and forgot its schedule.
    let rules = std::fs::read_to_string("rules/hebergement-2019.conv").unwrap();
    let typo = rules
        .replacen("    plafond AE 150 000 €\n", "    plafond AE 15 000 €\n", 1)
        .replacen("      2020 AE 70 000 € CP 90 000 €\n", "", 1);
    assert_ne!(typo, rules);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.conv");
    std::fs::write(&path, typo).unwrap();
    let path = path.to_str().unwrap();
    for lang in ["en", "fr"] {
        let (code, stdout, _) = clausier(&[
            "--lang",
            lang,
            "draft",
            "rules/textes/hebergement-2019-avenant-1.pdf",
            "--diff",
            path,
        ]);
        assert_eq!(code, 1, "{stdout}");
        let shown = stdout.replace(path, "typo.conv");
        insta::assert_snapshot!(format!("draft-diff-typo.{lang}"), shown);
    }
}

#[test]
fn texts_it_cannot_read_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.pdf");
    std::fs::write(&broken, b"%PDF-1.4\nbroken").unwrap();
    let zip = dir.path().join("archive.docx");
    {
        let file = std::fs::File::create(&zip).unwrap();
        let mut z = zip::ZipWriter::new(file);
        z.start_file("a.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut z, b"x").unwrap();
        z.finish().unwrap();
    }
    for (file, expected) in [
        (
            "tests/cases/draft/scan.pdf".to_owned(),
            "no text layer (1 page of images): it is a scan",
        ),
        (
            broken.to_str().unwrap().to_owned(),
            "the PDF cannot be read",
        ),
        (
            zip.to_str().unwrap().to_owned(),
            "neither a Word document (.docx) nor a LibreOffice one",
        ),
        ("tests/cases/draft/absent.pdf".to_owned(), "cannot read"),
    ] {
        let (code, stdout, stderr) = clausier(&["draft", &file]);
        assert_eq!(code, 2, "{file}: {stdout}");
        assert!(stderr.contains(expected), "{file}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// The seed (`../shared/seed/`), when it is beside the repository: its
/// draft lints clean but for the one sentence to complete, and checks the
/// example with the findings of the bundled rule file.
#[test]
fn the_seed_drafts_to_the_bundled_findings() {
    let seed = "../shared/seed/convention-dsi-dinsic-2017.txt";
    if !std::path::Path::new(seed).exists() {
        eprintln!("{seed} is not here: nothing to draft");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("dsi.conv");
    let out = out.to_str().unwrap();
    let (code, _, stderr) = clausier(&["draft", seed, "-o", out]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, _) = clausier(&["lint", "--deny", "warnings", "--format", "json", out]);
    assert_eq!(code, 1);
    let lint: Value = serde_json::from_str(&stdout).unwrap();
    let codes: Vec<&str> = lint["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["draft.todo"], "{stdout}");
    let example = "examples/dsi-dinsic-2017-2018.csv";
    let mut drafted = findings(out, example);
    assert!(drafted.remove(&("draft.todo".to_owned(), None)));
    assert_eq!(
        drafted,
        findings("rules/dsi-dinsic-incubateur-2017.conv", example)
    );
}
