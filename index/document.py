"""What a chunk looks like to retrieval: the passage embedded and the text fields analyzed."""

from __future__ import annotations

from ingest.chunk import Chunk
from ingest.text import strip_footnote_refs


def _departments(chunk: Chunk) -> str:
    return "、".join(f"{d.name}（{d.as_written}）" for d in chunk.departments)


def _indicator(chunk: Chunk) -> str:
    if not chunk.indicator:
        return ""
    parts = [chunk.indicator]
    for measure in (chunk.baseline, chunk.target):
        if measure is not None:
            parts.append(f"{measure.year}年 {measure.value}")
    return " ".join(parts)


def measure_text(chunk: Chunk) -> str:
    """``2022年: 28,385人 → 2027年: 63,700人``, exactly as the plan writes the values."""
    base = f"{chunk.baseline.year}年: {chunk.baseline.value}" if chunk.baseline else "2022年: —"
    target = f"{chunk.target.year}年: {chunk.target.value}" if chunk.target else "—"
    return f"{base} → {target}"


def context_path(chunk: Chunk) -> str:
    """Ward and the innermost headings, e.g. ``西区 目標1:誰もが安全・安心に暮らせるまちづくり``."""
    tail = [s for s in chunk.section[-2:] if s not in (chunk.ward, "取組目標・主な取組", "取組内容")]
    return " ".join([*([chunk.ward] if chunk.ward else []), *tail])


def dense_text(chunk: Chunk) -> str:
    """The passage given to the embedding model (title first; footnote numbers removed)."""
    lines = [chunk.title, context_path(chunk), strip_footnote_refs(chunk.text)]
    if chunk.departments:
        lines.append(f"所管: {_departments(chunk)}")
    if chunk.indicator:
        lines.append(f"目標: {_indicator(chunk)}")
    return "\n".join(line for line in lines if line)


def lexical_text(chunk: Chunk) -> str:
    """The text analyzed for BM25: title twice (a title match matters most), context,
    description, departments (as written and expanded) and the indicator."""
    parts = [chunk.title, chunk.title, context_path(chunk), strip_footnote_refs(chunk.text)]
    if chunk.departments:
        parts.append(_departments(chunk))
    if chunk.indicator:
        parts.append(_indicator(chunk))
    if chunk.term:
        parts.append(chunk.term)
    return "\n".join(p for p in parts if p)
