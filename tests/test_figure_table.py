"""Sentences → figures with metric, subject, period and status (tests/data/figure_cases.toml).

Every case must yield its quantities in order. Period and status are compared exactly, metric by
character-overlap F1 ≥ 0.5 (the gold contract's measure); the table as a whole must agree on at
least the shares the figures issue asks of the corpus. Subjects are reported, and held to a floor
that the entities work is to raise.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import lhasa_news as ln
from lhasa_news.evaluate import char_f1

CASES = tomllib.loads((Path(__file__).parent / "data" / "figure_cases.toml").read_text(encoding="utf-8"))["case"]


def _figures(case: dict[str, Any]) -> list[ln.Figure]:
    return ln.parse_page(case["text"], published=case.get("published") or None).figures


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:16])
def test_quantities_found_in_order(case: dict[str, Any]) -> None:
    assert [f.quantity.text for f in _figures(case)] == [w["quantity"] for w in case["figures"]]


def test_fields_agree_on_the_table() -> None:
    agree = {"metric": 0, "period": 0, "status": 0, "subject": 0}
    total = 0
    wrong: list[str] = []
    for case in CASES:
        for f, want in zip(_figures(case), case["figures"], strict=True):
            total += 1
            got = {
                "metric": char_f1(f.metric, want["metric"] or None) >= 0.5,
                "period": (f.period.text if f.period else "") == want["period"],
                "status": f.status == want["status"],
                "subject": (f.subject or "") == want["subject"],
            }
            for k, ok in got.items():
                agree[k] += ok
                if not ok and k != "subject":
                    wrong.append(f"{want['quantity']} {k}: {getattr(f, k)!r} != {want[k]!r}")
    report = "\n".join(wrong)
    assert agree["metric"] / total >= 0.85, report
    assert agree["period"] / total >= 0.9, report
    assert agree["status"] / total >= 0.95, report
    assert agree["subject"] / total >= 0.7, report
