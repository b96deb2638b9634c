"""Forms found wrong by running other projects' public number and unit test suites (see the
closing notes); each row is written here by us, in the form news text uses."""

from __future__ import annotations

from decimal import Decimal

import pytest

from lhasa_news import extract_quantities, parse_quantity

CASES = [
    # a 千-unit after a Chinese numeral is the unit's, not the numeral's
    ("一百千瓦", "100000", "W"),
    ("三十万千瓦", "300000000", "W"),
    ("三千万千瓦时", "30000000", "kWh"),
    ("五十千克", "50", "kg"),
    ("四万万元", "400000000", "CNY"),
    ("9佰日元", "900", "JPY"),
    ("1.2 亿元", "120000000", "CNY"),
    ("一吨半", "1500", "kg"),
    ("两个半小时", "2.5", "hour"),
    ("一年半", "1.5", "year"),
    ("新台币177.1亿元", "17710000000", "TWD"),
    ("港币两千九百六十元", "2960", "HKD"),
    ("人民币3.14", "3.14", "CNY"),
    ("九折", "90", "%"),
    ("75折", "75", "%"),
    ("六十四万零一百四十三元一角七分", "640143.17", "CNY"),
    ("壹拾壹元壹角", "11.1", "CNY"),
    ("16分之5", "31.25", "%"),
    ("3毫升", "0.000003", "m3"),
    ("6英尺", "1.8288", "m"),
    ("零点零零零零零零零零零零零零零一", "0.00000000000001", "none"),
]

RANGES = [
    ("七千到九千亿元", "700000000000", "900000000000", "CNY"),
    ("三千到五千万元", "30000000", "50000000", "CNY"),
    ("十八至三十万日元", "180000", "300000", "JPY"),
    ("两到三千元", "2000", "3000", "CNY"),
    ("从8500到3万港元", "8500", "30000", "HKD"),
    ("1万元--5万元", "10000", "50000", "CNY"),
]


@pytest.mark.parametrize(("text", "value", "unit"), CASES)
def test_value(text: str, value: str, unit: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit) == (Decimal(value), unit)


@pytest.mark.parametrize(("text", "low", "high", "unit"), RANGES)
def test_range(text: str, low: str, high: str, unit: str) -> None:
    q = parse_quantity(text)
    assert (q.low, q.high, q.unit) == (Decimal(low), Decimal(high), unit)


@pytest.mark.parametrize(
    ("text", "value", "approx"),
    [
        ("投资数十亿元", "1000000000", "above"),
        ("数百名群众参加", "100", "above"),
        ("几十万块钱", "100000", "above"),
    ],
)
def test_vague_magnitudes_are_lower_bounds(text: str, value: str, approx: str) -> None:
    (q,) = extract_quantities(text)
    assert (q.value, q.approx) == (Decimal(value), approx)


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org/a%280024%2D%29",  # percent-encoding in a URL
        "2.2本项目计划投资",  # a section number, not 2.2 counted things
        "万万没有想到",
        "二两拨千斤",
        "100美元折合",
    ],
)
def test_not_quantities(text: str) -> None:
    found = extract_quantities(text)
    assert all(q.unit != "%" for q in found) and all(q.unit != "count" for q in found), [q.text for q in found]
    assert all(q.text not in ("万万", "二两") for q in found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("增长一点五亿元", ["一点五亿元"]),
        ("全程十分钟", ["十分钟"]),
        ("另5人受伤", ["5人"]),
        ("12,00元", []),
        ("第3，4名", []),
    ],
)
def test_review_findings(text: str, found: list[str]) -> None:
    assert [q.text for q in extract_quantities(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("处344064013615707兆瓦，另有5吨", ["5吨"]),
        ("1-344064013615707万吨和3人", ["3人"]),
        ("99999999999999999999亿元", []),
        ("九万亿亿元，增长5%", ["5%"]),
        ("约1000000000000000000000元", []),
    ],
)
def test_values_beyond_range_are_dropped_not_raised(text: str, found: list[str]) -> None:
    """A value above any news figure (10^20) is no quantity; the rest of the text is still read."""
    assert [q.text for q in extract_quantities(text)] == found
    with pytest.raises(ValueError):
        parse_quantity(text.split("，")[0].split("和")[0])
