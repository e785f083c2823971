"""The staff report: clusters of unanswered questions, most-cited passages, abstention per day,
stale curated answers; JSON, CSV, HTML (with a PNG chart) and text, everything typed escaped."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from bot.config import BotConfig, LLMConfig, Relevance
from bot.service import Bot
from bot.staff.report import _Unanswered, build_report, cluster_questions
from bot.staff.report_render import chart_png, to_csv, to_html_page, to_json, to_text
from index.engine import SearchEngine

T0 = datetime(2026, 11, 1, tzinfo=timezone.utc)


def test_similar_questions_cluster_together_and_the_biggest_comes_first():
    items = [_Unanswered(q, T0 + timedelta(minutes=i), False) for i, q in enumerate(["a", "a2", "b", "a3"])]
    vectors = np.array([[1, 0], [0.95, 0.05], [0, 1], [0.9, 0.1]], dtype=np.float32)
    clusters = cluster_questions(items, vectors, threshold=0.9)
    assert [c.count for c in clusters] == [3, 1]
    assert set(clusters[0].examples) == {"a", "a2", "a3"} and clusters[1].representative == "b"
    assert clusters[0].last_asked == T0 + timedelta(minutes=3)


@pytest.fixture
def reported(mini_config, embedder, tmp_path):
    config = BotConfig(index=mini_config, relevance=Relevance(threshold=0.99), llm=LLMConfig(None, None),
                       feedback_log=tmp_path / "feedback.jsonl")
    bot = Bot(config, SearchEngine(mini_config, embedder))
    for question in ["<script>alert(1)</script>除雪はいつ？", "除雪はいつ？", "=1+1 家賃"]:
        bot.reply(question)  # the hash embedder is never 0.99 sure: all abstained
    bot.staff.feedback.add("bad", "消防検査のオンライン化は？", "…", [], "わかりにくい")
    bot.config = BotConfig(index=mini_config, relevance=Relevance(threshold=-1.0), llm=LLMConfig(None, None))
    bot.reply("大型ごみはネットで申し込める？")
    yield bot, build_report(bot.staff, bot.engine.index, bot.engine.embedder)
    bot.close()


def test_report_counts_unanswered_cited_and_days(reported):
    _, report = reported
    record = report.to_record()
    assert record["totals"] == {"questions": 4, "abstained": 3, "abstention_rate": 0.75, "curated_served": 0,
                                "thumbs_down": 1}
    examples = [e for c in record["unanswered_clusters"] for e in c["examples"]]
    assert sorted(examples) == sorted(["<script>alert(1)</script>除雪はいつ？", "除雪はいつ？", "=1+1 家賃",
                                       "消防検査のオンライン化は？"])
    assert sum(c["thumbs_down"] for c in record["unanswered_clusters"]) == 1
    assert record["most_cited"][0]["title"] == "大型ごみ収集のオンライン化"
    (day,) = record["abstention_per_day"]
    assert day["questions"] == 4 and day["abstained"] == 3


def test_report_html_escapes_what_people_typed_and_carries_a_png_chart(reported):
    _, report = reported
    page = to_html_page(report)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "data:image/png;base64," in page
    assert chart_png(report).startswith(b"\x89PNG")


def test_report_csv_json_and_text(reported):
    _, report = reported
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert {r["section"] for r in rows} == {"unanswered_cluster", "most_cited", "abstention_per_day"}
    assert all(not r["key"].startswith("=") for r in rows)  # no formula runs in a spreadsheet
    assert json.loads(to_json(report))["totals"]["abstained"] == 3
    text = to_text(report)
    assert "答えられなかった質問" in text and "3/4（75%）" in text


def test_report_since_leaves_out_older_entries(reported):
    bot, _ = reported
    tomorrow = datetime.now(timezone.utc) + timedelta(days=1)
    later = build_report(bot.staff, bot.engine.index, bot.engine.embedder, since=tomorrow)
    assert later.questions == 0 and later.clusters == () and later.days == ()
