//! Spreadsheets streamed as text: every kind of cell, as openpyxl (the
//! committed fixtures of `tests/cases/sheets/`, see `make_cells.py`) and
//! rust_xlsxwriter (written here) write them, gives the expected text, line
//! `n` being row `n` even where the XML omits rows.

use std::io::Read;
use std::path::Path;

use clausier::input::sheet;

/// The rows of every fixture, as text: dates by the workbook's own date
/// system (the time of day dropped), numbers as their shortest decimal,
/// booleans, a quoted field, empty cells, rows 4 and 5 empty, rich text
/// flattened.
const EXPECTED: &str = "date;type;montant;libelle;valide;n_ej\n\
2017-08-24;AE;1234.56;\"Fournisseur; \"\"NUMA\"\"\";true;2103100001\n\
2018-12-31;CP;-10.5;;false;7\n\
\n\
\n\
2020-02-29;AE;400000;Incubateur NUMA\n";

fn streamed(path: &Path) -> String {
    let s = match sheet::stream(path, None) {
        Ok(Some(s)) => s,
        Ok(None) => panic!("{}: not streamed", path.display()),
        Err(d) => panic!("{}: {:?}", path.display(), d.message),
    };
    assert_eq!(s.sheet, "Restitution");
    let mut text = String::new();
    let mut reader = s.reader;
    reader.read_to_string(&mut text).unwrap();
    // The spool holds the same text, for showing rows.
    let spooled = std::fs::read_to_string(&*s.spool).unwrap();
    assert_eq!(spooled, text, "{}: spool", path.display());
    text
}

#[test]
fn openpyxl_fixtures() {
    for name in [
        "cells-openpyxl.xlsx",
        "cells-openpyxl-1904.xlsx",
        "cells-openpyxl-inline.xlsx",
    ] {
        let path = Path::new("tests/cases/sheets").join(name);
        assert_eq!(streamed(&path), EXPECTED, "{name}");
    }
}

/// The same rows by rust_xlsxwriter: shared strings (its default), rich
/// text in the shared strings, and inline strings (its constant-memory
/// mode).
#[test]
fn rust_xlsxwriter_fixtures() {
    use rust_xlsxwriter::{ExcelDateTime, Format, FormatScript, Workbook, Worksheet};
    fn fill(ws: &mut Worksheet, rich: bool) -> Result<(), rust_xlsxwriter::XlsxError> {
        ws.set_name("Restitution")?;
        let date = Format::new().set_num_format("dd/mm/yyyy");
        for (c, title) in ["date", "type", "montant", "libelle", "valide", "n_ej"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *title)?;
        }
        ws.write_datetime_with_format(1, 0, &ExcelDateTime::from_ymd(2017, 8, 24)?, &date)?;
        ws.write_string(1, 1, "AE")?;
        ws.write_number(1, 2, 1234.56)?;
        ws.write_string(1, 3, "Fournisseur; \"NUMA\"")?;
        ws.write_boolean(1, 4, true)?;
        ws.write_number(1, 5, 2103100001.0)?;
        let evening = ExcelDateTime::from_ymd(2018, 12, 31)?.and_hms(18, 0, 0)?;
        ws.write_datetime_with_format(2, 0, &evening, &date)?;
        ws.write_string(2, 1, "CP")?;
        ws.write_number(2, 2, -10.5)?;
        ws.write_boolean(2, 4, false)?;
        ws.write_number(2, 5, 7)?;
        ws.write_datetime_with_format(5, 0, &ExcelDateTime::from_ymd(2020, 2, 29)?, &date)?;
        ws.write_string(5, 1, "AE")?;
        ws.write_number(5, 2, 400000)?;
        if rich {
            let bold = Format::new().set_bold().set_font_script(FormatScript::None);
            let plain = Format::default();
            ws.write_rich_string(5, 3, &[(&plain, "Incubateur "), (&bold, "NUMA")])?;
        } else {
            ws.write_string(5, 3, "Incubateur NUMA")?;
        }
        Ok(())
    }
    let dir = tempfile::tempdir().unwrap();
    for (name, constant) in [("shared.xlsx", false), ("constant.xlsx", true)] {
        let path = dir.path().join(name);
        let mut wb = Workbook::new();
        let ws = if constant {
            wb.add_worksheet_with_constant_memory()
        } else {
            wb.add_worksheet()
        };
        fill(ws, !constant).unwrap();
        wb.save(&path).unwrap();
        if !constant {
            // Its strings are shared: the fixture is what it says (entry
            // names are plain bytes in a zip).
            let bytes = std::fs::read(&path).unwrap();
            let entry = b"xl/sharedStrings.xml";
            assert!(bytes.windows(entry.len()).any(|w| w == entry));
        }
        assert_eq!(streamed(&path), EXPECTED, "{name}");
    }
}

/// A finding on a streamed sheet shows its row, read back from the spool,
/// at the sheet's own row number.
#[test]
fn a_finding_on_a_streamed_sheet_shows_its_row() {
    let (code, stdout, _) = common_check();
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("cells-openpyxl.xlsx[Restitution]:6"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2020-02-29;AE;400000;Incubateur NUMA"),
        "{stdout}"
    );
}

mod common;

fn common_check() -> (i32, String, String) {
    common::clausier(&[
        "check",
        "--color",
        "never",
        "tests/cases/sheets/cells.conv",
        "tests/cases/sheets/cells-openpyxl.xlsx",
    ])
}
