"""Many files at once: decoding archives, and parsing in worker processes in input order.

`extract_many` streams one `Result` per input, in the order given, whatever `jobs` is: a worker
pool maps over the inputs in chunks (`Executor.map` keeps order) and only a bounded number of
pages is in flight, so memory does not grow with the number of files.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Literal

from lhasa_news.models import Page

Encoding = Literal["auto", "utf-8", "gb18030"]

MAX_FILE_BYTES = 20 * 1024 * 1024  # a newspaper page is kilobytes; a file this large is an archive dump


class InputError(ValueError):
    """A file that cannot be read as text: the message names the file and why."""


def decode(data: bytes, name: str, encoding: Encoding = "auto") -> str:
    """Bytes of an archive file as text. `auto` takes UTF-8 (with or without BOM), else GB18030
    (the superset of GBK/GB2312 that Chinese archives use); a file with NUL bytes is binary."""
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: binary file (NUL bytes), not text")
    if encoding != "auto":
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not {encoding} text ({exc.reason} at byte {exc.start})") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: neither UTF-8 nor GB18030 text (byte {exc.start})") from None


@dataclass(frozen=True)
class Result:
    """What became of one input: its page, or the error that stopped it."""

    source: str
    page: Page | None
    error: str | None


def _one(task: tuple[str, Path | None, str | None, str | None, Encoding]) -> Result:
    from lhasa_news.pipeline import parse_page

    source, path, text, published, encoding = task
    try:
        if text is None:
            assert path is not None
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise InputError(
                    f"{source}: {size / 1024 / 1024:.0f} MB is too large for one page "
                    f"(limit {MAX_FILE_BYTES // 1024 // 1024} MB): split the archive into pages"
                )
            text = decode(path.read_bytes(), source, encoding)
        return Result(source, parse_page(text, published=published, source=source), None)
    except InputError as exc:
        return Result(source, None, str(exc))
    except OSError as exc:
        return Result(source, None, f"{source}: cannot read ({exc.strerror or exc})")
    except Exception as exc:  # a bug of ours must not lose the other files
        return Result(source, None, f"{source}: could not be parsed ({type(exc).__name__}: {exc})")


_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12]\d|3[01]))?(?!\d)")


def published_from_name(name: str) -> str | None:
    """The date a file name carries (lasa-daily-2024-01-p1.txt → 2024-01; 20240120.txt → 2024-01-20)."""
    for m in _DATE_IN_NAME.finditer(Path(name).stem):
        y, mo, d = m.groups()
        try:
            date(int(y), int(mo), int(d) if d else 1)
        except ValueError:
            continue
        return f"{y}-{mo}-{d}" if d else f"{y}-{mo}"
    return None


def extract_many(
    inputs: Iterable[tuple[str, Path | None, str | None]],
    published: str | Callable[[str], str | None] | None = None,
    jobs: int = 1,
    encoding: Encoding = "auto",
    window: int = 64,
) -> Iterator[Result]:
    """Parse `(source, path, text)` inputs (text given, or read from path) into Results, in input
    order. With `jobs` > 1 the work runs in that many processes, `window` pages at a time."""
    tasks = (
        (source, path, text, published(source) if callable(published) else published, encoding)
        for source, path, text in inputs
    )
    if jobs <= 1:
        yield from map(_one, tasks)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        while True:
            chunk = list(islice(tasks, window))
            if not chunk:
                return
            yield from pool.map(_one, chunk, chunksize=max(1, len(chunk) // (jobs * 4)))
