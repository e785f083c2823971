"""``planqa bench --quick`` end to end (real default model, small synthetic FAISS sizes)."""

from __future__ import annotations

import json

import pytest

from planqa.cli import main

pytestmark = pytest.mark.slow


def test_bench_quick_json(capsys, monkeypatch, real_engine, real_config):
    monkeypatch.setenv("PLANQA_CACHE_DIR", str(real_config.cache_dir))
    assert main(["bench", "--quick", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    pipeline = result["pipeline"]
    assert result["machine"]["cores"] >= 1
    assert pipeline["embedding"]["chunks"] == 64 and pipeline["embedding"]["ratio_time"] > 0
    assert pipeline["pipeline_peak_rss_mb"] > 0
    assert pipeline["index_texts"] > 212 and "index_rebuild_s" in pipeline  # cold (every text) and cached rebuild
    parts = pipeline["index_build_parts"]  # (tests learn no query adapter, so no re-ranker: 0 s for those)
    assert set(parts) == {"passages", "adapter", "ranker"} and parts["passages"] > 0
    assert sum(parts.values()) <= pipeline["index_build_s"]
    for key in ("bare_query_encode_ms", "search_hybrid_ms", "ask_ms"):
        assert set(pipeline["queries"][key]) == {"p50", "p95"}
    rows = {row["index"]: row for row in result["faiss_scaling"]}
    assert set(rows) == {"flat", "hnsw", "ivf"} and rows["flat"]["recall@10"] == 1.0
    assert 0 < rows["hnsw"]["recall@10"] <= 1.0 and result["peak_rss_mb"] > 0


def test_bench_load_json(capsys, mini_cli_env):
    """`planqa bench --load` end to end, small: the hash model over the mini plan, 4 clients, 40 requests."""
    assert main(["bench", "--load", "--clients", "4", "--requests", "40", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["completed"] == 40 and result["errors"] == 0
    assert result["bare_batched_encode_qps"] > 0 and result["throughput_vs_bare_encode"] > 0
    assert result["p50_s"] <= result["p95_s"] <= result["p99_s"]
    assert result["server_rss_mb"]["end"] > 0


def test_bench_load_refuses_bad_sizes(capsys):
    assert main(["bench", "--load", "--clients", "0"]) == 2
    assert "--clients must be" in capsys.readouterr().err
