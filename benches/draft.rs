//! `clausier draft` on a 40-page convention (`benches/data/convention-40-pages.pdf`,
//! written by `scripts/corpus.py`): reading the PDF's text layer, then
//! recognising the clauses and writing the rule file. `cargo bench --bench
//! draft` runs it (divan); figures are recorded in BENCHMARKS.md.

use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const PDF: &str = "benches/data/convention-40-pages.pdf";

/// The whole of `clausier draft` on the 40-page PDF, its reading included.
#[divan::bench(sample_count = 20)]
fn draft_40_pages(b: Bencher<'_, '_>) {
    let bytes = std::fs::read(PDF).unwrap_or_default();
    b.bench(|| {
        clausier::draft::draft("convention-40-pages.pdf", black_box(&bytes))
            .map(|d| d.clauses.len())
            .unwrap_or(0)
    });
}

/// The PDF's text layer alone.
#[divan::bench(sample_count = 20)]
fn read_40_pages(b: Bencher<'_, '_>) {
    let bytes = std::fs::read(PDF).unwrap_or_default();
    b.bench(|| {
        clausier::draft::read::read("convention-40-pages.pdf", black_box(&bytes))
            .map(|(_, p)| p.len())
            .unwrap_or(0)
    });
}
