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
    for key in ("bare_query_encode_ms", "search_hybrid_ms", "ask_ms"):
        assert set(pipeline["queries"][key]) == {"p50", "p95"}
    rows = {row["index"]: row for row in result["faiss_scaling"]}
    assert set(rows) == {"flat", "hnsw", "ivf"} and rows["flat"]["recall@10"] == 1.0
    assert 0 < rows["hnsw"]["recall@10"] <= 1.0 and result["peak_rss_mb"] > 0
