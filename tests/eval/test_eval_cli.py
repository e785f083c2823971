"""``planqa eval`` end to end on the mini plan with the hash embedder: table, JSON and report files."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest

from planqa.cli import main


@pytest.fixture
def mini_env(mini_cli_env, tmp_path):
    questions = tmp_path / "q.jsonl"
    rows = [
        {"id": "1", "question": "大型ごみをインターネットで申し込みたい", "gold": ["大型ごみ収集のオンライン化"],
         "kind": "paraphrase", "persona": "citizen", "answer": None},
        {"id": "2", "question": "消防検査 所管", "gold": ["消防検査のオンライン化"], "kind": "department",
         "persona": "staff", "answer": "消防局 予防部"},
        {"id": "3", "question": "ナッジ", "gold": ["税務手続のオンライン化推進"], "kind": "keyword", "persona": "staff"},
        {"id": "4", "question": "地下鉄の運賃", "gold": [], "kind": "no_answer", "persona": "citizen"},
    ]
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return questions


def test_eval_writes_report_chart_and_misses(capsys, mini_env, tmp_path):
    out = tmp_path / "report"
    code = main(["eval", "--questions", str(mini_env), "--out", str(out)])
    printed = capsys.readouterr().out
    assert code == 0
    assert "hybrid" in printed and "abstention precision" in printed and "relevance threshold" in printed
    assert sorted(p.name for p in out.iterdir()) == ["misses.csv", "report.md", "result.json", "retrievers.png"]
    assert (out / "retrievers.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "| hybrid |" in report and "| 0.85 (configured) |" in report
    rows = list(csv.DictReader((out / "misses.csv").read_text(encoding="utf-8-sig").splitlines()))
    retrieval_misses = [r for r in rows if r["type"] == "retrieval" and r["id"] == "3"]
    assert {r["retriever"] for r in retrieval_misses} == {"dense", "lexical", "hybrid"}
    assert retrieval_misses[0]["top1"]  # the top hits are listed so a person can see why


def test_eval_of_all_sets_writes_each_sets_report_in_a_folder_of_its_own(capsys, mini_env, tmp_path, monkeypatch):
    import eval.cli

    monkeypatch.setattr(eval.cli, "DATA_DIR", mini_env.parent)
    monkeypatch.setattr(eval.cli, "NAMED_SETS", {"dev": mini_env.name, "citizen": mini_env.name})
    out = tmp_path / "reports"
    assert main(["eval", "--set", "all", "--retriever", "hybrid", "--out", str(out)]) == 0
    assert f"wrote {out / 'dev'}, {out / 'citizen'}" in capsys.readouterr().out
    for name in ("dev", "citizen"):
        assert sorted(p.name for p in (out / name).iterdir()) == ["misses.csv", "report.md", "result.json",
                                                                  "retrievers.png"]


def test_eval_json(capsys, mini_env):
    assert main(["eval", "--questions", str(mini_env), "--retriever", "lexical", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result["retrievers"]) == ["lexical"]
    assert result["retrievers"]["lexical"]["overall"]["n"] == 3
    assert result["answers"]["no_answer"] == 1
    assert set(result["retrievers"]["lexical"]["latency_ms"]) == {"p50", "p95"}
    curve = result["answers"]["threshold_curve"]
    assert [row["threshold"] for row in curve] == [round(0.80 + 0.01 * i, 2) for i in range(11)]
    assert [row["configured"] for row in curve].count(True) == 1
    wrongly = [row["abstained_answerable"] for row in curve]
    assert wrongly == sorted(wrongly)  # a stricter threshold never answers more
    assert all(row["abstained_no_answer"] >= 1 for row in curve)  # 地下鉄の運賃: a fee, vetoed at any threshold


def test_eval_unknown_gold_title_fails_before_running(capsys, mini_env):
    mini_env.write_text('{"id": "x", "question": "q", "gold": ["ない取組"], "kind": "keyword"}\n', encoding="utf-8")
    code = main(["eval", "--questions", str(mini_env)])
    err = capsys.readouterr().err
    assert code == 3 and "gold title 'ない取組' matches no chunk title" in err


def test_set_and_questions_together_are_refused(capsys, mini_env):
    code = main(["eval", "--set", "dev", "--questions", str(mini_env)])
    assert code != 0 and "use --questions FILE or --set NAME, not both" in capsys.readouterr().err


def test_cross_validation_needs_an_adapter(capsys, mini_env):
    code = main(["eval", "--questions", str(mini_env), "--cross-validate", "2"])
    assert code != 0 and "no query adapter" in capsys.readouterr().err


def test_cross_validation_scores_every_fold_with_an_adapter_trained_without_it(mini_config, embedder, tmp_path):
    from eval.crossval import cross_validate, folds_of
    from eval.questions import load_questions
    from index.adapter import AdapterSettings
    from index.engine import SearchEngine
    from index.store import build_index

    titles = ["大型ごみ収集のオンライン化", "消防検査のオンライン化", "税務手続のオンライン化推進", "地域の防災力強化"]
    path = tmp_path / "train.jsonl"
    rows = [{"id": str(i), "question": f"質問{i} {titles[i % 4]}", "gold": [titles[i % 4]], "kind": "paraphrase"}
            for i in range(24)] + [{"id": "na", "question": "地下鉄の運賃", "gold": [], "kind": "no_answer"}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    config = __import__("dataclasses").replace(mini_config, adapter=AdapterSettings(enabled=True, questions=(path,)))
    build_index(config, embedder)
    engine = SearchEngine(config, embedder)
    shipped = engine.index.adapter.copy()
    questions = load_questions(path)
    parts = folds_of(questions, 5)
    assert sorted(q.id for part in parts for q in part) == sorted(q.id for q in questions)
    assert all(len(part) in (5, 4) for part in parts)
    retrieval, answers = cross_validate(engine, None, questions, ["dense", "hybrid"], 10, 5)
    assert answers is None
    assert retrieval["hybrid"].overall["n"] == 24 and set(retrieval["hybrid"].per_question) == {str(i) for i in range(24)}
    # each question's hits are kept, so misses.csv can show a cross-validated miss's gold rank and top three
    kept = retrieval["hybrid"].hits
    assert set(kept) == {str(i) for i in range(24)} and all(kept.values())
    assert np.array_equal(engine.index.adapter, shipped)  # the shipped adapter is back after the folds


def _dialogues(tmp_path, rows):
    path = tmp_path / "dialogues.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_dialogues_are_scored_turn_by_turn_in_context(mini_bot, tmp_path):
    from eval.dialogues import check_gold, format_dialogues, load_dialogues, score_dialogues

    path = _dialogues(tmp_path, [
        {"id": "d1", "turns": [{"question": "消防検査のオンライン化について教えて", "gold": ["消防検査のオンライン化"]},
                               {"question": "担当は？", "gold": ["消防検査のオンライン化"]}]},  # right only in context
        {"id": "d2", "turns": [{"question": "こんにちは", "gold": []},  # no plan passage cited: right
                               {"question": "ナッジって何？", "gold": ["消防検査のオンライン化"]}]},  # a miss, listed
    ])
    dialogues = load_dialogues(path)
    check_gold(dialogues, mini_bot.engine.index.chunks)
    result = score_dialogues(mini_bot, dialogues)
    assert (result["turns_right"], result["turns"], result["follow_ups_right"], result["follow_ups"]) == (3, 4, 1, 2)
    assert [(m["id"], m["turn"], m["cited"]) for m in result["misses"]] == [("d2", 1, "ナッジ")]
    printed = format_dialogues(path, result)
    assert "turns right      3/4 (2 dialogues)" in printed and "follow-ups right 1/2" in printed
    assert "d2#1 ナッジって何？" in printed and "cited 「ナッジ」; wanted 「消防検査のオンライン化」" in printed


def test_eval_dialogues_command(capsys, mini_cli_env, tmp_path):
    path = _dialogues(tmp_path, [{"id": "d1", "turns": [{"question": "地下鉄の運賃", "gold": []}]}])
    assert main(["eval", "--dialogues", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["turns_right"] == 1  # a fee: abstained


@pytest.mark.parametrize(("rows", "message"), [
    ([{"id": "d1", "turns": []}], "dialogues.jsonl:1: expected"),
    ([{"id": "d1", "turns": [{"question": "担当は？"}]}], "turn 1: gold must be a list"),
    ([{"id": "d1", "turns": [{"question": "担当は？", "gold": ["ない取組"]}]}], "gold title 'ない取組' matches no chunk"),
])
def test_bad_dialogue_files_are_one_line_errors(capsys, mini_cli_env, tmp_path, rows, message):
    assert main(["eval", "--dialogues", str(_dialogues(tmp_path, rows))]) != 0
    assert message in capsys.readouterr().err


def test_dialogues_are_scored_alone(capsys, mini_cli_env, tmp_path):
    path = _dialogues(tmp_path, [{"id": "d1", "turns": [{"question": "担当は？", "gold": []}]}])
    assert main(["eval", "--dialogues", str(path), "--set", "dev"]) != 0
    assert "--dialogues FILE is scored alone" in capsys.readouterr().err
