//! Rule files: parsing, lowering and lints never panic, whatever the text,
//! and every diagnostic's span lies inside it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (_, diagnostics) = clausier::compile(0, &text);
    for d in diagnostics {
        if let Some(c) = d.clause {
            assert!(c.span.start <= c.span.end && c.span.end <= text.len());
        }
    }
    let _ = clausier::input::profile::parse(0, &text);
});
