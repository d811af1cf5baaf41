"""Data commands: ``validate``, ``build``, ``stats`` and ``export``.

Each command calls one function of :mod:`essgraph.loaders` of the same name and
prints its result.

>>> [c.name for c in COMMANDS]
['validate', 'build', 'stats', 'export']
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import click

import essgraph.loaders as loaders
from essgraph.errors import ValidationFailed
from essgraph.i18n import Catalog
from essgraph.loaders.murmurations_export import MURMURATIONS_IMPORTER, MURMURATIONS_INDEX, MURMURATIONS_TEST_INDEX

from essgraph.cli.options import (data_option, echo_json, graph_options, json_flag, lang_option, progress_bar,
                                  quiet_option, snapshot_option)

__all__ = ["COMMANDS", "validate", "build", "stats", "export"]

_TEXT = Catalog({
    "labels": ("Nodos por etiqueta", "Nodes per label"),
    "types": ("Relaciones por tipo", "Relationships per type"),
    "evidence": ("Relaciones por evidencia", "Relationships per evidence"),
    "regions": ("Organizaciones y municipalidades por región", "Organizations and municipalities per region"),
    "macro_regions": ("… por macro región", "… per macro-region"),
    "kinds": ("Organizaciones por tipo", "Organizations per kind"),
    "totals": ("{nodes} nodos, {relationships} relaciones, {census} registros del censo",
               "{nodes} nodes, {relationships} relationships, {census} census records"),
    "saved": ("Grafo guardado en {path}", "Graph saved to {path}"),
    "warnings": ("{count} aviso(s): véalos con essgraph validate", "{count} warning(s): see them with essgraph validate"),
    "exported": ("Exportado a {path}", "Exported to {path}"),
    "publish": (
        "{profiles} perfiles Murmurations. Para publicarlos:\n"
        "  1. Suba los archivos de {path} a {base_url} (cada perfil queda en {example}).\n"
        "  2. Registre la dirección de cada perfil en el índice de Murmurations: un POST con "
        '{{"profile_url": "{example}"}} a {index} (pruebe antes en {test_index}).\n'
        "  O bien suba {csv} al Batch Importer de Murmurations ({importer}).\n"
        "  Detalles: docs/formats.md, sección Murmurations.",
        "{profiles} Murmurations profiles. To publish them:\n"
        "  1. Upload the files of {path} to {base_url} (each profile at {example}).\n"
        "  2. Register each profile's address with the Murmurations index: a POST of "
        '{{"profile_url": "{example}"}} to {index} (try {test_index} first).\n'
        "  Or upload {csv} to the Murmurations Batch Importer ({importer}).\n"
        "  Details: docs/formats.md, section Murmurations."),
})


@click.command()
@data_option
@click.option("--strict", is_flag=True, help="Treat warnings (encoding, garbled text, possible duplicates) as errors.")
@json_flag
@lang_option
def validate(data_dir: Path | None, strict: bool, as_json: bool, lang: str) -> None:
    """Check the data files and list every problem with how to fix it.

    Exits 0 when there is no error, 1 otherwise.

    Example: essgraph validate --data mis-datos/
    """
    report = loaders.validate(data_dir, strict=strict)
    if as_json:
        echo_json(report.to_dict(lang))
        raise click.exceptions.Exit(int(not report.valid))
    if not report.valid:
        raise ValidationFailed(report.summary(lang), report)
    click.echo(report.render(lang) if report.problems else report.summary(lang))


@click.command()
@data_option
@snapshot_option
@lang_option
@quiet_option
def build(data_dir: Path | None, snapshot: Path | None, lang: str, quiet: bool) -> None:
    """Validate the data, build the graph and save it for the other commands.

    Example: essgraph build --data mis-datos/ --snapshot grafo.json
    """
    with progress_bar("build", quiet) as progress:
        result = loaders.build(data_dir, snapshot=snapshot, progress=progress)
    _echo_counts(_TEXT.t("labels", lang), result.labels)
    _echo_counts(_TEXT.t("types", lang), result.types)
    if result.report.warnings:
        click.echo(_TEXT.t("warnings", lang, count=result.report.warnings))
    click.echo(_TEXT.t("saved", lang, path=result.snapshot))


@click.command()
@graph_options
@json_flag
@lang_option
def stats(data_dir: Path | None, snapshot: Path | None, as_json: bool, lang: str) -> None:
    """Count nodes and relationships by label, type, evidence, region, macro-region and kind.

    Example: essgraph stats --json
    """
    counts = loaders.stats(loaders.load_graph(data_dir=data_dir, snapshot=snapshot))
    if as_json:
        echo_json(counts)
        return
    click.echo(_TEXT.t("totals", lang, **counts))
    for key in ("labels", "types", "evidence", "kinds", "regions", "macro_regions"):
        _echo_counts(_TEXT.t(key, lang), counts[key])


@click.command()
@graph_options
@click.option("--format", "fmt", type=click.Choice((*loaders.EXPORT_FORMATS, "kumu")), required=True,
              help="json (loss-free), graphml or gexf (Gephi), csv (a .zip of nodes.csv and relationships.csv), "
                   "murmurations (a folder of profiles for the Murmurations index, with the Batch Importer's CSV), "
                   "essglobal (RIPESS's ESSGlobal linked data as Turtle), essglobal-jsonld (the same as JSON-LD), "
                   "kumu (an .xlsx for Kumu: Elements with the map's measures, and Connections).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Output file; a folder for murmurations (new, empty or an earlier murmurations export).")
@click.option("--base-url", default=None,
              help="murmurations: the web address where the profiles will be hosted (BASE/ID.json); the "
                   "primary_url of organizations without a website of their own. essglobal: where the file will be "
                   f"published; each node's URI is BASE + its id (default: a placeholder, {loaders.DEFAULT_BASE_URL}).")
@click.option("--include-reported", is_flag=True,
              help="murmurations: publish the ties reported in survey rounds too (default: stated ties only).")
@click.option("--include-personal-data", is_flag=True,
              help="Keep people's names, phones and e-mails (left out by default).")
@lang_option
def export(data_dir: Path | None, snapshot: Path | None, fmt: str, output: Path, base_url: str | None,
           include_reported: bool, include_personal_data: bool, lang: str) -> None:
    """Export the graph for Gephi, Kumu, spreadsheets, the Murmurations index, other SSE maps or other programs.

    Example: essgraph export --format gexf -o mapa.gexf

    Example: essgraph export --format kumu -o mapa.xlsx --lang en

    Example: essgraph export --format murmurations -o perfiles/ --base-url https://example.org/perfiles/

    Example: essgraph export --format essglobal -o mapa.ttl --base-url https://datos.example.pe/ess/
    """
    G = loaders.load_graph(data_dir=data_dir, snapshot=snapshot)
    if fmt == "kumu":  # its elements carry the map's measures: the analysis runs first
        from essgraph.render.kumu import kumu_export
        loaders.check_export_options(fmt, base_url=base_url, include_reported=include_reported)
        click.echo(_TEXT.t("exported", lang, path=kumu_export(G, output, lang=lang,
                                                             include_personal_data=include_personal_data)))
        return
    viz = None
    if fmt == "gexf":  # Gephi opens the views' picture (positions, colours, sizes)
        from essgraph.render.gephi import gephi_viz
        viz = gephi_viz(G)
    path = loaders.export(G, fmt, output, include_personal_data=include_personal_data, viz=viz, base_url=base_url,
                          include_reported=include_reported, lang=lang)
    click.echo(_TEXT.t("exported", lang, path=path))
    if fmt == "murmurations":
        _echo_publishing(path, str(base_url), lang)


def _echo_publishing(folder: Path, base_url: str, lang: str) -> None:
    """How to publish a Murmurations export: host the files, register their addresses (or the batch CSV)."""
    names = sorted(p.name for p in folder.glob("*.json"))
    base = loaders.check_base_url(base_url)
    click.echo(_TEXT.t("publish", lang, profiles=len(names), path=folder, base_url=base,
                       example=base + (names[0] if names else "ID.json"),
                       csv=", ".join(sorted(p.name for p in folder.glob("murmurations*.csv"))),
                       index=MURMURATIONS_INDEX, test_index=MURMURATIONS_TEST_INDEX, importer=MURMURATIONS_IMPORTER))


def _echo_counts(title: str, counts: dict[str, Any]) -> None:
    click.echo(f"{title}:")
    width = max((len(k) for k in counts), default=0)
    for key, value in counts.items():
        click.echo(f"  {key:<{width}}  {value:>5}")


COMMANDS = [validate, build, stats, export]
