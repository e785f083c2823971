"""`Hit`: the one result type that flows from retrieval to answers and evaluation."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ingest.chunk import Chunk


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its score, 1-based rank and per-signal scores/ranks."""

    chunk: Chunk
    score: float
    rank: int
    signals: dict[str, float] = field(default_factory=dict, compare=False)

    def to_record(self) -> dict[str, Any]:
        record = self.chunk.to_record()
        record.update(rank=self.rank, score=round(float(self.score), 6),
                      signals={k: round(float(v), 6) for k, v in self.signals.items()})
        return record


def one_per_passage(hits: list[Hit]) -> list[Hit]:
    """``hits`` with each passage once, at its best-ranked chunk, ranks renumbered. A narrative passage
    (a ward's overview, its 2019 review) is indexed a paragraph per chunk under one title; listed as
    they come, its paragraphs took two or three of the first five places (20 of citizen_dev's 103
    questions)."""
    seen: set[tuple] = set()
    kept: list[Hit] = []
    for hit in hits:
        key = (hit.chunk.title, hit.chunk.ward, hit.chunk.section)
        if key not in seen:
            seen.add(key)
            kept.append(replace(hit, rank=len(kept) + 1))
    return kept
