//! The statement's charts, in SVG: cumulative AE and CP over time against
//! the ceilings in force (AE and CP drawn apart even when equal), yearly
//! ceilings year by year, the cumulative forecast, and markers where a
//! limit was first crossed, where each amendment took effect and where the
//! convention ended. One chart for the convention, then one per envelope.
//!
//! Amounts are drawn, never computed, in floating point: ticks, levels and
//! labels are integer cents; only the coordinates are `f64`.

use std::fmt::Write as _;

use chrono::{Datelike, Months, NaiveDate};

use super::table::escape;
use crate::eval::ledger::LimitKind;
use crate::eval::statement::{Series, Statement};
use crate::i18n::{Lang, Message};
use crate::language::model::Budget;
use crate::language::view::KeyKind;
use crate::language::view::in_force;
use crate::msg;

const WIDTH: f64 = 900.0;
const LEFT: f64 = 100.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 34.0;
/// The bottom of the plot; the time labels and the legend come below.
const PLOT_BOTTOM: f64 = 360.0;

fn color(b: Budget) -> &'static str {
    match b {
        Budget::AE => "#1f5fa8",
        Budget::CP => "#c0580f",
    }
}

/// The step and top of a value axis from 0 to at least `max` cents: a
/// step of 1, 2 or 5 times a power of ten, of one euro at least, and
/// about five steps; the top is the first multiple of the step above
/// `max` plus a twentieth (room above a ceiling drawn at the top).
pub fn value_ticks(max: i128) -> (i128, i128) {
    let max = max.max(100);
    let target = max + max / 20;
    let raw = (target + 4) / 5;
    let mut power: i128 = 100;
    loop {
        for m in [1, 2, 5] {
            let step = m * power;
            if step >= raw {
                let top = target.div_euclid(step) * step + step;
                return (step, top);
            }
        }
        match power.checked_mul(10) {
            Some(p) => power = p,
            None => return (raw, target),
        }
    }
}

/// Whether a value is a round tick: a multiple of 1, 2 or 5 times a power
/// of ten of `step`, which itself is one.
pub fn is_round_step(step: i128) -> bool {
    if step <= 0 {
        return false;
    }
    let mut s = step;
    while s % 10 == 0 {
        s /= 10;
    }
    matches!(s, 1 | 2 | 5)
}

/// The time axis's unit, as the span requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Month,
    Quarter,
    Year,
}

/// The first day of each month, quarter or year within `x0..=x1`, the
/// unit chosen so that there are at most about sixteen labels.
pub fn time_ticks(x0: NaiveDate, x1: NaiveDate) -> (TimeUnit, Vec<NaiveDate>) {
    let months = (x1.year() - x0.year()) * 12 + x1.month() as i32 - x0.month() as i32;
    let (unit, step) = if months <= 14 {
        (TimeUnit::Month, 1)
    } else if months <= 48 {
        (TimeUnit::Quarter, 3)
    } else {
        (TimeUnit::Year, 12)
    };
    let first_month = match unit {
        TimeUnit::Month => x0.month(),
        TimeUnit::Quarter => (x0.month() - 1) / 3 * 3 + 1,
        TimeUnit::Year => 1,
    };
    let mut ticks = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(x0.year(), first_month, 1);
    while let Some(day) = d.filter(|d| *d <= x1) {
        if day >= x0 {
            ticks.push(day);
        }
        d = day.checked_add_months(Months::new(step));
    }
    (unit, ticks)
}

fn tick_label(unit: TimeUnit, d: NaiveDate, lang: Lang) -> String {
    match unit {
        TimeUnit::Month => match lang {
            Lang::Fr => format!("{:02}/{}", d.month(), d.year()),
            Lang::En => format!("{}-{:02}", d.year(), d.month()),
        },
        TimeUnit::Quarter => lang
            .tr(&msg!(
                "chart-quarter",
                quarter = ((d.month() - 1) / 3 + 1).to_string(),
                year = d.year().to_string()
            ))
            .into_owned(),
        TimeUnit::Year => d.year().to_string(),
    }
}

/// The cumulative sum of `budget` at the end of the last day up to `on`
/// (0 before the first).
fn value_on(days: &[(NaiveDate, i128, i128)], on: NaiveDate, budget: Budget) -> i128 {
    let at = days.partition_point(|d| d.0 <= on);
    at.checked_sub(1)
        .and_then(|i| days.get(i))
        .map_or(0, |d| match budget {
            Budget::AE => d.1,
            Budget::CP => d.2,
        })
}

/// A horizontal level from `from` to `to` (inclusive days).
struct Level {
    from: NaiveDate,
    to: NaiveDate,
    budget: Budget,
    cents: i128,
    /// The budget year, for a yearly ceiling.
    year: Option<i32>,
}

/// The steps of a limit clipped to `x0..=x1`: each from its first day to
/// the day before the next one.
fn levels(
    steps: &[(Option<NaiveDate>, Budget, i128)],
    budget: Budget,
    x0: NaiveDate,
    x1: NaiveDate,
) -> Vec<(NaiveDate, NaiveDate, i128)> {
    let mut mine: Vec<_> = steps.iter().filter(|s| s.1 == budget).collect();
    mine.sort_by_key(|s| s.0);
    let mut out = Vec::new();
    for (i, s) in mine.iter().enumerate() {
        let from = s.0.unwrap_or(x0).max(x0);
        let to = mine
            .get(i + 1)
            .and_then(|n| n.0)
            .and_then(|n| n.pred_opt())
            .unwrap_or(x1)
            .min(x1);
        if from <= to {
            out.push((from, to, s.2));
        }
    }
    out
}

/// Every chart of a statement, each under its heading, with the table of
/// its markers and its figures at each month's end.
/// `n` is the statement's place in the document, which keeps the charts'
/// element ids apart.
pub fn charts(st: &Statement, n: usize, lang: Lang) -> String {
    let mut out = String::new();
    for (i, s) in st.series.iter().enumerate() {
        let heading = match &s.envelope {
            None => Message::new("chart-title-convention"),
            Some(name) => msg!("chart-title-envelope", name = name.as_str()),
        };
        let heading = lang.tr(&heading).into_owned();
        let _ = writeln!(out, "<h2>{}</h2>", escape(&heading));
        out.push_str(&chart(st, s, &format!("{n}-{i}"), &heading, lang));
    }
    out
}

fn chart(st: &Statement, s: &Series, index: &str, heading: &str, lang: Lang) -> String {
    let t = |id: &'static str| lang.tr(&Message::new(id)).into_owned();
    let first = s.days.first().map(|d| d.0);
    let last = s.days.last().map(|d| d.0);
    let (Some(x0), Some(x1)) = (
        [s.start, first].into_iter().flatten().min(),
        [s.end, last].into_iter().flatten().max(),
    ) else {
        return format!("<p>{}</p>\n", escape(&t("report-no-movement")));
    };
    // A statement over a period draws from its first day on.
    let x0 = s.from.unwrap_or(x0);
    let x1 = if x1 <= x0 {
        x0 + chrono::Days::new(1)
    } else {
        x1
    };
    let before = x0.pred_opt().unwrap_or(x0);
    let drawn = s
        .days
        .get(s.days.partition_point(|d| d.0 < x0)..)
        .unwrap_or_default();
    // The limits crossed within the span, numbered in order.
    let marks: Vec<&crate::eval::statement::Mark> = s
        .marks
        .iter()
        .filter(|m| m.date >= x0 && m.date <= x1)
        .collect();
    // Yearly ceilings drawn year by year, from the cumulative sum at the
    // year's start: the line the cumulative curve crosses when the year's
    // consumption passes its ceiling.
    let mut yearly = Vec::new();
    for budget in Budget::BOTH {
        for (from, to, cents) in levels(&s.yearly, budget, x0, x1) {
            for year in from.year()..=to.year() {
                let (Some(jan1), Some(dec31)) = (
                    NaiveDate::from_ymd_opt(year, 1, 1),
                    NaiveDate::from_ymd_opt(year, 12, 31),
                ) else {
                    continue;
                };
                let base = jan1.pred_opt().map_or(0, |d| value_on(&s.days, d, budget));
                yearly.push(Level {
                    from: from.max(jan1),
                    to: to.min(dec31),
                    budget,
                    cents: base + cents,
                    year: Some(year),
                });
            }
        }
    }
    let overall: Vec<Level> = Budget::BOTH
        .into_iter()
        .flat_map(|budget| {
            levels(&s.ceilings, budget, x0, x1)
                .into_iter()
                .map(move |(from, to, cents)| Level {
                    from,
                    to,
                    budget,
                    cents,
                    year: None,
                })
        })
        .collect();
    let top_value = s
        .days
        .iter()
        .flat_map(|d| [d.1, d.2])
        .chain(overall.iter().chain(&yearly).map(|l| l.cents))
        .chain(s.forecast.iter().map(|f| f.2))
        .max()
        .unwrap_or(0);
    let (step, ymax) = value_ticks(top_value);
    let span = (x1 - x0).num_days().max(1) as f64;
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = PLOT_BOTTOM - TOP;
    let x = |d: NaiveDate| LEFT + (d - x0).num_days() as f64 / span * plot_w;
    let y = |cents: i128| TOP + (1.0 - cents as f64 / ymax as f64) * plot_h;

    // What the legend lists: only what the chart draws.
    let mut legend: Vec<(String, String)> = Vec::new();
    let mut body = String::new();
    // Value axis: round ticks and grid lines.
    let mut v = 0;
    while v <= ymax {
        let _ = writeln!(
            body,
            "<g class=\"tick-y\" data-cents=\"{v}\"><line x1=\"{LEFT}\" x2=\"{right:.1}\" y1=\"{level:.1}\" y2=\"{level:.1}\" stroke=\"#e3e3e3\"/><text x=\"{lx:.1}\" y=\"{ly:.1}\" font-size=\"11\" text-anchor=\"end\">{text}</text></g>",
            right = WIDTH - RIGHT,
            level = y(v),
            lx = LEFT - 6.0,
            ly = y(v) + 4.0,
            text = escape(&lang.amount_round(v))
        );
        v += step;
    }
    // Time axis.
    let (unit, ticks) = time_ticks(x0, x1);
    for d in &ticks {
        let _ = writeln!(
            body,
            "<g class=\"tick-x\" data-date=\"{d}\"><line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{TOP}\" y2=\"{PLOT_BOTTOM}\" stroke=\"#eeeeee\"/><text x=\"{0:.1}\" y=\"{1}\" font-size=\"11\" text-anchor=\"middle\">{2}</text></g>",
            x(*d),
            PLOT_BOTTOM + 16.0,
            escape(&tick_label(unit, *d, lang))
        );
    }
    let _ = writeln!(
        body,
        "<rect x=\"{LEFT}\" y=\"{TOP}\" width=\"{plot_w}\" height=\"{plot_h}\" fill=\"none\" stroke=\"#999\"/>"
    );
    // Forecast: the cumulative forecast at each year's end, as steps.
    for budget in Budget::BOTH {
        let mut points = Vec::new();
        let mut year_start = x0;
        for f in s.forecast.iter().filter(|f| f.1 == budget) {
            if f.0 >= x0 && year_start <= x1 {
                points.push(format!(
                    "{:.1},{:.1} {:.1},{:.1}",
                    x(year_start.max(x0)),
                    y(f.2),
                    x(f.0.min(x1)),
                    y(f.2)
                ));
            }
            year_start = f.0.succ_opt().unwrap_or(f.0);
        }
        if !points.is_empty() {
            let label = lang
                .tr(&msg!("chart-legend-forecast", budget = budget.to_string()))
                .into_owned();
            let _ = writeln!(
                body,
                "<polyline class=\"forecast\" points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\" stroke-dasharray=\"1 3\"><title>{}</title></polyline>",
                points.join(" "),
                color(budget),
                escape(&label)
            );
            legend.push((
                format!(
                    "<line x1=\"0\" x2=\"24\" y1=\"0\" y2=\"0\" stroke=\"{}\" stroke-width=\"1.5\" stroke-dasharray=\"1 3\"/>",
                    color(budget)
                ),
                label,
            ));
        }
    }
    // Ceilings: AE dashed and labelled above its line, CP dashed the other
    // way round and labelled below, so that equal ceilings still read as
    // two; labels at a step's start, where the curve has seldom reached
    // the ceiling yet.
    for (levels, id) in [
        (&overall, "chart-legend-ceiling"),
        (&yearly, "chart-legend-yearly"),
    ] {
        for budget in Budget::BOTH {
            let mine: Vec<&Level> = levels.iter().filter(|l| l.budget == budget).collect();
            if mine.is_empty() {
                continue;
            }
            let (dash, offset) = if id == "chart-legend-ceiling" {
                ("8 4", if budget == Budget::AE { 0 } else { 6 })
            } else {
                ("8 2 2 2", if budget == Budget::AE { 0 } else { 7 })
            };
            for l in &mine {
                let text = match l.year {
                    None => msg!("chart-ceiling-label", budget = budget.to_string())
                        .amount("amount", l.cents),
                    Some(year) => msg!(
                        "chart-yearly-label",
                        budget = budget.to_string(),
                        year = year.to_string()
                    ),
                };
                let text = lang.tr(&text).into_owned();
                let (x_from, x_to, level) = (x(l.from), x(l.to), y(l.cents));
                let label_y = match budget {
                    Budget::AE => level - 4.0,
                    Budget::CP => level + 12.0,
                };
                let _ = writeln!(
                    body,
                    "<g class=\"ceiling\" data-budget=\"{budget}\" data-cents=\"{}\"><line x1=\"{x_from:.1}\" x2=\"{x_to:.1}\" y1=\"{level:.1}\" y2=\"{level:.1}\" stroke=\"{}\" stroke-width=\"1.5\" stroke-dasharray=\"{dash}\" stroke-dashoffset=\"{offset}\"/><text x=\"{:.1}\" y=\"{label_y:.1}\" font-size=\"10\" fill=\"{}\">{}</text></g>",
                    l.cents,
                    color(budget),
                    x_from + 3.0,
                    color(budget),
                    escape(&text)
                );
            }
            let label = lang
                .tr(&Message::new(id).arg("budget", budget.to_string()))
                .into_owned();
            legend.push((
                format!(
                    "<line x1=\"0\" x2=\"24\" y1=\"0\" y2=\"0\" stroke=\"{}\" stroke-width=\"1.5\" stroke-dasharray=\"{dash}\"/>",
                    color(budget)
                ),
                label,
            ));
        }
    }
    // Cumulative consumption, as steps.
    for budget in Budget::BOTH {
        // A budget the convention does not delegate: nothing to draw.
        let limited = overall.iter().chain(&yearly).any(|l| l.budget == budget)
            || s.forecast.iter().any(|f| f.1 == budget);
        let moved = s.days.iter().any(|d| match budget {
            Budget::AE => d.1 != 0,
            Budget::CP => d.2 != 0,
        });
        if s.days.is_empty() || !(limited || moved) {
            continue;
        }
        let mut previous = value_on(&s.days, before, budget);
        let mut path = format!("{:.1},{:.1}", x(x0), y(previous));
        for (day, ae, cp) in drawn {
            let value = if budget == Budget::AE { *ae } else { *cp };
            let _ = write!(
                path,
                " {0:.1},{1:.1} {0:.1},{2:.1}",
                x(*day),
                y(previous),
                y(value)
            );
            previous = value;
        }
        // The sums hold from the last movement to the statement's date.
        let until = last.into_iter().chain(st.as_of).max().unwrap_or(x1).min(x1);
        let _ = write!(path, " {:.1},{:.1}", x(until), y(previous));
        let label = lang
            .tr(&msg!(
                "chart-legend-cumulative",
                budget = budget.to_string()
            ))
            .into_owned();
        let _ = writeln!(
            body,
            "<polyline class=\"cumulative\" data-budget=\"{budget}\" points=\"{path}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"><title>{}</title></polyline>",
            color(budget),
            escape(&label)
        );
        legend.push((
            format!(
                "<line x1=\"0\" x2=\"24\" y1=\"0\" y2=\"0\" stroke=\"{}\" stroke-width=\"2.5\"/>",
                color(budget)
            ),
            label,
        ));
    }
    // Events: each amendment's effect and the end, as vertical lines
    // labelled at the top, on two rows when labels would meet.
    let mut rows_end = [f64::MIN; 2];
    let mut events = 0;
    let (mut has_amendment, mut has_end) = (false, false);
    for k in &st.key_dates {
        let (kind, label, stroke, dash) = match k.kind {
            KeyKind::Amendment => (
                "amendment",
                lang.tr(&msg!(
                    "chart-amendment",
                    number = k.number.unwrap_or_default().to_string()
                ))
                .into_owned(),
                "#666",
                "4 3",
            ),
            KeyKind::End => (
                "end",
                t(if st.term.terminated {
                    "chart-terminated"
                } else {
                    "chart-end"
                }),
                "#222",
                "",
            ),
            _ => continue,
        };
        if k.date < x0 || k.date > x1 {
            continue;
        }
        if k.kind == KeyKind::End {
            has_end = true;
        } else {
            has_amendment = true;
        }
        events += 1;
        let at = x(k.date);
        let width = label.chars().count() as f64 * 6.0;
        let row = usize::from(rows_end[0] > at - width / 2.0);
        let row = if row == 1 && rows_end[1] > at - width / 2.0 {
            0
        } else {
            row
        };
        if let Some(r) = rows_end.get_mut(row) {
            *r = at + width / 2.0 + 4.0;
        }
        let label_y = if row == 0 { 12.0 } else { 26.0 };
        let _ = writeln!(
            body,
            "<g class=\"marker\" data-kind=\"{kind}\" data-date=\"{}\"><line x1=\"{at:.1}\" x2=\"{at:.1}\" y1=\"{TOP}\" y2=\"{PLOT_BOTTOM}\" stroke=\"{stroke}\" stroke-width=\"1.2\" stroke-dasharray=\"{dash}\"/><text x=\"{at:.1}\" y=\"{label_y}\" font-size=\"10\" text-anchor=\"middle\">{}</text></g>",
            k.date,
            escape(&label)
        );
    }
    if has_amendment {
        legend.push((
            "<line x1=\"12\" x2=\"12\" y1=\"-7\" y2=\"7\" stroke=\"#666\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>".to_owned(),
            t("chart-legend-amendment"),
        ));
    }
    if has_end {
        legend.push((
            "<line x1=\"12\" x2=\"12\" y1=\"-7\" y2=\"7\" stroke=\"#222\" stroke-width=\"1.2\"/>"
                .to_owned(),
            t("chart-legend-end"),
        ));
    }
    // Crossings: numbered red dots on the curve, listed under the chart.
    let mut placed: Vec<(f64, f64)> = Vec::new();
    for (n, m) in marks.iter().enumerate() {
        let mut at = x(m.date);
        let level = y(value_on(&s.days, m.date, m.budget));
        // Limits crossed by the same movement: side by side, not stacked.
        while placed
            .iter()
            .any(|(px, py)| (px - at).abs() < 15.0 && (py - level).abs() < 15.0)
        {
            at += 17.0;
        }
        placed.push((at, level));
        let _ = writeln!(
            body,
            "<g class=\"marker\" data-kind=\"crossing\" data-date=\"{}\" data-budget=\"{}\"><title>{}</title><circle cx=\"{at:.1}\" cy=\"{level:.1}\" r=\"8\" fill=\"#c00000\" stroke=\"#fff\"/><text x=\"{at:.1}\" y=\"{:.1}\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#fff\">{}</text></g>",
            m.date,
            m.budget,
            escape(&crossing_text(m, lang)),
            level + 3.5,
            n + 1
        );
    }
    if !marks.is_empty() {
        legend.push((
            "<circle cx=\"12\" cy=\"0\" r=\"6\" fill=\"#c00000\"/>".to_owned(),
            t("chart-legend-crossing"),
        ));
    }
    // The legend, three items a row, under the time axis.
    let legend_top = PLOT_BOTTOM + 36.0;
    let rows = legend.len().div_ceil(3);
    let height = legend_top + rows as f64 * 18.0 + 6.0;
    let mut legend_svg = String::from("<g class=\"legend\" font-size=\"11\">");
    for (i, (swatch, label)) in legend.iter().enumerate() {
        let lx = LEFT + (i % 3) as f64 * 260.0;
        let ly = legend_top + (i / 3) as f64 * 18.0;
        let _ = write!(
            legend_svg,
            "<g transform=\"translate({lx:.1} {ly:.1})\">{swatch}<text x=\"30\" y=\"4\">{}</text></g>",
            escape(label)
        );
    }
    legend_svg.push_str("</g>");
    let consumed = |b: Budget| {
        s.days
            .last()
            .map_or(0, |d| if b == Budget::AE { d.1 } else { d.2 })
    };
    let desc = lang
        .tr(
            &msg!("chart-desc", from = lang.date(x0), to = lang.date(x1))
                .amount("ae", consumed(Budget::AE))
                .amount("cp", consumed(Budget::CP))
                .count("crossings", marks.len() as u64)
                .count("events", events),
        )
        .into_owned();
    let mut out = format!(
        "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height:.0}\" width=\"{WIDTH}\" height=\"{height:.0}\" role=\"img\" aria-labelledby=\"chart-{index}-title chart-{index}-desc\"><title id=\"chart-{index}-title\">{}</title><desc id=\"chart-{index}-desc\">{}</desc>\n{body}{legend_svg}\n</svg></figure>\n",
        escape(heading),
        escape(&desc)
    );
    if !marks.is_empty() {
        let _ = writeln!(
            out,
            "<table class=\"marks\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            escape(&t("chart-col-number")),
            escape(&t("report-col-date")),
            escape(&t("report-col-limit"))
        );
        for (n, m) in marks.iter().enumerate() {
            let _ = writeln!(
                out,
                "<tr><td class=n>{}</td><td>{}</td><td>{}</td></tr>",
                n + 1,
                escape(&lang.date(m.date)),
                escape(&lang.tr(&m.limit))
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str(&figures(s, x0, x1, lang));
    out
}

fn crossing_text(m: &crate::eval::statement::Mark, lang: Lang) -> String {
    let id = match m.kind {
        LimitKind::Ceiling => "chart-crossed-ceiling",
        LimitKind::YearlyCeiling => "chart-crossed-yearly",
        LimitKind::Forecast => "chart-crossed-forecast",
    };
    lang.tr(&Message::new(id)
        .arg("budget", m.budget.to_string())
        .arg("date", lang.date(m.date)))
        .into_owned()
}

/// The chart's figures at each month's end, as a table (for screen
/// readers, and for whoever wants the numbers behind the lines).
fn figures(s: &Series, x0: NaiveDate, x1: NaiveDate, lang: Lang) -> String {
    let t = |id: &'static str| lang.tr(&Message::new(id)).into_owned();
    let mut out = format!(
        "<details class=\"figures\"><summary>{}</summary><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>\n",
        escape(&t("chart-figures")),
        escape(&t("report-col-month")),
        escape(&t("report-cumulative-ae")),
        escape(&t("report-cumulative-cp")),
        escape(&lang.tr(&msg!("chart-legend-ceiling", budget = "AE"))),
        escape(&lang.tr(&msg!("chart-legend-ceiling", budget = "CP")))
    );
    let ceiling_on = |d: NaiveDate, b: Budget| {
        let mut mine: Vec<_> = s.ceilings.iter().filter(|c| c.1 == b).collect();
        mine.sort_by_key(|c| c.0);
        in_force(&mine, |c| c.0, d)
            .and_then(|i| mine.get(i))
            .map(|c| c.2)
    };
    let mut month = NaiveDate::from_ymd_opt(x0.year(), x0.month(), 1);
    while let Some(first) = month.filter(|m| *m <= x1) {
        let next = first.checked_add_months(Months::new(1));
        let end = next.and_then(|n| n.pred_opt()).unwrap_or(first).min(x1);
        let amount = |c: Option<i128>| c.map_or_else(String::new, |c| lang.amount(c));
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td><td class=n>{}</td></tr>",
            escape(&tick_label(TimeUnit::Month, first, lang)),
            escape(&lang.amount(value_on(&s.days, end, Budget::AE))),
            escape(&lang.amount(value_on(&s.days, end, Budget::CP))),
            escape(&amount(ceiling_on(end, Budget::AE))),
            escape(&amount(ceiling_on(end, Budget::CP)))
        );
        month = next;
    }
    out.push_str("</tbody></table></details>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_ticks_are_round() {
        // 151 000 € → steps of 50 000 €, up to 200 000 €.
        assert_eq!(value_ticks(15_100_000), (5_000_000, 20_000_000));
        // A ceiling of 150 000 € at the top gets room above it.
        assert_eq!(value_ticks(15_000_000), (5_000_000, 20_000_000));
        assert_eq!(value_ticks(0), (100, 200));
        assert_eq!(value_ticks(4_077_000), (1_000_000, 5_000_000));
        for max in [1, 99, 12_345, 987_654_321, 1_000_000_000_000] {
            let (step, top) = value_ticks(max);
            assert!(is_round_step(step), "{step}");
            assert!(top > max && top % step == 0, "{max}: {top}");
            assert!(top / step <= 7, "{max}: {} steps", top / step);
        }
        assert!(!is_round_step(4_077_000));
    }

    #[test]
    fn time_ticks_by_month_quarter_or_year() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let (unit, ticks) = time_ticks(d(2019, 1, 15), d(2019, 12, 31));
        assert_eq!(unit, TimeUnit::Month);
        assert_eq!(ticks.first(), Some(&d(2019, 2, 1)));
        assert_eq!(ticks.len(), 11);
        let (unit, ticks) = time_ticks(d(2019, 1, 15), d(2020, 12, 30));
        assert_eq!(unit, TimeUnit::Quarter);
        assert_eq!(ticks.first(), Some(&d(2019, 4, 1)));
        assert_eq!(ticks.last(), Some(&d(2020, 10, 1)));
        let (unit, ticks) = time_ticks(d(2017, 8, 24), d(2027, 1, 1));
        assert_eq!(unit, TimeUnit::Year);
        assert_eq!(ticks.len(), 10);
    }
}
