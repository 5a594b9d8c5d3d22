#!/usr/bin/env bash
# Runs every test of lexdef, installing what it needs itself.
#
#   tests/run-all.sh
#
# Needs only what a fresh machine of this project's kind has (Rust via rustup, Python 3.9 or
# later), and the curated sources in ../shared/sources beside the repository (the corpus tests
# check every corpus line against them). The Python tests run in .venv, which this script
# makes and fills itself (bindings/python/requirements-test.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
    echo "error: cargo not found: install Rust (https://rustup.rs) and run this again" >&2
    exit 2
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "error: python3 not found: the Python bindings' tests need Python 3.9 or later" >&2
    exit 2
fi
if [ ! -d ../shared/sources ]; then
    echo "error: ../shared/sources not found beside the repository: the corpus tests read it" >&2
    exit 2
fi

# The HTML report and the notebook reprs are checked in a real browser (tests/report_html.rs,
# bindings/python/tests/test_html_display.py).
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
    echo "== installing headless Chromium (Debian package) for the HTML report test"
    if [ "$(id -u)" -ne 0 ]; then
        echo "error: chromium is missing and installing it needs root: run \`apt-get install chromium\` as root" >&2
        exit 2
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# The JUnit output of `lexdef check` (crates/lexdef-cli/tests/check.rs) and the Akoma Ntoso
# output (crates/lexdef/tests/akn.rs) are validated against their XSDs with xmllint, which fail
# without it.
if ! command -v xmllint >/dev/null 2>&1; then
    echo "== installing xmllint (Debian package libxml2-utils) for the JUnit schema test"
    if [ "$(id -u)" -ne 0 ]; then
        echo "error: xmllint is missing and installing it needs root: run \`apt-get install libxml2-utils\` as root" >&2
        exit 2
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils >/dev/null
fi

# The venv first: the Rust tests validate Akoma Ntoso output against the AKN 3.0 schema that
# the `cobalt` package ships (crates/lexdef/tests/akn.rs reads it from .venv).
echo "== Python: .venv with the test requirements (bindings/python/requirements-test.txt)"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r bindings/python/requirements-test.txt

echo "== Rust: every crate's unit, integration and doc tests"
cargo test --workspace --locked

echo "== Reading measured: precision and recall per family (corpus, drafting set, world statutes)"
cargo test --locked -q --test corpus_annotations --test drafting_set --test world_statutes -- --nocapture 2>&1 \
    | grep -E '(extraction against|the drafting set|the world.s statutes)|^ +[a-z._]+ +found' \
    | sed -E 's/^[.]+//'

echo "== Python: the extension built into .venv with maturin, then pytest"
(cd bindings/python && VIRTUAL_ENV="$PWD/../../.venv" ../../.venv/bin/maturin develop --quiet --locked)
# pytest exits 5 when it collects no test: that is a failure here too.
.venv/bin/python -m pytest bindings/python/tests --quiet -p no:cacheprovider

echo "== README quick start: the main job, exactly as the README writes it"
main_job=$(sed -n '/<!-- quick-start -->/,/<!-- \/quick-start -->/p' README.md | grep -m1 '^cargo run')
echo "\$ $main_job"
output=$(bash -c "$main_job")
instruments=$(printf '%s\n' "$output" | grep -c '^[A-Z][A-Z]*-.* — ' || true)
if [ "$instruments" -ne 31 ]; then
    echo "error: the main job reported on $instruments instruments, expected the 31 besides the baseline" >&2
    exit 1
fi
# (A here-string, not `printf | grep -q`: grep -q stops at the first match, and under
# pipefail the writer's SIGPIPE would fail the check at random once the output is long.)
for state in BN ID KH LA MM MY PH SG TH VN; do
    if ! grep -q "^$state-" <<< "$output"; then
        echo "error: the main job's report has no instrument of $state" >&2
        exit 1
    fi
done
echo "the main job compared $instruments instruments with the UN Protocol"

echo "== lexdef check: the curated corpus is clean (the release binary the main job built)"
echo "\$ cargo run --release -p lexdef-cli -- check corpus/"
if ! cargo run --release --locked -q -p lexdef-cli -- check corpus/; then
    echo "error: \`lexdef check corpus/\` found errors in the curated corpus (see above)" >&2
    exit 1
fi

echo "== all tests passed"
