"""Every object pickles and reads back equal, and crosses to worker processes."""

from __future__ import annotations

import pickle
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import lexdef
from conftest import BILL


def round_trip(value: Any) -> Any:
    back = pickle.loads(pickle.dumps(value))
    assert type(back) is type(value)
    assert back == value
    return back


def test_results_pickle(corpus: lexdef.Corpus) -> None:
    model = corpus.model("INTL-PALERMO-2000")
    round_trip(model)
    round_trip(model.elements[0])
    round_trip(model.elements[0].evidence[0])
    round_trip(model.qualifiers["child_age"])
    assert round_trip(model.qualifiers["child_age"]).value == 18
    comparison = corpus.compare("MM-ATIPL-2005")
    back = round_trip(comparison)
    assert back._repr_html_() == comparison._repr_html_()
    round_trip(comparison.divergences)
    round_trip(comparison.divergences[0])
    round_trip(corpus.matrix(baseline="palermo"))
    report = round_trip(corpus.report())
    assert report.to_json() == corpus.report().to_json()
    round_trip(corpus.definitions(concept="child"))
    round_trip(corpus.definitions()[0])
    provisions = corpus["PH-RA9208-2003"].provisions()
    round_trip(provisions)
    round_trip(provisions[0])
    hits = corpus.search("vulnerability", limit=5)
    round_trip(hits)
    round_trip(hits[0])
    check = round_trip(corpus.translation_check())
    assert check.to_json() == corpus.translation_check().to_json()
    pair = round_trip(check.pairs[0])
    round_trip(pair.findings)
    round_trip(pair.findings[0])


def test_corpus_instrument_and_lexicon_pickle(corpus: lexdef.Corpus) -> None:
    back = pickle.loads(pickle.dumps(corpus))
    assert back.ids == corpus.ids
    assert back.report().to_json() == corpus.report().to_json()
    instrument = round_trip(corpus["SG-PHTA-2014"])
    assert instrument.model() == corpus.model("SG-PHTA-2014")
    bill = round_trip(lexdef.parse_text(BILL, title="Bill", jurisdiction="MY"))
    assert bill.title == "Bill" and bill.jurisdiction == "MY" and len(bill.warnings) == 1
    extended = corpus.lexicon.extend('version = 1\n[[elements]]\nid = "act.harbouring"\nforms = ["concealment"]\n')
    assert any(hit[0] == "act.harbouring" for hit in round_trip(extended).find_elements("concealment of persons"))


def test_a_corpus_with_problems_keeps_them(corpus_dir: Path) -> None:
    (corpus_dir / "EMPTY.txt").write_bytes(b"")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", lexdef.LexdefWarning)
        loaded = lexdef.Corpus.load(corpus_dir)
    back = pickle.loads(pickle.dumps(loaded))
    assert back.errors == loaded.errors and len(back.errors) == 1
    assert back.ids == loaded.ids


def child_age(corpus: lexdef.Corpus, instrument: str) -> Any:
    return corpus.model(instrument).qualifiers["child_age"].value


def test_objects_cross_to_worker_processes(corpus: lexdef.Corpus) -> None:
    ids = ["INTL-PALERMO-2000", "MM-ATIPL-2005", "VN-PENAL-2015", "SG-PHTA-2014"]
    with ProcessPoolExecutor(max_workers=2) as pool:
        ages = list(pool.map(child_age, [corpus] * len(ids), ids))
    assert ages == [18, 16, 16, 18]


def test_every_class_pickles_equal(corpus: lexdef.Corpus) -> None:
    from test_api_surface import instances

    every = instances(corpus)
    for cls, instance in every.items():
        back = pickle.loads(pickle.dumps(instance))
        assert type(back) is cls
        # Before: a corpus read back was a different object that compared unequal.
        assert back == instance, cls.__name__
    assert pickle.loads(pickle.dumps(corpus)) == corpus
    assert pickle.loads(pickle.dumps(corpus)) != corpus.with_lexicon(
        corpus.lexicon.extend('version = 1\n[[elements]]\nid = "act.harbouring"\nforms = ["concealment"]\n')
    )
