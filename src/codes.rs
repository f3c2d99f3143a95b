//! Stable diagnostic codes: one enum, with each code's name, default
//! severity and one-line summary in a single table, so that no code can
//! exist without its documentation.

use serde::{Serialize, Serializer};

use crate::diag::Severity;

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $summary:literal;)*) => {
        /// A diagnostic code. Its name (`ceiling.exceeded`) is part of the
        /// public interface: never rename one, add a new one instead.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// One line saying what the code means.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => $summary,)*
                }
            }
        }
    };
}

codes! {
    // Rule files.
    SyntaxError = "syntax.error", Error,
        "the rule file does not follow the syntax of the clausier language";
    ClauseUnknown = "clause.unknown", Error,
        "a word stands where a clause keyword is expected, but no clause has that name";
    ClauseMissing = "clause.missing", Error,
        "a clause that every convention must state is absent";
    ClauseDuplicate = "clause.duplicate", Error,
        "a clause that may appear once is stated twice";
    ValueInvalid = "value.invalid", Error,
        "a clause's value is missing, of the wrong kind, or not a valid date, amount or code";
    // Lints over a convention's model.
    TermInverted = "term.inverted", Error,
        "the convention ends before it takes effect";
    ScheduleSumMismatch = "schedule.sum-mismatch", Warning,
        "the yearly forecasts of a budget do not add up to its ceiling";
    ScheduleOutsideTerm = "schedule.outside-term", Warning,
        "a forecast year lies outside the convention's term";
    ScheduleCpAhead = "schedule.cp-ahead", Warning,
        "by some year, the forecast payments (CP) exceed the forecast commitments (AE)";
    NoticeTooLong = "notice.too-long", Warning,
        "the notice period is longer than the whole term";
    NoticeMissing = "notice.missing", Warning,
        "a notice of termination is given, but the convention states no notice period";
    ImputationInconsistent = "imputation.inconsistent", Error,
        "an imputation code does not start with the programme's four digits";
    EnvelopeConflict = "envelope.conflict", Error,
        "an envelope states an imputation code that contradicts the common imputation";
    EnvelopeIndistinct = "envelope.indistinct", Error,
        "two envelopes in force together differ in no code, so their rows cannot be told apart";
    EnvelopeOverCeiling = "envelope.over-ceiling", Warning,
        "the envelopes' ceilings of a budget add up to more than the overall ceiling";
    CodeMalformed = "code.malformed", Error,
        "a CHORUS code does not have the format CHORUS gives it";
    MarketDuplicate = "market.duplicate", Error,
        "two authorised markets share a purpose, a CHORUS number or a contract number";
    AmendmentOrder = "amendment.order", Error,
        "amendments are not numbered in the order of their effective dates";
    AmendmentOutsideTerm = "amendment.outside-term", Error,
        "an amendment takes effect outside the convention's term";
    WaiverExpired = "waiver.expired", Warning,
        "a waiver's last day has passed";
    WaiverUnused = "waiver.unused", Warning,
        "a waiver matched no finding of the run";
    // The transactions of an export against the convention.
    TermBeforeStart = "term.before-start", Error,
        "a transaction is dated before the convention takes effect";
    TermAfterEnd = "term.after-end", Error,
        "a transaction is dated after the convention ends";
    TermAfterTermination = "term.after-termination", Error,
        "a transaction is dated after the convention was terminated with notice";
    CeilingExceeded = "ceiling.exceeded", Error,
        "cumulative AE or CP goes over the convention's ceiling";
    ScheduleExceeded = "schedule.exceeded", Warning,
        "a year's cumulative AE or CP goes over that year's forecast";
    ImputationMismatch = "imputation.mismatch", Error,
        "an imputation code of a transaction differs from the convention's";
    MarketUnknown = "market.unknown", Error,
        "the supplier or contract of a transaction is not among the authorised ones";
    NatureExcluded = "nature.excluded", Error,
        "the budget title or PCE account of a transaction is not among those the convention allows";
    CommitmentOverpaid = "commitment.overpaid", Error,
        "on one commitment (EJ), cumulative payments exceed cumulative commitments";
    ClauseUnchecked = "clause.unchecked", Warning,
        "a clause cannot be checked: the export lacks the column it needs";
    ScopeUnmatched = "scope.unmatched", Warning,
        "a row matches no convention of the rules folder";
    ScopeAmbiguous = "scope.ambiguous", Warning,
        "a row matches several conventions of the rules folder, which nothing tells apart";
    // Reading exports.
    InputMalformed = "input.malformed", Error,
        "a row of an export cannot be read: it is rejected and the run goes on";
    InputMissingColumn = "input.missing-column", Error,
        "an export lacks a column that clausier needs to read it";
    InputUnreadable = "input.unreadable", Error,
        "a file cannot be opened or read";
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
