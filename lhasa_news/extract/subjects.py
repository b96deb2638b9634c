"""Whose a figure is (its `subject`): the name standing before it in its sentence, as printed.

The candidates, of which the last one before the figure wins:
- a place of the gazetteer, with the village or organisation glued on it (`SubjectScan`);
- an organisation or a person among the page's names (`recognize.entities`);
- a noun phrase that a demonstrative opens (本次培训班, 该工程, 这批工程);
- a whole named by its level (全市, 全地区): it stands for the place of that level the article is
  about, so 林芝全市 gives 林芝市 and 全地区 after 阿里地区投资促进局 gives 阿里地区.
A figure with none of them in its sentence keeps the subject of the figure before it in its article.
The words live in data/figures.toml, [subjects].
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from lhasa_news.data import load
from lhasa_news.recognize.entities import Entity, SubjectScan, gazetteer
from lhasa_news.text.wordregex import alternation

_PREFECTURE_LEVELS = ("市", "地区")


@dataclass(frozen=True)
class SubjectRules:
    phrases: re.Pattern[str]  # a whole (group "whole") or a demonstrative phrase
    levels: dict[str, str]  # whole → the suffix of its level: 全市 → 市
    titles: tuple[str, ...]  # a person's titles: an organisation before one names where the person works


@cache
def subject_rules() -> SubjectRules:
    d = load("figures")["subjects"]
    wholes: dict[str, str] = d["wholes"]
    phrase = rf"(?:{alternation(d['demonstratives'])})[^，,。；;：:、！？!?\n的]{{0,4}}?(?:{alternation(d['heads'])})"
    titles = tuple(load("entities")["person_titles"])
    return SubjectRules(re.compile(rf"(?P<whole>{alternation(wholes)})|{phrase}"), wholes, titles)


class Subjects:
    """The subjects of a page's figures, asked for in page order."""

    def __init__(self, text: str, normalised: str, articles: Sequence[tuple[int, int]], entities: Sequence[Entity]):
        self.text, self.n = text, normalised
        self.articles = articles
        self.article_starts = [a for a, _ in articles]
        self.rules = subject_rules()
        titles = self.rules.titles
        named = [  # places: SubjectScan finds them, and glues villages on; 几那村党支部书记塔尔巴: the person
            (e.start, e.end)
            for e in entities
            if e.kind == "person" or (e.kind == "org" and not normalised.startswith(titles, e.end))
        ]
        self.named_ends = [b for _, b in named]  # names do not overlap: ends sorted as starts are
        self.named = named
        self.scan = SubjectScan(normalised, -1)
        self.wholes: dict[tuple[str, int], str | None] = {}  # (level, position) → the place it stands for
        self.carried: str | None = None
        self.carried_article: int | None = None

    def of(self, start: int, s_start: int, article: int | None) -> tuple[str | None, tuple[int, int] | None]:
        """The subject of the figure at `start` in the sentence from `s_start`: as printed, and its
        span when it is a name of the page (None for a resolved whole)."""
        if self.scan.start != s_start:
            self.scan = SubjectScan(self.n, s_start)
        best = self.scan.last(start)
        k = bisect_right(self.named_ends, start) - 1
        if k >= 0 and self.named[k][0] >= s_start and (best is None or self.named[k][1] > best[1]):
            best = self.named[k]
        resolved: str | None = None
        for m in self.rules.phrases.finditer(self.n, s_start, start):
            if best is not None and m.end() < best[1]:  # one ending with the name is the more telling
                continue
            whole = m.group("whole")
            if whole is not None:
                place = self._whole(whole, m.start(), article)
                if place is None:
                    continue
                best, resolved = (m.start(), m.end()), place
            else:
                best, resolved = m.span(), None
        if best is None:
            return (self.carried if article is not None and article == self.carried_article else None), None
        subject = resolved if resolved is not None else self.text[best[0] : best[1]]
        self.carried, self.carried_article = subject, article
        return subject, (None if resolved is not None else best)

    def _whole(self, whole: str, pos: int, article: int | None) -> str | None:
        """The place a whole (全市) at `pos` stands for: the last place of its level named before it in
        its article (else on the page), in the form of that level: 林芝 → 林芝市."""
        level = self.rules.levels[whole]
        key = (level, pos)
        if key not in self.wholes:
            floor = self.articles[article][0] if article is not None else 0
            found = _last_place(self.n, self.text, level, floor, pos)
            if found is None and floor > 0:
                found = _last_place(self.n, self.text, level, 0, floor)
            self.wholes[key] = found
        return self.wholes[key]


def _last_place(n: str, text: str, level: str, a: int, b: int) -> str | None:
    """The last place of `level` named in n[a:b], in that level's form (a prefecture is named as a
    市 or a 地区 by the whole: 全地区 in a page of 山南 gives 山南地区)."""
    g = gazetteer()
    found = None
    for m in g.pattern.finditer(n, a, b):
        canonical = g.names[m.group()]
        if level in _PREFECTURE_LEVELS and canonical.endswith(_PREFECTURE_LEVELS):
            found = canonical.removesuffix("市").removesuffix("地区") + level
        elif canonical.endswith(level):
            found = canonical
    return found


__all__ = ["Subjects", "subject_rules"]
