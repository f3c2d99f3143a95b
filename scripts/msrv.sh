#!/usr/bin/env bash
# Builds and tests clausier with exactly the minimum Rust version stated in
# Cargo.toml (`rust-version`), from the lockfile, in a target folder of its
# own. Needs the network once: rustup downloads that toolchain, cargo the
# crates.
set -euo pipefail
cd "$(dirname "$0")/.."
msrv=$(sed -n 's/^rust-version = "\(.*\)"$/\1/p' Cargo.toml)
if [ -z "$msrv" ]; then
  echo "msrv.sh: no rust-version in Cargo.toml" >&2
  exit 2
fi
rustup toolchain install "$msrv" --profile minimal
export CARGO_TARGET_DIR=target/msrv
cargo +"$msrv" build --locked --all-targets
cargo +"$msrv" test --locked
echo "msrv.sh: clausier builds and passes its tests with Rust $msrv"
