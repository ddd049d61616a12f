"""Apache Spark: extraction over a DataFrame of articles, Arrow batch by Arrow batch.

Each Spark task hands its Arrow record batches to the Rust core
(:func:`sayso.extract_arrow`) through ``DataFrame.mapInArrow``: no Python
object is made per article or per row. Rows and ids are those of
``sayso convert`` for the same articles.

>>> quotes = sayso.spark.extract(df, table="quotes")  # doctest: +SKIP
>>> sayso.spark.write(df, "out", overwrite=True)  # doctest: +SKIP

Needs ``pyspark>=4.0`` (``pip install 'sayso[spark]'``) and pyarrow.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterator, Optional, Tuple, Union

from sayso._frames import _require
from sayso._sayso import (
    SCHEMA_VERSION,
    OutputExistsError,
    __version__,
    cluster_quotes,
    extract_arrow,
    schema,
)

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
    from pyspark.sql import DataFrame

#: Tables that come out of extraction, one article at a time. ``clusters`` is
#: the corpus-wide second step (:func:`clusters`).
EXTRACTED = ("articles", "quotes", "claims", "speakers", "dates", "errors")

#: The columns :func:`clusters` collects to the driver.
_CLUSTER_QUOTE_COLUMNS = ("quote_id", "article_id", "start", "text", "speaker", "speaker_id", "date")


def _pa() -> Any:
    return _require("pyarrow", "spark")


def _plain_type(t: "pa.DataType") -> "pa.DataType":
    """The type Spark holds a column in: dictionaries become their values,
    large strings plain strings; lists and structs are converted inside."""
    pa = _pa()
    if pa.types.is_dictionary(t):
        return _plain_type(t.value_type)
    if pa.types.is_large_string(t):
        return pa.string()
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return pa.list_(_plain_field(t.value_field))
    if pa.types.is_struct(t):
        return pa.struct([_plain_field(t.field(i)) for i in range(t.num_fields)])
    return t


def _plain_field(f: "pa.Field") -> "pa.Field":
    return _pa().field(f.name, _plain_type(f.type), f.nullable)


def arrow_schema(table: str) -> "pa.Schema":
    """The Arrow schema of ``table`` as it travels through Spark (schema v1
    with dictionary-encoded columns as plain strings)."""
    pa = _pa()
    s = schema(table)
    if s is None:
        raise ValueError(f"no table {table!r}; tables are {', '.join(EXTRACTED + ('clusters',))}")
    return pa.schema([_plain_field(f) for f in pa.schema(s)])


def spark_schema(table: str) -> Any:
    """The Spark ``StructType`` of ``table`` (date32 columns stay ``DateType``)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(arrow_schema(table))


def _check_table(table: str, allowed: Tuple[str, ...] = EXTRACTED) -> None:
    if table not in allowed:
        raise ValueError(f"table must be one of {', '.join(allowed)}; got {table!r}")


def _articles(
    df: "DataFrame",
    text_col: str,
    id_col: Optional[str],
    published_col: Optional[str],
    title_col: Optional[str],
    source_col: Optional[str],
    url_col: Optional[str],
    language_col: Optional[str],
) -> "DataFrame":
    """The mapped columns only, under the names the core reads."""
    from pyspark.sql import functions as F

    mapping = [
        ("text", text_col),
        ("id", id_col),
        ("published", published_col),
        ("title", title_col),
        ("source", source_col),
        ("url", url_col),
        ("language", language_col),
    ]
    missing = [c for _, c in mapping if c is not None and c not in df.columns]
    if missing:
        raise ValueError(
            f"no column {', '.join(map(repr, missing))} in the DataFrame "
            f"(columns: {', '.join(df.columns)}); pass the right *_col argument, or None"
        )
    return df.select([F.col(c).alias(name) for name, c in mapping if c is not None])


def _extract_partition(tables: Tuple[str, ...], wide: bool) -> Any:
    """The function each Spark task runs over its Arrow batches.

    With ``wide``, every table is a struct column of one wide batch (one
    extraction serves every table); otherwise the batches of ``tables[0]``.
    """
    targets = {t: arrow_schema(t) for t in tables}

    def run(batches: Iterator["pa.RecordBatch"]) -> Iterator["pa.RecordBatch"]:
        import pyarrow as pa
        from pyspark import TaskContext

        ctx = TaskContext.get()
        label = f"partition-{ctx.partitionId() if ctx is not None else 0}"
        first_row = 0
        for batch in batches:
            x = extract_arrow(batch, label=label, first_row=first_row)
            first_row += batch.num_rows
            if not wide:
                t = tables[0]
                yield from pa.table(x.table(t)).cast(targets[t]).to_batches()
                continue
            for t in tables:
                rows = pa.table(x.table(t)).cast(targets[t]).combine_chunks()
                if rows.num_rows == 0:
                    continue
                # one row per row of table t: its struct set, the others null
                columns = [
                    pa.StructArray.from_arrays([c.chunk(0) for c in rows.columns], fields=list(targets[t]))
                    if other == t
                    else pa.nulls(rows.num_rows, pa.struct(list(targets[other])))
                    for other in tables
                ]
                yield pa.RecordBatch.from_arrays(columns, names=list(tables))

    return run


def extract(
    df: "DataFrame",
    *,
    table: str = "quotes",
    text_col: str = "text",
    id_col: Optional[str] = "id",
    published_col: Optional[str] = None,
    title_col: Optional[str] = None,
    source_col: Optional[str] = None,
    url_col: Optional[str] = None,
    language_col: Optional[str] = None,
) -> "DataFrame":
    """The rows of ``table`` for the articles of ``df`` (one article per row).

    ``table`` is one of ``articles``, ``quotes``, ``claims``, ``speakers``,
    ``dates`` or ``errors``; the result has that table's schema-v1 columns
    (dictionary-encoded strings as plain strings, dates as ``DateType``).
    Columns of ``df`` are mapped by the ``*_col`` arguments; ``None`` leaves
    a field out (without ``id_col`` the id is a hash of the text, as in
    ``convert``). ``published_col`` may be a string, date or timestamp column.
    ``quotes.cluster_id`` stays null: clustering is the corpus-wide second
    step, :func:`clusters`.

    >>> quotes = sayso.spark.extract(df, table="quotes", published_col="date")  # doctest: +SKIP
    >>> quotes.groupBy("speaker").count().orderBy("count", ascending=False).show()  # doctest: +SKIP
    """
    _check_table(table)
    articles = _articles(df, text_col, id_col, published_col, title_col, source_col, url_col, language_col)
    return articles.mapInArrow(_extract_partition((table,), wide=False), spark_schema(table))


def extract_all(
    df: "DataFrame",
    *,
    text_col: str = "text",
    id_col: Optional[str] = "id",
    published_col: Optional[str] = None,
    title_col: Optional[str] = None,
    source_col: Optional[str] = None,
    url_col: Optional[str] = None,
    language_col: Optional[str] = None,
) -> Dict[str, "DataFrame"]:
    """Every extracted table from one pass over ``df``: a dict from table name
    to DataFrame, with the arguments of :func:`extract`.

    The extraction is persisted, so using several tables does not extract
    the articles again. The dict's ``"_wide"`` entry is the persisted
    DataFrame (one struct column per table); ``tables["_wide"].unpersist()``
    frees it.

    >>> tables = sayso.spark.extract_all(df, published_col="date")  # doctest: +SKIP
    >>> tables["speakers"].groupBy("speaker_id").count().show()  # doctest: +SKIP
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import StructField, StructType

    articles = _articles(df, text_col, id_col, published_col, title_col, source_col, url_col, language_col)
    wide_schema = StructType([StructField(t, spark_schema(t), True) for t in EXTRACTED])
    wide = articles.mapInArrow(_extract_partition(EXTRACTED, wide=True), wide_schema).persist()
    out: Dict[str, "DataFrame"] = {
        t: wide.where(F.col(t).isNotNull()).select(f"{t}.*") for t in EXTRACTED
    }
    out["_wide"] = wide
    return out


def _single_batch(table: "pa.Table") -> "pa.RecordBatch":
    pa = _pa()
    return pa.RecordBatch.from_arrays(
        [c.combine_chunks() for c in table.columns], schema=table.schema
    )


def _assign(quotes_df: "DataFrame", articles_df: Optional["DataFrame"]) -> Tuple["pa.Table", "pa.Table"]:
    """Collect what clustering needs and run the Rust clustering on the driver."""
    pa = _pa()
    import pyarrow.compute as pc

    q = quotes_df.select(*_CLUSTER_QUOTE_COLUMNS).orderBy("article_id", "start")
    quotes = q.toArrow()
    quotes = quotes.cast(
        pa.schema(
            [
                pa.field("quote_id", pa.string()),
                pa.field("article_id", pa.string()),
                pa.field("start", pa.int32()),
                pa.field("text", pa.string()),
                pa.field("speaker", pa.string()),
                pa.field("speaker_id", pa.string()),
                pa.field("date", pa.date32()),
            ]
        )
    )
    if articles_df is not None:
        arts = articles_df.select("article_id", "source").toArrow()
        ids = arts.column("article_id").cast(pa.string()).combine_chunks()
        sources = arts.column("source").cast(pa.string()).combine_chunks()
    else:
        ids = pa.array([], pa.string())
        sources = pa.array([], pa.string())
    sources = pc.dictionary_encode(sources)
    if sources.type.index_type != pa.int32():
        sources = sources.cast(pa.dictionary(pa.int32(), pa.string()))
    articles = pa.RecordBatch.from_arrays([ids, sources], names=["article_id", "source"])
    found, assignment = cluster_quotes(_single_batch(quotes), articles)
    return pa.table(found), pa.table(assignment)


def clusters(
    quotes_df: "DataFrame",
    articles_df: Optional["DataFrame"] = None,
    *,
    with_quotes: bool = False,
) -> Any:
    """Corpus-wide clusters: the same utterance reported across articles.

    The second step after :func:`extract`, with the same Rust clustering as
    ``sayso convert``. It collects six columns of every quote (ids, text,
    speaker, date) to the driver, about 0.5–1 KB per quote at its peak
    (a million quotes need about 1 GB of driver memory). ``articles_df`` (the
    ``articles`` table) gives each quote its outlet, for ``n_sources``;
    without it ``n_sources`` is 0. Quotes are clustered in order of
    ``(article_id, start)``: the result does not depend on partitioning, and
    equals ``convert``'s when the input is sorted by id.

    Returns the ``clusters`` DataFrame, or with ``with_quotes=True`` a pair
    ``(clusters, quotes)`` where ``quotes`` has its ``cluster_id`` filled in.

    >>> quotes = sayso.spark.extract(df, table="quotes")  # doctest: +SKIP
    >>> articles = sayso.spark.extract(df, table="articles")  # doctest: +SKIP
    >>> sayso.spark.clusters(quotes, articles).orderBy("n_articles", ascending=False).show()  # doctest: +SKIP
    """
    clusters_df, quotes = _cluster_frames(quotes_df, articles_df)
    return (clusters_df, quotes) if with_quotes else clusters_df


def _cluster_frames(quotes_df: "DataFrame", articles_df: Optional["DataFrame"]) -> Tuple["DataFrame", "DataFrame"]:
    """The clusters DataFrame and ``quotes_df`` with ``cluster_id`` filled in."""
    spark = quotes_df.sparkSession
    found, assignment = _assign(quotes_df, articles_df)
    clusters_df = spark.createDataFrame(found.cast(arrow_schema("clusters")), schema=spark_schema("clusters"))
    ids = spark.createDataFrame(assignment)
    columns = quotes_df.columns
    filled = quotes_df.drop("cluster_id").join(ids, on="quote_id", how="left").select(*columns)
    return clusters_df, filled


def _save(frame: "DataFrame", path: str, mode: str) -> None:
    # zstd, as `convert` writes: the sayso command line reads zstd and
    # uncompressed Parquet only (Spark's default is snappy).
    frame.write.mode(mode).option("compression", "zstd").parquet(path)


def write(
    df: "DataFrame",
    out: Union[str, "os.PathLike[str]"],
    *,
    overwrite: bool = False,
    clusters: bool = True,
    text_col: str = "text",
    id_col: Optional[str] = "id",
    published_col: Optional[str] = None,
    title_col: Optional[str] = None,
    source_col: Optional[str] = None,
    url_col: Optional[str] = None,
    language_col: Optional[str] = None,
) -> Dict[str, Any]:
    """Extract every table of ``df`` and write them as ``sayso convert`` lays
    out an output directory: one folder of Parquet parts per table
    (``out/quotes/part-*.parquet``, as ``convert --part-size``), and a
    ``_manifest.json``; :func:`sayso.read` and ``sayso show`` open it.

    The articles are extracted once. With ``clusters`` (default) the
    corpus-wide clusters are computed as :func:`clusters` does and
    ``quotes.cluster_id`` is filled in. ``out`` is any path Spark writes to
    (local, HDFS, S3); the manifest is written only when ``out`` is a local
    path. Raises ``OutputExistsError`` when a local ``out`` exists and
    ``overwrite`` is false (elsewhere, Spark's own error that the path
    exists). Returns the manifest (row counts per table, timings).

    >>> manifest = sayso.spark.write(df, "out", overwrite=True, published_col="date")  # doctest: +SKIP
    >>> manifest["counts"]["quotes"]  # doctest: +SKIP
    42
    """
    started = time.perf_counter()
    path = os.fspath(out)
    local = "://" not in path or path.startswith("file://")
    local_path = Path(path[len("file://"):] if path.startswith("file://") else path)
    if local and local_path.exists():
        if not overwrite:
            raise OutputExistsError(f"{local_path} exists; pass overwrite=True to replace it")
        shutil.rmtree(local_path) if local_path.is_dir() else local_path.unlink()
    mode = "overwrite" if overwrite else "errorifexists"
    tables = extract_all(
        df,
        text_col=text_col,
        id_col=id_col,
        published_col=published_col,
        title_col=title_col,
        source_col=source_col,
        url_col=url_col,
        language_col=language_col,
    )
    wide = tables.pop("_wide")
    timings: Dict[str, float] = {}
    try:
        quotes = tables["quotes"]
        if clusters:
            t = time.perf_counter()
            clusters_df, quotes = _cluster_frames(quotes, tables["articles"])
            _save(clusters_df, f"{path}/clusters", mode)
            timings["clusters"] = time.perf_counter() - t
        else:
            spark = df.sparkSession
            _save(spark.createDataFrame([], spark_schema("clusters")), f"{path}/clusters", mode)
        tables["quotes"] = quotes
        t = time.perf_counter()
        for name in EXTRACTED:
            _save(tables[name], f"{path}/{name}", mode)
        timings["write"] = time.perf_counter() - t
        counts = {name: tables[name].count() for name in EXTRACTED}
        counts["clusters"] = (
            df.sparkSession.read.parquet(f"{path}/clusters").count() if clusters else 0
        )
    finally:
        wide.unpersist()
    timings["total"] = time.perf_counter() - started
    manifest: Dict[str, Any] = {
        "tool": "sayso",
        "tool_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "config": {
            "engine": "spark",
            "clusters": clusters,
            "fields": {
                "text": text_col,
                "id": id_col,
                "title": title_col,
                "source": source_col,
                "url": url_col,
                "published": published_col,
                "language": language_col,
            },
            "written": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        },
        "inputs": [],
        "counts": counts,
        "timings": timings,
        "input_bytes": 0,
    }
    if local:
        (local_path / "_manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


__all__ = ["EXTRACTED", "arrow_schema", "clusters", "extract", "extract_all", "spark_schema", "write"]
