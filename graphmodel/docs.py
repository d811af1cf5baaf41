"""The newcomer's page of the graph model, generated from the model itself.

``docs/model.md`` is this module's output; a test keeps the two equal, so the page
can never drift from the code.

Examples
--------
>>> page = model_markdown()
>>> page.splitlines()[0]
'# The essgraph graph model'
>>> "| `MEMBER_OF` |" in page
True
"""
from __future__ import annotations

from essgraph.graphmodel.schema import (
    ANALYSIS_LABEL, ANALYSIS_NODE_PROPERTIES, ANALYSIS_RUN_PROPERTIES, EVIDENCE_PROPERTIES, MESA_SEAT_LABEL,
    MESA_SEAT_PROPERTIES, NETWORK_LABEL, NODE_SPECS, PROPOSED_TIE, PROPOSED_TIE_PROPERTIES, REL_SPECS, PropertySpec,
)
from essgraph.graphmodel.vocab import NETWORK_KINDS, VOCABULARIES

__all__ = ["model_markdown"]

_NODE_EXAMPLES = {
    "Organization": '(:Organization:Network {id: "gresp", name: "Grupo Red de Economía Solidaria del Perú", '
                    'kind: "network", scope: "national", status: "active"})',
    "Municipality": '(:Municipality {id: "muni-huamanga", name: "Municipalidad Provincial de Huamanga", '
                    'region: "ayacucho"})',
    "Region": '(:Region {id: "cusco", name: "Cusco", ubigeo: "08"})',
    "MacroRegion": '(:MacroRegion {id: "sur", name: "Macro Región Sur"})',
    "Person": '(:Person {id: "person-…", name: "…"})  // personal data: never in shared outputs',
}


_HEADER, _RULE = "| property | type | flags | allowed values | meaning |", "|---|---|---|---|---|"
#: What an analysis writes back, and where (the model page lists each group).
_WRITTEN_BACK = (
    ("On every analysed `Organization` (and `Municipality`)", ANALYSIS_NODE_PROPERTIES),
    (f"On each organization holding a seat of the proposed Mesa, with the label `{MESA_SEAT_LABEL}`",
     MESA_SEAT_PROPERTIES),
    (f"On each recommended alliance, a `{PROPOSED_TIE}` relationship between two organizations",
     PROPOSED_TIE_PROPERTIES),
    (f"On the one `{ANALYSIS_LABEL}` node, the run's metadata", ANALYSIS_RUN_PROPERTIES),
)


def _property_row(p: PropertySpec) -> str:
    allowed = ""
    if p.vocabulary:
        codes = list(VOCABULARIES[p.vocabulary])
        allowed = ", ".join(f"`{c}`" for c in codes[:8]) + (" …" if len(codes) > 8 else "")
    elif p.ref:
        allowed = f"an id of a `{p.ref}`"
    flags = ", ".join(f for f, on in (("required", p.required), ("personal data", p.personal)) if on)
    return f"| `{p.name}` | {p.type} | {flags} | {allowed} | {p.description} |"


def model_markdown() -> str:
    """The model page in Markdown (English, for developers and curators)."""
    out = [
        "# The essgraph graph model",
        "",
        "Generated from `graphmodel/` by `python -m essgraph.graphmodel.docs > docs/model.md`; "
        "a test keeps it in sync. The data files that feed it are described in `data/SCHEMA.md`.",
        "",
        "## Node labels",
        "",
        f"Organizations whose `kind` is one of {', '.join(f'`{k}`' for k in sorted(NETWORK_KINDS))} "
        f"also carry the label `{NETWORK_LABEL}` (`:Organization:{NETWORK_LABEL}`).",
    ]
    for spec in NODE_SPECS.values():
        out += [
            "",
            f"### `{spec.label}` — {spec.term.es} / {spec.term.en}",
            "",
            spec.description + (" Personal data." if spec.personal else ""),
            f"Key: `{spec.key}`. Data files: the `{spec.file_key}` entry of `dataset.toml`. Example:",
            "",
            f"    {_NODE_EXAMPLES[spec.label]}",
            "",
            "| property | type | flags | allowed values | meaning |",
            "|---|---|---|---|---|",
        ]
        out += [_property_row(p) for p in spec.properties]
    out += [
        "",
        "## Relationship types",
        "",
        "Every relationship carries its evidence:",
        "",
        "| property | type | flags | allowed values | meaning |",
        "|---|---|---|---|---|",
        *[_property_row(p) for p in EVIDENCE_PROPERTIES],
        "",
        "| type | from | to | symmetric | meaning |",
        "|---|---|---|---|---|",
    ]
    for rel in REL_SPECS.values():
        out.append(
            f"| `{rel.type}` | {', '.join(sorted(rel.start_labels))} | {', '.join(sorted(rel.end_labels))} "
            f"| {'yes' if rel.symmetric else 'no'} | {rel.description} ({rel.term.es}) |"
        )
    out += [
        "",
        "Example: `(:Organization {id: \"anpe\"})-[:ALLIED_WITH {section: \"3.1 Región Lima Nacional\", "
        "quote: \"Ha realizado actividades en alianza con el GRESP\", evidence: \"stated\"}]->"
        "(:Organization:Network {id: \"gresp\"})`",
        "",
        "## An analysis written back (not data)",
        "",
        "`essgraph analyze --write-neo4j` writes these names only (the whitelist in `graphmodel/schema.py`); "
        "each run replaces the last one, `neo4j pull` never reads them, and a load that changes the data removes "
        "them. See `docs/neo4j.md`.",
        "",
        *(line for intro, specs in _WRITTEN_BACK
          for line in (intro + ":", "", _HEADER, _RULE, *[_property_row(p) for p in specs], "")),
        "## Vocabularies",
        "",
        "ESSGlobal concepts use the codes of its SKOS files (`http://purl.org/essglobal/standard/…`).",
    ]
    for name, vocab in VOCABULARIES.items():
        out += ["", f"### `{name}`", "", "| code | es | en |", "|---|---|---|"]
        out += [f"| `{code}` | {term.es} | {term.en} |" for code, term in vocab.items()]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(model_markdown(), end="")
