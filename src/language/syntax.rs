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

use crate::i18n::{Message, Sep};
use crate::msg;
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
    /// `(art. 4)` at the end of the line, parentheses included in its span.
    pub citation: Option<Word>,
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
        ErrorVariant::CustomError { message } => Message::plain(message.clone()),
    };
    let width = text
        .get(offset..)
        .and_then(|s| s.chars().next())
        .map_or(0, char::len_utf8);
    let span = Span::new(offset, offset + width);
    if let ErrorVariant::CustomError { message } = variant {
        // pest's own limit on nesting, which keeps parsing off the stack's end.
        return Diagnostic::new(
            Code::SyntaxError,
            msg!("syntax-nesting", message = message.as_str()),
        )
        .at_clause(source, span, Message::new("syntax-nesting-label"))
        .help(Message::new("syntax-nesting-help"));
    }
    if text.get(offset..).is_some_and(|s| s.starts_with('"')) {
        // The text is closed where its line ends, before trailing spaces
        // and a brace that opens or closes a block (`convention "Titre {`).
        let line = text.get(offset..).unwrap_or_default();
        let line = line
            .get(..line.find(['\n', '\r']).unwrap_or(line.len()))
            .unwrap_or_default();
        let mut rest = line.trim_end();
        if let Some(before) = rest.strip_suffix(['{', '}']).filter(|b| b.len() > 1) {
            rest = before.trim_end();
        }
        let end = offset + rest.len();
        return Diagnostic::new(Code::SyntaxError, Message::new("syntax-unterminated"))
            .at_clause(source, span, Message::new("syntax-unterminated-label"))
            .help(syntax_help(text, offset))
            .fix(Span::new(end, end), "\"");
    }
    // The end of the file where a `}` is expected: the error is the block
    // left open, so point at the line that opened it.
    if offset >= text.trim_end().len()
        && let Some(open) = unclosed_block(text)
    {
        let (start, end) = line_bounds(text, open);
        let head = text.get(start..end).unwrap_or("").trim();
        let first = start + text.get(start..end).unwrap_or("").len()
            - text.get(start..end).unwrap_or("").trim_start().len();
        return Diagnostic::new(Code::SyntaxError, Message::new("syntax-unclosed"))
            .at_clause(
                source,
                Span::new(first, open + 1),
                msg!("syntax-unclosed-label", line = head),
            )
            .related(source, span, Message::new("syntax-file-ends-label"))
            .help(Message::new("syntax-unclosed-help"));
    }
    let invisible = text
        .get(offset..)
        .and_then(|s| s.chars().next())
        .and_then(invisible_name);
    let help = match invisible {
        Some(_) => Message::new("syntax-invisible-help"),
        None => syntax_help(text, offset),
    };
    Diagnostic::new(
        Code::SyntaxError,
        msg!("expected-found", expected = expected.clone(), found = found),
    )
    .at_clause(source, span, msg!("expected-label", expected = expected))
    .help(help)
}

/// The offset of the `{` left open at the end of the text (braces in
/// quoted texts and comments do not count). Braces alone do not say which
/// block lacks its `}`: indentation does. A `}` closes the block opened on
/// the last line indented as it is; blocks opened deeper in between are
/// the ones left open, the innermost first.
fn unclosed_block(text: &str) -> Option<usize> {
    let indent_at = |offset: usize| {
        let (start, _) = line_bounds(text, offset);
        let line = text.get(start..).unwrap_or("");
        line.len() - line.trim_start_matches([' ', '\t']).len()
    };
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut skipped = None;
    let (mut quoted, mut comment, mut escaped) = (false, false, false);
    for (i, c) in text.char_indices() {
        match c {
            '\n' => {
                quoted = false;
                comment = false;
            }
            _ if comment => {}
            '\\' if quoted => {
                escaped = !escaped;
                continue;
            }
            '"' if !escaped => quoted = !quoted,
            '#' if !quoted => comment = true,
            '{' if !quoted => open.push((i, indent_at(i))),
            '}' if !quoted => {
                let indent = indent_at(i);
                while open.len() > 1 && open.last().is_some_and(|(_, k)| *k > indent) {
                    let left = open.pop();
                    skipped = skipped.or(left.map(|(at, _)| at));
                }
                open.pop();
            }
            _ => {}
        }
        escaped = false;
    }
    skipped.or(open.last().map(|(at, _)| *at))
}

/// The catalogue entry naming an invisible character that has no place
/// in a rule file outside quoted texts.
fn invisible_name(c: char) -> Option<&'static str> {
    match c {
        '\u{feff}' => Some("char-bom"),
        '\u{a0}' => Some("char-nbsp"),
        '\u{202f}' => Some("char-nnbsp"),
        '\u{200b}' => Some("char-zwsp"),
        '\u{200c}' | '\u{200d}' | '\u{2060}' => Some("char-zero-width"),
        '\t' | '\n' | '\r' | ' ' => None,
        c if c.is_whitespace() || c.is_control() => Some("char-other-space"),
        _ => None,
    }
}

fn describe_found(text: &str, offset: usize) -> Message {
    match text.get(offset..).and_then(|s| s.chars().next()) {
        None => Message::new("found-end-of-file"),
        Some('\n' | '\r') => Message::new("found-end-of-line"),
        Some('"') => Message::new("found-unterminated"),
        Some(c) => match invisible_name(c) {
            Some(name) => msg!("found-invisible", name = Message::new(name))
                .arg("code", format!("U+{:04X}", u32::from(c))),
            None => Message::plain(format!("`{c}`")),
        },
    }
}

fn expected_list(rules: &[Rule]) -> Message {
    let mut names: Vec<&'static str> = rules.iter().map(|r| rule_name(*r)).collect();
    // One order in every language: the English one.
    names.sort_by_key(|n| crate::i18n::Lang::En.tr(&Message::new(n)));
    names.dedup();
    match names.as_slice() {
        [] => Message::new("rule-something-else"),
        [one] => Message::new(one),
        names => Message::new("joined").list(
            "items",
            names.iter().map(|n| Message::new(n)).collect(),
            Sep::Or,
        ),
    }
}

/// Names for grammar rules, as users should read them (catalogue entries).
fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::EOI => "rule-end-of-file",
        Rule::item | Rule::word => "rule-keyword",
        Rule::close => "rule-close",
        Rule::block => "rule-open",
        Rule::text | Rule::chars => "rule-text",
        Rule::date => "rule-date",
        Rule::money => "rule-money",
        Rule::comment => "rule-comment",
        Rule::citation => "rule-citation",
        Rule::document => "rule-convention",
        _ => "rule-value",
    }
}

fn syntax_help(text: &str, offset: usize) -> Message {
    let rest = text.get(offset..).unwrap_or("");
    Message::new(if rest.starts_with('"') {
        "syntax-help-quote"
    } else if rest.starts_with('}') {
        "syntax-help-close"
    } else if rest.trim().is_empty() {
        "syntax-help-unclosed"
    } else if rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        "syntax-help-number"
    } else {
        "syntax-help-line"
    })
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
    let mut citation = None;
    for (i, child) in pair.into_inner().enumerate() {
        match child.as_rule() {
            Rule::word if i == 0 => {
                head = Word {
                    text: child.as_str().to_owned(),
                    span: span_of(&child),
                };
            }
            Rule::citation => citation = Some(lower_citation(&child)),
            Rule::block => {
                let (b, cited) = lower_block(child, comments);
                block = Some(b);
                citation = citation.or(cited);
            }
            _ => values.extend(lower_value(&child)),
        }
    }
    // The item's span ends where its last value or its head ends, so that a
    // block's span does not swallow the whole nested text.
    let end = values.last().map_or(head.span.end, |v: &Value| v.span.end);
    Item {
        head,
        values,
        citation,
        block,
        span: Span::new(span.start, end),
    }
}

fn lower_citation(pair: &Pair<'_, Rule>) -> Word {
    Word {
        text: pair.as_str().to_owned(),
        span: span_of(pair),
    }
}

/// A block, and the citation written just after its `{`.
fn lower_block(pair: Pair<'_, Rule>, comments: &mut Vec<Comment>) -> (Block, Option<Word>) {
    let mut close = span_of(&pair);
    let mut items = Vec::new();
    let mut citation = None;
    for child in pair.into_inner() {
        match child.as_rule() {
            Rule::item => items.push(lower_item(child, comments)),
            Rule::comment => comments.push(lower_comment(&child)),
            Rule::citation => citation = Some(lower_citation(&child)),
            Rule::close => close = span_of(&child),
            _ => {}
        }
    }
    (Block { items, close }, citation)
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
