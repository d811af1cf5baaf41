"""Realistic synthetic ESS directories, for scale tests and benchmarks.

:func:`synth` writes a data folder in the project's own format (the same files,
columns and vocabularies as the bundled data), so it goes through the same
readers and validation. Organizations are spread over Peru's regions with a
skewed (Zipf-like) size distribution; networks and sub-networks gather
memberships by preferential attachment; municipalities hold a few alliances
each; people speak for one or more organizations; some initiatives stay
isolated or one tie away from isolation, and some small clusters are
disconnected from the rest. Tie density is about five per organization.
Everything is drawn from one ``random.Random(seed)``: the same seed writes the
same bytes.

Examples
--------
>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> counts = synth(d, orgs=200, seed=7)
>>> counts["organizations"], counts["relationships"] > 600
(200, True)
>>> sorted(p.name for p in d.iterdir())[:3]
['contacts.csv', 'cooperative_census.csv', 'dataset.toml']
"""
from __future__ import annotations

import random
from itertools import accumulate
from pathlib import Path
from typing import Iterable, Mapping

from essgraph.errors import DataError
from essgraph.loaders.folder import Department, bundled_rows, data_file_bytes, departments
from essgraph.graphmodel import NODE_SPECS
from essgraph.graphmodel.vocab import ORG_KINDS, SECTORS

__all__ = ["synth", "REGIONS"]

#: Peru's departments: the bundled data's table (id, name, macro-region or "", INEI code).
REGIONS: tuple[Department, ...] = departments()
#: The report's macro-regions: the bundled data's table (id, name), as the departments are.
_MACRO = tuple((row["id"], row["name"]) for row in bundled_rows("macro_regions.csv"))
_ORG_KINDS = tuple(k for k in ORG_KINDS if k not in {"network", "platform", "mesa"})
_NETWORK_KINDS = ("network", "network", "platform", "mesa")
_TIE_TYPES = ("ALLIED_WITH", "COORDINATES_WITH", "SUPPORTS", "ALLIED_WITH", "COORDINATES_WITH")
_REL_COLUMNS = ("type", "start", "end", "section", "quote", "year", "evidence", "note")
_SECTION = "sintético"


def synth(out_dir: Path | str, *, orgs: int = 1000, seed: int = 0, force: bool = False) -> dict[str, int]:
    """Write a synthetic data folder with ``orgs`` organizations; return row counts.

    Parameters
    ----------
    out_dir : path
        Folder to write (created if missing). A folder that already holds data
        files is refused unless ``force`` (it may be a curated data folder).
    force : bool
        Overwrite the data files of a folder that has some.
    orgs : int
        Number of non-network organizations (networks, municipalities and
        people are added in proportion).
    seed : int
        Seed of the only random generator used.

    Returns
    -------
    dict
        Rows written per file kind: organizations, networks, municipalities,
        people, relationships.

    Raises
    ------
    ValueError
        If ``orgs`` is smaller than 10.
    essgraph.errors.DataError
        If ``out_dir`` already holds data files and ``force`` is not set.
    """
    if orgs < 10:
        raise ValueError("synth needs at least 10 organizations")
    existing = sorted(p.name for p in Path(out_dir).glob("*") if p.suffix.lower() in (".csv", ".xlsx", ".toml"))
    if existing and not force:
        raise DataError(f"{out_dir} already holds data files ({', '.join(existing[:3])}…): "
                        "a synthetic folder would overwrite them; choose an empty folder or force it")
    rng = random.Random(seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    region_weights = [rng.paretovariate(1.2) for _ in REGIONS]
    region_weights[[r.id for r in REGIONS].index("lima")] *= 6  # the capital holds most national bodies

    n_networks = max(3, orgs // 40)
    networks = [_org_row(f"net-{i:06d}", f"Red sintética {i}", rng.choice(_NETWORK_KINDS), rng, region_weights)
                for i in range(n_networks)]
    ids = [f"org-{i:07d}" for i in range(orgs)]
    organizations = [_org_row(org_id, f"Organización sintética {i}", rng.choice(_ORG_KINDS), rng, region_weights)
                     for i, org_id in enumerate(ids)]
    n_munis = max(2, orgs // 25)
    municipalities = [
        {"id": f"muni-{i:06d}", "name": f"Municipalidad sintética {i}", "level": rng.choice(("provincial", "district")),
         "region": rng.choices(REGIONS, region_weights)[0][0], "section": _SECTION, "quote": f"municipio {i}"}
        for i in range(n_munis)
    ]
    rels, core = _relationships(rng, ids, networks, n_munis)
    people, people_rels = _people(rng, core, max(1, orgs // 4))
    contacts = [_rel("SHARES_CONTACT", a, b, rng, evidence="inferred")
                for a, b in (sorted(rng.sample(core, 2)) for _ in range(max(1, orgs // 100)))]

    _write(out / "organizations.csv", NODE_SPECS["Organization"].columns, organizations)
    _write(out / "networks.csv", NODE_SPECS["Organization"].columns, networks)
    _write(out / "municipalities.csv", NODE_SPECS["Municipality"].columns, municipalities)
    _write(out / "regions.csv", NODE_SPECS["Region"].columns,
           ({"id": r, "name": n, "macro_region": m, "ubigeo": u, "section": _SECTION, "quote": n}
            for r, n, m, u in REGIONS))
    _write(out / "macro_regions.csv", NODE_SPECS["MacroRegion"].columns,
           ({"id": m, "name": n, "section": _SECTION, "quote": n} for m, n in _MACRO))
    _write(out / "people.csv", NODE_SPECS["Person"].columns, people)
    _write(out / "relationships.csv", _REL_COLUMNS, rels)
    _write(out / "people_relationships.csv", _REL_COLUMNS, people_rels)
    _write(out / "contacts.csv", _REL_COLUMNS, contacts)
    _write(out / "cooperative_census.csv",
           ("table", "dimension", "category", "count", "percent", "year", "section", "quote", "note"), [])
    (out / "dataset.toml").write_text(_DATASET_TOML.format(orgs=orgs, seed=seed), encoding="utf-8")
    return {"organizations": orgs, "networks": n_networks, "municipalities": n_munis, "people": len(people),
            "relationships": len(rels) + len(people_rels) + len(contacts)}


def _org_row(org_id: str, name: str, kind: str, rng: random.Random, region_weights: list[float]) -> dict[str, object]:
    region, _name, macro, _code = rng.choices(REGIONS, region_weights)[0]
    return {
        "id": org_id, "name": name, "kind": kind, "status": "active",
        "sector": rng.choice(list(SECTORS)),
        "scope": "national" if kind in {"network", "platform", "mesa"} and rng.random() < 0.3 else "regional",
        "region": region, "macro_region": macro, "section": _SECTION, "quote": name,
    }



def _relationships(rng: random.Random, ids: list[str], networks: list[dict[str, object]], n_munis: int
                   ) -> tuple[list[dict[str, object]], list[str]]:
    """The ties of a synthetic map (a tree of networks, fates of each organization, municipalities), and its core."""
    rels: list[dict[str, object]] = []
    # Sub-networks: a tree of networks, the first one national.
    for i in range(1, len(networks)):
        rels.append(_rel("PART_OF", f"net-{i:06d}", f"net-{rng.randrange(0, i):06d}", rng))
    # Fates: isolated 5 %, one tie 10 %, small disconnected clusters 3 %, connected core the rest.
    fates = rng.choices(("isolated", "one", "cluster", "core"), (5, 10, 3, 82), k=len(ids))
    core = [i for i, f in zip(ids, fates) if f == "core"]
    # Skewed activity (a few hubs); cumulative weights keep each draw O(log n).
    weights = list(accumulate(rng.paretovariate(1.5) for _ in core))
    net_weights = list(accumulate(rng.paretovariate(1.1) for _ in networks))
    for org, fate in zip(ids, fates):
        if fate == "one":
            rels.append(_rel(rng.choice(_TIE_TYPES), org, rng.choices(core, cum_weights=weights)[0], rng))
        elif fate == "core":
            joined = rng.choices(networks, cum_weights=net_weights, k=rng.choice((1, 1, 2)))
            for net in dict.fromkeys(str(n["id"]) for n in joined):
                rels.append(_rel("MEMBER_OF", org, net, rng))
            for other in dict.fromkeys(rng.choices(core, cum_weights=weights, k=rng.choice((1, 2, 3, 4, 5, 6)))):
                if other == org:
                    continue
                rels.append(_rel(rng.choice(_TIE_TYPES), org, other, rng))
    clustered = [i for i, f in zip(ids, fates) if f == "cluster"]
    for start in range(0, len(clustered), 4):
        group = clustered[start:start + 4]
        rels += [_rel("ALLIED_WITH", a, b, rng) for a, b in zip(group, group[1:])]
    for i in range(n_munis):
        for org in dict.fromkeys(rng.choices(core, cum_weights=weights, k=rng.randint(1, 4))):
            rels.append(_rel("WORKS_WITH", org, f"muni-{i:06d}", rng))
    return rels, core

def _rel(rel_type: str, start: str, end: str, rng: random.Random, evidence: str = "stated") -> dict[str, object]:
    year = rng.randint(2008, 2018) if rng.random() < 0.6 else ""
    return {"type": rel_type, "start": start, "end": end, "section": _SECTION,
            "quote": f"{rel_type} {start} {end}", "year": year, "evidence": evidence}


def _people(rng: random.Random, orgs: list[str], n: int) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    people: list[dict[str, object]] = []
    rels: list[dict[str, object]] = []
    for i in range(n):
        pid = f"person-synth-{i:06d}"
        people.append({"id": pid, "name": f"Persona sintética {i}", "section": _SECTION, "quote": pid})
        for org in rng.sample(orgs, k=min(len(orgs), rng.choice((1, 1, 1, 2, 3)))):
            rels.append(_rel("REPRESENTS", pid, org, rng))
    return people, rels


def _write(path: Path, columns: Iterable[str], rows: Iterable[Mapping[str, object]]) -> None:
    path.write_bytes(data_file_bytes(columns, rows))


_DATASET_TOML = """\
[dataset]
title = "Synthetic ESS directory ({orgs} organizations, seed {seed})"
source = "essgraph synth --orgs {orgs} --seed {seed}"
inclusion_criteria = "synthetic"
mapped_by = "essgraph"
validation = "essgraph validate"
date = "synthetic"
update_policy = "regenerate"
language = "es"

[files]
organizations = ["organizations.csv", "networks.csv"]
municipalities = ["municipalities.csv"]
regions = ["regions.csv"]
macro_regions = ["macro_regions.csv"]
people = ["people.csv"]
relationships = ["relationships.csv", "people_relationships.csv", "contacts.csv"]
census = ["cooperative_census.csv"]
"""
