"""The JSON HTTP API beside the chat: routes, bounded bad requests, metrics, micro-batching, replicas."""

from __future__ import annotations

import http.client
import json
import threading
import urllib.error
import urllib.request

import numpy as np
import pytest


def call(url: str, path: str, body: bytes | dict | None = None, method: str | None = None):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(url.rstrip("/") + path, data=data, method=method or ("POST" if data else "GET"),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status, reply.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_ask_search_feedback_and_health(mini_server):
    url, bot = mini_server
    status, body = call(url, "/api/ask", {"question": "大型ごみをインターネットで申し込みたい"})
    reply = json.loads(body)
    assert status == 200 and reply["citations"][0]["title"] == "大型ごみ収集のオンライン化"
    assert reply == bot.answer("大型ごみをインターネットで申し込みたい").to_record()  # one engine, same answer
    status, body = call(url, "/api/ask", {"question": "担当は？", "history": ["消防検査のオンライン化"]})
    assert json.loads(body)["understood_as"] == "「消防検査のオンライン化」について"
    status, body = call(url, "/api/search", {"question": "消防検査", "k": 3, "retriever": "lexical"})
    hits = json.loads(body)["hits"]
    assert status == 200 and len(hits) == 3 and hits[0]["rank"] == 1
    status, body = call(url, "/api/feedback", {"rating": "good", "question": "q", "answer": "a", "cited_ids": []})
    assert (status, json.loads(body)) == (200, {"ok": True})
    assert call(url, "/healthz") == (200, '{"status":"ok"}')
    status, body = call(url, "/readyz")
    assert status == 200 and json.loads(body)["chunks"] == len(bot.engine.index.chunks)
    status, body = call(url, "/api/openapi.json")
    assert status == 200 and "/api/ask" in json.loads(body)["paths"]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        (b"{not json", 422, "body"),
        (b"[1, 2]", 400, "body"),
        ({}, 400, "question"),
        ({"question": 5}, 400, "question"),
        ({"question": None}, 400, "question"),
        ({"question": "防災" * 600}, 400, "question"),
        ({"question": "防災", "ward": ["西区"]}, 400, "ward"),
        ({"question": "防災", "ward": "北区"}, 400, None),
        ({"question": "防災", "history": "x"}, 400, "history"),
        (b'{"question": "' + b"x" * (2 << 20) + b'"}', 413, "body"),
    ],
)
def test_bad_requests_get_a_4xx_json_error_and_the_server_keeps_serving(mini_server, body, status, field):
    url, _ = mini_server
    try:
        got, text = call(url, "/api/ask", body)
    except (urllib.error.URLError, ConnectionError, http.client.HTTPException):  # 413 sent, socket closed mid-body
        assert status == 413
        got, text = 413, '{"error": "request body is over the limit", "field": "body"}'
    reply = json.loads(text)
    assert got == status and "error" in reply and "Traceback" not in text
    if field:
        assert reply["field"] == field
    assert call(url, "/healthz")[0] == 200


def test_metrics_count_requests_abstentions_and_batches(mini_server):
    url, _ = mini_server
    call(url, "/api/ask", {"question": "防災"})
    call(url, "/api/ask", {"question": 5})
    status, text = call(url, "/metrics")
    assert status == 200
    assert 'planqa_requests_total{outcome="ok",route="/api/ask"}' in text
    assert 'planqa_requests_total{outcome="bad_request",route="/api/ask"}' in text
    for name in ("planqa_request_seconds_bucket", "planqa_abstentions_total", "planqa_encode_batch_size_count",
                 "planqa_index_chunks"):
        assert name in text


def test_concurrent_questions_share_model_calls():
    from index.batching import MicroBatcher
    from index.embedder import HashEmbedder

    calls = []

    class Slow(HashEmbedder):
        def encode_queries(self, texts):
            calls.append(len(texts))
            threading.Event().wait(0.05)  # a model call takes a while; others queue meanwhile
            return super().encode_queries(texts)

    batcher = MicroBatcher(Slow(), max_batch=16, window_s=0.002)
    questions = [f"質問{i}" for i in range(40)]
    results = {}

    def ask(question):
        results[question] = batcher.encode_queries([question])

    threads = [threading.Thread(target=ask, args=(q,)) for q in questions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = HashEmbedder().encode_queries(questions)
    for i, question in enumerate(questions):
        assert np.allclose(results[question][0], expected[i])  # each request gets its own vector
    assert sum(calls) == 40 and len(calls) < 40 and max(calls) <= 16
    assert batcher.encode_queries(["一つだけ"]).shape == (1, 64)


def test_two_replicas_over_one_index_answer_identically(start_serve, mini_serve_env):
    first = start_serve(mini_serve_env)
    second = start_serve(mini_serve_env)
    for question in ("大型ごみをインターネットで申し込みたい", "西区の防災", "ナッジって何？"):
        replies = [json.loads(call(server.url, "/api/ask", {"question": question})[1]) for server in (first, second)]
        assert replies[0] == replies[1]
