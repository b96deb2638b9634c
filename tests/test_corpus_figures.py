"""Figures on ../shared/corpus against gold: the thresholds of the figures issue."""

from __future__ import annotations

from pathlib import Path

from lhasa_news.evaluate import Score, evaluate_figures


def test_figure_fields(corpus_dirs: tuple[Path, Path]) -> None:
    corpus, gold = corpus_dirs
    total = Score()
    for score in evaluate_figures(corpus, gold).values():
        total.add(score)
    report = "\n".join(total.misses)
    assert total.tp >= 280
    assert total.field_accuracy("metric") >= 0.85, report
    assert total.field_accuracy("period") >= 0.85, report
    assert total.field_accuracy("dates") >= 0.85, report
    assert total.field_accuracy("status") >= 0.9, report
    assert total.field_accuracy("subject") >= 0.42, report  # no issue's threshold: a floor against regressions
