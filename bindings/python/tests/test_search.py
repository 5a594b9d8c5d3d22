"""Search through the Python API: words, phrases, filters, highlights, errors."""

from __future__ import annotations

import pytest

import lexdef


def test_a_phrase_finds_the_provisions_that_say_it(corpus: lexdef.Corpus) -> None:
    hits = corpus.search('"position of vulnerability"')
    assert len(hits) > 0
    instruments = {hit.instrument for hit in hits}
    assert "INTL-PALERMO-2000" in instruments
    for hit in hits:
        assert "position of vulnerability" in hit.text.lower()
        assert hit.kind in {"provision", "definition"} and hit.line > 0 and hit.score > 0


def test_spelling_and_inflection_are_folded(corpus: lexdef.Corpus) -> None:
    american = {(hit.instrument, hit.eid) for hit in corpus.search("harbor", limit=100)}
    british = {(hit.instrument, hit.eid) for hit in corpus.search("harbouring", limit=100)}
    assert american and american == british


def test_filters_restrict_the_hits(corpus: lexdef.Corpus) -> None:
    philippine = corpus.search("exploitation", jurisdiction="PH", limit=50)
    assert philippine and {hit.jurisdiction for hit in philippine} == {"PH"}
    two = corpus.search("exploitation", jurisdiction=["PH", "SG"], limit=200)
    assert {hit.jurisdiction for hit in two} == {"PH", "SG"}
    with_element = corpus.search("trafficking", element="means.abuse_of_vulnerability", limit=100)
    assert with_element and all(hit.kind == "definition" for hit in with_element)
    assert len(corpus.search("exploitation", limit=3)) == 3


def test_highlights_are_character_offsets_into_the_snippet(corpus: lexdef.Corpus) -> None:
    hits = corpus.search("vulnerability", limit=10)
    assert hits
    for hit in hits:
        assert hit.highlights
        for start, end in hit.highlights:
            assert hit.snippet[start:end].lower().startswith("vulnerab")


def test_hits_convert_to_records_and_a_data_frame(corpus: lexdef.Corpus) -> None:
    hits = corpus.search("child", limit=5)
    records = hits.to_records()
    assert len(records) == len(hits) == 5
    assert list(records[0]) == ["kind", "instrument", "jurisdiction", "eid", "line", "score", "term", "snippet"]
    frame = hits.to_pandas()
    assert list(frame["instrument"]) == [hit.instrument for hit in hits]


def test_bad_queries_and_filters_are_query_errors(corpus: lexdef.Corpus) -> None:
    with pytest.raises(lexdef.QueryError, match="invalid query"):
        corpus.search('"unterminated phrase')
    with pytest.raises(lexdef.QueryError, match="element `means.telepathy`"):
        corpus.search("trafficking", element="means.telepathy")
    with pytest.raises(lexdef.QueryError, match="invalid jurisdiction `ZZ`"):
        corpus.search("trafficking", jurisdiction="ZZ")
    with pytest.raises(lexdef.QueryError, match="unknown concept"):
        corpus.search("trafficking", concept="nothing")
