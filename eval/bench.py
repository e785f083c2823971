"""``planqa bench``: speed and memory on the current machine, printed (never asserted).

Measures model load, ingest and index build on the bundled plan, embedding throughput and
warm query latency against bare sentence-transformers on the same texts in the same run, peak
resident memory, and exact vs HNSW vs IVF FAISS on synthetic 384-d corpora.
"""

from __future__ import annotations

import os
import platform
import resource
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from statistics import median
from typing import Any

import numpy as np

from eval.questions import DATA_DIR, load_questions
from eval.report import percentile

DIMENSION = 384
FULL_SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (2_000,)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _timed(fn, repeat: list[str]) -> list[float]:
    out = []
    for item in repeat:
        started = time.perf_counter()
        fn(item)
        out.append((time.perf_counter() - started) * 1000)
    return out


def _stats(values: list[float]) -> dict[str, float]:
    return {"p50": round(median(values), 2), "p95": round(percentile(values, 0.95), 2)}


def bench_pipeline(quick: bool) -> dict[str, Any]:
    """Model, ingest, index, throughput and latency on the bundled plan with the default model."""
    import torch

    from bot.config import BotConfig
    from bot.service import Bot
    from index.config import IndexConfig
    from index.document import dense_text
    from index.engine import SearchEngine, load_embedder
    from index.store import build_index, build_parts
    from ingest.config import BUNDLED_PLAN
    from ingest.pipeline import ingest_paths

    config = IndexConfig()
    result: dict[str, Any] = {"model": config.model}
    started = time.perf_counter()
    embedder = load_embedder(config)
    result["model_load_s"] = round(time.perf_counter() - started, 2)

    started = time.perf_counter()
    ingested = ingest_paths([BUNDLED_PLAN])
    chunks = ingested.chunks
    result["ingest_s"] = round(time.perf_counter() - started, 3)

    with tempfile.TemporaryDirectory() as tmp:
        bench_config = replace(config, index_dir=Path(tmp) / "index")
        started = time.perf_counter()
        manifest = build_index(replace(bench_config, vector_cache=False), embedder)  # cold: every text embedded
        result["index_build_s"] = round(time.perf_counter() - started, 2)
        result["index_texts"] = manifest["vectors"]["encoded"]
        result["index_build_parts"] = build_parts(manifest)
        if config.vector_cache:  # a rebuild: the texts' vectors read from the cache (filled first if needed)
            build_index(bench_config, embedder)
            started = time.perf_counter()
            build_index(bench_config, embedder)
            result["index_rebuild_s"] = round(time.perf_counter() - started, 2)

        texts = [dense_text(c, ingested.profile) for c in chunks][: 64 if quick else None]
        bare = embedder.model  # the very same SentenceTransformer, called directly
        prompt = embedder.document_prompt
        bare.encode(texts[:8], prompt=prompt)  # warm-up
        ours_s, plain_s = [], []
        for _ in range(1 if quick else 2):  # alternate the two, keep each one's best run
            started = time.perf_counter()
            embedder.encode_documents(texts)
            ours_s.append(time.perf_counter() - started)
            started = time.perf_counter()
            bare.encode(texts, prompt=prompt, normalize_embeddings=True)
            plain_s.append(time.perf_counter() - started)
        ours, plain = min(ours_s), min(plain_s)
        result["embedding"] = {
            "chunks": len(texts),
            "planqa_chunks_per_s": round(len(texts) / ours, 1),
            "bare_st_chunks_per_s": round(len(texts) / plain, 1),
            "ratio_time": round(ours / plain, 3),
        }

        engine = SearchEngine(bench_config, embedder)
        bot = Bot(replace(BotConfig(), index=bench_config), engine)
        questions = [q.question for q in load_questions(DATA_DIR / "dev.jsonl")]
        if quick:
            questions = questions[:30]
        for question in questions[:5]:  # warm-up
            engine.search(question)
            bot.answer(question)
        bare_query, search, ask = [], [], []
        for question in questions:  # interleaved, so that machine noise hits all three alike
            bare_query += _timed(lambda q: bare.encode([q], prompt=embedder.query_prompt, normalize_embeddings=True),
                                 [question])
            search += _timed(lambda q: engine.search(q, 10, "hybrid"), [question])
            ask += _timed(bot.answer, [question])
        result["queries"] = {
            "n": len(questions),
            "bare_query_encode_ms": _stats(bare_query),
            "search_hybrid_ms": _stats(search),
            "ask_ms": _stats(ask),
            "search_vs_bare_p50": round(median(search) / median(bare_query), 3),
            "ask_vs_bare_p50": round(median(ask) / median(bare_query), 3),
        }
        result["pipeline_peak_rss_mb"] = round(_rss_mb(), 1)
    result["torch_threads"] = torch.get_num_threads()
    result["peak_rss_mb"] = round(_rss_mb(), 1)
    return result


def _synthetic(count: int, rng: np.random.Generator, centers: np.ndarray) -> np.ndarray:
    """Clustered unit vectors (a mixture around topic centres), closer to text embeddings than uniform noise."""
    labels = rng.integers(0, len(centers), size=count)
    vectors = centers[labels] + rng.normal(scale=0.6 / np.sqrt(DIMENSION), size=(count, DIMENSION)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors.astype(np.float32)


def bench_faiss(sizes: tuple[int, ...], n_queries: int = 200, k: int = 10) -> list[dict[str, Any]]:
    import faiss

    rng = np.random.default_rng(7)
    centers = rng.normal(size=(1000, DIMENSION)).astype(np.float32)
    centers /= np.linalg.norm(centers, axis=1, keepdims=True)
    rows = []
    for size in sizes:
        corpus = _synthetic(size, rng, centers)
        queries = _synthetic(n_queries, rng, centers)
        truth = None
        for name in ("flat", "hnsw", "ivf"):
            before = _current_rss_mb()
            started = time.perf_counter()
            if name == "flat":
                index = faiss.IndexFlatIP(DIMENSION)
            elif name == "hnsw":
                index = faiss.IndexHNSWFlat(DIMENSION, 32, faiss.METRIC_INNER_PRODUCT)
                index.hnsw.efConstruction = 40
            else:
                nlist = max(1, int(4 * np.sqrt(size)))
                index = faiss.IndexIVFFlat(faiss.IndexFlatIP(DIMENSION), DIMENSION, nlist, faiss.METRIC_INNER_PRODUCT)
                index.train(corpus[: min(size, 50 * nlist)])
                index.nprobe = 16
            index.add(corpus)
            build = time.perf_counter() - started
            if name == "hnsw":
                index.hnsw.efSearch = 64
            memory = len(faiss.serialize_index(index)) / 2**20
            latencies = []
            found = np.empty((n_queries, k), dtype=np.int64)
            for i in range(n_queries):
                started = time.perf_counter()
                _, ids = index.search(queries[i : i + 1], k)
                latencies.append((time.perf_counter() - started) * 1000)
                found[i] = ids[0]
            if truth is None:
                truth = found
            recall = float(np.mean([len(set(found[i]) & set(truth[i])) / k for i in range(n_queries)]))
            rows.append({
                "vectors": size, "index": name, "build_s": round(build, 2), "index_mb": round(memory, 1),
                "rss_growth_mb": round(max(0.0, _current_rss_mb() - before), 1),
                "query_ms": _stats(latencies), "recall@10": round(recall, 4),
                "params": {"flat": "exact inner product", "hnsw": "M=32 efConstruction=40 efSearch=64",
                           "ivf": f"nlist={int(4 * np.sqrt(size))} nprobe=16"}[name],
            })
            del index
        del corpus
    return rows


def run_benchmark(quick: bool = False, sizes: list[int] | None = None) -> dict[str, Any]:
    return {
        "machine": {"cores": os.cpu_count(), "cpu": _cpu_model(), "platform": platform.platform(),
                    "python": platform.python_version()},
        "pipeline": bench_pipeline(quick),
        "faiss_scaling": bench_faiss(tuple(sizes or (QUICK_SIZES if quick else FULL_SIZES)),
                                     n_queries=50 if quick else 200),
        "peak_rss_mb": round(_rss_mb(), 1),
    }


def format_bench(result: dict[str, Any]) -> str:
    from index.store import describe_parts

    m, p = result["machine"], result["pipeline"]
    e, q = p["embedding"], p["queries"]
    lines = [
        f"planqa bench on {m['cores']} cores ({m['cpu']}), Python {m['python']}, torch threads {p['torch_threads']}",
        "",
        f"  model load               {p['model_load_s']:>8.2f} s   ({p['model']})",
        f"  ingest (bundled plan)    {p['ingest_s']:>8.3f} s",
        (f"  index build              {p['index_build_s']:>8.2f} s   "
         f"(cold: {p['index_texts']} texts embedded; {describe_parts(p['index_build_parts'])})"),
        *([f"  index rebuild            {p['index_rebuild_s']:>8.2f} s   (vectors of unchanged texts from the cache)"]
          if "index_rebuild_s" in p else []),
        f"  embedding throughput     {e['planqa_chunks_per_s']:>8.1f} chunks/s  vs bare sentence-transformers "
        f"{e['bare_st_chunks_per_s']:.1f} (time ratio {e['ratio_time']:.2f})",
        f"  bare query encode        p50 {q['bare_query_encode_ms']['p50']:>7.1f} ms  p95 {q['bare_query_encode_ms']['p95']:>7.1f} ms",
        f"  search (hybrid)          p50 {q['search_hybrid_ms']['p50']:>7.1f} ms  p95 {q['search_hybrid_ms']['p95']:>7.1f} ms"
        f"  ({q['search_vs_bare_p50']:.2f}x bare)",
        f"  ask                      p50 {q['ask_ms']['p50']:>7.1f} ms  p95 {q['ask_ms']['p95']:>7.1f} ms"
        f"  ({q['ask_vs_bare_p50']:.2f}x bare)",
        f"  peak resident memory     {p['pipeline_peak_rss_mb']:>8.1f} MB after model, index and queries"
        f" ({result['peak_rss_mb']:.0f} MB with the FAISS scaling run)",
        "",
        f"  {'vectors':>9} {'index':<6} {'build s':>9} {'index MB':>9} {'p50 ms':>8} {'p95 ms':>8} {'recall@10':>10}  params",
    ]
    for row in result["faiss_scaling"]:
        lines.append(f"  {row['vectors']:>9} {row['index']:<6} {row['build_s']:>9.2f} {row['index_mb']:>9.1f} "
                     f"{row['query_ms']['p50']:>8.3f} {row['query_ms']['p95']:>8.3f} {row['recall@10']:>10.4f}  {row['params']}")
    return "\n".join(lines)
