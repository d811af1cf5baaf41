"""json_bytes writes what json.dumps writes, byte for byte, whichever library wrote it."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, strategies as st

from essgraph.jsonbytes import json_bytes

values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20)


@pytest.mark.parametrize("indent", [None, 1, 2])
@given(value=values)
def test_the_same_bytes_as_the_standard_library(indent, value) -> None:
    separators = None if indent else (",", ":")
    expected = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=True, separators=separators)
    assert json_bytes(value, indent=indent) == expected.encode("utf-8")
    assert json_bytes(value, indent=indent, newline=True) == (expected + "\n").encode("utf-8")


def test_unsorted_with_a_default_for_what_json_cannot_write() -> None:
    class Odd:
        def __str__(self) -> str:
            return "odd"
    value = {"z": Odd(), "a": [0.1, 2]}
    assert json_bytes(value, sort_keys=False, default=str) == b'{"z":"odd","a":[0.1,2]}'


def test_an_indent_it_cannot_match_is_refused() -> None:
    with pytest.raises(ValueError):
        json_bytes({}, indent=4)


@pytest.mark.parametrize("indent", [1, 2])
def test_small_and_large_floats_indented_beside_texts_that_look_like_them(indent) -> None:
    value = {"1e-5": [5e-06, "5e-6", "x 0.00001", 6.103515625e-05, -1.5e16, 1e-4, 10.00001, 2.5e-300],
             "k": -0.00001, "n": 1e22}
    expected = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=True)
    assert json_bytes(value, indent=indent) == expected.encode("utf-8")
