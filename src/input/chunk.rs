//! A large export file cut into pieces for several reading threads: one
//! chunk per thread, each starting at a line start; a thread done with its
//! piece takes the second half of what is left of the piece with most left
//! (cores of one machine do not all run at one speed). Each piece is a
//! [`Stretch`] whose end another thread may move back; the pieces' rows are
//! read with the export's layout ([`Export::fork`]).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::csv::{Export, Input};
use super::open::file_input;
use super::split::Stretch;

/// Pieces that threads done with theirs may take from the others, per
/// thread: each is one more set of day buckets and findings.
pub const STEALS_PER_THREAD: usize = 2;
/// The fewest bytes left unread in a piece for half of them to be taken.
pub const STEAL_MIN: u64 = 8 << 20;
/// Exports smaller than this are read by one thread.
pub const PARALLEL_MIN_BYTES: u64 = 4 << 20;

/// The pieces of an export file being read (see the module's documentation).
pub struct Pieces {
    path: PathBuf,
    /// The first chunk's start and the file's end.
    span: (u64, u64),
    threads: usize,
    /// Every piece so far: its start and its stretch.
    list: Mutex<Vec<(u64, Arc<Stretch>)>>,
    /// The fewest bytes left for a piece to be split.
    steal_min: u64,
}

impl Pieces {
    /// Cuts the export file at `path` into one chunk per thread, each at a
    /// line start; `None` when the data is under `min_bytes` or cannot be
    /// cut in two.
    pub fn cut(
        path: &Path,
        export: &Export,
        threads: usize,
        min_bytes: u64,
        steal_min: u64,
    ) -> Option<Pieces> {
        let (_, start) = export.data_start();
        let len = std::fs::metadata(path).ok()?.len();
        if len.saturating_sub(start) < min_bytes.max(1) || threads < 2 {
            return None;
        }
        let mut file = File::open(path).ok()?;
        let mut bounds = vec![start];
        let step = (len - start) / threads as u64;
        for k in 1..threads {
            let bound = line_start(&mut file, start + step * k as u64)?;
            if bound > *bounds.last()? && bound < len {
                bounds.push(bound);
            }
        }
        bounds.push(len);
        if bounds.len() <= 2 {
            return None;
        }
        let list = bounds
            .windows(2)
            .map(|w| {
                let (from, to) = (
                    w.first().copied().unwrap_or(0),
                    w.get(1).copied().unwrap_or(0),
                );
                (from, Arc::new(Stretch::new(from, to)))
            })
            .collect::<Vec<_>>();
        Some(Pieces {
            path: path.to_path_buf(),
            span: (start, len),
            threads: list.len(),
            list: Mutex::new(list),
            steal_min,
        })
    }

    /// The chunks, one per thread.
    pub fn chunks(&self) -> Vec<(u64, Arc<Stretch>)> {
        self.list.lock().map(|p| p.clone()).unwrap_or_default()
    }

    /// How many threads read the chunks.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Takes the second half of what is left unread of the piece with most
    /// left, from a line start, as a new piece; `None` when each thread has
    /// taken its share or no piece has enough left.
    pub fn steal(&self) -> Option<(u64, Arc<Stretch>)> {
        let mut list = self.list.lock().ok()?;
        if list.len() >= self.threads * (1 + STEALS_PER_THREAD) {
            return None;
        }
        let victim = list.iter().max_by_key(|(_, s)| s.left())?.1.clone();
        let mut file = File::open(&self.path).ok()?;
        let (from, to) =
            victim.split_off(self.steal_min, |middle| line_start(&mut file, middle))?;
        let stretch = Arc::new(Stretch::new(from, to));
        list.push((from, stretch.clone()));
        Some((from, stretch))
    }

    /// A piece's rows, with the layout of `template`; a quote still open at
    /// the piece's end is noted (`Export::ended_in_quote`).
    pub fn open(
        &self,
        template: &Export,
        from: u64,
        stretch: Arc<Stretch>,
    ) -> std::io::Result<Export> {
        let file = File::open(&self.path)?;
        let input = Input::Stretch {
            file,
            from,
            stretch,
        };
        let mut chunk = template.fork(input, from);
        chunk.set_chunk();
        Ok(chunk)
    }

    /// Every chunk's rows at once, with the layout of `template`: when a
    /// quoted field spans a piece's end, the export is read again whole.
    pub fn whole(&self, template: &Export) -> std::io::Result<Export> {
        let (from, to) = self.span;
        let input = file_input(File::open(&self.path)?, from, Some(to))?;
        Ok(template.fork(input, from))
    }
}

/// The first line start after byte `at` of a file, if a line ends within
/// the 64 KiB after it.
fn line_start(file: &mut File, at: u64) -> Option<u64> {
    file.seek(SeekFrom::Start(at)).ok()?;
    let mut window = vec![0u8; 1 << 16];
    let n = file.read(&mut window).ok()?;
    let newline = memchr::memchr(b'\n', window.get(..n)?)?;
    Some(at + newline as u64 + 1)
}
