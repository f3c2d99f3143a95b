#!/usr/bin/env bash
# Every line clausier prints to a terminal within its width: `check`,
# `lint`, `report`, `explain` on every bundled example and every `--help`,
# in French and in English, at 80 and 100 columns, each run in a
# pseudo-terminal (`script`) whose width is set with `stty cols`.
# Prints each line wider than the terminal, then one count per width and
# language; exits 1 if any line is too wide.
#
#   scripts/width.sh [BINARY]     (default: target/release/clausier)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/clausier}
[ -x "$bin" ] || cargo build --release --locked --quiet
bin=$(realpath "$bin")

pairs=(
    "rules/dsi-dinsic-incubateur-2017.conv examples/dsi-dinsic-2017-2018.csv"
    "rules/dsi-dinsic-incubateur-2017.conv examples/inf-bud-53-engagements.csv examples/inf-bud-53-paiements.csv"
    "rules/csp-daj-dne-2016.conv examples/csp-sdlac-2016-2017.csv"
    "rules/hebergement-2019.conv examples/hebergement-2019-2020.csv"
    "rules/rectorat-2016.conv examples/rectorat-2016-2017.csv"
    "rules/sgg-enveloppes-2023.conv examples/sgg-enveloppes-2023-2024.csv"
    "rules/sgg-paiements-2022.conv examples/sgg-paiements-2022-2024.csv"
    "rules/cadre-sg-2015.conv examples/dsi-dinsic-2017-2018.csv"
)
commands=()
for pair in "${pairs[@]}"; do
    # shellcheck disable=SC2206 # the pair is words
    words=($pair)
    commands+=("check ${pair}" "report ${pair}" "lint ${words[0]}")
done
commands+=("lint rules" "lint examples/ci/broken" "test rules")
for code in $("$bin" explain all | grep -oE "^ *[a-z]+\.[a-z.-]+" | tr -d " " || true); do
    commands+=("explain $code")
done
commands+=("--help")
for sub in check lint fmt report explain draft test lsp completions man; do
    commands+=("$sub --help")
done

total=0
for width in 80 100; do
    for lang in fr en; do
        over=0
        for c in "${commands[@]}"; do
            out=$(script -qec "stty cols $width; CLAUSIER_LANG=$lang NO_COLOR=1 $bin $c" /dev/null </dev/null || true)
            while IFS= read -r line; do
                line=${line%$'\r'}
                n=$(printf '%s' "$line" | wc -m)
                if [ "$n" -gt "$width" ]; then
                    echo "$width $lang [$c] $n: $line"
                    over=$((over + 1))
                fi
            done <<<"$out"
        done
        echo "width $width, $lang: ${#commands[@]} commands, $over lines wider than the terminal"
        total=$((total + over))
    done
done
[ "$total" -eq 0 ]
