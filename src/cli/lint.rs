//! `clausier lint PATH...`: every problem of every rule file, in one run.

use crate::i18n::{Lang, Message};
use crate::msg;
use std::path::{Path, PathBuf};

use clap::Args;

use super::EXIT_UNUSABLE;
use super::output::{Output, OutputArgs};
use crate::source::Sources;

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Rule files, or directories searched recursively for `*.conv`; `-`
    /// reads one rule file from standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Repair each file first: apply the machine-applicable fixes (a
    /// misspelt keyword, an amount without its currency, a text left
    /// unclosed) and the canonical layout, say what changed on standard
    /// error, then report what remains.
    #[arg(long)]
    pub fix: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: &LintArgs, lang: Lang) -> u8 {
    let mut output = Output::stdout(&args.output, lang);
    let mut sources = Sources::default();
    let mut unusable = false;
    let mut files = Vec::new();
    for path in &args.paths {
        if let Err(e) = super::collect(path, &mut files) {
            output.emit(
                &crate::input::unreadable(&path.display().to_string(), &e),
                &sources,
            );
            unusable = true;
        }
    }
    let mut conventions = Vec::new();
    for file in &files {
        let name = file.display().to_string();
        let read = match super::read_text(file) {
            Ok(t) => t,
            Err(e) => {
                output.emit(&crate::input::unreadable(&name, &e), &sources);
                unusable = true;
                continue;
            }
        };
        let text = if args.fix {
            match repair(file, &name, &read, output.today, lang) {
                Ok(text) => text,
                Err(()) => {
                    unusable = true;
                    read.text
                }
            }
        } else {
            read.text
        };
        let id = sources.add_rule(name, text);
        let (convention, diags) =
            crate::compile_on(id, sources.rule_text(id).unwrap_or(""), output.today);
        for d in &diags {
            output.emit(d, &sources);
        }
        // The citations against the signed text, beside the rule file.
        if let Some(c) = &convention
            && let Some(named) = &c.text
        {
            let path = file.parent().unwrap_or(Path::new("")).join(&named.value);
            let bytes = std::fs::read(&path).map_err(|e| crate::i18n::io_error(&e));
            for d in crate::draft::check_citations(c, bytes.as_deref().map_err(Clone::clone)) {
                output.emit(&d, &sources);
            }
        }
        conventions.extend(convention);
    }
    // Sub-delegations, among the files linted together.
    let read: Vec<&crate::language::model::Convention> = conventions.iter().collect();
    for d in crate::language::lints::frame::check(&read, files.len() == 1) {
        output.emit(&d, &sources);
    }
    output.counts.files = Some(files.len() as u64);
    let audited = files
        .iter()
        .map(|f| (f.display().to_string(), "rules"))
        .collect();
    output.set_audit(crate::audit::Audit::start(audited).join().ok());
    let code = if unusable {
        EXIT_UNUSABLE
    } else {
        output.findings_code()
    };
    output.end(None, &sources, code)
}

/// Repairs a rule file in place (`--fix`), keeping its encoding, BOM and
/// line ends, and says what changed; its text as repaired, or `Err` when
/// it cannot be written (said too).
fn repair(
    file: &Path,
    name: &str,
    read: &crate::input::encoding::TextFile,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Result<String, ()> {
    let say = |m: Message| eprintln!("clausier: {}", lang.tr(&m));
    let text = read.normalized();
    if file.as_os_str() == "-" {
        say(Message::new("fix-stdin"));
        return Ok(text);
    }
    let repaired = crate::language::fix::repair(&text, today);
    if repaired.text == text {
        return Ok(text);
    }
    if let Err(e) = std::fs::write(file, read.encode(&repaired.text)) {
        say(msg!(
            "fmt-cannot-write",
            file = name,
            error = crate::i18n::io_error(&e)
        ));
        return Err(());
    }
    for a in &repaired.applied {
        let line = if a.from.is_empty() {
            msg!("fix-inserted", to = a.to.as_str())
        } else {
            msg!("fix-replaced", from = a.from.as_str(), to = a.to.as_str())
        };
        say(msg!(
            "fix-at",
            file = name,
            line = a.line.to_string(),
            change = line
        ));
    }
    if repaired.laid_out {
        say(msg!("fix-laid-out", file = name));
    }
    Ok(repaired.text)
}
