"""ふりがな: ruby readings over the kanji of an answer, for children and residents learning Japanese.

Readings come from fugashi (the same unidic-lite dictionary the search uses). The HTML is built from
escaped text only: every surface and reading goes through `html.escape`, so nothing a person typed
can become markup.
"""

from __future__ import annotations

import html
import re

from index.analyzer import Analyzer

_KANJI = re.compile(r"[\u3400-\u9fff々〆ヵヶ]")
_KATAKANA_TO_HIRAGANA = {cp: cp - 0x60 for cp in range(0x30A1, 0x30F7)}


def ruby_html(text: str, analyzer: Analyzer) -> str:
    """``text`` as HTML with ``<ruby>漢字<rt>かんじ</rt></ruby>`` over every word that has kanji."""
    lines = []
    for line in text.split("\n"):
        parts = []
        for surface, reading in analyzer.surfaces_with_readings(line):
            if _KANJI.search(surface) and reading and reading != surface:
                hiragana = reading.translate(_KATAKANA_TO_HIRAGANA)
                parts.append(f"<ruby>{html.escape(surface)}<rt>{html.escape(hiragana)}</rt></ruby>")
            else:
                parts.append(html.escape(surface))
        lines.append("".join(parts))
    return "<div class='planqa-furigana'>" + "<br>".join(lines) + "</div>"
