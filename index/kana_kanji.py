"""Everyday words written in hiragana, read in kanji from JMdict — for telling what a kana question asks.

The asked-fact patterns (`index.unstated`) are written the way Japanese is usually written: 申し込み,
駐車場, 無料, 電話番号. A question written wholly in hiragana (「ほいくえんの にゅうえんの もうしこみは
いつまで？」) never matches them, and fugashi's readings of such a question are unreliable (むりょう is
read as 無量). The index's vocabulary (`index.respell`) knows only the plan's own words, and these fact
words mostly are not.

JMdict (the `jamdict-data` package) lists each entry's kana readings and kanji spellings with frequency
marks; kept are readings of three kana or more whose *common* (marked) spellings belong to one entry only
— ほいくえん -> 保育園, もうしこみ -> 申し込み; こうえん (公園, 講演, 公演, 後援) is left in kana. A kana run is read
left to right, longest reading first. Built with the index's other lazily built parts (`index.engine`;
~0.1 s, ~19,000 readings).
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from index.jmdict import database_path

log = logging.getLogger(__name__)

# JMdict's frequency marks for common words (news, ichimango and "special" lists)
COMMON = ("news1", "news2", "ichi1", "ichi2", "spec1", "spec2")
MIN_READING = 3  # shorter readings (いる, かい) are other words' pieces as often as words
MAX_READING = 12
_HIRAGANA = re.compile(r"[ぁ-ゖー]+")
# The words a question asks a time, a count, a price or the department with, which JMdict gives more than one
# common spelling (なんじ: 何時 and 汝; むりょう: 無料 and 無量; しょかん: 所管 and 書簡) or none, so `readings` leaves
# them in kana: 「なんじまで？」 asks 何時.
# Read only before a particle or the question's end, not inside a longer word (ひなんじょ, 避難所).
# A count's asking word is read whole, before a shorter one inside it: なんじかん is 何時間 (how long), not
# 何時 (what time) and かん.
ASKING_WORDS = {"なんじ": "何時", "なんようび": "何曜日", "なんがつ": "何月", "なんぷん": "何分", "なんかい": "何回",
                "なんさい": "何歳", "なんえん": "何円", "むりょう": "無料", "ゆうりょう": "有料",
                "なんじかん": "何時間", "なんにち": "何日", "なんかげつ": "何か月", "なんねん": "何年", "なんにん": "何人",
                "なんまい": "何枚", "なんけん": "何件", "しょかん": "所管", "たんとう": "担当", "ぶしょ": "部署",
                "たんとうぶしょ": "担当部署", "もくひょう": "目標", "しひょう": "指標"}
# (also begun with 何 in kanji: 何にち is 何日)
ASKING_WORDS |= {"何" + kana[2:]: word for kana, word in ASKING_WORDS.items() if kana.startswith("なん")}
# (or before いる or ある: 「なんにんいるの？」, 「なんけんあるの」)
_ASKING = re.compile("(" + "|".join(sorted(ASKING_WORDS, key=len, reverse=True)) + ")"
                     r"(?=から|まで|ごろ|くらい|ぐらい|です|でしょう|なの|なん|って|は|が|を|に|の|で|も|だ|か|"
                     r"わ(?=[?？!！。、\s]|$)|"  # は as typed by its sound (「しょかんわ？」, like こんにちわ)
                     r"[いあ](?:る|ます|ります|ません)|[?？!！。、\s\u4e00-\u9fff]|$)")
# 「なに」 (what) as a word of its own, after a particle or a word in kanji and before a particle or a verb: in
# 「具体的にはなにやるの」 the tokenizer reads はな (端) out of 「にはなに」; 「みんなに」 keeps its なに.
# (not なにか, "something": 「なにか いべんと やってる？」, whose か Mozc then reads with what follows, 何快便と)
_WHAT = re.compile(r"(?:(?<=[はがをもでにとて、。？?！!\s一-龥ァ-ヶ])|^)なに"
                   r"(?=[をがもやはのでにしすっ]|か(?:な|しら)|[?？!！。、\s]|$)")

# 「なん」 before a counter written in kanji (なん件, なん時, なん歳): 何
# (not そんなん / こんなん, "such a thing")
_HOW_MANY = re.compile(r"(?<![んな])なん(?=[\u4e00-\u9fff%％])")
# 「なん」 as "what" before a particle (なんを もって いけば, なんに つかうの): 何
_WHAT_SPOKEN = re.compile(r"(?<![んな])なん(?=[をがのもで]|に(?![んち]))")

# each entry's first common kanji spelling (the lowest Kanji ID with a mark), beside the entry's kana readings
_MARKS = ",".join("?" * len(COMMON))
_COMMON_SPELLINGS = f"""
    WITH first AS (SELECT MIN(ID) AS kid FROM Kanji
                   WHERE ID IN (SELECT kid FROM KJP WHERE text IN ({_MARKS})) GROUP BY idseq)
    SELECT kana.text, kanji.text FROM first JOIN Kanji kanji ON kanji.ID = first.kid
                                            JOIN Kana kana ON kana.idseq = kanji.idseq
    WHERE length(kana.text) BETWEEN ? AND ?"""


_COMMON_WORDS = f"SELECT DISTINCT text FROM Kanji WHERE ID IN (SELECT kid FROM KJP WHERE text IN ({_MARKS}))"
_KANJI_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")


@lru_cache(maxsize=1)
def common_kanji_words() -> frozenset[str]:
    """JMdict's common spellings (`COMMON`) written in two to four kanji: 会社, 住所, 予約, 電話番号 (empty without
    `jamdict-data`)."""
    path = database_path()
    if path is None:
        return frozenset()
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(_COMMON_WORDS, COMMON)
        return frozenset(text for (text,) in rows if _KANJI_WORD.fullmatch(text))
    finally:
        connection.close()


@lru_cache(maxsize=2)
def _spellings(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Hiragana reading -> the common kanji spellings JMdict gives it ({} without `jamdict-data`)."""
    path = path or database_path()
    if path is None:
        log.warning("jamdict-data is not installed: questions written in hiragana are read as written")
        return {}
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        spellings: dict[str, set[str]] = defaultdict(set)
        for reading, text in connection.execute(_COMMON_SPELLINGS, (*COMMON, MIN_READING, MAX_READING)):
            if _HIRAGANA.fullmatch(reading):
                spellings[reading].add(text)
    finally:
        connection.close()
    return {reading: frozenset(found) for reading, found in spellings.items()}


@lru_cache(maxsize=2)
def readings(path: Path | None = None) -> dict[str, str]:
    """Hiragana reading -> the one common kanji spelling it has in JMdict ({} without `jamdict-data`);
    ``path``: a JMdict SQLite file other than `jamdict-data`'s."""
    return {reading: next(iter(found)) for reading, found in _spellings(path).items() if len(found) == 1}


@lru_cache(maxsize=1)
def common_readings() -> frozenset[str]:
    """Every hiragana reading of a common JMdict word with a kanji spelling, of `MIN_READING` kana or more
    (ひなん: 避難 and 非難, which `readings` leaves out), or none without `jamdict-data`."""
    return frozenset(_spellings())


def in_kanji(text: str, table: dict[str, str] | None = None) -> str:
    """``text`` with the common words it writes in hiragana written in kanji (and `ASKING_WORDS`), longest
    reading first.

    >>> in_kanji("ほいくえんの もうしこみは いつまで？", {"ほいくえん": "保育園", "もうしこみ": "申し込み"})
    '保育園の 申し込みは いつまで？'
    """
    table = readings() if table is None else table

    def read(run: re.Match[str]) -> str:
        kana, out, start = run.group(), [], 0
        while start < len(kana):
            for end in range(min(len(kana), start + MAX_READING), start + MIN_READING - 1, -1):
                if (word := table.get(kana[start:end])) is not None:
                    out.append(word)
                    start = end
                    break
            else:
                out.append(kana[start])
                start += 1
        return "".join(out)

    return _HIRAGANA.sub(read, asking_words_in_kanji(text))


def asking_words_in_kanji(text: str) -> str:
    """``text`` with only its asking words (`ASKING_WORDS`, なに, なん before a counter or a particle) in kanji:
    「なんじまで？」 -> 「何時まで？」 — not the end of a longer word JMdict reads (としょかん is 図書館, not と所管;
    ひなん所 is 避難所, not ひ何所)."""
    words = common_readings()

    def inside(asked: re.Match[str]) -> bool:
        start, end = asked.span()
        return any(text[begin:stop] in words for begin in range(max(0, start - MAX_READING), start)
                   for stop in range(start + 1, end + 1))

    def read(asked: re.Match[str]) -> str:
        return asked.group() if inside(asked) else ASKING_WORDS[asked.group()]

    def what(asked: re.Match[str]) -> str:
        return asked.group() if inside(asked) else "何"

    return _WHAT_SPOKEN.sub(what, _HOW_MANY.sub(what, _WHAT.sub("何", _ASKING.sub(read, text))))
