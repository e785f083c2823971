"""The index folder: build it atomically, load it with integrity and configuration checks.

Folder contents (plain named files, no pickle)::

    manifest.json      format version, model id + fingerprint, dimension, prompts, analyzer,
                       corpus hashes, counts, FAISS type, build time, package versions
    chunks.jsonl       the chunks; FAISS row i is line i
    faiss.index        dense vectors (inner product on L2-normalized vectors)
    description.index  the description-only dense field (row i = chunk i)
    adapter.npy        the query adapter (index/adapter.py), when it was trained
    ranker.json        the learned re-ranker's weights (index/ranker.py), trained with the adapter
    lexical/<field>/   one bm25s index per analyzer field (word, bigram, kana)
    vocabulary.json    the plan's words by reading, for respelling (index/respell.py); built at load when absent
"""

from __future__ import annotations

import fcntl
import json
import logging
import math
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from index.adapter import ADAPTER_FILE, TrainingSet, file_digests, train, training_set
from index.ranker import RANKER_FILE, ChunkTraits, Ranker
from index.analyzer import FIELDS, Analyzer, AnalyzerSettings, fold
from index.config import IndexConfig
from index.document import dense_text, description_text, lexical_text
from index.embedder import Embedder
from index.jmdict import Glosses
from index.respell import Vocabulary
from index.source import ChunkSource, fingerprint, is_default_corpus, load_source, source_files
from index.vector_cache import VectorCache
from ingest.chunk import Chunk
from ingest.config import CHUNKS_FILE
from ingest.pipeline import read_chunks, write_chunks
from ingest.profile import PlanProfile
from planqa.errors import ConfigError, IndexMismatchError, PlanqaError
from planqa.io import staging_folder

log = logging.getLogger(__name__)

# 2: description.index (the description-only dense field); 3: adapter.npy; 4: synonym field; 5: ranker.json;
# 6: the re-ranker reads whether a passage recounts the past (28 features); 7: the vocabulary keeps the plan's
# hiragana runs (names it writes in kana are not read in kanji); 8: the re-ranker reads whether a question asks
# for initiatives (29 features)
FORMAT_VERSION = 8
MANIFEST = "manifest.json"
READER_LOCK = ".readers.lock"
CHUNKS = CHUNKS_FILE
FAISS_FILE = "faiss.index"
DESCRIPTION_FILE = "description.index"
LEXICAL_DIR = "lexical"
VOCABULARY_FILE = "vocabulary.json"
MIN_ADAPTER_QUESTIONS = 20  # fewer gold questions than this: too little to learn a map from
_PACKAGES = ("torch", "sentence-transformers", "transformers", "faiss-cpu", "bm25s", "fugashi", "unidic-lite")


@dataclass
class LoadedIndex:
    """Everything a retriever needs, loaded once per process."""

    directory: Path
    manifest: dict[str, Any]
    chunks: list[Chunk]
    faiss_index: Any
    lexical: dict[str, Any]
    analyzer: Analyzer
    profile: PlanProfile
    description_index: Any = None  # FAISS over `description_text`, row i = chunk i
    adapter: np.ndarray | None = None  # the query adapter (index/adapter.py); None = plain query vectors
    ranker: Ranker | None = None  # the learned re-ranker (index/ranker.py); None = fusion order

    @cached_property
    def traits(self) -> ChunkTraits:
        """Per-chunk arrays the re-ranker's features read."""
        return ChunkTraits.of(self.chunks)

    @cached_property
    def rows(self) -> dict[str, int]:
        """Chunk id -> FAISS row."""
        return {chunk.id: row for row, chunk in enumerate(self.chunks)}

    @cached_property
    def description_vectors(self) -> np.ndarray | None:
        """Each chunk's description vector (row i = chunk i), or None without a description index."""
        return _all_rows(self.description_index) if self.description_index is not None else None

    @cached_property
    def passage_vectors(self) -> np.ndarray:
        """Each chunk's full-passage vector (title and context included; row i = chunk i)."""
        return _all_rows(self.faiss_index)

    def most_alike(self, chunk: Chunk, ward: str | None) -> Chunk | None:
        """The initiative of ``ward`` that reads most like ``chunk`` (「南区にも似たようなのある？」 after 清田区's
        sweets: the ward's promotion of its own produce) — with no ward, of any ward but ``chunk``'s own
        (「ほかの区でもやってる？」) — or None. Alike by description and by full passage, summed: the title counts
        too (南区's 冬も楽しむウォーキング is most like 西区's ノルディックウォーキング, whose description alone reads
        less like it than 西区's flower seedlings)."""
        vectors, row = self.description_vectors, self.rows.get(chunk.id)
        wards = {ward} if ward else {other.ward for other in self.chunks} - {None, chunk.ward}
        rows = [i for i, other in enumerate(self.chunks)
                if other.ward in wards and other.kind in ("initiative", "program") and other.id != chunk.id]
        if vectors is None or row is None or not rows:
            return None
        passages = self.passage_vectors

        def alike(i: int) -> float:
            return float(vectors[i] @ vectors[row] + passages[i] @ passages[row])

        return self.chunks[max(rows, key=alike)]

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The plan's words by reading, for respelling questions: saved with the index (reading ~2,400 words
        through the dictionary at start-up kept ~100 MB of its pages resident in the server), else built."""
        saved = self.directory / VOCABULARY_FILE
        if saved.is_file():
            return Vocabulary.from_dict(json.loads(saved.read_text(encoding="utf-8")))
        return plan_vocabulary(list(self.lexical["word"].vocab_dict), self.analyzer, self.chunks)

    @cached_property
    def english_glosses(self) -> Glosses:
        """JMdict's English glosses of the plan's words (built on first use, ~0.2 s)."""
        return Glosses.build(self.lexical["word"].vocab_dict,
                             texts=(f"{chunk.title} {chunk.text}" for chunk in self.chunks),
                             document_title=self.profile.title)


def plan_vocabulary(terms: list[str], analyzer: Analyzer, chunks: list[Chunk]) -> Vocabulary:
    return Vocabulary.build(terms, analyzer, (fold(chunk.text) for chunk in chunks))


def _package_versions() -> dict[str, str]:
    versions = {}
    for name in _PACKAGES:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def build_faiss(vectors: np.ndarray, config: IndexConfig):
    """An index over L2-normalized vectors where inner product = cosine."""
    import faiss

    dimension = vectors.shape[1]
    if config.faiss_type == "hnsw":
        index = faiss.IndexHNSWFlat(dimension, config.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = config.hnsw_ef_construction
        index.hnsw.efSearch = config.hnsw_ef_search
    elif config.faiss_type == "ivf":
        by_size = int(config.ivf_lists_per_sqrt * math.sqrt(len(vectors)))
        nlist = config.ivf_nlist or max(1, min(by_size, len(vectors) // config.ivf_min_points_per_list or 1))
        quantizer = faiss.IndexFlatIP(dimension)
        index = faiss.IndexIVFFlat(quantizer, dimension, nlist, faiss.METRIC_INNER_PRODUCT)
        index.train(vectors)
        index.nprobe = min(nlist, config.ivf_nprobe)
    else:
        index = faiss.IndexFlatIP(dimension)
    index.add(vectors)
    return index


def build_index(config: IndexConfig, embedder: Embedder, progress: bool = False,
                only_if_missing: bool = False) -> dict[str, Any]:
    """Index the configured chunks (a ``chunks.jsonl``, or the corpus ingested on the fly): embed,
    build FAISS and BM25 indexes, and publish the new generation.

    ``only_if_missing``: another process may have built the index while this one waited for the
    build lock; then its manifest is returned and nothing is rebuilt.
    """
    started = time.perf_counter()
    try:
        config.index_dir.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the index folder {config.index_dir.parent} "
                                 f"({exc.strerror or exc}); set PLANQA_INDEX_DIR to a writable folder") from None
    with _build_lock(config.index_dir):
        if only_if_missing and index_exists(config.index_dir):
            return json.loads((config.index_dir / MANIFEST).read_text(encoding="utf-8"))
        return _build_locked(config, embedder, load_source(config), Analyzer(), started, progress)


@contextmanager
def _build_lock(target: Path):
    """One build at a time per index folder; leftovers of killed builds are removed under the lock."""
    lock_path = target.with_name(f".{target.name}.lock")
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            _recover_legacy_swap(target)
            for stale in target.parent.glob(f".{target.name}.tmp-*"):
                shutil.rmtree(stale, ignore_errors=True)
            _prune_generations(target)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_locked(config: IndexConfig, embedder: Embedder, source: ChunkSource, analyzer: Analyzer,
                  started: float, progress: bool) -> dict[str, Any]:
    import bm25s
    import faiss

    chunks, profile = source.chunks, source.profile
    with staging_folder(config.index_dir) as staging:
        (staging / READER_LOCK).touch()
        write_chunks(chunks, staging / CHUNKS)
        embed_started = time.perf_counter()
        cache = _vector_cache(config, embedder)

        def passages(texts: list[str]) -> np.ndarray:
            return embedder.encode_documents(texts, progress=progress)

        vectors = cache.encode([dense_text(c, profile) for c in chunks], embedder.document_prompt, passages)
        descriptions = cache.encode([description_text(c) for c in chunks], embedder.document_prompt, passages)
        embed_seconds = time.perf_counter() - embed_started
        passage_index, description_index = build_faiss(vectors, config), build_faiss(descriptions, config)
        faiss.write_index(passage_index, str(staging / FAISS_FILE))
        faiss.write_index(description_index, str(staging / DESCRIPTION_FILE))
        adapter, learned = _train_adapter(config, embedder, chunks, vectors, descriptions, staging, cache)
        analyzed = [analyzer.analyze(lexical_text(c, profile)) for c in chunks]
        lexical = {}
        for name in FIELDS:
            lexical[name] = bm25s.BM25()
            lexical[name].index([a[name] or ["∅"] for a in analyzed], show_progress=False)
            lexical[name].save(str(staging / LEXICAL_DIR / name), show_progress=False)
        vocabulary = plan_vocabulary(list(lexical["word"].vocab_dict), analyzer, chunks)
        (staging / VOCABULARY_FILE).write_text(json.dumps(vocabulary.to_dict(), ensure_ascii=False), encoding="utf-8")
        ranker = None
        if learned is not None and config.ranker.enabled:
            examples, queries, weights = learned
            built = LoadedIndex(staging, {}, chunks, passage_index, lexical, analyzer, profile, description_index,
                                weights)
            ranker = _train_ranker(built, config, embedder, cache, examples, queries, vectors, descriptions, staging)
        if config.vector_cache and not _model_free(embedder):
            cache.save(config.vector_cache_dir)
        manifest = {
            "format_version": FORMAT_VERSION,
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "model": {
                "id": embedder.model_id,
                "fingerprint": embedder.fingerprint,
                "dimension": int(vectors.shape[1]),
                "query_prompt": embedder.query_prompt,
                "document_prompt": embedder.document_prompt,
                "bulk_precision": getattr(embedder, "bulk_precision", "fp32"),
            },
            "analyzer": AnalyzerSettings().as_dict(),
            "lexical_fields": list(FIELDS),
            "faiss": {"type": config.faiss_type, "metric": "inner_product", "rows": len(chunks)},
            "source": source.fingerprint,
            "profile": profile.to_dict(),
            "counts": {"chunks": len(chunks), **{k: sum(c.kind == k for c in chunks) for k in
                       ("initiative", "program", "glossary", "narrative")}},
            "adapter": adapter,
            "ranker": ranker,
            "build_seconds": {"total": round(time.perf_counter() - started, 3), "embed": round(embed_seconds, 3)},
            "vectors": {"encoded": cache.encoded, "reused": cache.reused},
            "packages": _package_versions(),
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        _publish(staging, config.index_dir)
    return manifest


def _model_free(embedder: Embedder) -> bool:
    return embedder.fingerprint.startswith("hash-")  # the test embedder: nothing worth keeping


def _vector_cache(config: IndexConfig, embedder: Embedder) -> VectorCache:
    """The embeddings of earlier builds with this model (empty when the cache is off)."""
    if not config.vector_cache or _model_free(embedder):
        return VectorCache(embedder.fingerprint, embedder.dimension)
    return VectorCache.load(config.vector_cache_dir, embedder.fingerprint, embedder.dimension)


def _train_adapter(config: IndexConfig, embedder: Embedder, chunks: list[Chunk], vectors: np.ndarray,
                   descriptions: np.ndarray, staging: Path, cache: VectorCache
                   ) -> tuple[dict[str, Any] | None, tuple[TrainingSet, np.ndarray, np.ndarray] | None]:
    """Learn and save the query adapter; its manifest entry (None when it is off or has no questions) and,
    when it was trained, what it learned from and its weights (the questions, their vectors, the map: the
    re-ranker learns from the same). It learns from the questions as written (learning from the text retrieval searches — with its
    English glossary terms and plan spellings — measured the same on the question sets and lost two
    follow-up turns of the dialogues)."""
    settings = config.adapter
    if not settings.enabled or not settings.questions:
        return None, None
    started = time.perf_counter()
    examples = training_set(settings.questions, chunks)
    entry: dict[str, Any] = {"trained": False, "questions": len(examples.questions), "sources": list(examples.sources)}
    if len(examples.questions) < MIN_ADAPTER_QUESTIONS:
        log.info("query adapter: %d training questions match this plan's titles; none trained", len(examples.questions))
        return entry, None
    queries = cache.encode(list(examples.questions), embedder.query_prompt, embedder.encode_queries)
    weights = train(queries, examples.rows, vectors, descriptions, config.description_weight, settings)
    np.save(staging / ADAPTER_FILE, weights, allow_pickle=False)
    return entry | {"trained": True, "regularization": settings.regularization, "steps": settings.steps,
                    "seconds": round(time.perf_counter() - started, 3)}, (examples, queries, weights)


def _train_ranker(built: LoadedIndex, config: IndexConfig, embedder: Embedder, cache: VectorCache,
                  examples: TrainingSet, queries: np.ndarray, vectors: np.ndarray, descriptions: np.ndarray,
                  staging: Path) -> dict[str, Any]:
    """Learn and save the re-ranker from the adapter's questions (``queries``: their vectors), its features
    cross-fitted (`index.ranker_training`); its manifest entry."""
    from index.ranker_training import learn  # needs the query pipeline, which needs this module

    started = time.perf_counter()

    def encode(texts: list[str]) -> np.ndarray:
        return cache.encode(texts, embedder.query_prompt, embedder.encode_queries)

    try:
        ranker, used = learn(built, embedder, config, examples, queries, vectors, descriptions, encode)
    except ValueError as exc:  # no training question found its passage among its candidates
        log.info("re-ranker: not trained (%s)", exc)
        return {"trained": False, "reason": str(exc)}
    ranker.save(staging / RANKER_FILE)
    return {"trained": True, "questions": used, "candidates": ranker.candidates, "folds": config.ranker.folds,
            "seconds": round(time.perf_counter() - started, 3)}


def build_parts(manifest: dict[str, Any]) -> dict[str, float]:
    """Where a build's seconds went, from its manifest: ``passages`` (the chunks embedded), ``adapter`` (the
    query adapter: its questions encoded, the map learned) and ``ranker`` (the re-ranker: its questions
    understood and searched, its cross-fitted features, the weights learned); 0.0 for a part not trained."""
    return {"passages": float(manifest["build_seconds"]["embed"]),
            "adapter": float((manifest.get("adapter") or {}).get("seconds", 0.0)),
            "ranker": float((manifest.get("ranker") or {}).get("seconds", 0.0))}


def describe_parts(parts: dict[str, float]) -> str:
    """`build_parts` in words, the parts not trained left out: "passages 9.1 s, query adapter 10.8 s,
    re-ranker 13.9 s"."""
    names = {"passages": "passages", "adapter": "query adapter", "ranker": "re-ranker"}
    return ", ".join(f"{names[part]} {seconds:.1f} s" for part, seconds in parts.items()
                     if seconds or part == "passages")


def adapter_outdated(manifest: dict[str, Any], config: IndexConfig) -> str | None:
    """Why the index's query adapter no longer matches the configured training questions (None: it does).
    ``planqa index`` rebuilds then; loading never refuses an index for it."""
    if not config.adapter.enabled:
        return None
    built = [(s["file"], s["sha256"]) for s in (manifest.get("adapter") or {}).get("sources", [])]
    current = file_digests(config.adapter.questions)
    if built == current:
        return None
    return f"the query adapter's training questions changed ({', '.join(n for n, _ in current) or 'none'})"


def _publish(staging: Path, target: Path) -> None:
    """Make ``staging`` the live index in one atomic step.

    ``target`` is a symbolic link to an immutable generation folder; replacing the link is one
    ``rename``, so a reader resolves either the old generation or the new one, never a missing or
    half-swapped folder. (Readers never rename anything: only builders, under the build lock.)
    """
    generation = target.with_name(f".{target.name}.gen-{time.strftime('%Y%m%dT%H%M%S')}-{staging.name[-8:]}")
    os.replace(staging, generation)
    link = target.with_name(f".{target.name}.link-{staging.name[-8:]}")
    link.unlink(missing_ok=True)
    os.symlink(generation.name, link)
    if target.is_dir() and not target.is_symlink():  # an index folder from planqa before generations
        os.replace(target, target.with_name(f".{target.name}.gen-legacy-{staging.name[-8:]}"))
    os.replace(link, target)
    _prune_generations(target)


def _prune_generations(target: Path) -> None:
    """Remove generations other than the live one that no reader is loading (readers hold a shared lock)."""
    live = target.resolve() if target.is_symlink() else None
    for folder in target.parent.glob(f".{target.name}.gen-*"):
        if live is not None and folder.resolve() == live:
            continue
        try:
            with open(folder / READER_LOCK, "a") as handle:  # created if a killed build left none
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # a reader is still loading it (or it is already gone): next build
            continue


def _recover_legacy_swap(target: Path) -> None:
    """Indexes from planqa before generations swapped folders with two renames; a build killed
    between them left ``.index.old`` and no index: put it back (under the build lock only)."""
    old = target.with_name(f".{target.name}.old")
    if not target.exists() and not target.is_symlink() and old.is_dir():
        os.replace(old, target)


def built_by_older_planqa(directory: Path) -> bool:
    """Is the index at ``directory`` in an older format than this planqa writes (rebuild it)?"""
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    version = manifest.get("format_version") if isinstance(manifest, dict) else None
    return isinstance(version, int) and version < FORMAT_VERSION


def index_exists(directory: Path) -> bool:
    """True when a complete index is published at ``directory`` (never changes anything on disk)."""
    return (directory / MANIFEST).is_file()


@contextmanager
def _reading(directory: Path):
    """The live generation folder, held with a shared lock so no builder removes it mid-load.

    The lock file is opened read-only, so an index on a read-only mount loads too; a folder
    without one (built by an older planqa) is read without the lock.
    """
    resolved = directory.resolve()
    try:
        handle = open(resolved / READER_LOCK)
    except FileNotFoundError:
        if not (resolved / MANIFEST).is_file():
            raise
        yield resolved
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        try:
            yield resolved
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _all_rows(index: Any) -> np.ndarray:
    """Every row of a FAISS index, in order."""
    if hasattr(index, "make_direct_map"):
        import faiss

        # an IVF index reconstructs its rows only through a direct map: a copy's, as the index searched
        # may be in use by another thread
        index = faiss.clone_index(index)
        index.make_direct_map()
    return index.reconstruct_n(0, index.ntotal)


def load_index(config: IndexConfig, embedder: Embedder | None) -> LoadedIndex:
    """Load and verify the live index generation against the configuration, model and corpus."""
    for attempt in range(3):
        if not index_exists(config.index_dir):
            raise IndexMismatchError(f"no index at {config.index_dir}; run: planqa index")
        try:
            with _reading(config.index_dir) as directory:
                return _load_generation(directory, config, embedder)
        except FileNotFoundError:  # a new generation was published and the old one removed meanwhile
            if attempt == 2:
                raise IndexMismatchError(f"the index at {config.index_dir} keeps changing while loading; "
                                         "try again when the rebuild has finished") from None
    raise AssertionError("unreachable")


def _load_generation(directory: Path, config: IndexConfig, embedder: Embedder | None) -> LoadedIndex:
    import bm25s
    import faiss

    rebuild = "run: planqa index --rebuild"
    manifest_path = directory / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as exc:
        raise IndexMismatchError(f"{manifest_path}: unreadable or corrupted ({exc}); {rebuild}") from exc
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexMismatchError(
            f"{manifest_path}: format version {manifest.get('format_version')!r}, this planqa reads "
            f"{FORMAT_VERSION}; {rebuild}"
        )
    _check_manifest(manifest, manifest_path, config, embedder, rebuild)
    try:
        chunks = read_chunks(directory / CHUNKS)
    except (PlanqaError, OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexMismatchError(f"{directory / CHUNKS}: unreadable or corrupted ({exc}); {rebuild}") from exc
    try:
        faiss_index = faiss.read_index(str(directory / FAISS_FILE))
    except RuntimeError as exc:
        raise IndexMismatchError(
            f"{directory / FAISS_FILE}: unreadable or corrupted FAISS index; {rebuild}"
        ) from exc
    if faiss_index.ntotal != len(chunks) or len(chunks) != manifest["counts"]["chunks"]:
        raise IndexMismatchError(
            f"{directory / FAISS_FILE} has {faiss_index.ntotal} rows but {directory / CHUNKS} has "
            f"{len(chunks)} chunks (manifest: {manifest['counts']['chunks']}); {rebuild}"
        )
    if faiss_index.d != manifest["model"]["dimension"]:
        raise IndexMismatchError(
            f"{directory / FAISS_FILE} has dimension {faiss_index.d}, manifest says "
            f"{manifest['model']['dimension']}; {rebuild}"
        )
    try:
        description_index = faiss.read_index(str(directory / DESCRIPTION_FILE))
    except RuntimeError as exc:
        raise IndexMismatchError(f"{directory / DESCRIPTION_FILE}: unreadable or corrupted FAISS index; {rebuild}") from exc
    if description_index.ntotal != len(chunks) or description_index.d != faiss_index.d:
        raise IndexMismatchError(f"{directory / DESCRIPTION_FILE} has {description_index.ntotal} rows of dimension "
                                 f"{description_index.d}, expected {len(chunks)} of {faiss_index.d}; {rebuild}")
    lexical = {}
    for name in manifest.get("lexical_fields", FIELDS):
        path = directory / LEXICAL_DIR / name
        try:
            lexical[name] = bm25s.BM25.load(str(path), allow_pickle=False, show_progress=False)
        except Exception as exc:  # bm25s raises OSError/ValueError/JSON errors on damage
            raise IndexMismatchError(f"{path}: unreadable or corrupted lexical index ({exc}); {rebuild}") from exc
        rows = lexical[name].scores["num_docs"]
        if rows != len(chunks):
            raise IndexMismatchError(f"{path}: {rows} documents but {len(chunks)} chunks; {rebuild}")
    try:
        profile = PlanProfile.from_dict(manifest["profile"])
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise IndexMismatchError(f"{manifest_path}: no valid plan profile ({exc}); {rebuild}") from None
    adapter = _load_adapter(directory, manifest, config, faiss_index.d, rebuild)
    ranker = None
    if adapter is not None and config.ranker.enabled and (manifest.get("ranker") or {}).get("trained"):
        ranker = Ranker.load(directory / RANKER_FILE)
    return LoadedIndex(directory, manifest, chunks, faiss_index, lexical, Analyzer(), profile, description_index,
                       adapter, ranker)


def _load_adapter(directory: Path, manifest: dict, config: IndexConfig, dimension: int, rebuild: str):
    if not (manifest.get("adapter") or {}).get("trained") or not config.adapter.enabled:
        return None
    path = directory / ADAPTER_FILE
    try:
        weights = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise IndexMismatchError(f"{path}: unreadable or corrupted query adapter ({exc}); {rebuild}") from None
    if weights.shape != (dimension, dimension) or not np.isfinite(weights).all():
        raise IndexMismatchError(f"{path}: query adapter of shape {weights.shape}, expected "
                                 f"({dimension}, {dimension}) with finite values; {rebuild}")
    return weights.astype(np.float32)


def _check_source(built: dict[str, Any], path: Path, config: IndexConfig, rebuild: str) -> None:
    """Is the index built from what the configuration names, and is that unchanged?

    With nothing named (the bundled plan, no chunks file), an index built from a ``chunks.jsonl``
    (``planqa index --chunks``) stays valid as long as that file is unchanged.
    """
    limit = config.limits.max_corpus_file_bytes
    if built.get("kind") == "chunks" and is_default_corpus(config):
        recorded = [Path(f["path"]) for f in built.get("files", []) if f.get("path")]
        if not recorded or not recorded[0].exists():  # the index keeps its own copy of the chunks
            return
        kind, paths = "chunks", (recorded[0],)
    else:
        kind, paths = source_files(config)
    try:
        current = fingerprint(kind, paths, limit)
    except PlanqaError as exc:
        raise IndexMismatchError(f"index source unreadable ({exc}); check PLANQA_CORPUS / PLANQA_CHUNKS") from exc
    if built.get("kind") != kind:
        raise IndexMismatchError(f"{path}: index was built from {built.get('kind')} files but the configuration "
                                 f"names {kind} files ({', '.join(str(p) for p in paths)}); {rebuild}")
    if built.get("sha256") != current["sha256"]:
        then = ", ".join(f"{f['name']} {f['sha256'][:12]}" for f in built.get("files", []))
        now = ", ".join(f"{f['name']} {f['sha256'][:12]}" for f in current["files"])
        raise IndexMismatchError(f"{path}: {kind} changed since the index was built ({then} -> {now}); {rebuild}")


def _check_manifest(manifest, path: Path, config: IndexConfig, embedder, rebuild: str) -> None:
    model = manifest.get("model", {})
    if embedder is not None:
        if model.get("id") != embedder.model_id or model.get("fingerprint") != embedder.fingerprint:
            raise IndexMismatchError(
                f"{path}: index was built with model {model.get('id')!r} "
                f"(fingerprint {model.get('fingerprint')}, dim {model.get('dimension')}) but the "
                f"configuration asks for {embedder.model_id!r} (fingerprint {embedder.fingerprint}, "
                f"dim {embedder.dimension}); {rebuild}"
            )
        for key, value in (("query_prompt", embedder.query_prompt), ("document_prompt", embedder.document_prompt)):
            if model.get(key) != value:
                raise IndexMismatchError(
                    f"{path}: index {key} is {model.get(key)!r} but the configuration has {value!r}; {rebuild}"
                )
    if manifest.get("analyzer") != AnalyzerSettings().as_dict():
        raise IndexMismatchError(
            f"{path}: analyzer settings {manifest.get('analyzer')} differ from this planqa's "
            f"{AnalyzerSettings().as_dict()}; {rebuild}"
        )
    _check_source(manifest.get("source") or {}, path, config, rebuild)
    if manifest.get("faiss", {}).get("type") != config.faiss_type:
        raise IndexMismatchError(
            f"{path}: FAISS type {manifest.get('faiss', {}).get('type')!r} but the configuration asks "
            f"for {config.faiss_type!r}; {rebuild}"
        )
