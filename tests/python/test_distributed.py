"""The Dask example of docs/distributed.md runs and gives the rows of ``convert``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import sayso

from conftest import PLAIN_ARTICLES

DOC = Path(__file__).resolve().parents[2] / "docs" / "distributed.md"


def _example(marker: str) -> str:
    """The first ```python block after ``<!-- tested: MARKER -->``."""
    text = DOC.read_text(encoding="utf-8")
    found = re.search(rf"<!-- tested: {marker} -->\s*```python\n(.*?)```", text, re.S)
    assert found, f"no tested {marker} example in {DOC}"
    return found.group(1)


def test_dask_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    pytest.importorskip("dask.dataframe", reason="dask not installed (pip install 'sayso[dask]')")
    pa = pytest.importorskip("pyarrow")
    if not DOC.is_file():
        pytest.skip(f"{DOC} not found (tests run outside the repository)")
    rows = [{"id": a["id"], "text": a["text"]} for a in PLAIN_ARTICLES]
    with open(tmp_path / "articles.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(compile(_example("dask"), "distributed.md[dask]", "exec"), namespace)
    got = sorted(namespace["quotes"][["quote_id", "speaker", "text"]].itertuples(index=False, name=None))
    expected = pa.table(sayso.extract_batch(rows).quotes).select(["quote_id", "speaker", "text"]).to_pylist()
    assert got == sorted(tuple(r.values()) for r in expected)
    assert [q for q, _, _ in got] == ["p1:q:1", "p2:q:24"]
