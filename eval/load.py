"""``planqa bench --load``: throughput and latency of ``/api/ask`` under N closed-loop clients, against
the bare batched encode throughput of the same model measured in the same run.

The server is a real ``planqa serve`` subprocess on 127.0.0.1 (the configured model and index); the
clients are threads here, each sending its next question as soon as the previous answer arrives.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from eval.questions import DATA_DIR, load_questions
from eval.report import percentile


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def bare_batched_encode(questions: list[str], batch: int = 16, seconds: float = 6.0) -> float:
    """Questions per second of bare sentence-transformers on the configured model, batches of ``batch``."""
    from index.config import IndexConfig
    from index.engine import load_embedder

    embedder = load_embedder(IndexConfig())
    model = getattr(embedder, "model", None)
    encode = (lambda texts: model.encode(texts, prompt=embedder.query_prompt, batch_size=batch,
                                         normalize_embeddings=True)) if model is not None else embedder.encode_queries
    encode(questions[:batch])  # warm-up
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        chunk = [questions[(done + i) % len(questions)] for i in range(batch)]
        encode(chunk)
        done += batch
    return done / (time.perf_counter() - started)


def start_server(port: int) -> subprocess.Popen:
    planqa = str(Path(sys.executable).with_name("planqa"))
    env = dict(os.environ, GRADIO_ANALYTICS_ENABLED="False")
    process = subprocess.Popen([planqa, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 600
    while time.time() < deadline:
        line = process.stdout.readline()
        if "running on" in line:
            threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
            return process
        if process.poll() is not None:
            raise RuntimeError(f"planqa serve exited: {process.stdout.read()[-500:]}")
    process.kill()
    raise RuntimeError("planqa serve did not start within 600 s")


def run_load(clients: int = 50, requests: int = 1000) -> dict[str, Any]:
    questions = [q.question for q in load_questions(DATA_DIR / "dev.jsonl")]
    bare = bare_batched_encode(questions)
    port = _free_port()
    process = start_server(port)
    url = f"http://127.0.0.1:{port}/api/ask"
    try:
        for question in questions[:5]:  # warm the server's retrievers
            _ask(url, question)
        rss_start = _rss_mb(process.pid)
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        counter = iter(range(requests))

        def client() -> None:
            while True:
                with lock:
                    n = next(counter, None)
                if n is None:
                    return
                question = questions[(n * 7) % len(questions)]
                started = time.perf_counter()
                try:
                    _ask(url, question)
                    with lock:
                        latencies.append(time.perf_counter() - started)
                except Exception as exc:  # counted and reported
                    with lock:
                        errors.append(f"{type(exc).__name__}: {exc}"[:200])

        threads = [threading.Thread(target=client) for _ in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        throughput = len(latencies) / wall
        return {
            "clients": clients, "requests": requests, "completed": len(latencies), "errors": len(errors),
            "error_examples": errors[:3], "wall_s": round(wall, 2), "throughput_rps": round(throughput, 1),
            "p50_s": round(statistics.median(latencies), 3) if latencies else None,
            "p95_s": round(percentile(latencies, 0.95), 3), "p99_s": round(percentile(latencies, 0.99), 3),
            "server_rss_mb": {"start": round(rss_start, 1), "end": round(_rss_mb(process.pid), 1)},
            "bare_batched_encode_qps": round(bare, 1),
            "throughput_vs_bare_encode": round(throughput / bare, 3) if bare else None,
        }
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _ask(url: str, question: str) -> dict:
    request = urllib.request.Request(url, data=json.dumps({"question": question}).encode("utf-8"),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=120) as reply:
        return json.loads(reply.read())


def format_load(result: dict[str, Any]) -> str:
    return "\n".join([
        f"planqa bench --load: {result['clients']} clients, {result['completed']}/{result['requests']} requests, "
        f"{result['errors']} errors, {result['wall_s']} s",
        f"  throughput {result['throughput_rps']} req/s; latency p50 {result['p50_s']} s, p95 {result['p95_s']} s, "
        f"p99 {result['p99_s']} s",
        f"  bare batched encode (same model, batches of 16): {result['bare_batched_encode_qps']} questions/s; "
        f"ratio {result['throughput_vs_bare_encode']}",
        f"  server RSS {result['server_rss_mb']['start']} -> {result['server_rss_mb']['end']} MB",
    ])
