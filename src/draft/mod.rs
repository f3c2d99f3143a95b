//! `clausier draft`: from a convention's signed text to a rule file whose
//! clauses cite their articles.
//!
//! The text is read into paragraphs ([`read`]), cleaned (no-break spaces,
//! typographic apostrophes, words cut at a line's end), cut into articles
//! (`Article 4`, `Annexe 1`), then each recogniser looks for the sentences
//! of one kind of clause ([`recognise`]). What a recogniser finds is an
//! [`Extracted`] clause: its kind, its value as the rule language writes
//! it, its article, where it stands in the file and how it was recognised.
//! A paragraph holding an amount, a date or a code that no recogniser used
//! is kept as a comment to complete (`# à compléter : « … »`), which `lint`
//! reports (`draft.todo`). The rule file is then written in `fmt`'s layout.
//!
//! The library reads bytes and returns text: opening and writing files is
//! the command line's.

pub mod facts;
pub mod read;
mod recognise;
pub mod words;

use serde::Serialize;

use crate::diag::Citation;
use crate::i18n::Message;

pub use read::{Format, Para, Place};

/// The kinds of clause `draft` recognises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Title,
    Nor,
    Signature,
    LegalBasis,
    Delegant,
    Delegataire,
    Signatory,
    PartyCode,
    Market,
    Uo,
    Effect,
    End,
    Duration,
    Indefinite,
    Renewal,
    Ceiling,
    Schedule,
    Reporting,
    Accountant,
    Imputation,
    Notice,
    Publication,
    Titles,
    Delegation,
    Frame,
    Amendment,
}

/// One clause found in the text.
#[derive(Clone, Debug, Serialize)]
pub struct Extracted {
    pub kind: Kind,
    /// The clause's values as the rule language writes them
    /// (`AE 400 000 €`, `2017 AE 296 210 € CP 48 105 €`).
    pub value: String,
    /// The party a signatory or a code belongs to (its sigle or name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    pub article: Option<Citation>,
    /// The envelope it belongs to, for a ceiling, a schedule or a code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub envelope: Option<String>,
    pub place: Place,
    /// The sentence it comes from.
    pub sentence: String,
    /// How it was recognised: the recogniser's pattern.
    pub how: &'static str,
}

/// A sentence holding a figure, a date or a code that no recogniser used.
#[derive(Clone, Debug, Serialize)]
pub struct Todo {
    pub sentence: String,
    pub article: Option<Citation>,
    pub place: Place,
}

/// A convention's text drafted into a rule file.
#[derive(Clone, Debug, Serialize)]
pub struct Draft {
    /// The file the text came from, as the rule file's `texte` names it.
    pub text: String,
    pub format: Format,
    pub clauses: Vec<Extracted>,
    pub todo: Vec<Todo>,
    /// The articles the text holds (`1er`, `2`…), in order.
    pub articles: Vec<String>,
    /// The rule file, in `fmt`'s layout.
    #[serde(skip)]
    pub rules: String,
}

/// Drafts a rule file from a convention's text (`name` is the file's name,
/// which the rule file's `texte` gives).
pub fn draft(name: &str, bytes: &[u8]) -> Result<Draft, Message> {
    let (format, paras) = read::read(name, bytes)?;
    let mut d = recognise::recognise(&paras);
    d.text = name.to_owned();
    d.format = format;
    d.rules = recognise::write(&d);
    Ok(d)
}

/// The articles of a text (for `source.unknown-article`) and, for each,
/// its paragraphs.
pub fn articles(paras: &[Para]) -> Vec<(Citation, Vec<String>)> {
    recognise::articles(paras)
}

/// Whether an article (or annex) of the text is the one `cite` names: an
/// annex cited alone names the annex's first part.
fn names(article: &Citation, cite: &Citation) -> bool {
    article.annex == cite.annex && (cite.article.is_none() || article.article == cite.article)
}

/// The citations of a rule file checked against its signed text (named by
/// `texte`): `source.unknown-article` for a cited article or annex the
/// text does not have; `source.unreadable` when the text cannot be read
/// (`text` is the file's bytes, or why they could not be read).
pub fn check_citations(
    c: &crate::language::model::Convention,
    text: Result<&[u8], Message>,
) -> Vec<crate::diag::Diagnostic> {
    use crate::diag::{Code, Diagnostic};
    use crate::msg;
    let Some(named) = &c.text else {
        return Vec::new();
    };
    let read = text.and_then(|bytes| read::read(&named.value, bytes));
    let paras = match read {
        Ok((_, paras)) => paras,
        Err(why) => {
            return vec![
                Diagnostic::new(
                    Code::SourceUnreadable,
                    msg!(
                        "source-unreadable",
                        file = named.value.as_str(),
                        error = why
                    ),
                )
                .at_clause(
                    c.source,
                    named.span,
                    Message::new("source-unreadable-label"),
                )
                .help(Message::new("source-unreadable-help")),
            ];
        }
    };
    let found = articles(&paras);
    let has = |cite: &Citation| found.iter().any(|(a, _)| names(a, cite));
    let list: Vec<String> = found.iter().map(|(a, _)| a.short()).collect();
    c.citations
        .iter()
        .filter(|cited| !has(&cited.citation.value))
        .map(|cited| {
            Diagnostic::new(
                Code::SourceUnknownArticle,
                msg!(
                    "source-unknown-article",
                    cite = cited.citation.value.short(),
                    file = named.value.as_str()
                ),
            )
            .at_clause(
                c.source,
                cited.citation.span,
                Message::new("source-unknown-article-label"),
            )
            .help(msg!(
                "source-unknown-article-help",
                articles = list.join(", ")
            ))
        })
        .collect()
}

/// The sentence of a text a clause comes from: among the paragraphs of the
/// article it cites, the one sharing the most figures and words with the
/// clause's line (`None` when the text has no such article).
pub fn sentence_for(paras: &[Para], cite: &Citation, clause: &str) -> Option<String> {
    let found = articles(paras);
    let (_, texts) = found.iter().find(|(a, _)| names(a, cite))?;
    let folded = |s: &str| crate::language::keywords::fold(s).into_owned();
    let tokens = |s: &str| -> Vec<String> {
        // Figures with their spaces removed (`400 000` is `400000`), and words.
        let joined: String = s
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        let mut out: Vec<String> = joined
            .split(|c: char| !c.is_ascii_digit())
            .filter(|t| t.len() >= 2)
            .map(str::to_owned)
            .collect();
        out.extend(
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4)
                .map(folded),
        );
        out
    };
    let wanted = tokens(clause);
    texts
        .iter()
        .enumerate()
        .max_by_key(|(i, t)| {
            let have = tokens(t);
            let score = wanted.iter().filter(|w| have.contains(w)).count();
            // Ties: the first paragraph.
            (score, std::cmp::Reverse(*i))
        })
        .map(|(_, t)| t.clone())
}
