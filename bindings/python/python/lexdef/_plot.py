"""``Matrix.plot()``: the instruments × elements heatmap, drawn with matplotlib (imported only
here, and only when a plot is asked for).

The colours are from Okabe and Ito's palette, told apart by readers with any common colour
vision deficiency, and the legend names each state in words, so that no reader depends on
telling red from green.
"""

from __future__ import annotations

import difflib
from typing import Any, Optional, Sequence

# The states in the order of the legend, each with its colour and what it means.
STATES = (
    ("present", "#0072B2", "the text names it"),
    ("absent", "#D55E00", "the complete text lacks it"),
    ("not_found", "#F0E442", "not in the text seen, which is incomplete or not read"),
    ("not_defined", "#BBBBBB", "the text seen defines nothing for the concept"),
)


def _rows(matrix: Any, instruments: Optional[Sequence[str]]) -> list[str]:
    known = matrix.instruments
    if instruments is None:
        return list(known)
    for instrument in instruments:
        if instrument not in known:
            close = difflib.get_close_matches(instrument, known, n=3)
            hint = f" (did you mean {', '.join(f'`{id}`' for id in close)}?)" if close else ""
            raise KeyError(f"the matrix has no row `{instrument}`{hint}")
    return list(instruments)


def plot_matrix(matrix: Any, instruments: Optional[Sequence[str]] = None, ax: Any = None) -> Any:
    """Draw ``matrix`` (rows ``instruments``, all by default) on ``ax`` (a new figure by
    default) and return the Axes."""
    try:
        import matplotlib.pyplot as pyplot
        from matplotlib.colors import BoundaryNorm, ListedColormap
        from matplotlib.patches import Patch
    except ImportError:
        raise ImportError(
            "plot() needs matplotlib, which is not installed (hint: `pip install matplotlib`, or `pip install lexdef[plot]`)"
        ) from None
    rows = _rows(matrix, instruments)
    columns = matrix.elements
    codes = {state: code for code, (state, _, _) in enumerate(STATES)}
    cells = [[codes[matrix.value(row, column)] for column in columns] for row in rows]
    if ax is None:
        # Room for the rotated element ids below and the legend on the right.
        size = (0.3 * len(columns) + 7.5, 0.3 * len(rows) + 3.5)
        _, ax = pyplot.subplots(figsize=size, layout="constrained")
    colours = ListedColormap([colour for _, colour, _ in STATES])
    norm = BoundaryNorm([code - 0.5 for code in range(len(STATES) + 1)], len(STATES))
    ax.imshow(cells, cmap=colours, norm=norm, aspect="auto", interpolation="nearest")
    ax.set_xticks(range(len(columns)), columns, rotation=90)
    ax.set_yticks(range(len(rows)), rows)
    # Thin white lines between cells, so that neighbours of one colour stay countable.
    ax.set_xticks([x - 0.5 for x in range(1, len(columns))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(rows))], minor=True)
    ax.grid(which="minor", color="white", linewidth=1)
    ax.tick_params(which="minor", length=0)
    ax.legend(
        handles=[Patch(facecolor=colour, edgecolor="#555555", label=f"{state}: {meaning}") for state, colour, meaning in STATES],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        title="state of the element",
    )
    ax.set_title("Elements of each definition")
    return ax
