"""``planqa eval`` end to end on the mini plan with the hash embedder: table, JSON and report files."""

from __future__ import annotations

import csv
import json

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
    assert "hybrid" in printed and "abstention precision" in printed
    assert sorted(p.name for p in out.iterdir()) == ["misses.csv", "report.md", "result.json", "retrievers.png"]
    assert (out / "retrievers.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "| hybrid |" in (out / "report.md").read_text(encoding="utf-8")
    rows = list(csv.DictReader((out / "misses.csv").read_text(encoding="utf-8-sig").splitlines()))
    retrieval_misses = [r for r in rows if r["type"] == "retrieval" and r["id"] == "3"]
    assert {r["retriever"] for r in retrieval_misses} == {"dense", "lexical", "hybrid"}
    assert retrieval_misses[0]["top1"]  # the top hits are listed so a person can see why


def test_eval_json(capsys, mini_env):
    assert main(["eval", "--questions", str(mini_env), "--retriever", "lexical", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result["retrievers"]) == ["lexical"]
    assert result["retrievers"]["lexical"]["overall"]["n"] == 3
    assert result["answers"]["no_answer"] == 1
    assert set(result["retrievers"]["lexical"]["latency_ms"]) == {"p50", "p95"}


def test_eval_unknown_gold_title_fails_before_running(capsys, mini_env):
    mini_env.write_text('{"id": "x", "question": "q", "gold": ["ない取組"], "kind": "keyword"}\n', encoding="utf-8")
    code = main(["eval", "--questions", str(mini_env)])
    err = capsys.readouterr().err
    assert code == 3 and "gold title 'ない取組' matches no chunk title" in err
