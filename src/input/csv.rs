//! The canonical CSV export: a header line naming the columns, `;`, `,` or
//! tab delimited (detected from the header), UTF-8 with or without BOM, LF
//! or CRLF line ends.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use chrono::NaiveDate;

use super::parse::{parse_amount, parse_budget, parse_date, trim};
use super::{Layout, RowPos, Transaction};
use crate::diag::{Code, Diagnostic, SourceId};
use crate::model::CodeField;

/// Columns of the canonical CSV, by header name.
pub const COLUMNS: &[&str] = &[
    "date",
    "type",
    "montant",
    "n_ej",
    "n_dp",
    "programme",
    "centre_financier",
    "domaine_fonctionnel",
    "activite",
    "centre_de_couts",
    "marche",
    "fournisseur",
];

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A canonical CSV export being read.
pub struct CsvExport {
    source: SourceId,
    reader: csv::Reader<BufReader<File>>,
    record: csv::ByteRecord,
    layout: Layout,
    delimiter: u8,
    /// The last date text parsed and its value: exports repeat dates a lot.
    date_cache: (Vec<u8>, Option<NaiveDate>),
}

/// What reading one row gave.
pub enum Row<'a> {
    Transaction(Transaction<'a>),
    Rejected(Diagnostic),
}

impl CsvExport {
    /// Opens an export and reads its header. Fails with `input.unreadable`
    /// or `input.missing-column`.
    pub fn open(path: &Path, source: SourceId) -> Result<CsvExport, Box<Diagnostic>> {
        CsvExport::open_unboxed(path, source).map_err(Box::new)
    }

    fn open_unboxed(path: &Path, source: SourceId) -> Result<CsvExport, Diagnostic> {
        let unreadable = |e: std::io::Error| {
            Diagnostic::new(
                Code::InputUnreadable,
                format!("cannot read `{}`: {e}", path.display()),
            )
            .help("check the path and the file's permissions")
        };
        let mut file = File::open(path).map_err(unreadable)?;
        let delimiter = detect_delimiter(&mut file).map_err(unreadable)?;
        file.seek(SeekFrom::Start(0)).map_err(unreadable)?;
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(1 << 16)
            .from_reader(BufReader::with_capacity(1 << 16, file));
        let mut header = csv::ByteRecord::new();
        let found = reader.read_byte_record(&mut header).map_err(|e| {
            Diagnostic::new(
                Code::InputUnreadable,
                format!("cannot read `{}`: {e}", path.display()),
            )
        })?;
        if !found {
            return Err(Diagnostic::new(
                Code::InputMissingColumn,
                format!("`{}` is empty: no header line", path.display()),
            )
            .help(format!(
                "the first line names the columns: {}",
                COLUMNS.join(";")
            )));
        }
        let layout = layout_of(&header).map_err(|missing| {
            Diagnostic::new(
                Code::InputMissingColumn,
                format!(
                    "`{}` has no `{}` column",
                    path.display(),
                    missing.join("`, `")
                ),
            )
            .help(format!(
                "the header must name at least `date`, `type` and `montant`; it reads `{}`",
                String::from_utf8_lossy(header.as_slice())
                    .chars()
                    .take(200)
                    .collect::<String>()
            ))
        })?;
        Ok(CsvExport {
            source,
            reader,
            record: csv::ByteRecord::new(),
            layout,
            delimiter,
            date_cache: (Vec::new(), None),
        })
    }

    pub fn source(&self) -> SourceId {
        self.source
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Reads the next row. `Ok(None)` at the end of the file; `Err` when the
    /// file cannot be read further (an I/O error), which ends this file.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, Box<Diagnostic>> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => return Ok(None),
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                return Err(Box::new(Diagnostic::new(
                    Code::InputUnreadable,
                    format!("reading stopped at line {line}: {e}"),
                )));
            }
        }
        let pos = self.record.position().map_or(
            RowPos {
                source: self.source,
                line: 0,
                byte: 0,
            },
            |p| RowPos {
                source: self.source,
                line: p.line(),
                byte: p.byte(),
            },
        );
        Ok(Some(self.transaction(pos)))
    }

    fn transaction(&mut self, pos: RowPos) -> Row<'_> {
        let layout = &self.layout;
        let record = &self.record;
        if record.len() != layout.width {
            return Row::Rejected(malformed_width(pos, record.len(), layout.width));
        }
        let field = |i: usize| record.get(i).unwrap_or_default();
        let date_field = field(layout.date);
        if self.date_cache.0 != date_field {
            self.date_cache = (date_field.to_vec(), parse_date(date_field));
        }
        let Some(date) = self.date_cache.1 else {
            return Row::Rejected(
                malformed(pos, layout.date, "date", date_field, "not a date")
                    .help("dates are dd/mm/yyyy, dd.mm.yyyy or yyyy-mm-dd"),
            );
        };
        let Some(budget) = parse_budget(field(layout.budget)) else {
            return Row::Rejected(
                malformed(
                    pos,
                    layout.budget,
                    "type",
                    field(layout.budget),
                    "neither AE nor CP",
                )
                .help("`type` is `AE` for a commitment or `CP` for a payment"),
            );
        };
        let amount = match parse_amount(field(layout.amount)) {
            Ok(a) => a,
            Err(e) => {
                return Row::Rejected(
                    malformed(
                        pos,
                        layout.amount,
                        "montant",
                        field(layout.amount),
                        e.reason(),
                    )
                    .help("amounts are euros with at most two decimals: `-1 234,56`"),
                );
            }
        };
        let opt = |i: Option<usize>| i.map(|i| trim(field(i)));
        let nonempty = |i: Option<usize>| opt(i).filter(|v| !v.is_empty());
        Row::Transaction(Transaction {
            pos,
            date,
            budget,
            amount,
            ej: nonempty(layout.ej),
            dp: nonempty(layout.dp),
            codes: CodeField::ALL.map(|f| opt(layout.code(f))),
            contract: opt(layout.contract),
            supplier: opt(layout.supplier),
        })
    }
}

fn malformed(pos: RowPos, column: usize, name: &str, value: &[u8], why: &str) -> Diagnostic {
    let shown = String::from_utf8_lossy(value);
    Diagnostic::new(
        Code::InputMalformed,
        format!("row rejected: `{name}` is `{shown}`, {why}"),
    )
    .at_row(pos.to_ref(vec![column], why))
}

fn malformed_width(pos: RowPos, found: usize, expected: usize) -> Diagnostic {
    Diagnostic::new(
        Code::InputMalformed,
        format!("row rejected: {found} fields where the header has {expected}"),
    )
    .at_row(pos.to_ref(Vec::new(), format!("{found} fields")))
    .help("a field holding the delimiter must be quoted; check the export's delimiter")
}

/// Maps header names to the transaction fields. Names compare trimmed and
/// case-insensitively; a BOM before the first is ignored. Returns the
/// missing required columns on failure.
fn layout_of(header: &csv::ByteRecord) -> Result<Layout, Vec<&'static str>> {
    let mut found: [Option<usize>; 12] = [None; 12];
    for (i, name) in header.iter().enumerate() {
        let name = trim(name.strip_prefix(BOM).unwrap_or(name));
        if let Some(k) = COLUMNS
            .iter()
            .position(|c| c.as_bytes().eq_ignore_ascii_case(name))
        {
            if let Some(slot) = found.get_mut(k) {
                slot.get_or_insert(i);
            }
        }
    }
    let [
        date,
        budget,
        amount,
        ej,
        dp,
        programme,
        cf,
        df,
        act,
        cc,
        contract,
        supplier,
    ] = found;
    let (Some(date), Some(budget), Some(amount)) = (date, budget, amount) else {
        let missing = [("date", date), ("type", budget), ("montant", amount)]
            .into_iter()
            .filter(|(_, i)| i.is_none())
            .map(|(n, _)| n)
            .collect();
        return Err(missing);
    };
    Ok(Layout {
        date,
        budget,
        amount,
        ej,
        dp,
        codes: [programme, cf, df, act, cc],
        contract,
        supplier,
        width: header.len(),
    })
}

/// `;`, `,` or tab, whichever the first line holds most of, outside quotes
/// (`;` on a tie or when there is none).
fn detect_delimiter(file: &mut File) -> std::io::Result<u8> {
    let mut first = Vec::new();
    BufReader::new(file.by_ref().take(1 << 16)).read_until(b'\n', &mut first)?;
    let count = |delimiter: u8| {
        let mut quoted = false;
        first
            .iter()
            .filter(|b| {
                if **b == b'"' {
                    quoted = !quoted;
                }
                !quoted && **b == delimiter
            })
            .count()
    };
    let best = [b';', b',', b'\t']
        .into_iter()
        .map(|d| (count(d), d))
        .reduce(|best, next| if next.0 > best.0 { next } else { best });
    Ok(best.map_or(b';', |(_, d)| d))
}

/// Byte ranges of the fields of one raw record, quotes respected.
pub fn field_spans(raw: &[u8], delimiter: u8) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, b) in raw.iter().enumerate() {
        match *b {
            b'"' => quoted = !quoted,
            b if b == delimiter && !quoted => {
                spans.push(start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    spans.push(start..raw.len());
    spans
}
