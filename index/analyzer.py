"""Japanese lexical analyzer shared by the index side and the query side (fugashi + unidic-lite).

Each text yields three token fields, scored by separate BM25 indexes:

- ``word``: content words after NFKC/width folding and lower-casing; particles, auxiliaries,
  symbols, whitespace and fillers dropped; verbs and adjectives by lemma (申し込み -> 申し込む);
  nouns by surface and, when it differs, by lemma (ごみ -> also 塵), so kana and kanji spellings meet;
  compound nouns kept whole (大型ごみ) and also as their parts; an unknown run of katakana (「コトニジャズ」,
  one unknown word between quotes) also as the known words it splits into alone (ジャズ), as Kuromoji's
  search mode splits long katakana compounds.
- ``bigram``: character bigrams of the folded text, so partial words and typos still overlap.
- ``kana``: bigrams of the katakana reading, so a kana query (こうざふりかえ) meets kanji text (口座振替).
- ``synonym``: the Sudachi dictionary's synonym groups of the words (index/synonyms.py), so 引っ越し
  meets 転居 and ネット meets インターネット.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from index.synonyms import synonym_groups

ANALYZER_VERSION = 3  # 2: the synonym field; 3: unknown katakana runs split
FIELDS = ("word", "bigram", "kana", "synonym")

_DROP_POS = {"助詞", "助動詞", "記号", "補助記号", "空白"}
_LEMMA_POS = {"動詞", "形容詞", "形状詞"}
# Function-like nouns and verbs that carry no topic; measured to add noise to BM25 on the dev set.
_STOPWORDS = {
    "こと", "もの", "ため", "よう", "とき", "ところ", "等", "など", "する", "ある", "いる", "なる",
    "れる", "られる", "できる", "思う", "これ", "それ", "何", "なに", "どこ", "どう", "です", "ます",
    "様", "成る", "為る", "有る", "居る", "出来る", "事", "物", "為", "時", "所", "言う", "いう",
}
_BIGRAM_CHARS = re.compile(r"[\w\u3040-\u30ff\u3400-\u9fff々ー]+")
_HIRAGANA_TO_KATAKANA = {cp: cp + 0x60 for cp in range(0x3041, 0x3097)}
_KATAKANA_TO_HIRAGANA = {cp + 0x60: cp for cp in range(0x3041, 0x3097)}


def to_katakana(text: str) -> str:
    return text.translate(_HIRAGANA_TO_KATAKANA)


def to_hiragana(text: str) -> str:
    return text.translate(_KATAKANA_TO_HIRAGANA)


# One MeCab tagger per process, used under a lock: a tagger is not safe to share between threads
# (the server answers two requests at once), and each one holds the whole dictionary in memory.
_TAGGER_LOCK = threading.Lock()
# MeCab (through fugashi) crashes the whole process with a segmentation fault on very long inputs
# (measured: 'x' * ~192,000 characters); a crash cannot be caught, so MeCab only ever sees pieces
# of at most this many characters, cut at a line break, space or sentence end where possible.
MECAB_MAX_CHARS = 4096
_CUT_AFTER = "\n 。．.！？!?、，,\t　"


@lru_cache(maxsize=1)
def _shared_tagger():
    import fugashi  # loaded on first use, never at import time

    return fugashi.Tagger()


def fold(text: str) -> str:
    """NFKC (full-width -> half-width digits and Latin, half-width kana -> full-width), lower case."""
    return unicodedata.normalize("NFKC", text).lower()


# Single Latin letters the PDF extraction spaced out (「E B P Mの観点から」, 「デジタルC o E」): one word.
_SPACED_LETTERS = re.compile(r"(?<![A-Za-z])[A-Za-z](?: [A-Za-z]){2,}(?![A-Za-z])")


def unspaced_letters(text: str) -> str:
    """``text`` with runs of three or more single letters spaced out written as one word (E B P M -> EBPM)."""
    return _SPACED_LETTERS.sub(lambda run: run.group(0).replace(" ", ""), text)


def _bigrams(text: str) -> list[str]:
    grams: list[str] = []
    for run in _BIGRAM_CHARS.findall(text):
        if len(run) == 1:
            grams.append(run)
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def mecab_pieces(text: str, size: int = MECAB_MAX_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, preferably after a break character."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind(ch) for ch in _CUT_AFTER)
        end = start + (cut + 1 if cut >= size // 2 else size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _lemma(surface: str, feature) -> str:
    """The dictionary form of a token (UniDic's lemma without its ``-English`` gloss), else the surface."""
    return (feature.lemma or surface).split("-")[0] if feature.lemma not in (None, "*") else surface


class Token(NamedTuple):
    """One token as UniDic reads it: its surface, part of speech (three levels) and lemma."""

    surface: str
    pos1: str
    pos2: str
    pos3: str
    lemma: str
    unknown: bool = False  # a word UniDic does not have (MeCab guessed it from its letters: サロンン)
    kana: str = ""  # how UniDic reads it, in katakana ("" when it has no reading: a word it does not have)


def tagged(text: str) -> list[Token]:
    """The tokens of ``text`` (NFKC-folded, lower case), by UniDic."""
    return list(_tagged(text))


@lru_cache(maxsize=1024)
def _tagged(text: str) -> tuple[Token, ...]:
    """`tagged`, remembered: understanding one question tags the same words about ten times (its parts, the
    fact words, the readings tried), and the index build understands every training question. The repeats
    come within one question, so a thousand texts remember them all (the training questions understood as
    fast as with 8,192) for ~5 MB; 8,192 held ~40 MB in a long-running server."""
    found: list[Token] = []
    for piece in mecab_pieces(fold(text)):
        with _TAGGER_LOCK:
            features = [(w.surface, w.feature, w.is_unk) for w in _shared_tagger()(piece)]
        found.extend(Token(surface, feature.pos1, feature.pos2, feature.pos3, _lemma(surface, feature),
                           unknown, feature.kana if feature.kana not in (None, "*") else "")
                     for surface, feature, unknown in features)
    return tuple(found)


@lru_cache(maxsize=1024)
def reading(text: str) -> str:
    """``text`` as it is read, in hiragana, its spaces left out (指定管理施設におけるサービス向上 ->
    していかんりしせつにおけるさーびすこうじょう): UniDic's kana of each word with kanji, other words as
    written."""
    return to_hiragana("".join(token.kana if token.kana and _KANJI_IN.search(token.surface) else token.surface
                               for token in _tagged(text)).replace(" ", ""))


_KANJI_IN = re.compile(r"[\u3400-\u9fff々]")


def located(tokens: Iterable[Token], text: str) -> Iterator[tuple[Token, int]]:
    """Each of ``tokens`` (tagged from ``text``) with the place it starts at in ``text``, in order; none after
    a token not found there."""
    start = 0
    for token in tokens:
        start = text.find(token.surface, start)
        if start < 0:
            return
        yield token, start
        start += len(token.surface)


def topic_nouns(text: str) -> list[str]:
    """The nouns ``text`` is about, by folded lemma (引越し and 引っ越し -> 引っ越し): no numbers,
    counters, time words (来月, 毎日) or function nouns (こと, ところ).

    >>> topic_nouns("来月結婚して引っ越しもする")  # doctest: +SKIP
    ['結婚', '引っ越し']
    """
    return [fold(token.lemma) for token in tagged(text) if is_topic_noun(token)]


def is_topic_noun(token: Token) -> bool:
    """Whether ``token`` is a noun a text can be about (`topic_nouns`)."""
    if token.pos1 != "名詞" or token.pos2 == "数詞" or token.pos3 in ("副詞可能", "助数詞可能"):
        return False
    term = fold(token.lemma)
    return bool(term.strip()) and term not in _STOPWORDS and token.surface not in _STOPWORDS


_ALL_KANJI = re.compile(r"[\u3400-\u9fff々]+")
_ALL_KATAKANA = re.compile(r"[ァ-ヺー]+")


def topic_compounds(text: str, leave_out: Collection[str] = ()) -> list[str]:
    """`topic_nouns` but those in ``leave_out``, with a run of adjacent kanji nouns, or of katakana nouns,
    kept as the one word it writes (生活保護, not 生活 and 保護: 生活 alone is named everywhere; マイナンバーカードセンター,
    not マイ, ナンバー, カード and センター); a left-out noun, or a change of script, ends a run.

    >>> topic_compounds("生活保護の申請書類")  # doctest: +SKIP
    ['生活保護', '申請書類']
    """
    words: list[str] = []
    run: list[Token] = []

    def close() -> None:
        if len(run) > 1:
            words.append("".join(token.surface for token in run))
        else:
            words.extend(fold(token.lemma) for token in run)
        run.clear()

    for token in tagged(text):
        topic = is_topic_noun(token) and fold(token.lemma) not in leave_out
        script = _ALL_KANJI if _ALL_KANJI.fullmatch(token.surface) else _ALL_KATAKANA
        if topic and script.fullmatch(token.surface) and (not run or script.fullmatch(run[-1].surface)):
            run.append(token)
            continue
        close()
        if topic and script.fullmatch(token.surface):  # a run in the other script begins
            run.append(token)
            continue
        if topic:
            words.append(fold(token.lemma))
    close()
    return list(dict.fromkeys(words))


def compound_heads(text: str, leave_out: Collection[str] = ()) -> list[tuple[str, str]]:
    """The things ``text`` names with a compound noun: each run of two or more adjacent topic nouns, in any
    script, as written, with its last noun (its head, the thing itself); runs are broken by nouns in
    ``leave_out`` and by adjectival nouns (苦手, 便利). A noun standing alone is left out: it is as often the
    asked fact as the thing.

    >>> compound_heads("北区にも子育てサロンってある？", leave_out={"北", "区"})  # doctest: +SKIP
    [('子育てサロン', 'サロン')]
    """
    found: list[tuple[str, str]] = []
    run: list[Token] = []
    for token in [*tagged(text), None]:
        if token is not None and is_topic_noun(token) and token.pos3 != "形状詞可能" \
                and fold(token.lemma) not in leave_out and token.surface not in leave_out:  # スマホ苦手: no thing
            run.append(token)
            continue
        if len(run) > 1 and (compound := ("".join(t.surface for t in run), run[-1].surface)) not in found:
            found.append(compound)
        run = []
    return found


@dataclass(frozen=True)
class AnalyzerSettings:
    """Analyzer knobs recorded in the index manifest (a change requires a rebuild)."""

    version: int = ANALYZER_VERSION
    dictionary: str = "unidic-lite"
    compounds: bool = True
    noun_lemmas: bool = True
    stopwords: bool = True
    synonyms: str = "sudachidict_small"  # "" leaves the synonym field empty

    def as_dict(self) -> dict:
        return dict(vars(self))


_KATAKANA_RUN = re.compile(r"[ァ-ヴー]{4,}")


@lru_cache(maxsize=4096)
def _katakana_parts(surface: str) -> tuple[str, ...]:
    """The known words of two or more characters an unknown katakana run splits into when tagged alone
    (コトニジャズ -> ジャズ); none when it is no katakana run or does not split into known words."""
    if not _KATAKANA_RUN.fullmatch(surface):
        return ()
    with _TAGGER_LOCK:
        parts = [(w.surface, w.feature, bool(w.feature.kana)) for w in _shared_tagger()(surface)]
    if len(parts) < 2 or not all(known for _, _, known in parts):
        return ()
    return tuple(part for part, feature, _ in parts if feature.pos1 == "名詞" and len(part) > 1
                 and part not in _STOPWORDS and fold(_lemma(part, feature)) not in _STOPWORDS)


@dataclass
class Analyzer:
    """Turns text into ``{"word": [...], "bigram": [...], "kana": [...]}`` token lists.

    Example:
        >>> Analyzer().analyze("大型ごみをインターネットで申し込みたい")["word"]  # doctest: +SKIP
        ['大型', 'ごみ', '塵', '大型ごみ', 'インターネット', '申し込む']
    """

    settings: AnalyzerSettings = field(default_factory=AnalyzerSettings)

    def _tokens(self, folded: str) -> list[tuple[str, object, bool]]:
        tokens: list[tuple[str, object, bool]] = []
        for piece in mecab_pieces(folded):
            with _TAGGER_LOCK:
                tokens.extend((t.surface, t.feature, bool(t.white_space)) for t in _shared_tagger()(piece))
        return tokens

    def surfaces_with_readings(self, text: str) -> list[tuple[str, str]]:
        """``(surface, katakana reading)`` for each token of ``text`` as written (not folded), spaces kept
        as their own tokens so the text can be rebuilt exactly."""
        pairs: list[tuple[str, str]] = []
        for piece in mecab_pieces(text):
            with _TAGGER_LOCK:
                words = [(w.surface, getattr(w.feature, "kana", None) or "", w.white_space) for w in _shared_tagger()(piece)]
            for surface, kana, space in words:
                if space:
                    pairs.append((space, ""))
                pairs.append((surface, kana if kana != "*" else ""))
        return pairs

    def reading(self, text: str) -> str:
        """The katakana reading of ``text`` (``区役所`` -> ``クヤクショ``); unknown words as written, in katakana."""
        readings = []
        for surface, feature, _ in self._tokens(fold(text)):
            kana = getattr(feature, "kana", None) or ""
            readings.append(kana if kana and kana != "*" else surface.translate(_HIRAGANA_TO_KATAKANA))
        return "".join(readings)

    def analyze(self, text: str) -> dict[str, list[str]]:
        folded = unspaced_letters(fold(text))
        words: list[str] = []
        readings: list[str] = []
        compound: list[str] = []

        def close_compound() -> None:
            if self.settings.compounds and len(compound) > 1:
                words.append("".join(compound))
            compound.clear()

        for surface, feature, white_space in self._tokens(folded):
            if white_space:
                close_compound()
            pos1 = feature.pos1
            kana = getattr(feature, "kana", None) or ""
            if kana and kana != "*":
                readings.append(kana)
            elif surface:
                readings.append(surface.translate(_HIRAGANA_TO_KATAKANA))
            if pos1 in _DROP_POS or (pos1 == "感動詞" and feature.pos2 == "フィラー"):
                close_compound()
                continue
            lemma = _lemma(surface, feature)
            if pos1 == "名詞" or (pos1 == "接頭辞") or (pos1 == "接尾辞" and compound):
                compound.append(surface)
            else:
                close_compound()
            if pos1 in _LEMMA_POS:
                term = fold(lemma)
            else:
                term = surface
            if self.settings.stopwords and (term in _STOPWORDS or fold(lemma) in _STOPWORDS):
                continue
            if term.strip():
                words.append(term)
            if pos1 == "名詞" and not kana:
                words.extend(_katakana_parts(surface))
            noun_lemma = fold(lemma)
            if self.settings.noun_lemmas and pos1 == "名詞" and noun_lemma != term and noun_lemma.strip():
                words.append(noun_lemma)
        close_compound()
        return {
            "word": words,
            "bigram": _bigrams(folded),
            "kana": _bigrams("".join(readings)),
            "synonym": synonym_groups(text) if self.settings.synonyms else [],
        }
