"""``planqa ingest`` end to end: summary, JSON, bad input, and output left untouched on error."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planqa.cli import main


def run(capsys, *argv):
    code = main(["ingest", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_default_run_writes_chunks_and_prints_the_summary(capsys, tmp_path):
    code, out, err = run(capsys, "--out", str(tmp_path))
    assert code == 0, err
    assert "ward initiatives: 47" in out
    assert "chapter-3 initiatives with departments: 60" in out
    assert "glossary entries: 27" in out
    lines = (tmp_path / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 212
    record = json.loads(lines[0])
    for key in ("id", "kind", "title", "section", "ward", "text", "source"):
        assert key in record
    assert "豊平区" in lines[0]  # ensure_ascii=False


def test_json_summary(capsys, tmp_path):
    code, out, _ = run(capsys, "--out", str(tmp_path), "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["ward_initiatives_total"] == 47
    assert summary["chapter_initiatives_with_departments"] == 60
    assert summary["glossary_entries"] == 27
    assert summary["by_kind"]["initiative"] == 107
    assert summary["warnings"] == []


def test_default_output_goes_to_the_build_dir(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("PLANQA_BUILD_DIR", str(tmp_path / "b"))
    code, _, _ = run(capsys)
    assert code == 0 and (tmp_path / "b" / "chunks.jsonl").exists()


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n\t\n", encoding="utf-8")
    (tmp_path / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "sjis.txt").write_bytes("一行目\n大型ごみ".encode("shift_jis"))
    (tmp_path / "adir").mkdir()
    return {
        "missing": tmp_path / "nope.txt",
        "directory": tmp_path / "adir",
        "empty": tmp_path / "empty.txt",
        "blank": tmp_path / "blank.txt",
        "binary": tmp_path / "binary.bin",
        "sjis": tmp_path / "sjis.txt",
    }


@pytest.mark.parametrize(
    ("case", "fragment"),
    [
        ("missing", "no such file"),
        ("directory", "is a directory"),
        ("empty", "empty file (0 bytes)"),
        ("blank", "contains only whitespace"),
        ("binary", "looks binary (NUL byte at offset 8)"),
        ("sjis", "not valid UTF-8 (invalid start byte: byte 0x88 at line 1, column 1, offset 0)"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_leaves_previous_output(capsys, tmp_path, case, fragment):
    out_dir = tmp_path / "out"
    assert run(capsys, "--out", str(out_dir))[0] == 0
    before = (out_dir / "chunks.jsonl").read_bytes()
    path = _bad_inputs(tmp_path)[case]
    code, out, err = run(capsys, str(path), "--out", str(out_dir))
    assert code == 3
    assert out == ""
    assert fragment in err and str(path) in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert (out_dir / "chunks.jsonl").read_bytes() == before
    assert sorted(p.name for p in out_dir.iterdir()) == ["chunks.jsonl", "chunks.profile.json"]


def test_a_bad_file_among_good_ones_writes_nothing(capsys, tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# 見出し\n\n本文です。\n", encoding="utf-8")
    code, _, err = run(capsys, str(good), str(tmp_path / "missing.md"), "--out", str(tmp_path / "out"))
    assert code == 3 and "missing.md" in err
    assert not (tmp_path / "out" / "chunks.jsonl").exists()


def test_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["ingest", "--bogus"])
    assert exc.value.code == 2


def test_installed_console_script(tmp_path):
    script = Path(sys.executable).with_name("planqa")
    proc = subprocess.run(
        [str(script), "ingest", "--json", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["glossary_entries"] == 27
    help_text = subprocess.run([str(script), "ingest", "--help"], capture_output=True, text=True, check=True)
    assert "examples:" in help_text.stdout
