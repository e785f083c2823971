"""Text clean-up helpers for the PDF extraction's noise (footnote numbers, wrapped lines)."""

from __future__ import annotations

import re
import unicodedata

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
_SUPER = f"[{SUPERSCRIPT_DIGITS}]+"

# Characters of Japanese running text: kana, kanji, the prolonged sound mark and
# full-width punctuation. A space between two of them is a PDF line-wrap artifact.
_CJK = r"\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65々〆ヵヶ"

# A superscript run that follows '*' is a note marker (南区 `* ¹`), not a footnote reference.
_MARKER_SUPER = re.compile(rf"\*\s*{_SUPER}")
_WRAPPED_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u3000]+(?=[{_CJK}])")
_SPACES = re.compile(r"[ \t\u3000]+")


def superscript_to_int(digits: str) -> int:
    """``'¹⁸⁷'`` -> ``187``."""
    return int(digits.translate(_SUPER_TO_ASCII))


def footnote_refs(text: str) -> list[int]:
    """Footnote numbers referenced in ``text`` (superscripts), in order, without duplicates."""
    cleaned = _MARKER_SUPER.sub(" ", text)
    seen: list[int] = []
    for match in re.finditer(_SUPER, cleaned):
        number = superscript_to_int(match.group(0))
        if number not in seen:
            seen.append(number)
    return seen


def strip_footnote_refs(text: str) -> str:
    """Remove superscript footnote numbers and the spaces the extraction put around them."""

    def _drop(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        keep_space = bool(before and after) and not (
            re.match(f"[{_CJK}]", before) or re.match(f"[{_CJK}]", after)
        )
        return " " if keep_space else ""

    return re.sub(rf"[ \t]*{_SUPER}[ \t]*", _drop, text)


def join_wrapped(text: str) -> str:
    """Remove spaces the PDF line wrap left between Japanese characters; collapse the rest."""
    return _SPACES.sub(" ", _WRAPPED_SPACE.sub("", text)).strip()


def collapse_spaces(text: str) -> str:
    """Collapse runs of spaces/tabs into one space and strip."""
    return _SPACES.sub(" ", text).strip()


def normalize_key(text: str) -> str:
    """Matching key for titles: footnote numbers removed, NFKC, no whitespace.

    >>> normalize_key("札幌市マイナンバーカードセンター ¹⁸⁷ の運営")
    '札幌市マイナンバーカードセンターの運営'
    """
    without_refs = re.sub(_SUPER, "", text)
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", without_refs))


def compact_ward(text: str) -> str:
    """``'豊 平 区'`` -> ``'豊平区'`` (ward names are letter-spaced in the PDF)."""
    return re.sub(r"\s+", "", text)
