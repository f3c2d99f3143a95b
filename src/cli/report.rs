//! `clausier report RULES EXPORT...`: the consumption statement of a
//! convention, as text, JSON, CSV or one self-contained HTML file.

use crate::i18n::Lang;
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::check::{InputArgs, prepare};
use super::output::{FailLevel, Output, OutputArgs};
use super::{Color, EXIT_CLEAN, EXIT_UNUSABLE};
use crate::diag::Counts;
use crate::report::Format;
use crate::report::statement::{
    CsvDialect, EachLine, FindingLine, Findings, csv, html, human, json,
};
use crate::run::{self, Outcome};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
    Csv,
    Html,
    /// An Excel workbook (with `--output`).
    Xlsx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Dialect {
    Excel,
    Plain,
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
    /// The CSV's dialect: `excel` (a BOM, `;`, a decimal comma, CRLF: what
    /// French Excel opens as numbers) or `plain` (no BOM, a decimal point,
    /// LF: for programs). Text cells are guarded against formulas in both.
    #[arg(long, value_enum, default_value_t = Dialect::Excel)]
    pub csv_dialect: Dialect,
    /// The statement's date: key dates before it are marked past, those
    /// within the 90 days after it marked soon (the `--au` date, else today,
    /// when absent).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<chrono::NaiveDate>,
    /// States the consumption as at this date: rows dated after it are left
    /// out (and counted), ceilings and forecasts are those in force on it,
    /// and the time left runs from it.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub au: Option<chrono::NaiveDate>,
    /// Starts the statement's months and charts on this date; rows before
    /// it are still checked and count in the cumulative figures.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub du: Option<chrono::NaiveDate>,
    /// Write the statement to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

pub fn run(args: &ReportArgs, lang: Lang) -> u8 {
    if let (Some(from), Some(until)) = (args.du, args.au)
        && from > until
    {
        let line = crate::msg!(
            "report-period-reversed",
            from = lang.date(from),
            until = lang.date(until)
        );
        eprintln!("clausier: {}", lang.tr(&line));
        return EXIT_UNUSABLE;
    }
    // Problems with the inputs are shown as `check` shows them, on
    // standard error: standard output holds the statement.
    let diagnostics = OutputArgs {
        format: Format::Human,
        color: Color::Auto,
        fail_level: FailLevel::None,
        deny: None,
        date: None,
        all: true,
    };
    let mut output = Output::stderr(&diagnostics, lang);
    let p = match prepare(&args.rules, &args.exports, &args.input, true, &mut output) {
        Ok(p) => p,
        Err(sources) => return output.end(None, &sources, EXIT_UNUSABLE),
    };
    let sources = p.sources;
    // Findings come in export order and may be more than memory holds:
    // they wait, encoded, in an arena that spills to a temporary file.
    let mut held = crate::order::InOrder::new();
    let mut counts: Vec<(usize, Counts)> = Vec::new();
    let period = crate::eval::Period {
        from: args.du,
        until: args.au,
    };
    let statements = run::Statements {
        period,
        every_convention: true,
    };
    let outcome = run::check_over(
        &p.conventions,
        p.exports,
        &sources,
        (p.threads, statements),
        &p.progress,
        &mut |_, d| {
            // Each finding of a convention (at its clause, or applying the
            // law to its rows) counts for it.
            if let Some(c) = d.convention_source() {
                match counts.iter_mut().find(|(source, _)| *source == c) {
                    Some((_, n)) => n.add(&d),
                    None => {
                        let mut n = Counts::default();
                        n.add(&d);
                        counts.push((c, n));
                    }
                }
            }
            held.push(d);
        },
    );
    let Some(Ok(audit)) = p.audit.map(std::thread::JoinHandle::join) else {
        return EXIT_UNUSABLE;
    };
    let mut summary = match outcome {
        Outcome::Done(s) => s,
        Outcome::Unusable(_) => {
            let drained = held.drain(&mut |d| output.emit(&d, &sources));
            if let Err(e) = drained {
                output.emit(&crate::run::spill_failed(&e), &sources);
            }
            return output.end(None, &sources, EXIT_UNUSABLE);
        }
    };
    let on = args
        .date
        .or(args.au)
        .unwrap_or_else(crate::language::lints::today);
    for st in &mut summary.statements {
        if let Some((_, n)) = counts
            .iter()
            .find(|(source, _)| sources.name(*source) == st.convention)
        {
            st.findings = *n;
        }
    }
    crate::report::statement::settle(&mut summary.statements, on, lang);
    let findings = Findings {
        count: held.len(),
        each: Box::new(|write: &mut EachLine<'_>| {
            held.try_drain(&mut |d| write(&FindingLine::of(&d, &sources, lang)))
        }),
    };
    if args.format == ReportFormat::Xlsx {
        let Some(path) = &args.output else {
            eprintln!(
                "clausier: {}",
                lang.tr(&crate::i18n::Message::new("report-xlsx-needs-output"))
            );
            return EXIT_UNUSABLE;
        };
        let written = crate::report::xlsx::workbook(&summary.statements, findings, &audit, lang)
            .and_then(|mut book| {
                book.save(path)
                    .map_err(|e| std::io::Error::other(e.to_string()))
            });
        return match written {
            Ok(()) => EXIT_CLEAN,
            Err(e) => {
                let line = crate::msg!("cannot-write-report", error = crate::i18n::io_error(&e));
                eprintln!("clausier: {}", lang.tr(&line));
                EXIT_UNUSABLE
            }
        };
    }
    let write = |w: &mut dyn Write| {
        let dialect = match args.csv_dialect {
            Dialect::Excel => CsvDialect::Excel,
            Dialect::Plain => CsvDialect::Plain,
        };
        render(
            (args.format, dialect),
            w,
            &summary.statements,
            findings,
            &audit,
            lang,
        )?;
        w.flush()
    };
    let written = match &args.output {
        Some(path) => {
            std::fs::File::create(path).and_then(|file| write(&mut std::io::BufWriter::new(file)))
        }
        None => write(&mut std::io::BufWriter::new(std::io::stdout().lock())),
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

fn render(
    (format, dialect): (ReportFormat, CsvDialect),
    w: &mut dyn Write,
    statements: &[crate::eval::statement::Statement],
    findings: Findings<'_>,
    audit: &crate::audit::Audit,
    lang: Lang,
) -> std::io::Result<()> {
    match format {
        ReportFormat::Human => human(w, statements, findings, audit, lang),
        ReportFormat::Json => json(w, statements, findings, audit, lang),
        ReportFormat::Csv => w.write_all(csv(statements, dialect, lang).as_bytes()),
        ReportFormat::Html => html(w, statements, findings, audit, lang),
        // Written to its file by `run`, above.
        ReportFormat::Xlsx => Ok(()),
    }
}
