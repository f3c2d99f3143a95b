//! The typed convention model, produced by `lower` and read by `check`,
//! `eval` and the renderers. Every node keeps the span of the text it came
//! from; equality ignores spans (see [`Spanned`]).

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::diag::SourceId;
use crate::span::{Span, Spanned};

/// One convention de délégation de gestion, as a rule file states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Convention {
    /// The rule file it comes from.
    #[serde(skip)]
    pub source: SourceId,
    pub title: Spanned<String>,
    pub nor: Option<Spanned<String>>,
    pub signature: Option<Spanned<NaiveDate>>,
    pub legal_basis: Option<Spanned<String>>,
    pub delegant: Option<Party>,
    pub delegataire: Option<Party>,
    pub markets: Vec<Market>,
    pub uo: Option<Spanned<String>>,
    pub term: Option<Term>,
    pub ceilings: Vec<Ceiling>,
    pub schedule: Vec<ScheduleLine>,
    pub accountant: Option<Spanned<String>>,
    pub imputation: Imputation,
    pub notice: Option<Notice>,
    pub publication: Option<Spanned<String>>,
    pub reporting: Option<Spanned<String>>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Party {
    pub name: Spanned<String>,
    pub acronym: Option<Spanned<String>>,
    pub signatories: Vec<Signatory>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Signatory {
    pub name: Spanned<String>,
    pub role: Option<Spanned<String>>,
}

/// An authorised public contract (marché) and its holder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Market {
    pub purpose: Spanned<String>,
    pub holder: Option<Spanned<String>>,
    /// The holder's CHORUS supplier (tiers) number.
    pub chorus: Option<Spanned<String>>,
    /// The contract's own number, as exports show it in a contract column.
    pub number: Option<Spanned<String>>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum TermStart {
    /// "prend effet à la date de signature".
    AtSignature,
    On(NaiveDate),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Term {
    pub start: Spanned<TermStart>,
    pub end: Spanned<NaiveDate>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Budget {
    /// Autorisations d'engagement: consumed when a commitment is signed.
    AE,
    /// Crédits de paiement: consumed when a payment is made.
    CP,
}

impl Budget {
    pub const BOTH: [Budget; 2] = [Budget::AE, Budget::CP];

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Budget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Budget::AE => "AE",
            Budget::CP => "CP",
        })
    }
}

/// A ceiling over the convention's life: Σ budget ≤ amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ceiling {
    pub budget: Budget,
    pub amount: Decimal,
    #[serde(skip)]
    pub span: Span,
}

/// One amount of the yearly forecast schedule (échéancier prévisionnel).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScheduleLine {
    pub year: i32,
    pub budget: Budget,
    pub amount: Decimal,
    #[serde(skip)]
    pub span: Span,
}

/// The codes every expense must carry. Absent fields are not checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Imputation {
    pub programme: Option<Spanned<String>>,
    pub programme_label: Option<Spanned<String>>,
    pub centre_financier: Option<Spanned<String>>,
    pub domaine_fonctionnel: Option<Spanned<String>>,
    pub activite: Option<Spanned<String>>,
    pub centre_de_couts: Option<Spanned<String>>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum DurationUnit {
    Days,
    Months,
}

/// Notice for termination or change (préavis).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub count: u32,
    pub unit: DurationUnit,
    #[serde(skip)]
    pub span: Span,
}

/// An imputation field of an export, in the order clausier reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum CodeField {
    Programme,
    CentreFinancier,
    DomaineFonctionnel,
    Activite,
    CentreDeCouts,
}

impl CodeField {
    pub const ALL: [CodeField; 5] = [
        CodeField::Programme,
        CodeField::CentreFinancier,
        CodeField::DomaineFonctionnel,
        CodeField::Activite,
        CodeField::CentreDeCouts,
    ];

    /// The field's name in exports and in the rule language.
    pub fn name(self) -> &'static str {
        match self {
            CodeField::Programme => "programme",
            CodeField::CentreFinancier => "centre_financier",
            CodeField::DomaineFonctionnel => "domaine_fonctionnel",
            CodeField::Activite => "activite",
            CodeField::CentreDeCouts => "centre_de_couts",
        }
    }
}

impl Imputation {
    pub fn get(&self, field: CodeField) -> Option<&Spanned<String>> {
        match field {
            CodeField::Programme => self.programme.as_ref(),
            CodeField::CentreFinancier => self.centre_financier.as_ref(),
            CodeField::DomaineFonctionnel => self.domaine_fonctionnel.as_ref(),
            CodeField::Activite => self.activite.as_ref(),
            CodeField::CentreDeCouts => self.centre_de_couts.as_ref(),
        }
    }
}

impl Convention {
    /// The date the convention takes effect, when it can be known.
    pub fn effective_start(&self) -> Option<NaiveDate> {
        let term = self.term.as_ref()?;
        match term.start.value {
            TermStart::On(date) => Some(date),
            TermStart::AtSignature => self.signature.as_ref().map(|s| s.value),
        }
    }

    pub fn ceiling(&self, budget: Budget) -> Option<&Ceiling> {
        self.ceilings.iter().find(|c| c.budget == budget)
    }
}
