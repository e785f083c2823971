"""English words the plan writes as katakana loanwords.

"nudge" -> ナッジ, "naming rights" -> ネーミングライツ: JMdict lacks recent loanwords (ナッジ) and the
plan's compounds of them. e2k's small character model (public domain, numpy only, ~1 ms a word) spells
an English word in katakana; the spelling is kept only when the plan writes exactly that word — alone,
or two English words as one katakana compound.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

log = logging.getLogger(__name__)

_WORD = re.compile(r"[a-z]+")
MIN_LETTERS = 3  # "it", "of": no loanword


@lru_cache(maxsize=1)
def _speller():
    try:
        from e2k import C2K
    except ImportError:
        log.warning("e2k is not installed: English loanwords are not spelled in katakana")
        return None
    return C2K(model="turbo")


@lru_cache(maxsize=4096)
def katakana_spelling(word: str) -> str:
    """e2k's katakana for one English word (``nudge`` -> ``ナッジ``), or "" without e2k."""
    speller = _speller()
    return speller(word) if speller is not None else ""


def loanwords(english: str, katakana: Collection[str], translated: Collection[str] = ()) -> list[str]:
    """The plan's katakana words (``katakana``) that ``english`` names, left to right; a pair of words
    written as one compound (naming rights -> ネーミングライツ) before either word alone, which counts only
    when not ``translated`` otherwise (city is 市, not シティー).

    >>> loanwords("What is a nudge?", {"ナッジ"})  # doctest: +SKIP
    ['ナッジ']
    """
    if not katakana:
        return []
    words = _WORD.findall(english.lower())
    spelled = [katakana_spelling(w) if len(w) >= MIN_LETTERS and w not in ENGLISH_STOP_WORDS else ""
               for w in words]
    found: list[str] = []
    i = 0
    while i < len(spelled):
        pair = spelled[i] + spelled[i + 1] if i + 1 < len(spelled) and spelled[i] and spelled[i + 1] else ""
        if pair in katakana:
            found.append(pair)
            i += 2
            continue
        if spelled[i] in katakana and words[i] not in translated:
            found.append(spelled[i])
        i += 1
    return list(dict.fromkeys(found))
