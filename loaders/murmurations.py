"""Murmurations profiles: the mapping both ways, and :func:`read_murmurations` (a folder of profiles as rows).

Murmurations (https://murmurations.network) is the directory protocol of the
social and solidarity economy: each organization publishes a JSON *profile*,
valid against a schema of the Murmurations Library (here
``organizations_schema-v1.0.0``), at an address of its own, and registers that
address with the Murmurations Index, which maps and directories search.

The export writes one profile per actor (organizations and municipalities: both
are organizations to Murmurations) named ``ID.json``, plus ``murmurations.csv``,
the same profiles as the Batch Importer's CSV (first column ``oid``). A tie
becomes a relationship ``{predicate_url, object_url}`` of the profile of its
*subject* (:data:`PREDICATES`); the object is named by its ``primary_url``. The
writing is :mod:`essgraph.loaders.murmurations_export`; the mapping, and what the
format cannot carry, is ``docs/formats.md#murmurations``.

:func:`read_murmurations` turns a folder of profiles (essgraph's or anyone's)
into rows of a data folder, with every problem located by profile file and field.

Examples
--------
>>> import json, tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.json").write_text(json.dumps({"linked_schemas": [SCHEMA], "name": "Red A",
...     "primary_url": "https://red-a.example", "tags": ["Red", "Finanzas solidarias"]}))
>>> _ = (folder / "b.json").write_text(json.dumps({"name": "Coop B", "tags": ["Cooperativa"],
...     "relationships": [{"predicate_url": "https://schema.org/memberOf", "object_url": "https://red-a.example/"}]}))
>>> rows, report = read_murmurations(folder, date="2027-03-01")
>>> [(r["id"], r["kind"], r["themes"]) for r in rows["organizations.csv"]], report.problems
([('red-a', 'network', 'T3'), ('coop-b', 'cooperative', '')], [])
>>> [(r["type"], r["start"], r["end"], r["evidence"], r["section"]) for r in rows["relationships.csv"]]
[('MEMBER_OF', 'coop-b', 'red-a', 'imported', 'b.json')]
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from essgraph.graphmodel import NODE_SPECS, REL_SPECS, SYMMETRIC_TYPES, is_valid_id
from essgraph.graphmodel.vocab import ESSGRAPH_BASE, MUNICIPALITY_LEVELS, ORG_KINDS, SCOPES, SECTORS, THEMES

from essgraph.loaders.folder import FILE_KINDS, departments
from essgraph.loaders.problems import ERROR, WARNING, Problem, ValidationReport
from essgraph.loaders.text import clean, name_key, slugify

__all__ = ["SCHEMA", "COUNTRY", "MARKER", "Predicate", "PREDICATES", "STATUS_OUT", "STATUS_IN", "MUNICIPALITY_TAG",
           "MAX_PROFILE_BYTES", "MAX_TEXT", "url_key", "read_murmurations"]

#: The Murmurations Library schema every profile is valid against.
SCHEMA = "organizations_schema-v1.0.0"
#: ``country_iso_3166`` of every profile: the map is Peru's.
COUNTRY = "PE"
#: The file that marks a folder as an essgraph Murmurations export (so that the next export may replace it).
MARKER = ".essgraph-murmurations"


@dataclass(frozen=True)
class Predicate:
    """How a relationship type is written in a profile: its predicate URL and whose profile states it.

    ``subject`` is ``"start"`` (the tie's start publishes it: a member states
    ``memberOf`` its network) or ``"end"`` (schema.org words it from the other
    side: a founded organization names its ``founder``). Symmetric types are
    stated in both profiles.
    """

    url: str
    subject: str = "start"


#: Relationship types a profile carries. schema.org where it has the word, essgraph's own terms
#: (:data:`~essgraph.graphmodel.vocab.ESSGRAPH_BASE`) where it has not. SHARES_CONTACT is always
#: inferred, and only stated (or reported) ties are published: it has no predicate.
PREDICATES: dict[str, Predicate] = {
    "MEMBER_OF": Predicate("https://schema.org/memberOf"),
    "PART_OF": Predicate("https://schema.org/parentOrganization"),
    "FOUNDED": Predicate("https://schema.org/founder", subject="end"),
    "ALLIED_WITH": Predicate(ESSGRAPH_BASE + "alliedWith"),
    "COORDINATES_WITH": Predicate(ESSGRAPH_BASE + "coordinatesWith"),
    "SUPPORTS": Predicate(ESSGRAPH_BASE + "supports"),
    "WORKS_WITH": Predicate(ESSGRAPH_BASE + "worksWith"),
    "PARTICIPATES_IN": Predicate(ESSGRAPH_BASE + "participatesIn"),
}

#: essgraph status → Murmurations ``status`` (``unknown`` is left out).
STATUS_OUT: dict[str, str] = {"active": "active", "inactive": "on_hold", "proposed": "in_planning"}
#: Murmurations ``status`` → essgraph status.
STATUS_IN: dict[str, str] = {"active": "active", "on_hold": "inactive", "in_planning": "proposed",
                             "completed": "inactive", "cancelled": "inactive"}
#: The tag that makes a profile a municipality (its level's label is a tag too).
MUNICIPALITY_TAG = NODE_SPECS["Municipality"].term
#: Largest profile file read (a profile is a few kilobytes), and longest text in one.
MAX_PROFILE_BYTES = 1024 * 1024
MAX_TEXT = 10_000
_MAX_NAME, _MAX_URL = 200, 2000  # the schema's maxLength of name and of a URL
_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)
_FILES = {"organizations": "organizations.csv", "municipalities": "municipalities.csv",
          "relationships": "relationships.csv"}


def read_murmurations(source: str | Path, *, date: str | None = None
                      ) -> tuple[dict[str, list[dict[str, str]]], ValidationReport]:
    """Read a folder of Murmurations profiles as rows of a data folder, every problem at once.

    Parameters
    ----------
    source : str or Path
        A folder of profiles (its ``*.json`` files; others are ignored) or one profile file.
    date : str, optional
        Day of the import (``AAAA-MM-DD``, default today), written in each row's note.

    Returns
    -------
    (dict, ValidationReport)
        The rows by data file (``organizations.csv``, ``municipalities.csv``,
        ``relationships.csv``), each row a dict holding every column of its kind;
        and the report, each problem located by profile file and field
        (``relationships[2].object_url``). With an error the rows are empty: a
        profile that cannot be trusted (an address that is not http(s), a text
        too long, a tie to itself, broken JSON) leaves nothing to write.

    Every row carries its provenance: ``section`` is the profile file, ``quote``
    the profile's name or the relationship's two URLs, ``note`` the day of the
    import, and a relationship's ``evidence`` is ``imported``. A profile's id is
    its ``unique_id`` when that is an essgraph id, else a slug of its nickname or name.
    """
    folder = Path(source)
    day = date or dt.date.today().isoformat()
    paths = (sorted(p for p in folder.glob("*.json") if not p.name.startswith(".")) if folder.is_dir()
             else [folder] if folder.is_file() else [])
    problems: list[Problem] = []
    if not paths:
        problems.append(Problem("murmurations-no-profiles", ERROR, str(folder)))
    profiles: list[_Profile] = []
    for path in paths:
        reader = _Reader(path.name)
        profile = reader.profile(_load(path, reader), path.stem)
        problems += reader.problems
        if profile is not None:
            profiles.append(profile)
    ids = _ids(profiles, problems)
    rows: dict[str, list[dict[str, str]]] = {name: [] for name in _FILES.values()}
    for profile, node_id in zip(profiles, ids):
        kind, row = _actor_row(profile, node_id, day)
        rows[_FILES[kind]].append(row)
    labels = ["Municipality" if _read_tags(p.tags).municipality else "Organization" for p in profiles]
    rows[_FILES["relationships"]] = _relationships(profiles, ids, labels, day, problems)
    report = ValidationReport(str(folder), problems)
    return (rows if report.valid else {name: [] for name in _FILES.values()}), report


def url_key(url: str) -> str:
    """What two spellings of one address share: no scheme, no ``www.``, lower-case host, no final ``/``.

    >>> url_key("HTTPS://www.GRESP.org.pe/") == url_key("http://gresp.org.pe")
    True
    """
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    rest = parts.path.rstrip("/") + (f"?{parts.query}" if parts.query else "")
    return host + rest


@dataclass
class _Profile:
    """What essgraph reads of one profile (texts cleaned; URLs checked)."""

    file: str
    stem: str
    name: str
    nickname: str = ""
    primary_url: str = ""
    urls: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    description: str = ""
    status: str = ""
    scope: str = ""
    address: str = ""
    country: str = ""
    email: str = ""
    telephone: str = ""
    unique_id: str = ""
    relationships: list[tuple[int, str, str]] = field(default_factory=list)  # (index, predicate, object)


def _load(path: Path, reader: _Reader) -> Any:
    try:
        if not path.is_file():  # a device or a pipe named *.json would never end
            reader.fail("murmurations-unreadable", "", reason="not a regular file", limit_mb=_mb())
            return None
        with path.open("rb") as handle:
            data = handle.read(MAX_PROFILE_BYTES + 1)
        if len(data) > MAX_PROFILE_BYTES:
            reader.fail("murmurations-unreadable", "", reason=f"larger than {_mb()} MB", limit_mb=_mb())
            return None
        return json.loads(data.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        reader.fail("murmurations-unreadable", "", reason=str(exc) or type(exc).__name__, limit_mb=_mb())
        return None


def _mb() -> int:
    return MAX_PROFILE_BYTES // 1024 // 1024


class _Reader:
    """Collects the problems of one profile file while reading what essgraph keeps of it."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def fail(self, kind: str, column: str, value: Any = "", severity: str = ERROR, **params: Any) -> None:
        text = "" if value is None else str(value)
        self.problems.append(Problem(kind, severity, self.file, None, column, text[:77] + "…" if len(text) > 80
                                     else text, params))

    def profile(self, raw: Any, stem: str) -> _Profile | None:
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.fail("murmurations-not-a-profile", "", type(raw).__name__)
            return None
        name = self.text(raw, "name", limit=_MAX_NAME)
        if not name and not raw.get("name"):
            self.fail("murmurations-missing", "name")
        profile = _Profile(
            self.file, stem, name, nickname=self.text(raw, "nickname"), primary_url=self.url(raw, "primary_url"),
            urls=[u for u in (self.url(item, "url", f"urls[{i}].") for i, item in self.objects(raw, "urls")) if u],
            tags=[t for t in (self.string(t, f"tags[{i}]") for i, t in enumerate(self.items(raw, "tags"))) if t],
            description=self.text(raw, "description"), status=self.choice(raw, "status", STATUS_IN),
            scope=self.choice(raw, "geographic_scope", SCOPES), address=self.text(raw, "full_address"),
            country=self.text(raw, "country_iso_3166"), telephone=self.text(raw, "telephone"),
            unique_id=self.text(raw, "unique_id"))
        contact = raw.get("contact_details")
        if contact is not None and not isinstance(contact, dict):
            self.fail("murmurations-bad-value", "contact_details", contact, allowed="{…}")
        elif contact:
            profile.email = self.text(contact, "email", at="contact_details.email")
        for i, item in self.objects(raw, "relationships"):
            at = f"relationships[{i}]."
            predicate, obj = self.url(item, "predicate_url", at), self.url(item, "object_url", at)
            for key, value in (("predicate_url", predicate), ("object_url", obj)):
                if not value and not item.get(key):
                    self.fail("murmurations-missing", at + key)
            if predicate and obj:
                profile.relationships.append((i, predicate, obj))
        return profile

    def text(self, raw: Mapping[str, Any], key: str, *, limit: int = MAX_TEXT, at: str = "") -> str:
        return self.string(raw.get(key), at or key, limit)

    def string(self, value: Any, column: str, limit: int = MAX_TEXT) -> str:
        if value is None or value == "":
            return ""
        if not isinstance(value, str):
            self.fail("murmurations-bad-value", column, value, allowed="text")
            return ""
        if len(value) > limit:
            self.fail("murmurations-too-long", column, value, length=len(value), limit=limit)
            return ""
        return clean(value)

    def url(self, raw: Mapping[str, Any], key: str, at: str = "") -> str:
        value = self.text(raw, key, limit=_MAX_URL, at=at + key)
        try:
            good = not value or (_URL.fullmatch(value) is not None and bool(urlsplit(value).netloc))
        except ValueError:  # a broken IPv6 host
            good = False
        if not good:
            self.fail("murmurations-bad-url", at + key, value)
            return ""
        return value

    def choice(self, raw: Mapping[str, Any], key: str, allowed: Mapping[str, Any]) -> str:
        value = self.text(raw, key)
        if value and value not in allowed:
            self.fail("murmurations-bad-value", key, value, allowed=", ".join(allowed))
            return ""
        return value

    def items(self, raw: Mapping[str, Any], key: str) -> list[Any]:
        value = raw.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail("murmurations-bad-value", key, value, allowed="[…]")
            return []
        return value

    def objects(self, raw: Mapping[str, Any], key: str) -> list[tuple[int, Mapping[str, Any]]]:
        found: list[tuple[int, Mapping[str, Any]]] = []
        for i, item in enumerate(self.items(raw, key)):
            if isinstance(item, dict):
                found.append((i, item))
            else:
                self.fail("murmurations-bad-value", f"{key}[{i}]", item, allowed="{…}")
        return found


@dataclass
class _Tags:
    """What a profile's tags say in essgraph's vocabularies; the rest are ``other``."""

    kind: str = ""
    sectors: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    level: str = ""
    municipality: bool = False
    other: list[str] = field(default_factory=list)


def _vocabulary_labels() -> dict[str, list[tuple[str, str]]]:
    """``{name key of a Spanish or English label: [(vocabulary, code)]}`` of the tags essgraph writes."""
    labels: dict[str, list[tuple[str, str]]] = {}
    for vocabulary, terms in (("kind", ORG_KINDS), ("sector", SECTORS), ("theme", THEMES),
                              ("level", MUNICIPALITY_LEVELS), ("municipality", {"": MUNICIPALITY_TAG})):
        for code, term in terms.items():
            for label in {name_key(term.es), name_key(term.en)}:
                labels.setdefault(label, []).append((vocabulary, code))
    return labels


_LABELS = _vocabulary_labels()


def _read_tags(tags: list[str]) -> _Tags:
    """The tags in essgraph's terms. A tag that names a kind is the kind (the first one), and nothing else:
    the kind ``cooperation_agency`` and the theme ``T11`` share the label "Cooperación internacional"."""
    found = _Tags()
    for tag in filter(None, tags):
        claims = _LABELS.get(name_key(tag), [])
        kind = next((code for vocabulary, code in claims if vocabulary == "kind"), None)
        if kind is not None and not found.kind:
            found.kind = kind
            continue
        placed = False
        for vocabulary, code in claims:
            placed = placed or vocabulary != "kind"
            if vocabulary == "sector" and code not in found.sectors:
                found.sectors.append(code)
            elif vocabulary == "theme" and code not in found.themes:
                found.themes.append(code)
            elif vocabulary == "level":
                found.level = found.level or code
            elif vocabulary == "municipality":
                found.municipality = True
        if not placed:
            found.other.append(tag)
    return found


def _ids(profiles: list[_Profile], problems: list[Problem]) -> list[str]:
    """One id per profile: its ``unique_id`` when that is an essgraph id, else a slug; a taken one gets ``-2``…"""
    taken: set[str] = set()
    ids = []
    for profile in profiles:
        own = profile.unique_id if is_valid_id(profile.unique_id) else ""
        acronym, _ = _nickname(profile)
        base = own or slugify(acronym or profile.name) or slugify(profile.stem) or "perfil"
        node_id, number = base, 1
        while node_id in taken:
            number += 1
            node_id = f"{base}-{number}"
        if own and node_id != own:
            problems.append(Problem("murmurations-duplicate-id", WARNING, profile.file, None, "unique_id", own,
                                    {"id": node_id}))
        taken.add(node_id)
        ids.append(node_id)
    return ids


def _nickname(profile: _Profile) -> tuple[str, str]:
    """``(acronym, alias)``: a nickname of one word or in capitals is an acronym (``GRESP``, ``CEOP ILO``),
    any other an alias (``GIES Cuzco``)."""
    nickname = profile.nickname
    acronym = bool(nickname) and (not re.search(r"\s", nickname) or nickname == nickname.upper())
    return (nickname, "") if acronym else ("", nickname)


def _actor_row(profile: _Profile, node_id: str, day: str) -> tuple[str, dict[str, str]]:
    """``(kind of data file, row)`` of an organization or a municipality."""
    tags = _read_tags(profile.tags)
    region, locality = _place(profile.address, profile.country)
    acronym, alias = _nickname(profile)
    own_address = urlsplit(profile.primary_url).path.endswith(f"/{profile.stem}.json")
    web = " ".join(([profile.primary_url] if profile.primary_url and not own_address else []) + profile.urls)
    note = [f"importado de un perfil Murmurations el {day}"]
    common = {"id": node_id, "name": profile.name, "region": region, "locality": locality, "section": profile.file,
              "quote": profile.name}
    if tags.municipality:
        return "municipalities", {**dict.fromkeys(FILE_KINDS["municipalities"].column_names, ""), **common,
                                  "aliases": alias or acronym, "level": tags.level, "note": "; ".join(note)}
    if not tags.kind:
        note.append("ninguna etiqueta dice el tipo de organización: queda como initiative")
    if tags.other:
        note.append("otras etiquetas: " + ", ".join(tags.other))
    return "organizations", {
        **dict.fromkeys(FILE_KINDS["organizations"].column_names, ""), **common,
        "acronym": acronym, "aliases": alias, "kind": tags.kind or "initiative", "description": profile.description,
        "sector": tags.sectors[0] if tags.sectors else "", "sectors_additional": "|".join(tags.sectors[1:]),
        "themes": "|".join(tags.themes), "scope": profile.scope,
        "status": STATUS_IN.get(profile.status, "unknown"), "web": web, "email": profile.email,
        "phone": profile.telephone, "note": "; ".join(note)}


def _place(address: str, country: str) -> tuple[str, str]:
    """``(region id, locality)`` of a ``full_address``: the last part that names one of Peru's departments."""
    parts = [p for p in (clean(x) for x in address.split(",")) if p]
    if parts and slugify(parts[-1]) == "peru":
        parts.pop()
    regions = {slugify(d.name): d.id for d in departments()} if country in ("", COUNTRY) else {}
    for i in range(len(parts) - 1, -1, -1):
        if slugify(parts[i]) in regions:
            return regions[slugify(parts[i])], ", ".join(parts[:i])
    return "", ", ".join(parts)


def _relationships(profiles: list[_Profile], ids: list[str], labels: list[str], day: str,
                   problems: list[Problem]) -> list[dict[str, str]]:
    """The ties the profiles state, once each (a symmetric one stated by both ends too)."""
    by_url: dict[str, list[int]] = {}
    for i, profile in enumerate(profiles):
        if profile.primary_url:
            by_url.setdefault(url_key(profile.primary_url), []).append(i)
    rows, seen = [], set()
    empty = dict.fromkeys(FILE_KINDS["relationships"].column_names, "")
    for i, profile in enumerate(profiles):
        for index, predicate_url, object_url in profile.relationships:
            at = f"relationships[{index}]"

            def warn(kind: str, column: str, value: str, **params: Any) -> None:
                problems.append(Problem(kind, WARNING, profile.file, None, f"{at}.{column}", value, params))

            found = _BY_PREDICATE.get(url_key(predicate_url))
            targets = by_url.get(url_key(object_url), [])
            if found is None:
                warn("murmurations-unknown-predicate", "predicate_url", predicate_url,
                     allowed=", ".join(p.url for p in PREDICATES.values()))
                continue
            if len(targets) != 1:
                warn("murmurations-unknown-object" if not targets else "murmurations-ambiguous-object", "object_url",
                     object_url, others=", ".join(profiles[k].file for k in targets))
                continue
            if targets[0] == i:
                problems.append(Problem("murmurations-self-tie", ERROR, profile.file, None, f"{at}.object_url",
                                        object_url))
                continue
            rel_type, predicate = found
            start, end = (i, targets[0]) if predicate.subject == "start" else (targets[0], i)
            spec = REL_SPECS[rel_type]

            def fits(a: int, b: int) -> bool:
                return labels[a] in spec.start_labels and labels[b] in spec.end_labels

            if not fits(start, end) and rel_type in SYMMETRIC_TYPES and fits(end, start):
                start, end = end, start  # a municipality states WORKS_WITH from its side
            if not fits(start, end):
                warn("murmurations-bad-ends", "predicate_url", predicate_url, type=rel_type, start=ids[start],
                     end=ids[end], start_label=labels[start], end_label=labels[end],
                     allowed_start="/".join(sorted(spec.start_labels)), allowed_end="/".join(sorted(spec.end_labels)))
                continue
            pair = tuple(sorted((ids[start], ids[end]))) if rel_type in SYMMETRIC_TYPES else (ids[start], ids[end])
            if (rel_type, *pair) in seen:
                continue
            seen.add((rel_type, *pair))
            rows.append({**empty, "type": rel_type, "start": ids[start], "end": ids[end], "section": profile.file,
                         "quote": f"{predicate_url} {object_url}", "evidence": "imported",
                         "note": f"importado de un perfil Murmurations el {day}"})
    return rows


_BY_PREDICATE = {url_key(p.url): (rel_type, p) for rel_type, p in PREDICATES.items()}
