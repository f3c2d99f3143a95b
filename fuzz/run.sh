#!/usr/bin/env bash
# Runs every fuzz target (or those named) for a time or a number of
# executions, and prints, per target, executions, executions per second,
# coverage (edges and features), corpus size and crashes.
#
# Usage: fuzz/run.sh [--seconds N | --runs N] [--jobs J] [TARGET...]
#   --seconds N  each target's budget in seconds (default 60)
#   --runs N     each target's budget in executions instead
#   --jobs J     targets run at a time (default 2)
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain, or
# RUSTC_BOOTSTRAP=1 on stable. Builds without comparison tracing, which
# doubles the executions per second; dictionaries of the language's
# keywords and of CHORUS tokens (dict/) stand in for it.
# Corpora start from the last campaign's, kept minimized in corpora/, and
# the project's own files (rules/, profiles/, examples/, tests/cases/);
# they grow in corpus/ (not committed); crashes go to artifacts/.
set -euo pipefail
cd "$(dirname "$0")"

budget=(-max_total_time=60)
jobs=2
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) budget=(-max_total_time="$2"); shift 2 ;;
        --runs) budget=(-runs="$2"); shift 2 ;;
        --jobs) jobs=$2; shift 2 ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(fields export rules format check)

toolchain=()
if rustup toolchain list 2>/dev/null | grep -q nightly; then
    toolchain=(+nightly)
else
    export RUSTC_BOOTSTRAP=1
fi
cargo "${toolchain[@]}" fuzz build -O -s none --no-trace-compares >&2
bin=target/x86_64-unknown-linux-gnu/release

# Seed corpora, from the project's files, once.
seed() {
    local dir=corpus/$1
    [ -d "$dir" ] && return
    mkdir -p "$dir"
    # The corpus kept from the last campaign (minimized, new coverage
    # included), then the project's files.
    if [ -f "corpora/$1.tar.gz" ]; then
        tar xzf "corpora/$1.tar.gz" -C corpus
    fi
    local i=0
    case $1 in
        rules)
            # The first byte picks the parser: 0 a rule file, 1 a profile.
            for f in ../rules/*.conv ../tests/cases/*/*.conv ../tests/cases/*/*/*.conv; do
                { printf '\0'; cat "$f"; } > "$dir/seed$i"; i=$((i + 1))
            done
            for f in ../profiles/*.profile; do
                { printf '\1'; cat "$f"; } > "$dir/seed$i"; i=$((i + 1))
            done ;;
        format)
            for f in ../rules/*.conv ../tests/cases/*/*.conv ../tests/cases/*/*/*.conv; do
                cp "$f" "$dir/seed$i"; i=$((i + 1))
            done ;;
        export)
            for f in ../tests/cases/check/*.csv ../tests/cases/import/*.csv ../examples/*.csv; do
                cp "$f" "$dir/seed$i"; i=$((i + 1))
            done ;;
        check)
            # A rule file and an export, separated by a line `---`.
            for c in ../tests/cases/check/*.conv; do
                e=${c%.conv}.csv
                [ -f "$e" ] || continue
                { cat "$c"; printf '\n---\n'; cat "$e"; } > "$dir/seed$i"; i=$((i + 1))
            done
            for e in ../tests/cases/check/*.csv ../examples/*.csv; do
                { cat ../rules/dsi-dinsic-incubateur-2017.conv; printf '\n---\n'; cat "$e"; } \
                    > "$dir/seed$i"; i=$((i + 1))
            done ;;
        fields)
            for v in '1 234,56' '-12,5' '2017-08-24' '24/08/2017' '"1 000,00"'; do
                printf '%s' "$v" > "$dir/seed$i"; i=$((i + 1))
            done ;;
    esac
}

declare -A max_len=([fields]=64 [export]=4096 [rules]=512 [format]=512 [check]=1024)
declare -A dict=([export]=dict/export.dict [rules]=dict/rules.dict [format]=dict/rules.dict [check]=dict/check.dict)
mkdir -p artifacts logs
run() {
    local t=$1
    seed "$t"
    local args=("corpus/$t" "${budget[@]}" -max_len="${max_len[$t]}" -rss_limit_mb=2048
        -artifact_prefix=artifacts/ -print_final_stats=1)
    [ -n "${dict[$t]:-}" ] && args+=(-dict="${dict[$t]}")
    "$bin/$t" "${args[@]}" > "logs/$t.log" 2>&1 || true
}
running=0
for t in "${targets[@]}"; do
    run "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait

printf '%-8s %12s %9s %9s %9s %8s %8s\n' target runs runs/s edges features corpus crashes
for t in "${targets[@]}"; do
    log=logs/$t.log
    runs=$(grep -oE 'stat::number_of_executed_units: +[0-9]+' "$log" | grep -o '[0-9]*$' || echo 0)
    rate=$(grep -oE 'stat::average_exec_per_sec: +[0-9]+' "$log" | grep -o '[0-9]*$' || echo 0)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    edges=$(grep -o 'cov: [0-9]*' <<< "$last" | grep -o '[0-9]*' || echo 0)
    features=$(grep -o 'ft: [0-9]*' <<< "$last" | grep -o '[0-9]*' || echo 0)
    corpus=$(ls "corpus/$t" | wc -l)
    crashes=$(grep -cE 'ERROR: libFuzzer|panicked|SUMMARY: ' "$log" || true)
    printf '%-8s %12s %9s %9s %9s %8s %8s\n' "$t" "$runs" "$rate" "$edges" "$features" "$corpus" "$crashes"
done
