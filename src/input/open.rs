//! Opening an export: a file read in place, standard input, a spreadsheet
//! (its sheet streamed or read whole), bytes held in memory, and the text
//! the byte reader cannot take as it is (UTF-16, CR-only line ends), made
//! UTF-8 with LF. What is opened says where its text lives ([`Origin`]), so
//! that a finding's row can be read back; the caller registers it.

use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::csv::{Input, sample_of};
use super::sheet;
use crate::diag::{Code, Diagnostic};
use crate::i18n::Message;
use crate::msg;

/// Where an opened export's text is, to read a row back by its offset.
pub enum Origin {
    /// A file, read in place.
    File(PathBuf),
    /// A streamed sheet's text, spooled to a temporary file as it is read.
    Spooled(Arc<tempfile::TempPath>),
    /// Text held in memory: standard input, a sheet read whole, a file
    /// transcoded, bytes handed over.
    Memory(Arc<[u8]>),
}

/// An export opened: its name (`file.xlsx[Feuil1]` for a sheet), where its
/// text is, its first bytes (for the layout), a reader of it, and the
/// encoding it was transcoded from, if not UTF-8.
pub struct Opened {
    pub name: String,
    pub origin: Origin,
    pub sample: Vec<u8>,
    pub input: Input,
    pub transcoded_from: Option<&'static str>,
}

/// Text held in memory: where it is, its first bytes and a reader of it.
fn memory(name: String, bytes: Vec<u8>, transcoded_from: Option<&'static str>) -> Opened {
    let bytes: Arc<[u8]> = Arc::from(bytes);
    let sample = bytes.get(..1 << 16).unwrap_or(&bytes).to_vec();
    Opened {
        name,
        input: Input::Reader(Box::new(Cursor::new(Arc::clone(&bytes)))),
        origin: Origin::Memory(bytes),
        sample,
        transcoded_from,
    }
}

/// Opens the export at `path` (`-` is standard input); `sheet` picks a
/// spreadsheet's sheet by name (the first otherwise).
pub fn open(path: &Path, sheet: Option<&str>) -> Result<Opened, Box<Diagnostic>> {
    let shown = path.display().to_string();
    let unreadable = |e: std::io::Error| Box::new(super::unreadable(&shown, &e));
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
        return Ok(memory("(stdin)".to_owned(), bytes, None));
    }
    if sheet::is_spreadsheet(path) {
        return match sheet::stream(path, sheet)? {
            Some(streamed) => {
                // The first bytes, for the layout, then the rest.
                let mut reader = streamed.reader;
                let mut sample = Vec::with_capacity(1 << 16);
                (&mut reader)
                    .take(1 << 16)
                    .read_to_end(&mut sample)
                    .map_err(|e| sheet::unreadable_workbook(path, Message::plain(e.to_string())))?;
                Ok(Opened {
                    name: format!("{shown}[{}]", streamed.sheet),
                    origin: Origin::Spooled(streamed.spool),
                    input: Input::Reader(Box::new(Cursor::new(sample.clone()).chain(reader))),
                    sample,
                    transcoded_from: None,
                })
            }
            None => {
                let (text, name) = sheet::to_text(path, sheet)?;
                Ok(memory(format!("{shown}[{name}]"), text, None))
            }
        };
    }
    let mut file = File::open(path).map_err(unreadable)?;
    let sample = sample_of(&mut file).map_err(unreadable)?;
    match legacy_text(path, &sample).map_err(unreadable)? {
        Some((text, from)) => Ok(memory(shown.clone(), text, from)),
        None => Ok(Opened {
            input: file_input(file, 0, None).map_err(unreadable)?,
            name: shown.clone(),
            origin: Origin::File(path.to_path_buf()),
            sample,
            transcoded_from: None,
        }),
    }
}

/// Opens an export held in memory (`name` says what it is: its extension
/// tells a spreadsheet from text): no file, no thread, nothing spooled.
/// For callers that hold the bytes, such as a browser page.
pub fn open_bytes(
    name: &str,
    bytes: Vec<u8>,
    sheet: Option<&str>,
) -> Result<Opened, Box<Diagnostic>> {
    if sheet::is_spreadsheet(Path::new(name)) {
        let (text, sheet) = sheet::bytes_to_text(name, bytes, sheet)?;
        return Ok(memory(format!("{name}[{sheet}]"), text, None));
    }
    let sample = bytes.get(..1 << 16).unwrap_or(&bytes);
    Ok(match legacy_bytes(sample, &bytes) {
        Some((text, from)) => memory(name.to_owned(), text, from),
        None => memory(name.to_owned(), bytes, None),
    })
}

/// When the first sheet of a workbook (none was picked by name) lacks a
/// column, it is not the data: the help names the other sheets.
pub fn name_other_sheets(
    mut d: Box<Diagnostic>,
    path: &Path,
    sheet: Option<&str>,
) -> Box<Diagnostic> {
    let first_sheet = sheet::is_spreadsheet(path) && sheet.is_none();
    let names = if first_sheet && d.code == Code::InputMissingColumn {
        sheet::names(path)
    } else {
        Vec::new()
    };
    if names.len() > 1 {
        let other = names.get(1).cloned().unwrap_or_default();
        let hint = msg!("sheets-try", sheets = names.join(", "), other = other);
        d.help = Some(match d.help.take() {
            Some(help) => msg!("help-then", first = help, then = hint),
            None => hint,
        });
    }
    d
}

/// The text of an export that the byte reader cannot take as it is, and
/// the encoding it was decoded from, if not UTF-8.
type Transcoded = (Vec<u8>, Option<&'static str>);

/// [`legacy_text`] of bytes in memory.
fn legacy_bytes(sample: &[u8], bytes: &[u8]) -> Option<Transcoded> {
    let utf16 = sample.starts_with(b"\xff\xfe") || sample.starts_with(b"\xfe\xff");
    let cr_only = sample.contains(&b'\r') && !sample.contains(&b'\n');
    if utf16 {
        let file = super::encoding::TextFile::decode(bytes);
        return Some((file.text.into_bytes(), Some(file.encoding.name())));
    }
    if !cr_only || bytes.contains(&b'\n') {
        return None;
    }
    Some((
        bytes
            .iter()
            .map(|&b| if b == b'\r' { b'\n' } else { b })
            .collect(),
        None,
    ))
}

/// The text of an export that the byte reader cannot take as it is:
/// UTF-16 (Excel's "Unicode text", with its BOM), made UTF-8, and files
/// whose lines end in CR alone (old Mac OS), made LF. `None` for any other
/// file, which is read in place. `sample` holds the file's first bytes.
fn legacy_text(path: &Path, sample: &[u8]) -> std::io::Result<Option<Transcoded>> {
    let utf16 = sample.starts_with(b"\xff\xfe") || sample.starts_with(b"\xfe\xff");
    let cr_only = sample.contains(&b'\r') && !sample.contains(&b'\n');
    if !utf16 && !cr_only {
        return Ok(None);
    }
    let bytes = std::fs::read(path)?;
    Ok(legacy_bytes(sample, &bytes))
}

/// Bytes `from..to` of a file (`to` unset: to its end): mapped when the
/// file is a regular one, else read from `from` through a buffer.
pub fn file_input(mut file: File, from: u64, to: Option<u64>) -> std::io::Result<Input> {
    let meta = file.metadata()?;
    if meta.is_file() {
        let to = to.unwrap_or(meta.len());
        return Ok(Input::File { file, from, to });
    }
    file.seek(SeekFrom::Start(from))?;
    let reader = BufReader::with_capacity(1 << 16, file);
    Ok(Input::Reader(match to {
        Some(to) => Box::new(reader.take(to.saturating_sub(from))),
        None => Box::new(reader),
    }))
}
