#!/usr/bin/env bash
# Times clausier beside the DuckDB and pandas baselines, the raw CSV read
# (raw_limit) and the I/O floors, with the shared harness (../shared/bench/),
# then measures many conventions, lint speed and memory on sorted input, and
# writes the tables to BENCHMARKS.md.
#
# Usage: benches/bench.sh [--rows "1000000 10000000"] [--runs 3]
# Needs: the harness's requirements (python3, GNU time, `pip install duckdb
# pandas` for the baselines; they are never clausier dependencies).
# Data and results go to bench-data/ (git-ignored). About 10 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="1000000 10000000"
RUNS=3
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) ROWS=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
HARNESS=../shared/bench
DATA=bench-data
SEED_RULES=rules/dsi-dinsic-incubateur-2017.conv
BIN=target/release/clausier
OUT=BENCHMARKS.md
mkdir -p "$DATA"
cargo build --release --quiet

# 1. Side by side with the baselines, twice: both cores, then one thread.
#    Each run.sh invocation times raw_limit too, so ratios come from one run.
"$HARNESS/run.sh" --rows "$ROWS" --runs "$RUNS" --data "$DATA/two" \
    --tools "cat wc raw_limit duckdb duckdb_1t pandas" --name "clausier (2 threads)" \
    -- "$BIN" check --threads 2 --format bench --fail-level none "$SEED_RULES" {csv}
"$HARNESS/run.sh" --rows "$ROWS" --runs "$RUNS" --data "$DATA/one" \
    --tools "raw_limit" --name "clausier (1 thread)" \
    -- "$BIN" check --threads 1 --format bench --fail-level none "$SEED_RULES" {csv}

# The largest generated file, for the measures below.
BIG=$(ls -S "$DATA"/two/chorus_*.csv | head -n 1)
N=$(basename "$BIG" .csv | sed 's/chorus_//')

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# time_cmd RUNS CMD...: median wall seconds and max RSS (KiB) of CMD.
time_cmd() {
    local runs=$1; shift
    local walls=() rss=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$DATA/time.txt" "$@" > /dev/null 2>&1 || true
        read -r wall kib < <(tail -n 1 "$DATA/time.txt")
        walls+=("$wall"); [ "$kib" -gt "$rss" ] && rss=$kib
    done
    echo "$(printf '%s\n' "${walls[@]}" | median) $rss"
}

# 2. A thousand conventions: the seed plus 999 others with their own codes
#    and holders; the export's rows all belong to the seed.
RULES1000="$DATA/rules-1000"
if [ ! -f "$RULES1000/stamp" ]; then
    rm -rf "$RULES1000"; mkdir -p "$RULES1000"
    cp "$SEED_RULES" "$RULES1000/0000-seed.conv"
    for i in $(seq 1 999); do
        p=$(printf '%04d' $((200 + i % 600)))
        cf=$(printf 'C%03d' $((i % 1000)))
        sed -e "s/programme 124/programme ${p#0}/" \
            -e "s/0124-CDAF-CDSI/$p-CDAF-$cf/g" \
            -e "s/0124-11/$p-11/" \
            -e "s/012460111304/${p}$(printf '%08d' "$i")/" \
            -e "s/DININCUB75/CC$(printf '%06d' "$i")/" \
            -e "s/1001091655/$(printf '20%08d' "$i")/" \
            -e "s/1001242228/$(printf '30%08d' "$i")/" \
            "$SEED_RULES" > "$RULES1000/$(printf '%04d' "$i").conv"
    done
    touch "$RULES1000/stamp"
fi
read -r one_wall one_rss <<< "$(time_cmd "$RUNS" "$BIN" check --format bench --fail-level none "$SEED_RULES" "$BIG")"
read -r many_wall many_rss <<< "$(time_cmd "$RUNS" "$BIN" check --format bench --fail-level none "$RULES1000" "$BIG")"
unmatched=$("$BIN" check --format json --fail-level none "$RULES1000" "$BIG" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["summary"]["rows_unmatched"])')
read -r lint_wall _ <<< "$(time_cmd "$RUNS" "$BIN" lint "$RULES1000")"

# 3. Memory on sorted input: the same rows in date order.
SORTED="$DATA/chorus_${N}_sorted.csv"
if [ ! -f "$SORTED" ] || [ "$SORTED" -ot "$BIG" ]; then
    { head -n 1 "$BIG"; tail -n +2 "$BIG" | LC_ALL=C sort -t';' -s -k1.7,1.10 -k1.4,1.5 -k1.1,1.2; } > "$SORTED"
fi
check_big() { time_cmd "$RUNS" "$BIN" check --format bench --fail-level none "$@"; }
read -r sorted_wall sorted_rss <<< "$(check_big "$SEED_RULES" "$SORTED")"
read -r unsorted1_wall unsorted1_rss <<< "$(check_big --threads 1 "$SEED_RULES" "$BIG")"
read -r sorted1_wall sorted1_rss <<< "$(check_big --threads 1 "$SEED_RULES" "$SORTED")"
read -r small_wall small_rss <<< "$(check_big --threads 1 "$SEED_RULES" "$DATA/two/chorus_1000000.csv")"

machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(rustc --version)"
{
    echo "# Benchmarks"
    echo
    echo "Written by \`benches/bench.sh\` on $(date -u +%Y-%m-%d) ($machine). Every figure below"
    echo "was measured by that run; compare tools within one table only (the machine is shared"
    echo "and noisy). Data: \`../shared/bench/gen.py\`, seed 20170824; rule file: the seed convention."
    echo
    echo "## clausier beside DuckDB, pandas and the raw CSV read (both cores)"
    echo
    echo "\`../shared/bench/run.sh\`, $RUNS interleaved runs, medians; \`clausier check --threads 2 --format bench\`."
    echo
    cat "$DATA/two/results/summary.md"
    echo
    echo "Findings agreement (clausier's five lines against the generator's truth, and the baselines'):"
    echo
    echo '```'
    cat "$DATA/two/results/findings.txt"
    echo '```'
    echo
    echo "## One thread, beside the raw CSV read"
    echo
    cat "$DATA/one/results/summary.md"
    echo
    echo '```'
    cat "$DATA/one/results/findings.txt"
    echo '```'
    echo
    echo "## A thousand conventions ($N rows, medians of $RUNS)"
    echo
    echo "| rules | wall s | peak RSS MiB |"
    echo "|---|---:|---:|"
    echo "| the seed alone | $one_wall | $((one_rss / 1024)) |"
    echo "| a folder of the seed and 999 other conventions (rows routed by imputation codes) | $many_wall | $((many_rss / 1024)) |"
    echo
    echo "Routed, the $unmatched rows whose codes are wrong (the generator's imputation anomalies)"
    echo 'match no convention: they are `scope.unmatched` instead of `imputation.mismatch` and do not'
    echo "count toward the seed's consumption, so the five lines differ from the truth by design."
    echo "Ratio: $(awk -v a="$many_wall" -v b="$one_wall" 'BEGIN {printf "%.2f", a / b}') × the single-convention check."
    echo "\`clausier lint\` of the 1,000 rule files: $lint_wall s."
    echo
    echo "## Memory on sorted and unsorted input ($N rows, medians of $RUNS)"
    echo
    echo "| input | threads | wall s | peak RSS MiB |"
    echo "|---|---:|---:|---:|"
    echo "| 1,000,000 rows, unsorted | 1 | $small_wall | $((small_rss / 1024)) |"
    echo "| unsorted (as generated) | 1 | $unsorted1_wall | $((unsorted1_rss / 1024)) |"
    echo "| sorted by date | 1 | $sorted1_wall | $((sorted1_rss / 1024)) |"
    echo "| sorted by date | 2 | $sorted_wall | $((sorted_rss / 1024)) |"
} > "$OUT.tmp"
# Keep the hand-written analysis that follows the measured part.
if [ -f "$OUT" ] && grep -q '^## Where the time goes' "$OUT"; then
    sed -n '/^## Where the time goes/,$p' "$OUT" | { echo; cat; } >> "$OUT.tmp"
fi
mv "$OUT.tmp" "$OUT"
echo "bench.sh: wrote $OUT"
