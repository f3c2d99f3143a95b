//! Amount and date parsing never panic, and a parsed amount written back in
//! the French format parses to the same cents.
#![no_main]

use clausier::input::parse::{parse_amount, parse_date};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_date(data);
    if let Ok(cents) = parse_amount(data) {
        let written = clausier::money::french(i128::from(cents));
        let back = written.trim_end_matches(" €").replace(' ', "\u{A0}");
        assert_eq!(parse_amount(back.as_bytes()), Ok(cents), "{written}");
    }
});
