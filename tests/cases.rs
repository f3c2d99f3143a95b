//! Data-driven cases: each input file under `tests/cases/<stage>/` has its
//! rendered output (colour off) as an insta snapshot.
//!
//! - `check/<case>.csv`: `clausier check` of the export against the seed
//!   rule file, or against `check/<case>.conv` when there is one;
//! - `rules/<case>.conv`: `clausier check` of the rule file against a
//!   header-only export, which shows every diagnostic of the rule file;
//! - `import/<case>.{csv,xlsx,ods}`: `clausier check` of an export of
//!   another layout (with `<case>.profile` when there is one);
//! - `frames/`: `clausier lint` of a folder of sub-delegations (among the
//!   commands run in both languages);
//! - `differential/<case>/`: `clausier check` of the folder's rule files
//!   (a rules folder) against its `export.csv`: the cases the differential
//!   tests keep, with the findings they give; and `clausier report` of the
//!   same, the statement of each convention.
//!
//! Every case runs in English and in French (`--lang fr`): each snapshot
//! has its French twin, suffixed `fr`.

mod common;

use common::{clausier, relative, rules_for};

/// Runs `clausier ARGS…` in English, then in French, and snapshots both
/// (a macro, so that snapshots are named after the calling test).
macro_rules! both_languages {
    ($path:expr, $args:expr) => {{
        let name = $path.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let args: &[&str] = $args;
        for lang in ["en", "fr"] {
            let mut all = vec!["--lang", lang];
            all.extend_from_slice(args);
            let (code, stdout, stderr) = clausier(&all);
            let shown = format!(
                "$ clausier {}\nexit: {code}\n{stderr}{stdout}",
                args.join(" ")
            );
            if lang == "en" {
                insta::assert_snapshot!(shown);
            } else {
                insta::with_settings!({ snapshot_suffix => format!("{name}.fr") }, {
                    insta::assert_snapshot!(shown);
                });
            }
        }
    }};
}

#[test]
fn check_cases() {
    insta::glob!("cases/check/*.csv", |path| {
        let export = relative(path);
        let rules = rules_for(path);
        both_languages!(path, &["check", "--color", "never", &rules, &export]);
    });
}

#[test]
fn folder_cases() {
    insta::glob!("cases/differential/*/export.csv", |path| {
        let export = relative(path);
        let folder = path.parent().expect("a case folder");
        let rules = relative(folder);
        both_languages!(folder, &["check", "--color", "never", &rules, &export]);
    });
}

/// The statement of each rules-folder case (`report`, in words), dated so
/// that the key dates' status does not change with the day it runs; the
/// audit lines (time of the run, digests) are left out.
#[test]
fn folder_reports() {
    insta::glob!("cases/differential/*/export.csv", |path| {
        let export = relative(path);
        let folder = path.parent().expect("a case folder");
        let rules = relative(folder);
        let name = folder
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        for lang in ["en", "fr"] {
            let args = [
                "--lang",
                lang,
                "report",
                "--date",
                "2026-01-01",
                &rules,
                &export,
            ];
            let (code, stdout, stderr) = clausier(&args);
            let stdout = stdout
                .split("\nAudit")
                .next()
                .unwrap_or_default()
                .split("\nTraçabilité")
                .next()
                .unwrap_or_default();
            let shown = format!(
                "$ clausier {}\nexit: {code}\n{stderr}{stdout}",
                args.join(" ")
            );
            insta::with_settings!({ snapshot_suffix => format!("{name}.{lang}") }, {
                insta::assert_snapshot!(shown);
            });
        }
    });
}

#[test]
fn rule_cases() {
    insta::glob!("cases/rules/*.conv", |path| {
        let rules = relative(path);
        let export = "tests/cases/rules/header-only.csv";
        both_languages!(path, &["check", "--color", "never", &rules, export]);
    });
}

#[test]
fn import_cases() {
    insta::glob!("cases/import/*.{csv,xlsx,ods}", |path| {
        let export = relative(path);
        let rules = rules_for(path);
        let mut args = vec!["check", "--color", "never", &rules, &export];
        let profile = path.with_extension("profile");
        let profile = relative(&profile);
        if path.with_extension("profile").exists() {
            args.extend(["--profile", &profile]);
        }
        both_languages!(path, &args);
    });
}

/// The other subcommands, in English and in French: `explain`, `lint` and
/// `report` (its text statement; the HTML statement is tested apart).
#[test]
fn commands_in_both_languages() {
    let commands: &[(&str, &[&str])] = &[
        ("explain-ceiling", &["explain", "ceiling.exceeded"]),
        ("explain-all", &["explain", "all"]),
        // Sub-delegations linted together: a child beyond its parent, and a
        // `cadre` naming no convention of the folder.
        (
            "lint-frames",
            &["lint", "--color", "never", "tests/cases/frames"],
        ),
        (
            "lint-rules",
            &[
                "lint",
                "--color",
                "never",
                "rules",
                "tests/cases/rules/lints.conv",
            ],
        ),
        (
            "report-hebergement",
            &[
                "report",
                "--date",
                "2020-09-01",
                "rules/hebergement-2019.conv",
                "examples/hebergement-2019-2020.csv",
            ],
        ),
        (
            "report-portfolio",
            &[
                "report",
                "--date",
                "2024-06-01",
                "rules",
                "examples/hebergement-2019-2020.csv",
                "examples/sgg-enveloppes-2023-2024.csv",
                "examples/sgg-paiements-2022-2024.csv",
            ],
        ),
        (
            "report-hebergement-au",
            &[
                "report",
                "--du",
                "2019-06-01",
                "--au",
                "2019-11-30",
                "rules/hebergement-2019.conv",
                "examples/hebergement-2019-2020.csv",
            ],
        ),
    ];
    for (name, args) in commands {
        for lang in ["en", "fr"] {
            let mut all = vec!["--lang", lang];
            all.extend_from_slice(args);
            let (code, stdout, stderr) = clausier(&all);
            // The audit record's time of evaluation changes with each run.
            let stdout: String = stdout
                .lines()
                .map(|l| {
                    if l.starts_with("Audit:") || l.starts_with("Traçabilité") {
                        "[audit line]"
                    } else {
                        l
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            insta::assert_snapshot!(
                format!("{name}.{lang}"),
                format!(
                    "$ clausier {}\nexit: {code}\n{stderr}{stdout}",
                    all.join(" ")
                )
            );
        }
    }
}
