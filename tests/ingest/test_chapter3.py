"""Chapter 3 tables: numbered and circled items, programs, indicators, footnotes, departments."""

from __future__ import annotations

CHAPTER = (
    "第3章 行財政運営の取組\n"
    "\n"
    "1 行政運営の取組\n"
    "\n"
    "(2) 具体的な取組\n"
    "\n"
    "1 行政サービスの高度化\n"
    "\n"
    "現状と課題\n"
    "\n"
    "- これまでも、行政手続のオンライン化を進めてきました。\n"
    "- 一方、市民ニーズは多様化しています。\n"
    "\n"
    "取組内容\n"
    "\n"
    "II デジタル化や区役所改革など市民目線の行政サービスの構築\n"
    "\n"
    "1\t複合的な福祉課題等を抱える市民への支援促進事業\t所管\t保) 総務部\n"
    "相談を一元的に受け止めます。\t\t\t\n"
    "目標\t複合的な福祉課題を抱える市民の支援方針が決まった割合\t2022年\t2027年\n"
    "\t\t100%\t100%\n"
    "2\t行政手続のオンライン化の推進\t\t\n"
    "行政手続のオンライン化の取組を加速させます。\t\t\t\n"
    "①\t行政手続のオンライン化推進\t所管\t総) 行政部、 デ) スマートシティ推進部、 デ) 情報システム部\n"
    "手続のオンライン化を推進します。併せて、システム標準化 ¹⁸⁵ を進めます。\t\t\t\n"
    "目標\t札幌市の行政手続におけるオンラインカバー率\t2022年\t2027年\n"
    "\t\t30.8%\t70%\n"
    "\n"
    "¹⁸⁵ システム標準化：国が作成する標準仕様に基づくシステムを利用すること。\n"
    "\n"
    "③ 大型ごみ収集のオンライン化\t\t所管\t環) 環境事業部\n"
    "大型ごみの申込について、インターネット受付を新たに導入します。\t\t\t\n"
    "目標\t大型ごみ申込受付件数におけるインターネット 受付件数の割合\t2022年 —\t2027年 50%\n"
    "3 窓口における利便性の向上\t\t\t\n"
    "「書かない」窓口を実現します。\t\t\t\n"
    "①\tマイナンバーカードを活用した申請書作成支援システムの試験的導入\t所管\t市) 地域振興部\n"
    "申請書作成支援システムを試験的に導入します。\t\t\t\n"
    "目標\t中央区仮庁舎における申請書作成支援システムの設置\t2022年\t2023年\n"
    "\t\t—\t設置\n"
    "③\t札幌市マイナンバーカードセンター ¹⁸⁷ の運営\t所管\tデ) スマートシティ推進部\n"
    "土日もマイナンバーカードの交付ができる施設を運営します。\t\t\t\n"
    "目標\tマイナンバーカードセンターでのマイナンバーカード累計交付人数\t2022年\t2027年\n"
    "\t\t28,385人\t63,700人\n"
    "\n"
    "4 デジタルデバインド¹⁸⁸対策の取組\t\t所管\tデ) スマートシティ推進部\n"
    "講習会やサポートを行います。\t\t\t\n"
    "目標\t受講後アンケートによる割合\t2022年\t2027年\n"
    "\t\t—\t80%\n"
    "\n"
    "¹⁸⁷ 札幌市マイナンバーカードセンター：令和3年8月に開設。\n"
    "\n"
    "¹⁸⁸ デジタルデバインド：情報通信技術を利用できる者とそうでない者との間に生じる格差。\n"
    "\n"
    "Ⅲ 業務の集約化\n"
    "\n"
    "①\t「デジタル改革推進チーム（デジタルCOE）」による行政DXの推進\t所管\t総） 行政部、 デ） スマートシティ推進部\n"
    "行政DXを推進します。\t\t\t\n"
    "⑤ 各種業務における市民サービス向上にも寄与するDXの取組\t\t所管\t総) 行政部、 子) 子育て支援部 ほか\n"
    "DXの推進に取り組みます。\t\t\t\n"
    "② 官民連携窓口の設置\t\t所管\t政) 政策企画部 デ) スマートシティ推進部、 経) 経済戦略推進部\n"
    "窓口を設置します。\t\t\t\n"
    "5\tデータの分析、利活用による事業の実施を担う人材の育成\t所管\tデ) スマートシティ推進部\n"
    "データの収集・活用を進めます。\t\t\t\n"
    "目標\tデータ利活用に関する研修の受講者数（延べ）\t2022年 28人\t2027年 628人\n"
)


def test_numbered_item_with_values_on_their_own_line(parse):
    chunks, doc = parse(CHAPTER)
    item = chunks["複合的な福祉課題等を抱える市民への支援促進事業"]
    assert item.kind == "initiative" and item.number == "1"
    assert item.text == "相談を一元的に受け止めます。"
    assert item.indicator == "複合的な福祉課題を抱える市民の支援方針が決まった割合"
    assert (item.baseline.year, item.baseline.value) == (2022, "100%")
    assert (item.target.year, item.target.value) == (2027, "100%")
    assert (item.source.line_start, item.source.line_end) == (18, 21)
    assert doc.warnings == []


def test_program_groups_its_circled_children(parse):
    chunks, _ = parse(CHAPTER)
    program = chunks["行政手続のオンライン化の推進"]
    assert program.kind == "program" and program.number == "2"
    assert program.text == "行政手続のオンライン化の取組を加速させます。"
    child = chunks["行政手続のオンライン化推進"]
    bulky = chunks["大型ごみ収集のオンライン化"]
    assert child.parent == program.id and bulky.parent == program.id
    assert program.children == (child.id, bulky.id)
    assert bulky.section[-1] == "行政手続のオンライン化の推進"
    assert bulky.section[:4] == ("第3章 行財政運営の取組", "1 行政運営の取組", "(2) 具体的な取組", "1 行政サービスの高度化")


def test_footnote_definition_between_rows_does_not_end_the_program(parse):
    chunks, _ = parse(CHAPTER)
    assert chunks["大型ごみ収集のオンライン化"].parent == chunks["行政手続のオンライン化の推進"].id
    glossary = chunks["システム標準化"]
    assert glossary.kind == "glossary" and glossary.footnote == 185
    assert glossary.definition == "国が作成する標準仕様に基づくシステムを利用すること。"
    assert chunks["行政手続のオンライン化推進"].glossary_refs == (185,)
    assert chunks["行政手続のオンライン化推進"].glossary[0].chunk_id == glossary.id


def test_inline_values_and_wrapped_indicator(parse):
    chunks, _ = parse(CHAPTER)
    bulky = chunks["大型ごみ収集のオンライン化"]
    assert bulky.indicator == "大型ごみ申込受付件数におけるインターネット受付件数の割合"
    assert (bulky.baseline.value, bulky.target.value) == ("—", "50%")
    data = chunks["データの分析、利活用による事業の実施を担う人材の育成"]
    assert (data.baseline.value, data.target.value) == ("28人", "628人")


def test_target_year_2023_is_kept(parse):
    chunks, _ = parse(CHAPTER)
    item = chunks["マイナンバーカードを活用した申請書作成支援システムの試験的導入"]
    assert (item.target.year, item.target.value) == (2023, "設置")
    assert item.parent == chunks["窓口における利便性の向上"].id


def test_footnote_number_is_removed_from_title_and_linked(parse):
    chunks, _ = parse(CHAPTER)
    center = chunks["札幌市マイナンバーカードセンターの運営"]
    assert center.glossary_refs == (187,)
    assert center.glossary[0].term == "札幌市マイナンバーカードセンター"
    assert (center.baseline.value, center.target.value) == ("28,385人", "63,700人")


def test_plain_numbered_item_after_a_program_has_no_parent(parse):
    chunks, _ = parse(CHAPTER)
    divide = chunks["デジタルデバインド対策の取組"]
    assert divide.kind == "initiative" and divide.parent is None and divide.number == "4"
    assert divide.glossary_refs == (188,)
    assert divide.section[-1] == "II デジタル化や区役所改革など市民目線の行政サービスの構築"


def test_departments_full_width_paren_multi_and_others(parse):
    chunks, _ = parse(CHAPTER)
    coe = chunks["「デジタル改革推進チーム（デジタルCOE）」による行政DXの推進"]
    assert [d.as_written for d in coe.departments] == ["総） 行政部", "デ） スマートシティ推進部"]
    assert [d.name for d in coe.departments] == ["総務局 行政部", "デジタル戦略推進局 スマートシティ推進部"]
    dx = chunks["各種業務における市民サービス向上にも寄与するDXの取組"]
    assert [d.name for d in dx.departments] == ["総務局 行政部", "子ども未来局 子育て支援部"]
    assert dx.departments_more is True
    window = chunks["官民連携窓口の設置"]
    assert [d.bureau for d in window.departments] == ["まちづくり政策局", "デジタル戦略推進局", "経済観光局"]


def test_bullet_list_under_a_heading_is_one_narrative_chunk(parse):
    chunks, _ = parse(CHAPTER)
    narrative = chunks["行政サービスの高度化：現状と課題"]
    assert narrative.kind == "narrative"
    assert narrative.text.count("\n") == 1
    assert (narrative.source.line_start, narrative.source.line_end) == (11, 12)


def test_roman_heading_closes_the_program(parse):
    chunks, _ = parse(CHAPTER)
    assert chunks["「デジタル改革推進チーム（デジタルCOE）」による行政DXの推進"].parent is None
