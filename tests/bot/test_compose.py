"""The extractive composer on fixed hits: asked fact first, every sentence cited, honest abstention."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.answer import not_in_plan
from bot.compose import compose, listed_facts
from bot.config import Relevance
from index.config import IndexConfig
from index.hit import Hit
from index.query import understand
from index.unstated import UNSTATED_FACTS, asked_before, subject_of
from ingest.chunk import Chunk, Department, GlossaryLink, Measure, Source
from ingest.profile import bundled_profile

PROFILE = bundled_profile()
NOT_IN_PLAN_JA = not_in_plan(PROFILE)


def query(question):
    return understand(question, 10, None, IndexConfig(model="hash"), PROFILE)


def chunk(id_, title, kind="initiative", ward=None, text="説明文です。二文目です。三文目です。", **fields):
    section = fields.pop("section", (ward, "取組目標・主な取組", "目標1:安全なまちづくり") if ward else
                         ("第3章 行財政運営の取組", "1 行政サービスの高度化", "取組内容"))
    return Chunk(id=id_, kind=kind, title=title, section=section, ward=ward, text=text,
                 source=Source("plan.txt", 10, 12), **fields)


CENTER = chunk(
    "p#L367", "札幌市マイナンバーカードセンターの運営",
    text="土日や平日夜間もマイナンバーカードの交付や関連手続きができる施設を継続的に運営します。",
    departments=(Department("デ) スマートシティ推進部", "デジタル戦略推進局", "スマートシティ推進部"),),
    indicator="マイナンバーカードセンターでのマイナンバーカード累計交付人数",
    baseline=Measure(2022, "28,385人"), target=Measure(2027, "63,700人"),
)
BULKY = chunk(
    "p#L344", "大型ごみ収集のオンライン化",
    text="大型ごみの申込について、インターネット受付を新たに導入し、電話受付と併用することで市民の利便性の向上を図ります。",
    departments=(Department("環) 環境事業部", "環境局", "環境事業部"),),
    indicator="大型ごみ申込受付件数におけるインターネット受付件数の割合",
    baseline=Measure(2022, "—"), target=Measure(2027, "50%"),
)
NUDGE = chunk("p#L444", "ナッジ", kind="glossary", text="ナッジ：選択の自由を奪わずに手助けすること。",
              term="ナッジ", definition="選択の自由を奪わずに手助けすること。", footnote=192)
NISHI = chunk("p#L155", "地域の防災力強化", ward="西区", text="避難所開設訓練等を実施します。",
              notes=("※1: 「地域防災活動推進事業」(P.76)による実施",))
TOYOHIRA = chunk("p#L36", "安全・安心なまちとよひら推進事業", ward="豊平区", text="防災マップを配布します。")


def hits(*pairs):
    return [Hit(c, 1.0 - i * 0.01, i + 1, {"dense": d, "lexical": l}) for i, (c, d, l) in enumerate(pairs)]


def answer(question, ranked):
    return compose(query(question), ranked, PROFILE)


def ward_scored(*pairs):
    """Hits scored as a question naming a ward is: (chunk, dense, dense without the ward's name), best first."""
    return [Hit(c, 1.0 - i * 0.01, i + 1, {"dense": d, "lexical": 2.0, "dense_ward_free": free,
                                             "description_ward_free": free, "lexical_ward_free": 0.0})
            for i, (c, d, free) in enumerate(pairs)]


def assert_every_sentence_cited(result, ranked):
    cited = {c.n for c in result.citations}
    for line in result.text.splitlines():
        numbers = {int(n) for n in re.findall(r"\[(\d+)\]", line)}
        assert numbers, f"uncited sentence: {line}"
        assert numbers <= cited
    retrieved = {h.chunk.id for h in ranked}
    assert all(c.hit.chunk.id in retrieved for c in result.citations)
    assert [c.n for c in result.citations] == list(range(1, len(result.citations) + 1))


def test_figure_question_gets_the_figure_first_exactly_as_written():
    ranked = hits((CENTER, 0.90, 30.0), (BULKY, 0.86, 1.0))
    result = answer("マイナンバーカードセンターの交付人数の目標は？", ranked)
    first = result.text.splitlines()[0]
    assert "2022年: 28,385人 → 2027年: 63,700人" in first and first.endswith("[1]。")
    assert result.intent == "figure" and not result.abstained
    assert result.citations[0].hit.chunk is CENTER
    assert_every_sentence_cited(result, ranked)


def test_department_question_gets_the_expanded_bureau_first():
    ranked = hits((BULKY, 0.90, 20.0))
    result = answer("大型ごみ オンライン 所管", ranked)
    assert result.text.splitlines()[0] == "「大型ごみ収集のオンライン化」の所管は 環境局 環境事業部（「環) 環境事業部」） です [1]。"
    assert "目標: 大型ごみ申込受付件数におけるインターネット受付件数の割合（2022年: — → 2027年: 50%） [1]。" in result.text
    assert_every_sentence_cited(result, ranked)


def test_a_look_up_quoting_an_initiatives_title_is_answered_by_it_though_it_names_no_department():
    """「緑あふれるまちづくり 所管」 quotes 西区's initiative, which names no department: it leads, saying so — not a
    city-wide passage that names one (a department asked otherwise prefers those); a title shorter than
    `_QUOTED_TITLE` (`_QUOTED_BARE` letters besides hiragana, `_QUOTED_READING` read) is no quotation."""
    green = chunk("p#L900", "緑あふれるまちづくり", ward="西区", text="花や緑を増やします。")
    partner = chunk("p#L610", "官民連携による公共施設等の建設、維持管理、運営の推進", text="公共施設を整備します。",
                    departments=(Department("政) 政策企画部", "まちづくり政策局", "政策企画部"),))
    ranked = hits((green, 0.90, 14.0), (partner, 0.89, 4.0))
    said = answer("緑あふれるまちづくり 所管", ranked)
    assert said.citations[0].hit.chunk is green and not said.abstained
    assert said.text.splitlines()[0] == "「緑あふれるまちづくり」は西区の取組で、計画（抜粋）には所管部署の記載がありません [1]。"
    close = hits((green, 0.90, 5.0), (partner, 0.899, 5.0))
    assert answer("緑あふれるまちづくり 所管", close).citations[0].hit.chunk is green
    assert answer("花や緑の担当部署は？", close).citations[0].hit.chunk is partner  # no title quoted
    helping = chunk("p#L902", "地域の課題解決をサポート", ward="西区", text="町内会の課題解決を支えます。")
    program = chunk("p#L903", "地域課題解決のためのネットワーク構築事業", text="ネットワークを築きます。",
                    departments=(Department("市) 地域振興部", "市民文化局", "地域振興部"),))
    staff = answer("地域課題解決サポート 所管", hits((program, 0.90, 5.0), (helping, 0.899, 5.0)))
    assert staff.citations[0].hit.chunk is helping  # written without its particles: still quoted
    kana = answer("みどりあふれるまちづくり しょかん", close)  # read aloud: the title's reading quoted
    assert kana.citations[0].hit.chunk is green
    walk = chunk("p#L901", "緑の散歩", ward="西区", text="散歩します。")
    short = answer("緑の散歩 所管", hits((walk, 0.90, 5.0), (partner, 0.899, 5.0)))
    assert short.citations[0].hit.chunk is partner


def test_definition_question_prefers_the_glossary_entry():
    ranked = hits((CENTER, 0.88, 3.0), (NUDGE, 0.875, 7.0))
    result = answer("ナッジって何？", ranked)
    assert result.text.splitlines()[0].startswith("「ナッジ」とは、選択の自由を奪わずに手助けすること")
    assert result.citations[0].hit.chunk is NUDGE
    assert_every_sentence_cited(result, ranked)


def test_a_definition_is_answered_by_the_close_passage_that_names_the_asked_term():
    """「清田区の健康ポイントって何？」: the ward's review naming 「きよっち健康ポイント」 leads, not the health
    initiative ranked above it that never names a ポイント; a term the lead names keeps the lead, and a glossary
    entry the naming passage cites (「CUDってなに？」) still defines it."""
    health = chunk("p#L80", "清田区健康アップ推進事業", ward="清田区", text="歩くことを主眼とした健康づくりを進めます。")
    review = chunk("p#L66", "清田区：アクションプラン 2019 におけるまちづくりの取組", kind="narrative", ward="清田区",
                   text="健康づくりを促す「きよっち健康ポイント」をはじめ、運動教室の内容充実に取り組んできました。")
    ranked = hits((health, 0.89, 9.0), (review, 0.89, 16.0))
    assert answer("清田区の健康ポイントって何？", ranked).citations[0].hit.chunk is review
    assert answer("清田区の健康づくりって何？", ranked).citations[0].hit.chunk is health
    cud = chunk("p#L409", "カラーユニバーサルデザイン", kind="glossary", term="カラーユニバーサルデザイン",
                text="カラーユニバーサルデザイン：色覚の個人差を問わず利用しやすくする考え方。",
                definition="色覚の個人差を問わず利用しやすくする考え方。", footnote=190)
    fonts = chunk("p#L403", "ユニバーサルデザインを取り入れた情報発信の充実", text="CUD（カラーユニバーサルデザイン）を導入します。",
                  glossary=(GlossaryLink(190, "カラーユニバーサルデザイン", "p#L409"),))
    ranked = hits((cud, 0.9, 2.0), (fonts, 0.89, 8.0))
    assert answer("CUDってなに？", ranked).citations[0].hit.chunk is cud


def test_an_english_definition_prefers_only_a_glossary_entry_naming_what_was_searched():
    """"What is the Sapporo metropolitan area partnership?": the partnership's initiative leads, not 出資団体's
    definition that came as close but names nothing the question was searched with; "What is RPA?" still gets
    RPA's definition over the initiative ranked above it."""
    area = chunk("p#L600", "さっぽろ連携中枢都市圏推進事業", text="さっぽろ連携中枢都市圏の活性化を図ります。")
    funded = chunk("p#L650", "出資団体", kind="glossary", term="出資団体", text="出資団体：札幌市が出資等を行っている法人。",
                   definition="札幌市が出資等を行っている法人。")
    ranked = hits((area, 0.85, 2.0), (funded, 0.84, 1.0))
    assert answer("What is the Sapporo metropolitan area partnership?", ranked).citations[0].hit.chunk is area
    robots = chunk("p#L660", "RPA等の積極的な活用", text="RPAやAI-OCR等を積極的に活用します。")
    rpa = chunk("p#L661", "RPA", kind="glossary", term="RPA", text="RPA：ソフトウェアロボットによる自動化。",
                definition="ソフトウェアロボットによる自動化。")
    assert answer("What is RPA?", hits((robots, 0.86, 5.0), (rpa, 0.85, 4.0))).citations[0].hit.chunk is rpa


def test_a_definition_asked_of_a_latin_name_an_initiatives_title_writes_is_answered_by_that_initiative():
    """"What is Team Sapporo-Hokkaido?": the initiative whose title writes the name (spaces, hyphens and case
    aside) leads, not the definition of チーム retrieved close to it; a name no title writes still prefers the
    glossary."""
    team = chunk("p#L590", "GX投資の取組の推進 (Team-Sapporo Hokkaido の設置)", text="コンソーシアムを結成します。")
    coe = chunk("p#L445", "デジタル改革推進チーム", kind="glossary", text="デジタル改革推進チーム：横断的なチームのこと。",
                term="デジタル改革推進チーム", definition="横断的なチームのこと。")
    ranked = hits((team, 0.88, 5.0), (coe, 0.875, 4.0))
    assert answer("What is Team Sapporo-Hokkaido?", ranked).citations[0].hit.chunk is team
    assert answer("team sapporo hokkaidoって何？", ranked).citations[0].hit.chunk is team
    assert answer("What is a digital team?", ranked).citations[0].hit.chunk is coe


def test_an_english_fact_a_terms_definition_states_is_answered_by_it_named_in_the_plans_words():
    """"What grades can join the children's assembly?": the best passage names 子ども議会, whose definition says
    小学4年生から中学3年生 — the English question names the term in the words it was searched with."""
    join = chunk("p#L650", "市政への子どもの参加の推進", text="子ども議会など、子どもの参加の取組を推進します。")
    term = chunk("p#L651", "子ども議会", kind="glossary", term="子ども議会",
                 text="子ども議会：小学4年生から中学3年生までの子ども議員が発表する取組。",
                 definition="小学4年生から中学3年生までの子ども議員が発表する取組。")
    said = answer("What grades can join the children's assembly?", hits((join, 0.92, 9.0), (term, 0.90, 6.0)))
    assert said.citations[0].hit.chunk is term and not said.abstained


def test_ward_question_leads_with_that_wards_initiative_and_its_note():
    ranked = hits((TOYOHIRA, 0.90, 8.0), (NISHI, 0.89, 8.0))
    result = answer("西区では防災に何をしていますか", ranked)
    lines = result.text.splitlines()
    assert lines[0] == "西区では「地域の防災力強化」に取り組みます（目標1:安全なまちづくり） [1]。"
    assert "備考: ※1: 「地域防災活動推進事業」(P.76)による実施 [1]。" in lines
    assert_every_sentence_cited(result, ranked)


def test_what_a_wards_initiative_does_is_answered_with_its_description():
    """「…って何してる？」 asks what the named thing does: the passage's text leads, not the ward's template."""
    ranked = hits((NISHI, 0.90, 8.0), (TOYOHIRA, 0.89, 8.0))
    result = answer("西区の防災の取組って何してるの？", ranked)
    assert result.text.splitlines()[0].startswith("「地域の防災力強化」（西区")
    assert_every_sentence_cited(result, ranked)


def test_other_relevant_initiatives_are_listed_a_line_each_when_close_to_the_lead():
    ranked = hits((BULKY, 0.90, 20.0), (CENTER, 0.89, 20.0), (NUDGE, 0.80, 0.0))
    result = answer("大型ごみをネットで申し込みたい", ranked)
    assert result.text.splitlines()[-1] == ("関連: 「札幌市マイナンバーカードセンターの運営」（1 行政サービスの高度化）: "
                                            "土日や平日夜間もマイナンバーカードの交付や関連手続きができる施設を継続的に運営し… [2]")
    assert [c.hit.chunk.title for c in result.citations] == ["大型ごみ収集のオンライン化", "札幌市マイナンバーカードセンターの運営"]
    assert_every_sentence_cited(result, ranked)


def test_a_passage_above_the_threshold_but_far_below_the_lead_is_not_listed_as_related():
    """A question naming a ward is close to all of the ward's passages: its unrelated initiatives clear
    the absolute threshold, not the margin below the lead."""
    ranked = hits((BULKY, 0.93, 20.0), (CENTER, 0.87, 5.0))
    result = answer("大型ごみをネットで申し込みたい", ranked)
    assert [c.hit.chunk.title for c in result.citations] == ["大型ごみ収集のオンライン化"]
    assert "関連" not in result.text


def test_a_wards_goal_is_answered_with_the_initiatives_under_it_in_the_plans_order():
    """「南区の健やかに暮らせるまちづくりって何するの？」: the goal heading states an aim; what the plan does for
    it is its initiatives, listed a line each (another goal's initiative is at most related)."""
    goal_title = "目標1:健やかに暮らせるまちづくり"
    goal = chunk("p#L115", goal_title, kind="narrative", ward="南区", section=("南区", "取組目標・主な取組"),
                 text=f"{goal_title} 住民が地域で健やかに生活できるための取組や交流促進事業を実施します。")
    under = ("南区", "取組目標・主な取組", goal_title)
    walking = replace(chunk("p#L116", "冬も楽しむウォーキング推進事業", ward="南区", section=under,
                            text="冬のウォーキングを楽しむイベントを行います。"), source=Source("plan.txt", 116, 116))
    mascot = replace(chunk("p#L117", "南区子育て支援キャラクター事業", ward="南区", section=under,
                           text="子育て支援キャラクターを活用します。"), source=Source("plan.txt", 117, 117))
    elsewhere = chunk("p#L120", "南区地域活動の次世代参画支援事業", ward="南区",
                      section=("南区", "取組目標・主な取組", "目標2:地域のまちづくり活動の推進"),
                      text="若い世代の活動を支援します。")
    other_ward = chunk("p#L60", "清田区健康アップ推進事業", ward="清田区", section=("清田区", "取組目標・主な取組",
                       goal_title), text="歩くことを主眼とした健康づくりを進めます。")
    ranked = hits((goal, 0.92, 12.0), (mascot, 0.91, 9.0), (elsewhere, 0.91, 9.0), (other_ward, 0.90, 6.0),
                  (walking, 0.90, 9.0))
    result = answer("南区の健やかに暮らせるまちづくりって何するの？", ranked)
    lines = result.text.splitlines()
    assert lines[0] == (f"「{goal_title}」（南区）: 住民が地域で健やかに生活できるための取組や交流促進事業を"
                        "実施します [1]。")  # the heading that opens the text is not quoted again
    assert [line.split("」")[0] for line in lines[1:3]] == ["取組: 「冬も楽しむウォーキング推進事業",
                                                          "取組: 「南区子育て支援キャラクター事業"]
    assert all(not line.startswith("取組:") for line in lines[3:])
    assert "清田区健康アップ推進事業" not in "".join(lines[1:3])
    assert len(lines) <= 1 + 3  # the goal's initiatives take the related lines' places
    assert_every_sentence_cited(result, ranked)


def test_a_question_asked_of_one_ward_lists_no_other_wards_initiative_as_related():
    """「西区では防災に何をしていますか」: 豊平区's disaster initiative is no help to a 西区 resident; a city-wide
    passage still is. Asked of no ward, both are listed."""
    ranked = hits((NISHI, 0.90, 8.0), (TOYOHIRA, 0.89, 8.0), (CENTER, 0.89, 8.0))
    related = [line for line in answer("西区では防災に何をしていますか", ranked).text.splitlines() if line.startswith("関連")]
    assert [line.split("」")[0] for line in related] == ["関連: 「札幌市マイナンバーカードセンターの運営"]
    anywhere = answer("防災に何をしていますか", ranked).text
    assert "関連: 「安全・安心なまちとよひら推進事業」" in anywhere and "関連: 「札幌市マイナンバーカードセンターの運営」" in anywhere


def test_an_initiative_lead_lists_related_passages_not_a_goals_initiatives():
    ranked = hits((NISHI, 0.90, 8.0), (replace(NISHI, id="p#L156", title="避難所の備蓄"), 0.89, 8.0))
    result = answer("西区では防災に何をしていますか", ranked)
    assert "取組:" not in result.text
    assert "関連: 「避難所の備蓄」" in result.text


KIYOTA_MARCHE = chunk("p#L60", "地域交流拠点における賑わい創出", ward="清田区",
                      text="「きよたマルシェ」などで区役所周辺から賑わいを生みます。")


def test_a_question_asked_of_one_ward_is_not_led_by_another_wards_passage():
    """A ward asked for (a follow-up 「豊平区にも似たのある？」 after 清田区's きよたマルシェ, whose name still wins
    the search): that ward's passage leads, or a city-wide one."""
    ranked = hits((KIYOTA_MARCHE, 0.93, 12.0), (TOYOHIRA, 0.90, 6.0), (BULKY, 0.86, 0.0))
    result = answer("豊平区で賑わいを生むイベントは？", ranked)
    assert not result.abstained
    assert result.citations[0].hit.chunk.title == "安全・安心なまちとよひら推進事業"
    assert_every_sentence_cited(result, ranked)


def test_a_question_asked_of_one_ward_with_only_another_wards_passage_relevant_is_not_found():
    ranked = hits((KIYOTA_MARCHE, 0.93, 12.0), (TOYOHIRA, 0.80, 0.0))
    result = answer("豊平区で賑わいを生むイベントは？", ranked)
    assert result.abstained
    assert result.text.startswith(NOT_IN_PLAN_JA.split("\n")[0])
    assert "地域交流拠点における賑わい創出" in result.text  # still shown as the closest topic


def test_irrelevant_hits_abstain_with_suggestions_and_no_invented_facts():
    ranked = hits((CENTER, 0.82, 0.5), (BULKY, 0.81, 0.0))
    result = answer("除雪はいつ来ますか？", ranked)
    assert result.abstained and result.confidence == 0.0
    assert result.text.splitlines()[0] == "この計画（抜粋）には日程・収集日・締め切りの記載はありません。"
    assert "「札幌市マイナンバーカードセンターの運営」[1]" in result.text
    assert not re.search(r"\d{2,4}-\d{2,4}-\d{3,4}|\d+円", result.text)


def test_low_relevance_without_a_fact_type_uses_the_plain_not_in_plan_sentence():
    result = answer("犬の登録の手続き", hits((CENTER, 0.83, 1.0)))
    assert result.abstained and result.text.splitlines()[0] == NOT_IN_PLAN_JA


def test_fee_question_on_a_real_topic_abstains_but_points_to_the_initiative():
    ranked = hits((BULKY, 0.876, 18.85), (CENTER, 0.80, 0.0))
    result = answer("大型ごみの手数料はいくら？", ranked)
    assert result.abstained
    assert result.text.splitlines()[0] == "この計画（抜粋）には料金・手数料の記載はありません。"
    assert result.text.splitlines()[1] == "計画に記載のある関連する取組: 「大型ごみ収集のオンライン化」[1]。"


def test_english_question_is_framed_in_english_quoting_japanese_facts():
    ranked = hits((CENTER, 0.89, 21.0))
    result = answer("Which department is in charge of the My Number card center?", ranked)
    assert result.language == "en"
    assert result.text.splitlines()[0] == (
        "The department in charge of 「札幌市マイナンバーカードセンターの運営」 is "
        "デジタル戦略推進局 スマートシティ推進部（「デ) スマートシティ推進部」） [1]."
    )
    assert "Target: 「マイナンバーカードセンターでのマイナンバーカード累計交付人数」 2022年: 28,385人 → 2027年: 63,700人 [1]." in result.text
    assert_every_sentence_cited(result, ranked)


def test_english_abstention_says_so_in_both_languages():
    result = answer("When is the snow removal in Kiyota?", hits((CENTER, 0.81, 0.0)))
    assert result.abstained
    assert result.text.splitlines()[0] == (
        "The plan (excerpt) does not state dates or schedules. この計画（抜粋）には日程・収集日・締め切りの記載はありません。"
    )


def test_no_hits_abstains_without_citations():
    result = answer("何か", [])
    assert result.abstained and result.citations == () and result.text == NOT_IN_PLAN_JA


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("消防検査オンライン化 所管", "department"),
        ("どこの部署が担当？", "department"),
        ("生活保護のケースワーカーって一人何世帯担当してる？", "figure"),  # how many each is in charge of
        ("生活保護の効率化は何課が担当してる？", "department"),
        ("目標は何%？", "figure"),
        ("いつまでに設置？", "figure"),
        ("How many people will get cards?", "figure"),
        ("月間アクティブユーザー数の現状値は？", "figure"),  # the baseline is a figure too
        ("What is the 2022 baseline for the website's monthly users?", "figure"),
        ("What is the current value of the online coverage rate?", "figure"),
        ("書かない窓口とは", "definition"),
        ("EBPMって何？", "definition"),
        ("What does nudge mean?", "definition"),
        # what the city aims for with a thing asks its aim, not what the thing is
        ("What does the city aim for with the fire inspections by 2027?", "general"),
        ("What does the city want to achieve with the homepage rebuild?", "general"),
        ("ナッジってなんですか", "definition"),
        ("市役所の改革ってなんの方針で進めてるの？", "general"),  # which policy, not what a 方針 is
        ("西区では何をしていますか", "ward"),
        ("大型ごみをネットで", "general"),
    ],
)
def test_intent_detection(question, kind):
    assert query(question).intent.kind == kind


@pytest.mark.parametrize(
    ("question", "ward"),
    [
        ("手稲山って、区が何かPRしてるの？", "手稲区"),  # a place named after the ward
        ("清田の公園でイベントある？", "清田区"),
        ("西野の公園は？", None),  # a one-character name (西) is no place name
        ("中央図書館の開館時間は？", None),  # only the plan's own wards, never 中央区 by 中央
    ],
)
def test_a_place_named_after_a_ward_names_that_ward(question, ward):
    assert query(question).intent.ward == ward


@pytest.mark.parametrize(
    ("question", "ward", "other"),
    [
        ("中央区と南区の区役所って建て替えるんだよね？", None, None),  # ward offices, not one ward's chapter
        ("西区と手稲区の防災の取組を比べて", None, None),
        ("Compare Nishi and Teine wards", None, None),
        ("南区の区役所って建て替えるの？", "南区", None),
        ("中央区の区役所って建て替えるの？", None, "中央区"),  # one ward the plan has no chapter for
    ],
)
def test_a_question_naming_several_wards_is_about_none_of_their_chapters(question, ward, other):
    intent = query(question).intent
    assert (intent.ward, intent.other_ward) == (ward, other)


def test_a_question_of_several_things_sharing_no_word_with_its_passages_is_not_relevant():
    """「雪かき ボランティア 募集」 finds the young-women support by a cosine just above the threshold and no word in
    common (BM25 0.08): not relevant, not found. A word shared answers; so does a one-word fragment, which
    may follow up a topic (「アンケートとか？」), and English, matched through its glossary words."""
    ranked = hits((BULKY, 0.86, 0.08), (CENTER, 0.85, 0.05))
    assert not Relevance().grounded(ranked)
    result = answer("雪かき ボランティア 募集", ranked)
    assert result.abstained and result.text.startswith("この計画（抜粋）には該当する記載が見つかりませんでした。")
    assert not answer("大型ごみ ボランティア 募集", hits((BULKY, 0.86, 3.0), (CENTER, 0.85, 0.05))).abstained
    assert not answer("アンケートとか？", ranked).abstained
    assert Relevance().for_language("en").grounded(ranked)


def test_relevance_combines_dense_and_capped_lexical():
    relevance = Relevance()
    hit = Hit(BULKY, 1.0, 1, {"dense": 0.84, "lexical": 100.0})
    assert relevance.score(hit) == pytest.approx(0.84 + 0.0025 * 20)
    assert relevance.confidence(hit) == pytest.approx((0.89 - 0.80) / 0.12)


@pytest.mark.parametrize(
    ("question", "kind", "veto"),
    [
        ("大型ごみのインターネット受付の目標はいくら？", "figure", None),  # asks for the target, not a fee
        # written in kana: read as in kanji (何枚くらい, 目標, 何時間), いくら only where it is a word
        ("しやくしょって こぴーようしを としに なんまいくらい かってるの？", "figure", None),
        ("とよひらくで つきに いちかいくらい あるくかい やってない？", "ward", None),  # 豊平区, as Mozc reads it
        ("しゃかいきょういくの こうざの ひようは いくらいる？", "general", "fee"),
        ("しは きふを いくら ふやすのを もくひょうに してる？", "figure", None),
        ("ぎょうせいじむせんたーの もくひょうは なんじかん？", "figure", None),
        ("When is the target year for online tax procedures?", "figure", None),
        ("清田区の里塚あたり、うちの前の道の除雪っていつ頃来ますか？", "ward", "own_case"),
        ("清田区の除雪っていつ頃来ますか？", "ward", "schedule"),
        ("地下鉄の運賃はいくら？", "general", "fee"),
        ("西区のジャズイベントのチケット代は？", "ward", "fee"),  # a ticket's cost (not 「交通費の助成は？」)
        ("交通費の助成は？", "general", None),
        ("障害者のタクシー代の助成、スマホから申請できるようになるの？", "general", "online"),  # a grant towards it
        ("児童手当の申請 オンライン？", "general", "online"),  # asked tersely
        ("じどうてあて の しんせい おんらいん？", "general", "online"),
        ("申請のオンライン化の目標は？", "figure", None),
        ("オンライン相談って無料ですか？", "general", "fee"),  # whether it is free: the plan states no fees
        ("Is it free to join the walking event?", "general", "fee"),
        ("講座の費用はどのくらい？", "figure", "fee"),
        ("市民の費用負担を減らす取組は？", "general", None),
        ("無料Wi-Fiを増やす計画はある？", "general", None),
        ("こんにちは", "smalltalk", None),
        ("ありがとうございました！", "smalltalk", None),
        ("使い方は？", "smalltalk", None),
        ("こんにちは、使い方を教えて", "smalltalk", None),  # nothing but small-talk phrases
        ("こんにちわー😊 何が聞けるの？", "smalltalk", None),
        ("なるほど、ありがとう！助かりました", "smalltalk", None),
        ("Hi! What can you do?", "smalltalk", None),
        # pleasantries as people type them after an answer: several at once, clipped, reactions, closings
        ("ありがとう、助かった", "smalltalk", None),
        ("わかった、ありがとう", "smalltalk", None),
        ("ありがと！", "smalltalk", None),
        ("ありがとう。よくわかりました", "smalltalk", None),
        ("すごいね", "smalltalk", None),
        ("もういいです", "smalltalk", None),
        ("サンキュー", "smalltalk", None),
        ("hi there", "smalltalk", None),
        ("thx", "smalltalk", None),
        ("すごいね、西区の公園の取組は？", "ward", None),  # a reaction, then a question: the question
        ("いいね。ほかの区でもやってる？", "general", None),
        ("Great, who is in charge of it?", "department", None),
        ("？？？", "smalltalk", None),  # nothing to look up: marks, laughter, a lone kana
        ("ｗｗｗ", "smalltalk", None),
        ("ん？", "smalltalk", None),
        ("ネット", "general", None),  # one word is something to look up
        ("ほかの質問例は？", "smalltalk", None),  # how to ask: the guide (not 「ほかの」 initiatives)
        ("Give me some example questions", "smalltalk", None),
        ("AP2019 事業数", "figure", None),  # a count named by its noun, as staff look it up
        ("南区の高齢化率は？", "figure", None),  # a rate named by its noun
        ("町内会の加入率って", "figure", None),
        ("業務の効率は？", "general", None),  # efficiency is no rate
        ("マイナンバーカードセンターの交付数は？", "figure", None),
        ("複数の窓口を回らなくていい？", "general", None),  # 複数 is no count asked
        ("こんにちは、大型ごみについて教えて", "general", None),
        ("スマホの使い方を教えて", "general", None),  # the use of something else
        ("ほかにデジタルで効率化してることは？", "general", None),  # こと + は: no とは of a term
        ("ありがとう、次は大型ごみのネット受付について教えて", "general", None),
        ("What can you do about the snow on my street?", "general", None),
        ("西区のノルディックウォーキングの講習って、ポールは貸してもらえるの？", "ward", "lending"),
        ("Can I borrow a wheelchair at the ward office?", "general", "lending"),
        ("車いすのレンタルってできる？", "general", "lending"),
        ("区役所の窓口で手続きを手伝ってもらえる？", "general", None),  # help, not lending
        ("借り上げ住宅の計画はある？", "general", None),
        ("児童手当の申請って、何の書類を持っていけばいいですか？", "general", "documents"),
        ("転入届の持ち物を教えて", "general", "documents"),
        ("What documents do I need to bring for the child allowance?", "general", "documents"),
        ("引越しの時に必要な書類をわかりやすく案内してほしい", "general", None),  # a wish about guidance
        ("書類に何度も同じことを書かされるのをやめてほしい", "general", None),
        ("消防署に出す書類の打ち合わせをオンラインでしたい", "general", None),
        ("西区役所の住所を教えて", "ward", "access"),
        ("子育て相談のメールアドレスは？", "general", "phone"),
        ("子ども議会に出た子の感想ってどこで読める？", "general", "phone"),  # where it is published
        ("ていねくの ごみすてーしょんの ばしょを おしえて", "ward", "location"),
        ("手稲区の避難所の場所は？", "ward", "location"),
        ("手稲区 プール 場所", "ward", "location"),
        ("手稲区のハイキングコースの長さは？", "figure", None),  # a distance (`index.units`)
        ("南区 温泉 入浴料", "ward", "fee"),
        ("避難所の場所は？", "general", "location"),
        ("避難所の場所を知らせる取組ってある？", "general", None),  # what is done about it
        ("子育ての仲間を作れる場所ってありますか", "general", None),  # is there such a service
        ("南区の人口は？", "figure", None),
        ("What's the population of Minami ward?", "figure", None),
        ("南区って人口が減ってるって聞くけど、若い世代の活動を区は応援してる？", "ward", None),
        ("道内の市町村と若者をつなぐ関係人口づくり", "general", None),
        ("What is the email of the ward office?", "definition", "phone"),
        ("市公式ホームページを作り直すって本当？", "general", None),
        ("区民センターに駐車場はありますか？", "general", "access"),
        ("真駒内駅からの行き方は？", "general", "access"),
        ("Where can I park near the ward office?", "general", "access"),
        ("What is the address of the My Number card center?", "definition", "access"),
        # the bus or train there (not the fares the disability grants pay)
        ("札幌駅から区役所までバスある？", "general", "access"),
        ("区役所に行くバスって何番？", "definition", "access"),
        ("What bus goes to the ward office?", "general", "access"),
        ("Is there a bus from Sapporo Station to the ward office?", "general", "access"),
        ("Can I apply online for the bus and subway fare grant?", "general", "online"),  # a channel, no route
        ("障がいのある人のバスや地下鉄の助成ってネットで申し込める？", "general", "online"),
        ("How much is the city paying for the new website?", "general", "budget"),
        ("How much will the city spend on the website?", "general", "budget"),
        # staff counted by what they did are the row's trainees; staff working somewhere are not counted
        ("How many staff have completed the data training?", "figure", None),
        ("How many staff work at the ward offices?", "figure", "pay"),
        ("How much is water per month in Sapporo?", "general", "fee"),
        ("How much is the water bill?", "general", "fee"),
        ("Will our wages keep up when prices rise?", "general", None),
        ("Where is it?", "general", "location"),
        ("Where is the data training?", "general", None),
        ("Where are the classes held?", "general", "location"),
        ("ごみの分別 わからない", "general", "sorting"),
        ("ごみの分別が難しい", "general", "sorting"),
        ("Is there a nursery room at the ward office?", "general", "amenities"),
        ("Which bank does the city use for tax payments?", "general", "payment"),
        ("Is the city building a new ward office in Kiyota?", "ward", "construction"),
        ("Is the city building partnerships with universities?", "general", None),  # no building built
        ("What's the crime rate in Toyohira ward?", "figure", None),
        ("What is the online rate for tax procedures?", "figure", None),
        ("Are there any jobs at the city for foreigners?", "general", "jobs"),
        ("How long is the wait at the family register counter right now?", "general", "live"),
        ("What percentage of city staff are women?", "figure", "pay"),
        ("How many nurses does each ward have?", "figure", "pay"),
        ("How many public health nurses joined the new system?", "figure", None),
        ("役所の申請書、毎回住所とか名前とか手書きするのが面倒くさい", "general", None),
        ("Writing my name and address on five forms at the ward office drives me mad.", "general", None),
        ("ナッジでどれくらいお金が浮いたの？", "figure", "budget"),
        ("I work at a city-run sports centre. Will our wages keep up with prices?", "general", None),
        ("What are the prices for the ski lessons?", "definition", "fee"),
        ("除雪 予算 R9", "general", "budget"),
        ("ペーパーレスでどれくらい紙が減るの？", "figure", None),  # sheets, which the plan counts
        ("隣の家が毎晩うるさい。どこに苦情を言えばいい？", "general", "procedure"),
        ("My neighbour plays loud music every night. Who should I complain to?", "general", "procedure"),
        ("Where can I make a complaint about the ward office?", "general", "procedure"),
        ("市民の苦情ってどう活かされてるの？", "general", None),  # what the city does with them
        ("Does the city learn from complaints?", "general", None),
        ("Can I do my change of address online?", "general", "online"),  # one's own address, not a place's
        ("Is there a park in Kiyota ward for children?", "ward", None),
        ("市民がサービスにアクセスしやすくなる取組は？", "general", None),
        ("行政事務センターっていつできたの？", "date", None),  # when it began: a date the plan may state
        ("避難所の手引きっていつ作るの？", "date", None),  # when it is made
        ("When was the My Number card center opened?", "date", None),
        ("When will the new children's centre open?", "date", None),  # what will open: when it starts
        ("When does the ward office open?", "general", "schedule"),  # its hours
        ("子ども議会ってどうやったら出られるの？", "general", "procedure"),
        ("子ども議会って傍聴できる？", "general", "visit"),  # sitting in, as a visit
        ("Can I watch the children's assembly?", "general", "visit"),  # in English
        ("What's the name of the Minami ward mayor?", "ward", "person"),
        ("What's the name of the initiative for flowers?", "general", None),  # a passage's name, no person
        ("How much is the fine for putting out garbage on the wrong day?", "general", "fee"),
        ("Is the weather fine for the walking event?", "general", None),
        ("Can my dog come to the Nordic walking events?", "general", "permission"),
        ("What's the city's debt?", "general", "budget"),
        ("札幌市の借金っていくら？", "general", "budget"),  # what the city owes, no price
        ("Can I watch the walking event videos online?", "general", None),  # a video watched, no sitting in
        ("RPA 導入費用", "general", "budget"),  # what setting it up costs the city
        ("Where exactly is the care certification center?", "general", "location"),
        ("参加費用は？", "general", "fee"),
        ("SIB PFS 違い", "definition", None),  # how terms differ: what each means
        ("生成AIで作った文章って間違いないの？", "general", None),
        ("結婚して住所も名字も変わる。何の書類がいるか一覧で見られるようにしてほしい", "general", None),  # notices
        ("結婚するとき何の書類がいる？", "general", "documents"),
        ("What does the social impact bond program cost?", "definition", "budget"),  # what the city spends
        ("How much did the homepage renewal cost?", "general", "budget"),  # a project's cost, as 「いくらかかった」
        ("Does the city plan to build a new city hall?", "general", "construction"),
        ("What will the city do with the money saved by RPA?", "general", "spending"),
        ("What does the walking program cost to join?", "definition", "fee"),
        ("除雪はいつ来ますか？", "general", "schedule"),  # when it will come: never in the plan
        ("きよフェスっていつあるの？", "general", "schedule"),  # an event's date
        ("ていね山映画祭の開催日を教えて", "general", "schedule"),
        ("今年のコトニジャズは何日？", "general", "schedule"),
        ("札幌ドームの今月のイベント予定を教えて", "general", "schedule"),  # an events calendar
        ("How much does a ticket for the Teine mountain film festival cost?", "ward", "fee"),  # a long subject
        ("Can I recycle old batteries at the ward office?", "general", "sorting"),
        ("How do I recycle old batteries?", "general", "sorting"),
        ("How do I get rid of an old sofa?", "general", None),  # asked of the bulky-waste service
        # where to find out which documents: the documents asked (which 必要書類…の広報充実 states), not a place
        ("I just moved. Where do I find what documents I need?", "general", "documents"),
        ("Where can I find out more about it?", "general", None),  # information, not a place
        ("Where can I find the card centre?", "general", "location"),
        ("Is the walking event held in the snow?", "general", "weather"),
        ("Does Minami ward run anything to keep people walking in the snow?", "ward", None),  # an activity in snow
        ("Are there any events this weekend in Kiyota ward?", "ward", "schedule"),
        ("イベントで地域を盛り上げる取組は？", "general", None),  # events as a topic, not their dates
        ("今年の目標は？", "figure", None),
        ("来週の清田区の行事の予定は？", "ward", "schedule"),
        ("今年のイベントで何か面白いのある？", "general", None),  # which events, not when
        ("要介護認定の結果が出るまで何日くらいかかるの？", "figure", None),  # a duration: the plan's indicator
        ("介護認定の結果が出るまで何日？", "figure", None),  # until it comes, asked alone: a duration too
        ("雪まつりまであと何日？", "general", "schedule"),  # a countdown is a date
        ("いつまでにオンライン化するの？", "figure", None),  # the target year
        ("いつも窓口が混んでいる", "general", None),
        ("手稲区の区長って誰？", "ward", "person"),  # the plan names departments, never people
        ("Who is the mayor of Sapporo?", "general", "person"),
        ("西区の環境まちづくり協議会の会長って今だれ？", "ward", "person"),  # whoever heads anything
        ("やまべえ体操って誰が考えたの？", "general", "person"),  # whoever made it up
        ("Who is the chair of the neighbourhood council?", "general", "person"),
        ("成長は誰のためのもの？", "general", None),  # 長 of no office
        ("認知症の母を施設に入れたい、空きはある？", "general", "live"),  # a vacancy is a live status
        ("区役所って混んでる", "general", "live"),  # asked alone, no question mark
        ("マイナンバーカード作りたいけど区役所混んでる", "general", None),  # told after what one wants
        ("Are there any places left at the daycare?", "general", "live"),
        ("空き家の対策はある？", "general", None),  # 空き家 is a topic
        ("Can I get a free flu shot in Toyohira ward?", "ward", "fee"),
        ("Can I get a barrier-free route to the ward office?", "general", None),
        ("市長と会社の社長が直接話す会ってある？", "general", None),  # the mayor's meetings are in the plan
        ("担当者は誰？", "department", None),  # the department in charge is what is asked
        ("西区のごみ分別アプリってどこでダウンロードできる？", "ward", "phone"),  # a download link is a web address
        ("申請書をダウンロードする必要がなくなるの？", "general", None),
        ("定山渓温泉でおすすめの旅館ってどこですか？", "general", "business"),  # the plan names no business
        ("手稲区で一番人気のラーメン屋さんってどこ？", "ward", "business"),
        ("What's the best ramen shop in Teine?", "ward", "business"),
        ("Can I buy goods with the mascot on them?", "general", "business"),  # whether it is for sale
        ("手稲区でおすすめの散歩コースはある？", "ward", None),  # a walking course the plan may introduce
        ("商店街の人気を取り戻す取組は？", "general", None),
        ("ごみステーションにカラスよけネットを置きたい。補助金は出る？", "general", "subsidy"),
        ("豊平区で子どものインフルエンザの予防接種に助成はある？", "ward", "subsidy"),
        ("大学生の団体がまちづくりをするときの助成", "general", None),  # about the grant, not whether one exists
        ("Can I get a subsidy for solar panels on my house?", "general", "subsidy"),
        ("Does the ward give grants to neighbourhood associations?", "general", "subsidy"),
        # applied for, not asked whether one is given
        ("Can I apply for the disabled persons' transport subsidy online?", "general", "online"),
        ("清田区の図書館の休館日を教えてください", "ward", "hours"),
        ("What time does the Kiyota ward office close on Fridays?", "ward", "hours"),
        ("How late is the ward office open on weekdays?", "general", "hours"),
        ("How late will the new system be?", "general", None),  # late, of no place open
        ("2027年の雪まつりはいつからいつまで？", "figure", "schedule"),  # an event's period
        ("計画期間はいつまで？", "figure", None),  # the plan's own period is stated
        ("豊平区の成人式の会場はどこですか？", "ward", "location"),
        ("印鑑登録 必要なもの", "general", "documents"),
        ("DXを進めるのに必要なものは人材？", "general", None),
        ("How much is a garbage bag for burnable waste?", "general", "fee"),
        ("How much will paper use be reduced?", "general", None),
        ("南区で熊が出たらどこに電話すればいい？", "ward", "phone"),
        ("大型ごみは電話でも申し込める？", "general", "condition"),  # lifted by a passage on 電話受付 (below)
        ("オープンデータのサイトのURLを教えて", "general", "phone"),  # URL right after Japanese text
        ("What is the deadline to apply for the child allowance?", "definition", "schedule"),
        ("What's the deadline for switching to standardized IT systems?", "general", None),  # the city's own
        ("What's the deadline?", "general", "schedule"),
        ("西区のコトニジャズ、チケットはどこで買えますか？", "ward", "business"),
        ("Where can I buy tickets for the jazz festival?", "general", "business"),
        ("こども家庭センターは土曜日もやってますか？", "general", "days"),
        ("区役所の窓口、昼休みも対応してくれる？", "general", "days"),  # 対応 as やって
        ("Is the ward office open on weekends?", "general", "days"),
        ("土日でもマイナンバーカードを受け取れる場所はある？", "general", None),  # a service on weekends, asked to exist
        ("区役所でパスポートの受け取りは日曜もできる？", "general", "days"),
        ("マイナンバーカードの更新っていつまでにしないといけない？", "figure", "validity"),  # the citizen's renewal deadline
        ("豊平川の花火大会って今年もある？", "ward", "schedule"),  # this year's event
        ("今年の目標は何件？", "figure", None),
        ("豊平区のデジタル講座、次はいつ？", "ward", "schedule"),
        ("次の市長選挙はいつ？", "general", "schedule"),
        ("What is the population of Teine ward?", "figure", None),  # the ward's population, a figure (missing)
        ("Does the city work with universities on problems like the shrinking population?", "general", None),  # the next one of something, named between
        ("次の計画はいつから始まるの？", "date", None),  # when it starts: the plan's own timing
        ("祝日でもごみの収集ってある？", "general", "days"),  # a holiday, the service named between
        ("休日でも窓口で相談できる場所を増やしてほしい。", "general", None),  # a wish, not a question
        ("予防接種は市の助成で何円になる？", "figure", "fee"),  # the price a citizen pays
        ("企業版ふるさと納税で寄付を何円増やすの？", "figure", None),  # a target in yen
        ("Where is the nearest ward office to Sapporo Station?", "general", "access"),
        ("次の計画では何をするの？", "general", None),
        ("国民健康保険証をなくしちゃった。再発行ってどうすればいい？", "general", "procedure"),
        ("雪まつりの雪像を作るボランティアに参加したい。どうやって申し込む？", "general", "procedure"),
        ("地下鉄の敬老パスの申し込み方法は？", "general", "procedure"),
        # a plea left open is a told situation, as 「どうしたらいいか分からない」 is (a mishap told so is asked)
        ("親の介護と借金と子どもの不登校が重なってどうしたらいいか", "general", None),
        ("マイナンバーカードなくした、どうしたらいいか", "general", "mishap"),
        ("白旗山 キャンプ場 予約", "general", "procedure"),  # a look-up ending on it, as staff type
        ("オンライン相談の予約はどうやってするの？", "general", "procedure"),
        ("大型ごみのネット受付って24時間できる？", "general", "days"),  # done then, the verb right after
        ("子ども議会っていつ開かれるの？", "general", "schedule"),
        ("タクシー券の電子申請、マイナンバーカードいる？", "general", "condition"),  # whether it is needed
        ("南区のさくらんぼのキャラクターって、何のためにいるの？", "ward", None),  # what it is there for
        ("市の公式YouTubeチャンネルってある？", "general", "names"),  # an account the plan names none of
        ("市営住宅 申込", "general", "procedure"),
        ("豊平区の体育館の予約ってどうやるの？", "ward", "procedure"),  # how to book, as to apply
        ("西区の体操、年寄りでもできる？", "ward", "eligibility"),  # whom it is for (あらゆる世代へ)
        ("I got a scam call. What should I do?", "general", "procedure"),
        ("南区の果物、区はどうやって外に売り込もうとしてるの？", "ward", None),  # what the ward does
        ("どこに相談すればいいのか分からない", "general", None),  # which counter: a department question
        ("マイナンバーカードを落としたらどこに連絡すればいい？", "general", "procedure"),
        ("西区の公園で花火してもいい？", "ward", "permission"),
        ("妊娠SOSの相談って匿名でもいい？", "general", "permission"),
        ("Am I allowed to have a barbecue in the park?", "general", "permission"),
        ("大型ごみの申込はネットでもいいの？", "general", None),  # a channel the plan describes
        ("きよたスイーツで一番おいしいお菓子はどれ？", "general", "business"),
        ("中央区役所の仮庁舎ってどこにあるの？", "general", "location"),
        ("市のホームページ、何がどこにあるのか全然わからない", "general", None),  # what is where: finding things
        ("それって学校でやるの？", "general", "location"),  # whether it is held at a kind of place
        ("公民館で開いてるの？", "general", "location"),
        ("学校でやってる取組ある？", "general", None),  # initiatives at schools looked for, no place asked
        ("西区の公園の改修工事はいつ終わる？", "ward", "schedule"),
        ("清田区でマンホールカードってもらえる？", "ward", "handout"),
        ("町内会の防災研修会に講師を派遣してもらえる？", "general", None),  # a service, not an item
        ("福祉の相談窓口って予約が必要？", "general", "reservation"),
        ("Do I need a reservation for the online consultation?", "general", "reservation"),
        ("What grades can join the children's assembly?", "general", "eligibility"),  # a school year bounded
        ("オンライン相談はどんな相談ができるの？", "general", None),
        ("清田区のホタル観賞会は雨でもやる？", "ward", "weather"),
        ("Is the festival held if it rains?", "general", "weather"),
        ("雪の多い日のごみ出しを手伝ってくれる取組はある？", "general", None),  # snow as a topic, not a cancellation
        ("市役所で使っているAI議事録のソフトは何？", "general", "names"),
        ("HANA-LANDで植える花の種類は何？", "general", "names"),
        ("どこの おみせ？", "general", "names"),  # which shops, asked alone (in kana too)
        ("どのSNSで発信してるの？", "general", "names"),  # the plan's SNS等 names none
        ("市役所のAIってChatGPT？", "general", "names"),  # a product named to confirm
        ("消防検査のオンラインってZoom使うの？", "general", "names"),  # asked whether it is the one used
        ("市役所ってTeamsを使ってる？", "general", "names"),
        ("RPA使ってるの？", "general", None),  # the plan's own word
        ("外国人向けに市の情報を何語で出してる？", "general", "names"),  # which languages: 多言語化 names none
        ("Which languages does the city publish information in?", "general", "names"),
        ("TikTokもある？", "general", "names"),  # named alone, asked whether it is used too
        ("議事録作成に使ってるAIの名前は？", "general", "names"),
        ("ネットワーク会議に参加してる病院の名前は？", "general", "names"),  # which hospitals: the plan names none
        ("どのチーム？", "general", "names"),  # which team: the plan names none (not the glossary's チーム)
        ("手稲山の映画祭で何の映画やるの？", "ward", "names"),  # which films: the plan names none
        ("ていね山映画祭ってどんな映画祭？", "general", None),  # what kind of festival: the passage says
        ("市の施設の指定管理者の一覧が見たい", "general", "names"),  # a list of who runs them: the plan names none
        ("出資団体ってどこがあるの？一覧見せて", "general", "names"),  # which ones: the plan defines them, names none
        ("AIも使ってる？", "general", None),  # a kind of thing, not a product
        ("ChatGPTみたいなのを市の職員も使ってるの？", "general", None),  # a product as an example: a kind
        ("申請書作成支援システムってAI？", "general", None),  # whether it is AI: no name
        ("妊娠SOSの電話って24時間？", "general", "hours"),  # open round the clock
        ("24時間で何件処理できるの？", "figure", None),
        ("生活保護の申請ってどこでするの？", "general", "procedure"),
        ("Which social media does the city use?", "general", "names"),
        ("どこのお店で買える？", "general", "business"),  # where to buy: not which shops take part
        ("きよたすいーつ って どこで かえるの", "general", "business"),  # 買える, in kana
        ("南区の花の苗って買える？", "ward", "business"),  # whether the thing itself is for sale
        ("Which companies run the city's facilities under PFI?", "general", "names"),
        ("ネーミングライツって何？ドームとかに会社の名前がついてるやつ？", "definition", None),
        ("うちの会社も地域のためになることをしたい。札幌市に認めてもらえる制度みたいなのある？", "general", None),
        ("手稲区の防災の会議って誰でも傍聴できる？", "ward", "eligibility"),
        ("ノルディックウォーキングの講習は市外の人でも参加できますか？", "general", "eligibility"),
        ("Who can join the walking event?", "general", "eligibility"),
        ("Can young people join too?", "general", "eligibility"),  # who may, named by age
        ("子どもでも？", "general", "eligibility"),  # asked in a word, the verb left out
        ("水道でも？", "general", None),  # a thing, not a person: the same question of another topic
        ("入会できる？", "general", "eligibility"),  # whether one may join as a member
        ("清田区の避難所はどこ？", "ward", "location"),  # where a kind of building is
        ("豊平区の防災マップって最新版いつ出た？", "ward", "edition"),
        ("市のデータを誰でも自由に使えるように公開してるやつ、なんて言うんだっけ", "definition", None),  # describes the data
        ("AIが自動で返事してくれるチャットのやつ、市の資料だとなんて説明してる？", "definition", None),  # the plan's wording
        ("チャットボットって計画ではどう定義されてる？", "definition", None),
        ("プラスチックの容器って何ごみ？", "definition", "sorting"),
        ("冷蔵庫って粗大ごみで出せる？", "general", "sorting"),
        ("札幌のごみの分別のルールを教えて", "general", "sorting"),
        ("粗大ごみってネットで申し込めるようになる？", "general", "online"),
        ("介護保険料の支払いが遅れたらどうなりますか？", "general", "mishap"),  # a citizen's own lapse
        ("マイナンバーカードをなくしたらどうすればいい？", "general", "mishap"),  # not answered by 申請 or 交付
        ("ごみ収集車が来る時間って何時頃？", "general", "hours"),  # the plan states no clock time at all
        ("地下鉄の終電って何時？", "general", "hours"),
        ("さんかくやまベエのへやの開いてる時間は？", "general", "hours"),  # the hours a place is open, as said
        ("図書館のやってる時間って何時？", "general", "hours"),
        ("What time does the garbage truck come?", "general", "hours"),
        ("会議の議事録づくりに職員がかけてる時間、何時間まで減らす予定？", "figure", None),  # hours reduced: a target
        ("何時でも相談できる窓口ってある？", "general", None),  # 何時でも is いつでも
        ("What happens if I lose my My Number card?", "general", "mishap"),
        ("税の申告の期限が過ぎたらどうなる？", "general", "mishap"),
        ("マイナンバーカードの暗証番号を忘れちゃった", "general", "mishap"),  # the lapse told, not asked
        ("When does the snow festival start this year?", "date", "schedule"),  # 今年はいつ
        ("Is there free wifi at the ward office?", "general", "fee"),  # 無料ですか
        ("ほいくえんの にゅうえんの もうしこみは いつまで？", "figure", "schedule"),  # read as 申し込みはいつまで
        ("そだいごみって ねっとで もうしこめる？", "general", "online"),
        ("Is the Nordic walking class free?", "general", "fee"),
        ("Can I consult the ward office by video call on weekends?", "general", "days"),  # whether, then
        ("What events are held on holidays?", "general", None),  # which ones: not whether it is open
        ("How many foreign residents live in Sapporo?", "figure", None),  # a population, not 人 of a share
        ("生活保護の申請って何日で結果出る？", "figure", None),  # how long until: a number of days
        ("Is the new ward office barrier-free?", "general", None),
        ("Are children free to join the children's assembly?", "general", None),
        ("When is the next Nordic walking class in Nishi ward?", "ward", "schedule"),  # 次はいつ
        ("When will the online tax procedures start?", "date", None),  # the plan's own timing
        ("By when will the system standardization be done?", "figure", None),  # the plan's own target year
        ("By when do I have to apply for the snow festival?", "figure", "schedule"),  # the asker's own deadline
        ("マイナンバーカードの有効期限って何年？", "general", "validity"),  # って何年: not a definition
        ("Can I renew my library card online?", "general", "validity"),
        ("How long is the My Number card valid?", "general", "validity"),
        ("市のホームページを新しく作り直す予定ある？", "general", None),
        ("Is there a target for renewable energy?", "figure", None),
        ("コトニジャズって何年から？", "date", None),
        ("雪が多い日はゴミの収集って休みになる？", "general", "weather"),  # called off on a snowy day
        ("雪の日の除雪ってどうなってる？", "general", None),
        ("How much waiting time does the city want to cut at the register counters?", "figure", None),  # no price
        ("How much paper does the city buy?", "figure", None),
        ("How much does the bulky waste pickup cost?", "general", "fee"),
        ("清田区のマルシェに出店するには何を準備すればいい？", "ward", "documents"),
        ("What is the city doing about people who struggle with digital devices?", "general", None),  # an action
        ("What does BPR stand for?", "definition", None),
        ("手稲山を使って何か盛り上げようとしてるの？", "ward", None),  # って何か: something
        ("ナッジって何かな？", "definition", None),
        ("オンラインで相談できる業務っていくつまで増やすの？", "figure", None),  # いくつ: how many
        ("まちづくりセンターっていくつかの区にあるの？", "general", None),  # いくつか: some
        ("市役所は職員をどう育てていくつもりなの？", "general", None),  # 育てていく + つもり: no count
        ("相談できるところっていくつもあるの？", "general", None),  # いくつも: many
        ("保険証をなくしました。", "general", "mishap"),
        ("ごみの分別を忘れた人にどう知らせてるの？", "general", None),  # 忘れた mid-sentence: a question about the city
        ("書かない窓口って始まった？", "general", None),  # a statement ending in た, no lapse
        ("マイナンバーカードの申請はどうすればいい？", "general", "procedure"),  # the procedure itself
        ("書かない窓口が始まったら何が変わるの？", "general", None),  # what the city will do, not a lapse
        ("区役所が建て替わったらどうなるの？", "general", None),  # what the city will do
        ("星置緑地のミズバショウは何月に咲く？", "general", "schedule"),
        ("妊娠SOSの相談は夜中でも電話つながる？", "general", "days"),
        ("企業家との懇談会に自分も参加できる？", "general", "eligibility"),
        ("タクシー券の助成の対象になる障害の等級は？", "general", "eligibility"),
        ("Can people from outside Sapporo join the Teine sports event?", "ward", "eligibility"),
        ("区役所の総合案内って英語も通じる？", "general", "language"),
        ("Does the city's Instagram account have an English version?", "general", "language"),
        ("Can I get a Chinese translation of the tax notice?", "general", "language"),
        ("Does the ward office have English-speaking staff?", "general", "language"),
        ("英語で「肘で小突く」ってどういう意味？", "definition", None),
        ("指定管理の施設で働きたい。求人はどこで見られる？", "general", "jobs"),
        ("札幌市の職員採用試験、今年の申し込みはいつまで？", "figure", "schedule"),
        ("行政事務センターで働く人の募集ある？", "general", "jobs"),  # staff wanted
        ("PMFの今年の出演者は？", "general", "person"),  # who appears, by the noun alone
        ("手稲区の防災会議って誰が出るの？", "ward", "participants"),  # who attends a meeting, not a performer
        ("PMFって誰が出るの？", "general", "person"),
        ("さくらんぼちゃんのグッズ買える？", "general", "business"),  # for sale, the noun right before
        ("市長に直接メール送れる？", "general", "phone"),  # an address to write to
        ("妊娠SOSのLINEのIDは？", "general", "phone"),  # an account to reach
        ("介護認定の結果に不満があるときはどうする？", "general", "procedure"),  # an appeal
        ("行政評価で一番評価が低かった事業は？", "general", "ranking"),  # the least of the city's own
        ("行政事務センターでどれだけ時間が浮くの？", "figure", None),  # time saved, not standing out
        ("子ども連れで行ったら浮かない？", "general", "opinion"),
        ("豊平区のウォーキングコースの距離は？", "figure", None),  # a distance: a number in km
        ("How far is the walking course in Toyohira?", "figure", None),
        ("区役所の窓口でカード払いできるようになる？", "general", "payment"),  # カード払い: by card
        ("区役所の窓口で使えるクレジットカードの種類は？", "general", "payment"),  # which cards
        ("Is Sapporo introducing cashless payment at ward offices?", "general", "payment"),
        ("ねーみんぐらいつ って なに？", "definition", None),  # a term asked in kana, spaced
        ("出演者は何人？", "figure", None),  # how many: a count, not a name
        ("市の職員の確保はどう進めるの？", "general", None),  # the plan's own hiring policy
        ("南区の冬のウォーキング、スノーシューは自分で用意しなきゃだめ？", "ward", "documents"),
        ("保健師さんに家に来てもらうにはどこに頼めばいい？", "general", "procedure"),
        ("防犯カメラを家の前に付けてほしい。区に頼める？", "general", "procedure"),  # a personal request
        ("市税の口座振替をネットで頼めるようにしてほしい", "general", "online"),  # a wish for the city's service
        ("ていねのキャラクターの着ぐるみを町内会のイベントに呼べる？", "general", "procedure"),
        ("戸籍の窓口って昼休みもやってる？", "general", "days"),
        ("清田区のスポーツ大会の申し込みはいつから？", "date", "schedule"),  # an application period, not a start date
        ("粗大ゴミ　ネット申込　いつから", "date", None),  # when applying online starts: the initiative's timeline
        ("ネットの受付はいつから？", "date", None),
        ("ネット申込はいつから？締め切りは？", "date", "schedule"),  # a deadline asked besides
        ("マイナンバーカードセンターはいつからあるの？", "date", None),
        ("マイナンバーカードセンターって混んでる時間帯はいつ？", "general", "hours"),
        ("マイナセンター 開庁時間", "general", "hours"),  # a staff look-up
        ("区役所の窓口の時間って何時まで？", "general", "hours"),
        ("窓口の待ち時間を減らす取組", "general", None),  # a waiting time, not opening hours
        ("市立病院の面会時間は？", "general", "hours"),  # a place's hours, as JMdict glosses the word
        ("図書館の閉館時間って何時？", "general", "hours"),
        ("議事録の作業時間は減る？", "general", None),  # time spent, not kept
        ("職員の勤務時間は減るの？", "general", None),  # the staff's working hours, which a plan may shorten
        ("保育料の計算方法を知りたい", "general", "fee"),  # a fee, as JMdict glosses the word
        ("国保の介護保険料が高すぎる", "general", "fee"),  # read from its 保険料
        ("職員の人件費は減るの？", "general", None),  # what the city spends, no fee
        ("清田区のホタルはいつ頃見られる？", "ward", "schedule"),  # the season to see it
        ("札幌ドームで今度どんなコンサートある？", "general", "schedule"),  # what is coming up
        ("南区の定山渓温泉の日帰り入浴できる施設を教えて", "ward", "business"),  # places listed
        ("子育ての相談ができるところを教えて", "general", None),  # a service: the plan's initiatives
        ("区役所で印鑑登録するのに何が必要？", "general", "documents"),
        ("結婚の手続きで何が必要かわかるページってある？", "general", "documents"),  # lifted by a passage on 必要な書類
        ("北区で粗大ごみを出すとき、冷蔵庫は引き取ってもらえる？", "general", "sorting"),
        ("さっぽろ雪まつりの会期は？", "general", "schedule"),
        ("子育て応援交流広場はお昼ご飯食べられる？", "general", "permission"),  # a rule of the place
        ("Can I eat lunch at the plaza?", "general", "permission"),
        ("食事のバランスの相談はできる？", "general", None),  # eating as a topic
        ("児童相談所の一時保護所って何人入れる？", "figure", "capacity"),  # the places, not those reached
        ("How many people can the community hall hold?", "figure", "capacity"),
        ("目標は何人？", "figure", None),
        ("How much will my resident tax be this year?", "general", "fee"),  # the asker's own amount
        ("Is the Kotoni Jazz festival free to attend?", "general", "fee"),
        ("Are residents free to use the city's open data?", "general", None),  # allowed, not a price
        ("ごみステーションにカラスよけのネットを配ってもらえる？", "general", "handout"),
        ("保育園の空き状況を知りたい", "general", "live"),
        ("大学生がまちづくりやるとお金もらえるの？南区", "ward", None),  # a grant: not 「遠金」 handed out
        ("カーリング体験に参加するのに靴は必要？", "general", "documents"),
        ("手稲区の子育てサロン、パパだけでも行ける？", "ward", "eligibility"),
        ("RPAでどれくらい残業が減った？", "figure", "results"),  # the plan gives a baseline and a target
        ("大型ごみのシールはコンビニでも買える？", "general", "condition"),
        ("区役所に行かないとできない？", "general", None),  # a verb's negation, not a thing one must have
        ("市の情報ってインスタでも見られる？", "general", "condition"),  # lifted: the plan's SNS (below)
        ("介護が必要な母のことで相談したい", "general", None),
        ("子どもの意見を聞く会は土曜日にある？", "general", "schedule"),
        ("Where can I attend a smartphone class for seniors?", "general", "location"),
        ("Is the pregnancy hotline available at night?", "general", "days"),
        ("Can foreigners use the My Number card center?", "general", "eligibility"),
        ("NPOを立ち上げたい。設立の手続きを教えて", "general", "procedure"),
        ("スマホが苦手な母に手続きを教えてほしい", "general", None),  # someone to be taught: a service
        ("申請書作成支援システムはどこの区役所に置いてある？", "general", "location"),
        ("西区の指定避難所ってどこの小学校？", "ward", "location"),  # which school: no passage names them
        ("どこの区役所？", "general", "location"),
        ("やまべえ体操ってどこで教えてもらえるの？", "general", "location"),  # where one is taught
        ("やまべえ体操ってどんな体操？教えて", "general", None),
        ("Which universities have partnership agreements with Sapporo?", "general", "names"),
        ("南区の芸術イベントで作品を展示したら賞金は出る？", "ward", "subsidy"),
        ("豊平区の防災マップの紙のやつ、郵送してもらえる？", "ward", "mail"),  # sent home: not where it is handed out
        ("Can they mail the hazard map to my home?", "general", "mail"),
        ("証明書を郵送でもらうサービスのほうは何か変わる？", "general", None),  # the postal service itself, asked about
        ("市税ってクレジットカードで払える？", "general", "payment"),
        ("Can I pay my city tax with a credit card?", "general", "payment"),
        ("大型ごみの申し込み、支払い方法は？", "general", "payment"),
        ("市税の手続きはネットでできる？", "general", "online"),  # a channel, not a payment
        ("西区の認知症の家族の集まりの参加費は？", "ward", "fee"),
        ("交通費は出る？", "general", "subsidy"),  # whether it is paid for, not a price
        ("参加費かかる？", "general", "fee"),  # no particle between the fee and かかる
        ("Does the city offer free English lessons for children?", "general", "fee"),
        ("無料の英語教室ってある？", "general", "fee"),
        ("それ無料で聴ける？", "general", "fee"),  # whether it costs, asked by what one can do for free
        ("タダで参加できるの？", "general", "fee"),
        ("無料で相談できるところある？", "general", None),  # a free service looked for, no price of a topic
        ("Does the city offer barrier-free toilets?", "general", None),
        ("年会費いるの？", "general", "fee"),
        ("南区で町内会のお祭りを開くのにお金の援助ってもらえる？", "ward", None),  # money, not an item
        ("市がお金を出してる外郭団体、ちゃんと見直しされてるの？", "general", None),
        ("子育ての支援ってある？", "general", None),  # a service, not money
        ("子ども議会に出た子は何かもらえるの？", "general", "handout"),
        ("豊平区の防災訓練に参加したら、非常食とかもらえる？", "ward", "handout"),  # 「…とかもらえる？」: an item
        ("参加するとお花もらえる？", "general", "handout"),  # the particle dropped: a thing's name before it
        ("連絡もらえる？", "general", None),  # a verbal noun: told, not handed
        ("どこでもらえる？", "general", "handout"),  # the item left to the topic
        ("にしくの こそだての じょうほう どこで もらえる？", "ward", None),  # information, named before どこで
        ("申し込みはどうするの？", "general", "procedure"),
        ("西区の子育て情報ってどこでもらえる？", "ward", None),  # information is told, wherever it is had
        ("区役所でお金とかもらえる？", "general", None),  # money: not an item
        ("区の人に何か手伝ってもらえる？", "general", None),  # someone doing something: no item
        ("冬のウォーキングイベント、雪がひどい日は中止になる？", "general", "weather"),
        ("オンライン相談はどのアプリを使うの？", "general", "names"),
        ("Where is the My Number card center located?", "general", "location"),
        ("Where is the My Number card center?", "general", "location"),  # where a place is
        ("Where do I go to get a My Number card?", "general", None),  # which office handles it
        ("How do I book my child's vaccination?", "general", "procedure"),
        ("There's a pothole in front of my house. Who do I call?", "general", "procedure"),
        ("Who is in charge of the big garbage online booking?", "department", None),
        ("Where do I go for the flower festival?", "general", "location"),
        # (won't is no award won)
        ("My child won't go to school and we have debts. Where can I get help?", "general", None),
        ("ＢＰＲって？", "definition", None),  # a term and nothing else asked
        ("申し込みはどこに？", "general", "procedure"),  # where to apply
        ("どこで配ってる？", "general", "location"),  # where a thing is handed out
        ("うちの子、市に意見を言える場があるなら出てみたいって。小学生でも大丈夫？", "general", "eligibility"),
        # a told situation, not the question: 「どうしたらいいか分からない」
        ("父が認知症で、どうしたらいいか分からない。相談できるところある？", "general", None),
        ("認知症の父のこと、どうしたらいい？", "general", "procedure"),
        ("目標って？", "figure", None),  # an asked fact's word: the fact, not a term
        ("Where is the plan's target?", "figure", None),  # no place
        ("how much are tickets", "general", "fee"),  # what the citizen pays to get in
        ("生活保護の申請って何を持っていけばいい？", "general", "documents"),  # 何を: not "what is"
        ("南区の子育てキャラクターのぬいぐるみって売ってる？", "ward", "business"),
        ("市って施設のネーミングライツを売ってるの？", "general", None),  # the city selling: its own business
        ("それって区民じゃなくても参加できる？", "general", "eligibility"),  # who else may take part
        ("子ども以外の人も参加できる？", "general", "eligibility"),
        ("大学生じゃなくても対象？", "general", "eligibility"),  # whom it is for, asked with 対象
        ("社会人でも対象になる？", "general", "eligibility"),
        ("大学生向けの支援ある？", "general", None),  # a thing for students asked, not whom the topic is for
        ("マイナンバーカードじゃなくても申請できる？", "general", "condition"),  # a means, not a person
        ("What share of procedures will be online by 2027?", "figure", None),  # a share asked: a figure
        ("How many work processes will the city redesign by 2027?", "figure", None),
        ("どんなお店が参加してるの？", "general", "names"),  # which shops take part: the plan names none
        ("How much does the Minami ward student grant pay?", "figure", None),  # an amount paid, no price
        ("How much is the disability transport subsidy per month?", "figure", None),
        ("How much do I pay for bulky garbage?", "general", "fee"),  # what the citizen pays
        ("How much will residents pay for the new system?", "figure", "fee"),
        ("どんな企業が参加できるの？", "general", None),  # who may take part: the plan's description says
        ("場所はどこ？", "general", "location"),
        ("きよたくで しぜんと ふれあえる ばしょって どこ？", "ward", None),  # places to do something: named places answer
        ("豊平区の防災マップ、英語版はある？", "ward", "language"),
        ("Does the city share data with universities?", "general", None),
        ("区役所は古い備品を販売してるの？", "general", None),
        ("西区の誰もが楽しめる公園って、どこの公園のこと？", "ward", "location"),
        ("豊平区の防災研修の講師、自分たちで選べる？", "ward", "choice"),
        ("Can I choose the day of the health class?", "general", "choice"),
        ("西区でジャズのライブに出演したい。応募方法は？", "ward", "procedure"),  # how to enter, as how to apply
        ("豊平区でカーリング大会の優勝チームはどこ？", "ward", "award"),  # who won: no passage names winners
        ("Who won the curling tournament in Toyohira?", "ward", "award"),
        ("豊平区でカーリング大会ってある？", "ward", None),
        ("Explain the SIB contract model the plan mentions", "definition", None),  # explain X: what X is
        ("清田区の避難所にペットは連れていける？", "ward", "permission"),  # whether one may bring it along
        ("How do I renew my driver's licence in Sapporo?", "general", "validity"),  # driver's: a possessive
        ("Can I get a tax refund for moving to Sapporo?", "general", "subsidy"),  # money paid back: a payment
        ("引っ越したら税金の還付ってある？", "general", "subsidy"),
        ("赤ちゃんを連れていける場所ある？", "general", None),  # places to go with a baby: passages name them
        ("Explain how the online consultation works", "general", None),
        ("参加方法を教えて", "general", "procedure"),
        # a thing picked up (as どこでもらえる): handed out — the card centre's passage states 交付, so it answers
        ("Where can I pick up my My Number card on a Saturday?", "general", "handout"),
        ("Where can I pick up a disaster map in Toyohira ward?", "ward", "handout"),
        ("Where can I pick it up?", "general", "handout"),
        ("Where do I get the care needs certification application form?", "general", "handout"),
        ("Where can I get help with childcare?", "general", None),  # help, no form or leaflet
        ("Which day of the week is the Kiyota kids' salon?", "ward", "schedule"),
        ("Where is the meeting point for Nordic walking in Nishi ward?", "ward", "location"),
        ("手稲区の防災訓練の集合場所は？", "ward", "location"),  # where people meet, as "meeting point"
        ("南区の花壇づくりボランティアの集合時間は？", "ward", "hours"),
        ("児童手当の申請期限はいつまで？", "figure", "schedule"),  # the last day to apply (いつまで: by when)
        ("市税の納付期限っていつ？", "general", "schedule"),
        ("土日もいる？", "general", "days"),  # whether someone is there on those days
        ("企業家との意見交換会に参加する方法は？", "general", "procedure"),  # how to, as a verb
        ("町内会に加入するには？", "general", "procedure"),
        ("区役所に手話できる人いる？", "general", "language"),  # sign language, as another language
        ("どこの町？", "general", "names"),  # which towns, asked alone
        ("どこの町に住んでるの？", "general", None),
        ("夜もいろいろやってる？", "general", None),
        ("マイナンバーカードの有効期限は？", "general", "validity"),  # a card's, not an application's
        ("How much is the seniors' subway pass?", "general", "fee"),
        ("How much is the target for online applications?", "figure", None),  # a target, no price
        ("白旗山のスポーツ行事、参加賞ってある？", "general", "handout"),
        ("Can I get a paper copy of the action plan at the ward office?", "general", "handout"),
        ("消防検査をオンラインでやるのに、特別なアプリはいる？", "general", "documents"),
        ("保健師さんに相談するのってお金かかる？", "general", "fee"),
        ("市の事業ってお金かかりすぎじゃない？", "general", None),  # an opinion, not a price
        ("納税お知らせセンターから電話が来たけど、本物か確かめる方法は？", "general", "procedure"),
        ("大学連携って、どの大学と協定を結んでるの？", "general", "names"),
        ("どの大学生でも参加できる？", "general", "eligibility"),  # 大学生, not which university
        ("内部統制で不正が見つかったら、どこで公表されるの？", "general", "phone"),  # where it is published
        ("企業のまちづくり活動に参加したら、市から表彰される？", "general", "award"),
        ("データの研修の講師は誰がやるの？", "general", "person"),
        ("豊平区のデジタル講座、スマホを持ってない人でも参加できる？", "ward", "eligibility"),
        ("消防検査のオンライン化、どのシステムを使うの？", "general", "names"),
        ("介護認定事務センターに電話したいんだけど番号は？", "general", "phone"),
        ("マイナンバーカードの番号は何桁？", "figure", None),  # a number, not a phone number
        ("南区サポーターになったら謝礼もらえる？", "ward", "subsidy"),  # money paid to who takes part
        ("ボランティアって交通費出るの？", "general", "subsidy"),
        ("障がい者の交通費助成ってネットで申請できる？", "general", "online"),  # the allowance itself
        ("Can I pay my water bill at a convenience store?", "general", "payment"),
        ("生成AIで作った文書が間違ってたら誰が責任取るの？", "general", "liability"),
        ("個人情報が漏れたら補償はある？", "general", "liability"),
        ("RPAの導入、責任を持って進める部署はどこ？", "department", None),  # the department in charge
        ("Who is responsible for the online tax procedures?", "department", None),
        ("RPAの導入にいくら予算かかったの？", "general", "budget"),
        ("成果連動型の委託で払ったお金の総額は？", "general", "budget"),  # the sum paid
        ("手稲区の防災会議の議事録は公開されてる？", "ward", "publication"),  # whether it is made public
        ("市民の声の分析結果って公表されてるの？", "general", "publication"),
        ("Are the meeting minutes published?", "general", "publication"),
        ("とよひらまちづくりパートナーに登録したら何かメリットある？", "general", "benefit"),
        ("What does it cost to put an ad on a city bus?", "definition", "fee"),
        ("ノルディックウォーキングの講習って何を着ていけばいい？", "general", "documents"),  # what to wear
        ("What should I wear to the Nordic walking class?", "general", "documents"),
        ("やまべえ体操の会場にWi-Fiある？", "general", "amenities"),  # what the venue offers
        ("子育てサロンに授乳室ってある？", "general", "amenities"),
        ("コトニジャズって車いすでも入れる？", "general", "amenities"),
        ("Is there a nursing room at the child-rearing salon?", "general", "amenities"),
        ("マイナンバーカードセンターってPayPay使える？", "general", "payment"),  # a payment service named
        ("琴似発寒川の清掃に参加してケガしたら保険きく？", "general", "liability"),  # an injury, insured
        ("子ども議会の議員は抽選で決まるの？先着順？", "general", "selection"),  # by lot or first come
        ("Are children's council members chosen by lottery?", "general", "selection"),
        ("Will I get reimbursed for travel to the crime prevention class?", "general", "subsidy"),
        ("How long does an online consultation last?", "figure", None),  # minutes (`index.units`)
        ("健康フェアに行くとき、子どもを預けられる託児ってある？", "general", "amenities"),  # a crèche
        ("Is there childcare available during the health fair?", "general", "amenities"),
        ("コトニジャズの会場まで送迎バス出てる？", "general", "access"),  # a shuttle
        ("Will there be road closures for the Teine summer lights festival?", "ward", "access"),
        ("とよひらスポーツ体験会、雪が降ったらどうなるの？", "general", "weather"),
        ("手稲山映画祭、去年の様子の写真ってどこかで見られる？", "ward", "publication"),  # photos to see
        ("Can I reschedule my online consultation appointment?", "general", "mishap"),  # a booking moved
        ("Do I need to bring my own pole for Nordic walking?", "general", "documents"),
        ("大型ごみに貼るシールって何色？", "definition", "appearance"),  # what an item looks like
        ("What color are the bulky garbage stickers?", "general", "appearance"),
        ("大型ごみの重さに上限ってある？", "general", "limit"),  # at most
        ("How many items can I put out for bulky garbage at once?", "figure", "limit"),
        ("区役所で戸籍の窓口ってどこに並べばいいの？", "general", "location"),  # which line
        ("若年女性の相談窓口、点字の案内ある？", "general", "language"),  # braille, subtitles
        ("Are the children's council sessions streamed with subtitles?", "general", "language"),
        ("スポーツ体験会の参加者って男女どっちが多い？", "general", "participants"),  # by sex
        ("区役所の総合案内で申請書をメールで送ってもらえる？", "general", "mail"),  # by email
        ("まちづくりセンターのボランティア募集っていつ？", "general", "jobs"),  # volunteers wanted
        ("Can someone else pick up my My Number card for me?", "general", "eligibility"),  # on one's behalf
        ("What do participants think of the Toyohira sports events?", "ward", "opinion"),
        ("国民年金の免除の申請ってどこの窓口に行けばいいの？", "general", "counter"),  # which counter
        ("さっぽろ雪まつりのボランティアはどこで申し込む？", "general", "procedure"),  # where to apply
        ("インフルエンザになったら学校って何日休まなきゃいけないの？", "figure", None),  # a number of days
        ("何日に開催？", "general", "schedule"),  # a date, not a number of days
        ("Which counter do I go to for the My Number card on weekends?", "general", "counter"),
        ("家族が亡くなって区役所に行くんだけど、どの窓口に行けばいいか迷いそう", "general", None),  # a told worry
        ("児童手当の申請っていつまで？", "figure", "schedule"),  # the last day to apply
        ("障がい者の交通費助成の申請っていつまでにオンラインでできるようになる？", "figure", "online"),  # a target year
        ("Are dogs allowed in Moerenuma Park?", "general", "permission"),
        ("何の花の種？", "general", "names"),  # which flower's seeds handed out
        ("ネーミングライツってどの施設についてるの？", "general", "names"),  # which facilities
        ("講師の謝礼ってこっちが払うの？", "general", "fee"),  # who pays
        ("How much is each voucher worth?", "general", "fee"),  # what a voucher is worth
        ("生活保護の担当の人、忙しすぎて電話つながらないんだけど、何か改善する予定ある？", "department", None),  # a plan asked
        ("防災訓練って途中参加あり？", "general", "permission"),  # joining late
        ("匿名で相談できる？", "general", "privacy"),  # without giving one's name
        ("Is it anonymous?", "general", "privacy"),
        ("妊娠の相談、匿名の電話でもできるところある？", "general", None),  # a place to talk looked for
        ("Is there somewhere I can talk anonymously about an unplanned pregnancy?", "general", None),
        ("ネーミングライツの契約期間って何年？", "general", "validity"),  # how long a contract runs
        ("マイナンバーカード 再発行 期間", "general", "mishap"),  # a card issued again
        ("Is it only for mothers?", "general", "eligibility"),  # whether only some may come
        ("Does the city give cash to families with newborns?", "general", "subsidy"),  # money given out
        ("ママだけ？", "general", "eligibility"),
        ("お母さんしか行けないの？", "general", "eligibility"),
        ("清田区 ごみ 収集カレンダー", "ward", "schedule"),  # the collection days
        ("Can I join the disaster training halfway through?", "general", "permission"),
        ("スポーツ体験会って着替える場所ある？", "general", "amenities"),  # a place to change
        ("Is there an age limit for the walking event?", "general", "eligibility"),
        ("Do I need to register in advance for the disaster drill?", "general", "reservation"),
        ("観察会は何月？", "general", "schedule"),  # a month, asked bare
        ("どこの公園から直すの？", "general", "location"),  # which one first
        ("市のホームページに載ってる情報を英語で読める？", "general", "language"),  # read in English
        ("行政評価の結果って市民はどこで見られるの？", "general", "phone"),  # where results are published
        ("富丘西公園のスズランはどこで見られるの？", "general", None),  # where a flower grows: no record
        ("Do we have to pay for the lecturer?", "general", "fee"),
        ("Can ordinary citizens attend?", "general", "eligibility"),
        ("How do I sign up for the city's disaster alert emails?", "general", "procedure"),
        ("子どもの医療費の助成って所得制限ってある？", "general", "eligibility"),  # an income bound
        ("子どもの医療費の助成って中学生まで？", "general", "eligibility"),  # a school year bound
        ("Do I need an appointment to get a copy of my residence certificate?", "general", "reservation"),
        ("企業からの寄付、いくら増やしたいの？", "figure", None),  # an amount aimed at, no price
        ("介護認定の申請書はどこでもらえる？", "general", "handout"),
        ("オンライン相談の予約って何日前までにすればいい？", "general", "schedule"),
        ("ペーパーレスで浮いたお金は何に使う？", "general", "spending"),
        ("集めたお金は何に使うの？", "general", "spending"),
        ("寄付金の使い道は？", "general", "spending"),
        ("市の予算の使い道をチェックする仕組みってある？", "general", None),  # how spending is checked
        ("寄付したお金は何に使われるの？", "general", "spending"),  # donations' use is not stated
        ("寄付はどれくらい増やしたいの？", "figure", None),
        ("What will the savings from going paperless be used for?", "general", "spending"),
        ("お金の使い方を学べる講座ある？", "general", None),  # money, not what it is spent on
        ("浮いた時間で職員は何をしてるの？", "general", None),  # time saved, not money
        ("What's the budget for the water utility training program?", "general", "budget"),
        ("経費を削減する取組は？", "general", None),  # a topic, not a sum
        ("データ研修の受講費用は？", "general", "fee"),  # what a participant pays
        ("How much does it cost?", "general", "fee"),
        ("こども家庭センターの相談員は保育士の資格を持ってるの？", "general", "credentials"),
        ("資格を持った人を採用するの？", "general", None),
        ("市の職員って外から専門家を雇ってるの？", "general", None),  # hiring experts, not their credentials
        ("釣りの許可ってどこでもらうの？", "general", "licence"),  # the plan grants no permit
        ("屋台を出すのに許可いる？", "general", "licence"),
        ("I want to open a cafe. Which permits do I need from the city?", "general", "licence"),
        ("How do I get a fishing license?", "general", "licence"),
        ("ペットの持ち込みは許可されてる？", "general", None),  # what is allowed, not a permit to obtain
        ("Are dogs permitted in the park?", "general", "permission"),  # allowed, not a permit
        ("I lost my wallet on the subway. Where do I ask?", "general", "mishap"),
        ("I lost my job. Is there any support?", "general", None),  # a life situation, not a lost item
        ("豊平区の防災の研修会って誰が講師？", "ward", "person"),  # who teaches: the plan names no one
        ("研修会では誰が教えてくれるの？", "general", "person"),
        ("誰が講師を選ぶの？", "general", "person"),
        ("若年女性支援ってどこの団体がやってるの？", "general", "names"),  # the contractor: the plan names none
        ("委託先はどこ？", "general", "names"),
        ("どこの団体が参加できるの？", "general", None),  # who may join: a passage may say
        ("区役所の手続き、英語でも案内ある？", "general", "language"),
        ("マイナンバーカードセンターってどの駅が近い？", "general", "access"),  # how to get there
        ("駅から近い？", "general", "access"),
        ("西区の目標を決めた人は誰？", "figure", "person"),  # the plan names no author
        ("Who wrote the Sapporo DX policy?", "general", "person"),
        ("生成AIってこの計画でどう説明されてる？", "definition", None),
        ("西区の避難所ってどこ？うちの近く", "ward", "nearby"),  # the one near home: the plan lists none
        ("うちの近くの子育てサロンってどこにある？", "general", "nearby"),
        ("北区に住んでます。家の近くに高齢者向けのサロンってある？", "general", "nearby"),
        ("Where is the nearest evacuation shelter to my house?", "general", "nearby"),
        ("家の近くでクマを見たらどこに連絡すればいい？", "general", "procedure"),  # whom to call, not a place
        ("Can I pick up my My Number card on a weekday evening?", "general", None),
        ("西区の避難所で訓練ってある？", "ward", None),
        ("Can I dig up lily of the valley in Teine to plant in my garden?", "ward", "permission"),
        ("南区の農産物、どこの直売所で買える？", "ward", "business"),
        # a recommendation: the plan recommends nothing (was answered with 清田区's nature initiative)
        ("清田区でおすすめの紅葉スポットはどこ？", "ward", "ranking"),
        ("What do you recommend in Minami ward?", "ward", "ranking"),
        ("清田区の紅葉スポットはどこ？", "ward", None),  # an ordinary question
        ("消防検査のオンライン化はいつ始まるの？", "date", None),  # the target year answers it
        ("When will online fire inspections start?", "date", None),
        ("When will Sapporo let people apply for bulky trash pickup online?", "date", None),
        ("When will the new site be ready?", "date", None),  # 「いつできるの？」: the plan's timeline
        ("When will the new website be launched?", "date", None),
        ("When will the new website be finished?", "general", "schedule"),  # 「いつ終わる？」: an end not stated
        ("When does the snow plough come to my street?", "general", "own_case"),  # the asker's own street
        ("西区の公園の遊具、うちの近所の公園はいつ新しくなる？", "date", "own_case"),  # when it changes: as when it starts
        # a plan year alone, a follow-up asking the figure for it; a year with a thing asked is no figure
        ("2027年には？", "figure", None),
        ("令和9年度は？", "figure", None),
        ("R9だと？", "figure", None),
        ("じゃあ2022年は？", "figure", None),
        ("and in 2027?", "figure", None),
        ("2027年に何がある？", "general", None),
        ("Rは？", "general", None),
        ("保育所の登降園システム、うちの保育園はいつから使える？", "date", "own_case"),
        # when, alone: a follow-up asking when the topic happens (its target year); a thing named is no date
        ("いつ？", "date", None),
        ("それはいつ？", "date", None),
        ("いつですか？", "date", None),
        ("When?", "date", None),
        ("いつもの窓口は？", "general", None),
        ("家の近くの川のゴミ拾い、町内でやるなら西区は手伝ってくれる？", "ward", None),  # own place, no when
        ("うちの町内会、回覧板がまだ紙なんだよね。豊平区でスマホの使い方を教えてくれたりしないかな", "ward", None),
        ("When will the city start using tablets in schools?", "date", None),  # no school of the asker's own
        ("西区のまちづくりセンターの場所を全部教えて", "ward", "location"),
        ("市のホームページのチャットボットって24時間使える？", "general", "days"),
        ("Is the My Number card center open on national holidays?", "general", "days"),
        ("Who designed the Ring Namiki trees in Toyohira?", "ward", "person"),
        ("この公園の花壇は誰がデザインしたの？", "general", "person"),
        ("消防検査をオンラインで受けるのに必要なパソコンの性能は？", "general", "equipment"),
        ("Which browsers are supported for online applications?", "general", "equipment"),
        ("スマホでオンライン申請できるようになる？", "general", "online"),  # (lifted by any passage on going online)
        ("生活保護の申請ってスマホからできるようになる？", "general", "online"),
        ("市役所で障害者手帳の更新ってネットでできる？", "general", "online"),
        ("電子申請できる？", "general", "online"),
        ("Can I do any of it online instead?", "general", "online"),  # in English too
        ("Can the fire inspection be requested online?", "general", "online"),
        ("Will I be able to apply for the taxi vouchers online?", "general", "online"),
        ("What can I do online at the ward office?", "general", None),  # what is done online: the plan says
        ("Is the city putting more procedures online?", "general", None),
        ("母がスマホで手続きできなくて困ってる", "general", None),  # told, not asked
        ("大型ごみのネット申込、キャンセルもネットでできる？", "general", "condition"),  # the condition is asked
        ("行政評価の結果、紙の冊子でもらえる？", "general", "handout"),
        ("介護認定の結果に不満がある時はどこに言えばいい？", "general", "procedure"),
        ("札幌市の職員の平均年収は？", "general", "pay"),
        ("市の施設で働いてる人の給料、物価に合わせて上がる仕組みってあるの？", "general", "pay"),
        ("PFSで委託した会社が成果を出せなかったら違約金取るの？", "general", "liability"),
        ("AI議事録って会議の録音は何年保存するの？", "figure", None),  # a period in years: 年間
        ("町内会に入らないとごみを出せないって本当？", "general", "sorting"),
        ("行政事務センターで働くのって派遣の人？", "general", "pay"),
        ("南区の芸術祭に出る作家はどうやって選ばれるの？", "ward", "selection"),
        ("How are the artists selected?", "general", "selection"),
        ("審査員は何人？", "figure", None),
        ("介護認定事務センターってどこに作るの？", "general", "location"),
        ("おくやみ窓口の人って親切？", "general", "opinion"),
        ("手稲区の子育てサロンって、父親だけで行っても浮かない？", "ward", "opinion"),
        ("保健師さんの数って足りてるの？", "general", "opinion"),
        ("目が悪くても読みやすい、やさしいお知らせにしてほしい", "general", None),
        ("子ども議会に出たら内申点上がる？", "general", "benefit"),
        ("まちづくりパートナーに登録すると会社の宣伝になる？", "general", "benefit"),
        ("ふるさと納税の返礼品は何がある？", "general", "benefit"),  # what giving earns, not what is given out
        ("企業がまちづくりに参加するメリットは？", "general", None),
        ("Meet for the Nextに出てる社長って誰？", "general", "person"),
        ("市の職員ってAIのせいで減らされるの？", "general", "pay"),
        ("職員の負担は減る？", "general", None),
        ("区役所の待ち時間、今日は何分くらい？", "figure", "live"),
        ("How long do I have to wait at the ward office counter now?", "general", "live"),
        ("マイナンバーカードなくした、どうすれば", "general", "mishap"),  # told, then how
        ("まいなんばーかーど なくした どうすれば", "general", "mishap"),
        ("にしくの こうえん いつ なおる？", "date", None),  # spaced kana: when it is mended
        ("市のホームページ、いつリニューアル完了するの？", "date", "schedule"),  # an end, the thing named between
        ("新しい区役所はいつ建つの？", "general", "schedule"),  # a building's completion
        ("新しい中央区役所はいつできるの？", "date", "schedule"),
        ("When will the new Chuo ward office open?", "date", "schedule"),
        ("市公式HPの再構築っていつやる？", "date", None),  # when the city carries out a project, not an event
        ("きよたマルシェって次はいつやるの？", "general", "schedule"),
        ("How much money will the paperless project save?", "figure", "budget"),  # money saved: no yen stated
        ("How much is the consortium investing in GX?", "general", "budget"),  # the sum put in
        ("GXにいくら投資するの？", "general", "budget"),
        # a past round's outcome
        ("What was the result of last year's administrative evaluation?", "general", "results"),
        ("去年の行政評価の結果は？", "general", "results"),
        ("Is the city going to streamline the salary paperwork inside city hall?", "general", None),  # no pay
        ("ビジネスチャットは何のアプリ？", "general", "names"),  # which product
        ("Is it ChatGPT?", "general", "names"),  # a product named to confirm
        ("Is it AI?", "general", None),
        ("どこの公園から？", "general", "location"),  # which one first
        ("生成AI ガイドライン 公開日", "general", "schedule"),  # the day it is published
        ("Will the ward office be open on New Year's Day?", "general", "days"),  # the year's start
        ("どこの病院？", "general", "names"),  # which hospitals: the plan names none
        ("ケースワーカー増やすの？", "general", "pay"),  # more staff: numbers the plan never states
        ("Will the city hire more caseworkers?", "general", "pay"),
        ("保健師を増やしてほしい", "general", None),  # a wish: the passage on them is shown
        ("ホームページの再構築はいつ完了？", "general", "schedule"),
        ("PFIで建てた施設ってどこ？", "general", "location"),  # where a kind of building is
        ("Team Sapporo-Hokkaidoに参加してる企業はどこ？", "general", "participants"),  # which firms
        ("どこの会社が協力してるの？", "general", "names"),
        ("企業が参加するメリットは？", "general", None),
        ("南区のコスモスの種、今年はもう配り終わった？", "ward", "live"),  # what is left of a handout
        ("西区の公園でバーベキューしていい？", "ward", "permission"),  # may one do it, at the question's end
        ("川で泳いでいいの？", "general", "permission"),
        ("どこに相談したらいい？", "general", None),
        ("市のインスタとかLINEで情報ってもらえる？", "general", None),  # told, not handed an item
        ("結果の連絡はもらえる？", "general", None),
        ("Are the cosmos seeds sold out?", "general", "live"),
        ("まだ残っている課題は？", "general", None),  # the plan's issues, not a stock
        ("区役所の待ち時間は何分短縮する目標？", "figure", None),
        ("Which ward has the most parks?", "general", "ranking"),
        ("どの区が一番公園が多い？", "general", "ranking"),
        ("こども家庭センターに相談したら、学校に連絡いく？", "general", "privacy"),
        ("こども家庭センターの相談員って男の人もいる？", "general", "credentials"),
        ("困難を抱える若年女性の支援、女性が相談できる窓口ある？", "general", None),
        ("札幌市の職員って何人いるの？", "figure", "pay"),
        ("西区の公園で一番遊具が新しいのはどこ？", "ward", "ranking"),
        ("どの区が一番広い？", "general", None),  # the overviews state each ward's area
        ("ふるさと納税の返礼品で一番人気なのはなに？", "general", "ranking"),
        ("Which event is the most popular in Kiyota ward?", "ward", "ranking"),
        ("行政運営で最も大切にしているのは何？", "general", None),
        ("今後、区役所の待ち時間はどれくらい短くなる？", "figure", None),  # the plan's target, not today's wait
        ("企業家との意見交換会っていつやるの？", "general", "schedule"),  # 企業家の: not the asker's home
        ("職員がどれくらい研修を受けるの？", "figure", None),
        ("オンライン相談って録画されるの？", "general", "privacy"),
        ("豊平区の防災マップって何年版が最新？", "ward", "edition"),  # which edition: no start date
        ("市役所の広告ってバスとかにも出せる？", "general", "condition"),  # 出せる: whether it can be put there
        ("西区の宮の沢の再開発でマンション建つの？", "ward", "construction"),
        ("琴似に新しいスーパーができるって本当？", "general", "construction"),
        ("マンションの管理組合の相談窓口ある？", "general", None),  # housing named, nothing built
        ("チラシを区役所にも置ける？", "general", "condition"),
        ("ごみ分けの冊子の最新版はいつ出た？", "general", "edition"),
        ("What is the latest edition of the hazard map?", "definition", "edition"),
        ("防災マップっていつ配ってるの？", "general", "schedule"),  # when it is handed out, not its edition
        ("最新の情報はどこで見られる？", "general", None),  # the latest news, no edition
        ("会議の録音からAIで議事録を作るの？", "general", None),
        ("行政事務センターの中って見学できる？", "general", "visit"),
        ("PMFのチケットっていつ発売？", "general", "schedule"),
        ("生活保護のケースワーカーさんを変えてもらうことってできる？", "general", "choice"),
        ("講座の内容を変えてほしい", "general", None),
        ("清田区の子育てサロン、パパ一人で参加しても大丈夫な雰囲気？", "ward", "opinion"),
        ("地域の雰囲気を明るくする取組ってある？", "general", None),
        ("市のホームページのチャットボットがつながらないんだけど、壊れてる？", "general", "live"),
        ("Is the city website down?", "general", "live"),
        ("ネットにつながらない高齢者を手伝ってくれる？", "general", None),  # a need, not an outage
        ("きよフェスって今年はいつ？", "general", "schedule"),
        ("スタンプラリーはいつ？", "general", "schedule"),  # an event's name asked with いつ: its day
        ("清田区の防災訓練いつ？", "ward", "schedule"),  # (no particle between)
        ("豊平区の健康フェアって今年いつ？", "ward", "schedule"),  # (今年 without は)
        ("今年の夏あかりはいつ？", "general", "schedule"),  # this year's one
        ("申し込みは？", "general", "procedure"),  # how to apply, asked alone of what was answered
        ("琴似発寒川のゴミ拾いっていつ？", "general", "schedule"),
        ("西区役所の建て替えっていつ？", "ward", None),  # a building's works: when they start (`date`)
        ("区役所で外国語の通訳してくれる？", "general", "language"),  # an interpreter
        ("申し込みは区役所？", "general", "procedure"),  # where to apply, asked to confirm
        ("市の窓口でキャッシュレス決済できるようになる？", "general", "payment"),  # the means as the payment
        ("南区サポーター制度って誰でもなれる？", "ward", "eligibility"),
        ("団体への支援ってお金？", "general", "subsidy"),  # whether the support is money
        ("Is there an interpreter at the ward office?", "general", "language"),
        ("通訳案内士の試験", "general", None),
        ("若い人でもやっていいの？", "general", "eligibility"),  # may one do it, asked of who: who may take part
        ("子どもも一緒に行ける？", "general", "eligibility"),
        ("子どもと行ける？", "general", "eligibility"),  # with whom: who may take part (no condition 「子ど」)
        ("友達と行ける？", "general", None),
        ("方針はいつ作ったの？", "date", None),  # when it was made: a past date
        ("休みの日も開いてる？", "general", "days"),
        ("3月の引っ越しシーズン、土日に区役所開いてる？", "general", "days"),  # the day, then what is open on it
        ("休日開庁の目標は？", "figure", None),  # the service named, its target asked
        ("関係人口って何？", "definition", None),  # a term, not a population
        ("デジタルデバイド対策って何してる？", "general", None),  # what is done, not what the term means
        ("AI議事録って何ができるの？", "general", None),
        ("コトニジャズっていつ？", "general", "schedule"),  # a concert's day
        ("やすみのひも あいてる？", "general", "days"),  # in kana (Mozc reads あいてる as 相手る)
        ("ひもを買いたい", "general", None),
        ("公園でバーベキューしていい？", "general", "permission"),
        ("介護者の交流会っていつやるの？", "general", "schedule"),
        ("花の苗っていつ配るの？", "general", "schedule"),  # the day of a hand-out
        ("真駒内駅前の花壇の花はいつ植え替える？", "general", "schedule"),  # the round of upkeep
        ("公園の草刈りっていつ？", "general", "schedule"),
        ("札幌ドームのコンサートの予定は？", "general", "schedule"),  # an event's dates
        ("オンライン化の予定は？", "general", None),  # the plan's own plans
        ("区の発展の予定は？", "general", None),
        ("消防検査のオンライン化はいつ頃からできるの？", "date", None),  # when it starts: its target year
        ("いつ頃？", "date", None),
        ("いつ頃工事するの？", "date", None),  # when a thing is rebuilt: the plan's dates
        ("遊具はいつ直るの？", "date", None),
        ("窓口は混んでる？", "general", "live"),  # how crowded, asked of no time: no live status
        ("混雑しない窓口にしてほしい", "general", None),
        ("手稲山のロープウェイって冬も動いてる？", "ward", "days"),  # a season it runs in
        ("白旗山のスキー場って冬に開いてる？", "general", "days"),
        ("Is the ropeway running in winter?", "general", "days"),
        ("冬も楽しめるイベントある？", "general", None),
        ("市営住宅に申し込みたい", "general", "procedure"),  # a wish told as the whole question: how
        ("札幌で自転車の登録ってどうやるの？", "general", "procedure"),
        ("町内会に加入したい", "general", None),  # (the plan promotes joining: 加入促進)
        ("ノルディックウォーキング 参加費", "general", "fee"),  # a staff look-up of the fee, no particle
        ("雪まつりはいつ頃？", "general", "schedule"),  # an event's dates
        ("金額は？", "figure", None),  # the amount a target states (寄付の増加額), or that none is stated
        ("参加費の金額は？", "figure", "fee"),
        ("子ども連れでも参加できる？", "general", "eligibility"),  # who may come along
        ("子連れでも大丈夫？", "general", "eligibility"),
        ("キャラクターにはどこで会えるの", "general", "location"),
        ("どこで食べられるの", "general", "location"),
        ("うちの子小学生なんだけど参加できる？", "general", "eligibility"),  # who, told, then may they
        ("高校生ですけど、申し込めますか？", "general", "eligibility"),
        ("体育館の建て替えっていつ？", "general", "construction"),  # a building rebuilt
        ("図書館って移転するの？", "general", "construction"),
        ("給付金はいつもらえる？", "general", "schedule"),
        ("夏休みにやる？", "general", "schedule"),  # a school holiday: no event is dated by one
        ("若い人もやっていいの？", "general", "eligibility"),  # may they do it too: whom it is for
        ("子どもも参加できる？", "general", "condition"),
        ("花の種類は？", "general", "names"),  # which flowers: the plan names none
        ("申請方法は？", "general", "procedure"),  # how to apply, as 「申し込み方法は？」
        ("どこの市と？", "general", "names"),  # the partner towns: the plan names none
        ("カーリングの選手とか来る？", "general", "person"),  # who appears: the plan names what is held
        ("プロに教えてもらえる？", "general", None),
        ("Which cities does Sapporo work with?", "general", "names"),
        ("どこの町に住んでても使える？", "general", "condition"),
        ("ごみの種類によって出し方違う？", "general", None),
        ("Is it held during the summer holidays?", "general", "schedule"),
        ("大型ごみの収集、年末年始もやってる？", "general", "days"),  # the days a service is open
        ("夏休みの宿題を手伝ってくれる場所ある？", "general", None),
        ("大型ごみのオンライン化はいつ？", "general", None),  # no event: the plan's target year
        ("コトニジャズって誰が出るの？", "general", "person"),
        ("How many people work at Sapporo City Hall?", "figure", "pay"),
        ("HANA-LANDで植える花って何の花？", "definition", "names"),
        ("札幌ドームの近くに新しい駅ってできるの？", "general", "construction"),
        ("Will a new subway station be built in Kiyota?", "ward", "construction"),
        ("新しいホームページはいつできるの？", "date", None),  # a renewal, not a building
        ("新しい窓口ができるって本当？", "general", None),
        ("ていね山映画祭で上映される映画って何？", "definition", "names"),
        ("What films are shown at the Teine-yama film festival?", "ward", "names"),
        ("RPAを入れて、結局どのくらい効果あったの？", "figure", "results"),
        ("RPAを入れるとどのくらい効果がある？", "figure", None),  # the plan's target, not results so far
        ("市長はこのアクションプランについてどう思ってるの？", "general", "opinion"),
        ("Are there good reviews of the My Number card center?", "general", "opinion"),
        ("Does the city actually review whether its programs are working?", "general", None),
        ("市はデジタル化についてどう考えてるの？", "general", None),  # the city's policy is the plan
        ("南区の区役所に駐輪場ってある？", "ward", "access"),
        ("Is the subway going to be extended to Kiyota?", "ward", "construction"),
        ("地下鉄って清田区まで延伸されるの？", "ward", "construction"),
        ("地下鉄の駅からバスに乗り継ぎやすくなる？", "general", None),
        ("子ども議会の議員ってどうやったらなれるの？", "general", "procedure"),
        ("どうやったら区役所の待ち時間が減るの？", "general", None),
        ("豊平区のまちづくりパートナーに登録してる会社の一覧見たい", "ward", "names"),
        ("まちづくりパートナーの企業数の目標は？", "figure", None),
        ("市のホームページって去年何人見たの？", "figure", "results"),
        ("ホームページの閲覧数、2022年はどれくらい？", "figure", None),  # the plan's baseline year
        ("How many people came to the film festival last year?", "figure", "results"),
        ("How much did companies donate through hometown tax last year?", "general", "results"),  # so far
        ("データ分析の研修って市民も受けられる？", "general", "eligibility"),
        ("市民も参加できる取組ってある？", "general", None),
        # an age or school year bounded asks whom it is for, not a figure (the plan's 小学4年生から中学3年生まで)
        ("おくやみ窓口のひとって親切？", "general", "opinion"),  # ひと: 人 in kana
        ("学生のグループでももらえるの？", "general", None),  # who receives it (a subsidy), not an item handed out
        ("子どもでももらえる？", "general", None),
        ("コスモスの種ももらえるの？", "general", "handout"),
        ("子ども議会は何歳から参加できる？", "general", "eligibility"),
        ("児童会館って何歳まで使えるの？", "general", "eligibility"),
        ("子ども議会って何年生まで？", "general", "eligibility"),
        ("What age can kids join the children's assembly?", "general", "eligibility"),
        ("How old do you have to be to join?", "general", "eligibility"),
        ("何歳の子が多いの？", "figure", None),
        ("How old is the program?", "general", None),
        ("区役所の窓口って昼休みは閉まるの？", "general", "days"),
        ("窓口の昼休みをなくす取組ってある？", "general", None),
        ("ストップマークってどこの小学校の通学路に貼ってあるの？", "general", "location"),
        ("豊平区のスケートリンクって貸し切りできる？", "ward", "lending"),
        ("児童手当っていつ振り込まれるの？", "general", "schedule"),
        ("給付金の支給日は？", "general", "schedule"),
        ("児童手当の手続きってオンラインでできるようになる？", "general", "online"),
        ("いつから申請書を書かなくてよくなるの？", "date", None),
    ],
)
def test_plan_targets_outrank_vetoes_and_small_talk_is_recognised(question, kind, veto):
    intent = query(question).intent
    assert (intent.kind, intent.unanswerable_fact) == (kind, veto)


@pytest.mark.parametrize("fact", [*UNSTATED_FACTS, "figure"])
@pytest.mark.parametrize("english", [False, True])
def test_every_fact_the_plan_never_states_is_named_when_abstaining(fact, english):
    """Each vetoed fact type has its own sentence in both languages (a new type without one would fail)."""
    understood = query("What is the bulky garbage service?" if english else "大型ごみの取組は？")
    intent = replace(understood.intent, unanswerable_fact=None if fact == "figure" else fact,
                     subject=("離婚",) if fact in ("condition", "payment") else understood.intent.subject,
                     kind="figure" if fact == "figure" else understood.intent.kind,
                     unit="件" if fact == "figure" else None)  # CENTER counts people, not cases
    # a passage that speaks of none of the facts (a passage that does may lift a veto: `STATED_BY`)
    ranked = hits((CENTER, 0.90, 1.0)) if fact == "figure" else hits((NUDGE, 0.90, 10.0))
    result = compose(replace(understood, intent=intent), ranked, PROFILE)
    assert result.abstained and "の記載はありません。" in result.text.splitlines()[0]
    assert result.citations  # the closest topic is still shown


def test_who_may_see_something_is_answered_by_a_passage_that_publishes_it():
    """「…って市民も見られる？」 asks who may see it; a passage that publishes it (公開) answers that anyone may,
    and a passage that does not still leaves the fact unstated."""
    published = chunk("p#L558", "行政評価制度を通じた透明性ある市の実施事業の情報提供",
                      text="市の事業の評価調書をわかりやすく公開し、評価の段階での市民参加を促進します。")
    said = answer("その評価の結果って市民も見られる？", hits((published, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is published
    unpublished = chunk("p#L559", "行政評価制度の効果的な運用", text="行政評価制度を効果的に運用し、事業の見直しを促進します。")
    refused = answer("その評価の結果って市民も見られる？", hits((unpublished, 0.92, 10.0)))
    assert refused.abstained and "参加・利用できる人の条件" in refused.text.splitlines()[0]


def test_how_things_are_chosen_is_stated_by_a_passage_that_judges_the_asked_subject():
    """「市の事業を続けるかやめるかって、どうやって決めてるの？」: a passage judging the city's projects (指標の達成度を
    客観的に評価し、事業の見直し…) says how; for 「職員ってどうやって選ばれるの？」 it speaks of another subject, and a
    passage judging nothing leaves the fact unstated."""
    from index.unstated import standing_veto

    judged = "当該指標の達成度を客観的に評価し、事業の見直し・再構築を促進します。"
    assert standing_veto("selection", [judged], (), "市の事業を続けるかやめるかって、どうやって決めてるの？") is None
    assert standing_veto("selection", [judged], ("職員",), "市の職員ってどうやって選ばれるの？") == "selection"
    assert standing_veto("selection", ["ネーミングライツを導入します。"], ("名前",), "名前はどうやって決まるの？") == \
        "selection"


def test_what_was_achieved_is_stated_by_a_baseline_of_an_amount_already_cut():
    """「RPAでどれくらい残業が減った？」: RPA's 2022 baseline is the work time it had already cut (3,613時間);
    a passage whose baseline is not yet set (—) states no result."""
    from index.unstated import standing_veto

    cut = "RPA等の積極的な活用 定型的な事務作業にRPAを活用します。 業務効率化により削減された作業時間 3,613時間 40,000時間"
    assert standing_veto("results", [cut], (), "RPAでどれくらい残業が減った？") is None
    unset = "生活保護業務の効率化推進 タブレット端末を導入します。 タブレット端末の導入を含む業務効率化 — 実施"
    assert standing_veto("results", [unset], (), "効果はあったの？") == "results"
    assert standing_veto("results", [cut.replace("3,613時間", "—")], (), "RPAで効果あった？") == "results"


def test_what_is_needed_asked_after_what_is_done_is_a_condition_only_a_passage_naming_it_answers():
    """「タクシー券の電子申請、マイナンバーカードいる？」: the card the asker names is the condition; the kiosk run
    with the card (マイナンバーカードを使って申請書…) speaks of it, the travel grants' e-applications do not."""
    from index.unstated import condition_of, standing_veto

    asked = "タクシー券の電子申請、マイナンバーカードいる？"
    assert condition_of(asked) == "マイナンバーカード"
    kiosk = "マイナンバーカードを使って申請書の一部を自動入力できるシステムを導入します。"
    grants = "障がい者交通費助成にかかる一部券種の電子申請を実施します。"
    assert standing_veto("condition", [kiosk], ("マイナンバーカード",), asked) is None
    assert standing_veto("condition", [grants], ("マイナンバーカード",), asked) == "condition"


def test_a_worry_named_with_a_leak_is_no_subject_a_passage_must_name():
    """「情報漏れとか心配なんだけど」 of 生成AI's use (…個人情報などのセキュリティ対策): 心配 is how the asker feels, not
    what the passage must speak of."""
    from index.unstated import standing_veto

    asked = "情報漏れとか心配なんだけど"
    ai = "機密情報の保護、個人情報などのセキュリティ対策を行い、生成AIの業務への利活用を行います。"
    assert "心配" not in subject_of(asked, "privacy")
    assert standing_veto("privacy", [ai], subject_of(asked, "privacy"), asked) is None


def test_a_product_named_to_confirm_is_answered_only_by_a_passage_naming_that_product():
    """「TikTokもある？」 of the city's SNS等: the plan names no platform; 「RPAも使ってる？」 is answered by RPA's own
    passage, and the AI a passage names is not the ChatGPT asked."""
    from index.unstated import standing_veto

    rpa = "定型的な事務作業について、RPAやAI-OCR等を積極的に活用します。"
    assert standing_veto("names", [rpa], (), "RPAも使ってる？") is None
    assert standing_veto("names", [rpa], (), "TikTokもある？") == "names"
    tube = "YouTubeの公式チャンネルで動画を配信します。"
    assert standing_veto("names", [tube], (), "市の公式YouTubeチャンネルってある？") is None
    assert standing_veto("names", [rpa], (), "市の公式YouTubeチャンネルってある？") == "names"
    assert standing_veto("names", ["生成AIを活用した業務改善を進めます。"], (), "市役所のAIってChatGPT？") == "names"


def test_whether_only_some_may_come_is_stated_by_a_passage_naming_whom_it_is_for():
    """「スキー教室は子どもだけ？」 of 手稲山's 親子スキー教室: parents and children together says whom it is for; a
    passage naming no one does not, nor does that class say whom the film festival beside it is for."""
    from index.unstated import standing_veto, subject_of

    question = "スキー教室は子どもだけ？"
    subject = subject_of(question, "eligibility")
    assert query(question).intent.unanswerable_fact == "eligibility"
    assert standing_veto("eligibility", ["手稲山ウォーキング、親子スキー教室などを開催します。"], subject, question) is None
    assert standing_veto("eligibility", ["スキー教室などを開催します。"], subject, question) == "eligibility"
    festival = "ていね山映画祭って誰でも行ける？"  # the parents' and children's ski class says nothing of the festival
    assert standing_veto("eligibility", ["「ていね山映画祭」や親子スキー教室などを開催します。"],
                         subject_of(festival, "eligibility"), festival) == "eligibility"


def test_money_given_is_stated_by_a_passage_giving_financial_support():
    """"Do they give money for it?" of the NPO network initiative (…協働して実施する事業に対して財政的支援を行います):
    financial support is money given; support by sending people is not."""
    from index.unstated import standing_veto

    network = "NPOと町内会等が協働して実施する事業に対して財政的支援を行います。"
    assert standing_veto("subsidy", [network], (), "Do they give money for it?") is None
    assert standing_veto("subsidy", ["NPOの活動を紹介し、町内会等へ派遣します。"], (), "Do they give money for it?") == \
        "subsidy"


def test_hiring_is_stated_by_a_passage_that_appoints_people_from_outside():
    """「市は外から専門の人を職員として採用したりしてるの？」: 外部人材の登用 (取組方針4) says the city takes people
    on from outside; a passage naming no hiring does not."""
    from index.unstated import standing_veto

    question = "市は外から専門の人を職員として採用したりしてるの？"
    policy = "外部人材の登用を含む職員の確保や人材育成を的確に進めます。"
    assert standing_veto("jobs", [policy], ("外", "専門", "人"), question) is None
    assert standing_veto("jobs", ["職員の研修を実施します。"], ("外", "専門", "人"), question) == "jobs"


def test_which_counter_is_stated_by_a_passage_naming_a_place_for_the_asked_subject():
    """「マイナンバーカードの手続き、土日はどこに行けばいいの？」: the centre where the card is handed out on weekends
    says where; for 「国民年金の免除の申請ってどこの窓口に行けばいいの？」 a passage whose 窓口 serves other
    procedures does not, nor one naming no counter at all."""
    from index.unstated import standing_veto, subject_of

    centre = "土日や平日夜間もマイナンバーカードの交付や関連手続きができる施設を継続的に運営します。"
    card = "マイナンバーカードの手続き、土日はどこに行けばいいの？"
    assert standing_veto("counter", [centre], subject_of(card, "counter"), card) is None
    pension = "国民年金の免除の申請ってどこの窓口に行けばいいの？"
    forms = "マイナンバーカードを使って申請書の一部を自動入力できるシステムを窓口に導入します。"
    assert standing_veto("counter", [forms], subject_of(pension, "counter"), pension) == "counter"
    assert standing_veto("counter", ["研修会を実施します。"], ("マイナンバーカード",), card) == "counter"


def test_a_place_asked_of_a_thing_named_in_hiragana_is_stated_by_the_district_it_stands_in():
    """「ちえりあってどこにあるの？」: the tokenizer cuts the centre's name into other words (ち, 襟, 有る) and the
    passage's into others again (知恵, り, あ); the name is the subject as written, and the district the passage
    sets the centre in (宮の沢地区に…整備され) says where. Words of a sentence written in hiragana (「どうやって」,
    「何かもらえるって」) are no name."""
    from index.unstated import standing_veto, subject_of

    assert subject_of("ちえりあってどこにあるの？", "location") == ("ちえりあ",)
    assert subject_of("西区のちえりあってどこにあるの？", "location", ("西区",)) == ("ちえりあ",)
    assert "どうや" not in subject_of("市の事業を続けるかやめるかって、どうやって決めてるの？", "selection")
    assert not any("もらえる" in noun for noun in subject_of("入ると何かもらえるって聞いた", ""))
    overview = "宮の沢地区に生涯学習総合センター（ちえりあ）が、八軒地区に西健康づくりセンターが整備されています。"
    question = "ちえりあってどこにあるの？"
    assert standing_veto("location", [overview], ("ちえりあ",), question) is None
    assert standing_veto("location", ["生涯学習総合センター（ちえりあ）で講座を開きます。"], ("ちえりあ",),
                         question) == "location"


def test_something_given_to_those_who_join_is_stated_by_a_passage_naming_goods_handed_out():
    """「入ると何かもらえるって聞いた」 of 手稲区's neighbourhood associations, which use 啓発品 to win members: goods
    given out answer it; a passage naming none does not."""
    from index.unstated import standing_veto

    goods = "町内会活動の理解を進める研修会の実施や加入促進のための啓発品を活用します。"
    assert standing_veto("handout", [goods], (), "入ると何かもらえるって聞いた") is None
    assert standing_veto("handout", ["研修会を実施します。"], (), "入ると何かもらえるって聞いた") == "handout"


def test_an_english_payment_question_is_answered_by_a_passage_naming_what_it_pays_and_by_what():
    """"Can I pay my city taxes by bank transfer online?": the tax passage names 市税, 口座振替 and オンライン; a
    passage naming the means alone (スマホ, helping older people with theirs) or none of it leaves the payment
    unstated."""
    from index.unstated import standing_veto

    taxes = "市税の口座振替をはじめとした各種税務手続きについて、オンライン化を推進します。"
    assert standing_veto("payment", [taxes], ("市税", "口座振替", "オンライン|インターネット"), "") is None
    assert standing_veto("payment", [taxes], ("市税", "クレジット"), "") == "payment"
    phones = "高齢者向けのスマホ講座を開催します。"
    assert standing_veto("payment", [phones], ("市税", "デジタル|スマホ"), "") == "payment"
    assert standing_veto("payment", [taxes], (), "") == "payment"  # no means named: never stated


def test_sending_by_post_is_stated_by_a_passage_that_speaks_of_it_not_by_one_handing_the_thing_out():
    """「防災マップの紙のやつ、郵送してもらえる？」: 豊平区 hands its maps out (配布), which says nothing of posting one
    home; the certificates' 証明郵送サービス does speak of the post."""
    from index.unstated import standing_veto

    maps = "防災マップを配布し、地域の防災意識の向上を図ります。"
    asked = "防災マップの紙のやつ、郵送してもらえる？"
    assert standing_veto("mail", [maps], (), asked) == "mail"
    assert standing_veto("mail", ["証明郵送サービス業務の効率化に向けた検討を実施します。"], (), asked) is None


def test_who_may_take_part_is_answered_by_a_passage_open_to_anyone_and_who_may_see_by_one_publishing_it():
    """「子どもでもできるの？」 is answered by 「…誰でも体操」 (the people asked are no subject a passage must name);
    公開 answers who may see something, not who may take part in it."""
    from index.unstated import standing_veto, subject_of, unanswerable_fact

    anyone = "「エコロコ！やまべえ誰でも体操」 介護予防体操をあらゆる世代へ普及します。"
    assert standing_veto("eligibility", [anyone], ("体操",), "その体操、子どもでもできるの？") is None
    # the people as the tokenizer reads them (お年寄り: 年寄り, 高齢者: 高齢) are no subject either
    for question in ("お年寄りでもできる？", "高齢者でもできる？", "小学生でも大丈夫？"):
        assert subject_of(question, "eligibility") == (), question
    # nor is the asker's working life (「仕事してても参加できる？」 of a walk open to 働く世代 and だれでも)
    for question in ("仕事してても参加できる？", "会社員でも参加できる？", "フルタイムで働いてるけど行ける？"):
        assert unanswerable_fact(question) == "eligibility", question
        assert subject_of(question, "eligibility") == (), question
    every_age = "地域の保健師が、世代を問わず地域住民全体の健康づくりを推進します。"
    assert standing_veto("eligibility", [every_age], ("健康",), "健康づくりって若い人でもやっていいの？") is None
    wide = "働く世代を含む幅広い世代の区民が、ウォーキングを活用した健康づくりに取り組めるよう講習を行います。"
    assert standing_veto("eligibility", [wide], ("ウォーキング",), "ウォーキングって仕事してても参加できる？") is None
    # a thing described, not named (「ポール持って歩くやつ」): やつ is no word a passage must name
    assert subject_of("ポール持って歩くやつ、誰でも参加できる？", "eligibility") == ("ポール",)
    published = "研修の資料を公開します。"
    assert standing_veto("eligibility", [published], ("研修",), "研修の資料って市民も見られる？") is None
    assert standing_veto("eligibility", [published], ("研修",), "研修って市民も受けられる？") == "eligibility"
    # published data may be used by anyone (オープンデータ: 二次利用が可能なルールで公開されているデータ)
    assert standing_veto("eligibility", [published], ("資料",), "その資料、市民も使えるの？") is None
    assert standing_veto("eligibility", [published], ("研修",), "研修って市民も参加できる？") == "eligibility"


def test_someone_asked_to_come_is_answered_by_a_passage_sending_them_out_but_not_how_to_apply():
    """「講師を呼べる？」 is answered by 講師派遣; 「講師派遣ってどうやって申し込むの？」 is not: the plan says the city
    sends lecturers, not how to ask for one."""
    from index.unstated import standing_veto, unanswerable_fact

    sends = "町内会等が行う防災訓練・防災研修会等に対し、講師派遣等の開催支援を行います。"
    come = "町内会で防災研修会をやりたいんだけど講師を呼べる？"
    assert unanswerable_fact(come) == "procedure"
    assert standing_veto("procedure", [sends], ("防災研修会", "町内会", "講師"), come) is None
    apply = "防災研修会の講師派遣ってどうやって申し込むの？"
    assert unanswerable_fact(apply) == "procedure"
    assert standing_veto("procedure", [sends], ("防災研修会", "講師"), apply) == "procedure"
    assert standing_veto("procedure", [sends + "申込はインターネットで受け付けます。"], ("防災研修会", "講師"), apply) is None


def test_where_something_is_set_up_is_answered_by_a_passage_naming_the_office_it_is_set_up_in():
    from index.unstated import standing_veto

    inside = "福祉の相談を一元的に受け止めるため、各区役所の保健福祉部内に支援調整を行う組織を設置します。"
    assert standing_veto("location", [inside], ("福祉", "相談"), "福祉の相談の組織ってどこに置かれるの？") is None
    assert standing_veto("location", ["福祉の相談を一元的に受け止めます。"], ("福祉", "相談"),
                         "福祉の相談の組織ってどこに置かれるの？") == "location"


def test_a_place_named_after_the_subject_itself_still_says_where_it_is_set_up():
    """「こども家庭センター」を全区役所に設置: the centre is named first (the place asked for), the ward offices after
    it (where it is set up)."""
    from index.unstated import standing_veto

    centres = "相談支援を行うため、新設された「こども家庭センター」を全区役所に設置します。"
    asked = "こども家庭センターってどこにできる？"
    assert standing_veto("location", [centres], ("こども家庭センター",), asked) is None
    assert standing_veto("location", ["新設された「こども家庭センター」を設置します。"], ("こども家庭センター",),
                         asked) == "location"
    # another centre set up somewhere does not say where this one is (センター alone is half of the subject)
    assert standing_veto("location", [centres], ("介護認定事務", "センター"),
                         "介護認定事務センターってどこにあるの？") == "location"


def test_where_a_handout_is_given_is_answered_only_by_a_passage_naming_a_place():
    """「防災マップってどこでもらえる？」: the plan hands the map out (配布) but names no place: the place is what is
    missing; a centre that hands cards out (交付…ができる施設) says where; 「もらえる？」 alone is answered."""
    from index.unstated import standing_veto, unanswerable_fact

    maps = "豊平区防災マップの配布、特殊詐欺被害防止のための防犯教室を行います。"
    asked = "豊平区の防災マップってどこでもらえる？"
    assert unanswerable_fact(asked) == "handout"
    assert standing_veto("handout", [maps], (), asked) == "location"
    assert standing_veto("handout", [maps], (), "豊平区の防災マップってもらえる？") is None
    cards = "土日や平日夜間もマイナンバーカードの交付や関連手続きができる施設を継続的に運営します。"
    assert standing_veto("handout", [cards], (), "マイナンバーカードってどこでもらえる？") is None
    # a place named for another action of the sentence (the street trees) is not where seeds are handed out
    seeds = "真駒内駅から区役所周辺までの街路樹に花を植栽する他、区の花であるコスモスの種の配布を行います。"
    assert standing_veto("handout", [seeds], (), "南区のコスモスの種ってどこでもらえるの？") == "location"
    at_office = "区役所で、区の花であるコスモスの種の配布を行います。"
    assert standing_veto("handout", [at_office], (), "南区のコスモスの種ってどこでもらえるの？") is None
    assert unanswerable_fact("手稲区の子育てサロンの場所一覧ほしい") == "location"
    assert unanswerable_fact("清田区のスイーツのスタンプラリー、景品は何？") == "benefit"
    assert standing_veto("benefit", ["スタンプラリーの参加者には景品を用意します。"], (), "景品は何？") is None


def test_the_place_alone_asked_of_a_topic_is_answered_by_the_places_its_passage_names():
    from index.unstated import standing_veto, unanswerable_fact

    # 「場所は？」 after 清田区's nature experiences: the spots the passage names (「白旗山」や「あしりべつ川」) are
    # where it is done — but a named place asked where it is itself is not answered by its name
    nature = "区のシンボルでもある「白旗山」や「あしりべつ川」、「平岡梅林」のほか、地域の「自然」に触れ合う場づくりを進めます。"
    for asked in ("場所は？", "開催場所は？", "会場って？"):
        assert unanswerable_fact(asked) == "location", asked
        assert standing_veto("location", [nature], ("自然",), asked) is None, asked  # (the topic's subject)
    assert standing_veto("location", [nature], ("白旗山",), "白旗山の場所は？") == "location"
    assert unanswerable_fact("場所はきれい？") is None
    # "Where will the center be?": the place, in English too
    assert unanswerable_fact("Where will the center be?") == "location"
    assert unanswerable_fact("Where will it be?") == "location"


def test_when_a_place_is_open_is_answered_only_by_a_passage_stating_its_days():
    from index.unstated import standing_veto, unanswerable_fact

    assert unanswerable_fact("清田区の子育て中の親が集まれる広場っていつ開いてる？") == "days"
    centre = "土日や平日夜間もマイナンバーカードの交付や関連手続きができる施設を継続的に運営します。"
    assert standing_veto("days", [centre], ("マイナンバーカード",), "マイナンバーカードの施設っていつ開いてる？") is None
    square = "子育て世代同士がつながり、子育ての悩みを共感する交流広場を運営します。"
    assert standing_veto("days", [square], ("広場",), "広場っていつ開いてる？") == "days"


def test_a_consultation_over_social_media_is_one_made_online():
    from index.unstated import standing_veto

    sos = "予期せぬ妊娠や困難を抱える妊婦に対する支援を強化するため、SNS等の相談窓口やアウトリーチ支援を行います。"
    assert standing_veto("online", [sos], ("妊娠", "相談"), "妊娠したかも。ネットで相談できる？") is None


def test_a_new_building_is_answered_only_by_a_passage_that_speaks_of_building_it():
    centre = chunk("p#L500", "札幌市マイナンバーカードセンターの運営",
                   text="マイナンバーカードの交付を行うマイナンバーカードセンターを中央区に開設し、運営します。")
    said = answer("新しいマイナンバーカードセンターってできるの？", hits((centre, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is centre
    refused = answer("札幌ドームの近くに新しい駅ってできるの？", hits((centre, 0.92, 1.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）には新しい施設・駅・道路などの建設予定の記載はありません。")


@pytest.mark.parametrize(("question", "ward"), [("北区の取組を教えて", "北区"), ("北区ってどんなまち？", "北区"),
                                              ("東区の目標は？", "東区"), ("北区は？", "北区")])
def test_a_ward_without_a_chapter_asked_of_as_a_whole_says_which_wards_have_one(question, ward):
    """「厚別区の取組を教えて」 was answered with a city-wide passage sharing 取組 (the direction of the ward
    offices' reform): the ward has no chapter — said first, the wards that have one listed, the closest
    passages after."""
    said = answer(question, hits((BULKY, 0.92, 10.0)))
    assert said.abstained
    assert said.text.startswith(f"この計画（抜粋）には{ward}の章は含まれていません。区の章があるのは")


def test_a_ward_without_a_chapter_is_answered_only_by_a_city_wide_passage_naming_the_thing_asked_about():
    support = chunk("p#L700", "区子ども家庭支援体制強化事業",
                    text="子育て家庭の相談に応じる体制を各区に整え、子どもの最善の利益を実現します。")
    salon = answer("北区にも子育てサロンってある？", hits((support, 0.92, 10.0)))
    assert salon.abstained and salon.citations[0].hit.chunk is support
    assert salon.text.startswith("この計画（抜粋）には「子育てサロン」についての記載はありません。")
    assert any("北区の章は含まれていません" in note for note in salon.notes)
    # the head of the compound is what must be named: 粗大ごみ is answered by a passage on 大型ごみ
    bulky = answer("東区に住んでます。粗大ごみをネットで申し込めるようになる？", hits((BULKY, 0.92, 10.0)))
    assert not bulky.abstained and bulky.citations[0].hit.chunk is BULKY
    centre = answer("北区に住んでるけど、マイナンバーカードって土日も受け取れる？", hits((CENTER, 0.92, 10.0)))
    assert not centre.abstained
    # a ward with a chapter, or no ward at all, is not asked this: its passages are judged as before
    assert not answer("子育てサロンってある？", hits((support, 0.92, 10.0))).abstained
    english = answer("Is there a child-rearing salon in Kita ward?", hits((support, 0.92, 10.0)))
    assert not english.abstained


@pytest.mark.parametrize(
    ("text", "compounds"),
    [
        ("北区にも子育てサロンってある？", [("子育てサロン", "サロン")]),
        ("中央区で子ども食堂をやってるところを教えてください", [("子ども食堂", "食堂")]),
        ("窓口はどこ？", []),  # a noun standing alone may be the asked fact: no compound
        ("マイナンバーカードの交付", [("マイナンバーカード", "カード")]),
    ],
)
def test_compound_heads_name_each_compound_noun_and_the_thing_it_is(text, compounds):
    from index.analyzer import compound_heads
    from index.unstated import ward_nouns

    assert compound_heads(text, ward_nouns(("北区", "中央区"))) == compounds


def test_who_may_take_part_is_answered_only_by_a_passage_that_says_whom_its_subject_is_for():
    curling = chunk("p#L90", "とよひらスポーツ応援プロジェクト事業", ward="豊平区",
                    text="区民を対象としたカーリング大会、フィギュアスケート教室を開催します。")
    said = answer("豊平区のカーリング大会って子どもでも参加できるの？", hits((curling, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is curling
    meeting = chunk("p#L300", "地域防災事業者ネットワーク会議", ward="手稲区",
                    text="病院やインフラ関係の事業者が意見交換を行う会議を開催します。")
    refused = answer("手稲区の防災の会議って誰でも傍聴できる？", hits((meeting, 0.92, 10.0), (curling, 0.85, 1.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）には参加・利用できる人の条件の記載はありません。")


def test_a_fact_asked_after_a_situation_is_asked_of_its_own_sentence():
    """「転入の手続きしたいけど平日は仕事で行けない。区役所って休みの日も開いてる？」: the days are asked of the ward
    office, not of 転入 or 仕事 — a passage on the windows' 休日開庁 answers it."""
    told = query("転入の手続きしたいけど平日は仕事で行けない。区役所って休みの日も開いてる？").intent
    assert (told.unanswerable_fact, told.subject) == ("days", ())
    windows = chunk("p#L42", "戸籍・住民記録窓口の利便性向上", text="戸籍住民課窓口の繁忙期における休日開庁を継続します。")
    said = answer("転入の手続きしたいけど平日は仕事で行けない。区役所って休みの日も開いてる？", hits((windows, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is windows
    assert query("転入の窓口って休みの日も開いてる？").intent.subject == ("転入", "窓口")  # one sentence: its own


@pytest.mark.parametrize(("question", "fact", "subject"), [
    ("平日は仕事なんだけど、区役所って土日も開いてる？", "days", ()),
    ("転入したんですが、マイナンバーカードセンターって土曜もやってますか？", "days", ("マイナンバーカードセンター",)),
    ("引っ越しでいらない家具が出るんだけど、回収ってどうやって申し込むの？", "procedure", ("回収",)),
    ("引っ越しでいらない家具が出るんだけど、ネットで回収頼める？", "online", ()),  # (any passage on going online)
    # what one heard of is the thing asked of; a wish is made by the whole sentence
    ("窓口で申請書を書かなくてよくなるって聞いたけど、どこの区役所でやってるの？", "location", ("窓口", "申請")),
    ("結婚するんだけど、どんな書類がいるのか教えてほしい", "documents", ("結婚",)),
    # (a wish that the city show them is no question of which documents: its notices answer it)
    ("結婚するんだけど、どんな書類がいるのか市のサイトでわかりやすく載せてほしい", None, ()),
])
def test_a_fact_asked_after_a_situation_told_in_a_clause_is_asked_of_the_last_clause(question, fact, subject):
    """A situation told in a clause (「…なんだけど、」, 「…したんですが、」) is not what the fact is asked of."""
    intent = query(question).intent
    assert (intent.unanswerable_fact, intent.subject) == (fact, subject)


def test_a_situation_told_in_a_clause_does_not_refuse_what_a_passage_answers():
    windows = chunk("p#L42", "戸籍・住民記録窓口の利便性向上", text="戸籍住民課窓口の繁忙期における休日開庁を継続します。")
    said = answer("平日は仕事なんだけど、区役所って土日も開いてる？", hits((windows, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is windows


@pytest.mark.parametrize("question", ["確定申告の時期みたいに混む時期、区役所って土日もあいてる？",
                                      "3月の引っ越しシーズン、土日に区役所開いてる？",
                                      "引っ越しの多い時期は区役所は休日もやってる？"])
def test_a_time_of_year_named_by_what_happens_in_it_is_when_not_what_the_days_are_asked_of(question):
    """「引っ越しの多い時期」 says when the asker comes, not what the days are asked of: a passage on the windows'
    休日開庁 in the busy season answers it; a thing named beside the season (マイナンバーカードセンター) still must be
    named by the passage."""
    assert subject_of(question, "days") == ()
    assert subject_of("年末の時期、マイナンバーカードセンターは日曜も開いてる？", "days") == ("マイナンバーカードセンター",)
    windows = chunk("p#L42", "戸籍・住民記録窓口の利便性向上", text="戸籍住民課窓口の繁忙期における休日開庁を継続します。")
    said = answer(question, hits((windows, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is windows


def test_which_towns_is_answered_by_a_passage_naming_towns_and_not_by_a_brand():
    """「清田区ってどこの市と隣り合ってるの？」 is answered by the overview's 恵庭市 and 北広島市; a brand a passage
    names answers what it is called, not which towns; the plan's own city named is no answer."""
    from index.unstated import standing_veto

    overview = "南は丘陵地で恵庭市、東は大曲川で北広島市と接しています。"
    assert standing_veto("names", [overview], (), "清田区ってどこの市と隣り合ってるの？") is None
    assert standing_veto("names", [overview], (), "Which cities border Kiyota ward?") is None
    assert standing_veto("names", [overview], (), "参加してる会社の名前は？") == "names"
    assert standing_veto("names", ["札幌市と道内市町村をつなぐ取組を行います。"], (),
                         "どこの町と組んでるの？") == "names"
    brand = "「KIYOTA SWEETS」を地域独自のブランドとして発信します。"
    assert standing_veto("names", [brand], (), "どこの町と組んでるの？") == "names"
    assert standing_veto("names", [brand], (), "スイーツのブランドって何？") is None


def test_whether_something_is_public_is_answered_only_by_a_passage_publishing_that_subject():
    """「市の事業の評価って公開されてる？」 is answered by 「事業の評価調書をわかりやすく公開」; a passage on the same
    subject that publishes nothing, or one publishing something else, is no answer."""
    from index.unstated import standing_veto

    published = "市の事業の評価調書をわかりやすく公開し、市政への参加のきっかけとします。"
    assert standing_veto("publication", [published], ("事業", "評価"), "市の事業の評価って公開されてる？") is None
    analysed = "市民の声を統計的に分析し、行政運営に反映します。"
    assert standing_veto("publication", [analysed], ("市民の声", "分析"), "市民の声の分析結果って公表されてるの？") \
        == "publication"
    assert standing_veto("publication", [published], ("議事録",), "議事録は公開されてる？") == "publication"


def test_an_unstated_fact_is_lifted_only_by_the_passage_the_answer_leads_with():
    """「おくやみ窓口って土日もやってる？」: the information desk leads and says nothing of days; a ward review
    retrieved after it that speaks of 土日 at its windows does not answer it for the desk."""
    desk = chunk("p#L40", "総合案内の運営等による区役所来庁者の利便性向上",
                 text="「総合案内」や「おくやみ窓口」の運営や利便性の向上の検討を行います。")
    review = chunk("p#L41", "区役所の窓口サービス", text="区役所の窓口を土日にも開設しました。")
    refused = answer("おくやみ窓口って土日もやってる？", hits((desk, 0.92, 10.0), (review, 0.90, 8.0)))
    assert refused.abstained and refused.citations[0].hit.chunk is desk
    said = answer("おくやみ窓口って土日もやってる？", hits((review, 0.92, 10.0), (desk, 0.90, 8.0)))
    assert not said.abstained and said.citations[0].hit.chunk is review



def test_who_does_a_thing_with_the_city_may_take_part_in_it():
    """「清田区の避難所の開設訓練、住民も参加できる？」: 住民とともに開設訓練を実施 says residents take part; it says
    nothing of children, nor of anyone at all."""
    drill = chunk("p#L130", "きよた地域防災力強化事業", ward="清田区",
                  text="区内すべての基幹避難所で住民とともに開設訓練を実施します。")
    said = answer("清田区の避難所の開設訓練、住民も参加できる？", hits((drill, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is drill
    for asked in ("清田区の避難所の開設訓練、子どもも参加できる？", "清田区の避難所の開設訓練、誰でも参加できる？"):
        assert answer(asked, hits((drill, 0.92, 10.0))).abstained, asked

def test_whether_a_thing_is_done_online_is_answered_only_by_a_passage_on_going_online():
    """「生活保護の申請ってスマホからできるようになる？」: the welfare office's tablets say nothing of applying online
    (refused, the closest passage shown); the disability fare grant's 電子申請 answers its own question, and a
    nursery's 保育業務支援システム導入 … DX one of doing it on an app."""
    welfare = chunk("p#L50", "生活保護業務の効率化推進", text="生活保護システムとの連携が可能なタブレット端末を導入します。")
    fares = chunk("p#L51", "障がい者交通費助成のオンライン化", text="障がい者交通費助成にかかる一部券種の電子申請を開始します。")
    nursery = chunk("p#L52", "各種業務における市民サービス向上にも寄与するDXの取組",
                    text="登降園管理の業務を支援する保育業務支援システム導入など、DXの推進に取り組みます。")
    refused = answer("生活保護の申請ってスマホからできるようになる？", hits((welfare, 0.92, 10.0)))
    assert refused.abstained and refused.citations[0].hit.chunk is welfare
    assert "オンライン（ネット・スマホ）でできるかどうか" in refused.text.splitlines()[0]
    said = answer("障害者のタクシー券、ネットで申請できるようになる？", hits((fares, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is fares
    said = answer("保育園の送り迎えの記録、アプリでできるようになる？", hits((nursery, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is nursery

@pytest.mark.parametrize(
    ("question", "condition"),
    [
        ("区の子ども家庭支援の窓口で、離婚の相談もできる？", ("離婚", "相談")),
        ("戸籍謄本はコンビニでも取れる？", ("コンビニ",)),  # the words after the last particle
        ("大型ごみは電話でも申し込める？", ("電話",)),
        ("大型ごみ、当日でも申し込める？", ("当日",)),  # a time word is a condition too
        ("ウォーキングの講習、犬を連れてでも参加できる？", ("犬",)),  # back over を to the noun
        ("西区のノルディックウォーキング、働いてる人でも参加できる？", ()),  # nothing to check: answered
        ("清掃活動って子どもも参加できる？", ("子供",)),  # the も of 子ども is the word's own, the next one the particle
        ("マイナンバーカード持ってないと使えない？", ("マイ", "ナンバー", "カード")),  # what one must have
        ("大型ごみの申込、スマホがないとだめ？", ("オン", "ライン")),  # in the plan's word for it (its aliases)
        ("印鑑を持っていないと申し込めない？", ("印鑑",)),
        ("車がないと無理？", ("車",)),
        ("マイナンバーカードないとダメ？", ("マイ", "ナンバー", "カード")),  # no particle before ない
    ],
)
def test_a_condition_a_yes_no_question_ends_on_is_what_a_passage_must_speak_of(question, condition):
    intent = query(question).intent
    assert (intent.unanswerable_fact, intent.subject) == ("condition", condition)


def test_a_condition_is_answered_only_by_a_passage_that_speaks_of_it():
    """「電話でも申し込める？」 is answered by 電話受付; 「ネットでも」 by インターネット受付 (a katakana word inside a
    longer one); a condition no passage speaks of is not in the plan."""
    for question in ("大型ごみは電話でも申し込める？", "大型ごみはネットでも申し込める？"):
        said = answer(question, hits((BULKY, 0.92, 10.0)))
        assert not said.abstained and said.citations[0].hit.chunk is BULKY
    refused = answer("大型ごみはコンビニでも申し込める？", hits((BULKY, 0.92, 10.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）には「コンビニ」についての記載はありません。")
    assert refused.citations[0].hit.chunk is BULKY  # the closest topic is still shown


def test_a_condition_named_by_a_word_of_the_same_first_sense_is_answered():
    """「ふるさと納税って会社でもできるの？」 of the plan's 企業版ふるさと納税: JMdict's first senses of 会社 and 企業 share
    two glosses (company, corporation), and Sudachi puts them in different synonym groups. One shared gloss is not
    enough (開発 and 発展 share only "development": 「再開発でマンション建つの？」 is not about a district's growth)."""
    from index.unstated import covers

    tax = chunk("tax", "企業版ふるさと納税促進事業", text="札幌市への企業版ふるさと納税の寄付額増に向け、営業活動等を実施します。")
    said = answer("ふるさと納税って会社でもできるの？", hits((tax, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is tax
    assert covers("区の中央部を流れる川の扇状地として発展してきました。", ("開発",), every=True) is False
    assert covers("避難所開設訓練を実施します。", ("練習",), every=True)  # practice, training, drill


def test_a_katakana_compound_not_written_whole_is_named_by_its_head():
    """ハザード + マップ is named by a passage's 防災マップ; マイナ + カード + センター (マイナカードセンター) by
    マイナンバーカードセンター — not by a passage naming only マイナンバーカード, whose カード is no センター."""
    from index.unstated import covers

    assert covers("豊平区防災マップの配布、防犯教室の開催。", ("ハザードマップ",))
    assert covers("土日もマイナンバーカードの交付ができる施設（マイナンバーカードセンター）を運営します。",
                  ("マイナカードセンター",))
    assert not covers("マイナンバーカードを使って申請書の一部を自動入力できるシステムを導入します。",
                      ("マイナカードセンター",))


def test_a_kind_of_day_or_season_asked_is_named_by_the_passages_words_for_it():
    """「冬も参加できる？」 of a walking project run 年間を通して: the condition 冬 is met all the year round; 「土日も
    手続きできる？」 of 休日開庁: 土日 are holidays. A passage naming no season, year or day does not meet them."""
    from index.unstated import covers

    assert covers("年間を通してノルディックウォーキングを活用した健康づくりに取り組みます。", ("冬",), every=True)
    assert not covers("ノルディックウォーキングを活用した健康づくりに取り組みます。", ("冬",), every=True)
    assert covers("戸籍住民課窓口の繁忙期における休日開庁を継続します。", ("土日",), every=True)
    assert not covers("総合案内の運営を行います。", ("土日",), every=True)


def test_whom_a_scheme_is_mainly_for_answers_who_can_join():
    """"Who can join the supporters?" of 若者を中心とした「南区サポーター制度」: whom it is mainly for is stated."""
    from index.unstated import standing_veto

    text = "若者を中心とした「南区サポーター制度」を構築し、これらの活動を支援します。"
    assert standing_veto("eligibility", [text], ("サポーター",), "Who can join the supporters?") is None
    assert standing_veto("eligibility", ["地域を中心とした活動を支援します。"], (), "誰でも参加できる？") == "eligibility"
    assert standing_veto("eligibility", [text], ("サポーター",), "サポーターって誰でもなれるの？") == "eligibility"


def test_a_noun_of_a_thing_and_what_is_done_to_it_is_named_by_the_thing():
    """ごみ捨て (UniDic: one noun, 塵捨て) is named by a passage's 大型ごみ — the thing thrown away; 草刈り is not
    named by it (its thing, 草, is not there)."""
    from index.unstated import covers

    bulky = "大型ごみの申込について、インターネット受付を新たに導入します。"
    assert covers(bulky, ("塵捨て",), every=True)
    assert not covers(bulky, ("草刈り",), every=True)
    said = answer("粗大ごみ捨てたいけどネットで頼める？", hits((chunk("p#L344", "大型ごみ収集のオンライン化", text=bulky), 0.92, 10.0)))
    assert not said.abstained


def test_a_condition_stated_only_by_the_passages_target_row_is_answered_by_it():
    """「ガソリン券も申請できる？」 of 障がい者交通費助成のオンライン化, whose 2027 target is 「タクシー券、ガソリン券の電子申請
    実施」: the target row is the passage's own words too."""
    fares = chunk("p#L300", "障がい者交通費助成のオンライン化", text="一部券種の電子申請を開始します。",
                  indicator="電子申請の実施", baseline=Measure(2022, "—"),
                  target=Measure(2027, "タクシー券、ガソリン券の電子申請実施"))
    said = answer("障がい者の交通費助成、ガソリン券も申請できる？", hits((fares, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is fares
    refused = answer("障がい者の交通費助成、バス券も申請できる？", hits((fares, 0.92, 10.0)))
    assert refused.abstained and "「バス券」についての記載はありません" in refused.text


def test_a_condition_asked_in_a_second_question_is_told_after_the_first_is_answered():
    """「大型ごみってどう変わるの？コンビニでも申し込める？」: the first question is answered from the passage and the
    condition it lacks told after it; asked alone, the condition is still refused."""
    said = answer("大型ごみってどう変わるの？コンビニでも申し込める？", hits((BULKY, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is BULKY
    assert "なお、この計画（抜粋）には「コンビニ」についての記載はありません。" in said.text.splitlines()
    assert answer("大型ごみってコンビニでも申し込める？", hits((BULKY, 0.92, 10.0))).abstained


@pytest.mark.parametrize(
    ("question", "before"),
    [
        ("西区の避難所ってどんな訓練してるの？近所の人も参加できる？", "西区の避難所ってどんな訓練してるの？"),
        ("西区の避難所訓練って近所の人も参加できる？", ""),  # one question
        ("ごみの話です。コンビニでも申し込める？", ""),  # no question before it
        ("手数料はいくら？コンビニでも申し込める？", ""),  # the first asks for a fact the plan lacks too
    ],
)
def test_the_question_asked_before_a_condition_is_a_sentence_ending_in_a_question_mark(question, before):
    assert asked_before(question, "condition") == before


def test_a_condition_is_named_as_the_plan_names_it_and_must_be_spoken_of_in_full():
    """「LINEでも」 is the plan's SNS and 「スマホでも」 its オンライン (the profile's aliases); every word of the
    condition must be spoken of — 相談 alone, named by every consultation passage, does not answer 離婚の相談."""
    assert query("妊娠の相談ってLINEでもできる？").intent.subject == ("sns",)
    assert query("市の情報ってインスタでも見られる？").intent.subject == ("sns",)  # the alias 「インスタで」
    tax = chunk("p#L330", "税務手続のオンライン化推進", text="市税に関する手続のオンライン化を推進します。")
    assert not answer("税金の手続き、スマホでもできる？", hits((tax, 0.92, 10.0))).abstained
    assert answer("税金の手続き、コンビニでもできる？", hits((tax, 0.92, 10.0))).abstained
    sns = chunk("p#L548", "市民へのSNS等を利用した情報発信", text="SNS等を利用した情報の発信を推進していきます。")
    assert not answer("市のお知らせってLINEでも受け取れる？", hits((sns, 0.92, 10.0))).abstained
    family = chunk("p#L310", "区子ども家庭支援体制強化事業", text="子育てに関する相談に一体的に対応します。")
    refused = answer("区の子ども家庭支援の窓口で、離婚の相談もできる？", hits((family, 0.92, 10.0)))
    assert refused.abstained and refused.citations[0].hit.chunk is family


def test_a_day_the_counter_is_open_is_answered_only_by_a_passage_that_speaks_of_such_days_for_it():
    family = chunk("p#L310", "区子ども家庭支援体制強化事業", text="こども家庭センターを全区役所に設置します。")
    window = chunk("p#L363", "戸籍・住民記録窓口の利便性向上",
                   text="各区役所の戸籍住民課窓口の繁忙期における休日開庁を継続します。")
    refused = answer("こども家庭センターは土曜日もやってますか？", hits((family, 0.92, 10.0), (window, 0.88, 1.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）には開庁日・営業日や夜間の対応の記載はありません。")
    said = answer("区役所の戸籍の窓口は土日も開けてくれるの？", hits((window, 0.92, 10.0), (family, 0.88, 1.0)))
    assert not said.abstained and said.citations[0].hit.chunk is window


def test_small_talk_gets_a_guide_not_random_initiatives():
    result = answer("こんにちは", hits((BULKY, 0.80, 0.0), (CENTER, 0.79, 0.0)))
    assert result.citations == () and "質問してください" in result.text and "[" not in result.text


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("こんにちは、使い方を教えて", "こんにちは。"),
        ("ありがとう！助かりました", "どういたしまして。"),
        ("なるほど、ありがとうございます", "どういたしまして。"),
        ("またね", "ご利用ありがとうございました。"),
        ("ありがとう、使い方をもう一度教えて", "こんにちは。"),  # asked how to use it: the guide
        ("Thanks a lot!", "You're welcome!"),
        ("bye", "Thank you for using"),
        ("Hello, what can you do?", "Hello!"),
        ("ありがとう、助かった", "どういたしまして。"),
        ("ありがとう。また聞きます", "ご利用ありがとうございました。"),  # thanks and a closing: the farewell
        ("もういいです", "ご利用ありがとうございました。"),
        ("お疲れ様でした", "ご利用ありがとうございました。"),
        ("お疲れ様です", "こんにちは。"),  # staff's greeting: the guide
        ("なるほど", "この計画"),  # an acknowledgement thanks for nothing: no どういたしまして
        ("すごいね", "この計画"),
        ("OK", "Ask me anything else"),
        ("thx", "You're welcome!"),
        ("質問の例を教えて", "こんにちは。"),
        ("ありがとう。また質問します", "ご利用ありがとうございました。"),
    ],
)
def test_thanks_and_farewells_get_their_own_reply(question, opening):
    result = answer(question, hits((BULKY, 0.80, 0.0)))
    assert result.intent == "smalltalk" and result.citations == () and result.text.startswith(opening)


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("どの区のことがわかるの？", "この計画（抜粋）で区の章があるのは豊平区・清田区・南区・西区・手稲区です。"),
        ("北区のことも聞ける？", "この計画（抜粋）には北区の章は含まれていません。区の章があるのは豊平区・清田区・南区・西区・手稲区で、"),
        ("清田区のことは分かる？", "はい、この計画（抜粋）には清田区の章があります。"),
        ("which wards do you cover?", "The wards with a chapter in the plan (excerpt): Toyohira (豊平区), "),
        ("Can I ask about Kita ward?", "The plan (excerpt) has no chapter on Kita ward (北区)"),
        ("あなたの回答は信用していいの？", "この案内は、この計画（抜粋）の文章から"),
        ("このボットは誰が作ったの？", "この案内は、この計画（抜粋）の文章から"),
        ("who made this bot?", "This is an automatic guide to the plan (excerpt)"),
    ],
)
def test_what_the_bot_covers_and_whether_to_trust_it_is_answered_from_the_profile(question, reply):
    """Not passages found for 北区 or 信頼 (市民に信頼される市役所): which wards the plan has chapters for, what the
    bot is."""
    result = answer(question, hits((BULKY, 0.80, 0.0)))
    assert result.intent == "smalltalk" and result.citations == () and result.text.startswith(reply)


def test_the_as_of_question_gets_the_plans_years():
    result = answer("この情報はいつ時点？", hits((BULKY, 0.80, 0.0)))
    assert "計画の数値は2022年の現状値と2027年の目標値です。" in result.text
    assert "現状値" not in answer("回答は信用できる？", hits((BULKY, 0.80, 0.0))).text


@pytest.mark.parametrize("question", ["北区の除雪のことも聞ける？", "市民に信頼される市役所って何？", "清田区の取組がわかる資料は？",
                                      "Which ward has the most parks?", "AIって何？"])
def test_a_question_of_the_plan_near_those_words_is_no_small_talk(question):
    assert answer(question, hits((BULKY, 0.80, 0.0))).intent != "smalltalk"


def test_a_ward_overview_is_quoted_not_presented_as_an_initiative():
    overview = chunk("p#L1", "清田区：概況", kind="narrative", ward="清田区", section=("清田区", "概況"),
                     text="清田区は市の南東部に位置します。緑が多い区です。")
    result = answer("清田区ってどんなところ？", hits((overview, 0.95, 10.0)))
    first = result.text.splitlines()[0]
    assert first.startswith("「清田区：概況」（清田区）: 清田区は市の南東部に位置します")
    assert "取り組みます" not in result.text and "（）" not in result.text


def test_an_asked_number_the_plan_does_not_give_is_said_to_be_missing():
    """The topic is in the plan, the number is not (a ward's population): abstain, still show the topic."""
    overview = chunk("p#L1", "清田区：概況", kind="narrative", ward="清田区", section=("清田区", "概況"),
                     text="清田区は市の南東部に位置します。緑豊かな丘陵地に囲まれています。")
    result = answer("清田区の人口って今どれくらい？", hits((overview, 0.95, 10.0)))
    assert result.abstained and result.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    assert result.citations[0].hit.chunk.title == "清田区：概況"
    with_number = chunk("p#L2", "清田区：概況", kind="narrative", ward="清田区", section=("清田区", "概況"),
                        text="区域のおよそ3分の2は、緑豊かな丘陵地と山林に覆われています。")
    assert not answer("清田区ってどれくらい緑が多いの？", hits((with_number, 0.95, 10.0))).abstained


def test_an_asked_count_another_narrative_passage_states_is_answered_by_it():
    """「取組方針っていくつあるの？」 led by 取組方針1's heading, which counts nothing: the next narrative passage
    stating the count (以下の4つの「取組方針」を定め) answers, not a refusal."""
    heading = chunk("p#L1", "取組方針1 行政サービスの高度化", kind="narrative", section=("取組方針1",),
                    text="市民目線の行政サービスへの取組方針を進めます。")
    basis = chunk("p#L2", "基本的な考え方", kind="narrative", section=("基本的な考え方",),
                  text="本アクションプランでは以下の4つの「取組方針」を定めます。")
    result = answer("取組方針っていくつあるの？", hits((heading, 0.95, 10.0), (basis, 0.94, 9.0)))
    assert not result.abstained and "4つの「取組方針」" in result.text.splitlines()[0]
    assert result.citations[0].hit.chunk.title == "基本的な考え方"


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("マイナンバーカードセンターで何人に交付するの？", "人"),
        ("How many people will get cards at the center?", "人"),
        ("コピー用紙は何枚まで減らす？", "枚"),
        ("結果が出るまで何日くらいかかる？", "日"),
        ("申請してから届くまで何週間？", "日"),
        ("転入届は何日以内に出せばいい？", "日"),
        ("インターネット受付は何％になる？", "%"),
        ("大型ごみの目標は？", None),  # a figure, in whatever unit the plan gives
        ("定山渓までバスで何分かかる？", "分"),
        ("How long does an online consultation last?", "分"),  # how long a session lasts
        ("子ども議会に出た子の満足度ってどれくらい？", "満足"),  # a quantity named by its word
        ("オンライン相談って何種類の業務でやる予定？", "業務"),  # kinds of 業務 counted as 業務 (5業務)
        ("What is the population of Sapporo?", "人口"),  # a quantity asked by its word
        ("南区の面積はどれくらい？", "面積"),
        ("関係人口を増やす目標は？", None),  # 関係人口 (people connected to a place) is not the population
        ("きよたマルシェには何店舗くらい出店する？", "店舗"),  # any counter after 何 the numeral
        ("参加者の平均年齢は何歳？", "歳"),  # an age asked as an amount (bounded, it asks whom: eligibility)
        ("区内の小学校は何校？", "校"),
        ("生活保護の申請から決定までどれくらいかかる？", "日"),  # how long a procedure takes
        ("How long does it take to get the care certification?", "日"),
        ("提案したら、採用されるまで何か月くらいかかる？", "日"),
        ("住民票をオンラインで申請したら何日後に届く？", "日"),  # how long after asking it comes
        ("粗大ごみ、申し込んでからどれくらいで回収に来る？", "日"),
        ("How soon will my bulky garbage be picked up?", "日"),
        ("マイナンバーカードセンターって今どれくらい待つの？", "待ち"),  # waiting: hours or minutes
        ("繁忙期の待ち時間は何分？", "待ち"),
        ("消防検査のオンライン化でどれくらい早くなる？", "速さ"),  # how much sooner: days, hours or minutes
        ("How much faster will the fire inspection be?", "速さ"),
        ("SNSのフォロワー数の目標ある？", "フォロワー"),  # an account's audience, not a site's users in 人
        ("市のSNS、いいねの数の目標は？", "フォロワー"),
        ("オープンデータの件数は？", "件"),  # a count of cases, not the trainees of the data initiative
        ("提案件数の目標は？", None),  # (a compound: the indicator's own word, answered by its target)
        ("ネットで済む手続き、2027年までにどれくらいの割合にするの？", "%"),
        ("AI議事録って会議の録音は何年保存するの？", "年間"),  # a period in years, not a date
        ("How many years is the data kept?", "年間"),
        ("How many work processes will the city redesign by 2027?", "業務"),  # the plan counts 25業務
        ("What share of procedures will be online by 2027?", "%"),
        ("札幌市の人口って何人？", "人口"),  # the quantity named, not the counter it is asked with
        ("ていねくの じんこうは？", "人口"),  # a kana question's unit as Mozc reads it
        ("もくひょうは なんにん？", "人"),
        ("何個の市と接してるの？", "市"),  # 何個の市 counts 市 (4市2町1村)
    ],
)
def test_a_figure_question_knows_the_unit_it_asks_in(question, unit):
    assert (query(question).intent.kind, query(question).intent.unit) == ("figure", unit)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("西区って札幌で何番目に広い区なの？", "ward"),  # a rank, not an amount
        ("何時から受け付けてるの？", "general"),  # a time
        ("西区の公園には何がある？", "ward"),  # 何 as "what"
        ("名前とか住所とか何枚も同じことを書かされた。なくならない？", "general"),  # 何枚も: "many sheets"
    ],
)
def test_what_and_times_are_not_counted_figures(question, kind):
    intent = query(question).intent
    assert (intent.kind, intent.unit) == (kind, None)


def test_how_long_until_something_comes_is_answered_only_by_a_number_of_days():
    """「何日後に取りに来てくれる？」 of the bulky-garbage initiative (a target in %) is a figure the plan lacks; the care
    certification's 「処理日数が30日以内の割合」 states days and answers 「結果が出るまで何日くらい？」."""
    garbage = chunk("p#L344", "大型ごみ収集のオンライン化", text="大型ごみの申込について、インターネット受付を導入します。",
                    indicator="インターネット受付件数の割合", baseline=Measure(2022, "—"), target=Measure(2027, "50%"))
    refused = answer("粗大ごみをネットで申し込んだら、何日後くらいに取りに来てくれるの？", hits((garbage, 0.92, 10.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    care = chunk("p#L515", "介護認定事務センター事業", text="要介護認定事務を集約します。",
                 indicator="要介護認定の処理日数が30日以内の割合", baseline=Measure(2022, "16%"), target=Measure(2027, "25%"))
    said = answer("介護認定って申請してからどれくらいで結果が出る？", hits((care, 0.92, 10.0)))
    assert not said.abstained and "30日以内" in said.text.splitlines()[0]


def test_how_many_cases_of_what_the_city_will_do_is_answered_by_its_number_of_projects():
    """「ナッジの取組って何件くらいやるの？」: 「20事業」 counts them; a close passage stating 件 does not take the lead
    from it, and 何人 is still not answered by a number of projects."""
    nudge = chunk("p#L470", "ナッジの活用による業務改善の推進", text="ナッジの考え方を用いた業務改善を推進します。",
                  indicator="ナッジを活用した情報発信・業務改善の実施", baseline=Measure(2022, "—"),
                  target=Measure(2027, "20事業"))
    network = chunk("p#L560", "地域課題解決のためのネットワーク構築事業", text="NPOと町内会の協働を支援します。",
                    indicator="協働・連携事業数(累計)", baseline=Measure(2022, "161件"), target=Measure(2027, "231件"))
    said = answer("ナッジの取組って何件くらいやるの？", hits((nudge, 0.90, 10.0), (network, 0.89, 8.0)))
    assert said.citations[0].hit.chunk is nudge and "20事業" in said.text.splitlines()[0]
    refused = answer("ナッジの取組って何人くらいでやるの？", hits((nudge, 0.90, 10.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")


def test_how_many_cases_of_tasks_the_city_will_redesign_is_answered_by_its_number_of_tasks():
    """「何件くらいやるの？」 of 業務の見える化: 「25業務」 counts them, as 20事業 counts projects."""
    flows = chunk("p#L480", "「業務の見える化」の推進", text="市役所の業務フローを可視化します。",
                  indicator="新たに業務フロー・業務の再構築の検討を行った業務数（計画期間累計）",
                  baseline=Measure(2022, "—"), target=Measure(2027, "25業務"))
    said = answer("業務の見える化って何件くらいやるの？", hits((flows, 0.90, 10.0)))
    assert not said.abstained and "25業務" in said.text.splitlines()[0]


def test_how_many_projects_is_answered_by_a_number_of_cases_of_projects():
    """"How many projects?" of the digital CoE team: 「10件」 of プロジェクトの実施件数 counts them."""
    team = chunk("p#L450", "デジタル改革推進チーム（デジタルC o E）による行政DXの推進", text="行政DXを推進します。",
                 indicator="「デジタル改革推進チーム（デジタルC o E）」によるプロジェクトの実施件数",
                 baseline=Measure(2022, "—"), target=Measure(2027, "10件"))
    said = answer("How many projects will the digital team run?", hits((team, 0.90, 10.0)))
    assert not said.abstained and "10件" in said.text.splitlines()[0]


def test_a_ratio_asked_is_answered_only_by_a_number_in_times():
    """「倍率ってどのくらい？」 (how competitive): a target in 千円 does not state it — the figure is missing."""
    donation = chunk("p#L600", "企業版ふるさと納税促進事業", text="寄付額の増加に向け営業活動を行います。",
                     indicator="事業による寄付の増加額", baseline=Measure(2022, "—"), target=Measure(2027, "20,000千円"))
    refused = answer("札幌の市営住宅に申し込みたい。倍率ってどのくらい？", hits((donation, 0.92, 10.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")


def test_a_figure_stated_in_the_text_of_an_initiative_without_a_target_row_is_quoted_first():
    """「いくつあるの？」 of 「区内に8か所あるまちづくりセンターが…」: the sentence with the number leads, not "no numeric
    target"; a date is no such number, and a text without a number still says there is no target."""
    centres = chunk("p#L140", "地域の課題解決をサポート", ward="西区",
                    text="令和3年から続けています。区内に8か所あるまちづくりセンターが町内会活動を支援します。")
    first = answer("西区のまちづくりセンターって区内にいくつあるの？", hits((centres, 0.92, 10.0))).text.splitlines()[0]
    assert first.startswith("「地域の課題解決をサポート」（西区）: 区内に8か所ある")
    dated = replace(centres, text="令和3年から町内会活動を支援しています。")
    first = answer("西区のまちづくりセンターの取組、どれくらいの規模？", hits((dated, 0.92, 10.0))).text.splitlines()[0]
    assert first == "「地域の課題解決をサポート」には数値目標の記載がありません [1]。"


def test_a_count_asked_by_any_counter_is_answered_by_an_indicator_counting_with_bare_numbers():
    """「何団体くらい参加してる？」 meets 「研修会に参加した延べ水道事業体数」 (322 → 340): the indicator says what
    is counted; a time, a share or people asked is not answered by those bare numbers, nor a count by a
    non-count indicator."""
    water = chunk("p#L660", "水道事業における道内市町村との連携", text="道内水道事業体との連携を推進します。",
                  indicator="研修会に参加した延べ水道事業体数", baseline=Measure(2022, "322"), target=Measure(2027, "340"))
    said = answer("水道の研修会って道内の何団体くらい参加してるの？", hits((water, 0.92, 10.0)))
    assert not said.abstained and "322" in said.text.splitlines()[0]
    assert answer("水道の研修会に参加した事業体の数は？", hits((water, 0.92, 10.0))).text.splitlines()[0].startswith(
        "「水道事業における道内市町村との連携」の目標は")
    assert answer("水道の研修会って何時間くらいやるの？", hits((water, 0.92, 10.0))).abstained
    assert answer("札幌市の職員って全部で何人いるの？", hits((water, 0.92, 10.0))).abstained  # people, not 事業体
    # a counter of anything: 「目標は何件？」 is answered by the count of 事業体
    assert not answer("水道の連携の目標は何件？", hits((water, 0.92, 10.0))).abstained
    share = replace(water, indicator="研修会に参加した水道事業体の満足度")
    assert answer("水道の研修会って道内の何団体くらい参加してるの？", hits((share, 0.92, 10.0))).abstained


def test_how_many_times_is_answered_by_a_count_of_the_times_a_thing_is_done():
    """「子どもの参加の取組って年に何回くらいやってるの？」 meets 「…取組の実施件数」 (34件 → 90件): times done,
    counted in 件; a count of something handed out (交付数, 10件) is no number of times."""
    children = chunk("p#L700", "市政への子どもの参加の推進", text="子どもの参加の取組を推進します。",
                     indicator="市政への子どもの参加の取組の実施件数", baseline=Measure(2022, "34件"),
                     target=Measure(2027, "90件"))
    said = answer("子どもの参加の取組って年に何回くらいやってるの？", hits((children, 0.92, 10.0)))
    assert not said.abstained and "34件" in said.text.splitlines()[0]
    handed = replace(children, indicator="母子健康手帳の出産後交付数", baseline=Measure(2022, "10件"))
    assert answer("子どもの参加の取組って年に何回くらいやってるの？", hits((handed, 0.92, 10.0))).abstained


def test_a_passage_below_the_relevance_threshold_never_leads_for_stating_the_asked_unit():
    """A figure question prefers a close passage that states the asked unit, but not one that is not
    relevant itself: the best hit leads, and its missing number is said to be missing."""
    donation = chunk("p#L600", "企業版ふるさと納税促進事業", text="寄付額増に向け営業活動を実施します。",
                     indicator="事業による寄付の増加額", baseline=Measure(2022, "—"), target=Measure(2027, "20,000千円"))
    ranked = [Hit(NUDGE, 0.9, 1, {"dense": 0.86}), Hit(donation, 0.89, 2, {"dense": 0.835})]
    result = answer("寄付の増加額は何円を目指すの？", ranked)
    assert result.abstained and result.citations[0].hit.chunk is NUDGE
    assert result.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    close = [Hit(NUDGE, 0.9, 1, {"dense": 0.87}), Hit(donation, 0.89, 2, {"dense": 0.86})]
    led = answer("寄付の増加額は何円を目指すの？", close)
    assert not led.abstained and led.citations[0].hit.chunk is donation


def test_a_period_in_years_is_answered_only_by_a_passage_stating_one():
    """何年保存？ of a passage whose only years are dates (2027年) is a missing figure."""
    result = answer("大型ごみの申込データは何年保存するの？", hits((BULKY, 0.92, 10.0)))
    assert result.abstained and result.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    kept = chunk("p#L9", "文書の保存", text="申込データは5年間保存します。", indicator="保存期間",
                 baseline=Measure(2022, "5年間"), target=Measure(2027, "5年間"))
    assert not answer("申込データは何年保存するの？", hits((kept, 0.92, 10.0))).abstained


def test_a_figure_in_another_unit_does_not_answer_the_asked_one():
    """何件 asked, only a share in % stated: the asked number is missing, the topic is still shown."""
    result = answer("大型ごみのインターネット受付は何件を目指すの？", hits((BULKY, 0.92, 10.0)))
    assert result.abstained and result.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    assert result.citations[0].hit.chunk is BULKY
    share = answer("大型ごみのインターネット受付は何％を目指すの？", hits((BULKY, 0.92, 10.0)))
    assert not share.abstained and "2027年: 50%" in share.text.splitlines()[0]
    # what the plan does set is said, cited: the passage's own target row
    assert result.text.splitlines()[1] == ("計画が示しているのは「大型ごみ収集のオンライン化」の目標「大型ごみ申込受付件数における"
                                           "インターネット受付件数の割合」（2022年: — → 2027年: 50%）です [1]。")
    english = answer("How many people use the online bulky waste booking now?", hits((BULKY, 0.92, 10.0)))
    assert english.abstained and "What the plan sets for 「大型ごみ収集のオンライン化」 is" in english.text


def test_a_count_of_people_named_by_what_they_do_is_answered_only_by_a_passage_counting_them():
    """「登録者数は何人？」 asks for people who registered: the card centre's 交付人数 (people too) is another count;
    「交付人数は？」 and a count of people named by none of their doings are its own."""
    other = answer("マイナンバーカードの登録者数は何人？", hits((CENTER, 0.92, 10.0)))
    assert other.abstained and other.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    assert other.citations[0].hit.chunk is CENTER  # the closest passage is still shown
    for own in ("マイナンバーカードの交付人数は何人？", "マイナンバーカードセンターで何人に交付するの？"):
        assert not answer(own, hits((CENTER, 0.92, 10.0))).abstained, own
    from index.units import names_the_counted

    assert names_the_counted("データ利活用研修受講者数目標", ["データ利活用に関する研修の受講者数（延べ）"])  # unpunctuated
    assert not names_the_counted("市の公式LINEの登録者数は？", ["データ利活用に関する研修の受講者数（延べ）"])
    assert names_the_counted("公式サイトの利用者数って目標あるの？", ["月間アクティブユーザー数"])  # users of what it offers


def test_a_figure_of_a_thing_the_passage_never_names_is_missing():
    """「町内会の加入率」 asks what the 加入率 measures: a passage about funded bodies, whose target is a 達成度 in %,
    does not state it, asked for a number or only for its target; a passage naming what is measured does."""
    bodies = chunk("p#L610", "出資団体の在り方に関する基本方針に基づく行動計画の改定及び推進",
                   text="出資団体への関与を見直します。", indicator="団体の活用に関する事業展開の達成度",
                   baseline=Measure(2022, "—"), target=Measure(2027, "80%"))
    for question in ("町内会の加入率って上がってるの？", "町内会 加入率 目標", "保育所 待機児童数 目標"):
        result = answer(question, hits((bodies, 0.92, 10.0)))
        assert result.abstained and result.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。"), question
        assert result.citations[0].hit.chunk is bodies  # the closest passage is still shown
    assert not answer("出資団体 達成度 目標", hits((bodies, 0.92, 10.0))).abstained
    assert not answer("団体の活用の達成率は？", hits((bodies, 0.92, 10.0))).abstained  # half its nouns named
    from index.units import measured_noun

    asked = ("友だち登録数は？", "目標件数は？", "非効率じゃない？", "アクセス数は？", "つながり実人数", "何人？",
             "残業ってどのくらい減らすつもり？", "寄付はどれくらい増やしたいの？", "作業時間をどれくらいまで減らしたいの？")
    assert [measured_noun(q) for q in asked] == ["登録", None, None, None, None, None, "残業", "寄付", None]


def test_an_english_figure_question_is_answered_only_by_a_row_naming_what_it_counts():
    """"How many online applications does the card centre get?": its row counts cards issued, not applications
    made online — the figure is said to be missing, the centre shown; a count the row does name, or one of no
    thing read (cards issued, of "My Number": a name), is answered."""
    result = answer("How many online applications does the My Number card center get?",
                    hits((CENTER, 0.92, 10.0)))
    assert result.abstained and result.citations[0].hit.chunk is CENTER
    assert not answer("How many My Number cards has the center issued?", hits((CENTER, 0.92, 10.0))).abstained
    led = answer("What share of bulky garbage applications will be online?", hits((BULKY, 0.92, 10.0)))
    assert not led.abstained and "50%" in led.text.splitlines()[0]


def test_a_figure_question_leads_with_the_close_passage_naming_its_thing_not_one_stating_its_unit():
    """「ストップマークって何枚もらえる？」: the paper-saving target in 枚, ranked first, names no ストップマーク; the
    ward's initiative handing the marks out, as close, leads, and the count is said to be missing. A first
    passage naming some of the question's things stays first (「ネットで済む手続き」 and the plan's オンライン化)."""
    paper = chunk("p#L478", "ペーパーレスの促進に向けた取組の推進", text="会議資料のペーパーレス化を進めます。",
                  indicator="庁内のA4サイズコピー用紙の購入枚数", baseline=Measure(2022, "2億2千万枚"),
                  target=Measure(2027, "1億7千万枚"))
    marks = chunk("p#L36", "安全・安心なまちとよひら推進事業", ward="豊平区",
                  text="豊平区防災マップの配布、通学路に貼るストップマークの配布等により交通安全の意識向上を図ります。")
    ranked = [Hit(paper, 0.9, 1, {"dense": 0.87}), Hit(marks, 0.89, 2, {"dense": 0.875})]
    result = answer("ストップマークって何枚もらえる？", ranked)
    assert result.abstained and result.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    assert result.citations[0].hit.chunk is marks
    # the year asked in a follow-up is no thing a passage must name
    assert not answer("令和9年度の購入枚数は？", ranked).citations[0].hit.chunk is marks
    online = chunk("p#L328", "行政手続のオンライン化推進", text="行政手続のオンライン化を進めます。",
                   indicator="札幌市の行政手続におけるオンラインカバー率", baseline=Measure(2022, "30.8%"),
                   target=Measure(2027, "70%"))
    ranked = [Hit(online, 0.9, 1, {"dense": 0.87}), Hit(BULKY, 0.89, 2, {"dense": 0.87})]
    led = answer("ネットで済む手続きってどれくらいの割合にするの？", ranked)
    assert not led.abstained and led.citations[0].hit.chunk is online


def test_the_indicator_asked_is_answered_by_its_row_whatever_its_target():
    """「生成AI 業務改善 指標」 asks the indicator itself, as 「…目標」 does: its row answers, target 推進 and all;
    a number asked of it (何%) is one the plan does not state."""
    ai = chunk("p#L420", "生成AIを活用した業務改善", text="生成AIの業務への利活用を行います。",
               indicator="生成AIを活用した業務改善", baseline=Measure(2022, "—"), target=Measure(2027, "推進"))
    for question in ("生成AI 業務改善 指標", "生成AI 業務改善 目標"):
        result = answer(question, hits((ai, 0.92, 10.0)))
        assert not result.abstained and "2027年: 推進" in result.text.splitlines()[0], question
    assert answer("生成AIの指標は何%？", hits((ai, 0.92, 10.0))).abstained

def test_a_figure_follow_up_stays_on_a_topic_whose_target_is_a_word():
    """「どのくらいやってるの？」 of the naming-rights initiative (target: 増加): its own row, said to state no
    number — not another initiative retrieved with it that states one; asked alone, or in a unit another
    passage states, the passage that states a number may still lead."""
    naming = chunk("p#L597", "広告事業、ネーミングライツ導入の促進による民間事業者等の地域貢献の促進",
                   text="ネーミングライツの導入を促進します。", indicator="ネーミングライツを導入する市有施設数",
                   baseline=Measure(2022, "—"), target=Measure(2027, "増加"))
    ranked = hits((naming, 0.90, 10.0), (CENTER, 0.90, 10.0))
    alone = answer("どのくらいやってるの？", ranked)
    assert alone.citations[0].hit.chunk is CENTER
    asked_of = compose(query("どのくらいやってるの？"), ranked, PROFILE, in_context=True, topic=naming)
    assert asked_of.citations[0].hit.chunk is naming and asked_of.abstained
    assert "「ネーミングライツを導入する市有施設数」（2022年: — → 2027年: 増加）" in asked_of.text
    # a number in the unit asked, which another passage states, may be what the conversation was after
    counted = compose(query("何人くらい？"), ranked, PROFILE, in_context=True, topic=naming)
    assert counted.citations[0].hit.chunk is CENTER
    people = answer("マイナンバーカードセンターで何人に交付するの？", hits((BULKY, 0.92, 0.0), (CENTER, 0.91, 10.0)))
    assert people.citations[0].hit.chunk is CENTER and "63,700人" in people.text.splitlines()[0]


def test_a_number_asked_of_a_passage_that_states_none_is_missing_unless_its_target_is_asked():
    """「利回りはどれくらい？」 of an initiative whose target is 「検討」 is refused; asked as where the plan
    means to get (2027年までに…), the word target answers; a close passage stating a number leads."""
    sib = chunk("p#L640", "成果連動型民間委託契約方式の活用の推進", text="PFS・SIBの活用を検討します。",
                indicator="PFS・SIBの活用の検討", baseline=Measure(2022, "—"), target=Measure(2027, "検討"))
    refused = answer("SIBに投資したら利回りはどれくらい？", hits((sib, 0.92, 10.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    said = answer("SIBの活用、2027年までにどれくらい進めるの？", hits((sib, 0.92, 10.0)))
    assert not said.abstained and "2027年: 検討" in said.text.splitlines()[0]
    when = answer("SIBの活用はいつまでに？", hits((sib, 0.92, 10.0)))  # by when: the target year answers
    assert not when.abstained and "2027年: 検討" in when.text.splitlines()[0]
    online = chunk("p#L320", "行政手続のオンライン化推進", text="手続のオンライン化を推進します。",
                   indicator="札幌市の行政手続におけるオンラインカバー率",
                   baseline=Measure(2022, "30.8%"), target=Measure(2027, "70%"))
    lead = answer("ネットで済む手続き、2027年までにどれくらいにするの？", hits((sib, 0.92, 10.0), (online, 0.915, 9.0)))
    assert lead.citations[0].hit.chunk is online and "70%" in lead.text.splitlines()[0]


def test_a_waiting_time_is_answered_only_by_a_passage_that_states_one():
    window = chunk("p#L363", "戸籍・住民記録窓口の利便性向上", text="繁忙期の待ち時間を短縮します。",
                   indicator="各区戸籍住民課窓口における繁忙期の待ち時間の短縮（最大時間）",
                   baseline=Measure(2022, "—"), target=Measure(2027, "20分短縮"))
    said = answer("区役所の戸籍の窓口、3月はどれくらい待つの？", hits((window, 0.92, 10.0)))
    assert not said.abstained and "20分短縮" in said.text.splitlines()[0]
    refused = answer("マイナンバーカードセンターって今どれくらい待つの？", hits((CENTER, 0.92, 10.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")


def test_a_goal_asked_of_an_initiative_without_an_indicator_is_answered_by_what_it_aims_at():
    """「…目標は？」 asks what an initiative aims at: with no indicator, its description answers, saying that
    the plan gives no numeric target; 「目標は何人？」 asks for a number and is still refused."""
    marche = chunk("p#L73", "地域交流拠点における賑わい創出", ward="清田区",
                   text="区役所周辺から賑わいを生み、交流人口の増加を目指します。")
    said = answer("清田区役所のまわりでマルシェとかやって人を呼ぶ取組、目標は？", hits((marche, 0.92, 10.0)))
    assert not said.abstained and said.text.startswith("「地域交流拠点における賑わい創出」には数値目標の記載がありません")
    assert "交流人口の増加を目指します" in said.text
    for question in ("マルシェの取組の目標は何人？", "マルシェの取組の数値目標は？"):
        refused = answer(question, hits((marche, 0.92, 10.0)))
        assert refused.abstained and refused.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")


def test_a_target_stated_as_a_word_answers_where_the_plan_means_to_get():
    """「何か所まで増やすつもり？」 of an initiative whose 2027 target is 「増加」: the plan's answer is that word,
    said to be no number; how many there are now (no aim asked) is still a missing figure."""
    naming = chunk("p#L597", "広告事業、ネーミングライツ導入の促進による民間事業者等の地域貢献の促進",
                   text="ネーミングライツの導入を促進します。", indicator="ネーミングライツを導入する市有施設数",
                   baseline=Measure(2022, "—"), target=Measure(2027, "増加"))
    for asked in ("ネーミングライツを入れる市の施設、何か所まで増やすつもり？", "ネーミングライツの施設、何か所に増やす？"):
        said = answer(asked, hits((naming, 0.92, 10.0)))
        assert not said.abstained and said.citations[0].hit.chunk is naming, asked
        first = said.text.splitlines()[0]
        assert "2027年: 増加" in first and "数値での目標は示されていません" in first, asked
    english = answer("How many facilities will have naming rights?", hits((naming, 0.92, 10.0)))  # an aim
    assert not english.abstained and "2027年: 増加" in english.text.splitlines()[0]
    now = answer("ネーミングライツの市の施設、今は何か所ある？", hits((naming, 0.92, 10.0)))
    assert now.abstained and now.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    share = answer("大型ごみのインターネット受付は何件を目指すの？", hits((BULKY, 0.92, 10.0)))
    assert share.abstained  # a target in % is a number, just not in the asked unit


def test_a_payment_means_is_answered_only_by_a_passage_that_names_it():
    """「口座振替で払える？」 is answered by the passage on 口座振替; a means no passage names, a question naming
    none (支払い方法は？) and an English one (its means cannot be matched) are refused, the topic still shown."""
    tax = chunk("p#L330", "税務手続のオンライン化推進", text="市税の口座振替をはじめとした各種税務手続きについて、オンライン化を推進します。",
                indicator="インターネットを利用した口座振替依頼の実現")
    said = answer("市税は口座振替で払える？", hits((tax, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is tax
    assert not answer("市税ってネットで払えるようになる？", hits((tax, 0.92, 10.0))).abstained  # its indicator
    refused = answer("市税ってクレカで払える？", hits((tax, 0.92, 10.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）には「クレカ」についての記載はありません。")
    assert refused.citations[0].hit.chunk is tax
    for question in ("市税の支払い方法は？", "Can I pay my city tax with a credit card?"):
        assert answer(question, hits((tax, 0.92, 10.0))).abstained


def test_a_payment_means_is_the_words_before_the_verb_not_the_subject_before_them():
    """「税金もネットで払える？」 asks whether 税金 can be paid by ネット: the means asked is ネット, and 税金 stays the
    question's subject (so a follow-up naming it is a question of its own, not one on the topic before)."""
    from index.unstated import without_asked_fact

    for question, subject in (("税金もネットで払える？", "税金も"), ("住民税ってコンビニで払える？", "住民税って"),
                              ("水道料金はスマホで払えるの？", "水道料金は")):
        assert without_asked_fact(question, "payment").startswith(subject), question
    assert without_asked_fact("スマホの決済アプリで払える？", "payment").strip() == "る？"


def test_a_place_is_answered_only_by_a_passage_that_names_where_its_subject_is_set_up():
    """「…機械ってどこにある？」 is answered by the passage that installs that system in a named office; the office
    itself (仮庁舎ってどこ？), an English question and a passage naming no place are refused."""
    kiosk = chunk("p#L400", "マイナンバーカードを活用した申請書作成支援システムの試験的導入",
                  text="マイナンバーカードを使って申請書の一部を自動入力できる申請書作成支援システムを中央区役所仮庁舎に"
                       "試験的に導入し、「書かない窓口」機能の実現に向けた検討を行います。")
    said = answer("マイナンバーカードで申請書を自動で書いてくれる機械ってどこにある？", hits((kiosk, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is kiosk
    for question in ("中央区役所の仮庁舎ってどこにあるの？", "Where is the application-writing kiosk located?"):
        refused = answer(question, hits((kiosk, 0.92, 10.0)))
        assert refused.abstained and "この計画（抜粋）には場所・会場の記載はありません。" in refused.text.splitlines()[0]
    assert answer("大型ごみの受付センターってどこにある？", hits((BULKY, 0.92, 10.0))).abstained
    parking = answer("申請書作成支援システムのある庁舎に駐車場はある？", hits((kiosk, 0.92, 10.0)))
    assert parking.abstained and parking.text.startswith("この計画（抜粋）には住所・交通・駐車場の記載はありません。")


def test_money_paid_to_who_takes_part_is_answered_only_by_a_passage_that_pays_it():
    fares = chunk("p#L372", "障がい者交通費助成のオンライン化", text="障がい者交通費助成にかかる一部券種の電子申請を開始します。")
    said = answer("障がいがあるけど交通費は出る？", hits((fares, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is fares
    refused = answer("大型ごみの受付を手伝ったら謝礼はもらえる？", hits((BULKY, 0.92, 10.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）にはお尋ねの補助・助成・謝礼の記載はありません。")


def test_a_passage_whose_title_names_the_asked_fact_speaks_of_it():
    """A 助成事業 whose text says only 支援 still answers whether a subsidy is paid; the same text under a
    title that names no payment does not."""
    text = "地域住民と学生がつながる交流の場づくりを行う学生団体を支援します。"
    grant = chunk("p#L122", "学生が主体的に取り組むまちづくり活動への助成事業", ward="南区", text=text)
    question = "南区の学生サークルで地域の人と交流するイベントをやりたい。補助金とか出る？"
    said = answer(question, hits((grant, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is grant
    plain = chunk("p#L122", "学生が主体的に取り組むまちづくり活動の支援", ward="南区", text=text)
    refused = answer(question, hits((plain, 0.92, 10.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）にはお尋ねの補助・助成・謝礼の記載はありません。")


def test_an_english_subsidy_question_is_answered_only_by_a_close_passage_that_pays_one():
    """"Does Minami ward give grants to neighbourhood associations?" is answered by the ward's 助成 (its English
    words are not matched to the passage's Japanese); a solar-panel subsidy, whose closest passage pays
    nothing, is refused."""
    grant = chunk("p#L140", "南区地域ふれあい事業", ward="南区", text="連合町内会等によるまちづくり活動に対して助成を行います。")
    said = answer("Does Minami ward give grants to neighbourhood associations?", hits((grant, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is grant
    refused = answer("Can I get a subsidy for solar panels on my house?", hits((BULKY, 0.92, 10.0)))
    assert refused.abstained
    assert refused.text.startswith("The plan (excerpt) does not state any subsidy, grant or payment")


def test_what_money_goes_to_is_answered_only_by_a_passage_saying_so_of_the_subject_asked():
    """The advertising initiative says its revenue is 新たな財源 for services: 「広告で入ったお金は何に使うの？」 is
    answered; paperless savings, whose passage says nothing of what they go to, are refused."""
    ads = chunk("p#L598", "広告事業、ネーミングライツ導入の促進",
                text="市有資産を広告媒体として活用し、新たな財源の確保による市民サービスの維持・向上を図ります。")
    paper = chunk("p#L560", "ペーパーレスの促進に向けた取組の推進", text="ペーパーレス化を進め、コピー用紙を削減します。")
    said = answer("広告で入ったお金は何に使うの？", hits((ads, 0.92, 10.0), (paper, 0.85, 2.0)))
    assert not said.abstained and said.citations[0].hit.chunk is ads
    refused = answer("ペーパーレスで浮いたお金は何に使う？", hits((paper, 0.92, 10.0), (ads, 0.85, 2.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）には集めた・節約したお金の使い道の記載はありません。")


def test_money_asked_for_by_another_name_is_answered_by_a_passage_that_pays_it():
    """「お金の援助ってもらえる？」 asks for money, not an item handed out: a 助成 for the asker's kind of
    activity answers it."""
    grant = chunk("p#L140", "南区地域ふれあい事業", ward="南区",
                  text="連合町内会等によるまちづくり活動に対して助成を行います。")
    question = "南区で町内会のお祭りを開くのにお金の援助ってもらえる？"
    said = answer(question, hits((grant, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is grant


def test_a_compound_subject_must_be_spoken_of_as_a_whole():
    """生活保護 is one subject: a passage on documents that names 生活 (市民生活) does not answer what to bring
    for a 生活保護 application; one that speaks of 生活保護's documents does."""
    leaflet = chunk("p#L380", "必要書類やオンライン申請等の広報充実", text="市民生活に必要な手続の必要書類を広報します。")
    refused = answer("生活保護の申請って何を持っていけばいい？", hits((leaflet, 0.92, 10.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）には手続きに必要な書類・持ち物の記載はありません。")
    welfare = chunk("p#L381", "生活保護の手続の案内", text="生活保護の申請に必要な書類を案内します。")
    assert not answer("生活保護の申請って何を持っていけばいい？", hits((welfare, 0.92, 10.0))).abstained


def test_a_how_to_question_is_answered_only_by_a_passage_on_applying_for_that_subject():
    refused = answer("雪まつりのボランティアってどうやって申し込むの？", hits((BULKY, 0.90, 1.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）には手続きの方法や個別の対処法の記載はありません。")
    said = answer("大型ごみってどうやって申し込むの？", hits((BULKY, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is BULKY


def test_an_item_asked_for_is_answered_only_by_a_passage_that_hands_that_item_out():
    flowers = chunk("p#L169", "花いっぱいのまちづくり", ward="南区", text="区の花であるコスモスの種の配布を行います。")
    said = answer("南区でコスモスの種ってもらえるって聞いたけど本当？", hits((flowers, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is flowers
    seedlings = chunk("p#L170", "緑あふれるまちづくり", ward="西区", text="花苗や種を町内会などに配布し、歩道空間の美化事業を実施します。")
    assert not answer("西区で歩道に植える花の苗ってもらえる？", hits((seedlings, 0.92, 10.0))).abstained  # 花, 苗 in 花苗
    refused = answer("南区でマンホールカードってもらえる？", hits((flowers, 0.90, 1.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）にはお尋ねの物の配布・交付の記載はありません。")


def test_the_city_and_its_offices_are_not_the_subject_a_passage_must_speak_of():
    """A passage on 区役所 opening 土日 does not answer whether passports are handed out on Sundays."""
    offices = chunk("p#L288", "行政サービスの高度化：取組の方向性", kind="narrative",
                    text="区役所では土日や平日夜間の手続を広げます。")
    result = answer("区役所でパスポートの受け取りは日曜もできる？", hits((offices, 0.92, 10.0)))
    assert result.abstained and result.text.startswith("この計画（抜粋）には開庁日・営業日や夜間の対応の記載はありません。")


def test_a_quantity_asked_by_its_word_needs_a_passage_that_speaks_of_it():
    """人口 asked, the best passage counts card holders (人): the population is not in the plan."""
    result = answer("札幌市の人口は？", hits((CENTER, 0.92, 10.0)))
    assert result.abstained and result.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    decline = chunk("p#L5", "南区：概況", kind="narrative", ward="南区", section=("南区", "概況"),
                    text="人口減少及び少子高齢化が進んでいます。")
    assert answer("南区の人口は？", hits((decline, 0.95, 10.0))).abstained  # 人口減少 gives no population
    overview = chunk("p#L99", "南区：概況", kind="narrative", ward="南区", section=("南区", "概況"),
                     text="南区は市の南西部に位置します。面積は657.48k㎡で、市の約6割を占めます。")
    area = answer("南区の面積はどれくらい？", hits((overview, 0.95, 10.0)))
    assert not area.abstained and "657.48k㎡" in area.text.splitlines()[0]
    ranked = chunk("p#L136", "西区：概況", kind="narrative", ward="西区", section=("西区", "概況"),
                   text="西区は市の西部に位置します。10区の中で南区に次いで2番目の広さがあり、扇状地として発展しました。")
    size = answer("西区ってどのくらいの広さなの？", hits((ranked, 0.95, 10.0)))  # its rank among the wards
    assert not size.abstained and "2番目の広さ" in size.text.splitlines()[0]
    assert answer("西区の人口は？", hits((ranked, 0.95, 10.0))).abstained  # the rank is of its area


def test_a_ward_overview_that_names_nothing_the_question_asks_about_is_not_an_answer():
    """The ward's name lifts its overview; 保育園 appears nowhere in it: not found, the overview still shown."""
    overview = chunk("p#L136", "西区：概況", kind="narrative", ward="西区", section=("西区", "概況"),
                     text="西区は10区の中で2番目の広さがあります。琴似発寒川の扇状地として発展しました。")
    result = answer("西区の保育園について知りたい", hits((overview, 0.95, 10.0)))
    assert result.abstained and result.text.startswith(NOT_IN_PLAN_JA)
    assert result.citations[0].hit.chunk is overview
    # a follow-up in context (「西区だと？」 after another ward's initiative) carries the previous topic's words
    followed = compose(query("西区 保育園について"), hits((overview, 0.95, 10.0)), PROFILE, in_context=True)
    assert not followed.abstained
    for asked in ("西区ってどんなところ？", "西区の川ってどんな感じ？", "Tell me about Nishi ward's rivers",
                  "にしくって どんな まちですか",  # only the ward; a noun it names; English and kana not judged
                  "西区ってどのへんにあるの？となりはどこの区？"):  # where the ward lies: no subject of its own
        assert not answer(asked, hits((overview, 0.95, 10.0))).abstained, asked
    for asked in ("西区の取組は？", "西区の取り組みを全部教えて", "西区の事業一覧"):  # the ward's initiatives as such
        assert not answer(asked, hits((overview, 0.95, 10.0))).abstained, asked
    assert answer("西区の保育園の取組は？", hits((overview, 0.95, 10.0))).abstained  # 保育園 still unnamed
    # a person as such (人) is no subject: who is asked the adjective tells; 外国 the overview never names
    young = chunk("p#L140", "清田区：概況", kind="narrative", ward="清田区", section=("清田区", "概況"),
                  text="自然を生かした街並みが形成されており、比較的若い世代が多く居住しています。")
    assert not answer("清田区って若い人多いの？", hits((young, 0.95, 10.0))).abstained
    assert not answer("清田区って若い家族が多いの？", hits((young, 0.95, 10.0))).abstained
    assert answer("清田区って外国の人多い？", hits((young, 0.95, 10.0))).abstained


def test_what_a_ward_is_like_is_its_overview_from_its_start():
    """「南区ってどんなまち？」, 「手稲区ってどういう地域？」, 「清田区の特色は？」 ask what the ward is like (まち is the
    ward itself): its overview, quoted from where the ward lies — was not found (まち, 特徴 unnamed in the
    overview), or an initiative of the ward sharing the word (地域活動 for 地域), or a later sentence sharing it
    (「一方、…地域」)."""
    start = replace(chunk("p#L97", "手稲区：概況", kind="narrative", ward="手稲区", section=("手稲区", "概況"),
                          text="手稲区は、市の北西部に位置し、小樽市と石狩市に接しています。"),
                    source=Source("plan.txt", 97, 97))
    later = replace(chunk("p#L99", "手稲区：概況", kind="narrative", ward="手稲区", section=("手稲区", "概況"),
                          text="一方、北部から東部にかけては、星置地区などの新興住宅地や農業地域が広がっています。"),
                    source=Source("plan.txt", 99, 99))
    activity = chunk("p#L120", "町内会をはじめとする地域活動の支援", ward="手稲区",
                     section=("手稲区", "取組目標・主な取組", "目標2:地域の絆づくり"),
                     text="町内会活動の理解を進める研修会を実施し、地域活動を支援します。")
    ranked = hits((activity, 0.93, 12.0), (later, 0.92, 11.0), (start, 0.90, 8.0))
    for asked in ("手稲区ってどんなまち？", "手稲区ってどういう地域？", "手稲区の特色は？", "手稲区の特徴を教えて"):
        result = answer(asked, ranked)
        assert not result.abstained, asked
        assert result.citations[0].hit.chunk is start, asked
        assert result.text.splitlines()[0].endswith("小樽市と石狩市に接しています [1]。"), asked
    for asked in ("What is Teine ward like?", "What kind of place is Teine ward?"):  # in English too
        assert answer(asked, ranked).citations[0].hit.chunk is start, asked
    doing = answer("What is Teine ward doing for community activities?", ranked)
    assert doing.citations[0].hit.chunk is activity
    told = answer("Tell me about the Teine ward activities", ranked)  # a thing of the ward, not the ward
    assert told.citations[0].hit.chunk is activity
    # (a full stop ends the question as a question mark does)
    for asked in ("Tell me about Teine ward", "Tell me about Teine ward.", "What is Teine ward like."):
        assert answer(asked, ranked).citations[0].hit.chunk is start, asked
    # a subject beside the ward's words is asked of as before: 地域活動 leads, 町内会 named
    assert answer("手稲区の地域活動は？", ranked).citations[0].hit.chunk is activity
    assert answer("手稲区の町内会の取組は？", ranked).citations[0].hit.chunk is activity
    # a place to do something is asked what is done there (場所 and ところ name the ward only on their own)
    for asked in ("手稲区で地域の人と集まれる場所ある？", "手稲区で地域の人と活動できるところ"):
        assert answer(asked, ranked).citations[0].hit.chunk is activity, asked
    assert answer("手稲区ってどんな場所？", ranked).citations[0].hit.chunk is start


def test_where_a_ward_lies_is_its_overview_not_a_place_left_unstated():
    """「手稲区ってどこにあるの？」 asks where the ward itself lies — its overview says (北西部に位置し), no place the plan
    leaves out; "Which wards border Teine?" and "Where is Teine ward?" too. A thing of the ward asked where
    (「手稲区の公園ってどこにあるの？」, "Where is the Teine ward office?") is still not stated."""
    start = replace(chunk("p#L97", "手稲区：概況", kind="narrative", ward="手稲区", section=("手稲区", "概況"),
                          text="手稲区は、市の北西部に位置し、小樽市と石狩市に接しています。"),
                    source=Source("plan.txt", 97, 97))
    flowers = chunk("p#L120", "花いっぱいのまちづくり", ward="手稲区", section=("手稲区", "取組目標・主な取組", "目標1:花"),
                    text="区内の公園や駅前に花を植えます。")
    ranked = hits((flowers, 0.93, 12.0), (start, 0.90, 8.0))
    for asked in ("手稲区ってどこにあるの？", "手稲区ってどのあたり？", "Where is Teine ward?", "Which wards border Teine?",
                  "What wards are next to Teine?"):
        result = answer(asked, ranked)
        assert not result.abstained, asked
        assert result.citations[0].hit.chunk is start, asked
    for asked in ("手稲区の公園ってどこにあるの？", "Where is the Teine ward office?"):
        assert answer(asked, ranked).abstained, asked
    # (neighbours as people: what the ward does for them, not where it lies)
    assert answer("Does Teine ward help neighbours plant flowers?", ranked).citations[0].hit.chunk is flowers


def test_a_ward_overview_asked_for_the_like_of_another_wards_topic_must_name_what_was_asked():
    """「豊平区にもある？」 after 西区's dementia support is asked as 「豊平区 家族向けの集まりってある？」: 豊平区's
    overview, lifted by the ward's name, names no 集まり — not found there (was answered with the overview). A
    follow-up asked of the ward itself (「山とかある？」 after its overview, no ``alike``) is not judged."""
    overview = chunk("p#L7", "豊平区：概況", kind="narrative", ward="豊平区", section=("豊平区", "概況"),
                     text="豊平区は、札幌市の南東部に位置し、東は清田区と接しています。")
    dementia = chunk("p#L150", "認知症の方や家族への支援", ward="西区", section=("西区", "取組目標・主な取組", "目標1"),
                     text="介護者同士の交流会等を開催します。")
    asked = query("豊平区 家族向けの集まりってある？")
    assert compose(asked, hits((overview, 0.95, 10.0)), PROFILE, in_context=True, alike=dementia).abstained
    assert not compose(asked, hits((overview, 0.95, 10.0)), PROFILE, in_context=True).abstained


def test_a_ward_overview_names_a_word_typed_in_kana_in_the_plan_spelling_it_was_searched_with():
    """「清田区 じしんの ひがい さとづか」 is searched with the plan's 被害 and 里塚 too (`index.query.understand`): the
    overview naming them speaks of it; searched with no word the overview names, it does not."""
    overview = chunk("p#L140", "清田区：概況", kind="narrative", ward="清田区", section=("清田区", "概況"),
                     text="北海道胆振東部地震において、大きな被害を受けた里塚地区の工事が終了しています。")
    asked = query("清田区 じしんの ひがい さとづか")
    assert compose(asked, hits((overview, 0.95, 10.0)), PROFILE).abstained
    read = replace(asked, search_text=f"{asked.text} 被害 里塚")
    assert not compose(read, hits((overview, 0.95, 10.0)), PROFILE).abstained
    assert compose(replace(asked, search_text=f"{asked.text} 保育園"), hits((overview, 0.95, 10.0)), PROFILE).abstained


def test_a_silent_ward_overview_yields_to_the_wards_relevant_passage_that_names_the_subject():
    """「やまめ」 is in 西区's 2019 review, retrieved second; the overview leads by the ward's name alone."""
    overview = chunk("p#L136", "西区：概況", kind="narrative", ward="西区", section=("西区", "概況"),
                     text="西区は10区の中で2番目の広さがあります。琴似発寒川の扇状地として発展しました。")
    review = chunk("p#L150", "西区：アクションプラン 2019 におけるまちづくりの取組", kind="narrative", ward="西区",
                   section=("西区", "アクションプラン 2019 におけるまちづくりの取組"),
                   text="琴似発寒川の一斉清掃、やまめの稚魚放流などを実施しました。")
    result = answer("西区って前にやまめの放流とかやってたよね？", hits((overview, 0.95, 10.0), (review, 0.93, 10.0)))
    assert not result.abstained and result.citations[0].hit.chunk is review
    assert "やまめの稚魚放流" in result.text.splitlines()[0]
    # another ward's passage, or one below the threshold, does not stand in: not found, as before
    other = replace(review, id="p#L160", ward="手稲区", title="手稲区：アクションプラン 2019 におけるまちづくりの取組")
    assert answer("西区って前にやまめの放流とかやってたよね？", hits((overview, 0.95, 10.0), (other, 0.93, 10.0))).abstained
    assert answer("西区って前にやまめの放流とかやってたよね？", hits((overview, 0.95, 10.0), (review, 0.80, 0.0))).abstained


def test_a_silent_ward_overview_yields_to_the_wards_initiative_relevant_without_the_wards_name():
    """「清田区って災害に強いまちづくりしてる？」: the overview leads by the ward's name; the ward's disaster drills
    name 防災, not 災害 — but are as relevant without the ward's name as an answer must be with it: they lead.
    One relevant only with the name (保育園's 空き状況 of the ward's child-rearing salon) does not."""
    overview = chunk("p#L52", "清田区：概況", kind="narrative", ward="清田区", section=("清田区", "概況"),
                     text="清田区は市の南東部に位置し、自然を生かした街並みが形成されています。")
    drills = chunk("p#L85", "きよた地域防災力強化事業", ward="清田区",
                   text="地域防災力を高めるため、区内すべての基幹避難所で住民とともに開設訓練を実施します。")

    def scored(without_ward):
        return ward_scored((overview, 0.88, 0.82), (drills, 0.89, without_ward))

    led = answer("清田区って災害に強いまちづくりしてる？", scored(0.87))
    assert not led.abstained and led.citations[0].hit.chunk is drills
    assert answer("清田区って災害に強いまちづくりしてる？", scored(0.83)).abstained


def test_a_ward_overview_naming_part_of_the_question_yields_to_a_passage_of_the_ward_naming_more():
    """「西区の発寒川でヤマメ放流してるって本当？」: the overview names 発寒川, the 2019 review 発寒川, やまめ (ヤマメ read
    alike) and 放流 — the review leads; with no passage naming more, the overview still does."""
    overview = chunk("p#L136", "西区：概況", kind="narrative", ward="西区", section=("西区", "概況"),
                     text="西区は10区の中で2番目の広さがあります。琴似発寒川の扇状地として発展しました。")
    review = chunk("p#L150", "西区：アクションプラン 2019 におけるまちづくりの取組", kind="narrative", ward="西区",
                   section=("西区", "アクションプラン 2019 におけるまちづくりの取組"),
                   text="琴似発寒川の一斉清掃、やまめの稚魚放流などを実施しました。")
    ranked = hits((overview, 0.95, 10.0), (review, 0.93, 10.0))
    assert answer("西区の発寒川でヤマメ放流してるって本当？", ranked).citations[0].hit.chunk is review
    assert answer("西区の発寒川ってどんな川？", ranked).citations[0].hit.chunk is overview
    # a noun within one of the passage's compounds is named (魚 of 稚魚), a person as such is no subject
    assert answer("西区の川で魚放すイベントって前にあった？", ranked).citations[0].hit.chunk is review
    assert answer("西区の川って若い人に人気？", ranked).citations[0].hit.chunk is overview


def test_what_another_ward_has_asked_of_a_ward_without_it_is_not_found_there():
    """「豊平区で認知症の家族の支援ある？」: 豊平区's disaster seminars lead by the ward's name and 支援 (0.83 without the
    name), while 西区's 認知症の方や家族への支援 is far more relevant without it (0.93): not found in 豊平区, 西区's
    passage shown first and named in a note. Near each other (0.86), the ward's own initiative leads."""
    seminars = chunk("p#L40", "地域防災研修会等支援事業", ward="豊平区", text="町内会の防災研修会を支援します。")
    dementia = chunk("p#L159", "認知症の方や家族への支援", ward="西区", text="介護者同士の交流会等を開催します。")

    def scored(other):
        return ward_scored((seminars, 0.88, 0.834), (dementia, 0.90, other))

    refused = answer("豊平区で認知症の家族の支援ある？", scored(0.93))
    assert refused.abstained and refused.citations[0].hit.chunk is dementia
    assert any("西区に「認知症の方や家族への支援」" in note for note in refused.notes)
    led = answer("豊平区で認知症の家族の支援ある？", scored(0.86))
    assert not led.abstained and led.citations[0].hit.chunk is seminars


def test_a_question_naming_no_ward_needs_an_overview_that_speaks_of_most_of_what_it_asks():
    """No ward named: a ward's overview found by one shared word (駅) is not an answer to 「全部の駅にエレベーター
    ってある？」; one that speaks of most of the question (里塚, 地震, 被害) is."""
    overview = chunk("p#L136", "西区：概況", kind="narrative", ward="西区", section=("西区", "概況"),
                     text="JR琴似駅の周辺に商業施設が集まっています。")
    result = answer("札幌の地下鉄、全部の駅にエレベーターってある？", hits((overview, 0.95, 10.0)))
    assert result.abstained and result.text.startswith(NOT_IN_PLAN_JA)
    assert not answer("西区の駅の周りってどんな感じ？", hits((overview, 0.95, 10.0))).abstained  # the ward named
    kiyota = chunk("p#L150", "清田区：概況", kind="narrative", ward="清田区", section=("清田区", "概況"),
                   text="平成30年の北海道胆振東部地震において、大きな被害を受けた里塚地区については、公園の再整備を行いました。")
    assert not answer("胆振東部地震で被害を受けた里塚の復旧工事って、もう終わったの？",
                      hits((kiyota, 0.95, 10.0))).abstained


def test_a_wards_initiative_naming_every_subject_noun_of_a_short_question_is_an_answer():
    """「手稲区のキャラは？」: a short question's vector says little without the ward's name, but the passage names
    キャラ(クター) — about it, and 「…の名前は？」 asks what it is called; 「手稲区の犬の公園は？」 names 犬 the passage
    does not."""
    mascot = chunk("p#L240", "ていねを活用した魅力発信", ward="手稲区",
                   text="手稲区マスコットキャラクター「ていね」を活用した魅力発信に取り組みます。公園でも活動します。")
    scored = [Hit(mascot, 1.0, 1, {"dense": 0.88, "lexical": 2.0, "dense_ward_free": 0.81,
                                   "description_ward_free": 0.80, "lexical_ward_free": 2.0})]
    assert not answer("手稲区のキャラは？", scored).abstained
    assert answer("手稲区の犬の公園は？", scored).abstained
    # 「…の名前は？」 asks what the thing named is called: 名前 is no thing the passage must name
    assert not answer("手稲区のキャラクターの名前は？", scored).abstained
    assert answer("手稲区の犬の公園の名前は？", scored).abstained


def test_what_to_do_after_a_loss_is_answered_only_by_a_passage_that_speaks_of_such_a_case():
    lost = answer("マイナンバーカードをなくしたらどうすればいい？", hits((CENTER, 0.92, 10.0)))
    assert lost.abstained and lost.citations[0].hit.chunk is CENTER
    assert lost.text.startswith("この計画（抜粋）には紛失・期限切れなど個別の場合の対処法の記載はありません。")
    reissue = replace(CENTER, text=CENTER.text + "紛失時の再発行の手続きもできます。")
    assert not answer("マイナンバーカードをなくしたらどうすればいい？", hits((reissue, 0.92, 10.0))).abstained


def test_a_wards_initiative_relevant_only_with_the_wards_name_is_not_an_answer():
    """手稲区's name lifts its initiative that names a 公園; without the name (「区で犬を…」) it is not relevant."""
    flowers = chunk("p#L230", "自生植物保全事業", ward="手稲区",
                    text="富丘西公園のスズランなど貴重な自生植物の保全に努めます。")

    def scored(passage, without_ward):
        return [Hit(passage, 1.0, 1, {"dense": 0.88, "lexical": 2.0, "dense_ward_free": without_ward,
                                       "description_ward_free": without_ward - 0.01, "lexical_ward_free": 2.0})]

    dog = answer("手稲区で犬を放して遊ばせられる公園ある？", scored(flowers, 0.81))
    assert dog.abstained and dog.text.startswith(NOT_IN_PLAN_JA) and dog.citations[0].hit.chunk is flowers
    assert Relevance().without_ward(scored(flowers, 0.81)[0]) == pytest.approx(0.81 + 0.0025 * 2.0)
    assert not answer("手稲区でスズランを守る活動ってある？", scored(flowers, 0.86)).abstained
    # English: against its own threshold (0.82) less 0.01 — 0.80 without the ward is not relevant
    assert answer("Is there a dog park in Teine ward?", scored(flowers, 0.80)).abstained
    assert not answer("Does Teine ward protect lily of the valley flowers?", scored(flowers, 0.83)).abstained
    # not judged: a follow-up read in context, a kana-written question, a hit not scored without the ward,
    # a city-wide passage, a ward's narrative passage (`_passage_speaks_of` judges those); another ward's
    # passage never leads a question asking of one ward
    assert not compose(query("手稲区で犬を放して遊ばせられる公園ある？"), scored(flowers, 0.81), PROFILE,
                       in_context=True).abstained
    assert not answer("ていねくで いぬを あそばせられる こうえん ある？", scored(flowers, 0.81)).abstained
    assert not answer("手稲区で犬を放して遊ばせられる公園ある？", hits((flowers, 0.88, 2.0))).abstained
    elsewhere = answer("西区で犬を放して遊ばせられる公園ある？", scored(flowers, 0.81))
    assert elsewhere.abstained and elsewhere.citations[0].hit.chunk is flowers
    overview = chunk("p#L99", "手稲区：概況", kind="narrative", ward="手稲区", section=("手稲区", "概況"),
                     text="手稲区は市の北西部に位置し、公園や緑地に恵まれています。")
    assert not answer("手稲区って公園が多いの？", scored(overview, 0.81)).abstained


def test_a_question_about_what_a_ward_did_before_is_answered_by_its_review_when_close():
    """「南区の芸術祭、前にやってたよね？」: the ward's review of its previous plan (told in ました) recounts it; the
    ward's current initiative, a little ahead, plans it. Asked of now, the initiative leads."""
    art = chunk("p#L125", "若者の芸術・文化活動を通じた南区まちづくり事業", ward="南区",
                text="若者による芸術・文化活動を支援します。")
    review = chunk("p#L111", "南区：アクションプラン 2019 におけるまちづくりの取組", kind="narrative", ward="南区",
                   section=("南区", "アクションプラン 2019 におけるまちづくりの取組"),
                   text="芸術祭を開催し、若者の活動を支援しました。")
    ranked = hits((art, 0.90, 10.0), (review, 0.89, 9.0))
    assert answer("南区の芸術祭、前にやってたよね？", ranked).citations[0].hit.chunk is review
    assert answer("南区で芸術祭ってやってる？", ranked).citations[0].hit.chunk is art
    far = hits((art, 0.93, 10.0), (review, 0.86, 9.0))  # beyond the lead margin: the initiative still leads
    assert answer("南区の芸術祭、前にやってたよね？", far).citations[0].hit.chunk is art
    goal = chunk("p#L100", "目標2:地域の豊かな自然環境や文化芸術を生かしたまちづくり", kind="narrative", ward="南区",
                 section=("南区", "取組目標・主な取組"), text="目標2:地域の豊かな自然環境や文化芸術を生かしたまちづくり")
    ranked = hits((goal, 0.90, 10.0), (review, 0.89, 9.0))  # the ward's current goal leads no past either
    assert answer("南区は前の計画でどんな方針でまちづくりしてたの？", ranked).citations[0].hit.chunk is review


def test_a_ward_question_leads_with_that_wards_passage_only_when_it_is_close_to_the_best():
    ranked = hits((CENTER, 0.93, 10.0), (NISHI, 0.85, 0.0))
    result = answer("西区の区役所って新しくなるの？", ranked)
    assert query("西区の区役所って新しくなるの？").intent.kind == "ward"
    assert result.citations[0].hit.chunk.title == "札幌市マイナンバーカードセンターの運営"
    close = hits((CENTER, 0.90, 8.0), (NISHI, 0.89, 8.0))
    assert answer("西区の区役所って新しくなるの？", close).citations[0].hit.chunk.title == "地域の防災力強化"


def test_abstention_suggestions_keep_the_ranking_order_overviews_included():
    overview = chunk("p#L1", "清田区：概況", kind="narrative", ward="清田区", section=("清田区", "概況"),
                     text="清田区は市の南東部に位置します。")
    result = answer("清田区で梅の花が見られるところは？", hits((overview, 0.83, 0.0), (BULKY, 0.82, 0.0)))
    assert result.abstained
    assert [c.hit.chunk.title for c in result.citations] == ["清田区：概況", "大型ごみ収集のオンライン化"]


def _overview(id_, text):
    return chunk(id_, "豊平区：概況", kind="narrative", ward="豊平区", section=("豊平区", "概況"), text=text)


LOCATION = _overview("p#L7", "豊平区は、札幌市の南東部に位置し、東は清田区と接しています。")
AREA = _overview("p#L9", "区域面積は、46.23 平方キロメートルで、豊かな自然に恵まれています。")
SPORTS = _overview("p#L11", "また、「札幌ドーム」などのスポーツ施設も充実しています。")


def test_an_abstentions_suggestions_name_each_passage_once_in_ranking_order():
    result = answer("豊平区の住所を教えて", hits((LOCATION, 0.95, 10.0), (BULKY, 0.90, 5.0), (AREA, 0.88, 5.0)))
    assert result.abstained
    assert [c.hit.chunk.id for c in result.citations] == [LOCATION.id, BULKY.id]


def test_a_narrative_answer_quotes_the_paragraph_that_holds_the_asked_figure():
    """A ward's overview is indexed a paragraph per chunk under one title; the area is in the second."""
    result = answer("豊平区の面積ってどのくらい？", hits((LOCATION, 0.95, 10.0), (SPORTS, 0.90, 5.0), (AREA, 0.88, 5.0)))
    first = result.text.splitlines()[0]
    assert not result.abstained
    assert first == "「豊平区：概況」（豊平区）: 区域面積は、46.23 平方キロメートルで、豊かな自然に恵まれています [1]。"
    assert result.citations[0].hit.chunk.id == "p#L9"


def test_a_share_asked_of_the_overview_a_follow_up_is_about_is_quoted_though_no_word_is_shared():
    """「札幌の何割くらい？」 after 南区's area: 「全市域の約60%を占め」 shares no word with it, but the follow-up is
    asked of that overview; asked alone, of no topic, the figure is said to be missing."""
    share = _overview("p#L9", "面積は657.48k㎡で全市域の約60%を占めています。")
    ranked = hits((share, 0.95, 10.0), (LOCATION, 0.90, 5.0))
    followed = compose(query("札幌の何割くらい？"), ranked, PROFILE, in_context=True, topic=share)
    assert not followed.abstained and "約60%" in followed.text
    assert answer("札幌の何割くらい？", ranked).abstained


def _review(id_, text):
    return chunk(id_, "豊平区：アクションプラン 2019 におけるまちづくりの取組", kind="narrative", ward="豊平区",
                 section=("豊平区", "アクションプラン 2019 におけるまちづくりの取組"), text=text)


def test_how_many_is_answered_by_a_count_not_by_an_ordinal():
    """「1つ目は…事業です」 names one of the initiatives; 「4つの事業に取り組みました」 says how many."""
    first = _review("p#L19", "1つ目は、「とよひらスポーツ応援プロジェクト事業」です。")
    count = _review("p#L17", "アクションプラン 2019 では、4つの事業に取り組みました。")
    result = answer("豊平区　AP2019　事業数", hits((first, 0.95, 10.0), (count, 0.93, 9.0)))
    assert not result.abstained and "4つの事業に取り組みました" in result.text.splitlines()[0]
    rank = _overview("p#L3", "豊平区は10区の中で5番目の広さです。")
    asked = answer("豊平区って何番目に広いの？", hits((rank, 0.95, 10.0), (LOCATION, 0.90, 5.0)))
    assert not asked.abstained and "5番目の広さ" in asked.text.splitlines()[0]  # a rank asked: the ordinal answers


def test_a_quantity_asked_in_english_is_quoted_from_the_paragraph_stating_it_though_no_word_is_shared():
    """"How big is Toyohira ward?" shares no word with 「区域面積は、46.23 平方キロメートル…」: the area is enough."""
    result = answer("How big is Toyohira ward?", hits((LOCATION, 0.95, 10.0), (AREA, 0.88, 5.0)))
    assert not result.abstained
    assert "46.23 平方キロメートル" in result.text.splitlines()[0]
    assert result.citations[0].hit.chunk.id == "p#L9"


def test_a_narrative_figure_question_no_paragraph_matches_is_said_to_be_missing():
    """Numbers in the passage (the area) do not answer a question about another figure (the population)."""
    result = answer("豊平区の人口はどのくらい？", hits((LOCATION, 0.95, 10.0), (AREA, 0.88, 5.0)))
    assert result.abstained and result.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")


def test_a_population_is_answered_only_by_a_passage_naming_it_as_a_word_of_its_own():
    """「札幌市の人口って何人？」 led by the initiative counting 関係人口 (300人): its number is no population, so the
    plan is said not to state it; the compound asked whole (「関係人口の目標は何人？」) is answered."""
    ties = chunk("p#L618", "道内地域活性化連携推進事業", text="関係人口創出等を通じたまちづくり活動の促進等の取組を行います。",
                 indicator="道内地域の関係人口となった人の数(累計)", baseline=Measure(2022, "—"),
                 target=Measure(2027, "300人"))
    refused = answer("札幌市の人口って何人？", hits((ties, 0.92, 10.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    said = answer("関係人口の目標は何人？", hits((ties, 0.92, 10.0)))
    assert not said.abstained and "300人" in said.text.splitlines()[0]


def test_what_kind_of_city_hall_the_city_means_to_be_is_answered_by_the_heading_of_what_it_aims_to_be():
    review = chunk("p#L415", "不断の行政改革の推進：現状と課題", kind="narrative",
                   text="札幌市では、市役所内の全ての業務についての業務量調査を実施しました。")
    aimed = chunk("p#L248", "行政運営の目指す姿", kind="narrative",
                  text="“市民のために、協働し、挑戦する市役所” - 市民に信頼される市役所を目指します。")
    for asked in ("札幌市役所ってどんな市役所を目指してるの？", "What kind of city hall does Sapporo want to be?"):
        result = answer(asked, hits((review, 0.90, 9.4), (aimed, 0.89, 9.2)))
        assert result.citations[0].hit.chunk.id == aimed.id, asked
    surveyed = answer("市役所の業務量調査って何？", hits((review, 0.90, 9.4), (aimed, 0.89, 9.2)))
    assert surveyed.citations[0].hit.chunk.id == review.id  # no aim asked: the best passage leads


def test_a_narrative_answer_keeps_the_best_hits_paragraph_unless_another_fits_the_question_better():
    result = answer("豊平区ってどんなところ？", hits((LOCATION, 0.95, 10.0), (SPORTS, 0.90, 5.0)))
    assert result.citations[0].hit.chunk.id == "p#L7"  # nothing but the ward's name in the question
    sports = answer("豊平区のスポーツ施設は？", hits((LOCATION, 0.95, 10.0), (SPORTS, 0.90, 5.0)))
    assert sports.text.splitlines()[0].endswith("「札幌ドーム」などのスポーツ施設も充実しています [1]。")


def test_a_when_question_leads_with_the_close_passage_that_states_a_date_and_quotes_it():
    center = chunk("p#L512", "行政事務センター運営事業", text="定型的な業務を集約する行政事務センターを安定運営します。")
    review = chunk("p#L415", "不断の行政改革の推進：現状と課題", kind="narrative",
                   text="業務量調査を実施しました。令和3年（2021年）6月には、行政事務センターを設置しました。")
    result = answer("行政事務センターっていつできたの？", hits((center, 0.90, 10.0), (review, 0.89, 8.0)))
    assert result.citations[0].hit.chunk.id == review.id
    assert result.text.splitlines()[0].endswith("令和3年（2021年）6月には、行政事務センターを設置しました [1]。")
    plain = answer("行政事務センターについて教えて", hits((center, 0.90, 10.0), (review, 0.89, 8.0)))
    assert plain.citations[0].hit.chunk.id == center.id  # no date asked: the best hit leads


def test_a_when_question_is_answered_by_a_year_written_into_an_events_name():
    """「南区芸術祭2022」 states when the festival was held: the review naming it answers 「何年にやったの？」, not
    the initiative ranked first with no date, refused as stating none."""
    arts = chunk("p#L112", "若者の芸術・文化活動を通じた南区まちづくり事業", ward="南区",
                 text="区ゆかりのアーティストや地域住民と連携したアートイベントを実施します。")
    review = chunk("p#L111", "南区：アクションプラン 2019 におけるまちづくりの取組", kind="narrative", ward="南区",
                   text="区制50周年記念「南区芸術祭2022 ミンナミニイクミナミナク」を開催しました。")
    result = answer("南区の芸術祭って何年にやったの？", hits((arts, 0.90, 10.0), (review, 0.89, 8.0)))
    assert not result.abstained and result.citations[0].hit.chunk.id == review.id


def test_when_it_will_start_is_answered_by_the_year_of_the_initiatives_target():
    """The plan states no start dates; an initiative's target row says by when (2023年: 設置): 「いつから使える？」
    leads with it in both languages, saying the start itself is not stated; a passage with no target does not."""
    kiosk = chunk("p#L400", "マイナンバーカードを活用した申請書作成支援システムの試験的導入",
                  text="申請書作成支援システムを中央区役所仮庁舎に試験的に導入します。",
                  indicator="中央区仮庁舎における申請書作成支援システムの設置",
                  baseline=Measure(2022, "—"), target=Measure(2023, "設置"))
    said = answer("申請書作成支援システムっていつから使えるの？", hits((kiosk, 0.92, 10.0)))
    assert not said.abstained and said.text.splitlines()[0].startswith(
        "「マイナンバーカードを活用した申請書作成支援システムの試験的導入」の開始時期の記載はありませんが、2023年までの目標")
    assert "2023年: 設置" in said.text.splitlines()[0] and "目標:" not in said.text  # the row is said once
    english = answer("When will the application kiosk be introduced?", hits((kiosk, 0.92, 10.0)))
    assert english.text.startswith("The plan gives no start date for") and "set for 2023" in english.text
    # when it changes is when it starts (「いつリニューアル？」 was answered with the passage, as if it said when)
    for asked in ("申請書作成支援システムっていつリニューアル？", "申請書作成支援システムはいつ変わるの？",
                  "申請書作成支援システムでいつ便利になる？"):
        changed = answer(asked, hits((kiosk, 0.92, 10.0)))
        assert changed.text.splitlines()[0].startswith(
            "「マイナンバーカードを活用した申請書作成支援システムの試験的導入」の開始時期の記載はありませんが"), asked
    plain = answer("大型ごみのネット申込はいつ始まるの？", hits((chunk("p#L1", "大型ごみ収集のオンライン化"), 0.92, 10.0)))
    # no target row: the missing date said, the passage shown as the closest
    assert plain.abstained and plain.text.splitlines()[0] == "この計画（抜粋）には開始時期の記載はありません。"
    assert plain.citations[0].hit.chunk.title == "大型ごみ収集のオンライン化"
    # a staff look-up of when applying online starts: the same answer, not an application period refused
    terse = answer("粗大ゴミ　ネット申込　いつから", hits((chunk("p#L1", "大型ごみ収集のオンライン化"), 0.92, 10.0)))
    assert terse.abstained and terse.text.splitlines()[0] == "この計画（抜粋）には開始時期の記載はありません。"


def test_a_when_question_naming_no_subject_keeps_its_best_passage_rather_than_any_dated_one():
    """「それっていつから始まったの？」 (its topic searched with it) is about the best passage; another passage that merely
    states a date (令和4年改正児童福祉法) does not take its place."""
    square = chunk("p#L60", "子育て応援交流広場事業", text="子育て世代同士がつながる機会を提供します。")
    centre = chunk("p#L620", "区子ども家庭支援体制強化事業", text="令和4年改正児童福祉法で新設されたセンターを設置します。")
    said = answer("それっていつから始まったの？", hits((square, 0.92, 10.0), (centre, 0.90, 9.0)))
    assert said.citations[0].hit.chunk is square and said.abstained
    assert "開始時期の記載はありません" in said.text
    named = answer("こども家庭センターっていつから始まったの？", hits((square, 0.92, 10.0), (centre, 0.90, 9.0)))
    assert named.citations[0].hit.chunk is centre and "開始時期" not in named.text


def test_a_when_question_naming_no_subject_is_answered_by_the_term_its_topics_title_runs():
    """「そこっていつできたの？」 of the centre's operation, whose row states no date: the glossary's entry for the centre
    its title names (令和3年8月に開設) answers; an entry for a term the title does not name does not."""
    term = chunk("p#L380", "札幌市マイナンバーカードセンター", kind="glossary", term="札幌市マイナンバーカードセンター",
                 text="札幌市マイナンバーカードセンター：令和3年8月に開設。平日夜間や土日でも手続が可能。",
                 definition="令和3年8月に開設。平日夜間や土日でも手続が可能。")
    said = answer("そこっていつできたの？", hits((CENTER, 0.92, 10.0), (term, 0.91, 9.0)))
    assert said.citations[0].hit.chunk is term and "令和3年8月に開設" in said.text.splitlines()[0]
    other = replace(term, id="p#L381", title="行政事務センター", term="行政事務センター")
    kept = answer("そこっていつできたの？", hits((CENTER, 0.92, 10.0), (other, 0.91, 9.0)))
    assert kept.citations[0].hit.chunk is CENTER and "開始時期の記載はありません" in kept.text


def test_an_abbreviation_no_glossary_entry_names_is_said_to_be_undefined_with_the_passage_naming_it():
    """「PFIってなに？」 led by the glossary's PFS entry, which never names PFI: the plan defines no PFI — said so,
    the initiative that names PPP/PFI first; 「PFSってなに？」 is its definition, and so is a slip of its letters;
    「CUDってなに？」 of カラーユニバーサルデザイン, which a passage writes 「CUD（カラーユニバーサルデザイン）」, too."""
    term = chunk("p#L700", "成果連動型民間委託契約方式(PFS)", kind="glossary", term="成果連動型民間委託契約方式(PFS)",
                 text="成果連動型民間委託契約方式(PFS)：成果指標の改善状況に連動して支払額が決まる委託の方式。",
                 definition="成果指標の改善状況に連動して支払額が決まる委託の方式。")
    ppp = chunk("p#L610", "官民連携による公共施設等の建設、維持管理、運営の推進", text="PPP/PFI手法を活用します。")
    ranked = hits((term, 0.91, 4.0), (ppp, 0.90, 6.0))
    undefined = answer("PFIってなに？", ranked)
    assert undefined.abstained and undefined.topic_found
    assert undefined.text.startswith("この計画（抜粋）には用語の説明（定義）の記載はありません。")
    assert undefined.citations[0].hit.chunk is ppp
    defined = answer("PFSってなに？", ranked)
    assert not defined.abstained and defined.citations[0].hit.chunk is term
    for question in ("SPFってなに？",  # PFS's letters, mistyped
                     # IT: not what is asked
                     "What is the city's plan for its IT contracts that pay for results?"):
        assert not answer(question, ranked).abstained, question
    cud = chunk("p#L720", "カラーユニバーサルデザイン", kind="glossary", term="カラーユニバーサルデザイン",
                text="カラーユニバーサルデザイン：色覚の個人差を問わず利用しやすい情報を提供する考え方。",
                definition="色覚の個人差を問わず利用しやすい情報を提供する考え方。")
    ud = chunk("p#L560", "ユニバーサルデザインを取り入れた情報発信の充実", text="CUD（カラーユニバーサルデザイン）を推進します。")
    named = answer("CUDってなに？", hits((cud, 0.91, 4.0), (ud, 0.90, 6.0)))  # named beside the term
    assert not named.abstained and named.citations[0].hit.chunk is cud
    # an entry that only uses the abbreviation does not define it (「DXってなに」 was told what the team is), nor
    # does a passage naming the entry and the abbreviation apart
    coe = chunk("p#L730", "デジタル改革推進チーム（デジタルC o E）", kind="glossary",
                term="デジタル改革推進チーム（デジタルC o E）",
                text="デジタル改革推進チーム（デジタルC o E）：DXの課題に対して、部局が協働して解決を図るチーム。",
                definition="DXの課題に対して、部局が協働して解決を図るチーム。")
    team = chunk("p#L540", "行政DXの推進", text="デジタル改革推進チーム（デジタルC o E）が行政DXを推進します。")
    for question in ("DXってなに？", "DXとは？"):
        undefined = answer(question, hits((coe, 0.91, 4.0), (team, 0.90, 6.0)))
        assert undefined.abstained and "用語の説明（定義）の記載はありません" in undefined.text, question
    assert not answer("CoEってなに？", hits((coe, 0.91, 4.0), (team, 0.90, 6.0))).abstained  # in its name


def test_an_english_question_on_a_fact_bound_to_its_subject_is_judged_on_the_plans_words_for_it():
    """"open on weekends?" of the centre open 土日 is answered (its words in the plan's Japanese: マイナンバーカード);
    of a desk whose passage states no such days it is refused."""
    said = answer("Is the My Number card center open on weekends?", hits((CENTER, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is CENTER
    refused = answer("Is the bulky garbage desk open on weekends?", hits((BULKY, 0.92, 10.0)))
    assert refused.abstained and "opening days" in refused.text.splitlines()[0]


@pytest.mark.parametrize(("question", "answered"), [
    ("マイナンバーカードセンターって土曜日もやってる？", True),
    ("マイナンバーカードセンターって休日もやってる？", True),
    ("マイナンバーカードセンターって夜もやってる？", True),  # 平日夜間
    ("マイナンバーカードセンターって祝日もやってる？", False),  # 土日 is stated, 祝日 is not
    ("マイナンバーカードセンターって年末年始もやってる？", False),
    ("Is the My Number card center open on national holidays?", False),
])
def test_open_days_are_answered_only_by_a_passage_stating_the_days_asked(question, answered):
    assert answer(question, hits((CENTER, 0.92, 10.0))).abstained is not answered


def test_staff_pay_is_answered_only_by_a_passage_on_the_pay_of_those_asked_about():
    managed = chunk("p#L610", "指定管理施設におけるサービス向上",
                    text="賃金水準変動率に応じて指定管理費を変更する賃金スライド制度を導入し、指定管理施設で働く職員の労働条件の向上を後押しします。")
    said = answer("市の施設で働いてる人の給料、物価に合わせて上がる仕組みってあるの？", hits((managed, 0.92, 10.0)))
    assert not said.abstained and said.citations[0].hit.chunk is managed
    refused = answer("札幌市の職員の平均年収は？", hits((BULKY, 0.92, 10.0)))
    assert refused.abstained and refused.text.startswith("この計画（抜粋）には職員の給与・人数・雇用形態の記載はありません。")
    # naming no one but the city's own staff: the passage on 指定管理施設's wages does not answer it
    for question in ("市の職員の給料って今年上がるの？", "How much do city employees earn?",
                     "What is the average salary of Sapporo city employees?"):
        staff = answer(question, hits((managed, 0.92, 10.0)))
        assert staff.abstained and "職員の給与・人数・雇用形態の記載はありません" in staff.text, question


def test_a_department_question_on_a_term_is_answered_by_the_initiative_that_uses_it():
    """A glossary entry names no department: 「ネーミングライツの部署は？」 leads with the initiative citing the term,
    even outside the lead margin; a question on the term itself still gets its definition."""
    term = chunk("p#L591", "ネーミングライツ", kind="glossary", text="ネーミングライツ：施設の名称に企業名などをつける権利。",
                 term="ネーミングライツ", definition="施設の名称に企業名などをつける権利。")
    naming = chunk("p#L597", "広告事業、ネーミングライツ導入の促進", text="ネーミングライツの導入を促進します。",
                   departments=(Department("総) 行政部", "総務局", "行政部"),),
                   glossary=(GlossaryLink(201, "ネーミングライツ", "p#L591"),))
    unrelated = chunk("p#L1", "共通業務の集約化の検討", text="共通業務を集約します。",
                      departments=(Department("総) 行政部", "総務局", "行政部"),))
    ranked = hits((term, 0.95, 10.0), (unrelated, 0.80, 1.0), (naming, 0.79, 5.0))
    said = answer("ネーミングライツも同じ部署？", ranked)
    assert said.citations[0].hit.chunk is naming and "所管は 総務局 行政部" in said.text.splitlines()[0]
    assert answer("ネーミングライツってなに？", ranked).citations[0].hit.chunk is term
    program = chunk("p#L584", "企業のまちづくり活動・地域貢献への参加促進", kind="program", text="ネーミングライツを進めます。",
                    glossary=(GlossaryLink(201, "ネーミングライツ", "p#L591"),))
    under = replace(naming, glossary=(), parent="p#L584")  # the footnote sits in its program's text
    ranked = hits((term, 0.95, 10.0), (under, 0.80, 5.0), (program, 0.79, 1.0))
    assert answer("ネーミングライツも同じ部署？", ranked).citations[0].hit.chunk is under
    uncited = answer("ネーミングライツの部署は？", hits((term, 0.95, 10.0), (unrelated, 0.80, 1.0)))
    assert uncited.citations[0].hit.chunk is term  # no initiative uses the term: nothing better to lead with


def test_whether_the_city_does_what_a_term_names_is_answered_by_the_initiative_that_uses_it():
    """「成果が出たら払う契約ってやってるの？」, "Is the city using …?": the initiative citing the term says what the
    city does; the definition answers what the term means, and stays the lead for a question asking nothing
    of the city."""
    term = chunk("p#L700", "成果連動型民間委託契約方式(PFS)", kind="glossary", term="成果連動型民間委託契約方式(PFS)",
                 text="成果連動型民間委託契約方式(PFS)：成果指標の改善状況に連動して支払額が決まる委託の方式。",
                 definition="成果指標の改善状況に連動して支払額が決まる委託の方式。")
    pfs = chunk("p#L620", "成果連動型民間委託契約方式の活用の推進", text="成果連動型民間委託契約方式(PFS)の活用を検討します。",
                glossary=(GlossaryLink(203, "成果連動型民間委託契約方式(PFS)", "p#L700"),))
    unrelated = chunk("p#L1", "共通業務の集約化の検討", text="共通業務を集約します。")
    ranked = hits((term, 0.95, 10.0), (unrelated, 0.90, 1.0), (pfs, 0.89, 5.0))
    for question in ("市の仕事を民間に任せて、結果が出たときだけお金を払う契約ってやってるの？",
                     "Is the city using pay-for-success contracts?", "成果連動型の契約ってもう使えるの？",
                     "What's the city doing with pay-for-success contracts?",  # (what's: what is)
                     "Does the city sign pay-for-success contracts?",
                     "Is Chuo ward signing pay-for-success contracts?",
                     "成果連動型の契約、見直したりしてる？", "成果連動型の契約って見直すの？",
                     "成果連動型の契約、市はどうするつもり？", "成果連動型の契約ってこれからどうしていくの？",
                     "市は成果連動型の契約を増やしていくの？",
                     "成果連動型の契約ってちゃんと使われてる？"):  # (used, said in the passive)
        assert answer(question, ranked).citations[0].hit.chunk is pfs, question
    for question in ("成果連動型って何？", "結果が出たときだけお金を払う契約", "What does pay-for-success mean?"):
        assert answer(question, ranked).citations[0].hit.chunk is term, question
    alone = hits((term, 0.95, 10.0), (unrelated, 0.90, 1.0))  # no initiative cites the term
    assert answer("成果連動型の契約ってやってるの？", alone).citations[0].hit.chunk is term
    # the initiative retrieved after the answer's candidates (sixth) still answers
    others = [chunk(f"p#L{n}", f"別の取組{n}", text="別の取組です。") for n in range(2, 7)]
    deep = hits((term, 0.95, 10.0), *((other, 0.90 - n / 100, 1.0) for n, other in enumerate(others)),
                (pfs, 0.80, 5.0))
    assert answer("Is the city using pay-for-success contracts?", deep).citations[0].hit.chunk is pfs


def test_where_or_when_a_term_is_put_to_use_is_answered_by_the_initiative_that_names_it():
    """「書かない窓口ってどこの区役所で始まるの？」: the definition says what the term means, not where or when; the
    initiative naming the term in its text (its footnote sits on an earlier page) says where it is tried."""
    term = chunk("p#L292", "書かない窓口", kind="glossary", term="書かない窓口",
                 text="書かない窓口：利用者が申請書に手書きすることなく手続きができる窓口を指す。",
                 definition="利用者が申請書に手書きすることなく手続きができる窓口を指す。")
    trial = chunk("p#L360", "申請書作成支援システムの試験的導入",
                  text="申請書作成支援システムを中央区役所仮庁舎に試験的に導入し、「書かない窓口」機能の実現に向けた検討を行います。",
                  indicator="中央区仮庁舎における申請書作成支援システムの設置",
                  baseline=Measure(2022, "—"), target=Measure(2023, "設置"))
    unrelated = chunk("p#L1", "共通業務の集約化の検討", text="共通業務を集約します。")
    ranked = hits((term, 0.95, 10.0), (unrelated, 0.90, 1.0), (trial, 0.89, 5.0))
    for question in ("書かない窓口ってどこの区役所で始まるの？", "書かない窓口っていつから？",
                     "Where will the no-handwriting counter be tried?",
                     # (a place asked, which the definition leaves unstated: not refused for it)
                     "書かない窓口ってどこの区役所にあるの？", "書かない窓口 どこの区役所"):
        result = answer(question, ranked)
        assert not result.abstained and result.citations[0].hit.chunk is trial, question
    for question in ("書かない窓口ってなに？", "書かない窓口ってどんな窓口？"):
        assert answer(question, ranked).citations[0].hit.chunk is term, question
    # (stated in the text that uses the term, not in its target row: 指定管理者評価 is no selection)
    managed = chunk("p#L99", "指定管理施設", kind="glossary", term="指定管理施設",
                    text="指定管理施設：公の施設の管理を指定管理者に行わせている施設。",
                    definition="公の施設の管理を指定管理者に行わせている施設。")
    service = chunk("p#L640", "指定管理施設におけるサービス向上", text="指定管理施設で働く職員の労働条件の向上を後押しします。",
                    indicator="指定管理者評価(A評価の数)", baseline=Measure(2022, "9施設"), target=Measure(2027, "23施設"))
    assert answer("指定管理者ってどうやって選ばれるの？", hits((managed, 0.95, 10.0), (service, 0.90, 5.0))).abstained
    unnamed = replace(trial, text="申請書作成支援システムを中央区役所仮庁舎に試験的に導入します。")
    assert answer("書かない窓口ってどこの区役所で始まるの？",
                  hits((term, 0.95, 10.0), (unnamed, 0.89, 5.0))).citations[0].hit.chunk is term


def test_a_by_when_question_on_a_term_whose_definition_states_the_date_is_answered_by_the_definition():
    """「システム標準化っていつまでに？」: the term's definition states its own deadline (令和7年度末まで); the
    initiative that uses the term has a target row on something else. A term whose definition states no
    date, or a question asking a number, still leads with the initiative."""
    dated = chunk("p#L337", "システム標準化", kind="glossary", term="システム標準化",
                  text="システム標準化：主要な20業務のシステムを標準仕様で構築するもの。移行目標時期は令和7年度末までとされている。",
                  definition="主要な20業務のシステムを標準仕様で構築するもの。移行目標時期は令和7年度末までとされている。")
    online = chunk("p#L328", "行政手続のオンライン化推進", text="システム標準化の対象事務を中心にオンライン化します。",
                   indicator="オンラインカバー率", baseline=Measure(2022, "30.8%"), target=Measure(2027, "70%"),
                   glossary=(GlossaryLink(12, "システム標準化", "p#L337"),))
    ranked = hits((dated, 0.95, 10.0), (online, 0.90, 5.0))
    for question in ("システム標準化っていつまでにやるの？", "By when will the system standardization be done?"):
        said = answer(question, ranked)
        assert said.citations[0].hit.chunk is dated and "令和7年度末まで" in said.text.splitlines()[0], question
    assert answer("システム標準化の目標は何%？", ranked).citations[0].hit.chunk is online
    undated = replace(dated, text="システム標準化：主要な20業務のシステムを標準仕様で構築するもの。",
                      definition="主要な20業務のシステムを標準仕様で構築するもの。")
    assert answer("システム標準化っていつまでにやるの？",
                  hits((undated, 0.95, 10.0), (online, 0.90, 5.0))).citations[0].hit.chunk is online


def test_a_when_question_looks_past_the_margin_for_a_dated_passage_on_the_same_subject():
    center = chunk("p#L512", "行政事務センター運営事業", text="定型的な業務を集約する行政事務センターを安定運営します。")
    review = chunk("p#L415", "不断の行政改革の推進：現状と課題", kind="narrative",
                   text="令和3年（2021年）6月には、行政事務センターを設置しました。")
    other = chunk("p#L300", "札幌DX推進方針", kind="glossary", text="令和3年（2021年）12月に策定した方針。")
    far = hits((center, 0.95, 10.0), (other, 0.86, 1.0), (review, 0.86, 1.0))  # 0.09 below: outside the margin
    assert answer("行政事務センターっていつできたの？", far).citations[0].hit.chunk.id == review.id
    unrelated = hits((center, 0.95, 10.0), (other, 0.86, 1.0))  # a date, but about something else
    assert answer("行政事務センターっていつできたの？", unrelated).citations[0].hit.chunk.id == center.id


def test_the_plans_name_a_question_was_searched_with_does_not_choose_the_quoted_sentence():
    review = chunk("p#L64", "清田区：アクションプラン 2019 におけるまちづくりの取組", kind="narrative", ward="清田区",
                   section=("清田区", "アクションプラン 2019 におけるまちづくりの取組"),
                   text="きよたマルシェを開催してきました。バランスのよい食習慣を啓発してきました。")
    result = answer("前回の計画で清田区は何をしたの？", hits((review, 0.95, 10.0)))
    assert "searched" not in result.text.splitlines()[0]
    assert result.text.splitlines()[0].endswith("きよたマルシェを開催してきました [1]。")  # not 「バランス」 for 「プラン」


def test_a_lending_question_is_refused_unless_a_retrieved_passage_speaks_of_lending():
    walking = chunk("p#L150", "ノルディックウォーキング事業", ward="西区", text="ノルディックウォーキングの講習会を開催します。")
    refused = answer("西区のノルディックウォーキングの講習って、ポールは貸してもらえるの？", hits((walking, 0.92, 10.0)))
    assert refused.abstained
    assert refused.text.startswith("この計画（抜粋）には貸し出し・レンタルの記載はありません。")
    assert refused.citations[0].hit.chunk is walking  # the topic is still shown
    lending = chunk("p#L151", "ノルディックウォーキング事業", ward="西区", text="講習会ではポールの無料貸出を行います。")
    assert not answer("西区のノルディックウォーキングの講習って、ポールは貸してもらえるの？",
                      hits((lending, 0.92, 10.0))).abstained


GUIDANCE = chunk("p#L397", "必要書類やオンライン申請等の広報充実",
                 text="引越しや結婚などライフイベントに対する必要な書類や窓口案内等のわかりやすい広報を行います。")


def test_a_documents_question_is_refused_unless_a_passage_speaks_of_documents_for_its_subject():
    """The plan never lists what to bring; a passage on documents for moving and marriage answers a
    moving-and-marriage question, not a child-allowance one."""
    refused = answer("児童手当の申請って、何の書類を持っていけばいいですか？", hits((GUIDANCE, 0.92, 10.0)))
    assert refused.abstained
    assert refused.text.startswith("この計画（抜粋）には手続きに必要な書類・持ち物の記載はありません。")
    assert refused.citations[0].hit.chunk is GUIDANCE  # the closest topic is still shown
    moving = answer("来月結婚して同時に引っ越しもするんだけど、何を持っていけばいいの？", hits((GUIDANCE, 0.92, 10.0)))
    assert not moving.abstained and moving.citations[0].hit.chunk is GUIDANCE
    # when the asker wants to know (事前に) is no subject the passage must name
    ahead = answer("結婚して名字が変わる。どんな書類が要るのか事前に知りたい", hits((GUIDANCE, 0.92, 10.0)))
    assert not ahead.abstained and ahead.citations[0].hit.chunk is GUIDANCE


def test_an_english_documents_question_is_judged_on_its_subject_not_on_the_words_asking_for_documents():
    """"which documents" is 文書 書類 in the plan's words: not the subject a passage must speak of, so a question
    whose subject has no plan words is answered by the passage on documents, one on the child allowance is not."""
    guidance = answer("Will the city explain which documents I need when I move house or get married?",
                      hits((GUIDANCE, 0.92, 10.0)))
    assert not guidance.abstained and guidance.citations[0].hit.chunk is GUIDANCE
    refused = answer("What documents do I need to bring for the child allowance?", hits((GUIDANCE, 0.92, 10.0)))
    assert refused.abstained


def test_an_english_question_is_answered_on_a_lower_cosine_than_a_japanese_one():
    """Cross-lingual cosines run about 0.03 lower; the same passage at 0.835 answers English, not Japanese."""
    ranked = hits((BULKY, 0.835, 0.0))
    assert answer("大型ごみの受付について", ranked).abstained
    english = answer("Tell me about bulky garbage collection", ranked)
    assert not english.abstained and english.citations[0].hit.chunk is BULKY
    assert Relevance().for_language("en").threshold == pytest.approx(0.82)
    assert Relevance().for_language("ja") == Relevance()


GENERATIVE_AI = chunk("p#L489", "生成AIを活用した業務改善",
                      text="機密情報の保護、個人情報などのセキュリティ対策を行い、生成AIの業務への利活用を行います。")
FAMILY_CENTER = chunk("p#L312", "区子ども家庭支援体制強化事業",
                      text="全ての妊産婦・子育て世帯・子どもの包括的な相談支援を行うため、こども家庭センターを全区役所に設置します。")


def test_who_gets_told_is_answered_only_by_a_passage_on_protecting_that_subjects_information():
    """Confidentiality is stated for generative AI (個人情報などのセキュリティ対策), not for a family centre."""
    answered = answer("生成AIに市民の個人情報を入れて大丈夫なの？", hits((GENERATIVE_AI, 0.92, 10.0)))
    assert not answered.abstained and answered.citations[0].hit.chunk is GENERATIVE_AI
    # a leak, however named (「情報漏れとか大丈夫なの？」), is the same question
    leak = answer("生成AIって情報漏れとか大丈夫なの？", hits((GENERATIVE_AI, 0.92, 10.0)))
    assert not leak.abstained and leak.citations[0].hit.chunk is GENERATIVE_AI
    leaked = answer("こども家庭センターに相談したらデータが漏れたりしない？", hits((FAMILY_CENTER, 0.92, 10.0)))
    assert leaked.abstained and leaked.text.startswith("この計画（抜粋）には相談内容や個人情報の扱いの記載はありません。")
    refused = answer("こども家庭センターに相談したら、学校に連絡いく？", hits((FAMILY_CENTER, 0.92, 10.0), (GENERATIVE_AI, 0.86, 0.0)))
    assert refused.abstained
    assert refused.text.startswith("この計画（抜粋）には相談内容や個人情報の扱いの記載はありません。")
    assert refused.citations[0].hit.chunk is FAMILY_CENTER


def test_an_elliptical_follow_up_keeps_the_frame_of_the_question_that_opened_the_topic():
    """"What about AI for meeting minutes?" after "Is the city using generative AI?" (and "Which department
    handles it?") asks whether the city uses it — after the department asked, its department: the initiative
    citing the term leads, not its definition. After a question asking what a term means, the elliptical one
    still gets its definition."""
    from bot.conversation import Turn, apply, resolve

    term = chunk("p#L710", "AI議事録", kind="glossary", term="AI議事録", text="AI議事録：会議の音声を自動でテキスト化すること。",
                 definition="会議の音声を自動でテキスト化すること。")
    meetings = chunk("p#L390", "庁内会議の効率化の推進", text="会議終了後のAI議事録の活用により議事録作成を効率化します。",
                     glossary=(GlossaryLink(190, "AI議事録", "p#L710"),),
                     departments=(Department("総) 行政部", "総務局", "行政部"),))
    genai = chunk("p#L392", "生成AIを活用した業務改善", text="生成AIの業務への利活用を行います。")
    ranked = hits((term, 0.95, 10.0), (meetings, 0.90, 5.0))

    def turn(question, topic, context=None):
        said = compose(query(question), hits((topic, 0.95, 10.0)), PROFILE)
        return Turn(question, query(question), said, context)

    opened = turn("Is the city using generative AI at work?", genai)
    followed = turn("Which department handles it?", genai, context=genai)
    for message in ("What about AI for meeting minutes?", "議事録のAIは？"):
        resolution = resolve(query(message), followed, set(), PROFILE, None, [opened])
        assert resolution.kind == "new" and resolution.frame == opened.question, message
        framed = apply(resolution, query(message), 0.03, 1.0)
        assert compose(framed, ranked, PROFILE).citations[0].hit.chunk is meetings, message
    defined = turn("What is RPA?", chunk("p#L711", "RPA", kind="glossary", term="RPA", text="RPA：自動化の仕組み。",
                                          definition="自動化の仕組み。"))
    resolution = resolve(query("What about AI for meeting minutes?"), defined, set(), PROFILE, None)
    framed = apply(resolution, query("What about AI for meeting minutes?"), 0.03, 1.0)
    assert compose(framed, ranked, PROFILE).citations[0].hit.chunk is term
    plain = resolve(query("AI議事録の担当部署を教えてください"), followed, set(), PROFILE, None, [opened])
    assert plain.frame == ""  # not elliptical: a question of its own


def test_a_new_thing_asked_with_mo_leans_on_the_topic_without_searching_its_title():
    """「インスタもやってるの？」 after the SNS initiative adds a thing to what was answered: when another passage
    names it, the topic is preferred (boosted) and its title not searched; when none does, it is asked of the
    topic; a message naming two things or none with も is a new question."""
    from bot.conversation import Turn, apply, resolve

    sns = chunk("p#L402", "市民へのSNS等を利用した情報発信", text="SNS等を活用して市政情報を発信します。")
    other = chunk("p#L410", "広報の充実", text="インスタやティックトックでも区の魅力を発信します。")
    asked = "若い人は市の情報をSNSで見たいと思うんだけど、市はやってる？"
    opened = Turn(asked, query(asked), compose(query(asked), hits((sns, 0.95, 10.0)), PROFILE))
    for message in ("インスタもやってるの？", "ティックトックにも載せてる？", "インスタみたいなのもやってるの？"):
        resolution = resolve(query(message), opened, set(), PROFILE, None, passages=(sns, other))
        assert resolution.kind == "new" and resolution.lean is sns, message
        leaned = apply(resolution, query(message), 0.03, 1.0)
        assert (sns.id, 0.03) in leaned.boost and sns.title not in leaned.search_text, message
        alone = resolve(query(message), opened, set(), PROFILE, None, passages=(sns,))
        assert alone.kind == "same_topic" and alone.topic is sns, message
    for message in ("インスタとLINEもやってるの？", "インスタやってるの？"):
        plain = resolve(query(message), opened, set(), PROFILE, None, passages=(sns, other))
        assert plain.lean is None, message


def test_a_look_up_naming_an_indicator_is_answered_by_the_initiative_it_measures():
    """「オンラインカバー率の2027年の目標値をお願いします。」 names the indicator of the online-procedures initiative even
    when another online initiative ranks first; a run of particles (「た業務改善」), a word other candidates also
    write (「マイナンバーカード」) or one word (「タブレット」, 「プロジェクト」) names none."""
    fire = chunk("p#L340", "消防検査のオンライン化", text="検査業務をオンラインでできる環境を整備します。",
                 indicator="オンライン環境整備率", baseline=Measure(2022, "—"), target=Measure(2027, "100%"))
    online = chunk("p#L328", "行政手続のオンライン化推進", text="様々な手続をオンライン化します。",
                   indicator="札幌市の行政手続におけるオンラインカバー率",
                   baseline=Measure(2022, "30.8%"), target=Measure(2027, "70%"))
    ranked = hits((fire, 0.93, 10.0), (online, 0.92, 8.0))
    said = answer("オンラインカバー率の2027年の目標値をお願いします。", ranked)
    assert said.citations[0].hit.chunk is online and "70%" in said.text.splitlines()[0]
    assert answer("オンライン化の2027年の目標値は？", ranked).citations[0].hit.chunk is fire  # names neither
    genai = chunk("p#L392", "生成AIを活用した業務改善", text="生成AIを業務に活用します。", indicator="生成AIを活用した業務改善",
                  baseline=Measure(2022, "—"), target=Measure(2027, "推進"))
    nudge = chunk("p#L393", "ナッジの活用による業務改善の推進", text="ナッジを活用します。", indicator="ナッジを活用した情報発信・業務改善の実施",
                  baseline=Measure(2022, "—"), target=Measure(2027, "3事業"))
    assert answer("ナッジを使った業務改善は何事業やる予定？",
                  hits((nudge, 0.93, 10.0), (genai, 0.92, 8.0))).citations[0].hit.chunk is nudge
    card = chunk("p#L367", "札幌市マイナンバーカードセンターの運営", text="マイナンバーカードの交付を行います。",
                 indicator="マイナンバーカードセンターでのマイナンバーカード累計交付人数",
                 baseline=Measure(2022, "28,385人"), target=Measure(2027, "63,700人"))
    kiosk = chunk("p#L400", "マイナンバーカードを活用した申請書作成支援システムの試験的導入",
                  text="マイナンバーカードを使って申請書を自動入力するシステムを導入します。")
    assert answer("マイナンバーカードで申請書を書いてくれる機械ってどんなもの？",
                  hits((kiosk, 0.93, 10.0), (card, 0.92, 8.0))).citations[0].hit.chunk is kiosk
    # one everyday word of five characters (タブレット of 「タブレット端末の導入を含む業務効率化」) names no indicator
    tablets = chunk("p#L472", "生活保護業務の効率化推進", text="タブレット端末を導入します。",
                    indicator="タブレット端末の導入を含む業務効率化", baseline=Measure(2022, "—"), target=Measure(2027, "実施"))
    paperless = chunk("p#L380", "ペーパーレスの促進に向けた取組の推進", text="モバイル端末等を活用した会議等を実施します。")
    assert answer("職員さんがタブレットで会議してるのって紙を減らすため？",
                  hits((paperless, 0.93, 10.0), (tablets, 0.92, 8.0))).citations[0].hit.chunk is paperless
    # one word of six (プロジェクト of the digital team's 「…によるプロジェクトの実施件数」) names none either
    coe = chunk("p#L321", "デジタル改革推進チームによる行政DXの推進", text="行政DXを推進します。",
                indicator="デジタル改革推進チームによるプロジェクトの実施件数", baseline=Measure(2022, "—"),
                target=Measure(2027, "10件"))
    gx = chunk("p#L579", "GX投資の取組の推進", text="再生可能エネルギーのポテンシャルを活用します。")
    assert answer("再エネで北海道にお金を呼び込むプロジェクトってある？",
                  hits((gx, 0.94, 10.0), (coe, 0.90, 4.0))).citations[0].hit.chunk is gx
    # a particle at the run's end is no part of the name: 「行政評価制度の」 names the term the glossary defines too
    term = chunk("p#L442", "行政評価制度", kind="glossary", text="行政評価制度：事業や施策を評価する制度。",
                 term="行政評価制度", definition="事業や施策を評価する制度。")
    review = chunk("p#L432", "行政評価制度の効果的な運用", text="行政評価制度を効果的に運用します。",
                   indicator="行政評価制度の効果的な運用", baseline=Measure(2022, "運用"), target=Measure(2027, "運用"))
    assert answer("行政評価制度の意味", hits((term, 0.93, 10.0), (review, 0.92, 9.0))).citations[0].hit.chunk is term


def test_who_speaks_a_language_is_no_subject_a_passage_must_name():
    """「総合案内の人って英語話せる？」: 人 is who would speak it; a passage on 外国人 and 多言語 does not answer it."""
    from index.unstated import standing_veto, subject_of

    question = "区役所の総合案内の人って英語話せる？"
    subject = subject_of(question, "language")
    assert subject == ("総合案内",)
    multilingual = "外国人市民が必要とする生活情報をわかりやすく発信するため、情報発信の多言語化に取り組みます。"
    assert standing_veto("language", [multilingual], subject, question) == "language"


def test_a_target_asked_of_a_chapters_narrative_asks_the_question_before_again():
    """「何分くらい短くなるの？」 after 「区役所に行くと待たされる」 was answered by a chapter's narrative (現状と課題),
    which states no target: the question before is asked again with it, so an initiative with the row can
    lead; a fact the narrative does say (「もっと詳しく」) and a ward's overview (its figures are its own) keep
    the topic."""
    from bot.conversation import Turn, resolve

    narrative = chunk("p#L282", "行政サービスの高度化：現状と課題", kind="narrative",
                      text="区役所等の窓口における利便性を向上させるため、待合状況のインターネット公開を行ってきました。")
    asked = "最近、区役所に行くと待たされるんだよね"
    opened = Turn(asked, query(asked), compose(query(asked), hits((narrative, 0.95, 10.0)), PROFILE))
    for message in ("何分くらい短くなるの？", "担当は？"):
        resolution = resolve(query(message), opened, set(), PROFILE, None)
        assert resolution.topic is None and resolution.rewrite == f"{asked} {message}", message
        assert resolution.in_context, message
    assert resolve(query("もっと詳しく"), opened, set(), PROFILE, None).topic is narrative
    overview = replace(narrative, id="p#L130", title="南区：概況", ward="南区", text="南区の面積は657.48k㎡です。")
    asked = "南区ってどんなところ？"
    told = Turn(asked, query(asked), compose(query(asked), hits((overview, 0.95, 10.0)), PROFILE))
    assert resolve(query("面積はどれくらい？"), told, set(), PROFILE, None).topic is overview


def test_a_fact_of_the_thing_the_topics_title_names_stays_on_the_topic():
    """「センターはどこにできるの？」 after 介護認定事務センター事業: センター, a common word of the topic's title,
    stands for it and is asked a fact; naming it without asking one is not judged so."""
    from bot.conversation import Turn, resolve

    centre = chunk("p#L470", "介護認定事務センター事業", text="要介護認定事務の一部をセンターへ集約します。")
    others = [chunk(f"p#L{600 + i}", f"センター{i}", text="センターを運営します。") for i in range(6)]
    asked = "介護の認定、結果が出るまで時間かかりすぎじゃない？"
    opened = Turn(asked, query(asked), compose(query(asked), hits((centre, 0.95, 10.0)), PROFILE))
    passages = [centre, *others]
    assert resolve(query("センターはどこにできるの？"), opened, set(), PROFILE, None, (), passages).topic is centre
    assert resolve(query("センターっていいよね"), opened, set(), PROFILE, None, (), passages).topic is None
    # a word of the title few passages name restates the topic: a question of its own
    assert resolve(query("介護認定はどこでやるの？"), opened, set(), PROFILE, None, (), passages).topic is None


def test_what_the_topic_needs_is_asked_of_the_topic_and_a_verbs_te_form_names_no_term():
    """「マイナンバーカード持ってないと使えない？」 after the form-filling kiosk run with the card: what one must have,
    asked of the topic — 持って is the verb's て-form, not 「…って」 naming the glossary's マイナンバーカードセンター."""
    from bot.conversation import Turn, resolve

    kiosk = chunk("p#L370", "マイナンバーカードを活用した申請書作成支援システムの試験的導入",
                  text="マイナンバーカードを使って申請書の一部を自動入力できるシステムを試験的に導入します。")
    term = chunk("p#L381", "札幌市マイナンバーカードセンター", kind="glossary", term="札幌市マイナンバーカードセンター",
                 text="札幌市マイナンバーカードセンター：マイナンバーカードの交付及び各種手続を行う施設。")
    asked = "役所の申請書に毎回同じこと書くのうんざり"
    opened = Turn(asked, query(asked), compose(query(asked), hits((kiosk, 0.95, 10.0)), PROFILE))
    needs = resolve(query("マイナンバーカード持ってないと使えない？"), opened, set(), PROFILE, None, (),
                    [kiosk, term, CENTER])
    assert needs.topic is kiosk


def test_a_glossary_term_asked_to_be_defined_is_no_question_of_the_topic():
    """「書かない窓口ってそういう意味？」 after the form-filling trial (whose text names the term): its words are all
    asked-fact words (窓口) or verbs, yet it asks what the glossary's term means — a question of its own; 「それって
    どういう意味？」 still asks about the topic."""
    from bot.conversation import Turn, resolve

    trial = chunk("p#L360", "マイナンバーカードを活用した申請書作成支援システムの試験的導入",
                  text="申請書の一部を自動入力できるシステムを導入し、「書かない窓口」機能の実現に向けた検討を行います。")
    term = chunk("p#L380", "書かない窓口", kind="glossary", term="書かない窓口",
                 text="書かない窓口：利用者が申請書に手書きすることなく手続きができる窓口。",
                 definition="利用者が申請書に手書きすることなく手続きができる窓口。")
    asked = "マイナンバーカードで申請書が自動で書けるようになるって本当？"
    opened = Turn(asked, query(asked), compose(query(asked), hits((trial, 0.95, 10.0)), PROFILE))
    assert resolve(query("書かない窓口ってそういう意味？"), opened, set(), PROFILE, None, (), [trial, term]).kind == "new"
    assert resolve(query("それってどういう意味？"), opened, set(), PROFILE, None, (), [trial, term]).topic is trial


def test_what_an_initiative_is_asked_in_a_follow_up_is_no_definition_question():
    """「それってどういう仕組み？」 after the designated-manager initiative asks what it does: no longer a definition
    question (whose glossary entry, 指定管理施設, then led); asked of a glossary entry, it still is one."""
    from bot.conversation import Resolution, apply

    managed = chunk("p#L700", "指定管理施設におけるサービス向上", text="賃金スライド制度を導入します。")
    term = chunk("p#L710", "指定管理施設", kind="glossary", text="指定管理施設：指定管理者により管理される施設。")
    message = query("それってどういう仕組み？")
    assert message.intent.kind == "definition"
    asked = apply(Resolution("same_topic", topic=managed), message, 0.03, 1.0)
    assert asked.intent.kind == "general"
    assert apply(Resolution("same_topic", topic=term), message, 0.03, 1.0).intent.kind == "definition"


def test_a_wards_goal_asked_for_is_answered_by_its_passage_not_refused_for_a_number():
    """「手稲区のまちづくりの目標ってなに？」 is a figure question that wants no number: the goal's passage, which states
    no figure, answers it (it was refused as the number missing); a number asked of it still is."""
    goal = chunk("p#L800", "目標:住んでいて良かったと実感できる「人に優しいまちづくり」と「ふるさと手稲づくり」",
                 kind="narrative", ward="手稲区", section=("手稲区", "取組目標・主な取組"),
                 text="目標:住んでいて良かったと実感できる「人に優しいまちづくり」と「ふるさと手稲づくり」")
    result = answer("手稲区のまちづくりの目標ってなに？", hits((goal, 0.95, 10.0)))
    assert not result.abstained and "人に優しいまちづくり" in result.text.splitlines()[0]
    assert answer("手稲区の人口は何人？", hits((goal, 0.95, 10.0))).abstained


def test_what_a_ward_aims_at_is_answered_by_its_goal_not_its_overview():
    """「豊平区ってどんなまちを目指してるの？」 and 「南区はどんな方針なの？」 ask the ward's goals: the goal heading leads
    (the overview, first by the ward's name, describes the ward; then an initiative with まち in its title led);
    「豊平区ってどんなところ？」 still gets the overview, and a question naming a subject is not one of aims."""
    section = ("豊平区", "取組目標・主な取組", "目標1:健康でいきいきと暮らすことができるまちづくり")
    overview = chunk("p#L10", "豊平区：概況", kind="narrative", ward="豊平区", section=("豊平区", "概況"),
                     text="豊平区は、札幌市の南東部に位置します。")
    goal = chunk("p#L20", "目標1:健康でいきいきと暮らすことができるまちづくり", kind="narrative", ward="豊平区",
                 section=("豊平区", "取組目標・主な取組"), text="健康づくりの推進と、スポーツを通じた健康づくりの機運を醸成します。")
    town = chunk("p#L30", "安全・安心なまちとよひら推進事業", ward="豊平区", section=section[:2] + ("目標2:安全",),
                 text="防災マップを配布します。")
    walk = chunk("p#L21", "とよひらスポーツ健康ウォーキング事業", ward="豊平区", section=section,
                 text="ウォーキングを推進します。")
    ranked = hits((overview, 0.95, 10.0), (goal, 0.93, 8.0), (town, 0.92, 8.0), (walk, 0.91, 6.0))
    for question in ("豊平区ってどんなまちを目指してるの？", "豊平区はどんな方針なの？",
                     "豊平区が目指してるまちの姿って？", "豊平区の将来の姿は？"):  # (まちの姿: the ward itself)
        result = answer(question, ranked)
        assert not result.abstained and result.citations[0].hit.chunk is goal, question
    assert answer("豊平区ってどんなところ？", ranked).citations[0].hit.chunk is overview
    from bot.compose import _asks_the_wards_aims

    assert not _asks_the_wards_aims(query("豊平区のウォーキングの目標は？"), PROFILE)
    for question in ("豊平区が目指してるまちってどんな感じ？",  # どんな感じ: what it is like
                     "豊平区の健康の目標って何するの？"):  # names what the goal's heading names (健康)
        assert answer(question, ranked).citations[0].hit.chunk is goal, question
    # no aim asked, but two words of a heading named (安心, 環境): that goal, not the initiative ranked first; one
    # word of it (健康 of the walks' goal) is no goal named
    safe = chunk("p#L84", "目標4:安心して生活できる環境づくり", kind="narrative", ward="清田区",
                 section=("清田区", "取組目標・主な取組"), text="防災・防犯活動の充実に加え、子育て世帯や高齢者の状況に合わせた取組を進めます。")
    fit = chunk("p#L87", "清田区健康アップ推進事業", ward="清田区", section=("清田区", "取組目標・主な取組", safe.title),
                text="気軽に運動を始められる環境整備を進めます。")
    ranked = hits((fit, 0.95, 10.0), (safe, 0.93, 8.0))
    assert answer("清田区の安心して暮らせる環境づくりって何やるの？", ranked).citations[0].hit.chunk is safe
    assert answer("豊平区の健康づくりって何するの？", hits((walk, 0.95, 10.0), (goal, 0.93, 8.0))).citations[0].hit.chunk \
        is walk


def test_a_goal_named_by_its_words_yields_to_the_one_initiative_under_it_that_speaks_of_them():
    """「手稲区の子育て支援」 names two words of 取組2:子育てや健康づくりを支援する取組; the one initiative under it
    that speaks of both (子育てサロンの運営支援…) answers more than the heading, and leads. When two under it
    speak of them, or a goal is asked (「…の目標は？」), the heading leads."""
    goal = chunk("p#L95", "取組2:子育てや健康づくりを支援する取組", kind="narrative", ward="手稲区",
                 section=("手稲区", "取組目標・主な取組"), text="取組2:子育てや健康づくりを支援する取組")
    salon = chunk("p#L96", "子育てしやすい環境づくり", ward="手稲区", section=("手稲区", "取組目標・主な取組", goal.title),
                  text="子育てサロンの運営支援や、子育て支援者とのネットワークの充実を図ります。")
    ranked = hits((goal, 0.95, 10.0), (salon, 0.93, 8.0))
    assert answer("手稲区の子育て支援", ranked).citations[0].hit.chunk is salon
    assert answer("手稲区の子育て支援の目標は？", ranked).citations[0].hit.chunk is goal
    club = chunk("p#L97", "子育てクラブ支援事業", ward="手稲区", section=salon.section, text="子育てクラブを支援します。")
    assert answer("手稲区の子育て支援", hits((goal, 0.95, 10.0), (salon, 0.93, 8.0), (club, 0.92, 7.0))) \
        .citations[0].hit.chunk is goal



def test_a_complaint_or_what_will_become_possible_is_answered_by_an_initiative_not_the_review():
    """「区役所で待たされるのが嫌」 or 「…ネットでできるようになるの？」: the chapter's review (現状と課題), first by the
    words it shares, recounts what was done; the initiative acting on it answers. Asked what was done, or how
    things stand, the review still leads."""
    review = chunk("p#L300", "行政サービスの高度化：現状と課題", kind="narrative",
                   text="待合状況のインターネット公開や総合案内の設置を行い、行政手続のオンライン化を進めてきました。")
    counter = chunk("p#L364", "戸籍・住民記録窓口の利便性向上", text="繁忙期の待ち時間を短縮し、窓口の利便性を向上します。")
    ranked = hits((review, 0.93, 10.0), (counter, 0.92, 8.0))
    for question in ("区役所で待たされるのが嫌", "区役所の窓口、番号札でずっと待つのしんどい",
                     "区役所の手続きって、どんどんネットでできるようになるの？"):
        assert answer(question, ranked).citations[0].hit.chunk is counter, question
    for question in ("区役所の混み具合、ネットで見れる？", "区役所の窓口でいつも待たされるけど、市はこれまで何をしてきたの？"):
        assert answer(question, ranked).citations[0].hit.chunk is review, question


def test_what_a_question_asks_for_besides_does_not_lead():
    """「ネーミングライツ以外にも何かある？」: the naming-rights initiative, first by its word, is what the asker knows
    of already; the program it belongs to, close behind, leads. Asked without 以外 it still leads."""
    naming = chunk("p#L801", "広告事業、ネーミングライツ導入の促進による民間事業者等の地域貢献の促進",
                   text="ネーミングライツの導入を促進します。")
    program = chunk("p#L800", "企業のまちづくり活動・地域貢献への参加促進", kind="program",
                    text="企業によるまちづくり活動への参加を促進するほか、ネーミングライツをはじめとする地域貢献への促進を図ります。")
    ranked = hits((naming, 0.93, 10.0), (program, 0.92, 9.0))
    assert answer("会社として地域に貢献したい。ネーミングライツ以外にも何かある？", ranked).citations[0].hit.chunk \
        is program
    assert answer("会社として地域に貢献したい。ネーミングライツってどうやるの？", ranked).citations[0].hit.chunk is naming

def test_a_goal_heading_quoted_with_its_verb_is_the_goal_asked():
    """「手稲区の安心して暮らせるための取組って何がある？」 writes out 取組1:安心して暮らせるまちづくりの取組 (one noun
    of it, 安心, and the verb): that heading and the initiatives under it answer, not the initiative ranked
    first; a heading with no words of its own is said to be one, not quoted as its own description. A run of
    kana or what every heading says (…まちづくりの取組) names no heading."""
    goal = chunk("p#L90", "取組1:安心して暮らせるまちづくりの取組", kind="narrative", ward="手稲区",
                 section=("手稲区", "取組目標・主な取組"), text="取組1:安心して暮らせるまちづくりの取組")
    care = chunk("p#L91", "手稲区災害時要配慮者地域支え合い事業", ward="手稲区",
                 section=("手稲区", "取組目標・主な取組", goal.title), text="避難支援に係る地域の取組を支援します。")
    ranked = hits((care, 0.95, 10.0), (goal, 0.93, 8.0))
    result = answer("手稲区の安心して暮らせるための取組って何がある？", ranked)
    assert result.citations[0].hit.chunk is goal
    assert result.text.splitlines()[0] == "「取組1:安心して暮らせるまちづくりの取組」（手稲区）は計画の見出しです [1]。"
    for other in ("手稲区の暮らしの取組って何がある？", "手稲区のまちづくりの取組って何がある？"):
        assert answer(other, ranked).citations[0].hit.chunk is care, other


_HOLDINGS = chunk("p#L600", "「出資団体の在り方に関する基本方針」に基づく行動計画の改定及び推進", text="新たな行動計画を策定します。",
                  indicator="新たな行動計画に定める団体の活用に関する事業展開の達成度(全団体)",
                  baseline=Measure(2022, "—"), target=Measure(2027, "80%"))
_AREA = chunk("a#L1", "さっぽろ連携中枢都市圏推進事業", text="連携事業の効果検証を行います。",
              indicator="さっぽろ連携中枢都市圏ビジョンに掲げる各連携事業の評価指標の達成割合",
              baseline=Measure(2022, "66.2%"), target=Measure(2027, "100%"))


@pytest.mark.parametrize(("question", "unit", "passage"), [
    ("出資団体って全部でいくつあるの？", "団体", _HOLDINGS),
    ("出資団体の数は？", "団体", _HOLDINGS),
    ("さっぽろ連携中枢都市圏に入ってる町の数は？", "町", _AREA),
])
def test_a_kind_of_thing_counted_by_ikutsu_needs_a_number_of_that_kind(question, unit, passage):
    """「出資団体って全部でいくつあるの？」 and 「出資団体の数は？」 count 団体: the action plan's 80% 達成度 (全団体) is no
    number of them, so the number is said to be missing — as the area's 66.2% → 100% is no number of the towns
    「…に入ってる町の数は？」 counts. 「目標はいくつ？」 asks the target itself and counts no thing; a word merely ending
    in the kind's kanji (町内会) counts nothing."""
    from index.units import asked_unit

    result = answer(question, hits((passage, 0.93, 10.0)))
    assert result.abstained and result.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    assert asked_unit(question) == unit and asked_unit("目標はいくつ？") is None
    assert asked_unit("全部でいくつ団体あるの？") == "団体" and asked_unit("いくつか団体ある？") is None
    assert asked_unit("連携してる市町村の数") == "市町村" and asked_unit("町内会の数は？") is None


def test_a_count_of_staff_or_members_asks_a_number_of_people():
    """「行政事務センターの職員数は？」 counts people: the centre's target of hours saved (50,861時間 → 130,000時間) is no
    number of its staff."""
    from index.units import asked_unit

    centre = chunk("c#L1", "行政事務センター運営事業", text="定型的な業務を集約し、職員が注力すべき業務に人的資源を集中させます。",
                   indicator="業務効率化により削減された作業時間", baseline=Measure(2022, "50,861時間"),
                   target=Measure(2027, "130,000時間"))
    result = answer("行政事務センターの職員数は？", hits((centre, 0.93, 10.0)))
    assert result.abstained and result.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    assert asked_unit("職員の数は？") == "人" and asked_unit("会員数は？") == "人"


def test_a_distance_asked_is_a_length_the_passage_states():
    """「南区の南北の距離は？」 is answered by 南区's 南北に37.6km; 「ウォーキングコースの距離は？」 by no passage stating a
    length (the walks' passage states none): said to be missing, not answered with the walks."""
    from index.units import asked_unit

    walks = chunk("w#L1", "とよひらスポーツ健康ウォーキング事業", text="区内のウォーキングコースを活用したイベントを行います。",
                  ward="豊平区")
    result = answer("豊平区のウォーキングコースの距離は？", hits((walks, 0.93, 10.0)))
    assert result.abstained and result.text.startswith("この計画（抜粋）にはお尋ねの数値の記載はありません。")
    assert asked_unit("何キロある？") == "距離" and asked_unit("How far is it?") == "距離"


def test_how_much_an_allowance_pays_asks_a_sum_in_yen():
    """"How much is the child allowance per month?" asks a sum of money: the child-support row (2027年:
    設置), in a passage that writes 令和4年, states none, so it is said to be missing; the corporate donations'
    20,000千円 answers "how much money"; a saving asked in money is not a sum paid out."""
    from index.units import asked_unit

    support = chunk("k#L1", "区子ども家庭支援体制強化事業", text="令和4年改正児童福祉法で新設された「こども家庭センター」を設置します。",
                    indicator="各区へのこども家庭センターの設置", baseline=Measure(2022, "—"),
                    target=Measure(2027, "設置"))
    result = answer("How much is the child allowance per month?", hits((support, 0.90, 10.0)))
    assert result.abstained
    donations = chunk("d#L1", "企業版ふるさと納税促進事業", text="企業版ふるさと納税の寄付額増に向け、営業活動等を実施します。",
                      indicator="事業による寄付の増加額", baseline=Measure(2022, "—"), target=Measure(2027, "20,000千円"))
    question = "How much money does the city want to raise from corporate donations?"
    assert not answer(question, hits((donations, 0.90, 10.0))).abstained
    assert asked_unit(question) == "円" and asked_unit("How much is the disability transport subsidy?") == "円"
    assert asked_unit("How much money will the paperless project save?") != "円"
    assert asked_unit("How much paper does the city plan to cut?") is None


def test_how_many_people_live_somewhere_asks_its_population():
    """「清田区って何人くらい住んでるの？」 and "How many people live in Sapporo now?" ask a population, as 「人口は？」
    does: a card centre's 累計交付人数 is no number of them. 「何人参加したの？」 still counts people."""
    from index.units import asked_unit

    assert asked_unit("清田区って何人くらい住んでるの？") == "人口"
    assert asked_unit("How many people live in Sapporo now?") == "人口"
    assert asked_unit("How many residents are there in Teine ward?") == "人口"
    assert asked_unit("何人参加したの？") == "人"
    assert asked_unit("How many people use the card centre?") == "人"
    centre = chunk("m#L1", "札幌市マイナンバーカードセンターの運営", text="マイナンバーカードの交付を行う施設を運営します。",
                   indicator="マイナンバーカードセンターでのマイナンバーカード累計交付人数",
                   baseline=Measure(2022, "80万人"), target=Measure(2027, "160万人"))
    assert answer("How many people live in Sapporo now?", hits((centre, 0.90, 10.0))).abstained


def test_how_many_days_one_spends_doing_something_asks_a_number_of_days():
    """「何日休むの？」 asks a number of days, which a passage must state in 日; 「何日にあるの？」 asks a date."""
    from index.units import asked_unit

    assert asked_unit("インフルエンザになったら何日休むの？") == "日"
    assert asked_unit("申し込んでから何日待つ？") == "日"
    assert asked_unit("何日にあるの？") is None


def test_an_english_count_of_a_kind_of_thing_needs_a_number_of_that_kind():
    """"How many universities have agreements with Sapporo?" counts universities, as 「大学はいくつ？」 does: the
    target's 件数 of their projects is no number of them. A possessive counts what follows ("How many companies'
    proposals …" asks the proposals' 件数)."""
    from index.units import asked_unit

    assert asked_unit("How many universities have agreements with Sapporo?") == "大学"
    assert asked_unit("How many companies joined the consortium?") == "企業"
    assert asked_unit("How many organizations are there?") == "団体"
    assert asked_unit("How many companies' proposals does the city want to realise?") is None
    assert asked_unit("How many tourists visit Jozankei every year?") == "人"
    assert asked_unit("How many children's centres are there?") is None
    universities = chunk("u#L1", "大学連携強化推進事業", text="大学を起点とした連携を促進します。",
                         indicator="大学・短期大学が実施する札幌市と連携した地域課題解決に繋がる取組の件数(年間)",
                         baseline=Measure(2022, "102件"), target=Measure(2027, "130件"))
    result = answer("How many universities have agreements with Sapporo?", hits((universities, 0.90, 10.0)))
    assert result.abstained


def test_how_often_asks_a_number_of_times():
    """「どのくらいの頻度でやってるの？」, "How often is it held?": a figure in 回 — the executives' meetings' 3回/年
    answers it, a passage whose target is a share does not."""
    from index.units import asked_unit

    assert query("どのくらいの頻度でやってるの？").intent.kind == "figure"
    assert query("How often is it held?").intent.kind == "figure"
    assert asked_unit("頻度は？") == "回" and asked_unit("How often?") == "回"
    meetings = chunk("m#L1", "企業家等との集団広聴事業", text="企業家等と市長が直接意見交換を行います。",
                     indicator="事業の実施回数", baseline=Measure(2022, "—"), target=Measure(2027, "3回/年"))
    said = answer("企業家との意見交換会ってどのくらいの頻度？", hits((meetings, 0.95, 10.0)))
    assert not said.abstained and "3回/年" in said.text.splitlines()[0]
    share = chunk("s#L1", "必要書類やオンライン申請等の広報充実", text="わかりやすい広報を行います。",
                  indicator="「よくやっている」と思う人の割合", baseline=Measure(2022, "21.1%"), target=Measure(2027, "50%"))
    assert answer("広報ってどのくらいの頻度でやってるの？", hits((share, 0.95, 10.0))).abstained


def test_a_count_of_people_named_by_who_they_are_needs_a_number_of_people():
    """「定山渓温泉の観光客数は？」 asks a number of people as 何人 does: the overview's 約160年の歴史 and 毎年多くの観光客
    state none, the indicator's 累計交付人数 (28,385人) does; 事業者数 counts businesses, not people."""
    from index.units import asked_unit

    assert asked_unit("定山渓温泉の観光客数は？") == "人" and asked_unit("研修の受講者数は？") == "人"
    assert asked_unit("交付人数の目標は？") == "人" and asked_unit("参加事業者数は？") is None
    overview = chunk("w#L1", "南区：概況", kind="narrative", ward="南区",
                     text="約160年の歴史のある定山溪温泉には、市内外から毎年多くの観光客が訪れています。")
    assert answer("定山渓温泉の観光客数は？", hits((overview, 0.92, 10.0))).abstained
    centre = chunk("c#L1", "札幌市マイナンバーカードセンターの運営", text="土日も交付します。",
                   indicator="マイナンバーカード累計交付人数", baseline=Measure(2022, "28,385人"),
                   target=Measure(2027, "63,700人"))
    result = answer("カードセンターの交付人数の目標は？", hits((centre, 0.92, 10.0)))
    assert not result.abstained and "63,700人" in result.text


def _opened(asked: str, topic):
    """The turn that asked ``asked`` and was answered by ``topic``."""
    from bot.conversation import Turn

    return Turn(asked, query(asked), compose(query(asked), hits((topic, 0.95, 10.0)), PROFILE))


def test_a_detail_in_latin_letters_the_topic_names_is_asked_of_the_topic():
    """「SNSやってる？」 after 手稲区's mascot, whose text names its SNS account: the tokenizer folds SNS to sns, the
    passage is read folded too; 「SNSってなに？」 asks what the abbreviation means, a term of its own."""
    from bot.conversation import resolve

    mascot = chunk("p#L820", "ていねを活用した魅力発信", ward="手稲区",
                   text="「ていねの部屋」やSNSのていねアカウントなど、マスコットを活用した魅力発信に取り組みます。")
    opened = _opened("手稲区のていねって何のキャラ？", mascot)
    passages = [mascot, *(chunk(f"p#L{900 + i}", f"情報発信{i}", text="市政情報を発信します。") for i in range(6))]
    assert resolve(query("SNSやってる？"), opened, set(), PROFILE, None, (), passages).topic is mascot
    assert resolve(query("SNSってなに？"), opened, set(), PROFILE, None, (), passages).topic is None


def test_the_plans_name_for_the_askers_words_named_by_the_topic_is_asked_of_the_topic():
    """「AIで質問に答えてくれるのできる？」 after the homepage's rebuild, whose text names チャットボット — the plan's name for
    the asker's words (the profile's [aliases]) — is asked of the topic, not searched alone (the glossary's
    definition led); 「チャットボットって何？」 asks the term."""
    from bot.conversation import resolve

    homepage = chunk("p#L388", "市公式ホームページの再構築",
                     text="ホームページへと再構築するとともに、チャットボット等のICTツールの導入を図ります。")
    term = chunk("p#L407", "チャットボット", kind="glossary", term="チャットボット",
                 text="チャットボット：会話を自動的に行うプログラム。")
    opened = _opened("市のホームページで探してる情報が見つからない", homepage)
    passages = [homepage, term, *(chunk(f"p#L{900 + i}", f"情報発信{i}", text="市政情報を発信します。") for i in range(6))]
    assert "チャットボット" in query("AIで質問に答えてくれるのできる？").plan_terms
    assert resolve(query("AIで質問に答えてくれるのできる？"), opened, set(), PROFILE, None, (), passages).topic is homepage
    assert resolve(query("チャットボットって何？"), opened, set(), PROFILE, None, (), passages).topic is None


def test_a_glossary_term_the_topic_never_names_is_no_question_of_the_topic():
    """「じゃあ書かない窓口は？」 after paperless offices: its words are asked-fact words (窓口) or a verb, yet it
    names the glossary's term, which the topic never names — a new subject; 「じゃあ電子決裁は？」 names only the
    topic's own."""
    from bot.conversation import resolve

    paper = chunk("p#L700", "ペーパーレスの促進に向けた取組の推進", text="押印義務の見直しや電子決裁の推進により紙を減らします。")
    term = chunk("p#L990", "書かない窓口", kind="glossary", term="書かない窓口", text="書かない窓口：手書きしない窓口。")
    opened = _opened("市役所のペーパーレスってどうなってる？", paper)
    passages = [paper, term]
    assert resolve(query("じゃあ書かない窓口は？"), opened, set(), PROFILE, None, (), passages).topic is None
    assert resolve(query("じゃあ電子決裁は？"), opened, set(), PROFILE, None, (), passages).topic is paper


def test_where_of_a_thing_the_topics_text_names_stays_on_the_topic():
    """「情報はどこで手に入る？」 of 西区's child-rearing corner, whose text names 情報提供: where, of the topic's own
    thing — however many passages name 情報."""
    from bot.conversation import resolve

    corner = chunk("p#L710", "安心して子育てできる地域の環境づくり", ward="西区",
                   text="子育てインフォメーションを活用した子育てに関する情報提供を行います。")
    opened = _opened("西区で子育てサロンやってる団体を探してる", corner)
    passages = [corner, *(chunk(f"p#L{900 + i}", f"情報発信{i}", text="市政情報を発信します。") for i in range(6))]
    assert resolve(query("情報はどこで手に入る？"), opened, set(), PROFILE, None, (), passages).topic is corner


def test_a_fact_asked_of_the_topics_own_words_stays_on_the_topic():
    """「団体への支援ってお金？」 of 南区's winter walks (…活動を行う団体への支援): two things its text names, however
    many passages name each, and a fact asked of them — the topic's; one of them alone is not judged so."""
    from bot.conversation import resolve

    walks = chunk("p#L730", "冬も楽しむウォーキング推進事業", ward="南区",
                  text="冬のウォーキングを楽しむイベントや自主的な活動を行う団体への支援を行います。")
    opened = _opened("南区の冬のウォーキングって食育もやってるの？", walks)
    passages = [walks, *(chunk(f"p#L{900 + i}", f"団体支援{i}", text="地域の団体への支援を行います。") for i in range(6))]
    assert resolve(query("団体への支援ってお金？"), opened, set(), PROFILE, None, (), passages).topic is walks
    assert resolve(query("団体ってお金もらえる？"), opened, set(), PROFILE, None, (), passages).topic is None


def test_asked_whether_the_topic_is_done_with_a_partner_its_text_names_stays_on_the_topic():
    """「大学と一緒にやってるの？」 after 南区's art events run with 区内大学研究室: 大学, however many passages name it,
    is the topic's partner; 「大学と何かやってる？」 asks on its own terms."""
    from bot.conversation import resolve

    art = chunk("p#L800", "若者の芸術・文化活動を通じた南区まちづくり事業", ward="南区",
                text="アートイベントの実施、区内大学研究室との共同事業を発展拡充させます。")
    opened = _opened("南区で若いアーティストを応援する取り組みってある？", art)
    passages = [art, *(chunk(f"p#L{810 + i}", f"大学連携{i}", text="大学と連携します。") for i in range(6))]
    assert resolve(query("大学と一緒にやってるの？"), opened, set(), PROFILE, None, (), passages).topic is art
    assert resolve(query("大学と何かやってる？"), opened, set(), PROFILE, None, (), passages).topic is None


def test_a_when_question_on_a_word_of_the_leads_title_wants_a_date_of_the_thing_the_title_names():
    """「いつからセンターになるの？」 of 介護認定事務センター事業: センター is the title's 介護認定事務センター, and the dated
    passage on こども家庭センター is not about it; the chapter passage dating 行政事務センター still answers
    「行政事務センターっていつできたの？」 of 行政事務センター運営事業."""
    care = chunk("p#L470", "介護認定事務センター事業", text="要介護認定事務の一部を介護認定事務センターへ集約します。")
    family = chunk("p#L620", "区子ども家庭支援体制強化事業", text="令和6年4月に、こども家庭センターを設置します。")
    said = answer("いつからセンターになるの？", hits((care, 0.92, 10.0), (family, 0.90, 9.0)))
    assert said.citations[0].hit.chunk is care
    center = chunk("p#L512", "行政事務センター運営事業", text="定型的な業務を集約する行政事務センターを安定運営します。")
    review = chunk("p#L415", "不断の行政改革の推進：現状と課題", kind="narrative",
                   text="令和3年（2021年）6月には、行政事務センターを設置しました。")
    dated = answer("その行政事務センターっていつできたの？", hits((center, 0.90, 10.0), (review, 0.89, 8.0)))
    assert dated.citations[0].hit.chunk is review


def test_a_thing_added_with_mo_that_the_topics_text_names_is_asked_of_the_topic():
    """「意見も言える？」 after the evaluation sheets published to hear 市民意見: the topic names 意見, however many other
    passages do (one with it in its title among them)."""
    from bot.conversation import resolve

    sheets = chunk("p#L560", "行政評価制度を通じた透明性ある市の実施事業の情報提供",
                   text="評価調書を公開し、市民意見をいただく場として活用します。")
    opened = _opened("市の事業の評価って誰でも見られるの？", sheets)
    passages = [sheets, *(chunk(f"p#L{900 + i}", f"市民意見{i}", text="市民の意見を市政に反映します。") for i in range(6))]
    assert resolve(query("意見も言える？"), opened, set(), PROFILE, None, (), passages).topic is sheets
    other = resolve(query("市政も変わる？"), opened, set(), PROFILE, None, (), passages)  # named by others only
    assert other.kind == "new" and other.lean is sheets


def test_a_count_asked_in_a_unit_many_passages_name_is_asked_of_the_topics_indicator():
    """「研修に何団体くらい来てるの？」 after the water works' partnership, counted in 研修会に参加した延べ水道事業体数:
    団体 is the unit asked in, however many passages name it; 研修 is what the row counts. A thing of its own
    (町内会) named with the unit is a new question."""
    from bot.conversation import resolve

    water = chunk("p#L700", "水道事業における道内市町村との連携", text="道内水道事業体との連携を推進します。",
                  indicator="研修会に参加した延べ水道事業体数", baseline=Measure(2022, "322"), target=Measure(2027, "340"))
    opened = _opened("水道局って他の町の水道を手伝ってる？", water)
    passages = [water, *(chunk(f"p#L{900 + i}", f"町内会支援{i}", text="町内会や団体の活動を支援します。")
                         for i in range(6))]
    assert resolve(query("研修に何団体くらい来てるの？"), opened, set(), PROFILE, None, (), passages).topic is water
    assert resolve(query("町内会は何団体くらい来てるの？"), opened, set(), PROFILE, None, (), passages).topic is None

def test_a_figure_asked_of_a_glossary_term_is_the_initiative_whose_indicator_names_its_abbreviation():
    """「何件くらいやるの？」 after the glossary's 成果連動型民間委託契約方式(PFS): the term states no figure; the
    initiative whose indicator names PFS (「PFS・SIBの活用の検討」) does, even without the term's full name."""
    from bot.conversation import resolve

    term = chunk("p#L690", "成果連動型民間委託契約方式(PFS)", kind="glossary", term="成果連動型民間委託契約方式(PFS)",
                 definition="成果指標値の改善状況に支払額が連動するもの。", text="成果連動型民間委託契約方式(PFS)：…")
    use = chunk("p#L560", "成果連動型民間委託契約方式の活用の推進", text="PFSやSIBの研究を行います。",
                indicator="PFS・SIBの活用の検討", baseline=Measure(2022, "—"), target=Measure(2027, "検討"))
    opened = _opened("成果で払う委託ってどういうこと？", term)
    assert resolve(query("何件くらいやるの？"), opened, set(), PROFILE, None, (), (term, use)).topic is use

def test_which_park_is_answered_by_a_passage_naming_a_park_by_its_own_name():
    """「どこの公園？」 of the conservation of 富丘西公園's lilies: the passage names the park; a passage renovating 公園
    in general names none, and a named park does not say where something else is (「スズランの公園はどこにある？」)."""
    from index.unstated import standing_veto

    lilies = "観察会などを地域の方々と共に行い、富丘西公園のスズランや星置緑地のミズバショウの保全に努めます。"
    assert standing_veto("location", [lilies], ("公園",), "どこの公園？") is None
    assert standing_veto("location", [lilies], ("公園",), "スズランの公園はどこにある？") == "location"
    renovated = "地域の方々の声を取り入れながら、公園の全面改修を順次進めるほか、各公園の遊具を改修します。"
    assert standing_veto("location", [renovated], ("公園",), "どこの公園？") == "location"
    # which place, of any kind: the named park and green answer it
    assert standing_veto("location", [lilies], ("保全",), "スズランの保全ってどこの場所？") is None
    assert standing_veto("location", [renovated], ("公園",), "公園づくりってどこの場所？") == "location"


def test_where_a_mascot_is_met_is_answered_by_a_passage_naming_its_corner():
    """「マスコットってどこで会える？」: a passage naming the ward's corner 「ていねの部屋」 says where; one promoting a
    character with no place named does not."""
    from index.unstated import standing_veto

    corner = "ていねく情報・文化発信コーナー「ていねの部屋」やSNSなど、マスコットキャラクターを活用した魅力発信に取り組みます。"
    assert standing_veto("location", [corner], ("マスコット",), "マスコットってどこで会える？") is None
    nowhere = "子育て支援キャラクター「さくらんぼちゃん」を活用した取組を強化し、認知度の向上を図ります。"
    assert standing_veto("location", [nowhere], ("キャラクター",), "キャラクターにはどこで会えるの") == "location"


def test_a_place_asked_to_confirm_is_stated_by_a_passage_doing_it_there():
    """「オンライン相談って区役所でやってる？」 of 「区役所等において…オンラインによる実施を試行」: the very place asked,
    confirmed; which ward office (「どこの区役所で？」) or another place (「公民館で？」) is not stated."""
    from index.unstated import standing_veto, subject_of, unanswerable_fact

    trial = "区役所等において現在窓口で実施している相談業務について、オンラインによる実施を試行します。"
    for asked, stated in (("オンライン相談って区役所でやってる？", True), ("オンライン相談ってどこの区役所でやってる？", False),
                          ("オンライン相談って公民館でやってる？", False)):
        assert unanswerable_fact(asked) == "location"
        subject = subject_of(asked, "location")
        assert (standing_veto("location", [trial], subject, asked) is None) is stated, asked


def test_who_takes_part_is_stated_by_a_passage_naming_the_bodies_that_do():
    """「ネットワーク会議って誰が参加してる？」 asks who takes part, not a person's name: 手稲区's meeting of 警察や消防などの
    行政機関、病院やインフラ関係などを担う事業者 answers it; a passage naming no one does not; who heads it stays a name
    the plan never gives."""
    from index.unstated import standing_veto, unanswerable_fact

    asked = "手稲区の防災のネットワーク会議って誰が参加してる？"
    assert unanswerable_fact(asked) == "participants" and unanswerable_fact("区長って誰？") == "person"
    meeting = ("警察や消防などの行政機関、病院やインフラ関係などを担う事業者、その他関係団体が意見交換などを行う"
               "「地域防災事業者ネットワーク会議」を開催します。")
    assert standing_veto("participants", [meeting], (), asked) is None
    assert standing_veto("participants", ["災害時の相互支援を円滑にします。"], (), asked) == "participants"


def test_who_may_take_part_is_stated_by_the_grades_a_passage_is_for():
    """「小学生でも参加できる？」 of 子ども議会: 「小学4年生から中学3年生までの子ども議員」 says who may."""
    from index.unstated import standing_veto

    council = "子ども議会：小学4年生から中学3年生までの子ども議員が、まちづくりについて話し合った内容を発表する取組。"
    assert standing_veto("eligibility", [council], (), "小学生でも参加できる？") is None
    talks = "子ども議員が、まちづくりについて話し合った内容を発表する取組。"
    assert standing_veto("eligibility", [talks], (), "小学生でも参加できる？") == "eligibility"


def test_another_ward_asks_again_the_latest_question_asked_of_the_ward_even_one_not_naming_it():
    """「じゃあ手稲区は？」 after 「西区ってどんなまちを目指してるの？」 and 「防災は何してる？」 (a new question of 西区, carried)
    asks 手稲区's disaster work; after 「西区で花の苗を配ってる？」 and its follow-up 「誰に配ってるの？」 it asks the
    first again, renamed."""
    from bot.conversation import Turn, resolve

    goal = chunk("p#L900", "目標1:誰もが安全・安心に暮らせるまちづくり", kind="narrative", ward="西区", text="防災力向上を進めます。")
    drills = chunk("p#L901", "地域の防災力強化", ward="西区", text="避難所開設訓練を実施します。")
    then = "防災は何してる？"
    first = _opened("西区ってどんなまちを目指してるの？", goal)
    carried = replace(query(then), intent=replace(query(then).intent, ward="西区"))
    second = Turn(then, carried, compose(carried, hits((drills, 0.95, 10.0)), PROFILE))
    resolution = resolve(query("じゃあ手稲区は？"), second, set(), PROFILE, None, (first,))
    assert resolution.kind == "other_ward" and resolution.rewrite == "手稲区 防災は何してる？"
    seedlings = chunk("p#L902", "緑あふれるまちづくり", ward="西区", text="花苗や種を町内会などに配布します。")
    then = "誰に配ってるの？"
    first = _opened("西区で花の苗を配ってる？", seedlings)
    told = compose(query(then), hits((seedlings, 0.95, 10.0)), PROFILE)
    second = Turn(then, query(then), replace(told, understood_as="「緑あふれるまちづくり」について"))
    resolution = resolve(query("じゃあ清田区は？"), second, set(), PROFILE, None, (first,))
    assert resolution.kind == "other_ward" and resolution.rewrite == "清田区で花の苗を配ってる？"


def test_how_many_asked_of_a_glossary_term_counts_the_kind_of_thing_it_names():
    """「いくつあるの？」 after the glossary's 出資団体 asks how many 団体: the action plan's 80% 達成度 does not answer
    it; asked of an initiative, or asking no count, it is left as it is."""
    from bot.conversation import Resolution, apply

    term = chunk("p#L720", "出資団体", kind="glossary", term="出資団体", text="出資団体：札幌市が出資等を行っている法人。")
    asked = apply(Resolution("same_topic", topic=term), query("いくつあるの？"), 0.03, 1.0)
    assert asked.intent.kind == "figure" and asked.intent.unit == "団体"
    plan = chunk("p#L721", "出資団体の行動計画の推進", text="出資団体の在り方を見直します。")
    assert apply(Resolution("same_topic", topic=plan), query("いくつあるの？"), 0.03, 1.0).intent.unit is None
    assert apply(Resolution("same_topic", topic=term), query("目標は何％？"), 0.03, 1.0).intent.unit != "団体"


def test_a_thing_talked_about_as_a_subject_and_a_count_named_nowhere_are_asked_of_the_topic():
    """「食事の話もある？」 adds 食事 to the winter walks (話 is no thing of its own); 「アクセス数の目標ってあるの？」 of the
    homepage asks its target, a count the plan names nowhere (its row counts アクティブユーザー数); a count another
    passage names is a question of its own."""
    from bot.conversation import _adds_to_topic, _named_things, resolve

    walks = chunk("p#L200", "冬も楽しむウォーキング推進事業", ward="南区", text="冬のウォーキングを楽しむ催しを行います。")
    assert _named_things("食事の話もある？", PROFILE) == ["食事"] and _adds_to_topic("食事の話もある？", walks, PROFILE)
    site = chunk("p#L430", "市公式ホームページの再構築", text="誰もが見やすいホームページに再構築します。",
                 indicator="市公式ホームページの月間アクティブユーザー数", baseline=Measure(2022, "2,273,760人"),
                 target=Measure(2027, "2,728,512人"))
    visitors = chunk("p#L431", "来庁者数の把握", text="区役所の来庁者数を集計します。")
    opened = _opened("市のホームページ、スマホだと見にくい", site)
    assert resolve(query("アクセス数の目標ってあるの？"), opened, set(), PROFILE, None, (), [site, visitors]).topic is site
    assert resolve(query("来庁者数の目標ってあるの？"), opened, set(), PROFILE, None, (), [site, visitors]).topic is None


def test_a_one_thing_follow_up_of_a_glossary_term_is_searched_with_the_term():
    """「見直しってするの？」 after 「出資団体って何？」 asks what is done about 出資団体 (its 行動計画の改定): searched
    with the term; a ward named, or a term asked what it means, is a question of its own."""
    from bot.conversation import Turn, resolve

    term = chunk("p#L720", "出資団体", kind="glossary", term="出資団体", text="出資団体：札幌市が資本金の出資等を行っている法人。",
                 definition="札幌市が資本金の出資等を行っている法人。")
    said = compose(query("出資団体って何？"), hits((term, 0.95, 10.0)), PROFILE)
    defined = Turn("出資団体って何？", query("出資団体って何？"), said, term)
    resolution = resolve(query("見直しってするの？"), defined, set(), PROFILE, None)
    assert resolution.kind == "new" and resolution.rewrite == "出資団体 見直しってするの？"
    for message in ("西区で見直しってするの？", "見直しってどういう意味？"):
        assert resolve(query(message), defined, set(), PROFILE, None).rewrite is None, message


def test_a_fact_its_term_states_is_answered_by_the_definition_of_the_term_the_best_passage_names():
    """「それ何歳から参加できる？」 of the children's participation initiative, which names 子ども議会: the term's
    definition (小学4年生から中学3年生まで) states whom it is for, so it leads instead of a refusal — only when the
    question is about the best passage or names the term (「児童会って何歳まで使えるの？」 is neither)."""
    defined = "小学4年生から中学3年生までの子ども議員が、まちづくりについて話し合った内容を発表する取組。"
    council = chunk("p#L565", "子ども議会", kind="glossary", term="子ども議会", definition=defined,
                    text=f"子ども議会：{defined}")
    children = chunk("p#L553", "市政への子どもの参加の推進",
                     text="子ども議会など、市政に子どもの意見を反映する取組や子どもの参加の取組を推進します。",
                     glossary=(GlossaryLink(200, "子ども議会", "p#L565"),))
    ranked = hits((children, 0.90, 10.0), (council, 0.88, 8.0))
    for question in ("子ども議会は何歳から参加できる？", "市政への子どもの参加って何歳から参加できる？"):
        said = answer(question, ranked)
        assert not said.abstained and said.citations[0].hit.chunk is council, question
        assert "小学4年生から中学3年生" in said.text.splitlines()[0]
    refused = answer("児童会って何歳まで使えるの？", ranked)
    assert refused.abstained and "参加・利用できる人の条件の記載はありません" in refused.text
    uncited = replace(children, glossary=(), text="市政に子どもの意見を反映する取組を推進します。")
    assert answer("子どもの参加って何歳から参加できる？", hits((uncited, 0.90, 10.0), (council, 0.88, 8.0))).abstained


def test_a_glossary_term_a_follow_up_is_about_is_no_question_of_the_topic():
    """「SIBってのもそれの仲間？」 after the PFS initiative (whose text names SIB): what it asks about is the term
    (named by the abbreviation in its brackets), not the topic, for all its それ; so is 「子どもの権利の条例ってのも
    あるよね」 of 子どもの最善の利益を実現するための権利条例 (every noun it opens with is the term's). A term the
    topic's title names, or one only named inside the message (「SIBも研究するの？」), keeps the topic."""
    from bot.conversation import Turn, resolve

    pfs = chunk("p#L632", "成果連動型民間委託契約方式の活用の推進",
                text="成果連動型民間委託契約方式(PFS)やソーシャル・インパクト・ボンド(SIB)の研究を行います。")
    sib = chunk("p#L653", "ソーシャル・インパクト・ボンド(SIB)", kind="glossary", term="ソーシャル・インパクト・ボンド(SIB)",
                text="ソーシャル・インパクト・ボンド(SIB)：民間資金を活用して社会課題を解決する契約方式。",
                definition="民間資金を活用して社会課題を解決する契約方式。")
    asked = "成果が出たらお金を払う委託契約って札幌もやってる？"
    opened = Turn(asked, query(asked), compose(query(asked), hits((pfs, 0.95, 10.0)), PROFILE))
    passages = [pfs, sib]
    assert resolve(query("SIBってのもそれの仲間？"), opened, set(), PROFILE, None, (), passages).topic is None
    assert resolve(query("ソーシャル・インパクト・ボンドは？"), opened, set(), PROFILE, None, (), passages).topic is None
    assert resolve(query("それってSIBも研究するの？"), opened, set(), PROFILE, None, (), passages).topic is pfs
    titled = replace(pfs, title="SIBの活用の推進")
    told = Turn(asked, query(asked), compose(query(asked), hits((titled, 0.95, 10.0)), PROFILE))
    assert resolve(query("SIBってのもそれの仲間？"), told, set(), PROFILE, None, (), [titled, sib]).topic is titled
    children = chunk("p#L553", "市政への子どもの参加の推進",
                     text="「子どもの最善の利益を実現するための権利条例」に基づき、子どもの参加の取組を推進します。")
    rights = chunk("p#L563", "子どもの最善の利益を実現するための権利条例", kind="glossary",
                   term="子どもの最善の利益を実現するための権利条例", text="子どもの最善の利益を実現するための権利条例：子どもの権利を定めたもの。",
                   definition="子どもの権利を定めたもの。")
    asked = "子どもが市長に意見を言える場ってあるの？"
    opened = Turn(asked, query(asked), compose(query(asked), hits((children, 0.95, 10.0)), PROFILE))
    passages = [children, rights]
    assert resolve(query("子どもの権利の条例ってのもあるよね"), opened, set(), PROFILE, None, (),
                   passages).topic is None
    for message in ("子どもの参加ってどうやるの？", "それって子どもも意見を言えるの？"):  # not the term's nouns alone
        assert resolve(query(message), opened, set(), PROFILE, None, (), passages) == \
            resolve(query(message), opened, set(), PROFILE, None, (), [children]), message


def test_a_fact_asked_of_a_whole_list_is_each_lines():
    """「所管は？」 after a list: each line's department with the list's numbers; one sentence when none of them
    states it."""
    departments = listed_facts(query("所管は？"), [BULKY, NISHI, CENTER], PROFILE)
    assert departments.text.splitlines() == [
        "・「大型ごみ収集のオンライン化」: 環境局 環境事業部（「環) 環境事業部」） [1]",
        "・「地域の防災力強化」: 記載なし [2]",
        "・「札幌市マイナンバーカードセンターの運営」: デジタル戦略推進局 スマートシティ推進部（「デ) スマートシティ推進部」） [3]"]
    assert [c.hit.chunk.title for c in departments.citations] == [BULKY.title, NISHI.title, CENTER.title]
    targets = listed_facts(query("目標値は？"), [NISHI, BULKY], PROFILE)
    assert targets.text.splitlines()[1] == ("・「大型ごみ収集のオンライン化」: 大型ごみ申込受付件数におけるインターネット受付件数の割合"
                                            "（2022年: — → 2027年: 50%） [2]")
    none = listed_facts(query("所管は？"), [NISHI, TOYOHIRA], PROFILE)
    assert none.text == "これら2件の取組には、計画（抜粋）に所管部署の記載がありません [1]〜[2]。"
    english = listed_facts(query("Which department is in charge?"), [NISHI, TOYOHIRA], PROFILE)
    assert english.text == "The plan (excerpt) names no department for these initiatives [1]〜[2]."


def test_a_brand_named_by_its_passage_answers_what_it_is_called_but_not_which_shops_take_part():
    """「KIYOTA SWEETS」を地域独自のブランドとして answers 「スイーツのブランドって何？」; the plan still names no shop."""
    from index.unstated import standing_veto, unanswerable_fact

    brand = "地域の菓子店と協力して、「KIYOTA SWEETS」を地域独自のブランドとして発信します。"
    asked = "清田区のスイーツのブランドって何？"
    assert unanswerable_fact(asked) == "names"
    assert standing_veto("names", [brand], (), asked) is None
    shops = "どこのお店が参加してるの？"
    assert unanswerable_fact(shops) == "names"
    assert standing_veto("names", [brand], (), shops) == "names"
    assert standing_veto("names", ["菓子店と協力してスタンプラリーを開催します。"], (), asked) == "names"


def test_a_season_asked_is_answered_by_a_passage_running_in_it_or_all_year():
    """「冬もやってる？」 of 南区's winter walks is answered (冬のウォーキング), and of a walk run 年間を通して; a passage open
    on Saturdays states no season, and a winter passage no Saturdays."""
    from index.unstated import standing_veto

    walks = "運動不足になりがちな冬にも健康的な生活を送れるよう、冬のウォーキングを楽しむイベントを行います。"
    assert standing_veto("days", [walks], (), "冬もやってる？") is None
    yearly = "年間を通してノルディックウォーキングを活用した健康づくりに取り組みます。"
    assert standing_veto("days", [yearly], (), "冬もやってる？") is None
    assert standing_veto("days", ["土日も開庁します。"], (), "冬もやってる？") == "days"
    assert standing_veto("days", [walks], (), "土日もやってる？") == "days"
    # a season in a name is not when it runs (「白旗山のキャンプ場って冬も開いてる？」 of the ward's overview)
    venue = "白旗山競技場は2017冬季アジア札幌大会の会場の一つとなりました。"
    assert standing_veto("days", [venue], (), "白旗山のキャンプ場って冬も開いてる？") == "days"
    assert standing_veto("days", ["「ていね夏あかり」を開催します。"], (), "夏もやってる？") == "days"



def test_what_a_ward_does_is_its_initiative_not_its_overview():
    """「清田区で地震のときの備え、区は何してる？」: the overview recounts the 2018 earthquake; what the ward does is
    its initiative, as relevant — unless the question asks about what happened (「地震の被害あったの？」)."""
    overview = chunk("p#L54", "清田区：概況", kind="narrative", ward="清田区", section=("清田区", "概況"),
                     text="平成30年の北海道胆振東部地震において、大きな被害を受けました。")
    drills = chunk("p#L85", "きよた地域防災力強化事業", ward="清田区", text="地域の防災訓練や防災研修を支援します。")
    ranked = hits((overview, 0.878, 10.0), (drills, 0.885, 8.0))
    assert answer("清田区で地震のときの備え、区は何してる？", ranked).citations[0].hit.chunk is drills
    assert answer("清田区って地震の被害あったの？", ranked).citations[0].hit.chunk is overview
    # nearly as relevant (within `lead_margin`) and naming what is asked (川), as help the ward gives: it leads
    rivers = chunk("p#L136", "西区：概況", kind="narrative", ward="西区", section=("西区", "概況"),
                   text="琴似発寒川などの川が流れ、豊かな自然があります。")
    cleanup = chunk("p#L165", "琴似発寒川の水環境保全推進事業", ward="西区", text="琴似発寒川一斉清掃などの活動を支援します。")
    council = chunk("p#L164", "環境活動を支援", ward="西区", text="環境まちづくり協議会の活動を支援します。")
    asked = "西区の川のごみ拾い、区が手伝ってくれる？"
    assert answer(asked, hits((rivers, 0.892, 10.0), (cleanup, 0.867, 9.0))).citations[0].hit.chunk is cleanup
    assert answer(asked, hits((rivers, 0.892, 10.0), (council, 0.882, 9.0))).citations[0].hit.chunk is rivers


def test_a_wards_review_recounting_what_was_asked_answers_whatever_it_calls_it():
    """「清田区で前にやってたイベントって何がある？」: the review recounts them (マルシェ, フェス) without the word イベント;
    asked what was done before, it answers — the overview's history (発展しました) does not."""
    events = chunk("p#L77", "環境にやさしいまちづくり", ward="清田区", text="清掃活動や観賞会を開催します。")
    review = chunk("p#L64", "清田区：アクションプラン 2019 におけるまちづくりの取組", kind="narrative", ward="清田区",
                   section=("清田区", "アクションプラン 2019 におけるまちづくりの取組"),
                   text="きよたマルシェ&きよフェスを開催し、地域の魅力を発信してまいりました。")
    result = answer("清田区で前にやってたイベントって何がある？", hits((events, 0.869, 10.0), (review, 0.879, 9.0)))
    assert not result.abstained and result.citations[0].hit.chunk is review
    overview = chunk("p#L136", "西区：概況", kind="narrative", ward="西区", section=("西区", "概況"),
                     text="琴似発寒川の扇状地として発展しました。")
    assert answer("西区の保育園、前は空きがあったよね？", hits((overview, 0.88, 10.0))).abstained


@pytest.mark.parametrize(("question", "abstained"), [
    ("マイナンバーカードセンターって一日何人くらい来るの？", True),  # a cumulative count is no count per day
    ("How many people get their card at the My Number card center a day?", True),
    ("マイナンバーカードセンターで毎週何人に交付してる？", True),
    ("マイナンバーカードセンターの交付人数の目標は？", False),
    ("マイナンバーカードセンターで何人に交付するの？", False),
])
def test_a_count_asked_per_day_or_week_needs_a_figure_counted_over_that_period(question, abstained):
    """「一日何人来るの？」 of the card centre, whose row counts the cards handed out in all (累計交付人数): the plan
    states no daily count, so the figure is said to be missing — the cumulative count answers a count asked
    per no period."""
    from index.units import states_the_period

    centre = chunk("c#L2", "札幌市マイナンバーカードセンターの運営", text="マイナンバーカードの交付を円滑に行います。",
                   indicator="マイナンバーカードセンターでのマイナンバーカード累計交付人数",
                   baseline=Measure(2022, "28,385人"), target=Measure(2027, "63,700人"))
    result = answer(question, hits((centre, 0.93, 10.0)))
    assert result.abstained is abstained
    if abstained:
        assert "お尋ねの数値の記載はありません" in result.text.splitlines()[0]
    assert states_the_period("ホームページって月に何人くらい見てるの？", ["月間アクティブユーザー数 (月平均)"])
    assert not states_the_period("ホームページって月に何人くらい見てるの？", ["累計交付人数"])
    assert states_the_period("年に何回やるの？", ["事業の実施回数", "3回/年"])


def test_each_person_is_no_number_of_people():
    """「市民一人一人の状況に耳を傾け」 counts nobody: 「区役所の窓口の人、何人くらいいるの？」 is not answered by the
    chapter's narrative that says it; 約200人 and 5名 are counts."""
    from index.units import unit_figure

    people = unit_figure("人")
    assert people.search("市民一人一人の状況に耳を傾け") is None and people.search("一人ひとりに寄り添う") is None
    assert people.search("約200人が参加") and people.search("職員5名")
