"""Block classification and grouping on short pages written for the test (tests/data/segment_cases.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import lhasa_news as ln
from lhasa_news.evaluate import first_words

PAGES = tomllib.loads((Path(__file__).parent / "data" / "segment_cases.toml").read_text(encoding="utf-8"))["page"]
FIELDS = ("headline", "kicker", "subtitle", "section", "reporters", "photographers", "editors", "dateline")


def _norm(value: Any) -> Any:
    return None if value in ("", [], None) else value


def test_table_is_big_enough() -> None:
    assert len(PAGES) >= 25


@pytest.mark.parametrize("case", PAGES, ids=lambda c: c["name"])
def test_page(case: dict[str, Any]) -> None:
    page = ln.parse_page(case["text"])
    want = case.get("articles", [])
    got = [
        {
            **{f: _norm(getattr(a, f)) for f in FIELDS},
            "first_words": _norm(first_words(a)),
            "intertitles": [s.text for s in a.intertitles],
        }
        for a in page.articles
    ]
    expected = [
        {
            **{f: _norm(w.get(f)) for f in FIELDS},
            "first_words": _norm(w.get("first_words")),
            "intertitles": w.get("intertitles", []),
        }
        for w in want
    ]
    assert got == expected
    if case.get("published"):
        assert page.published == case["published"]
