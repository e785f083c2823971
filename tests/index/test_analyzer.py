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


def test_an_unknown_katakana_run_also_yields_the_known_words_it_splits_into(analyzer):
    """「コトニジャズ」 between quotes is one unknown word to the tagger: its ジャズ is a word too, so 「ジャズのイベント」
    meets it; a run that splits into no known words stays whole, and known words are not split again."""
    assert {"コトニジャズ", "ジャズ"} <= set(analyzer.analyze("「コトニジャズ」等を通じて")["word"])
    assert analyzer.analyze("「ミンナミニイクミナミナク」")["word"] == ["ミンナミニイクミナミナク"]
    assert "ウォーキング" in analyzer.analyze("ノルディックウォーキング")["word"]
    assert "ノルディ" not in analyzer.analyze("ノルディックウォーキング")["word"]


def test_bigrams_cover_partial_words(analyzer):
    assert {"大型", "型ご", "ごみ"} <= set(analyzer.analyze("大型ごみ")["bigram"])


@pytest.mark.parametrize(("citizen", "plan"), [
    ("パソコン", "PC"),
    ("引っ越し", "転居"),
    ("ネット", "インターネット"),
])
def test_different_words_of_one_synonym_group_meet_in_the_synonym_field(analyzer, citizen, plan):
    assert set(analyzer.analyze(citizen)["synonym"]) & set(analyzer.analyze(plan)["synonym"])


def test_unrelated_words_share_no_synonym_group_and_long_texts_are_cut_for_sudachi(analyzer):
    assert not set(analyzer.analyze("苦情")["synonym"]) & set(analyzer.analyze("転居")["synonym"])
    long_text = "高齢者の見守り。" * 8000  # 64,000 characters: Sudachi alone refuses over 49,149 bytes
    assert len(analyzer.analyze(long_text)["synonym"]) >= 8000


def test_the_synonym_field_can_be_left_empty():
    from index.analyzer import AnalyzerSettings

    assert Analyzer(AnalyzerSettings(synonyms="")).analyze("高齢者")["synonym"] == []


def test_topic_nouns_are_lemmas_without_time_words_numbers_or_function_nouns():
    from index.analyzer import topic_nouns

    assert topic_nouns("来月結婚して、同時に引っ越しもするところ") == ["結婚", "同時", "引っ越し"]
    assert topic_nouns("引越しや結婚など3件") == ["引っ越し", "結婚"]  # 引越し and 引っ越し meet


def test_topic_compounds_keep_a_run_of_kanji_or_of_katakana_nouns_as_the_word_it_writes():
    """マイナンバーカードセンター is one thing: a passage naming only マイナンバーカード does not speak of it (a location
    asked of the centre is not answered by where the form-filling system is set up)."""
    from index.analyzer import topic_compounds

    assert topic_compounds("札幌市マイナンバーカードセンターの運営") == ["札幌市", "マイナンバーカードセンター", "運営"]
    assert topic_compounds("生活保護の申請書類") == ["生活保護", "申請書類"]
    assert topic_compounds("スマホ教室") == ["スマホ", "教室"]  # a run in one script only


def test_tagged_hands_each_caller_its_own_list():
    """The tokens are remembered per text; a caller changing its list does not change the next caller's."""
    from index.analyzer import tagged

    first = tagged("大型ごみの申込")
    first.clear()
    assert [token.surface for token in tagged("大型ごみの申込")] == ["大型", "ごみ", "の", "申込"]


def test_reading_spells_a_text_as_it_is_read_whatever_it_was_written_in():
    from index.analyzer import reading

    assert reading("指定管理施設におけるサービス向上") == "していかんりしせつにおけるさーびすこうじょう"
    assert reading("環境に優しいまちづくり") == reading("かんきょうにやさしいまちづくり") == reading("環境にやさしいまちづくり")
    assert reading("南区地域ふれあい事業 所管") == "みなみくちいきふれあいじぎょうしょかん"  # spaces left out
    assert reading("ｺｳｼﾞｮｳ") == "こうじょう"  # half-width katakana folded


def test_letters_the_extraction_spaced_out_are_one_word(analyzer):
    """「E B P Mの観点から」 (the PDF's spacing) is searched as EBPM, as the question writes it; a letter alone
    between words (a B-class) is left as it is."""
    from index.analyzer import unspaced_letters

    assert "ebpm" in analyzer.analyze("E B P Mの観点から")["word"]
    assert "ebpm" in analyzer.analyze("EBPM 担当部署")["word"]
    assert unspaced_letters("デジタルC o E") == "デジタルCoE" and unspaced_letters("A or B") == "A or B"
