"""Ingest entry point: documents -> chunks, written atomically as ``chunks.jsonl`` (with the plan's
profile beside it as ``chunks.profile.json``), and read back for indexing."""

from __future__ import annotations

import json
import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ingest.abbreviations import with_abbreviations
from ingest.chunk import CHUNK_KINDS, Chunk
from ingest.config import CHUNKS_FILE
from ingest.display import area
from ingest.plan import parse_document
from ingest.profile import PROFILE_JSON_SUFFIX, PlanProfile, bundled_profile, declared_profile, profile_for
from ingest.reader import read_text
from planqa.errors import CorpusError
from planqa.io import atomic_write_text, atomic_writer, iter_jsonl, read_text_file
from planqa.limits import Limits

log = logging.getLogger(__name__)


@dataclass
class DocumentReport:
    path: str
    layout: str
    lines: int
    chunks: int


@dataclass
class IngestResult:
    """Chunks of all documents in input order, with per-document reports and warnings."""

    chunks: list[Chunk]
    documents: list[DocumentReport] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    profile: PlanProfile = field(default_factory=bundled_profile)


def ingest_paths(paths: Iterable[Path]) -> IngestResult:
    """Read and parse every document; raises `CorpusError` on the first unreadable one.

    Example:
        >>> result = ingest_paths([BUNDLED_PLAN])  # doctest: +SKIP
        >>> len(result.chunks)  # doctest: +SKIP
        212
    """
    started = time.perf_counter()
    result = IngestResult(chunks=[])
    keys: Counter[str] = Counter()
    declared = False
    texts = []
    for path in paths:
        text = read_text(Path(path))
        texts.append(text)
        profile = profile_for(Path(path))
        if not declared and declared_profile(Path(path)) is not None:
            result.profile, declared = profile, True  # the first document that declares one speaks for the corpus
        key = _doc_key(Path(path))
        keys[key] += 1
        if keys[key] > 1:
            key = f"{key}-{keys[key]}"
        parsed = parse_document(text, Path(path).name, key, profile)
        result.chunks.extend(parsed.chunks)
        result.warnings.extend(parsed.warnings)
        result.documents.append(
            DocumentReport(str(path), parsed.layout, len(text.splitlines()), len(parsed.chunks))
        )
        for warning in parsed.warnings:
            log.info(warning)
    result.profile = with_abbreviations(result.profile, texts)
    result.seconds = time.perf_counter() - started
    return result


def _doc_key(path: Path) -> str:
    return re.sub(r"[^\w.-]+", "-", path.stem).strip("-") or "doc"


def write_chunks(chunks: list[Chunk], out_path: Path) -> None:
    """Write chunks as JSONL, atomically (a failed or killed run leaves the previous file intact)."""
    with atomic_writer(out_path) as handle:
        for chunk in chunks:
            handle.write(json.dumps(chunk.to_record(), ensure_ascii=False) + "\n")


def write_ingest_output(result: IngestResult, out_dir: Path) -> Path:
    """``out_dir/chunks.jsonl`` and, beside it, the plan's profile (``chunks.profile.json``)."""
    out_path = Path(out_dir) / CHUNKS_FILE
    write_chunks(result.chunks, out_path)
    atomic_write_text(out_path.with_name(out_path.stem + PROFILE_JSON_SUFFIX),
                      json.dumps(result.profile.to_dict(), ensure_ascii=False, indent=2) + "\n")
    return out_path


def read_chunks(path: Path, limits: Limits | None = None) -> list[Chunk]:
    """Load a ``chunks.jsonl`` (written by `write_chunks`, possibly edited by a person).

    Raises:
        CorpusError: unreadable file, or a line that is not a chunk record (names line and field).
    """
    limits = limits or Limits()
    text = read_text_file(path, limits.max_corpus_file_bytes, CorpusError, what="chunks file")
    chunks: list[Chunk] = []
    ids: set[str] = set()
    for number, record in iter_jsonl(text, str(path), CorpusError, limits.max_corpus_file_bytes):
        try:
            chunk = Chunk.from_record(record)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CorpusError(f"{path}:{number}: not a chunk record ({type(exc).__name__}: {exc}); "
                              "each line needs id, kind, title, text and source {file, line_start, line_end}") from None
        if chunk.kind not in CHUNK_KINDS or not isinstance(chunk.title, str) or not isinstance(chunk.text, str):
            raise CorpusError(f"{path}:{number}: kind must be one of {', '.join(CHUNK_KINDS)}, title and text strings")
        if chunk.id in ids:
            raise CorpusError(f"{path}:{number}: duplicate chunk id {chunk.id!r}")
        ids.add(chunk.id)
        chunks.append(chunk)
    if not chunks:
        raise CorpusError(f"{path}: no chunks")
    return chunks


def summarize(result: IngestResult, out_path: Path | None) -> dict[str, Any]:
    """Counts per kind, per ward / section, initiatives without an indicator, warnings."""
    initiatives = [c for c in result.chunks if c.kind == "initiative"]
    areas: dict[str, dict[str, int]] = {}
    for chunk in initiatives:
        row = areas.setdefault(area(chunk), {"initiatives": 0, "with_department": 0, "with_indicator": 0})
        row["initiatives"] += 1
        row["with_department"] += bool(chunk.departments)
        row["with_indicator"] += chunk.indicator is not None
    ward_counts = Counter(c.ward for c in initiatives if c.ward)
    return {
        "files": [vars(d) for d in result.documents],
        "out": str(out_path) if out_path else None,
        "chunks": len(result.chunks),
        "by_kind": {k: n for k in CHUNK_KINDS if (n := sum(c.kind == k for c in result.chunks))},
        "ward_initiatives": dict(ward_counts),
        "ward_initiatives_total": sum(ward_counts.values()),
        "chapter_initiatives_with_departments": sum(
            1 for c in initiatives if not c.ward and c.departments
        ),
        "glossary_entries": sum(1 for c in result.chunks if c.kind == "glossary"),
        "by_area": areas,
        "initiatives_without_indicator": [
            {"id": c.id, "title": c.title, "ward": c.ward} for c in initiatives if c.indicator is None
        ],
        "warnings": result.warnings,
        "seconds": round(result.seconds, 3),
    }
