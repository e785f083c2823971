"""Japanese words an English question writes in romaji (koseki, Jozankei, Hassamu): read in kana and found
among the plan's words by reading (`index.respell.Vocabulary.romaji_terms`).

People who ask in English name a Japanese place or institution as they hear it: "Where do I get a koseki
copy?", "Is Jozankei in Minami ward?". JMdict translates neither (no gloss says koseki), and the embedding
model reads them as noise. A word is read as romaji only when it is made of Hepburn syllables and no JMdict
gloss uses it as an English word (same, take and note are English; koseki is not); `jaconv` writes it in kana.
Romaji drops long vowels (Jozankei for じょうざんけい, Chuo for ちゅうおう), so readings are compared with them
left out (`plain_vowels`).
"""

from __future__ import annotations

import re

import jaconv

from index.analyzer import to_katakana

MIN_LETTERS = 4  # shorter Latin words (ken, shi, NPO) are too often an abbreviation or another word
# A Hepburn syllable, a syllabic n, or a doubled consonant (kk, ss, tch): a word made of these may be romaji.
_SYLLABLE = (r"(?:(?:[kgnhbpmr]y|sh|ch|j|ts|[kgsztdnhbpmyrwf])?[aiueo]|n(?![aiueoy])|"
             r"([kgsztdhbpmrf])(?=\1)|t(?=ch))")
_ROMAJI = re.compile(rf"(?:{_SYLLABLE})+")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_O_ROW = frozenset("オコゴソゾトドノホボポモヨョロヲォ")
_U_ROW = frozenset("ウクグスズツヅヌフブプムユュルゥ")


def romaji_words(text: str, english: frozenset[str]) -> list[str]:
    """The words of ``text`` that may be Japanese in romaji, lower-cased: at least `MIN_LETTERS` letters, only
    Hepburn syllables, none of ``english`` (the words English glosses use). Hyphens part words (Teine-yama).

    >>> romaji_words("Where do I get a koseki copy for my name?", frozenset({"where", "copy", "name"}))
    ['koseki']
    """
    found = []
    for word in _LATIN_WORD.findall(text):
        word = word.lower()
        if len(word) >= MIN_LETTERS and word not in english and _ROMAJI.fullmatch(word) and word not in found:
            found.append(word)
    return found


def reading(word: str) -> str:
    """A romaji word in katakana: koseki -> コセキ, hassamu -> ハッサム."""
    return to_katakana(jaconv.alphabet2kana(word))


def plain_vowels(kana: str) -> str:
    """A katakana reading with its long vowels left out, as romaji leaves them out: ジョウザンケイ -> ジョザンケイ,
    チュウオウ -> チュオ, オオドオリ -> オドリ, コーヒー -> コヒ."""
    plain: list[str] = []
    for char in kana:
        previous = plain[-1] if plain else ""
        if char == "ー" or (char == "ウ" and (previous in _O_ROW or previous in _U_ROW)) or \
                (char == "オ" and previous in _O_ROW):
            continue
        plain.append(char)
    return "".join(plain)
