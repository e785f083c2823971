"""Choosing the sentence of a passage that answers the question."""

from __future__ import annotations

import pytest

from bot.quote import DATE, NUMBER, best_sentence, split_sentences

WEST = ["西区は、市の西部に位置し、東側は中央区に接しています。",
        "10区の中で南区に次いで2番目の広さがあり、扇状地として発展しました。",
        "区内には多くの公園があります。"]


def test_sentences_are_split_after_the_japanese_full_stop_with_footnote_numbers_removed():
    assert split_sentences("一文目です¹⁸⁷。\n二文目です。 ") == ["一文目です。", "二文目です。"]


def test_the_sentence_sharing_the_rarest_words_wins_even_in_another_inflection():
    assert best_sentence("西区って札幌で何番目に広い区なの？", WEST, ignore="西区") == 1  # 広い / 広さ


@pytest.mark.parametrize("question, figure, expected", [
    ("西区の公園は？", False, 2),
    ("西区の公園はいくつ？", True, None),  # the park sentence holds no number
    ("西区について", False, None),  # only the ward's own name: nothing to choose by
])
def test_figure_questions_take_only_sentences_with_a_number(question, figure, expected):
    assert best_sentence(question, WEST, needs=NUMBER if figure else None, ignore="西区") == expected


def test_a_tie_goes_to_the_earlier_sentence():
    assert best_sentence("公園", ["公園があります。", "公園もあります。"]) == 0


def test_a_when_question_takes_only_a_sentence_with_a_date():
    sentences = ["行政事務センターは定型業務を集約します。", "令和3年（2021年）6月に行政事務センターを設置しました。"]
    assert best_sentence("行政事務センターはいつ？", sentences) == 0
    assert best_sentence("行政事務センターはいつ？", sentences, needs=DATE) == 1
    assert DATE.search("平成 30 年度") and DATE.search("2021年") and not DATE.search("46.23 平方キロメートル")


@pytest.mark.parametrize(("text", "dated"), [
    ("区制50周年記念「南区芸術祭2022 ミンナミニイクミナミナク」を開催", True),  # a year written into a name
    ("2017冬季アジア札幌大会の会場の一つとなった", True),
    ("アクションプラン 2019 では、4つの事業に取り組みました。", False),  # the plan's name, set apart
    ("受講者数は合計2022人", False), ("延べ2,022件", False),  # counts, not years
])
def test_a_year_written_into_a_name_is_a_date_but_a_count_is_not(text, dated):
    assert bool(DATE.search(text)) is dated


@pytest.mark.parametrize(("text", "counts"), [
    ("目標1:誰もが安全・安心に暮らせるまちづくり", False),  # a goal's heading numbers it, counts nothing
    ("取組2:子育てや健康づくりを支援する取組", False),
    ("4つの事業に取り組みました", True), ("目標は100%です", True), ("1つ目は防災です", False),
])
def test_a_headings_number_is_no_count(text, counts):
    from bot.quote import CARDINAL

    assert bool(CARDINAL.search(text)) is counts
