"""`lhasa-news validate` and lhasa_news.io: line-numbered errors with stable codes, round trips."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import lhasa_news as ln
from lhasa_news.io import read_jsonl, to_records, validate_line, write_jsonl

TEXT = "林周县总工会\n\n技能培训班结业\n\n本报拉萨讯(记者 央金)近日，培训班结业，共有40名学员，投资3亿元。"


def _page_line() -> str:
    return ln.parse_page(TEXT, published="2024-01-20", source="t").model_dump_json()


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lhasa_news", *args], capture_output=True, text=True)


def test_valid_file_passes(tmp_path: Path) -> None:
    f = tmp_path / "ok.jsonl"
    f.write_text(_page_line() + "\n" + _page_line() + "\n", encoding="utf-8")
    out = _run("validate", str(f))
    assert out.returncode == 0, out.stdout + out.stderr
    assert "2 lines checked, 0 problems" in out.stderr


def test_each_kind_of_error_is_reported_with_its_line(tmp_path: Path) -> None:
    good = json.loads(_page_line())
    wrong_unit = json.loads(_page_line())
    wrong_unit["figures"][0]["quantity"]["unit"] = "yuan"
    float_value = json.loads(_page_line())
    float_value["figures"][0]["quantity"]["value"] = 40.0
    missing = json.loads(_page_line())
    del missing["figures"][0]["quantity"]["unit"]
    bad_span = json.loads(_page_line())
    bad_span["figures"][0]["quantity"]["start"] += 1
    bad_span["figures"][0]["quantity"]["end"] += 1
    lines = [json.dumps(x, ensure_ascii=False) for x in (good, wrong_unit, float_value, missing, bad_span)]
    lines.append("{not json")
    f = tmp_path / "bad.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = _run("validate", str(f))
    assert out.returncode == 1
    report = out.stdout
    assert f"{f}:2: figures.0.quantity.unit: LN008" in report
    assert f"{f}:3: figures.0.quantity.value: LN007" in report
    assert f"{f}:4: figures.0.quantity.unit: LN002" in report
    assert f"{f}:5: " in report and "LN005" in report.split(f"{f}:5: ")[1].splitlines()[0]
    assert f"{f}:6: -: LN001" in report
    assert f"{f}:1:" not in report


def test_github_format_and_missing_file(tmp_path: Path) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text("[]\n", encoding="utf-8")
    out = _run("validate", "--format", "github", str(f), str(tmp_path / "absent.jsonl"))
    assert out.returncode == 1
    assert out.stdout.startswith("::error file=")
    assert "LN000" in out.stdout


def test_schema_version_is_checked() -> None:
    data = json.loads(_page_line())
    data["schema_version"] = "0.9"
    page, problems = validate_line(json.dumps(data), "x", 7)
    assert page is None and problems[0].code == "LN006" and problems[0].line == 7


def test_write_read_round_trip_and_records(tmp_path: Path) -> None:
    pages = [ln.parse_page(TEXT, published="2024-01-20", source=f"p{i}") for i in range(3)]
    path = tmp_path / "pages.jsonl"
    assert write_jsonl(pages, path) == 3
    again = list(read_jsonl(path))
    assert again == pages
    rows = to_records(again, "figures")
    assert len(rows) == 3 * len(pages[0].figures)
    assert rows[0]["source"] == "p0" and rows[0]["unit"] == "count" and rows[0]["value"] == "40"
    assert rows[0]["headline"] == "技能培训班结业"
    assert to_records(again, "articles")[0]["kicker"] == "林周县总工会"
