//! Exact money: euro cents as integers on the hot path, `rust_decimal`
//! wherever an amount leaves clausier (JSON, messages).

use std::str::FromStr;

use rust_decimal::Decimal;

/// An exact amount in euro cents, as the ledger sums it and every renderer
/// receives it: never formatted to be parsed again. Machine outputs (JSON,
/// CSV) write it as its exact decimal text (`400000.00`, [`plain`]); what
/// people read is formatted by `i18n::Lang::amount`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(pub i128);

impl Amount {
    /// The amount in cents.
    pub fn cents(self) -> i128 {
        self.0
    }

    /// The amount as an exact decimal of euros.
    pub fn to_decimal(self) -> Decimal {
        to_decimal(self.0)
    }
}

impl std::fmt::Display for Amount {
    /// The exact decimal text: `400000.00`, `-12.50`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.to_decimal(), f)
    }
}

impl serde::Serialize for Amount {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A sum of cents as an exact decimal of euros with two decimals.
/// Sums past `Decimal`'s 96-bit range (about 7.9 × 10^26 €) saturate, which
/// no real or generated export can reach: 10^13 rows of 10^15 € is 10^28
/// cents = 10^26 €.
pub fn to_decimal(cents: i128) -> Decimal {
    Decimal::try_from_i128_with_scale(cents, 2).unwrap_or(if cents < 0 {
        Decimal::MIN
    } else {
        Decimal::MAX
    })
}

/// Whole cents of an amount of the model (at most two decimals, enforced
/// by lowering). `None` if it does not fit.
pub fn to_cents(amount: Decimal) -> Option<i128> {
    let scaled = amount.checked_mul(Decimal::ONE_HUNDRED)?;
    (scaled.fract().is_zero()).then(|| scaled.mantissa() / 10i128.pow(scaled.scale()))
}

/// `400 000,00 €`: how an analyst reads an amount (French grouping, comma).
pub fn french(cents: i128) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{},{:02} €", grouped(abs / 100), abs % 100)
}

/// `400 000 €`, or `1 234,50 €` when there are cents: an amount as `fmt`
/// writes it in a rule file.
pub fn literal(cents: i128) -> String {
    if cents % 100 == 0 {
        let sign = if cents < 0 { "-" } else { "" };
        format!("{sign}{} €", grouped(cents.unsigned_abs() / 100))
    } else {
        french(cents)
    }
}

/// Whole euros grouped by three with spaces: `400 000`.
fn grouped(units: u128) -> String {
    let units = units.to_string();
    let mut grouped = String::with_capacity(units.len() + units.len() / 3);
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    grouped
}

/// Why a money literal of a rule file is not an amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiteralError {
    /// More than two decimals: a cent is the smallest amount.
    TooManyDecimals,
    /// Past `Decimal`'s range.
    TooLarge,
}

impl LiteralError {
    /// The catalogue entry saying why.
    pub fn reason(self) -> &'static str {
        match self {
            LiteralError::TooManyDecimals => "why-too-many-decimals",
            LiteralError::TooLarge => "amount-too-large-label",
        }
    }
}

/// Parses a money literal of the grammar (`400 000 €`, `1 234,56 EUR`) into
/// an exact decimal. At most two decimals: a cent is the smallest amount.
pub fn parse_money(raw: &str) -> Result<Decimal, LiteralError> {
    let number: String = raw
        .trim_end_matches('€')
        .trim_end_matches("EUR")
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{A0}' | '\u{202F}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if number
        .split_once('.')
        .is_some_and(|(_, frac)| frac.len() > 2)
    {
        return Err(LiteralError::TooManyDecimals);
    }
    Decimal::from_str(&number).map_err(|_| LiteralError::TooLarge)
}

/// A money literal of a rule file in `fmt`'s canonical form
/// ([`literal`]); one that does not parse (lowering reports it) is kept as
/// written.
pub fn canonical_literal(raw: &str) -> String {
    parse_money(raw)
        .ok()
        .and_then(to_cents)
        .map_or_else(|| raw.to_owned(), literal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        assert_eq!(french(40_000_000), "400 000,00 €");
        assert_eq!(french(-12_345), "-123,45 €");
        assert_eq!(french(5), "0,05 €");
        assert_eq!(Amount(40_012_345).to_string(), "400123.45");
        assert_eq!(Amount(-5).to_string(), "-0.05");
        assert_eq!(serde_json::to_string(&Amount(100)).unwrap(), "\"1.00\"");
        assert_eq!(
            to_cents(Decimal::from_str("400000").unwrap()),
            Some(40_000_000)
        );
        assert_eq!(to_cents(Decimal::from_str("1.5").unwrap()), Some(150));
        assert_eq!(to_cents(Decimal::from_str("0.001").unwrap()), None);
    }

    #[test]
    fn literals() {
        assert_eq!(literal(40_000_000), "400 000 €");
        assert_eq!(literal(123_450), "1 234,50 €");
        assert_eq!(literal(-100), "-1 €");
        assert_eq!(literal(0), "0 €");
        assert_eq!(canonical_literal("1234,5 EUR"), "1 234,50 €");
        assert_eq!(canonical_literal("400000 €"), "400 000 €");
        assert_eq!(canonical_literal("1,234 €"), "1,234 €");
        assert_eq!(parse_money("1,234 €"), Err(LiteralError::TooManyDecimals));
        assert_eq!(
            parse_money("99999999999999999999999999999999 €"),
            Err(LiteralError::TooLarge)
        );
        assert_eq!(
            parse_money("1\u{202F}234,56 €"),
            Ok(Decimal::from_str("1234.56").unwrap())
        );
    }
}
