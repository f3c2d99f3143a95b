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
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_clausier"))
            .args(["--lang", "en", "lsp"])
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
  imputation {
    programme 124
  }
  préavis 3 mois
  dénonciation 2018-06-01 par délégant
  avenant 1 {
    signature 2018-01-10
    effet 2018-02-01
    retire marché \"incubateur\"
  }
  dérogation commitment.overpaid ej 2103100001 {
    motif \"régularisation\"
    approuvée-par \"CBCM\"
  }
}
";

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
    assert_eq!(typo["range"]["start"], json!({"line": 9, "character": 2}));
    assert!(
        typo["message"].as_str().unwrap().contains("plafond"),
        "{typo}"
    );

    // Hover: a keyword's meaning; the end in force on a notice; a code.
    let hover = client.request("textDocument/hover", at(11, 4));
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("codes every expense"),
        "{hover}"
    );
    let hover = client.request("textDocument/hover", at(14, 4));
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("end in force: 2018-09-01"), "{value}");
    let hover = client.request("textDocument/hover", at(21, 20));
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("commitment.overpaid"),
        "{hover}"
    );

    // Completion: clauses at the head of a line, codes after `dérogation`.
    let items = client.request("textDocument/completion", at(10, 2));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"plafond") && labels.contains(&"échéancier"),
        "{labels:?}"
    );
    let items = client.request("textDocument/completion", at(21, 13));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"ceiling.exceeded"), "{labels:?}");
    let items = client.request("textDocument/completion", at(14, 12));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"mois"), "{labels:?}");

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
    let target = client.request("textDocument/definition", at(19, 20));
    assert_eq!(
        target["range"]["start"],
        json!({"line": 4, "character": 2}),
        "{target}"
    );

    // The misspelling's code action, applied as an editor would.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI},
               "range": {"start": {"line": 9, "character": 2}, "end": {"line": 9, "character": 8}},
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

    // Shut down and exit.
    let result = client.request("shutdown", Value::Null);
    assert!(result.is_null());
    client.notify("exit", Value::Null);
    let status = client.child.wait().unwrap();
    assert!(status.success(), "{status}");
}
