//! Keyword matching for lowering: accent- and case-insensitive comparison,
//! and "did you mean" suggestions.

/// Folds a word for comparison with keywords: lower case, no diacritics,
/// `_` read as `-`. `Délégataire`, `delegataire` and `DELEGATAIRE` all fold
/// to `delegataire`.
pub fn fold(word: &str) -> String {
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

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = substitution.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
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
