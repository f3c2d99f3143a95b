//! What the statement's renderers share (`statement`, `chart`,
//! `overview`, `xlsx`): its tables described once with typed cells, HTML
//! escaping and amounts in the run's language.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::money::Amount;

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A cell of one of the statement's tables, typed: HTML writes it as text
/// (amounts and counts aligned right), XLSX as a number or a date.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    /// An amount; empty when there is none (no ceiling in force).
    Amount(Option<Amount>),
    Count(usize),
    Date(Option<NaiveDate>),
    /// A month: year and month.
    Month(i32, u32),
    Year(i32),
    /// A text that leads to a place of the same document (`#anchor` in
    /// HTML); a text elsewhere.
    Link(String, String),
}

/// One of the statement's tables, described once for every renderer that
/// draws tables.
pub struct Table {
    /// The catalogue id of its heading (`report-ceilings`), which also
    /// names its sheet in XLSX.
    pub id: &'static str,
    pub heading: String,
    /// The article of the signed text the table's clauses come from
    /// ("article 4 de la convention"), in the run's language.
    pub cite: Option<String>,
    pub headers: Vec<String>,
    /// As many cells as `headers` each.
    pub rows: Vec<Vec<Cell>>,
    /// The columns where a negative amount is an anomaly (what remains
    /// under a ceiling or a forecast, what is left to pay), shown as one;
    /// elsewhere a negative amount is a correction, shown plainly.
    pub alarms: &'static [usize],
}

/// An amount as people read it in `lang` (`400 000,00 €`).
pub fn eur(a: Amount, lang: Lang) -> String {
    lang.amount(a.cents())
}
