from __future__ import annotations

import pytest

from ingest.departments import parse_departments
from ingest.profile import bundled_profile
from ingest.text import footnote_refs, join_wrapped, normalize_key, strip_footnote_refs


@pytest.mark.parametrize(
    ("written", "clean"),
    [
        ("札幌市マイナンバーカードセンター ¹⁸⁷ の運営", "札幌市マイナンバーカードセンターの運営"),
        ("指定管理施設²⁰⁵におけるサービス向上", "指定管理施設におけるサービス向上"),
        ("RPA ¹⁹⁴ 等の積極的な活用", "RPA等の積極的な活用"),
    ],
)
def test_strip_footnote_refs(written, clean):
    assert strip_footnote_refs(written) == clean


def test_footnote_refs_ignore_note_markers():
    assert footnote_refs("冬も楽しむウォーキング 推進事業* ¹") == []
    assert footnote_refs("RPA ¹⁹⁴ やAI-OCR ¹⁹⁵ 等") == [194, 195]


def test_join_wrapped_only_between_japanese_characters():
    assert join_wrapped("タクシー券、 ガソリン券の 電子申請実施") == "タクシー券、ガソリン券の電子申請実施"
    assert join_wrapped("とよひら HANA-LAND 事業") == "とよひら HANA-LAND 事業"


def test_normalize_key_folds_width_spaces_and_footnotes():
    assert normalize_key("デジタル改革推進チーム（デジタルC o E） ¹⁸³ による") == "デジタル改革推進チーム(デジタルCoE)による"


def test_unknown_bureau_abbreviation_keeps_the_written_form():
    departments, more = parse_departments("謎) 企画部", bundled_profile().bureaus)
    assert departments[0].bureau is None and departments[0].name == "謎) 企画部"
    assert more is False
