"""The plan's profile: its aliases (everyday names for the plan's own terms) and their round trip."""

from __future__ import annotations

import pytest

from index.config import IndexConfig
from index.query import understand
from ingest.profile import PlanProfile, bundled_profile, parse_profile
from planqa.errors import CorpusError

PROFILE = PlanProfile(aliases={"アクションプラン 2019": ("前の計画", "previous plan", "AP2019"),
                               "SNS": ("LINE", "Instagram")})


@pytest.mark.parametrize(("question", "terms"), [
    ("豊平区で前の計画のときは何に力を入れてたの？", ["アクションプラン 2019"]),
    ("前の 計画", ["アクションプラン 2019"]),  # Japanese ignores spaces
    ("What did the PREVIOUS  plan do?", ["アクションプラン 2019"]),  # English ignores case, spacing
    ("ＡＰ２０１９　事業数", ["アクションプラン 2019"]),  # full-width letters and digits (NFKC)
    ("アクションプラン2019の前の計画", []),  # the question already names the plan's term
    ("a previous planner", []),  # English matches whole words only
    ("計画の前に", []),
    ("赤ちゃんのことLINEとかで相談できる？", ["SNS"]),  # Latin inside Japanese text
    ("Can I ask on ＬＩＮＥ?", ["SNS"]),
    ("The line at the ward office is long", []),  # written in capitals: matched in capitals only
    ("Is the city on instagram?", ["SNS"]),  # not in capitals: any case
    ("SNSやLINEで発信してる？", []),  # already says SNS
])
def test_an_everyday_name_adds_the_plans_term(question, terms):
    assert PROFILE.plan_terms(question) == terms


def test_the_bundled_profile_declares_the_previous_plan_and_searches_with_it():
    query = understand("前の計画のときは何に力を入れてたの？", 10, None, IndexConfig(model="hash"), bundled_profile())
    assert query.search_text.endswith(" アクションプラン 2019")
    assert any("アクションプラン 2019" in note for note in query.notes)


@pytest.mark.parametrize(("question", "term"), [
    ("市役所もChatGPTとか使うの？", "生成AI"),
    ("マイナカードってどこで作れる？", "マイナンバーカード"),
    ("Does the city post on Instagram?", "SNS"),
    ("ほかの市と一緒に仕事のやり方をそろえたりしないの？", "自治体"),  # another city: the plan's 他自治体
    ("Is Sapporo working with other cities to standardize its work?", "自治体"),
    ("草取りのボランティアってできる？", "草抜き"),  # the plan's 草刈り、草抜き
    ("Can volunteers help with weeding?", "草抜き"),
    ("市役所の仕事でロボットみたいなの使ってる？", "RPA"),  # RPA's software robots
    ("市役所って仕事のやり方を根本から見直してるの？", "抜本的"),  # 抜本的な業務改善（BPR）
    ("どこの市でも同じシステムを使うようになるって聞いた", "標準化"),  # システム標準化
    ("勘じゃなくてデータで政策決めてる？", "エビデンス"),  # EBPM
    ("手続きの流れを図にして見直すってこと？", "可視化"),  # 業務フローを可視化
    ("ソファを捨てたい", "大型ごみ"),  # furniture put out is the plan's bulky waste
    ("引っ越しでベッドとタンスを処分したい", "大型ごみ"),
    ("市役所って民間の人を職員に採ってる？", "外部人材"),  # 外部人材の登用
    ("Does the city hire people from outside?", "外部人材"),
    ("区役所が混んでるか家から確認できる？", "待合状況"),  # 待合状況のインターネット公開
    ("市役所の中の不正とかって誰がチェックしてるの？", "内部統制"),  # the plan never writes 不正
    ("札幌市って全部の仕事の量を調べたことあるの？", "業務量"),  # 業務量調査
    ("市役所の改革の柱って何？", "取組方針"),
])
def test_the_bundled_profile_names_the_plans_term_for_an_everyday_name(question, term):
    assert term in bundled_profile().plan_terms(question)


def test_a_household_appliance_is_not_read_as_bulky_waste():
    """冷蔵庫 and 洗濯機 are collected by appliance recycling, not as the plan's 大型ごみ."""
    assert "大型ごみ" not in bundled_profile().plan_terms("冷蔵庫と洗濯機を捨てたい")


@pytest.mark.parametrize(("question", "found"), [
    ("市ってインスタもやってる？", True),  # a product named with も, not only で／とか
    ("インスタントラーメンの配布ってある？", False),
])
def test_the_bundled_profile_reads_an_abbreviated_product_before_its_particle(question, found):
    assert ("SNS" in bundled_profile().plan_terms(question)) is found


@pytest.mark.parametrize(("question", "found"), [
    ("親の介護の手続き、家からできるようにならないの？", True),
    ("区役所に行かなくても申請できる？", True),
    ("家にいながら相談できたらいいのに", True),
    ("家から近い公園で子どもが遊べるところある？", False),  # home as a place, not as doing it from home
])
def test_the_bundled_profile_reads_doing_it_from_home_as_online(question, found):
    assert ("オンライン" in bundled_profile().plan_terms(question)) is found


def test_aliases_survive_the_manifest_round_trip():
    profile = bundled_profile()
    assert profile.aliases and PlanProfile.from_dict(profile.to_dict()) == profile


@pytest.mark.parametrize("table", ['[aliases]\n"X" = "前の計画"\n', '[aliases]\n"X" = ["", "前"]\n', 'aliases = 3\n'])
def test_a_malformed_aliases_table_names_the_file(table):
    with pytest.raises(CorpusError, match=r"plan\.profile\.toml: not a valid plan profile .*aliases"):
        parse_profile(table, "plan.profile.toml")
