"""Japanese words an English question writes in romaji: which words are read, how, and what they find."""

from __future__ import annotations

import pytest

from index.respell import Vocabulary
from index.romaji import plain_vowels, reading, romaji_words

ENGLISH = frozenset({"where", "do", "get", "a", "copy", "same", "take", "note", "river", "the", "in", "is"})


def test_words_of_hepburn_syllables_no_english_gloss_uses_are_read_as_romaji():
    assert romaji_words("Where do I get a koseki copy?", ENGLISH) == ["koseki"]
    assert romaji_words("Is the same note in Hassamu?", ENGLISH) == ["hassamu"]  # same, note: English
    assert romaji_words("Teine-yama, Jozankei and Shirahatayama", ENGLISH) == ["teine", "yama", "jozankei",
                                                                               "shirahatayama"]


@pytest.mark.parametrize("word", ["strength", "tiktok", "marche", "nordic", "chatgpt", "ebpm", "ken"])
def test_words_that_are_no_romaji_or_too_short_are_not_read(word):
    assert romaji_words(word, frozenset()) == []


@pytest.mark.parametrize(("word", "kana"), [("koseki", "コセキ"), ("hassamu", "ハッサム"), ("jozankei", "ジョザンケイ"),
                                            ("kuyakusho", "クヤクショ"), ("chuo", "チュオ")])
def test_a_romaji_word_is_read_in_katakana(word, kana):
    assert reading(word) == kana


@pytest.mark.parametrize(("written", "plain"), [("ジョウザンケイ", "ジョザンケイ"), ("チュウオウ", "チュオ"),
                                                ("オオドオリ", "オドリ"), ("コーヒー", "コヒ"), ("テイネ", "テイネ")])
def test_long_vowels_are_left_out_as_romaji_leaves_them_out(written, plain):
    assert plain_vowels(written) == plain


def test_romaji_finds_the_plan_word_read_the_same_and_only_one():
    vocabulary = Vocabulary(frozenset({"戸籍", "琴似", "コトニ", "子供", "子ども", "期間", "機関", "中央"}),
                            {"コセキ": ("戸籍",), "コトニ": ("琴似", "コトニ"), "コドモ": ("子供", "子ども"),
                             "キカン": ("期間", "機関"), "チュウオウ": ("中央",)})
    assert vocabulary.romaji_terms(["koseki"]) == ["戸籍"]
    assert vocabulary.romaji_terms(["kotoni"]) == ["琴似"]  # not the index's own reading beside it
    assert vocabulary.romaji_terms(["kodomo"]) == ["子供", "子ども"]  # one word spelled two ways
    assert vocabulary.romaji_terms(["kikan"]) == []  # two words: neither
    assert vocabulary.romaji_terms(["chuo"]) == ["中央"]  # チュウオウ, long vowels left out
    assert vocabulary.romaji_terms(["sapporo"]) == []


def test_an_english_question_is_searched_with_the_plan_words_it_writes_in_romaji(mini_bot):
    """Kotoni and Hassamu are 琴似 and 発寒 (the mini plan's 琴似発寒川); "Nishi", a ward, is read as the ward."""
    query = mini_bot.engine.understand("Is there a river clean-up in Kotoni or Hassamu in Nishi ward?")
    added = query.search_text[len(query.text):].split()
    assert "琴似" in added and "発寒" in added and "西" not in added
    assert query.intent.ward == "西区"
    plain = mini_bot.engine.understand("Is there a river clean-up in Nishi ward?")
    assert "琴似" not in plain.search_text
