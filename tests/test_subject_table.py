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
