"""The rule data files load, and hold what the code relies on."""

from __future__ import annotations

from decimal import Decimal

from lhasa_news.data import load
from lhasa_news.models import BASE_UNITS
from lhasa_news.recognize.units import table
from lhasa_news.text.normalise import normalise


def test_t2s_table_is_aligned_and_one_for_one() -> None:
    data = load("t2s")
    trad = "".join(data["traditional"].split())
    simp = "".join(data["simplified"].split())
    assert len(trad) == len(simp) > 3000
    assert len(set(trad)) == len(trad)
    assert all(a != b for a, b in zip(trad, simp, strict=True))


def test_normalise_keeps_length_and_maps_what_numbers_need() -> None:
    src = "開建40個項目，投資23.39億元\r\n１２３．５％　萬兩"
    out = normalise(src)
    assert len(out) == len(src)
    assert out == "开建40个项目，投资23.39亿元 \n123.5% 万两"


def test_every_unit_is_canonical() -> None:
    for spec in table().by_surface.values():
        assert spec.unit in BASE_UNITS or (len(spec.unit) == 3 and spec.unit.isupper()), spec
        assert spec.factor > 0
    assert table().by_surface["亩"].factor == Decimal(2000) / Decimal(3)
    assert table().by_surface["斤"].factor == Decimal("0.5")


def test_qualifier_directions_are_valid() -> None:
    q = load("qualifiers")
    for group in ("prefix", "infix", "suffix", "fused"):
        assert set(q[group].values()) <= {"exact", "approx", "above", "below"}
