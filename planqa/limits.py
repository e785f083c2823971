"""Every bound on input size, in one place: what the UI, the HTTP APIs and the CLI accept.

A request over a limit gets a clear refusal (a one-line CLI error, a 4xx JSON error naming the
field, a Japanese message in the chat), never a crash or a large allocation. The README's
reliability section lists these defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planqa.settings import env_int

MIB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """Input bounds; ``PLANQA_MAX_*`` environment variables override the first five.

    Attributes:
        max_question_chars: a question longer than this is refused in the chat and the APIs, and
            cut to this length by ``planqa search`` (the search path never sees more).
        max_body_bytes: HTTP request body; larger requests get 413 before anything parses them.
        max_corpus_file_bytes: one input document for ``planqa ingest`` / ``planqa index``.
        max_batch_file_bytes: a ``--batch`` / ``--questions`` / ``--chunks`` file.
        max_batch_line_bytes: one line of such a file.
    """

    max_question_chars: int = field(default_factory=lambda: env_int("PLANQA_MAX_QUESTION_CHARS", 1000, 1))
    max_body_bytes: int = field(default_factory=lambda: env_int("PLANQA_MAX_BODY_BYTES", 1 * MIB, 1024))
    max_corpus_file_bytes: int = field(default_factory=lambda: env_int("PLANQA_MAX_CORPUS_BYTES", 64 * MIB, 1))
    max_batch_file_bytes: int = field(default_factory=lambda: env_int("PLANQA_MAX_BATCH_BYTES", 32 * MIB, 1))
    max_batch_line_bytes: int = field(default_factory=lambda: env_int("PLANQA_MAX_BATCH_LINE_BYTES", 64 * 1024, 64))
    # Chat history a client sends back with each message: only the latest messages are kept, each cut.
    max_history_messages: int = 40
    max_history_message_chars: int = 8000
    # Feedback records: every field typed and bounded (the row cap is `bot.config.StaffSettings`);
    # max_feedback_log_bytes bounds the legacy feedback.jsonl imported once into the staff database.
    max_answer_chars: int = 20_000
    max_comment_chars: int = 2000
    max_cited_ids: int = 50
    max_id_chars: int = 200
    max_feedback_log_bytes: int = 64 * MIB
    # The app has no upload component, so Gradio's upload route is closed.
    uploads_enabled: bool = False
    # Login attempts per client address per minute (PLANQA_AUTH); more get 429.
    login_attempts_per_minute: int = 10
