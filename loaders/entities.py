"""The entities of a data folder: ids, names and aliases, for lookups, suggestions and clash checks.

:func:`index_entities` collects every node row into an :class:`Entities` index
and reports what only the whole set shows: an id used twice (even across
files), an invalid id, an alias claimed by two entities or equal to another
entity's name or id, and two names that differ only by case, spacing or
Unicode form (a possible duplicate).

Examples
--------
>>> from essgraph.loaders.records import Record
>>> rows = {"organizations": [
...     Record("organizations", "organizations.csv", 2, {"id": "casa-betania", "name": "Casa Betania", "kind": "ngo"}),
...     Record("organizations", "networks.csv", 2, {"id": "gresp", "name": "GRESP", "kind": "network"})]}
>>> entities, problems = index_entities(rows)
>>> entities["gresp"].labels, problems
(('Organization', 'Network'), [])
>>> entities.suggest("MISSING:casa-betania")
['casa-betania (Casa Betania)']
>>> entities.suggest("Casa  betania", {"Organization"})
['casa-betania (Casa Betania)']
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable

from essgraph.graphmodel import is_valid_id, labels_for_kind

from essgraph.loaders.folder import FILE_KINDS
from essgraph.loaders.records import Record
from essgraph.loaders.problems import ERROR, WARNING, Problem
from essgraph.loaders.text import name_key, slugify, split_list

__all__ = ["Entity", "Entities", "index_entities"]


@dataclass(frozen=True)
class Entity:
    """A node row seen as an entity: id, labels, name, aliases and where it is written."""

    id: str
    labels: tuple[str, ...]
    name: str
    aliases: tuple[str, ...]
    record: Record

    @property
    def label(self) -> str:
        """The main label (``Organization`` for networks too)."""
        return self.labels[0]

    def describe(self) -> str:
        """``id (name)``, the form suggestions take."""
        return f"{self.id} ({self.name})" if self.name and self.name != self.id else self.id


class Entities:
    """Entities by id, with lookups by label and "did you mean" suggestions."""

    def __init__(self, entities: Iterable[Entity] = ()) -> None:
        self._by_id = {e.id: e for e in entities}
        self._keys: dict[frozenset[str] | None, dict[str, list[Entity]]] = {}  # suggestion index per label set
        self._grams: dict[frozenset[str] | None, dict[str, list[str]]] = {}  # its keys by three-letter piece

    def __getitem__(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def has(self, entity_id: str, labels: Iterable[str] | None = None) -> bool:
        """Whether ``entity_id`` exists (and carries one of ``labels``, when given)."""
        entity = self._by_id.get(entity_id)
        return entity is not None and (labels is None or bool(set(entity.labels) & set(labels)))

    def suggest(self, value: str, labels: Iterable[str] | None = None, *, limit: int = 3) -> list[str]:
        """Entities (``id (name)``) that ``value`` probably meant: same name or alias, else close ids, names, aliases."""
        keys = self._index(labels)
        wanted = name_key(value)
        exact = keys.get(wanted) or keys.get(slugify(value))
        close = [e for k in difflib.get_close_matches(wanted, self._candidates(labels, wanted), n=limit * 2, cutoff=0.6)
                 for e in keys[k]]
        found: list[str] = []
        for entity in (exact or []) + close:
            if entity.describe() not in found:
                found.append(entity.describe())
        return found[:limit]

    def _candidates(self, labels: Iterable[str] | None, wanted: str, *, most: int = 60) -> list[str]:
        """The keys that share most three-letter pieces with ``wanted``: what difflib then compares.

        Comparing each bad reference with every name took ~49 ms at 2,000
        organizations; the pieces' index narrows it to a few dozen names.
        """
        scope_key = None if labels is None else frozenset(labels)
        grams = self._grams.get(scope_key)
        if grams is None:
            grams = self._grams[scope_key] = {}
            for key in self._index(labels):
                for gram in _trigrams(key):
                    grams.setdefault(gram, []).append(key)
        shared: dict[str, int] = {}
        for gram in _trigrams(wanted):
            for key in grams.get(gram, ()):
                shared[key] = shared.get(key, 0) + 1
        return sorted(shared, key=lambda k: (-shared[k], k))[:most]

    def _index(self, labels: Iterable[str] | None) -> dict[str, list[Entity]]:
        """Entities under the name key of their id, name, aliases and acronym: built once per label set."""
        scope_key = None if labels is None else frozenset(labels)
        keys = self._keys.get(scope_key)
        if keys is None:
            keys = self._keys[scope_key] = {}
            for entity in self._by_id.values():
                if scope_key is None or set(entity.labels) & scope_key:
                    for text in (entity.id, entity.name, *entity.aliases, entity.record.get("acronym")):
                        if text:
                            keys.setdefault(name_key(text), []).append(entity)
        return keys


def _trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def index_entities(rows: dict[str, list[Record]]) -> tuple[Entities, list[Problem]]:
    """Index the node rows of ``rows`` (records by kind) and report id, alias and name clashes.

    Rows without an id are left out (validation reports the missing value).
    """
    problems: list[Problem] = []
    entities: list[Entity] = []
    seen: dict[str, Entity] = {}
    for kind, spec in FILE_KINDS.items():
        if spec.label is None:
            continue
        for record in rows.get(kind, []):
            entity_id = record.get("id")
            if not entity_id:
                continue
            if not is_valid_id(entity_id):
                problems.append(Problem("bad-id", ERROR, record.file, record.row, "id", entity_id,
                                        {"suggestion": slugify(entity_id) or "casa-betania"}))
            if entity_id in seen:
                first = seen[entity_id].record
                problems.append(Problem("duplicate-id", ERROR, record.file, record.row, "id", entity_id,
                                        {"other_file": first.file, "other_row": first.row}))
                continue
            labels = labels_for_kind(record.get("kind")) if spec.label == "Organization" else (spec.label,)
            entity = Entity(entity_id, labels, record.get("name"), tuple(split_list(record.get("aliases"))), record)
            seen[entity_id] = entity
            entities.append(entity)
    problems += _alias_conflicts(entities) + _possible_duplicates(entities)
    return Entities(entities), problems


def _alias_conflicts(entities: list[Entity]) -> list[Problem]:
    public = [e for e in entities if e.label != "Person"]
    owners: dict[str, tuple[Entity, str]] = {}
    for entity in public:
        owners.setdefault(name_key(entity.id), (entity, "id"))
        if entity.name:
            owners.setdefault(name_key(entity.name), (entity, "name"))
    problems = []
    for entity in public:
        for alias in entity.aliases:
            owner, what = owners.setdefault(name_key(alias), (entity, "alias"))
            if owner is not entity:
                problems.append(Problem("alias-conflict", ERROR, entity.record.file, entity.record.row, "aliases",
                                        alias, {"id": entity.id, "what": what, "other_id": owner.id,
                                                "other_file": owner.record.file, "other_row": owner.record.row}))
    return problems


def _possible_duplicates(entities: list[Entity]) -> list[Problem]:
    first: dict[tuple[str, str], Entity] = {}
    problems = []
    for entity in entities:
        if not entity.name:
            continue
        other = first.setdefault((entity.label, name_key(entity.name)), entity)
        if other is not entity:
            problems.append(Problem("possible-duplicate", WARNING, entity.record.file, entity.record.row, "name",
                                    entity.name, {"id": entity.id, "other_value": other.name, "other_id": other.id,
                                                  "other_file": other.record.file, "other_row": other.record.row}))
    return problems
