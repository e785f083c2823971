"""Mutable chunk drafts that the layout parsers fill line by line, then freeze into `Chunk`s."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ingest.chunk import Chunk, Source


@dataclass
class Draft:
    """A chunk under construction; `fields` holds the optional `Chunk` fields."""

    kind: str
    title: str
    section: list[str]
    ward: str | None
    line_start: int
    line_end: int
    text_lines: list[str] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    markers: list[str] = field(default_factory=list)
    parent_draft: Draft | None = None
    id: str = ""

    def add_text(self, line: str, lineno: int) -> None:
        self.text_lines.append(line)
        self.line_end = max(self.line_end, lineno)

    def freeze(self, source_file: str) -> Chunk:
        return Chunk(
            id=self.id,
            kind=self.kind,  # type: ignore[arg-type]
            title=self.title,
            section=tuple(self.section),
            ward=self.ward,
            text="\n".join(self.text_lines).strip(),
            source=Source(source_file, self.line_start, self.line_end),
            **self.fields,
        )


@dataclass
class ParseResult:
    """What one layout parser produced: drafts in document order, and what it could not place."""

    drafts: list[Draft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
