"""Where an index's chunks come from: a ``chunks.jsonl`` (what ``planqa ingest`` wrote, perhaps
inspected or edited since) or the corpus documents, ingested on the fly. One function,
`load_source`, decides; the manifest records the source so a stale index is detected.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.config import IndexConfig
from ingest.chunk import Chunk
from ingest.corpus import BUNDLED_PLAN
from ingest.pipeline import ingest_paths, read_chunks
from ingest.profile import PlanProfile, declared_profile, profile_for
from planqa.errors import CorpusError
from planqa.io import read_bounded


@dataclass(frozen=True)
class ChunkSource:
    """The chunks to index, the plan profile that goes with them, and a fingerprint of their files."""

    chunks: list[Chunk]
    profile: PlanProfile
    fingerprint: dict[str, Any]


def source_files(config: IndexConfig) -> tuple[str, tuple[Path, ...]]:
    """``("chunks", (file,))`` when the configuration names a chunks file, else ``("corpus", documents)``."""
    if config.chunks_file is not None:
        return "chunks", (config.chunks_file,)
    return "corpus", tuple(config.ingest.corpus)


def fingerprint(kind: str, paths: tuple[Path, ...], limit: int) -> dict[str, Any]:
    """sha256 of every source file and of the profile each declares (a profile edit makes the index stale)."""
    files = []
    combined = hashlib.sha256()
    for path in paths:
        for file in (Path(path), declared_profile(Path(path))):
            if file is None:
                continue
            data = read_bounded(file, limit, CorpusError, what="text file")
            digest = hashlib.sha256(data).hexdigest()
            files.append({"name": file.name, "path": str(file.resolve()), "sha256": digest, "bytes": len(data)})
            combined.update(digest.encode())
    return {"kind": kind, "files": files, "sha256": combined.hexdigest()}


def load_source(config: IndexConfig) -> ChunkSource:
    """Read the configured chunks file, or ingest the configured corpus."""
    kind, paths = source_files(config)
    limit = config.limits.max_corpus_file_bytes
    if kind == "chunks":
        chunks, profile = read_chunks(paths[0], config.limits), profile_for(paths[0])
    else:
        result = ingest_paths(paths)
        chunks, profile = result.chunks, result.profile
    return ChunkSource(chunks, profile, fingerprint(kind, paths, limit))


def is_default_corpus(config: IndexConfig) -> bool:
    """True when nothing names a source: the bundled plan, no chunks file."""
    return config.chunks_file is None and tuple(Path(p) for p in config.ingest.corpus) == (BUNDLED_PLAN,)
