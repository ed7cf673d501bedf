"""The ``Ledger``: opening SQLite or PostgreSQL, storing coded articles (each all or nothing), queries."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    NoSuchModuleError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.pool import StaticPool

from chancery.errors import LedgerError, StorageError
from chancery.ledger import (
    counts,
    dedup,
    feeds,
    integrity,
    limits,
    pages,
    presence,
    query,
    relation_table,
    relations,
    rows,
    schema,
    spans,
)
from chancery.ledger import search as searching
from chancery.ledger import standing as standings
from chancery.records import Article, CodedArticle, Event, FeedItem, FeedState, Quote, Relation, Run

DEFAULT_URL = "sqlite:///chancery.db"
_SCHEMA_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")
_HINT = "pass another with --db or CHANCERY_DB"
# A writer waits this long for another process's transaction before giving up (SQLite's default is 5 s).
_BUSY_SECONDS = 60


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


def _engine(url: URL, schema_name: str | None, read_only: bool = False) -> sa.Engine:
    shown = url.render_as_string(hide_password=True)
    try:
        if url.get_backend_name() == "sqlite":
            memory = url.database in (None, "", ":memory:")
            if memory:
                engine = sa.create_engine(url, poolclass=StaticPool)
            else:
                engine = sa.create_engine(url, connect_args={"timeout": _BUSY_SECONDS})
            sa.event.listen(engine, "connect", _sqlite_pragmas(wal=not memory and not read_only))
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
            _switch_to_wal(dbapi)

    return on_connect


def _switch_to_wal(dbapi: Any) -> None:
    """Put the database in WAL mode, waiting as a writer would for another process doing the same.

    Switching a new file to WAL reads its header, then upgrades to a write lock; SQLite refuses
    that upgrade at once ("database is locked") while another process holds the write lock, without
    its busy timeout, so processes opening a new ledger together would fail.  Once one has switched
    the file, the pragma only reads, so a retry succeeds.
    """
    deadline = time.monotonic() + _BUSY_SECONDS
    pause = 0.005
    while True:
        try:
            dbapi.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def open_ledger(
    url: str = DEFAULT_URL,
    *,
    schema: str | None = None,
    date_window: int = dedup.DATE_WINDOW,
    create: bool = True,
) -> Ledger:
    """Open the ledger at ``url`` (upgrading an older one in place); ``schema`` picks a PostgreSQL schema.

    With ``create`` (for ingesting) a missing ledger is created, and ``Ledger.created`` says so.
    Without it (for queries) a missing ledger is a ``LedgerError`` and nothing is created, and a
    ledger this process cannot write (a SQLite file without write access, a PostgreSQL role that
    may not insert articles) is opened read-only (``Ledger.read_only``).  Either
    way a database that is not a chancery ledger, or a ledger of a newer chancery, is refused.
    ``date_window`` is the default number of days within which reports are one ledger event.
    """
    parsed = _url(url)
    postgres = parsed.get_backend_name() == "postgresql"
    if schema is not None and not _SCHEMA_NAME.fullmatch(schema):
        raise LedgerError(f"schema name {schema!r} is not a plain identifier; use letters, digits and _")
    schema_name = schema if postgres else None
    shown = parsed.render_as_string(hide_password=True)
    read_only = False
    file = presence.sqlite_file(parsed) if not postgres else None
    if file is not None:
        read_only = presence.check_sqlite_file(file, create=create)
        if read_only and create:
            raise _read_only_refusal(shown)
        if read_only:
            parsed = _read_only_url(file, immutable=False)
    engine = _engine(parsed, schema_name, read_only)
    try:
        engine = _opened(engine, file, read_only)
        created = presence.prepare(engine, shown, schema_name, create=create, read_only=read_only)
        if postgres and not presence.postgres_may_write(engine):
            if create:
                raise _read_only_refusal(shown)
            read_only = True
        states = relation_table.reader(engine, read_only=read_only)
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        fix = _fix(exc) or ("; " + _FIXES["disk is full"] if file and presence.disk_full(file) else "")
        raise StorageError(
            f"cannot open the ledger at {shown}: {reason}{fix or f'; check it, or {_HINT}'}"
        ) from exc
    except LedgerError:
        engine.dispose()
        raise
    ledger = Ledger(engine, shown, schema_name, date_window)
    ledger.created, ledger.read_only, ledger.file = created, read_only, file
    ledger.relation_states = states
    return ledger


def _read_only_refusal(shown: str) -> LedgerError:
    return LedgerError(
        f"the ledger at {shown} is read-only here (no write permission, or a "
        f"read-only disk); storing needs to write it, or {_HINT}"
    )


def _read_only_url(file: Any, *, immutable: bool) -> URL:
    query = {"mode": "ro", "uri": "true", **({"immutable": "1"} if immutable else {})}
    return URL.create("sqlite", database=f"file:{file}", query=query)


def _opened(engine: sa.Engine, file: Any, read_only: bool) -> sa.Engine:
    """``engine``, once it has connected; a read-only SQLite ledger in WAL mode whose ``-shm`` file
    cannot be made is read as an immutable file (nothing can write it here anyway)."""
    if not read_only:
        return engine
    try:
        with engine.connect() as conn:  # SQLite opens the file at the first statement
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master")
        return engine
    except OperationalError:
        engine.dispose()
    return _engine(_read_only_url(file, immutable=True), None, read_only=True)


class Ledger:
    """An open ledger: store coded articles, record runs, and query events, quotes and relations."""

    def __init__(
        self, engine: sa.Engine, url: str, schema: str | None = None, date_window: int = dedup.DATE_WINDOW
    ) -> None:
        self.engine = engine
        self.url = url  # without password: safe to show in messages
        self.schema = schema
        self.date_window = date_window
        self.created = False  # open_ledger made it just now
        self.read_only = False
        self.file: Path | None = None  # a SQLite ledger's file
        # Where relation states are read from: the stored table, or (see ``relation_table.reader``)
        # a derivation in memory when the table needs a rebuild this process may not write.
        self.relation_states: relation_table.Stored | relation_table.Derived = relation_table.STORED

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

    def forget_run(self, run_id: str) -> None:
        """Delete the record of a run that stored no article (one that could not go on), if it did not."""
        stored = sa.select(schema.articles.c.id).where(schema.articles.c.run_id == run_id).exists()
        with self._writing(f"forget run {run_id}"), self.engine.begin() as conn:
            conn.execute(sa.delete(schema.runs).where(schema.runs.c.id == run_id, ~stored))

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

    def refusal(self, article: Article) -> str | None:
        """Why storing would refuse ``article`` for a value of its own (an id over the column's
        limit, say), checked before coding; None when its own values can be stored."""
        return limits.refusal((schema.articles,), ([rows.article_row(article, None)],))

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
                pending.append(_checked(_Item(position, item, run_id)))
            except LedgerError as refused:
                outcomes[position] = refused
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
                if _connection_lost(exc) or isinstance(exc, OperationalError):
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
                    if _connection_lost(exc) or isinstance(exc, OperationalError):
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

    def _batch_failure(self, pending: list[_Item], exc: SQLAlchemyError) -> StorageError:
        reason = _reason(exc) + _fix(exc)
        if len(pending) == 1:
            return StorageError(f"article {pending[0].id} was not stored at {self.url}: {reason}")
        return StorageError(f"none of a batch of {len(pending)} articles was stored at {self.url}: {reason}")

    # -- feeds (what chancery watch remembers between runs) ----------------------------------------

    def feed_state(self, url: str) -> FeedState | None:
        """The remembered validators of the feed at ``url``; None for a feed never fetched."""
        with self.engine.connect() as conn:
            return feeds.feed_state(conn, url)

    def save_feed_states(self, states: Sequence[FeedState]) -> None:
        """Remember each feed's state in place of the one before, all in one transaction."""
        with self._writing("remember feed states"), self.engine.begin() as conn:
            for state in states:
                feeds.save_feed_state(conn, state)

    def seen_feed_items(self, keys: Iterable[str]) -> set[str]:
        """Those of the item keys (``FeedItem.seen_keys``) already remembered."""
        with self.engine.connect() as conn:
            return feeds.known_keys(conn, keys)

    def remember_feed_items(self, stored: Sequence[tuple[FeedItem, str]], seen: str) -> int:
        """Remember items found stored, each with its article's id; the count of keys added."""
        with self._writing("remember feed items"), self.engine.begin() as conn:
            return feeds.remember_items(conn, stored, seen)

    # -- reading -----------------------------------------------------------------------------------

    def check(self) -> list[str]:
        """The integrity check: one line per problem (see ``integrity``); empty when the ledger is sound."""
        with self.engine.connect() as conn:
            return integrity.problems(conn)

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
            return self.relation_states.states(
                conn, actor=actor, kind=kind, as_of=as_of, subject=subject, object=object
            )

    def recognition_summary(self, government_code: str, as_of: str | None = None) -> dict[str, Any]:
        """Who recognises ``government_code`` on ``as_of`` (latest states when None), and who does not."""
        query.check_days(as_of=as_of)
        with self.engine.connect() as conn:
            found = self.relation_states.states(conn, kind="recognition", object=government_code)
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
            return pages.relations_page(conn, self.relation_states, limit=limit, cursor=cursor, **filters)

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
            return standings.standing(conn, government, as_of, self.relation_states)


def _check_belongs(coded: CodedArticle) -> None:
    for item in (*coded.events, *coded.quotes):
        if item.article_id != coded.article.id:
            raise LedgerError(
                f"{type(item).__name__.lower()} {item.id} names article {item.article_id}, but it came with "
                f"article {coded.article.id}; a coded article must carry only its own events and quotes"
            )


def _checked(item: _Item) -> _Item:
    """``item``, or the ``LedgerError`` refusing it for a value that either backend would refuse."""
    reason = limits.refusal(_TABLES, item.rows)
    if reason:
        raise LedgerError(f"article {item.id} was not stored, nothing of it was kept: {reason}")
    return item


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


# What to do about the failures that stop every write, by a piece of the driver's message.
_FIXES = {
    "disk is full": "free space on the ledger's disk and run again",
    "No space left": "free space on the ledger's disk and run again",
    "readonly database": "the ledger is read-only here; store into one this process may write",
    "database is locked": "another process held the ledger too long; run again when it is done",
}


def _fix(exc: SQLAlchemyError) -> str:
    reason = _reason(exc)
    return next((f"; {fix}" for key, fix in _FIXES.items() if key in reason), "")


@contextmanager
def _failures(message: str) -> Iterator[None]:
    """Turn a database failure inside the block into a ``StorageError`` that starts with ``message``."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise StorageError(f"{message}: {_reason(exc)}{_fix(exc)}") from exc
