"""The embedder's bulk precision: which calls run in bfloat16, and how ``auto`` is decided."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from index.config import IndexConfig
from index.embedder import BULK_TEXTS, SentenceTransformerEmbedder, resolve_precision
from planqa.errors import ConfigError


class _RecordingModel:
    """Stands in for a SentenceTransformer: records whether each encode ran under bf16 autocast."""

    def __init__(self) -> None:
        self.autocast: list[bool] = []

    def encode(self, texts, **_kwargs):
        self.autocast.append(torch.is_autocast_enabled("cpu") and torch.get_autocast_dtype("cpu") == torch.bfloat16)
        return np.ones((len(texts), 4), dtype=np.float32) / 2


def _embedder(precision: str) -> tuple[SentenceTransformerEmbedder, _RecordingModel]:
    embedder = object.__new__(SentenceTransformerEmbedder)  # no model load: only the encode path is under test
    model = _RecordingModel()
    embedder._model, embedder.batch_size, embedder.document_batch_size = model, 32, 8
    embedder.query_prompt, embedder.document_prompt = "query: ", "passage: "
    embedder.bulk_precision = precision
    return embedder, model


def test_bulk_calls_run_in_bf16_and_lone_questions_in_fp32():
    embedder, model = _embedder("bf16")
    embedder.encode_queries(["大型ごみをネットで申し込みたい"])
    embedder.encode_queries([f"質問{i}" for i in range(BULK_TEXTS)])
    embedder.encode_documents([f"施策{i}" for i in range(BULK_TEXTS - 1)])
    embedder.encode_documents([f"施策{i}" for i in range(BULK_TEXTS)])
    assert model.autocast == [False, True, False, True]
    assert not torch.is_autocast_enabled("cpu")  # the switch does not leak out of the call


def test_fp32_never_autocasts():
    embedder, model = _embedder("fp32")
    embedder.encode_documents([f"施策{i}" for i in range(BULK_TEXTS * 2)])
    assert model.autocast == [False]


@pytest.mark.parametrize(("amx", "expected"), [(True, "bf16"), (False, "fp32")])
def test_auto_follows_the_cpu(monkeypatch, amx, expected):
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: amx, raising=False)
    assert resolve_precision("auto") == expected
    assert resolve_precision("fp32") == "fp32" and resolve_precision("bf16") == "bf16"


def test_auto_without_the_cpu_probe_is_fp32(monkeypatch):
    monkeypatch.delattr(torch.cpu, "_is_amx_tile_supported", raising=False)
    assert resolve_precision("auto") == "fp32"


def test_an_unknown_precision_is_refused_by_name(monkeypatch):
    with pytest.raises(ConfigError, match="'fp16'.*auto, fp32, bf16"):
        IndexConfig(model="hash", bulk_precision="fp16")
    monkeypatch.setenv("PLANQA_BULK_PRECISION", "half")
    with pytest.raises(ConfigError, match="'half'.*PLANQA_BULK_PRECISION"):
        IndexConfig(model="hash")
    with pytest.raises(ConfigError, match="'int8'"):
        resolve_precision("int8")
