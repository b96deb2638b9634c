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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property

from lhasa_news.data import load
from lhasa_news.models import Article, Event, EventType, Figure, Period
from lhasa_news.recognize.entities import gazetteer
from lhasa_news.text.sentences import SENTENCE_END, UP_TO_SENTENCE_END
from lhasa_news.text.wordregex import HAN as _HAN
from lhasa_news.text.wordregex import alternation, trie_alternation

_PARTICIPANT_ITEMS = ("名", "人", "学员", "人次", "位", "户", "技能能手", "牧民", "群众", "农牧民", "选手")


@dataclass(frozen=True)
class EventRules:
    triggers: re.Pattern[str]
    type_of: dict[str, EventType]
    needs_title: frozenset[str]
    not_yet: re.Pattern[str]
    roles: dict[str, str]
    role_pattern: re.Pattern[str]
    role_words: re.Pattern[str]
    organiser: re.Pattern[str]  # an organisation where it is matched: the longest that ends in a suffix
    place_at: re.Pattern[str]  # 在X(成功)举行: X
    place_first: re.Pattern[str]  # 在X， opening a sentence: X
    place_piece: re.Pattern[str]  # a name glued on a place (曲水县 + 聂当乡 + 热堆村)
    place_after: tuple[str, ...]  # what follows a place opening a sentence where the event is (举行, 上)
    venue_end: re.Pattern[str]  # what the X of 在X， ends in when X is where the event is
    not_places: tuple[str, ...]  # words no place starts with
    not_before: tuple[str, ...]  # 志愿服务队: a trigger before one of these is part of a name
    named_ends: tuple[str, ...]  # 藏博会, 雪顿节: a trigger that is the event's own name
    course: re.Pattern[str]  # the name of a course before its trigger (…技能培训班结业)
    course_cut: re.Pattern[str]  # the organiser and verb a course's name starts after
    course_nouns: tuple[str, ...]
    unnamed_after: tuple[str, ...]  # what is carried out (开展食品安全宣传活动) is described, not named
    title_verbs: re.Pattern[str]  # an event's name starts after the last of these before it


@cache
def rules() -> EventRules:
    d = load("events")
    type_of: dict[str, EventType] = {}
    for kind, words in d["types"].items():
        for w in words:
            type_of.setdefault(w, kind)
    roles = dict(d["roles"])
    role_alt = alternation(roles)
    stops = alternation(d["organiser_stops"])
    return EventRules(
        triggers=re.compile(trie_alternation(type_of)),  # the longest trigger at a place
        type_of=type_of,
        needs_title=frozenset(d["needs_title"]),
        not_yet=re.compile("|".join(re.escape(w) for w in d["not_yet"])),
        roles=roles,
        role_pattern=re.compile(rf"(?:由)?(?P<who>[^，,。；;由]{{2,60}}?)(?P<role>{role_alt})"),
        role_words=re.compile(role_alt),
        organiser=re.compile(
            rf"(?:{_none_of(d['organiser_stops'])}[{_HAN}]){{1,20}}(?:{alternation(d['organiser_suffixes'])})(?=(?:{stops})|$)"
        ),
        place_at=re.compile(
            rf"在([{_HAN}A-Za-z0-9]{{2,20}}?)(?:{alternation(d['place_adverbs'])})?(?:{alternation(d['place_verbs'])})"
        ),
        place_first=re.compile(rf"在([{_HAN}A-Za-z0-9（）()]{{2,20}})[，,]"),
        place_piece=re.compile(rf"[{_HAN}]{{0,10}}?(?:{alternation(d['place_ends'])})"),
        place_after=tuple(d["place_after"]),
        venue_end=re.compile(rf"(?:{alternation([*d['place_ends'], *d['venue_ends']])})$"),
        not_places=tuple(d["not_places"]),
        not_before=tuple(d["not_before"]),
        named_ends=tuple(d["named_ends"]),
        course=re.compile(
            rf"(?P<name>[{_HAN}0-9、“”]{{2,30}}?(?:{alternation(d['course_nouns'])}))(?:{alternation(d['place_adverbs'])})?$"
        ),
        course_nouns=tuple(d["course_nouns"]),
        unnamed_after=tuple(d["unnamed_after"]),
        title_verbs=re.compile(alternation(d["title_verbs"])),
        course_cut=re.compile(
            rf"(?s:.*)(?:{alternation([*d['course_cut_after'], *load('entities')['org_suffixes']])})"
        ),
    )


def _none_of(words: list[str]) -> str:
    """A lookahead that none of the words starts here, tried after every character of a name: the
    class of their first characters rules most places out before the words are tried one by one."""
    firsts = "".join(sorted({re.escape(w[0]) for w in words}))
    return f"(?!(?=[{firsts}])(?:{alternation(words)}))"


_QUOTED_BEFORE = re.compile(
    rf"(第[{_HAN}0-9一二三四五六七八九十]+届)?“[^“”]{{1,40}}”[{_HAN}]{{0,12}}(?:暨[{_HAN}]{{1,12}})?$"
)
_ORDINAL_BEFORE = re.compile(rf"第[0-9一二三四五六七八九十]+届[{_HAN}·“”]{{0,30}}$")
_YEAR_BEFORE = re.compile(rf"\d{{4}}年度?[{_HAN}、]{{0,30}}$")


class _SentenceStarts:
    """Where the sentences of an article's triggers start, not before `lo` nor 600 characters back.

    Triggers come in page order, so each is searched back only to the one before: with no sentence
    end between them, the sentence start is the one before (or the 600-character limit)."""

    def __init__(self, n: str, lo: int) -> None:
        self.n = n
        self.lo = lo
        self.last = lo  # the position asked before, and its sentence start
        self.last_start = lo

    def of(self, pos: int) -> int:
        a = max(self.lo, pos - 600)
        before = UP_TO_SENTENCE_END.match(self.n, max(a, self.last), pos)
        start = before.end() if before else max(self.last_start, a)
        self.last, self.last_start = pos, start
        return start


def _sentence_end(n: str, pos: int, hi: int) -> int:
    """Where the sentence of `pos` ends, not after `hi` nor 600 characters on (only for events made)."""
    b = min(hi, pos + 600)
    after = SENTENCE_END.search(n, pos, b)
    return after.start() if after else b


# Each title pattern ends at the trigger and is tried from every position of the sentence before it,
# so only when the word it needs stands close enough before the trigger: (pattern, word, the most
# characters from the word to the trigger, the most from the title's start to the trigger or None).
_TITLES_BEFORE = (
    (_QUOTED_BEFORE, "”", 26, None),  # ” then at most 12 + 暨 + 12 characters
    (_ORDINAL_BEFORE, "届", 31, None),  # 届 then at most 30
    (_YEAR_BEFORE, "年", 32, 36),  # NNNN年度? then at most 30
)
_ANY_TITLE_WORD = re.compile("[" + "".join(word for _, word, _, _ in _TITLES_BEFORE) + "]")  # one search for all
_TITLE_WORD_NEAR = max(near for _, _, near, _ in _TITLES_BEFORE)
_LAST_CLAUSE_STOP = re.compile(r"(?s:.*)[，,；;：:]")
_NAMED_RUN = re.compile(rf"[{_HAN}]{{2,20}}$")
_NAMED_KINDS = frozenset({"campaign", "ceremony"})


def _after_verbs(n: str, a: int, b: int) -> int:
    """Where n[a:b] is left after its last verb (举办, 开展 …), or `a` without one."""
    for v in rules().title_verbs.finditer(n, a, b):
        a = v.end()
    return a


def _title_word_near(n: str, lo: int, t_start: int) -> bool:
    """Whether a word of a title pattern (” 届 年) stands close enough before the trigger for one of
    them to match: one search for all three."""
    return _ANY_TITLE_WORD.search(n, max(lo, t_start - _TITLE_WORD_NEAR), t_start) is not None


def _title(
    n: str, s_start: int, t_start: int, t_end: int, kind: str, near: bool, named: bool = True
) -> tuple[int, int, bool] | None:
    """The event's own name: a quoted name, 第N届…, 2023年度…, or (for campaigns and ceremonies, if
    `named`) the name that opens the clause (平安山南建设宣传日集中宣传活动). `near`: whether a word
    of a title pattern stands close before the trigger in its article (_title_word_near)."""
    if near:
        for rx, needs, within, reach in _TITLES_BEFORE:
            if n.find(needs, max(s_start, t_start - within), t_start) < 0:
                continue
            m = rx.search(n, s_start if reach is None else max(s_start, t_start - reach), t_start)
            if m:
                start = m.start() if rx is _QUOTED_BEFORE else _after_verbs(n, m.start(), t_start)
                return (start, t_end, True) if t_start - start >= 2 else None
    if named and kind in _NAMED_KINDS:
        clause = _LAST_CLAUSE_STOP.match(n, s_start, t_start)
        a = _after_verbs(n, clause.end() if clause else s_start, t_start)
        if _NAMED_RUN.match(n, a, t_start) and not n.endswith(rules().unnamed_after, 0, a):
            return a, t_end, False  # the name opening its clause, or after 举办; after 开展 (开展春运志愿服务) no name
    return None


def _course(n: str, s_start: int, t_start: int, t_end: int, r: EventRules) -> tuple[int, int, bool] | None:
    """A course's own name (a title span, not quoted): the words before 培训班 in the trigger's clause
    after its organiser and verb, where 培训班 is the trigger or stands right before it (…培训班(顺利)结业)."""
    clause = _LAST_CLAUSE_STOP.match(n, s_start, t_start)
    a = clause.end() if clause else s_start
    end = t_end if n.endswith(r.course_nouns, t_start, t_end) else t_start
    m = r.course.search(n, a, end)
    if m is None:
        return None
    cut = r.course_cut.match(n, m.start(), m.end("name"))
    start = cut.end() if cut else m.start()
    return (start, m.end("name"), False) if m.end("name") - start >= 5 else None


_HeadCounts = tuple[list[int], list[Decimal]]  # the starts of an article's counts of people, and their values


class _PageCounts:
    """The page's periods and counts of people, tabled on first use (most triggers make no event)."""

    def __init__(self, periods: list[Period], figures: list[Figure]) -> None:
        self.periods = periods
        self.figures = figures

    @cached_property
    def period_starts(self) -> list[int]:
        return [p.start for p in self.periods]

    @cached_property
    def people(self) -> dict[int, _HeadCounts]:
        """Counts of people by article, with their starts: tabled once for every event of the page."""
        out: dict[int, _HeadCounts] = {}
        for f in self.figures:
            q = f.quantity
            # a number of people is a whole number above zero: 负40名 or 0.5名 counts no participants
            if q.unit == "count" and f.article is not None and _is_head_count(q.value) and _is_people(f):
                starts, values = out.setdefault(f.article, ([], []))
                starts.append(q.start)
                values.append(q.value)  # type: ignore[arg-type]
        return out


def build_events(
    text: str, normalised: str, articles: list[Article], periods: list[Period], figures: list[Figure]
) -> list[Event]:
    """Events of every article, in page order."""
    r = rules()
    n = normalised
    page = _PageCounts(periods, figures)
    events: list[Event] = []
    spans: list[tuple[int, int]] = []  # of the events, and of those titled longer than their trigger
    titled: list[tuple[int, int]] = []
    for k, art in enumerate(articles):
        seen: set[tuple[str, str]] = set()
        body_start = art.paragraphs[0].pieces[0].start if art.paragraphs else art.start
        starts = _SentenceStarts(n, art.start)
        for m in r.triggers.finditer(n, body_start, art.end):
            word = m.group()
            t_start, t_end = m.span()
            kind = r.type_of[word]
            trigger = text[t_start:t_end]
            if (kind, trigger) in seen:
                continue  # one event of a trigger per article: whatever else holds, it would be dropped below
            if n.startswith(r.not_before, t_end):
                continue  # 志愿服务队: the name of who serves
            if word.endswith("培训班") and n.startswith(("结业", "开班", "开学"), t_end):
                continue  # 培训班结业: the event word is the one that follows
            needs_title = word in r.needs_title  # and a quoted, numbered or dated one: no clause name
            near = _title_word_near(n, art.start, t_start)
            if needs_title and not near:
                continue  # the common noun alone (招商活动, 参加活动): not even the sentence is needed
            s_start = starts.of(t_start)
            title = _title(n, s_start, t_start, t_end, kind, near, named=not needs_title)
            if title is None and kind == "training":
                title = _course(n, s_start, t_start, t_end, r)
            if needs_title and (title is None or not title[2]):
                continue
            if title is None and n.startswith(("中", "的"), t_end):
                continue  # 活动中, 检查的: the word as a noun of the sentence
            if r.not_yet.search(n, s_start, t_start):
                continue  # 预计5月底正式并网发电: not yet an event
            key = (kind, trigger) if title is not None or word.endswith(r.named_ends) else (kind, "")
            if key in seen:
                continue  # one untitled event of a kind per article: 培训班 … 结业 is one course
            seen.add(key)
            seen.add((kind, trigger))
            if kind == "training":
                seen.add((kind, ""))  # a course named as it ends (…培训班结业) is the 本次培训班 after it
            span = (min(title[0], t_start), max(title[1], t_end)) if title else (t_start, t_end)
            spans.append(span)
            if title and span[1] - span[0] > t_end - t_start:
                titled.append(span)
            participants = _participants(page, k, t_start, kind)
            events.append(
                Event.trusted(
                    text=text[span[0] : span[1]],
                    start=span[0],
                    end=span[1],
                    rule="event.trigger",
                    type=kind,
                    trigger=trigger,
                    title=text[title[0] : title[1]] if title else (trigger if word.endswith(r.named_ends) else None),
                    organizers=_organizers(text, n, (s_start, span[0], t_start), art, r, periods, page.period_starts),
                    location=_location(
                        text,
                        n,
                        s_start,
                        _after_leading_time(n, s_start, t_start, periods, page.period_starts),
                        _sentence_end(n, t_start, art.end),
                        r,
                    ),
                    when=_when(periods, page.period_starts, s_start, t_start),
                    participants=participants,
                    article=k,
                )
            )
    return _drop_inside_titles(events, spans, titled)


def _drop_inside_titles(
    events: list[Event], spans: list[tuple[int, int]], titled: list[tuple[int, int]]
) -> list[Event]:
    """A trigger inside another event's title is part of that name (…艺术节招商引资推介会). `spans`:
    the events' spans; `titled`: those of the events titled longer than their trigger (kept as the
    events were made, so no record is read back)."""
    if not titled:
        return events  # no title is longer than its trigger: none holds another
    titled.sort()
    starts = [a for a, _ in titled]
    out = []
    for e, (s, t) in zip(events, spans, strict=True):
        k = bisect_right(starts, s)
        inside = any(a <= s and t <= b and (a, b) != (s, t) for a, b in titled[max(0, k - 8) : k])
        if not inside:
            out.append(e)
    return out


def _organizers(
    text: str,
    n: str,
    bounds: tuple[int, int, int],
    art: Article,
    r: EventRules,
    periods: list[Period],
    period_starts: list[int],
) -> dict[str, list[str]]:
    """Who organised the event: by role word (由X主办) in its sentence before the trigger, else an
    organisation opening the sentence before the event's name. `bounds`: the starts of the sentence,
    of the event's name (its title, or the trigger) and of the trigger."""
    s_start, name_start, t_start = bounds
    out: dict[str, list[str]] = {}
    # the role words first: the lazy names before them would be tried from every position
    roles = r.role_pattern.finditer(n, s_start, t_start) if r.role_words.search(n, s_start, t_start) else ()
    for m in roles:
        who = [w for w in text[m.start("who") : m.end("who")].strip("由，, ").split("、") if w]
        out.setdefault(r.roles[m.group("role")], []).extend(who)
    if out:
        return out
    if art.kicker and r.organiser.fullmatch(art.kicker):
        return {"by": [art.kicker]}
    org = r.organiser.match(n, _after_leading_time(n, s_start, name_start, periods, period_starts), name_start)
    return {"by": [text[org.start() : org.end()]]} if org else {"by": []}


def _after_leading_time(n: str, s_start: int, t_start: int, periods: list[Period], period_starts: list[int]) -> int:
    """Where the sentence's subject starts: after spaces and a leading time clause (近日，/ 5月10日，)."""
    i = s_start
    while i < t_start and n[i].isspace():
        i += 1
    k = bisect_left(period_starts, i)
    if k < len(periods) and periods[k].start == i and periods[k].end < t_start and n[periods[k].end] in "，,":
        return periods[k].end + 1
    return i


def _location(text: str, n: str, s_start: int, lead: int, s_end: int, r: EventRules) -> str | None:
    """Where the event of the sentence from `s_start` is held: the first 在X(成功)举行 whose X is a
    place; else 在X， opening a clause, X a place the gazetteer knows or ending in a place or venue
    word (近日，在拉萨火车站，…); else a place opening the sentence at `lead` (after a leading time)
    with names glued on, before a word of `place_after` (拉萨市曲水县聂当乡热堆村举行…, 杂兴村广场上…).
    Never 这里, 我市 (data/events.toml)."""
    for m in r.place_at.finditer(n, s_start, s_end):
        if _is_place(m.group(1), r):
            return text[m.start(1) : m.end(1)]
    for m in r.place_first.finditer(n, s_start, s_end):
        x = m.group(1)
        opens = m.start() in (s_start, lead) or n[m.start() - 1] in _CLAUSE_OPENERS
        if opens and _is_place(x, r) and (x in gazetteer().names or r.venue_end.search(x)):
            return text[m.start(1) : m.end(1)]
    end = _place_chain(n, lead, s_end, r)
    return text[lead:end] if end is not None else None


_CLAUSE_OPENERS = frozenset("，,；;：:）)")


def _is_place(words: str, r: EventRules) -> bool:
    return not words.startswith(r.not_places)  # 这里为返乡农民工 (not 那曲火车站)


def _place_chain(n: str, lead: int, s_end: int, r: EventRules) -> int | None:
    """The end of a place name at `lead` with names glued on it (曲水县聂当乡热堆村), the longest
    followed by a word of `place_after`; None if there is none. Glued names are taken one by one, the
    shortest first, so that the time is linear in the text (one regex for the chain backtracks)."""
    g = gazetteer()
    m = g.pattern.match(n, lead, s_end)
    if m is None:
        return None
    ends = [m.end()]
    while (piece := r.place_piece.match(n, ends[-1], s_end)) is not None:
        if not g.not_in_glued.isdisjoint(piece.group()) or g.not_glued.search(piece.group()):
            break  # 拉萨市各区县, 林芝市组织各县区: glued names hold no such characters or words (entities.toml)
        ends.append(piece.end())
    return next((e for e in reversed(ends) if n.startswith(r.place_after, e)), None)


def _when(periods: list[Period], starts: list[int], s_start: int, t_start: int) -> Period | None:
    hi = bisect_right(starts, t_start)
    for p in reversed(periods[max(0, hi - 6) : hi]):
        if p.start >= s_start and p.end <= t_start:
            return p
        if p.start < s_start:
            break
    return None


def _participants(page: _PageCounts, article: int, after: int, kind: str) -> int | None:
    """The number of people of a course or fair: the first count of people near the trigger, else
    the first of its article (a course's lead often says 55名牧民 before naming the 培训班)."""
    if kind not in ("training", "exhibition", "meeting"):
        return None
    people = page.people.get(article)
    if people is None:
        return None
    starts, values = people
    k = bisect_right(starts, after - 200)
    near = k < len(starts) and starts[k] <= after + 400
    return int(values[k] if near else values[0])


def _is_head_count(value: Decimal | None) -> bool:
    return value is not None and value > 0 and value == value.to_integral_value()


def _is_people(f: Figure) -> bool:
    return (f.quantity.item or "") in _PARTICIPANT_ITEMS or (f.metric or "").endswith(_PARTICIPANT_ITEMS)
