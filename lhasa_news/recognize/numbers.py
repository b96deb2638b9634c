"""Numerals of Chinese news → exact `Decimal` values.

Handles Arabic digits (with thousands separators and decimals), Chinese numerals (零/〇, 两, 俩,
十百千万亿 nesting, 兆 as the group above 亿 inside a positional numeral, 大写, 廿/卅, 两个亿), mixed
forms (1.3亿, 571.75421万, 2万余, 600多万, and places in both scripts: 5万4千6百, 1万600,
200亿零四千230), k/w after digits (15k, 30w), infix qualifiers (余, 多, 几, 来) and approximate
pairs (两三, 三四十 → low/high). Pure Chinese integers go through cn2an (loaded lazily) when the
fast positional reader declines; everything mixed is computed here with `Decimal`, because cn2an's
"smart" mode drops digits on forms such as 571.75421万.

The input is expected to be normalised already (half-width digits, simplified characters).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import regex

from lhasa_news.models import Approx, plain_decimal

# Same-length character maps: 大写 and rare forms to the common lower-case numerals.
# 俩 (colloquial "two", 倆 after normalisation) reads as 两.
_UPPER = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟萬億兩貳參陸俩", "一二三四五六七八九十百千万亿两二三六两")
DIGITS = "零〇一二两三四五六七八九"
_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
UNITS = "十百千"
MAGNITUDES = "万亿"
_MAGNITUDE_VALUE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
INFIX = "余多几来"
CHINESE_CHARS = DIGITS + UNITS + MAGNITUDES + "壹贰叁肆伍陆柒捌玖拾佰仟廿卅俩"
# 兆 is a numeral only inside a positional numeral that goes on below it (五兆六十二亿): there it can
# only be 10^12, the group above 亿. Alone (10兆瓦, 兆字节) it is the unit prefix "mega" and no numeral.
ZHAO = "兆"
_ZHAO_VALUE = 10**12

MAX_DIGITS = 24  # longer digit runs are codes or noise, never quantities
MAX_CHINESE = 40  # nor are longer runs of Chinese numerals
MAX_VALUE = Decimal(10) ** 20  # above this no news figure goes; Decimal's 28 digits stay exact

_ARABIC = regex.compile(r"([0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)(?:\.([0-9]+))?")
_PAIR = regex.compile(r"([一二两三四五六七八九])([二两三四五六七八九])")


# Latin multipliers written after Arabic digits in salaries and prices: 15k = 15K = 1.5万, 30w = 30万
# (W is watts, M and G are not Chinese usage).
_LATIN = str.maketrans("kKw", "千千万")
LATIN_MAGNITUDES = "kKw"


def simplify(s: str) -> str:
    """大写, variant numerals and Latin multipliers to the common characters (叁仟 → 三千, 俩 → 两,
    15k → 15千); same length."""
    return s.translate(_UPPER).translate(_LATIN)


def digit_value(c: str) -> int | None:
    """The value of one digit character: 7, 七, 柒, 〇, 两; None for anything else."""
    if c.isascii() and c.isdigit():
        return int(c)
    return _DIGIT_VALUE.get(c.translate(_UPPER))


class NumeralError(ValueError):
    """A string that looks numeric but is not one readable numeral."""


@dataclass(frozen=True, slots=True)
class Number:
    """A parsed numeral: an exact value, or a low/high pair, with the approximation it implies."""

    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    approx: Approx = "exact"
    magnitude: bool = False  # 万/亿 (or 千/百 after digits) was part of the numeral
    chinese: bool = False  # written (at least partly) in Chinese numerals
    digit_string: bool = False  # 二〇二三: digits read one by one, a year or a code

    def scaled(self, factor: Decimal) -> Number:
        """The same number multiplied by `factor` (a unit's factor); 1 is free."""
        if factor == 1:
            return self
        return _scaled(self, factor)


@lru_cache(maxsize=8192)
def _scaled(number: Number, factor: Decimal) -> Number:
    def mul(x: Decimal | None) -> Decimal | None:
        return None if x is None else round_value(x * factor)

    return Number(
        mul(number.value), mul(number.low), mul(number.high), number.approx, number.magnitude,
        number.chinese, number.digit_string,
    )  # fmt: skip


def round_value(x: Decimal) -> Decimal:
    """Plain decimal; a non-terminating result (亩 = 2000/3 m²) is rounded to 0.01 like the gold."""
    if abs(x) >= MAX_VALUE:
        raise NumeralError("value out of range for a quantity")
    x = plain_decimal(x)
    exponent = x.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -20 and len(x.as_tuple().digits) >= 25:
        x = plain_decimal(x.quantize(Decimal("0.01")))  # a repeating quotient, not a written decimal
    return x


@lru_cache(maxsize=1)
def _cn2an() -> Any:
    import cn2an  # imported here: it costs ~0.15 s, which `import lhasa_news` must not pay

    return cn2an


_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_NONZERO = frozenset("一二两三四五六七八九")


def _positional(s: str) -> int | None:
    """Read a standard Chinese integer in one pass (一万二千零五十, 十二亿三千万, 两万五).

    Returns None for anything unusual, which then goes to cn2an. This fast path exists because
    cn2an spends 50 µs to over a millisecond on one short numeral, and news text is full of them.
    """
    zhao = 0  # completed 兆 groups
    total = 0  # completed 亿 groups below the current 兆
    wan = 0  # completed 万 group below the current 亿
    section = 0  # value below 万 so far
    digit = -1  # pending digit, -1 when none
    last_unit = 0  # multiplier of the unit just before a trailing digit (一万二 = 12000)
    zero_seen = False
    prev_digit = False
    for c in s:
        d = _DIGIT_VALUE.get(c)
        if d is not None:
            if prev_digit and d != 0 and not zero_seen:
                return None  # 三四, 二〇二三: pairs and digit strings are read elsewhere
            if d == 0:
                zero_seen = True
                digit = -1
            else:
                digit = d
            prev_digit = True
            continue
        prev_digit = False
        if c in _SMALL_UNIT:
            u = _SMALL_UNIT[c]
            if section and u >= _lowest_unit(section):
                raise NumeralError(f"place values rise inside {s!r}")  # 一百千 (一百 + 千瓦)
            section += (digit if digit > 0 else 1) * u
            digit, last_unit, zero_seen = -1, u, False
        elif c == "万":
            below = section + max(digit, 0)
            if below == 0 and wan:
                wan *= 10_000  # 四万万 = 4亿
            else:
                wan = (below or 1) * 10_000
            section, digit, last_unit, zero_seen = 0, -1, 10_000, False
        elif c == "亿":
            total = (total + wan + section + max(digit, 0)) * 100_000_000
            if total == 0:
                total = 100_000_000
            wan, section, digit, last_unit, zero_seen = 0, 0, -1, 100_000_000, False
        elif c == ZHAO:
            zhao = (zhao + total + wan + section + max(digit, 0) or 1) * _ZHAO_VALUE
            total, wan, section, digit, last_unit, zero_seen = 0, 0, 0, -1, _ZHAO_VALUE, False
        else:
            return None
    if digit > 0:
        if last_unit >= 10 and not zero_seen and s[-2] in "十百千万亿兆" and s[-2] != "十":
            digit *= last_unit // 10  # 一千二 = 1200, 两万五 = 25000, 三百五 = 350
        section += digit
    return zhao + total + wan + section


def _lowest_unit(section: int) -> int:
    """The smallest place value present in `section` (3500 → 100)."""
    unit = 1
    while section % (unit * 10) == 0:
        unit *= 10
    return unit


@lru_cache(maxsize=4096)
def chinese_integer(s: str) -> Decimal:
    """A Chinese integer numeral (一万二千零五十, 两百, 廿三) → Decimal.

    Standard forms are read directly; anything else is handed to cn2an (loaded lazily).
    """
    s = s.translate(_UPPER).replace("廿", "二十").replace("卅", "三十")
    if not s:
        raise NumeralError("empty numeral")
    if s[0] in "百千万亿":
        s = "一" + s
    if all(c in DIGITS for c in s) and (len(s) > 2 or "〇" in s or "零" in s):  # digit string: 二〇二三
        return Decimal("".join(str(_DIGIT_VALUE[c]) for c in s))
    fast = _positional(s)
    if fast is not None:
        return Decimal(fast)
    if any(a in _NONZERO and b in _NONZERO for a, b in itertools.pairwise(s)):
        raise NumeralError(f"two digits in a row are no numeral: {s!r}")  # 二两 is not 22
    try:
        out = _cn2an().cn2an(s, "normal")
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise NumeralError(f"not a Chinese numeral: {s!r}") from exc
    return Decimal(int(out))


def _chinese_decimal(s: str) -> Decimal:
    """Chinese numeral with an optional 点 fraction: 三点一四 → 3.14 (digits read one by one)."""
    if "点" in s:
        whole, _, frac = s.partition("点")
        if not frac or any(c not in _DIGIT_VALUE for c in frac):
            raise NumeralError(f"bad fraction in {s!r}")
        int_part = chinese_integer(whole) if whole else Decimal(0)
        return int_part + Decimal("0." + "".join(str(_DIGIT_VALUE[c]) for c in frac))
    return chinese_integer(s)


def arabic(s: str) -> Decimal:
    """Arabic digits with optional thousands separators (, or ，) and decimals: 82,225 → 82225."""
    m = _ARABIC.fullmatch(s)
    if m is None:
        raise NumeralError(f"not an Arabic number: {s!r}")
    whole = m.group(1).replace(",", "").replace("，", "")
    if len(whole) > MAX_DIGITS:
        raise NumeralError(f"digit run too long to be a quantity ({len(whole)} digits)")
    frac = m.group(2)
    try:
        return Decimal(whole + ("." + frac if frac else ""))
    except InvalidOperation as exc:  # pragma: no cover - regex guarantees digits
        raise NumeralError(str(exc)) from exc


def magnitude_factor(chars: str) -> Decimal:
    """万, 亿, 千万, 百万, 万亿 → their product."""
    out = Decimal(1)
    for c in chars:
        out *= _MAGNITUDE_VALUE[c]
    return out


_MIXED = regex.compile(
    r"(?P<num>(?:[0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)"
    r"(?P<inf1>[余多])? ?(?P<mag>[十百千万亿]*)(?P<inf2>[余多几])?"
)


_MIXED_ATOM = regex.compile(r"[0-9]+|[零〇一二两三四五六七八九]|[十百千万亿兆]| ")
_PLACE = {"十": 10, "百": 100, "千": 1000}


def _mixed_positional(s: str) -> int:
    """A positional numeral whose digits are partly Arabic: 5万4千6百, 1万600, 100万三千, 200亿零四千230,
    1百01. A place (十百千) takes one digit (4千), a group (万亿兆) takes what stands before it (100万),
    and a trailing Arabic run of two or more digits, or one after 零, is read as written (1万600 =
    10600), whereas a lone trailing digit is the usual shorthand (1万6 = 16000)."""
    atoms = _MIXED_ATOM.findall(s)
    if "".join(atoms) != s:
        raise NumeralError(f"not a mixed numeral: {s!r}")
    zhao = yi = wan = section = 0
    pending: int | None = None
    literal = zero = False  # literal: the pending number is read as written (multi-digit, after 零)
    last = 0  # the place value or group just closed
    for a in atoms:
        if a == " ":
            continue
        if a[0].isdigit() or a in _DIGIT_VALUE:
            if pending is not None:
                raise NumeralError(f"two numbers in a row in {s!r}")
            if a in "零〇":
                zero = True
                continue
            pending = int(a) if a[0].isdigit() else _DIGIT_VALUE[a]
            literal = zero or (a[0].isdigit() and len(a) > 1)
            continue
        value = 1 if pending is None else pending
        if a in _PLACE:
            u = _PLACE[a]
            if value >= 10 or (section and u >= _lowest_unit(section)):
                raise NumeralError(f"place values out of order in {s!r}")
            section += value * u
        elif a == "万":
            u = 10**4
            below = section + (pending or 0)
            if below >= u or wan:
                raise NumeralError(f"万 out of place in {s!r}")  # 1万1万 is two numbers
            wan, section = (below or 1) * u, 0
        elif a == "亿":
            u = 10**8
            if yi or (wan and (section or pending)):
                raise NumeralError(f"亿 out of place in {s!r}")  # 1亿2亿, 3万2亿 (but 4万亿 is fine)
            yi, wan, section = (yi + wan + section + (pending or 0) or 1) * u, 0, 0
        else:
            u = _ZHAO_VALUE
            if zhao or ((yi or wan) and (section or pending)):
                raise NumeralError(f"兆 out of place in {s!r}")
            zhao, yi, wan, section = (zhao + yi + wan + section + (pending or 0) or 1) * u, 0, 0, 0
        pending, literal, zero, last = None, False, False, u
    if pending is not None:
        if literal or last < 100:
            if last and pending >= (_lowest_unit(section) if section else last):
                raise NumeralError(f"trailing digits too large in {s!r}")
            section += pending
        else:
            section += pending * (last // 10)  # 1万6 = 16000, 3百5 = 350
    return zhao + yi + wan + section


def parse_numeral(s: str) -> Number:
    """Parse one numeral string (no unit) into a `Number`; raise `NumeralError` when it is not one."""
    s = s.strip()
    if not s:
        raise NumeralError("empty numeral")
    if not s[0].isdigit() and len(s) > MAX_CHINESE:
        raise NumeralError(f"a run of {len(s)} Chinese numerals is no quantity")
    number = _parse_any(s)
    for v in (number.value, number.low, number.high):
        if v is not None and abs(v) >= MAX_VALUE:
            raise NumeralError(f"value out of range for a quantity: {s!r}")
    return number


def _parse_any(s: str) -> Number:
    if s[0].isdigit():
        s = simplify(s)
        m = _MIXED.fullmatch(s)
        if m is None:
            return _parse_mixed(s)
        value = arabic(m.group("num")) * magnitude_factor(m.group("mag"))
        infix = m.group("inf1") or m.group("inf2")
        return Number(
            round_value(value),
            approx="above" if infix else "exact",
            magnitude=bool(m.group("mag")),
            chinese=bool(m.group("mag")),
        )
    return _parse_chinese(s)


def _parse_mixed(s: str) -> Number:
    """Arabic digits and Chinese numerals taking turns (5万4千6百), maybe with a trailing 余/多/几."""
    body = s.rstrip("余多几")
    if len(s) - len(body) > 1 or not body or "." in body or "," in body or "，" in body:
        raise NumeralError(f"not a numeral: {s!r}")
    value = _mixed_positional(body)
    return Number(
        round_value(Decimal(value)),
        approx="above" if body != s else "exact",
        magnitude=any(c in MAGNITUDES for c in body),
        chinese=True,
    )


def _parse_chinese(s: str) -> Number:
    s = s.translate(_UPPER)
    if "个" in s:  # 两个亿, 十几个亿, 三个多亿: colloquial for 两亿, 十几亿, 三亿多
        s = s.replace("个多亿", "多亿").replace("个亿", "亿")
    if any(c not in CHINESE_CHARS + INFIX + "点" + ZHAO for c in s):
        raise NumeralError(f"not a Chinese numeral: {s!r}")
    # Infix qualifier: 二十多万 = (二十) 多 (万); 十几 = (十) 几; 三百来 = (三百) 来.
    for i, c in enumerate(s):
        if c in INFIX and i > 0:
            head, tail = s[:i], s[i + 1 :]
            if any(t not in MAGNITUDES + UNITS for t in tail):
                raise NumeralError(f"unexpected characters after {c!r} in {s!r}")
            if c == "来" and head[-1] not in UNITS + MAGNITUDES:
                raise NumeralError(f"来 follows a round number only: {s!r}")
            value = _chinese_decimal(head) * magnitude_factor(tail)
            return Number(
                round_value(value),
                approx="approx" if c == "来" else "above",
                magnitude=any(t in MAGNITUDES for t in head + tail),
                chinese=True,
            )
    if s[0] in INFIX:
        raise NumeralError(f"not a numeral: {s!r}")
    if all(c in DIGITS for c in s) and (len(s) > 2 or "〇" in s or "零" in s) and len(s) > 1:
        return Number(chinese_integer(s), chinese=True, digit_string=True)  # 二〇二三, 一二三
    if "点" in s:  # 三点五亿: the magnitude applies to the whole decimal
        body = s.rstrip(MAGNITUDES)
        value = _chinese_decimal(body) * magnitude_factor(s[len(body) :])
        return Number(round_value(value), magnitude=body != s, chinese=True)
    pair = _PAIR.search(s)
    if pair is not None and "点" not in s:
        a, b = pair.group(1), pair.group(2)
        if _DIGIT_VALUE[b] - _DIGIT_VALUE[a] in (1, 2) and not (a == "两" and b == "两"):
            prefix, suffix = s[: pair.start()], s[pair.end() :]
            low = _chinese_decimal(prefix + a + suffix)
            high = _chinese_decimal(prefix + b + suffix)
            return Number(
                None, low=low, high=high, approx="approx",
                magnitude=any(t in MAGNITUDES for t in s), chinese=True,
            )  # fmt: skip
    return Number(round_value(chinese_integer(s)), magnitude=any(t in MAGNITUDES for t in s), chinese=True)
