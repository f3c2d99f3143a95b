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
//! before). Every value keeps the span of the clause that states it.

use std::fmt;

use chrono::NaiveDate;

use crate::dates::Duration;
use crate::diag::SourceId;
use crate::language::keywords::fold;
use crate::language::model::{
    Amendment, Budget, Ceiling, CodeField, Convention, Envelope, Market, Purpose, Restriction,
    ScheduleLine, Termination,
};
use crate::money::to_cents;
use crate::span::{Span, Spanned};

/// What fixed the end of a convention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndCause {
    /// The term's own end (`fin`, or `pour` a duration).
    Term,
    /// An amendment's `fin`.
    Amendment(u32),
    /// The n-th tacit renewal.
    Renewal(u32),
    /// A notice of termination given on a date, plus the notice period
    /// (`None`: the convention states none, and the notice takes effect on
    /// the day it is given).
    Notice {
        given: NaiveDate,
        period: Option<Duration>,
    },
}

impl EndCause {
    /// What ended the convention, in words.
    pub fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            EndCause::Term => Message::new("end-by-term"),
            EndCause::Amendment(n) => Message::new("end-by-amendment").arg("number", n.to_string()),
            EndCause::Renewal(n) => Message::new("end-by-renewal").arg("number", n.to_string()),
            EndCause::Notice {
                given,
                period: Some(period),
            } => Message::new("end-by-notice")
                .date("given", *given)
                .arg("period", Message::from(*period)),
            EndCause::Notice {
                given,
                period: None,
            } => Message::new("end-by-notice-without-period").date("given", *given),
        }
    }
}

impl fmt::Display for EndCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndCause::Term => f.write_str("the term"),
            EndCause::Amendment(n) => write!(f, "avenant {n}"),
            EndCause::Renewal(n) => write!(f, "renewal {n}"),
            EndCause::Notice {
                given,
                period: Some(period),
            } => write!(f, "the notice of {given} plus {period}"),
            EndCause::Notice {
                given,
                period: None,
            } => write!(f, "the notice of {given}, no notice period being stated"),
        }
    }
}

/// The end of a convention once amendments, renewals and a notice are
/// accounted for: the last day anything may be spent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct End {
    pub date: NaiveDate,
    /// The clause that fixed it.
    pub span: Span,
    pub cause: EndCause,
    /// A notice of termination stopped a tacit renewal: the day it was
    /// given, and the last day it could be (the end then in force less the
    /// renewal's notice, art. 641).
    pub renewal_stopped: Option<(NaiveDate, NaiveDate)>,
}

impl End {
    /// A notice of termination ended the convention early.
    pub fn terminated(&self) -> bool {
        matches!(self.cause, EndCause::Notice { .. })
    }
}

/// One tacit renewal the term provides, a notice of termination aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenewalStep {
    /// 1 for the first renewal.
    pub number: u32,
    /// The end it pushes back.
    pub from: NaiveDate,
    /// The last day a notice of termination stops it: `from` less the
    /// renewal's notice (art. 641), moved to the next working day when the
    /// clause says `report-jour-ouvré` (art. 642); `None` when the clause states no notice
    /// (a notice given by `from` stops it).
    pub deadline: Option<NaiveDate>,
    /// The end it brings.
    pub to: NaiveDate,
}

/// What a key date of the convention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyKind {
    /// The convention takes effect.
    Effect,
    /// An amendment takes effect.
    Amendment,
    /// The last day a notice stops a tacit renewal (art. 641).
    RenewalDeadline,
    /// A tacit renewal begins.
    Renewal,
    /// A notice of termination is given.
    Notice,
    /// The end in force: nothing may be spent after it.
    End,
}

/// A date a compliance officer keeps in the convention's calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyDate {
    pub date: NaiveDate,
    pub kind: KeyKind,
    /// The amendment's or the renewal's number.
    pub number: Option<u32>,
}

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
    pub codes: [Option<&'c Spanned<String>>; 5],
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
    pub codes: [Option<&'c Spanned<String>>; 5],
    pub markets: Vec<MarketInForce<'c>>,
    /// The ceiling of each budget (AE, CP) over the convention's life.
    pub ceilings: [Option<Limit>; 2],
    /// The ceiling of each budget over each budget year (`par an`).
    pub yearly: [Option<Limit>; 2],
    /// The budgets delegated (AE, CP), and the clause saying so (`None`:
    /// both, as no clause restricts them).
    pub delegated: [bool; 2],
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

/// Where a limit counts: the whole convention, or one envelope (by its
/// place in [`View::envelopes`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Whole,
    Envelope(usize),
}

impl Version<'_> {
    /// The envelope of a given place, when it is in force.
    pub fn envelope(&self, index: usize) -> Option<&EnvelopeInForce<'_>> {
        self.envelopes.iter().find(|e| e.index == index)
    }

    /// The ceiling of a budget in a scope.
    pub fn ceiling_in(&self, scope: Scope, budget: Budget) -> Option<Limit> {
        match scope {
            Scope::Whole => self.ceiling(budget),
            Scope::Envelope(i) => self
                .envelope(i)
                .and_then(|e| e.ceilings.get(budget.index()).copied().flatten()),
        }
    }

    /// The yearly ceiling of a budget in a scope.
    pub fn yearly_in(&self, scope: Scope, budget: Budget) -> Option<Limit> {
        match scope {
            Scope::Whole => self.yearly(budget),
            Scope::Envelope(i) => self
                .envelope(i)
                .and_then(|e| e.yearly.get(budget.index()).copied().flatten()),
        }
    }

    /// The forecast schedule of a scope.
    pub fn schedule_in(&self, scope: Scope) -> &[Forecast] {
        match scope {
            Scope::Whole => &self.schedule,
            Scope::Envelope(i) => self.envelope(i).map_or(&[], |e| e.schedule.as_slice()),
        }
    }

    /// The forecast of one year and budget in a scope.
    pub fn forecast_in(&self, scope: Scope, year: i32, budget: Budget) -> Option<Limit> {
        self.schedule_in(scope)
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
    /// stated: an envelope's place here is its [`Scope::Envelope`].
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
        self.amended
            .iter()
            .rev()
            .find(|v| v.from.is_some_and(|f| f <= date))
            .unwrap_or(&self.signed)
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

    /// The end in force on `on` as the term and amendments state it,
    /// before renewals and notices.
    fn stated_end(&self, on: NaiveDate) -> Option<(NaiveDate, Span, EndCause)> {
        let term = self.convention.term.as_ref()?;
        let mut end = (term.end.value, term.end.span, EndCause::Term);
        for v in self
            .amended
            .iter()
            .filter(|v| v.from.is_some_and(|f| f <= on))
        {
            if let Some(a) = v.amendment
                && let Some(e) = &a.end
            {
                end = (e.value, e.span, EndCause::Amendment(a.number.value));
            }
        }
        Some(end)
    }

    /// The date after which nothing may be spent: the end in force, pushed
    /// by tacit renewals that no notice stopped, or brought forward by a
    /// notice of termination (art. 641, and 642 if the notice says so).
    fn effective_end(&self) -> Option<End> {
        let c = self.convention;
        let (mut date, mut span, mut cause) = self.stated_end(NaiveDate::MAX)?;
        let notice_given = self.notice_of_termination();
        let mut renewal_stopped = None;
        let renewal_span = c
            .term
            .as_ref()
            .and_then(|t| t.renewal.as_ref())
            .map(|r| r.span);
        for step in &self.renewals {
            // A notice given by the deadline stops the renewal.
            if let Some(t) = notice_given
                && step.deadline.is_none_or(|last| t.date.value <= last)
            {
                renewal_stopped = Some((t.date.value, step.deadline.unwrap_or(step.from)));
                break;
            }
            date = step.to;
            span = renewal_span.unwrap_or(span);
            cause = EndCause::Renewal(step.number);
        }
        let mut end = End {
            date,
            span,
            cause,
            renewal_stopped,
        };
        if let Some(t) = notice_given {
            // Without a `préavis` clause, a notice takes effect on the day
            // it is given (`lint` warns that no period is stated).
            let period = c.notice.as_ref().map(|n| n.duration);
            let mut effective = period.map_or(Some(t.date.value), |p| p.after(t.date.value));
            if t.next_working_day {
                effective = effective.and_then(crate::dates::next_working_day);
            }
            if let Some(effective) = effective.filter(|e| *e < end.date) {
                end = End {
                    date: effective,
                    span: t.span,
                    cause: EndCause::Notice {
                        given: t.date.value,
                        period,
                    },
                    renewal_stopped: None,
                };
            }
        }
        Some(end)
    }

    /// The renewals the term provides after the end stated, each with the
    /// last day a notice stops it.
    fn renewal_schedule(&self) -> Vec<RenewalStep> {
        let Some(renewal) = self
            .convention
            .term
            .as_ref()
            .and_then(|t| t.renewal.as_ref())
        else {
            return Vec::new();
        };
        let Some((mut from, _, _)) = self.stated_end(NaiveDate::MAX) else {
            return Vec::new();
        };
        let mut steps = Vec::new();
        for number in 1..=renewal.times {
            let Some(to) = renewal.period.after(from) else {
                break;
            };
            steps.push(RenewalStep {
                number,
                from,
                deadline: renewal.notice.and_then(|n| n.before(from)).and_then(|d| {
                    if renewal.next_working_day {
                        crate::dates::next_working_day(d)
                    } else {
                        Some(d)
                    }
                }),
                to,
            });
            from = to;
        }
        steps
    }

    /// The convention's calendar, in date order: its effect, each
    /// amendment's, each renewal that took or could take place with the
    /// last day a notice stops it, the notice of termination, the end in
    /// force. Renewals past the end in force are left out, but for the
    /// first one, which the notice or the term stopped.
    pub fn key_dates(&self) -> Vec<KeyDate> {
        let mut dates = Vec::new();
        let key = |date, kind, number| KeyDate { date, kind, number };
        if let Some((start, _)) = self.start {
            dates.push(key(start, KeyKind::Effect, None));
        }
        for v in &self.amended {
            if let (Some(a), Some(from)) = (v.amendment, v.from) {
                dates.push(key(from, KeyKind::Amendment, Some(a.number.value)));
            }
        }
        let end = self.end.map(|e| e.date);
        for step in &self.renewals {
            if let Some(deadline) = step.deadline {
                dates.push(key(deadline, KeyKind::RenewalDeadline, Some(step.number)));
            }
            let takes_place = end.is_some_and(|e| step.from < e);
            if takes_place {
                dates.push(key(step.from, KeyKind::Renewal, Some(step.number)));
            } else {
                break;
            }
        }
        if let Some(t) = self.notice_of_termination() {
            dates.push(key(t.date.value, KeyKind::Notice, None));
        }
        if let Some(end) = end {
            dates.push(key(end, KeyKind::End, None));
        }
        dates.sort_by_key(|d| d.date);
        dates
    }

    /// The notice of termination given, if any.
    pub fn notice_of_termination(&self) -> Option<&'c Termination> {
        self.convention
            .termination
            .as_ref()
            .filter(|t| t.purpose == Purpose::Termination)
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
        codes: CodeField::ALL.map(|f| c.imputation.get(f)),
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
