"""English questions: add the plan's Japanese vocabulary for the English terms they use.

The default model (multilingual-e5-small) matches English questions to Japanese passages only
weakly, and the Japanese lexical index cannot match ordinary English words (only the plan's few Latin
words, which an English question then hits by accident); appending the Japanese terms from a small
bundled glossary (``en_ja.tsv``), backed by JMdict's translations among the plan's own words
(`index.jmdict`), lets both sides work: the dense side embeds the question with them,
the lexical side searches the terms and the question's acronyms only (`lexical_text`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from index.jmdict import Glosses
from planqa.io import read_tsv

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_TERM = re.compile(r"[A-Za-z0-9\u3040-\u30ff\u3400-\u9fff]")


@lru_cache(maxsize=1)
def _glossary() -> list[tuple[re.Pattern[str], str]]:
    text = resources.files("index").joinpath("en_ja.tsv").read_text(encoding="utf-8")
    entries = [(english.lower(), japanese) for english, japanese in read_tsv(text)]
    entries.sort(key=lambda e: -len(e[0]))  # longest phrase first: "bulky garbage" before "garbage"
    return [(re.compile(rf"\b(?:{'|'.join(map(re.escape, _number_forms(en)))})\b"), ja) for en, ja in entries]


def _number_forms(phrase: str) -> tuple[str, ...]:
    """A glossary phrase in the singular and the plural, whichever it was written in: "foreign residents"
    also matches "a foreign resident", "university" also "universities" (the last word inflects)."""
    if phrase.endswith("ies"):
        singular = phrase[:-3] + "y"
    elif phrase.endswith(("xes", "ches", "shes")):
        singular = phrase[:-2]
    elif phrase.endswith("s") and not phrase.endswith(("ss", "us", "is")):
        singular = phrase[:-1]
    else:
        singular = phrase
    if singular.endswith("y") and not singular.endswith(("ay", "ey", "oy", "uy")):
        plural = singular[:-1] + "ies"
    elif singular.endswith(("x", "ch", "sh", "s")):
        plural = singular + "es"
    else:
        plural = singular + "s"
    return tuple(dict.fromkeys((plural, singular, phrase)))


def is_english(query: str) -> bool:
    """True for a question written in Latin script with no Japanese characters."""
    return not _JAPANESE.search(query) and len(_LATIN_WORD.findall(query)) >= 1


# Ordinary English words are left out of an English question's lexical search: the plan's few Latin words
# ("Team-Sapporo Hokkaido", "Park-PFI") would otherwise win on "Sapporo" or "park" alone. Acronyms stay
# (AI, ICT, NPO, SNS, RPA): the plan writes them as the question does.
_ORDINARY_WORD = re.compile(r"\b(?![A-Z][A-Z0-9]+\b)[A-Za-z][A-Za-z'’]*\b")


def lexical_text(search_text: str) -> str:
    """What an English question searches the lexical index with: its acronyms and the Japanese terms
    added to it (`expand_english`, respellings, a conversation's topic), without ordinary English words.

    >>> lexical_text("Is the city using AI for paperwork in Sapporo? 生成AI")
    'AI 生成AI'
    """
    kept = _ORDINARY_WORD.sub(" ", search_text)
    return " ".join(token for token in kept.split() if _TERM.search(token))


# "Is the city planning to merge …", "Are they going to …": the frame of a question about what will happen, no
# topic to translate (planning -> 企画, 立案, 計画的 led one to an initiative about planning)
_FRAME = re.compile(r"\b(?:planning|plans?|going|trying|hoping|intending|intends?)\s+(?:on\s+)?to\b", re.I)


def expand_english(query: str, glosses: Glosses | None = None) -> str:
    """``'Can I apply for bulky garbage collection online?'`` -> the query plus ``大型ごみ 申込 …``
    (the caller has decided the query is English: `is_english`): the bundled glossary's terms, then
    JMdict's translations among the plan's words (``glosses``, `index.jmdict`), then the plan's katakana
    loanwords among the words the glossary left (nudge -> ナッジ)."""
    remaining = _FRAME.sub(" ", query.lower())
    terms: list[str] = []
    for pattern, japanese in _glossary():
        if pattern.search(remaining):
            remaining = pattern.sub(" ", remaining)
            terms.extend(t for t in japanese.split() if t not in terms)
    if glosses is not None:
        terms.extend(t for t in glosses.terms(_FRAME.sub(" ", query)) if t not in terms)
        # loanwords only among the words the bundled glossary left (ward is 区, not ワード)
        terms.extend(t for t in glosses.loanwords(remaining) if t not in terms)
    return f"{query} {' '.join(terms)}" if terms else query


_WORD = re.compile(r"[a-z][a-z'’-]*")
# What a payment question pays and by what (「…pay my city taxes by bank transfer online?」): the words between
# "pay" and the means' preposition, and those after it.
_MEANS = re.compile(r"\bpay\b(.{0,40}?)\b(?:by|with|using|via)\s+([^.?!]+)", re.IGNORECASE)


def payment_means(question: str, glosses: Glosses | None = None) -> tuple[str, ...]:
    """What an English payment question pays and the means it pays by, in the plan's words, one entry per part
    with its translations as alternatives (`phrase_terms`): "pay my city taxes by bank transfer online" ->
    (市税, 口座振替, オンライン|インターネット); none when it names no means or a word of either has no
    translation among the plan's words ("with a credit card": credit has none) — what a passage must name
    all of to answer, as a Japanese question's means (`index.unstated.condition_of`), and what is paid: "pay
    city tax by smartphone" is not answered by the passage helping older people with their スマホ."""
    found = _MEANS.search(question)
    if not found:
        return ()
    paid, means = phrase_terms(found.group(1), glosses), phrase_terms(found.group(2), glosses)
    return (*paid, *means) if paid is not None and means else ()


# A translation that is a verb or an adjective (立てる, 置く), not a thing.
_INFLECTED = re.compile(r"[ぁ-ゖ]$")


def phrase_terms(phrase: str, glosses: Glosses | None = None) -> tuple[str, ...] | None:
    """The plan's words for each part of an English phrase, its translations joined by ``|``
    (`expand_english`): "bank transfer online" -> (口座振替, オンライン|インターネット), "bank transfer" translated
    as a whole; None when a word of it, stop words apart, has none ("credit card": card is カード, credit
    nothing the plan writes)."""
    words = _WORD.findall(phrase.lower())

    def terms(span: list[str]) -> list[str]:
        text = " ".join(span)
        return expand_english(text, glosses)[len(text):].split()

    found: list[str] = []
    start = 0
    while start < len(words):
        if words[start] in ENGLISH_STOP_WORDS:
            start += 1
            continue
        for size in range(min(3, len(words) - start), 0, -1):
            span = words[start: start + size]
            parts = {term for end in range(1, size) for term in (*terms(span[:end]), *terms(span[end:]))}
            own = [term for term in terms(span) if term not in parts]  # the span's own: 口座振替, not カード
            if own and all(_INFLECTED.search(term) for term in own):
                start += size  # ("bank transfer set up online": set up is 立てる, 置く — what is done, no means)
                break
            if own:
                found.append("|".join(own))
                start += size
                break
        else:
            return None
    return tuple(dict.fromkeys(found))


# What an English figure question counts ("How many complaints …", "the number of inquiries to …"): up to
# four words after "how many" or "number of", cut at the first stop word (to, does, …); a count of anyone or
# of time (people, staff, hours) names nothing a row must name — the row's unit answers those.
_COUNT_OF = re.compile(r"\b(?:how many|(?:number|count|share|percentage|proportion) of(?: the| all)?) "
                       r"((?:[a-z][a-z'’-]* ?){1,4})", re.IGNORECASE)
_ANYONE_OR_TIME = frozenset({
    "people", "persons", "person", "residents", "citizens", "staff", "employees", "workers", "times",
    "things", "ones", "kinds", "types", "years", "months", "weeks", "days", "hours", "minutes", "percent",
    "yen"})
# the verbs that end the counted thing besides the stop words ("complaints does the city get")
_AUXILIARIES = ENGLISH_STOP_WORDS | frozenset({
    "does", "did", "doing", "get", "gets", "got", "going", "take", "took", "taken", "make", "made", "use",
    "used", "reach", "reached"})


def measured_terms(question: str, glosses: Glosses | None = None) -> tuple[str, ...]:
    """The plan's words for what an English figure ``question`` counts, a part's translations joined by ``|``
    (`phrase_terms`): "How many online applications does the center get?" -> (オンライン|インターネット,
    申込|申請); none when it counts anyone or a time, or a word of it has no translation — what an answering
    passage must name one part of, as a Japanese question's counted noun (`index.units.measured_noun`).
    Asked with the bundled glossary only (no ``glosses``), the caller's choice: JMdict's translations of one
    word are too loose to refuse an answer by ("deals": プラン)."""
    found = _COUNT_OF.search(question)
    if found is None:
        return ()
    words = []
    for word in found.group(1).lower().split():
        if word in _AUXILIARIES:
            break
        words.append(word)
    if not words or words[0] in _ANYONE_OR_TIME:
        return ()
    return phrase_terms(" ".join(words), glosses) or ()

