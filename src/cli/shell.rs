//! `clausier completions SHELL` and `clausier man --out DIR`: the shell
//! completion scripts and the manual pages, generated from the same clap
//! definitions as the command line itself (clap_complete, clap_mangen), in
//! the run's language.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use clap_complete::Shell;

use super::{EXIT_CLEAN, EXIT_UNUSABLE};
use crate::i18n::Lang;
use crate::msg;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The folder the pages are written to (created if need be): `clausier.1`
    /// and one page per command (`clausier-check.1`…).
    #[arg(long, short)]
    pub out: PathBuf,
}

pub fn completions(args: &CompletionsArgs, lang: Lang) -> u8 {
    let mut command = super::command(lang);
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "clausier", &mut script);
    // A closed pipe ends the output quietly.
    let _ = std::io::stdout().lock().write_all(&script);
    EXIT_CLEAN
}

/// The section headings of a manual page in `lang`: clap_mangen writes
/// them in English (`NAME`, `SUBCOMMANDS`), and calls the exit codes
/// `EXTRA`; French pages say `NOM`, `SOUS-COMMANDES`, `CODE DE RETOUR`, as
/// French manual pages do.
fn heading(title: &str, lang: Lang) -> Option<&'static str> {
    let title = title.trim().trim_end_matches('\u{a0}');
    Some(match (lang, title) {
        (Lang::En, "EXTRA") => "EXIT STATUS",
        (Lang::Fr, "NAME") => "NOM",
        (Lang::Fr, "SUBCOMMANDS" | "Commandes" | "COMMANDES") => "SOUS-COMMANDES",
        (Lang::Fr, "EXTRA") => "CODE DE RETOUR",
        (Lang::Fr, "Arguments" | "ARGUMENTS") => "ARGUMENTS",
        (Lang::Fr, "Options" | "OPTIONS") => "OPTIONS",
        _ => return None,
    })
}

/// Rewrites the headings (`.SH …`) of the pages clap_mangen wrote into
/// `folder` (see [`heading`]).
fn retitle(folder: &std::path::Path, lang: Lang) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        let is_page = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("clausier") && n.ends_with(".1"));
        if !is_page {
            continue;
        }
        let text = std::fs::read_to_string(&path)?;
        let mut changed = false;
        let lines: Vec<String> = text
            .lines()
            .map(
                |line| match line.strip_prefix(".SH ").and_then(|t| heading(t, lang)) {
                    Some(title) => {
                        changed = true;
                        format!(".SH {title}")
                    }
                    None => line.to_owned(),
                },
            )
            .collect();
        if changed {
            std::fs::write(&path, lines.join("\n") + "\n")?;
        }
    }
    Ok(())
}

pub fn man(args: &ManArgs, lang: Lang) -> u8 {
    let written = std::fs::create_dir_all(&args.out)
        .and_then(|()| clap_mangen::generate_to(super::unbuilt(lang), &args.out))
        .and_then(|()| retitle(&args.out, lang));
    match written {
        Ok(()) => {
            let mut pages: Vec<String> = std::fs::read_dir(&args.out)
                .map(|entries| {
                    entries
                        .flatten()
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .filter(|name| name.starts_with("clausier") && name.ends_with(".1"))
                        .collect()
                })
                .unwrap_or_default();
            pages.sort();
            let line = msg!(
                "man-written",
                folder = args.out.display().to_string(),
                pages = pages.join(", ")
            )
            .count("count", pages.len());
            println!("{}", lang.tr(&line));
            EXIT_CLEAN
        }
        Err(e) => {
            let line = msg!(
                "man-not-written",
                folder = args.out.display().to_string(),
                error = crate::i18n::io_error(&e)
            );
            eprintln!("clausier: {}", lang.tr(&line));
            EXIT_UNUSABLE
        }
    }
}
