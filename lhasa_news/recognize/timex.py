"""Time expressions → `Period` with inclusive first and last days.

Absolute dates and periods (2023年, 2023年1—10月, 2024年1月15日, 2021年至2023年, 上半年, 前三季度),
relative ones resolved against the publication date at their own grain (今年, 去年, 同年11月 — the
year of the period mentioned just before —, 近日, 截至10月底 → year to date, 截至目前 → stock at
publication), and five-year plans (“十四五”期间). What cannot be resolved keeps its text and gets
no dates; nothing here raises on input text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from lhasa_news.data import alternation as _alt
from lhasa_news.data import load
from lhasa_news.models import Granularity, Period, check_published
from lhasa_news.recognize.numbers import DIGITS, NumeralError, chinese_integer
from lhasa_news.text.normalise import normalise


@dataclass(frozen=True)
class Reference:
    """The publication date a relative expression is read against: year, and month/day if known."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def of(cls, published: date | str | None) -> Reference | None:
        if published is None:
            return None
        if isinstance(published, date):
            return cls(published.year, published.month, published.day)
        text = check_published(published.strip())
        if text is None:  # pragma: no cover - check_published returns its input
            return None
        parts = [int(p) for p in text.split("-")]
        return cls(parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)

    @property
    def last_day(self) -> date:
        """The last day the publication date can mean (2024-01 → 2024-01-31)."""
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, self.month, self.day)


@dataclass(frozen=True)
class TimexRules:
    pattern: re.Pattern[str]
    candidate: re.Pattern[str]
    relative_year: dict[str, int]
    year_part: dict[str, tuple[int, int]]
    plan: dict[str, tuple[int, int]]
    window_days: dict[str, int]
    stock: frozenset[str]
    not_figure_periods: frozenset[str]
    weak_now: frozenset[str]


@cache
def rules() -> TimexRules:
    d = load("timex")
    rel = dict(d["relative_year"])
    part = {k: (int(v[0]), int(v[1])) for k, v in d["year_part"].items()}
    plan = {k: (int(v[0]), int(v[1])) for k, v in d["plan"].items()}
    window = {k: int(v) for k, v in d["window_days"].items()}
    num = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])"
    day = r"(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
    year = r"(?P<year>(?:1[89]|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年(?P<fy>度|底|末|初)?"
    month_range = (
        rf"(?P<m1>{num})\s*(?:月份?)?\s*[—\-~～至到]\s*(?:(?P<y2>(?:1[89]|20)\d{{2}})\s*年)?\s*(?P<m2>{num})\s*月份?"
    )
    month = (
        rf"(?P<m>{num})\s*月份?\s*(?:(?P<d>{day})\s*[日号](?:\s*[—\-~～至到]\s*(?P<d2>{day})\s*[日号])?)?"
        r"(?P<mpos>底|末|初|上旬|中旬|下旬)?"
    )
    first_n = r"前\s*(?P<fn>\d{1,2}|[一二两三四五六七八九十]{1,2})\s*个月"
    body = (
        rf"(?P<yr1>(?:1[89]|20)\d{{2}})\s*年?\s*(?:至|到|—|-|~)\s*(?P<yr2>(?:1[89]|20)\d{{2}})\s*年(?:度)?"
        rf"|(?:{year}|(?P<rel>{_alt(rel)}|同年|当年)(?P<rpart>底|末|初)?)?\s*"
        rf"(?:(?P<part>{_alt(part)})|{month_range}|{month}|{first_n})?"
    )
    pattern = re.compile(
        rf"(?P<plan>[“\"]?(?P<planname>{_alt(plan)})[”\"]?\s*(?:期间|时期|以来)?)"
        rf"|(?P<stock>(?:截至|截止|截止到)\s*目前|{_alt(list(d['stock']))})"
        rf"|(?P<window>{_alt(window)})"
        rf"|(?P<years>(?:近|这|过去)?(?P<ny>\d{{1,2}}|[一二两三四五六七八九十]{{1,2}})\s*年(?:来|间|以来)"
        rf"|这(?P<ny2>\d{{1,2}}|[一二两三四五六七八九十]{{1,2}})\s*年)"
        rf"|(?P<recent>近年来|近些年)"
        rf"|(?P<main>(?P<until>截至|截止到|截止|到)?\s*(?P<since>自|从)?\s*(?:{body})\s*(?P<lai>以来)?)"
    )
    words = [
        *rel,
        *part,
        *plan,
        *window,
        *d["stock"],
        "同年",
        "当年",
        "近年来",
        "近些年",
        "截至",
        "截止",
        "自",
        "从",
        "这",
        "近",
        "过去",
    ]
    firsts = {w[0] for w in words} | set('0123456789〇零一二两三四五六七八九十“"')
    return TimexRules(
        pattern=pattern,
        candidate=re.compile("[" + re.escape("".join(sorted(firsts))) + "]"),
        relative_year=rel,
        year_part=part,
        plan=plan,
        window_days=window,
        stock=frozenset(d["stock"]),
        not_figure_periods=frozenset(d["not_figure_periods"]),
        weak_now=frozenset(d["weak_now"]),
    )


_GLUED_BEFORE = frozenset("成之以然此提目产营毕竣投后前")


def _num(text: str) -> int:
    """A month, day or year count written in digits or Chinese numerals (十二, 二〇二三); 0 if neither."""
    if text.isdigit():
        return int(text)
    try:
        return int(chinese_integer(text))
    except NumeralError:
        return 0


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


@dataclass
class _Resolved:
    first: date | None
    last: date | None
    grain: Granularity
    year: int | None  # the year it speaks of, for later 同年 / 全年 / month-only expressions


def _resolve(m: re.Match[str], ref: Reference | None, context_year: int | None) -> _Resolved | None:
    """Dates of a match; a date outside the calendar (year 0, 2月30日) leaves them unknown."""
    try:
        return _resolve_dates(m, ref, context_year)
    except (ValueError, OverflowError):
        return _Resolved(None, None, _grain_of(m), None)


def _grain_of(m: re.Match[str]) -> Granularity:
    """The grain an expression has by its form, whether or not it can be resolved."""
    g = m.groupdict()
    if g.get("d") or g.get("mpos") in ("底", "末", "初"):
        return "day"
    if g.get("m") or g.get("m1") or g.get("fn"):
        return "month"
    if g.get("part"):
        return "quarter" if "季" in g["part"] else "half_year" if "半年" in g["part"] else "year"
    if g.get("yr1") or g.get("years") or g.get("plan"):
        return "years"
    if g.get("stock"):
        return "day"
    if g.get("window"):
        return "window"
    return "year"


def _resolve_dates(m: re.Match[str], ref: Reference | None, context_year: int | None) -> _Resolved | None:
    r = rules()
    g = m.groupdict()
    if g["plan"]:
        a, b = r.plan[g["planname"]]
        return _Resolved(date(a, 1, 1), date(b, 12, 31), "years", b)
    if g["stock"]:
        return _Resolved(None, ref.last_day if ref else None, "day", ref.year if ref else None)
    if g["window"]:
        if ref is None or ref.day is None:
            return _Resolved(None, None, "window", None)
        end = ref.last_day
        return _Resolved(end - timedelta(days=r.window_days[g["window"]]), end, "window", ref.year)
    if g["years"]:
        n = _num(g["ny"] or g["ny2"])
        if ref is None or n < 1:
            return _Resolved(None, None, "years", None)
        last_full = ref.year - 1
        return _Resolved(date(last_full - n + 1, 1, 1), date(last_full, 12, 31), "years", last_full)
    if g["recent"]:
        return _Resolved(None, None, "years", None)
    if not g["main"] or not any(g[k] for k in ("yr1", "year", "rel", "part", "m1", "m", "fn")):
        return None
    if g["yr1"]:
        a, b = int(g["yr1"]), int(g["yr2"])
        if a > b:
            return _Resolved(None, None, "years", None)
        return _Resolved(date(a, 1, 1), date(b, 12, 31), "years", b)
    year: int | None
    if g["year"]:
        year = _num(g["year"])
    elif g["rel"] in ("同年", "当年"):
        year = context_year if context_year is not None else (ref.year if ref else None)
    elif g["rel"]:
        year = ref.year + r.relative_year[g["rel"]] if ref else None
    else:
        year = context_year if context_year is not None else (ref.year if ref else None)
    if year is None or not 1 <= year <= 9999:
        return _Resolved(None, None, _grain_of(m), None)
    first: date
    last: date
    grain: Granularity
    if g["part"]:
        a, b = r.year_part[g["part"]]
        first, last = date(year, a, 1), _month_end(year, b)
        grain = "year" if (a, b) == (1, 12) else ("half_year" if b - a == 5 else "quarter" if b - a == 2 else "month")
        if g["part"] in ("年底", "年末", "年初"):
            grain = "month"
    elif g["m1"]:
        a, b = _num(g["m1"]), _num(g["m2"])
        year2 = int(g["y2"]) if g["y2"] else year
        if not (1 <= a <= 12 and 1 <= b <= 12) or (year2, b) < (year, a):
            return _Resolved(None, None, "month", year)
        first, last, grain = date(year, a, 1), _month_end(year2, b), "month"
    elif g["m"]:
        mo = _num(g["m"])
        if not 1 <= mo <= 12:
            return _Resolved(None, None, "month", year)
        if g["d"]:
            try:
                first = last = date(year, mo, _num(g["d"]))
                if g["d2"]:
                    last = date(year, mo, _num(g["d2"]))
            except ValueError:
                return _Resolved(None, None, "day", year)
            if last < first:
                return _Resolved(None, None, "day", year)
            grain = "day"
        else:
            first, last, grain = date(year, mo, 1), _month_end(year, mo), "month"
            pos = g["mpos"]
            if pos in ("底", "末"):
                first = last
                grain = "day"
            elif pos == "初":
                last = first
                grain = "day"
    elif g["fn"]:
        n = _num(g["fn"])
        if not 1 <= n <= 12:
            return _Resolved(None, None, "month", year)
        first, last, grain = date(year, 1, 1), _month_end(year, n), "month"
    elif g["fy"] in ("底", "末", "初") or g["rpart"]:
        a, b = r.year_part.get("年" + (g["fy"] or g["rpart"]), (12, 12))
        first, last, grain = date(year, a, 1), _month_end(year, b), "month"
    else:
        first, last, grain = date(year, 1, 1), date(year, 12, 31), "year"
    if g["until"] in ("截至", "截止", "截止到"):
        first = date(year, 1, 1)  # 截至10月底: year to date
    if g["lai"] or g["since"]:
        until = ref.last_day if ref else None
        return _Resolved(first, until if until and until >= first else None, grain, year)
    return _Resolved(first, last, grain, year)


def _scan(normalised: str, ref: Reference | None) -> list[tuple[re.Match[str], _Resolved]]:
    out: list[tuple[re.Match[str], _Resolved]] = []
    context_year: int | None = None
    tr = rules()
    pat = tr.pattern
    pos = 0
    n = len(normalised)
    while pos < n:
        c = tr.candidate.search(normalised, pos)
        if c is None:
            break
        m = pat.match(normalised, c.start())
        if m is None or m.end() == m.start():
            pos = c.start() + 1
            continue
        pos = m.end()
        before = normalised[m.start() - 1] if m.start() else ""
        if before.isdigit() or (m.group("main") and before == "第"):
            continue
        if m.group("rel") in ("后年", "前年") and before in _GLUED_BEFORE:
            continue  # 建成后年产, 提前年: 后/前 belongs to the word before
        if m.group("rel") in ("年内", "年內") and before and before in DIGITS:
            continue  # 五年内: a span of five years, not "within this year"
        res = _resolve(m, ref, context_year)
        if res is None:
            continue
        if res.year is not None and (m.group("year") or m.group("rel") or m.group("yr1")):
            context_year = res.year
        out.append((m, res))
    return out


def _period(text: str, m: re.Match[str], res: _Resolved, rule: str) -> Period:
    s, e = m.span()
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Period(
        text=text[s:e],
        start=s,
        end=e,
        rule=rule,
        first_day=res.first,
        last_day=res.last,
        granularity=res.grain,
    )


def extract_periods(text: str, published: date | str | None = None) -> list[Period]:
    """Every time expression of `text`, in order, resolved against `published` where relative."""
    ref = Reference.of(published)
    n = normalise(text)
    return [_period(text, m, res, f"timex.{m.lastgroup or 'main'}") for m, res in _scan(n, ref)]


def parse_period(text: str, published: date | str | None = None) -> Period:
    """Read a string that is one time expression ("2023年1—10月", "去年", "截至目前").

    Returns a `Period` whose dates are None when it cannot be resolved (an unknown word, or a
    relative expression without `published`); never raises on the text itself.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_period expects a str, got {type(text).__name__}")
    found = extract_periods(text, published)
    stripped = text.strip()
    best = max(found, key=lambda p: p.end - p.start, default=None)
    if best is None:
        s = text.index(stripped) if stripped else 0
        return Period(text=stripped, start=s, end=s + len(stripped), rule="timex.unknown")
    return best
