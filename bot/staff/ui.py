"""The staff page (``/staff``, behind ``PLANQA_ADMIN_AUTH``): the report, and curated answers —
made from a cluster of unanswered questions, listed, removed. Everything typed is shown as text."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from bot.service import Bot
from bot.staff.report import Report, build_report
from bot.staff.report_render import to_html
from planqa.errors import QueryError

log = logging.getLogger(__name__)

CURATED_COLUMNS = ["ID", "状態", "利用回数", "質問", "回答", "根拠（チャンクID）"]
HITS_COLUMNS = ["チャンクID", "箇所", "区"]


def _since(text: str) -> datetime | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:
        raise QueryError(f"not a date: {text[:20]!r}", ja="日付は 2026-11-01 の形で入力してください。", field="since") from None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def build_staff_app(bot: Bot):
    import gradio as gr

    def report_for(since_text: str) -> Report:
        return build_report(bot.staff, bot.engine.index, bot.engine.embedder, _since(since_text),
                            bot.config.staff.cluster_threshold)

    def curated_rows() -> list[list]:
        bot.staff.curated.refresh(bot.engine.index)
        return [[a.id, f"要確認（{a.stale_reason}）" if a.stale else "配信中", a.hits, a.question, a.answer,
                 "\n".join(a.cited_ids)] for a in bot.staff.curated.all()]

    def refresh(since_text: str):
        try:
            report = report_for(since_text)
        except QueryError as exc:
            return gr.skip(), gr.skip(), exc.ja, gr.skip()
        choices = [(f"{c.count}件: {c.representative}"[:120], i) for i, c in enumerate(report.clusters)]
        # the largest cluster is chosen first: it is the one most worth an answer
        return (to_html(report), gr.Dropdown(choices=choices, value=0 if choices else None), "",
                report.to_record()["unanswered_clusters"])

    def draft_from_cluster(position, clusters):
        if position is None or not clusters or position >= len(clusters):
            return gr.skip(), gr.skip(), gr.skip(), "まずクラスタを選んでください。"
        cluster = clusters[position]
        hits = bot.engine.search(cluster["representative"], 5).hits
        return (cluster["representative"], "\n".join(cluster["examples"][1:]),
                "\n".join(h.chunk.id for h in hits[:1]),
                "下書きを作りました。回答を書き、根拠を確認して「追加」を押してください。")

    def find_sources(question: str):
        if not (question or "").strip():
            return []
        hits = bot.engine.search(bot.check_question(question), 8).hits
        return [[h.chunk.id, h.chunk.title, h.chunk.ward or ""] for h in hits]

    def add(question: str, variants: str, answer: str, cites: str):
        try:
            added = bot.staff.curated.add(question, answer, _lines(cites), bot.engine.index, "staff-ui", _lines(variants))
        except QueryError as exc:
            return exc.ja, gr.skip()
        return f"職員確認済みの回答 #{added.id} を追加しました。", curated_rows()

    def remove(curated_id):
        try:
            removed = bot.staff.curated.remove(int(curated_id))
        except (QueryError, TypeError, ValueError):
            return "その ID の回答はありません。", gr.skip()
        return f"#{removed.id} を削除しました。", curated_rows()

    with gr.Blocks(title="planqa 職員用") as app:
        gr.Markdown("# 職員用ページ\n答えられなかった質問の確認と、職員確認済みの回答の管理。")
        clusters = gr.State([])
        with gr.Tab("レポート"):
            with gr.Row():
                since = gr.Textbox(label="この日以降（YYYY-MM-DD、空欄で全期間）", elem_id="staff-since", max_length=20)
                update = gr.Button("更新", variant="primary", elem_id="staff-refresh")
            message = gr.Markdown("", elem_id="staff-report-message")
            report_html = gr.HTML("", elem_id="staff-report")
            with gr.Row():
                cluster = gr.Dropdown([], label="答えられなかった質問のクラスタ", elem_id="staff-cluster", type="value")
                draft = gr.Button("このクラスタから回答を作成", elem_id="staff-draft")
        with gr.Tab("職員確認済み回答"):
            status = gr.Markdown("", elem_id="staff-status")
            question = gr.Textbox(label="質問", elem_id="staff-question", max_length=1000)
            variants = gr.Textbox(label="ほかの言い方（1行に1つ）", lines=3, elem_id="staff-variants")
            answer = gr.Textbox(label="回答", lines=4, elem_id="staff-answer", max_length=4000)
            with gr.Row():
                cites = gr.Textbox(label="根拠のチャンクID（1行に1つ、1つ以上）", lines=2, elem_id="staff-cites")
                look = gr.Button("根拠の候補を探す", elem_id="staff-find")
            found = gr.Dataframe(headers=HITS_COLUMNS, value=[], interactive=False, wrap=True, elem_id="staff-found")
            save = gr.Button("追加", variant="primary", elem_id="staff-add")
            listing = gr.Dataframe(headers=CURATED_COLUMNS, value=curated_rows, interactive=False, wrap=True,
                                   elem_id="staff-curated")
            with gr.Row():
                remove_id = gr.Number(label="削除する ID", precision=0, elem_id="staff-remove-id")
                delete = gr.Button("削除", variant="stop", elem_id="staff-remove")
        update.click(refresh, since, [report_html, cluster, message, clusters], api_visibility="private")
        app.load(refresh, since, [report_html, cluster, message, clusters], api_visibility="private")
        draft.click(draft_from_cluster, [cluster, clusters], [question, variants, cites, status], api_visibility="private")
        look.click(find_sources, question, found, api_visibility="private")
        save.click(add, [question, variants, answer, cites], [status, listing], api_visibility="private")
        delete.click(remove, remove_id, [status, listing], api_visibility="private")
    app.queue(default_concurrency_limit=1, max_size=64)
    return app
