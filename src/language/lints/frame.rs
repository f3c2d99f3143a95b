//! Sub-delegations (`cadre "…"`): each child convention found among the
//! conventions linted or checked together, and kept within its parent's
//! term, codes and ceilings (DOMAIN.md §8: the child cannot give more than
//! the parent holds).

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::i18n::Message;
use crate::language::keywords::fold;
use crate::language::model::{Budget, CodeField, Convention};
use crate::language::view::View;

/// The parent of each convention, by its place in `conventions`: the one
/// whose title its `cadre` names (accents and case aside), when there is
/// one other than itself.
pub fn parents(conventions: &[&Convention]) -> Vec<Option<usize>> {
    conventions
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let frame = c.frame.as_ref()?;
            let key = fold(frame.value.trim());
            conventions
                .iter()
                .enumerate()
                .position(|(j, p)| j != i && fold(p.title.value.trim()) == key)
        })
        .collect()
}

/// The sub-delegation lints of conventions read together: a `cadre` that
/// names no convention of them (`frame.unknown`: `lone`, a single rule
/// file, cannot resolve it), and a child outside its parent
/// (`frame.outside`).
pub fn check(conventions: &[&Convention], lone: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (c, parent) in conventions.iter().zip(parents(conventions)) {
        let Some(frame) = &c.frame else {
            continue;
        };
        match parent.and_then(|p| conventions.get(p)) {
            Some(p) => within(c, p, &mut out),
            None => {
                let (message, help) = if lone {
                    ("frame-lone", "frame-lone-help")
                } else {
                    ("frame-unknown", "frame-unknown-help")
                };
                out.push(
                    Diagnostic::new(
                        Code::FrameUnknown,
                        Message::new(message).arg("title", frame.value.as_str()),
                    )
                    .at_clause(c.source, frame.span, Message::new("frame-unknown-label"))
                    .help(Message::new(help)),
                );
            }
        }
    }
    out
}

/// A child convention against its parent, as signed and as amended.
fn within(child: &Convention, parent: &Convention, out: &mut Vec<Diagnostic>) {
    let (cv, pv) = (View::new(child), View::new(parent));
    let Some(frame) = &child.frame else {
        return;
    };
    let mut outside = |what: Message, at: crate::span::Span| {
        out.push(
            Diagnostic::new(
                Code::FrameOutside,
                Message::new("frame-outside")
                    .arg("what", what)
                    .arg("parent", parent.title.value.as_str()),
            )
            .at_clause(child.source, at, Message::new("frame-outside-label"))
            .related(
                child.source,
                frame.span,
                Message::new("frame-parent-label").arg("parent", parent.title.value.as_str()),
            )
            .help(Message::new("frame-outside-help")),
        );
    };
    // The term: from the parent's start to its end (none: no limit).
    if let (Some((start, span)), Some((parent_start, _))) = (cv.start, pv.start)
        && start < parent_start
    {
        outside(
            Message::new("frame-starts-before")
                .date("start", start)
                .date("parent", parent_start),
            span,
        );
    }
    if let Some(parent_end) = pv.end {
        let end = cv.end.map_or(NaiveDate::MAX, |e| e.date);
        if end > parent_end.date {
            let span = cv
                .end
                .map(|e| e.span)
                .or(child.term.as_ref().map(|t| t.span))
                .unwrap_or(child.title.span);
            let what = match cv.end {
                Some(e) => Message::new("frame-ends-after").date("end", e.date),
                None => Message::new("frame-no-end"),
            }
            .date("parent", parent_end.date);
            outside(what, span);
        }
    }
    // The codes: every code the parent states, the child states too, equal
    // (a BOP holds the centres financiers that begin with it).
    let parent_codes = pv.signed.codes;
    let child_codes = cv.signed.codes;
    for field in CodeField::ALL {
        let Some(expected) = parent_codes.get(field as usize).copied().flatten() else {
            continue;
        };
        let bare = super::codes::bare_code;
        let same = |f: CodeField| {
            child_codes
                .get(f as usize)
                .copied()
                .flatten()
                .map(|c| (c, bare(&c.value)))
        };
        let held = match (field, same(field)) {
            (_, Some((_, v))) if v == bare(&expected.value) => true,
            (CodeField::Bop, None) => same(CodeField::CentreFinancier)
                .is_some_and(|(_, cf)| cf.starts_with(&format!("{}-", bare(&expected.value)))),
            _ => false,
        };
        if !held {
            let at = same(field).map_or(child.imputation.span, |(c, _)| c.span);
            outside(
                Message::new("frame-code")
                    .arg("field", field.label())
                    .arg("code", expected.value.as_str()),
                at,
            );
        }
    }
    // The ceilings: not above the parent's (a child without one is bounded
    // by the parent's).
    for budget in Budget::BOTH {
        let (Some(mine), Some(theirs)) = (
            cv.versions()
                .filter_map(|v| v.ceiling_in(crate::language::view::Part::Whole, budget))
                .map(|l| (l.cents, l.span))
                .max(),
            pv.versions()
                .filter_map(|v| v.ceiling_in(crate::language::view::Part::Whole, budget))
                .map(|l| l.cents)
                .max(),
        ) else {
            continue;
        };
        if mine.0 > theirs {
            outside(
                Message::new("frame-ceiling")
                    .arg("budget", budget.to_string())
                    .amount("amount", mine.0)
                    .amount("parent", theirs),
                mine.1,
            );
        }
    }
}
