"""Feedback log: one JSON line per rating, typed and bounded, safe under concurrent writers
(lock + one write), and capped in total size so no client can fill the disk."""

from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path
from typing import Any

from planqa.errors import QueryError
from planqa.limits import Limits

RATINGS = ("good", "bad")


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
        "ts": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "rating": rating,
        "comment": _text("comment", comment, limits.max_comment_chars, required=False),
        "question": _text("question", question, limits.max_question_chars),
        "answer": _text("answer", answer, limits.max_answer_chars),
        "cited_ids": ids,
    }


def append_feedback(path: Path, rating: Any, question: Any, answer: Any, cited_ids: Any,
                    comment: Any = "", limits: Limits | None = None) -> dict[str, Any]:
    """Validate and append ``{"ts", "rating", "comment", "question", "answer", "cited_ids"}`` to ``path``."""
    limits = limits or Limits()
    record = feedback_record(rating, question, answer, cited_ids, comment, limits)
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        if os.fstat(fd).st_size + len(line) > limits.max_feedback_log_bytes:
            raise QueryError(f"the feedback log {path} reached its {limits.max_feedback_log_bytes:,}-byte cap; "
                             "archive it to record more", ja="ただいまご意見を記録できません。", field="feedback")
        os.write(fd, line)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    return record
