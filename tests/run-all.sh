#!/usr/bin/env bash
# Runs every test of lexdef, installing what it needs itself.
#
#   tests/run-all.sh
#
# Needs only what a fresh machine of this project's kind has (Rust via rustup), and the
# curated sources in ../shared/sources beside the repository (the corpus tests check every
# corpus line against them). The Python tests join here when the bindings land.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
    echo "error: cargo not found: install Rust (https://rustup.rs) and run this again" >&2
    exit 2
fi
if [ ! -d ../shared/sources ]; then
    echo "error: ../shared/sources not found beside the repository: the corpus tests read it" >&2
    exit 2
fi

echo "== Rust: every crate's unit, integration and doc tests"
cargo test --workspace --locked

echo "== README quick start: the main job, exactly as the README writes it"
main_job=$(sed -n '/<!-- quick-start -->/,/<!-- \/quick-start -->/p' README.md | grep -m1 '^cargo run')
echo "\$ $main_job"
output=$(bash -c "$main_job")
instruments=$(printf '%s\n' "$output" | grep -c '^[A-Z][A-Z]*-.* — ' || true)
if [ "$instruments" -ne 31 ]; then
    echo "error: the main job printed $instruments instrument outlines, expected 31" >&2
    exit 1
fi
echo "the main job printed the outline of $instruments instruments"

echo "== all tests passed"
