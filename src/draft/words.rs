//! French numbers, months and dates as conventions write them: in figures
//! (`24 août 2017`, `24/08/2017`, `1er janvier`) and in words (`trois
//! mois`, `quatre cent mille euros`, `vingt-quatre août deux mille
//! dix-sept`).

use chrono::NaiveDate;

use crate::language::keywords::fold;

const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// The month a (folded) word names, 1 to 12.
pub fn month(word: &str) -> Option<u32> {
    let w = fold(word);
    let w = w.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == w)
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn unit(word: &str) -> Option<u64> {
    Some(match word {
        "zero" => 0,
        "un" | "une" | "premier" | "premiere" => 1,
        "deux" => 2,
        "trois" => 3,
        "quatre" => 4,
        "cinq" => 5,
        "six" => 6,
        "sept" => 7,
        "huit" => 8,
        "neuf" => 9,
        "dix" => 10,
        "onze" => 11,
        "douze" => 12,
        "treize" => 13,
        "quatorze" => 14,
        "quinze" => 15,
        "seize" => 16,
        "vingt" | "vingts" => 20,
        "trente" => 30,
        "quarante" => 40,
        "cinquante" => 50,
        "soixante" => 60,
        _ => return None,
    })
}

/// Whether a word can be part of a number in words.
pub fn is_number_word(word: &str) -> bool {
    let w = fold(word);
    w.split('-').all(|part| {
        unit(part).is_some()
            || matches!(
                part,
                "et" | "cent" | "cents" | "mille" | "mil" | "million" | "millions"
            )
    })
}

/// The number that words (already split on spaces) say, if they all
/// belong to one: `quatre cent mille`, `vingt-quatre`, `deux mille dix-sept`.
pub fn number(words: &[&str]) -> Option<u64> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut any = false;
    for word in words {
        let folded = fold(word);
        for part in folded.split('-').filter(|p| !p.is_empty()) {
            match part {
                "et" => continue,
                "cent" | "cents" => current = current.max(1).checked_mul(100)?,
                "mille" | "mil" => {
                    total = total.checked_add(current.max(1).checked_mul(1000)?)?;
                    current = 0;
                }
                "million" | "millions" => {
                    total = total.checked_add(current.max(1).checked_mul(1_000_000)?)?;
                    current = 0;
                }
                // quatre-vingt: 4 × 20.
                "vingt" | "vingts" if current % 100 == 4 => current = current - 4 + 80,
                p => current = current.checked_add(unit(p)?)?,
            }
            any = true;
        }
    }
    any.then_some(total + current)
}

/// A count in figures or words: `3`, `trois`, `un`.
pub fn count(text: &str) -> Option<u64> {
    let t = text.trim();
    if let Ok(n) = t.parse() {
        return Some(n);
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    number(&words)
}

/// Every date in a text, with the byte range it takes: `24 août 2017`,
/// `1er janvier 2018`, `24/08/2017`, `vingt-quatre août deux mille
/// dix-sept`.
pub fn dates(text: &str) -> Vec<(NaiveDate, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    // Numeric dates.
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(s) = bytes.get(i..i + 10) {
        let digit = |k: usize| s.get(k).is_some_and(u8::is_ascii_digit);
        let byte = |k: usize| s.get(k).copied();
        let before_ok = i
            .checked_sub(1)
            .and_then(|b| bytes.get(b))
            .is_none_or(|b| !b.is_ascii_digit());
        if before_ok
            && digit(0)
            && digit(1)
            && byte(2) == Some(b'/')
            && digit(3)
            && digit(4)
            && byte(5) == Some(b'/')
            && (6..10).all(digit)
            && bytes.get(i + 10).is_none_or(|b| !b.is_ascii_digit())
        {
            let n = |r: std::ops::Range<usize>| {
                s.get(r)
                    .and_then(|x| std::str::from_utf8(x).ok())
                    .and_then(|t| t.parse::<u32>().ok())
            };
            if let (Some(d), Some(m), Some(y)) = (n(0..2), n(3..5), n(6..10))
                && let Some(date) = NaiveDate::from_ymd_opt(i32::try_from(y).unwrap_or(0), m, d)
            {
                out.push((date, i..i + 10));
            }
            i += 10;
            continue;
        }
        i += 1;
    }
    // Dates with the month in words.
    let words: Vec<(usize, &str)> = word_spans(text);
    for (k, (start, word)) in words.iter().enumerate() {
        let Some(m) = month(word) else { continue };
        // The day: a figure (`24`, `1er`) or words just before the month.
        let mut day = None;
        let mut from = *start;
        if let Some((s, w)) = k.checked_sub(1).and_then(|j| words.get(j)) {
            let w = w.trim_end_matches("er");
            if let Ok(d) = w.parse::<u32>() {
                day = Some(d);
                from = *s;
            }
        }
        if day.is_none() {
            for back in (1..=3).rev() {
                let Some(first) = k.checked_sub(back) else {
                    continue;
                };
                let slice = words_in(&words, first..k);
                if slice.iter().all(|w| is_number_word(w))
                    && let Some(d) = number(&slice)
                {
                    day = Some(u32::try_from(d).unwrap_or(0));
                    from = words.get(first).map_or(from, |w| w.0);
                    break;
                }
            }
        }
        let Some(day) = day else { continue };
        // The year: figures, or words after the month.
        let mut year = None;
        let mut end = start + word.len();
        if let Some((s, w)) = words.get(k + 1) {
            if w.len() == 4
                && let Ok(y) = w.parse::<i32>()
            {
                year = Some(y);
                end = s + w.len();
            } else {
                let mut taken = Vec::new();
                for (s, w) in words.iter().skip(k + 1).take(5) {
                    if !is_number_word(w) {
                        break;
                    }
                    taken.push(*w);
                    end = s + w.len();
                }
                year = number(&taken)
                    .and_then(|y| i32::try_from(y).ok())
                    .filter(|y| *y > 1900);
            }
        }
        let Some(year) = year else { continue };
        if let Some(date) = NaiveDate::from_ymd_opt(year, m, day) {
            out.push((date, from..end));
        }
    }
    out.sort_by_key(|(_, r)| r.start);
    out
}

/// The words of `spans` in `range`, without their offsets.
pub fn words_in<'t>(spans: &[(usize, &'t str)], range: std::ops::Range<usize>) -> Vec<&'t str> {
    spans
        .get(range)
        .unwrap_or_default()
        .iter()
        .map(|(_, w)| *w)
        .collect()
}

/// The words of a text (letters, digits, `-`), with their byte offsets.
pub fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '-';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_words() {
        let n = |t: &str| number(&t.split(' ').collect::<Vec<_>>());
        assert_eq!(n("trois"), Some(3));
        assert_eq!(n("vingt-quatre"), Some(24));
        assert_eq!(n("quatre cent mille"), Some(400_000));
        assert_eq!(n("deux mille dix-sept"), Some(2017));
        assert_eq!(n("quatre-vingt-dix-neuf"), Some(99));
        assert_eq!(n("soixante et onze"), Some(71));
        assert_eq!(n("un million deux cent mille"), Some(1_200_000));
        assert_eq!(
            n("deux cent quatre-vingt-seize mille deux cent dix"),
            Some(296_210)
        );
        assert_eq!(n("mois"), None);
    }

    #[test]
    fn dates_in_figures_and_words() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let found: Vec<NaiveDate> =
            dates("Fait le F 24 août 2017, puis le 1er janvier 2018 et le 31/12/2018.")
                .into_iter()
                .map(|(x, _)| x)
                .collect();
        assert_eq!(found, [d(2017, 8, 24), d(2018, 1, 1), d(2018, 12, 31)]);
        let words = dates("le vingt-quatre août deux mille dix-sept");
        assert_eq!(words.first().map(|x| x.0), Some(d(2017, 8, 24)));
        assert!(dates("le 31 février 2018").is_empty());
    }
}
