//! Evaluation: a stream of transactions against one convention.
//!
//! Row-local clauses (term, imputation, authorised markets) are checked as
//! each row arrives, in file order. Cumulative clauses (ceilings, schedule,
//! payments per commitment) need chronological order: each movement leaves
//! a 24-byte record in the day bucket of [`sort::Sorter`], which hands them
//! back by date, ties in file order, and [`ledger::Ledger`] runs the sums.
//! Memory grows with distinct commitments and days, never with rows.
//!
//! Invariant: `eval` reads no file; its only I/O is the buckets' spill to
//! an anonymous temporary file.

pub mod ledger;
pub mod route;
pub mod scope;
pub mod sort;
pub mod statement;

use rustc_hash::FxHashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::diag::{Code, Diagnostic};
use crate::i18n::{Message, Sep};
use crate::input::parse::{day_number, normalize_code, same};
use crate::input::{Accounting, Layout, Transaction};
use crate::language::model::{Budget, CodeField, Convention, Restriction, WaiverKey};
use crate::language::view::{Dated, EndCause, View};
use crate::msg;
use crate::span::Span;
use ledger::Ledger;
use scope::{EnvelopeCodes, ExpectedCode, Markets, Scope, count_differing, differing, normalize};
use sort::{Movement, NO_EJ, Sorter};
use std::sync::Arc;

/// The period a statement covers (`clausier report --du DATE --au DATE`):
/// rows dated after `until` are left out (counted, not checked); rows
/// before `from` are checked and summed, since the cumulative clauses need
/// them, but the statement's months and charts start at `from`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Adds `n` rows of export `source` to a list of counts by export.
/// Adds `n` to the count (or sum) of `key` in a short list of them: rows
/// by export, receipts by year. The last key is tried first: rows of one
/// export come together.
fn add_to<K: PartialEq, V: std::ops::AddAssign>(list: &mut Vec<(K, V)>, key: K, n: V) {
    match list.iter_mut().rev().find(|(k, _)| *k == key) {
        Some((_, total)) => *total += n,
        None => list.push((key, n)),
    }
}

/// Row counts and consumption of a run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// Data rows read: checked + rejected + skipped.
    pub rows_read: u64,
    pub rows_checked: u64,
    pub rows_rejected: u64,
    /// Subtotal rows and rows of a measure that is not consumption.
    pub rows_skipped: u64,
    /// How every line of every export was accounted for.
    pub files: Vec<Accounting>,
    /// Consumption of each budget against its ceiling.
    pub consumption: Vec<ledger::Consumption>,
    /// Consumption of each year and budget against the forecast schedule.
    pub schedule: Vec<ledger::YearConsumption>,
    /// Receipts collected per convention and year, when delegated.
    pub receipts: Vec<ledger::ReceiptYear>,
    /// Clauses that some export could not check, and why.
    #[serde(skip)]
    pub not_checked: Vec<Message>,
    /// Rows that no convention's scope holds (several conventions checked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows_unmatched: Option<u64>,
    /// Rows that several conventions' scopes hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows_ambiguous: Option<u64>,
    /// Rows consuming only budgets the convention does not delegate
    /// (`délégation CP`): read, counted here, not checked. Rows read =
    /// checked + out of scope + rejected + skipped.
    pub rows_out_of_scope: u64,
    /// Those rows by export: (export's source id, rows), for each file's
    /// accounting.
    #[serde(skip)]
    pub out_of_scope_by_source: Vec<(usize, u64)>,
    /// Rows dated after the statement's period (`report --au`): read,
    /// counted here, not checked.
    #[serde(skip_serializing_if = "is_zero")]
    pub rows_after_period: u64,
    /// Those rows by export, for each file's accounting.
    #[serde(skip)]
    pub after_period_by_source: Vec<(usize, u64)>,
    /// Movements after which their own commitment stood overpaid (CP above
    /// AE), counted over all commitments: how long the overruns lasted.
    pub overpaid_rows: u64,
    /// The consumption statement of each convention, for `clausier report`.
    #[serde(skip)]
    pub statements: Vec<statement::Statement>,
}

struct RowRules {
    /// The convention's scope, shared with the router.
    scope: Arc<Scope>,
    /// DP numbers named by waivers (normalized): rows carrying one keep
    /// their DP for the cumulative findings.
    waived_dps: Vec<Vec<u8>>,
    /// The budget titles and PCE accounts allowed, by version.
    natures: Dated<[Option<Restriction>; 2]>,
    /// Some version does not delegate both budgets: rows must be sorted
    /// into scope (settled once, not per row).
    partial: bool,
    /// The statement's period (`report --du/--au`); none for `check`.
    period: Period,
}

impl RowRules {
    fn new(view: &View<'_>) -> RowRules {
        RowRules {
            scope: Arc::new(Scope::new(view)),
            waived_dps: view
                .convention
                .waivers
                .iter()
                .filter(|w| w.key.value.0 == WaiverKey::Dp)
                .map(|w| normalize_code(w.key.value.1.as_bytes()).to_vec())
                .collect(),
            // No version restricting the nature: nothing to look up per row.
            natures: if view
                .versions()
                .all(|v| v.titles.is_none() && v.accounts.is_none())
            {
                Dated::default()
            } else {
                view.dated(|v| [v.titles.cloned(), v.accounts.cloned()])
            },
            partial: view.versions().any(|v| v.delegated != [true, true]),
            period: Period::default(),
        }
    }
}

impl RowRules {
    /// The budgets delegated on a date.
    fn delegated_on(&self, date: NaiveDate) -> [bool; 2] {
        self.scope
            .delegated
            .on(date)
            .copied()
            .unwrap_or([true, true])
    }
}

/// A number of 1 to 17 digits as one integer, its length included (`012`
/// and `12` differ); `None` for anything else.
fn numeric_key(number: &[u8]) -> Option<u64> {
    if number.is_empty() || number.len() > 17 {
        return None;
    }
    let mut value = 0u64;
    for b in number {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            return None;
        }
        value = value * 10 + u64::from(digit);
    }
    Some(value * 32 + number.len() as u64)
}

/// Adds the row's EJ and DP numbers to a finding, as figures, and its date.
fn with_keys(mut d: Diagnostic, tx: &Transaction<'_>) -> Diagnostic {
    d = d.dated(tx.date);
    for (name, value) in [("ej", tx.ej), ("dp", tx.dp)] {
        if let Some(v) = value {
            d = d.figure(name, tx.encoding.decode(v));
        }
    }
    d
}

/// Checks one convention against the rows of one or more exports.
///
/// Rows are checked by [`Shard`]s: a shard reads one stretch of rows (an
/// export, or a chunk of one read by another thread) with its own EJ
/// numbering and day buckets. Finished shards are handed back in file order;
/// [`Evaluator::finish`] numbers their EJs globally and replays their
/// movements by day, shard after shard within a day: file order.
pub struct Evaluator<'c> {
    convention: &'c Convention,
    view: View<'c>,
    rules: RowRules,
    shards: Vec<ShardParts>,
    summary: Summary,
}

/// The row-local checks over one stretch of rows.
pub struct Shard<'r> {
    convention: &'r Convention,
    rules: &'r RowRules,
    rows: u64,
    /// Rows consuming only budgets that are not delegated, by export.
    out_of_scope: Vec<(usize, u64)>,
    /// Rows dated after the statement's period, by export.
    after_period: Vec<(usize, u64)>,
    sorter: Sorter,
    ej_ids: FxHashMap<Box<[u8]>, u32>,
    /// Commitment numbers made of digits only, by [`numeric_key`]: most
    /// of them, interned without hashing bytes.
    ej_numbers: FxHashMap<u64, u32>,
    /// The last commitment interned, as written, and its id: rows of one EJ
    /// often follow each other.
    last_ej: (Vec<u8>, u32),
    ej_names: Vec<Box<[u8]>>,
    /// The supplier of each commitment's first row, by local EJ id.
    ej_suppliers: Vec<Option<String>>,
    /// (export, line, DP) of the rows whose DP a waiver names.
    dp_rows: Vec<(u32, u64, String)>,
    /// Commitments (as written) with AE dated while AE were not delegated:
    /// not judged on their payments.
    unjudged: Vec<Box<[u8]>>,
    /// The codes of the last row whose codes passed, as written: rows
    /// repeat them, and equal bytes under the same version pass alike.
    passed_codes: PassedCodes,
    /// AE and CP of each party stating codes (délégants, délégataires).
    party_sums: [Vec<[i128; 2]>; 2],
    /// Receipts collected, by calendar year.
    receipts: Vec<(i32, i128)>,
    /// Rows of sub-delegations counted toward this convention.
    counted: u64,
}

/// Codes that passed ([`Shard::check_imputation`]): the version in force,
/// their bytes from the first code column to the last, and the envelope
/// they gave. (A shard reads one export, so its layout is the same.)
#[derive(Default)]
struct PassedCodes {
    version: Option<usize>,
    bytes: Vec<u8>,
    envelope: u8,
}

/// What a finished shard leaves for the cumulative checks.
pub struct ShardParts {
    rows: u64,
    out_of_scope: Vec<(usize, u64)>,
    after_period: Vec<(usize, u64)>,
    sorter: Sorter,
    ej_names: Vec<Box<[u8]>>,
    ej_suppliers: Vec<Option<String>>,
    dp_rows: Vec<(u32, u64, String)>,
    unjudged: Vec<Box<[u8]>>,
    party_sums: [Vec<[i128; 2]>; 2],
    receipts: Vec<(i32, i128)>,
    counted: u64,
    /// Added to the line of every movement: the lines before the shard's
    /// chunk, when it was read without knowing them.
    line_offset: u64,
}

impl<'c> Evaluator<'c> {
    pub fn new(convention: &'c Convention) -> Evaluator<'c> {
        let view = View::new(convention);
        Evaluator {
            convention,
            rules: RowRules::new(&view),
            view,
            shards: Vec::new(),
            summary: Summary::default(),
        }
    }

    /// The convention's scope, for the router.
    pub fn scope(&self) -> Arc<Scope> {
        Arc::clone(&self.rules.scope)
    }

    /// The statement's period (`report --du/--au`): rows after it are left
    /// out and counted; the statement starts at its first day.
    pub fn with_period(mut self, period: Period) -> Self {
        self.rules.period = period;
        self
    }

    /// A shard for the next stretch of rows, with `budget` bytes of memory
    /// for its day buckets.
    pub fn shard(&self, budget: usize) -> Shard<'_> {
        Shard {
            convention: self.convention,
            rules: &self.rules,
            rows: 0,
            out_of_scope: Vec::new(),
            after_period: Vec::new(),
            sorter: Sorter::with_budget(budget),
            ej_ids: FxHashMap::default(),
            ej_numbers: FxHashMap::default(),
            last_ej: (Vec::new(), NO_EJ),
            ej_names: Vec::new(),
            ej_suppliers: Vec::new(),
            dp_rows: Vec::new(),
            unjudged: Vec::new(),
            passed_codes: PassedCodes::default(),
            party_sums: self
                .rules
                .scope
                .parties
                .each_ref()
                .map(|s| vec![[0; 2]; s.len()]),
            receipts: Vec::new(),
            counted: 0,
        }
    }

    /// Takes a finished shard back, in file order.
    pub fn add_shard(&mut self, parts: ShardParts) {
        self.shards.push(parts);
    }

    /// Notes an export's layout before its rows: which clauses it can
    /// check. Each clause it cannot (its column absent) is a
    /// `clause.unchecked` warning at the clause, and a line of the summary.
    pub fn begin_export(
        &mut self,
        name: &str,
        profile: &str,
        layout: &Layout,
        out: &mut dyn FnMut(Diagnostic),
    ) {
        let source = self.convention.source;
        // `clause` names the clause left unchecked, `column` the column it
        // needs, `what` the summary's line.
        let mut unchecked =
            |summary: &mut Summary, clause: Message, what: Message, span: Span, column: &str| {
                // The column in words in sentences, by its name where the
                // user writes it (a profile's key).
                let words = || msg!("column-words", column = column);
                out(Diagnostic::new(
                    Code::ClauseUnchecked,
                    msg!(
                        "clause-unchecked",
                        clause = clause,
                        file = name,
                        words = words()
                    ),
                )
                .at_clause(
                    source,
                    span,
                    msg!("clause-unchecked-label", words = words()),
                )
                .help(msg!(
                    "clause-unchecked-help",
                    column = column,
                    words = words(),
                    profile = profile
                )));
                summary.not_checked.push(what);
            };
        // Every field some version checks, common or an envelope's, with
        // the first clause that states it.
        let mut fields: Vec<(CodeField, Span)> = Vec::new();
        for imp in self.rules.scope.imputations.values() {
            let envelope_codes = imp.envelopes.iter().flat_map(|e| &e.codes);
            for code in imp.common.iter().chain(envelope_codes) {
                if !fields.iter().any(|(f, _)| *f == code.0) {
                    fields.push((code.0, code.3));
                }
            }
        }
        for code in self
            .rules
            .scope
            .parties
            .iter()
            .flatten()
            .flat_map(|p| &p.codes)
        {
            if !fields.iter().any(|(f, _)| *f == code.0) {
                fields.push((code.0, code.3));
            }
        }
        fields.sort_by_key(|(f, _)| *f);
        for (field, span) in fields {
            if layout.code(field).is_none() {
                let what = msg!(
                    "unchecked-imputation",
                    field = field.name(),
                    file = name,
                    profile = profile
                );
                let clause = msg!("clause-imputation", field = field.name());
                unchecked(&mut self.summary, clause, what, span, field.name());
            }
        }
        // Envelopes told apart only by absent columns: their rows belong
        // to none of them.
        for imp in self.rules.scope.imputations.values() {
            for (i, a) in imp.envelopes.iter().enumerate() {
                for b in imp.envelopes.iter().skip(i + 1) {
                    let apart = a.codes.iter().any(|ca| {
                        layout.code(ca.0).is_some()
                            && b.codes.iter().any(|cb| cb.0 == ca.0 && cb.1 != ca.1)
                    });
                    let note = msg!(
                        "unchecked-envelopes",
                        first = &a.name,
                        second = &b.name,
                        file = name
                    );
                    if !apart && !self.summary.not_checked.contains(&note) {
                        self.summary.not_checked.push(note);
                    }
                }
            }
        }
        let (suppliers, contracts) = (
            self.rules.scope.names_suppliers,
            self.rules.scope.names_contracts,
        );
        let has_parties = suppliers || contracts;
        let checkable =
            (suppliers && layout.supplier.is_some()) || (contracts && layout.contract.is_some());
        let market_span = self
            .rules
            .scope
            .markets
            .values()
            .find_map(|(_, m)| m.clauses.first().map(|(span, _)| *span));
        if let (true, false, Some(span)) = (has_parties, checkable, market_span) {
            let what = msg!("unchecked-markets", file = name);
            let column = if suppliers { "fournisseur" } else { "marche" };
            let clause = Message::new("clause-markets");
            unchecked(&mut self.summary, clause, what, span, column);
        }
        for (k, (keyword, column)) in [("titre", layout.title), ("compte", layout.account)]
            .into_iter()
            .enumerate()
        {
            let rule = self
                .rules
                .natures
                .values()
                .find_map(|n| n.get(k).and_then(Option::as_ref));
            if let (Some(rule), None) = (rule, column) {
                let what = msg!(
                    "unchecked-nature",
                    keyword = keyword,
                    file = name,
                    profile = profile
                );
                let clause = msg!("clause-nature", keyword = keyword);
                unchecked(&mut self.summary, clause, what, rule.span, keyword);
            }
        }
        // A UO stated apart from a differing centre financier is not
        // compared (lint says `imputation.inconsistent`); one equal to it,
        // or standing for it, is.
        if let (Some(uo), Some(cf)) = (
            &self.convention.uo,
            &self.convention.imputation.centre_financier,
        ) && normalize_code(uo.value.as_bytes()) != normalize_code(cf.value.as_bytes())
        {
            self.summary
                .not_checked
                .push(msg!("unchecked-uo", uo = &uo.value, cf = &cf.value));
        }
        if self.rules.scope.delegated.values().all(|d| !d[0]) {
            self.summary
                .not_checked
                .push(msg!("unchecked-commitments-cp-only", file = name));
        } else if layout.ej.is_none() {
            let what = msg!("unchecked-commitments", file = name);
            let span = self.convention.title.span;
            let clause = Message::new("clause-commitments");
            unchecked(&mut self.summary, clause, what, span, "n_ej");
        }
    }

    /// Whether any shard received a row.
    pub fn received_rows(&self) -> bool {
        self.shards.iter().any(|s| s.rows + s.counted > 0)
    }
}

impl Shard<'_> {
    /// Checks one row's own clauses and queues it for the cumulative ones.
    pub fn row(
        &mut self,
        tx: &Transaction<'_>,
        layout: &Layout,
        out: &mut dyn FnMut(Diagnostic),
    ) -> std::io::Result<()> {
        self.rows += 1;
        // A row after the statement's period is left out: counted, never
        // checked.
        if let Some(until) = self.rules.period.until
            && tx.date > until
        {
            add_to(&mut self.after_period, tx.pos.source, 1);
            return Ok(());
        }
        // A row of budgets the délégant keeps is out of the convention's
        // scope: counted, never checked.
        let delegated = if self.rules.partial {
            self.rules.delegated_on(tx.date)
        } else {
            [true, true]
        };
        // "A commitment is judged … only when every one of its AE rows is
        // dated while AE are delegated."
        if let (false, Some(ej)) = (delegated[0], tx.ej)
            && tx.movements().any(|m| m.budget == Budget::AE)
            && self.unjudged.last().is_none_or(|last| !same(last, ej))
        {
            self.unjudged.push(ej.into());
        }
        // A receipt (titre de perception): its own clauses when receipts
        // are delegated on its date, else out of scope; never AE or CP.
        if let Some(receipt) = tx.receipt {
            if !self
                .rules
                .scope
                .receipts
                .on(tx.date)
                .copied()
                .unwrap_or(false)
            {
                add_to(&mut self.out_of_scope, tx.pos.source, 1);
                return Ok(());
            }
            let keyed = &mut |d: Diagnostic| out(with_keys(d, tx));
            self.check_term(tx, keyed);
            self.check_imputation(tx, layout, keyed);
            self.check_parties(tx, layout, keyed);
            self.check_receipt_account(tx, layout, keyed);
            add_to(
                &mut self.receipts,
                tx.date.year(),
                i128::from(receipt.amount),
            );
            return Ok(());
        }
        let spends =
            |m: &crate::input::Movement| delegated.get(m.budget.index()).copied().unwrap_or(true);
        if !tx.movements().any(spends) {
            add_to(&mut self.out_of_scope, tx.pos.source, 1);
            return Ok(());
        }
        // Findings carry the row's EJ and DP numbers, which waivers name.
        let keyed = &mut |d: Diagnostic| out(with_keys(d, tx));
        self.check_term(tx, keyed);
        let envelope = self.check_imputation(tx, layout, keyed);
        let parties = self.check_parties(tx, layout, keyed);
        // Each party's share: the movements of budgets delegated on the
        // row's date, AE carried from an earlier year left out.
        for (side, k) in parties.iter().enumerate() {
            let Some(sums) = k.and_then(|k| self.party_sums.get_mut(side)?.get_mut(k)) else {
                continue;
            };
            for m in tx.movements().filter(|m| !m.carried && spends(m)) {
                if let Some(sum) = sums.get_mut(m.budget.index()) {
                    *sum += i128::from(m.amount);
                }
            }
        }
        self.check_market(tx, layout, keyed);
        self.check_nature(tx, layout, keyed);
        self.note_waived_dp(tx);
        let ej = tx.ej.map_or(NO_EJ, |ej| self.intern(ej));
        if let Some(slot) = self.ej_suppliers.get_mut(ej as usize)
            && slot.is_none()
        {
            *slot = tx
                .supplier
                .map(|s| {
                    tx.encoding
                        .decode(crate::input::parse::normalize_code(s))
                        .into_owned()
                })
                .filter(|s| !s.is_empty());
        }
        for m in tx.movements().filter(|m| spends(m)) {
            // A carry-over stands at the start of its year.
            let date = if m.carried {
                NaiveDate::from_ymd_opt(tx.date.year(), 1, 1).unwrap_or(tx.date)
            } else {
                tx.date
            };
            self.sorter.push(Movement {
                day: day_number(date),
                carried: m.carried,
                source: u32::try_from(tx.pos.source).unwrap_or(u32::MAX),
                line: tx.pos.line,
                byte: tx.pos.byte,
                amount: m.amount,
                ej,
                budget: m.budget,
                column: u16::try_from(m.column).unwrap_or(u16::MAX),
                envelope,
            })?;
        }
        Ok(())
    }

    /// A row of a sub-delegation of this convention (`cadre`): its
    /// movements count toward this convention's ceilings and schedule
    /// (overall, no envelope), not checked here (the child judges it), nor
    /// held against this convention's commitments.
    pub fn count_only(&mut self, tx: &Transaction<'_>) -> std::io::Result<()> {
        if self.rules.period.until.is_some_and(|until| tx.date > until) {
            return Ok(());
        }
        self.counted += 1;
        // A waiver of this convention by DP covers the row's findings here.
        self.note_waived_dp(tx);
        let delegated = self.rules.delegated_on(tx.date);
        let spends = |m: &crate::input::Movement| {
            !m.carried && delegated.get(m.budget.index()).copied().unwrap_or(true)
        };
        for m in tx.movements().filter(|m| spends(m)) {
            self.sorter.push(Movement {
                day: day_number(tx.date),
                carried: false,
                source: u32::try_from(tx.pos.source).unwrap_or(u32::MAX),
                line: tx.pos.line,
                byte: tx.pos.byte,
                amount: m.amount,
                ej: NO_EJ,
                budget: m.budget,
                column: u16::try_from(m.column).unwrap_or(u16::MAX),
                envelope: 0,
            })?;
        }
        Ok(())
    }

    /// Keeps the DP of a row that a waiver names, for the cumulative
    /// findings on it.
    fn note_waived_dp(&mut self, tx: &Transaction<'_>) {
        if let Some(dp) = tx.dp.filter(|_| !self.rules.waived_dps.is_empty()) {
            let dp = normalize_code(dp);
            if self.rules.waived_dps.iter().any(|w| same(w, dp)) {
                let source = u32::try_from(tx.pos.source).unwrap_or(u32::MAX);
                let shown = tx.encoding.decode(dp).into_owned();
                self.dp_rows.push((source, tx.pos.line, shown));
            }
        }
    }

    /// The title of the shard's convention.
    pub fn convention_title(&self) -> &str {
        &self.convention.title.value
    }

    /// Ends the shard; `line_offset` is added to its movements' lines.
    pub fn into_parts(self, line_offset: u64) -> ShardParts {
        ShardParts {
            rows: self.rows,
            party_sums: self.party_sums,
            receipts: self.receipts,
            counted: self.counted,
            out_of_scope: self.out_of_scope,
            after_period: self.after_period,
            sorter: self.sorter,
            ej_names: self.ej_names,
            ej_suppliers: self.ej_suppliers,
            dp_rows: self.dp_rows,
            unjudged: self.unjudged,
            line_offset,
        }
    }

    fn intern(&mut self, ej: &[u8]) -> u32 {
        if self.last_ej.1 != NO_EJ && same(&self.last_ej.0, ej) {
            return self.last_ej.1;
        }
        let id = match numeric_key(ej) {
            Some(key) => match self.ej_numbers.get(&key) {
                Some(id) => *id,
                None => {
                    let id = self.new_ej(ej);
                    self.ej_numbers.insert(key, id);
                    id
                }
            },
            None => match self.ej_ids.get(ej) {
                Some(id) => *id,
                None => {
                    let id = self.new_ej(ej);
                    self.ej_ids.insert(ej.into(), id);
                    id
                }
            },
        };
        self.last_ej.0.clear();
        self.last_ej.0.extend_from_slice(ej);
        self.last_ej.1 = id;
        id
    }

    fn new_ej(&mut self, ej: &[u8]) -> u32 {
        let id = u32::try_from(self.ej_names.len()).unwrap_or(NO_EJ);
        self.ej_names.push(ej.into());
        self.ej_suppliers.push(None);
        id
    }

    fn check_term(&self, tx: &Transaction<'_>, out: &mut dyn FnMut(Diagnostic)) {
        let row = |label: Message| tx.pos.to_ref(vec![tx.date_column], label);
        if let Some((start, span)) = self.rules.scope.start.filter(|(s, _)| tx.date < *s) {
            out(Diagnostic::new(
                Code::TermBeforeStart,
                msg!("term-before-start", budgets = tx.budgets())
                    .date("date", tx.date)
                    .date("start", start),
            )
            .at_row(row(
                Message::new("row-days-before-term").count("days", (start - tx.date).num_days())
            ))
            .at_clause(
                self.convention.source,
                span,
                Message::new("term-takes-effect-label").date("start", start),
            )
            .help(Message::new("term-before-start-help"))
            .figure("date", tx.date)
            .figure("start", start));
        }
        if let Some(end) = self.rules.scope.end.as_ref().filter(|e| tx.date > e.date) {
            let days = (tx.date - end.date).num_days();
            let d = if end.terminated() {
                Diagnostic::new(
                    Code::TermAfterTermination,
                    msg!(
                        "term-after-termination",
                        budgets = tx.budgets(),
                        cause = end.cause.message()
                    )
                    .date("date", tx.date)
                    .date("end", end.date),
                )
                .at_row(row(
                    Message::new("row-days-after-termination").count("days", days)
                ))
                .at_clause(
                    self.convention.source,
                    end.span,
                    Message::new("term-terminated-label").date("end", end.date),
                )
                .help(Message::new("term-after-termination-help"))
            } else {
                Diagnostic::new(
                    Code::TermAfterEnd,
                    msg!(
                        "term-after-end",
                        budgets = tx.budgets(),
                        renewal =
                            end.renewal_stopped
                                .map_or(Message::plain(""), |(given, deadline)| {
                                    Message::new("term-not-renewed")
                                        .date("given", given)
                                        .date("deadline", deadline)
                                })
                    )
                    .date("date", tx.date)
                    .date("end", end.date),
                )
                .at_row(row(Message::new("row-days-after-term").count("days", days)))
                .at_clause(
                    self.convention.source,
                    end.span,
                    match end.cause {
                        EndCause::Term => Message::new("term-ends-label").date("end", end.date),
                        cause => msg!("term-ends-by-label", cause = cause.message())
                            .date("end", end.date),
                    },
                )
                .help(Message::new("term-after-end-help"))
            };
            out(d.figure("date", tx.date).figure("end", end.date));
        }
    }

    /// The row's codes against those in force on its date; returns the
    /// envelope the row belongs to (its place plus one; 0 for none).
    fn check_imputation(
        &mut self,
        tx: &Transaction<'_>,
        layout: &Layout,
        out: &mut dyn FnMut(Diagnostic),
    ) -> u8 {
        let Some((version, imp)) = self.rules.scope.imputations.step_on(tx.date) else {
            return 0;
        };
        let passed = &mut self.passed_codes;
        if let Some(raw) = tx.codes_raw
            && passed.version == Some(version)
            && same(raw, &passed.bytes)
        {
            return passed.envelope;
        }
        let common = differing(&imp.common, tx);
        // The envelope whose codes the row carries; when none, the nearest
        // (fewest fields differing, the first stated on a tie).
        let mut envelope = 0;
        // Counted without allocating: most rows match one envelope.
        let mut nearest: Option<(&EnvelopeCodes, usize)> = None;
        let (mut matched, mut first_match) = (0, 0);
        for e in &imp.envelopes {
            match count_differing(&e.codes, tx) {
                0 => {
                    matched += 1;
                    first_match = e.index;
                }
                n if nearest.is_none_or(|(_, best)| n < best) => nearest = Some((e, n)),
                _ => {}
            }
        }
        // Several matches: told apart only by absent columns (listed as not
        // checked), the row counts in none of them. Beyond the envelopes a
        // movement can name (a lint error), it counts overall only.
        if matched == 1 && first_match < sort::MAX_ENVELOPES {
            envelope = u8::try_from(first_match + 1).unwrap_or(0);
        }
        let nearest = nearest
            .filter(|_| matched == 0)
            .map(|(e, _)| (e, differing(&e.codes, tx)));
        if common.is_empty() && nearest.is_none() {
            if let Some(raw) = tx.codes_raw {
                passed.version = Some(version);
                passed.bytes.clear();
                passed.bytes.extend_from_slice(raw);
                passed.envelope = envelope;
            }
            return envelope;
        }
        // A code another version states: the amendment that changed it.
        let changed: Vec<(Span, Message)> = common
            .iter()
            .filter_map(|(field, value, _)| {
                self.rules
                    .scope
                    .other_version_stating(version, *field, value)
            })
            .collect();
        let mut columns = Vec::new();
        let mut clauses = Vec::new();
        let mut describe = |diff: &[(CodeField, &[u8], &ExpectedCode)], envelope: Option<&str>| {
            let mut parts = Vec::new();
            for (field, value, (_, _, written, span, _)) in diff {
                parts.push(code_instead_of(*field, value, written, tx));
                columns.extend(layout.code(*field));
                clauses.push((
                    *span,
                    match envelope {
                        None => msg!("code-expected-label", written = written.as_str()),
                        Some(name) => msg!(
                            "code-envelope-expects-label",
                            name = name,
                            written = written.as_str()
                        ),
                    },
                ));
            }
            parts
        };
        let mut message = Vec::new();
        if !common.is_empty() {
            message.push(Message::new("imputation-differs").list(
                "parts",
                describe(&common, None),
                Sep::Comma,
            ));
        }
        let mut help = Message::new("imputation-mismatch-help");
        let mut d = Diagnostic::new(Code::ImputationMismatch, Message::plain(""));
        if let Some((e, diff)) = &nearest {
            let parts = describe(diff, Some(&e.name));
            message.push(
                msg!("imputation-no-envelope", name = &e.name)
                    .count("common", common.len())
                    .list("parts", parts, Sep::Comma),
            );
            help = Message::new("imputation-mismatch-envelope-help");
            d = d.figure("envelope", &e.name);
        }
        let source = self.convention.source;
        clauses.extend(changed);
        for (k, (span, label)) in clauses.into_iter().enumerate() {
            d = if k == 0 {
                d.at_clause(source, span, label)
            } else {
                d.related(source, span, label)
            };
        }
        d.message = Message::new("joined").list("items", message, Sep::Semicolon);
        out(d
            .at_row(tx.pos.to_ref(columns, Message::new("row-differs")))
            .help(help));
        envelope
    }

    /// A receipt is on an account of class 7 (produits, in the PCE): a
    /// row of another class, or of none, is `nature.excluded`. (`titre`
    /// clauses concern spending: receipts have no budget title.)
    fn check_receipt_account(
        &self,
        tx: &Transaction<'_>,
        layout: &Layout,
        out: &mut dyn FnMut(Diagnostic),
    ) {
        let Some(value) = tx.account else {
            return;
        };
        let written = tx.encoding.decode(value);
        let account = Nature::Account.read(&written);
        if account.as_deref().is_some_and(|a| a.starts_with('7')) {
            return;
        }
        let message = match account {
            Some(a) => msg!("receipt-account", account = a.as_str()),
            None if normalize_code(value).is_empty() => Message::new("receipt-no-account"),
            None => msg!("receipt-account", account = written.as_ref()),
        };
        out(Diagnostic::new(Code::NatureExcluded, message)
            .at_row(tx.pos.to_ref(
                layout.account.into_iter().collect(),
                Message::new("receipt-account-label"),
            ))
            .by_law(self.convention.source, Message::new("receipt-account-law"))
            .help(Message::new("receipt-account-help")));
    }

    /// The row against the parties stating codes: it carries those of one
    /// délégant (when some state codes) and of one délégataire (likewise);
    /// else `party.outside`, naming the nearest party of that side (fewest
    /// fields differing, the first stated on a tie) and what differs.
    /// Returns, for each side, the party whose codes the row carries (the
    /// first stated when several do).
    fn check_parties(
        &self,
        tx: &Transaction<'_>,
        layout: &Layout,
        out: &mut dyn FnMut(Diagnostic),
    ) -> [Option<usize>; 2] {
        let mut matched = [None, None];
        for (side, parties) in self.rules.scope.parties.iter().enumerate() {
            if parties.is_empty() {
                continue;
            }
            if let Some(k) = parties
                .iter()
                .position(|p| count_differing(&p.codes, tx) == 0)
            {
                if let Some(slot) = matched.get_mut(side) {
                    *slot = Some(k);
                }
                continue;
            }
            let Some(nearest) = parties.iter().min_by_key(|p| count_differing(&p.codes, tx)) else {
                continue;
            };
            let diff = differing(&nearest.codes, tx);
            let mut columns = Vec::new();
            let parts: Vec<Message> = diff
                .iter()
                .map(|(field, value, (_, _, written, _, _))| {
                    columns.extend(layout.code(*field));
                    code_instead_of(*field, value, written, tx)
                })
                .collect();
            let side = if side == 0 {
                "party-side-delegant"
            } else {
                "party-side-delegataire"
            };
            let source = self.convention.source;
            let mut d = Diagnostic::new(
                Code::PartyOutside,
                msg!(
                    "party-outside",
                    side = Message::new(side),
                    party = nearest.label.as_str()
                )
                .count("parties", parties.len())
                .list("parts", parts, Sep::Comma),
            )
            .at_row(tx.pos.to_ref(columns, Message::new("row-differs")))
            .figure("party", &nearest.label)
            .help(Message::new("party-outside-help"));
            for (k, (_, _, (_, _, written, span, _))) in diff.iter().enumerate() {
                let label = msg!(
                    "party-expects-label",
                    party = nearest.label.as_str(),
                    written = written.as_str()
                );
                d = if k == 0 {
                    d.at_clause(source, *span, label)
                } else {
                    d.related(source, *span, label)
                };
            }
            out(d);
        }
        matched
    }

    /// The row's budget title and PCE account against those the version
    /// in force on its date allows.
    fn check_nature(&self, tx: &Transaction<'_>, layout: &Layout, out: &mut dyn FnMut(Diagnostic)) {
        let Some([titles, accounts]) = self.rules.natures.on(tx.date) else {
            return;
        };
        let checks = [
            (titles, tx.title, layout.title, Nature::Title),
            (accounts, tx.account, layout.account, Nature::Account),
        ];
        for (rule, value, column, nature) in checks {
            let (Some(rule), Some(value)) = (rule, value) else {
                continue;
            };
            let written = tx.encoding.decode(value);
            let read = nature.read(&written);
            if read
                .as_deref()
                .is_some_and(|v| rule.allows(|stated| nature.matches(v, stated)))
            {
                continue;
            }
            let (what, keyword) = nature.names();
            let stated: Vec<&str> = rule.values.iter().map(|v| v.value.as_str()).collect();
            // The clause as the rule file writes it: French keywords.
            let clause = format!(
                "{keyword} {}{}",
                if rule.excluded { "hors " } else { "" },
                stated.join(" et ")
            );
            let message = match &read {
                None if normalize_code(value).is_empty() => msg!("nature-none", clause = &clause),
                None => msg!(
                    "nature-not-one",
                    written = written.as_ref(),
                    clause = &clause
                ),
                Some(v) if rule.excluded => msg!("nature-excluded", value = v, clause = &clause),
                Some(v) => msg!("nature-not-authorised", value = v, clause = &clause),
            }
            .arg("what", Message::new(what))
            .arg("the", Message::new(nature.the()));
            let label = if rule.excluded {
                msg!("nature-excluded-label", clause = &clause)
            } else {
                msg!("nature-authorised-label", clause = &clause)
            };
            let mut d = Diagnostic::new(Code::NatureExcluded, message)
                .at_row(tx.pos.to_ref(
                    column.into_iter().collect(),
                    msg!("row-nature", what = Message::new(what)),
                ))
                .at_clause(self.convention.source, rule.span, label)
                .help(Message::new("nature-excluded-help"));
            if let Some(v) = read {
                d = d.figure(keyword, v);
            }
            out(d);
        }
    }

    /// The supplier and contract of a row against the markets in force on
    /// its date: each must be authorised, and a contract whose market
    /// states its holder must be paid to that holder. When no version in
    /// force names a market, nothing is restricted yet.
    fn check_market(&self, tx: &Transaction<'_>, layout: &Layout, out: &mut dyn FnMut(Diagnostic)) {
        let Some((_, markets)) = self.rules.scope.markets.on(tx.date) else {
            return;
        };
        if markets.is_empty() {
            return;
        }
        // Most rows pass: tested before anything is built for a finding.
        let passes = |value: Option<&[u8]>, allowed: &[Vec<u8>]| {
            value.filter(|_| !allowed.is_empty()).is_none_or(|value| {
                (self.rules.scope.markets_stable && allowed.iter().any(|a| same(value, a)))
                    || allowed.iter().any(|a| same(a, normalize_code(value)))
            })
        };
        if passes(tx.supplier, &markets.suppliers) && passes(tx.contract, &markets.contracts) {
            if let (Some(supplier), Some(contract)) = (tx.supplier, tx.contract)
                && let Some(k) = markets.pair_broken(supplier, contract)
            {
                self.report_pair(tx, layout, markets, k, out);
            }
            return;
        }
        self.report_market(tx, layout, markets, out);
    }

    /// The finding of a row paid on a contract to another supplier than
    /// the holder of the contract's market.
    #[cold]
    fn report_pair(
        &self,
        tx: &Transaction<'_>,
        layout: &Layout,
        markets: &Markets,
        market: usize,
        out: &mut dyn FnMut(Diagnostic),
    ) {
        let (Some(supplier), Some(contract)) = (tx.supplier, tx.contract) else {
            return;
        };
        let Some((span, label)) = markets.clauses.get(market) else {
            return;
        };
        let columns = [layout.supplier, layout.contract]
            .into_iter()
            .flatten()
            .collect();
        let d = Diagnostic::new(
            Code::MarketUnknown,
            msg!(
                "market-pair",
                contract = tx.encoding.decode(contract).as_ref(),
                supplier = tx.encoding.decode(supplier).as_ref(),
                market = label.as_str()
            ),
        )
        .at_row(tx.pos.to_ref(columns, Message::new("row-pair-label")))
        .at_clause(
            self.convention.source,
            *span,
            msg!("market-pair-label", market = label.as_str()),
        )
        .help(Message::new("market-pair-help"));
        out(d);
    }

    /// The finding of a row whose supplier or contract a version in force
    /// does not authorise.
    #[cold]
    fn report_market(
        &self,
        tx: &Transaction<'_>,
        layout: &Layout,
        markets: &Markets,
        out: &mut dyn FnMut(Diagnostic),
    ) {
        let mut columns = Vec::new();
        let mut parts = Vec::new();
        let mut later = Vec::new();
        // The fields the row leaves empty: said apart, and not underlined
        // (an empty field has no width to underline).
        let mut missing = Vec::new();
        let checks = [
            (
                tx.supplier,
                &markets.suppliers,
                layout.supplier,
                "market-supplier",
                0,
            ),
            (
                tx.contract,
                &markets.contracts,
                layout.contract,
                "market-contract",
                1,
            ),
        ];
        // Words are built only for a row to report: this runs on every row.
        for (value, allowed, column, what, kind) in checks {
            let Some(value) = value.filter(|_| !allowed.is_empty()) else {
                continue;
            };
            if self.rules.scope.markets_stable && allowed.iter().any(|a| same(value, a)) {
                continue;
            }
            let normalized = normalize_code(value);
            if allowed.iter().any(|a| same(a, normalized)) {
                continue;
            }
            let what = Message::new(what);
            if normalized.is_empty() {
                missing.push(what);
                continue;
            }
            columns.extend(column);
            parts.push(msg!(
                "market-named",
                what = what.clone(),
                value = tx.encoding.decode(value).as_ref()
            ));
            // When a later version authorises it, say from when.
            let since = self.rules.scope.markets.steps().find(|(from, (_, m))| {
                from.is_some_and(|f| f > tx.date)
                    && [&m.suppliers, &m.contracts]
                        .get(kind)
                        .is_some_and(|list| list.iter().any(|a| same(a, normalized)))
            });
            if let Some((Some(from), (number, _))) = since {
                let by = number.map_or(Message::plain(""), |n| {
                    msg!("market-by-amendment", number = n.to_string())
                });
                later.push(
                    msg!(
                        "market-authorised-from",
                        what = what,
                        value = tx.encoding.decode(value).as_ref(),
                        by = by
                    )
                    .date("from", from),
                );
            }
        }
        let missing = match missing.as_slice() {
            [] => None,
            [what] => Some(msg!("market-none", what = what.clone())),
            _ => Some(Message::new("market-neither")),
        };
        let count = parts.len();
        let message = match (count, missing) {
            (0, None) => return,
            (0, Some(missing)) => msg!("market-none-named-only", missing = missing),
            (_, missing) => {
                let named = Message::new("market-not-authorised")
                    .list("parts", parts, Sep::And)
                    .count("count", count)
                    .date("date", tx.date);
                match missing {
                    Some(missing) => msg!("market-and-none", message = named, missing = missing),
                    None => named,
                }
            }
        };
        let message = if later.is_empty() {
            message
        } else {
            msg!("market-later", message = message).list("later", later, Sep::Semicolon)
        };
        let mut d = Diagnostic::new(Code::MarketUnknown, message)
            .at_row(tx.pos.to_ref(columns, Message::new("row-not-authorised")))
            .help(Message::new("market-unknown-help"));
        for (k, (span, label)) in markets.clauses.iter().enumerate() {
            let label = msg!("market-authorised-label", market = label.as_str());
            d = if k == 0 {
                d.at_clause(self.convention.source, *span, label)
            } else {
                d.related(self.convention.source, *span, label)
            };
        }
        out(d);
    }
}

/// `centre financier `0124-CDAF-AUTR` instead of `0124-CDAF-CDSI``: a
/// row's code that differs from the one a clause states (`empty` for none).
fn code_instead_of(field: CodeField, value: &[u8], written: &str, tx: &Transaction<'_>) -> Message {
    let shown = if normalize(field, value).is_empty() {
        Message::new("code-empty")
    } else {
        Message::plain(format!("`{}`", tx.encoding.decode(value)))
    };
    msg!(
        "code-instead-of",
        field = field.label(),
        shown = shown,
        written = written
    )
}

/// What a restriction of the nature of expenses reads in a row.
#[derive(Clone, Copy)]
enum Nature {
    /// The budget title: `3`, `03`, `T3`, `Titre 3`.
    Title,
    /// The PCE account: `6522800000`, `PCE/6522800000`.
    Account,
}

impl Nature {
    /// The row's value as the convention states them, if it reads as one.
    fn read(self, written: &str) -> Option<String> {
        match self {
            Nature::Title => crate::input::parse::budget_title(written),
            Nature::Account => crate::input::parse::pce_account(written),
        }
    }

    /// Whether a value read from a row is one a clause states: the same
    /// title, or an account under a stated prefix.
    fn matches(self, value: &str, stated: &str) -> bool {
        match self {
            Nature::Title => value == stated,
            Nature::Account => value.starts_with(stated),
        }
    }

    /// What it is called at the head of a sentence, with its article
    /// (`le titre budgétaire`).
    fn the(self) -> &'static str {
        match self {
            Nature::Title => "nature-the-title",
            Nature::Account => "nature-the-account",
        }
    }

    /// What it is called in messages, and the clause's keyword.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Nature::Title => ("nature-title", "titre"),
            Nature::Account => ("nature-account", "compte"),
        }
    }
}

impl Evaluator<'_> {
    /// Runs the cumulative checks over every queued row, in chronological
    /// order, and returns the summary.
    /// `name` is the rule file's, to label the consumption.
    pub fn finish(self, name: &str, out: &mut dyn FnMut(Diagnostic)) -> std::io::Result<Summary> {
        let mut summary = self.summary;
        // Global EJ numbers, in order of first appearance in file order.
        let mut ids: FxHashMap<Box<[u8]>, u32> = FxHashMap::default();
        let mut names: Vec<Box<[u8]>> = Vec::new();
        let mut suppliers: Vec<Option<String>> = Vec::new();
        let mut maps = Vec::with_capacity(self.shards.len());
        let mut sorters = Vec::with_capacity(self.shards.len());
        let mut offsets = Vec::with_capacity(self.shards.len());
        let mut dps = ledger::DpRows::default();
        let mut unjudged: FxHashMap<Box<[u8]>, ()> = FxHashMap::default();
        let mut party_sums = self
            .rules
            .scope
            .parties
            .each_ref()
            .map(|s| vec![[0i128; 2]; s.len()]);
        let mut receipts: Vec<(i32, i128)> = Vec::new();
        for shard in self.shards {
            for (year, sum) in &shard.receipts {
                add_to(&mut receipts, *year, *sum);
            }
            for (all, mine) in party_sums.iter_mut().zip(&shard.party_sums) {
                for (sums, add) in all.iter_mut().zip(mine) {
                    for (sum, add) in sums.iter_mut().zip(add) {
                        *sum += add;
                    }
                }
            }
            unjudged.extend(shard.unjudged.into_iter().map(|ej| (ej, ())));
            for (source, n) in shard.out_of_scope {
                summary.rows_out_of_scope += n;
                add_to(&mut summary.out_of_scope_by_source, source, n);
            }
            for (source, n) in shard.after_period {
                summary.rows_after_period += n;
                add_to(&mut summary.after_period_by_source, source, n);
            }
            for (source, line, dp) in shard.dp_rows {
                dps.insert((source, line + shard.line_offset), dp);
            }
            let map: Vec<u32> = shard
                .ej_names
                .into_iter()
                .zip(shard.ej_suppliers)
                .map(|(name, supplier)| {
                    let next = u32::try_from(names.len()).unwrap_or(NO_EJ);
                    let id = *ids.entry(name.clone()).or_insert_with(|| {
                        names.push(name);
                        suppliers.push(None);
                        next
                    });
                    if let Some(slot) = suppliers.get_mut(id as usize).filter(|s| s.is_none()) {
                        *slot = supplier;
                    }
                    id
                })
                .collect();
            maps.push(map);
            sorters.push(shard.sorter);
            offsets.push(shard.line_offset);
        }
        drop(ids);
        let judged: Vec<bool> = names.iter().map(|n| !unjudged.contains_key(n)).collect();
        let not_judged = judged.iter().filter(|j| !**j).count();
        // Without any version delegating AE, no commitment is judged at
        // all, which the summary says once (`unchecked-commitments-cp-only`).
        let some_ae = self.rules.scope.delegated.values().any(|d| d[0]);
        if not_judged > 0 && some_ae {
            summary.not_checked.push(
                Message::new("unchecked-commitments-partly-delegated").count("count", not_judged),
            );
        }
        let mut ledger = Ledger::new(&self.view, &names, judged, &dps);
        // A shard's movement in the run's numbering of lines and EJs.
        let global = move |shard: usize, m: &sort::Movement| {
            let mut m = *m;
            m.line += offsets.get(shard).copied().unwrap_or(0);
            if m.ej != NO_EJ {
                m.ej = maps
                    .get(shard)
                    .and_then(|map| map.get(m.ej as usize))
                    .copied()
                    .unwrap_or(NO_EJ);
            }
            m
        };
        sort::drain_in_order(sorters, |d| match d {
            sort::Drained::Day(day, sums) => ledger.begin(day, &sums),
            sort::Drained::Movement(shard, m) => ledger.apply(&global(shard, m), out),
        })?;
        let period = self.rules.period;
        let (mut consumption, schedule) = ledger.consumption(name, period.until);
        // Each party's share, after the ledger's figures: no ceiling of its
        // own, the budgets some version delegates.
        let delegated =
            |b: Budget| b != Budget::AE || self.rules.scope.delegated.values().any(|d| d[0]);
        let roles = [
            ("party-side-delegant", "délégant"),
            ("party-side-delegataire", "délégataire"),
        ];
        for (((side_id, role), side), sums) in roles
            .into_iter()
            .zip(&self.rules.scope.parties)
            .zip(&party_sums)
        {
            for (party, sums) in side.iter().zip(sums) {
                for budget in Budget::BOTH.into_iter().filter(|b| delegated(*b)) {
                    let sum = sums.get(budget.index()).copied().unwrap_or(0);
                    consumption.push(ledger::Consumption {
                        convention: name.to_owned(),
                        envelope: None,
                        role: Some(role),
                        party: Some(party.label.clone()),
                        year: None,
                        budget,
                        consumed: crate::money::Amount(sum),
                        ceiling: None,
                        remaining: None,
                        display: msg!(
                            "consumed-by-party",
                            side = Message::new(side_id),
                            party = party.label.as_str(),
                            budget = budget.to_string()
                        )
                        .amount("sum", sum),
                    });
                }
            }
        }
        let mut st = statement::Statement::build(
            name,
            &self.view,
            &ledger,
            &suppliers,
            consumption.clone(),
            schedule.clone(),
        );
        if period != Period::default() {
            st.restrict(period, summary.rows_after_period);
        }
        summary.consumption = consumption;
        summary.schedule = schedule;
        receipts.sort_unstable();
        summary.receipts = receipts
            .into_iter()
            .map(|(year, sum)| ledger::ReceiptYear {
                convention: name.to_owned(),
                year,
                collected: crate::money::Amount(sum),
                display: msg!("receipts-collected", year = year.to_string()).amount("sum", sum),
            })
            .collect();
        st.receipts = summary.receipts.clone();
        summary.statements.push(st);
        summary.overpaid_rows = ledger.overpaid_rows;
        Ok(summary)
    }
}
