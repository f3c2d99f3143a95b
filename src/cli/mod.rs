//! The command line. Only this module knows clap, the file system layout of
//! a run and exit codes; `main.rs` only dispatches to it.

mod check;
mod explain;
mod fmt;
mod lint;
mod output;
mod report;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

pub use check::CheckArgs;
pub use output::{FailLevel, OutputArgs};

/// Exit codes, one per outcome.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_UNUSABLE: u8 = 2;

const EXIT_CODES: &str = "Exit codes: 0 no failing finding, 1 at least one finding at or above \
the fail level (errors by default; `--deny warnings` adds warnings; for `fmt --check`, a file \
not formatted), 2 unusable input (for `check`, a rule file with errors; a missing or unreadable \
file; an export without the required columns; a rule file with syntax errors for `fmt`).";

/// Checks conventions de délégation de gestion against CHORUS exports.
#[derive(Debug, Parser)]
#[command(name = "clausier", version, about, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of what clausier says: `fr` or `en` (else CLAUSIER_LANG,
    /// else the locale: LC_ALL, LC_MESSAGES, LANG; else English).
    #[arg(long, global = true, value_name = "fr|en")]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Evaluates exported transactions against a convention's clauses.
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// Checks rule files: syntax, clauses, values and consistency.
    #[command(after_help = EXIT_CODES)]
    Lint(lint::LintArgs),
    /// Rewrites rule files in the canonical layout (or checks it).
    #[command(after_help = EXIT_CODES)]
    Fmt(fmt::FmtArgs),
    /// The consumption statement: per year, month, holder and commitment,
    /// against the schedule and the ceilings in force (human, JSON, CSV, HTML).
    #[command(after_help = "Exit codes: 0 the statement was written, 2 unusable input.")]
    Report(report::ReportArgs),
    /// Explains a diagnostic code: meaning, why it matters, example, fix.
    Explain(explain::ExplainArgs),
}

/// When to colour human output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    Always,
    Never,
}

impl Color {
    pub fn enabled(self) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// The width of the terminal on standard output, in columns; 80 when it
/// is not a terminal (a file, a pipe, a CI log) or cannot be asked.
/// `COLUMNS` overrides both.
pub fn terminal_width() -> usize {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
    {
        return n.clamp(40, 400);
    }
    terminal_size::terminal_size_of(std::io::stdout())
        .map_or(80, |(w, _)| usize::from(w.0).clamp(40, 400))
}

/// Reads a rule file or profile (`-`: standard input), in whatever
/// encoding and line ends Windows or another system wrote it.
pub fn read_text(path: &std::path::Path) -> std::io::Result<crate::input::encoding::TextFile> {
    use std::io::Read;
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes)?;
        bytes
    } else {
        std::fs::read(path)?
    };
    // Text never holds NUL: such a file is binary, whatever its name.
    if bytes.contains(&0) && !bytes.starts_with(b"\xff\xfe") && !bytes.starts_with(b"\xfe\xff") {
        return Err(std::io::Error::from(std::io::ErrorKind::InvalidData));
    }
    Ok(crate::input::encoding::TextFile::decode(&bytes))
}

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match Lang::choose(cli.lang.as_deref(), |name| std::env::var(name).ok()) {
        Ok(lang) => lang,
        Err(value) => {
            // No language yet: said in both.
            for lang in Lang::ALL {
                let line = crate::msg!("unknown-language", value = value.as_str());
                eprintln!("clausier: {}", lang.tr(&line));
            }
            return ExitCode::from(EXIT_UNUSABLE);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(&args, lang),
        Command::Lint(args) => lint::run(&args, lang),
        Command::Fmt(args) => fmt::run(&args, lang),
        Command::Report(args) => report::run(&args, lang),
        Command::Explain(args) => explain::run(&args, lang),
    };
    ExitCode::from(code)
}
