//! Chronological order in bounded memory, without sorting.
//!
//! The cumulative checks need movements by date, ties in file order.
//! Movements arrive in file order, so it is enough to bucket them by day:
//! each day's movements, in arrival order, are its share of the sorted
//! stream. Encoded movements go to fixed-size blocks of one arena of
//! [`MEMORY_BUDGET`] bytes, each day holding a list of blocks. When no
//! block is free, every day's blocks are appended to one anonymous
//! temporary file, a chunk per day, indexed by day, and the blocks are
//! free again. Draining reads the days in order, each day's chunks in
//! order, then its blocks. An export whose movements fit in the budget
//! never touches the disk. Memory: the budget (allocated on the first
//! movement), the spill buffer, and 12 bytes per chunk written; blocks are
//! never reallocated nor copied.

use std::fs::File;
use std::io::{self, BufWriter, Write};
#[cfg(not(unix))]
use std::io::{Read, Seek, SeekFrom};

use rustc_hash::FxHashMap;

use crate::language::model::Budget;

/// Bytes of encoded movements held in memory before flushing to disk.
pub const MEMORY_BUDGET: usize = 12 << 20;
/// Chunks are gathered in a buffer this large before they are written.
const SPILL_BUFFER: usize = 1 << 20;
/// Bytes read ahead per write-out when draining, and for all of them: the
/// read-ahead shrinks when there are many write-outs, so that memory does
/// not grow with the export.
const READ_AHEAD: usize = 64 << 10;
const READ_AHEAD_TOTAL: usize = 2 << 20;
/// Records in a block, at most: small enough that the partly filled last
/// block of each day wastes little, large enough to be cheap to manage.
const BLOCK_RECORDS: usize = 64;

/// What the cumulative checks need of a movement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Movement {
    /// Days since the common era: the chronological key.
    pub day: i32,
    /// Index of the export in the run, then line: the tie-break (file order).
    pub source: u32,
    pub line: u64,
    pub byte: u64,
    pub amount: i64,
    /// Interned commitment number, or [`NO_EJ`].
    pub ej: u32,
    pub budget: Budget,
    /// AE carried from an earlier year: counts per commitment only.
    pub carried: bool,
    /// Column of the amount, to point at it.
    pub column: u16,
    /// The envelope the row belongs to: its place in the view's envelopes
    /// plus one, or 0 for none.
    pub envelope: u8,
}

/// What a day's AE and CP movements (carried AE left out) add to the sums
/// of the whole convention, per budget: their sum, and the highest of the
/// running sums after each of them from the day's start, in their order
/// (`i128::MIN` when the day has none of that budget). A limit can be
/// crossed on that day only if a sum before it plus the peak passes it; the
/// ledger applies every other day at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DaySums {
    pub sum: [i128; 2],
    pub peak: [i128; 2],
}

impl Default for DaySums {
    fn default() -> Self {
        DaySums {
            sum: [0; 2],
            peak: [i128::MIN; 2],
        }
    }
}

impl DaySums {
    fn add(&mut self, budget: usize, amount: i64) {
        if let (Some(sum), Some(peak)) = (self.sum.get_mut(budget), self.peak.get_mut(budget)) {
            *sum += i128::from(amount);
            *peak = (*peak).max(*sum);
        }
    }

    /// The sums of these movements followed by `later`'s.
    pub fn then(self, later: &DaySums) -> DaySums {
        let [s0, s1] = self.sum;
        let [p0, p1] = self.peak;
        let [l0, l1] = later.sum;
        let [q0, q1] = later.peak;
        DaySums {
            sum: [s0 + l0, s1 + l1],
            peak: [p0.max(s0.saturating_add(q0)), p1.max(s1.saturating_add(q1))],
        }
    }

    /// The day has AE or CP movements (not only carried AE).
    pub fn any(&self) -> bool {
        self.peak.iter().any(|p| *p != i128::MIN)
    }
}

/// What draining gives, in order: each day's sums, then its movements
/// (the index of the sorter each comes from, when several are drained).
pub enum Drained<'m> {
    Day(i32, DaySums),
    Movement(usize, &'m Movement),
}

/// Envelopes a movement can name: the language's limit
/// ([`crate::language::view::MAX_ENVELOPES`]), which the kind byte's six
/// bits for the envelope hold (two are the kind's).
pub const MAX_ENVELOPES: usize = crate::language::view::MAX_ENVELOPES;
const _: () = assert!(MAX_ENVELOPES < 64, "six bits of the kind byte");

pub const NO_EJ: u32 = u32::MAX;

/// Encoded size: the day is the bucket's, and the export and the amount's
/// column are the sorter's (one export, one column per kind of movement),
/// so they are not stored. Lines take 40 bits, byte offsets 48.
const RECORD: usize = 24;
const LINE_LIMIT: u64 = 1 << 40;
const BYTE_LIMIT: u64 = 1 << 48;

/// Kinds of movement: AE, CP, carried AE.
fn kind(m: &Movement) -> usize {
    if m.carried { 2 } else { m.budget.index() }
}

impl Movement {
    /// The record: a 128-bit word of line (bits 0–39), byte offset
    /// (40–87), kind and envelope (88–95) and commitment (96–127), then the
    /// amount; two stores, no byte-by-byte assembly.
    fn encode(&self) -> [u8; RECORD] {
        let packed = kind(self) as u8 | (self.envelope.min(MAX_ENVELOPES as u8) << 2);
        let head = u128::from(self.line & (LINE_LIMIT - 1))
            | u128::from(self.byte & (BYTE_LIMIT - 1)) << 40
            | u128::from(packed) << 88
            | u128::from(self.ej) << 96;
        let mut record = [0u8; RECORD];
        let (first, last) = record.split_at_mut(16);
        first.copy_from_slice(&head.to_le_bytes());
        last.copy_from_slice(&self.amount.to_le_bytes());
        record
    }

    fn decode(day: i32, record: &[u8], constants: &Constants) -> Movement {
        let mut r = Fields(record);
        let head = u128::from_le_bytes(r.take());
        let amount = i64::from_le_bytes(r.take());
        let line = (head as u64) & (LINE_LIMIT - 1);
        let byte = ((head >> 40) as u64) & (BYTE_LIMIT - 1);
        let packed = (head >> 88) as u8;
        let ej = (head >> 96) as u32;
        let (kind, envelope) = (packed & 3, packed >> 2);
        Movement {
            day,
            source: constants.source.unwrap_or(0),
            line,
            byte,
            amount,
            ej,
            budget: if kind == 1 { Budget::CP } else { Budget::AE },
            carried: kind == 2,
            envelope,
            column: constants
                .columns
                .get(usize::from(kind))
                .copied()
                .flatten()
                .unwrap_or(0),
        }
    }
}

/// What the movements of one sorter share: their export, and the column of
/// each kind of movement (unset until a movement of that kind comes).
#[derive(Clone, Copy, Default)]
struct Constants {
    source: Option<u32>,
    columns: [Option<u16>; 3],
}

impl Constants {
    /// Notes a movement's export and column, or says it differs.
    fn admit(&mut self, m: &Movement) -> io::Result<()> {
        let column = self.columns.get_mut(kind(m));
        let differs = self.source.is_some_and(|s| s != m.source)
            || column
                .as_ref()
                .is_some_and(|c| c.is_some_and(|c| c != m.column));
        if differs {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "movements of several exports, or of several columns of one kind, in one sorter",
            ));
        }
        if m.line >= LINE_LIMIT || m.byte >= BYTE_LIMIT {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "an export beyond 2^40 lines or 256 TiB",
            ));
        }
        if let Some(c) = column {
            *c = Some(m.column);
        }
        self.source = Some(m.source);
        Ok(())
    }
}

/// Reads fixed-size fields off the front of a record.
struct Fields<'a>(&'a [u8]);

impl Fields<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        if let Some((head, tail)) = self.0.split_first_chunk::<N>() {
            out = *head;
            self.0 = tail;
        }
        out
    }
}

#[derive(Default)]
struct Bucket {
    /// Arena blocks holding the day's movements not yet written out, in
    /// order; the last one holds `fill` records, the others are full.
    blocks: Vec<u32>,
    fill: usize,
    /// (offset, length) of this day's chunks in the spill file, in order.
    chunks: Vec<(u64, u32)>,
    sums: DaySums,
}

impl Bucket {
    /// The encoded records the day holds in the arena, block by block.
    fn held<'a>(&'a self, arena: &'a [u8], block_size: usize) -> impl Iterator<Item = &'a [u8]> {
        let last = self.blocks.len().saturating_sub(1);
        self.blocks.iter().enumerate().map(move |(k, block)| {
            let start = *block as usize * block_size;
            let used = if k == last {
                self.fill * RECORD
            } else {
                block_size
            };
            arena.get(start..start + used).unwrap_or_default()
        })
    }
}

/// Collects movements in file order and gives them back by date, ties in
/// file order.
pub struct Sorter {
    /// Each day's bucket, by index into `buckets`.
    days: FxHashMap<i32, usize>,
    buckets: Vec<(i32, Bucket)>,
    /// Blocks of `block_records` records; empty until the first movement.
    arena: Vec<u8>,
    free: Vec<u32>,
    block_records: usize,
    budget: usize,
    spill: Option<BufWriter<File>>,
    spilled: u64,
    /// The last day pushed and its bucket: rows often share dates.
    last: Option<(i32, usize)>,
    /// Bucket indexes by day, for writing out (`None` when a day was added
    /// since they were sorted).
    by_day: Option<Vec<usize>>,
    /// Offset in the spill file where each write-out begins. A write-out
    /// holds the days in order, so draining reads each one front to back.
    cycles: Vec<u64>,
    /// The export and columns of the movements.
    constants: Constants,
    /// A read-ahead buffer per write-out, for draining, and their bytes
    /// in all.
    cursors: Vec<Cursor>,
    read_ahead: usize,
}

/// Bytes of a write-out read ahead, from file offset `from`.
#[derive(Default)]
struct Cursor {
    from: u64,
    bytes: Vec<u8>,
}

impl Default for Sorter {
    fn default() -> Self {
        Sorter::with_budget(MEMORY_BUDGET)
    }
}

impl Sorter {
    pub fn with_budget(budget: usize) -> Sorter {
        Sorter {
            days: FxHashMap::default(),
            buckets: Vec::new(),
            arena: Vec::new(),
            free: Vec::new(),
            // At least 16 blocks, even for a tiny budget.
            block_records: (budget / RECORD / 16).clamp(1, BLOCK_RECORDS),
            budget,
            spill: None,
            spilled: 0,
            last: None,
            by_day: None,
            cycles: Vec::new(),
            cursors: Vec::new(),
            constants: Constants::default(),
            read_ahead: READ_AHEAD_TOTAL,
        }
    }

    fn block_size(&self) -> usize {
        self.block_records * RECORD
    }

    pub fn push(&mut self, m: Movement) -> io::Result<()> {
        self.constants.admit(&m)?;
        let index = match self.last {
            Some((day, index)) if day == m.day => index,
            _ => {
                let index = self.bucket_of(m.day);
                self.last = Some((m.day, index));
                index
            }
        };
        let full = self
            .buckets
            .get(index)
            .is_none_or(|(_, b)| b.blocks.is_empty() || b.fill == self.block_records);
        if full {
            let block = match self.free.pop() {
                Some(block) => block,
                None if self.grow() => self.free.pop().unwrap_or(0),
                None => {
                    self.flush_all()?;
                    self.free.pop().unwrap_or(0)
                }
            };
            if let Some((_, bucket)) = self.buckets.get_mut(index) {
                bucket.blocks.push(block);
                bucket.fill = 0;
            }
        }
        let block_size = self.block_size();
        let Some((_, bucket)) = self.buckets.get_mut(index) else {
            return Ok(());
        };
        if !m.carried {
            bucket.sums.add(m.budget.index(), m.amount);
        }
        let at =
            bucket.blocks.last().map_or(0, |b| *b as usize) * block_size + bucket.fill * RECORD;
        if let Some(slot) = self.arena.get_mut(at..at + RECORD) {
            slot.copy_from_slice(&m.encode());
        }
        bucket.fill += 1;
        Ok(())
    }

    /// The index of a day's bucket, made if the day is new.
    fn bucket_of(&mut self, day: i32) -> usize {
        let next = self.buckets.len();
        let index = *self.days.entry(day).or_insert(next);
        if index == next {
            self.buckets.push((day, Bucket::default()));
            self.by_day = None;
        }
        index
    }

    /// Grows the arena (doubling, from 16 blocks) while it is below the
    /// budget, so that a small export never touches the whole budget;
    /// `false` once it is at the budget.
    fn grow(&mut self) -> bool {
        let block_size = self.block_size();
        let have = self.arena.len() / block_size;
        let most = (self.budget / block_size).max(2);
        if have >= most {
            return false;
        }
        let want = (have * 2).max(16).min(most);
        self.arena.resize(want * block_size, 0);
        let (from, to) = (
            u32::try_from(have).unwrap_or(u32::MAX),
            u32::try_from(want).unwrap_or(u32::MAX),
        );
        self.free.extend((from..to).rev());
        true
    }

    /// Bytes written to the temporary file so far.
    pub fn spilled(&self) -> u64 {
        self.spilled
    }

    /// Writes every day's blocks out, a chunk per day, and frees them all;
    /// allocates the arena on the first call.
    fn flush_all(&mut self) -> io::Result<()> {
        let block_size = self.block_size();
        if self.arena.is_empty() {
            let blocks = (self.budget / block_size).max(2);
            self.arena = vec![0; blocks * block_size];
            self.free = (0..u32::try_from(blocks).unwrap_or(u32::MAX))
                .rev()
                .collect();
            return Ok(());
        }
        // In a browser (WebAssembly without an operating system) there is
        // no temporary file, and asking for the temporary folder would
        // abort: the run stops, saying the rows could not be spilled.
        if cfg!(all(target_arch = "wasm32", target_os = "unknown")) && self.spill.is_none() {
            return Err(io::Error::new(
                io::ErrorKind::Unsupported,
                "no temporary file in a browser",
            ));
        }
        // Chunks go through a large buffer: one write call for many chunks.
        let file = match &mut self.spill {
            Some(f) => f,
            None => self.spill.insert(BufWriter::with_capacity(
                SPILL_BUFFER,
                tempfile::tempfile()?,
            )),
        };
        let order = match self.by_day.take() {
            Some(order) => order,
            None => {
                let mut order: Vec<usize> = (0..self.buckets.len()).collect();
                order.sort_by_key(|i| self.buckets.get(*i).map(|(day, _)| *day));
                order
            }
        };
        self.cycles.push(self.spilled);
        for index in &order {
            let Some((_, bucket)) = self.buckets.get_mut(*index) else {
                continue;
            };
            if bucket.blocks.is_empty() {
                continue;
            }
            let mut len = 0;
            for records in bucket.held(&self.arena, block_size) {
                file.write_all(records)?;
                len += records.len();
            }
            bucket
                .chunks
                .push((self.spilled, u32::try_from(len).unwrap_or(u32::MAX)));
            self.spilled += len as u64;
            self.free.append(&mut bucket.blocks);
            bucket.fill = 0;
        }
        self.by_day = Some(order);
        Ok(())
    }

    /// Calls `f` on every day's sums and movements in chronological order.
    pub fn drain(mut self, mut f: impl FnMut(Drained<'_>)) -> io::Result<()> {
        self.finish_spill()?;
        let mut days: Vec<i32> = self.days.keys().copied().collect();
        days.sort_unstable();
        let mut chunk = Vec::new();
        for day in days {
            f(Drained::Day(day, self.sums(day)));
            self.drain_day(day, &mut chunk, &mut |m| f(Drained::Movement(0, m)))?;
        }
        Ok(())
    }

    /// The sums of a day's movements.
    fn sums(&self, day: i32) -> DaySums {
        self.days
            .get(&day)
            .and_then(|i| self.buckets.get(*i))
            .map_or_else(DaySums::default, |(_, b)| b.sums)
    }

    /// Writes out what the spill buffer still holds, before reading back.
    fn finish_spill(&mut self) -> io::Result<()> {
        match &mut self.spill {
            Some(f) => f.flush(),
            None => Ok(()),
        }
    }

    /// Calls `f` on the movements of one day, in arrival order.
    fn drain_day(
        &mut self,
        day: i32,
        chunk: &mut Vec<u8>,
        f: &mut impl FnMut(&Movement),
    ) -> io::Result<()> {
        let Some(index) = self.days.get(&day).copied() else {
            return Ok(());
        };
        let Some((_, bucket)) = self.buckets.get(index) else {
            return Ok(());
        };
        let constants = self.constants;
        if let Some(file) = self.spill.as_mut() {
            if self.cursors.len() < self.cycles.len() {
                self.cursors.resize_with(self.cycles.len(), Cursor::default);
            }
            // Read-ahead per write-out, within a bound for all of them.
            let ahead = (self.read_ahead / self.cycles.len().max(1)).min(READ_AHEAD);
            for (offset, len) in &bucket.chunks {
                let cycle = self
                    .cycles
                    .partition_point(|c| c <= offset)
                    .saturating_sub(1);
                let cycle_end = self.cycles.get(cycle + 1).copied().unwrap_or(self.spilled);
                let Some(cursor) = self.cursors.get_mut(cycle) else {
                    continue;
                };
                let bytes = cursor.get(
                    file.get_mut(),
                    *offset,
                    *len as usize,
                    ahead,
                    cycle_end,
                    chunk,
                )?;
                decode_all(day, bytes, &constants, f);
            }
        }
        for records in bucket.held(&self.arena, self.block_size()) {
            decode_all(day, records, &constants, f);
        }
        Ok(())
    }
}

impl Cursor {
    /// Bytes `offset..offset + len` of the file, from the buffer, read
    /// ahead up to `ahead` bytes (not past `end`) when they are not in it.
    fn get<'a>(
        &'a mut self,
        file: &mut File,
        offset: u64,
        len: usize,
        ahead: usize,
        end: u64,
        spare: &'a mut Vec<u8>,
    ) -> io::Result<&'a [u8]> {
        let within =
            offset >= self.from && offset + len as u64 <= self.from + self.bytes.len() as u64;
        if !within {
            let size = usize::try_from(end.saturating_sub(offset))
                .unwrap_or(usize::MAX)
                .min(ahead)
                .max(len);
            let buffer = if size > ahead {
                &mut *spare
            } else {
                &mut self.bytes
            };
            buffer.resize(size, 0);
            read_at(file, buffer, offset)?;
            if size > ahead {
                // A chunk larger than the read-ahead: read alone.
                return Ok(spare.get(..len).unwrap_or_default());
            }
            self.from = offset;
        }
        let start = usize::try_from(offset - self.from).unwrap_or(0);
        Ok(self.bytes.get(start..start + len).unwrap_or_default())
    }
}

/// Reads `buf.len()` bytes at `offset`: one system call where the platform
/// has positioned reads.
fn read_at(file: &mut File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(buf, offset)
    }
    #[cfg(not(unix))]
    {
        file.seek(SeekFrom::Start(offset))?;
        file.read_exact(buf)
    }
}

/// Drains several sorters as one: by day, the day's sums over all of them,
/// then the first sorter's movements, the second's… (their file order).
pub fn drain_in_order(mut sorters: Vec<Sorter>, mut f: impl FnMut(Drained<'_>)) -> io::Result<()> {
    if let [single] = sorters.as_mut_slice() {
        return std::mem::take(single).drain(f);
    }
    let mut days: Vec<i32> = sorters
        .iter()
        .flat_map(|s| s.days.keys().copied())
        .collect();
    days.sort_unstable();
    days.dedup();
    for sorter in &mut sorters {
        sorter.finish_spill()?;
    }
    let mut chunk = Vec::new();
    for day in days {
        let sums = sorters
            .iter()
            .fold(DaySums::default(), |sums, s| sums.then(&s.sums(day)));
        f(Drained::Day(day, sums));
        for (k, sorter) in sorters.iter_mut().enumerate() {
            sorter.drain_day(day, &mut chunk, &mut |m| f(Drained::Movement(k, m)))?;
        }
    }
    Ok(())
}

fn decode_all(day: i32, bytes: &[u8], constants: &Constants, f: &mut impl FnMut(&Movement)) {
    for record in bytes.chunks_exact(RECORD) {
        f(&Movement::decode(day, record, constants));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn movement(day: i32, line: u64) -> Movement {
        Movement {
            day,
            source: 0,
            line,
            byte: line * 10,
            amount: -(line as i64),
            ej: 7,
            // Carried movements are AE.
            budget: if line.is_multiple_of(3) {
                Budget::AE
            } else {
                Budget::CP
            },
            carried: line.is_multiple_of(3),
            column: 3,
            envelope: (line % 64) as u8,
        }
    }

    fn sorted_by(budget: usize, read_ahead: usize) -> Vec<(i32, u64)> {
        let mut sorter = Sorter::with_budget(budget);
        sorter.read_ahead = read_ahead;
        let days = [5, 1, 5, 3, 1, 9, 2, 5, 1, 1, 5, 3];
        for (line, day) in days.iter().enumerate() {
            sorter.push(movement(*day, line as u64 + 2)).unwrap();
        }
        let mut out = Vec::new();
        sorter
            .drain(|d| {
                if let Drained::Movement(_, m) = d {
                    out.push((m.day, m.line));
                }
            })
            .unwrap();
        out
    }

    #[test]
    fn by_day_then_file_order_in_memory_and_spilled() {
        let expected = vec![
            (1, 3),
            (1, 6),
            (1, 10),
            (1, 11),
            (2, 8),
            (3, 5),
            (3, 13),
            (5, 2),
            (5, 4),
            (5, 9),
            (5, 12),
            (9, 7),
        ];
        assert_eq!(sorted_by(MEMORY_BUDGET, READ_AHEAD_TOTAL), expected);
        // A budget of two records: nearly every push spills, and chunks are
        // read back through the read-ahead, or alone when it is too small.
        assert_eq!(sorted_by(2 * RECORD, READ_AHEAD_TOTAL), expected);
        assert_eq!(sorted_by(2 * RECORD, 1), expected);
    }

    #[test]
    fn records_round_trip() {
        let m = movement(738_000, 42);
        let buf = m.encode();
        let mut constants = Constants::default();
        constants.admit(&m).unwrap();
        assert_eq!(Movement::decode(738_000, &buf, &constants), m);
        // The largest line, byte offset and envelope a record holds.
        let far = Movement {
            line: LINE_LIMIT - 1,
            byte: BYTE_LIMIT - 1,
            envelope: MAX_ENVELOPES as u8,
            ..m
        };
        constants.admit(&far).unwrap();
        assert_eq!(Movement::decode(738_000, &far.encode(), &constants), far);
        assert!(
            constants
                .admit(&Movement {
                    line: LINE_LIMIT,
                    ..m
                })
                .is_err()
        );
        assert!(
            constants
                .admit(&Movement {
                    byte: BYTE_LIMIT,
                    ..m
                })
                .is_err()
        );
        // One export and one column per kind of movement.
        assert!(constants.admit(&Movement { source: 1, ..m }).is_err());
        assert!(constants.admit(&Movement { column: 4, ..m }).is_err());
    }

    #[test]
    fn a_days_sums_hold_its_sum_and_peak_and_compose_in_order() {
        let day = |amounts: &[i64]| {
            let mut sums = DaySums::default();
            for a in amounts {
                sums.add(Budget::CP.index(), *a);
            }
            sums
        };
        let whole = day(&[10, 345, -20, 5]);
        assert_eq!(whole.sum, [0, 340]);
        assert_eq!(whole.peak, [i128::MIN, 355]);
        assert!(whole.any() && !DaySums::default().any());
        // Split anywhere, the parts followed one by the other give the same.
        for at in 0..=4 {
            let amounts = [10, 345, -20, 5];
            let (first, second) = amounts.split_at(at);
            assert_eq!(day(first).then(&day(second)), whole, "split at {at}");
        }
        // A sorter keeps each day's sums, carried AE left out.
        let mut sorter = Sorter::with_budget(MEMORY_BUDGET);
        for (line, (d, amount)) in [(3, 7), (1, -4), (3, -9), (3, 5)].iter().enumerate() {
            let m = Movement {
                day: *d,
                amount: *amount,
                budget: Budget::AE,
                carried: false,
                envelope: 0,
                ..movement(*d, line as u64 + 2)
            };
            sorter.push(m).unwrap();
        }
        sorter
            .push(Movement {
                amount: 1000,
                carried: true,
                budget: Budget::AE,
                ..movement(3, 9)
            })
            .unwrap();
        let mut days = Vec::new();
        sorter
            .drain(|d| {
                if let Drained::Day(day, sums) = d {
                    days.push((day, sums.sum[0], sums.peak[0], sums.peak[1]));
                }
            })
            .unwrap();
        assert_eq!(days, [(1, -4, -4, i128::MIN), (3, 3, 7, i128::MIN)]);
    }
}
