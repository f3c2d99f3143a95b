//! The XML of a sheet's rows cut into tags and text, for the XLSX reader's
//! hot loop ([`super::xlsx`]).
//!
//! quick-xml reads the workbook's other parts; on the sheet's data, its
//! event loop and attribute iterator held the reader at 1.8 × the inflate
//! floor (BENCHMARKS.md, "Spreadsheets"), and a row of cells needs far
//! less than a general reader does: start and end tags (their attributes
//! left raw, quote-aware so that a `>` inside a value does not end a tag),
//! text with its entity references apart, CDATA; comments, processing
//! instructions and declarations skipped. A buffer may end anywhere:
//! [`Token::Partial`] says where the last whole token ended, and the caller
//! parses from there again once it has more.

use memchr::{memchr, memchr3, memmem};

/// A piece of XML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attributes>` or, `empty`, `<name attributes/>`.
    Start {
        name: &'a [u8],
        attributes: &'a [u8],
        empty: bool,
    },
    End {
        name: &'a [u8],
    },
    /// Character data, as written (without entity references).
    Text(&'a [u8]),
    /// An entity reference's name, without `&` and `;` (`amp`, `#233`).
    Reference(&'a [u8]),
    /// A CDATA section's content.
    CData(&'a [u8]),
    /// The buffer ends inside a token.
    Partial,
    /// The buffer is read.
    Eof,
}

/// Markup that cannot be XML, where the token begins (`Tokens::at`,
/// which is left there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Malformed {
    /// `&` not followed by a name and `;`.
    Reference,
    /// `<!` not followed by a comment, CDATA or a declaration.
    Bang,
}

/// Tokens of a buffer, from an offset.
pub struct Tokens<'a> {
    bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Tokens<'a> {
    pub fn new(bytes: &'a [u8]) -> Tokens<'a> {
        Tokens { bytes, at: 0 }
    }

    /// The next token; `at` is then where it ends.
    pub fn next_token(&mut self) -> Result<Token<'a>, Malformed> {
        loop {
            let Some(rest) = self.bytes.get(self.at..).filter(|r| !r.is_empty()) else {
                return Ok(Token::Eof);
            };
            match rest.first() {
                Some(b'<') => {
                    if let Some(token) = self.markup(rest)? {
                        return Ok(token);
                    }
                }
                Some(b'&') => {
                    let Some(end) = memchr(b';', rest) else {
                        return Ok(Token::Partial);
                    };
                    let name = rest.get(1..end).unwrap_or_default();
                    if name.is_empty() || name.len() > 32 {
                        return Err(Malformed::Reference);
                    }
                    self.at += end + 1;
                    return Ok(Token::Reference(name));
                }
                _ => {
                    // Text runs to the next markup or reference; at the end
                    // of the buffer it may go on in the next one.
                    let Some(end) = memchr::memchr2(b'<', b'&', rest) else {
                        return Ok(Token::Partial);
                    };
                    self.at += end;
                    return Ok(Token::Text(rest.get(..end).unwrap_or_default()));
                }
            }
        }
    }

    /// A token starting with `<`; `None` for markup that is skipped.
    fn markup(&mut self, rest: &'a [u8]) -> Result<Option<Token<'a>>, Malformed> {
        match rest.get(1) {
            None => Ok(Some(Token::Partial)),
            Some(b'/') => {
                let Some(end) = memchr(b'>', rest) else {
                    return Ok(Some(Token::Partial));
                };
                let name = rest.get(2..end).unwrap_or_default().trim_ascii_end();
                self.at += end + 1;
                Ok(Some(Token::End { name }))
            }
            Some(b'?') => Ok(self.skip(rest, b"?>").then_some(Token::Partial)),
            Some(b'!') => self.bang(rest),
            Some(_) => Ok(Some(self.start(rest))),
        }
    }

    /// A comment or declaration (skipped), or a CDATA section.
    fn bang(&mut self, rest: &'a [u8]) -> Result<Option<Token<'a>>, Malformed> {
        const CDATA: &[u8] = b"<![CDATA[";
        const COMMENT: &[u8] = b"<!--";
        if rest.starts_with(COMMENT) {
            return Ok(self.skip(rest, b"-->").then_some(Token::Partial));
        }
        if rest.starts_with(CDATA) {
            let body = rest.get(CDATA.len()..).unwrap_or_default();
            let Some(end) = memmem::find(body, b"]]>") else {
                return Ok(Some(Token::Partial));
            };
            self.at += CDATA.len() + end + 3;
            return Ok(Some(Token::CData(body.get(..end).unwrap_or_default())));
        }
        if COMMENT.starts_with(rest) || CDATA.starts_with(rest) {
            return Ok(Some(Token::Partial));
        }
        if rest.starts_with(b"<!") && rest.get(2).is_some_and(u8::is_ascii_uppercase) {
            // A declaration (`<!DOCTYPE …>`), which a sheet has no use for.
            return Ok(self.skip(rest, b">").then_some(Token::Partial));
        }
        Err(Malformed::Bang)
    }

    /// Skips past `end`; `true` when the buffer ends first.
    fn skip(&mut self, rest: &[u8], end: &[u8]) -> bool {
        match memmem::find(rest.get(2..).unwrap_or_default(), end) {
            Some(i) => {
                self.at += 2 + i + end.len();
                false
            }
            None => true,
        }
    }

    /// A start tag, its end found past any quoted attribute value.
    fn start(&mut self, rest: &'a [u8]) -> Token<'a> {
        let mut i = 1;
        let end = loop {
            let Some(found) = rest.get(i..).and_then(|r| memchr3(b'>', b'"', b'\'', r)) else {
                return Token::Partial;
            };
            let at = i + found;
            match rest.get(at) {
                Some(b'>') => break at,
                Some(&quote) => match rest.get(at + 1..).and_then(|r| memchr(quote, r)) {
                    Some(close) => i = at + 1 + close + 1,
                    None => return Token::Partial,
                },
                None => return Token::Partial,
            }
        };
        let empty = end > 1 && rest.get(end - 1) == Some(&b'/');
        let inner = rest.get(1..end - usize::from(empty)).unwrap_or_default();
        let name_end = inner
            .iter()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(inner.len());
        self.at += end + 1;
        Token::Start {
            name: inner.get(..name_end).unwrap_or_default(),
            attributes: inner.get(name_end..).unwrap_or_default(),
            empty,
        }
    }
}

/// A name without its namespace prefix (`x:row` → `row`).
pub fn local(name: &[u8]) -> &[u8] {
    match name.iter().position(|&b| b == b':') {
        Some(i) => name.get(i + 1..).unwrap_or_default(),
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(xml: &str) -> Vec<Token<'_>> {
        let mut tokens = Tokens::new(xml.as_bytes());
        let mut out = Vec::new();
        loop {
            let token = tokens.next_token().unwrap();
            out.push(token);
            if matches!(token, Token::Eof | Token::Partial) {
                return out;
            }
        }
    }

    fn start<'a>(name: &'a str, attributes: &'a str, empty: bool) -> Token<'a> {
        Token::Start {
            name: name.as_bytes(),
            attributes: attributes.as_bytes(),
            empty,
        }
    }

    #[test]
    fn tags_text_and_references() {
        assert_eq!(
            all(r#"<c r="A1" t="s"><v>1&amp;2</v></c><c r="B1"/>"#),
            vec![
                start("c", r#" r="A1" t="s""#, false),
                start("v", "", false),
                Token::Text(b"1"),
                Token::Reference(b"amp"),
                Token::Text(b"2"),
                Token::End { name: b"v" },
                Token::End { name: b"c" },
                start("c", r#" r="B1""#, true),
                Token::Eof,
            ]
        );
    }

    #[test]
    fn a_quoted_greater_than_does_not_end_a_tag() {
        assert_eq!(
            all(r#"<x:c a='1>2' b="/>">"#),
            vec![start("x:c", r#" a='1>2' b="/>""#, false), Token::Eof]
        );
        assert_eq!(local(b"x:c"), b"c");
    }

    #[test]
    fn comments_and_instructions_are_skipped_cdata_kept() {
        assert_eq!(
            all("<!-- <row> --><?pi x?><t><![CDATA[a<b]]></t>"),
            vec![
                start("t", "", false),
                Token::CData(b"a<b"),
                Token::End { name: b"t" },
                Token::Eof,
            ]
        );
    }

    #[test]
    fn a_buffer_ending_inside_a_token_is_partial() {
        for cut in [
            "<c r=\"A1",
            "<c r='A1'",
            "</ro",
            "<",
            "<!-",
            "<!-- x",
            "<![CDA",
            "<![CDATA[x]]",
            "<?xml",
            "12",
            "&am",
        ] {
            assert_eq!(all(cut).last(), Some(&Token::Partial), "{cut}");
        }
    }

    #[test]
    fn markup_that_is_not_xml() {
        let mut tokens = Tokens::new(b"<!x>");
        assert!(tokens.next_token().is_err());
        let mut tokens = Tokens::new(b"&;");
        assert!(tokens.next_token().is_err());
    }
}
