"""Akoma Ntoso out (Instrument.to_akn) and back in (Corpus.load reads .xml files)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import lexdef


def outline(instrument: lexdef.Instrument) -> list[tuple[str, str, str | None, str | None, bool, str]]:
    return [
        (provision.eid, provision.kind, provision.number, provision.heading, provision.quoted, provision.text)
        for provision in instrument.provisions()
    ]


def test_an_instrument_written_as_akn_loads_back_with_the_same_provisions_and_text(
    corpus: lexdef.Corpus, tmp_path: Path
) -> None:
    original = corpus["PH-RA10364-2012"]
    xml = original.to_akn()
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso')
    assert "<quotedStructure>" in xml
    (tmp_path / "PH-RA10364-2012.xml").write_text(xml, encoding="utf-8")
    # (Not strict: the act it amends is not in this directory, which the warning says.)
    with pytest.warns(lexdef.LexdefWarning, match="points at `PH-RA9208-2003`, which is not in the corpus"):
        loaded = lexdef.Corpus.load(tmp_path)
    read = loaded["PH-RA10364-2012"]
    assert read.text == original.text
    assert read.jurisdiction == "PH"
    assert read.partial == original.partial
    assert outline(read) == outline(original)
    # Pickling reads the XML file again.
    assert outline(pickle.loads(pickle.dumps(read))) == outline(original)


def test_bad_akn_in_a_strict_corpus_is_an_error_with_its_location(tmp_path: Path) -> None:
    (tmp_path / "bad.xml").write_text("<akomaNtoso>\n<act>\n<body></act>\n", encoding="utf-8")
    with pytest.raises(lexdef.CorpusError) as raised:
        lexdef.Corpus.load(tmp_path, strict=True)
    assert "bad.xml:3:" in str(raised.value)
