//! Export readers: from an export file to a stream of [`Transaction`]s.
//!
//! An import [`profile`] maps an export layout to the transaction model;
//! [`csv::Export`] reads delimited text with it (an XLSX or ODS sheet is
//! first turned into such text by [`sheet`]). A reader yields, row by row,
//! a transaction (borrowing its fields from the reader's buffer), a skipped
//! row (subtotal, measure that is not consumption) or an `input.malformed`
//! diagnostic for a row it rejects. Nothing else downstream knows about
//! CSV, spreadsheets or encodings.

pub mod chunk;
pub mod csv;
pub mod encoding;
pub mod open;
pub mod parse;
pub mod profile;
pub mod pump;
pub mod sheet;
pub mod split;
pub mod tags;
pub mod xlsx;

use chrono::NaiveDate;
use serde::Serialize;

use crate::diag::{RowRef, SourceId};
use crate::language::model::{Budget, CodeField};
pub use parse::Cents;

/// Where a row stands in its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowPos {
    pub source: SourceId,
    /// 1-based physical line where the record starts (the sheet row of a
    /// spreadsheet).
    pub line: u64,
    /// Byte offset where the record starts.
    pub byte: u64,
}

impl RowPos {
    pub fn to_ref(self, columns: Vec<usize>, label: impl Into<crate::i18n::Message>) -> RowRef {
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
    /// The column of each field, as the profile maps it.
    pub codes: [Option<usize>; CodeField::COUNT],
    pub ej: Option<usize>,
    pub contract: Option<usize>,
    pub supplier: Option<usize>,
    /// The budget title.
    pub title: Option<usize>,
    /// The PCE account.
    pub account: Option<usize>,
}

impl Layout {
    /// The column a field's value is read from: the BOP's is its own
    /// column, else the centre financier's.
    pub fn code(&self, field: CodeField) -> Option<usize> {
        let own = self.codes.get(field as usize).copied().flatten();
        match field {
            CodeField::Bop => own.or_else(|| self.code(CodeField::CentreFinancier)),
            _ => own,
        }
    }

    /// A row's codes, `column` reading a column's value: the BOP is read
    /// from the centre financier when the export has no BOP column.
    pub fn row_codes<'a>(
        &self,
        column: impl Fn(Option<usize>) -> Option<&'a [u8]>,
    ) -> [Option<&'a [u8]>; CodeField::COUNT] {
        let mut codes = self.codes.map(&column);
        // Without a BOP column; in `CodeField::ALL` order: programme, BOP,
        // centre financier…
        let bop_column = self.codes.get(CodeField::Bop as usize).copied().flatten();
        if bop_column.is_none()
            && let [_, bop, cf, ..] = &mut codes
        {
            *bop = cf.map(bop_of);
        }
        codes
    }

    /// The first and last columns holding imputation codes, if any.
    pub fn code_span(&self) -> Option<(usize, usize)> {
        let columns = self.codes.iter().flatten();
        Some((*columns.clone().min()?, *columns.max()?))
    }
}

/// The BOP of a centre financier: its first two parts, company prefix
/// kept (`BG00/0124-CDAF` of `BG00/0124-CDAF-CDSI`); a value of fewer parts
/// is its own BOP. A slice of the value: no copy.
pub fn bop_of(cf: &[u8]) -> &[u8] {
    let start = cf.iter().rposition(|&b| b == b'/').map_or(0, |i| i + 1);
    let mut hyphens = cf
        .iter()
        .enumerate()
        .skip(start)
        .filter(|(_, b)| **b == b'-');
    match (hyphens.next(), hyphens.next()) {
        (Some(_), Some((second, _))) => cf.get(..second).unwrap_or(cf),
        _ => cf,
    }
}

/// A receipt's amount, and the column it was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Receipt {
    pub amount: Cents,
    pub column: usize,
}

/// One consumption of a budget by a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Movement {
    pub budget: Budget,
    pub amount: Cents,
    /// The column the amount was read from, to point at it.
    pub column: usize,
    /// AE committed in an earlier year and carried into this one (bascule,
    /// SAP code 350): it counts for payments per commitment, not toward
    /// ceilings or the schedule, and is dated 1 January of the row's year.
    pub carried: bool,
}

/// One row of an export. Text fields are the trimmed bytes as written, in
/// the file's encoding; `None` means the export has no such column. A row
/// consumes one budget, or two for exports with a column per measure.
#[derive(Clone, Debug)]
pub struct Transaction<'a> {
    pub pos: RowPos,
    pub date: NaiveDate,
    pub date_column: usize,
    pub movements: [Option<Movement>; 3],
    /// A receipt (titre de perception, `RE`): no AE nor CP, and no
    /// movement.
    pub receipt: Option<Receipt>,
    pub encoding: encoding::Encoding,
    pub ej: Option<&'a [u8]>,
    pub ej_line: Option<&'a [u8]>,
    pub dp: Option<&'a [u8]>,
    /// The codes by [`CodeField`]; the BOP is the export's BOP column, else
    /// the first two parts of the centre financier ([`bop_of`]).
    pub codes: [Option<&'a [u8]>; CodeField::COUNT],
    /// The bytes from the first code column to the last as written, for a
    /// record without quotes ([`split::Record::span`]): rows with equal
    /// bytes here carry the same codes.
    pub codes_raw: Option<&'a [u8]>,
    pub contract: Option<&'a [u8]>,
    pub supplier: Option<&'a [u8]>,
    pub title: Option<&'a [u8]>,
    pub account: Option<&'a [u8]>,
}

impl Transaction<'_> {
    pub fn movements(&self) -> impl Iterator<Item = &Movement> {
        self.movements.iter().flatten()
    }

    /// `AE`, `CP` or `AE/CP`: what the row consumes, for messages.
    pub fn budgets(&self) -> String {
        let names: Vec<String> = self
            .movements()
            .filter(|m| !m.carried)
            .map(|m| m.budget.to_string())
            .collect();
        if self.receipt.is_some() {
            "RE".into()
        } else if names.is_empty() {
            "row".into()
        } else {
            names.join("/")
        }
    }
}

/// How every line of one export was accounted for. The counts add up to
/// the file's physical lines (`lines`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Accounting {
    pub file: String,
    pub profile: String,
    pub encoding: &'static str,
    pub lines: u64,
    pub preamble: u64,
    pub header: u64,
    pub checked: u64,
    /// Rows consuming only budgets the convention does not delegate
    /// (`délégation CP`): read, not checked.
    pub out_of_scope: u64,
    /// Rows dated after the statement's period (`report --au`): read, not
    /// checked.
    #[serde(skip_serializing_if = "is_zero")]
    pub after_period: u64,
    pub rejected: u64,
    /// Subtotal rows, skipped.
    pub subtotals: u64,
    /// Rows of a measure that is not consumption, skipped.
    pub skipped: u64,
    /// Extra lines of records whose quoted fields span several lines.
    pub continuation: u64,
    /// Empty lines, which CSV readers pass over.
    pub blank: u64,
    pub fiscal_year: Option<String>,
    pub measure: Option<String>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A file that cannot be opened or read.
pub fn unreadable(name: &str, e: &std::io::Error) -> crate::diag::Diagnostic {
    crate::diag::Diagnostic::new(
        crate::diag::Code::InputUnreadable,
        crate::msg!("cannot-read", file = name, error = crate::i18n::io_error(e)),
    )
    .help(crate::i18n::Message::new("check-path-help"))
}

#[cfg(test)]
mod tests {
    use super::bop_of;

    #[test]
    fn the_bop_is_the_first_two_parts_of_a_centre_financier() {
        assert_eq!(bop_of(b"0124-CDAF-CDSI"), b"0124-CDAF");
        assert_eq!(bop_of(b"BG00/0124-CDAF-CDSI"), b"BG00/0124-CDAF");
        assert_eq!(bop_of(b"0124-CDAF"), b"0124-CDAF");
        assert_eq!(bop_of(b"#"), b"#");
        assert_eq!(bop_of(b""), b"");
        assert_eq!(bop_of(b"0124-A-B-C"), b"0124-A");
    }
}
