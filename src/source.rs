//! The files of a run. Diagnostics refer to them by [`SourceId`]; renderers
//! ask this registry for text: a rule file is held whole, an export row is
//! read back from its file by byte offset when a finding is shown.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::Arc;

use crate::diag::SourceId;
use crate::input::encoding::Encoding;
use crate::input::split::{Event, Splitter};

/// Longest row text a renderer shows; longer rows are cut.
const MAX_ROW_BYTES: usize = 4096;

#[derive(Debug)]
pub enum SourceKind {
    Rule {
        text: String,
    },
    /// An export read from a file, re-read by byte offset to show a row.
    Export {
        path: PathBuf,
        delimiter: u8,
        encoding: Encoding,
    },
    /// A streamed sheet's text, spooled to a temporary file as it was read
    /// (deleted with the registry), re-read by byte offset like a file.
    Spooled {
        path: Arc<tempfile::TempPath>,
        delimiter: u8,
        encoding: Encoding,
    },
    /// An export held in memory: standard input, or a spreadsheet's sheet
    /// turned into text.
    Memory {
        bytes: Arc<[u8]>,
        delimiter: u8,
        encoding: Encoding,
    },
}

#[derive(Debug)]
pub struct SourceFile {
    /// The name shown to users: the path as given on the command line.
    pub name: String,
    pub kind: SourceKind,
}

#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// Column titles of each export, to name fields in text outputs.
    titles: std::collections::HashMap<SourceId, Vec<String>>,
}

/// The text of an export row, with the byte ranges of its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowText {
    pub text: String,
    pub fields: Vec<std::ops::Range<usize>>,
}

impl From<crate::input::open::Origin> for SourceKind {
    /// Where an opened export's text is, as the registry reads rows back
    /// (UTF-8 with `;` until the export's layout says otherwise).
    fn from(origin: crate::input::open::Origin) -> SourceKind {
        use crate::input::open::Origin;
        let (delimiter, encoding) = (b';', Encoding::Utf8);
        match origin {
            Origin::File(path) => SourceKind::Export {
                path,
                delimiter,
                encoding,
            },
            Origin::Spooled(path) => SourceKind::Spooled {
                path,
                delimiter,
                encoding,
            },
            Origin::Memory(bytes) => SourceKind::Memory {
                bytes,
                delimiter,
                encoding,
            },
        }
    }
}

impl Sources {
    pub fn add_rule(&mut self, name: impl Into<String>, text: String) -> SourceId {
        self.files.push(SourceFile {
            name: name.into(),
            kind: SourceKind::Rule { text },
        });
        self.files.len() - 1
    }

    pub fn add_export(&mut self, name: impl Into<String>, kind: SourceKind) -> SourceId {
        self.files.push(SourceFile {
            name: name.into(),
            kind,
        });
        self.files.len() - 1
    }

    /// Records the delimiter and encoding found when the export was opened.
    pub fn set_format(&mut self, id: SourceId, delimiter: u8, encoding: Encoding) {
        if let Some(file) = self.files.get_mut(id) {
            match &mut file.kind {
                SourceKind::Export {
                    delimiter: d,
                    encoding: e,
                    ..
                }
                | SourceKind::Spooled {
                    delimiter: d,
                    encoding: e,
                    ..
                }
                | SourceKind::Memory {
                    delimiter: d,
                    encoding: e,
                    ..
                } => {
                    *d = delimiter;
                    *e = encoding;
                }
                SourceKind::Rule { .. } => {}
            }
        }
    }

    pub fn set_titles(&mut self, id: SourceId, titles: Vec<String>) {
        self.titles.insert(id, titles);
    }

    /// The title of an export's column, if known.
    pub fn column_title(&self, id: SourceId, column: usize) -> Option<&str> {
        self.titles.get(&id)?.get(column).map(String::as_str)
    }

    pub fn get(&self, id: SourceId) -> Option<&SourceFile> {
        self.files.get(id)
    }

    pub fn name(&self, id: SourceId) -> &str {
        self.files.get(id).map_or("?", |f| f.name.as_str())
    }

    pub fn rule_text(&self, id: SourceId) -> Option<&str> {
        match &self.files.get(id)?.kind {
            SourceKind::Rule { text } => Some(text),
            SourceKind::Export { .. } | SourceKind::Spooled { .. } | SourceKind::Memory { .. } => {
                None
            }
        }
    }

    /// Where the first of `columns` (field indexes) starts and ends in the
    /// row at `byte` of a text export: columns of the file's line, in
    /// characters, from 1, the end one past the field (what an editor's
    /// `file:line:col` and SARIF's regions mean). `None` for standard input
    /// and a spreadsheet's rows (no column an editor could go to), a row
    /// with no such field, or one that cannot be read back.
    pub fn field_columns(
        &self,
        id: SourceId,
        byte: u64,
        columns: &[usize],
    ) -> Option<(usize, usize)> {
        if !matches!(self.files.get(id)?.kind, SourceKind::Export { .. }) {
            return None;
        }
        let row = self.row_text(id, byte)?;
        let field = columns.iter().find_map(|c| row.fields.get(*c))?;
        let chars = |end: usize| row.text.get(..end).map(|t| t.chars().count());
        Some((chars(field.start)? + 1, chars(field.end)? + 1))
    }

    /// Reads back the record starting at `byte` in an export: up to the end
    /// of its line (a quoted field may span lines), at most
    /// [`MAX_ROW_BYTES`]. `None` if the file cannot be read.
    pub fn row_text(&self, id: SourceId, byte: u64) -> Option<RowText> {
        let (mut raw, delimiter, encoding) = match &self.files.get(id)?.kind {
            SourceKind::Export {
                path,
                delimiter,
                encoding,
            } => read_at(path, byte, *delimiter, *encoding)?,
            SourceKind::Spooled {
                path,
                delimiter,
                encoding,
            } => read_at(path, byte, *delimiter, *encoding)?,
            SourceKind::Memory {
                bytes,
                delimiter,
                encoding,
            } => {
                let start = usize::try_from(byte).ok()?;
                let rest = bytes.get(start..)?;
                let raw = rest.get(..MAX_ROW_BYTES).unwrap_or(rest).to_vec();
                (raw, *delimiter, *encoding)
            }
            SourceKind::Rule { .. } => return None,
        };
        // The record as the export's reader splits it: a quoted field may
        // span lines; a stray quote (a record running past its line to the
        // wrong width, or never closed) is its line alone, as the reader
        // took it.
        let mut splitter = Splitter::of_bytes(&raw, delimiter);
        if let Some(width) = self.titles.get(&id).map(Vec::len) {
            splitter.set_width(width);
        }
        let fields = match splitter.read_next() {
            Ok(Some(Event::Record)) => splitter.record().raw_spans(),
            _ => return None,
        };
        let end = fields.last().map_or(0, |f| f.end);
        raw.truncate(end);
        // Field spans are computed on the file's bytes, then mapped to the
        // decoded text, whose offsets differ where characters are not ASCII.
        let text = encoding.decode(&raw).into_owned();
        let fields = fields
            .into_iter()
            .map(|r| {
                let start = encoding
                    .decode(raw.get(..r.start).unwrap_or_default())
                    .len();
                let len = encoding
                    .decode(raw.get(r.clone()).unwrap_or_default())
                    .len();
                start..start + len
            })
            .collect();
        Some(RowText { text, fields })
    }
}

/// The bytes of a file from `byte`, at most [`MAX_ROW_BYTES`].
fn read_at(
    path: &std::path::Path,
    byte: u64,
    delimiter: u8,
    encoding: Encoding,
) -> Option<(Vec<u8>, u8, Encoding)> {
    let mut file = File::open(path).ok()?;
    file.seek(SeekFrom::Start(byte)).ok()?;
    let mut raw = Vec::with_capacity(256);
    BufReader::new(file)
        .take(MAX_ROW_BYTES as u64)
        .read_to_end(&mut raw)
        .ok()?;
    Some((raw, delimiter, encoding))
}
