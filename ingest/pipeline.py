"""Ingest entry point: documents -> chunks, written atomically as ``chunks.jsonl``."""

from __future__ import annotations

import json
import logging
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ingest.chunk import CHUNK_KINDS, Chunk
from ingest.plan import parse_document
from ingest.reader import read_text
from planqa.io import atomic_writer

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
    for path in paths:
        text = read_text(Path(path))
        key = _doc_key(Path(path))
        keys[key] += 1
        if keys[key] > 1:
            key = f"{key}-{keys[key]}"
        parsed = parse_document(text, Path(path).name, key)
        result.chunks.extend(parsed.chunks)
        result.warnings.extend(parsed.warnings)
        result.documents.append(
            DocumentReport(str(path), parsed.layout, len(text.splitlines()), len(parsed.chunks))
        )
        for warning in parsed.warnings:
            log.info(warning)
    result.seconds = time.perf_counter() - started
    return result


def _doc_key(path: Path) -> str:
    return re.sub(r"[^\w.-]+", "-", path.stem).strip("-") or "doc"


def write_chunks(chunks: list[Chunk], out_path: Path) -> None:
    """Write chunks as JSONL, atomically (a failed or killed run leaves the previous file intact)."""
    with atomic_writer(out_path) as handle:
        for chunk in chunks:
            handle.write(json.dumps(chunk.to_record(), ensure_ascii=False) + "\n")


def read_chunks(path: Path) -> list[Chunk]:
    """Load ``chunks.jsonl`` written by `write_chunks`."""
    with path.open(encoding="utf-8") as handle:
        return [Chunk.from_record(json.loads(line)) for line in handle if line.strip()]


def area_of(chunk: Chunk) -> str:
    """The ward, or the chapter section (``1 行政サービスの高度化``) a chunk belongs to."""
    if chunk.ward:
        return chunk.ward
    numbered = [s for s in chunk.section if re.match(r"^\d{1,2}\s", s)]
    return numbered[1] if len(numbered) > 1 else (chunk.section[-1] if chunk.section else "(none)")


def summarize(result: IngestResult, out_path: Path | None) -> dict[str, Any]:
    """Counts per kind, per ward / section, initiatives without an indicator, warnings."""
    initiatives = [c for c in result.chunks if c.kind == "initiative"]
    areas: dict[str, dict[str, int]] = {}
    for chunk in initiatives:
        row = areas.setdefault(area_of(chunk), {"initiatives": 0, "with_department": 0, "with_indicator": 0})
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
