"""The `.pyi` stubs match the built module (mypy.stubtest) and type a real usage file
under `mypy --strict`, which also runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *arguments], capture_output=True, text=True, check=False, cwd=HERE)


def test_the_stubs_match_the_module() -> None:
    result = run("-m", "mypy.stubtest", "lexdef")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success" in result.stdout


def test_a_typed_usage_file_passes_mypy_strict_and_runs(tmp_path: Path) -> None:
    # A wrong use beside it must be caught, so the stubs are not `Any` everywhere.
    wrong = HERE / "_wrong_usage.py"
    wrong.write_text("import lexdef\nage: str = lexdef.Corpus.bundled().model('X').qualifiers['child_age'].known\n")
    try:
        result = run("-m", "mypy", "--strict", "--cache-dir", str(tmp_path), "typed_usage.py", wrong.name)
    finally:
        wrong.unlink()
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout + result.stderr
    assert errors[0].startswith("_wrong_usage.py:2: error: Incompatible types in assignment"), errors[0]
    executed = run("typed_usage.py")
    assert executed.returncode == 0, executed.stderr
