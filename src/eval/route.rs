//! Routing transactions to conventions, when one run checks many.
//!
//! A convention's scope is its imputation codes: a row belongs to the
//! conventions whose every stated code equals the row's (for the code
//! columns the export has; with envelopes, the common codes and one
//! envelope's). Each convention is indexed under its most
//! specific code (activité, else centre financier, domaine fonctionnel,
//! centre de coûts, programme), so routing a row costs a few hash lookups,
//! whatever the number of conventions. Several candidates are narrowed by
//! their authorised holders, then by their term; what is left is the route.

use rustc_hash::FxHashMap;

use crate::input::Transaction;
use crate::input::parse::{normalize_code, normalize_programme};
use crate::language::model::{CodeField, Convention};
use crate::language::view::View;
use chrono::NaiveDate;

/// Where a row goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    One(usize),
    /// No convention's scope holds the row.
    None,
    /// Several do, and neither holders nor terms tell them apart.
    Many(Vec<usize>),
}

/// The order in which a convention's codes are tried as its index key:
/// the most specific first.
const KEY_ORDER: [CodeField; 5] = [
    CodeField::Activite,
    CodeField::CentreFinancier,
    CodeField::DomaineFonctionnel,
    CodeField::CentreDeCouts,
    CodeField::Programme,
];

fn normalized(field: CodeField, value: &[u8]) -> &[u8] {
    match field {
        CodeField::Programme => normalize_programme(value),
        _ => normalize_code(value),
    }
}

/// Normalized codes, most specific first.
type Codes = Vec<(CodeField, Vec<u8>)>;

struct Scope {
    /// The code sets of each version, from its first day (`None`: from the
    /// start): the common codes, or with envelopes the common codes and one
    /// envelope's, one set per envelope.
    codes: Vec<(Option<NaiveDate>, Vec<Codes>)>,
    suppliers: Vec<Vec<u8>>,
    start: Option<NaiveDate>,
    /// The end once amendments, renewals and a notice are counted.
    end: Option<NaiveDate>,
}

/// Normalized code → the conventions keyed on it.
type CodeIndex = FxHashMap<Vec<u8>, Vec<usize>>;

pub struct Router {
    scopes: Vec<Scope>,
    /// One index per key field.
    index: Vec<(CodeField, CodeIndex)>,
    /// Conventions that state no code: candidates for every row.
    unkeyed: Vec<usize>,
}

impl Router {
    pub fn new(conventions: &[Convention]) -> Router {
        let mut index: Vec<(CodeField, CodeIndex)> = Vec::new();
        let mut unkeyed = Vec::new();
        let mut scopes = Vec::new();
        for (i, c) in conventions.iter().enumerate() {
            let view = View::new(c);
            let mut versions: Vec<(Option<NaiveDate>, Vec<Codes>)> = Vec::new();
            for v in view.versions() {
                // The common codes and an envelope's own, each field most
                // specific first: a row must carry both (an envelope that
                // contradicts the common imputation holds no row).
                let set = |own: Option<&[Option<&crate::span::Spanned<String>>; 5]>| -> Codes {
                    KEY_ORDER
                        .iter()
                        .flat_map(|f| {
                            let envelope = own.and_then(|o| o.get(*f as usize).copied().flatten());
                            envelope.into_iter().chain(v.code(*f)).map(move |code| {
                                (*f, normalized(*f, code.value.as_bytes()).to_vec())
                            })
                        })
                        .collect()
                };
                let sets: Vec<Codes> = if v.envelopes.is_empty() {
                    vec![set(None)]
                } else {
                    v.envelopes.iter().map(|e| set(Some(&e.codes))).collect()
                };
                if versions.last().is_none_or(|(_, last)| *last != sets) {
                    versions.push((v.from, sets));
                }
            }
            // Every code set's most specific code keys the convention.
            let mut keyed = false;
            for codes in versions.iter().flat_map(|(_, sets)| sets) {
                let Some((field, key)) = codes.first() else {
                    continue;
                };
                keyed = true;
                let slot = match index.iter().position(|(f, _)| f == field) {
                    Some(p) => p,
                    None => {
                        index.push((*field, FxHashMap::default()));
                        index.len() - 1
                    }
                };
                if let Some((_, map)) = index.get_mut(slot) {
                    let list = map.entry(key.clone()).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
            if !keyed {
                unkeyed.push(i);
            }
            scopes.push(Scope {
                codes: versions,
                suppliers: view
                    .all_markets()
                    .filter_map(|m| m.market.chorus.as_ref())
                    .map(|s| normalize_code(s.value.as_bytes()).to_vec())
                    .collect(),
                start: view.start.map(|(d, _)| d),
                end: view.end.map(|e| e.date),
            });
        }
        Router {
            scopes,
            index,
            unkeyed,
        }
    }

    pub fn route(&self, tx: &Transaction<'_>) -> Route {
        let holds = |i: &usize| self.scopes.get(*i).is_some_and(|s| s.holds_codes(tx));
        let mut found = self.index.iter().filter_map(|(field, map)| {
            let value = tx.codes.get(*field as usize).copied().flatten()?;
            map.get(normalized(*field, value))
        });
        // The common case, without allocating: one key matches, one
        // convention holds the row, and no convention is unkeyed.
        if self.unkeyed.is_empty() && self.index.len() == 1 {
            let matching: Vec<usize> = match found.next() {
                Some(list) if list.len() == 1 => match list.first() {
                    Some(i) if holds(i) => return Route::One(*i),
                    _ => return Route::None,
                },
                Some(list) => list.iter().copied().filter(holds).collect(),
                None => return Route::None,
            };
            return self.narrowed(matching, tx);
        }
        let mut candidates: Vec<usize> = self.unkeyed.clone();
        candidates.extend(found.flatten());
        candidates.sort_unstable();
        candidates.dedup();
        candidates.retain(holds);
        self.narrowed(candidates, tx)
    }

    fn narrowed(&self, mut candidates: Vec<usize>, tx: &Transaction<'_>) -> Route {
        if candidates.len() > 1 {
            narrow(&mut candidates, |i| {
                self.scopes.get(i).is_some_and(|s| s.holds_supplier(tx))
            });
            narrow(&mut candidates, |i| {
                self.scopes.get(i).is_some_and(|s| s.holds_date(tx))
            });
        }
        match candidates.as_slice() {
            [] => Route::None,
            [one] => Route::One(*one),
            _ => Route::Many(candidates),
        }
    }
}

/// Keeps the candidates that pass `test`, if any does.
fn narrow(candidates: &mut Vec<usize>, test: impl Fn(usize) -> bool) {
    if candidates.iter().any(|i| test(*i)) {
        candidates.retain(|i| test(*i));
    }
}

impl Scope {
    /// The row carries the codes of the version in force on its date (with
    /// envelopes, those of one of them).
    fn holds_codes(&self, tx: &Transaction<'_>) -> bool {
        let Some((_, sets)) = self
            .codes
            .iter()
            .rev()
            .find(|(from, _)| from.is_none_or(|f| f <= tx.date))
        else {
            return true;
        };
        sets.iter().any(|codes| {
            codes.iter().all(|(field, expected)| {
                match tx.codes.get(*field as usize).copied().flatten() {
                    Some(value) => normalized(*field, value) == expected.as_slice(),
                    None => true,
                }
            })
        })
    }

    fn holds_supplier(&self, tx: &Transaction<'_>) -> bool {
        tx.supplier.is_some_and(|s| {
            self.suppliers
                .iter()
                .any(|a| a.as_slice() == normalize_code(s))
        })
    }

    fn holds_date(&self, tx: &Transaction<'_>) -> bool {
        self.start.is_none_or(|s| tx.date >= s) && self.end.is_none_or(|e| tx.date <= e)
    }
}
