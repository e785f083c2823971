"""How the jōyō kanji are read (KANJIDIC2 in jamdict-data): what kanji typos are judged by."""

from __future__ import annotations

from index import kanji_readings as module
from index.kanji_readings import read_alike, readings, sound_alikes


def test_on_readings_in_katakana_and_kun_readings_in_hiragana():
    assert {"リツ", "ソツ", "ひきいる"} <= readings("率")  # ひき.いる: with its okurigana
    assert "ひきいる" not in readings("率", kun=False)
    assert readings("藉") == frozenset()  # not a jōyō kanji


def test_kanji_read_alike_share_a_reading():
    assert read_alike("価", "化") and read_alike("援", "縁") and read_alike("替", "換")  # 替 and 換: か.える
    assert not read_alike("価", "価")
    assert not read_alike("定", "任")
    assert not read_alike("旗", "生")  # キ is 旗's sound, き a word 生 writes: no IME mixes them up


def test_sound_alikes_share_an_on_reading_only():
    alikes = sound_alikes("価")
    assert "化" in alikes and "価" not in alikes
    assert all(readings(other, kun=False) & readings("価", kun=False) for other in alikes)
    assert "換" not in sound_alikes("替")  # only a kun reading shared


def test_without_jamdict_data_nothing_is_read_alike(monkeypatch):
    monkeypatch.setattr(module, "database_path", lambda: None)
    module.kanji_readings.cache_clear()
    try:
        assert module.kanji_readings() == {}
        assert not read_alike("価", "化")
    finally:
        module.kanji_readings.cache_clear()
        module.sound_alikes.cache_clear()
