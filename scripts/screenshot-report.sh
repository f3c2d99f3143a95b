#!/usr/bin/env bash
# Renders the HTML consumption statement of the second convention in a real
# browser (headless Chromium from the distribution: `apt-get install
# chromium`) and writes a screenshot, to look at what a reader sees.
#
# Usage: scripts/screenshot-report.sh [OUT.png]   (default: target/report.png)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/report.png}
mkdir -p "$(dirname "$out")"
cargo run --quiet --release -- report --format html --output target/report.html \
    rules/hebergement-2019.conv examples/hebergement-2019-2020.csv
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --window-size=1000,1400 \
    --screenshot="$PWD/$out" "file://$PWD/target/report.html" 2>/dev/null
rm -rf "$profile"
echo "screenshot: $out"
