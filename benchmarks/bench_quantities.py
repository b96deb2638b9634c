"""Throughput benchmark: lhasa_news quantity extraction against JioNLP's money extraction.

What it measures
----------------
A workload of at least 1,000,000 characters is built from every ``*.txt`` page of the corpus
directory (default ``../shared/corpus`` relative to the repository root), the pages being repeated
in sorted order until the total reaches the target. If the corpus directory is missing or holds no
pages, the packaged sample page ``lhasa_news/samples/sample-page.txt`` is used instead.

Each contender is then called once per page, as a user would call it, and timed with
``time.perf_counter`` in the same process:

* ``lhasa_news.extract_quantities(page)`` -- items counted: quantities returned;
* ``lhasa_news.parse_page(page)`` -- items counted: figures on the returned ``Page``;
* ``jionlp.ner.extract_money(page)`` (or ``jionlp.extract_money`` on releases that export it at
  the top level) with its default arguments -- items counted: money entities returned.

Every contender is warmed up once on the smallest page (this also triggers JioNLP's lazy regex
compilation), then the whole workload is run ``--repeat`` times and the best run is kept. The
script prints characters per second, items found over one run, calls that raised, and the ratios
``extract_quantities / jionlp`` and ``parse_page / jionlp`` (above 1 means lhasa_news is faster).

``--clock cpu`` times this process's CPU time instead of elapsed time: on a shared machine where
other jobs steal the processor, it keeps the ratios steady. ``--stages`` adds the time of each stage
of ``parse_page`` (segmentation, quantities, periods, figures, projects, events, entities, the Page),
to show where a page's time goes.

JioNLP is optional: without it the script says how to install it and measures lhasa_news alone.

How to run
----------
From the repository root, with the package installed (``pip install -e .``)::

    python benchmarks/bench_quantities.py
    python benchmarks/bench_quantities.py --repeat 5 --json
    python benchmarks/bench_quantities.py --corpus path/to/pages --min-chars 200000
    python benchmarks/bench_quantities.py --clock cpu --stages

To include JioNLP: ``pip install jionlp`` or ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib.resources
import io
import json
import platform
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
# Benchmark the checkout this script lives in. This also sidesteps a stale editable install that
# registered `lhasa_news` as a namespace package: run from outside the repository root, that
# install imports an empty `lhasa_news` without `extract_quantities` or `parse_page`.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import lhasa_news  # noqa: E402

DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
DEFAULT_MIN_CHARS = 1_000_000
INSTALL_HINT = "pip install jionlp   (or, from the repository root: pip install -e '.[bench]')"

Counter = Callable[[str], int]


@dataclass
class Workload:
    """The pages fed to every contender, one call per page."""

    source: str
    unique_pages: int
    pages: list[str]

    @property
    def chars(self) -> int:
        return sum(len(p) for p in self.pages)


@dataclass
class Result:
    """One contender's best run over the workload."""

    name: str
    best_seconds: float
    chars_per_s: float
    items: int
    errors: int
    runs_seconds: list[float] = field(default_factory=list)
    first_error: str | None = None


@dataclass
class JioInfo:
    """What happened when importing JioNLP."""

    available: bool
    function: str | None = None
    version: str | None = None
    import_seconds: float | None = None
    import_stdout: list[str] = field(default_factory=list)
    import_warnings: list[str] = field(default_factory=list)
    cold_call_seconds: float | None = None
    error: str | None = None


def load_pages(corpus: Path) -> tuple[str, list[str]]:
    """Return (description of the source, page texts) from `corpus`, or the packaged sample page."""
    if corpus.is_dir():
        files = sorted(corpus.glob("*.txt"))
        pages = [f.read_text(encoding="utf-8") for f in files]
        pages = [p for p in pages if p]
        if pages:
            return f"{corpus} ({len(pages)} pages)", pages
    sample = importlib.resources.files("lhasa_news").joinpath("samples/sample-page.txt")
    text = sample.read_text(encoding="utf-8")
    print(f"note: no *.txt pages in {corpus}; using the packaged sample page instead", file=sys.stderr)
    return "lhasa_news/samples/sample-page.txt (fallback)", [text]


def build_workload(source: str, pages: Sequence[str], min_chars: int) -> Workload:
    """Repeat `pages` in order until the total is at least `min_chars` characters."""
    out: list[str] = []
    total = 0
    while total < min_chars:
        for p in pages:
            out.append(p)
            total += len(p)
    return Workload(source=source, unique_pages=len(pages), pages=out)


def load_jionlp() -> tuple[JioInfo, Callable[[str], Any] | None]:
    """Import JioNLP (timing it and capturing its import banner) and find its money extractor."""
    buf = io.StringIO()
    t0 = time.perf_counter()
    try:
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(buf):
            warnings.simplefilter("always")
            import jionlp
    except ImportError as exc:
        return JioInfo(available=False, error=f"{type(exc).__name__}: {exc}"), None
    except Exception as exc:  # a broken install should not stop the lhasa_news numbers
        return JioInfo(available=False, error=f"import failed: {type(exc).__name__}: {exc}"), None
    seconds = time.perf_counter() - t0
    info = JioInfo(
        available=True,
        version=str(getattr(jionlp, "__version__", "unknown")),
        import_seconds=seconds,
        import_stdout=[line for line in buf.getvalue().splitlines() if line.strip()],
        import_warnings=[f"{w.category.__name__}: {w.message}" for w in caught],
    )
    ner = getattr(jionlp, "ner", None)
    candidates: list[tuple[str, Any]] = [
        ("jionlp.ner.extract_money", getattr(ner, "extract_money", None)),
        ("jionlp.extract_money", getattr(jionlp, "extract_money", None)),
    ]
    for name, fn in candidates:
        if callable(fn):
            info.function = name
            return info, fn
    info.available = False
    info.error = "jionlp is installed but has neither jionlp.ner.extract_money nor jionlp.extract_money"
    return info, None


CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}


def time_run(
    count: Counter, pages: Sequence[str], clock: Callable[[], float] = time.perf_counter
) -> tuple[float, int, int, str | None]:
    """One pass over `pages`: (seconds, items found, calls that raised, first error)."""
    items = 0
    errors = 0
    first_error: str | None = None
    gc.collect()
    t0 = clock()
    for page in pages:
        try:
            items += count(page)
        except Exception as exc:
            errors += 1
            if first_error is None:
                first_error = f"{type(exc).__name__}: {exc}"
    return clock() - t0, items, errors, first_error


def measure_all(
    contenders: Sequence[tuple[str, Counter]],
    workload: Workload,
    warmup_page: str,
    repeat: int,
    clock: Callable[[], float] = time.perf_counter,
) -> list[Result]:
    """Warm every contender up once, then run them in turns, `repeat` rounds, keeping each one's
    best run. Taking turns matters on a shared machine: a slow spell hits every contender alike
    instead of skewing the ratios."""
    for _, count in contenders:
        with contextlib.suppress(Exception):  # a failing page is counted in the timed runs
            count(warmup_page)
    runs: dict[str, list[float]] = {name: [] for name, _ in contenders}
    items: dict[str, int] = {}
    errors: dict[str, int] = {}
    first_error: dict[str, str | None] = {name: None for name, _ in contenders}
    for _ in range(repeat):
        for name, count in contenders:
            seconds, items[name], errors[name], err = time_run(count, workload.pages, clock)
            runs[name].append(seconds)
            first_error[name] = first_error[name] or err
    results = []
    for name, _ in contenders:
        best = min(runs[name])
        results.append(
            Result(
                name=name,
                best_seconds=best,
                chars_per_s=workload.chars / best if best > 0 else float("inf"),
                items=items[name],
                errors=errors[name],
                runs_seconds=runs[name],
                first_error=first_error[name],
            )
        )
    return results


def count_quantities(page: str) -> int:
    return len(lhasa_news.extract_quantities(page))


def count_figures(page: str) -> int:
    return len(lhasa_news.parse_page(page).figures)


def money_counter(extract_money: Callable[[str], Any]) -> Counter:
    def count_money(page: str) -> int:
        return len(extract_money(page))

    return count_money


STAGES = (
    "normalise",
    "segment",
    "extract_quantities",
    "extract_periods",
    "build_figures",
    "build_projects",
    "build_events",
    "extract_entities",
    "Page",
)


def stage_seconds(pages: Sequence[str], repeat: int, clock: Callable[[], float]) -> dict[str, float]:
    """Best time of each stage of `parse_page` over `pages`, and of the whole call ("total").

    The stage functions are looked up by name in `lhasa_news.pipeline`, so they are wrapped there
    with timers for the length of the measurement and put back afterwards."""
    from lhasa_news import pipeline

    spent = dict.fromkeys(STAGES, 0.0)
    originals = {name: getattr(pipeline, name) for name in STAGES}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += clock() - t0

        return wrapper

    best = dict.fromkeys((*STAGES, "total"), float("inf"))
    try:
        for name, fn in originals.items():
            setattr(pipeline, name, timed(name, fn))
        for _ in range(repeat):
            spent.update(dict.fromkeys(STAGES, 0.0))
            t0 = clock()
            for page in pages:
                lhasa_news.parse_page(page)
            best["total"] = min(best["total"], clock() - t0)
            for name in STAGES:
                best[name] = min(best[name], spent[name])
    finally:
        for name, fn in originals.items():
            setattr(pipeline, name, fn)
    return best


def print_stages(best: dict[str, float], pages: Sequence[str]) -> None:
    n = len(pages)
    print(f"\nparse_page by stage (best of each, ms per page over {n} pages):")
    for name in sorted(STAGES, key=lambda k: -best[k]):
        print(f"  {name:<20} {1000 * best[name] / n:8.3f}")
    print(f"  {'(whole call)':<20} {1000 * best['total'] / n:8.3f}")


def ratio(a: Result | None, b: Result | None) -> float | None:
    if a is None or b is None or b.chars_per_s == 0:
        return None
    return a.chars_per_s / b.chars_per_s


def print_table(
    workload: Workload,
    repeat: int,
    results: list[Result],
    ratios: dict[str, float | None],
    jio: JioInfo,
    clock: str = "wall",
) -> None:
    print(f"corpus:   {workload.source}")
    print(
        f"workload: {workload.chars:,} characters in {len(workload.pages):,} calls "
        f"({workload.unique_pages} distinct pages), best of {repeat}"
    )
    print(f"clock:    {clock}")
    print(f"python:   {platform.python_version()}   lhasa_news {lhasa_news.__version__}", end="")
    print(f"   jionlp {jio.version}" if jio.available else "   jionlp not installed")
    if jio.available:
        print(
            f"jionlp:   using {jio.function}(page); import took {jio.import_seconds or 0:.2f} s, "
            f"first call {1000 * (jio.cold_call_seconds or 0):.0f} ms"
        )
        for line in jio.import_stdout:
            print(f"          printed on import: {line}")
        for w in jio.import_warnings:
            print(f"          warning on import: {w}")
    print()
    width = max(len(r.name) for r in results)
    print(f"{'name':<{width}}  {'chars/s':>12}  {'best s':>8}  {'items':>8}  {'errors':>6}")
    print(f"{'-' * width}  {'-' * 12}  {'-' * 8}  {'-' * 8}  {'-' * 6}")
    for r in results:
        rate = f"{r.chars_per_s:>12,.0f}"
        print(f"{r.name:<{width}}  {rate}  {r.best_seconds:>8.3f}  {r.items:>8,}  {r.errors:>6}")
    for r in results:
        if r.first_error:
            print(f"  {r.name}: first error: {r.first_error}")
    if ratios:
        print()
        for key, value in ratios.items():
            shown = "n/a" if value is None else f"{value:.2f}x"
            print(f"{key:<30} {shown}")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="directory of *.txt pages")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per contender; the best is kept")
    ap.add_argument("--min-chars", type=int, default=DEFAULT_MIN_CHARS, help="workload size in characters")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument(
        "--clock",
        choices=sorted(CLOCKS),
        default="wall",
        help="wall: elapsed time (default); cpu: this process's CPU time, steadier on a busy shared machine",
    )
    ap.add_argument("--stages", action="store_true", help="also print the time of each stage of parse_page")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if args.min_chars < 1:
        ap.error("--min-chars must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    missing = [n for n in ("extract_quantities", "parse_page") if not hasattr(lhasa_news, n)]
    if missing:
        print(
            f"error: {lhasa_news!r} has no {', '.join(missing)}; reinstall it with `pip install -e .`",
            file=sys.stderr,
        )
        return 2
    source, pages = load_pages(args.corpus)
    workload = build_workload(source, pages, args.min_chars)
    warmup_page = min(pages, key=len)

    jio, extract_money = load_jionlp()
    if extract_money is None:
        print(f"jionlp is not available ({jio.error}).", file=sys.stderr)
        print(f"To compare against JioNLP, install it: {INSTALL_HINT}", file=sys.stderr)
        print("Measuring lhasa_news alone.", file=sys.stderr)

    contenders: list[tuple[str, Counter]] = [
        ("lhasa_news.extract_quantities", count_quantities),
        ("lhasa_news.parse_page", count_figures),
    ]
    if extract_money is not None:
        t0 = time.perf_counter()
        with contextlib.suppress(Exception):
            extract_money(warmup_page)  # the cold call: JioNLP compiles its patterns lazily
        jio.cold_call_seconds = time.perf_counter() - t0
        contenders.append((jio.function or "jionlp", money_counter(extract_money)))
    results = measure_all(contenders, workload, warmup_page, args.repeat, CLOCKS[args.clock])
    jio_result: Result | None = results[2] if extract_money is not None else None

    ratios: dict[str, float | None] = {}
    if jio_result is not None:
        ratios = {
            "extract_quantities / jionlp": ratio(results[0], jio_result),
            "parse_page / jionlp": ratio(results[1], jio_result),
        }

    stages = stage_seconds(pages, args.repeat, CLOCKS[args.clock]) if args.stages else None
    if args.json:
        payload: dict[str, Any] = {
            "corpus": workload.source,
            "chars": workload.chars,
            "calls": len(workload.pages),
            "distinct_pages": workload.unique_pages,
            "repeat": args.repeat,
            "clock": args.clock,
            "python": platform.python_version(),
            "lhasa_news": lhasa_news.__version__,
            "jionlp": asdict(jio) | ({} if jio.available else {"install": INSTALL_HINT}),
            "results": [asdict(r) for r in results],
            "ratios": ratios,
        }
        if stages is not None:
            payload["stages_ms_per_page"] = {k: 1000 * v / len(pages) for k, v in stages.items()}
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print_table(workload, args.repeat, results, ratios, jio, args.clock)
        if stages is not None:
            print_stages(stages, pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
