"""Time expressions → first and last days (tests/data/timex_cases.toml), and on running text."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lhasa_news import extract_periods, parse_period

CASES = tomllib.loads((Path(__file__).parent / "data" / "timex_cases.toml").read_text(encoding="utf-8"))["case"]


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['text']}@{c['published']}")
def test_case(case: dict[str, Any]) -> None:
    p = parse_period(case["text"], case["published"] or None)
    assert (p.first_day, p.last_day) == (_day(case["first"]), _day(case["last"]))


def test_same_year_takes_the_year_mentioned_before() -> None:
    text = "2022年5月，综保区封关运行，同年11月试验区获批。"
    periods = extract_periods(text, "2024-01")
    assert [p.text for p in periods] == ["2022年5月", "同年11月"]
    assert (periods[1].first_day, periods[1].last_day) == (date(2022, 11, 1), date(2022, 11, 30))


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="0123456789年月日至—-今去明同上下半季度全底初截至目前以来近日十一二三“”五期间 ，。", max_size=40)
)
def test_never_raises_and_spans_are_exact(text: str) -> None:
    for p in extract_periods(text, "2024-01-20"):
        assert text[p.start : p.end] == p.text
        if p.first_day and p.last_day:
            assert p.first_day <= p.last_day
