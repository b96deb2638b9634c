"""Score extraction against gold files of `shared/gold/FORMAT.md`.

Quantities: a gold quantity and a found one match when they have the same canonical unit, the same
value (or the same low/high for a range) within 0.01, and overlapping spans; each is matched at
most once, in page order. Articles: matched by their exact headline (a photo story without one by
its first words). Scores are precision, recall and F1, plus per-field accuracy over the matches.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from lhasa_news.models import Article, Figure, Quantity
from lhasa_news.recognize.quantities import extract_quantities

TOLERANCE = Decimal("0.01")


@dataclass
class Score:
    """Counts for one kind of record, and the misses and false alarms behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    approx_ok: int = 0
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
        return self.approx_ok / self.tp if self.tp else 1.0

    def field_accuracy(self, name: str) -> float:
        right, total = self.fields.get(name, [0, 0])
        return right / total if total else 1.0

    def count_field(self, name: str, ok: bool) -> None:
        slot = self.fields.setdefault(name, [0, 0])
        slot[0] += ok
        slot[1] += 1

    def add(self, other: Score) -> None:
        for name, (right, total) in other.fields.items():
            slot = self.fields.setdefault(name, [0, 0])
            slot[0] += right
            slot[1] += total
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.approx_ok += other.approx_ok
        self.misses += other.misses
        self.false_alarms += other.false_alarms


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _close(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= TOLERANCE


def quantity_matches(gold: dict[str, Any], found: Quantity) -> bool:
    """Same canonical unit, same value or range, overlapping span."""
    g_start = int(gold["start"])
    g_end = g_start + len(gold["text"])
    if found.end <= g_start or found.start >= g_end or found.unit != gold["unit"]:
        return False
    if gold.get("value") is not None:
        return _close(found.value, _dec(gold["value"]))
    return _close(found.low, _dec(gold.get("low"))) and _close(found.high, _dec(gold.get("high")))


def score_quantities(gold: list[dict[str, Any]], found: list[Quantity], label: str = "") -> Score:
    """Match gold quantities to found ones one to one, in page order."""
    score = Score()
    used = [False] * len(found)
    for g in gold:
        for i, q in enumerate(found):
            if not used[i] and quantity_matches(g, q):
                used[i] = True
                score.tp += 1
                score.approx_ok += q.approx == g.get("approx", "exact")
                score.count_field("approx", q.approx == g.get("approx", "exact"))
                if q.approx != g.get("approx", "exact"):
                    score.misses.append(f"{label}@{g['start']} {g['text']!r}: approx {q.approx} != {g['approx']}")
                break
        else:
            score.fn += 1
            shown = g.get("value") or (g.get("low"), g.get("high"))
            score.misses.append(f"{label}@{g['start']} {g['text']!r} {shown} {g['unit']}")
    for i, q in enumerate(found):
        if not used[i]:
            score.fp += 1
            shown = q.value if q.value is not None else (q.low, q.high)
            score.false_alarms.append(f"{label}@{q.start} {q.text!r} {shown} {q.unit} [{q.rule}]")
    return score


def evaluate_quantities(corpus_dir: Path, gold_dir: Path) -> dict[str, Score]:
    """Score `extract_quantities` on every gold file that has its page in `corpus_dir`."""
    out: dict[str, Score] = {}
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = corpus_dir / gold["doc"]
        text = page.read_text(encoding="utf-8")
        out[gold["doc"]] = score_quantities(gold["quantities"], extract_quantities(text), gold["doc"])
    return out


ARTICLE_FIELDS = ("kicker", "subtitle", "section", "dateline", "reporters", "photographers", "first_words")


def first_words(article: Article, n: int = 12) -> str | None:
    """The first `n` characters of the body, after any dateline prefix (gold's `first_words`)."""
    if not article.paragraphs:
        return None
    return article.paragraphs[0].text.strip()[:n]


def _article_value(article: Article, name: str) -> object:
    if name == "first_words":
        return first_words(article)
    return getattr(article, name)


def _norm(value: object) -> object:
    return None if value in ("", [], None) else value


def score_articles(gold: list[dict[str, Any]], found: list[Article], label: str = "") -> Score:
    """Match articles by exact headline (or, without one, by first words); compare their fields."""
    score = Score()
    used = [False] * len(found)
    for g in gold:
        for i, a in enumerate(found):
            if used[i]:
                continue
            same = (
                a.headline == g["headline"]
                if g.get("headline")
                else a.headline is None and first_words(a) == g.get("first_words")
            )
            if same:
                used[i] = True
                score.tp += 1
                for name in ARTICLE_FIELDS:
                    want, got = _norm(g.get(name)), _norm(_article_value(a, name))
                    score.count_field(name, want == got)
                    if want != got:
                        score.misses.append(f"{label} {g.get('headline')!r}: {name} {got!r} != {want!r}")
                break
        else:
            score.fn += 1
            score.misses.append(f"{label} article {g.get('headline') or g.get('first_words')!r} not found")
    for i, a in enumerate(found):
        if not used[i]:
            score.fp += 1
            score.false_alarms.append(f"{label}@{a.start} article {a.headline or first_words(a)!r}")
    return score


def evaluate_articles(corpus_dir: Path, gold_dir: Path) -> dict[str, Score]:
    """Score `parse_page`'s articles on every gold file that has its page in `corpus_dir`."""
    from lhasa_news.pipeline import parse_page

    out: dict[str, Score] = {}
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (corpus_dir / gold["doc"]).read_text(encoding="utf-8")
        page = parse_page(text, published=gold.get("published"))
        out[gold["doc"]] = score_articles(gold["articles"], page.articles, gold["doc"])
    return out


FIGURE_FIELDS = ("metric", "subject", "period", "dates", "status")


def score_figures(gold: list[dict[str, Any]], found: list[Figure], label: str = "") -> Score:
    """Match figures as quantities; then compare metric (character-overlap F1 ≥ 0.5), subject,
    period text, period dates (where gold has them) and status."""
    from lhasa_news.extract.figures import char_f1

    score = Score()
    used = [False] * len(found)
    for g in gold:
        for i, f in enumerate(found):
            if used[i] or not quantity_matches(g, f.quantity):
                continue
            used[i] = True
            score.tp += 1
            checks = {
                "metric": char_f1(f.metric, g.get("metric")) >= 0.5,
                "subject": _norm(f.subject) == _norm(g.get("subject")),
                "period": _norm(f.period.text if f.period else None) == _norm(g.get("period")),
                "status": f.status == g.get("status", "actual"),
            }
            if g.get("period_start") or g.get("period_end"):
                got = (
                    (f.period.first_day.isoformat() if f.period and f.period.first_day else None),
                    (f.period.last_day.isoformat() if f.period and f.period.last_day else None),
                )
                checks["dates"] = got == (g.get("period_start"), g.get("period_end"))
            for name, ok in checks.items():
                score.count_field(name, ok)
                if not ok:
                    got_value = {
                        "metric": f.metric, "subject": f.subject, "status": f.status,
                        "period": f.period.text if f.period else None,
                        "dates": (f.period.first_day, f.period.last_day) if f.period else None,
                    }[name]  # fmt: skip
                    want = (g.get("period_start"), g.get("period_end")) if name == "dates" else g.get(name)
                    score.misses.append(f"{label}@{g['start']} {g['text']!r} {name}: {got_value!r} != {want!r}")
            break
        else:
            score.fn += 1
    score.fp = used.count(False)
    return score


def evaluate_figures(corpus_dir: Path, gold_dir: Path) -> dict[str, Score]:
    """Score `parse_page`'s figures (parsed with each gold file's `published`)."""
    from lhasa_news.pipeline import parse_page

    out: dict[str, Score] = {}
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (corpus_dir / gold["doc"]).read_text(encoding="utf-8")
        page = parse_page(text, published=gold.get("published"))
        out[gold["doc"]] = score_figures(gold["quantities"], page.figures, gold["doc"])
    return out
