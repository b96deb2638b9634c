"""Projects and events on ../shared/corpus against gold: the thresholds of issue 5."""

from __future__ import annotations

from pathlib import Path

from lhasa_news.evaluate import Score, evaluate


def test_projects_and_events(corpus_dirs: tuple[Path, Path]) -> None:
    corpus, gold = corpus_dirs
    report = evaluate(corpus, gold)
    projects: Score = report.total("projects")
    events: Score = report.total("events")
    detail = "\n".join(projects.misses + projects.false_alarms + events.misses + events.false_alarms)
    assert projects.f1 >= 0.8, detail
    assert projects.field_accuracy("action") >= 0.9, detail
    assert events.f1 >= 0.75, detail
    assert events.field_accuracy("participants") == 1.0, detail
