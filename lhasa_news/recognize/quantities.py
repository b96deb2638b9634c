"""Quantities in running text: numeral + unit + qualifier → `Quantity` with its exact span.

The scanner walks the normalised text (same length as the original, so offsets carry over) from
one numeral to the next. For each numeral it looks only at a few characters around it: the unit
after it, a range partner, the qualifier words before and after, and the filters of
`data/filters.toml` (dates, ordinals, codes, idioms, framing durations). Every check is bounded, so
the whole scan is linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

import regex

from lhasa_news.data import load
from lhasa_news.models import Approx, Quantity
from lhasa_news.recognize.numbers import (
    CHINESE_CHARS,
    MAGNITUDES,
    Number,
    NumeralError,
    chinese_integer,
    digit_value,
    parse_numeral,
    round_value,
)
from lhasa_news.recognize.units import UnitSpec, denominator_spec, match_unit, table
from lhasa_news.text.normalise import normalise

_CN = re.escape(CHINESE_CHARS)
_AR = r"(?:[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
# The numeral grammar uses only character classes, so the faster standard `re` engine runs it.
_TOKEN = re.compile(
    rf"""
    (?P<frac>(?<![0-9./])(?P<fnum>[1-9][0-9]?)/(?P<fden>[1-9][0-9]?)(?![0-9/.A-Za-z%]))
  | (?P<cnfrac>(?P<cden>[{_CN}]+|[1-9][0-9]{{0,5}})分之(?P<cnum>{_AR}|[{_CN}]+(?:点[零〇一二三四五六七八九]+)?))
  | (?P<fan>翻(?P<fann>[一两二三四五])番)
  | (?P<half>一半)
  | (?P<num>{_AR}(?:[余多])?(?:\x20?[十百千万亿佰仟萬億]+)?(?:[余多几](?![十百千万亿]))?
           |[{_CN}]+(?:点[零〇一二三四五六七八九]+[万亿]*)?(?:[余多几来][十百千万亿]*)?)
    """,
    re.VERBOSE,
)
_RANGE_SEP = "—-~至到"
_CANDIDATE = re.compile(rf"[0-9{_CN}翻]")
_NUM_AT = regex.compile(rf"{_AR}(?:[余多])?[十百千万亿]*|[{_CN}]+(?:点[零〇一二三四五六七八九]+)?[万亿]*")
_DA_NOUN = regex.compile(r"大(?P<noun>[\p{Han}]{2})")
_HAN = regex.compile(r"\p{Han}")
_STOP_NOUN = set("的了和与及或在是有为将把被从对向于中上下")
_OPENERS = frozenset("“「『《(（〈\"'")
_NAME_TEXT = regex.compile(r"[\p{Han}“”\"+\s]*")


@dataclass(frozen=True, slots=True)
class Rules:
    """The data of filters.toml and qualifiers.toml, prepared for lookups."""

    idioms: re.Pattern[str]
    idiom_max: int
    idiom_firsts: frozenset[str]
    ordinal_before: frozenset[str]
    ordinal_prone: frozenset[str]
    cardinal_before: tuple[str, ...]
    date_after: frozenset[str]
    year_markers: tuple[str, ...]
    framing_before: tuple[str, ...]
    framing_after: tuple[str, ...]
    measured_before: tuple[str, ...]
    one_needs_measure: bool
    code_neighbours: frozenset[str]
    prefix: dict[str, Approx]
    infix: dict[str, Approx]
    suffix: dict[str, Approx]
    fused: dict[str, Approx]
    max_prefix: int
    max_suffix: int
    prefix_lasts: frozenset[str]
    suffix_firsts: frozenset[str]
    never_after: tuple[str, ...]
    never_after_firsts: frozenset[str]
    slogan_quotes: frozenset[str]
    session_words: tuple[str, ...]
    name_kinds: frozenset[str]
    name_suffixes: regex.Pattern[str]
    name_window: int
    distant: re.Pattern[str]
    distant_reach: int
    distant_firsts: frozenset[str]
    particles: frozenset[str]


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@cache
def rules() -> Rules:
    """Load the filter and qualifier data once."""
    f = load("filters")
    q = load("qualifiers")
    idioms = sorted(set(f["idioms"]), key=len, reverse=True)
    return Rules(
        idioms=re.compile("|".join(re.escape(w) for w in idioms)),
        idiom_max=max(len(w) for w in idioms),
        idiom_firsts=frozenset(w[0] for w in idioms),
        ordinal_before=frozenset(f["ordinal_before"]),
        ordinal_prone=frozenset(f["ordinal_prone"]),
        cardinal_before=_longest_first(f["cardinal_before"]),
        date_after=frozenset(f["date_after"]),
        year_markers=_longest_first(f["year_markers"]),
        framing_before=_longest_first(f["duration_framing_before"]),
        framing_after=_longest_first(f["duration_framing_after"]),
        measured_before=_longest_first(f["duration_measured_before"]),
        one_needs_measure=bool(f["duration_one_needs_measure"]),
        code_neighbours=frozenset(f["code_neighbours"]),
        prefix=dict(q["prefix"]),
        infix=dict(q["infix"]),
        suffix=dict(q["suffix"]),
        fused=dict(q["fused"]),
        max_prefix=max(len(w) for w in q["prefix"]),
        max_suffix=max(len(w) for w in q["suffix"]),
        prefix_lasts=frozenset(w[-1] for w in q["prefix"]),
        suffix_firsts=frozenset(w[0] for w in q["suffix"]),
        never_after=_longest_first(f["never_after"]),
        never_after_firsts=frozenset(w[0] for w in f["never_after"]),
        slogan_quotes=frozenset(f["slogan_quotes"]),
        session_words=_longest_first(f["session_words"]),
        name_kinds=frozenset(f["name_kinds"]),
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
        distant_firsts=frozenset(w[0] for w in q["distant"]["words"]),
        particles=frozenset(q["particle"]["chars"]),
    )


def _in_idiom(n: str, start: int, r: Rules) -> bool:
    """Whether an idiom of filters.toml (一批, 统一, 一年一度) covers position `start`."""
    firsts = r.idiom_firsts
    for k in range(min(r.idiom_max - 1, start), -1, -1):
        if n[start - k] not in firsts:
            continue
        m = r.idioms.match(n, start - k)
        if m is not None and m.end() > start:
            return True
    return False


@cache
def _quick_reject_chars() -> frozenset[str]:
    """Characters that may follow a Chinese numeral inside a quantity: a unit's first character,
    a range separator, 大 (五大版块). After any other character a Chinese numeral is no quantity."""
    return frozenset({s[0] for s in table().by_surface} | set(_RANGE_SEP) | {"大"})


def _word_before(n: str, pos: int, words: tuple[str, ...]) -> str | None:
    for w in words:
        if pos >= len(w) and n.startswith(w, pos - len(w)):
            return w
    return None


def _word_after(n: str, pos: int, words: tuple[str, ...]) -> str | None:
    for w in words:
        if n.startswith(w, pos):
            return w
    return None


def _lookup_before(
    n: str, pos: int, table_: dict[str, Approx], longest: int, lasts: frozenset[str]
) -> tuple[str, Approx] | None:
    """The longest word of `table_` ending at `pos`; `lasts` (its words' last characters) turns
    most positions away with one set lookup."""
    if pos == 0 or n[pos - 1] not in lasts:
        return None
    for k in range(min(longest, pos), 0, -1):
        w = n[pos - k : pos]
        if w in table_:
            return w, table_[w]
    return None


def _lookup_after(
    n: str, pos: int, table_: dict[str, Approx], longest: int, firsts: frozenset[str]
) -> tuple[str, Approx] | None:
    """The longest word of `table_` starting at `pos` (`firsts`: its words' first characters)."""
    if pos >= len(n) or n[pos] not in firsts:
        return None
    for k in range(longest, 0, -1):
        w = n[pos : pos + k]
        if len(w) == k and w in table_:
            return w, table_[w]
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


def _is_year(n: str, tok: str, number: Number, end: int, r: Rules) -> bool:
    if _word_after(n, end, r.year_markers) is None or number.approx != "exact" or number.magnitude:
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
    raise ValueError(f"data/units.toml: unknown restriction {needs!r}")


def _parse_token(tok: str) -> Number | None:
    """The numeral of a token, or None. Huge tokens are refused before the cache sees them."""
    return None if len(tok) > 40 else _parse_token_cached(tok)


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
    quick_reject = _quick_reject_chars()
    pos = 0
    length = len(n)
    while pos < length:
        # A cheap character class finds where a numeral may start; the full grammar is then
        # matched only there (anchored), which is several times faster than searching with it.
        c = _CANDIDATE.search(n, pos)
        if c is None:
            break
        m = _TOKEN.match(n, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        pos = m.end()
        start = m.start()
        before = n[start - 1] if start else ""
        kind = m.lastgroup
        if kind == "num":
            pass
        elif kind == "frac":
            num, den = Decimal(m.group("fnum")), Decimal(m.group("fden"))
            if num >= den:
                continue
            value = round_value(num / den * 100)
            out.append(_finish(n, _Found(start, m.end(), Number(value), "%", None, "exact", "qty.fraction"), r))
            continue
        elif kind == "cnfrac":
            try:
                cden = m.group("cden")
                den = Decimal(cden) if cden.isdigit() else chinese_integer(cden)
                num_n = parse_numeral(m.group("cnum"))
            except NumeralError:
                continue
            if num_n.value is None or den == 0:
                continue
            scale = {"百": Decimal(1), "千": Decimal("0.1")}.get(m.group("cden"))
            value = round_value(num_n.value * scale if scale else num_n.value / den * 100)
            rule = "qty.percent_of" if scale else "qty.fraction"
            out.append(_finish(n, _Found(start, m.end(), Number(value), "%", None, "exact", rule), r))
            continue
        elif kind == "fan":
            times = Decimal(2) ** int(chinese_integer(m.group("fann")))
            out.append(_finish(n, _Found(start, m.end(), Number(times), "times", None, "exact", "qty.fan"), r))
            continue
        elif kind == "half":
            if before in ("另", "一") or _in_idiom(n, start, r):
                continue
            out.append(_finish(n, _Found(start, m.end(), Number(Decimal(50)), "%", None, "exact", "qty.half"), r))
            continue

        tok = m.group("num")
        end = m.end()
        # Codes and names: G318, 1+N, 4/5G, 3A级; digits glued to letters or code marks.
        if before and ((before.isascii() and before.isalpha()) or before in r.code_neighbours):
            continue
        if before in (".", "/", "%") or (before.isdigit()):
            continue
        if before in ",，" and start >= 2 and n[start - 2].isdigit():
            continue  # 12,00元 or 第3，4名: the tail of something else
        if len(tok) > 1 and tok[0] == "0" and tok[1].isdigit():
            continue  # 007, 0891: codes
        if end < length and n[end] in r.code_neighbours:
            continue
        if not standalone and not tok[0].isdigit() and _in_idiom(n, start, r):
            continue  # idioms are all Chinese: Arabic numbers never stand in one
        if before in r.ordinal_before and not standalone:
            continue
        if not standalone and before in r.slogan_quotes and not tok[0].isdigit():
            continue
        if (
            not standalone
            and end < length
            and n[end] not in quick_reject
            and not tok[0].isdigit()
            and before not in r.fused
        ):
            continue  # a Chinese numeral with nothing that could make it a quantity (统一, 十四五)
        if end < length and n[end] in r.never_after_firsts and _word_after(n, end, r.never_after) is not None:
            continue
        if len(tok) > 1 and tok[-1] == "千" and tok[-2] in "十百万亿":
            unit_here = match_unit(table().matcher, n, end - 1)
            if unit_here is not None and unit_here.startswith("千"):
                tok, end = tok[:-1], end - 1  # 三十万千瓦 = 三十万 + 千瓦, not 三十万千 + 瓦
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
        found = _with_unit(n, start, end, tok, number, r, standalone, fused)
        if found is None:
            continue
        pos = max(pos, found.end)
        out.append(_finish(n, found, r))
    return out


def _with_unit(
    n: str,
    start: int,
    end: int,
    tok: str,
    number: Number,
    r: Rules,
    standalone: bool,
    fused: bool,
) -> _Found | None:
    t = table()
    length = len(n)
    num_start = start + 1 if fused else start
    ustart = end
    if tok[0].isdigit() and n.startswith(" ", end) and not n.startswith("  ", end):
        ustart = end + 1  # a PDF dump's space between number and unit: 2 厘米, 共 120 人
    surface = match_unit(t.matcher, n, ustart)
    spec = t.by_surface[surface] if surface else None
    if spec is not None and not _unit_ok(spec, number, tok, n, ustart + len(spec.surface)):
        spec = None
    if spec is None:
        ustart = end
    uend = ustart + len(spec.surface) if spec else end
    if spec is not None and spec.unit == "year" and _is_year(n, tok, number, end, r):
        return None  # 2023年, 二〇二三年度
    if spec is not None and spec.surface == "%" and uend < length and n[uend].isascii() and n[uend].isalnum():
        return None  # %28 in a URL, not a percentage
    if spec is not None and uend < length and n[uend] == "半" and number.value is not None:
        after_half = match_unit(t.matcher, n, uend + 1) if spec.surface == "个" else None
        if after_half is not None and t.by_surface[after_half].duration:
            spec, uend = t.by_surface[after_half], uend + 1 + len(after_half)  # 两个半小时
            number = _plus_half(number)
        elif spec.kind in _HALVABLE:
            number, uend = _plus_half(number), uend + 1  # 一吨半, 一年半
    if spec is not None and spec.kind == "discount":
        if uend < length and n[uend] in "合算旧扣射":
            return None  # 折合, 折算: a conversion, not a discount
        if number.value is not None and number.value >= 10:
            spec = _DISCOUNT_TWO_DIGITS  # 75折 is 7.5折
    if spec is not None and spec.kind == "currency" and spec.unit == "CNY" and number.value is not None:
        number, uend = _jiao_fen(n, uend, number)
    if (
        spec is not None
        and spec.kind == "count"
        and not number.magnitude
        and number.value is not None
        and number.value != number.value.to_integral_value()
    ):
        return None  # 2.2本: a section number, not a count

    # Ranges: 3000—5000元, 3至5万元, 1.2万-1.5万, 10%—15%
    if uend < length and n[uend] in _RANGE_SEP and number.value is not None:
        rng = _range(n, start, uend, tok, number, spec, r)
        if isinstance(rng, _Found):
            return rng
        if rng == "skip":
            return None

    if spec is None:
        return _bare(n, start, end, tok, number, r, standalone, fused)
    if tok[0] in "百千万" and not fused and not standalone and _prefix(n, num_start, r) is None:
        return None  # 百名企业家 (a slogan); 近百人 and 上百种 are quantities

    if spec.surface in r.ordinal_prone and not standalone:
        small = number.value is not None and number.value <= 3 and tok != "两"
        if small and _word_before(n, num_start, r.cardinal_before) is None:
            return None
    if (
        spec.duration
        and not standalone
        and spec.surface not in ("岁", "周岁")
        and not _duration_counts(n, num_start, uend, number, r)
    ):
        return None
    if (
        spec.surface == "次"
        and not standalone
        and _word_after(n, uend, r.session_words)
        and "届" in n[max(0, num_start - 8) : num_start]
    ):
        return None  # 二届人大四次会议: a session number
    if spec.kind == "count" and tok == "一" and not standalone:
        nxt = n[uend] if uend < length else ""
        if _HAN.match(nxt) or nxt in _OPENERS:
            return None  # 一个地方, 一首《…》: the indefinite article
        stop = next((i for i in range(uend, min(length, uend + 40)) if n[i] in "。！？!?\n"), min(length, uend + 40))
        if ("另一" + spec.surface) in n[uend:stop]:
            return None  # 一组……另一组 (in one sentence)
    unit = spec.unit
    factor = spec.factor
    item = spec.item
    rule = "qty.unit"
    # Rates: 元/千瓦时, 万吨/年, 元每公斤
    if uend + 1 < length and n[uend] in "/每" and spec.kind not in ("count", "percent", "ratio"):
        den_surface = match_unit(t.denominators, n, uend + 1)
        if den_surface is not None:
            den = denominator_spec(den_surface)
            if den.unit != unit:
                unit = f"{spec.unit}/{den.unit}"
                factor = spec.factor / den.factor
                item = None
                uend = uend + 1 + len(den_surface)
                rule = "qty.rate"
    # 3个多月 is in the table; a 多/余 right after a time unit (一年多) stays outside the text.
    if spec.kind == "count" and spec.unit == "count":
        item = _counted_noun(n, uend) or item
    if spec.kind in r.name_kinds and not standalone and _inside_name(n, uend, r):
        return None
    approx: Approx = "above" if number.approx == "exact" and "多" in spec.surface else number.approx
    if spec.kind == "currency" and not fused:
        first = _currency_before(n, start)
        if first is not None and "/" not in unit:
            unit, start, rule = first[0], start - first[1], "qty.currency_first"  # 港币两千九百六十元
    return _Found(start, uend, number.scaled(factor), unit, item, approx, rule, fused)


_DISCOUNT_TWO_DIGITS = UnitSpec("折", "%", Decimal(1), "discount", None, None, False, False)
_JIAO_FEN = re.compile(
    r"(?:(?P<j>[零一二两三四五六七八九壹贰叁肆伍陆柒捌玖0-9])[角毛])?(?:(?P<f>[一二两三四五六七八九壹贰叁肆伍陆柒捌玖0-9])分)?钱?"
)


def _jiao_fen(n: str, uend: int, number: Number) -> tuple[Number, int]:
    """元 followed by 角 and 分 (六十四万零一百四十三元一角七分): tenths and hundredths of a yuan."""
    m = _JIAO_FEN.match(n, uend)
    if m is None or not (m["j"] or m["f"]) or number.value is None:
        return number, uend
    extra = Decimal(digit_value(m["j"]) or 0) / 10 if m["j"] else Decimal(0)
    if m["f"]:
        extra += Decimal(digit_value(m["f"]) or 0) / 100
    value = round_value(number.value + extra)
    return Number(value, None, None, number.approx, number.magnitude, number.chinese), m.end()


_HALVABLE = frozenset({"mass", "length", "time", "area", "volume", "currency", "power", "energy"})


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
    t = table()
    surface = match_unit(t.matcher, n, pos)
    if surface is not None and len(surface) >= 2 and t.by_surface[surface].kind == "count":
        return surface
    return None


def _duration_counts(n: str, start: int, uend: int, number: Number, r: Rules) -> bool:
    """A duration is a quantity when it is measured (为期7天), not when it frames a period (在五年内)."""
    measured = _word_before(n, start, r.measured_before) is not None
    suffix = _lookup_after(n, uend, r.suffix, r.max_suffix, r.suffix_firsts)
    if suffix is not None and suffix[1] != "exact":
        return True  # 1个工作日以内, 两年以上: measured against a bound
    if measured:
        return _word_after(n, uend, r.framing_after) is None or n.startswith("以内", uend)
    if _word_before(n, start, r.framing_before) is not None:
        return False
    if _word_after(n, uend, r.framing_after) is not None:
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
    surface2 = match_unit(t.matcher, n, end2)
    spec2 = t.by_surface[surface2] if surface2 else None
    if spec2 is not None and not _unit_ok(spec2, second, tok2, n, end2 + len(spec2.surface)):
        spec2 = None
    after = n[end2] if end2 < len(n) else ""
    if (
        spec is None
        and (spec2 is None or spec2.unit == "year")
        and (after in r.date_after or _is_year(n, tok2, second, end2, r))
    ):
        return "skip"  # 1—10月, 6月11-13日, 2021—2023年
    if spec is not None and spec2 is not None and spec.unit != spec2.unit:
        return None
    if spec is not None and spec2 is None:
        return None
    low = first
    same_script = tok[0].isdigit() == tok2[0].isdigit()
    mantissa = _parse_token(tok2.rstrip("万亿"))
    inherit = (
        mantissa is not None
        and mantissa.value is not None
        and first.value is not None
        and first.value <= mantissa.value
    )
    if not first.magnitude and second.magnitude and inherit and same_script:
        mag = tok2[len(tok2.rstrip("万亿")) :]
        try:
            low = parse_numeral(tok + mag)
        except NumeralError:
            return None
    elif same_script and len(tok) == 1 and not tok.isdigit() and len(tok2) > 1 and tok2[1] in "十百千":
        try:
            low = parse_numeral(tok + tok2[1:])  # 两到三千 = 两千到三千
        except NumeralError:
            return None
    unit_spec = spec2 or spec
    if unit_spec is None:
        if not (low.magnitude or second.magnitude) or not tok[0].isdigit():
            return None
        factor, unit, item, uend = Decimal(1), "CNY", None, end2
    else:
        factor, unit, item = unit_spec.factor, unit_spec.unit, unit_spec.item
        uend = end2 + len(unit_spec.surface) if spec2 is not None else end2
    lo, hi = low.scaled(factor).value, second.scaled(factor).value
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
    if after in r.date_after or _is_year(n, tok, number, end, r):
        return None
    if after.isascii() and after.isalpha():
        return None  # 5G, 3A
    if fused:
        return _Found(start, end, number, "count", None, "above", "qty.fused", fused=True)
    core = tok.rstrip("余多几")
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
    if tok[0].isdigit() and not number.magnitude:
        q = _prefix(n, start, r)
        if q is not None and q != "exact":
            return _Found(start, end, number, "none", None, number.approx, "qty.bare")
    return None


_CURRENCY_FIRST = ("人民币", "港币", "美元", "欧元", "日元", "英镑", "新台币", "台币", "澳门币")
_CURRENCY_LAST = frozenset(w[-1] for w in _CURRENCY_FIRST)


def _currency_before(n: str, start: int) -> tuple[str, int] | None:
    """A currency written before the number (人民币3.14, 港币两千九百六十元): its unit and width."""
    if start == 0 or n[start - 1] not in _CURRENCY_LAST:
        return None
    t = table()
    for word in _CURRENCY_FIRST:
        w = len(word)
        if start >= w and n.startswith(word, start - w):
            return t.by_surface[word].unit, w
    return None


def _finish(n: str, f: _Found, r: Rules) -> _Found:
    """Attach the approximation from infix, prefix and suffix words, in that order of precedence."""
    if f.approx == "exact":
        pre = None if f.fused else _prefix(n, f.start, r)
        if pre is not None and pre != "exact":
            f.approx = pre
        else:
            suf = _lookup_after(n, f.end, r.suffix, r.max_suffix, r.suffix_firsts)
            if suf is not None and suf[1] != "exact":
                f.approx = suf[1]
            elif f.fused:
                f.approx = "above"
    return f


def _prefix(n: str, start: int, r: Rules) -> Approx | None:
    """The qualifier before a number: adjacent (约20亿元), after a particle (超过了2500元), or a few
    characters before it within the clause (至少可容纳57家)."""
    pos = start - 1 if start and n[start - 1] in r.particles else start
    near = _lookup_before(n, pos, r.prefix, r.max_prefix, r.prefix_lasts)
    if near is not None:
        return near[1]
    lo = max(0, start - r.distant_reach)
    if not any(c in r.distant_firsts for c in n[lo:start]):
        return None
    m = r.distant.search(n, lo, start)
    return r.prefix.get(m.group(1)) if m is not None else None


def _to_quantity(text: str, f: _Found) -> Quantity:
    num = f.number
    return Quantity(
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


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order, with exact spans (`text[q.start:q.end] == q.text`).

    Never raises on any string; dates, ordinals, codes and idioms are left out (FORMAT.md).
    """
    if not text:
        return []
    n = normalise(text)
    found = list(_scan(n, standalone=False))
    _share_suffixes(n, found, rules())
    return [_to_quantity(text, f) for f in found]


_COORD = frozenset("、和与及,，")


def _share_suffixes(n: str, found: list[_Found], r: Rules) -> None:
    """In 10%和12%左右 or 30%、25%以上 the suffix qualifies every member of the list."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        if a.approx != "exact" or n[a.end : b.start] not in _COORD or a.unit != b.unit:
            continue
        if _lookup_after(n, a.end, r.suffix, r.max_suffix, r.suffix_firsts) is not None:
            continue
        suf = _lookup_after(n, b.end, r.suffix, r.max_suffix, r.suffix_firsts)
        if suf is not None and suf[1] != "exact":
            a.approx = suf[1]


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
