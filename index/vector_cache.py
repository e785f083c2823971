"""Embeddings kept between index builds, keyed by the exact text, its prompt and the model's weights.

A build embeds ~1,200 texts (every passage twice — full and description-only — and every training
question of the query adapter); on two cores that is most of its half minute. Adding a question
to a training set, or editing one initiative, changes a handful of them: a rebuild encodes only
those and reads the rest from ``<cache_dir>/vectors/<model fingerprint>.npz``.

The file is a cache, never the source of truth: a missing, unreadable or foreign file is an empty
cache (logged), it is written to a temporary name and renamed, and it keeps the vectors of the
latest build first and at most ``max_entries`` in all.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MAX_ENTRIES = 20_000  # 384-dim float32: ~31 MB at most


def _key(prompt: str, text: str) -> str:
    return hashlib.blake2b(f"{prompt}\x00{text}".encode(), digest_size=16).hexdigest()


class VectorCache:
    """Vectors by ``(prompt, text)`` for one model (``fingerprint``) and ``dimension``.

    Example:
        >>> cache = VectorCache("hash-64", 2)
        >>> cache.encode(["a"], "", lambda texts: np.ones((len(texts), 2), np.float32)).shape
        (1, 2)
        >>> cache.reused, cache.encoded
        (0, 1)
    """

    def __init__(self, fingerprint: str, dimension: int, max_entries: int = MAX_ENTRIES) -> None:
        self.fingerprint = fingerprint
        self.dimension = dimension
        self.max_entries = max_entries
        self._old: dict[str, np.ndarray] = {}
        self._used: dict[str, np.ndarray] = {}
        self.reused = 0
        self.encoded = 0

    @staticmethod
    def path(folder: Path, fingerprint: str) -> Path:
        return folder / f"{fingerprint}.npz"

    @classmethod
    def load(cls, folder: Path, fingerprint: str, dimension: int, max_entries: int = MAX_ENTRIES) -> VectorCache:
        """The cache stored in ``folder`` for this model; empty when there is none or it is unusable."""
        cache = cls(fingerprint, dimension, max_entries)
        path = cls.path(folder, fingerprint)
        if not path.is_file():
            return cache
        try:
            with np.load(path, allow_pickle=False) as data:
                keys, vectors = data["keys"], data["vectors"]
                stored = str(data["fingerprint"])
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
            log.warning("vector cache %s is unreadable (%s); embedding everything afresh", path, exc)
            return cache
        if stored != fingerprint or vectors.ndim != 2 or vectors.shape != (len(keys), dimension):
            log.warning("vector cache %s belongs to another model or dimension; embedding everything afresh", path)
            return cache
        cache._old = dict(zip(keys.tolist(), vectors.astype(np.float32, copy=False)))
        return cache

    def encode(self, texts: Sequence[str], prompt: str,
               encode: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        """Vectors of ``texts`` (rows in order): cached ones read, the rest passed to ``encode`` at once."""
        keys = [_key(prompt, t) for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self._used and k not in self._old))
        if missing:
            first = {k: t for k, t in zip(keys, texts)}
            fresh = np.asarray(encode([first[k] for k in missing]), dtype=np.float32)
            if fresh.shape != (len(missing), self.dimension):
                raise ValueError(f"the embedder returned shape {fresh.shape} for {len(missing)} texts "
                                 f"of dimension {self.dimension}")
            self._used.update(zip(missing, fresh))
        self.encoded += len(missing)
        self.reused += len(set(keys)) - len(missing)
        for k in keys:
            if k not in self._used:
                self._used[k] = self._old.pop(k)
        if not keys:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.stack([self._used[k] for k in keys])

    def save(self, folder: Path) -> None:
        """Write this build's vectors first, then older ones up to ``max_entries``; atomic, failures logged."""
        entries = list(self._used.items()) + [(k, v) for k, v in self._old.items() if k not in self._used]
        entries = entries[: self.max_entries]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=folder, prefix=".vectors-", suffix=".npz")
            try:
                with os.fdopen(handle, "wb") as out:
                    np.savez(out, fingerprint=np.array(self.fingerprint),
                             keys=np.array([k for k, _ in entries], dtype="U32"),
                             vectors=np.stack([v for _, v in entries]) if entries
                             else np.zeros((0, self.dimension), np.float32))
                os.replace(temp, self.path(folder, self.fingerprint))
            except BaseException:
                Path(temp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            log.warning("cannot write the vector cache in %s (%s); the next build embeds everything again",
                        folder, exc.strerror or exc)
