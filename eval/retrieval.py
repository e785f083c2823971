"""Retrieval metrics per retriever, computed by pytrec_eval (trec_eval's own implementations)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from statistics import mean

from eval.questions import Question, gold_ids
from index.engine import SearchEngine
from index.hit import Hit
from planqa.errors import QueryError

# The metrics are "@10" (MRR@10, nDCG@10, Recall@10): only the top 10 of each ranking is scored, however
# many hits `--k` retrieved (a larger k shows more in the misses report, it does not change the metrics).
DEPTH = 10

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
    hits: dict[str, list[Hit]] = field(default_factory=dict, repr=False)
    latencies_ms: list[float] = field(default_factory=list, repr=False)
    errors: dict[str, str] = field(default_factory=dict)


def retrieval_metrics(questions: list[Question], gold: dict[str, set[str]], rankings: dict[str, list[str]],
                      retriever: str = "run") -> RetrievalReport:
    """Metrics of ranked chunk ids against gold ids; no-answer questions are left out."""
    import pytrec_eval

    answerable = [q for q in questions if q.answerable]
    qrels = {q.id: {doc: 1 for doc in gold[q.id]} for q in answerable}
    # trec_eval orders by score: strictly decreasing pseudo-scores keep our exact ranking
    run = {q.id: {doc: float(len(rankings.get(q.id, [])) - i) for i, doc in enumerate(rankings.get(q.id, [])[:DEPTH])}
           for q in answerable}
    run = {qid: docs for qid, docs in run.items() if docs}
    evaluator = pytrec_eval.RelevanceEvaluator(qrels, {"success.1,5", "recall.5,10", "recip_rank", "ndcg_cut.10"})
    raw = evaluator.evaluate(run)
    per_question = {qid: {MEASURES[m]: float(values.get(m, 0.0)) for m in MEASURES} for qid, values in raw.items()}
    for question in answerable:  # a question with no hits at all is a miss, not a skipped row
        per_question.setdefault(question.id, {name: 0.0 for name in MEASURES.values()})

    def aggregate(ids: list[str]) -> dict[str, float]:
        if not ids:
            return {name: 0.0 for name in MEASURES.values()} | {"n": 0}
        return {name: mean(per_question[i][name] for i in ids) for name in MEASURES.values()} | {"n": len(ids)}

    def groups(attribute: str) -> dict[str, dict[str, float]]:
        keys = sorted({getattr(q, attribute) for q in answerable})
        return {key: aggregate([q.id for q in answerable if getattr(q, attribute) == key]) for key in keys}

    return RetrievalReport(retriever, aggregate([q.id for q in answerable]), groups("kind"), groups("persona"),
                           per_question)


def evaluate_retriever(engine: SearchEngine, questions: list[Question], retriever: str, k: int = 10) -> RetrievalReport:
    """Run every answerable question through one retriever and score the rankings."""
    answerable = [q for q in questions if q.answerable]
    gold = gold_ids(answerable, engine.index.chunks)
    hits: dict[str, list[Hit]] = {}
    latencies: list[float] = []
    errors: dict[str, str] = {}
    for question in answerable:
        started = time.perf_counter()
        try:
            hits[question.id] = engine.search(question.question, k, retriever).hits
        except QueryError as exc:  # one unusable question is a miss, not the end of the run
            hits[question.id] = []
            errors[question.id] = str(exc)
        latencies.append((time.perf_counter() - started) * 1000)
    report = retrieval_metrics(questions, gold, {qid: [h.chunk.id for h in hs] for qid, hs in hits.items()}, retriever)
    report.hits = hits
    report.latencies_ms = latencies
    report.errors = errors
    return report
