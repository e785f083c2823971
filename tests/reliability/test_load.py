"""Load: `planqa serve` on 127.0.0.1 with the real model, 50 concurrent clients, 1,000+ questions
through the JSON API and the Gradio API (half each), feedback written concurrently. Bounded."""

from __future__ import annotations

import json
import statistics
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from eval.questions import DATA_DIR, load_questions

pytestmark = pytest.mark.slow

CLIENTS = 50
PER_CLIENT = 21  # 50 x 21 = 1,050 questions
DEADLINE_S = 900


@pytest.fixture(scope="module")
def served(real_engine, real_config, tmp_path_factory, start_serve):
    root = tmp_path_factory.mktemp("load")
    database = f"sqlite:///{root / 'planqa.db'}"
    server = start_serve({"PLANQA_CACHE_DIR": str(real_config.cache_dir), "PLANQA_INDEX_DIR": str(real_config.index_dir),
                          "PLANQA_FEEDBACK_LOG": str(root / "feedback.jsonl"), "PLANQA_DB": database})
    return server, database


def test_fifty_clients_thousand_questions(served):
    from gradio_client import Client

    server, database = served
    url, process = server.url, server.process
    questions = [q.question for q in load_questions(DATA_DIR / "dev.jsonl")][:60]
    reference = Client(url, verbose=False)
    expected = {q: reference.predict(q, api_name="/ask")["answer"] for q in questions}
    rss_start = server.rss_mb()
    started = time.time()

    def json_ask(question: str) -> dict:
        request = urllib.request.Request(url + "api/ask", data=json.dumps({"question": question}).encode("utf-8"),
                                         headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=120) as reply:
            return json.loads(reply.read())

    def client_run(worker: int):
        client = Client(url, verbose=False, httpx_kwargs={"timeout": 120})
        results = []
        for i in range(PER_CLIENT):
            if time.time() - started > DEADLINE_S:
                break
            question = questions[(worker * 7 + i * 13) % len(questions)]
            t0 = time.perf_counter()
            try:  # half the clients use the JSON API, half the Gradio API: one engine behind both
                reply = json_ask(question) if worker % 2 else client.predict(question, api_name="/ask")
                error = None
            except Exception as exc:  # counted, reported, and failing the test below
                reply, error = None, repr(exc)
            elapsed = (time.perf_counter() - t0) * 1000
            results.append((question, reply, error, elapsed))
            if reply is not None and i % 3 == 0:
                client.predict("good" if i % 2 else "bad", question, reply["answer"],
                               [c["id"] for c in reply["citations"]], f"worker {worker} #{i}", api_name="/feedback")
        return results

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        batches = list(pool.map(client_run, range(CLIENTS)))
    wall = time.time() - started
    results = [r for batch in batches for r in batch]
    errors = [r for r in results if r[2] is not None]
    mismatched = [r for r in results if r[1] is not None and r[1].get("answer") != expected[r[0]]]
    latencies = sorted(r[3] for r in results)
    rss_end = server.rss_mb()
    report = {
        "clients": CLIENTS, "requests": len(results), "errors": len(errors), "mismatched": len(mismatched),
        "wall_s": round(wall, 1), "throughput_rps": round(len(results) / wall, 1),
        "p50_ms": round(statistics.median(latencies), 1), "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
        "rss_start_mb": round(rss_start, 1), "rss_end_mb": round(rss_end, 1),
    }
    print("\nLOAD REPORT " + json.dumps(report))
    assert len(results) >= 1000, report
    assert not errors, errors[:3]
    assert not mismatched, [(q, r.get("answer", "")[:60]) for q, r, _, _ in mismatched[:3]]
    assert rss_end - rss_start < 300, report  # flat: no per-request growth

    from bot.feedback import FeedbackLog
    from bot.staff.db import open_store

    records = FeedbackLog(open_store(database)).entries()
    sent = sum(1 for batch in batches for i, r in enumerate(batch) if r[1] is not None and i % 3 == 0)
    assert len(records) == sent
    assert all(r["question"] in expected and r["comment"].startswith("worker ") for r in records)
    from bot.staff.querylog import QueryLog

    logged = QueryLog(open_store(database)).entries()  # every question in the query log, none lost or torn
    assert len(logged) == len(results) - len(errors) + len(questions)
    assert {entry.question for entry in logged} <= set(questions)
    assert process.poll() is None  # still serving
