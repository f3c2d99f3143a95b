//! The consumption statement of a convention (`clausier report`): AE and CP
//! per year and month against the schedule and ceilings in force, per
//! holder, per commitment, the dates limits were first crossed, and the
//! series the chart draws. Built from the ledger once the replay is over.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::ledger::{Consumption, Ledger, LimitKind, YearConsumption};
use crate::language::model::Budget;
use crate::language::view::{EndCause, KeyKind, OpenEnd, View};
use crate::money::Amount;

#[derive(Clone, Debug, Serialize)]
pub struct MonthLine {
    pub year: i32,
    pub month: u32,
    pub ae: Amount,
    pub cp: Amount,
    pub cumulative_ae: Amount,
    pub cumulative_cp: Amount,
}

#[derive(Clone, Debug, Serialize)]
pub struct HolderLine {
    /// The supplier's CHORUS number, and its holder's name when the
    /// convention lists it.
    pub supplier: String,
    pub holder: Option<String>,
    pub commitments: usize,
    pub committed: Amount,
    pub paid: Amount,
    pub remaining: Amount,
}

#[derive(Clone, Debug, Serialize)]
pub struct CommitmentLine {
    pub ej: String,
    pub supplier: Option<String>,
    pub committed: Amount,
    pub paid: Amount,
    pub remaining: Amount,
}

#[derive(Clone, Debug, Serialize)]
pub struct Crossing {
    /// The limit in words, in the run's language: filled by the renderer
    /// from `limit` (`report::statement::json`).
    #[serde(rename = "limit")]
    pub limit_text: String,
    #[serde(skip)]
    pub limit: crate::i18n::Message,
    pub date: Option<NaiveDate>,
}

/// A date of the convention's calendar, as the statement lists it.
#[derive(Clone, Debug, Serialize)]
pub struct KeyDateLine {
    pub date: NaiveDate,
    pub kind: crate::language::view::KeyKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The date in words, in the run's language: filled by the renderer
    /// from `kind` (`report::statement::json`).
    pub what: String,
    /// Where it stands from the statement's date: filled by the renderer,
    /// which knows that date (`report::statement::settle`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<KeyStatus>,
    /// What the end in force was fixed by (for `end`).
    #[serde(skip)]
    pub cause: Option<crate::i18n::Message>,
}

impl KeyDateLine {
    /// The date in words.
    pub fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        use crate::language::view::KeyKind;
        let number = self.number.unwrap_or_default().to_string();
        match self.kind {
            KeyKind::Effect => Message::new("key-effect"),
            KeyKind::Amendment => Message::new("key-amendment").arg("number", number),
            KeyKind::RenewalDeadline => Message::new("key-renewal-deadline").arg("number", number),
            KeyKind::Renewal => Message::new("key-renewal").arg("number", number),
            KeyKind::Notice => Message::new("key-notice"),
            // The statement always states the cause of the end; the term's
            // own end is what fixes it otherwise.
            KeyKind::End => Message::new("key-end").arg(
                "cause",
                self.cause
                    .clone()
                    .unwrap_or_else(|| Message::new("end-by-term")),
            ),
        }
    }

    /// Where the date stands from the statement's date `on`.
    pub fn status_on(&self, on: NaiveDate) -> KeyStatus {
        if self.date < on {
            KeyStatus::Past
        } else if self.date <= on + chrono::Days::new(90) {
            KeyStatus::Soon
        } else {
            KeyStatus::Later
        }
    }
}

/// Where a key date stands from the statement's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyStatus {
    /// Before it.
    Past,
    /// Within the 90 days after it.
    Soon,
    /// Later.
    Later,
}

impl KeyStatus {
    /// Its catalogue entry.
    pub fn message_id(self) -> &'static str {
        match self {
            KeyStatus::Past => "key-past",
            KeyStatus::Soon => "key-soon",
            KeyStatus::Later => "key-later",
        }
    }
}

/// The period a statement covers, and the rows it left out.
#[derive(Clone, Debug, Serialize)]
pub struct PeriodLine {
    /// Its first day: months and charts start there; rows before it are
    /// checked and count in the cumulative figures.
    pub from: Option<NaiveDate>,
    /// Its last day: rows after it are left out, and counted.
    pub until: Option<NaiveDate>,
    pub rows_after: u64,
}

/// A limit first crossed, as a chart marks it.
#[derive(Clone, Debug)]
pub struct Mark {
    pub date: NaiveDate,
    pub budget: Budget,
    pub kind: LimitKind,
    pub limit: crate::i18n::Message,
}

/// What one chart draws, in cents and days; not serialized. One for the
/// whole convention, then one for each envelope.
#[derive(Clone, Debug, Default)]
pub struct Series {
    /// The envelope; `None` for the whole convention.
    pub envelope: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// (date, cumulative AE, cumulative CP).
    pub days: Vec<(NaiveDate, i128, i128)>,
    /// (in force from, budget, ceiling).
    pub ceilings: Vec<(Option<NaiveDate>, Budget, i128)>,
    /// (in force from, budget, ceiling of each budget year).
    pub yearly: Vec<(Option<NaiveDate>, Budget, i128)>,
    /// (end of year, budget, cumulative forecast).
    pub forecast: Vec<(NaiveDate, Budget, i128)>,
    /// The limits of this scope first crossed.
    pub marks: Vec<Mark>,
    /// The first day drawn, when the statement covers a period.
    pub from: Option<NaiveDate>,
}

/// A party to the convention, as the statement names it.
#[derive(Clone, Debug, Serialize)]
pub struct PartyLine {
    /// `delegant` or `delegataire`.
    pub role: &'static str,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
}

impl PartyLine {
    /// The délégants, then the délégataires, in the order stated.
    fn of(convention: &crate::language::model::Convention) -> Vec<PartyLine> {
        let line = |role: &'static str| {
            move |p: &crate::language::model::Party| PartyLine {
                role,
                name: p.name.value.clone(),
                acronym: p.acronym.as_ref().map(|a| a.value.clone()),
            }
        };
        convention
            .delegants
            .iter()
            .map(line("delegant"))
            .chain(convention.delegataires.iter().map(line("delegataire")))
            .collect()
    }
}

/// The term as computed: when the convention took effect, when it ends,
/// and what fixed that end (the term, an amendment, a renewal, a notice).
#[derive(Clone, Debug, Serialize)]
pub struct TermLine {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// What ended the convention, in the run's language: filled by the
    /// renderer from `cause` (`report::statement::json`).
    pub ended_by: Option<String>,
    #[serde(skip)]
    pub cause: Option<crate::i18n::Message>,
    pub terminated: bool,
    /// Days from the statement's date to the end in force (negative once
    /// it is past): filled by the renderer (`report::statement::settle`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub days_left: Option<i64>,
    /// The end is the term's own (no amendment, renewal or notice moved it).
    #[serde(skip)]
    pub by_term: bool,
    /// No end in force: `indefinite` (`durée indéterminée`) or `renewals`
    /// (renewed without limit), until a notice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open: Option<&'static str>,
    /// Renewals without limit: the clause and the end the first one pushes
    /// back, from which the statement's date finds the next deadline
    /// (`report::statement::settle`, through [`crate::language::view::renewal_steps`]).
    #[serde(skip)]
    pub open_renewal: Option<(crate::language::model::Renewal, NaiveDate)>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Statement {
    pub convention: String,
    pub title: String,
    pub term: TermLine,
    /// The parent convention's title, for a sub-delegation (`cadre`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frame: Option<String>,
    /// The délégants and délégataires.
    pub parties: Vec<PartyLine>,
    pub consumption: Vec<Consumption>,
    pub schedule: Vec<YearConsumption>,
    pub months: Vec<MonthLine>,
    pub holders: Vec<HolderLine>,
    pub commitments: Vec<CommitmentLine>,
    pub crossings: Vec<Crossing>,
    /// The findings about this convention (at one of its clauses), by
    /// severity, waived ones apart: filled by the command, which sees
    /// every finding go by.
    pub findings: crate::diag::Counts,
    /// The period the statement covers (`report --du/--au`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<PeriodLine>,
    /// The statement's date, which the key dates are placed against: set
    /// by the renderer (`report::statement::settle`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// The convention's calendar ([`View::key_dates`]).
    pub key_dates: Vec<KeyDateLine>,
    /// Receipts collected per year (`délégation … recettes`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub receipts: Vec<super::ledger::ReceiptYear>,
    /// What the charts draw: the whole convention, then each envelope.
    #[serde(skip)]
    pub series: Vec<Series>,
    /// The articles of the signed text its sections come from.
    pub citations: SectionCitations,
}

/// The articles of the signed text a statement's sections come from (the
/// citation of the first clause of each kind), where the rule file cites
/// them.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SectionCitations {
    pub term: Option<crate::diag::Citation>,
    pub ceilings: Option<crate::diag::Citation>,
    pub schedule: Option<crate::diag::Citation>,
    pub markets: Option<crate::diag::Citation>,
}

impl SectionCitations {
    fn of(c: &crate::language::model::Convention) -> SectionCitations {
        let at = |span: Option<crate::span::Span>| span.and_then(|s| c.citation_at(s)).cloned();
        SectionCitations {
            term: at(c.term.as_ref().map(|t| t.span)),
            ceilings: at(c.ceilings.first().map(|x| x.span)),
            schedule: at(c.schedule.first().map(|x| x.span)),
            markets: at(c.markets.first().map(|x| x.span)),
        }
    }
}

fn date(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

impl Statement {
    /// Renewals without limit, placed against the statement's date `on`:
    /// the key dates get those up to it, then the next renewal and the
    /// last day a notice stops it.
    pub fn place_renewals(&mut self, on: NaiveDate) {
        let Some((renewal, from)) = &self.term.open_renewal else {
            return;
        };
        let steps = crate::language::view::renewal_steps(renewal, *from);
        for step in steps.take(crate::language::view::MAX_RENEWALS) {
            let line = |date, kind| KeyDateLine {
                date,
                kind,
                number: Some(step.number),
                what: String::new(),
                status: None,
                cause: None,
            };
            if let Some(deadline) = step.deadline {
                self.key_dates
                    .push(line(deadline, KeyKind::RenewalDeadline));
            }
            self.key_dates.push(line(step.from, KeyKind::Renewal));
            if step.deadline.unwrap_or(step.from) >= on {
                break;
            }
        }
        self.key_dates.sort_by_key(|k| k.date);
    }

    /// `suppliers` gives each commitment's supplier, by global EJ id.
    pub fn build(
        name: &str,
        view: &View<'_>,
        ledger: &Ledger<'_>,
        suppliers: &[Option<String>],
        consumption: Vec<Consumption>,
        schedule: Vec<YearConsumption>,
    ) -> Statement {
        let track = &ledger.track;
        // Every month from the convention's effect (or the first movement,
        // if earlier) to the last movement, those without movements too:
        // the timeline is continuous.
        let (mut cum_ae, mut cum_cp) = (0i128, 0i128);
        let mut months = Vec::with_capacity(track.months.len());
        let first = track.months.first().map(|(k, _)| *k);
        let effect = view.start.map(|(d, _)| (d.year(), d.month()));
        let mut next = [first, effect].into_iter().flatten().min();
        let mut line = |(year, month): (i32, u32), [ae, cp]: [i128; 2]| {
            cum_ae += ae;
            cum_cp += cp;
            MonthLine {
                year,
                month,
                ae: Amount(ae),
                cp: Amount(cp),
                cumulative_ae: Amount(cum_ae),
                cumulative_cp: Amount(cum_cp),
            }
        };
        for (key, sums) in &track.months {
            while let Some(gap) = next.filter(|n| n < key) {
                months.push(line(gap, [0, 0]));
                next = Some(following(gap));
            }
            months.push(line(*key, *sums));
            next = Some(following(*key));
        }
        let commitments: Vec<(String, i128, i128, Option<String>)> = ledger
            .commitments()
            .into_iter()
            .enumerate()
            .map(|(i, (ej, ae, cp))| (ej, ae, cp, suppliers.get(i).cloned().flatten()))
            .collect();
        let holder_name = |supplier: &str| {
            view.all_markets()
                .map(|m| m.market)
                .find(|m| m.chorus.as_ref().is_some_and(|n| n.value == supplier))
                .and_then(|m| m.holder.as_ref().map(|h| h.value.clone()))
        };
        let mut holders: Vec<(String, usize, i128, i128)> = Vec::new();
        for (_, ae, cp, supplier) in &commitments {
            let key = supplier.clone().unwrap_or_default();
            match holders.iter_mut().find(|h| h.0 == key) {
                Some(h) => {
                    h.1 += 1;
                    h.2 += ae;
                    h.3 += cp;
                }
                None => holders.push((key, 1, *ae, *cp)),
            }
        }
        holders.sort_by(|a, b| a.0.cmp(&b.0));
        let end = view.end;
        let start = view.start.map(|(d, _)| d);
        let to_dates = |days: &[(i32, i128, i128)]| -> Vec<(NaiveDate, i128, i128)> {
            days.iter()
                .filter_map(|(d, ae, cp)| Some((date(*d)?, *ae, *cp)))
                .collect()
        };
        let to_steps = |steps: Vec<(Option<i32>, Budget, i128)>| {
            steps
                .into_iter()
                .map(|(from, b, cents)| (from.and_then(date), b, cents))
                .collect()
        };
        let no_days = Vec::new();
        let series = std::iter::once(None)
            .chain(view.envelopes.iter().map(|e| Some(e.value.clone())))
            .enumerate()
            .map(|(i, envelope)| {
                let days = match i {
                    0 => &track.days,
                    _ => track.envelope_days.get(i - 1).unwrap_or(&no_days),
                };
                let steps = ledger.ceiling_steps(i);
                Series {
                    forecast: forecast_steps(&schedule, envelope.as_deref()),
                    envelope,
                    start,
                    end: end.map(|e| e.date),
                    days: to_dates(days),
                    ceilings: to_steps(steps.overall),
                    yearly: to_steps(steps.yearly),
                    from: None,
                    marks: track
                        .crossings
                        .iter()
                        .filter(|c| c.scope == i)
                        .filter_map(|c| {
                            Some(Mark {
                                date: date(c.day)?,
                                budget: c.budget,
                                kind: c.kind,
                                limit: c.limit.clone(),
                            })
                        })
                        .collect(),
                }
            })
            .collect();
        Statement {
            citations: SectionCitations::of(view.convention),
            convention: name.to_owned(),
            title: view.convention.title.value.clone(),
            frame: view.convention.frame.as_ref().map(|f| f.value.clone()),
            parties: PartyLine::of(view.convention),
            term: TermLine {
                start,
                end: end.map(|e| e.date),
                ended_by: None,
                cause: end.map(|e| e.cause.message()),
                terminated: end.is_some_and(|e| e.terminated()),
                days_left: None,
                by_term: end.is_some_and(|e| e.cause == EndCause::Term),
                open: view.open_end().map(|o| match o {
                    OpenEnd::Indefinite => "indefinite",
                    OpenEnd::Renewals(..) => "renewals",
                }),
                open_renewal: match view.open_end() {
                    Some(OpenEnd::Renewals(r, from)) => Some((r.clone(), from)),
                    _ => None,
                },
            },
            consumption,
            schedule,
            months,
            holders: holders
                .into_iter()
                .map(|(supplier, n, ae, cp)| HolderLine {
                    holder: holder_name(&supplier),
                    supplier,
                    commitments: n,
                    committed: Amount(ae),
                    paid: Amount(cp),
                    remaining: Amount(ae - cp),
                })
                .collect(),
            commitments: commitments
                .into_iter()
                .map(|(ej, ae, cp, supplier)| CommitmentLine {
                    ej,
                    supplier,
                    committed: Amount(ae),
                    paid: Amount(cp),
                    remaining: Amount(ae - cp),
                })
                .collect(),
            findings: crate::diag::Counts::default(),
            period: None,
            as_of: None,
            receipts: Vec::new(),
            key_dates: view
                .key_dates()
                .into_iter()
                .map(|k| KeyDateLine {
                    date: k.date,
                    kind: k.kind,
                    number: k.number,
                    what: String::new(),
                    status: None,
                    cause: (k.kind == crate::language::view::KeyKind::End)
                        .then(|| view.end.map(|e| e.cause.message()))
                        .flatten(),
                })
                .collect(),
            crossings: track
                .crossings
                .iter()
                .map(|c| Crossing {
                    limit_text: String::new(),
                    limit: c.limit.clone(),
                    date: date(c.day),
                })
                .collect(),
            series,
        }
    }
}

impl Statement {
    /// Restricts the statement to a period: its months and charts start at
    /// `from` (the cumulative columns still count what came before), and it
    /// states the rows left out after `until`.
    pub fn restrict(&mut self, period: crate::eval::Period, rows_after: u64) {
        if let Some(from) = period.from {
            let first = (from.year(), from.month());
            self.months.retain(|m| (m.year, m.month) >= first);
            for s in &mut self.series {
                s.from = Some(from);
            }
        }
        if let Some(until) = period.until {
            // The months run on to the period's last, movements or not.
            let last = (until.year(), until.month());
            while let Some(m) = self.months.last().filter(|m| (m.year, m.month) < last) {
                let (year, month) = following((m.year, m.month));
                let line = MonthLine {
                    year,
                    month,
                    ae: Amount(0),
                    cp: Amount(0),
                    cumulative_ae: m.cumulative_ae,
                    cumulative_cp: m.cumulative_cp,
                };
                self.months.push(line);
            }
            for s in &mut self.series {
                s.end = Some(s.end.map_or(until, |e| e.min(until)));
            }
        }
        self.period = Some(PeriodLine {
            from: period.from,
            until: period.until,
            rows_after,
        });
    }
}

/// The cumulative forecast at each year's end, per budget, of one scope
/// (`envelope`: `None` for the whole convention). The whole convention
/// without a schedule of its own adds up its envelopes' (each year once).
fn forecast_steps(
    schedule: &[YearConsumption],
    envelope: Option<&str>,
) -> Vec<(NaiveDate, Budget, i128)> {
    let mut forecast = Vec::new();
    let whole = schedule.iter().any(|y| y.envelope.is_none());
    let mine = |y: &YearConsumption| match envelope {
        Some(name) => y.envelope.as_deref() == Some(name),
        None => y.envelope.is_none() == whole,
    };
    for budget in Budget::BOTH {
        let mut lines: Vec<_> = schedule
            .iter()
            .filter(|y| y.budget == budget && mine(y))
            .collect();
        lines.sort_by_key(|y| y.year);
        let mut cumulative = 0i128;
        for (k, y) in lines.iter().enumerate() {
            cumulative += y.forecast.map_or(0, Amount::cents);
            let last_of_year = lines.get(k + 1).is_none_or(|next| next.year != y.year);
            if let (true, Some(end)) = (last_of_year, NaiveDate::from_ymd_opt(y.year, 12, 31)) {
                forecast.push((end, budget, cumulative));
            }
        }
    }
    forecast
}

/// The month after `(year, month)`.
fn following((year, month): (i32, u32)) -> (i32, u32) {
    if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}
