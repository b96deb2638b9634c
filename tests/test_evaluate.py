"""The eval command and the scoring behind it: gold against itself, and a hand-computed case."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lhasa_news.evaluate import char_f1, page_to_gold, score_doc
from lhasa_news.pipeline import parse_page

GOLD = {
    "doc": "t.txt",
    "published": "2024-01",
    "articles": [{"headline": "标题", "kicker": None, "subtitle": None, "section": None, "reporters": ["甲"],
                  "photographers": [], "dateline": "拉萨", "first_words": "近日，某村分红"}],
    "quantities": [
        {"text": "43家", "start": 10, "value": "43", "unit": "count", "item": "家", "approx": "exact",
         "metric": "培育企业", "subject": "拉萨市", "period": "2023年", "period_start": "2023-01-01",
         "period_end": "2023-12-31", "status": "actual"},
        {"text": "12.5%", "start": 20, "value": "12.5", "unit": "%", "item": None, "approx": "exact",
         "metric": "同比增长", "subject": "拉萨市", "period": "2023年", "period_start": "2023-01-01",
         "period_end": "2023-12-31", "status": "actual"},
        {"text": "约3亿元", "start": 30, "value": "300000000", "unit": "CNY", "item": None, "approx": "approx",
         "metric": "投资", "subject": None, "period": None, "period_start": None, "period_end": None,
         "status": "projected"},
    ],
    "projects": [],
    "events": [],
}  # fmt: skip


def test_gold_against_itself_scores_one() -> None:
    scores = score_doc(GOLD, GOLD)
    for kind in ("quantities", "figures", "articles"):
        s = scores[kind]
        assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0), kind
        assert all(right == total for right, total in s.fields.values()), kind


def test_a_known_miss_scores_as_computed_by_hand() -> None:
    pred = json.loads(json.dumps(GOLD))
    del pred["quantities"][2]  # one quantity missed
    pred["quantities"][1]["metric"] = "增长"  # char F1 with 同比增长 = 2·1·0.5/1.5 = 0.667: still right
    pred["quantities"][0]["status"] = "target"  # wrong
    pred["quantities"].append(dict(GOLD["quantities"][0], start=50, text="9家", value="9"))  # a false alarm
    q = score_doc(GOLD, pred)["quantities"]
    assert (q.tp, q.fp, q.fn) == (2, 1, 1)
    assert q.precision == pytest.approx(2 / 3) and q.recall == pytest.approx(2 / 3) and q.f1 == pytest.approx(2 / 3)
    f = score_doc(GOLD, pred)["figures"]
    assert f.field_accuracy("metric") == 1.0
    assert f.field_accuracy("status") == 0.5
    assert f.fields["dates"] == [2, 2]


def test_char_f1() -> None:
    assert char_f1("同比增长", "同比增长") == 1.0
    assert char_f1("增长", "同比增长") == pytest.approx(2 / 3)
    assert char_f1(None, None) == 1.0 and char_f1("a", None) == 0.0


def test_page_to_gold_has_the_contract_fields() -> None:
    page = parse_page("据统计，2023年，拉萨市培育企业43家，同比增长12.5%。", published="2024-01")
    doc = page_to_gold(page, "x.txt")
    assert set(doc) == {"doc", "published", "articles", "quantities", "projects", "events"}
    q = doc["quantities"][0]
    assert {"text", "start", "value", "unit", "item", "approx", "metric", "subject", "period",
            "period_start", "period_end", "status"} <= set(q)  # fmt: skip
    assert (q["value"], q["period"], q["period_start"]) == ("43", "2023年", "2023-01-01")


def test_eval_command_on_gold_as_predictions(tmp_path: Path) -> None:
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    corpus.mkdir()
    gold.mkdir()
    (corpus / "t.txt").write_text("x" * 60, encoding="utf-8")
    (gold / "t.gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "lhasa_news", "eval", str(corpus), str(gold), "--pred", str(gold), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    report = json.loads(out.stdout)
    assert report["quantities"]["f1"] == 1.0 and report["figures"]["fields"]["status"] == 1.0
    assert report["articles"]["f1"] == 1.0
