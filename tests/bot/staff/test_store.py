"""The staff database on SQLite and on a real PostgreSQL: migrations, query log (masked, retained),
feedback (bounded, legacy JSONL imported once), concurrent writers."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from datetime import timedelta

import pytest

from bot.answer import Answer
from bot.feedback import FeedbackLog
from bot.staff.db import MIGRATIONS, open_store, utcnow
from bot.staff.querylog import QueryLog
from index.retrieve import Filters
from planqa.errors import ConfigError


def _answer(question: str, abstained: bool = False) -> Answer:
    return Answer(question, "回答", (), 0.5, abstained)


def test_schema_is_versioned_and_reopening_migrates_nothing(db_url):
    from sqlalchemy import select

    store = open_store(db_url)
    again = open_store(db_url)
    with again.connect() as connection:
        versions = connection.execute(select(again.tables.version.c.version)).scalars().all()
    assert versions == [len(MIGRATIONS)]
    store.close()
    again.close()


def test_query_log_masks_personal_data_and_keeps_the_facts(db_url):
    log = QueryLog(open_store(db_url))
    log.record(_answer("090-1234-5678 の者です。taro@example.jp に大型ごみの件を"), Filters(ward="西区"), "api", 12.5)
    log.record(_answer("除雪はいつ来る？", abstained=True), None, "chat", 30.0)
    first, second = log.entries()
    assert first.question == "[電話番号] の者です。[メールアドレス] に大型ごみの件を"
    assert first.filters == {"ward": "西区"} and first.channel == "api" and first.latency_ms == 12.5
    assert first.answer_kind == "answer" and not first.abstained
    assert second.answer_kind == "abstained" and second.abstained and second.cited_ids == []
    assert first.ts.tzinfo is not None


def test_retention_deletes_old_entries_and_caps_rows(db_url):
    store = open_store(db_url)
    log = QueryLog(store, retention_days=30, max_rows=3)
    for i in range(5):
        log.record(_answer(f"q{i}"), None, "api", 1.0)
    assert log.flush()
    with store.begin() as connection:
        table = store.tables.queries
        connection.execute(table.update().where(table.c.question == "q4").values(ts=utcnow() - timedelta(days=31)))
    assert log.purge() == 2  # q4 is past retention; of q0-q3 only the newest 3 rows are kept
    assert [e.question for e in log.entries()] == ["q1", "q2", "q3"]


def test_legacy_feedback_jsonl_is_imported_once(db_url, tmp_path):
    legacy = tmp_path / "feedback.jsonl"
    legacy.write_text("\n".join([
        json.dumps({"ts": "2026-05-01T10:00:00+0900", "rating": "bad", "comment": "電話 011-211-2111",
                    "question": "除雪は？", "answer": "…", "cited_ids": ["a#L1"]}, ensure_ascii=False),
        json.dumps({"rating": "meh", "question": "q", "answer": "a"}),  # invalid: skipped, not fatal
        "",
    ]), encoding="utf-8")
    feedback = FeedbackLog(open_store(db_url))
    assert feedback.import_jsonl(legacy) == 1
    assert feedback.import_jsonl(legacy) == 0
    assert FeedbackLog(open_store(db_url)).import_jsonl(legacy) == 0
    (record,) = feedback.entries()
    assert record["rating"] == "bad" and record["comment"] == "電話 [電話番号]" and record["source"] == "import:feedback.jsonl"
    assert record["ts"].isoformat().startswith("2026-05-01T01:00:00")


@pytest.mark.parametrize("url, fragment", [
    ("nosuchdialect://x", "not a usable SQLAlchemy URL"),
    ("sqlite:////dev/null/x/planqa.db", "cannot open the database"),
    ("postgresql+psycopg://nobody:secret@127.0.0.1:1/none", "cannot open the database"),
])
def test_a_bad_database_url_is_one_clear_error_without_the_password(url, fragment):
    with pytest.raises(ConfigError, match=fragment) as error:
        open_store(url)
    assert "secret" not in str(error.value)


def test_a_file_database_gives_every_busy_thread_a_connection(tmp_path):
    """SQLite: 20 threads may each hold a connection (one waits on another's write lock while holding it);
    a bounded pool (5 + 10) would make the 16th wait 30 s and fail."""
    store = open_store(f"sqlite:///{tmp_path / 'planqa.db'}")
    with contextlib.ExitStack() as stack:
        connections = [stack.enter_context(store.engine.connect()) for _ in range(20)]
        assert [c.exec_driver_sql("SELECT 1").scalar() for c in connections] == [1] * 20
    store.close()


def test_every_thread_that_may_write_at_once_can_hold_a_connection(db_url):
    """A server database's pool is as large as the server's worker threads (a waiter for one of 5 + 10 slots
    could lose every turn to 20 busy writers for 30 s: the pool is not fair)."""
    from bot.staff.db import SERVER_DB_CONNECTIONS

    store = open_store(db_url)
    with contextlib.ExitStack() as stack:
        connections = [stack.enter_context(store.engine.connect()) for _ in range(SERVER_DB_CONNECTIONS)]
        assert sum(c.exec_driver_sql("SELECT 1").scalar() for c in connections) == SERVER_DB_CONNECTIONS
    store.close()


def test_twenty_writers_for_thirty_seconds_lose_and_tear_nothing(db_url):
    """20 threads write query-log entries and feedback for 30 s: every row arrives whole."""
    store = open_store(db_url)
    log, feedback = QueryLog(store), FeedbackLog(store)
    deadline = time.monotonic() + 30
    written: list[list[str]] = [[] for _ in range(20)]
    failures: list[str] = []
    long_answer = "回答" * 2000

    def writer(worker: int) -> None:
        i = 0
        try:
            while time.monotonic() < deadline:
                question = f"w{worker}-{i}"
                if i % 2:
                    feedback.add("good", question, long_answer, [f"id{worker}", f"n{i}"], f"c{worker}-{i}")
                else:
                    log.record(Answer(question, long_answer, (), 0.25, False), Filters(ward="西区"), "api", float(i))
                written[worker].append(question)
                i += 1
        except Exception as exc:  # reported below: a writer must never fail
            failures.append(repr(exc))

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures[:3]
    logged = {e.question: e for e in log.entries()}
    rated = {r["question"]: r for r in feedback.entries()}
    expected_log = {q for qs in written for q in qs if int(q.split("-")[1]) % 2 == 0}
    expected_feedback = {q for qs in written for q in qs if int(q.split("-")[1]) % 2 == 1}
    print(f"\nCONCURRENCY {db_url.split(':')[0]}: {len(logged)} log entries + {len(rated)} feedback rows by 20 threads in 30 s")
    assert set(logged) == expected_log and set(rated) == expected_feedback
    assert len(expected_log) + len(expected_feedback) > 200  # it really ran concurrently for a while
    for question, entry in logged.items():  # whole rows: every field belongs to the same write
        assert entry.filters == {"ward": "西区"} and entry.latency_ms == float(question.split("-")[1])
    for question, record in rated.items():
        worker, i = question[1:].split("-")
        assert record["answer"] == long_answer and record["cited_ids"] == [f"id{worker}", f"n{i}"]
        assert record["comment"] == f"c{worker}-{i}"
