"""Glossary footnotes (``¹⁸⁰ リソース：資源や資産など。``) and links from chunks to them."""

from __future__ import annotations

import re

from ingest.draft import Draft
from ingest.text import SUPERSCRIPT_DIGITS, superscript_to_int

FOOTNOTE_DEFINITION = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s*(\S.*)$")
_TERM_SPLIT = re.compile(r"\s*[：:]\s*")


def glossary_draft(line: str, lineno: int, section: list[str]) -> Draft:
    """A glossary draft from one footnote definition line (term in ``**bold**`` or plain)."""
    match = FOOTNOTE_DEFINITION.match(line.strip())
    assert match is not None, line
    number = superscript_to_int(match.group(1))
    body = match.group(2).strip()
    parts = _TERM_SPLIT.split(body, maxsplit=1)
    term = parts[0].replace("**", "").strip()
    definition = parts[1].strip() if len(parts) > 1 else ""
    return Draft(
        "glossary",
        term,
        list(section),
        None,
        lineno,
        lineno,
        [f"{term}：{definition}" if definition else term],
        {"term": term, "definition": definition or None, "footnote": number},
    )
