"""lhasa_news: Chinese regional newspaper text → articles, quantities, figures, projects, events.

The public API is this module's `__all__`. Names are loaded on first use (PEP 562), so that
`import lhasa_news` stays cheap for command-line tools and worker processes; the first call pays
for Pydantic and the rule tables once.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "Article": "lhasa_news.models",
    "Entity": "lhasa_news.models",
    "extract_entities": "lhasa_news.recognize.entities",
    "Event": "lhasa_news.models",
    "Figure": "lhasa_news.models",
    "Page": "lhasa_news.models",
    "Period": "lhasa_news.models",
    "Project": "lhasa_news.models",
    "Quantity": "lhasa_news.models",
    "Warning": "lhasa_news.models",
    "parse_page": "lhasa_news.pipeline",
    "extract_quantities": "lhasa_news.recognize.quantities",
    "parse_quantity": "lhasa_news.recognize.quantities",
    "parse_period": "lhasa_news.recognize.timex",
    "extract_periods": "lhasa_news.recognize.timex",
}

__all__ = [
    "Article",
    "Entity",
    "Event",
    "Figure",
    "Page",
    "Period",
    "Project",
    "Quantity",
    "Warning",
    "__version__",
    "extract_entities",
    "extract_periods",
    "extract_quantities",
    "parse_page",
    "parse_period",
    "parse_quantity",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from lhasa_news.models import Article, Entity, Event, Figure, Page, Period, Project, Quantity, Warning
    from lhasa_news.pipeline import parse_page
    from lhasa_news.recognize.entities import extract_entities
    from lhasa_news.recognize.quantities import extract_quantities, parse_quantity
    from lhasa_news.recognize.timex import extract_periods, parse_period


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'lhasa_news' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
