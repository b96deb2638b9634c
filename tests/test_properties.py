"""Property tests: any text, no exception, exact spans, stable re-parsing, linear time."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lhasa_news import extract_quantities, parse_page, parse_quantity
from lhasa_news.recognize.entities import extract_entities
from lhasa_news.recognize.timex import extract_periods
from lhasa_news.text.normalise import normalise

# Text built from the characters that matter: digits, Chinese numerals, units, qualifiers,
# punctuation and a few ordinary characters, so that generated strings hit the grammar often.
ALPHABET = (
    "0123456789０１２３.,，%％/—-~至到 \n\r\u3000"
    "零〇一二两三四五六七八九十百千万亿壹贰叁廿卅萬億兩點点分之成倍番翻半"
    "元吨亩米平方公里千瓦时度人家个名次批期级年月日天周岁余多几来约近超逾左右以上下第"
    "的和在是了拉萨市区县项目企业“”《》()（）：:ABCGkmWh+"
)
texts = st.text(alphabet=ALPHABET, max_size=80) | st.text(max_size=60)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_extract_never_raises_and_spans_are_exact(text: str) -> None:
    for q in extract_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.start < q.end


# Numerals of any length before a magnitude or a unit: values may leave the range any figure
# reaches (10^20), which must drop the token, never raise.
huge = st.builds(
    lambda pre, digits, mags, unit, post: pre + digits + mags + unit + post,
    st.sampled_from(["", "处", "约", "1-", "3至", "百分之", "负"]),
    st.from_regex(r"[1-9][0-9]{0,29}(\.[0-9]{1,4})?", fullmatch=True)
    | st.text(alphabet="一二三九十百千万亿", min_size=1, max_size=12),
    st.text(alphabet="万亿兆千", max_size=3),
    st.sampled_from(["", "兆瓦", "亿元", "万吨", "吨", "亩", "%", "倍", "元/千瓦时", "万元/亩", "余人", "公里"]),
    st.sampled_from(["", "左右", "，另有5吨", "-9" * 3]),
)


@settings(max_examples=400, deadline=None)
@given(huge)
def test_huge_values_never_raise(text: str) -> None:
    for q in extract_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.value is None or abs(q.value) < 10**20
    page = parse_page(text)
    assert all(text[f.quantity.start : f.quantity.end] == f.quantity.text for f in page.figures)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_reparse_gives_the_same_value(text: str) -> None:
    for q in extract_quantities(text):
        again = parse_quantity(q.text)
        assert (again.value, again.low, again.high, again.unit) == (q.value, q.low, q.high, q.unit), q.text


@settings(max_examples=200, deadline=None)
@given(texts)
def test_parse_page_never_raises(text: str) -> None:
    page = parse_page(text)
    for f in page.figures:
        assert text[f.quantity.start : f.quantity.end] == f.quantity.text


def _seconds(text: str) -> float:
    t0 = time.perf_counter()
    extract_quantities(text)
    return time.perf_counter() - t0


def test_linear_on_long_digit_runs_and_lines() -> None:
    """A 1 MB line of digits (and long lines dense with numerals) is read in time proportional to
    its length. Compared against a run on a tenth of the input, not a wall-clock limit: quadratic
    behaviour would make the ratio ~100, linear ~10.
    """
    for unit, size in (
        ("1", 1_000_000),
        ("一二三", 1_000_000),
        ("1万", 100_000),
        ("12,345.6元、", 100_000),
        ("约3至5万元，", 100_000),
    ):
        small = unit * (size // 10 // len(unit))
        big = unit * (size // len(unit))
        t_small = max(_seconds(small), 1e-4)
        t_big = _seconds(big)
        assert t_big / t_small < 40, (unit, t_small, t_big)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_passing_the_normalised_text_changes_nothing(text: str) -> None:
    """The pipeline hands each recogniser the page it normalised once; the result is the same."""
    n = normalise(text)
    assert extract_quantities(text, normalised=n) == extract_quantities(text)
    assert extract_periods(text, "2024-05-10", normalised=n) == extract_periods(text, "2024-05-10")
    assert extract_entities(text, normalised=n) == extract_entities(text)


def test_a_normalised_text_of_another_length_is_refused() -> None:
    for call in (
        lambda: extract_quantities("3吨", normalised="3"),
        lambda: extract_periods("去年", None, normalised="去"),
        lambda: extract_entities("拉萨市", normalised="拉萨"),
    ):
        with pytest.raises(ValueError, match="length"):
            call()


# Pages assembled from the pieces the record builders react to (triggers, cues, signs, counts,
# times, places, line breaks), so that generated text reaches events, projects and figures.
PIECES = [
    "培训班",
    "开幕",
    "举行",
    "展会",
    "签约",
    "仪式",
    "检查",
    "活动",
    "投资",
    "落户",
    "建设",
    "项目",
    "亿元",
    "万元",
    "名学员",
    "人次",
    "参加",
    "共有",
    "负",
    "-",
    "约",
    "余",
    "至",
    "同比增长",
    "%",
    "拉萨市",
    "堆龙德庆区",
    "公司",
    "集团",
    "今年",
    "去年",
    "2023年",
    "1—10月",
    "12月5日",
    "记者",
    "本报讯",
    "摄",
    "。",
    "，",
    "、",
    "\n",
    "\n\n",
    "（",
    "）",
    "“",
    "”",
    "40",
    "3.5",
    "一百",
    "两",
]
pages = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(pages, st.sampled_from([None, "2024", "2024-05", "2024-05-10"]))
def test_parse_page_never_raises_on_page_like_text(text: str, published: str | None) -> None:
    page = parse_page(text, published=published)
    assert all(text[e.start : e.end] == e.text for e in page.events)
    assert all(text[p.start : p.end] == p.text for p in page.projects)
