"""Metric wiring on tiny hand-made runs with known values; question-file validation."""

from __future__ import annotations

import json

import pytest

from bot.answer import Answer
from eval.answers import checks_fact, score_answers, states_fact
from eval.questions import Question, gold_ids, load_questions
from eval.retrieval import retrieval_metrics
from ingest.chunk import Chunk, Source
from planqa.errors import EvalDataError

QUESTIONS = [
    Question("a", "x", ("T",), "paraphrase", "citizen", None),
    Question("b", "y", ("U", "V"), "numeric", "staff", "50%"),
    Question("c", "z", (), "no_answer", "citizen", None),
    Question("d", "w", ("T",), "paraphrase", "citizen", None),
]


def test_retrieval_metrics_known_values():
    gold = {"a": {"t"}, "b": {"u", "v"}, "d": {"t"}}
    rankings = {"a": ["x1", "t", "x2"], "b": ["u", "x", "y", "z", "w", "v"], "d": []}
    report = retrieval_metrics(QUESTIONS, gold, rankings)
    assert report.per_question["a"] == pytest.approx(
        {"hit@1": 0, "hit@5": 1, "recall@5": 1, "recall@10": 1, "mrr@10": 0.5, "ndcg@10": 1 / 1.5849625}, rel=1e-6)
    b = report.per_question["b"]
    assert (b["hit@1"], b["recall@5"], b["recall@10"], b["mrr@10"]) == (1, 0.5, 1, 1)
    assert b["ndcg@10"] == pytest.approx((1 + 1 / 2.8073549) / (1 + 1 / 1.5849625))
    assert report.per_question["d"]["hit@5"] == 0  # no hits is a miss
    assert "c" not in report.per_question  # no-answer questions are not retrieval questions
    assert report.overall["hit@1"] == pytest.approx(1 / 3) and report.overall["n"] == 3
    assert report.by_kind["numeric"]["hit@1"] == 1 and report.by_persona["citizen"]["n"] == 2


def _answer(abstained, text=""):
    return Answer("q", text, (), 0.5, abstained)


def test_answer_metrics_known_values():
    answers = {"a": _answer(False, "x"), "b": _answer(False, "目標は 50% [1]。\n次"), "c": _answer(True),
               "d": _answer(True)}
    report = score_answers(QUESTIONS, answers, [10.0, 20.0])
    assert report.abstention_recall == 1.0
    assert report.abstention_precision == 0.5  # c correctly, d wrongly
    assert report.wrong_abstention_rate == pytest.approx(1 / 3)
    assert (report.fact_checked, report.fact_correct, report.fact_accuracy) == (1, 1, 1.0)


@pytest.mark.parametrize("kind, expected, first_line, checked, stated", [
    ("numeric", "約200人", "約 200 人が集まる従来の防災訓練 [1]。", True, True),  # the PDF's spaces do not count
    ("department", "消防局 予防部", "所管は 消防局予防部 です [1]。", True, True),
    ("numeric", "50%", "目標は 40% です [1]。", True, False),
    ("english", "70%", "The target is 70% [1].", True, True),  # a fact in the plan's words
    ("english", "Yes. The city is setting up a desk (官民連携窓口).", "Yes [1].", False, False),  # a gist
    ("paraphrase", "市民のために", "市民のために [1]。", False, True),
])
def test_which_expected_answers_are_facts_the_first_sentence_must_state(kind, expected, first_line, checked, stated):
    question = Question("q", "x", ("T",), kind, "citizen", expected)
    assert checks_fact(question) is checked
    assert states_fact(question, _answer(False, first_line + "\n次")) is stated


def _write(tmp_path, rows):
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_gold_title_that_matches_no_chunk_is_a_loud_error(tmp_path):
    chunks = [Chunk("p#L1", "initiative", "大型ごみ収集のオンライン化", (), None, "", Source("f", 1, 1))]
    questions = load_questions(_write(tmp_path, [
        {"id": "1", "question": "q", "gold": ["大型ごみ収集の オンライン化"], "kind": "keyword"},
        {"id": "2", "question": "q", "gold": ["存在しない取組"], "kind": "keyword"},
    ]))
    assert gold_ids(questions[:1], chunks) == {"1": {"p#L1"}}  # whitespace/NFKC-normalized match
    with pytest.raises(EvalDataError, match="question 2: gold title '存在しない取組' matches no chunk title"):
        gold_ids(questions, chunks)


@pytest.mark.parametrize(
    ("rows", "fragment"),
    [
        ([{"id": "1", "question": "q", "gold": [], "kind": "keyword"}], "gold must be empty exactly when kind is no_answer"),
        ([{"id": "1", "question": "q", "gold": ["x"], "kind": "weird"}], "kind 'weird' is not one of"),
        ([{"id": "1", "question": "q", "kind": "keyword"}], "missing field(s) gold"),
        ([{"id": "1", "question": "q", "gold": [], "kind": "no_answer"}] * 2, "duplicate id '1'"),
        ([], "no questions"),
    ],
)
def test_question_file_validation(tmp_path, rows, fragment):
    with pytest.raises(EvalDataError) as exc:
        load_questions(_write(tmp_path, rows))
    assert fragment in str(exc.value)


def test_bundled_question_sets_meet_their_targets():
    from collections import Counter

    from eval.questions import DATA_DIR

    dev = load_questions(DATA_DIR / "dev.jsonl")
    test = load_questions(DATA_DIR / "test.jsonl")
    kinds = Counter(q.kind for q in dev)
    assert len(dev) >= 150 and kinds["paraphrase"] / len(dev) >= 0.40
    assert kinds["no_answer"] >= 15 and kinds["english"] >= 10
    assert len(test) >= 60
    assert not {q.question for q in dev} & {q.question for q in test}
    citizen = load_questions(DATA_DIR / "citizen_dev.jsonl")
    own = load_questions(DATA_DIR / "citizen_own.jsonl")
    assert len(citizen) >= 100 and len(own) >= 40
    assert {"typo", "kana", "english", "no_answer"} <= {q.kind for q in citizen}
    # no question in two sets: each set's cross-validation folds hold out all of its questions
    others = {q.question for q in test} | {q.question for q in own}
    assert not others & ({q.question for q in dev} | {q.question for q in citizen})
    assert not {q.question for q in test} & {q.question for q in own}  # own trains the adapter, test never
    for questions in (dev, test, citizen, own):  # nor twice in one set: one copy would train on the other's fold
        assert len({q.question for q in questions}) == len(questions)
