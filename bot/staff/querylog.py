"""The query log: one row per question asked in the chat or the APIs, personal data masked before
storage, kept for a retention period. Only staff read it (``planqa report``, the staff page)."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.answer import Answer
from bot.staff.db import Store, utcnow
from bot.staff.privacy import mask
from index.retrieve import Filters

log = logging.getLogger(__name__)

CHANNELS = ("chat", "api", "gradio-api", "cli")


def answer_kind(answer: Answer) -> str:
    if answer.curated_id is not None:
        return "curated"
    if answer.intent == "smalltalk":
        return "smalltalk"
    return "abstained" if answer.abstained else "answer"


@dataclass(frozen=True)
class LoggedQuery:
    """One row of the query log."""

    id: int
    ts: datetime
    question: str
    filters: dict[str, Any]
    channel: str
    intent: str
    answer_kind: str
    abstained: bool
    cited_ids: list[str]
    confidence: float
    latency_ms: float
    curated_id: int | None

    def to_record(self) -> dict[str, Any]:
        record = dict(self.__dict__)
        record["ts"] = self.ts.isoformat(timespec="seconds")
        return record


class QueryLog:
    """Writes and reads the ``queries`` table; purges entries past retention at most once a minute."""

    def __init__(self, store: Store, retention_days: int = 180, max_rows: int = 1_000_000) -> None:
        self.store = store
        self.retention_days = retention_days
        self.max_rows = max_rows
        self._lock = threading.Lock()
        self._last_purge = 0.0

    def record(self, answer: Answer, filters: Filters | None, channel: str, latency_ms: float) -> None:
        """Log one answered question (its text masked)."""
        table = self.store.tables.queries
        # An abstained answer lists suggestions, not citations of an answer: not counted as cited.
        cited = [] if answer.abstained else [c.hit.chunk.id for c in answer.citations]
        chosen = {k: v for k, v in (filters.__dict__ if filters else {}).items() if v}
        with self.store.begin() as connection:
            connection.execute(table.insert().values(
                ts=utcnow(), question=mask(answer.question), filters=chosen, channel=channel,
                intent=answer.intent, answer_kind=answer_kind(answer), abstained=bool(answer.abstained),
                cited_ids=cited, confidence=float(answer.confidence), latency_ms=float(latency_ms),
                curated_id=answer.curated_id))
        self._maybe_purge()

    def _maybe_purge(self) -> None:
        with self._lock:
            if time.monotonic() - self._last_purge < 60:
                return
            self._last_purge = time.monotonic()
        try:
            self.purge()
        except Exception as exc:  # retention is housekeeping; never fail an answer over it
            log.warning("query log purge failed: %s", exc)

    def purge(self, now: datetime | None = None) -> int:
        """Delete entries older than the retention period, and the oldest beyond ``max_rows``."""
        from sqlalchemy import func, select

        table = self.store.tables.queries
        deleted = 0
        with self.store.begin() as connection:
            if self.retention_days > 0:
                cutoff = (now or utcnow()) - timedelta(days=self.retention_days)
                deleted += connection.execute(table.delete().where(table.c.ts < cutoff)).rowcount or 0
            count = connection.execute(select(func.count()).select_from(table)).scalar() or 0
            if count > self.max_rows:
                keep_from = connection.execute(select(table.c.id).order_by(table.c.id.desc())
                                               .offset(self.max_rows - 1).limit(1)).scalar()
                deleted += connection.execute(table.delete().where(table.c.id < keep_from)).rowcount or 0
        return deleted

    def entries(self, since: datetime | None = None, limit: int | None = None) -> list[LoggedQuery]:
        """Entries (oldest first) since ``since``."""
        from sqlalchemy import select

        table = self.store.tables.queries
        statement = select(table).order_by(table.c.id)
        if since is not None:
            statement = statement.where(table.c.ts >= since)
        if limit is not None:
            statement = statement.limit(limit)
        with self.store.connect() as connection:
            return [LoggedQuery(**_aware(dict(row._mapping))) for row in connection.execute(statement)]


def _aware(row: dict[str, Any]) -> dict[str, Any]:
    """SQLite hands back naive datetimes; every time in the store is UTC."""
    from datetime import timezone

    for key in ("ts", "created_at", "last_hit_at"):
        value = row.get(key)
        if isinstance(value, datetime) and value.tzinfo is None:
            row[key] = value.replace(tzinfo=timezone.utc)
    return row
