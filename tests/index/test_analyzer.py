from __future__ import annotations

import pytest

from index.analyzer import Analyzer


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


def test_particles_dropped_verbs_lemmatized_compounds_kept(analyzer):
    words = analyzer.analyze("大型ごみをインターネットで申し込みたい")["word"]
    assert "を" not in words and "で" not in words and "たい" not in words
    assert "申し込む" in words
    assert {"大型", "ごみ", "大型ごみ", "インターネット"} <= set(words)


def test_full_width_is_folded(analyzer):
    assert analyzer.analyze("２０２７年　ＰＲ")["word"][:2] == ["2027", "年"] or "2027" in analyzer.analyze("２０２７年")["word"]
    assert "pr" in analyzer.analyze("ＰＲ事業")["word"]


def test_kana_spelling_meets_kanji_through_readings(analyzer):
    query = set(analyzer.analyze("こうざふりかえ")["kana"])
    text = set(analyzer.analyze("市税の口座振替")["kana"])
    assert {"コウ", "ウザ", "ザフ", "フリ", "リカ", "カエ"} <= query & text


def test_space_breaks_compounds(analyzer):
    words = analyzer.analyze("消防検査 所管")["word"]
    assert "消防検査" in words and "所管" in words and "消防検査所管" not in words


def test_bigrams_cover_partial_words(analyzer):
    assert {"大型", "型ご", "ごみ"} <= set(analyzer.analyze("大型ごみ")["bigram"])
