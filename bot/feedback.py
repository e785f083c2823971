"""Feedback on answers (👍/👎 with an optional comment): typed and bounded, stored in the staff
database (personal data masked), capped in rows so no client can fill the disk. The JSONL log of
earlier versions is imported once."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.staff.db import Store, row_record, utcnow
from bot.staff.privacy import mask
from planqa.errors import QueryError
from planqa.limits import Limits

log = logging.getLogger(__name__)

RATINGS = ("good", "bad")
SOURCES = ("web", "api", "gradio-api")


def _text(name: str, value: Any, limit: int, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise QueryError(f"{name} must be a string, got {type(value).__name__}", field=name)
    if len(value) > limit:
        raise QueryError(f"{name} is {len(value):,} characters; the limit is {limit:,}", field=name)
    return value


def feedback_record(rating: Any, question: Any, answer: Any, cited_ids: Any, comment: Any = "",
                    limits: Limits | None = None) -> dict[str, Any]:
    """A validated feedback record; `QueryError` (with ``field``) names the first bad field."""
    limits = limits or Limits()
    if rating not in RATINGS:
        raise QueryError(f"rating must be 'good' or 'bad', got {str(rating)[:40]!r}", field="rating")
    if cited_ids is None:
        cited_ids = []
    if not isinstance(cited_ids, list):
        raise QueryError(f"cited_ids must be a list of chunk ids, got {type(cited_ids).__name__}", field="cited_ids")
    if len(cited_ids) > limits.max_cited_ids:
        raise QueryError(f"cited_ids has {len(cited_ids)} items; the limit is {limits.max_cited_ids}", field="cited_ids")
    ids = [_text("cited_ids[]", item, limits.max_id_chars) for item in cited_ids]
    return {
        "rating": rating,
        "comment": _text("comment", comment, limits.max_comment_chars, required=False),
        "question": _text("question", question, limits.max_question_chars),
        "answer": _text("answer", answer, limits.max_answer_chars),
        "cited_ids": ids,
    }


class FeedbackLog:
    """The ``feedback`` table."""

    def __init__(self, store: Store, max_rows: int = 200_000, limits: Limits | None = None) -> None:
        self.store = store
        self.max_rows = max_rows
        self.limits = limits or Limits()

    def add(self, rating: Any, question: Any, answer: Any, cited_ids: Any, comment: Any = "",
            source: str = "web") -> dict[str, Any]:
        """Validate and store one rating; returns the stored record (question and comment masked)."""
        from sqlalchemy import func, select

        record = feedback_record(rating, question, answer, cited_ids, comment, self.limits)
        record.update(question=mask(record["question"]), comment=mask(record["comment"]))
        table = self.store.tables.feedback
        with self.store.begin() as connection:
            if (connection.execute(select(func.count()).select_from(table)).scalar() or 0) >= self.max_rows:
                raise QueryError(f"the feedback table reached its {self.max_rows:,}-row cap; export and archive it "
                                 "to record more", ja="ただいまご意見を記録できません。", field="feedback")
            connection.execute(table.insert().values(ts=utcnow(), source=source, **record))
        return record

    def entries(self, since: datetime | None = None) -> list[dict[str, Any]]:
        from sqlalchemy import select

        table = self.store.tables.feedback
        statement = select(table).order_by(table.c.id)
        if since is not None:
            statement = statement.where(table.c.ts >= since)
        with self.store.connect() as connection:
            return [row_record(row) for row in connection.execute(statement)]

    def import_jsonl(self, path: Path) -> int:
        """Import an earlier version's ``feedback.jsonl`` once (remembered by its resolved path);
        returns how many records were imported (0 when already done, missing or empty)."""
        from sqlalchemy import select

        from planqa.errors import InputFileError
        from planqa.io import iter_jsonl, read_text_file

        if not path.is_file():
            return 0
        key = f"imported:{path.resolve()}"
        meta, table = self.store.tables.meta, self.store.tables.feedback
        if self.store.get_meta(key) is not None:
            return 0
        rows = []
        try:
            # the JSONL log of earlier versions stopped growing at this cap
            text = read_text_file(path, self.limits.max_feedback_log_bytes, InputFileError, "feedback log")
            for _, item in iter_jsonl(text, str(path), InputFileError, self.limits.max_answer_chars * 8):
                try:
                    record = feedback_record(item.get("rating"), item.get("question"), item.get("answer"),
                                             item.get("cited_ids"), item.get("comment", ""), self.limits)
                except (QueryError, AttributeError) as exc:
                    log.warning("%s: skipped a feedback record (%s)", path, exc)
                    continue
                record.update(question=mask(record["question"]), comment=mask(record["comment"]))
                rows.append({"ts": _parse_ts(item.get("ts")), "source": "import:feedback.jsonl", **record})
        except Exception as exc:  # an unreadable legacy log must not stop the server
            log.warning("could not import %s: %s", path, exc)
            return 0
        with self.store.begin() as connection:
            if connection.execute(select(meta.c.value).where(meta.c.key == key)).scalar() is not None:
                return 0
            connection.execute(meta.insert().values(key=key, value=utcnow().isoformat(timespec="seconds")))
            if rows:
                connection.execute(table.insert(), rows)
        log.info("imported %d feedback records from %s", len(rows), path)
        return len(rows)


def _parse_ts(value: Any) -> datetime:
    from datetime import timezone

    if isinstance(value, str):
        for layout in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S"):
            try:
                parsed = datetime.strptime(value, layout)
                # stored as UTC: SQLite keeps no offset
                return parsed.astimezone(timezone.utc) if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
            except ValueError:
                continue
    return utcnow()


