"""Abbreviations the plan spells out become phrasings of the plan's full names."""

from __future__ import annotations

from ingest.abbreviations import spelled_out, with_abbreviations
from ingest.profile import bundled_profile

PLAN = ("誰もが読みやすいUD（ユニバーサルデザイン）フォントの活用や、CUD（カラーユニバーサルデザイン ¹⁹⁰ ）の推進。"
        "成果連動型民間委託契約方式(PFS)を活用します。人工知能（AI）を使います。AIの活用。生成AIの利用。")


def test_an_abbreviation_spelled_out_after_or_before_it_is_found_with_its_full_name():
    assert spelled_out([PLAN]) == {"UD": "ユニバーサルデザイン", "CUD": "カラーユニバーサルデザイン",
                                   "PFS": "成果連動型民間委託契約方式"}  # AI: written more often than 人工知能


def test_a_question_naming_only_the_abbreviation_is_also_searched_with_the_full_name():
    profile = with_abbreviations(bundled_profile(), [PLAN])
    assert profile.plan_terms("CUDってなに？") == ["カラーユニバーサルデザイン"]
    assert profile.plan_terms("カラーユニバーサルデザインってなに？") == []  # already named
    assert profile.plan_terms("cudってなに？") == []  # written in capitals: matched in capitals
    assert profile.aliases["アクションプラン 2019"] == bundled_profile().aliases["アクションプラン 2019"]


def test_the_bundled_plan_ingested_knows_its_abbreviations():
    from ingest.config import BUNDLED_PLAN
    from ingest.pipeline import ingest_paths

    assert "CUD" in ingest_paths([BUNDLED_PLAN]).profile.aliases["カラーユニバーサルデザイン"]
