"""Conversions of an :class:`~sayso.Extraction` to data frame libraries.

Kept in Python so the compiled module needs none of them at run time.
"""

from __future__ import annotations

from typing import Any, Dict

from sayso._sayso import TABLES


def _require(module: str, extra: str) -> Any:
    try:
        return __import__(module)
    except ImportError as err:
        raise ImportError(
            f"this needs {module}, which is not installed: pip install 'sayso[{extra}]'"
        ) from err


def to_polars(x: Any) -> Dict[str, Any]:
    """One ``polars.DataFrame`` per table (imported without copying)."""
    pl = _require("polars", "polars")
    return {name: pl.DataFrame(x.table(name)) for name in TABLES}


def to_pandas(x: Any) -> Dict[str, Any]:
    """One ``pandas.DataFrame`` per table, with ``pandas.ArrowDtype`` columns."""
    pd = _require("pandas", "pandas")
    pa = _require("pyarrow", "pandas")
    return {name: pa.table(x.table(name)).to_pandas(types_mapper=pd.ArrowDtype) for name in TABLES}
