"""planqa's shared core: domain errors, limits, file I/O and the command-line dispatcher.

The pipeline stages (``ingest`` → ``index`` → ``bot`` → ``eval``) import from here; this package
imports none of them.
"""
