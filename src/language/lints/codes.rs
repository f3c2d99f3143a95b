//! Lints of the codes and markets: imputation prefixes, envelopes, the form
//! of each CHORUS code, markets stated twice or withdrawn when never listed.

use crate::i18n::Message;

use crate::diag::{Code, Diagnostic};
use crate::language::model::{Budget, CodeField};
use crate::language::view::View;
use crate::span::Spanned;

/// Every set of codes some version holds, field by field: the common
/// codes, and each envelope's own over them (an envelope's programme
/// replacing the common one).
pub(super) fn code_sets<'v>(
    view: &'v View<'_>,
) -> Vec<[Option<&'v Spanned<String>>; CodeField::COUNT]> {
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

pub(super) fn imputation_prefix(view: &View<'_>, out: &mut Vec<Diagnostic>) {
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
            CodeField::Bop,
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

/// A UO stated apart agrees with the imputation's centre financier (a UO
/// is one), and every centre financier lies in the BOP stated with it (a
/// BOP is a centre financier's first two parts).
pub(super) fn uo_and_bop(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    let bare = |s: &Spanned<String>| bare_code(&s.value);
    if let (Some(uo), Some(cf)) = (&c.uo, &c.imputation.centre_financier)
        && bare(uo) != bare(cf)
    {
        out.push(
            Diagnostic::new(
                Code::ImputationInconsistent,
                Message::new("uo-differs")
                    .arg("uo", uo.value.as_str())
                    .arg("code", cf.value.as_str()),
            )
            .at_clause(c.source, uo.span, Message::new("uo-differs-label"))
            .related(
                c.source,
                cf.span,
                Message::new("the-centre-financier-label"),
            )
            .help(Message::new("uo-differs-help")),
        );
    }
    let mut seen = Vec::new();
    for set in code_sets(view) {
        let [_, Some(bop), Some(cf), ..] = set else {
            continue;
        };
        let prefix = format!("{}-", bare(bop));
        if bare(cf).starts_with(&prefix) || seen.contains(&(cf.span, bop.span)) {
            continue;
        }
        seen.push((cf.span, bop.span));
        out.push(
            Diagnostic::new(
                Code::ImputationInconsistent,
                Message::new("outside-bop")
                    .arg("code", cf.value.as_str())
                    .arg("bop", bop.value.as_str()),
            )
            .at_clause(
                c.source,
                cf.span,
                Message::new("expected-prefix-label").arg("prefix", prefix),
            )
            .related(c.source, bop.span, Message::new("the-bop-label"))
            .help(Message::new("outside-bop-help")),
        );
    }
}

/// A side whose parties state codes, but one: that one claims no rows.
pub(super) fn parties(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    for side in [&c.delegants, &c.delegataires] {
        let Some(coded) = side.iter().find(|p| !p.codes.is_empty()) else {
            continue;
        };
        for p in side.iter().filter(|p| p.codes.is_empty()) {
            out.push(
                Diagnostic::new(
                    Code::PartyUncoded,
                    Message::new("party-uncoded").arg("party", p.label()),
                )
                .at_clause(c.source, p.name.span, Message::new("party-uncoded-label"))
                .related(
                    c.source,
                    coded.name.span,
                    Message::new("party-coded-label").arg("party", coded.label()),
                )
                .help(Message::new("party-uncoded-help")),
            );
        }
    }
}

/// The envelopes in force together can be told apart, and agree with the
/// common imputation; their ceilings fit in the overall one.
pub(super) fn envelopes(view: &View<'_>, out: &mut Vec<Diagnostic>) {
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
                .amount_figure("sum", crate::money::Amount(sum))
                .amount_figure("ceiling", crate::money::Amount(overall.cents));
                for p in &parts {
                    d = d.related(c.source, p.span, Message::new("envelope-ceiling-label"));
                }
                push(out, d);
            }
        }
    }
}

pub(super) fn strip_company(code: &str) -> &str {
    match code.split_once('/') {
        Some((company, rest)) if company.len() == 4 => rest,
        _ => code,
    }
}

/// A code as compared in a rule file: without its company prefix,
/// accents and case folded.
pub(super) fn bare_code(code: &str) -> String {
    crate::language::keywords::fold(strip_company(code.trim())).into_owned()
}

/// A test of a code's format, and the format in words.
pub type Format = (fn(&str) -> bool, &'static str);

/// The CHORUS format of each imputation field, in `CodeField::ALL`'s
/// order: its test, and its catalogue entry (DOMAIN.md §3).
pub const CODE_FORMATS: [Format; CodeField::COUNT] = [
    (is_programme, "format-programme"),
    (is_bop, "format-bop"),
    (is_centre_financier, "format-centre-financier"),
    (is_domaine, "format-domaine"),
    (is_activite, "format-activite"),
    (is_centre_de_couts, "format-centre-de-couts"),
    (is_service_executant, "format-service-executant"),
];

/// A code, the test of its format, and the format in words.
type FormatCheck<'a> = (&'a str, crate::span::Span, fn(&str) -> bool, &'static str);

/// Adds a code to check against its field's format, once per place.
fn add_check<'a>(
    checks: &mut Vec<FormatCheck<'a>>,
    value: &'a str,
    span: crate::span::Span,
    field: CodeField,
) {
    if let Some((valid, format)) = CODE_FORMATS.get(field as usize)
        && !checks.iter().any(|(_, s, ..)| *s == span)
    {
        checks.push((value, span, *valid, format));
    }
}

/// CHORUS code formats (DOMAIN.md §3).
pub(super) fn code_formats(view: &View<'_>, out: &mut Vec<Diagnostic>) {
    let c = view.convention;
    // Every code of every version and envelope, of the parties and a UO
    // stated apart, each once (by its place in the rule file).
    let mut checks: Vec<FormatCheck<'_>> = Vec::new();
    for set in code_sets(view) {
        for (code, field) in set.into_iter().zip(CodeField::ALL) {
            if let Some(code) = code {
                add_check(&mut checks, &code.value, code.span, field);
            }
        }
    }
    for code in c
        .delegants
        .iter()
        .chain(&c.delegataires)
        .flat_map(|p| &p.codes)
    {
        add_check(&mut checks, &code.value.1, code.span, code.value.0);
    }
    if let Some(uo) = &c.uo {
        add_check(&mut checks, &uo.value, uo.span, CodeField::CentreFinancier);
    }
    for (value, span, valid, format) in checks {
        if !valid(strip_company(value)) {
            out.push(
                Diagnostic::new(
                    Code::CodeMalformed,
                    Message::new("code-malformed").arg("code", value),
                )
                .at_clause(
                    c.source,
                    span,
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

pub(super) fn all(s: &str, f: fn(u8) -> bool) -> bool {
    !s.is_empty() && s.bytes().all(f)
}

pub(super) fn is_programme(s: &str) -> bool {
    (1..=4).contains(&s.len()) && all(s, |b| b.is_ascii_digit())
}

/// A CHORUS service exécutant: ten capitals and digits (`CSP0000075`).
pub(super) fn is_service_executant(s: &str) -> bool {
    s.len() == 10 && all(s, |b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

pub(super) fn is_bop(s: &str) -> bool {
    matches!(s.split('-').collect::<Vec<_>>().as_slice(), [p, a]
        if p.len() == 4 && all(p, |b| b.is_ascii_digit()) && all(a, |b| b.is_ascii_alphanumeric()))
}

pub(super) fn is_centre_financier(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    matches!(parts.as_slice(), [p, a, b]
        if p.len() == 4 && all(p, |b| b.is_ascii_digit())
            && all(a, |b| b.is_ascii_alphanumeric()) && all(b, |b| b.is_ascii_alphanumeric()))
}

pub(super) fn is_domaine(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &&str, n: usize| p.len() == n && all(p, |b| b.is_ascii_digit());
    match parts.as_slice() {
        [p, a] => digits(p, 4) && digits(a, 2),
        [p, a, s] => digits(p, 4) && digits(a, 2) && digits(s, 2),
        _ => false,
    }
}

pub(super) fn is_activite(s: &str) -> bool {
    s.len() == 12 && all(s, |b| b.is_ascii_digit())
}

pub(super) fn is_centre_de_couts(s: &str) -> bool {
    s.len() <= 10 && all(s, |b| b.is_ascii_alphanumeric())
}

pub(super) fn market_duplicates(view: &View<'_>, out: &mut Vec<Diagnostic>) {
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

/// `retire marché "…"` names a market in force before the amendment.
pub(super) fn removed_markets(view: &View<'_>, out: &mut Vec<Diagnostic>) {
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
