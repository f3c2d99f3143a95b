//! Keyword matching for lowering: accent- and case-insensitive comparison,
//! and "did you mean" suggestions.

/// Folds a word for comparison with keywords: lower case, no diacritics,
/// `_` read as `-`. `Délégataire`, `delegataire` and `DELEGATAIRE` all fold
/// to `delegataire`. A word already folded (ASCII, no capital, no `_`, as
/// most words of a rule file are) is returned as it is, without a copy.
pub fn fold(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'_')
    {
        return std::borrow::Cow::Borrowed(word);
    }
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '_' => '-',
            '’' => '\'',
            other => other,
        })
        .collect()
}

/// The closest of `candidates` to `word`, if it is close enough to be a
/// plausible misspelling.
pub fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let folded = fold(word);
    candidates
        .iter()
        .map(|c| (edit_distance(&folded, &fold(c)), *c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters, one row of the table at a time.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = Vec::with_capacity(b.len() + 1);
        cur.push(i + 1);
        for ((cb, diagonal), above) in b.iter().zip(&prev).zip(prev.iter().skip(1)) {
            let left = cur.last().copied().unwrap_or(0);
            let substitution = diagonal + usize::from(ca != *cb);
            cur.push(substitution.min(above + 1).min(left + 1));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("Délégataire"), "delegataire");
        assert_eq!(fold("centre_de_coûts"), "centre-de-couts");
        assert_eq!(fold("ÉCHÉANCIER"), "echeancier");
    }

    #[test]
    fn suggestions() {
        let kws = ["plafond", "préavis", "échéancier"];
        assert_eq!(suggest("plafnd", &kws), Some("plafond"));
        assert_eq!(suggest("echeanceir", &kws), Some("échéancier"));
        assert_eq!(suggest("zzz", &kws), None);
    }
}
