"""Curated answers: answers written by staff for questions the plan answers badly, served first when
a new question is close enough, always citing the plan, and turned stale when a cited passage
changes or disappears from the index.

A curated answer's citations remember a digest of each cited passage's text as it was when staff
wrote the answer; `CuratedAnswers.refresh` compares them with the loaded index (at server start,
reload and every ``planqa index``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from bot.staff.db import Store, row_record, utcnow
from index.document import dense_text
from index.store import LoadedIndex
from ingest.chunk import Chunk
from ingest.profile import PlanProfile
from planqa.errors import InputFileError, QueryError

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
MAX_ANSWER_CHARS = 4000
MAX_CITES = 10


def chunk_digest(chunk: Chunk, profile: PlanProfile) -> str:
    """What a curated answer pins: the passage as embedded (title, place, text, 所管, 目標)."""
    return hashlib.sha256(dense_text(chunk, profile).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class CuratedAnswer:
    """One staff-written answer (職員確認済み)."""

    id: int
    question: str
    variants: tuple[str, ...]
    answer: str
    citations: tuple[dict[str, str], ...]
    author: str
    created_at: datetime
    stale: bool
    stale_reason: str
    hits: int
    last_hit_at: datetime | None

    @property
    def wordings(self) -> tuple[str, ...]:
        return (self.question, *self.variants)

    @property
    def cited_ids(self) -> list[str]:
        return [c["id"] for c in self.citations]

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "question": self.question, "variants": list(self.variants), "answer": self.answer, "cite": self.cited_ids,
                "citations": [dict(c) for c in self.citations], "author": self.author,
                "created_at": self.created_at.isoformat(timespec="seconds"), "stale": self.stale,
                "stale_reason": self.stale_reason, "hits": self.hits,
                "last_hit_at": self.last_hit_at.isoformat(timespec="seconds") if self.last_hit_at else None}


def _checked_text(name: str, value: Any, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise QueryError(f"{name} must be non-empty text", ja=f"{'質問' if name == 'question' else '回答'}を入力してください。",
                         field=name)
    if len(value) > limit:
        raise QueryError(f"{name} is {len(value):,} characters; the limit is {limit:,}",
                         ja=f"{len(value):,}文字は長すぎます（{limit:,}文字まで）。", field=name)
    return value.strip()


class CuratedAnswers:
    """The ``curated`` table."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.on_change: list = []  # callbacks after this process adds, removes or stales answers

    def _changed(self) -> None:
        for callback in self.on_change:
            callback()

    def add(self, question: Any, answer: Any, cite: Sequence[str], index: LoadedIndex,
            author: str = "staff", variants: Sequence[str] = ()) -> CuratedAnswer:
        """Store a curated answer; every cited chunk id must exist in ``index`` (`QueryError` names a bad one).

        ``variants``: other wordings of the question (e.g. a report cluster's examples); a new
        question is compared with each, so more wordings match more paraphrases.
        """
        question = _checked_text("question", question, MAX_QUESTION_CHARS)
        answer = _checked_text("answer", answer, MAX_ANSWER_CHARS)
        others = _variants(question, variants)
        citations = self._citations(cite, index)
        with self.store.begin() as connection:
            new_id = connection.execute(self.store.tables.curated.insert().values(
                question=question, variants=others, answer=answer, citations=citations, author=str(author)[:100] or "staff",
                created_at=utcnow(), stale=False, stale_reason="", hits=0, last_hit_at=None)).inserted_primary_key[0]
        self._changed()
        return self.get(new_id)

    def _citations(self, cite: Sequence[str], index: LoadedIndex) -> list[dict[str, str]]:
        ids = [c.strip() for c in cite if isinstance(c, str) and c.strip()] if isinstance(cite, (list, tuple)) else []
        if not ids:
            raise QueryError("a curated answer must cite at least one chunk of the plan (--cite CHUNK_ID)",
                             ja="根拠となる計画の箇所（チャンクID）を1つ以上指定してください。", field="cite")
        if len(ids) > MAX_CITES:
            raise QueryError(f"{len(ids)} citations; the limit is {MAX_CITES}", ja="根拠が多すぎます。", field="cite")
        citations = []
        for chunk_id in dict.fromkeys(ids):
            row = index.rows.get(chunk_id)
            if row is None:
                raise QueryError(f"chunk id {chunk_id[:80]!r} is not in the index; find ids with: planqa search QUESTION "
                                 "--json", ja=f"チャンクID「{chunk_id[:80]}」は計画にありません。", field="cite")
            citations.append({"id": chunk_id, "digest": chunk_digest(index.chunks[row], index.profile)})
        return citations

    def get(self, curated_id: int) -> CuratedAnswer:
        from sqlalchemy import select

        table = self.store.tables.curated
        with self.store.connect() as connection:
            row = connection.execute(select(table).where(table.c.id == int(curated_id))).first()
        if row is None:
            raise QueryError(f"no curated answer with id {curated_id}; list them with: planqa curate list",
                             ja=f"ID {curated_id} の回答はありません。", field="id")
        return _answer(row)

    def all(self, include_stale: bool = True) -> list[CuratedAnswer]:
        from sqlalchemy import select

        table = self.store.tables.curated
        statement = select(table).order_by(table.c.id)
        if not include_stale:
            statement = statement.where(table.c.stale.is_(False))
        with self.store.connect() as connection:
            return [_answer(row) for row in connection.execute(statement)]

    def remove(self, curated_id: int) -> CuratedAnswer:
        removed = self.get(curated_id)
        with self.store.begin() as connection:
            connection.execute(self.store.tables.curated.delete().where(self.store.tables.curated.c.id == removed.id))
        self._changed()
        return removed

    def record_hit(self, curated_id: int) -> int:
        """Count one use; returns the new hit count (0 if the answer was removed meanwhile)."""
        table = self.store.tables.curated
        with self.store.begin() as connection:
            hits = connection.execute(table.update().where(table.c.id == curated_id)
                                      .values(hits=table.c.hits + 1, last_hit_at=utcnow())
                                      .returning(table.c.hits)).scalar()
        return int(hits or 0)

    def refresh(self, index: LoadedIndex) -> list[CuratedAnswer]:
        """Mark stale every served answer whose cited passage is gone or changed; returns those."""
        table = self.store.tables.curated
        turned = []
        for curated in self.all(include_stale=False):
            reasons = []
            for citation in curated.citations:
                row = index.rows.get(citation["id"])
                if row is None:
                    reasons.append(f"{citation['id']}: 計画から削除されました (removed from the index)")
                elif chunk_digest(index.chunks[row], index.profile) != citation["digest"]:
                    reasons.append(f"{citation['id']}: 本文が変わりました (text changed)")
            if reasons:
                with self.store.begin() as connection:
                    connection.execute(table.update().where(table.c.id == curated.id)
                                       .values(stale=True, stale_reason="; ".join(reasons)))
                turned.append(self.get(curated.id))
        if turned:
            self._changed()
            log.warning("%d curated answer(s) turned stale: the plan changed under them", len(turned))
        return turned

    def export(self, path: Path) -> int:
        """Every curated answer as JSONL (``{"question", "answer", "cite", "author", ...}``), written atomically."""
        from planqa.io import atomic_write_text

        answers = self.all()
        atomic_write_text(path, "".join(json.dumps(a.to_record(), ensure_ascii=False) + "\n" for a in answers))
        return len(answers)

    def import_file(self, path: Path, index: LoadedIndex, max_bytes: int, max_line_bytes: int) -> int:
        """Add the answers of an exported file (all or nothing: one bad line names itself, nothing is added)."""
        from planqa.io import iter_jsonl, read_text_file

        text = read_text_file(path, max_bytes, InputFileError, "curated answers file")
        pending = []
        for number, item in iter_jsonl(text, str(path), InputFileError, max_line_bytes):
            if not isinstance(item, dict):
                raise InputFileError(f"{path}:{number}: expected an object with question, answer and cite")
            try:
                question = _checked_text("question", item.get("question"), MAX_QUESTION_CHARS)
                answer = _checked_text("answer", item.get("answer"), MAX_ANSWER_CHARS)
                others = _variants(question, item.get("variants") or [])
                citations = self._citations(item.get("cite") or [], index)
            except QueryError as exc:
                raise InputFileError(f"{path}:{number}: {exc}") from None
            pending.append({"question": question, "variants": others, "answer": answer, "citations": citations,
                            "author": str(item.get("author") or "import")[:100], "created_at": utcnow(),
                            "stale": False, "stale_reason": "", "hits": 0, "last_hit_at": None})
        if pending:
            with self.store.begin() as connection:
                connection.execute(self.store.tables.curated.insert(), pending)
            self._changed()
        return len(pending)


MAX_VARIANTS = 20


def _variants(question: str, variants: Any) -> list[str]:
    if not isinstance(variants, (list, tuple)):
        raise QueryError("variants must be a list of questions", ja="言い換えの形式が正しくありません。", field="variants")
    kept = [_checked_text("question", v, MAX_QUESTION_CHARS) for v in variants if isinstance(v, str) and v.strip()]
    kept = [v for v in dict.fromkeys(kept) if v != question]
    if len(kept) > MAX_VARIANTS:
        raise QueryError(f"{len(kept)} variants; the limit is {MAX_VARIANTS}", ja="言い換えが多すぎます。", field="variants")
    return kept


def _answer(row) -> CuratedAnswer:
    values = row_record(row)
    values["citations"] = tuple(values["citations"])
    values["variants"] = tuple(values["variants"] or ())
    return CuratedAnswer(**values)


class CuratedMatcher:
    """The curated answer for a question, if one is close enough: cosine on the engine's embedder,
    question to each wording; a ward named by both must be the same ward."""

    # Served answers are re-read from the database at most this often: a request does not pay a query,
    # and an answer added or removed by another process (planqa curate) is served within seconds.
    REFRESH_S = 3.0

    def __init__(self, answers: CuratedAnswers, threshold: float) -> None:
        self.answers = answers
        self.threshold = threshold
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._served: list[CuratedAnswer] = []
        self._read_at = float("-inf")

    def invalidate(self) -> None:
        self._read_at = float("-inf")

    def _candidates(self) -> list[CuratedAnswer]:
        now = time.monotonic()
        if now - self._read_at > self.REFRESH_S:
            self._served = self.answers.all(include_stale=False)
            self._read_at = now
        return self._served

    def match(self, question: str, embedder, ward_of) -> tuple[CuratedAnswer, float] | None:
        """``(answer, similarity)`` of the closest served curated answer at or above the threshold."""
        candidates = self._candidates()
        if not candidates:
            return None
        wordings = [(c, text) for c in candidates for text in c.wordings]
        with self._lock:
            missing = list(dict.fromkeys(text for _, text in wordings if text not in self._vectors))
            if missing:
                for text, vector in zip(missing, embedder.encode_queries(missing)):
                    self._vectors[text] = np.asarray(vector, dtype=np.float32)
            matrix = np.stack([self._vectors[text] for _, text in wordings])
        query = np.asarray(embedder.encode_queries([question])[0], dtype=np.float32)
        similarities = matrix @ query / (np.linalg.norm(matrix, axis=1) * np.linalg.norm(query) + 1e-9)
        ward = None
        for number, position in enumerate(np.argsort(-similarities)):
            similarity = float(similarities[position])
            if similarity < self.threshold:
                return None
            if number == 0:  # only a question close to a curated one is analysed for its ward
                ward = ward_of(question)
            other = ward_of(wordings[position][1])
            if ward is None or other is None or other == ward:
                return wordings[position][0], similarity
        return None
