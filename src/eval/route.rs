//! Routing transactions to conventions, when one run checks many.
//!
//! A convention's scope is its imputation codes ([`Scope`], the same that
//! checks its rows): a row belongs to the conventions whose every code in
//! force on the row's date equals the row's, on the code columns the row
//! has (with envelopes, the common codes and one envelope's). When none
//! does, it belongs to those whose codes of another version do (a code an
//! amendment replaced, or one it brings): the row is then judged there, on
//! the codes in force. Several candidates are narrowed by the holders they
//! ever list, then by their term; what is left is the route.
//!
//! Conventions are indexed under the most specific code of each of their
//! code sets (the common codes with one envelope's, and one délégant's when
//! délégants state codes: the délégataires' are judged, not routed on)
//! among the fields the row carries (activité, else centre
//! financier, domaine fonctionnel, centre de coûts, BOP, programme): one index
//! per set of fields, built the first time a row carries that set. So a
//! convention whose most specific code has no column in the export is still
//! found by the codes it has, and routing a row costs a few hash lookups
//! whatever the number of conventions.

use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use super::scope::{ExpectedCode, Scope, normalize};
use crate::input::Transaction;
use crate::language::model::CodeField;

/// Where a row goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    One(usize),
    /// No convention's scope holds the row.
    None,
    /// Several do, and neither holders nor terms tell them apart.
    Many(Vec<usize>),
}

/// The order in which a code set's fields are tried as its index key: the
/// most specific first.
const KEY_ORDER: [CodeField; CodeField::COUNT] = [
    CodeField::ServiceExecutant,
    CodeField::Activite,
    CodeField::CentreFinancier,
    CodeField::DomaineFonctionnel,
    CodeField::CentreDeCouts,
    CodeField::Bop,
    CodeField::Programme,
];

/// The fields a row carries, one bit per [`CodeField`].
type Fields = usize;

/// Normalized code → the conventions keyed on it.
type CodeIndex = FxHashMap<Vec<u8>, Vec<usize>>;

/// The conventions by the most specific code of each of their code sets
/// among some fields.
#[derive(Default)]
struct Index {
    /// One map per key field.
    keys: Vec<(CodeField, CodeIndex)>,
    /// Conventions with a code set stating none of the fields: candidates
    /// for every row carrying them.
    unkeyed: Vec<usize>,
}

pub struct Router {
    scopes: Vec<Arc<Scope>>,
    /// Each convention's parent (`cadre`), by place.
    parents: Vec<Option<usize>>,
    /// One index per set of fields a row carries, built on first use.
    indexes: [OnceLock<Index>; 1 << CodeField::COUNT],
}

impl Router {
    pub fn new(scopes: Vec<Arc<Scope>>) -> Router {
        Router {
            parents: vec![None; scopes.len()],
            scopes,
            indexes: std::array::from_fn(|_| OnceLock::new()),
        }
    }

    /// The parent of each convention (`cadre`), by place: a row both hold
    /// goes to the child, and counts toward the parent's ceilings too.
    pub fn with_parents(mut self, parents: Vec<Option<usize>>) -> Router {
        self.parents = parents;
        self
    }

    /// The parent of convention `i`, its parent's, and so on.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = i;
        (0..self.parents.len()).map_while(move |_| {
            at = self.parents.get(at).copied().flatten()?;
            (at != i).then_some(at)
        })
    }

    /// The index of the conventions for rows carrying `fields` (six
    /// fields make 64 sets: always one).
    fn index(&self, fields: Fields) -> Option<&Index> {
        let slot = self.indexes.get(fields)?;
        Some(slot.get_or_init(|| {
            let mut index = Index::default();
            for (i, scope) in self.scopes.iter().enumerate() {
                let mut unkeyed = false;
                for imp in scope.imputations.values() {
                    let mut sets: Vec<Vec<&ExpectedCode>> = if imp.envelopes.is_empty() {
                        vec![imp.common.iter().collect()]
                    } else {
                        imp.envelopes
                            .iter()
                            .map(|e| e.codes.iter().chain(&imp.common).collect())
                            .collect()
                    };
                    // Délégants stating codes: a set with each one's.
                    let delegants = scope.parties.first().map_or(&[][..], Vec::as_slice);
                    if !delegants.is_empty() {
                        sets = sets
                            .iter()
                            .flat_map(|set| {
                                delegants
                                    .iter()
                                    .map(move |p| set.iter().copied().chain(&p.codes).collect())
                            })
                            .collect();
                    }
                    for set in sets {
                        // The set's most specific code among the fields.
                        let key = KEY_ORDER
                            .iter()
                            .filter(|f| fields & (1 << **f as usize) != 0)
                            .find_map(|f| set.iter().find(|c| c.0 == *f));
                        let Some((field, value, ..)) = key else {
                            unkeyed = true;
                            continue;
                        };
                        let slot = match index.keys.iter().position(|(f, _)| f == field) {
                            Some(p) => p,
                            None => {
                                index.keys.push((*field, FxHashMap::default()));
                                index.keys.len() - 1
                            }
                        };
                        if let Some((_, map)) = index.keys.get_mut(slot) {
                            let list = map.entry(value.clone()).or_default();
                            if !list.contains(&i) {
                                list.push(i);
                            }
                        }
                    }
                }
                if unkeyed {
                    index.unkeyed.push(i);
                }
            }
            index
        }))
    }

    pub fn route(&self, tx: &Transaction<'_>) -> Route {
        let fields: Fields = tx
            .codes
            .iter()
            .enumerate()
            .filter(|(_, c)| c.is_some())
            .fold(0, |m, (f, _)| m | (1 << f));
        let Some(index) = self.index(fields) else {
            return Route::None;
        };
        let holds = |i: &usize| self.scopes.get(*i).is_some_and(|s| s.holds_codes(tx));
        let mut found = index.keys.iter().filter_map(|(field, map)| {
            let value = tx.codes.get(*field as usize).copied().flatten()?;
            map.get(normalize(*field, value))
        });
        // The common case, without allocating: one key field, one
        // convention under the row's code, holding it.
        if index.unkeyed.is_empty() && index.keys.len() == 1 {
            let candidates = match found.next() {
                Some(list) => match list.as_slice() {
                    [one] if holds(one) => return Route::One(*one),
                    _ => list.clone(),
                },
                None => return Route::None,
            };
            return self.settled(candidates, tx);
        }
        let mut candidates: Vec<usize> = index.unkeyed.clone();
        candidates.extend(found.flatten());
        candidates.sort_unstable();
        candidates.dedup();
        self.settled(candidates, tx)
    }

    /// The candidates whose codes in force hold the row; when none, those
    /// whose codes of another version do; then narrowed.
    fn settled(&self, mut candidates: Vec<usize>, tx: &Transaction<'_>) -> Route {
        let scope = |i: &usize| self.scopes.get(*i);
        if candidates
            .iter()
            .any(|i| scope(i).is_some_and(|s| s.holds_codes(tx)))
        {
            candidates.retain(|i| scope(i).is_some_and(|s| s.holds_codes(tx)));
        } else {
            candidates.retain(|i| scope(i).is_some_and(|s| s.held_by_some_version(tx)));
        }
        self.narrowed(candidates, tx)
    }

    fn narrowed(&self, mut candidates: Vec<usize>, tx: &Transaction<'_>) -> Route {
        if candidates.len() > 1 {
            // A sub-delegation holds the row before its parent.
            let ancestors: Vec<usize> =
                candidates.iter().flat_map(|i| self.ancestors(*i)).collect();
            narrow(&mut candidates, |i| !ancestors.contains(&i));
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
