"""The regex builders of text/wordregex.py: what each finds, on tables of words and texts."""

from __future__ import annotations

import re

import pytest

from lhasa_news.text.wordregex import alternation, alternation_except, trie_alternation

WORDS = ["并购", "收购", "入主", "投入"]
NOT_IN = {"入主": ["投入主", "收入主"]}

EXCEPT_CASES = [
    ("华钰集团入主林芝水泥厂", ["入主"]),
    ("资金投入主要用于生产线改造", ["投入"]),  # 入主 inside 投入主: only 投入 is found
    ("企业收入主要来自青稞加工", []),  # 入主 inside 收入主, and 收入 is no word of the list
    ("收购后入主董事会", ["收购", "入主"]),
    ("投入主", ["投入"]),  # a blocker blocks only the word it is listed under
    ("入主", ["入主"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "found"), EXCEPT_CASES)
def test_alternation_except_skips_words_inside_blockers(text: str, found: list[str]) -> None:
    rx = re.compile(alternation_except(WORDS, NOT_IN))
    assert [m.group() for m in rx.finditer(text)] == found


def test_alternation_except_without_blockers_is_the_alternation() -> None:
    assert alternation_except(WORDS, {}) == alternation(WORDS)


def test_alternation_except_refuses_a_blocker_without_its_word() -> None:
    with pytest.raises(ValueError, match="does not hold it"):
        alternation_except(WORDS, {"入主": ["投入"]})


@pytest.mark.parametrize("text", ["拉萨市高新区", "拉萨高新区", "拉萨", "高新区拉萨市", "市区"])
def test_trie_alternation_finds_what_the_longest_first_alternation_finds(text: str) -> None:
    words = ["拉萨", "拉萨市", "拉萨高新区", "高新区", "市"]
    tree, flat = re.compile(trie_alternation(words)), re.compile(alternation(words))
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
