"""The web server: a FastAPI app with the Gradio chat mounted at ``/``, behind guards that bound
every request, served by uvicorn.

Guards (pure ASGI middleware, before anything parses a request):

- request bodies over `Limits.max_body_bytes` get 413 (bodies are read up to the limit, never more);
- Gradio's upload routes are closed (the app has no upload component) and its monitoring
  dashboard is not served;
- ``POST /login`` (``PLANQA_AUTH``) is limited per client address and minute.

Beside the chat: the JSON API of `bot.api` (``/api/ask``, ``/api/search``, ``/api/feedback``,
``/healthz``, ``/readyz``, ``/metrics``), served by the same `Bot`, with query encoding micro-batched
across concurrent requests (`index.batching`).

A running server keeps the index it loaded; ``SIGHUP`` (or `RunningServer.reload`) loads the
index generation now on disk and switches to it atomically, without dropping requests.
"""

from __future__ import annotations

import json
import logging
import signal
import socket
import threading
import time
from collections import defaultdict, deque
from typing import Any

from bot.service import Bot
from planqa.errors import ConfigError
from planqa.limits import Limits

log = logging.getLogger(__name__)

_BLOCKED_PREFIXES = ("/gradio_api/upload", "/upload", "/monitoring")


async def _send_json(send, status: int, payload: dict[str, Any], headers: list | None = None) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    """ASGI middleware: body size bound, closed routes, login rate limit."""

    def __init__(self, app, limits: Limits) -> None:
        self.app = app
        self.limits = limits
        self._logins: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if path.startswith(_BLOCKED_PREFIXES) and not (self.limits.uploads_enabled and "upload" in path):
            await _send_json(send, 403 if "upload" in path else 404,
                             {"error": "uploads are disabled on this server" if "upload" in path else "not found"})
            return
        if path.rstrip("/").endswith("/login") and scope.get("method") == "POST" and not self._login_allowed(scope):
            await _send_json(send, 429, {"error": "too many login attempts; wait a minute"},
                             [(b"retry-after", b"60")])
            return
        limit = self.limits.max_body_bytes
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            await _send_json(send, 413, {"error": f"request body is over the {limit:,}-byte limit", "field": "body"})
            return
        messages, size = [], 0
        while True:  # read the body up to the limit, then replay it to the app
            message = await receive()
            if message["type"] != "http.request":
                messages.append(message)
                break
            size += len(message.get("body", b""))
            if size > limit:
                await _send_json(send, 413, {"error": f"request body is over the {limit:,}-byte limit", "field": "body"})
                return
            messages.append(message)
            if not message.get("more_body"):
                break
        if len(messages) > 1:
            body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.request")
            messages = [{"type": "http.request", "body": body, "more_body": False}] + [
                m for m in messages if m["type"] != "http.request"]
        pending = deque(messages)

        async def replay():
            return pending.popleft() if pending else await receive()

        await self.app(scope, replay, send)

    def _login_allowed(self, scope) -> bool:
        client = (scope.get("client") or ("?", 0))[0]
        now = time.monotonic()
        with self._lock:
            attempts = self._logins[client]
            while attempts and now - attempts[0] > 60:
                attempts.popleft()
            if len(attempts) >= self.limits.login_attempts_per_minute:
                return False
            attempts.append(now)
            return True


def create_app(bot: Bot, auth: list[tuple[str, str]] | None = None, admin_auth: list[tuple[str, str]] | None = None):
    """The ASGI app: FastAPI + the Gradio chat at ``/``, wrapped in `RequestGuard`; with ``admin_auth``
    (``PLANQA_ADMIN_AUTH``) also the staff page at ``/staff`` behind its own login (else no such page)."""
    import fastapi
    import gradio as gr

    from bot.api import Metrics, add_routes
    from bot.ui import CSS, build_app

    api = fastapi.FastAPI(title="planqa JSON API", docs_url="/api/docs", redoc_url=None,
                          openapi_url="/api/openapi.json",
                          description="Questions about the plan, answered with citations. Every body is bounded "
                                      f"({bot.limits.max_body_bytes:,} bytes; questions {bot.limits.max_question_chars:,} "
                                      "characters); errors are {\"error\", \"field\"} with a 4xx status.")
    bot.staff  # noqa: B018  (open the staff database now: a bad PLANQA_DB fails the start, not a request)
    metrics = Metrics(bot)
    settings = bot.config.server
    if settings.batch_max > 1:
        bot.engine.enable_batching(settings.batch_max, settings.batch_window_s, metrics.batch_size.observe)
    add_routes(api, bot, metrics)  # before the Gradio mount at "/", so these paths are ours
    theme = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["monospace"])
    if admin_auth:
        from bot.staff.ui import build_staff_app

        gr.mount_gradio_app(api, build_staff_app(bot), path="/staff", auth=admin_auth, show_error=False,
                            max_file_size=bot.limits.max_body_bytes, enable_monitoring=False, ssr_mode=False,
                            footer_links=[], run_history=False, theme=theme)
    blocks = build_app(bot)
    gr.mount_gradio_app(
        api, blocks, path="/", auth=auth, show_error=False, max_file_size=bot.limits.max_body_bytes,
        enable_monitoring=False, ssr_mode=False, footer_links=["api"], run_history=False, css=CSS, theme=theme,
    )
    return RequestGuard(api, bot.limits)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or a `ConfigError` naming the address (port in use, bad host)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, _, _, _, address = infos[0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except (OSError, UnicodeError) as exc:
        raise ConfigError(f"cannot listen on {host}:{port} ({getattr(exc, 'strerror', None) or exc}); "
                          "choose another --port or --host") from None
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


class RunningServer:
    """uvicorn serving `create_app` on one socket; `close` stops it."""

    def __init__(self, bot: Bot, host: str = "127.0.0.1", port: int = 7860,
                 auth: list[tuple[str, str]] | None = None, admin_auth: list[tuple[str, str]] | None = None) -> None:
        import uvicorn

        self.bot = bot
        self.socket = bind(host, port)
        self.port = self.socket.getsockname()[1]
        self.host = host
        config = uvicorn.Config(create_app(bot, auth, admin_auth), log_level="warning", lifespan="on",
                                timeout_keep_alive=30, access_log=False)
        self.server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        shown = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host
        return f"http://{shown}:{self.port}/"

    def start(self, timeout: float = 60.0) -> RunningServer:
        """Serve in a background thread; returns once the server accepts requests."""
        self._thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]},
                                        name="planqa-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise ConfigError(f"the server on {self.url} did not start")
            time.sleep(0.05)
        return self

    def serve_forever(self) -> None:
        """Serve in this thread until Ctrl+C / SIGTERM; SIGHUP reloads the index."""
        signal.signal(signal.SIGHUP, lambda *_: threading.Thread(target=self.reload, daemon=True).start())
        self.server.run(sockets=[self.socket])

    def reload(self) -> bool:
        """Switch to the index generation now on disk; on failure keep serving the loaded one."""
        try:
            self.bot.reload()
            return True
        except Exception as exc:  # a bad or missing new index must not take the server down
            log.error("index reload failed, still serving the loaded index: %s", exc)
            return False

    def close(self) -> None:
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=15)
        self.socket.close()


def launch(bot: Bot, host: str = "127.0.0.1", port: int = 7860, auth=None, admin_auth=None) -> RunningServer:
    """Start serving in a background thread (tests, notebooks); ``close()`` stops it."""
    return RunningServer(bot, host, port, auth, admin_auth).start()
