"""Reading an output directory back (single files or ``TABLE/part-*.parquet``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, List, Union

from sayso._frames import _require
from sayso._sayso import TABLES

_BACKENDS = ("polars", "pyarrow", "duckdb")


def _parts(out: Path, name: str) -> List[Path]:
    """The Parquet files holding table ``name``: ``name.parquet`` or ``name/*.parquet``."""
    single = out / f"{name}.parquet"
    if single.is_file():
        return [single]
    folder = out / name
    if folder.is_dir():
        return sorted(folder.glob("*.parquet"))
    return []


def read(out: Union[str, "os.PathLike[str]"], *, backend: str = "polars") -> Dict[str, Any]:
    """Open the tables of an output directory written by :func:`sayso.convert`.

    Returns a dict from table name to a lazy handle, for every table present:
    ``polars.LazyFrame`` (backend ``"polars"``), ``pyarrow.Table``
    (``"pyarrow"``) or a ``duckdb.DuckDBPyRelation`` (``"duckdb"``).

    >>> tables = sayso.read("out")  # doctest: +SKIP
    >>> tables["quotes"].filter(pl.col("speaker").is_not_null()).collect()  # doctest: +SKIP
    """
    if backend not in _BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(_BACKENDS)}; got {backend!r}")
    root = Path(os.fspath(out))
    if not root.is_dir():
        raise FileNotFoundError(f"no output directory at {root}")
    if backend == "polars":
        pl = _require("polars", "polars")
        scan = pl.scan_parquet
    elif backend == "pyarrow":
        _require("pyarrow", "pyarrow")
        import pyarrow.parquet as pq  # type: ignore[import-untyped]

        scan = pq.read_table
    else:
        scan = _require("duckdb", "duckdb").read_parquet

    tables: Dict[str, Any] = {}
    for name in TABLES:
        files = _parts(root, name)
        if files:
            tables[name] = scan([str(p) for p in files])
    return tables
