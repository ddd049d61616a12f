"""Arrow batches in, tables out: the entry point of distributed runs."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import sayso

from conftest import PLAIN_ARTICLES, write_jsonl

pa = pytest.importorskip("pyarrow")


def _batch(rows, schema=None):
    return pa.RecordBatch.from_pylist(rows, schema=schema)


def test_same_rows_as_extract_batch():
    rows = [{k: a.get(k) for k in ("id", "text", "title", "source", "published")} for a in PLAIN_ARTICLES]
    got = sayso.extract_arrow(_batch(rows))
    expected = sayso.extract_batch(PLAIN_ARTICLES)
    for name in sayso.TABLES:
        assert pa.table(got.table(name)).equals(pa.table(expected.table(name))), name


def test_column_types_as_parquet_input():
    schema = pa.schema(
        [
            ("id", pa.int64()),
            ("text", pa.large_string()),
            ("source", pa.dictionary(pa.int8(), pa.string())),
            ("published", pa.timestamp("us", tz="UTC")),
        ]
    )
    b = _batch(
        [
            {
                "id": 7,
                "text": "“The tide is late,” Rosa Vent said.",
                "source": "Bay Post",
                "published": datetime.datetime(2022, 9, 1, 23, 30, tzinfo=datetime.timezone.utc),
            }
        ],
        schema,
    )
    x = sayso.extract_arrow(b)
    art = pa.table(x.articles).to_pylist()[0]
    assert (art["article_id"], art["source"], art["published"]) == ("7", "Bay Post", datetime.date(2022, 9, 1))
    assert pa.table(x.quotes).column("quote_id").to_pylist() == ["7:q:1"]


def test_bad_rows_are_errors_rows_with_their_location():
    b = _batch(
        [
            {"id": "b1", "text": None, "published": None},
            {"id": "b2", "text": "Quiet day.", "published": "yesterday-ish"},
        ],
        pa.schema([("id", pa.string()), ("text", pa.string()), ("published", pa.string())]),
    )
    x = sayso.extract_arrow(b, label="part-3", first_row=10)
    errors = pa.table(x.errors).to_pylist()
    assert [(e["input"], e["article_id"]) for e in errors] == [("part-3:11", None), ("part-3:12", "b2")]
    assert pa.table(x.articles).column("article_id").to_pylist() == ["b2"]


def test_without_a_text_column_every_row_is_an_error():
    x = sayso.extract_arrow(_batch([{"id": "c1", "body": "text elsewhere"}]))
    assert x.counts()["articles"] == 0
    assert "missing field \"text\"" in pa.table(x.errors).column("error")[0].as_py()


def test_not_a_batch_is_an_input_error():
    with pytest.raises(sayso.InputError, match="Arrow record batch or table"):
        sayso.extract_arrow(["not", "a", "batch"])


def test_a_table_of_several_batches_numbers_rows_across_them():
    schema = pa.schema([("id", pa.string()), ("text", pa.string())])
    first = _batch([{"id": "t1", "text": "“Ready,” Ada Roe said."}], schema)
    second = _batch([{"id": "t2", "text": None}], schema)
    x = sayso.extract_arrow(pa.Table.from_batches([first, second]), label="t", first_row=5)
    assert pa.table(x.quotes).column("quote_id").to_pylist() == ["t1:q:1"]
    assert pa.table(x.errors).column("input").to_pylist() == ["t:7"]


def test_cluster_quotes_equals_the_clusters_of_convert(tmp_path: Path):
    shared = "“The northern pier will close for repairs until the end of August,” Rosa Vent said."
    rows = [
        {"id": "d1", "source": "Bay Post", "text": shared},
        {"id": "d2", "source": "Hill Times", "text": "Rosa Vent spoke at noon.\n" + shared},
        {"id": "d3", "source": "Hill Times", "text": "“Nothing else changes,” Omar Lind said."},
    ]
    out = tmp_path / "out"
    sayso.convert(write_jsonl(tmp_path / "in.jsonl", rows), out)
    tables = sayso.read(out, backend="pyarrow")
    quotes = tables["quotes"].combine_chunks().to_batches()[0]
    articles = tables["articles"].combine_chunks().to_batches()[0]
    clusters, ids = sayso.cluster_quotes(quotes, articles)
    assert pa.table(clusters).to_pylist() == tables["clusters"].to_pylist()
    assert pa.table(ids).to_pylist() == tables["quotes"].select(["quote_id", "cluster_id"]).to_pylist()
    assert sorted(pa.table(clusters).column("n_sources").to_pylist()) == [1, 2]
