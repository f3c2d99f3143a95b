//! A progress line on standard error for long runs: rows and bytes read,
//! their rates and the time left. Reading threads add to shared counters;
//! whichever adds when the line is due redraws it. Silent unless enabled
//! (standard error is a terminal and `--quiet` was not given).

use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::i18n::{Lang, Message};
use crate::msg;
use std::time::{Duration, Instant};

/// Rows between two looks at the clock.
pub const TICK_ROWS: u64 = 1 << 14;
const REDRAW: Duration = Duration::from_millis(250);

pub struct Progress {
    enabled: bool,
    lang: Lang,
    /// A line is on the terminal now.
    shown: AtomicBool,
    total_bytes: AtomicU64,
    rows: AtomicU64,
    bytes: AtomicU64,
    /// When the run started; read only when the line is shown (a clock is
    /// not there on every target: WebAssembly in a browser has none).
    start: Option<Instant>,
    last_draw: Mutex<Option<Instant>>,
}

impl Progress {
    pub fn new(enabled: bool, lang: Lang) -> Progress {
        Progress {
            enabled,
            lang,
            shown: AtomicBool::new(false),
            total_bytes: AtomicU64::new(0),
            rows: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            start: enabled.then(Instant::now),
            last_draw: Mutex::new(None),
        }
    }

    /// Silent progress, for library callers and tests.
    pub fn off() -> Progress {
        Progress::new(false, Lang::En)
    }

    /// Erases the line, if one is shown, before something else is written
    /// to the same terminal: a finding never shares a line with it. The
    /// next line is drawn on the next redraw.
    pub fn clear(&self) {
        if self.enabled && self.shown.swap(false, Ordering::Relaxed) {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
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
        let Some(start) = self.start else {
            return;
        };
        let now = Instant::now();
        if last.is_some_and(|t| now - t < REDRAW) || now - start < REDRAW {
            return;
        }
        *last = Some(now);
        let line = self.line(rows, bytes, now - start);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
        self.shown.store(true, Ordering::Relaxed);
    }

    /// Clears the line at the end of reading.
    pub fn finish(&self) {
        self.clear();
    }

    fn line(&self, rows: u64, bytes: u64, elapsed: Duration) -> String {
        let seconds = elapsed.as_secs_f64().max(1e-3);
        let total = self.total_bytes.load(Ordering::Relaxed);
        let rate = bytes as f64 / seconds;
        // Rates for the eye only: counts and amounts are never floats.
        let decimal = |x: f64, digits: usize| {
            let text = format!("{x:.digits$}");
            match self.lang {
                Lang::Fr => text.replace('.', ","),
                Lang::En => text,
            }
        };
        let left = if total > bytes && rate > 0.0 {
            msg!(
                "progress-left",
                percent = decimal(bytes as f64 * 100.0 / total as f64, 0),
                seconds = decimal((total - bytes) as f64 / rate, 0)
            )
        } else {
            Message::plain("")
        };
        let line = msg!(
            "progress-line",
            rows = decimal(rows as f64 / 1e6, 1),
            megabytes = decimal(bytes as f64 / 1e6, 0),
            row_rate = decimal(rows as f64 / 1e6 / seconds, 1),
            byte_rate = decimal(rate / 1e6, 0),
            left = left
        );
        self.lang.tr(&line).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_shows_rates_and_time_left() {
        let p = Progress::new(false, Lang::En);
        p.expect_bytes(1_000_000_000);
        let line = p.line(2_000_000, 250_000_000, Duration::from_secs(1));
        assert_eq!(
            line,
            "clausier: 2.0 M rows, 250 MB (2.0 M rows/s, 250 MB/s), 25 % read, about 3 s left"
        );
        let p = Progress::new(false, Lang::Fr);
        p.expect_bytes(1_000_000_000);
        let line = p.line(2_500_000, 250_000_000, Duration::from_secs(1));
        assert_eq!(
            line,
            "clausier\u{a0}: 2,5 M lignes, 250 Mo (2,5 M lignes/s, 250 Mo/s), 25\u{202f}% lus, environ 3\u{a0}s restantes"
        );
    }
}
