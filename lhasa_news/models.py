"""The data model: typed, validated records that carry the span of text they came from.

Field names and enums follow the gold contract (`shared/gold/FORMAT.md`). Every grounded record
has `text`, `start`, `end` (half-open character offsets into the original page text) and `rule`
(the id of the rule that made it). Values are `Decimal` and serialise to JSON as plain decimal
strings ("25106000000", never "2.5106E+10"), so nothing is lost on the way to disk and back.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from types import UnionType
from typing import Annotated, Any, Literal, Self, Union, get_args, get_origin

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic_core import SchemaValidator, core_schema

SCHEMA_VERSION: Literal["1.0"] = "1.0"

Approx = Literal["exact", "approx", "above", "below"]
Status = Literal["actual", "projected", "target"]
Action = Literal["settle", "build", "acquire", "sign", "invest"]
EventType = Literal[
    "training", "ceremony", "meeting", "campaign", "inspection", "exhibition", "signing", "opening", "other"
]
Granularity = Literal["day", "month", "quarter", "half_year", "year", "years", "window", "unknown"]
WarningCode = Literal["input", "numeral", "layout", "period", "other"]

BASE_UNITS = frozenset(
    {
        "CNY", "USD", "EUR", "HKD", "JPY", "GBP",
        "%", "pp", "times",
        "m", "m2", "m3", "kg", "kWh", "W",
        "second", "minute", "hour", "day", "week", "month", "year",
        "count", "none",
    }
)  # fmt: skip


def plain_decimal(value: Decimal) -> Decimal:
    """The same number without exponent or trailing zeros: 2.5106E+10 → 25106000000, 1.50 → 1.5."""
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    _, digits, exponent = value.as_tuple()
    if exponent == 0 or (isinstance(exponent, int) and exponent < 0 and digits[-1] != 0):
        return value  # already plain: the common case costs one look at the tuple
    normal = value.normalize()
    if normal.as_tuple().exponent > 0:  # type: ignore[operator]
        normal = normal.quantize(Decimal(1))
    return normal


def _to_decimal(value: Any) -> Any:
    if isinstance(value, bool | float):
        raise ValueError("decimal values are given as strings or integers, never floats (precision)")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            parsed = Decimal(value)
        except InvalidOperation:
            raise ValueError(f"not a decimal string: {value!r}") from None
        return plain_decimal(parsed)
    if isinstance(value, Decimal):
        return plain_decimal(value)
    return value


def _decimal_str(value: Decimal) -> str:
    return format(plain_decimal(value), "f")


DecimalValue = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    PlainSerializer(_decimal_str, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^-?\d+(\.\d+)?$", "description": "plain decimal string"}),
]

_UNIT_RE = re.compile(r"^[^/\s]+(/[^/\s]+)?$")
_ISO_CURRENCY = re.compile(r"^[A-Z]{3}$")


_KNOWN_UNITS: set[str] = set(BASE_UNITS)


def _check_unit(unit: Any) -> str:
    if not isinstance(unit, str):
        raise ValueError(f"a unit is a string, not {type(unit).__name__}")
    if unit in _KNOWN_UNITS:
        return unit
    parts = unit.split("/")
    bad_rate = len(parts) == 2 and "none" in parts
    known = all(p in BASE_UNITS or _ISO_CURRENCY.match(p) for p in parts)
    if not _UNIT_RE.match(unit) or not known or bad_rate:
        raise ValueError(
            f"unknown unit {unit!r}: use a canonical unit of FORMAT.md ({', '.join(sorted(BASE_UNITS))}), "
            "an ISO 4217 currency code, or a rate A/B of two of them"
        )
    _KNOWN_UNITS.add(unit)
    return unit


Unit = Annotated[
    str,
    BeforeValidator(_check_unit),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^[^/\s]+(/[^/\s]+)?$",
            "description": "canonical unit (FORMAT.md) or a rate A/B such as CNY/kWh",
            "examples": sorted(BASE_UNITS),
        }
    ),
]

_PUBLISHED_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_published(value: str | None) -> str | None:
    """An ISO date or a prefix of one ("2024-01", "2024"), checked to be a real date."""
    if value is None:
        return None
    if not _PUBLISHED_RE.match(value):
        raise ValueError(f"published must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise ValueError(f"published is not a real date: {value!r} ({exc})") from None
    return value


class Record(BaseModel):
    """Base of every model: strict field names, validated on assignment too."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)

    @classmethod
    def trusted(cls, **fields: Any) -> Self:
        """A record built from parts the pipeline has already checked, without validating them again.

        Pydantic's `model_construct` does this for any model but costs more than validation itself;
        a page makes about a hundred records, so this saves a third of a millisecond per page. Field
        names are still checked; `Page` still checks that every span quotes its text, and the tests
        revalidate every record of every corpus page (`tests/test_trusted_records.py`).
        """
        plan = _PLANS.get(cls) or _plan(cls)
        # Every field given in declaration order (a quantity always is): the keyword dict, new to
        # this call, is the record's own; otherwise names are checked and defaults filled in.
        if tuple(fields) == plan.order:
            values, names = fields, plan.names.copy()
        else:
            values, names = _filled(cls, plan, fields), set(fields)
        record = _new_object(cls)
        _set_dict(record, values)
        _set_fields_set(record, names)
        _set_extra(record, None)
        _set_private(record, None)
        return record


@dataclass(frozen=True)
class _Plan:
    """What `Record.trusted` needs to know of a model's fields, worked out once per model."""

    required: frozenset[str]
    allowed: frozenset[str]
    defaults: dict[str, Any]  # every field in declaration order; required ones hold None until given
    factories: tuple[tuple[str, Callable[[], Any]], ...]
    order: tuple[str, ...]  # every field name, in declaration order (interned: compared by identity)
    names: set[str]  # every field name, copied as the fields set of a record given them all


# What `cls.__new__` finds, without the lookup through pydantic's metaclass, and the setters of
# BaseModel's slots: calling them directly costs less than `object.__setattr__`, which `trusted`
# would otherwise call four times per record.
_new_object = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def _filled(cls: type[Record], plan: _Plan, fields: dict[str, Any]) -> dict[str, Any]:
    """The record's dict from some of its fields: names checked, defaults and factories filled in."""
    values = {**plan.defaults, **fields}  # every field, in declaration order; an unknown name adds one
    if len(values) != len(plan.defaults) or not plan.required <= fields.keys():
        missing, unknown = sorted(plan.required - fields.keys()), sorted(fields.keys() - plan.allowed)
        raise TypeError(f"{cls.__name__}.trusted: missing fields {missing}, unknown fields {unknown}")
    for name, factory in plan.factories:
        if name not in fields:
            values[name] = factory()
    return values


_PLANS: dict[type[Record], _Plan] = {}


def _plan(cls: type[Record]) -> _Plan:
    """Worked out on a model's first `trusted` call and kept in `_PLANS`."""
    defaults: dict[str, Any] = {}
    factories: list[tuple[str, Callable[[], Any]]] = []
    for name, info in cls.model_fields.items():
        if info.default_factory is not None:
            factories.append((name, info.default_factory))  # type: ignore[arg-type]
            defaults[name] = None
        else:
            defaults[name] = None if info.is_required() else info.default
    required = frozenset(name for name, info in cls.model_fields.items() if info.is_required())
    order = tuple(sys.intern(name) for name in cls.model_fields)
    plan = _PLANS[cls] = _Plan(required, frozenset(order), defaults, tuple(factories), order, set(order))
    return plan


@cache
def trusted_builder(tp: Any) -> SchemaValidator:
    """`Record.trusted` for a whole tree of records: builds `tp` (a record type, or a list of one)
    from plain dicts in one call, nested records from nested dicts, checking field names only.

    Pydantic-core makes the records, so a tree costs half of what `trusted` costs record by record;
    the values are taken as given (no types, bounds or model validators), so the caller must know
    them to be good, as for `trusted`."""
    return SchemaValidator(_trusted_schema(tp))


def _trusted_schema(tp: Any) -> core_schema.CoreSchema:
    """Records and lists of them, or None, are built; any other value is kept as it is."""
    if isinstance(tp, type) and issubclass(tp, Record):
        fields = {name: core_schema.model_field(_with_default(info)) for name, info in tp.model_fields.items()}
        inner = core_schema.model_fields_schema(fields, extra_behavior="forbid")
        return core_schema.model_schema(tp, inner, extra_behavior="forbid")
    args = [a for a in get_args(tp) if a is not type(None)]
    if get_origin(tp) is list:
        return core_schema.list_schema(_trusted_schema(args[0]))
    if get_origin(tp) in (Union, UnionType) and len(args) == 1:
        return core_schema.nullable_schema(_trusted_schema(args[0]))
    return core_schema.any_schema()


def _with_default(info: FieldInfo) -> core_schema.CoreSchema:
    schema = _trusted_schema(info.annotation)
    if info.default_factory is not None:
        return core_schema.with_default_schema(schema, default_factory=info.default_factory)
    return schema if info.is_required() else core_schema.with_default_schema(schema, default=info.default)


class Grounded(Record):
    """A record tied to the characters it came from: `page.text[start:end] == text`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str = Field(description="id of the rule that made this record")

    @model_validator(mode="after")
    def _span_fits_text(self) -> Grounded:
        if self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}:{self.end} does not have the length of text {self.text!r}")
        return self


class Span(Record):
    """A plain piece of the page: a caption, a paragraph piece, a headline line."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _span_fits_text(self) -> Span:
        if self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}:{self.end} does not have the length of text {self.text!r}")
        return self


class Paragraph(Record):
    """A body paragraph as repaired: its text, and the pieces of the page it was joined from."""

    text: str
    pieces: list[Span]

    @model_validator(mode="after")
    def _pieces_make_text(self) -> Paragraph:
        if "".join(p.text for p in self.pieces) != self.text:
            raise ValueError("paragraph text is not its pieces joined")
        return self


class Quantity(Grounded):
    """A number with its canonical unit: 251.06亿元 → 25106000000 CNY; 两三个 → 2..3 count."""

    value: DecimalValue | None = None
    low: DecimalValue | None = None
    high: DecimalValue | None = None
    unit: Unit
    item: str | None = Field(default=None, description="for counts: the counted noun or the classifier")
    approx: Approx = "exact"

    @model_validator(mode="after")
    def _value_or_range(self) -> Quantity:
        if self.value is None:
            if self.low is None or self.high is None:
                raise ValueError("a quantity has a value, or both low and high (a range)")
            if self.low > self.high:
                raise ValueError(f"range low {self.low} is above high {self.high}")
        elif self.low is not None or self.high is not None:
            raise ValueError("a quantity has either a value or a range (low, high), not both")
        return self


class Period(Grounded):
    """A time expression resolved to inclusive first and last days (None when unresolvable)."""

    first_day: date | None = None
    last_day: date | None = None
    granularity: Granularity = "unknown"

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.first_day and self.last_day and self.first_day > self.last_day:
            raise ValueError(f"period first_day {self.first_day} is after last_day {self.last_day}")
        return self


class Figure(Grounded):
    """A statistic: a quantity with what it measures, whose it is, when, and whether it is real."""

    quantity: Quantity
    metric: str | None = None
    subject: str | None = None
    subject_canonical: str | None = Field(default=None, description="the subject's canonical name, for grouping")
    period: Period | None = None
    status: Status | None = "actual"
    same_as: int | None = Field(default=None, ge=0, description="page index of the first copy of a repeat")
    article: int | None = Field(default=None, ge=0, description="index of the article in page.articles")


class Project(Grounded):
    """An investment or construction project that a named party brings, builds, buys or signs."""

    investor: str | None = None
    name: str | None = None
    location: str | None = None
    action: Action = "invest"
    amount: Quantity | None = None
    extras: dict[str, DecimalValue] = Field(default_factory=dict)
    article: int | None = Field(default=None, ge=0)


def _unknown_organizers() -> dict[str, list[str]]:
    return {"by": []}


class Event(Grounded):
    """Something organised that happened on a date or over a period."""

    type: EventType = "other"
    trigger: str
    title: str | None = None
    organizers: dict[str, list[str]] = Field(default_factory=_unknown_organizers)
    location: str | None = None
    when: Period | None = None
    participants: int | None = Field(default=None, ge=0)
    duration: Quantity | None = None
    article: int | None = Field(default=None, ge=0)


class Entity(Grounded):
    """A place, organisation or person named in the text, with the name analytics group by."""

    kind: Literal["place", "org", "person"]
    canonical: str = Field(description="one name for all variants: 高新区 → 拉萨高新技术产业开发区")


class Repair(Record):
    """A layout repair made before reading: a join across a column break or a dropped repeat."""

    kind: Literal["join", "drop_repeat", "drop_duplicate_block"] = Field(
        description="join: a paragraph cut at a break, joined across [start, end); drop_repeat: a "
        "fragment printed twice, dropped; drop_duplicate_block: a block printed twice in full"
    )
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Warning(Record):
    """Something worth knowing that is not an error: an unreadable numeral, a guess, a dropped block."""

    code: WarningCode
    message: str
    start: int | None = None
    end: int | None = None


class Article(Record):
    """One article of a page, with its parts and the records found in it."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    headline: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    section: str | None = None
    intertitles: list[Span] = Field(default_factory=list)
    reporters: list[str] = Field(default_factory=list)
    photographers: list[str] = Field(default_factory=list)
    editors: list[str] = Field(default_factory=list)
    dateline: str | None = None
    captions: list[Span] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    @model_validator(mode="after")
    def _span_fits_text(self) -> Article:
        if self.end - self.start != len(self.text):
            raise ValueError(f"article span {self.start}:{self.end} does not have the length of its text")
        return self


class Page(Record):
    """A whole page: its text and everything found in it, in page order."""

    schema_version: Literal["1.0"] = SCHEMA_VERSION
    source: str | None = None
    published: str | None = Field(default=None, description="ISO date or prefix: 2024-01-20, 2024-01, 2024")
    text: str
    articles: list[Article] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    repairs: list[Repair] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)

    @field_validator("published")
    @classmethod
    def _published(cls, value: str | None) -> str | None:
        return check_published(value)

    @model_validator(mode="after")
    def _spans_point_into_text(self) -> Page:
        """Every grounded record must quote the page text exactly where it says it stands."""
        text = self.text
        if all(text[rec.start : rec.end] == rec.text for rec in _every_grounded(self)):
            return self
        for path, rec in _grounded(self):  # the same records again, with paths, to name the wrong one
            if text[rec.start : rec.end] != rec.text:
                where = ".".join(str(p) for p in path)
                raise ValueError(
                    f"{where}: text {rec.text!r} is not at {rec.start}:{rec.end} of the page "
                    f"(found {text[rec.start : rec.end]!r})"
                )
        return self


_Path = tuple[str | int, ...]


def _every_grounded(page: Page) -> list[Grounded | Span | Article]:
    """The records `_grounded` yields, as one flat list without their paths (the check of a good page)."""
    out: list[Grounded | Span | Article] = [*page.figures, *page.projects, *page.events, *page.entities]
    out += [fig.quantity for fig in page.figures]
    out += [fig.period for fig in page.figures if fig.period is not None]
    out += [proj.amount for proj in page.projects if proj.amount is not None]
    out += [ev.when for ev in page.events if ev.when is not None]
    out += [ev.duration for ev in page.events if ev.duration is not None]
    for art in page.articles:
        out.append(art)
        out += art.captions
        out += art.intertitles
        for para in art.paragraphs:
            out += para.pieces
    return out


def _grounded(page: Page) -> Iterator[tuple[_Path, Grounded | Span | Article]]:
    """Every grounded record of a page with its path; the path is only formatted on an error."""
    for i, fig in enumerate(page.figures):
        yield ("figures", i), fig
        yield ("figures", i, "quantity"), fig.quantity
        if fig.period is not None:
            yield ("figures", i, "period"), fig.period
    for i, proj in enumerate(page.projects):
        yield ("projects", i), proj
        if proj.amount is not None:
            yield ("projects", i, "amount"), proj.amount
    for i, ev in enumerate(page.events):
        yield ("events", i), ev
        if ev.when is not None:
            yield ("events", i, "when"), ev.when
        if ev.duration is not None:
            yield ("events", i, "duration"), ev.duration
    for i, ent in enumerate(page.entities):
        yield ("entities", i), ent
    for i, art in enumerate(page.articles):
        yield ("articles", i), art
        for j, span in enumerate(art.captions):
            yield ("articles", i, "captions", j), span
        for j, span in enumerate(art.intertitles):
            yield ("articles", i, "intertitles", j), span
        for j, para in enumerate(art.paragraphs):
            for k, piece in enumerate(para.pieces):
                yield ("articles", i, "paragraphs", j, "pieces", k), piece
