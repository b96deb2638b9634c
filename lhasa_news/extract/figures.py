"""Quantities into figures: what each one measures, whose it is, when, and whether it happened.

Scopes follow the way a news sentence is built: a time expression at the head of a clause governs
the figures after it to the end of the sentence (2023年1—10月，拉萨市…251.06亿元，固定资产投资110.46
亿元); a status word (预计, 力争, 计划…) does the same; the metric is the noun phrase right before the
figure in its clause, trimmed of verbs and qualifiers, and a growth or share figure takes the metric
of the figure it changes (进出口总额 … 同比增长192.54%). The words live in data/figures.toml.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lhasa_news.data import load
from lhasa_news.extract.subjects import Subjects
from lhasa_news.models import Article, Figure, Period, Quantity, Repair, Status
from lhasa_news.recognize.entities import Entity, canonical_place
from lhasa_news.recognize.timex import rules as timex_rules

_REACH = 600  # no sentence of a newspaper is longer; keeps the scan linear on any input
_SENTENCE_MARKS = "。！？!?\n"
_CLAUSE_MARKS = "，,；;：:、" + _SENTENCE_MARKS
_CLAUSE_END = re.compile(f"[{re.escape(_CLAUSE_MARKS)}]")
_CLAUSE_END_AFTER = re.compile(f"[{re.escape(_CLAUSE_MARKS.replace('、', ''))}]")  # after a figure, A、B goes on
# on the reversed page from a figure: back to its clause start (group 1), then on to its sentence start
_BACK_TO_STARTS = re.compile(f"([^{re.escape(_CLAUSE_MARKS)}]*)[^{re.escape(_SENTENCE_MARKS)}]*")
_LINE_END = re.compile("\n")
_NOT_GOVERNING_BEFORE = frozenset("比较同与于待")
_DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})


@dataclass(frozen=True)
class FigureRules:
    target: tuple[str, ...]
    projected: tuple[str, ...]
    not_markers: tuple[str, ...]
    target_after: tuple[str, ...]
    strip_head: tuple[str, ...]
    strip_tail: tuple[str, ...]
    relative_heads: tuple[str, ...]


def _longest(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@cache
def rules() -> FigureRules:
    d = load("figures")
    return FigureRules(
        target=_longest(d["target_markers"]),
        projected=_longest(d["projected_markers"]),
        not_markers=_longest(d["not_markers"]),
        target_after=_longest(d["target_after"]),
        strip_head=_longest(d["metric_strip_head"]),
        strip_tail=_longest(d["metric_strip_tail"]),
        relative_heads=_longest(d["relative_heads"]),
    )


class _Text:
    """The normalised page with the boundaries that repairs removed (a join is no line end).

    A unit's start is the first end mark found searching the reversed page from the figure, and
    its end the first found searching forward: one bounded regex search per lookup, instead of
    listing every mark of the page (most pages have far more marks than figures). The searches
    run on a copy with the joined breaks blanked out, so they never stop at one."""

    def __init__(self, n: str, joined: bytearray, original: str) -> None:
        self.n = n
        self.orig = original
        self.joined = joined
        self.has_joins = joined.find(1) >= 0
        self.marked = _blank_joins(n, joined) if self.has_joins else n
        self.reversed = self.marked[::-1]
        self.same = n == original  # then the printed characters need no slicing of their own
        self.governs: dict[tuple[int, int], bool] = {}  # (period index, sentence start) → _governs

    def back(self, pos: int, marks: re.Pattern[str], floor: int = 0) -> int:
        """Start of the unit (sentence, clause) holding `pos`; at most _REACH characters back."""
        lo = max(floor, pos - _REACH, 0)
        size = len(self.n)
        m = marks.search(self.reversed, size - pos, size - lo)  # self.reversed[size - 1 - x] is self.n[x]
        return lo if m is None else size - m.start()

    def starts(self, pos: int) -> tuple[int, int]:
        """Starts of the sentence and of the clause holding `pos`, as `back` finds them, by one match."""
        lo = max(pos - _REACH, 0)
        size = len(self.n)
        m = _BACK_TO_STARTS.match(self.reversed, size - pos, size - lo)
        assert m is not None  # the pattern matches the empty string
        sentence, clause = m.end(), m.end(1)  # where the marks are on the reversed page, if before size - lo
        return (size - sentence if sentence < size - lo else lo), (size - clause if clause < size - lo else lo)

    def forward(self, pos: int, marks: re.Pattern[str]) -> int:
        """End of the unit holding `pos`; at most _REACH characters on."""
        hi = min(pos + _REACH, len(self.n))
        m = marks.search(self.marked, pos, hi)
        return hi if m is None else m.start()

    def span_text(self, a: int, b: int) -> str:
        """Text between a and b without the whitespace of joined breaks."""
        if self.has_joins and self.joined.find(1, a, b) >= 0:
            return self.span_pair(a, b).norm
        return self.n[a:b].replace(" ", "")

    def span_pair(self, a: int, b: int) -> Words:
        """Like `span_text`, with the same characters as printed alongside (traditional stays so)."""
        if not self.has_joins or self.joined.find(1, a, b) < 0:
            return self._unspaced(a, b)
        parts, x = [], a
        for run in _JOIN_RUN.finditer(self.joined, a, b):  # the pieces between joined breaks
            parts.append(self._unspaced(x, run.start()))
            x = run.end()
        parts.append(self._unspaced(x, b))
        return Words("".join(p.norm for p in parts), "".join(p.orig for p in parts))

    def _unspaced(self, a: int, b: int) -> Words:
        """Text between a and b without spaces (a range without joined breaks)."""
        norm = self.n[a:b]
        if " " not in norm:
            return Words(norm, norm if self.same else self.orig[a:b])
        kept = norm.replace(" ", "")
        if self.same:
            return Words(kept, kept)
        orig, pieces, i = self.orig[a:b], [], 0
        for piece in norm.split(" "):
            pieces.append(orig[i : i + len(piece)])
            i += len(piece) + 1
        return Words(kept, "".join(pieces))


_JOIN_RUN = re.compile(rb"\x01\x01*")  # written so, `re` skips to each \x01 (with `\x01+` it tries every byte)


def _blank_joins(n: str, joined: bytearray) -> str:
    """`n` with the characters of joined breaks replaced by NUL, which ends no unit."""
    pieces = []
    pos = 0
    for run in _JOIN_RUN.finditer(joined, 0, len(n)):
        pieces += [n[pos : run.start()], "\0" * (run.end() - run.start())]
        pos = run.end()
    pieces.append(n[pos:])
    return "".join(pieces)


class Words:
    """A normalised string and the same characters as printed (always of one length): trimmed in
    step. A plain slotted class: these are made several times per figure."""

    __slots__ = ("norm", "orig")

    def __init__(self, norm: str, orig: str) -> None:
        self.norm = norm
        self.orig = orig

    def cut(self, a: int, b: int | None = None) -> Words:
        return Words(self.norm[a:b], self.orig[a:b])

    def __add__(self, other: Words) -> Words:
        return Words(self.norm + other.norm, self.orig + other.orig)


def _marker_status(text: str) -> Status | None:
    """What the last status marker in `text` says; None if there is none.

    Most sentences have none: one `search` answers for them, and the words that block a marker
    (认可, 将近…) are only looked for when there is one."""
    markers = _markers()
    first = markers.words.search(text)
    if first is None:
        return None
    hits = list(markers.words.finditer(text, first.start()))
    blocked = [m.span() for m in markers.blocked.finditer(text)]
    for m in reversed(hits):
        at = m.start()
        if blocked and any(a <= at < b for a, b in blocked):
            continue
        if m.group() == "将" and (text[m.end() : m.end() + 1] or "0") in _NUMERAL_START:
            continue  # 将300万元分红资金发放到…: 将 marks the object here, not the future
        return "target" if m.group() in markers.target else "projected"
    return None


_NUMERAL_START = frozenset("0123456789一二两三四五六七八九十百千万")


@dataclass(frozen=True)
class _Markers:
    words: re.Pattern[str]  # target words first: a word in both lists is a target
    target: frozenset[str]
    blocked: re.Pattern[str]


@cache
def _markers() -> _Markers:
    """One alternation of plain words for all markers: named groups would keep `re` from
    skipping ahead to the characters a marker can start with (four times slower)."""
    r = rules()

    def alt(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    words = re.compile(f"{alt(r.target)}|{alt(r.projected)}")
    return _Markers(words, frozenset(r.target), re.compile(alt(r.not_markers)))


_QUOTES = "“”\"'（）()《》 —-"


@dataclass(frozen=True)
class _Strippers:
    heads: re.Pattern[str]
    tails: re.Pattern[str]
    head_first: frozenset[str]  # the characters a trimmed head starts with
    tail_last: frozenset[str]  # the characters a trimmed tail ends with, and "\n" (where `$` also matches)
    first: frozenset[str]  # the characters any trimming starts with: head_first and the quotes
    last: frozenset[str]  # the characters any trimming ends with: tail_last and the quotes


_QUOTE_CHARS = frozenset(_QUOTES)


def _strip(words: Words, strippers: _Strippers) -> Words:
    """Trim connectives, verbs and qualifiers off both ends (data/figures.toml).

    Works on the normalised string and an offset, and cuts `words` once at the end. A pattern is
    only tried when the end it trims could start or end one of its words (most ends cannot); when
    neither end can (six calls in ten, with the empty ones), nothing else is done."""
    s = words.norm
    if not s or (s[0] not in strippers.first and s[-1] not in strippers.last):
        return words
    heads, tails = strippers.heads, strippers.tails
    a = 0  # s == words.norm[a : a + len(s)]
    changed = True
    while changed and s:
        changed = False
        if s[0] in _QUOTE_CHARS or s[-1] in _QUOTE_CHARS:
            a += len(s) - len(s.lstrip(_QUOTES))
            s, changed = s.strip(_QUOTES), True
        m = heads.match(s) if s[:1] in strippers.head_first else None
        if m:
            a += m.end()
            s, changed = s[m.end() :], True
        m = tails.search(s) if s[-1:] in strippers.tail_last else None
        if m and m.start() > 0:
            s, changed = s[: m.start()], True
    if len(s) == len(words.norm):
        return words
    return words.cut(a, a + len(s))


@cache
def _strippers(extra_heads: tuple[str, ...] = ()) -> _Strippers:
    r = rules()
    heads = sorted(set(extra_heads + r.strip_head), key=len, reverse=True)
    tails = sorted(set(r.strip_tail), key=len, reverse=True)
    return _Strippers(
        re.compile("(?:" + "|".join(map(re.escape, heads)) + ")"),
        re.compile("(?:" + "|".join(map(re.escape, tails)) + ")$"),
        frozenset(w[0] for w in heads),
        frozenset("\n") | {w[-1] for w in tails},
        _QUOTE_CHARS | {w[0] for w in heads},
        _QUOTE_CHARS | {"\n"} | {w[-1] for w in tails},
    )


@dataclass(slots=True)
class _Context:
    """What the figure before says to the next one; updated in place from figure to figure."""

    metric: str | None = None
    period: Period | None = None
    sentence: int = -1
    end: int = -1


def build_figures(
    text: str,
    normalised: str,
    quantities: list[Quantity],
    periods: list[Period],
    articles: list[Article],
    repairs: list[Repair],
    joined: bytearray | None = None,
    entities: Sequence[Entity] = (),
) -> list[Figure]:
    """One `Figure` per quantity, with metric, subject, period, status, article and same_as.

    `joined` marks the line breaks that layout repair joined (they end no sentence); `entities`
    are the page's names (`recognize.entities.extract_entities`), organisations and people among
    the subjects."""
    if joined is None:
        joined = bytearray(len(text))
        for rep in repairs:
            if rep.kind == "join":
                joined[rep.start : rep.end] = b"\x01" * (rep.end - rep.start)
    t = _Text(normalised, joined, text)
    r = rules()
    starts = [a.start for a in articles]
    ends = [a.end for a in articles]
    period_starts = [p.start for p in periods]
    figures: list[Figure] = []
    repeats = _Repeats(articles, repairs)
    ctx = _Context()
    bounds = [(a.start, a.paragraphs[0].pieces[0].start if a.paragraphs else a.start, a.end) for a in articles]
    subjects = Subjects(text, normalised, bounds, entities)
    for q in quantities:
        start, end = q.start, q.end  # a record's fields are slow to read: once each
        k = bisect_right(starts, start) - 1
        owner = k if k >= 0 and start < ends[k] else None
        s_start, c_start = t.starts(start)
        if ctx.sentence == s_start and ctx.end > c_start:
            c_start = ctx.end
        period = None if q.unit in _DURATIONS else _period(t, start, s_start, periods, period_starts, ctx)
        c_end = t.forward(end, _CLAUSE_END_AFTER)
        status = _status(t.span_text(s_start, start), t.span_text(end, c_end), r)
        subject_text, subject = subjects.of(start, s_start, owner)
        subject_name = normalised[subject[0] : subject[1]] if subject is not None else None  # as normalised
        metric = _metric(t, q, c_start, c_end, period, subject_name, ctx, s_start, r)
        figures.append(
            Figure.trusted(  # every field in declaration order: the keyword dict becomes the record's
                text=q.text,
                start=start,
                end=end,
                rule="figure.clause",
                quantity=q,
                metric=metric,
                subject=subject_text,
                subject_canonical=canonical_place(subject_text) or subject_text if subject_text else None,
                period=period,
                status=status,
                same_as=repeats.first_print(q, owner, start, metric, period),
                article=owner,
            )
        )
        ctx.metric = _base_metric(metric, ctx, s_start, r)
        ctx.period, ctx.sentence, ctx.end = period, s_start, end
    return figures


def _period(
    t: _Text, start: int, s_start: int, periods: list[Period], period_starts: list[int], ctx: _Context
) -> Period | None:
    """The last clause-initial time expression before the figure at `start` in its sentence, else
    the one carried through the paragraph (截至10月底，…。…其中…)."""
    hi = bisect_right(period_starts, start)
    for i in range(hi - 1, max(0, hi - 12) - 1, -1):
        p = periods[i]
        if p.start < s_start:
            break
        if p.end > start or (start - p.end <= 3 and t.n.startswith("的", p.end)):
            continue  # 是2013年的2.7倍: the base of a comparison
        governs = t.governs.get((i, s_start))
        if governs is None:  # the same for every figure of the sentence: decided once
            governs = t.governs[i, s_start] = _governs(t, p, s_start)
        if governs:
            return p
    if ctx.period is not None and ctx.period.start >= t.back(start, _LINE_END):
        return ctx.period
    return None


def _status(before: str, clause_after: str, r: FigureRules) -> Status:
    """The last marker before the figure in its sentence, or a goal named after it in its clause."""
    for w in r.target_after:
        i = clause_after.find(w)
        if i >= 0 and "完成" not in clause_after[:i]:
            return "target"
    return _marker_status(before) or "actual"


_NOUN_STOP = "，,。；;：:、！？!?的和与及在了把被将从对向为是也都还并而且“”《\n"
_NOUN_CHAR = "[^" + re.escape(_NOUN_STOP) + r"\x00-\u33ff\ua000-\U0010ffff]"  # a Han character, no function word
_NOUN_AFTER = re.compile(f"(?:左右|以上|以下|以内|多|余)?((?:{_NOUN_CHAR}){{0,10}})")  # 40余名学员
_ORG_SUFFIXES = ("有限公司", "公司", "集团", "专业合作社", "合作社", "控股", "资本", "酒业", "矿业")
_ORG_SUFFIX_ANY = re.compile("|".join(_ORG_SUFFIXES))
_ORG_END = re.compile(r"[\u3400-\u9fff]{2,14}?(?:" + "|".join(_ORG_SUFFIXES) + ")")
_PREP_PHRASE = re.compile(r"^(?:在|于|从|经过|通过)[^，,；;]{1,20}?(?:下|中|里|后|时|上)")
_PREP_FIRST = frozenset("在于从经通")  # the characters _PREP_PHRASE can start with
_AFTER_HEAD = ("为", "是", "系", "用于")
_COORDINATORS = "和与及或、至到"


def _after_noun(t: _Text, i: int) -> Words:
    """The noun phrase from `i`, the end of a count or duration (40名学员 → 学员; 52条招商引资政策 → …政策):
    up to 10 Han characters short of a function word or punctuation."""
    n = t.n
    while i < len(n) and (n[i] in " \u3000" or t.joined[i]):
        i += 1
    m = _NOUN_AFTER.match(n, i)
    assert m is not None  # every part of the pattern may be empty
    return t.span_pair(*m.span(1))


def _metric(
    t: _Text,
    q: Quantity,
    c_start: int,
    c_end: int,
    period: Period | None,
    subject: str | None,
    ctx: _Context,
    s_start: int,
    r: FigureRules,
) -> str | None:
    """The noun phrase a figure measures, as printed: before it in its clause, else after it.

    Each rare cut is guarded by an `in` test of its word: a record's fields and str methods with
    arguments cost far more than that here."""
    unit = q.unit
    if unit == "year" and q.text.endswith("岁"):
        return "年龄"
    if q.rule == "qty.da_noun" and q.item:
        return q.item  # 三大核心
    start = q.start
    raw = t.span_pair(c_start, start)
    if period is not None and period.start >= c_start:
        cut = raw.norm.find(t.n[period.start : period.end])
        if cut >= 0:
            raw = raw.cut(cut + (period.end - period.start))
    if "等" in raw.norm:
        raw = raw.cut(raw.norm.rfind("等") + 1)  # 虫草、雪莲等上百种 / 农机合作社等7个集体经济项目
    possessive = False
    if "有" in raw.norm or "共计" in raw.norm:
        possessive = raw.norm.endswith(("有", "共有", "拥有", "共计"))
        owns = max(raw.norm.rfind("共有"), raw.norm.rfind("拥有"))
        if 0 <= owns < len(raw.norm) - 2:
            raw = raw.cut(owns + 2)  # 嘎玛乡共有党员216名 → 党员
    completion = unit == "%" and raw.norm.lstrip(_QUOTES).startswith("完成")  # 完成年度计划的97.7%
    strippers = _strippers()
    before = _strip(raw, strippers)
    if subject is not None and before.norm.startswith(subject):
        before = _strip(before.cut(len(subject)), strippers)
    if _ORG_SUFFIX_ANY.search(before.norm):  # the suffix alone first: _ORG_END is tried from every character
        orgs = list(_ORG_END.finditer(before.norm))
        if orgs and orgs[-1].end() < len(before.norm):
            before = _strip(before.cut(orgs[-1].end()), strippers)  # …家居集团投资 → 投资
    if before.norm[:1] in _PREP_FIRST:
        prep = _PREP_PHRASE.match(before.norm)
        if prep and prep.end() < len(before.norm):
            before = _strip(before.cut(prep.end()), strippers)  # 在“党支部+合作社+农户”的模式下实现户均增收
    base = ctx.metric if ctx.sentence == s_start else None  # the metric of the sentence so far
    if completion and base:
        return _completed(raw, base)
    if base and not before.norm.strip(_COORDINATORS):
        return base  # 增幅分别为10%和12%
    if len(before.norm) > 8 and 0 <= before.norm.rfind("的") < len(before.norm) - 2:
        before = before.cut(before.norm.rfind("的") + 1)  # 新建成的德庆格桑广场占地面积 → …占地面积
    metric = before
    if unit == "count" or unit in _DURATIONS or len(before.norm) <= 2:
        after = _strip(_after_noun(t, q.end), _strippers(_AFTER_HEAD))
        if len(after.norm) >= 2:
            metric = after if possessive or not before.norm else before + after
    if len(metric.norm) < 2:
        after = _strip(t.span_pair(q.end, c_end), _strippers(_AFTER_HEAD))  # the rest of the clause
        if 2 <= len(after.norm) <= 12:
            metric = after
        elif base:
            return base
    if base and metric.norm.startswith(r.relative_heads) and not metric.orig.startswith(base):
        return base + metric.orig  # 进出口总额 … 同比增长
    return metric.orig or None


def _completed(raw: Words, base: str) -> str:
    """A completion rate's metric: the base metric and the words of its clause (…完成年度计划的)."""
    lead = len(raw.norm) - len(raw.norm.lstrip(_QUOTES))
    done = raw.norm.lstrip(_QUOTES).rstrip("的")
    return base + raw.cut(lead, len(done) + lead).orig


_RELATIVE_YEARS = frozenset({"今年", "去年", "前年", "明年", "本年", "当年", "上年"})


def _base_metric(metric: str | None, ctx: _Context, s_start: int, r: FigureRules) -> str | None:
    """The metric later growth or share figures of the sentence refer to: a relative metric
    (同比增长, or 进出口总额同比增长 built from the one before) keeps the base it was built on."""
    if not metric or metric.startswith(r.relative_heads):
        return ctx.metric
    if ctx.metric and ctx.sentence == s_start and metric.startswith(ctx.metric) and metric != ctx.metric:
        return ctx.metric
    return metric


@cache
def _not_figure_periods() -> tuple[str, ...]:
    """Time words that are no period of a statistic, as a tuple for one `str.endswith` call."""
    return tuple(sorted(timex_rules().not_figure_periods))


def _governs(t: _Text, p: Period, s_start: int) -> bool:
    """A time expression governs a sentence's figures when it opens a clause (or follows 据…，).

    The cheap tests on the period and its neighbours come first."""
    word = p.text
    if word.endswith(_not_figure_periods()):
        return False
    if p.granularity == "day" and not word.startswith(("截至", "截止")) and p.first_day is not None:
        return False  # 5月31日, 5月底: the date of an event, not the period of a statistic
    n = t.n
    de_after = n.startswith("的", p.end)
    if p.start and n[p.start - 1] in _NOT_GOVERNING_BEFORE:
        return False  # 比上年 (a comparison), 于2016年建成 (an event)
    part_of_year = p.granularity != "year" or not any(map(str.isdigit, word))
    if de_after and word not in _RELATIVE_YEARS and part_of_year:
        return False  # 全年的 (a modifier)
    if word in timex_rules().weak_now and not n.startswith(("，", ","), p.end):
        return False
    if n.find("《", s_start, p.start) >= 0:
        head = t.span_text(s_start, p.start)
        if "《" in head and "》" not in head[head.rfind("《") :]:
            return False  # inside a document title
    lead = t.span_text(t.back(p.start, _CLAUSE_END, s_start), p.start)
    return len(lead) <= 8 and "的" not in lead[-2:] and "了" not in lead[-2:]


class _Repeats:
    """For each figure in turn, the first print of it if it is printed again (headline and body, a
    caption or fragment printed twice), so that exports can drop repeats: the figures' `same_as`.

    Worked out as each figure is made, from what is kept of the ones before: setting `same_as`
    on a made figure would validate it again."""

    def __init__(self, articles: list[Article], repairs: list[Repair]) -> None:
        self.articles, self.repairs = articles, repairs
        self.reprints: _Reprints | None = None  # made when a value first comes back: most pages have few
        self.seen: dict[tuple[object, ...], list[int]] = {}  # value and article → indices of its figures
        self.prints: list[tuple[int, str | None, Period | None, int | None]] = []  # start, metric, period, same_as

    def first_print(
        self, q: Quantity, article: int | None, start: int, metric: str | None, period: Period | None
    ) -> int | None:
        """`same_as` of the next figure; it is recorded for the figures after it."""
        earlier = self.seen.setdefault((q.value, q.low, q.high, q.unit, article), [])
        found = None
        if earlier:
            if self.reprints is None:
                self.reprints = _Reprints(self.articles, self.repairs)
            for j in reversed(earlier[-20:]):
                g_start, g_metric, g_period, g_same_as = self.prints[j]
                same_metric = metric is not None and metric == g_metric and _text_of(period) == _text_of(g_period)
                if self.reprints.dropped(start) or self.reprints.headline(g_start) or same_metric:
                    found = g_same_as if g_same_as is not None else j
                    break
        earlier.append(len(self.prints))
        self.prints.append((start, metric, period, found))
        return found


class _Reprints:
    """The parts of a page that print text again: repeats that layout repair dropped, and the
    headlines of articles (their figures come back in the body)."""

    def __init__(self, articles: list[Article], repairs: list[Repair]) -> None:
        self.dups = sorted((r.start, r.end) for r in repairs if r.kind in ("drop_repeat", "drop_duplicate_block"))
        self.dup_starts = [a for a, _ in self.dups]
        self.heads = [(a.start, a.paragraphs[0].pieces[0].start) for a in articles if a.paragraphs]
        self.head_starts = [a for a, _ in self.heads]

    def dropped(self, pos: int) -> bool:
        return _inside(pos, self.dups, self.dup_starts)

    def headline(self, pos: int) -> bool:
        return _inside(pos, self.heads, self.head_starts)


def _inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _text_of(period: Period | None) -> str | None:
    return period.text if period else None


__all__ = ["build_figures"]
