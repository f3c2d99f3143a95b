//! Renderers of the consumption statement (`clausier report`): human text,
//! JSON, CSV and one self-contained HTML file with an SVG chart. Every text
//! that comes from a rule file or an export is escaped in HTML.

use std::fmt::Write as _;
use std::io;

use chrono::NaiveDate;
use serde::Serialize;

use super::table::{Cell, Table, escape, eur};
use crate::audit::Audit;
use crate::diag::Diagnostic;
use crate::eval::statement::{KeyStatus, PartyLine, Statement};
use crate::i18n::{Lang, Message};
use crate::money::Amount;
use crate::msg;
use crate::source::Sources;

/// A finding as the statement lists it.
#[derive(Clone, Debug, Serialize)]
pub struct FindingLine {
    pub code: String,
    pub severity: String,
    pub message: String,
    pub row: Option<String>,
    pub waived: Option<String>,
}

impl FindingLine {
    pub fn of(d: &Diagnostic, sources: &Sources, lang: Lang) -> FindingLine {
        FindingLine {
            code: d.code.as_str().to_owned(),
            severity: super::text::severity(d.severity, lang).into_owned(),
            message: lang.tr(&d.message).into_owned(),
            row: d
                .row
                .as_ref()
                .map(|r| format!("{}:{}", sources.name(r.source), r.line)),
            waived: d.waived.as_ref().map(|w| lang.tr(w).into_owned()),
        }
    }
}

/// Writes each finding line it is given; the first failure ends it.
pub type EachLine<'f> = dyn FnMut(&FindingLine) -> io::Result<()> + 'f;

/// Gives each finding, in order, to the writer it is handed.
pub type Drain<'a> = Box<dyn FnOnce(&mut EachLine<'_>) -> io::Result<()> + 'a>;

/// The findings a statement lists, given one at a time in export order: a
/// run may find more than memory holds (the command keeps them in
/// [`crate::order::InOrder`], which spills to a temporary file).
pub struct Findings<'a> {
    pub count: u64,
    pub each: Drain<'a>,
}

/// `from 2019-01-15 to 2020-12-30 (terminated: the notice of … plus 3 months)`.
pub fn term_text(st: &Statement, lang: Lang) -> String {
    let date = |d: Option<NaiveDate>| d.map_or_else(|| "?".to_owned(), |d| lang.date(d));
    let why = match (&st.term.cause, st.term.terminated) {
        (Some(cause), true) => msg!("report-terminated-by", cause = cause.clone()),
        (Some(cause), false) if !st.term.by_term => {
            msg!("report-end-set-by", cause = cause.clone())
        }
        _ => Message::plain(""),
    };
    let message = match st.term.open {
        Some("renewals") => msg!("report-term-renewed", start = date(st.term.start)),
        Some(_) => msg!("report-term-indefinite", start = date(st.term.start)),
        None => msg!(
            "report-term",
            start = date(st.term.start),
            end = date(st.term.end),
            why = why
        ),
    };
    lang.tr(&message).into_owned()
}

/// The time left from the statement's date to the end in force, and the
/// period the statement covers with the rows it left out, in words.
pub fn time_and_period(st: &Statement, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(parent) = &st.frame {
        lines.push(
            lang.tr(&msg!("report-frame", parent = parent.as_str()))
                .into_owned(),
        );
    }
    if let (Some(days), Some(on)) = (st.term.days_left, st.as_of) {
        let line = if days >= 0 {
            Message::new("report-time-left").count("days", days)
        } else {
            Message::new("report-time-over").count("days", -days)
        };
        lines.push(lang.tr(&line.arg("on", lang.date(on))).into_owned());
    }
    if let Some(p) = &st.period {
        let date = |d: Option<NaiveDate>| d.map_or_else(|| "none".to_owned(), |d| lang.date(d));
        let line = msg!("report-period", from = date(p.from), until = date(p.until))
            .count("after", p.rows_after);
        lines.push(lang.tr(&line).into_owned());
        if let Some(from) = p.from {
            let line = msg!("report-period-before", from = lang.date(from));
            lines.push(lang.tr(&line).into_owned());
        }
    }
    lines
}

/// Dates the statements' calendars as of the statement's date `on`, in
/// the run's language: each key date's words and whether it is past, within
/// the 90 days after `on`, or later.
pub fn settle(statements: &mut [Statement], on: NaiveDate, lang: Lang) {
    for st in statements {
        st.as_of = Some(on);
        st.term.days_left = st.term.end.map(|end| (end - on).num_days());
        st.place_renewals(on);
        for k in &mut st.key_dates {
            k.what = lang.tr(&k.message()).into_owned();
            k.status = Some(k.status_on(on));
        }
    }
}

/// A key date's status in words (none before the statement is settled).
fn status_text(status: Option<KeyStatus>, lang: Lang) -> String {
    status.map_or_else(String::new, |s| {
        lang.tr(&Message::new(s.message_id())).into_owned()
    })
}

/// What a line of figures counts: the convention or an envelope, over its
/// life or one budget year.
fn scope(envelope: &Option<String>, year: Option<i32>, lang: Lang) -> String {
    let who = match envelope {
        None => Message::new("report-scope-convention"),
        Some(n) => msg!("report-scope-envelope", name = n.as_str()),
    };
    let line = match year {
        Some(y) => msg!("report-scope-year", who = who, year = y.to_string()),
        None => who,
    };
    lang.tr(&line).into_owned()
}

/// `2018-05` in English, `05/2018` in French.
fn month(year: i32, month: u32, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{month:02}/{year}"),
        Lang::En => format!("{year}-{month:02}"),
    }
}

pub fn human(
    w: &mut dyn io::Write,
    statements: &[Statement],
    findings: Findings<'_>,
    audit: &Audit,
    lang: Lang,
) -> io::Result<()> {
    let t = |id: &'static str| lang.tr(&Message::new(id)).into_owned();
    let eur = |a: Amount| eur(a, lang);
    let mut out = String::new();
    if statements.len() > 1 {
        let lines = super::overview::overview(statements);
        let _ = writeln!(out, "{}", super::overview::human(&lines, lang));
    }
    for st in statements {
        let _ = writeln!(out, "{} ({})\n", st.title, st.convention);
        let term = cited(term_text(st, lang), &st.citations.term, lang);
        let _ = writeln!(out, "{} {term}", t("report-term-label"));
        for line in time_and_period(st, lang) {
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
        if !st.key_dates.is_empty() {
            let _ = writeln!(out, "{}", t("report-key-dates"));
            for k in &st.key_dates {
                let _ = writeln!(
                    out,
                    "  {:<10}  {}  ({})",
                    lang.date(k.date),
                    k.what,
                    status_text(k.status, lang)
                );
            }
            out.push('\n');
        }
        let heading = cited(t("report-consumption"), &st.citations.ceilings, lang);
        let _ = writeln!(out, "{heading}");
        for c in &st.consumption {
            let _ = writeln!(out, "  {}", lang.tr(&c.display));
        }
        let heading = cited(t("report-per-year"), &st.citations.schedule, lang);
        let _ = writeln!(out, "\n{heading}");
        if st.schedule.is_empty() {
            let _ = writeln!(out, "  {}", t("report-none"));
        }
        for y in &st.schedule {
            let _ = writeln!(out, "  {}", lang.tr(&y.display));
        }
        let _ = writeln!(
            out,
            "\n{:<12} {:>15} {:>15} {:>15} {:>15}",
            t("report-per-month"),
            "AE",
            "CP",
            t("report-cumulative-ae"),
            t("report-cumulative-cp")
        );
        for m in &st.months {
            let _ = writeln!(
                out,
                "  {:<10} {:>15} {:>15} {:>15} {:>15}",
                month(m.year, m.month, lang),
                eur(m.ae),
                eur(m.cp),
                eur(m.cumulative_ae),
                eur(m.cumulative_cp)
            );
        }
        let heading = cited(t("report-per-holder"), &st.citations.markets, lang);
        let _ = writeln!(out, "\n{heading}");
        for h in &st.holders {
            let name = h.holder.clone().unwrap_or_else(|| t("report-not-listed"));
            let line = msg!(
                "report-holder-line",
                supplier = h.supplier.as_str(),
                name = name,
                committed = eur(h.committed),
                paid = eur(h.paid),
                remaining = eur(h.remaining)
            )
            .count("commitments", h.commitments);
            // A row without a supplier: no number before the name.
            let _ = writeln!(out, "  {}", lang.tr(&line).trim_start());
        }
        let _ = writeln!(out, "\n{}", t("report-per-commitment"));
        for e in &st.commitments {
            let line = msg!(
                "report-commitment-line",
                ej = e.ej.as_str(),
                committed = eur(e.committed),
                paid = eur(e.paid),
                remaining = eur(e.remaining)
            );
            let _ = writeln!(out, "  {}", lang.tr(&line));
        }
        if !st.receipts.is_empty() {
            let _ = writeln!(out, "\n{}", t("report-receipts"));
            for r in &st.receipts {
                let _ = writeln!(out, "  {}", lang.tr(&r.display));
            }
        }
        let _ = writeln!(out, "\n{}", t("report-crossings"));
        if st.crossings.is_empty() {
            let _ = writeln!(out, "  {}", t("report-none"));
        }
        for c in &st.crossings {
            let date = c.date.map_or_else(|| "?".to_owned(), |d| lang.date(d));
            let line = msg!("report-crossing-line", date = date, limit = c.limit.clone());
            let _ = writeln!(out, "  {}", lang.tr(&line));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{}",
        lang.tr(&Message::new("report-findings").count("count", findings.count))
    );
    w.write_all(fit(&out, TEXT_WIDTH).as_bytes())?;
    out.clear();
    (findings.each)(&mut |f| {
        let waived = f.waived.as_ref().map_or(String::new(), |w| {
            format!(" [{}]", lang.tr(&msg!("human-waived", reason = w.as_str())))
        });
        let row = f.row.as_ref().map_or(String::new(), |r| format!(" ({r})"));
        let line = format!("  {} {}: {}{row}{waived}", f.severity, f.code, f.message);
        writeln!(w, "{}", fit(&line, TEXT_WIDTH))
    })?;
    let _ = writeln!(
        out,
        "\n{}",
        lang.tr(&msg!(
            "report-audit",
            version = audit.version,
            at = audit_time(audit, lang)
        ))
    );
    for file in &audit.files {
        let _ = writeln!(
            out,
            "  {} {} {}",
            role(file.role, lang),
            file.path,
            file.sha256
                .clone()
                .unwrap_or_else(|| t("report-standard-input"))
        );
    }
    w.write_all(fit(&out, TEXT_WIDTH).as_bytes())
}

/// Columns of the statement in text: lines are wrapped to fit a terminal
/// or a printed page.
const TEXT_WIDTH: usize = 80;

/// `text` with every line longer than `width` columns wrapped at its
/// spaces, each continuation indented four columns past the line's own
/// indent; shorter lines (the tables) unchanged. No-break spaces (in
/// amounts, and before a French colon) never break.
fn fit(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let more = " ".repeat((indent + 4).min(width / 2));
        let (mut rest, mut first) = (line, true);
        loop {
            let room = if first { width } else { width - more.len() };
            if !first {
                out.push('\n');
                out.push_str(&more);
            }
            if rest.chars().count() <= room {
                out.push_str(rest);
                break;
            }
            // The last space that leaves the part within `room` (past the
            // indent, and not right after a digit: `3 erreurs`, `2 sur 2`
            // stay together), else the first space beyond it.
            let from = if first { indent } else { 0 };
            let after_digit = |i: usize| {
                rest.get(..i)
                    .and_then(|p| p.chars().next_back())
                    .is_some_and(|c| c.is_ascii_digit())
            };
            let spaces = || {
                rest.char_indices()
                    .filter(|(i, c)| *c == ' ' && *i > from && !after_digit(*i))
            };
            let cut = spaces()
                .take_while(|(i, _)| rest.get(..*i).is_some_and(|p| p.chars().count() <= room))
                .last()
                .or_else(|| spaces().next())
                .map(|(i, _)| i);
            let Some(cut) = cut else {
                out.push_str(rest);
                break;
            };
            out.push_str(rest.get(..cut).unwrap_or(rest).trim_end_matches(' '));
            rest = rest.get(cut..).unwrap_or_default().trim_start_matches(' ');
            first = false;
        }
    }
    out
}

/// The statements, then the findings, then the audit, as one JSON object
/// (the layout of serde_json's pretty printer), the findings written as
/// they come.
pub fn json(
    w: &mut dyn io::Write,
    statements: &[Statement],
    findings: Findings<'_>,
    audit: &Audit,
    lang: Lang,
) -> io::Result<()> {
    // The limits crossed, in words of the run's language.
    let mut statements = statements.to_vec();
    for st in &mut statements {
        for c in &mut st.crossings {
            c.limit_text = lang.tr(&c.limit).into_owned();
        }
        st.term.ended_by = st.term.cause.as_ref().map(|c| lang.tr(c).into_owned());
    }
    w.write_all(b"{\n  ")?;
    // A portfolio: the overview of every convention first.
    if statements.len() > 1 {
        w.write_all(b"\"overview\": ")?;
        w.write_all(&super::indented_json(
            &super::overview::overview(&statements),
            2,
        )?)?;
        w.write_all(b",\n  ")?;
    }
    w.write_all(b"\"statements\": ")?;
    w.write_all(&super::indented_json(&statements, 2)?)?;
    w.write_all(b",\n  \"findings\": ")?;
    if findings.count == 0 {
        w.write_all(b"[]")?;
    } else {
        w.write_all(b"[")?;
        let mut first = true;
        (findings.each)(&mut |f| {
            w.write_all(if first { b"\n    " } else { b",\n    " })?;
            first = false;
            w.write_all(&super::indented_json(f, 4)?)
        })?;
        w.write_all(b"\n  ]")?;
    }
    w.write_all(b",\n  \"audit\": ")?;
    w.write_all(&super::indented_json(audit, 2)?)?;
    w.write_all(b"\n}\n")
}

/// How the statement's CSV is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CsvDialect {
    /// What French Excel opens as a table of numbers: a UTF-8 BOM, `;`
    /// between fields, a decimal comma, CRLF line ends.
    #[default]
    Excel,
    /// For programs: UTF-8 without BOM, `;`, a decimal point, LF.
    Plain,
}

/// A text cell as a spreadsheet must not read it: a leading `=`, `+`, `-`,
/// `@`, tab or carriage return would make Excel or LibreOffice take the
/// cell for a formula (`=cmd|' /C calc'!A0`, "CSV injection"); such a text
/// is written after a `'`, which the spreadsheet shows as text.
pub fn neutralised(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// One table: `convention;section;key;budget;amount;limit;remaining`. Every
/// text cell is neutralised ([`neutralised`]) then quoted if need be;
/// amounts are numbers in the dialect's notation. The Excel dialect, read
/// by people, has its titles and section names in `lang`
/// (`convention;section;clé;budget;montant;plafond;reste`, `plafond`,
/// `mois`…); the plain one, read by programs, keeps these in every language.
pub fn csv(statements: &[Statement], dialect: CsvDialect, lang: Lang) -> String {
    let mut out = String::new();
    let end = match dialect {
        CsvDialect::Excel => "\r\n",
        CsvDialect::Plain => "\n",
    };
    let word = |id: &'static str, plain: &'static str| -> String {
        match dialect {
            CsvDialect::Excel => lang.tr(&Message::new(id)).into_owned(),
            CsvDialect::Plain => plain.to_owned(),
        }
    };
    out.push_str(&word(
        "csv-header",
        "convention;section;key;budget;amount;limit;remaining",
    ));
    out.push_str(end);
    let [ceiling, schedule, month, holder, commitment, total] = [
        word("csv-ceiling", "ceiling"),
        word("csv-schedule", "schedule"),
        word("csv-month", "month"),
        word("csv-holder", "holder"),
        word("csv-commitment", "commitment"),
        word("csv-total", "total"),
    ];
    let mut line = |texts: [&str; 4], amounts: [Option<Amount>; 3]| {
        for (i, t) in texts.iter().enumerate() {
            if i > 0 {
                out.push(';');
            }
            out.push_str(&super::csv_field(&neutralised(t)));
        }
        for a in amounts {
            out.push(';');
            if let Some(a) = a {
                let plain = a.to_string();
                match dialect {
                    CsvDialect::Excel => out.push_str(&plain.replace('.', ",")),
                    CsvDialect::Plain => out.push_str(&plain),
                }
            }
        }
        out.push_str(end);
    };
    for st in statements {
        let conv = st.convention.as_str();
        // The key: `total` or the budget year, after the envelope's name
        // and a slash for an envelope's figures.
        let key = |envelope: &Option<String>, key: String| match envelope {
            Some(name) => format!("{name}/{key}"),
            None => key,
        };
        for c in &st.consumption {
            let period = c.year.map_or_else(|| total.clone(), |y| y.to_string());
            let budget = c.budget.to_string();
            // A party's share: `délégant:DAJ/total`.
            let owner = match (&c.envelope, c.role, &c.party) {
                (None, Some(role), Some(party)) => Some(format!("{role}:{party}")),
                (envelope, ..) => envelope.clone(),
            };
            line(
                [conv, &ceiling, &key(&owner, period), &budget],
                [Some(c.consumed), c.ceiling, c.remaining],
            );
        }
        for y in &st.schedule {
            let budget = y.budget.to_string();
            line(
                [
                    conv,
                    &schedule,
                    &key(&y.envelope, y.year.to_string()),
                    &budget,
                ],
                [Some(y.consumed), y.forecast, None],
            );
        }
        for m in &st.months {
            let key = format!("{}-{:02}", m.year, m.month);
            line([conv, &month, &key, "AE"], [Some(m.ae), None, None]);
            line([conv, &month, &key, "CP"], [Some(m.cp), None, None]);
        }
        for h in &st.holders {
            line(
                [conv, &holder, &h.supplier, "AE"],
                [Some(h.committed), None, Some(h.remaining)],
            );
            line(
                [conv, &holder, &h.supplier, "CP"],
                [Some(h.paid), None, None],
            );
        }
        for e in &st.commitments {
            line(
                [conv, &commitment, &e.ej, "AE"],
                [Some(e.committed), None, Some(e.remaining)],
            );
            line([conv, &commitment, &e.ej, "CP"], [Some(e.paid), None, None]);
        }
    }
    match dialect {
        CsvDialect::Excel => format!("\u{FEFF}{out}"),
        CsvDialect::Plain => out,
    }
}

/// The statement's tables: consumption against the ceilings, the
/// schedule, months, holders, commitments, limits crossed, and receipts
/// when some were read.
/// A section's heading (or the term's line) followed by the article of
/// the signed text it comes from, when the rule file cites it.
fn cited(heading: String, cite: &Option<crate::diag::Citation>, lang: Lang) -> String {
    match cite {
        Some(c) => lang
            .tr(&msg!("report-cited", heading = heading, cite = c.message()))
            .into_owned(),
        None => heading,
    }
}

pub fn tables(st: &Statement, lang: Lang) -> Vec<Table> {
    let t = |id: &'static str| lang.tr(&Message::new(id)).into_owned();
    let heads = |ids: &[&'static str]| -> Vec<String> { ids.iter().map(|id| t(id)).collect() };
    let amount = |v: &Option<Amount>| Cell::Amount(*v);
    let table = |id: &'static str, headers: &[&'static str], rows: Vec<Vec<Cell>>| Table {
        id,
        heading: t(id),
        cite: None,
        headers: heads(headers),
        rows,
        // What remains under a ceiling or a forecast, what is left to pay.
        alarms: match id {
            "report-ceilings" => &[4],
            "report-schedule" | "report-per-holder" => &[5],
            "report-per-commitment" => &[4],
            _ => &[],
        },
    };
    let mut tables = vec![
        table(
            "report-key-dates",
            &["report-col-date", "report-col-what", "report-col-status"],
            st.key_dates
                .iter()
                .map(|k| {
                    vec![
                        Cell::Date(Some(k.date)),
                        Cell::Text(k.what.clone()),
                        Cell::Text(status_text(k.status, lang)),
                    ]
                })
                .collect(),
        ),
        table(
            "report-ceilings",
            &[
                "report-col-scope",
                "report-col-budget",
                "report-col-consumed",
                "report-col-ceiling",
                "report-col-remaining",
            ],
            st.consumption
                .iter()
                .map(|c| {
                    vec![
                        Cell::Text(match (c.role, &c.party) {
                            (Some(role), Some(party)) => format!("{role} {party}"),
                            _ => scope(&c.envelope, c.year, lang),
                        }),
                        Cell::Text(c.budget.to_string()),
                        Cell::Amount(Some(c.consumed)),
                        match c.ceiling {
                            Some(_) => amount(&c.ceiling),
                            None => Cell::Text(
                                lang.tr(&Message::new(
                                    if c.party.is_none()
                                        && st.consumption.iter().any(|y| {
                                            y.year.is_some()
                                                && y.envelope == c.envelope
                                                && y.budget == c.budget
                                        })
                                    {
                                        "report-yearly-ceiling-only"
                                    } else {
                                        "report-no-ceiling"
                                    },
                                ))
                                .into_owned(),
                            ),
                        },
                        amount(&c.remaining),
                    ]
                })
                .collect(),
        ),
        table(
            "report-schedule",
            &[
                "report-col-scope",
                "report-col-year",
                "report-col-budget",
                "report-col-consumed",
                "report-col-forecast",
                "report-col-remaining",
            ],
            st.schedule
                .iter()
                .map(|y| {
                    vec![
                        Cell::Text(scope(&y.envelope, None, lang)),
                        Cell::Year(y.year),
                        Cell::Text(y.budget.to_string()),
                        Cell::Amount(Some(y.consumed)),
                        amount(&y.forecast),
                        amount(&y.remaining),
                    ]
                })
                .collect(),
        ),
        table(
            "report-per-month",
            &[
                "report-col-month",
                "report-col-ae",
                "report-col-cp",
                "report-cumulative-ae",
                "report-cumulative-cp",
            ],
            st.months
                .iter()
                .map(|m| {
                    vec![
                        Cell::Month(m.year, m.month),
                        Cell::Amount(Some(m.ae)),
                        Cell::Amount(Some(m.cp)),
                        Cell::Amount(Some(m.cumulative_ae)),
                        Cell::Amount(Some(m.cumulative_cp)),
                    ]
                })
                .collect(),
        ),
        table(
            "report-per-holder",
            &[
                "report-col-supplier",
                "report-col-holder",
                "report-col-ej",
                "report-col-committed",
                "report-col-paid",
                "report-col-to-pay",
            ],
            st.holders
                .iter()
                .map(|x| {
                    vec![
                        Cell::Text(x.supplier.clone()),
                        Cell::Text(x.holder.clone().unwrap_or_else(|| t("report-not-listed"))),
                        Cell::Count(x.commitments),
                        Cell::Amount(Some(x.committed)),
                        Cell::Amount(Some(x.paid)),
                        Cell::Amount(Some(x.remaining)),
                    ]
                })
                .collect(),
        ),
        table(
            "report-per-commitment",
            &[
                "report-col-ej",
                "report-col-supplier",
                "report-col-committed",
                "report-col-paid",
                "report-col-to-pay",
            ],
            st.commitments
                .iter()
                .map(|e| {
                    vec![
                        Cell::Text(e.ej.clone()),
                        Cell::Text(e.supplier.clone().unwrap_or_default()),
                        Cell::Amount(Some(e.committed)),
                        Cell::Amount(Some(e.paid)),
                        Cell::Amount(Some(e.remaining)),
                    ]
                })
                .collect(),
        ),
        table(
            "report-crossings",
            &["report-col-date", "report-col-limit"],
            st.crossings
                .iter()
                .map(|c| {
                    vec![
                        Cell::Date(c.date),
                        Cell::Text(lang.tr(&c.limit).into_owned()),
                    ]
                })
                .collect(),
        ),
    ];
    // Receipts, when the convention delegates them and some were read.
    if !st.receipts.is_empty() {
        tables.push(table(
            "report-receipts",
            &["report-col-year", "report-col-collected"],
            st.receipts
                .iter()
                .map(|r| vec![Cell::Year(r.year), Cell::Amount(Some(r.collected))])
                .collect(),
        ));
    }
    for table in &mut tables {
        let cite = match table.id {
            "report-ceilings" => &st.citations.ceilings,
            "report-schedule" => &st.citations.schedule,
            "report-per-holder" => &st.citations.markets,
            _ => &None,
        };
        table.cite = cite.as_ref().map(|c| lang.tr(&c.message()).into_owned());
    }
    tables
}

/// Writes `<h2>heading</h2>` and the table, in a section that keeps them
/// together in print: a short table whole, a long one with its first
/// rows.
fn table(h: &mut String, table: &Table, lang: Lang) {
    let keep = if table.rows.len() <= 6 { " keep" } else { "" };
    let _ = write!(h, "<section class=\"table{keep}\">");
    table_in(h, table, lang);
    h.push_str("</section>\n");
}

/// Text with its `backquoted` parts as code, escaped: a finding's message
/// as the other outputs' Markdown shows it.
fn inline_code(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{}</code>", escape(part))
            } else {
                escape(part)
            }
        })
        .collect()
}

fn table_in(h: &mut String, table: &Table, lang: Lang) {
    let _ = write!(h, "<h2>{}</h2>", escape(&table.heading));
    if let Some(cite) = &table.cite {
        let _ = write!(h, "<p class=\"cite\">{}</p>", escape(cite));
    }
    if table.rows.is_empty() {
        let none = lang.tr(&Message::new("report-none"));
        let _ = writeln!(h, "<p class=\"none\">{}</p>", escape(&none));
        return;
    }
    let class = if table.id == "overview-heading" {
        " class=\"overview\""
    } else {
        ""
    };
    let _ = write!(h, "<table{class}><thead><tr>");
    for header in &table.headers {
        let _ = write!(h, "<th>{}</th>", escape(header));
    }
    h.push_str("</tr></thead>");
    let bodies = bodies(table.rows.len());
    for range in bodies {
        h.push_str("<tbody>");
        for row in table.rows.get(range).unwrap_or_default() {
            h.push_str("<tr>");
            for (column, cell) in row.iter().enumerate() {
                if let Cell::Amount(a) = cell {
                    // A negative amount where it is an overrun stands out; a
                    // correction (a negative movement) does not.
                    let negative = a.is_some_and(|a| a.cents() < 0);
                    let class = match (negative, table.alarms.contains(&column)) {
                        (true, true) => "\"n neg\"",
                        (true, false) => "\"n corr\"",
                        (false, _) => "n",
                    };
                    let text = a.map_or_else(String::new, |a| eur(a, lang));
                    let _ = write!(h, "<td class={class}>{}</td>", escape(&text));
                    continue;
                }
                if let Cell::Link(text, anchor) = cell {
                    let _ = write!(
                        h,
                        "<td><a href=\"#{}\">{}</a></td>",
                        escape(anchor),
                        escape(text)
                    );
                    continue;
                }
                let (text, number) = match cell {
                    Cell::Text(t) | Cell::Link(t, _) => (t.clone(), false),
                    Cell::Amount(a) => (a.map_or_else(String::new, |a| eur(a, lang)), true),
                    Cell::Count(n) => (n.to_string(), true),
                    Cell::Date(d) => (d.map_or_else(String::new, |d| lang.date(d)), false),
                    Cell::Month(y, m) => (month(*y, *m, lang), false),
                    Cell::Year(y) => (y.to_string(), false),
                };
                let _ = if number {
                    write!(h, "<td class=n>{}</td>", escape(&text))
                } else {
                    write!(h, "<td>{}</td>", escape(&text))
                };
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>");
    }
    h.push_str("</table>\n");
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\
table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #ccc;padding:2px 8px}\
td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f2f2f2}\
p.cite{color:#555;font-style:italic;margin-top:-0.5em}.error{color:#a00}.warning{color:#a60}.waived{color:#666}code{font-size:90%}\
td.neg{color:#b00;font-weight:600}td.corr{color:#444;font-style:italic}\
p.party{margin:0.2em 0;font-weight:600}\
section.signatures{break-inside:avoid;margin-top:2em}div.sign{display:flex;flex-wrap:wrap;gap:2em}\
div.sign div.party{flex:1 1 16em;border:1px solid #bbb;padding:0.6em 1em;min-height:11em}\
div.sign p{margin:0.5em 0}div.sign p.role{font-weight:600}div.sign p.signature{margin-top:1.5em;color:#555}\
span.blank{display:inline-block;min-width:8em;border-bottom:1px dotted #777}\
tbody{break-inside:auto}tbody:first-of-type,tbody:last-of-type{break-inside:avoid}\
section.keep{break-inside:avoid}p.cite{break-after:avoid}table.audit code{word-break:break-all}td.n{white-space:nowrap}svg{max-width:100%;height:auto}\
@media screen and (max-width:40em){body{margin:0.5em}h1{font-size:1.4em}table{display:block;overflow-x:auto}}\
figure.chart{margin:0;overflow-x:auto}svg{display:block}\
@media screen and (max-width:40em){figure.chart svg{min-width:40em}}\
table.overview{font-size:85%;display:block;overflow-x:auto}table.overview td,table.overview th{padding:2px 4px}\
table.overview td:first-child{min-width:12em}\
@page{size:A4;margin:18mm 15mm 15mm}@page wide{size:A4 landscape}@media print{section.portfolio{page:wide}table.overview{display:table;font-size:8pt}body{margin:0}thead{display:table-header-group}\
tr{break-inside:avoid}h2{break-after:avoid}figure.chart{break-inside:avoid}details.figures{display:none}}";

/// The running header's type: the body's, small and grey.
const HEADER_FONT: &str = "font-family:system-ui,sans-serif;font-size:8pt;color:#555";

/// A CSS string literal: quotes, backslashes and line breaks escaped, and
/// `<` too, so that no text closes the `style` element.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The running header and footer of every printed page: the document's
/// title on the left, the statement's date on the right above, the page's
/// number and the count of pages below.
fn running_header(title: &str, on: Option<NaiveDate>, lang: Lang) -> String {
    let date = on.map_or_else(String::new, |d| {
        lang.tr(&msg!("report-as-of", date = lang.date(d)))
            .into_owned()
    });
    // The footer: the title again, and `page 2 / 4`.
    let page = lang.tr(&Message::new("report-page"));
    format!(
        "@page{{@top-left{{content:{};{HEADER_FONT}}}@top-right{{content:{};{HEADER_FONT}}}\
@bottom-left{{content:{};{HEADER_FONT}}}\
@bottom-right{{content:{} \" \" counter(page) \" / \" counter(pages);{HEADER_FONT}}}}}",
        css_string(title),
        css_string(&date),
        css_string(title),
        css_string(&page)
    )
}

/// When the run was, in words: `le 08/12/2026 à 02:45 (UTC)`; the
/// machine's form if it cannot be read.
fn audit_time(audit: &Audit, lang: Lang) -> String {
    match chrono::DateTime::parse_from_rfc3339(&audit.evaluated_at) {
        Ok(at) => lang
            .tr(
                &msg!("report-audit-at", time = at.format("%H:%M").to_string())
                    .date("date", at.date_naive()),
            )
            .into_owned(),
        Err(_) => audit.evaluated_at.clone(),
    }
}

/// A file's role in the run (`rules`, `export`), in words.
fn role(role: &str, lang: Lang) -> String {
    lang.tr(&msg!("report-role", role = role.to_owned()))
        .into_owned()
}

/// `Délégant : Direction des systèmes d'information (DSI)`: the parties of
/// one role, or nothing when the convention names none.
fn parties(st: &Statement, role: &'static str, lang: Lang) -> Option<String> {
    let names: Vec<String> = st
        .parties
        .iter()
        .filter(|p| p.role == role)
        .map(|p| match &p.acronym {
            Some(a) => format!("{} ({a})", p.name),
            None => p.name.clone(),
        })
        .collect();
    (!names.is_empty()).then(|| {
        lang.tr(
            &msg!("report-parties", role = role, names = names.join(", "))
                .count("count", names.len()),
        )
        .into_owned()
    })
}

/// The block each party signs: for each délégant and délégataire, the
/// place, the date, the signatory's title and signature, left blank.
fn signatures(h: &mut String, st: &Statement, lang: Lang) {
    let t = |id: &'static str| escape(&lang.tr(&Message::new(id)));
    let blank = "<span class=\"blank\"></span>";
    let _ = write!(
        h,
        "<section class=\"signatures\"><h2>{}</h2><div class=\"sign\">",
        t("report-signatures")
    );
    // A block per party named; without any, one for each role.
    let each: Vec<(&str, Option<&PartyLine>)> = if st.parties.is_empty() {
        vec![("delegant", None), ("delegataire", None)]
    } else {
        st.parties.iter().map(|p| (p.role, Some(p))).collect()
    };
    for (role, party) in each {
        let who = party.map_or(String::new(), |p| {
            format!("<p class=\"who\">{}</p>", escape(&p.name))
        });
        let _ = write!(
            h,
            "<div class=\"party\"><p class=\"role\">{}</p>{who}<p>{} {blank}, {} {blank}</p><p>{}{} {blank}</p><p class=\"signature\">{}</p></div>",
            escape(&lang.tr(&msg!("report-sign-role", role = role))),
            t("report-sign-place"),
            t("report-sign-date"),
            t("report-sign-quality"),
            if lang == Lang::Fr { "\u{a0}:" } else { ":" },
            t("report-sign-signature"),
        );
    }
    h.push_str("</div></section>\n");
}

/// A table's rows in three bodies, the first three and the last three
/// rows each kept on one page: a table split across pages never leaves
/// fewer than three rows on either.
fn bodies(rows: usize) -> Vec<std::ops::Range<usize>> {
    let whole = std::iter::once(0..rows).collect();
    if rows <= 6 {
        return whole;
    }
    vec![0..3, 3..rows - 3, rows - 3..rows]
}

pub fn html(
    w: &mut dyn io::Write,
    statements: &[Statement],
    findings: Findings<'_>,
    audit: &Audit,
    lang: Lang,
) -> io::Result<()> {
    let t = |id: &'static str| lang.tr(&Message::new(id)).into_owned();
    let mut h = String::new();
    let portfolio = statements.len() > 1;
    let portfolio_title = lang
        .tr(&Message::new("overview-title").count("count", statements.len()))
        .into_owned();
    let title = match statements {
        [one] => one.title.as_str(),
        [] => "clausier",
        _ => portfolio_title.as_str(),
    };
    let on = statements.first().and_then(|s| s.as_of);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}{}</style></head><body>\n",
        lang.code(),
        escape(title),
        running_header(title, on, lang)
    );
    if portfolio {
        let as_of = on.map_or_else(String::new, |d| {
            let text = lang.tr(&msg!("report-as-of", date = lang.date(d)));
            format!("<p class=\"as-of\">{}</p>", escape(&text))
        });
        let _ = writeln!(
            h,
            "<section class=\"portfolio\"><h1>{}</h1>{as_of}",
            escape(title)
        );
        let lines = super::overview::overview(statements);
        table(&mut h, &super::overview::table(&lines, lang), lang);
        h.push_str("</section>\n");
    }
    for (n, st) in statements.iter().enumerate() {
        let as_of = st.as_of.map_or_else(String::new, |d| {
            let text = lang.tr(&msg!("report-as-of", date = lang.date(d)));
            format!("<p class=\"as-of\">{}</p>", escape(&text))
        });
        let heading = lang.tr(&msg!("report-statement-title", title = st.title.as_str()));
        let who: String = ["delegant", "delegataire"]
            .iter()
            .filter_map(|role| parties(st, role, lang))
            .map(|line| format!("<p class=\"party\">{}</p>", escape(&line)))
            .collect();
        let _ = writeln!(
            h,
            "<h1 id=\"{}\">{}</h1>{who}{as_of}<p>{} {}</p>",
            super::overview::anchor(n),
            escape(&heading),
            escape(&t("report-term-label")),
            escape(&cited(term_text(st, lang), &st.citations.term, lang))
        );
        for line in time_and_period(st, lang) {
            let _ = writeln!(h, "<p class=\"period\">{}</p>", escape(&line));
        }
        h.push_str(&super::chart::charts(st, n, lang));
        for t in tables(st, lang) {
            table(&mut h, &t, lang);
        }
        signatures(&mut h, st, lang);
    }
    let _ = writeln!(
        h,
        "<h2>{}</h2><table><thead><tr><th>{}</th><th>code</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        escape(&t("report-findings-heading")),
        escape(&t("report-col-severity")),
        escape(&t("report-col-message")),
        escape(&t("report-col-row"))
    );
    w.write_all(h.as_bytes())?;
    h.clear();
    (findings.each)(&mut |f| {
        let class = if f.waived.is_some() {
            "waived"
        } else {
            f.severity.as_str()
        };
        let waived = f.waived.as_ref().map_or(String::new(), |w| {
            let text = lang.tr(&msg!("human-waived", reason = w.as_str()));
            format!(" <em>({})</em>", escape(&text))
        });
        writeln!(
            w,
            "<tr class=\"{class}\"><td>{}</td><td><code>{}</code></td><td>{}{waived}</td><td>{}</td></tr>",
            escape(&f.severity),
            escape(&f.code),
            inline_code(&f.message),
            escape(f.row.as_deref().unwrap_or(""))
        )
    })?;
    let _ = writeln!(
        h,
        "</tbody></table><h2>{}</h2><p>{} — <code>{}</code></p><table class=\"audit\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>SHA-256</th></tr></thead><tbody>",
        escape(&t("report-audit-heading")),
        escape(&lang.tr(&msg!(
            "report-audit",
            version = audit.version,
            at = audit_time(audit, lang)
        ))),
        escape(&audit.arguments.join(" ")),
        escape(&t("report-col-role")),
        escape(&t("report-col-file")),
        escape(&t("report-col-bytes"))
    );
    for file in &audit.files {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=n>{}</td><td><code>{}</code></td></tr>",
            escape(&role(file.role, lang)),
            escape(&file.path),
            file.bytes,
            escape(
                &file
                    .sha256
                    .clone()
                    .unwrap_or_else(|| t("report-standard-input"))
            )
        );
    }
    h.push_str("</tbody></table>\n</body></html>\n");
    w.write_all(h.as_bytes())
}

#[cfg(test)]
mod fit_tests {
    use super::fit;

    #[test]
    fn long_lines_wrap_with_a_hanging_indent_and_short_ones_stay() {
        let table = "  2017-08          €3,000.00           €0.00";
        let long = "  1001091655 NUMA\u{a0}: 3 engagements, engagé 413\u{202f}000,00\u{a0}€, payé 410\u{202f}000,00\u{a0}€, reste à payer 3\u{202f}000,00\u{a0}€";
        let text = format!("{table}\n{long}\nunbreakable-{}", "x".repeat(90));
        let fitted = fit(&text, 46);
        let lines: Vec<&str> = fitted.lines().collect();
        assert_eq!(lines[0], table);
        assert!(lines[1].starts_with("  1001091655 NUMA\u{a0}:"));
        assert!(lines[2].starts_with("      ") && !lines[2].starts_with("       "));
        // Within the width but for the word longer than it; no word lost,
        // no break at a no-break space.
        let long_words: Vec<&str> = long.split(' ').filter(|w| !w.is_empty()).collect();
        let back: Vec<&str> = lines[1..lines.len() - 1]
            .iter()
            .flat_map(|l| l.split(' '))
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(back, long_words);
        for l in &lines[..lines.len() - 1] {
            assert!(l.chars().count() <= 46, "{l:?}");
        }
        assert_eq!(lines.last().map(|l| l.len()), Some(12 + 90));
    }

    #[test]
    fn a_number_stays_with_the_word_after_it() {
        // Without the rule the break would fall after `3`, at column 20.
        let fitted = fit("plafonds dépassés 3 erreurs", 20);
        assert_eq!(fitted, "plafonds dépassés\n    3 erreurs");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("a\u{1b}[31mb"), "a\u{FFFD}[31mb");
    }

    #[test]
    fn css_strings_cannot_close_the_style_element() {
        assert_eq!(
            css_string("a\"b\\c</style>\nd"),
            "\"a\\22 b\\5c c\\3c /style\\3e  d\""
        );
    }
}
