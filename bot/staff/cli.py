"""``planqa curate`` (curated answers) and ``planqa report`` (what the bot failed to answer)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

from planqa.cli import add_command
from planqa.errors import QueryError

CURATE_EXAMPLES = """examples:
  planqa search "除雪 いつ来る" --json                    # find the chunk ids to cite
  planqa curate add --question "家の前の除雪はいつ来ますか？" \\
      --answer "除雪の日程は計画には書かれていません。…" --cite "<chunk id>" [--cite …]
  planqa curate list [--json]
  planqa curate remove 3
  planqa curate export curated.jsonl
  planqa curate import curated.jsonl
"""

REPORT_EXAMPLES = """examples:
  planqa report                                   # text summary on the terminal
  planqa report --since 2026-11-01 --html report.html
  planqa report --json report.json
  planqa report --csv report.csv
"""


def register_curate(subparsers) -> None:
    parser = add_command(subparsers, "curate", "staff-written answers served before the plan search",
        "Curated answers (職員確認済み): served when a question is close enough, always citing the plan; "
        "they turn stale when a cited passage changes.", CURATE_EXAMPLES)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a curated answer")
    add.add_argument("--question", required=True)
    add.add_argument("--answer", required=True)
    add.add_argument("--cite", action="append", default=[], metavar="CHUNK_ID", help="a chunk id (repeatable; ≥ 1)")
    add.add_argument("--variant", action="append", default=[], metavar="QUESTION",
                     help="another wording of the question (repeatable): more wordings match more paraphrases")
    add.add_argument("--author", default="staff")
    add.add_argument("--json", action="store_true")
    listing = actions.add_parser("list", help="list curated answers (stale ones marked)")
    listing.add_argument("--json", action="store_true")
    remove = actions.add_parser("remove", help="remove a curated answer by id")
    remove.add_argument("id", type=int)
    export = actions.add_parser("export", help="write every curated answer to a JSONL file")
    export.add_argument("file", type=Path)
    imported = actions.add_parser("import", help="add the curated answers of a JSONL file (all or nothing)")
    imported.add_argument("file", type=Path)
    parser.set_defaults(func=run_curate)


def register_report(subparsers) -> None:
    parser = add_command(subparsers, "report", "unanswered questions, most-cited passages, abstention per day",
        "The staff report from the query log and feedback: unanswered questions grouped by similarity, "
        "most-cited passages, abstention rate per day, stale curated answers.", REPORT_EXAMPLES)
    parser.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="only entries from this day on (UTC)")
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument("--json", nargs="?", const="-", metavar="OUT", help="JSON (to OUT or stdout)")
    formats.add_argument("--csv", nargs="?", const="-", metavar="OUT", help="CSV (to OUT or stdout)")
    formats.add_argument("--html", metavar="OUT", help="a self-contained HTML page with a PNG chart")
    parser.set_defaults(func=run_report)


def _date(value: str) -> datetime:
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-11-01") from None


def _desk_and_index(need_model: bool):
    from bot.config import BotConfig
    from bot.staff.desk import StaffDesk
    from index.engine import SearchEngine
    from index.store import index_exists, load_index
    from planqa.cli import quiet_libraries
    from planqa.limits import Limits

    config = BotConfig()
    desk = StaffDesk.open(config.db_url, config.staff, Limits(), config.feedback_log)
    if need_model:
        quiet_libraries()
        engine = SearchEngine(config.index)
        return desk, engine.index, engine.embedder, config
    index = load_index(config.index, None) if index_exists(config.index.index_dir) else None
    return desk, index, None, config


def run_curate(args: argparse.Namespace) -> int:
    if args.action == "add":
        desk, index, _, _ = _desk_and_index(need_model=True)
        answer = desk.curated.add(args.question, args.answer, args.cite, index, args.author, args.variant)
        if args.json:
            print(json.dumps(answer.to_record(), ensure_ascii=False, indent=2))
        else:
            print(f"added curated answer #{answer.id} citing {', '.join(answer.cited_ids)}")
        return 0
    desk, index, _, config = _desk_and_index(need_model=False)
    if index is not None:
        desk.curated.refresh(index)
    if args.action == "list":
        answers = desk.curated.all()
        if args.json:
            print(json.dumps([a.to_record() for a in answers], ensure_ascii=False, indent=2))
        for answer in answers if not args.json else ():
            state = f"要確認（{answer.stale_reason}）" if answer.stale else "配信中"
            print(f"#{answer.id} [{state}] 利用 {answer.hits} 回  Q: {answer.question}\n    A: {answer.answer}\n"
                  f"    根拠: {', '.join(answer.cited_ids)}")
        if not answers and not args.json:
            print("（職員確認済みの回答はまだありません）")
        return 0
    if args.action == "remove":
        removed = desk.curated.remove(args.id)
        print(f"removed curated answer #{removed.id}: {removed.question}")
        return 0
    if args.action == "export":
        count = desk.curated.export(args.file)
        print(f"wrote {count} curated answers to {args.file}")
        return 0
    if index is None:
        raise QueryError(f"no index at {config.index.index_dir} to check the citations against; run: planqa index")
    count = desk.curated.import_file(args.file, index, config.index.limits.max_batch_file_bytes,
                                     config.index.limits.max_batch_line_bytes)
    print(f"imported {count} curated answers from {args.file}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from bot.staff.report import build_report
    from bot.staff.report_render import to_csv, to_html_page, to_json, to_text
    from planqa.io import atomic_write_text

    desk, index, embedder, config = _desk_and_index(need_model=True)
    report = build_report(desk, index, embedder, args.since, config.staff.cluster_threshold)
    for option, render in (("json", to_json), ("csv", to_csv), ("html", to_html_page)):
        target = getattr(args, option)
        if target is None:
            continue
        text = render(report)
        if target == "-":
            sys.stdout.write(text)
        else:
            atomic_write_text(Path(target), text)
            print(f"wrote the report to {target}")
        return 0
    sys.stdout.write(to_text(report))
    return 0
