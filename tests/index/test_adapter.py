"""The query adapter: which questions it learns from, what it learns, how the index keeps it."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from index.adapter import BUNDLED_QUESTIONS, AdapterSettings, adapt, train, training_set
from index.retrieve import DenseRetriever
from index.store import ADAPTER_FILE, build_index, load_index
from ingest.chunk import Chunk
from planqa.errors import ConfigError, IndexMismatchError


def _chunk(number: int, title: str) -> Chunk:
    return Chunk.from_record({"id": f"c{number}", "kind": "initiative", "title": title, "section": [], "ward": None,
                              "text": title, "source": {"file": "plan.txt", "line_start": number, "line_end": number}})


def _write(path, records) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_the_held_out_test_set_is_never_a_training_set():
    assert [p.name for p in BUNDLED_QUESTIONS] == ["dev.jsonl", "citizen_dev.jsonl", "citizen_own.jsonl"]
    assert all(p.is_file() for p in BUNDLED_QUESTIONS)


def test_training_set_keeps_answerable_questions_whose_gold_names_a_chunk(tmp_path):
    chunks = [_chunk(1, "大型ごみ収集のオンライン化"), _chunk(2, "札幌市マイナンバーカードセンター")]
    questions = tmp_path / "q.jsonl"
    _write(questions, [
        {"question": "粗大ごみをネットで出したい", "gold": ["大型ごみ収集のオンライン化"]},
        {"question": "カードはどこで受け取る？", "gold": ["札幌市マイナンバーカード センター"]},  # spacing differs
        {"question": "消えた取組について", "gold": ["計画から消えた取組"]},
        {"question": "住民票の手数料は？", "gold": []},
    ])
    found = training_set((questions,), chunks)
    assert found.questions == ("粗大ごみをネットで出したい", "カードはどこで受け取る？")
    assert found.rows == (0, 1)
    assert found.sources[0]["file"] == "q.jsonl" and found.sources[0]["questions"] == 2


@pytest.mark.parametrize(("line", "fragment"), [
    ("{not json", "q.jsonl:2: not valid JSON"),
    ('{"question": "質問だけ"}', "q.jsonl:2: needs a 'question' string and a 'gold' list"),
])
def test_a_bad_training_line_is_named(tmp_path, line, fragment):
    questions = tmp_path / "q.jsonl"
    questions.write_text('{"question": "q", "gold": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        training_set((questions,), [_chunk(1, "t")])
    assert fragment in str(exc.value)


def test_a_missing_training_file_names_the_variable_that_sets_it(tmp_path):
    with pytest.raises(ConfigError) as exc:
        training_set((tmp_path / "none.jsonl",), [_chunk(1, "t")])
    assert "none.jsonl" in str(exc.value) and "PLANQA_ADAPTER_QUESTIONS" in str(exc.value)


def _ranks_first(queries, rows, passages, weights=None) -> int:
    vectors = adapt(weights, queries) if weights is not None else queries
    return int(sum(np.argmax(v @ passages.T) == r for v, r in zip(vectors, rows)))


def test_training_moves_questions_to_their_passages_and_is_deterministic():
    rng = np.random.RandomState(3)
    passages = rng.normal(size=(12, 16)).astype(np.float32)
    passages /= np.linalg.norm(passages, axis=1, keepdims=True)
    rows = [i % 12 for i in range(48)]
    # each question lies closer to the next passage than to its own: the model "misreads" them
    queries = passages[rows] * 0.4 + passages[[(r + 1) % 12 for r in rows]] * 0.6
    queries = (queries + rng.normal(scale=0.05, size=queries.shape)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    settings = AdapterSettings(regularization=0.001, steps=200, learning_rate=0.01)
    weights = train(queries, rows, passages, None, 0.0, settings)
    assert _ranks_first(queries, rows, passages) < 10
    assert _ranks_first(queries, rows, passages, weights) >= 45
    assert np.array_equal(weights, train(queries, rows, passages, None, 0.0, settings))
    held_near_identity = train(queries, rows, passages, None, 0.0, replace(settings, regularization=100.0))
    # Adam's steps jitter around the optimum by about the learning rate; the map itself barely moves
    assert np.abs(held_near_identity - np.eye(16)).max() < 0.05 < np.abs(weights - np.eye(16)).max()


def test_adapted_vectors_are_unit_length():
    weights = np.diag(np.arange(1, 9, dtype=np.float32))
    vectors = adapt(weights, np.ones((3, 8), dtype=np.float32))
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)


def _questions_for_the_mini_plan(path) -> None:
    titles = ["大型ごみ収集のオンライン化", "消防検査のオンライン化", "税務手続のオンライン化推進", "地域の防災力強化"]
    _write(path, [{"question": f"質問{i} {titles[i % 4]}について", "gold": [titles[i % 4]]} for i in range(24)])


def test_the_index_learns_saves_and_loads_the_adapter(mini_config, embedder, tmp_path):
    questions = tmp_path / "q.jsonl"
    _questions_for_the_mini_plan(questions)
    config = replace(mini_config, adapter=AdapterSettings(enabled=True, questions=(questions,)))
    manifest = build_index(config, embedder)
    assert manifest["adapter"]["trained"] and manifest["adapter"]["questions"] == 24 and manifest["adapter"]["sources"][0]["file"] == "q.jsonl"
    loaded = load_index(config, embedder)
    assert loaded.adapter.shape == (64, 64)
    assert load_index(replace(config, adapter=AdapterSettings(enabled=False)), embedder).adapter is None


def test_too_few_matching_questions_train_no_adapter(mini_config, embedder, tmp_path):
    questions = tmp_path / "q.jsonl"
    _write(questions, [{"question": "粗大ごみ", "gold": ["大型ごみ収集のオンライン化"]}] * 5)
    config = replace(mini_config, adapter=AdapterSettings(enabled=True, questions=(questions,)))
    assert build_index(config, embedder)["adapter"]["trained"] is False
    assert not (config.index_dir / ADAPTER_FILE).exists()
    assert load_index(config, embedder).adapter is None


def test_a_damaged_adapter_is_refused_with_the_fix(mini_config, embedder, tmp_path):
    questions = tmp_path / "q.jsonl"
    _questions_for_the_mini_plan(questions)
    config = replace(mini_config, adapter=AdapterSettings(enabled=True, questions=(questions,)))
    build_index(config, embedder)
    np.save(config.index_dir / ADAPTER_FILE, np.eye(3, dtype=np.float32))
    with pytest.raises(IndexMismatchError) as exc:
        load_index(config, embedder)
    assert "adapter.npy: query adapter of shape (3, 3)" in str(exc.value) and "planqa index --rebuild" in str(exc.value)


def test_the_adapter_changes_the_ranking_but_not_the_relevance_cosines(mini_config, embedder, tmp_path):
    questions = tmp_path / "q.jsonl"
    _questions_for_the_mini_plan(questions)
    config = replace(mini_config, adapter=AdapterSettings(enabled=True, questions=(questions,)))
    build_index(config, embedder)
    loaded = load_index(config, embedder)
    dense = DenseRetriever(loaded, embedder, config)
    ranking, full, _ = dense.field_scores("粗大ごみをネットで申し込みたい")
    plain_ranking, plain_full, _ = DenseRetriever(replace(loaded, adapter=None), embedder, config).field_scores(
        "粗大ごみをネットで申し込みたい")
    assert np.array_equal(full, plain_full)
    assert not np.allclose(ranking, plain_ranking)


def test_a_bad_adapter_switch_is_refused(monkeypatch):
    monkeypatch.setenv("PLANQA_ADAPTER", "yes")
    with pytest.raises(ConfigError) as exc:
        AdapterSettings()
    assert "PLANQA_ADAPTER='yes'" in str(exc.value)


def test_planqa_index_rebuilds_when_the_training_questions_change(mini_cli_env, monkeypatch, tmp_path, capsys):
    from planqa.cli import main

    questions = tmp_path / "q.jsonl"
    _questions_for_the_mini_plan(questions)
    monkeypatch.setenv("PLANQA_ADAPTER_QUESTIONS", str(questions))
    assert main(["index", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["adapter"]["trained"] is True
    assert main(["index", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "up to date"
    with questions.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"question": "追加の質問", "gold": ["消防検査のオンライン化"]}, ensure_ascii=False) + "\n")
    assert main(["index", "--json"]) == 0
    captured = capsys.readouterr()
    assert "training questions changed (q.jsonl)" in captured.err
    assert json.loads(captured.out)["adapter"]["questions"] == 25
