//! `clausier fmt [--check] PATH...`: the canonical layout of rule files.

use crate::i18n::Lang;
use std::path::PathBuf;

use clap::Args;

use super::{EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE};
use crate::report::human::Human;
use crate::source::Sources;

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Rule files, or directories searched recursively for `*.conv`.
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
    for path in &args.paths {
        if let Err(e) = super::lint::collect(path, &mut files) {
            eprintln!("clausier: cannot read `{}`: {e}", path.display());
            code = EXIT_UNUSABLE;
        }
    }
    let human = Human::new(false, lang);
    for file in &files {
        let name = file.display().to_string();
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("clausier: cannot read `{name}`: {e}");
                code = EXIT_UNUSABLE;
                continue;
            }
        };
        let formatted = match crate::language::format::format(&text) {
            Ok(f) => f,
            Err(errors) => {
                let mut sources = Sources::default();
                sources.add_rule(&name, text);
                for d in errors {
                    eprint!("{}", human.render(&d, &sources));
                }
                eprintln!("clausier: `{name}` has syntax errors: not formatted");
                code = EXIT_UNUSABLE;
                continue;
            }
        };
        if formatted == text {
            continue;
        }
        if args.check {
            print!("{}", diff(&name, &text, &formatted));
            code = code.max(EXIT_FINDINGS);
        } else if let Err(e) = std::fs::write(file, &formatted) {
            eprintln!("clausier: cannot write `{name}`: {e}");
            code = EXIT_UNUSABLE;
        }
    }
    code
}

fn diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("{name} (as written)"),
            &format!("{name} (formatted)"),
        )
        .to_string()
}
