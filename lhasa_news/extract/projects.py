"""Projects: who brings money where to do what (洋河酒业 settles in 达孜 with 10亿元).

Investors are found where investment reporting puts them: after a verb that brings them in
(引进A、B等, 招引X入驻高新区, 促成X落户达孜), in a list closed by 等一批…项目 (…陆续落地), or as an
organisation that opens a clause and invests (X集团投资N亿元建设Y), named in full or again in short
(…有限公司负责人介绍，公司将在X实施Y项目: the full name). In the report around them:
the action (FORMAT's priority acquire > build > settle > sign > invest), the amount (a CNY figure
right after 投资/总投资), the project's name (…项目, …产业园, …中心 after 建设/并购), the place
(after 落户/入驻). Aggregates (签约项目88个，投资额393.6亿元) name no investor and make no record.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property
from typing import Any

from lhasa_news.data import load
from lhasa_news.models import Action, Article, Figure, Project
from lhasa_news.recognize.entities import Entity, OrgIndex, SubjectScan, gazetteer, places_in
from lhasa_news.text.sentences import SENTENCE_END, UP_TO_SENTENCE_END
from lhasa_news.text.wordregex import HAN as _HAN
from lhasa_news.text.wordregex import RunTail, alternation_except, trie_alternation
from lhasa_news.text.wordregex import alternation as _alt

_CLAUSE_STOP = "，,。；;！？!?\n"
_SHORTEST_NAME = 4  # a project's name after a modifier's 的 has at least so many characters


@dataclass(frozen=True)
class ProjectRules:
    introducer: re.Pattern[str]
    actions: list[tuple[Action, re.Pattern[str]]]
    priority: tuple[Action, ...]
    by_priority: tuple[tuple[Action, re.Pattern[str]], ...]  # the actions of `priority`, in its order
    amount_heads: tuple[str, ...]
    name: re.Pattern[str]
    org: RunTail
    closer: RunTail
    closer_cue: re.Pattern[str]
    cue: re.Pattern[str]
    investor_cue: re.Pattern[str]  # the cues less the list verbs: a sentence without one names no investor
    place_after: re.Pattern[str]
    place_at: re.Pattern[str]  # 在X + a verb of the project: X is where it stands
    acquired: re.Pattern[str]  # what an acquisition takes over
    introducer_word: re.Pattern[str]  # 引进, 招引…: the place before one brings the investor in
    adverbs_only: re.Pattern[str]  # all that may stand between that place and its introducer
    project_list: re.Pattern[str]
    name_end: re.Pattern[str]
    extras: tuple[tuple[str, str], ...]
    anaphor: re.Pattern[str]  # 该公司 + an investor verb
    anaphor_heads: dict[str, str]  # 该公司 → 公司: what the full name ends in
    disposal: tuple[str, ...]  # 把: what follows in its clause is turned into something, not acted on
    not_disposal: tuple[str, ...]  # 把握: no disposal marker
    name_more: re.Pattern[str]  # more of a project's name after its first end (景区 + 开发项目)
    leading_time: re.Pattern[str]  # a clause that only says when (近年来，) or who speaks (…主任达瓦次仁介绍，)


@cache
def rules() -> ProjectRules:
    d = load("projects")
    w = d["words"]
    introducers = _alt(d["introducers"])
    list_verbs = _alt(w["list_verbs"])
    digits = "0-9一二三四五六七八九十两"
    closer_end = rf"(?:{_alt(w['list_closers'])}|等?[{digits}]+家(?:企业|公司)?)"
    # where a closer can start, checked behind its first character: a scan led by a character class
    closer_first = "".join(sorted({re.escape(c[0]) for c in w["list_closers"]} | {"等"})) + digits
    not_actions = d["not_actions"]
    actions = [(a, re.compile(alternation_except(d["actions"][a], not_actions))) for a in d["actions"]]
    # words that start a scan, as one tree each (trie_alternation): the engine only stops at their first
    # characters; some with a condition where they end (the digit of N家; the name and verb of an org)
    closer_cue = {**dict.fromkeys(w["list_closers"], ""), "家": f"(?<=[{digits}]家)"}
    org_tail = _org_tail(w)
    anaphors = {word: _invests(w) for word in w["anaphors"]}
    investor_cue = _any_of(org_tail, closer_cue, dict.fromkeys(d["introducers"], ""), anaphors)
    name_end = _alt(w["name_ends"])
    listed = (  # A、B以及C项目: two or more names of projects, the list a list verb opens
        rf"(?:[^、，,。；;：:\n]{{2,40}}?(?:{name_end})(?:、|以及|和|及))+[^、，,。；;：:\n]{{2,40}}?(?:{name_end})"
    )
    # a list verb cues its sentence only where the list follows (in the article: the sentence's own
    # is looked for when it is read), so sentences with 建设 and no list of projects are not read
    cue = _any_of(investor_cue, dict.fromkeys(w["list_verbs"], f"(?={listed})"))
    return ProjectRules(
        introducer=re.compile(
            rf"(?:{introducers})(?P<names>[^{_CLAUSE_STOP}]{{2,80}}?)"
            rf"(?=落户|入驻|入主|进驻|落地|投资|出资|等|[{_CLAUSE_STOP}]|$)"
        ),
        actions=actions,
        priority=tuple(d["priority"]),
        by_priority=tuple((a, rx) for a in d["priority"] for kind, rx in actions if kind == a),
        amount_heads=tuple(sorted(w["amount_heads"], key=len, reverse=True)),
        name=re.compile(
            rf"(?:{alternation_except(w['name_verbs'], not_actions)})"
            rf"(?P<name>[^{_CLAUSE_STOP}]{{2,30}}?(?:{_alt(w['name_ends'])}))"
        ),
        org=RunTail.compile(
            rf"(?P<org>[{_HAN}A-Za-z]{{2,24}}(?:{trie_alternation(w['org_ends'])})){_invests(w)}",
            trie_alternation(org_tail, end=org_tail),
            rf"[^{_HAN}A-Za-z]",
            24,
        ),
        closer=RunTail.compile(
            rf"(?P<names>[^{_CLAUSE_STOP}：:]{{2,80}}?){closer_end}",
            rf"[{closer_first}](?<=[^{_CLAUSE_STOP}：:]{{2}}(?={closer_end}).)",
            rf"[{_CLAUSE_STOP}：:]",
            80,
        ),
        closer_cue=re.compile(trie_alternation(closer_cue, end=closer_cue)),
        # a sentence has an investor or a list of projects only with one of these in it
        cue=re.compile(trie_alternation(cue, end=cue)),
        investor_cue=re.compile(trie_alternation(investor_cue, end=investor_cue)),
        project_list=re.compile(rf"(?:{list_verbs})(?P<list>{listed})"),
        name_end=re.compile(rf"(?:{name_end})$"),
        extras=tuple(sorted(d["extras"].items(), key=lambda kv: len(kv[0]), reverse=True)),
        anaphor=re.compile(rf"(?:{_alt(w['anaphors'])}){_invests(w)}"),
        anaphor_heads=dict(w["anaphors"]),
        disposal=tuple(w["disposal_markers"]),
        not_disposal=tuple(w["not_disposal"]),
        name_more=re.compile(rf"[^{_CLAUSE_STOP}、和与及的]{{0,6}}?(?:{_alt(w['name_ends'])})"),
        leading_time=re.compile(
            rf"(?:{_alt(w['leading_times'])}|[^{_CLAUSE_STOP}]{{0,40}}?(?:{_alt(w['attributions'])}))[，,]"
        ),
        place_at=re.compile(
            rf"在(?!{_alt(w['place_generic_heads'])})"
            rf"(?P<place>[{_HAN}（）()—\-]{{1,24}}?(?:{_alt(w['place_ends'])})|{gazetteer().pattern.pattern})"
            rf"(?:{_alt(w['adverbs'])})*(?:{_alt(w['place_verbs'])})"
        ),
        acquired=re.compile(rf"(?:{alternation_except(d['actions']['acquire'], not_actions)})(?P<t>[{_HAN}]{{2,12}})"),
        introducer_word=re.compile(introducers),
        adverbs_only=re.compile(rf"(?:{_alt(w['adverbs'])})*"),
        place_after=re.compile(
            rf"(?:{_alt(d['actions']['settle'])})(?P<place>[{_HAN}（）()—\-]{{2,24}}?)(?=[{_CLAUSE_STOP}]|，|投资|建设|$)"
        ),
    )


def _invests(w: dict[str, Any]) -> str:
    """An organisation is an investor when an investor verb follows (after adverbs, 在X…, 以N元).
    The words as trees (trie_alternation), as this is tried after every organisation end."""
    return (
        rf"(?=(?:{trie_alternation(w['adverbs'])})*(?:(?:在|与)[^{_CLAUSE_STOP}]{{1,15}}?|以[0-9.]+[万亿]?元)?"
        rf"(?:{trie_alternation(w['investor_verbs'])}))"
    )


def _org_tail(w: dict[str, Any]) -> dict[str, str]:
    """Where an investing organisation ends (…集团 正式投资): each end word with its condition, the two
    name characters before it and an investor verb after it."""
    invests = _invests(w)
    return {x: rf"(?<=[{_HAN}A-Za-z]{{2}}{re.escape(x)}){invests}" for x in w["org_ends"]}


def _any_of(*groups: dict[str, str]) -> dict[str, str]:
    """Words with their end conditions: a word of several groups ends where any of its conditions holds."""
    conditions: dict[str, list[str]] = {}
    for group in groups:
        for word, condition in group.items():
            conditions.setdefault(word, []).append(condition)
    return {word: "" if "" in cs else f"(?:{'|'.join(cs)})" for word, cs in conditions.items()}


_SPLIT = re.compile(r"[、和与及]")
_BAD_NAME = re.compile(r"(一批|项目|企业|产业|龙头|数字经济|招商|区内|区外|单位|类)$")
_NOT_A_NAME = re.compile(
    r"[0-9的了来更多让过第]|企业|类|优质|一批|成为|^(?:落地|落户|入驻|投资|建设|更多|全国|全区|全市|全县)"
)


def _names(text: str) -> list[str]:
    """The names of a list (A、B和C), or none when the list is of kinds (数字、金融和高新技术产业)."""
    if _BAD_NAME.search(text.strip()) or _NOT_A_NAME.search(text):
        return []
    out = []
    for part in _SPLIT.split(text):
        part = part.strip(" “”\"'")
        for prefix in ("成功", "了", "一批"):
            part = part.removeprefix(prefix)
        if 2 <= len(part) <= 24 and not _BAD_NAME.search(part) and not part.endswith("等"):
            out.append(part)
    return out


_ORG_CUT = "由的在与同是为将把让从对给向于了等和、"
_THROUGH_LAST_CUT = re.compile(f"(?s:.*)[{re.escape(_ORG_CUT)}]")
_NAME_RUN_AT_END = re.compile(rf"[{_HAN}A-Za-z]{{2,20}}$")


def _last_cut(sent: str, a: int, b: int) -> int:
    """Where the last function word of sent[a:b] (an _ORG_CUT character) stands, or -1."""
    m = _THROUGH_LAST_CUT.match(sent, a, b)
    return m.end() - 1 if m else -1


_LEADS = ("其中", "此外", "同时", "另外", "目前", "如今", "今年", "去年", "近日", "日前", "会上", "现场")


def _trim_org(sent: str, a: int, b: int) -> tuple[int, int]:
    """An organisation name starts after the last function word before it (民宿项目由X集团 → X集团)."""
    cut = _last_cut(sent, a, b - 2)
    if cut >= a:
        a = cut + 1
    for lead in _LEADS:
        if sent.startswith(lead, a) and b - a > len(lead) + 2:
            a += len(lead)
    return a, b


def _and_split(sent: str, a: int, b: int) -> list[tuple[int, int]]:
    """A和B共同投资: both are investors (B is the matched name; A stands right before 和/与)."""
    out = [(a, b)]
    if a > 1 and sent[a - 1] in "和与、":
        m = _NAME_RUN_AT_END.search(sent[: a - 1])
        if m:
            x = _last_cut(sent, m.start(), a - 1) + 1
            start = max(m.start(), x)
            if a - 1 - start >= 2:
                out.insert(0, (start, a - 1))
    return out


_LIST_SPLIT = re.compile(r"、|以及")
_ORG_SUFFIXES = ("公司", "集团", "研究所", "研究院", "院", "局", "中心", "协会", "合作社", "控股", "资本")


def _listed_projects(
    text: str, n: str, s: int, e: int, art: Article, k: int, r: ProjectRules, seen: set[str]
) -> list[Project]:
    """A list of named projects with no company named: the place the report is about invests
    (阿里地区…签下可持续牧场酒店、…以及…综合能源项目; 林芝市…这40个项目中有A、B、C等)."""
    m = r.project_list.search(n, s, e)
    if m is None:
        return []
    region = _region(n, s, m.start(), art)
    if region is None:
        return []
    sent = n[s:e]
    action: Action = "invest"
    present = {kind for kind, rx in r.actions if rx.search(sent)}
    if not present - {"invest"}:  # 这40个项目中有A、B: the action is the report's (集中开工建设)
        present |= {kind for kind, rx in r.actions if rx.search(n, art.start, min(art.end, art.start + 300))}
    for kind in r.priority:
        if kind in present:
            action = kind
            break
    out = []
    pos = m.start("list")
    for raw in _LIST_SPLIT.split(m.group("list")):
        item = raw.split("等")[0] if "等" in raw else raw
        i = n.find(item, pos, m.end("list"))
        pos = i + len(item)
        if i < 0 or not r.name_end.search(item) or len(item) < 3:
            continue
        name = text[i : i + len(item)].replace("\n", "")
        key = region + "|" + name
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Project.trusted(
                text=text[i : i + len(item)],
                start=i,
                end=i + len(item),
                rule="project.list",
                investor=region,
                name=name,
                action=action,
                article=k,
            )
        )
    return out


def _region(n: str, s: int, verb: int, art: Article) -> str | None:
    """The place a report is about: one opening the sentence, else the first in the article."""
    for a, b in ((s, verb), (art.start, art.end)):
        found = places_in(n, a, min(b, a + 400))
        if found:
            return found[0]
    return None


class _Figures:
    """The page's figures and its money figures (CNY with a value), with their starts for bisection;
    made on first use, as most pages name no investor."""

    def __init__(self, figures: list[Figure]) -> None:
        self.all = figures

    @cached_property
    def starts(self) -> list[int]:
        return [f.quantity.start for f in self.all]

    @cached_property
    def money(self) -> list[Figure]:
        return [f for f in self.all if f.quantity.unit == "CNY" and f.quantity.value is not None]

    @cached_property
    def money_starts(self) -> list[int]:
        return [f.quantity.start for f in self.money]


def _extras(figures: _Figures, b: int, e: int, amount: object, r: ProjectRules) -> dict[str, Decimal]:
    """The project's other figures in its stretch of the report, keyed by their metric words."""
    out: dict[str, Decimal] = {}
    for f in figures.all[bisect_left(figures.starts, b) :]:
        q = f.quantity
        if q.start >= e:
            break
        if q is amount or q.value is None or not f.metric:
            continue
        for word, key in r.extras:
            if word in f.metric:
                unit = q.unit.replace("/", "_per_")
                name = key if unit == "CNY" else f"{key}_{unit}"
                out.setdefault(name, q.value)
                break
    return out


class _Spans:
    """Investor spans of one sentence, with the characters they already cover."""

    def __init__(self, s: int, e: int) -> None:
        self.s = s
        self.found: list[tuple[int, int]] = []
        self.taken = bytearray(e - s + 1)

    def free(self, x: int, y: int) -> bool:
        return self.taken.find(1, x - self.s, y - self.s) < 0

    def take(self, x: int, y: int) -> None:
        self.found.append((x, y))
        self.taken[x - self.s : y - self.s] = b"\x01" * (y - x)


_SETTLED_AFTER = re.compile(r"落地|落户|落了户|入驻|签约|引进|投资")


def _rejoin(n: str, joined: bytearray | None) -> str:
    """A paragraph cut at a break reads as one line again: the joined line breaks become spaces."""
    if joined is None:
        return n
    out = []
    done = 0
    while (i := joined.find(1, done, len(n))) >= 0:  # a run of joined characters
        j = joined.find(0, i, len(n))
        j = len(n) if j < 0 else j
        out += [n[done:i], n[i:j].replace("\n", " ")]
        done = j
    return "".join([*out, n[done:]]) if out else n


def _cued_sentences(n: str, start: int, end: int, r: ProjectRules) -> list[tuple[int, int]]:
    """The sentences of n[start:end] with a cue (introducer, list verb, investing organisation, list
    closer) in them: the others name no investor and no project, so they are not read at all.

    No cue holds a sentence end, so a cue's sentence runs from the last end before it to the next
    one; the search for the next cue goes on after that sentence (the rest of it is in already)."""
    out: list[tuple[int, int]] = []
    pos = start  # where the sentence before the next cue can start: no end is looked for before it
    while (cue := r.cue.search(n, pos, end)) is not None:
        before = UP_TO_SENTENCE_END.match(n, pos, cue.start())
        after = SENTENCE_END.search(n, cue.start(), end)
        s = before.end() if before else pos
        pos = after.start() if after else end
        out.append((s, pos))
    return out


def build_projects(
    text: str,
    normalised: str,
    articles: list[Article],
    figures: list[Figure],
    joined: bytearray | None = None,
    entities: Sequence[Entity] = (),
) -> list[Project]:
    """Projects of every article, in page order; one record per investor per article.

    `entities`: the page's names (`recognize.entities.extract_entities`), where a company named again
    in short (该公司) finds its full name."""
    r = rules()
    n = _rejoin(normalised, joined)
    figs = _Figures(figures)
    orgs = OrgIndex(entities, r.anaphor_heads.values())
    out: list[Project] = []
    for k, art in enumerate(articles):
        seen: set[str] = set()
        body = art.paragraphs[0].pieces[0].start if art.paragraphs else art.start
        for s, e in _cued_sentences(n, body, art.end, r):
            found = _investors(n[s:e], s, r)
            named_again = _named_again(n, s, e, art.start, found, orgs, r)
            named = {text[a:b] for a, b in found}  # 引进X公司，该公司投资…: X's report runs on
            named_again = {span: full for span, full in named_again.items() if text[full[0] : full[1]] not in named}
            found.extend(named_again)
            if not found:
                out.extend(_listed_projects(text, n, s, e, art, k, r, seen))
            spans = sorted(found)
            for j, (a, b) in enumerate(spans):
                x, y = named_again.get((a, b), (a, b))  # 该公司: the span of its full name
                investor = text[x:y].replace("\n", "").replace(" ", "")
                if investor in seen or len(investor) < 2:
                    continue
                seen.add(investor)
                # the investor's own stretch runs to the next investor named after a clause break
                stop = e
                for a2, _ in spans[j + 1 :]:
                    if any(c in n[b:a2] for c in "，,；;"):
                        stop = a2
                        break
                out.append(_project(text, n, a, b, s, stop, investor, r, figs, k))
    return out


def _named_again(
    n: str, s: int, e: int, floor: int, found: list[tuple[int, int]], orgs: OrgIndex, r: ProjectRules
) -> dict[tuple[int, int], tuple[int, int]]:
    """Companies named again in short that open a clause of n[s:e] and invest (该公司计划投资…), each
    with the span of the full name of the last organisation named before it since `floor` (its
    article's start) whose name ends as the short one does; none where an investor is found there."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for m in r.anaphor.finditer(n, s, e):
        a, b = m.span()
        if (a > s and n[a - 1] not in "，,；;：:") or any(x < b and a < y for x, y in found):
            continue
        spans, k = orgs.around(r.anaphor_heads[m.group()], a)
        if k and spans[k - 1][0] >= floor:
            out[(a, b)] = spans[k - 1]
    return out


def _closers(sent: str, r: ProjectRules) -> Iterator[re.Match[str]]:
    """Lists closed by 等一批…/N家 in the sentence: a fast scan for the closing words rules out most
    sentences, and the names are searched only from the clause of a tail."""
    if r.closer_cue.search(sent) is None:
        return iter(())
    return r.closer.finditer(sent)


def _investors(sent: str, s: int, r: ProjectRules) -> list[tuple[int, int]]:
    """Investor spans of the sentence starting at `s`: introduced, closing a list, or investing orgs.
    A sentence read for its list verb alone has none: one search for their cues rules it out."""
    if r.investor_cue.search(sent) is None:
        return []
    spans_of = _Spans(s, len(sent) + s)
    free, take = spans_of.free, spans_of.take
    for m in r.introducer.finditer(sent):
        for name in _names(m.group("names")):
            i = sent.find(name, m.start("names"))
            if i >= 0 and free(s + i, s + i + len(name)):
                take(s + i, s + i + len(name))
    for m in _closers(sent, r):
        if not _SETTLED_AFTER.search(sent, m.end()):
            continue
        head = m.group("names")
        items = _names(head)
        if any(r.name_end.search(x) or "投向" in x for x in items):
            continue  # 资金投向A、B中心等项目: the projects are listed, not their investors
        if m.group().endswith("等的") and not any(x.endswith(_ORG_SUFFIXES) for x in items):
            continue  # 灵芝、红米等的种植: products, not parties
        for name in items:
            i = sent.find(name, m.start("names"))
            if i >= 0 and free(s + i, s + i + len(name)):
                take(s + i, s + i + len(name))
    for m in r.org.finditer(sent):
        a, b = _trim_org(sent, m.start("org"), m.end("org"))
        if b - a < 2 or (a > 0 and sent[a - 1] in "与同跟"):
            continue  # 与西藏银行签订战略合作协议: a partner, not an investor
        if sent.startswith("出资的", b) or sent.startswith(("全区", "全市", "全县", "全地区"), a):
            continue  # 由X出资的Y: Y is the investor; 全区援藏投资: an aggregate
        for x, y in _and_split(sent, a, b):
            if free(s + x, s + y):
                take(s + x, s + y)
    return spans_of.found


def _introducing_place(text: str, n: str, s: int, a: int, r: ProjectRules) -> str | None:
    """A zone or county that brings the investor in is where it goes (拉萨高新区先后引进A、B → 拉萨高新区):
    the place named right before the last introducer ahead of the investor in its clause."""
    intros = list(r.introducer_word.finditer(n, s, a))
    intro = intros[-1] if intros else None
    if intro is None or any(c in n[intro.end() : a] for c in "，,；;：:"):
        return None
    place = SubjectScan(n, s).last(intro.start())
    if place is not None and r.adverbs_only.fullmatch(n, place[1], intro.start()) is not None:
        return text[place[0] : place[1]]
    opening = _opening_place(n, s, intro.start(), r)  # 近年来，拉萨高新区不断加大…，成功引进A、B
    return text[opening[0] : opening[1]] if opening else None


def _opening_place(n: str, s: int, end: int, r: ProjectRules) -> tuple[int, int] | None:
    """The span of a place the gazetteer knows that opens the sentence from `s`, after clauses that
    only say when (近年来，) or who speaks (…管委会主任达瓦次仁介绍，), if it stands before `end`."""
    pos = s
    while (m := r.leading_time.match(n, pos, end)) is not None:
        pos = m.end()
    place = gazetteer().pattern.match(n, pos, end)
    return place.span() if place else None


def _first_action(n: str, a: int, e: int, r: ProjectRules) -> Action:
    """The action of n[a:e] that comes first in priority (invest when none is named): searched in
    that order, so the search stops at the first one found."""
    for kind, rx in r.by_priority:
        for m in rx.finditer(n, a, e):
            if not _disposal(n, a, m.start(), r):
                return kind
    return "invest"


def _disposal(n: str, a: int, pos: int, r: ProjectRules) -> bool:
    """Whether the word at `pos` says what something is turned into (把景区建成藏民俗体验区), not
    what is done: a disposal marker (把) stands before it in its clause."""
    clause = max(a, *(n.rfind(c, a, pos) + 1 for c in "，,；;"))
    for word in r.disposal:
        i = n.find(word, clause, pos)
        while i >= 0:
            if not n.startswith(r.not_disposal, i):
                return True
            i = n.find(word, i + 1, pos)
    return False


def _project(
    text: str,
    n: str,
    a: int,
    b: int,
    s: int,
    e: int,
    investor: str,
    r: ProjectRules,
    figures: _Figures,
    article: int,
) -> Project:
    after = n[b:e]
    action = _first_action(n, a, e, r)
    amount = None
    k = bisect_left(figures.money_starts, b)
    for f in figures.money[k : k + 12]:
        q = f.quantity
        lead = q.start - 1 if q.start > s and n[q.start - 1] in "约近超逾达共为" else q.start
        if b <= q.start < e and n.endswith(r.amount_heads, s, lead):  # 投资10亿元, 总投资约8亿元
            amount = q
            break
    name = None
    m = r.name.search(after)
    if m:
        x, y = b + m.start("name"), b + m.end("name")
        while (more := r.name_more.match(n, y, e)) is not None:
            y = more.end()  # 东坝文化旅游景区 + 开发项目
        modifier = n.rfind("的", x, y)
        if modifier >= 0 and y - modifier > _SHORTEST_NAME:
            x = modifier + 1  # 海拔最高的国家绿色数据中心 → 国家绿色数据中心
        name = text[x:y]
    elif action == "acquire":
        acq = r.acquired.search(after)
        name = text[b + acq.start("t") : b + acq.end("t")] if acq else None
    pm = r.place_after.search(after) or r.place_at.search(after)
    place = text[b + pm.start("place") : b + pm.end("place")] if pm else _introducing_place(text, n, s, a, r)
    return Project.trusted(  # every field, in declaration order: Record.trusted's fast path
        text=text[a:b],
        start=a,
        end=b,
        rule="project.report",
        investor=investor,
        name=name,
        location=place,
        action=action,
        amount=amount,
        extras=_extras(figures, b, e, amount, r),
        article=article,
    )
