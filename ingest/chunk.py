"""The `Chunk` record that flows from ingest through the index to answers.

One chunk is one citable unit of the plan: an initiative row, a program heading
with its own description, a glossary footnote, or a narrative paragraph.
`Chunk.to_record()` / `Chunk.from_record()` define the `chunks.jsonl` schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ChunkKind = Literal["initiative", "program", "glossary", "narrative"]
CHUNK_KINDS: tuple[str, ...] = ("initiative", "program", "glossary", "narrative")


@dataclass(frozen=True)
class Source:
    """Where a chunk sits in its input file (1-based, inclusive line numbers)."""

    file: str
    line_start: int
    line_end: int


@dataclass(frozen=True)
class Department:
    """A department in charge (所管), as written and expanded to its bureau.

    Example: ``Department("環) 環境事業部", "環境局", "環境事業部")``.
    """

    as_written: str
    bureau: str | None
    division: str | None

    @property
    def name(self) -> str:
        """Full name such as ``環境局 環境事業部`` (falls back to the written form)."""
        if self.bureau is None:
            return self.as_written
        return f"{self.bureau} {self.division}" if self.division else self.bureau


@dataclass(frozen=True)
class Measure:
    """One cell of an indicator row: a year and the value exactly as written (``—`` = none)."""

    year: int | None
    value: str


@dataclass(frozen=True)
class ProgramRef:
    """A program an initiative is implemented through or refers to (★, ※n, page references)."""

    marker: str
    program: str | None
    page: int | None


@dataclass(frozen=True)
class GlossaryLink:
    """A footnote reference from a chunk to a glossary entry."""

    number: int
    term: str | None
    chunk_id: str | None


@dataclass(frozen=True)
class Chunk:
    """One structured, citable unit of the plan."""

    id: str
    kind: ChunkKind
    title: str
    section: tuple[str, ...]
    ward: str | None
    text: str
    source: Source
    number: str | None = None
    goal: str | None = None
    departments: tuple[Department, ...] = ()
    departments_more: bool = False
    indicator: str | None = None
    baseline: Measure | None = None
    target: Measure | None = None
    notes: tuple[str, ...] = ()
    programs: tuple[ProgramRef, ...] = ()
    page_refs: tuple[int, ...] = ()
    parent: str | None = None
    children: tuple[str, ...] = ()
    glossary_refs: tuple[int, ...] = ()
    glossary: tuple[GlossaryLink, ...] = ()
    term: str | None = None
    definition: str | None = None
    footnote: int | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_record(self) -> dict[str, Any]:
        """The JSON object written to ``chunks.jsonl`` (stable key order)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "section": list(self.section),
            "ward": self.ward,
            "text": self.text,
            "source": {
                "file": self.source.file,
                "line_start": self.source.line_start,
                "line_end": self.source.line_end,
            },
            "number": self.number,
            "goal": self.goal,
            "departments": [
                {
                    "as_written": d.as_written,
                    "bureau": d.bureau,
                    "division": d.division,
                    "name": d.name,
                }
                for d in self.departments
            ],
            "departments_more": self.departments_more,
            "indicator": self.indicator,
            "baseline": _measure_record(self.baseline),
            "target": _measure_record(self.target),
            "notes": list(self.notes),
            "programs": [
                {"marker": p.marker, "program": p.program, "page": p.page} for p in self.programs
            ],
            "page_refs": list(self.page_refs),
            "parent": self.parent,
            "children": list(self.children),
            "glossary_refs": list(self.glossary_refs),
            "glossary": [
                {"number": g.number, "term": g.term, "id": g.chunk_id} for g in self.glossary
            ],
            "term": self.term,
            "definition": self.definition,
            "footnote": self.footnote,
            **({"extra": self.extra} if self.extra else {}),
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Chunk:
        """Inverse of `to_record`; unknown keys are ignored, missing optional keys default."""
        src = record["source"]
        return cls(
            id=record["id"],
            kind=record["kind"],
            title=record["title"],
            section=tuple(record.get("section") or ()),
            ward=record.get("ward"),
            text=record.get("text", ""),
            source=Source(src["file"], int(src["line_start"]), int(src["line_end"])),
            number=record.get("number"),
            goal=record.get("goal"),
            departments=tuple(
                Department(d["as_written"], d.get("bureau"), d.get("division"))
                for d in record.get("departments") or ()
            ),
            departments_more=bool(record.get("departments_more", False)),
            indicator=record.get("indicator"),
            baseline=_measure_from(record.get("baseline")),
            target=_measure_from(record.get("target")),
            notes=tuple(record.get("notes") or ()),
            programs=tuple(
                ProgramRef(p["marker"], p.get("program"), p.get("page"))
                for p in record.get("programs") or ()
            ),
            page_refs=tuple(record.get("page_refs") or ()),
            parent=record.get("parent"),
            children=tuple(record.get("children") or ()),
            glossary_refs=tuple(record.get("glossary_refs") or ()),
            glossary=tuple(
                GlossaryLink(g["number"], g.get("term"), g.get("id"))
                for g in record.get("glossary") or ()
            ),
            term=record.get("term"),
            definition=record.get("definition"),
            footnote=record.get("footnote"),
            extra=dict(record.get("extra") or {}),
        )


def _measure_record(measure: Measure | None) -> dict[str, Any] | None:
    return None if measure is None else {"year": measure.year, "value": measure.value}


def _measure_from(record: dict[str, Any] | None) -> Measure | None:
    return None if not record else Measure(record.get("year"), record["value"])
