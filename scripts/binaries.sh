#!/usr/bin/env bash
# Builds the release binaries people download, and checks the Windows one
# under Wine against the Linux one:
#   - Linux x86_64, static (musl):   target/dist/clausier-x86_64-linux
#   - Windows x86_64 (mingw-w64):    target/dist/clausier-x86_64-windows.exe
# then prints their sizes and SHA-256 sums (also in target/dist/SHA256SUMS).
#
# Needs: rustup targets x86_64-unknown-linux-musl and x86_64-pc-windows-gnu
# (`rustup target add …`), and from Debian's packages musl-tools, mingw-w64
# and wine (`apt-get install musl-tools mingw-w64 wine`).
#
# Usage: scripts/binaries.sh   (about 12 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
dist=target/dist
rm -rf "$dist"
mkdir -p "$dist"
linux_target=x86_64-unknown-linux-musl
windows_target=x86_64-pc-windows-gnu
cargo build --profile dist --locked --target "$linux_target"
cargo build --profile dist --locked --target "$windows_target"
linux="$dist/clausier-x86_64-linux"
windows="$dist/clausier-x86_64-windows.exe"
cp "target/$linux_target/dist/clausier" "$linux"
cp "target/$windows_target/dist/clausier.exe" "$windows"

# The Linux binary needs no library: statically linked.
file "$linux" | grep -q "static" || { echo "binaries: $linux is not static" >&2; exit 1; }

# Debian 12's Wine (8.0) lacks bcryptprimitives.dll, whose ProcessPrng
# Rust's standard library calls on Windows 10 and later (rust-lang/rust#121337):
# for the check only, a stand-in built with mingw-w64 sits beside a copy of
# the binary (Windows itself has the real one; the stand-in is not shipped).
wine_dir=target/wine
rm -rf "$wine_dir"
mkdir -p "$wine_dir"
cp "$windows" "$wine_dir/clausier.exe"
cat > "$wine_dir/shim.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
C
x86_64-w64-mingw32-gcc -shared -O2 -o "$wine_dir/bcryptprimitives.dll" "$wine_dir/shim.c" -ladvapi32
export WINEDEBUG=-all
wine_run() { wine "$wine_dir/clausier.exe" "$@"; }
# JSON without the audit record (its time and arguments differ by run).
findings() { python3 -c '
import json, sys
v = json.load(sys.stdin)
v.pop("audit", None)
print(json.dumps(v, sort_keys=True, ensure_ascii=False))'; }
# Codes, lines and severities only: what must not depend on how paths are written.
verdicts() { python3 -c '
import json, sys
v = json.load(sys.stdin)
print(sorted((d["code"], d["severity"], (d.get("row") or {}).get("line")) for d in v["diagnostics"]))'; }

fail=0
pairs=(
    "rules/dsi-dinsic-incubateur-2017.conv examples/dsi-dinsic-2017-2018.csv"
    "rules/hebergement-2019.conv examples/hebergement-2019-2020.csv"
    "rules/sgg-enveloppes-2023.conv examples/sgg-enveloppes-2023-2024.csv"
    "rules/sgg-paiements-2022.conv examples/sgg-paiements-2022-2024.csv"
    "rules/dsi-dinsic-incubateur-2017.conv examples/inf-bud-53-engagements.csv examples/inf-bud-53-paiements.csv"
)
# compare WANT GOT SAME DIFFERENT: says which, with the first differing lines.
compare() {
    if [ "$1" = "$2" ]; then
        echo "$3"
    else
        echo "binaries: $4" >&2
        diff <(echo "$1") <(echo "$2") | head -n 20 >&2 || true
        fail=1
    fi
}
for pair in "${pairs[@]}"; do
    # shellcheck disable=SC2086 # the pair is words
    set -- $pair
    want=$("$linux" check --format json --fail-level none "$@" | findings)
    got=$(wine_run check --format json --fail-level none "$@" | tr -d '\r' | findings)
    compare "$want" "$got" "same JSON on Windows (Wine) and Linux: $*" \
        "the JSON differs for $*"
    # Backslashes and a drive letter (Wine maps Z: to the root).
    windows_paths=()
    for p in "$@"; do
        windows_paths+=("Z:$(pwd | tr / '\\')\\${p//\//\\}")
    done
    want=$("$linux" check --format json --fail-level none "$@" | verdicts)
    got=$(wine_run check --format json --fail-level none "${windows_paths[@]}" | tr -d '\r' | verdicts)
    compare "$want" "$got" "same findings with Windows paths: ${windows_paths[*]}" \
        "findings differ with Windows paths ${windows_paths[*]}"
done
# French accents: the console output is UTF-8 text with its accents, the
# same bytes as on Linux (a Windows console is written in UTF-16 by Rust's
# standard library, so it shows them too).
args=(--lang fr check --color never rules/hebergement-2019.conv examples/hebergement-2019-2020.csv)
want=$("$linux" "${args[@]}" || true)
got=$(wine_run "${args[@]}" | tr -d '\r' || true)
if [ "$want" = "$got" ] && grep -q "échéancier\|Hébergement\|dérogation" <<<"$got"; then
    echo "French text identical on Windows (Wine): $(grep -o -m1 '[^ ]*é[^ ]*' <<<"$got" | head -n 1)"
else
    echo "binaries: the French text differs on Windows" >&2
    diff <(echo "$want") <(echo "$got") | head -n 20 >&2 || true
    fail=1
fi
# On a console (a terminal that `script` gives Wine), where Rust writes
# UTF-16 through WriteConsoleW and Wine shows it in the terminal's UTF-8.
console=$(LANG=C.UTF-8 script -qec "wine $wine_dir/clausier.exe ${args[*]}" /dev/null | tr -d '\r' || true)
if grep -q "dépasse la prévision" <<<"$console" && iconv -f UTF-8 -t UTF-8 <<<"$console" > /dev/null; then
    echo "French accents on the Windows console (Wine): $(grep -o -m1 'dépasse la prévision' <<<"$console")"
else
    echo "binaries: the Windows console does not show the French text" >&2
    fail=1
fi
# The language of a French Windows desktop: Wine's user locale French (from
# LC_ALL for Wine itself; the fr_FR.UTF-8 locale must be generated), and no
# LANG, LC_* nor CLAUSIER_LANG in the program's own environment (unset by
# cmd before it starts): clausier asks the system (sys-locale).
speaks() {
    LC_ALL=$1 wine cmd /c "set LANG=& set LC_ALL=& set LC_MESSAGES=& set CLAUSIER_LANG=& $(winepath -w "$wine_dir/clausier.exe") check --color never rules\dsi-dinsic-incubateur-2017.conv examples\dsi-dinsic-2017-2018.csv" 2>/dev/null | tr -d '\r' || true
}
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
    if grep -q "avant la prise d'effet" <<<"$(speaks fr_FR.UTF-8)" && grep -q "before the convention takes effect" <<<"$(speaks C.UTF-8)"; then
        echo "the Windows binary speaks the user's language without LANG (Wine: French, then English)"
    else
        echo "binaries: the Windows binary does not follow the system's language" >&2
        fail=1
    fi
else
    echo "binaries: no fr_FR.UTF-8 locale here (locale-gen): the system language is not checked" >&2
fi
wine_run --version
[ "$fail" = 0 ] || exit 1

(cd "$dist" && sha256sum clausier-x86_64-linux clausier-x86_64-windows.exe > SHA256SUMS)
echo
for f in "$linux" "$windows"; do
    printf '%s  %s bytes\n' "$f" "$(stat -c %s "$f")"
done
cat "$dist/SHA256SUMS"
