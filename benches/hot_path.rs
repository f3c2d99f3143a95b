//! Micro-benchmarks of the hot path: field parsers, the record splitter,
//! reading an export, and a whole check. `cargo bench` runs them (divan);
//! figures are recorded in BENCHMARKS.md, never asserted in tests.

use std::fmt::Write as _;
use std::io::Cursor;
use std::sync::Arc;

use clausier::input::csv::{Export, Input, ReadOptions, Row};
use clausier::input::parse::{parse_amount, parse_date};
use clausier::input::split::Splitter;
use clausier::run;
use clausier::source::{SourceKind, Sources};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const AMOUNTS: &[&[u8]] = &[
    b"1234,56",
    b"-87,10",
    b"0,05",
    b"\"1 234 567,89\"",
    b"22500",
];
const DATES: &[&[u8]] = &[
    b"24/08/2017",
    b"31.12.2018",
    b"2018-02-01",
    b"03.02.2023 05:32:09",
];

#[divan::bench]
fn amount() -> i64 {
    AMOUNTS
        .iter()
        .map(|a| parse_amount(black_box(a)).unwrap_or(0))
        .sum()
}

#[divan::bench]
fn date() -> usize {
    DATES
        .iter()
        .filter(|d| parse_date(black_box(d)).is_some())
        .count()
}

/// `rows` rows in the benchmark generator's layout, one finding in 500.
fn export(rows: usize) -> Vec<u8> {
    let mut text = String::from(
        "date;type;n_ej;montant;centre_financier;domaine_fonctionnel;activite;centre_de_couts;programme;fournisseur;fournisseur_nom;ligne\n",
    );
    for i in 0..rows {
        let cf = if i % 500 == 0 {
            "0129-CDAF-CDSI"
        } else {
            "0124-CDAF-CDSI"
        };
        let _ = writeln!(
            text,
            "{:02}/{:02}/2018;{};{};{},{:02};{cf};0124-11;012460111304;DININCUB75;124;1001091655;NUMA;{}",
            1 + i % 28,
            1 + i % 12,
            if i % 2 == 0 { "AE" } else { "CP" },
            1_380_160_000 + i % 3000,
            i % 20_000,
            i % 100,
            i + 1
        );
    }
    text.into_bytes()
}

#[divan::bench(args = [10_000])]
fn split(bencher: Bencher<'_, '_>, rows: usize) {
    let data = export(rows);
    bencher
        .counter(divan::counter::BytesCount::new(data.len()))
        .bench(|| {
            let mut splitter = Splitter::new(data.as_slice(), b';');
            let mut fields = 0;
            while let Ok(Some(_)) = splitter.read_next() {
                fields += splitter.record().len();
            }
            fields
        });
}

#[divan::bench(args = [10_000])]
fn read_rows(bencher: Bencher<'_, '_>, rows: usize) {
    let data = export(rows);
    bencher
        .counter(divan::counter::ItemsCount::new(rows))
        .bench(|| {
            let reader = Box::new(Cursor::new(data.clone()));
            let sample = data.get(..1 << 16).unwrap_or(&data);
            let mut export = Export::open(
                "bench",
                0,
                sample,
                Input::Reader(reader),
                &ReadOptions::default(),
            )
            .unwrap();
            let mut checked = 0;
            while let Ok(Some(row)) = export.next_row() {
                checked += usize::from(matches!(row, Row::Transaction(_)));
            }
            checked
        });
}

#[divan::bench(args = [10_000])]
fn check(bencher: Bencher<'_, '_>, rows: usize) {
    let data: Arc<[u8]> = Arc::from(export(rows));
    let seed = include_str!("../rules/dsi-dinsic-incubateur-2017.conv");
    bencher
        .counter(divan::counter::ItemsCount::new(rows))
        .bench(|| {
            let mut sources = Sources::default();
            let id = sources.add_rule("seed", seed.to_owned());
            let (convention, _) = clausier::compile(id, seed);
            let convention = convention.unwrap();
            let kind = SourceKind::Memory {
                bytes: Arc::clone(&data),
                delimiter: b';',
                encoding: clausier::input::encoding::Encoding::Utf8,
            };
            let export_id = sources.add_export("bench", kind);
            let reader = Box::new(Cursor::new(Arc::clone(&data)));
            let sample = data.get(..1 << 16).unwrap_or(&data);
            let export = Export::open(
                "bench",
                export_id,
                sample,
                Input::Reader(reader),
                &ReadOptions::default(),
            )
            .unwrap();
            let mut findings = 0;
            let outcome = run::check(
                std::slice::from_ref(&convention),
                vec![export],
                &sources,
                1,
                &clausier::progress::Progress::off(),
                &mut |_, _| findings += 1,
            );
            (findings, matches!(outcome, run::Outcome::Done(_)))
        });
}

/// The seed convention, or the seed with `markets` more `marché` clauses
/// (131,028 of them make a rule file of 10 MB).
fn rule_file(markets: usize) -> String {
    let seed = include_str!("../rules/dsi-dinsic-incubateur-2017.conv");
    let Some((head, tail)) = seed.rsplit_once('}') else {
        return seed.to_owned();
    };
    let mut text = head.to_owned();
    for i in 0..markets {
        text.push_str(&format!(
            "  marché \"lot {i}\" titulaire \"Titulaire numéro {i}\" chorus {}\n",
            1_100_000_000 + i
        ));
    }
    text.push('}');
    text.push_str(tail);
    text
}

/// What the language server does on every keystroke: the whole rule file
/// parsed, lowered and linted (`compile_on`), on the seed and on 10 MB.
#[divan::bench(args = [0, 131_028], sample_count = 10)]
fn lint(bencher: Bencher<'_, '_>, markets: usize) {
    let text = rule_file(markets);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            clausier::compile_on(0, divan::black_box(&text), today)
                .1
                .len()
        });
}
