"""``planqa curate`` and ``planqa report`` end to end over the mini plan (hash embedder)."""

from __future__ import annotations

import json

import pytest

from planqa.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def _mini(mini_cli_env, monkeypatch, tmp_path):
    monkeypatch.setenv("PLANQA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PLANQA_DB", f"sqlite:///{tmp_path / 'staff.db'}")


def test_curate_add_list_export_import_remove(capsys, tmp_path):
    code, out, err = run(capsys, "curate", "add", "--question", "除雪はいつ来ますか？", "--answer", "計画には日程がありません。",
                         "--cite", "mini_plan#L4", "--variant", "除雪車はいつ？", "--json")
    assert code == 0, err
    added = json.loads(out)
    assert added["id"] == 1 and added["cite"] == ["mini_plan#L4"] and added["variants"] == ["除雪車はいつ？"]
    code, out, _ = run(capsys, "curate", "list")
    assert "#1 [配信中] 利用 0 回  Q: 除雪はいつ来ますか？" in out
    code, out, _ = run(capsys, "ask", "除雪はいつ来ますか？", "--json")
    assert json.loads(out)["curated"] is True
    exported = tmp_path / "curated.jsonl"
    assert run(capsys, "curate", "export", str(exported))[0] == 0
    assert run(capsys, "curate", "import", str(exported))[1] == f"imported 1 curated answers from {exported}\n"
    assert run(capsys, "curate", "remove", "1")[0] == 0
    code, out, _ = run(capsys, "curate", "list", "--json")
    assert [a["id"] for a in json.loads(out)] == [2]


@pytest.mark.parametrize("argv, fragment", [
    (["curate", "add", "--question", "q", "--answer", "a"], "must cite at least one chunk"),
    (["curate", "add", "--question", "q", "--answer", "a", "--cite", "nope#L1"], "'nope#L1' is not in the index"),
    (["curate", "remove", "42"], "no curated answer with id 42"),
])
def test_curate_errors_are_one_line_with_an_exit_code(capsys, argv, fragment):
    code, _, err = run(capsys, *argv)
    assert code == 2 and fragment in err and "Traceback" not in err


def test_report_in_every_format(capsys, tmp_path):
    run(capsys, "index")
    from bot.service import Bot

    bot = Bot()
    bot.reply("ナッジって何？", channel="chat")
    bot.close()
    code, out, err = run(capsys, "report", "--json")
    assert code == 0, err
    assert json.loads(out)["totals"]["questions"] == 1
    assert run(capsys, "report", "--csv")[1].startswith("section,rank,key,count,detail\n")
    page = tmp_path / "report.html"
    assert run(capsys, "report", "--html", str(page), "--since", "2026-01-01")[0] == 0
    assert "data:image/png;base64," in page.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "report")
    assert "■ よく引用された箇所" in out
    with pytest.raises(SystemExit) as exit_code:
        run(capsys, "report", "--since", "yesterday")
    assert exit_code.value.code == 2 and "'yesterday' is not a date like 2026-11-01" in capsys.readouterr().err
