"""Every `_repr_html_` of lexdef reads the same inside JupyterLab as on a bare page: shown in
the output cells of a page with JupyterLab's CSS (nbconvert's `lab` template) and loaded in
headless Chromium, its words are left-aligned and no word of the law breaks across lines
(JupyterLab's own CSS right-aligns table cells and breaks the words of a `<pre>` anywhere:
"confinin g", "vulnerabili ty"). The example notebook's HTML outputs are checked the same way.

Screenshots are left in the test's temporary directory, or in $LEXDEF_SCREENSHOTS if set.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import lexdef
from jupyterlab_page import check_page, lab_page, notebook_of

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "asean_gap_analysis.ipynb"


@pytest.fixture(scope="module")
def reprs() -> dict[str, str]:
    """One HTML repr of each kind lexdef shows in a notebook."""
    corpus = lexdef.Corpus.bundled()
    definitions = corpus.definitions(concept="trafficking_in_persons", jurisdiction="MM")
    return {
        "Corpus": corpus._repr_html_(),
        "Matrix": corpus.matrix()._repr_html_(),
        "Matrix against the Protocol": corpus.matrix(baseline="palermo")._repr_html_(),
        "TermModel": corpus.model("MM-ATIPL-2005")._repr_html_(),
        "Definition": definitions[0]._repr_html_(),
        "Hits": corpus.search("position of vulnerability", limit=10)._repr_html_(),
        "Comparison": corpus.compare("MM-ATIPL-2005")._repr_html_(),
        "Report": corpus.report()._repr_html_(),
        "TranslationCheck": corpus.translation_check()._repr_html_(),
    }


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    directory = Path(os.environ.get("LEXDEF_SCREENSHOTS", tmp_path))
    directory.mkdir(parents=True, exist_ok=True)
    return directory


class _Structure(HTMLParser):
    """Collects the tags and `title`s of an HTML fragment, and whether it nests well."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.titles: list[str] = []
        self.classes: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.titles += [values["title"] or ""] if "title" in values else []
        self.classes += (values.get("class") or "").split()
        if tag not in {"br", "meta", "img", "hr", "input"}:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.open[-1] if self.open else ''}>")
        else:
            self.open.pop()


def structure(html: str) -> _Structure:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser


def test_every_repr_is_one_scoped_fragment(reprs: dict[str, str]) -> None:
    for name, html in reprs.items():
        assert html.startswith('<div class="lexdef"><style>'), name
        parsed = structure(html)
        assert not parsed.problems and not parsed.open, (name, parsed.problems[:3], parsed.open)
        style = html[html.index("<style>") + 7 : html.index("</style>")]
        for rule in style.split("}")[:-1]:
            for selector in rule.split("{")[0].split(","):
                assert selector == ".lexdef" or selector.startswith(".lexdef "), (name, selector)
        # Everything the law or the user wrote is escaped: no tag but lexdef's own.
        tags = set(re.findall(r"<([a-zA-Z0-9]+)", html))
        assert tags <= {"div", "style", "p", "table", "tr", "th", "td", "code", "span", "pre", "mark", "h1", "h2", "h3", "a", "em", "strong", "ul", "li"}, (name, tags)


def test_the_matrix_is_a_coloured_grid_with_the_state_in_words(reprs: dict[str, str]) -> None:
    html = reprs["Matrix against the Protocol"]
    parsed = structure(html)
    # Okabe and Ito's colours, named in the legend; no red or green.
    for colour in ("#0072b2", "#e69f00", "#f0e442"):
        assert colour in html
    assert "#2e7d32" not in html and "#c62828" not in html
    legend = html[html.index('<p class="legend">') : html.index("</p>", html.index('<p class="legend">'))]
    for words in ("blue: present", "orange: absent", "yellow: not found", "grey: no definition"):
        assert words in legend
    # Each cell says its instrument, element and state in its title.
    assert "MM-ATIPL-2005 · means.abuse_of_vulnerability: " in html
    states = [title for title in parsed.titles if " · act.recruitment: " in title]
    matrix = lexdef.Corpus.bundled().matrix(baseline="palermo")
    assert len(states) == len(matrix)
    for instrument in matrix.instruments:
        state = matrix.value(instrument, "act.recruitment")
        meaning = {"present": "present", "absent": "absent", "not_found": "not found", "not_defined": "no definition"}[state]
        assert any(title.startswith(f"{instrument} · act.recruitment: {meaning}") for title in states), instrument
    assert '<div class="scroll">' in html


def test_hidden_wording_variances_are_counted(reprs: dict[str, str]) -> None:
    corpus = lexdef.Corpus.bundled()
    report = corpus.report()
    variances = sum(1 for divergence in report.divergences if divergence.kind == "wording_variance")
    assert variances > 0
    assert f"{variances} wording variances not shown" in reprs["Report"]
    comparison = corpus.compare("MM-ATIPL-2005")
    hidden = sum(1 for divergence in comparison.divergences if divergence.kind == "wording_variance")
    if hidden:
        noun = "variance" if hidden == 1 else "variances"
        assert f"{hidden} wording {noun} not shown" in reprs["Comparison"]


def test_the_reprs_read_left_to_right_without_broken_words_inside_jupyterlab(
    reprs: dict[str, str], screenshots: Path
) -> None:
    result = check_page(lab_page(notebook_of(list(reprs.values()))), screenshots, "reprs-in-jupyterlab")
    counts = result["counts"]
    assert counts["outputs"] == len(reprs) and counts["lexdef"] == len(reprs), counts
    assert counts["words"] > 10_000, counts
    assert result["problems"] == [], result["problems"][:20]


def test_the_check_sees_what_jupyterlab_does_to_unprotected_html(reprs: dict[str, str], screenshots: Path) -> None:
    # The same outputs without lexdef's style: the check must see JupyterLab's damage, or it
    # could not fail.
    bare = [re.sub(r"<style>.*?</style>", "", html, flags=re.S) for html in (reprs["Report"], reprs["Comparison"])]
    result = check_page(lab_page(notebook_of(bare)), screenshots, "unstyled-in-jupyterlab")
    kinds = {problem["kind"] for problem in result["problems"]}
    assert {"text-align", "word-break", "word broken across lines"} <= kinds, result["problems"][:10]


def test_the_example_notebooks_html_outputs_read_well_inside_jupyterlab(screenshots: Path) -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    html = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if "text/html" in output.get("data", {})
    ]
    assert html, "the example notebook shows no HTML"
    result = check_page(lab_page(notebook), screenshots, "example-notebook-in-jupyterlab")
    assert result["counts"]["outputs"] == len(html), result["counts"]
    assert result["counts"]["lexdef"] > 0, "the notebook shows none of lexdef's HTML"
    assert result["problems"] == [], result["problems"][:20]
