"""The staff database: query log, feedback and curated answers in one SQL store (SQLAlchemy Core).

Default: an SQLite file in the build directory, in WAL mode (readers never block the writer; a
busy writer is waited for, not failed). ``PLANQA_DB`` takes any SQLAlchemy URL; PostgreSQL
(``postgresql+psycopg://…``) lets several replicas share one log.

The schema is versioned: ``schema_version`` holds the applied migration count and `open_store`
applies the missing ones in order, under a lock (an advisory lock on PostgreSQL, a file lock
beside an SQLite file), so two processes starting together migrate once.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from planqa.errors import ConfigError

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def row_record(row) -> dict:
    """A result row as a dict, its times UTC-aware (SQLite hands back naive datetimes; every time
    in the store is UTC)."""
    record = dict(row._mapping)
    for key, value in record.items():
        if isinstance(value, datetime) and value.tzinfo is None:
            record[key] = value.replace(tzinfo=timezone.utc)
    return record


def _tables():
    from sqlalchemy import (JSON, Boolean, Column, DateTime, Float, Integer, MetaData, String, Table, Text)

    metadata = MetaData()
    version = Table("schema_version", metadata, Column("version", Integer, nullable=False))
    meta = Table("meta", metadata, Column("key", String(200), primary_key=True), Column("value", Text, nullable=False))
    queries = Table(
        "queries", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("ts", DateTime(timezone=True), nullable=False, index=True),
        Column("question", Text, nullable=False),  # masked (bot.staff.privacy) before it gets here
        Column("filters", JSON, nullable=False),
        Column("channel", String(20), nullable=False),
        Column("intent", String(40), nullable=False),
        Column("answer_kind", String(20), nullable=False),  # answer | abstained | curated | smalltalk
        Column("abstained", Boolean, nullable=False),
        Column("cited_ids", JSON, nullable=False),
        Column("confidence", Float, nullable=False),
        Column("latency_ms", Float, nullable=False),
        Column("curated_id", Integer, nullable=True),
    )
    feedback = Table(
        "feedback", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("ts", DateTime(timezone=True), nullable=False, index=True),
        Column("rating", String(10), nullable=False),
        Column("question", Text, nullable=False),
        Column("answer", Text, nullable=False),
        Column("comment", Text, nullable=False),
        Column("cited_ids", JSON, nullable=False),
        Column("source", String(40), nullable=False),  # web | api | import:feedback.jsonl
    )
    curated = Table(
        "curated", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("question", Text, nullable=False),
        Column("variants", JSON, nullable=False),  # other wordings of the question (a report cluster's examples)
        Column("answer", Text, nullable=False),
        Column("citations", JSON, nullable=False),  # [{"id": chunk id, "digest": sha256 of its text}]
        Column("author", String(100), nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("stale", Boolean, nullable=False, default=False),
        Column("stale_reason", Text, nullable=False, default=""),
        Column("hits", Integer, nullable=False, default=0),
        Column("last_hit_at", DateTime(timezone=True), nullable=True),
    )
    return metadata, version, meta, queries, feedback, curated


@dataclass(frozen=True)
class Tables:
    version: object
    meta: object
    queries: object
    feedback: object
    curated: object


def _migration_1(connection, metadata) -> None:
    metadata.create_all(connection, checkfirst=True)


# Append only: migration N brings the schema from version N-1 to N.
MIGRATIONS: tuple[Callable, ...] = (_migration_1,)


class Store:
    """An open database: ``engine`` (SQLAlchemy) and the `Tables`; ``begin()`` is a transaction."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine, event
        from sqlalchemy.exc import ArgumentError, NoSuchModuleError

        self.url = url
        try:
            self.engine = create_engine(url, pool_pre_ping=True, **_pool_options(url))
        except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as exc:
            raise ConfigError(f"PLANQA_DB={_safe(url)!r} is not a usable SQLAlchemy URL ({exc}); "
                              "use e.g. sqlite:////path/planqa.db or postgresql+psycopg://user@host/db") from None
        if self.sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.metadata, version, meta, queries, feedback, curated = _tables()
        self.tables = Tables(version, meta, queries, feedback, curated)

    @property
    def sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        database = self.engine.url.database
        return Path(database) if self.sqlite and database and database != ":memory:" else None

    def begin(self):
        return self.engine.begin()

    def connect(self):
        return self.engine.connect()

    def migrate(self) -> int:
        """Apply the missing migrations; returns the schema version."""
        from sqlalchemy import func, select, text

        with self._migration_lock(), self.begin() as connection:
            if self.engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(7401)"))
            self.tables.version.create(connection, checkfirst=True)
            current = connection.execute(select(func.max(self.tables.version.c.version))).scalar() or 0
            for number, migration in enumerate(MIGRATIONS[current:], start=current + 1):
                log.info("database %s: migrating to schema version %d", _safe(self.url), number)
                migration(connection, self.metadata)
                connection.execute(self.tables.version.delete())
                connection.execute(self.tables.version.insert().values(version=number))
            return len(MIGRATIONS)

    @contextlib.contextmanager
    def _migration_lock(self) -> Iterator[None]:
        path = self.sqlite_path
        if path is None:
            yield
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path.with_name(path.name + ".migrate.lock"), "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def get_meta(self, key: str) -> str | None:
        from sqlalchemy import select

        with self.connect() as connection:
            return connection.execute(select(self.tables.meta.c.value).where(self.tables.meta.c.key == key)).scalar()

    def close(self) -> None:
        self.engine.dispose()


# The threads that may write at once: the server answers requests on anyio's worker threads (40 by default),
# each of which may record feedback.
SERVER_DB_CONNECTIONS = 40


def _pool_options(url: str) -> dict[str, int]:
    """A file SQLite database lets any number of threads hold a connection: a writer waiting for another's
    lock (``busy_timeout``) already holds its pool slot, so a bounded pool (5 + 10) made the 16th of 20 busy
    threads fail after 30 s on a slow disk instead of waiting its turn. A server database is bounded by the
    threads that may write at once (`SERVER_DB_CONNECTIONS`): with SQLAlchemy's 5 + 10, 20 busy writers took
    turns at 15 connections, and a waiter could lose every turn for 30 s (the pool is not fair; seen in CI).
    In-memory SQLite has a pool of one connection per thread."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)  # a bad URL raises here, inside the caller's handler
    if parsed.get_backend_name() == "sqlite":
        return {"max_overflow": -1} if parsed.database not in (None, "", ":memory:") else {}
    return {"pool_size": 5, "max_overflow": SERVER_DB_CONNECTIONS - 5}


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers and one writer at once, across processes
    cursor.execute("PRAGMA busy_timeout=30000")  # a busy writer is waited for, not an error
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _safe(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparsable URL>"


def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the database at ``url``; `ConfigError` if it cannot."""
    from sqlalchemy.exc import SQLAlchemyError

    store = Store(url)
    try:
        if store.sqlite_path is not None:
            store.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        store.migrate()
    except (SQLAlchemyError, OSError) as exc:
        store.close()
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        raise ConfigError(f"cannot open the database {_safe(url)} ({reason}); check PLANQA_DB") from None
    return store
