//! The files of a run. Diagnostics refer to them by [`SourceId`]; renderers
//! ask this registry for text: a rule file is held whole, an export row is
//! read back from its file by byte offset when a finding is shown.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::PathBuf;

use crate::diag::SourceId;
use crate::input::csv::field_spans;

/// Longest row text a renderer shows; longer rows are cut.
const MAX_ROW_BYTES: usize = 4096;

#[derive(Debug)]
pub enum SourceKind {
    Rule { text: String },
    Export { path: PathBuf, delimiter: u8 },
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
}

/// The text of an export row, with the byte ranges of its fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowText {
    pub text: String,
    pub fields: Vec<std::ops::Range<usize>>,
}

impl Sources {
    pub fn add_rule(&mut self, name: impl Into<String>, text: String) -> SourceId {
        self.files.push(SourceFile {
            name: name.into(),
            kind: SourceKind::Rule { text },
        });
        self.files.len() - 1
    }

    pub fn add_export(&mut self, name: impl Into<String>, path: PathBuf) -> SourceId {
        self.files.push(SourceFile {
            name: name.into(),
            kind: SourceKind::Export {
                path,
                delimiter: b';',
            },
        });
        self.files.len() - 1
    }

    pub fn set_delimiter(&mut self, id: SourceId, delimiter: u8) {
        if let Some(SourceFile {
            kind: SourceKind::Export { delimiter: d, .. },
            ..
        }) = self.files.get_mut(id)
        {
            *d = delimiter;
        }
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
            SourceKind::Export { .. } => None,
        }
    }

    /// Reads back the record starting at `byte` in an export: up to the end
    /// of its line (a quoted field may span lines), at most
    /// [`MAX_ROW_BYTES`]. `None` if the file cannot be read.
    pub fn row_text(&self, id: SourceId, byte: u64) -> Option<RowText> {
        let SourceKind::Export { path, delimiter } = &self.files.get(id)?.kind else {
            return None;
        };
        let mut file = File::open(path).ok()?;
        file.seek(SeekFrom::Start(byte)).ok()?;
        let mut raw = Vec::with_capacity(256);
        BufReader::new(file)
            .take(MAX_ROW_BYTES as u64)
            .read_to_end(&mut raw)
            .ok()?;
        let end = record_end(&raw);
        raw.truncate(end);
        let text = String::from_utf8_lossy(&raw).into_owned();
        let fields = field_spans(text.as_bytes(), *delimiter);
        Some(RowText { text, fields })
    }
}

/// End of the first record of `raw`: the first line end outside quotes.
fn record_end(raw: &[u8]) -> usize {
    let mut quoted = false;
    for (i, b) in raw.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => return i,
            _ => {}
        }
    }
    raw.len()
}
