"""Index folder: build, manifest, load checks, and atomic replacement."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from index.embedder import HashEmbedder
from index.store import build_index, build_parts, describe_parts, load_index
from planqa.errors import IndexMismatchError


def test_build_writes_named_files_and_manifest(mini_config, embedder):
    manifest = build_index(mini_config, embedder)
    folder = mini_config.index_dir
    visible = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
    assert visible == ["chunks.jsonl", "description.index", "faiss.index", "lexical", "manifest.json", "vocabulary.json"]
    assert sorted(p.name for p in (folder / "lexical").iterdir()) == ["bigram", "kana", "synonym", "word"]
    on_disk = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == manifest
    assert manifest["model"] == {"id": "hash", "fingerprint": "hash-64", "dimension": 64,
                                 "query_prompt": "", "document_prompt": "", "bulk_precision": "fp32"}
    assert manifest["counts"]["initiative"] == 6
    assert manifest["faiss"] == {"type": "flat", "metric": "inner_product", "rows": manifest["counts"]["chunks"]}
    assert manifest["source"]["kind"] == "corpus" and manifest["source"]["files"][0]["name"] == "mini_plan.txt"
    assert manifest["profile"]["wards"]["西区"] == "Nishi" and manifest["profile"]["baseline_year"] == 2022
    assert "faiss-cpu" in manifest["packages"] and "build_seconds" in manifest


def test_the_respelling_vocabulary_is_saved_with_the_index_and_built_when_an_older_index_lacks_it(mini_config, embedder):
    from index.store import plan_vocabulary

    build_index(mini_config, embedder)
    loaded = load_index(mini_config, embedder)
    built = plan_vocabulary(list(loaded.lexical["word"].vocab_dict), loaded.analyzer, loaded.chunks)
    assert loaded.vocabulary == built and built.by_reading  # read from vocabulary.json, the same words
    (mini_config.index_dir / "vocabulary.json").unlink()
    assert load_index(mini_config, embedder).vocabulary == built


def test_faiss_row_i_is_chunk_i(mini_config, embedder):
    build_index(mini_config, embedder)
    loaded = load_index(mini_config, embedder)
    from index.document import dense_text

    vectors = embedder.encode_documents([dense_text(c, loaded.profile) for c in loaded.chunks])
    for row in range(len(loaded.chunks)):
        assert loaded.faiss_index.reconstruct(row) == pytest.approx(vectors[row], abs=1e-6)


def _corrupt(config, how):
    folder = config.index_dir
    if how == "faiss":
        (folder / "faiss.index").write_bytes(b"garbage")
    elif how == "chunks":
        lines = (folder / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
        (folder / "chunks.jsonl").write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    elif how == "manifest":
        (folder / "manifest.json").write_text("{trunc", encoding="utf-8")
    elif how == "lexical":
        for part in (folder / "lexical" / "word").iterdir():
            part.write_bytes(b"\x00")
    elif how == "profile":  # the document declares a profile now: parsing may differ
        config.ingest.corpus[0].with_name("mini_plan.profile.toml").write_text("[plan]\nbaseline_year = 2022\n",
                                                                             encoding="utf-8")
    elif how == "corpus":
        config.ingest.corpus[0].write_text(config.ingest.corpus[0].read_text(encoding="utf-8") + "追記\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("how", "fragment"),
    [
        ("faiss", "faiss.index: unreadable or corrupted FAISS index; run: planqa index --rebuild"),
        ("chunks", "faiss.index has 10 rows but"),
        ("manifest", "manifest.json: unreadable or corrupted"),
        ("lexical", "lexical/word: unreadable or corrupted lexical index"),
        ("corpus", "corpus changed since the index was built (mini_plan.txt"),
        ("profile", "corpus changed since the index was built (mini_plan.txt"),
    ],
)
def test_damage_is_detected_at_load_with_file_and_fix(mini_config, embedder, how, fragment):
    build_index(mini_config, embedder)
    _corrupt(mini_config, how)
    with pytest.raises(IndexMismatchError) as exc:
        load_index(mini_config, embedder)
    assert fragment in str(exc.value)
    assert "planqa index --rebuild" in str(exc.value)


def test_other_model_is_refused_with_both_names(mini_config, embedder):
    build_index(mini_config, embedder)
    with pytest.raises(IndexMismatchError, match=r"built with model 'hash' \(fingerprint hash-64, dim 64\) but the "
                                                 r"configuration asks for 'hash:32'"):
        load_index(mini_config, HashEmbedder(32))


def test_other_faiss_type_is_refused(mini_config, embedder):
    build_index(mini_config, embedder)
    with pytest.raises(IndexMismatchError, match="FAISS type 'flat' but the configuration asks for 'hnsw'"):
        load_index(replace(mini_config, faiss_type="hnsw"), embedder)


class _Exploding(HashEmbedder):
    def encode_documents(self, texts, progress=False):
        raise RuntimeError("killed mid-build")


def test_failed_rebuild_leaves_the_previous_index_loadable(mini_config, embedder):
    build_index(mini_config, embedder)
    before = (mini_config.index_dir / "faiss.index").read_bytes()
    with pytest.raises(RuntimeError):
        build_index(mini_config, _Exploding())
    assert (mini_config.index_dir / "faiss.index").read_bytes() == before
    assert load_index(mini_config, embedder).manifest["counts"]["initiative"] == 6
    live = mini_config.index_dir.resolve()
    leftovers = [p.name for p in mini_config.index_dir.parent.iterdir()
                 if p.name.startswith(".") and not p.name.endswith(".lock") and p != live]
    assert leftovers == []


def test_index_folder_is_a_link_to_one_generation_and_old_generations_are_removed(mini_config, embedder):
    build_index(mini_config, embedder)
    first = mini_config.index_dir.resolve()
    build_index(mini_config, embedder)
    second = mini_config.index_dir.resolve()
    assert mini_config.index_dir.is_symlink() and first != second
    assert not first.exists() and (second / "manifest.json").is_file()


def test_a_generation_being_loaded_is_not_removed_by_a_rebuild(mini_config, embedder):
    import fcntl

    build_index(mini_config, embedder)
    first = mini_config.index_dir.resolve()
    with open(first / ".readers.lock") as reader:  # what load_index holds while it reads
        fcntl.flock(reader, fcntl.LOCK_SH)
        build_index(mini_config, embedder)
        assert (first / "faiss.index").is_file()
    build_index(mini_config, embedder)
    assert not first.exists()


def test_legacy_swap_interrupted_between_renames_is_recovered_by_the_next_build(mini_config, embedder):
    """planqa before generations swapped real folders with two renames; a kill between them left .index.old."""
    import shutil

    from index.engine import SearchEngine

    build_index(mini_config, embedder)
    folder = mini_config.index_dir
    generation = folder.resolve()
    folder.unlink()
    shutil.copytree(generation, folder.with_name(f".{folder.name}.old"))
    created = json.loads((generation / "manifest.json").read_text(encoding="utf-8"))["created_at"]
    shutil.rmtree(generation)
    with pytest.raises(IndexMismatchError, match="no index at"):  # readers never rename anything
        load_index(mini_config, embedder)
    engine = SearchEngine(mini_config, embedder)  # auto-build: recovers under the build lock, builds nothing
    assert engine.index.manifest["created_at"] == created
    assert engine.index.manifest["counts"]["initiative"] == 6


@pytest.mark.parametrize("faiss_type", ["hnsw", "ivf"])
def test_approximate_faiss_types_build_and_search(mini_config, embedder, faiss_type):
    config = replace(mini_config, faiss_type=faiss_type)
    build_index(config, embedder)
    loaded = load_index(config, embedder)
    assert loaded.manifest["faiss"]["type"] == faiss_type
    assert loaded.faiss_index.ntotal == len(loaded.chunks)


def test_the_passage_most_alike_in_another_ward_is_read_from_the_description_vectors(mini_config, embedder):
    """「豊平区にも似たようなのある？」 after a 西区 passage: the initiative of 豊平区 whose description vector is
    nearest, never the passage itself, another ward's or a narrative; none for a ward without initiatives."""
    import numpy as np

    build_index(mini_config, embedder)
    loaded = load_index(mini_config, embedder)
    titles = [chunk.title for chunk in loaded.chunks]
    disaster = loaded.chunks[titles.index("地域の防災力強化")]
    river = loaded.chunks[titles.index("琴似発寒川の水環境保全推進事業")]
    walking = loaded.chunks[titles.index("とよひらスポーツ健康ウォーキング事業")]
    assert loaded.description_vectors.shape == (len(loaded.chunks), 64)
    vectors = np.zeros((len(loaded.chunks), 2), dtype=np.float32)
    vectors[:, 1] = 1.0  # every other passage points elsewhere
    for chunk, vector in ((walking, (1.0, 0.0)), (river, (0.9, 0.1)), (disaster, (0.1, 0.9))):
        vectors[titles.index(chunk.title)] = vector
    loaded.__dict__["description_vectors"] = vectors
    loaded.__dict__["passage_vectors"] = np.zeros_like(vectors)  # the full passages alike to none
    assert loaded.most_alike(walking, "西区") == river
    assert loaded.most_alike(river, "西区") == disaster  # not itself
    assert loaded.most_alike(river, "豊平区") == walking
    assert loaded.most_alike(river, "中央区") is None


def test_the_full_passage_counts_too_when_descriptions_read_alike(mini_config, embedder):
    """Two 西区 initiatives whose descriptions read as much like 豊平区's walking: the one whose full passage
    (title included) reads more like it is the most alike."""
    import numpy as np

    build_index(mini_config, embedder)
    loaded = load_index(mini_config, embedder)
    titles = [chunk.title for chunk in loaded.chunks]
    walking = loaded.chunks[titles.index("とよひらスポーツ健康ウォーキング事業")]
    disaster, river = (titles.index(title) for title in ("地域の防災力強化", "琴似発寒川の水環境保全推進事業"))
    described = np.zeros((len(titles), 2), dtype=np.float32)
    described[titles.index(walking.title)] = described[disaster] = described[river] = (1.0, 0.0)
    passages = np.zeros_like(described)
    passages[titles.index(walking.title)] = (1.0, 0.0)
    for row in (disaster, river):
        passages[row] = (0.9, 0.1) if row == river else (0.1, 0.9)
    loaded.__dict__["description_vectors"] = described
    loaded.__dict__["passage_vectors"] = passages
    assert loaded.most_alike(walking, "西区").title == "琴似発寒川の水環境保全推進事業"
    passages[[disaster, river]] = passages[[river, disaster]]
    assert loaded.most_alike(walking, "西区").title == "地域の防災力強化"


def test_an_ivf_index_names_the_passage_alike_too(mini_config, embedder):
    config = replace(mini_config, faiss_type="ivf")
    build_index(config, embedder)
    loaded = load_index(config, embedder)
    walking = next(chunk for chunk in loaded.chunks if chunk.title == "とよひらスポーツ健康ウォーキング事業")
    assert loaded.description_vectors.shape == (len(loaded.chunks), 64)
    assert loaded.most_alike(walking, "西区").ward == "西区"


def test_build_parts_say_where_the_seconds_went():
    manifest = {"build_seconds": {"total": 31.0, "embed": 9.06},
                "adapter": {"trained": True, "seconds": 10.84}, "ranker": {"trained": True, "seconds": 13.9}}
    assert build_parts(manifest) == {"passages": 9.06, "adapter": 10.84, "ranker": 13.9}
    assert describe_parts(build_parts(manifest)) == "passages 9.1 s, query adapter 10.8 s, re-ranker 13.9 s"
    # no adapter trained (too few questions), so no re-ranker either: only the passages are told
    untrained = {"build_seconds": {"total": 2.0, "embed": 1.5}, "adapter": {"trained": False}, "ranker": None}
    assert build_parts(untrained) == {"passages": 1.5, "adapter": 0.0, "ranker": 0.0}
    assert describe_parts(build_parts(untrained)) == "passages 1.5 s"


def test_a_built_index_tells_its_parts_seconds(mini_config, embedder):
    parts = build_parts(build_index(mini_config, embedder))
    assert set(parts) == {"passages", "adapter", "ranker"} and all(seconds >= 0 for seconds in parts.values())
