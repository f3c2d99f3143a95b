//! `clausier draft TEXT [-o FILE.conv] [--format json] [--diff RULES.conv]`:
//! a rule file drafted from a convention's signed text, or the text
//! compared with an existing rule file.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE};
use crate::draft::facts::{self, Fact};
use crate::i18n::{Lang, Message, io_error};
use crate::msg;

#[derive(Debug, Args)]
pub struct DraftArgs {
    /// The convention's signed text: PDF, Word (.docx), LibreOffice (.odt),
    /// HTML or plain text.
    pub text: PathBuf,
    /// Write the rule file there instead of standard output.
    #[arg(short, long, value_name = "FILE.conv")]
    pub output: Option<PathBuf>,
    /// `conv`: the rule file; `json`: every clause found, with its article,
    /// its place in the text and how it was recognised.
    #[arg(long, value_enum, default_value = "conv")]
    pub format: DraftFormat,
    /// Compare the text with this rule file and list what differs; exit
    /// with 1 if something does.
    #[arg(long, value_name = "RULES.conv")]
    pub diff: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DraftFormat {
    Conv,
    Json,
}

pub fn run(args: &DraftArgs, lang: Lang) -> u8 {
    let say = |m: Message| eprintln!("clausier: {}", lang.tr(&m));
    let name = args.text.display().to_string();
    let bytes = match std::fs::read(&args.text) {
        Ok(b) => b,
        Err(e) => {
            say(msg!(
                "cannot-read",
                file = name.as_str(),
                error = io_error(&e)
            ));
            return EXIT_UNUSABLE;
        }
    };
    // `texte` names the text relative to the rule file written.
    let file_name = relative(&args.text, args.output.as_deref());
    let draft = match crate::draft::draft(&file_name, &bytes) {
        Ok(d) => d,
        Err(m) => {
            say(msg!("draft-cannot-read", file = name.as_str(), error = m));
            return EXIT_UNUSABLE;
        }
    };
    if let Some(rules) = &args.diff {
        return diff(&draft, &name, rules, lang);
    }
    let out = match args.format {
        DraftFormat::Conv => draft.rules.clone(),
        DraftFormat::Json => match serde_json::to_string_pretty(&draft) {
            Ok(j) => j + "\n",
            Err(e) => {
                say(Message::plain(e.to_string()));
                return EXIT_UNUSABLE;
            }
        },
    };
    let written = match &args.output {
        Some(path) => std::fs::write(path, out.as_bytes()),
        None => std::io::stdout().write_all(out.as_bytes()),
    };
    if let Err(e) = written {
        let file = args
            .output
            .as_ref()
            .map_or_else(|| "-".to_owned(), |p| p.display().to_string());
        say(msg!("fmt-cannot-write", file = file, error = io_error(&e)));
        return EXIT_UNUSABLE;
    }
    if args.output.is_some() {
        say(Message::new("draft-written")
            .count("clauses", draft.clauses.len())
            .count("todo", draft.todo.len()));
    }
    EXIT_CLEAN
}

fn diff(draft: &crate::draft::Draft, name: &str, rules: &std::path::Path, lang: Lang) -> u8 {
    let say = |m: Message| eprintln!("clausier: {}", lang.tr(&m));
    let rules_name = rules.display().to_string();
    let text = match super::read_text(rules) {
        Ok(t) => t.normalized(),
        Err(e) => {
            say(msg!(
                "cannot-read",
                file = rules_name.as_str(),
                error = io_error(&e)
            ));
            return EXIT_UNUSABLE;
        }
    };
    let Some(expected) = facts::facts_of_text(&text) else {
        say(msg!("draft-diff-no-convention", file = rules_name.as_str()));
        return EXIT_UNUSABLE;
    };
    let cmp = facts::compare_draft(draft, expected);
    let t = |m: Message| lang.tr(&m).into_owned();
    let mut out = String::new();
    out.push_str(&t(msg!(
        "draft-diff-heading",
        text = name,
        rules = rules_name.as_str()
    )));
    out.push('\n');
    let key = |f: &Fact| {
        format!("{} {}", keyword(f.kind), f.key)
            .trim_end()
            .to_owned()
    };
    // Each difference on its own lines, wrapped at the terminal's width.
    let width = super::terminal_width();
    let mut line = |mark: &str, m: Message| {
        let text = t(m);
        let first = format!("  {mark} ");
        let options = textwrap::Options::new(width.max(40))
            .initial_indent(&first)
            .subsequent_indent("    ");
        for l in textwrap::wrap(&text, options) {
            out.push_str(&l);
            out.push('\n');
        }
    };
    for (d, e) in &cmp.wrong {
        line(
            "≠",
            msg!(
                "draft-diff-differs",
                clause = key(d),
                text = shown(d),
                rules = shown(e)
            ),
        );
    }
    for d in &cmp.invented {
        line(
            "+",
            msg!("draft-diff-text-only", clause = key(d), value = shown(d)),
        );
    }
    for e in &cmp.missed {
        line(
            "-",
            msg!("draft-diff-rules-only", clause = key(e), value = shown(e)),
        );
    }
    let differs = !(cmp.wrong.is_empty() && cmp.invented.is_empty() && cmp.missed.is_empty());
    out.push_str(&t(msg!(
        "draft-diff-summary",
        same = cmp.right.len().to_string()
    )
    .arg(
        "differ",
        (cmp.wrong.len() + cmp.invented.len() + cmp.missed.len()).to_string(),
    )));
    out.push('\n');
    let _ = std::io::stdout().write_all(out.as_bytes());
    if differs { EXIT_FINDINGS } else { EXIT_CLEAN }
}

/// The path of `text` from the folder of `output` (the current folder
/// without one), `/` separated, as a rule file's `texte` names it.
fn relative(text: &std::path::Path, output: Option<&std::path::Path>) -> String {
    let as_given = || text.to_string_lossy().replace('\\', "/");
    let folder = output.and_then(|o| o.parent()).map_or_else(
        || std::path::PathBuf::from("."),
        std::path::Path::to_path_buf,
    );
    let folder = if folder.as_os_str().is_empty() {
        std::path::PathBuf::from(".")
    } else {
        folder
    };
    let (Ok(from), Ok(to)) = (std::fs::canonicalize(&folder), std::fs::canonicalize(text)) else {
        return as_given();
    };
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if common == 0 {
        return as_given();
    }
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - common];
    parts.extend(
        to.iter()
            .skip(common)
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

fn shown(f: &Fact) -> String {
    if matches!(f.kind, "ceiling" | "schedule") {
        return format!(
            "«\u{a0}{}\u{a0}»",
            crate::money::canonical_literal(&format!("{} €", f.value)).replace(' ', "\u{a0}")
        );
    }
    if f.value.is_empty() {
        "—".to_owned()
    } else {
        format!("«\u{a0}{}\u{a0}»", f.value)
    }
}

/// The rule language's keyword of a fact's kind.
fn keyword(kind: &str) -> &str {
    match kind {
        "title" => "convention",
        "legal-basis" => "base-légale",
        "signatory" => "signataire",
        "party-code" => "code",
        "market" => "marché",
        "effect" => "effet",
        "end" => "fin",
        "duration" => "pour",
        "indefinite" => "indéterminée",
        "renewal" => "reconduction",
        "ceiling" => "plafond",
        "schedule" => "échéancier",
        "reporting" => "suivi",
        "accountant" => "comptable",
        "titles" => "titre",
        "delegation" => "délégation",
        "notice" => "préavis",
        other => other,
    }
}
