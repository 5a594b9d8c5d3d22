"""HTML outputs seen as JupyterLab shows them: put in the output cells of a page that carries
JupyterLab's own CSS (nbconvert's `lab` template), loaded in headless Chromium, and read back
through the browser's computed styles and the layout of each word.

`check_page` returns what it found wrong, in words; an empty list means every output reads
left to right and no word of the law is broken across lines.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import nbformat
from nbconvert import HTMLExporter

# Runs in the page once it has loaded; writes its findings into <pre id="lexdef-check">.
# A word is a run of letters, marks and digits (so "confining", "vulnerability", and each part
# of "MM-ATIPL-2005"), in a script that spaces its words; it is broken when its letters lie on
# more than one line. Ids are checked
# whole (an instrument id may not wrap at its hyphens) where lexdef marks them as ids.
CHECK_SCRIPT = r"""
<script>
window.addEventListener('load', () => {
  const problems = [];
  const counts = {outputs: 0, lexdef: 0, texts: 0, words: 0};
  const seen = new Set();
  const note = (kind, where, detail) => {
    const key = kind + '|' + detail;
    if (!seen.has(key) && problems.length < 200) { seen.add(key); problems.push({kind, where, detail}); }
  };
  const UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
  const brokenOver = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const tops = new Set();
    for (const rect of range.getClientRects()) {
      if (rect.width > 0 && rect.height > 0) tops.add(Math.round(rect.top));
    }
    return tops.size > 1;
  };
  const outputs = document.querySelectorAll('.jp-OutputArea-output[data-mime-type="text/html"]');
  outputs.forEach((output, index) => {
    counts.outputs += 1;
    const lexdef = output.querySelectorAll('.lexdef');
    counts.lexdef += lexdef.length;
    const where = 'output ' + index + (lexdef.length ? ' (lexdef)' : '');
    const walker = document.createTreeWalker(output, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      const parent = node.parentElement;
      if (!text.trim() || !parent || parent.closest('style,script')) continue;
      const style = getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      counts.texts += 1;
      const snippet = text.trim().slice(0, 60);
      if (style.wordBreak !== 'normal') note('word-break', where, style.wordBreak + ': ' + snippet);
      if (style.overflowWrap !== 'normal') note('overflow-wrap', where, style.overflowWrap + ': ' + snippet);
      const inLexdef = parent.closest('.lexdef');
      // The signs of the coverage grid are centred on purpose; every word is left-aligned.
      if (inLexdef && !parent.closest('.state') && !['left', 'start'].includes(style.textAlign)) {
        note('text-align', where, style.textAlign + ': ' + snippet);
      }
      for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
        // Thai, Lao, Khmer and Burmese write no spaces between words: the browser breaks their
        // lines between words by dictionary, inside what this reads as one run of letters.
        if (UNSPACED.test(match[0])) continue;
        counts.words += 1;
        if (brokenOver(node, match.index, match.index + match[0].length)) {
          note('word broken across lines', where, match[0] + ' in ' + snippet);
        }
      }
      if (inLexdef && parent.closest('.id') && brokenOver(node, 0, text.length)) {
        note('id broken across lines', where, snippet);
      }
    }
    // The fragment fits its cell: wide tables scroll inside it, not past the page.
    lexdef.forEach((root) => {
      if (root.scrollWidth > root.clientWidth + 1) {
        note('overflows its cell', where, root.scrollWidth + ' px wide in ' + root.clientWidth + ' px');
      }
    });
  });
  const out = document.createElement('pre');
  out.id = 'lexdef-check';
  out.textContent = JSON.stringify({problems, counts});
  document.body.appendChild(out);
});
</script>
"""


def chromium() -> str:
    for candidate in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(candidate)
        if found:
            return found
    raise AssertionError("no headless Chromium on PATH: tests/run-all.sh installs it (apt-get install chromium)")


def lab_page(notebook: nbformat.NotebookNode) -> str:
    """The notebook as nbconvert's `lab` template renders it: JupyterLab's CSS around the
    outputs, without its inputs and without scripts fetched from the network."""
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    page, _ = exporter.from_notebook_node(notebook)
    return re.sub(r"<script[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>", "", page)


def notebook_of(html_outputs: list[str]) -> nbformat.NotebookNode:
    """A notebook whose code cells' outputs are the given HTML, one cell each."""
    notebook = nbformat.v4.new_notebook()
    for html in html_outputs:
        cell = nbformat.v4.new_code_cell(source="")
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html, "text/plain": "…"})]
        notebook.cells.append(cell)
    return notebook


def check_page(page: str, directory: Path, name: str) -> dict[str, Any]:
    """Load `page` in headless Chromium at 1,400 px wide; return `{problems, counts}` and
    leave `name.png`, a screenshot, in `directory`."""
    return inspect_page(page, directory, name, CHECK_SCRIPT)


def inspect_page(
    page: str, directory: Path, name: str, script: str, width: int = 1400, height: int = 2400, target: str = ""
) -> dict[str, Any]:
    """Load `page` with `script` (which writes its findings as JSON into
    `<pre id="lexdef-check">` once the page has loaded) in headless Chromium, `width` x
    `height` px, at the fragment `target` (`#id`) if given; return the findings and leave
    `name.png`, a screenshot of the same view, in `directory`."""
    path = directory / f"{name}.html"
    path.write_text(page.replace("</body>", script + "</body>"), encoding="utf-8")
    common = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        f"--window-size={width},{height}",
        f"--user-data-dir={directory / 'profile'}",
    ]
    dom = subprocess.run(
        [*common, "--virtual-time-budget=20000", "--dump-dom", path.as_uri() + target],
        capture_output=True,
        text=True,
        timeout=300,
    )
    found = re.search(r'<pre id="lexdef-check">(.*?)</pre>', dom.stdout, re.S)
    assert found, f"the check did not run in Chromium: {dom.stderr[-2000:]}"
    result: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    screenshot = directory / f"{name}.png"
    subprocess.run(
        # After the same time as the findings: the page as the script left it.
        [*common, "--virtual-time-budget=20000", f"--screenshot={screenshot}", path.as_uri() + target],
        capture_output=True,
        timeout=300,
    )
    assert screenshot.exists() and screenshot.stat().st_size > 10_000, "Chromium took no screenshot"
    return result
