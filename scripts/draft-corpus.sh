#!/bin/sh
# Drafts every convention text of the corpus (rules/textes: HTML, PDF,
# DOCX, ODT), compares each draft clause by clause with the bundled rule
# file it states, prints precision and recall by clause kind, and keeps the
# table in rules/textes/PRECISION.md. The texts are written by
# scripts/corpus.py.
set -eu
cd "$(dirname "$0")/.."
CLAUSIER_DRAFT_REPORT=1 cargo test --locked --test draft -- --nocapture --test-threads 1 2>/dev/null |
    sed -n '/^| clause kind/,/^| \*\*all/p'
