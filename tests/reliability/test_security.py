"""Security defaults: no untrusted pickles, no remote code, loopback by default, secrets unlogged."""

from __future__ import annotations

import argparse
import logging
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [p for package in ("planqa", "ingest", "index", "bot", "eval") for p in (ROOT / package).rglob("*.py")]


@pytest.mark.parametrize(
    "pattern",
    [r"\bpickle\.loads?\(", r"allow_pickle\s*=\s*True", r"trust_remote_code\s*=\s*True", r"torch\.load\(",
     r"\beval\(", r"shell\s*=\s*True"],
)
def test_no_unsafe_loading_in_the_code(pattern):
    offenders = [str(p.relative_to(ROOT)) for p in SOURCES if re.search(pattern, p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_sentence_transformers_is_never_asked_to_run_remote_code(monkeypatch, tmp_path):
    import sentence_transformers

    from index.embedder import SentenceTransformerEmbedder
    from planqa.errors import ModelUnavailableError

    seen = {}

    class Spy:
        def __init__(self, source, **kwargs):
            seen.update(kwargs)
            raise OSError("offline")

    monkeypatch.setattr(sentence_transformers, "SentenceTransformer", Spy)
    with pytest.raises(ModelUnavailableError, match="cannot load embedding model 'someone/model'"):
        SentenceTransformerEmbedder("someone/model", tmp_path)
    assert seen["trust_remote_code"] is False


def test_serve_binds_to_loopback_by_default():
    from bot.cli_serve import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 7860)


def test_api_key_is_never_logged(mini_bot, caplog):
    from dataclasses import replace

    from bot.config import LLMConfig

    mini_bot.config = replace(mini_bot.config, llm=LLMConfig("http://127.0.0.1:9/v1", "m", "sk-very-secret", 0.5))
    with caplog.at_level(logging.DEBUG):
        answer = mini_bot.answer("大型ごみ")
    assert answer.mode == "extractive"
    assert "sk-very-secret" not in caplog.text and "sk-very-secret" not in repr(mini_bot.config)


def test_bm25_indexes_are_loaded_without_pickle(mini_config, embedder):
    from index.store import build_index

    build_index(mini_config, embedder)
    for path in (mini_config.index_dir / "lexical").rglob("*"):
        if path.suffix == ".npy":
            assert path.read_bytes()[:6] == b"\x93NUMPY"
            import numpy as np

            np.load(path, allow_pickle=False)  # raises if an object array (pickle) were stored
