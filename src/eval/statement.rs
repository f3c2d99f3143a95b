//! The consumption statement of a convention (`clausier report`): AE and CP
//! per year and month against the schedule and ceilings in force, per
//! holder, per commitment, the dates limits were first crossed, and the
//! series the chart draws. Built from the ledger once the replay is over.

use chrono::NaiveDate;
use serde::Serialize;

use super::ledger::{Consumption, Ledger, YearConsumption};
use crate::eval::view::{EndCause, View};
use crate::language::model::Budget;
use crate::money::plain;

#[derive(Clone, Debug, Serialize)]
pub struct MonthLine {
    pub year: i32,
    pub month: u32,
    pub ae: String,
    pub cp: String,
    pub cumulative_ae: String,
    pub cumulative_cp: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct HolderLine {
    /// The supplier's CHORUS number, and its holder's name when the
    /// convention lists it.
    pub supplier: String,
    pub holder: Option<String>,
    pub commitments: usize,
    pub committed: String,
    pub paid: String,
    pub remaining: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct CommitmentLine {
    pub ej: String,
    pub supplier: Option<String>,
    pub committed: String,
    pub paid: String,
    pub remaining: String,
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
    pub kind: crate::eval::view::KeyKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The date in words, in the run's language: filled by the renderer
    /// from `kind` (`report::statement::json`).
    pub what: String,
    /// `past`, `soon` (within 90 days of the statement's date) or `later`:
    /// filled by the renderer, which knows the statement's date.
    pub status: &'static str,
    /// What the end in force was fixed by (for `end`).
    #[serde(skip)]
    pub cause: Option<crate::i18n::Message>,
}

impl KeyDateLine {
    /// The date in words.
    pub fn message(&self) -> crate::i18n::Message {
        use crate::eval::view::KeyKind;
        use crate::i18n::Message;
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
    pub fn status_on(&self, on: NaiveDate) -> &'static str {
        if self.date < on {
            "past"
        } else if self.date <= on + chrono::Days::new(90) {
            "soon"
        } else {
            "later"
        }
    }
}

/// What the chart draws, in cents and days; not serialized.
#[derive(Clone, Debug, Default)]
pub struct Series {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// (date, cumulative AE, cumulative CP).
    pub days: Vec<(NaiveDate, i128, i128)>,
    /// (in force from, budget, ceiling).
    pub ceilings: Vec<(Option<NaiveDate>, Budget, i128)>,
    /// (end of year, budget, cumulative forecast).
    pub forecast: Vec<(NaiveDate, Budget, i128)>,
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
    /// The end is the term's own (no amendment, renewal or notice moved it).
    #[serde(skip)]
    pub by_term: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Statement {
    pub convention: String,
    pub title: String,
    pub term: TermLine,
    pub consumption: Vec<Consumption>,
    pub schedule: Vec<YearConsumption>,
    pub months: Vec<MonthLine>,
    pub holders: Vec<HolderLine>,
    pub commitments: Vec<CommitmentLine>,
    pub crossings: Vec<Crossing>,
    /// The convention's calendar ([`View::key_dates`]).
    pub key_dates: Vec<KeyDateLine>,
    #[serde(skip)]
    pub series: Series,
}

fn date(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

impl Statement {
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
        let (mut cum_ae, mut cum_cp) = (0i128, 0i128);
        let months = track
            .months
            .iter()
            .map(|((year, month), [ae, cp])| {
                cum_ae += ae;
                cum_cp += cp;
                MonthLine {
                    year: *year,
                    month: *month,
                    ae: plain(*ae),
                    cp: plain(*cp),
                    cumulative_ae: plain(cum_ae),
                    cumulative_cp: plain(cum_cp),
                }
            })
            .collect();
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
        let mut forecast = Vec::new();
        // The convention's own schedule; without one, its envelopes' added
        // up (each year once).
        let whole = schedule.iter().any(|y| y.envelope.is_none());
        for budget in Budget::BOTH {
            let mut lines: Vec<_> = schedule
                .iter()
                .filter(|y| y.budget == budget && y.envelope.is_none() == whole)
                .collect();
            lines.sort_by_key(|y| y.year);
            let mut cumulative = 0i128;
            for (k, y) in lines.iter().enumerate() {
                cumulative += y.forecast.as_deref().and_then(cents_of).unwrap_or(0);
                let last_of_year = lines.get(k + 1).is_none_or(|next| next.year != y.year);
                if let (true, Some(end)) = (last_of_year, NaiveDate::from_ymd_opt(y.year, 12, 31)) {
                    forecast.push((end, budget, cumulative));
                }
            }
        }
        let end = view.end;
        let start = view.start.map(|(d, _)| d);
        Statement {
            convention: name.to_owned(),
            title: view.convention.title.value.clone(),
            term: TermLine {
                start,
                end: end.map(|e| e.date),
                ended_by: None,
                cause: end.map(|e| e.cause.message()),
                terminated: end.is_some_and(|e| e.terminated()),
                by_term: end.is_some_and(|e| e.cause == EndCause::Term),
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
                    committed: plain(ae),
                    paid: plain(cp),
                    remaining: plain(ae - cp),
                })
                .collect(),
            commitments: commitments
                .into_iter()
                .map(|(ej, ae, cp, supplier)| CommitmentLine {
                    ej,
                    supplier,
                    committed: plain(ae),
                    paid: plain(cp),
                    remaining: plain(ae - cp),
                })
                .collect(),
            key_dates: view
                .key_dates()
                .into_iter()
                .map(|k| KeyDateLine {
                    date: k.date,
                    kind: k.kind,
                    number: k.number,
                    what: String::new(),
                    status: "",
                    cause: (k.kind == crate::eval::view::KeyKind::End)
                        .then(|| view.end.map(|e| e.cause.message()))
                        .flatten(),
                })
                .collect(),
            crossings: track
                .crossings
                .iter()
                .map(|(limit, day)| Crossing {
                    limit_text: String::new(),
                    limit: limit.clone(),
                    date: date(*day),
                })
                .collect(),
            series: Series {
                start,
                end: end.map(|e| e.date),
                days: track
                    .days
                    .iter()
                    .filter_map(|(d, ae, cp)| Some((date(*d)?, *ae, *cp)))
                    .collect(),
                ceilings: ledger
                    .ceiling_steps()
                    .into_iter()
                    .map(|(from, b, cents)| (from.and_then(date), b, cents))
                    .collect(),
                forecast,
            },
        }
    }
}

/// Cents of a plain decimal amount (`400000.00`), as the summary writes them.
fn cents_of(plain: &str) -> Option<i128> {
    let d: rust_decimal::Decimal = plain.parse().ok()?;
    crate::money::to_cents(d)
}
