//! Rows read from an export and handed to the conventions' shards: each
//! row routed (with a rules folder) and checked by the shard of its
//! convention, the reading's progress drawn, findings passed on as found.

use crate::diag::{Code, Diagnostic};
use crate::eval::route::{Route, Router};
use crate::eval::sort::MEMORY_BUDGET;
use crate::eval::{Shard, ShardParts};
use crate::i18n::Message;
use crate::input::csv::{Export, Row};
use crate::input::{Accounting, Layout, Transaction};
use crate::msg;
use crate::order::InOrder;
use crate::progress::{Progress, TICK_ROWS};

use super::{Routing, RunState, Stop, spill_failed};

/// Reads an export's rows into one shard per convention, passing findings
/// on as they come.
pub(super) fn read_sequential(
    run: &mut RunState<'_, '_>,
    export: &mut Export,
    held: &mut InOrder,
) -> Result<Accounting, Stop> {
    let router = run.router;
    let mut shards = run.shards(MEMORY_BUDGET);
    let layout = export.layout().clone();
    let mut routing = Routing::default();
    let mut reading = Reading {
        router,
        routing: &mut routing,
        progress: run.progress,
    };
    let result = read_rows(export, &mut shards, &mut reading, &layout, &mut |d| {
        held.push(d)
    });
    let parts: Vec<ShardParts> = shards.into_iter().map(|s| s.into_parts(0)).collect();
    for (evaluator, parts) in run.evaluators.iter_mut().zip(parts) {
        evaluator.add_shard(parts);
    }
    run.routing.unmatched += routing.unmatched;
    run.routing.ambiguous += routing.ambiguous;
    result.map(|()| export.accounting())
}

/// Reads every row of `export` into its convention's shard; `Err` if the
/// file cannot be read further or the day buckets cannot be spilled.
/// What reading rows needs besides the rows: where to route them, what
/// routing found, and the progress line.
pub(super) struct Reading<'a> {
    pub(super) router: Option<&'a Router>,
    pub(super) routing: &'a mut Routing,
    pub(super) progress: &'a Progress,
}

pub(super) fn read_rows(
    export: &mut Export,
    shards: &mut [Shard<'_>],
    reading: &mut Reading<'_>,
    layout: &Layout,
    out: &mut dyn FnMut(Diagnostic),
) -> Result<(), Stop> {
    let (mut rows, mut offset) = (0u64, export.offset());
    loop {
        rows += 1;
        if rows == TICK_ROWS {
            let now = export.offset();
            reading.progress.add(rows, now - offset);
            (rows, offset) = (0, now);
        }
        let routing = &mut *reading.routing;
        // Matched by reference: a transaction is checked where it lies.
        let next = export.next_row();
        match &next {
            Ok(None) => {
                reading.progress.add(rows, export.offset() - offset);
                return Ok(());
            }
            Ok(Some(Row::Transaction(tx))) => {
                let route = reading.router.map_or(Route::One(0), |r| r.route(tx));
                match route {
                    Route::One(i) => {
                        if let Some(shard) = shards.get_mut(i) {
                            shard
                                .row(tx, layout, out)
                                .map_err(|e| Stop::Spill(Box::new(spill_failed(&e))))?;
                        }
                        // A sub-delegation's row counts toward its parents.
                        for j in reading.router.iter().flat_map(|r| r.ancestors(i)) {
                            if let Some(shard) = shards.get_mut(j) {
                                shard
                                    .count_only(tx)
                                    .map_err(|e| Stop::Spill(Box::new(spill_failed(&e))))?;
                            }
                        }
                    }
                    Route::None => {
                        routing.unmatched += 1;
                        out(unmatched(tx, layout));
                    }
                    Route::Many(candidates) => {
                        routing.ambiguous += 1;
                        let names: Vec<String> = candidates
                            .iter()
                            .filter_map(|i| shards.get(*i))
                            .map(|s| s.convention_title().to_owned())
                            .collect();
                        out(ambiguous(tx, &names));
                    }
                }
            }
            Ok(Some(Row::Skipped)) => {}
            Ok(Some(Row::Rejected(_))) | Err(_) => match next {
                Ok(Some(Row::Rejected(d))) => out(*d),
                Err(d) => return Err(Stop::Export(d)),
                _ => {}
            },
        }
    }
}

fn unmatched(tx: &Transaction<'_>, layout: &Layout) -> Diagnostic {
    let columns: Vec<usize> = layout.codes.iter().flatten().copied().collect();
    Diagnostic::new(Code::ScopeUnmatched, Message::new("scope-unmatched"))
        .at_row(tx.pos.to_ref(columns, Message::new("row-matches-none")))
        .help(Message::new("scope-unmatched-help"))
}

fn ambiguous(tx: &Transaction<'_>, titles: &[String]) -> Diagnostic {
    Diagnostic::new(
        Code::ScopeAmbiguous,
        msg!("scope-ambiguous", titles = titles.join(", ")).count("count", titles.len()),
    )
    .at_row(
        tx.pos
            .to_ref(Vec::new(), Message::new("row-matches-several")),
    )
    .help(Message::new("scope-ambiguous-help"))
}
