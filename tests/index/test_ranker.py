"""The learned re-ranker: its features, its training, its file, and its place in hybrid retrieval."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from index.adapter import AdapterSettings
from index.engine import SearchEngine
from index.ranker import (
    FEATURES,
    RANKER_FILE,
    Asked,
    ChunkTraits,
    Ranker,
    RankerSettings,
    asks_about_the_past,
    asks_for_initiatives,
    features,
    fit,
    told_in_the_past,
)
from index.store import build_index, load_index
from ingest.chunk import Chunk, Department, Measure, Source
from planqa.errors import ConfigError, IndexMismatchError
from tests.index.test_adapter import _questions_for_the_mini_plan


def _chunk(id_, title, kind="initiative", ward=None, **fields):
    return Chunk(id=id_, kind=kind, title=title, section=("s",), ward=ward, text="説明です。",
                 source=Source("plan.txt", 1, 2), **fields)


CHUNKS = [
    _chunk("a", "大型ごみ収集のオンライン化", departments=(Department("環) 環境事業部", "環境局", "環境事業部"),),
           indicator="割合", baseline=Measure(2022, "—"), target=Measure(2027, "50%")),
    _chunk("b", "ナッジ", kind="glossary"),
    _chunk("c", "地域の防災力強化", ward="西区"),
    _chunk("d", "西区：概況", kind="narrative", ward="西区"),
]


def _signals(n=4, **overrides):
    base = {name: np.zeros(n, dtype=np.float32) for name in
            ("fused", "ranking", "dense", "description", "lexical", "bm25_word", "bm25_bigram", "bm25_kana",
             "bm25_synonym")}
    base |= {"dense_rank": np.arange(1, n + 1, dtype=np.float32), "lexical_rank": np.arange(1, n + 1, dtype=np.float32)}
    return base | {k: np.asarray(v, dtype=np.float32) for k, v in overrides.items()}


def test_features_read_the_question_and_the_chunk():
    traits = ChunkTraits.of(CHUNKS)
    asked = Asked("figure", "西区", False, False, "西区 地域の防災力強化の目標は？")
    matrix = features(np.arange(4), traits, _signals(lexical=[0, 2, 0, 1]), asked, rrf_k=10)
    column = {name: matrix[:, i] for i, name in enumerate(FEATURES)}
    assert matrix.shape == (4, len(FEATURES))
    assert column["asked_ward"].tolist() == [0, 0, 1, 1] and column["ward_narrative"].tolist() == [0, 0, 0, 1]
    assert column["figure_indicator"].tolist() == [1, 0, 0, 0] and column["is_glossary"].tolist() == [0, 1, 0, 0]
    assert column["title_overlap"][2] == 1.0 and column["title_overlap"][1] == 0.0  # the title quoted in full
    assert column["lexical_vote"].tolist() == pytest.approx([0, 1 / 12, 0, 1 / 14])  # no match, no vote
    english = features(np.arange(4), traits, _signals(ranking=[0.9, 0.1, 0.1, 0.1]),
                       Asked("general", None, True, False, "bulky"), rrf_k=10)
    assert english[0, FEATURES.index("english_ranking")] == pytest.approx(0.9)
    assert english[:, FEATURES.index("ward_unasked")].tolist() == [0, 0, 1, 1]


@pytest.mark.parametrize(
    ("question", "past"),
    [
        ("西区で前に、川に魚の赤ちゃんを放すイベントやってた？", True),
        ("コロナのとき、手稲区の夏あかりってどうなってたの？", True),
        ("南区の古くて歩きにくい緑道、直したことあるの？", True),
        ("Did Toyohira ward hold curling events?", True),
        ("町内会で健康フェアをやりたいんだけど、豊平区から何か手伝ってもらえる？", False),  # what is done now
        ("手稲山を使って手稲区をPRしてるって聞いたけど、何してるの？", False),  # what the asker heard
        ("Is the ward holding curling events?", False),
    ],
)
def test_a_question_about_what_was_done_before_is_told_from_one_about_now(question, past):
    assert asks_about_the_past(question) is past


def test_a_passage_recounting_what_was_done_is_told_from_a_plan_and_read_with_a_past_question():
    """A ward's review of its previous plan (…を行いました) recounts the past; an initiative (…を行います) plans.
    `past_asked_told` marks such a passage for a question about the past only."""
    review = replace(CHUNKS[3], id="e", title="西区：アクションプラン 2019 におけるまちづくりの取組",
                     text="琴似発寒川の一斉清掃、やまめの稚魚放流などを実施しました。")
    assert told_in_the_past(review.text) and not told_in_the_past("一斉清掃を実施します。稚魚を放流しました。x")
    traits = ChunkTraits.of([*CHUNKS, review])
    column = {}
    for past in (True, False):
        asked = Asked("ward", "西区", False, False, "西区", past)
        matrix = features(np.arange(5), traits, _signals(5), asked, rrf_k=10)
        column[past] = {name: matrix[:, i].tolist() for i, name in enumerate(FEATURES)}
    assert column[True]["past_told"] == column[False]["past_told"] == [0, 0, 0, 0, 1]
    assert column[True]["past_asked_told"] == [0, 0, 0, 0, 1] and column[False]["past_asked_told"] == [0] * 5


@pytest.mark.parametrize(
    ("question", "initiatives"),
    [
        ("手稲山のほうの取組は？", True),
        ("西区で何か事業やってる？", True),
        ("Are there any projects for seniors in Nishi ward?", True),
        ("手稲区の防災で事業者が協力する仕組みある？", False),  # 事業者: businesses, not initiatives
        ("手稲山ってどんな山？", False),
    ],
)
def test_a_question_asking_for_initiatives_by_name_marks_initiatives_only(question, initiatives):
    """「手稲山の取組は？」 asks for what the city does there: `initiative_asked` marks initiatives and programmes,
    never the ward's overview naming the same mountain."""
    assert asks_for_initiatives(question) is initiatives
    asked = Asked("ward", "西区", False, False, question, initiatives=asks_for_initiatives(question))
    matrix = features(np.arange(4), ChunkTraits.of(CHUNKS), _signals(), asked, rrf_k=10)
    marked = matrix[:, FEATURES.index("initiative_asked")].tolist()
    assert marked == ([1, 0, 1, 0] if initiatives else [0] * 4)


def _groups(seed, count=80, width=6):
    """Candidates whose right one has the best title overlap but only the third-best fused score."""
    rng = np.random.RandomState(seed)
    groups = []
    for _ in range(count):
        matrix = rng.normal(size=(width, len(FEATURES))).astype(np.float32)
        matrix[:, 0] = np.linspace(1.0, 0.0, width)  # fused, best first
        right = np.zeros(width, dtype=bool)
        right[2] = True
        matrix[:, FEATURES.index("title_overlap")] = 0.1
        matrix[2, FEATURES.index("title_overlap")] = 0.9
        groups.append((matrix, right))
    return groups


def test_fit_learns_which_signal_points_at_the_right_candidate_and_is_deterministic():
    settings = RankerSettings()
    ranker = fit(_groups(0), settings)
    held_out = _groups(1)
    assert all(int(np.argmax(ranker.score(matrix))) == 2 for matrix, _ in held_out)
    assert ranker.weights[FEATURES.index("title_overlap")] > 0
    assert np.array_equal(ranker.weights, fit(_groups(0), settings).weights)
    untrained = fit(_groups(0), replace(settings, steps=0))  # the starting point is the fusion's own order
    assert all(int(np.argmax(untrained.score(matrix))) == 0 for matrix, _ in held_out)
    with pytest.raises(ValueError, match="no training question"):
        fit([(m, np.zeros(len(m), dtype=bool)) for m, _ in _groups(0, count=3)], settings)


def test_the_ranker_file_round_trips_and_a_damaged_one_names_the_fix(tmp_path):
    ranker = fit(_groups(0), RankerSettings(steps=20))
    path = tmp_path / RANKER_FILE
    ranker.save(path)
    loaded = Ranker.load(path)
    assert np.array_equal(loaded.weights, ranker.weights) and loaded.candidates == 30
    data = json.loads(path.read_text(encoding="utf-8"))
    for damage in ({**data, "features": data["features"][:-1]}, {**data, "weights": data["weights"][:3]},
                   {**data, "scale": [0.0] * len(FEATURES)}):
        path.write_text(json.dumps(damage), encoding="utf-8")
        with pytest.raises(IndexMismatchError, match="ranker.json: unreadable or corrupted re-ranker.*--rebuild"):
            Ranker.load(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(IndexMismatchError):
        Ranker.load(path)


def test_ranker_settings_refuse_bad_values(monkeypatch):
    with pytest.raises(ConfigError, match="candidates"):
        RankerSettings(candidates=1)
    monkeypatch.setenv("PLANQA_RANKER", "yes")
    with pytest.raises(ConfigError, match="PLANQA_RANKER='yes'"):
        RankerSettings()


def _config_with_questions(mini_config, tmp_path):
    questions = tmp_path / "q.jsonl"
    _questions_for_the_mini_plan(questions)
    return replace(mini_config, adapter=AdapterSettings(enabled=True, questions=(questions,)))


def test_the_index_learns_the_ranker_with_the_adapter_and_retrieval_uses_it(mini_config, embedder, tmp_path,
                                                                            monkeypatch):
    config = _config_with_questions(mini_config, tmp_path)
    manifest = build_index(config, embedder)
    assert manifest["ranker"]["trained"] and manifest["ranker"]["questions"] > 0
    engine = SearchEngine(config, embedder)
    assert engine.index.ranker is not None
    question = "大型ごみ インターネット"
    learned = [h.chunk.id for h in engine.search(question, 5, "hybrid").hits]
    # a ranker that only trusts the glossary flag puts the glossary entry first, and nothing else changes
    glossary_first = Ranker(np.eye(len(FEATURES), dtype=np.float32)[FEATURES.index("is_glossary")],
                            np.zeros(len(FEATURES), dtype=np.float32), np.ones(len(FEATURES), dtype=np.float32), 30)
    engine.index.ranker = glossary_first
    hits = engine.search(question, 5, "hybrid").hits
    assert hits[0].chunk.kind == "glossary" and {h.chunk.id for h in hits} <= {c.id for c in engine.index.chunks}
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    engine.index.ranker = None  # fusion order, the fused score as the hit's score
    fused = engine.search(question, 5, "hybrid").hits
    assert all(h.score == pytest.approx(h.signals["fused"]) for h in fused)
    assert learned and engine.search(question, 5, "dense").hits  # the other retrievers never re-rank
    monkeypatch.setenv("PLANQA_RANKER", "0")
    assert load_index(replace(config, ranker=RankerSettings()), embedder).ranker is None


def test_a_ranker_reorders_only_within_the_filters(mini_config, embedder, tmp_path):
    from index.retrieve import Filters

    config = _config_with_questions(mini_config, tmp_path)
    build_index(config, embedder)
    engine = SearchEngine(config, embedder)
    hits = engine.search(engine.understand("防災", 5, Filters(ward="西区")), 5, "hybrid").hits
    assert hits and all(h.chunk.ward == "西区" for h in hits)


def test_a_ranker_that_cannot_learn_is_left_out_not_a_failed_build(mini_config, embedder, tmp_path, monkeypatch):
    import index.ranker_training

    def no_right_candidates(*args, **kwargs):
        raise ValueError("no training question has a right answer among its candidates")

    monkeypatch.setattr(index.ranker_training, "learn", no_right_candidates)
    config = _config_with_questions(mini_config, tmp_path)
    manifest = build_index(config, embedder)
    assert manifest["adapter"]["trained"] and manifest["ranker"]["trained"] is False
    assert not (config.index_dir / RANKER_FILE).exists() and load_index(config, embedder).ranker is None


def test_a_blank_training_question_is_skipped_by_the_ranker(mini_config, embedder, tmp_path):
    config = _config_with_questions(mini_config, tmp_path)
    questions = config.adapter.questions[0]
    with questions.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"question": "   ", "gold": ["消防検査のオンライン化"]}, ensure_ascii=False) + "\n")
    manifest = build_index(config, embedder)
    assert manifest["adapter"]["questions"] == 25 and manifest["ranker"]["trained"]
    assert manifest["ranker"]["questions"] <= 24


def test_no_ranker_without_an_adapter(mini_config, embedder):
    manifest = build_index(mini_config, embedder)  # no training questions in tests: no adapter, no ranker
    assert manifest["ranker"] is None and load_index(mini_config, embedder).ranker is None
