"""demo and schema run as real commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lhasa_news", *args], capture_output=True, text=True)


def test_demo_summary_and_json() -> None:
    out = _run("demo")
    assert out.returncode == 0, out.stderr
    assert "articles: 7" in out.stdout and "时讯快递" in out.stdout and "project " in out.stdout
    page = json.loads(_run("demo", "--json").stdout)
    assert page["published"] == "2025-10-20" and len(page["articles"]) == 7


def test_schema_writes_and_checks(tmp_path: Path) -> None:
    assert _run("schema", "--out", str(tmp_path)).returncode == 0
    assert (tmp_path / "page.schema.json").is_file()
    assert _run("schema", "--check", "--out", str(tmp_path)).returncode == 0
    (tmp_path / "page.schema.json").write_text("{}", encoding="utf-8")
    stale = _run("schema", "--check", "--out", str(tmp_path))
    assert stale.returncode == 1 and "stale schemas" in stale.stderr


def test_help_teaches() -> None:
    out = _run("--help")
    assert out.returncode == 0 and "lhasa-news demo" in out.stdout
    for cmd in ("extract", "validate", "eval", "schema", "demo"):
        assert _run(cmd, "--help").returncode == 0
