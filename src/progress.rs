//! A progress line on standard error for long runs: rows and bytes read,
//! their rates and the time left. Reading threads add to shared counters;
//! whichever adds when the line is due redraws it. Silent unless enabled
//! (standard error is a terminal and `--quiet` was not given).

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Rows between two looks at the clock.
pub const TICK_ROWS: u64 = 1 << 14;
const REDRAW: Duration = Duration::from_millis(250);

pub struct Progress {
    enabled: bool,
    total_bytes: AtomicU64,
    rows: AtomicU64,
    bytes: AtomicU64,
    start: Instant,
    last_draw: Mutex<Option<Instant>>,
}

impl Progress {
    pub fn new(enabled: bool) -> Progress {
        Progress {
            enabled,
            total_bytes: AtomicU64::new(0),
            rows: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            start: Instant::now(),
            last_draw: Mutex::new(None),
        }
    }

    /// Silent progress, for library callers and tests.
    pub fn off() -> Progress {
        Progress::new(false)
    }

    /// Adds the size of an export to read.
    pub fn expect_bytes(&self, bytes: u64) {
        self.total_bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    pub fn add(&self, rows: u64, bytes: u64) {
        if !self.enabled {
            return;
        }
        let rows = self.rows.fetch_add(rows, Ordering::Relaxed) + rows;
        let bytes = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        let Ok(mut last) = self.last_draw.try_lock() else {
            return;
        };
        let now = Instant::now();
        if last.is_some_and(|t| now - t < REDRAW) || now - self.start < REDRAW {
            return;
        }
        *last = Some(now);
        let line = self.line(rows, bytes, now - self.start);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
    }

    /// Clears the line at the end of reading.
    pub fn finish(&self) {
        let drawn = self.last_draw.lock().map(|l| l.is_some()).unwrap_or(false);
        if self.enabled && drawn {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }

    fn line(&self, rows: u64, bytes: u64, elapsed: Duration) -> String {
        let seconds = elapsed.as_secs_f64().max(1e-3);
        let total = self.total_bytes.load(Ordering::Relaxed);
        let rate = bytes as f64 / seconds;
        let mut line = format!(
            "clausier: {:.1} M rows, {:.0} MB ({:.1} M rows/s, {:.0} MB/s)",
            rows as f64 / 1e6,
            bytes as f64 / 1e6,
            rows as f64 / 1e6 / seconds,
            rate / 1e6
        );
        if total > bytes && rate > 0.0 {
            let left = (total - bytes) as f64 / rate;
            line.push_str(&format!(
                ", {:.0} % read, about {left:.0} s left",
                bytes as f64 * 100.0 / total as f64
            ));
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_shows_rates_and_time_left() {
        let p = Progress::new(false);
        p.expect_bytes(1_000_000_000);
        let line = p.line(2_000_000, 250_000_000, Duration::from_secs(1));
        assert_eq!(
            line,
            "clausier: 2.0 M rows, 250 MB (2.0 M rows/s, 250 MB/s), 25 % read, about 3 s left"
        );
    }
}
