"""Building the default model's current version removes the folders earlier converters built."""

from __future__ import annotations

from index.default_model import MODEL_DIR_NAME, STAMP_FILE, _remove_older_versions


def test_only_earlier_converters_folders_are_removed(tmp_path):
    current = tmp_path / MODEL_DIR_NAME
    prefix = MODEL_DIR_NAME.rsplit("-v", 1)[0]
    older, unfinished = tmp_path / f"{prefix}-v1", tmp_path / f"{prefix}-v0"  # unfinished: no stamp, kept
    other = tmp_path / "some-other-model"
    for folder in (current, older, unfinished, other):
        folder.mkdir()
    for folder in (current, older, other):
        (folder / STAMP_FILE).write_text("{}", encoding="utf-8")
    assert older != current
    _remove_older_versions(current)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([current.name, unfinished.name, other.name])
