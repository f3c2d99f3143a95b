//! Chronological order in bounded memory: an external merge sort of the
//! compact [`Movement`]s that the cumulative checks need.
//!
//! Movements are buffered up to [`RUN_LEN`]; a full buffer is sorted and
//! written to an anonymous temporary file (a run); at the end the runs are
//! merged. An export that fits in one buffer never touches the disk. Memory
//! is bounded by the buffer, whatever the number of rows.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};

use crate::model::Budget;

/// Movements held in memory before a run is spilled: 24 MiB at 48 bytes each.
pub const RUN_LEN: usize = 1 << 19;

/// What the cumulative checks need of a movement, in 48 bytes (39 on disk).
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
}

pub const NO_EJ: u32 = u32::MAX;

const RECORD: usize = 39;

impl Movement {
    fn key(&self) -> (i32, u32, u64) {
        (self.day, self.source, self.line)
    }

    fn encode(&self, out: &mut [u8; RECORD]) {
        let mut w = Cursor(out, 0);
        w.put(&self.day.to_le_bytes());
        w.put(&self.source.to_le_bytes());
        w.put(&self.line.to_le_bytes());
        w.put(&self.byte.to_le_bytes());
        w.put(&self.amount.to_le_bytes());
        w.put(&self.ej.to_le_bytes());
        w.put(&[if self.carried { 2 } else { self.budget as u8 }]);
        w.put(&self.column.to_le_bytes());
    }

    fn decode(buf: &[u8; RECORD]) -> Movement {
        let mut r = Reader(buf, 0);
        let day = i32::from_le_bytes(r.take());
        let source = u32::from_le_bytes(r.take());
        let line = u64::from_le_bytes(r.take());
        let byte = u64::from_le_bytes(r.take());
        let amount = i64::from_le_bytes(r.take());
        let ej = u32::from_le_bytes(r.take());
        let kind = r.take::<1>();
        Movement {
            day,
            source,
            line,
            byte,
            amount,
            ej,
            budget: if kind == [1] { Budget::CP } else { Budget::AE },
            carried: kind == [2],
            column: u16::from_le_bytes(r.take()),
        }
    }
}

struct Cursor<'a>(&'a mut [u8; RECORD], usize);

impl Cursor<'_> {
    fn put(&mut self, bytes: &[u8]) {
        if let Some(dst) = self.0.get_mut(self.1..self.1 + bytes.len()) {
            dst.copy_from_slice(bytes);
        }
        self.1 += bytes.len();
    }
}

struct Reader<'a>(&'a [u8; RECORD], usize);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        if let Some(src) = self.0.get(self.1..self.1 + N) {
            out.copy_from_slice(src);
        }
        self.1 += N;
        out
    }
}

/// Collects movements in any order and gives them back sorted by date,
/// ties in file order.
pub struct Sorter {
    buffer: Vec<Movement>,
    runs: Vec<File>,
    run_len: usize,
}

impl Default for Sorter {
    fn default() -> Self {
        Sorter::with_run_len(RUN_LEN)
    }
}

impl Sorter {
    pub fn with_run_len(run_len: usize) -> Sorter {
        Sorter {
            buffer: Vec::new(),
            runs: Vec::new(),
            run_len: run_len.max(1),
        }
    }

    pub fn push(&mut self, m: Movement) -> io::Result<()> {
        self.buffer.push(m);
        if self.buffer.len() >= self.run_len {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> io::Result<()> {
        self.buffer.sort_unstable_by_key(Movement::key);
        let mut file = BufWriter::with_capacity(1 << 16, tempfile::tempfile()?);
        let mut record = [0u8; RECORD];
        for m in &self.buffer {
            m.encode(&mut record);
            file.write_all(&record)?;
        }
        let mut file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.seek(SeekFrom::Start(0))?;
        self.runs.push(file);
        self.buffer.clear();
        Ok(())
    }

    /// Calls `f` on every movement in chronological order.
    pub fn drain(mut self, mut f: impl FnMut(&Movement)) -> io::Result<()> {
        if self.runs.is_empty() {
            self.buffer.sort_unstable_by_key(Movement::key);
            self.buffer.iter().for_each(f);
            return Ok(());
        }
        if !self.buffer.is_empty() {
            self.spill()?;
        }
        let mut readers: Vec<BufReader<File>> = self
            .runs
            .into_iter()
            .map(|f| BufReader::with_capacity(1 << 16, f))
            .collect();
        let mut heap = BinaryHeap::new();
        for (i, r) in readers.iter_mut().enumerate() {
            if let Some(m) = read_one(r)? {
                heap.push(Reverse(HeapItem(m, i)));
            }
        }
        while let Some(Reverse(HeapItem(m, i))) = heap.pop() {
            f(&m);
            if let Some(next) = readers.get_mut(i).map(read_one).transpose()?.flatten() {
                heap.push(Reverse(HeapItem(next, i)));
            }
        }
        Ok(())
    }
}

fn read_one(r: &mut BufReader<File>) -> io::Result<Option<Movement>> {
    let mut record = [0u8; RECORD];
    match r.read_exact(&mut record) {
        Ok(()) => Ok(Some(Movement::decode(&record))),
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(e),
    }
}

struct HeapItem(Movement, usize);

impl PartialEq for HeapItem {
    fn eq(&self, other: &Self) -> bool {
        self.0.key() == other.0.key()
    }
}
impl Eq for HeapItem {}
impl PartialOrd for HeapItem {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for HeapItem {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.key().cmp(&other.0.key())
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
            budget: Budget::CP,
            carried: false,
            column: 3,
        }
    }

    #[test]
    fn spilled_runs_merge_in_order() {
        let mut sorter = Sorter::with_run_len(3);
        let days = [5, 1, 5, 3, 1, 9, 2, 5];
        for (line, day) in days.iter().enumerate() {
            sorter.push(movement(*day, line as u64 + 2)).unwrap();
        }
        let mut out = Vec::new();
        sorter.drain(|m| out.push((m.day, m.line))).unwrap();
        assert_eq!(
            out,
            vec![
                (1, 3),
                (1, 6),
                (2, 8),
                (3, 5),
                (5, 2),
                (5, 4),
                (5, 9),
                (9, 7)
            ]
        );
    }

    #[test]
    fn records_round_trip() {
        let m = movement(738_000, 42);
        let mut buf = [0u8; RECORD];
        m.encode(&mut buf);
        assert_eq!(Movement::decode(&buf), m);
    }
}
