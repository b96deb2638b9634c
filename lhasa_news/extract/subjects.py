"""Whose a figure is (its `subject`): the name standing before it in its sentence, as printed.

The candidates, of which the last one before the figure wins:
- a place of the gazetteer, with the village or organisation glued on it (`SubjectScan`);
- an organisation or a person among the page's names (`recognize.entities`);
- a noun phrase that a demonstrative opens (本次培训班, 该工程, 这批工程), or an organisation's bare
  kind opening a clause (合作社总收入为…);
- a whole named by its level (全市, 全地区): it stands for the place of that level the article is
  about, so 林芝全市 gives 林芝市 and 全地区 after 阿里地区投资促进局 gives 阿里地区.
An organisation named short (合作社, 这家合作社, 奶牛合作社, 该公司) is the one named in full before it
in the article whose name holds the short one (曲果仁毛村农牧民奶牛专业合作社). A figure with none of
them in its sentence keeps the subject of the figure before it in its article.
The words live in data/figures.toml, [subjects].
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lhasa_news.data import load
from lhasa_news.recognize.entities import PREFECTURE_LEVELS, Entity, OrgIndex, SubjectScan, gazetteer
from lhasa_news.text.wordregex import alternation

_CANDIDATES = 50  # the most organisations a short name is compared with, on either side
_BODY_REACH = 200  # where the first place of a body is looked for: its dateline and first sentence
_CLAUSE_MARKS = frozenset("，,。；;：:、！？!?\n“（(")


def _holds(name: str, short: str) -> bool:
    """Whether `short`'s characters stand in `name` in order (奶牛合作社 in 曲果仁毛村农牧民奶牛专业合作社)."""
    rest = iter(name)
    return all(c in rest for c in short)


@dataclass(frozen=True)
class SubjectRules:
    phrases: re.Pattern[str]  # a whole, a demonstrative or a bare kind of organisation
    tail: re.Pattern[str]  # the rest of a demonstrative's phrase: 本次 + 培训班
    bare: frozenset[str]  # the bare kinds of organisation
    levels: dict[str, str]  # whole → the suffix of its level: 全市 → 市
    whole_not_after: frozenset[str]  # 完全, 健全, 安全: no whole after these characters
    not_demonstrative_after: frozenset[str]  # 应该: no demonstrative after these
    titles: tuple[str, ...]  # a person's titles: an organisation before one names where the person works
    demonstratives: tuple[str, ...]
    org_heads: tuple[str, ...]  # what an organisation's name ends in (entities.toml org_suffixes)


@cache
def subject_rules() -> SubjectRules:
    d = load("figures")["subjects"]
    wholes: dict[str, str] = d["wholes"]
    # the words that open a phrase, as plain words: `re` skips to the characters they start with
    words = rf"{alternation([*wholes, *d['demonstratives'], *d['bare_heads']])}"
    tail = rf"[^，,。；;：:、！？!?\n的]{{0,2}}?(?:{alternation(d['heads'])})"  # after a demonstrative
    e = load("entities")
    return SubjectRules(
        re.compile(words),
        re.compile(tail),
        frozenset(d["bare_heads"]),
        wholes,
        frozenset(d["whole_not_after"]),
        frozenset(d["not_demonstrative_after"]),
        tuple(e["person_titles"]),
        tuple(sorted(d["demonstratives"], key=len, reverse=True)),
        tuple(sorted(e["org_suffixes"], key=len, reverse=True)),
    )


class Subjects:
    """The subjects of a page's figures, asked for in page order."""

    def __init__(
        self, text: str, normalised: str, articles: Sequence[tuple[int, int, int]], entities: Sequence[Entity]
    ) -> None:
        """`articles`: the start, body start (after the headline lines) and end of each article."""
        self.text, self.n = text, normalised
        self.articles = articles
        self.rules = subject_rules()
        titles = self.rules.titles
        named = [  # places: SubjectScan finds them, and glues villages on; 几那村党支部书记塔尔巴: the person
            (e.start, e.end)
            for e in entities
            if e.kind == "person" or (e.kind == "org" and not normalised.startswith(titles, e.end))
        ]
        self.named_ends = [b for _, b in named]  # names do not overlap: ends sorted as starts are
        self.named = named
        self.orgs = OrgIndex(entities, self.rules.org_heads)
        self.places: dict[str, tuple[list[int], list[str]]] | None = None  # made for the first whole
        self.scan = SubjectScan(normalised, -1)
        self.in_full: dict[tuple[int, int], str | None] = {}  # span of a short name → its full name
        self.carried: str | None = None
        self.carried_article: int | None = None
        # the phrases of the whole page, found once (they hold no sentence end, so a sentence's are those
        # between its start and its figure): (start, end, the whole's word or None)
        rules = self.rules
        self.phrases: list[tuple[int, int, str | None]] = []
        for m in rules.phrases.finditer(normalised):
            a, b, word = m.start(), m.end(), m.group()
            if word in rules.levels:
                if a == 0 or normalised[a - 1] not in rules.whole_not_after:  # 完全市场化 holds no 全市
                    self.phrases.append((a, b, word))
            elif word in rules.bare:
                if a == 0 or normalised[a - 1] in _CLAUSE_MARKS:  # a bare 合作社 is a subject opening a clause
                    self.phrases.append((a, b, None))
            elif (len(word) > 1 or a == 0 or normalised[a - 1] not in rules.not_demonstrative_after) and (  # not 应该
                tail := rules.tail.match(normalised, b)
            ):
                self.phrases.append((a, tail.end(), None))
        self.phrase_starts = [a for a, _, _ in self.phrases]

    def of(self, start: int, s_start: int, article: int | None) -> tuple[str | None, tuple[int, int] | None]:
        """The subject of the figure at `start` in the sentence from `s_start`, as printed (or as
        resolved: 全市 → 林芝市), and the span of the page that names it (None when carried)."""
        if self.scan.start != s_start:
            self.scan = SubjectScan(self.n, s_start)
        best = self.scan.last(start)
        k = bisect_right(self.named_ends, start) - 1
        if k >= 0 and self.named[k][0] >= s_start and (best is None or self.named[k][1] > best[1]):
            best = self.named[k]
        resolved: str | None = None
        i = bisect_left(self.phrase_starts, s_start)
        while i < len(self.phrases) and self.phrases[i][1] <= start:
            a, b, whole = self.phrases[i]
            i += 1
            if best is not None and b < best[1]:  # one ending with the name is the more telling
                continue
            if whole is not None:
                place = self._whole(whole, a)
                if place is None:
                    continue
                best, resolved = (a, b), place
            else:
                best, resolved = (a, b), None
        if best is None and article is not None and start < self.articles[article][1]:
            headline = self._headline_subject(start, *self.articles[article])
            if headline is not None:
                return headline, None
        if best is None:
            return (self.carried if article is not None and article == self.carried_article else None), None
        if resolved is None and article is not None and self.n.endswith(self.rules.org_heads, *best):
            if best not in self.in_full:
                self.in_full[best] = self._in_full(best, *self.articles[article])
            resolved = self.in_full[best]
        subject = resolved if resolved is not None else self.text[best[0] : best[1]]
        self.carried, self.carried_article = subject, article
        return subject, best

    def _headline_subject(self, start: int, floor: int, body: int, ceiling: int) -> str | None:
        """A headline's figure without a name in its line is the article's: the last name of the
        headline lines above it (a kicker: 左贡县亚中村), else the first place its body names (本报林芝讯
        → 林芝市); a place the gazetteer knows in its canonical form (林芝 → 林芝市)."""
        g = gazetteer()
        above = SubjectScan(self.n, floor).last(start)
        if above is not None:
            name = self.n[above[0] : above[1]]
            return g.names.get(name) or self.text[above[0] : above[1]]
        first = g.pattern.search(self.n, body, min(ceiling, body + _BODY_REACH))
        return g.names[first.group()] if first is not None else None

    def _in_full(self, span: tuple[int, int], floor: int, body: int, ceiling: int) -> str | None:
        """The full name, as printed, of an organisation named short at `span` (合作社, 这家合作社):
        of the organisations of its article (from `floor` to `ceiling`), the last before it (in a
        headline, before the `body`: else the first after it) whose name ends in the same kind of
        organisation and holds the short name's characters in order; None if there is none."""
        short = self.n[span[0] : span[1]]
        for word in self.rules.demonstratives:
            if short.startswith(word) and len(short) > len(word):
                short = short[len(word) :]
                break
        head = next((h for h in self.rules.org_heads if short.endswith(h)), None)
        if head is None:
            return None
        spans, k = self.orgs.around(head, span[0])
        n = self.n
        for i in range(k - 1, max(k - _CANDIDATES, 0) - 1, -1):  # the nearest before it
            a, b = spans[i]
            if a < floor:
                break
            if b - a > len(short) and _holds(n[a:b], short):
                return self.text[a:b]
        if span[0] < body:  # a headline's: the first of the body after it
            for a, b in spans[k : k + _CANDIDATES]:
                if a >= ceiling:
                    break
                if b - a > len(short) and _holds(n[a:b], short):
                    return self.text[a:b]
        return None

    def _whole(self, whole: str, pos: int) -> str | None:
        """The place a whole (全市) at `pos` stands for: the last place of its level named before it (in
        its article, else before it on the page), in the form of that level: 林芝 → 林芝市."""
        if self.places is None:
            self.places = _places_by_level(self.n, set(self.rules.levels.values()))
        starts, forms = self.places[self.rules.levels[whole]]
        k = bisect_left(starts, pos) - 1
        return forms[k] if k >= 0 else None


def _places_by_level(n: str, levels: set[str]) -> dict[str, tuple[list[int], list[str]]]:
    """The places the gazetteer finds in `n`, by level, with their starts, in the form of the level:
    a prefecture is named as a 市 or a 地区 by a whole (全地区 in a page of 山南 → 山南地区); a county
    by its own name (全县 → 曲水县)."""
    g = gazetteer()
    out: dict[str, tuple[list[int], list[str]]] = {level: ([], []) for level in levels}
    for m in g.pattern.finditer(n):
        canonical = g.names[m.group()]
        for level, (starts, forms) in out.items():
            if level in PREFECTURE_LEVELS:
                if canonical in g.prefectures:
                    starts.append(m.start())
                    forms.append(canonical.removesuffix("市").removesuffix("地区") + level)
            elif canonical.endswith(level):
                starts.append(m.start())
                forms.append(canonical)
    return out


__all__ = ["Subjects", "subject_rules"]
