//! Differential tests: the fast evaluator (`run::check`) against the
//! reference evaluator (`clausier::reference`, README's rules written
//! plainly), on random conventions rendered to rule files and random
//! exports for them. Findings (code, row, clause, waived, the sum that
//! crossed a limit), their order and the summary's counts and consumption
//! must be equal, on one thread and on two (the parallel path, taken here
//! on small files), and on the same rows split into two files.
//!
//! `CLAUSIER_DIFF_CASES=N` sets the number of cases (default 256, a few
//! seconds); a failure is shrunk by proptest and printed with its rule file
//! and export, to be kept as a data case under `tests/cases/`.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clausier::diag::Diagnostic;
use clausier::language::model::Convention;
use clausier::reference::{self, Finding, Totals};
use clausier::run::{self, Outcome, Threads};
use clausier::source::Sources;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

// ---------------------------------------------------------------------
// Random conventions.

#[derive(Clone, Debug)]
struct Envelope {
    cf: usize,
    ceiling: Option<(u8, u32)>,
    yearly: Option<u32>,
    schedule: Vec<(i32, u8, u32)>,
}

#[derive(Clone, Debug)]
struct Amendment {
    effect: u32,
    ceiling: Option<(u8, u32)>,
    yearly: Option<u32>,
    end: Option<u32>,
    market: Option<usize>,
    remove: Option<usize>,
    cf: Option<usize>,
    envelope: Option<(usize, Option<usize>, Option<u32>)>,
    delegation: Option<u8>,
    titles: Option<(bool, Vec<u8>)>,
    schedule: Vec<(i32, u8, u32)>,
}

#[derive(Clone, Debug)]
struct Conv {
    start_at_signature: bool,
    end: u32,
    renewal: Option<u8>,
    notice: Option<(u32, bool, bool)>,
    delegation: u8,
    ceiling: Option<(u8, u32)>,
    yearly: Option<u32>,
    schedule: Vec<(i32, u8, u32)>,
    cf: Option<usize>,
    /// How the scope is written: 0 `centre-financier`, 1 `uo` outside
    /// `imputation`, 2 `uo` inside it, 3 `bop` (the BOP alone when no
    /// centre financier is drawn, with it otherwise).
    scope: u8,
    envelopes: Vec<Envelope>,
    markets: Vec<usize>,
    titles: Option<(bool, Vec<u8>)>,
    amendments: Vec<Amendment>,
    waivers: Vec<(usize, bool, usize, Option<u32>)>,
}

/// Days from 2020-01-01: every date of a case is one of these.
fn date(day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(u64::from(day))
}

const CFS: [&str; 4] = [
    "0129-CSGG-FONC",
    "0129-CSGG-INVE",
    "0129-CSGG-ETUD",
    "0129-CSGG-AUTR",
];
const SUPPLIERS: [&str; 3] = ["1001300001", "1001242228", "1001091655"];
const CODES: [&str; 6] = [
    "ceiling.exceeded",
    "imputation.mismatch",
    "market.unknown",
    "commitment.overpaid",
    "term.after-end",
    "schedule.exceeded",
];
const BUDGETS: [&str; 3] = ["AE", "CP", "AE et CP"];

fn euros(n: u32) -> String {
    format!("{} €", u64::from(n) * 1000)
}

fn budget_line(out: &mut String, indent: &str, ceiling: Option<(u8, u32)>, yearly: Option<u32>) {
    if let Some((b, n)) = ceiling {
        let _ = writeln!(
            out,
            "{indent}plafond {} {}",
            BUDGETS[usize::from(b % 3)],
            euros(n)
        );
    }
    if let Some(n) = yearly {
        let _ = writeln!(out, "{indent}plafond CP {} par an", euros(n));
    }
}

fn schedule(out: &mut String, indent: &str, lines: &[(i32, u8, u32)]) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "{indent}échéancier {{");
    let mut seen = Vec::new();
    for (year, b, n) in lines {
        let budget = if b % 2 == 0 { "AE" } else { "CP" };
        if !seen.contains(&(*year, budget)) {
            seen.push((*year, budget));
            let _ = writeln!(out, "{indent}  {year} {budget} {}", euros(*n));
        }
    }
    let _ = writeln!(out, "{indent}}}");
}

fn titles(out: &mut String, indent: &str, t: &Option<(bool, Vec<u8>)>) {
    if let Some((excluded, list)) = t {
        let list: Vec<String> = list.iter().map(|t| (t % 7 + 1).to_string()).collect();
        let hors = if *excluded { "hors " } else { "" };
        let _ = writeln!(out, "{indent}titre {hors}{}", list.join(" et "));
    }
}

impl Conv {
    fn render(&self, title: &str, programme: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "convention \"{title}\" {{");
        s.push_str("  signature 2020-01-10\n");
        // The parties: one of each side without codes, or délégants each
        // on a UO (one of them without codes sometimes), and a délégataire
        // on its service exécutant.
        match (self.scope >> 2) % 4 {
            0 => s.push_str("  délégant \"A\"\n  délégataire \"B\"\n"),
            1 => {
                let _ = writeln!(
                    s,
                    "  délégant \"A\" {{\n    uo {}\n  }}\n  délégant \"A2\" {{\n    uo {}\n  }}\n  délégataire \"B\"",
                    CFS[0], CFS[1]
                );
            }
            2 => {
                let _ = writeln!(
                    s,
                    "  délégant \"A\" {{\n    uo {}\n  }}\n  délégant \"A2\"\n  délégataire \"B\" {{\n    service-exécutant CSP0000075\n  }}",
                    CFS[2]
                );
            }
            _ => s.push_str(
                "  délégant \"A\"\n  délégataire \"B\" {\n    service-exécutant CSP0000075\n  }\n  délégataire \"B2\" {\n    service-exécutant CSP0000076\n  }\n",
            ),
        }
        // A market states its holder's number, its contract number, or
        // both (then the pair is checked).
        for m in &self.markets {
            let _ = match m / 3 {
                0 => writeln!(s, "  marché \"m{m}\" chorus {}", SUPPLIERS[*m % 3]),
                1 => writeln!(
                    s,
                    "  marché \"m{m}\" chorus {} numéro M{}",
                    SUPPLIERS[*m % 3],
                    m % 3
                ),
                _ => writeln!(s, "  marché \"m{m}\" numéro M{}", m % 3),
            };
        }
        let effect = if self.start_at_signature {
            "signature".to_owned()
        } else {
            "2020-01-15".to_owned()
        };
        // One term in ten has no end (`indéterminée`); one renewal in four
        // has no limit (no `fois`).
        if self.end.is_multiple_of(10) {
            let _ = writeln!(s, "  durée {{\n    effet {effect}\n    indéterminée");
        } else {
            let _ = writeln!(
                s,
                "  durée {{\n    effet {effect}\n    fin {}",
                date(self.end)
            );
        }
        if let Some(times) = self.renewal {
            if times % 4 == 3 {
                s.push_str("    reconduction 6 mois préavis 1 mois\n");
            } else {
                let _ = writeln!(
                    s,
                    "    reconduction 6 mois fois {} préavis 1 mois",
                    times % 3 + 1
                );
            }
        }
        s.push_str("  }\n");
        match self.delegation % 5 {
            1 => s.push_str("  délégation CP\n"),
            2 => s.push_str("  délégation AE\n"),
            3 => s.push_str("  délégation dépenses et recettes\n"),
            4 => s.push_str("  délégation recettes\n"),
            _ => {}
        }
        // A convention may state no ceiling at all.
        budget_line(&mut s, "  ", self.ceiling, self.yearly);
        schedule(&mut s, "  ", &self.schedule);
        let cf = self.cf.filter(|_| self.envelopes.is_empty());
        if let (Some(cf), 1) = (cf, self.scope % 4) {
            let _ = writeln!(s, "  uo {}", CFS[cf % 4]);
        }
        let _ = writeln!(s, "  imputation {{\n    programme {programme}");
        if self.scope % 4 == 3 {
            s.push_str("    bop 0129-CSGG\n");
        }
        match (cf, self.scope % 4) {
            (Some(_), 1) | (None, _) => {}
            (Some(cf), 2) => {
                let _ = writeln!(s, "    uo {}", CFS[cf % 4]);
            }
            (Some(cf), _) => {
                let _ = writeln!(s, "    centre-financier {}", CFS[cf % 4]);
            }
        }
        s.push_str("  }\n");
        let mut named: Vec<usize> = Vec::new();
        for (i, e) in self.envelopes.iter().enumerate() {
            if named.contains(&(e.cf % 4)) {
                continue;
            }
            named.push(e.cf % 4);
            let _ = writeln!(
                s,
                "  enveloppe \"e{i}\" {{\n    centre-financier {}",
                CFS[e.cf % 4]
            );
            budget_line(&mut s, "    ", e.ceiling, e.yearly);
            schedule(&mut s, "    ", &e.schedule);
            s.push_str("  }\n");
        }
        titles(&mut s, "  ", &self.titles);
        if let Some((day, working, period)) = self.notice {
            if period {
                s.push_str("  préavis 2 mois\n");
            }
            let extra = if working { " report-jour-ouvré" } else { "" };
            let _ = writeln!(
                s,
                "  dénonciation {} par délégant objet résiliation{extra}",
                date(day)
            );
        }
        let mut amendments = self.amendments.clone();
        amendments.sort_by_key(|a| a.effect);
        for (n, a) in amendments.iter().enumerate() {
            let _ = writeln!(s, "  avenant {} {{\n    effet {}", n + 1, date(a.effect));
            budget_line(&mut s, "    ", a.ceiling, a.yearly);
            schedule(&mut s, "    ", &a.schedule);
            if let Some(end) = a.end {
                let _ = writeln!(s, "    fin {}", date(end));
            }
            if let Some(m) = a.market {
                let _ = writeln!(s, "    marché \"n{n}\" chorus {}", SUPPLIERS[m % 3]);
            }
            if let Some(m) = a
                .remove
                .and_then(|m| self.markets.get(m % self.markets.len().max(1)))
            {
                let _ = writeln!(s, "    retire marché \"m{m}\"");
            }
            if let (Some(cf), true) = (a.cf, self.envelopes.is_empty()) {
                let _ = writeln!(
                    s,
                    "    imputation {{\n      centre-financier {}\n    }}",
                    CFS[cf % 4]
                );
            }
            if let Some((which, cf, ceiling)) = a.envelope {
                let name = if named.is_empty() {
                    9
                } else {
                    which % (named.len() + 1)
                };
                let _ = writeln!(s, "    enveloppe \"e{name}\" {{");
                if let Some(cf) = cf {
                    let _ = writeln!(s, "      centre-financier {}", CFS[cf % 4]);
                }
                budget_line(&mut s, "      ", ceiling.map(|c| (2, c)), None);
                s.push_str("    }\n");
            }
            match a.delegation.map(|d| d % 3) {
                Some(0) => s.push_str("    délégation AE et CP\n"),
                Some(1) => s.push_str("    délégation CP\n"),
                Some(_) => s.push_str("    délégation AE\n"),
                None => {}
            }
            titles(&mut s, "    ", &a.titles);
            s.push_str("  }\n");
        }
        for (code, by_dp, number, until) in &self.waivers {
            let kind = if *by_dp { "dp" } else { "ej" };
            let _ = writeln!(
                s,
                "  dérogation {} {kind} {} {{\n    motif \"essai\"",
                CODES[code % CODES.len()],
                number % 5 + 1
            );
            if let Some(day) = until {
                let _ = writeln!(s, "    jusqu'au {}", date(*day));
            }
            s.push_str("  }\n");
        }
        s.push_str("}\n");
        s
    }
}

fn money() -> impl Strategy<Value = u32> {
    1u32..400
}

fn lines() -> impl Strategy<Value = Vec<(i32, u8, u32)>> {
    prop::collection::vec((2020i32..2023, any::<u8>(), money()), 0..4)
}

fn ceiling() -> impl Strategy<Value = Option<(u8, u32)>> {
    prop::option::of((any::<u8>(), money()))
}

fn title_rule() -> impl Strategy<Value = Option<(bool, Vec<u8>)>> {
    prop::option::weighted(
        0.25,
        (any::<bool>(), prop::collection::vec(any::<u8>(), 1..3)),
    )
}

fn envelope() -> impl Strategy<Value = Envelope> {
    (
        0usize..4,
        ceiling(),
        prop::option::weighted(0.3, money()),
        lines(),
    )
        .prop_map(|(cf, ceiling, yearly, schedule)| Envelope {
            cf,
            ceiling,
            yearly,
            schedule,
        })
}

fn amendment() -> impl Strategy<Value = Amendment> {
    (
        (0u32..900, ceiling(), prop::option::weighted(0.2, money())),
        prop::option::weighted(0.2, 100u32..1100),
        prop::option::weighted(0.3, 0usize..3),
        prop::option::weighted(0.3, 0usize..3),
        prop::option::weighted(0.2, 0usize..4),
        prop::option::weighted(
            0.3,
            (
                0usize..4,
                prop::option::of(0usize..4),
                prop::option::of(money()),
            ),
        ),
        prop::option::weighted(0.15, any::<u8>()),
        title_rule(),
        lines(),
    )
        .prop_map(
            |(
                (effect, ceiling, yearly),
                end,
                market,
                remove,
                cf,
                envelope,
                delegation,
                titles,
                schedule,
            )| Amendment {
                effect,
                ceiling,
                yearly,
                end,
                market,
                remove,
                cf,
                envelope,
                delegation,
                titles,
                schedule,
            },
        )
}

fn convention() -> impl Strategy<Value = Conv> {
    (
        (
            any::<bool>(),
            150u32..900,
            prop::option::weighted(0.3, any::<u8>()),
            prop::option::weighted(0.2, (100u32..1000, any::<bool>(), any::<bool>())),
            prop::sample::select(vec![0u8, 0, 0, 1, 2, 3, 4]),
        ),
        (ceiling(), prop::option::weighted(0.3, money()), lines()),
        prop::option::of(0usize..4),
        prop::collection::vec(envelope(), 0..3),
        prop::collection::vec(0usize..9, 0..3),
        title_rule(),
        prop::collection::vec(amendment(), 0..3),
        prop::collection::vec(
            (
                any::<usize>(),
                any::<bool>(),
                any::<usize>(),
                prop::option::of(0u32..900),
            ),
            0..3,
        ),
        any::<u8>(),
    )
        .prop_map(
            |(
                (start_at_signature, end, renewal, notice, delegation),
                (ceiling, yearly, schedule),
                cf,
                envelopes,
                markets,
                titles,
                amendments,
                waivers,
                scope,
            )| Conv {
                start_at_signature,
                end,
                renewal,
                notice,
                delegation,
                ceiling,
                yearly,
                schedule,
                cf,
                scope,
                envelopes,
                markets,
                titles,
                amendments,
                waivers,
            },
        )
}

// ---------------------------------------------------------------------
// Random exports.

#[derive(Clone, Debug)]
struct Line {
    day: u32,
    kind: u8,
    ej: u8,
    dp: u8,
    amount: i32,
    programme: u8,
    cf: u8,
    supplier: u8,
    title: u8,
    /// The BOP column's value, when the export has one.
    bop: u8,
    /// 0: a good row; else a malformed one of some kind.
    broken: u8,
}

#[derive(Clone, Debug)]
struct Csv {
    lines: Vec<Line>,
    crlf: bool,
    bom: bool,
    blank_every: u8,
    columns: u8,
}

/// Boundary days: the start (14), 29 February, month ends, the usual ends
/// of terms and amendments' days are drawn often.
fn day() -> impl Strategy<Value = u32> {
    prop_oneof![
        0u32..1100,
        prop::sample::select(vec![
            9u32, 13, 14, 15, 58, 59, 60, 90, 181, 182, 365, 366, 425, 730, 731
        ]),
    ]
}

fn csv_line() -> impl Strategy<Value = Line> {
    (
        (day(), any::<u8>(), 0u8..7, 0u8..7),
        prop_oneof![-50_000i32..50_000, 1i32..20_000_000, Just(0)],
        (0u8..6, 0u8..8, 0u8..5, 0u8..10, 0u8..4),
        prop::sample::select([vec![0u8; 33], vec![1, 2, 3]].concat()),
    )
        .prop_map(
            |((day, kind, ej, dp), amount, (programme, cf, supplier, title, bop), broken)| Line {
                day,
                kind,
                ej,
                dp,
                amount,
                programme,
                cf,
                supplier,
                title,
                bop,
                broken,
            },
        )
}

fn csv() -> impl Strategy<Value = Csv> {
    (
        prop::collection::vec(csv_line(), 0..60),
        any::<bool>(),
        prop::sample::select(vec![false, false, false, true]),
        prop::sample::select(vec![0u8, 0, 0, 7]),
        any::<u8>(),
    )
        .prop_map(|(lines, crlf, bom, blank_every, columns)| Csv {
            lines,
            crlf,
            bom,
            blank_every,
            columns,
        })
}

fn amount(cents: i32) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (euros, rest) = (abs / 100, abs % 100);
    let euros = if euros >= 1000 {
        format!("{} {:03}", euros / 1000, euros % 1000)
    } else {
        euros.to_string()
    };
    format!("{sign}{euros},{rest:02}")
}

impl Csv {
    /// The header and the rendered rows (without line ends).
    fn rows(&self) -> (String, Vec<String>) {
        let with_title = self.columns & 1 == 1;
        let with_supplier = self.columns & 2 == 0;
        let with_bop = self.columns & 4 == 4;
        let with_contract = self.columns & 8 == 8;
        let with_executant = self.columns & 16 == 16;
        let with_account = self.columns & 32 == 32;
        let mut header = "date;type;n_ej;n_dp;montant;programme;centre_financier".to_owned();
        if with_bop {
            header.push_str(";bop");
        }
        if with_contract {
            header.push_str(";marche");
        }
        if with_executant {
            header.push_str(";service_executant");
        }
        if with_account {
            header.push_str(";compte");
        }
        if with_supplier {
            header.push_str(";fournisseur");
        }
        if with_title {
            header.push_str(";titre");
        }
        let rows = self
            .lines
            .iter()
            .map(|l| {
                let d = date(l.day);
                let date = match l.broken {
                    1 => "31/02/2021".to_owned(),
                    _ if l.kind & 4 == 4 => d.format("%Y-%m-%d").to_string(),
                    _ => d.format("%d/%m/%Y").to_string(),
                };
                // One row in eleven is a receipt.
                let kind = if l.kind % 11 == 10 {
                    "RE"
                } else if l.kind % 2 == 0 {
                    "AE"
                } else {
                    "CP"
                };
                let ej = if l.ej == 0 {
                    String::new()
                } else {
                    format!("{}", l.ej)
                };
                let dp = if l.dp == 0 {
                    String::new()
                } else {
                    format!("{}", l.dp)
                };
                let money = match (l.broken, l.kind & 8) {
                    (2, _) => "12,3,4".to_owned(),
                    (_, 8) => format!("\"{}\"", amount(l.amount)),
                    _ => amount(l.amount),
                };
                let programme =
                    ["129", "0129", "124", "", "#", "129"][usize::from(l.programme % 6)];
                let cf = match l.cf {
                    0..=3 => CFS[usize::from(l.cf)].to_owned(),
                    4 => format!("BG00/{}", CFS[0]),
                    5 => "#".to_owned(),
                    6 => "0124-CDAF-CDSI".to_owned(),
                    // Another BOP of the same programme.
                    _ => "0129-AUTR-FONC".to_owned(),
                };
                let mut row = format!("{date};{kind};{ej};{dp};{money};{programme};{cf}");
                if with_bop {
                    row.push(';');
                    row.push_str(
                        ["0129-CSGG", "BG00/0129-CSGG", "0129-AUTR", ""][usize::from(l.bop % 4)],
                    );
                }
                if with_contract {
                    row.push(';');
                    row.push_str(
                        ["M0", "M1", "M2", "", "MX"][usize::from((l.ej + l.supplier) % 5)],
                    );
                }
                if with_executant {
                    row.push(';');
                    row.push_str(
                        ["CSP0000075", "CSP0000076", "CSP0000099", ""]
                            [usize::from((l.dp + l.bop) % 4)],
                    );
                }
                if with_account {
                    row.push(';');
                    let account = ["6132000000", "7588000000", "", "PCE/7011000000"];
                    row.push_str(account[usize::from(l.title % 4)]);
                }
                if with_supplier {
                    let supplier = match l.supplier {
                        0..=2 => SUPPLIERS[usize::from(l.supplier)],
                        3 => "",
                        _ => "1009999999",
                    };
                    row.push(';');
                    row.push_str(supplier);
                }
                if with_title {
                    let title = ["3", "5", "T3", "Titre 2", "6", "", "#", "03", "2", "x"]
                        [usize::from(l.title % 10)];
                    row.push(';');
                    row.push_str(title);
                }
                if l.broken == 3 {
                    row.push_str(";extra;fields");
                }
                row
            })
            .collect();
        (header, rows)
    }

    /// A file of rows `from..to`, with the header.
    fn bytes(&self, from: usize, to: usize) -> Vec<u8> {
        let (header, rows) = self.rows();
        let end = if self.crlf { "\r\n" } else { "\n" };
        let mut text = String::new();
        if self.bom {
            text.push('\u{feff}');
        }
        text.push_str(&header);
        text.push_str(end);
        for (i, row) in rows.iter().enumerate().take(to).skip(from) {
            if self.blank_every > 0 && i % usize::from(self.blank_every) == 3 {
                text.push_str(end);
            }
            text.push_str(row);
            text.push_str(end);
        }
        text.into_bytes()
    }
}

// ---------------------------------------------------------------------
// Running both evaluators.

struct Run {
    findings: Vec<Finding>,
    totals: Totals,
}

/// Compiles rule files; `None` when one does not lower (the generator
/// aims at valid files; a case that is not is skipped).
fn compile(texts: &[String], sources: &mut Sources) -> Option<Vec<Convention>> {
    let mut conventions = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let id = sources.add_rule(format!("c{i}.conv"), text.clone());
        let (c, diags) = clausier::compile_on(
            id,
            text,
            chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        );
        let broken = diags.iter().any(|d| {
            matches!(
                d.code.as_str(),
                "syntax.error" | "clause.unknown" | "clause.missing" | "value.invalid"
            )
        });
        if broken {
            return None;
        }
        conventions.push(c?);
    }
    Some(conventions)
}

fn fast(texts: &[String], files: &[PathBuf], threads: Threads) -> Option<Run> {
    let mut sources = Sources::default();
    let conventions = compile(texts, &mut sources)?;
    let mut found: Vec<Diagnostic> = Vec::new();
    let exports = run::open_exports(files, &Default::default(), &mut sources, &mut |_, d| {
        found.push(d)
    })?;
    let outcome = run::check_with(
        &conventions,
        exports,
        &sources,
        threads,
        &clausier::progress::Progress::off(),
        &mut |_, d| found.push(d),
    );
    let summary = match outcome {
        Outcome::Done(s) | Outcome::Unusable(Some(s)) => s,
        Outcome::Unusable(None) => return None,
    };
    let names: Vec<(String, usize)> = conventions
        .iter()
        .map(|c| (sources.name(c.source).to_owned(), c.source))
        .collect();
    Some(Run {
        findings: found.iter().map(Finding::of).collect(),
        totals: Totals::of(&summary, &names),
    })
}

fn reference_run(texts: &[String], files: &[PathBuf]) -> Option<Run> {
    let mut sources = Sources::default();
    let conventions = compile(texts, &mut sources)?;
    let bytes: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    // Exports are registered after the rule files, in order, as the fast
    // path registers them.
    let first = texts.len();
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let exports: Vec<reference::Source<'_>> = bytes
        .iter()
        .zip(&names)
        .enumerate()
        .map(|(i, (b, n))| reference::Source {
            id: first + i,
            name: n,
            bytes: b,
        })
        .collect();
    let (findings, totals) = reference::evaluate(&conventions, &exports).ok()?;
    Some(Run { findings, totals })
}

/// The findings of a run over the split files, with rows renumbered as
/// in the single file (`rows_first`: data lines of the first part, header
/// excluded; the second file's source id becomes the first's).
fn merged(findings: &[Finding], first: usize, second: usize, first_lines: u64) -> Vec<Finding> {
    findings
        .iter()
        .map(|f| {
            let mut f = f.clone();
            if let Some((s, line)) = f.row
                && s == second
            {
                f.row = Some((first, line - 1 + first_lines));
            }
            f
        })
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Codes the reference found over a run, to show the cases reach them.
/// Cases whose rule files do not lower (nothing to compare).
static SKIPPED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
static WAIVED: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
static SEEN: std::sync::Mutex<Vec<(clausier::diag::Code, u32)>> = std::sync::Mutex::new(Vec::new());

fn check_case(conv: &Conv, other: Option<&Conv>, csv: &Csv) -> Result<(), TestCaseError> {
    let mut texts = vec![conv.render("Essai", "129")];
    if let Some(other) = other {
        let mut text = other.render("Autre", "129");
        // One pair in four: the second sub-delegates the first (`cadre`).
        if conv.scope & 0x30 == 0x30
            && let Some(end) = text.find('\n')
        {
            text.insert_str(end + 1, "  cadre \"Essai\"\n");
        }
        texts.push(text);
    }
    let dir = tempfile::tempdir().unwrap();
    let whole = write(dir.path(), "export.csv", &csv.bytes(0, csv.lines.len()));
    let files = vec![whole.clone()];
    let one = Threads {
        count: 1,
        min_bytes: u64::MAX,
        steal_bytes: u64::MAX,
        period: Default::default(),
        every_convention: false,
    };
    let Some(reference) = reference_run(&texts, &files) else {
        SKIPPED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        return Ok(());
    };
    let Some(fast1) = fast(&texts, &files, one) else {
        SKIPPED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        return Ok(());
    };
    if let Ok(mut seen) = SEEN.lock() {
        for f in &reference.findings {
            if f.waived {
                WAIVED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            match seen.iter_mut().find(|(c, _)| *c == f.code) {
                Some((_, n)) => *n += 1,
                None => seen.push((f.code, 1)),
            }
        }
    }
    let context = || {
        format!(
            "rule files:\n{}\nexport:\n{}",
            texts.join("\n"),
            String::from_utf8_lossy(&std::fs::read(&whole).unwrap())
        )
    };
    prop_assert_eq!(
        &fast1.findings,
        &reference.findings,
        "findings, 1 thread\n{}",
        context()
    );
    prop_assert_eq!(
        &fast1.totals,
        &reference.totals,
        "summary, 1 thread\n{}",
        context()
    );
    let two = Threads {
        count: 2,
        min_bytes: 1,
        steal_bytes: 1,
        period: Default::default(),
        every_convention: false,
    };
    let fast2 = fast(&texts, &files, two).unwrap();
    prop_assert_eq!(
        &fast2.findings,
        &reference.findings,
        "findings, 2 threads\n{}",
        context()
    );
    prop_assert_eq!(
        &fast2.totals,
        &reference.totals,
        "summary, 2 threads\n{}",
        context()
    );
    // The same rows split into two files: the same verdicts, once rows
    // are numbered as in the single file.
    if csv.blank_every == 0 && csv.lines.len() > 1 {
        let half = csv.lines.len() / 2;
        let a = write(dir.path(), "a.csv", &csv.bytes(0, half));
        let b = write(dir.path(), "b.csv", &csv.bytes(half, csv.lines.len()));
        let split = fast(&texts, &[a, b], one).unwrap();
        let (first, second) = (texts.len(), texts.len() + 1);
        // `clause.unchecked` is said once per export: twice for two files.
        let unchecked = |f: &Finding| f.code.as_str() == "clause.unchecked";
        prop_assert_eq!(
            split.findings.iter().filter(|f| unchecked(f)).count(),
            2 * fast1.findings.iter().filter(|f| unchecked(f)).count()
        );
        // The second export's are the later half: drop them.
        let once = fast1.findings.iter().filter(|f| unchecked(f)).count();
        let mut seen = 0;
        let split_findings: Vec<Finding> = split
            .findings
            .iter()
            .filter(|f| {
                if !unchecked(f) {
                    return true;
                }
                seen += 1;
                seen <= once
            })
            .cloned()
            .collect();
        let renumbered = merged(&split_findings, first, second, half as u64 + 1);
        let single: Vec<Finding> = fast1.findings.clone();
        prop_assert_eq!(
            &renumbered,
            &single,
            "findings, split in two\n{}",
            context()
        );
        prop_assert_eq!(split.totals.rows_read, fast1.totals.rows_read);
        prop_assert_eq!(&split.totals.consumption, &fast1.totals.consumption);
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("CLAUSIER_DIFF_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

#[test]
fn fast_and_reference_evaluators_agree() {
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        convention(),
        prop::option::weighted(0.2, convention()),
        csv(),
    );
    // A long campaign says how far it got: every 10,000 cases, the count
    // and the time so far (a campaign stopped early then states a count,
    // not an estimate).
    let started = std::time::Instant::now();
    let done = std::sync::atomic::AtomicU64::new(0);
    runner
        .run(&strategy, |(conv, other, csv)| {
            let result = check_case(&conv, other.as_ref(), &csv);
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if n.is_multiple_of(10_000) {
                eprintln!("{n} cases agree ({:.0} s)", started.elapsed().as_secs_f64());
            }
            result
        })
        .unwrap();
    eprintln!(
        "{} cases agree, {} of them skipped (rule files that do not lower), in {:.1} s",
        done.load(std::sync::atomic::Ordering::Relaxed),
        SKIPPED.load(std::sync::atomic::Ordering::Relaxed),
        started.elapsed().as_secs_f64()
    );
    // The cases reach every code `check` emits on rows and clauses (the
    // unreadable and missing-column cases stop a run before any row).
    let seen = SEEN.lock().unwrap().clone();
    let waived = WAIVED.load(std::sync::atomic::Ordering::Relaxed);
    eprintln!(
        "codes found by the reference over {} cases: {seen:?}; {waived} waived",
        cases()
    );
    assert!(waived > 0, "no case had a finding waived");
    let expected = [
        "term.before-start",
        "term.after-end",
        "term.after-termination",
        "ceiling.exceeded",
        "schedule.exceeded",
        "imputation.mismatch",
        "market.unknown",
        "nature.excluded",
        "commitment.overpaid",
        "input.malformed",
        "waiver.unused",
        "scope.unmatched",
        "scope.ambiguous",
        "clause.unchecked",
    ];
    for code in expected {
        assert!(
            seen.iter().any(|(c, _)| c.as_str() == code),
            "no case reached {code}: {seen:?}"
        );
    }
}

/// The binary's JSON findings and summary, with the export's name
/// replaced by `EXPORT`.
fn json_of(args: &[&str], stdin: Option<&Path>, export_name: &str) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_clausier"));
    command.args(args).current_dir(common::root());
    if let Some(path) = stdin {
        command.stdin(std::fs::File::open(path).unwrap());
    }
    let output = command.output().unwrap();
    let text = String::from_utf8_lossy(&output.stdout).replace(export_name, "EXPORT");
    let value: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{e}: {text}{}", String::from_utf8_lossy(&output.stderr)));
    assert!(value["diagnostics"].is_array(), "{text}");
    format!(
        "exit {:?}\n{}\n{}",
        output.status.code(),
        value["diagnostics"],
        value["summary"]
    )
}

/// The command line gives the same verdicts on a file and on standard
/// input, and with the rules folder holding the rule file instead of the
/// rule file itself.
#[test]
fn file_and_standard_input_rules_folder_and_rule_file_agree() {
    let mut runner = TestRunner::new(Config {
        cases: (cases() / 8).max(8),
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&(convention(), csv()), |(conv, csv)| {
            let dir = tempfile::tempdir().unwrap();
            let rules = dir.path().join("rules");
            std::fs::create_dir(&rules).unwrap();
            let rule = write(&rules, "essai.conv", conv.render("Essai", "129").as_bytes());
            let export = write(dir.path(), "export.csv", &csv.bytes(0, csv.lines.len()));
            let (rule, rules, export) = (
                rule.to_str().unwrap(),
                rules.to_str().unwrap(),
                export.to_str().unwrap(),
            );
            let base = [
                "check",
                "--format",
                "json",
                "--fail-level",
                "none",
                "--date",
                "2020-01-01",
            ];
            let run = |r: &str, e: &str, stdin: Option<&Path>, name: &str| {
                let mut a = base.to_vec();
                a.extend([r, e]);
                json_of(&a, stdin, name)
            };
            let file = run(rule, export, None, export);
            let stdin = run(rule, "-", Some(Path::new(export)), "(stdin)");
            prop_assert_eq!(&file, &stdin, "file against standard input");
            let folder = run(rules, export, None, export);
            prop_assert_eq!(&file, &folder, "rule file against rules folder");
            Ok(())
        })
        .unwrap();
}

/// Every divergence the random cases found, kept as data: a folder of
/// rule files and an `export.csv` under `tests/cases/differential/`.
#[test]
fn kept_cases_agree() {
    let dir = common::root().join("tests/cases/differential");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let mut rules: Vec<PathBuf> = std::fs::read_dir(&case)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "conv"))
            .collect();
        rules.sort();
        let texts: Vec<String> = rules
            .iter()
            .map(|r| std::fs::read_to_string(r).unwrap())
            .collect();
        let files = vec![case.join("export.csv")];
        let reference = reference_run(&texts, &files).expect("the case's files compile");
        for count in [1, 2] {
            let threads = Threads {
                count,
                min_bytes: 1,
                steal_bytes: 1,
                period: Default::default(),
                every_convention: false,
            };
            let fast = fast(&texts, &files, threads).unwrap();
            assert_eq!(fast.findings, reference.findings, "{}", case.display());
            assert_eq!(fast.totals, reference.totals, "{}", case.display());
        }
    }
}
