#!/usr/bin/env bash
# Renders the HTML consumption statement of every bundled convention (and
# the portfolio of all of them) in a real browser, to look at what a reader
# sees: headless Chromium from the distribution (`apt-get install chromium`)
# takes a screenshot at 1280 and at 400 pixels wide and prints an A4 PDF,
# whose pages poppler's `pdftoppm` (`apt-get install poppler-utils`) turns
# into PNG images.
#
# Usage: scripts/screenshots.sh [LANG]   (fr by default; writes target/screenshots/)
set -euo pipefail
cd "$(dirname "$0")/.."
lang=${1:-fr}
out=target/screenshots
rm -rf "$out"
mkdir -p "$out"
cargo build --quiet --release
bin=target/release/clausier
# Each bundled convention with its example export(s).
pairs=(
    "dsi-dinsic-incubateur-2017:examples/dsi-dinsic-2017-2018.csv"
    "hebergement-2019:examples/hebergement-2019-2020.csv"
    "sgg-enveloppes-2023:examples/sgg-enveloppes-2023-2024.csv"
    "sgg-paiements-2022:examples/sgg-paiements-2022-2024.csv"
    "portfolio:examples/hebergement-2019-2020.csv examples/sgg-enveloppes-2023-2024.csv examples/sgg-paiements-2022-2024.csv"
)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
browser() {
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" "$@" 2>/dev/null
}
for pair in "${pairs[@]}"; do
    name=${pair%%:*}
    exports=${pair#*:}
    rules="rules/$name.conv"
    [ "$name" = portfolio ] && rules=rules
    # shellcheck disable=SC2086 # the exports are words
    CLAUSIER_LANG=$lang "$bin" report --format html --output "$out/$name.html" \
        "$rules" $exports
    url="file://$PWD/$out/$name.html"
    for width in 1280 400; do
        browser --window-size="$width,2400" --screenshot="$PWD/$out/$name-$width.png" "$url"
    done
    browser --no-pdf-header-footer --print-to-pdf="$PWD/$out/$name.pdf" "$url"
    pdftoppm -png -r 60 "$out/$name.pdf" "$out/$name-a4"
    pages=$(ls "$out/$name-a4"*.png | wc -l)
    echo "$name: $out/$name-1280.png, $out/$name-400.png, $out/$name.pdf ($pages A4 pages as $out/$name-a4-N.png)"
done
