"""Regexes built from word lists: the alternations the rules of every stage are made of.

Word lists live in the data files; these turn them into patterns the engine runs fast (longest word
first, shared prefixes as a tree, runs found from their tails)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

HAN = "\u3400-\u9fff"  # the Han characters the rules read, as the inside of a regex class: [{HAN}]


def alternation(words: Iterable[str]) -> str:
    """Words of a data file as one regex alternation, longest first (so 万千瓦时 wins over 千瓦)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def alternation_except(words: Iterable[str], not_in: Mapping[str, Iterable[str]]) -> str:
    """Like `alternation`, but a word does not match where it stands inside one of its `not_in`
    words: with {入主: [投入主]}, 入主 (to take over) is not found in 资金投入主要用于 (投入 + 主要).

    The guard follows the word (a lookbehind over the blocker up to the word's end, then the rest of
    the blocker ahead): a pattern that starts with a word lets `re` skip to where its first
    characters stand, one that starts with an assertion is tried at every position."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        conditions = []
        for blocker in not_in.get(word, ()):
            k = blocker.find(word)
            if k < 0:
                raise ValueError(f"{blocker!r} is listed as a word holding {word!r}, but does not hold it")
            while k >= 0:
                upto = k + len(word)
                conditions.append(f"(?<={re.escape(blocker[:upto])}){re.escape(blocker[upto:])}")
                k = blocker.find(word, k + 1)
        guard = f"(?!{'|'.join(conditions)})" if conditions else ""
        parts.append(re.escape(word) + guard)
    return "|".join(parts)


_Trie = dict[str, "_Trie"]


def trie_alternation(words: Iterable[str], end: Mapping[str, str] | None = None) -> str:
    """The words as one regex that tries them at a position longest first, like their alternation
    longest first (data.alternation), but as a tree of shared prefixes (拉萨(?:市|高新区)?): the engine
    tries the few words of the next character, not all of them, at each position. (The words that
    match at one position are prefixes of each other, so longest first is the only order there.)

    `end` gives words a zero-width condition where they end (a lookbehind, a lookahead)."""
    root: _Trie = {}
    for word in words:
        node = root
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}  # a word ends here

    def branch(node: _Trie, word: str) -> str:
        alts = [re.escape(c) + branch(child, word + c) for c, child in sorted(node.items()) if c]
        if "" in node:  # a word ends here: tried after the longer words, on its condition if it has one
            condition = end.get(word, "") if end else ""
            if not condition:
                return f"(?:{'|'.join(alts)})?" if alts else ""
            alts.append(condition)
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return branch(root, "")


@dataclass(frozen=True)
class RunTail:
    """A pattern that is a run of 2..`reach` characters ending in a tail (A、B等一批 …, X集团 投资),
    found from its tails: tried from every position of a text, the run costs O(n·reach).

    `tail` matches wherever the pattern's tail can, with the run's first two characters before it (a
    lookbehind), and `last_break` up to the last character that cannot be in the run. No match starts
    before the next tail `t` less `reach`, nor at or before a break ahead of `t`; one starts right after,
    as the run up to `t` is whole there. So the match from there is `pattern.finditer`'s next match."""

    pattern: re.Pattern[str]
    tail: re.Pattern[str]
    last_break: re.Pattern[str]
    reach: int

    @classmethod
    def compile(cls, pattern: str, tail: str, breaks: str, reach: int) -> RunTail:
        """`breaks`: a regex class of the characters the run cannot hold."""
        return cls(re.compile(pattern), re.compile(tail), re.compile(rf"(?s:.*){breaks}"), reach)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while (t := self.tail.search(text, pos + 2)) is not None:
            start = max(pos, t.start() - self.reach)
            cut = self.last_break.match(text, start, t.start())
            m = self.pattern.match(text, cut.end() if cut else start) or self.pattern.search(text, start)
            if m is None:
                return
            yield m
            pos = m.end()
