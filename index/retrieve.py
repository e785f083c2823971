"""Dense, lexical and hybrid retrievers behind one interface: ``search(query, k, filters)``."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from index.adapter import adapt
from index.config import FUSION_METHODS, IndexConfig
from index.embedder import Embedder
from index.hit import Hit
from index.ranker import Asked, features
from index.store import LoadedIndex
from ingest.chunk import CHUNK_KINDS
from planqa.errors import QueryError

RETRIEVERS = ("dense", "lexical", "hybrid")


@dataclass(frozen=True)
class Filters:
    """Metadata filters; each value must exist in the index (a typo is an error, not zero hits)."""

    ward: str | None = None
    department: str | None = None
    kind: str | None = None

    def is_empty(self) -> bool:
        return not (self.ward or self.department or self.kind)


class Retriever(Protocol):
    name: str

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Hit]: ...


def compact(text: str) -> str:
    """``text`` in NFKC with its spaces removed (「Ａ４ サイズ」 meets 「A4サイズ」; a filter's 「西 区」 meets 西区)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def filter_mask(index: LoadedIndex, filters: Filters | None) -> np.ndarray | None:
    """Boolean mask over chunks, or None for no filtering; unknown values raise `QueryError`."""
    if filters is None or filters.is_empty():
        return None
    chunks = index.chunks
    mask = np.ones(len(chunks), dtype=bool)
    if filters.ward:
        wards = list(dict.fromkeys(c.ward for c in chunks if c.ward))  # plan order
        wanted = compact(filters.ward)
        wanted = wanted if wanted.endswith("区") else wanted + "区"
        if wanted not in wards:
            raise QueryError(f"unknown ward {filters.ward!r}; valid: {', '.join(wards)}",
                             ja=f"「{filters.ward}」は{index.profile.label_ja}の区ではありません（{'・'.join(wards)}から選べます）。")
        mask &= np.array([c.ward == wanted for c in chunks])
    if filters.department:
        wanted = compact(filters.department)
        matches = np.array([
            any(wanted in compact(f"{d.name}{d.as_written}") for d in c.departments) for c in chunks
        ])
        if not matches.any():
            bureaus = sorted({d.bureau for c in chunks for d in c.departments if d.bureau})
            raise QueryError(f"no department matches {filters.department!r}; bureaus: {', '.join(bureaus)}",
                             ja=f"「{filters.department}」に該当する所管部署はありません。")
        mask &= matches
    if filters.kind:
        if filters.kind not in CHUNK_KINDS:
            raise QueryError(f"unknown kind {filters.kind!r}; valid: {', '.join(CHUNK_KINDS)}",
                             ja=f"種類「{filters.kind}」は選べません。")
        mask &= np.array([c.kind == filters.kind for c in chunks])
    return mask


def _ranked(index: LoadedIndex, scores: np.ndarray, k: int, mask: np.ndarray | None,
            signals: dict[str, np.ndarray]) -> list[Hit]:
    order = np.argsort(-scores, kind="stable")
    if mask is not None:
        order = order[mask[order]]
    hits = []
    for rank, row in enumerate(order[:k], start=1):
        hits.append(Hit(index.chunks[row], float(scores[row]), rank,
                        {name: float(values[row]) for name, values in signals.items()}))
    return hits


class DenseRetriever:
    name = "dense"

    def __init__(self, index: LoadedIndex, embedder: Embedder, config: IndexConfig) -> None:
        self.index = index
        self.embedder = embedder
        self.config = config

    def pool(self, total: int) -> int:
        """Every chunk gets its exact score up to `IndexConfig.dense_exhaustive_up_to`; beyond, a candidate pool."""
        return total if total <= self.config.dense_exhaustive_up_to else self.config.dense_candidate_pool

    def _search(self, faiss_index, vector: np.ndarray) -> np.ndarray:
        """Cosine per chunk; beyond the candidate pool of a large index, -1 (ranked last)."""
        total = len(self.index.chunks)
        found, rows = faiss_index.search(vector, min(total, self.pool(total)))
        scores = np.full(total, -1.0, dtype=np.float32)
        valid = rows[0] >= 0
        scores[rows[0][valid]] = found[0][valid]
        return scores

    def field_scores(self, query: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(ranking score, full-passage cosine, description cosine)`` from one query encoding (`field_scores_with`)."""
        return self.field_scores_with(query)[:3]

    def field_scores_with(self, query: str, also: str | None = None
                          ) -> tuple[np.ndarray, np.ndarray, np.ndarray, tuple[np.ndarray, np.ndarray] | None]:
        """``(ranking score, full-passage cosine, description cosine, also's cosines)`` from one encoding call.

        The ranking score is the full-passage cosine plus `IndexConfig.description_weight` x the
        description-only cosine, both taken with the query adapter's vector when the index has one
        (index/adapter.py); the two cosines returned for relevance are the model's own. ``also``: a second
        text encoded in the same batch (about a fifth dearer than one), for its model cosines only.
        """
        vectors = self.embedder.encode_queries([query] if also is None else [query, also])
        also_cosines = self._cosines(vectors[1:2]) if also is not None else None
        return (*self.vector_scores(vectors[:1]), also_cosines)

    def vector_scores(self, vector: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(ranking score, full-passage cosine, description cosine)`` of an encoded query (1 x dim)."""
        full, description = self._cosines(vector)
        if self.index.adapter is not None:
            ranking_full, ranking_description = self._cosines(adapt(self.index.adapter, vector))
        else:
            ranking_full, ranking_description = full, description
        if not self._has_description:
            return ranking_full, full, description
        ranking = np.where(ranking_full > -1.0,
                           ranking_full + self.config.description_weight * np.maximum(ranking_description, 0.0), -1.0)
        return ranking.astype(np.float32), full, description

    @property
    def _has_description(self) -> bool:
        return self.index.description_index is not None and bool(self.config.description_weight)

    def _cosines(self, vector: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        full = self._search(self.index.faiss_index, vector)
        if not self._has_description:
            return full, np.zeros_like(full)
        return full, self._search(self.index.description_index, vector)

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Hit]:
        ranking, full, description = self.field_scores(query)
        return _ranked(self.index, ranking, k, filter_mask(self.index, filters),
                       {"dense": full, "description": description})


class LexicalRetriever:
    name = "lexical"

    def __init__(self, index: LoadedIndex, field_weights: tuple[tuple[str, float], ...]) -> None:
        self.index = index
        self.field_weights = field_weights

    def scores(self, query: str) -> np.ndarray:
        return self.combined(self.field_scores(query))

    def field_scores(self, query: str) -> dict[str, np.ndarray]:
        """BM25 per lexical field (zeros where the query has no token the field knows)."""
        analyzed = self.index.analyzer.analyze(query)
        scores = {}
        for name, _ in self.field_weights:
            bm25 = self.index.lexical.get(name)
            tokens = [t for t in analyzed[name] if t in bm25.vocab_dict] if bm25 is not None else []
            scores[name] = (np.asarray(bm25.get_scores(tokens), dtype=np.float32) if tokens
                            else np.zeros(len(self.index.chunks), dtype=np.float32))
        return scores

    def combined(self, fields: dict[str, np.ndarray]) -> np.ndarray:
        """The weighted sum of the fields' BM25 scores (`IndexConfig.field_weights`)."""
        total = np.zeros(len(self.index.chunks), dtype=np.float32)
        for name, weight in self.field_weights:
            if weight:
                total += weight * fields[name]
        return total

    def search(self, query: str, k: int = 10, filters: Filters | None = None) -> list[Hit]:
        scores = self.scores(query)
        return _ranked(self.index, scores, k, filter_mask(self.index, filters), {"lexical": scores})


class HybridRetriever:
    """Fusion of dense and lexical rankings: reciprocal rank fusion (default) or a weighted blend
    of max-normalized scores. The choice and weights come from the dev-set measurement."""

    name = "hybrid"

    def __init__(self, dense: DenseRetriever, lexical: LexicalRetriever, config: IndexConfig) -> None:
        if config.fusion not in FUSION_METHODS:
            raise QueryError(f"fusion {config.fusion!r} is not one of {', '.join(FUSION_METHODS)}")
        self.dense = dense
        self.lexical = lexical
        self.config = config

    def search(self, query: str, k: int = 10, filters: Filters | None = None,
               prior: np.ndarray | None = None, lexical_query: str | None = None,
               ward_free: str | None = None, asked: Asked | None = None) -> list[Hit]:
        """``prior``: per-chunk additions to the fused score (a named ward, a conversation's topic);
        ``lexical_query``: what the lexical side searches instead of ``query`` (an English question's terms);
        ``ward_free``: the question with the ward it names taken out, scored for relevance only (signals
        ``dense_ward_free``, ``description_ward_free``, ``lexical_ward_free``; `Relevance.without_ward`);
        ``asked``: what the question asks, for the learned re-ranker (`index.ranker`; none: fusion order)."""
        ranking, dense, description, free = self.dense.field_scores_with(query, also=ward_free)
        signals = self.signals_for(ranking, dense, description, query if lexical_query is None else lexical_query, prior)
        mask = filter_mask(self.dense.index, filters)
        order = signals["fused"]
        if asked is not None and self.dense.index.ranker is not None:
            order = self._reranked(signals, mask, asked)
        kept = {"dense": dense, "description": description, "lexical": signals["lexical"], "fused": signals["fused"]}
        if free is not None and ward_free is not None:
            kept |= {"dense_ward_free": free[0], "description_ward_free": free[1],
                     "lexical_ward_free": self.lexical.scores(ward_free)}
        return _ranked(self.dense.index, order, k, mask, kept)

    def signals_for(self, ranking: np.ndarray, dense: np.ndarray, description: np.ndarray, lexical_query: str,
                    prior: np.ndarray | None) -> dict[str, np.ndarray]:
        """Every per-chunk signal of one question: the dense scores, BM25 per field and combined, both
        retrievers' ranks and the fused score (priors included)."""
        fields = self.lexical.field_scores(lexical_query)
        lexical = self.lexical.combined(fields)
        fused = fuse(ranking, lexical, self.config)
        if prior is not None:
            fused = fused + prior
        return {"ranking": ranking, "dense": dense, "description": description, "lexical": lexical, "fused": fused,
                "dense_rank": _ranks(ranking), "lexical_rank": _ranks(lexical),
                **{f"bm25_{name}": values for name, values in fields.items()}}

    def candidates(self, signals: dict[str, np.ndarray], mask: np.ndarray | None, asked: Asked,
                   count: int) -> tuple[np.ndarray, np.ndarray]:
        """The fusion's best ``count`` chunks (within ``mask``) and their re-ranker features."""
        fused = signals["fused"] if mask is None else np.where(mask, signals["fused"], -np.inf)
        rows = np.argsort(-fused, kind="stable")[:count]
        if mask is not None:
            rows = rows[mask[rows]]
        return rows, features(rows, self.dense.index.traits, signals, asked, self.config.rrf_k)

    def _reranked(self, signals: dict[str, np.ndarray], mask: np.ndarray | None, asked: Asked) -> np.ndarray:
        """Scores that order the re-ranker's candidates by its score, every other chunk below them in fusion order."""
        ranker = self.dense.index.ranker
        rows, matrix = self.candidates(signals, mask, asked, ranker.candidates)
        fused = signals["fused"]
        if not len(rows):
            return fused
        learned = ranker.score(matrix)
        order = (fused - fused.max() + float(learned.min()) - 1.0).astype(np.float32)  # below every candidate
        order[rows] = learned
        return order


def ward_prior(index: LoadedIndex, ward: str, config: IndexConfig) -> np.ndarray:
    """Score adjustments (in fused-score units) for a question that names ``ward``.

    The ward's initiatives come first, other wards' last; the ward's narrative passages (its overview,
    its 2019 review, its goal headings) are kept but no longer outrank the initiatives that answer
    a "<ward> + topic" question.
    """
    wards = np.array([c.ward for c in index.chunks], dtype=object)
    narrative = np.array([c.kind == "narrative" for c in index.chunks])
    prior = np.where(wards == ward, config.ward_bonus, 0.0)
    prior = np.where((wards != None) & (wards != ward), -config.other_ward_penalty, prior)  # noqa: E711
    prior = np.where((wards == ward) & narrative, config.ward_bonus - config.ward_narrative_penalty, prior)
    return prior.astype(np.float32)


def chapterless_ward_prior(index: LoadedIndex, config: IndexConfig) -> np.ndarray:
    """Score adjustments for a question that names only a ward the plan has no chapter for (北区 in an
    excerpt of five wards): every ward chapter's passages speak of another ward, so they go below all
    city-wide passages (`IndexConfig.chapterless_ward_penalty`); only those can apply."""
    wards = np.array([c.ward is not None for c in index.chunks], dtype=bool)
    return np.where(wards, -config.chapterless_ward_penalty, 0.0).astype(np.float32)


def kind_prior(index: LoadedIndex, config: IndexConfig, asked: str | None = None) -> np.ndarray:
    """Score adjustments (in fused-score units) by chunk kind: programs sink a little below the
    initiatives they group (`IndexConfig.program_penalty`); for a definition question (``asked``,
    the intent's kind) the glossary's entries rise (`IndexConfig.definition_glossary_bonus`)."""
    kinds = np.array([c.kind for c in index.chunks], dtype=object)
    prior = np.where(kinds == "program", -config.program_penalty, 0.0)
    if asked == "definition":
        prior = np.where(kinds == "glossary", config.definition_glossary_bonus, prior)
    return prior.astype(np.float32)


def query_prior(index: LoadedIndex, intent, boost: tuple[tuple[str, float], ...], config: IndexConfig) -> np.ndarray:
    """Per-chunk additions to the hybrid score: chunk kind, the named ward's chunks (`index.intent.Intent`),
    the query's boosted chunks (a conversation's topic, what was already shown)."""
    prior = kind_prior(index, config, intent.kind)
    if intent.ward:
        prior = prior + ward_prior(index, intent.ward, config)
    elif intent.other_ward:
        prior = prior + chapterless_ward_prior(index, config)
    for chunk_id, value in boost:
        row = index.rows.get(chunk_id)
        if row is not None:
            prior[row] += value
    return prior


def _ranks(scores: np.ndarray) -> np.ndarray:
    ranks = np.empty(len(scores), dtype=np.float32)
    ranks[np.argsort(-scores, kind="stable")] = np.arange(1, len(scores) + 1)
    return ranks


def fuse(dense: np.ndarray, lexical: np.ndarray, config: IndexConfig) -> np.ndarray:
    if config.fusion == "weighted":
        top = lexical.max()
        lexical_norm = lexical / top if top > 0 else lexical
        return config.dense_weight * dense + config.lexical_weight * lexical_norm
    lexical_ranks = _ranks(lexical)
    # documents with no lexical match get no lexical vote at all
    lexical_vote = np.where(lexical > 0, config.lexical_weight / (config.rrf_k + lexical_ranks), 0.0)
    return config.dense_weight / (config.rrf_k + _ranks(dense)) + lexical_vote


def make_retriever(name: str, index: LoadedIndex, embedder: Embedder | None, config: IndexConfig) -> Retriever:
    if name not in RETRIEVERS:
        raise QueryError(f"unknown retriever {name!r}; valid: {', '.join(RETRIEVERS)}")
    lexical = LexicalRetriever(index, config.field_weights)
    if name == "lexical":
        return lexical
    assert embedder is not None, "dense retrieval needs an embedder"
    dense = DenseRetriever(index, embedder, config)
    return dense if name == "dense" else HybridRetriever(dense, lexical, config)
