//! `clausier explain CODE`: the documentation of a diagnostic code.

use crate::i18n::{Lang, Message};
use crate::msg;
use std::io::Write;

use clap::Args;

use super::{EXIT_CLEAN, EXIT_UNUSABLE};
use crate::diag::Code;
use crate::language::keywords::suggest;

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A diagnostic code, e.g. `ceiling.exceeded`; `all` lists every code.
    pub code: String,
}

pub fn run(args: &ExplainArgs, lang: Lang) -> u8 {
    let width = super::terminal_width();
    // A closed pipe (`clausier explain all | head`) ends the output quietly.
    let mut out = std::io::stdout().lock();
    if args.code == "all" {
        for code in Code::ALL {
            let severity = crate::report::text::severity(code.severity(), lang);
            let head = format!("{:<26} {:<13} ", code.as_str(), severity);
            let summary = crate::explain::wrap(&lang.tr(&code.summary()), width, &" ".repeat(41));
            if writeln!(out, "{head}{}", summary.trim_start()).is_err() {
                break;
            }
        }
        return EXIT_CLEAN;
    }
    match Code::ALL.iter().find(|c| c.as_str() == args.code) {
        Some(code) => {
            let _ = write!(out, "{}", crate::explain::render(*code, lang, width));
            EXIT_CLEAN
        }
        None => {
            let names: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
            let hint = suggest(&args.code, &names)
                .map_or(Message::plain(""), |s| msg!("did-you-mean-then", word = s));
            let line = msg!("explain-no-code", code = args.code.as_str(), hint = hint);
            eprintln!("clausier: {}", lang.tr(&line));
            EXIT_UNUSABLE
        }
    }
}

/// Writes every code's explanation, as Markdown, where `clausier lsp` links
/// its diagnostics' codes (the user's cache folder: `XDG_CACHE_HOME`, else
/// `LOCALAPPDATA`, else `~/.cache`, else the temporary folder, then
/// `clausier/VERSION/explain/LANG/`). A page already up to date is left
/// alone. Returns the folder's `file://` address, ending in `/`; `None`,
/// with the reason on standard error, when the pages cannot be written (the
/// diagnostics then carry no link).
pub fn write_pages(lang: Lang) -> Option<String> {
    let dir = cache_dir()
        .join("clausier")
        .join(env!("CARGO_PKG_VERSION"))
        .join("explain")
        .join(lang.code());
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        for code in Code::ALL {
            let path = dir.join(format!("{}.md", code.as_str()));
            let page = crate::explain::markdown(*code, lang);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(page.as_str()) {
                std::fs::write(&path, page)?;
            }
        }
        Ok(())
    });
    if let Err(e) = written {
        eprintln!(
            "clausier lsp: {}",
            lang.tr(&msg!(
                "lsp-no-pages",
                folder = dir.display().to_string(),
                reason = e.to_string()
            ))
        );
        return None;
    }
    file_uri(&dir).map(|uri| uri + "/")
}

fn cache_dir() -> std::path::PathBuf {
    let var = |name| {
        std::env::var_os(name)
            .map(std::path::PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    var("XDG_CACHE_HOME")
        .or_else(|| var("LOCALAPPDATA"))
        .or_else(|| var("HOME").map(|h| h.join(".cache")))
        .unwrap_or_else(std::env::temp_dir)
}

/// The `file://` address of an absolute path, percent-encoded (`C:\Mes
/// documents` is `file:///C:/Mes%20documents`); `None` for a relative path
/// or one that is not Unicode.
pub fn file_uri(path: &std::path::Path) -> Option<String> {
    if !path.is_absolute() {
        return None;
    }
    let text = path.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    Some(uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_addresses() {
        #[cfg(unix)]
        assert_eq!(
            file_uri(std::path::Path::new("/home/agent/été 2024/x.md")).as_deref(),
            Some("file:///home/agent/%C3%A9t%C3%A9%202024/x.md")
        );
        #[cfg(windows)]
        assert_eq!(
            file_uri(std::path::Path::new(r"C:\Users\Jean Dupont\x.md")).as_deref(),
            Some("file:///C:/Users/Jean%20Dupont/x.md")
        );
        assert_eq!(file_uri(std::path::Path::new("relatif/x.md")), None);
    }
}
