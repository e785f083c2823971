"""``planqa index`` / ``planqa search`` end to end with the model-free hash embedder."""

from __future__ import annotations

import json

import pytest

from planqa.cli import main


@pytest.fixture(autouse=True)
def _hash_model(monkeypatch, tmp_path):
    monkeypatch.setenv("PLANQA_MODEL", "hash")
    monkeypatch.setenv("PLANQA_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("PLANQA_CACHE_DIR", str(tmp_path / "cache"))


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_index_then_search_json(capsys):
    code, out, err = run(capsys, "index", "--json")
    assert code == 0, err
    manifest = json.loads(out)
    assert manifest["status"] == "built" and manifest["counts"]["chunks"] == 212
    code, out, _ = run(capsys, "index", "--json")
    assert json.loads(out)["status"] == "up to date"
    code, out, _ = run(capsys, "search", "大型ごみ インターネット 申込", "--k", "3", "--json")
    hits = json.loads(out)
    assert code == 0 and [h["rank"] for h in hits] == [1, 2, 3]
    for key in ("id", "kind", "title", "section", "ward", "departments", "source", "text", "rank", "score"):
        assert key in hits[0]
    assert hits[0]["title"] == "大型ごみ収集のオンライン化"


def test_search_builds_a_missing_index_and_prints_human_output(capsys):
    code, out, _ = run(capsys, "search", "消防検査 オンライン", "--k", "2")
    assert code == 0
    assert "[1] 消防検査のオンライン化" in out and "所管: 消防局 予防部" in out
    assert "目標: オンライン環境整備率（2022年: — → 2027年: 100%）" in out


def test_batch_search(capsys, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        '{"id": "a", "question": "大型ごみ インターネット"}\n\n{"id": "b", "question": "   "}\n', encoding="utf-8"
    )
    code, out, _ = run(capsys, "search", "--batch", str(batch), "--k", "2", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [line["id"] for line in lines] == ["a", "b"]
    assert len(lines[0]["hits"]) == 2 and lines[1]["hits"] == [] and "empty" in lines[1]["error"]


@pytest.mark.parametrize(
    ("argv", "code", "fragment"),
    [
        (["search", "  "], 2, "the query is empty"),
        (["search", "防災", "--k", "0"], 2, "k must be a positive integer"),
        (["search", "防災", "--ward", "北区"], 2, "unknown ward '北区'"),
        (["search"], 2, "give a QUERY or --batch FILE"),
        (["search", "--batch", "/nonexistent.jsonl"], 2, "/nonexistent.jsonl: no such file"),
    ],
)
def test_search_errors_are_one_line_with_exit_code(capsys, argv, code, fragment):
    got, out, err = run(capsys, *argv)
    assert got == code and fragment in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_bad_batch_line_names_the_line(capsys, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": "a", "question": "x"}\n{broken\n', encoding="utf-8")
    code, _, err = run(capsys, "search", "--batch", str(batch))
    assert code == 2 and f"{batch}:2: not valid JSON" in err


def test_index_built_with_another_model_is_refused_by_search(capsys, monkeypatch):
    assert run(capsys, "index")[0] == 0
    monkeypatch.setenv("PLANQA_MODEL", "hash:32")
    code, _, err = run(capsys, "search", "防災")
    assert code == 5
    assert "built with model 'hash'" in err and "asks for 'hash:32'" in err and "planqa index --rebuild" in err
    code, out, _ = run(capsys, "index", "--json")  # `planqa index` rebuilds a stale index
    assert code == 0 and json.loads(out)["model"]["id"] == "hash:32"


def test_ingest_then_index_from_edited_chunks(capsys, tmp_path, mini_cli_env, monkeypatch):
    """`planqa ingest --out DIR`, a person edits DIR/chunks.jsonl, `planqa index --chunks` indexes exactly that."""
    monkeypatch.delenv("PLANQA_CORPUS")  # nothing names a corpus: the chunks file is the source
    work = tmp_path / "work"
    code, _, err = run(capsys, "ingest", str(mini_cli_env), "--out", str(work), "--json")
    assert code == 0, err
    chunks_file = work / "chunks.jsonl"
    records = [json.loads(line) for line in chunks_file.read_text(encoding="utf-8").splitlines()]
    edited = next(r for r in records if r["title"] == "消防検査のオンライン化")
    edited["title"] = "消防検査のオンライン化（職員が確認済み）"
    chunks_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")

    code, out, err = run(capsys, "index", "--chunks", str(chunks_file), "--json")
    assert code == 0, err
    manifest = json.loads(out)
    assert manifest["source"]["kind"] == "chunks" and manifest["counts"]["chunks"] == len(records)
    assert manifest["profile"]["wards"]["西区"] == "Nishi"  # the profile ingest wrote beside the chunks
    code, out, _ = run(capsys, "search", "消防検査 確認済み", "--k", "1", "--retriever", "lexical", "--json")
    assert code == 0 and json.loads(out)[0]["title"] == "消防検査のオンライン化（職員が確認済み）"

    chunks_file.write_text(chunks_file.read_text(encoding="utf-8").replace("職員が確認済み", "再編集"), encoding="utf-8")
    code, _, err = run(capsys, "search", "消防検査", "--json")
    assert code == 5 and "chunks changed since the index was built" in err
    code, _, err = run(capsys, "index", "--chunks", str(chunks_file), "--json")
    assert code == 0 and "rebuilding" in err


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('{"id": "a"}\n', ":1: not a chunk record"),
        ("[1, 2]\n", ":1: not a chunk record"),
        ("\n", "no chunks"),
        ('{"id": "a", "kind": "poem", "title": "t", "text": "x", "source": {"file": "f", "line_start": 1, '
         '"line_end": 1}}\n', "kind must be one of"),
    ],
)
def test_index_refuses_a_broken_chunks_file_in_one_line(capsys, tmp_path, content, fragment):
    chunks_file = tmp_path / "chunks.jsonl"
    chunks_file.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "index", "--chunks", str(chunks_file))
    assert code == 3 and fragment in err and len(err.strip().splitlines()) == 1
