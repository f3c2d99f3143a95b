//! Findings in the order of the exports: by file, then by line; those about
//! no row (a clause an export cannot check, an unused waiver) last, in the
//! order found; findings about the same row in the order found.
//!
//! A check finds a row's own faults as it reads it, but the cumulative ones
//! (a ceiling crossed, payments over a commitment) only once every row has
//! been read, in chronological order. So findings are held until the end of
//! the run, each encoded (postcard) as it comes into an arena of
//! [`HELD_BYTES`]; a full arena is sorted and written out to an anonymous
//! temporary file as one sorted run, and the end merges the runs. Memory is
//! bounded by the arena, its index and one read buffer per run, whatever the
//! number of findings.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};

use crate::diag::Diagnostic;

/// Bytes of encoded findings held in memory before a run is written out
/// (a finding takes about 270 bytes).
pub const HELD_BYTES: usize = 4 << 20;

/// Runs merged into one when there are this many (each is an open file
/// and a read buffer at the end).
const MAX_RUNS: usize = 64;

/// Where a finding goes: its export, its line, and its rank among the
/// findings of the run (the order found).
type Key = (u64, u64, u64);

type Item = (Key, Box<Diagnostic>);

fn key_of(d: &Diagnostic, seq: u64) -> Key {
    match &d.row {
        Some(row) => (row.source as u64, row.line, seq),
        None => (u64::MAX, u64::MAX, seq),
    }
}

/// Findings held until the end of a run, then given back in order.
pub struct InOrder {
    /// The held findings' records (key and finding), one after another.
    arena: Vec<u8>,
    /// Each held record's key, start and end in `arena`.
    index: Vec<(Key, usize, usize)>,
    /// A finding could not be encoded (no such finding is known): the run
    /// reports it at the end as a failed spill.
    failed: Option<io::Error>,
    /// Bytes held before a run is written ([`HELD_BYTES`]).
    limit: usize,
    /// Runs merged into one when there are this many ([`MAX_RUNS`]).
    max_runs: usize,
    seq: u64,
    runs: Vec<std::fs::File>,
    /// A run could not be written: the rest stays in memory (the output
    /// is the same; only the memory bound is lost).
    spill_broken: bool,
}

impl Default for InOrder {
    fn default() -> InOrder {
        InOrder::with_limits(HELD_BYTES, MAX_RUNS)
    }
}

impl InOrder {
    pub fn new() -> InOrder {
        InOrder::default()
    }

    fn with_limits(limit: usize, max_runs: usize) -> InOrder {
        InOrder {
            arena: Vec::new(),
            index: Vec::new(),
            failed: None,
            limit: limit.max(1),
            max_runs: max_runs.max(2),
            seq: 0,
            runs: Vec::new(),
            spill_broken: false,
        }
    }

    pub fn push(&mut self, d: Diagnostic) {
        let key = key_of(&d, self.seq);
        self.seq += 1;
        if self.arena.capacity() == 0 {
            // Once, so that the arena does not double past its limit.
            self.arena.reserve(self.limit.saturating_add(1 << 12));
        }
        let start = self.arena.len();
        match postcard::to_extend(&(key, &d), std::mem::take(&mut self.arena)) {
            Ok(arena) => {
                self.arena = arena;
                self.index.push((key, start, self.arena.len()));
            }
            Err(e) => self.failed = Some(io::Error::other(e)),
        }
        if self.arena.len() >= self.limit && !self.spill_broken && self.spill().is_err() {
            self.spill_broken = true;
        }
    }

    /// Writes the held findings out as one sorted run.
    fn spill(&mut self) -> io::Result<()> {
        self.index.sort_unstable_by_key(|(k, ..)| *k);
        let file = tempfile::tempfile()?;
        let mut w = BufWriter::with_capacity(1 << 16, file);
        for (_, start, end) in &self.index {
            write_record(&mut w, self.arena.get(*start..*end).unwrap_or_default())?;
        }
        let file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
        self.arena.clear();
        self.index.clear();
        self.runs.push(file);
        if self.runs.len() >= self.max_runs {
            let runs = std::mem::take(&mut self.runs);
            let merged = tempfile::tempfile()?;
            let mut w = BufWriter::with_capacity(1 << 16, merged);
            let mut buf = Vec::new();
            merge(runs, std::iter::empty(), &mut |item| {
                buf.clear();
                buf = postcard::to_extend(&item, std::mem::take(&mut buf))
                    .map_err(io::Error::other)?;
                write_record(&mut w, &buf)
            })?;
            let merged = w.into_inner().map_err(io::IntoInnerError::into_error)?;
            self.runs.push(merged);
        }
        Ok(())
    }

    /// How many findings were pushed.
    pub fn len(&self) -> u64 {
        self.seq
    }

    pub fn is_empty(&self) -> bool {
        self.seq == 0
    }

    /// Gives every finding held, in order. `Err` if a run written out
    /// cannot be read back; the findings given before it are in order.
    pub fn drain(self, out: &mut dyn FnMut(Diagnostic)) -> io::Result<()> {
        self.try_drain(&mut |d| {
            out(d);
            Ok(())
        })
    }

    /// [`InOrder::drain`] into a writer that may fail: the first failure
    /// ends the drain and is returned.
    pub fn try_drain(
        mut self,
        out: &mut dyn FnMut(Diagnostic) -> io::Result<()>,
    ) -> io::Result<()> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        self.index.sort_unstable_by_key(|(k, ..)| *k);
        let arena = self.arena;
        // The arena's findings, decoded one at a time, in order.
        let memory = self
            .index
            .iter()
            .map(|(_, start, end)| decode(arena.get(*start..*end).unwrap_or_default()));
        merge(self.runs, memory, &mut |(_, d)| out(*d))
    }
}

fn decode(bytes: &[u8]) -> io::Result<Item> {
    postcard::from_bytes(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// One record: its length (4 bytes, little-endian), then the key and the
/// finding in postcard's encoding.
fn write_record(w: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    let len = u32::try_from(bytes.len()).map_err(io::Error::other)?;
    w.write_all(&len.to_le_bytes())?;
    w.write_all(bytes)
}

fn read_record(r: &mut impl Read, buf: &mut Vec<u8>) -> io::Result<Option<Item>> {
    let mut len = [0u8; 4];
    match r.read_exact(&mut len) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    buf.resize(u32::from_le_bytes(len) as usize, 0);
    r.read_exact(buf)?;
    decode(buf).map(Some)
}

/// The sorted runs (files, read from their start) and the sorted findings
/// still in memory, merged in key order into `out`.
fn merge(
    runs: Vec<std::fs::File>,
    mut memory: impl Iterator<Item = io::Result<Item>>,
    out: &mut dyn FnMut(Item) -> io::Result<()>,
) -> io::Result<()> {
    let mut readers = Vec::with_capacity(runs.len());
    for mut file in runs {
        file.seek(SeekFrom::Start(0))?;
        readers.push(BufReader::with_capacity(1 << 16, file));
    }
    let mut buf = Vec::new();
    // The next finding of each source: the runs, then memory (last).
    let mut heads: Vec<Option<Item>> = Vec::with_capacity(readers.len() + 1);
    for r in &mut readers {
        heads.push(read_record(r, &mut buf)?);
    }
    heads.push(memory.next().transpose()?);
    let mut heap: BinaryHeap<Reverse<(Key, usize)>> = heads
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.as_ref().map(|(k, _)| Reverse((*k, i))))
        .collect();
    while let Some(Reverse((_, i))) = heap.pop() {
        let Some(slot) = heads.get_mut(i) else {
            continue;
        };
        let next = match readers.get_mut(i) {
            Some(r) => read_record(r, &mut buf)?,
            None => memory.next().transpose()?,
        };
        if let Some((k, _)) = &next {
            heap.push(Reverse((*k, i)));
        }
        if let Some(item) = std::mem::replace(slot, next) {
            out(item)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Code, RowRef};
    use crate::i18n::Message;

    fn finding(source: usize, line: u64) -> Diagnostic {
        Diagnostic::new(
            Code::CeilingExceeded,
            Message::new("x").arg("n", format!("{source}:{line}")),
        )
        .figure("cumulative", line)
        .at_row(RowRef {
            source,
            line,
            byte: line * 10,
            columns: vec![1, 2],
            label: Message::plain("é"),
        })
    }

    fn lines(found: &[Diagnostic]) -> Vec<(usize, u64)> {
        found
            .iter()
            .map(|d| {
                d.row
                    .as_ref()
                    .map_or((usize::MAX, 0), |r| (r.source, r.line))
            })
            .collect()
    }

    /// Pseudo-random lines (a linear congruence), so that runs overlap.
    fn scrambled(n: u64) -> Vec<Diagnostic> {
        (0..n)
            .map(|i| {
                let x = i.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1) >> 40;
                finding((x % 3) as usize, x % 1000)
            })
            .collect()
    }

    fn sorted_in_memory(mut found: Vec<Diagnostic>) -> Vec<Diagnostic> {
        // A stable sort by (file, line): the order found within a row.
        found.sort_by_key(|d| {
            d.row
                .as_ref()
                .map_or((u64::MAX, 0), |r| (r.source as u64, r.line))
        });
        found
    }

    #[test]
    fn in_memory_by_file_then_line_and_rowless_last() {
        let mut order = InOrder::new();
        let rowless = Diagnostic::new(Code::WaiverUnused, Message::new("w"));
        order.push(finding(2, 5));
        order.push(rowless.clone());
        order.push(finding(1, 9));
        order.push(finding(2, 1));
        order.push(finding(1, 9).figure("second", 1));
        let mut found = Vec::new();
        order.drain(&mut |d| found.push(d)).unwrap();
        assert_eq!(
            lines(&found),
            [(1, 9), (1, 9), (2, 1), (2, 5), (usize::MAX, 0)]
        );
        assert!(found[1].figure_value("second").is_some());
        assert_eq!(found[4], rowless);
    }

    #[test]
    fn spilled_runs_merge_to_the_same_order_and_findings() {
        // Over `max_runs` runs: the runs are merged on the way, too.
        let n = 100 * (4 + 3) + 17;
        let found = scrambled(n);
        let mut order = InOrder::with_limits(100 * 270, 4);
        for d in found.clone() {
            order.push(d);
        }
        assert!(!order.runs.is_empty());
        let mut back = Vec::new();
        order.drain(&mut |d| back.push(d)).unwrap();
        assert_eq!(back.len() as u64, n);
        assert!(back == sorted_in_memory(found), "not the same findings");
    }
}
