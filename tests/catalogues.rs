//! The message catalogues (`locales/<lang>/*.ftl`): each parses, French
//! and English hold the same entries (and attributes), and every entry is
//! used by the code.

use std::collections::BTreeSet;

use clausier::i18n::Lang;
use fluent_bundle::FluentResource;
use fluent_syntax::ast::Entry;

mod common;

/// `id` and `id.attribute` of every message of a catalogue file.
fn entries(text: &str, file: &str) -> BTreeSet<String> {
    let resource = match FluentResource::try_new(text.to_owned()) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{file}: {errors:?}"),
    };
    let mut ids = BTreeSet::new();
    for entry in resource.entries() {
        if let Entry::Message(m) = entry {
            if m.value.is_some() {
                ids.insert(m.id.name.to_owned());
            }
            for a in &m.attributes {
                ids.insert(format!("{}.{}", m.id.name, a.id.name));
            }
        }
    }
    ids
}

#[test]
fn french_and_english_hold_the_same_entries() {
    let fr = Lang::Fr.catalogue();
    let en = Lang::En.catalogue();
    assert_eq!(
        fr.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
        en.iter().map(|(f, _)| *f).collect::<Vec<_>>()
    );
    for ((file, fr_text), (_, en_text)) in fr.iter().zip(en) {
        let fr_ids = entries(fr_text, file);
        let en_ids = entries(en_text, file);
        let only_fr: Vec<_> = fr_ids.difference(&en_ids).collect();
        let only_en: Vec<_> = en_ids.difference(&fr_ids).collect();
        assert!(
            only_fr.is_empty() && only_en.is_empty(),
            "{file}: only in French: {only_fr:?}; only in English: {only_en:?}"
        );
    }
}

/// Every Rust source under `src/`, concatenated.
fn sources() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let path = e.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push_str(&std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut out = String::new();
    walk(&common::root().join("src"), &mut out);
    out
}

#[test]
fn every_entry_is_used() {
    let code = sources();
    // Entries named from a diagnostic code (`code-ceiling-exceeded`) are
    // used through `Code::ALL`.
    let from_codes: BTreeSet<String> = clausier::diag::Code::ALL
        .iter()
        .map(|c| c.as_str().replace('.', "-"))
        .collect();
    // Entries of `--help` (`help-<command path>-<argument>`) are used
    // through the command line's tree.
    let mut helps = std::collections::BTreeSet::new();
    fn walk(c: &clap::Command, path: &str, out: &mut std::collections::BTreeSet<String>) {
        out.insert(format!("help-{path}"));
        for a in c.get_arguments() {
            out.insert(format!("help-{path}-{}", a.get_id()));
        }
        for s in c.get_subcommands() {
            walk(s, &format!("{path}-{}", s.get_name()), out);
        }
    }
    walk(&clausier::cli::command(Lang::En), "clausier", &mut helps);
    // What each keyword means, for the language server's hover.
    helps.extend(
        clausier::lsp::hover_keywords()
            .into_iter()
            .map(clausier::lsp::hover_id),
    );
    let mut unused = Vec::new();
    for (file, text) in Lang::En.catalogue() {
        for id in entries(text, file) {
            if helps.contains(&id) {
                continue;
            }
            let name = id.split('.').next().unwrap_or(&id);
            let by_code = name.split_once('-').is_some_and(|(prefix, rest)| {
                ["code", "explain"].contains(&prefix) && from_codes.contains(rest)
            });
            if by_code {
                continue;
            }
            if !code.contains(&format!("\"{id}\"")) && !code.contains(&format!("\"{name}\"")) {
                unused.push(format!("{file}: {id}"));
            }
        }
    }
    assert!(unused.is_empty(), "entries no code uses: {unused:#?}");
}

#[test]
fn every_entry_renders_in_both_languages() {
    // An entry whose text is its own id was not found; an entry that
    // renders with a Fluent error shows `{$x}`-like fallbacks.
    for lang in Lang::ALL {
        for (file, text) in lang.catalogue() {
            for id in entries(text, file) {
                assert!(lang.has(&id), "{file}: {id} not loaded");
            }
        }
    }
}

#[test]
fn the_command_line_is_valid_in_both_languages() {
    // clap's own consistency checks, on the localized help.
    for lang in Lang::ALL {
        clausier::cli::command(lang).debug_assert();
    }
    let help = clausier::cli::command(Lang::Fr)
        .find_subcommand_mut("check")
        .map(|c| c.render_long_help().to_string())
        .unwrap_or_default();
    assert!(help.contains("Utilisation"), "{help}");
    assert!(help.contains("Contrôle les opérations exportées"), "{help}");
    // French puts a no-break space before a colon, in clap's headings too;
    // and clap's own `help` command is said in French.
    assert!(
        help.contains("Arguments\u{a0}:") && help.contains("Options\u{a0}:"),
        "{help}"
    );
    let root = clausier::cli::command(Lang::Fr).render_help().to_string();
    assert!(
        root.contains("Commandes\u{a0}:") && root.contains("Options\u{a0}:"),
        "{root}"
    );
    assert!(
        !root.contains("Options:") && !root.contains("Commands:"),
        "{root}"
    );
    assert!(
        root.contains("Affiche ce message, ou l'aide des commandes données"),
        "{root}"
    );
    assert!(!root.contains("Print this message"), "{root}");
}

/// The house rules of both catalogues, line by line (comments aside):
/// French elides its articles before a vowel (`l'activité`, never `le
/// activité`), and no sentence names a column by its identifier in
/// backquotes (`centre_financier`): it says it in words, or gives the
/// export's own title.
#[test]
fn the_catalogues_follow_the_house_rules() {
    let unelided = regex::Regex::new(
        r"(?:^|[^\w'’-])(le|la|de|que|ne|se|ce|je|me|te)\s+[aeiouyéèêëàâîïôûAEIOUYÉÈ]",
    )
    .unwrap();
    let snake = regex::Regex::new(r"`[a-z]+_[a-z_]+`").unwrap();
    let mut broken = Vec::new();
    for lang in Lang::ALL {
        for (file, text) in lang.catalogue() {
            for (n, line) in text.lines().enumerate() {
                if line.trim_start().starts_with('#') {
                    continue;
                }
                if lang == Lang::Fr
                    && let Some(m) = unelided.find(line)
                {
                    broken.push(format!(
                        "{lang:?} {file}:{}: `{}` in {line}",
                        n + 1,
                        m.as_str()
                    ));
                }
                if let Some(m) = snake.find(line) {
                    broken.push(format!(
                        "{lang:?} {file}:{}: `{}` in {line}",
                        n + 1,
                        m.as_str()
                    ));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}
