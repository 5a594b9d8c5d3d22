"""The bad-input matrix (README.md, "Bad input") through the Python API: every row, through
every public function it can reach — a corpus directory holding the row's file loads the
rest and every corpus-wide call still works on it; the file alone is refused by
`parse_text`; lexicon rows through `Lexicon.extend`, `extend_file` and `load`; query rows
through `Corpus.search`. Each row checks the exception class, the location, what still
loads, and that the directory is unchanged. A Rust panic would arrive as `PanicException`,
which derives from BaseException: it fails these tests instead of being caught."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

import pytest

import lexdef
from conftest import CORPUS_FILES, REPOSITORY

# The valid metadata block the Rust matrix uses too (21 lines; the body starts on line 22).
HEADER = (REPOSITORY / "crates" / "lexdef" / "tests" / "matrix" / "valid-header.txt").read_text(encoding="utf-8")
BODY = "{{source: gazette}}\nSection 1. Short title. – This Act is the Test Act 2020.\n"
VALID = (HEADER + BODY).encode()
FILE = "XX-TEST-2020.txt"

Place = Optional[tuple[int, int]]


@dataclass
class Row:
    name: str
    # A file of the corpus directory: its name and bytes, or a function making the entry.
    file: Optional[tuple[str, bytes]] = None
    entry: Optional[tuple[str, Callable[[Path], None]]] = None
    query: Optional[str] = None
    element: Optional[str] = None
    lexicon: Optional[str] = None
    # What happens: "left out" (with kind and place), "broken" (loads, a reference error),
    # "parses" (loads; with a warning kind), or the exception of a refused call.
    outcome: str = "left out"
    kind: Optional[str] = None
    at: Place = None
    says: str = ""
    exception: type[BaseException] = lexdef.LexdefError


def header_edit(old: str, new: str) -> bytes:
    assert old in HEADER
    return (HEADER.replace(old, new, 1) + BODY).encode()


def fifo(path: Path) -> None:
    # Root reads a `chmod 000` file; a FIFO with no writer is an entry whose read never ends.
    os.mkfifo(path)


def symlink_loop(path: Path) -> None:
    path.symlink_to(path)


def big_text(size: int) -> tuple[str, int]:
    section = "Section {}. Heading. – Whoever recruits, transports, transfers, harbours or receives a person for the purpose of exploitation commits an offence.\n(a) the first case;\n(b) the second case.\n"
    copies = size // len(section) + 1
    return "".join(section.format(number) for number in range(copies)), copies


BIG, SECTIONS = big_text(50 * 1024 * 1024)
MIDDLE = len(HEADER) + BODY.index("Short")
RELATION = HEADER.replace('description = "the Gazette"\n', 'description = "the Gazette"\n\n[[relations]]\nkind = "amends"\ntarget = "XX-MISSING-1999"\n', 1)
ROWS = [
    Row("invalid UTF-8 at the start", file=(FILE, b"\xff" + VALID), kind="encoding", at=(1, 1), exception=lexdef.ParseError),
    Row("invalid UTF-8 in the middle", file=(FILE, VALID[:MIDDLE] + b"\xc3\x28" + VALID[MIDDLE:]), kind="encoding", at=(23, 12), exception=lexdef.ParseError),
    Row("invalid UTF-8 at the end", file=(FILE, VALID + b"\xe2\x82"), kind="encoding", at=(24, 1), exception=lexdef.ParseError),
    Row("UTF-16 with a byte-order mark", file=(FILE, b"\xff\xfe" + (HEADER + BODY).encode("utf-16-le")), kind="encoding", at=(1, 1), exception=lexdef.ParseError),
    Row("a NUL byte", file=(FILE, (HEADER + BODY.replace("This Act", "This\0Act", 1)).encode()), kind="encoding", at=(23, 31), exception=lexdef.ParseError),
    Row("a 0-byte file", file=(FILE, b""), kind="encoding", at=(1, 1), exception=lexdef.ParseError),
    Row("a 50 MB file", file=(FILE, (HEADER + "{{source: gazette}}\n" + BIG).encode()), outcome="parses"),
    Row("one line of 5 MB", file=(FILE, (HEADER + "{{source: gazette}}\nSection 1. Short title.\n" + "word " * 1_000_000 + "\n").encode()), outcome="parses"),
    Row("10,000 nested list levels", file=(FILE, (HEADER + "{{source: gazette}}\nSection 1.\n" + "(a) x\n(1) y\n" * 5_000).encode()), outcome="parses", kind="deep_nesting", at=(53, 1)),
    Row("an unterminated metadata block", file=(FILE, (HEADER.rstrip().removesuffix("+++") + "Section 1. Text.\n").encode()), kind="metadata", at=(1, 1), exception=lexdef.ParseError),
    Row("a metadata field of the wrong type", file=(FILE, header_edit('kind = "act"', "kind = 3")), kind="metadata", at=(6, 8), exception=lexdef.ParseError),
    Row("an unknown metadata field", file=(FILE, header_edit("adopted = ", "adoptd = ")), kind="metadata", at=(7, 1), exception=lexdef.ParseError),
    Row("a duplicate metadata key", file=(FILE, header_edit('adopted = "2020-01-31"', 'adopted = "2020-01-31"\nadopted = "2021-01-31"')), kind="metadata", at=(8, 1), exception=lexdef.ParseError),
    Row("an unknown jurisdiction", file=(FILE, header_edit('jurisdiction = "PH"', 'jurisdiction = "XZ"')), kind="metadata", at=(5, 16), exception=lexdef.ParseError),
    Row("a duplicate instrument id", file=("ZZ-COPY.txt", (CORPUS_FILES / "INTL-PALERMO-2000.txt").read_bytes()), kind="duplicate_id", at=(2, 6), exception=lexdef.CorpusError),
    Row("an amends reference to a missing id", file=(FILE, (RELATION + BODY).encode()), outcome="broken", kind="relation_target", at=(24, 10), exception=lexdef.CorpusError),
    Row("a symlink loop in a corpus directory", entry=("XX-LOOP.txt", symlink_loop), kind="io", exception=lexdef.CorpusError),
    Row("an unreadable file in a corpus directory", entry=("XX-FIFO.txt", fifo), kind="io", exception=lexdef.CorpusError),
    Row("a query of 100,000 characters", query="x" * 100_000, outcome="refused", says="the query is 100000 bytes long; at most 10000 are accepted", exception=lexdef.QueryError),
    Row("an unknown element id in a filter", element="means.nope", outcome="refused", says="invalid element `means.nope`", exception=lexdef.QueryError),
    Row("a lexicon with a duplicate surface form", lexicon='version = 1\n\n[[elements]]\nid = "act.transfer"\nforms = ["toting", "recruiting"]\n', outcome="refused", at=(5, 21), says="the form `recruiting` is already a form of `act.recruitment`", exception=lexdef.LexiconError),
    Row("a lexicon with a cycle", lexicon='version = 1\n\n[[concepts]]\nid = "bonded_labour"\naliases = ["peonage"]\n\n[[concepts]]\nid = "peonage"\naliases = ["bonded labour"]\n', outcome="refused", at=(5, 13), says="concepts name each other in a cycle (bonded_labour → peonage → bonded_labour)", exception=lexdef.LexiconError),
]


def readme_rows() -> list[str]:
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- bad-input-matrix -->")[1].split("<!-- /bad-input-matrix -->")[0]
    return [line.split("|")[1].strip() for line in table.splitlines() if line.startswith("| ") and not line.startswith("| input ")]


def test_the_rows_are_the_readmes() -> None:
    assert [row.name for row in ROWS] == readme_rows()


def digest(directory: Path) -> list[tuple[str, str]]:
    """Names, kinds and contents of everything under `directory` (links and FIFOs not read)."""
    entries = []
    for path in sorted(directory.rglob("*")):
        name = str(path.relative_to(directory))
        if path.is_symlink():
            entries.append((name, f"link to {os.readlink(path)}"))
        elif path.is_dir():
            entries.append((name, "directory"))
        elif path.is_file():
            stat = path.stat()
            entries.append((name, f"{stat.st_size} {stat.st_mtime_ns} {hashlib.sha256(path.read_bytes()).hexdigest()}"))
        else:
            entries.append((name, "special file"))
    return entries


def every_corpus_function(corpus: lexdef.Corpus) -> None:
    """The corpus-wide calls still work on a corpus that loaded around a bad file."""
    assert corpus.matrix(baseline="palermo").to_records()
    assert corpus.report().to_records()
    assert len(corpus.definitions()) > 0
    assert corpus.model("INTL-PALERMO-2000").defined
    assert len(corpus.compare("SG-PHTA-2014").divergences) > 0
    assert len(corpus.search("exploitation", limit=3)) > 0
    assert list(corpus.errors.to_records()) is not None and corpus.warnings is not None


@pytest.mark.parametrize("row", [row for row in ROWS if row.file or row.entry], ids=lambda row: row.name)
def test_a_corpus_directory_with_the_rows_file(tmp_path: Path, row: Row) -> None:
    instruments = tmp_path / "instruments"
    shutil.copytree(CORPUS_FILES, instruments)
    if row.file:
        name, data = row.file
        path = instruments / name
        path.write_bytes(data)
    else:
        assert row.entry is not None
        name, make = row.entry
        path = instruments / name
        make(path)
    before = digest(tmp_path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = lexdef.Corpus.load(tmp_path)
    curated = [id for id in loaded.ids if not id.startswith("XX-")]
    assert len(curated) == 32, "the rest of the corpus loads"
    if row.outcome == "parses":
        assert not caught and len(loaded.errors) == 0
        instrument = loaded["XX-TEST-2020"]
        assert len(instrument.provisions()) >= (SECTIONS if row.name == "a 50 MB file" else 1)
        if row.kind == "deep_nesting":
            # The parser's warnings are not among `Instrument.warnings` (those are loading's):
            # what Python can see is that no level was dropped.
            assert len(instrument.provisions()) == 10_001
        if len(instrument.text) < 10_000_000:
            instrument.definitions()
            instrument.model()
            loaded.compare(instrument)
    else:
        assert [str(warning.message) for warning in caught if issubclass(warning.category, lexdef.LexdefWarning)], "a LexdefWarning says files were left out"
        [error] = loaded.errors
        assert (error.kind, Path(error.file).name) == (row.kind, name)
        assert (error.line, error.column) == (row.at if row.at else (None, None))
        assert len(loaded) == (33 if row.outcome == "broken" else 32)
        with pytest.raises(lexdef.CorpusError) as raised:
            lexdef.Corpus.load(tmp_path, strict=True)
        assert (raised.value.line, raised.value.column) == (row.at if row.at else (None, None))
        # The file on its own, where a str can carry it (Python text is always valid UTF-8).
        if row.file and row.outcome == "left out" and row.kind != "duplicate_id":
            try:
                text = row.file[1].decode("utf-8")
            except UnicodeDecodeError:
                text = None
            if text is not None:
                with pytest.raises(row.exception) as alone:
                    lexdef.parse_text(text, file="bad.txt")
                assert (alone.value.file, alone.value.line, alone.value.column) == ("bad.txt", *row.at)
    if len(row.file[1] if row.file else b"") < 1_000_000:
        # (The 50 MB and 5 MB texts are read, parsed and modelled above; indexing and
        # reporting a corpus that holds them is the Rust tests' and benchmarks' work.)
        every_corpus_function(loaded)
    assert digest(tmp_path) == before, "nothing was written or changed"


@pytest.mark.parametrize("row", [row for row in ROWS if row.query or row.element], ids=lambda row: row.name)
def test_a_search_with_the_rows_value(corpus: lexdef.Corpus, row: Row) -> None:
    with pytest.raises(row.exception, match=re.escape(row.says)) as raised:
        if row.query is not None:
            corpus.search(row.query)
        else:
            corpus.search("labour", element=row.element)
    assert raised.value.line is None
    assert len(corpus.search("labour", limit=1)) == 1, "the corpus is still usable"


@pytest.mark.parametrize("row", [row for row in ROWS if row.lexicon], ids=lambda row: row.name)
def test_a_lexicon_with_the_rows_problem(tmp_path: Path, row: Row) -> None:
    assert row.lexicon is not None and row.at is not None
    path = tmp_path / "mine.toml"
    path.write_text(row.lexicon, encoding="utf-8")
    before = digest(tmp_path)
    bundled = lexdef.Lexicon.bundled()
    calls: list[tuple[str, Callable[[], object]]] = [
        ("mine.toml", lambda: bundled.extend(row.lexicon or "", file="mine.toml")),
        (str(path), lambda: bundled.extend_file(path)),
    ]
    if "concepts" in row.lexicon:
        # A cycle is one within the file itself too.
        calls.append((str(path), lambda: lexdef.Lexicon.load(path)))
        calls.append(("mine.toml", lambda: lexdef.Lexicon.from_toml(row.lexicon or "", file="mine.toml")))
    for file, call in calls:
        with pytest.raises(row.exception, match=re.escape(row.says)) as raised:
            call()
        assert (raised.value.file, raised.value.line, raised.value.column) == (file, *row.at)
    assert bundled == lexdef.Lexicon.bundled(), "the lexicon extended is unchanged"
    assert digest(tmp_path) == before
