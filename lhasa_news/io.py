"""Pages in and out: JSONL writing, streaming validated reading, and flat records for analytics.

Validation problems come out as `Problem`s with a stable code, so a CI report can be filtered and
counted (`lhasa-news validate`):

| code  | meaning                                                          |
|-------|------------------------------------------------------------------|
| LN001 | the line is not JSON                                             |
| LN002 | a required field is missing                                      |
| LN003 | a field has the wrong type or a value out of its range or enum   |
| LN004 | a field the model does not know                                  |
| LN005 | a span does not quote the page text where it says it stands      |
| LN006 | the schema version is not the one this library writes            |
| LN007 | a number is not a plain decimal (a float, or not a number)       |
| LN008 | a unit is not a canonical unit                                   |
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from pydantic import ValidationError

from lhasa_news.models import SCHEMA_VERSION, Page

Kind = Literal["figures", "projects", "events", "articles"]


@dataclass(frozen=True)
class Problem:
    """One validation problem of one line of a JSONL file."""

    path: str
    line: int
    field: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.code} {self.message}"


def write_jsonl(pages: Iterable[Page], out: IO[str] | Path | str) -> int:
    """Write one page per line; returns the number written."""
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8") as fh:
            return write_jsonl(pages, fh)
    count = 0
    for page in pages:
        out.write(page.model_dump_json() + "\n")
        count += 1
    return count


def _code(err: dict[str, Any]) -> str:
    kind = str(err.get("type", ""))
    msg = str(err.get("msg", ""))
    loc = [str(x) for x in err.get("loc", ())]
    if kind == "missing":
        return "LN002"
    if kind == "extra_forbidden":
        return "LN004"
    if "is not at" in msg or "span" in msg:
        return "LN005"
    if loc and loc[-1] == "schema_version":
        return "LN006"
    if "decimal" in msg or "float" in msg or kind.startswith("decimal"):
        return "LN007"
    if "unit" in msg:
        return "LN008"
    return "LN003"


def validate_line(line: str, path: str = "<input>", number: int = 1) -> tuple[Page | None, list[Problem]]:
    """Check one JSONL line against the model; return the page (if valid) and its problems."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, [Problem(path, number, "-", "LN001", f"not JSON: {exc.msg} (column {exc.colno})")]
    if isinstance(data, dict) and data.get("schema_version") not in (None, SCHEMA_VERSION):
        found = data.get("schema_version")
        problem = Problem(path, number, "schema_version", "LN006", f"{found!r}, this library reads {SCHEMA_VERSION!r}")
        return None, [problem]
    try:
        return Page.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err["loc"]) or "-"
            msg = str(err["msg"]).removeprefix("Value error, ")
            problems.append(Problem(path, number, where, _code(dict(err)), msg))
        return None, problems


def read_jsonl(source: Path | str, strict: bool = True) -> Iterator[Page]:
    """Stream the pages of a JSONL file, validating each line. With `strict` a bad line raises a
    `ValueError` naming the file and line; otherwise bad lines are skipped."""
    path = Path(source)
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            page, problems = validate_line(line, str(path), number)
            if page is not None:
                yield page
            elif strict:
                raise ValueError("; ".join(str(p) for p in problems))


def to_records(pages: Iterable[Page], kind: Kind) -> list[dict[str, Any]]:
    """Flat rows, one per record, with page and article context columns: ready for a DataFrame."""
    rows: list[dict[str, Any]] = []
    for page in pages:
        base = {"source": page.source, "published": page.published}
        for rec_index, rec in enumerate(getattr(page, kind)):
            row: dict[str, Any] = {**base, "index": rec_index}
            art = page.articles[rec.article] if getattr(rec, "article", None) is not None else None
            if kind != "articles":
                row["article"] = getattr(rec, "article", None)
                row["headline"] = art.headline if art else None
            row.update(_flat(kind, rec))
            rows.append(row)
    return rows


def _flat(kind: Kind, rec: Any) -> dict[str, Any]:
    if kind == "figures":
        q, p = rec.quantity, rec.period
        return {
            "text": q.text, "start": q.start, "end": q.end, "value": _s(q.value), "low": _s(q.low),
            "high": _s(q.high), "unit": q.unit, "item": q.item, "approx": q.approx, "metric": rec.metric,
            "subject": rec.subject, "subject_canonical": rec.subject_canonical,
            "period": p.text if p else None,
            "period_start": p.first_day.isoformat() if p and p.first_day else None,
            "period_end": p.last_day.isoformat() if p and p.last_day else None,
            "status": rec.status, "same_as": rec.same_as,
        }  # fmt: skip
    if kind == "projects":
        return {
            "investor": rec.investor, "name": rec.name, "location": rec.location, "action": rec.action,
            "amount": _s(rec.amount.value) if rec.amount else None,
            "amount_unit": rec.amount.unit if rec.amount else None,
            "extras": json.dumps({k: _s(v) for k, v in rec.extras.items()}, ensure_ascii=False),
            "start": rec.start, "end": rec.end,
        }  # fmt: skip
    if kind == "events":
        return {
            "type": rec.type, "trigger": rec.trigger, "title": rec.title, "location": rec.location,
            "when": rec.when.text if rec.when else None,
            "when_start": rec.when.first_day.isoformat() if rec.when and rec.when.first_day else None,
            "when_end": rec.when.last_day.isoformat() if rec.when and rec.when.last_day else None,
            "participants": rec.participants,
            "organizers": json.dumps(rec.organizers, ensure_ascii=False),
            "start": rec.start, "end": rec.end,
        }  # fmt: skip
    return {
        "headline": rec.headline, "kicker": rec.kicker, "subtitle": rec.subtitle, "section": rec.section,
        "reporters": "、".join(rec.reporters), "photographers": "、".join(rec.photographers),
        "dateline": rec.dateline, "start": rec.start, "end": rec.end,
        "figures": len(rec.figures), "projects": len(rec.projects), "events": len(rec.events),
    }  # fmt: skip


def _s(value: Any) -> str | None:
    return None if value is None else format(value, "f")


def to_dataframe(pages: Iterable[Page], kind: Kind) -> Any:
    """The flat records of `kind` as a pandas DataFrame (`pip install lhasa-news[analytics]`)."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise ImportError("to_dataframe needs pandas: pip install 'lhasa-news[analytics]'") from exc
    return pd.DataFrame(to_records(pages, kind))


def write_parquet(pages: Iterable[Page], folder: Path | str) -> list[Path]:
    """One Parquet file per kind of record (figures, projects, events, articles) in `folder`."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ImportError("Parquet output needs pyarrow: pip install 'lhasa-news[analytics]'") from exc
    kept = list(pages)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in ("figures", "projects", "events", "articles"):
        rows = to_records(kept, kind)
        path = out / f"{kind}.parquet"
        pq.write_table(pa.Table.from_pylist(rows), path)
        written.append(path)
    return written
