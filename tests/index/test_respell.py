"""Respelling questions into the plan's words: kana questions, katakana typos; and the ward prior."""

from __future__ import annotations

import pytest

from index.analyzer import Analyzer
from index.respell import Vocabulary, kanji_wards, respell, written_in_kana

TERMS = ["西区", "公園", "遊具", "区役所", "相談", "手稲区", "地域", "運動", "イベント", "サロン", "子育てサロン",
         "インターネット", "ボット", "大型ごみ", "ビジネスチャット"]


@pytest.fixture(scope="module")
def vocabulary():
    return Vocabulary.build(TERMS, Analyzer())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("にしくの こうえん、ゆうぐが ふるくて あぶないんだけど、なおす よていって ある？", ["西区", "公園", "遊具"]),
        ("くやくしょに いかなくても いえから そうだんが できるように なるって ほんとうですか？", ["区役所", "相談"]),
        ("ていねくで ちいきの うんどうの いべんと ひらきたい", ["手稲区", "地域", "運動", "イベント"]),
    ],
)
def test_a_question_written_in_kana_gets_the_plan_spelling(vocabulary, question, expected):
    found = respell(question, vocabulary, Analyzer())
    assert all(term in found for term in expected), found


def test_a_native_word_written_in_katakana_half_width_too_is_read_in_the_plan_spelling(vocabulary):
    """ｿｳﾀﾞﾝ (half-width) and ソウダン are 相談, in a question mostly in kanji too (a staff look-up's
    「ｾｲｶﾂﾎｺﾞ 所管」); a katakana word the plan writes (サロン, イベント) is left alone, and so are a kanji
    question's hiragana runs (grammar)."""
    assert "相談" in respell("ｵﾝﾗｲﾝで ｿｳﾀﾞﾝ できるように なるって ほんと？", vocabulary, Analyzer())
    assert "相談" in respell("おんらいんで ソウダン できるの？", vocabulary, Analyzer())
    assert respell("サロンの イベント ある？", vocabulary, Analyzer()) == []
    assert "相談" in respell("区役所でソウダンの予約", vocabulary, Analyzer())
    assert "相談" not in respell("区役所でそうだんの予約", vocabulary, Analyzer())


def test_a_katakana_typo_is_corrected_but_a_real_word_is_not(vocabulary):
    assert respell("手稲区の育児サロソって区が運営を手伝ってるの？", vocabulary, Analyzer()) == ["サロン"]
    assert respell("大型ごみをネットで申し込みたい", vocabulary, Analyzer()) == []  # ネット is a word, not ボット


@pytest.mark.parametrize(("question", "fixed"), [
    ("ビジネチャットの導入目標", "ビジネスチャット"),  # a letter left out
    ("ビジネススチャットの導入目標", "ビジネスチャット"),  # a letter doubled
])
def test_a_katakana_word_a_letter_short_or_long_is_corrected_too(vocabulary, question, fixed):
    assert respell(question, vocabulary, Analyzer()) == [fixed]


def test_a_typo_is_corrected_only_to_a_word_the_plan_writes_not_to_a_reading_of_its_kanji():
    """ナクジ (no word) is the plan's ナッジ a letter off; イクジ (the index's reading of 育児), a letter off too, is
    no second candidate, so the correction is not dropped as a guess. (ホタル, a real word, is no typo of the
    plan's ホテル: the profile's alias reads it as the plan's 「ホテル観賞会」.)"""
    terms = ["ナッジ", "活用", "イクジ", "育児"]
    plan_only = Vocabulary.build(terms, Analyzer(), ["ナッジの活用", "育児の支援"])
    assert respell("ナクジを使った取組ってある？", plan_only, Analyzer()) == ["ナッジ"]
    assert respell("ナクジを使った取組ってある？", Vocabulary.build(terms, Analyzer()), Analyzer()) == []
    assert respell("清田区でホタルを見る会があるって本当？",
                   Vocabulary.build(["ホテル", "観賞"], Analyzer(), ["ホテル観賞会"]), Analyzer()) == []


def test_two_nouns_joined_by_no_are_searched_as_the_compound_the_plan_writes():
    """花の苗 is the plan's 花苗; 公園の遊具 is not joined when the plan never writes 公園遊具; a number is no noun."""
    plan = Vocabulary.build(["花苗", "花", "苗", "公園", "遊具", "消防検査", "3件"], Analyzer())
    assert respell("西区で花の苗を配ってるって本当？", plan, Analyzer()) == ["花苗"]
    assert respell("消防の検査って署に行かなくてよくなる？", plan, Analyzer()) == ["消防検査"]
    assert respell("公園の遊具を直してほしい", plan, Analyzer()) == []
    assert respell("花苗をもらえる？", plan, Analyzer()) == []  # written as the plan writes it


def test_a_whole_hiragana_word_amid_kanji_is_read_as_the_plan_word():
    """せいかつほご and でじたる, each a whole run between kanji (a particle cut off either end), are the plan's
    生活保護 and デジタル; hiragana that is grammar (するのはいつまで), a word the plan writes in hiragana
    (ふるさと) and one the dictionary reads as one word (つながる: its lemma 繋がる is searched) are left alone."""
    plan = Vocabulary.build(["生活保護", "デジタル", "事務", "ふるさと", "古里", "繋がる", "電話", "効率"], Analyzer())
    assert respell("せいかつほごの事務をでじたるで効率化するのはいつまで？", plan, Analyzer()) == ["生活保護", "デジタル"]
    assert respell("企業版ふるさと納税の目標は？", plan, Analyzer()) == []
    assert respell("夜中でも電話つながる？", plan, Analyzer()) == []
    assert respell("事務を効率化するのはいつまで？", plan, Analyzer()) == []


def test_ordinary_questions_are_left_alone(vocabulary):
    assert not written_in_kana("区役所でオンライン相談ができるようになりますか？")
    # katakana written as anyone writes it is no sign of a kana question (いつ is no ハイツ)
    assert not written_in_kana("ネットで申し込めるのはいつから？")
    assert written_in_kana("マイナンバーカードのこうふは？")
    assert respell("区役所でオンライン相談ができるようになりますか？", vocabulary, Analyzer()) == []


WARDS = ("北区", "清田区", "手稲区", "中央区")


@pytest.mark.parametrize(("question", "expected"), [
    ("きよたくの公園で遊具を新しくしてほしい", "清田区の公園で遊具を新しくしてほしい"),
    ("ていねくの防災の取組は？", "手稲区の防災の取組は？"),  # no longer read as the mascot 「ていね」
    ("ちゅうおうく 区役所 建替え", "中央区 区役所 建替え"),
    ("きたくで町内会に入りたい", "北区で町内会に入りたい"),
    ("仕事からきたくしたら区役所は閉まってる", "仕事からきたくしたら区役所は閉まってる"),  # 帰宅, inside a longer word
    # half in kana, half in kanji: the place's reading before 区, or its kanji before く
    ("きよた区でウォーキングのイベントある？", "清田区でウォーキングのイベントある？"),
    ("キヨタ区の公園", "清田区の公園"),
    ("ていね区の防災の取組は？", "手稲区の防災の取組は？"),
    ("北くの図書館", "北区の図書館"),
    ("仕事から帰ってきた区役所は閉まってる", "仕事から帰ってきた区役所は閉まってる"),  # 来た, after more hiragana
    ("北くらいしか行かない", "北くらいしか行かない"),
])
def test_a_ward_written_in_hiragana_amid_kanji_is_written_as_the_plan_does(question, expected):
    assert kanji_wards(question, WARDS, Analyzer()) == expected


def test_a_hiragana_ward_name_names_the_ward_of_the_question(mini_bot):
    query = mini_bot.engine.understand("にしくの防災の取組は？")
    assert query.intent.ward == "西区" and query.search_text.startswith("西区の防災")
    assert query.text == "にしくの防災の取組は？"  # the person's words are kept for display


def test_a_ward_named_half_in_kana_names_the_ward_and_is_not_searched_in_katakana_too(mini_bot):
    query = mini_bot.engine.understand("にし区の防災の取組は？")
    assert query.intent.ward == "西区" and query.search_text == "西区の防災の取組は？"
    assert query.notes == ("「西区の防災の取組は？」として検索しました（read as: 西区の防災の取組は？）",)


def test_the_engine_searches_with_the_respelling(mini_bot):
    query = mini_bot.engine.understand("にしくの ぼうさいの とりくみ")
    assert "西区" in query.search_text and query.text == "にしくの ぼうさいの とりくみ"
    assert any("plan's spelling" in note for note in query.notes)


def test_a_named_ward_lifts_its_chunks_and_sinks_other_wards(mini_bot):
    from index.retrieve import ward_prior

    index = mini_bot.engine.index
    prior = dict(zip((c.title for c in index.chunks), ward_prior(index, "西区", mini_bot.engine.config)))
    assert prior["地域の防災力強化"] > 0 > prior["とよひらスポーツ健康ウォーキング事業"]
    assert prior["消防検査のオンライン化"] == 0  # city-wide items are neither lifted nor sunk
    assert 0 < prior["目標1:誰もが安全・安心に暮らせるまちづくり"] < prior["地域の防災力強化"]


def test_a_ward_without_a_chapter_sinks_every_ward_chapter_below_the_city_wide_passages(mini_bot):
    """北区 has no chapter in the excerpt: 西区's or 豊平区's disaster drills never answer for it."""
    engine = mini_bot.engine
    query = engine.understand("北区の防災の取組は？")
    assert query.intent.other_ward == "北区" and query.intent.ward is None
    wards = [h.chunk.ward for h in engine.search(query, 20).hits]
    assert None in wards and wards.index(None) == 0
    assert all(ward is not None for ward in wards[wards.index("西区"):])  # no city-wide passage after a ward's
    named = [h.chunk.ward for h in engine.search("西区の防災の取組は？", 20).hits]
    assert named[0] == "西区"


def test_a_ward_without_a_chapter_is_searched_as_a_ward_not_by_its_name(mini_bot):
    """The plan names 北区 only in passing (a neighbour in another ward's overview, a pilot at 中央区役所): the
    name would lift those passages for any question asked from that ward. It is searched as 「区」 (北区役所 ->
    区役所), the question and its intent keep it."""
    query = mini_bot.engine.understand("北区役所の窓口って土日もあいてる？")
    assert query.intent.other_ward == "北区" and "北区" in query.text
    assert "北区" not in query.search_text and "区役所の窓口" in query.search_text
    assert "西区" in mini_bot.engine.understand("西区役所の窓口って土日もあいてる？").search_text
    english = mini_bot.engine.understand("Is the Kita ward office open on weekends?")
    assert english.intent.other_ward == "北区" and "Kita" in english.search_text


def test_programs_sit_a_little_below_the_initiatives_they_group(mini_bot):
    from index.retrieve import kind_prior

    index = mini_bot.engine.index
    prior = kind_prior(index, mini_bot.engine.config)
    kinds = {c.kind: float(p) for c, p in zip(index.chunks, prior)}
    assert kinds["program"] == pytest.approx(-mini_bot.engine.config.program_penalty) and kinds["program"] < 0
    assert kinds["initiative"] == kinds["narrative"] == kinds["glossary"] == 0


HOMOPHONE_PLAN = ["評価", "制度", "行政", "窓口", "区役所", "豊平区", "西区", "南区", "保健", "検証", "機会", "口座振替",
                  "標準化", "手続き", "繁忙期", "個人", "自立", "金融", "山系", "仕組み", "子育て", "年生", "削減"]


@pytest.mark.parametrize(("question", "fixed"), [
    ("行政評化制度ってなに？", ["評価"]),  # 価 and 化 are both カ
    ("家族が亡くなったときの手続きの窓校", ["窓口"]),  # 口 and 校: コウ
    ("区薬所で相談できる？", ["区役所"]),  # 役 and 薬: ヤク
    ("豊猫区でみんなで歩くイベント", ["豊平区"]),  # a ward's name (平: ビョウ)
    ("市税の口座振換", ["口座振替"]),  # a kun reading shared: か(える)
    ("戸籍の窓口が休日もあいてるのって繁忙機だけ？", ["繁忙期"]),
    ("職員をチェックする飼組みは？", ["仕組"]),  # the kanji of a word written with kana too: 仕組み
    ("師育ての情報がほしい", ["子育"]),
])
def test_a_kanji_typed_for_one_read_the_same_is_corrected(question, fixed):
    plan = Vocabulary.build(HOMOPHONE_PLAN, Analyzer())
    assert [word for _, word in plan.homophones(question)] == fixed
    spelled, typos = plan.spelled_as_the_plan(question)
    assert spelled == question.replace(typos[0][0], fixed[0]) and fixed[0] in spelled


@pytest.mark.parametrize("question", [
    "保険証を忘れた",  # 保険 is a word (not the plan's 保健), and 険証 cuts it (not the plan's 検証)
    "意見を出せる機械ってある？",  # 機械 is a word: a typo for 機会 it may be, but nothing says so
    "行政評価制度ってなに？",  # as the plan writes it
    "南区の区役所",
    "市の職員って何人いるの？",  # 何人 is a word, 何 a number: not the plan's 個人
    "市立の保育所",  # 市立 is a word: not the plan's 自立
    "ちえりあって何区にあるの？",  # 何 asks: not 南区
    "違約金取るの？",  # 取る is a verb: not the plan's 金融
    "南区って子どもの数減ってるの？",  # 減って is a verb: 数減 is no compound (not the plan's 削減, 数: サク)
    "定山渓温泉でおすすめの旅館",  # a place JMnedict names: not the plan's 山系
    "お年旗りと一緒に",  # 旗 キ is a sound, 生 き a word: not the plan's 年生
])
def test_a_real_word_or_the_plan_spelling_is_not_corrected(question):
    assert Vocabulary.build(HOMOPHONE_PLAN, Analyzer()).spelled_as_the_plan(question) == (question, [])


@pytest.mark.parametrize(("question", "fixed"), [
    ("手筒区で子育ての相談できるところは？", "手稲区"),  # 手筒 (hand-held fireworks) is a word, but a rare one
    ("南区で大顎生のサークルが町おこしする時", "大学生"),  # 大顎: rare
    ("清田区の罷難所って住民と練習してる？", "避難所"),  # 罷: UniDic's lone verb, no kana written
    ("区から補助ってもらえる？町代会です", "町内会"),
    ("システム標順化っていつまで？", "標準化"),  # 順化 (acclimatisation): rare
])
def test_a_compound_of_three_kanji_is_read_past_a_rare_word_inside_it(question, fixed):
    """A three-kanji compound a kanji away from the plan's word is hardly a chance; two kanji are (江別 is not
    the plan's 厚別, 全部|別 not 部分)."""
    plan = Vocabulary.build([*HOMOPHONE_PLAN, "手稲区", "大学生", "避難所", "町内会", "厚別", "部分"], Analyzer())
    assert [word for _, word in plan.homophones(question)] == [fixed]
    assert plan.homophones("江別とか小樽とか") == [] and plan.homophones("全部別の窓口なのが大変") == []


def test_a_compound_read_as_a_plan_word_is_not_read_again():
    """豊標区 is 豊平区; its 区 is not read once more as the 高 of the plan's 標高 (区: ク, コウ)."""
    plan = Vocabulary.build([*HOMOPHONE_PLAN, "標高"], Analyzer())
    assert plan.homophones("豊標区の面積ってどのくらい？") == [("豊標区", "豊平区")]


def test_a_clipped_loanword_is_searched_as_the_plan_writes_it_whole():
    """キャラ is キャラクター clipped (JMdict glosses both "character"); パート (part-time work) is no clipped パートナー,
    and ネット no clipped ネットワーク (its rest ワーク is a word: a compound)."""
    plan = Vocabulary.build(["キャラクター", "パートナー", "ネットワーク", "子育て"], Analyzer())
    assert respell("ほかの区にもキャラいる？", plan, Analyzer()) == ["キャラクター"]
    assert plan.katakana_clippings("会社でパートしてます") == []
    assert plan.katakana_clippings("ネットで申し込める？") == []


def test_a_katakana_name_written_in_kana_a_letter_off_is_read_as_the_plan_writes_it():
    """こどにじゃず is コトニジャズ with one sound voiced, のるでっくうぉーきんぐ ノルディックウォーキング with a letter
    left out (the longer of the two plan words it comes close to); two letters off, or close to two plan words
    alike, nothing is guessed."""
    vocabulary = Vocabulary.build(["コトニジャズ", "ノルディック", "ノルディックウォーキング", "サロン", "サイクル",
                                   "リサイクル", "モバイル", "モビリティ"], Analyzer())
    assert "コトニジャズ" in respell("こどにじゃずっていつ？", vocabulary, Analyzer())
    found = respell("のるでっくうぉーきんぐ", vocabulary, Analyzer())
    assert "ノルディックウォーキング" in found and "ノルディック" not in found
    assert "コトニジャズ" not in respell("こどにちゃず", vocabulary, Analyzer())  # two letters off
    assert respell("ことにじゃずのかいじょう", vocabulary, Analyzer()) == ["コトニジャズ"]  # as written: no fix


def test_a_real_katakana_word_is_corrected_only_when_spelled_differently():
    """カラス (a crow, a word UniDic knows) is no typo of the plan's カラー; ペーパレス and センタ are the plan's
    ペーパーレス and センター spelled without a long vowel."""
    vocabulary = Vocabulary.build(["カラー", "ペーパーレス", "センター"], Analyzer())
    assert respell("ごみステーションのカラスよけネット", vocabulary, Analyzer()) == []
    assert respell("ペーパレス化の目標", vocabulary, Analyzer()) == ["ペーパーレス"]
    assert respell("行政事務センタって何？", vocabulary, Analyzer()) == ["センター"]
