#!/usr/bin/env bash
# Every test of the project, from a fresh checkout with only Rust and Python:
#   1. the Rust core: cargo test (unit, integration and doc tests);
#   2. the Python package: one wheel is built, installed, and run under pytest.
# Set PYTHON to choose the interpreter (default: python3).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}

echo "==> test dependencies"
"$PY" -m pip install --quiet --disable-pip-version-check \
    "maturin>=1.5,<2" "pytest>=7" "hypothesis>=6" "polars>=1.0" "pyarrow>=14" "pandas>=2.0" "duckdb>=1.0"

echo "==> cargo test"
cargo test

echo "==> wheel"
# One wheel, built once and installed from, so the tests exercise exactly
# what `pip install` would put on a user's machine.
rm -f target/wheels/sayso-*.whl
"$PY" -m maturin build --release --out target/wheels
wheel=$(ls target/wheels/sayso-*.whl)
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"

echo "==> pytest"
status=0
"$PY" -m pytest tests/python || status=$?
# 5 means "no tests collected", which is not a failure of the code.
if [ "$status" -ne 0 ] && [ "$status" -ne 5 ]; then
    exit "$status"
fi
echo "==> all tests passed"
