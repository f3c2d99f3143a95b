//! The whole `check` pipeline from one input: a rule file and an export,
//! separated by the first `\n---\n`. Compiling, reading, routing-free
//! evaluation and waivers never panic, and the summary's counts add up.
#![no_main]

use std::io::Cursor;
use std::sync::Arc;

use clausier::input::csv::{Export, Input, ReadOptions};
use clausier::input::encoding::Encoding;
use clausier::run::{self, Outcome};
use clausier::source::{SourceKind, Sources};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.windows(5).position(|w| w == b"\n---\n");
    let (rules, export) = match split {
        Some(at) => (&data[..at], &data[at + 5..]),
        None => (data, &b"date;type;montant\n"[..]),
    };
    let text = String::from_utf8_lossy(rules).into_owned();
    let mut sources = Sources::default();
    let id = sources.add_rule("fuzz.conv", text.clone());
    let (Some(convention), _) = clausier::compile(id, &text) else {
        return;
    };
    let bytes: Arc<[u8]> = Arc::from(export);
    let kind = SourceKind::Memory {
        bytes: Arc::clone(&bytes),
        delimiter: b';',
        encoding: Encoding::Utf8,
    };
    let export_id = sources.add_export("fuzz.csv", kind);
    let input = Input::Reader(Box::new(Cursor::new(Arc::clone(&bytes))));
    let Ok(reader) = Export::open("fuzz.csv", export_id, export, input, &ReadOptions::default())
    else {
        return;
    };
    let mut findings = 0u64;
    let outcome = run::check(
        std::slice::from_ref(&convention),
        vec![reader],
        &sources,
        1,
        &clausier::progress::Progress::off(),
        &mut |_, _| findings += 1,
    );
    if let Outcome::Done(s) = outcome {
        assert_eq!(
            s.rows_read,
            s.rows_checked + s.rows_out_of_scope + s.rows_rejected + s.rows_skipped
        );
        let file = &s.files[0];
        assert_eq!(
            file.checked + file.out_of_scope,
            s.rows_checked + s.rows_out_of_scope
        );
    }
});
