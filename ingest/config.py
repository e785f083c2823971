"""Typed ingest configuration; ``PLANQA_*`` environment variables and CLI flags override it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ingest.corpus import BUNDLED_PLAN

CHUNKS_FILE = "chunks.jsonl"
_CHECKOUT = Path(__file__).resolve().parents[1]


def default_build_dir() -> Path:
    """``$PLANQA_BUILD_DIR``; else ``data/build`` in a source checkout; else ``~/.cache/planqa/build``
    (an installed package never writes into site-packages)."""
    value = os.environ.get("PLANQA_BUILD_DIR")
    if value:
        return Path(value)
    if (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "data").is_dir():
        return _CHECKOUT / "data" / "build"
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "planqa" / "build"


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
        build_dir: output folder for ``chunks.jsonl`` (see `default_build_dir`).

    Example:
        >>> IngestConfig().chunks_path.name
        'chunks.jsonl'
    """

    corpus: tuple[Path, ...] = field(default_factory=_default_corpus)
    build_dir: Path = field(default_factory=default_build_dir)

    @property
    def chunks_path(self) -> Path:
        return self.build_dir / CHUNKS_FILE
