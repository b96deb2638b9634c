"""Surface units → canonical unit and factor, from `data/units.toml`.

The table is indexed once by first character (longest surface first), and looked up only at the
position right after a numeral, so lookup cost does not grow with the text nor with the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cache

from lhasa_news.data import load


@dataclass(frozen=True, slots=True)
class UnitSpec:
    """One surface form of a unit and what it means."""

    surface: str
    unit: str
    factor: Decimal
    kind: str
    item: str | None
    needs: str | None
    denominator: bool
    duration: bool
    # Smaller units that may follow it, largest first, with their factor relative to this unit
    # (元 → 角/毛 1/10 → 分 1/100: 十块三毛, 一百三十五块六角七分; 斤 → 两 1/10: 3斤5两).
    subunits: tuple[tuple[tuple[str, ...], Decimal], ...] = ()
    # A bare digit (two at most) right after it is its decimal fraction: 一块二, 十二块五, 三米九.
    decimal_tail: bool = False


@dataclass(frozen=True, slots=True)
class WordQuantity:
    """A word that is a quantity by itself (打对折 = 50 %), and the words that must precede it."""

    text: str
    value: Decimal
    unit: str
    after: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class UnitTable:
    """Every surface of the table, indexed for lookups at a text position."""

    by_surface: dict[str, UnitSpec]
    denominators: re.Pattern[str]
    prefix_rate_kinds: frozenset[str] = frozenset()
    words: dict[str, WordQuantity] | None = None
    # Surfaces by first character, longest first, each with whether it ends in a Latin letter.
    by_first: dict[str, tuple[tuple[str, UnitSpec, bool], ...]] = field(default_factory=dict)

    def at(self, text: str, pos: int) -> UnitSpec | None:
        """The unit starting at `pos`, or None. The longest surface wins (万千瓦时 before 千瓦), and
        a Latin surface must not run on into more letters (5G is no unit; 10mm is mm, not m).

        A dict lookup and a few `startswith` instead of one regex alternation of every surface:
        called for nearly every numeral, it is the unit lookup's hot path."""
        if pos >= len(text):
            return None
        for surface, spec, latin in self.by_first.get(text[pos], ()):
            if text.startswith(surface, pos):
                end = pos + len(surface)
                if latin and end < len(text) and text[end].isascii() and text[end].isalpha():
                    return None  # the longest surface runs on: no shorter one is tried either
                return spec
        return None


def _factor(text: str) -> Decimal:
    frac = Fraction(text)
    if frac.denominator == 1:
        return Decimal(frac.numerator)
    q = Decimal(frac.numerator) / Decimal(frac.denominator)
    return q


def _alternation(surfaces: list[str]) -> re.Pattern[str]:
    """One pattern of all surfaces, longest first, so the longest unit wins (万千瓦时 before 千瓦)."""
    ordered = sorted(surfaces, key=lambda s: (-len(s), s))
    return re.compile("|".join(re.escape(s) for s in ordered))


@cache
def table() -> UnitTable:
    """The unit table, built on first use."""
    by_surface: dict[str, UnitSpec] = {}
    data = load("units")
    for entry in data["unit"]:
        item_of: dict[str, str] = entry.get("item_of", {})
        subunits = tuple((tuple(sub["surfaces"]), _factor(sub["factor"])) for sub in entry.get("subunits", []))
        for surface in entry["surfaces"]:
            if surface in by_surface:
                raise ValueError(f"data/units.toml: surface {surface!r} listed twice")
            by_surface[surface] = UnitSpec(
                surface=surface,
                unit=entry["unit"],
                factor=_factor(entry["factor"]),
                kind=entry["kind"],
                item=item_of.get(surface, surface) if entry["unit"] == "count" else None,
                needs=entry.get("needs"),
                denominator=bool(entry.get("denominator", False)),
                duration=bool(entry.get("duration", False)),
                subunits=subunits,
                decimal_tail=bool(entry.get("decimal_tail", False)),
            )
    denominators = [s for s, u in by_surface.items() if u.denominator] + ["月"]
    words = {
        w["text"]: WordQuantity(w["text"], _factor(w["value"]), w["unit"], tuple(w.get("after", ())))
        for w in data.get("word", [])
    }
    return UnitTable(
        by_surface,
        _alternation(denominators),
        frozenset(data.get("prefix_rate_kinds", ())),
        words,
        _by_first(by_surface),
    )


def _by_first(by_surface: dict[str, UnitSpec]) -> dict[str, tuple[tuple[str, UnitSpec, bool], ...]]:
    """The surfaces by first character, longest first (the order of `_alternation`)."""
    out: dict[str, tuple[tuple[str, UnitSpec, bool], ...]] = {}
    for surface in sorted(by_surface, key=lambda s: (-len(s), s)):
        latin = surface[-1].isascii() and surface[-1].isalpha()
        out[surface[0]] = (*out.get(surface[0], ()), (surface, by_surface[surface], latin))
    return out


def match_unit(pattern: re.Pattern[str], text: str, pos: int) -> str | None:
    """The unit surface starting at `pos`, or None. A Latin surface must not run on into more
    letters (5G is no unit; 10mm is mm, not m)."""
    m = pattern.match(text, pos)
    if m is None:
        return None
    surface: str = m.group()
    if surface[-1].isascii() and surface[-1].isalpha() and m.end() < len(text):
        nxt = text[m.end()]
        if nxt.isascii() and nxt.isalpha():
            return None
    return surface


def denominator_spec(surface: str) -> UnitSpec:
    """The spec of a unit after "/" in a rate; 月 (month) is allowed there though never after a number."""
    if surface == "月":
        return UnitSpec("月", "month", Decimal(1), "time", None, None, True, True)
    return table().by_surface[surface]
