"""``planqa eval`` and ``planqa bench``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eval.questions import DATA_DIR
from index.retrieve import RETRIEVERS
from planqa.cli import add_command
from planqa.errors import QueryError

# The bundled sets by name (`--set`): the adapter learns from dev, citizen and own (scored
# cross-validated), never from test.
NAMED_SETS = {"dev": "dev.jsonl", "citizen": "citizen_dev.jsonl", "own": "citizen_own.jsonl", "test": "test.jsonl"}

EVAL_EXAMPLES = """examples:
  planqa eval                                         # dev set, all retrievers, answer metrics
  planqa eval --questions eval/data/test.jsonl --out reports/test
  planqa eval --retriever hybrid --k 10 --json
  planqa eval --set citizen --cross-validate 5        # citizen-style set, honest despite the adapter
  planqa eval --set all --retriever hybrid --cross-validate 5   # dev, citizen, own and test side by side
  planqa eval --dialogues eval/data/dialogues_own.jsonl   # follow-ups answered in context, turn by turn
  planqa eval --set citizen --rewrites                # the questions rewritten as people type them (kana, …)
"""
BENCH_EXAMPLES = """examples:
  planqa bench                 # full run (scaling to 1M vectors: tens of minutes)
  planqa bench --quick --json  # small synthetic sizes, a minute
  planqa bench --load --clients 50 --requests 1000 --json   # /api/ask under load vs bare batched encode
"""


def register_eval(subparsers) -> None:
    parser = add_command(subparsers, "eval", "retrieval and answer metrics on a gold question set",
        "Score retrievers (Hit@1/5, Recall@5/10, MRR@10, nDCG@10 via pytrec_eval) and the bot's answers.", EVAL_EXAMPLES)
    parser.add_argument("--questions", type=Path, metavar="FILE",
                        help="JSONL question set (default: eval/data/dev.jsonl)")
    parser.add_argument("--set", choices=[*NAMED_SETS, "all"], dest="named_set",
                        help="a bundled set by name: dev, citizen (citizen-style questions), own (our citizen-style "
                             "questions, blind batches), test (held out, never trained on), or all of them in one summary")
    parser.add_argument("--dialogues", type=Path, metavar="FILE",
                        help="score dialogues instead ({\"id\", \"turns\": [{\"question\", \"gold\"}, …]} per line): "
                             "each turn's first citation, in the context of the turns before it")
    parser.add_argument("--rewrites", action="store_true",
                        help="answer the set's answerable Japanese questions rewritten as people type them "
                             "(all in hiragana, half-width katakana, unpunctuated, courteous, one character "
                             "slipped, a kanji swapped for one read the same), beside the same questions as written")
    parser.add_argument("--cross-validate", type=int, metavar="FOLDS", default=0,
                        help="score each fold with a query adapter trained without it (sets the adapter learns from)")
    parser.add_argument("--retriever", choices=[*RETRIEVERS, "all"], default="all")
    parser.add_argument("--k", type=int, default=10, help="hits per question (default 10)")
    parser.add_argument("--no-answers", action="store_true", help="skip the bot's answer metrics")
    parser.add_argument("--out", type=Path, metavar="DIR", help="write report.md, retrievers.png, misses.csv, result.json")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--curated", action="store_true",
                        help="curated-answer matching: precision on near-misses vs recall on paraphrases per threshold")
    parser.set_defaults(func=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    from bot.config import BotConfig
    from bot.service import Bot
    from eval.report import format_summary, format_table
    from index.engine import SearchEngine
    from planqa.cli import quiet_libraries

    if args.k < 1 or args.k > 1000:
        raise QueryError(f"--k must be between 1 and 1000, got {args.k}")
    if args.curated:
        return _run_curated(args)
    if args.questions and args.named_set:
        raise QueryError("use --questions FILE or --set NAME, not both")
    if args.dialogues and (args.questions or args.named_set or args.cross_validate or args.no_answers):
        raise QueryError("--dialogues FILE is scored alone (no --questions, --set, --cross-validate or --no-answers)")
    if args.rewrites and (args.dialogues or args.cross_validate or args.no_answers
                          or args.named_set == "all"):
        raise QueryError("--rewrites scores one question set (--questions FILE or --set NAME, not all) on "
                         "the shipped index: no --dialogues, --cross-validate or --no-answers")
    quiet_libraries()
    bot_config = BotConfig()
    engine = SearchEngine(bot_config.index, progress=not args.json)
    if args.dialogues:
        return _run_dialogues(args, Bot(bot_config, engine))
    if args.rewrites:
        return _run_rewrites(args, Bot(bot_config, engine))
    bot = None if args.no_answers else Bot(bot_config, engine)
    names = list(RETRIEVERS) if args.retriever == "all" else [args.retriever]
    if args.named_set == "all":  # each set's report in a folder of its own under --out
        results = {name: _evaluate(DATA_DIR / file, engine, bot, names, args, args.out and args.out / name)
                   for name, file in NAMED_SETS.items()}
        print(json.dumps(results, ensure_ascii=False, indent=2) if args.json else format_summary(results))
        if args.out and not args.json:
            print(f"\n  wrote {', '.join(str(args.out / name) for name in results)} (report.md, misses.csv, … each)")
        return 0
    result = _evaluate(_set_path(args), engine, bot, names, args, args.out)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(format_table(result))
        if args.out:
            print(f"\n  wrote {', '.join(result['outputs'])}")
    return 0


def _run_dialogues(args: argparse.Namespace, bot) -> int:
    from eval.dialogues import check_gold, format_dialogues, load_dialogues, score_dialogues

    dialogues = load_dialogues(args.dialogues)
    check_gold(dialogues, bot.engine.index.chunks)
    result = score_dialogues(bot, dialogues)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_dialogues(args.dialogues, result))
    return 0


def _set_path(args: argparse.Namespace) -> Path:
    """The question set asked for: ``--set NAME``, ``--questions FILE`` or the dev set."""
    if args.named_set:
        return DATA_DIR / NAMED_SETS[args.named_set]
    return args.questions or DATA_DIR / "dev.jsonl"


def _run_rewrites(args: argparse.Namespace, bot) -> int:
    from eval.questions import gold_ids, load_questions
    from eval.rewrites import format_rewrites, score_rewrites

    path = _set_path(args)
    questions = load_questions(path)
    gold_ids(questions, bot.engine.index.chunks)
    result = score_rewrites(bot, questions)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_rewrites(path, result))
    return 0


def _evaluate(path: Path, engine, bot, names: list[str], args: argparse.Namespace, out: Path | None) -> dict:
    from eval.answers import evaluate_answers
    from eval.crossval import cross_validate
    from eval.questions import gold_ids, load_questions
    from eval.report import misses_csv, to_dict, write_outputs
    from eval.retrieval import evaluate_retriever

    questions = load_questions(path)
    gold_ids(questions, engine.index.chunks)  # every gold title must exist before anything runs
    if args.cross_validate:
        retrieval, answers = cross_validate(engine, bot, questions, names, args.k, args.cross_validate)
    else:
        retrieval = {name: evaluate_retriever(engine, questions, name, args.k) for name in names}
        answers = None if bot is None else evaluate_answers(bot, questions)
    result = to_dict(str(path), questions, args.k, retrieval, answers)
    if args.cross_validate:
        result["cross_validated"] = args.cross_validate
    if out:
        written = write_outputs(out, result, misses_csv(questions, retrieval, answers))
        result["outputs"] = [str(p) for p in written]
    return result


def register_bench(subparsers) -> None:
    parser = add_command(
        subparsers, "bench", "speed and memory on this machine (model, index, queries, FAISS scaling)",
        "Measure load/build times, throughput and latency against bare sentence-transformers, "
        "peak memory, and exact vs HNSW vs IVF FAISS on synthetic vectors.", BENCH_EXAMPLES)
    parser.add_argument("--quick", action="store_true", help="small synthetic sizes (CI)")
    parser.add_argument("--load", action="store_true",
                        help="start planqa serve and drive /api/ask with closed-loop clients instead")
    parser.add_argument("--clients", type=int, default=50, help="--load: concurrent clients (default 50)")
    parser.add_argument("--requests", type=int, default=1000, help="--load: requests in all (default 1000)")
    parser.add_argument("--sizes", help="comma-separated synthetic corpus sizes (default 10000,100000,1000000)")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=run_bench)


def run_bench(args: argparse.Namespace) -> int:
    from eval.bench import format_bench, run_benchmark
    from planqa.cli import quiet_libraries

    quiet_libraries()
    if args.load:
        from eval.load import format_load, run_load

        if not 1 <= args.clients <= 1000 or not 1 <= args.requests <= 1_000_000:
            raise QueryError("--clients must be 1-1000 and --requests 1-1000000")
        result = run_load(args.clients, args.requests)
        print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_load(result))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else None
    result = run_benchmark(quick=args.quick, sizes=sizes)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_bench(result))
    return 0


def _run_curated(args: argparse.Namespace) -> int:
    from bot.service import Bot
    from eval.curated import THRESHOLDS, calibrate
    from planqa.cli import quiet_libraries

    quiet_libraries()
    bot = Bot()
    calibration = calibrate(bot.engine.embedder, bot.ward_of)
    rows = [calibration.at(t) for t in THRESHOLDS]
    configured = calibration.at(bot.config.staff.curated_threshold)
    if args.json:
        print(json.dumps({"configured": configured, "thresholds": rows}, ensure_ascii=False, indent=2))
        return 0
    print("threshold  paraphrases matched  near-misses matched  precision")
    for row in rows:
        mark = "  <- configured" if row["threshold"] == configured["threshold"] else ""
        print(f"{row['threshold']:9.3f}  {row['paraphrases_matched']:>5}/{row['paraphrases']:<13}"
              f"{row['near_misses_matched']:>5}/{row['near_misses']:<14}{row['precision']:.3f}{mark}")
    return 0
