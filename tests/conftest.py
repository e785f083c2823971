"""Shared fixtures: isolation from the user's folders, a small hand-written plan, the hash embedder."""

from __future__ import annotations

from dataclasses import replace

import pytest

from index.adapter import BUNDLED_QUESTIONS, AdapterSettings
from index.config import IndexConfig
from index.embedder import HashEmbedder
from ingest.config import BUNDLED_PLAN, IngestConfig


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path_factory, monkeypatch):
    """No test writes into the project's data/build or the user's cache."""
    home = tmp_path_factory.mktemp("planqa-home")
    monkeypatch.setenv("PLANQA_BUILD_DIR", str(home / "build"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("PLANQA_FEEDBACK_LOG", str(home / "feedback.jsonl"))
    # No query adapter is learned for test plans (the hash embedder's vectors mean nothing); the
    # real-model fixtures below learn the shipped one from the bundled questions.
    monkeypatch.setenv("PLANQA_ADAPTER_QUESTIONS", "")
    for name in ("PLANQA_CORPUS", "PLANQA_MODEL", "PLANQA_INDEX_DIR", "PLANQA_LLM_BASE_URL", "PLANQA_LLM_MODEL",
                 "PLANQA_LLM_API_KEY", "PLANQA_QUERY_PROMPT", "PLANQA_DOCUMENT_PROMPT", "PLANQA_AUTH"):
        monkeypatch.delenv(name, raising=False)


MINI_PLAN = (
    "(9) 西 区\n<取組目標・主な取組>\n"
    "目標1:誰もが安全・安心に暮らせるまちづくり 地域の防災力向上を進めます。\t\n"
    "地域の防災力強化^{*1}\t避難所開設訓練等を実施します。\n"
    "琴似発寒川の水環境保全推進事業(★)\t一斉清掃などの環境保全活動を支援します。\n"
    "注) 事業名内の(★)は、「未来へつなぐ笑顔のまちづくり活動推進事業」(P.73)による実施\n"
    "※1「地域防災活動推進事業」(P.76)による実施\n"
    "(6) 豊 平 区\n<取組目標・主な取組>\n"
    "目標1:健康づくり 健康を支えます。\t\n"
    "とよひらスポーツ健康ウォーキング事業 (★)\tウォーキングを推進します。\n"
    "注) 事業名内の (★) は、「未来へつなぐ笑顔のまちづくり活動推進事業」(P.73) による実施\n"
    "第3章 行財政運営の取組\n1 行政運営の取組\n(2) 具体的な取組\n1 行政サービスの高度化\n取組内容\n"
    "II デジタル化\n"
    "2\t行政手続のオンライン化の推進\t\t\n"
    "行政手続のオンライン化の取組を加速させます。\t\t\t\n"
    "② 税務手続のオンライン化推進\t\t所管\t財) 税政部\n"
    "市税の口座振替をはじめとした各種税務手続きについて、オンライン化を推進します。\t\t\t\n"
    "目標\tインターネットを利用した口座振替依頼の実現 及び安定的な運用\t2022年 —\t2027年 運用\n"
    "③ 大型ごみ収集のオンライン化\t\t所管\t環) 環境事業部\n"
    "大型ごみの申込について、インターネット受付を新たに導入します。\t\t\t\n"
    "目標\t大型ごみ申込受付件数におけるインターネット 受付件数の割合\t2022年 —\t2027年 50%\n"
    "⑤ 消防検査のオンライン化\t\t所管\t消) 予防部\n"
    "検査業務をオンラインでできる環境を整備します。\t\t\t\n"
    "目標\tオンライン環境整備率\t2022年 —\t2027年 100%\n"
    "\n¹⁹² **ナッジ**：選択の自由を奪わずに、より良い選択を取れるように手助けすること。\n"
)


@pytest.fixture
def mini_config(tmp_path) -> IndexConfig:
    plan = tmp_path / "mini_plan.txt"
    plan.write_text(MINI_PLAN, encoding="utf-8")
    return replace(
        IndexConfig(),
        ingest=IngestConfig(corpus=(plan,), build_dir=tmp_path / "build"),
        model="hash",
        index_dir=tmp_path / "build" / "index",
        cache_dir=tmp_path / "cache",
        # The hash embedder's similarities are arbitrary: the mini-plan tests rank by the full passage
        # alone (tests/index/test_retrieve.py covers the description field with its weight on).
        description_weight=0.0,
    )


@pytest.fixture
def embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def mini_bot(mini_config, embedder, tmp_path):
    """A `Bot` over the mini plan with the hash embedder; never abstains on relevance, nor reads a follow-up
    against the topic for its answer's low confidence (the hash embedder's confidences mean nothing)."""
    from bot.config import BotConfig, ConversationSettings, LLMConfig, Relevance
    from bot.service import Bot
    from index.engine import SearchEngine

    config = BotConfig(index=mini_config, relevance=Relevance(threshold=-1.0), llm=LLMConfig(None, None),
                       feedback_log=tmp_path / "feedback.jsonl",
                       conversation=ConversationSettings(weak_reading=0.0))
    return Bot(config, SearchEngine(mini_config, embedder))


@pytest.fixture(scope="session")
def mini_plan_text() -> str:
    return MINI_PLAN


# Real-model fixtures: the default model and the bundled-plan index, built once per session.

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
        adapter=AdapterSettings(enabled=True, questions=BUNDLED_QUESTIONS),
    )


@pytest.fixture(scope="session")
def real_engine(real_config):
    from index.engine import SearchEngine, load_embedder

    return SearchEngine(real_config, load_embedder(real_config))


@pytest.fixture
def mini_cli_env(monkeypatch, tmp_path, mini_plan_text):
    """Environment for `planqa` commands over the mini plan with the hash embedder."""
    plan = tmp_path / "mini_plan.txt"
    plan.write_text(mini_plan_text, encoding="utf-8")
    monkeypatch.setenv("PLANQA_CORPUS", str(plan))
    monkeypatch.setenv("PLANQA_MODEL", "hash")
    monkeypatch.setenv("PLANQA_INDEX_DIR", str(tmp_path / "index"))
    return plan


def mini_plan_bot(root, plan_text: str, threshold: float):
    """A `Bot` over ``plan_text`` (hash embedder) with everything under ``root``; answers at ``threshold``."""
    from bot.config import BotConfig, LLMConfig, Relevance
    from bot.service import Bot
    from index.engine import SearchEngine

    plan = root / "mini_plan.txt"
    plan.write_text(plan_text, encoding="utf-8")
    config = replace(IndexConfig(), ingest=IngestConfig(corpus=(plan,), build_dir=root / "build"), model="hash",
                     index_dir=root / "build" / "index", cache_dir=root / "cache", description_weight=0.0)
    return Bot(BotConfig(index=config, relevance=Relevance(threshold=threshold), llm=LLMConfig(None, None),
                         feedback_log=root / "feedback.jsonl"), SearchEngine(config, HashEmbedder()))


@pytest.fixture(scope="session")
def make_mini_bot():
    """`mini_plan_bot`, for modules that need their own bot over the mini plan."""
    return mini_plan_bot


@pytest.fixture(scope="module")
def mini_server(tmp_path_factory, mini_plan_text):
    """`planqa serve`'s app over the mini plan (hash embedder) on a free loopback port: (url, bot)."""
    from bot.server import launch

    bot = mini_plan_bot(tmp_path_factory.mktemp("server"), mini_plan_text, threshold=0.3)
    server = launch(bot, "127.0.0.1", 0)
    yield server.url, bot
    server.close()


@pytest.fixture
def run_real_planqa(real_engine, real_config):
    """Run the installed `planqa` command in a subprocess on the session's real model and index."""
    import subprocess
    import sys
    from pathlib import Path

    env = {"PLANQA_CACHE_DIR": str(real_config.cache_dir), "PLANQA_INDEX_DIR": str(real_config.index_dir),
           "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(Path(sys.executable).with_name("planqa")), *args], capture_output=True,
                              text=True, timeout=300, env=env, check=False)

    return run


# `planqa serve` in a subprocess: a crash (even a segfault) fails a test instead of killing pytest.

def rss_mb(pid: int) -> float:
    """Resident memory of a process, from /proc."""
    from pathlib import Path

    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class ServeProcess:
    """A running `planqa serve`: its URL, process and environment."""

    def __init__(self, url: str, process, env: dict[str, str]) -> None:
        self.url, self.process, self.env = url, process, env

    def alive(self) -> bool:
        import urllib.request

        if self.process.poll() is not None:
            return False
        with urllib.request.urlopen(self.url + "config", timeout=30) as reply:
            return reply.status == 200

    def rss_mb(self) -> float:
        return rss_mb(self.process.pid)


@pytest.fixture(scope="module")
def start_serve(tmp_path_factory):
    """Factory: ``start_serve(env)`` runs `planqa serve` on a free loopback port with ``env`` added."""
    import os
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    processes = []

    def start(extra_env: dict[str, str], timeout: float = 240) -> ServeProcess:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        env = dict(os.environ, HF_HUB_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False", **extra_env)
        process = subprocess.Popen([str(Path(sys.executable).with_name("planqa")), "serve", "--port", str(port)],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        processes.append(process)
        deadline = time.time() + timeout
        while time.time() < deadline:
            line = process.stdout.readline()
            if "running on" in line:
                break
            if process.poll() is not None:
                pytest.fail(f"planqa serve exited: {process.stdout.read()}")
        else:
            process.kill()
            pytest.fail(f"planqa serve did not start within {timeout} s")
        import threading

        threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()  # drain its output
        server = ServeProcess(f"http://127.0.0.1:{port}/", process, env)
        for _ in range(100):
            try:
                if server.alive():
                    break
            except OSError:
                time.sleep(0.1)
        return server

    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def mini_serve_env(tmp_path_factory, mini_plan_text) -> dict[str, str]:
    """Environment for a `planqa serve` subprocess over the mini plan with the hash embedder."""
    root = tmp_path_factory.mktemp("serve")
    plan = root / "mini_plan.txt"
    plan.write_text(mini_plan_text, encoding="utf-8")
    return {"PLANQA_CORPUS": str(plan), "PLANQA_MODEL": "hash", "PLANQA_INDEX_DIR": str(root / "index"),
            "PLANQA_BUILD_DIR": str(root / "build"), "PLANQA_FEEDBACK_LOG": str(root / "feedback.jsonl")}


# A throwaway PostgreSQL server (Debian's `postgresql` package; `make test` installs it when missing).

def _postgres_bin() -> "Path | None":
    import glob
    import shutil
    from pathlib import Path

    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


@pytest.fixture(scope="session")
def postgres_url():
    """``postgresql+psycopg://…`` of a fresh server on a free loopback port, stopped after the session."""
    import os
    import pwd
    import shutil
    import socket
    import subprocess
    import tempfile
    from pathlib import Path

    bindir = _postgres_bin()
    if bindir is None:
        pytest.fail("PostgreSQL is not installed: run `make test` (installs Debian's postgresql) or "
                    "apt-get install postgresql")
    root = Path(tempfile.mkdtemp(prefix="planqa-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: run the server as Debian's postgres user
        user = pwd.getpwnam("postgres")
        os.chmod(root, 0o755)
        os.chown(root, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data = root / "data"
    subprocess.run([*run_as, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
    subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"), "-o",
                    f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=100", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*run_as, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh, empty staff database: an SQLite file, or a new database on the throwaway PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'planqa.db'}"
    import uuid

    from sqlalchemy import create_engine, text

    server = request.getfixturevalue("postgres_url")
    name = "planqa_" + uuid.uuid4().hex[:12]
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return server.rsplit("/", 1)[0] + "/" + name


CHROMIUM = "/usr/bin/chromium"  # Debian's package (Playwright's own browser download cannot work offline)


@pytest.fixture(scope="module")
def browser():
    import os
    import shutil

    executable = shutil.which("chromium") or CHROMIUM
    if not os.path.exists(executable):
        pytest.fail("Chromium is not installed: .ci/run installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        )
        yield browser
        browser.close()
