"""`SearchEngine`: loads the model and index once per process and serves every retriever."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from index.config import IndexConfig
from index.embedder import Embedder, HashEmbedder, SentenceTransformerEmbedder
from index.fact_words import fact_words
from index.hit import Hit, one_per_passage
from index.kana_kanji import common_readings
from index.kana_kanji import readings as kana_readings
from index.query import Query, understand, ward_free_text
from index.retrieve import Filters, Retriever, make_retriever, query_prior
from index.store import LoadedIndex, build_index, built_by_older_planqa, index_exists, load_index
from ingest.profile import PlanProfile
from planqa.errors import IndexMismatchError

log = logging.getLogger(__name__)


@dataclass
class SearchResult:
    """The understood query, which retriever ran, and the ranked hits."""

    query: Query
    retriever: str
    hits: list[Hit]
    profile: PlanProfile

    @property
    def notes(self) -> tuple[str, ...]:
        return self.query.notes


def load_embedder(config: IndexConfig) -> Embedder:
    """The configured embedder; ``hash`` / ``hash:DIM`` is the model-free test backend."""
    if config.model == "hash" or config.model.startswith("hash:"):
        return HashEmbedder(int(config.model.split(":")[1]) if ":" in config.model else 64)
    return SentenceTransformerEmbedder(
        config.model, config.cache_dir, query_prompt=config.query_prompt, document_prompt=config.document_prompt,
        bulk_precision=config.bulk_precision,
    )


class SearchEngine:
    """Model + index, loaded once; builds the index automatically only when it is missing.

    Example:
        >>> engine = SearchEngine(IndexConfig())  # doctest: +SKIP
        >>> engine.search("大型ごみをインターネットで申し込みたい").hits[0].chunk.title  # doctest: +SKIP
        '大型ごみ収集のオンライン化'
    """

    def __init__(self, config: IndexConfig, embedder: Embedder | None = None, auto_build: bool = True,
                 progress: bool = False) -> None:
        self.config = config
        self.embedder = embedder if embedder is not None else load_embedder(config)
        if not index_exists(config.index_dir):
            if not auto_build:
                raise IndexMismatchError(f"no index at {config.index_dir}; run: planqa index")
            log.info("no index at %s: building it now", config.index_dir)
            build_index(config, self.embedder, progress=progress, only_if_missing=True)
        elif auto_build and built_by_older_planqa(config.index_dir):
            log.info("the index at %s predates this planqa's index format: rebuilding it", config.index_dir)
            build_index(config, self.embedder, progress=progress)
        self._loaded = _Loaded(load_index(config, self.embedder))

    @property
    def index(self) -> LoadedIndex:
        return self._loaded.index

    def reload(self) -> dict:
        """Load the index generation now published at the index folder and switch to it.

        Requests already running finish on the index they started with; the switch is one
        reference assignment, so no request sees a half-loaded index. Returns the new manifest.
        """
        fresh = _Loaded(load_index(self.config, self.embedder))
        for name in list(self._loaded.retrievers):  # warm the same retrievers before switching
            fresh.retriever(name, self.embedder, self.config)
        _prebuild(fresh.index)  # before the switch, not on a request
        self._loaded = fresh
        log.info("index reloaded: %s", fresh.index.manifest.get("created_at"))
        return fresh.index.manifest

    def warm(self) -> None:
        """Build what the first request would otherwise wait for: the hybrid retriever, the vocabulary
        for respelling and JMdict's glosses for English questions (~1 s, once, before serving)."""
        self._loaded.retriever("hybrid", self.embedder, self.config)
        _prebuild(self._loaded.index)

    def enable_batching(self, max_batch: int, window_s: float, on_batch=None) -> None:
        """Encode concurrent requests' questions in shared model calls (`index.batching.MicroBatcher`)."""
        from index.batching import MicroBatcher

        if not isinstance(self.embedder, MicroBatcher):
            self.embedder = MicroBatcher(self.embedder, max_batch, window_s, on_batch)
            self._loaded = _Loaded(self._loaded.index)  # retrievers are rebuilt with the batching embedder

    def retriever(self, name: str) -> Retriever:
        return self._loaded.retriever(name, self.embedder, self.config)

    def understand(self, question: str, k: int = 10, filters: Filters | None = None) -> Query:
        """The question as a `Query` (cleaned, language, expansions, intent, filters), built once."""
        index = self.index
        return understand(question, k, filters, self.config, index.profile, index.vocabulary, index.analyzer,
                          lambda: index.english_glosses)

    def search(self, query: str | Query, k: int = 10, retriever: str = "hybrid",
               filters: Filters | None = None, per_passage: bool = True) -> SearchResult:
        """Ranked hits for a question (understood here) or an already understood `Query`.

        ``per_passage``: each passage once (`one_per_passage`), as a ranked list is shown and scored;
        ``False`` keeps every retrieved paragraph of a narrative passage (the answer quotes among them)."""
        loaded = self._loaded  # one index for the whole request, even if a reload happens meanwhile
        if not isinstance(query, Query):
            index = loaded.index
            query = understand(query, k, filters, self.config, index.profile, index.vocabulary, index.analyzer,
                               lambda: index.english_glosses)
        chosen = loaded.retriever(retriever, self.embedder, self.config)
        prior = query_prior(loaded.index, query.intent, query.boost, self.config) if retriever == "hybrid" else None
        pool = query.k * 2 if per_passage else query.k  # room for the paragraphs folded away
        if retriever == "hybrid":
            english_ward = loaded.index.profile.english_ward(query.intent.ward or "")
            hits = chosen.search(query.search_text, pool, query.filters, prior=prior, lexical_query=query.lexical_text,
                                 ward_free=ward_free_text(query, english_ward), asked=query.asked)
        elif retriever == "lexical":
            hits = chosen.search(query.lexical_text, pool, query.filters)
        else:
            hits = chosen.search(query.search_text, pool, query.filters)
        if per_passage:
            hits = one_per_passage(hits)[: query.k]
        return SearchResult(query, retriever, hits, loaded.index.profile)


def _prebuild(index: LoadedIndex) -> None:
    """Build an index's lazily built parts: the respelling vocabulary, JMdict's English glosses, its
    hiragana readings (`index.kana_kanji`: the unambiguous ones and all) and its words the asked-fact patterns
    are written with (`index.fact_words`)."""
    index.vocabulary  # noqa: B018
    index.english_glosses  # noqa: B018
    kana_readings()
    common_readings()
    fact_words()


class _Loaded:
    """One loaded index generation and the retrievers over it."""

    def __init__(self, index: LoadedIndex) -> None:
        self.index = index
        self.retrievers: dict[str, Retriever] = {}

    def retriever(self, name: str, embedder: Embedder, config: IndexConfig) -> Retriever:
        if name not in self.retrievers:
            self.retrievers[name] = make_retriever(name, self.index, embedder, config)
        return self.retrievers[name]
