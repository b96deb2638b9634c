"""Places, organisations and people, with canonical names (a start: issue 5 continues)."""

from __future__ import annotations

import pytest

import lhasa_news as ln


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "拉萨高新区引进宁算科技集团。",
            [("拉萨高新区", "place", "拉萨高新技术产业开发区"), ("宁算科技集团", "org", "宁算科技集团")],
        ),
        ("高新区数字经济企业已达2803家。", [("高新区", "place", "拉萨高新技术产业开发区")]),
        ("林周县总工会开展技能培训。", [("林周县总工会", "org", "林周县总工会")]),
        ("管委会主任达瓦次仁介绍，", [("达瓦次仁", "person", "达瓦次仁")]),
        ("乃东区副区长格桑罗布表示，", [("乃东区", "place", "乃东区"), ("格桑罗布", "person", "格桑罗布")]),
        ("促成洋河酒业落户达孜", [("洋河酒业", "org", "洋河酒业"), ("达孜", "place", "达孜区")]),
        ("陈先生是夜市里最大的商户", [("陈先生", "person", "陈先生")]),
        ("根据热堆村合作社分红制度", [("热堆村合作社", "org", "热堆村合作社")]),
        ("去年合作社总创收", [("合作社", "org", "合作社")]),
        ("16家中央企业援藏工作队方面", [("16家中央企业援藏工作队", "org", "16家中央企业援藏工作队")]),
        ("当雄县农业农村局介绍", [("当雄县农业农村局", "org", "当雄县农业农村局")]),
    ],
)
def test_entities(text: str, wanted: list[tuple[str, str, str]]) -> None:
    found = ln.extract_entities(text)
    assert [(e.text, e.kind, e.canonical) for e in found] == wanted
    for e in found:
        assert text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    "text",
    ["比如去年全市完成投资。", "尼玛说今年收入增加了。", "社区有关负责人表示，下一步", "书记向居民介绍", "一位女士说"],
)
def test_not_names(text: str) -> None:
    assert [e.text for e in ln.extract_entities(text) if e.kind in ("place", "person")] == []


def test_figure_subjects_have_canonical_names() -> None:
    page = ln.parse_page("2023年，高新区数字经济企业已达2803家。", published="2024-01")
    f = page.figures[0]
    assert (f.subject, f.subject_canonical) == ("高新区", "拉萨高新技术产业开发区")


@pytest.mark.parametrize("text", ["该企业率先生产出首批产品。", "合作社优先生产牦牛肉。", "尊敬的女士们先生们"])
def test_honorific_needs_a_surname(text: str) -> None:
    assert [e.text for e in ln.extract_entities(text) if e.kind == "person"] == []


@pytest.mark.parametrize("text", ["开幕式上。\n女士们，欢迎。", "男士和女士共300人。", "原先生产的产品"])
def test_honorific_surname_list(text: str) -> None:
    assert [e.text for e in ln.extract_entities(text) if e.kind == "person"] == []
