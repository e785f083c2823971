"""`planqa eval --rewrites`: each rewrite of a question, and the scoring beside the questions as written."""

from __future__ import annotations

import json
import random

from eval.questions import Question
from eval.rewrites import (
    REWRITES,
    courteous,
    half_width,
    hiragana,
    homophone,
    rewritten,
    score_rewrites,
    slip,
    some_kana,
    unpunctuated,
)
from planqa.cli import main


def question(id_, text, gold=("大型ごみ収集のオンライン化",), kind="paraphrase"):
    return Question(id_, text, tuple(gold), kind, "citizen", None)


def test_hiragana_reads_every_word_and_spaces_the_phrases():
    assert hiragana("区役所に行かなくても相談できる？") == "くやくしょに いかなくても そうだんできる？"
    assert hiragana("粗大ごみはネットで申し込める？") == "そだいごみは ねっとで もうしこめる？"
    assert hiragana("R9の目標") == "R9の もくひょう"  # Latin letters and digits as written


def test_half_width_spells_katakana_voicing_and_punctuation_in_half_width():
    assert half_width("ガバメントクラウド・パスポート「ヴ」。") == "ｶﾞﾊﾞﾒﾝﾄｸﾗｳﾄﾞ･ﾊﾟｽﾎﾟｰﾄ｢ｳﾞ｣｡"
    assert half_width("区役所へ") == "区役所へ"  # kanji and hiragana have no half-width form


def test_unpunctuated_courteous_and_slip():
    assert unpunctuated("西区の公園、遊具は？ 直す予定ある？") == "西区の公園遊具は直す予定ある"
    wrapped = courteous("遊具は古い？", random.Random(0))
    assert "遊具は古い？" in wrapped and wrapped != "遊具は古い？"
    slipped = slip("西区の公園の遊具が古い", random.Random(0))
    assert len(slipped) == len("西区の公園の遊具が古い") - 1
    assert slipped[:2] == "西区" and slipped.endswith("古い")
    assert slip("公園？", random.Random(0)) == "公園？"  # too short to slip inside


def test_some_kana_puts_some_nouns_in_hiragana_and_leaves_the_rest_as_written():
    """Nouns written with a kanji are put in their reading at about a third's odds; verbs, particles and katakana
    stay; seeded, so a run is repeatable."""
    question = "市の施設の管理を民間の会社に任せる制度って何ていうの？"
    rewrites = {some_kana(question, random.Random(seed)) for seed in range(20)}
    assert rewrites != {question} and all("任せる" in text and "って" in text for text in rewrites)
    assert any("みんかん" in text for text in rewrites) and any("民間" in text for text in rewrites)
    assert some_kana(question, random.Random(3)) == some_kana(question, random.Random(3))
    assert some_kana("ネットで申し込める？", random.Random(0)) == "ネットで申し込める？"  # no noun in kanji


def test_homophone_swaps_one_kanji_of_a_compound_for_one_read_the_same():
    """One kanji of a compound of two or more is replaced by another jōyō kanji sharing an on reading; a lone
    kanji (を書く) and kana are left as written."""
    from index.kanji_readings import readings

    question = "区役所に書類を出す"
    swapped = homophone(question, random.Random(0))
    changed = [(a, b) for a, b in zip(question, swapped, strict=True) if a != b]
    assert len(changed) == 1
    written, typed = changed[0]
    assert written in "区役所書類" and readings(written, kun=False) & readings(typed, kun=False)
    assert homophone("本を書く", random.Random(0)) == "本を書く"


def test_rewrites_are_repeatable_and_leave_out_english_no_answer_and_unchanged_ones():
    questions = [question("1", "大型ごみをネットで申し込む"), question("2", "Can I book bulky waste online?"),
                 question("3", "地下鉄の運賃", gold=(), kind="no_answer"), question("4", "大型ごみ")]
    pairs = rewritten(questions)
    assert pairs == rewritten(questions)
    assert {q.id for rows in pairs.values() for q, _ in rows} == {"1", "4"}
    assert [q.id for q, _ in pairs["half-width"]] == ["1"]  # 大型ごみ has no katakana to put in half width
    assert [q.id for q, _ in pairs["slip"]] == ["1"]  # 大型ごみ is too short


def test_each_rewrite_is_scored_beside_the_same_questions_as_written(mini_bot):
    questions = [question("1", "大型ごみをインターネットで申し込みたい")]
    result = score_rewrites(mini_bot, questions)
    rows = {row["rewrite"]: row for row in result["rewrites"]}
    assert set(rows) == set(REWRITES)
    written = rows["courteous"]
    assert (written["questions"], written["right_as_written"], written["refused_as_written"]) == (1, 1, 0)
    assert all(row["right"] <= row["questions"] for row in rows.values())
    assert all(miss["id"] == "1" and miss["gold"] == list(questions[0].gold) for miss in result["misses"])
    assert len(result["misses"]) == sum(row["right_as_written"] - row["right"] for row in rows.values())


def test_eval_rewrites_command(capsys, mini_cli_env, tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text(json.dumps({"id": "1", "question": "大型ごみをインターネットで申し込みたい",
                                "gold": ["大型ごみ収集のオンライン化"], "kind": "paraphrase", "persona": "citizen"},
                               ensure_ascii=False), encoding="utf-8")
    assert main(["eval", "--questions", str(path), "--rewrites"]) == 0
    printed = capsys.readouterr().out
    assert "hiragana" in printed and "courteous" in printed and "as written" in printed
    assert main(["eval", "--questions", str(path), "--rewrites", "--json"]) == 0
    assert {row["rewrite"] for row in json.loads(capsys.readouterr().out)["rewrites"]} == set(REWRITES)


def test_rewrites_are_one_set_on_the_shipped_index(capsys, mini_cli_env):
    assert main(["eval", "--set", "all", "--rewrites"]) != 0
    assert "--rewrites" in capsys.readouterr().err
