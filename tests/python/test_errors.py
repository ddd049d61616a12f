"""Exceptions: one class per kind, each naming what went wrong."""

from __future__ import annotations

import pytest

import sayso


def test_hierarchy():
    for cls in (sayso.InputError, sayso.OutputError, sayso.EvalError):
        assert issubclass(cls, sayso.SaysoError)
    assert issubclass(sayso.OutputExistsError, sayso.OutputError)
    assert issubclass(sayso.SaysoError, Exception)


@pytest.mark.parametrize(
    "articles, message",
    [
        ([{"title": "no body"}], "article 0: missing field 'text'"),
        (["fine", {"text": 5}], "article 1: field 'text' must be a string, not int"),
        (["fine", "fine", 42], "article 2: expected a str or a dict"),
        ([{"text": "x", "title": 3}], "article 0: field 'title' must be a string or None, not int"),
        ([{"text": "x", "published": "last week"}], "article 0: published \"last week\" is not an ISO 8601 date"),
        ("a single string", "articles must be an iterable"),
    ],
)
def test_extract_batch_bad_items(articles, message):
    with pytest.raises(sayso.InputError) as err:
        sayso.extract_batch(articles)
    assert message in str(err.value)


def test_extract_bad_arguments():
    with pytest.raises(sayso.InputError, match="text must be a string"):
        sayso.extract(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(sayso.InputError, match="not an ISO 8601 date"):
        sayso.extract("x", published="21/11/2017")
    with pytest.raises(sayso.InputError, match="not valid Unicode"):
        sayso.extract("bad \ud800 surrogate")
    with pytest.raises(TypeError):
        sayso.extract("x", "positional")  # type: ignore[misc]


def test_convert_missing_input(tmp_path):
    with pytest.raises(sayso.InputError):
        sayso.convert(tmp_path / "does-not-exist.jsonl", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_convert_existing_output_without_overwrite(tmp_path, corpus):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(sayso.OutputError) as err:
        sayso.convert(corpus, out)
    assert isinstance(err.value, sayso.OutputExistsError)
    assert "overwrite" in str(err.value)
    assert (out / "keep.txt").read_text() == "mine"


def test_convert_bad_format(tmp_path, corpus):
    with pytest.raises(ValueError, match="format must be one of"):
        sayso.convert(corpus, tmp_path / "out", format="xml")


def test_read_missing_backend_names_the_extra(tmp_path, corpus, monkeypatch):
    import sys

    out = tmp_path / "out"
    sayso.convert(corpus, out)
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(ImportError, match=r"pip install 'sayso\[duckdb\]'"):
        sayso.read(out, backend="duckdb")
    with pytest.raises(ValueError, match="backend must be one of"):
        sayso.read(out, backend="spark")


def test_convert_output_under_a_file_says_why(tmp_path, corpus):
    blocker = tmp_path / "notes"
    blocker.write_text("mine")
    with pytest.raises(sayso.OutputError) as err:
        sayso.convert(corpus, blocker / "out")
    message = str(err.value)
    assert "Not a directory (os error 20)" in message
    assert "choose another --out" in message
    assert blocker.read_text() == "mine"


def test_convert_damaged_inputs_are_rows_not_exceptions(tmp_path):
    """A damaged Parquet file and a cut gzip stream are errors rows; the run goes on."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cut.parquet").write_bytes(b"PAR1\x15\x04\x15" + bytes(40))
    (tmp_path / "in" / "cut.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff\x01")
    (tmp_path / "in" / "fine.jsonl").write_text('{"id": "f1", "text": "Fine."}\n')
    manifest = sayso.convert(tmp_path / "in", tmp_path / "out")
    assert manifest["counts"]["articles"] == 1
    assert manifest["counts"]["errors"] == 2
