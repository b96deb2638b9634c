"""Regenerate lhasa_news/data/t2s.toml: traditional → simplified, one character for one.

The table is derived with OpenCC's `t2s` configuration (a dev dependency), character by
character, keeping only conversions that map one code point to one other code point, so the
normaliser never changes the length of a text and offsets stay exact.
Run: python tools/gen_t2s.py
"""

from __future__ import annotations

from pathlib import Path

import opencc

OUT = Path(__file__).resolve().parents[1] / "lhasa_news" / "data" / "t2s.toml"


def main() -> None:
    conv = opencc.OpenCC("t2s")
    pairs: list[tuple[str, str]] = []
    for cp in range(0x3400, 0xA000):
        ch = chr(cp)
        out = conv.convert(ch)
        if out != ch and len(out) == 1:
            pairs.append((ch, out))
    lines = [
        "# Traditional → simplified characters, one code point for one (same length, offsets kept).",
        "# Derived with OpenCC's t2s configuration by tools/gen_t2s.py; do not edit by hand.",
        f"# {len(pairs)} pairs: `traditional` and `simplified` are aligned strings.",
        "",
    ]
    trad = "".join(a for a, _ in pairs)
    simp = "".join(b for _, b in pairs)
    width = 64
    lines.append('traditional = """')
    lines += [trad[i : i + width] for i in range(0, len(trad), width)]
    lines.append('"""')
    lines.append('simplified = """')
    lines += [simp[i : i + width] for i in range(0, len(simp), width)]
    lines.append('"""')
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(pairs)} pairs)")


if __name__ == "__main__":
    main()
