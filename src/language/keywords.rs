//! The rule language's words: the table of the clauses of a `convention`
//! block and the words of each sub-block, which lowering, the formatter,
//! suggestions, `lint --fix` and the language server all read; and how a
//! word is matched against them (accent- and case-insensitive comparison,
//! "did you mean" suggestions).

use crate::language::model::{CodeField, WaiverKey};

/// The clauses of a `convention` block, one kind each: lowering matches on
/// the kind (`lower::lower_clause`), so a clause cannot be in the table
/// without its lowering, nor lowered without being in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseKind {
    Nor,
    Signature,
    LegalBasis,
    Delegant,
    Delegataire,
    Market,
    Uo,
    Term,
    Ceiling,
    Schedule,
    Accountant,
    Imputation,
    Envelope,
    Title,
    Account,
    Delegation,
    Notice,
    Publication,
    Reporting,
    Amendment,
    Termination,
    Waiver,
    Frame,
    Text,
}

/// A clause of a `convention` block: its kind, its keyword in canonical
/// spelling, whether it may open a block and whether an amendment may
/// restate it.
pub struct Clause {
    pub kind: ClauseKind,
    pub keyword: &'static str,
    pub block: bool,
    pub in_amendment: bool,
}

const fn clause(
    kind: ClauseKind,
    keyword: &'static str,
    block: bool,
    in_amendment: bool,
) -> Clause {
    Clause {
        kind,
        keyword,
        block,
        in_amendment,
    }
}

/// The clauses of a `convention` block.
pub const CLAUSES: &[Clause] = &[
    clause(ClauseKind::Nor, "nor", false, false),
    clause(ClauseKind::Signature, "signature", false, true),
    clause(ClauseKind::LegalBasis, "base-légale", false, false),
    clause(ClauseKind::Delegant, "délégant", true, false),
    clause(ClauseKind::Delegataire, "délégataire", true, false),
    clause(ClauseKind::Market, "marché", false, true),
    clause(ClauseKind::Uo, "uo", false, false),
    clause(ClauseKind::Term, "durée", true, false),
    clause(ClauseKind::Ceiling, "plafond", false, true),
    clause(ClauseKind::Schedule, "échéancier", true, true),
    clause(ClauseKind::Accountant, "comptable", false, false),
    clause(ClauseKind::Imputation, "imputation", true, true),
    clause(ClauseKind::Envelope, "enveloppe", true, true),
    clause(ClauseKind::Title, "titre", false, true),
    clause(ClauseKind::Account, "compte", false, true),
    clause(ClauseKind::Delegation, "délégation", false, true),
    clause(ClauseKind::Notice, "préavis", false, false),
    clause(ClauseKind::Publication, "publication", false, false),
    clause(ClauseKind::Reporting, "suivi", false, false),
    clause(ClauseKind::Amendment, "avenant", true, false),
    clause(ClauseKind::Termination, "dénonciation", false, false),
    clause(ClauseKind::Waiver, "dérogation", true, false),
    clause(ClauseKind::Frame, "cadre", false, false),
    clause(ClauseKind::Text, "texte", false, false),
];

/// The clause of a `convention` block that `word` names, if any.
pub fn convention_clause_named(word: &str) -> Option<&'static Clause> {
    // The keywords folded once: this runs for every item of a rule file.
    static FOLDED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let keywords = FOLDED.get_or_init(|| {
        CLAUSES
            .iter()
            .map(|c| fold(c.keyword).into_owned())
            .collect()
    });
    let folded = fold(word);
    let at = keywords.iter().position(|k| *k == folded)?;
    CLAUSES.get(at)
}

/// Every keyword lowering knows, in canonical spelling (for the formatter).
pub fn keywords() -> impl Iterator<Item = &'static str> {
    std::iter::once("convention")
        .chain(CLAUSES.iter().map(|c| c.keyword))
        .chain(spelled(AMENDMENT_OWN))
        .chain(spelled(PARTY))
        .chain(spelled(TERM))
        .chain(spelled(IMPUTATION))
        .chain(spelled(ENVELOPE))
        .chain(spelled(MARKET_FIELDS))
        .chain(spelled(WAIVER))
}

/// The words of one block: each in its canonical spelling, with what it
/// names there. Lowering matches a word to its kind ([`named`]), and
/// suggestions, the formatter and the language server read the words.
pub type Words<K> = &'static [(&'static str, K)];

/// What `word` names in `table`, compared accent- and case-insensitively.
pub fn named<K: Copy>(table: Words<K>, word: &str) -> Option<K> {
    let folded = fold(word);
    table
        .iter()
        .find(|(w, _)| fold(w) == folded)
        .map(|(_, kind)| *kind)
}

/// The words of a table, in canonical spelling.
pub fn spelled<K>(table: Words<K>) -> impl Iterator<Item = &'static str> {
    table.iter().map(|(w, _)| *w)
}

/// The clauses of an amendment of its own (the others are the
/// convention's clauses marked `in_amendment`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmendmentWord {
    Effect,
    End,
    Remove,
}

pub const AMENDMENT_OWN: Words<AmendmentWord> = &[
    ("effet", AmendmentWord::Effect),
    ("fin", AmendmentWord::End),
    ("retire", AmendmentWord::Remove),
];

/// The clauses of a party's block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartyWord {
    Acronym,
    Signatory,
    /// A code of the party's share.
    Code(CodeField),
}

pub const PARTY: Words<PartyWord> = &[
    ("sigle", PartyWord::Acronym),
    ("signataire", PartyWord::Signatory),
    ("uo", PartyWord::Code(CodeField::CentreFinancier)),
    ("bop", PartyWord::Code(CodeField::Bop)),
    (
        "centre-financier",
        PartyWord::Code(CodeField::CentreFinancier),
    ),
    ("centre-de-coûts", PartyWord::Code(CodeField::CentreDeCouts)),
    ("activité", PartyWord::Code(CodeField::Activite)),
    (
        "service-exécutant",
        PartyWord::Code(CodeField::ServiceExecutant),
    ),
];

/// The clauses of a `durée` block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TermWord {
    Effect,
    End,
    For,
    Renewal,
    /// `indéterminée`: no end.
    Indefinite,
}

pub const TERM: Words<TermWord> = &[
    ("effet", TermWord::Effect),
    ("fin", TermWord::End),
    ("pour", TermWord::For),
    ("reconduction", TermWord::Renewal),
    ("indéterminée", TermWord::Indefinite),
];

/// The words after `reconduction`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenewalWord {
    Times,
    Notice,
    NextWorkingDay,
}

pub const RENEWAL: Words<RenewalWord> = &[
    ("fois", RenewalWord::Times),
    ("préavis", RenewalWord::Notice),
    ("report-jour-ouvré", RenewalWord::NextWorkingDay),
];

/// The clauses of a `dérogation` block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaiverWord {
    Reason,
    ApprovedBy,
    Until,
}

pub const WAIVER: Words<WaiverWord> = &[
    ("motif", WaiverWord::Reason),
    ("approuvée-par", WaiverWord::ApprovedBy),
    ("jusqu'au", WaiverWord::Until),
];

/// The kinds of number a waiver names.
pub const WAIVER_KEYS: Words<WaiverKey> = &[("ej", WaiverKey::Ej), ("dp", WaiverKey::Dp)];

/// The clauses of an `imputation` block: one per code field.
pub const IMPUTATION: Words<CodeField> = &[
    ("programme", CodeField::Programme),
    ("bop", CodeField::Bop),
    ("centre-financier", CodeField::CentreFinancier),
    ("uo", CodeField::CentreFinancier),
    ("domaine-fonctionnel", CodeField::DomaineFonctionnel),
    ("activité", CodeField::Activite),
    ("centre-de-coûts", CodeField::CentreDeCouts),
];

/// The clauses of an `enveloppe` block: its codes, ceilings and schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnvelopeWord {
    Code(CodeField),
    Ceiling,
    Schedule,
}

pub const ENVELOPE: Words<EnvelopeWord> = &[
    ("programme", EnvelopeWord::Code(CodeField::Programme)),
    ("bop", EnvelopeWord::Code(CodeField::Bop)),
    (
        "centre-financier",
        EnvelopeWord::Code(CodeField::CentreFinancier),
    ),
    ("uo", EnvelopeWord::Code(CodeField::CentreFinancier)),
    (
        "domaine-fonctionnel",
        EnvelopeWord::Code(CodeField::DomaineFonctionnel),
    ),
    ("activité", EnvelopeWord::Code(CodeField::Activite)),
    (
        "centre-de-coûts",
        EnvelopeWord::Code(CodeField::CentreDeCouts),
    ),
    ("plafond", EnvelopeWord::Ceiling),
    ("échéancier", EnvelopeWord::Schedule),
];

/// The fields of a `marché` line after its purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarketField {
    Holder,
    Chorus,
    Number,
}

pub const MARKET_FIELDS: Words<MarketField> = &[
    ("titulaire", MarketField::Holder),
    ("chorus", MarketField::Chorus),
    ("numéro", MarketField::Number),
];

/// Words that stand as values of clauses, in their canonical spelling.
pub const VALUE_WORDS: &[&str] = &[
    "par",
    "objet",
    "résiliation",
    "modification",
    "report-jour-ouvré",
    "fois",
    "préavis",
    "jours",
    "mois",
    "ans",
    "francs",
    "ouvrés",
    "délégant",
    "délégataire",
    "signature",
];

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
