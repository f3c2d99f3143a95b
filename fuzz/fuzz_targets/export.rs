//! Export readers: any bytes, read with profile detection and with each
//! built-in profile forced, give rows or rejections, never a panic, and the
//! line accounting adds up.
#![no_main]

use std::io::Cursor;

use clausier::input::csv::{Export, Input, ReadOptions, Row};
use clausier::input::profile;
use libfuzzer_sys::fuzz_target;

fn read(data: &[u8], options: &ReadOptions) {
    let reader = Box::new(Cursor::new(data.to_vec()));
    let Ok(mut export) = Export::open("fuzz", 0, data, Input::Reader(reader), options) else {
        return;
    };
    let mut rows = 0u64;
    while let Ok(Some(row)) = export.next_row() {
        rows += 1;
        if let Row::Transaction(tx) = row {
            assert!(tx.movements().count() <= 3);
        }
    }
    let a = export.accounting();
    assert_eq!(a.checked + a.rejected + a.subtotals + a.skipped, rows);
    assert!(a.preamble + a.header + rows + a.continuation + a.blank <= a.lines + 1);
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the profile: detection, or one forced.
    let (choice, body) = data.split_first().map_or((0, data), |(c, rest)| (*c, rest));
    let builtins = profile::builtins();
    let forced = builtins
        .get(usize::from(choice) % (builtins.len() + 1))
        .cloned();
    read(
        body,
        &ReadOptions {
            profile: forced,
            encoding: None,
            transcoded_from: None,
        },
    );
});
