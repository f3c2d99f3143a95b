//! `fmt` never panics, is idempotent, and keeps the model.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(once) = clausier::language::format::format(&text) {
        let twice = clausier::language::format::format(&once).expect("formatted text parses");
        assert_eq!(once, twice);
    }
});
