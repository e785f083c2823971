"""Documents without the plan's layout go through the generic heading/paragraph chunker."""

from __future__ import annotations

from ingest.generic import parse_generic
from ingest.plan import parse_document


def test_markdown_headings_become_the_section_path():
    doc = parse_document(
        "# 除雪のお知らせ\n\n## 生活道路\n\n生活道路の除雪は大雪時に行います。\n\n二段落目です。\n\n## 幹線道路\n\n幹線は毎日です。\n",
        "notes.md",
        "notes",
    )
    assert doc.layout == "generic"
    assert [(c.title, c.section, c.text) for c in doc.chunks] == [
        ("生活道路", ("除雪のお知らせ", "生活道路"), "生活道路の除雪は大雪時に行います。"),
        ("生活道路", ("除雪のお知らせ", "生活道路"), "二段落目です。"),
        ("幹線道路", ("除雪のお知らせ", "幹線道路"), "幹線は毎日です。"),
    ]
    assert [c.id for c in doc.chunks] == ["notes#L5", "notes#L7", "notes#L11"]
    assert all(c.kind == "narrative" for c in doc.chunks)


def test_long_paragraph_is_cut_at_sentence_ends_under_the_cap():
    sentence = "これは長い段落の一文です。" * 200
    result = parse_generic([(1, sentence)], max_chars=100)
    assert len(result.drafts) > 20
    chunks = [d.freeze("x.txt") for d in result.drafts]
    assert all(len(c.text) <= 100 for c in chunks)
    assert all(c.text.endswith("。") for c in chunks)
    assert "".join(c.text for c in chunks) == sentence


def test_unbroken_text_is_hard_cut():
    result = parse_generic([(1, "あ" * 250)], max_chars=100)
    assert [len(d.text_lines[0]) for d in result.drafts] == [100, 100, 50]
