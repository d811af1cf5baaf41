"""Node positions computed in Python: a seeded force layout and a map-like layout of Peru.

Big graphs get their positions here (Fruchterman–Reingold, seeded, so the same
data always gives the same picture: :func:`essgraph.analysis.engine.force_layout_coords`
computes it, this module scales it to the page) and the page turns physics off.
The geographic view places each organization near its region's capital on a
simplified outline of Peru drawn from the constants below: no tiles, no network.

Examples
--------
>>> pos = force_layout(3, [(0, 1), (1, 2)], seed=1)
>>> len(pos), pos == force_layout(3, [(0, 1), (1, 2)], seed=1)
(3, True)
>>> x, y = map_point("cusco"); x > map_point("lima-metropolitana")[0]
True
>>> map_point("atlantis", macro_region="sur") == map_point(None, macro_region="sur") != map_point(None)
True
"""
from __future__ import annotations

import math

import numpy as np

from essgraph.analysis.engine import force_layout_coords
from essgraph.loaders.folder import departments

__all__ = ["REGION_COORDS", "MACRO_ANCHORS", "PERU_OUTLINE", "SCALE", "GEO_SPACING", "force_layout", "map_point", "geo_layout", "outline_points"]

#: Pixels per degree of longitude or latitude in the geographic view.
SCALE = 300.0

#: Distance in pixels between neighbouring organizations of one region in the geographic view.
GEO_SPACING = 34.0

#: Approximate (longitude, latitude) of each region's capital, by region id; Callao and
#: Lima Metropolitana are pulled apart so both stay readable.
REGION_COORDS: dict[str, tuple[float, float]] = {
    "tumbes": (-80.45, -3.57), "piura": (-80.63, -5.19), "lambayeque": (-79.84, -6.77),
    "la-libertad": (-79.03, -8.11), "cajamarca": (-78.51, -7.16), "amazonas": (-77.87, -6.23),
    "loreto": (-73.25, -3.75), "san-martin": (-76.97, -6.8), "ancash": (-77.53, -9.53),
    "huanuco": (-76.24, -9.93), "pasco": (-76.0, -10.68), "ucayali": (-74.55, -8.38),
    "lima": (-76.9, -11.1), "lima-metropolitana": (-77.03, -12.05), "callao": (-77.9, -12.06),
    "junin": (-75.21, -12.07), "huancavelica": (-74.97, -12.79), "ica": (-75.73, -14.07),
    "ayacucho": (-74.22, -13.16), "apurimac": (-72.88, -13.64), "cusco": (-71.97, -13.53),
    "madre-de-dios": (-69.9, -12.0), "arequipa": (-71.54, -16.41), "moquegua": (-70.93, -17.19),
    "puno": (-70.02, -15.4), "tacna": (-70.25, -17.9),
}

#: INEI department codes (ubigeo) of the data's departments, for data that uses other ids.
_UBIGEO = {d.ubigeo: d.id for d in departments()}

#: Past this many nodes the layout uses igraph's faster grid variant.
_GRID_ABOVE = 1000

#: Where organizations known only by macro-region go: off the coast, next to it.
MACRO_ANCHORS: dict[str, tuple[float, float]] = {
    "nor-oriente": (-81.6, -8.3), "lima-nacional": (-79.9, -10.6), "lima-centro": (-79.5, -12.6),
    "centro": (-78.6, -14.3), "sur": (-75.0, -17.6),
}

#: Where organizations without a known region or macro-region go: in the ocean, far west.
_NOWHERE = (-82.4, -11.0)

#: Simplified border of Peru as (longitude, latitude), clockwise from Tumbes.
PERU_OUTLINE: tuple[tuple[float, float], ...] = (
    (-80.3, -3.4), (-80.1, -4.3), (-79.3, -4.9), (-78.7, -4.6), (-78.3, -3.4), (-77.0, -2.9),
    (-75.6, -1.6), (-75.2, -0.97), (-74.3, -1.3), (-73.5, -1.8), (-72.9, -2.4), (-71.7, -2.2),
    (-70.3, -2.6), (-69.95, -4.22), (-71.2, -4.6), (-72.9, -5.2), (-73.3, -6.6), (-74.0, -7.5),
    (-73.6, -9.3), (-72.4, -9.5), (-72.2, -10.0), (-70.6, -11.0), (-69.6, -10.95), (-68.7, -12.6),
    (-69.0, -13.7), (-68.9, -14.9), (-69.3, -15.4), (-69.2, -16.2), (-69.6, -17.3), (-70.4, -18.35),
    (-71.4, -17.7), (-72.4, -17.0), (-73.5, -16.3), (-75.2, -15.4), (-76.3, -13.9), (-76.8, -12.8),
    (-77.2, -12.0), (-77.7, -11.2), (-78.2, -10.0), (-78.9, -8.7), (-79.5, -7.6), (-80.0, -6.9),
    (-81.1, -6.0), (-81.3, -4.7), (-80.6, -3.5),
)


def force_layout(n: int, edges: list[tuple[int, int]], *, seed: int = 42, spacing: float = 70.0) -> list[tuple[float, float]]:
    """Positions of ``n`` nodes joined by index pairs ``edges``, about ``spacing`` pixels apart.

    Fruchterman–Reingold (:func:`~essgraph.analysis.engine.force_layout_coords`) with
    its random numbers drawn from ``random.Random(seed)``, so the result depends only on the input and ``seed``;
    past 1,000 nodes it uses the grid variant with fewer iterations as the graph
    grows (500 up to 2,000 nodes, 200 at 10,000, 100 from 20,000: about a second
    at 10,000 nodes).
    """
    if n == 0:
        return []
    coords = force_layout_coords(n, edges, seed=seed, iterations=_iterations(n), grid=n > _GRID_ABOVE)
    coords -= coords.mean(axis=0)
    spread = float(np.sqrt((coords ** 2).sum(axis=1).mean())) or 1.0
    coords *= spacing * math.sqrt(n) / 2 / spread
    return [(round(float(x), 1), round(float(y), 1)) for x, y in coords]


def _iterations(n: int) -> int:
    return max(100, min(500, 2_000_000 // max(n, 1)))


def _project(lon: float, lat: float) -> tuple[float, float]:
    return (round((lon + 75.0) * SCALE, 1), round(-(lat + 9.5) * SCALE, 1))


def map_point(region: str | None, ubigeo: str | None = None, *, macro_region: str | None = None
              ) -> tuple[float, float]:
    """Page coordinates of a region's capital.

    Without a known region: the macro-region's spot off the coast, else a spot far
    in the ocean.
    """
    key = region if region in REGION_COORDS else _UBIGEO.get((ubigeo or "")[:2], "")
    if key:
        return _project(*REGION_COORDS[key])
    return _project(*MACRO_ANCHORS.get(macro_region or "", _NOWHERE))


def outline_points() -> list[tuple[float, float]]:
    """The outline of Peru in page coordinates."""
    return [_project(lon, lat) for lon, lat in PERU_OUTLINE]


def geo_layout(groups: dict[tuple[float, float], list[str]], *, spacing: float = 16.0) -> dict[str, tuple[float, float]]:
    """Spread each group of node ids around its anchor point as a sunflower.

    >>> pos = geo_layout({(0.0, 0.0): ["a", "b"], (500.0, 0.0): ["c"]})
    >>> pos["c"], pos["a"] != pos["b"]
    ((500.0, 0.0), True)
    """
    golden = math.pi * (3 - math.sqrt(5))
    positions = {}
    for (ax, ay), ids in groups.items():
        for k, node_id in enumerate(sorted(ids)):
            r = spacing * math.sqrt(k)
            positions[node_id] = (round(ax + r * math.cos(k * golden), 1), round(ay + r * math.sin(k * golden), 1))
    return positions
