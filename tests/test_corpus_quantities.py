"""Quantities on ../shared/corpus against its gold: the thresholds of the foundation issue."""

from __future__ import annotations

from pathlib import Path

from lhasa_news.evaluate import Score, evaluate_quantities


def test_quantity_precision_recall_approx(corpus_dirs: tuple[Path, Path]) -> None:
    corpus, gold = corpus_dirs
    per_file = evaluate_quantities(corpus, gold)
    assert len(per_file) >= 16
    total = Score()
    for score in per_file.values():
        total.add(score)
    report = "\n".join(total.misses + total.false_alarms)
    assert total.precision >= 0.95, report
    assert total.recall >= 0.95, report
    assert total.approx_accuracy >= 0.95, report


def test_spans_point_at_gold_text(corpus_dirs: tuple[Path, Path]) -> None:
    """Every quantity found inside a gold span quotes the page exactly."""
    from lhasa_news import extract_quantities

    corpus, _ = corpus_dirs
    for page in sorted(corpus.glob("*.txt")):
        text = page.read_text(encoding="utf-8")
        for q in extract_quantities(text):
            assert text[q.start : q.end] == q.text
