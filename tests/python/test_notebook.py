"""The notebooks run top to bottom, as Jupyter runs them (from notebooks/),
and are stored without outputs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"


def _shared() -> Path | None:
    """The folder of corpora: $SAYSO_SHARED, else ../shared beside the repository."""
    env = os.environ.get("SAYSO_SHARED")
    for c in ([Path(env)] if env else []) + [ROOT.parent / "shared"]:
        if c.is_dir():
            return c
    return None


def _run(name: str, monkeypatch: pytest.MonkeyPatch) -> dict:
    path = NOTEBOOKS / name
    if not path.is_file():
        pytest.skip(f"{path} not found (tests run outside the repository)")
    pytest.importorskip("matplotlib", reason="matplotlib not installed (pip install 'sayso[notebook]')")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.chdir(NOTEBOOKS)
    nb = json.loads(path.read_text(encoding="utf-8"))
    namespace: dict = {}
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        assert cell["outputs"] == [] and cell["execution_count"] is None, f"{name}: cell {i} has stored output"
        exec(compile("".join(cell["source"]), f"{name}[{i}]", "exec"), namespace)
    import matplotlib.pyplot as plt

    plt.close("all")
    return namespace


def test_quickstart_runs(monkeypatch: pytest.MonkeyPatch):
    ns = _run("quickstart.ipynb", monkeypatch)
    assert ns["manifest"]["counts"]["articles"] == 2
    assert ns["corpus_manifest"]["counts"]["articles"] == 22
    assert ns["top_speakers"].height > 0 and ns["per_day"].height > 0 and ns["by_outlet"].height > 0
    # the two articles written in the notebook report one statement: one cluster over two outlets
    sizes = dict(ns["cluster_sizes"].iter_rows())
    assert sizes.get(2) == 1
    assert len(ns["fig"].axes[0].patches) == min(8, ns["top_speakers"].height)


def test_evaluation_runs(monkeypatch: pytest.MonkeyPatch):
    shared = _shared()
    if shared is None or not (shared / "polnear" / "dev").is_dir():
        pytest.skip("PolNeAR dev split not found (set SAYSO_SHARED or put shared/ beside the repository)")
    monkeypatch.setenv("SAYSO_SHARED", str(shared.resolve()))
    ns = _run("evaluation.ipynb", monkeypatch)
    report = ns["report"]
    assert report["articles"] == len(list((shared / "polnear" / "dev" / "text").glob("*.txt")))
    assert list(ns["scores"].index) == ["quote", "content", "end_to_end"]
    assert ns["confusion"].loc["total", "gold"] == report["gold"]["total"]
    # every predicted row has one rule, and every matched row too
    assert ns["by_method"]["predictions"].sum() == report["predictions"]["total"]
    assert ns["by_method"]["matched"].sum() == report["content"]["tp"]
