//! Lints over the convention model: what a convention states that cannot be
//! right, or is suspicious. Each lint is an independent function of the
//! model; all of them run and all their findings are reported.

use crate::i18n::Message;
use chrono::{Datelike, NaiveDate};

use crate::diag::{Code, Diagnostic};
use crate::language::model::{Budget, Ceiling, CodeField, Convention, ScheduleLine};
use crate::language::view::View;
use crate::money::to_cents;
use crate::span::Spanned;

type Lint = fn(&View<'_>, &mut Vec<Diagnostic>);

/// Every lint, in the order they run.
const LINTS: &[Lint] = &[
    term_inverted,
    schedule_sum,
    schedule_outside_term,
    schedule_cp_ahead,
    notice_too_long,
    notice_missing,
    imputation_prefix,
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
        let end = view.end.map_or(term.end.value, |e| e.date);
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

/// After each amendment that states ceilings or schedule lines, the
/// schedule in force must add up to the ceilings in force.
fn amended_schedule_sum(view: &View<'_>, out: &mut Vec<Diagnostic>) {
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

/// `retire marché "…"` names a market in force before the amendment.
fn removed_markets(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let mut before = &view.signed;
    for v in &view.amended {
        for removed in v.amendment.iter().flat_map(|a| &a.removed_markets) {
            let known = before.markets.iter().any(|m| {
                crate::language::keywords::fold(&m.market.purpose.value)
                    == crate::language::keywords::fold(&removed.value)
            });
            if !known {
                let names: Vec<&str> = before
                    .markets
                    .iter()
                    .map(|m| m.market.purpose.value.as_str())
                    .collect();
                out.push(
                    Diagnostic::new(
                        Code::ValueInvalid,
                        Message::new("removed-market-unknown")
                            .arg("market", removed.value.as_str())
                            .arg("number", v.number().unwrap_or(0).to_string()),
                    )
                    .at_clause(
                        view.source(),
                        removed.span,
                        Message::new("not-authorised-market-label"),
                    )
                    .help(if names.is_empty() {
                        Message::new("no-market-then-help")
                    } else {
                        Message::new("name-market-help").arg("names", names.join(", "))
                    }),
                );
            }
        }
        before = v;
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
    if term.end.value < start {
        out.push(
            Diagnostic::new(
                Code::TermInverted,
                Message::new("term-inverted")
                    .arg("end", term.end.value)
                    .arg("start", start),
            )
            .at_clause(c.source, term.end.span, Message::new("term-inverted-label"))
            .related(
                c.source,
                term.start.span,
                Message::new("term-takes-effect-label").arg("start", start),
            )
            .help(Message::new("term-inverted-help")),
        );
    }
}

/// The convention's ceilings and schedule, then each envelope's (with its
/// name), as first stated.
fn schedules(c: &Convention) -> Vec<(Option<&str>, &[Ceiling], &[ScheduleLine])> {
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
fn of(envelope: Option<&str>) -> Message {
    envelope.map_or(Message::plain(""), |n| {
        Message::new("of-envelope").arg("name", n)
    })
}

fn schedule_sum(view: &View<'_>, out: &mut Vec<Diagnostic>) {
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
                .figure("sum", crate::money::plain(sum))
                .figure("ceiling", crate::money::plain(limit));
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

fn schedule_outside_term(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    let (Some(term), Some(start)) = (&c.term, c.effective_start()) else {
        return;
    };
    // The end once renewals, amendments and a notice are counted.
    let end = view.end.map_or(term.end.value, |e| e.date);
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

fn schedule_cp_ahead(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    // Without delegated AE, nothing expects forecast AE.
    if c.schedule_broken || !view.signed.delegates(Budget::AE) {
        return;
    }
    for (envelope, _, schedule) in schedules(c) {
        cp_ahead(c, envelope, schedule, out);
    }
}

fn cp_ahead(
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
    let term_days = (term.end.value - start).num_days();
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

/// Every set of codes some version holds, field by field: the common
/// codes, and each envelope's own over them (an envelope's programme
/// replacing the common one).
fn code_sets<'v>(view: &'v View<'_>) -> Vec<[Option<&'v Spanned<String>>; 5]> {
    let mut sets = Vec::new();
    for v in view.versions() {
        sets.push(v.codes);
        for e in &v.envelopes {
            let mut set = v.codes;
            for (slot, own) in set.iter_mut().zip(e.codes) {
                if own.is_some() {
                    *slot = own;
                }
            }
            sets.push(set);
        }
    }
    sets
}

fn imputation_prefix(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    let mut seen = Vec::new();
    for set in code_sets(view) {
        let [Some(programme), ..] = set else {
            continue;
        };
        let digits = programme.value.trim_start_matches('0');
        if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            continue; // reported by code_formats
        }
        let prefix = format!("{digits:0>4}");
        for field in [
            CodeField::CentreFinancier,
            CodeField::DomaineFonctionnel,
            CodeField::Activite,
        ] {
            let Some(code) = set.get(field as usize).copied().flatten() else {
                continue;
            };
            let bare = strip_company(&code.value);
            if bare.starts_with(&prefix) || seen.contains(&(code.span, programme.span)) {
                continue;
            }
            seen.push((code.span, programme.span));
            out.push(
                Diagnostic::new(
                    Code::ImputationInconsistent,
                    Message::new("imputation-inconsistent")
                        .arg("field", field.label())
                        .arg("code", code.value.as_str())
                        .arg("programme", programme.value.as_str()),
                )
                .at_clause(
                    c.source,
                    code.span,
                    Message::new("expected-prefix-label").arg("prefix", prefix.to_string()),
                )
                .related(
                    c.source,
                    programme.span,
                    Message::new("the-programme-label"),
                )
                .help(Message::new("imputation-inconsistent-help")),
            );
        }
    }
}

/// The envelopes in force together can be told apart, and agree with the
/// common imputation; their ceilings fit in the overall one.
fn envelopes(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    let mut seen: Vec<(Code, crate::span::Span)> = Vec::new();
    let mut push = |out: &mut Vec<Diagnostic>, d: Diagnostic| {
        let key = (
            d.code,
            d.clause.as_ref().map(|l| l.span).unwrap_or_default(),
        );
        if !seen.contains(&key) {
            seen.push(key);
            out.push(d);
        }
    };
    let same = |a: &Spanned<String>, b: &Spanned<String>| {
        crate::language::keywords::fold(strip_company(&a.value))
            == crate::language::keywords::fold(strip_company(&b.value))
    };
    if let Some(name) = view.envelopes.get(crate::language::view::MAX_ENVELOPES) {
        push(
            out,
            Diagnostic::new(
                Code::ValueInvalid,
                Message::new("too-many-envelopes")
                    .count("max", crate::language::view::MAX_ENVELOPES),
            )
            .at_clause(
                c.source,
                name.span,
                Message::new("too-many-envelopes-label"),
            )
            .help(Message::new("too-many-envelopes-help")),
        );
    }
    for v in view.versions() {
        for (i, a) in v.envelopes.iter().enumerate() {
            if a.codes.iter().all(Option::is_none) {
                push(
                    out,
                    Diagnostic::new(
                        Code::EnvelopeIndistinct,
                        Message::new("envelope-no-code").arg("name", a.name.value.as_str()),
                    )
                    .at_clause(
                        c.source,
                        a.name.span,
                        Message::new("envelope-no-code-label"),
                    )
                    .help(Message::new("envelope-no-code-help")),
                );
                continue;
            }
            for (field, (own, common)) in CodeField::ALL.iter().zip(a.codes.iter().zip(&v.codes)) {
                let (Some(own), Some(common)) = (own, common) else {
                    continue;
                };
                if !same(own, common) {
                    push(
                        out,
                        Diagnostic::new(
                            Code::EnvelopeConflict,
                            Message::new("envelope-conflict")
                                .arg("name", a.name.value.as_str())
                                .arg("field", field.label())
                                .arg("own", own.value.as_str())
                                .arg("common", common.value.as_str()),
                        )
                        .at_clause(c.source, own.span, Message::new("envelope-code-label"))
                        .related(
                            c.source,
                            common.span,
                            Message::new("common-imputation-label"),
                        )
                        .help(Message::new("envelope-conflict-help")),
                    );
                }
            }
            for b in v
                .envelopes
                .iter()
                .skip(i + 1)
                .filter(|b| b.codes.iter().any(Option::is_some))
            {
                let apart = a
                    .codes
                    .iter()
                    .zip(&b.codes)
                    .any(|(x, y)| matches!((x, y), (Some(x), Some(y)) if !same(x, y)));
                if !apart {
                    push(
                        out,
                        Diagnostic::new(
                            Code::EnvelopeIndistinct,
                            Message::new("envelopes-indistinct")
                                .arg("first", a.name.value.as_str())
                                .arg("second", b.name.value.as_str()),
                        )
                        .at_clause(c.source, b.name.span, Message::new("indistinct-label"))
                        .related(c.source, a.name.span, Message::new("from-envelope-label"))
                        .help(Message::new("envelopes-indistinct-help")),
                    );
                }
            }
        }
        for budget in Budget::BOTH {
            for yearly in [false, true] {
                let limit = |l: [Option<crate::language::view::Limit>; 2]| {
                    l.get(budget.index()).copied().flatten()
                };
                let overall = if yearly {
                    limit(v.yearly)
                } else {
                    limit(v.ceilings)
                };
                let Some(overall) = overall else { continue };
                let parts: Vec<_> = v
                    .envelopes
                    .iter()
                    .filter_map(|e| limit(if yearly { e.yearly } else { e.ceilings }))
                    .collect();
                let sum: i128 = parts.iter().map(|l| l.cents).sum();
                if sum <= overall.cents {
                    continue;
                }
                let mut d = Diagnostic::new(
                    Code::EnvelopeOverCeiling,
                    Message::new("envelopes-over-ceiling")
                        .count("yearly", u8::from(yearly))
                        .arg("budget", budget.to_string())
                        .amount("sum", sum)
                        .amount("limit", overall.cents),
                )
                .at_clause(
                    c.source,
                    overall.span,
                    Message::new("overall-ceiling-label"),
                )
                .help(Message::new("envelopes-over-ceiling-help"))
                .figure("sum", crate::money::plain(sum))
                .figure("ceiling", crate::money::plain(overall.cents));
                for p in &parts {
                    d = d.related(c.source, p.span, Message::new("envelope-ceiling-label"));
                }
                push(out, d);
            }
        }
    }
}

fn strip_company(code: &str) -> &str {
    match code.split_once('/') {
        Some((company, rest)) if company.len() == 4 => rest,
        _ => code,
    }
}

/// A code, the test of its format, and the format in words.
type FormatCheck<'a> = (Option<&'a Spanned<String>>, fn(&str) -> bool, &'static str);

/// A test of a code's format, and the format in words.
pub type Format = (fn(&str) -> bool, &'static str);

/// The CHORUS format of each imputation field, in `CodeField::ALL`'s
/// order: its test, and its catalogue entry (DOMAIN.md §3).
pub const CODE_FORMATS: [Format; 5] = [
    (is_programme, "format-programme"),
    (is_centre_financier, "format-centre-financier"),
    (is_domaine, "format-domaine"),
    (is_activite, "format-activite"),
    (is_centre_de_couts, "format-centre-de-couts"),
];

/// CHORUS code formats (DOMAIN.md §3).
fn code_formats(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    let formats: [Format; 5] = CODE_FORMATS;
    // Every code of every version and envelope, each once.
    let mut checks: Vec<FormatCheck<'_>> = Vec::new();
    for set in code_sets(view) {
        for (code, (valid, format)) in set.into_iter().zip(formats) {
            if code.is_some_and(|code| {
                !checks
                    .iter()
                    .any(|(k, ..)| k.is_some_and(|k| k.span == code.span))
            }) {
                checks.push((code, valid, format));
            }
        }
    }
    checks.push((
        c.uo.as_ref(),
        is_centre_financier,
        "format-centre-financier",
    ));
    for (code, valid, format) in checks {
        let Some(code) = code else { continue };
        if !valid(strip_company(&code.value)) {
            out.push(
                Diagnostic::new(
                    Code::CodeMalformed,
                    Message::new("code-malformed").arg("code", code.value.as_str()),
                )
                .at_clause(
                    c.source,
                    code.span,
                    Message::new("code-expected-format-label").arg("format", Message::new(format)),
                )
                .help(Message::new("code-format-help").arg("format", Message::new(format))),
            );
        }
    }
    for m in &c.markets {
        if let Some(n) = &m.chorus
            && !(n.value.len() == 10 && n.value.bytes().all(|b| b.is_ascii_digit()))
        {
            out.push(
                Diagnostic::new(
                    Code::CodeMalformed,
                    Message::new("supplier-malformed").arg("number", n.value.as_str()),
                )
                .at_clause(c.source, n.span, Message::new("ten-digits-label"))
                .help(Message::new("supplier-malformed-help")),
            );
        }
    }
}

fn all(s: &str, f: fn(u8) -> bool) -> bool {
    !s.is_empty() && s.bytes().all(f)
}

fn is_programme(s: &str) -> bool {
    (1..=4).contains(&s.len()) && all(s, |b| b.is_ascii_digit())
}

fn is_centre_financier(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    matches!(parts.as_slice(), [p, a, b]
        if p.len() == 4 && all(p, |b| b.is_ascii_digit())
            && all(a, |b| b.is_ascii_alphanumeric()) && all(b, |b| b.is_ascii_alphanumeric()))
}

fn is_domaine(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &&str, n: usize| p.len() == n && all(p, |b| b.is_ascii_digit());
    match parts.as_slice() {
        [p, a] => digits(p, 4) && digits(a, 2),
        [p, a, s] => digits(p, 4) && digits(a, 2) && digits(s, 2),
        _ => false,
    }
}

fn is_activite(s: &str) -> bool {
    s.len() == 12 && all(s, |b| b.is_ascii_digit())
}

fn is_centre_de_couts(s: &str) -> bool {
    s.len() <= 10 && all(s, |b| b.is_ascii_alphanumeric())
}

fn market_duplicates(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    // One index per key: linear in the number of markets (a rule file is
    // ours, not an adversary's: the fast hash is enough).
    let index = || {
        rustc_hash::FxHashMap::<&str, crate::span::Span>::with_capacity_and_hasher(
            c.markets.len(),
            Default::default(),
        )
    };
    let mut seen = [index(), index(), index()];
    for m in &c.markets {
        let keys = [
            ("market-key-purpose", Some(&m.purpose)),
            ("market-key-chorus", m.chorus.as_ref()),
            ("market-key-number", m.number.as_ref()),
        ];
        for ((what, key), index) in keys.into_iter().zip(seen.iter_mut()) {
            let Some(key) = key else { continue };
            match index.get(key.value.as_str()) {
                Some(first) => out.push(
                    Diagnostic::new(
                        Code::MarketDuplicate,
                        Message::new("market-duplicate")
                            .arg("what", Message::new(what))
                            .arg("value", key.value.as_str()),
                    )
                    .at_clause(c.source, key.span, Message::new("stated-again-label"))
                    .related(c.source, *first, Message::new("first-stated-label"))
                    .help(Message::new("market-duplicate-help")),
                ),
                None => {
                    index.insert(key.value.as_str(), key.span);
                }
            }
        }
    }
}
