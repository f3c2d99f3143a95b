//! A convention's life: the end in force once amendments, tacit renewals
//! and a notice of termination are counted (art. 641 and 642 of the Code de
//! procédure civile, through `dates`), and the calendar a compliance officer
//! keeps.

use std::fmt;

use chrono::NaiveDate;

use super::View;
use crate::dates::Duration;
use crate::language::model::{Purpose, Renewal, Termination};
use crate::span::Span;

/// What fixed the end of a convention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndCause {
    /// The term's own end (`fin`, or `pour` a duration).
    Term,
    /// An amendment's `fin`.
    Amendment(u32),
    /// The n-th tacit renewal.
    Renewal(u32),
    /// A notice of termination given on a date, plus the notice period
    /// (`None`: the convention states none, and the notice takes effect on
    /// the day it is given).
    Notice {
        given: NaiveDate,
        period: Option<Duration>,
    },
}

impl EndCause {
    /// What ended the convention, in words.
    pub fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            EndCause::Term => Message::new("end-by-term"),
            EndCause::Amendment(n) => Message::new("end-by-amendment").arg("number", n.to_string()),
            EndCause::Renewal(n) => Message::new("end-by-renewal").arg("number", n.to_string()),
            EndCause::Notice {
                given,
                period: Some(period),
            } => Message::new("end-by-notice")
                .date("given", *given)
                .arg("period", Message::from(*period)),
            EndCause::Notice {
                given,
                period: None,
            } => Message::new("end-by-notice-without-period").date("given", *given),
        }
    }
}

impl fmt::Display for EndCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndCause::Term => f.write_str("the term"),
            EndCause::Amendment(n) => write!(f, "avenant {n}"),
            EndCause::Renewal(n) => write!(f, "renewal {n}"),
            EndCause::Notice {
                given,
                period: Some(period),
            } => write!(f, "the notice of {given} plus {period}"),
            EndCause::Notice {
                given,
                period: None,
            } => write!(f, "the notice of {given}, no notice period being stated"),
        }
    }
}

/// The end of a convention once amendments, renewals and a notice are
/// accounted for: the last day anything may be spent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct End {
    pub date: NaiveDate,
    /// The clause that fixed it.
    pub span: Span,
    pub cause: EndCause,
    /// A notice of termination stopped a tacit renewal: the day it was
    /// given, and the last day it could be (the end then in force less the
    /// renewal's notice, art. 641).
    pub renewal_stopped: Option<(NaiveDate, NaiveDate)>,
}

impl End {
    /// A notice of termination ended the convention early.
    pub fn terminated(&self) -> bool {
        matches!(self.cause, EndCause::Notice { .. })
    }
}

/// One tacit renewal the term provides, a notice of termination aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RenewalStep {
    /// 1 for the first renewal.
    pub number: u32,
    /// The end it pushes back.
    pub from: NaiveDate,
    /// The last day a notice of termination stops it: `from` less the
    /// renewal's notice (art. 641), moved to the next working day when the
    /// clause says `report-jour-ouvré` (art. 642); `None` when the clause states no notice
    /// (a notice given by `from` stops it).
    pub deadline: Option<NaiveDate>,
    /// The end it brings.
    pub to: NaiveDate,
}

/// At most this many renewals without limit are followed to the one a
/// notice stops.
pub const MAX_RENEWALS: usize = 10_000;

/// The renewals of a renewal clause from the end `from` they first push
/// back, each with the last day a notice stops it (art. 641, and 642 with
/// `report-jour-ouvré`): `times` of them, or without end for renewals
/// without limit.
pub fn renewal_steps(
    renewal: &Renewal,
    mut from: NaiveDate,
) -> impl Iterator<Item = RenewalStep> + '_ {
    (1..=renewal.times.unwrap_or(u32::MAX)).map_while(move |number| {
        let to = renewal.period.after(from)?;
        let step = RenewalStep {
            number,
            from,
            deadline: renewal.notice.and_then(|n| n.before(from)).and_then(|d| {
                if renewal.next_working_day {
                    crate::dates::next_working_day(d)
                } else {
                    Some(d)
                }
            }),
            to,
        };
        from = to;
        Some(step)
    })
}

/// How a convention without an end in force goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenEnd<'c> {
    /// `indéterminée`: until a notice.
    Indefinite,
    /// Renewed without limit (the clause, and the end its first renewal
    /// pushes back), until a notice stops a renewal.
    Renewals(&'c Renewal, NaiveDate),
}

/// What a key date of the convention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyKind {
    /// The convention takes effect.
    Effect,
    /// An amendment takes effect.
    Amendment,
    /// The last day a notice stops a tacit renewal (art. 641).
    RenewalDeadline,
    /// A tacit renewal begins.
    Renewal,
    /// A notice of termination is given.
    Notice,
    /// The end in force: nothing may be spent after it.
    End,
}

/// A date a compliance officer keeps in the convention's calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyDate {
    pub date: NaiveDate,
    pub kind: KeyKind,
    /// The amendment's or the renewal's number.
    pub number: Option<u32>,
}

impl<'c> View<'c> {
    /// The end in force on `on` as the term and amendments state it,
    /// before renewals and notices.
    fn stated_end(&self, on: NaiveDate) -> Option<(NaiveDate, Span, EndCause)> {
        let term = self.convention.term.as_ref()?;
        let mut end = term.end.as_ref().map(|e| (e.value, e.span, EndCause::Term));
        for v in self
            .amended
            .iter()
            .filter(|v| v.from.is_some_and(|f| f <= on))
        {
            if let Some(a) = v.amendment
                && let Some(e) = &a.end
            {
                end = Some((e.value, e.span, EndCause::Amendment(a.number.value)));
            }
        }
        end
    }

    /// The date after which nothing may be spent: the end in force, pushed
    /// by tacit renewals that no notice stopped, or brought forward by a
    /// notice of termination (art. 641, and 642 if the notice says so).
    pub(super) fn effective_end(&self) -> Option<End> {
        let c = self.convention;
        let renewal = c.term.as_ref().and_then(|t| t.renewal.as_ref());
        let notice_given = self.notice_of_termination();
        let mut renewal_stopped = None;
        // The end stated, if any (`indéterminée`: none), pushed back by
        // each renewal no notice stopped.
        let mut end = self
            .stated_end(NaiveDate::MAX)
            .map(|(date, span, cause)| End {
                date,
                span,
                cause,
                renewal_stopped: None,
            });
        for step in &self.renewals {
            // A notice given by the deadline stops the renewal.
            if let Some(t) = notice_given
                && step.deadline.is_none_or(|last| t.date.value <= last)
            {
                renewal_stopped = Some((t.date.value, step.deadline.unwrap_or(step.from)));
                break;
            }
            end = Some(End {
                date: step.to,
                span: renewal
                    .map(|r| r.span)
                    .or(end.map(|e| e.span))
                    .unwrap_or_default(),
                cause: EndCause::Renewal(step.number),
                renewal_stopped: None,
            });
        }
        // Renewals without limit that no notice stopped: no end.
        if renewal.is_some_and(|r| r.times.is_none()) && renewal_stopped.is_none() {
            end = None;
        }
        if let Some(e) = &mut end {
            e.renewal_stopped = renewal_stopped;
        }
        if let Some(t) = notice_given {
            // Without a `préavis` clause, a notice takes effect on the day
            // it is given (`lint` warns that no period is stated).
            let period = c.notice.as_ref().map(|n| n.duration);
            let mut effective = period.map_or(Some(t.date.value), |p| p.after(t.date.value));
            if t.next_working_day {
                effective = effective.and_then(crate::dates::next_working_day);
            }
            if let Some(effective) = effective.filter(|e| end.is_none_or(|end| *e < end.date)) {
                end = Some(End {
                    date: effective,
                    span: t.span,
                    cause: EndCause::Notice {
                        given: t.date.value,
                        period,
                    },
                    renewal_stopped: None,
                });
            }
        }
        end
    }

    /// The renewals the term provides after the end stated, each with the
    /// last day a notice stops it. Renewals without limit are listed up to
    /// the one a notice of termination stops (at most [`MAX_RENEWALS`]);
    /// none when no notice is given, the end being open.
    pub(super) fn renewal_schedule(&self) -> Vec<RenewalStep> {
        let Some(renewal) = self
            .convention
            .term
            .as_ref()
            .and_then(|t| t.renewal.as_ref())
        else {
            return Vec::new();
        };
        let Some((from, _, _)) = self.stated_end(NaiveDate::MAX) else {
            return Vec::new();
        };
        if renewal.times.is_some() {
            return renewal_steps(renewal, from).collect();
        }
        let Some(t) = self.notice_of_termination() else {
            return Vec::new();
        };
        let mut steps = Vec::new();
        for step in renewal_steps(renewal, from).take(MAX_RENEWALS) {
            let stops = step.deadline.is_none_or(|last| t.date.value <= last);
            steps.push(step);
            if stops {
                break;
            }
        }
        steps
    }

    /// The convention's calendar, in date order: its effect, each
    /// amendment's, each renewal that took or could take place with the
    /// last day a notice stops it, the notice of termination, the end in
    /// force. Renewals past the end in force are left out, but for the
    /// first one, which the notice or the term stopped.
    pub fn key_dates(&self) -> Vec<KeyDate> {
        let mut dates = Vec::new();
        let key = |date, kind, number| KeyDate { date, kind, number };
        if let Some((start, _)) = self.start {
            dates.push(key(start, KeyKind::Effect, None));
        }
        for v in &self.amended {
            if let (Some(a), Some(from)) = (v.amendment, v.from) {
                dates.push(key(from, KeyKind::Amendment, Some(a.number.value)));
            }
        }
        let end = self.end.map(|e| e.date);
        for step in &self.renewals {
            if let Some(deadline) = step.deadline {
                dates.push(key(deadline, KeyKind::RenewalDeadline, Some(step.number)));
            }
            let takes_place = end.is_some_and(|e| step.from < e);
            if takes_place {
                dates.push(key(step.from, KeyKind::Renewal, Some(step.number)));
            } else {
                break;
            }
        }
        if let Some(t) = self.notice_of_termination() {
            dates.push(key(t.date.value, KeyKind::Notice, None));
        }
        if let Some(end) = end {
            dates.push(key(end, KeyKind::End, None));
        }
        dates.sort_by_key(|d| d.date);
        dates
    }

    /// Whether nothing ends the convention but a notice not yet given: a
    /// term of no end (`indéterminée`), or renewals without limit that no
    /// notice stopped.
    pub fn open_end(&self) -> Option<OpenEnd<'c>> {
        if self.end.is_some() || self.start.is_none() {
            return None;
        }
        let renewal = self.convention.term.as_ref()?.renewal.as_ref();
        match (renewal, self.stated_end(NaiveDate::MAX)) {
            (Some(r), Some((from, ..))) if r.times.is_none() => Some(OpenEnd::Renewals(r, from)),
            _ => Some(OpenEnd::Indefinite),
        }
    }

    /// The notice of termination given, if any.
    pub fn notice_of_termination(&self) -> Option<&'c Termination> {
        self.convention
            .termination
            .as_ref()
            .filter(|t| t.purpose == Purpose::Termination)
    }
}
