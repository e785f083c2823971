"""Feedback log under concurrent writers; inert rendering of user text; copyable plain text."""

from __future__ import annotations

import threading

import pytest

from bot.feedback import FeedbackLog
from bot.staff.db import open_store
from bot.render import highlight, inert_markdown, plain_text, sources_html
from planqa.errors import QueryError


def test_concurrent_feedback_rows_are_whole_and_none_lost(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'planqa.db'}")
    feedback = FeedbackLog(store)
    long_answer = "回答" * 3000

    def writer(worker):
        for i in range(25):
            feedback.add("good" if i % 2 else "bad", f"q{worker}-{i}", long_answer, [f"id{i}"], "コメント")

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    records = feedback.entries()
    assert len(records) == 200
    assert {r["question"] for r in records} == {f"q{w}-{i}" for w in range(8) for i in range(25)}
    assert all(r["answer"] == long_answer and r["cited_ids"] == [f"id{r['question'].split('-')[1]}"] for r in records)


def test_feedback_rejects_unknown_rating(tmp_path):
    feedback = FeedbackLog(open_store(f"sqlite:///{tmp_path / 'planqa.db'}"))
    with pytest.raises(QueryError, match="rating must be 'good' or 'bad'"):
        feedback.add("meh", "q", "a", [])
    assert feedback.entries() == []


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "![img](http://127.0.0.1:1/x.png)",
        "**bold** `code` # heading",
    ],
)
def test_user_text_is_inert(hostile):
    rendered = inert_markdown(hostile)
    assert "<" not in rendered and ">" not in rendered
    assert "](" not in rendered and "![" not in rendered and "://" not in rendered
    assert "**" not in rendered and "`" not in rendered.replace("\\`", "")


def test_highlight_escapes_and_marks_terms():
    out = highlight("大型ごみの<申込>について", ["大型ごみ", "申込"])
    assert out == "<mark>大型ごみ</mark>の&lt;<mark>申込</mark>&gt;について"


def test_sources_and_plain_text(mini_bot):
    answer = mini_bot.answer("大型ごみ インターネット 所管")
    html_out = sources_html(answer, ["大型ごみ"])
    assert "[1]" in html_out and "<mark>大型ごみ</mark>" in html_out and "所管" in html_out
    assert "<table class='planqa-indicator'>" in html_out and "2022年" in html_out
    text = plain_text(answer)
    assert text.startswith(answer.text)
    assert "[1] 大型ごみ収集のオンライン化" in text and "所管 環境局 環境事業部" in text


def test_answer_markdown_keeps_citations_but_no_links():
    from bot.render import safe_markdown

    out = safe_markdown("「A」[1]。 [x](javascript:alert(1)) <b>b</b> http://example.invalid")
    assert "[1]" in out and "](" not in out and "<b>" not in out and "://" not in out
