"""JSON Schemas of the data model, generated from the Pydantic models into `schemas/`.

`lhasa-news schema --out schemas` writes them; a test fails when the checked-in copies are stale,
so the published contract never drifts from the code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from lhasa_news.models import SCHEMA_VERSION, Article, Entity, Event, Figure, Page, Period, Project, Quantity

MODELS: dict[str, type[BaseModel]] = {
    "page": Page,
    "article": Article,
    "quantity": Quantity,
    "period": Period,
    "figure": Figure,
    "project": Project,
    "event": Event,
    "entity": Entity,
}


def schema_documents() -> dict[str, str]:
    """File name → JSON text of every schema (serialisation mode: what JSON files hold)."""
    out: dict[str, str] = {}
    for name, model in MODELS.items():
        schema: dict[str, Any] = model.model_json_schema(mode="serialization")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"lhasa_news/{name}.schema.json",
            "x-schema-version": SCHEMA_VERSION,
            **schema,
        }
        out[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every schema into `out_dir`; return the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in schema_documents().items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def stale_schemas(out_dir: Path) -> list[str]:
    """Names of schema files in `out_dir` that are missing or differ from the models."""
    return [
        name
        for name, text in schema_documents().items()
        if not (out_dir / name).is_file() or (out_dir / name).read_text(encoding="utf-8") != text
    ]
