//! Stable diagnostic codes: one enum, with each code's name and default
//! severity in a single table; each code's summary, why and fix are in the
//! catalogues (`code-<name>`), and a test fails when one is missing.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How grave a finding is: the default of each code, in the table below.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident;)*) => {
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

            /// One line saying what the code means (`code-<name>` in
            /// the catalogues, with `.why` and `.fix`: `clausier explain`).
            pub fn summary(self) -> crate::i18n::Message {
                crate::i18n::Message::entry(self.catalogue_id())
            }

            /// The catalogue entry of the code: `code-ceiling-exceeded`.
            pub fn catalogue_id(self) -> String {
                format!("code-{}", self.as_str().replace('.', "-"))
            }
        }
    };
}

codes! {
    // Rule files.
    SyntaxError = "syntax.error", Error;
    ClauseUnknown = "clause.unknown", Error;
    ClauseMissing = "clause.missing", Error;
    ClauseDuplicate = "clause.duplicate", Error;
    ValueInvalid = "value.invalid", Error;
    // Lints over a convention's model.
    TermInverted = "term.inverted", Error;
    TermIndefinite = "term.indefinite", Warning;
    ScheduleSumMismatch = "schedule.sum-mismatch", Warning;
    ScheduleOutsideTerm = "schedule.outside-term", Warning;
    ScheduleCpAhead = "schedule.cp-ahead", Warning;
    NoticeTooLong = "notice.too-long", Warning;
    NoticeMissing = "notice.missing", Warning;
    ImputationInconsistent = "imputation.inconsistent", Error;
    EnvelopeConflict = "envelope.conflict", Error;
    EnvelopeIndistinct = "envelope.indistinct", Error;
    EnvelopeOverCeiling = "envelope.over-ceiling", Warning;
    CodeMalformed = "code.malformed", Error;
    MarketDuplicate = "market.duplicate", Error;
    AmendmentOrder = "amendment.order", Error;
    AmendmentOutsideTerm = "amendment.outside-term", Error;
    WaiverExpired = "waiver.expired", Warning;
    PartyUncoded = "party.uncoded", Warning;
    FrameUnknown = "frame.unknown", Warning;
    FrameOutside = "frame.outside", Error;
    WaiverUnused = "waiver.unused", Warning;
    DraftTodo = "draft.todo", Warning;
    SourceUnknownArticle = "source.unknown-article", Warning;
    SourceUnreadable = "source.unreadable", Warning;
    // The transactions of an export against the convention.
    TermBeforeStart = "term.before-start", Error;
    PartyOutside = "party.outside", Error;
    TermAfterEnd = "term.after-end", Error;
    TermAfterTermination = "term.after-termination", Error;
    CeilingExceeded = "ceiling.exceeded", Error;
    ScheduleExceeded = "schedule.exceeded", Warning;
    ImputationMismatch = "imputation.mismatch", Error;
    MarketUnknown = "market.unknown", Error;
    NatureExcluded = "nature.excluded", Error;
    CommitmentOverpaid = "commitment.overpaid", Error;
    ClauseUnchecked = "clause.unchecked", Warning;
    ScopeUnmatched = "scope.unmatched", Warning;
    ScopeAmbiguous = "scope.ambiguous", Warning;
    // Reading exports.
    InputMalformed = "input.malformed", Error;
    InputMissingColumn = "input.missing-column", Error;
    InputUnreadable = "input.unreadable", Error;
}

impl Code {
    /// The findings about a transaction row, which a waiver (`dérogation
    /// CODE ej|dp NUMBER`) can accept: the language server offers these.
    pub const ON_ROWS: &'static [Code] = &[
        Code::TermBeforeStart,
        Code::PartyOutside,
        Code::TermAfterEnd,
        Code::TermAfterTermination,
        Code::CeilingExceeded,
        Code::ScheduleExceeded,
        Code::ImputationMismatch,
        Code::MarketUnknown,
        Code::NatureExcluded,
        Code::CommitmentOverpaid,
    ];
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// By name, as serialized (the spilled findings of `order` are read back).
impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown code {name}")))
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
