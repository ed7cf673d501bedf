"""The ``Ledger``: opening SQLite or PostgreSQL, storing coded articles (each all or nothing), queries."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from chancery.errors import LedgerError
from chancery.ledger import (
    counts,
    dedup,
    migrations,
    pages,
    query,
    relation_table,
    relations,
    rows,
    schema,
    spans,
)
from chancery.ledger import search as searching
from chancery.ledger import standing as standings
from chancery.records import Article, CodedArticle, Event, Quote, Relation, Run

DEFAULT_URL = "sqlite:///chancery.db"
_SCHEMA_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")
_HINT = "pass another with --db or CHANCERY_DB"


def _url(text: str) -> URL:
    """A SQLAlchemy URL for ``text``: a bare path means SQLite, ``postgresql://`` means psycopg 3."""
    if "://" not in text:
        text = f"sqlite:///{text}"
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise LedgerError(f"{text!r} is not a database URL; use sqlite:///PATH or postgresql://...") from exc
    backend = url.drivername.split("+")[0]
    if backend in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url
    raise LedgerError(
        f"unsupported ledger database {url.drivername!r}; use sqlite:///PATH or postgresql://..."
    )


def _engine(url: URL, schema_name: str | None) -> sa.Engine:
    shown = url.render_as_string(hide_password=True)
    try:
        if url.get_backend_name() == "sqlite":
            memory = url.database in (None, "", ":memory:")
            engine = sa.create_engine(url, poolclass=StaticPool) if memory else sa.create_engine(url)
            sa.event.listen(engine, "connect", _sqlite_pragmas(wal=not memory))
            return engine
        options = {"options": f"-csearch_path={schema_name}"} if schema_name else {}
        return sa.create_engine(url, connect_args=options)
    except NoSuchModuleError as exc:
        raise LedgerError(f"no database driver for {shown}; install chancery with its dependencies") from exc


def _sqlite_pragmas(wal: bool):
    def on_connect(dbapi: Any, _record: Any) -> None:
        # Foreign keys are off by default in SQLite; PostgreSQL enforces them, so must we.
        dbapi.execute("PRAGMA foreign_keys = ON")
        if wal:
            # Write-ahead logging lets readers (queries, the web app) run while an ingest writes,
            # and stores articles about twice as fast; each article is still one transaction.
            dbapi.execute("PRAGMA journal_mode = WAL")

    return on_connect


def open_ledger(
    url: str = DEFAULT_URL, *, schema: str | None = None, date_window: int = dedup.DATE_WINDOW
) -> Ledger:
    """Open (creating and migrating as needed) the ledger at ``url``; ``schema`` picks a PostgreSQL schema.

    ``date_window`` is the default number of days within which reports are one ledger event.
    """
    parsed = _url(url)
    postgres = parsed.get_backend_name() == "postgresql"
    if schema is not None and not _SCHEMA_NAME.fullmatch(schema):
        raise LedgerError(f"schema name {schema!r} is not a plain identifier; use letters, digits and _")
    schema_name = schema if postgres else None
    engine = _engine(parsed, schema_name)
    shown = parsed.render_as_string(hide_password=True)
    try:
        if schema_name:
            with engine.begin() as conn:
                conn.execute(sa.text(f'CREATE SCHEMA IF NOT EXISTS "{schema_name}"'))
        migrations.migrate(engine)
        relation_table.ensure_current(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise LedgerError(f"cannot open the ledger at {shown}: {reason}; check it, or {_HINT}") from exc
    return Ledger(engine, shown, schema_name, date_window)


class Ledger:
    """An open ledger: store coded articles, record runs, and query events, quotes and relations."""

    def __init__(
        self, engine: sa.Engine, url: str, schema: str | None = None, date_window: int = dedup.DATE_WINDOW
    ) -> None:
        self.engine = engine
        self.url = url  # without password: safe to show in messages
        self.schema = schema
        self.date_window = date_window

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None):
        self.close()

    def close(self) -> None:
        """Release the connections."""
        self.engine.dispose()

    def drop(self) -> None:
        """Delete the ledger: its PostgreSQL schema, or else all its tables (for tests and resets)."""
        with self._writing("drop the ledger"), self.engine.begin() as conn:
            if self.schema:
                conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE'))
            else:
                searching.uninstall(conn)
                schema.metadata.drop_all(conn)
        self.close()

    def _writing(self, what: str) -> AbstractContextManager[None]:
        return _failures(f"could not {what} in the ledger at {self.url}")

    # -- writing -----------------------------------------------------------------------------------

    def start_run(self, run: Run) -> None:
        """Record that a run has started (before storing its articles)."""
        with self._writing(f"record run {run.id}"), self.engine.begin() as conn:
            conn.execute(sa.insert(schema.runs).values(rows.run_row(run)))

    def finish_run(self, run: Run) -> None:
        """Record a run's end and counts (recording it now if it was never started)."""
        row = rows.run_row(run)
        with self._writing(f"record run {run.id}"), self.engine.begin() as conn:
            updated = conn.execute(sa.update(schema.runs).where(schema.runs.c.id == run.id).values(row))
            if updated.rowcount == 0:
                conn.execute(sa.insert(schema.runs).values(row))

    def run(self, run_id: str) -> Run | None:
        """The recorded run with this id, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(schema.runs).where(schema.runs.c.id == run_id)).mappings().first()
        return rows.run_from(row) if row else None

    def store(self, coded: CodedArticle, run_id: str | None = None) -> bool:
        """Store an article with its sentences, quotes and events in one transaction.

        Returns False, storing nothing, when the article is already in the ledger.  On any failure
        nothing of the article remains and ``LedgerError`` says why.
        """
        [outcome] = self.store_many([coded], run_id)
        if isinstance(outcome, LedgerError):
            raise outcome
        return outcome

    def store_many(
        self, coded: Sequence[CodedArticle], run_id: str | None = None
    ) -> list[bool | LedgerError]:
        """Store a batch of articles in one transaction; one outcome per article, in input order.

        An outcome is True when the article was stored, False when its id was already in the
        ledger or came earlier in the batch (nothing of it is stored, as with ``store``), or the
        ``LedgerError`` saying in one line why that article was refused: nothing of a refused
        article is kept, and the rest of the batch is.  A failure that is not one article's (the
        database is unreachable, locked or full, the commit fails) raises ``LedgerError`` and
        nothing of the batch is kept.

        The batch is first written with one multi-row insert per table; only if that fails is it
        written again article by article, each in its own savepoint, to keep the others.
        """
        outcomes: list[bool | LedgerError | None] = [None] * len(coded)
        pending: list[_Item] = []
        for position, item in enumerate(coded):
            try:
                _check_belongs(item)
            except LedgerError as refused:
                outcomes[position] = refused
            else:
                pending.append(_Item(position, item, run_id))
        if pending:
            try:
                with self.engine.connect() as conn:
                    stored = self._store_batch(conn, pending)
                    if stored is None:
                        stored = self._store_each(conn, pending, run_id)
            except SQLAlchemyError as exc:
                raise self._batch_failure(pending, exc) from exc
            for position, outcome in stored.items():
                outcomes[position] = outcome
        return [outcome for outcome in outcomes if outcome is not None]

    def _store_batch(self, conn: sa.Connection, pending: list[_Item]) -> dict[int, bool | LedgerError] | None:
        """The fast path: every new article of the batch at once; None (nothing kept) if that fails."""
        with conn.begin() as transaction:
            _begin_writing(conn)
            known = query.stored_ids(conn, (item.id for item in pending))
            outcomes: dict[int, bool | LedgerError] = {}
            fresh: list[_Item] = []
            for item in pending:
                outcomes[item.position] = item.id not in known
                if item.id not in known:
                    known.add(item.id)
                    fresh.append(item)
            try:
                _insert(conn, fresh)
            except SQLAlchemyError as exc:
                if _connection_lost(exc):
                    raise
                transaction.rollback()
                return None
        return outcomes

    def _store_each(
        self, conn: sa.Connection, pending: list[_Item], run_id: str | None
    ) -> dict[int, bool | LedgerError]:
        """The slow path, after the fast one failed: each article in its own savepoint.

        A refused article is rolled back to its savepoint alone, and the others are kept, with
        the outcomes of storing one by one.
        """
        outcomes: dict[int, bool | LedgerError] = {}
        with conn.begin():
            _begin_writing(conn)
            known = query.stored_ids(conn, (item.id for item in pending))
            for item in pending:
                if item.id in known:
                    outcomes[item.position] = False
                    continue
                savepoint = conn.begin_nested()
                try:
                    _insert(conn, [item])
                except SQLAlchemyError as exc:
                    # If even the rollback to the savepoint fails, the whole batch is lost: it raises.
                    savepoint.rollback()
                    if _connection_lost(exc):
                        raise
                    outcomes[item.position] = refusal = self._refusal(conn, item.id, run_id, exc)
                    if refusal is False:
                        known.add(item.id)
                    continue
                savepoint.commit()
                known.add(item.id)
                outcomes[item.position] = True
        return outcomes

    def _refusal(
        self, conn: sa.Connection, article_id: str, run_id: str | None, exc: SQLAlchemyError
    ) -> bool | LedgerError:
        """Why the article was refused; False if a concurrent writer stored it first (a no-op)."""
        reason = _reason(exc)
        if isinstance(exc, IntegrityError):
            if query.article(conn, article_id) is not None:
                return False
            unknown_run = run_id is not None and query.stored_run_id(conn, run_id) is None
            hint = " (start_run the run first)" if unknown_run else ""
            error = LedgerError(
                f"article {article_id} was not stored, nothing of it was kept: {reason}{hint}"
            )
        else:
            error = LedgerError(f"article {article_id} was not stored at {self.url}: {reason}")
        error.__cause__ = exc
        return error

    def _batch_failure(self, pending: list[_Item], exc: SQLAlchemyError) -> LedgerError:
        reason = _reason(exc)
        if len(pending) == 1:
            return LedgerError(f"article {pending[0].id} was not stored at {self.url}: {reason}")
        return LedgerError(f"none of a batch of {len(pending)} articles was stored at {self.url}: {reason}")

    # -- reading -----------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self.engine.connect() as conn:
            return {
                table.name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                for table in reversed(schema.DATA_TABLES)
            }

    def events(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        cameo: str | None = None,
        since: str | None = None,
        until: str | None = None,
        counted: bool | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Stored events: actor codes and ``cameo`` are prefixes, ``since``/``until`` inclusive dates."""
        with self.engine.connect() as conn:
            return query.events(
                conn,
                source=source,
                target=target,
                cameo=cameo,
                since=since,
                until=until,
                counted=counted,
                article_id=article_id,
                limit=limit,
            )

    def quotes(
        self, *, speaker: str | None = None, actor: str | None = None, article_id: str | None = None
    ) -> list[Quote]:
        """Stored quotes: ``speaker`` a case-insensitive part of the name, ``actor`` a code prefix."""
        with self.engine.connect() as conn:
            return query.quotes(conn, speaker=speaker, actor=actor, article_id=article_id)

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id, or None."""
        with self.engine.connect() as conn:
            return query.article(conn, article_id)

    def articles(self) -> list[Article]:
        """Every stored article, by date."""
        with self.engine.connect() as conn:
            return query.articles(conn)

    def relations(
        self,
        *,
        actor: str | None = None,
        kind: str | None = None,
        as_of: str | None = None,
        subject: str | None = None,
        object: str | None = None,
    ) -> list[Relation]:
        """Relation states; ``as_of`` keeps those valid that day, actor codes are prefixes."""
        with self.engine.connect() as conn:
            return relation_table.states(
                conn, actor=actor, kind=kind, as_of=as_of, subject=subject, object=object
            )

    def recognition_summary(self, government_code: str, as_of: str | None = None) -> dict[str, Any]:
        """Who recognises ``government_code`` on ``as_of`` (latest states when None), and who does not."""
        with self.engine.connect() as conn:
            found = relation_table.states(conn, kind="recognition", object=government_code)
        return relations.recognition_summary(found, government_code, as_of)

    def ledger_events(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        cameo: str | None = None,
        since: str | None = None,
        until: str | None = None,
        counted: bool | None = None,
        date_window: int | None = None,
    ) -> list[dedup.LedgerEvent]:
        """Reports of one event merged across articles, with mention and source counts.

        ``date_window`` (days) defaults to the one the ledger was opened with.
        """
        with self.engine.connect() as conn:
            return query.ledger_events(
                conn,
                source=source,
                target=target,
                cameo=cameo,
                since=since,
                until=until,
                counted=counted,
                date_window=self.date_window if date_window is None else date_window,
            )

    def gdelt_rows(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        cameo: str | None = None,
        since: str | None = None,
        until: str | None = None,
        date_window: int | None = None,
    ) -> list[dict[str, Any]]:
        """Counted ledger events only, as GDELT-style rows."""
        merged = self.ledger_events(
            source=source,
            target=target,
            cameo=cameo,
            since=since,
            until=until,
            counted=True,
            date_window=date_window,
        )
        return [dedup.gdelt_row(event) for event in merged]

    # -- pages, search, counts and views (what the web API and dashboard read) --------------------

    def events_page(self, *, limit: int = 50, cursor: str | None = None, **filters: Any) -> pages.Page[Event]:
        """A page of ``events`` (its filters, and ``actor``: source or target), resumed by ``cursor``."""
        with self.engine.connect() as conn:
            return pages.events_page(conn, limit=limit, cursor=cursor, **filters)

    def quotes_page(self, *, limit: int = 50, cursor: str | None = None, **filters: Any) -> pages.Page[Quote]:
        """A page of ``quotes`` (same filters), resumed by ``cursor``."""
        with self.engine.connect() as conn:
            return pages.quotes_page(conn, limit=limit, cursor=cursor, **filters)

    def relations_page(
        self, *, limit: int = 50, cursor: str | None = None, **filters: Any
    ) -> pages.Page[Relation]:
        """A page of ``relations`` (same filters), resumed by ``cursor``."""
        with self.engine.connect() as conn:
            return pages.relations_page(conn, limit=limit, cursor=cursor, **filters)

    def articles_page(self, *, limit: int = 50, cursor: str | None = None) -> pages.Page[Article]:
        """A page of stored articles by date, resumed by ``cursor``."""
        with self.engine.connect() as conn:
            return pages.articles_page(conn, limit=limit, cursor=cursor)

    def search(
        self, text: str, *, limit: int = 20, cursor: str | None = None
    ) -> pages.Page[searching.SearchHit]:
        """Articles matching every word of ``text``, best first, with a marked snippet each."""
        with self.engine.connect() as conn:
            return searching.search_page(conn, text, limit=limit, cursor=cursor)

    def event_counts(self, by: str, **filters: Any) -> list[dict[str, Any]]:
        """Counted events per month, CAMEO code or root code (``by``), with ``events`` filters."""
        with self.engine.connect() as conn:
            return counts.event_counts(conn, by, **filters)

    def article_spans(self, article_id: str) -> spans.ArticleSpans | None:
        """The stored article with its sentences, actor mentions, quotes and events; None if unknown."""
        with self.engine.connect() as conn:
            return spans.article_spans(conn, article_id)

    def standing(self, government: str, as_of: str | None = None) -> standings.Standing:
        """Who recognises ``government`` on ``as_of``, whose envoys are where, conditions, timeline."""
        with self.engine.connect() as conn:
            return standings.standing(conn, government, as_of)


def _check_belongs(coded: CodedArticle) -> None:
    for item in (*coded.events, *coded.quotes):
        if item.article_id != coded.article.id:
            raise LedgerError(
                f"{type(item).__name__.lower()} {item.id} names article {item.article_id}, but it came with "
                f"article {coded.article.id}; a coded article must carry only its own events and quotes"
            )


def _begin_writing(conn: sa.Connection) -> None:
    """Make the transaction just begun on ``conn`` a real one that a released savepoint stays inside."""
    if conn.dialect.name == "sqlite":
        # pysqlite begins a transaction only at the first INSERT, so a SAVEPOINT issued before one
        # would open (and its RELEASE commit) a transaction of its own.  IMMEDIATE also takes the
        # write lock now, waiting its turn, instead of failing on upgrading a read lock later.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


class _Item:
    """An article of a batch: its position in the input, and its rows, built once however often tried."""

    def __init__(self, position: int, coded: CodedArticle, run_id: str | None) -> None:
        self.position = position
        self.id = coded.article.id
        self._coded = coded
        self._run_id = run_id
        self._rows: tuple[list[dict[str, Any]], ...] | None = None

    @property
    def events(self) -> tuple[Event, ...]:
        return self._coded.events

    @property
    def rows(self) -> tuple[list[dict[str, Any]], ...]:
        """Its rows of ``_TABLES``, in that order."""
        if self._rows is None:
            coded, article = self._coded, self._coded.article
            self._rows = (
                [rows.article_row(article, self._run_id)],
                [rows.sentence_row(article, sentence) for sentence in coded.sentences],
                [rows.quote_row(quote) for quote in coded.quotes],
                [rows.event_row(event) for event in coded.events],
                [rows.mention_row(article.id, mention) for mention in coded.mentions],
            )
        return self._rows


# The tables an article's rows go to, parents first.
_TABLES = (schema.articles, schema.sentences, schema.quotes, schema.events, schema.mentions)


def _insert(conn: sa.Connection, items: Sequence[_Item]) -> None:
    """Insert the rows of ``items``: one multi-row insert per table."""
    for index, table in enumerate(_TABLES):
        table_rows = [row for item in items for row in item.rows[index]]
        if table_rows:
            conn.execute(sa.insert(table), table_rows)
    relation_table.refresh(conn, (event for item in items for event in item.events))


def _connection_lost(exc: SQLAlchemyError) -> bool:
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


def _reason(exc: SQLAlchemyError) -> str:
    """The first line of the driver's message (some drivers give none: then the error's kind)."""
    cause = getattr(exc, "orig", None) or exc
    return (str(cause).strip().splitlines() or [type(cause).__name__])[0]


@contextmanager
def _failures(message: str) -> Iterator[None]:
    """Turn a database failure inside the block into a ``LedgerError`` that starts with ``message``."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise LedgerError(f"{message}: {_reason(exc)}") from exc
