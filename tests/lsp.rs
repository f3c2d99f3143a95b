//! The language server, spoken to as an editor does: the real binary
//! (`clausier lsp`), JSON-RPC messages framed by `Content-Length` on its
//! standard input and output.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

struct Client {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    next: i64,
    /// The server's cache folder, where it writes the explain pages.
    cache: tempfile::TempDir,
}

impl Client {
    fn start() -> Client {
        Client::with(&["--lang", "en", "lsp"], &[])
    }

    /// A server started with `args`, in an environment with `vars` and no
    /// language variable of the machine's.
    fn with(args: &[&str], vars: &[(&str, &str)]) -> Client {
        let cache = tempfile::tempdir().unwrap();
        let mut command = Command::new(env!("CARGO_BIN_EXE_clausier"));
        for var in ["CLAUSIER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            command.env_remove(var);
        }
        let mut child = command
            .args(args)
            .envs(vars.iter().copied())
            .env("XDG_CACHE_HOME", cache.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("clausier lsp starts");
        let input = child.stdin.take().unwrap();
        let output = BufReader::new(child.stdout.take().unwrap());
        Client {
            child,
            input,
            output,
            next: 1,
            cache,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    fn receive(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.output.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.output.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.receive();
            if message["id"] == id {
                assert!(message.get("error").is_none(), "{method}: {message}");
                return message["result"].clone();
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next notification of `method`.
    fn notified(&mut self, method: &str) -> Value {
        loop {
            let message = self.receive();
            if message["method"] == method {
                return message["params"].clone();
            }
        }
    }
}

const URI: &str = "file:///essai/faute.conv";

const TEXT: &str = "convention \"Essai\" {
  signature 2017-08-24
  délégant \"DSI\"
  délégataire \"DINSIC\"
  marché \"incubateur\" titulaire \"NUMA\" chorus 1001091655
  durée {
    effet signature
    fin 2018-12-31
  }
  plafnd AE 400 000 €
  plafond CP 400 000 €
  échéancier {
    2017 AE 296 210 € CP 48 105 €
    2018 AE 103 790 € CP 351 895 €
  }
  imputation {
    programme 124
    centre-financier 0129-CDAF-CDSI
  }
  enveloppe \"investissement\" {
    activité 012460111304
    plafond AE 10 000 €
  }
  préavis 3 mois
  dénonciation 2018-06-01 par délégant
  avenant 1 {
    signature 2018-01-10
    effet 2018-02-01
    retire marché \"incubateur\"
    enveloppe \"investissement\" {
      plafond AE 20 000 €
    }
  }
  dérogation commitment.overpaid ej 2103100001 {
    motif \"régularisation\"
    approuvée-par \"CBCM\"
  }
}
";

/// The position of the `nth` occurrence of `needle` in TEXT, moved
/// `shift` characters into it (columns in UTF-16 units, as LSP counts).
fn find(needle: &str, nth: usize, shift: usize) -> (u32, u32) {
    find_in(TEXT, needle, nth, shift)
}

/// The same in any text.
fn find_in(text: &str, needle: &str, nth: usize, shift: usize) -> (u32, u32) {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle}"))
        .0;
    let before = &text[..start];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..start].encode_utf16().count() + shift;
    (line as u32, column as u32)
}

fn at_text(needle: &str, nth: usize, shift: usize) -> Value {
    let (line, character) = find(needle, nth, shift);
    at(line, character)
}

/// The labels of a completion's items.
fn labels_of(items: &Value) -> Vec<String> {
    items
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|i| i["label"].as_str())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn at(line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}})
}

#[test]
fn an_editor_session() {
    let mut client = Client::start();
    let init = client.request("initialize", json!({"capabilities": {}, "processId": null}));
    let caps = &init["capabilities"];
    for capability in [
        "hoverProvider",
        "completionProvider",
        "documentFormattingProvider",
        "documentSymbolProvider",
        "definitionProvider",
        "codeActionProvider",
    ] {
        assert!(!caps[capability].is_null(), "no {capability}: {caps}");
    }
    client.notify("initialized", json!({}));

    // A document with a misspelt keyword: its diagnostic, with its code.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "clausier", "version": 1, "text": TEXT}}),
    );
    let published = client.notified("textDocument/publishDiagnostics");
    let diagnostics = published["diagnostics"].as_array().unwrap();
    let typo = diagnostics
        .iter()
        .find(|d| d["code"] == "clause.unknown")
        .unwrap_or_else(|| panic!("no clause.unknown in {published}"));
    let (line, character) = find("plafnd", 0, 0);
    assert_eq!(
        typo["range"]["start"],
        json!({"line": line, "character": character})
    );
    assert!(
        typo["message"].as_str().unwrap().contains("plafond"),
        "{typo}"
    );
    // Its code links to its explain page, written by the server.
    let href = typo["codeDescription"]["href"].as_str().unwrap_or_default();
    let page = href
        .strip_prefix("file://")
        .unwrap_or_else(|| panic!("no file link in {typo}"));
    assert!(
        page.starts_with(client.cache.path().to_str().unwrap()),
        "{page}"
    );
    assert!(page.ends_with("/explain/en/clause.unknown.md"), "{page}");
    let text = std::fs::read_to_string(page).unwrap();
    assert!(text.starts_with("# `clause.unknown` (error)"), "{text}");
    assert!(text.contains("## How to fix"), "{text}");

    // Hover: a keyword's meaning; the end in force on a notice; a code.
    let hover = client.request("textDocument/hover", at_text("imputation", 0, 2));
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("codes every expense"),
        "{hover}"
    );
    let hover = client.request("textDocument/hover", at_text("préavis", 0, 2));
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("end in force: 2018-09-01"), "{value}");
    let hover = client.request("textDocument/hover", at_text("commitment.overpaid", 0, 3));
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("commitment.overpaid"),
        "{hover}"
    );

    // Hover on a market: what its rows carry, its supplier number checked.
    let hover = client.request("textDocument/hover", at_text("1001091655", 0, 2));
    let value = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(
        value.contains("an authorised contract, « incubateur »"),
        "{value}"
    );
    assert!(
        value.contains("`1001091655`: a CHORUS supplier number"),
        "{value}"
    );

    // Completion: clauses at the head of a line, codes after `dérogation`.
    let items = client.request("textDocument/completion", at_text("plafond CP", 0, 0));
    let labels = labels_of(&items);
    assert!(
        labels.iter().any(|l| l == "plafond") && labels.iter().any(|l| l == "échéancier"),
        "{labels:?}"
    );
    let items = client.request(
        "textDocument/completion",
        at_text("commitment.overpaid", 0, 0),
    );
    let labels = labels_of(&items);
    assert!(labels.iter().any(|l| l == "ceiling.exceeded"), "{labels:?}");
    // Only the findings about a row, which a waiver can accept.
    for not_on_rows in [
        "syntax.error",
        "clause.unknown",
        "input.malformed",
        "waiver.unused",
    ] {
        assert!(
            !labels.iter().any(|l| l == not_on_rows),
            "{not_on_rows} in {labels:?}"
        );
    }
    let items = client.request("textDocument/completion", at_text("mois", 0, 0));
    let labels = labels_of(&items);
    assert!(labels.iter().any(|l| l == "mois"), "{labels:?}");

    // Outline, and go to definition from an amendment to its market.
    let outline = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let children: Vec<&str> = outline[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        children.contains(&"avenant 1") && children.contains(&"durée"),
        "{children:?}"
    );
    let target = client.request("textDocument/definition", at_text("\"incubateur\"", 1, 2));
    let (line, character) = find("marché", 0, 0);
    assert_eq!(
        target["range"]["start"],
        json!({"line": line, "character": character})
    );
    let target = client.request(
        "textDocument/definition",
        at_text("\"investissement\"", 1, 2),
    );
    let (line, character) = find("enveloppe", 0, 0);
    assert_eq!(
        target["range"]["start"],
        json!({"line": line, "character": character})
    );

    // More hover: a code's format and programme, a ceiling's schedule,
    // what an amendment changes.
    let hovered = |client: &mut Client, needle: &str, shift: usize| {
        let hover = client.request("textDocument/hover", at_text(needle, 0, shift));
        hover["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let value = hovered(&mut client, "0129-CDAF-CDSI", 3);
    assert!(value.contains("this code has it"), "{value}");
    assert!(
        value.contains("does not agree with the programme"),
        "{value}"
    );
    let value = hovered(&mut client, "012460111304", 3);
    assert!(value.contains("it agrees with the programme"), "{value}");
    let value = hovered(&mut client, "plafond CP", 2);
    assert!(
        value.contains("the AE schedule adds up to €400,000.00 over 2 years"),
        "{value}"
    );
    let value = hovered(&mut client, "avenant", 2);
    assert!(value.contains("`retire marché \"incubateur\"`"), "{value}");

    // Completion of the envelope names an amendment can name.
    let items = client.request(
        "textDocument/completion",
        at_text("\"investissement\"", 1, 0),
    );
    let labels = labels_of(&items);
    assert_eq!(labels, ["\"investissement\""]);

    // The misspelling's code action, applied as an editor would.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI},
               "range": {"start": {"line": find("plafnd", 0, 0).0, "character": find("plafnd", 0, 0).1}, "end": {"line": find("plafnd", 0, 6).0, "character": find("plafnd", 0, 6).1}},
               "context": {"diagnostics": []}}),
    );
    let action = &actions[0];
    assert_eq!(action["kind"], "quickfix");
    let edit = &action["edit"]["changes"][URI][0];
    assert_eq!(edit["newText"], "plafond");
    let fixed = TEXT.replacen("plafnd", "plafond", 1);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let published = client.notified("textDocument/publishDiagnostics");
    assert!(
        !published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "clause.unknown"),
        "{published}"
    );

    // Formatting: the same text as `clausier fmt`.
    let messy = "convention \"Essai\" {\n signature   2017-08-24\n}\n";
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": messy}]}),
    );
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(
        edits[0]["newText"],
        clausier::language::format::format(messy).unwrap()
    );

    // Hover on a renewal: each renewal's dates and the last day a notice
    // stops it (art. 641); then a notice given in time stops the second.
    let renewing = include_str!("../rules/hebergement-2019.conv");
    let hover_renewal = |client: &mut Client, text: &str, version: u32| {
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": text}]}),
        );
        let _ = client.notified("textDocument/publishDiagnostics");
        let (line, character) = find_in(text, "reconduction 1 an", 0, 2);
        let hover = client.request("textDocument/hover", at(line, character));
        hover["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let value = hover_renewal(&mut client, renewing, 4);
    for expected in [
        "end in force: 2020-12-30, by the notice of 2020-09-30 plus 3 months",
        "renewal 1: from 2020-01-15, cut short on 2020-12-30 by the notice",
    ] {
        assert!(value.contains(expected), "{expected} not in {value}");
    }
    assert!(!value.contains("renewal 2"), "{value}");
    let notice = "  dénonciation 2020-09-30 par délégant objet résiliation\n";
    assert!(renewing.contains(notice));
    let value = hover_renewal(&mut client, &renewing.replacen(notice, "", 1), 5);
    for expected in [
        "end in force: 2022-01-15, by renewal 2",
        "renewal 1: from 2020-01-15 to 2021-01-15; a notice given by 2019-10-15 stops it",
        "renewal 2: from 2021-01-15 to 2022-01-15; a notice given by 2020-10-15 stops it",
    ] {
        assert!(value.contains(expected), "{expected} not in {value}");
    }
    let early = renewing.replacen(
        notice,
        "  dénonciation 2019-10-01 par délégant objet résiliation\n",
        1,
    );
    let value = hover_renewal(&mut client, &early, 6);
    assert!(
        value.contains("renewal 1: does not take place (notice given by 2019-10-15)"),
        "{value}"
    );

    // Shut down and exit.
    let result = client.request("shutdown", Value::Null);
    assert!(result.is_null());
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert!(status.success(), "{status}");
}

/// Hovering a clause that cites its article shows the sentence of the
/// signed text it comes from (`texte`, beside the rule file).
#[test]
fn hover_shows_the_sentence_of_the_text() {
    let mut client = Client::start();
    let _ = client.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    client.notify("initialized", json!({}));
    let path = std::fs::canonicalize("rules/hebergement-2019.conv").unwrap();
    let uri = format!("file://{}", path.display()).replace(' ', "%20");
    let text = std::fs::read_to_string(&path).unwrap();
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "clausier", "version": 1, "text": text}}),
    );
    let _ = client.notified("textDocument/publishDiagnostics");
    let hover = |client: &mut Client, needle: &str| {
        let (line, character) = find_in(&text, needle, 0, 2);
        let hover = client.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
        );
        hover["contents"]["value"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let value = hover(&mut client, "plafond AE 120 000");
    assert!(value.contains("article 3 of the convention"), "{value}");
    assert!(
        value.contains("dans la limite d'un plafond de 120 000 € en AE et en CP"),
        "{value}"
    );
    // A clause of a block takes the block's citation: the term's end.
    let value = hover(&mut client, "pour 1 an");
    assert!(value.contains("article 2 of the convention"), "{value}");
    assert!(value.contains("pour une durée d'un an"), "{value}");
    let result = client.request("shutdown", Value::Null);
    assert!(result.is_null());
    client.notify("exit", Value::Null);
    assert!(client.child.wait().unwrap().success());
}

/// The editor's language, given in `initialize`, is the server's when
/// neither `--lang` nor `CLAUSIER_LANG` is given (they still win); and a
/// diagnostic's range counts UTF-16 units of its line, accents included.
#[test]
fn the_editor_locale_and_positions_in_characters() {
    const DUPLICATE: &str = "convention \"X\" {\n  marché \"incubateur\" titulaire \"NUMA\" chorus 1001091655\n  marché \"développement\" titulaire \"OCTO\" chorus 1001091655\n}\n";
    /// Arguments, environment, the editor's locale, a word of the message.
    type Case<'a> = (
        &'a [&'a str],
        &'a [(&'a str, &'a str)],
        Option<&'a str>,
        &'a str,
    );
    let cases: [Case; 5] = [
        (&["lsp"], &[("LANG", "en_US.UTF-8")], Some("fr"), "marchés"),
        (
            &["lsp"],
            &[("LANG", "fr_FR.UTF-8")],
            Some("en-US"),
            "markets",
        ),
        (&["lsp"], &[("LANG", "fr_FR.UTF-8")], None, "marchés"),
        (&["--lang", "en", "lsp"], &[], Some("fr"), "markets"),
        (
            &["lsp"],
            &[("CLAUSIER_LANG", "en")],
            Some("fr-FR"),
            "markets",
        ),
    ];
    for (args, vars, locale, word) in cases {
        let mut client = Client::with(args, vars);
        let mut params = json!({"capabilities": {}, "processId": null});
        if let Some(locale) = locale {
            params["locale"] = json!(locale);
        }
        client.request("initialize", params);
        client.notify("initialized", json!({}));
        client.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": URI, "languageId": "clausier", "version": 1, "text": DUPLICATE}}),
        );
        let published = client.notified("textDocument/publishDiagnostics");
        let duplicate = published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "market.duplicate")
            .unwrap_or_else(|| panic!("{published}"));
        let message = duplicate["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(word),
            "{args:?} {vars:?} {locale:?}: {message}"
        );
        // `chorus 1001091655` of line 2: after `marché "développement"`,
        // character 49 (byte 51).
        assert_eq!(
            duplicate["range"]["start"],
            json!({"line": 2, "character": 49}),
            "{duplicate}"
        );
        client.request("shutdown", json!(null));
        client.notify("exit", json!(null));
    }
}
