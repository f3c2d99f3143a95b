//! `bench`: the five lines that `shared/bench/run.sh` compares between
//! clausier, DuckDB and pandas. Each line aggregates clausier's own
//! findings: (a) term, (b) imputation, (c) markets, (d) ceilings and
//! schedule, (e) payments per commitment. A `ligne` is the data row number
//! of the benchmark files: the physical line minus the header's line 1.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::RunEnd;
use super::Sink;
use crate::diag::{Code, Diagnostic};
use crate::source::Sources;

#[derive(Default)]
struct Tally {
    count: u64,
    sum: u64,
}

impl Tally {
    fn add(&mut self, ligne: u64) {
        self.count += 1;
        self.sum += ligne;
    }
}

pub struct BenchSink<'w> {
    out: Box<dyn Write + 'w>,
    term: Tally,
    imputation: Tally,
    market: Tally,
    overpaid: Tally,
    /// First crossing of each limit: (`AE_2017`, `AE_total`…) → ligne.
    limits: BTreeMap<String, u64>,
}

impl<'w> BenchSink<'w> {
    pub fn new(out: Box<dyn Write + 'w>) -> BenchSink<'w> {
        BenchSink {
            out,
            term: Tally::default(),
            imputation: Tally::default(),
            market: Tally::default(),
            overpaid: Tally::default(),
            limits: BTreeMap::new(),
        }
    }
}

fn figure<'d>(d: &'d Diagnostic, name: &str) -> Option<&'d str> {
    d.figures
        .iter()
        .find(|f| f.name == name)
        .map(|f| f.value.as_str())
}

impl Sink for BenchSink<'_> {
    fn emit(&mut self, d: &Diagnostic, _: &Sources) -> io::Result<()> {
        let Some(ligne) = d.row.as_ref().map(|r| r.line.saturating_sub(1)) else {
            return Ok(());
        };
        match d.code {
            Code::TermBeforeStart | Code::TermAfterEnd => self.term.add(ligne),
            Code::ImputationMismatch => self.imputation.add(ligne),
            Code::MarketUnknown => self.market.add(ligne),
            Code::CommitmentOverpaid => self.overpaid.add(ligne),
            Code::CeilingExceeded | Code::ScheduleExceeded => {
                let budget = figure(d, "budget").unwrap_or("?");
                let period = figure(d, "year").unwrap_or("total");
                self.limits.insert(format!("{budget}_{period}"), ligne);
            }
            _ => {}
        }
        Ok(())
    }

    fn finish(&mut self, end: &RunEnd<'_>) -> io::Result<()> {
        let RunEnd { summary, .. } = *end;
        let limits: Vec<String> = [
            "AE_2017", "AE_2018", "CP_2017", "CP_2018", "AE_total", "CP_total",
        ]
        .iter()
        .map(|k| match self.limits.get(*k) {
            Some(l) => format!("{k}={l}"),
            None => format!("{k}=-"),
        })
        .collect();
        let crossed = limits.iter().filter(|l| !l.ends_with('-')).count();
        writeln!(
            self.out,
            "a_date_hors_periode count={} sum_ligne={}",
            self.term.count, self.term.sum
        )?;
        writeln!(
            self.out,
            "b_imputation count={} sum_ligne={}",
            self.imputation.count, self.imputation.sum
        )?;
        writeln!(
            self.out,
            "c_marche_inconnu count={} sum_ligne={}",
            self.market.count, self.market.sum
        )?;
        writeln!(self.out, "d_plafonds count={crossed} {}", limits.join(" "))?;
        writeln!(
            self.out,
            "e_cp_sup_ae count={} rows={} sum_ligne_first={}",
            self.overpaid.count,
            summary.map_or(0, |s| s.overpaid_rows),
            self.overpaid.sum
        )?;
        self.out.flush()
    }
}
