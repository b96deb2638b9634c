"""Batch throughput: pages per second and peak memory of `extract_many` with 1 and 2 worker processes.

Generates N pages (default 2,000) from the sample page shipped with the package, each with its
figures changed so no two pages are the same, writes them to a temporary folder, and parses them
with `lhasa_news.batch.extract_many` (results streamed and dropped, as `lhasa-news extract` does).
Peak memory is the resident set of this process and of its worker processes (`ru_maxrss`).
Each setting runs in a fresh interpreter, so the peaks do not mix.

    python benchmarks/bench_batch.py [--pages 2000] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make_pages(folder: Path, count: int) -> None:
    from lhasa_news.cli import sample_text

    base = sample_text()
    for i in range(count):
        # shift every Arabic number a little so that caches cannot replay an earlier page
        text = re.sub(r"\d+", lambda m, i=i: str(int(m.group()) + i % 97), base)
        (folder / f"page-{i:05d}.txt").write_text(text, encoding="utf-8")


def run_one(folder: Path, jobs: int) -> dict[str, float]:
    from lhasa_news.batch import extract_many

    paths = sorted(folder.glob("*.txt"))
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    t0 = time.perf_counter()
    pages = errors = 0
    for res in extract_many(((str(p), p, None) for p in paths), jobs=jobs):
        pages += res.page is not None
        errors += res.page is None
    seconds = time.perf_counter() - t0
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "jobs": jobs,
        "pages": pages,
        "errors": errors,
        "seconds": round(seconds, 2),
        "pages_per_s": round(pages / seconds, 1),
        "chars_per_s": round(chars / seconds),
        "peak_rss_mb_main": round(own, 1),
        "peak_rss_mb_worker": round(children, 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--one", type=str, help=argparse.SUPPRESS)  # internal: run one setting
    args = ap.parse_args()
    if args.one:
        folder, jobs = args.one.rsplit(":", 1)
        print(json.dumps(run_one(Path(folder), int(jobs))))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_pages(folder, args.pages)
        print(f"{args.pages} pages generated from the sample page in {folder}")
        for jobs in args.jobs:
            out = subprocess.run(
                [sys.executable, __file__, "--one", f"{folder}:{jobs}"], capture_output=True, text=True, check=True
            )
            r = json.loads(out.stdout)
            print(
                f"jobs {r['jobs']}: {r['pages']} pages in {r['seconds']} s = {r['pages_per_s']} pages/s "
                f"({r['chars_per_s']:,} chars/s); peak RSS main {r['peak_rss_mb_main']} MB, "
                f"largest worker {r['peak_rss_mb_worker']} MB; errors {r['errors']}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
