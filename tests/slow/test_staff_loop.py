"""The staff loop on the real model and the bundled plan: citizens ask something the plan does not
answer → the report clusters their questions → staff add a curated answer citing the plan → a new
paraphrase gets it, an unrelated question does not → the plan changes and the answer turns stale."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.config import BotConfig, LLMConfig, StaffSettings
from bot.service import Bot
from bot.staff.report import build_report
from index.engine import SearchEngine
from ingest.config import BUNDLED_PLAN, IngestConfig
from ingest.corpus import BUNDLED_PROFILE

pytestmark = pytest.mark.slow

CITIZENS = ["粗大ごみを出すのにいくらかかりますか？", "大型ごみの手数料を知りたい", "粗大ゴミの処分って料金かかる？"]
FOURTH = "粗大ゴミの処理費用はいくら？"
UNRELATED = ["大型ごみはネットで申し込める？", "消防検査のオンライン化の所管は？"]
ANSWER = ("大型ごみ（粗大ごみ）の手数料はこの計画には書かれていません。品目ごとの手数料は大型ごみ収集センターで"
          "ご確認ください。なお計画では、申込のインターネット受付を導入するとしています。")


def test_unanswered_cluster_becomes_a_curated_answer_that_turns_stale(real_engine, real_config, tmp_path):
    config = BotConfig(index=real_config, llm=LLMConfig(None, None), feedback_log=tmp_path / "feedback.jsonl",
                       staff=StaffSettings(db_url=f"sqlite:///{tmp_path / 'staff.db'}"))
    bot = Bot(config, real_engine)
    answers = [bot.reply(question, channel="chat") for question in CITIZENS]
    assert all(a.abstained and not a.curated for a in answers), [a.text[:60] for a in answers]
    bot.reply("市営住宅の家賃はいくら？", channel="chat")  # another unanswered need
    bot.reply("大型ごみはネットで申し込める？", channel="chat")  # answered

    report = build_report(bot.staff, real_engine.index, real_engine.embedder, cluster_threshold=config.staff.cluster_threshold)
    top = report.clusters[0]
    assert top.count == 3 and set(top.examples) == set(CITIZENS), report.to_record()["unanswered_clusters"]
    assert all("市営住宅" not in e for e in top.examples)
    assert report.questions == 5 and report.abstained == 4

    chunk = real_engine.search("大型ごみ インターネット受付", 1).hits[0].chunk
    assert chunk.title == "大型ごみ収集のオンライン化"
    curated = bot.staff.curated.add(top.representative, ANSWER, [chunk.id], real_engine.index,
                                    variants=[e for e in top.examples if e != top.representative])

    fourth = bot.reply(FOURTH, channel="api").to_record()
    assert fourth["curated"] is True and fourth["curated_id"] == curated.id
    assert fourth["citations"][0]["id"] == chunk.id and ANSWER in fourth["answer"]
    for question in UNRELATED:
        assert bot.reply(question, channel="api").to_record()["curated"] is False, question
    assert bot.staff.curated.get(curated.id).hits == 1
    assert bot.staff.queries.entries()[-3].answer_kind == "curated"

    # The plan changes: the cited initiative's text is edited; the index is rebuilt from the new plan.
    changed = tmp_path / BUNDLED_PLAN.name  # same file name: the same chunk ids
    (tmp_path / BUNDLED_PROFILE.name).write_bytes(BUNDLED_PROFILE.read_bytes())
    text = BUNDLED_PLAN.read_text(encoding="utf-8")
    assert text.count("インターネット受付を新たに導入し、") == 1
    changed.write_text(text.replace("インターネット受付を新たに導入し、", "インターネット受付を拡大し、"), encoding="utf-8")
    new_config = replace(real_config, ingest=IngestConfig(corpus=(changed,), build_dir=tmp_path / "build"),
                         index_dir=tmp_path / "build" / "index")
    rebuilt = Bot(replace(config, index=new_config), SearchEngine(new_config, real_engine.embedder))
    stale = rebuilt.staff.curated.get(curated.id)
    assert stale.stale and "本文が変わりました" in stale.stale_reason
    assert rebuilt.reply(FOURTH).to_record()["curated"] is False
    assert [a.id for a in build_report(rebuilt.staff, rebuilt.engine.index, rebuilt.engine.embedder).stale] == [curated.id]
    bot.close()
    rebuilt.close()


def test_curated_threshold_lets_no_near_miss_through(real_engine, real_config, tmp_path):
    """The calibration behind PLANQA_CURATED_THRESHOLD (README › For staff), re-measured on the real model."""
    from eval.curated import calibrate

    config = BotConfig(index=real_config, llm=LLMConfig(None, None), feedback_log=tmp_path / "feedback.jsonl",
                       staff=StaffSettings(db_url=f"sqlite:///{tmp_path / 'staff.db'}"))
    bot = Bot(config, real_engine)
    row = calibrate(real_engine.embedder, bot.ward_of).at(config.staff.curated_threshold)
    assert row["near_misses_matched"] == 0 and row["precision"] == 1.0, row
    assert row["paraphrases_matched"] >= 12, row  # 14/36 when calibrated
