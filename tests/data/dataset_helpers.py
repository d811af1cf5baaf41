"""Helpers of the bundled data's tests: the report text and the whitespace rule of data/SCHEMA.md."""
from __future__ import annotations

from pathlib import Path

#: The source report, in the shared/ folder beside the checkout.


def collapse_whitespace(text: str) -> str:
    """The whitespace rule of data/SCHEMA.md: every run of spaces, tabs and line breaks is one space, none at the ends.

    >>> collapse_whitespace(" Casa\\tBetania ,\\n confección ")
    'Casa Betania , confección'
    """
    return " ".join(text.split())
