"""Embeddings kept between builds: reused by exact text, prompt and model; never trusted blindly."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

import numpy as np
import pytest

from index.embedder import HashEmbedder
from index.store import build_index, load_index
from index.vector_cache import VectorCache


@dataclass
class CountingEmbedder:
    """The hash embedder under a real-looking fingerprint, counting the texts it is asked to embed."""

    fingerprint: str = "counting-1"
    inner: HashEmbedder = field(default_factory=HashEmbedder)
    seen: list[str] = field(default_factory=list)
    model_id: str = "counting"
    query_prompt: str = "query: "
    document_prompt: str = "passage: "

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def encode_queries(self, texts):
        self.seen += list(texts)
        return self.inner.encode_queries([self.query_prompt + t for t in texts])

    def encode_documents(self, texts, progress=False):
        self.seen += list(texts)
        return self.inner.encode_documents([self.document_prompt + t for t in texts])


def _ones(texts):
    return np.ones((len(texts), 4), np.float32) * np.arange(1, len(texts) + 1, dtype=np.float32)[:, None]


def test_only_texts_not_seen_before_are_embedded_and_rows_keep_their_order(tmp_path):
    cache = VectorCache("m", 4)
    first = cache.encode(["川", "山"], "p: ", _ones)
    calls = []
    second = cache.encode(["山", "海", "川", "海"], "p: ", lambda t: calls.append(list(t)) or _ones(t) * 10)
    assert calls == [["海"]]  # once, though asked twice
    assert second[0] == pytest.approx(first[1]) and second[2] == pytest.approx(first[0])
    assert second[1] == pytest.approx(second[3]) and second[1][0] == 10
    assert (cache.encoded, cache.reused) == (3, 2)  # distinct texts: 山 and 川 reused


def test_the_prompt_is_part_of_the_key(tmp_path):
    cache = VectorCache("m", 4)
    cache.encode(["川"], "query: ", _ones)
    calls = []
    cache.encode(["川"], "passage: ", lambda t: calls.append(list(t)) or _ones(t))
    assert calls == [["川"]]


def test_saved_vectors_are_read_back_only_for_the_same_model(tmp_path):
    cache = VectorCache("model-a", 4)
    vectors = cache.encode(["川", "山"], "", _ones)
    cache.save(tmp_path)
    again = VectorCache.load(tmp_path, "model-a", 4)
    assert again.encode(["山", "川"], "", lambda t: pytest.fail(f"re-embedded {t}")) == pytest.approx(vectors[::-1])
    other = VectorCache.load(tmp_path, "model-b", 4)
    calls = []
    other.encode(["川"], "", lambda t: calls.append(list(t)) or _ones(t))
    assert calls == [["川"]]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong_dimension"])
def test_a_damaged_or_foreign_cache_file_is_an_empty_cache_with_a_warning(tmp_path, caplog, damage):
    cache = VectorCache("m", 4)
    cache.encode(["川", "山"], "", _ones)
    cache.save(tmp_path)
    path = VectorCache.path(tmp_path, "m")
    if damage == "garbage":
        path.write_bytes(b"not a numpy file")
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:100])
    else:
        wrong = VectorCache("m", 3)
        wrong.encode(["川"], "", lambda t: np.ones((len(t), 3), np.float32))
        wrong.save(tmp_path)
    with caplog.at_level(logging.WARNING, logger="index.vector_cache"):
        loaded = VectorCache.load(tmp_path, "m", 4)
    assert "vector cache" in caplog.text
    calls = []
    loaded.encode(["川"], "", lambda t: calls.append(list(t)) or _ones(t))
    assert calls == [["川"]]


def test_the_file_keeps_the_latest_build_first_and_at_most_max_entries(tmp_path):
    cache = VectorCache("m", 4, max_entries=3)
    cache.encode(["a", "b", "c"], "", _ones)
    cache.save(tmp_path)
    later = VectorCache.load(tmp_path, "m", 4, max_entries=3)
    later.encode(["d", "e"], "", _ones)
    later.save(tmp_path)
    kept = VectorCache.load(tmp_path, "m", 4, max_entries=3)
    calls = []
    kept.encode(["d", "e", "a", "b"], "", lambda t: calls.append(list(t)) or _ones(t))
    assert calls == [["b"]]  # d, e (the latest build), then the oldest file's first entry


def test_an_unwritable_cache_folder_only_warns(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = VectorCache("m", 4)
    cache.encode(["川"], "", _ones)
    with caplog.at_level(logging.WARNING, logger="index.vector_cache"):
        cache.save(blocker / "vectors")
    assert "cannot write the vector cache" in caplog.text


def test_a_rebuild_embeds_only_what_changed_and_builds_the_same_index(mini_config, tmp_path):
    embedder = CountingEmbedder()
    first = build_index(mini_config, embedder)
    assert first["vectors"]["reused"] == 0 and first["vectors"]["encoded"] == len(embedder.seen) > 0
    vectors = load_index(mini_config, embedder).faiss_index.reconstruct_n(0, first["counts"]["chunks"])
    embedder.seen.clear()
    second = build_index(mini_config, embedder)
    assert embedder.seen == [] and second["vectors"] == {"encoded": 0, "reused": first["vectors"]["encoded"]}
    again = load_index(mini_config, embedder).faiss_index.reconstruct_n(0, second["counts"]["chunks"])
    assert again == pytest.approx(vectors)

    plan = mini_config.ingest.corpus[0]
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("一斉清掃などの", "一斉清掃や植樹などの", 1), encoding="utf-8")
    third = build_index(mini_config, embedder)
    assert 0 < len(embedder.seen) <= 4 and third["vectors"]["encoded"] == len(embedder.seen)


def test_the_cache_can_be_switched_off_and_the_test_embedder_writes_none(mini_config):
    embedder = CountingEmbedder()
    build_index(replace(mini_config, vector_cache=False), embedder)
    assert not mini_config.vector_cache_dir.exists()
    embedder.seen.clear()
    build_index(replace(mini_config, vector_cache=False), embedder)
    assert embedder.seen  # everything embedded again
    build_index(mini_config, HashEmbedder())
    assert not mini_config.vector_cache_dir.exists()
