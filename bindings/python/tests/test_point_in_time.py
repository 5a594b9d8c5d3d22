"""The law at a date and the definition through time, from Python (issue 17)."""

import pickle
import warnings

import pytest

import lexdef


@pytest.fixture(scope="module")
def corpus():
    return lexdef.Corpus.bundled()


def test_the_timeline_says_when_obtaining_was_added_and_by_which_words(corpus):
    frame = corpus.timeline("PH-RA9208-2003")
    obtaining = frame[(frame["item"] == "act.obtaining") & (frame["event"] == "appeared")]
    assert len(obtaining) == 1
    row = obtaining.iloc[0]
    assert (row["by"], row["date"], row["amending_eid"]) == ("PH-RA10364-2012", "2013", "sec_3")
    assert (row["words"], row["words_instrument"], row["words_line"]) == ("obtaining", "PH-RA10364-2012", 95)
    procuring = frame[(frame["item"] == "act.procuring")].iloc[0]
    assert procuring["amending_line"] == 99
    assert "Section 4 of Republic Act No. 9208, as amended, is hereby further amended" in procuring["amending_words"]
    # The child's age is unknown after RA 11862 (its (b) is not in the corpus), not gone.
    age = frame[(frame["item"] == "child_age")].set_index("version")
    assert age.loc[0, "to"] == "18" and age.loc[2, "event"] == "unknown"
    assert not (frame["event"] == "went").any()
    # Tidy: lines are nullable integers, events an ordered categorical.
    assert str(frame["words_line"].dtype) == "Int64"
    assert list(frame["event"].cat.categories) == ["as adopted", "appeared", "changed", "unknown", "went"]
    assert frame["event"].cat.ordered


def test_what_could_not_be_applied_is_listed(corpus):
    frame = corpus.timeline("MY-ATIPSOM-2007")
    unapplied = frame.attrs["unapplied"]
    assert [item["line"] for item in unapplied] == [65, 66, 68, 69, 70, 71]
    assert all(item["instrument"] == "MY-ATIPSOM-AMEND" for item in unapplied)


def test_the_corpus_at_a_date(corpus):
    with pytest.warns(lexdef.LexdefWarning, match="PH-RA11862-2022: left out"):
        then = corpus.at("2015-01-01")
    assert "PH-RA11862-2022" not in then
    model = then.model("PH-RA9208-2003")
    assert model.state("act.obtaining") == "present"
    assert corpus.model("PH-RA9208-2003").state("act.obtaining") != "present"
    # A version pickles and comes back the same.
    instrument = then["PH-RA9208-2003"]
    assert pickle.loads(pickle.dumps(instrument)) == instrument
    assert "PH-RA10364-2012/" in instrument.text or "recruitment, obtaining" in instrument.text


def test_a_day_the_corpus_cannot_settle_is_refused(corpus):
    with pytest.raises(lexdef.QueryError, match="PH-RA10364-2012 dates from 2013"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus.timeline("PH-RA9208-2003")  # (the timeline itself needs no day)
            corpus.at("2013-05-01").model("PH-RA9208-2003")
    with pytest.raises(lexdef.QueryError, match="YYYY-MM-DD"):
        corpus.at("2015")
    with pytest.raises(lexdef.CorpusError, match="did you mean"):
        corpus.timeline("PH-RA9208-2030")
