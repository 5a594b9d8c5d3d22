"""Records as typed DataFrames: the one place that imports pandas or polars, and only when a
frame is asked for.

The Rust classes give their records and a schema: one ``(column, kind, categories)`` per
column, where ``kind`` is

- ``text``: ``string`` in pandas, ``String`` in polars;
- ``integer``: ``Int64`` (nullable) / ``Int64``;
- ``float``: ``Float64`` (nullable) / ``Float64``;
- ``boolean``: ``boolean`` (nullable) / ``Boolean``;
- ``ordered``: an ordered ``Categorical`` / an ``Enum``, with the categories in their order;
- ``category``: an unordered ``Categorical`` / an ``Enum``;
- ``written``: a value of mixed kinds (a side of a finding: ``present``, ``16``, ``true``)
  written as in the JSON report, as text.

A missing value is ``<NA>`` (pandas) or ``null`` (polars), never ``NaN`` or ``None`` in an
``object`` column.
"""

from __future__ import annotations

import importlib
from typing import Any, Optional, Sequence, Tuple

Schema = Sequence[Tuple[str, str, Optional[Sequence[str]]]]


def _written(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _column(rows: Sequence[dict[str, Any]], name: str, kind: str, categories: Optional[Sequence[str]]) -> list[Any]:
    values = [row[name] for row in rows]
    if kind == "written":
        return [_written(value) for value in values]
    if categories is not None:
        # A value outside the categories would silently become missing: a wrong answer.
        strays = {value for value in values if value is not None and value not in categories}
        if strays:
            raise ValueError(f"column `{name}` holds {sorted(map(str, strays))}, outside its categories {list(categories)}")
    return values


def _library(name: str, method: str) -> Any:
    """The frame library `name`, or an ImportError that says how to install it."""
    try:
        return importlib.import_module(name)
    except ImportError:
        raise ImportError(
            f"{method}() needs {name}, which is not installed (hint: `pip install {name}`, or `pip install lexdef[{name}]`)"
        ) from None


def pandas_frame(rows: Sequence[dict[str, Any]], schema: Schema, index: Optional[str] = None) -> Any:
    """The records as a pandas DataFrame with nullable dtypes."""
    pandas = _library("pandas", "to_pandas")
    columns = {}
    for name, kind, categories in schema:
        values = _column(rows, name, kind, categories)
        if categories is not None:
            dtype = pandas.CategoricalDtype(list(categories), ordered=kind == "ordered")
            columns[name] = pandas.Series(pandas.Categorical(values, dtype=dtype), dtype=dtype)
        else:
            dtype = {"integer": "Int64", "float": "Float64", "boolean": "boolean"}.get(kind, "string")
            columns[name] = pandas.Series(pandas.array(values, dtype=dtype))
    frame = pandas.DataFrame(columns, columns=[name for name, _, _ in schema])
    return frame.set_index(index) if index is not None else frame


def polars_frame(rows: Sequence[dict[str, Any]], schema: Schema) -> Any:
    """The records as a polars DataFrame of the same shape as the pandas one (no index: the
    column that pandas indexes by stays the first column)."""
    polars = _library("polars", "to_polars")
    columns = []
    for name, kind, categories in schema:
        values = _column(rows, name, kind, categories)
        if categories is not None:
            dtype = polars.Enum(list(categories))
        else:
            dtype = {"integer": polars.Int64, "float": polars.Float64, "boolean": polars.Boolean}.get(kind, polars.String)
        columns.append(polars.Series(name, values, dtype=dtype))
    return polars.DataFrame(columns)
