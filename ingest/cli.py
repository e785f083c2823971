"""``planqa ingest``: parse plan documents into ``chunks.jsonl`` and print a summary."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ingest.config import IngestConfig
from ingest.pipeline import ingest_paths, summarize, write_ingest_output
from planqa.cli import add_command

EXAMPLES = """examples:
  planqa ingest                              # the bundled plan -> data/build/chunks.jsonl
  planqa ingest my_notes.md --out /tmp/out   # your own text/Markdown (generic chunker)
  planqa ingest --json | jq .by_kind
"""


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = add_command(subparsers, "ingest", "parse the plan (or other text files) into structured chunks",
                         "Parse plan text into per-initiative chunks and write DIR/chunks.jsonl.", EXAMPLES)
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="UTF-8 text or Markdown files (default: the bundled plan)")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="output folder (default: data/build or $PLANQA_BUILD_DIR)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    config = IngestConfig()
    paths = tuple(args.paths) or config.corpus
    out_dir = args.out or config.build_dir
    result = ingest_paths(paths)
    out_path = write_ingest_output(result, out_dir)
    summary = summarize(result, out_path)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(format_summary(summary))
    return 0


def format_summary(summary: dict[str, Any]) -> str:
    """Human-readable summary tables."""
    files = summary["files"]
    lines = [
        f"planqa ingest: {len(files)} file(s), {summary['chunks']} chunks -> {summary['out']} "
        f"({summary['seconds']:.2f} s)",
        "",
    ]
    for doc in files:
        lines.append(f"  {doc['path']}: {doc['lines']} lines, layout={doc['layout']}, {doc['chunks']} chunks")
    lines += ["", f"  {'kind':<12}{'chunks':>8}"]
    lines += [f"  {kind:<12}{count:>8}" for kind, count in summary["by_kind"].items()]
    lines += ["", f"  {_pad('ward / section', 34)}{'initiatives':>12}{'department':>12}{'indicator':>12}"]
    totals = [0, 0, 0]
    for area, row in summary["by_area"].items():
        values = [row["initiatives"], row["with_department"], row["with_indicator"]]
        totals = [t + v for t, v in zip(totals, values)]
        lines.append(f"  {_pad(area, 34)}{values[0]:>12}{values[1]:>12}{values[2]:>12}")
    lines.append(f"  {_pad('total', 34)}{totals[0]:>12}{totals[1]:>12}{totals[2]:>12}")
    lines += [
        "",
        f"  ward initiatives: {summary['ward_initiatives_total']} "
        + "(" + ", ".join(f"{w} {n}" for w, n in summary["ward_initiatives"].items()) + ")",
        f"  chapter-3 initiatives with departments: {summary['chapter_initiatives_with_departments']}",
        f"  glossary entries: {summary['glossary_entries']}",
    ]
    lacking = summary["initiatives_without_indicator"]
    chapter_lacking = [i["title"] for i in lacking if not i["ward"]]
    lines.append(
        f"  initiatives without an indicator: {len(lacking)} "
        f"({len(lacking) - len(chapter_lacking)} ward rows — ward tables have no indicator column"
        + (f"; chapter items: {', '.join(chapter_lacking)}" if chapter_lacking else "")
        + ")"
    )
    warnings = summary["warnings"]
    lines.append(f"  warnings: {len(warnings) or 'none'}")
    lines += [f"    - {w}" for w in warnings]
    return "\n".join(lines)


def _pad(text: str, width: int) -> str:
    """Left-justify by display width (full-width characters count as two columns)."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(1, width - used)
