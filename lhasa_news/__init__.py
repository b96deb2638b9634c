"""lhasa_news: Chinese regional newspaper text → articles, quantities, figures, projects, events.

The public API is this module's `__all__`; everything else is an implementation detail.
"""

from __future__ import annotations

from lhasa_news.models import (
    Article,
    Event,
    Figure,
    Page,
    Period,
    Project,
    Quantity,
    Warning,
)
from lhasa_news.pipeline import parse_page
from lhasa_news.recognize.quantities import extract_quantities, parse_quantity

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Event",
    "Figure",
    "Page",
    "Period",
    "Project",
    "Quantity",
    "Warning",
    "__version__",
    "extract_quantities",
    "parse_page",
    "parse_quantity",
]
