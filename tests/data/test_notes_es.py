"""The curators' notes in Spanish (``note_es``): one for every note, a translation and not a copy, faithful to it."""
from __future__ import annotations

import re

import pytest

from essgraph.graphmodel.privacy import EMAIL_PATTERN, PHONE_PATTERN
from essgraph.loaders.records import Record

#: English words no Spanish sentence uses: a note_es holding one (outside a quote or a code) is not translated.
ENGLISH = frozenset({"the", "and", "of", "is", "are", "in", "for", "with", "by", "not", "from", "as", "this", "its",
                     "only", "also", "same", "named", "which", "was", "it", "to", "but", "or", "here", "there"})
#: What a translation keeps as it is: quoted passages of the report, web addresses, numbers.
_QUOTED = re.compile(r"\"[^\"]+\"|“[^”]+”|'[^']+'")
_URL = re.compile(r"(?:https?://|www\.)[^\s\"'<>),;]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CODE = re.compile(r"\b[A-Z][A-Z_]*_[A-Z_]+\b|\b[a-z]+(?:[-_][a-z0-9]+)+\b")  # PART_OF, gies-cusco, founded_year


def english_words(text: str) -> set[str]:
    """The words of :data:`ENGLISH` in ``text``, outside its quoted passages, web addresses and codes."""
    bare = _CODE.sub(" ", _URL.sub(" ", _QUOTED.sub(" ", text)))
    return set(re.findall(r"[^\W\d_]+", bare.lower())) & ENGLISH


@pytest.mark.parametrize("text,words", [
    ("the note 'of the report' PART_OF used for a unit", {"the", "for"}),
    ("PART_OF usado para una dependencia de una entidad pública (founded_year)", set()),
    ("Economías y áreas, como en www.the-site.org", set()),
    ("same web http://www.cbc.org.pe and same first phone number", {"same", "and"}),
])
def test_english_words_finds_an_untranslated_note(text: str, words: set[str]) -> None:
    assert english_words(text) == words


def _noted(rows: dict[str, list[Record]]) -> list[Record]:
    return [r for kind_rows in rows.values() for r in kind_rows if r.get("note") or r.get("note_es")]


def test_every_note_has_its_spanish_note_and_no_spanish_note_is_alone(rows: dict[str, list[Record]]) -> None:
    noted = _noted(rows)
    assert len(noted) == 351  # 137 ties, 74 organizations, 38 census rows, 35 networks, 28 people, 16 regions…
    assert [(r.file, r.row) for r in noted if not (r.get("note") and r.get("note_es"))] == []


def test_spanish_notes_are_translations_not_copies(rows: dict[str, list[Record]]) -> None:
    """A note_es equal to its note only where the note is already Spanish (a quote, a figure); none has English words."""
    noted = _noted(rows)
    copies = [(r.file, r.row, r.get("note")) for r in noted if r.get("note") == r.get("note_es")]
    assert [c for c in copies if english_words(c[2])] == []
    assert len(copies) == 3  # "2.4 millones de socios", "20% más que las multinacionales", "Ing. Henry Pareja"
    untranslated = [(r.file, r.row, sorted(english_words(r.get("note_es")))) for r in noted
                    if english_words(r.get("note_es"))]
    assert untranslated == []


@pytest.mark.parametrize("name,pattern", [
    ("double-quoted passages of the report", re.compile(r"\"[^\"]+\"|“[^”]+”")),
    ("web addresses", _URL), ("numbers (sections, years, figures)", _NUMBER)])
def test_spanish_notes_keep_quotes_urls_and_numbers_as_written(rows: dict[str, list[Record]], name: str,
                                                                 pattern: re.Pattern[str]) -> None:
    lost = [(r.file, r.row, sorted(set(pattern.findall(r.get("note"))) - set(pattern.findall(r.get("note_es")))))
            for r in _noted(rows)]
    assert [x for x in lost if x[2]] == [], name


def test_spanish_notes_add_no_personal_data(rows: dict[str, list[Record]]) -> None:
    """No phone, e-mail or person's name in a note_es that its note does not already hold."""
    names = {r.get("name") for r in rows["people"]} | {w for r in rows["people"] for w in r.get("name").split()
                                                        if len(w) > 3 and w[0].isupper()}
    added = []
    for r in _noted(rows):
        note, spanish = r.get("note"), r.get("note_es")
        for pattern in (PHONE_PATTERN, EMAIL_PATTERN):
            added += [(r.file, r.row, x) for x in set(pattern.findall(spanish)) - set(pattern.findall(note))]
        added += [(r.file, r.row, n) for n in names if n in spanish and n not in note]
    assert added == []
