"""`lhasa-news extract` on files made here: stdin, folders, bad inputs, encodings, --jobs, csv."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

PAGE = "林周县总工会\n\n技能培训班结业\n\n本报拉萨讯(记者 央金)近日，培训班结业，共有40名学员，投资3亿元。"


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lhasa_news", "extract", *args], capture_output=True, text=True, input=stdin
    )


def _files(tmp_path: Path, n: int = 5) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(n):
        (folder / f"p{i}.txt").write_text(PAGE.replace("40", str(40 + i)), encoding="utf-8")
    return folder


def test_stdin() -> None:
    out = _run("-", "--published", "2024-01-20", stdin=PAGE)
    assert out.returncode == 0, out.stderr
    page = json.loads(out.stdout)
    assert page["source"] == "-" and page["published"] == "2024-01-20"


def test_jobs_two_gives_the_same_output_in_the_same_order(tmp_path: Path) -> None:
    folder = _files(tmp_path, 7)
    one = _run(str(folder), "--jobs", "1")
    two = _run(str(folder), "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert [json.loads(line)["source"] for line in one.stdout.splitlines()] == [
        str(folder / f"p{i}.txt") for i in range(7)
    ]


def test_bad_inputs_are_named_and_the_rest_goes_through(tmp_path: Path) -> None:
    folder = _files(tmp_path, 2)
    (folder / "gbk.txt").write_bytes(PAGE.encode("gb18030"))
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "empty.txt").write_bytes(b"")
    out = _run(str(folder), str(tmp_path / "missing.txt"))
    assert out.returncode == 1
    assert "binary.txt: binary file" in out.stderr
    assert "missing.txt: cannot read" in out.stderr
    sources = [json.loads(line)["source"] for line in out.stdout.splitlines()]
    assert str(folder / "gbk.txt") in sources and str(folder / "empty.txt") in sources and len(sources) == 4
    gbk = next(json.loads(line) for line in out.stdout.splitlines() if line.find("gbk.txt") > 0)
    assert gbk["articles"][0]["headline"] == "技能培训班结业"


def test_forced_encoding_reports_a_mismatch(tmp_path: Path) -> None:
    f = tmp_path / "gbk.txt"
    f.write_bytes(PAGE.encode("gb18030"))
    out = _run(str(f), "--encoding", "utf-8")
    assert out.returncode == 1 and "not utf-8 text" in out.stderr


def test_folder_without_texts_and_bad_published(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    out = _run(str(tmp_path / "empty"))
    assert out.returncode != 0 and "holds no *.txt files" in out.stderr
    out = _run("-", "--published", "2024-13", stdin=PAGE)
    assert out.returncode != 0 and "published" in out.stderr


def test_csv_tables(tmp_path: Path) -> None:
    folder = _files(tmp_path, 3)
    out = _run(str(folder), "--format", "csv", "-o", str(tmp_path / "tables"))
    assert out.returncode == 0, out.stderr
    with (tmp_path / "tables" / "figures.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["value"] for r in rows if r["unit"] == "count"] == ["40", "41", "42"]
    assert {"source", "headline", "metric", "period_start", "status"} <= set(rows[0])
    assert (tmp_path / "tables" / "articles.csv").read_text(encoding="utf-8").count("\n") == 4


def test_parquet_tables(tmp_path: Path) -> None:
    import pytest

    pq = pytest.importorskip("pyarrow.parquet", reason="the [analytics] extra is not installed")
    folder = _files(tmp_path, 2)
    out = _run(str(folder), "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert out.returncode == 0, out.stderr
    table = pq.read_table(tmp_path / "pq" / "figures.parquet")
    assert table.num_rows == 4 and "metric" in table.column_names


def test_a_hundred_megabyte_file_is_refused_by_name(tmp_path: Path) -> None:
    big = tmp_path / "archive.txt"
    with big.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    small = tmp_path / "page.txt"
    small.write_text(PAGE, encoding="utf-8")
    out = _run(str(big), str(small))
    assert out.returncode == 1
    assert "archive.txt: 100 MB is too large for one page" in out.stderr
    assert len(out.stdout.splitlines()) == 1


def test_published_from_name(tmp_path: Path) -> None:
    from lhasa_news.batch import published_from_name

    assert published_from_name("lasa-daily-2024-01-p1.txt") == "2024-01"
    assert published_from_name("x/20240120.txt") == "2024-01-20"
    assert published_from_name("page-2024-13.txt") is None
    f = tmp_path / "lasa-daily-2024-01-p1.txt"
    f.write_text("2023年，拉萨市完成投资251.06亿元。去年同期增长12%。", encoding="utf-8")
    out = _run(str(f), "--published-from-name")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["published"] == "2024-01"
