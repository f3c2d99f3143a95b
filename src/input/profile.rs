//! Import profiles: declarative mappings from an export layout to the
//! transaction model. A profile is written in clausier's own syntax (see
//! README, "Import profiles"); the built-in ones live in `profiles/` and
//! are compiled into the binary.

use crate::diag::{Code, Diagnostic, SourceId};
use crate::i18n::Message;
use crate::language::keywords::{fold, suggest};
use crate::language::model::Budget;
use crate::language::syntax::{self, Item, Value, ValueKind};
use crate::msg;
use crate::span::Span;

/// A column of the export: its title and which occurrence of that title
/// (code and label columns share one title: the code comes first).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnRef {
    pub title: String,
    pub occurrence: usize,
}

/// How a row's budget (AE or CP) and amount are found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BudgetRule {
    /// Every row consumes this budget (a commitments or payments view).
    Fixed(Budget),
    /// A column names the measure; each value maps to a budget or is ignored.
    Column {
        column: ColumnRef,
        map: Vec<(String, Budget)>,
        /// Values that carry an earlier year's AE over (SAP code 350).
        carried: Vec<String>,
        ignore: Vec<String>,
        /// Values of a receipt (a titre de perception): not AE nor CP.
        receipts: Vec<String>,
    },
    /// Measure columns: AE = one column (minus another), CP = another; a row
    /// gives up to two movements.
    Measures {
        ae: ColumnRef,
        ae_minus: Option<ColumnRef>,
        cp: ColumnRef,
    },
}

/// Transaction fields a profile maps to columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Date,
    Amount,
    Ej,
    EjLine,
    Dp,
    Programme,
    Bop,
    CentreFinancier,
    DomaineFonctionnel,
    Activite,
    CentreDeCouts,
    /// The CHORUS service exécutant.
    ServiceExecutant,
    Contract,
    Supplier,
    /// The budget title (titre 2, 3, 5…).
    Title,
    /// The PCE account (compte général).
    Account,
    FiscalYear,
}

const FIELDS: &[(&str, Field)] = &[
    ("date", Field::Date),
    ("montant", Field::Amount),
    ("n_ej", Field::Ej),
    ("poste_ej", Field::EjLine),
    ("n_dp", Field::Dp),
    ("programme", Field::Programme),
    ("bop", Field::Bop),
    ("centre_financier", Field::CentreFinancier),
    ("domaine_fonctionnel", Field::DomaineFonctionnel),
    ("activite", Field::Activite),
    ("centre_de_couts", Field::CentreDeCouts),
    ("service_executant", Field::ServiceExecutant),
    ("marche", Field::Contract),
    ("fournisseur", Field::Supplier),
    ("titre", Field::Title),
    ("compte", Field::Account),
    ("exercice", Field::FiscalYear),
];

const KEYWORDS: &[&str] = &[
    "description",
    "en-tête",
    "délimiteur",
    "budget",
    "mesure",
    "sous-total",
    "date",
    "montant",
    "n_ej",
    "poste_ej",
    "n_dp",
    "programme",
    "bop",
    "centre_financier",
    "domaine_fonctionnel",
    "activite",
    "centre_de_couts",
    "service_executant",
    "marche",
    "fournisseur",
    "titre",
    "compte",
    "exercice",
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub name: String,
    pub description: String,
    /// Titles that all appear on the header line, and identify it.
    pub header: Vec<String>,
    pub budget: BudgetRule,
    /// Each field's columns, in order of preference: the first non-empty
    /// value is used.
    pub columns: Vec<(Field, Vec<ColumnRef>)>,
    /// A preamble cell naming the fiscal year, the year in the next cell.
    pub fiscal_year_key: Option<String>,
    /// Measure names a preamble cell may hold (e.g. `Montant payé`).
    pub measures: Vec<String>,
    /// A text marking subtotal rows, which are skipped and counted.
    pub subtotal: Option<String>,
}

impl Profile {
    pub fn columns(&self, field: Field) -> &[ColumnRef] {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&[], |(_, c)| c.as_slice())
    }

    /// Whether a header line (titles folded) holds every identifying title.
    pub fn matches(&self, folded_titles: &[String]) -> bool {
        !self.header.is_empty()
            && self
                .header
                .iter()
                .all(|h| folded_titles.iter().any(|t| *t == title_key(h)))
    }
}

/// A column title as people type it, reduced to what identifies it: case,
/// accents, spaces, underscores and punctuation do not count, and `n°`,
/// `no`, `num` and `numéro` are one word: `N° EJ`, `numéro_ej` and `n_ej`
/// are one title, and so are `Centre de coûts` and `centre_de_couts`.
/// Words are kept (`Type montant` and `Type de montant` are two layouts).
pub fn title_key(title: &str) -> String {
    fold(title)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| match w {
            "numero" | "num" | "no" | "nº" => "n",
            w => w,
        })
        .collect()
}

/// The built-in profiles, most specific first: detection picks the first
/// whose header titles all appear on a line.
const BUILTIN: &[(&str, &str)] = &[
    (
        "inf-bud-53-cp",
        include_str!("../../profiles/inf-bud-53-cp.profile"),
    ),
    (
        "inf-bud-53-ae",
        include_str!("../../profiles/inf-bud-53-ae.profile"),
    ),
    ("infbud53", include_str!("../../profiles/infbud53.profile")),
    ("infbud", include_str!("../../profiles/infbud.profile")),
    ("jp57", include_str!("../../profiles/jp57.profile")),
    ("jp51", include_str!("../../profiles/jp51.profile")),
    (
        "canonique",
        include_str!("../../profiles/canonique.profile"),
    ),
];

/// Names of the built-in profiles.
pub fn builtin_names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(n, _)| *n).collect()
}

/// The built-in profiles, parsed. They are tested to parse without error.
/// The built-in profiles, compiled once per process.
pub fn builtins() -> &'static [Profile] {
    static BUILTINS: std::sync::OnceLock<Vec<Profile>> = std::sync::OnceLock::new();
    BUILTINS.get_or_init(|| {
        BUILTIN
            .iter()
            .filter_map(|(_, text)| parse(0, text).0)
            .collect()
    })
}

pub fn builtin(name: &str) -> Option<Profile> {
    builtins().iter().find(|p| p.name == name).cloned()
}

/// The closest built-in name, for "did you mean".
pub fn suggest_builtin(name: &str) -> Option<&'static str> {
    suggest(name, &builtin_names())
}

/// Parses a profile file. Every problem is reported; the profile is `None`
/// when any is an error.
pub fn parse(source: SourceId, text: &str) -> (Option<Profile>, Vec<Diagnostic>) {
    let (doc, mut diags) = syntax::parse(source, text);
    let mut cx = Lowerer {
        source,
        diags: Vec::new(),
    };
    let mut profile = None;
    for item in &doc.items {
        if fold(&item.head.text) == "profil" && profile.is_none() {
            profile = cx.profile(item);
        } else {
            cx.error(
                item.head.span,
                msg!("profile-unexpected", word = item.head.text.as_str()),
                "profile-one-per-file-help",
            );
        }
    }
    if profile.is_none() && diags.is_empty() && cx.diags.is_empty() {
        cx.error(
            Span::new(0, 0),
            Message::new("profile-none"),
            "profile-write-help",
        );
    }
    diags.extend(cx.diags);
    let ok = diags.iter().all(|d| !d.is_error());
    (profile.filter(|_| ok), diags)
}

struct Lowerer {
    source: SourceId,
    diags: Vec<Diagnostic>,
}

impl Lowerer {
    /// A profile error; `help` is a catalogue entry.
    fn error(&mut self, span: Span, message: Message, help: &'static str) {
        self.diags.push(
            Diagnostic::new(Code::ValueInvalid, message)
                .at_clause(self.source, span, Message::new("label-here"))
                .help(Message::new(help)),
        );
    }

    fn profile(&mut self, item: &Item) -> Option<Profile> {
        let name = match item.values.first().map(|v| &v.kind) {
            Some(ValueKind::Text(t)) => t.clone(),
            _ => {
                self.error(
                    item.head.span,
                    Message::new("profile-needs-name"),
                    "profile-write-help",
                );
                return None;
            }
        };
        let mut p = Profile {
            name,
            description: String::new(),
            header: Vec::new(),
            budget: BudgetRule::Fixed(Budget::AE),
            columns: Vec::new(),
            fiscal_year_key: None,
            measures: Vec::new(),
            subtotal: None,
        };
        let mut has_budget = false;
        for sub in item.block.iter().flat_map(|b| &b.items) {
            let key = fold(&sub.head.text);
            match &*key {
                "description" => p.description = self.texts(sub).join(" "),
                "en-tete" => p.header = self.texts(sub),
                "budget" => {
                    has_budget = true;
                    if let Some(rule) = self.budget(sub) {
                        p.budget = rule;
                    }
                }
                "mesure" => p.measures = self.texts(sub),
                "sous-total" => p.subtotal = self.texts(sub).into_iter().next(),
                "exercice"
                    if sub.values.first().is_some_and(
                        |v| matches!(&v.kind, ValueKind::Word(w) if fold(w) == "preambule"),
                    ) =>
                {
                    p.fiscal_year_key = sub.values.get(1).and_then(text_of);
                }
                _ => match FIELDS.iter().find(|(k, _)| fold(k) == key) {
                    Some((_, field)) => {
                        let refs = self.column_refs(sub, &sub.values);
                        p.columns.push((*field, refs));
                    }
                    None => {
                        let help = match suggest(&sub.head.text, KEYWORDS) {
                            Some(s) => msg!("did-you-mean", word = s),
                            None => msg!("expected-one-of", words = KEYWORDS.join(", ")),
                        };
                        self.diags.push(
                            Diagnostic::new(
                                Code::ClauseUnknown,
                                msg!("profile-unknown-clause", word = sub.head.text.as_str()),
                            )
                            .at_clause(
                                self.source,
                                sub.head.span,
                                Message::new("profile-not-a-clause"),
                            )
                            .help(help),
                        );
                    }
                },
            }
        }
        if p.header.is_empty() {
            self.error(
                item.head.span,
                Message::new("profile-no-header"),
                "profile-no-header-help",
            );
        }
        if !has_budget {
            self.error(
                item.head.span,
                Message::new("profile-no-budget"),
                "profile-no-budget-help",
            );
        }
        if p.columns(Field::Date).is_empty() {
            self.error(
                item.head.span,
                Message::new("profile-no-date-column"),
                "profile-no-date-column-help",
            );
        }
        if p.columns(Field::Amount).is_empty() && !matches!(p.budget, BudgetRule::Measures { .. }) {
            self.error(
                item.head.span,
                Message::new("profile-no-amount-column"),
                "profile-no-amount-column-help",
            );
        }
        Some(p)
    }

    fn texts(&mut self, item: &Item) -> Vec<String> {
        item.values
            .iter()
            .filter_map(|v| {
                let t = text_of(v);
                if t.is_none() {
                    self.error(
                        v.span,
                        msg!("profile-expected-title", found = v.kind_name()),
                        "profile-titles-quoted-help",
                    );
                }
                t
            })
            .collect()
    }

    /// `"title" [n] "title" [n] …`: columns in order of preference.
    fn column_refs(&mut self, item: &Item, values: &[Value]) -> Vec<ColumnRef> {
        let mut refs: Vec<ColumnRef> = Vec::new();
        for v in values {
            match &v.kind {
                ValueKind::Text(t) => refs.push(ColumnRef {
                    title: t.clone(),
                    occurrence: 1,
                }),
                ValueKind::Word(w) => match (w.parse::<usize>(), refs.last_mut()) {
                    (Ok(n), Some(last)) if n >= 1 => last.occurrence = n,
                    _ => self.error(
                        v.span,
                        msg!("profile-not-occurrence", word = w.as_str()),
                        "profile-not-occurrence-help",
                    ),
                },
                _ => self.error(
                    v.span,
                    msg!("profile-expected-title", found = v.kind_name()),
                    "profile-titles-quoted-short-help",
                ),
            }
        }
        if refs.is_empty() {
            self.error(
                item.head.span,
                msg!("profile-needs-title", word = item.head.text.as_str()),
                "profile-needs-title-help",
            );
        }
        refs
    }

    fn budget(&mut self, item: &Item) -> Option<BudgetRule> {
        match item.values.first().map(|v| &v.kind) {
            Some(ValueKind::Word(w)) if w.eq_ignore_ascii_case("AE") => {
                Some(BudgetRule::Fixed(Budget::AE))
            }
            Some(ValueKind::Word(w)) if w.eq_ignore_ascii_case("CP") => {
                Some(BudgetRule::Fixed(Budget::CP))
            }
            Some(ValueKind::Word(w)) if fold(w) == "mesures" => self.measures(item),
            Some(ValueKind::Text(_)) => {
                let column = self.column_refs(item, &item.values).into_iter().next()?;
                let mut map = Vec::new();
                let mut carried = Vec::new();
                let mut ignore = Vec::new();
                let mut receipts = Vec::new();
                for line in item.block.iter().flat_map(|b| &b.items) {
                    let values: Vec<String> = line.values.iter().filter_map(value_text).collect();
                    match &*fold(&line.head.text) {
                        "ae" => map.extend(values.into_iter().map(|v| (v, Budget::AE))),
                        "cp" => map.extend(values.into_iter().map(|v| (v, Budget::CP))),
                        "report" => carried.extend(values),
                        "ignorer" => ignore.extend(values),
                        "recette" => receipts.extend(values),
                        _ => self.error(
                            line.head.span,
                            msg!("profile-unexpected", word = line.head.text.as_str()),
                            "profile-budget-column-help",
                        ),
                    }
                }
                Some(BudgetRule::Column {
                    column,
                    map,
                    carried,
                    ignore,
                    receipts,
                })
            }
            _ => {
                self.error(
                    item.head.span,
                    Message::new("profile-budget-needs"),
                    "profile-budget-needs-help",
                );
                None
            }
        }
    }

    fn measures(&mut self, item: &Item) -> Option<BudgetRule> {
        let (mut ae, mut ae_minus, mut cp) = (None, None, None);
        for line in item.block.iter().flat_map(|b| &b.items) {
            let refs = self.column_refs(line, &line.values);
            match &*fold(&line.head.text) {
                "ae" => ae = refs.into_iter().next(),
                "ae-moins" => ae_minus = refs.into_iter().next(),
                "cp" => cp = refs.into_iter().next(),
                _ => self.error(
                    line.head.span,
                    msg!("profile-unexpected", word = line.head.text.as_str()),
                    "profile-measures-help",
                ),
            }
        }
        match (ae, cp) {
            (Some(ae), Some(cp)) => Some(BudgetRule::Measures { ae, ae_minus, cp }),
            _ => {
                self.error(
                    item.head.span,
                    Message::new("profile-measures-needs"),
                    "profile-measures-needs-help",
                );
                None
            }
        }
    }
}

fn text_of(v: &Value) -> Option<String> {
    match &v.kind {
        ValueKind::Text(t) => Some(t.clone()),
        _ => None,
    }
}

/// A value as text: quoted texts and bare words (codes such as `100`).
fn value_text(v: &Value) -> Option<String> {
    match &v.kind {
        ValueKind::Text(t) | ValueKind::Word(t) => Some(t.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_profile_parses_clean() {
        for (name, text) in BUILTIN {
            let (profile, diags) = parse(0, text);
            assert!(diags.is_empty(), "{name}: {diags:#?}");
            assert_eq!(profile.map(|p| p.name), Some((*name).to_owned()));
        }
    }

    #[test]
    fn profile_errors_are_reported() {
        let (p, diags) = parse(0, "profil \"x\" {\n  en-tête \"A\"\n  dat \"B\"\n}\n");
        assert!(p.is_none());
        let codes: Vec<_> = diags.iter().map(|d| d.code.as_str()).collect();
        assert!(codes.contains(&"clause.unknown"), "{codes:?}");
        assert!(
            diags
                .iter()
                .any(|d| d.help.as_ref().map(|h| crate::i18n::Lang::En.tr(h))
                    == Some("did you mean `date`?".into()))
        );
    }
}
