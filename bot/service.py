"""The bot API shared by the Gradio UI, the CLI and the tests: ``Bot.answer(question, filters)``."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from bot.answer import Answer, Citation
from bot.compose import (
    asks_the_wards_goals,
    compose,
    goal_headings,
    listed_facts,
    plan_count,
    ward_goals,
    whole_list,
)
from bot.config import BotConfig
from bot.conversation import Resolution, Turn, apply, of_the_ward, on_topic, resolve
from bot.detail import detail
from bot.program_facts import with_program_facts
from bot.suggest import suggest
from index.engine import SearchEngine, SearchResult
from index.intent import asks_department_list, asks_whole_list
from index.query import Query
from index.retrieve import Filters, filter_mask
from planqa.errors import QueryError
from planqa.limits import Limits

if TYPE_CHECKING:
    from bot.staff.curated import CuratedAnswer
    from bot.staff.desk import StaffDesk
    from ingest.chunk import Chunk

log = logging.getLogger(__name__)


class Bot:
    """Answers questions from the plan with citations; loads model and index once.

    Example:
        >>> bot = Bot()  # doctest: +SKIP
        >>> bot.answer("企業版ふるさと納税で寄付をどれだけ増やす目標ですか？").text.splitlines()[0]  # doctest: +SKIP
        '「企業版ふるさと納税促進事業」の目標は「事業による寄付の増加額」で、2022年: — → 2027年: 20,000千円 です [1]。'
    """

    def __init__(self, config: BotConfig | None = None, engine: SearchEngine | None = None) -> None:
        self.config = config or BotConfig()
        self.engine = engine if engine is not None else SearchEngine(self.config.index)
        self._desk: StaffDesk | None = None
        self._desk_lock = threading.Lock()

    @property
    def staff(self) -> StaffDesk:
        """The staff database (query log, feedback, curated answers), opened on first use; curated
        answers are checked against the loaded index then (stale ones stop being served)."""
        if self._desk is None:
            with self._desk_lock:
                if self._desk is None:
                    from bot.staff.desk import StaffDesk

                    desk = StaffDesk.open(self.config.db_url, self.config.staff, self.limits, self.config.feedback_log)
                    desk.curated.refresh(self.engine.index)
                    self._desk = desk
        return self._desk

    def reload(self) -> dict:
        """Switch to the index generation on disk; curated answers whose passages changed turn stale."""
        manifest = self.engine.reload()
        if self._desk is not None:
            self._desk.curated.refresh(self.engine.index)
        return manifest

    def close(self) -> None:
        if self._desk is not None:
            self._desk.close()
            self._desk = None

    @property
    def limits(self) -> Limits:
        return self.engine.config.limits

    def check_question(self, question: Any) -> str:
        """The question as the chat and the HTTP APIs accept it: a string within the length limit.

        (``planqa ask`` / ``search`` instead cut an over-long question and say so in a note.)
        """
        limit = self.limits.max_question_chars
        if not isinstance(question, str):
            raise QueryError(f"question must be a string, got {type(question).__name__}",
                             ja="質問は文字列で指定してください。", field="question")
        if len(question) > limit:
            raise QueryError(f"question is {len(question):,} characters; the limit is {limit:,}",
                             ja=f"質問が長すぎます（{len(question):,}文字）。{limit:,}文字以内で入力してください。",
                             field="question")
        return question

    def retrieve(self, question: str | Query, filters: Filters | None = None) -> SearchResult:
        # every retrieved paragraph: a narrative answer quotes the one that holds the asked fact
        return self.engine.search(question, self.config.k, self.config.retriever, filters, per_passage=False)

    def answer(self, question: str | Query, filters: Filters | None = None, history: Sequence[str] = ()) -> Answer:
        """Extractive answer (or, when configured, a generated one checked against the hits).

        ``history``: the earlier questions of the conversation, oldest first; they are replayed (the
        last `ConversationSettings.max_turns`) so a follow-up is read in context, statelessly.
        """
        recent = list(history)[len(history) - self.config.conversation.max_turns:] if history else []
        return self.dialogue([*recent, question], filters)[-1]

    def reply(self, question: str, filters: Filters | None = None, history: Sequence[str] = (),
              channel: str = "api", log_query: bool = True) -> Answer:
        """What a user gets: a curated answer (職員確認済み) when one is close enough, else `answer`;
        logged in the query log (masked) unless logging is off."""
        started = time.perf_counter()
        answer = self.curated_answer(question) or self.answer(question, filters, history)
        if log_query and self.config.staff.query_log:
            try:
                self.staff.queries.record(answer, filters, channel, (time.perf_counter() - started) * 1000)
            except Exception as exc:  # the log must never cost the citizen an answer
                log.warning("query log write failed: %s", exc)
        return answer

    def curated_answer(self, question: str) -> Answer | None:
        """The closest curated answer as an `Answer` (its hit counted), or None."""
        try:
            desk = self.staff
            found = desk.matcher.match(question, self.engine.embedder, self.ward_of)
        except Exception as exc:
            log.warning("curated answers unavailable: %s", exc)
            return None
        if found is None:
            return None
        curated, similarity = found
        try:
            hits = desk.curated.record_hit(curated.id)
        except Exception as exc:
            log.warning("could not count a curated answer hit: %s", exc)
            hits = curated.hits + 1
        return self._curated(question, curated, similarity, hits)

    def ward_of(self, question: str) -> str | None:
        """The ward a question names (in the plan or another ward), or None."""
        intent = self.engine.understand(question, self.config.k).intent
        return intent.ward or intent.other_ward

    def _curated(self, question: str, curated: CuratedAnswer, similarity: float, hits: int) -> Answer:
        from index.hit import Hit

        index = self.engine.index
        citations = tuple(Citation(n, Hit(index.chunks[index.rows[cid]], similarity, n, {"curated": similarity}))
                          for n, cid in enumerate(curated.cited_ids, start=1) if cid in index.rows)
        sources = "、".join(f"「{c.hit.chunk.title}」[{c.n}]" for c in citations)
        text = f"【職員確認済みの回答】\n{curated.answer}\n（根拠: {sources}）"
        english = self.engine.understand(question, self.config.k).language == "en"
        if english:
            text = "[Answer checked by city staff]\n" + text
        note = (f"職員が確認した回答です（ID {curated.id}、これまでに {hits} 回利用、"
                f"{curated.created_at.date().isoformat()} 登録）。")
        return Answer(question, text, citations, similarity, False, "curated", "en" if english else "ja",
                      notes=(note,), curated_id=curated.id, curated_hits=hits)

    def dialogue(self, questions: Sequence[str | Query], filters: Filters | None = None) -> list[Answer]:
        """Answer each question in the context of the ones before it."""
        turns: list[Turn] = []
        shown: set[str] = set()
        presented: set[str] = set()
        for question in questions:
            turn = self._turn(question, filters, turns, shown, presented)
            shown |= {c.hit.chunk.id for c in turn.answer.citations}
            presented |= {c.hit.chunk.id for c in turn.answer.presented}
            turns.append(turn)
        return [turn.answer for turn in turns]

    def _turn(self, question: str | Query, filters: Filters | None, turns: Sequence[Turn], shown: set[str],
              presented: set[str]) -> Turn:
        engine, settings = self.engine, self.config.conversation
        previous = turns[-1] if turns else None
        query = question if isinstance(question, Query) else engine.understand(question, self.config.k, filters)
        resolution = resolve(query, previous, shown, engine.index.profile, engine.index.analyzer, turns[:-1],
                             engine.index.chunks, presented)
        result, answer = self._resolved(query, resolution, filters)
        fallback = on_topic(query, resolution, previous)
        if fallback is not None and not answer.abstained and answer.confidence < settings.weak_reading and \
                answer.citations and answer.citations[0].hit.chunk.id != fallback.topic.id:
            # 「小学校の授業でも使ってるって聞いた」 after 豊平区's ring avenue: read alone, it finds nothing of its own
            # with confidence — it is about the topic (its 地元小学生の総合学習)
            resolution = fallback
            result, answer = self._resolved(query, resolution, filters)
        asked = of_the_ward(query, resolution, previous, engine.index.profile)
        if asked is not None and (answer.abstained or not answer.citations
                                  or answer.citations[0].hit.chunk.ward != asked.ward):
            # 「隣の市は？」 after 手稲区's overview found a city-wide passage: asked of the ward instead
            resolution = asked
            result, answer = self._resolved(query, resolution, filters)
        if self.config.llm.enabled and not answer.abstained:
            from bot.llm import generate

            answer = generate(answer, self.config.llm, result.profile)
        if resolution.understood_as and answer.intent != "smalltalk":  # 「ありがとう！」 is about no passage
            answer = replace(answer, text=f"（{resolution.understood_as}）\n{answer.text}",
                             understood_as=resolution.understood_as)
        answer = replace(answer, suggestions=suggest(answer, result.profile))
        context = resolution.topic
        if context is None and previous is not None and answer.abstained and answer.citations and \
                (topic := previous.topic) is not None and answer.citations[0].hit.chunk.id == topic.id:
            context = topic  # a fact the plan lacks, asked of the same passage (「今日は何分待ち？」): the topic stays
        elif context is None and answer.abstained and answer.topic_found and answer.citations:
            context = answer.citations[0].hit.chunk  # 「…って誰でも参加できる？」 refused, its passage found: the topic
        elif context is None and previous is not None and answer.abstained and not answer.topic_found:
            # a follow-up nothing in the plan answers (「どんな町と？」 of the partnered towns): the conversation is
            # still about the topic before it (「それの目標は？」 next asks the partnership's target)
            context = previous.topic
        asked = question if isinstance(question, str) else question.text
        return Turn(asked, result.query, answer, context, own_words=resolution is fallback)

    def _resolved(self, query: Query, resolution: Resolution,
                  filters: Filters | None) -> tuple[SearchResult, Answer]:
        """The search and the composed answer for a message (``query``, understood alone) read as
        ``resolution``."""
        engine, settings = self.engine, self.config.conversation
        if resolution.rewrite is not None:
            query = engine.understand(resolution.rewrite, self.config.k, filters)
        in_context = resolution.in_context or (resolution.ward is not None and query.intent.ward is None)
        query = apply(resolution, query, settings.topic_boost, settings.shown_penalty)
        like = resolution.like or resolution.alike
        alike = engine.index.most_alike(like, resolution.ward) if like is not None else None
        if alike is not None:
            query = replace(query, boost=(*query.boost, (alike.id, settings.topic_boost)))
        result = self.retrieve(query, filters)
        relevance = self.config.relevance
        if in_context:
            relevance = replace(relevance, threshold=relevance.threshold - settings.followup_relevance_margin)
        asked_of = resolution.topic if resolution.kind == "same_topic" else None
        alike_of = (resolution.alike or resolution.like) if resolution.kind == "other_ward" else None
        answer = compose(result.query, result.hits, result.profile, relevance, self.config.answer, in_context,
                         asked_of, alike_of)
        # 「窓口における利便性の向上 目標」, 「… 所管」: a program states neither; its initiatives answer
        answer = with_program_facts(answer, engine.index.chunks, result.profile)
        ward = result.query.intent.ward
        whole = not in_context and (filters is None or filters.is_empty())  # asked alone, of the whole plan
        chunks = engine.index.chunks
        department = asks_department_list(result.query.text, _departments(chunks)) if whole else None
        # (the staff filter's own department match: `index.retrieve.filter_mask`)
        mask = (filter_mask(engine.index, Filters(department=department, kind="initiative"))
                if department else None)
        run_by = [chunk for chunk, kept in zip(chunks, mask, strict=True) if kept] if mask is not None else []
        english_ward = result.profile.english_ward(ward) if ward else ""
        if run_by:
            # 「子ども未来局の取組は？」, 「スマートシティ推進部が担当してる事業」: every initiative it runs
            answer = whole_list(result.query, run_by, result.profile, department=department)
        elif whole and asks_whole_list(result.query.text, ward, english_ward):
            # 「清田区の取組を全部教えて」: every initiative of the ward, not the best one and three related
            listed = [chunk for chunk in chunks if chunk.ward == ward and chunk.kind == "initiative"]
            if ward is None:  # 「全部で取組はいくつあるの？」: the whole plan's, counted
                answer = plan_count(result.query, chunks, result.profile)
            elif listed:
                answer = whole_list(result.query, listed, result.profile)
        elif whole and asks_the_wards_goals(result.query, result.profile) and \
                (goals := goal_headings(chunks, ward or "")):
            # 「豊平区の目標は？」: the ward's goal headings, not its first with the initiatives under it
            answer = ward_goals(result.query, goals, result.profile)
        if resolution.listed:  # 「所管は？」 after a ward's whole list: every line's
            index = engine.index
            answer = listed_facts(result.query, [index.chunks[index.rows[cid]] for cid in resolution.listed
                                                 if cid in index.rows], result.profile)
        elif resolution.detail and resolution.topic is not None:
            # 「もっと詳しく」: everything the plan says about the topic, not the same answer again
            answer = detail(query.text, resolution.topic, engine.index.chunks, result.profile,
                            result.query.intent.language == "en")
        if result.notes:
            answer = _with_notes(answer, result.notes)
        return result, answer

    def stream(self, question: str, filters: Filters | None = None, history: Sequence[str] = (),
               channel: str = "chat") -> Iterator[tuple[str, Answer | None]]:
        """Yield the answer (`reply`) text as it grows, then ``(full text, Answer)`` once."""
        answer = self.reply(question, filters, history, channel)
        text = answer.text
        step = max(8, len(text) // 24)
        for end in range(step, len(text), step):
            yield text[:end], None
        yield text, answer


def _with_notes(answer: Answer, notes: tuple[str, ...]) -> Answer:
    return replace(answer, notes=tuple(answer.notes) + tuple(notes))


def _departments(chunks: Sequence[Chunk]) -> set[str]:
    """The bureaus and divisions in charge of the plan's passages (子ども未来局, スマートシティ推進部)."""
    return {name for chunk in chunks for department in chunk.departments
            for name in (department.bureau, department.division) if name}
