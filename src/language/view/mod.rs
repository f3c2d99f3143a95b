//! The compiled view of a convention: what is in force on any date.
//!
//! A rule file states a convention and its amendments as written; every
//! other stage asks the same questions of it — when does it take effect,
//! when does it end once renewals and a notice are counted, which ceilings,
//! forecasts, codes and markets hold on a given day, and which clause
//! states each of them. They are answered here, once: lints, routing, row
//! checks, the ledger and the statement all read a [`View`].
//!
//! A view is a list of [`Version`]s: the convention as signed, then one per
//! amendment in order of effect, each holding everything in force from its
//! date (what the amendment does not restate carries over from the version
//! before). Every value keeps the span of the clause that states it. The
//! convention's life (its end once renewals and notices are counted, its
//! calendar) is in [`term`].

use chrono::NaiveDate;

use crate::diag::SourceId;
use crate::language::keywords::fold;
use crate::language::model::{
    Amendment, Budget, Ceiling, CodeField, Convention, Envelope, Market, Restriction, ScheduleLine,
};
use crate::money::to_cents;
use crate::span::{Span, Spanned};

mod dated;
mod term;
pub use dated::{Dated, in_force};
pub use term::{
    End, EndCause, KeyDate, KeyKind, MAX_RENEWALS, OpenEnd, RenewalStep, renewal_steps,
};

/// The most envelopes a convention may state: a limit of the language
/// (`lint` reports a convention with more), which the evaluation's packing
/// of movements relies on.
pub const MAX_ENVELOPES: usize = 63;

/// A limit in force (a ceiling, or one year's forecast of a budget): its
/// amount in cents and the clause stating it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub cents: i128,
    pub span: Span,
    /// The amendment that states it; `None` for the convention's own.
    pub amendment: Option<u32>,
    /// The first day it is in force: the amendment's effect.
    pub from: Option<NaiveDate>,
}

/// One line of the forecast schedule in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Forecast {
    pub year: i32,
    pub budget: Budget,
    pub limit: Limit,
}

/// An authorised market in force, and the day it became authorised
/// (`None`: from the start).
#[derive(Clone, Copy, Debug)]
pub struct MarketInForce<'c> {
    pub market: &'c Market,
    pub since: Option<NaiveDate>,
}

/// An envelope in force: its own codes (on top of the version's common
/// ones), ceilings and schedule, each with the clause stating it.
#[derive(Clone, Debug)]
pub struct EnvelopeInForce<'c> {
    /// Its place in [`View::envelopes`], the same in every version.
    pub index: usize,
    pub name: &'c Spanned<String>,
    /// Its own codes, field by field, in [`CodeField::ALL`] order.
    pub codes: [Option<&'c Spanned<String>>; CodeField::COUNT],
    pub ceilings: [Option<Limit>; 2],
    pub yearly: [Option<Limit>; 2],
    pub schedule: Vec<Forecast>,
}

impl EnvelopeInForce<'_> {
    pub fn code(&self, field: CodeField) -> Option<&Spanned<String>> {
        self.codes.get(field as usize).copied().flatten()
    }
}

/// The convention as it stands from one date on.
#[derive(Clone, Debug)]
pub struct Version<'c> {
    /// The first day of this version: `None` for the convention as signed.
    pub from: Option<NaiveDate>,
    /// The amendment that opened it.
    pub amendment: Option<&'c Amendment>,
    /// The imputation codes, field by field, in [`CodeField::ALL`] order.
    pub codes: [Option<&'c Spanned<String>>; CodeField::COUNT],
    pub markets: Vec<MarketInForce<'c>>,
    /// The ceiling of each budget (AE, CP) over the convention's life.
    pub ceilings: [Option<Limit>; 2],
    /// The ceiling of each budget over each budget year (`par an`).
    pub yearly: [Option<Limit>; 2],
    /// The budgets delegated (AE, CP), and the clause saying so (`None`:
    /// both, as no clause restricts them).
    pub delegated: [bool; 2],
    /// Receipts are delegated (`délégation … recettes`).
    pub receipts: bool,
    pub delegation: Option<Span>,
    /// The forecast schedule, in the order stated.
    pub schedule: Vec<Forecast>,
    /// The envelopes in force, in the order first stated.
    pub envelopes: Vec<EnvelopeInForce<'c>>,
    /// The budget titles authorised or excluded.
    pub titles: Option<&'c Restriction>,
    /// The PCE accounts authorised or excluded.
    pub accounts: Option<&'c Restriction>,
}

impl Version<'_> {
    pub fn code(&self, field: CodeField) -> Option<&Spanned<String>> {
        self.codes.get(field as usize).copied().flatten()
    }

    pub fn ceiling(&self, budget: Budget) -> Option<Limit> {
        self.ceilings.get(budget.index()).copied().flatten()
    }

    pub fn yearly(&self, budget: Budget) -> Option<Limit> {
        self.yearly.get(budget.index()).copied().flatten()
    }

    /// Whether the délégataire spends this budget in this version.
    pub fn delegates(&self, budget: Budget) -> bool {
        self.delegated.get(budget.index()).copied().unwrap_or(true)
    }

    /// The forecast of one year and budget.
    pub fn forecast(&self, year: i32, budget: Budget) -> Option<Limit> {
        self.schedule
            .iter()
            .find(|f| f.year == year && f.budget == budget)
            .map(|f| f.limit)
    }

    /// The amendment's number, for messages.
    pub fn number(&self) -> Option<u32> {
        self.amendment.map(|a| a.number.value)
    }
}

/// The part of a convention where a limit counts: the whole convention, or
/// one envelope (by its place in [`View::envelopes`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Whole,
    Envelope(usize),
}

impl Version<'_> {
    /// The envelope of a given place, when it is in force.
    pub fn envelope(&self, index: usize) -> Option<&EnvelopeInForce<'_>> {
        self.envelopes.iter().find(|e| e.index == index)
    }

    /// The ceiling of a budget in a part.
    pub fn ceiling_in(&self, part: Part, budget: Budget) -> Option<Limit> {
        match part {
            Part::Whole => self.ceiling(budget),
            Part::Envelope(i) => self
                .envelope(i)
                .and_then(|e| e.ceilings.get(budget.index()).copied().flatten()),
        }
    }

    /// The yearly ceiling of a budget in a part.
    pub fn yearly_in(&self, part: Part, budget: Budget) -> Option<Limit> {
        match part {
            Part::Whole => self.yearly(budget),
            Part::Envelope(i) => self
                .envelope(i)
                .and_then(|e| e.yearly.get(budget.index()).copied().flatten()),
        }
    }

    /// The forecast schedule of a part.
    pub fn schedule_in(&self, part: Part) -> &[Forecast] {
        match part {
            Part::Whole => &self.schedule,
            Part::Envelope(i) => self.envelope(i).map_or(&[], |e| e.schedule.as_slice()),
        }
    }

    /// The forecast of one year and budget in a part.
    pub fn forecast_in(&self, part: Part, year: i32, budget: Budget) -> Option<Limit> {
        self.schedule_in(part)
            .iter()
            .find(|f| f.year == year && f.budget == budget)
            .map(|f| f.limit)
    }
}

/// The compiled convention: its term and its versions by date.
#[derive(Clone, Debug)]
pub struct View<'c> {
    pub convention: &'c Convention,
    /// The day it takes effect, and the clause saying so.
    pub start: Option<(NaiveDate, Span)>,
    /// The last day anything may be spent.
    pub end: Option<End>,
    /// The convention as signed.
    pub signed: Version<'c>,
    /// One version per amendment, in order of effect (ties in the order
    /// stated).
    pub amended: Vec<Version<'c>>,
    /// The name of every envelope any version states, in the order first
    /// stated: an envelope's place here is its [`Part::Envelope`].
    pub envelopes: Vec<&'c Spanned<String>>,
    /// Every tacit renewal the term provides (at most 100), from the end
    /// stated by the term or the last amendment; a notice of termination
    /// stops them at [`View::end`].
    pub renewals: Vec<RenewalStep>,
}

impl<'c> View<'c> {
    pub fn new(c: &'c Convention) -> View<'c> {
        let start = c
            .effective_start()
            .zip(c.term.as_ref().map(|t| t.start.span));
        let mut envelopes: Vec<&Spanned<String>> = c.envelopes.iter().map(|e| &e.name).collect();
        let signed = base_version(c);
        let mut amended: Vec<Version<'c>> = Vec::new();
        let mut amendments: Vec<&Amendment> = c.amendments.iter().collect();
        amendments.sort_by_key(|a| a.effect.value);
        for a in amendments {
            let mut next = amended.last().unwrap_or(&signed).clone();
            amend(&mut next, a, &mut envelopes);
            amended.push(next);
        }
        let mut view = View {
            convention: c,
            start,
            end: None,
            signed,
            amended,
            envelopes,
            renewals: Vec::new(),
        };
        view.renewals = view.renewal_schedule();
        view.end = view.effective_end();
        view
    }

    pub fn source(&self) -> SourceId {
        self.convention.source
    }

    /// The version in force on a date: the last one whose effect is on or
    /// before it (the convention as signed before any amendment).
    pub fn on(&self, date: NaiveDate) -> &Version<'c> {
        in_force(&self.amended, |v| v.from, date)
            .and_then(|i| self.amended.get(i))
            .unwrap_or(&self.signed)
    }

    /// A value of every version, by the day each takes effect: what the
    /// tables derived from the view ask for a date ([`Dated::on`]).
    pub fn dated<T>(&self, mut f: impl FnMut(&Version<'c>) -> T) -> Dated<T> {
        Dated::from_steps(self.versions().map(|v| (v.from, f(v))).collect())
    }

    /// Every version, the convention as signed first.
    pub fn versions(&self) -> impl Iterator<Item = &Version<'c>> {
        std::iter::once(&self.signed).chain(&self.amended)
    }

    /// The versions of a limit over time: each time the clause in force
    /// changes (an amendment restating it), its new value from that day.
    /// `pick` reads the limit off a version.
    pub fn steps(&self, pick: impl Fn(&Version<'c>) -> Option<Limit>) -> Vec<Limit> {
        let mut steps: Vec<Limit> = Vec::new();
        for v in self.versions() {
            if let Some(limit) = pick(v)
                && steps.last().is_none_or(|l| l.span != limit.span)
            {
                steps.push(limit);
            }
        }
        steps
    }

    /// The markets of every version, each once, with the day it became
    /// authorised: for names and labels.
    pub fn all_markets(&self) -> impl Iterator<Item = &MarketInForce<'c>> {
        let mut seen: Vec<Span> = Vec::new();
        self.versions().flat_map(|v| &v.markets).filter(move |m| {
            let new = !seen.contains(&m.market.span);
            if new {
                seen.push(m.market.span);
            }
            new
        })
    }
}

fn limit(amount: rust_decimal::Decimal, span: Span, a: Option<&Amendment>) -> Option<Limit> {
    Some(Limit {
        cents: to_cents(amount)?,
        span,
        amendment: a.map(|a| a.number.value),
        from: a.map(|a| a.effect.value),
    })
}

/// The overall and yearly limits of a list of ceilings (`None` where a
/// budget has none), stated by `a` (`None`: the convention as signed).
fn ceiling_limits(
    ceilings: &[Ceiling],
    a: Option<&Amendment>,
    overall: &mut [Option<Limit>; 2],
    yearly: &mut [Option<Limit>; 2],
) {
    for ceiling in ceilings {
        let slots = if ceiling.per_year {
            &mut *yearly
        } else {
            &mut *overall
        };
        if let Some(slot) = slots.get_mut(ceiling.budget.index()) {
            *slot = limit(ceiling.amount, ceiling.span, a);
        }
    }
}

/// Replaces or adds the forecast lines stated by `a`.
fn set_forecasts(schedule: &mut Vec<Forecast>, lines: &[ScheduleLine], a: Option<&Amendment>) {
    for line in lines {
        let Some(limit) = limit(line.amount, line.span, a) else {
            continue;
        };
        let new = Forecast {
            year: line.year,
            budget: line.budget,
            limit,
        };
        match schedule
            .iter_mut()
            .find(|f| f.year == line.year && f.budget == line.budget)
        {
            Some(old) => *old = new,
            None => schedule.push(new),
        }
    }
}

/// An envelope as first stated (by the convention or an amendment).
fn new_envelope<'c>(
    index: usize,
    e: &'c Envelope,
    a: Option<&'c Amendment>,
) -> EnvelopeInForce<'c> {
    let mut envelope = EnvelopeInForce {
        index,
        name: &e.name,
        codes: CodeField::ALL.map(|f| e.imputation.get(f)),
        ceilings: [None, None],
        yearly: [None, None],
        schedule: Vec::new(),
    };
    ceiling_limits(&e.ceilings, a, &mut envelope.ceilings, &mut envelope.yearly);
    set_forecasts(&mut envelope.schedule, &e.schedule, a);
    envelope
}

fn base_version(c: &Convention) -> Version<'_> {
    let mut ceilings = [None, None];
    let mut yearly = [None, None];
    ceiling_limits(&c.ceilings, None, &mut ceilings, &mut yearly);
    let mut schedule = Vec::new();
    set_forecasts(&mut schedule, &c.schedule, None);
    Version {
        from: None,
        amendment: None,
        // A UO stated on its own is the centre financier when the
        // imputation states none (lints say when the two differ).
        codes: CodeField::ALL.map(|f| match f {
            CodeField::CentreFinancier => c.imputation.get(f).or(c.uo.as_ref()),
            _ => c.imputation.get(f),
        }),
        markets: c
            .markets
            .iter()
            .map(|market| MarketInForce {
                market,
                since: None,
            })
            .collect(),
        ceilings,
        yearly,
        delegated: c.delegation.as_ref().map_or([true, true], |d| d.budgets),
        receipts: c.delegation.as_ref().is_some_and(|d| d.receipts),
        delegation: c.delegation.as_ref().map(|d| d.span),
        schedule,
        envelopes: c
            .envelopes
            .iter()
            .enumerate()
            .map(|(i, e)| new_envelope(i, e, None))
            .collect(),
        titles: c.titles.as_ref(),
        accounts: c.accounts.as_ref(),
    }
}

/// What an amendment changes, applied to the version before it. New
/// envelope names are added to `names`.
fn amend<'c>(v: &mut Version<'c>, a: &'c Amendment, names: &mut Vec<&'c Spanned<String>>) {
    v.from = Some(a.effect.value);
    v.amendment = Some(a);
    if let Some(imputation) = &a.imputation {
        // The amendment replaces the codes it states, field by field.
        for (slot, field) in v.codes.iter_mut().zip(CodeField::ALL) {
            if let Some(code) = imputation.get(field) {
                *slot = Some(code);
            }
        }
    }
    // `retire marché "…"` removes a market by its purpose.
    v.markets.retain(|m| {
        !a.removed_markets
            .iter()
            .any(|r| fold(&r.value) == fold(&m.market.purpose.value))
    });
    v.markets
        .extend(a.markets.iter().map(|market| MarketInForce {
            market,
            since: Some(a.effect.value),
        }));
    ceiling_limits(&a.ceilings, Some(a), &mut v.ceilings, &mut v.yearly);
    if let Some(d) = &a.delegation {
        v.delegated = d.budgets;
        v.receipts = d.receipts;
        v.delegation = Some(d.span);
    }
    if let Some(t) = &a.titles {
        v.titles = Some(t);
    }
    if let Some(t) = &a.accounts {
        v.accounts = Some(t);
    }
    set_forecasts(&mut v.schedule, &a.schedule, Some(a));
    for e in &a.envelopes {
        let key = fold(&e.name.value);
        let index = match names.iter().position(|n| fold(&n.value) == key) {
            Some(i) => i,
            None => {
                names.push(&e.name);
                names.len() - 1
            }
        };
        match v.envelopes.iter_mut().find(|old| old.index == index) {
            // A known envelope: what the amendment states replaces its
            // clauses, codes field by field.
            Some(old) => {
                for (slot, field) in old.codes.iter_mut().zip(CodeField::ALL) {
                    if let Some(code) = e.imputation.get(field) {
                        *slot = Some(code);
                    }
                }
                ceiling_limits(&e.ceilings, Some(a), &mut old.ceilings, &mut old.yearly);
                set_forecasts(&mut old.schedule, &e.schedule, Some(a));
            }
            None => v.envelopes.push(new_envelope(index, e, Some(a))),
        }
    }
}
