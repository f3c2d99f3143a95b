//! The command line. Only this module knows clap, the file system layout of
//! a run and exit codes; `main.rs` only dispatches to it.

mod check;
mod draft;
mod explain;
mod fmt;
mod lint;
mod output;
mod report;
mod shell;
mod test;
mod usage;

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
    /// else the locale: LC_ALL, LC_MESSAGES, LANG; else the system's
    /// language, as on Windows; else English).
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
    /// Drafts a rule file from a convention's signed text (PDF, Word, HTML,
    /// text), each clause citing its article; or compares the text with a
    /// rule file.
    #[command(
        after_help = "Exit codes: 0 the draft was written, 1 with --diff: the text and the rule file differ, 2 unusable input."
    )]
    Draft(draft::DraftArgs),
    /// Runs the tests of conventions (`*.essais` beside the rule files).
    #[command(
        after_help = "Exit codes: 0 every test passed, 1 a test failed, 2 a test file or its rule file cannot be used."
    )]
    Test(test::TestArgs),
    /// A language server for rule files, over standard input and output.
    Lsp,
    /// Prints a shell's completion script (bash, zsh, fish, PowerShell, elvish).
    Completions(shell::CompletionsArgs),
    /// Writes the manual pages (`clausier.1` and one per command) into a folder.
    Man(shell::ManArgs),
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

/// The rule files of a path: itself, or the `*.conv` files below it, sorted.
pub fn collect(path: &std::path::Path, files: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    if path.as_os_str() == "-" {
        files.push(path.to_path_buf());
        return Ok(());
    }
    if !path.is_dir() {
        std::fs::metadata(path)?;
        files.push(path.to_path_buf());
        return Ok(());
    }
    files_below(path, "conv", files)
}

/// The files of a folder and its subfolders whose extension is `ext`,
/// sorted by path.
pub fn files_below(
    folder: &std::path::Path,
    ext: &str,
    files: &mut Vec<std::path::PathBuf>,
) -> std::io::Result<()> {
    let mut entries: Vec<std::path::PathBuf> = std::fs::read_dir(folder)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            files_below(&entry, ext, files)?;
        } else if entry.extension().is_some_and(|e| e == ext) {
            files.push(entry);
        }
    }
    Ok(())
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

/// The language asked for before the arguments are parsed (`--lang X`,
/// `--lang=X`), so that `--help` is in it too.
fn lang_flag(args: &[std::ffi::OsString]) -> Option<String> {
    let mut words = args.iter().map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(value) = word.strip_prefix("--lang=") {
            return Some(value.to_owned());
        }
        if word == "--lang" {
            return words.next().map(|w| w.into_owned());
        }
    }
    None
}

/// The command line with its help in `lang`: each command's and argument's
/// help line from the catalogues (`help-<command>` and
/// `help-<command>-<argument>`, the command's path joined by `-`).
pub fn command(lang: Lang) -> clap::Command {
    let mut cmd = unbuilt(lang);
    if lang == Lang::Fr {
        // clap writes its own `help` command when the tree is built: built
        // here, so that it can be said in French too.
        cmd.build();
        cmd = cmd.mut_subcommand("help", |s| {
            s.about("Affiche ce message, ou l'aide des commandes données")
        });
    }
    cmd
}

/// The command line in `lang` before clap adds its `help` command: what
/// the manual pages are written from (one page per command of clausier's).
pub fn unbuilt(lang: Lang) -> clap::Command {
    localize(<Cli as clap::CommandFactory>::command(), "clausier", lang)
}

fn localize(mut cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    use crate::i18n::Message;
    let t = |id: String| {
        lang.has(&id)
            .then(|| lang.tr(&Message::entry(id)).into_owned())
    };
    if let Some(about) = t(format!("help-{path}")) {
        cmd = cmd.about(about).long_about(None);
    }
    // Help wrapped at words to the terminal's width (80 in a pipe), as
    // every other output.
    let width = terminal_width();
    cmd = cmd.term_width(width).max_term_width(width);
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        if let Some(help) = t(format!("help-{path}-{id}")) {
            cmd = cmd.mut_arg(id.as_str(), |a| {
                let a = a.help(help).long_help(None);
                // In French, the values and their meaning are in the help
                // line: clap would list them in English.
                let takes = a.get_action().takes_values();
                let listed = takes && !a.get_possible_values().is_empty();
                // In French, defaults are said in the help line too
                // (`par défaut`): clap would write `[default: …]`.
                match lang {
                    Lang::Fr if listed => a.hide_possible_values(true).hide_default_value(true),
                    Lang::Fr if takes => a.hide_default_value(true),
                    _ => a,
                }
            });
        }
    }
    let exit_codes = match path {
        "clausier-report" => "help-exit-codes-report",
        "clausier-draft" => "help-exit-codes-draft",
        _ => "help-exit-codes",
    };
    if let Some(after) = t(exit_codes.to_owned()).filter(|_| cmd.get_after_help().is_some()) {
        cmd = cmd.after_help(after);
    }
    if lang == Lang::Fr {
        cmd = cmd
            .help_template(
                "{about-with-newline}\nUtilisation\u{a0}: {usage}\n\n{all-args}{after-help}",
            )
            // clap writes `{heading}:`: French puts a space before the colon.
            .subcommand_help_heading("Commandes\u{a0}")
            .disable_help_flag(true)
            .arg(
                clap::Arg::new("help")
                    .short('h')
                    .long("help")
                    .action(clap::ArgAction::Help)
                    .help("Affiche l'aide"),
            );
        if path == "clausier" {
            cmd = cmd.disable_version_flag(true).arg(
                clap::Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(clap::ArgAction::Version)
                    .help("Affiche la version"),
            );
        }
        // clap writes `{heading}:`: French puts a space before the colon.
        let ids: Vec<(String, bool)> = cmd
            .get_arguments()
            .map(|a| (a.get_id().to_string(), a.is_positional()))
            .collect();
        // In their declared order: clap would list the arguments given a
        // heading last first.
        for (order, (id, positional)) in ids.into_iter().enumerate() {
            let heading = if positional {
                "Arguments\u{a0}"
            } else {
                "Options\u{a0}"
            };
            cmd = cmd.mut_arg(id, |a| a.help_heading(heading).display_order(order));
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let sub = format!("{path}-{name}");
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize(s, &sub, lang));
    }
    cmd
}

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language first: from `--lang`, the environment or the locale.
    let lang = Lang::choose(
        lang_flag(&args).as_deref(),
        |name| std::env::var(name).ok(),
        sys_locale::get_locale,
    )
    .unwrap_or_default();
    let parsed = command(lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if usage::is_display(&e) => e.exit(),
        Err(e) => {
            let cmd = command(lang);
            let commands: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
            let subcommand = args
                .iter()
                .skip(1)
                .find_map(|a| a.to_str().filter(|a| commands.contains(a)));
            eprintln!("{}", usage::describe(&e, subcommand, &commands, lang));
            return ExitCode::from(EXIT_UNUSABLE);
        }
    };
    let lang = match Lang::choose(
        cli.lang.as_deref(),
        |name| std::env::var(name).ok(),
        sys_locale::get_locale,
    ) {
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
        Command::Draft(args) => draft::run(&args, lang),
        Command::Test(args) => test::run(&args, lang),
        Command::Lsp => {
            let (connection, io) = lsp_server::Connection::stdio();
            // The editor's language, unless `--lang` or `CLAUSIER_LANG`
            // says otherwise; without either, the locale's or the system's.
            let explicit =
                cli.lang.is_some() || std::env::var("CLAUSIER_LANG").is_ok_and(|v| !v.is_empty());
            let choose = |editor: Option<&str>| match editor {
                Some(locale) if !explicit => Lang::of_locale(locale),
                _ => lang,
            };
            let served = crate::lsp::serve(
                &connection,
                choose,
                crate::language::lints::today(),
                explain::write_pages,
            );
            drop(connection);
            let joined = io.join();
            match (served, joined) {
                (Ok(()), Ok(())) => EXIT_CLEAN,
                (Err(e), _) => {
                    eprintln!("clausier lsp: {e}");
                    EXIT_UNUSABLE
                }
                (_, Err(e)) => {
                    eprintln!("clausier lsp: {e}");
                    EXIT_UNUSABLE
                }
            }
        }
        Command::Completions(args) => shell::completions(&args, lang),
        Command::Man(args) => shell::man(&args, lang),
    };
    ExitCode::from(code)
}
