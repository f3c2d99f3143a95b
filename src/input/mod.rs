//! Export readers: from an export file to a stream of [`Transaction`]s.
//!
//! A reader yields, row by row, either a transaction (borrowing its fields
//! from the reader's buffer) or an `input.malformed` diagnostic for a row it
//! rejects. Nothing else downstream knows about CSV.

pub mod csv;
pub mod parse;

use chrono::NaiveDate;

use crate::diag::{RowRef, SourceId};
use crate::model::{Budget, CodeField};
pub use parse::Cents;

/// Where a row stands in its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowPos {
    pub source: SourceId,
    /// 1-based physical line where the record starts.
    pub line: u64,
    /// Byte offset where the record starts.
    pub byte: u64,
}

impl RowPos {
    pub fn to_ref(self, columns: Vec<usize>, label: impl Into<String>) -> RowRef {
        RowRef {
            source: self.source,
            line: self.line,
            byte: self.byte,
            columns,
            label: label.into(),
        }
    }
}

/// Column indexes of the transaction fields in an export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub date: usize,
    pub budget: usize,
    pub amount: usize,
    pub ej: Option<usize>,
    pub dp: Option<usize>,
    pub codes: [Option<usize>; 5],
    pub contract: Option<usize>,
    pub supplier: Option<usize>,
    /// Number of fields of the header.
    pub width: usize,
}

impl Layout {
    pub fn code(&self, field: CodeField) -> Option<usize> {
        self.codes.get(field as usize).copied().flatten()
    }
}

/// One financial movement of an export. Text fields are the trimmed bytes
/// as written; `None` means the export has no such column.
#[derive(Clone, Debug)]
pub struct Transaction<'a> {
    pub pos: RowPos,
    pub date: NaiveDate,
    pub budget: Budget,
    pub amount: Cents,
    pub ej: Option<&'a [u8]>,
    pub dp: Option<&'a [u8]>,
    pub codes: [Option<&'a [u8]>; 5],
    pub contract: Option<&'a [u8]>,
    pub supplier: Option<&'a [u8]>,
}
