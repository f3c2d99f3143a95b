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
    /// The délégants, in the order stated (`délégant` is repeatable: "un
    /// ou plusieurs services de l'État").
    pub delegants: Vec<Party>,
    /// The délégataires (co-délégataires when several).
    pub delegataires: Vec<Party>,
    pub markets: Vec<Market>,
    /// The UO stated on its own (`uo CODE` outside `imputation`): a
    /// centre financier, which the view takes as the imputation's when it
    /// states none.
    pub uo: Option<Spanned<String>>,
    pub term: Option<Term>,
    pub ceilings: Vec<Ceiling>,
    pub schedule: Vec<ScheduleLine>,
    pub accountant: Option<Spanned<String>>,
    pub imputation: Imputation,
    /// Named envelopes (`enveloppe "…" { … }`): codes of their own on top
    /// of the common imputation, and limits of their own.
    pub envelopes: Vec<Envelope>,
    /// The budget titles authorised or excluded (`titre 3`, `titre hors 2`).
    pub titles: Option<Restriction>,
    /// The PCE accounts authorised or excluded, by prefix (`compte 61`).
    pub accounts: Option<Restriction>,
    /// The budgets delegated (`délégation CP`): both when not stated.
    pub delegation: Option<Delegation>,
    pub notice: Option<Notice>,
    pub publication: Option<Spanned<String>>,
    /// The title of the convention this one sub-delegates (`cadre "…"`):
    /// it must stay within that one's term, codes and ceilings.
    pub frame: Option<Spanned<String>>,
    pub reporting: Option<Spanned<String>>,
    /// Amendments (avenants), in the order stated.
    pub amendments: Vec<Amendment>,
    /// A notice of termination or change that was given.
    pub termination: Option<Termination>,
    /// Accepted deviations.
    pub waivers: Vec<Waiver>,
    /// The file of the convention's signed text (`texte "…"`), which
    /// citations refer to.
    pub text: Option<Spanned<String>>,
    /// Every clause that cites the signed text (`(art. 4)`), innermost
    /// last: a clause without a citation of its own takes its block's.
    pub citations: Vec<Cited>,
    /// Some `échéancier` (the convention's or an amendment's) had an error:
    /// the lints that add up the schedule stay silent rather than report
    /// sums of a partial schedule.
    #[serde(skip)]
    pub schedule_broken: bool,
    #[serde(skip)]
    pub span: Span,
}

/// A citation of the signed text and the extent of rule text it covers:
/// its clause's line, and the clause's block when it opens one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cited {
    #[serde(skip)]
    pub extent: Span,
    pub citation: Spanned<crate::diag::Citation>,
}

impl Convention {
    /// The citation that covers `span` (the innermost clause citing the
    /// text that holds it), if any.
    pub fn citation_at(&self, span: Span) -> Option<&crate::diag::Citation> {
        self.citations
            .iter()
            .filter(|c| c.extent.start <= span.start && span.end <= c.extent.end)
            .min_by_key(|c| c.extent.end - c.extent.start)
            .map(|c| &c.citation.value)
    }

    /// Gives the clauses a diagnostic points at in this convention's rule
    /// file their citations of the signed text.
    pub fn cite(&self, d: &mut crate::diag::Diagnostic) {
        for clause in d.clause.iter_mut().chain(d.related.iter_mut()) {
            if clause.source == self.source && clause.citation.is_none() {
                clause.citation = self.citation_at(clause.span).cloned();
            }
        }
    }
}

/// An amendment (avenant): from its effective date, the clauses it states
/// replace the convention's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Amendment {
    pub number: Spanned<u32>,
    pub signature: Option<Spanned<NaiveDate>>,
    pub effect: Spanned<NaiveDate>,
    pub ceilings: Vec<Ceiling>,
    pub schedule: Vec<ScheduleLine>,
    /// A new end of the term.
    pub end: Option<Spanned<NaiveDate>>,
    pub markets: Vec<Market>,
    /// Markets no longer authorised from the effective date, by purpose
    /// (`retire marché "développement"`).
    pub removed_markets: Vec<Spanned<String>>,
    pub imputation: Option<Imputation>,
    /// Envelopes changed (by name: the clauses stated replace theirs) or
    /// added.
    pub envelopes: Vec<Envelope>,
    pub titles: Option<Restriction>,
    pub accounts: Option<Restriction>,
    pub delegation: Option<Delegation>,
    #[serde(skip)]
    pub span: Span,
}

/// A named envelope: credits put at disposal on its own codes (a centre
/// financier, an activité…), with its own ceilings and schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Envelope {
    pub name: Spanned<String>,
    /// The codes of its own; the convention's imputation holds the codes
    /// common to every envelope.
    pub imputation: Imputation,
    pub ceilings: Vec<Ceiling>,
    pub schedule: Vec<ScheduleLine>,
    #[serde(skip)]
    pub span: Span,
}

/// The nature of expenses a convention allows, by budget title (titre 2:
/// personnel, 3: fonctionnement, 5: investissement, 6: intervention…:
/// `titre 3 et 5`, `titre hors 2`) or by PCE account prefix (`compte 61
/// 62`, `compte hors 64`): the values authorised, or those excluded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Restriction {
    pub excluded: bool,
    pub values: Vec<Spanned<String>>,
    #[serde(skip)]
    pub span: Span,
}

impl Restriction {
    /// Whether a row's value is allowed, `matches` telling whether it is
    /// one of the stated values.
    pub fn allows(&self, matches: impl Fn(&str) -> bool) -> bool {
        self.values.iter().any(|v| matches(&v.value)) != self.excluded
    }
}

/// Which budgets the délégant delegates: `délégation AE et CP` (the
/// default), `délégation CP` (the délégant keeps the AE), `délégation AE`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Delegation {
    /// Delegated, by [`Budget::index`].
    pub budgets: [bool; 2],
    /// Receipts are delegated too (`délégation dépenses et recettes`,
    /// `délégation recettes`).
    pub receipts: bool,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Role {
    Delegant,
    Delegataire,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Purpose {
    Termination,
    Change,
}

/// A notice given by one party (dénonciation).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Termination {
    pub date: Spanned<NaiveDate>,
    pub by: Option<Role>,
    pub purpose: Purpose,
    /// Art. 642: extend the effective date to the next working day.
    pub next_working_day: bool,
    #[serde(skip)]
    pub span: Span,
}

/// Tacit renewal (reconduction tacite).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Renewal {
    pub period: crate::dates::Duration,
    /// At most this many renewals; `None`: without limit ("reconduite
    /// tacitement d'année en année"), until a notice stops one.
    pub times: Option<u32>,
    /// Notice that stops a renewal, given this long before the end.
    pub notice: Option<crate::dates::Duration>,
    /// Art. 642: a last day for the notice that falls on a Saturday, a
    /// Sunday or a public holiday moves to the next working day
    /// (`report-jour-ouvré`).
    pub next_working_day: bool,
    #[serde(skip)]
    pub span: Span,
}

/// An accepted deviation: a finding of `code` on the rows of one EJ or DP.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Waiver {
    pub code: Spanned<String>,
    /// What kind of number the waiver names, and the number.
    pub key: Spanned<(WaiverKey, String)>,
    pub reason: Spanned<String>,
    pub approved_by: Option<Spanned<String>>,
    pub until: Option<Spanned<NaiveDate>>,
    #[serde(skip)]
    pub span: Span,
}

/// The kind of number a waiver names: a commitment (`ej`) or a payment
/// (`dp`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WaiverKey {
    Ej,
    Dp,
}

impl WaiverKey {
    /// The word of the rule language, which is also the name of the
    /// finding's figure holding the number.
    pub fn as_str(self) -> &'static str {
        match self {
            WaiverKey::Ej => "ej",
            WaiverKey::Dp => "dp",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Party {
    pub name: Spanned<String>,
    pub acronym: Option<Spanned<String>>,
    pub signatories: Vec<Signatory>,
    /// The codes of its share (`uo`, `bop`, `centre-financier`,
    /// `centre-de-coûts`, `activité`, `service-exécutant`): a row of the
    /// party carries them. A party stating none claims no rows.
    pub codes: Vec<Spanned<(CodeField, String)>>,
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
    /// The end date, as stated or computed from a duration (`pour 1 an`);
    /// inclusive. `None` for a term of no end (`indéterminée`): the
    /// convention ends only by a notice.
    pub end: Option<Spanned<NaiveDate>>,
    /// The `indéterminée` clause, when the term states it.
    pub indefinite: Option<crate::span::Span>,
    /// The duration the end was computed from, when the term states one.
    pub duration: Option<Spanned<crate::dates::Duration>>,
    pub renewal: Option<Renewal>,
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

/// A ceiling over the convention's life (Σ budget ≤ amount), or over each
/// budget year, 1 January to 31 December (`par an`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ceiling {
    pub budget: Budget,
    pub amount: Decimal,
    pub per_year: bool,
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
    pub bop: Option<Spanned<String>>,
    /// The centre financier, stated as `centre-financier` or as `uo` (a
    /// UO is a centre financier).
    pub centre_financier: Option<Spanned<String>>,
    pub domaine_fonctionnel: Option<Spanned<String>>,
    pub activite: Option<Spanned<String>>,
    pub centre_de_couts: Option<Spanned<String>>,
    #[serde(skip)]
    pub span: Span,
}

/// Notice for termination or change (préavis), in calendar days, jours
/// francs, jours ouvrés, months or years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub duration: crate::dates::Duration,
    #[serde(skip)]
    pub span: Span,
}

/// An imputation field of an export, in the order clausier reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum CodeField {
    Programme,
    /// The BOP (budget opérationnel de programme): the centre financier's
    /// first two parts (`0124-CDAF` of `0124-CDAF-CDSI`), or an export's
    /// own BOP column.
    Bop,
    CentreFinancier,
    DomaineFonctionnel,
    Activite,
    CentreDeCouts,
    /// The CHORUS service exécutant of the row (`CSP0000075`): which
    /// service executed it. Stated by a party (a délégataire's).
    ServiceExecutant,
}

impl CodeField {
    /// How many fields there are.
    pub const COUNT: usize = 7;

    pub const ALL: [CodeField; CodeField::COUNT] = [
        CodeField::Programme,
        CodeField::Bop,
        CodeField::CentreFinancier,
        CodeField::DomaineFonctionnel,
        CodeField::Activite,
        CodeField::CentreDeCouts,
        CodeField::ServiceExecutant,
    ];

    /// The field's name in exports and in the rule language.
    pub fn name(self) -> &'static str {
        match self {
            CodeField::Programme => "programme",
            CodeField::Bop => "bop",
            CodeField::CentreFinancier => "centre_financier",
            CodeField::DomaineFonctionnel => "domaine_fonctionnel",
            CodeField::Activite => "activite",
            CodeField::CentreDeCouts => "centre_de_couts",
            CodeField::ServiceExecutant => "service_executant",
        }
    }

    /// The field's name in a sentence (`activité`, `centre financier`).
    pub fn label(self) -> crate::i18n::Message {
        crate::i18n::Message::new(match self {
            CodeField::Programme => "field-programme",
            CodeField::Bop => "field-bop",
            CodeField::CentreFinancier => "field-centre-financier",
            CodeField::DomaineFonctionnel => "field-domaine-fonctionnel",
            CodeField::Activite => "field-activite",
            CodeField::CentreDeCouts => "field-centre-de-couts",
            CodeField::ServiceExecutant => "field-service-executant",
        })
    }
}

impl Imputation {
    pub fn get(&self, field: CodeField) -> Option<&Spanned<String>> {
        match field {
            CodeField::Programme => self.programme.as_ref(),
            CodeField::Bop => self.bop.as_ref(),
            CodeField::CentreFinancier => self.centre_financier.as_ref(),
            CodeField::DomaineFonctionnel => self.domaine_fonctionnel.as_ref(),
            CodeField::Activite => self.activite.as_ref(),
            CodeField::CentreDeCouts => self.centre_de_couts.as_ref(),
            // Not an imputation code: a party's.
            CodeField::ServiceExecutant => None,
        }
    }
}

impl Party {
    /// What findings call it: its acronym, else its name.
    pub fn label(&self) -> &str {
        self.acronym.as_ref().unwrap_or(&self.name).value.as_str()
    }

    /// The code it states for a field, if any.
    pub fn code(&self, field: CodeField) -> Option<&Spanned<(CodeField, String)>> {
        self.codes.iter().find(|c| c.value.0 == field)
    }
}

impl Convention {
    /// The parties of one side.
    pub fn parties(&self, role: Role) -> &[Party] {
        match role {
            Role::Delegant => &self.delegants,
            Role::Delegataire => &self.delegataires,
        }
    }

    /// The date the convention takes effect, when it can be known.
    pub fn effective_start(&self) -> Option<NaiveDate> {
        let term = self.term.as_ref()?;
        match term.start.value {
            TermStart::On(date) => Some(date),
            TermStart::AtSignature => self.signature.as_ref().map(|s| s.value),
        }
    }

    /// The ceiling of a budget over the convention's life.
    pub fn ceiling(&self, budget: Budget) -> Option<&Ceiling> {
        self.ceilings
            .iter()
            .find(|c| c.budget == budget && !c.per_year)
    }
}
