//! `clausier report`: the consumption statement in every format, its audit
//! record, and the safety of its HTML.

mod common;

use common::clausier;
use serde_json::Value;
use sha2::{Digest, Sha256};

const RULES: &str = "rules/hebergement-2019.conv";
const EXPORT: &str = "examples/hebergement-2019-2020.csv";

fn report(format: &str, rules: &str, export: &str) -> String {
    let (code, stdout, stderr) = clausier(&["report", "--format", format, rules, export]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    stdout
}

fn sha256(path: &str) -> String {
    let bytes = std::fs::read(common::root().join(path)).unwrap();
    Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_statement_in_json() {
    let v: Value = serde_json::from_str(&report("json", RULES, EXPORT)).unwrap();
    let st = &v["statements"][0];
    assert_eq!(st["consumption"][0]["consumed"], "151000.00");
    assert_eq!(
        st["consumption"][0]["ceiling"], "150000.00",
        "the ceiling in force at the end"
    );
    let holders: Vec<(&str, &str, &str)> = st["holders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["supplier"].as_str().unwrap(),
                h["committed"].as_str().unwrap(),
                h["paid"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        holders,
        vec![
            ("1001300001", "147000.00", "121000.00"),
            ("1001300002", "4000.00", "0.00")
        ]
    );
    let ej3 = st["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["ej"] == "2190000003")
        .unwrap();
    assert_eq!(ej3["remaining"], "-1000.00");
    let crossings: Vec<(&str, &str)> = st["crossings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["limit"].as_str().unwrap(), c["date"].as_str().unwrap()))
        .collect();
    assert_eq!(
        crossings,
        vec![
            ("2019 forecast AE", "2019-06-12"),
            ("ceiling AE", "2019-11-25"),
            ("ceiling AE (avenant 1 in force)", "2020-05-10"),
        ]
    );
    assert_eq!(st["months"].as_array().unwrap().len(), 13);
    // The audit record names each file with its SHA-256.
    let files = v["audit"]["files"].as_array().unwrap();
    assert_eq!(files[0]["path"], RULES);
    assert_eq!(files[0]["sha256"], sha256(RULES));
    assert_eq!(files[1]["sha256"], sha256(EXPORT));
    assert_eq!(v["audit"]["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn check_json_and_sarif_carry_the_audit_record() {
    let (_, stdout, _) = clausier(&["check", "--format", "json", RULES, EXPORT]);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["audit"]["files"][1]["sha256"], sha256(EXPORT));
    assert!(v["audit"]["evaluated_at"].as_str().unwrap().ends_with('Z'));
    let (_, stdout, _) = clausier(&["check", "--format", "sarif", RULES, EXPORT]);
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let artifacts = v["runs"][0]["artifacts"].as_array().unwrap();
    assert_eq!(artifacts[1]["hashes"]["sha-256"], sha256(EXPORT));
    // The waived finding is a suppressed result.
    let results = v["runs"][0]["results"].as_array().unwrap();
    let waived = results
        .iter()
        .find(|r| r["ruleId"] == "commitment.overpaid")
        .unwrap();
    assert_eq!(waived["suppressions"][0]["kind"], "inSource");
}

#[test]
fn the_statement_in_csv_and_text() {
    let (code, csv, stderr) = clausier(&[
        "report",
        "--format",
        "csv",
        "--csv-dialect",
        "plain",
        RULES,
        EXPORT,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!csv.starts_with('\u{FEFF}') && !csv.contains('\r'));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "convention;section;key;budget;amount;limit;remaining"
    );
    assert!(
        lines
            .contains(&"rules/hebergement-2019.conv;ceiling;total;AE;151000.00;150000.00;-1000.00")
    );
    assert!(lines.contains(&"rules/hebergement-2019.conv;month;2020-05;AE;2000.00;;"));
    let text = report("human", RULES, EXPORT);
    assert!(
        text.contains("2020-05-10: ceiling AE (avenant 1 in force)"),
        "{text}"
    );
    assert!(
        text.contains("[waived: facture de régularisation"),
        "{text}"
    );
}

/// The structure CI checks: one document, one SVG chart with a line per
/// budget, every table, and the findings.
#[test]
fn the_html_statement_is_one_self_contained_document() {
    let html = report("html", RULES, EXPORT);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<html").count(), 1);
    assert!(html.trim_end().ends_with("</html>"));
    assert_eq!(html.matches("<svg").count(), 1);
    assert!(
        html.contains("<title>cumulative AE</title>")
            && html.contains("<title>cumulative CP</title>")
    );
    assert!(
        html.matches("<title>ceiling AE</title>").count() == 2,
        "two AE ceilings: before and after avenant 1"
    );
    for heading in [
        "Ceilings",
        "Forecast schedule",
        "Per month",
        "Per holder",
        "Per commitment (EJ)",
        "Limits first crossed",
        "Findings",
        "Audit record",
    ] {
        assert!(
            html.contains(&format!("<h2>{heading}</h2>")),
            "no {heading}"
        );
    }
    // No script, no network: nothing is fetched.
    assert!(!html.contains("<script") && !html.contains("https://") && !html.contains("<link"));
    // Tags balance for the elements it writes.
    for tag in ["table", "tr", "svg", "h2"] {
        assert_eq!(
            html.matches(&format!("<{tag}")).count(),
            html.matches(&format!("</{tag}>")).count(),
            "<{tag}>"
        );
    }
}

#[test]
fn export_text_is_escaped_in_html_and_neutralised_on_terminals() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("evil.csv");
    std::fs::write(
        &export,
        "date;type;n_ej;montant;fournisseur\n01/09/2017;AE;<b>1</b>;1,00;\u{1b}[31m<script>alert(1)</script>\n",
    )
    .unwrap();
    let export = export.to_str().unwrap();
    let html = report("html", common::SEED, export);
    assert!(
        !html.contains("<script>") && !html.contains("<b>1</b>"),
        "unescaped export text"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains('\u{1b}'));
    for format in ["human", "plain"] {
        let (_, stdout, _) = clausier(&[
            "check",
            "--color",
            "never",
            "--format",
            format,
            common::SEED,
            export,
        ]);
        assert!(stdout.contains("<script>"), "the text is shown");
        assert!(
            !stdout.contains('\u{1b}'),
            "{format}: an escape sequence from the export reached the terminal"
        );
    }
}

/// Every row of every table of the HTML statement has as many cells as its
/// header, and the computed term is stated.
#[test]
fn html_tables_are_rectangular() {
    let html = report("html", RULES, EXPORT);
    assert!(
        html.contains("<p>Term: from 2019-01-15 to 2020-12-30 (terminated:"),
        "no term"
    );
    let mut tables = 0;
    for table in html.split("<table>").skip(1) {
        let table = table.split("</table>").next().unwrap();
        // The header row in a `thead` (printed again on every page).
        assert!(table.starts_with("<thead><tr>"), "{table}");
        assert!(table.contains("</thead><tbody>"), "{table}");
        let mut rows = table.split("<tr").skip(1);
        let headers = rows.next().unwrap().matches("<th>").count();
        for row in rows {
            assert_eq!(
                row.matches("<td").count(),
                headers,
                "a row of {} cells under {headers} headers: {row}",
                row.matches("<td").count()
            );
        }
        tables += 1;
    }
    assert!(tables >= 8, "{tables} tables");
}

/// The default CSV is what French Excel opens as a table of numbers.
#[test]
fn the_csv_in_french_excel_dialect() {
    let csv = report("csv", RULES, EXPORT);
    let body = csv.strip_prefix('\u{FEFF}').expect("a BOM first");
    let lines: Vec<&str> = body.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "convention;section;key;budget;amount;limit;remaining"
    );
    assert!(
        lines
            .contains(&"rules/hebergement-2019.conv;ceiling;total;AE;151000,00;150000,00;-1000,00"),
        "{csv}"
    );
    assert_eq!(lines.last(), Some(&""), "every line ends in CRLF");
    assert!(!body.replace("\r\n", "").contains('\n'));
}

/// A supplier named like a formula reaches no spreadsheet as one: every text
/// cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
/// written after a `'`, in both dialects.
#[test]
fn formulas_in_an_export_are_neutralised_in_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export.csv");
    let original = std::fs::read_to_string(common::root().join(EXPORT)).unwrap();
    // (The reader trims a value's spaces and tabs, so a leading tab never
    // reaches the statement: the unit tests of `neutralised` cover it.)
    let names = ["=cmd|' /C calc'!A0", "+33612345678", "-2+3", "@SUM(A1)"];
    let mut lines: Vec<String> = original.lines().map(str::to_owned).collect();
    // On commitment rows: the holders' table names each commitment's supplier.
    let commitments = lines.iter_mut().filter(|l| l.contains(";AE;"));
    for (line, name) in commitments.zip(names) {
        let (head, _) = line.rsplit_once(';').unwrap();
        *line = format!("{head};\"{name}\"");
    }
    std::fs::write(&export, lines.join("\n") + "\n").unwrap();
    let export = export.to_str().unwrap();
    for dialect in ["excel", "plain"] {
        let (code, csv, stderr) = clausier(&[
            "report",
            "--format",
            "csv",
            "--csv-dialect",
            dialect,
            RULES,
            export,
        ]);
        assert_eq!(code, 0, "{stderr}");
        let holders: Vec<&str> = csv
            .lines()
            .filter(|l| l.contains(";holder;"))
            .map(|l| l.split(';').nth(2).unwrap())
            .collect();
        for name in names {
            assert!(
                holders.contains(&format!("'{name}").as_str()),
                "{name} not neutralised in {holders:?}"
            );
        }
        for cell in csv.lines().flat_map(|l| l.split(';')) {
            let text = cell.trim_start_matches('\u{FEFF}');
            let amount = text
                .trim_start_matches('-')
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
            assert!(
                amount || !text.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{text:?} would be read as a formula"
            );
        }
    }
}

/// `--format xlsx`: a workbook whose amounts are numbers and dates dates,
/// read back with calamine; headers frozen and filtered.
#[test]
fn the_statement_as_an_excel_workbook() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("etat.xlsx");
    let out = path.to_str().unwrap();
    let (code, stdout, stderr) = clausier(&[
        "--lang", "fr", "report", "--format", "xlsx", "--output", out, RULES, EXPORT,
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Convention",
            "Dates clés",
            "Plafonds",
            "Échéancier prévisionnel",
            "Par mois",
            "Par titulaire",
            "Par engagement juridique (EJ)",
            "Premiers dépassements",
            "Constats",
            "Traçabilité"
        ]
    );
    let sheet = |book: &mut Xlsx<_>, name: &str| book.worksheet_range(name).unwrap();
    let ceilings = sheet(&mut book, "Plafonds");
    let rows: Vec<&[Data]> = ceilings.rows().collect();
    assert_eq!(rows[0][2], Data::String("consommé".into()));
    assert_eq!(rows[1][1], Data::String("AE".into()));
    assert_eq!(rows[1][2], Data::Float(151_000.0), "an amount is a number");
    assert_eq!(rows[1][4], Data::Float(-1_000.0));
    let months = sheet(&mut book, "Par mois");
    let first = months.rows().nth(1).unwrap();
    let Data::DateTime(month) = &first[0] else {
        panic!("a month is a date: {:?}", first[0]);
    };
    assert_eq!(
        month.as_datetime().map(|d| d.date()),
        chrono::NaiveDate::from_ymd_opt(2019, 2, 1)
    );
    let crossings = sheet(&mut book, "Premiers dépassements");
    assert!(matches!(
        crossings.rows().nth(1).unwrap()[0],
        Data::DateTime(_)
    ));
    let findings = sheet(&mut book, "Constats");
    let rows: Vec<&[Data]> = findings.rows().collect();
    assert_eq!(rows[0][0], Data::String("code".into()));
    assert!(
        rows.iter().skip(1).all(|r| matches!(r[4], Data::Float(_))),
        "lines are numbers"
    );
    assert!(
        rows.iter()
            .any(|r| r[0] == Data::String("ceiling.exceeded".into()))
    );
    // Every sheet's header row is frozen and filtered.
    let file = std::fs::File::open(&path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    for i in 1..=10 {
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name(&format!("xl/worksheets/sheet{i}.xml")).unwrap(),
            &mut xml,
        )
        .unwrap();
        assert!(xml.contains("state=\"frozen\""), "sheet {i}");
        assert!(xml.contains("<autoFilter"), "sheet {i}");
    }
    // Without --output, a clear refusal.
    let (code, _, stderr) = clausier(&["report", "--format", "xlsx", RULES, EXPORT]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--output"), "{stderr}");
}

/// The convention's calendar as of the statement's date (`--date`): past
/// dates, those within 90 days, later ones; the renewal a notice can still
/// stop, with its last day (art. 641).
#[test]
fn key_dates_as_of_the_statement_date() {
    let (code, stdout, stderr) = clausier(&[
        "report",
        "--format",
        "json",
        "--date",
        "2020-09-01",
        RULES,
        EXPORT,
    ]);
    assert_eq!(code, 0, "{stderr}");
    let v: Value = serde_json::from_str(&stdout).unwrap();
    let dates: Vec<(String, String, String)> = v["statements"][0]["key_dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let text = |f: &str| k[f].as_str().unwrap_or_default().to_owned();
            (text("date"), text("kind"), text("status"))
        })
        .collect();
    let expected = [
        ("2019-01-15", "effect", "past"),
        ("2019-10-15", "renewal-deadline", "past"),
        ("2019-12-01", "amendment", "past"),
        ("2020-01-15", "renewal", "past"),
        ("2020-03-16", "amendment", "past"),
        ("2020-09-30", "notice", "soon"),
        ("2020-10-15", "renewal-deadline", "soon"),
        ("2020-12-30", "end", "later"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(dates, expected);
    let end = &v["statements"][0]["key_dates"][7]["what"];
    assert_eq!(
        end, "end in force, by the notice of 2020-09-30 plus 3 months",
        "{end}"
    );
}

/// Art. 642 on a renewal clause that asks for it: the last day to give
/// notice, a Saturday, moves to the Monday; without it, it stays.
#[test]
fn a_renewal_deadline_on_a_saturday_moves_when_the_clause_asks() {
    let text = std::fs::read_to_string(common::root().join(RULES)).unwrap();
    let stated = text.replace("pour 1 an\n", "fin 2020-01-19\n");
    assert_ne!(stated, text);
    let dir = tempfile::tempdir().unwrap();
    let deadline = |rules: &str| {
        let path = dir.path().join("c.conv");
        std::fs::write(&path, rules).unwrap();
        let path = path.to_str().unwrap();
        let (code, stdout, stderr) = clausier(&["report", "--format", "json", path, EXPORT]);
        assert_eq!(code, 0, "{stderr}");
        let v: Value = serde_json::from_str(&stdout).unwrap();
        v["statements"][0]["key_dates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["kind"] == "renewal-deadline")
            .map(|k| k["date"].as_str().unwrap().to_owned())
    };
    // 19 January 2020 less 3 months: Saturday 19 October 2019.
    assert_eq!(deadline(&stated).as_deref(), Some("2019-10-19"));
    let working = stated.replace(
        "préavis 3 mois\n  }",
        "préavis 3 mois report-jour-ouvré\n  }",
    );
    assert_ne!(working, stated);
    assert_eq!(deadline(&working).as_deref(), Some("2019-10-21"));
}
