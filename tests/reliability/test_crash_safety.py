"""SIGKILL `planqa index --rebuild` and `planqa ingest` at random points: the previous output
still loads and answers identically; a later build cleans up what the killed ones left."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from index.config import IndexConfig
from index.embedder import HashEmbedder
from index.engine import SearchEngine
from ingest.config import BUNDLED_PLAN, IngestConfig

PLANQA = str(Path(sys.executable).with_name("planqa"))
QUERIES = ["大型ごみをインターネットで申し込みたい", "西区の防災", "ナッジ", "消防検査 所管"]
KILLS = 6
pytestmark = pytest.mark.slow


@pytest.fixture
def big_corpus(tmp_path):
    """The bundled plan repeated, so that a build takes long enough to be killed mid-way."""
    path = tmp_path / "big_plan.txt"
    path.write_text((BUNDLED_PLAN.read_text(encoding="utf-8") + "\n") * 12, encoding="utf-8")
    return path


def _env(corpus: Path, index_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PLANQA_CORPUS=str(corpus), PLANQA_MODEL="hash", PLANQA_INDEX_DIR=str(index_dir),
               HF_HUB_OFFLINE="1")
    return env


def _answers(config: IndexConfig) -> list[list[str]]:
    engine = SearchEngine(config, HashEmbedder(), auto_build=False)
    return [[h.chunk.id for h in engine.search(q, 10).hits] for q in QUERIES]


def test_killed_index_rebuilds_leave_the_previous_index_answering_identically(tmp_path, big_corpus):
    index_dir = tmp_path / "index"
    env = _env(big_corpus, index_dir)
    started = time.perf_counter()
    subprocess.run([PLANQA, "index", "--json"], env=env, check=True, capture_output=True, timeout=600)
    duration = time.perf_counter() - started
    config = replace(IndexConfig(), ingest=IngestConfig(corpus=(big_corpus,), build_dir=tmp_path),
                     model="hash", index_dir=index_dir)
    baseline = _answers(config)
    manifest = (index_dir / "manifest.json").read_bytes()
    rng = random.Random(20261129)
    survived = 0
    killed_mid_write: set[str] = set()
    for _ in range(KILLS):
        process = subprocess.Popen([PLANQA, "index", "--rebuild", "--json"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, max(0.6, duration * 0.95)))
        process.send_signal(signal.SIGKILL)
        process.wait()
        killed_mid_write.update(p.name for p in tmp_path.glob(".index.tmp-*"))
        assert _answers(config) == baseline
        survived += 1
    assert survived == KILLS
    assert len(killed_mid_write) >= 2, "the kills should land while a new index was being written"
    # the next complete build removes the staging folders the killed builds left behind
    subprocess.run([PLANQA, "index", "--rebuild", "--json"], env=env, check=True, capture_output=True, timeout=600)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".index.tmp-") or p.name == ".index.old"]
    assert leftovers == []
    assert _answers(config) == baseline
    assert json.loads(manifest)["counts"] == json.loads((index_dir / "manifest.json").read_bytes())["counts"]


def test_killed_ingest_leaves_the_previous_chunks_file_whole(tmp_path, big_corpus):
    out = tmp_path / "out"
    env = _env(big_corpus, tmp_path / "index")
    subprocess.run([PLANQA, "ingest", str(big_corpus), "--out", str(out), "--json"], env=env, check=True,
                   capture_output=True, timeout=300)
    before = (out / "chunks.jsonl").read_bytes()
    rng = random.Random(7)
    for _ in range(KILLS):
        process = subprocess.Popen([PLANQA, "ingest", str(big_corpus), "--out", str(out), "--json"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
        after = (out / "chunks.jsonl").read_bytes()
        assert after == before  # same input: a finished run writes identical bytes, a killed one nothing
        lines = after.decode("utf-8").splitlines()
        assert all(json.loads(line)["id"] for line in lines)
