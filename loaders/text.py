"""Text cells: Unicode normalisation, list cells, name keys and garbled-text checks.

Every text value is normalised to NFC when it is loaded, so a name typed on a
Mac (often NFD: ``o`` + combining acute) and the same name typed on Windows
(NFC: ``ó``) are one value.

Examples
--------
>>> clean("  Mo\u0301rrope ") == "Mórrope"
True
>>> split_list("GRE-P | GRESPE||")
['GRE-P', 'GRESPE']
>>> name_key("  Casa   BETANIA") == name_key("casa betania")
True
>>> repair_mojibake("AsociaciÃ³n")
'Asociación'
>>> repair_mojibake("Asociación") is None
True
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["LIST_SEPARATOR", "clean", "split_list", "name_key", "slugify", "repair_mojibake", "may_be_garbled"]

#: Separator between the values of a list cell (aliases, themes…).
LIST_SEPARATOR = "|"

# Runs of characters that a UTF-8 byte sequence becomes when it is read as
# Windows-1252 or Latin-1 (the upper half of those code pages).
_CP1252_UPPER = (
    "\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_SUSPECT_RUN = re.compile(f"[{_CP1252_UPPER}]{{2,}}")


def clean(value: str) -> str:
    """The value in Unicode NFC, without surrounding whitespace or invisible characters.

    Zero-width spaces and joiners, byte-order marks and word joiners count as a
    space, soft hyphens and direction marks as nothing: a name typed with one
    ("Casa\\u200bBetania") is the name it looks like, and a name that is only
    invisible characters is empty (so validation says it is missing).

    >>> clean(" Cañete\\n"), clean("Casa\\u200bBetania"), clean("\\u200b\\u2060")
    ('Cañete', 'Casa Betania', '')
    """
    if INVISIBLE.search(value):
        value = _SPACES.sub(" ", INVISIBLE.sub(lambda m: "" if m[0] in _NOTHING else " ", value))
    return unicodedata.normalize("NFC", value).strip()


#: Characters that show nothing: zero-width space, non-joiner, joiner, direction marks, word joiner,
#: invisible operators, byte-order mark and soft hyphen.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
_NOTHING = frozenset("\u00ad\u200e\u200f")
_SPACES = re.compile(" {2,}")


def split_list(value: str) -> list[str]:
    """The values of a list cell: split on ``|``, trimmed, empty values dropped.

    >>> split_list("T3|T15")
    ['T3', 'T15']
    >>> split_list("")
    []
    """
    return [item for item in (clean(v) for v in value.split(LIST_SEPARATOR)) if item]


def name_key(value: str) -> str:
    """A key under which spellings that differ only by case, spacing or Unicode form meet.

    >>> name_key("GIES  San Juan") == name_key("gies san juan")
    True
    """
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def slugify(value: str) -> str:
    """A slug id proposed for ``value`` (accents dropped, lowercase, dashes).

    >>> slugify("Casa Betania (Cañete)")
    'casa-betania-canete'
    """
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def repair_mojibake(value: str) -> str | None:
    """The text ``value`` was before it was garbled, or ``None`` if it looks fine.

    Garbled ("mojibake") text is UTF-8 that someone read as Windows-1252 and
    saved again: ``ó`` becomes ``Ã³``. A run of such characters is garbled when
    its Windows-1252 (or Latin-1) bytes are valid UTF-8.

    >>> repair_mojibake("MÃ³rrope, CaÃ±ete")
    'Mórrope, Cañete'
    >>> repair_mojibake("Ñaña") is None
    True
    """
    changed = False

    def fix(match: re.Match[str]) -> str:
        nonlocal changed
        run = match.group(0)
        for codec in ("cp1252", "latin-1"):
            try:
                repaired = run.encode(codec).decode("utf-8")
            except UnicodeError:
                continue
            changed = True
            return repaired
        return run

    repaired = _SUSPECT_RUN.sub(fix, value)
    return repaired if changed else None


def may_be_garbled(text: str) -> bool:
    """Whether ``text`` may hold garbled text or U+FFFD (a cheap screen before per-cell checks).

    False means :func:`repair_mojibake` returns ``None`` for ``text`` and for
    every part of it, and no part holds U+FFFD; so a whole row joined with
    ``"\\n"`` is screened with one search.

    >>> may_be_garbled("Asociación\\nCañete"), may_be_garbled("x\\nMÃ³rrope"), may_be_garbled("\\ufffd")
    (False, True, True)
    """
    return "\ufffd" in text or _SUSPECT_RUN.search(text) is not None
