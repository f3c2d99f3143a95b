//! Data-driven cases: each input file under `tests/cases/<stage>/` has its
//! rendered output (colour off) as an insta snapshot.
//!
//! - `check/<case>.csv`: `clausier check` of the export against the seed
//!   rule file, or against `check/<case>.conv` when there is one;
//! - `rules/<case>.conv`: `clausier check` of the rule file against a
//!   header-only export, which shows every diagnostic of the rule file.

mod common;

use common::{clausier, relative, rules_for};

#[test]
fn check_cases() {
    insta::glob!("cases/check/*.csv", |path| {
        let export = relative(path);
        let rules = rules_for(path);
        let (code, stdout, stderr) = clausier(&["check", "--color", "never", &rules, &export]);
        insta::assert_snapshot!(format!(
            "$ clausier check {rules} {export}\nexit: {code}\n{stderr}{stdout}"
        ));
    });
}

#[test]
fn rule_cases() {
    insta::glob!("cases/rules/*.conv", |path| {
        let rules = relative(path);
        let export = "tests/cases/rules/header-only.csv";
        let (code, stdout, stderr) = clausier(&["check", "--color", "never", &rules, export]);
        insta::assert_snapshot!(format!(
            "$ clausier check {rules} {export}\nexit: {code}\n{stderr}{stdout}"
        ));
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
        let (code, stdout, stderr) = clausier(&args);
        insta::assert_snapshot!(format!(
            "$ clausier {}\nexit: {code}\n{stderr}{stdout}",
            args.join(" ")
        ));
    });
}
