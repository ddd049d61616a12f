"""convert → read: a corpus on disk round-trips into the same rows."""

from __future__ import annotations

import json

import polars as pl
import pyarrow as pa
import pytest

import sayso
from conftest import PLAIN_ARTICLES, write_jsonl


def test_convert_writes_every_table_and_a_manifest(tmp_path, corpus):
    out = tmp_path / "out"
    manifest = sayso.convert(str(corpus), out, jobs=2)
    assert manifest["tool_version"] == sayso.__version__
    assert manifest["schema_version"] == sayso.SCHEMA_VERSION
    assert manifest["counts"]["articles"] == 3
    assert manifest["counts"]["errors"] == 1
    assert json.loads((out / "_manifest.json").read_text()) == manifest


def test_read_polars_round_trip(tmp_path, corpus):
    out = tmp_path / "out"
    sayso.convert([corpus], out)
    tables = sayso.read(out)
    assert set(tables) == set(sayso.TABLES)
    assert all(isinstance(t, pl.LazyFrame) for t in tables.values())

    articles = tables["articles"].collect()
    assert articles["article_id"].to_list() == ["p1", "p2", "p3"]
    assert articles["text"].to_list() == [a["text"] for a in PLAIN_ARTICLES]

    errors = tables["errors"].collect()
    assert errors.height == 1
    assert errors["input"][0].endswith("corpus.jsonl:4")

    # The files hold exactly what the in-memory extraction gives.
    expected = pa.table(sayso.extract_batch(PLAIN_ARTICLES).quotes)
    got = tables["quotes"].collect().to_arrow()
    assert got.column("quote_id").to_pylist() == expected.column("quote_id").to_pylist()
    assert got.column("speaker").to_pylist() == ["Tomas Berg", "Lena Fischer"]


def test_read_pyarrow_keeps_the_schema(tmp_path, corpus):
    out = tmp_path / "out"
    sayso.convert(corpus, out)
    tables = sayso.read(out, backend="pyarrow")
    for name, table in tables.items():
        assert isinstance(table, pa.Table)
        assert table.schema.names == pa.schema(sayso.SCHEMA[name]).names


def test_read_duckdb(tmp_path, corpus):
    pytest.importorskip("duckdb", reason="duckdb not installed (pip install 'sayso[duckdb]')")
    out = tmp_path / "out"
    sayso.convert(corpus, out)
    rel = sayso.read(out, backend="duckdb")["articles"]
    assert sorted(r[0] for r in rel.select("article_id").fetchall()) == ["p1", "p2", "p3"]


def test_overwrite_replaces_and_field_names_map(tmp_path):
    renamed = [{"uuid": a["id"], "body": a["text"]} for a in PLAIN_ARTICLES]
    src = write_jsonl(tmp_path / "renamed.jsonl", renamed)
    out = tmp_path / "out"
    out.mkdir()
    manifest = sayso.convert(src, out, overwrite=True, text_field="body", id_field="uuid")
    assert manifest["counts"]["articles"] == 3
    ids = sayso.read(out)["articles"].select("article_id").collect()["article_id"].to_list()
    assert ids == ["p1", "p2", "p3"]


def test_strict_fails_on_error_rows(tmp_path, corpus):
    with pytest.raises(sayso.SaysoError):
        sayso.convert(corpus, tmp_path / "out", strict=True)


def test_read_partitioned_tables(tmp_path, corpus):
    # Large runs write TABLE/part-*.parquet instead of TABLE.parquet.
    out = tmp_path / "out"
    sayso.convert(corpus, out)
    single = out / "quotes.parquet"
    parts = out / "quotes"
    parts.mkdir()
    (parts / "part-00000.parquet").write_bytes(single.read_bytes())
    (parts / "part-00001.parquet").write_bytes(single.read_bytes())
    single.unlink()
    for backend in ("polars", "pyarrow"):
        table = sayso.read(out, backend=backend)["quotes"]
        n = table.collect().height if backend == "polars" else table.num_rows
        assert n == 4, backend


def test_read_missing_directory(tmp_path):
    with pytest.raises(FileNotFoundError):
        sayso.read(tmp_path / "nothing-here")
