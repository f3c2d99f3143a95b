//! Lowering: from the syntax tree to the typed [`Convention`] model.
//!
//! One function per clause. The grammar accepts any word where a keyword is
//! expected; this module decides, rejecting unknown words with a spanned
//! `clause.unknown` and a "did you mean". Every problem is reported, not the
//! first: a clause that cannot be lowered is skipped and the rest goes on.

use crate::i18n::Message;
use crate::msg;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diag::{Code, Diagnostic, SourceId};
use crate::language::keywords::{
    AMENDMENT_OWN_CLAUSES, CLAUSES, ClauseKind, ENVELOPE_CLAUSES, IMPUTATION_CLAUSES,
    MARKET_FIELDS, PARTY_CLAUSES, TERM_CLAUSES, WAIVER_CLAUSES, convention_clause_named, fold,
    suggest,
};
use crate::language::model::{
    Budget, Ceiling, Convention, Envelope, Imputation, Market, Notice, Party, Restriction,
    ScheduleLine, Signatory, Term, TermStart, WaiverKey,
};
use crate::language::syntax::{Document, Item, Value, ValueKind};
use crate::money::{literal, parse_money, to_cents};
use crate::span::{Span, Spanned};

/// Lowers one clause of a `convention` block (or of an amendment), by its
/// kind in the keyword table ([`CLAUSES`]).
fn lower_clause(
    cx: &mut Lowerer,
    kind: ClauseKind,
    item: &Item,
    c: &mut Convention,
    s: &mut OnceSlots,
) {
    match kind {
        ClauseKind::Nor => {
            let v = cx.code_at(item, 0, Message::new("what-nor"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.nor, v, item);
        }
        ClauseKind::Signature => {
            let v = cx.date_at(item, 0, Message::new("what-signature"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.signature, v, item);
        }
        ClauseKind::LegalBasis => {
            let v = cx.text_at(item, 0, Message::new("what-legal-basis"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.legal_basis, v, item);
        }
        ClauseKind::Delegant => {
            let v = cx.party(item);
            once(cx, &mut s.delegant, v, item);
        }
        ClauseKind::Delegataire => {
            let v = cx.party(item);
            once(cx, &mut s.delegataire, v, item);
        }
        ClauseKind::Market => {
            c.markets.extend(cx.market(item));
        }
        ClauseKind::Uo => {
            let v = cx.code_at(item, 0, Message::new("what-uo"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.uo, v, item);
        }
        ClauseKind::Term => {
            let v = cx.term(item);
            once(cx, &mut s.term, v, item);
        }
        ClauseKind::Ceiling => cx.ceiling(item, c),
        ClauseKind::Schedule => cx.schedule(item, c),
        ClauseKind::Accountant => {
            let v = cx.text_at(item, 0, Message::new("what-accountant"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.accountant, v, item);
        }
        ClauseKind::Imputation => {
            let v = cx.imputation(item);
            once(cx, &mut s.imputation, v, item);
        }
        ClauseKind::Envelope => {
            if let Some(e) = cx.envelope(item, c) {
                c.envelopes.push(e);
            }
        }
        ClauseKind::Title => {
            let v = cx.restriction(item, Nature::Title);
            once(cx, &mut s.titles, v, item);
        }
        ClauseKind::Account => {
            let v = cx.restriction(item, Nature::Account);
            once(cx, &mut s.accounts, v, item);
        }
        ClauseKind::Delegation => {
            let v = cx.delegation(item);
            once(cx, &mut s.delegation, v, item);
        }
        ClauseKind::Notice => {
            let v = cx.notice(item);
            once(cx, &mut s.notice, v, item);
        }
        ClauseKind::Publication => {
            let v = cx.text_at(item, 0, Message::new("what-publication"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.publication, v, item);
        }
        ClauseKind::Reporting => {
            let v = cx.text_at(item, 0, Message::new("what-reporting"));
            cx.no_more_values(item, 1);
            once(cx, &mut s.reporting, v, item);
        }
        ClauseKind::Amendment => {
            c.amendments.extend(cx.amendment(item));
        }
        ClauseKind::Termination => {
            let v = cx.termination(item);
            once(cx, &mut s.termination, v, item);
        }
        ClauseKind::Waiver => {
            c.waivers.extend(cx.waiver(item));
        }
    }
}

/// What a restriction of the nature of expenses names.
#[derive(Clone, Copy)]
enum Nature {
    /// Budget titles, 1 to 7.
    Title,
    /// PCE accounts, or their first digits.
    Account,
}

impl Nature {
    fn valid(self, word: &str) -> bool {
        match self {
            Nature::Title => matches!(word.parse::<u8>(), Ok(1..=7)) && word.len() == 1,
            Nature::Account => {
                (1..=10).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
            }
        }
    }
}

/// Lowers a parsed rule file. `syntax_errors` are the spans of the lines
/// that syntax errors blanked: missing clauses are then not reported, since
/// they may be on those lines, and a block holding one is known broken.
pub fn lower(
    source: SourceId,
    doc: &Document,
    syntax_errors: &[Span],
) -> (Option<Convention>, Vec<Diagnostic>) {
    let mut cx = Lowerer {
        source,
        complete: syntax_errors.is_empty(),
        syntax_errors: syntax_errors.to_vec(),
        schedule_broken: false,
        diags: Vec::new(),
    };
    let mut convention = None;
    for item in &doc.items {
        if fold(&item.head.text) != "convention" {
            cx.unknown(item, &["convention"]);
        } else if convention.is_some() {
            cx.diags.push(
                Diagnostic::new(
                    Code::ClauseDuplicate,
                    Message::new("one-convention-per-file"),
                )
                .at_clause(
                    source,
                    item.head.span,
                    Message::new("second-convention-label"),
                )
                .help(Message::new("one-convention-per-file-help")),
            );
        } else {
            convention = Some(cx.convention(item));
        }
    }
    if convention.is_none() && cx.complete {
        cx.diags.push(
            Diagnostic::new(Code::ClauseMissing, Message::new("no-convention"))
                .at_clause(
                    source,
                    Span::new(0, 0),
                    Message::new("expected-convention-label"),
                )
                .help(Message::new("no-convention-help")),
        );
    }
    (convention, cx.diags)
}

struct Lowerer {
    source: SourceId,
    complete: bool,
    syntax_errors: Vec<Span>,
    /// An amendment's schedule was broken.
    schedule_broken: bool,
    diags: Vec<Diagnostic>,
}

/// Keeps the first occurrence of a once-only clause and reports the others.
fn once<T>(cx: &mut Lowerer, slot: &mut Option<(T, Span)>, value: Option<T>, item: &Item) {
    let Some(value) = value else { return };
    if let Some((_, first)) = slot {
        let first = *first;
        cx.diags.push(
            Diagnostic::new(
                Code::ClauseDuplicate,
                msg!("stated-twice", clause = item.head.text.as_str()),
            )
            .at_clause(
                cx.source,
                item.head.span,
                Message::new("stated-again-label"),
            )
            .related(cx.source, first, Message::new("first-stated-label"))
            .help(Message::new("keep-one-help")),
        );
    } else {
        *slot = Some((value, item.head.span));
    }
}

impl Lowerer {
    fn convention(&mut self, item: &Item) -> Convention {
        let title = self
            .text_at(item, 0, Message::new("what-title"))
            .unwrap_or_else(|| Spanned::new(String::new(), item.head.span));
        self.no_more_values(item, 1);
        let mut c = self.convention_shell(item);
        c.title = title;
        let Some(block) = &item.block else {
            self.diags.push(
                Diagnostic::new(Code::ValueInvalid, Message::new("no-clauses"))
                    .at_clause(self.source, item.span, Message::new("expected-block-label"))
                    .help(Message::new("no-clauses-help")),
            );
            return c;
        };
        let mut once_slots = OnceSlots::default();
        for clause in &block.items {
            self.convention_clause(clause, &mut c, &mut once_slots);
        }
        once_slots.apply(&mut c);
        c.schedule_broken |= self.schedule_broken;
        resolve_term(&mut c);
        let present: Vec<String> = block
            .items
            .iter()
            .map(|i| fold(&i.head.text).into_owned())
            .collect();
        self.require_clauses(&present, item);
        if !present.iter().any(|p| p == "plafond") {
            self.require_ceiling(&c, item);
        }
        c
    }

    /// A convention with envelopes needs a ceiling of some kind: overall,
    /// yearly, or an envelope's.
    fn require_ceiling(&mut self, c: &Convention, item: &Item) {
        if !self.complete
            || c.envelopes.is_empty()
            || !c.ceilings.is_empty()
            || c.envelopes.iter().any(|e| !e.ceilings.is_empty())
        {
            return;
        }
        self.diags.push(
            Diagnostic::new(Code::ClauseMissing, Message::new("no-ceiling"))
                .at_clause(
                    self.source,
                    item.head.span,
                    msg!("missing-here-label", clause = "plafond"),
                )
                .help(Message::new("no-ceiling-help")),
        );
    }

    fn convention_clause(&mut self, item: &Item, c: &mut Convention, s: &mut OnceSlots) {
        let Some(clause) = convention_clause_named(&item.head.text) else {
            let names: Vec<&str> = CLAUSES.iter().map(|c| c.keyword).collect();
            self.unknown(item, &names);
            return;
        };
        lower_clause(self, clause.kind, item, c, s);
        if !clause.block {
            self.no_block(item);
        }
    }

    /// Reports mandatory clauses whose keyword does not appear at all (a
    /// clause that appears but could not be lowered was reported already).
    fn require_clauses(&mut self, present: &[String], item: &Item) {
        if !self.complete {
            return;
        }
        let mandatory = [
            ("signature", "signature 2017-08-24"),
            ("délégant", "délégant \"Direction …\""),
            ("délégataire", "délégataire \"Direction …\""),
            ("durée", "durée { effet signature  fin 2018-12-31 }"),
            ("plafond", "plafond AE 400 000 €"),
            ("imputation", "imputation { programme 124 … }"),
        ];
        for (name, example) in mandatory {
            // Envelopes may state the ceilings instead (checked once they
            // are lowered, in `require_ceiling`).
            if name == "plafond" && present.iter().any(|p| p == "enveloppe") {
                continue;
            }
            if !present.iter().any(|p| *p == fold(name)) {
                self.diags.push(
                    Diagnostic::new(Code::ClauseMissing, msg!("clause-missing", clause = name))
                        .at_clause(
                            self.source,
                            item.head.span,
                            msg!("missing-here-label", clause = name),
                        )
                        .help(msg!("clause-missing-help", example = example)),
                );
            }
        }
    }

    fn party(&mut self, item: &Item) -> Option<Party> {
        let name = self.text_at(item, 0, Message::new("what-party-name"))?;
        self.no_more_values(item, 1);
        let mut party = Party {
            name,
            acronym: None,
            signatories: Vec::new(),
            span: item.span,
        };
        let mut acronym = None;
        for sub in item.block.iter().flat_map(|b| &b.items) {
            self.no_block(sub);
            match &*fold(&sub.head.text) {
                "sigle" => {
                    let v = self.code_at(sub, 0, Message::new("what-party-acronym"));
                    self.no_more_values(sub, 1);
                    once(self, &mut acronym, v, sub);
                }
                "signataire" => {
                    if let Some(name) = self.text_at(sub, 0, Message::new("what-signatory-name")) {
                        let role = sub.values.get(1).and_then(|_| {
                            self.text_at(sub, 1, Message::new("what-signatory-role"))
                        });
                        self.no_more_values(sub, 2);
                        party.signatories.push(Signatory { name, role });
                    }
                }
                _ => self.unknown(sub, PARTY_CLAUSES),
            }
        }
        party.acronym = acronym.map(|(v, _)| v);
        Some(party)
    }

    fn market(&mut self, item: &Item) -> Option<Market> {
        let purpose = self.text_at(item, 0, Message::new("what-market-purpose"))?;
        let mut market = Market {
            purpose,
            holder: None,
            chorus: None,
            number: None,
            span: item.span,
        };
        let mut i = 1;
        while let Some(key) = item.values.get(i) {
            let ValueKind::Word(word) = &key.kind else {
                self.value_error(key, Message::new("what-field-name"), Form::Other);
                i += 1;
                continue;
            };
            let slot = match &*fold(word) {
                "titulaire" => &mut market.holder,
                "chorus" => &mut market.chorus,
                "numero" => &mut market.number,
                _ => {
                    self.unknown_word(word, key.span, MARKET_FIELDS, Unknown::MarketField);
                    i += 2;
                    continue;
                }
            };
            let value = match item.values.get(i + 1) {
                Some(v) => code_value(v),
                None => None,
            };
            match value {
                Some(v) => *slot = Some(v),
                None => self.missing_value(
                    item,
                    key.span,
                    msg!("what-value-of", word = word.as_str()),
                    Form::Other,
                ),
            }
            i += 2;
        }
        Some(market)
    }

    fn term(&mut self, item: &Item) -> Option<Term> {
        self.no_more_values(item, 0);
        let mut start = None;
        let mut end = None;
        let mut duration = None;
        let mut renewal = None;
        for sub in item.block.iter().flat_map(|b| &b.items) {
            self.no_block(sub);
            match &*fold(&sub.head.text) {
                "pour" => {
                    let v = self.duration(sub, 0).map(|(d, used)| {
                        self.no_more_values(sub, used);
                        Spanned::new(d, sub.span)
                    });
                    once(self, &mut duration, v, sub);
                }
                "reconduction" => {
                    let v = self.renewal(sub);
                    once(self, &mut renewal, v, sub);
                }
                "effet" => {
                    let v = self.term_start(sub);
                    self.no_more_values(sub, 1);
                    once(self, &mut start, v, sub);
                }
                "fin" => {
                    let v = self.date_at(sub, 0, Message::new("what-end-date"));
                    self.no_more_values(sub, 1);
                    once(self, &mut end, v, sub);
                }
                _ => self.unknown(sub, TERM_CLAUSES),
            }
        }
        if let (Some((_, at)), Some(_)) = (&duration, &end) {
            self.diags.push(
                Diagnostic::new(Code::ClauseDuplicate, Message::new("fin-and-pour"))
                    .at_clause(self.source, *at, Message::new("fin-and-pour-label"))
                    .help(Message::new("fin-and-pour-help")),
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
        let (Some((start, _)), Some((end, _))) = (start, end) else {
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
            duration: duration.map(|(d, _)| d),
            renewal: renewal.map(|(r, _)| r),
            span: item.span,
        })
    }

    /// `N jours [francs|ouvrés]`, `N mois`, `N an(s)` from value `at`; the
    /// duration and the number of values it took.
    fn duration(&mut self, item: &Item, at: usize) -> Option<(crate::dates::Duration, usize)> {
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

    /// `reconduction 1 an fois 2 préavis 3 mois [report-jour-ouvré]`.
    fn renewal(&mut self, item: &Item) -> Option<crate::language::model::Renewal> {
        let (period, mut i) = self.duration(item, 0)?;
        let mut times = 1;
        let mut notice = None;
        let mut next_working_day = false;
        while let Some(key) = item.values.get(i) {
            let word = match &key.kind {
                ValueKind::Word(w) => fold(w),
                _ => "".into(),
            };
            match &*word {
                "fois" => {
                    times = match item
                        .words()
                        .nth(i + 1)
                        .flatten()
                        .and_then(|n| n.parse::<u32>().ok())
                    {
                        Some(n) if n <= 100 => n,
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
                "preavis" => {
                    let (d, next) = self.duration(item, i + 1)?;
                    notice = Some(d);
                    i = next;
                }
                "report-jour-ouvre" => {
                    next_working_day = true;
                    i += 1;
                }
                _ => {
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
    fn termination(&mut self, item: &Item) -> Option<crate::language::model::Termination> {
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

    /// `avenant N { effet DATE  plafond …  échéancier { … }  fin DATE … }`.
    fn amendment(&mut self, item: &Item) -> Option<crate::language::model::Amendment> {
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
            match &*fold(&sub.head.text) {
                "retire" => {
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
                "effet" => {
                    let v = self.date_at(sub, 0, Message::new("what-amendment-effect"));
                    self.no_more_values(sub, 1);
                    once(self, &mut effect, v, sub);
                }
                "fin" => {
                    let v = self.date_at(sub, 0, Message::new("what-new-end"));
                    self.no_more_values(sub, 1);
                    once(self, &mut end, v, sub);
                }
                _ => match convention_clause_named(&sub.head.text) {
                    Some(clause) if clause.in_amendment => {
                        self.convention_clause(sub, &mut scratch, &mut slots);
                    }
                    _ => {
                        let names: Vec<&str> = CLAUSES
                            .iter()
                            .filter(|c| c.in_amendment)
                            .map(|c| c.keyword)
                            .chain(AMENDMENT_OWN_CLAUSES.iter().copied())
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

    /// `enveloppe "name" { centre-financier …  plafond …  échéancier { … } }`:
    /// the envelope's own codes, ceilings and schedule. In an amendment, an
    /// envelope of a known name states what changes in it.
    fn envelope(&mut self, item: &Item, c: &mut Convention) -> Option<Envelope> {
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
            match &*fold(&sub.head.text) {
                "plafond" => {
                    self.ceiling(sub, &mut scratch);
                    self.no_block(sub);
                }
                "echeancier" => self.schedule(sub, &mut scratch),
                head if IMPUTATION_CLAUSES.iter().any(|k| fold(k) == head) => codes.push(sub),
                _ => self.unknown(sub, ENVELOPE_CLAUSES),
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
    fn restriction(&mut self, item: &Item, nature: Nature) -> Option<Restriction> {
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

    /// `dérogation CODE ej|dp NUMBER { motif "…"  approuvée-par "…"  jusqu'au DATE }`.
    fn waiver(&mut self, item: &Item) -> Option<crate::language::model::Waiver> {
        let code = self.code_at(item, 0, Message::new("what-waived-code"))?;
        if !Code::ALL.iter().any(|c| c.as_str() == code.value) {
            let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
            self.unknown_word(&code.value, code.span, &names, Unknown::DiagnosticCode);
            return None;
        }
        let kind_value = self.value_at(item, 1, Message::new("what-key-kind"), Form::Other)?;
        let kind = match &kind_value.kind {
            ValueKind::Word(w) if fold(w) == "ej" => WaiverKey::Ej,
            ValueKind::Word(w) if fold(w) == "dp" => WaiverKey::Dp,
            _ => {
                self.value_error(kind_value, Message::new("what-key-kind-long"), Form::Other);
                return None;
            }
        };
        let number = self.code_at(item, 2, Message::new("what-key-number"))?;
        self.no_more_values(item, 3);
        let key = Spanned::new((kind, number.value), kind_value.span.cover(number.span));
        let (mut reason, mut approved_by, mut until) = (None, None, None);
        for sub in item.block.iter().flat_map(|b| &b.items) {
            self.no_block(sub);
            match &*fold(&sub.head.text) {
                "motif" => {
                    let v = self.text_at(sub, 0, Message::new("what-waiver-reason"));
                    once(self, &mut reason, v, sub);
                }
                "approuvee-par" => {
                    let v = self.text_at(sub, 0, Message::new("what-waiver-approver"));
                    once(self, &mut approved_by, v, sub);
                }
                "jusqu'au" => {
                    let v = self.date_at(sub, 0, Message::new("what-waiver-until"));
                    once(self, &mut until, v, sub);
                }
                _ => self.unknown(sub, WAIVER_CLAUSES),
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

    /// An empty convention: the start of lowering one, or a scratch one to
    /// lower an amendment's clauses into.
    fn convention_shell(&self, item: &Item) -> Convention {
        Convention {
            source: self.source,
            title: Spanned::new(String::new(), item.span),
            nor: None,
            signature: None,
            legal_basis: None,
            delegant: None,
            delegataire: None,
            markets: Vec::new(),
            uo: None,
            term: None,
            ceilings: Vec::new(),
            schedule: Vec::new(),
            accountant: None,
            imputation: Imputation::default(),
            envelopes: Vec::new(),
            titles: None,
            accounts: None,
            delegation: None,
            notice: None,
            publication: None,
            reporting: None,
            amendments: Vec::new(),
            termination: None,
            waivers: Vec::new(),
            schedule_broken: false,
            span: item.span,
        }
    }

    fn term_start(&mut self, item: &Item) -> Option<Spanned<TermStart>> {
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

    fn ceiling(&mut self, item: &Item, c: &mut Convention) {
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

    fn schedule(&mut self, item: &Item, c: &mut Convention) {
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

    fn schedule_lines(&mut self, item: &Item, c: &mut Convention) {
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

    fn imputation(&mut self, item: &Item) -> Option<Imputation> {
        self.no_more_values(item, 0);
        let subs = item.block.iter().flat_map(|b| &b.items);
        Some(self.imputation_codes(subs, item.span))
    }

    /// The code clauses of an `imputation` or `enveloppe` block.
    fn imputation_codes<'a>(
        &mut self,
        subs: impl Iterator<Item = &'a Item>,
        span: Span,
    ) -> Imputation {
        let mut imp = Imputation {
            span,
            ..Imputation::default()
        };
        let mut slots: [Option<(Spanned<String>, Span)>; 5] = Default::default();
        for sub in subs {
            self.no_block(sub);
            let index = match &*fold(&sub.head.text) {
                "programme" => 0,
                "centre-financier" => 1,
                "domaine-fonctionnel" => 2,
                "activite" => 3,
                "centre-de-couts" => 4,
                _ => {
                    self.unknown(sub, IMPUTATION_CLAUSES);
                    continue;
                }
            };
            let v = self.code_at(sub, 0, Message::new("what-code"));
            if index == 0 && sub.values.len() > 1 {
                imp.programme_label = self.text_at(sub, 1, Message::new("what-programme-name"));
                self.no_more_values(sub, 2);
            } else {
                self.no_more_values(sub, 1);
            }
            if let Some(slot) = slots.get_mut(index) {
                once(self, slot, v, sub);
            }
        }
        let [programme, cf, df, activite, cc] = slots;
        imp.programme = programme.map(|(v, _)| v);
        imp.centre_financier = cf.map(|(v, _)| v);
        imp.domaine_fonctionnel = df.map(|(v, _)| v);
        imp.activite = activite.map(|(v, _)| v);
        imp.centre_de_couts = cc.map(|(v, _)| v);
        imp
    }

    /// `délégation AE et CP`, `délégation CP`, `délégation AE`.
    fn delegation(&mut self, item: &Item) -> Option<crate::language::model::Delegation> {
        let mut budgets = [false, false];
        for v in &item.values {
            match &v.kind {
                ValueKind::Word(w) if fold(w) == "et" => {}
                _ => {
                    if let Some(b) = self.budget(v)
                        && let Some(slot) = budgets.get_mut(b.index())
                    {
                        *slot = true;
                    }
                }
            }
        }
        if budgets == [false, false] {
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
            span: item.span,
        })
    }

    fn notice(&mut self, item: &Item) -> Option<Notice> {
        let (duration, used) = self.duration(item, 0)?;
        self.no_more_values(item, used);
        Some(Notice {
            duration,
            span: item.span,
        })
    }

    // Value helpers. Each reports its own error and returns None on failure.

    fn value_at<'a>(
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

    fn text_at(&mut self, item: &Item, index: usize, what: Message) -> Option<Spanned<String>> {
        let value = self.value_at(item, index, what.clone(), Form::Text)?;
        match &value.kind {
            ValueKind::Text(t) => Some(Spanned::new(t.clone(), value.span)),
            _ => {
                self.value_error(value, msg!("what-as-text", what = what), Form::Text);
                None
            }
        }
    }

    fn code_at(&mut self, item: &Item, index: usize, what: Message) -> Option<Spanned<String>> {
        let value = self.value_at(item, index, what.clone(), Form::Other)?;
        let code = code_value(value);
        if code.is_none() {
            self.value_error(value, what, Form::Other);
        }
        code
    }

    fn date_at(&mut self, item: &Item, index: usize, what: Message) -> Option<Spanned<NaiveDate>> {
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

    /// Numbers written without a currency where an amount is expected
    /// (`plafond AE 400 000`): each run of them is reported once, with the
    /// amount as it should read. True if there was one.
    fn bare_amounts(&mut self, values: &[Value]) -> bool {
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

    fn money(&mut self, value: &Value) -> Option<Spanned<Decimal>> {
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

    fn budget(&mut self, value: &Value) -> Option<Budget> {
        match &value.kind {
            ValueKind::Word(w) if w.eq_ignore_ascii_case("AE") => Some(Budget::AE),
            ValueKind::Word(w) if w.eq_ignore_ascii_case("CP") => Some(Budget::CP),
            _ => {
                self.value_error(value, Message::new("what-budget"), Form::Other);
                None
            }
        }
    }

    fn no_more_values(&mut self, item: &Item, allowed: usize) {
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

    fn no_block(&mut self, item: &Item) {
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

    fn value_error(&mut self, value: &Value, expected: Message, form: Form) {
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

    fn missing_value(&mut self, item: &Item, at: Span, what: Message, form: Form) {
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

    fn unknown(&mut self, item: &Item, candidates: &[&str]) {
        self.unknown_word(&item.head.text, item.head.span, candidates, Unknown::Clause);
    }

    /// An unknown word; `what` is the kind of word expected.
    fn unknown_word(&mut self, word: &str, span: Span, candidates: &[&str], what: Unknown) {
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

/// The once-only clauses of a convention while its block is lowered, each
/// with the span of its first statement.
#[derive(Default)]
struct OnceSlots {
    nor: Option<(Spanned<String>, Span)>,
    signature: Option<(Spanned<NaiveDate>, Span)>,
    legal_basis: Option<(Spanned<String>, Span)>,
    delegant: Option<(Party, Span)>,
    delegataire: Option<(Party, Span)>,
    uo: Option<(Spanned<String>, Span)>,
    term: Option<(Term, Span)>,
    accountant: Option<(Spanned<String>, Span)>,
    imputation: Option<(Imputation, Span)>,
    titles: Option<(Restriction, Span)>,
    accounts: Option<(Restriction, Span)>,
    delegation: Option<(crate::language::model::Delegation, Span)>,
    notice: Option<(Notice, Span)>,
    publication: Option<(Spanned<String>, Span)>,
    reporting: Option<(Spanned<String>, Span)>,
    termination: Option<(crate::language::model::Termination, Span)>,
}

impl OnceSlots {
    fn apply(self, c: &mut Convention) {
        c.nor = self.nor.map(|(v, _)| v);
        c.titles = self.titles.map(|(v, _)| v);
        c.accounts = self.accounts.map(|(v, _)| v);
        c.signature = self.signature.map(|(v, _)| v);
        c.legal_basis = self.legal_basis.map(|(v, _)| v);
        c.delegant = self.delegant.map(|(v, _)| v);
        c.delegataire = self.delegataire.map(|(v, _)| v);
        c.uo = self.uo.map(|(v, _)| v);
        c.term = self.term.map(|(v, _)| v);
        c.accountant = self.accountant.map(|(v, _)| v);
        c.imputation = self.imputation.map(|(v, _)| v).unwrap_or_default();
        c.delegation = self.delegation.map(|(v, _)| v);
        c.notice = self.notice.map(|(v, _)| v);
        c.publication = self.publication.map(|(v, _)| v);
        c.reporting = self.reporting.map(|(v, _)| v);
        c.termination = self.termination.map(|(v, _)| v);
    }
}

/// A term given as a duration from the signature gets its end date once
/// the signature is known.
fn resolve_term(c: &mut Convention) {
    let start = c.effective_start();
    if let Some(term) = &mut c.term
        && let (Some(d), Some(start)) = (&term.duration, start)
        && let Some(end) = d.value.after(start)
    {
        term.end = Spanned::new(end, d.span);
    }
}

/// A code (word or quoted text) as written.
/// A domaine fonctionnel such as `0103-01-01` has the shape of a date: in a
/// code's place, a date token is read as the code it spells.
fn code_value(value: &Value) -> Option<Spanned<String>> {
    match &value.kind {
        ValueKind::Word(w) | ValueKind::Date(w) => Some(Spanned::new(w.clone(), value.span)),
        ValueKind::Text(t) if !t.trim().is_empty() => Some(Spanned::new(t.clone(), value.span)),
        _ => None,
    }
}

fn pair_span(pair: &[Value]) -> Span {
    match (pair.first(), pair.last()) {
        (Some(a), Some(b)) => a.span.cover(b.span),
        _ => Span::default(),
    }
}

/// The kind of word expected where an unknown one stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unknown {
    Clause,
    MarketField,
    DiagnosticCode,
    ThingToRemove,
}

/// The form of value a clause expects at a place, which chooses the help
/// line of an error about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
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
    fn help(self) -> Message {
        Message::new(match self {
            Form::Text => "value-help-text",
            Form::Date => "value-help-date",
            Form::Amount => "value-help-amount",
            Form::Other => "value-help-reference",
        })
    }
}
