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
    /// Holders taken whole ([`InOrder::adopt`]), merged in at the drain.
    adopted: Vec<Adopted>,
}

/// Findings held elsewhere (a chunk's, read on another thread), their
/// lines counted from `lines`, their ranks from `seq`.
struct Adopted {
    held: InOrder,
    lines: u64,
    seq: u64,
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

    /// A holder of at most `bytes` of findings in memory.
    pub fn with_budget(bytes: usize) -> InOrder {
        InOrder::with_limits(bytes, MAX_RUNS)
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
            adopted: Vec::new(),
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
        // In a browser (WebAssembly without an operating system) there is
        // no file to spill to, and asking for the temporary folder would
        // abort: the findings stay in memory.
        if cfg!(all(target_arch = "wasm32", target_os = "unknown")) {
            self.limit = usize::MAX;
            return Ok(());
        }
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
            self.merge_runs();
        }
        Ok(())
    }

    /// Merges the runs written out into one. The runs are read as they
    /// merge: if that fails, the holder has failed (the drain says so)
    /// rather than lose their findings.
    fn merge_runs(&mut self) {
        let runs = std::mem::take(&mut self.runs);
        match merged(runs) {
            Ok(file) => self.runs.push(file),
            Err(e) => {
                self.failed.get_or_insert(e);
            }
        }
    }

    /// Runs written out, this holder's and those of the holders it adopted.
    fn run_count(&self) -> usize {
        self.runs.len()
            + self
                .adopted
                .iter()
                .map(|a| a.held.run_count())
                .sum::<usize>()
    }

    /// Takes every finding of `other` as if pushed here now, one after
    /// another in `other`'s order, with `lines` added to their lines: what
    /// a chunk read on another thread found, its lines counted from the
    /// chunk's start. Nothing is decoded: `other`'s runs join the merge
    /// of the drain as they are, its findings in memory written out first
    /// as one more run when they are many.
    pub fn adopt(&mut self, mut other: InOrder, lines: u64) {
        if other.arena.len() >= other.limit / 4 && !other.spill_broken && other.spill().is_err() {
            other.spill_broken = true;
        }
        // The drain opens every run at once: within `max_runs` of them,
        // whatever the number of holders adopted.
        if other.runs.len() > 1 && self.run_count() + other.run_count() > self.max_runs {
            other.merge_runs();
        }
        if let Some(e) = other.failed.take() {
            self.failed.get_or_insert(e);
        }
        // Whatever stays in memory no longer needs its spare room.
        other.arena.shrink_to_fit();
        other.index.shrink_to_fit();
        let seq = self.seq;
        self.seq += other.seq;
        if other.seq > 0 {
            self.adopted.push(Adopted {
                held: other,
                lines,
                seq,
            });
        }
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
    pub fn try_drain(self, out: &mut dyn FnMut(Diagnostic) -> io::Result<()>) -> io::Result<()> {
        let mut streams = Vec::new();
        self.into_streams(0, 0, &mut streams)?;
        merge(streams, &mut |(_, d)| out(*d))
    }

    /// Every sorted source of findings this holder and those it adopted
    /// hold, each giving its findings in order, renumbered.
    fn into_streams(mut self, lines: u64, seq: u64, streams: &mut Vec<Stream>) -> io::Result<()> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        let renumber = move |item: io::Result<Item>| {
            item.map(|((source, line, rank), mut d)| {
                let line = match &mut d.row {
                    Some(row) => {
                        row.line += lines;
                        line + lines
                    }
                    None => line,
                };
                ((source, line, rank + seq), d)
            })
        };
        for file in self.runs {
            streams.push(Box::new(run_stream(file)?.map(renumber)));
        }
        self.index.sort_unstable_by_key(|(k, ..)| *k);
        let arena = self.arena;
        let memory = self
            .index
            .into_iter()
            .map(move |(_, start, end)| decode(arena.get(start..end).unwrap_or_default()));
        streams.push(Box::new(memory.map(renumber)));
        for a in self.adopted {
            a.held.into_streams(lines + a.lines, seq + a.seq, streams)?;
        }
        Ok(())
    }
}

/// Runs merged into one new run.
fn merged(runs: Vec<std::fs::File>) -> io::Result<std::fs::File> {
    let mut w = BufWriter::with_capacity(1 << 16, tempfile::tempfile()?);
    let mut buf = Vec::new();
    let streams = runs
        .into_iter()
        .map(run_stream)
        .collect::<io::Result<Vec<_>>>()?;
    merge(streams, &mut |item| {
        buf.clear();
        buf = postcard::to_extend(&item, std::mem::take(&mut buf)).map_err(io::Error::other)?;
        write_record(&mut w, &buf)
    })?;
    w.into_inner().map_err(io::IntoInnerError::into_error)
}

/// Findings in key order, one at a time.
type Stream = Box<dyn Iterator<Item = io::Result<Item>>>;

/// The findings of a run written out, read from its start.
fn run_stream(mut file: std::fs::File) -> io::Result<Stream> {
    file.seek(SeekFrom::Start(0))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut buf = Vec::new();
    Ok(Box::new(std::iter::from_fn(move || {
        read_record(&mut reader, &mut buf).transpose()
    })))
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

/// The sorted streams merged in key order into `out`.
fn merge(mut streams: Vec<Stream>, out: &mut dyn FnMut(Item) -> io::Result<()>) -> io::Result<()> {
    // The next finding of each stream.
    let mut heads: Vec<Option<Item>> = Vec::with_capacity(streams.len());
    for s in &mut streams {
        heads.push(s.next().transpose()?);
    }
    let mut heap: BinaryHeap<Reverse<(Key, usize)>> = heads
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.as_ref().map(|(k, _)| Reverse((*k, i))))
        .collect();
    while let Some(Reverse((_, i))) = heap.pop() {
        let (Some(slot), Some(stream)) = (heads.get_mut(i), streams.get_mut(i)) else {
            continue;
        };
        let next = stream.next().transpose()?;
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

    #[test]
    fn adopted_findings_come_out_as_if_pushed_at_adoption() {
        // A chunk's findings, lines counted from the chunk's start,
        // adopted between pushes of the holder's own: the same order as
        // pushing each, renumbered, at the moment of the adoption.
        let before = finding(0, 700);
        let chunk = scrambled(500);
        let after = [finding(0, 700), finding(0, 3), rowless_finding()];
        let offset = 1000;
        let mut direct = InOrder::new();
        direct.push(before.clone());
        for d in chunk.clone() {
            let mut d = d;
            if let Some(row) = &mut d.row {
                row.line += offset;
            }
            direct.push(d);
        }
        for d in after.clone() {
            direct.push(d);
        }
        let mut expected = Vec::new();
        direct.drain(&mut |d| expected.push(d)).unwrap();
        // The chunk spills runs of its own; the holder too.
        let mut held = InOrder::with_limits(30 * 270, 4);
        let mut part = InOrder::with_limits(50 * 270, 3);
        held.push(before);
        for d in chunk {
            part.push(d);
        }
        assert!(!part.runs.is_empty() && !part.arena.is_empty());
        held.adopt(part, offset);
        for d in after {
            held.push(d);
        }
        assert_eq!(held.len(), 504);
        let mut back = Vec::new();
        held.drain(&mut |d| back.push(d)).unwrap();
        assert_eq!(back.len(), expected.len());
        assert!(back == expected, "not the same findings in the same order");
        assert_eq!(lines(&back[..3]), [(0, 3), (0, 700), (0, 700)]);
    }

    #[test]
    fn adopted_runs_are_merged_so_that_few_are_open_at_the_drain() {
        // Three chunks of 300 findings, each spilling runs of 2 kB; the
        // holder keeps at most 4 runs: each chunk's runs are merged into
        // one as it is adopted, and the order is that of pushing them all.
        let mut direct = InOrder::new();
        let mut held = InOrder::with_limits(40 * 270, 4);
        for k in 0..3u64 {
            let mut part = InOrder::with_limits(2000, 64);
            for d in scrambled(300) {
                let mut shifted = d.clone();
                if let Some(row) = &mut shifted.row {
                    row.line += 1000 * k;
                }
                direct.push(shifted);
                part.push(d);
            }
            assert!(part.runs.len() > 4);
            held.adopt(part, 1000 * k);
        }
        assert!(held.run_count() <= 3, "{} runs", held.run_count());
        let (mut expected, mut back) = (Vec::new(), Vec::new());
        direct.drain(&mut |d| expected.push(d)).unwrap();
        held.drain(&mut |d| back.push(d)).unwrap();
        assert_eq!(back.len(), 900);
        assert!(back == expected, "not the same findings in the same order");
    }

    fn rowless_finding() -> Diagnostic {
        Diagnostic::new(Code::WaiverUnused, Message::new("w"))
    }
}
