"""Events: what was organised (a course that ends, a dividend ceremony, an inspection, a fair).

A trigger word of data/events.toml names the event and its type. Common nouns among the triggers
(活动, 宣传, 会议) count only with a name of their own right before them (“招商引资下午茶”活动,
第二届…市集活动); the same trigger in one article is one event. Around the trigger, in its
sentence: the title (a quoted name, 第N届…, or 2023年度…仪式), organisers by role (由X主办，Y协办，
Z承办; else the article's kicker or the organisation opening the sentence), the place (在X举行),
the time (the time expression of the sentence) and, for courses and fairs, the number of
participants (共有40名学员).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from lhasa_news.data import load
from lhasa_news.models import Article, Event, EventType, Figure, Period

_HAN = "\u3400-\u9fff"
_SENTENCE_END = "。！？!?\n"
_FAIR_NAMES = ("博会", "洽会")  # 藏博会, 西洽会: the trigger is the fair's own name
_PARTICIPANT_ITEMS = ("名", "人", "学员", "人次", "位", "户", "技能能手", "牧民", "群众", "农牧民", "选手")


@dataclass(frozen=True)
class EventRules:
    triggers: re.Pattern[str]
    type_of: dict[str, EventType]
    needs_title: frozenset[str]
    not_yet: tuple[str, ...]
    roles: dict[str, str]
    role_pattern: re.Pattern[str]


@cache
def rules() -> EventRules:
    d = load("events")
    type_of: dict[str, EventType] = {}
    for kind, words in d["types"].items():
        for w in words:
            type_of.setdefault(w, kind)
    ordered = sorted(type_of, key=len, reverse=True)
    roles = dict(d["roles"])
    role_alt = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    return EventRules(
        triggers=re.compile("|".join(re.escape(w) for w in ordered)),
        type_of=type_of,
        needs_title=frozenset(d["needs_title"]),
        not_yet=tuple(d["not_yet"]),
        roles=roles,
        role_pattern=re.compile(rf"(?:由)?(?P<who>[^，,。；;由]{{2,60}}?)(?P<role>{role_alt})"),
    )


_QUOTED_BEFORE = re.compile(
    rf"(第[{_HAN}0-9一二三四五六七八九十]+届)?“[^“”]{{1,40}}”[{_HAN}]{{0,12}}(?:暨[{_HAN}]{{1,12}})?$"
)
_ORDINAL_BEFORE = re.compile(rf"第[0-9一二三四五六七八九十]+届[{_HAN}·“”]{{0,30}}$")
_YEAR_BEFORE = re.compile(rf"\d{{4}}年度?[{_HAN}、]{{0,30}}$")
_PLACE_AFTER_ZAI = re.compile(rf"在([{_HAN}A-Za-z0-9]{{2,20}}?)(?:举行|举办|开展|开幕|召开|启动|进行)")
_ORG_AT_START = re.compile(
    rf"^[{_HAN}]{{2,20}}?(?:总工会|工会|社区|实践站|合作社|公司|集团|局|委员会|管委会|政府|村|镇|乡|区|县|市)"
)


def _sentence(ends: list[int], pos: int, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around `pos` from the page's sentence ends (found once, searched by bisection)."""
    k = bisect_right(ends, pos - 1)
    a = ends[k - 1] + 1 if k > 0 else 0
    b = ends[k] if k < len(ends) else hi
    return max(a, lo, pos - 600), min(b, hi, pos + 600)


_VERBS = re.compile(r"(?:举行|举办|开展|召开|启动|组织|近日|日前|了|在)")
_NAMED_RUN = re.compile(rf"[{_HAN}]{{2,20}}$")
_NAMED_KINDS = frozenset({"campaign", "ceremony"})


def _title(n: str, s_start: int, t_start: int, t_end: int, kind: str) -> tuple[int, int, bool] | None:
    """The event's own name: a quoted name, 第N届…, 2023年度…, or (for campaigns and ceremonies)
    the name that opens the clause (平安山南建设宣传日集中宣传活动)."""
    before = n[s_start:t_start]
    for rx in (_QUOTED_BEFORE, _ORDINAL_BEFORE, _YEAR_BEFORE):
        m = rx.search(before)
        if m:
            start = s_start + m.start()
            if rx is not _QUOTED_BEFORE:
                verbs = list(_VERBS.finditer(n, start, t_start))
                if verbs:
                    start = verbs[-1].end()
            return (start, t_end, True) if t_start - start >= 2 else None
    if kind in _NAMED_KINDS:
        clause = max(n.rfind(c, s_start, t_start) for c in "，,；;：:")
        a = max(clause + 1, s_start)
        verbs = list(_VERBS.finditer(n, a, t_start))
        if verbs:
            a = verbs[-1].end()
        run = _NAMED_RUN.search(n, a, t_start)
        if run and run.start() == a:
            return a, t_end, False
    return None


def build_events(
    text: str, normalised: str, articles: list[Article], periods: list[Period], figures: list[Figure]
) -> list[Event]:
    """Events of every article, in page order."""
    r = rules()
    n = normalised
    period_starts = [p.start for p in periods]
    ends = [i for i, c in enumerate(n) if c in _SENTENCE_END]
    by_article: dict[int, list[Figure]] = {}
    for f in figures:
        if f.article is not None and f.quantity.unit == "count":
            by_article.setdefault(f.article, []).append(f)
    events: list[Event] = []
    for k, art in enumerate(articles):
        seen: set[tuple[str, str]] = set()
        body_start = art.paragraphs[0].pieces[0].start if art.paragraphs else art.start
        for m in r.triggers.finditer(n, body_start, art.end):
            word = m.group()
            s_start, s_end = _sentence(ends, m.start(), art.start, art.end)
            if word.endswith("培训班") and n.startswith(("结业", "开班", "开学"), m.end()):
                continue  # 培训班结业: the event word is the one that follows
            title = _title(n, s_start, m.start(), m.end(), r.type_of[word])
            if word in r.needs_title and (title is None or not title[2]):
                continue
            if n[m.end() : m.end() + 1] in ("中", "的") and title is None:
                continue  # 活动中, 检查的: the word as a noun of the sentence
            if any(w in n[s_start : m.start()] for w in r.not_yet):
                continue  # 预计5月底正式并网发电: not yet an event
            kind = r.type_of[word]
            trigger = text[m.start() : m.end()]
            key = (kind, trigger) if title is not None or word.endswith(_FAIR_NAMES) else (kind, "")
            if key in seen or (kind, trigger) in seen:
                continue  # one untitled event of a kind per article: 培训班 … 结业 is one course
            seen.add(key)
            seen.add((kind, trigger))
            span = (title[0], title[1]) if title else (m.start(), m.end())
            events.append(
                Event(
                    text=text[span[0] : span[1]],
                    start=span[0],
                    end=span[1],
                    rule="event.trigger",
                    type=kind,
                    trigger=trigger,
                    title=text[title[0] : title[1]]
                    if title
                    else (trigger if word.endswith(("博会", "洽会")) else None),
                    organizers=_organizers(text, n, s_start, m.start(), art, r),
                    location=_location(text, n, s_start, s_end),
                    when=_when(periods, period_starts, s_start, m.start()),
                    participants=_participants(by_article.get(k, []), m.start(), kind),
                    article=k,
                )
            )
    return _drop_inside_titles(events)


def _drop_inside_titles(events: list[Event]) -> list[Event]:
    """A trigger inside another event's title is part of that name (…艺术节招商引资推介会)."""
    titled = sorted((e.start, e.end) for e in events if e.title and e.end - e.start > len(e.trigger))
    starts = [a for a, _ in titled]
    out = []
    for e in events:
        k = bisect_right(starts, e.start)
        inside = any(a <= e.start and e.end <= b and (a, b) != (e.start, e.end) for a, b in titled[max(0, k - 8) : k])
        if not inside:
            out.append(e)
    return out


def _organizers(text: str, n: str, s_start: int, t_start: int, art: Article, r: EventRules) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in r.role_pattern.finditer(n, s_start, t_start):
        who = [w for w in text[m.start("who") : m.end("who")].strip("由，, ").split("、") if w]
        out.setdefault(r.roles[m.group("role")], []).extend(who)
    if out:
        return out
    if art.kicker and _ORG_AT_START.match(art.kicker):
        return {"by": [art.kicker]}
    org = _ORG_AT_START.match(n, s_start, t_start)
    return {"by": [text[org.start() : org.end()]]} if org else {"by": []}


def _location(text: str, n: str, s_start: int, s_end: int) -> str | None:
    m = _PLACE_AFTER_ZAI.search(n, s_start, s_end)
    return text[m.start(1) : m.end(1)] if m else None


def _when(periods: list[Period], starts: list[int], s_start: int, t_start: int) -> Period | None:
    hi = bisect_right(starts, t_start)
    for p in reversed(periods[max(0, hi - 6) : hi]):
        if p.start >= s_start and p.end <= t_start:
            return p
        if p.start < s_start:
            break
    return None


def _participants(counts: list[Figure], after: int, kind: str) -> int | None:
    """The number of people of a course or fair: the first count of people near the trigger, else
    the first of its article (a course's lead often says 55名牧民 before naming the 培训班)."""
    if kind not in ("training", "exhibition", "meeting"):
        return None
    people = [f for f in counts if f.quantity.value is not None and _is_people(f)]
    starts = [f.quantity.start for f in people]
    for f in people[bisect_right(starts, after - 200) :]:
        if f.quantity.start > after + 400:
            break
        return int(f.quantity.value)  # type: ignore[arg-type]
    return int(people[0].quantity.value) if people else None  # type: ignore[arg-type]


def _is_people(f: Figure) -> bool:
    return (f.quantity.item or "") in _PARTICIPANT_ITEMS or (f.metric or "").endswith(_PARTICIPANT_ITEMS)
