"""The data model: validation on construction, JSON with decimal strings, round trips, schemas."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from lhasa_news import Page, Quantity, parse_page
from lhasa_news.models import Figure, Period, plain_decimal
from lhasa_news.schemas import stale_schemas

ROOT = Path(__file__).resolve().parents[1]


def _q(**kw: object) -> Quantity:
    base: dict[str, object] = {
        "text": "251.06亿元",
        "start": 0,
        "end": 8,
        "rule": "t",
        "value": "25106000000",
        "unit": "CNY",
    }
    base.update(kw)
    return Quantity.model_validate(base)


@pytest.mark.parametrize(
    ("raw", "plain"),
    [("2.5106E+10", "25106000000"), ("1.50", "1.5"), ("100", "100"), ("0.000", "0"), ("-3.20", "-3.2")],
)
def test_plain_decimal(raw: str, plain: str) -> None:
    assert format(plain_decimal(Decimal(raw)), "f") == plain


def test_decimals_serialise_as_plain_strings() -> None:
    q = _q()
    assert '"value":"25106000000"' in q.model_dump_json()
    assert q.value == Decimal("25106000000")


@pytest.mark.parametrize(
    "bad",
    [
        {"value": 1.5},  # a float loses precision
        {"value": "abc"},
        {"unit": "yuan"},
        {"unit": "CNY/none"},
        {"end": 7},  # span length differs from text
        {"value": None},  # neither value nor range
        {"value": None, "low": "5", "high": "3"},
        {"approx": "roughly"},
        {"extra_field": 1},
    ],
)
def test_invalid_quantities_are_rejected(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        _q(**bad)


def test_rates_and_ranges_are_valid() -> None:
    assert _q(unit="CNY/kWh").unit == "CNY/kWh"
    r = _q(value=None, low="3000", high="5000")
    assert (r.low, r.high) == (Decimal(3000), Decimal(5000))


def test_period_dates_ordered() -> None:
    Period(text="2023年", start=0, end=5, rule="t", first_day=date(2023, 1, 1), last_day=date(2023, 12, 31))
    with pytest.raises(ValidationError):
        Period(text="2023年", start=0, end=5, rule="t", first_day=date(2024, 1, 1), last_day=date(2023, 1, 1))


@pytest.mark.parametrize("published", ["2024", "2024-01", "2024-01-20", date(2024, 1, 20), None])
def test_published_accepts_dates_and_prefixes(published: object) -> None:
    page = parse_page("培育企业43家。", published=published)  # type: ignore[arg-type]
    assert page.published in (None, "2024", "2024-01", "2024-01-20")


@pytest.mark.parametrize("published", ["2024-13", "24-01", "2024-02-30", "yesterday"])
def test_published_rejects_bad_values(published: str) -> None:
    with pytest.raises(ValueError):
        parse_page("文本", published=published)


def test_page_round_trips_through_json() -> None:
    text = "据统计，2023年1—10月，拉萨市招商引资实际到位资金251.06亿元，同比增长12.5%，两三个项目。"
    page = parse_page(text, published="2024-01", source="t")
    again = Page.model_validate_json(page.model_dump_json())
    assert again == page
    assert [f.quantity.text for f in page.figures] == ["251.06亿元", "12.5%", "两三个"]


def test_page_rejects_a_span_that_does_not_match_its_text() -> None:
    page = parse_page("培育企业43家。")
    data = page.model_dump(mode="json")
    data["figures"][0]["quantity"]["start"] = 3
    data["figures"][0]["quantity"]["end"] = 6
    with pytest.raises(ValidationError, match="is not at"):
        Page.model_validate(data)


def test_figure_defaults() -> None:
    f = Figure(
        text="43家",
        start=4,
        end=7,
        rule="t",
        quantity=_q(text="43家", start=4, end=7, value="43", unit="count"),
    )
    assert (f.metric, f.subject, f.period, f.status, f.same_as) == (None, None, None, "actual", None)


def test_schemas_are_up_to_date() -> None:
    stale = stale_schemas(ROOT / "schemas")
    assert not stale, f"run `lhasa-news schema --out schemas`: stale {stale}"


def test_flat_span_check_covers_every_record_the_error_path_names() -> None:
    """The span check of a good page reads a flat list; the error message walks `_grounded`.
    Both must cover the same records, or a wrong span could pass unchecked."""
    from importlib.resources import files

    from lhasa_news.models import _every_grounded, _grounded

    text = files("lhasa_news").joinpath("samples/sample-page.txt").read_text(encoding="utf-8")
    page = parse_page(text, published="2025-10-20")
    flat = [id(r) for r in _every_grounded(page)]
    walked = [id(r) for _, r in _grounded(page)]
    assert len(flat) > 50
    assert sorted(flat) == sorted(walked)
    kinds = {type(r).__name__ for _, r in _grounded(page)}
    assert {"Figure", "Quantity", "Period", "Entity", "Article", "Span"} <= kinds


def test_a_wrong_span_is_named_by_its_path() -> None:
    page = parse_page("拉萨市今年完成投资5亿元。")
    data = page.model_dump()
    data["figures"][0]["quantity"]["start"] += 1
    data["figures"][0]["quantity"]["end"] += 1
    with pytest.raises(ValidationError, match=r"figures\.0\.quantity"):
        Page.model_validate(data)
