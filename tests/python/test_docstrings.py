"""The examples in the public docstrings run."""

from __future__ import annotations

import datetime
import doctest

import pyarrow
import pytest

import sayso

PUBLIC = ["extract", "extract_batch", "extract_arrow", "cluster_quotes", "convert", "schema", "read", "cli_main"]


def test_every_public_function_has_an_example():
    for name in PUBLIC:
        doc = getattr(sayso, name).__doc__ or ""
        assert ">>>" in doc, f"sayso.{name} has no example"


@pytest.mark.parametrize("name", PUBLIC + ["__init__"])
def test_docstring_examples(name):
    obj = sayso if name == "__init__" else getattr(sayso, name)
    globs = {"sayso": sayso, "pyarrow": pyarrow, "datetime": datetime}
    test = doctest.DocTestParser().get_doctest(obj.__doc__ or "", globs, f"sayso.{name}", None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0
