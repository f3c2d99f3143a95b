//! `clausier report`: the consumption statement in every format, its audit
//! record, and the safety of its HTML.

mod common;

use common::clausier;
use serde_json::{Value, json};
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
    // Every month from the effect (01/2019) to the last movement (01/2021),
    // those without movements too.
    let months = months_of(st);
    assert_eq!(months.len(), 25);
    assert_eq!(months.first(), Some(&(2019, 1)));
    for pair in months.windows(2) {
        let next = if pair[0].1 == 12 {
            (pair[0].0 + 1, 1)
        } else {
            (pair[0].0, pair[0].1 + 1)
        };
        assert_eq!(pair[1], next, "a month is missing");
    }
    let july = st["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["year"] == 2019 && m["month"] == 7)
        .unwrap();
    assert_eq!(
        (&july["ae"], &july["cumulative_ae"]),
        (&json!("0.00"), &json!("110000.00"))
    );
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
    // Wrapped to 80 columns: compared word by word.
    let text = words(&report("human", RULES, EXPORT));
    assert!(
        text.contains("2020-05-10: ceiling AE (avenant 1 in force)"),
        "{text}"
    );
    assert!(
        text.contains("[waived: facture de régularisation"),
        "{text}"
    );
}

/// Excel's CSV is read by people: in French its titles and sections are
/// French; the plain dialect keeps its identifiers for programs.
#[test]
fn the_excel_csv_speaks_the_users_language() {
    let csv = |dialect: &str| {
        let (code, csv, stderr) = clausier(&[
            "--lang",
            "fr",
            "report",
            "--format",
            "csv",
            "--csv-dialect",
            dialect,
            RULES,
            EXPORT,
        ]);
        assert_eq!(code, 0, "{stderr}");
        csv
    };
    let excel = csv("excel");
    let lines: Vec<&str> = excel.lines().collect();
    assert_eq!(
        lines[0],
        "\u{feff}convention;section;clé;budget;montant;plafond;reste"
    );
    assert!(
        lines
            .contains(&"rules/hebergement-2019.conv;plafond;total;AE;151000,00;150000,00;-1000,00"),
        "{excel}"
    );
    assert!(
        lines.iter().any(|l| l.contains(";mois;2020-05;AE;")),
        "{excel}"
    );
    let plain = csv("plain");
    assert!(plain.starts_with("convention;section;key;budget;amount;limit;remaining\n"));
    assert!(plain.contains(";ceiling;total;AE;151000.00;"));
}

/// The words of a text, one space apart (no-break spaces and line breaks
/// included): text wrapped to the terminal compared as a sentence.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each bundled convention with its example export(s).
const BUNDLED: &[(&str, &[&str])] = &[
    (
        "rules/dsi-dinsic-incubateur-2017.conv",
        &["examples/dsi-dinsic-2017-2018.csv"],
    ),
    (RULES, &[EXPORT]),
    (
        "rules/sgg-enveloppes-2023.conv",
        &["examples/sgg-enveloppes-2023-2024.csv"],
    ),
    (
        "rules/sgg-paiements-2022.conv",
        &["examples/sgg-paiements-2022-2024.csv"],
    ),
];

/// The attribute values `name="…"` of every element of class `class`.
fn attributes<'h>(html: &'h str, class: &str, name: &str) -> Vec<Vec<&'h str>> {
    html.split("<svg")
        .skip(1)
        .map(|svg| {
            let svg = svg.split("</svg>").next().unwrap();
            svg.split(&format!("class=\"{class}\""))
                .skip(1)
                .filter_map(|el| {
                    let el = el.split('>').next()?;
                    let value = el.split(&format!("{name}=\"")).nth(1)?;
                    value.split('"').next()
                })
                .collect()
        })
        .collect()
}

/// What CI checks of an HTML statement: one document with no external
/// resource, every table rectangular under a header row, round ticks on
/// every chart, a marker for each crossing (in the statement's JSON), each
/// amendment and the end.
fn check_structure(html: &str, statements: &[Value], what: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"), "{what}");
    assert_eq!(html.matches("<html").count(), 1, "{what}");
    assert!(html.trim_end().ends_with("</html>"), "{what}");
    // No script, no style sheet, image or font fetched: the only address
    // is the SVG namespace.
    let without_ns = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    for external in [
        "<script", "<link", "<img", "<iframe", " src=", "url(", "@import", "http:", "https:",
    ] {
        assert!(!without_ns.contains(external), "{what}: {external}");
    }
    for tag in [
        "table", "thead", "tbody", "tr", "svg", "h2", "figure", "details", "g",
    ] {
        assert_eq!(
            html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count(),
            html.matches(&format!("</{tag}>")).count(),
            "{what}: <{tag}>"
        );
    }
    let mut tables = 0;
    for table in html.split("<table").skip(1) {
        let table = table.split("</table>").next().unwrap();
        let table = &table[table.find('>').unwrap() + 1..];
        // The header row in a `thead` (printed again on every page).
        assert!(table.starts_with("<thead><tr>"), "{what}: {table}");
        assert!(table.contains("</thead><tbody>"), "{what}: {table}");
        let mut rows = table.split("<tr").skip(1);
        let headers = rows.next().unwrap().matches("<th>").count();
        assert!(headers > 0, "{what}: a table without headers");
        for row in rows {
            assert_eq!(
                row.matches("<td").count(),
                headers,
                "{what}: a row of {} cells under {headers} headers: {row}",
                row.matches("<td").count()
            );
        }
        tables += 1;
    }
    assert!(tables >= 8, "{what}: {tables} tables");
    // Round ticks: from 0, one step of 1, 2 or 5 times a power of ten.
    let charts = attributes(html, "tick-y", "data-cents");
    assert!(!charts.is_empty(), "{what}: no chart");
    for ticks in &charts {
        let ticks: Vec<i64> = ticks.iter().map(|t| t.parse().unwrap()).collect();
        assert!(ticks.len() >= 3 && ticks[0] == 0, "{what}: {ticks:?}");
        let step = ticks[1];
        let mut mantissa = step;
        while mantissa % 10 == 0 {
            mantissa /= 10;
        }
        assert!([1, 2, 5].contains(&mantissa), "{what}: step {step}");
        assert!(
            ticks.windows(2).all(|w| w[1] - w[0] == step),
            "{what}: {ticks:?}"
        );
    }
    // A marker for each limit first crossed, on its date.
    let mut crossed: Vec<String> = statements
        .iter()
        .flat_map(|st| st["crossings"].as_array().unwrap())
        .map(|c| c["date"].as_str().unwrap().to_owned())
        .collect();
    let mut marked: Vec<String> = html
        .split("data-kind=\"crossing\" data-date=\"")
        .skip(1)
        .map(|m| m[..10].to_owned())
        .collect();
    crossed.sort();
    marked.sort();
    assert_eq!(marked, crossed, "{what}: crossings");
    // Element ids are unique (charts' titles and descriptions, anchors).
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "{what}: duplicate ids");
    // Each statement's section, under its `h1`.
    let sections: Vec<&str> = html.split("<h1 id=\"convention-").skip(1).collect();
    assert_eq!(sections.len(), statements.len(), "{what}: sections");
    for (section, statement) in sections.iter().zip(statements) {
        check_charts(section, statement, what);
    }
}

/// On every chart of one statement's section, a marker for each amendment
/// and for the end, a title, a description and a legend.
fn check_charts(section: &str, statement: &Value, what: &str) {
    let keys = statement["key_dates"].as_array().unwrap();
    let dated = |kind: &str| -> Vec<&str> {
        keys.iter()
            .filter(|k| k["kind"] == kind)
            .map(|k| k["date"].as_str().unwrap())
            .collect()
    };
    for svg in section.split("<svg").skip(1) {
        let svg = svg.split("</svg>").next().unwrap();
        for (kind, expected) in [("amendment", dated("amendment")), ("end", dated("end"))] {
            let got: Vec<&str> = svg
                .split(&format!("data-kind=\"{kind}\" data-date=\""))
                .skip(1)
                .map(|m| &m[..10])
                .collect();
            assert_eq!(got, expected, "{what}: {kind} markers");
        }
        assert!(
            svg.contains("<title id=") && svg.contains("<desc id="),
            "{what}"
        );
        assert!(svg.contains("class=\"legend\""), "{what}: no legend");
    }
}

/// The structure CI checks, on every bundled convention in both languages.
#[test]
fn every_bundled_html_statement_has_the_structure_ci_checks() {
    for (rules, exports) in BUNDLED {
        let mut args = vec!["report", "--format", "json", rules];
        args.extend_from_slice(exports);
        let (code, json, stderr) = clausier(&args);
        assert_eq!(code, 0, "{stderr}");
        let json: Value = serde_json::from_str(&json).unwrap();
        for lang in ["en", "fr"] {
            let mut args = vec!["--lang", lang, "report", "--format", "html", rules];
            args.extend_from_slice(exports);
            let (code, html, stderr) = clausier(&args);
            assert_eq!(code, 0, "{stderr}");
            let statements = json["statements"].as_array().unwrap();
            check_structure(&html, statements, &format!("{rules} ({lang})"));
        }
    }
}

/// The hébergement convention's chart: AE and CP ceilings drawn apart
/// though equal, before and after avenant 1; the termination marked.
#[test]
fn the_chart_draws_equal_ceilings_apart_and_marks_the_termination() {
    let html = report("html", RULES, EXPORT);
    assert_eq!(html.matches("<svg").count(), 1);
    for budget in ["AE", "CP"] {
        for cents in ["12000000", "15000000"] {
            assert!(
                html.contains(&format!(
                    "class=\"ceiling\" data-budget=\"{budget}\" data-cents=\"{cents}\""
                )),
                "{budget} {cents}"
            );
        }
    }
    assert!(html.contains("AE ceiling €150,000.00") && html.contains("CP ceiling €150,000.00"));
    assert!(html.contains(">Terminated</text>"));
    assert!(html.contains(">Amendment 1</text>") && html.contains(">Amendment 2</text>"));
    // Quarters label the time axis of two years.
    assert!(html.contains(">Q1 2020</text>"), "no quarter labels");
    for heading in [
        "Cumulative consumption of the convention",
        "Key dates",
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
    assert!(html.contains("<p>Term: from 2019-01-15 to 2020-12-30 (terminated:"));
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
        chrono::NaiveDate::from_ymd_opt(2019, 1, 1)
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

/// (year, month) of each line of a statement's months.
fn months_of(st: &Value) -> Vec<(i64, i64)> {
    st["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["year"].as_i64().unwrap(), m["month"].as_i64().unwrap()))
        .collect()
}

/// The rows of the example export dated after `until` (`dd/mm/yyyy` first).
fn rows_after(until: &str) -> u64 {
    let text = std::fs::read_to_string(common::root().join(EXPORT)).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| {
            let d = &l[..10];
            let iso = format!("{}-{}-{}", &d[6..10], &d[3..5], &d[0..2]);
            iso.as_str() > until
        })
        .count() as u64
}

/// `--au`: rows after the date are left out and counted, the ceilings are
/// those in force on it, the time left runs from it, the months run on to
/// it; `--du` starts the months there; crossings after the date vanish.
#[test]
fn a_statement_as_of_a_date() {
    let json = |extra: &[&str]| -> Value {
        let mut args = vec!["report", "--format", "json"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&[RULES, EXPORT]);
        let (code, stdout, stderr) = clausier(&args);
        assert_eq!(code, 0, "{stderr}");
        serde_json::from_str(&stdout).unwrap()
    };
    // The day before avenant 1 raised the ceiling to 150 000 €.
    let v = json(&["--au", "2019-11-30"]);
    let st = &v["statements"][0];
    assert_eq!(st["period"]["until"], "2019-11-30");
    assert_eq!(st["period"]["rows_after"], rows_after("2019-11-30"));
    assert_eq!(st["period"]["rows_after"], 8);
    let ae = &st["consumption"][0];
    assert_eq!(
        (
            &ae["budget"],
            &ae["consumed"],
            &ae["ceiling"],
            &ae["remaining"]
        ),
        (
            &json!("AE"),
            &json!("125000.00"),
            &json!("120000.00"),
            &json!("-5000.00")
        )
    );
    // The end in force (30/12/2020) is 396 days after.
    assert_eq!(st["term"]["days_left"], 396);
    assert_eq!(st["as_of"], "2019-11-30");
    let last = st["months"].as_array().unwrap().last().unwrap();
    assert_eq!((&last["year"], &last["month"]), (&json!(2019), &json!(11)));
    let crossings: Vec<&str> = st["crossings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    assert_eq!(crossings, ["2019-06-12", "2019-11-25"]);
    // The day after: the amended ceiling.
    let v = json(&["--au", "2019-12-31", "--du", "2019-06-01"]);
    let st = &v["statements"][0];
    assert_eq!(st["consumption"][0]["ceiling"], "150000.00");
    assert_eq!(st["consumption"][0]["remaining"], "25000.00");
    assert_eq!(st["period"]["rows_after"], rows_after("2019-12-31"));
    let months = months_of(st);
    assert_eq!(months.first(), Some(&(2019, 6)));
    assert_eq!(months.last(), Some(&(2019, 12)));
    // The cumulative columns count what came before the period.
    assert_eq!(st["months"][0]["cumulative_ae"], "110000.00");
    // In words, in both languages, and the HTML chart starts on `--du`.
    let (_, text, _) = clausier(&["report", "--au", "2019-12-31", RULES, EXPORT]);
    assert!(
        text.contains("Period: up to 2019-12-31. 8 rows dated after it left out (not checked)."),
        "{text}"
    );
    assert!(text.contains("365 days left on 2019-12-31"), "{text}");
    let (_, text, _) = clausier(&[
        "--lang",
        "fr",
        "report",
        "--du",
        "2019-06-01",
        "--au",
        "2019-12-31",
        RULES,
        EXPORT,
    ]);
    assert!(
        text.contains("Période : du 01/06/2019 au 31/12/2019. 8 lignes postérieures écartées"),
        "{text}"
    );
    let (_, html, _) = clausier(&[
        "report",
        "--format",
        "html",
        "--du",
        "2019-06-01",
        "--au",
        "2019-12-31",
        RULES,
        EXPORT,
    ]);
    let ticks = attributes(&html, "tick-x", "data-date");
    assert_eq!(ticks[0].first(), Some(&"2019-06-01"), "{:?}", ticks);
    assert_eq!(ticks[0].last(), Some(&"2019-12-01"));
    // A period that ends before it starts is refused.
    let (code, _, stderr) = clausier(&[
        "report",
        "--du",
        "2020-01-01",
        "--au",
        "2019-01-01",
        RULES,
        EXPORT,
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--du 2020-01-01 comes after --au 2019-01-01"),
        "{stderr}"
    );
}

/// The exports of the bundled conventions, for a portfolio.
const PORTFOLIO_EXPORTS: [&str; 3] = [
    EXPORT,
    "examples/sgg-enveloppes-2023-2024.csv",
    "examples/sgg-paiements-2022-2024.csv",
];

/// `report rules/ exports…`: an overview of every convention (those no row
/// reached too), then each statement; in JSON, HTML and XLSX.
#[test]
fn a_portfolio_of_the_bundled_conventions() {
    let run = |format: &str, extra: &[&str]| -> String {
        let mut args = vec![
            "--lang",
            "fr",
            "report",
            "--date",
            "2024-06-01",
            "--format",
            format,
        ];
        args.extend_from_slice(extra);
        args.push("rules");
        args.extend_from_slice(&PORTFOLIO_EXPORTS);
        let (code, stdout, stderr) = clausier(&args);
        assert_eq!(code, 0, "{stderr}");
        stdout
    };
    let v: Value = serde_json::from_str(&run("json", &[])).unwrap();
    let overview = v["overview"].as_array().unwrap();
    let names: Vec<&str> = overview
        .iter()
        .map(|o| o["convention"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "rules/cadre-sg-2015.conv",
            "rules/csp-daj-dne-2016.conv",
            "rules/dsi-dinsic-incubateur-2017.conv",
            RULES,
            "rules/rectorat-2016.conv",
            "rules/sgg-enveloppes-2023.conv",
            "rules/sgg-paiements-2022.conv",
        ]
    );
    let at = |name: &str| names.iter().position(|n| *n == name).unwrap();
    let statements = v["statements"].as_array().unwrap();
    assert_eq!(statements.len(), 7, "a statement for each, rows or not");
    // The seed, which no row reached: nothing consumed, its term stated.
    let seed = &overview[at("rules/dsi-dinsic-incubateur-2017.conv")];
    assert_eq!(seed["AE"]["consumed"], "0.00");
    assert_eq!(seed["AE"]["ceiling"], "400000.00");
    assert_eq!(seed["end"], "2018-12-31");
    assert_eq!(seed["next"], Value::Null, "nothing after 2024-06-01");
    // The hébergement line states what its statement states.
    let h = &overview[at(RULES)];
    let st = &statements[at(RULES)];
    assert_eq!(h["AE"]["consumed"], st["consumption"][0]["consumed"]);
    assert_eq!(h["AE"]["remaining"], "-1000.00");
    assert_eq!(
        (&h["ceilings_exceeded"], &h["ceilings"]),
        (&json!(1), &json!(2))
    );
    assert_eq!(h["findings"], st["findings"]);
    // The counts by convention add up to the findings at some clause:
    // the others (rows no scope or several scopes hold) are the export's.
    let counted: u64 = overview
        .iter()
        .map(|o| {
            let f = &o["findings"];
            f["errors"].as_u64().unwrap()
                + f["warnings"].as_u64().unwrap()
                + f["waived"].as_u64().unwrap()
        })
        .sum();
    let findings = v["findings"].as_array().unwrap();
    let routing = findings
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("scope."))
        .count() as u64;
    assert_eq!(counted + routing, findings.len() as u64);
    // The next date after 2024-06-01 of the envelopes' convention.
    let e = &overview[at("rules/sgg-enveloppes-2023.conv")];
    assert_eq!(e["next"]["date"], "2024-12-31");
    assert_eq!(e["next"]["kind"], "end");
    assert_eq!(
        e["AE"]["ceiling"],
        Value::Null,
        "ceilings per envelope only"
    );
    // HTML: the overview table first, each row linking to its statement;
    // the structure CI checks, over the four statements.
    let html = run("html", &[]);
    assert!(
        html.contains("<h1>Portefeuille de 7 conventions</h1>"),
        "no portfolio title"
    );
    assert!(html.contains("<h2>Portefeuille</h2>"));
    for n in 1..=7 {
        assert!(
            html.contains(&format!("<a href=\"#convention-{n}\">")),
            "no link {n}"
        );
    }
    assert!(
        html.contains("content:\"Portefeuille de 7 conventions\""),
        "running header"
    );
    check_structure(&html, statements, "portfolio");
    // XLSX: the overview sheet first, figures typed.
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("portefeuille.xlsx");
    run("xlsx", &["--output", path.to_str().unwrap()]);
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names()[0], "Portefeuille");
    let sheet = book.worksheet_range("Portefeuille").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows.len(), 8, "a header and seven conventions");
    assert_eq!(rows[0][1], Data::String("AE consommées".into()));
    let h = at(RULES) + 1;
    assert_eq!(rows[h][1], Data::Float(151_000.0));
    assert_eq!(rows[h][2], Data::Float(150_000.0));
    assert!(matches!(rows[h][9], Data::DateTime(_)), "{:?}", rows[h][9]);
    // In words on the terminal.
    let text = run("human", &[]);
    assert!(
        text.lines().all(|l| l.chars().count() <= 80),
        "a line over 80 columns: {text}"
    );
    let text = words(&text);
    assert!(text.starts_with("Portefeuille de 7 conventions "), "{text}");
    assert!(
        text.contains("Hébergement des services numériques de l'incubateur (rules/hebergement-2019.conv) : AE 151 000,00 € sur 150 000,00 €"),
        "{text}"
    );
    // Zero is singular in French, and said as zero.
    assert!(
        text.contains("(rules/dsi-dinsic-incubateur-2017.conv) : AE 0,00 € sur 400 000,00 €, CP 0,00 € sur 400 000,00 € ; plafonds dépassés : 0 sur 2 ; 0 erreur, 0 avertissement, 0 dérogé ; fin le 31/12/2018"),
        "{text}"
    );
}

/// The HTML statement is one a ministry can sign: its title, the parties,
/// "arrêté au", a signature block per party left blank, page numbers in
/// the printed footer; a correction (a negative month) in a neutral
/// colour and an overrun in red; an unnamed holder said so; the rule
/// file's path only in the traceability block, whose roles and time are
/// in words; short tables kept whole.
#[test]
fn the_html_statement_is_one_to_sign() {
    let rules = "rules/dsi-dinsic-incubateur-2017.conv";
    let (code, html, stderr) = clausier(&[
        "--lang",
        "fr",
        "report",
        "--format",
        "html",
        rules,
        "examples/dsi-dinsic-2017-2018.csv",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let h1 = html.split("<h1").nth(1).unwrap_or_default();
    assert!(
        h1.contains(">État de consommation de la convention « Création et accompagnement d&#39;un incubateur de services numériques »</h1>"),
        "{h1}"
    );
    assert!(
        html.contains("<p class=\"party\">Délégant\u{a0}: Direction des systèmes d&#39;information des ministères sociaux (DSI)</p>"),
        "the délégant"
    );
    assert!(
        html.contains("<p class=\"party\">Délégataire\u{a0}: "),
        "the délégataire"
    );
    assert!(html.contains("Arrêté au "), "arrêté au");
    let sign = html
        .split("<section class=\"signatures\">")
        .nth(1)
        .unwrap_or_default();
    assert!(
        sign.contains("Pour le délégant") && sign.contains("Pour le délégataire"),
        "{sign}"
    );
    assert_eq!(sign.matches("Fait à").count(), 2, "{sign}");
    assert_eq!(
        sign.matches("<span class=\"blank\"></span>").count(),
        6,
        "{sign}"
    );
    assert!(
        html.contains("counter(page) \" / \" counter(pages)"),
        "page numbers"
    );
    // April 2018: −5 000,00 € of AE, a correction; EJ 2103100003 paid
    // 1 250,00 € beyond its commitment, an overrun.
    assert!(
        html.contains("<td class=\"n corr\">-5\u{202f}000,00\u{a0}€</td>"),
        "the correction"
    );
    assert!(
        html.contains("<td class=\"n neg\">-1\u{202f}250,00\u{a0}€</td>"),
        "the overrun"
    );
    assert!(
        html.contains("<td>(titulaire non désigné)</td>"),
        "the unnamed holder"
    );
    // The rule file's path: in the traceability block only.
    let before_audit = html
        .split("<table class=\"audit\">")
        .next()
        .unwrap_or_default();
    assert!(
        !before_audit.contains(&format!("<code>{rules}</code>")),
        "the path under the title"
    );
    assert!(html.contains("<td>fichier de règles</td>") && html.contains("<td>export</td>"));
    assert!(
        html.contains(" à ") && html.contains("(UTC)"),
        "the run's time in words"
    );
    assert!(
        html.contains("<section class=\"table keep\">"),
        "short tables kept whole"
    );
    // Backquoted code in the findings shown as code.
    assert!(
        html.contains("l&#39;EJ <code>2103100003</code>"),
        "code in messages"
    );
}
