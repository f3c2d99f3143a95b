//! `clausier explain CODE`: the documentation of a diagnostic code.

use crate::i18n::Lang;
use clap::Args;

use super::{EXIT_CLEAN, EXIT_UNUSABLE};
use crate::diag::Code;
use crate::language::keywords::suggest;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A diagnostic code, e.g. `ceiling.exceeded`; `all` lists every code.
    pub code: String,
}

pub fn run(args: &ExplainArgs, _lang: Lang) -> u8 {
    if args.code == "all" {
        for code in Code::ALL {
            println!(
                "{:<26} {:<8} {}",
                code.as_str(),
                code.severity(),
                code.summary()
            );
        }
        return EXIT_CLEAN;
    }
    match Code::ALL.iter().find(|c| c.as_str() == args.code) {
        Some(code) => {
            print!("{}", crate::explain::render(*code));
            EXIT_CLEAN
        }
        None => {
            let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
            let hint = suggest(&args.code, &names)
                .map_or(String::new(), |s| format!("did you mean `{s}`? "));
            eprintln!(
                "clausier: no diagnostic code `{}`; {hint}`clausier explain all` lists them",
                args.code
            );
            EXIT_UNUSABLE
        }
    }
}
