"""Domain errors raised by the ingest stage; the CLI turns them into one stderr line."""


class PlanqaError(Exception):
    """Base class for every error planqa reports to a user (message says what to do)."""

    exit_code = 1


class CorpusError(PlanqaError):
    """An input document cannot be read or parsed (missing, binary, not UTF-8, empty)."""

    exit_code = 3
