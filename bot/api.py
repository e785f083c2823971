"""The plain JSON HTTP API beside the chat: ``/api/ask``, ``/api/search``, ``/api/feedback``, health,
readiness and Prometheus metrics. The same `Bot` (one engine) serves it and the Gradio UI.

Every request is bounded (the server's body limit, `Bot.check_question`, typed fields); a bad request
gets a 4xx ``{"error", "field"}`` and the server keeps serving. The OpenAPI page is ``/api/docs``.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from bot.service import Bot
from bot.ui import api_call, check_history, filters_from
from planqa.errors import QueryError

log = logging.getLogger(__name__)

ROUTES = ("/api/ask", "/api/search", "/api/feedback")


class Metrics:
    """Prometheus metrics of one server process, on their own registry."""

    def __init__(self, bot: Bot) -> None:
        from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

        self.registry = CollectorRegistry()
        self.requests = Counter("planqa_requests", "API requests by route and outcome", ["route", "outcome"],
                                registry=self.registry)
        self.latency = Histogram("planqa_request_seconds", "API request latency", ["route"], registry=self.registry,
                                 buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10))
        self.abstentions = Counter("planqa_abstentions", "answers that said 'not in the plan'", registry=self.registry)
        self.batch_size = Histogram("planqa_encode_batch_size", "questions per model call (micro-batching)",
                                    registry=self.registry, buckets=(1, 2, 4, 8, 16, 32, 64))
        index_chunks = Gauge("planqa_index_chunks", "chunks in the loaded index", registry=self.registry)
        index_chunks.set_function(lambda: len(bot.engine.index.chunks))


def _error_status(reply: dict[str, Any]) -> int:
    if "error" not in reply:
        return 200
    return 500 if reply["error"].startswith("internal error") else 400


def add_routes(app, bot: Bot, metrics: Metrics) -> None:
    """Mount the JSON API on a FastAPI ``app``."""
    from fastapi import Body, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, PlainTextResponse
    from prometheus_client import generate_latest

    limits = bot.limits

    def respond(route: str, handler) -> JSONResponse:
        started = time.perf_counter()
        reply = api_call(handler)
        status = _error_status(reply)
        metrics.requests.labels(route, "ok" if status == 200 else ("bad_request" if status < 500 else "error")).inc()
        metrics.latency.labels(route).observe(time.perf_counter() - started)
        return JSONResponse(reply, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def bad_json(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = (exc.errors() or [{}])[0]
        location = [str(part) for part in first.get("loc", ()) if part != "body"]
        field = location[0] if location and first.get("type") != "json_invalid" else "body"
        message = "request body must be a JSON object" if field == "body" else f"{field}: {first.get('msg', 'invalid')}"
        route = request.url.path if request.url.path in ROUTES else "other"
        metrics.requests.labels(route, "bad_request").inc()
        return JSONResponse({"error": message, "field": field}, status_code=422)

    def ensure_object(body: Any) -> dict:
        if not isinstance(body, dict):
            raise QueryError("request body must be a JSON object", field="body")
        return body

    @app.post("/api/ask", tags=["planqa"], response_model=None, summary="Answer a question from the plan, with citations")
    def ask(body: Any = Body(..., examples=[{"question": "消防検査オンライン化 所管", "ward": None,
                                              "history": ["消防検査のオンライン化"]}])) -> JSONResponse:
        """``{"question", "ward", "department", "kind", "history"}`` -> the object ``planqa ask --json`` prints."""

        def handle() -> dict[str, Any]:
            request = ensure_object(body)
            answer = bot.reply(bot.check_question(request.get("question")),
                               filters_from(request.get("ward"), request.get("department"), request.get("kind")),
                               check_history(request.get("history"), limits), channel="api")
            if answer.abstained:
                metrics.abstentions.inc()
            return answer.to_record()

        return respond("/api/ask", handle)

    @app.post("/api/search", tags=["planqa"], response_model=None, summary="Ranked plan passages for a question")
    def search(body: Any = Body(..., examples=[{"question": "大型ごみ インターネット", "k": 5}])) -> JSONResponse:
        """``{"question", "k", "retriever", "ward", "department", "kind"}`` -> ``{"hits": [...]}`` as ``planqa search --json``."""

        def handle() -> dict[str, Any]:
            request = ensure_object(body)
            retriever = request.get("retriever", "hybrid")
            if retriever not in ("dense", "lexical", "hybrid"):
                raise QueryError("retriever must be dense, lexical or hybrid", field="retriever")
            result = bot.engine.search(bot.check_question(request.get("question")), request.get("k", 10),
                                       retriever, filters_from(request.get("ward"), request.get("department"),
                                                           request.get("kind")))
            return {"hits": [hit.to_record() for hit in result.hits], "notes": list(result.notes)}

        return respond("/api/search", handle)

    @app.post("/api/feedback", tags=["planqa"], response_model=None, summary="Record a rating of an answer")
    def feedback(body: Any = Body(..., examples=[{"rating": "good", "question": "…", "answer": "…",
                                                   "cited_ids": [], "comment": ""}])) -> JSONResponse:
        def handle() -> dict[str, Any]:
            request = ensure_object(body)
            bot.staff.feedback.add(request.get("rating"), request.get("question"), request.get("answer"),
                                   request.get("cited_ids"), request.get("comment", ""), source="api")
            return {"ok": True}

        return respond("/api/feedback", handle)

    @app.get("/healthz", tags=["operations"], summary="The process is alive")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["operations"], response_model=None, summary="Model and index are loaded")
    def readyz() -> JSONResponse:
        index = bot.engine.index
        return JSONResponse({"status": "ready", "chunks": len(index.chunks),
                             "index_created_at": index.manifest.get("created_at"),
                             "model": index.manifest.get("model", {}).get("id")})

    @app.get("/metrics", tags=["operations"], summary="Prometheus metrics", response_class=PlainTextResponse,
             response_model=None)
    def prometheus() -> PlainTextResponse:
        return PlainTextResponse(generate_latest(metrics.registry).decode("utf-8"),
                                 media_type="text/plain; version=0.0.4")
