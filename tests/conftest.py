"""Shared fixtures: where the development corpus and its gold live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("LHASA_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"


@pytest.fixture(scope="session")
def corpus_dirs() -> tuple[Path, Path]:
    """(corpus, gold); skips with a reason outside CI when ../shared is absent, fails in CI."""
    if not CORPUS.is_dir() or not GOLD.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the corpus at {SHARED} (set LHASA_SHARED to point elsewhere)")
        pytest.skip(f"no corpus at {SHARED}: set LHASA_SHARED to the folder holding corpus/ and gold/")
    return CORPUS, GOLD
