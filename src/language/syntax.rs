//! Syntax: the pest grammar (`grammar/clausier.pest`) and its parse tree.
//!
//! This is the only module that sees pest types. It turns a rule file into a
//! [`Document`]: a tree of items (head word, values, optional block) with
//! comments kept aside, every node carrying its byte span. It knows nothing
//! of what words mean; that is `lower`'s job.
//!
//! Syntax errors are recovered line by line: the offending line is blanked
//! out (byte offsets kept) and parsing starts again, so one run reports every
//! broken line of a file, up to [`MAX_SYNTAX_ERRORS`].

use pest::Parser as _;
use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;

use crate::diag::{Code, Diagnostic, SourceId};
use crate::span::Span;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/clausier.pest"]
struct Grammar;

/// Syntax errors reported per file at most; past that, parsing stops.
pub const MAX_SYNTAX_ERRORS: usize = 20;

/// A parsed rule file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub items: Vec<Item>,
    /// Every comment of the file, in order.
    pub comments: Vec<Comment>,
}

/// One line of the language: `head value… { items… }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub head: Word,
    pub values: Vec<Value>,
    pub block: Option<Block>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub items: Vec<Item>,
    /// Span of the closing brace.
    pub close: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A quoted text, escapes resolved.
    Text(String),
    /// `yyyy-mm-dd` as written; validity is checked by lowering.
    Date(String),
    /// A money literal as written, currency included.
    Money(String),
    /// Any other bare word: keyword, code, number, unit.
    Word(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// The comment's text after `#`.
    pub text: String,
    pub span: Span,
}

impl Item {
    /// The values that follow the head, as plain words where they are words.
    pub fn words(&self) -> impl Iterator<Item = Option<&str>> {
        self.values.iter().map(|v| match &v.kind {
            ValueKind::Word(w) => Some(w.as_str()),
            _ => None,
        })
    }
}

impl Value {
    /// A short plain-English name of the value's kind, for messages.
    pub fn kind_name(&self) -> crate::i18n::Message {
        crate::i18n::Message::new(match self.kind {
            ValueKind::Text(_) => "kind-text",
            ValueKind::Date(_) => "kind-date",
            ValueKind::Money(_) => "kind-amount",
            ValueKind::Word(_) => "kind-word",
        })
    }
}

/// Parses a rule file, reporting every syntax error it can find. The
/// document holds what could be parsed; it is empty when nothing could.
pub fn parse(source: SourceId, text: &str) -> (Document, Vec<Diagnostic>) {
    let mut work = text.to_owned();
    let mut errors = Vec::new();
    let mut blanked_lines = Vec::new();
    loop {
        match Grammar::parse(Rule::document, &work) {
            Ok(mut pairs) => {
                let doc = pairs.next().map(lower_document).unwrap_or_default();
                return (doc, errors);
            }
            Err(err) => {
                let offset = match err.location {
                    InputLocation::Pos(p) => p,
                    InputLocation::Span((s, _)) => s,
                };
                errors.push(syntax_diagnostic(source, &work, offset, &err.variant));
                let line = line_bounds(&work, offset);
                // A line is blanked at most twice: braces kept, then braces too.
                let times = blanked_lines.iter().filter(|l| **l == line).count();
                let nothing_to_blank = work.get(line.0..line.1).is_none_or(|l| l.trim().is_empty());
                if errors.len() >= MAX_SYNTAX_ERRORS || times >= 2 || nothing_to_blank {
                    return (Document::default(), errors);
                }
                if times == 1 {
                    // The same line failed again: that error was already reported.
                    errors.pop();
                }
                blank(&mut work, line, times == 1);
                blanked_lines.push(line);
            }
        }
    }
}

/// Start and end (excluding the newline) of the line holding `offset`.
fn line_bounds(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let start = text
        .get(..offset)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(offset..)
        .and_then(|s| s.find('\n'))
        .map_or(text.len(), |i| offset + i);
    (start, end)
}

/// Replaces a line's characters by spaces, keeping braces so that the
/// nesting of the rest of the file still parses, and keeping byte offsets.
fn blank(work: &mut String, (start, end): (usize, usize), braces_too: bool) {
    let Some(line) = work.get(start..end) else {
        return;
    };
    let keep_braces = !braces_too && line.trim() != "{";
    let mut fixed = String::with_capacity(line.len());
    for c in line.chars() {
        match c {
            '{' | '}' if keep_braces => fixed.push(c),
            '\r' => fixed.push(c),
            _ => fixed.extend(std::iter::repeat_n(' ', c.len_utf8())),
        }
    }
    work.replace_range(start..end, &fixed);
}

fn syntax_diagnostic(
    source: SourceId,
    text: &str,
    offset: usize,
    variant: &ErrorVariant<Rule>,
) -> Diagnostic {
    let found = describe_found(text, offset);
    let expected = match variant {
        ErrorVariant::ParsingError { positives, .. } => expected_list(positives),
        ErrorVariant::CustomError { message } => message.clone(),
    };
    let width = text
        .get(offset..)
        .and_then(|s| s.chars().next())
        .map_or(0, char::len_utf8);
    let span = Span::new(offset, offset + width);
    if let ErrorVariant::CustomError { message } = variant {
        // pest's own limit on nesting, which keeps parsing off the stack's end.
        return Diagnostic::new(Code::SyntaxError, format!("the file cannot be read here: {message}"))
            .at_clause(source, span, "nested too deeply")
            .help("blocks nest a few levels deep in a convention; thousands of nested `{` are not a rule file");
    }
    if text.get(offset..).is_some_and(|s| s.starts_with('"')) {
        return Diagnostic::new(Code::SyntaxError, "unterminated quoted text")
            .at_clause(source, span, "this text is never closed")
            .help(syntax_help(text, offset));
    }
    Diagnostic::new(
        Code::SyntaxError,
        format!("expected {expected}, found {found}"),
    )
    .at_clause(source, span, format!("expected {expected}"))
    .help(syntax_help(text, offset))
}

fn describe_found(text: &str, offset: usize) -> String {
    match text.get(offset..).and_then(|s| s.chars().next()) {
        None => "the end of the file".into(),
        Some('\n' | '\r') => "the end of the line".into(),
        Some('"') => "an unterminated quoted text".into(),
        Some(c) => format!("`{c}`"),
    }
}

fn expected_list(rules: &[Rule]) -> String {
    let mut names: Vec<&str> = rules.iter().map(|r| rule_name(*r)).collect();
    names.sort_unstable();
    names.dedup();
    match names.as_slice() {
        [] => "something else".into(),
        [one] => (*one).into(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// Plain-English names for grammar rules, as users should read them.
fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "the end of the file",
        Rule::item | Rule::word => "a keyword",
        Rule::close => "`}`",
        Rule::block => "`{`",
        Rule::text | Rule::chars => "a quoted text",
        Rule::date => "a date (yyyy-mm-dd)",
        Rule::money => "an amount in euros (400 000 €)",
        Rule::comment => "a comment",
        Rule::document => "a convention",
        _ => "a value",
    }
}

fn syntax_help(text: &str, offset: usize) -> String {
    let rest = text.get(offset..).unwrap_or("");
    if rest.starts_with('"') {
        "a quoted text must end with `\"` on the same line".into()
    } else if rest.starts_with('}') {
        "this `}` closes no open `{`: remove it or add the block it closes".into()
    } else if rest.is_empty() {
        "a block opened with `{` is never closed: add `}`".into()
    } else if rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        "amounts need a currency (`400 000 €`) and dates are written yyyy-mm-dd".into()
    } else {
        "each line holds one clause: a keyword, its values, and optionally `{` to open a block"
            .into()
    }
}

fn span_of(pair: &Pair<'_, Rule>) -> Span {
    let s = pair.as_span();
    Span::new(s.start(), s.end())
}

fn lower_document(pair: Pair<'_, Rule>) -> Document {
    let mut doc = Document::default();
    doc.items = lower_items(pair, &mut doc.comments);
    doc
}

fn lower_items(pair: Pair<'_, Rule>, comments: &mut Vec<Comment>) -> Vec<Item> {
    let mut items = Vec::new();
    for child in pair.into_inner() {
        match child.as_rule() {
            Rule::item => items.push(lower_item(child, comments)),
            Rule::comment => comments.push(lower_comment(&child)),
            _ => {}
        }
    }
    items
}

fn lower_comment(pair: &Pair<'_, Rule>) -> Comment {
    let text = pair.as_str();
    Comment {
        text: text.strip_prefix('#').unwrap_or(text).to_owned(),
        span: span_of(pair),
    }
}

fn lower_item(pair: Pair<'_, Rule>, comments: &mut Vec<Comment>) -> Item {
    let span = span_of(&pair);
    let mut head = Word {
        text: String::new(),
        span,
    };
    let mut values = Vec::new();
    let mut block = None;
    for (i, child) in pair.into_inner().enumerate() {
        match child.as_rule() {
            Rule::word if i == 0 => {
                head = Word {
                    text: child.as_str().to_owned(),
                    span: span_of(&child),
                };
            }
            Rule::block => block = Some(lower_block(child, comments)),
            _ => values.extend(lower_value(&child)),
        }
    }
    // The item's span ends where its last value or its head ends, so that a
    // block's span does not swallow the whole nested text.
    let end = values.last().map_or(head.span.end, |v: &Value| v.span.end);
    Item {
        head,
        values,
        block,
        span: Span::new(span.start, end),
    }
}

fn lower_block(pair: Pair<'_, Rule>, comments: &mut Vec<Comment>) -> Block {
    let mut close = span_of(&pair);
    let mut items = Vec::new();
    for child in pair.into_inner() {
        match child.as_rule() {
            Rule::item => items.push(lower_item(child, comments)),
            Rule::comment => comments.push(lower_comment(&child)),
            Rule::close => close = span_of(&child),
            _ => {}
        }
    }
    Block { items, close }
}

fn lower_value(pair: &Pair<'_, Rule>) -> Option<Value> {
    let span = span_of(pair);
    let raw = pair.as_str();
    let kind = match pair.as_rule() {
        Rule::text => ValueKind::Text(unescape(raw)),
        Rule::date => ValueKind::Date(raw.to_owned()),
        Rule::money => ValueKind::Money(raw.to_owned()),
        Rule::word => ValueKind::Word(raw.to_owned()),
        _ => return None,
    };
    Some(Value { kind, span })
}

fn unescape(quoted: &str) -> String {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(quoted);
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(next) = chars.next() {
                out.push(next);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Grammar-level tests: the rule file syntax alone, without lowering.
#[cfg(test)]
mod tests {
    use super::*;
    use pest::{consumes_to, fails_with, parses_to};

    #[test]
    fn money_literals() {
        parses_to! { parser: Grammar, input: "400 000 €", rule: Rule::money,
        tokens: [money(0, 11)] };
        parses_to! { parser: Grammar, input: "1 234,56 EUR", rule: Rule::money,
        tokens: [money(0, 12)] };
        parses_to! { parser: Grammar, input: "48105€", rule: Rule::money,
        tokens: [money(0, 8)] };
        fails_with! { parser: Grammar, input: "3 mois", rule: Rule::money,
        positives: vec![Rule::money], negatives: vec![], pos: 0 };
    }

    #[test]
    fn dates_and_words() {
        parses_to! { parser: Grammar, input: "2017-08-24", rule: Rule::date,
        tokens: [date(0, 10)] };
        parses_to! { parser: Grammar, input: "0124-CDAF-CDSI", rule: Rule::word,
        tokens: [word(0, 14)] };
        fails_with! { parser: Grammar, input: "2017-08-24x", rule: Rule::date,
        positives: vec![Rule::date], negatives: vec![], pos: 0 };
    }

    #[test]
    fn item_with_values_and_block() {
        parses_to! { parser: Grammar, input: "plafond AE 400 000 €", rule: Rule::item,
        tokens: [item(0, 22, [word(0, 7), word(8, 10), money(11, 22)])] };
        parses_to! { parser: Grammar, input: "durée {\n fin 2018-12-31\n}", rule: Rule::item,
        tokens: [item(0, 26, [word(0, 6), block(7, 26, [
            item(10, 24, [word(10, 13), date(14, 24)]), close(25, 26)])])] };
    }

    #[test]
    fn text_escapes() {
        let (doc, errors) = parse(0, "titre \"a \\\"b\\\" c\"\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            doc.items[0].values[0].kind,
            ValueKind::Text("a \"b\" c".into())
        );
    }

    #[test]
    fn every_broken_line_is_reported() {
        let text = "convention \"x\" {\n  plafond AE 400 000 €\n  nor \"open\n  fin 2018-12-31\n  ! bad\n}\n";
        let (_, errors) = parse(0, text);
        assert_eq!(errors.len(), 2, "{errors:#?}");
        let message = crate::i18n::Lang::En.tr(&errors[0].message);
        assert!(message.contains("unterminated quoted text"), "{message}");
    }

    #[test]
    fn unclosed_block_is_an_error_not_a_panic() {
        let (_, errors) = parse(0, "convention \"x\" {\n nor A\n");
        assert_eq!(errors.len(), 1);
        let message = crate::i18n::Lang::En.tr(&errors[0].message);
        assert!(message.contains("`}`"), "{message}");
    }
}
