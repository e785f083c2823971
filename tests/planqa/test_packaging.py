"""The installable package: a wheel carries the plan, its profile and the question sets, and the
installed `planqa` works from a directory outside the checkout (no `__file__` paths into a checkout)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built (without build isolation: no network) from a copy of the checkout's tracked files."""
    root = tmp_path_factory.mktemp("wheel")
    tracked = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True).stdout
    source = root / "src"
    for name in filter(None, tracked.decode().split("\0")):
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if (ROOT / name).is_symlink():
            os.symlink(os.readlink(ROOT / name), target)
        elif (ROOT / name).exists():
            shutil.copy2(ROOT / name, target)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    str(source), "-w", str(root / "dist")], check=True, capture_output=True, timeout=300)
    return next((root / "dist").glob("planqa-*.whl"))


def test_wheel_contains_the_plan_profile_and_question_sets(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        plan = archive.read("ingest/corpus/sapporo_action_plan_excerpt.txt")
        profile = archive.read("ingest/corpus/sapporo_action_plan_excerpt.profile.toml")
        dev = archive.read("eval/data/dev.jsonl")
    assert plan == (ROOT / "data" / "sapporo_action_plan_excerpt.txt").read_bytes()  # byte-identical
    assert profile == (ROOT / "data" / "sapporo_action_plan_excerpt.profile.toml").read_bytes()
    assert dev == (ROOT / "eval" / "data" / "dev.jsonl").read_bytes()
    assert {"eval/data/test.jsonl", "index/en_ja.tsv", "planqa/cli.py"} <= names


def test_installed_package_works_outside_the_checkout(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
                    str(wheel)], check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home"), "PYTHONPATH": str(site),
           "HF_HUB_OFFLINE": "1", "PLANQA_MODEL": "hash"}

    def planqa(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", "import sys; from planqa.cli import main; sys.exit(main())",
                               *args], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=600)

    where = subprocess.run([sys.executable, "-c", "import ingest, eval.questions as q; print(ingest.__file__, q.DATA_DIR)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout
    assert str(site) in where and str(ROOT) not in where

    ingested = planqa("ingest", "--json")
    assert ingested.returncode == 0, ingested.stderr
    summary = json.loads(ingested.stdout)
    assert summary["chunks"] == 212 and summary["out"].startswith(str(tmp_path / "home" / ".cache" / "planqa"))

    asked = planqa("ask", "消防検査オンライン化 所管", "--json")
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["citations"][0]["title"] == "消防検査のオンライン化"

    evaluated = planqa("eval", "--json", "--retriever", "lexical", "--no-answers")
    assert evaluated.returncode == 0, evaluated.stderr
    assert json.loads(evaluated.stdout)["n"] == 171
    assert not list(site.rglob("build"))  # nothing was written into the installed package
