"""Visual encoding: colours, shapes, sizes and line styles, and the legend that explains them.

Colours come from fixed palettes (never from data), so a colour means the same
thing in every view and every run.

Examples
--------
>>> colour_of("kind", "network"), colour_of("macro_region", "sur")
('#1f3b73', '#b07aa1')
>>> colour_of("macro_region", None) == NO_GROUP_COLOUR
True
>>> node_size(0.0), node_size(1.0)
(10, 42)
"""
from __future__ import annotations

from typing import Any

from essgraph.graphmodel.vocab import ORG_KINDS

from essgraph.render.texts import TEXTS

__all__ = [
    "COLOUR_BY", "KIND_COLOURS", "MACRO_REGION_COLOURS", "COMPONENT_COLOURS", "NO_GROUP_COLOUR", "OTHER_GROUPS_COLOUR", "FADED_COLOUR",
    "STYLE", "colour_of", "component_colour", "group_label", "node_size", "shape_of", "legend",
]

#: What node colour can show.
COLOUR_BY = ("kind", "macro_region")

#: Colour of each kind of organization, plus municipalities and people.
KIND_COLOURS: dict[str, str] = {
    "initiative": "#4e79a7", "cooperative": "#59a14f", "federation": "#9c755f", "union": "#b07aa1",
    "ngo": "#f28e2b", "church_body": "#edc948", "media": "#76b7b2", "academic": "#ff9da7", "school": "#c9b18b",
    "social_enterprise": "#8cd17d", "company": "#86bcb6", "public_body": "#e15759",
    "cooperation_agency": "#d4a6c8", "network": "#1f3b73", "platform": "#6a51a3", "mesa": "#a6306f",
    "municipality": "#2e8b57", "person": "#7f7f7f",
}

#: Colour of each macro-region of the report's mapping tables.
MACRO_REGION_COLOURS: dict[str, str] = {
    "lima-centro": "#e15759", "lima-nacional": "#f28e2b", "nor-oriente": "#59a14f", "centro": "#4e79a7",
    "sur": "#b07aa1",
}

#: Colours of connected groups in the gaps view (the largest first).
COMPONENT_COLOURS = ("#8fb3c9", "#e15759", "#f28e2b", "#59a14f", "#b07aa1", "#edc948", "#76b7b2", "#9c755f",
                     "#ff9da7", "#4e79a7")

NO_GROUP_COLOUR = "#bab0ac"
OTHER_GROUPS_COLOUR = "#d9c9a3"
FADED_COLOUR = "#e4e4e4"

#: Line and border styles of the marks.
STYLE: dict[str, Any] = {
    "edge": "#9a9a9a", "bridge": "#c0392b", "proposed": "#2ca02c", "articulation_border": "#111111",
    "isolated_border": "#d62728", "one_tie_border": "#ff7f0e", "inferred_dashes": [8, 6],
    "proposed_dashes": [2, 6], "isolated_dashes": [3, 3], "one_sided_dashes": [12, 4, 2, 4],
}

_SHAPES = {"network": "diamond", "municipality": "square", "person": "triangle"}


def colour_of(colour_by: str, group: str | None) -> str:
    """The colour of a node whose ``colour_by`` group (kind or macro-region) is ``group``."""
    palette = KIND_COLOURS if colour_by == "kind" else MACRO_REGION_COLOURS
    return palette.get(group or "", NO_GROUP_COLOUR)


def component_colour(index: int) -> str:
    """The colour of the ``index``-th connected group (0 is the largest).

    >>> component_colour(0), component_colour(1) == component_colour(len(COMPONENT_COLOURS))
    ('#8fb3c9', False)
    """
    return COMPONENT_COLOURS[index] if index < len(COMPONENT_COLOURS) else OTHER_GROUPS_COLOUR


def group_label(colour_by: str, group: str | None, names: dict[str, str], lang: str) -> str:
    """What the legend says for a colour group.

    >>> group_label("kind", "ngo", {}, "en"), group_label("macro_region", None, {}, "es")
    ('NGO', 'Sin región')
    """
    if colour_by == "kind":
        if group in ORG_KINDS:
            return ORG_KINDS[group].label(lang)
        return TEXTS.t({"municipality": "shape_muni", "person": "shape_person"}.get(group or "", "other"), lang)
    return names.get(group or "", TEXTS.t("no_region", lang))


def node_size(score: float) -> int:
    """Node size in pixels for a centrality scaled to ``0..1`` (area grows with the score)."""
    return int(round(10 + 32 * max(0.0, min(1.0, score)) ** 0.5))


def shape_of(group: str) -> str:
    """vis-network shape for a kind group: networks diamonds, municipalities squares, people triangles."""
    return _SHAPES.get("network" if group in ("network", "platform", "mesa") else group, "dot")


def legend(
    colours: list[tuple[str, str]], *, title: str, size_by: str, shapes: set[str], marks: set[str], lang: str,
) -> dict[str, Any]:
    """The legend of a view: colour swatches, what size means, the shapes and marks present.

    ``colours`` lists ``(colour, label)`` pairs; ``marks`` names the marks that occur
    (``articulation``, ``bridge``, ``isolated``, ``one_tie``, ``inferred``,
    ``one_sided``, ``proposed``, ``faded``). The stylesheet draws each mark's icon;
    a one-sided tie's icon carries its dash pattern, the graph's own.

    >>> legend([("#fff", "Red")], title="Color", size_by="degree", shapes={"dot"}, marks={"bridge"},
    ...        lang="en")["size"]
    'Size: number of ties'
    >>> legend([], title="", size_by="degree", shapes=set(), marks={"one_sided"}, lang="en")["marks"][0]["dashes"]
    '12 4 2 4'
    """
    shape_keys = [("dot", "shape_org"), ("diamond", "shape_network"), ("square", "shape_muni"),
                  ("triangle", "shape_person")]
    mark_keys = ["articulation", "bridge", "isolated", "one_tie", "inferred", "one_sided", "proposed", "faded"]
    dashes = {"one_sided": " ".join(map(str, STYLE["one_sided_dashes"]))}
    return {
        "title": TEXTS.t("legend", lang),
        "colour_title": title,
        "colours": [{"colour": c, "label": label} for c, label in colours],
        "size": TEXTS.t("legend_size", lang, measure=TEXTS.t(f"measure_{size_by}", lang)),
        "shapes_title": TEXTS.t("legend_shapes", lang),
        "shapes": [{"shape": s, "label": TEXTS.t(k, lang)} for s, k in shape_keys if s in shapes],
        "marks_title": TEXTS.t("legend_marks", lang),
        "marks": [{"mark": m, "label": TEXTS.t(f"mark_{m}", lang), **({"dashes": dashes[m]} if m in dashes else {})}
                  for m in mark_keys if m in marks],
    }
