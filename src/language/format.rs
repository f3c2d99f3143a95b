//! `clausier fmt`: one canonical layout for rule files, from the parse tree.
//!
//! Two-space indentation, one clause per line, single spaces between
//! values, keywords in their canonical French spelling, amounts as
//! `400 000 €` (`1 234,50 €` with cents), texts re-quoted. Comments are kept
//! where they stand: on their own line, or after the clause they follow on
//! its line. One blank line is kept where the source had one or more. The
//! layout is idempotent: formatting a formatted file changes nothing.

use crate::diag::Diagnostic;
use crate::language::keywords::{VALUE_WORDS, fold, keywords};
use crate::language::syntax::{self, Comment, Item, ValueKind};
use crate::money::canonical_literal;

/// Formats a rule file, or returns its syntax errors.
pub fn format(text: &str) -> Result<String, Vec<Diagnostic>> {
    let (doc, errors) = syntax::parse(0, text);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut f = Formatter {
        text,
        comments: &doc.comments,
        next_comment: 0,
        out: String::new(),
        last_end: 0,
    };
    f.items(&doc.items, 0);
    f.comments_before(text.len(), 0);
    let trimmed = f.out.trim_end_matches('\n');
    Ok(if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}\n")
    })
}

struct Formatter<'a> {
    text: &'a str,
    comments: &'a [Comment],
    next_comment: usize,
    out: String,
    /// End of the last thing printed, in the source.
    last_end: usize,
}

impl Formatter<'_> {
    fn items(&mut self, items: &[Item], depth: usize) {
        for item in items {
            self.comments_before(item.span.start, depth);
            self.separate(item.span.start);
            self.item(item, depth);
        }
    }

    /// A blank line where the source had one between the last thing printed
    /// and `start`, except at the start of a block.
    fn separate(&mut self, start: usize) {
        let gap = self.text.get(self.last_end..start).unwrap_or("");
        let opens_block = self.out.trim_end().ends_with('{') || self.out.is_empty();
        if !opens_block && gap.matches('\n').count() >= 2 {
            self.out.push('\n');
        }
    }

    /// Prints the comments standing on their own lines before `end`.
    fn comments_before(&mut self, end: usize, depth: usize) {
        while let Some(c) = self.comments.get(self.next_comment) {
            if c.span.start >= end {
                break;
            }
            self.next_comment += 1;
            self.separate(c.span.start);
            self.indent(depth);
            self.out.push('#');
            self.out.push_str(c.text.trim_end());
            self.out.push('\n');
            self.last_end = c.span.end;
        }
    }

    /// A comment that starts on the same line as `after`, if any: it is
    /// printed at the end of that line.
    fn trailing_comment(&mut self, after: usize) {
        let Some(c) = self.comments.get(self.next_comment) else {
            return;
        };
        let between = self.text.get(after..c.span.start).unwrap_or("\n");
        if !between.contains('\n') {
            self.next_comment += 1;
            self.out.push_str("  #");
            self.out.push_str(c.text.trim_end());
            self.last_end = c.span.end;
        }
    }

    fn indent(&mut self, depth: usize) {
        self.out.push_str(&"  ".repeat(depth));
    }

    fn item(&mut self, item: &Item, depth: usize) {
        self.indent(depth);
        self.out.push_str(&canonical(&item.head.text));
        let is_market = fold(&item.head.text) == "marche";
        let mut previous: Option<&ValueKind> = None;
        let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
        let currency_word = |k: &ValueKind| matches!(k, ValueKind::Word(w) if w.starts_with("EUR"));
        for (i, v) in item.values.iter().enumerate() {
            // After a number, what could join it into one amount once
            // spaces are collapsed (`05 000240 EUR`, `0   000 €`,
            // `0002  EUR`, `1   000 EUR`: lines lowering rejects) stays two
            // spaces apart, and an amount as written: the line then reads
            // the same on the next pass (found by the `format` fuzz target).
            let after_number = matches!(previous, Some(ValueKind::Word(w)) if digits(w));
            let amount_follows = || {
                item.values
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .any(|v| matches!(v.kind, ValueKind::Money(_)) || currency_word(&v.kind))
            };
            let joinable = after_number
                && match &v.kind {
                    ValueKind::Money(_) => true,
                    k if currency_word(k) => true,
                    ValueKind::Word(w) => w.len() == 3 && digits(w) && amount_follows(),
                    _ => false,
                };
            match &v.kind {
                ValueKind::Money(raw) if joinable => {
                    self.out.push_str("  ");
                    self.out.push_str(raw);
                }
                kind => {
                    self.out.push_str(if joinable { "  " } else { " " });
                    self.out.push_str(&value(kind, is_market));
                }
            }
            previous = Some(&v.kind);
        }
        self.last_end = item.span.end;
        if let Some(cite) = &item.citation {
            self.out.push(' ');
            match crate::language::cite::parse(&cite.text) {
                Ok(c) => self.out.push_str(&crate::language::cite::canonical(&c)),
                Err(_) => self.out.push_str(&cite.text),
            }
            self.last_end = self.last_end.max(cite.span.end);
        }
        match &item.block {
            None => {
                self.trailing_comment(self.last_end);
                self.out.push('\n');
            }
            Some(block) => {
                self.out.push_str(" {");
                let open = self
                    .text
                    .get(item.span.end..)
                    .and_then(|s| s.find('{'))
                    .map_or(item.span.end, |i| item.span.end + i + 1);
                // A citation written after the `{` is printed before it.
                self.last_end = open.max(self.last_end);
                self.trailing_comment(self.last_end);
                self.out.push('\n');
                self.items(&block.items, depth + 1);
                self.comments_before(block.close.start, depth + 1);
                self.indent(depth);
                self.out.push('}');
                self.last_end = block.close.end;
                self.trailing_comment(block.close.end);
                self.out.push('\n');
            }
        }
    }
}

fn canonical(word: &str) -> String {
    let folded = fold(word);
    keywords()
        .find(|k| fold(k) == folded)
        .map_or_else(|| word.to_owned(), |k| (*k).to_owned())
}

fn value(kind: &ValueKind, in_market: bool) -> String {
    match kind {
        ValueKind::Text(t) => format!("\"{}\"", t.replace('\\', "\\\\").replace('"', "\\\"")),
        ValueKind::Date(d) => d.clone(),
        ValueKind::Money(m) => canonical_literal(m),
        ValueKind::Word(w) if in_market => canonical(w),
        ValueKind::Word(w) if VALUE_WORDS.iter().any(|k| fold(k) == fold(w)) => VALUE_WORDS
            .iter()
            .find(|k| fold(k) == fold(w))
            .map_or_else(|| w.clone(), |k| (*k).to_owned()),
        ValueKind::Word(w) if w.eq_ignore_ascii_case("ae") || w.eq_ignore_ascii_case("cp") => {
            w.to_ascii_uppercase()
        }
        ValueKind::Word(w) => w.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout() {
        let messy = "# head\n\n\nconvention   \"x\"{   # title\n plafond ae 400000 EUR\n\n\n\tplafond CP 1234,5 €\n echeancier {\n  2017 AE 1 €\n  # inner\n }\n}\n";
        let formatted = format(messy).unwrap();
        assert_eq!(
            formatted,
            "# head\n\nconvention \"x\" {  # title\n  plafond AE 400 000 €\n\n  plafond CP 1 234,50 €\n  échéancier {\n    2017 AE 1 €\n    # inner\n  }\n}\n"
        );
        assert_eq!(format(&formatted).unwrap(), formatted);
    }

    #[test]
    fn an_amount_after_a_number_keeps_its_digits() {
        // Found by fuzzing: grouped, `000240 EUR` became `240 €` and
        // `05 240 €` then read as one amount.
        for text in [
            "convention n \"x\" {\n  s 05 000240 EUR\n}\n",
            "s 2020 AE 10 000 € CP 10 0 000 444444444444444444444€\n",
            "2020 AE 10 000 €                 0                  000 € CP 10\n",
            " E 0002  EUR CP 1\n",
            "E 1   000   000  EUR\n",
        ] {
            let once = format(text).unwrap();
            assert_eq!(format(&once).unwrap(), once, "{text}");
        }
    }

    #[test]
    fn citations_end_their_line() {
        let text = "convention \"x\" {\n  plafond AE 1 €  ( article 4 ,al 2 ) # c\n  durée { (art. 2)\n    fin 2018-12-31\n  }\n  imputation (annexe 1) {\n    programme 124\n  }\n}\n";
        let formatted = format(text).unwrap();
        assert_eq!(
            formatted,
            "convention \"x\" {\n  plafond AE 1 € (art. 4, al. 2)  # c\n  durée (art. 2) {\n    fin 2018-12-31\n  }\n  imputation (annexe 1) {\n    programme 124\n  }\n}\n"
        );
        assert_eq!(format(&formatted).unwrap(), formatted);
    }

    #[test]
    fn syntax_errors_are_returned() {
        assert!(format("convention \"x\" {\n").is_err());
    }
}
