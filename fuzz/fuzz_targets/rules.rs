//! Rule files and import profiles: parsing, lowering and lints never
//! panic, whatever the text, and every diagnostic's span lies inside it.
//! The first byte picks the parser (even: a rule file, odd: a profile), so
//! that each execution parses once.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((choice, body)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(body);
    if choice % 2 == 1 {
        let _ = clausier::input::profile::parse(0, &text);
        return;
    }
    let (_, diagnostics) = clausier::compile(0, &text);
    for d in diagnostics {
        if let Some(c) = d.clause {
            assert!(c.span.start <= c.span.end && c.span.end <= text.len());
        }
    }
});
