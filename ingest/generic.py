"""Fallback chunker for documents that do not follow the plan's layout (user material).

Splits by Markdown headings (``#``…), then by paragraphs (blank lines); a paragraph
longer than the cap is cut at sentence ends (``。``, ``. ``) so every chunk stays citable.
"""

from __future__ import annotations

import re

from ingest.draft import Draft, ParseResult

MAX_CHUNK_CHARS = 800
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_SENTENCE_END = re.compile(r"(?<=[。．！？!?])|(?<=\.)\s")


def parse_generic(lines: list[tuple[int, str]], max_chars: int = MAX_CHUNK_CHARS) -> ParseResult:
    """Chunk arbitrary text by headings and paragraphs, each chunk at most ``max_chars``."""
    result = ParseResult()
    headings: list[tuple[int, str]] = []
    paragraph: list[tuple[int, str]] = []

    def flush() -> None:
        if paragraph:
            result.drafts.extend(_paragraph_drafts(paragraph, [t for _, t in headings], max_chars))
            paragraph.clear()

    for lineno, raw in lines:
        line = raw.strip()
        if match := _HEADING.match(line):
            flush()
            level = len(match.group(1))
            headings[:] = [(lv, t) for lv, t in headings if lv < level] + [(level, match.group(2))]
        elif not line:
            flush()
        else:
            paragraph.append((lineno, line))
    flush()
    return result


def _paragraph_drafts(paragraph: list[tuple[int, str]], section: list[str], max_chars: int) -> list[Draft]:
    drafts: list[Draft] = []
    current: Draft | None = None
    size = 0
    for lineno, line in paragraph:
        for piece in _pieces(line, max_chars):
            if current is None or size + len(piece) > max_chars:
                title = section[-1] if section else piece[:30]
                current = Draft("narrative", title, list(section), None, lineno, lineno)
                drafts.append(current)
                size = 0
            current.add_text(piece, lineno)
            size += len(piece)
    return drafts


def _pieces(line: str, max_chars: int) -> list[str]:
    """Cut one long line at sentence ends, and hard-cut a sentence that alone exceeds the cap."""
    if len(line) <= max_chars:
        return [line]
    pieces: list[str] = []
    buffer = ""
    for sentence in (s for s in _SENTENCE_END.split(line) if s):
        while len(sentence) > max_chars:
            if buffer:
                pieces.append(buffer)
                buffer = ""
            pieces.append(sentence[:max_chars])
            sentence = sentence[max_chars:]
        if len(buffer) + len(sentence) > max_chars:
            pieces.append(buffer)
            buffer = ""
        buffer += sentence
    if buffer:
        pieces.append(buffer)
    return pieces
