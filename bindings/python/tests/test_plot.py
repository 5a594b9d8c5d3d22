"""`Matrix.plot()` (issue 19, item 3): a heatmap in a colour-blind-safe palette, with a legend
that names every state, drawn from the matrix itself."""

from __future__ import annotations

from pathlib import Path

import pytest

import lexdef

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
from matplotlib.colors import to_hex, to_rgb  # noqa: E402

# Okabe and Ito's palette, and a grey for "no definition".
OKABE_ITO = {"#0072b2", "#d55e00", "#f0e442", "#bbbbbb"}
STATES = ["present", "absent", "not_found", "not_defined"]


def test_the_heatmap_names_each_state_in_a_colour_blind_safe_palette(corpus: lexdef.Corpus, tmp_path: Path) -> None:
    import matplotlib.pyplot as pyplot

    matrix = corpus.matrix(baseline="palermo")
    rows = ["INTL-PALERMO-2000", "MM-ATIPL-2005", "ASEAN-ACTIP-2015", "TH-ATIPA-2008"]
    axes = matrix.plot(instruments=rows)
    assert isinstance(axes, matplotlib.axes.Axes)
    # The legend names every state, not only the title.
    legend = axes.get_legend()
    labels = [text.get_text() for text in legend.get_texts()]
    assert [label.split(":")[0] for label in labels] == STATES
    colours = [to_hex(patch.get_facecolor()) for patch in legend.get_patches()]
    assert set(colours) == OKABE_ITO
    # No pure red or pure green (before: #c62828 and #2e7d32).
    assert "#c62828" not in colours and "#2e7d32" not in colours
    # The rows and columns are the matrix's.
    assert [label.get_text() for label in axes.get_yticklabels()] == rows
    assert [label.get_text() for label in axes.get_xticklabels()] == matrix.elements
    # Each cell has the colour of its state.
    image = axes.get_images()[0]
    rgba = image.to_rgba(image.get_array())
    present = to_rgb("#0072b2")
    column = matrix.elements.index("means.abuse_of_vulnerability")
    assert tuple(rgba[0][column][:3]) == pytest.approx(present)  # the Protocol names it
    not_defined = to_rgb("#bbbbbb")
    assert all(tuple(cell[:3]) == pytest.approx(not_defined) for cell in rgba[2])  # ACTIP: no definition seen
    # It renders.
    target = tmp_path / "matrix.png"
    axes.figure.savefig(target)
    assert target.stat().st_size > 10_000
    drawn = matplotlib.image.imread(target)
    pixels = {tuple(int(round(channel * 255)) for channel in pixel[:3]) for row in drawn[::2] for pixel in row[::2]}
    assert (0x00, 0x72, 0xB2) in pixels and (0xBB, 0xBB, 0xBB) in pixels
    pyplot.close(axes.figure)


def test_the_heatmap_draws_on_a_given_axes_and_refuses_an_unknown_row(corpus: lexdef.Corpus) -> None:
    import matplotlib.pyplot as pyplot

    figure, given = pyplot.subplots()
    matrix = corpus.matrix(baseline="palermo")
    assert matrix.plot(ax=given) is given
    assert len(given.get_yticklabels()) == len(matrix)
    with pytest.raises(KeyError, match="did you mean `MM-ATIPL-2005`"):
        matrix.plot(instruments=["MM-ATIPL-2O05"])
    pyplot.close(figure)
