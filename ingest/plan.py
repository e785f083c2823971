"""Turn one document's text into `Chunk`s: split the plan into ward chapters and chapter 3,
parse each with its layout parser, then assign stable ids and link parents and glossary terms.
A document with neither layout goes to the generic chunker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.chapter3 import parse_chapter3
from ingest.chunk import Chunk, GlossaryLink
from ingest.draft import Draft, ParseResult
from ingest.generic import parse_generic
from ingest.profile import PlanProfile, bundled_profile
from ingest.text import footnote_refs
from ingest.ward import parse_ward, ward_name

_CHAPTER = re.compile(r"^\s*第\s*\d+\s*章")


@dataclass
class ParsedDocument:
    """The chunks of one document, which layout was recognised, and parser warnings."""

    chunks: list[Chunk]
    layout: str
    warnings: list[str] = field(default_factory=list)


def parse_document(text: str, source_file: str, doc_key: str, profile: PlanProfile | None = None) -> ParsedDocument:
    """Parse a whole document.

    Args:
        text: the document text (``\\n`` newlines).
        source_file: the file name recorded in each chunk's ``source``.
        doc_key: prefix of chunk ids (ids are ``{doc_key}#L{first line}``).
        profile: the plan's heading names, bureaus and ★ program (default: the bundled plan's).
    """
    profile = profile or bundled_profile()
    lines = list(enumerate(text.split("\n"), start=1))
    regions = _regions(lines)
    results: list[ParseResult] = []
    if not regions:
        results.append(parse_generic(lines))
        layout = "generic"
    else:
        layout = "plan"
        first = regions[0][1][0][0] if regions[0][1] else 1
        preface = [(n, line) for n, line in lines if n < first - 1 and line.strip()]
        if preface:
            results.append(parse_generic(preface))
        for ward, region in regions:
            results.append(parse_ward(region, ward, profile) if ward else parse_chapter3(region, profile))
    drafts = [d for r in results for d in r.drafts]
    warnings = [f"{source_file}: {w}" for r in results for w in r.warnings]
    _assign_ids(drafts, doc_key)
    warnings += _link(drafts, source_file)
    return ParsedDocument([d.freeze(source_file) for d in drafts], layout, warnings)


def _regions(lines: list[tuple[int, str]]) -> list[tuple[str | None, list[tuple[int, str]]]]:
    """Split into (ward name or None for a chapter, lines after the heading) regions."""
    regions: list[tuple[str | None, list[tuple[int, str]]]] = []
    for lineno, line in lines:
        ward = ward_name(line)
        if ward:
            regions.append((ward, []))
        elif _CHAPTER.match(line) and not (regions and regions[-1][0] is None):
            regions.append((None, [(lineno, line)]))
        elif regions:
            regions[-1][1].append((lineno, line))
    return regions


def _assign_ids(drafts: list[Draft], doc_key: str) -> None:
    seen: dict[str, int] = {}
    for draft in drafts:
        base = f"{doc_key}#L{draft.line_start}"
        seen[base] = seen.get(base, 0) + 1
        draft.id = base if seen[base] == 1 else f"{base}.{seen[base]}"


def _link(drafts: list[Draft], source_file: str) -> list[str]:
    warnings: list[str] = []
    glossary = {d.fields["footnote"]: d for d in drafts if d.kind == "glossary"}
    children: dict[int, list[str]] = {}
    for draft in drafts:
        if draft.parent_draft is not None:
            draft.fields["parent"] = draft.parent_draft.id
            children.setdefault(id(draft.parent_draft), []).append(draft.id)
        if draft.kind == "glossary":
            continue
        written = draft.fields.get("extra", {}).get("title_as_written", "")
        numbers = footnote_refs(written + "\n" + "\n".join(draft.text_lines))
        links = []
        for number in numbers:
            entry = glossary.get(number)
            if entry is None:
                warnings.append(
                    f"{source_file}: line {draft.line_start}: footnote {number} has no definition"
                )
            links.append(GlossaryLink(number, entry.title if entry else None, entry.id if entry else None))
        draft.fields["glossary_refs"] = tuple(numbers)
        draft.fields["glossary"] = tuple(links)
    for draft in drafts:
        if id(draft) in children:
            draft.fields["children"] = tuple(children[id(draft)])
    return warnings
