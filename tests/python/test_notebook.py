"""The quickstart notebook runs top to bottom and is stored without outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "quickstart.ipynb"


def test_quickstart_runs():
    if not NOTEBOOK.is_file():
        pytest.skip(f"{NOTEBOOK} not found (tests run outside the repository)")
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    namespace: dict = {}
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        assert cell["outputs"] == [] and cell["execution_count"] is None, f"cell {i} has stored output"
        exec(compile("".join(cell["source"]), f"quickstart.ipynb[{i}]", "exec"), namespace)
    assert namespace["manifest"]["counts"]["articles"] == 2
