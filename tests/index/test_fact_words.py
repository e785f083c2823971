"""The words a question asks a fact with, read right when one kanji was typed for another read alike
(`index.fact_words`), on the real dictionaries (JMdict, KANJIDIC2 in `jamdict-data`)."""

from __future__ import annotations

import pytest

from index.fact_words import fact_typos, fact_words, with_fact_words


def test_the_fact_words_are_the_patterns_own_common_words():
    words = fact_words()
    assert {"住所", "予約", "電話番号", "中止", "目標", "所管"} <= words
    assert "汁所" not in words and "花苗" not in words  # no word / no pattern's word


@pytest.mark.parametrize(("question", "read"), [
    ("清田区役所の汁所を教えて", "清田区役所の住所を教えて"),  # 汁 and 住: ジュウ
    ("納税お知らせセンターの電話番旺を教えて", "納税お知らせセンターの電話番号を教えて"),
    ("白旗山のキャンプ場って予疫いる？", "白旗山のキャンプ場って予約いる？"),
    ("豊平区のウォーキングイベント、雨だったら中飼？", "豊平区のウォーキングイベント、雨だったら中止？"),
    ("寄付の目票はいくら？", "寄付の目標はいくら？"),
])
def test_a_fact_word_typed_with_a_kanji_read_alike_is_read_right(question, read):
    assert with_fact_words(question) == read


@pytest.mark.parametrize("question", [
    "南区で若い人向けの支援ってありますか？",  # 人向 (人|向け) is no word of the question: not 一向
    "障がい者交通費助成 所管",  # 者交 spans two words: not 社交
    "妊娠SOS 母子手帳 交付数",  # 付数 starts inside 交付: not 付則
    "市役所の会議って効率化するの？",  # words JMdict knows are left alone
])
def test_words_the_question_writes_right_or_across_words_are_left_alone(question):
    assert fact_typos(question) == []


def test_a_fact_word_typed_wrong_is_the_fact_asked(mini_bot):
    """Read for the fact asked, not searched (the question's own words are searched as written)."""
    query = mini_bot.engine.understand("清田区役所の汁所を教えて")
    assert query.intent.unanswerable_fact == "access" and "汁所" in query.search_text
    assert mini_bot.engine.understand("ウォーキングイベント、雨だったら中飼？").intent.unanswerable_fact == "weather"
