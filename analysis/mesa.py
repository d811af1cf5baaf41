"""A Mesa de Economía Solidaria: few seats that represent the whole connected network.

The proposal seats a small set of organizations (networks first) so that:

* every organization with at least one tie is *represented within one step*:
  it holds a seat or has a tie with a seated organization (a dominating set of
  the connected organizations; a tie through a person, when people take part,
  represents nobody);
* every macro-region with organizations holds a seat;
* every main sector (held by at least ``main_sector_share`` of the organizations)
  holds a seat.

Finding the smallest such set is NP-hard; the greedy rule (seat, at each step,
whoever covers most of what is still uncovered: networks first on equal
coverage, then more ties, then id) is within a factor ``ln n`` of the optimum
(Chvátal). Seats that end up redundant are then dropped. Organizations with no
tie cannot be represented within one step and are reported as unrepresented;
inactive or proposed organizations are never seated, nor the kinds excluded
on request (an organization tied only to them may then stay unrepresented).

References
----------
Chvátal, V. (1979). A greedy heuristic for the set-covering problem.
Haynes, T., Hedetniemi, S. & Slater, P. (1998). Fundamentals of Domination in Graphs.

Examples
--------
>>> import networkx as nx
>>> T = nx.Graph([("red", "a"), ("red", "b"), ("c", "d")]); T.add_node("e")
>>> T.nodes["red"]["is_network"] = True
>>> m = mesa(T)
>>> [s["id"] for s in m.seats], m.coverage["organizations"], [u["id"] for u in m.unrepresented]
(['red', 'c'], {'covered': 5, 'total': 5, 'share': 1.0}, ['e'])
"""
from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Hashable

import networkx as nx

from essgraph.analysis._common import actors, group_of, id_key, ref, refs, rnd

__all__ = ["Mesa", "mesa"]

_NOT_SEATED = ("inactive", "proposed")


@dataclass
class Mesa:
    """The seats, what they cover, and who stays unrepresented."""

    seats: list[dict[str, Any]]
    coverage: dict[str, dict[str, Any]]
    main_sectors: list[str]
    unrepresented: list[dict[str, Any]] = field(default_factory=list)
    uncovered_groups: list[dict[str, str]] = field(default_factory=list)


def mesa(
    T: nx.Graph,
    *,
    main_sector_share: float = 0.05,
    max_seats: int | None = None,
    exclude_kinds: tuple[str, ...] = (),
) -> Mesa:
    """Propose the seats of a Mesa that represents every connected organization.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    main_sector_share : float
        A sector is *main* when at least this share of the organizations has it
        as primary activity (and at least two do).
    max_seats : int, optional
        Stop at this many seats (what stays uncovered is reported).
    exclude_kinds : tuple of str
        Kinds never seated, e.g. ``("public_body", "cooperation_agency", "company")``
        to keep the state and the cooperation as interlocutors rather than members
        (they can still be represented by a seated partner; the coverage may drop).

    Returns
    -------
    Mesa
        ``seats`` in the order chosen, each ``{id, name, kind, macro_region, sector,
        represents, reason}``; ``coverage`` of ``organizations`` (connected ones, by
        one step), ``macro_regions`` and ``main_sectors`` as ``{covered, total, share}``;
        ``unrepresented`` the organizations neither seated nor tied to a seat.
    """
    orgs = actors(T)
    connected = {v for v in orgs if any(not T.nodes[w].get("is_person") for w in T[v])}
    counts = Counter(g for g in (group_of(T, v, "sector") for v in orgs) if g is not None)
    main_sectors = sorted(s for s, n in counts.items() if n >= max(2, main_sector_share * len(orgs)))
    macros = sorted({g for g in (group_of(T, v, "macro_region") for v in orgs) if g is not None})
    need: set[Any] = set(connected) | {("macro_region", m) for m in macros} | {("sector", s) for s in main_sectors}
    eligible = [v for v in orgs if T.nodes[v].get("status") not in _NOT_SEATED
                and T.nodes[v].get("kind") not in exclude_kinds]
    covers = {v: _covers(T, v, connected, main_sectors) for v in eligible}
    seats = _greedy_cover(T, eligible, covers, need, max_seats)
    covered: set[Any] = set().union(*(covers[s] for s in seats)) if seats else set()
    rows: list[dict[str, Any]] = []
    done: set[Any] = set()
    for v in seats:
        fresh = covers[v] - done
        done |= covers[v]
        rows.append({**ref(T, v), "kind": T.nodes[v].get("kind"), "macro_region": group_of(T, v, "macro_region"),
                     "sector": group_of(T, v, "sector"), "represents": len(covers[v] & connected),
                     "reason": _reason(fresh, connected)})
    unrepresented = [v for v in orgs if v not in covered]
    missing = sorted((g for g in need - covered if isinstance(g, tuple)), key=lambda g: g)
    return Mesa(rows, {
        "organizations": _share(len(connected & covered), len(connected)),
        "macro_regions": _share(sum(("macro_region", m) in covered for m in macros), len(macros)),
        "main_sectors": _share(sum(("sector", s) in covered for s in main_sectors), len(main_sectors)),
    }, main_sectors, refs(T, unrepresented), [{"attribute": a, "group": g} for a, g in missing])


def _greedy_cover(T: nx.Graph, eligible: list[Hashable], covers: dict[Hashable, set[Any]], need: set[Any],
                  max_seats: int | None) -> list[Hashable]:
    """Lazy greedy set cover (gains only shrink, so stale heap keys are safe), then pruning."""
    heap = [(-len(covers[v] & need), not T.nodes[v].get("is_network"), -T.degree(v), id_key(v), i)
            for i, v in enumerate(eligible)]
    heapq.heapify(heap)
    seats: list[Hashable] = []
    uncovered = set(need)
    while heap and uncovered and (max_seats is None or len(seats) < max_seats):
        top = heapq.heappop(heap)
        v = eligible[top[-1]]
        gain = len(covers[v] & uncovered)
        fresh = (-gain, *top[1:])
        if heap and fresh > heap[0]:
            heapq.heappush(heap, fresh)
            continue
        if gain == 0:
            break
        seats.append(v)
        uncovered -= covers[v]
    multiplicity = Counter(x for v in seats for x in covers[v])
    dropped = set()
    for v in reversed(seats):  # drop seats the others make redundant
        if all(multiplicity[x] > 1 for x in covers[v] if x in need):
            dropped.add(v)
            multiplicity.subtract(covers[v])
    return [v for v in seats if v not in dropped]


def _covers(T: nx.Graph, v: Hashable, connected: set[Hashable], main_sectors: list[str]) -> set[Any]:
    result: set[Any] = ({v} | set(T[v])) & connected
    macro, sector = group_of(T, v, "macro_region"), group_of(T, v, "sector")
    if macro is not None:
        result.add(("macro_region", macro))
    if sector in main_sectors:
        result.add(("sector", sector))
    return result


def _reason(fresh: set[Any], connected: set[Hashable]) -> dict[str, Any]:
    """Why a seat: how many organizations it adds, and the macro-region and main sector it brings first."""
    first = {g[0]: g[1] for g in sorted((g for g in fresh if isinstance(g, tuple)), key=lambda g: g)}
    return {"code": "seat", "new": len(fresh & connected), "macro_region": first.get("macro_region"),
            "sector": first.get("sector")}


def _share(covered: int, total: int) -> dict[str, Any]:
    return {"covered": covered, "total": total, "share": rnd(covered / total) if total else None}
