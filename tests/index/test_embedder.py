"""The embedder's bulk precision: which calls run in bfloat16, and how ``auto`` is decided."""

from __future__ import annotations

import numpy as np
import pytest
import torch

import index.embedder
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
    monkeypatch.setattr(index.embedder, "has_bf16_instructions", lambda: False)
    assert resolve_precision("auto") == expected
    assert resolve_precision("fp32") == "fp32" and resolve_precision("bf16") == "bf16"


def _never_timed(precision):
    raise AssertionError(f"timed {precision} where nothing needed timing")


@pytest.mark.parametrize(("fp32", "bf16", "expected"),
                         [(0.50, 0.25, "bf16"), (0.50, 0.45, "fp32"), (0.4, 0.5, "fp32")])
def test_auto_times_bf16_on_a_cpu_with_its_instructions_but_no_amx(monkeypatch, fp32, bf16, expected):
    """An AMD EPYC ran the build 1.8x faster in bf16, another CPU slower: the probe decides, and bf16 must be
    `BF16_SPEEDUP` times faster to be taken. With AMX, or without the instructions, nothing is timed."""
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: False, raising=False)
    monkeypatch.setattr(index.embedder, "has_bf16_instructions", lambda: True)
    assert resolve_precision("auto", {"fp32": fp32, "bf16": bf16}.__getitem__) == expected
    assert resolve_precision("fp32", _never_timed) == "fp32"
    monkeypatch.setattr(index.embedder, "has_bf16_instructions", lambda: False)
    assert resolve_precision("auto", _never_timed) == "fp32"
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: True, raising=False)
    assert resolve_precision("auto", _never_timed) == "bf16"


def test_auto_is_resolved_on_the_first_bulk_call_not_for_a_lone_question(monkeypatch):
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: False, raising=False)
    monkeypatch.setattr(index.embedder, "has_bf16_instructions", lambda: True)
    embedder, model = _embedder("fp32")
    embedder._bulk_setting, embedder._bulk = "auto", None
    timed: list[str] = []
    seconds = {"fp32": 0.5, "bf16": 0.2}
    embedder._seconds_per_probe = lambda precision: timed.append(precision) or seconds[precision]
    embedder.encode_queries(["大型ごみをネットで申し込みたい"])
    assert timed == [] and model.autocast == [False]
    embedder.encode_documents([f"施策{i}" for i in range(BULK_TEXTS)])
    embedder.encode_documents([f"施策{i}" for i in range(BULK_TEXTS)])
    assert timed == ["fp32", "bf16"] and model.autocast == [False, True, True]  # timed once


def test_auto_without_the_cpu_probe_is_fp32(monkeypatch):
    monkeypatch.delattr(torch.cpu, "_is_amx_tile_supported", raising=False)
    monkeypatch.setattr(index.embedder, "has_bf16_instructions", lambda: False)
    assert resolve_precision("auto") == "fp32"


def test_an_unknown_precision_is_refused_by_name(monkeypatch):
    with pytest.raises(ConfigError, match="'fp16'.*auto, fp32, bf16"):
        IndexConfig(model="hash", bulk_precision="fp16")
    monkeypatch.setenv("PLANQA_BULK_PRECISION", "half")
    with pytest.raises(ConfigError, match="'half'.*PLANQA_BULK_PRECISION"):
        IndexConfig(model="hash")
    with pytest.raises(ConfigError, match="'int8'"):
        resolve_precision("int8")
