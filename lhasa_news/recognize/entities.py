"""Places and organisations named in a text, with spans and canonical names.

Places come from a gazetteer of Tibet's prefectures, districts and counties (data/places.toml, with
the short forms papers use: 拉萨, 林周县 / 林周) and from suffix rules (…村, …乡, …镇, …社区,
…街道); organisations from suffix rules (…公司, …集团, …合作社, …总工会, …局). Aliases map variants
to one canonical name (高新区 / 拉萨高新区 / 拉萨高新技术产业开发区), so analytics can group by it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from lhasa_news.data import load
from lhasa_news.text.normalise import normalised_for
from lhasa_news.text.wordregex import HAN as _HAN
from lhasa_news.text.wordregex import RunTail, trie_alternation

_GLUED_RUN = 12  # at most this many characters of a glued name before its suffix (曲水县热堆村)


@dataclass(frozen=True)
class Entity:
    """A name in the text: span, wording, kind and canonical form."""

    text: str
    start: int
    end: int
    kind: str  # place | org | person
    canonical: str

    def __init__(self, text: str, start: int, end: int, kind: str, canonical: str) -> None:
        """The fields in one step: a frozen dataclass's own __init__ sets them one by one through
        object.__setattr__, which doubles the cost of the ≈20 entities of a page."""
        _set_fields(self, "__dict__", {"text": text, "start": start, "end": end, "kind": kind, "canonical": canonical})


_set_fields = object.__setattr__


_NUMERAL_CHARS = "0123456789０１２３４５６７８９一二两三四五六七八九十百千万"
_FUNCTION_CHARS = frozenset("的在和与将为对是了把从向及或并让使被给由于以等")  # not 当: 当雄县, 帕当村
_LAST_FUNCTION_CHAR = re.compile(rf"(?s:.*)[{''.join(sorted(_FUNCTION_CHARS))}]")


@dataclass(frozen=True)
class Gazetteer:
    names: dict[str, str]  # surface → canonical
    pattern: re.Pattern[str]
    suffixed: re.Pattern[str]
    not_in_glued: frozenset[str]  # characters no glued name holds: the function characters and demonstratives
    not_glued: re.Pattern[str]  # words no glued name holds: verbs, and words that only look like a suffix (市场)
    not_glued_reach: int  # how far past a glued name such a word may end
    prefectures: frozenset[str]  # the canonical names of the prefecture-level places (拉萨市, 阿里地区)
    glued_places: tuple[str, ...]  # what a place glued on a place name ends in (曲水县 + 热堆村)
    glued_orgs: tuple[str, ...]  # what an organisation glued on a place name ends in (林芝市 + 人社局)


@cache
def gazetteer() -> Gazetteer:
    d = load("places")
    not_short = set(d.get("not_short", []))
    names: dict[str, str] = {}
    for w in d["region"]:
        names[w] = "西藏自治区"
    for pref, subs in d["prefectures"].items():
        names[pref] = pref
        short = pref.removesuffix("市").removesuffix("地区")
        names.setdefault(short, pref)
        for sub in subs:
            names[sub] = sub
            if len(sub) > 2 and sub[:-1] not in not_short:
                names.setdefault(sub[:-1], sub)  # 林周县 → 林周
    for canon, variants in d["aliases"].items():
        names[canon] = canon
        for v in variants:
            names[v] = canon
    pattern = re.compile(trie_alternation(names))
    e = load("entities")
    glued_places, glued_orgs = tuple(e["glued_place_suffixes"]), tuple(e["glued_org_suffixes"])
    suffixes = sorted(set(glued_places + glued_orgs), key=len, reverse=True)
    suffixed = re.compile(rf"[{_HAN}]{{1,{_GLUED_RUN}}}?(?:{'|'.join(map(re.escape, suffixes))})")
    not_glued = e["not_glued"]
    return Gazetteer(
        names,
        pattern,
        suffixed,
        _FUNCTION_CHARS | set(e["not_in_glued"]),
        re.compile(trie_alternation(not_glued)),
        max(map(len, not_glued)) - 1,
        frozenset(d["prefectures"]),
        glued_places,
        glued_orgs,
    )


def canonical_place(name: str) -> str | None:
    """The canonical form of a place name the gazetteer knows (高新区 → 拉萨高新技术产业开发区)."""
    return gazetteer().names.get(name)


class SubjectScan:
    """The last place or organisation before each figure of a sentence: gazetteer names, extended to a
    following village/town/community or organisation suffix when one is glued on (曲水县热堆村, 林周县总工会).

    Names are found left to right from the sentence start, each from where the one before ended, so the
    last depends on all before it; but a step of the scan reads no character at or after its `settled`
    bound, so a scan to any later end takes the same step. `last` keeps the settled steps of the call
    before and scans on from the last of them, instead of rescanning the sentence for every figure."""

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start
        self.settled: list[_Step] = []  # the first steps of every scan from `start` to the ends asked so far

    def last(self, end: int) -> tuple[int, int] | None:
        """Span of the last name that a scan of text[start:end] from `start` finds: a gazetteer name,
        or the last of the names glued on it (拉萨市曲水县聂当乡热堆村 → 热堆村)."""
        steps = self.settled
        while steps and steps[-1][2] > end:  # `settled` increases along a scan
            steps.pop()
        last = steps[-1] if steps else None
        pos = last[1] if last else self.start
        text, g = self.text, gazetteer()
        longest_name, glued_reach = _reaches()
        while pos < end:
            m = g.pattern.search(text, pos, end)
            if m is None:
                break
            s, e = m.span()
            name_read = s + longest_name  # the longest names were tried first: the last character read
            ext = g.suffixed.match(text, e, end)
            while ext is not None and ext.end() - e <= 8 and g.not_in_glued.isdisjoint(ext.group()):
                word = g.not_glued.search(text, e, min(ext.end() + g.not_glued_reach, end))
                if word is not None and word.start() < ext.end():
                    break  # 林芝市共有市场主体: a word in the name (共有), or one its end only looks like (市场)
                if not ext.group().endswith(g.glued_orgs):
                    s = e  # 拉萨市曲水县热堆村 → 热堆村; but 林芝市人社局 is the organisation's whole name
                e = ext.end()
                ext = g.suffixed.match(text, e, end)
            last = (s, e, max(name_read, e + glued_reach))
            if last[2] <= end:
                steps.append(last)
            pos = e
        return last[:2] if last else None


_Step = tuple[int, int, int]  # start, end, and the bound it is settled by: no character at or after it was read


@cache
def _reaches() -> tuple[int, int]:
    """How far past its start a gazetteer match reads, and past its end a glued-name match."""
    g = gazetteer()
    longest_suffix = max(map(len, g.glued_places + g.glued_orgs))
    return max(map(len, g.names)), _GLUED_RUN + longest_suffix


PREFECTURE_LEVELS = ("市", "地区")


def places_in(text: str, start: int, end: int) -> list[str]:
    """Prefecture-level places named in text[start:end] (拉萨市, 阿里地区, 林芝市), as printed."""
    g = gazetteer()
    out = []
    for m in g.pattern.finditer(text, start, end):
        canonical = g.names[m.group()]
        if canonical.endswith(PREFECTURE_LEVELS) and m.group().endswith(PREFECTURE_LEVELS):
            out.append(m.group())
    return out


@dataclass(frozen=True)
class NameRules:
    org: RunTail
    person: re.Pattern[str]
    honorific: re.Pattern[str]  # 陈先生, 王女士
    surnames: frozenset[str]  # the surnames an honorific follows (陈先生; not 率先生产)
    counted: frozenset[str]  # classifiers that a count before an organisation's name ends in (16家…工作队)
    org_starts_after: re.Pattern[str]


@cache
def name_rules() -> NameRules:
    d = load("entities")
    suffixes = d["org_suffixes"]
    orgs = trie_alternation(suffixes)  # tried after every length of the name run: as a tree
    name = rf"[{_HAN}A-Za-z（）()]"
    titles = trie_alternation(d["person_titles"])
    stops = trie_alternation(d["after_name"])
    return NameRules(
        org=RunTail.compile(
            rf"{name}{{2,24}}(?:{orgs})",
            trie_alternation(suffixes, end={x: rf"(?<={name}{{2}}{re.escape(x)})" for x in suffixes}),
            rf"[^{_HAN}A-Za-z（）()]",
            24,
        ),
        person=re.compile(
            rf"(?:{titles})(?!(?:{stops})|[向在对为把和与将从也都还])(?P<name>[{_HAN}·]{{2,6}}?)(?=(?:{stops})|[，,。：:、\s“]|$)"
        ),
        honorific=re.compile(trie_alternation(d["honorifics"])),  # the surname before it is checked on its own
        surnames=frozenset(d["surnames"]) - frozenset(" \n"),
        counted=frozenset(d["org_count_classifiers"]),
        org_starts_after=re.compile(trie_alternation(d["org_starts_after"])),
    )


class OrgIndex:
    """The organisations of a page by the kind their names end in (公司, 合作社), in page order:
    where a name given short (该公司, 合作社) finds the full one named before it."""

    def __init__(self, entities: Iterable[Entity], heads: Iterable[str]) -> None:
        kinds = frozenset(heads)
        longest = max(map(len, kinds), default=0)
        self.by_head: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}
        for e in entities:
            if e.kind == "org":
                for k in range(1, min(longest, len(e.text) - 1) + 1):  # the kinds it ends in, by length
                    if e.text[-k:] in kinds:
                        ends, spans = self.by_head.setdefault(e.text[-k:], ([], []))
                        ends.append(e.end)
                        spans.append((e.start, e.end))

    def around(self, head: str, pos: int) -> tuple[list[tuple[int, int]], int]:
        """The spans of the organisations ending in `head`, in page order, and how many end by `pos`."""
        ends, spans = self.by_head.get(head, ([], []))
        return spans, bisect_right(ends, pos)


_START = attrgetter("start")


def extract_entities(text: str, *, normalised: str | None = None) -> list[Entity]:
    """Places (gazetteer and suffixes), organisations (suffixes) and people (after a title) of
    `text`, in order, with spans into `text` and a canonical name (aliases of places resolved).

    `normalised`: `normalise(text)` when the caller already has it."""
    n = normalised_for(text, normalised)
    g = gazetteer()
    nr = name_rules()
    out: list[Entity] = []
    taken = bytearray(len(n) + 1)

    def add(a: int, b: int, kind: str, canonical: str) -> None:
        if taken.find(1, a, b) < 0:
            out.append(Entity(text[a:b], a, b, kind, canonical))
            taken[a:b] = b"\x01" * (b - a)

    for m in nr.person.finditer(n):
        add(m.start("name"), m.end("name"), "person", text[m.start("name") : m.end("name")])
    for m in nr.honorific.finditer(n, 1):
        a = m.start() - 1
        if n[a] in nr.surnames:
            add(a, m.end(), "person", text[a : m.end()])
    for m in nr.org.finditer(n):
        a = m.start()
        cut = _LAST_FUNCTION_CHAR.match(n, a, m.end() - 2)  # the name starts after the last function word
        if cut is not None:
            a = cut.end()
        for verb in nr.org_starts_after.finditer(n, a, m.end() - 2):  # and after the last verb (引进X公司)
            a = verb.end()
        if n[a] in nr.counted:  # 16家中央企业援藏工作队: the count goes with what it counts
            while a > 0 and n[a - 1] in _NUMERAL_CHARS:
                a -= 1
        if m.end() - a >= 3:
            add(a, m.end(), "org", text[a : m.end()])
    names = g.names
    for m in g.pattern.finditer(n):  # the last kind: what it finds need not be marked taken
        a, b = m.span()
        if taken.find(1, a, b) < 0:
            out.append(Entity(text[a:b], a, b, "place", names[m.group()]))
    return sorted(out, key=_START)
