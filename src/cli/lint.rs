//! `clausier lint PATH...`: every problem of every rule file, in one run.

use crate::i18n::Lang;
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
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(args: &LintArgs, lang: Lang) -> u8 {
    let mut output = Output::stdout(&args.output, lang);
    let mut sources = Sources::default();
    let mut unusable = false;
    let mut files = Vec::new();
    for path in &args.paths {
        if let Err(e) = collect(path, &mut files) {
            output.emit(
                &super::check::unreadable(&path.display().to_string(), &e),
                &sources,
            );
            unusable = true;
        }
    }
    for file in &files {
        let name = file.display().to_string();
        let text = match super::read_text(file) {
            Ok(t) => t.text,
            Err(e) => {
                output.emit(&super::check::unreadable(&name, &e), &sources);
                unusable = true;
                continue;
            }
        };
        let id = sources.add_rule(name, text);
        let (_, diags) = crate::compile_on(id, sources.rule_text(id).unwrap_or(""), output.today);
        for d in &diags {
            output.emit(d, &sources);
        }
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

/// The rule files of a path: itself, or the `*.conv` files below it, sorted.
pub fn collect(path: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.as_os_str() == "-" {
        files.push(path.to_path_buf());
        return Ok(());
    }
    if !path.is_dir() {
        std::fs::metadata(path)?;
        files.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for entry in entries {
        if entry.is_dir() {
            collect(&entry, files)?;
        } else if entry.extension().is_some_and(|e| e == "conv") {
            files.push(entry);
        }
    }
    Ok(())
}
