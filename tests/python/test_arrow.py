"""The Arrow hand-off: schemas, zero-copy import, data frame helpers."""

from __future__ import annotations

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import sayso
from conftest import PLAIN_ARTICLES

TEXT = PLAIN_ARTICLES[0]["text"]


def test_tables_and_schema_cover_the_contract():
    assert sayso.TABLES == ("articles", "quotes", "claims", "speakers", "dates", "clusters", "errors")
    assert list(sayso.SCHEMA) == list(sayso.TABLES)
    assert sayso.SCHEMA_VERSION == 1
    assert sayso.schema("no-such-table") is None


@pytest.mark.parametrize("name", ["articles", "quotes", "claims", "speakers", "dates", "clusters", "errors"])
def test_schema_exports_to_pyarrow(name):
    schema = pa.schema(sayso.SCHEMA[name])
    assert isinstance(schema, pa.Schema)
    assert schema == pa.schema(sayso.schema(name))


def test_contract_types():
    quotes = pa.schema(sayso.SCHEMA["quotes"])
    assert quotes.field("start").type == pa.int32()
    assert quotes.field("date").type == pa.date32()
    assert quotes.field("confidence").type == pa.float32()
    assert pa.schema(sayso.SCHEMA["articles"]).field("text").type == pa.large_string()
    assert pa.schema(sayso.SCHEMA["speakers"]).field("aliases").type.value_type == pa.string()


@pytest.mark.parametrize("name", ["articles", "quotes", "claims", "speakers", "dates", "clusters", "errors"])
def test_pyarrow_import_matches_schema(name):
    x = sayso.extract(TEXT, published="2023-03-14")
    table = pa.table(x.table(name))
    assert table.schema == pa.schema(sayso.SCHEMA[name])
    assert table.num_rows == x.counts()[name]


def test_pyarrow_import_shares_buffers():
    x = sayso.extract(TEXT)
    # Two imports of the same table see the same memory: nothing was copied.
    a = pa.table(x.articles).column("text").chunk(0).buffers()
    b = pa.table(x.articles).column("text").chunk(0).buffers()
    assert [buf.address for buf in a if buf is not None] == [buf.address for buf in b if buf is not None]
    s1 = pa.table(x.quotes).column("start").chunk(0).buffers()[1]
    s2 = pa.table(x.quotes).column("start").chunk(0).buffers()[1]
    assert s1.address == s2.address


def test_polars_dataframe_imports_capsule():
    x = sayso.extract(TEXT)
    df = pl.DataFrame(x.quotes)
    assert df.columns == pa.schema(sayso.SCHEMA["quotes"]).names
    assert df.height == 1
    assert df["speaker"].to_list() == ["Tomas Berg"]
    assert df.schema["start"] == pl.Int32
    assert df.schema["date"] == pl.Date


def test_to_polars_and_to_pandas():
    x = sayso.extract(TEXT, id="p1")
    frames = x.to_polars()
    assert list(frames) == list(sayso.TABLES)
    assert all(isinstance(f, pl.DataFrame) for f in frames.values())
    assert frames["articles"]["article_id"].to_list() == ["p1"]

    pdf = x.to_pandas()
    assert list(pdf) == list(sayso.TABLES)
    assert isinstance(pdf["quotes"], pd.DataFrame)
    assert isinstance(pdf["quotes"]["text"].dtype, pd.ArrowDtype)
    assert pdf["quotes"]["speaker"].tolist() == ["Tomas Berg"]
