"""JSON as the standard library writes it, written by orjson when both would write the same bytes.

Large outputs (the graph export, the analysis, a view's data) are written
twenty times faster, and reruns still diff cleanly against files written by
:func:`json.dumps` (``ensure_ascii=False``).
"""
from __future__ import annotations

import json
import re
from typing import Any, Callable

import orjson

__all__ = ["json_bytes"]


def json_bytes(data: Any, *, indent: int | None = None, sort_keys: bool = True,
               default: Callable[[Any], Any] | None = None, newline: bool = False) -> bytes:
    r"""``json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=sort_keys, default=default)``
    in UTF-8, byte for byte (compact separators without ``indent``), with a final ``"\n"`` when
    ``newline`` (written with the rest: a large text is not copied to add it).

    orjson writes the same text about twenty times faster (two-space indented,
    which :func:`_one_space_indent` halves for ``indent=1``) whenever every float
    is one both write alike (:func:`_orjson_floats`); otherwise, or when orjson
    refuses a value, the standard library writes it.

    >>> json_bytes({"b": [1, 0.5], "a": "ñ"}, indent=1)
    b'{\n "a": "\xc3\xb1",\n "b": [\n  1,\n  0.5\n ]\n}'
    >>> json_bytes({"b": 1e-05, "a": None}) == json.dumps({"b": 1e-05, "a": None}, sort_keys=True, separators=(",", ":")).encode()
    True
    """
    if indent not in (None, 1, 2):
        raise ValueError("indent must be None, 1 or 2")
    if _orjson_floats(data, exponents=indent is not None):
        option = ((orjson.OPT_SORT_KEYS if sort_keys else 0) | (orjson.OPT_INDENT_2 if indent else 0)
                  | (orjson.OPT_APPEND_NEWLINE if newline else 0))
        try:
            text = orjson.dumps(data, option=option, default=default)
            if indent:
                text = _repr_floats(text)
            return _one_space_indent(text) if indent == 1 else text
        except orjson.JSONEncodeError:  # an integer past 64 bits, a key that is no string, a lone surrogate
            pass
    separators = None if indent else (",", ":")
    written = json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=sort_keys, default=default,
                         separators=separators)
    return (written + "\n" if newline else written).encode("utf-8")


def _orjson_floats(value: Any, *, exponents: bool = False) -> bool:
    """Whether every float in ``value`` is finite and 0 or between 1e-4 and 1e16 in size
    (any finite float with ``exponents``: see :func:`_repr_floats`).

    Those floats orjson writes as ``repr`` does (the shortest digits, no
    exponent); outside, the two differ (``1e-05`` / ``1e-5``, ``1e+16`` /
    ``1e16``, ``NaN`` / ``null``).

    >>> _orjson_floats({"a": [1, 0.5, -2.25e15, 0.0]}), _orjson_floats({"a": [1e-05]}), _orjson_floats(float("nan"))
    (True, False, False)
    >>> _orjson_floats([1e-05], exponents=True), _orjson_floats([float("inf")], exponents=True)
    (True, False)
    """
    kind = type(value)
    if kind is float:
        return (value - value == 0) if exponents else (value == 0 or 1e-4 <= abs(value) < 1e16)
    if kind is dict:
        value = value.values()
    elif kind is not list and kind is not tuple:
        return True
    return set(map(type, value)) <= _PLAIN or all(_orjson_floats(v, exponents=exponents) for v in value)


def _repr_floats(text: bytes) -> bytes:
    r"""Indented orjson output with each float below 1e-4 or from 1e16 in size written as ``repr`` writes it.

    Indented, every number is alone on its line (after its key, if any, and
    before a comma): a token that ends its line is never part of a text (a text
    holds no line end, so its line ends with its closing quote). The digits are
    the same shortest ones; only the form differs there (``5e-6`` / ``5e-06``,
    ``0.00006103515625`` / ``6.103515625e-05``, ``1e16`` / ``1e+16``).

    >>> _repr_floats(b'{\n  "a": 5e-6,\n  "b": "1e16",\n  "c": [\n    -1.5e16,\n    0.00006103515625\n  ]\n}')
    b'{\n  "a": 5e-06,\n  "b": "1e16",\n  "c": [\n    -1.5e+16,\n    6.103515625e-05\n  ]\n}'
    """
    out, last = [], 0
    for start, end in sorted(m.span() for pattern in _OUTSIDE for m in pattern.finditer(text)):
        while start > last and text[start - 1] in _MANTISSA:  # back to where the number starts
            start -= 1
        if start < last or (start and text[start - 1] not in b" \n"):
            continue
        value = float(text[start:end])
        if value and not 1e-4 <= abs(value) < 1e16:
            out += [text[last:start], repr(value).encode()]
            last = end
    return b"".join([*out, text[last:]]) if out else text


#: How orjson writes the end of a float below 1e-4 or from 1e16 in size when it ends its line:
#: an exponent, or five zeros after the point (searched for as text: far faster than a number pattern).
_OUTSIDE = (re.compile(rb"e-?\d+(?=,?\n|\Z)"), re.compile(rb"0\.0000\d*(?=,?\n|\Z)"))
_MANTISSA = b"0123456789.-"


#: Types whose values orjson and the standard library write alike (their subclasses are looked into).
_PLAIN = {str, int, bool, type(None)}


def _one_space_indent(text: bytes) -> bytes:
    r"""JSON indented by two spaces per level as indented by one.

    A JSON text has no newline inside a string, so each newline starts a line of
    the layout, and orjson writes no NUL byte (it escapes control characters):
    deepest level first, each line's indentation becomes half as many NULs
    (which no shallower level's spaces then match), then the NULs spaces.

    >>> _one_space_indent(b'{\n  "a": [\n    1\n  ],\n  "b": "x  y"\n}')
    b'{\n "a": [\n  1\n ],\n "b": "x  y"\n}'
    """
    deepest = 0
    while b"\n" + b"  " * (deepest + 1) in text:
        deepest += 1
    for level in range(deepest, 0, -1):
        text = text.replace(b"\n" + b"  " * level, b"\n" + b"\0" * level)
    return text.replace(b"\0", b" ")
