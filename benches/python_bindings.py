"""The Python bindings' overhead: the bundled corpus's matrix through Python against the same
work from Rust, measured in one run, and the time of `import lexdef`.

    python3 -m venv /tmp/bench && /tmp/bench/bin/pip install ./bindings/python
    /tmp/bench/bin/python benches/python_bindings.py

The package must be a release build (`pip install` builds one); the Rust side is
`cargo bench --bench bindings_matrix`, run by this script between the Python rounds so both
see the same machine. Figures go in BENCHMARKS.md.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import lexdef

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 3
RUNS = 20


def python_matrix_ms() -> list[float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        matrix = lexdef.Corpus.bundled().matrix(baseline="palermo")
        times.append((time.perf_counter() - start) * 1000)
        assert len(matrix) == 32 and len(matrix.elements) == 21, "the same work as the Rust side"
    return times


def rust_matrix_ms() -> list[float]:
    run = subprocess.run(
        ["cargo", "bench", "--quiet", "--bench", "bindings_matrix"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "LEXDEF_BENCH_RUNS": str(RUNS)},
    )
    times = [float(line.split()[1]) for line in run.stdout.splitlines() if line.startswith("matrix_ms ")]
    assert len(times) == RUNS, run.stdout + run.stderr
    return times


def import_ms() -> list[float]:
    program = "import time; start = time.perf_counter(); import lexdef; print((time.perf_counter() - start) * 1000)"
    return [float(subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout) for _ in range(20)]


def main() -> None:
    python: list[float] = []
    rust: list[float] = []
    python_matrix_ms()  # warm the page cache and the allocator
    for _ in range(ROUNDS):
        rust += rust_matrix_ms()
        python += python_matrix_ms()
    imports = import_ms()
    rust_median, python_median = statistics.median(rust), statistics.median(python)
    print("| what | median | runs |")
    print("|---|---:|---:|")
    print(f"| bundled matrix against the Protocol, Rust | {rust_median:.1f} ms | {len(rust)} |")
    print(f"| the same through Python | {python_median:.1f} ms | {len(python)} |")
    print(f"| ratio Python / Rust | {python_median / rust_median:.2f} | (goal ≤ 1.2) |")
    print(f"| `import lexdef` (fresh interpreter) | {statistics.median(imports):.1f} ms | {len(imports)} (goal < 100 ms) |")


if __name__ == "__main__":
    main()
