"""The command line: thin shells that parse flags, call one library function and render."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from chancery.errors import ChanceryError
from chancery.render import FORMATS, render_json_pieces, render_rows, render_table
from chancery.settings import Settings

app = typer.Typer(
    name="chancery",
    help="Code news into CAMEO/PLOVER events and keep an evidence-backed ledger of international relations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DbOption = Annotated[
    str | None, typer.Option("--db", help="Ledger URL (sqlite:///path or postgresql://...).")
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, json, jsonl or csv.")]
PathsArgument = Annotated[list[str], typer.Argument(help="Files, folders, .jsonl files or - for stdin.")]
ModelOption = Annotated[str | None, typer.Option(help="Installed spaCy pipeline to parse with.")]
WorkersOption = Annotated[
    int | None, typer.Option(help="Worker processes, each loading the model once [default: one per core].")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
DateOption = Annotated[str | None, typer.Option("--date", help="Publication date for inputs that have none.")]


EXPORTS = ("events", "gdelt", "ledger-events", "quotes", "relations")


def _settings(**overrides: Any) -> Settings:
    return Settings.load(overrides)


def _ledger(settings: Settings):
    from chancery.ledger import open_ledger  # imported late: listing commands need no model

    return open_ledger(settings.db, date_window=settings.date_window)


def _check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    if fmt not in allowed:
        raise ChanceryError(f"unknown format {fmt!r}; use one of: {', '.join(allowed)}")
    return fmt


def _emit(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def _problem(line: str) -> None:
    sys.stderr.write(f"chancery: {line}\n")


@app.command()
def code(
    paths: PathsArgument,
    fmt: FormatOption = "table",
    date: DateOption = None,
    model: ModelOption = None,
    workers: WorkersOption = None,
    quiet: QuietOption = False,
) -> None:
    """Code articles and print their events and quotes, without storing anything.

    Output is written as each article is coded, except csv, whose columns need every row first.
    """
    from chancery.pipeline import Pipeline, code_inputs, count_inputs
    from chancery.records import CodedArticle, InputProblem

    _check_format(fmt)
    pipeline = Pipeline.from_settings(_settings(date=date, model=model, workers=workers))
    problems: list[InputProblem] = []

    def coded(advance: Callable[[], None]) -> Iterator[CodedArticle]:
        for item in code_inputs(pipeline, paths, stdin=sys.stdin):
            advance()
            if isinstance(item, InputProblem):
                _problem(str(item))
                problems.append(item)
            else:
                yield item

    with _progress(quiet, lambda: count_inputs(paths)) as advance:
        if fmt == "json":
            for piece in render_json_pieces("articles", (item.summary() for item in coded(advance))):
                sys.stdout.write(piece)
        elif fmt == "csv":
            rows = [e.to_dict() for item in coded(advance) for e in item.events]
            _emit(render_rows(fmt, {"events": rows}, kind="events"))
        else:
            for item in coded(advance):
                if fmt == "jsonl":
                    _emit(render_rows(fmt, {"events": [e.to_dict() for e in item.events]}, kind="events"))
                    continue
                _emit(render_table("events", [e.to_dict() for e in item.events], title=_title(item.article)))
                if item.quotes:
                    _emit(render_table("quotes", [q.to_dict() for q in item.quotes]))
    if problems:
        raise typer.Exit(1)


@contextmanager
def _progress(quiet: bool, total: Callable[[], int | None]) -> Iterator[Callable[[], None]]:
    """A progress bar with articles/s on stderr when it is a terminal; yields ``advance()``."""
    if quiet or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("coding", total=total(), rate="")

        def advance() -> None:
            bar.advance(task)
            done = bar.tasks[task]  # the mean rate: batches arrive in bursts, so a window's rate jumps
            if done.elapsed:
                bar.update(task, rate=f"{done.completed / done.elapsed:.1f} articles/s")

        yield advance


def _title(article) -> str:
    parts = [article.title or article.source or article.id, article.date or "undated", article.publisher]
    return " · ".join(p for p in parts if p)


@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = None,
    date: DateOption = None,
    model: ModelOption = None,
    workers: WorkersOption = None,
    quiet: QuietOption = False,
) -> None:
    """Code articles and store them in the ledger (each article whole or not at all)."""
    from chancery.pipeline import Pipeline, count_inputs
    from chancery.pipeline import ingest as run_ingest

    settings = _settings(db=db, date=date, model=model, workers=workers)
    pipeline = Pipeline.from_settings(settings)
    with _ledger(settings) as ledger, _progress(quiet, lambda: count_inputs(paths)) as advance:
        report = run_ingest(pipeline, ledger, paths, stdin=sys.stdin, progress=lambda _: advance())
    for problem in report.problems:
        _problem(str(problem))
    run = report.run
    sys.stderr.write(
        f"ingested {run.articles} article(s): {run.stored} new, {run.articles - run.stored} already stored, "
        f"{run.events} event(s), {run.failures} problem(s)\n"
    )
    if report.failed:
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOption = None,
    source: Annotated[str | None, typer.Option(help="Source actor code prefix, e.g. CHN.")] = None,
    target: Annotated[str | None, typer.Option(help="Target actor code prefix, e.g. AFG.")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 05 or 054.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date (YYYY-MM-DD).")] = None,
    counted: Annotated[bool, typer.Option("--counted", help="Only counted events.")] = False,
    fmt: FormatOption = "table",
) -> None:
    """List stored events."""
    _check_format(fmt)
    with _ledger(_settings(db=db)) as ledger:
        rows = ledger.events(
            source=source, target=target, cameo=cameo, since=since, until=until, counted=counted or None
        )
    _emit(render_rows(fmt, {"events": [e.to_dict() for e in rows]}, kind="events"))


@app.command()
def quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker name (case-insensitive substring).")] = None,
    actor: Annotated[str | None, typer.Option(help="Speaker's actor code prefix, e.g. CHNGOV.")] = None,
    fmt: FormatOption = "table",
) -> None:
    """List stored quotes with their speaker, article and date."""
    _check_format(fmt)
    with _ledger(_settings(db=db)) as ledger:
        found = ledger.quotes(speaker=speaker, actor=actor)
        rows = []
        for quote in found:
            row = quote.to_dict()
            article = ledger.article(quote.article_id)
            row["article_title"] = article.title if article else None
            rows.append(row)
    _emit(render_rows(fmt, {"quotes": rows}, kind="quotes"))


@app.command()
def relations(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code prefix (subject or object).")] = None,
    kind: Annotated[str | None, typer.Option(help="recognition, diplomatic_relations, ...")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Only states valid on this date.")] = None,
    summary: Annotated[
        str | None, typer.Option(help="Recognition summary for this government code, e.g. AFGGOV.")
    ] = None,
    fmt: FormatOption = "table",
) -> None:
    """List relation states (recognition, relations, envoys, positions, conditions)."""
    _check_format(fmt)
    with _ledger(_settings(db=db)) as ledger:
        if summary:
            result = ledger.recognition_summary(summary, as_of)
            if fmt == "table":
                _emit(result["summary"] + "\n" + render_table("recognition", _summary_rows(result)))
            else:
                _emit(render_rows(fmt, result, kind="summary"))
            return
        found = ledger.relations(actor=actor, kind=kind, as_of=as_of)
    _emit(render_rows(fmt, {"relations": [r.to_dict() for r in found]}, kind="relations"))


def _summary_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per state in a recognition summary: who, which state, since when, on what evidence."""
    rows = []
    for state in ("recognized_by", "not_recognized_by", "withdrawn_by"):
        for entry in summary[state]:
            evidence = entry["evidence"]
            rows.append(
                {
                    "state": state.removesuffix("_by").replace("_", " "),
                    "who": entry["subject"]["code"],
                    "since": entry["since"],
                    "reports": len(evidence),
                    "evidence": evidence[0]["text"] if evidence else None,
                }
            )
    return rows


@app.command()
def export(
    what: Annotated[str, typer.Argument(help=f"One of: {', '.join(EXPORTS)}.")] = "events",
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or jsonl.")] = "csv",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here, not stdout.")] = None,
) -> None:
    """Export the ledger as CSV or JSONL (gdelt: counted events in GDELT-style columns)."""
    _check_format(fmt, ("csv", "jsonl"))
    with _ledger(_settings(db=db)) as ledger:
        if what == "events":
            rows = [e.to_dict() for e in ledger.events()]
        elif what == "gdelt":
            rows = ledger.gdelt_rows()
        elif what == "ledger-events":
            rows = [e.to_dict() for e in ledger.ledger_events()]
        elif what == "quotes":
            rows = [q.to_dict() for q in ledger.quotes()]
        elif what == "relations":
            rows = [r.to_dict() for r in ledger.relations()]
        else:
            raise ChanceryError(f"cannot export {what!r}; use one of: {', '.join(EXPORTS)}")
    text = render_rows(fmt, {what: rows}, kind=what)
    if output:
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    else:
        _emit(text)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str | None, typer.Option(help="Address to listen on; other than loopback needs CHANCERY_API_TOKEN.")
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on [default: 8000].")] = None,
) -> None:
    """Serve the ledger: the JSON API under /api/v1 (OpenAPI at /docs) and the dashboard."""
    from chancery.web.security import check_bind
    from chancery.web.server import serve as run_server

    settings = _settings(db=db, host=host, port=port)
    check_bind(settings.host, settings.api_token)  # before saying where it serves
    sys.stderr.write(f"chancery: serving {settings.db} on http://{settings.host}:{settings.port}/\n")
    run_server(settings)


@app.command("eval")
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (project JSONL or PLOVER GSR JSON).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    model: ModelOption = None,
) -> None:
    """Score chancery against gold files: precision, recall, F1 and the misses."""
    from chancery.evaluate import evaluate_all
    from chancery.pipeline import Pipeline

    _check_format(fmt, ("text", "json"))
    pipeline = Pipeline.from_settings(_settings(model=model))
    reports = evaluate_all(gold, pipeline)
    if fmt == "json":
        _emit(render_rows("json", {path: r.to_dict() for path, r in reports.items()}))
    else:
        for path, report in reports.items():
            _emit(f"== {path}\n{report.render()}")


@app.command()
def settings(fmt: FormatOption = "table") -> None:
    """Show every setting, its current value and what it does."""
    _check_format(fmt)
    rows = [{"name": n, "value": v, "help": h} for n, v, h in _settings().describe()]
    _emit(render_rows(fmt, {"settings": rows}, kind="settings"))


def main() -> None:
    """Console entry point: a ChanceryError becomes one line on stderr and its exit code."""
    # The PostgreSQL driver logs its own note when a refused batch is rolled back; the ledger
    # already reports each refused article in one line, so the driver's copy is not shown.
    logging.getLogger("psycopg").addHandler(logging.NullHandler())
    try:
        app(standalone_mode=True)
    except ChanceryError as exc:
        _problem(f"error: {exc}")
        sys.exit(exc.exit_code)
