"""Blocks into articles: which lines are headlines, kickers, columns, bylines, captions, body.

The page is read once, top to bottom. Runs of heading-like lines (short, unpunctuated) are decided
by what surrounds them: a run followed by a byline, a web meta line, a subtitle or a dateline
opens an article; so does a run of two headings (kicker + headline), a run after a column name or
after a wide gap, and any run when no article is open. A single heading inside an article, in
ordinary spacing, is an intertitle (小标题) and stays in it. A paragraph after a wide gap that is
followed by photo captions is a photo story of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lhasa_news.models import Article, Repair, trusted_builder
from lhasa_news.page.layout import Block, repair, split_blocks
from lhasa_news.page.patterns import NAME, classify, is_section_name, names_of, patterns, split_names

_NAME_LINE = re.compile(rf"^{NAME}(?:[ 、]+{NAME})*$")
_HEAD_RUN = frozenset({"heading", "subtitle", "byline", "meta"})
WIDE_GAP = 2  # blank lines that separate articles in e-paper dumps


@dataclass(slots=True)
class Draft:
    """An article while it is being read."""

    section: str | None
    kicker: Block | None = None
    headline: Block | None = None
    subtitle: str | None = None
    reporters: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    dateline: str | None = None
    blocks: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    captions: list[Block] = field(default_factory=list)
    intertitles: list[Block] = field(default_factory=list)

    def add_names(self, attr: str, names: object) -> None:
        target: list[str] = getattr(self, attr)
        if isinstance(names, list):
            for n in names:
                if isinstance(n, str) and n not in target:
                    target.append(n)


@dataclass
class Segmented:
    articles: list[Article]
    repairs: list[Repair]
    published: str | None


def segment(original: str, normalised: str) -> Segmented:
    """Split a page into articles; spans point into `original`."""
    blocks = split_blocks(original, normalised)
    classify(blocks)
    blocks, repairs = repair(blocks, original)
    published = next(
        (b.info["published"] for b in blocks if b.role == "meta" and isinstance(b.info.get("published"), str)),
        None,
    )
    # Every part of an article is cut from the page by offsets: it quotes the page, and its spans fit
    # their texts by construction, so the records are built without validating them again.
    articles = trusted_builder(list[Article]).validate_python([_build(d, original) for d in _group(blocks)])
    return Segmented(articles, repairs, published)  # type: ignore[arg-type]


def _group(blocks: list[Block]) -> list[Draft]:
    drafts: list[Draft] = []
    cur: Draft | None = None
    section: str | None = None
    i = 0
    n = len(blocks)
    while i < n:
        b = blocks[i]
        if b.role in _HEAD_RUN:
            j = i
            while j < n and blocks[j].role in _HEAD_RUN:
                j += 1
            run = blocks[i:j]
            nxt = blocks[j] if j < n else None
            cur, section = _heading_run(run, nxt, cur, section, drafts)
            i = j
            continue
        if b.role in ("body", "dateline"):
            starts_story = (
                cur is not None
                and cur.body
                and b.gap_before >= WIDE_GAP
                and i + 1 < n
                and blocks[i + 1].role in ("caption", "credit")
            )
            if cur is None or starts_story or (b.role == "dateline" and cur.body):
                cur = Draft(section=section)
                drafts.append(cur)
            cur.blocks.append(b)
            if b.duplicate_of is None:
                cur.body.append(b)
            if b.role == "dateline" and cur.dateline is None:
                place = b.info.get("dateline")
                cur.dateline = place if isinstance(place, str) and place else None
                cur.add_names("reporters", b.info.get("reporters"))
            if b.info:  # most body blocks carry no names
                cur.add_names("photographers", b.info.get("photographers"))
            i += 1
            continue
        # caption, credit, editor: belong to the open article (or open one)
        if cur is None:
            cur = Draft(section=section)
            drafts.append(cur)
        cur.blocks.append(b)
        if b.role == "caption" and b.duplicate_of is None:
            cur.captions.append(b)
        cur.add_names("photographers", b.info.get("photographers"))
        cur.add_names("editors", b.info.get("editors"))
        i += 1
    for d in drafts:
        _trailing_reporter(d)
    return drafts


def _heading_run(
    run: list[Block], nxt: Block | None, cur: Draft | None, section: str | None, drafts: list[Draft]
) -> tuple[Draft | None, str | None]:
    """Decide what a run of heading-like blocks is, given the block after it."""
    # A column name opens the run when more headings follow it, or when nothing else does.
    if (
        run[0].role == "heading"
        and is_section_name(run[0].text)
        and ((len(run) > 1 and run[1].role == "heading") or nxt is None or nxt.role in ("body", "dateline"))
    ):
        section = run[0].orig
        run[0].role = "section"
        run = run[1:]
        if not run:
            return cur, section
    # A bare name between headline and meta line is the byline of a web copy (格桑边觉).
    for k in range(1, len(run)):
        blk = run[k]
        follows_head = run[k - 1].role == "heading"
        before_meta = k + 1 < len(run) and run[k + 1].role == "meta"
        if blk.role == "heading" and follows_head and before_meta and _NAME_LINE.match(blk.text):
            blk.role = "byline"
            blk.info["reporters"] = split_names(blk.orig)
    headings = [b for b in run if b.role == "heading"]
    structural = any(b.role in ("subtitle", "byline", "meta") for b in run)
    opens = (
        cur is None
        or structural
        or len(headings) >= 2
        or run[0].role == "section"
        or (nxt is not None and nxt.role == "dateline")
        or section is not None  # inside a column every heading opens a short item
        or run[0].gap_before >= WIDE_GAP
        or (nxt is not None and nxt.gap_before >= WIDE_GAP)
    )
    if not opens and cur is not None:
        for h in headings:
            cur.intertitles.append(h)
            cur.blocks.append(h)
            h.role = "intertitle"
        return cur, section
    draft = Draft(section=section)
    drafts.append(draft)
    if headings:
        draft.headline = headings[-1]
        if len(headings) >= 2:
            draft.kicker = headings[-2]
        for h in headings:
            h.role = "headline" if h is draft.headline else "kicker"
    for b in run:
        draft.blocks.append(b)
        if b.role == "subtitle" and draft.subtitle is None:
            sub = b.info.get("subtitle")
            draft.subtitle = sub if isinstance(sub, str) else None
        if b.info:  # headings carry no names
            draft.add_names("reporters", b.info.get("reporters"))
            draft.add_names("editors", b.info.get("editors"))
    return draft, section


def _trailing_reporter(d: Draft) -> None:
    """A web copy may sign off with the reporter's name in brackets: …贡献。(李隽)"""
    if d.reporters or not d.body:
        return
    last = d.body[-1]
    m = patterns().trailing_name.search(last.text)
    if m:
        d.add_names("reporters", names_of(last, m))


def _span(b: Block, original: str) -> dict[str, Any]:
    a, e = b.pieces[0][0], b.pieces[-1][1]
    return {"text": original[a:e], "start": a, "end": e}


def _paragraph(b: Block, original: str) -> dict[str, Any] | None:
    """The paragraph of a body block (None if nothing is left of it)."""
    pieces = b.pieces
    if b.role == "dateline":
        cut = b.original_offset(int(b.info.get("dateline_end", 0)))  # type: ignore[call-overload]
        pieces = [(cut, pieces[0][1]), *pieces[1:]]
    if len(pieces) == 1:  # a block that no repair joined: the common case, without a join
        a, e = pieces[0]
        text = original[a:e]
        return {"text": text, "pieces": [{"text": text, "start": a, "end": e}]} if text else None
    spans = [{"text": original[a:e], "start": a, "end": e} for a, e in pieces if e > a]
    if len(spans) == 1:
        return {"text": spans[0]["text"], "pieces": spans}
    text = "".join(original[a:e] for a, e in pieces if e > a)
    return {"text": text, "pieces": spans} if text else None


def _build(d: Draft, original: str) -> dict[str, Any]:
    """The fields of a draft's `Article`."""
    start = min([b.pieces[0][0] for b in d.blocks])
    end = max([b.pieces[-1][1] for b in d.blocks])
    paragraphs = [p for b in d.body if (p := _paragraph(b, original)) is not None]
    return {
        "start": start,
        "end": end,
        "text": original[start:end],
        "headline": _clean(original, d.headline),
        "kicker": _clean(original, d.kicker),
        "subtitle": d.subtitle and _strip_dash(original, d),
        "section": d.section,
        "intertitles": [_span(b, original) for b in d.intertitles],
        "reporters": d.reporters,
        "photographers": d.photographers,
        "editors": d.editors,
        "dateline": d.dateline,
        "captions": [_span(b, original) for b in d.captions],
        "paragraphs": paragraphs,
    }


def _clean(original: str, b: Block | None) -> str | None:
    return None if b is None else original[b.start : b.end]


def _strip_dash(original: str, d: Draft) -> str | None:
    for b in d.blocks:
        if b.role == "subtitle":
            raw = original[b.start : b.end]
            return raw.lstrip("—-－― ").strip() or None
    return d.subtitle
