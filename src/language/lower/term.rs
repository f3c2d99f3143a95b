//! Lowering of the term (`durée`: effect, end, duration, tacit renewal), the
//! notice periods (`préavis`) and a notice given (`dénonciation`).

use crate::i18n::Message;
use crate::msg;

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::language::keywords::{RENEWAL, RenewalWord, TERM, TermWord, fold, named, spelled};
use crate::language::model::{Notice, Term, TermStart};
use crate::language::syntax::{Item, ValueKind};
use crate::span::Spanned;

use super::{Form, Lowerer, once};

impl Lowerer {
    pub(super) fn term(&mut self, item: &Item) -> Option<Term> {
        self.no_more_values(item, 0);
        let mut start = None;
        let mut end = None;
        let mut duration = None;
        let mut renewal = None;
        let mut indefinite = None;
        for sub in item.block.iter().flat_map(|b| &b.items) {
            self.no_block(sub);
            match named(TERM, &sub.head.text) {
                Some(TermWord::For) => {
                    let v = self.duration(sub, 0).map(|(d, used)| {
                        self.no_more_values(sub, used);
                        Spanned::new(d, sub.span)
                    });
                    once(self, &mut duration, v, sub);
                }
                Some(TermWord::Renewal) => {
                    let v = self.renewal(sub);
                    once(self, &mut renewal, v, sub);
                }
                Some(TermWord::Effect) => {
                    let v = self.term_start(sub);
                    self.no_more_values(sub, 1);
                    once(self, &mut start, v, sub);
                }
                Some(TermWord::End) => {
                    let v = self.date_at(sub, 0, Message::new("what-end-date"));
                    self.no_more_values(sub, 1);
                    once(self, &mut end, v, sub);
                }
                Some(TermWord::Indefinite) => {
                    self.no_more_values(sub, 0);
                    once(self, &mut indefinite, Some(sub.span), sub);
                }
                None => self.unknown(sub, &spelled(TERM).collect::<Vec<_>>()),
            }
        }
        if let (Some((_, at)), Some(_)) = (&duration, &end) {
            self.diags.push(
                Diagnostic::new(Code::ClauseDuplicate, Message::new("fin-and-pour"))
                    .at_clause(self.source, *at, Message::new("fin-and-pour-label"))
                    .help(Message::new("fin-and-pour-help")),
            );
        }
        if let (Some((_, at)), true) = (&indefinite, end.is_some() || duration.is_some()) {
            self.diags.push(
                Diagnostic::new(Code::ClauseDuplicate, Message::new("end-and-indefinite"))
                    .at_clause(self.source, *at, Message::new("end-and-indefinite-label"))
                    .help(Message::new("end-and-indefinite-help")),
            );
        }
        let end = match (end, &duration, &start) {
            (Some(end), _, _) => Some(end),
            (None, Some((d, at)), Some((s, _))) => match &s.value {
                // A duration from the signature is resolved once the
                // signature is known (see `resolve_term`).
                TermStart::On(from) => d.value.after(*from).map(|e| (Spanned::new(e, d.span), *at)),
                TermStart::AtSignature => Some((Spanned::new(NaiveDate::MIN, d.span), *at)),
            },
            _ => None,
        };
        let end = match (end, &indefinite) {
            (Some((end, _)), _) => Some(Some(end)),
            (None, Some(_)) => Some(None),
            (None, None) => None,
        };
        let (Some((start, _)), Some(end)) = (start, end) else {
            let heads: Vec<String> = item
                .block
                .iter()
                .flat_map(|b| &b.items)
                .map(|i| fold(&i.head.text).into_owned())
                .collect();
            let missing: Vec<&str> = ["effet", "fin"]
                .into_iter()
                .filter(|k| !heads.iter().any(|h| h == k || (*k == "fin" && h == "pour")))
                .collect();
            if self.complete && !missing.is_empty() {
                self.diags.push(
                    Diagnostic::new(
                        Code::ClauseMissing,
                        msg!(
                            "term-incomplete",
                            first = missing.first().copied().unwrap_or_default(),
                            second = missing.get(1).copied().unwrap_or_default()
                        )
                        .count("count", missing.len()),
                    )
                    .at_clause(
                        self.source,
                        item.head.span,
                        Message::new("term-incomplete-label"),
                    )
                    .help(Message::new("term-incomplete-help")),
                );
            }
            return None;
        };
        Some(Term {
            start,
            end,
            indefinite: indefinite.map(|(s, _)| s),
            duration: duration.map(|(d, _)| d),
            renewal: renewal.map(|(r, _)| r),
            span: item.span,
        })
    }

    /// `N jours [francs|ouvrés]`, `N mois`, `N an(s)` from value `at`; the
    /// duration and the number of values it took.
    pub(super) fn duration(
        &mut self,
        item: &Item,
        at: usize,
    ) -> Option<(crate::dates::Duration, usize)> {
        use crate::dates::Duration;
        let count_value =
            self.value_at(item, at, Message::new("what-duration-count"), Form::Other)?;
        let count = match &count_value.kind {
            ValueKind::Word(w) => w.parse::<u32>().ok().filter(|n| *n <= 100_000),
            _ => None,
        };
        let Some(count) = count else {
            self.value_error(count_value, Message::new("what-whole-number"), Form::Other);
            return None;
        };
        let unit_value = self.value_at(
            item,
            at + 1,
            Message::new("what-duration-unit"),
            Form::Other,
        )?;
        let unit = match &unit_value.kind {
            ValueKind::Word(w) => fold(w),
            _ => "".into(),
        };
        let qualifier = item.words().nth(at + 2).flatten().map(fold);
        let duration = match (&*unit, qualifier.as_deref()) {
            ("jour" | "jours", Some("francs" | "franc")) => (Duration::ClearDays(count), 3),
            ("jour" | "jours", Some("ouvres" | "ouvre")) => (Duration::WorkingDays(count), 3),
            ("jour" | "jours", _) => (Duration::Days(count), 2),
            ("mois", _) => (Duration::Months(count), 2),
            ("an" | "ans" | "annee" | "annees", _) => (Duration::Years(count), 2),
            _ => {
                self.value_error(unit_value, Message::new("what-unit"), Form::Other);
                return None;
            }
        };
        Some((duration.0, at + duration.1))
    }

    /// `reconduction 1 an [fois 2] préavis 3 mois [report-jour-ouvré]`.
    pub(super) fn renewal(&mut self, item: &Item) -> Option<crate::language::model::Renewal> {
        let (period, mut i) = self.duration(item, 0)?;
        // Without `fois`, renewals have no limit (`d'année en année`).
        let mut times = None;
        let mut notice = None;
        let mut next_working_day = false;
        while let Some(key) = item.values.get(i) {
            let word = match &key.kind {
                ValueKind::Word(w) => named(RENEWAL, w),
                _ => None,
            };
            match word {
                Some(RenewalWord::Times) => {
                    times = match item
                        .words()
                        .nth(i + 1)
                        .flatten()
                        .and_then(|n| n.parse::<u32>().ok())
                    {
                        Some(n) if n <= 100 => Some(n),
                        _ => {
                            self.missing_value(
                                item,
                                key.span,
                                Message::new("what-renewal-count"),
                                Form::Other,
                            );
                            return None;
                        }
                    };
                    i += 2;
                }
                Some(RenewalWord::Notice) => {
                    let (d, next) = self.duration(item, i + 1)?;
                    notice = Some(d);
                    i = next;
                }
                Some(RenewalWord::NextWorkingDay) => {
                    next_working_day = true;
                    i += 1;
                }
                None => {
                    self.value_error(key, Message::new("what-renewal-clause"), Form::Other);
                    return None;
                }
            }
        }
        Some(crate::language::model::Renewal {
            period,
            times,
            notice,
            next_working_day,
            span: item.span,
        })
    }

    /// `dénonciation 2018-03-15 par délégant objet résiliation [report-jour-ouvré]`.
    pub(super) fn termination(
        &mut self,
        item: &Item,
    ) -> Option<crate::language::model::Termination> {
        use crate::language::model::{Purpose, Role};
        let date = self.date_at(item, 0, Message::new("what-notice-date"))?;
        let mut by = None;
        let mut purpose = Purpose::Termination;
        let mut next_working_day = false;
        let mut i = 1;
        while let Some(key) = item.values.get(i) {
            let word = |j: usize| item.words().nth(j).flatten().map(fold);
            match word(i).as_deref() {
                Some("par") => {
                    by = match word(i + 1).as_deref() {
                        Some("delegant") => Some(Role::Delegant),
                        Some("delegataire") => Some(Role::Delegataire),
                        _ => {
                            self.missing_value(
                                item,
                                key.span,
                                Message::new("what-notice-by"),
                                Form::Other,
                            );
                            return None;
                        }
                    };
                    i += 2;
                }
                Some("objet") => {
                    purpose = match word(i + 1).as_deref() {
                        Some("resiliation") => Purpose::Termination,
                        Some("modification") => Purpose::Change,
                        _ => {
                            self.missing_value(
                                item,
                                key.span,
                                Message::new("what-notice-object"),
                                Form::Other,
                            );
                            return None;
                        }
                    };
                    i += 2;
                }
                Some("report-jour-ouvre") => {
                    next_working_day = true;
                    i += 1;
                }
                _ => {
                    self.value_error(key, Message::new("what-notice-clause"), Form::Other);
                    return None;
                }
            }
        }
        Some(crate::language::model::Termination {
            date,
            by,
            purpose,
            next_working_day,
            span: item.span,
        })
    }

    pub(super) fn term_start(&mut self, item: &Item) -> Option<Spanned<TermStart>> {
        let value = self.value_at(item, 0, Message::new("what-effect"), Form::Date)?;
        match &value.kind {
            ValueKind::Word(w) if fold(w) == "signature" => {
                Some(Spanned::new(TermStart::AtSignature, value.span))
            }
            ValueKind::Date(_) => self
                .date_at(item, 0, Message::new("what-effective-date"))
                .map(|d| Spanned::new(TermStart::On(d.value), d.span)),
            _ => {
                self.value_error(value, Message::new("what-effect-date"), Form::Date);
                None
            }
        }
    }

    pub(super) fn notice(&mut self, item: &Item) -> Option<Notice> {
        let (duration, used) = self.duration(item, 0)?;
        self.no_more_values(item, used);
        Some(Notice {
            duration,
            span: item.span,
        })
    }

    // Value helpers. Each reports its own error and returns None on failure.
}
