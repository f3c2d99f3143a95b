//! A convention's scope, built once from its view and asked by routing and
//! the row checks alike: its term, the imputation codes of each version
//! (the common ones and each envelope's) and its authorised markets,
//! normalized once, by the day each version takes effect ([`Dated`]); the
//! budgets it delegates; and every holder it ever lists, which breaks a
//! tie between conventions.

use chrono::NaiveDate;

use crate::i18n::Message;
use crate::input::Transaction;
use crate::input::parse::{normalize_code, normalize_programme, same};
use crate::language::model::{CodeField, Role};
use crate::language::view::{Dated, End, MarketInForce, View};
use crate::span::{Span, Spanned};

/// A convention's scope (see the module's documentation).
pub struct Scope {
    /// The day it takes effect, and the clause saying so.
    pub start: Option<(NaiveDate, Span)>,
    /// The end once amendments, renewals and a notice are counted.
    pub end: Option<End>,
    /// The codes of each version, by the day it takes effect.
    pub imputations: Dated<Imputations>,
    /// The authorised markets of each version (and the amendment's
    /// number), by the day it takes effect.
    pub markets: Dated<(Option<u32>, Markets)>,
    /// Some version names a supplier, or a contract number.
    pub names_suppliers: bool,
    pub names_contracts: bool,
    /// Every authorised number normalizes to itself: a field equal to one
    /// of them is authorised without normalizing it.
    pub markets_stable: bool,
    /// Every supplier any version lists, withdrawn or not yet added
    /// included: the holders that break a tie between conventions.
    pub suppliers: Vec<Vec<u8>>,
    /// The budgets delegated (AE, CP), by version.
    pub delegated: Dated<[bool; 2]>,
    /// Receipts are delegated, by version.
    pub receipts: Dated<bool>,
    /// The délégants, then the délégataires, that state codes: a row
    /// carries those of one délégant (when some state codes) and of one
    /// délégataire (likewise).
    pub parties: [Vec<PartyCodes>; 2],
}

/// A party stating the codes of its share.
pub struct PartyCodes {
    /// Its acronym, else its name.
    pub label: String,
    /// Its clause.
    pub span: Span,
    pub codes: Vec<ExpectedCode>,
}

impl Scope {
    pub fn new(view: &View<'_>) -> Scope {
        let expected = |codes: &[Option<&Spanned<String>>; CodeField::COUNT]| -> Vec<ExpectedCode> {
            CodeField::ALL
                .iter()
                .zip(codes)
                .filter_map(|(f, v)| v.map(|v| expected_code(*f, &v.value, v.span)))
                .collect()
        };
        let imputations = view.dated(|v| {
            let envelopes = v
                .envelopes
                .iter()
                .map(|e| EnvelopeCodes {
                    index: e.index,
                    name: e.name.value.clone(),
                    codes: expected(&e.codes),
                })
                .collect();
            let common = expected(&v.codes);
            Imputations {
                amendment: v.number(),
                common,
                envelopes,
            }
        });
        let markets = view.dated(|v| (v.number(), Markets::new(&v.markets)));
        let numbers = || {
            markets
                .values()
                .flat_map(|(_, m)| m.suppliers.iter().chain(&m.contracts))
        };
        let markets_stable = numbers().all(|n| normalize_code(n) == n.as_slice());
        let names_suppliers = markets.values().any(|(_, m)| !m.suppliers.is_empty());
        let names_contracts = markets.values().any(|(_, m)| !m.contracts.is_empty());
        Scope {
            start: view.start,
            end: view.end,
            imputations,
            markets,
            names_suppliers,
            names_contracts,
            markets_stable,
            suppliers: view
                .all_markets()
                .filter_map(|m| m.market.chorus.as_ref())
                .map(|s| normalize_code(s.value.as_bytes()).to_vec())
                .collect(),
            delegated: view.dated(|v| v.delegated),
            receipts: view.dated(|v| v.receipts),
            parties: [Role::Delegant, Role::Delegataire].map(|role| {
                view.convention
                    .parties(role)
                    .iter()
                    .filter(|p| !p.codes.is_empty())
                    .map(|p| PartyCodes {
                        label: p.label().to_owned(),
                        span: p.span,
                        codes: p
                            .codes
                            .iter()
                            .map(|c| expected_code(c.value.0, &c.value.1, c.span))
                            .collect(),
                    })
                    .collect()
            }),
        }
    }

    /// Whether the row carries the codes of one délégant, when délégants
    /// state codes (the share of the credits, which routing follows; a
    /// délégataire's codes, who executes, are judged by the convention),
    /// on the code columns the export has.
    pub fn holds_parties(&self, tx: &Transaction<'_>) -> bool {
        self.parties.first().is_none_or(|side| {
            side.is_empty() || side.iter().any(|p| count_differing(&p.codes, tx) == 0)
        })
    }

    /// Whether the row carries the codes of the version in force on its
    /// date (with envelopes, the common codes and one envelope's), on the
    /// code columns the export has.
    pub fn holds_codes(&self, tx: &Transaction<'_>) -> bool {
        self.imputations.on(tx.date).is_none_or(|imp| imp.holds(tx)) && self.holds_parties(tx)
    }

    /// Whether the row carries the codes of some version, whichever is in
    /// force on its date: a code an amendment replaced, or one it brings.
    pub fn held_by_some_version(&self, tx: &Transaction<'_>) -> bool {
        self.imputations.values().any(|imp| imp.holds(tx)) && self.holds_parties(tx)
    }

    /// Where another version than the `in_force` one states the row's
    /// `value` for `field`, and which amendment changed it: the clause and
    /// its label (`replaced by amendment 1 from 01/07/2020`).
    pub fn other_version_stating(
        &self,
        in_force: usize,
        field: CodeField,
        value: &[u8],
    ) -> Option<(Span, Message)> {
        let value = normalize(field, value);
        let steps: Vec<(Option<NaiveDate>, &Imputations)> = self.imputations.steps().collect();
        let (k, code) = steps.iter().enumerate().find_map(|(k, (_, imp))| {
            (k != in_force)
                .then(|| imp.code(field))
                .flatten()
                .filter(|c| c.1 == value)
                .map(|c| (k, c))
        })?;
        let span = code.3;
        let label = if k < in_force {
            // The first later version stating another code replaced it.
            let (from, by) = steps
                .iter()
                .skip(k + 1)
                .find(|(_, imp)| imp.code(field).is_none_or(|c| c.1 != value))?;
            Message::new("code-replaced-label")
                .arg("number", by.amendment.unwrap_or_default().to_string())
                .date("date", (*from)?)
        } else {
            let (from, by) = steps.get(k)?;
            Message::new("code-brought-label")
                .arg("number", by.amendment.unwrap_or_default().to_string())
                .date("date", (*from)?)
        };
        Some((span, label))
    }

    /// Whether the convention ever lists the row's supplier.
    pub fn holds_supplier(&self, tx: &Transaction<'_>) -> bool {
        tx.supplier.is_some_and(|s| {
            let s = normalize_code(s);
            self.suppliers.iter().any(|a| a.as_slice() == s)
        })
    }

    /// Whether the row is dated within the term.
    pub fn holds_date(&self, tx: &Transaction<'_>) -> bool {
        self.start.is_none_or(|(s, _)| tx.date >= s) && self.end.is_none_or(|e| tx.date <= e.date)
    }
}

/// An imputation code: field, normalized value, value as written, span,
/// and whether a field equal to the normalized value normalizes to it
/// (nearly always: then equal bytes settle the comparison).
pub type ExpectedCode = (CodeField, Vec<u8>, String, Span, bool);

/// A code a clause states, normalized once.
fn expected_code(field: CodeField, written: &str, span: Span) -> ExpectedCode {
    let normalized = normalize(field, written.as_bytes());
    let stable = normalize(field, normalized) == normalized;
    (field, normalized.to_vec(), written.to_owned(), span, stable)
}

/// The codes in force in one version: the common ones, and each
/// envelope's own.
pub struct Imputations {
    /// The amendment that made this version (none for the convention as
    /// signed).
    pub amendment: Option<u32>,
    pub common: Vec<ExpectedCode>,
    pub envelopes: Vec<EnvelopeCodes>,
}

pub struct EnvelopeCodes {
    /// Its place in the view's envelopes.
    pub index: usize,
    pub name: String,
    pub codes: Vec<ExpectedCode>,
}

/// Whether the row's value of one expected code differs from it (a field
/// the export lacks does not). Inlined: it runs for every code of every row.
#[inline(always)]
pub fn differs(code: &ExpectedCode, tx: &Transaction<'_>) -> bool {
    let (field, expected, _, _, stable) = code;
    let Some(value) = tx.codes.get(*field as usize).copied().flatten() else {
        return false;
    };
    // Equal bytes settle it without normalizing, for a stable code.
    let equal = (*stable && same(value, expected)) || same(normalize(*field, value), expected);
    !equal
}

/// How many of `codes` differ in the row.
pub fn count_differing(codes: &[ExpectedCode], tx: &Transaction<'_>) -> usize {
    codes.iter().filter(|c| differs(c, tx)).count()
}

/// The fields of `codes` whose value in the row differs: field, the row's
/// value, and the expected code.
pub fn differing<'t, 'e>(
    codes: &'e [ExpectedCode],
    tx: &Transaction<'t>,
) -> Vec<(CodeField, &'t [u8], &'e ExpectedCode)> {
    let mut out = Vec::new();
    for code in codes.iter().filter(|c| differs(c, tx)) {
        if let Some(value) = tx.codes.get(code.0 as usize).copied().flatten() {
            out.push((code.0, value, code));
        }
    }
    out
}

impl Imputations {
    /// The common code of a field.
    pub fn code(&self, field: CodeField) -> Option<&ExpectedCode> {
        self.common.iter().find(|c| c.0 == field)
    }

    /// Whether the row carries these codes: the common ones and, with
    /// envelopes, one envelope's.
    pub fn holds(&self, tx: &Transaction<'_>) -> bool {
        count_differing(&self.common, tx) == 0
            && (self.envelopes.is_empty()
                || self
                    .envelopes
                    .iter()
                    .any(|e| count_differing(&e.codes, tx) == 0))
    }
}

/// The markets in force in one version, normalized once.
pub struct Markets {
    pub suppliers: Vec<Vec<u8>>,
    pub contracts: Vec<Vec<u8>>,
    /// Each market's clause and its label (`OVH (1001300001)`).
    pub clauses: Vec<(Span, String)>,
    /// The markets stating a contract number: contract, the holder's
    /// supplier number if stated, and the market's place in `clauses`.
    pub pairs: Vec<(Vec<u8>, Option<Vec<u8>>, usize)>,
}

impl Markets {
    pub fn new(markets: &[MarketInForce<'_>]) -> Markets {
        let number =
            |n: Option<&Spanned<String>>| n.map(|n| normalize_code(n.value.as_bytes()).to_vec());
        Markets {
            suppliers: markets
                .iter()
                .filter_map(|m| number(m.market.chorus.as_ref()))
                .collect(),
            contracts: markets
                .iter()
                .filter_map(|m| number(m.market.number.as_ref()))
                .collect(),
            clauses: markets
                .iter()
                .map(|m| (m.market.span, market_label(m.market)))
                .collect(),
            pairs: markets
                .iter()
                .enumerate()
                .filter_map(|(k, m)| {
                    Some((
                        number(m.market.number.as_ref())?,
                        number(m.market.chorus.as_ref()),
                        k,
                    ))
                })
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// When the row's contract is that of markets stating their holder
    /// and the row's supplier holds none of them: the first one's place in
    /// `clauses`. A contract of a market stating no holder passes.
    pub fn pair_broken(&self, supplier: &[u8], contract: &[u8]) -> Option<usize> {
        let (supplier, contract) = (normalize_code(supplier), normalize_code(contract));
        if supplier.is_empty() || contract.is_empty() {
            return None;
        }
        let mut first = None;
        for (c, holder, k) in &self.pairs {
            if c.as_slice() != contract {
                continue;
            }
            match holder {
                Some(h) if h.as_slice() != supplier => {
                    first.get_or_insert(*k);
                }
                _ => return None,
            }
        }
        first
    }
}

/// `OVH (1001300001)`: a market's holder and CHORUS number, or its purpose.
pub fn market_label(m: &crate::language::model::Market) -> String {
    let name = m.holder.as_ref().unwrap_or(&m.purpose).value.as_str();
    match (&m.chorus, &m.number) {
        (Some(n), _) | (None, Some(n)) => format!("{name} ({})", n.value),
        (None, None) => name.to_owned(),
    }
}

/// A code normalized as CHORUS writes it: the programme without its
/// leading zeros and prefix, any other code without its `BG00/` prefix.
pub fn normalize(field: CodeField, value: &[u8]) -> &[u8] {
    match field {
        CodeField::Programme => normalize_programme(value),
        _ => normalize_code(value),
    }
}
