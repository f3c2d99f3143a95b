//! Machine-applicable repairs of a rule file (`clausier lint --fix`): the
//! [`Fix`]es its diagnostics carry (a misspelt keyword, an amount without
//! its currency, a text left unclosed), applied round after round, since a
//! repaired syntax lets lowering find more, then the canonical layout.

use crate::diag::Fix;

/// A fix as applied: where, and what it changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// 1-based line of the text before the fix.
    pub line: usize,
    pub from: String,
    pub to: String,
}

/// A repaired rule file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repaired {
    pub text: String,
    pub applied: Vec<Applied>,
    /// The canonical layout changed the text (besides the fixes).
    pub laid_out: bool,
}

/// Rounds of fixes before giving up: each round is one compile.
const ROUNDS: usize = 4;

/// `text` (with `\n` line ends) with every fix its diagnostics carry and
/// the canonical layout when it parses.
pub fn repair(text: &str, today: chrono::NaiveDate) -> Repaired {
    let mut text = text.to_owned();
    let mut applied = Vec::new();
    for _ in 0..ROUNDS {
        let (_, diags) = crate::compile_on(0, &text, today);
        let fixes: Vec<Fix> = diags.into_iter().filter_map(|d| d.fix).collect();
        let (fixed, done) = apply(&text, &fixes);
        if done.is_empty() {
            break;
        }
        text = fixed;
        applied.extend(done);
    }
    let (text, laid_out) = match crate::language::format::format(&text) {
        Ok(formatted) if formatted != text => (formatted, true),
        _ => (text, false),
    };
    Repaired {
        text,
        applied,
        laid_out,
    }
}

/// `text` with `fixes` applied in the order of their place; a fix that
/// overlaps one before it, or whose span is not in the text, is left for
/// a later round.
pub fn apply(text: &str, fixes: &[Fix]) -> (String, Vec<Applied>) {
    let mut sorted: Vec<&Fix> = fixes.iter().collect();
    sorted.sort_by_key(|f| (f.span.start, f.span.end));
    let mut out = String::with_capacity(text.len() + 16);
    let mut applied = Vec::new();
    let mut at = 0;
    for fix in sorted {
        let (start, end) = (fix.span.start, fix.span.end);
        let Some(from) = text.get(start..end.max(start)) else {
            continue;
        };
        if start < at {
            continue;
        }
        out.push_str(text.get(at..start).unwrap_or_default());
        out.push_str(&fix.replacement);
        applied.push(Applied {
            line: crate::span::line_col(text, start).0,
            from: from.to_owned(),
            to: fix.replacement.clone(),
        });
        at = end.max(start);
    }
    out.push_str(text.get(at..).unwrap_or_default());
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn fix(start: usize, end: usize, to: &str) -> Fix {
        Fix {
            span: Span::new(start, end),
            replacement: to.to_owned(),
        }
    }

    #[test]
    fn fixes_apply_in_order_and_overlaps_wait() {
        let (text, applied) = apply(
            "plafnd AE 400 000",
            &[
                fix(10, 17, "400 000 €"),
                fix(0, 6, "plafond"),
                fix(3, 8, "x"),
            ],
        );
        assert_eq!(text, "plafond AE 400 000 €");
        assert_eq!(applied.len(), 2);
        assert_eq!(applied[0].from, "plafnd");
        let (text, _) = apply("abc", &[fix(2, 9, "x"), fix(3, 3, "\"")]);
        assert_eq!(text, "abc\"");
    }

    #[test]
    fn a_rule_file_repaired_in_rounds() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let text = "convention \"Essai {\n  signatur 2017-08-24\n  plafond AE 400000\n}\n";
        let repaired = repair(text, today);
        let tos: Vec<&str> = repaired.applied.iter().map(|a| a.to.as_str()).collect();
        assert_eq!(tos[0], "\"");
        assert!(tos.contains(&"signature"), "{tos:?}");
        assert!(tos.contains(&"400 000 €"), "{tos:?}");
        assert!(
            repaired.text.contains("signature 2017-08-24"),
            "{}",
            repaired.text
        );
        assert!(
            repaired.text.contains("plafond AE 400 000 €"),
            "{}",
            repaired.text
        );
    }
}
