"""「もっと詳しく」: everything the plan says about the topic and what stands around it, not the same answer again."""

from __future__ import annotations

import pytest

from bot.conversation import only_more


def titles(answer) -> list[str]:
    return [c.hit.chunk.title for c in answer.citations]


@pytest.mark.parametrize("message", ["もっと詳しく", "詳しく教えて", "もう少し詳しく教えてください", "それについて詳細を知りたい",
                                     "詳しく！", "Tell me more", "Can you tell me more about it?", "more details please"])
def test_a_bare_request_for_more(message):
    assert only_more(message)


@pytest.mark.parametrize("message", ["もっと詳しく。どこの公園で何をするの？", "琴似発寒川のやつ、もっと詳しく", "詳しい場所は？",
                                     "担当は？", "もっと", "Tell me more about the river clean-up", "詳細な日程は？"])
def test_more_with_a_question_or_a_thing_of_its_own_is_no_bare_request(message):
    assert not only_more(message)


def test_more_about_an_initiative_adds_its_place_program_and_peers(mini_bot):
    first, more = mini_bot.dialogue(["消防検査のオンライン化", "もっと詳しく"])
    assert more.intent == "detail" and more.text != first.text
    assert more.understood_as == "「消防検査のオンライン化」について詳しく"
    assert titles(more)[0] == "消防検査のオンライン化"  # the topic is [1]
    assert "所管: 消防局 予防部" in more.text and "オンライン環境整備率" in more.text
    assert "計画上の位置: 第3章 行財政運営の取組" in more.text and "行政手続のオンライン化の推進（⑤）" in more.text
    # the program it belongs to, with its aim, and the other initiatives of the program, each cited
    assert "この取組は「行政手続のオンライン化の推進」の一つです。その狙い: 行政手続のオンライン化の取組を加速させます [2]" in more.text
    assert "「税務手続のオンライン化推進」[3]" in more.text and "「大型ごみ収集のオンライン化」[4]" in more.text
    assert titles(more)[1:] == ["行政手続のオンライン化の推進", "税務手続のオンライン化推進", "大型ごみ収集のオンライン化"]


def test_more_about_a_wards_initiative_names_the_others_under_its_goal(mini_bot):
    _, more = mini_bot.dialogue(["琴似発寒川の水環境保全推進事業", "詳しく教えて"])
    assert titles(more) == ["琴似発寒川の水環境保全推進事業", "地域の防災力強化"]
    assert "計画上の位置: 西区 › 目標1:誰もが安全・安心に暮らせるまちづくり [1]。" in more.text
    assert "同じ「目標1:誰もが安全・安心に暮らせるまちづくり」のほかの取組: 「地域の防災力強化」[2]。" in more.text
    assert "備考: ★: 「未来へつなぐ笑顔のまちづくり活動推進事業」(P.73)による実施 [1]。" in more.text


def test_more_about_a_program_lists_its_initiatives(mini_bot):
    first, more = mini_bot.dialogue(["行政手続のオンライン化の推進", "もっと詳しく"])
    assert titles(first)[0] == "行政手続のオンライン化の推進"
    assert "この事業の取組: 「税務手続のオンライン化推進」[2]、「大型ごみ収集のオンライン化」[3]、「消防検査のオンライン化」[4]。" \
        in more.text


def test_a_numbered_passage_asked_in_detail(mini_bot):
    first, more = mini_bot.dialogue(["手続のオンライン化", "2番目のやつ詳しく"])
    second = next(c.hit.chunk.title for c in first.citations if c.n == 2)
    assert more.intent == "detail" and titles(more)[0] == second
    assert more.understood_as == f"「{second}」について詳しく"


def test_more_in_english(mini_bot):
    _, more = mini_bot.dialogue(["Online fire inspections", "Tell me more"])
    assert more.intent == "detail" and more.language == "en"
    assert "Where it is in the plan:" in more.text and "Other initiatives under 「行政手続のオンライン化の推進」" in more.text


def test_more_with_a_question_of_its_own_is_answered_as_asked(mini_bot):
    """「もっと詳しく。どこで…？」 asks where: the ordinary answer to it, not the whole passage."""
    _, asked = mini_bot.dialogue(["消防検査のオンライン化", "もっと詳しく。担当はどこ？"])
    assert asked.intent != "detail"


def test_more_about_a_glossary_term(mini_bot):
    _, more = mini_bot.dialogue(["ナッジって何？", "詳しく"])
    assert more.intent == "detail" and titles(more) == ["ナッジ"]
    assert more.text.splitlines()[1].startswith("用語「ナッジ」: 選択の自由を奪わずに")


def test_more_about_a_narrative_passage_gives_its_paragraphs(mini_bot):
    first, more = mini_bot.dialogue(["西区の目標1", "もっと詳しく"])
    topic = first.citations[0].hit.chunk
    assert topic.kind == "narrative"
    assert more.text.splitlines()[1] == f"「{topic.title}」の計画（抜粋）の記載（1段落）:"
    # a ward's goal heading: the initiatives listed under it too
    assert titles(more) == [topic.title, "地域の防災力強化", "琴似発寒川の水環境保全推進事業"]
    assert more.text.splitlines()[-1] == "この目標の取組: 「地域の防災力強化」[2]、「琴似発寒川の水環境保全推進事業」[3]。"
