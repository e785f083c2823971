"""The ``planqa`` command: one entry point, subcommands contributed by each stage.

Each stage registers its subcommands through the ``planqa.commands`` entry-point
group (see pyproject.toml), so this dispatcher imports no later stage directly.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from importlib.metadata import entry_points

from planqa.errors import PlanqaError

# Subcommand order in --help; unknown names from other packages come after.
_ORDER = ("ingest", "index", "search", "ask", "serve", "eval", "bench", "model")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="planqa",
        description="Q&A over Sapporo City's action plan (まちづくり戦略ビジョン・アクションプラン).",
        epilog="run 'planqa COMMAND --help' for a command's options and examples",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands = {ep.name: ep for ep in entry_points(group="planqa.commands")}
    for name in sorted(commands, key=lambda n: (_ORDER.index(n) if n in _ORDER else len(_ORDER), n)):
        commands[name].load()(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="planqa: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except PlanqaError as exc:
        print(f"planqa {args.command}: error: {_one_line(str(exc))}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"planqa {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file or folder the command had to write or read (the message names it)
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        print(f"planqa {args.command}: error:{where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: still one line for the user, the traceback with --verbose
        if args.verbose:
            traceback.print_exc()
        print(f"planqa {args.command}: internal error: {type(exc).__name__}: {_one_line(str(exc))[:300]} "
              "(run with -v for details)", file=sys.stderr)
        return 1


def _one_line(message: str) -> str:
    return " ".join(message.split())


if __name__ == "__main__":
    sys.exit(main())
