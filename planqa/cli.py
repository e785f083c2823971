"""The ``planqa`` command: one entry point, subcommands contributed by each stage, and the helpers
every subcommand shares (parser construction, quiet third-party logging, batch files).

Each stage registers its subcommands through the ``planqa.commands`` entry-point group (see
pyproject.toml), so this dispatcher imports no stage at all.
"""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from importlib.metadata import entry_points
from pathlib import Path

from planqa.errors import PlanqaError, QueryError
from planqa.io import iter_jsonl, read_text_file
from planqa.limits import Limits

# Subcommand order in --help; unknown names from other packages come after.
_ORDER = ("ingest", "index", "search", "ask", "chat", "serve", "curate", "report", "eval", "bench", "model")


def add_command(subparsers, name: str, help: str, description: str, examples: str) -> argparse.ArgumentParser:
    """A subcommand parser with its one-line help, description and an examples epilog."""
    return subparsers.add_parser(name, help=help, description=description, epilog=examples,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)


def quiet_libraries() -> None:
    """Silence third-party progress bars and debug logs in CLI output (ours stay)."""
    import bm25s  # noqa: F401  (it sets its own logger to DEBUG on import; import first, then quiet it)

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except ImportError:
        pass


def read_batch(path: Path, limits: Limits | None = None, dialogues: bool = False) -> list[dict]:
    """The ``{"id", "question"}`` objects of a JSONL batch file (bounded: file size and line length).

    With ``dialogues``, a line may instead be ``{"id", "turns": [{"question"}, …]}`` (a conversation).
    """
    limits = limits or Limits()
    text = read_text_file(path, limits.max_batch_file_bytes, QueryError, what="batch file")
    items = []
    for number, item in iter_jsonl(text, str(path), QueryError, limits.max_batch_line_bytes):
        if dialogues and isinstance(item, dict) and "turns" in item:
            turns = item["turns"]
            if (not isinstance(turns, list) or not turns or len(turns) > limits.max_history_messages
                    or not all(isinstance(t, dict) and isinstance(t.get("question"), str) for t in turns)):
                raise QueryError(f'{path}:{number}: "turns" must be a list of 1-{limits.max_history_messages} '
                                 'objects with a "question" string')
        elif not isinstance(item, dict) or not isinstance(item.get("question"), str):
            raise QueryError(f'{path}:{number}: expected an object with a "question" string'
                             + (' or "turns"' if dialogues else ""))
        if not isinstance(item.get("id"), (str, int, type(None))) or isinstance(item.get("id"), bool):
            raise QueryError(f'{path}:{number}: "id" must be a string or a number')
        items.append(item)
    return items


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
