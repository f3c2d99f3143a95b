//! Field parsers for exports: amounts, dates, movement types and codes.
//! They work on borrowed bytes and never allocate: they run once per field
//! of every row.

use chrono::{Datelike, NaiveDate};

use crate::language::model::Budget;

/// An amount in euro cents. Exports state euros with at most two decimals;
/// sums are kept in `i128` so that no export can overflow them.
pub type Cents = i64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    Empty,
    Invalid,
    TooManyDecimals,
    TooLarge,
    /// A currency other than the euro (`$`, `USD`, `£`…).
    OtherCurrency,
}

impl AmountError {
    pub fn reason(self) -> &'static str {
        match self {
            AmountError::Empty => "why-amount-empty",
            AmountError::Invalid => "why-not-an-amount",
            AmountError::TooManyDecimals => "why-too-many-decimals",
            AmountError::TooLarge => "why-too-large",
            AmountError::OtherCurrency => "why-other-currency",
        }
    }
}

const NBSP: &[u8] = "\u{A0}".as_bytes();
const NNBSP: &[u8] = "\u{202F}".as_bytes();
const EN_DASH: &[u8] = "\u{2013}".as_bytes();
const MINUS: &[u8] = "\u{2212}".as_bytes();

/// Parses a signed amount in euros: `-1 234,56`, `1234.5`, `"28,26"`,
/// `–87,10` (en dash), thousands grouped by space, NBSP or U+202F (groups
/// of exactly three digits), one decimal separator (comma or point), at
/// most two decimals. NBSP and the en dash are also accepted as the single
/// bytes Windows-1252 gives them (0xA0, 0x96), which UTF-8 text cannot hold
/// at those places.
#[inline]
pub fn parse_amount(field: &[u8]) -> Result<Cents, AmountError> {
    match plain_amount(field) {
        Some(cents) => Ok(cents),
        None => parse_written_amount(field),
    }
}

/// The euro as exports write it: `€` (in UTF-8, or byte 0x80 in
/// Windows-1252) and `EUR`.
const EURO: [&[u8]; 4] = ["€".as_bytes(), b"\x80", b"EUR", b"eur"];

/// Currencies other than the euro that an amount may carry.
const OTHER_CURRENCIES: [&[u8]; 7] = [
    b"$",
    "£".as_bytes(),
    b"USD",
    b"GBP",
    b"CHF",
    "¥".as_bytes(),
    b"JPY",
];

/// The spaces of an amount: between groups of thousands, and between the
/// amount and its currency (plain, no-break in UTF-8 or Windows-1252, narrow
/// no-break).
const SPACES: [&[u8]; 4] = [b" ", NBSP, NNBSP, b"\xA0"];

/// `s` without the spaces at its end (`end`) or at its start.
fn trim_spaces(mut s: &[u8], end: bool) -> &[u8] {
    loop {
        let found = SPACES.iter().find(|sep| {
            if end {
                s.ends_with(sep)
            } else {
                s.starts_with(sep)
            }
        });
        let Some(sep) = found else {
            return s;
        };
        s = if end {
            s.get(..s.len() - sep.len()).unwrap_or_default()
        } else {
            s.get(sep.len()..).unwrap_or_default()
        };
    }
}

/// Strips a currency written before or after an amount, with the spaces
/// (plain, no-break, narrow no-break) between them: `1 500,00 €` as French
/// Excel saves a currency cell, `€1,500.00`, `1500 EUR`. A currency other
/// than the euro is an error.
fn strip_currency(s: &[u8]) -> Result<&[u8], AmountError> {
    // Most fields begin and end with a digit (or a sign): nothing to strip.
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_digit() || *b == b'-');
    if plain(s.first()) && s.last().is_some_and(u8::is_ascii_digit) {
        return Ok(s);
    }
    for other in OTHER_CURRENCIES {
        if s.ends_with(other) || s.starts_with(other) {
            return Err(AmountError::OtherCurrency);
        }
    }
    for euro in EURO {
        if let Some(rest) = s.strip_suffix(euro) {
            return Ok(trim_spaces(rest, true));
        }
        if let Some(rest) = s.strip_prefix(euro) {
            return Ok(trim_spaces(rest, false));
        }
    }
    Ok(s)
}

/// [`parse_amount`] for any form: kept out of line, so that the common
/// form costs no call.
#[inline(never)]
fn parse_written_amount(field: &[u8]) -> Result<Cents, AmountError> {
    let mut s = trim(field);
    if let [b'"', inner @ .., b'"'] = s {
        s = trim(inner);
    }
    if s.is_empty() {
        return Err(AmountError::Empty);
    }
    // An accountant's negative: `(1 500,00 €)`.
    let bracketed = match s {
        [b'(', inner @ .., b')'] => {
            s = trim(inner);
            true
        }
        _ => false,
    };
    let s = strip_currency(s)?;
    let (negative, digits) = strip_sign(s);
    if bracketed && (negative || s.starts_with(b"+")) {
        return Err(AmountError::Invalid);
    }
    let negative = negative || bracketed;
    // `-1 500,00 €`, `€ -1 500,00`: the sign may stand on either side of
    // the currency.
    let digits = strip_currency(digits)?;
    let mut units: i64 = 0;
    let mut frac: i64 = 0;
    let mut frac_digits = 0u32;
    // Digits of the current group, and whether a thousands separator was seen.
    let mut group = 0u32;
    let mut grouped = false;
    let mut in_fraction = false;
    let mut rest = digits;
    while let Some((&b, tail)) = rest.split_first() {
        let mut next = tail;
        match b {
            b'0'..=b'9' if in_fraction => {
                frac_digits += 1;
                if frac_digits > 2 {
                    return Err(AmountError::TooManyDecimals);
                }
                frac = frac * 10 + i64::from(b - b'0');
            }
            b'0'..=b'9' => {
                group += 1;
                units = units
                    .checked_mul(10)
                    .and_then(|u| u.checked_add(i64::from(b - b'0')))
                    .ok_or(AmountError::TooLarge)?;
            }
            b',' | b'.' if !in_fraction && group > 0 => {
                if grouped && group != 3 {
                    return Err(AmountError::Invalid);
                }
                in_fraction = true;
            }
            _ if in_fraction || group == 0 || (grouped && group != 3) || group > 3 => {
                return Err(AmountError::Invalid);
            }
            _ => {
                let width = SPACES
                    .iter()
                    .find(|sep| rest.starts_with(sep))
                    .map(|sep| sep.len())
                    .ok_or(AmountError::Invalid)?;
                next = rest.get(width..).unwrap_or_default();
                grouped = true;
                group = 0;
            }
        }
        rest = next;
    }
    let ends_well = if in_fraction {
        frac_digits > 0
    } else {
        group > 0 && (!grouped || group == 3)
    };
    if !ends_well {
        return Err(AmountError::Invalid);
    }
    if frac_digits == 1 {
        frac *= 10;
    }
    let cents = units
        .checked_mul(100)
        .and_then(|u| u.checked_add(frac))
        .ok_or(AmountError::TooLarge)?;
    Ok(if negative { -cents } else { cents })
}

/// The common form, `-1234,56` or `1234.56`: optional minus, up to 15
/// digits, a separator and exactly two decimals. `None` for anything else,
/// which the general parser takes.
#[inline]
fn plain_amount(field: &[u8]) -> Option<Cents> {
    let (negative, digits) = match field {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, field),
    };
    let [units @ .., b',' | b'.', tens, ones] = digits else {
        return None;
    };
    if units.is_empty() || units.len() > 15 {
        return None;
    }
    let digit = |b: u8| {
        let d = b.wrapping_sub(b'0');
        (d <= 9).then_some(i64::from(d))
    };
    let mut cents: i64 = 0;
    for b in units {
        cents = cents * 10 + digit(*b)?;
    }
    cents = cents * 100 + digit(*tens)? * 10 + digit(*ones)?;
    Some(if negative { -cents } else { cents })
}

/// Equality of two short fields, a word at a time, without a call into
/// the C library's `memcmp` (which costs more than the comparison itself
/// for the codes and dates of a row).
#[inline]
pub fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    // First and last eight (or four) bytes, which overlap below 16 (or 8).
    if n >= 8 {
        let head = |s: &[u8]| s.first_chunk::<8>().map(|c| u64::from_ne_bytes(*c));
        let tail = |s: &[u8]| s.last_chunk::<8>().map(|c| u64::from_ne_bytes(*c));
        return head(a) == head(b) && tail(a) == tail(b) && (n <= 16 || a == b);
    }
    if n >= 4 {
        let head = |s: &[u8]| s.first_chunk::<4>().map(|c| u32::from_ne_bytes(*c));
        let tail = |s: &[u8]| s.last_chunk::<4>().map(|c| u32::from_ne_bytes(*c));
        return head(a) == head(b) && tail(a) == tail(b);
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// Eight bytes as a little-endian word (zero if fewer are given).
#[inline]
pub fn word(bytes: &[u8]) -> u64 {
    <[u8; 8]>::try_from(bytes).map_or(0, u64::from_le_bytes)
}

fn strip_sign(s: &[u8]) -> (bool, &[u8]) {
    let signs = [
        (&b"-"[..], true),
        (b"+", false),
        (EN_DASH, true),
        (MINUS, true),
        (b"\x96", true),
    ];
    for (sign, negative) in signs {
        if let Some(rest) = s.strip_prefix(sign) {
            return (negative, trim(rest));
        }
    }
    (false, s)
}

/// Trims ASCII spaces and tabs.
#[inline]
pub fn trim(s: &[u8]) -> &[u8] {
    // Most fields have nothing to trim: two byte tests settle it (space
    // and tab are below `!`, and so are only control characters).
    let low = |b: Option<&u8>| b.is_some_and(|b| *b <= b' ');
    if low(s.first()) || low(s.last()) {
        trim_ends(s)
    } else {
        s
    }
}

fn trim_ends(mut s: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = s {
        s = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = s {
        s = rest;
    }
    s
}

/// Parses `yyyy-mm-dd`, `dd/mm/yyyy` or `dd.mm.yyyy`, optionally followed
/// by a time (`03.02.2023 05:32:09`, `2023-02-03T05:32`), which is ignored.
pub fn parse_date(field: &[u8]) -> Option<NaiveDate> {
    let s = trim(field);
    let (day_part, time_part) = match s.get(10) {
        None => (s, &[][..]),
        Some(b' ' | b'T') => (s.get(..10)?, s.get(11..)?),
        Some(_) => return None,
    };
    if !time_part.iter().all(|b| b.is_ascii_digit() || *b == b':') {
        return None;
    }
    let (y, m, d) = match day_part {
        [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] => (
            num(&[*y1, *y2, *y3, *y4])?,
            num(&[*m1, *m2])?,
            num(&[*d1, *d2])?,
        ),
        [d1, d2, sep1 @ (b'/' | b'.'), m1, m2, sep2, y1, y2, y3, y4] if sep1 == sep2 => (
            num(&[*y1, *y2, *y3, *y4])?,
            num(&[*m1, *m2])?,
            num(&[*d1, *d2])?,
        ),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

fn num(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// A date as a day number, for compact sort keys.
pub fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

/// `AE` or `CP`, in any case, spaces trimmed.
pub fn parse_budget(field: &[u8]) -> Option<Budget> {
    match trim(field) {
        [a, e] if a.eq_ignore_ascii_case(&b'A') && e.eq_ignore_ascii_case(&b'E') => {
            Some(Budget::AE)
        }
        [c, p] if c.eq_ignore_ascii_case(&b'C') && p.eq_ignore_ascii_case(&b'P') => {
            Some(Budget::CP)
        }
        _ => None,
    }
}

/// A code as compared with the convention's: trimmed, `#` and `Non affecté`
/// read as empty, and a company prefix such as `BG00/` removed.
pub fn normalize_code(field: &[u8]) -> &[u8] {
    let s = trim(field);
    if s == b"#"
        || s.eq_ignore_ascii_case("Non affecté".as_bytes())
        || s.eq_ignore_ascii_case(b"Non affect\xe9")
    {
        return &[];
    }
    match s {
        [a, b, c, d, b'/', rest @ ..]
            if [a, b, c, d].iter().all(|x| x.is_ascii_alphanumeric()) && !rest.is_empty() =>
        {
            rest
        }
        _ => s,
    }
}

/// A programme number without its leading zeros (`0124` and `124` match).
pub fn normalize_programme(field: &[u8]) -> &[u8] {
    let s = normalize_code(field);
    let zeros = s.iter().take_while(|b| **b == b'0').count();
    if zeros == s.len() {
        s
    } else {
        s.get(zeros..).unwrap_or(s)
    }
}

/// A budget title as CHORUS writes it (`3`, `03`, `T3`, `Titre 3`), as the
/// digit 1 to 7; `None` for anything else.
pub fn budget_title(written: &str) -> Option<String> {
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    let rest: String = written.chars().filter(|c| !c.is_ascii_digit()).collect();
    let rest = crate::language::keywords::fold(rest.trim());
    let word = matches!(&*rest, "" | "t" | "t." | "titre");
    let one = digits.len() == 1 && digits.chars().all(|c| ('1'..='7').contains(&c));
    (word && one).then(|| digits.to_owned())
}

/// A PCE account, with or without its `PCE/` prefix, as its digits;
/// `None` for anything else.
pub fn pce_account(written: &str) -> Option<String> {
    let bare = written.rsplit('/').next().unwrap_or(written).trim();
    (!bare.is_empty() && bare.bytes().all(|b| b.is_ascii_digit())).then(|| bare.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        assert_eq!(parse_amount(b"1234,56"), Ok(123_456));
        assert_eq!(parse_amount(b"-1 234,56"), Ok(-123_456));
        assert_eq!(parse_amount("1\u{A0}234,5".as_bytes()), Ok(123_450));
        assert_eq!(parse_amount("1\u{202F}234.05".as_bytes()), Ok(123_405));
        assert_eq!(parse_amount("\u{2013}87,10".as_bytes()), Ok(-8_710));
        assert_eq!(parse_amount(b"\"28,26\""), Ok(2_826));
        assert_eq!(parse_amount(b"22500"), Ok(2_250_000));
        assert_eq!(parse_amount(b""), Err(AmountError::Empty));
        assert_eq!(parse_amount(b"1,234"), Err(AmountError::TooManyDecimals));
        assert_eq!(parse_amount(b"1,2,3"), Err(AmountError::Invalid));
        assert_eq!(parse_amount(b"12a"), Err(AmountError::Invalid));
        assert_eq!(parse_amount(b","), Err(AmountError::Invalid));
        assert_eq!(parse_amount(b"1,"), Err(AmountError::Invalid));
        assert_eq!(
            parse_amount(b"99999999999999999999"),
            Err(AmountError::TooLarge)
        );
        assert_eq!(parse_amount(b"1\xa0000,00"), Ok(100_000));
        assert_eq!(parse_amount(b"\x96100,00"), Ok(-10_000));
        assert_eq!(parse_amount(b"1 0,00"), Err(AmountError::Invalid));
        assert_eq!(parse_amount(b"1234 567"), Err(AmountError::Invalid));
        assert_eq!(parse_amount(b"1 234 567,8"), Ok(123_456_780));
        assert_eq!(parse_amount(b"12 34"), Err(AmountError::Invalid));
        assert_eq!(parse_amount(b"1 "), Ok(100));
        // The fast path agrees with the general parser.
        assert_eq!(parse_amount(b"-87,10"), Ok(-8_710));
        assert_eq!(parse_amount(b"0.05"), Ok(5));
        assert_eq!(parse_amount(b"-,05"), Err(AmountError::Invalid));
        assert_eq!(parse_amount(b"1x,05"), Err(AmountError::Invalid));
        assert_eq!(
            parse_amount(b"999999999999999,99"),
            Ok(99_999_999_999_999_999)
        );
    }

    #[test]
    fn amounts_as_french_excel_saves_currency_cells() {
        // `1 500,00 €` with a no-break, a narrow no-break or a plain space.
        for text in [
            "1\u{a0}500,00\u{a0}€",
            "1\u{202f}500,00\u{202f}€",
            "1 500,00 €",
            "1500,00€",
        ] {
            assert_eq!(parse_amount(text.as_bytes()), Ok(150_000), "{text}");
        }
        assert_eq!(parse_amount("-1 500,00 €".as_bytes()), Ok(-150_000));
        assert_eq!(parse_amount("(1 500,00 €)".as_bytes()), Ok(-150_000));
        assert_eq!(parse_amount(b"(1 500,00)"), Ok(-150_000));
        // Thousands by commas are English: not read as euros and cents.
        assert!(parse_amount("€1,500.00".as_bytes()).is_err());
        assert_eq!(parse_amount("€ 1500.00".as_bytes()), Ok(150_000));
        assert_eq!(parse_amount("€ -12,50".as_bytes()), Ok(-1_250));
        assert_eq!(parse_amount(b"1500 EUR"), Ok(150_000));
        // Windows-1252: `€` is byte 0x80, NBSP 0xA0.
        assert_eq!(parse_amount(b"1\xa0500,00\xa0\x80"), Ok(150_000));
        assert_eq!(parse_amount(b"\"1 500,00 \xe2\x82\xac\""), Ok(150_000));
        // Another currency is named, not taken for euros.
        for text in ["1 500,00 $", "$1500.00", "1500 USD", "£12", "12 CHF"] {
            assert_eq!(
                parse_amount(text.as_bytes()),
                Err(AmountError::OtherCurrency),
                "{text}"
            );
        }
        assert_eq!(
            parse_amount("(-1 500,00 €)".as_bytes()),
            Err(AmountError::Invalid)
        );
        assert_eq!(parse_amount("€".as_bytes()), Err(AmountError::Invalid));
        assert_eq!(parse_amount(b"()"), Err(AmountError::Invalid));
    }

    #[test]
    fn short_equality() {
        let words: [&[u8]; 10] = [
            b"0123456789abcdefgh",
            b"0123456789abcdefgi",
            b"1123456789abcdefgh",
            b"",
            b"a",
            b"0124-11",
            b"01246011",
            b"0124-CDAF-CDSI",
            b"0124-CDAF-CDSJ",
            b"1124-CDAF-CDSI",
        ];
        for a in words {
            for b in words {
                assert_eq!(same(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn dates() {
        let d = NaiveDate::from_ymd_opt(2017, 8, 24);
        assert_eq!(parse_date(b"2017-08-24"), d);
        assert_eq!(parse_date(b"24/08/2017"), d);
        assert_eq!(parse_date(b"24.08.2017"), d);
        assert_eq!(parse_date(b"24.08.2017 05:32:09"), d);
        assert_eq!(parse_date(b"24/08.2017"), None);
        assert_eq!(parse_date(b"31/02/2017"), None);
        assert_eq!(parse_date(b"2017-8-24"), None);
        assert_eq!(parse_date(b""), None);
    }

    #[test]
    fn codes() {
        assert_eq!(normalize_code(b"BG00/DREETS0035"), b"DREETS0035");
        assert_eq!(normalize_code(b" 0124-CDAF-CDSI "), b"0124-CDAF-CDSI");
        assert_eq!(normalize_code(b"#"), b"");
        assert_eq!(normalize_programme(b"0124"), b"124");
        assert_eq!(normalize_programme(b"000"), b"000");
        assert_eq!(parse_budget(b" ae"), Some(Budget::AE));
        assert_eq!(parse_budget(b"AEX"), None);
    }
}
