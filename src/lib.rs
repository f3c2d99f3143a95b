//! clausier: checks French State delegation-of-management conventions
//! (conventions de délégation de gestion, decree n° 2004-1085) against the
//! money actually spent, as CHORUS exports record it.
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md):
//! `syntax` (pest) → `lower` (typed [`model`] with spans) → `check` (lints
//! over the model) and `eval` (transactions from [`input`] against the
//! model) → [`diag`] (one diagnostic model) → [`report`] (renderers).

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod audit;
#[cfg(feature = "cli")]
pub mod cli;
pub mod codes;
pub mod dates;
pub mod diag;
pub mod draft;
pub mod eval;
pub mod explain;
pub mod i18n;
pub mod input;
pub mod language;
#[cfg(feature = "cli")]
pub mod lsp;
pub mod money;
pub mod order;
pub mod progress;
#[cfg(feature = "reference")]
pub mod reference;
pub mod report;
pub mod run;
pub mod source;
pub mod span;
pub mod testing;

use diag::{Diagnostic, SourceId};
use language::model::Convention;
use language::{lints, lower, syntax};

/// Parses, lowers and lints one rule file. The convention is `None` when
/// the file could not be lowered at all; the diagnostics say why.
///
/// ```
/// let text = r#"
/// convention "Minimale" {
///   signature 2020-01-15
///   délégant "Service A"
///   délégataire "Service B"
///   durée {
///     effet signature
///     fin 2020-12-31
///   }
///   plafond AE et CP 10 000 €
///   imputation {
///     programme 350
///   }
///   plafnd CP 1 €
/// }
/// "#;
/// let (convention, diagnostics) = clausier::compile(0, text);
/// assert_eq!(convention.unwrap().ceilings.len(), 2);
/// assert_eq!(diagnostics[0].code.as_str(), "clause.unknown");
/// // Messages are rendered in a language, English here.
/// let help = diagnostics[0].help.as_ref().map(|h| clausier::i18n::Lang::En.tr(h));
/// assert_eq!(help.as_deref(), Some("did you mean `plafond`?"));
/// ```
pub fn compile(source: SourceId, text: &str) -> (Option<Convention>, Vec<Diagnostic>) {
    compile_on(source, text, lints::today())
}

/// [`compile`], with the day of the run (`--date`): it dates expired
/// waivers, and nothing else.
pub fn compile_on(
    source: SourceId,
    text: &str,
    today: chrono::NaiveDate,
) -> (Option<Convention>, Vec<Diagnostic>) {
    let (doc, mut diags) = syntax::parse(source, text);
    let blanked: Vec<span::Span> = diags
        .iter()
        .filter_map(|d| d.clause.as_ref().map(|c| c.span))
        .collect();
    let (convention, lowered) = lower::lower(source, &doc, &blanked);
    diags.extend(lowered);
    if let Some(c) = &convention {
        diags.extend(lints::check(&language::view::View::new(c), today));
    }
    diags.sort_by_key(|d| d.clause.as_ref().map(|c| (c.span.start, c.span.end)));
    (convention, diags)
}
