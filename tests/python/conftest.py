"""Shared fixtures of the Python tests. Every sentence here is written for
these tests; none comes from a corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Mapping

import pytest

#: Articles whose text mixes accents, Cyrillic, CJK and emoji (outside the
#: Basic Multilingual Plane: one code point, two UTF-16 units, four bytes),
#: so any byte/code point confusion in offsets shows up as a wrong slice.
UNICODE_ARTICLES = [
    {
        "id": "u-accents",
        "text": "Café owners met in Zürich on Tuesday.\n“Ça va très bien 😀,” José Núñez said.",
        "speaker": "José Núñez",
        "quote": "Ça va très bien 😀,",
    },
    {
        "id": "u-cyrillic",
        "text": "🎉🎉 The square was full.\n“Мы победим, друзья,” Olga Ivanova said.",
        "speaker": "Olga Ivanova",
        "quote": "Мы победим, друзья,",
    },
    {
        "id": "u-mixed",
        "text": "東京 — 🚆 Trains ran late.\n“Read the 📜 rules, all of them,” Priya Shah said.",
        "speaker": "Priya Shah",
        "quote": "Read the 📜 rules, all of them,",
    },
]

#: Plain articles for batch and conversion tests.
PLAIN_ARTICLES = [
    {
        "id": "p1",
        "title": "Harbour vote",
        "source": "Example Gazette",
        "published": "2023-03-14",
        "text": "“The harbour will reopen in May,” Tomas Berg said on Monday.",
    },
    {
        "id": "p2",
        "published": "2023-03-15",
        "text": "The council met again.\n“We need more time,” Lena Fischer said.",
    },
    {"id": "p3", "text": "Nobody spoke to reporters after the meeting."},
]


def write_jsonl(path: Path, rows: Iterable[Mapping], extra_lines: Iterable[str] = ()) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
        for line in extra_lines:
            f.write(line + "\n")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A JSON Lines corpus of the plain articles plus one broken line."""
    return write_jsonl(tmp_path / "corpus.jsonl", PLAIN_ARTICLES, extra_lines=["{not json"])
