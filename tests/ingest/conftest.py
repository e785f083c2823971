from __future__ import annotations

import pytest

from ingest.plan import parse_document


@pytest.fixture
def parse():
    """Parse a hand-written snippet; returns (chunks by title, ParsedDocument)."""

    def _parse(text: str):
        doc = parse_document(text, "snippet.txt", "s")
        return {c.title: c for c in doc.chunks}, doc

    return _parse
