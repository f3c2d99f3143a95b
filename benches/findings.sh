#!/usr/bin/env bash
# A million findings in bounded memory: generates a 10,000,000-row export
# (the benchmark generator's rows, every tenth row's supplier changed to a
# number the convention does not authorise, so that it is a finding), then
# runs `clausier check` in every output format and `clausier report` in
# every format on it, output to /dev/null (the workbook to a file), with wall time, peak memory and
# the number of findings; prints a Markdown table.
#
# Usage: benches/findings.sh [--rows 10000000] [--threads 2]
# Needs: python3, GNU time, awk. Data goes to bench-data/findings/
# (git-ignored; the 10M-row file takes about 1.1 GB).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=10000000
THREADS=2
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) ROWS=$2; shift 2 ;;
        --threads) THREADS=$2; shift 2 ;;
        *) echo "findings.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
DATA=bench-data/findings
BIN=target/release/clausier
RULES=rules/dsi-dinsic-incubateur-2017.conv
mkdir -p "$DATA"
cargo build --release --quiet

base="$DATA/chorus_$ROWS.csv"
export="$DATA/tenth_$ROWS.csv"
[ -f "$base" ] || python3 ../shared/bench/gen.py "$ROWS" -o "$base" > /dev/null
# Field 10 is the supplier's CHORUS number; line 1 is the header.
[ -f "$export" ] || awk -F';' 'BEGIN { OFS = ";" } NR > 1 && (NR - 1) % 10 == 0 { $10 = "1009999999" } 1' \
    "$base" > "$export"

# One run: "wall-seconds peak-KiB".
once() {
    /usr/bin/time -f "%e %M" -o "$DATA/time.txt" "$@" > /dev/null 2>&1 || true
    tail -n 1 "$DATA/time.txt"
}

findings=$("$BIN" check --format json --fail-level none --threads "$THREADS" "$RULES" "$export" \
    | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["diagnostics"]))')
echo "rows: $ROWS, findings: $findings, threads: $THREADS"
echo
echo "| command | format | wall s | peak MiB |"
echo "|---|---|---:|---:|"
for format in human plain json sarif github bench; do
    read -r w k < <(once "$BIN" check --format "$format" --fail-level none --threads "$THREADS" "$RULES" "$export")
    printf '| check | %s | %s | %d |\n' "$format" "$w" $((k / 1024))
done
for format in human json csv html; do
    read -r w k < <(once "$BIN" report --format "$format" --threads "$THREADS" "$RULES" "$export")
    printf '| report | %s | %s | %d |\n' "$format" "$w" $((k / 1024))
done
# A workbook is written to a file.
read -r w k < <(once "$BIN" report --format xlsx --output "$DATA/report.xlsx" --threads "$THREADS" "$RULES" "$export")
printf '| report | xlsx | %s | %d |\n' "$w" $((k / 1024))
