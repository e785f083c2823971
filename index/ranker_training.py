"""Training the learned re-ranker (`index.ranker`) from the query adapter's gold questions, cross-fitted.

The adapter has learned from these very questions, so with it their right passages score higher than a
new question's would, and a ranker trained on those features would trust the adapted dense score too
much (measured: citizen_dev cross-validated Hit@1 0.910 with in-sample features against 0.944
cross-fitted, and Hit@5 lower). So the questions are split into `RankerSettings.folds` parts; each
part's features are computed with an adapter trained on the other parts, exactly as retrieval computes
them for a question (understood, searched with its expansions, the ward and kind priors added).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from index.adapter import TrainingSet, train
from index.config import IndexConfig
from index.embedder import Embedder
from index.query import understand
from index.ranker import Ranker, fit
from index.retrieve import DenseRetriever, HybridRetriever, LexicalRetriever, query_prior
from index.store import LoadedIndex
from planqa.errors import QueryError


def learn(index: LoadedIndex, embedder: Embedder, config: IndexConfig, examples: TrainingSet, queries: np.ndarray,
          passages: np.ndarray, descriptions: np.ndarray | None, encode: Callable[[list[str]], np.ndarray],
          use: list[int] | None = None) -> tuple[Ranker, int]:
    """The re-ranker learned from ``examples`` (``use``: only these of them), and how many questions it
    learned from. ``queries``: the questions' vectors as the adapter learns from them; ``passages`` /
    ``descriptions``: the index's vectors; ``encode``: query texts to vectors (cached by the caller).
    ``index.adapter`` is swapped per fold and restored."""
    settings = config.ranker
    understood, chosen = [], []
    for i in range(len(examples.questions)) if use is None else use:
        try:
            understood.append(understand(examples.questions[i], 10, None, config, index.profile, index.vocabulary,
                                         index.analyzer, lambda: index.english_glosses))
        except QueryError:  # a blank question teaches nothing (the adapter learned from its vector)
            continue
        chosen.append(i)
    searched = encode([query.search_text for query in understood])
    retriever = HybridRetriever(DenseRetriever(index, embedder, config), LexicalRetriever(index, config.field_weights),
                                config)
    order = np.random.RandomState(settings.seed).permutation(len(chosen))
    groups: list[tuple[np.ndarray, np.ndarray]] = []
    shipped = index.adapter
    try:
        for fold in range(settings.folds):
            held = set(order[fold::settings.folds].tolist())
            keep = [chosen[j] for j in range(len(chosen)) if j not in held]
            index.adapter = train(queries[keep], [examples.rows[i] for i in keep], passages, descriptions,
                                  config.description_weight, config.adapter)
            for j in sorted(held):
                query = understood[j]
                ranking, dense, description = retriever.dense.vector_scores(searched[j: j + 1])
                signals = retriever.signals_for(ranking, dense, description, query.lexical_text,
                                             query_prior(index, query.intent, query.boost, config))
                rows, matrix = retriever.candidates(signals, None, query.asked, settings.candidates)
                groups.append((matrix, np.isin(rows, examples.golds[chosen[j]])))
    finally:
        index.adapter = shipped
    return fit(groups, settings), sum(bool(right.any()) for _, right in groups)
