"""The words a question asks a fact with, read right when a kanji of them was typed wrong.

The asked-fact patterns (`index.intent`, `index.unstated`) are written with everyday words: 住所, 予約,
電話番号, 中止, 目標. A kanji typed for one read the same (an IME's wrong pick) hides the fact asked:
「清田区役所の汁所を教えて」 asks the address, 「雨だったら中飼？」 whether it is called off. The plan's own words
typed so are read back by `index.respell.Vocabulary.homophones`; these words are mostly not the plan's.

A compound of the question is read as a fact word when it is no word JMdict knows, stands where the
question's words (UniDic) start and end, and swapping one kanji for another read alike (KANJIDIC2) gives
exactly one fact word: 汁所 -> 住所 (ジュウ), 電話番旺 -> 電話番号. The fact words are the patterns' own kanji
words that JMdict lists as common (`common_kanji_words`), so that a new pattern brings its words along.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from index.analyzer import fold, located, tagged
from index.intent import STATED_PATTERNS
from index.jmdict import headwords
from index.kana_kanji import common_kanji_words
from index.kanji_readings import read_alike
from index.unstated import UNSTATED_PATTERNS

_KANJI_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")
MAX_WORD = 4


@lru_cache(maxsize=1)
def fact_words() -> frozenset[str]:
    """The kanji words (two to four kanji, common in JMdict) the asked-fact patterns are written with."""
    written = {word for pattern in (*STATED_PATTERNS, *UNSTATED_PATTERNS) for word in _WORD.findall(pattern.pattern)}
    return frozenset(written & common_kanji_words())


@lru_cache(maxsize=1)
def _by_blank() -> dict[str, tuple[str, ...]]:
    """Each fact word under each of its kanji blanked (住所 under \\0所 and 住\\0)."""
    blanks: dict[str, list[str]] = defaultdict(list)
    for word in fact_words():
        for place in range(len(word)):
            blanks[word[:place] + "\0" + word[place + 1:]].append(word)
    return {blank: tuple(words) for blank, words in blanks.items()}


def fact_typos(text: str) -> list[tuple[str, str]]:
    """The compounds of ``text`` that are a fact word with one kanji typed for another read alike, each with
    the fact word (longest first, none overlapping)."""
    folded = fold(text)
    close: dict[tuple[int, int], set[str]] = {}
    for match in _KANJI_RUN.finditer(folded):
        run = match.group()
        for size in range(min(len(run), MAX_WORD), 1, -1):
            for start in range(len(run) - size + 1):
                window = run[start:start + size]
                words = {word for place in range(size)
                         for word in _by_blank().get(window[:place] + "\0" + window[place + 1:], ())
                         if read_alike(word[place], window[place])}
                if words:
                    close[match.start() + start, match.start() + start + size] = words
    if not close:
        return []
    tokens = list(located(tagged(folded), folded))
    starts = {start for _, start in tokens}
    ends = {start + len(token.surface) for token, start in tokens}
    known = headwords(folded[start:end] for start, end in close) | common_kanji_words()
    found, taken = [], set()
    for (start, end), words in close.items():
        if (len(words) == 1 and start in starts and end in ends and folded[start:end] not in known
                and not taken & set(range(start, end))):
            found.append((folded[start:end], next(iter(words))))
            taken.update(range(start, end))
    return found


def with_fact_words(text: str) -> str:
    """``text`` with its fact words typed wrong (`fact_typos`) written right."""
    for typo, word in fact_typos(text):  # (a typo as folded, written so in ``text`` too or left)
        text = text.replace(typo, word)
    return text
