"""Optional generative mode: hand the retrieved passages to an OpenAI-compatible chat endpoint
(llama.cpp, Ollama, vLLM …) with instructions to answer only from them and cite ``[n]``.

Citations that match no passage are removed and flagged; a timeout, an HTTP error or a malformed
reply falls back to the extractive answer with a notice. The API key is read from the
environment only and never logged.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from dataclasses import replace

from bot.answer import Answer, Citation
from bot.config import LLMConfig
from index.document import dense_text
from ingest.profile import PlanProfile

log = logging.getLogger(__name__)

SYSTEM_PROMPT = (
    "あなたは札幌市のアクションプラン（抜粋）について答えるアシスタントです。"
    "与えられた資料 [1], [2], … だけを根拠に、日本語で簡潔に答えてください。"
    "各文の末尾に根拠の資料番号を [n] の形で付けてください。"
    "資料に書かれていないこと（料金、日付、電話番号など）は推測せず、「計画には記載がありません」と答えてください。"
    "If the question is in English, answer in English but quote the Japanese facts as written."
)
FALLBACK_NOTICE = "生成モードの応答が得られなかったため、抽出型の回答を表示しています。"
_CITATION = re.compile(r"\[(\d+)\]")


def _passages(answer: Answer, limit: int) -> list:
    hits = list(answer.hits[:limit])
    for citation in answer.citations:  # everything the extractive answer cited stays available
        if all(h.chunk.id != citation.hit.chunk.id for h in hits):
            hits.append(citation.hit)
    return hits


def _request(config: LLMConfig, question: str, passages: list, profile: PlanProfile) -> str:
    sources = "\n\n".join(f"[{i}] {dense_text(hit.chunk, profile)}" for i, hit in enumerate(passages, start=1))
    body = {
        "model": config.model,
        "temperature": 0,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"資料:\n{sources}\n\n質問: {question}"},
        ],
    }
    headers = {"Content-Type": "application/json"}
    if config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    url = config.base_url.rstrip("/") + "/chat/completions"
    request = urllib.request.Request(url, json.dumps(body).encode("utf-8"), headers, method="POST")
    with urllib.request.urlopen(request, timeout=config.timeout) as response:  # noqa: S310 (configured URL)
        payload = json.loads(response.read().decode("utf-8"))
    content = payload["choices"][0]["message"]["content"]
    if not isinstance(content, str) or not content.strip():
        raise ValueError("empty completion")
    return content.strip()


def generate(extractive: Answer, config: LLMConfig, profile: PlanProfile) -> Answer:
    """A generated answer whose citations all map to retrieved passages, or the extractive one."""
    passages = _passages(extractive, config.max_passages)
    try:
        text = _request(config, extractive.question, passages, profile)
    except (urllib.error.URLError, TimeoutError, OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        log.warning("generative mode failed (%s); falling back to the extractive answer", type(exc).__name__)
        return replace(extractive, notes=extractive.notes + (FALLBACK_NOTICE,))
    valid = set(range(1, len(passages) + 1))
    invalid = sorted({int(n) for n in _CITATION.findall(text) if int(n) not in valid})
    if invalid:
        text = _CITATION.sub(lambda m: m.group(0) if int(m.group(1)) in valid else "", text)
        text = re.sub(r"[ \t]{2,}", " ", text)
    cited = sorted({int(n) for n in _CITATION.findall(text)})
    notes = list(extractive.notes)
    if invalid:
        notes.append("資料に対応しない引用 " + ", ".join(f"[{n}]" for n in invalid) + " を削除しました。")
    if not cited:
        notes.append("生成された回答に引用がありません。下の資料で内容をご確認ください。")
    citations = tuple(Citation(n, passages[n - 1]) for n in cited)
    return replace(extractive, text=text, citations=citations, notes=tuple(notes), mode="generative")
