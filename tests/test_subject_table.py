"""Whose each figure is (tests/data/subject_cases.toml): subjects compared exactly, case by case."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import lhasa_news as ln

CASES = tomllib.loads((Path(__file__).parent / "data" / "subject_cases.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:14])
def test_subjects(case: dict[str, Any]) -> None:
    figures = ln.parse_page(case["text"]).figures
    assert [f.subject or "" for f in figures] == case["subjects"]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("农户应该加强基地建设，投入50万元。", ""),  # 该 inside 应该 opens no phrase
        ("拉萨市城关区某公司完全市场化运营，年收入500万元。", "城关区某公司"),  # 完全市场化 holds no 全市
        ("曲水县热堆村共有农户300户。", "热堆村"),  # a verb after a village does not unglue it
        ("林芝地区米林市召开会议。全地区共有企业50家。", "林芝地区"),  # 米林市 is no prefecture
        ("西藏高原天然水有限公司成立于2010年。这家公司规模很大。该公司年产值5亿元。", "西藏高原天然水有限公司"),
    ],
)
def test_subject_regressions(text: str, subject: str) -> None:
    assert [f.subject or "" for f in ln.parse_page(text).figures][-1] == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("西藏天然水有限公司成立。目前该公司年产值达1亿元。", "西藏天然水有限公司"),  # 该 after 前 is a demonstrative
        ("林芝市旅游局通报，本周全市共接待游客3万人次。", "林芝市"),  # 本周全市: a whole
        ("米林市全市共有5家企业。", "米林市"),  # an unresolved whole is not glued on as a name
    ],
)
def test_subject_second_review(text: str, subject: str) -> None:
    assert [f.subject or "" for f in ln.parse_page(text).figures][-1] == subject
