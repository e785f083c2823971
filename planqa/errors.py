"""Domain errors, one home for every stage. The CLI turns them into one stderr line and an exit code;
HTTP surfaces into a 4xx JSON error. Messages name the bad value and say what would be valid."""

from __future__ import annotations


class PlanqaError(Exception):
    """Base class for every error planqa reports to a user (message says what to do)."""

    exit_code = 1


class ConfigError(PlanqaError):
    """A setting (environment variable, flag, config value) has an unusable value."""

    exit_code = 2


class InputFileError(PlanqaError):
    """An input file cannot be read: missing, not a regular file, too large, binary, not UTF-8."""

    exit_code = 3


class CorpusError(InputFileError):
    """An input document cannot be read or parsed (missing, binary, not UTF-8, empty)."""


class OutputError(PlanqaError):
    """An output file or folder cannot be written (not a folder, no permission, disk full)."""

    exit_code = 1


class ModelUnavailableError(PlanqaError):
    """The embedding model cannot be loaded or built (missing package, bad hash, offline hub)."""

    exit_code = 4


class IndexMismatchError(PlanqaError):
    """An index on disk does not match the configuration or corpus, or is damaged."""

    exit_code = 5


class QueryError(PlanqaError):
    """A query or search parameter is not usable (empty query, bad k, unknown filter, bad field).

    ``ja`` is the message shown to people in the Japanese UI; ``field`` names the request field
    at fault, for HTTP error replies.
    """

    exit_code = 2

    def __init__(self, message: str, ja: str | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.ja = ja or message
        self.field = field


class EvalDataError(InputFileError):
    """A question file is malformed or names a gold title that matches no chunk."""
