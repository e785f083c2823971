"""How a chunk is shown in text: its place in the plan, its departments, its indicator and values.

Every surface (search output, answers, the sources panel, the copy box, the passages the model
embeds) builds these strings here, so a fact reads the same wherever it appears.
"""

from __future__ import annotations

import re

from ingest.chunk import Chunk
from ingest.profile import PlanProfile

_NUMBERED = re.compile(r"^\d{1,2}\s")


def measure_text(chunk: Chunk, profile: PlanProfile) -> str:
    """``2022年: 28,385人 → 2027年: 63,700人``, exactly as the plan writes the values (``—`` when absent)."""
    base_year = profile.baseline_year if profile.baseline_year is not None else ""
    base = f"{chunk.baseline.year}年: {chunk.baseline.value}" if chunk.baseline else f"{base_year}年: —"
    target = f"{chunk.target.year}年: {chunk.target.value}" if chunk.target else "—"
    return f"{base} → {target}"


def indicator_text(chunk: Chunk) -> str:
    """``indicator 2022年 value 2027年 value`` (for the search index), or ``""``."""
    if not chunk.indicator:
        return ""
    parts = [chunk.indicator]
    for measure in (chunk.baseline, chunk.target):
        if measure is not None:
            parts.append(f"{measure.year}年 {measure.value}")
    return " ".join(parts)


def department_names(chunk: Chunk) -> str:
    """``環境局 環境事業部、総務局 行政部``."""
    return "、".join(d.name for d in chunk.departments)


def departments_with_written(chunk: Chunk) -> str:
    """``環境局 環境事業部（環) 環境事業部）、…`` — each expanded name with the plan's own spelling."""
    return "、".join(f"{d.name}（{d.as_written}）" for d in chunk.departments)


def departments_text(chunk: Chunk) -> str:
    """``names ほか（「as written ほか」）`` — the department sentence of an answer; the plan's own cell is
    quoted, its abbreviations' half parentheses (総) 行政部) would otherwise read as the bracket's end."""
    written = "、".join(d.as_written for d in chunk.departments)
    more = " ほか" if chunk.departments_more else ""
    return f"{department_names(chunk)}{more}（「{written}{more}」）"


def informative_sections(chunk: Chunk, profile: PlanProfile) -> list[str]:
    return [s for s in chunk.section if s not in profile.uninformative_headings]


def where(chunk: Chunk, profile: PlanProfile) -> str:
    """The ward, else the innermost informative heading (``行政手続のオンライン化の推進``)."""
    if chunk.ward:
        return chunk.ward
    tail = informative_sections(chunk, profile)
    return tail[-1] if tail else ""


def place(chunk: Chunk) -> str:
    """The ward, else the two innermost headings joined with `` > `` (lists and plain text)."""
    return chunk.ward or " > ".join(chunk.section[-2:])


def context_path(chunk: Chunk, profile: PlanProfile) -> str:
    """Ward and the innermost headings, e.g. ``西区 目標1:誰もが安全・安心に暮らせるまちづくり``."""
    tail = [s for s in chunk.section[-2:] if s != chunk.ward and s not in profile.uninformative_headings]
    return " ".join([*([chunk.ward] if chunk.ward else []), *tail])


def area(chunk: Chunk) -> str:
    """The ward, or the chapter section (``1 行政サービスの高度化``) a chunk belongs to (ingest summary)."""
    if chunk.ward:
        return chunk.ward
    numbered = [s for s in chunk.section if _NUMBERED.match(s)]
    return numbered[1] if len(numbered) > 1 else (chunk.section[-1] if chunk.section else "(none)")
