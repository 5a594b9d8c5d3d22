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
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

import lexdef
from jupyterlab_page import check_page, inspect_page, lab_page, notebook_of

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
        "Checklist": corpus.checklist()._repr_html_(),
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
        assert tags <= {"div", "style", "p", "table", "tr", "th", "td", "code", "span", "pre", "mark", "h1", "h2", "h3", "a", "em", "strong", "ul", "li", "dl", "dt", "dd", "q", "br"}, (name, tags)


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


# The protection checklist's grid as a person sees it: read in the page once it has loaded.
# Every cell of the grid (its instrument, its item, its sign, its colours, its `title`, its
# link); what sticks out to the right of the window outside the grid's scroll box; and a
# click on the link of CLICK: the element it names, whether it was out of view before and is
# in view after, and its outline (`:target`). The page is then scrolled back to the top, for
# the screenshot.
GRID_SCRIPT = r"""
<script>
const lexdefReport = (report) => {
  const out = document.createElement('pre');
  out.id = 'lexdef-check';
  out.textContent = JSON.stringify(report);
  document.body.appendChild(out);
};
window.addEventListener('error', (event) => lexdefReport({error: String(event.message)}));
window.addEventListener('load', () => {
  const table = document.querySelector('.lexdef table.checklist');
  const header = table.querySelector('tr');
  const report = {
    columns: [...header.querySelectorAll('th.rot')].map((th) => th.getAttribute('title')),
    rows: [...table.querySelectorAll('th.id')].map((th) => th.textContent),
    cells: [],
  };
  for (const td of table.querySelectorAll('td.state')) {
    const link = td.querySelector('a');
    const rect = td.getBoundingClientRect();
    report.cells.push({
      instrument: td.parentElement.querySelector('th.id').textContent,
      item: header.children[td.cellIndex].getAttribute('title'),
      state: [...td.classList].filter((name) => name !== 'state').join(' '),
      sign: td.innerText.trim(),
      background: getComputedStyle(td).backgroundColor,
      colour: getComputedStyle(link || td).color,
      title: td.getAttribute('title'),
      href: link ? link.getAttribute('href') : null,
      width: rect.width,
      height: rect.height,
    });
  }
  // An instrument id is not pressed against its cell's border.
  report.idPadding = Math.min(...[...table.querySelectorAll('th.id')].map((th) => parseFloat(getComputedStyle(th).paddingLeft)));
  // Each key of the legend stands on the line of the first word of its meaning.
  report.legend = [...document.querySelectorAll('.lexdef .legend .entry')].map((entry) => {
    const key = entry.querySelector('.key');
    const range = document.createRange();
    range.setStart(key.nextSibling, 0);
    range.setEnd(key.nextSibling, 1);
    const word = range.getClientRects()[0];
    const box = key.getBoundingClientRect();
    return {key: key.textContent, apart: Math.abs((word.top + word.bottom) / 2 - (box.top + box.bottom) / 2)};
  });
  const width = document.documentElement.clientWidth;
  const scroll = document.querySelector('.lexdef .scroll');
  report.page = {viewport: width, width: document.documentElement.scrollWidth};
  report.scroll = {client: scroll.clientWidth, width: scroll.scrollWidth, overflowX: getComputedStyle(scroll).overflowX,
                   right: scroll.getBoundingClientRect().right};
  report.overflowing = [];
  for (const element of document.querySelectorAll('.lexdef *')) {
    if (element.closest('.scroll') || element.closest('style')) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width > 0 && rect.right > width + 1) {
      report.overflowing.push(element.tagName + ' ' + Math.round(rect.right) + ' px: ' + element.textContent.trim().slice(0, 60));
    }
  }
  const link = table.querySelector('td.state a[href="CLICK"]');
  const target = document.getElementById('CLICK'.slice(1));
  const inView = (element) => {
    const rect = element.getBoundingClientRect();
    return rect.top >= -2 && rect.bottom <= window.innerHeight + 2 && rect.height > 0;
  };
  report.click = {link: !!link, target: !!target, before: target ? inView(target) : null};
  if (link) link.click();
  setTimeout(() => {
    const targeted = document.querySelector(':target');
    report.click.targeted = targeted ? targeted.id : null;
    report.click.after = target ? inView(target) : null;
    report.click.where = target ? [Math.round(target.getBoundingClientRect().top), window.innerHeight, Math.round(window.scrollY)] : null;
    report.click.text = target ? target.innerText : null;
    report.click.evidence = target && target.nextElementSibling ? target.nextElementSibling.innerText : null;
    report.click.outline = target ? getComputedStyle(target).outlineStyle : null;
    report.click.visibility = target ? getComputedStyle(target).visibility : null;
    // The item's line reads on one line, its evidence under it (not floated beside it).
    if (target) {
      const range = document.createRange();
      range.selectNodeContents(target);
      report.click.lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      const next = target.nextElementSibling;
      report.click.under = !!next && next.getBoundingClientRect().top >= target.getBoundingClientRect().bottom - 1;
    }
    window.scrollTo(0, 0);
    lexdefReport(report);
  }, 200);
});
</script>
"""

# The sign and the colours of each state, as the legend names them (Okabe and Ito's colours).
CELL_LOOKS = {
    "mandatory": ("M", "rgb(0, 114, 178)", "rgb(255, 255, 255)"),
    "conditional": ("C", "rgb(86, 180, 233)", "rgb(0, 0, 0)"),
    "discretionary": ("D", "rgb(0, 158, 115)", "rgb(255, 255, 255)"),
    "not_provided": ("–", "rgb(230, 159, 0)", "rgb(0, 0, 0)"),
    "not_found": ("?", "rgb(240, 228, 66)", "rgb(0, 0, 0)"),
}
CLICK = "#INTL-PALERMO-2000-compensation"


@pytest.fixture(scope="module")
def checklist() -> lexdef.Checklist:
    corpus = lexdef.Corpus.bundled()
    return corpus.checklist()


def checklist_page() -> str:
    """The page `lexdef checklist --format html` writes, of every instrument of the corpus."""
    repository = Path(__file__).resolve().parents[3]
    command = ["cargo", "run", "-q", "--locked", "-p", "lexdef-cli", "--", "checklist", "--format", "html"]
    run = subprocess.run(command, cwd=repository, capture_output=True, text=True, timeout=1200, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def assert_the_grid_reads(found: dict[str, Any], checklist: lexdef.Checklist) -> None:
    """The grid of `found` (GRID_SCRIPT's findings) shows `checklist` cell by cell."""
    assert found["rows"] == checklist.instruments
    assert found["columns"] == checklist.items and len(found["columns"]) == 16
    assert len(found["cells"]) == 16 * len(checklist)
    for cell in found["cells"]:
        item = checklist[cell["instrument"]][cell["item"]]
        state = item.obligation if item.state == "provided" else item.state
        sign, background, colour = CELL_LOOKS[state or "mandatory"]
        where = f"{cell['instrument']} {cell['item']}"
        assert cell["state"] == state, where
        # Not blank: a sign in a cell of a size to see, in the colour of its state.
        assert cell["sign"] == sign and cell["width"] >= 16 and cell["height"] >= 14, (where, cell)
        assert (cell["background"], cell["colour"]) == (background, colour), (where, cell)
        # Hovering shows the state in words and the law's words (or why it is not found).
        title = cell["title"]
        assert title.startswith(f"{cell['instrument']} — {item.label}: "), (where, title)
        for evidence in item.evidence:
            assert f"{evidence.eid} line {evidence.line}: “{evidence.text}”" in title, (where, title)
        if item.reason:
            assert item.reason in title, (where, title)
        assert cell["href"] == f"#{cell['instrument']}-{cell['item'].removeprefix('protection.')}", where


def assert_the_legend_and_ids_read(found: dict[str, Any]) -> None:
    # Before: a line of the legend broke between a sign and its meaning ("sky blue: /
    # provided, conditional ..."), and the ids touched the first cell of their row.
    assert [entry["key"] for entry in found["legend"]] == [look[0] for look in CELL_LOOKS.values()]
    for entry in found["legend"]:
        assert entry["apart"] < 8, entry
    assert found["idPadding"] >= 4, found["idPadding"]


def assert_the_click_shows_the_evidence(found: dict[str, Any]) -> None:
    click = found["click"]
    assert click["link"] and click["target"], click
    assert click["before"] is False, "the evidence was already in view: the click would prove nothing"
    assert click["targeted"] == CLICK[1:] and click["after"] is True, click
    assert click["visibility"] == "visible" and click["outline"] == "solid", click
    # Before: inside JupyterLab the item's name wrapped in a fifth of the width
    # ("Compensation: / provided / (mandatory)"), its evidence floated beside it.
    assert click["lines"] == 1 and click["under"], click
    assert click["text"] == "Compensation: provided (mandatory)", click
    # (The quotation marks around the words are the `<q>` element's, drawn by CSS.)
    assert "art_6__para_6 line 120: compensation — mandatory (“shall”)" in click["evidence"], click


def assert_nothing_overflows(found: dict[str, Any]) -> None:
    assert found["page"]["width"] <= found["page"]["viewport"], found["page"]
    assert found["overflowing"] == [], found["overflowing"][:10]
    assert found["scroll"]["overflowX"] == "auto" and found["scroll"]["right"] <= found["page"]["viewport"] + 1


def test_the_checklist_page_shows_the_grid_in_chromium(checklist: lexdef.Checklist, screenshots: Path) -> None:
    page = checklist_page()
    script = GRID_SCRIPT.replace("CLICK", CLICK)
    found = inspect_page(page, screenshots, "checklist-page", script, width=1400, height=1000)
    assert_the_grid_reads(found, checklist)
    assert_the_legend_and_ids_read(found)
    assert_the_click_shows_the_evidence(found)
    assert_nothing_overflows(found)
    # The grid fits a wide window whole; in a narrow one it scrolls in its box, not the page.
    assert found["scroll"]["width"] <= found["scroll"]["client"], found["scroll"]
    narrow = inspect_page(page, screenshots, "checklist-page-narrow", script, width=480, height=1000)
    assert_nothing_overflows(narrow)
    assert_the_legend_and_ids_read(narrow)
    assert narrow["scroll"]["width"] > narrow["scroll"]["client"], narrow["scroll"]
    assert (screenshots / "checklist-page.png").stat().st_size > 50_000


def test_the_checklist_repr_shows_the_grid_inside_jupyterlab(checklist: lexdef.Checklist, screenshots: Path) -> None:
    page = lab_page(notebook_of([checklist._repr_html_()]))
    script = GRID_SCRIPT.replace("CLICK", CLICK)
    found = inspect_page(page, screenshots, "checklist-in-jupyterlab", script, width=1000, height=1000)
    assert_the_grid_reads(found, checklist)
    assert_the_legend_and_ids_read(found)
    assert_the_click_shows_the_evidence(found)
    assert_nothing_overflows(found)
    assert (screenshots / "checklist-in-jupyterlab.png").stat().st_size > 50_000
