"""What a chunk looks like to retrieval: the passage embedded and the text fields analyzed."""

from __future__ import annotations

from ingest.chunk import Chunk
from ingest.display import context_path, departments_with_written, indicator_text
from ingest.profile import PlanProfile
from ingest.text import strip_footnote_refs


def dense_text(chunk: Chunk, profile: PlanProfile) -> str:
    """The passage given to the embedding model (title first; footnote numbers removed)."""
    lines = [chunk.title, context_path(chunk, profile), strip_footnote_refs(chunk.text)]
    if chunk.departments:
        lines.append(f"所管: {departments_with_written(chunk)}")
    if chunk.indicator:
        lines.append(f"目標: {indicator_text(chunk)}")
    return "\n".join(line for line in lines if line)


def description_text(chunk: Chunk) -> str:
    """The passage's own words only (no title, place, department or indicator): a second dense field,
    closer to how citizens describe a need than the full passage with its administrative labels."""
    return strip_footnote_refs(chunk.text).strip() or chunk.title


def spoken_text(chunk: Chunk) -> str:
    """What a passage says in its own words — title, text, indicator and the values of its target row: where a
    fact the plan rarely states is looked for (「補助金とか出る？」 is answered by 「…活動への助成事業」, whose text
    says 支援; 「ガソリン券もできる？」 by 障がい者交通費助成のオンライン化, whose 2027 target is
    「タクシー券、ガソリン券の電子申請実施」)."""
    values = [measure.value for measure in (chunk.baseline, chunk.target) if measure is not None]
    return " ".join(part for part in (chunk.title, chunk.text, chunk.indicator, *values) if part)


def lexical_text(chunk: Chunk, profile: PlanProfile) -> str:
    """The text analyzed for BM25: title twice (a title match matters most), context,
    description, departments (as written and expanded) and the indicator."""
    parts = [chunk.title, chunk.title, context_path(chunk, profile), strip_footnote_refs(chunk.text)]
    if chunk.departments:
        parts.append(departments_with_written(chunk))
    if chunk.indicator:
        parts.append(indicator_text(chunk))
    if chunk.term:
        parts.append(chunk.term)
    return "\n".join(p for p in parts if p)
