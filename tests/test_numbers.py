"""Numerals without units: the Decimal values the quantity layer builds on."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lhasa_news.recognize.numbers import NumeralError, parse_numeral

CASES = [
    ("一万二千零五十", "12050", None),
    ("十二亿三千万", "1230000000", None),
    ("两万", "20000", None),
    ("一百零五", "105", None),
    ("十万八千", "108000", None),
    ("一百九十万零三千九百七十一", "1903971", None),
    ("廿三", "23", None),
    ("卅", "30", None),
    ("壹佰贰拾叁", "123", None),
    ("萬", "10000", None),
    ("兩千", "2000", None),
    ("571.75421万", "5717542.1", None),
    ("1.3亿", "130000000", None),
    ("0.5亿", "50000000", None),
    ("1,200.50万", "12005000", None),
    ("82,225", "82225", None),
    ("3千", "3000", None),
    ("2万余", "20000", "above"),
    ("600多万", "6000000", "above"),
    ("4.6余亿", "460000000", "above"),
    ("三十几万", "300000", "above"),
    ("十来", "10", "approx"),
    ("三点一四", "3.14", None),
    ("三点五亿", "350000000", None),
    ("二〇二三", "2023", None),
    # places in both scripts, 兆 as the group above 亿, 个亿, 俩
    ("6万3千2百", "63200", None),
    ("3亿2万5千", "300025000", None),
    ("1万350", "10350", None),
    ("40万六千", "406000", None),
    ("5百08", "508", None),
    ("2千5百万", "25000000", None),
    ("3万2千多", "32000", "above"),
    ("七兆零五亿", "7000500000000", None),
    ("三个亿", "300000000", None),
    ("十几个亿", "1000000000", "above"),
    ("俩千", "2000", None),
    ("五点贰伍", "5.25", None),
    ("15k", "15000", None),
    ("20w", "200000", None),
]


@pytest.mark.parametrize(("text", "value", "approx"), CASES)
def test_values(text: str, value: str, approx: str | None) -> None:
    n = parse_numeral(text)
    assert n.value == Decimal(value)
    assert n.approx == (approx or "exact")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("两三", 2, 3),
        ("三四十", 30, 40),
        ("十五六", 15, 16),
        ("一两", 1, 2),
        ("两三百万", 2_000_000, 3_000_000),
    ],
)
def test_approximate_pairs(text: str, low: int, high: int) -> None:
    n = parse_numeral(text)
    assert (n.value, n.low, n.high, n.approx) == (None, Decimal(low), Decimal(high), "approx")


@pytest.mark.parametrize("text", ["", "abc", "余", "1" * 40, "三点", "1万2万", "3万2亿", "1百200", "2亿3亿"])
def test_not_numerals(text: str) -> None:
    with pytest.raises(NumeralError):
        parse_numeral(text)


def test_cn2an_mixed_form_pitfall_is_avoided() -> None:
    """cn2an's smart mode reads 571.75421万 as 5717542; we keep every digit."""
    assert parse_numeral("571.75421万").value == Decimal("5717542.1")


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=10**13))
def test_own_reader_agrees_with_cn2an(n: int) -> None:
    """Standard Chinese numerals are read by our positional reader (fast); cn2an writes them here
    and we must read back the same integer."""
    import cn2an

    assert parse_numeral(cn2an.an2cn(n)).value == Decimal(n)
