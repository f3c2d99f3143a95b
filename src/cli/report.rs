//! `clausier report RULES EXPORT...`: the consumption statement of a
//! convention, as text, JSON, CSV or one self-contained HTML file.

use crate::i18n::Lang;
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::check::{InputArgs, prepare};
use super::output::{FailLevel, Output, OutputArgs};
use super::{Color, EXIT_CLEAN, EXIT_UNUSABLE};
use crate::report::Format;
use crate::report::statement::{csv, finding_lines, html, human, json};
use crate::run::{self, Outcome};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
    Csv,
    Html,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The convention's rule file, or a folder of rule files.
    pub rules: PathBuf,
    /// Exports (CSV, XLSX, XLS, ODS; `-` for standard input).
    #[arg(required = true)]
    pub exports: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Write the statement to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

pub fn run(args: &ReportArgs, lang: Lang) -> u8 {
    // Problems with the inputs are shown as `check` shows them.
    let diagnostics = OutputArgs {
        format: Format::Human,
        color: Color::Auto,
        fail_level: FailLevel::None,
        deny: None,
        date: None,
        all: true,
    };
    let mut output = Output::stdout(&diagnostics, lang);
    let p = match prepare(&args.rules, &args.exports, &args.input, true, &mut output) {
        Ok(p) => p,
        Err(sources) => return output.end(None, &sources, EXIT_UNUSABLE),
    };
    let sources = p.sources;
    let mut findings = Vec::new();
    let outcome = run::check(
        &p.conventions,
        p.exports,
        &sources,
        p.threads,
        &p.progress,
        &mut |_, d| {
            findings.push(d);
        },
    );
    let Some(Ok(audit)) = p.audit.map(std::thread::JoinHandle::join) else {
        return EXIT_UNUSABLE;
    };
    let summary = match outcome {
        Outcome::Done(s) => s,
        Outcome::Unusable(_) => {
            for d in &findings {
                output.emit(d, &sources);
            }
            return output.end(None, &sources, EXIT_UNUSABLE);
        }
    };
    let lines = finding_lines(&findings, &sources, lang);
    let text = match args.format {
        ReportFormat::Human => human(&summary.statements, &lines, &audit, lang),
        ReportFormat::Json => json(&summary.statements, &lines, &audit, lang),
        ReportFormat::Csv => csv(&summary.statements),
        ReportFormat::Html => html(&summary.statements, &lines, &audit, lang),
    };
    let written = match &args.output {
        Some(path) => std::fs::write(path, text),
        None => std::io::stdout().lock().write_all(text.as_bytes()),
    };
    match written {
        Ok(()) => EXIT_CLEAN,
        Err(e) => {
            let line = crate::msg!("cannot-write-report", error = crate::i18n::io_error(&e));
            eprintln!("clausier: {}", lang.tr(&line));
            EXIT_UNUSABLE
        }
    }
}
