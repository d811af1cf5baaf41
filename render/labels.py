"""Which node labels a drawing shows at first, so that none overlaps another.

The whole view (and any view whose layout is computed in Python, see
:func:`essgraph.render.positions.force_layout`) and the report's static picture of
the network (:mod:`essgraph.render.picture`) name only some nodes at first: the
searched or focused one, the hubs and the cut points, in that order. A label is
one line of text centred under its node; its box is estimated from the text's
length and the font size, in the layout's own units (positions, node radii and
font sizes are all in those units, so whether two boxes overlap does not depend
on the zoom). Candidates are taken in rank order and one whose box overlaps a box
already kept is left out: the same input always gives the same labels, and no two
shown labels overlap. The others appear on hover and when zooming in (the view).

Examples
--------
>>> a = Label("a", 0, 0, 10, "GRESP", 14)
>>> b = Label("b", 5, 2, 10, "CIAP", 14)  # right under a: its box overlaps a's
>>> c = Label("c", 200, 0, 10, "CXD", 14)
>>> [label.node for label in shown_labels([a, b, c])]
['a', 'c']
"""
from __future__ import annotations

from typing import Collection, Iterable, NamedTuple

from essgraph.render.structure import Structure

__all__ = ["CHAR_WIDTH", "LINE_HEIGHT", "MAX_LABELS", "Label", "label_box", "overlaps", "named_first", "shown_labels"]

#: Estimated width of a character, in font sizes (system-ui and DejaVu Sans: about 0.55 for small letters, 0.7 for capitals).
CHAR_WIDTH = 0.66
#: Estimated height of a line of text (with its white halo), in font sizes.
LINE_HEIGHT = 1.3
#: At most this many labels are shown at first.
MAX_LABELS = 40

#: Space between a node's edge and the top of its label, in font sizes.
_GAP = 0.25


class Label(NamedTuple):
    """A candidate label: its node, the node's centre and radius, the text and its font size."""

    node: str
    x: float
    y: float
    radius: float
    text: str
    font: float


def label_box(label: Label) -> tuple[float, float, float, float]:
    """The estimated box ``(left, top, right, bottom)`` of a label (y grows downwards, as on a page).

    >>> label_box(Label("a", 0, 0, 10, "ab", 10))
    (-6.6, 12.5, 6.6, 25.5)
    """
    half = CHAR_WIDTH * label.font * len(label.text) / 2
    top = label.y + label.radius + _GAP * label.font
    return (round(label.x - half, 3), round(top, 3), round(label.x + half, 3), round(top + LINE_HEIGHT * label.font, 3))


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two boxes ``(left, top, right, bottom)`` share some area.

    >>> overlaps((0, 0, 2, 2), (1, 1, 3, 3)), overlaps((0, 0, 2, 2), (2, 0, 4, 2))
    (True, False)
    """
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def shown_labels(candidates: Iterable[Label], *, limit: int = MAX_LABELS) -> list[Label]:
    """The labels shown at first: ``candidates`` in rank order, less each one overlapping one kept before.

    At most ``limit`` are kept, and at most ten times that many are looked at (a
    graph with thousands of cut points names the first ones only).
    """
    kept: list[Label] = []
    boxes: list[tuple[float, float, float, float]] = []
    for i, label in enumerate(candidates):
        if len(kept) >= limit or i >= 10 * limit:
            break
        box = label_box(label)
        if not any(overlaps(box, other) for other in boxes):
            kept.append(label)
            boxes.append(box)
    return kept


def named_first(structure: Structure, nodes: Collection[str], focus: str | None = None) -> list[str]:
    """The nodes of ``nodes`` a drawing names at first, in rank order: ``focus``, then the hubs,
    then the cut points, each by most ties (then id).

    >>> import networkx as nx
    >>> from essgraph.render.structure import measure
    >>> s = measure(nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("b", "e"), ("b", "f")]))
    >>> named_first(s, ["a", "b", "c", "d", "e", "f"]), named_first(s, ["a", "c", "d"], focus="d")
    (['b', 'c'], ['d', 'c'])
    """
    def rank(node: str) -> tuple[int, str]:
        return (-structure.degree.get(node, 0), node)
    picked: list[str] = [focus] if focus is not None and focus in nodes else []
    picked += sorted((n for n in nodes if n in structure.hubs and n != focus), key=rank)
    picked += sorted((n for n in nodes if n in structure.articulation and n not in structure.hubs and n != focus),
                     key=rank)
    return picked
