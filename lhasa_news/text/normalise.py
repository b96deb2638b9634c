"""Normalise a page for the recognisers without moving a single character.

Every mapping here is one code point for one code point, so an offset into the normalised text is
the same offset into the original: spans found on the normalised text point at the right place in
the text the user gave. Full-width ASCII becomes half-width, traditional characters become
simplified (table in data/t2s.toml), odd spaces and dashes become plain ones.
"""

from __future__ import annotations

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


@cache
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[cp] = chr(cp - 0xFEE0)
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


def normalise(text: str) -> str:
    """Return `text` with the same length, mapped character by character.

    A CR of a CRLF pair becomes a space (the LF keeps the line break); a lone CR becomes LF.
    """
    out = text.translate(_table())
    if "\r" in out:
        out = out.replace("\r\n", " \n").replace("\r", "\n")
    return out
