"""Quantities in running text: numeral + unit + qualifier → `Quantity` with its exact span.

The scanner walks the normalised text (same length as the original, so offsets carry over) from
one numeral to the next. For each numeral it looks only at a few characters around it: the unit
after it (with its sub-units: 十块三毛, 3斤5两), a range partner, a sign (增长-3.2%), the
qualifier words before and after, and the filters of `data/filters.toml` (dates, ordinals, codes,
idioms, framing durations). Every check is bounded, so the whole scan is linear in the length of
the text.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from itertools import pairwise
from typing import Generic, TypeAlias, TypeVar

import regex

from lhasa_news.data import load
from lhasa_news.models import Approx, Quantity
from lhasa_news.recognize.numbers import (
    CHINESE_CHARS,
    LATIN_MAGNITUDES,
    MAGNITUDES,
    Number,
    NumeralError,
    chinese_integer,
    digit_value,
    magnitude_factor,
    parse_numeral,
    round_value,
    simplify,
)
from lhasa_news.recognize.units import UnitSpec, UnitTable, denominator_spec, match_unit, table
from lhasa_news.text.normalise import normalise, normalised_for

_CN = re.escape(CHINESE_CHARS)
_CN_DIGIT = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖俩"
_AR = r"(?:[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
# After an Arabic number and its magnitude, more places may follow in either script: 5万4千6百,
# 100万三千, 200亿零四千230, 1万600 (a trailing bare run needs two digits: 1万6 stays 1万 + 6).
# At most six more places (bounded, so a run such as 1万1万1万… costs linear time).
_MIXED_TAIL = rf"(?:零?(?:[0-9]{{1,4}}|[{_CN_DIGIT}])[十百千万亿佰仟拾]{{1,3}}){{0,6}}(?:零?[0-9]{{2,4}}(?![0-9.]))?"
# 兆 inside a Chinese numeral only when the numeral goes on below it (五兆六十二亿): see numbers.ZHAO.
_CN_RUN = rf"[{_CN}]+(?:兆(?=[{_CN_DIGIT}十拾])[{_CN}]+)*"
_RANGE_SEP = "—-~至到"
_LATIN_MAG = rf"[{LATIN_MAGNITUDES}](?![A-Za-z0-9])"  # 15k, 30w (not 5kg, 3kW)


# The numeral grammar uses only character classes, so the faster standard `re` engine runs it.
_FRAC = r"(?P<frac>(?<![0-9./])(?P<fnum>[1-9][0-9]?)/(?P<fden>[1-9][0-9]?)(?![0-9/.A-Za-z%]))"
_OF = rf"分之(?P<cnum>{_AR}|[{_CN}]+(?:点[{_CN_DIGIT}]+)?)"  # 三分之|一, 百分之|二十
_FAN = r"(?P<fan>翻(?P<fann>[一两二三四五])番)"
_NUM_AR = rf"{_AR}(?:[余多])?(?:\x20?[十百千万亿佰仟萬億]+)?(?:[余多几](?![十百千万亿]))?"
_NUM_CN = rf"[{_CN}]+(?:点[{_CN_DIGIT}]+[万亿]*)?(?:[余多几来][十百千万亿]*)?"
_TOKEN = re.compile(
    rf"{_FRAC}|(?P<cnfrac>(?P<cden>[{_CN}]+|[1-9][0-9]{{0,5}}){_OF})|{_FAN}|(?P<half>一半)|(?P<num>{_NUM_AR}|{_NUM_CN})"
)
# The same grammar for a token known to start with a digit, or with a Chinese numeral: only the
# alternatives that can start there, in the same order, so the match is the same and cheaper.
_TOKEN_AR = re.compile(rf"{_FRAC}|(?P<cnfrac>(?P<cden>[1-9][0-9]{{0,5}}){_OF})|(?P<num>{_NUM_AR})")
_TOKEN_CN = re.compile(rf"(?P<cnfrac>(?P<cden>[{_CN}]+){_OF})|(?P<half>一半)|(?P<num>{_NUM_CN})")
# Rarer forms, tried only where the common grammar stops before a character that may go on
# (a cheap look at one character, so the common case pays nothing): 5万4千6百, 15k, 五兆六十二亿, 两个亿.
_AR_LONGER = re.compile(
    rf"{_AR}(?:[余多])?(?:\x20?[十百千万亿佰仟萬億]+{_MIXED_TAIL}|{_LATIN_MAG})(?:[余多几](?![十百千万亿]))?"
)
_AR_GOES_ON = frozenset(LATIN_MAGNITUDES + "0123456789" + _CN_DIGIT)
_CN_LONGER = re.compile(rf"{_CN_RUN}(?:点[{_CN_DIGIT}]+[万亿]*)?(?:[余多几来][十百千万亿]*)?(?:个多?亿)?")
_CN_GOES_ON = frozenset("兆个")
# The run `_starts` takes at a numeral: digits with their decimals and 万/亿 (2023, 1.5, 3亿), or
# Chinese numerals (二十). Only the characters after it listed here can make `_TOKEN` read more or
# another kind (12,000, 1/4, 三分之一, 一半, 二十多, 3亿多, 5千万): before any other character the
# run is the whole token, and the grammar is not matched at all.
_AR_RUN_GOES_ON = frozenset(",，./分余多几 十百千万亿佰仟萬億")
_CN_RUN_GOES_ON = frozenset("分半点余多几来")
_ASCII_DIGITS = frozenset("0123456789")
_CN_CHARS = frozenset(CHINESE_CHARS)
_MAX_TOKEN = 40  # longer tokens are refused before the parse cache sees them
_RARE_LAST = frozenset(LATIN_MAGNITUDES + "两")  # 15k, 30w; 二两 (the unit liang)
_LAST_MARKS = _RARE_LAST | {"千"}  # and 三十万千瓦: last characters that `_shaped` looks at
_SIGNS = frozenset("-负")
_V = TypeVar("_V")


@cache
def _starts() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """Where a match may start (a numeral, 翻, 半, the first character of a word that is a quantity
    by itself, such as 对折), and those words by their first character (data/units.toml). At a
    numeral the match goes on over its run (2023, 1.5, 3亿; 二十): see `_AR_RUN_GOES_ON`."""
    words = sorted(table().words or {}, key=len, reverse=True)
    by_first: dict[str, tuple[str, ...]] = {}
    for w in words:
        if w[0] in CHINESE_CHARS or w[0].isdigit():
            raise ValueError(f"data/units.toml: word {w!r} starts like a numeral")
        by_first[w[0]] = (*by_first.get(w[0], ()), w)
    firsts = re.escape("".join(sorted(set(by_first) | {"半"})))
    run = rf"(?:(?<=[0-9])[0-9]*(?:\.[0-9]+)?[万亿]*|(?<=[{_CN}])[{_CN}]*)?"  # see _AR_RUN_GOES_ON
    return re.compile(rf"[0-9{_CN}翻{firsts}]{run}"), by_first


@cache
def _specials() -> frozenset[str]:
    return frozenset(_starts()[1]) | {"半"}


_SIMPLE_AR = re.compile(rf"{_AR}(?:[余多])?(?:\x20?[十百千万亿佰仟萬億]+)?(?:[余多几](?![十百千万亿]))?")
_NUM_AT = regex.compile(
    rf"{_AR}(?:[余多])?(?:\x20?[十百千万亿佰仟]+|{_LATIN_MAG})?|[{_CN}]+(?:点[零〇一二三四五六七八九]+)?[万亿]*(?:个亿)?"
)
_DA_NOUN = regex.compile(r"大(?P<noun>[\p{Han}]{2})")
_HAN = regex.compile(r"\p{Han}")
_STOP_NOUN = set("的了和与及或在是有为将把被从对向于中上下")
_OPENERS = frozenset("“「『《(（〈\"'")
_NAME_TEXT = regex.compile(r"[\p{Han}“”\"+\s]*")


@dataclass(frozen=True, slots=True)
class Rules:
    """The data of filters.toml and qualifiers.toml (and the unit table), prepared for lookups."""

    idioms: re.Pattern[str]
    idiom_max: int
    ordinal_before: frozenset[str]
    ordinal_prone: frozenset[str]
    cardinal_before: Words
    date_after: frozenset[str]
    year_markers: Words
    framing_before: Words
    framing_after: Words
    measured_before: Words
    one_needs_measure: bool
    code_neighbours: frozenset[str]
    glued_before: frozenset[str]
    before_marks: frozenset[str]
    token_marks: frozenset[str]
    digits_stop: frozenset[str]
    quick_reject: frozenset[str]
    prefix: dict[str, Approx]
    infix: dict[str, Approx]
    suffix: dict[str, Approx]
    fused: dict[str, Approx]
    prefix_at: WordTable[Approx]
    suffix_at: WordTable[Approx]
    never_after: Words
    never_after_firsts: frozenset[str]
    slogan_quotes: frozenset[str]
    session_words: Words
    name_kinds: frozenset[str]
    name_suffixes: regex.Pattern[str]
    name_window: int
    distant: re.Pattern[str]
    distant_reach: int
    particles: frozenset[str]
    range_inclusive: Words
    piece_before: Words
    tail_not_before: frozenset[str]
    half_not_after: frozenset[str]
    minus_not_after: frozenset[str]
    units: UnitTable
    unit_checks: dict[str, _UnitChecks]


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@cache
def rules() -> Rules:
    """Load the filter and qualifier data once."""
    f = load("filters")
    q = load("qualifiers")
    idioms = sorted(set(f["idioms"]), key=len, reverse=True)
    units = table()
    ordinal_prone, name_kinds = frozenset(f["ordinal_prone"]), frozenset(f["name_kinds"])
    return Rules(
        idioms=re.compile("|".join(re.escape(w) for w in idioms)),
        idiom_max=max(len(w) for w in idioms),
        ordinal_before=frozenset(f["ordinal_before"]),
        ordinal_prone=ordinal_prone,
        cardinal_before=Words(f["cardinal_before"]),
        date_after=frozenset(f["date_after"]),
        year_markers=Words(f["year_markers"]),
        framing_before=Words(f["duration_framing_before"]),
        framing_after=Words(f["duration_framing_after"]),
        measured_before=Words(f["duration_measured_before"]),
        one_needs_measure=bool(f["duration_one_needs_measure"]),
        code_neighbours=frozenset(f["code_neighbours"]),
        glued_before=frozenset(f["code_neighbours"]) | {".", "/", "%"},
        before_marks=(  # all that `_glued` turns away, but for digits (str.isdigit)
            frozenset(f["code_neighbours"])
            | {".", "/", "%", ",", "，"}
            | frozenset(f["ordinal_before"])
            | frozenset(_RANGE_SEP)  # the end of a range of ordinals (第3-5名)
            | frozenset(string.ascii_letters)
        ),
        token_marks=frozenset(f["code_neighbours"]) | frozenset(w[0] for w in f["never_after"]),
        digits_stop=_AR_RUN_GOES_ON | _AR_GOES_ON | frozenset(f["code_neighbours"]),
        quick_reject=_quick_reject_chars(),
        prefix=dict(q["prefix"]),
        infix=dict(q["infix"]),
        suffix=dict(q["suffix"]),
        fused=dict(q["fused"]),
        prefix_at=WordTable(q["prefix"]),
        suffix_at=WordTable(q["suffix"]),
        never_after=Words(f["never_after"]),
        never_after_firsts=frozenset(w[0] for w in f["never_after"]),
        slogan_quotes=frozenset(f["slogan_quotes"]),
        session_words=Words(f["session_words"]),
        name_kinds=name_kinds,
        name_suffixes=regex.compile("|".join(regex.escape(w) for w in f["name_suffixes"])),
        name_window=int(f["name_window"]),
        distant=re.compile(
            "("
            + "|".join(re.escape(w) for w in _longest_first(q["distant"]["words"]))
            + ")"
            + r"[\u3400-\u9fff]{0,"
            + str(int(q["distant"]["max_gap"]))
            + "}$"
        ),
        distant_reach=int(q["distant"]["max_gap"]) + max(len(w) for w in q["distant"]["words"]),
        particles=frozenset(q["particle"]["chars"]),
        range_inclusive=Words(q["range"]["inclusive"]),
        piece_before=Words(f["piece_before"]),
        tail_not_before=frozenset(f["tail_not_before"]),
        half_not_after=frozenset(f["half_not_after"]),
        minus_not_after=frozenset(f["minus_not_after"]),
        units=units,
        unit_checks={
            surface: _unit_checks(spec, ordinal_prone, name_kinds, units.prefix_rate_kinds)
            for surface, spec in units.by_surface.items()
        },
    )


def _in_idiom(n: str, start: int, r: Rules) -> bool:
    """Whether an idiom of filters.toml (一批, 统一, 一年一度) covers position `start`.

    The search skips to where an idiom starts (the engine checks the first characters itself) in
    the window of the idioms that could reach `start`, at most `idiom_max` times."""
    pos = start - r.idiom_max + 1
    if pos < 0:
        pos = 0
    reach = start + r.idiom_max
    while True:
        m = r.idioms.search(n, pos, reach)
        if m is None or m.start() > start:
            return False
        if m.end() > start:
            return True
        pos = m.start() + 1


@cache
def _quick_reject_chars() -> frozenset[str]:
    """Characters that may follow a Chinese numeral inside a quantity: a unit's first character,
    a range separator, 大 (五大版块). After any other character a Chinese numeral is no quantity."""
    return frozenset({s[0] for s in table().by_surface} | set(_RANGE_SEP) | {"大"})


# One entry of a `WordTable` index: the value of the one-character word there (None when there is
# none), and the longer words with their values by their next character, longest first.
_Entry: TypeAlias = "tuple[_V | None, dict[str, tuple[tuple[str, _V], ...]]]"


class WordTable(Generic[_V]):
    """Words with a value each, looked up at a text position: the longest word that starts (or ends)
    there. Indexed by the first two (last two) characters, so a lookup reads one or two characters
    and compares only the words that fit both, instead of trying the whole list."""

    __slots__ = ("_bwd", "_fwd", "firsts", "lasts")

    def __init__(self, table: Mapping[str, _V]) -> None:
        words = sorted((w for w in table if w), key=len, reverse=True)
        self._fwd: dict[str, _Entry[_V]] = _two_level((w, w, table[w]) for w in words)
        self._bwd: dict[str, _Entry[_V]] = _two_level((w[::-1], w, table[w]) for w in words)
        self.firsts = frozenset(self._fwd)  # for a check at the call site, saving the call
        self.lasts = frozenset(self._bwd)

    def after(self, n: str, pos: int, first: str | None = None) -> _V | None:
        """The value of the longest word starting at `pos`, or None. `first`: the character at
        `pos`, when the caller has it already."""
        if first is None:
            if pos >= len(n):
                return None
            first = n[pos]
        entry = self._fwd.get(first)
        if entry is None:
            return None
        single, longer = entry
        if longer and pos + 1 < len(n):
            for w, value in longer.get(n[pos + 1], ()):
                if len(w) == 2 or n.startswith(w, pos):
                    return value
        return single

    def before(self, n: str, pos: int, last: str | None = None) -> _V | None:
        """The value of the longest word ending at `pos`, or None. `last`: the character before
        `pos`, when the caller has it already."""
        if last is None:
            if pos == 0:
                return None
            last = n[pos - 1]
        entry = self._bwd.get(last)
        if entry is None:
            return None
        single, longer = entry
        if longer and pos >= 2:
            for w, value in longer.get(n[pos - 2], ()):
                if len(w) == 2 or (pos >= len(w) and n.startswith(w, pos - len(w))):
                    return value
        return single


def _two_level(entries: Iterable[tuple[str, str, _V]]) -> dict[str, _Entry[_V]]:
    """Index (key, word, value), longest first, by the key's first character and then its second."""
    out: dict[str, _Entry[_V]] = {}
    for key, word, value in entries:
        single, longer = out.get(key[0], (None, {}))
        if len(key) == 1:
            single = value
        else:
            longer[key[1]] = (*longer.get(key[1], ()), (word, value))
        out[key[0]] = (single, longer)
    return out


class Words(WordTable[str]):
    """A word list looked up at a text position; a lookup gives the word found."""

    __slots__ = ()

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__({w: w for w in words})


def _word_before(n: str, pos: int, words: tuple[str, ...]) -> str | None:
    for w in words:
        if pos >= len(w) and n.startswith(w, pos - len(w)):
            return w
    return None


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    number: Number
    unit: str
    item: str | None
    approx: Approx
    rule: str
    fused: bool = False


def _is_year(n: str, tok: str, number: Number, end: int, nxt: str, r: Rules) -> bool:
    """Whether `tok` at `end` (`nxt`: the character there) is a year: 2023年, 二〇二三年度."""
    if r.year_markers.after(n, end, nxt) is None or number.approx != "exact" or number.magnitude:
        return False
    if number.digit_string:
        return True
    return tok.isdigit() and len(tok) == 4 and 1000 <= int(tok) <= 2999


def _unit_ok(spec: UnitSpec, number: Number, tok: str, n: str, uend: int) -> bool:
    needs = spec.needs
    if needs is None:
        return True
    pure_chinese = not tok[0].isdigit()
    if needs == "chinese_numeral":
        return pure_chinese
    if needs == "arabic_or_magnitude":
        return not pure_chinese or number.magnitude
    if needs.startswith("magnitude_or_next:"):
        nxt = needs.partition(":")[2]
        return number.magnitude or spec.surface.endswith(nxt) or n.startswith(nxt, uend)
    if needs == "no_idiom":
        return rules().idioms.match(n, uend - len(spec.surface)) is None
    if needs in ("clause_end", "money_tail"):
        return True  # checked once the tail after the unit is known (_money_word_ok)
    raise ValueError(f"data/units.toml: unknown restriction {needs!r}")


def _parse_token(tok: str) -> Number | None:
    """The numeral of a token, or None. Huge tokens are refused before the cache sees them."""
    return None if len(tok) > _MAX_TOKEN else _parse_token_cached(tok)


@lru_cache(maxsize=8192)
def _parse_token_cached(tok: str) -> Number | None:
    """Failures are cached too: they are the costly ones."""
    try:
        return parse_numeral(tok)
    except (NumeralError, ArithmeticError):
        if len(tok) > 1 and tok[-1] in "余多几来":
            try:
                return parse_numeral(tok[:-1])
            except NumeralError:
                return None
        return None


def _scan(n: str, standalone: bool) -> list[_Found]:
    """Every quantity of the normalised text `n`, in order."""
    out: list[_Found] = []
    r = rules()
    candidate, words = _starts()
    specials = _specials()
    find = candidate.search
    pos = 0
    length = len(n)
    while pos < length:
        token_start = pos
        try:
            # A cheap character class finds where a numeral may start (and takes the plain run of digits
            # or Chinese numerals there); the full grammar is matched only there, anchored, and only when
            # the character after the run may make the token longer or another kind (_RUN_GOES_ON).
            c = find(n, pos)
            if c is None:
                break
            start, end = c.span()
            first = n[start]
            nxt = n[end] if end < length else ""
            arabic = first in _ASCII_DIGITS
            # The common case: an Arabic run before a character that neither extends it nor makes it a
            # code (20元, 1.5%, 3亿元): the run is the token, and of the shape checks only a date word
            # after it (20世纪) applies.
            plain = arabic and first != "0" and nxt not in r.digits_stop
            if plain:
                tok = c.group()
                pos = end
            else:
                if nxt in (_AR_RUN_GOES_ON if arabic else _CN_RUN_GOES_ON) or not (arabic or first in _CN_CHARS):
                    m = (_TOKEN_AR if arabic else _TOKEN_CN if first in _CN_CHARS else _TOKEN).match(n, start)
                    if m is None:
                        special = _special_at(n, start, words, r, standalone) if first in specials else None
                        if special is not None:
                            out.append(_finish(n, special, r))
                        pos = special.end if special is not None else start + 1
                        continue
                    pos = m.end()
                    if m.lastgroup != "num":
                        found = _other_token(n, m, r)
                        if found is not None:
                            out.append(_finish(n, found, r))
                            pos = max(pos, found.end)
                        continue
                    tok = m.group()
                    end = pos
                    nxt = n[end] if end < length else ""
                else:
                    tok = c.group()
                    pos = end
                if nxt in (_AR_GOES_ON if arabic else _CN_GOES_ON):
                    longer = (_AR_LONGER if arabic else _CN_LONGER).match(n, start)
                    if longer is not None and longer.end() > end:
                        tok = longer.group()
                        pos = end = longer.end()
                        nxt = n[end] if end < length else ""
            before = n[start - 1] if start else ""
            # Codes and names: G318, 1+N, 4/5G, 3A级; digits glued to letters or code marks; ordinals.
            # One set lookup and one character test let the common neighbour through.
            if (before in r.before_marks or before.isdigit()) and _glued(n, start, before, r, standalone):
                continue
            # The checks of the token's own shape and of the character after it; an Arabic number with
            # a plain last character and a plain neighbour (the common case) needs none of them.
            if plain:
                if nxt in r.never_after_firsts and r.never_after.after(n, end) is not None:
                    continue
            elif not arabic or first == "0" or nxt in r.token_marks or tok[-1] in _LAST_MARKS:
                shaped = _shaped(n, start, end, tok, before, arabic, r, standalone)
                if shaped is None:
                    continue
                tok, end = shaped
                nxt = n[end] if end < length else ""
            if not arabic and len(tok) == 2 and n.startswith("折", end) and _two_digits(tok):
                # 八五折, 三八折: a discount's two digits are read one by one (85 %), never as a pair
                number: Number | None = Number(Decimal(_two_digits(tok)), chinese=True, digit_string=True)
            else:
                number = _parse_token_cached(tok) if len(tok) <= _MAX_TOKEN else None
            if number is None:
                if not arabic:
                    continue
                simple = _SIMPLE_AR.match(tok)  # 1百200: the mixed reading fails, 1百 alone stands
                if simple is None or simple.end() >= len(tok):
                    continue
                tok = simple.group()
                pos = end = start + simple.end()
                nxt = n[end] if end < length else ""
                number = _parse_token(tok)
                if number is None:
                    continue
            # fused 上百/上千/上万: part of the text, "above"
            fused = False
            if (
                before in r.fused
                and tok[0] in "十百千万"
                and not number.digit_string
                and (before != "上" or tok[0] != "十")
            ):
                start -= 1
                fused = True

            # The unit, or a range partner, or neither.
            found = _with_unit(n, start, end, nxt, tok, number, r, standalone, fused)
            if found is None:
                continue
            if (
                before in _SIGNS
                and found.start == start
                and found.number.value is not None
                and _minus_sign(n, start, r)
            ):
                found.number = _negated(found.number)  # 增长-3.2%, 负0.5%: a sign, part of the text
                found.start -= 1
            if found.end > pos:
                pos = found.end
            out.append(_finish(n, found, r))
        except (NumeralError, ArithmeticError):
            # A value beyond what any news figure reaches (344064013615707兆瓦): the token is no
            # quantity, and the scan goes on after it rather than failing the whole text.
            pos = max(pos, token_start + 1)
    return out


def _shaped(
    n: str, start: int, end: int, tok: str, before: str, arabic: bool, r: Rules, standalone: bool
) -> tuple[str, int] | None:
    """The token `tok` at `start:end` after the checks of its shape and of the character after it:
    None for a code (007, 1+N), a k/w that is no magnitude, a Chinese numeral that cannot be a
    quantity there, a date word after it; shortened when its last 两 or 千 belongs to the unit."""
    length = len(n)
    nxt = n[end] if end < length else ""
    if tok[0] == "0" and len(tok) > 1 and tok[1].isdigit():
        return None  # 007, 0891: codes
    if nxt in r.code_neighbours:
        return None
    if tok[-1] in _RARE_LAST:
        if tok[-1] != "两":
            if not _latin_ok(n, end, r):
                return None  # 5k跑, 65w快充: not 千/万
        elif len(tok) >= 2 and tok[-2] not in "两俩" and _liang_ends(n, tok, end, r):
            tok, end = tok[:-1], end - 1  # 二两, 三十两, 三千两百两: 两 is the unit (50 g)
            nxt = n[end]
    if not arabic and not standalone:
        if before in r.slogan_quotes:
            return None
        if nxt and nxt not in r.quick_reject and before not in r.fused and not _qualified_after(n, end, r, nxt):
            return None  # a Chinese numeral with nothing that could make it a quantity (统一, 十四五)
        if _in_idiom(n, start, r):
            return None  # idioms are all Chinese: Arabic numbers never stand in one
    if nxt in r.never_after_firsts and r.never_after.after(n, end) is not None:
        return None
    if tok[-1] == "千" and len(tok) > 1 and tok[-2] in "十百万亿":
        unit_here = table().at(n, end - 1)
        if unit_here is not None and unit_here.surface.startswith("千"):
            tok, end = tok[:-1], end - 1  # 三十万千瓦 = 三十万 + 千瓦, not 三十万千 + 瓦
    return tok, end


def _glued(n: str, start: int, before: str, r: Rules, standalone: bool) -> bool:
    """Whether the character before a numeral makes it part of a code, a name or an ordinal:
    G318, 1+N, 4/5G, 3A级, 12,00元, 第3，4名, 第二届."""
    if (before.isascii() and before.isalnum()) or before.isdigit() or before in r.glued_before:
        return True
    if before in ",，" and start >= 2 and n[start - 2].isdigit():
        return True  # 12,00元 or 第3，4名: the tail of something else
    if before in _RANGE_SEP:
        return not standalone and _ordinal_range_end(n, start - 1, r)
    return before in r.ordinal_before and not standalone


def _ordinal_range_end(n: str, sep: int, r: Rules) -> bool:
    """Whether the numeral after the range mark at `sep` ends a range of ordinals (第3-5名, 第二至五名,
    每3-5天): the numeral before the mark has an ordinal mark before it."""
    k = sep
    while k > 0 and (n[k - 1] in _ASCII_DIGITS or n[k - 1] in _CN_CHARS):
        k -= 1
    return 0 < k < sep and n[k - 1] in r.ordinal_before


def _other_token(n: str, m: re.Match[str], r: Rules) -> _Found | None:
    """A token of the rarer kinds of `_TOKEN`: a fraction (1/4, 三分之一, 百分之二十), 翻一番, 一半."""
    start = m.start()
    kind = m.lastgroup
    if kind == "frac":
        num, den = Decimal(m.group("fnum")), Decimal(m.group("fden"))
        if num >= den:
            return None
        value = round_value(num / den * 100)
        return _Found(start, m.end(), Number(value), "%", None, "exact", "qty.fraction")
    if kind == "cnfrac":
        try:
            cden = m.group("cden")
            den = Decimal(cden) if cden.isdigit() else chinese_integer(cden)
            num_n = parse_numeral(m.group("cnum"))
        except NumeralError:
            return None
        if den == 0:
            return None
        scale = {"百": Decimal(1), "千": Decimal("0.1")}.get(m.group("cden"))
        rule = "qty.percent_of" if scale else "qty.fraction"
        if num_n.value is None:  # 百分之二三十: an approximate pair of percentages
            if scale is None or num_n.low is None or num_n.high is None:
                return None
            pair = Number(None, round_value(num_n.low * scale), round_value(num_n.high * scale), "approx")
            return _Found(start, m.end(), pair, "%", None, "approx", rule)
        if scale is None:
            of_unit = _fraction_of_unit(n, start, m.end(), num_n.value / den)
            if of_unit is not None:  # 四分之一公升: a quarter of a litre, not 25 %
                return of_unit
        value = round_value(num_n.value * scale if scale else num_n.value / den * 100)
        return _Found(start, m.end(), Number(value), "%", None, "exact", rule)
    if kind == "fan":
        times = Decimal(2) ** int(chinese_integer(m.group("fann")))
        return _Found(start, m.end(), Number(times), "times", None, "exact", "qty.fan")
    # kind == "half"
    if (start and n[start - 1] in ("另", "一")) or _in_idiom(n, start, r):
        return None
    return _Found(start, m.end(), Number(Decimal(50)), "%", None, "exact", "qty.half")


def _liang_ends(n: str, tok: str, end: int, r: Rules) -> bool:
    """Whether the 两 that ends the Chinese numeral `tok` is the unit liang (二两, 三十两, 九两半), not
    the digit two (一两天, 十两个 are numerals before a unit). 一两 and 三两 are also "one or two" and
    "a few" (三两句话): the unit only at the end of a clause or before 半."""
    if table().at(n, end) is not None or r.idioms.match(n, end - 1) is not None:
        return False
    if tok[:-1] in ("一", "三"):
        nxt = n[end] if end < len(n) else ""
        return nxt == "半" or _HAN.match(nxt) is None
    return True


def _two_digits(tok: str) -> int:
    """八五 → 85; 0 when `tok` is not two Chinese digits 1–9."""
    if tok[0].isdigit():
        return 0
    a, b = digit_value(tok[0]), digit_value(tok[1])
    return a * 10 + b if a and b else 0


def _minus_sign(n: str, start: int, r: Rules) -> bool:
    """Whether the "-" or 负 right before `start` is a minus sign (see filters.toml minus_not_after)."""
    b2 = n[start - 2] if start >= 2 else ""
    if b2.isascii() and b2.isalnum():
        return False  # G-318, 2019-2023: a hyphen
    return not b2 or (b2 not in r.minus_not_after and b2 not in "-—~")


def _negated(number: Number) -> Number:
    value = None if number.value is None else -number.value if number.value else number.value
    return Number(value, None, None, number.approx, number.magnitude, number.chinese)


def _with_unit(
    n: str,
    start: int,
    end: int,
    nxt: str,
    tok: str,
    number: Number,
    r: Rules,
    standalone: bool,
    fused: bool,
) -> _Found | None:
    """The quantity of the numeral `tok` at `start:end` (`nxt`: the character at `end`, "" at the
    end of the text): with its unit, as a range or bare; None when a filter turns it away. The
    character after the unit is looked at once (`after`) and again only when the unit's text grows
    (半, a sub-unit tail); the checks that cannot apply to the unit are skipped (`_UnitChecks`)."""
    t = r.units
    length = len(n)
    num_start = start + 1 if fused else start
    ustart = end
    if nxt == " " and tok[0].isdigit() and not n.startswith("  ", end):
        ustart = end + 1  # a PDF dump's space between number and unit: 2 厘米, 共 120 人
    spec = t.at(n, ustart, nxt if ustart == end else None)
    if spec is not None and spec.needs is not None and not _unit_ok(spec, number, tok, n, ustart + len(spec.surface)):
        spec = None
    if spec is None:
        uend = end
        after = nxt
        checks = _NO_CHECKS
    else:
        checks = r.unit_checks[spec.surface]
        if checks.year and _is_year(n, tok, number, end, nxt, r):
            return None  # 2023年, 二〇二三年度
        uend = ustart + len(spec.surface)
        after = n[uend] if uend < length else ""
        if checks.attached or after in _ATTACHED_MARKS:
            if after in _ASCII_ALNUM and spec.surface == "%":
                return None  # %28 in a URL, not a percentage
            if after == "半" and number.value is not None:
                after_half = t.at(n, uend + 1) if spec.surface == "个" else None
                if after_half is not None and after_half.duration:
                    spec, uend = after_half, uend + 1 + len(after_half.surface)  # 两个半小时
                    number = _plus_half(number)
                    checks = r.unit_checks[spec.surface]
                elif spec.kind in _HALVABLE:
                    number, uend = _plus_half(number), uend + 1  # 一吨半, 一年半
                after = n[uend] if uend < length else ""
            if spec.kind == "discount":
                if after in _CONVERSION:
                    return None  # 折合, 折算: a conversion, not a discount
                if number.value is not None and number.value >= 10:
                    if not tok[0].isdigit() and not number.digit_string:
                        return None  # 十折 is no discount at all
                    spec = _DISCOUNT_TWO_DIGITS  # 75折 is 7.5折
                    checks = _unit_checks(spec, r.ordinal_prone, r.name_kinds, t.prefix_rate_kinds)
            if (spec.subunits or spec.decimal_tail) and number.value is not None:
                tail = False
                if after in _TAIL_STARTS:
                    number, uend, tail = _subunit_tail(n, uend, number, spec, not tok[0].isdigit(), r)
                    after = n[uend] if uend < length else ""
                if (
                    spec.needs is not None
                    and not standalone
                    and not _money_word_ok(n, num_start, uend, tok, spec, tail, r)
                ):
                    return None
        if (
            checks.count
            and not number.magnitude
            and number.value is not None
            and number.value != number.value.to_integral_value()
        ):
            return None  # 2.2本: a section number, not a count

    # Ranges: 3000—5000元, 3至5万元, 1.2万-1.5万, 10%—15%, 1万(含)-5万元
    if after in _RANGE_MARKS and number.value is not None:
        sep = uend
        if after in "(（":
            inclusive = r.range_inclusive.after(n, sep)
            sep += len(inclusive) if inclusive else 0
        if sep < length and n[sep] in _RANGE_SEP:
            rng = _range(n, start, sep, tok, number, spec, r)
            if isinstance(rng, _Found):
                return rng
            if rng == "skip":
                return None

    if spec is None:
        return _bare(n, start, end, tok, number, r, standalone, fused)
    if not standalone:
        if tok[0] in "百千万" and not fused and _prefix(n, num_start, r) is None:
            return None  # 百名企业家 (a slogan); 近百人 and 上百种 are quantities
        if checks.in_context and _out_of_context(n, num_start, uend, tok, number, spec, r):
            return None
    unit = spec.unit
    factor = spec.factor
    item = spec.item
    rule = "qty.unit"
    # Rates: 元/千瓦时, 万吨/年, 元每公斤
    if after in _PER_MARKS and uend + 1 < length and spec.kind not in ("count", "percent", "ratio"):
        den_surface = match_unit(t.denominators, n, uend + 1)
        if den_surface is not None:
            den = denominator_spec(den_surface)
            if den.unit != unit:
                unit = f"{spec.unit}/{den.unit}"
                factor = spec.factor / den.factor
                item = None
                uend = uend + 1 + len(den_surface)
                rule = "qty.rate"
    if checks.prefix_rate and rule == "qty.unit" and not fused:
        per = _per_before(n, num_start)
        if per is not None:  # 每小时十公里: a speed written denominator first
            den = denominator_spec(per[1])
            unit, factor, item, rule = f"{spec.unit}/{den.unit}", spec.factor / den.factor, None, "qty.rate"
            start = per[0]
    # 3个多月 is in the table; a 多/余 right after a time unit (一年多) stays outside the text.
    if checks.counted and after in t.by_first:
        item = _counted_noun(n, uend) or item
    if checks.name and not standalone and _inside_name(n, uend, r):
        return None
    approx: Approx = "above" if checks.more and number.approx == "exact" else number.approx
    if checks.currency and start and n[start - 1] in _CURRENCY_BEFORE_LAST:
        first = _currency_before(n, start)
        if first is not None and "/" not in unit:
            unit, start, rule = first[0], start - first[1], "qty.currency_first"  # 港币两千九百六十元
    scaled = number if factor == _ONE else number.scaled(factor)  # most units have factor 1
    return _Found(start, uend, scaled, unit, item, approx, rule, fused)


def _out_of_context(n: str, num_start: int, uend: int, tok: str, number: Number, spec: UnitSpec, r: Rules) -> bool:
    """Whether the numeral and its unit are no quantity in running text: an ordinal (一期工程), a
    framing duration (在五年内), a session number (四次会议), the indefinite article (一个地方)."""
    surface = spec.surface
    if surface in r.ordinal_prone:
        small = number.value is not None and number.value <= 3 and tok != "两"
        if small and r.cardinal_before.before(n, num_start) is None:
            return True
    if spec.duration and surface not in ("岁", "周岁") and not _duration_counts(n, num_start, uend, number, r):
        return True
    if surface == "次" and r.session_words.after(n, uend) and "届" in n[max(0, num_start - 8) : num_start]:
        return True  # 二届人大四次会议: a session number
    return spec.kind == "count" and tok == "一" and _indefinite(n, uend, surface)


@dataclass(frozen=True, slots=True)
class _UnitChecks:
    """Which of the checks of `_with_unit` can apply to a unit, worked out once per surface
    (`Rules.unit_checks`), so a unit skips the checks that cannot apply to it."""

    year: bool  # a year unit: 2023年 is a date
    attached: bool  # a discount, or a unit with sub-units that needs a money word (块, 毛)
    count: bool  # a count: 2.2本 is a section number
    in_context: bool  # ordinal-prone, a duration, 次 or a count: see `_out_of_context`
    prefix_rate: bool  # a kind written denominator first: 每小时十公里
    counted: bool  # a classifier that may take a counted noun: 40名学员
    name: bool  # a kind that may stand inside a facility's name: 10兆瓦光伏电站
    more: bool  # 多 in the surface (3个多月): above
    currency: bool  # may follow a currency written before the number: 港币两千九百六十元


_NO_CHECKS = _UnitChecks(False, False, False, False, False, False, False, False, False)


def _unit_checks(
    spec: UnitSpec, ordinal_prone: frozenset[str], name_kinds: frozenset[str], prefix_rate_kinds: frozenset[str]
) -> _UnitChecks:
    kind = spec.kind
    return _UnitChecks(
        year=spec.unit == "year",
        attached=kind == "discount" or (spec.needs is not None and bool(spec.subunits or spec.decimal_tail)),
        count=kind == "count",
        in_context=(
            spec.surface in ordinal_prone
            or (spec.duration and spec.surface not in ("岁", "周岁"))
            or spec.surface == "次"
            or kind == "count"
        ),
        prefix_rate=kind in prefix_rate_kinds,
        counted=kind == "count" and spec.unit == "count",
        name=kind in name_kinds,
        more="多" in spec.surface,
        currency=kind == "currency",
    )


def _indefinite(n: str, uend: int, surface: str) -> bool:
    """Whether 一 + a classifier is the indefinite article: 一个地方, 一首《…》, or a distributive
    pair 一组……另一组 (in one sentence)."""
    nxt = n[uend] if uend < len(n) else ""
    if _HAN.match(nxt) or nxt in _OPENERS:
        return True
    length = len(n)
    stop = next((i for i in range(uend, min(length, uend + 40)) if n[i] in "。！？!?\n"), min(length, uend + 40))
    return ("另一" + surface) in n[uend:stop]


_DISCOUNT_TWO_DIGITS = UnitSpec("折", "%", Decimal(1), "discount", None, None, False, False)


def _per_before(n: str, start: int) -> tuple[int, str] | None:
    """每 + a time unit ending right at `start` (每小时十公里): where 每 stands, and the time unit."""
    lo = max(0, start - 6)
    i = n.rfind("每", lo, start)
    if i < 0:
        return None
    den = match_unit(table().denominators, n, i + 1)
    if den is None or i + 1 + len(den) != start or not denominator_spec(den).duration:
        return None
    return i, den


_TAIL_STARTS = frozenset("0123456789零一二两三四五六七八九壹贰叁肆伍陆柒捌玖俩")
# Characters right after a unit that some check of `_with_unit` looks at; any other lets it pass.
_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_CONVERSION = frozenset("合算旧扣射")  # 折合, 折算, 折旧, 折扣, 折射: no discount
_RANGE_MARKS = frozenset(_RANGE_SEP + "(（")
_ATTACHED_MARKS = _ASCII_ALNUM | _TAIL_STARTS | {"半"}  # %28, 一吨半, 十块三: see `_UnitChecks.attached`
_ONE = Decimal(1)
_PER_MARKS = frozenset("/每")


def _subunit_tail(
    n: str, pos: int, number: Number, spec: UnitSpec, chinese: bool, r: Rules
) -> tuple[Number, int, bool]:
    """Smaller units and decimal tails after a unit (data/units.toml `subunits`, `decimal_tail`):
    十块三毛, 一百三十五块六角七分钱, 三块零四, 两毛五, 3斤5两, 一米八. Returns the number in the
    unit's own scale, the end of the text read, and whether anything was read."""
    value = number.value
    if value is None:
        return number, pos, False
    length = len(n)
    subs = spec.subunits
    step = Decimal(1)  # the factor of the last unit read, relative to `spec`
    level = 0  # the next sub-unit level allowed
    i = pos
    read = False
    while i < length:
        j = i + 1 if n[i] == "零" else i
        d = _tail_digit(n, j)
        if not d:
            break
        k = j + 1
        sub = next(
            ((surface, subs[idx][1], idx) for idx in range(level, len(subs)) for surface in subs[idx][0]
             if n.startswith(surface, k)),
            None,
        )  # fmt: skip
        if sub is not None:
            value += d * sub[1]
            step, level, i, read = sub[1], sub[2] + 1, k + len(sub[0]), True
            continue
        # A bare digit (or two: 一米七五): the decimal fraction of the last unit read.
        if not spec.decimal_tail or not chinese or n[j].isdigit():
            break
        digits = [d]
        if j == i and k < length and (d2 := _tail_digit(n, k)) and not n[k].isdigit():
            digits.append(d2)
            k += 1
        if k < length and _tail_blocked(n, k, r):
            break
        place = step / (100 if j > i else 10)  # 三块零四: 零 skips the 角 place
        for dd in digits:
            value += dd * place
            place /= 10
        i, read = k, True
        break
    if not read:
        return number, pos, False
    if spec.kind == "currency" and n.startswith("钱", i):
        i += 1
    out = Number(round_value(value), None, None, number.approx, number.magnitude, number.chinese)
    return out, i, True


def _tail_digit(n: str, i: int) -> int:
    """The digit 1–9 at `i` (Chinese, or one Arabic digit not followed by another); 0 otherwise."""
    if i >= len(n):
        return 0
    c = n[i]
    if c.isdigit():
        if not c.isascii() or (i + 1 < len(n) and n[i + 1].isdigit()) or (i + 1 < len(n) and n[i + 1] == "."):
            return 0
        return int(c)
    return digit_value(c) or 0 if c in CHINESE_CHARS else 0


def _tail_blocked(n: str, k: int, r: Rules) -> bool:
    """Whether the character after a bare tail digit makes that digit the start of something else:
    another numeral, a unit (十块三个), a date or clock word, an ordinal (五千块二等奖)."""
    c = n[k]
    if c.isdigit() or c in CHINESE_CHARS or c in "点.半" or c in r.tail_not_before or c in r.date_after:
        return True
    return table().at(n, k) is not None


def _money_word_ok(n: str, num_start: int, uend: int, tok: str, spec: UnitSpec, tail: bool, r: Rules) -> bool:
    """In running text, 块 is money when a tail, a range, a qualifier or the end of the clause follows
    (十块三, 两块到三块, 三块多, 花了三块。) and 角/毛 only with a tail or 钱 (两毛五, 五毛钱)."""
    if spec.needs == "money_tail":
        return tail or spec.surface.endswith("钱")
    if spec.needs != "clause_end" or tail:
        return True
    if tok == "一" or r.piece_before.before(n, num_start) is not None:
        return False  # 一块 is also "together"; 分成两块 are pieces
    nxt = n[uend] if uend < len(n) else ""
    if nxt in _RANGE_SEP or _HAN.match(nxt) is None:
        return True
    return r.suffix_at.after(n, uend) is not None


_HALVABLE = frozenset({"mass", "length", "time", "area", "volume", "currency", "power", "energy", "percent"})
# Kinds a bare 半 or a fraction may take as a part of one unit (半斤, 半个百分点, 四分之一公升). Not
# time (上半年 is a period) nor counts and money (半个, 半块 are rarely measured amounts).
_PART_OF_UNIT = frozenset({"mass", "length", "area", "volume", "percent"})


def _fraction_of_unit(n: str, start: int, end: int, frac: Decimal) -> _Found | None:
    """A fraction followed by a unit it takes a part of: 四分之一公升 = 0.25 L."""
    spec = table().at(n, end)
    if spec is None:
        return None
    if spec.kind not in _PART_OF_UNIT or spec.kind == "percent" or spec.needs is not None:
        return None
    value = round_value(frac * spec.factor)
    return _Found(start, end + len(spec.surface), Number(value), spec.unit, None, "exact", "qty.fraction_of_unit")


def _special_at(n: str, start: int, words: dict[str, tuple[str, ...]], r: Rules, standalone: bool) -> _Found | None:
    """A word that is a quantity by itself (打对折), or 半 + a unit (半斤), at `start`."""
    for w in words.get(n[start], ()):
        if n.startswith(w, start):
            word = (table().words or {})[w]
            if not standalone and _word_before(n, start, word.after) is None:
                return None
            return _Found(start, start + len(w), Number(word.value), word.unit, None, "exact", "qty.word")
    if n[start] == "半":
        return _half_unit(n, start, n[start - 1] if start else "", r, standalone)
    return None


def _half_unit(n: str, start: int, before: str, r: Rules, standalone: bool) -> _Found | None:
    """半 + a unit: 半斤 = 0.25 kg, 半公升, 半成 = 5 %, 半个百分点 = 0.5 pp."""
    if before in r.half_not_after or (not standalone and _in_idiom(n, start, r)):
        return None
    spec = table().at(n, start + 1)
    if spec is None:
        return None
    if spec.kind not in _PART_OF_UNIT or spec.needs is not None:
        return None
    value = round_value(Decimal("0.5") * spec.factor)
    return _Found(start, start + 1 + len(spec.surface), Number(value), spec.unit, None, "exact", "qty.half_unit")


def _plus_half(number: Number) -> Number:
    value = number.value + Decimal("0.5") if number.value is not None else None
    return Number(value, number.low, number.high, number.approx, number.magnitude, number.chinese)


def _inside_name(n: str, uend: int, r: Rules) -> bool:
    """A capacity followed by name text that ends in a facility noun: 10兆瓦光伏电站 is a name."""
    window = n[uend : uend + r.name_window]
    m = _NAME_TEXT.match(window)
    if m is None:
        return False
    return r.name_suffixes.search(m.group()) is not None


def _counted_noun(n: str, pos: int) -> str | None:
    """The unit-table noun right after a classifier (40名学员 → 学员), when it is one."""
    if pos >= len(n) or n[pos] not in _quick_reject_chars():
        return None
    spec = table().at(n, pos)
    if spec is not None and len(spec.surface) >= 2 and spec.kind == "count":
        return spec.surface
    return None


def _duration_counts(n: str, start: int, uend: int, number: Number, r: Rules) -> bool:
    """A duration is a quantity when it is measured (为期7天), not when it frames a period (在五年内)."""
    measured = r.measured_before.before(n, start) is not None
    suffix = r.suffix_at.after(n, uend)
    if suffix is not None and suffix != "exact":
        return True  # 1个工作日以内, 两年以上: measured against a bound
    if measured:
        return r.framing_after.after(n, uend) is None or n.startswith("以内", uend)
    if r.framing_before.before(n, start) is not None:
        return False
    if r.framing_after.after(n, uend) is not None:
        return False
    return not (r.one_needs_measure and number.value == 1)


def _range(
    n: str, start: int, sep: int, tok: str, first: Number, spec: UnitSpec | None, r: Rules
) -> _Found | str | None:
    """A range 'A—B unit'. Returns the range, "skip" for a date range (1—10月), or None."""
    t = table()
    nxt = sep + 2 if n[sep + 1 : sep + 2] == n[sep] else sep + 1  # 1万元--5万元, 2——3万
    m = _NUM_AT.match(n, nxt)
    if m is None:
        return None
    tok2 = m.group()
    if tok2.startswith("0") and len(tok2) > 1 and tok2[1].isdigit():
        return "skip" if n[sep] == "-" else None  # 2019-01-30, 0891-6321234
    second = _parse_token(tok2)
    if second is None or second.value is None:
        return None
    end2 = m.end()
    if tok2.isdigit() and len(tok2) >= 7:
        return "skip"  # a phone number
    spec2 = t.at(n, end2)
    if spec2 is not None and not _unit_ok(spec2, second, tok2, n, end2 + len(spec2.surface)):
        spec2 = None
    uend2 = end2 + len(spec2.surface) if spec2 is not None else end2
    if spec2 is not None and (spec2.subunits or spec2.decimal_tail):
        second, uend2, _ = _subunit_tail(n, uend2, second, spec2, not tok2[0].isdigit(), r)  # 五块七毛八
    after = n[end2] if end2 < len(n) else ""
    if (
        spec is None
        and (spec2 is None or spec2.unit == "year")
        and (after in r.date_after or _is_year(n, tok2, second, end2, after, r))
    ):
        return "skip"  # 1—10月, 6月11-13日, 2021—2023年
    if spec is not None and spec2 is not None and spec.unit != spec2.unit:
        return None
    if spec is not None and spec2 is None:
        return None
    low = first
    same_script = tok[0].isdigit() == tok2[0].isdigit()
    tok2 = simplify(tok2)  # 三仟 → 三千, 15k → 15千
    # The magnitude the low end may inherit: all of it after Arabic digits (2—3千万 = 2千万—3千万),
    # only 万/亿 after a Chinese numeral (一千到一千五百: 百 belongs to 五).
    head = tok2.rstrip("十百千万亿 ") if tok2[0].isdigit() else tok2.rstrip("万亿")
    mantissa = _parse_token(head)
    inherit = (
        mantissa is not None
        and mantissa.value is not None
        and first.value is not None
        and first.value <= mantissa.value
    )
    if not first.magnitude and second.magnitude and inherit and same_script:
        mag = tok2[len(head) :].strip()
        try:
            low = parse_numeral(tok + mag)
        except NumeralError:
            return None
    elif same_script and len(tok) == 1 and not tok.isdigit() and len(tok2) > 1 and tok2[1] in "十百千":
        try:
            low = parse_numeral(tok + tok2[1:])  # 两到三千 = 两千到三千
        except NumeralError:
            return None
    elif len(tok) == 1 and not tok.isdigit() and tok2[0].isdigit() and first.value is not None:
        mag = tok2[len(head) :].strip()  # 两~3百 = 两百~3百: the low end takes the magnitude
        if mag and inherit:
            scale = magnitude_factor(mag)
            low = Number(first.value * scale, magnitude=True, chinese=True)
    unit_spec = spec2 or spec
    if unit_spec is None:
        if not (low.magnitude or second.magnitude) or not tok[0].isdigit():
            return None
        factor, unit, item, uend = Decimal(1), "CNY", None, end2
    else:
        factor, unit, item = unit_spec.factor, unit_spec.unit, unit_spec.item
        uend = uend2 if spec2 is not None else end2
    # Each end in its own unit: 500米至2公里 is 500–2000 m.
    lo, hi = low.scaled(spec.factor if spec is not None else factor).value, second.scaled(factor).value
    if lo is None or hi is None or lo >= hi:
        return None
    approx: Approx = "above" if "above" in (low.approx, second.approx) else "exact"
    return _Found(start, uend, Number(None, lo, hi, approx), unit, item, approx, "qty.range")


def _bare(
    n: str, start: int, end: int, tok: str, number: Number, r: Rules, standalone: bool, fused: bool
) -> _Found | None:
    """A numeral with no unit: a date, a year, an implied 万元 amount, 上百, N大X, or nothing."""
    length = len(n)
    after = n[end] if end < length else ""
    if after in r.date_after or _is_year(n, tok, number, end, after, r):
        return None
    if after.isascii() and after.isalpha():
        return None  # 5G, 3A
    if fused:
        return _Found(start, end, number, "count", None, "above", "qty.fused", fused=True)
    core = tok.rstrip("余多几")
    if core[-1] in LATIN_MAGNITUDES:
        core = simplify(core)  # 30w = 30万
    has_digit = tok[0].isdigit() or any(c in "一二两三四五六七八九壹贰叁肆伍陆柒捌玖" for c in core)
    if number.magnitude and core[-1] in MAGNITUDES and has_digit:
        prefix_currency = _currency_before(n, start)
        if prefix_currency is not None:
            unit, width = prefix_currency
            return _Found(start - width, end, number, unit, None, number.approx, "qty.currency_first")
        return _Found(start, end, number, "CNY", None, number.approx, "qty.bare_wan")
    prefix_currency = _currency_before(n, start)
    if prefix_currency is not None and number.value is not None:
        unit, width = prefix_currency
        return _Found(start - width, end, number, unit, None, number.approx, "qty.currency_first")
    if not tok[0].isdigit() and number.value is not None and 1 < number.value <= 20:
        m = _DA_NOUN.match(n, end)
        if m and not set(m.group("noun")) & _STOP_NOUN:
            noun = m.group("noun")
            return _Found(start, m.end(), number, "count", noun, number.approx, "qty.da_noun")
    if standalone:
        return _Found(start, end, number, "none", None, number.approx, "qty.bare")
    if tok != "一":
        # A bare number measured against a bound: 超过1000, 1000以上, 三十或者以上 (no unit).
        q = _prefix(n, start, r) if tok[0].isdigit() else None
        if (q is not None and q != "exact") or _qualified_after(n, end, r):
            return _Found(start, end, number, "none", None, number.approx, "qty.bare")
    return None


def _qualified_after(n: str, end: int, r: Rules, nxt: str | None = None) -> bool:
    """Whether a qualifier word that bounds the number (以上, 左右, 或者更多) follows at `end`.
    `nxt`: the character at `end`, when the caller has it (most characters start no such word)."""
    if nxt is not None and nxt not in r.suffix_at.firsts:
        return False
    suf = r.suffix_at.after(n, end, nxt)
    return suf is not None and suf != "exact"


def _latin_ok(n: str, end: int, r: Rules) -> bool:
    """15k, 30w are 千/万 only before the end of the clause, a currency, a range or a qualifier."""
    nxt = n[end] if end < len(n) else ""
    if _HAN.match(nxt) is None or nxt in _RANGE_SEP or _qualified_after(n, end, r):
        return True
    spec = table().at(n, end)
    return spec is not None and spec.kind == "currency"


_CURRENCY_FIRST = ("人民币", "港币", "美元", "欧元", "日元", "英镑", "新台币", "台币", "澳门币")
_CURRENCY_LAST = frozenset(w[-1] for w in _CURRENCY_FIRST)
_CURRENCY_BEFORE_LAST = _CURRENCY_LAST | {" "}  # what may stand right before a number after a currency


def _currency_before(n: str, start: int) -> tuple[str, int] | None:
    """A currency written before the number (人民币3.14, 港币两千九百六十元): its unit and width."""
    space = 1 if start >= 2 and n[start - 1] == " " else 0  # 新台币 177.1 亿元
    end = start - space
    if end == 0 or n[end - 1] not in _CURRENCY_LAST:
        return None
    t = table()
    for word in _CURRENCY_FIRST:
        w = len(word)
        if end >= w and n.startswith(word, end - w):
            return t.by_surface[word].unit, w + space
    return None


def _finish(n: str, f: _Found, r: Rules) -> _Found:
    """Attach the approximation from infix, prefix and suffix words, in that order of precedence."""
    if f.approx != "exact":
        return f
    if not f.fused:
        pre = _prefix(n, f.start, r)
        if pre is not None and pre != "exact":
            f.approx = pre
            return f
    end = f.end
    c = n[end] if end < len(n) else ""
    if c in r.suffix_at.firsts:  # most quantities end before no suffix word
        suf = r.suffix_at.after(n, end, c)
        if suf is not None and suf != "exact":
            f.approx = suf
            return f
    if f.fused:
        f.approx = "above"
    return f


def _prefix(n: str, start: int, r: Rules) -> Approx | None:
    """The qualifier before a number: adjacent (约20亿元), after a particle (超过了2500元), or a few
    characters before it within the clause (至少可容纳57家)."""
    if not start:
        return None
    c = n[start - 1]
    if c in r.particles:
        near = r.prefix_at.before(n, start - 1)
    else:  # most numbers follow no prefix word: one set test saves the lookup
        near = r.prefix_at.before(n, start, c) if c in r.prefix_at.lasts else None
    if near is not None:
        return near
    # The search skips to the first characters of the words (a prefix the engine checks itself),
    # which costs less than a set test of each character in reach.
    lo = start - r.distant_reach
    m = r.distant.search(n, lo if lo > 0 else 0, start)
    return r.prefix.get(m.group(1)) if m is not None else None


def _to_quantity(text: str, f: _Found) -> Quantity:
    num = f.number
    return Quantity.trusted(
        text=text[f.start : f.end],
        start=f.start,
        end=f.end,
        rule=f.rule,
        value=num.value,
        low=num.low,
        high=num.high,
        unit=f.unit,
        item=f.item if f.unit == "count" else None,
        approx=f.approx,
    )


def extract_quantities(text: str, *, normalised: str | None = None) -> list[Quantity]:
    """Every quantity in `text`, in order, with exact spans (`text[q.start:q.end] == q.text`).

    Never raises on any string; dates, ordinals, codes and idioms are left out (FORMAT.md).
    `normalised`: `normalise(text)` when the caller already has it (the pipeline does).
    """
    if not text:
        return []
    n = normalised_for(text, normalised)
    found = list(_scan(n, standalone=False))
    _share_suffixes(n, found, rules())
    return [_to_quantity(text, f) for f in found]


_COORD = frozenset("、和与及,，")


def _share_suffixes(n: str, found: list[_Found], r: Rules) -> None:
    """In 10%和12%左右 or 30%、25%以上 the suffix qualifies every member of the list."""
    for a, b in pairwise(found):  # each pair only reads and sets its own `a`: order does not matter
        if b.start != a.end + 1 or a.approx != "exact" or n[a.end] not in _COORD or a.unit != b.unit:
            continue
        if r.suffix_at.after(n, a.end) is not None:
            continue
        suf = r.suffix_at.after(n, b.end)
        if suf is not None and suf != "exact":
            a.approx = suf


def parse_quantity(s: str) -> Quantity:
    """Parse a string that is exactly one quantity ("251.06亿元", "约20亿元", "一百零五").

    Qualifier words around it set `approx`; the span is that of the quantity inside `s`.
    Raises `ValueError` when `s` is not exactly one quantity.
    """
    if not isinstance(s, str):
        raise TypeError(f"parse_quantity expects a str, got {type(s).__name__}")
    stripped = s.strip()
    if not stripped:
        raise ValueError("parse_quantity: empty string")
    offset = s.index(stripped)
    n = normalise(stripped)
    found = list(_scan(n, standalone=True))
    if len(found) != 1:
        what = "no quantity" if not found else f"{len(found)} quantities"
        raise ValueError(f"parse_quantity: {s!r} is not one quantity ({what} found)")
    f = found[0]
    r = rules()
    head = n[: f.start]
    tail = n[f.end :]
    if (head and head not in r.prefix) or (tail and tail not in r.suffix):
        raise ValueError(f"parse_quantity: {s!r} is not one quantity (extra text around {n[f.start : f.end]!r})")
    f.start += offset
    f.end += offset
    return _to_quantity(s, f)
