"""English words -> the plan's own Japanese words, from JMdict.

The hand-written `en_ja.tsv` covers the English the bundled question sets use; a citizen's English
reaches further ("caregiver", "point of contact", "weekday", "startup"). JMdict (the `jamdict-data`
package ships it as an SQLite database) gives every Japanese headword its English glosses; kept are
only headwords the plan itself uses (the lexical index's words) and glosses that name at most
`MAX_HEADWORDS` of them, so "support" (サポート, 協賛, 後押し, …) adds nothing while "caregiver" adds
介護者. An English word JMdict does not translate may be a loanword the plan writes in katakana
(`index.loanwords`: "nudge" -> ナッジ). Built from the index's vocabulary when the first English question
arrives (~0.2 s: only the plan's words' entries are read, through the tables' indexes).
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from index.loanwords import loanwords

log = logging.getLogger(__name__)

MAX_HEADWORDS = 3  # a gloss naming more of the plan's words than this is too vague to search with
MAX_GLOSS_WORDS = 3  # "point of contact" yes, a whole explanatory sentence no (stop words not counted:
MAX_PHRASE_WORDS = 6  # "lily of the valley" is two words and two stop words)
_STOP = frozenset(ENGLISH_STOP_WORDS) | {"one's", "oneself", "thing", "things", "something", "someone"}
_ENGLISH_WORD = re.compile(r"[a-z][a-z'-]*")
_KATAKANA = re.compile(r"[ァ-ヶー]{2,}")
_PARENTHESES = re.compile(r"\([^)]*\)")
_HEADWORDS = "SELECT idseq, text FROM {table} WHERE text IN (SELECT value FROM json_each(?))"
_ALL_ENGLISH = "SELECT text FROM SenseGloss WHERE lang = 'eng'"
_ENGLISH_GLOSSES = ("SELECT s.idseq, g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID "
                    "WHERE g.lang = 'eng' AND s.idseq IN (SELECT value FROM json_each(?))")


# British spellings in American ones, for a phrase no gloss spells as written (JMdict glosses use both, a
# headword often only one of them: 集約化 is "centralization"; merged, "colour" and "color" would name too many
# of the plan's words): -ise/-isation -> -ize/-ization, -yse -> -yze, -our -> -or, -tre -> -ter, -ogue -> -og,
# -mme -> -m; words of five letters or fewer stay (hour, tour, flour)
_BRITISH = ((re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
            (re.compile(r"(?<=[a-z]{3})ys(e|es|ed|ing)$"), r"yz\1"),
            (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites|able|hood|hoods)?$"), r"or\1"),
            (re.compile(r"(?<=[a-z]{3})tre(s)?$"), r"ter\1"),
            (re.compile(r"(?<=[a-z]{3})ogue(s)?$"), r"og\1"),
            (re.compile(r"(?<=[a-z]{4})mme(s)?$"), r"m\1"))


def _american(word: str) -> str:
    """``word`` in American spelling (centralise -> centralize, neighbour -> neighbor, centre -> center)."""
    if len(word) > 5:
        for pattern, replacement in _BRITISH:
            word = pattern.sub(replacement, word)
    return word


def _fold(word: str) -> str:
    """Plural, -ing and -ed endings off (applied alike to glosses and questions): supports ~ support."""
    return re.sub(r"(ies|es|s|ing|ed)$", "", word) if len(word) > 4 else word


# A verb's noun in -ation, as JMdict glosses a する noun (標準化: "standardization"; 自動化: "automation"), from
# the verb as `_fold` left it (standardiz of standardized, automat of automated, simplifi of simplified).
_VERB_NOUNS = ((re.compile(r"(?<=[a-z]{3})iz(?:e)?$"), "ization"),
               (re.compile(r"(?<=[a-z]{3})at(?:e)?$"), "ation"),
               (re.compile(r"(?<=[a-z]{3})if(?:y|i)$"), "ification"))


def _nouns_of(folded: str) -> list[str]:
    """The nouns in -ation a folded verb may have (standardiz -> standardization)."""
    return [pattern.sub(ending, folded) for pattern, ending in _VERB_NOUNS if pattern.search(folded)]


def _key(text: str, american: bool = False, singular: bool = False) -> tuple[str, ...]:
    """``text``'s words folded (`_fold`); with ``american``, in American spelling first (`_american`); with
    ``singular``, a plural in -ies as its singular (companies -> company, not compan)."""
    words = _ENGLISH_WORD.findall(text.lower())
    if singular:
        words = [word[:-3] + "y" if len(word) > 4 and word.endswith("ies") else word for word in words]
    return tuple(_fold(_american(word) if american else word) for word in words)


# A Snowball stemmer keeps the word it works on in itself: one per thread (the server's workers).
_THREAD = threading.local()


# memoized: a question tries each word in every phrase window, ~200 stems an English question
@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    stemmer = getattr(_THREAD, "stemmer", None)
    if stemmer is None:
        stemmer = _THREAD.stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


def _stem_key(key: tuple[str, ...]) -> tuple[str, ...]:
    """A folded phrase's Snowball stems: the looser key, for words no gloss spells alike (evaluate ~
    evaluation, consult ~ consultation, evacuate ~ evacuation)."""
    return tuple(_stem(word) for word in key)


def database_path() -> Path | None:
    """JMdict's SQLite file from `jamdict-data`, or None when the package is not installed."""
    try:
        import jamdict_data
    except ImportError:
        return None
    path = Path(jamdict_data.JAMDICT_DB_PATH)
    return path if path.is_file() else None


def _connection() -> sqlite3.Connection | None:
    """This thread's read-only connection to JMdict (a sqlite3 connection stays in its own thread)."""
    connection = getattr(_THREAD, "connection", None)
    if connection is None and (path := database_path()) is not None:
        connection = _THREAD.connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        connection.execute("PRAGMA cache_size = -256")  # 256 KiB: a server's 40 worker threads hold one each
    return connection


# JMnedict's names of places and things, not of people: nearly any two kanji are someone's given name (助生, 保善)
_NAMED_THINGS = ("place", "station", "organization", "company", "product", "work", "service", "event")
# (CROSS JOIN keeps SQLite's planner on the few names asked, not on every place JMnedict has: 0.1 s -> 1 ms)
_SPELLED = ("SELECT text FROM Kanji WHERE text IN (SELECT value FROM json_each(?1)) "
            "UNION SELECT k.text FROM NEKanji k CROSS JOIN NETranslation t ON t.idseq = k.idseq "
            "CROSS JOIN NETransType y ON y.tid = t.ID WHERE k.text IN (SELECT value FROM json_each(?1)) "
            f"AND y.text IN ({', '.join(repr(kind) for kind in _NAMED_THINGS)})")


def headwords(texts: Iterable[str]) -> frozenset[str]:
    """Which of ``texts`` JMdict spells a word with, or JMnedict a place or a thing (何人, 市立, 順化, 定山渓: yes;
    評化, 区薬所, and the given name 助生: no); none without `jamdict-data`."""
    return _found(_SPELLED, texts)


_KANA_WORDS = "SELECT DISTINCT text FROM Kana WHERE text IN (SELECT value FROM json_each(?))"


def kana_headwords(texts: Iterable[str]) -> frozenset[str]:
    """Which of ``texts`` JMdict writes a word with in kana (ワーク, ネット: yes; クター: no); none without
    `jamdict-data`."""
    return _found(_KANA_WORDS, texts)


# (CROSS JOIN keeps SQLite to this order, from the indexed kana: led by SenseGloss's language it scanned ~120 ms)
_KANA_GLOSSES = ("SELECT k.text, g.text FROM Kana k CROSS JOIN Sense s ON s.idseq = k.idseq "
                 "CROSS JOIN SenseGloss g ON g.sid = s.ID WHERE k.text IN (?, ?) AND +g.lang = 'eng'")


def same_meaning(word: str, other: str) -> bool:
    """Whether JMdict glosses the kana words ``word`` and ``other`` alike (キャラ and キャラクター: "character"; パート
    and パートナー: no); False without `jamdict-data`."""
    connection = _connection()
    if connection is None:
        return False
    glosses: dict[str, set[str]] = {word: set(), other: set()}
    for text, gloss in connection.execute(_KANA_GLOSSES, (word, other)):
        glosses[text].add(_PARENTHESES.sub("", gloss).strip().lower())
    return bool(glosses[word] & glosses[other])


# (CROSS JOIN from the indexed kanji spellings, as `_KANA_GLOSSES`)
_KANJI_GLOSSES = ("SELECT k.text, s.ID, g.text FROM Kanji k CROSS JOIN Sense s ON s.idseq = k.idseq "
                  "CROSS JOIN SenseGloss g ON g.sid = s.ID WHERE k.text IN (SELECT value FROM json_each(?)) "
                  "AND +g.lang = 'eng'")


@lru_cache(maxsize=1 << 14)
def first_senses(words: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The English glosses of each kanji word's first sense in JMdict (会社: company, corporation; 企業:
    enterprise, business, company, corporation); none without `jamdict-data`."""
    connection = _connection() if words else None
    if connection is None:
        return {}
    first: dict[tuple[str, int], set[str]] = defaultdict(set)
    entries: dict[str, int] = {}
    asked = json.dumps(sorted(set(words)), ensure_ascii=False)
    for text, sense, gloss in connection.execute(_KANJI_GLOSSES, (asked,)):
        entries[text] = min(entries.get(text, sense), sense)
        first[(text, sense)].add(_PARENTHESES.sub("", gloss).strip().lower())
    return {text: frozenset(first[(text, sense)]) for text, sense in entries.items()}


_PARTICLES = ("SELECT DISTINCT k.text FROM Kana k CROSS JOIN Sense s ON s.idseq = k.idseq "
              "CROSS JOIN pos p ON p.sid = s.ID WHERE k.text IN (SELECT value FROM json_each(?)) "
              "AND p.text = 'particle'")


def particles(texts: Iterable[str]) -> frozenset[str]:
    """Which of ``texts`` JMdict reads as a particle (とか, のに, だけ: yes; はな: no); none without
    `jamdict-data`."""
    return _found(_PARTICLES, texts)


def _found(query: str, texts: Iterable[str]) -> frozenset[str]:
    """Which of ``texts`` ``query`` (asked with them as a JSON array) returns; none without `jamdict-data`."""
    texts = sorted(set(texts))
    connection = _connection() if texts else None
    if connection is None:
        return frozenset()
    rows = connection.execute(query, (json.dumps(texts, ensure_ascii=False),))
    return frozenset(text for (text,) in rows)


@lru_cache(maxsize=2)
def english_words(path: Path) -> frozenset[str]:
    """Every word JMdict's English glosses use (~68,000; read once per process, ~0.6 s)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return frozenset(word for (gloss,) in connection.execute(_ALL_ENGLISH)
                         for word in re.findall("[a-z]+", gloss.lower()))
    finally:
        connection.close()


@dataclass(frozen=True)
class Glosses:
    """English gloss (folded words) -> the plan's Japanese words it translates (none when it names too many
    of them to search with)."""

    by_key: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    # the same by the glosses' stems (`_stem_key`), asked only of a phrase no gloss spells alike
    by_stem: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    # the plan's katakana words, for loanwords JMdict lacks (`index.loanwords`)
    katakana: frozenset[str] = frozenset()
    # one-word glosses of the plan's words, however vague (city: 市, 都市, …)
    glossed: frozenset[str] = frozenset()
    # every word JMdict's English glosses use: a word outside them may be Japanese in romaji (`index.romaji`)
    english: frozenset[str] = frozenset()
    # the glosses in American spelling (`_american`), by key and by stem, asked of a phrase neither of the
    # above knows: "neighborhood" meets 近所's "neighbourhood", "centralise" 集約化's "centralization"
    american: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    american_stem: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    # words too vague to translate whose translations include their own loanword, which the plan writes on its
    # own (center: センター of 行政事務センター among 中央, 中心, 中枢, …): searched as that loanword
    loanable: frozenset[str] = frozenset()

    @classmethod
    def build(cls, plan_words: Iterable[str], path: Path | None = None, texts: Iterable[str] = (),
              document_title: str = "") -> Glosses:
        """``texts``: the plan's passages, where a loanword must stand on its own to be searched for a vague
        word (`loanable`) — not only inside a longer one, nor in ``document_title`` (plan is not プラン of
        アクションプラン)."""
        words = {w for w in plan_words if len(w) >= 2}
        katakana = frozenset(w for w in words if len(w) >= 3 and _KATAKANA.fullmatch(w))
        path = path or database_path()
        if path is None:
            log.warning("jamdict-data is not installed: English questions use the bundled en_ja.tsv only")
            return cls(katakana=katakana)
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            # looked up through the tables' text and idseq indexes: only the plan's words' entries are read
            heads: dict[int, set[str]] = defaultdict(set)
            plan_words = json.dumps(sorted(words), ensure_ascii=False)
            for entry, text in connection.execute(_HEADWORDS.format(table="Kanji"), (plan_words,)):
                heads[entry].add(text)
            for entry, text in connection.execute(_HEADWORDS.format(table="Kana"), (plan_words,)):
                if _KATAKANA.fullmatch(text):  # loanwords; hiragana readings are too ambiguous
                    heads[entry].add(text)
            by_key: dict[tuple[str, ...], set[str]] = defaultdict(set)
            by_stem: dict[tuple[str, ...], set[str]] = defaultdict(set)
            american: dict[tuple[str, ...], set[str]] = defaultdict(set)
            american_stem: dict[tuple[str, ...], set[str]] = defaultdict(set)
            for entry, gloss in connection.execute(_ENGLISH_GLOSSES, (json.dumps(sorted(heads)),)):
                phrase = re.sub(r"^to ", "", _PARENTHESES.sub("", gloss.lower()).strip())
                key = _key(phrase)
                content = [word for word in key if word not in _STOP]
                if content and len(content) <= MAX_GLOSS_WORDS and len(key) <= MAX_PHRASE_WORDS:
                    by_key[key].update(heads[entry])
                    by_stem[_stem_key(key)].update(heads[entry])
                    american[us := _key(phrase, american=True)].update(heads[entry])
                    american_stem[_stem_key(us)].update(heads[entry])
        finally:
            connection.close()
        return cls(_precise(by_key, keep_vague=True), _precise(by_stem), katakana,
                   frozenset(key[0] for key in by_key if len(key) == 1), english_words(path),
                   _precise(american, keep_vague=True), _precise(american_stem),
                   _loanable(by_key, list(texts), document_title))

    def terms(self, english: str) -> list[str]:
        """The plan's words for ``english``'s phrases, longest phrase first, left to right.

        >>> Glosses({("caregiver",): ("介護者",)}).terms("Support for family caregivers?")
        ['介護者']
        """
        words, american = _key(english), _key(english, american=True)
        # a plural in -ies is looked up as its singular first ("companies" meets the gloss "company", 企業:
        # folded to "compan" it met none, and "policies", folded to "polic", met police's 警察 by its stem);
        # the glosses' own plurals keep their key (設備's "facilities" is not merged into "facility"), so no
        # singular's translations grow vaguer
        singular = _key(english, singular=True)
        american_singular = _key(english, american=True, singular=True)
        found: list[str] = []
        start = 0
        while start < len(words):
            for size in range(min(MAX_PHRASE_WORDS, len(words) - start), 0, -1):
                phrase, span = words[start : start + size], slice(start, start + size)
                # (not found as written: in American spelling, "centralise" of 集約化's "centralization")
                terms = (self._lookup(singular[span])
                         or self._lookup(american_singular[span], american=True))
                if terms is None and singular[span] != phrase:
                    terms = self._lookup(phrase) or self._lookup(american[span], american=True)
                if terms is None and size == 1:  # "standardized": the gloss is the noun, "standardization"
                    terms = next((named for noun in _nouns_of(american[start])
                                  if (named := self._lookup((noun,)))), None)
                if terms and not (size == 1 and phrase[0] in _STOP):
                    found.extend(t for t in terms if t not in found)
                    start += size
                    break
            else:
                start += 1
        return found

    def _lookup(self, phrase: tuple[str, ...], american: bool = False) -> tuple[str, ...] | None:
        # a phrase some gloss spells alike is not looked up by its stem, even when too vague to search with
        # ("house" -> 家, 住宅, 住居, …; its stem is that of "housing")
        by_key, by_stem = (self.american, self.american_stem) if american else (self.by_key, self.by_stem)
        return by_key[phrase] if phrase in by_key else by_stem.get(_stem_key(phrase))

    def loanwords(self, english: str) -> list[str]:
        """The plan's katakana loanwords ``english`` names (`index.loanwords`: nudge -> ナッジ), for the words
        JMdict does not translate into any of the plan's words (city -> 市, not シティー).

        >>> Glosses(katakana=frozenset({"ナッジ"})).loanwords("What is a nudge?")  # doctest: +SKIP
        ['ナッジ']
        """
        translated = {word for word in _ENGLISH_WORD.findall(english.lower())
                      if _fold(word) in self.glossed and _fold(word) not in self.loanable}
        return loanwords(english, self.katakana, translated)


# A run of katakana, the middle dot splitting it (ソーシャル・インパクト・ボンド).
_KATAKANA_RUN = re.compile(r"[ァ-ヶー]+")


def _loanable(by_key: dict[tuple[str, ...], set[str]], texts: list[str],
              document_title: str) -> frozenset[str]:
    """The one-word glosses too vague to search with (`MAX_HEADWORDS`) whose translations include the word's
    own loanword, which the plan writes on its own, outside its title, in more passages than any other of
    them: the plan's own word for it (center: センター in 14 passages, 中心 in 8; not city: シティー, only in a
    department's name; not project: 事業 in 68, プロジェクト in 3; not plan: プラン of アクションプラン)."""
    standalone = {run for text in texts for run in _KATAKANA_RUN.findall(text)}

    def passages(term: str) -> int:
        return sum(term in text for text in texts)

    def own_word(english: str, terms: set[str]) -> bool:
        loans = [term for term in terms if _KATAKANA.fullmatch(term) and term in standalone
                 and term not in document_title and loanwords(english, {term})]
        return bool(loans) and passages(loans[0]) >= max(passages(term) for term in terms)

    return frozenset(key[0] for key, terms in by_key.items()
                     if len(key) == 1 and len(terms) > MAX_HEADWORDS and own_word(key[0], terms))


def _precise(by_key: dict[tuple[str, ...], set[str]],
             keep_vague: bool = False) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The glosses that name at most `MAX_HEADWORDS` of the plan's words; with ``keep_vague``, the others
    too, as naming none."""
    return {key: tuple(sorted(terms)) if len(terms) <= MAX_HEADWORDS else ()
            for key, terms in by_key.items() if keep_vague or len(terms) <= MAX_HEADWORDS}
