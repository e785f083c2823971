"""A figure or a department asked of a program, which states neither, is answered by its initiatives'."""

from __future__ import annotations

from bot.program_facts import asks_broadly, with_program_facts
from ingest.chunk import Department, Measure
from tests.bot.test_compose import PROFILE, answer, chunk, hits

WINDOWS = chunk("p#L356", "窓口における利便性の向上", kind="program",
                text="「書かない」、「待たせない」窓口を実現します。", children=("p#L362", "p#L371"))
REGISTER = chunk("p#L362", "戸籍・住民記録窓口の利便性向上", text="繁忙期の休日開庁を継続します。", parent="p#L356",
                 departments=(Department("市) 戸籍住民課", "市民文化局", "戸籍住民課"),),
                 indicator="繁忙期における待ち時間", baseline=Measure(2022, "—"), target=Measure(2027, "20分短縮"))
GUIDE = chunk("p#L371", "総合案内の運営等による区役所来庁者の利便性向上", text="総合案内を運営します。", parent="p#L356",
              indicator="目的の窓口に迷わず行けた来庁者の割合", baseline=Measure(2022, "—"), target=Measure(2027, "90%"))
CHUNKS = (WINDOWS, REGISTER, GUIDE)


def test_a_program_asked_its_target_lists_its_initiatives_targets_each_cited():
    """「窓口における利便性の向上 目標」 leads with the program, which has no row: each initiative's indicator and
    values follow, cited to the initiative — one already cited as related keeps its number and loses its
    「関連:」 line."""
    led = answer("窓口における利便性の向上 目標", hits((WINDOWS, 0.93, 12.0), (REGISTER, 0.90, 6.0)))
    assert led.intent == "figure" and led.citations[0].hit.chunk is WINDOWS
    result = with_program_facts(led, CHUNKS, PROFILE)
    lines = result.text.split("\n")
    assert lines[1] == "「窓口における利便性の向上」自体には指標がなく、取組ごとに目標が示されています:"
    cited = {c.hit.chunk.id: c.n for c in result.citations}
    assert f"・「戸籍・住民記録窓口の利便性向上」: 繁忙期における待ち時間（2022年: — → 2027年: 20分短縮） " \
           f"[{cited['p#L362']}]" in lines
    assert any(line.startswith("・「総合案内") and line.endswith(f"[{cited['p#L371']}]") for line in lines)
    assert not any(line.startswith("関連:") and "戸籍・住民記録窓口" in line for line in lines)
    assert [c.n for c in result.citations] == list(range(1, len(result.citations) + 1))


def test_a_program_asked_its_department_lists_the_departments_of_its_initiatives_that_name_one():
    """「窓口における利便性の向上 所管」: the program names no department; its initiative naming one answers, cited
    (the information desks name none here, so are not listed)."""
    led = answer("窓口における利便性の向上 所管", hits((WINDOWS, 0.93, 12.0)))
    assert led.intent == "department" and led.citations[0].hit.chunk is WINDOWS
    lines = with_program_facts(led, CHUNKS, PROFILE).text.split("\n")
    assert lines[1] == "「窓口における利便性の向上」自体には所管の記載がなく、取組ごとの所管は次のとおりです:"
    assert lines[2] == "・「戸籍・住民記録窓口の利便性向上」: 市民文化局 戸籍住民課 [2]"
    assert not any("総合案内" in line for line in lines)


def test_a_theme_asked_as_a_whole_is_led_by_the_program_and_lists_what_each_initiative_does():
    """「窓口を便利にする取組の一覧」: the best initiative belongs to a program retrieved beside it, which leads and
    lists its initiatives, a cited line each; 「どんなことしてる？」 asks what one does and keeps the initiative."""
    ranked = hits((GUIDE, 0.93, 12.0), (WINDOWS, 0.90, 8.0), (REGISTER, 0.89, 6.0))
    led = answer("区役所の窓口を便利にする取組の一覧", ranked)
    assert led.citations[0].hit.chunk is WINDOWS
    lines = with_program_facts(led, CHUNKS, PROFILE).text.split("\n")
    assert lines[1] == "「窓口における利便性の向上」の取組:"
    assert lines[2].startswith("・「戸籍・住民記録窓口の利便性向上」: 繁忙期の休日開庁を継続します。 [")
    assert answer("総合案内ってどんなことしてる？", ranked).citations[0].hit.chunk is GUIDE
    assert asks_broadly("What initiatives are there for ward office counters?")
    assert asks_broadly("区役所の窓口ってこれから何が変わるの？") and not asks_broadly("大学と市の連携ってどんなことしてる？")


def test_an_initiative_or_another_kind_of_question_is_left_as_it_is():
    """An initiative with its own row, or a program asked what it does, keeps its answer."""
    own = answer("戸籍・住民記録窓口の利便性向上 目標", hits((REGISTER, 0.93, 12.0)))
    assert with_program_facts(own, CHUNKS, PROFILE) is own
    what = answer("窓口における利便性の向上って何をするの？", hits((WINDOWS, 0.93, 12.0)))
    assert with_program_facts(what, CHUNKS, PROFILE) is what
