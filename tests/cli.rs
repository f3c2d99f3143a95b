//! End-to-end tests of the real binary: exit codes, JSON shape, and every
//! file of `rules/` and `examples/`.

mod common;

use common::{SEED, clausier, files_in, relative};
use serde_json::Value;

const EXAMPLE: &str = "examples/dsi-dinsic-2017-2018.csv";

fn json(args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = clausier(&all);
    let value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{stdout}\nstderr:\n{stderr}"));
    (code, value)
}

#[test]
fn the_example_finds_every_kind_of_finding() {
    let (code, report) = json(&[SEED, EXAMPLE]);
    assert_eq!(code, 1);
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    for expected in [
        "term.before-start",
        "term.after-end",
        "ceiling.exceeded",
        "schedule.exceeded",
        "imputation.mismatch",
        "market.unknown",
        "commitment.overpaid",
        "input.malformed",
    ] {
        assert!(
            codes.contains(&expected),
            "{expected} missing from {codes:?}"
        );
    }
}

#[test]
fn json_has_the_documented_shape() {
    let (_, report) = json(&[SEED, EXAMPLE]);
    let summary = &report["summary"];
    for key in [
        "rows_read",
        "rows_checked",
        "rows_rejected",
        "errors",
        "warnings",
    ] {
        assert!(summary[key].is_u64(), "summary.{key} is {:?}", summary[key]);
    }
    let read = summary["rows_read"].as_u64().unwrap();
    let checked = summary["rows_checked"].as_u64().unwrap();
    let rejected = summary["rows_rejected"].as_u64().unwrap();
    assert_eq!(read, checked + rejected);
    // 29 data rows in the example, one per line after the header.
    let lines = std::fs::read_to_string(common::root().join(EXAMPLE))
        .unwrap()
        .lines()
        .count();
    assert_eq!(read as usize, lines - 1);
    let diags = report["diagnostics"].as_array().unwrap();
    let errors = diags.iter().filter(|d| d["severity"] == "error").count();
    assert_eq!(summary["errors"].as_u64().unwrap() as usize, errors);
    for d in diags {
        assert!(d["message"].is_string());
        let row = &d["row"];
        assert!(row.is_null() || (row["file"] == EXAMPLE && row["line"].as_u64().unwrap() >= 2));
        let clause = &d["clause"];
        assert!(
            clause.is_null() || (clause["file"] == SEED && clause["line"].as_u64().unwrap() >= 1)
        );
    }
    // Amounts are exact decimal strings.
    let ceiling = diags
        .iter()
        .find(|d| d["code"] == "ceiling.exceeded")
        .unwrap();
    assert_eq!(ceiling["figures"]["limit"], "400000.00");
    assert_eq!(summary["consumption"][0]["ceiling"], "400000.00");
}

#[test]
fn exit_codes() {
    let clean = "tests/cases/rules/header-only.csv";
    assert_eq!(clausier(&["check", SEED, clean]).0, 0, "no finding: 0");
    assert_eq!(
        clausier(&["check", SEED, EXAMPLE]).0,
        1,
        "error findings: 1"
    );
    assert_eq!(
        clausier(&["check", SEED, "no/such/file.csv"]).0,
        2,
        "missing export: 2"
    );
    assert_eq!(
        clausier(&["check", "no/such/rules.conv", clean]).0,
        2,
        "missing rules: 2"
    );
    let broken = "tests/cases/rules/syntax-errors.conv";
    assert_eq!(
        clausier(&["check", broken, clean]).0,
        2,
        "rule file with errors: 2"
    );
    let no_amount = "tests/cases/check/missing-column.csv";
    assert_eq!(
        clausier(&["check", SEED, no_amount]).0,
        2,
        "export without montant: 2"
    );
    assert_eq!(clausier(&["check"]).0, 2, "usage error: 2");
}

#[test]
fn a_missing_file_is_named_in_a_diagnostic() {
    let (code, stdout, _) = clausier(&["check", "--color", "never", SEED, "no/such/file.csv"]);
    assert_eq!(code, 2);
    assert!(
        stdout.contains("input.unreadable") && stdout.contains("no/such/file.csv"),
        "{stdout}"
    );
}

#[test]
fn several_exports_form_one_stream() {
    // The same export twice: every commitment and payment counts twice, so
    // the cumulative findings move, and rows are numbered per file.
    let (_, once) = json(&[SEED, EXAMPLE]);
    let (_, twice) = json(&[SEED, EXAMPLE, EXAMPLE]);
    let read = |r: &Value| r["summary"]["rows_read"].as_u64().unwrap();
    assert_eq!(read(&twice), 2 * read(&once));
    assert_eq!(twice["summary"]["consumption"][0]["consumed"], "818220.00");
}

#[test]
fn every_rule_file_compiles_clean() {
    let rules = files_in("rules", "conv");
    assert!(!rules.is_empty());
    for rule in rules {
        let rule = relative(&rule);
        let (code, stdout, _) = clausier(&["lint", "--color", "never", &rule]);
        assert_eq!(code, 0, "{rule}:\n{stdout}");
        // A sub-delegation alone cannot find its parent (`frame.unknown`,
        // a warning); the service-facturier delegation states the term of
        // no end of its text (`term.indefinite`).
        let text = std::fs::read_to_string(common::root().join(&rule)).unwrap();
        let expected =
            usize::from(text.contains("\n  cadre ")) + usize::from(text.contains("indéterminée"));
        let warnings = stdout.matches("\nframe.unknown").count()
            + stdout.matches("\nterm.indefinite").count()
            + usize::from(
                stdout.starts_with("frame.unknown") || stdout.starts_with("term.indefinite"),
            );
        assert_eq!(warnings, expected, "{rule}:\n{stdout}");
        assert!(stdout.contains("0 errors"), "{rule}:\n{stdout}");
    }
    // The folder resolves every `cadre`: only the term of no end remains.
    let (code, stdout, _) = clausier(&["lint", "--color", "never", "rules"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("0 errors, 1 warning"), "{stdout}");
    assert!(stdout.starts_with("term.indefinite"), "{stdout}");
}

/// The rule file an example export is written for.
fn rules_of_example(example: &str) -> &'static str {
    if example.contains("hebergement") {
        "rules/hebergement-2019.conv"
    } else if example.contains("sgg-paiements") {
        "rules/sgg-paiements-2022.conv"
    } else if example.contains("sgg-enveloppes") {
        "rules/sgg-enveloppes-2023.conv"
    } else if example.contains("csp-sdlac") || example.contains("rectorat") {
        // Sub-delegations: their parent convention is found in the folder.
        "rules"
    } else {
        SEED
    }
}

#[test]
fn every_example_runs_against_its_convention() {
    let examples = files_in("examples", "csv");
    assert!(!examples.is_empty());
    for example in examples {
        let example = relative(&example);
        let rules = rules_of_example(&example);
        let (code, stdout, stderr) = clausier(&["check", "--color", "never", rules, &example]);
        assert!(
            code == 0 || code == 1,
            "{example}: exit {code}\n{stdout}{stderr}"
        );
        insta::assert_snapshot!(format!("example-{}", example.replace('/', "-")), stdout);
    }
}

#[test]
fn standard_input_is_an_export() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(["check", "--format", "json", SEED, "-"])
        .current_dir(common::root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let example = std::fs::read(common::root().join(EXAMPLE)).unwrap();
    child.stdin.take().unwrap().write_all(&example).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let piped: Value = serde_json::from_slice(&out.stdout).unwrap();
    let (_, direct) = json(&[SEED, EXAMPLE]);
    assert_eq!(piped["summary"]["files"][0]["file"], "(stdin)");
    assert_eq!(
        piped["summary"]["rows_read"],
        direct["summary"]["rows_read"]
    );
    assert_eq!(
        piped["diagnostics"].as_array().unwrap().len(),
        direct["diagnostics"].as_array().unwrap().len()
    );
}

/// (convention, AE consumed) of a summary, in order.
fn consumed_ae(summary: &Value) -> Vec<(String, String)> {
    summary["consumption"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["budget"] == "AE")
        .map(|c| {
            (
                c["convention"].as_str().unwrap().to_owned(),
                c["consumed"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_rules_folder_routes_each_row_to_its_convention() {
    let rules = "tests/cases/routing/rules";
    let (code, report) = json(&[rules, "tests/cases/routing/export.csv"]);
    assert_eq!(code, 1);
    let summary = &report["summary"];
    assert_eq!(summary["rows_unmatched"], 1);
    assert_eq!(summary["rows_ambiguous"], 1);
    let codes: Vec<(&str, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["row"]["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert!(codes.contains(&("scope.unmatched", 5)), "{codes:?}");
    assert!(codes.contains(&("scope.ambiguous", 6)), "{codes:?}");
    // The programme 129 rows went to their own convention, whose ceiling
    // they cross; the clause is in that convention's file.
    let ceiling = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "ceiling.exceeded")
        .unwrap();
    assert_eq!(
        ceiling["clause"]["file"],
        "tests/cases/routing/rules/b-autre-service.conv"
    );
    assert_eq!(ceiling["row"]["line"], 3);
    // Consumption per convention: only the conventions that received rows.
    assert_eq!(
        consumed_ae(summary),
        vec![
            (
                "tests/cases/routing/rules/a-incubateur.conv".to_owned(),
                "10000.00".to_owned()
            ),
            (
                "tests/cases/routing/rules/b-autre-service.conv".to_owned(),
                "60000.00".to_owned()
            ),
        ]
    );
}

/// Routing asks each convention's compiled view: a tacit renewal keeps a
/// convention in force past its written end, and an amendment's codes
/// route the rows that carry them.
#[test]
fn routing_follows_renewals_and_amended_codes() {
    let rules = "tests/cases/routing-lifecycle/rules";
    let (code, report) = json(&[rules, "tests/cases/routing-lifecycle/export.csv"]);
    assert_eq!(code, 0, "{report}");
    let summary = &report["summary"];
    assert_eq!(summary["rows_unmatched"], 0);
    assert_eq!(summary["rows_ambiguous"], 0);
    assert_eq!(
        consumed_ae(summary),
        vec![
            (
                "tests/cases/routing-lifecycle/rules/a-reconduite.conv".to_owned(),
                "2000.00".to_owned()
            ),
            (
                "tests/cases/routing-lifecycle/rules/b-suivante.conv".to_owned(),
                "1000.00".to_owned()
            ),
        ]
    );
}

/// Schedule findings name the amendment whose forecast they cross, as
/// ceiling findings do.
#[test]
fn schedule_findings_name_the_amendment_in_force() {
    let (_, report) = json(&[
        "tests/cases/check/schedule-amended.conv",
        "tests/cases/check/schedule-amended.csv",
    ]);
    let amendments: Vec<Option<&str>> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "schedule.exceeded")
        .map(|d| d["figures"]["amendment"].as_str())
        .collect();
    assert_eq!(amendments, vec![None, Some("1")]);
}

/// The payments-only convention: rows of AE are out of scope, a yearly CP
/// ceiling binds each budget year (renewed ones too, and raised by the
/// amendment), a market withdrawn by the amendment is no longer
/// authorised, and payments without commitments are not overpaid.
#[test]
fn yearly_ceilings_delegated_payments_and_a_withdrawn_market() {
    let (code, report) = json(&[
        "rules/sgg-paiements-2022.conv",
        "examples/sgg-paiements-2022-2024.csv",
    ]);
    assert_eq!(code, 1);
    let expected = [
        "ceiling.exceeded 5 2022 -",
        "market.unknown 7 - -",
        "ceiling.exceeded 8 2023 1",
        "ceiling.exceeded 9 - -",
    ];
    assert_eq!(finding_lines(&report, &["year", "amendment"]), expected);
    let summary = &report["summary"];
    assert_eq!(summary["rows_read"], 8);
    assert_eq!(summary["rows_checked"], 6);
    assert_eq!(summary["rows_out_of_scope"], 2);
    // The file's own accounting says the same, and adds up to its lines.
    let file = &summary["files"][0];
    assert_eq!(
        (file["checked"].as_u64(), file["out_of_scope"].as_u64()),
        (Some(6), Some(2))
    );
    assert_eq!(file["lines"], 9);
    let yearly: Vec<(u64, &str, &str)> = summary["consumption"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| !c["year"].is_null())
        .map(|c| {
            (
                c["year"].as_u64().unwrap(),
                c["consumed"].as_str().unwrap(),
                c["ceiling"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        yearly,
        vec![
            (2022, "65000.00", "60000.00"),
            (2023, "85000.00", "80000.00"),
            (2024, "10000.00", "80000.00"),
        ]
    );
    assert!(
        summary["not_checked"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().contains("does not delegate AE")),
        "{summary}"
    );
}

#[test]
fn amendments_termination_and_waivers() {
    let (code, report) = json(&[
        "rules/hebergement-2019.conv",
        "examples/hebergement-2019-2020.csv",
    ]);
    assert_eq!(code, 1);
    let found: Vec<(String, u64, Option<String>)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["row"]["line"].as_u64().unwrap_or(0),
                d["figures"]["amendment"].as_str().map(str::to_owned),
            )
        })
        .collect();
    let has = |code: &str, line: u64| found.iter().any(|f| f.0 == code && f.1 == line);
    // The second holder is authorised only from avenant 2 (16 March 2020).
    assert!(has("market.unknown", 8), "{found:?}");
    assert!(!has("market.unknown", 9), "{found:?}");
    // The first ceiling (120 000 €) is crossed before avenant 1 raises it;
    // the raised one (150 000 €) later, and the finding names the amendment.
    assert!(has("ceiling.exceeded", 6), "{found:?}");
    assert!(
        found.contains(&("ceiling.exceeded".into(), 10, Some("1".into()))),
        "{found:?}"
    );
    // Notice of 30 September 2020 + 3 months (art. 641): ends 30 December.
    assert!(has("term.after-termination", 14), "{found:?}");
    assert!(!has("term.after-termination", 13), "{found:?}");
    // The overpaid EJ is waived: reported, not counted as an error.
    let overpaid = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "commitment.overpaid")
        .unwrap();
    assert!(overpaid["waived"].as_str().unwrap().contains("CBCM"));
    assert_eq!(report["summary"]["waived"], 1);
    assert_eq!(report["summary"]["errors"], 4);
}

#[test]
fn envelopes_nature_of_expenses_and_an_amended_envelope() {
    let (code, report) = json(&[
        "rules/sgg-enveloppes-2023.conv",
        "examples/sgg-enveloppes-2023-2024.csv",
    ]);
    assert_eq!(code, 1);
    // In the order of the export's lines.
    let expected = [
        "ceiling.exceeded 3 investissement",
        "schedule.exceeded 3 investissement",
        // Activité of "investissement" on the centre financier of
        // "fonctionnement": no envelope, the nearest named.
        "imputation.mismatch 4 fonctionnement",
        // Titre 2 where 3 and 5 are authorised.
        "nature.excluded 8 -",
        // OCTO's market is withdrawn by avenant 1 from 2024-01-01.
        "market.unknown 9 -",
        // Avenant 1 raised the envelope to 240 000 €: crossed again.
        "ceiling.exceeded 10 investissement",
        // The yearly ceiling of payments counts both envelopes.
        "ceiling.exceeded 13 -",
    ];
    assert_eq!(finding_lines(&report, &["envelope"]), expected);
    let consumption: Vec<(String, &str, &str, &str)> = report["summary"]["consumption"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["year"].is_null())
        .map(|c| {
            (
                c["envelope"].as_str().unwrap_or("").to_owned(),
                c["budget"].as_str().unwrap(),
                c["consumed"].as_str().unwrap(),
                c["ceiling"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let row = |e: &str, b, c, l| (e.to_owned(), b, c, l);
    assert_eq!(
        consumption,
        vec![
            row("", "AE", "905000.00", ""),
            row("", "CP", "560000.00", ""),
            // The mismatched row (60 000 €) counts overall, in no envelope.
            row("fonctionnement", "AE", "600000.00", "700000.00"),
            row("fonctionnement", "CP", "460000.00", "700000.00"),
            row("investissement", "AE", "245000.00", "240000.00"),
            row("investissement", "CP", "100000.00", "240000.00"),
        ]
    );
}

/// Each finding of a JSON report as one line: its code, its row's line and
/// the figures named (`-` when absent).
fn finding_lines(report: &serde_json::Value, figures: &[&str]) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let mut line = format!(
                "{} {}",
                d["code"].as_str().unwrap(),
                d["row"]["line"].as_u64().unwrap_or(0)
            );
            for name in figures {
                line.push(' ');
                line.push_str(d["figures"][name].as_str().unwrap_or("-"));
            }
            line
        })
        .collect()
}

/// Runs the binary with `input` on standard input.
fn with_stdin(args: &[&str], input: &[u8]) -> (i32, Vec<u8>) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_clausier"))
        .args(args)
        .current_dir(common::root())
        .env("CLAUSIER_LANG", "en")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), out.stdout)
}

/// The rule file as Windows writes it: UTF-8 with BOM and CRLF,
/// Windows-1252, UTF-16 (Notepad's "Unicode"), and old Mac CR line ends.
fn windows_forms(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let crlf = text.replace('\n', "\r\n");
    // Windows-1252 is Latin-1 but for 0x80-0x9F, where `€` is 0x80.
    let cp1252: Vec<u8> = crlf
        .chars()
        .map(|c| match c {
            '€' => 0x80,
            c => u8::try_from(u32::from(c)).expect("a Latin-1 character"),
        })
        .collect();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(crlf.encode_utf16().flat_map(u16::to_le_bytes));
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(crlf.as_bytes());
    vec![
        ("utf-8 BOM CRLF", bom),
        ("windows-1252", cp1252),
        ("utf-16", utf16),
        ("CR", text.replace('\n', "\r").into_bytes()),
    ]
}

#[test]
fn rule_files_from_windows_are_read_and_keep_their_form() {
    let rules = "rules/hebergement-2019.conv";
    let export = "examples/hebergement-2019-2020.csv";
    let text = std::fs::read_to_string(common::root().join(rules)).unwrap();
    let (_, expected) = json(&[rules, export]);
    let dir = tempfile::tempdir().unwrap();
    for (form, bytes) in windows_forms(&text) {
        let path = dir.path().join("convention.conv");
        std::fs::write(&path, &bytes).unwrap();
        let path = path.to_str().unwrap();
        let (code, report) = json(&[path, export]);
        assert_eq!(code, 1, "{form}");
        assert_eq!(
            report["summary"].to_string().replace(path, rules),
            expected["summary"].to_string(),
            "{form}"
        );
        let codes = |r: &Value| {
            r["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| (d["code"].clone(), d["row"]["line"].clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(&report), codes(&expected), "{form}");
        // Already formatted: fmt leaves every form byte for byte.
        let (code, _, _) = clausier(&["fmt", path]);
        assert_eq!(code, 0, "{form}");
        assert_eq!(
            std::fs::read(path).unwrap(),
            bytes,
            "fmt changed the {form} file"
        );
        // A line out of layout: fmt fixes it and keeps the file's form.
        let messy = text.replacen("plafond AE", "plafond    AE", 1);
        let messy_forms = windows_forms(&messy);
        let (_, messy_bytes) = messy_forms.iter().find(|(f, _)| *f == form).unwrap();
        std::fs::write(path, messy_bytes).unwrap();
        let (code, _, _) = clausier(&["fmt", path]);
        assert_eq!(code, 0, "{form}");
        assert_eq!(
            std::fs::read(path).unwrap(),
            bytes,
            "fmt did not keep the {form} form"
        );
    }
}

#[test]
fn fmt_and_lint_read_standard_input() {
    let rules = "rules/hebergement-2019.conv";
    let text = std::fs::read_to_string(common::root().join(rules)).unwrap();
    let messy = text.replacen("plafond AE", "plafond    AE", 1);
    let (code, out) = with_stdin(&["fmt", "-"], messy.as_bytes());
    assert_eq!(code, 0);
    assert_eq!(String::from_utf8(out).unwrap(), text);
    let (code, out) = with_stdin(&["fmt", "--check", "-"], messy.as_bytes());
    assert_eq!(code, 1);
    assert!(String::from_utf8(out).unwrap().contains("+  plafond AE"));
    let (code, out) = with_stdin(&["lint", "-"], text.as_bytes());
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
    let (code, out) = with_stdin(&["lint", "--format", "json", "-"], b"convention \"x\" {\n");
    assert_eq!(code, 1);
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["diagnostics"][0]["code"], "syntax.error");
}

/// clap's errors about the command line are said in the run's language,
/// with clap's suggestion, the usage line and the exit code 2.
#[test]
fn command_line_errors_in_both_languages() {
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &[
                "--lang", "fr", "check", "--formt", "json", "a.conv", "b.csv",
            ],
            "clausier: argument inattendu : `--formt`",
            "vouliez-vous dire `--format` ?",
        ),
        (
            &[
                "--lang", "en", "check", "--formt", "json", "a.conv", "b.csv",
            ],
            "clausier: unexpected argument `--formt`",
            "usage: clausier check --format <FORMAT> <RULES> <EXPORTS>...",
        ),
        (
            &["--lang", "fr", "check", "--date", "2020-13-01", "a", "b"],
            "clausier: valeur `2020-13-01` invalide pour `--date` : une date est attendue, au format AAAA-MM-JJ",
            "pour en savoir plus : `clausier check --help`",
        ),
        (
            &["--lang", "fr", "chek"],
            "clausier: commande inconnue : `chek`",
            "vouliez-vous dire `check` ?",
        ),
    ];
    for (args, cause, tip) in cases {
        let (code, stdout, stderr) = common::clausier(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        assert!(stderr.starts_with(cause), "{args:?}: {stderr}");
        assert!(stderr.contains(tip), "{args:?}: {stderr}");
    }
}

#[test]
fn completion_scripts_name_every_command_and_option() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, script, stderr) = clausier(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {stderr}");
        for word in ["check", "lint", "report", "explain", "--fail-level"] {
            assert!(script.contains(word), "{shell}'s script lacks `{word}`");
        }
        // Values too, where clap_complete's script completes them (its
        // PowerShell and elvish scripts complete names only).
        if !["powershell", "elvish"].contains(&shell) {
            assert!(
                script.contains("sarif"),
                "{shell}'s script lacks the formats"
            );
        }
    }
    // Bash, asked as it asks: `clausier check --format <TAB>`.
    let (_, script, _) = clausier(&["completions", "bash"]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clausier.bash");
    std::fs::write(&path, script).unwrap();
    let asked = format!(
        "source '{}'; COMP_WORDS=(clausier check --format ''); COMP_CWORD=3; \
         _clausier clausier '' --format; echo \"${{COMPREPLY[@]}}\"",
        path.display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &asked])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "human plain json sarif github bench"
    );
    let (code, _, stderr) = clausier(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("tcsh"), "{stderr}");
}

#[test]
fn manual_pages_one_per_command_in_the_runs_language() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man1");
    let out_arg = out.to_str().unwrap();
    let (code, stdout, stderr) = clausier(&["--lang", "fr", "man", "--out", out_arg]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("pages de manuel"), "{stdout}");
    for page in [
        "clausier",
        "clausier-check",
        "clausier-lint",
        "clausier-report",
        "clausier-man",
    ] {
        let text = std::fs::read_to_string(out.join(format!("{page}.1")))
            .unwrap_or_else(|e| panic!("{page}.1: {e}"));
        assert!(
            text.starts_with(".ie") || text.contains(".TH"),
            "{page}.1 is not a man page"
        );
    }
    let check = std::fs::read_to_string(out.join("clausier-check.1")).unwrap();
    assert!(
        check.contains("Format de sortie"),
        "the page is not in French:\n{check}"
    );
    // Its headings too; and one page per command of clausier's, none for
    // clap's own `help`.
    let headings: Vec<&str> = check.lines().filter(|l| l.starts_with(".SH ")).collect();
    assert_eq!(
        headings,
        [
            ".SH NOM",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH ARGUMENTS",
            ".SH OPTIONS",
            ".SH CODE DE RETOUR"
        ],
        "{check}"
    );
    let main = std::fs::read_to_string(out.join("clausier.1")).unwrap();
    assert!(main.contains(".SH SOUS-COMMANDES"), "{main}");
    assert!(
        !out.join("clausier-help.1").exists(),
        "a page for clap's help command"
    );
    // A folder that cannot be made: said, exit 2.
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    let (code, _, stderr) = clausier(&["man", "--out", file.join("x").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot write the manual pages"), "{stderr}");
}

#[test]
fn lint_fix_repairs_every_fixable_broken_example() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken");
    std::fs::create_dir(&broken).unwrap();
    for file in files_in("examples/ci/broken", "conv") {
        std::fs::copy(&file, broken.join(file.file_name().unwrap())).unwrap();
    }
    // A Windows file too: Windows-1252, CRLF, a misspelt keyword.
    let windows = b"convention \"D\xe9l\xe9gation\" {\r\n  signatur 2017-08-24\r\n}\r\n";
    std::fs::write(broken.join("windows.conv"), windows).unwrap();
    let folder = broken.to_str().unwrap();
    let (code, _, stderr) = clausier(&["lint", "--fix", "--format", "json", folder]);
    assert_eq!(code, 1, "{stderr}");
    let said: Vec<String> = stderr
        .lines()
        .map(|l| l.replace(&format!("{folder}/"), ""))
        .collect();
    assert_eq!(
        said,
        [
            "clausier: fixed `currency.conv` line 10: `400000` → `400 000 €`",
            "clausier: fixed `syntax.conv` line 3: `\"` added",
            "clausier: fixed `typo.conv` line 10: `plafnd` → `plafond`",
            "clausier: fixed `windows.conv` line 2: `signatur` → `signature`",
        ]
    );
    let remaining = |file: &str| {
        let (_, stdout, _) = clausier(&[
            "lint",
            "--format",
            "json",
            broken.join(file).to_str().unwrap(),
        ]);
        let value: Value = serde_json::from_str(&stdout).unwrap();
        let codes: Vec<String> = value["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d.get("fix").is_some())
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect();
        codes
    };
    for file in ["currency.conv", "typo.conv", "syntax.conv", "windows.conv"] {
        assert_eq!(
            remaining(file),
            Vec::<String>::new(),
            "{file} still has a fix to apply"
        );
    }
    let (code, _, _) = clausier(&["lint", broken.join("typo.conv").to_str().unwrap()]);
    assert_eq!(code, 0, "typo.conv is not repaired");
    // The Windows file keeps its encoding and line ends.
    let bytes = std::fs::read(broken.join("windows.conv")).unwrap();
    assert!(
        bytes.windows(2).any(|w| w == b"\xe9l"),
        "no longer Windows-1252"
    );
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "no longer CRLF");
    // Nothing left to repair: a second run changes nothing and says nothing.
    let (_, _, stderr) = clausier(&["lint", "--fix", "--format", "json", folder]);
    assert_eq!(stderr, "");
}

#[test]
fn the_bundled_conventions_pass_their_tests() {
    let (code, stdout, stderr) = clausier(&["test", "rules"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("test result: ok."), "{stdout}");
    // Every bundled convention has its tests.
    for rules in files_in("rules", "conv") {
        let tests = rules.with_extension("essais");
        assert!(tests.exists(), "{} has no tests", relative(&rules));
        assert!(stdout.contains(&relative(&tests)), "{stdout}");
    }
}

#[test]
fn a_failing_test_says_what_differs_in_every_format() {
    let (code, stdout, _) = clausier(&["test", "tests/cases/essais"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("running 3 tests"), "{stdout}");
    assert!(stdout.contains(":: passes ... ok"), "{stdout}");
    assert!(
        stdout.contains("  + row 1: market.unknown"),
        "the difference is not shown:\n{stdout}"
    );
    assert!(
        stdout.ends_with("test result: FAILED. 2 passed; 1 failed\n"),
        "{stdout}"
    );
    let (code, stdout, _) = clausier(&["--lang", "fr", "test", "tests/cases/essais/seed.conv"]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("résultat : ÉCHEC. 2 réussis ; 1 en échec"),
        "{stdout}"
    );
    let (_, stdout, _) = clausier(&["test", "--format", "json", "tests/cases/essais"]);
    let value: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value["passed"], 2);
    assert_eq!(value["failed"], 1);
    assert_eq!(value["tests"][2]["found"][0]["code"], "market.unknown");
    let (_, stdout, _) = clausier(&["test", "--format", "junit", "tests/cases/essais"]);
    assert!(
        stdout.contains("<testsuites name=\"clausier\" tests=\"3\" failures=\"1\">"),
        "{stdout}"
    );
    assert!(stdout.contains("<failure message=\"FAILED\">"), "{stdout}");
}

#[test]
fn a_test_file_with_mistakes_is_unusable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::root().join(SEED), dir.path().join("c.conv")).unwrap();
    std::fs::write(
        dir.path().join("c.essais"),
        "essai \"t\" {\n  atendu aucun\n}\n",
    )
    .unwrap();
    let (code, _, stderr) = clausier(&["test", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown word `atendu`"), "{stderr}");
    assert!(stderr.contains("did you mean `attendu`"), "{stderr}");
    std::fs::remove_file(dir.path().join("c.conv")).unwrap();
    std::fs::write(
        dir.path().join("c.essais"),
        "essai \"t\" {\n  ligne date 2017-09-05\n  attendu aucun\n}\n",
    )
    .unwrap();
    let (code, _, stderr) = clausier(&["test", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no rule file"), "{stderr}");
}

#[test]
fn the_same_code_bytes_under_another_layout_are_checked_again() {
    // Two exports whose code columns come in opposite orders: the same
    // bytes `124;0124-CDAF-CDSI` pass in the first and are two wrong codes
    // in the second. Rows repeating the codes of the row before are not
    // compared again; this must not carry over to another export.
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("deux-exports.conv");
    std::fs::write(
        &rules,
        "convention \"Deux exports\" {\n  signature 2020-01-15\n  délégant \"DSI\"\n  \
         délégataire \"DINSIC\"\n  durée {\n    effet signature\n    fin 2021-12-31\n  }\n  \
         plafond AE et CP 100 000 €\n  imputation {\n    programme 124\n    \
         centre-financier 0124-CDAF-CDSI\n  }\n}\n",
    )
    .unwrap();
    let first = dir.path().join("a.csv");
    let second = dir.path().join("b.csv");
    std::fs::write(
        &first,
        "date;type;n_ej;montant;programme;centre_financier\n\
         01/06/2020;AE;2100000001;1 000,00;124;0124-CDAF-CDSI\n\
         02/06/2020;AE;2100000001;1 000,00;124;0124-CDAF-CDSI\n",
    )
    .unwrap();
    std::fs::write(
        &second,
        "date;type;n_ej;montant;centre_financier;programme\n\
         03/06/2020;AE;2100000001;1 000,00;124;0124-CDAF-CDSI\n\
         04/06/2020;AE;2100000001;1 000,00;0124-CDAF-CDSI;124\n",
    )
    .unwrap();
    let path = |p: &std::path::Path| p.to_string_lossy().into_owned();
    for threads in ["1", "2"] {
        let (code, report) = json(&[
            "--threads",
            threads,
            &path(&rules),
            &path(&first),
            &path(&second),
        ]);
        assert_eq!(code, 1, "{threads} thread(s)");
        assert_eq!(
            finding_lines(&report, &[]),
            ["imputation.mismatch 2"],
            "{threads} thread(s)"
        );
        let file = report["diagnostics"][0]["row"]["file"].as_str().unwrap();
        assert!(file.ends_with("b.csv"), "{file}");
    }
}

/// Every line of `check`, `report`, `lint`, `test`, `explain` and every
/// `--help`, on every bundled rule file and example, within the terminal's
/// width (`COLUMNS`, as a terminal of 80 or 100 columns would say), in
/// French and in English. `scripts/width.sh` checks the same in a real
/// pseudo-terminal.
#[test]
fn every_line_fits_the_terminal() {
    use std::process::Command;
    let mut commands: Vec<Vec<String>> = Vec::new();
    let words = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
    for rules in files_in("rules", "conv") {
        let rules = relative(&rules);
        commands.push(words(&format!("lint {rules}")));
        for export in files_in("examples", "csv") {
            let export = relative(&export);
            commands.push(words(&format!("check {rules} {export}")));
            commands.push(words(&format!("report {rules} {export}")));
        }
    }
    commands.push(words("lint examples/ci/broken"));
    commands.push(words("test rules"));
    commands.push(words("--help"));
    for sub in [
        "check",
        "lint",
        "fmt",
        "report",
        "explain",
        "draft",
        "test",
        "lsp",
        "completions",
        "man",
    ] {
        commands.push(words(&format!("{sub} --help")));
    }
    let (_, all, _) = clausier(&["explain", "all"]);
    for code in all.lines().filter_map(|l| {
        let word = l.split_whitespace().next()?;
        (word.contains('.') && !l.starts_with(' ')).then_some(word)
    }) {
        commands.push(words(&format!("explain {code}")));
    }
    let mut over = Vec::new();
    for width in ["80", "100"] {
        for lang in ["fr", "en"] {
            for args in &commands {
                let out = Command::new(env!("CARGO_BIN_EXE_clausier"))
                    .args(args)
                    .current_dir(common::root())
                    .env("NO_COLOR", "1")
                    .env("CLAUSIER_LANG", lang)
                    .env("COLUMNS", width)
                    .output()
                    .expect("the clausier binary runs");
                let max: usize = width.parse().unwrap();
                for line in String::from_utf8_lossy(&out.stdout)
                    .lines()
                    .chain(String::from_utf8_lossy(&out.stderr).lines())
                {
                    if line.chars().count() > max {
                        over.push(format!("{width} {lang} {}: {line}", args.join(" ")));
                    }
                }
            }
        }
    }
    assert!(commands.len() > 100, "{} commands", commands.len());
    assert!(
        over.is_empty(),
        "{} lines too wide:\n{}",
        over.len(),
        over.join("\n")
    );
}
