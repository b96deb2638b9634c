"""The `lhasa-news` command: demo, extract, schema, eval.

Thin wrappers over the library; every sub-command exits non-zero when something failed and says
what, naming the file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import click

from lhasa_news import __version__
from lhasa_news.models import Page
from lhasa_news.pipeline import parse_page

SAMPLE = "sample-page.txt"
SAMPLE_PUBLISHED = "2025-10-20"


def sample_text() -> str:
    """The demo page shipped in the package (written for it, in the genre of the corpus)."""
    return resources.files("lhasa_news.samples").joinpath(SAMPLE).read_text(encoding="utf-8")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lhasa-news")
def main() -> None:
    """Turn Chinese regional newspaper text into validated data.

    \b
    Try:  lhasa-news demo                      the shipped sample page, summarised
          lhasa-news extract page.txt -o out.jsonl
          lhasa-news eval CORPUS_DIR GOLD_DIR  score against gold files
          lhasa-news schema --out schemas      write the JSON Schemas
    """


def _fmt_value(page: Page, i: int) -> str:
    q = page.figures[i].quantity
    if q.value is not None:
        return format(q.value, "f")
    return f"{q.low}–{q.high}"


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the whole Page as JSON instead of a summary.")
def demo(as_json: bool) -> None:
    """Parse the sample page shipped with the package and print what was found."""
    page = parse_page(sample_text(), published=SAMPLE_PUBLISHED, source=f"lhasa_news/samples/{SAMPLE}")
    if as_json:
        click.echo(page.model_dump_json(indent=2))
        return
    click.echo(f"sample page: {len(page.text)} characters, published {page.published}")
    click.echo(
        f"articles: {len(page.articles)}   figures: {len(page.figures)}   repairs: {len(page.repairs)}"
        f"   warnings: {len(page.warnings)}"
    )
    click.echo("")
    for i, art in enumerate(page.articles):
        head = "".join(
            [
                f"[{art.section}] " if art.section else "",
                f"{art.kicker} / " if art.kicker else "",
                art.headline or "(photo story)",
                f" ——{art.subtitle}" if art.subtitle else "",
            ]
        )
        people = "、".join(art.reporters or art.photographers)
        click.echo(f"{i:>3}  {head}  {people}  ({len(art.paragraphs)} paragraphs, {len(art.figures)} figures)")
    for r in page.repairs:
        click.echo(f"     repair {r.kind} at {r.start}: {r.text!r}")
    click.echo("")
    for pr in page.projects:
        amount = f"{pr.amount.value} {pr.amount.unit}" if pr.amount else "-"
        click.echo(f"project  {pr.investor}  {pr.action}  {pr.name or '-'}  @{pr.location or '-'}  {amount}")
    for ev in page.events:
        when = ev.when.text if ev.when else "-"
        people = f"  {ev.participants} participants" if ev.participants else ""
        click.echo(f"event    {ev.type}  {ev.trigger}  {ev.title or '-'}  {when}{people}")
    click.echo("")
    click.echo(f"{'#':>3}  {'text':<16} {'value':>16}  {'unit':<10} {'approx':<7} item")
    for i, fig in enumerate(page.figures):
        q = fig.quantity
        click.echo(f"{i:>3}  {q.text:<16} {_fmt_value(page, i):>16}  {q.unit:<10} {q.approx:<7} {q.item or ''}")


def _inputs(paths: tuple[str, ...]) -> Iterator[tuple[str, Path | None]]:
    for raw in paths:
        if raw == "-":
            yield "-", None
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                raise click.ClickException(f"{raw}: folder holds no *.txt files")
            for p in found:
                yield str(p), p
        else:
            yield raw, path


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(writable=True), help="JSONL file, or a folder for csv.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one Page per line. csv / parquet: figures, projects, events and articles tables in the -o "
    "folder (parquet needs the [analytics] extra).",
)
@click.option("--published", help="Publication date of every page: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option(
    "--published-from-name",
    is_flag=True,
    help="Take each page's date from its file name (lasa-daily-2024-01-p1.txt → 2024-01).",
)
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option(
    "--encoding",
    type=click.Choice(["auto", "utf-8", "gb18030"]),
    default="auto",
    show_default=True,
    help="auto: UTF-8, else GB18030 (GBK archives).",
)
def extract(
    paths: tuple[str, ...],
    output: str | None,
    fmt: str,
    published: str | None,
    published_from_name: bool,
    jobs: int,
    encoding: str,
) -> None:
    """Parse text files (folders: every *.txt inside; - for stdin) into pages.

    Output is in input order whatever --jobs is. A file that cannot be read or parsed is reported
    on stderr with its name; the others still go through, and the exit code is 1.
    """
    from lhasa_news.batch import extract_many
    from lhasa_news.batch import published_from_name as date_of
    from lhasa_news.models import check_published

    try:
        check_published(published)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--published") from exc
    if fmt in ("csv", "parquet") and not output:
        raise click.BadParameter(f"{fmt} needs -o FOLDER for its four tables", param_hint="--output")
    inputs = ((label, path, sys.stdin.read() if path is None else None) for label, path in _inputs(paths))
    if published and published_from_name:
        raise click.BadParameter("give --published or --published-from-name, not both")
    when = date_of if published_from_name else published
    results = extract_many(inputs, published=when, jobs=jobs, encoding=encoding)  # type: ignore[arg-type]
    failed = 0
    pages: list[Page] = []
    out = open(output, "w", encoding="utf-8") if output and fmt == "jsonl" else sys.stdout  # noqa: SIM115
    show = sys.stderr.isatty()  # a progress bar on terminals, nothing when piped
    try:
        bar = click.progressbar(results, label="pages", file=sys.stderr) if show else None
        for res in bar if bar is not None else results:
            if res.page is None:
                click.echo(f"error: {res.error}", err=True)
                failed += 1
            elif fmt == "jsonl":
                out.write(res.page.model_dump_json() + "\n")
            else:
                pages.append(res.page)
    finally:
        if out is not sys.stdout:
            out.close()
    if fmt == "csv" and output:
        _write_csv(pages, Path(output))
    elif fmt == "parquet" and output:
        from lhasa_news.io import write_parquet

        try:
            write_parquet(pages, Path(output))
        except ImportError as exc:
            raise click.ClickException(str(exc)) from exc
    if failed:
        raise SystemExit(1)


def _write_csv(pages: list[Page], folder: Path) -> None:
    import csv

    from lhasa_news.io import to_records

    folder.mkdir(parents=True, exist_ok=True)
    for kind in ("figures", "projects", "events", "articles"):
        rows = to_records(pages, kind)
        with (folder / f"{kind}.csv").open("w", encoding="utf-8", newline="") as fh:
            if rows:
                writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="github: ::error annotations for GitHub Actions.",
)
def validate(files: tuple[str, ...], fmt: str) -> None:
    """Check JSONL files of pages: every line against the data model, its schema version, and every
    span against the page text. Prints `file:line: field: CODE message`; exit 1 on any problem.

    \b
    Codes: LN001 not JSON, LN002 missing field, LN003 wrong type or value, LN004 unknown field,
    LN005 span does not quote the text, LN006 schema version, LN007 not a plain decimal,
    LN008 unit not canonical.
    """
    from lhasa_news.io import Problem, validate_line

    problems: list[Problem] = []
    lines = 0
    for name in files:
        try:
            fh = open(name, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            problems.append(Problem(name, 0, "-", "LN000", f"cannot read: {exc.strerror}"))
            continue
        with fh:
            try:
                for number, line in enumerate(fh, 1):
                    if line.strip():
                        lines += 1
                        problems.extend(validate_line(line, name, number)[1])
            except UnicodeDecodeError as exc:
                problems.append(Problem(name, 0, "-", "LN001", f"not UTF-8 text: {exc.reason}"))
    for p in problems:
        if fmt == "github":
            click.echo(f"::error file={p.path},line={p.line},title={p.code}::{p.field}: {p.message}")
        else:
            click.echo(str(p))
    click.echo(f"{lines} lines checked, {len(problems)} problems", err=True)
    if problems:
        raise SystemExit(1)


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="schemas", show_default=True)
@click.option("--check", is_flag=True, help="Only check that the files in --out are up to date (exit 1 if not).")
def schema(out_dir: str, check: bool) -> None:
    """Write the JSON Schemas of the data model (page, article, quantity, …) into a folder."""
    from lhasa_news.schemas import stale_schemas, write_schemas

    if check:
        stale = stale_schemas(Path(out_dir))
        if stale:
            raise click.ClickException(f"stale schemas in {out_dir}: {', '.join(stale)} (run: lhasa-news schema)")
        click.echo(f"schemas in {out_dir} are up to date")
        return
    for path in write_schemas(Path(out_dir)):
        click.echo(f"wrote {path}")


@main.command("eval")
@click.argument("corpus_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--pred",
    "pred_dir",
    type=click.Path(exists=True, file_okay=False),
    help="Score these gold-format predictions (same file names as GOLD_DIR) instead of running lhasa_news.",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable scores, with every miss and false alarm.")
@click.option("-v", "--verbose", is_flag=True, help="List every miss and false alarm.")
def eval_cmd(corpus_dir: str, gold_dir: str, pred_dir: str | None, as_json: bool, verbose: bool) -> None:
    """Score extraction on CORPUS_DIR against the gold files (*.gold.json) in GOLD_DIR.

    \b
    quantities  match on unit, value (±0.01) and overlapping span
    figures     the matched quantities; fields metric (character F1 ≥ 0.5), subject,
                period, dates, status
    articles    match on the exact headline; fields kicker, subtitle, section, …
    projects    match on investor and amount; fields action, name, location
    events      match on type and trigger; fields participants, title, location
    """
    from lhasa_news.evaluate import FIELDS, KINDS, evaluate

    report = evaluate(Path(corpus_dir), Path(gold_dir), Path(pred_dir) if pred_dir else None)
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{'file':<40} " + " ".join(f"{k[:10]:>11}" for k in KINDS))
    for name, scores in report.per_file.items():
        cells = " ".join(f"{scores[k].f1:11.3f}" for k in KINDS)
        click.echo(f"{name[:40]:<40} {cells}")
    click.echo("(F1 per file)\n")
    for kind in KINDS:
        t = report.total(kind)
        click.echo(
            f"{kind:<11} P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}  (tp {t.tp}, fp {t.fp}, fn {t.fn})"
        )
        shown = "  ".join(f"{f} {t.field_accuracy(f):.3f}" for f in FIELDS[kind] if f in t.fields)
        if shown:
            click.echo(f"{'':<11} right on matches: {shown}")
    if verbose:
        for kind in KINDS:
            t = report.total(kind)
            for line in t.misses:
                click.echo(f"{kind} miss: {line}")
            for line in t.false_alarms:
                click.echo(f"{kind} false alarm: {line}")


if __name__ == "__main__":  # pragma: no cover
    main()
