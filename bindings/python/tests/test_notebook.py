"""The example notebook runs headlessly, every cell without error."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "asean_gap_analysis.ipynb"


def code(notebook: nbformat.NotebookNode) -> str:
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")


def test_the_example_notebook_uses_the_helpers() -> None:
    # Before: a metadata table built with pd.DataFrame, a heatmap in 13 lines of red/green
    # matplotlib, and a bill's text written into the notebook.
    source = code(nbformat.read(NOTEBOOK, as_version=4))
    for helper in ["corpus.to_pandas()", 'corpus.qualifiers("child_age")', "matrix.plot(", "comparison.to_text()", "corpus.checklist(", "checklist.to_pandas()", ".pivot("]:
        assert helper in source, helper
    for by_hand in ["pd.DataFrame", "DataFrame(", "matplotlib", "plt.", "imshow", "ListedColormap", "for i in corpus", "\"\"\"", "'''"]:
        assert by_hand not in source, by_hand


def test_the_example_notebook_runs_clean() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # Raises CellExecutionError, naming the cell, on any error.
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [output for output in outputs if output.output_type == "error"]
    # The heatmap was drawn, the comparisons rendered as HTML, and ACTIP was refused.
    assert any("image/png" in output.get("data", {}) for output in outputs)
    html = [output["data"]["text/html"] for output in outputs if "text/html" in output.get("data", {})]
    assert any('<div class="lexdef">' in page and "TH-ATIPA-2008" in page for page in html)
    printed = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    assert "ACTIP's article 2 has not been found yet" in printed
    # The comparison printed as the CLI prints it, and the child ages with the law's words.
    assert "Definitions of trafficking_in_persons compared with" in printed
    assert any("under the age of eighteen" in page for page in html)
    # The protection checklist: its grid, an instrument's evidence, and the pivot by item.
    assert any('<table class="checklist">' in page and "PH-RA11862-2022" in page for page in html)
    assert "sec_7__sec_8__para_k line 159: 'compensation', mandatory ('shall')" in printed
    plain = "".join(output.get("data", {}).get("text/plain", "") for output in outputs)
    assert "<Checklist of 11 instruments × 16 items: " in plain and "residence_permit" in plain
