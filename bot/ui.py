"""The Gradio chat: a thin layer over `Bot` (Japanese-first; user text always shown inert)."""

from __future__ import annotations

import logging
from typing import Any, Callable

from bot.answer import Answer
from bot.furigana import ruby_html
from bot.render import inert_markdown, plain_text, safe_markdown, sources_html
from bot.service import Bot
from index.retrieve import Filters
from planqa.errors import QueryError
from planqa.limits import Limits

log = logging.getLogger(__name__)

ALL = "すべて"
KIND_CHOICES = [(ALL, ""), ("取組", "initiative"), ("事業群", "program"), ("用語", "glossary"), ("概要・本文", "narrative")]
CITIZEN_EXAMPLES = [
    "粗大ごみってネットで申し込めるようになる？",
    "土日でもマイナンバーカードを受け取れる場所はある？",
    "西区の防災の取り組みを教えて",
    "ナッジって何？",
]
STAFF_EXAMPLES = [
    "消防検査オンライン化 所管",
    "企業版ふるさと納税 寄付 目標",
    "マイナンバーカードセンター 交付人数 目標",
    "Which department is in charge of the My Number card center?",
]
# Two model-bound requests at a time: the embedding model is shared and the machine has two
# cores; a search takes ~30 ms, so queued requests wait milliseconds, not seconds.
CONCURRENCY = 2
CSS = """
.planqa-source {border:1px solid #d0d7de; border-radius:8px; padding:8px 10px; margin:8px 0;}
.planqa-n {font-weight:bold; color:#0969da;}
.planqa-ward {background:#ddf4ff; border-radius:4px; padding:0 6px; font-size:0.85em;}
.planqa-path, .planqa-location {color:#57606a; font-size:0.85em;}
.planqa-indicator {border-collapse:collapse; margin:6px 0; font-size:0.9em;}
.planqa-indicator th, .planqa-indicator td {border:1px solid #d0d7de; padding:2px 6px;}
.planqa-passage {margin:6px 0; padding-left:8px; border-left:3px solid #d0d7de;}
mark {background:#fff8c5;}
/* the last answer's readings, always rendered; shown only while the toggle is on (a class on <body>,
   set in the browser: no server event races a finishing answer) */
body:not(.planqa-show-furigana) #planqa-furigana {display:none;}
.planqa-furigana {line-height:2.2; font-size:1.05em; padding:6px 0;}
.planqa-furigana rt {font-size:0.6em; color:#57606a;}
"""


# The readings toggle, run in the browser: a class on <body> that the CSS shows them by
SHOW_FURIGANA = ("(show) => { document.body.classList.toggle('planqa-show-furigana', Boolean(show)); "
                 "return []; }")


def filters_from(ward: Any, bureau: Any, kind: Any) -> Filters:
    values = {}
    for name, value in (("ward", ward), ("department", bureau), ("kind", kind)):
        if value is not None and not isinstance(value, str):
            raise QueryError(f"{name} must be a string, got {type(value).__name__}",
                             ja="絞り込みの値が正しくありません。", field=name)
        if value and len(value) > 100:
            raise QueryError(f"{name} is {len(value):,} characters; the limit is 100", ja="絞り込みの値が長すぎます。",
                             field=name)
        values[name] = None if not value or value == ALL else value
    return Filters(**values)


def _terms(bot: Bot, question: str) -> list[str]:
    """Words of the (already bounded) question, for highlighting in the cited passages."""
    try:
        return bot.engine.index.analyzer.analyze(question[: bot.limits.max_question_chars])["word"]
    except Exception:  # highlighting is cosmetic; never fail an answer over it
        return []


def _bounded_history(history: Any, limits: Limits) -> list[dict]:
    """The chat history a client sent back: only well-formed messages, the latest few, each cut."""
    if not isinstance(history, list):
        return []
    kept = []
    for message in history[-limits.max_history_messages :]:
        if not isinstance(message, dict) or message.get("role") not in ("user", "assistant"):
            continue
        content = message.get("content")
        if not isinstance(content, str):
            content = "".join(p.get("text", "") for p in content if isinstance(p, dict)
                              and isinstance(p.get("text"), str)) if isinstance(content, list) else ""
        kept.append({"role": message["role"], "content": content[: limits.max_history_message_chars]})
    return kept


def check_history(history: Any, limits: Limits) -> list[str]:
    """Earlier questions of a conversation, as an API sends them: strings or ``{"question": …}`` objects."""
    if history in (None, ""):
        return []
    if not isinstance(history, list) or len(history) > limits.max_history_messages:
        raise QueryError(f"history must be a list of at most {limits.max_history_messages} earlier questions",
                         ja="会話履歴の形式が正しくありません。", field="history")
    questions = []
    for item in history:
        question = item.get("question") if isinstance(item, dict) else item
        if not isinstance(question, str) or len(question) > limits.max_question_chars:
            raise QueryError(f"history items must be questions (strings of at most {limits.max_question_chars} "
                             "characters)", ja="会話履歴の形式が正しくありません。", field="history")
        questions.append(question)
    return questions


def api_call(handler: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run an API handler: a domain error becomes ``{"error", "field"}``; anything else is logged
    and answered with a generic error (no Python internals reach the client)."""
    try:
        return handler()
    except QueryError as exc:
        return {"error": str(exc), **({"field": exc.field} if exc.field else {})}
    except Exception:
        log.exception("API request failed")
        return {"error": "internal error; the server logged the details"}


def build_app(bot: Bot):
    """The Blocks app; every handler goes through the same `Bot` instance."""
    import gradio as gr

    chunks = bot.engine.index.chunks
    profile = bot.engine.index.profile
    limits = bot.limits
    wards = list(dict.fromkeys(c.ward for c in chunks if c.ward))
    bureaus = sorted({d.bureau for c in chunks for d in c.departments if d.bureau})

    def respond(question: str, history: list[dict], ward: str, bureau: str, kind: str, asked: list[str] | None = None):
        """One chat turn. ``asked`` (per browser session, never shared) holds this session's earlier
        questions, so a follow-up (「それの所管は？」) is answered in context."""
        asked = [q for q in (asked or []) if isinstance(q, str)][-bot.config.conversation.max_turns:]
        history = _bounded_history(history, limits)
        question = question if isinstance(question, str) else ""
        shown = question if len(question) <= limits.max_question_chars else question[:100] + "…"
        history.append({"role": "user", "content": inert_markdown(shown)})
        history.append({"role": "assistant", "content": ""})
        try:
            question = bot.check_question(question)
            final: Answer | None = None
            for partial, answer in bot.stream(question, filters_from(ward, bureau, kind), asked):
                history[-1] = {"role": "assistant", "content": safe_markdown(partial)}
                final = answer or final
                if answer is None:
                    yield history, gr.skip(), gr.skip(), gr.skip(), "", gr.skip(), gr.skip()
            assert final is not None
            text = final.text + "".join(f"\n※ {note}" for note in final.notes)
            history[-1] = {"role": "assistant", "content": safe_markdown(text)}
            record = {"question": question, "answer": final.text, "cited_ids": [c.hit.chunk.id for c in final.citations]}
            yield (history, sources_html(final, _terms(bot, question), profile), plain_text(final, profile), record, "",
                   [*asked, question], gr.Dataset(samples=[[s] for s in final.suggestions]))
        except QueryError as exc:
            history[-1] = {"role": "assistant", "content": inert_markdown(exc.ja)}
            yield history, sources_html(None, []), "", None, shown, asked, gr.skip()
        except Exception:
            log.exception("answer failed")
            history[-1] = {"role": "assistant", "content": "申し訳ありません。内部エラーが発生しました。もう一度お試しください。"}
            yield history, sources_html(None, []), "", None, shown, asked, gr.skip()

    def refresh_furigana(record: dict | None):
        """After an answer: its ruby readings over its kanji (built from escaped text), whether shown or not.
        The toggle only shows or hides them in the browser (`SHOW_FURIGANA`): a server event per toggle raced
        the answer's own update of the same element, and the readings were sometimes never shown."""
        return ruby_html(record["answer"], bot.engine.index.analyzer) if record else gr.skip()

    def feedback(rating: str, comment: str, record: dict | None):
        if not record:
            return "評価する回答がまだありません。", comment
        try:
            bot.staff.feedback.add(rating, record["question"], record["answer"], record["cited_ids"], comment,
                                   source="web")
        except QueryError as exc:
            return inert_markdown(exc.ja if exc.ja != str(exc) else "ご意見を記録できませんでした（長すぎます）。"), comment
        return ("ご意見ありがとうございました（記録しました）。", "")

    def ask_api(question: str, ward: str = "", department: str = "", kind: str = "",
                history: list[str] | None = None) -> dict[str, Any]:
        """Answer a question from the plan: {answer, abstained, confidence, citations, suggestions, …} or
        {error, field}. ``history``: the conversation's earlier questions, oldest first (follow-ups)."""
        return api_call(lambda: bot.reply(bot.check_question(question), filters_from(ward, department, kind),
                                          check_history(history, limits), channel="gradio-api").to_record())

    def feedback_api(rating: str, question: str, answer: str, cited_ids: list[str], comment: str = "") -> dict[str, Any]:
        """Record feedback on an answer (rating 'good' or 'bad') in the feedback log."""
        def record() -> dict[str, Any]:
            bot.staff.feedback.add(rating, question, answer, cited_ids, comment, source="gradio-api")
            return {"ok": True}

        return api_call(record)

    title = f"{profile.short_title or profile.title} Q&A"
    with gr.Blocks(title=title) as app:
        gr.Markdown(
            f"# {title}\n"
            f"{profile.scope_ja or profile.name_ja}の本文だけを根拠に回答し、"
            "根拠となった箇所を「出典」に示します。計画に書かれていないことには「記載なし」とお答えします。"
        )
        with gr.Row():
            with gr.Column(scale=3):
                # latex_delimiters=[]: text is shown as typed, never typeset ($$x^2$$ stays $$x^2$$)
                chat = gr.Chatbot(label="会話", height=480, sanitize_html=True, allow_tags=False,
                                  buttons=["copy"], elem_id="planqa-chat", feedback_options=None,
                                  latex_delimiters=[])
                question = gr.Textbox(label="質問", placeholder="例: 粗大ごみってネットで申し込めるようになる？",
                                      lines=2, max_lines=6, elem_id="planqa-question",
                                      max_length=limits.max_question_chars)
                with gr.Row():
                    send = gr.Button("送信", variant="primary", elem_id="planqa-send")
                    clear = gr.Button("会話をクリア", elem_id="planqa-clear")
                    show_furigana = gr.Checkbox(False, label="ふりがなを表示", elem_id="planqa-furigana-toggle")
                furigana = gr.HTML("", elem_id="planqa-furigana")
                with gr.Accordion("絞り込み", open=False):
                    ward = gr.Dropdown([ALL, *wards], value=ALL, label="区", elem_id="planqa-ward")
                    bureau = gr.Dropdown([ALL, *bureaus], value=ALL, label="所管局", elem_id="planqa-bureau")
                    kind = gr.Dropdown(KIND_CHOICES, value="", label="種類", elem_id="planqa-kind")
                chips = gr.Dataset(components=[gr.Textbox(visible=False)], samples=[], type="values",
                                   label="次の質問の候補（クリックで質問します）", elem_id="planqa-suggestions")
                gr.Examples(CITIZEN_EXAMPLES, inputs=question, label="市民の方の質問例")
                gr.Examples(STAFF_EXAMPLES, inputs=question, label="職員向けの検索例")
            with gr.Column(scale=2):
                sources = gr.HTML(sources_html(None, []), label="出典", elem_id="planqa-sources")
                copy_box = gr.Textbox(label="回答と出典（コピーして返信に使えます）", lines=6, interactive=False,
                                      buttons=["copy"], elem_id="planqa-copy")
                with gr.Group():
                    comment = gr.Textbox(label="この回答へのご意見（任意）", lines=1, elem_id="planqa-comment",
                                         max_length=limits.max_comment_chars)
                    with gr.Row():
                        good = gr.Button("役に立った", elem_id="planqa-good")
                        bad = gr.Button("役に立たなかった", elem_id="planqa-bad")
                    status = gr.Markdown("", elem_id="planqa-feedback-status")
        last = gr.State(None)
        asked = gr.State([])  # this browser session's questions: follow-ups are read in their context

        outputs = [chat, sources, copy_box, last, question, asked, chips]
        inputs = [question, chat, ward, bureau, kind, asked]
        send.click(respond, inputs, outputs, api_name="chat",
                   concurrency_limit=CONCURRENCY, concurrency_id="model").then(
            refresh_furigana, last, furigana, api_visibility="private")
        show_furigana.change(None, show_furigana, None, js=SHOW_FURIGANA, api_visibility="private")
        chips.click(lambda chosen: chosen[0] if chosen else "", chips, question, api_visibility="private").then(
            respond, inputs, outputs, api_visibility="private", concurrency_limit=CONCURRENCY, concurrency_id="model").then(
            refresh_furigana, last, furigana, api_visibility="private")
        question.submit(respond, inputs, outputs, api_visibility="private",
                        concurrency_limit=CONCURRENCY, concurrency_id="model").then(
            refresh_furigana, last, furigana, api_visibility="private")
        clear.click(lambda: ([], sources_html(None, []), "", None, [], gr.Dataset(samples=[]), ""), None,
                    [chat, sources, copy_box, last, asked, chips, furigana],
                    api_visibility="private")
        good.click(lambda c, r: feedback("good", c, r), [comment, last], [status, comment], api_visibility="private")
        bad.click(lambda c, r: feedback("bad", c, r), [comment, last], [status, comment], api_visibility="private")
        gr.api(ask_api, api_name="ask", concurrency_limit=CONCURRENCY, concurrency_id="model")
        gr.api(feedback_api, api_name="feedback", concurrency_limit=None)
    app.queue(default_concurrency_limit=CONCURRENCY, max_size=512)
    return app
