"""Typed bot configuration; ``PLANQA_*`` environment variables override it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from bot.compose import Relevance
from index.config import IndexConfig
from planqa.settings import env_float


def _llm_base_url() -> str | None:
    return os.environ.get("PLANQA_LLM_BASE_URL") or None


@dataclass(frozen=True)
class LLMConfig:
    """Optional generative mode: an OpenAI-compatible chat-completions endpoint.

    Off unless both ``PLANQA_LLM_BASE_URL`` and ``PLANQA_LLM_MODEL`` are set; the API key comes
    from ``PLANQA_LLM_API_KEY`` only (never a flag, never logged).
    """

    base_url: str | None = field(default_factory=_llm_base_url)
    model: str | None = field(default_factory=lambda: os.environ.get("PLANQA_LLM_MODEL") or None)
    api_key: str | None = field(default_factory=lambda: os.environ.get("PLANQA_LLM_API_KEY") or None, repr=False)
    timeout: float = field(default_factory=lambda: env_float("PLANQA_LLM_TIMEOUT", 30.0, minimum=0.001))
    max_passages: int = 5

    @property
    def enabled(self) -> bool:
        return bool(self.base_url and self.model)


def _feedback_path() -> Path:
    value = os.environ.get("PLANQA_FEEDBACK_LOG")
    return Path(value) if value else IndexConfig().ingest.build_dir / "feedback.jsonl"


@dataclass(frozen=True)
class BotConfig:
    """Retrieval settings for answers, abstention calibration, LLM and feedback log."""

    index: IndexConfig = field(default_factory=IndexConfig)
    retriever: str = "hybrid"
    k: int = 10
    relevance: Relevance = field(default_factory=Relevance)
    llm: LLMConfig = field(default_factory=LLMConfig)
    feedback_log: Path = field(default_factory=_feedback_path)
