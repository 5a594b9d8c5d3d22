"""lexdef against the tools a user would otherwise run, on the same input, in one run.

    /root/.pyenv/versions/3.12.1/bin/python3 -m venv /tmp/peers312      # CPython 3.12 or later
    /tmp/peers312/bin/pip install -r benches/peers-requirements.txt ./bindings/python
    /tmp/peers312/bin/python benches/peers.py            # all four comparisons; --only structure,search,...
    /tmp/peers312/bin/python benches/peers.py --only akn # Akoma Ntoso out; needs only bluebell-akn(-rs)

Prints one markdown table per comparison (figures go in BENCHMARKS.md):

- structure: bluebell-akn 5 with its Rust extension (bluebell-akn-rs) on keyword-marked text
  (`SEC 3 - Heading`, `SUBSEC (1)`, `PARA (a)`) against lexdef's structure parser on the same
  sections as plain statute text (`Section 3. Heading`, `(1)`, `(a)`), 100 KB to 50 MB;
- akn: the same sections written as Akoma Ntoso by both: `lexdef parse --format akn` (the
  structure parser and `lexdef::akn::write`) against bluebell's `parse_to_xml_bytes`;
- search: tantivy-py (English stemmer) indexing the provision and definition texts lexdef's
  index holds, against lexdef's index build and search through its Python API, on the
  synthetic corpora of 1,000 and 10,000 instruments;
- similarity: the wording pairs the divergence engine compares, scored by strsim (what lexdef
  calls), rapidfuzz's Rust crate, and rapidfuzz from Python (one call per pair, and batched);
- the scan limit is in `cargo bench --bench scale` (both sides are Rust).

Both sides of a comparison run in turn, round after round, so both see the same machine;
each figure is the median of its runs, with the range. The Rust side is `benches/peer_side.rs`,
built here with `cargo bench --no-run`. Each side's work is checked: the provisions found, the
documents indexed, the scores computed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "target" / "peers"
SIZES_MB = [0.1, 1, 10, 50]
CORPUS_SIZES = [1_000, 10_000]
QUERIES = ['"forced labour"', "harbouring", '"abuse of power"', "debt AND bondage", "child AND consent"]


def helper() -> str:
    """Build benches/peer_side.rs (release) and return its path."""
    build = subprocess.run(
        ["cargo", "bench", "--no-run", "--bench", "peer_side", "--message-format=json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    for line in build.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("target", {}).get("name") == "peer_side":
            if message.get("executable"):
                return message["executable"]
    raise SystemExit("peer_side was not built:\n" + build.stderr)


def run_helper(binary: str, *args: str) -> list[str]:
    result = subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"peer_side {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout.splitlines()


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):,.1f} ({min(values):,.1f}–{max(values):,.1f})"


# --- structure ----------------------------------------------------------------------------

HEADINGS = [
    "Interpretation", "Offence of trafficking in persons", "Consent of victim", "Protection of trafficked persons",
    "Powers of enforcement officers", "Jurisdiction", "Penalties", "Assistance to victims",
]


def prose() -> list[str]:
    """Sentences of the bundled English instruments, for the generated sections' text: their
    lines of prose, numbering taken off, that neither format reads as structure or markup."""
    import re

    label = re.compile(r"^(\(?[0-9A-Za-z]{1,4}[.)](\u2014)?\s*)+")
    sentences = []
    for name in ["INTL-PALERMO-2000", "SG-PHTA-2014", "MY-ATIPSOM-2007-BILL", "PH-RA9208-2003", "TH-ATIPA-2008"]:
        text = (ROOT / "corpus" / "instruments" / f"{name}.txt").read_text(encoding="utf-8").split("\n+++\n", 1)[1]
        for line in text.splitlines():
            line = label.sub("", line.strip()).strip()
            first = line.split(" ", 1)[0]
            if (
                len(line) > 60
                and line[0].isalpha()
                and not first.isupper()
                and not any(mark in line for mark in "{}[]*/_\\")
                and first.rstrip(".") not in ("Section", "Article", "SEC", "Part", "Chapter")
            ):
                sentences.append(line)
    assert len(sentences) > 20, f"{len(sentences)} prose lines found"
    return sentences


def sections(target_bytes: int) -> tuple[str, str, dict[str, int]]:
    """The same sections twice: bluebell keywords, and plain statute text of at least
    `target_bytes`. Returns both texts and how many of each provision they hold."""
    lines = prose()
    keyword: list[str] = []
    plain: list[str] = []
    counts = {"sections": 0, "subsections": 0, "paragraphs": 0}
    size = 0
    number = 0
    sentence = 0
    while size < target_bytes:
        first_line = len(plain)
        number += 1
        heading = HEADINGS[number % len(HEADINGS)]
        keyword.append(f"SEC {number} - {heading}")
        plain.append(f"Section {number}. {heading}")
        counts["sections"] += 1
        for subsection in range(1, 2 + number % 3):
            text = lines[sentence % len(lines)]
            sentence += 1
            keyword += [f"  SUBSEC ({subsection})", f"    {text}"]
            plain.append(f"({subsection}) {text}")
            counts["subsections"] += 1
            for letter in "abc"[: (number + subsection) % 4]:
                text = lines[sentence % len(lines)]
                sentence += 1
                keyword += [f"    PARA ({letter})", f"      {text}"]
                plain.append(f"({letter}) {text}")
                counts["paragraphs"] += 1
        keyword.append("")
        plain.append("")
        size += sum(len(line) + 1 for line in plain[first_line:])
    return "\n".join(keyword), "\n".join(plain), counts


def structure(binary: str, sizes: list[float]) -> None:
    import bluebell

    WORK.mkdir(parents=True, exist_ok=True)
    print("\n### Structure parsing: lexdef (plain text) against bluebell-akn 5 + bluebell-akn-rs (keyword text)\n")
    print("| size (plain) | sections / subsections / paragraphs | lexdef ms | lexdef MB/s | bluebell ms | bluebell MB/s | bluebell / lexdef (time) |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for megabytes in sizes:
        keyword, plain, counts = sections(int(megabytes * 1024 * 1024))
        path = WORK / f"plain-{megabytes}.txt"
        path.write_text(plain, encoding="utf-8")
        runs, rounds = (5, 3) if megabytes <= 1 else (1, 3)
        lexdef_ms: list[float] = []
        bluebell_ms: list[float] = []
        for _ in range(rounds):
            for line in run_helper(binary, "structure", str(path), str(runs)):
                fields = line.split()
                lexdef_ms.append(float(fields[1]))
                found = {"sections": int(fields[3]), "subsections": int(fields[5]), "paragraphs": int(fields[7])}
                assert found == counts, f"lexdef found {found}, the text holds {counts}"
            for _ in range(runs):
                start = time.perf_counter()
                xml = bluebell.parse_to_xml_bytes(keyword, "act", "/akn/za/act/2020/1")
                bluebell_ms.append((time.perf_counter() - start) * 1000)
                found = {
                    "sections": xml.count(b"<section "),
                    "subsections": xml.count(b"<subsection "),
                    "paragraphs": xml.count(b"<paragraph "),
                }
                assert found == counts, f"bluebell found {found}, the text holds {counts}"
                del xml
        plain_mb = len(plain.encode()) / 1e6
        keyword_mb = len(keyword.encode()) / 1e6
        lexdef_median, bluebell_median = statistics.median(lexdef_ms), statistics.median(bluebell_ms)
        print(
            f"| {plain_mb:.1f} MB (keyword text {keyword_mb:.1f} MB) | {counts['sections']:,} / {counts['subsections']:,} / {counts['paragraphs']:,} "
            f"| {spread(lexdef_ms)} | {plain_mb / lexdef_median * 1000:.1f} | {spread(bluebell_ms)} | {keyword_mb / bluebell_median * 1000:.1f} "
            f"| {bluebell_median / lexdef_median:.1f}× |",
            flush=True,
        )


def akn(binary: str, sizes: list[float]) -> None:
    """Both sides write Akoma Ntoso from the same sections: lexdef's structure parser and AKN
    writer (`lexdef parse --format akn`) on the plain text, bluebell's parse_to_xml_bytes on
    the keyword text. Each side's XML is checked for the generated sections, subsections and
    paragraphs."""
    import bluebell

    WORK.mkdir(parents=True, exist_ok=True)
    print("\n### Akoma Ntoso out: lexdef parse --format akn (plain text) against bluebell-akn 5 + bluebell-akn-rs parse_to_xml_bytes (keyword text)\n")
    print("| size (plain) | sections / subsections / paragraphs | lexdef ms | lexdef MB/s | lexdef XML MB | bluebell ms | bluebell MB/s | bluebell XML MB | bluebell / lexdef (time) |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for megabytes in sizes:
        keyword, plain, counts = sections(int(megabytes * 1024 * 1024))
        path = WORK / f"plain-{megabytes}.txt"
        path.write_text(plain, encoding="utf-8")
        runs, rounds = (5, 3) if megabytes <= 1 else (1, 3)
        lexdef_ms: list[float] = []
        bluebell_ms: list[float] = []
        lexdef_bytes = bluebell_bytes = 0
        for _ in range(rounds):
            for line in run_helper(binary, "akn", str(path), str(runs)):
                fields = line.split()
                lexdef_ms.append(float(fields[1]))
                found = {"sections": int(fields[3]), "subsections": int(fields[5]), "paragraphs": int(fields[7])}
                assert found == counts, f"lexdef wrote {found}, the text holds {counts}"
                lexdef_bytes = int(fields[9])
            for _ in range(runs):
                start = time.perf_counter()
                xml = bluebell.parse_to_xml_bytes(keyword, "act", "/akn/za/act/2020/1")
                bluebell_ms.append((time.perf_counter() - start) * 1000)
                found = {
                    "sections": xml.count(b"<section "),
                    "subsections": xml.count(b"<subsection "),
                    "paragraphs": xml.count(b"<paragraph "),
                }
                assert found == counts, f"bluebell wrote {found}, the text holds {counts}"
                bluebell_bytes = len(xml)
                del xml
        plain_mb = len(plain.encode()) / 1e6
        keyword_mb = len(keyword.encode()) / 1e6
        lexdef_median, bluebell_median = statistics.median(lexdef_ms), statistics.median(bluebell_ms)
        print(
            f"| {plain_mb:.1f} MB (keyword text {keyword_mb:.1f} MB) | {counts['sections']:,} / {counts['subsections']:,} / {counts['paragraphs']:,} "
            f"| {spread(lexdef_ms)} | {plain_mb / lexdef_median * 1000:.1f} | {lexdef_bytes / 1e6:.1f} | {spread(bluebell_ms)} | {keyword_mb / bluebell_median * 1000:.1f} "
            f"| {bluebell_bytes / 1e6:.1f} | {bluebell_median / lexdef_median:.1f}× |",
            flush=True,
        )


# --- search -------------------------------------------------------------------------------


def tantivy_build(documents: list[dict[str, str]], threads: int):
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("instrument", stored=True, tokenizer_name="raw")
    builder.add_text_field("eid", stored=True, tokenizer_name="raw")
    builder.add_text_field("text", stored=True, tokenizer_name="en_stem")
    index = tantivy.Index(builder.build())
    writer = index.writer(heap_size=50_000_000, num_threads=threads)
    for document in documents:
        writer.add_document(tantivy.Document(instrument=document["instrument"], eid=document["eid"], text=document["text"]))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


def tantivy_query(index, query: str) -> int:
    parsed = index.parse_query(query, ["text"], conjunction_by_default=True)
    searcher = index.searcher()
    result = searcher.search(parsed, limit=20, count=True)
    for _, address in result.hits:
        searcher.doc(address)
    return result.count


def search(binary: str, sizes: list[int]) -> None:
    import lexdef

    print("\n### Index and search from Python: lexdef against tantivy-py (same provision texts)\n")
    print("| instruments | documents | lexdef load ms | lexdef index build ms | tantivy-py build ms (1 thread) | lexdef / tantivy | tantivy-py build ms (default threads) | lexdef query p50 ms | tantivy-py query p50 ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        directory = WORK / f"corpus-{size}"
        run_helper(binary, "generate", str(size), str(directory))
        dump = WORK / f"documents-{size}.jsonl"
        [count_line] = [line for line in run_helper(binary, "index-documents", str(directory), str(dump)) if line.startswith("documents ")]
        documents = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
        assert len(documents) == int(count_line.split()[1])
        rounds = 3
        load_ms, lexdef_ms, tantivy_ms, tantivy_default_ms = [], [], [], []
        lexdef_query, tantivy_query_ms = [], []
        corpus = index = None
        for _ in range(rounds):
            start = time.perf_counter()
            corpus = lexdef.Corpus.load(str(directory), strict=True)
            load_ms.append((time.perf_counter() - start) * 1000)
            assert len(corpus) == size
            start = time.perf_counter()
            corpus.search(QUERIES[0], limit=20)  # builds the index, then one query
            lexdef_ms.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            index = tantivy_build(documents, threads=1)
            tantivy_ms.append((time.perf_counter() - start) * 1000)
            assert index.searcher().num_docs == len(documents)
            start = time.perf_counter()
            tantivy_build(documents, threads=0)
            tantivy_default_ms.append((time.perf_counter() - start) * 1000)
        for _ in range(20):
            for query in QUERIES:
                start = time.perf_counter()
                hits = corpus.search(query, limit=20)
                lexdef_query.append((time.perf_counter() - start) * 1000)
                assert len(hits) > 0, query
                start = time.perf_counter()
                matched = tantivy_query(index, query)
                tantivy_query_ms.append((time.perf_counter() - start) * 1000)
                assert matched > 0, query
        print(
            f"| {size:,} | {len(documents):,} | {spread(load_ms)} | {spread(lexdef_ms)} | {spread(tantivy_ms)} "
            f"| {statistics.median(lexdef_ms) / statistics.median(tantivy_ms):.2f} | {spread(tantivy_default_ms)} "
            f"| {statistics.median(lexdef_query):.2f} (p90 {statistics.quantiles(lexdef_query, n=10)[-1]:.2f}) "
            f"| {statistics.median(tantivy_query_ms):.2f} (p90 {statistics.quantiles(tantivy_query_ms, n=10)[-1]:.2f}) |",
            flush=True,
        )
        del corpus, index, documents


# --- similarity ---------------------------------------------------------------------------


def similarity(binary: str, sizes: list[int]) -> None:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    print("\n### Similarity of the wording pairs the divergence engine compares (each instrument against the Protocol)\n")
    print("| instruments | pairs | strsim (Rust) ms | rapidfuzz crate (Rust) ms | rapidfuzz, Python, a call per pair ms | rapidfuzz, Python, `process.cpdist` ms | same scores |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for size in sizes:
        directory = WORK / f"corpus-{size}"
        run_helper(binary, "generate", str(size), str(directory))
        path = WORK / f"pairs-{size}.json"
        run_helper(binary, "pairs", str(directory), str(path))
        pairs = json.loads(path.read_text(encoding="utf-8"))
        left = [a for a, _, _ in pairs]
        right = [b for _, b, _ in pairs]
        strsim_ms, crate_ms, loop_ms, batch_ms = [], [], [], []
        worst = 0.0
        for _ in range(5):
            for line in run_helper(binary, "similarity", str(path), "3"):
                fields = line.split()
                if fields[0] == "strsim_ms":
                    strsim_ms.append(float(fields[1]))
                    crate_ms.append(float(fields[3]))
                else:
                    worst = max(worst, float(fields[3]))
            for _ in range(3):
                start = time.perf_counter()
                scores = [Levenshtein.normalized_similarity(a, b) for a, b in zip(left, right)]
                loop_ms.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                batch = process.cpdist(left, right, scorer=Levenshtein.normalized_similarity, workers=1)
                batch_ms.append((time.perf_counter() - start) * 1000)
        # The engine's score (strsim, rounded to 3 places) against rapidfuzz's.
        differing = sum(1 for (_, _, reported), score in zip(pairs, scores) if round(score, 3) != reported)
        differing += sum(1 for (_, _, reported), score in zip(pairs, batch) if round(float(score), 3) != reported)
        print(
            f"| {size:,} | {len(pairs):,} | {spread(strsim_ms)} | {spread(crate_ms)} | {spread(loop_ms)} | {spread(batch_ms)} "
            f"| {'yes' if differing == 0 and worst < 1e-12 else f'no: {differing} rounded scores differ, Rust max difference {worst:e}'} |",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="structure,search,similarity")
    parser.add_argument("--sizes-mb", default=",".join(str(size) for size in SIZES_MB))
    parser.add_argument("--corpus-sizes", default=",".join(str(size) for size in CORPUS_SIZES))
    options = parser.parse_args()
    binary = helper()
    WORK.mkdir(parents=True, exist_ok=True)
    from importlib import metadata

    def version(package: str) -> str:
        # The versions, for the record (`--only akn` needs only bluebell installed).
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "not installed"

    print(f"Python {sys.version.split()[0]}; lexdef {version('lexdef')}, bluebell-akn {version('bluebell-akn')}, bluebell-akn-rs {version('bluebell-akn-rs')}, tantivy-py {version('tantivy')}, rapidfuzz {version('rapidfuzz')}; {os.cpu_count()} CPUs")
    corpus_sizes = [int(size) for size in options.corpus_sizes.split(",")]
    for part in options.only.split(","):
        if part == "structure":
            structure(binary, [float(size) for size in options.sizes_mb.split(",")])
        elif part == "akn":
            akn(binary, [float(size) for size in options.sizes_mb.split(",")])
        elif part == "search":
            search(binary, corpus_sizes)
        elif part == "similarity":
            similarity(binary, corpus_sizes)
        else:
            raise SystemExit(f"unknown comparison {part!r}")


if __name__ == "__main__":
    main()
