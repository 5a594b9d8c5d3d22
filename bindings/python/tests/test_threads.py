"""Objects shared between Python threads, and long calls that let other threads run."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import lexdef


def test_one_corpus_serves_a_thread_pool(corpus: lexdef.Corpus) -> None:
    fresh = lexdef.Corpus.bundled()
    ids = fresh.ids

    def work(instrument: str) -> tuple[object, ...]:
        model = fresh.model(instrument)
        comparison = fresh.compare(instrument)
        hits = fresh.search("exploitation", jurisdiction=fresh[instrument].jurisdiction, limit=5)
        return (model, len(comparison.divergences), [hit.eid for hit in hits])

    expected = [work(instrument) for instrument in ids]
    with ThreadPoolExecutor(max_workers=8) as pool:
        # Every thread races to build the search index on its first search.
        results = list(pool.map(work, ids * 3))
    assert results == expected * 3


def test_long_calls_release_the_gil(corpus: lexdef.Corpus) -> None:
    """A Python thread keeps running while the report is built: samples it takes fall in the
    middle of the call. Were the GIL held, that thread could not run at all during it."""
    samples: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            samples.append(time.perf_counter())
            time.sleep(0.0005)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        for call in (corpus.report, corpus.matrix, lambda: lexdef.Corpus.bundled().search("vulnerability")):
            time.sleep(0.01)
            start = time.perf_counter()
            call()
            end = time.perf_counter()
            duration = end - start
            middle = [at for at in samples if start + duration / 4 < at < end - duration / 4]
            # The middle half of the call is at least a few milliseconds long in any build.
            assert duration > 0.004, f"{call}: the call was too short ({duration * 1000:.1f} ms) to tell"
            assert middle, f"{call}: no other thread ran during the middle {duration * 500:.0f} ms of the call"
    finally:
        stop.set()
        sampler.join()


def test_errors_in_many_threads_leave_the_objects_usable() -> None:
    """Threads that hit the matrix's refused calls at once (a 100,000-character query, an
    unknown element, a bad lexicon, a bad text) get their exceptions, and the shared corpus
    and lexicon keep answering correctly in every thread."""
    shared = lexdef.Corpus.bundled()
    lexicon = lexdef.Lexicon.bundled()
    expected = [hit.eid for hit in shared.search("exploitation", limit=5)]

    def work(step: int) -> list[str]:
        refused = [
            lambda: shared.search("x" * 100_000),
            lambda: shared.search("labour", element="means.nope"),
            lambda: shared.search("- *"),
            lambda: lexicon.extend('version = 1\n[[elements]]\nid = "act.transfer"\nforms = ["recruiting"]\n'),
            lambda: lexdef.parse_text("Section 1.\x00"),
        ][step % 5]
        try:
            refused()
        except lexdef.LexdefError:
            pass
        else:
            raise AssertionError(f"step {step}: the call was not refused")
        return [hit.eid for hit in shared.search("exploitation", limit=5)]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(40)))
    assert results == [expected] * 40
    assert lexicon == lexdef.Lexicon.bundled()
