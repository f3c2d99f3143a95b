//! `clausier explain CODE`: what each diagnostic code means, why it
//! matters, a minimal example and how to fix it. The match is exhaustive
//! over [`Code`], so a code cannot exist without its explanation.

use crate::diag::Code;
use crate::i18n::{Lang, Message};

/// The long documentation of a code, in words of the catalogues
/// (`code-<name>`: the summary, `.why`, `.fix`) and a minimal example.
pub struct Explanation {
    pub summary: Message,
    pub why: Message,
    pub example: &'static str,
    pub fix: Message,
}

/// The notes of the examples: `⟨name⟩` in an example is the entry's text
/// in the language of the explanation.
const NOTES: &[(&str, &str)] = &[
    ("⟨signed⟩", "explain-note-signed"),
    ("⟨ends⟩", "explain-note-ends"),
    ("⟨crosses⟩", "explain-note-crosses"),
    ("⟨crosses-yearly⟩", "explain-note-crosses-yearly"),
    ("⟨schedule⟩", "explain-note-schedule"),
    ("⟨overpaid⟩", "explain-note-overpaid"),
    ("⟨unmatched⟩", "explain-note-unmatched"),
    ("⟨ambiguous⟩", "explain-note-ambiguous"),
    ("⟨no-notice⟩", "explain-note-no-notice"),
    ("⟨no-codes⟩", "explain-note-no-codes"),
    ("⟨no-parent⟩", "explain-note-no-parent"),
    ("⟨no-article⟩", "explain-note-no-article"),
    ("⟨no-text⟩", "explain-note-no-text"),
    ("⟨convention⟩", "explain-note-convention"),
    ("⟨header⟩", "explain-note-header"),
];

/// A code's example, its notes in `lang`.
pub fn example_in(code: Code, lang: Lang) -> String {
    let mut text = example(code).to_owned();
    for (marker, id) in NOTES {
        if text.contains(marker) {
            text = text.replace(marker, &lang.text(id));
        }
    }
    text
}

/// A rule file or export showing the code, in the language of rule files,
/// its notes marked `⟨name⟩` (see [`example_in`]).
pub fn example(code: Code) -> &'static str {
    match code {
        Code::SyntaxError => "convention \"X\" {\n  nor \"SSAX1730644X\n}",
        Code::ClauseUnknown => "convention \"X\" {\n  plafnd AE 400 000 €\n}",
        Code::ClauseMissing => "convention \"X\" {\n  signature 2017-08-24\n}",
        Code::ClauseDuplicate => "signature 2017-08-24\nsignature 2017-08-25",
        Code::ValueInvalid => "signature 2017-02-30\nplafond AE 400 000,001 €",
        Code::TermInverted => {
            "signature 2019-03-01\ndurée {\n  effet signature\n  fin 2018-12-31\n}"
        }
        Code::TermIndefinite => "durée {\n  effet signature\n  indéterminée\n}\npréavis 3 mois",
        Code::ScheduleSumMismatch => {
            "plafond AE 400 000 €\néchéancier {\n  2017 AE 296 210 €\n  2018 AE 3 790 €\n}"
        }
        Code::ScheduleOutsideTerm => {
            "durée {\n  effet 2017-08-24\n  fin 2018-12-31\n}\néchéancier {\n  2019 AE 10 000 €\n}"
        }
        Code::ScheduleCpAhead => "échéancier {\n  2017 AE 100 000 € CP 150 000 €\n}",
        Code::NoticeMissing => {
            "dénonciation 2020-09-30 par délégant objet résiliation\n⟨no-notice⟩"
        }
        Code::NoticeTooLong => "durée {\n  effet 2020-01-01\n  fin 2020-06-30\n}\npréavis 12 mois",
        Code::ImputationInconsistent => {
            "imputation {\n  programme 124\n  centre-financier 0129-CDAF-CDSI\n}"
        }
        Code::EnvelopeConflict => {
            "imputation {\n  programme 129\n  centre-financier 0129-CSGG-FONC\n}\nenveloppe \"investissement\" {\n  centre-financier 0129-CSGG-INVE\n  plafond AE et CP 200 000 €\n}"
        }
        Code::EnvelopeIndistinct => {
            "enveloppe \"fonctionnement\" {\n  centre-financier 0129-CSGG-FONC\n  plafond AE 700 000 €\n}\nenveloppe \"investissement\" {\n  centre-financier 0129-CSGG-FONC\n  plafond AE 200 000 €\n}"
        }
        Code::EnvelopeOverCeiling => {
            "plafond AE 800 000 €\nenveloppe \"fonctionnement\" {\n  centre-financier 0129-CSGG-FONC\n  plafond AE 700 000 €\n}\nenveloppe \"investissement\" {\n  centre-financier 0129-CSGG-INVE\n  plafond AE 200 000 €\n}"
        }
        Code::CodeMalformed => "imputation {\n  activité 12460111304\n}",
        Code::MarketDuplicate => {
            "marché \"incubateur\" titulaire \"NUMA\" chorus 1001091655\nmarché \"développement\" titulaire \"OCTO\" chorus 1001091655"
        }
        Code::AmendmentOrder => {
            "avenant 1 {\n  effet 2018-09-01\n}\navenant 2 {\n  effet 2018-03-01\n}"
        }
        Code::AmendmentOutsideTerm => {
            "durée { effet 2017-08-24  fin 2018-12-31 }\navenant 1 {\n  effet 2019-03-01\n}"
        }
        Code::WaiverExpired => {
            "dérogation commitment.overpaid ej 2103100003 {\n  motif \"régularisation en cours\"\n  jusqu'au 2018-06-30\n}"
        }
        Code::WaiverUnused => "dérogation market.unknown ej 2199999999 {\n  motif \"…\"\n}",
        Code::DraftTodo => {
            "plafond AE 400 000 € (art. 4)\n# à compléter (art. 4) : « … à concurrence de 400 000 €. »"
        }
        Code::SourceUnknownArticle => {
            "texte \"convention-2017.pdf\"\nplafond AE 400 000 € (art. 14)   ⟨no-article⟩"
        }
        Code::SourceUnreadable => "texte \"convention-2017.pdf\"   ⟨no-text⟩",
        Code::FrameUnknown => "cadre \"Convention du secrétariat général 2015\"   ⟨no-parent⟩",
        Code::FrameOutside => {
            "convention \"Parent\" {\n  plafond AE et CP 100 000 €\n}\nconvention \"Enfant\" {\n  cadre \"Parent\"\n  plafond AE et CP 150 000 €\n}"
        }
        Code::PartyUncoded => {
            "délégant \"DAJ\" {\n  uo 0214-CCSG-DAJ1\n}\ndélégant \"DNE\"   ⟨no-codes⟩"
        }
        Code::PartyOutside => {
            "délégant \"DAJ\" {\n  uo 0214-CCSG-DAJ1\n}\ndélégant \"DNE\" {\n  uo 0214-CCSG-DNE1\n}\n\ndate;type;montant;centre_financier\n04/02/2020;AE;1 500,00;0214-CCSG-DRH1"
        }
        Code::TermBeforeStart => {
            "durée { effet signature  fin 2018-12-31 }   ⟨signed⟩\n\ndate;type;montant\n10/08/2017;AE;1 500,00"
        }
        Code::TermAfterEnd => {
            "durée { effet signature  fin 2018-12-31 }\n\ndate;type;montant\n15/01/2019;CP;12 000,00"
        }
        Code::TermAfterTermination => {
            "préavis 3 mois\ndénonciation 2018-03-15 par délégant objet résiliation   ⟨ends⟩\n\ndate;type;montant\n20/06/2018;CP;1 000,00"
        }
        Code::CeilingExceeded => {
            "plafond AE 400 000 €\nplafond CP 60 000 € par an\n\ndate;type;montant\n01/09/2017;AE;390 000,00\n02/07/2018;AE;25 000,00   ⟨crosses⟩\n15/03/2018;CP;61 000,00   ⟨crosses-yearly⟩"
        }
        Code::ScheduleExceeded => {
            "échéancier {\n  2017 AE 296 210 € CP 48 105 €\n}\n\ndate;type;montant\n20/12/2017;AE;8 400,00   ⟨schedule⟩"
        }
        Code::ImputationMismatch => {
            "imputation { centre-financier 0124-CDAF-CDSI }\n\ndate;type;montant;centre_financier\n16/04/2018;CP;30 000,00;0129-CDAF-CDSI"
        }
        Code::NatureExcluded => {
            "titre 3 et 5\n\ndate;type;montant;titre\n16/04/2018;CP;30 000,00;2"
        }
        Code::MarketUnknown => {
            "marché \"incubateur\" titulaire \"NUMA\" chorus 1001091655\n\ndate;type;montant;fournisseur\n03/05/2018;AE;3 000,00;1000987654"
        }
        Code::CommitmentOverpaid => {
            "date;type;n_ej;montant\n20/12/2017;AE;2103100003;8 400,00\n15/02/2018;CP;2103100003;8 400,00\n01/03/2018;CP;2103100003;1 250,00   ⟨overpaid⟩"
        }
        Code::ClauseUnchecked => {
            "⟨convention⟩ `imputation { centre-financier 0124-CDAF-CDSI }`\n⟨header⟩ date;type;montant"
        }
        Code::ScopeUnmatched => {
            "clausier check rules/ export.csv\n\ndate;type;montant;centre_financier\n16/04/2018;CP;30 000,00;0129-CDAF-CDSI   ⟨unmatched⟩"
        }
        Code::ScopeAmbiguous => "⟨ambiguous⟩",
        Code::InputMalformed => {
            "date;type;montant\n31/02/2018;CP;15 000,00\n05/11/2018;CP;12 000,5O"
        }
        Code::InputMissingColumn => "date;type;n_ej;amount\n01/09/2017;AE;1;1",
        Code::InputUnreadable => "clausier check rules/x.conv missing.csv",
    }
}

pub fn explain(code: Code) -> Explanation {
    let id = code.catalogue_id();
    Explanation {
        summary: code.summary(),
        why: Message::entry(format!("{id}.why")),
        example: example(code),
        fix: Message::entry(format!("{id}.fix")),
    }
}

/// The explanation as text, for the terminal, its paragraphs wrapped at
/// `width` columns.
pub fn render(code: Code, lang: Lang, width: usize) -> String {
    let e = explain(code);
    let example = example_in(code, lang)
        .lines()
        .flat_map(|l| fit_example(l, width.saturating_sub(4).max(20)))
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("    {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let paragraph = |m: &Message| wrap(&lang.tr(m), width.saturating_sub(2).max(20), "  ");
    format!(
        "{} ({})\n\n{}\n\n{}\n{}\n\n{}\n{}\n\n{}\n{}\n",
        code.as_str(),
        crate::report::text::severity(code.severity(), lang),
        wrap(
            &format!("{}.", capitalize(&lang.tr(&e.summary))),
            width.max(20),
            ""
        ),
        lang.tr(&Message::new("explain-why")),
        paragraph(&e.why),
        lang.tr(&Message::new("explain-example")),
        example,
        lang.tr(&Message::new("explain-fix")),
        paragraph(&e.fix)
    )
}

/// An example's line within `room` columns: as it is when it fits; else
/// its note (after three spaces) on the next line, `<-` turned to `↑`
/// since it now points up; else (a sentence) wrapped at its spaces.
fn fit_example(line: &str, room: usize) -> Vec<String> {
    if line.chars().count() <= room {
        return vec![line.to_owned()];
    }
    if let Some((code, note)) = line.split_once("   ") {
        let note = note.trim_start();
        let note = note
            .strip_prefix("<- ")
            .map_or(note.to_owned(), |n| format!("↑ {n}"));
        let mut lines = vec![code.trim_end().to_owned()];
        let lead = code.len() - code.trim_start().len();
        let indent = " ".repeat(lead + 2);
        lines.extend(
            wrap(&note, room.saturating_sub(lead + 2).max(20), "")
                .lines()
                .map(|l| format!("{indent}{l}")),
        );
        return lines;
    }
    let lead = line.len() - line.trim_start().len();
    let indent = line.get(..lead).unwrap_or("");
    wrap(line.trim_start(), room, indent)
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The explanation as a Markdown page: what `clausier lsp` links each
/// diagnostic's code to.
pub fn markdown(code: Code, lang: Lang) -> String {
    let e = explain(code);
    format!(
        "# `{}` ({})\n\n{}.\n\n## {}\n\n{}\n\n## {}\n\n```text\n{}\n```\n\n## {}\n\n{}\n",
        code.as_str(),
        crate::report::text::severity(code.severity(), lang),
        capitalize(&lang.tr(&e.summary)),
        lang.tr(&Message::new("explain-why")),
        lang.tr(&e.why),
        lang.tr(&Message::new("explain-example")),
        example_in(code, lang).trim_end(),
        lang.tr(&Message::new("explain-fix")),
        lang.tr(&e.fix)
    )
}

/// Text wrapped at word boundaries to `width` columns, each line after
/// `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let len = |s: &str| s.chars().count();
        if !line.is_empty() && len(indent) + len(&line) + 1 + len(word) > width {
            out.push_str(indent);
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(indent);
    out.push_str(&line);
    out
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_full_explanation_in_both_languages() {
        for code in Code::ALL {
            let e = explain(*code);
            assert!(!e.example.is_empty(), "{code}");
            for lang in Lang::ALL {
                for m in [&e.summary, &e.why, &e.fix] {
                    let id = m.id().unwrap_or_default();
                    assert!(lang.has(id), "{code}: no {id} in {}", lang.code());
                }
                let page = render(*code, lang, 80);
                assert!(page.starts_with(code.as_str()));
                assert!(!page.contains('⟨'), "{code}: a note left unsaid");
            }
        }
    }

    #[test]
    fn wrapping_at_word_boundaries() {
        assert_eq!(
            wrap("un deux trois quatre", 11, "  "),
            "  un deux\n  trois\n  quatre"
        );
    }
}
