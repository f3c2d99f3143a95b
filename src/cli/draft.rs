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
    let file_name = args
        .text
        .file_name()
        .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
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
        say(
            msg!("draft-written", clauses = draft.clauses.len().to_string())
                .arg("todo", draft.todo.len().to_string()),
        );
    }
    EXIT_CLEAN
}

/// The facts of a rule text (a draft's or a rule file's), lowered.
pub fn facts_of(text: &str) -> Option<Vec<Fact>> {
    let (doc, _) = crate::language::syntax::parse(0, text);
    let (convention, _) = crate::language::lower::lower(0, &doc, &[]);
    convention.map(|c| facts::facts(&c))
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
    let Some(expected) = facts_of(&text) else {
        say(msg!("draft-diff-no-convention", file = rules_name.as_str()));
        return EXIT_UNUSABLE;
    };
    let mut drafted = facts_of(&draft.rules).unwrap_or_default();
    // An amendment's text is compared with the rule file's amendment.
    let amendment = draft
        .clauses
        .iter()
        .find(|c| c.kind == crate::draft::Kind::Amendment)
        .map(|c| format!("avenant {}", c.value));
    let expected: Vec<Fact> = match &amendment {
        Some(a) => {
            drafted.retain(|f| f.key.starts_with(a.as_str()));
            expected
                .into_iter()
                .filter(|f| f.key.starts_with(a.as_str()))
                .collect()
        }
        None => expected,
    };
    let cmp = facts::compare(&drafted, &expected);
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
    for (d, e) in &cmp.wrong {
        out.push_str(&format!(
            "  ≠ {}\n",
            t(msg!(
                "draft-diff-differs",
                clause = key(d),
                text = shown(d),
                rules = shown(e)
            ))
        ));
    }
    for d in &cmp.invented {
        out.push_str(&format!(
            "  + {}\n",
            t(msg!(
                "draft-diff-text-only",
                clause = key(d),
                value = shown(d)
            ))
        ));
    }
    for e in &cmp.missed {
        out.push_str(&format!(
            "  - {}\n",
            t(msg!(
                "draft-diff-rules-only",
                clause = key(e),
                value = shown(e)
            ))
        ));
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

fn shown(f: &Fact) -> String {
    if f.value.is_empty() {
        "—".to_owned()
    } else {
        format!("« {} »", f.value)
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
