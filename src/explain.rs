//! `clausier explain CODE`: what each diagnostic code means, why it
//! matters, a minimal example and how to fix it. The match is exhaustive
//! over [`Code`], so a code cannot exist without its explanation.

use crate::diag::Code;

/// The long documentation of a code.
pub struct Explanation {
    pub why: &'static str,
    pub example: &'static str,
    pub fix: &'static str,
}

pub fn explain(code: Code) -> Explanation {
    let (why, example, fix) = match code {
        Code::SyntaxError => (
            "The rule file cannot be read: a line is not `keyword value… [{]`, a quoted text is not closed on its line, or braces do not match. Nothing of the convention can be trusted until it reads.",
            "convention \"X\" {\n  nor \"SSAX1730644X\n}",
            "Close the quoted text on its line, match each `{` with a `}`, and write one clause per line.",
        ),
        Code::ClauseUnknown => (
            "A word stands where a clause keyword is expected. Left alone, the clause the analyst meant (often a misspelt `plafond` or `échéancier`) would be missing from the checks.",
            "convention \"X\" {\n  plafnd AE 400 000 €\n}",
            "Use the keyword the help suggests; keywords may be written with or without accents.",
        ),
        Code::ClauseMissing => (
            "Every convention states its parties, its term, its ceilings and its imputation (decree 2004-1085, art. 2). Without one of them clausier cannot check what the convention allows.",
            "convention \"X\" {\n  signature 2017-08-24\n}",
            "Add the missing clause from the convention's text, e.g. `durée { effet signature  fin 2018-12-31 }`.",
        ),
        Code::ClauseDuplicate => (
            "A clause that holds one value is stated twice: clausier cannot know which one the convention means.",
            "signature 2017-08-24\nsignature 2017-08-25",
            "Keep the statement that matches the convention's text; an amended value belongs in an amendment, not in a second clause.",
        ),
        Code::ValueInvalid => (
            "A clause's value is missing or of the wrong kind: a date that does not exist, an amount with three decimals or no currency, a word where a quoted text is expected, a `délégation` without budget, a `retire marché` naming no market in force.",
            "signature 2017-02-30\nplafond AE 400 000,001 €",
            "Write dates as yyyy-mm-dd, amounts as `400 000 €` (at most two decimals), texts between double quotes.",
        ),
        Code::TermInverted => (
            "The convention would end before it takes effect: no expense could ever be within its term, and every row would be reported.",
            "signature 2019-03-01\ndurée {\n  effet signature\n  fin 2018-12-31\n}",
            "Check the signature or effective date and the end date against the convention's text.",
        ),
        Code::ScheduleSumMismatch => (
            "A forecast schedule (échéancier prévisionnel) usually spreads the whole ceiling over the years. Forecasts that add up to less, or more, often hide a typing error in one line.",
            "plafond AE 400 000 €\néchéancier {\n  2017 AE 296 210 €\n  2018 AE 3 790 €\n}",
            "Check each schedule line against the convention; if the gap is real, leave the warning or state it in a comment.",
        ),
        Code::ScheduleOutsideTerm => (
            "A forecast for a year in which the convention is not in force can never be consumed: the year or the term is wrong.",
            "durée {\n  effet 2017-08-24\n  fin 2018-12-31\n}\néchéancier {\n  2019 AE 10 000 €\n}",
            "Fix the schedule's year, or the term's dates.",
        ),
        Code::ScheduleCpAhead => (
            "Payments (CP) follow commitments (AE): by the end of any year, cumulative forecast CP cannot exceed cumulative forecast AE.",
            "échéancier {\n  2017 AE 100 000 € CP 150 000 €\n}",
            "Check the schedule lines: the AE and CP columns may have been swapped.",
        ),
        Code::NoticeMissing => (
            "A `dénonciation` ends the convention once the notice period has run, but the convention states no `préavis`: clausier then ends it on the day the notice was given, which may be earlier than the parties meant.",
            "dénonciation 2020-09-30 par délégant objet résiliation\n# and no `préavis 3 mois` clause",
            "State the notice period the convention's text gives (`préavis 3 mois`); if it truly gives none, the notice takes effect on the day it is given, as clausier assumes.",
        ),
        Code::NoticeTooLong => (
            "A notice of termination longer than the whole term can never take effect before the convention ends; its unit is probably wrong.",
            "durée {\n  effet 2020-01-01\n  fin 2020-06-30\n}\npréavis 12 mois",
            "Check the notice's number and unit (`jours` or `mois`).",
        ),
        Code::ImputationInconsistent => (
            "In CHORUS, the centre financier, domaine fonctionnel and activité of an imputation start with the programme's four digits (124 ↔ 0124-CDAF-CDSI ↔ 0124-11 ↔ 012460111304). A code of another programme would make every expense mismatch.",
            "imputation {\n  programme 124\n  centre-financier 0129-CDAF-CDSI\n}",
            "Copy the codes again from the convention's imputation article.",
        ),
        Code::EnvelopeConflict => (
            "The imputation holds the codes common to every envelope; an envelope that states the same field with another code asks every row of it to carry two codes at once, so none can.",
            "imputation {\n  programme 129\n  centre-financier 0129-CSGG-FONC\n}\nenveloppe \"investissement\" {\n  centre-financier 0129-CSGG-INVE\n  plafond AE et CP 200 000 €\n}",
            "Move the field out of the imputation and state it in every envelope.",
        ),
        Code::EnvelopeIndistinct => (
            "A row belongs to the envelope whose codes it carries. Two envelopes in force together that differ in no code (or one that states no code at all) cannot be told apart, so their ceilings and schedules could not be counted.",
            "enveloppe \"fonctionnement\" {\n  centre-financier 0129-CSGG-FONC\n  plafond AE 700 000 €\n}\nenveloppe \"investissement\" {\n  centre-financier 0129-CSGG-FONC\n  plafond AE 200 000 €\n}",
            "Give each envelope the code the convention puts its credits on (a centre financier, an activité) and check it differs from the others'.",
        ),
        Code::EnvelopeOverCeiling => (
            "When a convention caps the whole under an overall ceiling and each envelope under its own, envelope ceilings that add up to more than the overall one cannot all be consumed: a figure may be mistyped, or the overall ceiling binds first, as the convention may intend.",
            "plafond AE 800 000 €\nenveloppe \"fonctionnement\" {\n  centre-financier 0129-CSGG-FONC\n  plafond AE 700 000 €\n}\nenveloppe \"investissement\" {\n  centre-financier 0129-CSGG-INVE\n  plafond AE 200 000 €\n}",
            "Check the figures against the convention; if the overall ceiling is meant to bind first, keep the warning as a reminder.",
        ),
        Code::CodeMalformed => (
            "The code does not have the format CHORUS gives it, so no export row could ever match it.",
            "imputation {\n  activité 12460111304\n}",
            "Centre financier `PPPP-XXXX-XXXX`, domaine fonctionnel `PPPP-AA` or `PPPP-AA-SS`, activité 12 digits, centre de coûts up to 10 alphanumerics, supplier numbers 10 digits.",
        ),
        Code::MarketDuplicate => (
            "Two authorised markets share a purpose or a number: one of them is probably a copy whose values were not updated.",
            "marché \"incubateur\" titulaire \"NUMA\" chorus 1001091655\nmarché \"développement\" titulaire \"OCTO\" chorus 1001091655",
            "Give each contract its own holder's CHORUS number and contract number.",
        ),
        Code::AmendmentOrder => (
            "Amendments are numbered in the order they are signed and take effect; an amendment numbered after another but in force before it is usually a typing error in a date or a number, and would change which version applies when.",
            "avenant 1 {\n  effet 2018-09-01\n}\navenant 2 {\n  effet 2018-03-01\n}",
            "Check the amendments' numbers and effective dates against their texts.",
        ),
        Code::AmendmentOutsideTerm => (
            "An amendment changes a convention in force: one that takes effect before the convention does, or after it ended, cannot apply.",
            "durée { effet 2017-08-24  fin 2018-12-31 }\navenant 1 {\n  effet 2019-03-01\n}",
            "Check the amendment's effective date; to extend an ended convention, a new convention is needed.",
        ),
        Code::WaiverExpired => (
            "A waiver accepts a deviation until a date; past it, the deviation is reported again, and the waiver only clutters the rule file.",
            "dérogation commitment.overpaid ej 2103100003 {\n  motif \"régularisation en cours\"\n  jusqu'au 2018-06-30\n}",
            "Remove the waiver, or renew it with a new date if the deviation is still accepted.",
        ),
        Code::WaiverUnused => (
            "A waiver that matches no finding is either obsolete (the deviation was corrected) or misspelt (its EJ or DP number, or its code): in both cases it should not stay as it is.",
            "dérogation market.unknown ej 2199999999 {\n  motif \"…\"\n}",
            "Check the waiver's code and number against the finding it was meant for, or remove it.",
        ),
        Code::TermBeforeStart => (
            "The délégataire spends on the délégant's behalf only once the convention has taken effect; an earlier expense has no legal basis in it.",
            "durée { effet signature  fin 2018-12-31 }   # signed 2017-08-24\n\ndate;type;montant\n10/08/2017;AE;1 500,00",
            "Check the row's date and imputation: the expense may belong to another convention, or the convention to an earlier date.",
        ),
        Code::TermAfterEnd => (
            "After its end date the convention no longer allows the délégataire to spend; an expense then needs an amendment extending the term.",
            "durée { effet signature  fin 2018-12-31 }\n\ndate;type;montant\n15/01/2019;CP;12 000,00",
            "Check the date, or record the amendment that extended the term.",
        ),
        Code::TermAfterTermination => (
            "Either party may terminate the convention with notice (here 3 months, art. 7 of the seed). From the date the notice takes effect (the notice date plus the period, counted by art. 641 of the Code de procédure civile) nothing more may be spent under it.",
            "préavis 3 mois\ndénonciation 2018-03-15 par délégant objet résiliation   # ends 2018-06-15\n\ndate;type;montant\n20/06/2018;CP;1 000,00",
            "Check the date of the row, or whether the notice was withdrawn; spending after termination needs a new convention.",
        ),
        Code::CeilingExceeded => (
            "The convention caps what the délégataire may commit (AE) and pay (CP) over its life, or in each budget year (`par an`: \"une enveloppe annuelle de 60 000 € en CP\", from 1 January to 31 December, renewed years included). Crossing a ceiling spends credits the délégant never delegated. A yearly ceiling's finding names the year.",
            "plafond AE 400 000 €\nplafond CP 60 000 € par an\n\ndate;type;montant\n01/09/2017;AE;390 000,00\n02/07/2018;AE;25 000,00   <- crosses 400 000 €\n15/03/2018;CP;61 000,00   <- CP of 2018 cross 60 000 €",
            "Stop committing or paying under the convention, or sign an amendment raising the ceiling before going on.",
        ),
        Code::ScheduleExceeded => (
            "The yearly schedule is a forecast, not a limit: going over it is a warning that the délégant's credits for that year may run short.",
            "échéancier {\n  2017 AE 296 210 € CP 48 105 €\n}\n\ndate;type;montant\n20/12/2017;AE;8 400,00   <- 2017 AE goes over 296 210 €",
            "Tell the délégant, and amend the schedule if the gap will last.",
        ),
        Code::ImputationMismatch => (
            "Every expense under the convention must carry its imputation codes; a row with other codes was either charged to the wrong budget or does not belong to this convention's export. With envelopes, a row must also carry the codes of one envelope: a row that carries none (or mixes the codes of two) is reported with the nearest envelope and the fields that differ, and counts in no envelope.",
            "imputation { centre-financier 0124-CDAF-CDSI }\n\ndate;type;montant;centre_financier\n16/04/2018;CP;30 000,00;0129-CDAF-CDSI",
            "Correct the imputation in CHORUS, or leave the row out of the convention's export.",
        ),
        Code::NatureExcluded => (
            "Conventions restrict what may be spent: \"dépenses de fonctionnement (titre 3)\", \"hors dépenses de personnel (titre 2)\". A row of another budget title, or of a PCE account outside the stated ones, is an expense the délégant did not delegate. A row without a title (or account) is reported too, since nothing shows it is allowed.",
            "titre 3 et 5\n\ndate;type;montant;titre\n16/04/2018;CP;30 000,00;2",
            "Check the row's title or account in CHORUS; if the expense is allowed after all, amend the convention (an amendment may restate `titre` or `compte`).",
        ),
        Code::MarketUnknown => (
            "The délégataire may spend only through the contracts the convention names, as in force on the row's date: an amendment's `marché` adds one from its effective date, `retire marché` withdraws one. Before any version names a market, nothing is restricted. A payment to another supplier is outside the delegation.",
            "marché \"incubateur\" titulaire \"NUMA\" chorus 1001091655\n\ndate;type;montant;fournisseur\n03/05/2018;AE;3 000,00;1000987654",
            "Check the supplier number of the row; if the contract is legitimate, amend the convention to add it.",
        ),
        Code::CommitmentOverpaid => (
            "Payments on a commitment cannot exceed it (decree 2012-1246, art. 156): more CP than AE on one EJ means a payment was booked on the wrong EJ, or a commitment line is missing from the export.",
            "date;type;n_ej;montant\n20/12/2017;AE;2103100003;8 400,00\n15/02/2018;CP;2103100003;8 400,00\n01/03/2018;CP;2103100003;1 250,00   <- 9 650 € paid on 8 400 €",
            "Check the payment's EJ number, and export the commitment lines of earlier years with the payments.",
        ),
        Code::ClauseUnchecked => (
            "A clause can only be checked against the column that carries what it restricts: without a `centre_financier` column, the imputation's centre financier is never compared; without `fournisseur`, the authorised markets are not. The run goes on, but a clean result then says less than it seems: this warning makes the gap visible, and `--deny warnings` fails on it.",
            "# convention: `imputation { centre-financier 0124-CDAF-CDSI }`\n# export header: date;type;montant",
            "Export the missing column from CHORUS (or name it in a profile: `--profile FILE`); if the clause truly cannot be checked on this export, accept the warning.",
        ),
        Code::ScopeUnmatched => (
            "When a rules folder is checked, each row goes to the convention whose imputation codes it carries. A row that matches none is spent outside every convention of the folder: it is reported rather than dropped, and counted in the summary.",
            "clausier check rules/ export.csv\n\ndate;type;montant;centre_financier\n16/04/2018;CP;30 000,00;0129-CDAF-CDSI   <- no convention has 0129-CDAF-CDSI",
            "Check the row's imputation codes, or add to the folder the convention that covers them.",
        ),
        Code::ScopeAmbiguous => (
            "Several conventions state the same imputation codes, and neither their authorised holders nor their terms tell which one a row belongs to: it cannot be counted against one ceiling rather than another.",
            "two conventions with `centre-financier 0124-CDAF-CDSI`, the same holders and overlapping terms",
            "Make the conventions' scopes distinct: a more specific code (activité), their holders, or terms that do not overlap.",
        ),
        Code::InputMalformed => (
            "A row that cannot be read is rejected rather than guessed at: its date, amount or budget is not valid, or it has the wrong number of fields. It is counted in the summary, never dropped silently.",
            "date;type;montant\n31/02/2018;CP;15 000,00\n05/11/2018;CP;12 000,5O",
            "Correct the row in the export, or fix the import profile if the whole column is read wrongly.",
        ),
        Code::InputMissingColumn => (
            "clausier cannot map the export to transactions: no header line matches a known layout, or a column the profile needs is absent.",
            "date;type;n_ej;amount\n01/09/2017;AE;1;1",
            "Export the report with its standard columns, rename the column, or write an import profile and pass `--profile FILE`.",
        ),
        Code::InputUnreadable => (
            "A file could not be opened or read to its end, so the check would be incomplete; clausier stops rather than report on part of the data.",
            "clausier check rules/x.conv missing.csv",
            "Check the path, the permissions and the file's format.",
        ),
    };
    Explanation { why, example, fix }
}

/// The explanation as text, for the terminal.
pub fn render(code: Code) -> String {
    let e = explain(code);
    let example = e
        .example
        .lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        "{} ({})\n\n{}.\n\nWhy it matters\n  {}\n\nExample\n{}\n\nHow to fix it\n  {}\n",
        code.as_str(),
        code.severity(),
        capitalize(code.summary()),
        e.why,
        example,
        e.fix
    )
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
    fn every_code_has_a_full_explanation() {
        for code in Code::ALL {
            let e = explain(*code);
            assert!(
                !e.why.is_empty() && !e.example.is_empty() && !e.fix.is_empty(),
                "{code}"
            );
            assert!(render(*code).starts_with(code.as_str()));
        }
    }
}
