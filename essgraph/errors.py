"""The exception tree of essgraph: every error a user can cause and fix.

The CLI turns any :class:`EssgraphError` into one clean ``Error: …`` line (plus a
report where one is attached) and a non-zero exit; any other exception is a bug.

>>> issubclass(ValidationFailed, DataError) and issubclass(DataError, EssgraphError)
True
"""
from __future__ import annotations

from typing import Any

__all__ = [
    "EssgraphError",
    "DataError",
    "ValidationFailed",
    "SnapshotError",
    "GraphError",
    "Neo4jError",
    "Neo4jConnectionError",
    "Neo4jLoadError",
    "QueryError",
    "RenderError",
]


class EssgraphError(Exception):
    """Base class of every error a user can act on.

    ``options`` names the library parameters whose value the user can change to
    fix it (``focus``, ``batch_size``…); the message speaks of the setting, never
    of a command-line flag, and the CLI adds its flags for these names.

    >>> EssgraphError("the ego view needs an organization to centre on", options=("focus",)).options
    ('focus',)
    """

    exit_code = 1

    def __init__(self, *args: Any, options: tuple[str, ...] = ()) -> None:
        super().__init__(*args)
        self.options = options


class DataError(EssgraphError):
    """A data file cannot be read (encoding, format, size)."""


class ValidationFailed(DataError):
    """The data did not validate; ``report`` lists every problem."""

    def __init__(self, message: str, report: Any) -> None:
        super().__init__(message)
        self.report = report


class SnapshotError(EssgraphError):
    """The graph snapshot is missing, unreadable or cannot be written."""


class GraphError(EssgraphError):
    """An analysis or view got a graph it cannot work on (empty, unknown id…)."""


class Neo4jError(EssgraphError):
    """Base class of errors talking to Neo4j."""


class Neo4jConnectionError(Neo4jError):
    """No Neo4j answers at the URI, or it refused the credentials."""


class Neo4jLoadError(Neo4jError):
    """A load into Neo4j did not complete; the database was left as before."""


class QueryError(EssgraphError):
    """An unknown named query, or a missing or bad parameter."""


class RenderError(EssgraphError):
    """A view or report cannot be rendered as asked."""
