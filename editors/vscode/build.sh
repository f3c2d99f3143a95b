#!/usr/bin/env bash
# Builds the VS Code extension package, editors/vscode/clausier-<version>.vsix,
# from the npm registry's packages (vscode-languageclient; @vscode/vsce to
# package). Needs node and npm, and the network for the first install.
# Install the result with `code --install-extension editors/vscode/clausier-0.1.0.vsix`.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund --loglevel=error
npx vsce package --skip-license --out "clausier-$(node -p 'require("./package.json").version').vsix"
