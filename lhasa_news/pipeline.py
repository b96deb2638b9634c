"""parse_page: the one road from text to `Page`.

text → normalised text (same length) → articles → quantities → figures → Page. Until page
segmentation lands, a page is one article spanning the whole text and every quantity becomes one
`Figure` whose metric, subject and period are still unknown.
"""

from __future__ import annotations

from datetime import date

from lhasa_news.models import Article, Figure, Page, Warning, check_published
from lhasa_news.recognize.quantities import extract_quantities

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
    if len(text) > MAX_CHARS:
        warnings.append(
            Warning(code="input", message=f"text of {len(text)} characters: only quantities are read")
        )
    quantities = extract_quantities(text)
    figures = [
        Figure(text=q.text, start=q.start, end=q.end, rule="figure.quantity", quantity=q, article=0)
        for q in quantities
    ]
    articles = []
    if text.strip():
        articles.append(Article(start=0, end=len(text), text=text, figures=figures))
    else:
        for f in figures:  # pragma: no cover - a blank text has no quantities
            f.article = None
    return Page(
        text=text, published=pub, source=source, articles=articles, figures=figures, warnings=warnings
    )
