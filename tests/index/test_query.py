"""Understanding a question (`index.query`): half-width katakana read as the plan writes katakana."""

from __future__ import annotations

from index.query import full_width_kana


def test_half_width_katakana_and_its_punctuation_are_put_in_full_width_and_nothing_else():
    assert full_width_kana("ﾃﾞｼﾞﾀﾙﾃﾞﾊﾞｲﾄﾞって何｡ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞ､ﾊﾟｽ") == "デジタルデバイドって何。ガバメントクラウド、パス"
    assert full_width_kana("Ｒ９目標 ２０２７年？") == "Ｒ９目標 ２０２７年？"  # full-width Latin and digits as typed


def test_a_half_width_question_is_searched_and_understood_as_its_full_width_twin(mini_bot):
    half = mini_bot.engine.understand("ｵﾝﾗｲﾝ相談のﾁｹｯﾄはいくら？")
    full = mini_bot.engine.understand("オンライン相談のチケットはいくら？")
    assert half.search_text == full.search_text and "オンライン相談" in half.search_text
    assert half.intent == full.intent and half.intent.unanswerable_fact == "fee"
