"""The command line: thin shells that parse flags, call one library function and render."""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from chancery import __version__
from chancery.errors import ChanceryError
from chancery.records import Event, Quote, Relation
from chancery.render import FORMATS, record_columns, render_json_pieces, render_rows, render_table
from chancery.settings import Settings
from chancery.stopping import Stopped, on_signal, uncut

app = typer.Typer(
    name="chancery",
    help="Code news into CAMEO/PLOVER events and keep an evidence-backed ledger of international relations.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: on/off flags show no value placeholder, "[default: ...]" stays
)

# Exit codes (README, "Exit codes"): 0 all done; 1 some inputs refused (this); 2 a ChanceryError's
# (nothing could run, or the run had to stop); 128 + the signal's number when stopped by one.
EXIT_SOME_REFUSED = 1

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
CsvRawOption = Annotated[
    bool,
    typer.Option(
        "--csv-raw",
        help="CSV cells as stored, for programs: no ' before cells a spreadsheet would run as formulas.",
    ),
]
DateOption = Annotated[str | None, typer.Option("--date", help="Publication date for inputs that have none.")]


EXPORTS = ("events", "gdelt", "ledger-events", "quotes", "relations")


def _settings(**overrides: Any) -> Settings:
    return Settings.load(overrides)


@contextmanager
def _ledger(settings: Settings, *, create: bool = False) -> Iterator[Any]:
    """The ledger of the settings; only ``ingest`` passes ``create``, every query needs it to exist.

    Opening (which may upgrade it) and a query's reads are not cut short by a stop request.
    """
    from chancery.ledger import open_ledger  # imported late: listing commands need no model

    with uncut():
        ledger = open_ledger(settings.db, date_window=settings.date_window, create=create)
    with ledger:
        if create:  # ingest marks its own writes
            yield ledger
        else:
            with uncut():
                yield ledger


def _csv_columns(kind: str) -> list[str]:
    """The CSV columns of a listing, so that even an empty one has its header."""
    if kind == "ledger-events":
        from chancery.ledger import LedgerEvent

        return record_columns(LedgerEvent)
    if kind == "gdelt":
        from chancery.ledger.dedup import GDELT_COLUMNS

        return list(GDELT_COLUMNS)
    by_kind = {"events": Event, "quotes": Quote, "relations": Relation}
    return record_columns(by_kind[kind]) if kind in by_kind else []


def _check_format(fmt: str, allowed: tuple[str, ...] = FORMATS) -> str:
    if fmt not in allowed:
        raise ChanceryError(f"unknown format {fmt!r}; use one of: {', '.join(allowed)}")
    return fmt


def _emit(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def _problem(line: str) -> None:
    sys.stderr.write(f"chancery: {line}\n")


def _version(show: bool) -> None:
    if show:
        _emit(f"chancery {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Code news into CAMEO/PLOVER events and keep an evidence-backed ledger of international relations."""


@app.command()
def code(
    paths: PathsArgument,
    fmt: FormatOption = "table",
    date: DateOption = None,
    model: ModelOption = None,
    workers: WorkersOption = None,
    quiet: QuietOption = False,
    csv_raw: CsvRawOption = False,
) -> None:
    """Code articles and print their events and quotes, without storing anything.

    Output is written as each article is coded, except csv, whose columns need every row first.
    """
    from chancery.pipeline import Pipeline, code_inputs, count_inputs
    from chancery.records import CodedArticle, InputNote, InputProblem

    _check_format(fmt)
    settings = _settings(date=date, model=model, workers=workers, csv_raw=csv_raw or None)
    pipeline = Pipeline.from_settings(settings)
    problems: list[InputProblem] = []

    def coded(advance: Callable[[], None]) -> Iterator[CodedArticle]:
        for item in code_inputs(pipeline, paths, stdin=sys.stdin):
            if isinstance(item, InputNote):
                _problem(str(item))
                continue
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
            _emit(render_rows(fmt, {"events": rows}, columns=_csv_columns("events"), raw=settings.csv_raw))
        else:
            for item in coded(advance):
                if fmt == "jsonl":
                    _emit(render_rows(fmt, {"events": [e.to_dict() for e in item.events]}, kind="events"))
                    continue
                _emit(render_table("events", [e.to_dict() for e in item.events], title=_title(item.article)))
                if item.quotes:
                    _emit(render_table("quotes", [q.to_dict() for q in item.quotes]))
    if problems:
        raise typer.Exit(EXIT_SOME_REFUSED)


@contextmanager
def _progress(quiet: bool, total: Callable[[], int | None]) -> Iterator[Callable[..., None]]:
    """A progress bar with articles/s on stderr when it is a terminal; yields ``advance(count, total)``."""
    if quiet or not sys.stderr.isatty():
        yield lambda count=1, total=None: None
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

        def advance(count: int = 1, total: int | None = None) -> None:
            if total is not None:  # known once the inputs are planned
                bar.update(task, total=total)
            bar.advance(task, count)
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
    """Code articles and store them in the ledger (each article whole or not at all).

    Prints one line per input refused (file, or file:line, and why), notes, and a summary counted
    from what happened. Exit code 0: every input stored (or found already stored); 1: some inputs
    were refused and the rest stored; 2: the run could not start or had to stop (nothing more
    was stored; what was, is whole).
    """
    from chancery.pipeline import Pipeline, count_inputs
    from chancery.pipeline import ingest as run_ingest

    settings = _settings(db=db, date=date, model=model, workers=workers)
    pipeline = Pipeline.from_settings(settings)
    with _ledger(settings, create=True) as ledger:
        if ledger.created:
            _problem(f"created a new ledger at {ledger.url}")
        with _progress(quiet, lambda: count_inputs(paths)) as advance:
            report = run_ingest(pipeline, ledger, paths, stdin=sys.stdin, progress=lambda _: advance())
    for line in report.lines:
        _problem(str(line))
    run = report.run
    sys.stderr.write(
        f"ingested {run.stored + report.already} article(s): {run.stored} new, {report.already} already "
        f"stored, {run.events} event(s), {len(report.problems)} problem(s)\n"
    )
    if report.failed:
        raise typer.Exit(EXIT_SOME_REFUSED)


@app.command()
def watch(
    urls: Annotated[list[str], typer.Argument(help="RSS, Atom or sitemap URLs (http:// or https://).")],
    db: DbOption = None,
    interval: Annotated[
        int | None, typer.Option(help="Seconds between polls (watch_interval) [default: 900].")
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (for cron and tests).")] = False,
    model: ModelOption = None,
    workers: WorkersOption = None,
) -> None:
    """Poll news feeds and sitemaps, and code and store each new article once.

    Feeds are asked only for what changed (ETag, Last-Modified, remembered in the ledger); the pages
    of new items are read as HTML files are and stored as ingest stores them. One line per feed or
    page that failed (address and why), and a summary per poll. With --once, exit code 1 when
    something failed; without it, the polls go on until stopped (Ctrl-C or SIGTERM).
    """
    from chancery.pipeline import Pipeline
    from chancery.pipeline.watch import Watcher, WatchRound, feed_urls

    feeds = feed_urls(urls)  # a bad address is refused before anything is opened
    settings = _settings(db=db, model=model, workers=workers, watch_interval=interval)
    pipeline = Pipeline.from_settings(settings)
    failed = False

    def report(poll: WatchRound) -> None:
        nonlocal failed
        failed = failed or bool(poll.problems)
        for line in poll.lines:
            _problem(str(line))
        sys.stderr.write(
            f"watched {poll.feeds} feed(s): {poll.not_modified} unchanged, {poll.failed_feeds} failed; "
            f"{poll.new_items} new page(s): {poll.stored} stored, {poll.already} already stored, "
            f"{poll.events} event(s), {len(poll.problems)} problem(s)\n"
        )

    with _ledger(settings, create=True) as ledger:
        if ledger.created:
            _problem(f"created a new ledger at {ledger.url}")
        Watcher(pipeline, ledger, feeds).run(report, rounds=1 if once else None)
    if failed and once:
        raise typer.Exit(EXIT_SOME_REFUSED)


@app.command()
def batch(
    paths: Annotated[
        list[str], typer.Argument(help="JSONL, .jsonl.gz or Parquet files, folders, or globs (quoted).")
    ],
    out: Annotated[
        Path, typer.Option("--out", help="Output folder: articles/, events/, quotes/, manifest, problems.")
    ],
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="A running Dask scheduler, tcp://HOST:PORT [default: a local cluster].", show_default=False
        ),
    ] = None,
    workers: WorkersOption = None,
    partition_size: Annotated[
        int | None,
        typer.Option(help="Records per partition, the unit of work and of resuming [default: 100]."),
    ] = None,
    ledger: Annotated[
        str | None, typer.Option("--ledger", help="Then load the output into this ledger URL, once.")
    ] = None,
    date: DateOption = None,
    model: ModelOption = None,
    quiet: QuietOption = False,
) -> None:
    """Code JSONL/Parquet archives on a Dask cluster into month-partitioned Parquet shards.

    Each worker loads the model once and codes whole partitions as chancery code does. A re-run
    with the same --out skips the partitions its manifest lists, so an interrupted run resumes and
    nothing is written twice. Bad records go to OUT/problems.jsonl (file, line, reason) and the run
    goes on; exit code 1 then. With --scheduler, OUT must be a folder every worker can write.
    """
    from chancery.batch import run_batch

    settings = _settings(date=date, model=model, workers=workers, partition_size=partition_size, db=ledger)
    with _progress(quiet, lambda: None) as advance, ExitStack() as stack:
        opened = stack.enter_context(_ledger(settings, create=True)) if ledger else None
        if opened is not None and opened.created:
            _problem(f"created a new ledger at {opened.url}")
        report = run_batch(paths, out, settings, scheduler=scheduler, ledger=opened, progress=advance)
    for line in report.problems:
        _problem(str(line))
    where = f" (see {report.problems_file})" if report.problems else ""
    sys.stderr.write(
        f"batch: {report.partitions} partition(s), {report.skipped} already done; "
        f"{report.articles} article(s), {report.events} event(s), {report.quotes} quote(s) in {report.out}; "
        f"{len(report.refused)} problem(s){where}\n"
    )
    if report.loaded is not None and opened is not None:
        loaded = report.loaded
        sys.stderr.write(
            f"loaded into {opened.url}: {loaded.stored} new, {loaded.already} already stored, "
            f"{loaded.events} event(s), {len(loaded.refused)} refused\n"
        )
        for line in loaded.refused:
            _problem(str(line))
    if report.refused or report.failed or (report.loaded and report.loaded.refused):
        raise typer.Exit(EXIT_SOME_REFUSED)


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
    csv_raw: CsvRawOption = False,
) -> None:
    """List stored events."""
    _check_format(fmt)
    settings = _settings(db=db, csv_raw=csv_raw or None)
    with _ledger(settings) as ledger:
        rows = ledger.events(
            source=source, target=target, cameo=cameo, since=since, until=until, counted=counted or None
        )
    payload = {"events": [e.to_dict() for e in rows]}
    _emit(render_rows(fmt, payload, kind="events", columns=_csv_columns("events"), raw=settings.csv_raw))


@app.command()
def quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker name (case-insensitive substring).")] = None,
    actor: Annotated[str | None, typer.Option(help="Speaker's actor code prefix, e.g. CHNGOV.")] = None,
    fmt: FormatOption = "table",
    csv_raw: CsvRawOption = False,
) -> None:
    """List stored quotes with their speaker, article and date."""
    _check_format(fmt)
    settings = _settings(db=db, csv_raw=csv_raw or None)
    with _ledger(settings) as ledger:
        found = ledger.quotes(speaker=speaker, actor=actor)
        rows = []
        for quote in found:
            row = quote.to_dict()
            article = ledger.article(quote.article_id)
            row["article_title"] = article.title if article else None
            rows.append(row)
    columns = [*_csv_columns("quotes"), "article_title"]
    _emit(render_rows(fmt, {"quotes": rows}, kind="quotes", columns=columns, raw=settings.csv_raw))


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
    csv_raw: CsvRawOption = False,
) -> None:
    """List relation states (recognition, relations, envoys, positions, conditions)."""
    _check_format(fmt)
    settings = _settings(db=db, csv_raw=csv_raw or None)
    with _ledger(settings) as ledger:
        if summary:
            result = ledger.recognition_summary(summary, as_of)
            if fmt == "table":
                _emit(result["summary"] + "\n" + render_table("recognition", _summary_rows(result)))
            else:
                _emit(render_rows(fmt, result, kind="summary", raw=settings.csv_raw))
            return
        found = ledger.relations(actor=actor, kind=kind, as_of=as_of)
    payload = {"relations": [r.to_dict() for r in found]}
    _emit(
        render_rows(fmt, payload, kind="relations", columns=_csv_columns("relations"), raw=settings.csv_raw)
    )


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
    csv_raw: CsvRawOption = False,
) -> None:
    """Export the ledger as CSV or JSONL (gdelt: counted events in GDELT-style columns).

    -o never writes over the ledger or any other SQLite database, and writes the file whole.
    """
    from chancery.output import write_output

    _check_format(fmt, ("csv", "jsonl"))
    if what not in EXPORTS:
        raise ChanceryError(f"cannot export {what!r}; use one of: {', '.join(EXPORTS)}")
    settings = _settings(db=db, csv_raw=csv_raw or None)
    with _ledger(settings) as ledger:
        ledger_file = ledger.file
        if what == "events":
            rows = [e.to_dict() for e in ledger.events()]
        elif what == "gdelt":
            rows = ledger.gdelt_rows()
        elif what == "ledger-events":
            rows = [e.to_dict() for e in ledger.ledger_events()]
        elif what == "quotes":
            rows = [q.to_dict() for q in ledger.quotes()]
        else:
            rows = [r.to_dict() for r in ledger.relations()]
    text = render_rows(fmt, {what: rows}, kind=what, columns=_csv_columns(what), raw=settings.csv_raw)
    if output:
        write_output(output, text if text.endswith("\n") else text + "\n", ledger_file=ledger_file)
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
    from chancery.ledger import open_ledger
    from chancery.web.security import check_bind
    from chancery.web.server import serve as run_server

    settings = _settings(db=db, host=host, port=port)
    check_bind(settings.host, settings.api_token)  # before saying where it serves
    with uncut():  # as for a query: a missing ledger is refused, a read-only one is read
        ledger = open_ledger(settings.db, date_window=settings.date_window, create=False)
    with ledger:
        read_only = " (read-only here: writes are refused)" if ledger.read_only else ""
        sys.stderr.write(
            f"chancery: serving {ledger.url}{read_only} on http://{settings.host}:{settings.port}/\n"
        )
        run_server(settings, ledger)


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
    _emit(render_rows(fmt, {"settings": rows}, kind="settings", columns=("name", "value", "help")))


def main() -> None:
    """Console entry point: a ChanceryError becomes one line on stderr and its exit code.

    SIGTERM and Ctrl-C stop the run cleanly: a write to the ledger in progress is let finish (its
    batch committed or rolled back, each article whole), worker processes are stopped and their
    queues released, and the exit code is 128 plus the signal's number.
    """
    # The PostgreSQL driver logs its own note when a refused batch is rolled back; the ledger
    # already reports each refused article in one line, so the driver's copy is not shown.
    logging.getLogger("psycopg").addHandler(logging.NullHandler())
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, on_signal)
    try:
        app(standalone_mode=True)
    except ChanceryError as exc:
        _problem(f"error: {exc}")
        sys.exit(exc.exit_code)
    except Stopped as stopped:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second signal must not cut the clean-up short
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _problem(f"stopped by {stopped}; what was stored is kept, each article whole; run again to finish")
        sys.exit(128 + stopped.signum)
