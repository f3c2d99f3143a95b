//! Lints over the convention model: what a convention states that cannot be
//! right, or is suspicious. Each lint is an independent function of the
//! model; all of them run and all their findings are reported.

use chrono::{Datelike, NaiveDate};

use crate::diag::{Code, Diagnostic};
use crate::eval::view::View;
use crate::language::model::{Budget, Ceiling, CodeField, Convention, ScheduleLine};
use crate::money::{french, to_cents};
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
                    format!(
                        "avenant {} (in force {}) follows avenant {} (in force {})",
                        b.number.value, b.effect.value, a.number.value, a.effect.value
                    ),
                )
                .at_clause(c.source, b.number.span, "out of order")
                .related(c.source, a.number.span, "the amendment before it")
                .help("state amendments in the order of their numbers, each in force no earlier than the one before"),
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
                    format!(
                        "avenant {} takes effect on {}, outside the term ({start} to {end})",
                        a.number.value, a.effect.value
                    ),
                )
                .at_clause(c.source, a.effect.span, "outside the term")
                .related(c.source, term.span, "the term")
                .help("an amendment changes a convention in force: check its effective date"),
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
                        format!(
                            "after avenant {}, the {} forecasts add up to {}, the ceiling is {}",
                            a.number.value, ceiling.budget, french(sum), french(limit)
                        ),
                    )
                    .at_clause(c.source, a.number.span, format!("avenant {}", a.number.value))
                    .related(c.source, ceiling.span, "the ceiling in force")
                    .help("an amendment that raises a ceiling usually moves the schedule too: state the new schedule lines"),
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
                        format!(
                            "no market \"{}\" is authorised when avenant {} takes effect",
                            removed.value,
                            v.number().unwrap_or(0)
                        ),
                    )
                    .at_clause(view.source(), removed.span, "not an authorised market")
                    .help(if names.is_empty() {
                        "no market is authorised then: remove this line".to_owned()
                    } else {
                        format!("name a market by its purpose: {}", names.join(", "))
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
                    format!(
                        "the waiver of `{}` expired on {}",
                        w.code.value, until.value
                    ),
                )
                .at_clause(c.source, until.span, "expired")
                .help("remove the waiver, or renew it with a new date"),
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
                format!(
                    "the term ends on {} before it takes effect on {start}",
                    term.end.value
                ),
            )
            .at_clause(c.source, term.end.span, "ends before the start")
            .related(
                c.source,
                term.start.span,
                format!("takes effect on {start}"),
            )
            .help("check both dates: the end date is usually a 31 December after the signature"),
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
fn of(envelope: Option<&str>) -> String {
    envelope.map_or(String::new(), |n| format!("envelope \"{n}\": "))
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
                    format!(
                        "{}the {} forecasts add up to {}, the ceiling is {}",
                        of(envelope),
                        ceiling.budget,
                        french(sum),
                        french(limit)
                    ),
                )
                .at_clause(
                    c.source,
                    ceiling.span,
                    format!("ceiling of {}", french(limit)),
                )
                .help(
                    "a schedule usually spreads the whole ceiling over the years: check each line",
                )
                .figure("sum", crate::money::plain(sum))
                .figure("ceiling", crate::money::plain(limit));
                for line in lines {
                    d = d.related(
                        c.source,
                        line.span,
                        format!("{} {}", line.year, line.budget),
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
                    format!(
                        "a forecast for {} while the term runs from {start} to {end}",
                        line.year
                    ),
                )
                .at_clause(c.source, line.span, "outside the term")
                .related(c.source, term.span, "the term")
                .help("nothing can be spent outside the term: fix the year or extend the term"),
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
                    format!(
                        "{}by the end of {year}, forecast CP ({}) exceed forecast AE ({})",
                        of(envelope),
                        french(cp),
                        french(ae)
                    ),
                )
                .at_clause(c.source, span, "CP ahead of AE")
                .help(
                    "payments follow commitments: cumulative CP cannot run ahead of cumulative AE",
                ),
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
            format!(
                "a notice of termination is given on {}, but the convention states no notice period: it takes effect that day",
                t.date.value
            ),
        )
        .at_clause(c.source, t.span, "no `préavis` to count from here")
        .help("state the convention's notice period, e.g. `préavis 3 mois`"),
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
                format!("the notice period is longer than the {term_days}-day term"),
            )
            .at_clause(c.source, notice.span, "longer than the term")
            .related(c.source, term.span, "the term")
            .help("a notice that outlasts the convention can never take effect: check its unit"),
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
                    format!("{} `{}` does not belong to programme {}", field.name(), code.value, programme.value),
                )
                .at_clause(c.source, code.span, format!("expected to start with `{prefix}`"))
                .related(c.source, programme.span, "the programme")
                .help("the centre financier, domaine fonctionnel and activité of an imputation start with the programme's four digits (0124-…)"),
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
    if let Some(name) = view.envelopes.get(crate::eval::sort::MAX_ENVELOPES) {
        push(
            out,
            Diagnostic::new(
                Code::ValueInvalid,
                format!(
                    "a convention holds at most {} envelopes",
                    crate::eval::sort::MAX_ENVELOPES
                ),
            )
            .at_clause(c.source, name.span, "one envelope too many")
            .help("merge envelopes, or split the convention's rule file by programme"),
        );
    }
    for v in view.versions() {
        for (i, a) in v.envelopes.iter().enumerate() {
            if a.codes.iter().all(Option::is_none) {
                push(out, Diagnostic::new(
                    Code::EnvelopeIndistinct,
                    format!("envelope \"{}\" states no code of its own: no row can be told to belong to it", a.name.value),
                )
                .at_clause(c.source, a.name.span, "no code of its own")
                .help("state the code the convention puts this envelope's credits on (`centre-financier …`, `activité …`)"));
                continue;
            }
            for (field, (own, common)) in CodeField::ALL.iter().zip(a.codes.iter().zip(&v.codes)) {
                let (Some(own), Some(common)) = (own, common) else {
                    continue;
                };
                if !same(own, common) {
                    push(out, Diagnostic::new(
                        Code::EnvelopeConflict,
                        format!(
                            "envelope \"{}\" states {} `{}`, the common imputation `{}`: no row can carry both",
                            a.name.value, field.name(), own.value, common.value
                        ),
                    )
                    .at_clause(c.source, own.span, "the envelope's code")
                    .related(c.source, common.span, "the common imputation's")
                    .help("the imputation holds the codes common to every envelope: state this field in each envelope, not in the imputation"));
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
                    push(out, Diagnostic::new(
                        Code::EnvelopeIndistinct,
                        format!(
                            "envelopes \"{}\" and \"{}\" differ in no code: a row carrying the codes of one carries the other's",
                            a.name.value, b.name.value
                        ),
                    )
                    .at_clause(c.source, b.name.span, "cannot be told apart")
                    .related(c.source, a.name.span, "from this envelope")
                    .help("give each envelope a code of its own that the others state differently (a centre financier, an activité…)"));
                }
            }
        }
        for budget in Budget::BOTH {
            for yearly in [false, true] {
                let limit = |l: [Option<crate::eval::view::Limit>; 2]| {
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
                let which = if yearly { "yearly " } else { "" };
                let mut d = Diagnostic::new(
                    Code::EnvelopeOverCeiling,
                    format!(
                        "the envelopes' {which}{budget} ceilings add up to {}, above the overall {which}ceiling of {}",
                        french(sum),
                        french(overall.cents)
                    ),
                )
                .at_clause(c.source, overall.span, "the overall ceiling")
                .help("the overall ceiling binds too: the envelopes cannot all be spent; check the figures, or lower an envelope")
                .figure("sum", crate::money::plain(sum))
                .figure("ceiling", crate::money::plain(overall.cents));
                for p in &parts {
                    d = d.related(c.source, p.span, "an envelope's ceiling");
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
type Format = (fn(&str) -> bool, &'static str);

/// CHORUS code formats (DOMAIN.md §3).
fn code_formats(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    let formats: [Format; 5] = [
        (is_programme, "3 digits, e.g. `124`"),
        (
            is_centre_financier,
            "`PPPP-XXXX-XXXX`, e.g. `0124-CDAF-CDSI`",
        ),
        (is_domaine, "`PPPP-AA` or `PPPP-AA-SS`, e.g. `0124-11`"),
        (is_activite, "12 digits, e.g. `012460111304`"),
        (
            is_centre_de_couts,
            "up to 10 letters and digits, e.g. `DININCUB75`",
        ),
    ];
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
        "`PPPP-XXXX-XXXX`, e.g. `0124-CDAF-CDSI`",
    ));
    for (code, valid, format) in checks {
        let Some(code) = code else { continue };
        if !valid(strip_company(&code.value)) {
            out.push(
                Diagnostic::new(
                    Code::CodeMalformed,
                    format!("`{}` is not a valid code here", code.value),
                )
                .at_clause(c.source, code.span, format!("expected {format}"))
                .help(format!("CHORUS writes this code as {format}")),
            );
        }
    }
    for m in &c.markets {
        if let Some(n) = &m.chorus {
            if !(n.value.len() == 10 && n.value.bytes().all(|b| b.is_ascii_digit())) {
                out.push(
                    Diagnostic::new(
                        Code::CodeMalformed,
                        format!("`{}` is not a CHORUS supplier number", n.value),
                    )
                    .at_clause(c.source, n.span, "expected 10 digits")
                    .help("a CHORUS supplier (tiers) number has 10 digits, e.g. `1001091655`"),
                );
            }
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
    // One index per key: linear in the number of markets.
    let mut seen: [std::collections::HashMap<&str, crate::span::Span>; 3] = Default::default();
    for m in &c.markets {
        let keys = [
            ("purpose", Some(&m.purpose)),
            ("CHORUS number", m.chorus.as_ref()),
            ("contract number", m.number.as_ref()),
        ];
        for ((what, key), index) in keys.into_iter().zip(seen.iter_mut()) {
            let Some(key) = key else { continue };
            match index.get(key.value.as_str()) {
                Some(first) => out.push(
                    Diagnostic::new(Code::MarketDuplicate, format!("two markets share the {what} `{}`", key.value))
                        .at_clause(c.source, key.span, "stated again here")
                        .related(c.source, *first, "first stated here")
                        .help("state each contract once; a holder with two contracts has two contract numbers"),
                ),
                None => {
                    index.insert(key.value.as_str(), key.span);
                }
            }
        }
    }
}
