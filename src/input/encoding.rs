//! Text encodings of exports: UTF-8 (with or without BOM) and Windows-1252,
//! which older CHORUS tools write. Readers keep the file's bytes (so byte
//! offsets stay true) and decode only what they show or compare as text.

use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, clap::ValueEnum, serde::Serialize)]
pub enum Encoding {
    #[default]
    #[value(name = "utf-8")]
    #[serde(rename = "utf-8")]
    Utf8,
    #[value(name = "windows-1252")]
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
