#!/usr/bin/env bash
# Issue 18's figures in one run on one machine (BENCHMARKS.md, "Performance in one run"):
#
#   /root/.pyenv/versions/3.12.1/bin/python3 -m venv /tmp/peers312
#   /tmp/peers312/bin/pip install tantivy==0.25.1 rapidfuzz==3.14.6 numpy==2.2.6
#   bash benches/side-by-side.sh /tmp/peers312/bin/python 2>&1 | tee target/side-by-side.log
#
# 1. Builds three lexdef CLIs into target/side-by-side/: this checkout ("now"), the commit
#    before this issue's extraction work ("before", 2020a37), and this checkout with the
#    near-miss matcher scoring every pair with strsim as it did before (benches/ab/
#    strsim-matcher.patch: "strsim"); and installs this checkout's Python package into the
#    given Python's environment.
# 2. Runs `model`, `check` and `index` of the 1,000-instrument synthetic corpus with each CLI
#    in turn (benches/ab.py), checking that their outputs are the same.
# 3. `cargo bench --bench scale`: the scan limit (an Aho-Corasick pass against extraction),
#    load + parse + model and the index build, at 1,000 and 10,000 instruments (linearity).
# 4. `cargo bench --bench check`: `lexdef check` of 1,000 and 10,000 instruments.
# 5. `benches/peers.py --only search`: the index build and queries through the Python API
#    against tantivy-py on the same documents, at 1,000 and 10,000 instruments.
#
# Not in CI (it takes about half an hour).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${1:?"the Python of a venv with tantivy and rapidfuzz (see the header)"}
root=$PWD
out=$root/target/side-by-side
mkdir -p "$out"

echo "## machine"
echo "$(nproc) CPUs; $(uptime); $(rustc -V); $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD)"

echo "## building"
cargo build --release -q -p lexdef-cli
cp target/release/lexdef "$out/lexdef-now"
for variant in before strsim; do
    tree=$out/tree-$variant
    git worktree remove --force "$tree" 2>/dev/null || rm -rf "$tree"
    if [ "$variant" = before ]; then
        git worktree add -q --detach "$tree" 2020a37
    else
        git worktree add -q --detach "$tree" HEAD
        git -C "$tree" apply "$root/benches/ab/strsim-matcher.patch"
    fi
    # The same target directory: only lexdef and its CLI are built again.
    (cd "$tree" && CARGO_TARGET_DIR=$out/target cargo build --release -q -p lexdef-cli)
    cp "$out/target/release/lexdef" "$out/lexdef-$variant"
    git worktree remove --force "$tree"
done
"$python" -m pip install -q "$root/bindings/python"
"$python" -c "import lexdef, tantivy, rapidfuzz; print('lexdef', lexdef.__file__)"

echo "## the synthetic corpora"
LEXDEF_CHECK_SIZES=1000 LEXDEF_CHECK_RUNS=1 cargo bench -q --bench check >/dev/null

echo "## A/B: whole commands, each binary in turn"
python3 benches/ab.py target/synthetic-corpus/check-1000 \
    now="$out/lexdef-now" strsim="$out/lexdef-strsim" before="$out/lexdef-before" --runs 3

echo "## scale: the scan limit, load + parse + model, the index build"
LEXDEF_SCALE_SIZES=1000,10000 cargo bench -q --bench scale -- scan_ load_parse_model index_build --sample-count 3

echo "## check at scale"
LEXDEF_CHECK_SIZES=1000,10000 cargo bench -q --bench check

echo "## index and search from Python against tantivy-py"
"$python" benches/peers.py --only search

echo "## done $(date -u +%FT%TZ); $(uptime)"
