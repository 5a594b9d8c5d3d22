#!/usr/bin/env bash
# Builds the fuzz targets and runs each for SECONDS (default 600), two at a time (the machine
# has two cores), one libFuzzer job each. Seeds come from fuzz/seeds.sh; what a run finds
# goes to fuzz/artifacts/<target>/, its log to fuzz/logs/<target>.log, and the last line
# of each log (executions, coverage) is printed at the end.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Needs a nightly toolchain (`rustup toolchain install nightly`) and cargo-fuzz
# (`cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(corpus_file structure definitions query check_rules)
fi
./seeds.sh
mkdir -p logs
cargo +nightly fuzz build
run() {
    local target=$1
    mkdir -p "artifacts/$target"
    local dictionary=()
    case $target in
        corpus_file | structure | definitions) dictionary=(-dict=dictionary.txt) ;;
    esac
    # -timeout: an input that takes longer is a hang; -max_len: room for a whole corpus file.
    cargo +nightly fuzz run "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 "${dictionary[@]}" \
        -artifact_prefix="artifacts/$target/" >"logs/$target.log" 2>&1 || echo "$target: the fuzzer stopped with a finding (see logs/$target.log)"
}
for ((index = 0; index < ${#targets[@]}; index += 2)); do
    run "${targets[index]}" &
    if [ $((index + 1)) -lt ${#targets[@]} ]; then
        run "${targets[index + 1]}" &
    fi
    wait
done
for target in "${targets[@]}"; do
    echo "== $target"
    grep -E '^#[0-9]+.*(DONE|cov:)' "logs/$target.log" | tail -1 || true
    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "logs/$target.log" || true
    ls "artifacts/$target" 2>/dev/null | sed 's/^/  finding: /'
done
