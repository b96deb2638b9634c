"""Score extraction against gold files of the gold contract (`shared/gold/FORMAT.md`).

Both sides are documents in the gold format, so any system's output in that format can be scored
(`lhasa-news eval CORPUS GOLD --pred DIR`), and a page of ours is first turned into one
(`page_to_gold`). Matching, per kind of record:

- quantities: same canonical unit, same value (or low/high) within 0.01, overlapping spans;
- figures: the matched quantities, then metric (character-overlap F1 ≥ 0.5), subject, period
  text, period dates (where gold has them), status;
- articles: the exact headline (a photo story without one by its first words), then kicker,
  subtitle, section, dateline, reporters, photographers, first words;
- projects: overlapping investor names and the same amount, then action;
- events: the same type and trigger, then participants.

Each gold record is matched at most once, in page order. Scores are precision, recall, F1 and the
per-field share of matches that agree, with every miss and false alarm listed for error analysis.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from lhasa_news.models import Article, Page

TOLERANCE = Decimal("0.01")
KINDS = ("quantities", "figures", "articles", "projects", "events")
FIELDS: dict[str, tuple[str, ...]] = {
    "quantities": ("approx",),
    "figures": ("metric", "subject", "period", "dates", "status"),
    "articles": ("kicker", "subtitle", "section", "dateline", "reporters", "photographers", "first_words"),
    "projects": ("action", "name", "location"),
    "events": ("participants", "title", "location"),
}
ARTICLE_FIELDS = FIELDS["articles"]

Doc = dict[str, Any]


@dataclass
class Score:
    """Counts for one kind of record, the per-field agreement, and the errors behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)  # field → [right, compared]
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def approx_accuracy(self) -> float:
        return self.field_accuracy("approx")

    def field_accuracy(self, name: str) -> float:
        right, total = self.fields.get(name, [0, 0])
        return right / total if total else 1.0

    def count_field(self, name: str, ok: bool) -> None:
        slot = self.fields.setdefault(name, [0, 0])
        slot[0] += ok
        slot[1] += 1

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for name, (right, total) in other.fields.items():
            slot = self.fields.setdefault(name, [0, 0])
            slot[0] += right
            slot[1] += total
        self.misses += other.misses
        self.false_alarms += other.false_alarms

    def as_dict(self, fields: Iterable[str] = ()) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "fields": {f: self.field_accuracy(f) for f in fields},
        }


# ---------------------------------------------------------------- our pages in the gold format


def first_words(article: Article, n: int = 12) -> str | None:
    """The first `n` characters of the body, after any dateline prefix (gold's `first_words`)."""
    if not article.paragraphs:
        return None
    return article.paragraphs[0].text.strip()[:n]


def _plain(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def page_to_gold(page: Page, doc: str = "") -> Doc:
    """A page as a document of the gold format (FORMAT.md), for scoring and for exchange."""
    quantities = []
    for f in page.figures:
        q = f.quantity
        p = f.period
        quantities.append(
            {
                "text": q.text,
                "start": q.start,
                "value": _plain(q.value),
                **({"low": _plain(q.low), "high": _plain(q.high)} if q.value is None else {}),
                "unit": q.unit,
                "item": q.item,
                "approx": q.approx,
                "metric": f.metric,
                "subject": f.subject,
                "period": p.text if p else None,
                "period_start": p.first_day.isoformat() if p and p.first_day else None,
                "period_end": p.last_day.isoformat() if p and p.last_day else None,
                "status": f.status or "actual",
            }
        )
    articles = [
        {
            "headline": a.headline,
            "kicker": a.kicker,
            "subtitle": a.subtitle,
            "section": a.section,
            "reporters": a.reporters,
            "photographers": a.photographers,
            "dateline": a.dateline,
            "first_words": first_words(a),
        }
        for a in page.articles
    ]
    projects = [
        {
            "investor": pr.investor,
            "name": pr.name,
            "location": pr.location,
            "action": pr.action,
            "amount": _plain(pr.amount.value) if pr.amount else None,
            "amount_unit": pr.amount.unit if pr.amount else None,
            "extras": {k: _plain(v) for k, v in pr.extras.items()},
        }
        for pr in page.projects
    ]
    events = [
        {
            "type": e.type,
            "trigger": e.trigger,
            "title": e.title,
            "organizers": e.organizers,
            "location": e.location,
            "when": e.when.text if e.when else None,
            "participants": e.participants,
        }
        for e in page.events
    ]
    return {
        "doc": doc,
        "published": page.published,
        "articles": articles,
        "quantities": quantities,
        "projects": projects,
        "events": events,
    }


# ---------------------------------------------------------------- matching


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _close(a: Any, b: Any) -> bool:
    x, y = _dec(a), _dec(b)
    if x is None or y is None:
        return x is y
    return abs(x - y) <= TOLERANCE


def _norm(value: Any) -> Any:
    return None if value in ("", [], None, {}) else value


def char_f1(a: str | None, b: str | None) -> float:
    """Character-overlap F1 of two strings (how the gold contract compares metrics)."""
    if not a or not b:
        return 1.0 if not a and not b else 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if common == 0:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def quantity_matches(gold: Doc, found: Doc) -> bool:
    """Same canonical unit, same value or range, overlapping span."""
    g_start, f_start = int(gold["start"]), int(found["start"])
    g_end, f_end = g_start + len(gold["text"]), f_start + len(found["text"])
    if f_end <= g_start or f_start >= g_end or found.get("unit") != gold.get("unit"):
        return False
    if gold.get("value") is not None:
        return _close(found.get("value"), gold["value"])
    return _close(found.get("low"), gold.get("low")) and _close(found.get("high"), gold.get("high"))


def _article_matches(g: Doc, f: Doc) -> bool:
    if g.get("headline"):
        return bool(f.get("headline") == g["headline"])
    return not f.get("headline") and f.get("first_words") == g.get("first_words")


def _project_matches(g: Doc, f: Doc) -> bool:
    gi, fi = g.get("investor") or "", f.get("investor") or ""
    overlap = bool(gi and fi and (gi in fi or fi in gi or char_f1(gi, fi) >= 0.5))
    return overlap and _close(f.get("amount"), g.get("amount"))


def _event_matches(g: Doc, f: Doc) -> bool:
    return bool(g.get("type") == f.get("type") and g.get("trigger") == f.get("trigger"))


def _field_checks(kind: str, g: Doc, f: Doc) -> dict[str, bool]:
    if kind == "quantities":
        return {"approx": f.get("approx", "exact") == g.get("approx", "exact")}
    if kind == "figures":
        checks = {
            "metric": char_f1(f.get("metric"), g.get("metric")) >= 0.5,
            "subject": _norm(f.get("subject")) == _norm(g.get("subject")),
            "period": _norm(f.get("period")) == _norm(g.get("period")),
            "status": f.get("status", "actual") == g.get("status", "actual"),
        }
        if g.get("period_start") or g.get("period_end"):
            checks["dates"] = (f.get("period_start"), f.get("period_end")) == (
                g.get("period_start"),
                g.get("period_end"),
            )
        return checks
    if kind == "articles":
        return {name: _norm(f.get(name)) == _norm(g.get(name)) for name in ARTICLE_FIELDS}
    if kind == "projects":
        return {name: _norm(f.get(name)) == _norm(g.get(name)) for name in FIELDS["projects"]}
    checks = {name: _norm(f.get(name)) == _norm(g.get(name)) for name in ("title", "location")}
    if g.get("participants") is not None:
        checks["participants"] = f.get("participants") == g.get("participants")
    return checks


_MATCHERS: dict[str, Callable[[Doc, Doc], bool]] = {
    "quantities": quantity_matches,
    "figures": quantity_matches,
    "articles": _article_matches,
    "projects": _project_matches,
    "events": _event_matches,
}


def _label(kind: str, rec: Doc) -> str:
    if kind in ("quantities", "figures"):
        return f"@{rec.get('start')} {rec.get('text')!r}"
    if kind == "articles":
        return repr(rec.get("headline") or rec.get("first_words"))
    if kind == "projects":
        return f"{rec.get('investor')!r} {rec.get('amount')}"
    return f"{rec.get('type')} {rec.get('trigger')!r}"


def score_records(kind: str, gold: list[Doc], found: list[Doc], label: str = "") -> Score:
    """Match one kind of record one to one, in page order, and compare the matched fields."""
    match = _MATCHERS[kind]
    score = Score()
    used = [False] * len(found)
    for g in gold:
        for i, f in enumerate(found):
            if used[i] or not match(g, f):
                continue
            used[i] = True
            score.tp += 1
            for name, ok in _field_checks(kind, g, f).items():
                score.count_field(name, ok)
                if not ok:
                    got = (f.get("period_start"), f.get("period_end")) if name == "dates" else f.get(name)
                    want = (g.get("period_start"), g.get("period_end")) if name == "dates" else g.get(name)
                    score.misses.append(f"{label} {_label(kind, g)} {name}: {got!r} != {want!r}")
            break
        else:
            score.fn += 1
            score.misses.append(f"{label} {_label(kind, g)} not found")
    for i, f in enumerate(found):
        if not used[i]:
            score.fp += 1
            score.false_alarms.append(f"{label} {_label(kind, f)}")
    return score


def score_doc(gold: Doc, pred: Doc, label: str = "") -> dict[str, Score]:
    """Every kind of record of one page."""
    out: dict[str, Score] = {}
    for kind in KINDS:
        source = "quantities" if kind == "figures" else kind
        out[kind] = score_records(kind, gold.get(source, []), pred.get(source, []), label)
    return out


@dataclass
class Report:
    """Scores per file and in total, per kind of record."""

    per_file: dict[str, dict[str, Score]]

    def total(self, kind: str) -> Score:
        t = Score()
        for scores in self.per_file.values():
            t.add(scores[kind])
        return t

    def as_dict(self) -> dict[str, Any]:
        return {
            kind: {
                **self.total(kind).as_dict(FIELDS[kind]),
                "per_file": {name: s[kind].as_dict() for name, s in self.per_file.items()},
                "misses": self.total(kind).misses,
                "false_alarms": self.total(kind).false_alarms,
            }
            for kind in KINDS
        }


def load_gold(gold_dir: Path) -> list[tuple[Path, Doc]]:
    """Every `*.gold.json` of a folder, parsed, in name order."""
    return [(p, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(gold_dir.glob("*.gold.json"))]


def evaluate(corpus_dir: Path, gold_dir: Path, pred_dir: Path | None = None) -> Report:
    """Score every page that has a gold file: our extraction (parsed with the gold file's
    `published`), or the gold-format predictions in `pred_dir` (same file names)."""
    from lhasa_news.pipeline import parse_page

    per_file: dict[str, dict[str, Score]] = {}
    for path, gold in load_gold(gold_dir):
        name = gold.get("doc") or path.name.removesuffix(".gold.json") + ".txt"
        if pred_dir is not None:
            pred = json.loads((pred_dir / path.name).read_text(encoding="utf-8"))
        else:
            text = (corpus_dir / name).read_text(encoding="utf-8")
            pred = page_to_gold(parse_page(text, published=gold.get("published")), name)
        per_file[name] = score_doc(gold, pred, name)
    return Report(per_file)


def _kind(kind: str) -> Callable[[Path, Path], dict[str, Score]]:
    def run(corpus_dir: Path, gold_dir: Path) -> dict[str, Score]:
        report = evaluate(corpus_dir, gold_dir)
        return {name: scores[kind] for name, scores in report.per_file.items()}

    run.__doc__ = f"Scores of {kind} per file."
    return run


evaluate_quantities = _kind("quantities")
evaluate_figures = _kind("figures")
evaluate_articles = _kind("articles")
