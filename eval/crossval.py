"""Cross-validated evaluation of a question set the query adapter learns from.

The shipped adapter (index/adapter.py) is trained on the bundled dev and citizen sets, so scoring
those sets with it would measure memory, not skill. Here the set is split into folds; each fold is
scored (retrieval and answers) with an adapter — and a re-ranker (index/ranker.py) — trained on every
training question except that fold's (matched by question text, so a question shared by two files is held
out from both).
"""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np

from bot.answer import Answer
from bot.service import Bot
from eval.answers import AnswerReport, score_answers, threshold_curve
from eval.questions import Question, gold_ids
from eval.retrieval import RetrievalReport, retrieval_metrics
from index.adapter import train, training_set
from index.engine import SearchEngine
from index.hit import Hit
from index.ranker_training import learn
from planqa.errors import ConfigError, QueryError

SEED = 0


def folds_of(questions: list[Question], folds: int) -> list[list[Question]]:
    """``folds`` disjoint parts of a shuffled (fixed seed) question list."""
    order = np.random.RandomState(SEED).permutation(len(questions))
    return [[questions[i] for i in order[f::folds]] for f in range(folds)]


def cross_validate(engine: SearchEngine, bot: Bot | None, questions: list[Question], retrievers: list[str],
                   k: int, folds: int) -> tuple[dict[str, RetrievalReport], AnswerReport | None]:
    if not 2 <= folds <= len(questions):
        raise QueryError(f"--cross-validate takes 2 to {len(questions)} folds, got {folds}")
    index = engine.index
    settings = engine.config.adapter
    if index.adapter is None:
        raise ConfigError("this index has no query adapter (PLANQA_ADAPTER=0, or built without one): "
                          "nothing to cross-validate; run planqa eval without --cross-validate")
    pool = training_set(settings.questions, index.chunks)
    vectors = engine.embedder.encode_queries(list(pool.questions))
    total = len(index.chunks)
    try:
        passages = index.faiss_index.reconstruct_n(0, total)
        descriptions = index.description_index.reconstruct_n(0, total) if index.description_index is not None else None
    except RuntimeError:
        raise ConfigError("cross-validation reads the passage vectors back from the index: "
                          "use the flat FAISS index (PLANQA_FAISS=flat)") from None
    gold = gold_ids([q for q in questions if q.answerable], index.chunks)
    found: dict[str, dict[str, list[Hit]]] = {name: {} for name in retrievers}
    answers: dict[str, Answer] = {}
    latencies: list[float] = []
    shipped, shipped_ranker = index.adapter, index.ranker
    searched: dict[str, np.ndarray] = {}

    def encode(texts: list[str]) -> np.ndarray:
        """Query vectors, each text encoded once over all folds."""
        new = [text for text in dict.fromkeys(texts) if text not in searched]
        if new:
            searched.update(zip(new, engine.embedder.encode_queries(new), strict=True))
        return np.stack([searched[text] for text in texts])

    try:
        for part in folds_of(questions, folds):
            held_out = {q.question for q in part}
            keep = [i for i, text in enumerate(pool.questions) if text not in held_out]
            index.adapter = train(vectors[keep], [pool.rows[i] for i in keep], passages, descriptions,
                                  engine.config.description_weight, settings)
            if shipped_ranker is not None:  # the re-ranker too learns without the fold (cross-fitted inside it)
                index.ranker = learn(index, engine.embedder, engine.config, pool, vectors, passages, descriptions,
                                     encode, use=keep)[0]
            for question in part:
                if question.answerable:
                    for name in retrievers:
                        found[name][question.id] = engine.search(question.question, k, name).hits
                if bot is not None:
                    started = time.perf_counter()
                    answers[question.id] = bot.answer(question.question)
                    latencies.append((time.perf_counter() - started) * 1000)
    finally:
        index.adapter, index.ranker = shipped, shipped_ranker
    retrieval = {}
    for name in retrievers:  # the hits too: misses.csv shows each miss's gold rank and top three
        rankings = {qid: [h.chunk.id for h in hits] for qid, hits in found[name].items()}
        retrieval[name] = replace(retrieval_metrics(questions, gold, rankings, name), hits=found[name])
    if bot is None:
        return retrieval, None
    report = score_answers(questions, answers, latencies)
    report.curve = threshold_curve(bot, questions, answers)
    return retrieval, report
