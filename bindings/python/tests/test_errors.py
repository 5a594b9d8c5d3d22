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


@pytest.mark.parametrize(("name", "text", "exception", "message", "line", "column"), BAD_TEXTS, ids=[row[0] for row in BAD_TEXTS])
def test_a_corpus_directory_with_a_bad_file_loads_the_rest(
    corpus_dir: Path, name: str, text: str, exception: type[lexdef.LexdefError], message: str, line: int, column: int
) -> None:
    (corpus_dir / "XX-BAD.txt").write_text(text, encoding="utf-8")
    with pytest.warns(lexdef.LexdefWarning, match="1 of the files"):
        loaded = lexdef.Corpus.load(corpus_dir)
    assert len(loaded) == 31, name
    [error] = loaded.errors
    assert error.file.endswith("XX-BAD.txt") and (error.line, error.column) == (line, column), name
    with pytest.raises(lexdef.CorpusError) as raised:
        lexdef.Corpus.load(corpus_dir, strict=True)
    assert (raised.value.line, raised.value.column) == (line, column), name


def test_encodings_in_a_corpus_directory(corpus_dir: Path) -> None:
    body = (HEADER + BODY).encode()
    (corpus_dir / "XX-UTF16.txt").write_bytes("\ufeff".encode("utf-16-le") + (HEADER + BODY).encode("utf-16-le"))
    (corpus_dir / "XX-START.txt").write_bytes(b"\xff" + body)
    (corpus_dir / "XX-MIDDLE.txt").write_bytes(body[:40] + b"\xc3" + body[40:])
    (corpus_dir / "XX-END.txt").write_bytes(body + b"\xe2\x80")
    with pytest.warns(lexdef.LexdefWarning, match="4 of the files"):
        loaded = lexdef.Corpus.load(corpus_dir)
    errors = {Path(error.file).name: error for error in loaded.errors}
    assert "UTF-16" in errors["XX-UTF16.txt"].message
    assert (errors["XX-START.txt"].line, errors["XX-START.txt"].column) == (1, 1)
    assert errors["XX-MIDDLE.txt"].line == 3
    assert errors["XX-END.txt"].line == 20
    assert all("invalid UTF-8" in errors[name].message for name in ("XX-START.txt", "XX-MIDDLE.txt", "XX-END.txt"))
    assert len(loaded) == 31


def test_duplicate_ids_and_broken_relations(corpus_dir: Path) -> None:
    palermo = (corpus_dir / "INTL-PALERMO-2000.txt").read_text(encoding="utf-8")
    (corpus_dir / "ZZ-COPY.txt").write_text(palermo, encoding="utf-8")
    (corpus_dir / "XX-TEST-2020.txt").write_text(
        HEADER.replace("+++\n\n", "").replace('description = "test"\n+++', 'description = "test"\n[[relations]]\nkind = "amends"\ntarget = "XX-MISSING"\n+++')
        + BODY,
        encoding="utf-8",
    )
    with pytest.warns(lexdef.LexdefWarning):
        loaded = lexdef.Corpus.load(corpus_dir)
    messages = [error.message for error in loaded.errors]
    assert any("duplicate instrument id `INTL-PALERMO-2000`" in message for message in messages)
    assert any("points at `XX-MISSING`" in message for message in messages)
    assert "INTL-PALERMO-2000" in loaded and "XX-TEST-2020" in loaded


def test_an_unreadable_file_and_a_symlink_loop(corpus_dir: Path) -> None:
    loop = corpus_dir / "XX-LOOP.txt"
    loop.symlink_to(loop)
    with pytest.warns(lexdef.LexdefWarning):
        loaded = lexdef.Corpus.load(corpus_dir)
    [error] = loaded.errors
    assert error.file.endswith("XX-LOOP.txt") and "cannot read" in error.message
    assert len(loaded) == 31


def test_huge_inputs_parse(corpus: lexdef.Corpus) -> None:
    long_line = "Section 1. Short title.\n" + "word " * 1_000_000
    [section] = lexdef.parse_text(long_line).provisions()
    assert section.eid == "sec_1" and len(section.text) > 5_000_000
    nested = "".join(f"{'(' + str(level) + ')'} item\n" for level in range(10_000))
    assert len(lexdef.parse_text(nested).provisions()) > 0
    big = ("Section 9. " + "the recruitment of persons. " * 40 + "\n") * 4_000
    bill = lexdef.parse_text(big)
    assert corpus.compare(bill).subject.instrument == "DRAFT"


def test_values_given_by_the_caller(corpus: lexdef.Corpus) -> None:
    with pytest.raises(lexdef.QueryError, match="unknown concept `kid`"):
        corpus.model("INTL-PALERMO-2000", concept="kid")
    with pytest.raises(lexdef.CorpusError, match="no instrument `XX`"):
        corpus.compare("XX")
    with pytest.raises(lexdef.CorpusError, match="no instrument `XX`"):
        corpus.matrix(baseline="XX")
    with pytest.raises(lexdef.QueryError, match="invalid baseline"):
        corpus.report(baseline="ASEAN-DECL-2004")
    with pytest.raises(lexdef.QueryError, match="the query is 100000 bytes long; at most 10000 are accepted"):
        corpus.search("x" * 100_000)
    with pytest.raises(lexdef.QueryError, match="invalid query"):
        corpus.search('"unterminated')
    with pytest.raises(lexdef.QueryError, match="element"):
        corpus.search("x", element="act.nothing")
    with pytest.raises(TypeError):
        corpus.model(42)  # type: ignore[arg-type]
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
    assert comparison._repr_html_().startswith('<div class="lexdef-report">')
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pickle.loads(pickle.dumps(bill))
