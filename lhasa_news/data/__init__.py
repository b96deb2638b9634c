"""Rule and word-list data files (TOML), loaded once on first use."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """Parse `lhasa_news/data/<name>.toml` once and keep it for the life of the process."""
    with resources.files(__package__).joinpath(f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)
