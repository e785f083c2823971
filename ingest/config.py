"""Typed ingest configuration; ``PLANQA_*`` environment variables and CLI flags override it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BUNDLED_PLAN = PROJECT_ROOT / "data" / "sapporo_action_plan_excerpt.txt"
CHUNKS_FILE = "chunks.jsonl"


def _default_build_dir() -> Path:
    return Path(os.environ.get("PLANQA_BUILD_DIR", PROJECT_ROOT / "data" / "build"))


def _default_corpus() -> tuple[Path, ...]:
    value = os.environ.get("PLANQA_CORPUS")
    if value:
        return tuple(Path(p) for p in value.split(os.pathsep) if p)
    return (BUNDLED_PLAN,)


@dataclass(frozen=True)
class IngestConfig:
    """Where ingest reads and writes.

    Attributes:
        corpus: input documents (default: the bundled plan, or ``PLANQA_CORPUS``,
            a ``os.pathsep``-separated list).
        build_dir: output folder for ``chunks.jsonl`` (default ``data/build``, or
            ``PLANQA_BUILD_DIR``).

    Example:
        >>> IngestConfig().chunks_path.name
        'chunks.jsonl'
    """

    corpus: tuple[Path, ...] = field(default_factory=_default_corpus)
    build_dir: Path = field(default_factory=_default_build_dir)

    @property
    def chunks_path(self) -> Path:
        return self.build_dir / CHUNKS_FILE
