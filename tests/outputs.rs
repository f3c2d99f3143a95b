//! `lint`, `fmt`, `explain` and the output formats, end to end.

mod common;

use common::{SEED, clausier, files_in, relative};
use serde_json::Value;

const EXAMPLE: &str = "examples/dsi-dinsic-2017-2018.csv";
const BROKEN: &str = "examples/ci/broken";

fn validate_sarif(stdout: &str) -> Value {
    let sarif: Value = serde_json::from_str(stdout).expect("SARIF output is JSON");
    let schema_text =
        std::fs::read_to_string(common::root().join("tests/schemas/sarif-schema-2.1.0.json"))
            .unwrap();
    let schema: Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not validate:\n{}",
        errors.join("\n")
    );
    sarif
}

#[test]
fn lint_sarif_validates_against_the_schema() {
    let (code, stdout, _) = clausier(&["lint", "--format", "sarif", BROKEN]);
    assert_eq!(code, 1);
    let sarif = validate_sarif(&stdout);
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), clausier::diag::Code::ALL.len());
    assert!(
        rules
            .iter()
            .all(|r| r["fullDescription"]["text"].is_string() && r["help"]["text"].is_string())
    );
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(
            loc["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("examples/ci/broken/")
        );
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn check_sarif_points_at_the_export_row_and_the_clause() {
    let (code, stdout, _) = clausier(&["check", "--format", "sarif", SEED, EXAMPLE]);
    assert_eq!(code, 1);
    let sarif = validate_sarif(&stdout);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let ceiling = results
        .iter()
        .find(|r| r["ruleId"] == "ceiling.exceeded")
        .unwrap();
    let row = &ceiling["locations"][0]["physicalLocation"];
    assert_eq!(row["artifactLocation"]["uri"], EXAMPLE);
    assert_eq!(row["region"]["startLine"], 19);
    assert_eq!(row["region"]["startColumn"], 28);
    assert_eq!(row["region"]["endColumn"], 37);
    let clause = &ceiling["relatedLocations"][0]["physicalLocation"];
    assert_eq!(clause["artifactLocation"]["uri"], SEED);
    assert_eq!(clause["region"]["startLine"], 31);
}

#[test]
fn github_annotations() {
    let (code, stdout, _) = clausier(&["check", "--format", "github", SEED, EXAMPLE]);
    assert_eq!(code, 1);
    let annotations: Vec<&str> = stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 13);
    assert!(annotations.iter().any(|a| a.starts_with(
        "::error file=examples/dsi-dinsic-2017-2018.csv,line=19,col=28,endColumn=37,title=ceiling.exceeded::cumulative AE reaches"
    )), "{stdout}");
    assert!(annotations.iter().all(|a| !a.contains('\n')));
    let (_, stdout, _) = clausier(&["lint", "--format", "github", BROKEN]);
    insta::assert_snapshot!("lint-github", stdout);
}

#[test]
fn plain_output_spells_out_every_location() {
    let (_, stdout, _) = clausier(&["check", "--format", "plain", SEED, EXAMPLE]);
    insta::assert_snapshot!("check-plain", stdout);
    assert!(!stdout.contains('│') && !stdout.contains('\u{1b}'));
}

#[test]
fn lint_reports_every_problem_of_every_file() {
    let (code, stdout, _) = clausier(&["lint", "--color", "never", BROKEN]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("lint-broken", stdout);
    // Every broken file is named in the output.
    for file in files_in(BROKEN, "conv") {
        assert!(
            stdout.contains(&relative(&file)),
            "{} not reported",
            relative(&file)
        );
    }
}

#[test]
fn lint_exit_codes_and_fail_level() {
    assert_eq!(clausier(&["lint", "rules"]).0, 0, "clean rule files");
    let warnings_only = "examples/ci/broken/schedule-sum.conv";
    assert_eq!(
        clausier(&["lint", warnings_only]).0,
        0,
        "warnings do not fail by default"
    );
    assert_eq!(
        clausier(&["lint", "--deny", "warnings", warnings_only]).0,
        1
    );
    assert_eq!(
        clausier(&["lint", "--fail-level", "warning", warnings_only]).0,
        1
    );
    assert_eq!(clausier(&["lint", "no/such/dir"]).0, 2);
    // The same policy applies to check. An export without rows has no
    // finding on rows, but lacking the imputation's columns it leaves
    // clauses unchecked: warnings, which fail the run at that level only.
    let header_only = "tests/cases/rules/header-only.csv";
    assert_eq!(clausier(&["check", SEED, header_only]).0, 0);
    assert_eq!(
        clausier(&["check", "--fail-level", "warning", SEED, header_only]).0,
        1
    );
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full-header.csv");
    std::fs::write(
        &full,
        "date;type;n_ej;montant;programme;centre_financier;domaine_fonctionnel;activite;centre_de_couts;fournisseur\n",
    )
    .unwrap();
    assert_eq!(
        clausier(&["check", "--deny", "warnings", SEED, full.to_str().unwrap()]).0,
        0,
        "every column present, no row: nothing to report"
    );
    let (_, json, _) = clausier(&["lint", "--format", "json", "rules"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["summary"]["files"].as_u64().unwrap() as usize,
        files_in("rules", "conv").len()
    );
}

/// Every rule file of the project that parses.
fn rule_files() -> Vec<String> {
    let mut files: Vec<String> = files_in("rules", "conv")
        .iter()
        .map(|p| relative(p))
        .collect();
    for dir in [
        "tests/cases/rules",
        "tests/cases/check",
        "tests/cases/import",
        BROKEN,
    ] {
        files.extend(files_in(dir, "conv").iter().map(|p| relative(p)));
    }
    files
        .into_iter()
        .filter(|f| clausier::language::syntax::parse(0, &read(f)).1.is_empty())
        .collect()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(common::root().join(path)).unwrap()
}

/// The model of a rule file, spans left out (they differ between layouts).
fn model(text: &str) -> Value {
    let (c, _) = clausier::compile(0, text);
    serde_json::to_value(c).unwrap()
}

#[test]
fn fmt_is_idempotent_and_keeps_the_meaning_of_every_rule_file() {
    let files = rule_files();
    assert!(files.len() >= 10, "{files:?}");
    for file in files {
        let text = read(&file);
        let once = clausier::language::format::format(&text).unwrap();
        let twice = clausier::language::format::format(&once).unwrap();
        assert_eq!(once, twice, "{file}: fmt is not idempotent");
        assert_eq!(model(&text), model(&once), "{file}: fmt changed the model");
        // Comments are kept, in order.
        let comments = |t: &str| {
            clausier::language::syntax::parse(0, t)
                .0
                .comments
                .into_iter()
                .map(|c| c.text)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            comments(&text),
            comments(&once),
            "{file}: fmt lost comments"
        );
    }
}

#[test]
fn rules_are_formatted() {
    let (code, stdout, _) = clausier(&["fmt", "--check", "rules"]);
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn fmt_check_prints_a_diff_and_fmt_rewrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("messy.conv");
    let messy = read(SEED).replace("  plafond AE 400 000 €", "\tplafond   ae 400000 EUR");
    std::fs::write(&path, &messy).unwrap();
    let p = path.to_str().unwrap();
    let (code, stdout, _) = clausier(&["fmt", "--check", p]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("-\tplafond   ae 400000 EUR") && stdout.contains("+  plafond AE 400 000 €"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        messy,
        "--check changes nothing"
    );
    assert_eq!(clausier(&["fmt", p]).0, 0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), read(SEED));
    let broken = dir.path().join("broken.conv");
    std::fs::write(&broken, "convention \"x\" {\n").unwrap();
    assert_eq!(clausier(&["fmt", broken.to_str().unwrap()]).0, 2);
}

#[test]
fn explain_every_code_and_refuse_unknown_ones() {
    for code in clausier::diag::Code::ALL {
        let (status, stdout, _) = clausier(&["explain", code.as_str()]);
        assert_eq!(status, 0);
        for section in ["Why it matters", "Example", "How to fix it"] {
            assert!(stdout.contains(section), "{code}: no {section}");
        }
    }
    let (status, _, stderr) = clausier(&["explain", "ceiling.exceed"]);
    assert_eq!(status, 2);
    assert!(
        stderr.contains("did you mean `ceiling.exceeded`?"),
        "{stderr}"
    );
}

mod layouts {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// The seed laid out anyhow (indentation, spaces between values,
        /// keyword case and accents, blank lines) formats to the seed.
        #[test]
        fn any_layout_of_the_seed_formats_to_the_seed(
            indents in proptest::collection::vec(0usize..6, 80),
            spaces in proptest::collection::vec(1usize..4, 80),
            blank in proptest::collection::vec(any::<bool>(), 80),
            shout in any::<bool>(),
        ) {
            let seed = read(SEED);
            let mut messy = String::new();
            for (i, line) in seed.lines().enumerate() {
                let k = i % 80;
                let mut line = line.trim_start().to_owned();
                if !line.starts_with('#') && !line.contains('"') && !line.contains('€') {
                    line = line.split(' ').collect::<Vec<_>>().join(&" ".repeat(spaces[k]));
                }
                if shout && line.starts_with("plafond") {
                    line = line.replacen("plafond", "PLAFOND", 1);
                }
                if line.starts_with("durée") {
                    line = line.replacen("durée", "duree", 1);
                }
                messy.push_str(&" ".repeat(indents[k]));
                messy.push_str(&line);
                messy.push('\n');
                if blank[k] && line.ends_with('}') {
                    messy.push('\n');
                }
            }
            let formatted = clausier::language::format::format(&messy).unwrap();
            prop_assert_eq!(model(&formatted), model(&seed));
            let again = clausier::language::format::format(&formatted).unwrap();
            prop_assert_eq!(&again, &formatted);
        }
    }
}

#[test]
fn the_ci_workflow_runs_clausier_commands_that_work() {
    let workflow = read("examples/ci/clausier.yml");
    let commands: Vec<&str> = workflow
        .lines()
        .filter_map(|l| l.trim().strip_prefix("run: clausier "))
        .collect();
    assert!(
        commands
            .iter()
            .any(|c| c.starts_with("lint --format sarif")),
        "{commands:?}"
    );
    for command in commands {
        let args: Vec<&str> = command
            .split(" > ")
            .next()
            .unwrap()
            .split_whitespace()
            .collect();
        let (code, stdout, stderr) = clausier(&args);
        assert_eq!(code, 0, "clausier {command}: {stdout}{stderr}");
        if command.contains("sarif") {
            validate_sarif(&stdout);
        }
    }
}

/// The language reference's envelope example parses as written and lints
/// clean, inside a convention that states the rest.
#[test]
fn readme_envelope_example_parses_as_written() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let block = readme
        .split("```")
        .skip(1)
        .step_by(2)
        .find(|b| b.contains("enveloppe \"investissement\""))
        .expect("README shows an envelope example");
    let block = block.trim_start_matches(|c| c != '\n');
    let rules = format!(
        "convention \"Exemple\" {{\n  signature 2021-01-10\n  délégant \"A\"\n  délégataire \"B\"\n  \
         marché \"développement\" titulaire \"OCTO\" chorus 1001242228\n  \
         durée {{\n    effet signature\n    fin 2022-12-31\n  }}\n{block}}}\n"
    );
    let dir = std::env::temp_dir().join(format!("clausier-readme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("exemple.conv");
    std::fs::write(&path, rules).unwrap();
    let (code, stdout, stderr) = clausier(&["lint", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}");
}

#[test]
fn human_output_draws_twenty_findings_per_code_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("many.csv");
    let mut csv = String::from("date;type;n_ej;montant;centre_financier\n");
    for i in 0..25 {
        csv.push_str(&format!("05/09/2017;AE;21031{i:05};10,00;0124-XXXX-XXXX\n"));
    }
    std::fs::write(&export, csv).unwrap();
    let export = export.to_str().unwrap();
    let (_, out, _) = clausier(&["check", "--color", "never", SEED, export]);
    let drawn = out.lines().filter(|l| *l == "imputation.mismatch").count();
    assert_eq!(drawn, 20, "{out}");
    assert!(out.contains("… and 5 more `imputation.mismatch`"), "{out}");
    assert!(
        out.contains("imputation.mismatch                25"),
        "{out}"
    );
    let (_, all, _) = clausier(&["check", "--all", "--color", "never", SEED, export]);
    assert_eq!(
        all.lines().filter(|l| *l == "imputation.mismatch").count(),
        25
    );
    assert!(!all.contains("more `imputation.mismatch`"));
    let (_, fr, _) = clausier(&["--lang", "fr", "check", "--color", "never", SEED, export]);
    assert!(fr.contains("… et 5 autres `imputation.mismatch`"), "{fr}");
}

#[test]
fn an_unknown_language_is_refused_in_both() {
    let (code, out, err) = clausier(&["--lang", "de", "explain", "all"]);
    assert_eq!(code, 2);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("unknown language `de`"), "{err}");
    assert!(err.contains("langue inconnue `de`"), "{err}");
}

/// Positions are the file's, in characters: on a row whose text has
/// accents before the field and is too wide for the terminal (the human
/// output crops it), and on a rule-file line with accents before the
/// clause, GitHub's annotations, SARIF's regions and the human header all
/// give the same column, the one an editor goes to.
#[test]
fn positions_count_characters_of_the_original_lines() {
    let export = "tests/cases/check/accents-cropped.csv";
    // The supplier of line 2 starts at character 161 (byte 169).
    let (_, github, _) = clausier(&["check", "--format", "github", SEED, export]);
    assert!(
        github.contains("file=tests/cases/check/accents-cropped.csv,line=2,col=161,endColumn=171,title=market.unknown"),
        "{github}"
    );
    // `0124-CDAF-CDSÉ` on line 3 starts at character 45.
    assert!(
        github.contains("line=3,col=45,endColumn=59,title=imputation.mismatch"),
        "{github}"
    );
    let (_, sarif, _) = clausier(&["check", "--format", "sarif", SEED, export]);
    let sarif = validate_sarif(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let market = results
        .iter()
        .find(|r| r["ruleId"] == "market.unknown")
        .unwrap();
    let region = &market["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_i64(), region["startColumn"].as_i64()),
        (Some(2), Some(161))
    );
    assert_eq!(region["endColumn"].as_i64(), Some(171));
    for lang in ["en", "fr"] {
        let (_, human, _) = clausier(&["--lang", lang, "check", "--color", "never", SEED, export]);
        assert!(
            human.contains("[tests/cases/check/accents-cropped.csv:2:161]"),
            "{human}"
        );
        assert!(
            human.contains("[tests/cases/check/accents-cropped.csv:3:45]"),
            "{human}"
        );
    }
    // `marché "développement" … chorus 1001091655`: the number is at
    // character 50 of line 7 (byte 52).
    let broken = "examples/ci/broken/duplicate-holder.conv";
    let (_, human, _) = clausier(&["lint", "--color", "never", broken]);
    assert!(human.contains(&format!("[{broken}:7:50]")), "{human}");
    let (_, github, _) = clausier(&["lint", "--format", "github", broken]);
    assert!(github.contains("line=7,col=50,"), "{github}");
    let (_, sarif, _) = clausier(&["lint", "--format", "sarif", broken]);
    let sarif = validate_sarif(&sarif);
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_i64(), region["startColumn"].as_i64()),
        (Some(7), Some(50)),
        "{sarif}"
    );
}
