"""Errors of the evaluation stage."""

from ingest.errors import PlanqaError


class EvalDataError(PlanqaError):
    """A question file is malformed or names a gold title that matches no chunk."""

    exit_code = 3
