"""What a single block looks like: byline, credit, caption, dateline, editor, meta line, heading.

Every decision is a pattern of the genre (shared/GENRE.md) built from `data/segment.toml`; none
is a list of known headlines. Patterns run on normalised text, where prose punctuation may be
full- or half-width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from lhasa_news.data import load
from lhasa_news.page.layout import Block, has_any, layout_rules
from lhasa_news.text.wordregex import HAN as _HAN
from lhasa_news.text.wordregex import alternation as _alt

NAME = rf"[{_HAN}][{_HAN}·•]{{1,9}}(?![{_HAN}]*[:：])"
_NAMES = rf"{NAME}(?:[ 、，,/]+{NAME})*"
_SEP = re.compile(r"[ \u3000、，,/]+")


@dataclass(frozen=True)
class Patterns:
    sections: frozenset[str]
    kicker_suffixes: tuple[str, ...]
    max_section: int
    max_heading: int
    byline: re.Pattern[str]
    credit_line: re.Pattern[str]
    credit_tail: re.Pattern[str]
    editor: re.Pattern[str]
    editor_inline: re.Pattern[str]
    caption: re.Pattern[str]
    meta: re.Pattern[str]
    dateline: re.Pattern[str]
    subtitle: re.Pattern[str]
    date_only: re.Pattern[str]
    trailing_name: re.Pattern[str]
    role_prefix: re.Pattern[str]
    # First characters of the line patterns anchored at the start (editor, caption, byline,
    # subtitle, dateline; date_only starts with a digit): a block that starts with none of them
    # is none of these lines, and most body blocks are spared six regex calls.
    openers: frozenset[str]


@cache
def patterns() -> Patterns:
    d = load("segment")
    roles = _alt(d["byline_roles"])
    credit_roles = _alt(d["credit_roles"])
    agencies = _alt(d["dateline_agencies"])
    return Patterns(
        sections=frozenset(d["sections"]),
        kicker_suffixes=tuple(sorted(d["kicker_suffixes"], key=len, reverse=True)),
        max_section=int(d["max_section_chars"]),
        max_heading=layout_rules().max_heading,
        byline=re.compile(rf"^(?:{roles})\s*(?P<names>{_NAMES})$"),
        credit_line=re.compile(rf"^(?:(?:{credit_roles})\s*)?(?P<names>{_NAMES})\s*摄$"),
        credit_tail=re.compile(rf"(?<=[。.！!？?)）\s])\s*(?:(?:{credit_roles})\s*)?(?P<names>{_NAMES})\s*摄$"),
        editor=re.compile(
            rf"^[(（\[【]?\s*(?:{_alt(d['editor_words'])})\s*[:：]\s*(?P<names>[^)）\]】]+?)\s*[)）\]】]?$"
        ),
        editor_inline=re.compile(rf"(?:{_alt(d['editor_words'])})\s*[:：]\s*(?P<names>{_NAMES})"),
        caption=re.compile(rf"^(?:{_alt(d['caption_openers'])}|图\s*[①-⑳0-9一二三四五六七八九十]+\s*[:：]?)"),
        meta=re.compile(_alt(d["meta_words"])),
        dateline=re.compile(
            rf"^(?P<agency>{agencies})\s*(?P<place>[{_HAN}]{{1,6}}?)\s*"
            rf"(?:\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*)?(?:讯|电)"
            rf"\s*(?:[(（]\s*(?:(?:{roles})\s*)?(?P<names>{_NAMES})?\s*[)）])?\s*"
        ),
        subtitle=re.compile(r"^(?:——|--|－－|—|―)\s*(?P<text>\S.*)$"),
        date_only=re.compile(r"^\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$"),
        trailing_name=re.compile(rf"[(（](?P<names>{_NAMES})[)）]\s*$"),
        role_prefix=re.compile(rf"^(?:{roles}|{credit_roles})\s*"),
        openers=frozenset("(（[【图—-－―")
        | {w[0] for k in ("editor_words", "caption_openers", "byline_roles", "dateline_agencies") for w in d[k]},
    )


def split_names(text: str) -> list[str]:
    """ "温凯 永青", "王军、李键" → ["温凯", "永青"] / ["王军", "李键"]."""
    text = patterns().role_prefix.sub("", text.strip())
    return [n for n in _SEP.split(text) if n]


def names_of(block: Block, m: re.Match[str], group: str = "names") -> list[str]:
    """The names a match found in a block's normalised text, as printed (traditional stays so)."""
    s, e = m.span(group)
    if s < 0:
        return []
    role = patterns().role_prefix.match(block.text, s)
    if role is not None and role.end() <= e:
        s = role.end()
    return [n for n in _SEP.split(block.orig[s:e].strip()) if n]


_DATE_IN_META = re.compile(r"(?P<y>\d{4})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})")


def meta_date(text: str) -> str | None:
    """The first real date of a meta line as ISO text ("发布时间:2019-01-30 11:03" → 2019-01-30)."""
    m = _DATE_IN_META.search(text)
    if m is None:
        return None
    try:
        return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return None


_META_AUTHOR = re.compile(rf"(?:作者|记者)\s*[:：]\s*(?P<names>{_NAMES})")
_META_LEAD_NAMES = re.compile(rf"^(?P<names>{_NAMES})\s+(?=发布时间|时间|来源|\d{{4}})")
_META_TAIL_NAME = re.compile(rf"来源\s*[:：]\s*\S+\s{{2,}}(?P<names>{_NAMES})\s*$")


def meta_reporters(block: Block) -> list[str]:
    """Reporter names a web meta line carries: 作者:X, names before 发布时间, a name after 来源."""
    for rx in (_META_AUTHOR, _META_LEAD_NAMES, _META_TAIL_NAME):
        m = rx.search(block.text)
        if m:
            return names_of(block, m)
    return []


_HEADING_STOPS = tuple("。！？!?；;")


def is_heading_like(text: str, max_heading: int) -> bool:
    """Short, and without sentence-final punctuation: a headline, kicker, intertitle or column."""
    return len(text) <= max_heading and text[-1] not in "，,：" and not has_any(text, _HEADING_STOPS)


def is_section_name(text: str) -> bool:
    """A column name: a known one, or a line of 2–4 Han characters that names no place or body."""
    p = patterns()
    if text in p.sections:
        return True
    if not (2 <= len(text) <= 4) or not all("\u3400" <= c <= "\u9fff" for c in text):
        return False
    return not text.endswith(p.kicker_suffixes)


_META_STOPS = tuple("。！？")


def classify(blocks: list[Block]) -> None:
    """Give every block of a page the role it has on its own (the patterns looked up once a page)."""
    p = patterns()
    for block in blocks:
        block.role = _role(block, p)


def _role(block: Block, p: Patterns) -> str:
    """A structural role, 'heading' (short, unpunctuated) or 'body'."""
    t = block.text
    c = t[:1]
    opens = c in p.openers or c.isspace() or c.isdecimal()  # \s (editor) and \d (date_only) too
    credited = "摄" in t  # credits end in 摄
    if opens and len(t) <= 40 and (m := p.editor.match(t)):
        block.info["editors"] = names_of(block, m)
        return "editor"
    if credited and len(t) <= 40 and (m := p.credit_line.match(t)):
        block.info["photographers"] = names_of(block, m)
        return "credit"
    if opens and p.caption.match(t):
        if credited:
            _credit_tail(block)
        return "caption"
    if (opens and p.date_only.match(t)) or (len(t) <= 90 and p.meta.search(t) and not has_any(t, _META_STOPS)):
        block.info["published"] = meta_date(t)
        block.info["reporters"] = meta_reporters(block)
        ed = p.editor_inline.search(t)
        block.info["editors"] = names_of(block, ed) if ed else []
        return "meta"
    if opens and len(t) <= 40 and (m := p.byline.match(t)):
        block.info["reporters"] = names_of(block, m)
        return "byline"
    m = p.subtitle.match(t) if opens else None
    if m and is_heading_like(m["text"], p.max_heading):
        block.info["subtitle"] = block.orig[m.start("text") :]
        return "subtitle"
    m = p.dateline.match(t) if opens else None
    if m and len(t) > m.end():
        block.info["dateline"] = block.orig[m.start("place") : m.end("place")]
        block.info["dateline_end"] = m.end()
        block.info["reporters"] = names_of(block, m) if m["names"] else []
        if credited:
            _credit_tail(block)
        return "dateline"
    if credited and _credit_tail(block):
        text_part = block.info["credit_at"]
        return "caption" if isinstance(text_part, int) and text_part <= 40 else "body"
    return "heading" if is_heading_like(t, p.max_heading) else "body"


def _credit_tail(block: Block) -> bool:
    """A photo credit at the end of a caption or paragraph ("…(3月30日摄)。 新华社记者 徐昱 摄").

    Only worth trying on a text with 摄 in it (the caller knows)."""
    m = patterns().credit_tail.search(block.text)
    if m is None or "日摄" in block.text[max(0, m.start() - 2) : m.end()]:
        return False
    block.info["photographers"] = names_of(block, m)
    block.info["credit_at"] = m.start()
    return True
