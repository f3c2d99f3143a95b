//! The overview of a portfolio (`clausier report rules/ exports…`): one line
//! per convention, ahead of each convention's statement. Built from the
//! statements alone, so every format states the same figures.

use chrono::NaiveDate;
use serde::Serialize;

use super::table::{Cell, Table, eur};
use crate::diag::Counts;
use crate::eval::statement::Statement;
use crate::i18n::{Lang, Message};
use crate::language::model::Budget;
use crate::money::Amount;

/// One budget of a convention as a whole: consumed against its ceiling in
/// force (none when only its envelopes have one).
#[derive(Clone, Debug, Serialize)]
pub struct BudgetFigures {
    pub consumed: Amount,
    pub ceiling: Option<Amount>,
    pub remaining: Option<Amount>,
}

/// The next date of a convention's calendar after the statement's date.
#[derive(Clone, Debug, Serialize)]
pub struct NextDate {
    pub date: NaiveDate,
    pub kind: crate::language::view::KeyKind,
    pub what: String,
}

/// A party's share in the overview: its side, its acronym or name, and
/// what it consumed.
#[derive(Clone, Debug, Serialize)]
pub struct PartyFigures {
    pub role: &'static str,
    pub party: String,
    #[serde(rename = "AE", skip_serializing_if = "Option::is_none")]
    pub ae: Option<Amount>,
    #[serde(rename = "CP", skip_serializing_if = "Option::is_none")]
    pub cp: Option<Amount>,
}

/// One convention in the overview.
#[derive(Clone, Debug, Serialize)]
pub struct OverviewLine {
    pub convention: String,
    pub title: String,
    #[serde(rename = "AE")]
    pub ae: Option<BudgetFigures>,
    #[serde(rename = "CP")]
    pub cp: Option<BudgetFigures>,
    /// Of every ceiling in force (the convention's, its envelopes', each
    /// year's), how many are passed, and how many there are.
    pub ceilings_exceeded: usize,
    pub ceilings: usize,
    /// Each party stating codes, with its consumption (`délégant DAJ`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<PartyFigures>,
    pub findings: Counts,
    pub end: Option<NaiveDate>,
    pub terminated: bool,
    pub next: Option<NextDate>,
}

/// Whether a remaining amount is below zero.
fn negative(remaining: &Option<Amount>) -> bool {
    remaining.is_some_and(|r| r.cents() < 0)
}

/// The overview of settled statements (`statement::settle`: the key dates
/// are in words and the statement's date is set).
pub fn overview(statements: &[Statement]) -> Vec<OverviewLine> {
    statements
        .iter()
        .map(|st| {
            let whole = |budget: Budget| {
                st.consumption
                    .iter()
                    .find(|c| c.budget == budget && c.envelope.is_none() && c.year.is_none())
                    .map(|c| BudgetFigures {
                        consumed: c.consumed,
                        ceiling: c.ceiling,
                        remaining: c.remaining,
                    })
            };
            let with_ceiling: Vec<_> = st
                .consumption
                .iter()
                .filter(|c| c.ceiling.is_some())
                .collect();
            let next = st.as_of.and_then(|on| {
                st.key_dates
                    .iter()
                    .find(|k| k.date >= on)
                    .map(|k| NextDate {
                        date: k.date,
                        kind: k.kind,
                        what: k.what.clone(),
                    })
            });
            let mut parties: Vec<PartyFigures> = Vec::new();
            for c in &st.consumption {
                let (Some(role), Some(party)) = (c.role, &c.party) else {
                    continue;
                };
                // A party's AE and CP lines follow each other.
                if !parties
                    .last()
                    .is_some_and(|p| p.role == role && p.party == *party)
                {
                    parties.push(PartyFigures {
                        role,
                        party: party.clone(),
                        ae: None,
                        cp: None,
                    });
                }
                if let Some(line) = parties.last_mut() {
                    match c.budget {
                        Budget::AE => line.ae = Some(c.consumed),
                        Budget::CP => line.cp = Some(c.consumed),
                    }
                }
            }
            OverviewLine {
                parties,
                convention: st.convention.clone(),
                title: st.title.clone(),
                ae: whole(Budget::AE),
                cp: whole(Budget::CP),
                ceilings_exceeded: with_ceiling
                    .iter()
                    .filter(|c| negative(&c.remaining))
                    .count(),
                ceilings: with_ceiling.len(),
                findings: st.findings,
                end: st.term.end,
                terminated: st.term.terminated,
                next,
            }
        })
        .collect()
}

/// What stands for the overall ceiling a convention does not state: it
/// states none at all, or only others (an envelope's, a year's).
fn no_ceiling(l: &OverviewLine) -> &'static str {
    if l.ceilings == 0 {
        "report-no-ceiling"
    } else {
        "overview-no-overall-ceiling"
    }
}

/// The HTML anchor of the `i`-th statement.
pub fn anchor(i: usize) -> String {
    format!("convention-{}", i + 1)
}

/// The overview as a table, for HTML and XLSX.
pub fn table(lines: &[OverviewLine], lang: Lang) -> Table {
    let t = |id: &'static str| lang.tr(&Message::new(id)).into_owned();
    let amount = |b: &Option<BudgetFigures>, ceiling: bool, l: &OverviewLine| match b {
        Some(BudgetFigures { ceiling: None, .. }) if ceiling => Cell::Text(t(no_ceiling(l))),
        _ => Cell::Amount(
            b.as_ref()
                .and_then(|b| if ceiling { b.ceiling } else { Some(b.consumed) }),
        ),
    };
    let headers = [
        "report-col-convention",
        "overview-col-ae",
        "overview-col-ae-ceiling",
        "overview-col-cp",
        "overview-col-cp-ceiling",
        "overview-col-exceeded",
        "overview-col-errors",
        "overview-col-warnings",
        "overview-col-waived",
        "overview-col-end",
        "overview-col-next",
        "overview-col-next-what",
    ];
    Table {
        id: "overview-heading",
        heading: t("overview-heading"),
        cite: None,
        headers: headers.iter().map(|id| t(id)).collect(),
        rows: lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                vec![
                    Cell::Link(l.title.clone(), anchor(i)),
                    amount(&l.ae, false, l),
                    amount(&l.ae, true, l),
                    amount(&l.cp, false, l),
                    amount(&l.cp, true, l),
                    Cell::Text(format!("{} / {}", l.ceilings_exceeded, l.ceilings)),
                    Cell::Count(l.findings.errors as usize),
                    Cell::Count(l.findings.warnings as usize),
                    Cell::Count(l.findings.waived as usize),
                    Cell::Date(l.end),
                    Cell::Date(l.next.as_ref().map(|n| n.date)),
                    Cell::Text(l.next.as_ref().map_or_else(String::new, |n| n.what.clone())),
                ]
            })
            .collect(),
        // Amounts consumed and ceilings: a negative one is a correction.
        alarms: &[],
    }
}

/// The overview in words, one paragraph per convention, for the terminal.
pub fn human(lines: &[OverviewLine], lang: Lang) -> String {
    let mut out = lang
        .tr(&Message::new("overview-title").count("count", lines.len()))
        .into_owned();
    out.push('\n');
    for l in lines {
        let budget = |name: &str, b: &Option<BudgetFigures>| {
            b.as_ref().map(|b| {
                let consumed = eur(b.consumed, lang);
                match &b.ceiling {
                    Some(c) => lang
                        .tr(&crate::msg!(
                            "overview-budget-of",
                            budget = name,
                            consumed = consumed,
                            ceiling = eur(*c, lang)
                        ))
                        .into_owned(),
                    None => lang
                        .tr(&crate::msg!(
                            "overview-budget",
                            budget = name,
                            consumed = consumed,
                            ceiling = Message::new(no_ceiling(l))
                        ))
                        .into_owned(),
                }
            })
        };
        let figures: Vec<String> = [budget("AE", &l.ae), budget("CP", &l.cp)]
            .into_iter()
            .flatten()
            .collect();
        // No end in force: a term of no end, or renewed without limit.
        let date = |d: Option<NaiveDate>| {
            let end = match d {
                Some(d) => Message::new("overview-ends").arg("date", lang.date(d)),
                None => Message::new("overview-no-end"),
            };
            lang.tr(&end).into_owned()
        };
        let line = crate::msg!(
            "overview-line",
            title = l.title.as_str(),
            convention = l.convention.as_str(),
            figures = figures.join(", "),
            end = date(l.end)
        )
        .count("exceeded", l.ceilings_exceeded)
        .count("ceilings", l.ceilings)
        .count("errors", l.findings.errors)
        .count("warnings", l.findings.warnings)
        .count("waived", l.findings.waived);
        out.push_str("  ");
        out.push_str(&lang.tr(&line));
        out.push('\n');
        for p in &l.parties {
            let figures: Vec<String> = [("AE", p.ae), ("CP", p.cp)]
                .into_iter()
                .filter_map(|(b, a)| a.map(|a| format!("{b} {}", eur(a, lang))))
                .collect();
            let line = crate::msg!(
                "overview-party",
                role = p.role,
                party = p.party.as_str(),
                figures = figures.join(", ")
            );
            out.push_str("    ");
            out.push_str(&lang.tr(&line));
            out.push('\n');
        }
        if let Some(n) = &l.next {
            let line = crate::msg!(
                "overview-next",
                date = lang.date(n.date),
                what = n.what.as_str()
            );
            out.push_str("    ");
            out.push_str(&lang.tr(&line));
            out.push('\n');
        }
    }
    out
}
