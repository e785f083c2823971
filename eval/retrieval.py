"""Retrieval metrics per retriever with pytrec_eval (trec_eval's own implementations)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from statistics import mean

from eval.questions import Question, gold_ids
from index.engine import SearchEngine

# trec_eval measure -> our column name
MEASURES = {
    "success_1": "hit@1",
    "success_5": "hit@5",
    "recall_5": "recall@5",
    "recall_10": "recall@10",
    "recip_rank": "mrr@10",
    "ndcg_cut_10": "ndcg@10",
}


@dataclass
class RetrievalReport:
    retriever: str
    overall: dict[str, float]
    by_kind: dict[str, dict[str, float]]
    by_persona: dict[str, dict[str, float]]
    per_question: dict[str, dict[str, float]]
    rankings: dict[str, list[str]] = field(repr=False)
    latencies_ms: list[float] = field(repr=False)


def evaluate_retriever(engine: SearchEngine, questions: list[Question], retriever: str, k: int = 10) -> RetrievalReport:
    import pytrec_eval

    answerable = [q for q in questions if q.answerable]
    qrels = {q.id: {doc: 1 for doc in ids} for q, ids in
             zip(answerable, (gold_ids(answerable, engine.index.chunks)[q.id] for q in answerable))}
    run: dict[str, dict[str, float]] = {}
    rankings: dict[str, list[str]] = {}
    latencies: list[float] = []
    for question in answerable:
        started = time.perf_counter()
        hits = engine.search(question.question, k, retriever).hits
        latencies.append((time.perf_counter() - started) * 1000)
        rankings[question.id] = [h.chunk.id for h in hits]
        # trec_eval sorts by score; strictly decreasing pseudo-scores keep our exact order
        run[question.id] = {h.chunk.id: float(k - i) for i, h in enumerate(hits)}
    evaluator = pytrec_eval.RelevanceEvaluator(qrels, {"success.1,5", "recall.5,10", "recip_rank", "ndcg_cut.10"})
    raw = evaluator.evaluate(run)
    per_question = {qid: {MEASURES[m]: values.get(m, 0.0) for m in MEASURES} for qid, values in raw.items()}
    for question in answerable:  # a question with no hits at all is still a miss
        per_question.setdefault(question.id, {name: 0.0 for name in MEASURES.values()})

    def aggregate(ids: list[str]) -> dict[str, float]:
        return {name: mean(per_question[i][name] for i in ids) for name in MEASURES.values()} | {"n": len(ids)}

    def groups(attribute: str) -> dict[str, dict[str, float]]:
        keys = sorted({getattr(q, attribute) for q in answerable})
        return {key: aggregate([q.id for q in answerable if getattr(q, attribute) == key]) for key in keys}

    return RetrievalReport(retriever, aggregate([q.id for q in answerable]), groups("kind"), groups("persona"),
                           per_question, rankings, latencies)
