"""Articles on ../shared/corpus against gold, and the founding page's known damage."""

from __future__ import annotations

from pathlib import Path

import lhasa_news as ln
from lhasa_news.evaluate import ARTICLE_FIELDS, Score, evaluate_articles


def test_articles_precision_recall_and_fields(corpus_dirs: tuple[Path, Path]) -> None:
    corpus, gold = corpus_dirs
    total = Score()
    for score in evaluate_articles(corpus, gold).values():
        total.add(score)
    report = "\n".join(total.misses + total.false_alarms)
    assert total.tp >= 30, report
    assert total.precision >= 0.93, report
    assert total.recall >= 0.93, report
    for name in ARTICLE_FIELDS:
        assert total.field_accuracy(name) >= 0.9, (name, report)


def test_founding_page_repairs_and_intertitles(corpus_dirs: tuple[Path, Path]) -> None:
    corpus, _ = corpus_dirs
    text = (corpus / "lasa-daily-2024-01-p1.txt").read_text(encoding="utf-8")
    page = ln.parse_page(text, published="2024-01")
    for r in page.repairs:
        assert text[r.start : r.end] == r.text
    # the three breaks named in the issue (and one more of the same kind, 面向南亚的 / 国际数字经济园)
    joined_after = {text[r.start - 4 : r.start] for r in page.repairs if r.kind == "join"}
    assert joined_after == {"引进宝武", "同比增长", "向南亚的"}
    assert [r.text for r in page.repairs if r.kind == "drop_repeat"] == ["部分。"]
    first = page.articles[0]
    assert [s.text for s in first.intertitles] == [
        "产业集群，链条招商",
        "园区集聚，错位招商",
        "援藏集智，借力招商",
        "平台集气，会展招商",
    ]
    # the paragraph cut after 引进宝武 is one paragraph again, made of two pieces of the page
    para = next(p for p in first.paragraphs if "引进宝武钢铁" in p.text)
    assert len(para.pieces) == 2
    # a quantity of a repaired paragraph keeps its span in the original text
    q = next(f.quantity for f in page.figures if f.quantity.text == "192.54%")
    assert text[q.start : q.end] == "192.54%"
    assert first.start <= q.start < first.end
    assert page.figures[page.figures.index(next(f for f in page.figures if f.quantity is q))].article == 0
    # the repeated fragment "部分。" is dropped from the paragraph text, and only there
    drop = next(r for r in page.repairs if r.kind == "drop_repeat")
    assert drop.text == "部分。"
    assert any(p.text.startswith("宣传组手持") for a in page.articles for p in a.paragraphs)
