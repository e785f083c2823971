"""Parser for chapter 3 (行財政運営の取組): headings, narrative, programs, initiatives, indicators.

Table layouts the extraction produced (cells separated by tabs)::

    1\t複合的な福祉課題等を抱える市民への支援促進事業\t所管\t保) 総務部
    description\t\t\t
    目標\tindicator\t2022年\t2027年
    \t\t100%\t100%                          <- values on their own line
    ② 税務手続のオンライン化推進\t\t所管\t財) 税政部
    目標\tindicator\t2022年 —\t2027年 運用    <- values inline
    2\t行政手続のオンライン化の推進\t\t      <- program heading grouping ①②③…

Footnote definitions (``¹⁸³ term：definition``) may sit between two rows of one table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.chunk import Measure
from ingest.departments import parse_departments
from ingest.draft import Draft, ParseResult
from ingest.glossary import FOOTNOTE_DEFINITION, glossary_draft
from ingest.profile import PlanProfile
from ingest.text import collapse_spaces, join_wrapped, strip_footnote_refs

_CHAPTER = re.compile(r"^第\s*(\d+)\s*章\s*(.*)$")
_TOC_LINE = re.compile(r"^\d+\s+(.+?)\t+\s*\d+\s*$")
_NUMBERED_HEADING = re.compile(r"^(\d{1,2})\s+(\S.*)$")
_PAREN_HEADING = re.compile(r"^[(（]\s*\d+\s*[)）]\s*\S")
_ROMAN_HEADING = re.compile(r"^(?:I{1,3}|IV|V|VI|Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|Ⅵ)\s+\S")
_ITEM_HEAD = re.compile(r"^([①-⑳]|\d{1,2})(?![\d年])\s*(.*)$")
_YEAR_CELL = re.compile(r"^(\d{4})\s*年\s*(.*)$")
_BULLET = re.compile(r"^[-・●○■◆]\s*")

_POLICY_HEADING = re.compile(r"^取組方針\s*\d+\s+\S")
_SHORT_PARAGRAPH = 60  # a slogan line this short is cited together with the bullets after it

LEVEL_CHAPTER, LEVEL_PART, LEVEL_PAREN, LEVEL_SECTION, LEVEL_TOPIC, LEVEL_GROUP = range(6)


@dataclass
class _State:
    profile: PlanProfile
    headings: list[tuple[int, str]] = field(default_factory=list)
    parts: set[str] = field(default_factory=set)
    awaiting_chapter_title: bool = False
    program: Draft | None = None
    item: Draft | None = None
    item_has_indicator: bool = False
    pending_years: list[int] = field(default_factory=list)
    narrative: list[tuple[int, str]] = field(default_factory=list)

    def section(self) -> list[str]:
        return [title for _, title in self.headings]

    def push_heading(self, level: int, title: str) -> None:
        self.headings = [(lv, t) for lv, t in self.headings if lv < level] + [(level, title)]


def parse_chapter3(lines: list[tuple[int, str]], profile: PlanProfile) -> ParseResult:
    """Parse the lines from the ``第3章`` heading to the end of the chapter.

    Headings the profile names (``chapter_topics``, ``chapter_named``) get their levels from it;
    narrative under a topic heading is titled ``<parent>：<heading>``.
    """
    result = ParseResult()
    state = _State(profile)
    for lineno, raw in lines:
        _parse_line(lineno, raw, state, result)
    _flush_narrative(state, result)
    return result


def _parse_line(lineno: int, raw: str, state: _State, result: ParseResult) -> None:
    line = raw.strip()
    if not line:
        if state.narrative and state.narrative[-1][1]:
            state.narrative.append((lineno, ""))
        return
    if FOOTNOTE_DEFINITION.match(line):
        _flush_narrative(state, result)
        result.drafts.append(glossary_draft(line, lineno, state.section()))
        return
    if match := _TOC_LINE.match(raw):
        state.parts.add(collapse_spaces(match.group(1)))
        return
    if match := _CHAPTER.match(line):
        _heading(state, result, LEVEL_CHAPTER, line)
        state.awaiting_chapter_title = not match.group(2)
        return
    if state.awaiting_chapter_title:
        state.headings[-1] = (LEVEL_CHAPTER, f"{state.headings[-1][1]} {line}")
        state.awaiting_chapter_title = False
        return
    cells = [c.strip() for c in raw.split("\t")]
    filled = [c for c in cells if c]
    if "所管" in filled:
        _start_initiative(filled, lineno, state, result)
        return
    if filled and filled[0] == "目標" and state.item is not None:
        _indicator_row(filled[1:], lineno, state, result)
        return
    if raw.startswith("\t") and state.pending_years and state.item is not None:
        _value_row(filled, lineno, state, result)
        return
    if "\t" in raw and (match := _ITEM_HEAD.match(filled[0])) and match.group(1).isdecimal():
        _start_program(filled, lineno, state, result)
        return
    level = _heading_level(line, state)
    if level is not None:
        _heading(state, result, level, collapse_spaces(line))
        return
    text = " ".join(filled)
    if state.item is not None and not state.item_has_indicator:
        state.item.add_text(text, lineno)
        return
    state.narrative.append((lineno, text))


def _heading_level(line: str, state: _State) -> int | None:
    if "\t" in line:
        return None
    if _PAREN_HEADING.match(line):
        return LEVEL_PAREN
    if match := _NUMBERED_HEADING.match(line):
        title = collapse_spaces(match.group(2))
        in_paren = any(lv == LEVEL_PAREN for lv, _ in state.headings)
        return LEVEL_PART if title in state.parts or not in_paren else LEVEL_SECTION
    if _ROMAN_HEADING.match(line):
        return LEVEL_GROUP
    if line in state.profile.chapter_topics:
        return state.profile.chapter_topics[line]
    if line in state.profile.chapter_named:
        return state.profile.chapter_named[line]
    if _POLICY_HEADING.match(line):
        return LEVEL_TOPIC
    return None


def _heading(state: _State, result: ParseResult, level: int, title: str) -> None:
    _flush_narrative(state, result)
    _close_item(state)
    state.program = None
    state.push_heading(level, title)


def _close_item(state: _State) -> None:
    state.item = None
    state.item_has_indicator = False
    state.pending_years = []


def _split_head(head_cells: list[str]) -> tuple[str | None, str]:
    """``['1', 'title']`` or ``['② title']`` -> (number, raw title)."""
    if len(head_cells) >= 2 and _ITEM_HEAD.fullmatch(head_cells[0]) and not _ITEM_HEAD.match(head_cells[0]).group(2):
        return head_cells[0], " ".join(head_cells[1:])
    match = _ITEM_HEAD.match(" ".join(head_cells))
    if match and match.group(2):
        return match.group(1), match.group(2)
    return None, " ".join(head_cells)


def _start_initiative(filled: list[str], lineno: int, state: _State, result: ParseResult) -> None:
    _flush_narrative(state, result)
    _close_item(state)
    at = filled.index("所管")
    number, raw_title = _split_head(filled[:at])
    department_cell = " ".join(filled[at + 1 :])
    departments, more = parse_departments(department_cell, state.profile.bureaus)
    if not departments:
        result.warnings.append(f"line {lineno}: no department parsed from 所管 cell {department_cell!r}")
    for unknown in (d.as_written for d in departments if d.bureau is None):
        result.warnings.append(f"line {lineno}: unknown bureau abbreviation in {unknown!r} (see [bureaus] in the plan's profile)")
    circled = number is not None and not number.isdecimal()
    if not circled:
        state.program = None
    parent = state.program if circled else None
    section = state.section() + ([parent.title] if parent else [])
    draft = Draft(
        "initiative",
        join_wrapped(strip_footnote_refs(raw_title)),
        section,
        None,
        lineno,
        lineno,
        fields={
            "number": number,
            "departments": departments,
            "departments_more": more,
            "extra": {"title_as_written": raw_title, "departments_as_written": department_cell},
        },
    )
    draft.parent_draft = parent
    if more:
        draft.fields["notes"] = ("所管: 記載の部署ほか（複数部署で所管）",)
    result.drafts.append(draft)
    state.item = draft


def _start_program(filled: list[str], lineno: int, state: _State, result: ParseResult) -> None:
    _flush_narrative(state, result)
    _close_item(state)
    number, raw_title = _split_head(filled)
    draft = Draft(
        "program",
        join_wrapped(strip_footnote_refs(raw_title)),
        state.section(),
        None,
        lineno,
        lineno,
        fields={"number": number, "extra": {"title_as_written": raw_title}},
    )
    result.drafts.append(draft)
    state.program = draft
    state.item = draft


def _indicator_row(cells: list[str], lineno: int, state: _State, result: ParseResult) -> None:
    item = state.item
    assert item is not None
    first_year = next((i for i, c in enumerate(cells) if _YEAR_CELL.match(c)), len(cells))
    item.fields["indicator"] = join_wrapped(strip_footnote_refs(" ".join(cells[:first_year])))
    years: list[int] = []
    measures: list[Measure | None] = []
    for cell in cells[first_year:]:
        match = _YEAR_CELL.match(cell)
        if not match:
            result.warnings.append(f"line {lineno}: unexpected cell {cell!r} in indicator row")
            continue
        years.append(int(match.group(1)))
        value = join_wrapped(match.group(2))
        measures.append(Measure(int(match.group(1)), value) if value else None)
    if len(years) != 2:
        result.warnings.append(f"line {lineno}: indicator row has {len(years)} year cells, expected 2")
    if measures and all(measures):
        _set_measures(item, measures)
    else:
        state.pending_years = years
    state.item_has_indicator = True
    item.line_end = lineno


def _value_row(filled: list[str], lineno: int, state: _State, result: ParseResult) -> None:
    item = state.item
    assert item is not None
    if len(filled) != len(state.pending_years):
        result.warnings.append(
            f"line {lineno}: {len(filled)} values for {len(state.pending_years)} years "
            f"in the indicator of 「{item.title}」"
        )
    _set_measures(
        item, [Measure(y, join_wrapped(v)) for y, v in zip(state.pending_years, filled, strict=False)]
    )
    state.pending_years = []
    item.line_end = lineno


def _set_measures(item: Draft, measures: list[Measure | None]) -> None:
    item.fields["baseline"] = measures[0] if measures else None
    item.fields["target"] = measures[-1] if len(measures) > 1 else None


def _flush_narrative(state: _State, result: ParseResult) -> None:
    """Turn buffered narrative lines into chunks: a paragraph, or a heading's bullet list."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for lineno, text in state.narrative:
        continues_list = bool(current) and _is_bullet(text) and _is_bullet(current[-1][1])
        if current and not continues_list:
            blocks.append(current)
            current = []
        if text:
            current.append((lineno, text))
    if current:
        blocks.append(current)
    state.narrative = []
    merged: list[list[tuple[int, str]]] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if previous and len(previous) == 1 and len(previous[0][1]) < _SHORT_PARAGRAPH:
            previous.extend(block)
        else:
            merged.append(block)
    section = state.section()
    for block in merged:
        result.drafts.append(
            Draft("narrative", _narrative_title(section, state.profile), section, None, block[0][0], block[-1][0],
                  [text for _, text in block])
        )


def _is_bullet(text: str) -> bool:
    return bool(text) and bool(_BULLET.match(text))


def _narrative_title(section: list[str], profile: PlanProfile) -> str:
    if not section:
        return "本文"
    innermost = re.sub(r"^(?:[(（]\s*\d+\s*[)）]|\d{1,2})\s*", "", section[-1])
    if section[-1] in profile.chapter_topics and len(section) >= 2:
        parent = re.sub(r"^(?:[(（]\s*\d+\s*[)）]|\d{1,2})\s*", "", section[-2])
        return f"{parent}：{innermost}"
    return innermost

