"""Generative mode against a fake OpenAI-compatible server on 127.0.0.1 (real HTTP, canned replies)."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.config import LLMConfig
from bot.llm import FALLBACK_NOTICE

REPLIES = {
    "good": "大型ごみはインターネットで申し込めるようになります [1]。目標は50%です [1] [9]。",
    "uncited": "大型ごみはネットで申し込めます。",
}


class _Handler(BaseHTTPRequestHandler):
    requests: list[dict] = []

    def log_message(self, *args):  # keep test output clean
        pass

    def do_POST(self):  # noqa: N802 (http.server API)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        _Handler.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        model = body["model"]
        if model == "slow":
            time.sleep(2)
        if model == "error":
            self.send_response(500)
            self.end_headers()
            return
        payload = b"{not json" if model == "garbage" else json.dumps(
            {"choices": [{"message": {"role": "assistant", "content": REPLIES.get(model, "")}}]}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(payload)


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()


def with_llm(bot, server, model, timeout=5.0, api_key="sk-test"):
    bot.config = replace(bot.config, llm=LLMConfig(server, model, api_key, timeout))
    return bot


def test_generated_answer_keeps_only_citations_that_map_to_passages(mini_bot, server):
    answer = with_llm(mini_bot, server, "good").answer("大型ごみをインターネットで申し込みたい")
    assert answer.mode == "generative"
    assert answer.text == "大型ごみはインターネットで申し込めるようになります [1]。目標は50%です [1] 。"
    assert "資料に対応しない引用 [9] を削除しました。" in answer.notes
    assert [c.n for c in answer.citations] == [1]
    assert answer.citations[0].hit.chunk.title == "大型ごみ収集のオンライン化"
    request = _Handler.requests[-1]
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer sk-test"
    assert request["body"]["temperature"] == 0
    assert "[1] 大型ごみ収集のオンライン化" in request["body"]["messages"][1]["content"]


def test_uncited_generation_is_flagged(mini_bot, server):
    answer = with_llm(mini_bot, server, "uncited").answer("大型ごみ")
    assert answer.citations == () and any("引用がありません" in n for n in answer.notes)


@pytest.mark.parametrize("model", ["slow", "error", "garbage"])
def test_timeouts_and_errors_fall_back_to_the_extractive_answer(mini_bot, server, model):
    extractive = mini_bot.answer("大型ごみをインターネットで申し込みたい")
    answer = with_llm(mini_bot, server, model, timeout=0.5).answer("大型ごみをインターネットで申し込みたい")
    assert answer.mode == "extractive" and FALLBACK_NOTICE in answer.notes
    assert answer.text == extractive.text


def test_unreachable_endpoint_falls_back(mini_bot):
    answer = with_llm(mini_bot, "http://127.0.0.1:9/v1", "good", timeout=0.5).answer("大型ごみ")
    assert answer.mode == "extractive" and FALLBACK_NOTICE in answer.notes


def test_generative_mode_is_off_unless_both_variables_are_set(monkeypatch):
    monkeypatch.setenv("PLANQA_LLM_BASE_URL", "http://127.0.0.1:1/v1")
    assert not LLMConfig().enabled
    monkeypatch.setenv("PLANQA_LLM_MODEL", "m")
    monkeypatch.setenv("PLANQA_LLM_API_KEY", "secret-key")
    config = LLMConfig()
    assert config.enabled and "secret-key" not in repr(config)
