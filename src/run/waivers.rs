//! The conventions' waivers (`dérogation`), applied to every finding on its
//! way out: by code, EJ or DP number, and the row's date against the
//! waiver's last day; the waivers no finding used are reported after every
//! other finding.

use crate::diag::{Code, Diagnostic};
use crate::i18n::Message;
use crate::language::model::Convention;
use crate::msg;

/// The waivers of the conventions, and which of them matched a finding. A
/// waiver's `jusqu'au` is compared with the row's date, never the day of
/// the run, so the same files always give the same verdicts.
pub(super) struct Waivers<'c> {
    list: Vec<(
        &'c Convention,
        &'c crate::language::model::Waiver,
        std::cell::Cell<bool>,
    )>,
}

impl<'c> Waivers<'c> {
    pub(super) fn new(conventions: &'c [Convention]) -> Waivers<'c> {
        let list = conventions
            .iter()
            .flat_map(|c| c.waivers.iter().map(move |w| (c, w)))
            .map(|(c, w)| (c, w, std::cell::Cell::new(false)))
            .collect();
        Waivers { list }
    }

    /// Marks a finding waived if a waiver of its convention names its code
    /// and its EJ or DP number.
    pub(super) fn apply(&self, d: &mut Diagnostic) {
        let Some(source) = d.convention_source() else {
            return;
        };
        for (c, w, used) in &self.list {
            let (kind, number) = &w.key.value;
            let in_time = match (&w.until, d.date) {
                (Some(until), Some(date)) => date <= until.value,
                _ => true,
            };
            let matches = c.source == source
                && w.code.value == d.code.as_str()
                && d.figure_value(kind.as_str()) == Some(number.as_str())
                && in_time;
            if matches {
                used.set(true);
                let approved = w.approved_by.as_ref().map_or(Message::plain(""), |a| {
                    msg!("waiver-approved-by", who = a.value.as_str())
                });
                let until = w.until.as_ref().map_or(Message::plain(""), |u| {
                    Message::new("waiver-until").date("until", u.value)
                });
                d.waived = Some(msg!(
                    "waiver-text",
                    reason = w.reason.value.as_str(),
                    approved = approved,
                    until = until
                ));
                return;
            }
        }
    }

    pub(super) fn unused(&self) -> Vec<Diagnostic> {
        self.list
            .iter()
            .filter(|(_, _, used)| !used.get())
            .map(|(c, w, _)| {
                let (kind, number) = &w.key.value;
                Diagnostic::new(
                    Code::WaiverUnused,
                    msg!(
                        "waiver-unused",
                        code = w.code.value.as_str(),
                        kind = kind.as_str(),
                        number = number.as_str()
                    ),
                )
                .at_clause(c.source, w.span, Message::new("waiver-unused-label"))
                .help(Message::new("waiver-unused-help"))
            })
            .collect()
    }
}
