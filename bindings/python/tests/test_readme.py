"""Every Python example in the READMEs runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
READMES = [ROOT / "README.md", ROOT / "bindings" / "python" / "README.md"]
BLOCKS = [
    pytest.param(block, id=f"{readme.relative_to(ROOT)}#{number}")
    for readme in READMES
    for number, block in enumerate(re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S))
]


def test_the_readmes_have_python_examples() -> None:
    assert len(BLOCKS) >= 3


@pytest.mark.parametrize("block", BLOCKS)
def test_a_readme_example_runs(block: str) -> None:
    exec(compile(block, "<README>", "exec"), {})
