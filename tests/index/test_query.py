"""Understanding a question (`index.query`): half-width katakana read as the plan writes katakana, and the
courtesies around a question left out of what is searched."""

from __future__ import annotations

import pytest

from index.intent import without_courtesies
from index.query import full_width_kana, without_the_city, without_the_city_en


def test_half_width_katakana_and_its_punctuation_are_put_in_full_width_and_nothing_else():
    assert full_width_kana("ﾃﾞｼﾞﾀﾙﾃﾞﾊﾞｲﾄﾞって何｡ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞ､ﾊﾟｽ") == "デジタルデバイドって何。ガバメントクラウド、パス"
    assert full_width_kana("Ｒ９目標 ２０２７年？") == "Ｒ９目標 ２０２７年？"  # full-width Latin and digits as typed


def test_a_half_width_question_is_searched_and_understood_as_its_full_width_twin(mini_bot):
    half = mini_bot.engine.understand("ｵﾝﾗｲﾝ相談のﾁｹｯﾄはいくら？")
    full = mini_bot.engine.understand("オンライン相談のチケットはいくら？")
    assert half.search_text == full.search_text and "オンライン相談" in half.search_text
    assert half.intent == full.intent and half.intent.unanswerable_fact == "fee"


@pytest.mark.parametrize(("question", "searched"), [
    ("お世話になっております。豊平区ってどんなところ？教えてください。", "豊平区ってどんなところ？"),
    ("すみません、ちょっと聞きたいんですけど、西区の公園、遊具は直す？わかる人いますか？", "西区の公園、遊具は直す？"),
    ("初めて使います。とよひらくで はなを うえる かつどう ありますか（長文すみません）",
     "とよひらくで はなを うえる かつどう ありますか"),
    ("Hi! Is there a mascot in Teine?", "Is there a mascot in Teine?"),
    # the courtesies of a letter to the city, in their written forms
    ("お忙しいところ恐縮ですが、大型ごみはネットで申し込めますか。宜しくお願い致します", "大型ごみはネットで申し込めますか。"),
    ("突然すみません。初めて質問します。手稲区の防災の取組は？ご回答お願いいたします。", "手稲区の防災の取組は？"),
    ("お手数ですが、大型ごみの申込方法を教えてください", "大型ごみの申込方法を教えてください"),
    # and as people type them in a chat
    ("ちょっと教えてほしいんだけど、手稲区の防災マップっていつ更新されたの？よろしくです",
     "手稲区の防災マップっていつ更新されたの？"),
    # a life situation is what the question is about, and 「…を教えてください」 asks for something
    ("来月結婚して、引っ越しもするんだけど、窓口をまとめて知りたい", "来月結婚して、引っ越しもするんだけど、窓口をまとめて知りたい"),
    ("中央区で子ども食堂をやってるところを教えてください", "中央区で子ども食堂をやってるところを教えてください"),
    ("こんにちは、よろしくお願いします", "こんにちは、よろしくお願いします"),  # nothing else: small talk as it is
    # a reaction to the last answer before the next question
    ("わかった、じゃあ所管は？", "じゃあ所管は？"),
    ("なるほどね。すごい！手稲区でもやってる？", "手稲区でもやってる？"),
])
def test_courtesies_around_a_question_are_left_out_of_what_is_searched(question, searched):
    assert without_courtesies(question) == searched


@pytest.mark.parametrize(("question", "searched"), [
    # the city asked of: every passage is its own (its name pulled a passage writing 「札幌市のまちづくり活動」)
    ("札幌市の魅力を全国にアピールしてる？", "魅力を全国にアピールしてる？"),
    ("札幌市って環境のために何かしてる？", "環境のために何かしてる？"),
    ("札幌でも起業の支援ある？", "起業の支援ある？"),
    # a name it begins, a place told from it, a move to it
    ("札幌市マイナンバーカードセンターはどこ？", "札幌市マイナンバーカードセンターはどこ？"),
    ("札幌駅の近くに窓口ある？", "札幌駅の近くに窓口ある？"),
    ("札幌の周りの町と何かしてる？", "札幌の周りの町と何かしてる？"),
    ("札幌以外の町とも連携してる？", "札幌以外の町とも連携してる？"),
    ("転勤で札幌に来た", "転勤で札幌に来た"),
])
def test_the_plans_own_city_asked_of_is_not_searched(question, searched):
    assert without_the_city(question, "札幌市") == searched


@pytest.mark.parametrize(("question", "searched"), [
    ("Does Sapporo support startups? 札幌 スタートアップ", "Does the city support startups?  スタートアップ"),
    ("Is there a dog park in Sapporo?", "Is there a dog park?"),
    ("Does the city of Sapporo check its projects?", "Does the city check its projects?"),
    ("Where is Sapporo Station?", "Where is Sapporo Station?"),  # a name it begins or qualifies
    ("When was the Sapporo DX policy adopted? 札幌", "When was the Sapporo DX policy adopted? 札幌"),
    ("What is the Sapporo metropolitan area doing?", "What is the Sapporo metropolitan area doing?"),
    ("Who is in Team Sapporo-Hokkaido?", "Who is in Team Sapporo-Hokkaido?"),
])
def test_the_plans_own_city_asked_of_in_english_is_the_city(question, searched):
    assert without_the_city_en(question, "Sapporo", "札幌市") == searched


def test_a_courteous_question_is_understood_as_the_bare_one(mini_bot):
    """Searched, and read by the answer (the nouns it asks about: not 人 of 「わかる人いますか？」), without them."""
    courteous = mini_bot.engine.understand("お世話になっております。オンライン相談はいくら？わかる人いますか？")
    bare = mini_bot.engine.understand("オンライン相談はいくら？")
    assert courteous == bare
    assert mini_bot.engine.understand("すみません、よろしくお願いします。").intent.kind == "smalltalk"


def test_a_kana_question_is_read_in_kanji_as_written_and_names_its_ward(mini_bot):
    """Mozc reads the kana as written, the ward's name in its context: 西区の川, where converting after the ward
    was put in kanji gave 西区の側 (the side of the ward); an unspaced ward name is found in Mozc's reading."""
    query = mini_bot.engine.understand("にしくの かわを きれいにする かつどう")
    assert query.search_text.startswith("西区の川をきれいにする活動") and query.intent.ward == "西区"
    assert mini_bot.engine.understand("とよひらくこそだてさろん").intent.ward == "豊平区"


@pytest.mark.parametrize(("question", "fact"), [
    ("白旗山のキャンプ場ってよやくいる？", "reservation"),
    ("こども家庭センターのでんわ番号は？", "phone"),
    ("西区のまちづくりセンターってなん時まで開いてる？", "hours"),
    ("ひがしくに すんでる ごみの だしかた わからない", "sorting"),  # read ごみのだし方
    ("こどもてあての しんせいって いつまで？", "schedule"),  # the last day to apply
])
def test_a_question_in_kanji_with_its_fact_word_in_kana_asks_that_fact(mini_bot, question, fact):
    """The fact asked is read from the question's kana words in kanji (Mozc), not only in a kana question."""
    assert mini_bot.engine.understand(question).intent.unanswerable_fact == fact


def test_a_kanji_typed_for_one_read_the_same_is_read_as_the_plan_word(mini_bot):
    """豊猫区 is 豊平区 (猫 and 平: ビョウ), 消防険査 is 消防検査: the ward and the subject are read from the word
    meant, the person is told how it was read, and the question is searched as its well-typed twin."""
    typed = mini_bot.engine.understand("豊猫区の消防険査のオンライン化は？")
    meant = mini_bot.engine.understand("豊平区の消防検査のオンライン化は？")
    assert typed.text == meant.text and typed.search_text == meant.search_text
    assert typed.intent == meant.intent and typed.intent.ward == "豊平区"
    assert any("豊猫区」を「豊平区" in note and "消防険査」を「消防検査" in note for note in typed.notes), typed.notes


def test_a_hiragana_word_amid_kanji_is_searched_as_the_plan_word_mozc_reads_it():
    """こうえん and ゆうぐ are searched as the plan's 公園 and 遊具 in place (the embedding model reads kanji); a
    word the plan does not write (よやく: 予約) is left as written, and so is a name the plan writes in kana
    (「ていね」, not 手稲)."""
    from index.analyzer import Analyzer
    from index.config import IndexConfig
    from index.query import understand
    from index.respell import Vocabulary
    from ingest.profile import PlanProfile

    analyzer = Analyzer()
    plan = Vocabulary.build(["西区", "公園", "遊具", "手稲", "部屋"], analyzer,
                            ["西区の公園の遊具を更新します", "マスコット「ていね」の部屋"])

    def searched(question: str) -> str:
        return understand(question, 5, None, IndexConfig(), PlanProfile(), plan, analyzer).search_text

    assert searched("西区のこうえんのゆうぐが古くて危ない").startswith("西区の公園の遊具が古くて危ない")
    assert searched("白旗山のキャンプ場ってよやくいる？").startswith("白旗山のキャンプ場ってよやくいる？")
    assert searched("ていねの部屋ってどこ？").startswith("ていねの部屋ってどこ？")
    assert Vocabulary.from_dict(plan.to_dict()).writes_in_kana("ていね")  # saved with the index
