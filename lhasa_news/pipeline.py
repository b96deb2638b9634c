"""parse_page: the one road from text to `Page`.

text → normalised text (same length) → blocks, repaired → articles → quantities → figures → Page.
Every quantity becomes one `Figure` with its metric, subject, period and status, and belongs to the
article whose span holds it.
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from lhasa_news.extract.events import build_events
from lhasa_news.extract.figures import build_figures
from lhasa_news.extract.projects import build_projects
from lhasa_news.models import Article, Entity, Page, Warning, check_published
from lhasa_news.page.segment import segment
from lhasa_news.recognize.entities import extract_entities
from lhasa_news.recognize.quantities import extract_quantities
from lhasa_news.recognize.timex import extract_periods
from lhasa_news.text.normalise import normalise

MAX_CHARS = 50_000_000


def _published(value: date | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return check_published(value.strip() if isinstance(value, str) else None)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"published must be a date, an ISO string or None, not {type(value).__name__}")


def parse_page(text: str, published: date | str | None = None, source: str | None = None) -> Page:
    """Parse one page (or one article) of newspaper text into a validated `Page`.

    `published` is a `date`, an ISO date string or a prefix ("2024-01", "2024"); it anchors
    relative periods such as 去年. Raises `TypeError`/`ValueError` only for bad arguments, never
    for the content of the text.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_page expects the page text as str, got {type(text).__name__}")
    pub = _published(published)
    warnings: list[Warning] = []
    normalised = normalise(text)
    if len(text) > MAX_CHARS:
        warnings.append(Warning(code="input", message=f"text of {len(text)} characters: not split into articles"))
        articles: list[Article] = []
        repairs = []
    else:
        seg = segment(text, normalised)
        articles, repairs = seg.articles, seg.repairs
        if pub is None and seg.published is not None:
            pub = seg.published
    quantities = extract_quantities(text, normalised=normalised)
    periods = extract_periods(text, pub, normalised=normalised)
    joined = bytearray(len(text))  # line breaks that a repair joined: no sentence ends there
    for r in repairs:
        if r.kind == "join":
            joined[r.start : r.end] = b"\x01" * (r.end - r.start)
    names = extract_entities(text, normalised=normalised)
    figures = build_figures(text, normalised, quantities, periods, articles, repairs, joined, names)
    for fig in figures:
        if fig.article is not None:
            articles[fig.article].figures.append(fig)
    projects = build_projects(text, normalised, articles, figures, joined, names)
    for pr in projects:
        if pr.article is not None:
            articles[pr.article].projects.append(pr)
    events = build_events(text, normalised, articles, periods, figures)
    entities = [
        Entity.trusted(
            text=e.text, start=e.start, end=e.end, rule=f"entity.{e.kind}", kind=e.kind, canonical=e.canonical
        )
        for e in names
    ]
    entities = _with_bylines(text, articles, entities)
    for ev in events:
        if ev.article is not None:
            articles[ev.article].events.append(ev)
    return Page(
        text=text,
        published=pub,
        source=source,
        articles=articles,
        figures=figures,
        projects=projects,
        events=events,
        entities=entities,
        repairs=repairs,
        warnings=warnings,
    )


_SPAN = attrgetter("start", "end")


def _with_bylines(text: str, articles: list[Article], entities: list[Entity]) -> list[Entity]:
    """Reporters, photographers and editors are people too: each first mention in its article."""
    taken = set(map(_SPAN, entities))
    out = list(entities)
    for art in articles:
        for name in dict.fromkeys(art.reporters + art.photographers + art.editors):
            i = text.find(name, art.start, art.end)
            span = (i, i + len(name))
            if i >= 0 and span not in taken:
                taken.add(span)
                out.append(
                    Entity.trusted(text=name, start=i, end=span[1], rule="entity.byline", kind="person", canonical=name)
                )
    return sorted(out, key=_SPAN)
