"""Curated answers (職員確認済み): they must cite the plan, are served first when a question is close
enough (same ward), count their hits, and turn stale when a cited passage changes or disappears."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from bot.config import BotConfig, LLMConfig, Relevance, StaffSettings
from bot.service import Bot
from index.engine import SearchEngine
from index.store import build_index
from planqa.errors import InputFileError, QueryError

SNOW = "家の前の除雪はいつ来ますか？"
SNOW_ANSWER = "除雪の日程はこの計画には書かれていません。区の土木センターにお問い合わせください。"


@pytest.fixture
def bot(mini_config, embedder, tmp_path):
    config = BotConfig(index=mini_config, relevance=Relevance(threshold=-1.0), llm=LLMConfig(None, None),
                       feedback_log=tmp_path / "feedback.jsonl", staff=StaffSettings(curated_threshold=0.9))
    served = Bot(config, SearchEngine(mini_config, embedder))
    yield served
    served.close()


def test_a_curated_answer_must_cite_existing_chunks(bot):
    index = bot.engine.index
    with pytest.raises(QueryError, match="at least one chunk"):
        bot.staff.curated.add(SNOW, SNOW_ANSWER, [], index)
    with pytest.raises(QueryError, match="'mini_plan#L999' is not in the index"):
        bot.staff.curated.add(SNOW, SNOW_ANSWER, ["mini_plan#L4", "mini_plan#L999"], index)
    with pytest.raises(QueryError, match="answer must be non-empty"):
        bot.staff.curated.add(SNOW, "  ", ["mini_plan#L4"], index)
    assert bot.staff.curated.all() == []


def test_close_question_gets_the_curated_answer_and_an_unrelated_one_does_not(bot):
    added = bot.staff.curated.add(SNOW, SNOW_ANSWER, ["mini_plan#L4"], bot.engine.index,
                                  variants=["除雪車はいつ家の前に来る？"])
    answer = bot.reply("家の前の除雪はいつ来ますか", channel="api")
    record = answer.to_record()
    assert record["curated"] is True and record["curated_id"] == added.id and record["curated_hits"] == 1
    assert answer.text.startswith("【職員確認済みの回答】") and SNOW_ANSWER in answer.text
    assert answer.notes[0].startswith(f"職員が確認した回答です（ID {added.id}、これまでに 1 回利用")
    assert [c["id"] for c in record["citations"]] == ["mini_plan#L4"] and "「地域の防災力強化」[1]" in answer.text
    other = bot.reply("大型ごみはネットで申し込める？", channel="api")
    assert other.to_record()["curated"] is False and other.citations[0].hit.chunk.title == "大型ごみ収集のオンライン化"
    assert bot.staff.curated.get(added.id).hits == 1
    assert bot.reply("除雪車はいつ家の前に来る？").curated_hits == 2  # counted in the database, not the cache
    kinds = [e.answer_kind for e in bot.staff.queries.entries()]
    assert kinds == ["curated", "answer", "curated"]


def test_a_question_about_another_ward_does_not_get_the_curated_answer(bot):
    bot = replace_threshold(bot, 0.5)
    bot.staff.curated.add("西区の避難所はどこですか？", "西区の避難所は…", ["mini_plan#L4"], bot.engine.index)
    assert bot.reply("西区の避難所はどこ？").curated
    assert not bot.reply("豊平区の避難所はどこですか？").curated


def replace_threshold(bot: Bot, threshold: float) -> Bot:
    bot.config = replace(bot.config, staff=replace(bot.config.staff, curated_threshold=threshold))
    bot.staff.matcher.threshold = threshold
    return bot


def test_changed_or_removed_passages_turn_curated_answers_stale(bot, mini_config, embedder, mini_plan_text):
    index = bot.engine.index
    changed = bot.staff.curated.add(SNOW, SNOW_ANSWER, ["mini_plan#L24"], index)
    removed = bot.staff.curated.add("ナッジって何？", "選び方を手助けすること。", ["mini_plan#L31"], index)
    kept = bot.staff.curated.add("消防検査はオンラインでできる？", "整備します。", ["mini_plan#L27"], index)
    plan = mini_config.ingest.corpus[0]
    text = mini_plan_text.replace("インターネット受付を新たに導入します。", "インターネット受付を拡大します。")
    plan.write_text(text.split("\n¹⁹²")[0] + "\n", encoding="utf-8")  # the glossary footnote is gone
    build_index(mini_config, embedder)
    bot.reload()
    by_id = {a.id: a for a in bot.staff.curated.all()}
    assert by_id[changed.id].stale and "本文が変わりました" in by_id[changed.id].stale_reason
    assert by_id[removed.id].stale and "削除されました" in by_id[removed.id].stale_reason
    assert not by_id[kept.id].stale
    assert not bot.reply(SNOW).curated  # stale answers are not served
    assert bot.reply("消防検査はオンラインでできる？").curated


def test_export_and_import_round_trip_all_or_nothing(bot, tmp_path):
    index = bot.engine.index
    bot.staff.curated.add(SNOW, SNOW_ANSWER, ["mini_plan#L4"], index, variants=["除雪車はいつ来る？"])
    out = tmp_path / "curated.jsonl"
    assert bot.staff.curated.export(out) == 1
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["question"] == SNOW and exported["cite"] == ["mini_plan#L4"] and exported["variants"] == ["除雪車はいつ来る？"]
    limits = bot.limits
    assert bot.staff.curated.import_file(out, index, limits.max_batch_file_bytes, limits.max_batch_line_bytes) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text(out.read_text(encoding="utf-8") + json.dumps({"question": "q", "answer": "a", "cite": ["nope"]}) + "\n",
                   encoding="utf-8")
    with pytest.raises(InputFileError, match=r"bad.jsonl:2: chunk id 'nope' is not in the index"):
        bot.staff.curated.import_file(bad, index, limits.max_batch_file_bytes, limits.max_batch_line_bytes)
    assert len(bot.staff.curated.all()) == 2
    removed = bot.staff.curated.remove(1)
    assert removed.question == SNOW and [a.id for a in bot.staff.curated.all()] == [2]
    with pytest.raises(QueryError, match="no curated answer with id 1"):
        bot.staff.curated.remove(1)


def test_query_log_can_be_turned_off(bot):
    bot.config = replace(bot.config, staff=replace(bot.config.staff, query_log=False))
    bot.reply("大型ごみはネットで申し込める？")
    assert bot.staff.queries.entries() == []
