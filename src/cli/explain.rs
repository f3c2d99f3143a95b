//! `clausier explain CODE`: the documentation of a diagnostic code.

use crate::i18n::{Lang, Message};
use crate::msg;
use std::io::Write;

use clap::Args;

use super::{EXIT_CLEAN, EXIT_UNUSABLE};
use crate::diag::Code;
use crate::language::keywords::suggest;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A diagnostic code, e.g. `ceiling.exceeded`; `all` lists every code.
    pub code: String,
}

pub fn run(args: &ExplainArgs, lang: Lang) -> u8 {
    let width = super::terminal_width();
    // A closed pipe (`clausier explain all | head`) ends the output quietly.
    let mut out = std::io::stdout().lock();
    if args.code == "all" {
        for code in Code::ALL {
            let severity = crate::report::text::severity(code.severity(), lang);
            let head = format!("{:<26} {:<13} ", code.as_str(), severity);
            let summary = crate::explain::wrap(&lang.tr(&code.summary()), width, &" ".repeat(41));
            if writeln!(out, "{head}{}", summary.trim_start()).is_err() {
                break;
            }
        }
        return EXIT_CLEAN;
    }
    match Code::ALL.iter().find(|c| c.as_str() == args.code) {
        Some(code) => {
            let _ = write!(out, "{}", crate::explain::render(*code, lang, width));
            EXIT_CLEAN
        }
        None => {
            let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
            let hint = suggest(&args.code, &names)
                .map_or(Message::plain(""), |s| msg!("did-you-mean-then", word = s));
            let line = msg!("explain-no-code", code = args.code.as_str(), hint = hint);
            eprintln!("clausier: {}", lang.tr(&line));
            EXIT_UNUSABLE
        }
    }
}
