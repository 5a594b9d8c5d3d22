"""Whole commands of several lexdef binaries on one corpus, in turn, round after round.

    python3 benches/ab.py CORPUS_DIR NAME=BINARY [NAME=BINARY ...] [--runs 3]

For each command (`model --corpus DIR --format jsonl`, `check DIR --format json`,
`index --index TMP DIR`) every binary runs once per round, in the order given, so all see the
same machine. Prints a markdown table: median wall time (fastest-slowest), median CPU time
(user + sys), peak RSS, and whether each binary's output is the same as the first's (the
model lines and the check report byte for byte; for the index, the hits of five searches).
Used by benches/side-by-side.sh.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

QUERIES = ['"forced labour"', "harbouring", '"abuse of power"', "debt AND bondage", "child AND consent"]


def run(command: list[str], scratch: Path) -> tuple[float, float, int, bytes]:
    """Wall seconds, CPU seconds (user + sys) and peak RSS (KiB, GNU time's) of one command, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_file = scratch / "peak"
    start = time.perf_counter()
    # Warnings about the synthetic texts go to stderr; only stdout is the result.
    done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(peak_file), *command],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # `check` exits 1 where it finds errors; none are expected
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, int(peak_file.read_text().split()[-1]), done.stdout


def spread(values: list[float]) -> str:
    ordered = sorted(values)
    return f"{statistics.median(ordered):.2f} ({ordered[0]:.2f}-{ordered[-1]:.2f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("binaries", nargs="+", help="NAME=PATH")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    binaries = [tuple(binary.split("=", 1)) for binary in options.binaries]
    corpus = options.corpus
    scratch = Path(tempfile.mkdtemp(prefix="lexdef-ab-"))
    commands = {
        "model": lambda binary, _: [binary, "model", "--corpus", corpus, "--format", "jsonl"],
        "check": lambda binary, _: [binary, "check", corpus, "--format", "json"],
        "index": lambda binary, name: [binary, "index", "--index", str(scratch / name), corpus],
    }
    print(f"\n`{corpus}`, {options.runs} rounds, each binary in turn:\n")
    print("| command | binary | wall s, median (fastest-slowest) | CPU s (user + sys), median | peak RSS, last run (MiB) | output as the first binary's |")
    print("|---|---|---:|---:|---:|---|")
    for command, make in commands.items():
        walls = {name: [] for name, _ in binaries}
        cpus = {name: [] for name, _ in binaries}
        outputs: dict[str, str] = {}
        rss: dict[str, int] = {}
        for _ in range(options.runs):
            for name, binary in binaries:
                shutil.rmtree(scratch / name, ignore_errors=True)
                wall, cpu, peak, stdout = run(make(binary, name), scratch)
                walls[name].append(wall)
                cpus[name].append(cpu)
                rss[name] = peak
                if command == "index":
                    # The same index answers the same: the hits of five searches (by the binary itself).
                    stdout = b"".join(
                        subprocess.run([binary, "search", query, "--index", str(scratch / name), "--format", "json", "--limit", "30"],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout
                        for query in QUERIES
                    )
                outputs[name] = hashlib.sha256(stdout).hexdigest()
        first = binaries[0][0]
        for name, _ in binaries:
            same = "yes" if outputs[name] == outputs[first] else "**no**"
            print(f"| {command} | {name} | {spread(walls[name])} | {statistics.median(cpus[name]):.2f} | {rss[name] / 1024:.0f} | {same} |", flush=True)
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
