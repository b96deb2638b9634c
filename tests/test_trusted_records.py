"""`Record.trusted` skips validation for speed, so the tests validate what the pipeline builds with it."""

from __future__ import annotations

from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

import lhasa_news
from lhasa_news.models import Article, Figure, Page, Period, Quantity, Span, trusted_builder


def _records(model: BaseModel) -> list[BaseModel]:
    """The model and every model nested in it, depth first."""
    out = [model]
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, BaseModel):
                out.extend(_records(item))
    return out


def _assert_all_valid(page: Page) -> None:
    for rec in _records(page):
        again = type(rec).model_validate(rec.model_dump())
        assert again == rec, f"{type(rec).__name__} changes when validated: {rec!r}"
        for name in type(rec).model_fields:
            value = getattr(rec, name)
            if isinstance(value, Decimal):
                assert str(value) == format(value, "f"), f"{type(rec).__name__}.{name} is not plain: {value!r}"
    assert Page.model_validate_json(page.model_dump_json()) == page


def test_corpus_pages_are_valid_records(corpus_dirs: tuple[Path, Path]) -> None:
    corpus, _ = corpus_dirs
    pages = sorted(corpus.glob("*.txt"))
    assert pages
    for path in pages:
        _assert_all_valid(lhasa_news.parse_page(path.read_text(encoding="utf-8"), published="2024-05-10"))


def test_corpus_periods_are_valid_records(corpus_dirs: tuple[Path, Path]) -> None:
    """Periods are built trusted too, and a page keeps only those that a figure or an event uses."""
    corpus, _ = corpus_dirs
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for published in (None, "2024", "2024-05", "2024-05-10"):
            for period in lhasa_news.extract_periods(text, published):
                again = Period.model_validate(period.model_dump())
                assert again == period, f"Period changes when validated: {period!r}"
                assert text[period.start : period.end] == period.text


def test_sample_page_is_valid_records() -> None:
    text = files("lhasa_news").joinpath("samples/sample-page.txt").read_text(encoding="utf-8")
    page = lhasa_news.parse_page(text)
    assert page.figures and page.articles
    _assert_all_valid(page)


def test_trusted_equals_validated() -> None:
    fields = {"text": "251.06亿元", "start": 3, "end": 11, "rule": "qty.unit", "value": Decimal("25106000000")}
    q = Quantity.trusted(unit="CNY", **fields)
    assert q == Quantity(unit="CNY", **fields)
    assert q.model_dump_json() == Quantity(unit="CNY", **fields).model_dump_json()
    assert q.model_fields_set == {"text", "start", "end", "rule", "value", "unit"}
    f = Figure.trusted(text=q.text, start=q.start, end=q.end, rule="figure.clause", quantity=q, metric="总投资")
    assert f == Figure(text=q.text, start=q.start, end=q.end, rule="figure.clause", quantity=q, metric="总投资")


def test_trusted_checks_field_names() -> None:
    with pytest.raises(TypeError, match=r"missing fields \['unit'\]"):
        Quantity.trusted(text="5家", start=0, end=2, rule="r", value=Decimal(5))
    with pytest.raises(TypeError, match=r"unknown fields \['colour'\]"):
        Span.trusted(text="a", start=0, end=1, colour="red")


def test_trusted_default_lists_are_not_shared() -> None:
    a = Article.trusted(start=0, end=1, text="a")
    b = Article.trusted(start=0, end=1, text="a")
    a.reporters.append("次仁")
    assert b.reporters == []


def test_trusted_records_still_validate_assignment() -> None:
    q = Quantity.trusted(text="5家", start=0, end=2, rule="r", value=Decimal(5), unit="count")
    with pytest.raises(ValueError):
        q.approx = "roughly"  # type: ignore[assignment]


def test_trusted_fields_in_any_order() -> None:
    """Names are checked once per set of names as given; the record keeps the declaration order."""
    for _ in range(2):
        s = Span.trusted(end=3, text="abc", start=0)
        assert s == Span(text="abc", start=0, end=3)
        assert repr(s) == repr(Span(text="abc", start=0, end=3))
        with pytest.raises(TypeError, match=r"unknown fields \['colour'\]"):
            Span.trusted(text="a", start=0, end=1, colour="red")


def test_trusted_builder_equals_validated() -> None:
    span = {"text": "拉萨", "start": 0, "end": 2}
    data = [
        {"start": 0, "end": 2, "text": "拉萨", "captions": [span], "paragraphs": [{"text": "拉萨", "pieces": [span]}]}
    ]
    built = trusted_builder(list[Article]).validate_python(data)
    validated = TypeAdapter(list[Article]).validate_python(data)
    assert built == validated
    assert built[0].model_dump_json() == validated[0].model_dump_json()
    assert (
        built[0].model_fields_set == validated[0].model_fields_set == {"start", "end", "text", "captions", "paragraphs"}
    )
    assert built[0].paragraphs[0].pieces[0] == Span(**span)
    assert built[0].figures == [] and built[0].figures is not Article(start=0, end=0, text="").figures


def test_trusted_builder_checks_field_names() -> None:
    build = trusted_builder(list[Article]).validate_python
    with pytest.raises(ValidationError, match="Extra inputs"):
        build([{"start": 0, "end": 1, "text": "a", "colour": "red"}])
    with pytest.raises(ValidationError, match="Field required"):
        build([{"start": 0, "text": "a", "paragraphs": [{"text": "a", "pieces": [{"text": "a", "start": 0}]}]}])
