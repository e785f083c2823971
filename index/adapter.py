"""A query adapter: a linear map on query vectors, learned at index build from gold questions.

Citizens ask in their own words; the embedding model was never shown how a question about *this*
plan relates to its passages. The bundled gold question sets (`eval/data/dev.jsonl` and
`eval/data/citizen_dev.jsonl`, never `test.jsonl`) pair such questions with the passage that answers
them. From them the index build learns a matrix ``W`` (dimension x dimension, started at the
identity and held close to it) so that ``normalize(q @ W)`` ranks each training question's passage
first among all chunks (softmax cross-entropy over the ranking cosine). Only the ranking uses the
adapted vector; relevance (abstention) keeps the model's own cosine, whose threshold is calibrated.

The adapter is rebuilt with the index (deterministic: fixed seed, full-batch Adam; ~1 s for ~250
questions on two cores), so there are no weights in the repository; questions whose gold title no
longer names a chunk are skipped. `planqa eval --cross-validate` measures it honestly: each fold's
questions are scored with an adapter trained without them.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from ingest.chunk import Chunk
from ingest.text import normalize_key
from planqa.errors import ConfigError
from planqa.io import decode_utf8, iter_jsonl, read_bounded
from planqa.limits import Limits

log = logging.getLogger(__name__)

ADAPTER_FILE = "adapter.npy"
_BUNDLED = Path(str(resources.files("eval") / "data"))
# the held-out test set is never trained on; our own citizen-style set is (README: Query adapter)
TRAINING_SETS = ("dev.jsonl", "citizen_dev.jsonl", "citizen_own.jsonl")
BUNDLED_QUESTIONS = tuple(_BUNDLED / name for name in TRAINING_SETS)


def _default_questions() -> tuple[Path, ...]:
    value = os.environ.get("PLANQA_ADAPTER_QUESTIONS")
    if value is None:
        return BUNDLED_QUESTIONS
    return tuple(Path(part.strip()) for part in value.split(",") if part.strip())


@dataclass(frozen=True)
class AdapterSettings:
    """How the query adapter is trained and whether it is used.

    Attributes:
        enabled: learn it at build and use it at query time (``PLANQA_ADAPTER``, ``1``; ``0`` = off,
            takes effect without a rebuild).
        questions: JSONL files with ``question`` and ``gold`` (exact chunk titles) per line
            (``PLANQA_ADAPTER_QUESTIONS``, comma-separated; default: the bundled dev, citizen and own sets).
        regularization: weight of ``|W - I|^2``; 0.1 keeps the map close to the identity (chosen by
            5-fold cross-validation on dev + citizen_dev: 0.1, 0.03, 0.01; README).
        steps / learning_rate / temperature: full-batch Adam steps, its step size, the softmax temperature.
    """

    enabled: bool = field(default_factory=lambda: os.environ.get("PLANQA_ADAPTER", "1") != "0")
    questions: tuple[Path, ...] = field(default_factory=_default_questions)
    regularization: float = 0.1
    steps: int = 100
    learning_rate: float = 1e-3
    temperature: float = 0.02
    seed: int = 0

    def __post_init__(self) -> None:
        if os.environ.get("PLANQA_ADAPTER", "1") not in ("0", "1"):
            raise ConfigError(f"PLANQA_ADAPTER={os.environ['PLANQA_ADAPTER']!r}: use 1 (on) or 0 (off)")
        if self.regularization < 0 or self.steps < 0 or self.temperature <= 0 or self.learning_rate <= 0:
            raise ConfigError(f"adapter settings out of range: {self}")


@dataclass(frozen=True)
class TrainingSet:
    """Questions with the FAISS row of their (first) gold passage, and where they came from."""

    questions: tuple[str, ...]
    rows: tuple[int, ...]
    sources: tuple[dict, ...]
    golds: tuple[tuple[int, ...], ...] = ()  # per question, the rows of every chunk of every gold title


def training_set(paths: tuple[Path, ...], chunks: list[Chunk], limits: Limits | None = None) -> TrainingSet:
    """The answerable questions of ``paths`` whose gold title names a chunk (others are skipped)."""
    limits = limits or Limits()
    by_title: dict[str, list[int]] = {}
    for row, chunk in enumerate(chunks):
        by_title.setdefault(normalize_key(chunk.title), []).append(row)
    questions: list[str] = []
    rows: list[int] = []
    golds: list[tuple[int, ...]] = []
    sources: list[dict] = []
    for path in paths:
        where = f"adapter questions {path}"
        try:
            data = read_bounded(path, limits.max_batch_file_bytes, ConfigError, what="question file")
        except ConfigError as exc:
            raise ConfigError(f"adapter questions: {exc} "
                              "(PLANQA_ADAPTER_QUESTIONS; PLANQA_ADAPTER=0 turns the adapter off)") from None
        used = 0
        text = decode_utf8(data, path, ConfigError)
        for number, record in iter_jsonl(text, where, ConfigError, limits.max_batch_line_bytes):
            gold = record.get("gold") if isinstance(record, dict) else None
            question = record.get("question") if isinstance(record, dict) else None
            if not isinstance(question, str) or not isinstance(gold, list):
                raise ConfigError(f"{where}:{number}: needs a 'question' string and a 'gold' list")
            found = [by_title[key] for key in (normalize_key(str(t)) for t in gold) if key in by_title]
            if found:
                questions.append(question)
                rows.append(found[0][0])
                golds.append(tuple(row for matches in found for row in matches))
                used += 1
        sources.append({"file": path.name, "sha256": hashlib.sha256(data).hexdigest(), "questions": used})
    return TrainingSet(tuple(questions), tuple(rows), tuple(sources), tuple(golds))


def file_digests(paths: tuple[Path, ...]) -> list[tuple[str, str]]:
    """``(name, sha256)`` of each training file as `training_set` records them ("unreadable" when it
    cannot be read): the index compares them to tell whether its adapter is out of date."""
    digests = []
    for path in paths:
        try:
            digests.append((path.name, hashlib.sha256(path.read_bytes()).hexdigest()))
        except OSError:
            digests.append((path.name, "unreadable"))
    return digests


def train(queries: np.ndarray, rows: list[int] | tuple[int, ...], passages: np.ndarray,
          descriptions: np.ndarray | None, description_weight: float, settings: AdapterSettings) -> np.ndarray:
    """The adapter matrix for query vectors ``queries`` whose answers are ``passages[rows]``.

    The ranking cosine is the one retrieval uses: full passage + ``description_weight`` x the
    description-only cosine (clipped at 0).
    """
    import torch

    generator_state = torch.random.get_rng_state()
    torch.manual_seed(settings.seed)
    try:
        dimension = queries.shape[1]
        identity = torch.eye(dimension)
        weights = identity.clone().requires_grad_(True)
        optimizer = torch.optim.Adam([weights], lr=settings.learning_rate)
        q = torch.from_numpy(np.ascontiguousarray(queries, dtype=np.float32))
        full = torch.from_numpy(np.ascontiguousarray(passages, dtype=np.float32))
        description = (torch.from_numpy(np.ascontiguousarray(descriptions, dtype=np.float32))
                       if descriptions is not None and description_weight else None)
        labels = torch.tensor(list(rows), dtype=torch.long)
        for _ in range(settings.steps):
            adapted = torch.nn.functional.normalize(q @ weights, dim=1)
            scores = adapted @ full.T
            if description is not None:
                scores = scores + description_weight * (adapted @ description.T).clamp(min=0)
            loss = (torch.nn.functional.cross_entropy(scores / settings.temperature, labels)
                    + settings.regularization * ((weights - identity) ** 2).sum())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        return weights.detach().numpy().astype(np.float32)
    finally:
        torch.random.set_rng_state(generator_state)


def adapt(weights: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """Query vectors mapped by the adapter and L2-normalized again."""
    mapped = np.asarray(vectors, dtype=np.float32) @ weights
    norms = np.linalg.norm(mapped, axis=1, keepdims=True)
    return (mapped / np.maximum(norms, 1e-12)).astype(np.float32)
