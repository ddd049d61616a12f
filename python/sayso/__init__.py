"""sayso: who said what, to whom, and when.

Turns news articles into Arrow tables of quotes, claims, speakers and dates
(schema v1, see ``docs/SCHEMA.md``).

>>> import sayso
>>> x = sayso.extract("“We will win,” Maria Lopez said.", published="2024-05-01")
>>> x
Extraction(articles=1, quotes=1, ...)
>>> import polars as pl
>>> pl.DataFrame(x.quotes).select("text", "speaker")  # doctest: +SKIP
"""

from __future__ import annotations

from sayso._read import read
from sayso._sayso import (
    TABLES,
    SCHEMA_VERSION,
    EvalError,
    Extraction,
    InputError,
    OutputError,
    OutputExistsError,
    SaysoError,
    __version__,
    cli_main,
    cluster_quotes,
    convert,
    extract,
    extract_arrow,
    extract_batch,
    schema,
)

#: Arrow schema of every table, by name (objects with ``__arrow_c_schema__``:
#: ``pyarrow.schema(sayso.SCHEMA["quotes"])`` gives a ``pyarrow.Schema``).
SCHEMA = {name: s for name in TABLES if (s := schema(name)) is not None}

__all__ = [
    "SCHEMA",
    "SCHEMA_VERSION",
    "TABLES",
    "EvalError",
    "Extraction",
    "InputError",
    "OutputError",
    "OutputExistsError",
    "SaysoError",
    "__version__",
    "cli_main",
    "cluster_quotes",
    "convert",
    "extract",
    "extract_arrow",
    "extract_batch",
    "read",
    "schema",
]
