"""``planqa ask``: the bot's answer and sources in the terminal (or as JSON)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.answer import Answer
from index.retrieve import Filters
from ingest.display import place
from planqa.cli import add_command
from planqa.errors import QueryError

EXAMPLES = """examples:
  planqa ask "企業版ふるさと納税で寄付をどれだけ増やす目標ですか？"
  planqa ask "防災の取り組みは？" --ward 西区
  planqa ask "消防検査オンライン化 所管" --json
  planqa ask --batch questions.jsonl --json          # {"id", "question"} per line
  planqa ask --batch dialogues.jsonl --json          # {"id", "turns": [{"question"}, …]}: follow-ups in context
"""


def register(subparsers) -> None:
    parser = add_command(subparsers, "ask", "answer a question from the plan, with citations",
        "Answer from the plan: the asked fact first, every sentence cited.", EXAMPLES)
    parser.add_argument("question", nargs="?")
    parser.add_argument("--batch", type=Path, metavar="FILE",
                        help='JSONL with {"id", "question"} or {"id", "turns": [{"question"}, ...]} per line')
    parser.add_argument("--ward", help="only this ward, e.g. 西区")
    parser.add_argument("--department", help="only this bureau/department, e.g. 環境局")
    parser.add_argument("--kind", help="initiative | program | glossary | narrative")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.service import Bot
    from planqa.cli import quiet_libraries, read_batch

    if (args.question is None) == (args.batch is None):
        raise QueryError("give a QUESTION or --batch FILE (one of the two)")
    if args.question is not None and not args.question.strip():
        raise QueryError("the question is empty; e.g. planqa ask \"大型ごみはネットで申し込める？\"")
    batch = read_batch(args.batch, dialogues=True) if args.batch else None
    filters = Filters(ward=args.ward, department=args.department, kind=args.kind)
    quiet_libraries()
    bot = Bot()
    if batch is not None:
        for item in batch:
            try:
                if "turns" in item:
                    answers = bot.dialogue([turn["question"] for turn in item["turns"]], filters)
                    record = {"id": item.get("id"), "turns": [answer.to_record() for answer in answers]}
                else:
                    record = {"id": item.get("id"), **bot.answer(item["question"], filters).to_record()}
            except QueryError as exc:
                record = {"id": item.get("id"), "error": str(exc)}
            print(json.dumps(record, ensure_ascii=False))
        return 0
    answer = bot.reply(args.question, filters, log_query=False)
    if args.json:
        print(json.dumps(answer.to_record(), ensure_ascii=False, indent=2))
    else:
        print(format_answer(answer))
    return 0


def format_answer(answer: Answer) -> str:
    lines = [answer.text, ""]
    for note in answer.notes:
        lines.append(f"※ {note}")
    label = "候補" if answer.abstained else "出典"
    if answer.citations:
        lines.append(f"{label}:")
    for citation in answer.citations:
        chunk = citation.hit.chunk
        lines.append(f"  [{citation.n}] {chunk.title} — {place(chunk)}（{chunk.source.file} {chunk.source.line_start}"
                     f"–{chunk.source.line_end}行）")
    lines.append(f"確信度: {answer.confidence:.2f}{'（該当なし）' if answer.abstained else ''}")
    return "\n".join(lines)
