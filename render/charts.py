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
"""
from __future__ import annotations

import base64
import functools
import io
from collections import Counter
from typing import Any, Callable, Mapping, Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from essgraph.analysis.result import GroupCount, RoleRow
from essgraph.render.texts import TEXTS  # noqa: E402

__all__ = ["DEGREE_BARS", "macro_region_matrix", "heat_map", "degree_histogram", "isolation_bars", "png_uri"]


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
