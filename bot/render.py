"""Render answers and sources for the UI: everything dynamic is escaped, so a question that
contains ``<script>``, ``<img onerror>`` or a Markdown link shows as text and never runs."""

from __future__ import annotations

import html
import re
import unicodedata

from bot.answer import Answer
from ingest.display import department_names, departments_with_written, measure_text, place
from ingest.profile import PlanProfile, bundled_profile

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]()!#|~])")


def inert_markdown(text: str) -> str:
    """Text shown literally by a Markdown renderer: HTML escaped, Markdown syntax backslashed."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return escaped.replace("://", "&#58;//").replace("\n", "  \n")  # no autolinks either


def safe_markdown(text: str) -> str:
    """Lighter variant for answers built from plan text: HTML escaped, links/images/code and
    autolinks neutralised, while ``[1]`` citation markers stay readable."""
    escaped = html.escape(text, quote=False)
    for needle, replacement in (("](", "]&#40;"), ("![", "&#33;["), ("://", "&#58;//"), ("`", "&#96;")):
        escaped = escaped.replace(needle, replacement)
    return escaped.replace("\n", "  \n")


def highlight(text: str, terms: list[str]) -> str:
    """HTML-escaped ``text`` with every occurrence of ``terms`` wrapped in ``<mark>``."""
    folded = unicodedata.normalize("NFKC", text).lower()
    spans: list[tuple[int, int]] = []
    if len(folded) == len(text):  # NFKC kept offsets aligned: match on the folded text
        for term in sorted({t for t in terms if len(t) >= 2}, key=len, reverse=True):
            for match in re.finditer(re.escape(term), folded):
                if not any(s < match.end() and match.start() < e for s, e in spans):
                    spans.append((match.start(), match.end()))
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(html.escape(text[last:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def sources_html(answer: Answer | None, terms: list[str], profile: PlanProfile | None = None) -> str:
    """The sources panel: one card per cited passage."""
    if answer is None:
        return "<div class='planqa-sources-empty'>質問すると、回答の根拠となった計画の箇所がここに表示されます。</div>"
    if not answer.citations:
        return "<div class='planqa-sources-empty'>該当する箇所はありません。</div>"
    profile = profile or bundled_profile()
    heading = "近い話題（該当なし）" if answer.abstained else "出典"
    cards = [f"<h3 class='planqa-sources-title'>{heading}</h3>"]
    for citation in answer.citations:
        chunk = citation.hit.chunk
        path = " › ".join(chunk.section)
        rows = [f"<div class='planqa-path'>{html.escape(path)}</div>"]
        if chunk.departments:
            names = departments_with_written(chunk)
            rows.append(f"<div><b>所管</b>: {html.escape(names)}{' ほか' if chunk.departments_more else ''}</div>")
        if chunk.indicator:
            base = chunk.baseline.value if chunk.baseline else "—"
            base_year = chunk.baseline.year if chunk.baseline else profile.baseline_year
            target_year = chunk.target.year if chunk.target else profile.target_year
            target = chunk.target.value if chunk.target else "—"
            rows.append(
                f"<table class='planqa-indicator'><tr><th>目標（指標）</th><th>{base_year}年</th>"
                f"<th>{target_year}年</th></tr><tr><td>{html.escape(chunk.indicator)}</td>"
                f"<td>{html.escape(base)}</td><td>{html.escape(target)}</td></tr></table>"
            )
        rows.append(f"<blockquote class='planqa-passage'>{highlight(chunk.text, terms)}</blockquote>")
        if chunk.notes:
            rows.append("<div class='planqa-notes'>" + "<br>".join(html.escape(n) for n in chunk.notes) + "</div>")
        pages = "、".join(f"P.{p}" for p in chunk.page_refs)
        location = f"{chunk.source.file} {chunk.source.line_start}–{chunk.source.line_end}行"
        rows.append(f"<div class='planqa-location'>掲載箇所: {html.escape(location)}"
                    f"{'（計画本編 ' + html.escape(pages) + '）' if pages else ''}</div>")
        ward = f"<span class='planqa-ward'>{html.escape(chunk.ward)}</span>" if chunk.ward else ""
        cards.append(
            f"<div class='planqa-source' id='source-{citation.n}'>"
            f"<div class='planqa-source-head'><span class='planqa-n'>[{citation.n}]</span> "
            f"<b>{html.escape(chunk.title)}</b> {ward}</div>{''.join(rows)}</div>"
        )
    return "".join(cards)


def plain_text(answer: Answer, profile: PlanProfile | None = None) -> str:
    """Answer plus sources as plain text, for call-center staff to paste into replies."""
    profile = profile or bundled_profile()
    lines = [answer.text, ""]
    lines += [f"※ {note}" for note in answer.notes]
    lines.append(f"出典（{profile.short_title}）:" if not answer.abstained else "近い話題:")
    for citation in answer.citations:
        chunk = citation.hit.chunk
        detail = []
        if chunk.departments:
            detail.append("所管 " + department_names(chunk))
        if chunk.indicator:
            detail.append(f"目標 {chunk.indicator}（{measure_text(chunk, profile)}）")
        suffix = f"：{'／'.join(detail)}" if detail else ""
        lines.append(f"[{citation.n}] {chunk.title}（{place(chunk)}、{chunk.source.line_start}–{chunk.source.line_end}行）"
                     f"{suffix}")
    return "\n".join(lines)
