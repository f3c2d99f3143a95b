#!/usr/bin/env bash
# Spreadsheets as big as CHORUS writes them: times `clausier check` on XLSX
# files of 100,000, 300,000 and 1,048,575 rows (typed cells: dates as dates,
# amounts as numbers, codes as shared strings; written by benches/gen-xlsx
# from the benchmark generator's rows) beside the inflate floor (`unzip -p`
# of the sheet alone) and pandas with the calamine engine, interleaved,
# with peak memory; prints a Markdown table.
#
# Usage: benches/xlsx.sh [--rows "100000 300000 1048575"] [--runs 3] [--no-pandas]
# Needs: python3, GNU time, unzip; `pip install pandas python-calamine` for
# the pandas column (a benchmark tool only, never a clausier dependency).
# Data goes to bench-data/xlsx/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="100000 300000 1048575"
RUNS=3
PANDAS=1
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) ROWS=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --no-pandas) PANDAS=0; shift ;;
        *) echo "xlsx.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
DATA=bench-data/xlsx
BIN=target/release/clausier
RULES=rules/dsi-dinsic-incubateur-2017.conv
mkdir -p "$DATA"
cargo build --release --quiet
cargo build --release --quiet --manifest-path benches/gen-xlsx/Cargo.toml
GEN=benches/gen-xlsx/target/release/gen-xlsx

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# One run of a command: "wall-seconds peak-KiB".
once() {
    /usr/bin/time -f "%e %M" -o "$DATA/time.txt" "$@" > /dev/null 2>&1 || true
    tail -n 1 "$DATA/time.txt"
}

cat > "$DATA/read_pandas.py" <<'PY'
import sys
import pandas as pd
print(len(pd.read_excel(sys.argv[1], engine="calamine")))
PY

echo "| rows | XLSX MB | sheet XML MB | inflate floor s | clausier s | clausier / floor | clausier peak MiB | pandas (calamine) s | pandas peak MiB |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $ROWS; do
    csv="$DATA/chorus_$n.csv"
    xlsx="$DATA/chorus_$n.xlsx"
    [ -f "$csv" ] || python3 ../shared/bench/gen.py "$n" -o "$csv" > /dev/null
    [ -f "$xlsx" ] || "$GEN" "$csv" "$xlsx" "$n"
    sheet=$(unzip -l "$xlsx" xl/worksheets/sheet1.xml | awk 'NR==4 {print $1}')
    floor=() mine=() panda=() mine_rss=0 panda_rss=0
    for _ in $(seq "$RUNS"); do
        read -r w _ < <(once sh -c "unzip -p '$xlsx' xl/worksheets/sheet1.xml > /dev/null")
        floor+=("$w")
        read -r w k < <(once "$BIN" check --format bench --fail-level none "$RULES" "$xlsx")
        mine+=("$w"); [ "$k" -gt "$mine_rss" ] && mine_rss=$k
        if [ "$PANDAS" = 1 ]; then
            read -r w k < <(once python3 "$DATA/read_pandas.py" "$xlsx")
            panda+=("$w"); [ "$k" -gt "$panda_rss" ] && panda_rss=$k
        fi
    done
    f=$(printf '%s\n' "${floor[@]}" | median)
    m=$(printf '%s\n' "${mine[@]}" | median)
    if [ "$PANDAS" = 1 ]; then
        p=$(printf '%s\n' "${panda[@]}" | median); pr=$((panda_rss / 1024))
    else
        p="-"; pr="-"
    fi
    printf '| %s | %.1f | %.0f | %s | %s | %.2f | %d | %s | %s |\n' \
        "$n" "$(echo "$(stat -c %s "$xlsx") / 1048576" | bc -l)" "$(echo "$sheet / 1048576" | bc -l)" \
        "$f" "$m" "$(echo "$m / $f" | bc -l)" $((mine_rss / 1024)) "$p" "$pr"
done
