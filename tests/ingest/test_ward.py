"""Ward chapters: goals, each marker spelling, notes resolved into words."""

from __future__ import annotations

import pytest

WARD = (
    "(9) 西 区\n"
    "\n"
    "<概況>\n"
    "\n"
    "西区は、市の西部に位置し、東側は中央区に接しています。\n"
    "\n"
    "<取組目標・主な取組>\n"
    "\n"
    "目標1:誰もが安全・安心に暮らせるまちづくり 地域の防災力向上を進めます。\t\n"
    "地域の防災力強化^{*1}\t避難所開設訓練等を実施します。\n"
    "冬も楽しむウォーキング 推進事業* ¹\t冬のウォーキングを楽しむイベントを行います。\n"
    "\n"
    "認知症の方や家族への支援※2\t講座を関係機関とともに行います。\n"
    "目標2:自然を生かしたまちづくり 環境活動を支援します。\t\n"
    "琴似発寒川の水環境保全推進事業(★)\t一斉清掃などを支援します。\n"
    "子育て応援交流広場事業★\t交流の場を提供します。\n"
    "とよひらスポーツ応援プロジェクト事業 (P.103)\tスポーツ体験事業を実施します。\n"
    "子育てしやすい環境づくり ^{※3}\t子育てサロンの運営を支援します。\n"
    "手稲山を活用した魅力発信 (手稲ふるさと創生事業 P.74)\t映画祭などに取り組みます。\n"
    "\n"
    "注) 事業名内の(★)は、「未来へつなぐ笑顔のまちづくり活動推進事業」(P.73)による実施\n"
    " ※1 「地域防災活動推進事業」(P.76) による実施 ※2 「認知症施策推進事業」(P.67) による実施\n"
    "\n"
    "※3「地域子育て支援拠点事業」(P.44)、「地域子育て支援事業」(P.44)による実施\n"
)


def test_ward_rows_become_initiatives_under_their_goal(parse):
    chunks, doc = parse(WARD)
    row = chunks["地域の防災力強化"]
    assert row.kind == "initiative"
    assert row.ward == "西区"
    assert row.section == ("西区", "取組目標・主な取組", "目標1:誰もが安全・安心に暮らせるまちづくり")
    assert row.goal == "目標1:誰もが安全・安心に暮らせるまちづくり 地域の防災力向上を進めます。"
    assert row.text == "避難所開設訓練等を実施します。"
    assert (row.source.line_start, row.source.line_end) == (10, 10)
    assert doc.warnings == []


def test_blank_line_inside_a_goal_table_keeps_the_goal(parse):
    chunks, _ = parse(WARD)
    assert chunks["認知症の方や家族への支援"].section[-1] == "目標1:誰もが安全・安心に暮らせるまちづくり"
    assert chunks["琴似発寒川の水環境保全推進事業"].section[-1] == "目標2:自然を生かしたまちづくり"


@pytest.mark.parametrize(
    ("title", "note"),
    [
        ("地域の防災力強化", "※1: 「地域防災活動推進事業」(P.76)による実施"),  # ^{*1}
        ("冬も楽しむウォーキング推進事業", "※1: 「地域防災活動推進事業」(P.76)による実施"),  # * ¹
        ("認知症の方や家族への支援", "※2: 「認知症施策推進事業」(P.67)による実施"),  # ※2
        ("琴似発寒川の水環境保全推進事業", "★: 「未来へつなぐ笑顔のまちづくり活動推進事業」(P.73)による実施"),
        ("子育て応援交流広場事業", "★: 「未来へつなぐ笑顔のまちづくり活動推進事業」(P.73)による実施"),
        ("子育てしやすい環境づくり", "※3: 「地域子育て支援拠点事業」(P.44)、「地域子育て支援事業」(P.44)による実施"),
        ("とよひらスポーツ応援プロジェクト事業", "計画本編 P.103 に関連記載"),
        ("手稲山を活用した魅力発信", "「手稲ふるさと創生事業」(P.74)を参照"),
    ],
)
def test_each_marker_style_is_stripped_from_the_title_and_resolved(parse, title, note):
    chunks, _ = parse(WARD)
    assert title in chunks, sorted(chunks)
    assert chunks[title].notes == (note,)
    assert not any(mark in chunks[title].title for mark in "★※^*(P")


def test_note_programs_are_structured(parse):
    chunks, _ = parse(WARD)
    programs = chunks["子育てしやすい環境づくり"].programs
    assert [(p.marker, p.program, p.page) for p in programs] == [
        ("※3", "地域子育て支援拠点事業", 44),
        ("※3", "地域子育て支援事業", 44),
    ]
    assert chunks["とよひらスポーツ応援プロジェクト事業"].page_refs == (103,)


def test_goal_lines_and_overview_paragraphs_are_narrative(parse):
    chunks, _ = parse(WARD)
    assert chunks["西区：概況"].kind == "narrative"
    assert chunks["西区：概況"].text.startswith("西区は、市の西部")
    goal = chunks["目標2:自然を生かしたまちづくり"]
    assert goal.kind == "narrative" and goal.ward == "西区"


def test_nested_torikumi_sits_under_the_unnumbered_goal(parse):
    chunks, _ = parse(
        "(10) 手 稲 区\n<取組目標・主な取組>\n"
        "目標:住んでいて良かったと実感できる「人に優しいまちづくり」\t\n"
        "取組1:安心して暮らせるまちづくりの取組\t\n"
        "スポーツ普及促進事業 (★)\tスポーツに親しむ環境づくりを目指します。\n"
        "注) 事業名内の(★)は、「未来へつなぐ笑顔のまちづくり活動推進事業」(P.73)による実施\n"
    )
    row = chunks["スポーツ普及促進事業"]
    assert row.section == (
        "手稲区",
        "取組目標・主な取組",
        "目標:住んでいて良かったと実感できる「人に優しいまちづくり」",
        "取組1:安心して暮らせるまちづくりの取組",
    )


def test_marker_without_definition_is_reported_not_invented(parse):
    chunks, doc = parse("(6) 豊 平 区\n<取組目標・主な取組>\n目標1:健康 説明。\t\n事業A※9\t説明文です。\n")
    assert chunks["事業A"].notes == ("※9: (注記の定義が見つかりません)",)
    assert any("※9" in w for w in doc.warnings)
