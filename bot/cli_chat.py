"""``planqa chat``: an interactive terminal chat that keeps the conversation, so follow-ups work
(「担当は？」, 「西区だと？」, 「他には？」). Line editing and history come from readline."""

from __future__ import annotations

import argparse
import sys

from planqa.cli import add_command
from planqa.errors import QueryError

EXAMPLES = """examples:
  planqa chat
  > 西区で子育て中の親が使える支援はありますか？
  > それの所管はどこですか？
  > 清田区だと？
  > /reset      (start a new conversation)     /quit  (or Ctrl+D)
"""
HELP = "質問を入力してください。/reset で会話をリセット、/quit で終了します。"


def register(subparsers) -> None:
    parser = add_command(subparsers, "chat", "interactive chat in the terminal, with follow-up questions",
                         "Chat with the plan in the terminal; earlier questions give follow-ups their context.",
                         EXAMPLES)
    parser.add_argument("--json", action="store_true", help="print each answer as JSON (for scripts)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from bot.cli_ask import format_answer
    from bot.service import Bot
    from planqa.cli import quiet_libraries

    try:
        import readline  # noqa: F401  (line editing and ↑ history for input())
    except ImportError:
        pass
    quiet_libraries()
    interactive = sys.stdin.isatty()
    if interactive:
        print("planqa chat: loading the model and index…", flush=True)
    bot = Bot()
    if interactive:
        print(HELP)
    history: list[str] = []
    while True:
        try:
            line = input("> " if interactive else "")
        except EOFError:
            break
        question = line.strip()
        if not question:
            continue
        if question in ("/quit", "/exit", "/q"):
            break
        if question == "/reset":
            history.clear()
            print("（会話をリセットしました）")
            continue
        try:
            answer = bot.reply(bot.check_question(question), history=history[-bot.config.conversation.max_turns:],
                               channel="cli")
        except QueryError as exc:
            print(f"planqa chat: {exc.ja}", file=sys.stderr)
            continue
        history.append(question)
        if args.json:
            print(json.dumps(answer.to_record(), ensure_ascii=False), flush=True)
        else:
            print(format_answer(answer))
            if answer.suggestions:
                print("次の質問の候補: " + " / ".join(answer.suggestions))
            print(flush=True)
    return 0
