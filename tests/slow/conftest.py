"""Real-model fixtures: the default model and the bundled-plan index, built once per session."""

from __future__ import annotations

from dataclasses import replace

import pytest

from index.config import IndexConfig
from index.engine import SearchEngine, load_embedder
from ingest.config import BUNDLED_PLAN, IngestConfig


@pytest.fixture(scope="session")
def real_config(tmp_path_factory) -> IndexConfig:
    root = tmp_path_factory.mktemp("real")
    return replace(
        IndexConfig(),
        ingest=IngestConfig(corpus=(BUNDLED_PLAN,), build_dir=root / "build"),
        model="default",
        query_prompt=None,
        document_prompt=None,
        cache_dir=root / "cache",
        index_dir=root / "build" / "index",
        faiss_type="flat",
    )


@pytest.fixture(scope="session")
def real_engine(real_config) -> SearchEngine:
    return SearchEngine(real_config, load_embedder(real_config))
