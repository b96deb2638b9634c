"""The data-driven table of numerals and quantities (tests/data/quantity_cases.toml)."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from lhasa_news import extract_quantities, parse_quantity
from lhasa_news.models import Quantity

CASES = tomllib.loads((Path(__file__).parent / "data" / "quantity_cases.toml").read_text(encoding="utf-8"))
TOL = Decimal("0.01")


def _check(q: Quantity, want: dict[str, Any]) -> None:
    assert q.unit == want["unit"], f"unit of {q.text!r}"
    if "value" in want:
        assert q.value is not None, f"{q.text!r} has no value (low={q.low}, high={q.high})"
        assert abs(q.value - Decimal(want["value"])) <= TOL, f"value of {q.text!r}"
    else:
        assert q.low is not None and q.high is not None, f"{q.text!r} is not a range"
        assert abs(q.low - Decimal(want["low"])) <= TOL and abs(q.high - Decimal(want["high"])) <= TOL
    assert q.approx == want.get("approx", "exact"), f"approx of {q.text!r}"
    if "item" in want:
        assert q.item == want["item"], f"item of {q.text!r}"


def test_table_is_big_enough() -> None:
    assert sum(len(v) for v in CASES.values()) >= 150


@pytest.mark.parametrize("case", CASES["parse"], ids=lambda c: c["text"])
def test_parse_quantity(case: dict[str, Any]) -> None:
    _check(parse_quantity(case["text"]), case)


@pytest.mark.parametrize("case", CASES["extract"], ids=lambda c: c["text"][:20])
def test_extract_quantities(case: dict[str, Any]) -> None:
    found = extract_quantities(case["text"])
    assert [q.text for q in found] == [w["text"] for w in case["found"]]
    for q, want in zip(found, case["found"], strict=True):
        _check(q, want)
        assert case["text"][q.start : q.end] == q.text


@pytest.mark.parametrize("case", CASES["negative"], ids=lambda c: c["text"][:20])
def test_negatives(case: dict[str, Any]) -> None:
    found = extract_quantities(case["text"])
    if not case["not_found"]:
        assert found == [], [q.text for q in found]
    for bad in case["not_found"]:
        at = case["text"].index(bad)
        overlapping = [q.text for q in found if q.start < at + len(bad) and q.end > at]
        assert not overlapping, f"{bad!r} reported inside {overlapping}"
