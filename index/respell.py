"""Respelling a question into the plan's own words, from the index's vocabulary.

Citizens write place names and whole questions in hiragana (にしくの こうえん), pick the wrong kanji
of a homophone (公告 for 広告), or mistype a katakana word (サロソ for サロン). Each of these
spellings misses both the lexical index and, mostly, the embedding model. The index vocabulary
knows how the plan writes things; this module maps the question's spellings onto it:

- **kana runs** of a question written (almost) entirely in kana are read against the vocabulary's
  readings, longest match first (ニシク -> 西区, ユウグ -> 遊具), and so are its katakana words the plan
  does not write (ｿｳﾀﾞﾝ -> 相談);
- **a whole word in hiragana** amid a kanji question: せいかつほごの事務 -> 生活保護, when the run
  between kanji is exactly a plan word's reading (`Vocabulary.kana_words`);
- **「AのB」 for the plan's compound 「AB」**: 花の苗 -> 花苗, when the plan writes the compound;
- **katakana typos**: a katakana word that is neither in the plan nor a word the dictionary knows
  (MeCab splits it into pieces) and is one edit (a letter mistyped, left out or added) away from exactly one
  plan word;
- **a kanji typed wrong for one read the same** (`Vocabulary.homophones`): 評化 -> 評価, 区薬所 -> 区役所, 豊猫区
  -> 豊平区, when the question's compound is no word and pairs a kanji with a neighbour as the plan never does.

(Homophones between real words — 公告 for 広告 — were tried and dropped: most kanji words the plan does
not use are real words, 保険 -> 保健 or 給料 -> 丘陵, and the added noise cost more than it won on the dev
sets. A word the dictionaries know is still never corrected.)

The terms found are added to the question for retrieval (never replacing what the person wrote), except a
kanji typo: that is read as the plan's word in place (`spelled_as_the_plan`), so that what the question asks
about and which ward it names are read from the word meant (豊猫区の面積 is 豊平区's).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz.distance import Levenshtein

from index.analyzer import Analyzer, Token, fold, located, tagged, to_hiragana, to_katakana
from index.jmdict import headwords, kana_headwords, same_meaning
from index.kana_kanji import common_kanji_words
from index.kanji_readings import read_alike
from index.romaji import plain_vowels
from index.romaji import reading as romaji_reading

_KANJI = re.compile(r"[\u3400-\u9fff々]")
_KANA_RUN = re.compile(r"[ぁ-ゖー]{3,}")  # hiragana: katakana words are already written as the plan writes loanwords
_KATAKANA_WORD = re.compile(r"[ァ-ヺー]{3,}")
_MIXED_KANA_RUN = re.compile(r"[ぁ-ゖァ-ヺー]{5,}")
MIN_KANA_FIX = 5  # a shorter katakana word (ルール, ホテル) is one letter from too many kana stretches
_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺー\u3400-\u9fff々]")
MIN_READING = 3  # shorter readings (ク, イエ) match everywhere inside a kana sentence
MAX_READING = 12
MIN_WORD_READING = 4  # a hiragana word inside a kanji question: shorter readings (こと, もの) are everyday words
_WHOLE_KANA_RUN = re.compile(r"(?<![ぁ-ゖー])[ぁ-ゖー]{4,}")
_PARTICLES = ("って", "から", "まで", "の", "で", "を", "に", "は", "が", "も", "と", "へ")
_KANJI_RUN = re.compile(r"[\u3400-\u9fff々]{2,}")
_KANJI_ONLY = re.compile(r"[\u3400-\u9fff々]+")
MAX_COMPOUND = 8  # the longest kanji compound of the plan a typo is looked for in (区役所来庁者)
LOOSE_COMPOUND = 3  # a compound this long is read past rare words inside it (`Vocabulary.homophones`)
KANA_QUESTION_KANJI_SHARE = 0.15  # below this share of kanji among its Japanese characters, a question is "written in kana"


@dataclass
class Vocabulary:
    """The index's words (as the plan writes them) by reading."""

    terms: frozenset[str]
    by_reading: dict[str, tuple[str, ...]] = field(default_factory=dict)
    katakana_terms: tuple[str, ...] = ()
    kana_runs: tuple[str, ...] = ()  # the plan's runs of three hiragana or more (ていね, やまべえ, とよひら)

    def writes_in_kana(self, kana: str) -> bool:
        """Whether the plan writes ``kana`` (hiragana) as it stands: a name such as 「ていね」 is no word to read
        in kanji (手稲)."""
        return any(kana in run for run in self.kana_runs)

    @classmethod
    def build(cls, terms, analyzer: Analyzer, texts: Iterable[str] | None = None) -> Vocabulary:
        """``texts``: the plan's passages, when given the katakana words a typo is corrected to are only
        those the plan writes (ホテル), not the readings the index adds for its kanji (オタル for 小樽)."""
        written = [t for t in terms if len(t) >= 2 and _JAPANESE.search(t) and (_KANJI.search(t) or re.search("[ァ-ヺ]", t))]
        plan = "\n".join(texts) if texts is not None else None
        by_reading: dict[str, list[str]] = defaultdict(list)
        for term in written:
            reading = analyzer.reading(term)
            if MIN_READING <= len(reading) <= MAX_READING and re.fullmatch("[ァ-ヺー]+", reading):
                by_reading[reading].append(term)
        katakana = tuple(sorted(term for term in written
                                if re.fullmatch("[ァ-ヺー]+", term) and (plan is None or term in plan)))
        return cls(frozenset(terms), {r: tuple(sorted(ts, key=lambda t: (len(t), t))) for r, ts in by_reading.items()},
                   katakana, tuple(sorted(set(_KANA_RUN.findall(plan or "")))))

    def to_dict(self) -> dict:
        return {"terms": sorted(self.terms), "by_reading": {r: list(ts) for r, ts in sorted(self.by_reading.items())},
                "katakana_terms": list(self.katakana_terms), "kana_runs": list(self.kana_runs)}

    @classmethod
    def from_dict(cls, data: dict) -> Vocabulary:
        """A vocabulary saved with the index (`to_dict`): loading it reads no word through the dictionary."""
        return cls(frozenset(data["terms"]), {r: tuple(ts) for r, ts in data["by_reading"].items()},
                   tuple(data["katakana_terms"]), tuple(data.get("kana_runs", ())))

    def kana_terms(self, text: str) -> list[str]:
        """Plan words for the kana runs of a question written in kana (longest reading first), and for its
        katakana words the plan does not write but reads (ソウダン -> 相談: a native word in katakana, often
        half-width ｿｳﾀﾞﾝ), whole words only."""
        found = self.katakana_readings(text)
        for run in _KANA_RUN.findall(text):
            kana = to_katakana(run)
            start = 0
            while start <= len(kana) - MIN_READING:
                for end in range(min(len(kana), start + MAX_READING), start + MIN_READING - 1, -1):
                    terms = self.by_reading.get(kana[start:end])
                    if terms:
                        found.extend(terms[:2])
                        start = end
                        break
                else:
                    start += 1
        return found

    def katakana_readings(self, text: str) -> list[str]:
        """Plan words for the question's katakana words the plan does not write but reads (ソウダン -> 相談, a
        staff look-up's ｾｲｶﾂﾎｺﾞ -> 生活保護: a native word in katakana, often half-width), whole words only."""
        return [term for word in _KATAKANA_WORD.findall(text) if word not in self.terms
                for term in self.by_reading.get(word, ())[:2]]

    def kana_words(self, text: str) -> list[str]:
        """Plan words a question mostly in kanji writes in hiragana as a whole word (せいかつほごの事務 -> 生活保護,
        でじたるで -> デジタル): a hiragana run that starts the question or follows a non-hiragana character and,
        with at most one particle cut off each end, is exactly the reading of a plan word of four kana or more.
        Inside a longer run (するのはいつまで) nothing is read: that is grammar, not a word. Nor is a word the
        plan writes in hiragana too (ふるさと) or one the dictionary reads as one word (つながる: its lemma is
        searched already)."""
        found: list[str] = []
        for match in _WHOLE_KANA_RUN.finditer(text):
            run = match.group()
            heads = [run, *(run[len(p):] for p in _PARTICLES if run.startswith(p))]  # 事務をでじたるで
            for word in [cut for head in heads for cut in (head, *(head[: -len(p)] for p in _PARTICLES
                                                                   if head.endswith(p)))]:
                terms = self.by_reading.get(to_katakana(word)) if len(word) >= MIN_WORD_READING else None
                if terms:
                    if word not in self.terms and len(tagged(word)) > 1:
                        found.extend(terms[:2])
                    break
        return found

    def katakana_fixes(self, text: str, analyzer: Analyzer) -> list[str]:
        """Plan words one edit away from an unknown katakana word of the question: a letter mistyped
        (サロソ -> サロン), left out (ビジネチャット -> ビジネスチャット) or doubled (Levenshtein distance 1)."""
        found: list[str] = []
        for word in _KATAKANA_WORD.findall(text):
            if word in self.terms or (len(analyzer.analyze(word)["word"]) <= 1 and not _guessed(word)):
                continue  # a real word (ネット), not a typo
            # a word UniDic knows (カラス, its lemma 烏) is only spelled differently: a long vowel or a small
            # letter (ペーパレス, センタ, ウオーキング), not another word (カラー)
            real = len(tagged(word)) == 1 and not _guessed(word)
            close = [t for t in self.katakana_terms
                     if abs(len(t) - len(word)) <= 1 and Levenshtein.distance(t, word, score_cutoff=1) <= 1
                     and (not real or _plain_katakana(t) == _plain_katakana(word))]
            if len(close) == 1:  # one clear correction only; several mean a guess
                found.append(close[0])
        return found

    def kana_fixes(self, text: str) -> list[str]:
        """The plan's katakana names a question written in kana misspells by one letter (こどにじゃず ->
        コトニジャズ: a sound voiced, a letter left out or added), read in its kana runs: the plan word of five
        letters or more one edit away from a stretch of a run, when exactly one is. (A katakana word in a
        kanji question: `katakana_fixes`.)"""
        found: list[str] = []
        for run in _MIXED_KANA_RUN.findall(text):
            kana = to_katakana(run)
            close = {term for term in self.katakana_terms if len(term) >= MIN_KANA_FIX and term not in kana
                     and any(Levenshtein.distance(term, kana[start:start + size], score_cutoff=1) <= 1
                             for size in (len(term) - 1, len(term), len(term) + 1)
                             for start in range(len(kana) - size + 1))}
            # (ノルディック inside ノルディックウォーキング: the longer word)
            close = {term for term in close if not any(other != term and term in other for other in close)}
            if len(close) == 1:
                found.extend(close)
        return found

    def katakana_clippings(self, text: str) -> list[str]:
        """The plan's loanword a katakana word of the question clips, the one plan word it begins
        (キャラ -> キャラクター, as メンテ is メンテナンス): Japanese shortens loanwords so, and the short form is a word
        of its own to the tokenizer, the long one another."""
        found: list[str] = []
        for word in _KATAKANA_WORD.findall(text):
            if word in self.terms:
                continue
            longer = [term for term in self.katakana_terms
                      if term.startswith(word) and len(term) > len(word) + 1]
            # one JMdict glosses alike (not パート, part-time work, of パートナー), its rest no word (not ネット of
            # ネットワーク: ワーク is a word, the two a compound)
            if (len(longer) == 1 and not kana_headwords([longer[0][len(word):]])
                    and same_meaning(word, longer[0])):
                found.append(longer[0])
        return found

    @cached_property
    def _by_plain_reading(self) -> dict[str, tuple[str, ...]]:
        """The plan's words by reading with long vowels left out (`index.romaji.plain_vowels`)."""
        found: dict[str, list[str]] = defaultdict(list)
        for kana, terms in self.by_reading.items():
            found[plain_vowels(kana)].extend(terms)
        return {kana: tuple(dict.fromkeys(terms)) for kana, terms in found.items()}

    def romaji_terms(self, words: Iterable[str]) -> list[str]:
        """The plan's words for Japanese words written in romaji (`index.romaji.romaji_words`): koseki -> 戸籍,
        kotoni -> 琴似; a reading two of the plan's words share names neither, unless they are one word spelled
        two ways (子供, 子ども)."""
        found: list[str] = []
        for word in words:
            kana = romaji_reading(word)
            terms = self._by_plain_reading.get(plain_vowels(kana), ())
            # the index's own katakana reading of a kanji word (コトニ beside 琴似) only when it is all there is
            terms = tuple(term for term in terms if term != kana) or terms
            if len(terms) == 1 or (len(terms) == 2 and set(terms[0]) & set(terms[1])):  # 子供, 子ども: one word
                found.extend(term for term in terms if term not in found)
        return found

    @cached_property
    def _kanji_pairs(self) -> frozenset[str]:
        """Every two kanji the plan's words write side by side."""
        return frozenset(run[i:i + 2] for term in self.terms for run in _KANJI_RUN.findall(term)
                         for i in range(len(run) - 1))

    @cached_property
    def _kanji_runs(self) -> frozenset[str]:
        """The kanji the plan's words write together: whole compounds (評価) and the kanji of a word written
        with kana too (子育 of 子育て, 仕組 of 仕組み)."""
        return frozenset(run for term in self.terms for run in _KANJI_RUN.findall(term)
                         if len(run) <= MAX_COMPOUND)

    @cached_property
    def _by_blank(self) -> dict[str, tuple[str, ...]]:
        """The plan's kanji runs (`_kanji_runs`) by each spelling with one kanji blanked (評価 -> 評・, ・価)."""
        found: dict[str, list[str]] = defaultdict(list)
        for run in self._kanji_runs:
            for i in range(len(run)):
                found[run[:i] + "\0" + run[i + 1:]].append(run)
        return {blank: tuple(sorted(runs)) for blank, runs in found.items()}

    def homophones(self, text: str) -> list[tuple[str, str]]:
        """The question's compounds written with one kanji swapped for another read the same (KANJIDIC2), each
        with the plan's spelling: 評化 -> 評価, 窓校 -> 窓口, 区薬所 -> 区役所, 豊猫区 -> 豊平区, 飼組 (of 飼組み)
        -> 仕組. Only where the question's compound (a window of a kanji run, longest first) is not the plan's,
        the swapped kanji stands beside a neighbour the plan never pairs it with, and it is part of no word
        the dictionaries know (JMdict or UniDic: 機械 for 機会, 何人 is not 個人, 市立 not 自立, 保険証 not
        検証); one plan spelling per window and kanji, or none."""
        found: list[tuple[str, str]] = []
        folded = fold(text)
        tokens: list[tuple[Token, int]] | None = None
        for match in _KANJI_RUN.finditer(folded):
            run = match.group()
            fixed = {place for place in range(len(run)) if not self._unpaired(run, place)}
            if len(fixed) == len(run):
                continue
            tokens = list(located(tagged(folded), folded)) if tokens is None else tokens
            # a compound of three kanji or more is read past a rare word (町代 in 町代会) and a lone kanji UniDic
            # takes for a verb (罷 of 罷難所): one a kanji away from the plan's 町内会 is hardly a chance
            loose = fixed | _in_words(tokens, run, match.start(), common_kanji_words())
            fixed |= _in_words(tokens, run, match.start())
            verbs = _in_verbs(tokens, run, match.start())
            loose_verbs = _in_verbs(tokens, run, match.start(), inflected=True)
            for size in range(min(len(run), MAX_COMPOUND), 1, -1):
                blocked, in_verbs = (loose, loose_verbs) if size >= LOOSE_COMPOUND else (fixed, verbs)
                for start in range(len(run) - size + 1):
                    window = run[start:start + size]
                    if window in self._kanji_runs or in_verbs.intersection(range(start, start + size)):
                        continue  # (数減 of 「子どもの数減ってる」 is no compound: 減っ is a verb's)
                    for i in (i for i in range(size) if start + i not in blocked):
                        close = [t for t in self._by_blank.get(window[:i] + "\0" + window[i + 1:], ())
                                 if read_alike(t[i], window[i])]
                        if len(close) == 1 and not (blocked is loose and headwords([window])):
                            found.append((window, close[0]))  # the window is the plan's word: its kanji are
                            fixed.update(range(start, start + size))  # not read again
                            loose.update(range(start, start + size))
                            break
        return found

    def spelled_as_the_plan(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """``text`` with its kanji typos (`homophones`) written as the plan writes the word, and the typos."""
        typos = [(typo, word) for typo, word in self.homophones(text) if typo in text]
        for typo, word in typos:
            text = text.replace(typo, word)
        return text, typos

    def _unpaired(self, run: str, place: int) -> bool:
        """Whether the kanji at ``place`` of ``run`` has a neighbour the plan never writes it beside."""
        pairs = (run[max(place - 1, 0):place + 1], run[place:place + 2])
        return any(pair not in self._kanji_pairs for pair in pairs if len(pair) == 2)

    def compounds(self, text: str) -> list[str]:
        """The plan's compounds a question writes as two nouns joined by の (花の苗 -> 花苗)."""
        tokens = tagged(text)
        found = []
        for first, joint, second in zip(tokens, tokens[1:], tokens[2:]):
            if joint.surface == "の" and joint.pos1 == "助詞" and _plain_noun(first) and _plain_noun(second):
                compound = first.surface + second.surface
                if compound in self.terms:
                    found.append(compound)
        return found


_SMALL_KANA = str.maketrans("ァィゥェォッャュョヮヵヶ", "アイウエオツヤユヨワカケ", "ー")


def _plain_katakana(word: str) -> str:
    """A katakana word without its long vowels and with its small letters full size (ペーパーレス -> ペパレス,
    ウォーキング -> ウオキング): how spellings of one loanword compare."""
    return word.translate(_SMALL_KANA)


def _guessed(word: str) -> bool:
    """Whether UniDic does not have ``word`` and MeCab guessed it as one from its letters (ビジネチャット): the
    analyzer reads such a word as one word, as it reads ネット, but it is no word."""
    return any(token.unknown for token in tagged(word))


def _in_words(tokens: list[tuple[Token, int]], run: str, offset: int,
              common: frozenset[str] | None = None) -> set[int]:
    """The places of the kanji run at ``offset`` of the question that no typo is looked for in: inside a word
    the dictionaries know (a word of two kanji or more UniDic reads in the question, its located ``tokens``:
    保険証: 保険; a word JMdict spells or a place or thing JMnedict names, 何人, 市立, 定山渓), a number (何区: 何)
    or a verb (違約金取る: 取). ``common``: only the words of two kanji or more among these (JMdict's common
    spellings), and verbs written with their kana."""
    places: set[int] = set()
    for token, start in tokens:
        kanji_only = bool(_KANJI_ONLY.fullmatch(token.surface))
        if ((len(token.surface) >= 2 and not token.unknown and (common is None or not kanji_only
                                                               or token.surface in common))
                or token.pos2 == "数詞" or token.pos1 == "代名詞"
                or token.pos1 in ("動詞", "形容詞") and (common is None or not kanji_only)):
            end = start + len(token.surface)
            places.update(p - offset for p in range(start, end) if offset <= p < offset + len(run))
    spans = [(a, b) for a in range(len(run)) for b in range(a + 2, min(len(run), a + MAX_COMPOUND) + 1)]
    words = headwords(run[a:b] for a, b in spans)
    words = words if common is None else words & common
    for a, b in spans:
        if run[a:b] in words:
            places.update(range(a, b))
    return places


def _in_verbs(tokens: list[tuple[Token, int]], run: str, offset: int, inflected: bool = False) -> set[int]:
    """The places of the kanji run at ``offset`` that a verb or adjective of the question writes (減 of
    減って); ``inflected``: only one written with its kana."""
    return {p - offset for token, start in tokens if token.pos1 in ("動詞", "形容詞")
            and not (inflected and _KANJI_ONLY.fullmatch(token.surface))
            for p in range(start, start + len(token.surface)) if offset <= p < offset + len(run)}


def _plain_noun(token: Token) -> bool:
    return token.pos1 == "名詞" and token.pos2 != "数詞" and bool(_JAPANESE.search(token.surface))


def written_in_kana(text: str) -> bool:
    """Whether ``text`` is written (almost) all in kana: under `KANA_QUESTION_KANJI_SHARE` of its kanji and
    hiragana are kanji — katakana left out when there are enough of those (「ネットで申し込めるのはいつから？」 writes ネット as
    anyone does, and its いつ is no ハイツ), counted in a question of katakana alone (ｿｳﾀﾞﾝﾏﾄﾞｸﾞﾁ)."""
    japanese = _JAPANESE.findall(text)
    written = [ch for ch in japanese if not _KATAKANA_CHAR.match(ch)]
    if len(written) >= 4:
        japanese = written
    return len(japanese) >= 4 and sum(bool(_KANJI.match(ch)) for ch in japanese) / len(japanese) < KANA_QUESTION_KANJI_SHARE


_KATAKANA_CHAR = re.compile(r"[ァ-ヺ]")


_WARD_READINGS: dict[str, str] = {}
# after a ward's name: a particle, or anything but more hiragana (きたくの公園 is 北区; きたくしたら is 帰宅)
_AFTER_PLACE = r"(?=[のでにはをへとがもっだ]|[^ぁ-ゖ]|$)"


def kanji_wards(text: str, wards: Iterable[str], analyzer: Analyzer) -> str:
    """``text`` with the ward names it writes in hiragana written as the plan does (きよたくの公園 ->
    清田区の公園). A question mostly in kanji is not read as kana (`written_in_kana`), yet people who
    know a place by ear write its name so; and in a whole-kana question the name left in kana also
    matched other words (ていねく -> the mascot 「ていね」). A reading counts only as a whole word, not
    inside a longer hiragana run (きたくしたら is 帰宅)."""
    for ward in wards:
        if ward not in _WARD_READINGS:
            _WARD_READINGS[ward] = to_hiragana(analyzer.reading(ward))
        reading = _WARD_READINGS[ward]
        if len(reading) >= MIN_READING:
            text = re.sub(rf"(?<![ぁ-ゖ]){re.escape(reading)}{_AFTER_PLACE}", ward, text)
        if ward.endswith("区") and reading.endswith("く") and len(reading) >= MIN_READING:
            # the name half in kana, half in kanji: きよた区, キヨタ区 (the place's reading before 区), 西く
            # (the place's kanji before く)
            stem = reading[:-1]
            spelled = "|".join(map(re.escape, (stem, to_katakana(stem))))
            text = re.sub(rf"(?<![ぁ-ゖァ-ヺー])(?:{spelled})区", ward, text)
            text = re.sub(rf"{re.escape(ward[:-1])}く{_AFTER_PLACE}", ward, text)
    return text


def respell(text: str, vocabulary: Vocabulary, analyzer: Analyzer, in_kana: bool | None = None) -> list[str]:
    """The plan's spellings of what the question writes differently (new terms only, in order).
    ``in_kana``: whether the question was written in kana (`written_in_kana`), when ``text`` is the question
    with its ward's name already in kanji (`kanji_wards`); by default, ``text``'s own script decides."""
    text = unicodedata.normalize("NFKC", text)  # half-width katakana (ｿｳﾀﾞﾝ) as the plan writes katakana
    in_kana = written_in_kana(text) if in_kana is None else in_kana
    found = ([*vocabulary.kana_terms(text), *vocabulary.kana_fixes(text)] if in_kana
             else [*vocabulary.katakana_readings(text), *vocabulary.kana_words(text)])
    found += vocabulary.katakana_fixes(text, analyzer)
    found += vocabulary.katakana_clippings(text)
    found += vocabulary.compounds(text)
    lowered = text.lower()
    return [t for t in dict.fromkeys(found) if t.lower() not in lowered]
