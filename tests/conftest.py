"""Shared fixtures: isolate every test from the user's build folder and caches."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path_factory, monkeypatch):
    """No test writes into the project's data/build or the user's cache."""
    home = tmp_path_factory.mktemp("planqa-home")
    monkeypatch.setenv("PLANQA_BUILD_DIR", str(home / "build"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.delenv("PLANQA_CORPUS", raising=False)
