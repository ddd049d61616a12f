"""The typed stubs describe the compiled module as it is."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_stubs_match_the_compiled_module():
    pytest.importorskip("mypy", reason="mypy not installed (pip install 'sayso[test]')")
    done = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "sayso._sayso"],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
