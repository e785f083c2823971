"""Feedback log: one JSON line per rating, safe under concurrent writers (lock + one write)."""

from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path
from typing import Any

MAX_COMMENT_CHARS = 2000


def append_feedback(path: Path, rating: str, question: str, answer: str, cited_ids: list[str],
                    comment: str = "") -> dict[str, Any]:
    """Append ``{"ts", "rating", "comment", "question", "answer", "cited_ids"}`` to ``path``."""
    if rating not in ("good", "bad"):
        raise ValueError(f"rating must be 'good' or 'bad', got {rating!r}")
    record = {
        "ts": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "rating": rating,
        "comment": (comment or "")[:MAX_COMMENT_CHARS],
        "question": question,
        "answer": answer,
        "cited_ids": list(cited_ids),
    }
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, line)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    return record
