//! The value helpers of lowering, each reporting its own error (a value
//! missing or of the wrong form, with the help line of the [`Form`]
//! expected), and unknown words with a suggestion.

use crate::i18n::Message;
use crate::msg;

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::language::keywords::suggest;
use crate::language::syntax::{Item, Value, ValueKind};
use crate::span::{Span, Spanned};

use super::Lowerer;

impl Lowerer {
    pub(super) fn value_at<'a>(
        &mut self,
        item: &'a Item,
        index: usize,
        what: Message,
        form: Form,
    ) -> Option<&'a Value> {
        let value = item.values.get(index);
        if value.is_none() {
            let at = item.values.last().map_or(item.head.span, |v| v.span);
            self.missing_value(item, at, what, form);
        }
        value
    }

    pub(super) fn text_at(
        &mut self,
        item: &Item,
        index: usize,
        what: Message,
    ) -> Option<Spanned<String>> {
        let value = self.value_at(item, index, what.clone(), Form::Text)?;
        match &value.kind {
            ValueKind::Text(t) => Some(Spanned::new(t.clone(), value.span)),
            _ => {
                self.value_error(value, msg!("what-as-text", what = what), Form::Text);
                None
            }
        }
    }

    pub(super) fn code_at(
        &mut self,
        item: &Item,
        index: usize,
        what: Message,
    ) -> Option<Spanned<String>> {
        let value = self.value_at(item, index, what.clone(), Form::Other)?;
        let code = code_value(value);
        if code.is_none() {
            self.value_error(value, what, Form::Other);
        }
        code
    }

    pub(super) fn date_at(
        &mut self,
        item: &Item,
        index: usize,
        what: Message,
    ) -> Option<Spanned<NaiveDate>> {
        let value = self.value_at(item, index, what.clone(), Form::Date)?;
        let ValueKind::Date(raw) = &value.kind else {
            self.value_error(value, msg!("what-as-date", what = what), Form::Date);
            return None;
        };
        match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(date) => Some(Spanned::new(date, value.span)),
            Err(_) => {
                self.diags.push(
                    Diagnostic::new(
                        Code::ValueInvalid,
                        msg!("not-a-calendar-date", raw = raw.as_str()),
                    )
                    .at_clause(self.source, value.span, Message::new("no-such-day-label"))
                    .help(Message::new("not-a-calendar-date-help")),
                );
                None
            }
        }
    }

    pub(super) fn no_more_values(&mut self, item: &Item, allowed: usize) {
        if let (Some(first), Some(last)) = (item.values.get(allowed), item.values.last()) {
            let span = first.span.cover(last.span);
            self.diags.push(
                Diagnostic::new(
                    Code::ValueInvalid,
                    msg!("takes-values", clause = item.head.text.as_str()).count("count", allowed),
                )
                .at_clause(self.source, span, Message::new("unexpected-label"))
                .help(Message::new("takes-values-help")),
            );
        }
    }

    pub(super) fn no_block(&mut self, item: &Item) {
        if let Some(block) = &item.block {
            self.diags.push(
                Diagnostic::new(
                    Code::ValueInvalid,
                    msg!("takes-no-block", clause = item.head.text.as_str()),
                )
                .at_clause(
                    self.source,
                    Span::new(item.span.end, block.close.end),
                    Message::new("unexpected-block-label"),
                )
                .help(Message::new("takes-no-block-help")),
            );
        }
    }

    pub(super) fn value_error(&mut self, value: &Value, expected: Message, form: Form) {
        let help = form.help();
        self.diags.push(
            Diagnostic::new(
                Code::ValueInvalid,
                msg!(
                    "expected-found",
                    expected = expected.clone(),
                    found = value.kind_name()
                ),
            )
            .at_clause(
                self.source,
                value.span,
                msg!("expected-label", expected = expected),
            )
            .help(help),
        );
    }

    pub(super) fn missing_value(&mut self, item: &Item, at: Span, what: Message, form: Form) {
        let help = form.help();
        self.diags.push(
            Diagnostic::new(
                Code::ValueInvalid,
                msg!(
                    "needs-value",
                    clause = item.head.text.as_str(),
                    what = what.clone()
                ),
            )
            .at_clause(
                self.source,
                Span::new(at.end, at.end),
                msg!("expected-here-label", what = what),
            )
            .help(help),
        );
    }

    pub(super) fn unknown(&mut self, item: &Item, candidates: &[&str]) {
        self.unknown_word(&item.head.text, item.head.span, candidates, Unknown::Clause);
    }

    /// An unknown word; `what` is the kind of word expected.
    pub(super) fn unknown_word(
        &mut self,
        word: &str,
        span: Span,
        candidates: &[&str],
        what: Unknown,
    ) {
        let suggested = suggest(word, candidates);
        let help = match suggested {
            Some(s) => msg!("did-you-mean", word = s),
            None => msg!("expected-one-of", words = candidates.join(", ")),
        };
        let (message, label) = match what {
            Unknown::MarketField => ("unknown-market-field", "not-a-market-field"),
            Unknown::DiagnosticCode => ("unknown-diagnostic-code", "not-a-diagnostic-code"),
            Unknown::ThingToRemove => ("unknown-thing-to-remove", "not-a-thing-to-remove"),
            Unknown::Clause => ("unknown-clause", "not-a-clause"),
        };
        let d = Diagnostic::new(Code::ClauseUnknown, Message::new(message).arg("word", word))
            .at_clause(self.source, span, Message::new(label))
            .help(help);
        // The one close word is the repair of a misspelling.
        self.diags.push(match suggested {
            Some(s) => d.fix(span, s),
            None => d,
        });
    }
}

/// A code (word or quoted text) as written.
/// A domaine fonctionnel such as `0103-01-01` has the shape of a date: in a
/// code's place, a date token is read as the code it spells.
pub(super) fn code_value(value: &Value) -> Option<Spanned<String>> {
    match &value.kind {
        ValueKind::Word(w) | ValueKind::Date(w) => Some(Spanned::new(w.clone(), value.span)),
        ValueKind::Text(t) if !t.trim().is_empty() => Some(Spanned::new(t.clone(), value.span)),
        _ => None,
    }
}

pub(super) fn pair_span(pair: &[Value]) -> Span {
    match (pair.first(), pair.last()) {
        (Some(a), Some(b)) => a.span.cover(b.span),
        _ => Span::default(),
    }
}

/// The kind of word expected where an unknown one stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unknown {
    Clause,
    MarketField,
    DiagnosticCode,
    ThingToRemove,
}

/// The form of value a clause expects at a place, which chooses the help
/// line of an error about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// A quoted text.
    Text,
    /// A date, yyyy-mm-dd.
    Date,
    /// An amount with its currency.
    Amount,
    /// A word, a number or a code: the language reference tells.
    Other,
}

impl Form {
    pub(super) fn help(self) -> Message {
        Message::new(match self {
            Form::Text => "value-help-text",
            Form::Date => "value-help-date",
            Form::Amount => "value-help-amount",
            Form::Other => "value-help-reference",
        })
    }
}
