"""Events from trigger words, with the first fields (a start: the full table comes with issue 5)."""

from __future__ import annotations

import pytest

import lhasa_news as ln

CASES = [
    ("近日，林周县总工会中级挖掘机技能培训班结业，本次培训班共有40名学员。", "training", "结业", 40),
    ("近日，某村举行2023年度村集体经济收益分红仪式。", "ceremony", "分红仪式", None),
    ("近日，由城关区委宣传部主办，某公司承办的第二届“古院市集”市集活动开幕。", "exhibition", "市集活动", None),
    ("9月14日，平安山南建设宣传日集中宣传活动在我市举行。", "campaign", "宣传活动", None),
    ("近日，社区志愿者深入辖区餐饮场所开展安全隐患排查。", "inspection", "排查", None),
]


@pytest.mark.parametrize(("text", "kind", "trigger", "participants"), CASES)
def test_event(text: str, kind: str, trigger: str, participants: int | None) -> None:
    events = ln.parse_page(text, published="2024-01-20").events
    assert [(e.type, e.trigger) for e in events] == [(kind, trigger)]
    assert events[0].participants == participants
    assert text[events[0].start : events[0].end] == events[0].text


def test_organisers_by_role() -> None:
    text = "近日，由拉萨市城关区委宣传部主办，西藏自治区妇女发展协会协办，西藏卓丰林文化有限公司承办的第二届“古院市集·年味拉萨”市集活动开幕。"
    (e,) = ln.parse_page(text).events
    assert e.organizers == {
        "主办": ["拉萨市城关区委宣传部"],
        "协办": ["西藏自治区妇女发展协会"],
        "承办": ["西藏卓丰林文化有限公司"],
    }
    assert e.title == "第二届“古院市集·年味拉萨”市集活动"
    assert e.when is not None and e.when.text == "近日"


@pytest.mark.parametrize(
    "text",
    [
        "通过藏博会等区内招商活动，签约项目88个。",  # 活动 as a common noun
        "居民表示愿意积极参加社区活动和治理工作。",
        "预计5月底正式并网发电。",  # not yet happened
        "活动中，志愿者耐心细致地提供服务。",
    ],
)
def test_not_events(text: str) -> None:
    assert [e.trigger for e in ln.parse_page(text).events if e.type in ("campaign", "opening")] == []


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("本次培训班共有-40名学员参加。", None),  # found by a review: parse_page raised on a signed count
        ("本次培训班共有负40名学员参加。", None),
        ("本次培训班共有0名学员参加。", None),
        ("本次培训班共有30至50名学员参加。", None),  # a range is no single count
        ("本次培训班共有40名学员参加。", 40),
    ],
)
def test_participants_are_a_whole_number_of_people(text: str, participants: int | None) -> None:
    page = ln.parse_page(text)
    assert [(e.type, e.participants) for e in page.events] == [("training", participants)]
