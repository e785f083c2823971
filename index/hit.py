"""`Hit`: the one result type that flows from retrieval to answers and evaluation."""

from __future__ import annotations

from dataclasses import dataclass, field
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
