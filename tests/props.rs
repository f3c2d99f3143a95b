//! Property tests over the library: verdicts do not depend on how an
//! export is sorted.

mod common;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

use clausier::run::{self, Outcome};
use clausier::source::Sources;
use proptest::prelude::*;

/// Checks an export against the seed and returns each finding as (code,
/// message, text of the row it points at), plus the summary's row counts.
/// A finding as (code, message, text of its row).
type Finding = (String, String, String);

fn findings(export: PathBuf) -> (BTreeSet<Finding>, (u64, u64, u64)) {
    findings_of(vec![export])
}

/// The findings of one run over several exports, as (code, message, text
/// of the row), and the summary's row counts.
fn findings_of(exports: Vec<PathBuf>) -> (BTreeSet<Finding>, (u64, u64, u64)) {
    let mut sources = Sources::default();
    let text = std::fs::read_to_string(common::root().join(common::SEED)).unwrap();
    let id = sources.add_rule(common::SEED, text.clone());
    let (convention, diags) = clausier::compile(id, &text);
    assert!(diags.is_empty(), "{diags:?}");
    let convention = convention.unwrap();
    let mut found = Vec::new();
    let exports = run::open_exports(&exports, &Default::default(), &mut sources, &mut |_, d| {
        found.push(d)
    })
    .unwrap();
    let outcome = run::check(
        std::slice::from_ref(&convention),
        exports,
        &sources,
        1,
        &clausier::progress::Progress::off(),
        &mut |_, d| found.push(d),
    );
    let Outcome::Done(summary) = outcome else {
        panic!("unusable")
    };
    let set = found
        .into_iter()
        .map(|d| {
            let row = d
                .row
                .as_ref()
                .and_then(|r| sources.row_text(r.source, r.byte))
                .map(|r| r.text)
                .unwrap_or_default();
            (
                d.code.to_string(),
                clausier::i18n::Lang::En.tr(&d.message).into_owned(),
                row,
            )
        })
        .collect();
    (
        set,
        (
            summary.rows_read,
            summary.rows_checked,
            summary.rows_rejected,
        ),
    )
}

fn write_export(header: &str, rows: &[String]) -> tempfile::TempPath {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    writeln!(file, "{header}").unwrap();
    for row in rows {
        writeln!(file, "{row}").unwrap();
    }
    file.into_temp_path()
}

fn example() -> (String, Vec<String>) {
    let text =
        std::fs::read_to_string(common::root().join("examples/dsi-dinsic-2017-2018.csv")).unwrap();
    let mut lines = text.lines().map(str::to_owned);
    let header = lines.next().unwrap();
    (header, lines.collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The example has one row per date, so no tie depends on file order:
    /// any shuffle of its rows gives the same findings on the same rows.
    #[test]
    fn shuffling_rows_leaves_findings_unchanged(
        shuffled in Just(example().1).prop_shuffle()
    ) {
        let (header, rows) = example();
        let original = write_export(&header, &rows);
        let permuted = write_export(&header, &shuffled);
        let (a, counts_a) = findings(original.to_path_buf());
        let (b, counts_b) = findings(permuted.to_path_buf());
        prop_assert_eq!(counts_a, counts_b);
        prop_assert_eq!(a, b);
    }
}

fn seed_text() -> String {
    std::fs::read_to_string(common::root().join(common::SEED)).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text, however broken, gives diagnostics, never a panic.
    #[test]
    fn compiling_any_text_never_panics(text in "\\PC{0,400}") {
        let _ = clausier::compile(0, &text);
    }

    /// The seed with a slice cut out or garbage spliced in: still no panic,
    /// and every diagnostic's span lies inside the text.
    #[test]
    fn compiling_a_damaged_seed_never_panics(
        at in 0usize..4000, len in 0usize..200, junk in "[{}\"#€ a-z0-9\n-]{0,12}"
    ) {
        let seed = seed_text();
        let mut cut = at.min(seed.len());
        while !seed.is_char_boundary(cut) { cut -= 1; }
        let mut end = (cut + len).min(seed.len());
        while !seed.is_char_boundary(end) { end -= 1; }
        let text = format!("{}{junk}{}", &seed[..cut], &seed[end..]);
        let (_, diags) = clausier::compile(0, &text);
        for d in diags {
            if let Some(c) = d.clause {
                prop_assert!(c.span.start <= c.span.end && c.span.end <= text.len(), "{:?}", d.code);
            }
        }
    }

    /// Any bytes as an export: every row is checked or rejected, the counts
    /// add up, and nothing panics.
    #[test]
    fn reading_any_export_never_panics(body in proptest::collection::vec(any::<u8>(), 0..600)) {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(b"date;type;montant;n_ej;fournisseur\n").unwrap();
        file.write_all(&body).unwrap();
        let path = file.into_temp_path();
        let mut sources = Sources::default();
        let text = seed_text();
        let (convention, _) = clausier::compile(0, &text);
        let convention = convention.unwrap();
        let mut count = 0;
        if let Some(exports) = run::open_exports(&[path.to_path_buf()], &Default::default(), &mut sources, &mut |_, _| ())
            && let Outcome::Done(s) = run::check(std::slice::from_ref(&convention), exports, &sources, 1, &clausier::progress::Progress::off(), &mut |_, _| count += 1) {
                prop_assert_eq!(s.rows_read, s.rows_checked + s.rows_rejected);
            }
    }
}

/// A field as written in CSV: plain, or quoted (quotes doubled; also a field
/// of spaces alone, which would otherwise make a blank line), which
/// lets it hold delimiters, quotes and line breaks.
fn written(field: &str) -> String {
    if field.contains([';', '"', '\n', '\r']) || field.trim().is_empty() {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Records of arbitrary fields, written as CSV with LF or CRLF line
    /// breaks, read back by clausier's splitter as the same fields, and as
    /// the `csv` crate reads them.
    #[test]
    fn the_splitter_reads_back_what_was_written(
        records in proptest::collection::vec(
            proptest::collection::vec("[a;\" x\n]{0,6}", 1..5), 0..6),
        crlf in any::<bool>(),
    ) {
        use clausier::input::split::{Event, Splitter};
        let eol = if crlf { "\r\n" } else { "\n" };
        let text: String = records
            .iter()
            .map(|r| r.iter().map(|f| written(f)).collect::<Vec<_>>().join(";") + eol)
            .collect();
        let bytes = text.as_bytes();
        let mut ours = Vec::new();
        let mut splitter = Splitter::new(bytes, b';');
        while let Some(event) = splitter.read_next().unwrap() {
            prop_assert_eq!(event, Event::Record);
            ours.push(splitter.record().iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect::<Vec<_>>());
        }
        prop_assert_eq!(&ours, &records);
        prop_assert_eq!(splitter.next_line() - 1, text.matches('\n').count() as u64);
        let mut theirs = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record).unwrap() {
            theirs.push(record.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect::<Vec<_>>());
        }
        prop_assert_eq!(ours, theirs);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Month arithmetic (art. 641) never panics, from year 1 to 9999, and
    /// lands on the same day number, or on the last day of a shorter month.
    #[test]
    fn month_arithmetic_is_total_and_follows_article_641(
        days in 0i32..3_652_000, months in 0u32..2400, back in any::<bool>()
    ) {
        use chrono::Datelike;
        use clausier::dates::{add_months, next_working_day, sub_months};
        let Some(from) = chrono::NaiveDate::from_num_days_from_ce_opt(days + 1) else { return Ok(()) };
        let to = if back { sub_months(from, months) } else { add_months(from, months) };
        if let Some(to) = to {
            let month_len = |d: chrono::NaiveDate| {
                (28..=31).rev().find(|n| d.with_day(*n).is_some()).unwrap()
            };
            prop_assert!(to.day() == from.day() || (to.day() == month_len(to) && month_len(to) < from.day()));
            let total = |d: chrono::NaiveDate| d.year() * 12 + d.month0() as i32;
            let expected = if back { -(months as i32) } else { months as i32 };
            prop_assert_eq!(total(to) - total(from), expected);
            if let Some(working) = next_working_day(to) {
                prop_assert!(working >= to && (working - to).num_days() < 7);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// An amount of up to 10^15 €, written with any thousands separator,
    /// either decimal separator, any sign and quotes, reads back exactly.
    #[test]
    fn amounts_round_trip(
        cents in -100_000_000_000_000_000i64..=100_000_000_000_000_000i64,
        sep in prop_oneof![Just(""), Just(" "), Just("\u{A0}"), Just("\u{202F}")],
        point in prop_oneof![Just(","), Just(".")],
        minus in prop_oneof![Just("-"), Just("\u{2013}"), Just("\u{2212}")],
        quoted in any::<bool>(),
    ) {
        use clausier::input::parse::parse_amount;
        let units = (cents.unsigned_abs() / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in units.chars().enumerate() {
            if i > 0 && (units.len() - i) % 3 == 0 {
                grouped.push_str(sep);
            }
            grouped.push(c);
        }
        let sign = if cents < 0 { minus } else { "" };
        let text = format!("{sign}{grouped}{point}{:02}", cents.unsigned_abs() % 100);
        let text = if quoted { format!("\"{text}\"") } else { text };
        prop_assert_eq!(parse_amount(text.as_bytes()), Ok(cents), "{}", text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Splitting an export into two files, read in one run, gives the same
    /// findings on the same rows as the whole file.
    #[test]
    fn splitting_an_export_leaves_findings_unchanged(at in 0usize..30) {
        let (header, rows) = example();
        let at = at.min(rows.len());
        let whole = write_export(&header, &rows);
        let first = write_export(&header, rows.get(..at).unwrap_or_default());
        let second = write_export(&header, rows.get(at..).unwrap_or_default());
        let (a, counts_a) = findings_of(vec![whole.to_path_buf()]);
        let (b, counts_b) = findings_of(vec![first.to_path_buf(), second.to_path_buf()]);
        prop_assert_eq!(counts_a, counts_b);
        prop_assert_eq!(a, b);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// `draft` answers any bytes, a draft or the reason it cannot read
    /// them, whatever they claim to be (a PDF, a ZIP archive, HTML, text);
    /// and a draft's rule file always parses.
    #[test]
    fn draft_reads_any_bytes(
        head in prop::sample::select(vec![&b"%PDF-1.4\n"[..], b"PK\x03\x04", b"<html><p>", b""]),
        body in prop::collection::vec(any::<u8>(), 0..400),
        words in "[A-Za-zé0-9 «»:;,.€\n'-]{0,300}",
    ) {
        for bytes in [[head, &body[..]].concat(), [head, words.as_bytes()].concat()] {
            if let Ok(draft) = clausier::draft::draft("texte", &bytes) {
                let (_, errors) = clausier::language::syntax::parse(0, &draft.rules);
                prop_assert!(errors.is_empty(), "{}", draft.rules);
            }
        }
    }
}
