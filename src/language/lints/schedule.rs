//! Lints of the forecast schedule: its sums against the ceilings, its years
//! against the term, CP ahead of AE, and an amendment's schedule.

use crate::i18n::Message;
use chrono::Datelike;

use crate::diag::{Code, Diagnostic};
use crate::language::model::{Budget, Ceiling, Convention, ScheduleLine};
use crate::language::view::View;
use crate::money::to_cents;

/// The convention's ceilings and schedule, then each envelope's (with its
/// name), as first stated.
pub(super) fn schedules(c: &Convention) -> Vec<(Option<&str>, &[Ceiling], &[ScheduleLine])> {
    std::iter::once((None, c.ceilings.as_slice(), c.schedule.as_slice()))
        .chain(c.envelopes.iter().map(|e| {
            (
                Some(e.name.value.as_str()),
                e.ceilings.as_slice(),
                e.schedule.as_slice(),
            )
        }))
        .collect()
}

/// `envelope "…": ` before a message about an envelope's schedule.
pub(super) fn of(envelope: Option<&str>) -> Message {
    envelope.map_or(Message::plain(""), |n| {
        Message::new("of-envelope").arg("name", n)
    })
}

pub(super) fn schedule_sum(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    if c.schedule_broken {
        return;
    }
    for (envelope, ceilings, schedule) in schedules(c) {
        for ceiling in ceilings
            .iter()
            .filter(|c| !c.per_year && view.signed.delegates(c.budget))
        {
            let lines: Vec<_> = schedule
                .iter()
                .filter(|s| s.budget == ceiling.budget)
                .collect();
            if lines.is_empty() {
                continue;
            }
            let sum: i128 = lines.iter().filter_map(|s| to_cents(s.amount)).sum();
            let Some(limit) = to_cents(ceiling.amount) else {
                continue;
            };
            if sum != limit {
                let mut d = Diagnostic::new(
                    Code::ScheduleSumMismatch,
                    Message::new("schedule-sum")
                        .arg("of", of(envelope))
                        .arg("budget", ceiling.budget.to_string())
                        .amount("sum", sum)
                        .amount("limit", limit),
                )
                .at_clause(
                    c.source,
                    ceiling.span,
                    Message::new("ceiling-of-label").amount("limit", limit),
                )
                .help(Message::new("schedule-sum-help"))
                .amount_figure("sum", crate::money::Amount(sum))
                .amount_figure("ceiling", crate::money::Amount(limit));
                for line in lines {
                    d = d.related(
                        c.source,
                        line.span,
                        Message::plain(format!("{} {}", line.year, line.budget)),
                    );
                }
                out.push(d);
            }
        }
    }
}

pub(super) fn schedule_outside_term(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    let (Some(term), Some(start)) = (&c.term, c.effective_start()) else {
        return;
    };
    // The end once renewals, amendments and a notice are counted.
    // No end (`indéterminée`, renewals without limit): no year is after it.
    let end = view
        .end
        .map(|e| e.date)
        .or(term.end.as_ref().map(|e| e.value))
        .unwrap_or(chrono::NaiveDate::MAX);
    let lines = schedules(c).into_iter().flat_map(|(_, _, lines)| lines);
    for line in lines {
        if line.year < start.year() || line.year > end.year() {
            out.push(
                Diagnostic::new(
                    Code::ScheduleOutsideTerm,
                    Message::new("schedule-outside-term")
                        .arg("year", line.year.to_string())
                        .arg("start", start)
                        .arg("end", end),
                )
                .at_clause(c.source, line.span, Message::new("outside-term-label"))
                .related(c.source, term.span, Message::new("the-term-label"))
                .help(Message::new("schedule-outside-term-help")),
            );
        }
    }
}

pub(super) fn schedule_cp_ahead(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    // Without delegated AE, nothing expects forecast AE.
    if c.schedule_broken || !view.signed.delegates(Budget::AE) {
        return;
    }
    for (envelope, _, schedule) in schedules(c) {
        cp_ahead(c, envelope, schedule, out);
    }
}

pub(super) fn cp_ahead(
    c: &Convention,
    envelope: Option<&str>,
    schedule: &[ScheduleLine],
    out: &mut Vec<Diagnostic>,
) {
    let mut years: Vec<i32> = schedule.iter().map(|s| s.year).collect();
    years.sort_unstable();
    years.dedup();
    let (mut ae, mut cp) = (0i128, 0i128);
    for year in years {
        for line in schedule.iter().filter(|s| s.year == year) {
            let cents = to_cents(line.amount).unwrap_or(0);
            match line.budget {
                Budget::AE => ae += cents,
                Budget::CP => cp += cents,
            }
        }
        if cp > ae {
            let span = schedule
                .iter()
                .filter(|s| s.year == year)
                .map(|s| s.span)
                .reduce(crate::span::Span::cover)
                .unwrap_or_default();
            out.push(
                Diagnostic::new(
                    Code::ScheduleCpAhead,
                    Message::new("schedule-cp-ahead")
                        .arg("of", of(envelope))
                        .arg("year", year.to_string())
                        .amount("cp", cp)
                        .amount("ae", ae),
                )
                .at_clause(c.source, span, Message::new("cp-ahead-label"))
                .help(Message::new("schedule-cp-ahead-help")),
            );
            return;
        }
    }
}

/// After each amendment that states ceilings or schedule lines, the
/// schedule in force must add up to the ceilings in force.
pub(super) fn amended_schedule_sum(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    if c.schedule_broken {
        return;
    }
    let mut ceilings: Vec<_> = c
        .ceilings
        .iter()
        .filter(|c| !c.per_year && view.signed.delegates(c.budget))
        .cloned()
        .collect();
    let mut schedule = c.schedule.clone();
    for a in &c.amendments {
        if a.ceilings.is_empty() && a.schedule.is_empty() {
            continue;
        }
        for new in a.ceilings.iter().filter(|c| !c.per_year) {
            ceilings.retain(|old| old.budget != new.budget);
            ceilings.push(new.clone());
        }
        for new in &a.schedule {
            schedule.retain(|old| (old.year, old.budget) != (new.year, new.budget));
            schedule.push(new.clone());
        }
        for ceiling in &ceilings {
            let sum: i128 = schedule
                .iter()
                .filter(|s| s.budget == ceiling.budget)
                .filter_map(|s| to_cents(s.amount))
                .sum();
            let Some(limit) = to_cents(ceiling.amount) else {
                continue;
            };
            if schedule.iter().any(|s| s.budget == ceiling.budget) && sum != limit {
                out.push(
                    Diagnostic::new(
                        Code::ScheduleSumMismatch,
                        Message::new("amended-schedule-sum")
                            .arg("number", a.number.value.to_string())
                            .arg("budget", ceiling.budget.to_string())
                            .amount("sum", sum)
                            .amount("limit", limit),
                    )
                    .at_clause(
                        c.source,
                        a.number.span,
                        Message::new("end-by-amendment").arg("number", a.number.value.to_string()),
                    )
                    .related(
                        c.source,
                        ceiling.span,
                        Message::new("ceiling-in-force-label"),
                    )
                    .help(Message::new("amended-schedule-sum-help")),
                );
            }
        }
    }
}
