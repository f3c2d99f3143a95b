//! A convention as a list of facts, one per clause, to compare a draft
//! with a rule file (`draft --diff`) and to score the drafts of the
//! corpus: each fact has a kind, a key that names the clause among those
//! of its kind (a ceiling's budget, a schedule's year and budget, a
//! market's CHORUS number) and its value.

use serde::Serialize;

use crate::language::keywords::fold;
use crate::language::model::{Convention, Imputation, TermStart};

/// One clause of a convention, compared by key and value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub kind: &'static str,
    pub key: String,
    pub value: String,
    /// A text whose wording may differ between a text and its rule file
    /// (a title, a signatory's quality): present on both sides is right.
    pub wording: bool,
}

fn fact(kind: &'static str, key: impl Into<String>, value: impl Into<String>) -> Fact {
    Fact {
        kind,
        key: key.into(),
        value: value.into(),
        wording: false,
    }
}

fn worded(kind: &'static str, key: impl Into<String>, value: impl Into<String>) -> Fact {
    Fact {
        wording: true,
        ..fact(kind, key, value)
    }
}

/// The facts of a convention, its amendments' included.
pub fn facts(c: &Convention) -> Vec<Fact> {
    let mut out = Vec::new();
    if !c.title.value.is_empty() {
        out.push(worded("title", "", c.title.value.clone()));
    }
    if let Some(n) = &c.nor {
        out.push(fact("nor", "", n.value.clone()));
    }
    if let Some(s) = &c.signature {
        out.push(fact("signature", "", s.value.to_string()));
    }
    if let Some(l) = &c.legal_basis {
        out.push(worded("legal-basis", "", l.value.clone()));
    }
    for (role, parties) in [("délégant", &c.delegants), ("délégataire", &c.delegataires)] {
        for p in parties.iter() {
            let key = p.label().to_owned();
            out.push(worded(role, key.clone(), p.name.value.clone()));
            if let Some(a) = &p.acronym {
                out.push(fact("sigle", format!("{role} {key}"), a.value.clone()));
            }
            for s in &p.signatories {
                out.push(fact(
                    "signatory",
                    key.clone(),
                    fold(&s.name.value).into_owned(),
                ));
            }
            for code in &p.codes {
                out.push(fact(
                    "party-code",
                    format!("{key} {}", code.value.0.name()),
                    code.value.1.clone(),
                ));
            }
        }
    }
    for m in &c.markets {
        out.push(market(m, ""));
    }
    // A UO stated on its own is the imputation's centre financier when
    // the imputation states none (as the view reads it).
    if let Some(u) = &c.uo {
        if c.imputation.centre_financier.is_none() {
            out.push(fact("imputation", "centre_financier", u.value.clone()));
        } else {
            out.push(fact("uo", "", u.value.clone()));
        }
    }
    if let Some(t) = &c.term {
        out.push(fact(
            "effect",
            "",
            match &t.start.value {
                TermStart::AtSignature => "signature".to_owned(),
                TermStart::On(d) => d.to_string(),
            },
        ));
        match (&t.duration, &t.end) {
            (Some(d), _) => out.push(fact("duration", "", d.value.to_string())),
            (None, Some(e)) => out.push(fact("end", "", e.value.to_string())),
            _ => {}
        }
        if t.indefinite.is_some() {
            out.push(fact("indefinite", "", ""));
        }
        if let Some(r) = &t.renewal {
            let mut v = r.period.to_string();
            if let Some(n) = r.times {
                v.push_str(&format!(" fois {n}"));
            }
            if let Some(n) = &r.notice {
                v.push_str(&format!(" préavis {n}"));
            }
            out.push(fact("renewal", "", v));
        }
    }
    ceilings(&c.ceilings, "", &mut out);
    schedule(&c.schedule, "", &mut out);
    if let Some(r) = &c.reporting {
        out.push(worded("reporting", "", r.value.clone()));
    }
    if let Some(a) = &c.accountant {
        out.push(worded("accountant", "", a.value.clone()));
    }
    imputation(&c.imputation, "", &mut out);
    for e in &c.envelopes {
        let key = format!("enveloppe {} ", e.name.value);
        imputation(&e.imputation, &key, &mut out);
        ceilings(&e.ceilings, &key, &mut out);
        schedule(&e.schedule, &key, &mut out);
    }
    if let Some(f) = &c.frame {
        out.push(worded("frame", "", f.value.clone()));
    }
    if let Some(t) = &c.titles {
        out.push(restriction(t, "titles", ""));
    }
    if let Some(d) = &c.delegation {
        out.push(fact("delegation", "", delegation(d)));
    }
    if let Some(n) = &c.notice {
        out.push(fact("notice", "", n.duration.to_string()));
    }
    if let Some(p) = &c.publication {
        out.push(worded("publication", "", p.value.clone()));
    }
    for a in &c.amendments {
        let key = format!("avenant {} ", a.number.value);
        if let Some(s) = &a.signature {
            out.push(fact("signature", key.trim_end(), s.value.to_string()));
        }
        out.push(fact("effect", key.trim_end(), a.effect.value.to_string()));
        if let Some(e) = &a.end {
            out.push(fact("end", key.trim_end(), e.value.to_string()));
        }
        for m in &a.markets {
            out.push(market(m, &key));
        }
        ceilings(&a.ceilings, &key, &mut out);
        schedule(&a.schedule, &key, &mut out);
        if let Some(i) = &a.imputation {
            imputation(i, &key, &mut out);
        }
        if let Some(t) = &a.titles {
            out.push(restriction(t, "titles", &key));
        }
        if let Some(d) = &a.delegation {
            out.push(fact("delegation", key.trim_end(), delegation(d)));
        }
    }
    out
}

fn market(m: &crate::language::model::Market, key: &str) -> Fact {
    let id = m
        .chorus
        .as_ref()
        .map_or_else(|| m.purpose.value.clone(), |c| c.value.clone());
    let holder = m.holder.as_ref().map_or("", |h| h.value.as_str());
    fact(
        "market",
        format!("{key}{id}"),
        format!("{} {}", fold(&m.purpose.value), fold(holder)),
    )
}

fn ceilings(cs: &[crate::language::model::Ceiling], key: &str, out: &mut Vec<Fact>) {
    for c in cs {
        let per = if c.per_year { " par an" } else { "" };
        out.push(fact(
            "ceiling",
            format!("{key}{}{per}", c.budget),
            c.amount.normalize().to_string(),
        ));
    }
}

fn schedule(lines: &[crate::language::model::ScheduleLine], key: &str, out: &mut Vec<Fact>) {
    for l in lines {
        out.push(fact(
            "schedule",
            format!("{key}{} {}", l.year, l.budget),
            l.amount.normalize().to_string(),
        ));
    }
}

fn imputation(i: &Imputation, key: &str, out: &mut Vec<Fact>) {
    for field in crate::language::model::CodeField::ALL {
        if let Some(v) = i.get(field) {
            out.push(fact(
                "imputation",
                format!("{key}{}", field.name()),
                v.value.clone(),
            ));
        }
    }
}

fn restriction(r: &crate::language::model::Restriction, kind: &'static str, key: &str) -> Fact {
    let values: Vec<&str> = r.values.iter().map(|v| v.value.as_str()).collect();
    let v = format!(
        "{}{}",
        if r.excluded { "hors " } else { "" },
        values.join(" ")
    );
    fact(kind, key.trim_end(), v)
}

fn delegation(d: &crate::language::model::Delegation) -> String {
    let mut v = match d.budgets {
        [true, true] => "AE CP",
        [true, false] => "AE",
        [false, true] => "CP",
        _ => "",
    }
    .to_owned();
    if d.receipts {
        v.push_str(" recettes");
    }
    v
}

/// How a draft's facts compare with those expected.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Comparison {
    /// Same key, same value (or both present, for a wording).
    pub right: Vec<Fact>,
    /// Same key, another value: the draft's, then the expected one.
    pub wrong: Vec<(Fact, Fact)>,
    /// Expected, not drafted.
    pub missed: Vec<Fact>,
    /// Drafted, not expected: a clause the text does not support.
    pub invented: Vec<Fact>,
}

/// Compares drafted facts with expected ones, clause by clause.
pub fn compare(drafted: &[Fact], expected: &[Fact]) -> Comparison {
    let mut out = Comparison::default();
    let mut left: Vec<&Fact> = expected.iter().collect();
    for d in drafted {
        let found = left
            .iter()
            .position(|e| e.kind == d.kind && e.key == d.key && (e.wording || e.value == d.value));
        let found = found.or_else(|| left.iter().position(|e| e.kind == d.kind && e.key == d.key));
        match found {
            Some(i) => {
                let e = left.remove(i);
                if e.wording || e.value == d.value {
                    out.right.push(d.clone());
                } else {
                    out.wrong.push((d.clone(), e.clone()));
                }
            }
            None => out.invented.push(d.clone()),
        }
    }
    out.missed = left.into_iter().cloned().collect();
    out
}

/// The facts of a rule text, lowered (`None`: no convention in it).
pub fn facts_of_text(text: &str) -> Option<Vec<Fact>> {
    let (doc, _) = crate::language::syntax::parse(0, text);
    let (convention, _) = crate::language::lower::lower(0, &doc, &[]);
    convention.map(|c| facts(&c))
}

/// A draft compared with a rule file's facts: an amendment's text with the
/// rule file's amendment of its number, a convention's text with the rule
/// file's own clauses (its amendments left out).
pub fn compare_draft(draft: &super::Draft, expected: Vec<Fact>) -> Comparison {
    let mut drafted = facts_of_text(&draft.rules).unwrap_or_default();
    let amendment = draft
        .clauses
        .iter()
        .find(|c| c.kind == super::Kind::Amendment)
        .map(|c| format!("avenant {}", c.value));
    let expected: Vec<Fact> = match &amendment {
        Some(a) => {
            drafted.retain(|f| f.key.starts_with(a.as_str()));
            expected
                .into_iter()
                .filter(|f| f.key.starts_with(a.as_str()))
                .collect()
        }
        None => expected
            .into_iter()
            .filter(|f| !f.key.starts_with("avenant "))
            .collect(),
    };
    compare(&drafted, &expected)
}
