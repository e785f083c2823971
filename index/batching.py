"""Micro-batched query encoding: concurrent requests' questions go through the model in one call.

A request thread puts its question on a queue and waits; one worker thread takes everything that is
queued (up to `max_batch`), optionally waits `window_s` for more, encodes the batch in one model call
and hands each request its vector. A lone request is encoded at once (nothing else is queued, the
window is only waited when another request is already in flight), so single-request latency does not
change; under load, questions that arrive while the model is busy share the next call.
"""

from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future
from typing import Callable, Sequence

import numpy as np

log = logging.getLogger(__name__)


class MicroBatcher:
    """Gathers concurrent ``encode_queries`` calls into batches for one underlying embedder.

    Args:
        embedder: the real embedder (its ``encode_queries`` is only ever called from the worker).
        max_batch: the most questions per model call (16: the batch size where bare throughput levels off).
        window_s: how long to wait for more questions when others are in flight (0.002 s).
        on_batch: called with each batch size (metrics).
    """

    def __init__(self, embedder, max_batch: int = 16, window_s: float = 0.002,
                 on_batch: Callable[[int], None] | None = None) -> None:
        self.embedder = embedder
        self.max_batch = max_batch
        self.window_s = window_s
        self.on_batch = on_batch
        self._queue: queue.Queue[tuple[str, Future]] = queue.Queue()
        self._in_flight = 0
        self._lock = threading.Lock()
        self._worker = threading.Thread(target=self._run, name="planqa-encoder", daemon=True)
        self._worker.start()

    def __getattr__(self, name):  # model_id, dimension, fingerprint, prompts, encode_documents …
        return getattr(self.embedder, name)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        futures = []
        with self._lock:
            self._in_flight += len(texts)
        try:
            for text in texts:
                future: Future = Future()
                self._queue.put((text, future))
                futures.append(future)
            return np.vstack([future.result() for future in futures])
        finally:
            with self._lock:
                self._in_flight -= len(texts)

    def _run(self) -> None:
        while True:
            batch = [self._queue.get()]
            while len(batch) < self.max_batch:
                try:
                    with self._lock:
                        others_waiting = self._in_flight > len(batch)
                    batch.append(self._queue.get(timeout=self.window_s) if others_waiting else self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                vectors = self.embedder.encode_queries([text for text, _ in batch])
                for (_, future), vector in zip(batch, vectors, strict=True):
                    future.set_result(vector[None, :])
            except Exception as exc:  # every waiting request gets the error, the worker lives on
                log.exception("batched encoding failed")
                for _, future in batch:
                    future.set_exception(exc)
            if self.on_batch is not None:
                self.on_batch(len(batch))
