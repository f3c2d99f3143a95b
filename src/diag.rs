//! The one diagnostic model. Every stage (syntax, lowering, checks,
//! evaluation, export reading) reports through [`Diagnostic`]; every output
//! format is rendered from it. A diagnostic holds locations only (spans and
//! row positions); source text is attached by the renderers.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::i18n::Message;
use crate::span::Span;

pub use crate::codes::{Code, Severity};

/// Index of a file in the run's [`crate::source::Sources`].
pub type SourceId = usize;

/// A place in a rule file, with the label shown under it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClauseRef {
    pub source: SourceId,
    pub span: Span,
    pub label: Message,
    /// Where the clause comes from in the convention's signed text, when
    /// the rule file says it (`(art. 4)`). (Always encoded, as [`Fix`].)
    pub citation: Option<Citation>,
}

/// Where a clause comes from in the convention's signed text: an article,
/// one of its paragraphs (alinéas), an annex, as the rule file cites them
/// (`(art. 4)`, `(art. 4, al. 2)`, `(annexe 1)`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Citation {
    /// `4`, `1er`, `4-1`.
    pub article: Option<String>,
    pub paragraph: Option<String>,
    /// The annex, by number (empty for a text's only annex).
    pub annex: Option<String>,
}

impl Citation {
    /// "article 4 de la convention", as a finding says it.
    pub fn message(&self) -> Message {
        let article = self.article.clone().unwrap_or_default();
        let paragraph = self.paragraph.clone().unwrap_or_default();
        match (
            &self.annex,
            self.article.is_some(),
            self.paragraph.is_some(),
        ) {
            (Some(annex), true, _) => {
                crate::msg!("cite-annex-article", annex = annex.as_str()).arg("article", article)
            }
            (Some(annex), false, _) => crate::msg!("cite-annex", annex = annex.as_str()),
            (None, _, true) => {
                crate::msg!("cite-article-paragraph", article = article).arg("paragraph", paragraph)
            }
            (None, _, false) => crate::msg!("cite-article", article = article),
        }
    }

    /// The citation as the language writes it, parentheses left out:
    /// `art. 4, al. 2`, `annexe 1, art. 2`.
    pub fn short(&self) -> String {
        let mut parts = Vec::new();
        if let Some(a) = &self.annex {
            parts.push(if a.is_empty() {
                "annexe".to_owned()
            } else {
                format!("annexe {a}")
            });
        }
        if let Some(a) = &self.article {
            parts.push(format!("art. {a}"));
        }
        if let Some(p) = &self.paragraph {
            parts.push(format!("al. {p}"));
        }
        parts.join(", ")
    }
}

/// A row of an export: its physical line (1-based, the header being line 1
/// of a plain CSV), the byte offset where the record starts, and the columns
/// to underline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowRef {
    pub source: SourceId,
    pub line: u64,
    pub byte: u64,
    pub columns: Vec<usize>,
    pub label: Message,
}

/// A named exact figure attached to a finding (cumulative, limit, overrun…),
/// kept as text so that JSON carries exact decimals, and as cents when it
/// is an amount.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    #[serde(deserialize_with = "crate::i18n::interned")]
    pub name: std::borrow::Cow<'static, str>,
    pub value: String,
    /// The amount in cents, for an amount.
    pub cents: Option<i128>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: Message,
    pub clause: Option<ClauseRef>,
    pub row: Option<RowRef>,
    /// Other places in rule files that explain this one (a first definition…).
    pub related: Vec<ClauseRef>,
    pub help: Option<Message>,
    /// The rule of law a finding applies when it comes from the law and
    /// not from a clause (payments per commitment: GBCP, art. 156): such a
    /// finding points at no clause, and says the rule instead.
    pub law: Option<Message>,
    /// The rule file of the convention a finding about no clause concerns
    /// (a finding at a clause is its file's): waivers match on it.
    pub convention: Option<SourceId>,
    pub figures: Vec<Figure>,
    /// An accepted deviation covers this finding: it is reported, marked
    /// so, and fails no run. The text says why and who approved it.
    pub waived: Option<Message>,
    /// The date of the row a finding is about: waivers compare their last
    /// day with it. Not rendered.
    #[serde(with = "crate::dates::days_or_none")]
    pub date: Option<chrono::NaiveDate>,
    /// A change to the diagnostic's rule file that repairs it, sure enough
    /// to be applied without asking (`lint --fix`). (Always encoded: the
    /// held findings' encoding, postcard, does not describe itself.)
    pub fix: Option<Fix>,
}

/// A machine-applicable repair: the text at `span`, in the rule file of
/// the diagnostic's clause, replaced by `replacement` (inserted when the
/// span is empty).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

impl Diagnostic {
    /// A diagnostic of `code` at its default severity.
    pub fn new(code: Code, message: impl Into<Message>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            clause: None,
            row: None,
            related: Vec::new(),
            help: None,
            law: None,
            convention: None,
            figures: Vec::new(),
            waived: None,
            date: None,
            fix: None,
        }
    }

    /// The repair of what the diagnostic reports (see [`Fix`]).
    pub fn fix(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// The date of the row the finding is about.
    pub fn dated(mut self, date: chrono::NaiveDate) -> Self {
        self.date = Some(date);
        self
    }

    /// The value of a figure, if the diagnostic has it.
    pub fn figure_value(&self, name: &str) -> Option<&str> {
        self.figures
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.as_str())
    }

    pub fn at_clause(mut self, source: SourceId, span: Span, label: impl Into<Message>) -> Self {
        self.clause = Some(ClauseRef {
            source,
            span,
            label: label.into(),
            citation: None,
        });
        self
    }

    /// A finding that applies a rule of law, not a clause, to a
    /// convention's rows.
    pub fn by_law(mut self, convention: SourceId, rule: impl Into<Message>) -> Self {
        self.convention = Some(convention);
        self.law = Some(rule.into());
        self
    }

    /// The rule file of the convention the finding concerns.
    pub fn convention_source(&self) -> Option<SourceId> {
        self.clause.as_ref().map(|c| c.source).or(self.convention)
    }

    pub fn at_row(mut self, row: RowRef) -> Self {
        self.row = Some(row);
        self
    }

    pub fn related(mut self, source: SourceId, span: Span, label: impl Into<Message>) -> Self {
        self.related.push(ClauseRef {
            source,
            span,
            label: label.into(),
            citation: None,
        });
        self
    }

    pub fn help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn figure(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.figures.push(Figure {
            name: std::borrow::Cow::Borrowed(name),
            value: value.to_string(),
            cents: None,
        });
        self
    }

    /// An amount as a figure: its exact decimal text, and its cents.
    pub fn amount_figure(mut self, name: &'static str, amount: crate::money::Amount) -> Self {
        self.figures.push(Figure {
            name: std::borrow::Cow::Borrowed(name),
            value: amount.to_string(),
            cents: Some(amount.cents()),
        });
        self
    }

    /// The cents of an amount figure, if the diagnostic has it.
    pub fn figure_cents(&self, name: &str) -> Option<i128> {
        self.figures.iter().find(|f| f.name == name)?.cents
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Counts of a list of diagnostics by severity.
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors, diagnostics.len() - errors)
}

/// Counts of what a run reported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: u64,
    pub warnings: u64,
    /// Findings covered by a waiver: reported, but neither errors nor warnings.
    pub waived: u64,
    /// Rule files linted, for `lint`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub files: Option<u64>,
}

impl Counts {
    pub fn add(&mut self, d: &Diagnostic) {
        if d.waived.is_some() {
            self.waived += 1;
            return;
        }
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }
}
