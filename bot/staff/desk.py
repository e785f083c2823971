"""`StaffDesk`: the staff database opened for a running bot — query log, feedback, curated answers."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from bot.feedback import FeedbackLog
from bot.staff.curated import CuratedAnswers, CuratedMatcher
from bot.staff.db import Store, open_store
from bot.staff.querylog import QueryLog
from planqa.limits import Limits

log = logging.getLogger(__name__)


@dataclass
class StaffDesk:
    store: Store
    queries: QueryLog
    feedback: FeedbackLog
    curated: CuratedAnswers
    matcher: CuratedMatcher

    @classmethod
    def open(cls, url: str, settings, limits: Limits, legacy_feedback: Path | None = None) -> StaffDesk:
        """Open (and migrate) the database; import the legacy feedback JSONL once."""
        store = open_store(url)
        curated = CuratedAnswers(store)
        desk = cls(store, QueryLog(store, settings.retention_days, settings.max_log_rows),
                   FeedbackLog(store, settings.max_feedback_rows, limits), curated,
                   CuratedMatcher(curated, settings.curated_threshold))
        curated.on_change.append(desk.matcher.invalidate)
        if legacy_feedback is not None:
            desk.feedback.import_jsonl(legacy_feedback)
        desk.queries.purge()
        return desk

    def close(self) -> None:
        self.queries.flush()
        self.store.close()
