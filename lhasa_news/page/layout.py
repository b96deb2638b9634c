"""Lines into blocks, and the repair of what a PDF dump breaks.

A page dump holds one block per non-blank line. Two kinds of damage are repaired, with general
rules and every repair recorded: a paragraph cut at a column break (a long prose line that ends
without final punctuation, continued in the next block) is joined to its continuation, and a
fragment printed twice across the break (the tail of one block repeated at the head of the next)
is dropped. A block printed twice in full (a caption) is marked as a duplicate. Nothing here moves
text: a block keeps the spans of its pieces in the original page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from lhasa_news.data import load
from lhasa_news.models import Repair

_TRIM = " \t\u3000\u00a0|｜"
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,80}>")
_TAG_AT_END = re.compile(r"</?[A-Za-z][^<>]{0,80}>$")


@dataclass(slots=True)
class Block:
    """One paragraph-like unit: its pieces in the original text, and its normalised text."""

    pieces: list[tuple[int, int]]
    text: str  # normalised text of the pieces, joined
    orig: str  # the same characters as printed (same length as `text`)
    gap_before: int  # blank lines before it
    role: str = "body"
    duplicate_of: int | None = None
    info: dict[str, object] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def original_offset(self, i: int) -> int:
        """Offset in the page of character `i` of `text` (the pieces laid end to end)."""
        for a, b in self.pieces:
            if i < b - a:
                return a + i
            i -= b - a
        return self.end

    def cut_front(self, k: int) -> None:
        """Drop the first `k` characters (a repeated fragment)."""
        a, b = self.pieces[0]
        self.pieces[0] = (a + k, b)
        self.text = self.text[k:]
        self.orig = self.orig[k:]


@dataclass(frozen=True)
class LayoutRules:
    final: frozenset[str]
    clause: frozenset[str]
    max_heading: int
    min_cut_body: int


@cache
def layout_rules() -> LayoutRules:
    d = load("segment")
    return LayoutRules(
        final=frozenset(d["final_punctuation"]),
        clause=frozenset(d["clause_punctuation"]),
        max_heading=int(d["max_heading_chars"]),
        min_cut_body=int(d["min_cut_body_chars"]),
    )


def _without_tags(line: str, s: int, e: int) -> tuple[int, int]:
    """Drop tags at both ends of `line[s:e]`, and the spaces and pipes each drop uncovers.

    `line` may be the whole page: a tag never runs past a `>`, so none ends beyond the line."""
    changed = True
    while changed and s < e:
        changed = False
        while s < e and line[s] in _TRIM:
            s, changed = s + 1, True
        while e > s and line[e - 1] in _TRIM:
            e, changed = e - 1, True
        m = _TAG.match(line, s)
        if m and m.end() <= e:
            s, changed = m.end(), True
        tail = line[max(s, e - 90) : e]
        mt = _TAG_AT_END.search(tail)
        if mt:
            e, changed = e - (len(tail) - mt.start()), True
    return s, e


# A line without the spaces and pipes at either end: from its first kept character to its last.
_LINE_TEXT = re.compile(rf"[^\n{_TRIM}](?:[^\n]*[^\n{_TRIM}])?")


def split_blocks(original: str, normalised: str) -> list[Block]:
    """One block per non-blank line, with the count of blank lines before it.

    One search over the page finds every line's text; the blank lines before a block are the line
    breaks since the previous block, less the one that ends its line."""
    blocks: list[Block] = []
    last = 0  # where the previous block ends
    breaks = normalised.count
    for m in _LINE_TEXT.finditer(normalised):
        span = a, b = m.span()
        text = m[0]
        if "<" in text:  # stray HTML tags: drop them and what they uncover
            span = a, b = _without_tags(normalised, a, b)
            text = normalised[a:b]
            if not text:
                continue
        orig = text if original is normalised else original[a:b]  # most pages need no normalising
        blocks.append(Block([span], text, orig, breaks("\n", last, a) - (1 if blocks else 0)))
        last = b
    return blocks


_SENTENCE_END = frozenset("。！？!?；;")


def has_any(text: str, chars: Iterable[str]) -> bool:
    """Whether one of a few `chars` occurs in `text`. A substring test per character is much
    cheaper than walking a Chinese text character by character (each one a new str object)."""
    for c in chars:  # noqa: SIM110 - a plain loop: any() over a generator costs more here
        if c in text:
            return True
    return False


def is_prose_cut(block: Block, rules: LayoutRules) -> bool:
    """A body line cut at a break: no final stop at its end, and prose before it — a full stop
    inside it (no heading has one), or clause punctuation in a line longer than a heading's."""
    t = block.text
    if not t or t[-1] in rules.final:
        return False
    if has_any(t, _SENTENCE_END):
        return True
    return len(t) >= rules.min_cut_body and has_any(t, rules.clause)


_HAN = re.compile("[\u3400-\u9fff]")


def repeated_fragment(a: str, b: str, longest: int = 16) -> int:
    """Length of the longest tail of `a` that `b` starts with (2..longest chars, with a Han
    character in it), or 0. That is the fragment a dump prints twice across a break."""
    top = min(longest, len(a), len(b) - 1)
    if top < 2:
        return 0
    tail = a[-top:]
    i = tail.find(b[0], 0, top - 1)  # a repeated tail begins with the first character of `b`
    while i >= 0:
        frag = tail[i:]
        if b.startswith(frag) and _HAN.search(frag):
            return top - i
        i = tail.find(b[0], i + 1, top - 1)
    return 0


_JOINABLE = frozenset({"body", "dateline", "heading"})
_STRUCTURAL = frozenset({"byline", "credit", "caption", "editor", "meta", "section", "subtitle", "dateline"})


def repair(blocks: list[Block], original: str) -> tuple[list[Block], list[Repair]]:
    """Join cut paragraphs and drop repeated fragments; mark blocks printed twice.

    Blocks must carry their tentative roles already (structural roles are never joined).
    """
    rules = layout_rules()
    repairs: list[Repair] = []
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.role in _JOINABLE and block.role not in _STRUCTURAL:
            gap_start, gap_end = prev.pieces[-1][1], block.pieces[0][0]
            k = repeated_fragment(prev.text, block.text)
            cut = prev.role != "heading" and is_prose_cut(prev, rules)  # a heading is joined only if repeated
            if k and prev.role == "heading" and prev.text[-1] not in rules.final:
                prev.role, cut = "body", True  # a "heading" whose tail the next block repeats was cut prose
            if k and (prev.text[-1] in rules.final or cut or k >= 3) and prev.role != "heading":
                repair_end = gap_end + k
                repairs.append(
                    Repair.trusted(kind="drop_repeat", start=gap_end, end=repair_end, text=original[gap_end:repair_end])
                )
                block.cut_front(k)
            if cut and prev.role != "heading" and block.text:
                repairs.append(
                    Repair.trusted(kind="join", start=gap_start, end=gap_end, text=original[gap_start:gap_end])
                )
                prev.pieces.extend(block.pieces)
                prev.text += block.text
                prev.orig += block.orig
                continue
        text = block.text
        if not text:
            continue
        for i in range(len(out) - 1, max(-1, len(out) - 4), -1) if len(text) >= 8 else ():
            if out[i].text == text and out[i].duplicate_of is None:
                block.duplicate_of = i
                repairs.append(
                    Repair.trusted(kind="drop_duplicate_block", start=block.start, end=block.end,
                                   text=original[block.start : block.end])
                )  # fmt: skip
                break
        out.append(block)
    return out, repairs
