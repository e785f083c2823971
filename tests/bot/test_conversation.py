"""Follow-up questions resolved from the previous turn's structured context (mini plan, hash embedder)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from index.intent import asks_department_list, asks_whole_list
from planqa.cli import main


@pytest.fixture
def in_context(monkeypatch):
    """Whether each answer composed was read in context (the lenient follow-up threshold), in order."""
    import bot.service

    seen = []
    real = bot.service.compose

    def spy(*args, **kwargs):
        seen.append(kwargs.get("in_context", args[5] if len(args) > 5 else False))
        return real(*args, **kwargs)

    monkeypatch.setattr(bot.service, "compose", spy)
    return seen


@pytest.fixture
def understood(monkeypatch):
    """The questions the search engine was asked to understand, in order (a follow-up's rewrite among them)."""
    import bot.service

    seen = []
    real = bot.service.SearchEngine.understand

    def spy(self, question, *args, **kwargs):
        seen.append(question)
        return real(self, question, *args, **kwargs)

    monkeypatch.setattr(bot.service.SearchEngine, "understand", spy)
    return seen


def lead(answer):
    return answer.citations[0].hit.chunk.title if answer.citations else None


def test_a_fact_follow_up_stays_on_the_topic_and_says_so(mini_bot):
    first, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", "担当は？"])
    assert lead(first) == "消防検査のオンライン化"
    assert second.understood_as == "「消防検査のオンライン化」について"
    assert second.text.startswith("（「消防検査のオンライン化」について）\n「消防検査のオンライン化」の所管は 消防局 予防部")
    assert lead(second) == "消防検査のオンライン化"


def test_a_follow_up_the_plan_does_not_answer_leaves_the_topic_for_the_next_one(mini_bot):
    """「どんな町と？」 of a partnership, not found in the plan: 「それの担当は？」 next still asks about the partnership."""
    first, lost, third = mini_bot.dialogue(["消防検査のオンライン化について教えて", "ｘｙｚ", "それの担当は？"])
    assert lead(first) == "消防検査のオンライン化" and lost.abstained
    assert third.understood_as == "「消防検査のオンライン化」について" and lead(third) == "消防検査のオンライン化"


def test_an_elliptical_follow_up_asks_again_the_unstated_fact_its_frame_asked(mini_bot):
    """「じゃあ区役所は？」 after 「消防検査の手数料っていくら？」 (a fee the plan never states) asks the fee of
    区役所: refused again, not answered with the topic; 「担当は？」 asks a fact of its own, 「じゃあ大型ごみは？」 about
    a thing of its own."""
    fee, again = mini_bot.dialogue(["消防検査の手数料っていくら？", "じゃあ区役所は？"])
    assert fee.abstained and again.abstained
    assert again.text.splitlines()[1].startswith("この計画（抜粋）には料金・手数料の記載はありません。")
    _, department = mini_bot.dialogue(["消防検査の手数料っていくら？", "担当は？"])
    assert not department.abstained
    _, garbage = mini_bot.dialogue(["消防検査の手数料っていくら？", "じゃあ大型ごみは？"])  # a thing of its own
    assert not garbage.abstained and lead(garbage) == "大型ごみ収集のオンライン化"


def test_an_elliptical_follow_up_naming_another_thing_asks_the_row_fact_its_frame_asked(mini_bot):
    """「じゃあ大型ごみは？」 after 「消防検査の所管は？」 asks 大型ごみ's department, after 「消防検査の目標は？」 its
    target — the same fact of the thing it names (「RPAは？」 after a target look-up is RPA's row, not the term's
    definition); after a question asking no such fact it is a question of its own."""
    _, department = mini_bot.dialogue(["消防検査の所管は？", "じゃあ大型ごみは？"])
    assert lead(department) == "大型ごみ収集のオンライン化"
    assert department.text.startswith("「大型ごみ収集のオンライン化」の所管は 環境局 環境事業部")
    _, target = mini_bot.dialogue(["消防検査の目標は？", "じゃあ大型ごみは？"])
    assert lead(target) == "大型ごみ収集のオンライン化" and "50%" in target.text.splitlines()[0]
    _, general = mini_bot.dialogue(["消防検査のオンライン化について教えて", "じゃあ大型ごみは？"])
    assert lead(general) == "大型ごみ収集のオンライン化" and "所管は" not in general.text.splitlines()[0]


def test_a_follow_up_with_a_verb_but_no_topic_noun_stays_on_the_topic(mini_bot):
    """「何人くらい受ける予定？」 names nothing but the asked fact (受ける is a verb, 予定 a fact word)."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", "何件くらい受け付ける予定？"])
    assert second.understood_as == "「消防検査のオンライン化」について"


@pytest.mark.parametrize("follow_up", ["何団体くらい参加してるの？", "何社くらい利用できるの？"])
def test_a_count_asked_with_a_verbal_noun_as_its_verb_stays_on_the_topic(mini_bot, follow_up):
    """「何団体くらい参加してるの？」: 団体 is the counter asked, 参加 the verb (参加してる) — no new topic; a verbal
    noun used as the verb of a question naming a topic (「子どもたちも市政の会議に参加してるの？」) still starts a
    new question."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", follow_up])
    assert second.understood_as == "「消防検査のオンライン化」について"
    _, new = mini_bot.dialogue(["消防検査のオンライン化について教えて", "子どもたちも市政の会議に参加してるの？"])
    assert new.understood_as is None


def test_a_number_of_what_the_topics_indicator_counts_stays_on_the_topic(mini_bot):
    """「オンライン環境整備率は何%にするの？」 after 消防検査のオンライン化, whose target row counts it (its
    description does not name it): the topic's own target; the same figure question on a thing no row of it
    counts is a question of its own."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", "オンライン環境整備率は何%にするの？"])
    assert second.understood_as == "「消防検査のオンライン化」について"
    assert "100%" in second.text.splitlines()[1]
    _, other = mini_bot.dialogue(["消防検査のオンライン化について教えて", "口座振替は何%にするの？"])
    assert other.understood_as is None



@pytest.mark.parametrize("thanks_said", ["ありがとう！", "ありがとう、助かった", "わかった、ありがとう"])
def test_thanks_in_a_conversation_is_about_no_passage_and_the_topic_stays(mini_bot, thanks_said):
    """「ありがとう！」 after an answer gets the short reply with no 「（…について）」 in front; the next
    follow-up is still about the earlier topic."""
    _, thanks, after = mini_bot.dialogue(["消防検査のオンライン化について教えて", thanks_said, "担当は？"])
    assert thanks.intent == "smalltalk" and thanks.understood_as is None
    assert thanks.text.startswith("どういたしまして") and thanks.citations == ()
    assert after.understood_as == "「消防検査のオンライン化」について" and lead(after) == "消防検査のオンライン化"


@pytest.mark.parametrize("asked", ["根拠は？", "出典はどこ？", "ソースは？", "What's the source?"])
def test_asking_where_the_answer_comes_from_stays_on_the_topic(mini_bot, asked):
    """「根拠は？」 after an answer asks for its source, not about 根拠 (the plan's 根拠ある目標設定…): the topic
    again, its passage cited."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", asked])
    assert second.understood_as == "「消防検査のオンライン化」について" and lead(second) == "消防検査のオンライン化"


def test_an_english_fact_follow_up_stays_on_the_topic(mini_bot):
    _, second = mini_bot.dialogue(["Tell me about online fire inspections", "Which department is in charge?"])
    assert second.understood_as == "「消防検査のオンライン化」について"
    assert lead(second) == "消防検査のオンライン化" and "消防局" in second.text
    for follow_up in ("What's the target?", "What’s the target?", "Who's in charge?"):
        _, second = mini_bot.dialogue(["Tell me about online fire inspections", follow_up])
        assert second.understood_as == "「消防検査のオンライン化」について", follow_up
    _, other = mini_bot.dialogue(["Tell me about online fire inspections", "What is a nudge?"])
    assert other.understood_as is None  # a new topic


def test_a_pronoun_refers_to_the_previous_topic(mini_bot):
    _, second = mini_bot.dialogue(["消防検査のオンライン化", "それの目標は？"])
    assert lead(second) == "消防検査のオンライン化" and "100%" in second.text.splitlines()[1]


@pytest.mark.parametrize("follow_up", ["どんな環境を整備するの？", "どの環境整備？", "何の環境？"])
def test_which_of_what_the_topics_indicator_counts_stays_on_the_topic(mini_bot, follow_up):
    """「何の業務で？」 of online consultations counted in オンライン相談の取扱い業務: which ones the target counts, of the
    topic — here 環境 of the fire inspections' オンライン環境整備率 (the river's 水環境 names it too)."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", follow_up])
    assert second.understood_as == "「消防検査のオンライン化」について"


def test_an_english_follow_up_asking_who_takes_part_stays_on_the_topic(mini_bot):
    """"Who takes part?" names nothing but who takes part (take, part: asked-fact words)."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", "Who takes part?"])
    assert second.understood_as == "「消防検査のオンライン化」について"


def test_which_fields_the_topic_covers_stays_on_the_topic(mini_bot):
    """「どんな分野で？」 asks which fields the topic covers: 分野 names the asked fact, no subject of its own."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", "どんな分野で？"])
    assert second.understood_as == "「消防検査のオンライン化」について"


def test_other_things_done_are_not_a_terms_definition(mini_bot):
    """「ほかに手助けしてることは？」 asks what else is done: the glossary's ナッジ (…手助けすること), which shares
    its word, is no initiative — it sinks with what was shown."""
    _, second = mini_bot.dialogue(["大型ごみ収集のオンライン化について教えて", "ほかに手助けしてることは？"])
    assert second.citations and all(citation.hit.chunk.kind != "glossary" for citation in second.citations)


@pytest.mark.parametrize("follow_up", ["Can I join in winter?", "Is it open on weekends?"])
def test_an_english_follow_up_naming_only_a_time_stays_on_the_topic(mini_bot, follow_up):
    """"Can I join in winter?" asks when, of the topic: winter is no subject of its own, as 冬 in
    「冬も参加できる？」."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", follow_up])
    assert second.understood_as == "「消防検査のオンライン化」について"


@pytest.mark.parametrize("follow_up", ["Who do I contact?", "Who should I call?"])
def test_an_english_follow_up_asking_whom_to_contact_stays_on_the_topic(mini_bot, follow_up):
    """"Who do I contact?" asks whom to ask about the topic, as 「問い合わせ先は？」: it names no topic of its own."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", follow_up])
    assert second.understood_as == "「消防検査のオンライン化」について"


def test_the_same_question_in_another_ward(mini_bot):
    _, second = mini_bot.dialogue(["西区の健康づくりの取組は？", "豊平区だと？"])
    assert second.understood_as == "豊平区について、前の質問と同じ内容で"
    assert second.citations[0].hit.chunk.ward == "豊平区"


@pytest.mark.parametrize("follow_up", ["豊平区だとどう？", "豊平区はどうなってる？", "豊平区だったらどうかな",
                                       "うちは豊平区なんだけど", "豊平区に住んでるんですけど",
                                       "豊平区のほうが近いんだけど、豊平だと？"])  # a reason to ask of that ward
def test_the_same_question_in_another_ward_asked_how_it_is_there(mini_bot, follow_up):
    _, second = mini_bot.dialogue(["西区の健康づくりの取組は？", follow_up])
    assert second.understood_as == "豊平区について、前の質問と同じ内容で"
    assert second.citations[0].hit.chunk.ward == "豊平区"


@pytest.mark.parametrize("follow_up", ["豊平区の話なんだけど", "豊平区のことです", "豊平区です", "豊平区だよ"])
def test_the_ward_a_question_naming_none_meant_asks_it_again_there_as_a_whole_question(mini_bot, in_context,
                                                                                     follow_up):
    """「豊平区の話なんだけど」 after 「避難所開設訓練ってやってる？」 (no ward named, answered with 西区's drills): the
    question asked again of 豊平区, judged as if asked alone (a ward without drills is "not in the plan", not its
    nearest passage read leniently against the conversation)."""
    first, second = mini_bot.dialogue(["避難所開設訓練ってやってる？", follow_up])
    assert lead(first) == "地域の防災力強化"
    assert second.understood_as == "豊平区について、前の質問と同じ内容で"
    assert in_context == [False, False]


def test_the_ward_an_english_question_meant_is_put_in_english(mini_bot, monkeypatch, in_context):
    asked, real = [], mini_bot.engine.understand
    monkeypatch.setattr(mini_bot.engine, "understand",
                        lambda q, *a, **k: (asked.append(q), real(q, *a, **k))[1])
    _, second = mini_bot.dialogue(["Are there evacuation drills?", "I live in Toyohira ward"])
    assert second.understood_as == "豊平区について、前の質問と同じ内容で"
    assert asked[-1] == "Toyohira ward Are there evacuation drills?" and in_context == [False, False]


def test_a_follow_up_naming_the_ward_the_answer_was_of_stays_on_the_topic(mini_bot):
    """「西区の話なんだけど」 when the answer was already 西区's: the same topic (話 names no subject)."""
    _, second = mini_bot.dialogue(["避難所開設訓練ってやってる？", "西区の話なんだけど"])
    assert second.understood_as == "「地域の防災力強化」について" and lead(second) == "地域の防災力強化"


def test_a_follow_up_of_a_follow_up_asked_of_another_ward_stays_in_context(mini_bot, in_context):
    """「豊平区だと？」 after 「避難所開設訓練ってやってる？」「担当は？」: 「豊平区 担当は？」 needs the conversation."""
    mini_bot.dialogue(["消防検査のオンライン化について教えて", "担当は？", "豊平区だと？"])
    assert in_context[1:] == [True, True]


@pytest.mark.parametrize("follow_up", ["豊平区には似たようなのある？", "豊平区にも似たような取り組みある？",
                                       "豊平区でも同じようなイベントやってる？", "Anything similar in Toyohira ward?"])
def test_something_like_the_topic_in_another_ward_is_searched_by_the_topics_words(mini_bot, follow_up):
    """「豊平区にも似たようなのある？」 after 西区's evacuation drills asks for what is like them there, not for the
    same drills (a ward without them would be "not in the plan"): searched with the topic's own words, led by
    the ward's passage most alike; the topic itself is not offered again."""
    first, second = mini_bot.dialogue(["西区の防災の取組は？", follow_up])
    assert lead(first) == "地域の防災力強化"
    assert second.understood_as == "「地域の防災力強化」に似た豊平区の取組"
    assert second.citations[0].hit.chunk.ward == "豊平区"
    assert "地域の防災力強化" not in [c.hit.chunk.title for c in second.citations[:1]]


@pytest.mark.parametrize("follow_up", ["豊平区には似たような公園ある？", "豊平区にもスポーツの似た取組ある？"])
def test_something_like_the_topic_naming_a_thing_of_its_own_is_a_question_of_its_own(mini_bot, follow_up):
    _, second = mini_bot.dialogue(["西区の防災の取組は？", follow_up])
    assert second.understood_as != "「地域の防災力強化」に似た豊平区の取組"


def test_the_same_question_in_another_ward_in_english_renames_the_ward_as_written(mini_bot, monkeypatch):
    """"What about Toyohira?" after an English question naming Nishi ward asks that question again with the ward
    renamed in English, not with 豊平区 put before a question still naming Nishi."""
    asked, real = [], mini_bot.engine.understand
    monkeypatch.setattr(mini_bot.engine, "understand", lambda q, *a, **k: (asked.append(q), real(q, *a, **k))[1])
    _, second = mini_bot.dialogue(["What health programs does Nishi ward have?", "What about Toyohira?"])
    assert asked[-1] == "What health programs does Toyohira ward have?"
    assert second.citations[0].hit.chunk.ward == "豊平区"
    for follow_up in ("Does Toyohira ward have one too?", "Do they do that in Toyohira?"):  # 「豊平区にもある？」
        mini_bot.dialogue(["What health programs does Nishi ward have?", follow_up])
        assert asked[-1] == "What health programs does Toyohira ward have?", follow_up


def test_the_same_question_in_another_ward_is_judged_as_if_asked_alone(mini_bot, in_context):
    """「豊平区だと？」 after a question naming 西区 is the whole question 「豊平区の…」: judged as one asked alone
    (no lenient follow-up threshold; a ward's passage must speak of what it asks)."""
    mini_bot.dialogue(["西区の健康づくりの取組は？", "豊平区だと？"])
    assert in_context == [False, False]
    in_context.clear()  # after a follow-up that named no ward, the question that named one is asked again
    *_, third = mini_bot.dialogue(["西区の防災の取組は？", "担当は？", "豊平区だと？"])
    assert in_context == [False, True, False] and third.citations[0].hit.chunk.ward == "豊平区"
    in_context.clear()  # no question named the ward (the topic's passage did): the question asked alone
    mini_bot.dialogue(["避難所開設訓練", "豊平区だと？"])  # before, with the ward in front, is whole too
    assert in_context == [False, False]
    in_context.clear()  # an initiative's title looked up (the bot then suggests 「西区だと？」): the like of it
    mini_bot.dialogue(["とよひらスポーツ健康ウォーキング事業", "西区だと？"])  # there, read in context
    assert in_context == [False, True]


def test_the_same_question_in_another_ward_prefers_that_wards_like_of_the_topic(mini_bot, monkeypatch):
    """「豊平区だと？」 after 西区's disaster drills: the question asked again of 豊平区, the initiative there that
    reads most like the topic (`LoadedIndex.most_alike`) preferred — not a passage sharing only the words."""
    index = mini_bot.engine.index
    walking = next(chunk for chunk in index.chunks if chunk.title == "とよひらスポーツ健康ウォーキング事業")
    asked = []

    def most_alike(self, chunk, ward):
        asked.append((chunk.title, ward))
        return walking

    monkeypatch.setattr(type(index), "most_alike", most_alike)
    _, second = mini_bot.dialogue(["西区の防災の取組は？", "豊平区だと？"])
    assert asked == [("地域の防災力強化", "豊平区")]
    assert second.understood_as == "豊平区について、前の質問と同じ内容で" and lead(second) == walking.title


def test_back_to_an_earlier_ward_takes_that_turns_topic(mini_bot):
    """After a detour to 豊平区, 「西区の話に戻るけど、それの担当は？」 asks about the 西区 topic; a new topic in
    the earlier ward is a new question."""
    first, _, back = mini_bot.dialogue(["西区の防災の取組は？", "豊平区だと？", "西区の話に戻るけど、それの担当は？"])
    assert lead(first) == "地域の防災力強化"
    assert back.understood_as == "「地域の防災力強化」について" and lead(back) == "地域の防災力強化"
    *_, new = mini_bot.dialogue(["西区の防災の取組は？", "豊平区だと？", "西区の川の清掃活動は？"])
    assert new.understood_as is None and lead(new) == "琴似発寒川の水環境保全推進事業"


@pytest.mark.parametrize("follow_up", ["今は何してるの", "じゃあ今は何やってるの？", "What are they doing now?",
                                       "今もやってる？"])
def test_what_is_done_now_after_a_wards_narrative_asks_for_its_initiatives(mini_bot, follow_up):
    """「今は何してるの」 after a ward's narrative (its goal here; its overview or 2019 review in the plan): the
    ward's initiatives like it, its narrative passages sunk."""
    _, now = mini_bot.dialogue(["西区の目標1は？", follow_up])
    assert now.understood_as == "「目標1:誰もが安全・安心に暮らせるまちづくり」に書かれたことの、今の計画での取組"
    assert now.citations[0].hit.chunk.kind == "initiative" and now.citations[0].hit.chunk.ward == "西区"


@pytest.mark.parametrize(("pointer", "expected"), [
    ("じゃあ最初のほうの担当は？", "地域の防災力強化"),  # the conversation's first topic
    ("Who is in charge of the first one?", "地域の防災力強化"),
    ("さっきのやつの担当は？", "消防検査のオンライン化"),  # the latest before the current one
])
def test_an_earlier_topic_pointed_back_at_is_asked_again(mini_bot, pointer, expected):
    """Three topics in, 「最初のほう」 is the first and 「さっきのやつ」 the one before the current topic."""
    *_, back = mini_bot.dialogue(["西区の防災の取組は？", "消防検査のオンライン化について教えて",
                                  "琴似発寒川の水環境保全推進事業について教えて", pointer])
    assert back.understood_as == f"「{expected}」について" and lead(back) == expected


def test_a_thing_only_the_topic_names_is_asked_of_the_topic_unless_it_is_a_glossary_term(mini_bot):
    """「避難所開設訓練ってどういうもの？」 after 「地域の防災力強化」 (whose text names it, as no other passage does)
    asks about that initiative; 「ナッジって何？」 asks the glossary term."""
    _, detail = mini_bot.dialogue(["西区の防災の取組は？", "避難所開設訓練ってどういうもの？"])
    assert detail.understood_as == "「地域の防災力強化」について"
    _, term = mini_bot.dialogue(["西区の防災の取組は？", "ナッジって何？"])
    assert term.understood_as is None and lead(term) == "ナッジ"


def test_a_glossary_term_the_topic_names_asked_what_is_done_with_it_stays_on_the_topic(mini_config, embedder,
                                                                                       tmp_path):
    """「ナッジとか使う予定ある？」 after an initiative whose text names ナッジ asks about that initiative (it was a new
    question, led by the glossary entry); 「ナッジって何？」 still asks the term."""
    from dataclasses import replace

    from bot.config import BotConfig, LLMConfig, Relevance
    from bot.service import Bot
    from index.engine import SearchEngine
    from tests.conftest import MINI_PLAN

    plan = tmp_path / "nudge_plan.txt"
    plan.write_text(MINI_PLAN.replace("検査業務をオンラインでできる環境を整備します。",
                                      "検査業務をオンラインでできる環境を整備し、ナッジを活用した案内も行います。"),
                    encoding="utf-8")
    config = replace(mini_config, ingest=replace(mini_config.ingest, corpus=(plan,)))
    bot = Bot(BotConfig(index=config, relevance=Relevance(threshold=-1.0), llm=LLMConfig(None, None),
                        feedback_log=tmp_path / "feedback.jsonl"), SearchEngine(config, embedder))
    _, used = bot.dialogue(["消防検査のオンライン化って何？", "ナッジとか使う予定ある？"])
    assert used.understood_as == "「消防検査のオンライン化」について"
    _, term = bot.dialogue(["消防検査のオンライン化って何？", "ナッジって何？"])
    assert term.understood_as is None and lead(term) == "ナッジ"


def test_several_things_the_topic_all_speaks_of_asked_with_mo_are_asked_of_the_topic(mini_bot, monkeypatch):
    """「口座振替の依頼もインターネットでできる？」 after 税務手続のオンライン化, whose target row names インターネットを利用
    した口座振替依頼: several things, the last with も, all spoken of by the topic (each named by many passages, as
    町内会 and 研修 are in the plan) — the topic's; one the topic does not speak of is a new question."""
    import bot.conversation

    monkeypatch.setattr(bot.conversation, "_SPECIFIC", 0)
    _, both = mini_bot.dialogue(["税金の手続きのオンライン化について教えて", "インターネットの口座振替依頼もある？"])
    assert both.understood_as == "「税務手続のオンライン化推進」について"
    _, other = mini_bot.dialogue(["税金の手続きのオンライン化について教えて", "インターネットの大型ごみ受付もある？"])
    assert other.understood_as is None


def test_people_a_thing_is_for_asked_with_mo_are_asked_of_the_topic(mini_bot, monkeypatch):
    """「子供向けもある？」 after the river clean-up: whom it is for, however many passages name 子供 (here: all)."""
    import bot.conversation

    monkeypatch.setattr(bot.conversation, "_named_by", lambda thing, passages: 9)
    _, kids = mini_bot.dialogue(["琴似発寒川の水環境保全推進事業について教えて", "子供向けもある？"])
    assert kids.understood_as == "「琴似発寒川の水環境保全推進事業」について"


def test_people_with_a_thing_asked_with_mo_are_asked_of_the_topic(mini_bot):
    """「車いすの子も遊べるようになる？」 after 西区's park renewals: children using wheelchairs, a thing no passage
    names, with も on the people — whom the topic serves, not a new search."""
    _, wheelchair = mini_bot.dialogue(["琴似発寒川の水環境保全推進事業について教えて", "車いすの子も遊べるようになる？"])
    assert wheelchair.understood_as == "「琴似発寒川の水環境保全推進事業」について"


@pytest.mark.parametrize("follow_up", ["現状は？", "削減目標は？", "短縮目標は？"])
def test_the_current_figure_or_what_a_target_does_asked_of_a_target_stays_on_the_topic(mini_bot, monkeypatch,
                                                                                       follow_up):
    """「現状は？」 asks the baseline, 「削減目標は？」 the target (削減 named by many passages, as in the plan)."""
    import bot.conversation

    monkeypatch.setattr(bot.conversation, "_named_by", lambda thing, passages: 9)
    _, now = mini_bot.dialogue(["大型ごみのネット受付の目標は？", follow_up])
    assert now.understood_as == "「大型ごみ収集のオンライン化」について"


@pytest.mark.parametrize("follow_up", ["2027年には？", "令和9年度は？", "R9だと？", "And in 2027?"])
def test_a_plan_year_alone_asks_the_topics_figure_for_it(mini_bot, follow_up):
    """「令和9年度は？」 after the bulky-waste booking: that year's target (was a new question: 令和, R were read as
    its subject, and nothing was found)."""
    _, year = mini_bot.dialogue(["大型ごみのネット受付について教えて", follow_up])
    assert year.understood_as == "「大型ごみ収集のオンライン化」について" and not year.abstained
    assert "2027年: 50%" in year.text.splitlines()[1]


def test_a_thing_no_passage_names_added_to_the_topic_is_asked_of_the_topic(mini_bot):
    """「スマホでも簡単になる？」 after the bulky-waste initiative: スマホ is named by no passage, so the message asks
    the topic (searched alone it was a new question); 「消防検査もオンラインになる？」 names another passage's thing."""
    _, phone = mini_bot.dialogue(["大型ごみのネット受付ってどうなる？", "スマホでも簡単になる？"])
    assert phone.understood_as == "「大型ごみ収集のオンライン化」について"
    _, other = mini_bot.dialogue(["大型ごみのネット受付ってどうなる？", "消防検査もオンラインになる？"])
    assert other.understood_as is None and lead(other) == "消防検査のオンライン化"


def test_a_thing_named_loosely_that_the_topic_speaks_of_is_asked_of_the_topic(mini_bot):
    """「整備率とか上がるの？」 after 消防検査のオンライン化, whose target row counts オンライン環境整備率 (its
    description does not name it): one thing named with とか, spoken of by the topic — the topic's."""
    _, loose = mini_bot.dialogue(["消防検査のオンライン化について教えて", "整備率とか上がるの？"])
    assert loose.understood_as == "「消防検査のオンライン化」について" and lead(loose) == "消防検査のオンライン化"


def test_a_thing_named_loosely_by_an_everyday_name_of_the_topics_kind_is_asked_of_the_topic(mini_bot):
    """「タブレットとかで検査受けられる？」 after 消防検査のオンライン化: the profile's alias names タブレット an オンライン
    way, which the topic speaks of, and 検査 the topic names too; 「タブレットとかで税金払える？」 names 税金, which it
    does not."""
    _, loose = mini_bot.dialogue(["消防検査のオンライン化について教えて", "タブレットとかで検査受けられる？"])
    assert loose.understood_as == "「消防検査のオンライン化」について" and lead(loose) == "消防検査のオンライン化"
    _, other = mini_bot.dialogue(["消防検査のオンライン化について教えて", "タブレットとかで税金払える？"])
    assert other.understood_as is None


def test_a_thing_the_topic_names_asked_whether_it_is_part_of_it_is_asked_of_the_topic(mini_bot, monkeypatch):
    """「インターネットも関係ある？」 after the bulky-waste initiative, whose text names インターネット受付: 関係 asks
    whether the topic takes the thing in, it is no second thing of the message (the thing counted as named by
    many passages, as ウォーキング is in the plan: a detail few passages name is the topic's anyway)."""
    import bot.conversation

    monkeypatch.setattr(bot.conversation, "_SPECIFIC", 0)
    _, related = mini_bot.dialogue(["大型ごみのネット受付ってどうなる？", "インターネットも関係ある？"])
    assert related.understood_as == "「大型ごみ収集のオンライン化」について"
    assert lead(related) == "大型ごみ収集のオンライン化"


def test_after_a_term_asked_aside_a_detail_of_the_topic_before_returns_to_it(mini_bot):
    """「インターネット受付があるの？」 after 「ナッジって何？」, asked aside of the bulky-waste initiative: the glossary
    entry does not name it, the initiative before it does — back to the initiative."""
    *_, back = mini_bot.dialogue(["大型ごみのネット受付ってどうなる？", "ナッジって何？", "インターネット受付があるの？"])
    assert back.understood_as == "「大型ごみ収集のオンライン化」について"
    assert lead(back) == "大型ごみ収集のオンライン化"


def test_a_figure_asked_of_a_glossary_term_is_asked_of_the_initiative_counting_it(mini_config, embedder,
                                                                                   tmp_path):
    """「何件やるの？」 after 「ナッジって何？」: the term states no figure; the one initiative whose indicator names
    ナッジ does. 「どういう意味？」 still asks the term."""
    from dataclasses import replace

    from bot.config import BotConfig, LLMConfig, Relevance
    from bot.service import Bot
    from index.engine import SearchEngine
    from tests.conftest import MINI_PLAN

    plan = tmp_path / "nudge_plan.txt"
    plan.write_text(MINI_PLAN.replace("目標\tオンライン環境整備率\t2022年 —\t2027年 100%",
                                      "目標\tナッジを活用した案内の実施件数\t2022年 —\t2027年 20件"), encoding="utf-8")
    config = replace(mini_config, ingest=replace(mini_config.ingest, corpus=(plan,)))
    bot = Bot(BotConfig(index=config, relevance=Relevance(threshold=-1.0), llm=LLMConfig(None, None),
                        feedback_log=tmp_path / "feedback.jsonl"), SearchEngine(config, embedder))
    _, counted = bot.dialogue(["ナッジって何？", "何件やるの？"])
    assert counted.understood_as == "「消防検査のオンライン化」について" and "20件" in counted.text
    _, meaning = bot.dialogue(["ナッジって何？", "どういう意味？"])
    assert meaning.understood_as == "「ナッジ」について"


def test_a_condition_asked_of_the_topic_is_stated_by_the_topic_or_not_at_all(mini_bot):
    """「それってオンラインでも申し込める？」 of the river clean-up: the bulky-waste and fire-inspection passages
    retrieved with it speak of オンライン, the topic does not — refused, the topic still shown; 「それって一斉清掃も
    できる？」 is stated by the topic itself."""
    _, online = mini_bot.dialogue(["琴似発寒川の水環境保全推進事業について教えて", "それってオンラインでも申し込める？"])
    assert online.abstained and lead(online) == "琴似発寒川の水環境保全推進事業"
    assert "「オンライン」についての記載はありません" in online.text
    _, cleanup = mini_bot.dialogue(["琴似発寒川の水環境保全推進事業について教えて", "それって一斉清掃もできる？"])
    assert not cleanup.abstained and lead(cleanup) == "琴似発寒川の水環境保全推進事業"


def test_within_the_topic_looks_among_the_initiatives_beside_it(mini_bot, monkeypatch):
    """「その中で税金のやつは？」 after 大型ごみ収集のオンライン化: the initiatives under the same heading
    (行政手続のオンライン化の推進) are preferred."""
    import bot.service

    resolved = []
    real = bot.service.resolve

    def spy(*args, **kwargs):
        resolved.append(real(*args, **kwargs))
        return resolved[-1]

    monkeypatch.setattr(bot.service, "resolve", spy)
    _, within = mini_bot.dialogue(["大型ごみのネット受付ってどうなる？", "その中で税金のやつは？"])
    titles = {chunk.id: chunk.title for chunk in mini_bot.engine.index.chunks}
    assert resolved[-1].kind == "within"
    assert {titles[i] for i in resolved[-1].group} == {"税務手続のオンライン化推進", "消防検査のオンライン化"}
    assert lead(within) == "税務手続のオンライン化推進"


def test_an_english_follow_up_naming_what_the_topics_text_names_stays_on_the_topic(mini_bot):
    """"Will there be an internet reception?" after the bulky-waste initiative, whose text names インターネット受付:
    the plan's words the question was searched with name the topic's detail; "What is …?" asks the term."""
    _, detail = mini_bot.dialogue(["大型ごみのネット受付ってどうなる？", "Will there be an internet reception?"])
    assert detail.understood_as == "「大型ごみ収集のオンライン化」について"
    _, term = mini_bot.dialogue(["大型ごみのネット受付ってどうなる？", "What is internet reception?"])
    assert term.understood_as is None


def test_what_kind_asked_of_a_common_word_of_the_topics_title_stays_on_the_topic(mini_bot, monkeypatch):
    """「どんなオンライン化？」 after 消防検査のオンライン化: a word of its title that many passages name (here: more
    than two of the mini plan's), asked what kind — the topic's; named without asking (「オンライン化の取組ある？」)
    it is a question of its own."""
    monkeypatch.setattr("bot.conversation._SPECIFIC", 2)
    _, kind = mini_bot.dialogue(["消防検査のオンライン化について教えて", "どんなオンライン化？"])
    assert kind.understood_as == "「消防検査のオンライン化」について"
    _, other = mini_bot.dialogue(["消防検査のオンライン化について教えて", "オンライン化の取組ある？"])
    assert other.understood_as is None


def test_a_first_question_refused_for_an_unstated_fact_leaves_its_passage_as_the_topic(mini_bot):
    """「琴似発寒川の水環境保全推進事業の参加費は？」 is refused (no fees in the plan) with the river initiative found; 「担当は？」
    next asks about that initiative."""
    refused, follow = mini_bot.dialogue(["琴似発寒川の水環境保全推進事業の参加費は？", "担当は？"])
    assert refused.abstained and refused.topic_found and lead(refused) == "琴似発寒川の水環境保全推進事業"
    assert follow.understood_as == "「琴似発寒川の水環境保全推進事業」について"


def test_more_detail_on_another_named_thing_is_a_new_question_in_the_ward(mini_bot):
    """「琴似発寒川のやつ、もっと詳しく」 after the 防災 initiative asks about the river one, not the topic."""
    _, other = mini_bot.dialogue(["西区の防災の取組は？", "琴似発寒川のやつ、もっと詳しく"])
    assert other.understood_as is None  # searched as a new question, the ward carried over
    _, more = mini_bot.dialogue(["西区の防災の取組は？", "もっと詳しく"])
    assert more.understood_as == "「地域の防災力強化」について詳しく"


def test_an_english_follow_up_asking_how_much_the_target_is_stays_on_the_topic(mini_bot):
    _, second = mini_bot.dialogue(["Tell me about online fire inspections",
                                   "How much money is the city aiming to collect?"])
    assert second.understood_as == "「消防検査のオンライン化」について"


@pytest.mark.parametrize("asked", ["しょかんは？", "たんとうぶしょ"])
def test_the_department_asked_in_kana_stays_on_the_topic(mini_bot, asked):
    """「しょかんは？」 asks 所管 (Mozc reads it 書簡, a letter), 「たんとうぶしょ」 担当部署: nothing but the asked fact."""
    _, kana = mini_bot.dialogue(["消防検査のオンライン化について教えて", asked])
    assert kana.understood_as == "「消防検査のオンライン化」について" and "消防局 予防部" in kana.text.splitlines()[1]


@pytest.mark.parametrize("follow_up", [
    "具体的にはなにやるの",  # the tokenizer had read はな (端) out of 「にはなに」, a thing the topic does not name
    "どんなイベント？", "どんな催し？", "どんな業種の会社が入ってる？",  # a kind of thing only: what the topic holds
    "どこが一緒にやってるの？",  # 一緒 (together) names no thing of its own
    "どう対策するの",  # 対策: what the topic does, no subject of its own
    "地域の人が掃除するってこと？",  # the answer checked in the asker's words, not a new search for 地域
    "いつリニューアル？",  # when, of a thing no passage names (the plan says 再構築)
    "備考欄に書いてある事業は？",  # the topic's own note
    "夏休みにやる？",  # when, by a school holiday: the schedule the plan does not state, of the topic
    "その活動で他に何してるの？",  # what else, of the topic named by その and a word (not other initiatives)
])
def test_a_follow_up_asking_what_the_topic_does_stays_on_the_topic(mini_bot, follow_up):
    _, second = mini_bot.dialogue(["琴似発寒川の水環境保全推進事業について教えて", follow_up])
    assert second.understood_as == "「琴似発寒川の水環境保全推進事業」について"


@pytest.mark.parametrize(("opening", "follow_up", "topic"), [
    ("西区の防災の取組は？", "練習みたいなのもあるの？", "地域の防災力強化"),  # 訓練
    ("琴似発寒川の水環境保全推進事業について教えて", "掃除ってどんな感じ？", "琴似発寒川の水環境保全推進事業"),  # 清掃
])
def test_a_detail_the_topics_text_names_by_a_synonym_stays_on_the_topic(mini_bot, opening, follow_up, topic):
    """「練習」 is 訓練 and 「掃除」 清掃 to Sudachi's synonym groups (「マニュアルみたいなのはある？」 of the plan's
    避難所開設の手引き): a detail of the topic, in the asker's word."""
    _, second = mini_bot.dialogue([opening, follow_up])
    assert second.understood_as == f"「{topic}」について"


@pytest.mark.parametrize("follow_up", ["いつからネットでできるの？", "いつからネットで申し込めるの？", "全部ネットでできるの？"])
def test_when_asked_by_the_means_it_is_done_by_stays_on_the_topic(mini_bot, follow_up):
    """「いつからネットでできるの？」 after 消防検査's online inspections: ネット, which other passages name (their
    インターネット受付), is how it is done, not what it is about — asked when or whether (「全部ネットでできるの？」); a
    thing named besides (大型ごみを) is a new subject."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", follow_up])
    assert second.understood_as == "「消防検査のオンライン化」について"
    _, other = mini_bot.dialogue(["消防検査のオンライン化について教えて", "いつから大型ごみをネットで申し込めるの？"])
    assert other.understood_as is None


def test_other_initiatives_asked_about_child_rearing_are_other_initiatives(mini_bot):
    """「他に子育ての取組ある？」: 子育て is no other child (「他の子も参加できる？」), the topic is left out."""
    _, second = mini_bot.dialogue(["琴似発寒川の水環境保全推進事業について教えて", "他に子育ての取組ある？"])
    assert second.understood_as == "「琴似発寒川の水環境保全推進事業」以外の取組"


@pytest.mark.parametrize("follow_up", ["担当は消防局？", "担当は予防部？"])  # the bureau or the division
def test_a_department_of_the_topic_asked_to_confirm_stays_on_the_topic(mini_bot, follow_up):
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", follow_up])
    assert second.understood_as == "「消防検査のオンライン化」について" and lead(second) == "消防検査のオンライン化"


def test_a_range_of_ages_asked_is_asked_of_whom_the_topic_reaches(mini_bot):
    """「子どもからお年寄りまで見てくれるの？」 after 保健師's work asks whom it reaches (世代を問わず), not for a new
    search of passages about children or the elderly."""
    _, second = mini_bot.dialogue(["琴似発寒川の水環境保全推進事業について教えて", "子どもからお年寄りまで参加できるの？"])
    assert second.understood_as == "「琴似発寒川の水環境保全推進事業」について"


@pytest.mark.parametrize("follow_up", ["パパだけで行ってもいい？", "おばあちゃんも参加できる？"])
def test_whether_the_askers_family_may_take_part_is_asked_of_the_topic(mini_bot, follow_up):
    """「パパだけで行ってもいい？」 after the river clean-up asks who may take part in it, not for a new search of
    passages about fathers."""
    _, second = mini_bot.dialogue(["琴似発寒川の水環境保全推進事業について教えて", follow_up])
    assert second.understood_as == "「琴似発寒川の水環境保全推進事業」について"


def test_who_takes_the_applications_of_the_topic_is_asked_of_the_topic(mini_bot):
    """「口座振替の受付はどこがやるの？」: 受付 (taking applications) is a facet of the topic like 窓口, not a thing of
    its own that 大型ごみ's インターネット受付 would answer."""
    from bot.conversation import _named_things
    from ingest.profile import PlanProfile

    assert _named_things("申請の受付はどこがやるの？", PlanProfile()) == ["申請"]
    _, second = mini_bot.dialogue(["税務手続のオンライン化について教えて", "口座振替の受付はどこがやるの？"])
    assert second.understood_as == "「税務手続のオンライン化推進」について"


def test_a_follow_up_asking_where_the_topic_is_set_up_is_bound_to_the_topic(mini_bot):
    """「それってどこに置かれるの？」 names no subject: the topic's is what a passage must speak of (a location
    question with no subject is refused outright)."""
    from bot.conversation import Resolution, apply
    from index.unstated import subject_of

    query = mini_bot.engine.understand("それってどこに置かれるの？")
    assert query.intent.unanswerable_fact == "location" and query.intent.subject == ()
    topic = mini_bot.engine.index.chunks[0]
    applied = apply(Resolution("same_topic", topic=topic), query, 0.03, 1.0)
    assert applied.intent.subject and applied.intent.subject == subject_of(topic.title, "location")


def test_a_new_subject_announced_carries_nothing_over(mini_bot, in_context):
    """「ところで、…」 starts afresh: no ward carried, judged as a question asked alone."""
    mini_bot.dialogue(["西区の防災の取組は？", "ナッジって何？"])
    assert in_context == [False, True]  # the ward carried over as a preference
    in_context.clear()
    _, fresh = mini_bot.dialogue(["西区の防災の取組は？", "ところで、ナッジって何？"])
    assert in_context == [False, False] and fresh.understood_as is None and lead(fresh) == "ナッジ"


def test_an_amount_or_an_intention_is_an_asked_fact_not_a_new_topic(mini_bot):
    for follow_up in ("目標の金額は？", "どれくらい増やすつもり？"):
        _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", follow_up])
        assert second.understood_as == "「消防検査のオンライン化」について", follow_up


def test_the_topics_name_or_the_wards_it_reaches_asked_name_no_new_topic(mini_bot):
    """「なんて名前？」 asks the topic's name, 「全部の区にできるの？」 where it reaches, 「どんな種類？」 what kinds: 名前,
    種類 and the city's places (区, 札幌市) are no subject of their own; a ward or a thing named still is one."""
    for follow_up in ("なんて名前？", "正式名称は？", "全部の区にできるの？", "各区でやるの？", "札幌市はどれくらい増やしたいの？",
                      "どんな種類？"):
        _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", follow_up])
        assert second.understood_as == "「消防検査のオンライン化」について", follow_up
    _, other = mini_bot.dialogue(["消防検査のオンライン化について教えて", "コトニジャズってなんて名前の区でやるの？"])
    assert other.understood_as is None


def test_after_a_refused_follow_up_the_next_one_keeps_the_topic(mini_bot):
    """「参加費は？」 is refused (no fees in the plan); 「担当は？」 still asks about the same initiative."""
    _, refused, third = mini_bot.dialogue(["消防検査のオンライン化について教えて", "それの手数料は？", "担当は？"])
    assert refused.abstained
    assert third.understood_as == "「消防検査のオンライン化」について" and "消防局" in third.text


def test_the_words_asking_for_a_fact_the_plan_never_states_name_no_new_topic(mini_bot):
    """「参加費っていくら？」: 参加費 is the asked fee, not a topic (`without_asked_fact`); a named event is one."""
    for follow_up in ("参加費っていくら？", "今日は何分待ち？", "土日も開いてる？"):
        _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", follow_up])
        assert second.abstained and second.understood_as == "「消防検査のオンライン化」について", follow_up
    _, other = mini_bot.dialogue(["消防検査のオンライン化について教えて", "コトニジャズのチケットっていくら？"])
    assert other.understood_as is None


def test_a_refused_question_on_the_same_passage_keeps_the_topic_for_the_next(mini_bot):
    """Asked in full words (a new question) and refused, its closest passage still the topic: 「担当は？」 next
    asks about that initiative; a refused question whose closest passage is another one does not keep it."""
    _, refused, third = mini_bot.dialogue(["消防検査のオンライン化について教えて", "消防検査のオンライン化って今日は混んでる？",
                                           "担当は？"])
    assert refused.abstained and refused.understood_as is None and lead(refused) == "消防検査のオンライン化"
    assert third.understood_as == "「消防検査のオンライン化」について" and "消防局" in third.text
    _, elsewhere, after = mini_bot.dialogue(["消防検査のオンライン化について教えて", "大型ごみの収集って今日は混んでる？",
                                             "担当は？"])
    assert elsewhere.abstained and lead(elsewhere) != "消防検査のオンライン化"
    assert after.understood_as != "「消防検査のオンライン化」について"


def test_the_procedure_asked_of_the_topic_names_no_new_topic(mini_bot):
    """「申し込みはどうすればいい？」: 申し込み is the asked procedure's own word, so it is asked of the topic — not a new
    search that any passage about 申込 would lead."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", "申し込みはどうすればいい？"])
    assert second.understood_as == "「消防検査のオンライン化」について"
    assert lead(second) == "消防検査のオンライン化"


@pytest.mark.parametrize("follow_up", ["ほかの区役所でもできるの？", "他の施設にも広げるの？", "ほかの区役所でも？",
                                       "ほかの区にもある？", "Will they offer it in other ward offices too?"])
def test_the_topic_asked_of_other_places_stays_on_the_topic(mini_bot, follow_up):
    """「ほかの区役所でもできるの？」 asks whether the city-wide topic reaches other places, not for other initiatives."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", follow_up])
    assert second.understood_as == "「消防検査のオンライン化」について"
    assert lead(second) == "消防検査のオンライン化"
    _, others = mini_bot.dialogue(["消防検査のオンライン化について教えて", "ほかの取組もある？"])
    assert others.understood_as.endswith("以外の取組")


@pytest.mark.parametrize("follow_up", ["ほかの区でもやってる？", "他の区にもある？", "Do other wards do this too?"])
def test_other_wards_asked_for_the_topic_are_searched_for_what_is_like_it_there(mini_bot, follow_up):
    """「ほかの区でもやってる？」 after 豊平区's walking initiative asks what is like it in the other wards: the topic's
    ward does not carry over and its passages sink."""
    _, second = mini_bot.dialogue(["豊平区のウォーキングの取組は？", follow_up])
    assert second.understood_as == "「とよひらスポーツ健康ウォーキング事業」に似たほかの区の取組"
    assert second.citations[0].hit.chunk.ward == "西区"
    assert all(c.hit.chunk.ward != "豊平区" for c in second.citations)


@pytest.mark.parametrize("follow_up", ["豊平区以外でも似たのある？", "豊平以外の区は？",
                                       "Anything similar outside Toyohira ward?"])
def test_the_topics_ward_named_to_leave_it_out_asks_the_other_wards(mini_bot, follow_up):
    """「豊平区以外でも似たのある？」 names the topic's ward to leave it out: asked as 「ほかの区でも…」 (it was a
    question of 豊平区 again, answered with its own passages or refused); 「豊平区以外で防災の取組ある？」 asks on its
    own terms, the ward's passages sunk."""
    _, like = mini_bot.dialogue(["豊平区のウォーキングの取組は？", follow_up])
    assert like.understood_as == "「とよひらスポーツ健康ウォーキング事業」に似たほかの区の取組"
    assert like.citations[0].hit.chunk.ward == "西区"
    assert all(c.hit.chunk.ward != "豊平区" for c in like.citations)
    _, own = mini_bot.dialogue(["豊平区のウォーキングの取組は？", "豊平区以外で防災の取組ある？"])
    assert own.understood_as == "豊平区以外の区の取組" and own.question == "ほかの区で防災の取組ある？"
    assert own.citations and all(c.hit.chunk.ward != "豊平区" for c in own.citations)


@pytest.mark.parametrize("question", ["西区以外で川の取組ある？", "Are there river programs outside Nishi ward?"])
def test_a_ward_named_to_leave_it_out_is_not_the_questions_ward(mini_bot, question):
    """「西区以外で川の取組ある？」 asked alone: the other wards, 西区's passages sunk (it was a 西区 question, answered
    with 西区's river clean-up)."""
    answer = mini_bot.answer(question)
    assert answer.understood_as == "西区以外の区の取組"
    assert answer.citations and answer.citations[0].hit.chunk.ward != "西区"


@pytest.mark.parametrize("follow_up", ["市全体でもやってる？", "Is there anything city-wide?"])
def test_the_whole_city_asked_for_a_wards_topic_is_searched_among_the_city_wide_passages(mini_bot, follow_up):
    """「市全体でもやってる？」 after 豊平区's walking initiative asks what is like it city-wide: no ward's passage is
    cited first; 「市全体で税金の手続きってオンラインになる？」 asks on its own terms, the ward not carried over."""
    _, like = mini_bot.dialogue(["豊平区のウォーキングの取組は？", follow_up])
    assert like.understood_as == "「とよひらスポーツ健康ウォーキング事業」に似た全市の取組"
    assert like.citations[0].hit.chunk.ward is None
    _, own = mini_bot.dialogue(["豊平区のウォーキングの取組は？", "市全体で税金の手続きってオンラインになる？"])
    assert own.understood_as is None and own.citations[0].hit.chunk.ward is None
    # a theme a ward's passage speaks of, asked of the whole city: the wards' passages sunk
    _, theme = mini_bot.dialogue(["豊平区のウォーキングの取組は？", "市全体でも清掃活動やってる？"])
    assert theme.citations[0].hit.chunk.ward is None  # (西区's river clean-up led)


def test_other_wards_asked_on_their_own_terms_search_every_ward_but_the_previous(mini_bot):
    """「ほかの区で防災の取組ある？」 names its own subject: searched as asked, the previous ward's passages sunk (before,
    豊平区 carried over and its own passages led)."""
    _, second = mini_bot.dialogue(["豊平区のウォーキングの取組は？", "ほかの区で防災の取組ある？"])
    assert second.understood_as == "豊平区以外の区の取組"
    assert second.citations and all(c.hit.chunk.ward != "豊平区" for c in second.citations)


@pytest.mark.parametrize("follow_up", ["北区だと？", "北区にも似たようなのある？", "北区でも？"])
def test_a_ward_without_a_chapter_asked_after_a_ward_asks_the_question_before_of_it(mini_bot, follow_up):
    """「北区だと？」 after a 西区 question: the question before asked of 北区 (no chapter in the plan), judged alone —
    西区 does not carry over to it."""
    _, second = mini_bot.dialogue(["西区の防災の取組は？", follow_up])
    assert second.understood_as == "北区について、前の質問と同じ内容で"
    assert second.question == "北区の防災の取組は？"
    assert all(c.hit.chunk.ward != "西区" for c in second.citations)


@pytest.mark.parametrize("follow_up", ["ほかの人も参加できる？", "Can other people join too?",
                                       "ほかの悩みもいっしょに相談できる？", "Can I ask about other problems too?"])
def test_other_people_asked_about_are_no_request_for_other_initiatives(mini_bot, follow_up):
    """「ほかの人も参加できる？」, "meet other families", 「ほかの悩みも」: 「ほかの」/"other" qualifies people or the
    asker's own matters, not initiatives."""
    _, second = mini_bot.dialogue(["消防検査のオンライン化について教えて", follow_up])
    assert not (second.understood_as or "").endswith("以外の取組")


def test_other_items_skip_what_was_already_shown(mini_bot):
    first, second = mini_bot.dialogue(["オンライン化の取組", "他には？"])
    shown = {c.hit.chunk.id for c in first.citations}
    assert second.citations and second.citations[0].hit.chunk.id not in shown
    assert second.understood_as.endswith("以外の取組")


def test_other_items_after_a_fact_asked_of_the_topic_are_other_items_like_the_topic(mini_bot, understood):
    """「他には？」 after 「大型ごみ収集のオンライン化について教えて」 and 「担当は？」 asks the first question again (its other
    items), not 「担当は？」 again."""
    *_, third = mini_bot.dialogue(["大型ごみ収集のオンライン化について教えて", "担当は？", "他には？"])
    assert understood[-1] == "大型ごみ収集のオンライン化について教えて"
    assert lead(third) != "大型ごみ収集のオンライン化" and third.understood_as.endswith("以外の取組")


@pytest.mark.parametrize("follow_up", ["関連する取組", "関連事業は？", "Any related initiatives?"])
def test_related_initiatives_asked_by_staff_are_the_first_questions_other_items(mini_bot, understood, follow_up):
    """「関連する取組」 after a look-up asks the look-up again for its other items: 関連 and 取組 name no subject of
    their own (searched alone, they found whatever shares 取組)."""
    _, second = mini_bot.dialogue(["大型ごみ収集のオンライン化 所管", follow_up])
    assert understood[-1] == "大型ごみ収集のオンライン化 所管"
    assert lead(second) != "大型ごみ収集のオンライン化" and second.understood_as.endswith("以外の取組")


def test_other_items_asked_on_their_own_terms_may_lead_with_a_passage_only_named_as_related(mini_bot):
    """「ほかに…オンライン化…？」 names what it wants: a passage the first answer only named in a 「関連:」 line can
    answer it; the passage that answer presented cannot. A bare 「他には？」 skips both."""
    first, second = mini_bot.dialogue(["西区の川の清掃", "ほかにオンライン化の取組は？"])
    assert lead(first) == "琴似発寒川の水環境保全推進事業" and first.related
    named_only = {c.hit.chunk.title for c in first.citations if c.n in first.related}
    assert "琴似発寒川の水環境保全推進事業" not in named_only
    assert lead(second) in named_only
    _, bare = mini_bot.dialogue(["西区の川の清掃", "他には？"])
    assert lead(bare) not in named_only | {"琴似発寒川の水環境保全推進事業"}


def test_other_items_on_a_theme_the_topic_also_covers_may_lead_with_the_topic(mini_bot):
    """「ほかに環境保全の取組もある？」 after the river clean-up: the clean-up's passage covers 環境保全 too, and the
    first question did not ask it, so that passage may answer again; 「ほかに清掃の取組もある？」 asks for another
    clean-up than the one shown."""
    _, also = mini_bot.dialogue(["西区の川の清掃", "ほかに環境保全の取組もある？"])
    assert lead(also) == "琴似発寒川の水環境保全推進事業"
    assert also.understood_as == "「琴似発寒川の水環境保全推進事業」も含めて"  # not "other than" the passage it leads with
    _, other = mini_bot.dialogue(["西区の川の清掃", "ほかに清掃の取組もある？"])
    assert lead(other) != "琴似発寒川の水環境保全推進事業"
    assert other.understood_as == "「琴似発寒川の水環境保全推進事業」以外の取組"


def test_an_item_within_the_previous_topic_is_searched_in_its_ward_not_the_topic_again(mini_bot):
    first, second = mini_bot.dialogue(["西区の防災の取組は？", "その中の川の清掃のやつは？"])
    assert lead(first) == "地域の防災力強化"
    assert second.understood_as == "「地域の防災力強化」の中の取組"
    assert lead(second) == "琴似発寒川の水環境保全推進事業"


def test_a_new_topic_wins_over_the_context(mini_bot):
    _, second = mini_bot.dialogue(["消防検査のオンライン化", "ナッジって何？"])
    assert second.understood_as is None and lead(second) == "ナッジ"


def test_language_switch_answers_the_previous_question_in_english(mini_bot):
    _, second = mini_bot.dialogue(["消防検査のオンライン化 所管", "in English please"])
    assert second.language == "en" and lead(second) == "消防検査のオンライン化"
    assert "department in charge" in second.text


def test_a_single_question_is_answered_as_before(mini_bot):
    question = "大型ごみをインターネットで申し込みたい"
    assert mini_bot.answer(question).text == mini_bot.dialogue([question])[0].text
    assert mini_bot.answer(question).understood_as is None


def test_history_is_replayed_statelessly(mini_bot):
    assert mini_bot.answer("担当は？", history=["消防検査のオンライン化"]).understood_as == "「消防検査のオンライン化」について"


def test_suggestions_come_from_the_lead_passage_and_are_answerable(mini_bot):
    answer = mini_bot.answer("消防検査のオンライン化")
    # its 所管 and target lines are in the answer: not offered again; more detail is
    assert "消防局 予防部" in answer.text and "オンライン環境整備率" in answer.text
    assert "所管は？" not in answer.suggestions and "目標値は？" not in answer.suggestions
    assert "もっと詳しく" in answer.suggestions and len(answer.suggestions) <= 4
    for suggestion in answer.suggestions:
        follow = mini_bot.answer(suggestion, history=["消防検査のオンライン化"])
        assert not follow.abstained and follow.citations, suggestion
    detailed = mini_bot.answer("もっと詳しく", history=["消防検査のオンライン化"])
    assert "もっと詳しく" not in detailed.suggestions  # it is the detail
    assert mini_bot.answer("こんにちは").suggestions == ()


def test_batch_dialogue_lines(capsys, mini_cli_env, tmp_path):
    path = tmp_path / "dialogues.jsonl"
    lines = [{"id": "d1", "turns": [{"question": "消防検査のオンライン化"}, {"question": "担当は？"}]},
             {"id": "q1", "question": "ナッジって何？"}]
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    assert main(["ask", "--batch", str(path), "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.strip().split("\n")]
    assert records[0]["id"] == "d1" and len(records[0]["turns"]) == 2
    assert all("understood_as" in turn and "suggestions" in turn for turn in records[0]["turns"])
    assert records[1]["id"] == "q1" and "answer" in records[1] and "suggestions" in records[1]


def test_bad_dialogue_lines_are_one_line_errors(capsys, mini_cli_env, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "d", "turns": [{"q": 1}]}\n', encoding="utf-8")
    assert main(["ask", "--batch", str(path), "--json"]) == 2
    assert '"turns" must be a list' in capsys.readouterr().err


def test_api_and_chat_keep_conversations_per_session(mini_server):
    from gradio_client import Client

    url, _ = mini_server
    alice, bob = Client(url, verbose=False), Client(url, verbose=False)
    reply = alice.predict("担当は？", "", "", "", ["消防検査のオンライン化"], api_name="/ask")
    assert reply["understood_as"] == "「消防検査のオンライン化」について"
    assert alice.predict("担当は？", "", "", "", "not a list", api_name="/ask")["field"] == "history"
    alice.predict("消防検査のオンライン化", [], "すべて", "すべて", "", api_name="/chat")
    history, *_ = alice.predict("担当は？", [], "すべて", "すべて", "", api_name="/chat")
    text = history[-1]["content"]
    text = text if isinstance(text, str) else "".join(p.get("text", "") for p in text)
    assert "「消防検査のオンライン化」について" in text
    history, *_ = bob.predict("担当は？", [], "すべて", "すべて", "", api_name="/chat")  # bob never asked before
    text = history[-1]["content"]
    text = text if isinstance(text, str) else "".join(p.get("text", "") for p in text)
    assert "について）" not in text


def test_terminal_chat_keeps_the_conversation_until_reset(mini_cli_env):
    import os
    import subprocess
    import sys
    from pathlib import Path

    planqa = str(Path(sys.executable).with_name("planqa"))
    result = subprocess.run([planqa, "chat", "--json"], input="消防検査のオンライン化 所管\n担当は？\n/reset\n/quit\nignored\n",
                            capture_output=True, text=True, timeout=300, env=dict(os.environ, HF_HUB_OFFLINE="1"))
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 2 and "リセット" in result.stdout
    assert all("suggestions" in json.loads(line) for line in lines)


def test_furigana_is_ruby_over_kanji_built_from_escaped_text():
    import re

    from bot.furigana import ruby_html
    from index.analyzer import Analyzer

    text = "「消防検査」の所管は 消防局 です [1]。\n<img src=x onerror=alert(1)> 区役所"
    rendered = ruby_html(text, Analyzer())
    assert "<ruby>消防<rt>しょうぼう</rt></ruby>" in rendered and "<ruby>役所<rt>やくしょ</rt></ruby>" in rendered
    assert "<img" not in rendered and "&lt;img src=x onerror=alert(1)&gt;" in rendered
    plain = re.sub(r"<rt>.*?</rt>|<[^>]+>", "", rendered.replace("<br>", "\n"))
    assert plain.replace("&lt;", "<").replace("&gt;", ">") == text  # nothing added, nothing lost


def test_a_thing_of_its_own_asked_with_mo_is_a_new_subject_when_another_initiative_names_it(mini_bot):
    """「避難所の開設訓練もお願いできる？」 after the river clean-up: 避難所 and 開設訓練 are named together by the
    disaster initiative, not by the topic; 「子どもも参加できる？」 (who may take part) stays on the topic."""
    first, second = mini_bot.dialogue(["西区で川の清掃活動ってある？", "避難所の開設訓練もお願いできる？"])
    assert lead(first) == "琴似発寒川の水環境保全推進事業"
    assert lead(second) == "地域の防災力強化"
    _, again = mini_bot.dialogue(["西区で川の清掃活動ってある？", "子どもも参加できる？"])
    assert lead(again) == "琴似発寒川の水環境保全推進事業"


@pytest.mark.parametrize("follow_up", ["防災活動で参加できるの？", "防災活動はだれでもできる？"])
def test_a_detail_the_topics_notes_name_stays_on_the_topic(mini_bot, follow_up):
    """防災活動 of the ward's 防災力強化, run with ※1 「地域防災活動推進事業」: a detail the topic's note names
    (「ボランティアで参加できるの？」 of 自生植物保全事業 and its みどりのボランティア活動促進事業)."""
    _, second = mini_bot.dialogue(["西区の防災の取組は？", follow_up])
    assert second.understood_as == "「地域の防災力強化」について"


@pytest.mark.parametrize("follow_up", ["人口は何人くらい？", "高齢化率は？"])
def test_a_figure_the_topic_does_not_count_is_asked_of_the_ward_before(mini_bot, follow_up):
    """「人口は何人くらい？」 after a question about 西区: the ward's figure (the plan states none: refused, naming
    the ward's passages), not a city-wide indicator's target that happens to rank first."""
    _, second = mini_bot.dialogue(["西区の防災の取組は？", follow_up])
    assert second.understood_as == f"西区の{follow_up}"
    assert second.abstained and all(c.hit.chunk.ward in ("西区", None) for c in second.citations)


def test_a_figure_of_what_the_ward_initiative_does_is_asked_of_that_initiative(mini_bot):
    """「参加してる店って何軒？」 after the ward's river clean-up: nothing named but who takes part — a count of
    the initiative's own (the plan states none: refused on its passage), not of the ward."""
    _, second = mini_bot.dialogue(["西区で川の清掃活動ってある？", "参加してる店って何軒？"])
    assert second.understood_as == "「琴似発寒川の水環境保全推進事業」について"
    assert lead(second) == "琴似発寒川の水環境保全推進事業"


def test_when_a_thing_the_topic_speaks_of_starts_is_asked_of_the_topic_that_dates_it(mini_config, embedder,
                                                                                     tmp_path):
    """「新しい検査はいつから？」 after 消防検査のオンライン化, whose text dates its new inspections (令和6年度から): when,
    of a thing the topic speaks of — its date; of a topic stating no date, a question of its own."""
    from bot.config import BotConfig, ConversationSettings, LLMConfig, Relevance
    from bot.service import Bot
    from index.engine import SearchEngine
    from tests.conftest import MINI_PLAN

    def bot_for(text):
        plan = tmp_path / f"dated_{len(text)}" / "mini_plan.txt"
        plan.parent.mkdir()
        plan.write_text(MINI_PLAN.replace("検査業務をオンラインでできる環境を整備します。", text), encoding="utf-8")
        build = plan.parent / "b"
        config = replace(mini_config, ingest=replace(mini_config.ingest, corpus=(plan,), build_dir=build),
                         index_dir=build / "index")
        settings = BotConfig(index=config, relevance=Relevance(threshold=-1.0), llm=LLMConfig(None, None),
                             feedback_log=tmp_path / "feedback.jsonl",
                             conversation=ConversationSettings(weak_reading=0.0))
        return Bot(settings, SearchEngine(config, embedder))

    dated = bot_for("令和6年度から新たな検査の仕組みでオンライン環境を整備します。")
    first, when = dated.dialogue(["消防検査のオンライン化の所管は？", "新しい検査はいつから？"])
    assert lead(first) == "消防検査のオンライン化"
    assert when.understood_as == "「消防検査のオンライン化」について"
    undated = bot_for("新たな検査の仕組みでオンライン環境を整備します。")
    first, other = undated.dialogue(["消防検査のオンライン化の所管は？", "新しい検査はいつから？"])
    assert lead(first) == "消防検査のオンライン化"
    assert other.understood_as is None


def test_when_the_topic_is_introduced_is_asked_of_the_topic(mini_bot):
    """「いつ導入？」 after 消防検査のオンライン化 (its text names no 導入): when it starts, as 「いつから？」 — was a new
    question, 導入 read as a subject of its own, and refused."""
    for asked in ("いつ導入？", "導入はいつ？", "運用開始はいつ？"):
        _, when = mini_bot.dialogue(["消防検査のオンライン化の所管は？", asked])
        assert when.understood_as == "「消防検査のオンライン化」について", asked
        assert when.text.splitlines()[1].startswith("「消防検査のオンライン化」の開始時期の記載はありませんが"), asked


def test_who_does_the_topics_own_thing_is_asked_of_the_topic(mini_bot, monkeypatch):
    """「誰が一斉清掃に来るの？」 after the river clean-up (一斉清掃などの環境保全活動): who, of a thing the topic's text names,
    however many passages name it too."""
    import bot.conversation

    monkeypatch.setattr(bot.conversation, "_SPECIFIC", 0)
    _, who = mini_bot.dialogue(["西区で川の掃除してる？", "誰が一斉清掃に来るの？"])
    assert who.understood_as == "「琴似発寒川の水環境保全推進事業」について"


@pytest.mark.parametrize("more", ["それってほかに何してるの？", "What else does it include?"])
def test_what_else_the_topic_does_is_more_of_the_topic_not_other_initiatives(mini_bot, more):
    _, said = mini_bot.dialogue(["消防検査のオンライン化について教えて", more])
    assert said.understood_as == "「消防検査のオンライン化」について" and lead(said) == "消防検査のオンライン化"
    _, others = mini_bot.dialogue(["消防検査のオンライン化について教えて", "ほかに何かある？"])
    assert others.understood_as == "「消防検査のオンライン化」以外の取組"


def _reading_weak_below(bot, confidence):
    """``bot`` reading a follow-up against the topic when its own answer's confidence is below ``confidence``
    (the mini bot's hash-embedder confidences are all 0: 1.01 makes every own reading weak)."""
    from bot.service import Bot

    return Bot(replace(bot.config, conversation=replace(bot.config.conversation, weak_reading=confidence)),
               bot.engine)


def test_a_remark_that_alone_finds_nothing_with_confidence_is_about_the_initiative_before(mini_bot):
    """「小学生も参加してるって聞いた」 after the river clean-up: read alone it led with another passage, none with
    confidence — it goes on about the initiative answered; confident enough, it is a question of its own."""
    weak = _reading_weak_below(mini_bot, 1.01)
    _, remark = weak.dialogue(["西区で川の掃除してる？", "小学生も参加してるって聞いた"])
    assert remark.understood_as == "「琴似発寒川の水環境保全推進事業」について"
    assert lead(remark) == "琴似発寒川の水環境保全推進事業"
    _, alone = mini_bot.dialogue(["西区で川の掃除してる？", "小学生も参加してるって聞いた"])
    assert alone.understood_as is None and lead(alone) == "地域の防災力強化"


def test_after_a_narrative_passage_a_weak_question_still_looks_among_the_initiatives(mini_bot):
    """A ward's goal states no initiative's details: a weak question after it is not read against it."""
    weak = _reading_weak_below(mini_bot, 1.01)
    first, second = weak.dialogue(["西区の安全・安心のまちづくりの目標は？", "小学生も参加してるって聞いた"])
    assert first.citations[0].hit.chunk.kind == "narrative"
    assert second.understood_as is None and lead(second) == "地域の防災力強化"


def test_another_ward_after_a_remark_read_against_the_topic_asks_the_remark_again(mini_bot):
    """「豊平区は？」 after 「小学生も参加してるって聞いた」 (read against the river clean-up for want of its own
    answer) asks the remark of 豊平区, as after any question of its own words — not the first question."""
    weak = _reading_weak_below(mini_bot, 1.01)
    *_, ward = weak.dialogue(["西区で川の掃除してる？", "小学生も参加してるって聞いた", "豊平区は？"])
    assert ward.question == "豊平区 小学生も参加してるって聞いた"


def test_a_verbal_noun_used_as_the_verb_is_no_second_thing_added_to_the_topic(mini_bot):
    """「ドローンも購入してる？」 after 消防検査のオンライン化: 購入してる is the verb asked of ドローン, which no
    passage names — one thing, with も, asked of the topic."""
    _, added = mini_bot.dialogue(["消防検査のオンライン化について教えて", "ドローンも購入してる？"])
    assert added.understood_as == "「消防検査のオンライン化」について"


@pytest.mark.parametrize("pointer", ["2番目のやつ詳しく", "２つ目について教えて", "[2]の話をもっと", "二番目の取組は？"])
def test_a_passage_the_answer_numbered_is_pointed_at_by_its_number(mini_bot, pointer):
    """「2番目のやつ詳しく」 after an answer listing related passages: the one it numbered [2], understood so."""
    first, second = mini_bot.dialogue(["手続のオンライン化", pointer])
    numbered = {c.n: c.hit.chunk.title for c in first.citations}
    assert numbered[2] != numbered[1]
    more = "詳しく" if pointer.endswith("詳しく") else ""  # nothing else asked: everything about it (`bot.detail`)
    assert lead(second) == numbered[2] and second.understood_as == f"「{numbered[2]}」について{more}"


def test_the_third_passage_and_an_english_pointer(mini_bot):
    first, third = mini_bot.dialogue(["手続のオンライン化", "3つ目の担当は？"])
    numbered = {c.n: c.hit.chunk.title for c in first.citations}
    assert lead(third) == numbered[3] and third.intent == "department"
    first, second = mini_bot.dialogue(["Online procedures", "Tell me about the second one"])
    numbered = {c.n: c.hit.chunk.title for c in first.citations}
    assert lead(second) == numbered[2] and second.understood_as == f"「{numbered[2]}」について"


def test_every_initiative_of_a_ward_asked_for_is_listed_by_goal(mini_bot):
    """「西区の取組を全部教えて」: every initiative of the ward, in the plan's order, a cited line each — not the best one
    and three related lines; a list of one theme (「西区の防災の取組を全部」) is an ordinary question."""
    listed = mini_bot.answer("西区の取組を全部教えて")
    wards = [c for c in mini_bot.engine.index.chunks if c.ward == "西区" and c.kind == "initiative"]
    assert [c.hit.chunk.title for c in listed.citations] == [
        c.title for c in sorted(wards, key=lambda chunk: chunk.source.line_start)]
    assert listed.text.startswith("西区の取組は、") and f"{len(wards)}件" in listed.text.splitlines()[0]
    assert all(f"[{n}]" in listed.text for n in range(1, len(wards) + 1)) and not listed.abstained
    english = mini_bot.answer("List all initiatives in Nishi ward")
    assert english.text.startswith("Nishi ward (西区) has") and len(english.citations) == len(wards)
    assert not mini_bot.answer("西区の防災の取組を全部教えて").text.startswith("西区の取組は、")


def test_the_whole_plan_counted(mini_bot):
    """「全部で取組はいくつあるの？」 was refused as a number the plan does not state: counted from its chunks, per ward."""
    counted = mini_bot.answer("全部で取組はいくつあるの？")
    assert counted.text.startswith("この計画（抜粋）の取組は6件です（全市の取組3件、区の取組3件: 豊平区1件・清田区0件・")
    assert counted.citations == () and not counted.abstained
    assert mini_bot.answer("How many initiatives are in this plan?").text.startswith(
        "The plan (excerpt) lists 6 initiatives: 3 city-wide and 3 in the wards (Toyohira 1, ")


def test_going_back_to_an_earlier_topic_by_what_it_named(mini_bot):
    """「さっきの大型ごみの件、目標は？」, 「最初の質問に戻るけど」, 「戻るけど、西区のやつの…」 after a detour: the earlier
    turn that named it (or was in that ward); a thing no earlier turn named is a new question."""
    *_, back = mini_bot.dialogue(["大型ごみ収集のオンライン化について", "西区の防災の取組は？", "さっきの大型ごみの件、目標は？"])
    assert lead(back) == "大型ごみ収集のオンライン化" and back.intent == "figure"
    *_, first = mini_bot.dialogue(["消防検査のオンライン化", "西区の防災の取組は？", "最初の質問に戻るけど、所管は？"])
    assert lead(first) == "消防検査のオンライン化" and first.understood_as == "「消防検査のオンライン化」について"
    *_, ward = mini_bot.dialogue(["西区の防災の取組は？", "それの担当は？", "消防検査のオンライン化", "戻るけど、西区のやつの目標は？"])
    assert lead(ward) == "地域の防災力強化"
    *_, new = mini_bot.dialogue(["消防検査のオンライン化", "西区の防災の取組は？", "さっき出てきたナッジって何？"])
    assert lead(new) == "ナッジ" and new.understood_as is None


def test_a_fact_asked_after_a_whole_list_is_asked_of_every_line(mini_bot):
    """「所管は？」 after 「西区の取組を全部教えて」: of the whole list, not of its first line; a numbered line or a new
    subject is read as before."""
    listed, departments, targets = mini_bot.dialogue(["西区の取組を全部教えて", "所管は？", "目標値は？"])
    assert departments.understood_as == f"前の回答の{len(listed.citations)}件の取組について"
    assert departments.text.endswith("所管部署の記載がありません [1]〜[2]。") and "数値目標の記載がありません" in targets.text
    assert [c.hit.chunk.id for c in departments.citations] == [c.hit.chunk.id for c in listed.citations]
    assert listed.suggestions == ("手稲区だと？",)  # not its first line's facts nor more of its first line
    _, second = mini_bot.dialogue(["西区の取組を全部教えて", "2番目の所管は？"])
    assert second.understood_as == f"「{listed.citations[1].hit.chunk.title}」について"
    _, among = mini_bot.dialogue(["西区の取組を全部教えて", "その中で川のやつは？"])  # among the list's lines
    assert among.understood_as == "前の回答の2件の中の取組" and lead(among) == "琴似発寒川の水環境保全推進事業"
    _, other = mini_bot.dialogue(["西区の取組を全部教えて", "消防検査のオンライン化の所管は？"])
    assert other.citations[0].hit.chunk.title == "消防検査のオンライン化" and other.understood_as is None


@pytest.mark.parametrize(("question", "ward", "listed"), [
    ("清田区の取組を全部教えて", "清田区", True), ("手稲区の事業一覧", "手稲区", True),
    ("List all of Kiyota ward's initiatives", "清田区", True),
    ("清田区の健康の取組を全部教えて", "清田区", False),  # the health ones: an ordinary question
    ("全部教えて", None, False),
    # what a ward is doing, as a whole: its list; doing something named, or 「西区でもやってる？」, is no list
    ("清田区って何してる？", "清田区", True), ("西区は何に取り組んでるの？", "西区", True),
    ("清田区ではどんなことをしてるの？", "清田区", True), ("What is Teine ward doing?", "手稲区", True),
    ("What is Kiyota ward working on?", "清田区", True), ("西区でもやってる？", "西区", False),
    ("西区は子育てで何に取り組んでるの？", "西区", False), ("What does Kiyota ward do about snow?", "清田区", False),
    ("清田区の区役所は何をしてくれる？", "清田区", False), ("手稲区って前の計画のとき何やってたの？", "手稲区", False),
    ("西区は何に取り組んでいたの？", "西区", False),
    # how many: the list, whose first line is the count (the plan states no such number: it was refused)
    ("清田区の取組はいくつある？", "清田区", True), ("手稲区の事業数は？", "手稲区", True),
    ("How many initiatives does Teine ward have?", "手稲区", True),
    ("清田区の公園はいくつ？", "清田区", False), ("清田区って何個あるの？", "清田区", False),
    ("清田区の健康の取組はいくつ？", "清田区", False), ("豊平区　AP2019　事業数", "豊平区", False),
    # 主な取組 is the plan's own heading for the ward's list (取組目標・主な取組): was answered with its 2019 review
    ("豊平区の主な取組は？", "豊平区", True), ("清田区の主要な事業を教えて", "清田区", True),
    ("豊平区の主な観光地は？", "豊平区", False),
    # its initiatives asked for with nothing else named (answered with one initiative and three related)
    ("手稲区の取組を教えて", "手稲区", True), ("清田区の事業について知りたい", "清田区", True),
    ("豊平区の取り組みってどんなのがある？", "豊平区", True), ("西区の取組は？", "西区", True),
    ("手稲区は具体的に何やってるの？", "手稲区", True), ("清田区の健康の取組を教えて", "清田区", False),
    ("西区の事業の所管を教えて", "西区", False),
    # no ward: the whole plan's, only counted
    ("全部で取組はいくつあるの？", None, True), ("How many initiatives are in this plan?", None, True),
    ("公園はいくつある？", None, False), ("RPAの取組はいくつ？", None, False), ("取組を全部教えて", None, False),
])
def test_asking_for_a_wards_whole_list(question, ward, listed):
    assert asks_whole_list(question, ward, {"清田区": "Kiyota", "手稲区": "Teine"}.get(ward or "", "")) is listed


def test_every_initiative_a_department_runs_asked_for_is_listed(mini_bot):
    """「消防局の取組は？」, 「環境事業部が担当してる事業」: every initiative the bureau or division runs, a cited line
    each (staff look up a department's list; was its one best initiative); one theme of it or another fact of
    it is an ordinary question."""
    listed = mini_bot.answer("消防局の取組は？")
    assert listed.text.startswith("消防局が所管する取組は、この計画（抜粋）に1件あります（計画の順）。")
    assert [c.hit.chunk.title for c in listed.citations] == ["消防検査のオンライン化"]
    waste = mini_bot.answer("環境事業部が担当してる事業")
    assert waste.text.startswith("環境事業部が所管する取組は") and lead(waste) == "大型ごみ収集のオンライン化"
    assert not mini_bot.answer("消防局の電話番号は？").text.startswith("消防局が所管する取組")


@pytest.mark.parametrize(("question", "department"), [
    ("子ども未来局の取組は？", "子ども未来局"), ("スマートシティ推進部が担当してる事業", "スマートシティ推進部"),
    ("環境局 所管 事業", "環境局"), ("子ども未来局の事業はいくつ？", "子ども未来局"), ("行政部の取組を全部教えて", "行政部"),
    ("デジタル戦略推進局は何をしてる？", "デジタル戦略推進局"),
    ("子ども未来局は？", None), ("子ども未来局の電話番号", None), ("子ども未来局の子育ての取組は？", None),
    ("消防検査の担当は？", None),
])
def test_asking_for_a_departments_list(question, department):
    names = {"子ども未来局", "子ども育成部", "スマートシティ推進部", "デジタル戦略推進局", "環境局", "行政部", "消防局"}
    assert asks_department_list(question, names) == department


def test_a_wards_goals_asked_are_its_goal_headings_and_a_goal_is_pointed_at_by_its_label(mini_bot):
    """「西区の目標は？」 was its first goal heading with the initiatives under it: now every goal heading, a
    cited line each, suggesting the ward's whole list; 「目標1の取組は？」 next is that heading (not the
    answer's first line), 「目標1について詳しく」 the heading with the initiatives under it — also after the
    ward's whole list."""
    goals = mini_bot.answer("西区の目標は？")
    assert goals.intent == "goals" and not goals.abstained
    assert goals.text.splitlines()[0] == "西区の取組目標は、この計画（抜粋）に1つあります（「取組目標・主な取組」、計画の順）。"
    assert goals.text.splitlines()[1] == "・「目標1:誰もが安全・安心に暮らせるまちづくり」: 地域の防災力向上を進めます。 [1]"
    assert [c.hit.chunk.title for c in goals.citations] == ["目標1:誰もが安全・安心に暮らせるまちづくり"]
    assert goals.suggestions[0] == "西区の取組を全部教えて"
    english = mini_bot.answer("What are Nishi ward's goals?")
    assert english.intent == "goals"
    assert english.text.startswith("The goals of Nishi ward (西区) in the plan (excerpt)")
    _, under = mini_bot.dialogue(["西区の目標は？", "目標1の取組は？"])
    assert under.understood_as == "「目標1:誰もが安全・安心に暮らせるまちづくり」について"
    _, more = mini_bot.dialogue(["西区の目標は？", "目標1について詳しく"])
    assert more.intent == "detail"
    assert "この目標の取組: 「地域の防災力強化」[2]、「琴似発寒川の水環境保全推進事業」[3]。" in more.text
    _, listed = mini_bot.dialogue(["西区の取組を全部教えて", "目標1の取組は？"])  # not every line's target
    assert listed.understood_as == "「目標1:誰もが安全・安心に暮らせるまちづくり」について"
    # a goal of something else, or the initiatives' numeric targets, are other questions
    for asked in ("西区の防災の目標は？", "西区の目標値は？"):
        assert mini_bot.answer(asked).intent != "goals", asked


def test_what_a_ward_aims_at_or_does_asked_after_one_of_its_narrative_passages_is_asked_of_the_ward(mini_bot):
    """「何に力を入れてるの？」, 「何に取り組んでるの？」 after a ward's narrative passage (清田区's overview) were
    city-wide questions (the GX consortium answered): asked of the ward — its goals, its list; 「その中で川の
    やつは？」 after the goals looks among the initiatives under them."""
    _, aims = mini_bot.dialogue(["西区の目標1", "何に力を入れてるの？"])
    assert aims.understood_as == "西区は何に力を入れてるの？" and aims.intent == "goals"
    _, doing = mini_bot.dialogue(["西区の目標1", "何に取り組んでるの？"])
    assert doing.understood_as == "西区は何に取り組んでるの？" and doing.intent == "list"
    _, among = mini_bot.dialogue(["西区の目標は？", "その中で川のやつは？"])
    assert among.understood_as == "前の回答の1つの目標の中の取組" and lead(among) == "琴似発寒川の水環境保全推進事業"
    # its goals asked bare (「今の目標は？」 after its 2019 review), in English too
    _, goals = mini_bot.dialogue(["西区の目標1", "今の目標は？"])
    assert goals.understood_as == "西区は今の目標は？" and goals.intent == "goals"
    _, english = mini_bot.dialogue(["西区の目標1", "And what is its goal now?"])
    assert english.understood_as == "What are Nishi ward's goals?" and english.intent == "goals"
    # what it did before asks its 2019 review, not its goals
    _, past = mini_bot.dialogue(["西区の目標1", "前の計画のときは何に力を入れてたの？"])
    assert past.intent != "goals" and past.understood_as != "西区は前の計画のときは何に力を入れてたの？"
    # after a city-wide initiative, no ward is put in front of it
    _, city = mini_bot.dialogue(["消防検査のオンライン化について教えて", "何に力を入れてるの？"])
    assert not (city.understood_as or "").endswith("は何に力を入れてるの？")


def test_the_users_asked_of_a_topic_counting_its_users_stay_on_the_topic(tmp_path, mini_config, embedder,
                                                                         mini_plan_text):
    """「利用者って今どれくらい？」 after the homepage's rebuild, counted in 月間アクティブユーザー数: its users, the topic's
    own target row — not another passage naming 利用者 with a figure of its own."""
    homepage = ("⑥ 市公式ホームページの再構築\t\t所管\t総) 行政部\n"
                "誰もが見やすいホームページへと再構築します。\t\t\t\n"
                "目標\t市公式ホームページの月間アクティブユーザー数\t2022年 2,273,760人\t2027年 2,728,512人\n"
                "⑦ 必要書類の広報充実\t\t所管\t総) 行政部\n"
                "利用者に必要書類やオンライン申請を案内します。\t\t\t\n"
                "目標\t利用者が「よくやっている」と思う割合\t2022年 21.1%\t2027年 50%\n")
    from bot.config import BotConfig, ConversationSettings, LLMConfig, Relevance
    from bot.service import Bot
    from index.engine import SearchEngine

    plan = mini_config.ingest.corpus[0]
    plan.write_text(mini_plan_text.replace("\n¹⁹² ", "\n" + homepage + "\n¹⁹² "), encoding="utf-8")
    config = BotConfig(index=mini_config, relevance=Relevance(threshold=-1.0), llm=LLMConfig(None, None),
                       feedback_log=tmp_path / "feedback.jsonl",
                       conversation=ConversationSettings(weak_reading=0.0))
    bot = Bot(config, SearchEngine(mini_config, embedder))
    _, users = bot.dialogue(["市公式ホームページの再構築について教えて", "利用者って今どれくらい？"])
    assert users.understood_as == "「市公式ホームページの再構築」について"
    assert lead(users) == "市公式ホームページの再構築" and "2,273,760人" in users.text



def test_what_else_the_topic_covers_stays_on_the_topic_and_other_initiatives_leave_it(mini_bot):
    """「他にどんな手続きが対象？」 of the online tax procedures asks what else it covers; 「他にはどんな取組がある？」
    asks for other initiatives."""
    first, covered = mini_bot.dialogue(["税務手続のオンライン化推進について教えて", "他にどんな手続きが対象？"])
    assert lead(first) == "税務手続のオンライン化推進"
    assert covered.understood_as == "「税務手続のオンライン化推進」について" and lead(covered) == "税務手続のオンライン化推進"
    _, others = mini_bot.dialogue(["税務手続のオンライン化推進について教えて", "他にはどんな取組がある？"])
    assert others.understood_as == "「税務手続のオンライン化推進」以外の取組"


def _passage(id_, title, text):
    from ingest.chunk import Chunk, Source

    return Chunk(id=id_, kind="initiative", title=title, section=("第3章", "取組"), ward=None, text=text,
                 source=Source("plan.txt", 1, 2))


def test_a_verb_only_a_related_line_names_is_asked_of_that_line():
    """「認定されると何かいいことある？」 after 企業版ふるさと納税, whose answer listed 企業による市民活動促進事業 (…認定
    制度により…): 認定 is used as the verb, so the message names nothing, yet the topic never speaks of it — the
    related line that does is what is asked about (searched alone it found 介護認定). A verb the topic speaks of,
    or one no cited line names, stays with the topic."""
    from bot.answer import Answer, Citation
    from bot.conversation import _named_in_a_related_line
    from index.hit import Hit
    from ingest.profile import PlanProfile

    tax = _passage("p#1", "企業版ふるさと納税促進事業", "企業版ふるさと納税の寄付額増に向け、営業活動等を実施します。")
    civic = _passage("p#2", "企業による市民活動促進事業", "認定制度により、企業の価値向上に繋がるような支援を行います。")
    care = _passage("p#3", "介護認定事務センター事業", "要介護認定事務の一部を集約します。")
    passages = [tax, civic, care] + [_passage(f"p#{n}", f"取組{n}", "参加を促進します。") for n in range(4, 10)]
    answer = Answer("会社で地域に貢献したい", "…", (Citation(1, Hit(tax, 1.0, 1)), Citation(2, Hit(civic, 0.9, 2))),
                    0.8, False)
    profile = PlanProfile()
    assert _named_in_a_related_line("認定されると何かいいことある？", tax, answer, passages, profile) is civic
    assert _named_in_a_related_line("寄付するといいことある？", tax, answer, passages, profile) is None
    assert _named_in_a_related_line("参加するといいことある？", tax, answer, passages, profile) is None  # common


def test_a_word_too_common_to_be_a_subject_keeps_the_topic():
    """「サービスって良くなるの？」 after 官民連携's 良質な公共サービスの提供: サービス, named by many passages and by the
    topic, is no other subject (it was answered with 市民の声's サービス提供)."""
    from bot.conversation import _GENERIC, _refers_to
    from index.config import IndexConfig
    from index.query import understand
    from ingest.profile import bundled_profile

    profile = bundled_profile()
    topic = _passage("p#1", "官民連携による公共施設等の建設、維持管理、運営の推進", "良質な公共サービスの提供を図ります。")
    others = [_passage(f"p#{n}", f"取組{n}", "行政サービスを向上します。") for n in range(2, _GENERIC + 1)]
    message = understand("サービスって良くなるの？", 10, None, IndexConfig(model="hash"), profile)
    assert _refers_to(message, topic, profile, [topic, *others])
    # named by some passages, neither few (a detail of the topic) nor most: another subject may be meant
    assert not _refers_to(message, topic, profile, [topic, *others[:8]])


def test_an_english_follow_up_asking_what_kind_of_the_topics_own_thing_stays_on_the_topic():
    """"What kind of events?" after 豊平区's food initiative (イベントやセミナー等を開催) asks about its events, as
    「どんなイベント？」 does — not 健康づくり普及啓発事業's events, searched alone; "What kind of robots?" names a
    thing of its own."""
    from bot.conversation import _refers_to
    from index.config import IndexConfig
    from index.query import understand
    from ingest.profile import bundled_profile

    profile = bundled_profile()
    topic = _passage("p#1", "とよひら“風土(フード)”コレクション", "イベントやセミナー等を開催し、食生活の改善を図ります。")
    others = [_passage(f"p#{n}", f"取組{n}", "イベントを開催します。") for n in range(2, 12)]

    def asked(text):
        return understand(text, 10, None, IndexConfig(model="hash"), profile)

    assert _refers_to(asked("What kind of events?"), topic, profile, [topic, *others])
    assert _refers_to(asked("What sorts of activities?"), topic, profile, [topic, *others])
    assert not _refers_to(asked("What kind of robots?"), topic, profile, [topic, *others])



def test_an_english_follow_up_naming_another_initiatives_titled_thing_in_plan_words_leaves_the_topic():
    """"How many hours will the robots save?" after the meetings' AI minutes: robots are RPA in the plan's
    words, which the topic never names and RPA's initiative alone has in its title — that one is asked; "How
    many hours will it save?" points back at the topic."""
    from bot.conversation import _refers_to
    from index.config import IndexConfig
    from index.query import understand
    from ingest.profile import bundled_profile

    profile = bundled_profile()
    topic = _passage("p#1", "庁内会議の効率化の推進", "AI議事録の活用により議事録作成を効率化します。")
    rpa = _passage("p#2", "RPA等の積極的な活用", "RPAやAI-OCR等を積極的に活用し、業務効率化を実現します。")
    others = [_passage(f"p#{n}", f"取組{n}", "業務を効率化します。") for n in range(3, 8)]

    def asked(text):
        return understand(text, 10, None, IndexConfig(model="hash"), profile)

    passages = [topic, rpa, *others]
    assert not _refers_to(asked("How many hours will the robots save?"), topic, profile, passages)
    assert _refers_to(asked("How many hours will it save?"), topic, profile, passages)


def test_an_english_follow_up_naming_the_thing_of_the_topics_title_refers_to_it(mini_bot):
    """"Where will the center be?" of 介護認定事務センター事業: "the" thing, searched only with its title's words."""
    from bot.conversation import _the_titles_own

    engine = mini_bot.engine
    topic = next(chunk for chunk in engine.index.chunks if chunk.title == "大型ごみ収集のオンライン化")
    profile = engine.index.profile
    assert _the_titles_own(engine.understand("How big is the collection?"), topic, profile)
    assert not _the_titles_own(engine.understand("How big is a collection?"), topic, profile)  # not "the" one
    # (nor a thing the title does not name)
    assert not _the_titles_own(engine.understand("How big is the library?"), topic, profile)


def test_an_english_place_question_keeps_the_thing_it_asks_of(mini_bot):
    """"Where is the My Number card center?" after the form-filling kiosk names a thing of its own (the words
    asking where take in the thing in `index.unstated`'s pattern); "Where is it?" names none."""
    from bot.conversation import _topic_words

    engine = mini_bot.engine
    profile = engine.index.profile
    words = _topic_words(engine.understand("Where is the My Number card center?"), profile)
    assert {"card", "center"} <= set(words)
    assert _topic_words(engine.understand("Where is it?"), profile) == []


@pytest.mark.parametrize(("question", "case", "predicate"), [
    ("市の職員って外から専門家を雇ってるの？", "", "雇ってるの?"),  # a bare 「Xも？」 stands for the object
    ("大学と連携してる？", "と", "連携してる?"),  # 「NPOとも？」: the partner's place
    ("保育園の仕事は楽になる？", "", "楽になる?"),
    ("大学と連携してる？", "", ""),  # a bare thing does not stand where と marks the partner
    ("税金の口座振替ってネットで申し込めるようになる？", "", "ネットで申し込めるようになる?"),  # the means kept
    ("ネットで申し込める？", "", ""),
    ("子どもが虐待されてるかもって相談、区役所でできる？", "", ""),  # (the means' noun alone, then a clause)
    ("市の職員の仕事にAI使ってる？", "", ""),  # no particle before the verb: which thing X replaces is unknown
    ("所管は？", "", ""),  # no verb
])
def test_the_verb_a_thing_asked_with_mo_takes_from_the_previous_question(question, case, predicate):
    from bot.conversation import _predicate

    assert _predicate(question, case) == predicate


def test_a_thing_asked_with_mo_is_asked_the_previous_questions_verb(mini_bot, understood):
    """「消防検査も？」 after 「インターネットで大型ごみを申し込める？」 asks whether 消防検査 can be applied for too: the
    whole question is searched (alone, 「消防検査も？」 finds whatever else speaks of inspections)."""
    _, also = mini_bot.dialogue(["インターネットで大型ごみを申し込める？", "消防検査も？"])
    assert also.understood_as == "消防検査も申し込める?"
    assert "消防検査も申し込める?" in understood


def test_a_refusal_presents_only_the_passage_it_was_closest_to(mini_bot):
    """The other passages a refusal names are pointers: 「ほかには？」 next may well want one of them."""
    refused = mini_bot.answer("消防検査の手数料っていくら？")
    assert refused.abstained and len(refused.citations) > 1
    assert refused.presented == refused.citations[:1]


@pytest.mark.parametrize(("topic", "other", "leaving", "staying"), [
    (("市公式ホームページの再構築", "SNSとも連携し、見やすいホームページへと再構築します。"),
     ("市民へのSNS等を利用した情報発信", "SNS等を利用した情報の発信を推進します。"), "SNSのほうの指標は", "SNSとの連携の指標は"),
    (("ペーパーレスの促進に向けた取組の推進", "電子決裁の推進、モバイル端末等を活用した会議等の実施を進めます。"),
     ("庁内会議の効率化の推進", "市役所内で開催される会議の効率化を進めます。"), "会議の効率化は？", "会議は？"),
])
def test_a_follow_up_naming_another_initiative_by_its_title_is_about_that_initiative(topic, other, leaving,
                                                                                      staying):
    """「SNSのほうの指標は」 after the homepage's rebuild, whose text names SNS: the other one, which its title names
    (市民へのSNS等を利用した情報発信) — not the topic's own SNS, asked without setting it against the topic. 「会議の
    効率化は？」 after paperless offices, whose text names 会議: 庁内会議の効率化の推進, whose title alone names both
    things it names; 「会議は？」 is still the topic's."""
    from bot.conversation import _refers_to
    from index.config import IndexConfig
    from index.query import understand
    from ingest.profile import bundled_profile

    profile = bundled_profile()
    topic, other = _passage("p#1", *topic), _passage("p#2", *other)

    def asked(text):
        return understand(text, 10, None, IndexConfig(model="hash"), profile)

    assert not _refers_to(asked(leaving), topic, profile, [topic, other])
    assert _refers_to(asked(staying), topic, profile, [topic, other])


def test_a_figure_follow_up_of_a_thing_another_initiatives_row_measures_is_about_that_initiative():
    """「待ち時間の目標は？」 after the information desks, whose passage never names 待ち時間: the family-register
    counters' row measures it (繁忙期の待ち時間の短縮); 「案内の目標は？」 is still the topic's."""
    from dataclasses import replace

    from bot.conversation import _refers_to
    from index.config import IndexConfig
    from index.query import understand
    from ingest.profile import bundled_profile

    profile = bundled_profile()
    topic = replace(_passage("p#1", "総合案内の運営等による区役所来庁者の利便性向上",
                             "「総合案内」や「おくやみ窓口」の運営や利便性の向上の検討を行います。"),
                    indicator="総合案内又はおくやみ窓口を利用した来庁者のうち、スムーズに目的の窓口に行けた人の割合")
    other = replace(_passage("p#2", "戸籍・住民記録窓口の利便性向上", "繁忙期における休日開庁を継続します。"),
                    indicator="各区戸籍住民課窓口における繁忙期の待ち時間の短縮（最大時間）")

    def asked(text):
        return understand(text, 10, None, IndexConfig(model="hash"), profile)

    assert not _refers_to(asked("待ち時間の目標は？"), topic, profile, [topic, other])
    assert _refers_to(asked("案内の目標は？"), topic, profile, [topic, other])
