"""Parser for one ward chapter: 概況, the 2019 review, goals and their initiative rows, notes.

Layout (tab-separated cells from the PDF table)::

    (9) 西 区
    <概況>
    paragraph...
    <取組目標・主な取組>
    目標1:title goal sentence\t
    地域の防災力強化^{*1}\tdescription
    注) 事業名内の(★)は、「未来へつなぐ笑顔のまちづくり活動推進事業」(P.73)による実施
    ※1「地域防災活動推進事業」(P.76)による実施 ※2 ...
"""

from __future__ import annotations

import re

from ingest.chunk import ProgramRef
from ingest.draft import Draft, ParseResult
from ingest.profile import PlanProfile
from ingest.text import (
    SUPERSCRIPT_DIGITS,
    collapse_spaces,
    compact_ward,
    join_wrapped,
    superscript_to_int,
)

WARD_HEADING = re.compile(r"^\(\s*\d+\s*\)\s*((?:\S\s*){1,8}?区)\s*$")
_ANGLE_HEADING = re.compile(r"^[<＜](.+)[>＞]$")
_GOAL = re.compile(r"^((?:目標|取組)\s*\d*)\s*[:：]\s*(\S+)\s*(.*)$")
_NOTE_STAR = re.compile(r"^注\s*[)）]")
_NOTE_DEF = re.compile(r"^※\s*\d")
_PROGRAM = re.compile(r"「([^」]+)」\s*[(（]\s*P\.\s*(\d+)\s*[)）]")

# Markers glued to initiative names, in the spellings the extraction produced.
_STAR = re.compile(r"\s*[(（]\s*★\s*[)）]|\s*★")
_NOTE_MARKERS = (
    re.compile(r"\s*\^\{\s*[*※]\s*(\d+)\s*\}"),  # ^{*1} ^{※1}
    re.compile(rf"\s*\*\s*([{SUPERSCRIPT_DIGITS}]+)"),  # * ¹
    re.compile(r"\s*※\s*(\d+)"),  # ※1
)
_PAGE_REF = re.compile(r"\s*[(（]\s*(?:([^()（）]*?)\s+)?P\.\s*(\d+)\s*[)）]")

def parse_ward(lines: list[tuple[int, str]], ward: str, profile: PlanProfile) -> ParseResult:
    """Parse the lines of one ward chapter (heading line excluded) into drafts.

    Rows under the profile's ``ward_goals`` heading are initiatives; ``★`` means the profile's
    ``star_program`` unless the chapter's own 注) line names another.
    """
    goals_heading = profile.ward_goals_heading
    result = ParseResult()
    heading: str | None = None
    goals: list[tuple[str, str]] = []  # (title, full line) from outermost to innermost
    paragraph: Draft | None = None
    star_program = ProgramRef("★", *profile.star_program) if profile.star_program else None
    footnotes: dict[str, list[ProgramRef]] = {}
    note_texts: dict[str, str] = {}
    initiatives: list[Draft] = []

    for lineno, raw in lines:
        line = raw.strip()
        if not line:
            paragraph = None
            continue
        if match := _ANGLE_HEADING.match(line):
            heading, paragraph, goals = match.group(1).strip(), None, []
            continue
        if _NOTE_STAR.match(line):
            star_program = _star_program(line) or star_program
            continue
        if _NOTE_DEF.match(line):
            for marker, body in _split_note_definitions(line):
                footnotes[marker] = _programs_in(body, marker)
                note_texts[marker] = body
            continue
        if heading == goals_heading and (match := _GOAL.match(line.replace("\t", " ").strip())):
            label = re.sub(r"\s+", "", match.group(1))
            title = f"{label}:{match.group(2)}"
            nested = label.startswith("取組") and goals and goals[0][0].startswith("目標")
            goals = [goals[0], (title, line)] if nested else [(title, line)]
            result.drafts.append(
                Draft("narrative", title, [ward, goals_heading], ward, lineno, lineno,
                      [collapse_spaces(line)], {"goal": collapse_spaces(line)})
            )
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if heading == goals_heading and len(cells) >= 2 and cells[0] and any(cells[1:]):
            draft = _initiative(cells, lineno, ward, goals, goals_heading)
            result.drafts.append(draft)
            initiatives.append(draft)
            continue
        if heading is None:
            result.warnings.append(f"line {lineno}: text before any ward section heading: {line[:40]}")
            continue
        if paragraph is None:
            paragraph = Draft("narrative", f"{ward}：{heading}", [ward, heading], ward, lineno, lineno)
            result.drafts.append(paragraph)
        paragraph.add_text(line, lineno)

    for draft in initiatives:
        _resolve_markers(draft, star_program, footnotes, note_texts, result.warnings)
    return result


def _initiative(cells: list[str], lineno: int, ward: str, goals: list[tuple[str, str]], goals_heading: str) -> Draft:
    title_cell = cells[0]
    description = " ".join(c for c in cells[1:] if c)
    title, markers, page_refs, programs = parse_title_markers(title_cell)
    section = [ward, goals_heading, *(g[0] for g in goals)]
    fields = {
        "goal": collapse_spaces(goals[-1][1]) if goals else None,
        "page_refs": tuple(page_refs),
        "extra": {"title_as_written": title_cell},
    }
    draft = Draft("initiative", title, section, ward, lineno, lineno, [description], fields)
    draft.markers = markers
    draft.fields["programs"] = tuple(programs)
    return draft


def parse_title_markers(cell: str) -> tuple[str, list[str], list[int], list[ProgramRef]]:
    """Split an initiative name cell into the clean title and its markers.

    Returns (title, markers such as ``★``/``※1``, page numbers, programs named with a page).

    >>> parse_title_markers("手稲山を活用した魅力発信 (手稲ふるさと創生事業 P.74)")[0]
    '手稲山を活用した魅力発信'
    """
    markers: list[str] = []
    page_refs: list[int] = []
    programs: list[ProgramRef] = []
    text = cell
    for match in _PAGE_REF.finditer(text):
        page = int(match.group(2))
        page_refs.append(page)
        if match.group(1):
            programs.append(ProgramRef(f"(P.{page})", match.group(1).strip(), page))
    text = _PAGE_REF.sub("", text)
    if _STAR.search(text):
        markers.append("★")
        text = _STAR.sub("", text)
    for pattern in _NOTE_MARKERS:
        for match in pattern.finditer(text):
            digits = match.group(1)
            number = superscript_to_int(digits) if digits[0] in SUPERSCRIPT_DIGITS else int(digits)
            markers.append(f"※{number}")
        text = pattern.sub("", text)
    return join_wrapped(text), markers, page_refs, programs


def _split_note_definitions(line: str) -> list[tuple[str, str]]:
    """``'※1 「A」(P.57) による実施 ※2 「B」(P.76) による実施'`` -> [('※1', ...), ('※2', ...)]."""
    parts = re.split(r"※\s*(\d+)", line)
    return [
        (f"※{number}", re.sub(r"\s+", "", body))
        for number, body in zip(parts[1::2], parts[2::2], strict=True)
    ]


def _programs_in(body: str, marker: str) -> list[ProgramRef]:
    return [ProgramRef(marker, name, int(page)) for name, page in _PROGRAM.findall(body)]


def _star_program(line: str) -> ProgramRef | None:
    match = _PROGRAM.search(line)
    return ProgramRef("★", match.group(1), int(match.group(2))) if match else None


def _resolve_markers(
    draft: Draft,
    star: ProgramRef | None,
    footnotes: dict[str, list[ProgramRef]],
    note_texts: dict[str, str],
    warnings: list[str],
) -> None:
    notes: list[str] = []
    programs: list[ProgramRef] = []
    for marker in draft.markers:
        if marker == "★" and star is not None:
            programs.append(star)
            notes.append(f"★: 「{star.program}」(P.{star.page})による実施")
        elif marker in footnotes:
            programs.extend(footnotes[marker])
            notes.append(f"{marker}: {note_texts[marker]}")
        else:
            warnings.append(
                f"line {draft.line_start}: {draft.ward} 「{draft.title}」 has marker {marker} "
                "but the ward's notes define no such footnote"
            )
            notes.append(f"{marker}: (注記の定義が見つかりません)")
    for ref in draft.fields["programs"]:
        programs.append(ref)
        notes.append(f"「{ref.program}」(P.{ref.page})を参照")
    for page in draft.fields["page_refs"]:
        if not any(ref.page == page for ref in draft.fields["programs"]):
            notes.append(f"計画本編 P.{page} に関連記載")
    draft.fields["notes"] = tuple(notes)
    draft.fields["programs"] = tuple(programs)


def ward_name(heading_line: str) -> str | None:
    """``'(6) 豊 平 区'`` -> ``'豊平区'``; None when the line is not a ward chapter heading."""
    match = WARD_HEADING.match(heading_line.strip())
    return compact_ward(match.group(1)) if match else None
