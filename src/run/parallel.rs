//! An export file read by several threads: each reads a piece
//! (`input::chunk::Pieces`) with one shard per convention and holds its
//! findings; the pieces' shards and findings are then handed on in file
//! order, lines renumbered, as if one thread had read the file.

use crate::diag::{Code, Diagnostic};
use crate::eval::Evaluator;
use crate::eval::sort::MEMORY_BUDGET;
use crate::input::Accounting;
use crate::input::chunk::Pieces;
use crate::input::csv::{Export, Input};
use crate::msg;
use crate::order::{HELD_BYTES, InOrder};

use super::rows::{Reading, read_rows};
use super::{Routing, RunState, Stop};
use crate::eval::route::Router;
use crate::eval::{Shard, ShardParts};
use crate::progress::Progress;

/// What a thread made of its chunk.
struct ChunkResult<'r> {
    shards: Vec<Shard<'r>>,
    routing: Routing,
    /// Findings with lines counted from the chunk's start, held (bounded
    /// memory) until the chunks before have given theirs.
    findings: InOrder,
    accounting: Accounting,
    ended_in_quote: bool,
    error: Option<Stop>,
}

/// Reads the chunks of an export on one thread each, then hands shards and
/// findings on in file order, lines renumbered. A thread done with its
/// chunk takes the second half of what is left of the piece with most
/// left (a machine's cores do not all run at one speed). If a piece's
/// boundary fell inside a quoted field, the export is read again by one
/// thread.
pub(super) fn read_parallel(
    run: &mut RunState<'_, '_>,
    export: &Export,
    pieces: &Pieces,
    held: &mut InOrder,
) -> Result<Accounting, Stop> {
    let budget = MEMORY_BUDGET / pieces.threads();
    let router = run.router;
    let progress = run.progress;
    let evaluators: &[Evaluator<'_>] = run.evaluators;
    let mut results: Vec<(u64, ChunkResult<'_>)> = Vec::new();
    std::thread::scope(|scope| {
        let handles: Vec<_> = pieces
            .chunks()
            .into_iter()
            .map(|(from, stretch)| {
                let shards: Vec<Shard<'_>> = evaluators.iter().map(|e| e.shard(budget)).collect();
                // The export's layout, for the pieces this thread reads.
                let template = export.fork(Input::Reader(Box::new(std::io::empty())), 0);
                scope.spawn(move || {
                    let mut done = Vec::new();
                    let mut next = Some((from, stretch, shards, InOrder::new()));
                    while let Some((from, stretch, shards, findings)) = next.take() {
                        let read = match pieces.open(&template, from, stretch) {
                            Ok(mut piece) => {
                                read_chunk(&mut piece, shards, findings, router, progress)
                            }
                            Err(e) => failed_chunk(shards, &e),
                        };
                        done.push((from, read));
                        next = pieces.steal().map(|(from, stretch)| {
                            let shards = evaluators
                                .iter()
                                .map(|e| e.shard(MEMORY_BUDGET / 8))
                                .collect();
                            (from, stretch, shards, InOrder::with_budget(HELD_BYTES / 4))
                        });
                    }
                    done
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(done) => results.extend(done),
                Err(_) => {
                    let failed = std::io::Error::other("a reading thread stopped");
                    let shards = evaluators.iter().map(|e| e.shard(0)).collect();
                    results.push((u64::MAX, failed_chunk(shards, &failed)));
                }
            }
        }
    });
    results.sort_by_key(|(from, _)| *from);
    let mut results: Vec<ChunkResult<'_>> = results.into_iter().map(|(_, r)| r).collect();
    if results.iter().any(|r| r.ended_in_quote) {
        // A quoted field spans a piece's end: read it all on this thread.
        let mut whole = pieces.whole(export).map_err(|e| {
            Stop::Export(Box::new(Diagnostic::new(
                Code::InputUnreadable,
                msg!("cannot-read-again", error = crate::i18n::io_error(&e)),
            )))
        })?;
        results = vec![read_chunk(
            &mut whole,
            run.shards(MEMORY_BUDGET),
            InOrder::new(),
            router,
            progress,
        )];
    }
    // Each chunk's lines follow those of the chunks before it.
    let mut offset = export.data_start().0 - 1;
    let owned: Vec<_> = results
        .into_iter()
        .map(|r| {
            let start = offset;
            offset += r.accounting.lines;
            let parts: Vec<ShardParts> =
                r.shards.into_iter().map(|s| s.into_parts(start)).collect();
            (parts, start, r.findings, r.accounting, r.error, r.routing)
        })
        .collect();
    let mut accounting = export.accounting();
    accounting.lines = export.data_start().0 - 1;
    let mut error = None;
    for (parts, start, findings, a, e, routing) in owned {
        held.adopt(findings, start);
        for (evaluator, parts) in run.evaluators.iter_mut().zip(parts) {
            evaluator.add_shard(parts);
        }
        run.routing.unmatched += routing.unmatched;
        run.routing.ambiguous += routing.ambiguous;
        accounting.lines += a.lines;
        accounting.checked += a.checked;
        accounting.rejected += a.rejected;
        accounting.subtotals += a.subtotals;
        accounting.skipped += a.skipped;
        accounting.continuation += a.continuation;
        accounting.blank += a.blank;
        error = error.or(e);
    }
    match error {
        Some(e) => Err(e),
        None => Ok(accounting),
    }
}

fn read_chunk<'r>(
    export: &mut Export,
    mut shards: Vec<Shard<'r>>,
    mut findings: InOrder,
    router: Option<&Router>,
    progress: &Progress,
) -> ChunkResult<'r> {
    let layout = export.layout().clone();
    let mut routing = Routing::default();
    let mut reading = Reading {
        router,
        routing: &mut routing,
        progress,
    };
    let result = read_rows(export, &mut shards, &mut reading, &layout, &mut |d| {
        findings.push(d)
    });
    ChunkResult {
        shards,
        routing,
        findings,
        accounting: export.accounting(),
        ended_in_quote: export.ended_in_quote(),
        error: result.err(),
    }
}

fn failed_chunk<'r>(shards: Vec<Shard<'r>>, e: &std::io::Error) -> ChunkResult<'r> {
    ChunkResult {
        shards,
        routing: Routing::default(),
        findings: InOrder::new(),
        accounting: Accounting::default(),
        ended_in_quote: false,
        error: Some(Stop::Export(Box::new(Diagnostic::new(
            Code::InputUnreadable,
            msg!("cannot-read-chunk", error = crate::i18n::io_error(e)),
        )))),
    }
}
