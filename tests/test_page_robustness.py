"""parse_page on awkward input: never an exception, articles in order and apart, spans exact."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lhasa_news as ln
from lhasa_news import Page

LINES = [
    "时讯快递",
    "林周县总工会",
    "技能培训班结业",
    "——副题说明",
    "本报记者 张三 李四",
    "本报拉萨讯(记者 央金)近日，培训班共有40名学员。",
    "图为培训现场。",
    "本报通讯员 普珍 阿珍 摄",
    "(责编: 于超)",
    "发布时间:2019-01-30 11:03:00 来源: 西藏商报",
    "拉萨市招商引资实际到位资金251.06亿元，同比增长",
    "192.54%，形成新的增长极。",
    "部分。宣传组手持联系卡。",
    "</p>",
    " | ",
    "",
    "",
]


def _check(page: Page) -> None:
    text = page.text
    last_end = -1
    for art in page.articles:
        assert text[art.start : art.end] == art.text
        assert art.start >= last_end, "articles overlap or are out of order"
        last_end = art.end
        for p in art.paragraphs:
            assert "".join(s.text for s in p.pieces) == p.text
            for s in p.pieces:
                assert text[s.start : s.end] == s.text
        for s in art.captions + art.intertitles:
            assert text[s.start : s.end] == s.text
    for r in page.repairs:
        assert text[r.start : r.end] == r.text
    for f in page.figures:
        assert text[f.quantity.start : f.quantity.end] == f.quantity.text
    assert Page.model_validate_json(page.model_dump_json()) == page


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=25).map("\n".join))
def test_any_arrangement_of_genre_lines(text: str) -> None:
    _check(ln.parse_page(text))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text: str) -> None:
    _check(ln.parse_page(text))


def test_empty_and_blank() -> None:
    for text in ("", "\n\n\n", "   \u3000  "):
        page = ln.parse_page(text)
        assert page.articles == [] and page.figures == []


def test_one_line() -> None:
    page = ln.parse_page("拉萨市今年培育企业43家。")
    assert len(page.articles) == 1
    assert page.articles[0].headline is None
    assert page.figures[0].article == 0


def test_text_without_headline_is_one_article() -> None:
    text = "近日，拉萨市开展培训，共有40名学员。\n\n培训为期60天，学员全部通过考试。"
    page = ln.parse_page(text)
    assert len(page.articles) == 1 and len(page.articles[0].paragraphs) == 2


def test_crlf_fullwidth_spaces_and_html_residue() -> None:
    text = (
        "拉萨市总工会\r\n\r\n为返乡农民工开展志愿服务\r\n\r\n"
        "\u3000\u3000本报拉萨讯(记者 刘琳琳)近日，志愿者为返乡农民工开展服务。</p>\r\n"
        "图为服务现场。 | \r\n本报记者 格桑 摄\n"
    )
    page = ln.parse_page(text)
    _check(page)
    (art,) = page.articles
    assert (art.kicker, art.headline) == ("拉萨市总工会", "为返乡农民工开展志愿服务")
    assert art.reporters == ["刘琳琳"] and art.dateline == "拉萨" and art.photographers == ["格桑"]
    assert art.paragraphs[0].text.startswith("近日，志愿者")
    assert not art.paragraphs[0].text.endswith("</p>")
    assert [c.text for c in art.captions] == ["图为服务现场。"]


def test_traditional_page_is_segmented_like_simplified() -> None:
    simp = "时讯快递\n\n林周县总工会\n\n技能培训班结业\n\n本报拉萨讯(记者 央金)近日，培训班结业，共有40名学员。\n\n(责编: 于超)"
    trad = "時訊快遞\n\n林周縣總工會\n\n技能培訓班結業\n\n本報拉薩訊(記者 央金)近日，培訓班結業，共有40名學員。\n\n(責編: 于超)"
    a, b = ln.parse_page(simp).articles, ln.parse_page(trad).articles
    assert len(a) == len(b) == 1
    assert (b[0].section, b[0].kicker, b[0].headline) == ("時訊快遞", "林周縣總工會", "技能培訓班結業")
    assert (b[0].dateline, b[0].reporters, b[0].editors) == ("拉薩", ["央金"], ["于超"])
    assert [f.quantity.value for f in ln.parse_page(trad).figures] == [
        f.quantity.value for f in ln.parse_page(simp).figures
    ]


def test_five_megabyte_page() -> None:
    block = "拉萨市招商引资实际到位资金251.06亿元，同比增长12.5%。\n\n"
    text = ("时讯快递\n\n林周县总工会\n\n技能培训班结业\n\n" + block * 40) * 1400
    assert len(text) > 5_000_000 // 3  # 5 MB of UTF-8
    page = ln.parse_page(text)
    assert len(page.articles) == 1400
    assert len(page.figures) == 1400 * 80


def test_published_taken_from_meta_line_when_not_given() -> None:
    text = (
        "林芝旅游收入达59.22亿元\n\n刘欢 发布时间:2019-01-30 11:03:00来源: 西藏商报\n\n记者昨日获悉，收入增长37.56%。"
    )
    page = ln.parse_page(text)
    assert page.published == "2019-01-30"
    assert page.articles[0].reporters == ["刘欢"]
    assert ln.parse_page(text, published="2020-01").published == "2020-01"


@pytest.mark.parametrize(
    "text",
    [
        "1亿亿亿亿亿元",
        "12345678901234567890123.5亿元",
        "2000亿亿亿万千瓦时",
        "〇〇〇〇年",
        "亿" * 5000,
        "举办会议检查" * 300,
    ],
)
def test_inputs_that_once_raised_or_crawled(text: str) -> None:
    _check(ln.parse_page(text))


def test_periods_at_the_ends_of_the_calendar() -> None:
    assert ln.extract_periods("去年", "0001")[0].first_day is None
    assert ln.extract_periods("明年", "9999-12-31")[0].first_day is None


def test_dangqian_takes_the_year_just_mentioned() -> None:
    periods = ln.extract_periods("2019年，旅游火爆。当年旅游收入达到300亿元", "2024")
    assert [(p.text, p.first_day) for p in periods][-1][1].year == 2019


def test_jiang_before_a_number_is_no_future() -> None:
    page = ln.parse_page("去年，该村将300万元分红资金发放到1200户群众手中。", published="2024-01")
    assert [f.status for f in page.figures] == ["actual", "actual"]
