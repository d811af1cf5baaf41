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
from typing import Iterable, Mapping

import networkx as nx

from essgraph.graphmodel.schema import NODE_SPECS, PERSONAL_PROPERTIES

__all__ = ["interviewee_marks", "number_interviewees", "public_graph", "is_personal_node", "Redactor", "PHONE_PATTERN", "EMAIL_PATTERN",
           "KEPT_TEXTS", "PERSONAL_REL_TEXTS"]

#: Relationship texts that may quote a person's name (the evidence of REPRESENTS): left out of a person's ties.
PERSONAL_REL_TEXTS = ("quote", "note", "note_es")

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
_URL = r"(?:https?://|www\.)[^\s\"'<>]+"
_URL_OR_PHONE = re.compile(f"(?P<url>{_URL})|{PHONE_PATTERN.pattern}", re.IGNORECASE)


class Redactor:
    """The one redaction: people's names (accent-, space- and case-insensitive), phones and e-mails.

    >>> Redactor([])("periodo 2016-2017, 01 - 423 - 4567")
    'periodo 2016-2017, [teléfono]'
    >>> Redactor([])("https://www.facebook.com/Conamovidi-387608587928366 o 3853144")
    'https://www.facebook.com/Conamovidi-387608587928366 o [teléfono]'
    >>> Redactor(["Rosa Quispe"])("con rosa   quíspe y ROSA QUISPE")
    'con [persona] y [persona]'
    """

    def __init__(self, names: Iterable[str]) -> None:
        words = sorted({_fold(n) for n in names if n and len(_fold(n)) > 2}, key=len, reverse=True)
        self._names = re.compile("|".join(_loose(w) for w in words), re.IGNORECASE) if words else None

    def __call__(self, text: str) -> str:
        """``text`` without names, e-mail addresses and phone numbers."""
        if self._names is not None:
            text = self._names.sub("[persona]", unicodedata.normalize("NFC", text))
        text = EMAIL_PATTERN.sub("[correo]", text)
        return _URL_OR_PHONE.sub(_phone, text)


def _fold(text: str) -> str:
    """Lower case, no accents, single spaces."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return " ".join(bare.lower().split())


def _loose(folded: str) -> str:
    """A pattern matching ``folded`` with any accents on its letters and any spacing between its words."""
    out = []
    for char in folded:
        if char == " ":
            out.append(r"\s+")
        elif char.isalpha():
            variants = {char} | {c for c in _ACCENTED.get(char, "")}
            out.append("[" + "".join(sorted(variants)) + "]")
        else:
            out.append(re.escape(char))
    return r"(?<!\w)" + "".join(out) + r"(?!\w)"


_ACCENTED = {"a": "áàâäã", "e": "éèêë", "i": "íìîï", "o": "óòôöõ", "u": "úùûü", "n": "ñ", "c": "ç"}


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
    if texts not in ("redact", "drop"):
        raise ValueError(f"texts must be 'redact' or 'drop', got {texts!r}")
    mapping = interviewee_marks(G)
    scrub = Redactor(str(G.nodes[n].get("name", "")) for n in mapping) if texts == "redact" else None
    P = nx.MultiDiGraph()
    P.graph.update(G.graph)
    dropped: dict[tuple[str, ...], frozenset[str]] = {}  # personal properties by label set
    nodes: list[tuple[str, dict[str, object]]] = []
    for node_id in sorted(G.nodes):
        attrs = G.nodes[node_id]
        labels = tuple(attrs.get("labels", ()))
        if node_id in mapping:
            nodes.append((mapping[node_id], {"labels": labels}))
            continue
        if labels not in dropped:
            dropped[labels] = frozenset(k for label, k in PERSONAL_PROPERTIES if label in labels)
        drop = dropped[labels]
        nodes.append((node_id, _scrubbed({k: v for k, v in attrs.items() if k not in drop}, scrub)))
    P.add_nodes_from(nodes)
    edges = []
    for start, end, key, attrs in sorted(G.edges(keys=True, data=True), key=lambda e: e[2]):
        props = dict(attrs)
        if start in mapping or end in mapping:
            for name in PERSONAL_REL_TEXTS:
                props.pop(name, None)
            key = key.replace(start, mapping.get(start, start), 1)
        edges.append((mapping.get(start, start), mapping.get(end, end), key, _scrubbed(props, scrub)))
    P.add_edges_from(edges)
    return P


def _scrubbed(props: dict[str, object], scrub: Redactor | None) -> dict[str, object]:
    """Every text property but :data:`KEPT_TEXTS` redacted (``scrub``) or left out (``None``)."""
    for name, value in list(props.items()):
        if name in KEPT_TEXTS or not isinstance(value, (str, list, tuple)):
            continue
        if scrub is None:
            if isinstance(value, str):
                del props[name]
        elif isinstance(value, str):
            props[name] = scrub(value)
        else:
            props[name] = type(value)(scrub(v) if isinstance(v, str) else v for v in value)
    return props
