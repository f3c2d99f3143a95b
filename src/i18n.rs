//! What clausier says, in French or English, from the Fluent catalogues
//! in `locales/` (one folder per language, the same files and entries in
//! each). A text the library produces is a [`Message`]: an entry's id and
//! typed arguments; it becomes words only when a renderer asks a [`Lang`].
//! Amounts, dates and counts are formatted by the language (French
//! typography in French), never by the code that builds the message.
//!
//! The language is chosen at the CLI's edge ([`Lang::choose`]); the
//! library never reads the environment.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language clausier speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    Fr,
    #[default]
    En,
}

/// The catalogue files, by language, in the same order.
const FR: &[(&str, &str)] = &[
    (
        "diagnostics.ftl",
        include_str!("../locales/fr/diagnostics.ftl"),
    ),
    ("cli.ftl", include_str!("../locales/fr/cli.ftl")),
    ("explain.ftl", include_str!("../locales/fr/explain.ftl")),
    ("page.ftl", include_str!("../locales/fr/page.ftl")),
];
const EN: &[(&str, &str)] = &[
    (
        "diagnostics.ftl",
        include_str!("../locales/en/diagnostics.ftl"),
    ),
    ("cli.ftl", include_str!("../locales/en/cli.ftl")),
    ("explain.ftl", include_str!("../locales/en/explain.ftl")),
    ("page.ftl", include_str!("../locales/en/page.ftl")),
];

/// No-break space, before `€` and other units in French.
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space, between groups of thousands in French.
pub const NNBSP: char = '\u{202f}';

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The language asked for: `--lang`, else `CLAUSIER_LANG`, else the
    /// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set and not
    /// empty: `fr…` gives French), else the system's language (`system`:
    /// the user's UI language on Windows, which sets none of those
    /// variables; `fr-FR` gives French), else English. `var` reads the
    /// environment (the CLI passes `std::env::var`). An unknown value of
    /// `--lang` or `CLAUSIER_LANG` is returned as an error.
    pub fn choose(
        flag: Option<&str>,
        var: impl Fn(&str) -> Option<String>,
        system: impl FnOnce() -> Option<String>,
    ) -> Result<Lang, String> {
        if let Some(flag) = flag {
            return Lang::parse(flag).ok_or_else(|| flag.to_owned());
        }
        if let Some(value) = var("CLAUSIER_LANG").filter(|v| !v.is_empty()) {
            return Lang::parse(&value).ok_or(value);
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = var(name).filter(|v| !v.is_empty()) {
                return Ok(Lang::of_locale(&value));
            }
        }
        Ok(system().map_or(Lang::En, |locale| Lang::of_locale(&locale)))
    }

    /// French for a French locale (`fr_FR.UTF-8`, `fr-CA`), else English.
    pub fn of_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// `fr` or `en` (any case, with or without a region: `fr_FR.UTF-8`).
    pub fn parse(text: &str) -> Option<Lang> {
        let lower = text.to_ascii_lowercase();
        let tag = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        match tag {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The catalogue files of the language: (file name, text).
    pub fn catalogue(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::Fr => FR,
            Lang::En => EN,
        }
    }

    fn bundle(self) -> &'static FluentBundle<FluentResource> {
        static FR_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
        static EN_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
        let cell = match self {
            Lang::Fr => &FR_BUNDLE,
            Lang::En => &EN_BUNDLE,
        };
        cell.get_or_init(|| {
            let tag = self
                .code()
                .parse()
                .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
            let mut bundle = FluentBundle::new_concurrent(vec![tag]);
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(match self {
                Lang::Fr => format_fr,
                Lang::En => format_en,
            }));
            for (_, text) in self.catalogue() {
                // A catalogue with an error still loads its valid entries;
                // the catalogue tests fail on any error.
                let resource = match FluentResource::try_new((*text).to_owned()) {
                    Ok(r) => r,
                    Err((r, _)) => r,
                };
                let _ = bundle.add_resource(resource);
            }
            bundle
        })
    }

    /// Whether the catalogue holds the entry (or `entry.attribute`).
    pub fn has(self, id: &str) -> bool {
        let (id, attribute) = split_id(id);
        let bundle = self.bundle();
        match bundle.get_message(id) {
            Some(m) => match attribute {
                Some(a) => m.get_attribute(a).is_some(),
                None => m.value().is_some(),
            },
            None => false,
        }
    }

    /// The text of a message. An entry missing from the catalogue (a bug
    /// the catalogue tests catch) shows as its id, never as a panic.
    pub fn tr(self, message: &Message) -> Cow<'static, str> {
        let id: &str = match &message.kind {
            Kind::Entry(id) => id,
            Kind::Plain(text) => return Cow::Owned(text.clone()),
        };
        let (name, attribute) = split_id(id);
        let bundle = self.bundle();
        let Some(entry) = bundle.get_message(name) else {
            return Cow::Owned(id.to_owned());
        };
        let pattern = match attribute {
            Some(a) => entry.get_attribute(a).map(|a| a.value()),
            None => entry.value(),
        };
        let Some(pattern) = pattern else {
            return Cow::Owned(id.to_owned());
        };
        let mut args = FluentArgs::new();
        for (key, arg) in &message.args {
            let value = match arg {
                Arg::Text(t) => FluentValue::from(t.as_str()),
                Arg::Count(n) => FluentValue::from(*n),
                Arg::Amount(cents) => FluentValue::from(self.amount(*cents)),
                Arg::Date(d) => FluentValue::from(self.date(*d)),
                Arg::Message(m) => FluentValue::from(self.tr(m).into_owned()),
                Arg::List(items, sep) => {
                    let items: Vec<String> =
                        items.iter().map(|m| self.tr(m).into_owned()).collect();
                    FluentValue::from(self.join(items, *sep))
                }
            };
            args.set(key.0.as_ref(), value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        Cow::Owned(text.into_owned())
    }

    /// The text of an entry without arguments.
    pub fn text(self, id: &'static str) -> Cow<'static, str> {
        self.tr(&Message::new(id))
    }

    /// Items joined as `sep` says in this language: `a, b`, `a et b`,
    /// `a ; b`, `a, b ou c`.
    fn join(self, mut items: Vec<String>, sep: Sep) -> String {
        let sep = match (sep, self) {
            (Sep::Comma, _) => ", ",
            (Sep::And, Lang::Fr) => " et ",
            (Sep::And, Lang::En) => " and ",
            (Sep::Semicolon, Lang::Fr) => "\u{202f}; ",
            (Sep::Semicolon, Lang::En) => "; ",
            (Sep::Or, _) => {
                let last = items.pop().unwrap_or_default();
                let or = match self {
                    Lang::Fr => " ou ",
                    Lang::En => " or ",
                };
                return if items.is_empty() {
                    last
                } else {
                    format!("{}{or}{last}", items.join(", "))
                };
            }
        };
        items.join(sep)
    }

    /// An amount of cents in euros: `1 234,56 €` in French (a narrow
    /// no-break space between thousands, a no-break space before `€`),
    /// `€1,234.56` in English.
    pub fn amount(self, cents: i128) -> String {
        let sign = if cents < 0 { "-" } else { "" };
        let abs = cents.unsigned_abs();
        match self {
            Lang::Fr => format!(
                "{sign}{},{:02}{NBSP}€",
                grouped(abs / 100, NNBSP),
                abs % 100
            ),
            Lang::En => format!("{sign}€{}.{:02}", grouped(abs / 100, ','), abs % 100),
        }
    }

    /// An amount without its cents when they are zero, for a chart's
    /// ticks: `50 000 €` in French, `€50,000` in English.
    pub fn amount_round(self, cents: i128) -> String {
        if cents % 100 != 0 {
            return self.amount(cents);
        }
        let sign = if cents < 0 { "-" } else { "" };
        let euros = cents.unsigned_abs() / 100;
        match self {
            Lang::Fr => format!("{sign}{}{NBSP}€", grouped(euros, NNBSP)),
            Lang::En => format!("{sign}€{}", grouped(euros, ',')),
        }
    }

    /// A date: `24/08/2017` in French, `2017-08-24` in English.
    pub fn date(self, date: chrono::NaiveDate) -> String {
        match self {
            Lang::Fr => date.format("%d/%m/%Y").to_string(),
            Lang::En => date.format("%Y-%m-%d").to_string(),
        }
    }

    /// A count with its thousands grouped: `2 000 000` (narrow no-break
    /// spaces) in French, `2,000,000` in English.
    pub fn count(self, n: u64) -> String {
        match self {
            Lang::Fr => grouped(n as u128, NNBSP),
            Lang::En => grouped(n as u128, ','),
        }
    }
}

fn split_id(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((name, attribute)) => (name, Some(attribute)),
        None => (id, None),
    }
}

fn grouped(n: u128, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Whole numbers (counts) grouped by thousands; anything else as Fluent
/// formats it.
fn format_number(value: &FluentValue, separator: char) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            let v = n.value as i64;
            let sign = if v < 0 { "-" } else { "" };
            Some(format!(
                "{sign}{}",
                grouped(v.unsigned_abs() as u128, separator)
            ))
        }
        _ => None,
    }
}

fn format_fr<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, NNBSP)
}

fn format_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    format_number(value, ',')
}

/// A typed argument of a message.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Arg {
    /// Text inserted as it is (a name, a code, a keyword).
    Text(String),
    /// A count: selects the plural form, shown grouped by thousands.
    Count(i64),
    /// Cents of euros.
    Amount(i128),
    #[serde(with = "crate::dates::days")]
    Date(chrono::NaiveDate),
    /// Another message, rendered in the same language.
    Message(Box<Message>),
    /// Messages joined: `a, b`, `a and b` (`a et b`), `a; b` (`a ; b`),
    /// `a, b or c` (`a, b ou c`).
    List(Vec<Message>, Sep),
}

/// How a list's items are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Sep {
    Comma,
    And,
    Semicolon,
    /// Commas, and `or` (`ou`) before the last.
    Or,
}

impl From<&str> for Arg {
    fn from(t: &str) -> Arg {
        Arg::Text(t.to_owned())
    }
}

impl From<String> for Arg {
    fn from(t: String) -> Arg {
        Arg::Text(t)
    }
}

impl From<std::borrow::Cow<'static, str>> for Arg {
    fn from(t: std::borrow::Cow<'static, str>) -> Arg {
        Arg::Text(t.into_owned())
    }
}

impl From<&String> for Arg {
    fn from(t: &String) -> Arg {
        Arg::Text(t.clone())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

impl From<chrono::NaiveDate> for Arg {
    fn from(d: chrono::NaiveDate) -> Arg {
        Arg::Date(d)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
enum Kind {
    /// An entry of the catalogues (`id` or `id.attribute`).
    Entry(#[serde(deserialize_with = "interned")] Cow<'static, str>),
    /// Text that is the same in every language (a file's own words).
    Plain(String),
}

/// The name of a message's argument.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
struct Key(Cow<'static, str>);

impl<'de> serde::Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        interned(d).map(Key)
    }
}

/// A word read back (a message held on disk by `order`): an entry id or
/// an argument's name, borrowed from the catalogues' own text when they
/// hold it, so that reading a message back allocates only its values.
pub fn interned<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Cow<'static, str>, D::Error> {
    use serde::Deserialize;
    static WORDS: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    let word = Cow::<'de, str>::deserialize(d)?;
    let words = WORDS.get_or_init(|| {
        EN.iter()
            .flat_map(|(_, text)| {
                text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            })
            .filter(|w| !w.is_empty())
            .collect()
    });
    Ok(match words.get(word.as_ref()) {
        Some(w) => Cow::Borrowed(w),
        None => Cow::Owned(word.into_owned()),
    })
}

/// A text to show: a catalogue entry and its arguments.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Message {
    kind: Kind,
    args: Vec<(Key, Arg)>,
}

impl From<crate::dates::Duration> for Message {
    /// The duration in words of the run's language (`3 mois`, `3 months`).
    fn from(d: crate::dates::Duration) -> Message {
        use crate::dates::Duration;
        let (id, n) = match d {
            Duration::Days(n) => ("duration-days", n),
            Duration::ClearDays(n) => ("duration-clear-days", n),
            Duration::WorkingDays(n) => ("duration-working-days", n),
            Duration::Months(n) => ("duration-months", n),
            Duration::Years(n) => ("duration-years", n),
        };
        Message::new(id).count("n", n)
    }
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            kind: Kind::Entry(Cow::Borrowed(id)),
            args: Vec::new(),
        }
    }

    /// An entry whose id is built at run time (`code-ceiling-exceeded.why`).
    pub fn entry(id: String) -> Message {
        Message {
            kind: Kind::Entry(Cow::Owned(id)),
            args: Vec::new(),
        }
    }

    /// Text shown as it is in every language: words taken from the user's
    /// own files (a waiver's reason, a convention's title).
    pub fn plain(text: impl Into<String>) -> Message {
        Message {
            kind: Kind::Plain(text.into()),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, key: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((Key(Cow::Borrowed(key)), value.into()));
        self
    }

    pub fn count(self, key: &'static str, n: impl TryInto<i64>) -> Message {
        let n = n.try_into().unwrap_or(i64::MAX);
        self.arg(key, Arg::Count(n))
    }

    pub fn list(self, key: &'static str, items: Vec<Message>, sep: Sep) -> Message {
        self.arg(key, Arg::List(items, sep))
    }

    pub fn date(self, key: &'static str, date: chrono::NaiveDate) -> Message {
        self.arg(key, Arg::Date(date))
    }

    pub fn amount(self, key: &'static str, cents: i128) -> Message {
        self.arg(key, Arg::Amount(cents))
    }

    /// The catalogue entry, if the message is one.
    pub fn id(&self) -> Option<&str> {
        match &self.kind {
            Kind::Entry(id) => Some(id),
            Kind::Plain(_) => None,
        }
    }
}

/// A message carried by an I/O error (a reading thread's cause, handed to
/// the reader on the other side), said in the run's language where the
/// error is reported ([`io_error`]); in English where it is only displayed.
#[derive(Debug)]
pub struct Carried(pub Message);

impl std::fmt::Display for Carried {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::En.tr(&self.0))
    }
}

impl std::error::Error for Carried {}

/// An I/O error in words of the run's language: the usual causes from the
/// catalogue, anything else as the system words it.
pub fn io_error(e: &std::io::Error) -> Message {
    use std::io::ErrorKind;
    if let Some(Carried(message)) = e.get_ref().and_then(|e| e.downcast_ref::<Carried>()) {
        return message.clone();
    }
    match e.kind() {
        ErrorKind::NotFound => Message::new("io-not-found"),
        ErrorKind::PermissionDenied => Message::new("io-permission-denied"),
        ErrorKind::IsADirectory => Message::new("io-is-a-directory"),
        ErrorKind::InvalidData => Message::new("io-invalid-data"),
        _ => Message::plain(e.to_string()),
    }
}

/// A message built from an entry id and `key = value` arguments.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $key:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($id)$(.arg(stringify!($key), $value))*
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_choice() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Lang::choose(Some("fr"), env(&[]), || None), Ok(Lang::Fr));
        assert_eq!(
            Lang::choose(Some("en"), env(&[("LANG", "fr_FR.UTF-8")]), || None),
            Ok(Lang::En)
        );
        assert_eq!(
            Lang::choose(None, env(&[("CLAUSIER_LANG", "fr"), ("LANG", "C")]), || {
                None
            }),
            Ok(Lang::Fr)
        );
        assert_eq!(
            Lang::choose(
                None,
                env(&[("LC_ALL", ""), ("LANG", "fr_FR.UTF-8")]),
                || None
            ),
            Ok(Lang::Fr)
        );
        assert_eq!(
            Lang::choose(
                None,
                env(&[("LC_MESSAGES", "en_GB"), ("LANG", "fr_FR")]),
                || None
            ),
            Ok(Lang::En)
        );
        assert_eq!(Lang::choose(None, env(&[]), || None), Ok(Lang::En));
        assert_eq!(
            Lang::choose(Some("de"), env(&[]), || None),
            Err("de".to_owned())
        );
        // Windows sets none of the variables: the user's UI language.
        let french_windows = || Some("fr-FR".to_owned());
        assert_eq!(Lang::choose(None, env(&[]), french_windows), Ok(Lang::Fr));
        assert_eq!(
            Lang::choose(None, env(&[("LANG", "C")]), french_windows),
            Ok(Lang::En)
        );
        assert_eq!(
            Lang::choose(None, env(&[("CLAUSIER_LANG", "en")]), french_windows),
            Ok(Lang::En)
        );
        assert_eq!(
            Lang::choose(Some("en"), env(&[]), french_windows),
            Ok(Lang::En)
        );
    }

    #[test]
    fn french_typography() {
        let fr = Lang::Fr;
        assert_eq!(fr.amount(123_456), "1\u{202f}234,56\u{a0}€");
        assert_eq!(fr.amount(-5), "-0,05\u{a0}€");
        assert_eq!(Lang::En.amount(40_000_000), "€400,000.00");
        assert_eq!(Lang::En.amount(-123_456), "-€1,234.56");
        assert_eq!(fr.count(2_000_000), "2\u{202f}000\u{202f}000");
        assert_eq!(Lang::En.count(2_000_000), "2,000,000");
        let d = chrono::NaiveDate::from_ymd_opt(2017, 8, 24).unwrap();
        assert_eq!(fr.date(d), "24/08/2017");
        assert_eq!(Lang::En.date(d), "2017-08-24");
    }
}
