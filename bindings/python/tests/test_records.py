"""Every list-like result has records with the same keys and a DataFrame; pandas is imported
only when asked for, with a clear error where it is missing."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

import lexdef


def results(corpus: lexdef.Corpus) -> dict[str, Any]:
    return {
        "definitions": corpus.definitions(),
        "provisions": corpus["PH-RA9208-2003"].provisions(),
        "divergences": corpus.compare("MM-ATIPL-2005").divergences,
        "hits": corpus.search("vulnerability", limit=5),
        "diagnostics": lexdef.parse_text("no numbering at all").warnings,
        "comparison": corpus.compare("MM-ATIPL-2005"),
        "report": corpus.report(),
        "model": corpus.model("MM-ATIPL-2005"),
        "matrix": corpus.matrix(baseline="palermo"),
        "translation check": corpus.translation_check(),
        "translation findings": corpus.translation_check().findings,
    }


def test_records_share_their_keys_and_become_data_frames(corpus: lexdef.Corpus) -> None:
    for name, result in results(corpus).items():
        records = result.to_records()
        assert records, name
        keys = list(records[0])
        assert all(list(record) == keys for record in records), name
        frame = result.to_pandas()
        if name == "matrix":
            assert list(frame.index) == [record["instrument"] for record in records]
            assert list(frame.columns) == keys[1:]
        else:
            assert list(frame.columns) == keys, name
            assert len(frame) == len(records), name


def test_empty_results_keep_their_columns(corpus: lexdef.Corpus) -> None:
    hits = corpus.search("zzzzqqqq")
    assert len(hits) == 0 and hits.to_records() == []
    assert list(hits.to_pandas().columns) == ["kind", "instrument", "jurisdiction", "eid", "line", "score", "term", "snippet"]


def test_lists_index_slice_and_repr(corpus: lexdef.Corpus) -> None:
    definitions = corpus.definitions()
    assert definitions[-1] == list(definitions)[-1]
    assert isinstance(definitions[1:3], lexdef.Definitions) and len(definitions[1:3]) == 2
    assert definitions[1:3][0] == definitions[1]
    assert repr(definitions) == f"<Definitions of {len(definitions)}>"
    assert "MM-ATIPL-2005" in repr(corpus.model("MM-ATIPL-2005"))


@pytest.mark.parametrize(("library", "method"), [("pandas", "definitions().to_pandas"), ("polars", "to_polars")])
def test_import_does_not_import_a_frame_library_and_a_missing_one_is_a_clear_error(library: str, method: str) -> None:
    program = f"""
import sys
import lexdef
assert "{library}" not in sys.modules, "import lexdef imported {library}"
sys.modules["{library}"] = None  # as if it were not installed
corpus = lexdef.Corpus.bundled()
try:
    corpus.{method}()
except ImportError as error:
    print(error)
else:
    raise SystemExit("no ImportError")
"""
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    name = method.rsplit(".", 1)[-1]
    assert f"{name}() needs {library}, which is not installed" in run.stdout
    assert f"pip install {library}" in run.stdout


@pytest.mark.parametrize("name", ["definitions", "hits"])
def test_records_hold_plain_python_values(corpus: lexdef.Corpus, name: str) -> None:
    for record in results(corpus)[name].to_records():
        for value in record.values():
            assert value is None or isinstance(value, (str, int, float, bool))


def test_data_frames_have_tidy_dtypes(corpus: lexdef.Corpus) -> None:
    pandas = pytest.importorskip("pandas")
    frame = corpus.compare("MM-ATIPL-2005").divergences.to_pandas()
    # Severity sorts by weight, not alphabetically.
    assert isinstance(frame["severity"].dtype, pandas.CategoricalDtype) and frame["severity"].cat.ordered
    assert list(frame["severity"].cat.categories) == ["info", "low", "medium", "high"]
    ordered = frame.sort_values("severity")["severity"].tolist()
    assert ordered == sorted(ordered, key=["info", "low", "medium", "high"].index)
    # Text is `string`, never floats with NaN; missing values are <NA>.
    assert str(frame["instrument"].dtype) == "string"
    hits = corpus.search('"debt bondage"').to_pandas()
    assert str(hits["line"].dtype) == "Int64"
