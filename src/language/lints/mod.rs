//! Lints over the convention model: what a convention states that cannot be
//! right, or is suspicious. Each lint is an independent function of the
//! model; all of them run and all their findings are reported.

use crate::i18n::Message;
use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::language::model::Convention;
use crate::language::view::View;

mod codes;
pub mod frame;
mod schedule;

pub use codes::{CODE_FORMATS, Format};
use codes::{
    code_formats, envelopes, imputation_prefix, market_duplicates, parties, removed_markets,
    uo_and_bop,
};
use schedule::{amended_schedule_sum, schedule_cp_ahead, schedule_outside_term, schedule_sum};

type Lint = fn(&View<'_>, &mut Vec<Diagnostic>);

/// Every lint, in the order they run.
const LINTS: &[Lint] = &[
    term_inverted,
    term_indefinite,
    schedule_sum,
    schedule_outside_term,
    schedule_cp_ahead,
    notice_too_long,
    notice_missing,
    imputation_prefix,
    uo_and_bop,
    parties,
    envelopes,
    code_formats,
    market_duplicates,
    amendment_order,
    amendment_outside_term,
    amended_schedule_sum,
    removed_markets,
];

/// Runs every lint over a convention's compiled view; `today` dates
/// expired waivers.
pub fn check(view: &View<'_>, today: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for lint in LINTS {
        lint(view, &mut out);
    }
    waivers_expired(view.convention, today, &mut out);
    for d in &mut out {
        view.convention.cite(d);
    }
    out
}

/// Today's date, from the system clock (UTC).
pub fn today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or(NaiveDate::MIN)
}

fn amendment_order(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    for pair in c.amendments.windows(2) {
        let [a, b] = pair else { continue };
        if b.number.value <= a.number.value || b.effect.value < a.effect.value {
            out.push(
                Diagnostic::new(
                    Code::AmendmentOrder,
                    Message::new("amendment-order")
                        .arg("number", b.number.value.to_string())
                        .arg("effect", b.effect.value)
                        .arg("previous", a.number.value.to_string())
                        .arg("previous_effect", a.effect.value),
                )
                .at_clause(
                    c.source,
                    b.number.span,
                    Message::new("amendment-order-label"),
                )
                .related(
                    c.source,
                    a.number.span,
                    Message::new("amendment-before-label"),
                )
                .help(Message::new("amendment-order-help")),
            );
        }
    }
}

fn amendment_outside_term(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    let (Some(term), Some(start)) = (&c.term, c.effective_start()) else {
        return;
    };
    for a in &c.amendments {
        // The end once renewals (and a notice) are counted: an amendment
        // extending the term takes effect before the end it moves.
        let end = view
            .end
            .map(|e| e.date)
            .or(term.end.as_ref().map(|e| e.value))
            .unwrap_or(NaiveDate::MAX);
        if a.effect.value < start || a.effect.value > end {
            out.push(
                Diagnostic::new(
                    Code::AmendmentOutsideTerm,
                    Message::new("amendment-outside-term")
                        .arg("number", a.number.value.to_string())
                        .arg("effect", a.effect.value)
                        .arg("start", start)
                        .arg("end", end),
                )
                .at_clause(c.source, a.effect.span, Message::new("outside-term-label"))
                .related(c.source, term.span, Message::new("the-term-label"))
                .help(Message::new("amendment-outside-term-help")),
            );
        }
    }
}

fn waivers_expired(c: &Convention, today: NaiveDate, out: &mut Vec<Diagnostic>) {
    for w in &c.waivers {
        if let Some(until) = w.until.as_ref().filter(|u| u.value < today) {
            out.push(
                Diagnostic::new(
                    Code::WaiverExpired,
                    Message::new("waiver-expired")
                        .arg("code", w.code.value.as_str())
                        .arg("until", until.value),
                )
                .at_clause(c.source, until.span, Message::new("waiver-expired-label"))
                .help(Message::new("waiver-expired-help")),
            );
        }
    }
}

fn term_inverted(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    let (Some(term), Some(start)) = (&c.term, c.effective_start()) else {
        return;
    };
    let Some(end) = &term.end else {
        return;
    };
    if end.value < start {
        out.push(
            Diagnostic::new(
                Code::TermInverted,
                Message::new("term-inverted")
                    .arg("end", end.value)
                    .arg("start", start),
            )
            .at_clause(c.source, end.span, Message::new("term-inverted-label"))
            .related(
                c.source,
                term.start.span,
                Message::new("term-takes-effect-label").arg("start", start),
            )
            .help(Message::new("term-inverted-help")),
        );
    }
}

/// A term of no end (`indéterminée`): the decree asks for a limited one.
fn term_indefinite(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    let Some(at) = c.term.as_ref().and_then(|t| t.indefinite) else {
        return;
    };
    // Without a `préavis`, nothing says how the convention can end.
    let help = if c.notice.is_none() {
        "term-indefinite-no-notice-help"
    } else {
        "term-indefinite-help"
    };
    out.push(
        Diagnostic::new(Code::TermIndefinite, Message::new("term-indefinite"))
            .at_clause(c.source, at, Message::new("term-indefinite-label"))
            .help(Message::new(help)),
    );
}

/// A notice of termination without a notice period takes effect on the
/// day it is given: say so.
fn notice_missing(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    let (Some(t), None) = (view.notice_of_termination(), &c.notice) else {
        return;
    };
    out.push(
        Diagnostic::new(
            Code::NoticeMissing,
            Message::new("notice-missing").arg("date", t.date.value),
        )
        .at_clause(c.source, t.span, Message::new("notice-missing-label"))
        .help(Message::new("notice-missing-help")),
    );
}

fn notice_too_long(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    let (Some(notice), Some(term), Some(start)) = (&c.notice, &c.term, c.effective_start()) else {
        return;
    };
    let Some(end) = &term.end else {
        return;
    };
    let term_days = (end.value - start).num_days();
    // The notice's length counted from the start: art. 641 for months.
    let notice_days = notice
        .duration
        .after(start)
        .map_or(i64::MAX, |end| (end - start).num_days());
    if term_days >= 0 && notice_days > term_days {
        out.push(
            Diagnostic::new(
                Code::NoticeTooLong,
                Message::new("notice-too-long").count("days", term_days),
            )
            .at_clause(c.source, notice.span, Message::new("notice-too-long-label"))
            .related(c.source, term.span, Message::new("the-term-label"))
            .help(Message::new("notice-too-long-help")),
        );
    }
}
