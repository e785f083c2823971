"""The index folder: build it atomically, load it with integrity and configuration checks.

Folder contents (plain named files, no pickle)::

    manifest.json      format version, model id + fingerprint, dimension, prompts, analyzer,
                       corpus hashes, counts, FAISS type, build time, package versions
    chunks.jsonl       the chunks; FAISS row i is line i
    faiss.index        dense vectors (inner product on L2-normalized vectors)
    lexical/<field>/   one bm25s index per analyzer field (word, bigram, kana)
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import math
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np

from index.analyzer import FIELDS, Analyzer, AnalyzerSettings
from index.config import FAISS_TYPES, IndexConfig
from index.document import dense_text, lexical_text
from index.embedder import Embedder
from index.errors import IndexMismatchError
from ingest.chunk import Chunk
from ingest.pipeline import ingest_paths, read_chunks, write_chunks

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
FAISS_FILE = "faiss.index"
LEXICAL_DIR = "lexical"
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


def corpus_fingerprint(paths: tuple[Path, ...]) -> dict[str, Any]:
    files = []
    combined = hashlib.sha256()
    for path in paths:
        data = Path(path).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        files.append({"name": Path(path).name, "sha256": digest, "bytes": len(data)})
        combined.update(digest.encode())
    return {"files": files, "sha256": combined.hexdigest()}


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

    if config.faiss_type not in FAISS_TYPES:
        raise IndexMismatchError(f"faiss type {config.faiss_type!r} is not one of {', '.join(FAISS_TYPES)}")
    dimension = vectors.shape[1]
    if config.faiss_type == "hnsw":
        index = faiss.IndexHNSWFlat(dimension, config.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 64
    elif config.faiss_type == "ivf":
        nlist = config.ivf_nlist or max(1, min(int(4 * math.sqrt(len(vectors))), len(vectors) // 39 or 1))
        quantizer = faiss.IndexFlatIP(dimension)
        index = faiss.IndexIVFFlat(quantizer, dimension, nlist, faiss.METRIC_INNER_PRODUCT)
        index.train(vectors)
        index.nprobe = min(nlist, 16)
    else:
        index = faiss.IndexFlatIP(dimension)
    index.add(vectors)
    return index


def build_index(config: IndexConfig, embedder: Embedder, progress: bool = False) -> dict[str, Any]:
    """Ingest the corpus, embed, build FAISS and BM25 indexes, and swap the folder into place."""
    started = time.perf_counter()
    chunks = ingest_paths(config.ingest.corpus).chunks
    analyzer = Analyzer()
    config.index_dir.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(config.index_dir):
        return _build_locked(config, embedder, chunks, analyzer, started, progress)


@contextmanager
def _build_lock(target: Path):
    """One build at a time per index folder; leftovers of killed builds are removed under the lock."""
    lock_path = target.with_name(f".{target.name}.lock")
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        recover_interrupted_swap(target)
        for stale in target.parent.glob(f".{target.name}.tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _build_locked(config: IndexConfig, embedder: Embedder, chunks: list[Chunk], analyzer: Analyzer,
                  started: float, progress: bool) -> dict[str, Any]:
    import bm25s
    import faiss

    staging = Path(tempfile.mkdtemp(prefix=f".{config.index_dir.name}.tmp-", dir=config.index_dir.parent))
    try:
        write_chunks(chunks, staging / CHUNKS)
        embed_started = time.perf_counter()
        vectors = embedder.encode_documents([dense_text(c) for c in chunks], progress=progress)
        embed_seconds = time.perf_counter() - embed_started
        faiss.write_index(build_faiss(vectors, config), str(staging / FAISS_FILE))
        analyzed = [analyzer.analyze(lexical_text(c)) for c in chunks]
        for name in FIELDS:
            retriever = bm25s.BM25()
            retriever.index([a[name] or ["∅"] for a in analyzed], show_progress=False)
            retriever.save(str(staging / LEXICAL_DIR / name), show_progress=False)
        manifest = {
            "format_version": FORMAT_VERSION,
            "created_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "model": {
                "id": embedder.model_id,
                "fingerprint": embedder.fingerprint,
                "dimension": int(vectors.shape[1]),
                "query_prompt": embedder.query_prompt,
                "document_prompt": embedder.document_prompt,
            },
            "analyzer": AnalyzerSettings().as_dict(),
            "lexical_fields": list(FIELDS),
            "faiss": {"type": config.faiss_type, "metric": "inner_product", "rows": len(chunks)},
            "corpus": corpus_fingerprint(config.ingest.corpus),
            "counts": {"chunks": len(chunks), **{k: sum(c.kind == k for c in chunks) for k in
                       ("initiative", "program", "glossary", "narrative")}},
            "build_seconds": {"total": round(time.perf_counter() - started, 3), "embed": round(embed_seconds, 3)},
            "packages": _package_versions(),
        }
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        _swap_into_place(staging, config.index_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return manifest


def _swap_into_place(staging: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def recover_interrupted_swap(target: Path) -> None:
    """If a build died between its two renames, put the previous index back."""
    old = target.with_name(f".{target.name}.old")
    if not target.exists() and old.exists():
        os.replace(old, target)


def index_exists(directory: Path) -> bool:
    recover_interrupted_swap(directory)
    return (directory / MANIFEST).is_file()


def load_index(config: IndexConfig, embedder: Embedder | None) -> LoadedIndex:
    """Load and verify the index folder against the configuration, model and corpus."""
    import bm25s
    import faiss

    directory = config.index_dir
    rebuild = "run: planqa index --rebuild"
    if not index_exists(directory):
        raise IndexMismatchError(f"no index at {directory}; run: planqa index")
    manifest_path = directory / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
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
    except (OSError, ValueError, KeyError, TypeError) as exc:
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
    return LoadedIndex(directory, manifest, chunks, faiss_index, lexical, Analyzer())


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
    try:
        current = corpus_fingerprint(config.ingest.corpus)
    except OSError as exc:
        raise IndexMismatchError(f"corpus file unreadable ({exc}); check PLANQA_CORPUS") from exc
    if manifest.get("corpus", {}).get("sha256") != current["sha256"]:
        built = ", ".join(f"{f['name']} {f['sha256'][:12]}" for f in manifest.get("corpus", {}).get("files", []))
        now = ", ".join(f"{f['name']} {f['sha256'][:12]}" for f in current["files"])
        raise IndexMismatchError(f"{path}: corpus changed since the index was built ({built} -> {now}); {rebuild}")
    if manifest.get("faiss", {}).get("type") != config.faiss_type:
        raise IndexMismatchError(
            f"{path}: FAISS type {manifest.get('faiss', {}).get('type')!r} but the configuration asks "
            f"for {config.faiss_type!r}; {rebuild}"
        )
