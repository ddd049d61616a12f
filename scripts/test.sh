#!/usr/bin/env bash
# Every test of the project, from a fresh checkout with only Rust and Python:
#   1. the Rust core: cargo test (unit, integration and doc tests);
#   2. the Python package: one wheel is built, installed, and run under pytest.
# Both suites run even when the first fails, so one run shows every failure;
# the exit status is non-zero when either failed.
# Set PYTHON to choose the interpreter (default: python3).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
failed=()

step() { echo "==> $1 (${SECONDS}s)"; }

step "build tools"
"$PY" -m pip install --quiet --disable-pip-version-check "maturin>=1.5,<2"

step "cargo test"
# A one-off full run gains nothing from incremental caches but their disk.
export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}
cargo test || failed+=("cargo test")

step "wheel"
# One wheel, built once and installed from, so the tests exercise exactly
# what `pip install` puts on a user's machine.
rm -f target/wheels/sayso-*.whl
"$PY" -m maturin build --release --out target/wheels
wheel=$(ls target/wheels/sayso-*.whl)

step "test dependencies"
# The wheel's own `test` extra (pyproject.toml) lists what the tests need:
# pytest, the data frame libraries, pyspark (about 300 MB the first time),
# dask and matplotlib for the notebooks.
"$PY" -m pip install --quiet --disable-pip-version-check "${wheel}[test]"
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"

step "pytest"
status=0
"$PY" -m pytest tests/python || status=$?
# 5 means "no tests collected", which is not a failure of the code.
if [ "$status" -ne 0 ] && [ "$status" -ne 5 ]; then
    failed+=("pytest (exit $status)")
fi

step "done"
if [ ${#failed[@]} -ne 0 ]; then
    echo "FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "all tests passed"
