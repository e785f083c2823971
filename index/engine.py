"""`SearchEngine`: loads the model and index once per process and serves every retriever."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from index.config import IndexConfig
from index.crosslingual import expand_english
from index.embedder import Embedder, HashEmbedder, SentenceTransformerEmbedder
from planqa.errors import IndexMismatchError
from index.hit import Hit
from index.retrieve import Filters, Retriever, make_retriever, validate
from index.store import LoadedIndex, build_index, index_exists, load_index

log = logging.getLogger(__name__)


@dataclass
class SearchResult:
    query: str
    retriever: str
    hits: list[Hit]
    notes: list[str] = field(default_factory=list)


def load_embedder(config: IndexConfig) -> Embedder:
    """The configured embedder; ``hash`` / ``hash:DIM`` is the model-free test backend."""
    if config.model == "hash" or config.model.startswith("hash:"):
        return HashEmbedder(int(config.model.split(":")[1]) if ":" in config.model else 64)
    return SentenceTransformerEmbedder(
        config.model, config.cache_dir, query_prompt=config.query_prompt, document_prompt=config.document_prompt
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
        self._loaded = fresh
        log.info("index reloaded: %s", fresh.index.manifest.get("created_at"))
        return fresh.index.manifest

    def retriever(self, name: str) -> Retriever:
        return self._loaded.retriever(name, self.embedder, self.config)

    def search(self, query: str, k: int = 10, retriever: str = "hybrid", filters: Filters | None = None) -> SearchResult:
        loaded = self._loaded  # one index for the whole request, even if a reload happens meanwhile
        cleaned, k, notes = validate(query, k, self.config)
        expanded = expand_english(cleaned)
        if expanded != cleaned:
            notes.append(f"English question: searched with the plan's terms {expanded[len(cleaned):].strip()}")
        hits = loaded.retriever(retriever, self.embedder, self.config).search(expanded, k, filters)
        return SearchResult(cleaned, retriever, hits, notes)


class _Loaded:
    """One loaded index generation and the retrievers over it."""

    def __init__(self, index: LoadedIndex) -> None:
        self.index = index
        self.retrievers: dict[str, Retriever] = {}

    def retriever(self, name: str, embedder: Embedder, config: IndexConfig) -> Retriever:
        if name not in self.retrievers:
            self.retrievers[name] = make_retriever(name, self.index, embedder, config)
        return self.retrievers[name]
