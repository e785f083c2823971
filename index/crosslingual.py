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
