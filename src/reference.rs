//! The reference evaluator: the executable specification of `check`,
//! written for obviousness, not speed (behind the `reference` feature,
//! which the tests turn on).
//!
//! It reads every row into memory, checks each row's own clauses in file
//! order, then sorts the movements stably by date and walks them once,
//! asking the compiled view what is in force on each date. It shares
//! nothing with the fast path (`eval`: shards, day buckets, interning, the
//! ledger's limits settled once a day, the router's index) beyond the
//! model, the compiled view ([`View`]) and the export reader with its
//! field parsers. Each rule carries README's sentence beside it.
//!
//! Findings are compared by what makes a verdict — code, row, clause,
//! waived or not, and the sum that crossed a limit — not by their wording.

use chrono::{Datelike, NaiveDate};

use crate::diag::{Code, Diagnostic, SourceId};
use crate::input::Transaction;
use crate::input::csv::{Export, Input, ReadOptions, Row};
use crate::input::parse::{budget_title, normalize_code, normalize_programme, pce_account};
use crate::language::model::{Budget, CodeField, Convention, Restriction, WaiverKey};
use crate::language::view::{Part, Version, View};
use crate::span::Span;

/// A finding, as far as a verdict goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    /// The export and line of the row it is about.
    pub row: Option<(SourceId, u64)>,
    /// The rule file and span of the clause it points at.
    pub clause: Option<(SourceId, usize, usize)>,
    pub waived: bool,
    /// For a crossed limit, the sum that crossed it; for payments over a
    /// commitment, the payments (cents).
    pub sum: Option<i128>,
}

impl Finding {
    /// What a fast-path diagnostic says, in the same terms.
    pub fn of(d: &Diagnostic) -> Finding {
        let cents = |name: &str| d.figure_cents(name);
        Finding {
            code: d.code,
            row: d.row.as_ref().map(|r| (r.source, r.line)),
            clause: d
                .clause
                .as_ref()
                .map(|c| (c.source, c.span.start, c.span.end)),
            waived: d.waived.is_some(),
            sum: cents("cumulative").or_else(|| cents("paid")),
        }
    }
}

/// (convention's rule file, envelope, budget year of a yearly ceiling,
/// budget, consumed, ceiling in force at the end), in cents.
pub type Consumed = (
    SourceId,
    Option<String>,
    Option<i32>,
    Budget,
    i128,
    Option<i128>,
    // The party (`délégant:DAJ`), for a party's share.
    Option<String>,
);

/// The counts and consumption of a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub rows_read: u64,
    pub rows_checked: u64,
    pub rows_out_of_scope: u64,
    pub rows_rejected: u64,
    pub rows_skipped: u64,
    pub rows_unmatched: Option<u64>,
    pub rows_ambiguous: Option<u64>,
    pub overpaid_rows: u64,
    pub consumption: Vec<Consumed>,
    /// Receipts collected: convention, year, cents.
    pub receipts: Vec<(SourceId, i32, i128)>,
}

impl Totals {
    /// The same figures from the fast path's summary. `names` gives each
    /// convention's rule file by the name the summary uses.
    pub fn of(s: &crate::eval::Summary, names: &[(String, SourceId)]) -> Totals {
        Totals {
            rows_read: s.rows_read,
            rows_checked: s.rows_checked,
            rows_out_of_scope: s.rows_out_of_scope,
            rows_rejected: s.rows_rejected,
            rows_skipped: s.rows_skipped,
            rows_unmatched: s.rows_unmatched,
            rows_ambiguous: s.rows_ambiguous,
            overpaid_rows: s.overpaid_rows,
            consumption: s
                .consumption
                .iter()
                .map(|c| {
                    let source = names
                        .iter()
                        .find(|(n, _)| *n == c.convention)
                        .map_or(usize::MAX, |(_, s)| *s);
                    (
                        source,
                        c.envelope.clone(),
                        c.year,
                        c.budget,
                        c.consumed.cents(),
                        c.ceiling.map(crate::money::Amount::cents),
                        c.role
                            .zip(c.party.as_ref())
                            .map(|(r, p)| format!("{r}:{p}")),
                    )
                })
                .collect(),
            receipts: s
                .receipts
                .iter()
                .map(|r| {
                    let source = names
                        .iter()
                        .find(|(n, _)| *n == r.convention)
                        .map_or(usize::MAX, |(_, s)| *s);
                    (source, r.year, r.collected.cents())
                })
                .collect(),
        }
    }
}

/// A row, owned.
#[derive(Clone)]
struct Line {
    source: SourceId,
    line: u64,
    date: NaiveDate,
    /// (budget, amount in cents, carried AE).
    movements: Vec<(Budget, i64, bool)>,
    /// A receipt's amount (`RE`).
    receipt: Option<i64>,
    /// A sub-delegation's row, counted toward a parent's ceilings only.
    counted: bool,
    ej: Option<Vec<u8>>,
    dp: Option<Vec<u8>>,
    codes: [Option<Vec<u8>>; CodeField::COUNT],
    supplier: Option<Vec<u8>>,
    contract: Option<Vec<u8>>,
    title: Option<Vec<u8>>,
    account: Option<Vec<u8>>,
    encoding: crate::input::encoding::Encoding,
}

impl Line {
    fn of(tx: &Transaction<'_>) -> Line {
        let own = |v: Option<&[u8]>| v.map(<[u8]>::to_vec);
        Line {
            source: tx.pos.source,
            line: tx.pos.line,
            date: tx.date,
            receipt: tx.receipt.map(|r| r.amount),
            counted: false,
            movements: tx
                .movements()
                .map(|m| (m.budget, m.amount, m.carried))
                .collect(),
            ej: own(tx.ej),
            dp: own(tx.dp),
            codes: tx.codes.map(own),
            supplier: own(tx.supplier),
            contract: own(tx.contract),
            title: own(tx.title),
            account: own(tx.account),
            encoding: tx.encoding,
        }
    }

    fn text(&self, bytes: &[u8]) -> String {
        self.encoding.decode(bytes).into_owned()
    }
}

/// One export to read: its source id, name and bytes.
pub struct Source<'a> {
    pub id: SourceId,
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// A finding on its way out, with what waivers compare.
struct Out {
    finding: Finding,
    /// The convention's rule file (its clause's, or the one whose rows a
    /// finding from the law is about): waivers match on it.
    convention: Option<SourceId>,
    date: Option<NaiveDate>,
    ej: Option<String>,
    dp: Option<String>,
}

/// Evaluates exports against conventions (several: a rules folder), by
/// README's rules. `Err` when an export cannot be opened (the fast path
/// then reports it and stops too).
pub fn evaluate(
    conventions: &[Convention],
    exports: &[Source<'_>],
) -> Result<(Vec<Finding>, Totals), Box<Diagnostic>> {
    let views: Vec<View<'_>> = conventions.iter().map(View::new).collect();
    let read: Vec<&Convention> = conventions.iter().collect();
    let parents = crate::language::lints::frame::parents(&read);
    let mut outs: Vec<Out> = Vec::new();
    let mut totals = Totals::default();
    // Each convention's rows in scope, in file order.
    let mut routed: Vec<Vec<(Line, u8)>> = conventions.iter().map(|_| Vec::new()).collect();
    // Rows each convention received, out of scope ones included.
    let mut received = vec![0u64; conventions.len()];
    // Per convention, the commitments not judged on their payments.
    let mut unjudged: Vec<Vec<Vec<u8>>> = conventions.iter().map(|_| Vec::new()).collect();
    // Per convention, the receipts collected by year.
    let mut receipts_of: Vec<Vec<(i32, i128)>> = conventions.iter().map(|_| Vec::new()).collect();
    let (mut unmatched, mut ambiguous) = (0, 0);
    for export in exports {
        let input = Input::Reader(Box::new(std::io::Cursor::new(export.bytes.to_vec())));
        let mut reader = Export::open(
            export.name,
            export.id,
            export.bytes,
            input,
            &ReadOptions::default(),
        )?;
        // "A clause whose column the export lacks is `clause.unchecked`,
        // once per clause and export" (a single rule file only).
        if let [view] = views.as_slice() {
            for span in unchecked(view, reader.layout()) {
                outs.push(plain(Finding {
                    code: Code::ClauseUnchecked,
                    row: None,
                    clause: Some((view.source(), span.start, span.end)),
                    waived: false,
                    sum: None,
                }));
            }
        }
        loop {
            let row = match reader.next_row() {
                Ok(Some(row)) => row,
                Ok(None) => break,
                // "reading stopped": the fast path stops there too.
                Err(d) => {
                    outs.push(plain(Finding::of(&d)));
                    break;
                }
            };
            let tx = match row {
                Row::Transaction(tx) => tx,
                Row::Skipped => {
                    totals.rows_skipped += 1;
                    continue;
                }
                Row::Rejected(d) => {
                    totals.rows_rejected += 1;
                    outs.push(plain(Finding::of(&d)));
                    continue;
                }
            };
            let line = Line::of(&tx);
            // "A row that no convention holds is `scope.unmatched`; one
            // that several still hold is `scope.ambiguous`."
            let target = if views.len() == 1 {
                Some(0)
            } else {
                match route(&views, &parents, &line).as_slice() {
                    [one] => Some(*one),
                    [] => {
                        unmatched += 1;
                        outs.push(row_finding(Code::ScopeUnmatched, &line, None));
                        None
                    }
                    _ => {
                        ambiguous += 1;
                        outs.push(row_finding(Code::ScopeAmbiguous, &line, None));
                        None
                    }
                }
            };
            totals.rows_checked += 1;
            let Some(i) = target else { continue };
            // "… and counts it against the parent's ceilings too": the row,
            // unchecked there, without its commitment, carried AE or
            // envelope, in each ancestor's rows.
            if views.len() > 1 {
                for j in ancestors_of(&parents, i) {
                    let mut counted = line.clone();
                    counted.ej = None;
                    counted.counted = true;
                    counted.movements.retain(|(_, _, carried)| !carried);
                    if counted.receipt.is_none()
                        && let Some(rows) = routed.get_mut(j)
                    {
                        rows.push((counted, 0));
                    }
                    if let Some(n) = received.get_mut(j) {
                        *n += 1;
                    }
                }
            }
            let (Some(view), Some(rows)) = (views.get(i), routed.get_mut(i)) else {
                continue;
            };
            if let Some(n) = received.get_mut(i) {
                *n += 1;
            }
            // "`délégation CP` …: rows of AE are out of scope, counted
            // apart and never checked"; "rows read = checked + out of
            // scope + rejected + skipped".
            let version = view.on(line.date);
            // "a commitment is judged (payments per commitment) only when
            // every one of its AE rows is dated while AE are delegated".
            if !version.delegates(Budget::AE)
                && let Some(ej) = &line.ej
                && line.movements.iter().any(|(b, ..)| *b == Budget::AE)
                && let Some(list) = unjudged.get_mut(i)
                && !list.contains(ej)
            {
                list.push(ej.clone());
            }
            // "A receipt row … is checked for term, imputation, parties
            // and `compte` …, counted per year …, never against an AE or CP
            // ceiling. When receipts are not delegated, a receipt row is
            // out of scope, counted apart".
            if let Some(amount) = line.receipt {
                if !version.receipts {
                    totals.rows_checked -= 1;
                    totals.rows_out_of_scope += 1;
                    continue;
                }
                check_row(view, &line, &mut outs);
                let year = line.date.year();
                if let Some(list) = receipts_of.get_mut(i) {
                    match list.iter_mut().find(|(y, _)| *y == year) {
                        Some((_, sum)) => *sum += i128::from(amount),
                        None => list.push((year, i128::from(amount))),
                    }
                }
                continue;
            }
            if !line.movements.iter().any(|(b, _, _)| version.delegates(*b)) {
                totals.rows_checked -= 1;
                totals.rows_out_of_scope += 1;
                continue;
            }
            let envelope = check_row(view, &line, &mut outs);
            rows.push((line, envelope));
        }
    }
    if views.len() > 1 {
        totals.rows_unmatched = Some(unmatched);
        totals.rows_ambiguous = Some(ambiguous);
    }
    for ((((view, rows), received), unjudged), receipts) in views
        .iter()
        .zip(&routed)
        .zip(&received)
        .zip(&unjudged)
        .zip(&mut receipts_of)
    {
        // With several conventions, one that received no row says nothing.
        if views.len() > 1 && *received == 0 {
            continue;
        }
        cumulative(view, rows, unjudged, &mut outs, &mut totals);
        receipts.sort_unstable();
        totals
            .receipts
            .extend(receipts.iter().map(|(y, sum)| (view.source(), *y, *sum)));
    }
    totals.rows_read =
        totals.rows_checked + totals.rows_out_of_scope + totals.rows_rejected + totals.rows_skipped;
    let mut findings = waive(conventions, outs);
    // "Findings are listed in the order of the exports: by file, then by
    // line; those about the same row in the order found (the row's own
    // faults, then what it crossed); those about no row last."
    findings.sort_by_key(|f| f.row.unwrap_or((SourceId::MAX, u64::MAX)));
    Ok((findings, totals))
}

/// The clauses an export cannot check, each at the first clause stating
/// it: the imputation's fields (in field order), the authorised markets,
/// the titles, the accounts, the payments per commitment.
fn unchecked(view: &View<'_>, layout: &crate::input::Layout) -> Vec<Span> {
    let mut spans = Vec::new();
    // "Each field of the imputation, common or an envelope's, is checked
    // against its column."
    // The parties' codes likewise ("absent column → not checked").
    let c = view.convention;
    for field in CodeField::ALL {
        let first = view
            .versions()
            .find_map(|v| {
                v.code(field)
                    .or_else(|| v.envelopes.iter().find_map(|e| e.code(field)))
                    .map(|code| code.span)
            })
            .or_else(|| {
                c.delegants
                    .iter()
                    .chain(&c.delegataires)
                    .find_map(|p| p.code(field).map(|code| code.span))
            });
        if let (Some(span), None) = (first, layout.code(field)) {
            spans.push(span);
        }
    }
    // "Markets are checked by supplier (`fournisseur`) or contract
    // (`marche`)."
    let markets = || view.versions().flat_map(|v| v.markets.iter());
    let suppliers = markets().any(|m| m.market.chorus.is_some());
    let contracts = markets().any(|m| m.market.number.is_some());
    let checkable =
        (suppliers && layout.supplier.is_some()) || (contracts && layout.contract.is_some());
    if (suppliers || contracts) && !checkable {
        spans.extend(
            view.versions()
                .find_map(|v| v.markets.first().map(|m| m.market.span)),
        );
    }
    // "`titre` and `compte` are checked against their columns."
    if layout.title.is_none() {
        spans.extend(view.versions().find_map(|v| v.titles.map(|r| r.span)));
    }
    if layout.account.is_none() {
        spans.extend(view.versions().find_map(|v| v.accounts.map(|r| r.span)));
    }
    // "Payments per commitment need the EJ number (`n_ej`), unless the
    // convention delegates no AE."
    let cp_only = view.versions().any(|v| !v.delegated[0]);
    if !cp_only && layout.ej.is_none() {
        spans.push(view.convention.title.span);
    }
    spans
}

fn plain(finding: Finding) -> Out {
    Out {
        convention: finding.clause.map(|c| c.0),
        finding,
        date: None,
        ej: None,
        dp: None,
    }
}

/// A finding on a row: it carries the row's date, EJ and DP as written.
fn row_finding(code: Code, line: &Line, clause: Option<(SourceId, Span)>) -> Out {
    Out {
        convention: clause.map(|c| c.0),
        finding: Finding {
            code,
            row: Some((line.source, line.line)),
            clause: clause.map(|(s, span)| (s, span.start, span.end)),
            waived: false,
            sum: None,
        },
        date: Some(line.date),
        ej: line.ej.as_deref().map(|v| line.text(v)),
        dp: line.dp.as_deref().map(|v| line.text(v)),
    }
}

fn normalized(field: CodeField, value: &[u8]) -> Vec<u8> {
    match field {
        CodeField::Programme => normalize_programme(value).to_vec(),
        _ => normalize_code(value).to_vec(),
    }
}

/// The fields of `codes` stated and present in the row whose values
/// differ, with the clause stating each. "`uo` … is compared with the
/// rows' `centre_financier`: it stands for the imputation's
/// `centre-financier` when that states none" (the view's codes hold it);
/// "`bop` … is compared with the export's `bop` column, else with the first
/// two parts of the row's centre financier": [`Line`]'s codes come from the
/// reader's `Layout::row_codes`, which reads it so.
fn differing(
    codes: &[Option<&crate::span::Spanned<String>>; CodeField::COUNT],
    line: &Line,
) -> Vec<Span> {
    let mut spans = Vec::new();
    for (field, code) in CodeField::ALL.iter().zip(codes) {
        let (Some(code), Some(Some(value))) = (code, line.codes.get(*field as usize)) else {
            continue;
        };
        if normalized(*field, value) != normalized(*field, code.value.as_bytes()) {
            spans.push(code.span);
        }
    }
    spans
}

/// "When délégants state codes, a row must carry those of one délégant;
/// when délégataires do, those of one délégataire; else `party.outside`
/// names the nearest party (fewest fields differing, the first stated on a
/// tie) … A party that states no codes claims no rows": for each side the
/// row is outside of, the spans of the nearest party's differing codes.
fn outside_parties(c: &Convention, line: &Line, sides: usize) -> Vec<Vec<Span>> {
    let mut out = Vec::new();
    for side in [&c.delegants, &c.delegataires].into_iter().take(sides) {
        let coded: Vec<Vec<Span>> = side
            .iter()
            .filter(|p| !p.codes.is_empty())
            .map(|p| party_diffs(p, line))
            .collect();
        if coded.is_empty() || coded.iter().any(Vec::is_empty) {
            continue;
        }
        let mut nearest: Option<&Vec<Span>> = None;
        for d in &coded {
            if nearest.is_none_or(|n| d.len() < n.len()) {
                nearest = Some(d);
            }
        }
        out.extend(nearest.cloned());
    }
    out
}

/// The spans of a party's codes that differ in the row (its fields the
/// export has).
fn party_diffs(p: &crate::language::model::Party, line: &Line) -> Vec<Span> {
    p.codes
        .iter()
        .filter(|code| {
            let (field, written) = &code.value;
            line.codes
                .get(*field as usize)
                .and_then(|v| v.as_deref())
                .is_some_and(|v| normalized(*field, v) != normalized(*field, written.as_bytes()))
        })
        .map(|code| code.span)
        .collect()
}

/// The parent of convention `i` (`cadre`), its parent's, and so on.
fn ancestors_of(parents: &[Option<usize>], i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = i;
    while let Some(Some(p)) = parents.get(at) {
        if *p == i || out.contains(p) {
            break;
        }
        out.push(*p);
        at = *p;
    }
    out
}

/// "A row goes to the convention whose every code in force on the row's
/// date (amendments counted) equals the row's, on the code columns the
/// export has (…; with envelopes, the common codes and those of one
/// envelope). When no convention's codes in force hold a row, it goes to
/// the conventions whose codes of another version do, before or after an
/// amendment. When several conventions hold a row, the ones listing the
/// row's supplier among their holders are kept (every holder a convention
/// ever lists …), then those whose term holds the row's date."
fn route(views: &[View<'_>], parents: &[Option<usize>], line: &Line) -> Vec<usize> {
    let holds = |v: &Version<'_>| {
        if !differing(&v.codes, line).is_empty() {
            return false;
        }
        v.envelopes.is_empty()
            || v.envelopes.iter().any(|e| {
                let mut own = v.codes;
                for (slot, code) in own.iter_mut().zip(e.codes) {
                    if code.is_some() {
                        *slot = code;
                    }
                }
                differing(&own, line).is_empty()
            })
    };
    // "routing uses the délégants' codes": a row of a convention whose
    // délégants state codes carries those of one délégant.
    let parties = |v: &View<'_>| outside_parties(v.convention, line, 1).is_empty();
    let mut candidates: Vec<usize> = (0..views.len())
        .filter(|i| {
            views
                .get(*i)
                .is_some_and(|v| holds(v.on(line.date)) && parties(v))
        })
        .collect();
    if candidates.is_empty() {
        candidates = (0..views.len())
            .filter(|i| {
                views
                    .get(*i)
                    .is_some_and(|v| v.versions().any(holds) && parties(v))
            })
            .collect();
    }
    // "`check` of a folder gives a row that the child's codes hold to the
    // child": a parent (`cadre`) of another candidate is dropped.
    let ancestors: Vec<usize> = candidates
        .iter()
        .flat_map(|i| ancestors_of(parents, *i))
        .collect();
    if candidates.len() > 1 && candidates.iter().any(|i| !ancestors.contains(i)) {
        candidates.retain(|i| !ancestors.contains(i));
    }
    let keep = |candidates: &mut Vec<usize>, test: &dyn Fn(&View<'_>) -> bool| {
        let passes = |i: &usize| views.get(*i).is_some_and(test);
        if candidates.len() > 1 && candidates.iter().any(passes) {
            candidates.retain(passes);
        }
    };
    let supplier = line.supplier.as_deref().map(normalize_code);
    keep(&mut candidates, &|v| {
        supplier.is_some_and(|s| {
            v.all_markets().any(|m| {
                m.market
                    .chorus
                    .as_ref()
                    .is_some_and(|c| normalize_code(c.value.as_bytes()) == s)
            })
        })
    });
    keep(&mut candidates, &|v| {
        v.start.is_none_or(|(s, _)| line.date >= s) && v.end.is_none_or(|e| line.date <= e.date)
    });
    candidates
}

/// The row's own clauses, in the version in force on its date; returns the
/// envelope it belongs to (its place plus one, 0 for none).
fn check_row(view: &View<'_>, line: &Line, outs: &mut Vec<Out>) -> u8 {
    let source = view.source();
    let version = view.on(line.date);
    // "a row is dated before the convention takes effect"
    if let Some((_, span)) = view.start.filter(|(s, _)| line.date < *s) {
        outs.push(row_finding(
            Code::TermBeforeStart,
            line,
            Some((source, span)),
        ));
    }
    // "a row is dated after the end of the term (amendments and renewals
    // counted)"; "after a notice of termination took effect".
    if let Some(end) = view.end.filter(|e| line.date > e.date) {
        let code = if end.terminated() {
            Code::TermAfterTermination
        } else {
            Code::TermAfterEnd
        };
        outs.push(row_finding(code, line, Some((source, end.span))));
    }
    // "a code column differs from the convention; one finding per row".
    // "With envelopes, a row belongs to the envelope whose codes it
    // carries; a row carrying no envelope's codes is reported too, naming
    // the nearest envelope (fewest fields differing, the first stated on a
    // tie)".
    let common = differing(&version.codes, line);
    let mut envelope = 0u8;
    let mut nearest: Option<Vec<Span>> = None;
    let matching: Vec<usize> = version
        .envelopes
        .iter()
        .filter(|e| differing(&e.codes, line).is_empty())
        .map(|e| e.index)
        .collect();
    if let [one] = matching.as_slice() {
        // "A convention holds at most 63 envelopes."
        if *one < 63 {
            envelope = u8::try_from(one + 1).unwrap_or(0);
        }
    } else if matching.is_empty() {
        for e in &version.envelopes {
            let diff = differing(&e.codes, line);
            if nearest.as_ref().is_none_or(|n| diff.len() < n.len()) {
                nearest = Some(diff);
            }
        }
    }
    let first = common
        .first()
        .or_else(|| nearest.as_ref().and_then(|n| n.first()));
    if let Some(span) = first {
        outs.push(row_finding(
            Code::ImputationMismatch,
            line,
            Some((source, *span)),
        ));
    }
    for spans in outside_parties(view.convention, line, 2) {
        if let Some(span) = spans.first() {
            outs.push(row_finding(Code::PartyOutside, line, Some((source, *span))));
        }
    }
    // "(receipts are on accounts of class 7; `titre` clauses concern
    // spending rows only…)": a receipt's account, where the export has one.
    if line.receipt.is_some() {
        if let Some(account) = &line.account
            && !pce_account(&line.text(account)).is_some_and(|a| a.starts_with('7'))
        {
            outs.push(Out {
                convention: Some(source),
                ..row_finding(Code::NatureExcluded, line, None)
            });
        }
        return envelope;
    }
    // "the supplier or contract is not among the markets authorised on the
    // row's date (an empty value is not authorised) … While no version in
    // force names any market, nothing is restricted".
    if let Some(first_market) = version.markets.first() {
        let numbers =
            |pick: fn(&crate::language::model::Market) -> Option<&crate::span::Spanned<String>>| {
                version
                    .markets
                    .iter()
                    .filter_map(|m| pick(m.market))
                    .map(|n| normalize_code(n.value.as_bytes()).to_vec())
                    .collect::<Vec<_>>()
            };
        let suppliers = numbers(|m| m.chorus.as_ref());
        let contracts = numbers(|m| m.number.as_ref());
        let outside = |value: &Option<Vec<u8>>, allowed: &[Vec<u8>]| {
            value.as_deref().is_some_and(|v| {
                !allowed.is_empty() && !allowed.iter().any(|a| a.as_slice() == normalize_code(v))
            })
        };
        if outside(&line.supplier, &suppliers) || outside(&line.contract, &contracts) {
            outs.push(row_finding(
                Code::MarketUnknown,
                line,
                Some((source, first_market.market.span)),
            ));
        } else if let (Some(supplier), Some(contract)) = (&line.supplier, &line.contract) {
            // "When a row carries a supplier and a contract whose market
            // states its holder, the supplier must be that holder (a
            // contract stated by a market without a holder passes)".
            let (supplier, contract) = (normalize_code(supplier), normalize_code(contract));
            let of_contract: Vec<&crate::language::model::Market> = version
                .markets
                .iter()
                .map(|m| m.market)
                .filter(|m| {
                    m.number
                        .as_ref()
                        .is_some_and(|n| normalize_code(n.value.as_bytes()) == contract)
                })
                .collect();
            let held = |m: &&crate::language::model::Market| {
                m.chorus
                    .as_ref()
                    .is_none_or(|h| normalize_code(h.value.as_bytes()) == supplier)
            };
            if !supplier.is_empty()
                && !contract.is_empty()
                && !of_contract.iter().any(held)
                && let Some(market) = of_contract.first()
            {
                outs.push(row_finding(
                    Code::MarketUnknown,
                    line,
                    Some((source, market.span)),
                ));
            }
        }
    }
    // "the row's budget title or PCE account is not among those the
    // convention allows on the row's date; a row without a title (or
    // account) is reported too".
    let natures: [NatureCheck<'_>; 2] = [
        (version.titles, &line.title, budget_title, |v, s| v == s),
        (version.accounts, &line.account, pce_account, |v, s| {
            v.starts_with(s)
        }),
    ];
    for (rule, value, read, matches) in natures {
        let (Some(rule), Some(value)) = (rule, value) else {
            continue;
        };
        let allowed = read(&line.text(value)).is_some_and(|v| rule.allows(|s| matches(&v, s)));
        if !allowed {
            outs.push(row_finding(
                Code::NatureExcluded,
                line,
                Some((source, rule.span)),
            ));
        }
    }
    envelope
}

/// A restriction in force, the row's value, how it reads, and whether a
/// value read is one a clause states.
type NatureCheck<'a> = (
    Option<&'a Restriction>,
    &'a Option<Vec<u8>>,
    fn(&str) -> Option<String>,
    fn(&str, &str) -> bool,
);

/// A movement to walk: its day, amount, budget, whether carried, EJ,
/// envelope, and its row.
struct Move<'r> {
    date: NaiveDate,
    budget: Budget,
    amount: i128,
    carried: bool,
    envelope: u8,
    line: &'r Line,
}

/// The cumulative clauses, walking the movements in chronological order
/// ("by date; rows of the same date in file order, files in the order
/// given").
/// `unjudged`: the commitments (as written) with AE rows dated while AE
/// were not delegated.
fn cumulative(
    view: &View<'_>,
    rows: &[(Line, u8)],
    unjudged: &[Vec<u8>],
    outs: &mut Vec<Out>,
    totals: &mut Totals,
) {
    let source = view.source();
    let c = view.convention;
    let waived_dps: Vec<Vec<u8>> = c
        .waivers
        .iter()
        .filter(|w| w.key.value.0 == WaiverKey::Dp)
        .map(|w| normalize_code(w.key.value.1.as_bytes()).to_vec())
        .collect();
    let mut moves: Vec<Move<'_>> = Vec::new();
    for (line, envelope) in rows {
        let version = view.on(line.date);
        for (budget, amount, carried) in &line.movements {
            if !version.delegates(*budget) {
                continue;
            }
            // "carried-over AE … counts for payments per EJ, dated 1
            // January of its year, but not toward ceilings or the
            // schedule".
            let date = if *carried {
                NaiveDate::from_ymd_opt(line.date.year(), 1, 1).unwrap_or(line.date)
            } else {
                line.date
            };
            moves.push(Move {
                date,
                budget: *budget,
                amount: i128::from(*amount),
                carried: *carried,
                envelope: *envelope,
                line,
            });
        }
    }
    moves.sort_by_key(|m| m.date);
    // Scopes: the whole convention, then each envelope by its place.
    let scopes: Vec<Part> = std::iter::once(Part::Whole)
        .chain((0..view.envelopes.len()).map(Part::Envelope))
        .collect();
    let mut totals_of = vec![[0i128; 2]; scopes.len()];
    let mut years: Vec<(usize, i32, Budget, i128)> = Vec::new();
    let mut crossed: Vec<(usize, Budget, Option<i32>, Span, u8)> = Vec::new();
    // Per EJ (as written): committed, paid, overpaid already.
    let mut commitments: Vec<(Vec<u8>, i128, i128, bool)> = Vec::new();
    for m in &moves {
        let ej = m.line.ej.clone();
        let slot = ej
            .as_ref()
            .map(|ej| match commitments.iter().position(|(e, ..)| e == ej) {
                Some(p) => p,
                None => {
                    commitments.push((ej.clone(), 0, 0, false));
                    commitments.len() - 1
                }
            });
        if m.carried {
            // (the same sentence: per EJ only)
            if let Some((_, ae, _, _)) = slot.and_then(|s| commitments.get_mut(s)) {
                *ae += m.amount;
            }
            continue;
        }
        let version = view.on(m.date);
        let year = m.date.year();
        let keys = waiver_keys(m, &waived_dps);
        let mut in_scope = vec![0usize];
        if m.envelope > 0 {
            in_scope.push(usize::from(m.envelope));
        }
        for i in in_scope {
            let Some(scope) = scopes.get(i).copied() else {
                continue;
            };
            let b = m.budget.index();
            // "cumulative AE (or CP) goes over its ceiling: once per
            // ceiling in force, on the row that crosses it".
            let Some(total) = totals_of.get_mut(i).and_then(|t| t.get_mut(b)) else {
                continue;
            };
            *total += m.amount;
            let total = *total;
            if let Some(limit) = version.ceiling_in(scope, m.budget) {
                let key = (i, m.budget, None, limit.span, 0);
                if total > limit.cents && !crossed.contains(&key) {
                    crossed.push(key);
                    outs.push(cumulative_finding(
                        Code::CeilingExceeded,
                        source,
                        Some(limit.span),
                        total,
                        m,
                        &keys,
                    ));
                }
            }
            // "for a yearly ceiling (`par an`), the sum of the budget year,
            // once per year and ceiling in force".
            let sum = year_sum(&mut years, i, year, m.budget, m.amount);
            if let Some(limit) = version.yearly_in(scope, m.budget) {
                let key = (i, m.budget, Some(year), limit.span, 1);
                if sum > limit.cents && !crossed.contains(&key) {
                    crossed.push(key);
                    outs.push(cumulative_finding(
                        Code::CeilingExceeded,
                        source,
                        Some(limit.span),
                        sum,
                        m,
                        &keys,
                    ));
                }
            }
            // "a calendar year's cumulative AE (or CP) goes over that
            // year's forecast: once per forecast in force".
            if let Some(limit) = version.forecast_in(scope, year, m.budget) {
                let key = (i, m.budget, Some(year), limit.span, 2);
                if sum > limit.cents && !crossed.contains(&key) {
                    crossed.push(key);
                    outs.push(cumulative_finding(
                        Code::ScheduleExceeded,
                        source,
                        Some(limit.span),
                        sum,
                        m,
                        &keys,
                    ));
                }
            }
        }
        // "on one EJ, cumulative CP exceeds cumulative AE: once per EJ, on
        // the crossing row"; "a crossing is reported only on a row dated
        // while AE are delegated"; "`overpaid_rows` counts the movements
        // after which their own commitment stood overpaid".
        if let Some((ej, ae, cp, overpaid)) = slot.and_then(|s| commitments.get_mut(s)) {
            match m.budget {
                Budget::AE => *ae += m.amount,
                Budget::CP => *cp += m.amount,
            }
            if *cp > *ae && version.delegates(Budget::AE) && !unjudged.contains(ej) {
                totals.overpaid_rows += 1;
                if !*overpaid {
                    *overpaid = true;
                    // "payments on a commitment may not exceed it (GBCP,
                    // art. 156)": the law's rule, at no clause.
                    let mut out =
                        cumulative_finding(Code::CommitmentOverpaid, source, None, *cp, m, &keys);
                    out.finding.sum = Some(*cp);
                    outs.push(out);
                }
            }
        }
    }
    // "The summary, JSON, `report` and the portfolio give each party's
    // consumption": a party stating codes, of the rows carrying its codes
    // (the first such party of its side), carried AE left out; after the
    // convention's and its envelopes'.
    let mut party_totals = Vec::new();
    for (role, side) in [("délégant", &c.delegants), ("délégataire", &c.delegataires)] {
        let coded: Vec<&crate::language::model::Party> =
            side.iter().filter(|p| !p.codes.is_empty()).collect();
        for (k, party) in coded.iter().enumerate() {
            let mine = |m: &&Move<'_>| {
                !m.carried
                    && !m.line.counted
                    && coded.iter().position(|p| party_diffs(p, m.line).is_empty()) == Some(k)
            };
            for budget in Budget::BOTH {
                if budget == Budget::AE && !view.versions().any(|v| v.delegates(Budget::AE)) {
                    continue;
                }
                let sum = moves
                    .iter()
                    .filter(mine)
                    .filter(|m| m.budget == budget)
                    .map(|m| m.amount)
                    .sum();
                party_totals.push((
                    source,
                    None,
                    None,
                    budget,
                    sum,
                    None,
                    Some(format!("{role}:{}", party.label())),
                ));
            }
        }
    }
    // The summary's consumption; "A yearly ceiling adds one
    // `consumption` entry per budget year with movements, with its `year`
    // and the ceiling in force at that year's end"; "The summary, JSON
    // (`consumption[].envelope`) and `report` give the consumption of each
    // envelope beside the overall one."
    let delegated_ae = view.versions().any(|v| v.delegates(Budget::AE));
    for (i, scope) in scopes.iter().enumerate() {
        let name = match scope {
            Part::Whole => None,
            Part::Envelope(e) => view.envelopes.get(*e).map(|n| n.value.clone()),
        };
        for budget in Budget::BOTH {
            if budget == Budget::AE && !delegated_ae {
                continue;
            }
            let consumed = totals_of
                .get(i)
                .and_then(|t| t.get(budget.index()))
                .copied()
                .unwrap_or(0);
            let ceiling = view
                .versions()
                .filter_map(|v| v.ceiling_in(*scope, budget))
                .last()
                .map(|l| l.cents);
            totals
                .consumption
                .push((source, name.clone(), None, budget, consumed, ceiling, None));
        }
        // Every budget year with movements, for every scope.
        let mut seen_years: Vec<i32> = moves
            .iter()
            .filter(|m| !m.carried)
            .map(|m| m.date.year())
            .collect();
        seen_years.dedup();
        for year in seen_years {
            let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
            for budget in Budget::BOTH {
                let Some(limit) = view.on(end).yearly_in(*scope, budget) else {
                    continue;
                };
                let sum = years
                    .iter()
                    .find(|(s, y, b, _)| *s == i && *y == year && *b == budget)
                    .map_or(0, |(.., sum)| *sum);
                totals.consumption.push((
                    source,
                    name.clone(),
                    Some(year),
                    budget,
                    sum,
                    Some(limit.cents),
                    None,
                ));
            }
        }
    }
    totals.consumption.extend(party_totals);
}

/// Adds a movement to its scope's sum of the year, and returns the sum.
fn year_sum(
    years: &mut Vec<(usize, i32, Budget, i128)>,
    scope: usize,
    year: i32,
    budget: Budget,
    amount: i128,
) -> i128 {
    match years
        .iter_mut()
        .find(|(s, y, b, _)| *s == scope && *y == year && *b == budget)
    {
        Some((.., sum)) => {
            *sum += amount;
            *sum
        }
        None => {
            years.push((scope, year, budget, amount));
            amount
        }
    }
}

/// What waivers compare on a cumulative finding: the movement's date, its
/// EJ as written, and its DP when a waiver names that DP.
fn waiver_keys(
    m: &Move<'_>,
    waived_dps: &[Vec<u8>],
) -> (NaiveDate, Option<String>, Option<String>) {
    let line = m.line;
    let dp = line
        .dp
        .as_deref()
        .map(normalize_code)
        .filter(|dp| waived_dps.iter().any(|w| w.as_slice() == *dp))
        .map(|dp| line.text(dp));
    (m.date, line.ej.as_deref().map(|e| line.text(e)), dp)
}

fn cumulative_finding(
    code: Code,
    source: SourceId,
    span: Option<Span>,
    sum: i128,
    m: &Move<'_>,
    keys: &(NaiveDate, Option<String>, Option<String>),
) -> Out {
    Out {
        convention: Some(source),
        finding: Finding {
            code,
            row: Some((m.line.source, m.line.line)),
            clause: span.map(|span| (source, span.start, span.end)),
            waived: false,
            sum: Some(sum),
        },
        date: Some(keys.0),
        ej: keys.1.clone(),
        dp: keys.2.clone(),
    }
}

/// "`dérogation …` accepts the findings of that code on the rows of that
/// EJ (or `dp`): they are still reported, marked waived … A waiver by `dp`
/// applies to every finding on a row carrying that DP, cumulative ones …
/// included. A waiver covers the rows dated up to its `jusqu'au` … One that
/// matched no finding of a `check` is `waiver.unused`."
fn waive(conventions: &[Convention], outs: Vec<Out>) -> Vec<Finding> {
    let waivers: Vec<_> = conventions
        .iter()
        .flat_map(|c| c.waivers.iter().map(move |w| (c, w)))
        .collect();
    let mut used = vec![false; waivers.len()];
    let mut findings: Vec<Finding> = outs
        .into_iter()
        .map(|o| {
            let mut f = o.finding;
            let Some(source) = o.convention else {
                return f;
            };
            let hit = waivers.iter().position(|(c, w)| {
                let (kind, number) = &w.key.value;
                let key = match kind {
                    WaiverKey::Ej => &o.ej,
                    WaiverKey::Dp => &o.dp,
                };
                c.source == source
                    && w.code.value == f.code.as_str()
                    && key.as_deref() == Some(number.as_str())
                    && match (&w.until, o.date) {
                        (Some(until), Some(date)) => date <= until.value,
                        _ => true,
                    }
            });
            if let Some(slot) = hit.and_then(|i| used.get_mut(i)) {
                *slot = true;
                f.waived = true;
            }
            f
        })
        .collect();
    for ((c, w), used) in waivers.iter().zip(used) {
        if !used {
            findings.push(Finding {
                code: Code::WaiverUnused,
                row: None,
                clause: Some((c.source, w.span.start, w.span.end)),
                waived: false,
                sum: None,
            });
        }
    }
    findings
}
