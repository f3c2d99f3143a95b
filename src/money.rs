//! Exact money: euro cents as integers on the hot path, `rust_decimal`
//! wherever an amount leaves clausier (JSON, messages).

use rust_decimal::Decimal;

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
    let units = (abs / 100).to_string();
    let mut grouped = String::with_capacity(units.len() + units.len() / 3);
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped},{:02} €", abs % 100)
}

/// Exact decimal text of euros, for machine outputs: `400000.00`.
pub fn plain(cents: i128) -> String {
    to_decimal(cents).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn conversions() {
        assert_eq!(french(40_000_000), "400 000,00 €");
        assert_eq!(french(-12_345), "-123,45 €");
        assert_eq!(french(5), "0,05 €");
        assert_eq!(plain(40_012_345), "400123.45");
        assert_eq!(
            to_cents(Decimal::from_str("400000").unwrap()),
            Some(40_000_000)
        );
        assert_eq!(to_cents(Decimal::from_str("1.5").unwrap()), Some(150));
        assert_eq!(to_cents(Decimal::from_str("0.001").unwrap()), None);
    }
}
