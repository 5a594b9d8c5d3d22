"""The protection checklist from Python (`Corpus.checklist()`): what the bundled corpus's
instruments provide for victims, item by item, with the words of the law; the same as
`lexdef checklist` writes, as Python objects, dicts and typed DataFrames."""

from __future__ import annotations

import json
import pickle

import pytest

import lexdef

pandas = pytest.importorskip("pandas")

ITEMS = 16


@pytest.fixture(scope="module")
def checklist(corpus: lexdef.Corpus) -> lexdef.Checklist:
    return corpus.checklist()


def test_the_protocol_provides_compensation_mandatorily_in_the_words_of_article_6_6(
    checklist: lexdef.Checklist,
) -> None:
    palermo = checklist["INTL-PALERMO-2000"]
    assert isinstance(palermo, lexdef.InstrumentChecklist)
    item = palermo["protection.compensation"]
    assert item == palermo["compensation"]
    assert (item.state, item.obligation, item.label) == ("provided", "mandatory", "Compensation")
    assert item.reason is None and item.cause is None
    [evidence] = item.evidence
    assert isinstance(evidence, lexdef.ProtectionEvidence)
    assert (evidence.eid, evidence.text, evidence.line, evidence.item) == (
        "art_6__para_6",
        "compensation",
        120,
        "protection.compensation",
    )
    assert evidence.obligation == "mandatory" and evidence.obligation_words == "shall"
    assert "possibility of obtaining compensation for damage suffered" in evidence.context
    # Never lose the words: the span is the words in the instrument's text.
    corpus = lexdef.Corpus.bundled()
    assert corpus["INTL-PALERMO-2000"].text[evidence.start : evidence.end] == evidence.text


def test_the_protocol_only_asks_states_to_consider_residence(checklist: lexdef.Checklist) -> None:
    residence = checklist["INTL-PALERMO-2000"]["residence_permit"]
    assert (residence.state, residence.obligation) == ("provided", "discretionary")
    assert [(evidence.eid, evidence.obligation_words) for evidence in residence.evidence] == [
        ("art_7__para_1", "shall consider")
    ]
    assert residence.evidence[0].text == "remain in its territory"
    # Housing the State must take into account (art 6(4)) is not housing provided: shelter is
    # the discretionary housing of art 6(3)(a).
    shelter = checklist["INTL-PALERMO-2000"]["shelter"]
    assert (shelter.obligation, [evidence.eid for evidence in shelter.evidence]) == ("discretionary", ["art_6__para_3__subpara_a"])
    # An item provided by provisions of different strength takes the strongest; each piece
    # of evidence keeps its own (Thai s 33 "shall consider" compensation, s 34 "shall").
    compensation = checklist["TH-ATIPA-2008-orig"]["compensation"]
    assert compensation.obligation == "mandatory"
    assert {evidence.obligation for evidence in compensation.evidence} == {"discretionary", "mandatory"}


def test_an_instrument_without_protection_text_has_every_item_not_found_with_the_reason(
    checklist: lexdef.Checklist,
) -> None:
    # The corpus holds no text of the Brunei Order's protection part: nothing is concluded.
    brunei = checklist["BN-ATIPO-2019"]
    assert brunei.provided == 0 and len(brunei) == ITEMS
    for item in brunei:
        assert item.state == "not_found", item
        assert item.obligation is None and item.evidence == []
        assert item.reason and "the law may provide it" in item.reason, item.reason
        assert item.cause == "no_protection_text"


def test_the_set_iterates_and_indexes_by_instrument(corpus: lexdef.Corpus, checklist: lexdef.Checklist) -> None:
    assert len(checklist) == len(corpus)
    assert checklist.instruments == list(corpus.ids)
    assert [each.instrument for each in checklist] == checklist.instruments
    assert "INTL-PALERMO-2000" in checklist and "PALERMO" not in checklist
    assert len(checklist.items) == ITEMS and checklist.items[0] == "protection.non_punishment"
    palermo = checklist["INTL-PALERMO-2000"]
    assert [item.id for item in palermo] == checklist.items == [item.id for item in palermo.items]
    assert palermo.language == "en"
    assert palermo.provided == sum(item.state == "provided" for item in palermo)
    assert "compensation" in palermo and "housing" not in palermo
    assert repr(checklist).startswith(f"<Checklist of {len(checklist)} instruments × 16 items: ")
    assert repr(palermo["compensation"]) == (
        '<ChecklistItem INTL-PALERMO-2000 protection.compensation: provided (mandatory) at art_6__para_6 "compensation">'
    )


def test_ids_and_items_narrow_the_checklist_in_the_order_asked(corpus: lexdef.Corpus) -> None:
    narrow = corpus.checklist(["TH-ATIPA-2008-orig", "INTL-PALERMO-2000", "TH-ATIPA-2008-orig"], items=["privacy", "protection.shelter"])
    assert narrow.instruments == ["TH-ATIPA-2008-orig", "INTL-PALERMO-2000"]
    # Items keep the checklist's order, whatever the order asked.
    assert narrow.items == ["protection.shelter", "protection.privacy"]
    assert len(narrow.to_pandas()) == 4
    assert corpus.checklist("INTL-PALERMO-2000", items="compensation").instruments == ["INTL-PALERMO-2000"]
    with pytest.raises(KeyError, match="asked without the item `protection.compensation`"):
        narrow["INTL-PALERMO-2000"]["compensation"]


def test_unknown_ids_and_items_are_refused_with_what_they_may_mean(
    corpus: lexdef.Corpus, checklist: lexdef.Checklist
) -> None:
    with pytest.raises(lexdef.CorpusError, match=r"no instrument `INTL-PALERMO-200` in the corpus \(did you mean INTL-PALERMO-2000\?\)"):
        corpus.checklist(["INTL-PALERMO-200"])
    with pytest.raises(lexdef.QueryError, match=r"invalid checklist item `shelterr`: .*did you mean `protection.shelter`\?"):
        corpus.checklist(items=["shelterr"])
    # An element of the definitions' lexicon is no checklist item: the items are listed.
    with pytest.raises(lexdef.QueryError, match=r"`act.harbouring`: an item of the protection checklist: protection.non_punishment, "):
        corpus.checklist(items="act.harbouring")
    with pytest.raises(KeyError, match=r"no instrument `PALERMO` \(did you mean INTL-PALERMO-2000\?\)"):
        checklist["PALERMO"]
    with pytest.raises(KeyError, match=r"did you mean `protection.compensation`"):
        checklist["INTL-PALERMO-2000"]["compensaton"]


def test_the_dataframe_has_a_typed_row_per_instrument_and_item(checklist: lexdef.Checklist) -> None:
    frame = checklist.to_pandas()
    assert list(frame.columns) == [
        "instrument", "item", "label", "state", "obligation", "evidence_count", "eid", "line", "words", "reason",
    ]
    assert len(frame) == ITEMS * len(checklist)
    assert (frame.groupby("instrument").size() == ITEMS).all()
    dtypes = {column: str(dtype) for column, dtype in frame.dtypes.items()}
    assert dtypes == {
        "instrument": "string", "item": "category", "label": "string", "state": "category",
        "obligation": "category", "evidence_count": "Int64", "eid": "string", "line": "Int64",
        "words": "string", "reason": "string",
    }
    assert list(frame["item"].cat.categories) == checklist.items and not frame["item"].cat.ordered
    assert list(frame["state"].cat.categories) == ["provided", "not_provided", "not_found"]
    assert list(frame["obligation"].cat.categories) == ["discretionary", "conditional", "mandatory"]
    assert frame["state"].cat.ordered and frame["obligation"].cat.ordered
    row = frame[(frame["instrument"] == "INTL-PALERMO-2000") & (frame["item"] == "protection.compensation")].iloc[0]
    assert (row["state"], row["obligation"], row["evidence_count"], row["eid"], row["line"], row["words"]) == (
        "provided", "mandatory", 1, "art_6__para_6", 120, "compensation",
    )
    assert row["reason"] is pandas.NA
    # Not provided or not found: no obligation, no words, <NA> (never NaN in an object column).
    unsettled = frame[frame["state"] != "provided"]
    assert unsettled["obligation"].isna().all() and unsettled["words"].isna().all()
    assert (unsettled["evidence_count"] == 0).all()
    assert frame[frame["state"] == "not_found"]["reason"].notna().all()
    # The pivot keeps the checklist's order of items.
    grid = frame.pivot(index="instrument", columns="item", values="state")
    assert grid.shape == (len(checklist), ITEMS) and list(grid.columns) == checklist.items
    assert grid.loc["INTL-PALERMO-2000", "protection.residence_permit"] == "provided"


def test_the_polars_frame_has_the_same_shape(checklist: lexdef.Checklist) -> None:
    polars = pytest.importorskip("polars")
    frame = checklist.to_polars()
    assert frame.shape == (ITEMS * len(checklist), 10)
    assert frame.schema["state"] == polars.Enum(["provided", "not_provided", "not_found"])
    assert frame.schema["line"] == polars.Int64 and frame.schema["evidence_count"] == polars.Int64
    palermo = checklist["INTL-PALERMO-2000"].to_polars()
    assert palermo.filter(polars.col("item") == "protection.compensation")["eid"].to_list() == ["art_6__para_6"]


def test_json_dict_text_markdown_and_csv_are_the_cores(checklist: lexdef.Checklist) -> None:
    written = json.loads(checklist.to_json())
    assert written["schema"] == "lexdef-checklist/1"
    assert written == checklist.to_dict()
    palermo = written["instruments"][checklist.instruments.index("INTL-PALERMO-2000")]
    assert palermo == checklist["INTL-PALERMO-2000"].to_dict()
    compensation = next(item for item in palermo["items"] if item["id"] == "protection.compensation")
    assert compensation["evidence"][0]["eid"] == "art_6__para_6" and compensation["obligation"] == "mandatory"
    text = checklist.to_text()
    assert '"compensation" art_6__para_6: mandatory ("shall")' in text
    assert "| INTL-PALERMO-2000 |" in checklist.to_markdown()
    csv = checklist.to_csv().splitlines()
    assert csv[0] == "instrument,item,state,obligation,evidence_count,eid,line,words,reason"
    assert "INTL-PALERMO-2000,protection.compensation,provided,mandatory,1,art_6__para_6,120,compensation," in csv


def test_the_notebook_shows_the_grid_and_the_evidence(checklist: lexdef.Checklist) -> None:
    html = checklist._repr_html_()
    assert html == checklist.to_html() and html.startswith('<div class="lexdef"><style>')
    assert html.count('<tr><th class="id">') == len(checklist)
    assert 'id="INTL-PALERMO-2000-compensation"' in html and 'href="#INTL-PALERMO-2000-compensation"' in html
    one = checklist["INTL-PALERMO-2000"]._repr_html_()
    assert one.count('<tr><th class="id">') == 1 and "art_6__para_6" in one


def test_everything_pickles(checklist: lexdef.Checklist) -> None:
    item = checklist["INTL-PALERMO-2000"]["compensation"]
    for value in (checklist, checklist["INTL-PALERMO-2000"], item, item.evidence[0]):
        back = pickle.loads(pickle.dumps(value))
        assert type(back) is type(value) and back == value


def test_the_whole_bundled_corpus_reads_without_a_panic(  # the text of MY-ATIPSOM-AMEND-BILL once made it panic
corpus: lexdef.Corpus) -> None:
    try:
        whole = corpus.checklist()
    except BaseException as panic:  # pyo3's PanicException derives from BaseException
        raise AssertionError(f"the checklist of the whole corpus panicked: {panic}") from None
    assert len(whole) == len(corpus)
    assert len(whole.to_pandas()) == ITEMS * len(corpus)
