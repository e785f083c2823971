"""Questions rewritten the way people type them (`planqa eval --rewrites`): a robustness check that needs
no new questions.

Each answerable Japanese question of a set is rewritten mechanically, and the rewrite is answered:

- ``hiragana``: every word in its reading, a space after each phrase's particle, as someone who cannot (or
  will not) type kanji writes 「くやくしょに いかなくても そうだんできる？」;
- ``half-width``: katakana and their punctuation in half width (ｵﾝﾗｲﾝ相談｡), as some phones and old PCs type;
- ``unpunctuated``: no punctuation or spaces, as voice input gives it;
- ``courteous``: wrapped in courtesies (お世話になっております。… よろしくお願いします。);
- ``some-kana``: about a third of its nouns written in kanji put in hiragana (「市の施設を民間に任せる」 as
  「市のしせつをみんかんに任せる」), as someone unsure of a word's kanji writes it;
- ``slip``: one character in the middle left out;
- ``homophone``: one kanji of a compound swapped for another read the same (評化 for 評価, 支縁 for 支援), as
  an IME's wrong pick or a kanji remembered by its sound gives it — the typos of the citizen-style sets.

Scored beside the same questions as written: how many are answered with a gold passage first, and how many
are refused. The index is the shipped one, so both columns are in-sample; the gap between them is what is
measured.
A rewrite identical to the question (a question with no katakana has no half-width form) is skipped.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from bot.service import Bot
from eval.questions import Question
from index.analyzer import to_hiragana
from index.crosslingual import is_english
from index.kanji_readings import sound_alikes
from ingest.text import normalize_key
from planqa.errors import QueryError

_KANJI_OR_KATAKANA = re.compile(r"[\u3400-\u9fff々ァ-ヺー]")
_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺー\u3400-\u9fff々]")
_KANJI = re.compile(r"[\u3400-\u9fff々]")
_PUNCTUATION = re.compile(r"[、。，．,.？！?!「」『』（）()・…\s\u3000]")
OPENINGS = ("お世話になっております。", "すみません、ちょっと聞きたいんですけど、", "初めて使います。", "あの、")
CLOSINGS = ("よろしくお願いします。", "教えてください。", "わかる人いますか？", "（長文すみません）")


@lru_cache(maxsize=1)
def _tagger():
    import fugashi

    return fugashi.Tagger()


def hiragana(question: str) -> str:
    """``question`` in hiragana by UniDic's readings, a space after the particle that ends each phrase; Latin
    letters and digits as written."""
    words = list(_tagger()(question))
    out = []
    for word, following in zip(words, [*words[1:], None], strict=True):
        reading = getattr(word.feature, "kana", None)
        written = _KANJI_OR_KATAKANA.search(word.surface) and reading and reading != "*"
        out.append(to_hiragana(reading) if written else word.surface)
        if word.feature.pos1 == "助詞" and following is not None and following.feature.pos1 not in (
                "助詞", "助動詞", "補助記号"):
            out.append(" ")
    return "".join(out)


@lru_cache(maxsize=1)
def _half_widths() -> dict[str, str]:
    """Full-width katakana and punctuation -> their half-width spelling, from Unicode's own mapping (NFKC of
    U+FF61–U+FF9F, alone and with the voicing marks ﾞ ﾟ)."""
    half = [chr(code) for code in range(0xFF61, 0xFFA0)]
    table = {}
    for spelled in [*half, *(base + mark for base in half for mark in "ﾞﾟ")]:
        full = unicodedata.normalize("NFKC", spelled)
        if len(full) == 1 and full not in table:
            table[full] = spelled
    return table


SOME_KANA_SHARE = 1 / 3


def some_kana(question: str, rng: random.Random) -> str:
    """``question`` with each noun written with a kanji put in its hiragana reading at ``SOME_KANA_SHARE``'s odds
    (UniDic's readings), the rest as written."""
    out = []
    for word in _tagger()(question):
        reading = getattr(word.feature, "kana", None)
        kanji = _KANJI.search(word.surface) and reading and reading != "*" and word.feature.pos1 == "名詞"
        out.append(to_hiragana(reading) if kanji and rng.random() < SOME_KANA_SHARE else word.surface)
    return "".join(out)


def half_width(question: str) -> str:
    table = _half_widths()
    return "".join(table.get(ch, ch) for ch in question)


def unpunctuated(question: str) -> str:
    return _PUNCTUATION.sub("", question)


def courteous(question: str, rng: random.Random) -> str:
    return f"{rng.choice(OPENINGS)}{question}{rng.choice(CLOSINGS)}"


def slip(question: str, rng: random.Random) -> str:
    """``question`` with one Japanese character left out, neither of its first two nor of its last two."""
    places = [i for i, ch in enumerate(question) if _JAPANESE.match(ch)][2:-2]
    if not places:
        return question
    i = rng.choice(places)
    return question[:i] + question[i + 1:]


_COMPOUND_KANJI = re.compile(r"(?<=[\u3400-\u9fff])[\u3400-\u9fff]|[\u3400-\u9fff](?=[\u3400-\u9fff])")


def homophone(question: str, rng: random.Random) -> str:
    """``question`` with one kanji of a compound (two kanji or more) replaced by another jōyō kanji sharing an
    on reading (評価 -> 評化), both picked at random."""
    places = [m.start() for m in _COMPOUND_KANJI.finditer(question) if sound_alikes(m.group())]
    if not places:
        return question
    i = rng.choice(places)
    return question[:i] + rng.choice(sound_alikes(question[i])) + question[i + 1:]


REWRITES: dict[str, Callable[[str, random.Random], str]] = {
    "hiragana": lambda question, _: hiragana(question),
    "half-width": lambda question, _: half_width(question),
    "unpunctuated": lambda question, _: unpunctuated(question),
    "courteous": courteous,
    "some-kana": some_kana,
    "slip": slip,
    "homophone": homophone,
}


def rewritten(questions: list[Question], seed: int = 0) -> dict[str, list[tuple[Question, str]]]:
    """Each rewrite's (question, rewritten text) pairs over the answerable Japanese questions; a question's
    random choices are seeded by the seed and its id, so a run is repeatable and a question's rewrite does not
    depend on the questions before it."""
    pairs: dict[str, list[tuple[Question, str]]] = {name: [] for name in REWRITES}
    for question in questions:
        if not question.answerable or is_english(question.question):
            continue
        for name, rewrite in REWRITES.items():
            text = rewrite(question.question, random.Random(f"{seed}:{question.id}:{name}"))
            if text != question.question:
                pairs[name].append((question, text))
    return pairs


def score_rewrites(bot: Bot, questions: list[Question], seed: int = 0) -> dict:
    """Per rewrite: questions, first citation right and refused, rewritten and as written; and the misses:
    each rewrite answered wrongly of a question answered rightly as written, with what was cited first."""
    def outcome(question: Question, text: str) -> tuple[bool, bool, str | None]:
        try:
            answer = bot.answer(text)
        except QueryError:
            return False, True, None
        gold = {normalize_key(title) for title in question.gold}
        first = answer.citations[0].hit.chunk.title if answer.citations else None
        right = not answer.abstained and first is not None and normalize_key(first) in gold
        return right, answer.abstained, first

    as_written: dict[str, tuple[bool, bool, str | None]] = {}
    rows, misses = [], []
    for name, pairs in rewritten(questions, seed).items():
        counts = {"rewrite": name, "questions": len(pairs), "right": 0, "right_as_written": 0,
                  "refused": 0, "refused_as_written": 0}
        for question, text in pairs:
            if question.id not in as_written:
                as_written[question.id] = outcome(question, question.question)
            right, refused, first = outcome(question, text)
            was_right, was_refused, _ = as_written[question.id]
            counts["right"] += right
            counts["refused"] += refused
            counts["right_as_written"] += was_right
            counts["refused_as_written"] += was_refused
            if was_right and not right:
                misses.append({"id": question.id, "rewrite": name, "question": text,
                               "gold": list(question.gold), "cited": first, "refused": refused})
        rows.append(counts)
    return {"seed": seed, "rewrites": rows, "misses": misses}


def format_rewrites(path: Path, result: dict) -> str:
    columns = (("rewrite", "<13"), ("questions", ">10"), ("right", ">16"), ("as written", ">16"),
               ("refused", ">9"), ("as written", ">12"))
    lines = [f"planqa eval --rewrites: {path} (seed {result['seed']}; the shipped index, in-sample)",
             "  answered with a gold passage first, and refused: each rewrite beside the same questions",
             "", "  " + "".join(f"{name:{align}}" for name, align in columns)]
    for row in result["rewrites"]:
        n = row["questions"] or 1
        right, before = row["right"], row["right_as_written"]
        lines.append(f"  {row['rewrite']:<13}{row['questions']:>10}{right:>8} ({right / n:.3f}){before:>8} "
                     f"({before / n:.3f}){row['refused']:>9}{row['refused_as_written']:>12}")
    lines.append(f"\n  {len(result['misses'])} rewrites answered wrongly of questions answered rightly as "
                 "written (each with what was cited first: --json)")
    return "\n".join(lines)
