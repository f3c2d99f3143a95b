//! Lowering of amendments (`avenant`) and waivers (`dérogation`).

use crate::i18n::Message;
use crate::msg;

use crate::diag::{Code, Diagnostic};
use crate::language::keywords::{
    AMENDMENT_OWN, AmendmentWord, CLAUSES, WAIVER, WAIVER_KEYS, WaiverWord,
    convention_clause_named, fold, named, spelled,
};
use crate::language::syntax::{Item, ValueKind};
use crate::span::Spanned;

use super::{Form, Lowerer, OnceSlots, Unknown, once};

impl Lowerer {
    /// `avenant N { effet DATE  plafond …  échéancier { … }  fin DATE … }`.
    pub(super) fn amendment(&mut self, item: &Item) -> Option<crate::language::model::Amendment> {
        let number_value =
            self.value_at(item, 0, Message::new("what-amendment-number"), Form::Other)?;
        let number = match &number_value.kind {
            ValueKind::Word(w) => w.parse::<u32>().ok(),
            _ => None,
        };
        let Some(number) = number else {
            self.value_error(
                number_value,
                Message::new("what-amendment-number-block"),
                Form::Other,
            );
            return None;
        };
        self.no_more_values(item, 1);
        // The amendment's clauses are lowered like the convention's, into a
        // scratch convention.
        let mut scratch = self.convention_shell(item);
        let mut slots = OnceSlots::default();
        let mut effect = None;
        let mut end = None;
        let mut removed_markets = Vec::new();
        for sub in item.block.iter().flat_map(|b| &b.items) {
            match named(AMENDMENT_OWN, &sub.head.text) {
                Some(AmendmentWord::Remove) => {
                    self.no_block(sub);
                    let kind = sub.words().next().flatten().map(fold);
                    if kind.as_deref() == Some("marche") {
                        if let Some(purpose) =
                            self.text_at(sub, 1, Message::new("what-removed-market"))
                        {
                            removed_markets.push(purpose);
                        }
                        self.no_more_values(sub, 2);
                    } else {
                        let at = sub.values.first().map_or(sub.head.span, |v| v.span);
                        self.unknown_word(
                            kind.as_deref().unwrap_or(""),
                            at,
                            &["marché"],
                            Unknown::ThingToRemove,
                        );
                    }
                }
                Some(AmendmentWord::Effect) => {
                    let v = self.date_at(sub, 0, Message::new("what-amendment-effect"));
                    self.no_more_values(sub, 1);
                    once(self, &mut effect, v, sub);
                }
                Some(AmendmentWord::End) => {
                    let v = self.date_at(sub, 0, Message::new("what-new-end"));
                    self.no_more_values(sub, 1);
                    once(self, &mut end, v, sub);
                }
                None => match convention_clause_named(&sub.head.text) {
                    Some(clause) if clause.in_amendment => {
                        self.convention_clause(sub, &mut scratch, &mut slots);
                    }
                    _ => {
                        let names: Vec<&str> = CLAUSES
                            .iter()
                            .filter(|c| c.in_amendment)
                            .map(|c| c.keyword)
                            .chain(spelled(AMENDMENT_OWN))
                            .collect();
                        self.unknown(sub, &names);
                    }
                },
            }
        }
        let signature = slots.signature.take().map(|(v, _)| v);
        let imputation = slots.imputation.take().map(|(v, _)| v);
        let delegation = slots.delegation.take().map(|(v, _)| v);
        let titles = slots.titles.take().map(|(v, _)| v);
        let accounts = slots.accounts.take().map(|(v, _)| v);
        self.schedule_broken |= scratch.schedule_broken;
        let Some((effect, _)) = effect else {
            self.diags.push(
                Diagnostic::new(
                    Code::ClauseMissing,
                    msg!("amendment-no-effect", number = number.to_string()),
                )
                .at_clause(
                    self.source,
                    item.head.span,
                    msg!("missing-here-label", clause = "effet"),
                )
                .help(Message::new("amendment-no-effect-help")),
            );
            return None;
        };
        Some(crate::language::model::Amendment {
            number: Spanned::new(number, number_value.span),
            signature,
            effect,
            ceilings: scratch.ceilings,
            schedule: scratch.schedule,
            end: end.map(|(v, _)| v),
            markets: scratch.markets,
            removed_markets,
            imputation,
            envelopes: scratch.envelopes,
            titles,
            accounts,
            delegation,
            span: item.span,
        })
    }

    /// `dérogation CODE ej|dp NUMBER { motif "…"  approuvée-par "…"  jusqu'au DATE }`.
    pub(super) fn waiver(&mut self, item: &Item) -> Option<crate::language::model::Waiver> {
        let code = self.code_at(item, 0, Message::new("what-waived-code"))?;
        if !Code::ALL.iter().any(|c| c.as_str() == code.value) {
            let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
            self.unknown_word(&code.value, code.span, &names, Unknown::DiagnosticCode);
            return None;
        }
        let kind_value = self.value_at(item, 1, Message::new("what-key-kind"), Form::Other)?;
        let kind = match &kind_value.kind {
            ValueKind::Word(w) => named(WAIVER_KEYS, w),
            _ => None,
        };
        let Some(kind) = kind else {
            self.value_error(kind_value, Message::new("what-key-kind-long"), Form::Other);
            return None;
        };
        let number = self.code_at(item, 2, Message::new("what-key-number"))?;
        self.no_more_values(item, 3);
        let key = Spanned::new((kind, number.value), kind_value.span.cover(number.span));
        let (mut reason, mut approved_by, mut until) = (None, None, None);
        for sub in item.block.iter().flat_map(|b| &b.items) {
            self.no_block(sub);
            match named(WAIVER, &sub.head.text) {
                Some(WaiverWord::Reason) => {
                    let v = self.text_at(sub, 0, Message::new("what-waiver-reason"));
                    once(self, &mut reason, v, sub);
                }
                Some(WaiverWord::ApprovedBy) => {
                    let v = self.text_at(sub, 0, Message::new("what-waiver-approver"));
                    once(self, &mut approved_by, v, sub);
                }
                Some(WaiverWord::Until) => {
                    let v = self.date_at(sub, 0, Message::new("what-waiver-until"));
                    once(self, &mut until, v, sub);
                }
                None => self.unknown(sub, &spelled(WAIVER).collect::<Vec<_>>()),
            }
        }
        let Some((reason, _)) = reason else {
            self.diags.push(
                Diagnostic::new(Code::ClauseMissing, Message::new("waiver-no-reason"))
                    .at_clause(
                        self.source,
                        item.head.span,
                        msg!("missing-here-label", clause = "motif"),
                    )
                    .help(Message::new("waiver-no-reason-help")),
            );
            return None;
        };
        Some(crate::language::model::Waiver {
            code,
            key,
            reason,
            approved_by: approved_by.map(|(v, _)| v),
            until: until.map(|(v, _)| v),
            span: item.span,
        })
    }
}
