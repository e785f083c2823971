"""Which sentence of a long passage answers the question.

A ward's overview or a chapter's narrative runs for several sentences, and the asked fact (a ward's
area, "the second largest ward", "about 200 people") is rarely the first one. The sentence quoted
first is the one sharing the most of the question's words, weighted by how rare each word is among
the passage's sentences; a figure question only takes a sentence with a number in it, a "when"
question one with a date. Words are
compared as character n-grams of the question's kanji, katakana and Latin runs, so no tokenizer is
needed and inflections still meet (広い / 広さ share 「広」).
"""

from __future__ import annotations

import math
import re
import unicodedata

from ingest.text import strip_footnote_refs

_CONTENT_RUN = re.compile(r"[\u3400-\u9fff\u30a0-\u30ffA-Za-z0-9々〆ヶ]+")
_KANJI = re.compile(r"[\u3400-\u9fff々]")
# A number as the plan writes one: digits (either width) or a kanji numeral with its counter (三割, 十か所).
NUMBER = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万億]+(?:人|件|割|%|％|か所|箇所)")
# A number that counts or measures: not an ordinal (1つ目, 2番目, 第3, 3回目, 50周年), which names one of several and
# so does not answer "how many" (「4つの事業に取り組みました」, not 「1つ目は…」, nor 区制50周年 "how many bears"); nor a
# heading's number (目標1:, 取組2:).
CARDINAL = re.compile(r"(?<![第0-9０-９,，.．])(?!(?<=目標|取組|方針)[0-9０-９]+\s*[:：])"
                      r"[0-9０-９]+(?:[,，.．][0-9０-９]+)*(?!\s*(?:つ目|番目|点目|回目|位|周年|[0-9０-９]))|"
                      r"[一二三四五六七八九十百千万億]+(?:人|件|割|%|％|か所|箇所)")
# A question asking for a rank or an ordinal (何番目, 何位), which an ordinal does answer.
# (or an anniversary, an age: 何周年, "how old is Minami ward?" of 区制50周年)
ORDINAL_ASKED = re.compile(r"何\s*(?:番目|位|番|周年)|\branks?\b|\branked\b|\bwhich place\b|\bhow old\b|"
                           r"\banniversary\b", re.I)
# A date as the plan writes one: an era or Western year (令和3年, 2021年), or a month (6月); also a year written
# into a name (「南区芸術祭2022」, 「2017冬季アジア札幌大会」), but not one set apart by spaces (アクションプラン 2019)
# nor a count (2022人).
DATE = re.compile(r"(?:令和|平成|昭和)\s*(?:元|[0-9０-９]+)\s*年|[0-9０-９]{4}\s*年|[0-9０-９]{1,2}\s*月|"
                  r"(?<=[一-龥ぁ-んァ-ヶー])(?:19|20)[0-9]{2}(?![0-9０-９,，.])(?!\s*(?:年|度|人|件|回|か所|箇所|円|枚|時間|%|％))|"
                  r"(?<![0-9０-９,，.])(?:19|20)[0-9]{2}(?=[一-龥ァ-ヶ])(?!年|度|人|件|回|か所|箇所|円|枚|時間)")
_SENTENCE_END = re.compile(r"(?<=。)")


def split_sentences(text: str) -> list[str]:
    """A passage's sentences, footnote numbers removed and lines joined."""
    flat = strip_footnote_refs(text).replace("\n", " ").strip()
    return [part.strip() for part in _SENTENCE_END.split(flat) if part.strip()]


def _features(text: str, ignore: str = "") -> set[str]:
    """Kanji and the character bigrams of kanji/katakana/Latin runs, without those of ``ignore``."""
    folded = unicodedata.normalize("NFKC", text)
    found: set[str] = set()
    for run in _CONTENT_RUN.findall(folded):
        found.update(ch for ch in run if _KANJI.match(ch))
        found.update(run[i:i + 2] for i in range(len(run) - 1))
    return found - _features(ignore) if ignore else found


def best_sentence(question: str, sentences: list[str], needs: re.Pattern[str] | None = None,
                  ignore: str = "") -> int | None:
    """Index of the sentence that best answers ``question``, or None when none shares a word with it.

    Args:
        question: the question as asked.
        sentences: the passage's sentences (`split_sentences`).
        needs: only sentences matching it count (`NUMBER` for a figure question, `DATE` for "when").
        ignore: words that say nothing about the asked fact (the ward's own name, which most
            sentences of its overview repeat).

    A tie goes to the earlier sentence.

    >>> best_sentence("西区って何番目に広い区？", ["西区は市の西部に位置します。", "2番目の広さがあります。"])
    1
    """
    wanted = _features(question, ignore)
    if not wanted or not sentences:
        return None
    present = [_features(sentence) & wanted for sentence in sentences]
    total = len(sentences)
    frequency = {feature: sum(feature in found for found in present) for feature in wanted}
    best, best_score = None, 0.0
    for i, found in enumerate(present):
        # (a number a figure needs is no date: 「南区芸術祭2022」 counts nothing)
        searched = sentences[i] if needs is DATE else DATE.sub("", sentences[i])
        if needs is not None and not needs.search(searched):
            continue
        score = sum((2.0 if len(f) > 1 else 1.0) * math.log(1 + total / frequency[f]) for f in found)
        if score > best_score:
            best, best_score = i, score
    return best
