"""Spark: the same rows as ``sayso convert`` for the same articles.

One local Spark session (local[2]) serves every test of this module: it
takes about ten seconds to start. All its traffic stays on the loopback
interface and it serves no web UI.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest

import sayso
import sayso.spark

pyspark = pytest.importorskip("pyspark", reason="pyspark not installed (pip install 'sayso[spark]')")
pa = pytest.importorskip("pyarrow")

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample.jsonl"


@pytest.fixture(scope="session")
def spark():
    from pyspark.sql import SparkSession

    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java 17 or later (no java on PATH and no JAVA_HOME)")
    # Executors must run this interpreter (with this build of sayso), and
    # nothing may listen on or talk to an outward interface.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    session = (
        SparkSession.builder.master("local[2]")
        .appName("sayso-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _rows(table: Any) -> List[tuple]:
    """Rows as sorted tuples of plain Python values (column order kept)."""
    t = pa.table(table)
    names = t.column_names
    rows = t.to_pylist()
    return sorted((tuple(_plain(r[n]) for n in names) for r in rows), key=repr)


def _plain(v: Any) -> Any:
    if isinstance(v, list):
        return tuple(_plain(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((k, _plain(x)) for k, x in v.items()))
    if isinstance(v, float):
        return round(v, 6)
    return v


def _sample_df(spark):
    from pyspark.sql import functions as F

    # Spark reads the file as several partitions, so rows cross task borders.
    df = spark.read.json(str(SAMPLE)).repartition(3)
    return df.withColumn("published", F.to_date("published"))


def test_schema_follows_the_arrow_schema():
    from pyspark.sql.types import DateType, IntegerType, StringType

    s = sayso.spark.spark_schema("quotes")
    assert [f.name for f in s.fields] == pa.schema(sayso.SCHEMA["quotes"]).names
    assert isinstance(s["kind"].dataType, StringType)  # dictionary → plain string
    assert isinstance(s["date"].dataType, DateType)
    assert isinstance(s["start"].dataType, IntegerType)
    assert not s["quote_id"].nullable and s["speaker"].nullable


def test_unknown_table_is_refused(spark):
    df = spark.createDataFrame([("x", "“Yes,” Ann Lee said.")], "id string, text string")
    with pytest.raises(ValueError, match="table must be one of"):
        sayso.spark.extract(df, table="nope")
    with pytest.raises(ValueError, match="no column 'body'"):
        sayso.spark.extract(df, text_col="body")


def test_extract_one_table(spark):
    df = spark.createDataFrame(
        [
            ("n1", "“The ferry leaves at noon,” Ilse Marek said on Friday.", datetime.date(2023, 6, 2)),
            ("n2", "No one was quoted here.", None),
        ],
        "id string, body string, day date",
    )
    quotes = sayso.spark.extract(df, table="quotes", text_col="body", published_col="day")
    rows = [r.asDict() for r in quotes.collect()]
    assert len(rows) == 1
    q = rows[0]
    assert (q["quote_id"], q["text"], q["speaker"], q["kind"], q["cluster_id"]) == (
        "n1:q:1",
        "The ferry leaves at noon,",
        "Ilse Marek",
        "direct",
        None,
    )
    assert q["date"] == datetime.date(2023, 6, 2)
    articles = sayso.spark.extract(df, table="articles", text_col="body", published_col="day")
    assert sorted(r.article_id for r in articles.collect()) == ["n1", "n2"]


def test_bad_rows_become_errors_rows(spark):
    df = spark.createDataFrame(
        [("e1", None, "2023-01-01"), ("e2", "“Fine,” Ada Roe said.", "not a date")],
        "id string, text string, published string",
    ).coalesce(1)
    errors = sayso.spark.extract(df, table="errors", published_col="published").orderBy("input").collect()
    assert [(e.input, e.article_id) for e in errors] == [("partition-0:1", None), ("partition-0:2", "e2")]
    assert "text" in errors[0].error and "ISO 8601" in errors[1].error


def test_write_gives_the_rows_of_convert(spark, tmp_path: Path):
    if not SAMPLE.is_file():
        pytest.skip(f"{SAMPLE} not found (tests run outside the repository)")
    reference = tmp_path / "convert"
    sayso.convert(SAMPLE, reference)
    out = tmp_path / "spark"
    manifest = sayso.spark.write(
        _sample_df(spark), out, published_col="published", title_col="title", source_col="source", url_col="url"
    )
    expected = sayso.read(reference, backend="pyarrow")
    got = sayso.read(out, backend="pyarrow")
    assert set(got) == set(sayso.TABLES)
    for name in sayso.TABLES:
        assert pa.table(got[name]).column_names == pa.table(expected[name]).column_names, name
        assert _rows(got[name]) == _rows(expected[name]), name
    reference_counts = json.loads((reference / "_manifest.json").read_text())["counts"]
    assert manifest["counts"] == reference_counts
    assert json.loads((out / "_manifest.json").read_text())["counts"] == reference_counts
    assert manifest["counts"]["quotes"] > 20 and manifest["counts"]["clusters"] > 0
    # the command line reads what Spark wrote (zstd, as convert writes)
    assert sayso.cli_main(["sayso", "show", "--quiet", str(out)]) == 0
    with pytest.raises(sayso.OutputExistsError):
        sayso.spark.write(_sample_df(spark), out)


def test_clusters_step_matches_convert(spark, tmp_path: Path):
    if not SAMPLE.is_file():
        pytest.skip(f"{SAMPLE} not found (tests run outside the repository)")
    reference = tmp_path / "convert"
    sayso.convert(SAMPLE, reference)
    df = _sample_df(spark)
    cols: Dict[str, Any] = dict(published_col="published", title_col="title", source_col="source")
    quotes = sayso.spark.extract(df, table="quotes", **cols)
    articles = sayso.spark.extract(df, table="articles", **cols)
    clusters = sayso.spark.clusters(quotes, articles)
    expected = sayso.read(reference, backend="pyarrow")["clusters"]
    assert _rows(clusters.toArrow()) == _rows(expected)
