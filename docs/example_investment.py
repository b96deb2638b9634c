"""Worked example: extract a page to Parquet, load it with pandas, plot investment by subject.

    pip install -e '.[analytics,docs]'
    python docs/example_investment.py        # writes docs/img/investment-by-subject.png

It uses the sample page shipped with the package; point `pages` at your own archive instead.
Chinese labels need a CJK font (Debian: `apt-get install fonts-wqy-microhei`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

import lhasa_news as ln
from lhasa_news.cli import SAMPLE_PUBLISHED, sample_text
from lhasa_news.io import write_parquet

OUT = Path(__file__).resolve().parent / "img" / "investment-by-subject.png"


def main() -> None:
    pages = [ln.parse_page(sample_text(), published=SAMPLE_PUBLISHED, source="sample-page")]
    with tempfile.TemporaryDirectory() as tmp:
        write_parquet(pages, tmp)
        figures = pd.read_parquet(Path(tmp) / "figures.parquet")
        projects = pd.read_parquet(Path(tmp) / "projects.parquet")

    # money figures whose metric speaks of investment, first prints only (same_as drops repeats)
    money = figures[(figures.unit == "CNY") & figures.metric.fillna("").str.contains("投资") & figures.same_as.isna()]
    money = money.assign(yi=money.value.astype(float) / 1e8, subject=money.subject_canonical.fillna("(unstated)"))
    by_subject = money.groupby("subject").yi.sum().sort_values()
    by_investor = projects.dropna(subset=["amount"]).assign(yi=lambda d: d.amount.astype(float) / 1e8)
    by_investor = by_investor.groupby("investor").yi.sum().sort_values()

    plt.rcParams["font.family"] = ["WenQuanYi Micro Hei", "sans-serif"]
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4.2))
    by_subject.plot.barh(ax=a, color="#4c72b0")
    a.set_title("Investment figures by subject (亿元)")
    a.set_xlabel("亿元 (10^8 CNY)")
    by_investor.plot.barh(ax=b, color="#dd8452")
    b.set_title("Project amounts by investor (亿元)")
    b.set_xlabel("亿元 (10^8 CNY)")
    fig.tight_layout()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(OUT, dpi=110)
    print(f"wrote {OUT}")
    print(by_subject.round(2).to_string())


if __name__ == "__main__":
    main()
