"""Tidy DataFrames (issue 19, item 3): nullable dtypes with <NA> for what the text does not
settle and the reason beside it, ordered categoricals that sort by meaning, the corpus's
metadata and one qualifier of every instrument as tables, and the same shapes in polars."""

from __future__ import annotations

import io
from typing import Any

import pytest

import lexdef

pandas = pytest.importorskip("pandas")

STATES = ["present", "absent", "not_found", "not_defined"]


def test_qualifier_columns_are_nullable_with_the_reason_beside_them(corpus: lexdef.Corpus) -> None:
    # Before: one object column of 18, True and the string "unknown".
    frame = corpus.matrix(baseline="palermo").to_pandas()
    assert str(frame["child_age"].dtype) == "Int64"
    for flag in ["consent_irrelevant", "means_required_for_children", "transnational_required"]:
        assert str(frame[flag].dtype) == "boolean", flag
    assert isinstance(frame["exploitation_list"].dtype, pandas.CategoricalDtype)
    assert list(frame["exploitation_list"].cat.categories) == ["open", "closed"]
    assert list(frame["victim_scope"].cat.categories) == ["all_persons", "women_and_children", "children"]
    assert frame.loc["MM-ATIPL-2005", "child_age"] == 16
    assert frame.loc["INTL-PALERMO-2000", "child_age"] == 18
    # A value the text does not settle is <NA>, never the word "unknown", and says why.
    unknown = frame[frame["child_age"].isna()]
    assert len(unknown) > 0
    for instrument in unknown.index:
        assert corpus.model(instrument).qualifiers.get("child_age") is None or not corpus.model(instrument).qualifiers["child_age"].known
    assert unknown["child_age_reason"].notna().any()
    assert str(frame["child_age_reason"].dtype) == "string"
    reason = corpus.model("ASEAN-ACTIP-2015").qualifiers["child_age"].basis
    assert reason and frame.loc["ASEAN-ACTIP-2015", "child_age_reason"] == reason
    assert not (frame.astype(object) == "unknown").any().any()


def test_qualifier_columns_survive_a_csv_round_trip(corpus: lexdef.Corpus) -> None:
    # Before: '18' and 'True' came back as text.
    frame = corpus.matrix(baseline="palermo").to_pandas()
    back = pandas.read_csv(io.StringIO(frame.to_csv()), index_col="instrument", dtype_backend="numpy_nullable")
    assert str(back["child_age"].dtype) == "Int64"
    assert str(back["consent_irrelevant"].dtype) == "boolean"
    assert back.loc["MM-ATIPL-2005", "child_age"] == 16
    assert back["child_age"].isna().sum() == frame["child_age"].isna().sum()


def test_states_directions_and_severities_sort_by_meaning(corpus: lexdef.Corpus) -> None:
    matrix = corpus.matrix(baseline="palermo").to_pandas()
    column = matrix["means.abuse_of_vulnerability"]
    assert isinstance(column.dtype, pandas.CategoricalDtype) and column.cat.ordered
    assert list(column.cat.categories) == STATES
    model = corpus.model("MM-ATIPL-2005").to_pandas()
    assert list(model["state"].cat.categories) == STATES and model["state"].cat.ordered
    assert str(model["line"].dtype) == "Int64"
    divergences = corpus.report().to_pandas()
    assert divergences["direction"].cat.ordered
    assert list(divergences["direction"].cat.categories) == ["narrower", "different", "broader"]
    ordered = divergences.sort_values("direction")["direction"].astype(str).tolist()
    assert ordered == sorted(ordered, key=["narrower", "different", "broader"].index)
    assert str(divergences["certain"].dtype) == "boolean"
    assert str(divergences["subject_line"].dtype) == "Int64"
    # The two sides of a finding are written as in the JSON report: one text column.
    assert str(divergences["subject_value"].dtype) == "string"
    ages = divergences[divergences["qualifier"] == "child_age"]
    assert set(ages["baseline_value"]) == {"18"} and "16" in set(ages["subject_value"])
    diagnostics = corpus.errors.to_pandas()
    assert list(diagnostics["severity"].cat.categories) == ["warning", "error"]


def test_the_corpus_as_a_table_of_its_instruments(corpus: lexdef.Corpus) -> None:
    # Before: the notebook built this table by hand.
    frame = corpus.to_pandas()
    assert list(frame.index) == corpus.ids and frame.index.name == "id"
    assert list(frame.columns) == [
        "title",
        "short_title",
        "jurisdiction",
        "kind",
        "language",
        "language_status",
        "completeness",
        "partial",
        "adopted",
        "in_force",
        "relations",
        "file",
    ]
    for instrument in corpus:
        row = frame.loc[instrument.id]
        assert row["title"] == instrument.title and row["jurisdiction"] == instrument.jurisdiction
        assert row["kind"] == instrument.kind and row["language"] == instrument.language
        assert row["completeness"] == instrument.completeness and row["partial"] == instrument.partial
        assert (pandas.isna(row["adopted"]) and instrument.adopted is None) or row["adopted"] == instrument.adopted
    assert str(frame["partial"].dtype) == "boolean"
    assert list(frame["completeness"].cat.categories) == ["complete", "partial", "missing"]
    relations = frame.loc["PH-RA9208-2003", "relations"]
    assert "amended_by PH-RA10364-2012" in relations, relations
    assert set(frame["language_status"].dropna()) >= {"official"}


def test_one_qualifier_of_every_instrument_with_its_words(corpus: lexdef.Corpus) -> None:
    # Before: a ten-line loop over the models.
    ages = corpus.qualifiers("child_age")
    assert isinstance(ages, lexdef.Qualifiers) and len(ages) == len(corpus)
    frame = ages.to_pandas()
    assert list(frame.columns) == ["instrument", "qualifier", "value", "reason", "words", "eid", "line"]
    assert str(frame["value"].dtype) == "Int64" and str(frame["line"].dtype) == "Int64"
    by_instrument = frame.set_index("instrument")
    assert by_instrument.loc["MM-ATIPL-2005", "value"] == 16
    for qualifier in ages:
        row = by_instrument.loc[qualifier.instrument]
        model = corpus.model(qualifier.instrument).qualifiers["child_age"]
        assert qualifier == model
        if model.evidence:
            evidence = model.evidence[0]
            assert (row["words"], row["eid"], row["line"]) == (evidence.text, evidence.eid, evidence.line)
            # The words are the law's, exactly: at their place in the text.
            assert corpus[qualifier.instrument].text.encode()[evidence.start : evidence.end].decode() == row["words"]
        if not model.known:
            assert pandas.isna(row["value"]) and row["reason"] == model.basis
    flags = corpus.qualifiers("consent_irrelevant").to_pandas()
    assert str(flags["value"].dtype) == "boolean"


@pytest.mark.parametrize(("typed", "meant"), [("childage", "child_age"), ("child age", "child_age"), ("consent", "consent_irrelevant")])
def test_a_misspelt_qualifier_is_a_query_error_with_suggestions(corpus: lexdef.Corpus, typed: str, meant: str) -> None:
    with pytest.raises(lexdef.QueryError, match=f"did you mean `{meant}`"):
        corpus.qualifiers(typed)
    with pytest.raises(lexdef.QueryError):
        corpus.qualifiers("child_age", concept="trafficking")


def frames(corpus: lexdef.Corpus) -> dict[str, Any]:
    return {
        "corpus": corpus,
        "qualifiers": corpus.qualifiers("child_age"),
        "matrix": corpus.matrix(baseline="palermo"),
        "model": corpus.model("MM-ATIPL-2005"),
        "comparison": corpus.compare("MM-ATIPL-2005"),
        "report": corpus.report(),
        "definitions": corpus.definitions(),
        "hits": corpus.search("vulnerability", limit=5),
        "translation": corpus.translation_check(),
    }


def test_polars_frames_have_the_same_shape(corpus: lexdef.Corpus) -> None:
    polars = pytest.importorskip("polars")
    for name, result in frames(corpus).items():
        pandas_frame = result.to_pandas()
        polars_frame = result.to_polars()
        assert isinstance(polars_frame, polars.DataFrame), name
        indexed = pandas_frame.index.name is not None
        columns = ([pandas_frame.index.name] if indexed else []) + list(pandas_frame.columns)
        assert polars_frame.columns == columns, name
        assert polars_frame.height == len(pandas_frame), name
        # The same values, column by column (missing is missing in both).
        flat = pandas_frame.reset_index() if indexed else pandas_frame
        for column in columns:
            left = [None if pandas.isna(value) else value for value in flat[column].astype(object)]
            assert polars_frame[column].to_list() == left, (name, column)
    matrix = corpus.matrix(baseline="palermo").to_polars()
    assert matrix.schema["child_age"] == polars.Int64
    assert matrix.schema["consent_irrelevant"] == polars.Boolean
    assert matrix.schema["means.abuse_of_vulnerability"] == polars.Enum(STATES)
    divergences = corpus.report().to_polars()
    assert divergences.schema["severity"] == polars.Enum(["info", "low", "medium", "high"])
    assert divergences.sort("severity")["severity"].to_list()[-1] == "high"


def test_a_category_never_swallows_a_value_it_does_not_know() -> None:
    from lexdef import _frames

    with pytest.raises(ValueError, match="outside its categories"):
        _frames.pandas_frame([{"state": "presnet"}], [("state", "ordered", STATES)])
