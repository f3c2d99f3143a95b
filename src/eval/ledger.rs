//! Cumulative clauses, over movements in chronological order: ceilings,
//! the yearly forecast schedule, and payments per commitment (EJ).

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::sort::{DaySums, Movement, NO_EJ};
use crate::diag::{Code, Diagnostic, RowRef, SourceId};
use crate::i18n::Message;
use crate::input::parse::day_number;
use crate::language::model::Budget;
use crate::language::view::{self, Dated, Version, View};
use crate::money::Amount;
use crate::msg;
use crate::span::Span;

/// The DP number of the rows that a waiver names by DP, by export and
/// line: the movements do not carry DPs, and only these rows need theirs.
pub type DpRows = rustc_hash::FxHashMap<(u32, u64), String>;

/// A limit and the running sum against it.
struct Limit {
    cents: i128,
    span: Span,
    crossed: bool,
    /// The first day it is in force (the amendment's effect), and the
    /// amendment's number; the convention's own limits have neither.
    from: Option<(i32, u32)>,
}

/// The versions of one limit, in force from their dates on; the last one in
/// force on a movement's day applies.
#[derive(Default)]
struct Limits(Vec<Limit>);

impl Limits {
    fn in_force(&mut self, day: i32) -> Option<&mut Limit> {
        let i = view::in_force(&self.0, |l: &Limit| l.from.map(|(from, _)| from), day)?;
        self.0.get_mut(i)
    }

    fn last(&self) -> Option<&Limit> {
        self.0.last()
    }

    /// The limit in force on a day, read only.
    fn on(&self, day: i32) -> Option<&Limit> {
        self.0.get(view::in_force(
            &self.0,
            |l: &Limit| l.from.map(|(from, _)| from),
            day,
        )?)
    }
}

#[derive(Default)]
struct Year {
    year: i32,
    sums: [i128; 2],
    limits: [Limits; 2],
}

/// What holds in one scope on the day being applied: the index in
/// `years` of its year (`None` when the schedule has no line for it), and
/// for each budget the sum above which the ceiling, the yearly ceiling and
/// the forecast in force are crossed (`i128::MAX` when none is in force or
/// it was crossed already). Movements come by day, so this is settled once
/// a day rather than once a movement.
#[derive(Clone, Copy)]
struct Thresholds {
    year: Option<usize>,
    ceiling: [i128; 2],
    forecast: [i128; 2],
    yearly: [i128; 2],
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            year: None,
            ceiling: [i128::MAX; 2],
            forecast: [i128::MAX; 2],
            yearly: [i128::MAX; 2],
        }
    }
}

/// The limits of one scope (the whole convention, or an envelope) and its
/// running sums.
struct Tally {
    /// The envelope's name; `None` for the whole convention.
    name: Option<String>,
    totals: [i128; 2],
    ceilings: [Limits; 2],
    /// Ceilings of each budget year (`par an`); their `crossed` flags are
    /// those of the current year.
    yearly: [Limits; 2],
    /// Each budget year with movements and its sums, in order; the last
    /// one is the current year.
    year_totals: Vec<(i32, [i128; 2])>,
    years: Vec<Year>,
    today: Thresholds,
}

impl Tally {
    /// The scope's limits, as the view's versions state them: `pick` reads
    /// one limit off a version.
    fn new(view: &View<'_>, scope: view::Part, name: Option<String>) -> Tally {
        let steps = |pick: &dyn Fn(&Version<'_>) -> Option<view::Limit>| {
            Limits(
                view.steps(pick)
                    .into_iter()
                    .map(|l| Limit {
                        cents: l.cents,
                        span: l.span,
                        crossed: false,
                        from: l.from.zip(l.amendment).map(|(d, n)| (day_number(d), n)),
                    })
                    .collect(),
            )
        };
        let ceilings = Budget::BOTH.map(|b| steps(&|v| v.ceiling_in(scope, b)));
        let yearly = Budget::BOTH.map(|b| steps(&|v| v.yearly_in(scope, b)));
        // Every year some version forecasts, in order of first statement.
        let mut years: Vec<Year> = Vec::new();
        for v in view.versions() {
            for f in v.schedule_in(scope) {
                if !years.iter().any(|y| y.year == f.year) {
                    years.push(Year {
                        year: f.year,
                        ..Year::default()
                    });
                }
            }
        }
        for y in &mut years {
            let year = y.year;
            y.limits = Budget::BOTH.map(|b| steps(&|v| v.forecast_in(scope, year, b)));
        }
        Tally {
            name,
            totals: [0; 2],
            ceilings,
            yearly,
            year_totals: Vec::new(),
            years,
            today: Thresholds::default(),
        }
    }

    /// Settles what holds on a new day of year `year`.
    fn begin_day(&mut self, day: i32, year: i32) {
        if self.year_totals.last().is_none_or(|(y, _)| *y != year) {
            // A new budget year: its yearly ceilings start afresh.
            self.year_totals.push((year, [0, 0]));
            for limits in &mut self.yearly {
                for l in &mut limits.0 {
                    l.crossed = false;
                }
            }
        }
        let index = self.years.iter().position(|y| y.year == year);
        let threshold = |limits: &mut Limits| {
            limits
                .in_force(day)
                .filter(|l| !l.crossed)
                .map_or(i128::MAX, |l| l.cents)
        };
        let [ae, cp] = &mut self.ceilings;
        let ceiling = [threshold(ae), threshold(cp)];
        let [ae, cp] = &mut self.yearly;
        let yearly = [threshold(ae), threshold(cp)];
        let forecast = match index.and_then(|i| self.years.get_mut(i)) {
            Some(y) => {
                let [ae, cp] = &mut y.limits;
                [threshold(ae), threshold(cp)]
            }
            None => [i128::MAX; 2],
        };
        self.today = Thresholds {
            year: index,
            ceiling,
            forecast,
            yearly,
        };
    }
}

impl Tally {
    /// Adds a day's `sum` of one budget at once, if the sums before the
    /// day plus its `peak` pass none of the limits in force (the checks of
    /// `Ledger::apply_in`, for the whole day); `false`, adding nothing,
    /// otherwise.
    fn settle(&mut self, budget: Budget, sum: i128, peak: i128) -> bool {
        let today = self.today;
        let within = |before: &[i128; 2], limit: &[i128; 2]| {
            amount_of(before, budget).saturating_add(peak) <= amount_of(limit, budget)
        };
        let year = today.year.and_then(|y| self.years.get(y));
        let settles = within(&self.totals, &today.ceiling)
            && self
                .year_totals
                .last()
                .is_none_or(|(_, sums)| within(sums, &today.yearly))
            && year.is_none_or(|y| within(&y.sums, &today.forecast));
        if settles {
            *pick(&mut self.totals, budget) += sum;
            if let Some((_, sums)) = self.year_totals.last_mut() {
                *pick(sums, budget) += sum;
            }
            if let Some(year) = today.year.and_then(|y| self.years.get_mut(y)) {
                *pick(&mut year.sums, budget) += sum;
            }
        }
        settles
    }
}

#[derive(Default, Clone, Copy)]
struct Commitment {
    ae: i128,
    cp: i128,
    overpaid: bool,
    /// Every one of its AE rows is dated while AE are delegated.
    judged: bool,
}

/// What kind of limit a movement first crossed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LimitKind {
    Ceiling,
    YearlyCeiling,
    Forecast,
}

/// A limit first crossed: in words, on which day, in which scope (0 for
/// the whole convention, then each envelope by its place plus one), for
/// which budget.
#[derive(Clone, Debug)]
pub struct Crossed {
    pub limit: Message,
    pub day: i32,
    pub scope: usize,
    pub budget: Budget,
    pub kind: LimitKind,
}

/// Sums by month and by day, and when limits were crossed: what the
/// consumption statement shows beyond the summary. Grows with months and
/// days, not rows.
#[derive(Debug, Default)]
pub struct Track {
    /// (year, month) and the AE and CP of the month, in order.
    pub months: Vec<((i32, u32), [i128; 2])>,
    /// (day, cumulative AE, cumulative CP) at the end of each day with
    /// movements, in order.
    pub days: Vec<(i32, i128, i128)>,
    /// The same for each envelope, by its place in the view: its days with
    /// movements only.
    pub envelope_days: Vec<Vec<(i32, i128, i128)>>,
    /// Each first crossing, in order.
    pub crossings: Vec<Crossed>,
}

impl Track {
    /// A new day of movements (days come in order): its cumulative sums
    /// start from the last day's, and it opens a month when it starts one.
    fn begin_day(&mut self, day: i32) {
        let (ae, cp) = self.days.last().map_or((0, 0), |d| (d.1, d.2));
        self.days.push((day, ae, cp));
        if let Some(date) = NaiveDate::from_num_days_from_ce_opt(day) {
            let key = (date.year(), date.month());
            if self.months.last().is_none_or(|(k, _)| *k != key) {
                self.months.push((key, [0, 0]));
            }
        }
    }

    /// A movement of the current day.
    fn add(&mut self, budget: Budget, amount: i128) {
        if let (Some(day), Some((_, month))) = (self.days.last_mut(), self.months.last_mut()) {
            match budget {
                Budget::AE => day.1 += amount,
                Budget::CP => day.2 += amount,
            }
            *pick(month, budget) += amount;
        }
    }

    /// A movement of the current day in the envelope at `index`.
    fn add_envelope(&mut self, index: usize, day: i32, budget: Budget, amount: i128) {
        if self.envelope_days.len() <= index {
            self.envelope_days.resize(index + 1, Vec::new());
        }
        let Some(days) = self.envelope_days.get_mut(index) else {
            return;
        };
        if days.last().is_none_or(|d| d.0 != day) {
            let (ae, cp) = days.last().map_or((0, 0), |d| (d.1, d.2));
            days.push((day, ae, cp));
        }
        if let Some(d) = days.last_mut() {
            match budget {
                Budget::AE => d.1 += amount,
                Budget::CP => d.2 += amount,
            }
        }
    }
}

/// The limits of a scope as they change: (first day in force, `None` from
/// the start; budget; cents), over its life and per budget year.
#[derive(Debug, Default)]
pub struct LimitSteps {
    pub overall: Vec<(Option<i32>, Budget, i128)>,
    pub yearly: Vec<(Option<i32>, Budget, i128)>,
}

/// The element of a pair that belongs to a budget.
fn pick<T>(pair: &mut [T; 2], budget: Budget) -> &mut T {
    let [ae, cp] = pair;
    match budget {
        Budget::AE => ae,
        Budget::CP => cp,
    }
}

/// The amount of a pair that belongs to a budget.
fn amount_of(pair: &[i128; 2], budget: Budget) -> i128 {
    let [ae, cp] = *pair;
    match budget {
        Budget::AE => ae,
        Budget::CP => cp,
    }
}

/// Consumption of one budget over the convention's life.
#[derive(Clone, Debug, Serialize)]
pub struct Consumption {
    /// The rule file of the convention.
    pub convention: String,
    /// The envelope; absent for the whole convention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub envelope: Option<String>,
    /// The party whose share this is (`délégant` or `délégataire`, and its
    /// acronym or name), for the parties stating codes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    /// The budget year, for a yearly ceiling (`par an`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    pub budget: Budget,
    pub consumed: Amount,
    pub ceiling: Option<Amount>,
    pub remaining: Option<Amount>,
    /// The same figures in words, for human output.
    #[serde(skip)]
    pub display: Message,
}

/// Receipts collected in one calendar year (`délégation … recettes`): never
/// against a ceiling.
#[derive(Clone, Debug, Serialize)]
pub struct ReceiptYear {
    pub convention: String,
    pub year: i32,
    pub collected: Amount,
    #[serde(skip)]
    pub display: Message,
}

/// Consumption of one budget in one calendar year.
#[derive(Clone, Debug, Serialize)]
pub struct YearConsumption {
    pub convention: String,
    /// The envelope; absent for the whole convention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub envelope: Option<String>,
    pub year: i32,
    pub budget: Budget,
    pub consumed: Amount,
    pub forecast: Option<Amount>,
    /// What remains of the forecast (negative past it).
    pub remaining: Option<Amount>,
    #[serde(skip)]
    pub display: Message,
}

pub struct Ledger<'a> {
    /// The rule file: payments-per-commitment findings are its
    /// convention's, though they apply the law (GBCP art. 156), no clause.
    source: SourceId,
    /// The whole convention, then each envelope by its place in the view.
    scopes: Vec<Tally>,
    /// From which day AE are delegated or not (`délégation`), in order.
    delegates_ae: Dated<bool, i32>,
    commitments: Vec<Commitment>,
    ej_names: &'a [Box<[u8]>],
    /// The DP numbers of rows that a waiver names by DP, by export and line.
    dps: &'a DpRows,
    /// The day being applied.
    day: Option<i32>,
    /// AE are delegated on that day: payments per commitment are checked.
    check_commitments: bool,
    /// Per budget, the day's movements were added to the whole
    /// convention's sums at once ([`Ledger::begin`]): no limit of it can be
    /// crossed that day.
    settled: [bool; 2],
    /// Rows after which some commitment stood overpaid (for statistics).
    pub overpaid_rows: u64,
    /// What the consumption statement (`clausier report`) shows.
    pub track: Track,
}

impl<'a> Ledger<'a> {
    /// `judged` tells, by EJ, whether its payments are judged: not when
    /// some of its AE are dated while AE were not delegated.
    pub fn new(
        view: &View<'_>,
        ej_names: &'a [Box<[u8]>],
        judged: Vec<bool>,
        dps: &'a DpRows,
    ) -> Ledger<'a> {
        let c = view.convention;
        let delegates_ae = Dated::from_steps(
            view.versions()
                .map(|v| (v.from.map(day_number), v.delegates(Budget::AE)))
                .collect(),
        );
        Ledger {
            source: c.source,
            scopes: std::iter::once(Tally::new(view, view::Part::Whole, None))
                .chain(view.envelopes.iter().enumerate().map(|(i, name)| {
                    Tally::new(view, view::Part::Envelope(i), Some(name.value.clone()))
                }))
                .collect(),
            delegates_ae,
            commitments: judged
                .into_iter()
                .map(|judged| Commitment {
                    judged,
                    ..Commitment::default()
                })
                .collect(),
            ej_names,
            dps,
            day: None,
            check_commitments: true,
            settled: [false; 2],
            overpaid_rows: 0,
            track: Track::default(),
        }
    }

    /// A new day, before its movements, with what they add up to: where
    /// no limit of the whole convention can be crossed that day (the sums
    /// before it plus the day's peak stay within every limit in force), a
    /// budget's movements are added at once, and [`Ledger::apply`] leaves
    /// them out of those sums. Calling it is optional: without it, every
    /// movement is applied one by one, with the same result.
    pub fn begin(&mut self, day: i32, sums: &DaySums) {
        if !sums.any() {
            // Carried AE only: they count per commitment.
            return;
        }
        self.begin_day(day);
        for budget in Budget::BOTH {
            let b = budget.index();
            let (Some(&sum), Some(&peak)) = (sums.sum.get(b), sums.peak.get(b)) else {
                continue;
            };
            if peak == i128::MIN {
                continue;
            }
            let whole = self.scopes.first_mut();
            if whole.is_some_and(|scope| scope.settle(budget, sum, peak)) {
                self.track.add(budget, sum);
                if let Some(settled) = self.settled.get_mut(b) {
                    *settled = true;
                }
            }
        }
    }

    pub fn apply(&mut self, m: &Movement, out: &mut dyn FnMut(Diagnostic)) {
        if m.carried {
            if let Some(c) = self.commitments.get_mut(m.ej as usize) {
                c.ae += i128::from(m.amount);
            }
            return;
        }
        if self.day != Some(m.day) {
            self.begin_day(m.day);
        }
        let amount = i128::from(m.amount);
        if !self.settled.get(m.budget.index()).copied().unwrap_or(false) {
            self.track.add(m.budget, amount);
            self.apply_in(0, m, amount, out);
        }
        if m.envelope > 0 {
            let index = usize::from(m.envelope) - 1;
            self.track.add_envelope(index, m.day, m.budget, amount);
            self.apply_in(usize::from(m.envelope), m, amount, out);
        }
        self.apply_commitment(m, out);
    }

    /// A movement in one scope: its sums, and the limits it crosses.
    fn apply_in(&mut self, i: usize, m: &Movement, amount: i128, out: &mut dyn FnMut(Diagnostic)) {
        let Some(scope) = self.scopes.get_mut(i) else {
            return;
        };
        let total = pick(&mut scope.totals, m.budget);
        *total += amount;
        if *total > *pick(&mut scope.today.ceiling, m.budget) {
            self.cross(LimitKind::Ceiling, i, m, out);
        }
        let Some(scope) = self.scopes.get_mut(i) else {
            return;
        };
        if let Some((_, sums)) = scope.year_totals.last_mut() {
            let sum = pick(sums, m.budget);
            *sum += amount;
            if *sum > *pick(&mut scope.today.yearly, m.budget) {
                self.cross(LimitKind::YearlyCeiling, i, m, out);
            }
        }
        let Some(scope) = self.scopes.get_mut(i) else {
            return;
        };
        if let Some(year) = scope.today.year.and_then(|y| scope.years.get_mut(y)) {
            let sum = pick(&mut year.sums, m.budget);
            *sum += amount;
            if *sum > *pick(&mut scope.today.forecast, m.budget) {
                self.cross(LimitKind::Forecast, i, m, out);
            }
        }
    }

    /// Settles what holds on a new day: its year's schedule, and the sums
    /// above which the limits in force are crossed.
    fn begin_day(&mut self, day: i32) {
        self.track.begin_day(day);
        let year = NaiveDate::from_num_days_from_ce_opt(day).map_or(0, |d| d.year());
        for scope in &mut self.scopes {
            scope.begin_day(day, year);
        }
        self.check_commitments = self.delegates_ae.on(day).is_none_or(|d| *d);
        self.day = Some(day);
        self.settled = [false; 2];
    }

    /// A limit of scope `i` crossed by `m`: disarmed for the day, marked,
    /// reported on the row and kept for the statement.
    fn cross(&mut self, kind: LimitKind, i: usize, m: &Movement, out: &mut dyn FnMut(Diagnostic)) {
        let Some(scope) = self.scopes.get_mut(i) else {
            return;
        };
        let today = match kind {
            LimitKind::Ceiling => &mut scope.today.ceiling,
            LimitKind::YearlyCeiling => &mut scope.today.yearly,
            LimitKind::Forecast => &mut scope.today.forecast,
        };
        *pick(today, m.budget) = i128::MAX;
        // The sum against the limit, its budget year, and the limit's steps.
        let (sum, year, limits) = match kind {
            LimitKind::Ceiling => (
                *pick(&mut scope.totals, m.budget),
                None,
                &mut scope.ceilings,
            ),
            LimitKind::YearlyCeiling => {
                let Some((year, sums)) = scope.year_totals.last().copied() else {
                    return;
                };
                (amount_of(&sums, m.budget), Some(year), &mut scope.yearly)
            }
            LimitKind::Forecast => {
                let Some(y) = scope.today.year.and_then(|y| scope.years.get_mut(y)) else {
                    return;
                };
                (*pick(&mut y.sums, m.budget), Some(y.year), &mut y.limits)
            }
        };
        let Some(limit) = pick(limits, m.budget).in_force(m.day) else {
            return;
        };
        limit.crossed = true;
        let limit = &*limit;
        let name = scope.name.as_deref();
        let d = limit_crossed(kind, m, year, sum, limit, self.source, name);
        let (crossing_id, row_id) = match kind {
            LimitKind::Ceiling => ("crossing-ceiling", "row-crosses-ceiling"),
            LimitKind::YearlyCeiling => ("crossing-yearly-ceiling", "row-crosses-yearly-ceiling"),
            LimitKind::Forecast => ("crossing-forecast", "row-crosses-forecast"),
        };
        let crossing = Crossed {
            limit: crossing(crossing_id, name, m, year, limit),
            day: m.day,
            scope: i,
            budget: m.budget,
            kind,
        };
        self.track.crossings.push(crossing);
        let d = self.keyed(d, m);
        out(d.at_row(self.row(m, Message::new(row_id))));
    }

    fn apply_commitment(&mut self, m: &Movement, out: &mut dyn FnMut(Diagnostic)) {
        if m.ej == NO_EJ {
            return;
        }
        let Some(c) = self.commitments.get_mut(m.ej as usize) else {
            return;
        };
        match m.budget {
            Budget::AE => c.ae += i128::from(m.amount),
            Budget::CP => c.cp += i128::from(m.amount),
        }
        // Judged on a movement dated while AE are delegated, and only when
        // none of the commitment's AE was dated otherwise.
        if c.cp <= c.ae || !self.check_commitments || !c.judged {
            return;
        }
        self.overpaid_rows += 1;
        if c.overpaid {
            return;
        }
        c.overpaid = true;
        let c = *c;
        let name = self
            .ej_names
            .get(m.ej as usize)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let d = Diagnostic::new(
            Code::CommitmentOverpaid,
            msg!("commitment-overpaid", ej = &name)
                .amount("paid", c.cp)
                .amount("committed", c.ae)
                .amount("overrun", c.cp - c.ae),
        )
        .help(Message::new("commitment-overpaid-help"))
        .figure("ej", &name)
        .amount_figure("committed", Amount(c.ae))
        .amount_figure("paid", Amount(c.cp))
        .amount_figure("overrun", Amount(c.cp - c.ae))
        .by_law(self.source, Message::new("commitment-overpaid-law"));
        let d = self.keyed(d, m);
        out(d.at_row(
            self.row(
                m,
                msg!("row-on-ej", budget = m.budget.to_string(), ej = &name)
                    .amount("amount", m.amount.into()),
            ),
        ));
    }

    /// Adds the movement's EJ number to a finding, for waivers.
    /// Adds the movement's date, EJ and (for rows a waiver names by DP)
    /// DP number to a finding, for waivers.
    fn keyed(&self, mut d: Diagnostic, m: &Movement) -> Diagnostic {
        if let Some(date) = NaiveDate::from_num_days_from_ce_opt(m.day) {
            d = d.dated(date);
        }
        if d.figure_value("ej").is_none()
            && let Some(name) = self.ej_names.get(m.ej as usize)
        {
            d = d.figure("ej", String::from_utf8_lossy(name));
        }
        if let Some(dp) = self.dps.get(&(m.source, m.line)) {
            d = d.figure("dp", dp);
        }
        d
    }

    fn row(&self, m: &Movement, label: Message) -> RowRef {
        RowRef {
            source: m.source as usize,
            line: m.line,
            byte: m.byte,
            columns: vec![usize::from(m.column)],
            label,
        }
    }

    /// Committed and paid per commitment, by EJ number.
    pub fn commitments(&self) -> Vec<(String, i128, i128)> {
        self.commitments
            .iter()
            .zip(self.ej_names)
            .map(|(c, name)| (String::from_utf8_lossy(name).into_owned(), c.ae, c.cp))
            .collect()
    }

    /// The ceilings of one scope (0 for the whole convention, then each
    /// envelope by its place plus one) as they change over time.
    pub fn ceiling_steps(&self, scope: usize) -> LimitSteps {
        let mut steps = LimitSteps::default();
        let Some(scope) = self.scopes.get(scope) else {
            return steps;
        };
        for (budget, (limits, yearly)) in Budget::BOTH
            .iter()
            .zip(scope.ceilings.iter().zip(&scope.yearly))
        {
            for l in &limits.0 {
                steps
                    .overall
                    .push((l.from.map(|(d, _)| d), *budget, l.cents));
            }
            for l in &yearly.0 {
                steps
                    .yearly
                    .push((l.from.map(|(d, _)| d), *budget, l.cents));
            }
        }
        steps
    }

    /// Final consumption per budget and per scheduled year, of the whole
    /// convention, then of each envelope.
    ///
    /// With `as_of` (`report --au`), the ceilings and forecasts are those in
    /// force on that date; without, the last ones stated.
    pub fn consumption(
        &self,
        convention: &str,
        as_of: Option<NaiveDate>,
    ) -> (Vec<Consumption>, Vec<YearConsumption>) {
        let in_force = |limits: &Limits| match as_of {
            Some(d) => limits.on(day_number(d)).map(|l| l.cents),
            None => limits.last().map(|l| l.cents),
        };
        // A budget the convention never delegates is not consumed by it.
        let delegated = |b: &Budget| *b != Budget::AE || self.delegates_ae.values().any(|d| *d);
        let mut totals = Vec::new();
        let mut years = Vec::new();
        for scope in &self.scopes {
            let name = scope.name.as_deref();
            let consumption = |year: Option<i32>,
                               budget: Budget,
                               sum: i128,
                               ceiling: Option<i128>,
                               display: Message| Consumption {
                convention: convention.to_owned(),
                envelope: name.map(str::to_owned),
                role: None,
                party: None,
                year,
                budget,
                consumed: Amount(sum),
                ceiling: ceiling.map(Amount),
                remaining: ceiling.map(|c| Amount(c - sum)),
                display: display.arg("of", of(name)),
            };
            for (budget, ((total, limits), yearly)) in Budget::BOTH
                .iter()
                .zip(scope.totals.iter().zip(&scope.ceilings).zip(&scope.yearly))
                .filter(|(b, _)| delegated(b))
            {
                let ceiling = in_force(limits);
                let budget_name = budget.to_string();
                let display = match ceiling {
                    Some(c) => msg!("consumed-of-ceiling", budget = budget_name)
                        .amount("sum", *total)
                        .amount("limit", c)
                        .amount("remaining", c - total)
                        .amount("excess", total - c)
                        .count("over", u8::from(*total > c)),
                    // Only a ceiling of each year: the yearly lines give
                    // the figures against it.
                    None if !yearly.0.is_empty() => {
                        msg!("consumed-yearly-ceiling-only", budget = budget_name)
                            .amount("sum", *total)
                    }
                    None if name.is_none() && self.scopes.len() > 1 => {
                        msg!("consumed-no-overall-ceiling", budget = budget_name)
                            .amount("sum", *total)
                    }
                    None => msg!("consumed-no-ceiling", budget = budget_name).amount("sum", *total),
                };
                totals.push(consumption(None, *budget, *total, ceiling, display));
            }
            for (year, sums) in &scope.year_totals {
                // The yearly ceiling in force at the end of that year.
                let last_day = NaiveDate::from_ymd_opt(*year, 12, 31).map_or(i32::MAX, day_number);
                for (budget, (sum, limits)) in
                    Budget::BOTH.iter().zip(sums.iter().zip(&scope.yearly))
                {
                    let Some(limit) = limits.on(last_day) else {
                        continue;
                    };
                    let display = msg!(
                        "consumed-of-yearly-ceiling",
                        year = year.to_string(),
                        budget = budget.to_string()
                    )
                    .amount("sum", *sum)
                    .amount("limit", limit.cents)
                    .amount("remaining", limit.cents - sum)
                    .amount("excess", sum - limit.cents)
                    .count("over", u8::from(*sum > limit.cents));
                    totals.push(consumption(
                        Some(*year),
                        *budget,
                        *sum,
                        Some(limit.cents),
                        display,
                    ));
                }
            }
            let mut scope_years = Vec::new();
            for y in &scope.years {
                for (budget, (sum, limits)) in Budget::BOTH.iter().zip(y.sums.iter().zip(&y.limits))
                {
                    let Some(limit) = in_force(limits) else {
                        continue;
                    };
                    scope_years.push(YearConsumption {
                        convention: convention.to_owned(),
                        envelope: name.map(str::to_owned),
                        year: y.year,
                        budget: *budget,
                        consumed: Amount(*sum),
                        forecast: Some(Amount(limit)),
                        remaining: Some(Amount(limit - sum)),
                        display: msg!(
                            "consumed-of-forecast",
                            of = of(name),
                            year = y.year.to_string(),
                            budget = budget.to_string()
                        )
                        .amount("sum", *sum)
                        .amount("limit", limit),
                    });
                }
            }
            scope_years.sort_by_key(|y| (y.year, y.budget));
            years.extend(scope_years);
        }
        (totals, years)
    }
}

/// `envelope "…": `, before a finding's message in an envelope; nothing
/// for the whole convention.
fn of(envelope: Option<&str>) -> Message {
    envelope.map_or(Message::plain(""), |n| msg!("of-envelope", name = n))
}

/// ` (avenant 2 in force)`, or nothing for the convention's own limits.
fn in_force(limit: &Limit) -> Message {
    limit.from.map_or(Message::plain(""), |(_, n)| {
        msg!("amendment-in-force", number = n.to_string())
    })
}

/// The short name of a limit first crossed, for the statement: whose, the
/// budget (and year), the amendment that states it.
fn crossing(
    id: &'static str,
    envelope: Option<&str>,
    m: &Movement,
    year: Option<i32>,
    limit: &Limit,
) -> Message {
    let message = Message::new(id)
        .arg("of", of(envelope))
        .arg("budget", m.budget.to_string())
        .arg("amended", in_force(limit));
    match year {
        Some(year) => message.arg("year", year.to_string()),
        None => message,
    }
}

/// The words of a crossed limit (catalogue entry `id`): whose it is (an
/// envelope's), the budget and year, the sum, the limit, the overrun and
/// the amendment that states the limit.
fn crossed(
    id: &'static str,
    envelope: Option<&str>,
    m: &Movement,
    year: Option<i32>,
    sum: i128,
    limit: &Limit,
) -> Message {
    let mut message = Message::new(id)
        .arg("of", of(envelope))
        .arg("budget", m.budget.to_string())
        .arg("amended", in_force(limit))
        .amount("sum", sum)
        .amount("limit", limit.cents)
        .amount("overrun", sum - limit.cents);
    if let Some(year) = year {
        message = message.arg("year", year.to_string());
    }
    message
}

/// The finding of a limit crossed: what was crossed, the clause stating the
/// limit, the help and the exact figures.
fn limit_crossed(
    kind: LimitKind,
    m: &Movement,
    year: Option<i32>,
    sum: i128,
    limit: &Limit,
    source: SourceId,
    envelope: Option<&str>,
) -> Diagnostic {
    let budget = m.budget.to_string();
    let (code, id, label, help) = match kind {
        LimitKind::Ceiling => (
            Code::CeilingExceeded,
            "ceiling-exceeded",
            msg!(
                "ceiling-label",
                budget = budget,
                envelope = envelope.map_or(Message::plain(""), |n| {
                    msg!("ceiling-label-envelope", name = n)
                })
            ),
            "ceiling-exceeded-help",
        ),
        LimitKind::YearlyCeiling => (
            Code::CeilingExceeded,
            "ceiling-yearly-exceeded",
            msg!("ceiling-yearly-label", budget = budget),
            "ceiling-yearly-help",
        ),
        LimitKind::Forecast => (
            Code::ScheduleExceeded,
            "schedule-exceeded",
            msg!(
                "schedule-label",
                year = year.map(|y| y.to_string()).unwrap_or_default(),
                budget = budget
            ),
            "schedule-exceeded-help",
        ),
    };
    let d = Diagnostic::new(code, crossed(id, envelope, m, year, sum, limit))
        .at_clause(source, limit.span, label.amount("limit", limit.cents))
        .help(Message::new(help));
    limit_figures(d, m, year, sum, limit, envelope)
}

/// The figures of a crossed limit: the budget, the year (of a yearly
/// limit), the movement's amount, the sum, the limit, the overrun, and the
/// amendment that states the limit.
fn limit_figures(
    mut d: Diagnostic,
    m: &Movement,
    year: Option<i32>,
    sum: i128,
    limit: &Limit,
    envelope: Option<&str>,
) -> Diagnostic {
    if let Some((_, n)) = limit.from {
        d = d.figure("amendment", n);
    }
    if let Some(name) = envelope {
        d = d.figure("envelope", name);
    }
    d = d.figure("budget", m.budget);
    if let Some(year) = year {
        d = d.figure("year", year);
    }
    d.amount_figure("amount", Amount(m.amount.into()))
        .amount_figure("cumulative", Amount(sum))
        .amount_figure("limit", Amount(limit.cents))
        .amount_figure("overrun", Amount(sum - limit.cents))
}
