"""Personal data: what it is, and the public form of a graph without it.

People's names, phones and e-mails (and the directory phones of organizations)
are personal data. They stay in the data files and the snapshot, but every shared
output (exports, HTML, reports, analysis JSON) is made from :func:`public_graph`
unless the user asks for personal data. Person ids are slugs of names, so the
public form also replaces them with a stable pseudonym; free texts (quotes,
notes, descriptions) lose the people's names and any phone number they contain.

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> G = build_graph([Node("person-ana-diaz", ("Person",), {"name": "Ana Díaz", "phone": "999 111 222"}),
...                  Node("joc", ("Organization",), {"name": "JOC", "phone": "01 4234567"})],
...                 [Relationship("REPRESENTS", "person-ana-diaz", "joc", {"quote": "Ana Díaz"})])
>>> P = public_graph(G)
>>> sorted(P.nodes)
['joc', 'person-9fdb5557']
>>> dict(P.nodes["person-9fdb5557"])
{'labels': ('Person',)}
>>> "phone" in P.nodes["joc"]
False
>>> Redactor(["Ana Díaz"])("Entrevista a Ana Díaz, tel. (+51) 984 316 053, desde 2016-2017")
'Entrevista a [persona], tel. [teléfono], desde 2016-2017'
"""
from __future__ import annotations

import hashlib
import re
from typing import Iterable

import networkx as nx

from essgraph.graphmodel.schema import NODE_SPECS, PERSONAL_PROPERTIES

__all__ = ["pseudonym", "public_graph", "is_personal_node", "Redactor", "PHONE_PATTERN", "TEXT_PROPERTIES"]

#: Relationship properties that may quote a person's name (the evidence of REPRESENTS).
_PERSONAL_REL_PROPERTIES = ("quote", "note")

#: Free-text properties of nodes and relationships that may quote a name or a phone.
TEXT_PROPERTIES = ("quote", "note", "description")

#: A phone number as the directory writes them: optional ``+51``/``(+51)``, area code,
#: then groups of digits; at least 6 digits in all (years and counts stay).
PHONE_PATTERN = re.compile(r"(?:\(?\+\d{1,3}\)?[\s.-]*)?(?:\(?\d{1,3}\)[\s.-]*)?\d(?:[\s.-]?\d){5,}")

_YEARS = re.compile(r"(?:19|20)\d\d[\s.-](?:19|20)\d\d")


class Redactor:
    """Replace the given people's names and any phone number in a text.

    >>> Redactor([])("periodo 2016-2017, 01 4234567")
    'periodo 2016-2017, [teléfono]'
    """

    def __init__(self, names: Iterable[str]) -> None:
        words = sorted({n.strip() for n in names if n and len(n.strip()) > 2}, key=len, reverse=True)
        self._names = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None

    def __call__(self, text: str) -> str:
        """``text`` without names and phone numbers."""
        if self._names is not None:
            text = self._names.sub("[persona]", text)
        return PHONE_PATTERN.sub(_phone, text)


def _phone(match: re.Match[str]) -> str:
    return match[0] if _YEARS.fullmatch(match[0]) else "[teléfono]"


def pseudonym(person_id: str) -> str:
    """A stable, non-reversible public id for a person.

    >>> pseudonym("person-ana-diaz")
    'person-9fdb5557'
    """
    return "person-" + hashlib.sha256(person_id.encode("utf-8")).hexdigest()[:8]


def is_personal_node(G: nx.MultiDiGraph, node_id: str) -> bool:
    """Whether the node is a person (personal data as a whole)."""
    return any(NODE_SPECS[label].personal for label in G.nodes[node_id].get("labels", ()) if label in NODE_SPECS)


def public_graph(G: nx.MultiDiGraph, *, texts: str = "redact") -> nx.MultiDiGraph:
    """A copy of ``G`` without personal data.

    Person nodes keep only their labels and get a pseudonymous id; personal
    properties of other nodes are dropped; relationships from a person keep
    their type, section, year and evidence but not the quote that names them;
    every other free text goes through a :class:`Redactor` of the people's names.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The property graph.
    texts : {"redact", "drop"}
        ``"drop"`` leaves the free texts (:data:`TEXT_PROPERTIES`) out instead of
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
    mapping = {n: pseudonym(n) for n in G.nodes if is_personal_node(G, n)}
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
            if scrub is None:
                dropped[labels] |= frozenset(TEXT_PROPERTIES)
        drop = dropped[labels]
        nodes.append((node_id, _scrubbed({k: v for k, v in attrs.items() if k not in drop}, scrub)))
    P.add_nodes_from(nodes)
    edges = []
    for start, end, key, attrs in sorted(G.edges(keys=True, data=True), key=lambda e: e[2]):
        if scrub is None:
            props = {k: v for k, v in attrs.items() if k not in TEXT_PROPERTIES}
        else:
            props = dict(attrs)
        if start in mapping or end in mapping:
            for name in _PERSONAL_REL_PROPERTIES:
                props.pop(name, None)
            key = key.replace(start, mapping.get(start, start), 1)
        edges.append((mapping.get(start, start), mapping.get(end, end), key, _scrubbed(props, scrub)))
    P.add_edges_from(edges)
    return P


def _scrubbed(props: dict[str, object], scrub: Redactor | None) -> dict[str, object]:
    if scrub is None:
        return props
    for name in TEXT_PROPERTIES:
        value = props.get(name)
        if isinstance(value, str):
            props[name] = scrub(value)
    return props
