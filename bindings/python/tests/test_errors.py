"""Bad input through every entry point: a typed exception with the location, or a warning
and the rest of the work done; never a Rust panic (`PanicException` derives from
BaseException, so it would fail these tests rather than be caught as a LexdefError)."""

from __future__ import annotations

import pickle
import warnings
from pathlib import Path

import pytest

import lexdef

HEADER = """+++
id = "XX-TEST-2020"
title = "Test Act"
short_title = "Test"
jurisdiction = "PH"
kind = "act"
[language]
code = "en"
status = "official"
[completeness]
status = "complete"
included = ["s 2"]
[[sources]]
key = "a"
url = "https://example.org"
description = "test"
+++
"""
BODY = 'Section 2. Interpretation.\n"trafficking in persons" means the recruitment of persons by force for the purpose of exploitation.\n'


def test_the_hierarchy() -> None:
    for subclass in (lexdef.ParseError, lexdef.CorpusError, lexdef.QueryError, lexdef.LexiconError):
        assert issubclass(subclass, lexdef.LexdefError)
    assert issubclass(lexdef.LexdefError, Exception)
    assert issubclass(lexdef.LexdefWarning, UserWarning)


# (name, text, exception, message, line, column)
BAD_TEXTS = [
    ("nul byte", "Section 1.\x00", lexdef.ParseError, "NUL byte", 1, 11),
    ("empty", "", lexdef.ParseError, "the file is empty", 1, 1),
    ("blank", "  \n\n", lexdef.ParseError, "the file is empty", 1, 1),
    ("unterminated metadata", "+++\nid = \"XX-A\"\n", lexdef.ParseError, "never closed", 1, 1),
    ("wrong type", HEADER.replace('kind = "act"', "kind = 3"), lexdef.ParseError, "field `kind`", 6, 8),
    ("unknown field", HEADER.replace('kind = "act"', 'kind = "act"\ncolour = "red"'), lexdef.ParseError, "colour", 7, 1),
    ("duplicate key", HEADER.replace('kind = "act"', 'kind = "act"\nkind = "bill"'), lexdef.ParseError, "duplicate", 7, 1),
    ("unknown jurisdiction", HEADER.replace('jurisdiction = "PH"', 'jurisdiction = "XQ"'), lexdef.ParseError, "unknown jurisdiction `XQ`", 5, 16),
    ("malformed marker", HEADER + "{{gap: \n" + BODY, lexdef.ParseError, "unterminated marker", 18, 1),
]


@pytest.mark.parametrize(("name", "text", "exception", "message", "line", "column"), BAD_TEXTS, ids=[row[0] for row in BAD_TEXTS])
def test_parse_text_raises_a_located_error(
    name: str, text: str, exception: type[lexdef.LexdefError], message: str, line: int, column: int
) -> None:
    with pytest.raises(exception, match=message) as raised:
        lexdef.parse_text(text, file="bad.txt")
    assert raised.value.file == "bad.txt", name
    assert (raised.value.line, raised.value.column) == (line, column), name
    assert str(raised.value).startswith(f"bad.txt:{line}:{column}: "), name


def test_values_given_by_the_caller(corpus: lexdef.Corpus) -> None:
    with pytest.raises(lexdef.QueryError, match="unknown concept `kid`"):
        corpus.model("INTL-PALERMO-2000", concept="kid")
    with pytest.raises(lexdef.CorpusError, match="no instrument `XX`"):
        corpus.compare("XX")
    with pytest.raises(lexdef.CorpusError, match="no instrument `XX`"):
        corpus.matrix(baseline="XX")
    with pytest.raises(lexdef.CorpusError, match=r"no instrument `palermo2` in the corpus \(did you mean palermo"):
        corpus.matrix(baseline="palermo2")
    with pytest.raises(lexdef.QueryError, match="invalid baseline"):
        corpus.report(baseline="ASEAN-DECL-2004")
    with pytest.raises(lexdef.QueryError, match="invalid query"):
        corpus.search('"unterminated')
    # A search that could only answer "nothing" says why instead.
    with pytest.raises(lexdef.QueryError, match="the query is empty"):
        corpus.search("")
    with pytest.raises(lexdef.QueryError, match="the query is empty"):
        corpus.search("   ")
    with pytest.raises(lexdef.QueryError, match=r"no instrument of the corpus is from FR \(the corpus holds: .*TH"):
        corpus.search("exploitation", jurisdiction="FR")
    with pytest.raises(lexdef.QueryError, match="no instrument of the corpus is from FR"):
        corpus.definitions(jurisdiction="fr")
    assert corpus.search("exploitation", jurisdiction=["FR", "TH"])  # one of them is held
    for limit in [-1, 0]:
        with pytest.raises(ValueError, match=f"a number from 1 up, not {limit}"):
            corpus.search("exploitation", limit=limit)
    with pytest.raises(TypeError):
        corpus.model(42)  # type: ignore[arg-type]
    # A value of the wrong type is told what is expected, in the caller's terms.
    with pytest.raises(TypeError, match=r"an instrument is given by its id \(a str.*or as an Instrument.*not int") as raised:
        corpus.compare(123)  # type: ignore[arg-type]
    assert "InstrumentArgument" not in str(raised.value) and "extract" not in str(raised.value)
    with pytest.raises(UnicodeEncodeError):
        lexdef.parse_text("Section 1. \ud800")
    with pytest.raises(IndexError, match="out of range"):
        corpus.definitions()[10_000]
    with pytest.raises(TypeError, match="cannot create .lexdef.Corpus. instances"):
        lexdef.Corpus()  # type: ignore[call-arg]


def test_a_tampered_pickle_is_a_value_error() -> None:
    restore = lexdef._lexdef._restore
    with pytest.raises(ValueError, match="cannot unpickle TermModel"):
        restore("TermModel", "{}")
    with pytest.raises(ValueError, match="cannot unpickle an object of class `Nothing`"):
        restore("Nothing", "{}")
    bad_corpus = '{"files": [{"file": "x.txt", "text": "+++\\nid = 1\\n"}], "errors": [], "warnings": []}'
    with pytest.raises(ValueError, match="cannot unpickle Corpus"):
        restore("Corpus", bad_corpus)
    assert pickle.loads(pickle.dumps(lexdef.Lexicon.bundled())) == lexdef.Lexicon.bundled()


ODD_TEXTS = [
    "\ufeffSection 1. Short title.\r\n(1) This Act.\r\n",
    "Section 1.\u00a0Definitions.\n\u201ctrafficking in persons\u201d means the recruitment\u2014of persons\n",
    '"trafficking in persons" means "',
    "(a)(b)(c)(d) ((((( ))))) 1.1.1.1.1. §§§ Article Article Article",
    "Section 3.—(1) \"child\" means a person below the age of 300000000000 years;\n",
    "มาตรา ๖ ผู้ใด\nĐiều 150. Tội mua bán người\n1. Người nào",
    "{{gap: x}}\n{{number: (a) | y}}\n{{omitted: z}}\n",
    "\u0000"[:0] + "\u202e\u2066 RTL \u2069 section 2 means means means includes refers to",
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_texts_run_through_every_stage(corpus: lexdef.Corpus, text: str) -> None:
    try:
        bill = lexdef.parse_text(text)
    except lexdef.LexdefError as error:
        assert error.file == "draft.txt" and error.line is not None
        return
    for provision in bill.provisions():
        assert provision.text in bill.text
    for definition in bill.definitions():
        assert definition.text in bill.text
    model = bill.model()
    for element in model.elements:
        for evidence in element.evidence:
            assert bill.text.encode()[evidence.start : evidence.end].decode() == evidence.text
    comparison = corpus.compare(bill)
    assert comparison._repr_html_().startswith('<div class="lexdef">')
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pickle.loads(pickle.dumps(bill))
