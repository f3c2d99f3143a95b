//! Lowering of what the money is bound by: ceilings, the forecast schedule,
//! envelopes, imputation codes, the nature of expenses and the budgets
//! delegated; amounts and budgets as values.

use crate::i18n::Message;
use crate::msg;

use rust_decimal::Decimal;

use crate::diag::{Code, Diagnostic};
use crate::language::keywords::{ENVELOPE, EnvelopeWord, IMPUTATION, fold, named, spelled};
use crate::language::model::{
    Budget, Ceiling, CodeField, Convention, Envelope, Imputation, Restriction, ScheduleLine,
};
use crate::language::syntax::{Item, Value, ValueKind};
use crate::money::{literal, parse_money, to_cents};
use crate::span::{Span, Spanned};

use super::values::pair_span;
use super::{Form, Lowerer, Nature, once};

impl Lowerer {
    /// `enveloppe "name" { centre-financier …  plafond …  échéancier { … } }`:
    /// the envelope's own codes, ceilings and schedule. In an amendment, an
    /// envelope of a known name states what changes in it.
    pub(super) fn envelope(&mut self, item: &Item, c: &mut Convention) -> Option<Envelope> {
        let name = self.text_at(item, 0, Message::new("what-envelope-name"))?;
        self.no_more_values(item, 1);
        if let Some(first) = c
            .envelopes
            .iter()
            .find(|e| fold(&e.name.value) == fold(&name.value))
        {
            let first = first.name.span;
            self.diags.push(
                Diagnostic::new(
                    Code::ClauseDuplicate,
                    msg!("envelope-twice", name = name.value.as_str()),
                )
                .at_clause(self.source, name.span, Message::new("stated-again-label"))
                .related(self.source, first, Message::new("first-stated-label"))
                .help(Message::new("envelope-twice-help")),
            );
            return None;
        }
        let mut scratch = self.convention_shell(item);
        let mut codes = Vec::new();
        for sub in item.block.iter().flat_map(|b| &b.items) {
            match named(ENVELOPE, &sub.head.text) {
                Some(EnvelopeWord::Ceiling) => {
                    self.ceiling(sub, &mut scratch);
                    self.no_block(sub);
                }
                Some(EnvelopeWord::Schedule) => self.schedule(sub, &mut scratch),
                Some(EnvelopeWord::Code(_)) => codes.push(sub),
                None => self.unknown(sub, &spelled(ENVELOPE).collect::<Vec<_>>()),
            }
        }
        c.schedule_broken |= scratch.schedule_broken;
        Some(Envelope {
            name,
            imputation: self.imputation_codes(codes.into_iter(), item.span),
            ceilings: scratch.ceilings,
            schedule: scratch.schedule,
            span: item.span,
        })
    }

    /// `titre 3`, `titre 3 et 5` (the titles authorised), `titre hors 2`
    /// (the titles excluded); `compte 61 62`, `compte hors 64` likewise for
    /// PCE account prefixes.
    pub(super) fn restriction(&mut self, item: &Item, nature: Nature) -> Option<Restriction> {
        let expected = match nature {
            Nature::Title => Message::new("what-budget-title"),
            Nature::Account => Message::new("what-pce-account"),
        };
        let mut excluded = false;
        let mut values = Vec::new();
        for (i, v) in item.values.iter().enumerate() {
            match &v.kind {
                ValueKind::Word(w) if i == 0 && fold(w) == "hors" => excluded = true,
                ValueKind::Word(w) if fold(w) == "et" => {}
                ValueKind::Word(w) if nature.valid(w) => {
                    values.push(Spanned::new(w.clone(), v.span))
                }
                _ => self.value_error(v, expected.clone(), Form::Other),
            }
        }
        if values.is_empty() {
            self.missing_value(item, item.head.span, expected, Form::Other);
            return None;
        }
        Some(Restriction {
            excluded,
            values,
            span: item.span,
        })
    }

    pub(super) fn ceiling(&mut self, item: &Item, c: &mut Convention) {
        // `plafond CP 60 000 € par an`: a ceiling of each budget year.
        let words: Vec<Option<String>> = item
            .words()
            .map(|w| w.map(|w| fold(w).into_owned()))
            .collect();
        let per_year = matches!(
            words.as_slice(),
            [.., Some(par), Some(an)] if par == "par" && matches!(an.as_str(), "an" | "annee")
        );
        let values = if per_year {
            item.values
                .get(..item.values.len().saturating_sub(2))
                .unwrap_or_default()
        } else {
            item.values.as_slice()
        };
        if self.bare_amounts(values) {
            return;
        }
        let Some((amount_value, budget_values)) = values.split_last() else {
            self.missing_value(
                item,
                item.head.span,
                Message::new("what-budget-amount"),
                Form::Amount,
            );
            return;
        };
        let Some(amount) = self.money(amount_value) else {
            return;
        };
        let mut budgets = Vec::new();
        for v in budget_values {
            match &v.kind {
                ValueKind::Word(w) if fold(w) == "et" => {}
                _ => budgets.extend(self.budget(v)),
            }
        }
        if budgets.is_empty() {
            self.missing_value(
                item,
                item.head.span,
                Message::new("what-budget-before-amount"),
                Form::Amount,
            );
        }
        for budget in budgets {
            let first = c
                .ceilings
                .iter()
                .find(|c| c.budget == budget && c.per_year == per_year);
            if let Some(first) = first {
                let first = first.span;

                self.diags.push(
                    Diagnostic::new(
                        Code::ClauseDuplicate,
                        msg!("ceiling-twice", budget = budget.to_string())
                            .count("yearly", u8::from(per_year)),
                    )
                    .at_clause(self.source, item.span, Message::new("stated-again-label"))
                    .related(self.source, first, Message::new("first-stated-label"))
                    .help(Message::new("ceiling-twice-help")),
                );
                continue;
            }
            c.ceilings.push(Ceiling {
                budget,
                amount: amount.value,
                per_year,
                span: item.span,
            });
        }
    }

    pub(super) fn schedule(&mut self, item: &Item, c: &mut Convention) {
        let errors_before = self.diags.len();
        self.schedule_lines(item, c);
        let end = item.block.as_ref().map_or(item.span.end, |b| b.close.end);
        let blanked = self
            .syntax_errors
            .iter()
            .any(|e| e.start >= item.span.start && e.start < end);
        if blanked || self.diags.len() > errors_before {
            c.schedule_broken = true;
        }
    }

    pub(super) fn schedule_lines(&mut self, item: &Item, c: &mut Convention) {
        self.no_more_values(item, 0);
        for line in item.block.iter().flat_map(|b| &b.items) {
            self.no_block(line);
            let year = match line.head.text.parse::<i32>() {
                Ok(y) if (1900..=2200).contains(&y) => y,
                _ => {
                    self.diags.push(
                        Diagnostic::new(
                            Code::ValueInvalid,
                            msg!("not-a-year", word = line.head.text.as_str()),
                        )
                        .at_clause(
                            self.source,
                            line.head.span,
                            Message::new("expected-year-label"),
                        )
                        .help(Message::new("schedule-line-help")),
                    );
                    continue;
                }
            };
            if line.values.is_empty() {
                self.missing_value(
                    line,
                    line.head.span,
                    Message::new("what-schedule-amounts"),
                    Form::Amount,
                );
            }
            if self.bare_amounts(&line.values) {
                continue;
            }
            for pair in line.values.chunks(2) {
                let [budget, amount] = pair else {
                    self.missing_value(
                        line,
                        line.span,
                        Message::new("what-amount-after-budget"),
                        Form::Amount,
                    );
                    continue;
                };
                let (Some(budget), Some(amount)) = (self.budget(budget), self.money(amount)) else {
                    continue;
                };
                let span = pair_span(pair);
                if let Some(first) = c
                    .schedule
                    .iter()
                    .find(|s| s.year == year && s.budget == budget)
                {
                    let first = first.span;
                    self.diags.push(
                        Diagnostic::new(
                            Code::ClauseDuplicate,
                            msg!(
                                "forecast-twice",
                                budget = budget.to_string(),
                                year = year.to_string()
                            ),
                        )
                        .at_clause(self.source, span, Message::new("stated-again-label"))
                        .related(self.source, first, Message::new("first-stated-label"))
                        .help(Message::new("forecast-twice-help")),
                    );
                    continue;
                }
                c.schedule.push(ScheduleLine {
                    year,
                    budget,
                    amount: amount.value,
                    span,
                });
            }
        }
    }

    pub(super) fn imputation(&mut self, item: &Item) -> Option<Imputation> {
        self.no_more_values(item, 0);
        let subs = item.block.iter().flat_map(|b| &b.items);
        Some(self.imputation_codes(subs, item.span))
    }

    /// The code clauses of an `imputation` or `enveloppe` block.
    pub(super) fn imputation_codes<'a>(
        &mut self,
        subs: impl Iterator<Item = &'a Item>,
        span: Span,
    ) -> Imputation {
        let mut imp = Imputation {
            span,
            ..Imputation::default()
        };
        let mut slots: [Option<(Spanned<String>, Span)>; CodeField::COUNT] = Default::default();
        for sub in subs {
            self.no_block(sub);
            let Some(field) = named(IMPUTATION, &sub.head.text) else {
                self.unknown(sub, &spelled(IMPUTATION).collect::<Vec<_>>());
                continue;
            };
            let index = field as usize;
            let v = self.code_at(sub, 0, Message::new("what-code"));
            if field == CodeField::Programme && sub.values.len() > 1 {
                imp.programme_label = self.text_at(sub, 1, Message::new("what-programme-name"));
                self.no_more_values(sub, 2);
            } else {
                self.no_more_values(sub, 1);
            }
            if let Some(slot) = slots.get_mut(index) {
                once(self, slot, v, sub);
            }
        }
        let [programme, bop, cf, df, activite, cc, _] = slots;
        imp.programme = programme.map(|(v, _)| v);
        imp.bop = bop.map(|(v, _)| v);
        imp.centre_financier = cf.map(|(v, _)| v);
        imp.domaine_fonctionnel = df.map(|(v, _)| v);
        imp.activite = activite.map(|(v, _)| v);
        imp.centre_de_couts = cc.map(|(v, _)| v);
        imp
    }

    /// `délégation AE et CP`, `délégation CP`, `délégation AE`.
    pub(super) fn delegation(&mut self, item: &Item) -> Option<crate::language::model::Delegation> {
        let mut budgets = [false, false];
        let mut receipts = false;
        for v in &item.values {
            match &v.kind {
                ValueKind::Word(w) if fold(w) == "et" => {}
                // `dépenses`: AE and CP; `recettes`: the receipts.
                ValueKind::Word(w) if matches!(&*fold(w), "depenses" | "depense") => {
                    budgets = [true, true];
                }
                ValueKind::Word(w) if matches!(&*fold(w), "recettes" | "recette") => {
                    receipts = true;
                }
                _ => {
                    if let Some(b) = self.budget(v)
                        && let Some(slot) = budgets.get_mut(b.index())
                    {
                        *slot = true;
                    }
                }
            }
        }
        if budgets == [false, false] && !receipts {
            self.missing_value(
                item,
                item.head.span,
                Message::new("what-delegated"),
                Form::Other,
            );
            return None;
        }
        Some(crate::language::model::Delegation {
            budgets,
            receipts,
            span: item.span,
        })
    }

    /// Numbers written without a currency where an amount is expected
    /// (`plafond AE 400 000`): each run of them is reported once, with the
    /// amount as it should read. True if there was one.
    pub(super) fn bare_amounts(&mut self, values: &[Value]) -> bool {
        let number = |v: &Value| {
            matches!(&v.kind, ValueKind::Word(w)
                if w.starts_with(|c: char| c.is_ascii_digit())
                    && w.chars().all(|c| c.is_ascii_digit() || c == ','))
        };
        let mut found = false;
        let mut i = 0;
        while i < values.len() {
            let run = values
                .get(i..)
                .unwrap_or_default()
                .iter()
                .take_while(|v| number(v))
                .count();
            if run == 0 {
                i += 1;
                continue;
            }
            let run_values = values.get(i..i + run).unwrap_or_default();
            let digits: String = run_values
                .iter()
                .filter_map(|v| match &v.kind {
                    ValueKind::Word(w) => Some(w.as_str()),
                    _ => None,
                })
                .collect();
            let written: Vec<String> = run_values
                .iter()
                .filter_map(|v| match &v.kind {
                    ValueKind::Word(w) => Some(w.clone()),
                    _ => None,
                })
                .collect();
            let suggestion = parse_money(&digits)
                .ok()
                .and_then(to_cents)
                .map_or_else(|| format!("{digits} €"), literal);
            if let (Some(first), Some(last)) = (run_values.first(), run_values.last()) {
                self.diags.push(
                    Diagnostic::new(
                        Code::ValueInvalid,
                        msg!(
                            "amount-needs-currency",
                            written = written.join(" "),
                            suggestion = suggestion.as_str()
                        ),
                    )
                    .at_clause(
                        self.source,
                        first.span.cover(last.span),
                        Message::new("no-currency-label"),
                    )
                    .help(msg!(
                        "amount-needs-currency-help",
                        suggestion = suggestion.as_str()
                    ))
                    .fix(first.span.cover(last.span), suggestion.as_str()),
                );
            }
            found = true;
            i += run;
        }
        found
    }

    pub(super) fn money(&mut self, value: &Value) -> Option<Spanned<Decimal>> {
        let ValueKind::Money(raw) = &value.kind else {
            self.value_error(value, Message::new("what-amount"), Form::Amount);
            return None;
        };
        match parse_money(raw) {
            Ok(amount) => Some(Spanned::new(amount, value.span)),
            Err(why) => {
                self.diags.push(
                    Diagnostic::new(
                        Code::ValueInvalid,
                        msg!("not-a-valid-amount", raw = raw.as_str()),
                    )
                    .at_clause(self.source, value.span, Message::new(why.reason()))
                    .help(Message::new("not-a-valid-amount-help")),
                );
                None
            }
        }
    }

    pub(super) fn budget(&mut self, value: &Value) -> Option<Budget> {
        match &value.kind {
            ValueKind::Word(w) if w.eq_ignore_ascii_case("AE") => Some(Budget::AE),
            ValueKind::Word(w) if w.eq_ignore_ascii_case("CP") => Some(Budget::CP),
            _ => {
                self.value_error(value, Message::new("what-budget"), Form::Other);
                None
            }
        }
    }
}
