"""The lexicon: bundled, loaded, extended, and its errors with locations."""

from __future__ import annotations

from pathlib import Path

import pytest

import lexdef
from conftest import BILL, LEXICON_FILE


def test_the_bundled_lexicon_has_the_protocols_elements() -> None:
    lexicon = lexdef.Lexicon.bundled()
    assert "trafficking_in_persons" in lexicon.concepts and "child" in lexicon.concepts
    assert {"act.recruitment", "means.abuse_of_vulnerability", "purpose.organ_removal"} <= set(lexicon.elements)
    assert lexicon == lexdef.Lexicon.bundled()
    assert lexdef.Lexicon.load(LEXICON_FILE).elements == lexicon.elements


def test_find_elements_gives_character_offsets_and_the_method() -> None:
    text = "la recrutement — the harboring of persons"
    hits = lexdef.Lexicon.bundled().find_elements(text)
    harbouring = [hit for hit in hits if hit[0] == "act.harbouring"]
    assert len(harbouring) == 1
    element, start, end, words, method = harbouring[0]
    assert text[start:end] == words == "harboring" and method == "folded"


def test_an_extension_adds_a_synonym_that_changes_a_model(corpus: lexdef.Corpus) -> None:
    bill = lexdef.parse_text(BILL.replace("harbouring", "concealment"), jurisdiction="PH")
    before = corpus.compare(bill).subject
    assert before.state("act.harbouring") == "absent"
    extended = corpus.lexicon.extend('version = 1\n[[elements]]\nid = "act.harbouring"\nforms = ["concealment"]\n', file="ours.toml")
    after = corpus.with_lexicon(extended).compare(bill).subject
    assert after.state("act.harbouring") == "present"
    assert after.elements[[element.id for element in after.elements].index("act.harbouring")].evidence[0].text == "concealment"
    # The original lexicon is unchanged.
    assert corpus.compare(bill).subject.state("act.harbouring") == "absent"


def test_extend_file_and_from_toml(tmp_path: Path) -> None:
    extension = tmp_path / "ours.toml"
    extension.write_text('version = 1\n[[elements]]\nid = "act.harbouring"\nforms = ["concealment"]\n', encoding="utf-8")
    extended = lexdef.Lexicon.bundled().extend_file(extension)
    assert any(hit[0] == "act.harbouring" for hit in extended.find_elements("the concealment of persons"))
    own = lexdef.Lexicon.from_toml(LEXICON_FILE.read_text(encoding="utf-8"), file="copy.toml")
    assert own.concepts == lexdef.Lexicon.bundled().concepts


def test_a_broken_lexicon_is_a_lexicon_error_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(lexdef.LexiconError) as raised:
        lexdef.Lexicon.bundled().extend('version = 1\n[[elements]]\nid = "act.harbouring"\nforms = ["concealment"\n', file="broken.toml")
    # The array is unterminated: TOML notices at the end of the text, line 5.
    assert raised.value.file == "broken.toml" and raised.value.line == 5
    with pytest.raises(lexdef.LexiconError, match="`recruitment` is already a form of `act.recruitment`"):
        lexdef.Lexicon.bundled().extend('version = 1\n[[elements]]\nid = "act.harbouring"\nforms = ["recruitment"]\n', file="twice.toml")
    bad_bytes = tmp_path / "latin1.toml"
    bad_bytes.write_bytes(b'version = 1\n[[elements]]\nid = "act.harbouring"\nforms = ["caf\xe9"]\n')
    with pytest.raises(lexdef.ParseError, match="invalid UTF-8") as raised_parse:
        lexdef.Lexicon.load(bad_bytes)
    assert (raised_parse.value.line, raised_parse.value.column) == (4, 14)
    with pytest.raises(lexdef.CorpusError, match="cannot read"):
        lexdef.Lexicon.load(tmp_path / "missing.toml")
