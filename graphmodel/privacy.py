"""Personal data: what it is, and the public form of a graph without it.

People's names, phones and e-mails (and the directory phones of organizations)
are personal data. They stay in the data files and the snapshot, but every shared
output (exports, HTML, reports, analysis JSON, query results) is made from
:func:`public_graph` unless the user asks for personal data.

Public outputs carry no person-level record that can be linked back to a name.
Person ids are slugs of names and the 2018 report that names the interviewees is
public, so a hash of the id (the first design) was reversed by hashing the
report's names. Instead each interviewee becomes a numbered mark,
``entrevistado-1``, ``entrevistado-2``…, numbered by the organizations they speak
for (:func:`interviewee_marks`): it still tells that two organizations share an
interviewee, and nothing about who. Free texts — every text property of a node
or a relationship: quotes, notes, descriptions, sections, webs — pass through
one :class:`Redactor` that removes people's names (whatever their accents,
spacing or case), phone numbers (``01 - 423 - 4567`` too; year ranges stay) and
e-mail addresses.

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> G = build_graph([Node("person-ana-diaz", ("Person",), {"name": "Ana Díaz", "phone": "999 111 222"}),
...                  Node("joc", ("Organization",), {"name": "JOC", "phone": "01 4234567"})],
...                 [Relationship("REPRESENTS", "person-ana-diaz", "joc", {"quote": "Ana Díaz"})])
>>> P = public_graph(G)
>>> sorted(P.nodes)
['entrevistado-1', 'joc']
>>> dict(P.nodes["entrevistado-1"])
{'labels': ('Person',)}
>>> "phone" in P.nodes["joc"]
False
>>> Redactor(["Ana Díaz"])("Entrevista a ANA  DIAZ, tel. (+51) 984 316 053, desde 2016-2017, ana@x.org")
'Entrevista a [persona], tel. [teléfono], desde 2016-2017, [correo]'
"""
from __future__ import annotations

import re
import unicodedata
from operator import itemgetter
from typing import Any, Iterable, Mapping

import networkx as nx

from essgraph.gcpause import paused_gc
from essgraph.graphmodel.graph import graph_from_attrs
from essgraph.graphmodel.schema import NODE_SPECS, PERSONAL_PROPERTIES

__all__ = ["interviewee_marks", "number_interviewees", "public_graph", "public_rows", "is_personal_node", "Redactor",
           "PHONE_PATTERN", "EMAIL_PATTERN", "KEPT_TEXTS", "PERSONAL_REL_TEXTS"]

#: Relationship texts that may quote a person's name (the evidence of REPRESENTS): left out of a person's ties.
PERSONAL_REL_TEXTS = frozenset({"quote", "note", "note_es"})

#: Text properties that name the thing itself and are never redacted (an organization's name, its e-mail).
KEPT_TEXTS = frozenset({"id", "name", "acronym", "aliases", "email", "type", "labels", "region", "macro_region",
                        "kind", "status", "sector", "sectors_additional", "themes", "qualifiers", "legal_form",
                        "membership_base", "scope", "evidence", "confirmation", "round", "respondent", "ubigeo",
                        "level", "review"})

#: A phone number as the directory writes them: optional ``+51``/``(+51)``, area code,
#: then groups of digits split by spaces, dots or dashes (``01 - 423 - 4567``); at
#: least 6 digits in all (years and counts stay).
PHONE_PATTERN = re.compile(r"(?:\(?\+\d{1,3}\)?[\s.-]*)?(?:\(?\d{1,3}\)[\s.-]*)?\d(?:(?:\s*[.-]\s*|\s)?\d){5,}")
#: An e-mail address, or what is left of one (``wgranda@…``).
EMAIL_PATTERN = re.compile(r"[\w.+-]+@(?:[\w-]+(?:\.[\w-]+)+|…|\.\.\.)?")

_YEARS = re.compile(r"(?:19|20)\d\d\s*[.-]?\s*(?:19|20)\d\d")
#: A web address: its digits are page numbers, not phones (facebook.com/Conamovidi-387608587928366).
#: (Any case: written out, as ``re.IGNORECASE`` made the whole pattern a third slower; ``ſ`` is the ``s`` it also took.)
_URL = r"(?:[hH][tT][tT][pP][sSſ]?://|[wW][wW][wW]\.)[^\s\"'<>]+"
_URL_OR_PHONE = re.compile(f"(?P<url>{_URL})|{PHONE_PATTERN.pattern}")


class Redactor:
    """The one redaction: people's names (accent-, space- and case-insensitive), phones and e-mails.

    All the names make one pattern, a trie (:func:`_trie`) that matches at a
    place the longest name that fits, so thousands of names cost about what a
    few do; e-mails are only looked for in a text with an ``@``, phones in one
    with a digit, and each distinct text is redacted once.

    >>> Redactor([])("periodo 2016-2017, 01 - 423 - 4567")
    'periodo 2016-2017, [teléfono]'
    >>> Redactor([])("https://www.facebook.com/Conamovidi-387608587928366 o 3853144")
    'https://www.facebook.com/Conamovidi-387608587928366 o [teléfono]'
    >>> Redactor(["Rosa Quispe"])("con rosa   quíspe y ROSA QUISPE")
    'con [persona] y [persona]'
    >>> Redactor(["Rosa Quispe", "Rosa"])("Rosa Quispe, Rosa, Rosalía")
    '[persona], [persona], Rosalía'
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._words = sorted({_fold(n) for n in names if n and len(_fold(n)) > 2})
        self._names: re.Pattern[str] | None = None  # made on the first text
        self._done: dict[str, str] = {}  # texts repeat (sections, notes): each is redacted once

    def __call__(self, text: str) -> str:
        """``text`` without names, e-mail addresses and phone numbers."""
        done = self._done.get(text)
        if done is None:
            done = self._done[text] = self._redact(text)
        return done

    def _redact(self, text: str) -> str:
        if self._words:
            if self._names is None:
                self._names = re.compile(_trie(self._words), re.IGNORECASE)
            text = self._names.sub("[persona]", unicodedata.normalize("NFC", text))
        if "@" in text:
            text = EMAIL_PATTERN.sub("[correo]", text)
        return _URL_OR_PHONE.sub(_phone, text) if _DIGIT.search(text) else text


def _fold(text: str) -> str:
    """Lower case, no accents, single spaces."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return " ".join(bare.lower().split())


def _loose_char(char: str) -> str:
    """The pattern of one character of a folded name: any accent on a letter, any spacing for a space."""
    if char == " ":
        return r"\s+"
    if char.isalpha():
        return "[" + "".join(sorted({char} | set(_ACCENTED.get(char, "")))) + "]"
    return re.escape(char)


def _trie(words: list[str]) -> str:
    """One pattern for the folded names ``words``: each a whole word run of its characters' patterns, the longest first.

    A trie shares the names' common beginnings, so a place in a text is tried
    against the few letters that start names, not against every name; at each
    branch the longer names come before a name ending there, so where several
    names match the longest wins, as in an alternation of the names sorted
    longest first.

    >>> re.compile(_trie(["ana", "ana diaz"]), re.IGNORECASE).sub("#", "Ana, ANA  Díaz, Anabel")
    '#, #, Anabel'
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        parts = [_loose_char(char) + branch(child) for char, child in node.items() if char]
        if "" in node:
            parts.append(r"(?!\w)")
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return r"(?<!\w)" + branch(root)


_ACCENTED = {"a": "áàâäã", "e": "éèêë", "i": "íìîï", "o": "óòôöõ", "u": "úùûü", "n": "ñ", "c": "ç"}
_DIGIT = re.compile(r"\d")


def _phone(match: re.Match[str]) -> str:
    return match[0] if match["url"] or _YEARS.fullmatch(match[0]) else "[teléfono]"


def interviewee_marks(G: nx.MultiDiGraph) -> dict[str, str]:
    """``{person id: "entrevistado-N"}``: unlinkable public marks, numbered by the organizations each speaks for.

    >>> from essgraph.graphmodel import Node, Relationship, build_graph
    >>> G = build_graph([Node("person-zoe", ("Person",)), Node("person-ana", ("Person",)),
    ...                  Node("a", ("Organization",)), Node("b", ("Organization",))],
    ...                 [Relationship("REPRESENTS", "person-zoe", "a"), Relationship("REPRESENTS", "person-ana", "b")])
    >>> interviewee_marks(G)
    {'person-zoe': 'entrevistado-1', 'person-ana': 'entrevistado-2'}
    """
    return number_interviewees({p: G.successors(p) for p in G.nodes if is_personal_node(G, p)})


def number_interviewees(speaks_for: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """The marks of :func:`interviewee_marks` from ``{person id: organizations it speaks for}`` (any store)."""
    keys = {str(p): tuple(sorted(str(o) for o in orgs)) for p, orgs in speaks_for.items()}
    order = sorted(keys, key=lambda p: (keys[p], p))
    return {p: f"entrevistado-{i}" for i, p in enumerate(order, start=1)}


def is_personal_node(G: nx.MultiDiGraph, node_id: str) -> bool:
    """Whether the node is a person (personal data as a whole)."""
    return any(NODE_SPECS[label].personal for label in G.nodes[node_id].get("labels", ()) if label in NODE_SPECS)


def public_graph(G: nx.MultiDiGraph, *, texts: str = "redact") -> nx.MultiDiGraph:
    """A copy of ``G`` without personal data.

    Person nodes keep only their labels and become an :func:`interviewee_marks`
    mark; personal properties of other nodes are dropped; relationships from a
    person keep their type, year and evidence but not the quote that names them;
    every other text property (all but :data:`KEPT_TEXTS`) goes through one
    :class:`Redactor` of the people's names.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The property graph.
    texts : {"redact", "drop"}
        ``"drop"`` leaves the free texts (all but :data:`KEPT_TEXTS`) out instead of
        redacting them: for callers that never read them (the analyses), it
        saves matching every text against every person's name.

    Examples
    --------
    >>> from essgraph.graphmodel import Node, build_graph
    >>> G = build_graph([Node("joc", ("Organization",), {"name": "JOC", "description": "tel. 01 4234567"})], [])
    >>> public_graph(G).nodes["joc"]["description"], "description" in public_graph(G, texts="drop").nodes["joc"]
    ('tel. [teléfono]', False)
    """
    with paused_gc():  # a copy of every node and relationship: see essgraph.gcpause
        P = graph_from_attrs(*public_rows(G, texts=texts), derive=False)
    P.graph.update(G.graph)
    return P


def public_rows(G: nx.MultiDiGraph, *, texts: str = "redact") -> tuple[list[tuple[str, dict[str, object]]],
                                                                     list[tuple[str, str, str, dict[str, object]]]]:
    """The nodes ``(id, attrs)`` and relationships ``(start, end, key, attrs)`` of :func:`public_graph`.

    For a writer that needs the rows and not the graph (the JSON export);
    nodes in the order of ``G``'s ids, relationships in the order of its keys.

    >>> from essgraph.graphmodel import Node, build_graph
    >>> public_rows(build_graph([Node("p", ("Person",), {"name": "Ana"})], []))
    ([('entrevistado-1', {'labels': ('Person',)})], [])
    """
    if texts not in ("redact", "drop"):
        raise ValueError(f"texts must be 'redact' or 'drop', got {texts!r}")
    mapping = interviewee_marks(G)
    scrub = Redactor(str(G.nodes[n].get("name", "")) for n in mapping) if texts == "redact" else None
    dropped: dict[tuple[str, ...], frozenset[str]] = {}  # personal properties by label set
    nodes: list[tuple[str, dict[str, object]]] = []
    for node_id, attrs in sorted(G.nodes(data=True), key=itemgetter(0)):
        labels = tuple(attrs.get("labels", ()))
        if node_id in mapping:
            nodes.append((mapping[node_id], {"labels": labels}))
            continue
        if labels not in dropped:
            dropped[labels] = frozenset(k for label, k in PERSONAL_PROPERTIES if label in labels)
        nodes.append((node_id, _scrubbed(attrs, scrub, dropped[labels])))
    edges = []
    every = ((start, end, key, attrs) for start, out in G.adjacency() for end, keyed in out.items()
             for key, attrs in keyed.items())
    for start, end, key, attrs in sorted(every, key=itemgetter(2)):
        if start in mapping or end in mapping:
            key = key.replace(start, mapping.get(start, start), 1)
            edges.append((mapping.get(start, start), mapping.get(end, end), key,
                          _scrubbed(attrs, scrub, PERSONAL_REL_TEXTS)))
        else:
            edges.append((start, end, key, _scrubbed(attrs, scrub)))
    return nodes, edges


def _scrubbed(props: Mapping[str, object], scrub: Redactor | None, drop: frozenset[str] = frozenset()
              ) -> dict[str, object]:
    """A copy of ``props`` without ``drop`` and with every text but :data:`KEPT_TEXTS` redacted (``scrub``) or left out (``None``)."""
    if scrub is None:
        return {k: v for k, v in props.items() if k not in drop and (k in KEPT_TEXTS or not isinstance(v, str))}
    return {k: v if k in KEPT_TEXTS else _redacted(v, scrub) for k, v in props.items() if k not in drop}


def _redacted(value: object, scrub: Redactor) -> object:
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, (list, tuple)):
        return type(value)(scrub(v) if isinstance(v, str) else v for v in value)
    return value
