"""Normalise a page for the recognisers without moving a single character.

Every mapping here is one code point for one code point, so an offset into the normalised text is
the same offset into the original: spans found on the normalised text point at the right place in
the text the user gave. Full-width digits, letters and number signs (１２３．５％) become half-width,
traditional characters become simplified (table in data/t2s.toml), odd spaces and dashes become
plain ones. Full-width punctuation of ordinary prose (，。：；（）“”) is left as it is: readers of
the normalised text accept both forms, and a text that needs no mapping is returned untouched,
which keeps normalisation nearly free for simplified pages.
"""

from __future__ import annotations

import re
from functools import cache

from lhasa_news.data import load

# Dash variants that separate ranges (1—10月, 3000～5000元) all become the em dash or tilde.
_EXTRA = {
    "\u3000": " ",  # ideographic space
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "\u200b": " ",
    "\ufeff": " ",
    "\t": " ",
    "\u2013": "—",  # en dash
    "\u2015": "—",  # horizontal bar
    "\u2500": "—",  # box drawing line, seen in PDF dumps
    "\u2212": "-",  # minus sign
    "\u301c": "~",  # wave dash
    "\u2236": ":",  # ratio colon
    "〇": "〇",
}


# Full-width forms that matter to numbers and codes: digits, Latin letters, ％ ． ／ ＋ － ～ ＃ ＆.
_FULL_WIDTH = (
    "".join(chr(c) for c in range(0xFF10, 0xFF1A))
    + "".join(chr(c) for c in range(0xFF21, 0xFF3B))
    + "".join(chr(c) for c in range(0xFF41, 0xFF5B))
    + "％．／＋－～＃＆＝＜＞"
)


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for ch in _FULL_WIDTH:
        table[ord(ch)] = chr(ord(ch) - 0xFEE0)
    data = load("t2s")
    trad = "".join(data["traditional"].split())
    simp = "".join(data["simplified"].split())
    if len(trad) != len(simp):  # pragma: no cover - guarded by tests of the data file
        raise ValueError("data/t2s.toml: traditional and simplified differ in length")
    for a, b in zip(trad, simp, strict=True):
        table[ord(a)] = b
    for a, b in _EXTRA.items():
        table[ord(a)] = b
    return table


@cache
def _needs_mapping() -> re.Pattern[str]:
    """One character class of everything the table maps, plus CR."""
    chars = "".join(sorted(chr(c) for c in _table())) + "\r"
    return re.compile("[" + re.escape(chars) + "]")


def normalise(text: str) -> str:
    """Return `text` with the same length, mapped character by character.

    A CR of a CRLF pair becomes a space (the LF keeps the line break); a lone CR becomes LF.
    """
    if _needs_mapping().search(text) is None:
        return text
    out = text.translate(_table())
    if "\r" in out:
        out = out.replace("\r\n", " \n").replace("\r", "\n")
    return out


def normalised_for(text: str, normalised: str | None) -> str:
    """`normalised` when a caller (the pipeline) has already normalised `text`, else `normalise(text)`.

    Lets each recogniser be called on its own while the pipeline normalises a page only once.
    """
    if normalised is None:
        return normalise(text)
    if len(normalised) != len(text):
        raise ValueError("normalised text must have the length of the text it was made from")
    return normalised
