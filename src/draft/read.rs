//! The signed text of a convention, from the file it comes in: PDF (its
//! text layer), Word `.docx`, LibreOffice `.odt`, HTML, or plain text in any
//! encoding `check` reads. Each format becomes the same thing: paragraphs
//! (a table's row is one, its cells apart), each with where it stands in
//! the file (page and line for a PDF and a text, paragraph for the others).

use std::io::Read as _;

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::i18n::Message;
use crate::msg;

/// A paragraph of the text, or a table's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Para {
    /// Its lines as the file breaks them, joined by `\n`.
    pub text: String,
    /// A table row's cells; empty for a paragraph.
    pub cells: Vec<String>,
    pub place: Place,
}

/// Where a paragraph starts in the file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Place {
    /// The page, for a PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The line (of the page, for a PDF; of the file, for a text), or the
    /// paragraph's number for the formats without lines.
    pub line: u32,
}

/// The formats a convention's text is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Docx,
    Odt,
    Html,
    Text,
}

/// Reads a convention's text: the format from the file's first bytes (and
/// its name, between the zipped formats and HTML or text).
pub fn read(name: &str, bytes: &[u8]) -> Result<(Format, Vec<Para>), Message> {
    let lower = name.to_ascii_lowercase();
    if bytes.starts_with(b"%PDF") {
        return pdf(bytes).map(|p| (Format::Pdf, p));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|e| msg!("draft-zip", error = e.to_string()))?;
        if zip.by_name("word/document.xml").is_ok() {
            let xml = entry(&mut zip, "word/document.xml")?;
            return xml_paras(&xml, &DOCX, false).map(|p| (Format::Docx, p));
        }
        if zip.by_name("content.xml").is_ok() {
            let xml = entry(&mut zip, "content.xml")?;
            return xml_paras(&xml, &ODT, false).map(|p| (Format::Odt, p));
        }
        return Err(Message::new("draft-zip-unknown"));
    }
    let text = crate::input::encoding::TextFile::decode(bytes).text;
    let head = text.get(..text.len().min(1024)).unwrap_or("");
    let looks_html = lower.ends_with(".html")
        || lower.ends_with(".htm")
        || head.trim_start().starts_with('<') && head.to_ascii_lowercase().contains("<html");
    if looks_html {
        return xml_paras(text.as_bytes(), &HTML, true).map(|p| (Format::Html, p));
    }
    Ok((Format::Text, text_paras(&text, None)))
}

fn entry(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    part: &str,
) -> Result<Vec<u8>, Message> {
    let mut out = Vec::new();
    zip.by_name(part)
        .map_err(|e| msg!("draft-zip", error = e.to_string()))?
        .read_to_end(&mut out)
        .map_err(|e| msg!("draft-zip", error = e.to_string()))?;
    Ok(out)
}

/// A text's paragraphs: runs of lines between blank lines.
pub fn text_paras(text: &str, page: Option<u32>) -> Vec<Para> {
    let mut paras = Vec::new();
    let mut current: Option<Para> = None;
    for (n, line) in (1u32..).zip(text.lines()) {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            paras.extend(current.take());
            continue;
        }
        match &mut current {
            Some(p) => {
                p.text.push('\n');
                p.text.push_str(line.trim());
            }
            None => {
                current = Some(Para {
                    text: line.trim().to_owned(),
                    cells: Vec::new(),
                    place: Place { page, line: n },
                });
            }
        }
    }
    paras.extend(current);
    paras
}

#[cfg(feature = "pdf")]
fn pdf(bytes: &[u8]) -> Result<Vec<Para>, Message> {
    // The PDF crate's own faults must not end the run: caught, they say
    // the file could not be read.
    let pages = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .map_err(|_| Message::new("draft-pdf-unreadable-panic"))?
        .map_err(|e| msg!("draft-pdf-unreadable", error = e.to_string()))?;
    let mut paras = Vec::new();
    for (n, page) in (1u32..).zip(&pages) {
        paras.extend(text_paras(page, Some(n)));
    }
    if paras.iter().all(|p| p.text.trim().is_empty()) {
        return Err(Message::new("draft-pdf-scanned").count("pages", pages.len()));
    }
    Ok(paras)
}

#[cfg(not(feature = "pdf"))]
fn pdf(_: &[u8]) -> Result<Vec<Para>, Message> {
    Err(Message::new("draft-pdf-not-built"))
}

/// The elements of an XML format that make its paragraphs and tables.
struct Tags {
    para: &'static [&'static [u8]],
    row: &'static [u8],
    cell: &'static [u8],
    text: Option<&'static [u8]>,
    tab: &'static [&'static [u8]],
    space: &'static [u8],
    line_break: &'static [&'static [u8]],
    skip: &'static [&'static [u8]],
}

const DOCX: Tags = Tags {
    para: &[b"p"],
    row: b"tr",
    cell: b"tc",
    text: Some(b"t"),
    tab: &[b"tab"],
    space: b"",
    line_break: &[b"br", b"cr"],
    skip: &[b"instrText", b"delText"],
};

const ODT: Tags = Tags {
    para: &[b"p", b"h"],
    row: b"table-row",
    cell: b"table-cell",
    text: None,
    tab: &[b"tab"],
    space: b"s",
    line_break: &[b"line-break"],
    skip: &[b"tracked-changes"],
};

const HTML: Tags = Tags {
    para: &[
        b"p",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"li",
        b"div",
        b"title",
        b"dt",
        b"dd",
        b"blockquote",
        b"pre",
    ],
    row: b"tr",
    cell: b"td",
    text: None,
    tab: &[],
    space: b"",
    line_break: &[b"br"],
    skip: &[b"script", b"style", b"head"],
};

/// The paragraphs of an XML document (HTML read leniently: unclosed
/// elements and unknown entities allowed).
fn xml_paras(xml: &[u8], tags: &Tags, html: bool) -> Result<Vec<Para>, Message> {
    let mut reader = Reader::from_reader(xml);
    if html {
        let config = reader.config_mut();
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
    }
    let mut paras = Vec::new();
    let mut text = String::new();
    let mut cells: Vec<String> = Vec::new();
    let (mut in_row, mut in_cell) = (false, false);
    let mut in_text = tags.text.is_none();
    let mut skipping = 0usize;
    let mut count = 0u32;
    let mut buf = Vec::new();
    let mut flush = |text: &mut String, cells: Vec<String>, paras: &mut Vec<Para>| {
        let t = text.trim();
        if !t.is_empty() || !cells.is_empty() {
            count += 1;
            paras.push(Para {
                text: t.to_owned(),
                cells,
                place: Place {
                    page: None,
                    line: count,
                },
            });
        }
        text.clear();
    };
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).map_err(|e| {
            msg!(
                "draft-xml",
                at = reader.error_position().to_string(),
                error = e.to_string()
            )
        })?;
        match event {
            Event::Start(e) if skipping > 0 && tags.skip.contains(&e.local_name().as_ref()) => {
                skipping += 1;
            }
            Event::End(e) if skipping > 0 && tags.skip.contains(&e.local_name().as_ref()) => {
                skipping -= 1;
            }
            Event::Eof => break,
            _ if skipping > 0 => {}
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if tags.skip.contains(&name) {
                    skipping = 1;
                } else if name == tags.row {
                    flush(&mut text, Vec::new(), &mut paras);
                    in_row = true;
                    cells.clear();
                } else if in_row && (name == tags.cell || html && name == b"th") {
                    in_cell = true;
                    text.clear();
                } else if Some(name) == tags.text {
                    in_text = true;
                } else if tags.line_break.contains(&name) {
                    text.push('\n');
                } else if tags.tab.contains(&name) {
                    text.push('\t');
                } else if name == tags.space && !name.is_empty() {
                    text.push(' ');
                } else if tags.para.contains(&name) && !in_cell {
                    flush(&mut text, Vec::new(), &mut paras);
                }
            }
            Event::Empty(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if tags.line_break.contains(&name) {
                    text.push('\n');
                } else if tags.tab.contains(&name) {
                    text.push('\t');
                } else if name == tags.space && !name.is_empty() {
                    let n = e
                        .try_get_attribute("text:c")
                        .ok()
                        .flatten()
                        .and_then(|a| String::from_utf8_lossy(&a.value).parse::<usize>().ok())
                        .unwrap_or(1);
                    text.push_str(&" ".repeat(n.min(64)));
                }
            }
            Event::End(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if name == tags.row && in_row {
                    in_row = false;
                    let row = std::mem::take(&mut cells);
                    let joined = row.join("\t");
                    text = joined;
                    flush(&mut text, row, &mut paras);
                } else if in_cell && (name == tags.cell || html && name == b"th") {
                    in_cell = false;
                    cells.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
                    text.clear();
                } else if Some(name) == tags.text {
                    in_text = false;
                } else if tags.para.contains(&name) {
                    if in_cell {
                        text.push(' ');
                    } else {
                        flush(&mut text, Vec::new(), &mut paras);
                    }
                }
            }
            Event::Text(t) if in_text => {
                let raw = String::from_utf8_lossy(&t);
                if html {
                    // Line ends in HTML source are spaces.
                    text.push_str(&raw.replace(['\n', '\r'], " "));
                } else {
                    text.push_str(&raw);
                }
            }
            Event::CData(t) if in_text => text.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) if in_text => text.push_str(&entity(&String::from_utf8_lossy(&r))),
            _ => {}
        }
    }
    flush(&mut text, Vec::new(), &mut paras);
    Ok(paras)
}

/// The character of an entity reference (`nbsp`, `#233`, `#x20AC`); an
/// unknown one is kept as written.
fn entity(name: &str) -> String {
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        "laquo" => Some('«'),
        "raquo" => Some('»'),
        "euro" => Some('€'),
        "rsquo" => Some('’'),
        "lsquo" => Some('‘'),
        "ndash" => Some('–'),
        "mdash" => Some('—'),
        "eacute" => Some('é'),
        "egrave" => Some('è'),
        "ecirc" => Some('ê'),
        "agrave" => Some('à'),
        "acirc" => Some('â'),
        "ccedil" => Some('ç'),
        "ocirc" => Some('ô'),
        "ucirc" => Some('û'),
        "icirc" => Some('î'),
        "ugrave" => Some('ù'),
        "deg" => Some('°'),
        "hellip" => Some('…'),
        "Eacute" => Some('É'),
        "oelig" => Some('œ'),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32),
    };
    c.map_or_else(|| format!("&{name};"), String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_paragraphs_and_tables() {
        let html = "<!doctype html><html><head><title>t</title><style>p{}</style></head><body><h1>Article 1er</h1><p>Un&nbsp;plafond de 400&#160;000 &euro;<br>en AE.</p><table><tr><th>Année</th><th>AE</th></tr><tr><td>2017</td><td><p>1 €</p></td></tr></table></body></html>";
        let (format, paras) = read("x.html", html.as_bytes()).unwrap();
        assert_eq!(format, Format::Html);
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Article 1er",
                "Un\u{a0}plafond de 400\u{a0}000 €\nen AE.",
                "Année\tAE",
                "2017\t1 €"
            ]
        );
        assert_eq!(paras[3].cells, ["2017", "1 €"]);
    }

    #[test]
    fn text_paragraphs_keep_their_lines() {
        let (format, paras) = read("x.txt", b"Article 2\n\nElle prend\neffet.\r\n\r\n").unwrap();
        assert_eq!(format, Format::Text);
        assert_eq!(paras.len(), 2);
        assert_eq!(paras[1].text, "Elle prend\neffet.");
        assert_eq!(paras[1].place.line, 3);
    }

    #[test]
    fn texts_in_windows_encodings() {
        // "prend effet le 1er août 2019", in Windows-1252 and in UTF-16 LE.
        let cp1252 = b"Article 2\r\n\r\nElle prend effet le 1er ao\xfbt 2019.\r\n";
        let (_, paras) = read("x.txt", cp1252).unwrap();
        assert_eq!(paras[1].text, "Elle prend effet le 1er août 2019.");
        let mut utf16 = vec![0xff, 0xfe];
        for unit in "Article 2\r\n\r\nle 1er août 2019".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let (_, paras) = read("x.txt", &utf16).unwrap();
        assert_eq!(paras[1].text, "le 1er août 2019");
    }

    #[test]
    fn broken_files_are_errors() {
        assert!(read("x.docx", b"PK\x03\x04broken").is_err());
        assert!(read("x.pdf", b"%PDF-1.4 broken").is_err());
    }
}
