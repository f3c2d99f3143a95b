// The clausier extension: `.conv` files are highlighted by the TextMate
// grammar, and checked, explained, completed, formatted and fixed by
// `clausier lsp`, the language server of the installed clausier.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("clausier");
  const command = settings.get("path") || "clausier";
  const args = ["lsp"];
  const language = settings.get("language");
  if (language) {
    args.unshift("--lang", language);
  }
  client = new LanguageClient(
    "clausier",
    "clausier",
    { command, args },
    { documentSelector: [{ scheme: "file", language: "clausier" }] }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
