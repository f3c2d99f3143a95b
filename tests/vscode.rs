//! The VS Code extension (`editors/vscode/`): its manifest names files that
//! exist, and its TextMate grammar gives every keyword of the language a
//! keyword scope, on the bundled rule files too. The grammar's patterns are
//! compiled with the regex crate, whose syntax they keep to (a subset of
//! the Oniguruma syntax editors use).

use serde_json::Value;

mod common;

fn extension(path: &str) -> std::path::PathBuf {
    common::root().join("editors/vscode").join(path)
}

fn json(path: &str) -> Value {
    let text = std::fs::read_to_string(extension(path)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn grammar() -> Value {
    json("syntaxes/clausier.tmLanguage.json")
}

fn rule(name: &str) -> regex::Regex {
    let g = grammar();
    let pattern = g["repository"][name]["match"].as_str().unwrap();
    regex::Regex::new(pattern).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_manifest_names_files_that_exist() {
    let manifest = json("package.json");
    let contributes = &manifest["contributes"];
    for path in [
        contributes["languages"][0]["configuration"]
            .as_str()
            .unwrap(),
        contributes["grammars"][0]["path"].as_str().unwrap(),
        manifest["main"].as_str().unwrap(),
    ] {
        assert!(extension(path).exists(), "{path} is missing");
    }
    json("language-configuration.json");
}

#[test]
fn every_pattern_compiles() {
    let g = grammar();
    for (name, r) in g["repository"].as_object().unwrap() {
        for key in ["match", "begin", "end"] {
            if let Some(p) = r[key].as_str() {
                regex::Regex::new(p).unwrap_or_else(|e| panic!("{name}.{key}: {e}"));
            }
        }
    }
}

#[test]
fn every_keyword_gets_a_keyword_scope() {
    let g = grammar();
    assert_eq!(
        g["repository"]["keyword"]["captures"]["1"]["name"],
        "keyword.control.clausier"
    );
    let keyword = rule("keyword");
    for word in clausier::language::keywords::keywords() {
        let line = format!("  {word} 1");
        let found = keyword
            .captures(&line)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str());
        assert_eq!(
            found,
            Some(word),
            "`{word}` is not a keyword to the grammar"
        );
    }
    // On the bundled rule files: every line's head word that lowering
    // knows is highlighted as a keyword.
    let known: Vec<&str> = clausier::language::keywords::keywords().collect();
    let mut heads = 0;
    for file in common::files_in("rules", "conv") {
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            let Some(head) = line.split_whitespace().next() else {
                continue;
            };
            if !known.contains(&head) {
                continue;
            }
            heads += 1;
            let found = keyword
                .captures(line)
                .and_then(|c| c.get(1))
                .map(|m| m.as_str());
            assert_eq!(found, Some(head), "{}: {line}", file.display());
        }
    }
    assert!(heads > 100, "only {heads} keywords seen");
}

#[test]
fn values_get_their_scopes() {
    let cases = [
        ("amount", "plafond AE 400 000 €", "400 000 €"),
        ("amount", "2017 AE 296 210 € CP 48 105 €", "296 210 €"),
        ("date", "signature 2017-08-24", "2017-08-24"),
        ("code", "centre-financier 0124-CDAF-CDSI", "0124-CDAF-CDSI"),
        ("code", "centre-de-coûts DININCUB75", "DININCUB75"),
        (
            "diagnostic-code",
            "dérogation commitment.overpaid ej 1",
            "commitment.overpaid",
        ),
        (
            "comment",
            "  # Article 4 : plafond",
            "# Article 4 : plafond",
        ),
    ];
    for (name, line, expected) in cases {
        let found = rule(name).find(line).map(|m| m.as_str());
        assert_eq!(found, Some(expected), "{name} on `{line}`");
    }
}
