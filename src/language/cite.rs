//! Citations of a convention's signed text, as a rule file writes them at
//! the end of a clause's line: `(art. 4)`, `(article 1er, alinéa 2)`,
//! `(annexe 1)`, `(annexe 2, art. 3)`. Lowering and the formatter read them
//! here; the model keeps them as [`Citation`].

use crate::diag::Citation;
use crate::language::keywords::fold;

/// What a part of a citation names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Article,
    Paragraph,
    Annex,
}

/// The words of a citation's parts, folded (accents and case left out).
const PARTS: &[(&str, Part)] = &[
    ("art.", Part::Article),
    ("art", Part::Article),
    ("article", Part::Article),
    ("al.", Part::Paragraph),
    ("al", Part::Paragraph),
    ("alinea", Part::Paragraph),
    ("annexe", Part::Annex),
    ("annex", Part::Annex),
];

/// Reads a citation, with or without its parentheses. The error is the
/// part that is not an article, a paragraph or an annex with its number.
pub fn parse(text: &str) -> Result<Citation, String> {
    let inner = text.trim();
    let inner = inner.strip_prefix('(').unwrap_or(inner);
    let inner = inner.strip_suffix(')').unwrap_or(inner);
    let mut citation = Citation::default();
    if inner.trim().is_empty() {
        return Err(String::new());
    }
    for part in inner.split(',') {
        let part = part.trim();
        let folded = fold(part);
        // `art.4` as well as `art. 4`: the word ends at a space or after its dot.
        let split = folded
            .find(|c: char| c == ' ' || c.is_ascii_digit())
            .unwrap_or(folded.len());
        let (word, number) = folded.split_at(split);
        let Some(kind) = PARTS.iter().find(|(w, _)| *w == word).map(|(_, k)| *k) else {
            return Err(part.to_owned());
        };
        let number = part
            .get(part.len() - number.len()..)
            .unwrap_or_default()
            .trim();
        let valid = number
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
            && number.chars().next().is_none_or(|c| c.is_alphanumeric());
        let slot = match kind {
            Part::Article => &mut citation.article,
            Part::Paragraph => &mut citation.paragraph,
            Part::Annex => &mut citation.annex,
        };
        if !valid || slot.is_some() || (number.is_empty() && kind != Part::Annex) {
            return Err(part.to_owned());
        }
        *slot = Some(number.to_owned());
    }
    if citation.paragraph.is_some() && citation.article.is_none() {
        return Err(inner.trim().to_owned());
    }
    Ok(citation)
}

/// The citation in the language's canonical spelling: `(art. 4, al. 2)`.
pub fn canonical(citation: &Citation) -> String {
    format!("({})", citation.short())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(article: Option<&str>, paragraph: Option<&str>, annex: Option<&str>) -> Citation {
        Citation {
            article: article.map(str::to_owned),
            paragraph: paragraph.map(str::to_owned),
            annex: annex.map(str::to_owned),
        }
    }

    #[test]
    fn forms() {
        assert_eq!(parse("(art. 4)"), Ok(cite(Some("4"), None, None)));
        assert_eq!(parse("(Article 1er)"), Ok(cite(Some("1er"), None, None)));
        assert_eq!(
            parse("(art.4, alinéa 2)"),
            Ok(cite(Some("4"), Some("2"), None))
        );
        assert_eq!(parse("(annexe 1)"), Ok(cite(None, None, Some("1"))));
        assert_eq!(parse("(annexe)"), Ok(cite(None, None, Some(""))));
        assert_eq!(
            parse("(annexe 2, art. 3)"),
            Ok(cite(Some("3"), None, Some("2")))
        );
        assert_eq!(
            canonical(&parse("(article 4 , al 2)").unwrap()),
            "(art. 4, al. 2)"
        );
    }

    #[test]
    fn errors_name_the_part() {
        assert_eq!(parse("(art. 4, page 2)"), Err("page 2".to_owned()));
        assert_eq!(parse("(art.)"), Err("art.".to_owned()));
        assert_eq!(parse("(art. 4, art. 5)"), Err("art. 5".to_owned()));
        assert_eq!(parse("(al. 2)"), Err("al. 2".to_owned()));
        assert_eq!(parse("()"), Err(String::new()));
        assert_eq!(parse("(art. 4 et 5)"), Err("art. 4 et 5".to_owned()));
    }
}
