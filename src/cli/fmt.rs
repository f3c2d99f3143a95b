//! `clausier fmt [--check] PATH...`: the canonical layout of rule files.

use std::io::Write;
use std::path::PathBuf;

use crate::i18n::{Lang, Message, io_error};
use crate::msg;

use clap::Args;

use super::{EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE};
use crate::report::human::Human;
use crate::source::Sources;

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Rule files, or directories searched recursively for `*.conv`; `-`
    /// reads a rule file from standard input and writes it formatted to
    /// standard output. Each file keeps its encoding, BOM and line ends.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Change nothing: print a diff for each file that is not formatted,
    /// and exit with 1 if there is one.
    #[arg(long)]
    pub check: bool,
}

pub fn run(args: &FmtArgs, lang: Lang) -> u8 {
    let mut files = Vec::new();
    let mut code = EXIT_CLEAN;
    let say = |m: Message| eprintln!("clausier: {}", lang.tr(&m));
    for path in &args.paths {
        if let Err(e) = super::collect(path, &mut files) {
            say(msg!(
                "cannot-read",
                file = path.display().to_string(),
                error = io_error(&e)
            ));
            code = EXIT_UNUSABLE;
        }
    }
    let human = Human::new(false, lang, super::terminal_width());
    for file in &files {
        let stdin = file.as_os_str() == "-";
        let name = file.display().to_string();
        let read = match super::read_text(file) {
            Ok(t) => t,
            Err(e) => {
                say(msg!(
                    "cannot-read",
                    file = name.as_str(),
                    error = io_error(&e)
                ));
                code = EXIT_UNUSABLE;
                continue;
            }
        };
        // Formatting works on `\n` line ends; the file keeps its own.
        let text = read.normalized();
        let formatted = match crate::language::format::format(&text) {
            Ok(f) => f,
            Err(errors) => {
                let mut sources = Sources::default();
                sources.add_rule(&name, text);
                for d in errors {
                    eprint!("{}", human.render(&d, &sources));
                }
                say(msg!("fmt-syntax-errors", file = name.as_str()));
                code = EXIT_UNUSABLE;
                continue;
            }
        };
        if stdin && !args.check {
            // A filter: the formatted text on standard output.
            if let Err(e) = std::io::stdout().write_all(&read.encode(&formatted)) {
                say(msg!(
                    "fmt-cannot-write",
                    file = name.as_str(),
                    error = io_error(&e)
                ));
                code = EXIT_UNUSABLE;
            }
            continue;
        }
        if formatted == text {
            continue;
        }
        if args.check {
            // A closed pipe (`fmt --check | head`) is the reader's choice.
            let _ = write!(
                std::io::stdout(),
                "{}",
                diff(&name, &text, &formatted, lang)
            );
            code = code.max(EXIT_FINDINGS);
        } else if let Err(e) = std::fs::write(file, read.encode(&formatted)) {
            say(msg!(
                "fmt-cannot-write",
                file = name.as_str(),
                error = io_error(&e)
            ));
            code = EXIT_UNUSABLE;
        }
    }
    code
}

fn diff(name: &str, old: &str, new: &str, lang: Lang) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(
            &lang.tr(&msg!("fmt-as-written", file = name)),
            &lang.tr(&msg!("fmt-formatted", file = name)),
        )
        .to_string()
}
