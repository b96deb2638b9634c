"""Regenerate docs/data-model.md from the JSON Schemas of the models: python tools/gen_model_docs.py"""

from __future__ import annotations

import json
from pathlib import Path

from lhasa_news.schemas import schema_documents

OUT = Path(__file__).resolve().parents[1] / "docs" / "data-model.md"


def _type(spec: dict[str, object]) -> str:
    if "$ref" in spec:
        return str(spec["$ref"]).rsplit("/", 1)[-1]
    if "anyOf" in spec:
        return " or ".join(_type(s) for s in spec["anyOf"])  # type: ignore[arg-type, union-attr]
    if "enum" in spec:
        return " or ".join(repr(v) for v in spec["enum"])  # type: ignore[union-attr]
    if "const" in spec:
        return repr(spec["const"])
    if spec.get("type") == "array":
        return f"list[{_type(spec.get('items', {}))}]"  # type: ignore[arg-type]
    return str(spec.get("type", "any"))


def main() -> None:
    page = json.loads(schema_documents()["page.schema.json"])
    models = {"Page": page, **page.get("$defs", {})}
    lines = [
        "# The data model",
        "",
        "Generated from `schemas/page.schema.json` by `tools/gen_model_docs.py`; do not edit by hand.",
        "Every grounded record has `text`, `start`, `end` (half-open offsets into the page text) and `rule`.",
        "Decimals are plain decimal strings in JSON.",
        "",
    ]
    for name in sorted(models, key=lambda n: (n != "Page", n)):
        spec = models[name]
        lines += [f"## {name}", "", str(spec.get("description", "")).strip(), ""]
        lines += ["| field | type | required | description |", "|---|---|---|---|"]
        required = set(spec.get("required", []))
        for field, f in spec.get("properties", {}).items():
            desc = str(f.get("description", "")).replace("\n", " ")
            lines.append(f"| `{field}` | {_type(f)} | {'yes' if field in required else ''} | {desc} |")
        lines.append("")
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
