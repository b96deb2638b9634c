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
from functools import cache, lru_cache

from lhasa_news.data import load
from lhasa_news.models import Granularity, Period, check_published
from lhasa_news.recognize.numbers import DIGITS, NumeralError, chinese_integer
from lhasa_news.text.normalise import normalised_for
from lhasa_news.text.wordregex import alternation as _alt


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
        return _reference_of_text(published)

    @property
    def last_day(self) -> date:
        """The last day the publication date can mean (2024-01 → 2024-01-31)."""
        if self.month is None:
            return date(self.year, 12, 31)
        if self.day is None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, self.month, self.day)


@lru_cache(maxsize=256)
def _reference_of_text(published: str) -> Reference | None:
    """`Reference.of` a date string, read once per date rather than once per page (a corpus has few)."""
    text = check_published(published.strip())
    if text is None:  # pragma: no cover - check_published returns its input
        return None
    parts = [int(p) for p in text.split("-")]
    return Reference(parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)


@dataclass(frozen=True)
class TimexRules:
    pattern: re.Pattern[str]
    locator: re.Pattern[str]
    relative_year: dict[str, int]
    year_part: dict[str, tuple[int, int]]
    plan: dict[str, tuple[int, int]]
    window_days: dict[str, int]
    stock: frozenset[str]
    not_figure_periods: frozenset[str]
    weak_now: frozenset[str]


_NUMERALS = "0123456789〇零一二两三四五六七八九十"


def _opt(part: str) -> str:
    """`part` or nothing, `part` tried first: what `(?:part)?` means, written as an alternation
    because `re` runs `?` on a group as a loop that saves and restores the marks of every capture
    group at each step, a third of the cost of trying `pattern` at a place."""
    return f"(?:{part}|)"


def _locator(candidates: set[str], words: list[str], plans: list[str], count: str) -> re.Pattern[str]:
    """Where `pattern` is worth trying: a candidate character where one of its parts can begin.

    Every part of the `main` alternative is optional, so `pattern` matches (empty) anywhere, and
    trying it at each candidate character is slow. This holds wherever a part can begin, and at a
    few more places (it may say yes too often, never too rarely): a word, a quoted plan, counted
    years or months, and a number that 年, 月 or a range dash follows after at most four numerals
    (the longest a year, month or count of `pattern` has). Keep it in step with `pattern`.
    """
    starts: dict[str, set[str]] = {}  # first character -> what may follow it
    for w in words:
        starts.setdefault(w[0], set()).add(re.escape(w[1:]))
    for quote in '“"':
        starts.setdefault(quote, set()).add(f"(?:{_alt(plans)})")
    for word in ("近", "这", "过去"):
        starts.setdefault(word[0], set()).add(rf"{word[1:]}(?:{count})\s*年")
    starts.setdefault("前", set()).add(rf"\s*(?:{count})\s*个月")
    for n in _NUMERALS:
        starts.setdefault(n, set()).add(r"[\d〇零一二两三四五六七八九十]{0,3}+\s*+[年月—\-~～至到]")
    # One branch per first character, each opening with it: the regex engine then scans for those
    # characters alone and rejects a branch on its first character. Only a candidate character can
    # start an expression; a word that is a bare first character needs nothing after it.
    return re.compile(
        "|".join(
            re.escape(c) if "" in rest else f"{re.escape(c)}(?:{'|'.join(sorted(rest))})"
            for c, rest in sorted(starts.items())
            if c in candidates
        )
    )


@cache
def rules() -> TimexRules:
    d = load("timex")
    rel = dict(d["relative_year"])
    part = {k: (int(v[0]), int(v[1])) for k, v in d["year_part"].items()}
    plan = {k: (int(v[0]), int(v[1])) for k, v in d["plan"].items()}
    window = {k: int(v) for k, v in d["window_days"].items()}
    num = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])"
    day = r"(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
    count = r"\d{1,2}|[一二两三四五六七八九十]{1,2}"
    fy = _opt("(?P<fy>度|底|末|初)")
    year = rf"(?P<year>(?:1[89]|20)\d{{2}}|[〇零一二三四五六七八九]{{4}})\s*年{fy}"
    y2 = _opt(r"(?P<y2>(?:1[89]|20)\d{2})\s*年")
    month_range = rf"(?P<m1>{num})\s*{_opt('月份?')}\s*[—\-~～至到]\s*{y2}\s*(?P<m2>{num})\s*月份?"
    d2 = _opt(rf"\s*[—\-~～至到]\s*(?P<d2>{day})\s*[日号]")
    mpos = _opt("(?P<mpos>底|末|初|上旬|中旬|下旬)")
    days = _opt(rf"(?P<d>{day})\s*[日号]{d2}")
    month = rf"(?P<m>{num})\s*月份?\s*{days}{mpos}"
    until = "截至|截止到|截止|到"
    first_n = r"前\s*(?P<fn>\d{1,2}|[一二两三四五六七八九十]{1,2})\s*个月"
    relative = f"(?P<rel>{_alt(rel)}|同年|当年){_opt('(?P<rpart>底|末|初)')}"
    body = (
        rf"(?P<yr1>(?:1[89]|20)\d{{2}})\s*年?\s*(?:至|到|—|-|~)\s*(?P<yr2>(?:1[89]|20)\d{{2}})\s*年(?:度)?"
        rf"|{_opt(f'{year}|{relative}')}\s*"
        rf"{_opt(f'(?P<part>{_alt(part)})|{month_range}|{month}|{first_n}')}"
    )
    main = rf"{_opt(f'(?P<until>{until})')}\s*{_opt('(?P<since>自|从)')}\s*(?:{body})\s*{_opt('(?P<lai>以来)')}"
    pattern = re.compile(
        rf"(?P<plan>[“\"]?(?P<planname>{_alt(plan)})[”\"]?\s*{_opt('期间|时期|以来')})"
        rf"|(?P<stock>(?:截至|截止|截止到)\s*目前|{_alt(list(d['stock']))})"
        rf"|(?P<window>{_alt(window)})"
        rf"|(?P<years>{_opt('近|这|过去')}(?P<ny>{count})\s*年(?:来|间|以来)"
        rf"|这(?P<ny2>{count})\s*年)"
        rf"|(?P<recent>近年来|近些年)"
        rf"|(?P<main>{main})"
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
    expressions = [*rel, "同年", "当年", *part, *plan, *window, *d["stock"], "近年来", "近些年", *until.split("|")]
    locator = _locator(firsts, [*expressions, "自", "从", "以来"], list(plan), count)
    return TimexRules(
        pattern=pattern,
        locator=locator,
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


@dataclass(slots=True)
class _Resolved:
    first: date | None
    last: date | None
    grain: Granularity
    year: int | None  # the year it speaks of, for later 同年 / 全年 / month-only expressions


def _resolve(m: re.Match[str], ref: Reference | None, context_year: int | None) -> _Resolved | None:
    """Dates of a match; a date outside the calendar (year 0, 2月30日) leaves them unknown."""
    try:
        if m.lastgroup == "main":
            return _resolve_main(m, ref, context_year)
        return _resolve_word(m, ref)
    except (ValueError, OverflowError):
        return _Resolved(None, None, _grain_of(m), None)


# Groups are read one by one (g["d"]): m.groupdict() would build all thirty of them for every match.


def _grain_of(g: re.Match[str]) -> Granularity:
    """The grain an expression has by its form, whether or not it can be resolved."""
    if g["d"] or g["mpos"] in ("底", "末", "初"):
        return "day"
    if g["m"] or g["m1"] or g["fn"]:
        return "month"
    part = g["part"]
    if part:
        return "quarter" if "季" in part else "half_year" if "半年" in part else "year"
    if g["yr1"] or g["years"] or g["plan"]:
        return "years"
    if g["stock"]:
        return "day"
    if g["window"]:
        return "window"
    return "year"


def _resolve_word(m: re.Match[str], ref: Reference | None) -> _Resolved:
    """A five-year plan, a stock word, a window before publication, or a count of recent years.

    `m.lastgroup` names the alternative of `pattern` that matched (the enclosing group closes last).
    """
    r = rules()
    kind = m.lastgroup
    if kind == "plan":
        a, b = r.plan[m["planname"]]
        return _Resolved(date(a, 1, 1), date(b, 12, 31), "years", b)
    if kind == "stock":
        return _Resolved(None, ref.last_day if ref else None, "day", ref.year if ref else None)
    if kind == "window":
        if ref is None or ref.day is None:
            return _Resolved(None, None, "window", None)
        end = ref.last_day
        return _Resolved(end - timedelta(days=r.window_days[m["window"]]), end, "window", ref.year)
    if kind == "years":
        n = _num(m["ny"] or m["ny2"])
        if ref is None or n < 1:
            return _Resolved(None, None, "years", None)
        last_full = ref.year - 1
        return _Resolved(date(last_full - n + 1, 1, 1), date(last_full, 12, 31), "years", last_full)
    return _Resolved(None, None, "years", None)  # recent


def _resolve_main(g: re.Match[str], ref: Reference | None, context_year: int | None) -> _Resolved | None:
    """A date or period built of a year (absolute or relative), a part of it, months and days."""
    yr1, year_text, rel, part, m1, mo_text, fn = g.group("yr1", "year", "rel", "part", "m1", "m", "fn")
    if not (yr1 or year_text or rel or part or m1 or mo_text or fn):
        return None
    r = rules()
    if yr1:
        a, b = int(yr1), int(g["yr2"])
        if a > b:
            return _Resolved(None, None, "years", None)
        return _Resolved(date(a, 1, 1), date(b, 12, 31), "years", b)
    year: int | None
    if year_text:
        year = _num(year_text)
    elif rel in ("同年", "当年"):
        year = context_year if context_year is not None else (ref.year if ref else None)
    elif rel:
        year = ref.year + r.relative_year[rel] if ref else None
    else:
        year = context_year if context_year is not None else (ref.year if ref else None)
    if year is None or not 1 <= year <= 9999:
        return _Resolved(None, None, _grain_of(g), None)
    first: date
    last: date
    grain: Granularity
    if part:
        a, b = r.year_part[part]
        first, last = date(year, a, 1), _month_end(year, b)
        grain = "year" if (a, b) == (1, 12) else ("half_year" if b - a == 5 else "quarter" if b - a == 2 else "month")
        if part in ("年底", "年末", "年初"):
            grain = "month"
    elif m1:
        a, b = _num(m1), _num(g["m2"])
        year2 = int(g["y2"]) if g["y2"] else year
        if not (1 <= a <= 12 and 1 <= b <= 12) or (year2, b) < (year, a):
            return _Resolved(None, None, "month", year)
        first, last, grain = date(year, a, 1), _month_end(year2, b), "month"
    elif mo_text:
        mo = _num(mo_text)
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
    elif fn:
        n = _num(fn)
        if not 1 <= n <= 12:
            return _Resolved(None, None, "month", year)
        first, last, grain = date(year, 1, 1), _month_end(year, n), "month"
    elif g["fy"] in ("底", "末", "初") or g["rpart"]:
        a, b = r.year_part.get("年" + (g["fy"] or g["rpart"]), (12, 12))
        first, last, grain = date(year, a, 1), _month_end(year, b), "month"
    else:
        first, last, grain = date(year, 1, 1), date(year, 12, 31), "year"
    until_word, lai, since = g.group("until", "lai", "since")
    if until_word in ("截至", "截止", "截止到"):
        first = date(year, 1, 1)  # 截至10月底: year to date
    if lai or since:
        until = ref.last_day if ref else None
        return _Resolved(first, until if until and until >= first else None, grain, year)
    return _Resolved(first, last, grain, year)


def _scan(normalised: str, ref: Reference | None) -> list[tuple[re.Match[str], _Resolved]]:
    out: list[tuple[re.Match[str], _Resolved]] = []
    context_year: int | None = None
    tr = rules()
    pattern, locator = tr.pattern, tr.locator
    pos = 0
    while (c := locator.search(normalised, pos)) is not None:
        start = c.start()
        m = pattern.match(normalised, start)
        if m is None or m.end() == start:
            pos = start + 1  # `locator` said yes too soon: nothing starts here after all
            continue
        pos = m.end()
        before = normalised[start - 1] if start else ""
        rel = m["rel"]
        if before.isdigit() or (before == "第" and m.lastgroup == "main"):
            continue
        if rel in ("后年", "前年") and before in _GLUED_BEFORE:
            continue  # 建成后年产, 提前年: 后/前 belongs to the word before
        if rel in ("年内", "年內") and before and before in DIGITS:
            continue  # 五年内: a span of five years, not "within this year"
        res = _resolve(m, ref, context_year)
        if res is None:
            continue
        if res.year is not None and (rel or m["year"] or m["yr1"]):
            context_year = res.year
        out.append((m, res))
    return out


def _period(text: str, m: re.Match[str], res: _Resolved) -> Period:
    """The `Period` of a match, its span without the spaces at either end.

    Built without validation: its text is a slice of the page, its dates were made by `_resolve`
    in order (first day before last), its grain is one of the model's."""
    s, e = m.span()
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Period.trusted(
        text=text[s:e],
        start=s,
        end=e,
        rule=f"timex.{m.lastgroup or 'main'}",
        first_day=res.first,
        last_day=res.last,
        granularity=res.grain,
    )


def extract_periods(text: str, published: date | str | None = None, *, normalised: str | None = None) -> list[Period]:
    """Every time expression of `text`, in order, resolved against `published` where relative.

    `normalised`: `normalise(text)` when the caller already has it."""
    ref = Reference.of(published)
    n = normalised_for(text, normalised)
    return [_period(text, m, res) for m, res in _scan(n, ref)]


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
