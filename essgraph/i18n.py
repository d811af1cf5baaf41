"""Message catalogues: Spanish by default, English with ``--lang en``.

Each layer keeps its own :class:`Catalog` of templates next to its code.

>>> c = Catalog({"hello": ("Hola {name}", "Hello {name}")})
>>> c.t("hello", "es", name="Ana"), c.t("hello", "en", name="Ana")
('Hola Ana', 'Hello Ana')
"""
from __future__ import annotations

from typing import Any

__all__ = ["LANGS", "DEFAULT_LANG", "Catalog", "check_lang"]

LANGS = ("es", "en")
DEFAULT_LANG = "es"


def check_lang(lang: str) -> str:
    """Return ``lang`` if supported, else raise ValueError.

    >>> check_lang("en")
    'en'
    """
    if lang not in LANGS:
        raise ValueError(f"unsupported language {lang!r}; use one of {', '.join(LANGS)}")
    return lang


class Catalog:
    """Templates keyed by a stable slug, each a ``(spanish, english)`` pair."""

    def __init__(self, messages: dict[str, tuple[str, str]]) -> None:
        self.messages = messages

    def t(self, key: str, lang: str = DEFAULT_LANG, **values: Any) -> str:
        """The message ``key`` in ``lang``, formatted with ``values``."""
        es, en = self.messages[key]
        return (en if lang == "en" else es).format(**values)

    def __contains__(self, key: str) -> bool:
        return key in self.messages
