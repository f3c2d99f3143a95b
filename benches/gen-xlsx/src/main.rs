//! `gen-xlsx CSV XLSX [ROWS]`: the benchmark CSV (`../shared/bench/gen.py`)
//! as an XLSX written as CHORUS writes one: dates as dates (serial numbers
//! with a date format), amounts and numbers as numbers, codes and names as
//! shared strings, the header on row 1. rust_xlsxwriter's low-memory mode
//! keeps memory flat up to a full sheet (1,048,576 rows).

use std::io::BufRead;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(csv), Some(xlsx)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: gen-xlsx CSV XLSX [ROWS]");
        std::process::exit(2);
    };
    let limit: Option<u32> = args.get(3).map(|r| r.parse()).transpose()?;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet_with_low_memory();
    sheet.set_name("Restitution")?;
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let reader = std::io::BufReader::new(std::fs::File::open(csv)?);
    let mut lines = reader.lines();
    let header: Vec<String> = match lines.next() {
        Some(h) => h?.split(';').map(str::to_owned).collect(),
        None => return Ok(()),
    };
    let col = |name: &str| header.iter().position(|h| h == name);
    let (date_col, amount_col) = (col("date"), col("montant"));
    let numbers: Vec<Option<usize>> = ["n_ej", "programme", "fournisseur", "ligne"]
        .iter()
        .map(|n| col(n))
        .collect();
    for (c, title) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, title)?;
    }
    for (i, line) in lines.enumerate() {
        let row = i as u32 + 1;
        if limit.is_some_and(|l| row > l) {
            break;
        }
        let line = line?;
        for (c, value) in line.split(';').enumerate() {
            let cu = c as u16;
            if Some(c) == date_col {
                let mut parts = value.split('/').map(|p| p.parse::<u16>());
                if let (Some(Ok(d)), Some(Ok(m)), Some(Ok(y))) = (parts.next(), parts.next(), parts.next()) {
                    let when = ExcelDateTime::from_ymd(y, m as u8, d as u8)?;
                    sheet.write_datetime_with_format(row, cu, &when, &date)?;
                    continue;
                }
            } else if Some(c) == amount_col {
                let plain = value.replace([' ', '\u{a0}'], "").replace(',', ".");
                if let Ok(n) = plain.parse::<f64>() {
                    sheet.write_number(row, cu, n)?;
                    continue;
                }
            } else if numbers.contains(&Some(c)) && !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
                if let Ok(n) = value.parse::<f64>() {
                    sheet.write_number(row, cu, n)?;
                    continue;
                }
            }
            if !value.is_empty() {
                sheet.write_string(row, cu, value)?;
            }
        }
    }
    workbook.save(xlsx).map_err(|e: XlsxError| e.into())
}
