//! What the page in the browser (`web/index.html`) says, in the run's
//! language: its fixed words (the catalogue's `page-` entries) and its
//! counts with their plurals, from the same catalogues as the command
//! line, so that the page says "0 erreur" where the command line does.

use crate::i18n::{Lang, Message};
use crate::msg;

/// The page's fixed words, by catalogue entry: the page shows each where
/// an element names it (`data-w`).
pub const WORDS: &[&str] = &[
    "page-title",
    "page-intro",
    "page-private",
    "page-rules",
    "page-rules-findings",
    "page-export",
    "page-drop",
    "page-choose",
    "page-no-export",
    "page-findings",
    "page-column-code",
    "page-column-severity",
    "page-column-message",
    "page-column-row",
    "page-column-clause",
    "page-cell-column",
    "page-cell-value",
    "page-show-report",
    "page-report",
    "page-waived",
    "page-filter-severity",
    "page-filter-code",
    "page-filter-all",
    "page-download",
    "page-no-cells",
    "severity-error",
    "severity-warning",
];

/// Every fixed word of the page in `lang`, by entry.
pub fn words(lang: Lang) -> Vec<(&'static str, String)> {
    WORDS
        .iter()
        .map(|id| (*id, lang.text(id).into_owned()))
        .collect()
}

/// `120 affichés sur 100 000`: the findings a filter leaves.
pub fn shown(lang: Lang, shown: u64, total: u64) -> String {
    let m = Message::new("page-shown")
        .count("shown", shown)
        .count("total", total);
    lang.tr(&m).into_owned()
}

/// `(2 erreurs, 1 avertissement)`: the rule file's diagnostics.
pub fn lint_count(lang: Lang, errors: u64, warnings: u64) -> String {
    let m = Message::new("page-lint-count")
        .count("errors", errors)
        .count("warnings", warnings);
    lang.tr(&m).into_owned()
}

/// `(11 erreurs, 2 avertissements, 0 dérogé)`: the findings of a check.
pub fn check_count(lang: Lang, errors: u64, warnings: u64, waived: u64) -> String {
    let m = Message::new("page-check-count")
        .count("errors", errors)
        .count("warnings", warnings)
        .count("waived", waived);
    lang.tr(&m).into_owned()
}

/// The rows of a check, as the summary counts them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Rows {
    pub read: u64,
    pub checked: u64,
    pub rejected: u64,
    pub skipped: u64,
    pub out_of_scope: u64,
}

/// `29 lignes lues : 27 contrôlées, 2 rejetées, 0 ignorée (sous-totaux),
/// 0 hors champ — contrôle en 12 ms.`
pub fn rows(lang: Lang, rows: Rows, ms: u64) -> String {
    let m = Message::new("page-rows")
        .count("read", rows.read)
        .count("checked", rows.checked)
        .count("rejected", rows.rejected)
        .count("skipped", rows.skipped)
        .count("out", rows.out_of_scope)
        .count("ms", ms);
    lang.tr(&m).into_owned()
}

/// `dsi.csv (12 345 octets)`: the export loaded.
pub fn file(lang: Lang, name: &str, bytes: u64) -> String {
    lang.tr(&msg!("page-file", name = name).count("bytes", bytes))
        .into_owned()
}

/// `ligne 12`: where a diagnostic of the rule file is.
pub fn at_line(lang: Lang, line: u64) -> String {
    lang.tr(&Message::new("page-at-line").count("line", line))
        .into_owned()
}

/// A finding's message and the reason of the waiver that covers it.
pub fn waiver(lang: Lang, message: &str, reason: &str) -> String {
    lang.tr(&msg!("page-waiver", message = message, reason = reason))
        .into_owned()
}

/// `plafond de 400 000,00 € en AE (ligne 31)`: a finding's clause.
pub fn clause(lang: Lang, label: &str, line: u64) -> String {
    lang.tr(&msg!("page-clause", label = label).count("line", line))
        .into_owned()
}

/// `dsi.csv, ligne 16`: a finding's row.
pub fn row(lang: Lang, file: &str, line: u64) -> String {
    lang.tr(&msg!("page-row", file = file).count("line", line))
        .into_owned()
}

/// Every finding as a table French Excel opens (a UTF-8 BOM, `;`, CRLF
/// line ends), its titles in `lang`: severity, code, message, row, waiver;
/// text cells neutralised against formulas as the statement's CSV.
pub fn findings_csv(lines: &[super::statement::FindingLine], lang: Lang) -> String {
    let cell = |text: &str| super::csv_field(&super::statement::neutralised(text)).into_owned();
    let titles = [
        "page-column-severity",
        "page-column-code",
        "page-column-message",
        "page-column-row",
        "page-waived",
    ]
    .map(|id| cell(&lang.text(id)));
    let mut out = format!("\u{FEFF}{}\r\n", titles.join(";"));
    for line in lines {
        let cells = [
            cell(&line.severity),
            cell(&line.code),
            cell(&line.message),
            cell(line.row.as_deref().unwrap_or("")),
            cell(line.waived.as_deref().unwrap_or("")),
        ];
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_their_plurals() {
        assert_eq!(lint_count(Lang::Fr, 0, 1), "(0 erreur, 1 avertissement)");
        assert_eq!(
            check_count(Lang::Fr, 2, 0, 3),
            "(2 erreurs, 0 avertissement, 3 dérogés)"
        );
        assert_eq!(
            check_count(Lang::En, 1, 2, 0),
            "(1 error, 2 warnings, 0 waived)"
        );
        let rows_fr = rows(
            Lang::Fr,
            Rows {
                read: 29,
                checked: 27,
                rejected: 2,
                skipped: 0,
                out_of_scope: 0,
            },
            12,
        );
        assert_eq!(
            rows_fr,
            "29 lignes lues\u{a0}: 27 contrôlées, 2 rejetées, 0 ignorée (sous-totaux), 0 hors champ — contrôle en 12 ms."
        );
        assert_eq!(file(Lang::Fr, "a.csv", 1), "a.csv (1 octet)");
        assert_eq!(file(Lang::En, "a.csv", 12_345), "a.csv (12,345 bytes)");
        let line = crate::report::statement::FindingLine {
            code: "market.unknown".to_owned(),
            severity: "erreur".to_owned(),
            message: "fournisseur `=1+1` ; inconnu".to_owned(),
            row: Some("a.csv:2".to_owned()),
            waived: None,
        };
        assert_eq!(
            findings_csv(&[line], Lang::Fr),
            "\u{FEFF}gravité;code;message;ligne;dérogé\r\nerreur;market.unknown;\"fournisseur `=1+1` ; inconnu\";a.csv:2;\r\n"
        );
        for lang in Lang::ALL {
            for (id, text) in words(lang) {
                assert!(!text.is_empty() && text != id, "{id} in {lang:?}");
            }
        }
    }
}
