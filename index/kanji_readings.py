"""How the common kanji are read, from KANJIDIC2 (shipped in `jamdict-data`'s SQLite database beside JMdict).

A kanji typed wrong is mostly one read the same: an IME's wrong pick or a kanji misremembered by its sound
gives 評化 for 評価 (カ), 支縁 for 支援 (エン), 区薬所 for 区役所 (ヤク), 振換 for 振替 (かえる). Only the
jōyō kanji (KANJIDIC2 grades 1–8) are read: a rarer kanji is neither typed by mistake nor in the plan often.
"""

from __future__ import annotations

import logging
import sqlite3
from functools import lru_cache

from index.analyzer import to_hiragana, to_katakana
from index.jmdict import database_path

log = logging.getLogger(__name__)

_JOYO_GRADES = ("1", "2", "3", "4", "5", "6", "8")
_READINGS = ("SELECT c.literal, r.r_type, r.value FROM character c JOIN rm_group g ON g.cid = c.ID "
             "JOIN reading r ON r.gid = g.ID WHERE c.grade IN ({}) AND r.r_type IN ('ja_on', 'ja_kun')")


@lru_cache(maxsize=2)
def kanji_readings(kun: bool = True) -> dict[str, frozenset[str]]:
    """Each jōyō kanji -> its readings: the on readings in katakana (リツ) and, with ``kun``, the kun readings
    in hiragana with their okurigana (ひき.いる -> ひきいる; a prefix or suffix mark dropped). The two are kept apart
    by their script: an IME mixes up kanji read alike in a compound (価 and 化: カ) or as a word (替える and
    換える), not a kanji's sound with another's word (旗 キ and 生 き). Empty without `jamdict-data`."""
    path = database_path()
    if path is None:
        log.info("jamdict-data is not installed: no kanji readings")
        return {}
    found: dict[str, set[str]] = {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        query = _READINGS.format(",".join("?" * len(_JOYO_GRADES)))
        for literal, kind, value in connection.execute(query, _JOYO_GRADES):
            if kind == "ja_kun" and not kun:
                continue
            reading = value.replace(".", "").strip("-")
            if reading:
                spelled = to_hiragana(reading) if kind == "ja_kun" else to_katakana(reading)
                found.setdefault(literal, set()).add(spelled)
    return {literal: frozenset(readings) for literal, readings in found.items()}


def readings(kanji: str, kun: bool = True) -> frozenset[str]:
    """``kanji``'s readings (its on readings only without ``kun``); none for a kanji outside the jōyō list."""
    return kanji_readings(kun).get(kanji, frozenset())


def read_alike(first: str, second: str) -> bool:
    """Whether two different kanji share an on reading (率 and 律: リツ) or a kun reading (替 and 換: かえる)."""
    return first != second and bool(readings(first) & readings(second))


@lru_cache(maxsize=4096)
def sound_alikes(kanji: str) -> tuple[str, ...]:
    """The other jōyō kanji sharing an on reading with ``kanji`` (価: 化, 課, 科, 家, …), in code-point order."""
    sounds = readings(kanji, kun=False)
    return tuple(sorted(other for other, theirs in kanji_readings(False).items()
                        if other != kanji and sounds & theirs))
