//! Text encodings of exports: UTF-8 (with or without BOM) and Windows-1252,
//! which older CHORUS tools write. Readers keep the file's bytes (so byte
//! offsets stay true) and decode only what they show or compare as text.

use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Encoding {
    #[default]
    #[cfg_attr(feature = "cli", value(name = "utf-8"))]
    #[serde(rename = "utf-8")]
    Utf8,
    #[cfg_attr(feature = "cli", value(name = "windows-1252"))]
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    /// Guesses from the first bytes of a file: UTF-8 if they are valid UTF-8
    /// (a character cut at the end of a `truncated` sample is allowed),
    /// else Windows-1252, which any byte sequence is.
    pub fn detect(sample: &[u8], truncated: bool) -> Encoding {
        match std::str::from_utf8(sample) {
            Ok(_) => Encoding::Utf8,
            // A multi-byte character cut by the end of the sample.
            Err(e) if truncated && e.error_len().is_none() => Encoding::Utf8,
            Err(_) => Encoding::Windows1252,
        }
    }

    pub fn decode(self, bytes: &[u8]) -> Cow<'_, str> {
        match self {
            Encoding::Utf8 => String::from_utf8_lossy(bytes),
            Encoding::Windows1252 => match std::str::from_utf8(bytes) {
                Ok(ascii) if bytes.is_ascii() => Cow::Borrowed(ascii),
                _ => Cow::Owned(bytes.iter().map(|b| windows_1252(*b)).collect()),
            },
        }
    }

    /// Encodes text of the profile (column titles, markers) for byte
    /// comparison with fields; characters the encoding lacks become `?`.
    pub fn encode(self, text: &str) -> Vec<u8> {
        match self {
            Encoding::Utf8 => text.as_bytes().to_vec(),
            Encoding::Windows1252 => text
                .chars()
                .map(|c| (0u8..=255).find(|b| windows_1252(*b) == c).unwrap_or(b'?'))
                .collect(),
        }
    }
}

/// The character of a Windows-1252 byte. The five bytes the code page leaves
/// undefined map to the C1 controls of the same value, as WHATWG does.
/// How the lines of a text file end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LineEnding {
    #[default]
    Lf,
    /// Windows.
    CrLf,
    /// Old Mac OS.
    Cr,
}

/// A text file as read: its text (UTF-8, without BOM, lines ending in
/// `\n` or `\r\n` as written; a CR-only file has its line ends made `\n`),
/// and what it takes to write it back as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextFile {
    pub text: String,
    pub encoding: TextEncoding,
    pub bom: bool,
    pub line_ending: LineEnding,
}

/// The encodings a rule file or profile is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Windows1252,
    Utf16Le,
    Utf16Be,
}

impl TextEncoding {
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Windows1252 => "windows-1252",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
        }
    }
}

impl TextFile {
    /// Reads the bytes of a text file from Windows or elsewhere: UTF-8 with
    /// or without BOM, UTF-16 with its BOM (Notepad's "Unicode"), else
    /// Windows-1252; CRLF, LF or CR line ends.
    pub fn decode(bytes: &[u8]) -> TextFile {
        let (text, encoding, bom) = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
            (
                String::from_utf8_lossy(rest).into_owned(),
                TextEncoding::Utf8,
                true,
            )
        } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
            (utf16(rest, u16::from_le_bytes), TextEncoding::Utf16Le, true)
        } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
            (utf16(rest, u16::from_be_bytes), TextEncoding::Utf16Be, true)
        } else {
            match std::str::from_utf8(bytes) {
                Ok(t) => (t.to_owned(), TextEncoding::Utf8, false),
                Err(_) => (
                    Encoding::Windows1252.decode(bytes).into_owned(),
                    TextEncoding::Windows1252,
                    false,
                ),
            }
        };
        let line_ending = if text.contains("\r\n") {
            LineEnding::CrLf
        } else if text.contains('\r') && !text.contains('\n') {
            LineEnding::Cr
        } else {
            LineEnding::Lf
        };
        let text = match line_ending {
            LineEnding::Cr => text.replace('\r', "\n"),
            _ => text,
        };
        TextFile {
            text,
            encoding,
            bom,
            line_ending,
        }
    }

    /// Text with `\n` line ends as this file would hold it: its line ends,
    /// BOM and encoding (characters Windows-1252 lacks become `?`).
    pub fn encode(&self, text: &str) -> Vec<u8> {
        let text = match self.line_ending {
            LineEnding::Lf => text.to_owned(),
            LineEnding::CrLf => text.replace("\r\n", "\n").replace('\n', "\r\n"),
            LineEnding::Cr => text.replace('\n', "\r"),
        };
        let mut out = Vec::with_capacity(text.len() + 3);
        match self.encoding {
            TextEncoding::Utf8 => {
                if self.bom {
                    out.extend_from_slice(b"\xef\xbb\xbf");
                }
                out.extend_from_slice(text.as_bytes());
            }
            TextEncoding::Windows1252 => out.extend(Encoding::Windows1252.encode(&text)),
            TextEncoding::Utf16Le => {
                out.extend_from_slice(b"\xff\xfe");
                out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            }
            TextEncoding::Utf16Be => {
                out.extend_from_slice(b"\xfe\xff");
                out.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
            }
        }
        out
    }

    /// The text with `\n` line ends, as the formatter writes it.
    pub fn normalized(&self) -> String {
        self.text.replace("\r\n", "\n")
    }
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> String {
    let units = bytes
        .chunks_exact(2)
        .map(|p| read(<[u8; 2]>::try_from(p).unwrap_or_default()));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH.get(usize::from(b - 0x80)).copied().unwrap_or('?'),
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_from_windows() {
        let crlf_bom = TextFile::decode(b"\xef\xbb\xbfa\r\nb\r\n");
        assert_eq!(crlf_bom.text, "a\r\nb\r\n");
        assert_eq!(crlf_bom.line_ending, LineEnding::CrLf);
        assert_eq!(crlf_bom.encode("a\nc\n"), b"\xef\xbb\xbfa\r\nc\r\n");
        let latin = TextFile::decode(b"dur\xe9e\r");
        assert_eq!(latin.text, "dur\u{e9}e\n");
        assert_eq!(latin.encoding, TextEncoding::Windows1252);
        assert_eq!(latin.encode("\u{e9}\n"), b"\xe9\r");
        let utf16 = TextFile::decode(b"\xff\xfed\0\xe9\0\n\0");
        assert_eq!(utf16.text, "d\u{e9}\n");
        assert_eq!(utf16.encode("d\u{e9}\n"), b"\xff\xfed\0\xe9\0\n\0");
    }

    #[test]
    fn detection_and_decoding() {
        assert_eq!(
            Encoding::detect("Non affecté".as_bytes(), false),
            Encoding::Utf8
        );
        assert_eq!(
            Encoding::detect(b"Non affect\xe9", false),
            Encoding::Windows1252
        );
        assert_eq!(Encoding::detect(b"Non affect\xe9", true), Encoding::Utf8);
        // A sample cut in the middle of "é".
        assert_eq!(Encoding::detect(b"Non affect\xc3", true), Encoding::Utf8);
        assert_eq!(
            Encoding::detect(b"Non affect\xe9 ", true),
            Encoding::Windows1252
        );
        let w = Encoding::Windows1252;
        assert_eq!(w.decode(b"R\xe9sultat \x80 \x96"), "Résultat € –");
        assert_eq!(w.encode("Résultat"), b"R\xe9sultat");
        assert_eq!(w.decode(&w.encode("Coûts – 12 €")), "Coûts – 12 €");
    }
}
