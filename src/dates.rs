//! Deadlines as French law counts them.
//!
//! - Months (Code de procédure civile, art. 641): a deadline of n months
//!   expires on the day of the last month that bears the same number as the
//!   starting day; failing such a day, on the last day of that month.
//! - Calendar days: the starting day is not counted.
//! - Jours francs: neither the starting day nor the day of expiry counts,
//!   so a deadline of n jours francs expires the day after n calendar days.
//! - Jours ouvrés: Monday to Friday, French public holidays excepted.
//! - Art. 642: a deadline ending on a Saturday, a Sunday or a public
//!   holiday is extended to the next working day. Whether it applies to the
//!   date a termination takes effect is not settled: callers choose.
//!
//! Every function returns `None` rather than panic when a date would leave
//! chrono's range.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// A duration as conventions state them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Duration {
    Days(u32),
    /// Jours francs.
    ClearDays(u32),
    WorkingDays(u32),
    Months(u32),
    Years(u32),
}

impl Duration {
    /// The date a deadline of this duration starting on `from` expires.
    pub fn after(self, from: NaiveDate) -> Option<NaiveDate> {
        match self {
            Duration::Days(n) => from.checked_add_days(Days::new(n.into())),
            Duration::ClearDays(n) => from.checked_add_days(Days::new(u64::from(n) + 1)),
            Duration::WorkingDays(n) => add_working_days(from, n),
            Duration::Months(n) => add_months(from, n),
            Duration::Years(n) => add_months(from, n.checked_mul(12)?),
        }
    }

    /// The date this duration before `to` (for "notice given 3 months before
    /// the end"): the latest date from which the duration reaches `to`.
    pub fn before(self, to: NaiveDate) -> Option<NaiveDate> {
        match self {
            Duration::Days(n) => to.checked_sub_days(Days::new(n.into())),
            Duration::ClearDays(n) => to.checked_sub_days(Days::new(u64::from(n) + 1)),
            Duration::WorkingDays(n) => sub_working_days(to, n),
            Duration::Months(n) => sub_months(to, n),
            Duration::Years(n) => sub_months(to, n.checked_mul(12)?),
        }
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Duration::Days(n) => write!(f, "{n} jours"),
            Duration::ClearDays(n) => write!(f, "{n} jours francs"),
            Duration::WorkingDays(n) => write!(f, "{n} jours ouvrés"),
            Duration::Months(n) => write!(f, "{n} mois"),
            Duration::Years(n) => write!(f, "{n} an{}", if *n > 1 { "s" } else { "" }),
        }
    }
}

/// Art. 641: same day number `n` months later, else the month's last day.
pub fn add_months(from: NaiveDate, n: u32) -> Option<NaiveDate> {
    // chrono clamps to the last day of the month, which is art. 641's rule.
    from.checked_add_months(Months::new(n))
}

/// The same rule backwards.
pub fn sub_months(to: NaiveDate, n: u32) -> Option<NaiveDate> {
    to.checked_sub_months(Months::new(n))
}

/// Art. 642: the next working day if `date` is not one.
pub fn next_working_day(mut date: NaiveDate) -> Option<NaiveDate> {
    for _ in 0..15 {
        if is_working_day(date) {
            return Some(date);
        }
        date = date.succ_opt()?;
    }
    None
}

pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(date)
}

fn add_working_days(mut date: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut left = n;
    while left > 0 {
        date = date.succ_opt()?;
        if is_working_day(date) {
            left -= 1;
        }
    }
    Some(date)
}

fn sub_working_days(mut date: NaiveDate, n: u32) -> Option<NaiveDate> {
    let mut left = n;
    while left > 0 {
        date = date.pred_opt()?;
        if is_working_day(date) {
            left -= 1;
        }
    }
    Some(date)
}

/// French public holidays (jours fériés): 1 January, Easter Monday, 1 May,
/// 8 May, Ascension Thursday, Whit Monday, 14 July, 15 August, 1 November,
/// 11 November, 25 December.
pub fn is_public_holiday(date: NaiveDate) -> bool {
    let fixed = matches!(
        (date.month(), date.day()),
        (1, 1) | (5, 1) | (5, 8) | (7, 14) | (8, 15) | (11, 1) | (11, 11) | (12, 25)
    );
    if fixed {
        return true;
    }
    let Some(easter) = easter_sunday(date.year()) else {
        return false;
    };
    [1u64, 39, 50]
        .iter()
        .any(|d| easter.checked_add_days(Days::new(*d)) == Some(date))
}

/// Easter Sunday of the Gregorian calendar (anonymous algorithm, Meeus).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// A date as its day number from the common era (4 bytes in postcard's
/// encoding, no text to format or parse), for findings held on disk.
pub mod days {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(date.num_days_from_ce())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let days = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(days)
            .ok_or_else(|| serde::de::Error::custom(format!("day {days} out of range")))
    }
}

/// [`days`], for an optional date.
pub mod days_or_none {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_some(&d.num_days_from_ce()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<i32>::deserialize(d)? {
            Some(days) => NaiveDate::from_num_days_from_ce_opt(days)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("day {days} out of range"))),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn months_follow_article_641() {
        // The worked examples of DOMAIN.md §5.
        assert_eq!(add_months(d(2026, 3, 15), 3), Some(d(2026, 6, 15)));
        assert_eq!(add_months(d(2025, 11, 30), 3), Some(d(2026, 2, 28)));
        assert_eq!(add_months(d(2027, 11, 30), 3), Some(d(2028, 2, 29)));
        assert_eq!(add_months(d(2025, 8, 31), 3), Some(d(2025, 11, 30)));
        // 29 February, 31st-of-month starts, year boundaries.
        assert_eq!(add_months(d(2024, 2, 29), 12), Some(d(2025, 2, 28)));
        assert_eq!(add_months(d(2024, 2, 29), 48), Some(d(2028, 2, 29)));
        assert_eq!(add_months(d(2017, 1, 31), 1), Some(d(2017, 2, 28)));
        assert_eq!(add_months(d(2017, 10, 31), 2), Some(d(2017, 12, 31)));
        assert_eq!(add_months(d(2017, 12, 31), 1), Some(d(2018, 1, 31)));
        assert_eq!(add_months(d(2017, 8, 24), 16), Some(d(2018, 12, 24)));
    }

    #[test]
    fn article_642_extends_to_the_next_working_day() {
        // 28 Feb 2026 is a Saturday, 30 Nov 2025 a Sunday.
        assert_eq!(next_working_day(d(2026, 2, 28)), Some(d(2026, 3, 2)));
        assert_eq!(next_working_day(d(2025, 11, 30)), Some(d(2025, 12, 1)));
        // 14 July 2017 (Friday, holiday) → Monday 17.
        assert_eq!(next_working_day(d(2017, 7, 14)), Some(d(2017, 7, 17)));
        // Easter Monday 2018 was 2 April.
        assert_eq!(next_working_day(d(2018, 4, 2)), Some(d(2018, 4, 3)));
        assert_eq!(next_working_day(d(2018, 4, 4)), Some(d(2018, 4, 4)));
    }

    #[test]
    fn easter_and_its_holidays() {
        assert_eq!(easter_sunday(2017), Some(d(2017, 4, 16)));
        assert_eq!(easter_sunday(2018), Some(d(2018, 4, 1)));
        assert_eq!(easter_sunday(2026), Some(d(2026, 4, 5)));
        assert!(is_public_holiday(d(2018, 5, 10))); // Ascension
        assert!(is_public_holiday(d(2018, 5, 21))); // Whit Monday
        assert!(!is_public_holiday(d(2018, 5, 11)));
    }

    #[test]
    fn days_clear_days_and_working_days() {
        assert_eq!(
            Duration::Days(10).after(d(2018, 3, 1)),
            Some(d(2018, 3, 11))
        );
        assert_eq!(
            Duration::ClearDays(10).after(d(2018, 3, 1)),
            Some(d(2018, 3, 12))
        );
        // From Friday 27 April 2018: Mon 30, Wed 2 (1 May off), Thu 3, Fri 4, Mon 7.
        assert_eq!(
            Duration::WorkingDays(5).after(d(2018, 4, 27)),
            Some(d(2018, 5, 7))
        );
        assert_eq!(
            Duration::Months(3).before(d(2018, 12, 31)),
            Some(d(2018, 9, 30))
        );
        assert_eq!(
            Duration::Years(1).after(d(2017, 8, 24)),
            Some(d(2018, 8, 24))
        );
    }
}
