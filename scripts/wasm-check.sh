#!/usr/bin/env bash
# The library without the command line (`--no-default-features`: no clap,
# no terminal, no language server, no thread or environment of the CLI),
# linted natively and for WebAssembly (`wasm32-unknown-unknown`), the target
# a browser page builds it for. CI runs it (`.ci/run`).
#
# Usage: scripts/wasm-check.sh   (needs `rustup target add wasm32-unknown-unknown`)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=target/no-cli
cargo clippy --lib --no-default-features --locked -- -D warnings
cargo clippy --lib --no-default-features --locked --target wasm32-unknown-unknown -- -D warnings
echo "the library builds without the CLI, natively and for wasm32-unknown-unknown"
