"""``planqa serve``: the Gradio chat on 127.0.0.1 (model and index loaded once at start-up)."""

from __future__ import annotations

import argparse
import os

from planqa.cli import add_command

EXAMPLES = """examples:
  planqa serve                         # http://127.0.0.1:7860
  planqa serve --port 8080
  planqa serve --host 0.0.0.0          # expose on the network (see README: reverse proxy, auth)
  PLANQA_AUTH=staff:secret planqa serve --host 0.0.0.0
  PLANQA_ADMIN_AUTH=admin:secret planqa serve     # + the staff page at /staff (report, curated answers)
"""


def register(subparsers) -> None:
    parser = add_command(subparsers, "serve", "start the chat UI (Gradio)",
        "Start the Japanese-first chat UI over the plan, with sources and filters.", EXAMPLES)
    parser.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    parser.set_defaults(func=run)


def _auth(variable: str = "PLANQA_AUTH") -> list[tuple[str, str]] | None:
    """``PLANQA_AUTH=user:password[,user2:password2]`` turns on Gradio's login page (``PLANQA_ADMIN_AUTH``:
    the staff page's)."""
    value = os.environ.get(variable)
    if not value:
        return None
    pairs = [item.split(":", 1) for item in value.split(",") if ":" in item]
    return [(user, password) for user, password in pairs] or None


def run(args: argparse.Namespace) -> int:
    from bot.server import RunningServer, bind
    from bot.service import Bot
    from planqa.cli import quiet_libraries

    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    bind(args.host, args.port).close()  # a busy port is reported before the model loads
    quiet_libraries()
    print("planqa serve: loading the model and index…", flush=True)
    bot = Bot()
    bot.engine.warm()
    server = RunningServer(bot, args.host, args.port, auth=_auth(), admin_auth=_auth("PLANQA_ADMIN_AUTH"))
    print(f"planqa serve: running on {server.url.rstrip('/')}  (Ctrl+C to stop; SIGHUP reloads the index)",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0
