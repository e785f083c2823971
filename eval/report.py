"""Evaluation output: terminal table, JSON-ready dict, Markdown report, PNG chart, misses CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from statistics import median
from typing import Any

from eval.answers import AnswerReport, checks_fact, first_sentence, states_fact
from eval.questions import Question
from eval.retrieval import MEASURES, RetrievalReport
from ingest.text import normalize_key
from planqa.io import atomic_write_bytes

COLUMNS = list(MEASURES.values())


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def latency(values: list[float]) -> dict[str, float]:
    return {"p50": round(median(values), 2) if values else 0.0, "p95": round(percentile(values, 0.95), 2)}


def to_dict(path: str, questions: list[Question], k: int, retrieval: dict[str, RetrievalReport],
            answers: AnswerReport | None) -> dict[str, Any]:
    result: dict[str, Any] = {
        "questions": path,
        "n": len(questions),
        "answerable": sum(q.answerable for q in questions),
        "k": k,
        "retrievers": {
            name: {
                "overall": _round(report.overall),
                "by_kind": {key: _round(v) for key, v in report.by_kind.items()},
                "by_persona": {key: _round(v) for key, v in report.by_persona.items()},
                "latency_ms": latency(report.latencies_ms),
            }
            for name, report in retrieval.items()
        },
    }
    errors = {qid: message for report in retrieval.values() for qid, message in report.errors.items()}
    if errors:
        result["errors"] = errors  # questions the engine refused (scored as misses)
    if answers is not None:
        result["answers"] = {
            "abstention_precision": _r(answers.abstention_precision),
            "abstention_recall": _r(answers.abstention_recall),
            "wrong_abstention_rate": _r(answers.wrong_abstention_rate),
            "no_answer": answers.no_answer,
            "abstained_no_answer": answers.abstained_no_answer,
            "answerable": answers.answerable,
            "abstained_answerable": answers.abstained_answerable,
            "first_sentence_fact_accuracy": _r(answers.fact_accuracy),
            "fact_checked": answers.fact_checked,
            "fact_correct": answers.fact_correct,
            "first_citation_correct": answers.first_citation_correct,
            "threshold_curve": [{**row, "precision": _r(row["precision"]), "recall": _r(row["recall"])}
                                for row in answers.curve],
            "latency_ms": latency(answers.latencies_ms),
        }
    return result


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _round(metrics: dict[str, float]) -> dict[str, float]:
    return {key: (round(value, 4) if key != "n" else int(value)) for key, value in metrics.items()}


def format_table(result: dict[str, Any]) -> str:
    lines = [(f"planqa eval: {result['questions']} — {result['n']} questions "
              f"({result['answerable']} answerable), k={result['k']}")]
    if result.get("cross_validated"):
        lines.append(f"  cross-validated: {result['cross_validated']} folds, each scored with a query adapter "
                     "trained without its questions")
    lines.append("")
    header = f"  {'retriever':<10}" + "".join(f"{c:>11}" for c in COLUMNS) + f"{'p50 ms':>9}{'p95 ms':>9}"
    lines.append(header)
    for name, data in result["retrievers"].items():
        row = data["overall"]
        lines.append(f"  {name:<10}" + "".join(f"{row[c]:>11.3f}" for c in COLUMNS)
                     + f"{data['latency_ms']['p50']:>9.1f}{data['latency_ms']['p95']:>9.1f}")
    for group in ("by_kind", "by_persona"):
        lines += ["", f"  {group.replace('_', ' ')} (hit@1 / hit@5 / mrr@10, n)"]
        names = list(result["retrievers"])
        keys = sorted({key for data in result["retrievers"].values() for key in data[group]})
        lines.append(f"  {'':<12}" + "".join(f"{n:>24}" for n in names))
        for key in keys:
            cells = []
            for name in names:
                row = result["retrievers"][name][group].get(key)
                cells.append(f"{row['hit@1']:.2f}/{row['hit@5']:.2f}/{row['mrr@10']:.2f} ({row['n']})" if row else "-")
            lines.append(f"  {key:<12}" + "".join(f"{c:>24}" for c in cells))
    if "answers" in result:
        a = result["answers"]
        lines += [
            "",
            "  answers (bot, hybrid):",
            f"    abstention precision {_fmt(a['abstention_precision'])}, recall {_fmt(a['abstention_recall'])} "
            f"({a['abstained_no_answer']}/{a['no_answer']} no-answer questions abstained)",
            f"    wrong abstentions {_fmt(a['wrong_abstention_rate'])} ({a['abstained_answerable']}/{a['answerable']} answerable)",
            f"    first-sentence fact {_fmt(a['first_sentence_fact_accuracy'])} ({a['fact_correct']}/{a['fact_checked']})",
            f"    first citation right {a['first_citation_correct']}/{a['answerable']}",
            *_curve_lines(a, "    "),
            f"    answer latency p50 {a['latency_ms']['p50']:.1f} ms, p95 {a['latency_ms']['p95']:.1f} ms",
        ]
    return "\n".join(lines)


def _curve_lines(answers: dict[str, Any], indent: str) -> list[str]:
    """The threshold sweep in two compact lines (no-answer abstained / answerable wrongly abstained)."""
    curve = answers.get("threshold_curve") or []
    if not curve:
        return []
    cells = [f"{row['threshold']:.2f}{'*' if row['configured'] else ''}" for row in curve]
    return [f"{indent}relevance threshold  " + " ".join(f"{c:>6}" for c in cells),
            f"{indent}  no-answer abstained" + " ".join(f"{row['abstained_no_answer']:>6}" for row in curve)
            + f"  of {answers['no_answer']}",
            f"{indent}  wrongly abstained  " + " ".join(f"{row['abstained_answerable']:>6}" for row in curve)
            + f"  of {answers['answerable']}  (* configured)"]


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def misses_csv(questions: list[Question], retrieval: dict[str, RetrievalReport], answers: AnswerReport | None) -> str:
    """Every miss with its top-3 hits: retrieval (gold not first), abstention errors, fact misses."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["type", "retriever", "id", "kind", "persona", "question", "gold", "gold_rank",
                     "top1", "top2", "top3", "first_sentence"])
    by_id = {q.id: q for q in questions}
    for name, report in retrieval.items():
        for qid, metrics in report.per_question.items():
            if metrics["hit@1"] >= 1.0:
                continue
            question = by_id[qid]
            hits = report.hits.get(qid, [])
            gold_keys = {normalize_key(title) for title in question.gold}
            rank = next((h.rank for h in hits if normalize_key(h.chunk.title) in gold_keys), "")
            top = [f"{h.chunk.title} ({h.score:.3f})" for h in hits[:3]] + [""] * 3
            writer.writerow(["retrieval", name, qid, question.kind, question.persona, question.question,
                             " | ".join(question.gold), rank, *top[:3], ""])
    if answers is not None:
        for question in questions:
            answer = answers.answers[question.id]
            problem = None
            if not question.answerable and not answer.abstained:
                problem = "missed_abstention"
            elif question.answerable and answer.abstained:
                problem = "wrong_abstention"
            elif checks_fact(question) and not states_fact(question, answer):
                problem = "fact"
            if problem:
                top = [f"{h.chunk.title}" for h in answer.hits[:3]] + [""] * 3
                writer.writerow([problem, "bot", question.id, question.kind, question.persona, question.question,
                                 " | ".join(question.gold) or "(not in plan)", question.answer or "",
                                 *top[:3], first_sentence(answer)])
    return buffer.getvalue()


def chart_png(result: dict[str, Any]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(result["retrievers"])
    metrics = ["hit@1", "hit@5", "mrr@10", "ndcg@10"]
    figure, axis = plt.subplots(figsize=(7, 3.6), dpi=110)
    width = 0.8 / max(1, len(names))
    for i, name in enumerate(names):
        values = [result["retrievers"][name]["overall"][m] for m in metrics]
        positions = [j + i * width for j in range(len(metrics))]
        bars = axis.bar(positions, values, width, label=name)
        axis.bar_label(bars, fmt="%.2f", fontsize=7)
    axis.set_xticks([j + width * (len(names) - 1) / 2 for j in range(len(metrics))], metrics)
    axis.set_ylim(0, 1.08)
    axis.set_title(f"Retrieval on {Path(result['questions']).name} ({result['answerable']} answerable)")
    axis.legend(loc="lower right", fontsize=8)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()


def markdown_report(result: dict[str, Any]) -> str:
    lines = [f"# planqa evaluation: `{Path(result['questions']).name}`", "",
             f"{result['n']} questions ({result['answerable']} answerable), k = {result['k']}.", "",
             "| retriever | " + " | ".join(COLUMNS) + " | p50 ms | p95 ms |",
             "|---|" + "---|" * (len(COLUMNS) + 2)]
    for name, data in result["retrievers"].items():
        row = data["overall"]
        lines.append(f"| {name} | " + " | ".join(f"{row[c]:.3f}" for c in COLUMNS)
                     + f" | {data['latency_ms']['p50']:.1f} | {data['latency_ms']['p95']:.1f} |")
    lines += ["", "![retrievers](retrievers.png)", ""]
    for group in ("by_kind", "by_persona"):
        lines += [f"## {group.replace('_', ' ')} (hit@1 / hit@5 / mrr@10)", "",
                  "| group | n | " + " | ".join(result["retrievers"]) + " |",
                  "|---|---|" + "---|" * len(result["retrievers"])]
        keys = sorted({key for data in result["retrievers"].values() for key in data[group]})
        for key in keys:
            rows = [result["retrievers"][name][group].get(key) for name in result["retrievers"]]
            n = next((r["n"] for r in rows if r), 0)
            cells = [f"{r['hit@1']:.2f} / {r['hit@5']:.2f} / {r['mrr@10']:.2f}" if r else "-" for r in rows]
            lines.append(f"| {key} | {n} | " + " | ".join(cells) + " |")
        lines.append("")
    if "answers" in result:
        a = result["answers"]
        lines += ["## Answers (bot, hybrid retrieval)", "",
                  f"- abstention precision: {_fmt(a['abstention_precision'])}; recall: {_fmt(a['abstention_recall'])} "
                  f"({a['abstained_no_answer']}/{a['no_answer']} no-answer questions abstained)",
                  f"- wrong abstentions on answerable questions: {_fmt(a['wrong_abstention_rate'])} "
                  f"({a['abstained_answerable']}/{a['answerable']})",
                  f"- expected fact in the first sentence (numeric/department/english with `answer`): "
                  f"{_fmt(a['first_sentence_fact_accuracy'])} ({a['fact_correct']}/{a['fact_checked']})",
                  f"- answer latency: p50 {a['latency_ms']['p50']:.1f} ms, p95 {a['latency_ms']['p95']:.1f} ms", ""]
        if a.get("threshold_curve"):
            lines += ["### Abstention at other relevance thresholds", "",
                      "| threshold | no-answer abstained (recall) | answerable wrongly abstained | precision |",
                      "|---|---|---|---|"]
            for row in a["threshold_curve"]:
                mark = " (configured)" if row["configured"] else ""
                lines.append(f"| {row['threshold']:.2f}{mark} | {row['abstained_no_answer']}/{a['no_answer']} "
                             f"({_fmt(row['recall'])}) | {row['abstained_answerable']}/{a['answerable']} | "
                             f"{_fmt(row['precision'])} |")
            lines.append("")
    lines += ["Every miss, with its top-3 hits: [misses.csv](misses.csv).", ""]
    return "\n".join(lines)


def write_outputs(out_dir: Path, result: dict[str, Any], csv_text: str) -> list[Path]:
    """Write report.md, retrievers.png, misses.csv and result.json (each atomically)."""
    import json

    files = {
        "report.md": markdown_report(result).encode("utf-8"),
        "retrievers.png": chart_png(result),
        "misses.csv": csv_text.encode("utf-8-sig"),  # BOM: spreadsheet apps read Japanese correctly
        "result.json": json.dumps(result, ensure_ascii=False, indent=2).encode("utf-8"),
    }
    paths = []
    for name, data in files.items():
        atomic_write_bytes(out_dir / name, data)
        paths.append(out_dir / name)
    return paths


def format_summary(results: dict[str, dict[str, Any]]) -> str:
    """Several sets side by side (``planqa eval --set all``): one row per set and retriever, then answers."""
    lines = ["planqa eval: bundled sets side by side"]
    folds = {r.get("cross_validated") for r in results.values()}
    if any(folds):
        lines.append(f"  cross-validated ({max(f or 0 for f in folds)} folds) where the query adapter learned from the set")
    lines += ["", f"  {'set':<9}{'retriever':<10}{'n':>5}" + "".join(f"{c:>9}" for c in ("hit@1", "hit@5", "mrr@10"))]
    for name, result in results.items():
        for retriever, data in result["retrievers"].items():
            row = data["overall"]
            lines.append(f"  {name:<9}{retriever:<10}{result['answerable']:>5}"
                         + "".join(f"{row[c]:>9.3f}" for c in ("hit@1", "hit@5", "mrr@10")))
    if any("answers" in r for r in results.values()):
        lines += ["", f"  {'set':<9}{'no-answer abstained':>21}{'wrongly abstained':>19}{'first citation':>16}{'fact':>9}"]
        for name, result in results.items():
            a = result.get("answers")
            if a:
                lines.append(f"  {name:<9}{a['abstained_no_answer']:>16}/{a['no_answer']:<4}"
                             f"{a['abstained_answerable']:>14}/{a['answerable']:<4}"
                             f"{a['first_citation_correct']:>11}/{a['answerable']:<4}{a['fact_correct']:>5}/{a['fact_checked']:<3}")
    lines += ["", "  hit@1 by kind (first retriever)"]
    for name, result in results.items():
        data = next(iter(result["retrievers"].values()))
        cells = ", ".join(f"{kind} {row['hit@1'] * row['n']:.0f}/{row['n']}" for kind, row in data["by_kind"].items())
        lines.append(f"  {name:<9}{cells}")
    return "\n".join(lines)
