//! Lints over the convention model: what a convention states that cannot be
//! right, or is suspicious. Each lint is an independent function of the
//! model; all of them run and all their findings are reported.

use crate::diag::Diagnostic;
use crate::model::Convention;

/// Runs every lint over a convention.
pub fn check(convention: &Convention) -> Vec<Diagnostic> {
    let lints: &[fn(&Convention, &mut Vec<Diagnostic>)] = &[];
    let mut out = Vec::new();
    for lint in lints {
        lint(convention, &mut out);
    }
    out
}
