"""The installed `sayso` command is the Rust command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import sayso


def test_console_script_version():
    # The scripts directory of this interpreter first: that is where pip put
    # the console script of the package under test.
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    exe = shutil.which("sayso", path=search)
    assert exe is not None, "the `sayso` console script is not on PATH: install the package (pip install .)"
    done = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sayso.__version__ in done.stdout


def test_python_dash_m():
    done = subprocess.run([sys.executable, "-m", "sayso", "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"sayso {sayso.__version__}"


def test_unknown_option_fails():
    done = subprocess.run([sys.executable, "-m", "sayso", "--no-such-option"], capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert done.stderr
