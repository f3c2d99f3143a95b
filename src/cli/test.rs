//! `clausier test [PATH...]`: the tests of conventions (`crate::testing`),
//! reported as `cargo test` does, or as JSON or JUnit XML for CI.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::report::human::Human;
use crate::source::Sources;
use crate::testing::{self, Finding, Rows, Verdict};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    /// One line per test, the findings of a failure, a closing count.
    Human,
    Json,
    /// JUnit XML, which CI systems read.
    Junit,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Test files (`*.essais`), rule files (their tests beside them), or
    /// folders searched for `*.essais`; `rules` when absent.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TestFormat::Human)]
    pub format: TestFormat,
}

/// One test's outcome, as reported.
struct Outcome {
    file: String,
    name: String,
    verdict: Verdict,
}

pub fn run(args: &TestArgs, lang: Lang) -> u8 {
    let say = |m: Message| eprintln!("clausier: {}", lang.tr(&m));
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        args.paths.clone()
    };
    let mut files = Vec::new();
    for path in &paths {
        if let Err(e) = collect(path, &mut files) {
            say(msg!(
                "cannot-read",
                file = path.display().to_string(),
                error = crate::i18n::io_error(&e)
            ));
            return EXIT_UNUSABLE;
        }
    }
    if files.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        say(msg!("test-no-tests", paths = shown.join(", ")));
        return EXIT_UNUSABLE;
    }
    let today = crate::language::lints::today();
    let mut outcomes = Vec::new();
    for file in &files {
        match run_file(file, today, lang) {
            Ok(mut done) => outcomes.append(&mut done),
            Err(()) => return EXIT_UNUSABLE,
        }
    }
    let failed = outcomes.iter().filter(|o| !o.verdict.passed()).count();
    let text = match args.format {
        TestFormat::Human => human(&outcomes, lang, super::terminal_width()),
        TestFormat::Json => json(&outcomes),
        TestFormat::Junit => junit(&outcomes, lang),
    };
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if failed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Test files of a path: itself, the tests beside a rule file, or the
/// `*.essais` below a folder, sorted.
fn collect(path: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        return super::files_below(path, "essais", files);
    }
    let file = if path.extension().is_some_and(|e| e == "conv") {
        testing::tests_of(path)
    } else {
        path.to_path_buf()
    };
    std::fs::metadata(&file)?;
    files.push(file);
    Ok(())
}

/// Runs every test of a test file; `Err` (after saying why) when the file
/// or its rule file cannot be read, or the test file has mistakes.
fn run_file(file: &Path, today: chrono::NaiveDate, lang: Lang) -> Result<Vec<Outcome>, ()> {
    let say = |m: Message| eprintln!("clausier: {}", lang.tr(&m));
    let name = file.display().to_string();
    let read = |path: &Path| {
        super::read_text(path).map(|t| t.normalized()).map_err(|e| {
            say(msg!(
                "cannot-read",
                file = path.display().to_string(),
                error = crate::i18n::io_error(&e)
            ));
        })
    };
    let text = read(file)?;
    let mut sources = Sources::default();
    let id = sources.add_rule(&name, text);
    let (suite, diags) = testing::parse(id, sources.rule_text(id).unwrap_or(""));
    if !diags.is_empty() {
        let human = Human::new(false, lang, super::terminal_width());
        for d in &diags {
            eprint!("{}", human.render(d, &sources));
        }
        return Err(());
    }
    let rules_path = testing::rules_of(file);
    if !rules_path.exists() {
        say(msg!(
            "test-no-rules",
            rules = rules_path.display().to_string()
        ));
        return Err(());
    }
    let rules = read(&rules_path)?;
    let rules_name = rules_path.display().to_string();
    let folder = file.parent().unwrap_or(Path::new("."));
    let mut outcomes = Vec::new();
    for case in &suite.cases {
        let verdict = match &case.rows {
            Rows::Inline { columns, rows } => {
                let csv = testing::inline_csv(columns, rows);
                let written = tempfile::Builder::new()
                    .suffix(".csv")
                    .tempfile()
                    .and_then(|mut f| f.write_all(csv.as_bytes()).map(|()| f));
                match written {
                    Ok(temp) => testing::run((&rules_name, &rules), case, temp.path(), true, today),
                    Err(e) => {
                        say(msg!(
                            "cannot-write-spill",
                            error = crate::i18n::io_error(&e)
                        ));
                        return Err(());
                    }
                }
            }
            Rows::File(path) => testing::run(
                (&rules_name, &rules),
                case,
                &folder.join(path),
                false,
                today,
            ),
        };
        outcomes.push(Outcome {
            file: name.clone(),
            name: case.name.clone(),
            verdict,
        });
    }
    Ok(outcomes)
}

fn finding_line(f: &Finding, lang: Lang) -> String {
    let m = match f.row {
        Some(row) => msg!("test-row", row = row.to_string(), code = f.code.as_str()),
        None => msg!("test-no-row", code = f.code.as_str()),
    };
    lang.tr(&m).into_owned()
}

/// Expected and found findings, those of one list the other lacks marked
/// `-` (expected, not found) and `+` (found, not expected), counted as
/// multisets: a finding expected once and found twice is marked once.
fn difference(v: &Verdict, lang: Lang) -> String {
    let mut out = String::new();
    let list = |out: &mut String,
                title: &'static str,
                these: &[Finding],
                others: &[Finding],
                mark: char| {
        out.push_str(&format!("{}\n", lang.tr(&Message::new(title))));
        if these.is_empty() {
            out.push_str(&format!("    {}\n", lang.tr(&Message::new("test-none"))));
        }
        let mut unmatched: Vec<Finding> = others.to_vec();
        for f in these {
            let sign = match unmatched.iter().position(|o| o == f) {
                Some(i) => {
                    unmatched.swap_remove(i);
                    ' '
                }
                None => mark,
            };
            out.push_str(&format!("  {sign} {}\n", finding_line(f, lang)));
        }
    };
    list(&mut out, "test-expected", &v.expected, &v.actual, '-');
    list(&mut out, "test-actual", &v.actual, &v.expected, '+');
    out
}

/// The report, each line wrapped to the terminal's `width`.
fn human(outcomes: &[Outcome], lang: Lang, width: usize) -> String {
    let t = |id: &'static str| lang.tr(&Message::new(id)).into_owned();
    let mut out = format!(
        "\n{}\n",
        lang.tr(&Message::new("test-running").count("count", outcomes.len()))
    );
    for o in outcomes {
        let status = if o.verdict.passed() {
            t("test-ok")
        } else {
            t("test-failed")
        };
        let line = msg!(
            "test-line",
            file = o.file.as_str(),
            name = o.name.as_str(),
            status = status
        );
        out.push_str(&format!("{}\n", lang.tr(&line)));
    }
    let failed: Vec<&Outcome> = outcomes.iter().filter(|o| !o.verdict.passed()).collect();
    if !failed.is_empty() {
        out.push_str(&format!("\n{}\n", t("test-failures")));
        for o in &failed {
            out.push_str(&format!("\n---- {} :: {} ----\n", o.file, o.name));
            match &o.verdict.error {
                Some(diags) => {
                    out.push_str(&format!("{}\n", t("test-could-not-run")));
                    for d in diags {
                        out.push_str(&format!("  {}: {}\n", d.code.as_str(), lang.tr(&d.message)));
                    }
                }
                None => out.push_str(&difference(&o.verdict, lang)),
            }
        }
    }
    let status = if failed.is_empty() {
        t("test-ok")
    } else {
        t("test-failed")
    };
    let result = msg!("test-result", status = status)
        .count("passed", outcomes.len() - failed.len())
        .count("failed", failed.len());
    out.push_str(&format!("\n{}\n", lang.tr(&result)));
    out.lines()
        .map(|line| crate::report::human::wrap(line, width) + "\n")
        .collect()
}

#[derive(serde::Serialize)]
struct JsonTest<'a> {
    file: &'a str,
    name: &'a str,
    passed: bool,
    expected: Vec<JsonFinding>,
    found: Vec<JsonFinding>,
    error: Option<Vec<String>>,
}

#[derive(serde::Serialize)]
struct JsonFinding {
    row: Option<u64>,
    code: &'static str,
}

fn json(outcomes: &[Outcome]) -> String {
    let findings = |fs: &[Finding]| {
        fs.iter()
            .map(|f| JsonFinding {
                row: f.row,
                code: f.code.as_str(),
            })
            .collect()
    };
    let tests: Vec<JsonTest<'_>> = outcomes
        .iter()
        .map(|o| JsonTest {
            file: &o.file,
            name: &o.name,
            passed: o.verdict.passed(),
            expected: findings(&o.verdict.expected),
            found: findings(&o.verdict.actual),
            error: o.verdict.error.as_ref().map(|ds| {
                ds.iter()
                    .map(|d| crate::i18n::Lang::En.tr(&d.message).into_owned())
                    .collect()
            }),
        })
        .collect();
    let failed = tests.iter().filter(|t| !t.passed).count();
    let doc = serde_json::json!({
        "tests": tests,
        "passed": tests.len() - failed,
        "failed": failed,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn junit(outcomes: &[Outcome], lang: Lang) -> String {
    let failed = outcomes.iter().filter(|o| !o.verdict.passed()).count();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"clausier\" tests=\"{}\" failures=\"{failed}\">\n",
        outcomes.len()
    );
    let mut files: Vec<&str> = outcomes.iter().map(|o| o.file.as_str()).collect();
    files.dedup();
    for file in files {
        let these: Vec<&Outcome> = outcomes.iter().filter(|o| o.file == file).collect();
        let failures = these.iter().filter(|o| !o.verdict.passed()).count();
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\">\n",
            xml(file),
            these.len()
        ));
        for o in these {
            out.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{}\"",
                xml(file),
                xml(&o.name)
            ));
            if o.verdict.passed() {
                out.push_str("/>\n");
            } else {
                let body = match &o.verdict.error {
                    Some(ds) => ds
                        .iter()
                        .map(|d| lang.tr(&d.message).into_owned())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    None => difference(&o.verdict, lang),
                };
                out.push_str(&format!(
                    ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                    xml(&lang.tr(&Message::new("test-failed"))),
                    xml(&body)
                ));
            }
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
