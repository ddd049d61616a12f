"""extract / extract_batch: offsets, the simplest attribution, metadata."""

from __future__ import annotations

import datetime

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sayso
from conftest import PLAIN_ARTICLES, UNICODE_ARTICLES


def rows(table) -> list:
    return pa.table(table).to_pylist()


@pytest.mark.parametrize("case", UNICODE_ARTICLES, ids=lambda c: c["id"])
def test_quote_offsets_are_code_points(case):
    x = sayso.extract(case["text"], id=case["id"])
    text = case["text"]
    quotes = rows(x.quotes)
    assert [(q["text"], q["speaker"]) for q in quotes] == [(case["quote"], case["speaker"])]
    q = quotes[0]
    assert text[q["start"]:q["end"]] == q["text"]
    assert q["quote_id"] == f'{case["id"]}:q:{q["start"]}'
    assert q["article_id"] == case["id"]
    assert q["kind"] == "direct"
    assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker_mention"]
    assert text[q["cue_start"]:q["cue_end"]] == q["cue"] == "said"


@pytest.mark.parametrize("case", UNICODE_ARTICLES, ids=lambda c: c["id"])
def test_every_span_slices_its_text(case):
    x = sayso.extract(case["text"], published="2021-06-01")
    text = case["text"]
    for table in (x.quotes, x.claims):
        for r in rows(table):
            assert 0 <= r["start"] <= r["end"] <= len(text)
            if r["speaker_mention"] is not None:
                assert text[r["speaker_start"]:r["speaker_end"]] == r["speaker_mention"]
            if r["cue"] is not None:
                assert text[r["cue_start"]:r["cue_end"]] == r["cue"]
    for d in rows(x.dates):
        assert text[d["start"]:d["end"]] == d["text"]


def test_article_row_keeps_metadata_and_text():
    a = PLAIN_ARTICLES[0]
    x = sayso.extract(a["text"], id=a["id"], title=a["title"], source=a["source"],
                      url="https://example.org/harbour", published=datetime.date(2023, 3, 14))
    [row] = rows(x.articles)
    assert row["article_id"] == "p1"
    assert row["title"] == "Harbour vote"
    assert row["source"] == "Example Gazette"
    assert row["url"] == "https://example.org/harbour"
    assert row["published"] == datetime.date(2023, 3, 14)
    assert row["published_inferred"] is False
    assert row["language"] == "en"
    assert row["text"] == a["text"]
    assert row["n_quotes"] == 1


def test_published_as_string_date_or_datetime_agree():
    text = PLAIN_ARTICLES[1]["text"]
    given_as = ["2023-03-15", datetime.date(2023, 3, 15), datetime.datetime(2023, 3, 15, 9, 30)]
    dates = [rows(sayso.extract(text, published=p).articles)[0]["published"] for p in given_as]
    assert dates == [datetime.date(2023, 3, 15)] * 3


def test_quote_date_falls_back_to_publication():
    x = sayso.extract(PLAIN_ARTICLES[1]["text"], published="2023-03-15")
    [q] = rows(x.quotes)
    assert (q["date"], q["date_source"]) == (datetime.date(2023, 3, 15), "published")


def test_article_id_is_a_stable_hash_without_id():
    a = rows(sayso.extract("abc").articles)[0]["article_id"]
    b = rows(sayso.extract("abc").articles)[0]["article_id"]
    assert a == b == "he71fa2190541574b"


def test_batch_keeps_order_and_matches_single_extraction():
    batch = sayso.extract_batch(PLAIN_ARTICLES, jobs=2)
    assert [r["article_id"] for r in rows(batch.articles)] == ["p1", "p2", "p3"]
    singles = [
        q["quote_id"]
        for a in PLAIN_ARTICLES
        for q in rows(sayso.extract(a["text"], id=a["id"], published=a.get("published")).quotes)
    ]
    assert [q["quote_id"] for q in rows(batch.quotes)] == singles


def test_batch_accepts_plain_strings_and_generators():
    x = sayso.extract_batch(a["text"] for a in PLAIN_ARTICLES)
    assert len(rows(x.articles)) == 3
    assert rows(sayso.extract_batch([]).articles) == []


def test_repr_and_counts():
    x = sayso.extract(PLAIN_ARTICLES[0]["text"])
    assert repr(x).startswith("Extraction(articles=1, quotes=1, ")
    counts = x.counts()
    assert list(counts) == list(sayso.TABLES)
    assert counts["articles"] == 1 and counts["quotes"] == 1 and counts["errors"] == 0


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_arbitrary_unicode_never_raises_and_spans_stay_in_bounds(text):
    x = sayso.extract(text)
    n = len(text)
    for table in (x.quotes, x.claims, x.dates):
        for r in rows(table):
            assert 0 <= r["start"] <= r["end"] <= n
