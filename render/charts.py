"""Small static charts for the report, drawn with matplotlib (Agg) as PNG ``data:`` URIs.

Each chart reads only the part of an :func:`essgraph.analysis.analyze` result it
draws (and the result's ``labels`` of macro-regions), so the report draws what
the analyses found and nothing else.

Examples
--------
>>> gaps = {"groups": [{"group": "sur", "internal": 2}, {"group": "centro", "internal": 0}],
...         "pairs": [{"a": "centro", "b": "sur", "ties": 3}]}
>>> names = {"sur": "Sur", "centro": "Centro"}
>>> macro_region_matrix(gaps, names)
(['Centro', 'Sur'], [[0, 3], [3, 2]])
>>> heat_map(gaps, names, "es").startswith("data:image/png;base64,")
True
>>> heat_map({"groups": [], "pairs": []}, {}, "es")
''
>>> print(heat_map_alt(gaps, names, "en"))
Heat map of the ties within each macro-region (diagonal) and between two of them. Most ties: Centro with Sur: 3; Sur with Sur: 2. Every figure is in the table of the chart's data.
"""
from __future__ import annotations

import base64
import functools
import io
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from essgraph.analysis.result import GroupCount, RoleRow
from essgraph.render.texts import TEXTS  # noqa: E402

__all__ = ["DEGREE_BARS", "Chart", "chart", "macro_region_matrix", "heat_map", "heat_map_alt", "degree_histogram",
           "degree_alt", "isolation_bars", "isolation_alt", "png_uri"]


def _literal_text(chart: Callable[..., str]) -> Callable[..., str]:
    """Draw ``chart`` with every string as literal text: a region named ``$x$`` is not TeX math."""
    @functools.wraps(chart)
    def drawn(*args: Any, **kwargs: Any) -> str:
        with plt.rc_context({"text.parse_math": False}):
            return chart(*args, **kwargs)
    return drawn


def png_uri(fig: Any) -> str:
    """A figure as a ``data:image/png;base64,…`` URI (the figure is closed)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def macro_region_matrix(gaps: Mapping[str, Any], labels: Mapping[str, str]) -> tuple[list[str], list[list[int]]]:
    """Names of the macro-regions and the symmetric matrix of ties between them (diagonal: within).

    ``gaps`` is ``result.group_gaps["macro_region"]``, ``labels`` ``result.labels["macro_region"]``.
    """
    keys = sorted((g["group"] for g in gaps["groups"]), key=lambda k: labels.get(k, k))
    index = {k: i for i, k in enumerate(keys)}
    matrix = [[0] * len(keys) for _ in keys]
    for group in gaps["groups"]:
        matrix[index[group["group"]]][index[group["group"]]] = int(group["internal"])
    for pair in gaps["pairs"]:
        i, j = index[pair["a"]], index[pair["b"]]
        matrix[i][j] = matrix[j][i] = int(pair["ties"])
    return [labels.get(k, k) for k in keys], matrix


@_literal_text
def heat_map(gaps: Mapping[str, Any], labels: Mapping[str, str], lang: str) -> str:
    """Heat map of the ties within and between macro-regions ("" when no organization has one)."""
    names, matrix = macro_region_matrix(gaps, labels)
    if not names:
        return ""
    fig, ax = plt.subplots(figsize=(5.2, 4.2))
    image = ax.imshow(matrix, cmap="YlOrRd", vmin=0)
    ax.set_xticks(range(len(names)), names, rotation=35, ha="right")
    ax.set_yticks(range(len(names)), names)
    top = max((max(row) for row in matrix), default=0)
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            ax.text(j, i, str(value), ha="center", va="center", color="white" if value > top / 2 else "black")
    ax.set_title(TEXTS.t("chart_heat_map", lang), fontsize=11)
    fig.colorbar(image, ax=ax, shrink=0.8)
    return png_uri(fig)


#: Bars of :func:`degree_histogram`: one per degree up to this, the last one for this many ties or more.
DEGREE_BARS = 40


@_literal_text
def degree_histogram(roles: Sequence[RoleRow], lang: str) -> str:
    """How many organizations have 0, 1, 2… ties (the isolated bar in red), from ``result.roles["roles"]``."""
    counts = Counter(min(int(row["degree"]), DEGREE_BARS) for row in roles)
    degrees = list(range(0, max(counts, default=0) + 1))
    fig, ax = plt.subplots(figsize=(5.6, 3.2))
    colours = ["#d62728" if d == 0 else "#ff7f0e" if d == 1 else "#4e79a7" for d in degrees]
    ax.bar(degrees, [counts.get(d, 0) for d in degrees], color=colours)
    if degrees[-1] == DEGREE_BARS:  # the last bar gathers every larger degree (a hub can have tens of thousands)
        ax.set_xticks([0, 10, 20, DEGREE_BARS], ["0", "10", "20", f"{DEGREE_BARS}+"])
    ax.set_xlabel(TEXTS.t("chart_degree_x", lang))
    ax.set_ylabel(TEXTS.t("chart_organizations", lang))
    ax.set_title(TEXTS.t("chart_degree", lang), fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)
    return png_uri(fig)


@_literal_text
def isolation_bars(rows: Sequence[GroupCount], labels: Mapping[str, str], lang: str) -> str:
    """Per macro-region (``result.isolated["by_group"]["macro_region"]``): isolated, one-tie and
    better-connected organizations ("" when none)."""
    if not rows:
        return ""
    names = [labels.get(r["group"], TEXTS.t("no_region", lang)) for r in rows]
    isolated = [r["isolated"] for r in rows]
    one_tie = [r["one_tie"] for r in rows]
    rest = [r["organizations"] - r["isolated"] - r["one_tie"] for r in rows]
    fig, ax = plt.subplots(figsize=(5.6, 3.2))
    ax.barh(names, isolated, color="#d62728", label=TEXTS.t("isolated", lang))
    ax.barh(names, one_tie, left=isolated, color="#ff7f0e", label=TEXTS.t("one_tie", lang))
    ax.barh(names, rest, left=[a + b for a, b in zip(isolated, one_tie)], color="#4e79a7",
            label=TEXTS.t("chart_connected", lang))
    ax.invert_yaxis()
    ax.set_xlabel(TEXTS.t("chart_organizations", lang))
    ax.set_title(TEXTS.t("chart_isolation", lang), fontsize=11)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return png_uri(fig)


@dataclass(frozen=True)
class Chart:
    """A chart on a page: the picture, its drawn size in pixels, its title and its text alternative."""

    uri: str
    width: int
    height: int
    title: str
    alt: str


def chart(uri: str, title: str, alt: str) -> Chart | None:
    """A :class:`Chart` of a PNG ``data:`` URI made by this module (``None`` for the empty chart ``""``).

    The size read from the PNG lets the page reserve the picture's place before it is decoded.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(figsize=(2, 1))
    >>> ax.set_axis_off(); fig.patch.set_facecolor("red")
    >>> c = chart(png_uri(fig), "t", "a sentence")
    >>> 0 < c.height < c.width <= 220, chart("", "t", "a") is None
    (True, True)
    """
    if not uri:
        return None
    head = base64.b64decode(uri.split(",", 1)[1][:44])  # signature, IHDR length and type, width, height
    return Chart(uri, int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big"), title, alt)


def heat_map_alt(gaps: Mapping[str, Any], labels: Mapping[str, str], lang: str) -> str:
    """What :func:`heat_map` shows, in a sentence: the pairs with most ties (the table holds them all)."""
    names, matrix = macro_region_matrix(gaps, labels)
    cells = sorted(((matrix[i][j], names[i], names[j]) for i in range(len(names)) for j in range(i, len(names))
                    if matrix[i][j]), key=lambda c: (-c[0], c[1], c[2]))[:3]
    top = "; ".join(TEXTS.t("chart_pair", lang, a=a, b=b, n=n) for n, a, b in cells) or TEXTS.t("chart_no_ties", lang)
    return TEXTS.t("chart_heat_map_alt", lang, top=top)


def degree_alt(roles: Sequence[RoleRow], lang: str) -> str:
    """What :func:`degree_histogram` shows, in a sentence: how many organizations have 0, 1, 2 and more ties.

    >>> print(degree_alt([{"degree": d} for d in (0, 0, 1, 5)], "en"))
    Bars: how many organizations have each number of ties. No tie: 2; one: 1; two: 0; three or more: 1. The most ties: 5.
    """
    degrees = [int(row["degree"]) for row in roles]
    counts = Counter(min(d, 3) for d in degrees)
    return TEXTS.t("chart_degree_alt", lang, none=counts[0], one=counts[1], two=counts[2], more=counts[3],
                   top=max(degrees, default=0))


def isolation_alt(rows: Sequence[GroupCount], labels: Mapping[str, str], lang: str) -> str:
    """What :func:`isolation_bars` shows, in a sentence: per macro-region, how many have no tie or one.

    >>> rows = [{"group": "sur", "organizations": 5, "isolated": 2, "one_tie": 1}]
    >>> print(isolation_alt(rows, {"sur": "Sur"}, "en"))
    Bars per macro-region: organizations without ties (red), with one (orange) and with two or more (blue). Sur: 2 of 5 without ties, 1 with one.
    """
    parts = "; ".join(TEXTS.t("chart_isolation_part", lang, name=labels.get(r["group"], TEXTS.t("no_region", lang)),
                              isolated=r["isolated"], total=r["organizations"], one=r["one_tie"]) for r in rows)
    return TEXTS.t("chart_isolation_alt", lang, parts=parts)
