"""Domain errors of the index stage (messages say which value is wrong and what to run)."""

from ingest.errors import PlanqaError


class ModelUnavailableError(PlanqaError):
    """The embedding model cannot be loaded or built (missing package, bad hash, offline hub)."""

    exit_code = 4


class IndexMismatchError(PlanqaError):
    """An index on disk does not match the configuration or corpus, or is damaged."""

    exit_code = 5


class QueryError(PlanqaError):
    """A query or search parameter is not usable (empty query, bad k, unknown filter).

    ``ja`` is the message shown to people in the Japanese UI.
    """

    exit_code = 2

    def __init__(self, message: str, ja: str | None = None) -> None:
        super().__init__(message)
        self.ja = ja or message
