"""Shared fixtures: the bundled corpus, the repository's paths, and corpus directories to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import lexdef

REPOSITORY = Path(__file__).resolve().parents[3]
CORPUS_FILES = REPOSITORY / "corpus" / "instruments"
LEXICON_FILE = REPOSITORY / "crates" / "lexdef" / "data" / "lexicon.toml"


@pytest.fixture(scope="session")
def corpus() -> lexdef.Corpus:
    return lexdef.Corpus.bundled()


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A writable copy of the curated corpus's instrument files."""
    target = tmp_path / "instruments"
    shutil.copytree(CORPUS_FILES, target)
    return target


# A bill in Commonwealth drafting, with the Protocol's structure but a narrower reach.
BILL = """Section 2. Interpretation.
In this Act—
"child" means any person under sixteen years of age;
"trafficking in persons" means the recruitment, transportation or harbouring of persons, by means of the threat or use of force, deception or abuse of power, for the purpose of exploitation;
"exploitation" means prostitution, forced labour or slavery.
"""
